"""Shared fixtures: the project root, the sample corpus, built stores in temp dirs, and the one
real render of the notebooks that the notebook, render and browser tests assert on.

Kernels are what costs (a real notebook page takes seconds): the five notebooks run once per
session, in ``rendered``; tests of render planning use a fake executor and start none.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"

# the wheel build + install of tests/test_wheel.py, started in the background once the session
# knows it will run that test (the install then overlaps the rest of the suite): at once, or
# after the shared render if the session has one (that render keeps both cores busy already)
_WHEEL_JOB: list = []
_WHEEL_AFTER_RENDER: list = []


def pytest_collection_finish(session):
    config = session.config
    if (any(item.path.name == "test_wheel.py" for item in session.items)
            and not config.option.collectonly and not hasattr(config, "workerinput")):
        if any("rendered" in getattr(item, "fixturenames", ()) for item in session.items):
            _WHEEL_AFTER_RENDER.append(config)
        else:
            wheel_job(config)


def wheel_job(config=None):
    """The session's wheel job (tests/wheel_job.py), started on the first call: in the
    session's pytest temp folder (as ``tmp_path_factory``), else in a temp folder of its own."""
    from wheel_job import WheelJob

    if not _WHEEL_JOB:
        factory = getattr(config, "_tmp_path_factory", None)
        _WHEEL_JOB.append(WheelJob(factory.mktemp("wheel") if factory else None))
    return _WHEEL_JOB[0]


def pytest_unconfigure(config):
    while _WHEEL_JOB:
        _WHEEL_JOB.pop().close()


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Caches of the test run go to a temp dir unless the caller chose one."""
    os.environ.setdefault("FAZHI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    os.environ.setdefault("MPLCONFIGDIR", str(tmp_path_factory.mktemp("mpl")))
    os.environ.setdefault("MPLBACKEND", "Agg")


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
def report_store(tmp_path_factory) -> ReportStore:
    """The sample reports + a report with markup + reports with unknown metadata, built once."""
    from crafted import make_report_corpus

    from fazhi.build import build_store
    from fazhi.corpus import load_corpus
    from fazhi.render import find_notebooks

    base = tmp_path_factory.mktemp("reports")
    raw = make_report_corpus(base / "raw")
    build_store(raw, base / "store", workers=1, progress=False)
    # a copy of the notebooks: the render (and its cache) must not see later edits
    nbdir = base / "notebooks"
    nbdir.mkdir()
    for nb in find_notebooks(ROOT / "src" / "fazhi" / "notebooks"):
        shutil.copy2(nb, nbdir / nb.name)
    return ReportStore(raw, base / "store", nbdir, load_corpus(base / "store"))


@dataclass
class Rendered:
    """The real render of ``report_store``: every notebook, the dossiers of ``PROVINCES`` and the
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


# the dossiers of the shared render: the crafted report's province and one of mixed levels (a
# county's own report and two towns'); which pages every region gets is planning, tested without
# kernels in test_render_plan.py
PROVINCES = ["广东省", "浙江省"]


@pytest.fixture(scope="session")
def rendered(report_store, tmp_path_factory) -> Rendered:
    """The five notebooks executed once per session, in fresh kernels, exported to HTML: the
    pages that test_notebooks, test_render and test_browser check. The town page renders in a
    ``fazhi render`` process of its own, at the same time (a single page leaves a core idle)."""
    import subprocess
    import sys

    from fazhi.render import UNKNOWN_REGION, render

    base = tmp_path_factory.mktemp("rendered")
    town_out = base / "town"
    with (base / "town.out").open("w") as out, (base / "town.err").open("w") as err:
        town = subprocess.Popen(
            [sys.executable, "-m", "fazhi", "render", str(report_store.store), "--by", "town",
             "--only", "蓬东乡", "--notebooks", "05", "--notebooks-dir",
             str(report_store.notebooks), "--out", str(town_out)], stdout=out, stderr=err)
        try:
            result = render(report_store.store, out=base / "reports", workers=2, progress=False,
                            notebooks_dir=report_store.notebooks,
                            only=[*PROVINCES, UNKNOWN_REGION])
        finally:
            code = town.wait(timeout=600)
            while _WHEEL_AFTER_RENDER:
                wheel_job(_WHEEL_AFTER_RENDER.pop())
    return Rendered(report_store, base / "reports", result, town_out, code,
                    (base / "town.out").read_text(encoding="utf-8"),
                    (base / "town.err").read_text(encoding="utf-8"))
