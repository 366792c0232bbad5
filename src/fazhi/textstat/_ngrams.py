"""Token n-grams of a corpus, vectorised over the shared token index (for terms and collocations).

A *segment* is a stretch of word tokens between punctuation marks inside one token row (a
document part): an n-gram never crosses punctuation, a part or a document. Reports repeat their
clauses word for word (set phrases, copied passages), so each distinct segment — its tokens and
the marks around it — is kept once with its *weight* (how often it occurs); every count below is
a weighted count, equal to counting every occurrence. Segments are told apart by a 64-bit hash of
(tokens, left mark, right mark).

Each n-gram of size k gets an integer id per start position of the distinct segments
(``ids(k)[i]``, -1 where no k-gram starts at ``i``) and ``count(k)[id]`` its occurrences.

>>> g = Ngrams(token_index(corpus), max_size=4)          # doctest: +SKIP
>>> g.count(3)[g.ids(3)[i]]                              # doctest: +SKIP
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from fazhi.textstat._index import TokenIndex

_P = np.uint64(0x9E3779B97F4A7C15)
_CHUNK = 2_000_000  # token positions per chunk when finding the distinct segments


def unique_counts(keys: np.ndarray, weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``keys`` and their (weighted) counts (hash-based: faster than np.unique)."""
    codes, uniq = pd.factorize(keys, sort=False)
    return np.asarray(uniq), np.bincount(codes, weights=weights, minlength=len(uniq))


def _segments(codes: np.ndarray, word: np.ndarray, row_start: np.ndarray):
    """Start, length, left and right mark (-1: a part's edge) of every segment."""
    n = len(codes)
    prev = np.zeros(n, dtype=bool)
    prev[1:] = word[:-1]
    prev[row_start] = False
    start = np.flatnonzero(word & ~prev)
    nxt = np.zeros(n, dtype=bool)
    nxt[:-1] = word[1:]
    nxt[row_start[row_start > 0] - 1] = False
    end = np.flatnonzero(word & ~nxt)
    del prev, nxt
    length = end - start + 1
    is_row_start = np.zeros(n + 1, dtype=bool)
    is_row_start[row_start] = True
    is_row_start[n] = True
    left = np.where(is_row_start[start], -1, codes[np.maximum(start - 1, 0)])
    right = np.where(is_row_start[end + 1], -1, codes[np.minimum(end + 1, n - 1)])
    return start, length, left.astype(np.int64), right.astype(np.int64)


def _hash(codes: np.ndarray, start: np.ndarray, length: np.ndarray, left: np.ndarray,
          right: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each segment's tokens and marks (Horner's rule, longest segments first)."""
    order = np.argsort(-length, kind="stable")
    ls, ss = length[order], start[order]
    h = np.zeros(len(order), dtype=np.uint64)
    asc = ls[::-1]
    with np.errstate(over="ignore"):
        for j in range(int(ls[0]) if len(ls) else 0):
            m = len(asc) - int(np.searchsorted(asc, j, side="right"))  # segments longer than j
            h[:m] = h[:m] * _P + codes[ss[:m] + j].astype(np.uint64)
        for extra in (ls, left[order] + 2, right[order] + 2):
            h = h * _P + extra.astype(np.uint64)
    out = np.empty_like(h)
    out[order] = h
    return out


class Ngrams:
    """The k-grams (k = 1 … ``max_size``) of word tokens of ``index``, counted once.

    ``rows``: restrict to these token rows (a subset); None = every row. ``min_count``: k-grams
    whose (k-1)-gram prefix or suffix occurs fewer times get no id (they cannot reach
    ``min_count`` themselves), which keeps large corpora fast.

    Attributes over the distinct segments' tokens: ``codes``, ``weight`` (occurrences of the
    position's segment), ``seg`` (segment id), ``run`` (tokens from here to the segment's end);
    per segment: ``seg_left`` / ``seg_right`` (the mark's token id, -1 at a part's edge); and
    ``seg_doc`` pairs (segment id, document code) for every document a segment occurs in.
    """

    def __init__(self, index: TokenIndex, *, max_size: int = 4, min_count: int = 1,
                 rows: np.ndarray | None = None) -> None:
        self.index = index
        all_codes = index.codes.astype(np.int32, copy=False)
        n_rows = len(index.indptr) - 1
        keep = None
        if rows is not None:
            keep = np.zeros(n_rows, dtype=bool)
            keep[np.asarray(rows, dtype=np.int64)] = True
        doc_code = pd.factorize(index.doc_id)[0].astype(np.int64)
        self.n_docs = int(doc_code.max(initial=-1)) + 1
        # distinct segments of each chunk of rows (bounded memory), then of the whole corpus
        parts = []
        r0 = 0
        while r0 < n_rows:
            p0 = int(index.indptr[r0])
            r1 = int(np.searchsorted(index.indptr, p0 + _CHUNK, side="right"))
            r1 = min(max(r1 - 1, r0 + 1), n_rows)
            parts.append(self._chunk(all_codes, index, keep, doc_code, r0, r1))
            r0 = r1
        if parts:
            keys = np.concatenate([q[0] for q in parts])
            uid, uniq = pd.factorize(keys, sort=False)
            n_seg = len(uniq)
            seg_weight = np.bincount(uid, weights=np.concatenate([q[1] for q in parts]),
                                     minlength=n_seg).astype(np.int64)
            del keys
            first = np.full(n_seg, -1, dtype=np.int64)
            first[uid[::-1]] = np.arange(len(uid))[::-1]
            rep_start = np.concatenate([q[2] for q in parts])[first]
            rep_len = np.concatenate([q[3] for q in parts])[first].astype(np.int64)
            self.seg_left = np.concatenate([q[4] for q in parts])[first].astype(np.int64)
            self.seg_right = np.concatenate([q[5] for q in parts])[first].astype(np.int64)
            # (segment, document) pairs: chunk-local segment numbers -> global ones
            offs = np.cumsum([0] + [len(q[0]) for q in parts])
            pair_seg = np.concatenate([uid[o + q[6]] for q, o in zip(parts, offs, strict=False)])
            pair_doc = np.concatenate([q[7] for q in parts]).astype(np.int64)
            pairs = pd.unique(pair_seg.astype(np.int64) * max(self.n_docs, 1) + pair_doc)
            self.n_segments = int(sum(q[8] for q in parts))
        else:
            n_seg, seg_weight = 0, np.zeros(0, dtype=np.int64)
            rep_start = rep_len = np.zeros(0, dtype=np.int64)
            self.seg_left = self.seg_right = np.zeros(0, dtype=np.int64)
            pairs = np.zeros(0, dtype=np.int64)
            self.n_segments = 0
        self.seg_doc = (pairs // max(self.n_docs, 1), pairs % max(self.n_docs, 1))
        # the distinct segments' tokens, one after another
        offsets = np.zeros(n_seg + 1, dtype=np.int64)
        np.cumsum(rep_len, out=offsets[1:])
        total = int(offsets[-1])
        seg = np.repeat(np.arange(n_seg, dtype=np.int32), rep_len)
        within = np.arange(total, dtype=np.int64) - offsets[seg]
        self.codes = all_codes[rep_start[seg] + within]
        self.run = (rep_len[seg] - within).astype(np.int32)
        self.seg = seg
        self.weight = seg_weight[seg].astype(np.int64)
        self.seg_start = offsets[:-1]
        self.n = total
        del within
        self.n_words = int(self.weight.sum())
        self.max_size = max_size
        self._ids: dict[int, np.ndarray] = {1: self.codes.astype(np.int32)}
        self._counts: dict[int, np.ndarray] = {
            1: np.bincount(self.codes, weights=self.weight,
                           minlength=len(index.vocab)).astype(np.int64)}
        width = len(index.vocab) + 1
        for k in range(2, max_size + 1):
            prev, cnt_prev = self._ids[k - 1], self._counts[k - 1]
            pos = np.flatnonzero(self.run >= k)
            if min_count > 1 and len(pos):
                padded = np.append(cnt_prev, 0)  # id -1 (none) counts 0
                pos = pos[(padded[prev[pos]] >= min_count) & (padded[prev[pos + 1]] >= min_count)]
            pos = pos[prev[pos] >= 0]
            local, uniq_k = pd.factorize(prev[pos].astype(np.int64) * width
                                         + self.codes[pos + k - 1], sort=False)
            ids = np.full(total, -1, dtype=np.int32)
            ids[pos] = local
            self._ids[k] = ids
            self._counts[k] = np.bincount(local, weights=self.weight[pos],
                                          minlength=len(uniq_k)).astype(np.int64)

    @staticmethod
    def _chunk(all_codes, index, keep, doc_code, r0: int, r1: int):
        """Distinct segments of the token rows r0 … r1-1: hash key, weight, start (global
        position), length, left/right mark, and the (segment, document) pairs."""
        p0, p1 = int(index.indptr[r0]), int(index.indptr[r1])
        codes = all_codes[p0:p1]
        word = index.is_word[codes] if len(codes) else np.zeros(0, dtype=bool)
        if keep is not None:
            word &= np.repeat(keep[r0:r1], np.diff(index.indptr[r0:r1 + 1]))
        ptr = index.indptr[r0:r1 + 1] - p0
        row_start = ptr[:-1][ptr[:-1] < len(codes)]
        start, length, left, right = _segments(codes, word, row_start)
        key = _hash(codes, start, length, left, right)
        uid, uniq = pd.factorize(key, sort=False)
        weight = np.bincount(uid, minlength=len(uniq)).astype(np.int32)
        first = np.full(len(uniq), -1, dtype=np.int64)
        first[uid[::-1]] = np.arange(len(uid))[::-1]
        docs = doc_code[r0 + np.searchsorted(ptr, start, side="right") - 1]
        pairs = pd.unique(uid.astype(np.int64) * (len(doc_code) + 1) + docs)
        i32 = np.int32
        return (np.asarray(uniq), weight, start[first] + p0, length[first].astype(i32),
                left[first].astype(i32), right[first].astype(i32),
                (pairs // (len(doc_code) + 1)).astype(i32),
                (pairs % (len(doc_code) + 1)).astype(i32), len(start))

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
        first[ids[pos][::-1]] = pos[::-1]
        return first

    def neighbours(self, pos: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The token before and after the k-grams at ``pos``: a word, the mark ending the
        segment, or -1 at a part's edge."""
        seg = self.seg[pos]
        at_start = pos == self.seg_start[seg]
        left = np.where(at_start, self.seg_left[seg], self.codes[np.maximum(pos - 1, 0)])
        at_end = self.run[pos] <= k
        right = np.where(at_end, self.seg_right[seg], self.codes[np.minimum(pos + k, self.n - 1)])
        return left, right

    def tokens(self, k: int, position: int) -> list[str]:
        """The k tokens starting at ``position``."""
        return [str(t) for t in self.index.vocab[self.codes[position:position + k]]]
