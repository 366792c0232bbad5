"""Render stage: run the parameterised notebooks with papermill and export offline HTML with nbconvert.

One call renders the corpus-wide notebooks once and each per-region notebook (one with a ``region``
parameter, e.g. ``05_dossier``) once per region of the chosen level, in local worker processes or on
a Dask cluster, skipping pages whose corpus, notebook and parameters are unchanged, and writes
``index.html`` with the provenance of every page.

One job per module: :mod:`~fazhi.render.plan` decides the pages (pure, no kernel),
:mod:`~fazhi.render.execute` runs them in fresh kernels, :mod:`~fazhi.render.html` exports them
(offline template, images and font embedded), :mod:`~fazhi.render.index` writes the index page;
:func:`render` puts them together and keeps the state of the last run.

>>> from fazhi.render import render
>>> result = render("data/raw", by="province", out="reports")      # doctest: +SKIP
>>> result.index                                                   # doctest: +SKIP
PosixPath('reports/index.html')
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

from fazhi import __version__
from fazhi.config import kernel_env, reports_dir
from fazhi.config import notebooks_dir as _default_notebooks_dir
from fazhi.render.execute import Executor, render_page, run_pages
from fazhi.render.html import (
    FONT_FAMILY,
    FONT_SLOT,
    PAGE_TEMPLATE,
    TEMPLATES,
    atomic_write,
    embed_font,
    export_html,
    font_css,
)
from fazhi.render.index import (
    INDEX_TEMPLATE,
    IndexGroup,
    index_context,
    index_tree,
    relative_href,
    tree_path,
    write_index,
)
from fazhi.render.notebooks import (
    check_notebook,
    copy_notebooks,
    load_notebooks,
    read_notebooks,
)
from fazhi.render.plan import (
    LEVEL_LABELS,
    LEVELS,
    UNKNOWN_REGION,
    Level,
    Notebook,
    Page,
    Plan,
    Status,
    figures_folder,
    find_notebooks,
    inside,
    is_per_region,
    page_file,
    plan,
    region_files,
    region_labels,
    safe_name,
    select_regions,
    unplaced_reports,
)

__all__ = [
    "FONT_FAMILY", "FONT_SLOT", "INDEX_TEMPLATE", "LEVELS", "LEVEL_LABELS", "PAGE_TEMPLATE",
    "STATE_FILE", "TEMPLATES", "UNKNOWN_REGION", "Executor", "IndexGroup", "Level", "Notebook",
    "Page", "Plan", "RenderResult", "Status", "check_notebook", "copy_notebooks", "embed_font",
    "export_html", "find_notebooks", "font_css", "index_context", "index_tree", "is_per_region",
    "load_notebooks", "load_state", "page_file", "plan", "read_notebooks", "region_files",
    "region_labels", "relative_href", "render", "render_page", "run_pages", "safe_name",
    "select_regions", "tree_path", "unplaced_reports", "write_index",
]

STATE_FILE = ".render-state.json"


@dataclass
class RenderResult:
    """What :func:`render` did: the index path, every page with its status, errors, seconds, and
    ``problems``: one line per notebook that broke the parameter contract (its pages failed)."""

    index: Path
    pages: list[Page]
    errors: list[str]
    seconds: float
    # --figures: the folder of the pages' chart files (None: not asked or not writable), and
    # one line per folder that could not be written (the pages render without their figures)
    figures: Path | None = None
    figure_errors: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(p.status == status for p in self.pages)

    @property
    def ok(self) -> bool:
        """No page failed, no notebook was broken, and every figures folder asked for was
        written."""
        return self.count("failed") == 0 and not self.problems and not self.figure_errors

    @property
    def unplaced(self) -> list[dict]:
        """The reports that got no dossier because their region is unknown at the level:
        ``{"level", "file", "title", "reason"}`` each, once per level."""
        seen: dict[tuple[str, str], dict] = {}
        for p in self.pages:
            for r in p.reports:
                seen.setdefault((p.level, r["file"]), {"level": p.level, **r})
        return list(seen.values())

    def summary(self) -> str:
        """One line: pages, rendered, skipped, failed, time (and the reports not placed)."""
        line = (f"{len(self.pages)} 页 / pages: {self.count('rendered')} rendered, "
                f"{self.count('skipped')} skipped, {self.count('failed')} failed "
                f"in {self.seconds:.1f} s")
        n = len(self.unplaced)
        return line + (f"; {n} 份报告地区不明，未生成档案 / {n} report(s) not placed" if n else "")


# ---------------------------------------------------------------- the state of the last run


def load_state(out: str | Path) -> dict:
    """What the last render into ``out`` recorded: ``{"pages": {file: page as a dict}}`` (empty
    when there is none or it is unreadable)."""
    try:
        state = json.loads((Path(out) / STATE_FILE).read_text(encoding="utf-8"))
        return state if isinstance(state, dict) and isinstance(state.get("pages"), dict) else \
            {"pages": {}}
    except (OSError, ValueError):
        return {"pages": {}}


def _save_state(out: Path, state: dict) -> None:
    atomic_write(out / STATE_FILE, json.dumps(state, ensure_ascii=False, indent=1))


def _cleanup(out: Path) -> None:
    tmp = out / ".executed"
    if tmp.is_dir() and not any(tmp.iterdir()):
        tmp.rmdir()


def _progress(total: int, enabled: bool | None):
    from tqdm.auto import tqdm

    disable = not (sys.stderr.isatty() if enabled is None else enabled)
    return tqdm(total=total, unit="页", desc="渲染 / render", disable=disable, file=sys.stderr,
                dynamic_ncols=True)


def _open(path, store):
    from fazhi.build import open_corpus
    from fazhi.corpus import load_corpus, store_dir

    if path is not None and store_dir(path) is not None:
        return load_corpus(path)  # PATH is a built store
    return open_corpus(path, **({"out": store} if store else {}), progress=False)


# ---------------------------------------------------------------- render


def renderer_version() -> str:
    """Hash of what turns an executed notebook into a page besides the notebook itself: the
    package version, the HTML export, the kernel runner, the page template and the font helper. A
    change of any re-renders every page."""
    from fazhi import fonts
    from fazhi.render import execute, html

    h = hashlib.sha256(__version__.encode())
    for p in (Path(html.__file__), Path(execute.__file__), html.PAGE_TEMPLATE, Path(fonts.__file__)):
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def render(path: str | Path | None = None, *, by: Level = "province",
           only: Iterable[str] | None = None, notebooks: Iterable[str] | None = None,
           out: str | Path | None = None, workers: int | None = None, scheduler=None,
           force: bool = False, progress: bool | None = None,
           notebooks_dir: str | Path | None = None,
           store: str | Path | None = None, executor: Executor | None = None,
           figures: bool | str | Path = False) -> RenderResult:
    """Render the notebooks for the corpus at ``path`` into ``out`` with an ``index.html``.

    Corpus-wide notebooks run once; a notebook with a ``region`` parameter (``05_dossier``) runs
    once per region of level ``by`` (``only``: just these regions). ``notebooks``: names or
    numbers of notebooks to run (default all); ``notebooks_dir``: where they are (default
    ``$FAZHI_NOTEBOOKS`` or the package's notebooks; edited copies from :func:`copy_notebooks`).
    Every notebook is checked before anything runs (:mod:`fazhi.render.notebooks`): one that is
    missing from a folder of copies, has no ``parameters`` cell or lacks a parameter the render
    passes fails its own pages with a one-line problem (``RenderResult.problems``); the other
    pages render. ``workers``: local processes (default:
    up to the cores); ``scheduler``: a Dask address or ``Client``. Unchanged pages are skipped
    unless ``force``. ``store``: the corpus store folder (default as ``fazhi build``: under the
    project's ``data/processed``, without a project under the user's cache). A failing page never stops the others: see ``RenderResult.pages``.
    ``executor``: what runs the pages (default :func:`~fazhi.render.execute.run_pages` with
    ``workers`` and ``scheduler``): ``executor(tasks, on_done)`` calls ``on_done`` with each
    task's result (the task plus ``status``, ``seconds``, ``error``).
    ``figures``: also write every chart of each page as SVG, PDF and 300-dpi PNG into
    ``<figures>/<page file stem>/`` (``True``: ``<out>/figures``), linked under each chart; a
    page rendered without them is rendered again. A folder that cannot be written is one line
    in ``RenderResult.figure_errors`` (the pages still render, without figures; ``ok`` is False).

    >>> r = render("data/raw", by="province", out="reports")        # doctest: +SKIP
    >>> [p.file for p in r.pages if p.region == "广东省"]               # doctest: +SKIP
    ['05_dossier-province-广东省.html']
    """
    from fazhi.memo import corpus_key

    t0 = time.time()
    if by not in LEVELS:
        raise ValueError(f"by must be one of {LEVELS}, not {by!r}")
    out = Path(out) if out else reports_dir()
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(notebooks_dir or os.environ.get("FAZHI_NOTEBOOKS") or _default_notebooks_dir())
    nbs = load_notebooks(folder, list(notebooks) if notebooks else None)
    if not nbs:
        raise FileNotFoundError(f"没有笔记本 / no notebooks in {folder}")
    problems = [nb.problem for nb in nbs if nb.problem]
    corpus = _open(path, store)
    manifest = corpus.manifest or {}
    ckey = corpus_key(manifest)
    state = load_state(out)
    fig_root, figure_errors = _figures_root(figures, out)
    the_plan = plan(nbs, corpus.docs, by=by, only=only, corpus_key=ckey,
                    store=str(Path(manifest.get("store") or store or path).resolve()),
                    renderer=renderer_version(), state=state,
                    present={p.name for p in out.glob("*.html")}, force=force,
                    figures=_from(out, fig_root) if fig_root else None,
                    figures_present={figures_folder(_from(out, fig_root), f"{d.name}.html")
                                     for d in fig_root.iterdir() if d.is_dir()}
                    if fig_root else ())
    by_file = {p.file: p for p in the_plan.todo}
    for page in the_plan.pages:  # the pages of a broken notebook: no stale file stays listed
        if page.status == "failed" and page.file:
            inside(out, page.file).unlink(missing_ok=True)
            state["pages"][page.file] = {**asdict(page), "corpus": ckey}
    if problems:
        _save_state(out, state)
    tasks = the_plan.tasks(out, kernel_env())
    bar = _progress(len(tasks), progress)
    errors: list[str] = []

    def on_done(res: dict) -> None:
        page = by_file[res["file"]]
        page.status, page.seconds, page.error = res["status"], res["seconds"], res["error"]
        page.rendered_at = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        if res.get("figures_error"):
            figure_errors.append(f"{page.file}: {res['figures_error']}")
        if page.status == "failed" or res.get("figures_error"):
            page.figures = ""  # a page without its figures is rendered again when asked
        if page.status == "failed":
            errors.append(f"{page.file}: {page.error.splitlines()[-1] if page.error else ''}")
            (out / page.file).unlink(missing_ok=True)  # never leave a stale page behind
        state["pages"][page.file] = {**asdict(page), "corpus": ckey}
        _save_state(out, state)
        bar.set_postfix_str(page.file, refresh=False)
        bar.update(1)

    run = executor or partial(run_pages, workers=workers, scheduler=scheduler)
    try:
        run(tasks, on_done)
    finally:
        bar.close()
        _cleanup(out)
    index = write_index(out, the_plan.pages + the_plan.earlier, corpus, by=by,
                        seconds=round(time.time() - t0, 3))
    return RenderResult(index=index, pages=the_plan.pages, errors=errors,
                        seconds=round(time.time() - t0, 3), figures=fig_root,
                        figure_errors=figure_errors, problems=problems)


def _from(out: Path, folder: Path) -> str:
    """``folder`` relative to ``out`` (``figures``, ``../论文图表``), or absolute on another drive."""
    import os

    try:
        return Path(os.path.relpath(folder, out.resolve())).as_posix()
    except ValueError:  # pragma: no cover - Windows, another drive
        return folder.as_posix()


def _figures_root(figures: bool | str | Path, out: Path) -> tuple[Path | None, list[str]]:
    """The folder of the pages' chart files, created and writable (None when not asked), and
    the one-line error when it cannot be written (then None: the pages render without)."""
    if figures is False or figures is None or figures == "":
        return None, []
    from fazhi.figures import check_folder, folder_error

    root = (out / "figures" if figures is True else Path(figures)).resolve()
    try:
        return check_folder(root), []
    except OSError as exc:
        return None, [folder_error(root, exc)]
