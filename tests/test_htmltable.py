"""fazhi.htmltable.table_html: the complete, escaped table every notebook shows (all rows and
columns, no pandas index, Chinese headers, numbers marked for sorting), fd.setup() routing a
shell's DataFrames through it, and the page template inlining the tables' script once.

The tables are realistic excerpts of what the notebooks show: the document list, counts with an
unknown year, a theme matrix (named index), the indicator table's formatted numbers.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from crafted import XSS_IMG, XSS_SCRIPT, XSS_TITLE

from fazhi import display as fd
from fazhi.htmltable import PAGE_SIZE, cell_text, number_kind, number_text, table_html
from fazhi.vocab import UNKNOWN


def _parse(markup: str):
    """(box, headers, rows as cell texts, rows as the td tags) of a table_html output."""
    soup = BeautifulSoup(markup, "html.parser")
    box = soup.select_one("div.fazhi-table")
    headers = [th.get_text() for th in box.select("thead th")]
    tds = [tr.find_all("td") for tr in box.select("tbody tr")]
    return box, headers, [[td.get_text() for td in row] for row in tds], tds


DOCS = pd.DataFrame({
    "文件": ["2020-fujian-fuzhou-mawei-tingjiang.txt", "2021-chongqing-qianjiang-pengdong.txt",
           "2022-crafted-xss.txt", "2023-anonymised-town-template.txt"],
    "标题": ["亭江镇2020年法治政府建设工作报告", "蓬东乡2021年度法治政府建设情况报告", XSS_TITLE, UNKNOWN],
    "年度": ["2020", "2021", "2022", UNKNOWN],
    "地区": ["福建省福州市马尾区亭江镇", "重庆市黔江区蓬东乡", "广东省汕头市测试镇", UNKNOWN],
    "层级": ["镇", "乡", "镇", UNKNOWN],
    "字数": [3412, 2876, 480, 1950],
})
COUNTS = pd.DataFrame({"report_year": ["2019", "2021", UNKNOWN], "报告数": [1, 2, 3]})
THEMES = pd.DataFrame({"理论学习": [1.25, 0.8], "普法": [3.5, None]},
                      index=pd.Index(["2020", "2021"], name="年度"))
THEMES.columns.name = "主题（占比 %）"
INDICATORS = pd.DataFrame({"地区": ["月浦街道", "西联镇"], "年度": ["2024", "2019"],
                           "矛盾纠纷调解（件）": ["1,209", ""], "宣传资料（份）": ["3,000", "560"]})
BY_LENGTH = DOCS[["文件", "字数"]].sort_values("字数")  # index 2, 3, 1, 0: not a column
WIDE = pd.DataFrame([list(range(30))], columns=[f"类别{i}" for i in range(30)])
LONG = pd.DataFrame({"file": [f"{i:04d}-report.txt" for i in range(1000)],
                     "n_chars": [(i * 37) % 5000 for i in range(1000)]})
MULTI = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("条数", "信访"),
                                                                   ("条数", "普法")]))
EMPTY = pd.DataFrame(columns=["文件", "状态", "原因"])

CASES = [
    # frame, headers, rows, the numeric columns (th data-type="num")
    (DOCS, ["文件", "标题", "年度", "地区", "层级", "字数"], 4, {"年度", "字数"}),
    (COUNTS, ["年度", "报告数"], 3, {"年度", "报告数"}),
    (THEMES, ["年度", "理论学习", "普法"], 2, {"年度", "理论学习", "普法"}),
    (INDICATORS, ["地区", "年度", "矛盾纠纷调解（件）", "宣传资料（份）"], 2,
     {"年度", "矛盾纠纷调解（件）", "宣传资料（份）"}),
    (BY_LENGTH, ["文件", "字数"], 4, {"字数"}),
    (WIDE, [f"类别{i}" for i in range(30)], 1, {f"类别{i}" for i in range(30)}),
    (LONG, ["文件", "字数"], 1000, {"字数"}),
    (MULTI, ["条数 · 信访", "条数 · 普法"], 1, {"条数 · 信访", "条数 · 普法"}),
    (EMPTY, ["文件", "状态", "原因"], 0, set()),
]


@pytest.mark.parametrize("df,headers,n_rows,numeric", CASES,
                         ids=["documents", "counts", "theme-matrix", "indicators", "sorted",
                              "wide", "1000-rows", "multiindex", "empty"])
def test_the_whole_table_without_index_with_chinese_headers(df, headers, n_rows, numeric):
    box, got_headers, rows, _ = _parse(table_html(df))
    assert got_headers == headers  # no index column, labels in Chinese, every column
    assert len(rows) == n_rows and all(len(r) == len(headers) for r in rows)
    assert {th.get_text() for th in box.select('thead th[data-type="num"]')} == numeric
    assert box.select_one(".fazhi-count").get_text() == f"共 {n_rows} 行"
    assert "…" not in box.get_text() and "..." not in box.get_text()
    assert box["data-page-size"] == str(PAGE_SIZE)


def test_a_frame_without_columns_says_so():
    box, headers, rows, _ = _parse(table_html(pd.DataFrame()))
    assert headers == [] and rows == [] and box.select_one("table") is None
    assert box.get_text() == "没有数据（共 0 行）"


def test_the_rows_keep_their_order_and_values():
    _, _, rows, _ = _parse(table_html(LONG))
    assert [r[0] for r in rows] == LONG["file"].tolist()
    assert [r[1] for r in rows] == [f"{v:,}" for v in LONG["n_chars"]]


@pytest.mark.parametrize("where", ["cell", "header", "caption"])
def test_report_text_is_escaped(where):
    df = pd.DataFrame({"句子": [XSS_SCRIPT, XSS_IMG]})
    if where == "header":
        df = pd.DataFrame({XSS_SCRIPT: ["月浦街道"]})
    out = table_html(df, caption=XSS_IMG if where == "caption" else None)
    assert "<script" not in out and "<img" not in out
    soup = BeautifulSoup(out, "html.parser")
    shown = {"cell": [td.get_text() for td in soup.select("td")],
             "header": [th.get_text() for th in soup.select("th")],
             "caption": [c.get_text() for c in soup.select("caption")]}[where]
    assert shown[0] == (XSS_IMG if where == "caption" else XSS_SCRIPT)  # shown literally


# value, the text shown, the data-v sort key (None: a text cell), unknown (data-u)
CELLS = [
    (3412, "3,412", "3412", False),
    (0.123456789, "0.123", "0.123456789", False),  # rounded for reading, exact for sorting/CSV
    (12.0, "12", "12", False),
    (-2.5, "-2.5", "-2.5", False),
    (1.5e-07, "< 0.001", "1.5e-07", False),  # never scientific notation
    ("1,209", "1,209", "1209", False),  # the indicator table's formatted counts
    ("2021", "2021", "2021", False),    # years as labels
    (UNKNOWN, UNKNOWN, None, True),
    ("—", "—", None, True),
    (None, "", None, True),
    (float("nan"), "", None, True),
]


@pytest.mark.parametrize("value,text,key,unknown", CELLS)
def test_numbers_carry_their_sort_key_and_unknowns_a_mark(value, text, key, unknown):
    df = pd.DataFrame({"数值": pd.Series([value, 7], dtype=object)})
    _, headers, rows, tds = _parse(table_html(df))
    td = tds[0][0]
    assert rows[0][0] == text
    assert td.get("data-v") == key
    assert td.has_attr("data-u") == unknown


@pytest.mark.parametrize("values,numeric", [
    (["亭江镇", "12"], False),        # text with a number: sorted as text
    ([UNKNOWN, UNKNOWN], False),      # nothing known: text
    ([True, False], False),           # booleans are 是/否, not 1/0
    (["12.5%", "3%"], True),
])
def test_a_column_is_numeric_when_every_known_cell_is_a_number(values, numeric):
    box, *_ = _parse(table_html(pd.DataFrame({"列": values})))
    assert (box.select_one('th[data-type="num"]') is not None) == numeric


@pytest.mark.parametrize("value,text", [
    (True, "是"), (False, "否"), (["成效", "计划"], "成效、计划"),
    (pd.Timestamp("2021-03-19"), "2021-03-19"), (pd.NaT, ""), (pd.NA, ""), ("  ", ""),
])
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_caption_and_columns_name():
    box, *_ = _parse(table_html(DOCS, caption="出现次数最多的 30 个词"))
    assert box.select_one("caption").get_text() == "出现次数最多的 30 个词"
    box, *_ = _parse(table_html(THEMES))  # the columns' name says what the numbers are
    assert box.select_one("caption").get_text() == "主题（占比 %）"


def test_display_table_and_html_table():
    out = fd.table(DOCS, caption="报告一览").data
    assert out == table_html(DOCS, caption="报告一览")
    _, headers, rows, _ = _parse(fd.html_table(DOCS.set_index("文件"), index=True))
    assert headers[:2] == ["文件", "标题"] and len(rows) == 4


@pytest.fixture
def shell():
    from IPython.core.interactiveshell import InteractiveShell

    sh = InteractiveShell.instance()
    try:
        yield sh
    finally:
        InteractiveShell.clear_instance()


def test_setup_routes_every_dataframe_a_cell_shows(shell):
    before = shell.display_formatter.format(LONG)[0]["text/html"]
    assert "…" in before or "..." in before  # pandas cuts 1,000 rows
    fd.setup()
    fd.setup()  # twice is harmless
    data, _ = shell.display_formatter.format(LONG)
    assert data["text/html"] == table_html(LONG)
    _, _, rows, _ = _parse(data["text/html"])
    assert len(rows) == 1000
    styled, _ = shell.display_formatter.format(DOCS.style)
    assert "<script" not in styled["text/html"] and XSS_SCRIPT in \
        BeautifulSoup(styled["text/html"], "html.parser").get_text()


def test_setup_outside_ipython_does_nothing():
    from IPython.core.interactiveshell import InteractiveShell

    assert not InteractiveShell.initialized()
    fd.setup()


def test_the_page_inlines_the_tables_script_once(tmp_path):
    """Two tables on a page: one stylesheet, one script, both tables complete in the HTML."""
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from fazhi.render.html import export_html

    cells = [new_code_cell("t", outputs=[new_output("display_data", data={
        "text/html": table_html(df), "text/plain": "df"})]) for df in (DOCS, LONG)]
    page = export_html(new_notebook(cells=cells), tmp_path / "page.html")
    text = page.read_text(encoding="utf-8")
    assert text.count("<script") == 1 and text.count("fazhi tables:") == 1
    assert text.count(".fazhi-table table {") == 1
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    soup = BeautifulSoup(text, "html.parser")
    assert [len(b.select("tbody tr")) for b in soup.select("div.fazhi-table")] == [4, 1000]


# column name, values, the texts shown (numbers rounded by kind; data-v keeps the exact value)
KINDS = [
    # counts: whole numbers with thousands separators, also when stored as floats (NaN made them so)
    ("n_chars", [1209, 35, 1234567], ["1,209", "35", "1,234,567"]),
    ("reused_chars", [407.0, 1565.0, float("nan")], ["407", "1,565", ""]),
    ("报告数", [3, 12000, None], ["3", "12,000", ""]),               # not named: whole -> count
    ("2021", [1.0, 2.0, 1402.0], ["1", "2", "1,402"]),               # a pivot's year column
    # shares: fractions as percentages with one decimal
    ("share", [0.120915, 0.5, 0.0], ["12.1 %", "50.0 %", "0.0 %"]),
    ("reuse_share", [0.69177556, 1.0, 0.0004], ["69.2 %", "100.0 %", "0.0 %"]),
    ("占比", [0.25, 0.0333, float("nan")], ["25.0 %", "3.3 %", ""]),
    ("宣传资料占比", [0.125, 0.875, 0.5], ["12.5 %", "87.5 %", "50.0 %"]),
    ("difference", [-0.001174, 0.0312, 0.0], ["-0.1 %", "3.1 %", "0.0 %"]),
    ("覆盖率（%）", [95.25, 100.0, 8.0], ["95.2 %", "100.0 %", "8.0 %"]),  # already percent
    # statistics: three significant digits, integers in full, never scientific notation
    ("g2", [69.177556, 1234.567, 0.120915], ["69.2", "1,235", "0.121"]),
    ("G²", [69.177556, 3.0, 10.5], ["69.2", "3", "10.5"]),          # already labelled
    ("log_ratio", [-2.3456, 0.5, -0.0123456], ["-2.35", "0.5", "-0.012"]),
    ("similarity", [0.987654, 0.00004, 1.0], ["0.988", "< 0.001", "1"]),
    ("jaccard", [0.333333, 0.1, 0.0], ["0.333", "0.1", "0"]),
    ("lambda", [7.89123, -3.14159, 12.0], ["7.89", "-3.14", "12"]),
    ("z", [-1.95996, 2.5758, 0.0], ["-1.96", "2.58", "0"]),
    ("weight", [0.0456789, 0.00123, 0.5], ["0.046", "0.001", "0.5"]),
    ("score", [123456.789, 12.3456, -0.0000012], ["123,457", "12.3", "> -0.001"]),
    ("理论学习", [1.25, 0.8, 3.5], ["1.25", "0.8", "3.5"]),            # not named, fractional
    # p-values: three decimals, below 0.001 as "< 0.001"
    ("p", [7.373343e-07, 0.0123, 0.5], ["< 0.001", "0.012", "0.500"]),
    ("p 值", [0.001, 0.04999, 1.0], ["0.001", "0.050", "1.000"]),
    ("p_value", [0.0, 0.0009, float("nan")], ["< 0.001", "< 0.001", ""]),
    # numbers that are labels: no separators
    ("report_year", [2021, 2023, 2020], ["2021", "2023", "2020"]),
    ("区划代码", [350105, 500114, 440513], ["350105", "500114", "440513"]),
    # texts are shown as written, unknowns as they are
    ("矛盾纠纷调解（件）", ["1,209", "", UNKNOWN], ["1,209", "", UNKNOWN]),
    ("年度", ["2020", UNKNOWN, "2021"], ["2020", UNKNOWN, "2021"]),
]


@pytest.mark.parametrize("name,values,texts", KINDS, ids=[k[0] for k in KINDS])
def test_numbers_are_rounded_by_kind_and_sorted_by_the_exact_value(name, values, texts):
    df = pd.DataFrame({"地区": ["月浦街道", "西联镇", "亭江镇"], name: values})
    _, _, rows, tds = _parse(table_html(df))
    assert [r[1] for r in rows] == texts
    for value, row in zip(values, tds, strict=True):
        td = row[1]
        if td.has_attr("data-v") and not isinstance(value, str):
            assert float(td["data-v"]) == float(value)  # exact, whatever is shown
    shown = " ".join(texts)
    assert "e-0" not in shown and "e+" not in shown
    assert not re.search(r"\.\d{4}", shown)  # never more than three decimals


@pytest.mark.parametrize("name,kind", [
    ("share", "share"), ("reuse_share", "share"), ("topic_share", "share"), ("占比", "share"),
    ("执行比例", "share"), ("share_boilerplate", "share"), ("占比·重复收录", "share"), ("覆盖率（%）", "percent"), ("g2", "stat"), ("χ²", "stat"),
    ("相似度", "stat"), ("Jaccard 系数", "stat"), ("p", "p"), ("p 值", "p"), ("P", "p"),
    ("report_year", "plain"), ("年度", "plain"), ("发布年份", "plain"), ("n_chars", "count"),
    ("字数", "count"), (("条数", "信访"), "count"), (("G²", "share"), "share"), ("地区", ""),
    ("亭江镇", ""),
])
def test_number_kind_by_name(name, kind):
    assert number_kind(name) == kind


@pytest.mark.parametrize("value,kind,text", [
    (1209, "count", "1,209"), (1209.0, "count", "1,209"), (-1209, "count", "-1,209"),
    (1209.5, "count", "1,210"), (0.123456, "share", "12.3 %"), (-0.05, "share", "-5.0 %"),
    (69.177556, "stat", "69.2"), (0.000123, "stat", "< 0.001"), (1e-12, "p", "< 0.001"),
    (2021, "plain", "2021"), (2021.0, "", "2021"), (0.120915, "", "0.121"),
    (float("inf"), "stat", ""), (float("nan"), "count", ""),
])
def test_number_text(value, kind, text):
    assert number_text(value, kind) == text
