"""Keyword in context: every occurrence of a term in the cleaned texts, with its context.

>>> kwic(corpus, "法律顾问", window=10)                      # doctest: +SKIP
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from fazhi.corpus import Corpus
from fazhi.textstat._index import _level1, _part_at


def kwic(corpus: Corpus, term: str, *, window: int = 20,
         parts: list[str] | None = None) -> pd.DataFrame:
    """Keyword in context over the cleaned text ``docs.text``: doc_id, file, part, start, end, left,
    keyword, right. ``term`` is taken literally (regex-escaped); ``start``/``end`` are character
    offsets in ``docs.text``; ``left``/``right`` hold at most ``window`` characters (line breaks shown
    as spaces); ``part`` comes from the level-1 sections ("preamble" outside them); ``parts`` keeps
    the occurrences in those parts only.

    >>> kwic(corpus, "法律顾问", window=10)                      # doctest: +SKIP
    """
    if not term:
        raise ValueError("kwic needs a non-empty term")
    pat = _kwic_pattern(term)
    level1 = _level1(corpus)
    want = None if parts is None else set([parts] if isinstance(parts, str) else parts)
    rows = []
    docs = corpus.docs
    for doc_id, file, text in zip(docs["doc_id"], docs["file"], docs["text"].fillna(""), strict=True):
        spans = level1.get(doc_id, [])
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            part = _part_at(spans, s)
            if want is not None and part not in want:
                continue
            rows.append({"doc_id": doc_id, "file": file, "part": part, "start": s,
                         "end": e, "left": _flat(text[max(0, s - window):s]), "keyword": m.group(0),
                         "right": _flat(text[e:e + window])})
    return pd.DataFrame(rows, columns=["doc_id", "file", "part", "start", "end", "left", "keyword",
                                       "right"])


@lru_cache(maxsize=256)
def _kwic_pattern(term: str) -> re.Pattern:
    return re.compile(re.escape(term))


def _flat(s: str) -> str:
    return s.replace("\r", " ").replace("\n", " ").replace("\t", " ")
