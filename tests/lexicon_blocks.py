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


def check_block(name: str, case_terms: list[str], *, at_least: int = 800,
                listed: bool = True) -> None:
    """The block is large, new (no word twice in the whole dictionary), well formed, and every
    test sentence's term is in the dictionary (in this block, or an earlier block that has it;
    ``listed=False``: some are words jieba keeps whole by itself)."""
    terms = block_terms(name)
    assert len(terms) >= at_least
    assert all(2 <= len(t) <= 12 for t in terms)
    words = [w for w, _, _ in LEX.userdict]
    assert len(set(words)) == len(words), "a word is in userdict.txt twice"
    assert len(case_terms) >= 120 and len(set(case_terms)) == len(case_terms)
    known = set(words)
    missing = [t for t in case_terms if t not in known] if listed else []
    assert not missing, f"not in userdict.txt: {missing}"


def tokenizers(backend: str) -> tuple[Tokenizer, Tokenizer]:
    """(the word list alone, the default with compounds) for one backend."""
    return Tokenizer(LEX, backend=backend, compounds=False), Tokenizer(LEX, backend=backend)


def unsplit(tokens: list[str], sentence: str, term: str) -> bool:
    """No token boundary falls inside (the first occurrence of) ``term``: it is one token, or
    inside a longer one (中央八项规定精神 holds 八项规定精神; 决策跟踪反馈 + 制度 is a compound)."""
    at, end = sentence.index(term), 0
    for t in tokens:
        end += len(t)
        if at < end < at + len(term):
            return False
    return True


def assert_whole(pair: tuple[Tokenizer, Tokenizer], sentence: str, term: str) -> None:
    """The term is never cut, by the word list alone or with compounds (the default); most are
    one token of the word list (the dictionary's longer words may hold a shorter one)."""
    assert term in sentence
    for tk in pair:
        toks = tk.cut(sentence)
        assert unsplit(toks, sentence, term), (tk.backend, toks)
