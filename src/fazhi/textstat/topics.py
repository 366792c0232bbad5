"""Topic models: LDA (latent Dirichlet allocation, tomotopy's Gibbs sampler) of the reports.

A topic is a distribution over terms; each report is a mixture of topics. Topics have no names:
they are labelled by their most probable terms (``行政复议、应诉、败诉``). The model is fitted once
(:func:`textmodel_lda` → :class:`TopicModel`, picklable, so ``fazhi.display.cached`` keeps it) and
read through the tables (stm's ``labelTopics`` / ``estimateEffect`` practice):

- :func:`textstat_topics`: topic, topic_label, term, weight, rank, coherence (top terms per topic);
- :func:`textstat_topic_shares`: the mean topic shares of the reports of each group of ``by``
  (a document, a year, a province …; None: the whole corpus).

Both accept the corpus (or a :class:`~fazhi.textstat.matrix.Dfm` of documents) in place of the
model and fit it with the same options. The fit is deterministic: the same corpus, options,
``seed`` and ``workers`` give the same topics (on the same machine and tomotopy build).

>>> model = fazhi.textmodel_lda(corpus, k=10, seed=1)                  # doctest: +SKIP
>>> fazhi.textstat_topics(model, n=10)                              # doctest: +SKIP
>>> fazhi.textstat_topic_shares(model, by="report_year")            # doctest: +SKIP
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from types import SimpleNamespace

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus
from fazhi.textstat._index import _check_by, _fields, _key, _sort_groups, _typed
from fazhi.textstat.matrix import Dfm, as_dfm

TOPIC_COLUMNS = ["topic", "topic_label", "term", "weight", "rank", "coherence"]
SHARE_COLUMNS = ["topic", "topic_label", "share", "n_docs"]
COHERENCE = "u_mass"
LABEL_TERMS = 3  # terms in a topic's label
# sampler threads: 1 (tomotopy's serial sampler). workers=2 (PARTITION) is as reproducible, but at
# 10k it gained no wall time on the shared 2 cores and its fit had a lower coherence
# (bench/RESULTS.md, "Topics: time per step"): kept as an option
WORKERS = 1


@dataclass
class TopicModel:
    """A fitted LDA model of a corpus (plain arrays: picklable, no tomotopy object kept).

    - ``terms``: the vocabulary (V); ``phi``: k × V, each topic's distribution over the terms;
    - ``theta``: documents × k, each document's topic shares (rows sum to 1); ``docvars``: the
      documents' fields (one row per ``theta`` row, ``corpus.docs`` without the texts);
    - ``coherence``: per topic, u_mass (Mimno et al. 2011) of its top ``coherence_n`` terms over
      the documents of the model (0 is best, more negative is worse; :func:`u_mass`);
    - ``message``: why no model was fitted (too few reports or terms), else None;
    - ``n_left_out``: the corpus's reports without a term of the vocabulary (not in ``theta``).
    """

    k: int
    seed: int
    iterations: int
    options: dict
    terms: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    phi: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    theta: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    docvars: pd.DataFrame = field(default_factory=pd.DataFrame)
    coherence: np.ndarray = field(default_factory=lambda: np.zeros(0))
    coherence_n: int = 10
    ll_per_word: float = float("nan")
    n_left_out: int = 0
    message: str | None = None

    @property
    def fitted(self) -> bool:
        return self.message is None

    def top_terms(self, topic: int, n: int = 10) -> list[str]:
        """The ``n`` most probable terms of ``topic`` (1-based), ties by term."""
        w = self.phi[topic - 1]
        order = np.lexsort((self.terms.astype(str), -w))[:n]
        return [str(t) for t in self.terms[order]]

    def label(self, topic: int) -> str:
        """A topic's label: its three most probable terms, ``行政复议、应诉、败诉``."""
        return "、".join(self.top_terms(topic, LABEL_TERMS))

    def __repr__(self) -> str:
        if not self.fitted:
            return f"<TopicModel：未拟合（{self.message}）>"
        return (f"<TopicModel：{len(self.theta):,} 份报告 × {len(self.terms):,} 个词，k={self.k}，"
                f"seed={self.seed}，iterations={self.iterations}，"
                f"平均一致性 {np.mean(self.coherence):.3f}>")


def _vocabulary(d: Dfm, min_count: int, min_docs: int, max_docfreq: float):
    """(counts CSR documents × kept terms, the kept terms, the documents' rows with a term):
    terms occurring ``min_count`` times, in ``min_docs`` documents and in at most ``max_docfreq``
    (a proportion) of the documents — a term of nearly every report is in every topic."""
    counts = d.counts.tocsr()
    present = counts.copy()
    present.data[:] = 1.0
    docfreq = np.asarray(present.sum(axis=0)).ravel()
    total = np.asarray(counts.sum(axis=0)).ravel()
    n_docs = counts.shape[0]
    keep = (total >= min_count) & (docfreq >= min_docs) & (docfreq <= max_docfreq * n_docs)
    sub = counts[:, np.flatnonzero(keep)].tocsr()
    rows = np.flatnonzero(np.diff(sub.indptr) > 0)
    return sub[rows].tocsr(), d.features[keep].astype(str), rows


def _unfitted(k: int, seed: int, iterations: int, options: dict, message: str) -> TopicModel:
    warnings.warn(message, UserWarning, stacklevel=3)
    return TopicModel(k=k, seed=seed, iterations=iterations, options=options, message=message)


def textmodel_lda(x: Corpus | Dfm, *, k: int = 10, seed: int = 1, iterations: int = 100,
               min_count: int = 5, min_docs: int = 2, max_docfreq: float = 0.5,
               alpha: float = 0.1, eta: float = 0.01, coherence_n: int = 10,
               drop_stopwords: bool = True, drop_boilerplate: bool = True,
               parts: list[str] | str | None = None, min_chars: int = 2,
               workers: int = WORKERS) -> TopicModel:
    """Fit an LDA model with ``k`` topics to the reports of ``x`` (a corpus or a Dfm of documents);
    named as seededlda's ``textmodel_lda`` (quanteda's ``textmodel_*``: a fitted model, not a table).

    The vocabulary: the terms of :func:`fazhi.dfm` (``drop_stopwords`` … ``min_chars``, ``parts``)
    occurring at least ``min_count`` times, in at least ``min_docs`` reports and in at most
    ``max_docfreq`` of them (a share: 0.5 leaves out the words of every other report, 工作、开展 …).
    ``iterations`` Gibbs sweeps (the cost is linear in iterations × tokens: 100 keep 10k reports
    near 40 s, 500+ for a final model); ``workers``: 1 — tomotopy's serial sampler — or more
    threads (tomotopy's PARTITION scheme: each thread samples its own share of the vocabulary with
    its own random stream, in a fixed order), deterministic for a ``seed`` and a number of
    ``workers`` (another number gives another fit; no faster on busy cores); ``alpha``
    and ``eta`` the Dirichlet priors (alpha re-estimated during sampling). Fewer than two reports
    with terms, or no term left: an unfitted model whose ``message`` says why (and a warning).

    >>> model = textmodel_lda(corpus, k=8, seed=1)        # doctest: +SKIP
    >>> model.label(1)                                  # doctest: +SKIP
    '行政复议、应诉、败诉'
    """
    if int(k) < 1:
        raise ValueError(f"k 须为正整数 / k must be a positive number of topics, not {k!r}")
    k, seed, iterations = int(k), int(seed), int(iterations)
    options = {"min_count": min_count, "min_docs": min_docs, "max_docfreq": max_docfreq,
               "alpha": alpha, "eta": eta, "min_chars": min_chars,
               "drop_stopwords": drop_stopwords, "drop_boilerplate": drop_boilerplate,
               "parts": parts, "workers": int(workers)}
    if int(workers) < 1:
        raise ValueError(f"workers 须为正整数 / workers must be a positive number, not {workers!r}")
    d = as_dfm(x, min_chars=min_chars, drop_stopwords=drop_stopwords,
               drop_boilerplate=drop_boilerplate, parts=parts)
    n_all = len(d)
    if n_all < 2:
        return _unfitted(k, seed, iterations, options,
                         f"主题模型至少需要 2 份有内容的报告，这里只有 {n_all} 份")
    counts, terms, rows = _vocabulary(d, min_count, min_docs, max_docfreq)
    if len(terms) == 0 or len(rows) < 2:
        return _unfitted(k, seed, iterations, options,
                         f"{n_all} 份报告中没有足够的词可建主题模型：去掉出现不足 {min_count} 次、"
                         f"见于不足 {min_docs} 份或超过 {max_docfreq:.0%} 的报告的词后，剩下 "
                         f"{len(terms)} 个词、{len(rows)} 份报告（可放宽 min_count / max_docfreq）")
    import tomotopy as tp

    mdl = tp.LDAModel(k=k, alpha=alpha, eta=eta, seed=seed, min_cf=0, rm_top=0)
    for i in range(counts.shape[0]):
        s, e = counts.indptr[i], counts.indptr[i + 1]
        mdl.add_doc(np.repeat(terms[counts.indices[s:e]],
                              counts.data[s:e].round().astype(np.int64)).tolist())
    with warnings.catch_warnings():  # "may differ … if workers != 1": not with PARTITION (above)
        warnings.filterwarnings("ignore", "The training result may differ", RuntimeWarning)
        mdl.train(iterations, workers=int(workers), parallel=tp.ParallelScheme.PARTITION
                  if int(workers) > 1 else tp.ParallelScheme.NONE)
    vocab = np.array(list(mdl.used_vocabs), dtype=object)
    phi = np.vstack([mdl.get_topic_word_dist(t) for t in range(k)]).astype(np.float64)
    theta = np.vstack([doc.get_topic_dist() for doc in mdl.docs]).astype(np.float64)
    theta /= theta.sum(axis=1, keepdims=True)
    model = TopicModel(k=k, seed=seed, iterations=iterations, options=options, terms=vocab,
                       phi=phi, theta=theta, docvars=d.docvars.iloc[rows].reset_index(drop=True),
                       coherence_n=coherence_n, ll_per_word=float(mdl.ll_per_word),
                       n_left_out=n_all - len(rows) + _docs_without_row(d))
    tops = [model.top_terms(t, coherence_n) for t in range(1, k + 1)]
    model.coherence = u_mass(counts, terms, tops)
    return model


def u_mass(counts, terms: np.ndarray, tops: list[list[str]], eps: float = 1e-12) -> np.ndarray:
    """u_mass coherence (Mimno et al. 2011) of each word list of ``tops`` (in rank order) over
    the documents of ``counts`` (documents × ``terms``), as tomotopy's ``Coherence('u_mass')``
    scores it: the mean over word pairs (w_i, w_j), j < i, of log(D(w_i, w_j) / D(w_j) + eps),
    D = documents containing the words (a pair never together scores log(eps) ≈ -27.6). Rounded to
    1e-10 (tomotopy's own values differ from these by ~1e-11). A list of one word scores 0.

    >>> u_mass(dfm.counts, dfm.features, [["行政复议", "复议案件"]])   # doctest: +SKIP
    array([-0.1642])
    """
    from scipy import sparse

    index = {str(t): i for i, t in enumerate(terms)}
    words = sorted({w for ws in tops for w in ws})
    if not words:
        return np.zeros(len(tops))
    x = sparse.csc_matrix(counts)[:, [index[w] for w in words]]
    x.data[:] = 1.0
    both = (x.T @ x).toarray()  # documents containing both words (the diagonal: each word)
    pos = {w: i for i, w in enumerate(words)}
    out = np.zeros(len(tops))
    for t, ws in enumerate(tops):
        ids = np.array([pos[w] for w in ws], dtype=np.int64)
        if len(ids) < 2:
            continue
        i, j = np.tril_indices(len(ids), -1)  # pairs: a word and each word ranked above it
        a, b = ids[i], ids[j]
        out[t] = np.mean(np.log(both[a, b] / both[b, b] + eps))
    return np.round(out, 10) + 0.0


def _score(coh, words: list[str]) -> float:
    """The coherence of one topic's ``words`` (in rank order), as tomotopy scores a word list."""
    return float(coh.get_score(words=words)) if len(words) > 1 else 0.0


def _docs_without_row(d: Dfm) -> int:
    """Reports of the Dfm's corpus (or subset) with no row at all (no token in ``parts``)."""
    n = len(_fields(d.corpus)) if d._docs_mask is None else int(np.count_nonzero(d._docs_mask))
    return max(n - len(d), 0)


def _model(x, fit_options: dict) -> TopicModel:
    return x if isinstance(x, TopicModel) else textmodel_lda(x, **fit_options)


def _empty(columns: list[str], message: str) -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    df.attrs["message"] = message
    return df


def textstat_topics(x: TopicModel | Corpus | Dfm, *, n: int = 10, **fit_options) -> pd.DataFrame:
    """The ``n`` most probable terms of every topic: topic (1 … k), topic_label (its three top
    terms), term, weight (the term's probability in the topic), rank, coherence (the topic's u_mass).

    ``x``: a :class:`TopicModel`, or a corpus / Dfm fitted here with ``fit_options`` (``k``,
    ``seed``, ``iterations``, ``min_count`` … of :func:`textmodel_lda`). ``attrs["coherence"]``: the
    mean over topics. An unfitted model (one report): an empty table with ``attrs["message"]``.

    >>> textstat_topics(corpus, k=8, seed=1, n=5).head(3)      # doctest: +SKIP
       topic topic_label     term  weight  rank  coherence
    0      1  行政复议、应诉、败诉  行政复议  0.0412     1     -0.52
    """
    model = _model(x, fit_options)
    if not model.fitted:
        return _empty(TOPIC_COLUMNS, model.message)
    rows = []
    index = {term: i for i, term in enumerate(model.terms)}
    for t in range(1, model.k + 1):
        label = model.label(t)
        w = model.phi[t - 1]
        for r, term in enumerate(model.top_terms(t, n), start=1):
            rows.append((t, label, term, float(w[index[term]]), r, float(model.coherence[t - 1])))
    df = pd.DataFrame(rows, columns=TOPIC_COLUMNS)
    df.attrs["coherence"] = float(np.mean(model.coherence))
    return df


def textstat_topic_shares(x: TopicModel | Corpus | Dfm, *, by: str | None = "doc_id",
                          **fit_options) -> pd.DataFrame:
    """Per group of ``by`` and topic, the mean topic share of the group's reports: [by], topic,
    topic_label, share, n_docs (the group's reports in the model). A group's shares sum to 1.

    ``by``: a document field (doc_id — the default —, report_year, province, region …, as
    ``corpus.docs`` holds it; None: the whole corpus). Unknown values form one group, last, NA.
    ``x`` as in :func:`textstat_topics`. An unfitted model: an empty table with
    ``attrs["message"]``.

    >>> textstat_topic_shares(model, by="report_year").head(2)   # doctest: +SKIP
       report_year  topic topic_label  share  n_docs
    0         2021      1  行政复议、应诉、败诉   0.21       3
    """
    model = _model(x, fit_options)
    columns = SHARE_COLUMNS if by is None else [by, *SHARE_COLUMNS]
    if not model.fitted:
        return _empty(columns, model.message)
    if by == "part":
        raise ValueError("主题份额按报告计算，不能按部分分组 / topic shares are per report: "
                         "fit the model on parts=[...] instead of grouping by part")
    docs = model.docvars
    _check_by(SimpleNamespace(docs=docs), by)
    if by is None:
        keys = np.zeros(len(docs), dtype=np.int64)
        groups: list = [None]
    else:
        values = [_key(v) for v in docs[by]]
        groups = _sort_groups(values, by, SimpleNamespace(docs=docs))
        code = {g: i for i, g in enumerate(groups)}
        keys = np.array([code[v] for v in values], dtype=np.int64)
    n_groups, k = len(groups), model.k
    sums = np.zeros((n_groups, k))
    np.add.at(sums, keys, model.theta)
    n_docs = np.bincount(keys, minlength=n_groups)
    shares = sums / np.maximum(n_docs, 1)[:, None]
    labels = [model.label(t) for t in range(1, k + 1)]
    df = pd.DataFrame({"topic": np.tile(np.arange(1, k + 1), n_groups),
                       "topic_label": np.tile(labels, n_groups),
                       "share": shares.ravel(),
                       "n_docs": np.repeat(n_docs, k).astype(np.int64)})
    if by is not None:
        df.insert(0, by, _typed(groups, by, SimpleNamespace(docs=docs)).repeat(k)
                  .reset_index(drop=True))
    return df
