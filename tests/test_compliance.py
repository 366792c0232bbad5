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
