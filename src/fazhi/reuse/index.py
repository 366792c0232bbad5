"""The corpus index: which pairs of reports are worth aligning (no all-pairs comparison).

Document frequency of every fingerprint: the number of documents containing that ``k``-gram
anywhere (not only where winnowing selected it), and the first document (corpus order) that
contains it. A fingerprint in 2 to ``max_expand`` (10) documents makes every pair of them a
candidate pair (at most 45 pairs per fingerprint). A fingerprint in more documents is never
expanded into its pairs: each of its documents is paired with the first document containing it
only (its "reference"). So a passage in 5,000 reports costs 4,999 pairs, not 12.5 million, and the
work grows with the size of the corpus, not with its square.

>>> docs = [prepare(t, k=10, w=11) for t in ("全面推进依法行政工作扎实开展法治宣传教育活动",
...                                           "我镇全面推进依法行政工作扎实开展法治宣传教育活动")]
>>> pairs, index = candidate_pairs(docs, k=10, threshold=3, max_expand=10, include_boilerplate=True)
>>> pairs.tolist(), int(index.df.max())
([1], 2)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fazhi.reuse.fingerprint import fingerprints, kgram_hashes
from fazhi.reuse.text import class_text, normalise

if TYPE_CHECKING:
    import numpy as np


@dataclass
class Doc:
    """One report ready for the search: its class text, fingerprints and class values."""

    text: str               # class text (fazhi.reuse.text.class_text)
    hashes: np.ndarray | None   # winnowed fingerprints, sorted (until indexed: then ``key``)
    positions: np.ndarray   # their positions in ``text``
    cls_pos: np.ndarray     # positions of the class characters in ``text``
    cls_val: str            # their values, each followed by "\x1f"
    cls_off: np.ndarray     # where each value starts in ``cls_val`` (+ the end)
    key: np.ndarray | None = None    # per fingerprint: its index in ``Index.keys``
    ref: np.ndarray | None = None    # per fingerprint: first document (corpus order) containing it
    small: np.ndarray | None = None  # per fingerprint: in 2 .. max_expand documents

    def value(self, i: int) -> str:
        """What the class character at position ``i`` of ``text`` stands for ("" if none)."""
        import numpy as np

        j = int(np.searchsorted(self.cls_pos, i))
        if j < len(self.cls_pos) and self.cls_pos[j] == i:
            return self.cls_val[self.cls_off[j]:self.cls_off[j + 1] - 1]
        return ""

    def literal_len(self, s: int, e: int) -> int:
        """How many characters ``text[s:e]`` stands for (class values in full, no line breaks)."""
        import numpy as np

        lo, hi = np.searchsorted(self.cls_pos, [s, e])
        extra = int(self.cls_off[hi] - self.cls_off[lo]) - 2 * int(hi - lo) if hi > lo else 0
        return e - s - self.text.count("\n", s, e) + extra

    def literal(self, s: int, e: int) -> str:
        """``text[s:e]`` with its class characters replaced by their values (line breaks dropped)."""
        import numpy as np

        t = self.text[s:e]
        lo, hi = np.searchsorted(self.cls_pos, [s, e])
        if lo == hi:
            return t.replace("\n", "")
        out, pos = [], s
        for j in range(int(lo), int(hi)):
            p = int(self.cls_pos[j])
            out += [self.text[pos:p], self.cls_val[self.cls_off[j]:self.cls_off[j + 1] - 1]]
            pos = p + 1
        out.append(self.text[pos:e])
        return "".join(out).replace("\n", "")


@dataclass
class Index:
    """The distinct fingerprints of a corpus (sorted) and the number of documents containing each."""

    keys: np.ndarray
    df: np.ndarray


def prepare(text: str, *, k: int, w: int, names: Iterable[str] = (), norm: str | None = None) -> Doc:
    """A :class:`Doc` from a cleaned text (or its normalised form ``norm``, when at hand) and the
    report's own place names."""
    import numpy as np

    ct = class_text(normalise(text or "")[0] if norm is None else norm, names)
    vals = "".join(v + "\x1f" for v in ct.values)
    off = np.zeros(len(ct.values) + 1, dtype=np.int32)
    if ct.values:
        off[1:] = np.cumsum([len(v) + 1 for v in ct.values])
    return Doc(ct.text, *fingerprints(ct.text, k=k, w=w), ct.positions, vals, off)


def empty_doc() -> Doc:
    """A document that takes part in nothing (a duplicate stands in for its first copy)."""
    import numpy as np

    e32 = np.empty(0, np.int32)
    return Doc("", np.empty(0, np.uint64), e32, e32, "", np.zeros(1, np.int32))


def _contained(text: str, k: int, keys: np.ndarray) -> np.ndarray:
    """Indices in ``keys`` (sorted fingerprints) of the distinct k-grams of ``text``."""
    import numpy as np

    h = np.unique(kgram_hashes(text, k))
    if not len(h):
        return np.empty(0, np.int64)
    g = np.searchsorted(keys, h)
    g[g == len(keys)] = 0
    return g[keys[g] == h]


def candidate_pairs(docs: list[Doc], *, k: int, threshold: int, max_expand: int,
                    include_boilerplate: bool) -> tuple[np.ndarray, Index]:
    """The candidate pairs ``a * n + b`` (``a < b``), sorted, and the :class:`Index`: all pairs of a
    fingerprint's documents when it is in at most ``max_expand`` documents, else each of its
    documents with its first document (skipped for fingerprints in ``threshold`` documents or more
    unless ``include_boilerplate``). Each document gets ``key``, ``ref`` and ``small`` for its
    fingerprints (its ``hashes`` are dropped: ``Index.keys[doc.key]`` are they)."""
    import numpy as np

    n = len(docs)
    if docs:
        keys = np.concatenate([d.hashes for d in docs])
        keys.sort()  # in place, then unique without another sorted copy
        keys = keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys
    else:
        keys = np.empty(0, np.uint64)
    if not len(keys):
        for d in docs:
            d.key = d.ref = np.empty(0, np.int32)
            d.small = np.empty(0, bool)
            d.hashes = None
        return np.empty(0, np.int64), Index(keys, np.empty(0, np.int32))
    # which documents contain each fingerprint anywhere: counts and first documents in one pass
    sizes = np.zeros(len(keys), dtype=np.int32)
    first = np.full(len(keys), -1, dtype=np.int32)
    for i, d in enumerate(docs):
        g = _contained(d.text, k, keys)
        sizes[g] += 1
        g = g[first[g] < 0]
        first[g] = i
    for d in docs:
        g = np.searchsorted(keys, d.hashes)
        d.key, d.ref, d.hashes = g.astype(np.int32), first[g], None
        df = sizes[g]
        d.small = (df >= 2) & (df <= max_expand)
    # ... then the members of the small groups only, in a second pass
    small = (sizes >= 2) & (sizes <= max_expand)
    groups, members = [], []
    for i, d in enumerate(docs):
        g = _contained(d.text, k, keys)
        g = g[small[g]]
        groups.append(g)
        members.append(np.full(len(g), i, dtype=np.int32))
    del small, first
    G = np.concatenate(groups)
    order = np.argsort(G, kind="stable")  # documents stay in corpus order within a group
    G, D = G[order], np.concatenate(members)[order]
    del groups, members, order
    starts = np.flatnonzero(np.r_[True, G[1:] != G[:-1]]) if len(G) else np.empty(0, np.int64)
    gsize = sizes[G[starts]] if len(G) else np.empty(0, np.int32)
    pairs = []
    for m in range(2, max_expand + 1):  # small groups: every pair (vectorised by group size)
        g = starts[gsize == m]
        if len(g):
            mem = D[g[:, None] + np.arange(m)].astype(np.int64)
            ii, jj = np.triu_indices(m, 1)
            pairs.append(np.unique(mem[:, ii] * n + mem[:, jj]))
    del G, D
    if ((sizes > max_expand) & (include_boilerplate | (sizes < threshold))).any():
        # larger groups: each document with the group's first document
        for i, d in enumerate(docs):
            df = sizes[d.key]
            refs = d.ref[(df > max_expand) & (include_boilerplate | (df < threshold))]
            refs = np.unique(refs[refs != i]).astype(np.int64)
            if len(refs):
                pairs.append(refs * n + i)
    index = Index(keys, sizes)
    if not pairs:
        return np.empty(0, np.int64), index
    return np.unique(np.concatenate(pairs)), index
