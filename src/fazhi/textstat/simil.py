"""Similarity: how alike the reports (or groups of reports) are, by TF-IDF cosine.

>>> textstat_simil(corpus, label_by="town")                  # doctest: +SKIP
>>> textstat_neighbours(corpus, by="town", n=1)              # doctest: +SKIP
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus
from fazhi.deprecation import renamed_arguments
from fazhi.textstat._index import _normalize_rows, _typed
from fazhi.textstat.matrix import Dfm, as_dfm, corpus_of, tfidf


@renamed_arguments(labels="label_by", stopwords="drop_stopwords",
                   boilerplate="drop_boilerplate")
def textstat_simil(corpus: Corpus | Dfm, *, by: str = "doc_id", label_by: str | None = "file",
                   min_chars: int = 2, drop_stopwords: bool = True, drop_boilerplate: bool = True,
                   parts: list[str] | None = None) -> pd.DataFrame:
    """Square matrix of TF-IDF cosine similarities between documents or groups (index and columns =
    labels). TF-IDF as :func:`textstat_keywords` (IDF from this corpus). With ``by="doc_id"`` the
    rows are labelled by the ``label_by`` column of ``corpus.docs`` (e.g. the file name; None keeps
    doc_id; empty labels fall back to the file name). The diagonal is 1.0 (0.0 for a document
    without terms). The matrix is dense: n² cells (10,000 documents → 800 MB); for nearest
    neighbours of many documents use :func:`textstat_neighbours`.

    >>> textstat_simil(corpus, label_by="town").loc["亭江镇", "西联镇"]   # doctest: +SKIP
    0.29
    """
    g, m = tfidf(as_dfm(corpus, min_chars=min_chars, drop_stopwords=drop_stopwords,
                        drop_boilerplate=drop_boilerplate, parts=parts), by)
    corpus = corpus_of(corpus)
    groups = g._sel.groups
    x = _normalize_rows(m, "l2").tocsr()
    sim = np.zeros((len(groups), len(groups)))
    for lo, hi, block in _cosine_blocks(x):
        sim[lo:hi] = block
    sim += sim.T  # exactly symmetric (float32 products may differ in the last digit)
    sim /= 2
    nonempty = np.asarray(m.getnnz(axis=1) > 0) if len(groups) else np.zeros(0, bool)
    np.fill_diagonal(sim, np.where(nonempty, 1.0, 0.0))
    sim = np.clip(sim, 0.0, 1.0)
    names = _labels(corpus, by, groups, label_by)
    if not isinstance(names, pd.Series):
        names = pd.Series(names, dtype=object)
    index = pd.Index(names, name=by)
    return pd.DataFrame(sim, index=index, columns=index.copy())


def _cosine_blocks(x, block: int = 512):
    """(lo, hi, cosine similarities of rows lo:hi with every row) of an l2-normalised sparse
    matrix, block by block. Dense float32 products (BLAS) when the matrix is not very sparse and
    fits in 1 GB; sparse products otherwise. Never an n × n sparse product in memory."""
    n, v = x.shape
    dense = x.nnz > 0.01 * n * v and n * v * 4 <= 1_000_000_000
    if dense:
        d = x.astype(np.float32).toarray()
        for lo in range(0, n, block):
            yield lo, min(lo + block, n), (d[lo:lo + block] @ d.T).astype(np.float64)
    else:
        xt = x.T.tocsr()
        for lo in range(0, n, block):
            yield lo, min(lo + block, n), (x[lo:lo + block] @ xt).toarray()


def _labels(corpus: Corpus, by: str, groups: list, label_by: str | None) -> list | pd.Series:
    if by != "doc_id" or not label_by or label_by == "doc_id":
        return _typed(groups, by, corpus)
    if label_by not in corpus.docs.columns:
        raise ValueError(f"label_by={label_by!r} is not a column of corpus.docs")
    docs = corpus.docs
    lab = {d: (str(v) if not pd.isna(v) and str(v).strip() else f)
           for d, v, f in zip(docs["doc_id"], docs[label_by], docs["file"], strict=True)}
    names = [lab.get(g, g) for g in groups]
    seen: Counter = Counter(names)
    if len(seen) < len(names):  # repeated labels: keep them apart with the doc_id
        names = [f"{x} ({g})" if seen[x] > 1 else x for x, g in zip(names, groups, strict=True)]
    return names


@renamed_arguments(stopwords="drop_stopwords", boilerplate="drop_boilerplate")
def textstat_neighbours(corpus: Corpus | Dfm, *, by: str = "doc_id", n: int = 3,
                        label_by: str | None = "file", min_chars: int = 2,
                        drop_stopwords: bool = True, drop_boilerplate: bool = True,
                        parts: list[str] | None = None) -> pd.DataFrame:
    """The ``n`` most similar other documents/groups of each: <by>, neighbour, similarity, rank.

    Similarity as :func:`textstat_simil`, computed in blocks (no n × n matrix in memory). With
    ``by="doc_id"`` the values are doc_ids and ``label`` / ``neighbour_label`` hold the
    ``label_by`` column of the documents (the file names; None: no label columns).
    >>> textstat_neighbours(corpus, by="town", n=1)              # doctest: +SKIP
    ...    town neighbour  similarity  rank
    ...  亭江镇    西联镇        0.29     1
    """
    g, m = tfidf(as_dfm(corpus, min_chars=min_chars, drop_stopwords=drop_stopwords,
                        drop_boilerplate=drop_boilerplate, parts=parts), by)
    corpus = corpus_of(corpus)
    groups = g._sel.groups
    x = _normalize_rows(m, "l2").tocsr()
    k = min(n, len(groups) - 1)
    out: list[tuple] = []
    for lo, hi, sim in _cosine_blocks(x):
        sim[np.arange(hi - lo), np.arange(lo, hi)] = -np.inf
        if k <= 0:
            continue
        # candidates: the k largest plus ties at the k-th value; then most similar first, ties by
        # position (the corpus order)
        kth = -np.partition(-sim, k - 1, axis=1)[:, k - 1:k]
        for i in range(hi - lo):
            cand = np.flatnonzero(sim[i] >= kth[i])
            order = cand[np.lexsort((cand, -sim[i, cand]))][:k]
            vals = np.clip(sim[i, order], 0.0, 1.0)
            out.append((np.full(len(order), lo + i), order, vals, np.arange(1, len(order) + 1)))
    cat = (lambda j: np.concatenate([o[j] for o in out]) if out else np.zeros(0, np.int64))  # noqa: E731
    df = pd.DataFrame({by: g._values(cat(0).astype(np.int64)),
                       "neighbour": g._values(cat(1).astype(np.int64)),
                       "similarity": cat(2).astype(float), "rank": cat(3).astype(np.int64)})
    if by == "doc_id" and label_by:
        if label_by not in corpus.docs.columns:
            raise ValueError(f"label_by={label_by!r} is not a column of corpus.docs")
        lab = dict(zip(corpus.docs["doc_id"], corpus.docs[label_by], strict=True))
        df["label"] = df["doc_id"].map(lab)
        df["neighbour_label"] = df["neighbour"].map(lab)
    return df

