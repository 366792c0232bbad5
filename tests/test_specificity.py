"""Specificity index (fazhi.textstat.specificity) on the report series of
tests/followthrough_cases.py: facts, slogan sentences, copies, the score, its explanation."""

from __future__ import annotations

import pytest

from fazhi.textstat.specificity import (
    COLUMNS,
    EXAMPLE_SEP,
    FACTS_FULL,
    MIN_CHARS,
    explain,
    textstat_specificity,
)


@pytest.fixture(scope="module")
def series(followthrough_series):
    return followthrough_series


@pytest.fixture(scope="module")
def spec(series):
    return textstat_specificity(series).set_index("file")


def test_columns_and_rank(spec, series):
    assert sorted(spec.reset_index().columns) == sorted(COLUMNS)
    assert len(spec) == len(series.docs)
    assert spec["score"].between(0, 100).all()
    # rank 1 = the highest score; ties share a rank
    order = spec.sort_values("score", ascending=False)
    assert order["rank"].is_monotonic_increasing and order["rank"].iloc[0] == 1


def test_copy_of_last_year_with_new_numbers(spec):
    """郑店街道 2022 is its 2021 report with every number changed."""
    copy, source = spec.loc["zhengdian-2022.txt"], spec.loc["zhengdian-2021.txt"]
    assert copy["previous_share"] >= 0.9
    assert source["previous_share"] == 0  # the earlier report copied nothing from the later one
    assert copy["score"] < 10 and copy["rank"] == spec["rank"].max()
    assert "基本是上一年度报告换了数字" in copy["explanation"]
    assert "基本是上一年度报告" not in source["explanation"]
    # its own sentences with its own numbers, those with the most numbers first
    assert "审查合同41份" in copy["previous_examples"] and "35份" not in copy["previous_examples"]
    assert len(copy["previous_examples"].split(EXAMPLE_SEP)) == 3
    # its facts are still counted: the copy is not short of numbers, it is not new
    assert copy["facts_per_1k"] > 10


@pytest.mark.parametrize("file, fact", [
    ("zhenze-2022.txt", "调处矛盾纠纷318件"),
    ("daweishan-2023.txt", "查处无证经营行为9起"),
    ("tangchang-2022.txt", "培养法律明白人96名"),
])
def test_fact_examples(spec, file, fact):
    row = spec.loc[file]
    examples = row["fact_examples"].split(EXAMPLE_SEP)
    assert 1 <= len(examples) <= 3
    assert row["facts"] >= 3 and row["score"] > 50
    assert any(fact in e for e in examples) or row["facts"] > 3


def test_slogan_sentences(spec):
    row = spec.loc["zhengdian-2021.txt"]
    assert row["slogan_sentences"] >= 1 and row["slogan_share"] > 0.1
    assert "坚持以习近平新时代中国特色社会主义思想为指导" in row["slogan_examples"]
    assert "口号套话" in row["explanation"]
    # a report of facts without set formulas has none
    assert spec.loc["daweishan-2023.txt", "slogan_sentences"] == 0


def test_fresh_reports_rank_above_the_copy(spec):
    fresh = ["zhenze-2022.txt", "daweishan-2023.txt", "tangchang-2021.txt"]
    assert (spec.loc[fresh, "score"] > spec.loc["zhengdian-2022.txt", "score"] + 50).all()


def test_report_without_parts(spec):
    row = spec.loc["lishui-2022.txt"]  # no achievements, no plans: scored like any text
    assert row["n_chars"] > 0 and row["explanation"].startswith("具体程度")


def test_short_fragment_is_not_the_most_specific(spec):
    """丽水 2022 is a 61-character fragment with one number: per 1,000 characters it has 16 facts,
    but its score takes the rate over MIN_CHARS, so it ranks below the full reports of facts."""
    tiny = spec.loc["lishui-2022.txt"]
    assert tiny["n_chars"] < MIN_CHARS and tiny["facts_per_1k"] > FACTS_FULL
    assert tiny["score"] == pytest.approx(100 * (1000 / MIN_CHARS) / FACTS_FULL * (1 - tiny["generic_share"]))
    assert "全文仅61字" in tiny["explanation"]
    assert tiny["score"] < spec.loc["daweishan-2023.txt", "score"]


def test_tables_given(series, spec):
    from fazhi.indicators import textstat_indicators
    from fazhi.reuse.search import textstat_reuse

    got = textstat_specificity(series, passages=textstat_reuse(series),
                               facts=textstat_indicators(series)).set_index("file")
    assert got["score"].round(6).equals(spec["score"].round(6))


def test_empty_corpus(series):
    got = textstat_specificity(series.subset(series.docs["report_year"] == 1990))
    assert got.empty and list(got.columns) == COLUMNS and "没有报告" in got.attrs["message"]


@pytest.mark.parametrize("row, says, not_says", [
    ({"n_chars": 3000, "facts_per_1k": 6.2, "slogan_share": 0.02, "other_unit_share": 0.0,
      "previous_share": 0.0, "score": 98.0}, ["具体程度 98", "具体事实每千字6.2项", "口号套话占2%"],
     ["上一年度", "其他单位"]),
    ({"n_chars": 3000, "facts_per_1k": 1.0, "slogan_share": 0.3, "other_unit_share": 0.45,
      "previous_share": 0.1, "score": 5.0}, ["与其他单位报告相同占45%", "口号套话占30%",
                                              "与本单位上一年度报告相同占10%"], ["换了数字"]),
    ({"n_chars": 3000, "facts_per_1k": 3.0, "slogan_share": 0.0, "other_unit_share": 0.0,
      "previous_share": 0.95, "score": 3.0}, ["基本是上一年度报告换了数字", "占95%"], ["口号"]),
    ({"n_chars": 0, "score": 0.0}, ["没有文字"], ["具体程度"]),
    ({"n_chars": 61, "facts_per_1k": 16.4, "slogan_share": 0.0, "other_unit_share": 0.0,
      "previous_share": 0.0, "score": 40.0}, ["全文仅61字", "按500字计分"], ["上一年度"]),
])
def test_explain(row, says, not_says):
    text = explain(row)
    assert all(s in text for s in says), text
    assert not any(s in text for s in not_says), text
    # the largest generic part comes first
    if row.get("other_unit_share", 0) > row.get("slogan_share", 1):
        assert text.index("其他单位") < text.index("口号")
