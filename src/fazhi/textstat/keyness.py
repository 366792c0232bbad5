"""Keyness: which terms one set of reports uses more than another (quanteda's
``textstat_keyness``), emerging and fading terms around a year, and each group's distinctive terms.

>>> textstat_keyness(corpus, "province == '广东省'", n=10)           # doctest: +SKIP
>>> textstat_emerging(corpus, split=2021, n=5)                       # doctest: +SKIP
>>> textstat_distinctive(corpus, by="town", n=5)                     # doctest: +SKIP
"""

from __future__ import annotations

import warnings
from typing import Literal

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus
from fazhi.deprecation import changed_default, renamed_arguments
from fazhi.textstat._index import _check_by, _empty_side
from fazhi.textstat.matrix import Dfm, as_dfm, corpus_of
from fazhi.vocab import query_label  # noqa: F401 - exported with query_sides


def _docs(corpus_or_docs) -> pd.DataFrame:
    return corpus_or_docs.docs if hasattr(corpus_or_docs, "docs") else corpus_or_docs


def _mask(docs: pd.DataFrame, selector, name: str, *, negate: bool = False) -> np.ndarray:
    """Boolean mask over corpus.docs from a query string or a boolean mask. A document for which
    the selector is missing (a comparison with an unknown year) is False, also with ``negate``
    (the documents where the selector is False)."""
    docs = _docs(docs)
    if isinstance(selector, str):
        try:
            sel = docs.eval(selector)
        except Exception as exc:  # pandas raises many kinds here
            raise ValueError(f"{name}: cannot evaluate query {selector!r} over corpus.docs: "
                             f"{exc}") from None
    elif isinstance(selector, pd.Series):
        sel = selector.reindex(docs.index)
    else:
        sel = selector
    if np.shape(sel) != (len(docs),):
        raise ValueError(f"{name}: a mask must have one value per document ({len(docs)}), "
                         f"not shape {np.shape(sel)}")
    sel = pd.Series(sel if hasattr(sel, "dtype") else np.asarray(sel, dtype=object))
    try:
        flags = sel.astype("boolean")
    except (TypeError, ValueError):
        raise ValueError(f"{name}: not a boolean mask or query ({sel.dtype})") from None
    if negate:
        flags = ~flags
    return flags.fillna(False).to_numpy(dtype=bool)



def query_sides(docs: pd.DataFrame | Corpus, target, reference=None) -> dict[str, int]:
    """How a keyness comparison splits the reports, as :func:`textstat_keyness` splits them:
    ``target`` (the query holds), ``reference`` (it does not, or ``reference`` holds) and
    ``unknown`` (on neither side: ``report_year >= 2021`` for a report without year).

    >>> query_sides(corpus.docs, "report_year >= 2021")  # doctest: +SKIP
    {'target': 4, 'reference': 2, 'unknown': 3}
    """
    docs = _docs(docs)
    t = _mask(docs, target, "target")
    r = _mask(docs, target, "target", negate=True) if reference is None else \
        _mask(docs, reference, "reference")
    n_t, n_r = int(t.sum()), int(r.sum())
    return {"target": n_t, "reference": n_r, "unknown": int((~(t | r)).sum())}


def _periods(docs: pd.DataFrame, by: str, split) -> tuple[np.ndarray, np.ndarray, int]:
    """(before, after, unknown): boolean masks of ``by < split`` and ``by >= split`` over
    ``docs`` and the number of reports whose ``by`` is unknown or not a number."""
    key = pd.to_numeric(docs[by], errors="coerce") if by in docs else \
        pd.Series([float("nan")] * len(docs), index=docs.index)
    after = (key >= split).fillna(False).to_numpy(dtype=bool)
    before = (key < split).fillna(False).to_numpy(dtype=bool)
    return before, after, int(key.isna().sum())


def split_counts(docs: pd.DataFrame | Corpus, by: str, split) -> dict[str, int]:
    """Reports before ``split`` (``by < split``), from it on, and without a (numeric) ``by``, as
    :func:`textstat_emerging` splits them: ``{"before": 2, "after": 4, "unknown": 3}``."""
    before, after, unknown = _periods(_docs(docs), by, split)
    return {"before": int(before.sum()), "after": int(after.sum()), "unknown": unknown}


def _keyness_stats(a, b, size_t: float, size_r: float):
    """Signed G², signed χ² (no continuity correction) and log ratio (0.5 added to both counts) for
    counts ``a`` (target) and ``b`` (reference) of corpora of sizes ``size_t`` and ``size_r``."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    size_t, size_r = float(size_t), float(size_r)
    n = size_t + size_r
    c, d = size_t - a, size_r - b
    row1, row2 = a + b, c + d
    e = [row1 * size_t / n, row1 * size_r / n, row2 * size_t / n, row2 * size_r / n]
    o = [a, b, c, d]
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * sum(np.where(oi > 0, oi * np.log(np.where(oi > 0, oi, 1) / np.where(ei > 0, ei, 1)),
                              0.0) for oi, ei in zip(o, e, strict=True))
        chi2 = sum(np.where(ei > 0, (oi - ei) ** 2 / np.where(ei > 0, ei, 1), 0.0)
                   for oi, ei in zip(o, e, strict=True))
        log_ratio = np.log2(((a + 0.5) / max(size_t, 1)) / ((b + 0.5) / max(size_r, 1)))
    sign = np.where(a * size_r >= b * size_t, 1.0, -1.0)
    return np.maximum(g2, 0.0) * sign, chi2 * sign, log_ratio


def _pvalue(stat):
    from scipy.stats import chi2 as chi2_dist

    return chi2_dist.sf(np.abs(np.asarray(stat, dtype=float)), 1)


def _side(d: Dfm, mask: np.ndarray) -> tuple[np.ndarray, float]:
    """Term counts (one per feature of ``d``) and size in tokens of the documents in ``mask``."""
    s = d._restrict(mask).group(None)
    if not len(s):
        return np.zeros(len(d.features)), 0.0
    return np.asarray(s.counts.todense()).ravel(), float(s._sizes.sum())


def _keyness_frame(ct: np.ndarray, cr: np.ndarray, st: float, sr: float, terms: np.ndarray, *,
                   measure: str, min_count: int, n: int | None) -> pd.DataFrame:
    """The keyness table sorted by ``measure`` descending; with ``n``, the ``n`` most
    over-represented terms (measure > 0) and the ``n`` most under-represented (< 0, last)."""
    keep = (ct + cr) >= max(min_count, 1)
    a, b, vocab = ct[keep], cr[keep], terms[keep]
    g2, chi2, lr = _keyness_stats(a, b, st, sr)
    df = pd.DataFrame({"term": vocab.astype(str), "n_target": a.round().astype("int64"),
                       "n_reference": b.round().astype("int64"), "g2": g2, "chi2": chi2})
    df["p"] = _pvalue(df[measure])
    df["log_ratio"] = lr
    df = df.sort_values([measure, "term"], ascending=[False, True], kind="mergesort")
    df = df.reset_index(drop=True)
    return _per_side(df, measure, n) if n else df


def _per_side(df: pd.DataFrame, measure: str, n: int) -> pd.DataFrame:
    """The ``n`` first rows with ``measure`` > 0 and the ``n`` last with ``measure`` < 0."""
    return pd.concat([df[df[measure] > 0].head(n), df[df[measure] < 0].tail(n)]).reset_index(
        drop=True)


@renamed_arguments(stopwords="drop_stopwords", boilerplate="drop_boilerplate")
def textstat_keyness(corpus: Corpus | Dfm, target, *, reference=None,
                     measure: Literal["g2", "chi2"] = "g2", min_count: int = 5,
                     n: int | None = None, drop_stopwords: bool = True,
                     drop_boilerplate: bool = True, min_chars: int = 2,
                     parts: list[str] | None = None) -> pd.DataFrame:
    """Keyness of the ``target`` documents against ``reference`` (default: the rest), like quanteda's
    ``textstat_keyness``: term, n_target, n_reference, g2, chi2, p, log_ratio.

    ``target``/``reference``: a pandas query over ``corpus.docs`` (``"province == '广东省'"``) or a
    boolean mask. ``g2`` (log-likelihood) and ``chi2`` (Pearson, no continuity correction) come from
    the 2×2 table (term vs other tokens, target vs reference; sizes = non-punctuation tokens) and
    are signed: negative when the term is under-represented in the target. ``p`` is the χ²(1)
    p-value of the chosen ``measure``; ``log_ratio`` = log2 of the ratio of relative frequencies
    with 0.5 added to both counts (so a term absent from one side has a finite value). Terms with
    ``n_target + n_reference < min_count`` are left out; sorted descending by ``measure``. ``n``:
    the ``n`` terms of each side (the most over-represented first, the most under-represented
    last), as :func:`textstat_emerging` and :func:`~fazhi.textplot.textplot_keyness`; None keeps
    every term. A document whose field in the query is unknown (``report_year >= 2021``
    for a report without year) is on neither side (see :func:`query_sides`); when a side has no
    document the table is empty and ``attrs["message"]`` says which.

    >>> textstat_keyness(corpus, "province == '广东省'", n=10)      # doctest: +SKIP
    """
    if measure not in ("g2", "chi2"):
        raise ValueError(f"measure must be 'g2' or 'chi2', not {measure!r}")
    docs = corpus_of(corpus).docs
    tmask = _mask(docs, target, "target")
    # default reference: the rest, less the documents the target cannot place (NA, not False)
    rmask = _mask(docs, target, "target", negate=True) if reference is None else \
        _mask(docs, reference, "reference")
    cols = ["term", "n_target", "n_reference", "g2", "chi2", "p", "log_ratio"]
    if not tmask.any():
        return _empty_side(cols, f"关键性分析：目标组（{_show(target)}）没有报告 / "
                                 f"target selects no document")
    if not rmask.any():
        return _empty_side(cols, f"关键性分析：参照组（{_show(reference, '其余报告')}）没有报告 / "
                                 f"the reference selects no document")
    d = as_dfm(corpus, min_chars=min_chars, drop_stopwords=drop_stopwords,
            drop_boilerplate=drop_boilerplate, parts=parts)
    ct, st = _side(d, tmask)
    cr, sr = _side(d, rmask)
    full = _keyness_frame(ct, cr, st, sr, d.features, measure=measure, min_count=min_count,
                          n=None)
    if not n:
        return full
    out = _per_side(full, measure, n)
    if not out.equals(full.head(n)):
        warnings.warn("textstat_keyness(n=...) now keeps n terms of each side (over- and "
                      "under-represented); the old result is the first n rows of n=None / "
                      "n 现在表示每一侧的词数（旧结果：n=None 的前 n 行）", FutureWarning,
                      stacklevel=3)
    return out


def _show(selector, default: str = "") -> str:
    """A selector as text for a message: the query itself, or a mask's size."""
    if selector is None:
        return default
    if isinstance(selector, str):
        return selector
    return "掩码 / mask"


@renamed_arguments(stopwords="drop_stopwords", boilerplate="drop_boilerplate")
def textstat_emerging(corpus: Corpus | Dfm, *, split: int, by: str = "report_year", min_count: int = 5,
                      n: int | None = 20, drop_stopwords: bool = True,
                      drop_boilerplate: bool = True, min_chars: int = 2,
                      parts: list[str] | None = None) -> pd.DataFrame:
    """Emerging and fading terms between ``by < split`` (before) and ``by >= split`` (after):
    term, count_before, count_after, per_10k_before, per_10k_after, log_ratio, g2, p, trend.

    Documents whose ``by`` is unknown (a report without year) are in neither period (see
    :func:`split_counts`); when a period has no document the table is empty and
    ``attrs["message"]`` says which.
    Score: signed G² of "after" against "before" (positive → ``emerging``, negative → ``fading``),
    with ``log_ratio`` = log2(rate after / rate before), 0.5 added to both counts. Terms with fewer
    than ``min_count`` occurrences in both periods together are left out. Returns the ``n`` most
    emerging (G² descending) then the ``n`` most fading (G² ascending); ``n=None`` keeps all.

    >>> textstat_emerging(corpus, split=2021, n=3)["term"].tolist()   # doctest: +SKIP
    ['街道', '未成年人', '社区', '公示', '政务公开', '办事']
    """
    _check_by(corpus_of(corpus), by)
    if by == "part":
        raise ValueError("textstat_emerging needs a numeric field of corpus.docs (report_year), "
                         "not 'part'")
    before, after, n_unknown = _periods(corpus_of(corpus).docs, by, split)
    cols = ["term", "count_before", "count_after", "per_10k_before", "per_10k_after",
            "log_ratio", "g2", "p", "trend"]
    if not after.any() or not before.any():
        side = "之前" if not before.any() else "及以后"
        note = f"（{n_unknown} 份报告的 {by} 不明，不计入）" if n_unknown else ""
        return _empty_side(cols, f"新兴词：{by} {split} {side}没有报告{note} / "
                                 f"no document on one side of {by} = {split}")
    d = as_dfm(corpus, min_chars=min_chars, drop_stopwords=drop_stopwords,
            drop_boilerplate=drop_boilerplate, parts=parts)
    ca, sa = _side(d, after)
    cb, sb = _side(d, before)
    k = _keyness_frame(ca, cb, sa, sb, d.features, measure="g2", min_count=min_count, n=None)
    out = pd.DataFrame({
        "term": k["term"], "count_before": k["n_reference"], "count_after": k["n_target"],
        "per_10k_before": k["n_reference"] / sb * 10_000 if sb else 0.0,
        "per_10k_after": k["n_target"] / sa * 10_000 if sa else 0.0,
        "log_ratio": k["log_ratio"], "g2": k["g2"], "p": k["p"]})
    out = out[out["g2"] != 0]
    out["trend"] = np.where(out["g2"] > 0, "emerging", "fading")
    em = out[out["trend"] == "emerging"].sort_values(["g2", "term"], ascending=[False, True])
    fa = out[out["trend"] == "fading"].sort_values(["g2", "term"], ascending=[True, True])
    if n:
        em, fa = em.head(n), fa.head(n)
    return pd.concat([em, fa], ignore_index=True)[cols]


@changed_default(by=("town", "doc_id"))
@renamed_arguments(stopwords="drop_stopwords", boilerplate="drop_boilerplate")
def textstat_distinctive(corpus: Corpus | Dfm, *, by: str = "doc_id", n: int = 10, min_count: int = 3,
                         drop_stopwords: bool = True, drop_boilerplate: bool = True,
                         min_chars: int = 2, parts: list[str] | None = None) -> pd.DataFrame:
    """Distinctive terms of each group (keyness of the group against all the others, G²; only
    over-represented terms): <by>, term, n_target, n_reference, g2, log_ratio, rank (the ``n``
    best of each group).

    ``min_count`` applies to the term's count in the group. Statistics as :func:`textstat_keyness`.
    >>> d = textstat_distinctive(corpus, by="town", n=3)       # doctest: +SKIP
    >>> d[d["town"] == "月浦街道"]["term"].tolist()              # doctest: +SKIP
    ['街道', '未成年人', '违法犯罪']
    """
    g = as_dfm(corpus, min_chars=min_chars, drop_stopwords=drop_stopwords,
               drop_boilerplate=drop_boilerplate, parts=parts).group(by)
    counts, sizes, terms = g.counts, g._sizes, g.features
    total = np.asarray(counts.sum(axis=0)).ravel()
    size_all = float(sizes.sum())
    frames = []
    for i in range(len(g)):
        row = counts.getrow(i)
        keep = row.data >= min_count
        cols, a = row.indices[keep], row.data[keep]
        if not len(cols):
            continue
        b = total[cols] - a
        g2, _chi2, lr = _keyness_stats(a, b, sizes[i], size_all - sizes[i])
        df = pd.DataFrame({"term": terms[cols].astype(str), "n_target": a.round().astype("int64"),
                           "n_reference": b.round().astype("int64"), "g2": g2, "log_ratio": lr})
        df = df[df["g2"] > 0].sort_values(["g2", "term"], ascending=[False, True]).head(n)
        df = df.reset_index(drop=True)
        df["rank"] = range(1, len(df) + 1)
        df.insert(0, "_g", i)
        frames.append(df)
    cols_out = [by, "term", "n_target", "n_reference", "g2", "log_ratio", "rank"]
    if not frames:
        return pd.DataFrame(columns=cols_out)
    out = pd.concat(frames, ignore_index=True)
    out.insert(0, by, g._values(out.pop("_g").to_numpy(dtype=np.int64)))
    return out[cols_out]
