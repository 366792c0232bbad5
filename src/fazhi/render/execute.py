"""Running pages: each notebook in a fresh kernel with papermill, then exported to HTML; in this
process, in local worker processes or on a Dask cluster. A failing page is a result, never an
exception: the other pages go on.

>>> run_pages(plan.tasks("reports"), print, workers=2)                 # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from fazhi.render.html import _exporter, export_html
from fazhi.render.plan import inside

# a function that runs tasks (Plan.tasks) and hands each result to the callback, in any order
Executor = Callable[[Sequence[dict], Callable[[dict], None]], None]

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_KERNEL_DIED = re.compile(r"kernel died|dead ?kernel|kernel_info|address already in use", re.I)
_KERNEL_ATTEMPTS = 3
# no history database: kernels share nothing and write nothing into ~/.ipython (as nbclient does)
_KERNEL_ARGS = ["--IPKernelApp.log_level=ERROR", "--HistoryManager.hist_file=:memory:"]
# modules every notebook imports in its first cells: a spare kernel loads them while the worker
# exports the previous page. One expression run silently: no name is bound in the kernel's
# namespace and the execution count does not move, so the page still starts from a clean kernel.
_WARM_MODULES = ("pandas", "pyarrow.parquet", "fazhi", "fazhi.corpus", "fazhi.display",
                 "fazhi.textstat", "fazhi.textplot", "matplotlib.pyplot", "IPython.display")
# matplotlib's config/cache folder is chosen as fazhi.fonts does before its first import
_WARM_CODE = ("__import__('fazhi.fonts').fonts._ensure_mpl_cache() or "
              f"[__import__('importlib').import_module(m) for m in {list(_WARM_MODULES)!r}] "
              "and None")
_SPARE: _SpareKernel | None = None
_ATEXIT: list[bool] = []


def last_lines(text: str, n: int = 8) -> str:
    """The last ``n`` non-blank lines of a traceback, without terminal colours."""
    lines = [ln.rstrip() for ln in _ANSI.sub("", text).splitlines() if ln.strip()]
    return "\n".join(lines[-n:])


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS/Windows
        return os.cpu_count() or 1


class _SpareKernel:
    """A new kernel for the worker's next page, started (and its imports loaded) in a thread.

    Each kernel still serves exactly one page: it is started for that page, warmed with module
    imports only, handed to papermill, and shut down after the page.
    """

    def __init__(self, cwd: str | None, env: dict[str, str] | None = None) -> None:
        import threading

        self.cwd, self.env = cwd, dict(env or {})
        self.km = None
        self.ok = False
        self.thread = threading.Thread(target=self._start, daemon=True)
        self.thread.start()

    def _start(self) -> None:
        try:
            self.km = start_kernel(self.cwd, self.env)
            self.ok = _run_silent(self.km, _WARM_CODE)
        except Exception:  # noqa: BLE001 - the page then starts its own kernel
            self.ok = False

    def take(self, cwd: str | None, env: dict[str, str] | None = None):
        """The started kernel manager, or None (failed, other folder or settings): then it is
        shut down."""
        self.thread.join()
        if self.ok and self.cwd == cwd and self.env == dict(env or {}):
            return self.km
        _shutdown(self.km)
        return None


def _run_silent(km, code: str, *, timeout: float = 120) -> bool:
    """Run ``code`` in the started kernel of ``km`` silently (no output, no history, the
    execution count unmoved); whether it ran without error."""
    kc = km.blocking_client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        msg_id = kc.execute(code, silent=True, store_history=False)
        while True:
            reply = kc.get_shell_msg(timeout=timeout)
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return reply.get("content", {}).get("status") == "ok"
    finally:
        kc.stop_channels()


def _env_code(env: dict[str, str | None]) -> str:
    """One expression setting (``None``: removing) environment variables in a kernel, binding no
    name: ``{"FAZHI_FIGURES": "/r/figures/01_overview"}``."""
    return (f"[__import__('os').environ.pop(k, None) if v is None else "
            f"__import__('os').environ.__setitem__(k, v) for k, v in {env!r}.items()] and None")


def page_env(task: dict) -> tuple[dict[str, str | None], str]:
    """The environment a page's kernel needs besides the worker's own, and the error that kept
    its figures from being written ("" if none).

    With ``task["figures"]`` (the page's figures folder, ``fazhi render --figures``) the folder is
    made ready (:func:`fazhi.figures.prepare_folder`) and ``$FAZHI_FIGURES`` /
    ``$FAZHI_FIGURES_HREF`` name it and its link from the page; without, or when the folder
    cannot be written, both are unset, so no chart file is written. Only the variables whose
    value differs from this process's (which the kernel inherits) are returned.
    """
    from fazhi.figures import FIGURES_ENV, FIGURES_HREF_ENV, folder_error, prepare_folder

    want: dict[str, str | None] = {FIGURES_ENV: None, FIGURES_HREF_ENV: None}
    error = ""
    folder = task.get("figures") or ""
    if folder:
        try:
            prepare_folder(folder)
            want = {FIGURES_ENV: folder, FIGURES_HREF_ENV: task.get("figures_href") or ""}
        except OSError as exc:
            error = folder_error(folder, exc)
    return {k: v for k, v in want.items() if os.environ.get(k) != v}, error


def start_kernel(cwd: str | None, env: dict[str, str] | None = None):
    """A new python3 kernel in folder ``cwd`` whose environment is this process's plus ``env``
    (the render's :func:`fazhi.config.kernel_env`: caches and project, whatever the folder)."""
    import asyncio

    from jupyter_client.manager import AsyncKernelManager

    from fazhi.fonts import LAB_FONT_ENV  # the page embeds its font: none from fd.setup()

    km = AsyncKernelManager(kernel_name="python3")
    try:
        asyncio.run(km.start_kernel(cwd=cwd, env={**os.environ, LAB_FONT_ENV: "0", **(env or {})},
                                    extra_arguments=_KERNEL_ARGS))
    except BaseException:
        _shutdown(km)
        raise
    return km


def _shutdown(km) -> None:
    import asyncio

    try:
        if km is not None and km.has_kernel:
            asyncio.run(km.shutdown_kernel(now=True))
    except Exception:  # noqa: BLE001 - best effort; the kernel exits with its parent anyway
        pass


def _shutdown_spare() -> None:
    global _SPARE
    if _SPARE is not None:
        _SPARE.thread.join()
        _shutdown(_SPARE.km)
        _SPARE = None


def _prestart(task: dict) -> None:
    import atexit

    global _SPARE
    if task.get("prestart") and _SPARE is None:
        if not _ATEXIT:
            from multiprocessing import util

            atexit.register(_shutdown_spare)
            # pool workers leave through os._exit (no atexit), but run these finalizers
            util.Finalize(None, _shutdown_spare, exitpriority=10)
            _ATEXIT.append(True)
        _SPARE = _SpareKernel(task.get("cwd"), task.get("env"))


def _worker_init(cwd: str | None, env: dict[str, str] | None = None) -> None:
    """A new worker process: start the kernel of its first page, then import papermill and
    build the HTML exporter while that kernel boots."""
    _prestart({"prestart": True, "cwd": cwd, "env": env})
    import papermill  # noqa: F401

    _exporter()


def render_page(task: dict) -> dict:
    """Execute one notebook with papermill and export it to HTML (runs in a worker process).

    ``task``: notebook, out, file, parameters, cwd (the kernel's folder), env (added to the
    kernel's environment), ``prestart`` (this worker has another page to render: start its
    kernel while this page is exported), and ``figures``/``figures_href`` (the page's figures
    folder and its link from the page, :func:`page_env`). Returns the task with status, seconds,
    error, ``figures_error`` (its figures folder could not be written: the page renders without
    them). One kernel per page: kernels are never reused.
    """
    import logging

    import papermill as pm

    global _SPARE
    # papermill warns about annotated parameters it cannot parse; the kernel about plain TCP
    logging.getLogger("papermill").setLevel(logging.ERROR)
    t0 = time.time()
    out = Path(task["out"])
    tmp = out / ".executed"
    tmp.mkdir(parents=True, exist_ok=True)
    executed = tmp / (task["file"].removesuffix(".html") + ".ipynb")
    result = {**task, "status": "rendered", "error": "", "figures_error": ""}
    km = None
    if _SPARE is not None:
        km, _SPARE = _SPARE.take(task.get("cwd"), task.get("env")), None
    try:
        env, result["figures_error"] = page_env(task)
        if result["figures_error"]:
            result["figures"] = ""
        for attempt in range(_KERNEL_ATTEMPTS):
            try:
                # our own kernel, never papermill's: it gets the render's settings (env)
                if km is None:
                    km = start_kernel(task.get("cwd"), task.get("env"))
                if env:
                    # the page's own variables (its figures folder), set in its kernel before
                    # its first cell: the spare kernel was started before the page was known
                    if not _run_silent(km, _env_code(env)):
                        raise RuntimeError("kernel died before the page's first cell")
                node = pm.execute_notebook(
                    task["notebook"], str(executed), parameters=task["parameters"],
                    kernel_name="python3", progress_bar=False, log_output=False, report_mode=True,
                    cwd=task.get("cwd"), extra_arguments=_KERNEL_ARGS, km=km)
                break
            except pm.PapermillExecutionError:
                raise
            except Exception as exc:  # noqa: BLE001
                # two kernels starting at once can pick the same free port (ZMQ "Address
                # already in use"): the kernel dies before replying; start it again
                _shutdown(km)
                km = None
                if attempt + 1 == _KERNEL_ATTEMPTS or not _KERNEL_DIED.search(str(exc)):
                    raise
        _shutdown(km)  # papermill leaves a kernel it did not start running
        km = None
        _prestart(task)
        export_html(node, inside(out, task["file"]), title=task.get("title"))
    except Exception as exc:  # noqa: BLE001 - any failure of one page is reported, not raised
        result["status"] = "failed"
        ename = getattr(exc, "ename", type(exc).__name__)
        evalue = getattr(exc, "evalue", str(exc))
        tb = getattr(exc, "traceback", None)
        text = "\n".join(tb) if tb else f"{ename}: {evalue}"
        result["error"] = last_lines(text) or f"{ename}: {evalue}"
    finally:
        _shutdown(km)
        _prestart(task)  # also after a failed page
        executed.unlink(missing_ok=True)
    result["seconds"] = round(time.time() - t0, 3)
    return result


def run_pages(tasks: Sequence[dict], on_done: Callable[[dict], None], *,
              workers: int | None = None, scheduler=None) -> None:
    """Run :func:`render_page` over ``tasks`` and hand each result to ``on_done`` as it comes:
    in this process (``workers=1``), in local processes (default: up to 2, or the cores), or on
    a Dask cluster (``scheduler``: an address or a ``Client``)."""
    if not tasks:
        return
    from fazhi.parallel import run_tasks

    tasks = list(tasks)
    early = os.environ.get("FAZHI_PRESTART", "1") != "0"
    if scheduler is not None:
        run_tasks(render_page, tasks, on_done, scheduler=scheduler)
        return
    workers = workers or min(cores(), 2 if len(tasks) > 1 else 1)
    if workers <= 1 or len(tasks) == 1:
        # one process: each page starts the next page's kernel early, but the last
        run_tasks(render_page, [{**t, "prestart": early and i + 1 < len(tasks)}
                                for i, t in enumerate(tasks)], on_done, workers=1)
        _shutdown_spare()
        return
    # spawn: the parent holds pandas/arrow thread pools that a fork could deadlock on; a worker
    # starts the next page's kernel early unless this is among its last pages
    kernels = {(t.get("cwd"), json.dumps(t.get("env") or {}, sort_keys=True)) for t in tasks}
    init = (None, ())
    if early and len(kernels) == 1:
        cwd, env = kernels.pop()
        init = (_worker_init, (cwd, json.loads(env)))
    n = min(workers, len(tasks))
    run_tasks(render_page, [{**t, "prestart": early and i + n < len(tasks)} for i, t in enumerate(tasks)],
              on_done, workers=n, start="spawn", initializer=init[0], initargs=init[1])
