"""Compliance with Article 25: which mandated parts each report has, and its flags (library tables
and their Chinese presentation in fazhi.display)."""

from __future__ import annotations

import pandas as pd
import pytest

from fazhi import display as fd
from fazhi.compliance import textstat_compliance_reports, textstat_compliance_summary
from fazhi.ingest import ingest_file

# reports in the layouts of real ones (own wording; real places): (file, text, parts it lacks)
REPORTS = [
    ("2022-liancheng-miaoqian.txt",
     "连城县庙前镇2022年法治政府建设工作报告\n一、主要工作及成效\n聘请法律顾问1名，审查合同12件。\n"
     "二、存在的问题\n法治宣传形式单一。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
     "镇党委书记带头述法。\n四、下一步工作打算\n加强执法人员培训。\n", []),
    ("2023-yongchun-wulijie.txt",
     "永春县五里街镇2023年法治政府建设情况报告\n一、工作开展情况\n开展民法典宣传活动8场。\n"
     "二、下一步计划\n推进矛盾纠纷多元化解。\n", ["problems", "duty"]),
    ("2021-jiangle-guyong.txt",
     "将乐县古镛镇2021年度法治政府建设工作总结\n今年以来，我镇调处矛盾纠纷35件，办理信访事项6件。\n",
     ["achievements", "problems", "duty", "plans"]),
]


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> pd.DataFrame:
    root = tmp_path_factory.mktemp("compliance")
    rows = []
    for name, text, _ in REPORTS:
        (root / name).write_text(text, encoding="utf-8")
        rows.append(ingest_file(root / name, root).doc)
    return pd.DataFrame(rows)


@pytest.mark.parametrize("i", range(len(REPORTS)))
def test_missing_parts(docs, i):
    table = textstat_compliance_reports(docs)
    assert list(table.columns[:2]) == ["doc_id", "file"]
    row = table.iloc[i]
    assert row["file"] == REPORTS[i][0]
    assert row["missing_parts"] == REPORTS[i][2]
    for col, part in (("has_achievements", "achievements"), ("has_problems", "problems"),
                      ("has_duty", "duty"), ("has_plans", "plans")):
        assert row[col] is (part not in REPORTS[i][2])


def test_unknown_values_are_none_not_missing():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "file": ["a.txt", "b.txt"],
                         "has_problems": [True, None], "late": [pd.NA, False]})
    t = textstat_compliance_reports(docs)
    assert list(t["has_problems"]) == [True, None] and list(t["late"]) == [None, False]
    assert list(t["has_duty"]) == [None, None]          # a column the table lacks
    assert list(t["missing_parts"]) == [[], []]        # unknown is not "missing"
    shown = fd.compliance_table(docs)
    assert list(shown["问题"]) == ["是", "—"] and list(shown["逾期发布"]) == ["—", "否"]


def test_summary_counts_reports(docs):
    s = textstat_compliance_summary(docs).set_index("item")
    n = len(docs)
    for col in ("has_achievements", "has_problems", "has_duty", "has_plans"):
        k = int(docs[col].sum())
        assert s.loc[col, "n_docs"] == k and s.loc[col, "share"] == pytest.approx(k / n)
    assert "duplicate_numbering" not in s.index
    empty = textstat_compliance_summary(docs.iloc[:0])
    assert list(empty["share"]) == [0.0] * len(empty)


def test_display_presents_the_library_tables(sample_corpus):
    docs = sample_corpus.docs
    lib = textstat_compliance_reports(sample_corpus)
    shown = fd.compliance_table(docs)
    assert list(shown["文件"]) == list(lib["file"])
    assert list(shown["缺少部分"]) == ["、".join(fd.PART_LABELS[p] for p in m)
                                    for m in lib["missing_parts"]]
    summ = fd.compliance_summary(docs)
    lib_s = textstat_compliance_summary(docs)
    assert list(summ["报告数"]) == list(lib_s["n_docs"])
    assert list(summ["占比（%）"]) == [round(100 * v, 1) for v in lib_s["share"]]


# ---------------------------------------------------------------- the grouped table (issue 14)

# town and county reports (own wording, real places): publish dates on and after 1 April, one
# without a date, one whose place is unknown; (file, text)
GROUPED = [
    ("2022-明溪县-雪峰镇.txt",
     "明溪县雪峰镇2022年法治政府建设年度报告\n发布日期：2023-03-20\n一、主要举措和成效\n"
     "调处矛盾纠纷35件，开展普法活动12场。\n二、存在的问题\n执法人员不足。\n"
     "三、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头述法。\n"
     "四、下一年度主要安排\n加强执法队伍建设。\n"),
    ("2022-明溪县-瀚仙镇.txt",
     "明溪县瀚仙镇2022年法治政府建设年度报告\n发布日期：2023-04-12\n一、主要工作情况\n"
     "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。\n"
     "二、下一步工作计划\n推进依法行政。\n"),
    ("2022-明溪县-盖洋镇.txt",
     "明溪县盖洋镇2022年法治政府建设情况报告\n一、主要工作\n办理行政复议案件2件。\n"
     "二、存在的不足\n普法形式单一。\n三、下一步打算\n创新普法方式。\n"),
    ("2022-明溪县.txt",
     "明溪县2022年法治政府建设年度报告\n发布日期：2023-03-28\n一、主要举措和成效\n"
     "审查规范性文件8件。\n二、存在的不足和原因\n监督机制不健全。\n三、下一年度主要安排\n"
     "完善监督机制。\n"),
    ("某镇2022年法治政府建设工作总结.txt",
     "2022年法治政府建设工作总结\n一、主要工作\n开展法治讲座3场。\n"),
]


@pytest.fixture(scope="module")
def grouped(tmp_path_factory):
    from fazhi.corpus import read_corpus

    root = tmp_path_factory.mktemp("compliance-grouped")
    for name, text in GROUPED:
        (root / name).write_text(text, encoding="utf-8")
    return read_corpus(root)


def _by_file(corpus, name, col):
    return corpus.docs.loc[corpus.docs["file"] == name, col].item()


def test_the_corpus_is_what_the_test_assumes(grouped):
    d = grouped.docs.set_index("file")
    assert d.loc["2022-明溪县-雪峰镇.txt", "publish_date"] == "2023-03-20"
    assert d.loc["2022-明溪县-雪峰镇.txt", "level"] == "town"
    assert d.loc["2022-明溪县.txt", "level"] == "county"
    assert is_unknown_value(d.loc["某镇2022年法治政府建设工作总结.txt", "province"])


def is_unknown_value(v):
    from fazhi.vocab import is_unknown

    return is_unknown(v)


def test_grouped_by_level_and_province(grouped):
    from fazhi.compliance import GROUP_COLUMNS, textstat_compliance

    t = textstat_compliance(grouped, by=("level", "province"))
    assert list(t.columns) == ["level", "province", *GROUP_COLUMNS]
    assert t["n_reports"].sum() == len(GROUPED)
    # levels from county down; the unknown place last, NA
    assert list(t["level"].iloc[:2]) == ["county", "town"]
    assert pd.isna(t["province"].iloc[-1])
    town = t[(t["level"] == "town") & (t["province"] == "福建省")].iloc[0]
    assert town["n_reports"] == 3
    assert town["share_problems"] == pytest.approx(2 / 3)
    assert town["share_duty"] == pytest.approx(1 / 3)
    assert town["share_all_parts"] == pytest.approx(1 / 3)
    assert town["n_dated"] == 2 and town["share_on_time"] == pytest.approx(0.5)  # 04-12 is late
    county = t[t["level"] == "county"].iloc[0]
    assert county["n_dated"] == 1 and county["share_on_time"] == 1.0
    unknown = t.iloc[-1]
    assert unknown["n_dated"] == 0 and pd.isna(unknown["share_on_time"])
    assert set(t.attrs["definitions"]) == set(GROUP_COLUMNS)


def test_lengths_facts_and_boilerplate(grouped):
    from fazhi.compliance import textstat_compliance
    from fazhi.indicators import textstat_indicators

    facts = textstat_indicators(grouped)
    t = textstat_compliance(grouped, by="file", indicators=facts).set_index("file")
    for name, _text in GROUPED:
        n_chars = int(_by_file(grouped, name, "n_chars"))
        assert t.loc[name, "median_chars"] == n_chars
        k = int((facts["file"] == name).sum())
        assert t.loc[name, "indicators_per_1k"] == pytest.approx(1000 * k / n_chars)
    assert t.loc["2022-明溪县-雪峰镇.txt", "indicators_per_1k"] > 0
    # the report made of set formulas has the most boilerplate
    assert t["boilerplate_share"].idxmax() == "2022-明溪县-瀚仙镇.txt"
    assert t.loc["2022-明溪县-盖洋镇.txt", "boilerplate_share"] == 0
    # computed without a facts table gives the same
    pd.testing.assert_frame_equal(textstat_compliance(grouped, by="file").set_index("file"), t)


def test_whole_corpus_one_row_and_the_old_default(grouped):
    import warnings

    from fazhi.compliance import textstat_compliance

    one = textstat_compliance(grouped, by=None)
    assert len(one) == 1 and one["n_reports"].item() == len(GROUPED)
    with pytest.warns(FutureWarning, match="'doc_id'.*None"):
        left_out = textstat_compliance(grouped)
    pd.testing.assert_frame_equal(left_out, one)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        per_report = textstat_compliance(grouped.docs, by="doc_id")
    pd.testing.assert_frame_equal(per_report, textstat_compliance_reports(grouped.docs))


def test_empty_and_bad_by(grouped):
    from fazhi.compliance import textstat_compliance

    empty = textstat_compliance(grouped.docs.iloc[:0], by="province")
    assert empty.empty and empty.attrs["message"]
    with pytest.raises(ValueError, match="county"):
        textstat_compliance(grouped, by="county")


@pytest.mark.parametrize("suffix", [".xlsx", ".dta"])
def test_export_for_a_paper(grouped, tmp_path, suffix):
    from fazhi.compliance import textstat_compliance
    from fazhi.export import export_table

    t = fd.compliance_groups(textstat_compliance(grouped, by=("level", "province")))
    assert {"层级", "省", "报告数", "按时发布占比"} <= set(t.columns)
    assert list(t["层级"]) == ["县", "镇", "（不明）"] and t["省"].iloc[-1] == "（不明）"
    path = export_table(t, tmp_path / f"合规{suffix}")
    back = pd.read_excel(path) if suffix == ".xlsx" else pd.read_stata(path)
    assert len(back) == len(t) and "按时发布占比" in back.columns
    assert list(back["层级"]) == ["县", "镇", "（不明）"]


def test_boilerplate_from_reuse_passages(grouped):
    """With the passages of textstat_reuse, the share of the text in template passages, pooled
    by characters (textstat_reuse_share's share_template)."""
    from fazhi.compliance import textstat_compliance
    from fazhi.reuse import textstat_reuse, textstat_reuse_share

    docs = grouped.docs.copy()
    # two towns open with the same set formulas: a template passage they share with a third
    opening = ("坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
               "认真落实党政主要负责人履行推进法治建设第一责任人职责规定，")
    docs["text"] = [opening + t if i < 3 else t for i, t in enumerate(docs["text"])]
    corpus = type(grouped)(docs=docs, sections=grouped.sections, rejected=grouped.rejected)
    passages = textstat_reuse(corpus, min_length=20)
    t = textstat_compliance(corpus, by=None, passages=passages)
    share = textstat_reuse_share(corpus, passages)
    pooled = (share["share_template"] * share["n_chars"]).sum() / share["n_chars"].sum()
    assert t["boilerplate_share"].item() == pytest.approx(pooled)
    assert 0 < t["boilerplate_share"].item() <= 1
