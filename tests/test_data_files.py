"""The one reader of the package's data files (fazhi.read: read_lines, read_rows, load_table)."""

from __future__ import annotations

import codecs

import pytest

from fazhi.indicators import IndicatorRulesError, load_indicator_rules
from fazhi.lexicon import LexiconError, load_lexicon
from fazhi.read import (
    TABLE_COLUMNS,
    DataFileError,
    data_dir,
    load_table,
    read_lines,
    read_rows,
)
from fazhi.reuse import normalise, slogan_chars

TYPOS = "# 错别字表: wrong<TAB>right\n\n机治\t机制\n治定\t制定\n"


def test_every_table_of_the_package_has_its_shape_and_loads():
    tables = {p.name for p in data_dir().glob("*.tsv")}
    assert tables == set(TABLE_COLUMNS)
    for name, (lo, hi) in TABLE_COLUMNS.items():
        rows = load_table(name)
        assert rows, name
        assert all(lo <= len(r) <= hi for r in rows), name


@pytest.mark.parametrize("variant", [
    TYPOS,
    TYPOS.replace("\n", "\r\n"),                    # saved on Windows
    "\ufeff" + TYPOS,                               # with a BOM (Notepad)
    TYPOS.replace("机治\t机制", "  机治\t机制  "),    # stray spaces around the fields
    TYPOS.replace("\n\n", "\n   # 缩进的注释\n"),    # an indented comment
])
def test_bom_crlf_comments_blank_lines_and_spaces(variant):
    assert read_rows("typos.tsv", 2, data=variant.encode("utf-8")) == \
        [(3, ["机治", "机制"]), (4, ["治定", "制定"])]


def test_rows_are_padded_to_the_most_fields():
    data = "机治\t危\t理\n治定\t政法自\n治作\n".encode()
    assert [f for _, f in read_rows("typo_context.tsv", (1, 3), data=data)] == \
        [["机治", "危", "理"], ["治定", "政法自", ""], ["治作", "", ""]]
    assert [f for _, f in read_rows("typo_context.tsv", (1, 3), data=data, pad=False)][1] == \
        ["治定", "政法自"]


@pytest.mark.parametrize(("name", "columns", "content", "where", "detail"), [
    ("typos.tsv", 2, "# 错别字\n\n机治\t机制\n治定 制定\n", "typos.tsv:4:", "expected 2 tab-separated fields"),
    ("themes.tsv", 2, "营商环境\t放管服\t优化营商环境\n", "themes.tsv:1:", "got 3"),
    ("places.tsv", (2, 4), "suffix\t街道\ttown\n\nsuffix\n", "places.tsv:3:", "expected 2–4"),
    ("kinds.tsv", 2, "法治政府建设年度报告\t法治.{0,20}报告\n".encode("gb18030"), "kinds.tsv:",
     "not UTF-8"),
])
def test_a_malformed_line_names_the_file_and_the_line(tmp_path, name, columns, content, where,
                                                      detail):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(DataFileError) as err:
        read_rows(path, columns)
    assert where in str(err.value) and detail in str(err.value)
    assert str(path) in str(err.value)


def test_a_missing_file_is_a_data_file_error(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        read_lines(tmp_path / "slogans.txt")


def test_the_caller_chooses_the_error_class():
    with pytest.raises(LexiconError, match=r"aliases\.tsv:1:"):
        read_rows("aliases.tsv", (2, 3), data="机治".encode(), error=LexiconError)


@pytest.mark.parametrize(("content", "line"), [
    ("机治\t机制\nA法治思想\t习近平法治思想\tanonymised\t多余\n", 2),
    ("# 别名\n法制副镇长\n", 2),
])
def test_the_lexicon_reads_through_it(tmp_path, content, line):
    (tmp_path / "aliases.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"aliases\.tsv:{line}: .*expected 2–3"):
        load_lexicon(tmp_path)


def test_a_user_lexicon_with_bom_and_crlf_loads(tmp_path):
    (tmp_path / "aliases.tsv").write_bytes(codecs.BOM_UTF8 + "法制副镇长\t法治副镇长\r\n".encode())
    (tmp_path / "stopwords.txt").write_bytes(codecs.BOM_UTF8 + "# 我的停用词\r\n驿站\r\n".encode())
    lex = load_lexicon(tmp_path)
    assert lex.aliases["法制副镇长"] == "法治副镇长" and "驿站" in lex.stopwords


def test_the_indicator_rules_read_through_it(tmp_path):
    (tmp_path / "indicators.tsv").write_text(
        "# 我的指标\nmeetings\t会议\t院坝会|恳谈会\tcount\t召开\t多余\n", encoding="utf-8")
    with pytest.raises(IndicatorRulesError, match=r"indicators\.tsv:2: .*expected 1–5"):
        load_indicator_rules(str(tmp_path))


def test_the_slogans_read_through_it(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("习近平新时代中国特色社会主义思想\n", encoding="utf-8")
    windows = tmp_path / "windows.txt"
    windows.write_bytes(codecs.BOM_UTF8 + "# 口号\r\n\r\n习近平新时代中国特色社会主义思想\r\n".encode())
    text = normalise("全镇坚持以习近平新时代中国特色社会主义思想为指导")[0]
    assert slogan_chars(text, slogans=plain) == slogan_chars(text, slogans=windows) == 16
