"""The tables of the rendered pages in headless Chromium (the session's shared render,
tests/conftest.py ``rendered``): sorted by a click (numbers as numbers, Chinese by pinyin,
（不明） last either way), filtered by the search box and a column filter (row counts), paged,
downloaded as CSV (UTF-8 with BOM, Chinese header, every row of the table whatever is shown);
no request leaves the page, no console error; with JavaScript off every table is there in full.
Without Chromium the tests skip (fail under CI=true), as tests/test_browser.py.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from crafted import XSS_FILE, XSS_TITLE
from offline_page import OfflinePage
from test_browser import browser  # noqa: F401 - the module's Chromium fixture

from fazhi.vocab import UNKNOWN

DOCS_HEADERS = ["文件", "标题", "年度", "地区", "层级", "字数"]
FREQ_CAPTION = "出现次数最多的 30 个词"
# the provinces of the shared render in pinyin order (a code-point sort gives 四川 广东 江苏 浙江
# 福建 重庆): what a reader of Chinese expects from "sort by 地区"
PINYIN_ORDER = ["重庆", "福建", "广东", "江苏", "四川", "浙江"]
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_COUNT = re.compile(r"共 (\d+) 行")
_HASH_ID = re.compile(r"[0-9a-f]{12}")  # a document id (fazhi.meta's doc_id)


def _tables(path: Path) -> list[dict]:
    """Every fazhi table of a page as its HTML holds it: caption, headers, rows (cell texts)."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    out = []
    for box in soup.select("div.fazhi-table"):
        cap = box.select_one("caption")
        out.append({"caption": cap.get_text() if cap else "",
                    "headers": [th.get_text() for th in box.select("thead th")],
                    "rows": [[td.get_text() for td in tr.find_all("td")]
                             for tr in box.select("tbody tr")],
                    "count": box.select_one(".fazhi-count").get_text()})
    return out


def _index(tables: list[dict], *, headers=None, caption=None) -> int:
    found = [i for i, t in enumerate(tables)
             if (headers is None or t["headers"] == headers) and
             (caption is None or t["caption"] == caption)]
    assert found, (headers, caption, [t["headers"] for t in tables])
    return found[0]


class Page(OfflinePage):
    """A rendered page in Chromium (offline, downloads accepted: :class:`OfflinePage`); ``close``
    returns what must not happen: console and page errors, outside requests, ``window.__xss``."""

    def __init__(self, browser, path: Path, *, javascript: bool = True):  # noqa: F811
        super().__init__(browser, path, javascript=javascript, downloads=True)

    def table(self, i: int):
        return self.page.locator("div.fazhi-table").nth(i)

    def column(self, i: int, col: int) -> list[str]:
        """The texts of column ``col`` in the rows the table shows now."""
        return self.page.evaluate(
            "([i, c]) => Array.from(document.querySelectorAll('div.fazhi-table')[i]"
            ".querySelectorAll('tbody tr')).map(tr => tr.cells[c].textContent)", [i, col])

    def count(self, i: int) -> str:
        return self.table(i).locator(".fazhi-count").text_content()

    def sort(self, i: int, header: str) -> None:
        self.table(i).locator("thead tr").first.locator("th", has_text=header).first.click()

    def download(self, i: int) -> bytes:
        with self.page.expect_download() as info:
            self.table(i).locator("a.fazhi-csv").click()
        return Path(info.value.path()).read_bytes()

    def close(self) -> list[str]:
        problems = [f"error: {e}" for e in self.errors] + [f"external: {u}" for u in self.external]
        xss = self.page.evaluate("typeof window.__xss")
        if xss != "undefined":
            problems.append(f"xss: {xss}")
        super().close()
        return problems


def _pages(rendered) -> list[Path]:
    return [p for p in rendered.html if p.name != "index.html"]


def _count(text: str) -> int:
    """A count as the table shows it (1,209)."""
    return int(text.replace(",", ""))


def _province(place: str) -> str:
    return place[:2]


def test_sort_by_numbers_by_pinyin_unknown_last(browser, rendered):  # noqa: F811
    path = rendered.out / "01_overview.html"
    tables = _tables(path)
    i = _index(tables, headers=DOCS_HEADERS)
    rows = tables[i]["rows"]
    chars = [_count(r[5]) for r in rows]
    p = Page(browser, path)
    p.sort(i, "字数")
    assert [_count(v) for v in p.column(i, 5)] == sorted(chars)
    p.sort(i, "字数")
    assert [_count(v) for v in p.column(i, 5)] == sorted(chars, reverse=True)
    # years as numbers; the reports without a year last, in both directions
    n_unknown = sum(r[2] == UNKNOWN for r in rows)
    assert 0 < n_unknown < len(rows)
    known = sorted(int(r[2]) for r in rows if r[2] != UNKNOWN)
    p.sort(i, "年度")
    years = p.column(i, 2)
    assert [int(y) for y in years[:len(known)]] == known and years[len(known):] == [UNKNOWN] * n_unknown
    p.sort(i, "年度")
    years = p.column(i, 2)
    assert [int(y) for y in years[:len(known)]] == known[::-1]
    assert years[len(known):] == [UNKNOWN] * n_unknown
    p.sort(i, "年度")  # the third click: the table's own order again
    assert p.column(i, 0) == [r[0] for r in rows]
    # Chinese place names by pinyin, unknown places last
    p.sort(i, "地区")
    places = p.column(i, 3)
    n_placed = sum(r[3] != UNKNOWN for r in rows)
    seen = list(dict.fromkeys(_province(x) for x in places[:n_placed]))
    assert seen == [x for x in PINYIN_ORDER if x in seen] and len(seen) >= 4
    assert places[n_placed:] == [UNKNOWN] * (len(rows) - n_placed)
    p.sort(i, "地区")
    places = p.column(i, 3)
    assert list(dict.fromkeys(_province(x) for x in places[:n_placed])) == seen[::-1]
    assert places[n_placed:] == [UNKNOWN] * (len(rows) - n_placed)
    assert p.close() == []


def test_search_and_column_filter_count_rows(browser, rendered):  # noqa: F811
    path = rendered.out / "01_overview.html"
    tables = _tables(path)
    i = _index(tables, headers=DOCS_HEADERS)
    rows = tables[i]["rows"]
    p = Page(browser, path)
    assert p.count(i) == f"共 {len(rows)} 行"
    # the search box: every word must be in the row
    want = [r[0] for r in rows if any("街道" in c for c in r)]
    assert 0 < len(want) < len(rows)
    p.table(i).locator(".fazhi-tools input[type=search]").fill("街道")
    assert sorted(p.column(i, 0)) == sorted(want)
    assert p.count(i) == f"筛选出 {len(want)} 行（共 {len(rows)} 行）"
    both = [r[0] for r in rows if any("街道" in c for c in r) and any("江苏" in c for c in r)]
    p.table(i).locator(".fazhi-tools input[type=search]").fill("街道 江苏")
    assert sorted(p.column(i, 0)) == sorted(both) and len(both) == 2
    p.table(i).locator(".fazhi-tools input[type=search]").fill("")
    assert len(p.column(i, 0)) == len(rows)
    # a column's own filter: numbers by comparison, text by substring
    p.table(i).locator(".fazhi-tools button", has_text="按列筛选").click()
    filters = p.table(i).locator("tr.fazhi-filters input")
    filters.nth(5).fill(">1000")
    long = [r[0] for r in rows if _count(r[5]) > 1000]
    assert sorted(p.column(i, 0)) == sorted(long) and 0 < len(long) < len(rows)
    assert p.count(i) == f"筛选出 {len(long)} 行（共 {len(rows)} 行）"
    filters.nth(3).fill("广东")
    assert sorted(p.column(i, 0)) == sorted(r[0] for r in rows
                                            if _count(r[5]) > 1000 and "广东" in r[3])
    # the download is still the whole table, whatever the filters show
    data = p.download(i)
    assert len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))) == len(rows) + 1
    assert p.close() == []


def test_long_tables_are_paged(browser, rendered):  # noqa: F811
    path = rendered.out / "02_keywords.html"
    tables = _tables(path)
    i = _index(tables, caption=FREQ_CAPTION)
    n = len(tables[i]["rows"])
    assert n == 30 and tables[i]["count"] == "共 30 行"
    p = Page(browser, path)
    assert len(p.column(i, 0)) == 25
    assert p.count(i) == "共 30 行，显示第 1–25 行"
    pager = p.table(i).locator(".fazhi-pager")
    assert pager.locator(".fazhi-page").text_content() == "第 1 / 2 页"
    pager.locator("button[aria-label=下一页]").click()
    assert p.column(i, 0) == [r[0] for r in tables[i]["rows"][25:]]
    assert p.count(i) == "共 30 行，显示第 26–30 行"
    pager.locator("select").select_option("0")  # 显示全部
    assert p.column(i, 0) == [r[0] for r in tables[i]["rows"]]
    assert p.close() == []


@pytest.mark.parametrize("page,headers,caption", [
    ("02_keywords.html", None, FREQ_CAPTION),        # paged: 30 rows, 25 shown
    ("01_overview.html", DOCS_HEADERS, None),        # report text with markup in it
])
def test_csv_download_is_the_whole_table(browser, rendered, page, headers, caption):  # noqa: F811
    path = rendered.out / page
    tables = _tables(path)
    i = _index(tables, headers=headers, caption=caption)
    p = Page(browser, path)
    data = p.download(i)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the Chinese
    lines = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
    assert lines[0] == tables[i]["headers"]
    assert len(lines) - 1 == len(tables[i]["rows"])
    assert [r[0] for r in lines[1:]] == [r[0] for r in tables[i]["rows"]]
    if headers == DOCS_HEADERS:
        by_file = {r[0]: r for r in lines[1:]}
        assert by_file[XSS_FILE][1] == XSS_TITLE  # the markup as text, unchanged
        assert all(r[5].isdigit() for r in lines[1:])  # numbers as numbers for Excel
    assert p.close() == []


def test_every_table_is_enhanced_without_errors(browser, rendered):  # noqa: F811
    problems = {}
    for path in _pages(rendered):
        tables = _tables(path)
        p = Page(browser, path)
        n_ready = p.page.locator("div.fazhi-table.fazhi-ready").count()
        counts = [p.count(i) for i in range(len(tables))]
        bad = p.close()
        if n_ready != len(tables):
            bad.append(f"{n_ready} of {len(tables)} tables enhanced")
        for t, c in zip(tables, counts, strict=True):
            if _COUNT.search(c).group(1) != str(len(t["rows"])):
                bad.append(f"count {c!r} for {len(t['rows'])} rows")
        if bad:
            problems[path.name] = bad
    assert not problems, problems


def test_without_javascript_every_table_is_there_in_full(browser, rendered):  # noqa: F811
    for path in _pages(rendered):
        tables = _tables(path)
        p = Page(browser, path, javascript=False)
        # folded tables (the KWIC view's complete table) are there too: open them to read them
        p.page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        shown = p.page.evaluate(
            "Array.from(document.querySelectorAll('div.fazhi-table')).map(b => "
            "[b.querySelectorAll('tbody tr').length, b.querySelectorAll('.fazhi-tools').length,"
            " b.innerText])")
        assert p.close() == []
        assert [s[0] for s in shown] == [len(t["rows"]) for t in tables], path.name
        assert all(s[1] == 0 for s in shown)  # no tools without their script
        for s, t in zip(shown, tables, strict=True):
            assert f"共 {len(t['rows'])} 行" in s[2]


def test_every_table_is_a_complete_fazhi_table_with_chinese_headers(rendered):
    """No pandas table left (cut at ten rows, index column), no English header, no index column,
    no document hash id in a cell."""
    for path in _pages(rendered):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        outputs = soup.select("div.jp-OutputArea-output")
        for table in (t for o in outputs for t in o.select("table")):
            assert table.find_parent("div", class_="fazhi-table") is not None, path.name
            assert "dataframe" not in (table.get("class") or []), path.name
        for t in _tables(path):
            assert _COUNT.fullmatch(t["count"]), t["count"]
            english = [h for h in t["headers"] if _IDENTIFIER.fullmatch(h)]
            assert not english, (path.name, t["headers"])
            # no pandas index: no unnamed first column, no first column counting 0, 1, 2 …
            assert t["headers"] and t["headers"][0].strip(), (path.name, t["headers"])
            first = [r[0].strip() for r in t["rows"] if r]
            assert len(first) < 3 or first != [str(i) for i in range(len(first))], \
                (path.name, t["caption"], t["headers"])
            # no hash ids where a name exists
            assert not [c for r in t["rows"] for c in r if _HASH_ID.fullmatch(c.strip())], \
                (path.name, t["caption"], t["headers"])
            assert not any(c in ("…", "...") for r in t["rows"] for c in r), path.name
