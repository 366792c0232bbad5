"""The corpus carries its lexicon: a store built with ``--lexicon DIR`` is read with that lexicon
(never silently rebuilt with the package one), the analyses filter with it, and readers never
segment. Through the command line (subprocesses) and the Python API."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from fazhi.build import build_corpus, open_corpus
from fazhi.corpus import (
    LEXICON_FILE,
    NoTokensError,
    is_current,
    load_corpus,
    read_corpus,
    segment_corpus,
    store_dir,
    store_status,
)
from fazhi.lexicon import LexiconError, load_lexicon
from fazhi.textstat import (
    is_term,
    kwic,
    textstat_distinctive,
    textstat_frequency,
    textstat_keyness,
    textstat_keywords,
    textstat_simil,
    textstat_themes,
    textstat_trend,
)
from fazhi.tokens import Tokenizer
from fazhi.versions import data_version

# frequent terms of the sample corpus that the package lexicon keeps; the user lexicon drops them
USER_STOPWORD, USER_BOILERPLATE = "群众", "机制"


def user_lexicon(folder: Path, stopwords=(USER_STOPWORD,), boilerplate=(USER_BOILERPLATE,)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "stopwords.txt").write_text("# 用户停用词\n" + "\n".join(stopwords) + "\n",
                                          encoding="utf-8")
    (folder / "boilerplate.txt").write_text("\n".join(boilerplate) + "\n", encoding="utf-8")
    (folder / "userdict.txt").write_text("政治站位 5000 nz\n", encoding="utf-8")
    return folder


def build_id(out: Path) -> tuple[str, int]:
    """The current build of a store and the modification time of its manifest."""
    d = store_dir(out)
    return d.name, (d / "manifest.json").stat().st_mtime_ns


def _env(home: Path) -> dict:
    src = Path(__file__).resolve().parents[1] / "src"
    return {**os.environ, "FAZHI_HOME": str(home), "PYTHONIOENCODING": "utf-8",
            "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}


def fazhi_cli(args: list[str], home: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fazhi", *args], capture_output=True, text=True,
                          env=_env(home), timeout=300)


# ---------------------------------------------------------------- command line


def test_cli_keywords_reads_a_store_built_with_a_user_lexicon(raw_dir, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    lex = user_lexicon(tmp_path / "mylex")
    built = fazhi_cli(["build", str(raw_dir), "--lexicon", str(lex), "--no-progress"], home)
    assert built.returncode == 0, built.stderr
    stores = list((home / "data" / "processed").iterdir())
    assert len(stores) == 1  # the default store of raw_dir under FAZHI_HOME
    out = stores[0]
    manifest = load_corpus(out).manifest
    assert manifest["lexicon_folder"] == str(lex.resolve())
    before = build_id(out)

    got = fazhi_cli(["keywords", str(raw_dir), "-n", "200", "--format", "csv"], home)
    assert got.returncode == 0, got.stderr
    assert "building" not in got.stderr and got.stderr == ""
    assert build_id(out) == before  # not rebuilt: same build, manifest untouched
    assert load_corpus(out).manifest["lexicon"] == manifest["lexicon"]
    terms = set(pd.read_csv(io.StringIO(got.stdout))["term"])
    assert len(terms) == 200
    assert USER_STOPWORD not in terms and USER_BOILERPLATE not in terms
    # the same store read with the package lexicon counts them: the check above can fail
    package = textstat_frequency(load_corpus(out, lexicon=load_lexicon()), n=200)
    assert {USER_STOPWORD, USER_BOILERPLATE} <= set(package["term"])

    # the other readers keep the store too
    for cmd in (["trend", "政治站位", str(raw_dir)], ["kwic", "政治站位", str(raw_dir)],
                ["reuse", str(raw_dir), "--shares"], ["indicators", str(raw_dir), "--summary"]):
        r = fazhi_cli(cmd, home)
        assert r.returncode == 0 and r.stderr == "", (cmd, r.stderr)
    assert build_id(out) == before

    # the lexicon folder is gone: a message that says what to do, exit code 2, store untouched
    shutil.move(lex, tmp_path / "moved")
    gone = fazhi_cli(["keywords", str(raw_dir)], home)
    assert gone.returncode == 2
    assert str(lex.resolve()) in gone.stderr and "--lexicon" in gone.stderr
    assert build_id(out) == before


def test_cli_keywords_after_a_package_build_drops_only_package_stopwords(raw_dir, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    assert fazhi_cli(["build", str(raw_dir), "--no-progress"], home).returncode == 0
    got = fazhi_cli(["keywords", str(raw_dir), "-n", "200", "--format", "csv"], home)
    terms = set(pd.read_csv(io.StringIO(got.stdout))["term"])
    assert {USER_STOPWORD, USER_BOILERPLATE} <= terms
    assert not {"的", "进一步", "加强"} & terms


# ---------------------------------------------------------------- Python API


@pytest.fixture(scope="module")
def lex_store(raw_dir, tmp_path_factory):
    """The sample corpus built with a user lexicon folder: (folder, store, corpus)."""
    base = tmp_path_factory.mktemp("lexstore")
    lex = user_lexicon(base / "mylex")
    out = base / "store"
    return lex, out, build_corpus(raw_dir, out, workers=1, lexicon=lex, progress=False)


def test_corpus_carries_its_lexicon_and_where_it_came_from(lex_store):
    lex, out, corpus = lex_store
    assert corpus.lexicon == load_lexicon(lex)
    assert corpus.lexicon.folder == str(lex.resolve())
    assert USER_STOPWORD in corpus.lexicon.stopwords
    assert str(lex.resolve()) in corpus.lexicon.origin
    m = corpus.manifest
    assert (m["lexicon"], m["lexicon_folder"]) == (corpus.lexicon.version, str(lex.resolve()))
    assert m["data_version"] == m["key"]["data"] == data_version(lex)
    assert (store_dir(out) / LEXICON_FILE).is_file()
    assert load_corpus(out).lexicon == corpus.lexicon
    assert corpus.subset("province == '广东省'").lexicon == corpus.lexicon
    assert "政治站位" in " ".join(corpus.tokens["tokens"]).split()


def test_package_lexicon_origin(sample_corpus):
    assert sample_corpus.lexicon == load_lexicon()
    assert sample_corpus.lexicon.folder is None
    assert sample_corpus.manifest["lexicon_folder"] is None
    assert "package" in sample_corpus.lexicon.origin


def test_readers_use_the_store_lexicon(raw_dir, lex_store, capsys):
    _lex, out, corpus = lex_store
    assert store_status(raw_dir, out) is None and is_current(raw_dir, out)
    again = open_corpus(raw_dir, out=out)
    assert again.manifest["build"] == corpus.manifest["build"]
    assert again.lexicon == corpus.lexicon
    assert capsys.readouterr().err == ""  # nothing built, nothing said
    # an explicit lexicon is another one: not current with the package lexicon
    assert not is_current(raw_dir, out, lexicon=load_lexicon())
    assert "词库" in store_status(raw_dir, out, lexicon=load_lexicon())


@pytest.mark.parametrize("analysis", [
    lambda c: textstat_frequency(c, n=None)["term"],
    lambda c: textstat_frequency(c, by="report_year", n=None)["term"],
    lambda c: textstat_keywords(c, method="tfidf", n=300)["term"],
    lambda c: textstat_keywords(c, method="textrank", n=300)["term"],
    lambda c: textstat_distinctive(c, by="province", n=300, min_count=1)["term"],
    lambda c: textstat_keyness(c, "province == '广东省'", n=None)["term"],
], ids=["frequency", "frequency-by-year", "tfidf", "textrank", "distinctive", "keyness"])
def test_analyses_filter_with_the_corpus_lexicon(lex_store, analysis):
    _lex, out, corpus = lex_store
    assert not {USER_STOPWORD, USER_BOILERPLATE} & set(analysis(corpus))
    # the same tokens filtered with the package lexicon keep them (so the check can fail)
    package = load_corpus(out, lexicon=load_lexicon())
    assert {USER_STOPWORD, USER_BOILERPLATE} & set(analysis(package))


def test_user_lexicon_edit_makes_the_store_out_of_date_and_open_corpus_says_it_builds(
        raw_dir, tmp_path, capsys):
    lex = user_lexicon(tmp_path / "mylex")
    out = tmp_path / "store"
    first = build_corpus(raw_dir, out, workers=1, lexicon=lex, progress=False)
    user_lexicon(lex, stopwords=(USER_STOPWORD, "干部"))
    assert "词库" in store_status(raw_dir, out)
    second = open_corpus(raw_dir, out=out, workers=1)
    err = capsys.readouterr().err
    assert "building the corpus store" in err and "lexicon changed" in err
    assert second.manifest["build"] != first.manifest["build"]
    assert second.manifest["lexicon_folder"] == str(lex.resolve())  # still the user lexicon
    assert "干部" in second.lexicon.stopwords
    assert "干部" not in set(textstat_frequency(second, n=None)["term"])
    assert "干部" in set(textstat_frequency(first, n=None)["term"])

    # the folder is gone: readers say what to do instead of rebuilding with the package lexicon
    shutil.rmtree(lex)
    with pytest.raises(LexiconError, match="--lexicon"):
        open_corpus(raw_dir, out=out)
    assert load_corpus(out).lexicon == second.lexicon  # the store still has its own copy


def test_open_corpus_keeps_the_store_backend(raw_dir, tmp_path, capsys):
    out = tmp_path / "store"
    built = build_corpus(raw_dir, out, workers=1, backend="jieba", hmm=False, progress=False)
    assert is_current(raw_dir, out)
    assert open_corpus(raw_dir, out=out).manifest["build"] == built.manifest["build"]
    assert capsys.readouterr().err == ""
    assert not is_current(raw_dir, out, backend="rjieba")


# ---------------------------------------------------------------- readers never segment


@pytest.mark.parametrize("analysis", [
    lambda c: textstat_frequency(c),
    lambda c: textstat_keywords(c, method="tfidf"),
    lambda c: textstat_keyness(c, "province == '广东省'"),
    lambda c: textstat_trend(c, ["法律顾问"]),
    lambda c: textstat_simil(c),
    lambda c: textstat_themes(c),
], ids=["frequency", "keywords", "keyness", "trend", "simil", "themes"])
def test_read_corpus_without_tokens_says_how_to_get_them(raw_dir, analysis):
    corpus = read_corpus(raw_dir)
    assert corpus.tokens is None
    with pytest.raises(NoTokensError, match=r"fazhi build .*raw"):
        analysis(corpus)
    assert corpus.tokens is None  # nothing was segmented behind the caller's back


def test_text_analyses_need_no_tokens(raw_dir):
    corpus = read_corpus(raw_dir)
    assert len(kwic(corpus, "法律顾问")) == sum(t.count("法律顾问") for t in corpus.docs["text"])
    assert len(textstat_themes(corpus, unit="sentences")) > 0


def test_segment_corpus_equals_the_store(raw_dir, sample_corpus):
    seg = segment_corpus(read_corpus(raw_dir))
    pd.testing.assert_frame_equal(seg.tokens, sample_corpus.tokens)
    assert seg.lexicon == sample_corpus.lexicon


@pytest.mark.parametrize(("token", "units", "ok"), [
    ("3支", None, True),           # not a package unit: a term
    ("3支", ["支", "套"], False),  # a unit of the user lexicon: number-only
    ("209件", None, False),
    ("法律顾问", ["支"], True),
])
def test_is_term_with_the_lexicon_units(token, units, ok):
    assert is_term(token, units=units) is ok


def test_user_units_filter_numbers_in_analyses(tmp_path):
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "units.txt").write_text("支\n套\n", encoding="utf-8")
    texts = ["组建普法志愿服务队伍3支，为综合行政执法队配备执法记录仪20套，化解矛盾纠纷209件。",
             "新建调解队伍2支，开展普法宣传活动15场。"]
    docs = pd.DataFrame({"doc_id": ["d0", "d1"], "file": ["a.txt", "b.txt"], "text": texts,
                         "report_year": 2022, "anonymised": False})
    sections = pd.DataFrame(columns=["doc_id", "part", "level", "number", "heading", "start",
                                     "end", "text"])
    from fazhi.corpus import Corpus

    corpus = segment_corpus(Corpus(docs, sections, pd.DataFrame()), Tokenizer(lex))
    toks = " ".join(corpus.tokens["tokens"]).split()
    assert {"3支", "20套", "2支"} <= set(toks)
    terms = set(textstat_frequency(corpus, n=None, min_chars=1)["term"])
    assert not {"3支", "20套", "2支", "209件"} & terms
    assert {"记录仪", "队伍"} <= terms


# ---------------------------------------------------------------- provenance


def test_index_provenance_shows_lexicon_and_data_version(lex_store):
    from fazhi.render import index_context

    lex, _out, corpus = lex_store
    prov = dict(index_context([], corpus, by="province", seconds=0.0)["provenance"])
    values = [str(v) for v in prov.values()]
    assert data_version(lex) in values
    assert any(str(lex.resolve()) in v for v in values)
    assert json.dumps(prov, ensure_ascii=False)  # plain values for the template


@pytest.mark.parametrize("text, joined", [
    ("区委依法治区办召开法治督察会议，通报整改情况。", "法治督察会议"),
    ("印发依法治区工作要点，明确年度任务。", "依法治区工作要点"),
    ("行政机关负责人出庭应诉率达100%，较上年有所提高。", "行政机关负责人出庭应诉率"),
])
@pytest.mark.parametrize("backend, hmm", [("rjieba", True), ("jieba", True), ("jieba", False)])
def test_cache_key_records_the_compounds_switch(backend, hmm, text, joined):
    """Two builds that differ only by ``compounds`` make different tokens (法治督察会议 or 法治督察 会议),
    so they must not share a store: the key differs, and only in ``compounds``."""
    from fazhi.store import cache_key, segment_key

    on = Tokenizer(backend=backend, hmm=hmm, compounds=True)
    off = Tokenizer(backend=backend, hmm=hmm, compounds=False)
    assert (joined in on.cut(text)) and (joined not in off.cut(text))  # the switch matters here
    k_on, k_off = cache_key(on), cache_key(off)
    assert k_on != k_off and segment_key(k_on) != segment_key(k_off)
    assert {k for k in k_on if k_on[k] != k_off.get(k)} == {"compounds"}
    assert cache_key(Tokenizer(backend=backend, hmm=hmm)) == k_on  # compounds on by default
