"""Token n-grams of a corpus, vectorised over the shared token index (for terms and collocations).

A *run* is a stretch of word tokens (no punctuation) inside one token row (a document part): an
n-gram never crosses punctuation, a part or a document. Each n-gram of size k gets an integer id
per start position (``ids[k][i]``, -1 where no k-gram of word tokens starts at ``i``), and
``counts[k][id]`` its number of occurrences; ids are built by factorising (prefix id, last token)
pairs, so no string is made until a result is shown.

>>> g = Ngrams(token_index(corpus), max_size=4)          # doctest: +SKIP
>>> g.count(3)[g.ids(3)[i]]                              # doctest: +SKIP
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from fazhi.textstat._index import TokenIndex


def _factorize(keys: np.ndarray) -> tuple[np.ndarray, int]:
    codes, uniq = pd.factorize(keys, sort=False)
    return codes.astype(np.int32), len(uniq)


def unique_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``keys`` and how often each occurs (hash-based: faster than np.unique here)."""
    codes, uniq = pd.factorize(keys, sort=False)
    return np.asarray(uniq), np.bincount(codes, minlength=len(uniq))


class Ngrams:
    """The k-grams (k = 1 … ``max_size``) of word tokens of ``index``, counted once.

    ``rows``: restrict to these token rows (a subset); None = every row. ``min_count``: k-grams
    whose (k-1)-gram prefix or suffix occurs fewer times are not given an id (they cannot reach
    ``min_count`` themselves), which keeps large corpora fast.
    """

    def __init__(self, index: TokenIndex, *, max_size: int = 4, min_count: int = 1,
                 rows: np.ndarray | None = None) -> None:
        self.index = index
        codes = index.codes.astype(np.int32, copy=False)
        word = index.is_word[codes] if len(codes) else np.zeros(0, dtype=bool)
        n = len(codes)
        row_of = np.repeat(np.arange(len(index.indptr) - 1, dtype=np.int32), np.diff(index.indptr))
        if rows is not None:
            keep = np.zeros(len(index.indptr) - 1, dtype=bool)
            keep[np.asarray(rows, dtype=np.int64)] = True
            word = word & keep[row_of]
        self.codes, self.word, self.row_of, self.n = codes, word, row_of, n
        # run[i]: word tokens from i to the next punctuation or row end (0 on punctuation)
        is_break = np.ones(n + 1, dtype=bool)
        is_break[:n] = ~word
        is_break[index.indptr[1:]] = True
        breaks = np.flatnonzero(is_break)
        del is_break
        nxt = breaks[np.searchsorted(breaks, np.arange(n), side="right")] if n else breaks[:0]
        self.run = (np.where(word, nxt - np.arange(n), 0).astype(np.int32) if n
                    else np.zeros(0, dtype=np.int32))
        del nxt, breaks
        self.max_size = max_size
        self._ids: dict[int, np.ndarray] = {}
        self._counts: dict[int, np.ndarray] = {}
        ids1 = np.where(word, codes, -1).astype(np.int32)
        self._ids[1] = ids1
        self._counts[1] = np.bincount(codes[word], minlength=len(index.vocab))
        for k in range(2, max_size + 1):
            prev, cnt_prev = self._ids[k - 1], self._counts[k - 1]
            ok = self.run >= k
            if min_count > 1:
                pos = np.flatnonzero(ok)
                left = prev[pos]
                right = prev[pos + 1]
                padded = np.append(cnt_prev, 0)  # id -1 (none) has count 0
                good = (padded[left] >= min_count) & (padded[right] >= min_count)
                ok = np.zeros(n, dtype=bool)
                ok[pos[good]] = True
            pos = np.flatnonzero(ok)
            pos = pos[prev[pos] >= 0]
            key = prev[pos].astype(np.int64) * (len(index.vocab) + 1) + codes[pos + k - 1]
            local, m = _factorize(key)
            del key
            ids = np.full(n, -1, dtype=np.int32)
            ids[pos] = local
            self._ids[k] = ids
            self._counts[k] = np.bincount(local, minlength=m)

    def ids(self, k: int) -> np.ndarray:
        """Id of the k-gram starting at each position (-1: none)."""
        return self._ids[k]

    def count(self, k: int) -> np.ndarray:
        """Occurrences of each k-gram id."""
        return self._counts[k]

    def first_positions(self, k: int) -> np.ndarray:
        """A start position of each k-gram id (its first occurrence)."""
        ids = self._ids[k]
        pos = np.flatnonzero(ids >= 0)
        first = np.full(len(self._counts[k]), -1, dtype=np.int64)
        # reversed assignment keeps the first occurrence
        first[ids[pos][::-1]] = pos[::-1]
        return first

    def tokens(self, k: int, position: int) -> list[str]:
        """The k tokens starting at ``position``."""
        return [str(t) for t in self.index.vocab[self.codes[position:position + k]]]
