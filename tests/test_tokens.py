"""Segmentation backends: same lexicon, same tokens, no shared state, lazy imports."""

from __future__ import annotations

import functools
import subprocess
import sys

import pytest

from fazhi.config import cache_dir
from fazhi.corpus import read_corpus
from fazhi.lexicon import load_lexicon
from fazhi.tokens import Tokenizer


@pytest.fixture(scope="module")
def paragraphs(raw_dir) -> list[str]:
    docs = read_corpus(raw_dir).docs
    return [p.strip() for text in docs["text"] for p in text.splitlines() if p.strip()]


def test_backends_agree_on_sample_paragraphs(paragraphs):
    rj, jb = Tokenizer(backend="rjieba"), Tokenizer(backend="jieba")
    differ = [p for p in paragraphs if rj.cut(p) != jb.cut(p)]
    share = 1 - len(differ) / len(paragraphs)
    print(f"rjieba/jieba agreement: {len(paragraphs) - len(differ)}/{len(paragraphs)} "
          f"paragraphs = {share:.2%}")
    assert len(paragraphs) > 100
    assert share >= 0.99, differ[:3]


@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
def test_two_tokenizers_with_different_lexicons_in_one_process(tmp_path, backend):
    (tmp_path / "userdict.txt").write_text("亭江镇法治驿站 5000 nz\n", encoding="utf-8")
    sentence = "建成亭江镇法治驿站,开展普法宣传"
    plain = Tokenizer(backend=backend)
    custom = Tokenizer(tmp_path, backend=backend)
    before = plain.cut(sentence)
    assert "亭江镇法治驿站" in custom.cut(sentence)
    assert "亭江镇法治驿站" not in plain.cut(sentence)
    assert plain.cut(sentence) == before
    assert "亭江镇法治驿站" not in Tokenizer(backend=backend).cut(sentence)


def test_default_rjieba_instance_is_not_touched():
    import rjieba

    Tokenizer(backend="rjieba").cut("三项制度")
    assert "三项制度" not in rjieba.cut("严格执行三项制度")


def test_jieba_default_tokenizer_is_not_touched():
    import jieba

    Tokenizer(backend="jieba").cut("三项制度")
    assert not jieba.dt.initialized or "三项制度" not in jieba.lcut("严格执行三项制度")


def test_jieba_cache_goes_under_cache_dir():
    tk = Tokenizer(backend="jieba")
    tk.cut("法治")
    assert list(cache_dir("jieba").glob("jieba*.cache"))


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="backend"):
        Tokenizer(backend="thulac")  # type: ignore[arg-type]


def test_same_lexicon_object_gives_same_tokens_in_both_backends():
    lex = load_lexicon()
    s = "严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度,全年调处矛盾纠纷209件"
    assert Tokenizer(lex, backend="rjieba").cut(s) == Tokenizer(lex, backend="jieba").cut(s)


def test_importing_tokens_and_corpus_loads_no_segmenter():
    code = ("import sys, fazhi.tokens, fazhi.corpus, fazhi.cli.build; "
            "t = fazhi.tokens.Tokenizer(); "
            "print([m for m in ('jieba', 'rjieba') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text(text):
    assert Tokenizer().cut(text) == []


@functools.cache
def _tokenizer(backend: str) -> Tokenizer:
    return Tokenizer(backend=backend)


@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
@pytest.mark.parametrize("text", [
    "一是提高政治站位。\n二是强化组织领导。",                       # seed 001, two lines
    "  全年开展法治理论专题学习4次\r\n开展镇法治工作专题部署3次  ",   # seed 004, CRLF, edge spaces
    "调处矛盾纠纷\u3000209 件，\t办结率\xa0100%",                     # odd whitespace between tokens
    "《法治政府建设实施纲要》(2016-2020)\n\n\n",
])
def test_joined_tokens_have_single_spaces_and_keep_every_character(backend, text):
    """Whitespace in the text never becomes a token or a double space; nothing else is lost."""
    out = _tokenizer(backend).cut_joined(text)
    assert out == out.strip() and "  " not in out
    assert all(ch == " " or not ch.isspace() for ch in out)
    assert "".join(out.split()) == "".join(text.split())
