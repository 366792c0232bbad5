"""Collocations: quanteda's ``textstat_collocations`` λ and z for token sequences of size 2–4.

For a sequence w1…wk, every k-token window of the corpus (word tokens, never across punctuation,
a part or a report) is classed by which of its k positions hold the sequence's token: 2^k cells
(cell ``b``: bit i set when position i matches). With 0.5 added to every cell (``smoothing``),

- ``lambda`` = Σ_b (-1)^(k - |b|) · log(n_b + 0.5), the highest-order interaction of the
  saturated log-linear model (Blaheta & Johnson 2001, as quanteda computes it);
- ``z`` = λ / sqrt(Σ_b 1 / (n_b + 0.5)), λ over its asymptotic standard error.

The cells are counted without enumerating pairs of n-grams: ``M(S)`` = windows that agree with the
sequence on the positions S (any tokens elsewhere) is one group-by per subset S, and the exact
cells follow by inclusion–exclusion, ``n_b = Σ_{S ⊇ b} (-1)^(|S|-|b|) M(S)``.

>>> textstat_collocations(corpus, size=[2, 3], min_count=5).head()   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus
from fazhi.textstat._index import _lexicon, _numeric, token_index
from fazhi.textstat._ngrams import Ngrams
from fazhi.textstat.matrix import Dfm
from fazhi.textstat.terms import _rows

COLLOC_COLUMNS = ["collocation", "count", "length", "lambda", "z"]


def lambda_z(cells: np.ndarray, size: int, smoothing: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """λ and z of each row of ``cells`` (rows × 2^size counts, column b = match pattern b).

    >>> lam, z = lambda_z(np.array([[90.0, 5, 3, 2]]), 2)
    >>> round(float(lam[0]), 3)
    2.464
    """
    c = np.asarray(cells, dtype=np.float64) + smoothing
    pop = np.array([bin(b).count("1") for b in range(2 ** size)])
    sign = np.where((size - pop) % 2 == 0, 1.0, -1.0)
    lam = np.log(c) @ sign
    se = np.sqrt((1.0 / c).sum(axis=1))
    return lam, lam / se


def _cells(g: Ngrams, k: int, rep: np.ndarray) -> np.ndarray:
    """The 2^k cell counts of the k-grams starting at positions ``rep``."""
    windows = np.flatnonzero(g.run >= k)
    n_s = len(windows)
    weight = g.weight[windows].astype(np.float64)  # each distinct segment stands for its copies
    codes = g.codes
    m = np.zeros((len(rep), 2 ** k))
    for s in range(2 ** k):
        bits = [i for i in range(k) if s >> i & 1]
        if not bits:
            m[:, s] = weight.sum()
            continue
        key_w = codes[windows + bits[0]].astype(np.int64)
        key_r = codes[rep + bits[0]].astype(np.int64)
        width = int(codes.max(initial=0)) + 1
        for i in bits[1:]:
            both = np.concatenate([key_w, key_r]) * width + np.concatenate(
                [codes[windows + i], codes[rep + i]]).astype(np.int64)
            f, _u = pd.factorize(both, sort=False)
            key_w, key_r = f[:n_s].astype(np.int64), f[n_s:].astype(np.int64)
        cnt = np.bincount(key_w, weights=weight,
                          minlength=int(max(key_w.max(initial=-1), key_r.max(initial=-1))) + 1)
        m[:, s] = cnt[key_r]
    # inclusion–exclusion: exact cells from the "at least these positions" counts
    cells = np.zeros_like(m)
    full = 2 ** k - 1
    for b in range(2 ** k):
        rest = full & ~b
        sub = rest
        while True:
            s = b | sub
            cells[:, b] += (-1) ** bin(sub).count("1") * m[:, s]
            if sub == 0:
                break
            sub = (sub - 1) & rest
    return cells


def textstat_collocations(corpus: Corpus | Dfm, *, size: int | Iterable[int] = 2,
                          min_count: int = 2, smoothing: float = 0.5, n: int | None = None,
                          drop_stopwords: bool = True, drop_boilerplate: bool = True,
                          parts: Iterable[str] | None = None) -> pd.DataFrame:
    """Collocations of ``size`` tokens (2–4, or a list): collocation (tokens joined by a space),
    count, length, lambda, z; sorted by z (the ``n`` first; None = all).

    ``min_count``: occurrences at least. ``drop_stopwords`` / ``drop_boilerplate``: leave out the
    sequences with a stopword / boilerplate word of the lexicon, and those with a number
    (the counts still see every token, as quanteda's padding does). ``corpus`` may be a Dfm of
    documents. An empty table with ``attrs["message"]`` when none qualifies.

    >>> textstat_collocations(corpus, size=2, min_count=3).head(3)    # doctest: +SKIP
      collocation  count  length  lambda     z
    0   府院 联动     12       2    7.91  5.02
    """
    sizes = [size] if isinstance(size, int) else sorted(set(size))
    if not sizes or any(s < 2 or s > 4 for s in sizes):
        raise ValueError(f"size must be 2, 3 or 4 (or a list of them), not {size!r}")
    corpus, rows = _rows(corpus, parts)
    idx = token_index(corpus)
    lexicon = _lexicon(corpus)
    g = Ngrams(idx, max_size=max(sizes), min_count=min_count, rows=rows)
    drop: set[str] = set()
    if drop_stopwords:
        drop |= lexicon.stopwords
    if drop_boilerplate:
        drop |= lexicon.boilerplate
    numeric = _numeric(tuple(lexicon.units))
    bad = np.array([t in drop or (drop_stopwords and numeric.match(t) is not None)
                    for t in idx.vocab], dtype=bool)
    frames = []
    for k in sizes:
        cnt = g.count(k)
        cand = np.flatnonzero(cnt >= min_count)
        rep = g.first_positions(k)[cand]
        toks = np.stack([g.codes[rep + j] for j in range(k)], axis=1) if len(cand) else \
            np.zeros((0, k), dtype=np.int64)
        ok = ~bad[toks].any(axis=1)
        cand, rep, toks = cand[ok], rep[ok], toks[ok]
        if not len(cand):
            continue
        lam, z = lambda_z(_cells(g, k, rep), k, smoothing)
        words = idx.vocab[toks]
        frames.append(pd.DataFrame({"collocation": [" ".join(map(str, w)) for w in words],
                                    "count": cnt[cand].astype(np.int64), "length": k,
                                    "lambda": lam, "z": z}))
    if not frames:
        out = pd.DataFrame({"collocation": pd.Series(dtype=object),
                            "count": pd.Series(dtype=np.int64), "length": pd.Series(dtype=np.int64),
                            "lambda": pd.Series(dtype=float), "z": pd.Series(dtype=float)})
        out.attrs["message"] = (f"没有出现 {min_count} 次以上的词语搭配 / no sequence of "
                                f"{'/'.join(map(str, sizes))} tokens occurs {min_count}+ times")
        return out
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values(["z", "count", "collocation"], ascending=[False, False, True],
                          kind="stable").reset_index(drop=True)
    return out.head(n) if n is not None else out
