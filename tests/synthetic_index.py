"""A synthetic render of thousands of pages, for the index page at scale
(tests/test_browser_index.py, bench/index_scale.py): no notebook runs, the pages come from the
real planner.

Real units are sampled from the package gazetteer (JioNLP's townships: real province → city →
district → town shapes, municipalities, cities without districts such as 东莞), one report each
(some with a second year, some only at district level, some without a place, a few whose parents
are unknown), plus both 鼓楼区 (福州's and 南京's) with a town each and two 东湖街道.
:func:`fazhi.render.plan.plan_pages` plans the pages of the shipped notebooks ``--by town`` for
that corpus; statuses are then set as a large re-render leaves them (most rendered, some
unchanged, a few failed), and the province dossiers of an earlier run stay on the index.
``crafted=True`` adds a town whose name and a report whose title carry markup (tests/crafted.py),
which must reach the index as text.

>>> run = synthetic_render(3000)                                     # doctest: +SKIP
>>> write_index(tmp, run.pages, run.corpus, by=run.by)               # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path

# both 鼓楼区 with a town each (a search for 鼓楼 must show two places), and two of the 东湖街道
# (a third, whose parents are unknown, is in UNPLACED_PARENTS)
NAMESAKES = [("福建省", "福州市", "鼓楼区", "东街街道"), ("江苏省", "南京市", "鼓楼区", "宁海路街道"),
             ("浙江省", "杭州市", "临平区", "东湖街道"), ("广东省", "深圳市", "罗湖区", "东湖街道")]
# reports whose parents the metadata could not tell (a name shared by several units)
UNPLACED_PARENTS = [("", "", "鼓楼区", ""), ("", "", "", "东湖街道"), ("", "", "", "城关镇")]
TITLES = ["{place}{year}年度法治政府建设工作报告", "关于{place}{year}年法治政府建设情况的报告",
          "{place}{year}年法治政府建设年度报告", "{place}{year}年度法治建设工作总结"]
ERROR = "Traceback (most recent call last):\nValueError: 数据不足，无法绘图 <b>not bold</b>"


@dataclass
class FakeCorpus:
    """What the index reads of a corpus: documents, the store's manifest, rejected files."""

    docs: object
    manifest: dict
    rejected: object = None
    lexicon: object = None


@dataclass
class SyntheticRender:
    pages: list
    corpus: FakeCorpus
    by: str = "town"
    towns: list[tuple[str, str, str, str]] = field(default_factory=list)


def sample_towns(n: int, seed: int = 11) -> list[tuple[str, str, str, str]]:
    """``n`` distinct townships of the gazetteer, (province, city, district, town) each, the
    towns of :data:`NAMESAKES` among them."""
    from fazhi.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    chains = sorted({gaz.chain(i) for i, k in enumerate(gaz.kinds) if k == "town"} -
                    set(NAMESAKES))
    return [*NAMESAKES, *random.Random(seed).sample(chains, max(0, n - len(NAMESAKES)))]


def _hex(*parts) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


def synthetic_docs(towns, *, seed: int = 11, crafted: bool = False):
    """The documents table of a corpus with a report of each town (and the extra reports
    described in the module docstring)."""
    import pandas as pd
    from crafted import XSS_IMG, XSS_TITLE

    rng = random.Random(seed)
    rows = []

    def add(key, year, title=None):
        i = len(rows)
        place = "".join(dict.fromkeys(p for p in key if p))
        rows.append({"doc_id": i, "file": f"{i:05d}_{_hex(i)[:16]}.txt",
                     "title": title or rng.choice(TITLES).format(place=place, year=year),
                     "province": key[0], "city": key[1], "district": key[2], "town": key[3],
                     "report_year": year, "anonymised": False, "text_hash": _hex("t", i)})

    for key in towns:
        add(key, rng.randint(2019, 2024))
        if rng.random() < 0.08:  # a second year
            add(key, rng.randint(2019, 2024))
        if rng.random() < 0.03:  # the district's own report: no town
            add((*key[:3], ""), rng.randint(2019, 2024))
    for key in UNPLACED_PARENTS:
        add(key, 2022)
    for _ in range(20):  # no place at all
        add(("", "", "", ""), rng.randint(2019, 2024), title="关于法治政府建设工作情况的报告")
    if crafted:
        add(("广东省", "汕头市", "金平区", f"{XSS_IMG}镇"), 2022, title=XSS_TITLE)
    docs = pd.DataFrame(rows)
    for col in ("province", "city", "district", "town"):
        docs[col] = docs[col].replace("", None)
    return docs


def synthetic_render(n_pages: int = 3000, *, seed: int = 11, crafted: bool = False,
                     notebooks=None) -> SyntheticRender:
    """About ``n_pages`` pages of a ``--by town`` render (corpus-wide pages, a dossier per town,
    the unknown entry, earlier province dossiers) and the corpus they come from."""
    from fazhi import __version__
    from fazhi.render import find_notebooks, page_file, read_notebooks
    from fazhi.render.plan import EARLIER, UNCHANGED, Page, plan_pages

    nbs = read_notebooks(notebooks or find_notebooks())
    n_corpus = sum(not nb.per_region for nb in nbs)
    towns = sample_towns(max(1, n_pages - n_corpus - 1 - 31), seed)
    docs = synthetic_docs(towns, seed=seed, crafted=crafted)
    pages = plan_pages(nbs, docs, by="town", corpus_key="synthetic", store="/data/processed",
                       renderer="synthetic")
    rng = random.Random(seed + 1)
    for p in pages:
        if not p.file:
            continue
        r = rng.random()
        if r < 0.01 or (crafted and "onerror" in p.region):
            p.status, p.error = "failed", ERROR
            continue
        p.rendered_at = f"2026-11-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:" \
                        f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}+0800"
        p.seconds = round(rng.uniform(3, 12), 1)
        if r < 0.1:
            p.status, p.reason = "skipped", UNCHANGED
    provinces = sorted({t[0] for t in towns})
    pages += [Page("05_dossier", "province", prov, page_file("05_dossier", "province", prov),
                   status="skipped", reason=EARLIER, place=[prov],
                   rendered_at="2026-10-30T09:00:00+0800", seconds=6.0)
              for prov in provinces]
    files = {row.file: {"hash": _hex("f", row.file), "text_hash": row.text_hash}
             for row in docs.itertuples()}
    manifest = {"built": "2026-11-30T10:00:00+0800", "store": "/data/processed",
                "source": "/data/raw", "n_docs": len(docs), "lexicon": "synthetic",
                "backend": "rjieba", "hmm": False, "package": __version__,
                "key": {"package": __version__}, "files": files}
    return SyntheticRender(pages, FakeCorpus(docs, manifest), "town", towns)


def write_page_files(out: Path, pages) -> int:
    """A small HTML file for each page with a file (not the failed ones), so the index's links
    lead somewhere; returns how many."""
    n = 0
    for p in pages:
        if p.file and p.status != "failed":
            (Path(out) / p.file).write_text(f"<!DOCTYPE html><title>{p.notebook}</title>",
                                            encoding="utf-8")
            n += 1
    return n


def written_index(out: Path, n_pages: int, *, seed: int, crafted: bool = False):
    """A synthetic render of about ``n_pages`` pages written to ``out``: its page files and its
    ``index.html``; returns (the index's path, the render)."""
    from fazhi.render import write_index

    run = synthetic_render(n_pages, seed=seed, crafted=crafted)
    write_page_files(out, run.pages)
    return write_index(out, run.pages, run.corpus, by=run.by), run
