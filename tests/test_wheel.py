"""The wheel installs anywhere: built from the sources, installed with its declared dependencies
(from the package index, pip's cache) into a fresh virtualenv outside the repository, and run from
an empty folder that is no project.

``fazhi render`` must render from the installed notebooks without writing into the package, the
working folder or the reports; ``fazhi notebooks`` + an edit + ``--notebooks-dir`` must show
the edit. No ``--system-site-packages``: a dependency missing from pyproject fails here.
Measured on the 2-core machine: about 2 minutes (the install; the two renders ~20 s). The build
and install run in the background early in the session (tests/wheel_job.py, started by
tests/conftest.py), so the install overlaps the rest of the suite; this test waits for it and
fails with the failing step's command and output.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import RAW, ROOT, wheel_job
from wheel_job import user_env

pytestmark = pytest.mark.slow


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


_user_env = user_env


def _run(cmd: list, *, cwd: Path, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    res = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True,
                         text=True, timeout=timeout)
    assert res.returncode == 0, f"{cmd}\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}"
    return res


@pytest.fixture(scope="module")
def installed(pytestconfig):
    """(venv, site-packages/fazhi, seconds to build + install) for the wheel of these sources:
    built and installed by the session's background job (tests/wheel_job.py, started by
    tests/conftest.py early in the session), whose every step must have succeeded."""
    job = wheel_job(pytestconfig)
    base = job.base
    assert ROOT not in base.parents  # outside the repository
    record = job.wait()
    steps = record["steps"]
    for step in steps:  # each step's command and output if it failed
        assert step["returncode"] == 0, \
            f"{step['cmd']}\n{step['stdout']}\n{step['stderr']}"
    venv, wheel, seconds = base / "venv", Path(record["wheel"]), record["seconds"]
    # the three steps ran, as a user would type them: the wheel alone from the sources, a
    # plain venv (no --system-site-packages), the wheel with its declared dependencies
    assert [s["cmd"] for s in steps] == [
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(base / "dist"),
         str(base / "src")],
        [sys.executable, "-m", "venv", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)]]
    assert wheel.parent == base / "dist" and wheel.name.startswith("fazhi-")
    build = steps[0]["stdout"] + steps[0]["stderr"]   # no packaging deprecation (license …)
    assert "deprecat" not in build.lower() and "BuildBackendWarning" not in build, build
    assert record["venv"] == str(venv) and seconds is not None
    env = _user_env(base)
    code = "import fazhi, pathlib; print(pathlib.Path(fazhi.__file__).parent)"
    pkg = Path(_run([venv / "bin" / "python", "-c", code], cwd=base, env=env).stdout.strip())
    assert venv in pkg.parents and (pkg / "notebooks" / "05_dossier.ipynb").is_file()
    print(f"\nwheel built and installed in {seconds:.0f} s "
          f"(in the background, started {time.time() - job.started:.0f} s before this test "
          "was ready to run)")
    return venv, pkg, seconds


def test_render_runs_anywhere_and_writes_only_the_output_and_the_user_cache(installed, tmp_path):
    venv, pkg, _ = installed
    home, work, out = tmp_path / "home", tmp_path / "work", tmp_path / "out"
    home.mkdir()
    work.mkdir()
    raw = shutil.copytree(RAW, tmp_path / "报告")
    package_before, raw_before = _snapshot(pkg), _snapshot(raw)
    env = _user_env(home)
    fazhi = venv / "bin" / "fazhi"

    res = _run([fazhi, "render", raw, "--out", out, "--notebooks", "01", "05", "--only", "广东省"],
               cwd=work, env=env)
    assert res.stdout.splitlines()[-1] == str(out / "index.html")
    assert sorted(p.name for p in out.glob("*.html")) == \
        ["01_overview.html", "05_dossier-province-广东省.html", "index.html"]
    assert "地区档案" in (out / "05_dossier-province-广东省.html").read_text(encoding="utf-8")
    # nothing written into the package, the working folder or the reports
    assert _snapshot(pkg) == package_before
    assert list(work.iterdir()) == []
    assert _snapshot(raw) == raw_before
    # the store and the caches are in the user's cache folder; IPython keeps its profile
    assert {p.name for p in home.iterdir()} <= {".cache", ".ipython", ".local"}
    assert [p.name for p in (home / ".cache").iterdir()] == ["fazhi"]
    assert [p.name for p in (home / ".cache" / "fazhi" / "stores").iterdir()][0].startswith("报告-")

    # edited copies: fazhi notebooks DIR, change a heading, render with --notebooks-dir
    nbdir = tmp_path / "我的笔记本"
    res = _run([fazhi, "notebooks", nbdir], cwd=work, env=env)
    shipped = sorted((ROOT / "src" / "fazhi" / "notebooks").glob("[0-9]*.ipynb"))
    assert len(shipped) >= 6 and res.stdout.count("写入 / wrote") == len(shipped)
    assert sorted(p.name for p in nbdir.glob("*.ipynb")) == [p.name for p in shipped]
    dossier = nbdir / "05_dossier.ipynb"
    dossier.write_text(dossier.read_text(encoding="utf-8").replace("# 地区档案", "# 我改过的档案"),
                       encoding="utf-8")
    copies = _snapshot(nbdir)
    out2 = tmp_path / "out2"
    _run([fazhi, "render", raw, "--out", out2, "--notebooks-dir", nbdir, "--notebooks", "05",
          "--only", "广东省"], cwd=work, env=env)
    page = (out2 / "05_dossier-province-广东省.html").read_text(encoding="utf-8")
    assert "我改过的档案" in page
    assert _snapshot(nbdir) == copies  # the kernel ran in that folder and wrote nothing there
    assert _snapshot(pkg) == package_before and list(work.iterdir()) == []
