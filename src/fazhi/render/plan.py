"""Render planning: which pages, for which regions, with which parameters, keys and skip decisions.

Pure: from the corpus's documents and key, the notebooks' bytes, the options and what the last run
recorded (its state and the page files still there), :func:`plan` decides every page. It starts
no kernel and writes nothing; :mod:`fazhi.render.execute` runs the pages it leaves to do.

>>> p = plan(read_notebooks(find_notebooks()), corpus.docs, by="province", corpus_key="k",
...          store="data/processed", renderer="r")                 # doctest: +SKIP
>>> [(pg.file, pg.status) for pg in p.pages][:2]                     # doctest: +SKIP
[('01_overview.html', 'rendered'), ('05_dossier-province-广东省.html', 'rendered')]
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from fazhi.config import notebooks_dir as _default_notebooks_dir
from fazhi.display import find_regions
from fazhi.display import regions as find_units
from fazhi.files import safe_name
from fazhi.render.notebooks import Notebook, notebook_parameters, numbered
from fazhi.vocab import REGION_LABELS as _LEVEL_NAME
from fazhi.vocab import REGION_LEVELS as LEVELS
from fazhi.vocab import UNKNOWN

Level = Literal["province", "city", "district", "town"]
Status = Literal["rendered", "skipped", "failed"]

LEVEL_LABELS = {"corpus": "全部语料", "province": "省级", "city": "市级", "district": "区县级",
                "town": "乡镇（街道）级"}
# the index entry of the reports without a region at the chosen level (never a dossier)
UNKNOWN_REGION = UNKNOWN
UNCHANGED = "未改变 / unchanged"
EARLIER = "早先生成 / from an earlier run"

# file names: anything but letters, digits, CJK and a few safe marks becomes "_"


@dataclass
class Page:
    """One rendered (or skipped, or failed) HTML page."""

    notebook: str                       # notebook stem, e.g. "05_dossier"
    level: str                          # "corpus" for corpus-wide pages, else the region level
    region: str                         # region label, e.g. 鼓楼区（福州市） ("" for corpus-wide)
    file: str                           # HTML file name inside ``out``
    status: Status = "rendered"
    parameters: dict = field(default_factory=dict)
    key: str = ""                       # cache key (corpus, notebook bytes, parameters, renderer)
    seconds: float = 0.0
    error: str = ""                     # last error lines of a failed page
    reason: str = ""                    # why a page was skipped
    rendered_at: str = ""
    # the unknown-region entry: the reports not placed at this level, {file, title, reason}
    reports: list[dict] = field(default_factory=list)
    # the region's key: province … name ("" for an unknown parent), e.g. [福建省, 福州市, 鼓楼区]
    place: list[str] = field(default_factory=list)
    # the folder of the page's chart files (--figures), "" when it has none
    figures: str = ""


# ---------------------------------------------------------------- names


def page_file(notebook: str, level: str | None = None, region: str | None = None) -> str:
    """The HTML file name of a page: ``01_overview.html``, ``05_dossier-province-广东省.html``.

    ``region``: the region's file part (:func:`region_files`: its full name, 福建省福州市鼓楼区)."""
    if not level or level == "corpus":
        return f"{safe_name(notebook)}.html"
    return f"{safe_name(notebook)}-{level}-{safe_name(region or '')}.html"


def inside(out: str | Path, name: str) -> Path:
    """``out / name``, or ValueError when ``name`` would leave ``out`` (``../x.html``)."""
    target = (Path(out) / name).resolve()
    if target.parent != Path(out).resolve():
        raise ValueError(f"unsafe page name {name!r}")
    return target


# ---------------------------------------------------------------- notebooks


def find_notebooks(folder: str | Path | None = None,
                   names: Sequence[str] | None = None) -> list[Path]:
    """The numbered notebooks (``01_overview.ipynb`` …) of ``folder``, optionally only ``names``.

    ``names`` match a notebook's stem, its number or a prefix: ``["05"]``, ``["05_dossier"]``.
    (:func:`fazhi.render.notebooks.load_notebooks` also checks them for a render.)
    """
    folder = Path(folder) if folder else Path(os.environ.get("FAZHI_NOTEBOOKS") or
                                              _default_notebooks_dir())
    found = numbered(folder)
    if names:
        wanted = [n.removesuffix(".ipynb") for n in names]
        found = [p for p in found if any(p.stem == n or p.stem.startswith(n) or
                                         p.stem.split("_", 1)[0] == n for n in wanted)]
        missing = [n for n in wanted if not any(p.stem.startswith(n) for p in found)]
        if missing:
            raise FileNotFoundError(f"没有这些笔记本 / no such notebooks in {folder}: "
                                    f"{', '.join(missing)}")
    return found


def is_per_region(notebook: str | Path) -> bool:
    """Whether a notebook's ``parameters`` cell has a ``region`` parameter (one page per region)."""
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    return "region" in (notebook_parameters(nb) or ())


# ---------------------------------------------------------------- regions


def region_labels(docs, level: str) -> list[str]:
    """The labels of the regions of ``level`` that have reports, province → city → … order."""
    return [r.label for r in find_units(docs, level)]


def region_files(found) -> dict[tuple[str, ...], str]:
    """The file part of each region (:class:`fazhi.display.Region`): its full name
    (福建省福州市鼓楼区, 重庆市黔江区; 鼓楼区 for one whose parents are unknown), which does not change
    when a namesake joins the corpus; a short hash of the key is added where two full names meet.
    """
    by_place: dict[str, list] = {}
    for r in found:
        by_place.setdefault(r.place, []).append(r)
    out = {}
    for place, rs in by_place.items():
        for r in rs:
            digest = hashlib.sha1("\x1f".join(r.key).encode("utf-8")).hexdigest()[:8]
            out[r.key] = place if len(rs) == 1 else f"{place}-{digest}"
    return out


def select_regions(found, only: Iterable[str], level: str) -> set[tuple[str, ...]]:
    """The keys of the regions ``only`` names (labels, full names, unique names); an error lists
    the names that fit no region or several: ``["鼓楼区（福州市）", "江苏省南京市鼓楼区"]``."""
    keys: set[tuple[str, ...]] = set()
    missing, several = [], []
    for name in sorted(only):
        name = name.strip()
        if name in (UNKNOWN_REGION, ""):
            continue
        hit = find_regions(found, name)
        if hit:
            keys.update(r.key for r in hit)
            continue
        same = [r.label for r in found if r.name == name]
        if same:
            several.append(f"{name} → {'、'.join(same)}")
        else:
            missing.append(name)
    if missing or several:
        parts = []
        if missing:
            parts.append(f"没有这些地区 / no such {level} in the corpus: {', '.join(missing)}")
        if several:
            parts.append(f"名称有重名，请指明 / several {level} units of that name: "
                         f"{', '.join(several)}")
        raise ValueError("; ".join(parts))
    return keys


def unplaced_reports(docs, level: str) -> list[dict]:
    """The reports without a region at ``level``, each ``{file, title, reason}`` (Chinese and
    English reason): they get no dossier and are listed on the index page instead."""
    from fazhi.display import unplaced

    return [{"file": r["file"], "title": r["title"],
             "reason": f"{r['reason']} / {level} unknown"}
            for r in unplaced(docs, level).to_dict("records")]


# ---------------------------------------------------------------- pages and keys


def page_key(corpus_key: str, notebook: bytes, parameters: dict, renderer: str) -> str:
    """The cache key of a page: the corpus, the notebook's bytes, its parameters and the renderer;
    a page whose key is unchanged is not rendered again."""
    h = hashlib.sha256()
    h.update(corpus_key.encode())
    h.update(hashlib.sha256(notebook).digest())
    h.update(json.dumps(parameters, sort_keys=True, ensure_ascii=False).encode())
    h.update(renderer.encode())
    return h.hexdigest()[:24]


def plan_pages(notebooks: Sequence[Notebook], docs, *, by: str, corpus_key: str, store: str,
               renderer: str, only: Iterable[str] | None = None) -> list[Page]:
    """Every page of one render, in notebook order: a corpus-wide notebook once, a per-region one
    once per region of ``by`` (``only``: those regions; ``（不明）`` asks for the unknown entry),
    plus the unknown-region entry (skipped, listing the reports not placed at ``by``)."""
    if by not in LEVELS:
        raise ValueError(f"by must be one of {LEVELS}, not {by!r}")
    regions = find_units(docs, by)
    files = region_files(regions)
    unplaced = unplaced_reports(docs, by)
    wanted = {r.strip() for r in only} if only else None
    keys = select_regions(regions, wanted, by) if wanted is not None else None
    pages: list[Page] = []
    for nb in notebooks:
        # a notebook that breaks the parameter contract fails its own pages, never runs
        broken = {"status": "failed", "error": nb.problem} if nb.problem else {}
        base = {"corpus_path": store}
        if not nb.per_region:
            pages.append(Page(nb.stem, "corpus", "", page_file(nb.stem), parameters=base,
                              key="" if broken else page_key(corpus_key, nb.source, base, renderer),
                              **broken))
            continue
        for region in regions:
            if keys is not None and region.key not in keys:
                continue
            p = {**base, "level": by, "region": region.label}
            pages.append(Page(nb.stem, by, region.label, page_file(nb.stem, by, files[region.key]),
                              parameters=p, place=list(region.key), **broken,
                              key="" if broken else page_key(corpus_key, nb.source, p, renderer)))
        if unplaced and (wanted is None or wanted & {UNKNOWN_REGION, ""}):
            n = len(unplaced)
            pages.append(Page(nb.stem, by, UNKNOWN_REGION, "", status="skipped",
                              reason=f"{n} 份报告的{_LEVEL_NAME[by]}不明，不生成档案（见下表） / "
                                     f"{by} unknown for {n} report(s): no dossier",
                              reports=unplaced))
    check_unique(pages)
    return pages


def check_unique(pages: Iterable[Page]) -> None:
    """ValueError when two pages would write the same file."""
    seen: set[str] = set()
    for p in pages:
        if p.file and p.file in seen:
            raise ValueError(f"two pages would share the file {p.file!r}")
        seen.add(p.file)


def figures_folder(figures: str | Path, file: str) -> str:
    """The folder of a page's chart files, ``<figures>/<page file stem>`` with ``/``: relative
    to the output folder when ``figures`` is (``figures/05_dossier-province-广东省``), so moving
    the output folder with its figures changes nothing."""
    return f"{Path(figures).as_posix().rstrip('/')}/{file.removesuffix('.html')}"


def skip_unchanged(pages: Iterable[Page], state: dict, present: Collection[str], *,
                   force: bool = False, figures_present: Collection[str] = ()) -> list[Page]:
    """Mark the pages the last run rendered with the same key (and whose file is still there)
    as skipped; return the others, the pages to render, longest first (by the last run's time,
    corpus-wide pages first when new) so the slowest page does not start last and idle a core.
    A page that wants figures (``page.figures``) is skipped only if the last run wrote them
    into that folder and the folder is still there (in ``figures_present``)."""
    last = state.get("pages") or {}
    todo: list[Page] = []
    for page in pages:
        if not page.file or page.status == "failed":  # no file, or a broken notebook's page
            continue
        prev = last.get(page.file) or {}
        figures_ok = not page.figures or (prev.get("figures") == page.figures and
                                          page.figures in figures_present)
        if not force and prev.get("key") == page.key and prev.get("status") == "rendered" and \
                page.file in present and figures_ok:
            page.status, page.reason = "skipped", UNCHANGED
            page.rendered_at = prev.get("rendered_at", "")
            page.seconds = prev.get("seconds", 0.0)
        else:
            todo.append(page)
    todo.sort(key=lambda p: -((last.get(p.file) or {}).get("seconds") or
                              (60.0 if p.level == "corpus" else 0.0)))
    return todo


def earlier_pages(state: dict, listed: Collection[str], corpus_key: str,
                  present: Collection[str]) -> list[Page]:
    """Pages of earlier runs (other regions, levels or notebooks) still current for this corpus:
    they stay on the index. A regional page without its region's key is from a renderer that
    keyed regions by name and is dropped."""
    out = []
    for f, info in sorted((state.get("pages") or {}).items()):
        if f in listed or info.get("corpus") != corpus_key or info.get("status") != "rendered" \
                or f not in present or not (info.get("level") == "corpus" or info.get("place")):
            continue
        page = Page(**{k: v for k, v in info.items() if k in Page.__dataclass_fields__})
        page.status, page.reason = "skipped", EARLIER
        out.append(page)
    return out


@dataclass
class Plan:
    """What one render does: every page (with its status so far), the pages left to run (longest
    first) and the still-current pages of earlier runs that the index keeps listing."""

    pages: list[Page]
    todo: list[Page]
    earlier: list[Page]
    notebooks: dict[str, Notebook]

    def tasks(self, out: str | Path, env: dict[str, str] | None = None) -> list[dict]:
        """One task per page to run, as :func:`fazhi.render.execute.render_page` takes it: plain
        values only (they travel to worker processes and Dask workers). The kernel runs in the
        notebook's folder (as in Jupyter: a file next to an edited copy is found) with ``env``
        added to its environment (:func:`fazhi.config.kernel_env`: caches and project)."""
        out = str(Path(out).resolve())
        return [{"notebook": str(self.notebooks[p.notebook].path), "out": out, "file": p.file,
                 "parameters": p.parameters, "cwd": str(self.notebooks[p.notebook].path.parent),
                 "env": dict(env or {}),
                 "title": f"{p.notebook} · {p.region}" if p.region else p.notebook,
                 "figures": str(Path(out, p.figures).resolve()) if p.figures else "",
                 "figures_href": figures_href(p.figures)}
                for p in self.todo]


def figures_href(folder: str) -> str:
    """A page's figures folder (:func:`figures_folder`, relative to the output folder, where the
    page is) as a link from the page: the relative path itself, so the links survive moving the
    output folder with its figures; a ``file:`` link for an absolute one; "" without figures."""
    if not folder or not Path(folder).is_absolute():
        return folder
    return "file:///" + Path(folder).as_posix().lstrip("/")  # pragma: no cover - another drive


def plan(notebooks: Sequence[Notebook], docs, *, by: str, corpus_key: str, store: str,
         renderer: str, only: Iterable[str] | None = None, state: dict | None = None,
         present: Collection[str] = (), force: bool = False, figures: str | Path | None = None,
         figures_present: Collection[str] = ()) -> Plan:
    """Plan one render: :func:`plan_pages`, then :func:`skip_unchanged` against the last run's
    ``state`` and the page files ``present`` in the output folder (``force``: none skipped), and
    :func:`earlier_pages`. No kernel, no file written. ``figures``: the folder of the pages'
    chart files, relative to the output folder (each page in :func:`figures_folder`);
    ``figures_present``: those page folders (as :func:`figures_folder` names them) that exist.

    >>> p = plan(nbs, docs, by="city", only=["汕头市"], corpus_key="k", store="s",
    ...          renderer="r")                                           # doctest: +SKIP
    """
    state = state or {"pages": {}}
    pages = plan_pages(notebooks, docs, by=by, corpus_key=corpus_key, store=store,
                       renderer=renderer, only=only)
    if figures:
        for p in pages:
            p.figures = figures_folder(figures, p.file) if p.file else ""
    todo = skip_unchanged(pages, state, present, force=force, figures_present=figures_present)
    earlier = earlier_pages(state, {p.file for p in pages}, corpus_key, present)
    return Plan(pages, todo, earlier, {nb.stem: nb for nb in notebooks})
