"""Metadata audit: per-field coverage by evidence kind, and the review list (issue 10)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from fazhi.audit import evidence_kind, metadata_audit, metadata_review
from fazhi.ingest import ingest
from fazhi.vocab import UNKNOWN


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("audit")
    (d / "a.txt").write_text("琯头镇2022年法治政府建设工作报告\n2022年，琯头镇党委、政府……全镇……", encoding="utf-8")
    (d / "b.txt").write_text("东湖街道2022年法治政府建设工作报告\n2022年，东湖街道党工委……全街道……", encoding="utf-8")
    (d / "c.txt").write_text("关于法治政府建设工作情况的报告\n一、主要工作\n今年以来，我们认真开展普法宣传。", encoding="utf-8")
    return d


@pytest.mark.parametrize("rule, kind", [
    ("title+hierarchy", "标题"), ("issuer", "发文机关"), ("signature_date", "落款"),
    ("page_date", "网页信息"), ("file_year", "文件名"), ("body", "正文提及"), ("metadata.csv", "metadata.csv"),
])
def test_evidence_kind(rule, kind):
    assert evidence_kind(rule) == kind


def test_audit_counts_fields_and_evidence(folder):
    audit = metadata_audit(ingest(folder).docs).set_index("字段")
    assert audit.loc["town", "报告数"] == 3 and audit.loc["town", "有值"] == 2
    assert audit.loc["district", "有歧义"] == 1          # 东湖街道: 15 places
    assert "标题 2" in audit.loc["town", "来源"]
    assert audit.loc["report_year", "有值"] == 2


def test_review_lists_ambiguous_and_unknown(folder):
    review = metadata_review(ingest(folder).docs)
    assert {("b.txt", "town"), ("c.txt", "report_year")} <= set(zip(review["文件"], review["字段"], strict=True))
    assert "a.txt" not in set(review["文件"])
    row = review[(review["文件"] == "b.txt") & (review["字段"] == "town")].iloc[0]
    assert row["原因"] == "有歧义" and "东湖街道" in row["候选"]
    # rules read in Chinese first (their kind of evidence), the name after it: 有歧义（ambiguous）
    assert all(not r or re.match(r"[\u4e00-\u9fff]", r) for r in review["规则"]), list(review["规则"])
    # candidates name their evidence in Chinese: 东湖街道（正文提及）, no rule code
    assert not re.search(r"[a-z_]{3,}", row["候选"]), row["候选"]
    row = review[(review["文件"] == "c.txt") & (review["字段"] == "report_year")].iloc[0]
    assert (row["原因"], row["值"]) == ("不明", UNKNOWN)  # the words of the tables, not 未知


def test_cli_audit(folder):
    out = subprocess.run([sys.executable, "-m", "fazhi", "info", str(folder), "--audit"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "元数据核查" in out.stdout and "b.txt" in out.stdout and "有歧义" in out.stdout
