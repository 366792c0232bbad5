"""The session's one real render of the notebooks, as a background job (tests/session_jobs.py)
that tests/conftest.py starts when the session has collected a test of the ``rendered``
fixture, so the kernels overlap the unit tests; under pytest-xdist every worker shares it.

Run as a script (``python tests/render_job.py BASE``) it writes the reports of tests/crafted.py
to BASE/reports/raw, builds their store, copies the notebooks (the render and its cache must not
see later edits) and renders every notebook with the dossiers of ``PROVINCES`` and the list of
reports without a province into BASE/rendered/reports (through the API, 2 workers), while the
town-level dossier of 蓬东乡 renders through the ``fazhi render`` command into
BASE/rendered/town. Its own cache and matplotlib folders (BASE/cache, BASE/mpl): the session's
cache tests see only their own entries. What the tests read goes to BASE/rendered.pickle, the
record (ok, seconds, or the traceback) to BASE/job.json.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

from session_jobs import write_record

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 900
# the dossiers of the shared render: the crafted report's province and one of mixed levels (a
# county's own report and two towns'); which pages every region gets is planning, tested without
# kernels in test_render_plan.py
PROVINCES = ["广东省", "浙江省"]


def job_env(base: Path) -> dict[str, str]:
    """The session's environment with the job's own cache and matplotlib folders."""
    return {**os.environ, "FAZHI_CACHE_DIR": str(base / "cache"),
            "MPLCONFIGDIR": str(base / "mpl"), "MPLBACKEND": "Agg"}


def build_reports(base: Path) -> tuple[Path, Path, Path]:
    """The crafted reports in ``base/raw``, their store in ``base/store`` and a copy of the
    package's notebooks in ``base/notebooks`` (a render and its cache must not see later edits):
    (raw, store, notebooks). The ``report_store`` fixture and the render job both start here."""
    from crafted import make_report_corpus

    from fazhi.build import build_store
    from fazhi.render import find_notebooks

    raw = make_report_corpus(base / "raw")
    build_store(raw, base / "store", workers=1, progress=False)
    nbdir = base / "notebooks"
    nbdir.mkdir()
    for nb in find_notebooks(ROOT / "src" / "fazhi" / "notebooks"):
        shutil.copy2(nb, nbdir / nb.name)
    return raw, base / "store", nbdir


def render_reports(base: Path) -> dict:
    """Build the crafted reports' store and render them (see the module docstring); what the
    ``rendered`` fixture needs, as plain values."""
    from fazhi.render import UNKNOWN_REGION, render

    reports = base / "reports"
    raw, _store, nbdir = build_reports(reports)
    out = base / "rendered"
    out.mkdir()
    town_out = out / "town"
    with (out / "town.out").open("w") as tout, (out / "town.err").open("w") as terr:
        town = subprocess.Popen(
            [sys.executable, "-m", "fazhi", "render", str(reports / "store"), "--by", "town",
             "--only", "蓬东乡", "--notebooks", "05", "--notebooks-dir", str(nbdir),
             "--out", str(town_out)], stdout=tout, stderr=terr)
        try:
            result = render(reports / "store", out=out / "reports", workers=2, progress=False,
                            notebooks_dir=nbdir, only=[*PROVINCES, UNKNOWN_REGION])
        finally:
            code = town.wait(timeout=TIMEOUT)
    return {"raw": raw, "store": reports / "store", "notebooks": nbdir,
            "out": out / "reports", "result": result, "town_out": town_out, "town_code": code,
            "town_stdout": (out / "town.out").read_text(encoding="utf-8"),
            "town_stderr": (out / "town.err").read_text(encoding="utf-8")}


def main(base: Path) -> None:
    os.environ.update(job_env(base))
    t0 = time.time()
    try:
        data = render_reports(base)
    except BaseException:  # the fixture shows it as the render's failure
        write_record(base, {"ok": False, "error": traceback.format_exc(),
                            "seconds": time.time() - t0})
        raise
    (base / "rendered.pickle").write_bytes(pickle.dumps(data))
    write_record(base, {"ok": True, "error": "", "seconds": time.time() - t0})


if __name__ == "__main__":
    main(Path(sys.argv[1]))
