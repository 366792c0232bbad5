"""Running a function over tasks on a Dask distributed cluster (shared by build and render).

Only file names and small dicts travel to the workers; each task writes its own output and returns a
small summary, which ``on_done`` receives in completion order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def run_on_cluster(func: Callable[[dict], dict], tasks: Iterable[dict], scheduler,
                   on_done: Callable[[dict], None]) -> None:
    """Run ``func`` over ``tasks`` on a Dask cluster: ``scheduler`` is an address
    (``"tcp://host:8786"``, a client is opened and closed here) or an existing ``Client``.

    >>> run_on_cluster(process_batch, tasks, "tcp://调度器:8786", print)   # doctest: +SKIP
    """
    from distributed import Client, as_completed

    client = Client(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        for fut in as_completed(client.map(func, list(tasks), pure=False)):
            on_done(fut.result())
    finally:
        if isinstance(scheduler, str):
            client.close()
