"""A map of the units: correspondence analysis (KH Coder's 対応分析) of the units × terms table, or
classical MDS of the units' TF-IDF cosine similarities, with the units and their distinctive terms
as points of one plane.

>>> pts = textstat_scale(corpus, by="town")                         # doctest: +SKIP
>>> pts[pts["kind"] == "unit"][["label", "dim1", "dim2"]]           # doctest: +SKIP
      label      dim1      dim2
0    亭江镇  0.812345 -0.10321
>>> pts.attrs["explained"]                                          # doctest: +SKIP
[0.61, 0.39]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus
from fazhi.textstat._index import _fields, _normalize_rows
from fazhi.textstat.matrix import Dfm, as_dfm, tfidf
from fazhi.vocab import label as _label

COLUMNS = ["kind", "label", "dim1", "dim2", "mass", "inertia", "ctr1", "ctr2", "count", "n_docs"]
# below this total inertia (CA) or variance (MDS) every unit has the same profile: no map
_FLAT = 1e-12
# terms_by="inertia": the map's terms are chosen among the POOL × n_terms most frequent
POOL = 3


@dataclass
class CA:
    """A correspondence analysis of a contingency table (rows × columns, all margins > 0).

    ``row`` / ``col``: principal coordinates (one column per dimension); ``eigenvalues``: the
    principal inertias σ²; ``total``: the total inertia (χ²/N); ``row_mass`` / ``col_mass``; the
    contributions of each point to each dimension (``row_ctr``, ``col_ctr``: columns sum to 1) and
    each point's share of the total inertia (``row_inertia``, ``col_inertia``: sum to 1)."""

    row: np.ndarray
    col: np.ndarray
    eigenvalues: np.ndarray
    total: float
    row_mass: np.ndarray
    col_mass: np.ndarray
    row_ctr: np.ndarray
    col_ctr: np.ndarray
    row_inertia: np.ndarray
    col_inertia: np.ndarray


def correspondence(table: np.ndarray) -> CA:
    """Correspondence analysis of ``table`` (counts, rows and columns without zero margins): SVD of
    the standardised residuals S = D_r^-½ (P − r cᵀ) D_c^-½; principal coordinates F = D_r^-½ U Σ
    (rows), G = D_c^-½ V Σ (columns). Sign convention: on every dimension the column with the
    largest |principal coordinate| is positive.

    >>> correspondence(np.array([[10, 1], [1, 10], [5, 5]])).total    # doctest: +ELLIPSIS
    0.4...
    """
    n = np.asarray(table, dtype=np.float64)
    p = n / n.sum()
    r, c = p.sum(axis=1), p.sum(axis=0)
    s = (p - np.outer(r, c)) / np.sqrt(np.outer(r, c))
    u, sv, vt = np.linalg.svd(s, full_matrices=False)
    k = max(min(n.shape) - 1, 0)  # the trivial dimension is removed by the centring
    u, sv, v = u[:, :k], sv[:k], vt[:k].T
    row = u * sv / np.sqrt(r)[:, None]
    col = v * sv / np.sqrt(c)[:, None]
    flip = np.sign(col[np.argmax(np.abs(col), axis=0), np.arange(k)]) if k else np.ones(0)
    flip[flip == 0] = 1.0
    u, v, row, col = u * flip, v * flip, row * flip, col * flip
    eig = sv ** 2
    total = float((s ** 2).sum())
    share = (lambda x: x / total if total > _FLAT else np.zeros_like(x))  # noqa: E731
    return CA(row=row, col=col, eigenvalues=eig, total=total, row_mass=r, col_mass=c,
              row_ctr=u ** 2, col_ctr=v ** 2, row_inertia=share((s ** 2).sum(axis=1)),
              col_inertia=share((s ** 2).sum(axis=0)))


def classical_mds(x, k: int = 2) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Classical (Torgerson) MDS of the rows of ``x`` (l2-normalised TF-IDF, sparse) under the
    cosine distance d² = 2 (1 − cos): the top ``k`` eigenpairs of B = −½ J D² J = J X Xᵀ J, i.e.
    the top singular vectors of the centred X (never an n × n matrix: ARPACK on the implicitly
    centred sparse matrix, a fixed start vector; dense SVD for small tables). Returns
    (coordinates, eigenvalues, the diagonal of B: each row's variance; its sum is the total)."""
    from scipy import sparse
    from scipy.sparse.linalg import LinearOperator, svds

    x = sparse.csr_matrix(x, dtype=np.float64)
    n, v = x.shape
    mean = np.asarray(x.mean(axis=0)).ravel()
    sq = np.asarray(x.multiply(x).sum(axis=1)).ravel()
    diag = sq - 2 * (x @ mean) + mean @ mean
    k = min(k, n, v)
    if min(n, v) <= max(50, k + 1):
        _u, sv, vt = np.linalg.svd(x.toarray() - mean, full_matrices=False)
        u = _u[:, :k]
        sv = sv[:k]
    else:
        op = LinearOperator((n, v), dtype=np.float64,
                            matvec=lambda w: x @ np.ravel(w) - mean @ np.ravel(w),
                            rmatvec=lambda w: x.T @ np.ravel(w) - mean * np.ravel(w).sum())
        u, sv, _vt = svds(op, k=k, v0=np.full(min(n, v), 1.0 / np.sqrt(min(n, v))),
                          solver="arpack")
        order = np.argsort(sv)[::-1]
        u, sv = u[:, order], sv[order]
    return u * sv, sv ** 2, diag


def _chi2(counts) -> np.ndarray:
    """Each column's χ² contribution Σ_i (n_ij − e_ij)² / e_ij = Σ_i n_ij² n / (R_i C_j) − C_j
    (rows without counts left out), on the sparse cells only."""
    rows = np.asarray(counts.sum(axis=1)).ravel()
    cols = np.asarray(counts.sum(axis=0)).ravel()
    scale = np.divide(rows.sum(), rows, out=np.zeros_like(rows, dtype=float), where=rows > 0)
    sq = counts.multiply(counts).multiply(scale[:, None]).tocsc()
    return np.asarray(sq.sum(axis=0)).ravel() / np.maximum(cols, 1e-300) - cols


def _select_terms(counts, n_terms: int | None, terms_by: str, terms: np.ndarray) -> np.ndarray:
    """Columns of the ``n_terms`` terms that matter most: among the ``POOL × n_terms`` most
    frequent, those with the largest χ² contribution (unevenly spread over the units); or simply
    the most frequent (``terms_by="count"``); ties by count, then by term. The pool keeps the
    terms of a few units only off the map: they would leave most units without any of the
    terms and take the axes for themselves."""
    total = np.asarray(counts.sum(axis=0)).ravel()
    by_count = np.lexsort((terms.astype(str), -total))
    if terms_by == "count":
        return by_count[:n_terms] if n_terms else by_count
    pool = by_count[:POOL * n_terms] if n_terms else by_count
    score = np.round(_chi2(counts[:, pool]), 9)  # equal χ² (to rounding): ties by count, term
    order = pool[np.lexsort((terms[pool].astype(str), -total[pool], -score))]
    return order[:n_terms] if n_terms else order


def _empty(message: str, method: str, by: str) -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype=object if c in ("kind", "label") else float)
                       for c in COLUMNS})
    df.attrs.update({"message": message, "method": method, "by": by, "explained": [0.0, 0.0]})
    return df


def _two(a: np.ndarray) -> np.ndarray:
    """The first two columns of ``a`` (zeros for a missing second dimension)."""
    out = np.zeros((a.shape[0], 2))
    out[:, :min(2, a.shape[1])] = a[:, :2]
    return out


def textstat_scale(corpus: Corpus | Dfm, *, by: str = "doc_id", method: Literal["ca", "mds"] = "ca",
                   n_terms: int | None = 60, min_count: int = 3,
                   terms_by: Literal["inertia", "count"] = "inertia",
                   drop_stopwords: bool = True, drop_boilerplate: bool = True,
                   parts: list[str] | None = None, min_chars: int = 2) -> pd.DataFrame:
    """The units of ``by`` (town, district … or the reports: ``doc_id``, named by their file) and
    their terms as points of one plane: kind ("unit" / "term"), label,
    dim1, dim2, mass, inertia (the point's share of the total inertia), ctr1, ctr2 (its
    contribution to each dimension), count (its tokens in the table), n_docs (units). Units first
    (in group order, the unknown group labelled （不明）), then the terms, most important first.

    ``method="ca"``: correspondence analysis of the units × terms counts (both kinds in principal
    coordinates: a symmetric map, KH Coder's); ``"mds"``: classical MDS of the units' TF-IDF cosine
    similarities, each term placed at the count-weighted mean of its units (no mass/inertia/ctr for
    terms). Terms: at least ``min_count`` times in all; of the 3 × ``n_terms`` most frequent, the
    ``n_terms`` with the largest χ² contribution (``terms_by="count"``: the most frequent). A unit none of those terms occurs in is
    left out (``attrs["dropped"]``). ``attrs``: method, by, explained (the share of the inertia or
    variance of dim1 and dim2), total_inertia, n_units, n_terms. Fewer than 3 units or 2 terms:
    an empty table with ``attrs["message"]``.

    >>> pts = textstat_scale(corpus, by="district", n_terms=40)      # doctest: +SKIP
    >>> [round(x, 2) for x in pts.attrs["explained"]]                # doctest: +SKIP
    [0.34, 0.21]
    """
    if method not in ("ca", "mds"):
        raise ValueError(f"method={method!r}: 'ca' (对应分析) or 'mds' (多维尺度)")
    if terms_by not in ("inertia", "count"):
        raise ValueError(f"terms_by={terms_by!r}: 'inertia' or 'count'")
    d = as_dfm(corpus, min_chars=min_chars, drop_stopwords=drop_stopwords,
               drop_boilerplate=drop_boilerplate, parts=parts)
    g = d.group(by)
    counts = g.counts.tocsr()
    terms = g.features
    if len(g) < 3:
        return _empty(f"按 {by} 只分出 {len(g)} 组，至少需要 3 组才能画分布图", method, by)
    total_c = np.asarray(counts.sum(axis=0)).ravel()
    cand = np.flatnonzero(total_c >= min_count)
    if len(cand) < 2:
        return _empty(f"出现至少 {min_count} 次的词不足 2 个，无法画分布图", method, by)
    sub = counts[:, cand]
    live = np.asarray(sub.sum(axis=1)).ravel() > 0
    cols = cand[_select_terms(sub[live], n_terms, terms_by, terms[cand])]
    table = counts[:, cols]
    rows = np.flatnonzero(np.asarray(table.sum(axis=1)).ravel() > 0)
    values = g._values(np.arange(len(g)))
    if by == "doc_id":  # a report is named by its file
        docs = _fields(g.corpus)
        files = dict(zip(docs["doc_id"], docs["file"], strict=True))
        values = [files.get(v, v) for v in values]
    names = np.array([_label(v) for v in values], dtype=object)
    dropped = names[np.setdiff1d(np.arange(len(g)), rows)].tolist()
    if len(cols) < 2:
        return _empty("所选的词不足 2 个，无法画分布图", method, by)
    if len(rows) < 3:
        return _empty(f"含所选词的组只有 {len(rows)} 个（按 {by}），至少需要 3 组才能画分布图", method, by)
    dense = table[rows].toarray()
    n_docs = g.docvars["n_docs"].to_numpy()[rows]
    if method == "ca":
        res = correspondence(dense)
        if res.total <= _FLAT:
            return _empty("各地区所选词的分布完全相同，没有可画的差异", method, by)
        unit, term = _two(res.row), _two(res.col)
        explained = list(_two((res.eigenvalues / res.total)[None, :])[0])
        u_stats = (res.row_mass, res.row_inertia, _two(res.row_ctr))
        t_stats = (res.col_mass, res.col_inertia, _two(res.col_ctr))
        total = res.total
    else:
        _g, m = tfidf(d, by)
        x = _normalize_rows(m.tocsr()[rows][:, cand], "l2")
        unit, eig, b_diag = classical_mds(x, 2)
        total = float(b_diag.sum())
        if total <= _FLAT:
            return _empty("各地区所选词的分布完全相同，没有可画的差异", method, by)
        unit = _two(unit)
        weights = dense / dense.sum(axis=0, keepdims=True)
        term = weights.T @ unit
        flip = np.sign(term[np.argmax(np.abs(term), axis=0), [0, 1]])
        flip[flip == 0] = 1.0
        unit, term = unit * flip, term * flip
        explained = list(_two((eig / total)[None, :])[0])
        r = dense.sum(axis=1) / dense.sum()
        ctr = np.divide(unit ** 2, (unit ** 2).sum(axis=0), out=np.zeros_like(unit),
                        where=(unit ** 2).sum(axis=0) > 0)
        u_stats = (r, b_diag / total, ctr)
        nan = np.full(len(cols), np.nan)
        t_stats = (dense.sum(axis=0) / dense.sum(), nan, np.column_stack([nan, nan]))
    units = pd.DataFrame({"kind": "unit", "label": names[rows], "dim1": unit[:, 0],
                          "dim2": unit[:, 1], "mass": u_stats[0], "inertia": u_stats[1],
                          "ctr1": u_stats[2][:, 0], "ctr2": u_stats[2][:, 1],
                          "count": dense.sum(axis=1), "n_docs": n_docs.astype(float)})
    words = pd.DataFrame({"kind": "term", "label": terms[cols].astype(str), "dim1": term[:, 0],
                          "dim2": term[:, 1], "mass": t_stats[0], "inertia": t_stats[1],
                          "ctr1": t_stats[2][:, 0], "ctr2": t_stats[2][:, 1],
                          "count": dense.sum(axis=0), "n_docs": np.nan})
    out = pd.concat([units, words], ignore_index=True)[COLUMNS]
    out["count"] = out["count"].round().astype("int64")
    out["n_docs"] = out["n_docs"].astype("Int64")
    out.attrs.update({"method": method, "by": by, "explained": [float(e) for e in explained],
                      "total_inertia": float(total), "n_units": len(rows), "n_terms": len(cols),
                      "dropped": dropped})
    return out
