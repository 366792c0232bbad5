"""The index page: every page grouped by level and region, the failures, the source reports with
their hashes, and the provenance (corpus, lexicon, data version, package versions).

>>> write_index("reports", result.pages, corpus, by="province")       # doctest: +SKIP
PosixPath('reports/index.html')
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from fazhi import __version__
from fazhi.display import region_order, region_place
from fazhi.memo import corpus_key
from fazhi.render.html import FONT_SLOT, TEMPLATES, atomic_write, embed_font
from fazhi.render.plan import LEVEL_LABELS, LEVELS, UNKNOWN_REGION, Page
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


def _index_order(page: Page) -> tuple:
    """Regions of a level in province → city → … order (by key; the unknown entry last)."""
    if page.region == UNKNOWN_REGION:
        return (2, ())
    if page.place:
        return (0, region_order(tuple(page.place)))
    return (1, ((False, page.region),))


def index_regions(pages: list[Page]) -> list[dict]:
    """The index entries of one level's pages: one per region (its key: same-named units apart),
    province → city → … order, with its full name and, for a region whose parents are unknown,
    that it is kept apart from its namesakes: ``{name, note, pages, reports}``."""
    entries: dict[tuple, dict] = {}
    names: dict[str, set[tuple]] = {}
    for p in sorted(pages, key=_index_order):
        ident = (p.region, tuple(p.place))
        entry = entries.setdefault(ident, {"name": p.region, "place": p.place, "pages": [],
                                           "reports": []})
        entry["pages"].append(p)
        if p.reports and not entry["reports"]:
            entry["reports"] = p.reports
        if p.place:
            names.setdefault(p.place[-1], set()).add(tuple(p.place))
    for entry in entries.values():
        key = tuple(entry.pop("place"))
        note = ""
        if key and not any(key[:-1]):
            if len(names.get(key[-1], ())) > 1:
                note = "上级地区不明（地名有重名），未与同名地区合并 / parents unknown: kept apart"
        elif key and region_place(key) != entry["name"]:
            note = region_place(key)
        entry["note"] = note
    return list(entries.values())


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
    groups = []
    corpus_pages = [p for p in pages if p.level == "corpus"]
    if corpus_pages:
        groups.append({"label": f"{LEVEL_LABELS['corpus']} / whole corpus", "regions": [
            {"name": "全部报告 / all reports", "pages": corpus_pages}]})
    for level in LEVELS:
        regional = [p for p in pages if p.level == level]
        if regional:
            groups.append({"label": f"按{LEVEL_LABELS[level]}地区 / by {level}",
                           "regions": index_regions(regional)})
    rejected = corpus.rejected
    lexicon = getattr(corpus, "lexicon", None)
    return {
        "title": "法治政府建设年度报告分析 / Rule-of-law report analyses",
        "groups": groups,
        "failed": [p for p in pages if p.status == "failed"],
        "counts": {s: sum(p.status == s for p in pages) for s in ("rendered", "skipped", "failed")},
        "n_pages": len(pages),
        "sources": sources,
        "rejected": [] if rejected is None or not len(rejected) else
        [{k: str(v) for k, v in r.items()} for r in rejected.to_dict("records")][:200],
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
    html = embed_font(env.get_template(INDEX_TEMPLATE).render(
        **index_context(pages, corpus, by=by, seconds=seconds), font_slot=FONT_SLOT))
    index = Path(out) / "index.html"
    atomic_write(index, html)
    return index
