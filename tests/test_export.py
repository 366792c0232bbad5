"""export_table: every format round-trips Chinese text; atomic writes; clear errors."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from fazhi.export import export_table, stata_names

# real excerpts of the sample reports, with the kinds of cells result tables carry
ROWS = [
    {"term": "习近平法治思想", "count": 11, "per_10k": 32.19, "flag": True,
     "sentence": "深学笃用习近平法治思想，坚持以习近平新时代中国特色社会主义思想为指导",
     "extra": {"unit": "件", "qualifier": "余"}},
    {"term": "“七五”普法", "count": 2, "per_10k": 12.78, "flag": False,
     "sentence": "今年以来有效调处化解矛盾纠纷209件，办结信访事项17件次，矛盾纠纷调解成功率达99%。",
     "extra": ["村帐镇管", "三资"]},
    {"term": "1+6+N", "count": 0, "per_10k": 0.0, "flag": False,
     "sentence": "院坝会、恳谈会60余场次", "extra": None},
]


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(ROWS)


def _same_text(back: pd.DataFrame, table: pd.DataFrame) -> None:
    for col in ("term", "sentence"):
        assert list(back[col]) == list(table[col])
    assert list(back["count"]) == list(table["count"])


def test_csv_has_bom_and_round_trips(tmp_path, table):
    p = export_table(table, tmp_path / "关键词.csv")
    assert p == tmp_path / "关键词.csv"
    assert p.read_bytes().startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(p, encoding="utf-8-sig")
    _same_text(back, table)
    assert json.loads(back["extra"][0]) == ROWS[0]["extra"]


def test_xlsx_round_trips(tmp_path, table):
    from openpyxl import load_workbook

    p = export_table(table, tmp_path / "out.xlsx", sheet_name="趋势")
    wb = load_workbook(p)
    assert wb.sheetnames == ["趋势"]
    rows = list(wb["趋势"].values)
    assert list(rows[0]) == list(table.columns)
    assert [r[0] for r in rows[1:]] == list(table["term"])
    assert [r[4] for r in rows[1:]] == list(table["sentence"])
    assert json.loads(rows[2][5]) == ROWS[1]["extra"]


def test_jsonl_keeps_chinese_unescaped(tmp_path, table):
    p = export_table(table, tmp_path / "out.jsonl")
    text = p.read_text(encoding="utf-8")
    assert "习近平法治思想" in text and "\\u" not in text
    recs = [json.loads(line) for line in text.splitlines()]
    assert [r["term"] for r in recs] == list(table["term"])
    assert recs[0]["extra"] == ROWS[0]["extra"] and recs[2]["extra"] is None
    back = pd.read_json(p, lines=True)
    _same_text(back, table)


def test_dta_is_stata_118_unicode(tmp_path, table):
    df = table.rename(columns={"per_10k": "per 10k", "count": "1count"})
    df["每万词"] = df["per 10k"]
    df["text"] = [r["sentence"] * 60 for r in ROWS]  # a whole report: longer than Stata's str2045
    p = export_table(df, tmp_path / "out.dta")
    assert p.read_bytes()[:len(b"<stata_dta><header><release>118")] == \
        b"<stata_dta><header><release>118"
    back = pd.read_stata(p)
    assert list(back.columns) == stata_names(df.columns)
    assert list(back["term"]) == list(table["term"])
    assert list(back["sentence"]) == list(table["sentence"])
    assert list(back["每万词"]) == pytest.approx(list(table["per_10k"]))
    assert list(back["flag"]) == [1, 0, 0]
    assert list(back["text"]) == list(df["text"])


@pytest.mark.parametrize("names, safe", [
    (["per 10k", "per-10k"], ["per_10k", "per_10k_2"]),
    (["1count", "每万词", "a.b"], ["v1count", "每万词", "a_b"]),
    (["x" * 40], ["x" * 32]),
    (["start", "end", "in"], ["start", "end_", "in_"]),
])
def test_stata_names(names, safe):
    assert stata_names(names) == safe


def test_parquet_round_trips(tmp_path, table):
    p = export_table(table.drop(columns="extra"), tmp_path / "out.parquet")
    back = pd.read_parquet(p)
    _same_text(back, table)


def test_format_argument_overrides_suffix(tmp_path, table):
    p = export_table(table, tmp_path / "table.txt", format="csv")
    _same_text(pd.read_csv(p, encoding="utf-8-sig"), table)


@pytest.mark.parametrize("name", ["out.docx", "out", "out.xls"])
def test_unknown_suffix_is_a_clear_error(tmp_path, table, name):
    with pytest.raises(ValueError, match=r"\.csv, \.xlsx, \.jsonl, \.dta or \.parquet"):
        export_table(table, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_write_is_atomic(tmp_path, table):
    p = export_table(table, tmp_path / "out.xlsx")
    before = p.read_bytes()
    bad = table.copy()
    bad.loc[0, "sentence"] = "控制字符\x01不能写入Excel"
    with pytest.raises(Exception):  # noqa: B017 - openpyxl's IllegalCharacterError
        export_table(bad, p)
    assert p.read_bytes() == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["out.xlsx"]
    # overwriting works and leaves no temp file
    export_table(table.head(1), p)
    assert len(pd.read_excel(p)) == 1
    assert sorted(x.name for x in tmp_path.iterdir()) == ["out.xlsx"]


def test_exports_a_real_result_table(tmp_path, sample_corpus):
    from fazhi.textstat import textstat_trend

    df = textstat_trend(sample_corpus, ["法律顾问", "“七五”普法"])
    for suffix in (".csv", ".xlsx", ".jsonl", ".dta", ".parquet"):
        export_table(df, tmp_path / f"trend{suffix}")
    assert list(pd.read_csv(tmp_path / "trend.csv", encoding="utf-8-sig")["term"]) == list(df["term"])
    assert list(pd.read_stata(tmp_path / "trend.dta")["term"]) == list(df["term"])
    assert list(pd.read_excel(tmp_path / "trend.xlsx")["count"]) == list(df["count"])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".jsonl", ".dta", ".parquet"])
def test_typed_columns_with_missing_values(tmp_path, suffix):
    df = pd.DataFrame({
        "town": pd.Series(["亭江镇", None], dtype="string"),
        "province": pd.Categorical(["福建省", "广东省"]),
        "report_year": pd.Series([2020, None], dtype="Int64"),
        "publish_date": pd.to_datetime(["2021-03-19", None]).tz_localize("Asia/Shanghai"),
    })
    p = export_table(df, tmp_path / f"meta{suffix}")
    back = {".csv": lambda x: pd.read_csv(x, encoding="utf-8-sig"), ".xlsx": pd.read_excel,
            ".jsonl": lambda x: pd.read_json(x, lines=True), ".dta": pd.read_stata,
            ".parquet": pd.read_parquet}[suffix](p)
    assert back["town"].iloc[0] == "亭江镇" and back["province"].astype(str).tolist() == ["福建省",
                                                                                      "广东省"]
    assert float(back["report_year"].iloc[0]) == 2020
    assert pd.isna(back["report_year"].iloc[1])
    missing_town = back["town"].iloc[1]
    assert pd.isna(missing_town) or missing_town == ""  # Stata has no missing strings


# ---------------------------------------------------------------- streams and workbooks


@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl"])
def test_write_table_to_a_stream(table, fmt):
    import io

    buf = io.StringIO()
    from fazhi.export import write_table

    write_table(table, buf, format=fmt)
    text = buf.getvalue()
    assert not text.startswith("\ufeff"), "no BOM in the middle of piped output"
    if fmt == "csv":
        back = pd.read_csv(io.StringIO(text))
        _same_text(back, table)
        assert json.loads(back["extra"][1]) == ROWS[1]["extra"]
    elif fmt == "jsonl":
        recs = [json.loads(line) for line in text.splitlines()]
        assert [r["term"] for r in recs] == list(table["term"]) and recs[2]["extra"] is None
    else:
        assert "习近平法治思想" in text and "“七五”普法" in text and "(no rows)" not in text


def test_format_table_aligns_chinese_and_says_when_empty(table):
    from fazhi.export import format_table

    lines = format_table(table[["term", "count"]]).splitlines()
    # full-width characters count double: the count column starts at the same display column
    from unicodedata import east_asian_width

    def width(s: str) -> int:
        return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in s)

    ends = {width(line.rstrip()) for line in lines}
    assert len(ends) == 1, lines
    assert format_table(table.iloc[0:0]) == "(no rows)"


def test_write_table_refuses_file_formats(table):
    import io

    from fazhi.export import write_table

    with pytest.raises(ValueError, match="export_table"):
        write_table(table, io.StringIO(), format="xlsx")


def test_export_tables_writes_every_sheet_atomically(tmp_path, table):
    from fazhi.export import export_tables

    p = export_tables({"复用段落": table, "复用比例": table[["term", "count"]]}, tmp_path / "复用.xlsx")
    sheets = pd.read_excel(p, sheet_name=None)
    assert list(sheets) == ["复用段落", "复用比例"]
    _same_text(sheets["复用段落"], table)
    assert list(sheets["复用比例"].columns) == ["term", "count"]
    assert [f.name for f in tmp_path.iterdir()] == ["复用.xlsx"]  # no temporary file left
    with pytest.raises(ValueError, match=".xlsx"):
        export_tables({"a": table}, tmp_path / "out.csv")
    with pytest.raises(ValueError, match="at least one"):
        export_tables({}, tmp_path / "empty.xlsx")
