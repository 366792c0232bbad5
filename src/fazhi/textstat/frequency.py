"""Frequencies and keywords: which terms a corpus, a group or a document uses most.

>>> textstat_frequency(corpus, by="report_year", n=5)                 # doctest: +SKIP
>>> textstat_keywords(corpus, by="town", method="textrank", n=5)      # doctest: +SKIP
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus
from fazhi.deprecation import renamed_arguments
from fazhi.textstat._index import _top_rows, _TopN
from fazhi.textstat.matrix import Dfm, as_dfm, frequency_table, tfidf


@renamed_arguments(stopwords="drop_stopwords", boilerplate="drop_boilerplate")
def textstat_frequency(corpus: Corpus | Dfm, *, by: str | None = None, n: int | None = 50,
                       min_chars: int = 2, drop_stopwords: bool = True,
                       drop_boilerplate: bool = True,
                       parts: list[str] | None = None) -> pd.DataFrame:
    """Term frequencies: [by], term, count, docs_with_term, per_10k, rank (the ``n`` most
    frequent terms of each group with ``by``; of the whole corpus with ``by=None``).

    ``docs_with_term`` = documents (of the group) containing the term; ``per_10k`` = count per
    10,000 tokens of the group; ties are ranked by term. ``n=None`` keeps every term. Terms as in
    :func:`~fazhi.textstat.dfm` (``min_chars``, ``drop_stopwords``, ``drop_boilerplate``,
    ``parts``); ``corpus`` may be a :class:`~fazhi.textstat.Dfm` of documents instead
    (``fazhi.dfm(corpus).trim(min_docs=3)``), as in quanteda.

    >>> textstat_frequency(corpus, by="report_year", n=3)        # doctest: +SKIP
       report_year  term  count  docs_with_term  per_10k  rank
    0         2019  依法行政   18               1    118.2     1
    """
    d = as_dfm(corpus, min_chars=min_chars, drop_stopwords=drop_stopwords,
            drop_boilerplate=drop_boilerplate, parts=parts)
    return frequency_table(d.group(by), n)


def _textrank(edges_a: np.ndarray, edges_b: np.ndarray, nodes: np.ndarray, *,
              damping: float = 0.85, iterations: int = 100, tol: float = 1e-6) -> np.ndarray:
    """PageRank over the undirected weighted graph of ``edges`` (indices into ``nodes``)."""
    from scipy import sparse

    n = len(nodes)
    if n == 0:
        return np.zeros(0)
    if len(edges_a) == 0:
        return np.ones(n)
    w = np.ones(2 * len(edges_a))
    adj = sparse.csr_matrix((w, (np.concatenate([edges_a, edges_b]),
                                 np.concatenate([edges_b, edges_a]))), shape=(n, n))
    out = np.asarray(adj.sum(axis=1)).ravel()
    out[out == 0] = 1.0
    trans_t = (sparse.diags(1.0 / out) @ adj).T.tocsr()
    score = np.full(n, 1.0 / n)
    for _ in range(iterations):
        new = (1 - damping) / n + damping * (trans_t @ score)
        done = np.abs(new - score).sum() < tol
        score = new
        if done:
            break
    return score / score.max()


@renamed_arguments(stopwords="drop_stopwords", boilerplate="drop_boilerplate")
def textstat_keywords(corpus: Corpus | Dfm, *, by: str = "doc_id",
                      method: Literal["tfidf", "textrank"] = "tfidf", n: int = 10,
                      min_chars: int = 2, drop_stopwords: bool = True,
                      drop_boilerplate: bool = True, parts: list[str] | None = None,
                      window: int = 5) -> pd.DataFrame:
    """Keywords per document or group: <by>, term, score, rank (the ``n`` best of each group).

    - ``tfidf``: TF = the term's share of the group's terms, IDF computed from THIS corpus over its
      documents, ``ln((N + 1) / df)`` (not jieba's generic IDF file);
    - ``textrank``: PageRank (damping 0.85) over the co-occurrence graph of the group's terms
      (an edge for each pair of terms at most ``window - 1`` positions apart in a document part,
      stopwords and punctuation removed first); scores scaled to max 1 per group.

    >>> textstat_keywords(corpus, by="town", n=3)   # doctest: +SKIP
    ...      town  term     score  rank
    ...  月浦街道    街道  0.032449     1     (tfidf: terms of this report, rare elsewhere)
    >>> textstat_keywords(corpus, by="town", method="textrank", n=5)   # doctest: +SKIP
    """
    if method not in ("tfidf", "textrank"):
        raise ValueError(f"method must be 'tfidf' or 'textrank', not {method!r}")
    d = as_dfm(corpus, min_chars=min_chars, drop_stopwords=drop_stopwords,
            drop_boilerplate=drop_boilerplate, parts=parts)
    if method == "tfidf":
        g, m = tfidf(d, by)
        terms = g.features
        rows, c, v, r = _top_rows(m, terms, n)
        df = pd.DataFrame({"_g": rows, "term": terms[c].astype(str), "score": v, "rank": r})
    else:
        g = d.group(by)
        sel = g._sel
        idx = sel.index
        is_t = np.zeros(len(idx.vocab), dtype=bool)
        is_t[d._cols] = True
        edges: dict[int, list] = {}
        for row, code in zip(sel.rows, sel.codes, strict=True):
            ids = idx.row_ids(row)
            ids = ids[is_t[ids]]
            lst = edges.setdefault(int(code), [])
            lst.append((ids[:0], ids[:0], ids))
            for k in range(1, max(window, 2)):
                a, b = ids[:-k], ids[k:]
                keep = a != b
                lst.append((a[keep], b[keep], ids[:0]))
        top = _TopN(idx.vocab, n)
        for code in sorted(edges):
            parts_ = edges[code]
            nodes = np.unique(np.concatenate([p[2] for p in parts_]))
            a = np.searchsorted(nodes, np.concatenate([p[0] for p in parts_]))
            b = np.searchsorted(nodes, np.concatenate([p[1] for p in parts_]))
            top.add(code, nodes, _textrank(a, b, nodes))
        rows, t, v, r = top.arrays()
        df = pd.DataFrame({"_g": rows, "term": idx.vocab[t].astype(str), "score": v.astype(float),
                           "rank": r})
    df.insert(0, by, g._values(df["_g"].to_numpy()))
    return df[[by, "term", "score", "rank"]]
