"""The index page: the corpus-wide pages, every regional page in a tree of places (province → city
→ district → town, collapsed groups with rolled-up counts, a search box), the failures, the reports
without a region, the source reports with their hashes, and the provenance (corpus, lexicon, data
version, package versions).

The page holds thousands of regions (a by-town render of one province makes over a thousand
pages): groups are ``<details>`` (they open and close without script), links are relative file
names (the folder can move), the search is a small inline script that only reads the tree, and
every value is escaped by Jinja's autoescape.

>>> write_index("reports", result.pages, corpus, by="province")       # doctest: +SKIP
PosixPath('reports/index.html')
"""

from __future__ import annotations

import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fazhi import __version__
from fazhi.memo import corpus_key
from fazhi.render.html import FONT_SLOT, TEMPLATES, atomic_write, embed_font
from fazhi.render.plan import LEVEL_LABELS, LEVELS, UNCHANGED, UNKNOWN_REGION, Page
from fazhi.vocab import UNKNOWN, is_unknown
from fazhi.vocab import label as _label

INDEX_TEMPLATE = "index.html.j2"
_VERSIONED = ("papermill", "nbconvert", "pandas", "jieba", "rjieba", "matplotlib")


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"fazhi": __version__, "python": sys.version.split()[0]}
    for name in _VERSIONED:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            pass
    return out


def _year(value) -> str:
    if is_unknown(value):
        return UNKNOWN
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return _label(value)


# ---------------------------------------------------------------- the region tree

# an unknown parent is a group of its own, never merged into a namesake's place
UNKNOWN_GROUP = UNKNOWN
UNKNOWN_NOTE = ("上级地区不明（或不设此级），未与同名地区合并 / "
                "parent unknown (or no such level): kept apart from namesakes")
_PLACE_COLUMNS = ("province", "city", "district", "town")
_LEVEL_RANK = {level: i for i, level in enumerate(("corpus", *LEVELS))}
# ASCII characters a link keeps as they are; any other ASCII character is percent-encoded, so a
# link is always a file name in the index's own folder (no "/", ":", "#", "?", "%", "\\")
_HREF_KEEP = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~()-")


def tree_path(key: Sequence[str]) -> tuple[str, ...]:
    """The index groups of a region key, outer first: a municipality once (its own city), a run
    of unknown parents as one （不明） group, trailing unknowns dropped.

    >>> tree_path(("重庆市", "重庆市", "黔江区", "蓬东乡"))
    ('重庆市', '黔江区', '蓬东乡')
    >>> tree_path(("", "", "鼓楼区"))
    ('（不明）', '鼓楼区')
    """
    parts = ["" if is_unknown(p) else str(p).strip() for p in key]
    while parts and not parts[-1]:
        parts.pop()
    out: list[str] = []
    for part in parts:
        seg = part or UNKNOWN_GROUP
        if not out or out[-1] != seg:
            out.append(seg)
    return tuple(out)


@dataclass
class IndexGroup:
    """One place of the index tree (province, city, district, town or a （不明） group): its own
    pages, its sub-places, and counts rolled up over everything below it."""

    name: str                                   # 鼓楼区, or （不明）
    path: tuple[str, ...]                       # (福建省, 福州市, 鼓楼区)
    pages: list[Page] = field(default_factory=list)
    children: list[IndexGroup] = field(default_factory=list)
    label: str = ""                             # the pages' region label where it is not the name
    reports: int = 0                            # reports placed here or below
    n_pages: int = 0                            # pages here or below (their statuses below)
    failed: int = 0
    skipped: int = 0
    open: bool = False                          # shown open before any search

    @property
    def unknown(self) -> bool:
        return self.name == UNKNOWN_GROUP

    @property
    def mixed(self) -> bool:
        """Whether its own pages are of several levels (重庆市: a province's and a city's)."""
        return len({p.level for p in self.pages}) > 1

    @property
    def place(self) -> str:
        """The full name: 福建省福州市鼓楼区 (unknown parents left out)."""
        return "".join(p for p in self.path if p != UNKNOWN_GROUP)

    def walk(self) -> Iterator[IndexGroup]:
        """This group and every group below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def _page_path(page: Page) -> tuple[str, ...]:
    path = tree_path(page.place) if page.place else ()
    # a regional page without a key (an older state file): by its name, parents unknown
    return path or (UNKNOWN_GROUP, page.region or UNKNOWN_GROUP)


def _group_order(group: IndexGroup) -> tuple:
    return (group.unknown, group.name)


def _doc_paths(docs) -> list[tuple[str, ...]]:
    if docs is None or not len(docs):
        return []
    cols = [docs[c].tolist() if c in docs else [""] * len(docs) for c in _PLACE_COLUMNS]
    return [tree_path(key) for key in zip(*cols, strict=True)]


def index_tree(pages: Iterable[Page], docs=None) -> list[IndexGroup]:
    """The regional pages as a tree of places, province → city → district → town, by each
    page's key (:attr:`Page.place`): same-named units in different places stay apart, a region
    whose parents are unknown sits in a （不明） group, a town's page under its district. Each
    group counts the reports of ``docs`` placed in it or below and the pages (failed, skipped)
    below it. Corpus-wide pages and the unknown-region entries are not in the tree.

    >>> [g.name for g in index_tree(pages, corpus.docs)]             # doctest: +SKIP
    ['江苏省', '福建省', '（不明）']
    """
    groups: dict[tuple[str, ...], IndexGroup] = {}
    top: list[IndexGroup] = []

    def group(path: tuple[str, ...]) -> IndexGroup:
        found = groups.get(path)
        if found is None:
            found = groups[path] = IndexGroup(path[-1], path)
            (group(path[:-1]).children if len(path) > 1 else top).append(found)
        return found

    for page in pages:
        if page.level == "corpus" or page.region == UNKNOWN_REGION:
            continue
        g = group(_page_path(page))
        g.pages.append(page)
        if page.region and page.region != g.name and not g.label:
            g.label = page.region
    for path in _doc_paths(docs):
        for depth in range(1, len(path) + 1):
            g = groups.get(path[:depth])
            if g is None:
                break
            g.reports += 1

    def finish(g: IndexGroup) -> None:
        g.pages.sort(key=lambda p: (_LEVEL_RANK.get(p.level, 9), p.notebook))
        g.children.sort(key=_group_order)
        g.n_pages = len(g.pages)
        g.failed = sum(p.status == "failed" for p in g.pages)
        g.skipped = sum(p.status == "skipped" for p in g.pages)
        for c in g.children:
            finish(c)
            g.n_pages += c.n_pages
            g.failed += c.failed
            g.skipped += c.skipped

    top.sort(key=_group_order)
    for g in top:
        finish(g)
    # a tree of one place opens down to where it branches
    level = top
    while len(level) == 1 and level[0].children:
        level[0].open = True
        level = level[0].children
    return top


def relative_href(file: str) -> str:
    """A link to ``file`` in the index's own folder that stays relative whatever the name:
    ASCII characters other than letters, digits and ``._~()-`` are percent-encoded (no ``/``,
    ``:`` or ``#`` left), as are a leading dot, controls and spaces; Chinese stays readable.

    >>> relative_href("05_dossier-town-重庆市黔江区蓬东乡.html")
    '05_dossier-town-重庆市黔江区蓬东乡.html'
    >>> relative_href("javascript:alert(1)")
    'javascript%3Aalert(1)'
    """
    out = []
    for i, ch in enumerate(file):
        keep = ch in _HREF_KEEP if ch < "\x80" else unicodedata.category(ch)[0] not in "CZ"
        if keep and not (i == 0 and ch == "."):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def _unplaced_entries(pages: list[Page]) -> list[dict]:
    return [{"level": LEVEL_LABELS.get(p.level, p.level), "page": p}
            for p in pages if p.region == UNKNOWN_REGION and p.level != "corpus"]


def index_context(pages: list[Page], corpus, *, by: str, seconds: float) -> dict:
    """The data of the index page (plain values; the template escapes them)."""
    from fazhi.display import place
    from fazhi.versions import data_version

    manifest = corpus.manifest or {}
    docs = corpus.docs
    files = manifest.get("files") or {}
    sources = []
    for row in docs.to_dict("records") if len(docs) else []:
        info = files.get(row.get("file"), {})
        sources.append({"file": row.get("file", ""), "title": _label(row.get("title")),
                        "place": place(row), "year": _year(row.get("report_year")),
                        "hash": (info.get("hash") or "")[:16],
                        "text_hash": (row.get("text_hash") or info.get("text_hash") or "")[:16]})
    tree = index_tree(pages, docs)
    levels = [lv for lv in LEVELS if any(p.level == lv and p.region != UNKNOWN_REGION
                                         for p in pages)]
    failed = [p for p in pages if p.status == "failed"]
    rejected = corpus.rejected
    lexicon = getattr(corpus, "lexicon", None)
    return {
        "title": "法治政府建设年度报告分析 / Rule-of-law report analyses",
        "corpus_pages": [p for p in pages if p.level == "corpus"],
        "tree": tree,
        "n_regions": sum(1 for top in tree for g in top.walk() if g.pages),
        "levels": [LEVEL_LABELS[lv] for lv in levels],
        "unplaced": _unplaced_entries(pages),
        "failed": failed,
        "failure_ids": {p.file or f"{p.notebook}:{p.region}": f"f{i}"
                        for i, p in enumerate(failed, 1)},
        "counts": {s: sum(p.status == s for p in pages) for s in ("rendered", "skipped", "failed")},
        "n_pages": len(pages),
        "sources": sources,
        "rejected": [] if rejected is None or not len(rejected) else
        [{k: str(v) for k, v in r.items()} for r in rejected.to_dict("records")],
        "provenance": [
            ("语料库构建时间 / corpus built", manifest.get("built", "")),
            ("语料库 / store", manifest.get("store", "")),
            ("原始报告 / source folder", manifest.get("source", "")),
            ("报告数 / documents", manifest.get("n_docs", len(docs))),
            ("词库版本 / lexicon version", manifest.get("lexicon", "")),
            ("词库来源 / lexicon", lexicon.origin if lexicon
             else manifest.get("lexicon_folder") or ""),
            ("数据版本 / data version (fazhi/data + user lexicon)",
             data_version(lexicon or manifest.get("lexicon_folder"))),
            ("分词 / segmenter", f"{manifest.get('backend', '')} (hmm={manifest.get('hmm', '')})"),
            ("软件版本 / package version", manifest.get("package", __version__)),
            ("语料指纹 / corpus key", corpus_key(manifest)),
            ("地区层级 / regions by", f"{LEVEL_LABELS[by]} ({by})"),
            ("生成时间 / rendered", time.strftime("%Y-%m-%dT%H:%M:%S%z")),
            ("用时 / seconds", f"{seconds:.1f}"),
        ],
        "versions": _versions(),
        "level_labels": LEVEL_LABELS,
        "unknown_note": UNKNOWN_NOTE,
        "unchanged": UNCHANGED,
    }


def write_index(out: str | Path, pages: list[Page], corpus, *, by: str = "province",
                seconds: float = 0.0) -> Path:
    """Write ``index.html`` (self-contained, every value escaped) for ``pages``; return its path."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["params"] = lambda d: ", ".join(
        f"{k}={v}" for k, v in (d or {}).items() if k != "corpus_path")
    env.filters["href"] = relative_href
    html = embed_font(env.get_template(INDEX_TEMPLATE).render(
        **index_context(pages, corpus, by=by, seconds=seconds), font_slot=FONT_SLOT))
    index = Path(out) / "index.html"
    atomic_write(index, html)
    return index
