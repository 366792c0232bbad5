"""``fazhi keywords`` / ``fazhi trend`` / ``fazhi kwic`` and the shared output options."""

from __future__ import annotations

import argparse
import io
import json

import pandas as pd
import pytest

from fazhi.cli import main
from fazhi.cli.analyses import add_output_options, write_output


@pytest.fixture(scope="module")
def store(sample_corpus) -> str:
    """The built sample store: the commands reuse it (no rebuild, nothing written to data/)."""
    return sample_corpus.manifest["store"]


def _csv(out: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(out))


def test_keywords_frequency_table(store, sample_corpus, capsys):
    from fazhi.textstat import textstat_frequency

    assert main(["keywords", store, "-n", "7"]) == 0
    out = capsys.readouterr().out
    expected = textstat_frequency(sample_corpus, n=7)
    lines = out.strip().splitlines()
    assert len(lines) == 8 and lines[0].split()[:2] == ["term", "count"]
    for term in expected["term"]:
        assert term in out


@pytest.mark.parametrize("method", ["tfidf", "textrank"])
def test_keywords_methods_csv(store, sample_corpus, capsys, method):
    from fazhi.textstat import textstat_keywords

    assert main(["keywords", "--path", store, "--method", method, "-n", "3", "--format", "csv"]) == 0
    got = _csv(capsys.readouterr().out)
    expected = textstat_keywords(sample_corpus, method=method, n=3)
    assert list(got.columns) == ["doc_id", "term", "score", "rank"]
    assert list(got["term"]) == list(expected["term"])


def test_keywords_by_group_jsonl(store, sample_corpus, capsys):
    assert main(["keywords", store, "--by", "report_year", "-n", "2", "--format", "jsonl"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["report_year"] for r in recs} == set(sample_corpus.docs["report_year"])
    assert all(r["rank"] <= 2 for r in recs)


@pytest.mark.parametrize("argv_tail", [["{store}"], ["--path", "{store}"]])
def test_trend_terms_then_path(store, sample_corpus, capsys, argv_tail):
    from fazhi.textstat import textstat_trend

    tail = [a.format(store=store) for a in argv_tail]
    assert main(["trend", "法律顾问", "“七五”普法", *tail, "--format", "csv"]) == 0
    got = _csv(capsys.readouterr().out)
    expected = textstat_trend(sample_corpus, ["法律顾问", "“七五”普法"])
    assert list(got["term"]) == list(expected["term"])
    assert list(got["count"]) == list(expected["count"])
    assert list(got["n_docs"]) == list(expected["n_docs"])


def test_trend_by_province_to_xlsx(store, tmp_path, capsys):
    from openpyxl import load_workbook

    out = tmp_path / "趋势.xlsx"
    assert main(["trend", "法律顾问", store, "--by", "province", "--format", "xlsx",
                 "--out", str(out)]) == 0
    assert "written to" in capsys.readouterr().err
    rows = list(load_workbook(out).active.values)
    assert rows[0][:3] == ("province", "term", "count")
    assert {r[1] for r in rows[1:]} == {"法律顾问"}


def test_xlsx_needs_out(store, capsys):
    assert main(["kwic", "法律顾问", store, "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err


def test_kwic_command(store, sample_corpus, capsys):
    assert main(["kwic", "矛盾纠纷", store, "--window", "6", "--format", "jsonl"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(recs) == sum(t.count("矛盾纠纷") for t in sample_corpus.docs["text"])
    assert all(r["keyword"] == "矛盾纠纷" and len(r["left"]) <= 6 and len(r["right"]) <= 6
               for r in recs)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".dta"])
def test_out_file_format_from_suffix(store, tmp_path, suffix):
    out = tmp_path / f"kwic{suffix}"
    assert main(["kwic", "法律顾问", store, "--out", str(out)]) == 0
    back = {".csv": lambda p: pd.read_csv(p, encoding="utf-8-sig"),
            ".jsonl": lambda p: pd.read_json(p, lines=True), ".dta": pd.read_stata}[suffix](out)
    assert set(back["keyword"]) == {"法律顾问"}


def test_write_output_helper(capsys):
    parser = argparse.ArgumentParser()
    add_output_options(parser)
    df = pd.DataFrame({"doc_a": ["000"], "text": ["坚持“村帐镇管”"], "extra": [{"单位": "件"}]})
    assert write_output(df, parser.parse_args([])) == 0
    assert "坚持“村帐镇管”" in capsys.readouterr().out
    assert write_output(df, parser.parse_args(["--format", "csv"])) == 0
    got = _csv(capsys.readouterr().out)
    assert json.loads(got["extra"][0]) == {"单位": "件"}
    assert write_output(df.iloc[0:0], parser.parse_args([])) == 0
    assert "(no rows)" in capsys.readouterr().out
    assert write_output(df, parser.parse_args(["--out", "x.unknown"])) == 2
    assert "suffix" in capsys.readouterr().err
