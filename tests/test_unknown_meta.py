"""Unknown metadata never breaks an analysis, a chart or a table (issue 10).

Real reports often lack a year (``report_year`` is ``<NA>``), a place (empty town … province), a
title or a publish date. Every ``textstat_*`` puts those reports in one group of their own (NA,
listed last, the column keeps its type), every ``textplot_*`` and display table shows that group as
（不明） (or leaves it off a year axis with a note), and a comparison with an empty side returns an
empty table with a message. The corpora are built with the real pipeline from the short reports of
tests/meta_gaps.py: years 2019, 2021 and 2023 only (a gap at 2020 and 2022), a third of the reports
without year and place, a placed report without year, one report alone, only unknown reports.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest
from meta_gaps import NO_YEAR, PLACED, UNPLACED, write_reports

import fazhi
from fazhi import display as fd
from fazhi import regions as rg
from fazhi import textplot as tp
from fazhi.display import UNKNOWN, label

# corpus name -> the reports it holds
CORPORA = {
    "mixed": [*PLACED, *UNPLACED, *NO_YEAR],      # gaps in the years, unknown year and place
    "all_unknown": list(UNPLACED),                 # no report has a year or a place
    "one": ["dipu-2021.txt"],                      # one placed report
    "one_unknown": ["no-title.txt"],               # one report, nothing known, no title
    "no_year_town": list(NO_YEAR),                 # a placed town whose every report lacks a year
}
BYS = ["report_year", "province", "district", "town", "title", "publish_date"]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    from fazhi.build import build_corpus

    base = tmp_path_factory.mktemp("unknown")
    return {name: build_corpus(write_reports(base / name / "raw", files), base / name / "store",
                               workers=1)
            for name, files in CORPORA.items()}


def _unknown(docs: pd.DataFrame, by: str) -> int:
    return sum(fd.is_unknown(v) for v in docs[by])


def test_the_corpora_have_the_unknowns_they_claim(corpora):
    docs = corpora["mixed"].docs
    assert sorted(docs["report_year"].dropna().unique()) == [2019, 2021, 2023]
    assert str(docs["report_year"].dtype) == "Int64"
    assert _unknown(docs, "report_year") == 4 and _unknown(docs, "province") == 3
    assert _unknown(docs, "town") == 4  # the county's own report has no town
    assert _unknown(corpora["all_unknown"].docs, "district") == 3
    assert fd.is_unknown(corpora["one_unknown"].docs["title"].iloc[0])


# ---------------------------------------------------------------- textstat_*: one unknown group

GROUPED = {
    "frequency": lambda c, by: fazhi.textstat_frequency(c, by=by, n=5),
    "keywords": lambda c, by: fazhi.textstat_keywords(c, by=by, n=3),
    "keywords_textrank": lambda c, by: fazhi.textstat_keywords(c, by=by, n=3, method="textrank"),
    "trend": lambda c, by: fazhi.textstat_trend(c, ["民法典", "法律顾问"], by=by),
    "themes": lambda c, by: fazhi.textstat_themes(c, by=by),
    "themes_sentences": lambda c, by: fazhi.textstat_themes(c, by=by, unit="sentences"),
    "simil": lambda c, by: fazhi.textstat_simil(c, by=by),
    "neighbours": lambda c, by: fazhi.textstat_neighbours(c, by=by, n=2),
    "distinctive": lambda c, by: fazhi.textstat_distinctive(c, by=by, n=3, min_count=1),
    "indicator_summary": lambda c, by: fazhi.textstat_indicator_summary(c, by=by),
}
# these list every group; the others only groups with a result (a neighbour, a distinctive term)
EVERY_GROUP = {"frequency", "keywords", "keywords_textrank", "trend", "themes", "themes_sentences",
               "simil"}


def _groups(df: pd.DataFrame, by: str) -> pd.Series:
    return pd.Series(df.index) if isinstance(df.index, pd.Index) and df.index.name == by \
        else df[by]


@pytest.mark.parametrize("by", BYS)
@pytest.mark.parametrize("case", list(CORPORA))
@pytest.mark.parametrize("name", list(GROUPED))
def test_unknown_values_are_one_group_last(corpora, name, case, by):
    c = corpora[case]
    df = GROUPED[name](c, by)
    groups = _groups(df, by)
    order = list(dict.fromkeys(label(v) for v in groups))
    want = {label(v) for v in c.docs[by]}
    if name in EVERY_GROUP:
        assert set(order) == want
    else:
        assert set(order) <= want
    if UNKNOWN in order:
        assert order[-1] == UNKNOWN  # one unknown group, last
    # the unknown group is missing (NA), never "" or a label string
    assert all(pd.isna(v) for v in groups if label(v) == UNKNOWN)
    if by == "report_year":
        assert str(groups.dtype) == "Int64"  # years stay integers, 2021 never 2021.0


@pytest.mark.parametrize("case", list(CORPORA))
def test_the_unknown_group_holds_exactly_the_unknown_reports(corpora, case):
    c = corpora[case]
    for by in ("report_year", "town"):
        t = fazhi.textstat_trend(c, ["民法典"], by=by)
        n_docs = {label(k): n for k, n in zip(t[by], t["n_docs"], strict=True)}
        assert n_docs.get(UNKNOWN, 0) == _unknown(c.docs, by)
        assert sum(n_docs.values()) == len(c.docs)
        count = int(t["count"].sum())
        assert count == sum(re.sub(r"\W", "", x).count("民法典") for x in c.docs["text"])


# ---------------------------------------------------------------- comparisons with an empty side

EMPTY_SIDES = [
    ("mixed", "province == '广东省'", "目标组"),
    ("all_unknown", "report_year >= 2021", "目标组"),   # no year at all: neither side
    ("one", "report_year >= 2021", "参照组"),          # the one report is the whole target
    ("one_unknown", "town == '孝丰镇'", "目标组"),
    ("no_year_town", "report_year < 2021", "目标组"),
]


@pytest.mark.parametrize("case, target, side", EMPTY_SIDES)
def test_keyness_with_an_empty_side_is_a_message(corpora, case, target, side):
    with pytest.warns(UserWarning, match=side):
        k = fazhi.textstat_keyness(corpora[case], target, min_count=1)
    assert k.empty and side in k.attrs["message"]
    assert list(k.columns) == ["term", "n_target", "n_reference", "g2", "chi2", "p", "log_ratio"]
    for fig in (tp.textplot_keyness(k), tp.textplot_comparison_cloud(k, size=(80, 60))):
        assert side in _texts(fig)
        _png(fig)


def test_keyness_leaves_reports_of_unknown_year_on_neither_side(corpora):
    c = corpora["mixed"]
    k = fazhi.textstat_keyness(c, "report_year >= 2021", min_count=1, n=None)
    docs = c.docs
    after = docs.loc[docs["report_year"].ge(2021).fillna(False).to_numpy(dtype=bool), "doc_id"]
    before = docs.loc[docs["report_year"].lt(2021).fillna(False).to_numpy(dtype=bool), "doc_id"]
    tok = c.tokens
    count = lambda ids, t: sum(s.split().count(t) for s in tok[tok.doc_id.isin(ids)]["tokens"])  # noqa: E731
    for row in k.head(10).itertuples():
        assert (row.n_target, row.n_reference) == (count(after, row.term), count(before, row.term))
    sides = fazhi.query_sides(docs, "report_year >= 2021")
    assert sides == {"target": len(after), "reference": len(before), "unknown": 4}


@pytest.mark.parametrize("case, split, empty", [
    ("mixed", 2021, False), ("mixed", 2019, True), ("mixed", 2024, True),
    ("all_unknown", 2021, True), ("one", 2021, True), ("no_year_town", 2021, True),
])
def test_emerging_ignores_unknown_years_and_says_when_a_side_is_empty(corpora, case, split,
                                                                       empty):
    c = corpora[case]
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        e = fazhi.textstat_emerging(c, split=split, min_count=1, n=None)
    sides = fazhi.split_counts(c.docs, "report_year", split)
    assert sides["unknown"] == _unknown(c.docs, "report_year")
    assert (sides["before"] == 0 or sides["after"] == 0) is empty
    msg = _html(fd.split_message(sides, split))
    if empty:
        assert e.empty and "没有报告" in e.attrs["message"] and record
        assert "本节从略" in msg
    else:
        assert len(e) and not record and "本节从略" not in msg
        docs = c.docs
        known = docs["report_year"].notna().to_numpy(dtype=bool)
        tok = c.tokens.merge(docs[["doc_id", "report_year"]][known], on="doc_id")
        before = " ".join(tok[tok.report_year < split]["tokens"]).split()
        row = e.iloc[0]
        assert row["count_before"] == before.count(row["term"])
    if sides["unknown"]:
        assert f"{sides['unknown']} 份报告年度不明" in msg


def test_emerging_by_a_field_that_is_not_a_number_is_a_message(corpora):
    with pytest.warns(UserWarning):
        e = fazhi.textstat_emerging(corpora["mixed"], split=2021, by="town")
    assert e.empty and "town" in e.attrs["message"]


# ---------------------------------------------------------------- kwic and export


@pytest.mark.parametrize("case", list(CORPORA))
def test_kwic_and_export_keep_reports_without_metadata(corpora, case, tmp_path):
    c = corpora[case]
    hits = fazhi.kwic(c, "民法典", window=6)
    n = sum(x.count("民法典") for x in c.docs["text"])
    assert len(hits) == n and set(hits["file"]) <= set(c.docs["file"])
    assert len(fd.kwic_table(hits)) == n
    t = fazhi.textstat_trend(c, ["民法典"], by="report_year")
    for ext in ("csv", "xlsx", "dta", "jsonl", "parquet"):
        path = fazhi.export_table(t, tmp_path / f"trend.{ext}")
        assert path.is_file() and path.stat().st_size > 0
    back = pd.read_parquet(tmp_path / "trend.parquet")
    assert back["report_year"].isna().sum() == t["report_year"].isna().sum()


# ---------------------------------------------------------------- textplot_*


def _texts(fig) -> str:
    from matplotlib.text import Text

    return " ".join(t.get_text() for t in fig.findobj(Text))


def _png(fig) -> bytes:
    import io

    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=40)
    plt.close(fig)
    assert buf.getvalue().startswith(b"\x89PNG")
    return buf.getvalue()


PLOTS = {
    "trend": lambda c, by: tp.textplot_trend(fazhi.textstat_trend(c, ["民法典", "法律顾问"], by=by),
                                             by=by),
    "theme_trend": lambda c, by: tp.textplot_theme_trend(fazhi.textstat_themes(c, by=by), by=by,
                                                         n_docs=fazhi.n_docs_by(c.docs, by), top=3),
    "wordcloud": lambda c, by: tp.textplot_wordcloud(fazhi.textstat_frequency(c, by=by, n=20),
                                                     by=by, size=(80, 50), max_words=20),
    "simil": lambda c, by: tp.textplot_simil(fazhi.textstat_simil(c, by=by)),
    "themes_radar": lambda c, by: tp.textplot_themes(fazhi.textstat_themes(c, by=by), by=by,
                                                     max_groups=10),
    "themes_bar": lambda c, by: tp.textplot_themes(fazhi.textstat_themes(c, by=by), by=by,
                                                   kind="bar", max_groups=10),
    "indicators": lambda c, by: tp.textplot_indicators(fazhi.textstat_indicator_summary(c, by=by),
                                                       by=by),
}
AXES = {"trend", "theme_trend"}  # the charts whose x axis is the field


@pytest.mark.parametrize("by", ["report_year", "town"])
@pytest.mark.parametrize("case", list(CORPORA))
@pytest.mark.parametrize("name", list(PLOTS))
def test_plots_label_the_unknown_group(corpora, name, case, by):
    c = corpora[case]
    fig = PLOTS[name](c, by)
    fig.canvas.draw()
    text = _texts(fig)
    n_unknown = _unknown(c.docs, by)
    known = [v for v in c.docs[by] if not fd.is_unknown(v)]
    if name in AXES and by == "report_year":
        # a year axis: unknown years are off the axis and counted in a note
        assert UNKNOWN not in [t.get_text() for t in fig.axes[0].get_xticklabels()]
        if not known:
            assert "均不明" in text
        elif n_unknown:
            assert f"另有 {n_unknown} 份报告的报告年度不明" in text
    elif n_unknown and name != "indicators":  # the indicators chart only draws groups with facts
        assert UNKNOWN in text
    assert "nan" not in text and "<NA>" not in text and "None" not in text
    _png(fig)


def test_year_axis_spaces_the_years_and_marks_the_gaps(corpora):
    c = corpora["mixed"]
    trend = fazhi.textstat_trend(c, ["民法典", "营商环境"])
    fig = tp.textplot_trend(trend)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2019", "2020", "2021", "2022", "2023"]
    assert list(ax.get_xticks()) == [2019, 2020, 2021, 2022, 2023]
    assert [t.get_text() for t in ax.texts] == ["n=2", "n=0", "n=2", "n=0", "n=2"]
    solid = {ln.get_label(): ln for ln in ax.get_lines() if not ln.get_label().startswith("_")}
    for term, line in solid.items():
        xs, ys = line.get_xdata(), line.get_ydata()
        # the solid line never joins 2019 to 2021: it breaks (NaN) in the gap
        assert list(xs[~np.isnan(ys)]) == [2019, 2021, 2023], term
    dotted = [ln for ln in ax.get_lines() if ln.get_linestyle() == ":"]
    assert len(dotted) == 2 * len(solid)  # 2019→2021 and 2021→2023 for each term
    assert "虚线跨过没有报告的年份" in _texts(fig) and "另有 4 份报告" in _texts(fig)
    _png(fig)


def test_consecutive_years_draw_one_solid_line():
    trend = pd.DataFrame({"report_year": pd.array([2020, 2021, 2022, None], dtype="Int64"),
                          "term": ["民法典"] * 4, "count": [1, 2, 3, 4], "n_docs": [1, 1, 2, 5],
                          "docs_with_term": [1, 1, 1, 2], "n_tokens": [900] * 4,
                          "per_10k": [1.0, 2.0, 3.0, 4.0]})
    fig = tp.textplot_trend(trend)
    ax = fig.axes[0]
    (line,) = ax.get_lines()
    assert list(line.get_xdata()) == [2020, 2021, 2022] and list(line.get_ydata()) == [1, 2, 3]
    assert "另有 5 份报告的报告年度不明" in _texts(fig) and "虚线" not in _texts(fig)
    _png(fig)


# ---------------------------------------------------------------- display helpers


@pytest.mark.parametrize("case", list(CORPORA))
def test_display_tables_show_unknown_as_one_label(corpora, case):
    c = corpora[case]
    docs = c.docs
    tables = [fd.documents_table(docs), fd.compliance_table(docs), fd.compliance_summary(docs),
              fd.counts_by(docs, "report_year"), fd.counts_by(docs, "province", "city", "district"),
              fd.label_columns(docs[["file", "report_year", "town", "title", "publish_date"]]),
              fd.label_columns(fazhi.textstat_trend(c, ["民法典"])),
              fd.label_columns(fazhi.textstat_neighbours(c, by="doc_id", n=1, label_by="town")),
              fd.keywords_table(fazhi.textstat_keywords(c, by="town", n=3), by="town"),
              fd.theme_matrix(fazhi.textstat_themes(c, by="report_year"), by="report_year"),
              fd.indicator_matrix(fazhi.textstat_indicator_summary(c, by="town"), by="town")]
    for tab in tables:
        html = tab.to_html()
        assert not re.search(r">\s*(nan|NaN|<NA>|None)\s*<", html), html[:500]
    neighbours = tables[6].to_html()  # each report and its neighbour named, the unknown town too
    assert not re.search(r"<td>\s*</td>", neighbours), neighbours
    years = fd.counts_by(docs, "report_year")
    n_unknown = _unknown(docs, "report_year")
    if n_unknown:
        assert years.iloc[-1]["年度"] == UNKNOWN and years.iloc[-1]["报告数"] == n_unknown
    assert years["报告数"].sum() == len(docs)
    assert fd.documents_table(docs)["年度"].tolist() == [label(v) for v in docs["report_year"]]
    nd = fazhi.n_docs_by(docs)
    assert nd.get(UNKNOWN, 0) == n_unknown and sum(nd.values()) == len(docs)
    note = _html(fd.corpus_note(docs))
    assert f"共 {len(docs)} 份报告" in note
    assert ("年度均不明" in note) is (n_unknown == len(docs))
    if 0 < n_unknown < len(docs):
        assert f"另有 {n_unknown} 份报告年度不明" in note


def _html(obj) -> str:
    return obj.data if hasattr(obj, "data") else str(obj)


@pytest.mark.parametrize("region, n", [("", 0), ("  ", 0), (UNKNOWN, 0), ("江宁区", 2),
                                       (" 江宁区 ", 2), ("德清县", 2), ("火星区", 0)])
def test_select_region_never_selects_the_unknown(corpora, region, n):
    c = corpora["mixed"]
    assert len(rg.select_region(c, "district", region)) == n
    assert "" not in rg.region_values(c, "district")


def test_padded_place_names_are_one_region():
    docs = pd.DataFrame({"file": ["a.txt", "b.txt", "c.txt", "d.txt"],
                         "district": [" 马尾区", "马尾区 ", "", None], "town": ["", "", "", ""],
                         "province": ["福建省", "福建省", "", None], "city": ["", "", "", None],
                         "title": ["", "", "", None], "anonymised": [False, False, True, None]})
    assert rg.region_names(docs, "district") == ["马尾区", "马尾区", "", ""]
    assert rg.region_mask(docs, "district", "马尾区").tolist() == [True, True, False, False]
    left = rg.unplaced(docs, "district")
    assert left["file"].tolist() == ["c.txt", "d.txt"]
    assert left["reason"].tolist() == ["区县不明（匿名报告）", "区县不明"]


def test_unplaced_reports_say_why(corpora):
    docs = corpora["mixed"].docs
    by_town = rg.unplaced(docs, "town").set_index("file")["reason"]
    assert set(by_town.index) == {*UNPLACED, "deqing-2023.txt"}
    assert by_town["deqing-2023.txt"] == "乡镇（街道）不明（已知地区：浙江省湖州市德清县）"
    assert by_town["no-title.txt"] == "乡镇（街道）不明"
    assert rg.unplaced(docs, "province")["file"].tolist() == sorted(UNPLACED)


def test_reuse_view_of_an_untitled_report_names_the_file(corpora):
    c = corpora["mixed"]
    docs = c.docs.set_index("file")
    a, b = docs.loc["no-title.txt", "doc_id"], docs.loc["dipu-2021.txt", "doc_id"]
    shared = "深入学习习近平法治思想"
    text_a, text_b = docs.loc["no-title.txt", "text"], docs.loc["dipu-2021.txt", "text"]
    assert shared in text_a
    sa, sb = text_a.index(shared), text_b.find("以习近平法治思想")
    passages = pd.DataFrame([{"doc_a": a, "doc_b": b, "start_a": sa, "end_a": sa + 6,
                              "start_b": sb, "end_b": sb + 6, "boilerplate": False}])
    html = tp.textplot_reuse(c, passages, a, b).data
    assert "<h4>no-title.txt</h4>" in html and "dipu-2021.txt（递铺街道2021年" in html
    assert UNKNOWN not in html.split("<pre>")[0]


@pytest.mark.parametrize("case", ["one", "one_unknown"])
def test_one_report_compares_with_nothing(corpora, case):
    c = corpora[case]
    sim = fazhi.textstat_simil(c, by="town")
    assert sim.shape == (1, 1) and sim.iloc[0, 0] == 1.0
    assert fazhi.textstat_neighbours(c, by="town").empty
    d = fazhi.textstat_distinctive(c, by="town", min_count=1)
    assert d.empty or (d["n_reference"] == 0).all()
    fig = tp.textplot_simil(sim)
    assert label(c.docs["town"].iloc[0]) in _texts(fig)
    _png(fig)


@pytest.mark.parametrize(("command", "by"), [
    (["keywords", "--method", "frequency", "--by", "town"], "town"),
    (["trend", "民法典", "--by", "report_year"], "report_year"),
    (["trend", "民法典", "--by", "province"], "province"),
])
def test_the_command_line_labels_the_unknown_group(corpora, capsys, command, by):
    """A table a reader takes to Excel names the unknown group, never an empty cell; jsonl keeps null."""
    from fazhi.cli import main

    store = str(corpora["mixed"].manifest["store"])
    assert main([*command, "--path", store, "--format", "csv"]) == 0
    rows = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out), dtype=str,
                       keep_default_na=False)
    assert UNKNOWN in set(rows[by]) and "" not in set(rows[by])
    assert main([*command, "--path", store, "--format", "jsonl"]) == 0
    lines = [__import__("json").loads(x) for x in capsys.readouterr().out.splitlines()]
    assert any(x[by] is None for x in lines) and not any(x[by] == UNKNOWN for x in lines)
