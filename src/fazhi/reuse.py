"""Copy-paste (text reuse) detection: passages shared verbatim or nearly verbatim between reports.

How it works (no all-pairs alignment; memory grows with the corpus, not with its square):

1. Normalise each document's cleaned text: keep letters and digits only (punctuation, symbols and
   whitespace dropped), full-width ASCII mapped to half width, ASCII lower-cased; line breaks are
   kept as a separator, so a passage never runs from the end of one paragraph into a heading that
   happens to match (作用。\n（五 / 作用。五是). An offset array maps every kept character back to
   ``docs.text``.
2. Fingerprint: hash every character ``k``-gram (``k = 10`` for ``min_length=20``) with numpy and keep
   the minimum of every window of ``w = min_length - k + 1`` consecutive hashes (winnowing). Any shared
   stretch of ``min_length`` normalised characters is guaranteed to share a fingerprint.
3. Document frequency of every fingerprint: the number of documents containing that ``k``-gram
   anywhere (not only where winnowing selected it), and the first document (corpus order) that
   contains it. A fingerprint in 2 to ``max_expand`` (10) documents makes every pair of them a
   candidate pair (at most 45 pairs per fingerprint). A fingerprint in more documents is never
   expanded into its pairs: each of its documents is paired with the first document containing it
   only (its "reference"). So a passage in 5,000 reports costs 4,999 pairs, not 12.5 million, and
   the total work grows with the size of the corpus, not with its square. When
   ``include_boilerplate=False`` the reference pairs of frequent fingerprints are skipped entirely.
4. Per candidate pair: the shared fingerprints that justify the pair are anchors; each is extended
   left and right over the normalised texts (exact comparison, so hash collisions cannot create
   matches) into a maximal exact match. Near-verbatim rule: two exact matches that follow each
   other in both documents with at most ``max_gap`` (10) normalised characters between them in
   each (a changed place name, a different number, a typo, a short insertion) are one passage, and
   a passage's ends also grow over such a gap when at least 6 identical characters follow in both
   documents; a gap never crosses a line break. Passages shorter than ``min_length`` are dropped, as
   are passages contained in another passage of the same pair.
5. A passage is boilerplate when at least half of its fingerprints are in ``boilerplate_docs``
   documents or more (default ``max(3, min(50, ceil(n / 100)))``), or when at least half of its
   characters are known slogans (``fazhi/data/slogans.txt``: 习近平新时代中国特色社会主义思想,
   两个维护, 四个意识 ...).
6. Which pairs list a passage: all pairs of its documents when its fingerprints are in at most
   ``max_expand`` documents; otherwise (a boilerplate passage, or one in more than ``max_expand``
   documents) only each document's pair with the reference document. Reuse shares are exact either
   way (a character counts once it is shared with any other document); ``partners`` then counts
   the reference documents only.

A document never "reuses" itself: repeated paragraphs inside one report are not reported.

>>> passages = textstat_reuse(corpus)                        # doctest: +SKIP
>>> passages.query("not boilerplate")[["file_a", "file_b", "length", "text"]].head()  # doctest: +SKIP
>>> textstat_reuse_share(corpus, passages).sort_values("share")   # doctest: +SKIP
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from fazhi.deprecation import renamed_arguments

if TYPE_CHECKING:  # pandas/numpy are imported when first needed
    import numpy as np
    import pandas as pd

    from fazhi.corpus import Corpus

PASSAGE_COLUMNS = ["doc_a", "doc_b", "file_a", "file_b", "text", "start_a", "end_a", "start_b",
                   "end_b", "length", "boilerplate"]
SHARE_COLUMNS = ["doc_id", "file", "n_chars", "reused_chars", "share", "partners"]

BOILERPLATE_SHARE = 0.01   # default threshold: max(3, 1 % of the documents), capped at ...
BOILERPLATE_CAP = 50       # ... 50 documents, so a fingerprint expands into <= 1,225 pairs
MAX_GAP = 10               # normalised characters between two exact matches joined into one passage
MAX_EXPAND = 10            # a fingerprint in more documents pairs each with its first document only
MAX_POSITIONS = 8          # anchors per fingerprint and document (repeated paragraphs)


def default_boilerplate_docs(n_docs: int) -> int:
    """The default boilerplate threshold for a corpus of ``n_docs`` documents.

    ``max(3, min(50, ceil(n_docs / 100)))``: 3 for up to 300 reports, 1 % of the corpus above,
    never more than 50 documents (which bounds the candidate pairs of one fingerprint).
    >>> default_boilerplate_docs(5), default_boilerplate_docs(1000), default_boilerplate_docs(10000)
    (3, 10, 50)
    """
    return max(3, min(BOILERPLATE_CAP, math.ceil(n_docs * BOILERPLATE_SHARE)))


# ---------------------------------------------------------------- normalisation


@lru_cache(maxsize=1)
def _tables():
    """Lookup tables over the BMP: is a code point kept, and its normalised code point."""
    import numpy as np

    keep = np.fromiter((chr(i).isalnum() for i in range(0x10000)), dtype=bool, count=0x10000)
    keep[0xD800:0xE000] = False  # surrogates
    sep = keep.copy()
    sep[ord("\n")] = True        # kept by normalise() as a paragraph separator
    norm = np.arange(0x10000, dtype=np.uint32)
    norm[0xFF01:0xFF5F] -= 0xFEE0                     # full-width ASCII -> ASCII
    upper = (norm >= ord("A")) & (norm <= ord("Z"))
    norm[upper] += 32                                 # ASCII upper -> lower (after width)
    return keep, sep, norm


def _codepoints(text: str) -> np.ndarray:
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le"), dtype="<u4")


def normalise(text: str) -> tuple[str, np.ndarray]:
    """``(normalised, offsets)``: letters and digits only, full width -> half width, ASCII lower case,
    line breaks kept; ``offsets[i]`` is the index in ``text`` of the ``i``-th normalised character.

    >>> normalise("坚持“村帐镇管”， 完善ＡＢ\n")[0]
    '坚持村帐镇管完善ab\n'
    """
    import numpy as np

    _, keep, norm = _tables()
    cp = _codepoints(text)
    big = cp >= 0x10000
    mask = keep[np.where(big, 0, cp)]
    if big.any():  # astral letters (rare CJK extensions) are kept
        mask |= big & np.array([chr(c).isalnum() for c in cp], dtype=bool)
    pos = np.flatnonzero(mask).astype(np.int32)
    kept = cp[pos]
    kept = np.where(kept < 0x10000, norm[np.minimum(kept, 0xFFFF)], kept).astype("<u4")
    return kept.tobytes().decode("utf-32-le"), pos


def _gram_size(min_length: int) -> int:
    return max(4, min(10, min_length // 2))


def kgram_hashes(norm: str, k: int) -> np.ndarray:
    """64-bit hashes of every ``k``-gram of a normalised text (numpy, no Python loop per character)."""
    import numpy as np

    n = len(norm) - k + 1
    if n <= 0:
        return np.empty(0, np.uint64)
    cp = _codepoints(norm).astype(np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    base = np.uint64(1_000_003)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * base + cp[j:j + n]
        # mix the bits (splitmix64 finaliser) so that minima are not biased towards low code points
        h ^= h >> np.uint64(30)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(27)
        h *= np.uint64(0x94D049BB133111EB)
        h ^= h >> np.uint64(31)
    return h


def fingerprints(norm: str, *, k: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Winnowed ``k``-gram hashes of a normalised text: ``(hashes, positions)`` sorted by hash.

    Every window of ``w`` consecutive ``k``-grams contributes its minimum hash (the leftmost one on a
    tie), so any shared substring of ``k + w - 1`` characters shares at least one fingerprint.
    """
    import numpy as np

    h = kgram_hashes(norm, k)
    n = len(h)
    if n == 0:
        return np.empty(0, np.uint64), np.empty(0, np.int32)
    if n <= w:
        pos = np.array([int(np.argmin(h))], dtype=np.int32)
    else:
        win = np.lib.stride_tricks.sliding_window_view(h, w)
        pos = np.unique(np.argmin(win, axis=1) + np.arange(n - w + 1)).astype(np.int32)
    hashes = h[pos]
    order = np.argsort(hashes, kind="stable")
    return hashes[order], pos[order]


# ---------------------------------------------------------------- slogans


@lru_cache(maxsize=4)
def _slogan_pattern(path: str | None = None) -> re.Pattern | None:
    """One compiled alternation of the normalised slogans (longest first)."""
    from fazhi.read import data_path, read_lines

    items = {n for _, s in read_lines(Path(path) if path else data_path("slogans.txt"))
             if (n := normalise(s)[0])}
    if not items:
        return None
    return re.compile("|".join(re.escape(s) for s in sorted(items, key=len, reverse=True)))


def slogan_chars(norm: str, *, slogans: str | Path | None = None) -> int:
    """How many characters of a normalised text lie in known slogans.

    >>> slogan_chars(normalise("坚持以习近平新时代中国特色社会主义思想为指导")[0])
    16
    """
    pat = _slogan_pattern(str(slogans) if slogans else None)
    return 0 if pat is None else sum(m.end() - m.start() for m in pat.finditer(norm))


# ---------------------------------------------------------------- pairwise extension


def _extend_right(a: str, b: str, i: int, j: int) -> int:
    """Largest ``n`` with ``a[i:i+n] == b[j:j+n]`` (galloping over C-level slice comparisons)."""
    n_max = min(len(a) - i, len(b) - j)
    lo, step = 0, 16
    while True:
        hi = min(lo + step, n_max)
        if a[i + lo:i + hi] != b[j + lo:j + hi]:
            break
        lo = hi
        if lo == n_max:
            return lo
        step *= 2
    while hi - lo > 1:  # a[i:i+lo] == b[j:j+lo], a[i:i+hi] != b[j:j+hi]
        mid = (lo + hi) // 2
        if a[i + lo:i + mid] == b[j + lo:j + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def _extend_left(a: str, b: str, i: int, j: int) -> int:
    """Largest ``n`` with ``a[i-n:i] == b[j-n:j]``."""
    n_max = min(i, j)
    lo, step = 0, 16
    while True:
        hi = min(lo + step, n_max)
        if a[i - hi:i - lo] != b[j - hi:j - lo]:
            break
        lo = hi
        if lo == n_max:
            return lo
        step *= 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[i - mid:i - lo] == b[j - mid:j - lo]:
            lo = mid
        else:
            hi = mid
    return lo


def _exact_matches(a: str, b: str, anchors: Iterable[tuple[int, int]], k: int) -> list[list[int]]:
    """Maximal exact matches ``[sa, ea, sb, eb]`` grown from the anchors (sorted by diagonal)."""
    out = []
    diag, end = None, -1
    for xa, xb in anchors:
        d = xa - xb
        if d == diag and xa < end:
            continue  # inside the match already grown on this diagonal
        if a[xa:xa + k] != b[xb:xb + k]:
            continue  # hash collision
        left = _extend_left(a, b, xa, xb)
        right = _extend_right(a, b, xa + k, xb + k)
        sa, ea = xa - left, xa + k + right
        while sa < ea and a[sa] == "\n":
            sa += 1
        while ea > sa and a[ea - 1] == "\n":
            ea -= 1
        if ea - sa < k:
            continue
        out.append([sa, ea, sa - d, ea - d])
        diag, end = d, ea
    return out


def _fuzzy_right(a: str, b: str, m: list[int], max_gap: int, seed: int) -> bool:
    """Grow passage ``m`` to the right over a gap of at most ``max_gap`` characters in each document
    (no line break in it) when at least ``seed`` identical characters follow in both."""
    ea, eb = m[1], m[3]
    for ga in range(max_gap + 1):
        piece = a[ea + ga:ea + ga + seed]
        if len(piece) < seed or "\n" in piece or "\n" in a[ea:ea + ga]:
            return False
        j = b.find(piece, eb, eb + max_gap + seed)
        if j >= 0 and "\n" not in b[eb:j]:
            n = seed + _extend_right(a, b, ea + ga + seed, j + seed)
            m[1], m[3] = ea + ga + n, j + n
            return True
    return False


def _fuzzy_left(a: str, b: str, m: list[int], max_gap: int, seed: int) -> bool:
    """As :func:`_fuzzy_right`, to the left."""
    sa, sb = m[0], m[2]
    for ga in range(max_gap + 1):
        if sa - ga - seed < 0:
            return False
        piece = a[sa - ga - seed:sa - ga]
        if "\n" in piece or "\n" in a[sa - ga:sa]:
            return False
        j = b.rfind(piece, max(0, sb - max_gap - seed), sb)
        if j >= 0 and "\n" not in b[j + seed:sb]:
            n = seed + _extend_left(a, b, sa - ga - seed, j)
            m[0], m[2] = sa - ga - n, j + seed - n
            return True
    return False


def _join(matches: list[list[int]], a: str, b: str, *, max_gap: int, min_length: int,
          seed: int = 6) -> list[list[int]]:
    """Join exact matches that follow each other in both documents with small gaps, grow the ends
    over small gaps followed by ``seed`` identical characters; drop short and contained passages."""
    if not matches:
        return []
    matches = sorted(matches)
    joined: list[list[int]] = []
    for m in matches:
        for cur in reversed(joined[-4:]):
            ga, gb = m[0] - cur[1], m[2] - cur[3]
            if -max_gap <= ga <= max_gap and -max_gap <= gb <= max_gap and \
                    m[1] > cur[1] and m[3] > cur[3]:
                cur[1], cur[3] = m[1], m[3]
                break
        else:
            joined.append(list(m))
    if max_gap > 0:
        for m in joined:
            while _fuzzy_right(a, b, m, max_gap, seed):
                pass
            while _fuzzy_left(a, b, m, max_gap, seed):
                pass
    keep = [m for m in joined if m[1] - m[0] >= min_length and m[3] - m[2] >= min_length]
    keep.sort(key=lambda m: (m[0] - m[1], m[0]))  # longest first
    out: list[list[int]] = []
    for m in keep:
        if not any(o[0] <= m[0] and m[1] <= o[1] and o[2] <= m[2] and m[3] <= o[3] for o in out):
            out.append(m)
    out.sort()
    return out


# ---------------------------------------------------------------- the corpus-level search


@dataclass
class _Doc:
    norm: str
    hashes: np.ndarray      # winnowed fingerprints, sorted
    positions: np.ndarray   # their positions in ``norm``
    df: np.ndarray | None = None     # per fingerprint: documents containing it
    ref: np.ndarray | None = None    # per fingerprint: first document (corpus order) containing it
    small: np.ndarray | None = None  # per fingerprint: in 2 .. max_expand documents


def _prepare(texts: Iterable[str], k: int, w: int) -> list[_Doc]:
    docs = []
    for text in texts:
        norm, _ = normalise(text or "")
        docs.append(_Doc(norm, *fingerprints(norm, k=k, w=w)))
    return docs


def _contained(norm: str, k: int, keys: np.ndarray) -> np.ndarray:
    """Indices in ``keys`` (sorted fingerprints) of the distinct k-grams of ``norm``."""
    import numpy as np

    h = np.unique(kgram_hashes(norm, k))
    if not len(h):
        return np.empty(0, np.int64)
    g = np.searchsorted(keys, h)
    g[g == len(keys)] = 0
    return g[keys[g] == h]


def _index(docs: list[_Doc], *, k: int, threshold: int, max_expand: int,
           include_boilerplate: bool) -> np.ndarray:
    """Document frequency and first document of every fingerprint; the candidate pairs
    ``a * n + b`` (``a < b``): all pairs of a fingerprint's documents when it is in at most
    ``max_expand`` documents, else each of its documents with its first document."""
    import numpy as np

    n = len(docs)
    keys = np.unique(np.concatenate([d.hashes for d in docs])) if docs else np.empty(0, np.uint64)
    if not len(keys):
        for d in docs:
            d.df = d.ref = np.empty(0, np.int32)
            d.small = np.empty(0, bool)
        return np.empty(0, np.int64)
    # which documents contain each fingerprint anywhere (not only where winnowing selected it):
    # counts and first documents in one pass (memory: one number per fingerprint) ...
    sizes = np.zeros(len(keys), dtype=np.int32)
    first = np.full(len(keys), -1, dtype=np.int32)
    for i, d in enumerate(docs):
        g = _contained(d.norm, k, keys)
        sizes[g] += 1
        g = g[first[g] < 0]
        first[g] = i
    for d in docs:
        g = np.searchsorted(keys, d.hashes)
        d.df, d.ref = sizes[g], first[g]
        d.small = (d.df >= 2) & (d.df <= max_expand)
    # ... then the members of the small groups only, in a second pass
    small = (sizes >= 2) & (sizes <= max_expand)
    groups, members = [], []
    for i, d in enumerate(docs):
        g = _contained(d.norm, k, keys)
        g = g[small[g]]
        groups.append(g)
        members.append(np.full(len(g), i, dtype=np.int32))
    del keys
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
            members = D[g[:, None] + np.arange(m)].astype(np.int64)
            ii, jj = np.triu_indices(m, 1)
            pairs.append(np.unique(members[:, ii] * n + members[:, jj]))
    big = (sizes > max_expand) & (include_boilerplate | (sizes < threshold))
    if big.any():  # larger groups: each document with the group's first document
        del sizes, first
        for i, d in enumerate(docs):
            refs = d.ref[(d.df > max_expand) & (include_boilerplate | (d.df < threshold))]
            refs = np.unique(refs[refs != i]).astype(np.int64)
            if len(refs):
                pairs.append(refs * n + i)
    if not pairs:
        return np.empty(0, np.int64)
    return np.unique(np.concatenate(pairs))


def _pair_passages(ia: int, da: _Doc, db: _Doc, a_grams: tuple, *, k: int, min_length: int, max_gap: int,
                   threshold: int, max_expand: int, slogans) -> list[list]:
    """Passages ``[sa, ea, sb, eb, length, boilerplate]`` (normalised offsets) of one pair."""
    import numpy as np

    # anchors: fingerprints of small groups, and of larger groups whose first document is ``a``
    # looked up among all k-grams of ``a`` (``a_grams``: sorted hashes and their positions), so an
    # anchor is found even where winnowing did not select the k-gram in ``a``
    sel = np.flatnonzero(db.small | (db.ref == ia))
    hb = db.hashes[sel]
    a_hashes, a_positions = a_grams
    lo = np.searchsorted(a_hashes, hb, "left")
    hi = np.searchsorted(a_hashes, hb, "right")
    hit = np.flatnonzero(hi > lo)
    if not len(hit):
        return []
    cnt = np.minimum(hi[hit] - lo[hit], MAX_POSITIONS)
    offs = np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    xa = a_positions[np.repeat(lo[hit], cnt) + offs].astype(np.int64)
    xb = db.positions[np.repeat(sel[hit], cnt)].astype(np.int64)
    order = np.argsort((xa - xb) * (1 << 32) + xa)
    anchors = zip(xa[order].tolist(), xb[order].tolist(), strict=True)
    out = []
    for sa, ea, sb, eb in _join(_exact_matches(da.norm, db.norm, anchors, k), da.norm, db.norm,
                                max_gap=max_gap, min_length=min_length):
        length = ea - sa - da.norm.count("\n", sa, ea)
        if length < min_length:
            continue
        inside = (da.positions >= sa) & (da.positions <= ea - k)
        f_df, f_ref = da.df[inside], da.ref[inside]
        n_fp = len(f_df)
        frequent = n_fp > 0 and 2 * int(np.count_nonzero(f_df >= threshold)) >= n_fp
        # which pairs list the passage: all pairs of its documents when its fingerprints are in
        # small groups; else (frequent or large groups) the pairs with the first document only
        large = f_df > max_expand
        if not large.all() and (not frequent or not large.any()):
            emit = True
        else:
            emit = bool((large & (f_ref == ia)).any())
        if emit:
            boilerplate = frequent or 2 * slogan_chars(da.norm[sa:ea], slogans=slogans) >= length
            out.append([sa, ea, sb, eb, length, boilerplate])
    return out


@renamed_arguments(min_chars="min_length")
def textstat_reuse(corpus: Corpus, *, min_length: int = 20, boilerplate_docs: int | None = None,
                   include_boilerplate: bool = True, max_gap: int = MAX_GAP,
                   max_expand: int = MAX_EXPAND, slogans: str | Path | None = None) -> pd.DataFrame:
    """Passages shared by two documents: one row per maximal shared passage per document pair.

    Columns: ``doc_a``, ``doc_b`` (doc ids, ``doc_a`` first in corpus order), ``file_a``, ``file_b``,
    ``text`` (the passage as written in ``doc_a``), ``start_a``, ``end_a``, ``start_b``, ``end_b``
    (character offsets into ``docs.text``: ``text_a[start_a:end_a]`` is the passage), ``length``
    (characters of the passage in ``doc_a`` without punctuation/whitespace) and ``boilerplate``.

    - Matching ignores punctuation, symbols, whitespace, full/half width and ASCII case.
    - Near-verbatim passages: exact matches that follow each other in both documents with at most
      ``max_gap`` (10) characters between them in each document are one passage (a changed place
      name 亭江镇/西联镇, a number 209件/17件, a typo 机治/机制).
    - ``boilerplate_docs``: a passage whose fingerprints occur in at least this many documents is
      boilerplate (default :func:`default_boilerplate_docs`: ``max(3, min(50, ceil(n / 100)))``);
      so is a passage made mainly of slogans (``slogans``: a file like ``fazhi/data/slogans.txt``).
      Such frequent passages are never expanded into all pairs of their documents: each document
      is paired with the first document that contains the passage (see the module docstring).
    - ``max_expand``: a passage in more documents than this (10) is listed once per document,
      against the first document containing it, instead of for all pairs (bounds the work).
    - ``min_length``: the shortest passage reported, in characters without punctuation (the
      ``length`` column); at least 2.
    - ``include_boilerplate=False`` leaves boilerplate rows out (and skips their search).

    Bad options (``min_length < 2``, ``boilerplate_docs < 2``) raise ``ValueError``.

    >>> p = textstat_reuse(corpus)                              # doctest: +SKIP
    >>> p.loc[~p.boilerplate, ["file_a", "file_b", "length", "text"]]   # doctest: +SKIP
                                 file_a    file_b  length  text
    0  2019-guangdong-...xilian.txt  2020-...txt     109  及时更新政务公开栏目信息，及时发布…
    """
    import numpy as np
    import pandas as pd

    if min_length < 2:
        raise ValueError(f"min_length must be at least 2, not {min_length}")
    if boilerplate_docs is not None and boilerplate_docs < 2:
        raise ValueError(f"boilerplate_docs must be at least 2, not {boilerplate_docs}")
    docs_df = corpus.docs
    n = len(docs_df)
    threshold = boilerplate_docs if boilerplate_docs is not None else default_boilerplate_docs(n)
    threshold = max(2, int(threshold))
    k = _gram_size(min_length)
    w = max(1, min_length - k + 1)
    texts = docs_df["text"].fillna("").tolist() if n else []
    docs = _prepare(texts, k, w)
    pairs = _index(docs, k=k, threshold=threshold, max_expand=max_expand,
                   include_boilerplate=include_boilerplate)
    rows = array("q")  # flat: ia, ib, sa, ea, sb, eb, length, boilerplate per passage
    current, a_grams = -1, None
    for code in pairs.tolist():
        ia, ib = divmod(code, n)
        if ia != current:  # pairs come sorted by their first document
            h = kgram_hashes(docs[ia].norm, k)
            o = np.argsort(h, kind="stable")
            current, a_grams = ia, (h[o], o.astype(np.int32))
        for sa, ea, sb, eb, length, bp in _pair_passages(
                ia, docs[ia], docs[ib], a_grams, k=k, min_length=min_length, max_gap=max_gap,
                threshold=threshold, max_expand=max_expand, slogans=slogans):
            if include_boilerplate or not bp:
                rows.extend((ia, ib, sa, ea, sb, eb, length, bp))
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
            PASSAGE_COLUMNS, ["object"] * 5 + ["int64"] * 5 + ["bool"], strict=True)})
    flat = np.frombuffer(rows, dtype=np.int64).reshape(-1, 8)
    arr, bps = flat[:, :7], flat[:, 7].astype(bool)
    del docs
    # normalised -> original offsets, one document at a time
    starts_a = np.empty(len(arr), np.int64)
    ends_a = np.empty(len(arr), np.int64)
    starts_b = np.empty(len(arr), np.int64)
    ends_b = np.empty(len(arr), np.int64)
    for col, (s_out, e_out, s_in, e_in) in ((0, (starts_a, ends_a, 2, 3)),
                                            (1, (starts_b, ends_b, 4, 5))):
        ids = arr[:, col]
        order = np.argsort(ids, kind="stable")
        bounds = np.flatnonzero(np.r_[True, ids[order][1:] != ids[order][:-1], True])
        for s, e in zip(bounds[:-1], bounds[1:], strict=True):
            sel = order[s:e]
            _, pos = normalise(texts[int(ids[sel[0]])])
            s_out[sel] = pos[arr[sel, s_in]]
            e_out[sel] = pos[arr[sel, e_in] - 1] + 1
    doc_ids = docs_df["doc_id"].to_numpy()
    files = docs_df["file"].to_numpy()
    ia, ib = arr[:, 0], arr[:, 1]
    # the passage texts in chunks, so that never more than one chunk is held as Python strings
    chunks = []
    for i in range(0, len(arr), 100_000):
        sl = slice(i, i + 100_000)
        chunks.append(pd.Series([texts[a][s:e] for a, s, e in zip(
            ia[sl].tolist(), starts_a[sl].tolist(), ends_a[sl].tolist(), strict=True)], dtype="str"))
    text = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]
    del chunks
    return pd.DataFrame({
        "doc_a": doc_ids[ia], "doc_b": doc_ids[ib], "file_a": files[ia], "file_b": files[ib],
        "text": text.to_numpy() if text.dtype == object else text.array,
        "start_a": starts_a, "end_a": ends_a, "start_b": starts_b, "end_b": ends_b,
        "length": arr[:, 6], "boilerplate": bps,
    })


@renamed_arguments(include_boilerplate="count_boilerplate")
def textstat_reuse_share(corpus: Corpus, passages: pd.DataFrame | None = None, *,
                         count_boilerplate: bool = False) -> pd.DataFrame:
    """Each document's reuse share: the part of its text found in passages shared with another
    document (overlapping passages counted once).

    Columns: ``doc_id``, ``file``, ``n_chars`` (characters without punctuation/whitespace, as in
    ``length`` of :func:`textstat_reuse`), ``reused_chars`` (of those, covered by a shared passage),
    ``share`` (``reused_chars / n_chars``, 0 for an empty text), ``partners`` (number of other
    documents sharing a counted passage with it). Boilerplate passages do not count as reuse
    unless ``count_boilerplate``; a boilerplate passage's partners are only its reference
    documents. ``passages``: the output of :func:`textstat_reuse` (computed with its defaults
    when None).

    >>> textstat_reuse_share(corpus).sort_values("share", ascending=False).head()  # doctest: +SKIP
         doc_id                          file  n_chars  reused_chars  share  partners
    """
    import numpy as np
    import pandas as pd

    if passages is None:
        passages = textstat_reuse(corpus, include_boilerplate=count_boilerplate)
    if not count_boilerplate:
        passages = without_boilerplate(passages)
    spans: dict[str, list[tuple[int, int]]] = {}
    partners: dict[str, set] = {}
    for a, b, sa, ea, sb, eb in zip(passages["doc_a"], passages["doc_b"], passages["start_a"],
                                    passages["end_a"], passages["start_b"], passages["end_b"],
                                    strict=True):
        spans.setdefault(a, []).append((int(sa), int(ea)))
        spans.setdefault(b, []).append((int(sb), int(eb)))
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    keep, _, _ = _tables()
    rows = []
    for doc_id, file, text in zip(corpus.docs["doc_id"], corpus.docs["file"],
                                  corpus.docs["text"].fillna(""), strict=True):
        cp = _codepoints(text)
        mask = keep[np.minimum(cp, 0xFFFF)] | (cp > 0xFFFF)
        total = int(mask.sum())
        covered = 0
        if doc_id in spans and total:
            diff = np.zeros(len(text) + 1, dtype=np.int32)
            for s, e in spans[doc_id]:
                diff[s] += 1
                diff[e] -= 1
            covered = int(np.count_nonzero(mask & (np.cumsum(diff[:-1]) > 0)))
        rows.append((doc_id, file, total, covered, covered / total if total else 0.0,
                     len(partners.get(doc_id, ()))))
    return pd.DataFrame(rows, columns=SHARE_COLUMNS).astype(
        {"n_chars": "int64", "reused_chars": "int64", "share": "float64", "partners": "int64"})


# ---------------------------------------------------------------- tables of the passages


def without_boilerplate(passages: pd.DataFrame) -> pd.DataFrame:
    """The passages (``textstat_reuse`` rows) that are not boilerplate, index reset.

    >>> without_boilerplate(textstat_reuse(corpus))["boilerplate"].any()   # doctest: +SKIP
    False
    """
    if passages is None or not len(passages) or "boilerplate" not in passages.columns:
        return passages
    return passages[~passages["boilerplate"].astype(bool)].reset_index(drop=True)


@renamed_arguments(boilerplate="count_boilerplate")
def reuse_pairs(passages: pd.DataFrame, *, count_boilerplate: bool = False) -> pd.DataFrame:
    """Pairs of reports ranked by the text they share: doc_a, doc_b, file_a, file_b, n_passages,
    length (characters without punctuation). Boilerplate passages do not count unless
    ``count_boilerplate`` (as in :func:`textstat_reuse_share`).

    >>> reuse_pairs(textstat_reuse(corpus)).head(1)       # doctest: +SKIP
                  doc_a         doc_b  ...  n_passages  length
    0  2ca3b2f027b7  5d8a055b8bf2  ...           6     512
    """
    import pandas as pd

    cols = ["doc_a", "doc_b", "file_a", "file_b", "n_passages", "length"]
    if passages is None or passages.empty:
        return pd.DataFrame(columns=cols)
    df = passages if count_boilerplate else without_boilerplate(passages)
    if df.empty:
        return pd.DataFrame(columns=cols)
    out = (df.groupby(["doc_a", "doc_b", "file_a", "file_b"], sort=False)
           .agg(n_passages=("text", "size"), length=("length", "sum")).reset_index())
    return out.sort_values(["length", "n_passages", "doc_a", "doc_b"],
                           ascending=[False, False, True, True]).reset_index(drop=True)[cols]


def passages_of(passages: pd.DataFrame, doc_ids) -> pd.DataFrame:
    """The shared passages (``textstat_reuse`` rows) that involve any of ``doc_ids``.

    >>> passages_of(textstat_reuse(corpus), gd.docs["doc_id"])          # doctest: +SKIP
    """
    ids = set(doc_ids)
    if passages is None or passages.empty:
        return passages
    return passages[passages["doc_a"].isin(ids) | passages["doc_b"].isin(ids)].reset_index(drop=True)
