"""Tokens stage: segmentation with the governance lexicon, two interchangeable backends.

- ``rjieba`` (default): the jieba-rs binding, ~20x faster than pure jieba, same dictionary and algorithm;
- ``jieba``: the pure-Python reference.

Each :class:`Tokenizer` owns its own segmenter instance (``rjieba.Jieba()`` / ``jieba.Tokenizer()``),
so two Tokenizers with different lexicons in one process never see each other's words. The backends
are built lazily on first use; jieba's dictionary cache goes under ``fazhi.config.cache_dir("jieba")``.

The lexicon is applied identically in both backends: aliases are replaced in the text before
segmentation, user-dictionary words are added with their frequency (or jieba's suggested frequency),
and a number followed by a counting unit is joined into one token (``209 件`` -> ``209件``).

Compounds (``compounds=True``, the default): a user-dictionary term followed directly by a head of
``compound_heads.tsv`` (会议, 清单, 领导小组, 率 …, optionally through the linker 工作) becomes one
token, so terms no list holds still come out whole: 述法 + 会议 -> ``述法会议``, 政务服务 + 事项 + 清单
-> ``政务服务事项清单``. The pass runs over the backend's tokens (whole tokens only: 率 never takes
率先), so both backends agree; ``compounds=False`` turns it off.

>>> Tokenizer().cut("严格执行行政执法三项制度，调处矛盾纠纷209件")   # doctest: +SKIP
['严格', '执行', '行政执法', '三项制度', '，', '调处', '矛盾纠纷', '209件']
>>> Tokenizer().cut("召开述法会议")   # doctest: +SKIP
['召开', '述法会议']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from fazhi.config import cache_dir
from fazhi.deprecation import renamed_arguments
from fazhi.lexicon import Lexicon, load_lexicon
from fazhi.read import load_table

Backend = Literal["rjieba", "jieba"]
BACKENDS: tuple[str, ...] = ("rjieba", "jieba")



def _typo_guards() -> dict[str, tuple[str, str]]:
    """Context guards of the ingestion typo table: wrong -> (not_before, not_after)."""
    guards = {}
    for wrong, *rest in load_table("typo_context.tsv"):
        before, after = (*rest, "", "")[:2]
        guards[wrong] = (before, after)
    return guards


def alias_pattern(aliases: dict[str, str]) -> re.Pattern | None:
    """One regex matching every variant (longest first), with the typo table's context guards."""
    if not aliases:
        return None
    guards = _typo_guards()
    alts = []
    for v in sorted(aliases, key=len, reverse=True):
        before, after = guards.get(v, ("", ""))
        # the guard before the variant is checked after it (v(?<![b]v) is (?<![b])v): patterns
        # that start with a literal are scanned much faster
        alts.append(re.escape(v) + (f"(?<![{re.escape(before)}]{re.escape(v)})" if before else "")
                    + (f"(?![{re.escape(after)}])" if after else ""))
    return re.compile("|".join(alts))


@dataclass(frozen=True)
class CompoundRules:
    """What :func:`merge_compounds` joins: ``terms`` (the user dictionary's words of >= 2
    characters, stopwords and boilerplate excluded), ``heads``, ``linkers`` (工作) and ``glued``
    tokens (``率达`` -> (``率``, ``达``)); ``parts``: the most tokens one head may span."""

    terms: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    linkers: frozenset[str] = frozenset()
    glued: dict[str, tuple[str, str]] = field(default_factory=dict)
    parts: int = 3
    chain: int = 3

    @cached_property
    def starts(self) -> frozenset[str]:
        """Every prefix of every head: a token outside it cannot begin a head (fast reject)."""
        return frozenset(h[:i] for h in self.heads for i in range(1, len(h) + 1))


def compound_rules(lexicon: Lexicon) -> CompoundRules:
    """The :class:`CompoundRules` of a lexicon (its user dictionary and ``compound_heads.tsv``)."""
    drop = lexicon.stopwords | lexicon.boilerplate
    terms = frozenset(w for w, _, _ in lexicon.userdict if len(w) >= 2 and w not in drop)
    by_kind: dict[str, list[str]] = {}
    for head, kind in lexicon.compound_heads:
        by_kind.setdefault(kind, []).append(head)
    linkers = frozenset(by_kind.pop("连接", ()))
    glued = {h.replace("+", ""): tuple(h.split("+", 1)) for h in by_kind.pop("拆分", ())}
    heads = frozenset(h for hs in by_kind.values() for h in hs)
    return CompoundRules(terms=terms, heads=heads, linkers=linkers, glued=glued)


def _head_at(tokens: list[str], j: int, rules: CompoundRules) -> int:
    """The number of tokens from ``j`` that spell one head (longest first), 0 for none."""
    if tokens[j] not in rules.starts:
        return 0
    for k in range(min(rules.parts, len(tokens) - j), 0, -1):
        if "".join(tokens[j:j + k]) in rules.heads:
            return k
    return 0


def merge_compounds(tokens: list[str], rules: CompoundRules) -> list[str]:
    """``tokens`` with each term + head (+ head …) joined into one token; whole tokens only, and a
    whitespace or punctuation token in between blocks the join.

    >>> r = CompoundRules(terms=frozenset({"述法"}), heads=frozenset({"会议"}))
    >>> merge_compounds(["召开", "述法", "会议", "，"], r)
    ['召开', '述法会议', '，']
    """
    terms = rules.terms
    hits = [i for i, t in enumerate(tokens) if t in terms]
    if not hits:
        return tokens
    out: list[str] = []
    done = 0                       # tokens[:done] are in out
    n = len(tokens)
    for i in hits:
        if i < done:
            continue
        cur, j, rest = tokens[i], i + 1, None
        for _ in range(rules.chain):
            if j >= n:
                break
            k = _head_at(tokens, j, rules)
            if k:
                cur, j = cur + "".join(tokens[j:j + k]), j + k
                continue
            if j + 1 < n and tokens[j] in rules.linkers:
                k = _head_at(tokens, j + 1, rules)
                if k:
                    cur, j = cur + "".join(tokens[j:j + 1 + k]), j + 1 + k
                    continue
            glued = rules.glued.get(tokens[j])
            if glued:
                cur, rest, j = cur + glued[0], glued[1], j + 1
            break
        if j == i + 1:
            continue
        out += tokens[done:i]
        out.append(cur)
        if rest is not None:
            out.append(rest)
        done = j
    if not out:
        return tokens
    out += tokens[done:]
    return out


def unit_pattern(units: Iterable[str]) -> re.Pattern:
    """Regex over a space-joined token string: a number token followed by a unit token."""
    alts = "|".join(re.escape(u) for u in sorted(set(units), key=len, reverse=True)) or "(?!)"
    # (?<!\S) before the number, checked after its first digit (a digit first scans faster)
    return re.compile(rf"(\d(?<!\S\d)\d*(?:\.\d+)?) ({alts})(?!\S)")


class Tokenizer:
    """Segment Chinese text with the governance lexicon.

    ``Tokenizer(lexicon=None, backend="rjieba", hmm=True, compounds=True)``; ``lexicon`` is a
    :class:`Lexicon`, a folder of user lexicon files (added to the package lexicon), or None (the
    package lexicon); ``compounds``: join term + head (述法会议, see :func:`merge_compounds`).

    >>> Tokenizer().cut("推进法治政府建设")   # doctest: +SKIP
    ['推进', '法治政府建设']
    """

    def __init__(self, lexicon: Lexicon | str | Path | None = None, *, backend: Backend = "rjieba",
                 hmm: bool = True, compounds: bool = True) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
        self.lexicon = lexicon if isinstance(lexicon, Lexicon) else load_lexicon(lexicon)
        self.backend = backend
        self.hmm = hmm
        self.compounds = compounds

    def __repr__(self) -> str:
        return f"Tokenizer(backend={self.backend!r}, lexicon={self.lexicon.version!r})"

    @property
    def key(self) -> str:
        """What the tokens depend on: backend, HMM, compounds (``-nocomp`` when off) and lexicon
        version (which covers ``compound_heads.tsv``)."""
        return (f"{self.backend}-{'hmm' if self.hmm else 'nohmm'}-{self.lexicon.version}"
                + ("" if self.compounds else "-nocomp"))

    @cached_property
    def _compound_rules(self) -> CompoundRules | None:
        rules = compound_rules(self.lexicon) if self.compounds else None
        return rules if rules and rules.terms and rules.heads else None

    @cached_property
    def _aliases(self) -> re.Pattern | None:
        return alias_pattern(self.lexicon.aliases)

    @cached_property
    def _anon_table(self) -> dict[str, str]:
        return {**self.lexicon.aliases, **self.lexicon.anonymised_aliases}

    @cached_property
    def _anon_aliases(self) -> re.Pattern | None:
        return alias_pattern(self._anon_table)

    @cached_property
    def _units(self) -> re.Pattern:
        return unit_pattern(self.lexicon.units)

    @cached_property
    def _segment(self):
        """The backend's ``cut(text) -> list[str]``, built once with the user dictionary."""
        if self.backend == "rjieba":
            import rjieba

            seg = rjieba.Jieba()
            for word, freq, pos in self.lexicon.userdict:
                seg.add_word(word, freq if freq else seg.suggest_freq(word), pos)
            hmm = self.hmm
            return lambda text: seg.cut(text, hmm)
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        seg = jieba.Tokenizer()
        seg.tmp_dir = str(cache_dir("jieba"))
        seg.initialize()
        for word, freq, pos in self.lexicon.userdict:
            seg.add_word(word, freq if freq else seg.suggest_freq(word), pos)
        hmm = self.hmm
        return lambda text: seg.lcut(text, HMM=hmm)

    def normalise(self, text: str, *, anonymised: bool = False) -> str:
        """``text`` with the aliases applied (the anonymised ones too when ``anonymised``)."""
        pat = self._anon_aliases if anonymised else self._aliases
        if pat is None:
            return text
        table = self._anon_table if anonymised else self.lexicon.aliases
        return pat.sub(lambda m: table[m.group(0)], text)

    def cut_joined(self, text: str, *, anonymised: bool = False) -> str:
        """The tokens of ``text`` as one space-separated string (the store's format; fast path)."""
        if not text:
            return ""
        # both backends give whitespace as tokens of their own (one \s character or \r\n, as
        # jieba's re_skip splits it) and never inside a word, so dropping those tokens equals
        # collapsing whitespace in the joined string
        tokens = self._segment(self.normalise(text, anonymised=anonymised))
        if self._compound_rules is not None:
            tokens = merge_compounds(tokens, self._compound_rules)   # before whitespace is dropped
        joined = " ".join([t for t in tokens if t and not t.isspace()])
        return self._units.sub(r"\1\2", joined)

    def cut(self, text: str, *, anonymised: bool = False) -> list[str]:
        """Tokens of ``text`` (whitespace dropped)."""
        return self.cut_joined(text, anonymised=anonymised).split()

    @renamed_arguments(stopwords="drop_stopwords", boilerplate="drop_boilerplate")
    def filter(self, tokens: Iterable[str], *, drop_stopwords: bool = True,
               drop_boilerplate: bool = True) -> list[str]:
        """``tokens`` without the stopwords (``drop_stopwords``) and/or the boilerplate words
        (``drop_boilerplate``: 进一步, 切实, 加强 …) of the lexicon."""
        drop: set[str] = set()
        if drop_stopwords:
            drop |= self.lexicon.stopwords
        if drop_boilerplate:
            drop |= self.lexicon.boilerplate
        return [t for t in tokens if t not in drop]
