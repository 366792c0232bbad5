"""The wheel of these sources built and installed into a fresh virtualenv, in a background process
that starts with the test session (tests/conftest.py) so the install (about a minute and a half
on the 2-core machine) overlaps the rest of the suite; tests/test_wheel.py waits for it and checks
every step.

Run as a script (``python tests/wheel_job.py BASE``) it copies the sources to BASE/src, builds
the wheel (no dependencies), creates BASE/venv (no ``--system-site-packages``) and pip-installs
the wheel with its declared dependencies; every step's command, exit code and output tails go to
BASE/job.json, and the first failing step ends the job. Only the standard library: it runs
before the test session has imported anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from session_jobs import SharedJob, write_record

ROOT = Path(__file__).resolve().parents[1]
STEP_TIMEOUT = 600
INSTALL_TIMEOUT = 1800  # a cold pip cache downloads ~100 MB
# the whole job: every step at its limit, and some slack for the copy
JOB_TIMEOUT = 3 * STEP_TIMEOUT + INSTALL_TIMEOUT + 120


def user_env(home: Path) -> dict[str, str]:
    """A user's shell: no PYTHONPATH (it would put the checkout's fazhi first), none of our
    settings, a home of its own; pip keeps its configuration and cache."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "MPLCONFIGDIR", "MPLBACKEND", "VIRTUAL_ENV",
                        "PYTHONDONTWRITEBYTECODE")
           and not k.startswith(("FAZHI_", "XDG_", "JUPYTER_", "IPYTHON"))}
    env["HOME"] = str(home)
    env.setdefault("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))
    return env


def _step(steps: list, cmd: list, *, cwd: Path, env: dict, timeout: int) -> bool:
    cmd = [str(c) for c in cmd]
    try:
        res = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                             timeout=timeout)
        code, out, err = res.returncode, res.stdout, res.stderr
    except subprocess.TimeoutExpired as exc:
        code, out, err = -1, str(exc.stdout or ""), f"timed out after {timeout} s"
    steps.append({"cmd": cmd, "returncode": code, "stdout": out[-3000:], "stderr": err[-3000:]})
    return code == 0


def build_and_install(base: Path) -> dict:
    """Copy, build, create the venv, install; the steps run so far (the last one failed if any
    did), the wheel and the seconds from the build's start to the installed wheel."""
    env = user_env(base)
    # the sources as committed (no build/, egg-info or caches of a checkout get into the wheel)
    src = base / "src"
    shutil.copytree(ROOT / "src", src / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", ".*"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    steps: list = []
    job = {"steps": steps, "wheel": "", "venv": str(base / "venv"), "seconds": None}
    t0 = time.time()
    if not _step(steps, [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w",
                         base / "dist", src], cwd=base, env=env, timeout=STEP_TIMEOUT):
        return job
    job["wheel"] = str(next((base / "dist").glob("fazhi-*.whl")))
    venv = base / "venv"
    if not _step(steps, [sys.executable, "-m", "venv", venv], cwd=base, env=env,
                 timeout=STEP_TIMEOUT):
        return job
    if not _step(steps, [venv / "bin" / "python", "-m", "pip", "install", "--quiet",
                         job["wheel"]], cwd=base, env=env, timeout=INSTALL_TIMEOUT):
        return job
    job["seconds"] = time.time() - t0
    return job


class WheelJob(SharedJob):
    """The background build + install of one test session, in ``root/wheel`` (the session's
    pytest temp folder, kept as pytest keeps its last runs; under pytest-xdist the first worker
    starts it and the others join) or else in a new temp folder outside the repository,
    removed when the session ends."""

    def __init__(self, root: Path | None = None) -> None:
        super().__init__([sys.executable, str(Path(__file__).resolve())], user_env,
                         name="wheel", root=root, timeout=JOB_TIMEOUT)


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    write_record(folder, build_and_install(folder))
