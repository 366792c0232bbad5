"""The index page's region tree (issue 11): pages grouped province → city → district → town by their
keys, namesakes apart, unknown parents in （不明） groups, counts rolled up; and the written page:
relative links only, every value escaped, the source list complete.

The tree is built from Page objects and documents as a render plans them (no kernel); the written
index from tests/synthetic_index.py (real gazetteer units, the real planner). The browser checks of
the same page are in test_browser_index.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest
from crafted import XSS_IMG, XSS_SCRIPT
from synthetic_index import synthetic_render, written_index

from fazhi.render import (
    UNKNOWN_REGION,
    Page,
    index_tree,
    page_file,
    relative_href,
    tree_path,
    write_index,
)
from fazhi.render.plan import EARLIER, UNCHANGED

FUZHOU_GULOU = ("福建省", "福州市", "鼓楼区")
NANJING_GULOU = ("江苏省", "南京市", "鼓楼区")
MAWEI = ("福建省", "福州市", "马尾区")


def page(place, *, level=None, status="rendered", notebook="05_dossier", region=None,
         reason="") -> Page:
    """A regional page as the planner makes it (file named by the full place)."""
    level = level or ("province", "city", "district", "town")[len(place) - 1]
    return Page(notebook, level, region or place[-1],
                page_file(notebook, level, "".join(p for p in place if p)), status=status,
                reason=reason, place=list(place))


def docs_of(*keys) -> pd.DataFrame:
    """A documents table with one report per (province, city, district, town) key."""
    rows = [dict(zip(("province", "city", "district", "town"), (*k, "", "", "", "")[:4],
                     strict=True)) for k in keys]
    return pd.DataFrame([{"file": f"{i}.txt", **r} for i, r in enumerate(rows)])


def outline(tree) -> list[str]:
    """The tree as indented lines: name, reports, pages, failed, skipped, own pages."""
    lines = []

    def walk(g, depth):
        own = ",".join(f"{p.level}:{p.status}" for p in g.pages)
        lines.append(f"{'  ' * depth}{g.name} r{g.reports} p{g.n_pages} f{g.failed} "
                     f"s{g.skipped} [{own}]")
        for c in g.children:
            walk(c, depth + 1)

    for g in tree:
        walk(g, 0)
    return lines


# ---------------------------------------------------------------- keys → groups

@pytest.mark.parametrize("key,path", [
    (("福建省",), ("福建省",)),
    (("福建省", "福州市", "马尾区", "亭江镇"), ("福建省", "福州市", "马尾区", "亭江镇")),
    (("重庆市", "重庆市", "黔江区", "蓬东乡"), ("重庆市", "黔江区", "蓬东乡")),    # municipality once
    (("", "", "鼓楼区"), ("（不明）", "鼓楼区")),                                # parents unknown
    (("", "", "", "东湖街道"), ("（不明）", "东湖街道")),
    (("福建省", "", "鼓楼区"), ("福建省", "（不明）", "鼓楼区")),
    (("广东省", "东莞市", "", "虎门镇"), ("广东省", "东莞市", "（不明）", "虎门镇")),  # no district
    (("福建省", "福州市", "鼓楼区", ""), ("福建省", "福州市", "鼓楼区")),          # a district's report
    ((" 福建省 ", None, "（不明）", "亭江镇"), ("福建省", "（不明）", "亭江镇")),
    (("", "", "", ""), ()),
])
def test_tree_path(key, path):
    assert tree_path(key) == path


CASES = {
    "namesakes stay apart": (
        [page(FUZHOU_GULOU, region="鼓楼区（福州市）"), page(NANJING_GULOU, region="鼓楼区（南京市）"),
         page(("", "", "鼓楼区"))],
        docs_of(FUZHOU_GULOU, (*FUZHOU_GULOU, "东街街道"), NANJING_GULOU, ("", "", "鼓楼区")),
        ["江苏省 r1 p1 f0 s0 []",
         "  南京市 r1 p1 f0 s0 []",
         "    鼓楼区 r1 p1 f0 s0 [district:rendered]",
         "福建省 r2 p1 f0 s0 []",
         "  福州市 r2 p1 f0 s0 []",
         "    鼓楼区 r2 p1 f0 s0 [district:rendered]",
         "（不明） r1 p1 f0 s0 []",
         "  鼓楼区 r1 p1 f0 s0 [district:rendered]"]),
    "unknown parents at any depth": (
        [page(("", "", "", "东湖街道")), page(("广东省", "东莞市", "", "虎门镇")),
         page(("", "福州市", "鼓楼区", "东街街道")), page(("广东省", "汕头市", "金平区", "月浦街道"))],
        docs_of(("", "", "", "东湖街道"), ("广东省", "东莞市", "", "虎门镇"),
                ("", "福州市", "鼓楼区", "东街街道"), ("广东省", "汕头市", "金平区", "月浦街道"),
                ("", "", "", "")),
        ["广东省 r2 p2 f0 s0 []",
         "  东莞市 r1 p1 f0 s0 []",
         "    （不明） r1 p1 f0 s0 []",
         "      虎门镇 r1 p1 f0 s0 [town:rendered]",
         "  汕头市 r1 p1 f0 s0 []",
         "    金平区 r1 p1 f0 s0 []",
         "      月浦街道 r1 p1 f0 s0 [town:rendered]",
         "（不明） r2 p2 f0 s0 []",
         "  东湖街道 r1 p1 f0 s0 [town:rendered]",
         "  福州市 r1 p1 f0 s0 []",
         "    鼓楼区 r1 p1 f0 s0 []",
         "      东街街道 r1 p1 f0 s0 [town:rendered]"]),
    "a town page under its district": (
        [page(MAWEI), page((*MAWEI, "亭江镇"), status="skipped", reason=EARLIER)],
        docs_of((*MAWEI, "亭江镇"), MAWEI),
        ["福建省 r2 p2 f0 s1 []",
         "  福州市 r2 p2 f0 s1 []",
         "    马尾区 r2 p2 f0 s1 [district:rendered]",
         "      亭江镇 r1 p1 f0 s1 [town:skipped]"]),
    "reports counted where they are placed, rolled up": (
        [page((*MAWEI, "亭江镇")), page((*MAWEI, "琅岐镇")), page((*FUZHOU_GULOU, "东街街道"))],
        docs_of(*[(*MAWEI, "亭江镇")] * 3, (*MAWEI, "琅岐镇"), MAWEI, (*FUZHOU_GULOU, "东街街道"),
                ("福建省",), (*NANJING_GULOU, "宁海路街道"), ("福建省", "厦门市")),
        ["福建省 r8 p3 f0 s0 []",
         "  福州市 r6 p3 f0 s0 []",
         "    马尾区 r5 p2 f0 s0 []",
         "      亭江镇 r3 p1 f0 s0 [town:rendered]",
         "      琅岐镇 r1 p1 f0 s0 [town:rendered]",
         "    鼓楼区 r1 p1 f0 s0 []",
         "      东街街道 r1 p1 f0 s0 [town:rendered]"]),
    "failed and skipped counts rolled up": (
        [page((*MAWEI, "亭江镇"), status="failed"), page((*MAWEI, "琅岐镇"), status="skipped",
                                                       reason=UNCHANGED),
         page((*FUZHOU_GULOU, "东街街道"), status="failed"), page(("福建省",), status="skipped",
                                                             reason=EARLIER)],
        docs_of((*MAWEI, "亭江镇"), (*MAWEI, "琅岐镇"), (*FUZHOU_GULOU, "东街街道")),
        ["福建省 r3 p4 f2 s2 [province:skipped]",
         "  福州市 r3 p3 f2 s1 []",
         "    马尾区 r2 p2 f1 s1 []",
         "      亭江镇 r1 p1 f1 s0 [town:failed]",
         "      琅岐镇 r1 p1 f0 s1 [town:skipped]",
         "    鼓楼区 r1 p1 f1 s0 []",
         "      东街街道 r1 p1 f1 s0 [town:failed]"]),
    "a municipality is its own city": (
        [page(("重庆市", "重庆市", "黔江区", "蓬东乡")), page(("重庆市", "重庆市")),
         page(("重庆市",))],
        docs_of(("重庆市", "重庆市", "黔江区", "蓬东乡")),
        ["重庆市 r1 p3 f0 s0 [province:rendered,city:rendered]",
         "  黔江区 r1 p1 f0 s0 []",
         "    蓬东乡 r1 p1 f0 s0 [town:rendered]"]),
    "corpus pages, unknown entries and keyless pages": (
        [Page("01_overview", "corpus", "", "01_overview.html"),
         Page("05_dossier", "district", UNKNOWN_REGION, "", status="skipped",
              reports=[{"file": "x.txt", "title": "t", "reason": "区县不明"}]),
         Page("05_dossier", "district", "鼓楼区", "05_dossier-district-鼓楼区.html")],
        None,
        ["（不明） r0 p1 f0 s0 []",
         "  鼓楼区 r0 p1 f0 s0 [district:rendered]"]),
}


@pytest.mark.parametrize("pages,docs,expected", CASES.values(), ids=CASES.keys())
def test_index_tree(pages, docs, expected):
    assert outline(index_tree(pages, docs)) == expected


def test_tree_keeps_the_label_of_a_namesake_and_opens_a_single_place():
    tree = index_tree([page(FUZHOU_GULOU, region="鼓楼区（福州市）"),
                       page((*FUZHOU_GULOU, "东街街道"), region="东街街道（福州市鼓楼区）")])
    groups = [g for top in tree for g in top.walk()]
    assert [(g.name, g.label, g.open) for g in groups] == [
        ("福建省", "", True), ("福州市", "", True), ("鼓楼区", "鼓楼区（福州市）", True),
        ("东街街道", "东街街道（福州市鼓楼区）", False)]
    assert groups[2].place == "福建省福州市鼓楼区"
    two = index_tree([page(FUZHOU_GULOU), page(NANJING_GULOU)])
    assert not any(g.open for top in two for g in top.walk())


@pytest.mark.parametrize("file,href", [
    ("05_dossier-town-重庆市黔江区蓬东乡.html", "05_dossier-town-重庆市黔江区蓬东乡.html"),
    ("05_dossier-district-鼓楼区（福州市）.html", "05_dossier-district-鼓楼区（福州市）.html"),
    ("01_overview.html", "01_overview.html"),
    ("../etc/passwd", "%2E.%2Fetc%2Fpasswd"),
    ("/abs/x.html", "%2Fabs%2Fx.html"),
    ("file:///x.html", "file%3A%2F%2F%2Fx.html"),
    ("javascript:alert(1)", "javascript%3Aalert(1)"),
    ("a b#c?d%e.html", "a%20b%23c%3Fd%25e.html"),
    ("x\u3000y\u202e.html", "x%E3%80%80y%E2%80%AE.html"),
])
def test_relative_href(file, href):
    out = relative_href(file)
    assert out == href
    assert not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", out) and not out.startswith(("/", "."))
    assert unquote(out) == file


# ---------------------------------------------------------------- the written page


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k in ("href", "src", "action", "formaction") and v is not None:
                self.hrefs.append(v)


@pytest.fixture(scope="module")
def small_index(tmp_path_factory) -> tuple[Path, object]:
    """A synthetic render of ~300 pages with a crafted town name and title, and its page files."""
    return written_index(tmp_path_factory.mktemp("index"), 300, seed=5, crafted=True)


def test_index_links_are_relative_and_lead_to_the_pages(small_index):
    index, run = small_index
    parser = _Links()
    parser.feed(index.read_text(encoding="utf-8"))
    assert parser.hrefs and "script" in parser.tags and "link" not in parser.tags
    for href in parser.hrefs:
        if href.startswith("#"):
            continue
        assert not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", href), href   # no file:, http:
        assert not href.startswith(("/", "\\", ".")), href
        target = (index.parent / unquote(href)).resolve()
        assert target.parent == index.parent.resolve() and target.is_file(), href
    linked = {unquote(h) for h in parser.hrefs}
    assert {p.file for p in run.pages if p.file and p.status != "failed"} <= linked


def test_index_escapes_every_value(small_index):
    index, run = small_index
    html = index.read_text(encoding="utf-8")
    assert XSS_SCRIPT not in html and XSS_IMG not in html and "<img" not in html
    assert "&lt;img src=x onerror=" in html and "&lt;script&gt;window.__xss=1" in html
    assert html.count("<script>") == 1  # the index's own search


def test_index_lists_every_source_and_groups_every_page(small_index):
    index, run = small_index
    html = index.read_text(encoding="utf-8")
    sources = html.split('<details id="sources">')[1].split("</details>")[0]
    assert all(f"<td>{f}<td>" in sources for f in run.corpus.docs["file"])
    tree = html.split('<ul class="tree" id="tree">')[1].split("\n</ul>\n")[0]
    towns = [p for p in run.pages if p.level == "town" and p.region != UNKNOWN_REGION]
    # one <li> without sub-places per town, holding its page's link (or its failure)
    assert tree.count("<li><b") == len(towns)
    assert tree.count(">05_dossier<") + tree.count("05_dossier <span class=\"failed\">") == \
        len(towns) + sum(p.level == "province" for p in run.pages)
    unplaced = html.split('<h2 id="unplaced">')[1].split('<h2 id="provenance">')[0]
    entry = next(p for p in run.pages if p.region == UNKNOWN_REGION)
    assert all(f"<td>{r['file']}<td>" in unplaced for r in entry.reports)
    assert "<details open>" not in sources and '<details id="sources">' in html


def test_index_lists_every_rejected_file(tmp_path):
    # a crawl with hundreds of unreadable files: every one is listed (collapsed), none cut
    import pandas as pd

    run = synthetic_render(30, seed=3)
    rejected = pd.DataFrame({"file": [f"坏文件/第{i:03d}号.pdf" for i in range(250)],
                             "reason": ["PDF 无文字层 / no text layer"] * 250})
    corpus = type(run.corpus)(run.corpus.docs, run.corpus.manifest, rejected)
    html = write_index(tmp_path, run.pages, corpus, by=run.by).read_text(encoding="utf-8")
    part = html.split("未收录的文件 / Rejected files (250)")[1].split("</details>")[0]
    assert all(f"<td>坏文件/第{i:03d}号.pdf</td>" in part for i in range(250))
