"""The document-feature matrix (quanteda's ``dfm``): documents × terms counts of a corpus.

:func:`dfm` counts the terms of every document (stopwords, boilerplate words and numbers left out,
as in every ``textstat_*`` function); a :class:`Dfm` is grouped, trimmed and filtered into another
``Dfm``, and turned into tables. The frequency, keyword, keyness, similarity and distinctive-term
analyses are computed on it.

>>> m = fazhi.dfm(corpus)                                    # doctest: +SKIP
>>> m                                                         # doctest: +SKIP
<Dfm：5 份报告 × 1,387 个词（min_chars=2, drop_stopwords=True, drop_boilerplate=True）>
>>> m.group("province").top(2)                               # doctest: +SKIP
  province    term  count  docs_with_term    per_10k  rank
0      广东省    街道     31               1  88.571429     1
>>> m.trim(min_docs=3).select(pattern="法治").features[:3]   # doctest: +SKIP
array(['法治政府建设', '法治', '法治建设'], dtype=object)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus
from fazhi.deprecation import renamed_arguments
from fazhi.textstat._index import (
    _cells,
    _check_by,
    _fields,
    _group_column,
    _normalize_rows,
    _Selection,
    _top_rows,
    token_index,
)

# document columns a Dfm's docvars leave out (the texts: large, and not variables)
_TEXT_COLUMNS = ("text", "raw_text")


class Dfm:
    """A document-feature matrix: one row per document (or per group after :meth:`group`), one
    column per term; made by :func:`dfm`.

    - ``counts``: the counts, a ``scipy.sparse`` CSR matrix (rows × features; float64 holding
      whole numbers);
    - ``features``: the terms (object array), in the order they first occur in the corpus;
    - ``docvars``: one row per matrix row: the documents' fields (``corpus.docs`` without the
      texts), or after :meth:`group` the group value and ``n_docs``;
    - ``n_tokens``: per row, its tokens (every non-punctuation token, also the stopwords a
      filter leaves out: the denominator of ``per_10k``);
    - ``docs_with``: per row and feature, the documents containing the feature (CSR);
    - ``corpus``, ``parts``, ``options`` (min_chars, drop_stopwords, drop_boilerplate), ``by``
      (the grouping field; None for documents, or the whole corpus after ``group(None)``).

    A document without tokens in ``parts`` has no row. The counts are those of
    :func:`textstat_frequency`: ``dfm(corpus).group("town").top(5)`` equals
    ``textstat_frequency(corpus, by="town", n=5)``.
    """

    def __init__(self, corpus: Corpus, *, options: dict, cols: np.ndarray,
                 parts: tuple[str, ...] | None = None, docs_mask: np.ndarray | None = None,
                 by: str | None = None, grouped: bool = False):
        self.corpus = corpus
        self.options = dict(options)
        self.parts = parts
        self.by = by
        self.grouped = grouped
        self._cols = np.asarray(cols, dtype=np.int64)
        self._docs_mask = docs_mask

    def _derive(self, **changes) -> Dfm:
        kw = {"options": self.options, "cols": self._cols, "parts": self.parts,
              "docs_mask": self._docs_mask, "by": self.by, "grouped": self.grouped, **changes}
        return Dfm(self.corpus, **kw)

    # ------------------------------------------------------------ the matrix

    @cached_property
    def _sel(self) -> _Selection:
        by = self.by if self.grouped else "doc_id"
        return _Selection(self.corpus, by, self.parts, docs_mask=self._docs_mask)

    @cached_property
    def _matrix(self):
        return self._sel.term_counts(self._cols)

    @property
    def counts(self):
        """The counts: CSR matrix, rows × features."""
        return self._matrix[0]

    @property
    def _sizes(self) -> np.ndarray:
        return self._matrix[1]

    @property
    def n_tokens(self) -> np.ndarray:
        """Tokens per row (non-punctuation tokens, stopwords included)."""
        return self._sizes.round().astype(np.int64)

    @cached_property
    def docs_with(self):
        """Per row and feature, the documents containing the feature (CSR)."""
        return self._sel.doc_freq(self._cols)

    @property
    def features(self) -> np.ndarray:
        """The terms, one per column."""
        return self._sel.index.vocab[self._cols]

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self._sel.groups), len(self._cols))

    def __len__(self) -> int:
        return self.shape[0]

    @cached_property
    def docvars(self) -> pd.DataFrame:
        """One row per matrix row: the documents' fields, or the group and its ``n_docs``."""
        sel = self._sel
        if not self.grouped:
            docs = _fields(self.corpus)
            docs = docs[[c for c in docs.columns if c not in _TEXT_COLUMNS]]
            pos = pd.Index(docs["doc_id"]).get_indexer(sel.groups)
            return docs.iloc[pos].reset_index(drop=True)
        out = pd.DataFrame({"n_docs": sel.n_docs()})
        if self.by is not None:
            out.insert(0, self.by, self._values(np.arange(len(sel.groups))))
        return out

    def _values(self, codes: np.ndarray) -> pd.Series:
        """The row labels of ``codes``: group values (their field's dtype, unknown NA) or doc ids."""
        return _group_column(self._sel, np.asarray(codes, dtype=np.int64))

    def __repr__(self) -> str:
        rows, cols = self.shape
        opts = ", ".join(f"{k}={v}" for k, v in self.options.items())
        if not self.grouped:
            what = f"{rows:,} 份报告"
        elif self.by is None:
            what = "全部报告（1 行）" if rows else "全部报告（0 行）"
        else:
            what = f"按 {self.by} 分 {rows:,} 组"
        parts = f"，部分 {list(self.parts)}" if self.parts else ""
        return f"<Dfm：{what} × {cols:,} 个词（{opts}{parts}）>"

    # ------------------------------------------------------------ verbs

    def group(self, by: str | None) -> Dfm:
        """The counts summed per group of ``by`` (a column of ``corpus.docs`` or ``"part"``;
        None: the whole corpus in one row). Groups in a stable order (years ascending, the unknown
        group last and NA); ``docvars`` holds the group and its ``n_docs``.

        >>> fazhi.dfm(corpus).group("report_year").docvars     # doctest: +SKIP
           report_year  n_docs
        0         2019       1
        """
        if self.grouped:
            raise ValueError(f"这个 dfm 已按 {self.by!r} 分组 / this dfm is grouped already: "
                             f"group the dfm of the documents (fazhi.dfm(corpus).group(...))")
        _check_by(self.corpus, by)
        return self._derive(by=by, grouped=True)

    def _doc_level(self) -> Dfm:
        return self if not self.grouped else self._derive(by=None, grouped=False)

    def trim(self, *, min_count: int = 1, min_docs: int = 1) -> Dfm:
        """The terms occurring at least ``min_count`` times in all and in at least ``min_docs``
        documents (quanteda's ``dfm_trim``).

        >>> fazhi.dfm(corpus).trim(min_count=10, min_docs=3).shape   # doctest: +SKIP
        (5, 64)
        """
        total = np.asarray(self.counts.sum(axis=0)).ravel()
        docs = np.asarray(self._doc_level().docs_with.sum(axis=0)).ravel()
        keep = (total >= min_count) & (docs >= min_docs)
        return self._derive(cols=self._cols[keep])

    def select(self, terms: Iterable[str] | str | None = None, *, pattern: str | None = None,
               drop: bool = False) -> Dfm:
        """The columns of ``terms`` and/or of the terms matching the regular expression ``pattern``
        (``re.search``); with ``drop=True`` all columns but those (quanteda's ``dfm_select``).

        >>> fazhi.dfm(corpus).select(["民法典", "法律顾问"]).to_frame()   # doctest: +SKIP
        >>> fazhi.dfm(corpus).select(pattern="^法治", drop=True)          # doctest: +SKIP
        """
        if terms is None and pattern is None:
            raise ValueError("select needs terms or a pattern")
        feats = self.features.astype(str)
        hit = np.zeros(len(feats), dtype=bool)
        if terms is not None:
            wanted = {terms} if isinstance(terms, str) else set(terms)
            hit |= np.fromiter((t in wanted for t in feats), dtype=bool, count=len(feats))
        if pattern is not None:
            rx = re.compile(pattern)
            hit |= np.fromiter((rx.search(t) is not None for t in feats), dtype=bool,
                               count=len(feats))
        return self._derive(cols=self._cols[~hit if drop else hit])

    def _restrict(self, docs_mask: np.ndarray) -> Dfm:
        """The documents of ``docs_mask`` (boolean over ``corpus.docs``) only."""
        mask = np.asarray(docs_mask, dtype=bool)
        if self._docs_mask is not None:
            mask = mask & self._docs_mask
        return self._derive(docs_mask=mask)

    def subset(self, mask) -> Dfm:
        """The rows where ``mask`` holds: a query over ``docvars`` (``"report_year >= 2021"``) or
        a boolean per row. Only for a dfm of documents (before :meth:`group`).

        >>> fazhi.dfm(corpus).subset("province == '广东省'").group("town")   # doctest: +SKIP
        """
        if self.grouped:
            raise ValueError("subset the dfm of the documents, then group it")
        dv = self.docvars
        keep = dv.eval(mask) if isinstance(mask, str) else mask
        keep = np.asarray(pd.Series(keep).astype("boolean").fillna(False), dtype=bool)
        if keep.shape != (len(dv),):
            raise ValueError(f"a mask must have one value per row ({len(dv)}), not {keep.shape}")
        ids = set(dv.loc[keep, "doc_id"])
        return self._restrict(_fields(self.corpus)["doc_id"].isin(ids).to_numpy())

    # ------------------------------------------------------------ tables

    def top(self, n: int | None = 10) -> pd.DataFrame:
        """The ``n`` most frequent terms (None: all): of the whole matrix, or of each group of a
        grouped dfm. Columns as :func:`textstat_frequency`: [by], term, count, docs_with_term,
        per_10k, rank.

        >>> fazhi.dfm(corpus).top(3)["term"].tolist()          # doctest: +SKIP
        ['法治', '工作', '开展']
        """
        return frequency_table(self if self.grouped else self.group(None), n)

    def to_frame(self) -> pd.DataFrame:
        """The counts as a dense DataFrame (integers): index = doc_id or the group, columns =
        terms. Dense: rows × features cells (keep it for small matrices or a few terms)."""
        dense = self.counts.toarray().round().astype(np.int64)
        if self.grouped and self.by is None:
            index = pd.Index(["(all)"][:len(self)], name=None)
        else:
            index = pd.Index(self._values(np.arange(len(self))), name=self.by or "doc_id")
        return pd.DataFrame(dense, index=index, columns=pd.Index(self.features.astype(str),
                                                                 name="term"))


@renamed_arguments(stopwords="drop_stopwords", boilerplate="drop_boilerplate")
def dfm(corpus: Corpus, *, min_chars: int = 2, drop_stopwords: bool = True,
        drop_boilerplate: bool = True, parts: Iterable[str] | str | None = None) -> Dfm:
    """The document-feature matrix of ``corpus``: per document, the count of every term.

    A term is a token with a word character, not a number (``2021年``, ``209件``), at least
    ``min_chars`` characters long, and unless ``drop_stopwords=False`` / ``drop_boilerplate=False``
    not a stopword / boilerplate word (进一步, 切实, 加强 …) of the corpus's lexicon. ``parts``:
    count only these parts of the reports (``["plans"]``). Needs the corpus's tokens
    (``NoTokensError`` for a corpus read without a store: run ``fazhi build PATH``).

    >>> m = fazhi.dfm(corpus, parts=["problems"])               # doctest: +SKIP
    >>> m.group("report_year").top(3)                            # doctest: +SKIP
    """
    idx = token_index(corpus)
    options = {"min_chars": min_chars, "drop_stopwords": drop_stopwords,
               "drop_boilerplate": drop_boilerplate}
    cols = np.flatnonzero(idx.terms(**options))
    if parts is not None:
        parts = (parts,) if isinstance(parts, str) else tuple(parts)
    return Dfm(corpus, options=options, cols=cols, parts=parts)


# the term options of :func:`dfm` and their defaults (those of every ``textstat_*`` function)
TERM_OPTIONS = {"min_chars": 2, "drop_stopwords": True, "drop_boilerplate": True, "parts": None}


def as_dfm(x: Corpus | Dfm, **options) -> Dfm:
    """The dfm a ``textstat_*`` function works on: ``x`` itself when it is a :class:`Dfm` of
    documents (trimmed, selected or subset as the user made it), else ``dfm(x, **options)``.

    With a Dfm the term options belong to it: a ``textstat_*`` call that also sets one of them
    (``min_chars=3`` …) is refused with a message, never silently ignored.

    >>> textstat_frequency(fazhi.dfm(corpus).trim(min_docs=3), n=5)   # doctest: +SKIP
    """
    if not isinstance(x, Dfm):
        return dfm(x, **options)
    changed = [k for k, v in options.items()
               if k in TERM_OPTIONS and _norm_parts(v) != _norm_parts(TERM_OPTIONS[k])]
    if changed:
        raise ValueError(f"传入的是 dfm，词项选项已在 dfm 中确定 / the terms of a Dfm are set when it "
                         f"is made: pass {', '.join(changed)} to fazhi.dfm(...), not here")
    if x.grouped:
        raise ValueError("传入文档级 dfm（未分组） / pass the dfm of the documents, not a grouped "
                         "one: the function groups it by its `by`")
    return x


def _norm_parts(v):
    return tuple(v) if isinstance(v, (list, tuple)) else v


def corpus_of(x: Corpus | Dfm) -> Corpus:
    """The corpus of ``x``: ``x`` itself, or the corpus a :class:`Dfm` was made from."""
    return x.corpus if isinstance(x, Dfm) else x


# ---------------------------------------------------------------- tables of a dfm


def frequency_table(g: Dfm, n: int | None) -> pd.DataFrame:
    """[by], term, count, docs_with_term, per_10k, rank of a grouped dfm: the ``n`` most frequent
    terms per row, ties by term."""
    counts, sizes, terms = g.counts, g._sizes, g.features
    rows, c, v, r = _top_rows(counts, terms, n)
    docs = _cells(g.docs_with, rows, c)
    df = pd.DataFrame({"term": terms[c].astype(str), "count": v.round().astype("int64"),
                       "docs_with_term": docs.round().astype("int64"),
                       "per_10k": v / np.maximum(sizes[rows], 1) * 10_000, "rank": r})
    if g.by is not None:
        df.insert(0, g.by, g._values(rows))
    return df


def tfidf(d: Dfm, by: str | None) -> tuple[Dfm, object]:
    """The dfm of ``d`` grouped by ``by`` and its groups × terms TF-IDF matrix: TF = the term's
    share of the group's terms; IDF over the documents of ``d`` = ln((N + 1) / df) (a term in
    every document keeps a small weight ln(1 + 1/N); a term in one document of five weighs
    ln 6 ≈ 1.8)."""
    g = d.group(by)
    present = d.counts.copy()
    present.data[:] = 1.0
    n_docs = present.shape[0]
    df = np.asarray(present.sum(axis=0)).ravel()
    idf = np.log((n_docs + 1) / np.maximum(df, 1))
    return g, _normalize_rows(g.counts, "l1").multiply(idf).tocsr()
