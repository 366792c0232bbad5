"""Term discovery: planted governance terms are found near the top, what the lexicon knows is not,
and the discovered terms go through ``fazhi build --lexicon`` and come out whole."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from planted_terms import PLANTED, write_corpus

from fazhi.build import build_corpus
from fazhi.lexicon import load_lexicon, parse_userdict
from fazhi.textstat import dfm, kwic, textstat_terms, userdict_lines, write_userdict

LEX = load_lexicon()


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    root = tmp_path_factory.mktemp("planted")
    raw = write_corpus(root / "raw")
    return raw, build_corpus(raw, root / "store", workers=1)


@pytest.fixture(scope="module")
def found(planted):
    return textstat_terms(planted[1], n=50)


def test_planted_terms_are_split_by_the_package_lexicon(planted):
    tokens = {t for s in planted[1].tokens["tokens"] for t in s.split()}
    assert not tokens & set(PLANTED)


@pytest.mark.parametrize("term", PLANTED)
def test_planted_term_is_in_the_top_20(found, term):
    top = list(found["term"].head(20))
    assert term in top, found.head(25)[["term", "tokens", "count", "score"]]


def test_columns_ranks_and_scores(found):
    assert list(found.columns) == ["term", "tokens", "count", "docs", "pmi", "left_entropy",
                                   "right_entropy", "score", "rank"]
    assert list(found["rank"]) == list(range(1, len(found) + 1))
    assert list(found["score"]) == sorted(found["score"], reverse=True)
    assert (found["score"] > 0).all() and (found["docs"] >= 2).all() and (found["count"] >= 5).all()
    assert found["term"].is_unique
    # the tokens column is how the current lexicon splits the term
    assert (found["tokens"].str.replace(" ", "") == found["term"]).all()


def test_what_is_left_out(found):
    known = {w for w, _f, _p in LEX.userdict}
    drop = LEX.stopwords | LEX.boilerplate
    for term, toks in zip(found["term"], found["tokens"], strict=True):
        assert term not in known
        parts = toks.split()
        assert parts[0] not in drop and parts[-1] not in drop, toks
        assert not re.search(r"[0-9０-９]|(?:19|20)\d\d年", term), term
        assert not re.fullmatch(r"[一二三四五六七八九十]+是", parts[0])


def test_counts_agree_with_kwic(planted, found):
    # count = the occurrences over all the ways the term is split (三色 研判, 三 色 研判): all of
    # the text's occurrences but those where a neighbour glued onto it (做实三色: 实三色 研判)
    corpus = planted[1]
    for term in PLANTED:
        row = found[found["term"] == term].iloc[0]
        hits = kwic(corpus, term)
        assert 0.7 * len(hits) <= row["count"] <= len(hits)
        assert row["docs"] <= hits["doc_id"].nunique()


@pytest.mark.parametrize("kw", [{"min_count": 1000}, {"min_docs": 100}, {"min_chars": 9}])
def test_nothing_qualifies_gives_an_empty_table_with_a_message(planted, kw):
    df = textstat_terms(planted[1], **kw)
    assert df.empty and "message" in df.attrs
    assert list(df.columns)[:3] == ["term", "tokens", "count"]


def test_a_dfm_subset_counts_only_its_documents(planted):
    corpus = planted[1]
    d = dfm(corpus).subset(corpus.docs["report_year"] == 2022)
    half = textstat_terms(d, n=None, min_count=2)
    full = textstat_terms(corpus, n=None, min_count=2)
    both = half.merge(full, on="term", suffixes=("_h", "_f"))
    assert len(both) and (both["count_h"] <= both["count_f"]).all()
    assert (both["count_h"] < both["count_f"]).any()


def test_userdict_lines_are_jieba_format(tmp_path, found):
    path = write_userdict(found, tmp_path / "lex")
    assert path == tmp_path / "lex" / "userdict.txt"
    entries = parse_userdict(path, path.read_bytes())
    assert [w for w, _f, _p in entries] == list(found["term"])
    assert {(f, p) for _w, f, p in entries} == {(2000, "nz")}
    assert userdict_lines(["府院联动", "府院联动"]) == ["府院联动 2000 nz"]


def _env() -> dict:
    src = Path(__file__).resolve().parents[1] / "src"
    return {**os.environ, "PYTHONIOENCODING": "utf-8",
            "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}


def test_round_trip_discover_write_build_comes_out_whole(planted, tmp_path):
    raw, corpus = planted
    lex = tmp_path / "lex"
    got = subprocess.run([sys.executable, "-m", "fazhi", "terms", corpus.manifest["store"],
                          "-n", "10", "--out", str(lex)], capture_output=True, text=True,
                         env=_env(), timeout=300)
    assert got.returncode == 0, got.stderr
    assert (lex / "userdict.txt").is_file() and "jieba" in got.stderr
    built = subprocess.run([sys.executable, "-m", "fazhi", "build", str(raw), "--lexicon",
                            str(lex), "--out", str(tmp_path / "store2"), "--no-progress"],
                           capture_output=True, text=True, env=_env(), timeout=300)
    assert built.returncode == 0, built.stderr
    from fazhi.corpus import load_corpus

    again = load_corpus(tmp_path / "store2")
    tokens = pd.Series([t for s in again.tokens["tokens"] for t in s.split()])
    for term in PLANTED:
        # whole: alone, or as the start of a term + head compound (解纷驿站 + 工作 + 台账)
        having = tokens[tokens.str.contains(term, regex=False)]
        assert len(having) == len(kwic(again, term)) and having.str.startswith(term).all(), term
    # and a second discovery no longer proposes them: the lexicon keeps them whole
    assert not set(textstat_terms(again, n=50)["term"]) & set(PLANTED)


def test_cli_table_output(planted, capsys):
    from fazhi.cli import main

    assert main(["terms", planted[1].manifest["store"], "-n", "5", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].lstrip("\ufeff").startswith("term,tokens,count")
    assert len(out.strip().splitlines()) == 6
