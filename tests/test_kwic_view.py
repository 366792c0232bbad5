"""fazhi.display.kwic_view_html: the concordance of KWIC hits (one line per hit, keyword in
<mark>, left context right-aligned, right context left-aligned, every text escaped), and the
complete table folded under it. The browser half (one line, alignment measured) is
tests/test_browser_kwic.py."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup

import fazhi
from fazhi import display as fd

COLUMNS = ["doc_id", "file", "part", "start", "end", "left", "keyword", "right"]


def _hits(rows: list[tuple[str, str, str, str, str]]) -> pd.DataFrame:
    """Hits as fazhi.kwic returns them, from (file, part, left, keyword, right)."""
    return pd.DataFrame([{"doc_id": f"d{i}", "file": f, "part": p, "start": 0, "end": len(k),
                          "left": left, "keyword": k, "right": r}
                         for i, (f, p, left, k, r) in enumerate(rows)], columns=COLUMNS)


# (hits: file, part, left, keyword, right) — excerpts in the layouts of real reports, own wording
CASES = {
    "town-two-hits": [
        ("2022-zhejiang-huzhou-deqing-wukang.txt", "achievements",
         "全镇25个行政村实现", "法律顾问", "全覆盖，全年提供法律咨询"),
        ("2022-zhejiang-huzhou-deqing-wukang.txt", "plans",
         "进一步发挥村（社区）", "法律顾问", "作用，推动法治乡村建设"),
    ],
    "markup-in-report": [
        ("2023-<b>jiangsu</b>-suzhou.txt", "problems",
         "<script>window.__xss=1</script>", "矛盾纠纷", "多元化解<img src=x onerror=alert(1)>"),
    ],
    "no-part-short-context": [
        ("2021-sichuan-mianyang-fucheng.txt", "", "", "民法典", "宣传月"),
    ],
}


def _lines(markup: str):
    soup = BeautifulSoup(markup, "html.parser")
    return soup, soup.select("div.fazhi-kwic-lines > div.fazhi-kwic-row:not(.fazhi-kwic-head)")


@pytest.mark.parametrize("name", CASES)
def test_one_escaped_line_per_hit(name):
    rows = CASES[name]
    markup = fd.kwic_view_html(_hits(rows))
    soup, lines = _lines(markup)
    assert len(lines) == len(rows)
    assert soup.find("script") is None and soup.find("img") is None and soup.find("b") is None
    for line, (file, part, left, key, right) in zip(lines, rows, strict=True):
        cells = line.find_all("span", recursive=False)
        assert [c["class"][0] for c in cells] == ["fazhi-kwic-src", "fazhi-kwic-left",
                                                   "fazhi-kwic-key", "fazhi-kwic-right"]
        assert cells[0].get_text().startswith(file)
        if part:
            assert cells[0].get_text().endswith(fd.PART_LABELS[part])
        assert cells[1].get_text() == left and cells[3].get_text() == right
        assert cells[2].find("mark").get_text() == key  # the keyword is marked, nothing else
        assert len(line.find_all("mark")) == 1


def test_alignment_and_one_line_styles_are_scoped():
    markup = fd.kwic_view_html(_hits(CASES["town-two-hits"]))
    css = BeautifulSoup(markup, "html.parser").find("style").get_text()
    rules = dict(re.findall(r"([^{}]+)\{([^{}]*)\}", css))
    assert all(sel.startswith("div.fazhi-kwic") for s in rules for sel in s.split(","))
    assert "text-align:right" in rules["div.fazhi-kwic span.fazhi-kwic-left"]
    assert "text-align:left" in rules["div.fazhi-kwic span.fazhi-kwic-right"]
    assert "text-align:center" in rules["div.fazhi-kwic span.fazhi-kwic-key"]
    assert "white-space:nowrap" in rules["div.fazhi-kwic div.fazhi-kwic-row>span"]


@pytest.mark.parametrize("table,n_tables", [(True, 1), (False, 0)])
def test_complete_table_folded_under_the_view(table, n_tables):
    rows = CASES["town-two-hits"]
    soup, _ = _lines(fd.kwic_view_html(_hits(rows), caption="法律顾问<2处>", table=table))
    assert soup.select_one("p.fazhi-kwic-caption").get_text() == "法律顾问<2处>"
    boxes = soup.select("details div.fazhi-table")
    assert len(boxes) == n_tables
    if table:
        assert [th.get_text() for th in boxes[0].select("thead th")] == \
            ["文件", "部分", "左文", "关键词", "右文"]
        assert len(boxes[0].select("tbody tr")) == len(rows)


def test_view_of_real_hits(sample_corpus):
    hits = fazhi.kwic(sample_corpus, "法律顾问", window=12)
    assert len(hits) > 1
    _, lines = _lines(fd.kwic_view_html(hits))
    assert len(lines) == len(hits)
    assert [ln.select_one("mark").get_text() for ln in lines] == ["法律顾问"] * len(hits)
    assert [ln.select_one(".fazhi-kwic-left").get_text() for ln in lines] == hits["left"].tolist()
