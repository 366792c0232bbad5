"""Analyses that return DataFrames (quanteda's ``textstat_*`` grammar): frequencies, keywords,
keyness, trends, emerging terms, theme profiles, similarity, distinctive terms and KWIC.

Conventions shared by every function:

- the first argument is a :class:`~fazhi.corpus.Corpus`; the tokens come from ``corpus.tokens``
  (never segmented here: a corpus read without a store raises ``NoTokensError``, which says to run
  ``fazhi build PATH``), stopwords, boilerplate and units from ``corpus.lexicon`` (the store's);
- a *token* is a non-punctuation token; rates (``per_10k``) and the corpus sizes used by the
  keyness statistics count these tokens (stopwords included, punctuation not);
- a *term* is a token that is not number-only (``2021年``, ``209件``, ``13`` are not terms) and, by
  default, not a stopword or a boilerplate word of the lexicon (``stopwords=True, boilerplate=True``);
- ``by`` is any column of ``corpus.docs`` (report_year, province, city, district, town, level, file,
  doc_id ...) or ``"part"`` (preamble / achievements / problems / duty / plans / other);
- unknown metadata is a group of its own: the documents whose ``by`` value is missing (``<NA>``
  year, empty place or title) form one group, listed last, whose value is missing (NA) in the
  result; the column keeps the type of ``corpus.docs[by]`` (years stay integers). Tables and
  charts show that group as ``（不明）`` (:data:`fazhi.display.UNKNOWN`);
- a comparison with an empty side (keyness, emerging terms) returns an empty table whose
  ``attrs["message"]`` says why (and warns), never an exception;
- terms given by the user (trends, themes) are matched on the token sequence with punctuation
  removed, so ``“七五”普法`` counts both ``七五普法`` and ``“ 七五 ” 普法`` (see
  :func:`textstat_trend` for the ``match`` rule).

The token counts of a corpus are indexed once (a sparse row × vocabulary matrix) and reused by every
function called on the same ``corpus.tokens`` table.

>>> corpus = open_corpus("data/raw")                              # doctest: +SKIP
>>> textstat_frequency(corpus, by="report_year", n=5)             # doctest: +SKIP
>>> textstat_keyness(corpus, "province == '广东省'")              # doctest: +SKIP
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus
from fazhi.lexicon import Lexicon, load_lexicon
from fazhi.vocab import SECTION_PARTS

# a token carrying a word character (CJK, letters, digits); others are punctuation
_WORDCHAR = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff０-９Ａ-Ｚａ-ｚ]")
_NONWORD = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff０-９Ａ-Ｚａ-ｚ]+")
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*")
# sentence ends, and what is neither a word character nor a sentence end
_SENT_END = re.compile(r"[。！？；!?;\n]+")
_NON_SENT = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff０-９Ａ-Ｚａ-ｚ。！？；!?;\n]+")

PARTS = SECTION_PARTS
Match = Literal["edge", "tokens", "text"]


# ---------------------------------------------------------------- tokens and terms


def _lexicon(corpus: Corpus) -> Lexicon:
    """The corpus's lexicon (the store's own); the package lexicon for a corpus without one."""
    return corpus.lexicon if corpus.lexicon is not None else load_lexicon()


def _lexicon_drop(lexicon: Lexicon, stopwords: bool, boilerplate: bool) -> frozenset[str]:
    """Stopwords and/or boilerplate of ``lexicon``."""
    drop: set[str] = set()
    if stopwords:
        drop |= lexicon.stopwords
    if boilerplate:
        drop |= lexicon.boilerplate
    return frozenset(drop)


@lru_cache(maxsize=8)
def _numeric(units: tuple[str, ...] | None = None) -> re.Pattern:
    """Number-only tokens, also with a counting unit of the lexicon (2021年, 209件, 99%, 1.5万元)."""
    units = sorted({*(load_lexicon().units if units is None else units), "年度", "%", "％"},
                   key=len, reverse=True)
    alt = "|".join(map(re.escape, units))
    return re.compile(rf"^[0-9０-９.．,，]*[0-9０-９][0-9０-９.．,，]*(?:{alt})?$")


def is_term(token: str, *, min_chars: int = 1, units: Iterable[str] | None = None) -> bool:
    """True when ``token`` can be a term: it has a word character, is not number-only and has at
    least ``min_chars`` characters (``法治`` yes; ``，``, ``2021年``, ``209件`` no). ``units``:
    the counting units (default: the package lexicon's)."""
    return _is_term(token, min_chars, _numeric(None if units is None else tuple(units)))


def _is_term(token: str, min_chars: int, numeric: re.Pattern) -> bool:
    return (len(token) >= min_chars and _WORDCHAR.search(token) is not None
            and numeric.match(token) is None)


def _clean_term(term: str) -> str:
    return _NONWORD.sub("", term)


class _Index:
    """Token counts of the token rows of a corpus: a sparse row × vocabulary matrix, the term kinds
    of the vocabulary per option set (stopwords and units of ``lexicon``), and (lazily) each row's
    text without punctuation."""

    def __init__(self, rows: pd.DataFrame, lexicon: Lexicon | None = None):
        from scipy import sparse

        self.lexicon = lexicon if lexicon is not None else load_lexicon()

        self.doc_id = rows["doc_id"].to_numpy(dtype=object)
        self.part = rows["part"].to_numpy(dtype=object)
        tokens = rows["tokens"]
        n_rows = len(tokens)
        ids: dict[str, int] = {}
        chunks, lengths_ = [], []
        data, indices, nnz_rows = [], [], []
        step = 256  # bounded memory: the token objects of 256 rows at a time
        for lo in range(0, n_rows, step):
            split = [s.split() if isinstance(s, str) else []
                     for s in tokens.iloc[lo:lo + step].tolist()]
            lens = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
            lengths_.append(lens)
            flat = [t for toks in split for t in toks]
            del split
            local, uniq = pd.factorize(np.asarray(flat, dtype=object), sort=False)
            del flat
            glob = np.fromiter((ids.setdefault(t, len(ids)) for t in uniq), dtype=np.int64,
                               count=len(uniq))
            codes = glob[local] if len(local) else np.zeros(0, dtype=np.int64)
            chunks.append(codes.astype(np.int32))
            # (row, token) counts of the chunk, sorted by row then token id
            key = np.repeat(np.arange(len(lens), dtype=np.int64), lens) * (len(ids) + 1) + codes
            uk, cnt = np.unique(key, return_counts=True)
            rows_k = uk // (len(ids) + 1)
            indices.append((uk % (len(ids) + 1)).astype(np.int32))
            data.append(cnt.astype(np.float64))
            nnz_rows.append(np.bincount(rows_k, minlength=len(lens)))
        lengths = np.concatenate(lengths_) if lengths_ else np.zeros(0, dtype=np.int64)
        self.indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(lengths, out=self.indptr[1:])
        # token ids in text order, row after row
        self.codes = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int32)
        del chunks
        self.vocab = np.empty(len(ids), dtype=object)
        self.vocab[:] = list(ids)
        self.ids = ids
        ptr = np.zeros(n_rows + 1, dtype=np.int64)
        if nnz_rows:
            np.cumsum(np.concatenate(nnz_rows), out=ptr[1:])
        self.counts = sparse.csr_matrix(
            (np.concatenate(data) if data else np.zeros(0),
             np.concatenate(indices) if indices else np.zeros(0, dtype=np.int32), ptr),
            shape=(n_rows, len(ids)))
        self.clean = np.array([_NONWORD.sub("", t) for t in self.vocab], dtype=object)
        self.clean_len = np.fromiter(map(len, self.clean), dtype=np.int64, count=len(self.clean))
        self.is_word = self.clean_len > 0
        # non-punctuation tokens per row
        self.sizes = np.asarray(self.counts @ self.is_word.astype(np.float64)).ravel()
        self._kinds: dict[tuple, np.ndarray] = {}
        self._flat: dict[int, tuple[str, np.ndarray]] = {}

    def row_ids(self, row: int) -> np.ndarray:
        """Token ids of row ``row`` in text order."""
        return self.codes[self.indptr[row]:self.indptr[row + 1]]

    def terms(self, *, min_chars: int = 2, stopwords: bool = True,
              boilerplate: bool = True) -> np.ndarray:
        """Boolean mask over the vocabulary: which tokens are terms under these options."""
        key = (min_chars, stopwords, boilerplate)
        if key not in self._kinds:
            drop = _lexicon_drop(self.lexicon, stopwords, boilerplate)
            numeric = _numeric(tuple(self.lexicon.units))
            self._kinds[key] = np.array(
                [bool(w) and t not in drop and _is_term(t, min_chars, numeric)
                 for t, w in zip(self.vocab, self.is_word, strict=True)], dtype=bool)
        return self._kinds[key]

    def flat(self, row: int) -> tuple[str, list[int]]:
        """Row ``row`` as one string without punctuation, and the offsets where its tokens start
        (plus the end). Not cached beyond the last rows: cheap to rebuild."""
        got = self._flat.get(row)
        if got is None:
            ids = self.row_ids(row)
            ids = ids[self.is_word[ids]]
            offsets = np.zeros(len(ids) + 1, dtype=np.int64)
            np.cumsum(self.clean_len[ids], out=offsets[1:])
            got = ("".join(self.clean[ids]), offsets.tolist())
            if len(self._flat) > 64:
                self._flat.clear()
            self._flat[row] = got
        return got


_CACHE: dict[tuple[int, str], tuple[weakref.ref, _Index]] = {}


def _index(corpus: Corpus) -> _Index:
    """The (cached) index of ``corpus.tokens`` with the corpus's lexicon; rebuilt when the tokens
    table is another object or the lexicon another version. Never segments (NoTokensError)."""
    source = corpus.require_tokens()
    lexicon = _lexicon(corpus)
    cache_key = (id(source), lexicon.version)
    hit = _CACHE.get(cache_key)
    if hit is not None and hit[0]() is source:
        return hit[1]
    idx = _Index(source, lexicon)
    for key in [k for k, (ref, _i) in _CACHE.items() if ref() is None]:
        del _CACHE[key]
    while len(_CACHE) >= 4:
        del _CACHE[next(iter(_CACHE))]
    try:
        _CACHE[cache_key] = (weakref.ref(source), idx)
    except TypeError:  # pragma: no cover - objects without weak references are not cached
        pass
    return idx


def _check_by(corpus: Corpus, by: str | None) -> None:
    if by is None or by == "part" or by in corpus.docs.columns:
        return
    raise ValueError(f"by={by!r} is neither 'part' nor a column of corpus.docs "
                     f"({', '.join(c for c in corpus.docs.columns if c not in ('text', 'raw_text'))})")


def _key(value):
    """A group value usable as a dict key: missing values (NaN, NA, None, blank text) become None."""
    if isinstance(value, str):
        return value if value.strip() else None
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):  # lists and other non-scalars
        return value


def _typed(values, by: str | None, corpus: Corpus) -> pd.Series:
    """Group values as a Series of the dtype of ``corpus.docs[by]`` (years stay integers, the
    unknown group is NA); object dtype for parts or when the values do not fit."""
    values = list(values)
    if by is not None and by != "part" and by in corpus.docs.columns:
        try:
            return pd.Series(pd.array(values, dtype=corpus.docs[by].dtype))
        except (TypeError, ValueError):
            pass
    return pd.Series(values, dtype=object)


def _empty_side(columns: list[str], text: str) -> pd.DataFrame:
    """The empty result of a comparison with an empty side: ``attrs["message"]`` says why."""
    import warnings

    df = pd.DataFrame(columns=columns)
    df.attrs["message"] = text
    warnings.warn(text, UserWarning, stacklevel=3)
    return df


def _sort_groups(values: Iterable, by: str | None, corpus: Corpus) -> list:
    """Groups in a stable order: corpus order for doc_id/file, report order for parts, else sorted
    values (missing last)."""
    groups = list(dict.fromkeys(values))
    missing = [g for g in groups if g is None]
    groups = [g for g in groups if g is not None]
    if by in ("doc_id", "file"):
        order = {v: i for i, v in enumerate(corpus.docs[by])}
        return sorted(groups, key=lambda g: order.get(g, len(order))) + missing
    if by == "part":
        return sorted(groups, key=lambda g: PARTS.index(g) if g in PARTS else len(PARTS)) + missing
    try:
        return sorted(groups) + missing
    except TypeError:
        return sorted(groups, key=str) + missing


class _Selection:
    """The token rows of the corpus's documents (and ``parts``) with their group under ``by``."""

    def __init__(self, corpus: Corpus, by: str | None, parts: Iterable[str] | str | None = None,
                 *, docs_mask=None):
        _check_by(corpus, by)
        self.by, self.corpus = by, corpus
        self.index = idx = _index(corpus)
        docs = corpus.docs if docs_mask is None else corpus.docs[docs_mask]
        keep = pd.Series(idx.doc_id).isin(set(docs["doc_id"])).to_numpy(copy=True)
        if parts is not None:
            parts = [parts] if isinstance(parts, str) else list(parts)
            keep = keep & pd.Series(idx.part).isin(parts).to_numpy()
        self.rows = np.flatnonzero(keep)
        doc_ids = idx.doc_id[self.rows]
        if by is None:
            keys = np.full(len(self.rows), "(all)", dtype=object)
        elif by == "part":
            keys = idx.part[self.rows]
        elif by == "doc_id":
            keys = doc_ids
        else:
            lab = {d: _key(v) for d, v in zip(corpus.docs["doc_id"], corpus.docs[by], strict=True)}
            keys = np.array([lab[d] for d in doc_ids], dtype=object)
        self.keys = keys
        self.groups = _sort_groups(keys, by, corpus) if by is not None else (
            ["(all)"] if len(keys) else [])
        code = {g: i for i, g in enumerate(self.groups)}
        self.codes = np.array([code[k] for k in keys], dtype=np.int64)
        self.doc_ids = doc_ids

    def indicator(self, codes=None, n: int | None = None):
        """Sparse (groups × all rows) matrix with a 1 where a selected row belongs to a group."""
        from scipy import sparse

        codes = self.codes if codes is None else codes
        n = len(self.groups) if n is None else n
        return sparse.csr_matrix((np.ones(len(self.rows)), (codes, self.rows)),
                                 shape=(n, self.index.counts.shape[0]))

    def term_counts(self, **opts):
        """(groups × terms counts, group sizes in tokens, term strings)."""
        idx = self.index
        cols = np.flatnonzero(idx.terms(**opts))
        g = self.indicator()
        counts = (g @ idx.counts)[:, cols].tocsr()
        sizes = np.asarray(g @ idx.sizes).ravel()
        return counts, sizes, idx.vocab[cols]

    def doc_freq(self, **opts):
        """(groups × terms): documents of the group containing the term."""
        idx = self.index
        cols = np.flatnonzero(idx.terms(**opts))
        pairs = pd.factorize(pd.Series(list(zip(self.codes, self.doc_ids, strict=True)),
                                       dtype=object))[0]
        n_pairs = int(pairs.max()) + 1 if len(pairs) else 0
        p = self.indicator(pairs, n_pairs)
        present = (p @ idx.counts)[:, cols].tocsr()
        present.data[:] = 1.0
        pair_group = np.zeros(n_pairs, dtype=np.int64)
        pair_group[pairs] = self.codes
        from scipy import sparse

        gp = sparse.csr_matrix((np.ones(n_pairs), (pair_group, np.arange(n_pairs))),
                               shape=(len(self.groups), n_pairs))
        return (gp @ present).tocsr()


def _top_rows(matrix, terms: np.ndarray, n: int | None):
    """Per row of a groups × terms sparse matrix, the non-zero cells by value descending, ties by
    term, at most ``n``: arrays (group code, column, value, rank)."""
    m = matrix.tocsr()
    m.sort_indices()
    alpha = np.empty(len(terms), dtype=np.int64)
    alpha[np.argsort(terms.astype(str), kind="stable")] = np.arange(len(terms))
    gs, cs, vs, rs = [], [], [], []
    for i in range(m.shape[0]):
        lo, hi = m.indptr[i], m.indptr[i + 1]
        if lo == hi:
            continue
        cols, data = m.indices[lo:hi], m.data[lo:hi]
        keep = data != 0
        cols, data = cols[keep], data[keep]
        order = np.lexsort((alpha[cols], -data))
        if n:
            order = order[:n]
        gs.append(np.full(len(order), i, dtype=np.int64))
        cs.append(cols[order])
        vs.append(data[order])
        rs.append(np.arange(1, len(order) + 1))
    if not gs:
        e = np.zeros(0, dtype=np.int64)
        return e, e, np.zeros(0), e
    return np.concatenate(gs), np.concatenate(cs), np.concatenate(vs), np.concatenate(rs)


def _group_column(sel: _Selection, codes: np.ndarray) -> pd.Series:
    """The group values of ``codes`` (dtype kept: years stay integers, unknown is NA)."""
    return _typed(sel.groups, sel.by, sel.corpus).take(codes).reset_index(drop=True)


def _cells(matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Values of a sparse matrix at (rows, cols)."""
    if not len(rows):
        return np.zeros(0)
    return np.asarray(matrix.tocsr()[rows, cols]).ravel()


def _rate(count, total):
    return count / total * 10_000 if total else 0.0


# ---------------------------------------------------------------- frequency


def textstat_frequency(corpus: Corpus, *, by: str | None = None, n: int | None = 50,
                       min_chars: int = 2, stopwords: bool = True, boilerplate: bool = True,
                       parts: list[str] | None = None) -> pd.DataFrame:
    """Term frequencies: [by], term, count, docs, per_10k, rank (top ``n`` per group with ``by``).

    ``docs`` = documents (of the group) containing the term; ``per_10k`` = count per 10,000 tokens of
    the group; ties are ranked by term. ``n=None`` keeps every term.

    >>> textstat_frequency(corpus, by="report_year", n=3)        # doctest: +SKIP
       report_year  term  count  docs  per_10k  rank
    0         2019  依法行政   18     1    118.2     1
    """
    opts = {"min_chars": min_chars, "stopwords": stopwords, "boilerplate": boilerplate}
    sel = _Selection(corpus, by, parts)
    counts, sizes, terms = sel.term_counts(**opts)
    g, c, v, r = _top_rows(counts, terms, n)
    docs = _cells(sel.doc_freq(**opts), g, c)
    df = pd.DataFrame({"term": terms[c].astype(str), "count": v.round().astype("int64"),
                       "docs": docs.round().astype("int64"),
                       "per_10k": v / np.maximum(sizes[g], 1) * 10_000, "rank": r})
    if by is not None:
        df.insert(0, by, _group_column(sel, g))
    return df


# ---------------------------------------------------------------- keywords


def _normalize_rows(m, norm: Literal["l1", "l2"]):
    """Rows of a sparse matrix scaled to unit l1/l2 norm (empty rows stay empty)."""
    from scipy import sparse

    m = sparse.csr_matrix(m, dtype=np.float64)
    if norm == "l1":
        tot = np.asarray(abs(m).sum(axis=1)).ravel()
    else:
        tot = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    scale = np.divide(1.0, tot, out=np.zeros_like(tot), where=tot > 0)
    return sparse.diags(scale) @ m


def _tfidf(corpus: Corpus, by: str, *, min_chars: int = 2, stopwords: bool = True,
           boilerplate: bool = True, parts=None):
    """Selection, terms and the groups × terms TF-IDF matrix: TF = the term's share of the group's
    terms; IDF over the documents of the corpus = ln((N + 1) / df) (a term in every document keeps
    a small weight ln(1 + 1/N); a term in one document of five weighs ln 6 ≈ 1.8)."""
    opts = {"min_chars": min_chars, "stopwords": stopwords, "boilerplate": boilerplate}
    sel = _Selection(corpus, by, parts)
    counts, _sizes, terms = sel.term_counts(**opts)
    per_doc = _Selection(corpus, "doc_id", parts)
    present = per_doc.term_counts(**opts)[0]
    present.data[:] = 1.0
    n_docs = present.shape[0]
    df = np.asarray(present.sum(axis=0)).ravel()
    idf = np.log((n_docs + 1) / np.maximum(df, 1))
    tfidf = _normalize_rows(counts, "l1").multiply(idf).tocsr()
    return sel, terms, tfidf


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


def textstat_keywords(corpus: Corpus, *, by: str = "doc_id",
                      method: Literal["tfidf", "textrank"] = "tfidf", n: int = 10,
                      min_chars: int = 2, stopwords: bool = True, boilerplate: bool = True,
                      parts: list[str] | None = None, window: int = 5) -> pd.DataFrame:
    """Keywords per document or group: <by>, term, score, rank.

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
    opts = {"min_chars": min_chars, "stopwords": stopwords, "boilerplate": boilerplate}
    if method == "tfidf":
        sel, terms, m = _tfidf(corpus, by, parts=parts, **opts)
        g, c, v, r = _top_rows(m, terms, n)
        df = pd.DataFrame({"_g": g, "term": terms[c].astype(str), "score": v, "rank": r})
    else:
        sel = _Selection(corpus, by, parts)
        idx = sel.index
        is_t = idx.terms(**opts)
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
        alpha = np.empty(len(idx.vocab), dtype=np.int64)
        alpha[np.argsort(idx.vocab.astype(str), kind="stable")] = np.arange(len(idx.vocab))
        gs, ts, vs, rs = [], [], [], []
        for code in sorted(edges):
            parts_ = edges[code]
            nodes = np.unique(np.concatenate([p[2] for p in parts_]))
            a = np.searchsorted(nodes, np.concatenate([p[0] for p in parts_]))
            b = np.searchsorted(nodes, np.concatenate([p[1] for p in parts_]))
            score = _textrank(a, b, nodes)
            order = np.lexsort((alpha[nodes], -score))
            if n:
                order = order[:n]
            gs.append(np.full(len(order), code, dtype=np.int64))
            ts.append(nodes[order])
            vs.append(score[order])
            rs.append(np.arange(1, len(order) + 1))
        cat = (lambda xs, dt: np.concatenate(xs) if xs else np.zeros(0, dtype=dt))  # noqa: E731
        df = pd.DataFrame({"_g": cat(gs, np.int64),
                           "term": idx.vocab[cat(ts, np.int64)].astype(str),
                           "score": cat(vs, float), "rank": cat(rs, np.int64)})
    df.insert(0, by, _group_column(sel, df["_g"].to_numpy()))
    return df[[by, "term", "score", "rank"]]


# ---------------------------------------------------------------- keyness


def _mask(corpus: Corpus, selector, name: str, *, negate: bool = False) -> np.ndarray:
    """Boolean mask over corpus.docs from a query string or a boolean mask. A document for which
    the selector is missing (a comparison with an unknown year) is False, also with ``negate``
    (the documents where the selector is False)."""
    docs = corpus.docs
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


def _side(corpus: Corpus, mask: np.ndarray, parts, opts) -> tuple[np.ndarray, float, np.ndarray]:
    """Term counts (over all terms of the index), size in tokens, for the documents in ``mask``."""
    sel = _Selection(corpus, None, parts, docs_mask=mask)
    idx = sel.index
    g = sel.indicator()
    counts = np.asarray((g @ idx.counts).todense()).ravel() if len(sel.groups) else \
        np.zeros(len(idx.vocab))
    size = float(np.asarray(g @ idx.sizes).sum()) if len(sel.groups) else 0.0
    return counts, size, idx.terms(**opts)


def _keyness_frame(ct: np.ndarray, cr: np.ndarray, st: float, sr: float, terms: np.ndarray, *,
                   measure: str, min_count: int, n: int | None) -> pd.DataFrame:
    keep = (ct + cr) >= max(min_count, 1)
    a, b, vocab = ct[keep], cr[keep], terms[keep]
    g2, chi2, lr = _keyness_stats(a, b, st, sr)
    df = pd.DataFrame({"term": vocab.astype(str), "n_target": a.round().astype("int64"),
                       "n_reference": b.round().astype("int64"), "g2": g2, "chi2": chi2})
    df["p"] = _pvalue(df[measure])
    df["log_ratio"] = lr
    df = df.sort_values([measure, "term"], ascending=[False, True], kind="mergesort")
    df = df.reset_index(drop=True)
    return df.head(n).reset_index(drop=True) if n else df


def textstat_keyness(corpus: Corpus, target, *, reference=None,
                     measure: Literal["g2", "chi2"] = "g2", min_count: int = 5,
                     n: int | None = None, stopwords: bool = True, boilerplate: bool = True,
                     min_chars: int = 2, parts: list[str] | None = None) -> pd.DataFrame:
    """Keyness of the ``target`` documents against ``reference`` (default: the rest), like quanteda's
    ``textstat_keyness``: term, n_target, n_reference, g2, chi2, p, log_ratio.

    ``target``/``reference``: a pandas query over ``corpus.docs`` (``"province == '广东省'"``) or a
    boolean mask. ``g2`` (log-likelihood) and ``chi2`` (Pearson, no continuity correction) come from
    the 2×2 table (term vs other tokens, target vs reference; sizes = non-punctuation tokens) and
    are signed: negative when the term is under-represented in the target. ``p`` is the χ²(1)
    p-value of the chosen ``measure``; ``log_ratio`` = log2 of the ratio of relative frequencies
    with 0.5 added to both counts (so a term absent from one side has a finite value). Terms with
    ``n_target + n_reference < min_count`` are left out; sorted descending by ``measure``; ``n``
    keeps the first rows. A document whose field in the query is unknown (``report_year >= 2021``
    for a report without year) is on neither side; when a side has no document the table is
    empty and ``attrs["message"]`` says which.

    >>> textstat_keyness(corpus, "province == '广东省'", n=10)      # doctest: +SKIP
    """
    if measure not in ("g2", "chi2"):
        raise ValueError(f"measure must be 'g2' or 'chi2', not {measure!r}")
    tmask = _mask(corpus, target, "target")
    # default reference: the rest, less the documents the target cannot place (NA, not False)
    rmask = _mask(corpus, target, "target", negate=True) if reference is None else \
        _mask(corpus, reference, "reference")
    cols = ["term", "n_target", "n_reference", "g2", "chi2", "p", "log_ratio"]
    if not tmask.any():
        return _empty_side(cols, f"关键性分析：目标组（{_show(target)}）没有报告 / "
                                 f"target selects no document")
    if not rmask.any():
        return _empty_side(cols, f"关键性分析：参照组（{_show(reference, '其余报告')}）没有报告 / "
                                 f"the reference selects no document")
    opts = {"min_chars": min_chars, "stopwords": stopwords, "boilerplate": boilerplate}
    ct, st, is_t = _side(corpus, tmask, parts, opts)
    cr, sr, _ = _side(corpus, rmask, parts, opts)
    vocab = _index(corpus).vocab
    return _keyness_frame(ct[is_t], cr[is_t], st, sr, vocab[is_t], measure=measure,
                          min_count=min_count, n=n)


def _show(selector, default: str = "") -> str:
    """A selector as text for a message: the query itself, or a mask's size."""
    if selector is None:
        return default
    if isinstance(selector, str):
        return selector
    return "掩码 / mask"


# ---------------------------------------------------------------- trends


def _find(text: str, offsets: list[int], term: str, match: str) -> list[tuple[int, int]]:
    """(first token, end token) of each occurrence of ``term`` (cleaned) in a row's flat text
    whose token start offsets (plus the end) are ``offsets``."""
    out = []
    last = len(offsets) - 1
    i = text.find(term)
    while i >= 0:
        e = i + len(term)
        first = bisect_right(offsets, i) - 1
        end = bisect_left(offsets, e)
        at_s = offsets[first] == i
        at_e = end <= last and offsets[end] == e
        if match == "text" or (at_s and at_e) or (match == "edge" and (at_s or at_e)):
            out.append((first, end))
        i = text.find(term, i + 1)
    return out


def textstat_trend(corpus: Corpus, terms: list[str] | str, *, by: str = "report_year",
                   parts: list[str] | None = None, match: Match = "edge") -> pd.DataFrame:
    """Counts and rates of ``terms`` by ``by``: <by>, term, count, n_docs, docs_with_term, n_tokens,
    per_10k.

    ``n_docs`` = documents behind the point (so a chart never hides a year with one report);
    ``docs_with_term`` = those containing the term; ``n_tokens`` = non-punctuation tokens of the
    group. Terms are found in the token sequence with punctuation removed, so terms the tokenizer
    splits and terms written with quotes are counted (``“七五”普法`` finds ``七五普法`` and
    ``“七五”普法``); ``match="edge"`` (default) counts an occurrence that starts or ends on a token
    boundary (``法律顾问`` in ``政府法律顾问`` yes, ``法治`` in ``依法治国`` or across ``依法 治理``
    no), ``"tokens"`` only whole-token sequences, ``"text"`` every substring.

    >>> textstat_trend(corpus, ["习近平法治思想", "“八五”普法"])   # doctest: +SKIP
    """
    if match not in ("edge", "tokens", "text"):
        raise ValueError(f"match must be 'edge', 'tokens' or 'text', not {match!r}")
    terms = [terms] if isinstance(terms, str) else list(terms)
    sel = _Selection(corpus, by, parts)
    idx = sel.index
    cleaned = [_clean_term(t) for t in terms]
    ng = len(sel.groups)
    count = np.zeros((ng, len(terms)), dtype=np.int64)
    with_term: list[list[set]] = [[set() for _ in terms] for _ in range(ng)]
    docs: list[set] = [set() for _ in range(ng)]
    sizes = np.zeros(ng)
    for row, code, doc_id in zip(sel.rows, sel.codes, sel.doc_ids, strict=True):
        docs[code].add(doc_id)
        sizes[code] += idx.sizes[row]
        text, offsets = idx.flat(row)
        for j, term in enumerate(cleaned):
            if term and term in text:
                k = len(_find(text, offsets, term, match))
                if k:
                    count[code, j] += k
                    with_term[code][j].add(doc_id)
    rows = [{"_g": i, "term": t, "count": int(count[i, j]), "n_docs": len(docs[i]),
             "docs_with_term": len(with_term[i][j]), "n_tokens": int(sizes[i]),
             "per_10k": _rate(count[i, j], sizes[i])}
            for i in range(ng) for j, t in enumerate(terms)]
    df = pd.DataFrame(rows, columns=["_g", "term", "count", "n_docs", "docs_with_term",
                                     "n_tokens", "per_10k"])
    df.insert(0, by, _group_column(sel, df.pop("_g").to_numpy(dtype=np.int64)))
    return df


def textstat_emerging(corpus: Corpus, *, split: int, by: str = "report_year", min_count: int = 5,
                      n: int | None = 20, stopwords: bool = True, boilerplate: bool = True,
                      min_chars: int = 2, parts: list[str] | None = None) -> pd.DataFrame:
    """Emerging and fading terms between ``by < split`` (before) and ``by >= split`` (after):
    term, count_before, count_after, per_10k_before, per_10k_after, log_ratio, g2, p, trend.

    Documents whose ``by`` is unknown (a report without year) are in neither period; when a
    period has no document the table is empty and ``attrs["message"]`` says which.
    Score: signed G² of "after" against "before" (positive → ``emerging``, negative → ``fading``),
    with ``log_ratio`` = log2(rate after / rate before), 0.5 added to both counts. Terms with fewer
    than ``min_count`` occurrences in both periods together are left out. Returns the ``n`` most
    emerging (G² descending) then the ``n`` most fading (G² ascending); ``n=None`` keeps all.

    >>> textstat_emerging(corpus, split=2021, n=3)["term"].tolist()   # doctest: +SKIP
    ['街道', '未成年人', '社区', '公示', '政务公开', '办事']
    """
    _check_by(corpus, by)
    if by == "part":
        raise ValueError("textstat_emerging needs a numeric field of corpus.docs (report_year), "
                         "not 'part'")
    key = pd.to_numeric(corpus.docs[by], errors="coerce")  # unknown (or not a number): NA
    after = (key >= split).fillna(False).to_numpy(dtype=bool)
    before = (key < split).fillna(False).to_numpy(dtype=bool)
    cols = ["term", "count_before", "count_after", "per_10k_before", "per_10k_after",
            "log_ratio", "g2", "p", "trend"]
    if not after.any() or not before.any():
        side = "之前" if not before.any() else "及以后"
        n_unknown = int(key.isna().sum())
        note = f"（{n_unknown} 份报告的 {by} 不明，不计入）" if n_unknown else ""
        return _empty_side(cols, f"新兴词：{by} {split} {side}没有报告{note} / "
                                 f"no document on one side of {by} = {split}")
    opts = {"min_chars": min_chars, "stopwords": stopwords, "boilerplate": boilerplate}
    ca, sa, is_t = _side(corpus, after, parts, opts)
    cb, sb, _ = _side(corpus, before, parts, opts)
    vocab = _index(corpus).vocab
    k = _keyness_frame(ca[is_t], cb[is_t], sa, sb, vocab[is_t], measure="g2",
                       min_count=min_count, n=None)
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


# ---------------------------------------------------------------- themes


def load_themes(path: str | Path | None = None) -> dict[str, list[str]]:
    """The theme lexicon: ``{theme: [terms]}`` from a UTF-8 TSV file of ``theme<TAB>term`` lines
    (``#`` starts a comment line; BOM and CRLF accepted). Default: the package's ``themes.tsv``,
    following the chapters of 《法治政府建设实施纲要（2021－2025年）》 plus 普法 and 法治社会.

    A malformed line raises ``ValueError`` naming the file and the line.
    >>> load_themes()["营商环境"][:3]                              # doctest: +SKIP
    ['营商环境', '放管服', '优化营商环境']
    """
    if path is None:
        from fazhi.lexicon import data_path

        path = data_path("themes.tsv")
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    themes: dict[str, list[str]] = {}
    for no, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        fields = [f.strip() for f in line.rstrip("\r\n").split("\t")]
        if len(fields) != 2 or not fields[0] or not fields[1]:
            raise ValueError(f"{path}, line {no}: expected 'theme<TAB>term', got {line.strip()!r}")
        theme, term = fields
        if not _clean_term(term):
            raise ValueError(f"{path}, line {no}: the term {term!r} has no word character")
        lst = themes.setdefault(theme, [])
        if term not in lst:
            lst.append(term)
    if not themes:
        raise ValueError(f"{path}: no themes")
    return themes


def _sentences(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _SENTENCE.finditer(text) if _WORDCHAR.search(m.group(0))]


def _part_at(level1: list[tuple[int, int, str]], pos: int) -> str:
    for start, end, part in level1:
        if start <= pos < end:
            return part
    return "preamble"


def _level1(corpus: Corpus) -> dict[str, list[tuple[int, int, str]]]:
    s = corpus.sections
    if s is None or s.empty:
        return {}
    s = s[s["level"].astype(int) == 1]
    out: dict[str, list] = {}
    for doc_id, start, end, part in zip(s["doc_id"], s["start"], s["end"], s["part"], strict=True):
        out.setdefault(doc_id, []).append((int(start), int(end), part))
    return out


def textstat_themes(corpus: Corpus, *, by: str = "doc_id",
                    themes: dict[str, list[str]] | str | Path | None = None,
                    unit: Literal["tokens", "sentences"] = "tokens",
                    parts: list[str] | None = None, match: Match = "edge") -> pd.DataFrame:
    """Theme profiles: <by>, theme, hits, n_units, share.

    ``unit="tokens"``: ``hits`` = tokens of the group covered by a term of the theme (matched as in
    :func:`textstat_trend`, punctuation ignored; a term of three tokens covers three), ``n_units`` =
    non-punctuation tokens; ``unit="sentences"``: sentences (split at 。！？； and line ends) of the
    cleaned text containing a term of the theme. ``share = hits / n_units`` (0 for empty groups).
    ``themes``: a dict, a path of a theme file, or None for :func:`load_themes`.

    >>> textstat_themes(corpus, by="report_year", unit="sentences")   # doctest: +SKIP
    """
    if unit not in ("tokens", "sentences"):
        raise ValueError(f"unit must be 'tokens' or 'sentences', not {unit!r}")
    if themes is None or isinstance(themes, (str, Path)):
        themes = load_themes(themes)
    names = list(themes)
    cleaned = [sorted({c for c in map(_clean_term, themes[th]) if c}, key=len, reverse=True)
               for th in names]
    all_terms = sorted({t for ts in cleaned for t in ts})
    if unit == "tokens":
        sel = _Selection(corpus, by, parts)
        idx = sel.index
        groups = sel.groups
        hits = np.zeros((len(groups), len(names)), dtype=np.int64)
        sizes = np.zeros(len(groups))
        for row, code in zip(sel.rows, sel.codes, strict=True):
            sizes[code] += idx.sizes[row]
            text, offsets = idx.flat(row)
            present = {t for t in all_terms if t in text}
            if not present:
                continue
            for j, terms in enumerate(cleaned):
                covered = None
                for term in terms:
                    if term not in present:
                        continue
                    for a, b in _find(text, offsets, term, match):
                        if covered is None:
                            covered = set()
                        covered.update(range(a, b))
                if covered is not None:
                    hits[code, j] += len(covered)
    else:
        _check_by(corpus, by)
        level1 = _level1(corpus)
        want = None if parts is None else set([parts] if isinstance(parts, str) else parts)
        need_part = want is not None or by == "part"
        docs = corpus.docs
        keys = docs["doc_id"] if by in ("doc_id", "part") else docs[by]
        counts: dict = {}
        n_sent: dict = {}
        for doc_id, key, text in zip(docs["doc_id"], keys, docs["text"].fillna(""), strict=True):
            segs = [x for x in _SENT_END.split(_NON_SENT.sub("", text)) if x]
            if not segs:
                continue
            if need_part:
                spans = level1.get(doc_id, [])
                sparts = [_part_at(spans, start) for start, _s in _sentences(text)]
                sparts = (sparts + ["preamble"] * len(segs))[:len(segs)]  # same split; a guard
            else:
                sparts = [None] * len(segs)
            flat = "".join(segs)
            starts = [0]
            for x in segs:
                starts.append(starts[-1] + len(x))
            hit_sets = []
            for terms in cleaned:
                hit: set[int] = set()
                for term in terms:
                    i = flat.find(term)
                    while i >= 0:
                        k = bisect_right(starts, i) - 1
                        if i + len(term) <= starts[k + 1]:
                            hit.add(k)
                        i = flat.find(term, i + 1)
                hit_sets.append(hit)
            for k, part in enumerate(sparts):
                if want is not None and part not in want:
                    continue
                group = part if by == "part" else _key(key)
                n_sent[group] = n_sent.get(group, 0) + 1
                h = counts.setdefault(group, np.zeros(len(names), dtype=np.int64))
                for j, hit in enumerate(hit_sets):
                    if k in hit:
                        h[j] += 1
        groups = _sort_groups(n_sent, by, corpus)
        hits = np.array([counts[g] for g in groups], dtype=np.int64).reshape(len(groups), len(names))
        sizes = np.array([n_sent[g] for g in groups], dtype=float)
    rows = [{"theme": th, "hits": int(hits[i, j]), "n_units": int(sizes[i]),
             "share": hits[i, j] / sizes[i] if sizes[i] else 0.0}
            for i in range(len(groups)) for j, th in enumerate(names)]
    df = pd.DataFrame(rows, columns=["theme", "hits", "n_units", "share"])
    codes = np.repeat(np.arange(len(groups), dtype=np.int64), len(names))
    df.insert(0, by, _typed(groups, by, corpus).take(codes).reset_index(drop=True))
    return df


# ---------------------------------------------------------------- similarity


def textstat_simil(corpus: Corpus, *, by: str = "doc_id", labels: str | None = "file",
                   min_chars: int = 2, stopwords: bool = True, boilerplate: bool = True,
                   parts: list[str] | None = None) -> pd.DataFrame:
    """Square matrix of TF-IDF cosine similarities between documents or groups (index and columns =
    labels). TF-IDF as :func:`textstat_keywords` (IDF from this corpus). With ``by="doc_id"`` the
    rows are labelled by the ``labels`` column of ``corpus.docs`` (e.g. the file name; None keeps
    doc_id; empty labels fall back to the file name). The diagonal is 1.0 (0.0 for a document
    without terms). The matrix is dense: n² cells (10,000 documents → 800 MB); for nearest
    neighbours of many documents use :func:`textstat_neighbours`.

    >>> textstat_simil(corpus, labels="town").loc["亭江镇", "西联镇"]   # doctest: +SKIP
    0.29
    """
    sel, _terms, m = _tfidf(corpus, by, min_chars=min_chars, stopwords=stopwords,
                            boilerplate=boilerplate, parts=parts)
    x = _normalize_rows(m, "l2").tocsr()
    sim = np.zeros((len(sel.groups), len(sel.groups)))
    for lo, hi, block in _cosine_blocks(x):
        sim[lo:hi] = block
    sim += sim.T  # exactly symmetric (float32 products may differ in the last digit)
    sim /= 2
    nonempty = np.asarray(m.getnnz(axis=1) > 0) if len(sel.groups) else np.zeros(0, bool)
    np.fill_diagonal(sim, np.where(nonempty, 1.0, 0.0))
    sim = np.clip(sim, 0.0, 1.0)
    names = _labels(corpus, by, sel.groups, labels)
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


def _labels(corpus: Corpus, by: str, groups: list, labels: str | None) -> list | pd.Series:
    if by != "doc_id" or not labels or labels == "doc_id":
        return _typed(groups, by, corpus)
    if labels not in corpus.docs.columns:
        raise ValueError(f"labels={labels!r} is not a column of corpus.docs")
    docs = corpus.docs
    lab = {d: (str(v) if not pd.isna(v) and str(v).strip() else f)
           for d, v, f in zip(docs["doc_id"], docs[labels], docs["file"], strict=True)}
    names = [lab.get(g, g) for g in groups]
    seen: Counter = Counter(names)
    if len(seen) < len(names):  # repeated labels: keep them apart with the doc_id
        names = [f"{x} ({g})" if seen[x] > 1 else x for x, g in zip(names, groups, strict=True)]
    return names


def textstat_neighbours(corpus: Corpus, *, by: str = "doc_id", n: int = 3, min_chars: int = 2,
                        stopwords: bool = True, boilerplate: bool = True,
                        parts: list[str] | None = None) -> pd.DataFrame:
    """The ``n`` most similar other documents/groups of each: <by>, neighbour, similarity, rank.

    Similarity as :func:`textstat_simil`, computed in blocks (no n × n matrix in memory). With
    ``by="doc_id"`` the values are doc_ids and ``label`` / ``neighbour_label`` hold the file names.
    >>> textstat_neighbours(corpus, by="town", n=1)              # doctest: +SKIP
    ...    town neighbour  similarity  rank
    ...  亭江镇    西联镇        0.29     1
    """
    sel, _terms, m = _tfidf(corpus, by, min_chars=min_chars, stopwords=stopwords,
                            boilerplate=boilerplate, parts=parts)
    x = _normalize_rows(m, "l2").tocsr()
    k = min(n, len(sel.groups) - 1)
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
    df = pd.DataFrame({by: _group_column(sel, cat(0).astype(np.int64)),
                       "neighbour": _group_column(sel, cat(1).astype(np.int64)),
                       "similarity": cat(2).astype(float), "rank": cat(3).astype(np.int64)})
    if by == "doc_id":
        lab = dict(zip(corpus.docs["doc_id"], corpus.docs["file"], strict=True))
        df["label"] = df["doc_id"].map(lab)
        df["neighbour_label"] = df["neighbour"].map(lab)
    return df


def textstat_distinctive(corpus: Corpus, *, by: str = "town", n: int = 10, min_count: int = 3,
                         stopwords: bool = True, boilerplate: bool = True, min_chars: int = 2,
                         parts: list[str] | None = None) -> pd.DataFrame:
    """Distinctive terms of each group (keyness of the group against all the others, G²; only
    over-represented terms): <by>, term, n_target, n_reference, g2, log_ratio, rank.

    ``min_count`` applies to the term's count in the group. Statistics as :func:`textstat_keyness`.
    >>> d = textstat_distinctive(corpus, by="town", n=3)       # doctest: +SKIP
    >>> d[d["town"] == "月浦街道"]["term"].tolist()              # doctest: +SKIP
    ['街道', '未成年人', '违法犯罪']
    """
    sel = _Selection(corpus, by, parts)
    counts, sizes, terms = sel.term_counts(min_chars=min_chars, stopwords=stopwords,
                                           boilerplate=boilerplate)
    total = np.asarray(counts.sum(axis=0)).ravel()
    size_all = float(sizes.sum())
    frames = []
    for i in range(len(sel.groups)):
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
    out.insert(0, by, _group_column(sel, out.pop("_g").to_numpy(dtype=np.int64)))
    return out[cols_out]


# ---------------------------------------------------------------- KWIC


def kwic(corpus: Corpus, term: str, *, window: int = 20,
         parts: list[str] | None = None) -> pd.DataFrame:
    """Keyword in context over the cleaned text ``docs.text``: doc_id, file, part, start, end, left,
    keyword, right. ``term`` is taken literally (regex-escaped); ``start``/``end`` are character
    offsets in ``docs.text``; ``left``/``right`` hold at most ``window`` characters (line breaks shown
    as spaces); ``part`` comes from the level-1 sections ("preamble" outside them); ``parts`` keeps
    the occurrences in those parts only.

    >>> kwic(corpus, "法律顾问", window=10)                      # doctest: +SKIP
    """
    if not term:
        raise ValueError("kwic needs a non-empty term")
    pat = _kwic_pattern(term)
    level1 = _level1(corpus)
    want = None if parts is None else set([parts] if isinstance(parts, str) else parts)
    rows = []
    docs = corpus.docs
    for doc_id, file, text in zip(docs["doc_id"], docs["file"], docs["text"].fillna(""), strict=True):
        spans = level1.get(doc_id, [])
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            part = _part_at(spans, s)
            if want is not None and part not in want:
                continue
            rows.append({"doc_id": doc_id, "file": file, "part": part, "start": s,
                         "end": e, "left": _flat(text[max(0, s - window):s]), "keyword": m.group(0),
                         "right": _flat(text[e:e + window])})
    return pd.DataFrame(rows, columns=["doc_id", "file", "part", "start", "end", "left", "keyword",
                                       "right"])


@lru_cache(maxsize=256)
def _kwic_pattern(term: str) -> re.Pattern:
    return re.compile(re.escape(term))


def _flat(s: str) -> str:
    return s.replace("\r", " ").replace("\n", " ").replace("\t", " ")


__all__ = ["is_term", "kwic", "load_themes", "textstat_distinctive", "textstat_emerging",
           "textstat_frequency", "textstat_keyness", "textstat_keywords", "textstat_neighbours",
           "textstat_simil", "textstat_themes", "textstat_trend"]
