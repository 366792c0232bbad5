"""Shared checks of the grown blocks of userdict.txt (tests/test_lexicon_lex*.py, issue 13)."""

from __future__ import annotations

from fazhi.lexicon import data_path, load_lexicon
from fazhi.tokens import Tokenizer

LEX = load_lexicon()
BACKENDS = ["rjieba", "jieba"]


def block_terms(name: str) -> list[str]:
    """The words of one block (from its '# ---- NAME' heading to the next '# ----' or the end)."""
    terms, inside = [], False
    for line in data_path("userdict.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# ----"):
            inside = line.startswith(f"# ---- {name}")
        elif inside and line and not line.startswith("#"):
            terms.append(line.split()[0])
    return terms


def check_block(name: str, case_terms: list[str], *, at_least: int = 800) -> None:
    """The block is large, new (no word twice in the whole dictionary), well formed, and every
    test sentence's term is in it."""
    terms = block_terms(name)
    assert len(terms) >= at_least
    assert all(2 <= len(t) <= 12 for t in terms)
    words = [w for w, _, _ in LEX.userdict]
    assert len(set(words)) == len(words), "a word is in userdict.txt twice"
    assert len(case_terms) >= 120 and len(set(case_terms)) == len(case_terms)
    missing = [t for t in case_terms if t not in set(terms)]
    assert not missing, f"not in the {name} block of userdict.txt: {missing}"


def tokenizers(backend: str) -> tuple[Tokenizer, Tokenizer]:
    """(the word list alone, the default with compounds) for one backend."""
    return Tokenizer(LEX, backend=backend, compounds=False), Tokenizer(LEX, backend=backend)


def assert_whole(pair: tuple[Tokenizer, Tokenizer], sentence: str, term: str) -> None:
    """The term is one token of the word list; with compounds (the default) it is never cut:
    alone, or the start of a compound (决策跟踪反馈 + 制度, tests/test_compounds.py)."""
    plain, compounding = pair
    assert term in sentence
    toks = plain.cut(sentence)
    assert term in toks, (plain.backend, toks)
    toks, at, end = compounding.cut(sentence), sentence.index(term), 0
    for t in toks:
        end += len(t)
        assert not at < end < at + len(term), (compounding.backend, toks)
