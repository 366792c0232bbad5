"""Shared fixtures: the project root, the sample corpus, built stores in temp dirs, and the one
real render of the notebooks that the notebook, render and browser tests assert on.

Kernels are what costs (a real notebook page takes seconds): the notebooks run once per
session, in a background job that starts when the session has collected a user of ``rendered``
(tests/render_job.py; under pytest-xdist one job for all workers); tests of render planning use
a fake executor and start none.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from render_job import PROVINCES  # noqa: F401 - the tests import it from here

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"

# the session's background jobs (tests/session_jobs.py), started once the session knows it will
# run a test that needs them, so that they overlap the unit tests: the wheel build + install of
# tests/test_wheel.py (tests/wheel_job.py) and the one real render of the notebooks
# (tests/render_job.py); under pytest-xdist the first worker starts each and the others join
_JOBS: dict = {}
SESSION_END_WAIT = 900  # s; both jobs end in under 4 min on the loaded 2-core machine


def _renders(item) -> bool:
    return "rendered" in getattr(item, "fixturenames", ())


def _installs(item) -> bool:
    return item.path.name == "test_wheel.py"


def pytest_collection_modifyitems(session, config, items):
    # the modules with a test that waits for a job run last, each whole and in its own order,
    # so a serial session runs the other modules while the jobs run (xdist orders its own)
    late = {item.path for item in items if _renders(item) or _installs(item)}
    items[:] = sorted(items, key=lambda item: item.path in late)


def pytest_collection_finish(session):
    config = session.config
    if config.option.collectonly:
        return
    if any(_renders(item) for item in session.items):
        render_job(config)
    if any(_installs(item) for item in session.items):
        wheel_job(config)


def _job(name, make, config):
    if name not in _JOBS:
        from session_jobs import session_root

        _JOBS[name] = make(session_root(config))
    return _JOBS[name]


def wheel_job(config=None):
    """The session's wheel job (tests/wheel_job.py), started on the first call: in the
    session's pytest temp folder (shared by the xdist workers), else in a temp folder of its
    own."""
    from wheel_job import WheelJob

    return _job("wheel", WheelJob, config)


def render_job(config=None):
    """The session's render job (tests/render_job.py), started on the first call, like
    :func:`wheel_job`."""
    import sys

    from render_job import TIMEOUT, job_env
    from session_jobs import SharedJob

    return _job("render", lambda root: SharedJob(
        [sys.executable, str(Path(__file__).with_name("render_job.py"))], job_env,
        name="render", root=root, timeout=2 * TIMEOUT), config)


def pytest_sessionfinish(session, exitstatus):
    # an xdist worker can end before another worker that still waits for a job this one
    # started: let the jobs end (for at most SESSION_END_WAIT s) unless the run was
    # interrupted; pytest_unconfigure then kills what still runs
    if hasattr(session.config, "workerinput") and exitstatus != pytest.ExitCode.INTERRUPTED:
        for job in _JOBS.values():
            if job.running():
                left = min(SESSION_END_WAIT, job.started + job.timeout - time.time())
                try:
                    job.proc.wait(timeout=max(1.0, left))
                except subprocess.TimeoutExpired:
                    pass


def pytest_unconfigure(config):
    while _JOBS:
        _JOBS.popitem()[1].close()


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Caches of the test run go to a temp dir unless the caller chose one."""
    os.environ.setdefault("FAZHI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    os.environ.setdefault("MPLCONFIGDIR", str(tmp_path_factory.mktemp("mpl")))
    os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="module", autouse=True)
def _close_figures():
    """The figures a test module left open are closed after it (pyplot keeps every figure
    until closed: whatever order the modules run in, they do not pile up)."""
    yield
    import sys

    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def sample_corpus(tmp_path_factory):
    """The bundled sample corpus (data/raw), built once per test session into a temp store."""
    from fazhi.build import build_corpus

    return build_corpus(RAW, tmp_path_factory.mktemp("sample") / "store", workers=1)


@dataclass
class ReportStore:
    """The corpus of tests/crafted.py built into a store, with a frozen copy of the notebooks."""

    raw: Path
    store: Path
    notebooks: Path
    corpus: object

    @property
    def docs(self):
        return self.corpus.docs


@pytest.fixture(scope="session")
def followthrough_series(tmp_path_factory):
    """The report series of tests/followthrough_cases.py built into a store, once (the
    follow-through and specificity tests read it, neither changes it)."""
    from followthrough_cases import write_reports

    from fazhi.build import build_corpus

    root = tmp_path_factory.mktemp("series")
    return build_corpus(write_reports(root / "raw"), root / "store", workers=1)


@pytest.fixture(scope="session")
def report_store(tmp_path_factory) -> ReportStore:
    """The sample reports + a report with markup + reports with unknown metadata, built once."""
    from render_job import build_reports

    from fazhi.corpus import load_corpus

    raw, store, nbdir = build_reports(tmp_path_factory.mktemp("reports"))
    return ReportStore(raw, store, nbdir, load_corpus(store))


@dataclass
class Rendered:
    """The real render of the reports of ``report_store`` (built again by the render job, in
    its own folder): every notebook, the dossiers of ``PROVINCES`` and the
    list of reports without a province (``out``, ``result``, through the API), and the town-level
    dossier of 蓬东乡 (``town_out``, through the ``fazhi render`` command: its exit code, output
    and the pages its state file records)."""

    reports: ReportStore
    out: Path
    result: object
    town_out: Path
    town_code: int
    town_stdout: str
    town_stderr: str

    @property
    def html(self) -> list[Path]:
        """Every HTML file the two renders wrote (pages and both index.html), sorted."""
        return sorted([*self.out.glob("*.html"), *self.town_out.glob("*.html")])

    @property
    def store(self) -> Path:
        return self.reports.store

    @property
    def corpus(self):
        return self.reports.corpus

    @property
    def town_pages(self) -> list:
        from fazhi.render import Page, load_state

        return [Page(**{k: v for k, v in info.items() if k in Page.__dataclass_fields__})
                for info in load_state(self.town_out)["pages"].values()]


@pytest.fixture(scope="session")
def rendered(pytestconfig, tmp_path_factory) -> Rendered:
    """The notebooks executed once per session, in fresh kernels, exported to HTML: the pages
    that test_notebooks, test_render and test_browser check. The render runs in the session's
    background job (tests/render_job.py; one for all xdist workers): this waits for it and
    copies its page folder, so a test that renders into it again (test_render's re-run) never
    changes what another process reads."""
    import pickle

    from fazhi.corpus import load_corpus

    job = render_job(pytestconfig)
    record = job.wait()
    assert record["ok"], f"the shared render failed:\n{record['error']}\n{job.log_tail()}"
    data = pickle.loads((job.base / "rendered.pickle").read_bytes())
    out = tmp_path_factory.mktemp("rendered") / "reports"
    shutil.copytree(data["out"], out)  # copy2: the pages keep their times
    reports = ReportStore(data["raw"], data["store"], data["notebooks"],
                          load_corpus(data["store"]))
    return Rendered(reports, out, data["result"], data["town_out"], data["town_code"],
                    data["town_stdout"], data["town_stderr"])
