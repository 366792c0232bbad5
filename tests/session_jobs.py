"""Background jobs of a test session (the wheel install, the shared render) that every pytest
process of the session can wait for: the serial session, or each pytest-xdist worker.

The first process to create the job's folder starts the job (its own process group, so it
overlaps the tests); the others join it and wait for its record file. Only the standard library:
the job scripts run before the session has imported anything.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

POLL = 0.2  # seconds between looks at a job another process started


def session_root(config) -> Path | None:
    """The folder every process of this session shares: the serial session's pytest temp
    folder, or under xdist the controller's (each worker's own folder is one inside it)."""
    factory = getattr(config, "_tmp_path_factory", None) if config is not None else None
    if factory is None:
        return None
    base = factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie that its starter has not reaped yet does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - another user's process of that number
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc: kill(0) is all we know
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


class SharedJob:
    """``argv + [base]`` run once in the background for the whole session, in ``base``
    (``root/name``; a temp folder of its own, removed at :meth:`close`, without a root), with
    ``env`` (or ``env(base)``). The script writes ``base/job.json`` when it ends; :meth:`wait`
    returns that record."""

    record_name = "job.json"

    def __init__(self, argv: list[str], env: dict[str, str] | Callable[[Path], dict[str, str]],
                 *, name: str, root: Path | None = None, timeout: float = 1800) -> None:
        self.own = root is None
        self.timeout = timeout
        if root is None:
            self.base = Path(tempfile.mkdtemp(prefix=f"fazhi-{name}-")).resolve()
            self.starter = True
        else:
            self.base = (Path(root) / name).resolve()
            try:
                self.base.mkdir()
                self.starter = True
            except FileExistsError:  # another worker of this session started it
                self.starter = False
        self.log = self.base / "job.log"
        self.proc: subprocess.Popen | None = None
        if self.starter:
            with self.log.open("w") as log:
                self.proc = subprocess.Popen(
                    [*argv, str(self.base)], cwd=self.base,
                    env=env(self.base) if callable(env) else env, stdout=log,
                    stderr=subprocess.STDOUT, start_new_session=True)
            tmp = self.base / "pid.tmp"
            tmp.write_text(str(self.proc.pid), encoding="utf-8")
            tmp.replace(self.base / "pid")
        self.started = time.time()

    @property
    def args(self) -> list[str]:
        return list(self.proc.args) if self.proc else [f"(started by another worker in {self.base})"]

    def _pid(self, deadline: float) -> int | None:
        pid_file = self.base / "pid"
        while not pid_file.is_file():
            if time.time() > deadline:
                return None
            time.sleep(POLL)
        pid = int(pid_file.read_text(encoding="utf-8"))
        self.started = pid_file.stat().st_mtime
        return pid

    def wait(self, timeout: float | None = None) -> dict:
        """The job's record once it has ended; a job that crashed, wrote no record or ran out
        of time raises AssertionError with its log."""
        timeout = self.timeout if timeout is None else timeout
        deadline = self.started + timeout
        record = self.base / self.record_name
        if self.proc is not None:
            try:
                code = self.proc.wait(timeout=max(1.0, deadline - time.time()))
            except subprocess.TimeoutExpired:
                self.stop()
                raise AssertionError(f"{self.base.name} job still running after {timeout} s\n"
                                     f"{self.log_tail()}") from None
        else:
            pid = self._pid(deadline)
            while pid is not None and not record.is_file() and _alive(pid):
                if time.time() > deadline:
                    raise AssertionError(f"{self.base.name} job (pid {pid}) still running "
                                         f"after {timeout} s\n{self.log_tail()}")
                time.sleep(POLL)
            code = 0 if record.is_file() else None
        assert code == 0 and record.is_file(), \
            f"{self.base.name} job ({self.args}) exited with {code}\n{self.log_tail()}"
        return json.loads(record.read_text(encoding="utf-8"))

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_tail(self) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]
        except OSError as exc:
            return f"(no log: {exc})"

    def stop(self) -> None:
        """End the job (its process group: pip, kernels and their children) if this process
        started it and it still runs."""
        if self.running():
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()

    def close(self) -> None:
        self.stop()
        if self.own:
            shutil.rmtree(self.base, ignore_errors=True)


def write_record(base: Path, record: dict, name: str = SharedJob.record_name) -> None:
    """The job's record, written atomically (a joining worker never reads half a file)."""
    tmp = base / f"{name}.tmp"
    tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    tmp.replace(base / name)
