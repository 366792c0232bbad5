"""The wheel installs anywhere: built from the sources, installed with its declared dependencies
(from the package index, pip's cache) into a fresh virtualenv outside the repository, and run from
an empty folder that is no project.

``fazhi render`` must render from the installed notebooks without writing into the package, the
working folder or the reports; ``fazhi notebooks`` + an edit + ``--notebooks-dir`` must show
the edit. No ``--system-site-packages``: a dependency missing from pyproject fails here.
Measured on the 2-core machine: about 2 minutes (the install; the two renders ~20 s).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RAW, ROOT

pytestmark = pytest.mark.slow

INSTALL_TIMEOUT = 1800  # a cold pip cache downloads ~100 MB


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _user_env(home: Path) -> dict[str, str]:
    """A user's shell: no PYTHONPATH (it would put the checkout's fazhi first), none of our
    settings, a home of its own; pip keeps its configuration and cache."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "MPLCONFIGDIR", "MPLBACKEND", "VIRTUAL_ENV",
                        "PYTHONDONTWRITEBYTECODE")
           and not k.startswith(("FAZHI_", "XDG_", "JUPYTER_", "IPYTHON"))}
    env["HOME"] = str(home)
    env.setdefault("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))
    return env


def _run(cmd: list, *, cwd: Path, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    res = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True,
                         text=True, timeout=timeout)
    assert res.returncode == 0, f"{cmd}\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}"
    return res


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv, site-packages/fazhi, seconds to build + install) for the wheel of these sources."""
    import time

    base = tmp_path_factory.mktemp("wheel")
    assert ROOT not in base.parents  # outside the repository
    # the sources as committed (no build/, egg-info or caches of a checkout get into the wheel)
    src = base / "src"
    shutil.copytree(ROOT / "src", src / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", ".*"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    env = _user_env(base)
    t0 = time.time()
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", base / "dist", src],
         cwd=base, env=env)
    wheel = next((base / "dist").glob("fazhi-*.whl"))
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=base, env=env)
    _run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel], cwd=base, env=env,
         timeout=INSTALL_TIMEOUT)
    seconds = time.time() - t0
    code = "import fazhi, pathlib; print(pathlib.Path(fazhi.__file__).parent)"
    pkg = Path(_run([venv / "bin" / "python", "-c", code], cwd=base, env=env).stdout.strip())
    assert venv in pkg.parents and (pkg / "notebooks" / "05_dossier.ipynb").is_file()
    print(f"\nwheel built and installed in {seconds:.0f} s")
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
    assert res.stdout.count("写入 / wrote") == 5
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
