"""One task runner for the build and the render: a function over tasks, in this process, in local
worker processes, or on a Dask distributed cluster.

Only file names and small dicts travel to the workers; each task writes its own output and returns
a small summary, which ``on_done`` receives in completion order (progress bars and counts are the
caller's ``on_done``).

>>> run_tasks(process_batch, tasks, print, workers=2)              # doctest: +SKIP
>>> run_tasks(render_page, tasks, print, scheduler="tcp://调度器:8786")  # doctest: +SKIP
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Literal


def run_tasks(func: Callable[[dict], dict], tasks: Sequence[dict], on_done: Callable[[dict], None], *,
              workers: int = 1, scheduler=None, start: Literal["fork", "spawn"] = "fork",
              initializer: Callable | None = None, initargs: tuple = (),
              before_fork: Callable[[], None] | None = None,
              while_running: Callable[[], None] | None = None) -> None:
    """Run ``func`` over ``tasks`` and hand each result to ``on_done`` as it comes.

    ``scheduler`` (an address ``"tcp://host:8786"`` or a ``Client``): on that Dask cluster.
    Else ``workers <= 1`` or one task: in this process, in order. Else local processes started by
    ``start`` (``fork`` where the platform has it, not on macOS: workers inherit what the parent
    built in ``before_fork``; ``spawn`` where the parent holds thread pools a fork could deadlock
    on), each run through ``initializer(*initargs)`` first; ``while_running`` runs in a thread of
    the parent once the workers exist (e.g. importing what assembling the results needs).
    """
    tasks = list(tasks)
    if not tasks:
        return
    if scheduler is not None:
        run_on_cluster(func, tasks, scheduler, on_done)
        return
    if workers <= 1 or len(tasks) == 1:
        for t in tasks:
            on_done(func(t))
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed

    methods = mp.get_all_start_methods()
    method = "fork" if start == "fork" and "fork" in methods and sys.platform != "darwin" else "spawn"
    ctx = mp.get_context(method)
    if method == "fork" and before_fork is not None:
        before_fork()
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=ctx,
                             initializer=initializer, initargs=initargs) as pool:
        futures = [pool.submit(func, t) for t in tasks]
        if while_running is not None:
            threading.Thread(target=while_running, daemon=True).start()
        for fut in as_completed(futures):
            on_done(fut.result())


def run_on_cluster(func: Callable[[dict], dict], tasks: Iterable[dict], scheduler,
                   on_done: Callable[[dict], None]) -> None:
    """Run ``func`` over ``tasks`` on a Dask cluster: ``scheduler`` is an address
    (``"tcp://host:8786"``, a client is opened and closed here) or an existing ``Client``.

    >>> run_on_cluster(process_batch, tasks, "tcp://调度器:8786", print)   # doctest: +SKIP
    """
    from fazhi.extras import require

    distributed = require("distributed")  # MissingExtra names the extra when it is missing
    Client, as_completed = distributed.Client, distributed.as_completed

    client = Client(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        for fut in as_completed(client.map(func, list(tasks), pure=False)):
            on_done(fut.result())
    finally:
        if isinstance(scheduler, str):
            client.close()
