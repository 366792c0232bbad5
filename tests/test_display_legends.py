"""What a reader sees defined once: the legend under tables with flags and counts (from
fazhi.vocab.COLUMN_NOTES), one count of shared text (共享字数) in the pair and share tables, the
other side of a comparison named from the query, and places and files instead of hash ids in the
neighbours table. Built on the bundled sample reports (five towns, 2019–2024)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup

import fazhi
from fazhi import display as fd
from fazhi.vocab import COLUMN_NOTES, reference_label

_HASH = re.compile(r"^[0-9a-f]{12}$")


@pytest.mark.parametrize(("query", "target", "other"), [
    ("province in ['广东省']", "广东省", "其他地区"),
    ("province == '福建省' and city == '福州市'", "福建省，福州市", "其他地区"),
    ("town != '亭江镇'", "亭江镇以外", "其他地区"),
    ("report_year == 2022", "2022年", "其他年份"),
    ("report_year >= 2021", "2021年及以后", "其他年份"),
    ("level in ['town', 'subdistrict']", "层级：镇、街道", "其他层级"),
    ("report_year == 2022 and province == '广东省'", "2022年，广东省", "其他报告"),
    ("n_chars > 3000", "字数 > 3000", "其他报告"),
    ("title.str.contains('法治')", "title.str.contains('法治')", "其他报告"),
])
def test_the_other_side_is_named_from_the_query(query, target, other):
    assert fazhi.query_label(query) == target
    assert reference_label(query) == other
    assert fazhi.reference_label(query) == other


def _legend(html: str) -> str:
    p = BeautifulSoup(html, "html.parser").select_one("p.fazhi-legend")
    return p.get_text() if p else ""


def test_flag_tables_carry_the_legend_of_their_flags(sample_corpus):
    docs = sample_corpus.docs
    for table in (fd.compliance_table(docs), fd.compliance_summary(docs)):
        legend = _legend(fd.html_table(table))
        for flag in ("逾期发布", "截断", "匿名化", "无标题"):
            assert f"{flag}：{COLUMN_NOTES[flag]}" in legend, flag
    assert "编号重复：" in _legend(fd.html_table(fd.compliance_table(docs)))
    # the automatic formatter of a notebook cell writes the same legend
    assert _legend(fd._dataframe_html(fd.compliance_table(docs))) == \
        _legend(fd.html_table(fd.compliance_table(docs)))


@pytest.mark.parametrize(("table", "legend"), [
    (pd.DataFrame({"文件": ["2021-亭江镇.txt"], "逾期发布": ["—"]}), "“—”"),
    (pd.DataFrame({"文件": ["2021-亭江镇.txt"], "逾期发布": ["否"]}), "逾期发布："),
    (pd.DataFrame({"file": ["2021-亭江镇.txt"], "reused_chars": [407]}), "共享字数："),
    (pd.DataFrame({"词语": ["民法典"], "次数": [12]}), ""),
])
def test_a_legend_only_where_a_header_needs_one(table, legend):
    text = _legend(fd.html_table(table))
    assert (legend in text) if legend else text == ""
    if legend != "“—”":
        assert "“—”" not in text


@pytest.fixture(scope="module")
def passages(sample_corpus):
    return fazhi.textstat_reuse(sample_corpus, min_length=20)


def test_shared_text_is_counted_one_way(sample_corpus, passages):
    pairs = fazhi.reuse_pairs(passages, corpus=sample_corpus)
    assert len(pairs)
    share = fazhi.textstat_reuse_share(sample_corpus, passages).set_index("doc_id")
    for p in pairs.itertuples():
        # one pair can only cover what the report shares with every other report
        assert 0 < p.reused_chars_a <= share.loc[p.doc_a, "reused_chars"]
        assert 0 < p.reused_chars_b <= share.loc[p.doc_b, "reused_chars"]
    # a report sharing text with one other report only: the two tables give one number
    single = share[share["partners"] == 1].index
    for p in pairs.itertuples():
        if p.doc_a in single:
            assert p.reused_chars_a == share.loc[p.doc_a, "reused_chars"]
        if p.doc_b in single:
            assert p.reused_chars_b == share.loc[p.doc_b, "reused_chars"]
    shown = fd.reuse_pairs_table(pairs)
    assert list(shown.columns) == ["文件甲", "文件乙", "共享段数", "共享字数（甲）", "共享字数（乙）"]
    legend = _legend(fd.html_table(shown))
    assert "共享字数（甲）：" in legend and "共享字数（乙）：" in legend
    assert "共享字数" in fd.reuse_share_table(fazhi.textstat_reuse_share(sample_corpus, passages))


@pytest.mark.parametrize("by", ["doc_id", "file", "town"])
def test_neighbours_show_places_and_files_not_hash_ids(sample_corpus, by):
    nb = fazhi.textstat_neighbours(sample_corpus, by=by, n=2)
    table = fd.neighbours_table(nb, sample_corpus.docs)
    cells = [str(v) for col in table.columns for v in table[col]]
    assert not [c for c in cells if _HASH.match(c)]
    if by in ("doc_id", "file"):
        assert list(table.columns) == ["地区", "文件", "最相近的地区", "最相近的文件", "相似度", "排名"]
        files = set(sample_corpus.docs["file"])
        assert set(table["文件"]) <= files and set(table["最相近的文件"]) <= files
        assert "福建省福州市马尾区亭江镇" in set(table["地区"])
        # the anonymised template's place is unknown: the one marker, never blank
        assert all(v for v in table["地区"])
    else:
        assert list(table.columns) == ["乡镇（街道）", "最相近", "相似度", "排名"]


def test_the_metadata_audit_names_fields_in_chinese_with_their_column(sample_corpus):
    from fazhi.audit import metadata_audit, metadata_review

    audit = fd.audit_table(metadata_audit(sample_corpus.docs))
    assert {"标题（title）", "年度（report_year）", "乡镇（街道）（town）", "层级（level）"} <= \
        set(audit["字段"])
    review = fd.audit_table(metadata_review(sample_corpus.docs, min_confidence=1.01))
    levels = review.loc[review["字段"] == "层级（level）", "值"].tolist()
    assert levels and not {"town", "township", "subdistrict", "county"} & set(levels)


@pytest.mark.parametrize(("columns", "shown"), [
    (["doc_id", "file", "part", "left", "keyword", "right"], ["文件", "部分", "左文", "关键词", "右文"]),
    (["doc_a", "doc_b", "file_a", "file_b", "n_passages", "length"],
     ["文件甲", "文件乙", "共享段数", "长度"]),
    (["doc_id", "left", "keyword", "right"], ["文档", "左文", "关键词", "右文"]),  # no name: kept
])
def test_hash_ids_give_way_to_the_file_that_names_them(columns, shown):
    df = pd.DataFrame([["2ca3b2f027b7" if c.startswith("doc") else "亭江镇" for c in columns]],
                      columns=columns)
    assert fd.label_columns(df).columns.tolist() == shown
