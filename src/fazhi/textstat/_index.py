"""The token index every counting analysis shares, and the grouping rules of ``textstat``.

The token counts of a corpus are indexed once (a sparse token-row × vocabulary matrix, the term
kinds of the vocabulary, each row's text without punctuation) and reused by every function called
on the same ``corpus.tokens`` table. A *selection* is a set of token rows (the documents of the
corpus, or of a subset, in some ``parts``) with a group under ``by``; :class:`~fazhi.textstat.Dfm`
and the sequence analyses (trend, themes, TextRank) are built on it.

Grouping rules (every ``textstat_*`` function): ``by`` is a column of ``corpus.docs`` or
``"part"``; a missing value (NA year, empty place) is one group of its own, listed last, NA in the
result; group values keep the dtype of ``corpus.docs[by]``.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus
from fazhi.lexicon import Lexicon, load_lexicon
from fazhi.vocab import SECTION_PARTS

# a token carrying a word character (CJK, letters, digits); others are punctuation
_WORDCHAR = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff０-９Ａ-Ｚａ-ｚ]")
_NONWORD = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff０-９Ａ-Ｚａ-ｚ]+")
# the marks that end a sentence (a line end ends one too); one set for every sentence split
_MARKS = "。！？；!?;"
_SENTENCE = re.compile(rf"[^{_MARKS}\n]+[{_MARKS}]*")
# a token holding a sentence mark (the co-occurrence's sentence units)
_SENT_MARK = re.compile(rf"[{_MARKS}]")
# sentence ends, and what is neither a word character nor a sentence end
_SENT_END = re.compile(rf"[{_MARKS}\n]+")
_NON_SENT = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff０-９Ａ-Ｚａ-ｚ。！？；!?;\n]+")

PARTS = SECTION_PARTS
Match = Literal["edge", "tokens", "text"]


# ---------------------------------------------------------------- tokens and terms


def _lexicon(corpus: Corpus) -> Lexicon:
    """The corpus's lexicon (the store's own); the package lexicon for a corpus without one."""
    return corpus.lexicon if corpus.lexicon is not None else load_lexicon()


def _lexicon_drop(lexicon: Lexicon, drop_stopwords: bool, drop_boilerplate: bool) -> frozenset[str]:
    """Stopwords and/or boilerplate of ``lexicon``."""
    drop: set[str] = set()
    if drop_stopwords:
        drop |= lexicon.stopwords
    if drop_boilerplate:
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


class TokenIndex:
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
        # the token ids and the (row, token) counts are written into arrays allocated once for
        # an upper bound (a row of n tokens has n - 1 spaces between them): a page of them is
        # resident only once written, and no list of chunks is joined into a copy at the end
        cap = _space_bound(tokens)
        codes_all = np.empty(cap, dtype=np.int32)
        indices_all = np.empty(cap, dtype=np.int32)
        data_all = np.empty(cap, dtype=np.float64)
        lengths = np.zeros(n_rows, dtype=np.int64)
        nnz_rows = np.zeros(n_rows, dtype=np.int64)
        at = nnz = 0
        step = 256  # bounded memory: the token objects of 256 rows at a time
        for lo in range(0, n_rows, step):
            split = [s.split() if isinstance(s, str) else []
                     for s in tokens.iloc[lo:lo + step].tolist()]
            lens = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
            lengths[lo:lo + len(lens)] = lens
            flat = [t for toks in split for t in toks]
            del split
            local, uniq = pd.factorize(np.asarray(flat, dtype=object), sort=False)
            del flat
            glob = np.fromiter((ids.setdefault(t, len(ids)) for t in uniq), dtype=np.int64,
                               count=len(uniq))
            codes = glob[local] if len(local) else np.zeros(0, dtype=np.int64)
            if at + len(codes) > len(codes_all):  # more tokens than spaces say: grow (rare)
                codes_all, indices_all, data_all = (
                    _grown(a, at + len(codes)) for a in (codes_all, indices_all, data_all))
            codes_all[at:at + len(codes)] = codes
            at += len(codes)
            # (row, token) counts of the chunk, sorted by row then token id
            key = np.repeat(np.arange(len(lens), dtype=np.int64), lens) * (len(ids) + 1) + codes
            uk, cnt = np.unique(key, return_counts=True)
            indices_all[nnz:nnz + len(uk)] = uk % (len(ids) + 1)
            data_all[nnz:nnz + len(uk)] = cnt
            nnz += len(uk)
            nnz_rows[lo:lo + len(lens)] = np.bincount(uk // (len(ids) + 1), minlength=len(lens))
        self.indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(lengths, out=self.indptr[1:])
        # token ids in text order, row after row
        self.codes = codes_all[:at]
        self.vocab = np.empty(len(ids), dtype=object)
        self.vocab[:] = list(ids)
        self.ids = ids
        ptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(nnz_rows, out=ptr[1:])
        self.counts = sparse.csr_matrix((data_all[:nnz], indices_all[:nnz], ptr),
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

    def terms(self, *, min_chars: int = 2, drop_stopwords: bool = True,
              drop_boilerplate: bool = True) -> np.ndarray:
        """Boolean mask over the vocabulary: which tokens are terms under these options."""
        key = (min_chars, drop_stopwords, drop_boilerplate)
        if key not in self._kinds:
            drop = _lexicon_drop(self.lexicon, drop_stopwords, drop_boilerplate)
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



def _space_bound(tokens: pd.Series) -> int:
    """An upper bound of the tokens of a column of space-joined token strings: spaces + 1 per
    row (exact when single spaces join them)."""
    if not len(tokens):
        return 1
    try:
        spaces = tokens.str.count(" ").fillna(-1).to_numpy(dtype=np.int64)
    except (AttributeError, TypeError, ValueError):  # not text: the arrays grow as needed
        return 1024
    return int(spaces.sum() + len(spaces)) + 1


def _grown(a: np.ndarray, need: int) -> np.ndarray:
    out = np.empty(max(need, len(a) + len(a) // 4), dtype=a.dtype)
    out[:len(a)] = a
    return out


_CACHE: dict[tuple[int, str], tuple[weakref.ref, TokenIndex]] = {}


def token_index(corpus: Corpus) -> TokenIndex:
    """The (cached) index of ``corpus.tokens`` with the corpus's lexicon; rebuilt when the tokens
    table is another object or the lexicon another version. Never segments (NoTokensError)."""
    source = corpus.require_tokens()
    lexicon = _lexicon(corpus)
    cache_key = (id(source), lexicon.version)
    hit = _CACHE.get(cache_key)
    if hit is not None and hit[0]() is source:
        return hit[1]
    idx = TokenIndex(source, lexicon)
    for key in [k for k, (ref, _i) in _CACHE.items() if ref() is None]:
        del _CACHE[key]
    while len(_CACHE) >= 4:
        del _CACHE[next(iter(_CACHE))]
    try:
        _CACHE[cache_key] = (weakref.ref(source), idx)
    except TypeError:  # pragma: no cover - objects without weak references are not cached
        pass
    return idx


def _fields(corpus: Corpus, by: str | None = None) -> pd.DataFrame:
    """The documents' fields: ``corpus.docvars`` (a store's texts left unread), or ``corpus.docs``
    when ``by`` is one of its texts (or the corpus has no ``docvars``)."""
    docvars = getattr(corpus, "docvars", None)
    if docvars is None or (by is not None and by != "part" and by not in docvars.columns
                           and by in getattr(corpus, "doc_columns", ())):
        return corpus.docs
    return docvars


def _doc_columns(corpus: Corpus) -> list[str]:
    """Every column of ``corpus.docs``, without reading a store's texts."""
    return corpus.doc_columns if hasattr(corpus, "doc_columns") else list(corpus.docs.columns)


def _outline(corpus: Corpus) -> pd.DataFrame | None:
    """``corpus.sections`` without reading a store's section texts (they may be left out)."""
    return corpus.outline if hasattr(corpus, "outline") else corpus.sections


def _check_by(corpus: Corpus, by: str | None) -> None:
    if by is None or by == "part" or by in _doc_columns(corpus):
        return
    raise ValueError(f"by={by!r} is neither 'part' nor a column of corpus.docs "
                     f"({', '.join(c for c in _fields(corpus).columns if c not in ('text', 'raw_text'))})")


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
    docs = _fields(corpus, by)
    if by is not None and by != "part" and by in docs.columns:
        try:
            return pd.Series(pd.array(values, dtype=docs[by].dtype))
        except (TypeError, ValueError):
            pass
    return pd.Series(values, dtype=object)


def _empty_side(columns: list[str], text: str) -> pd.DataFrame:
    """The empty result of a comparison with an empty side: ``attrs["message"]`` says why."""
    import warnings

    df = pd.DataFrame(columns=columns)
    df.attrs["message"] = text
    warnings.warn(text, UserWarning, stacklevel=4)
    return df


def _sort_groups(values: Iterable, by: str | None, corpus: Corpus) -> list:
    """Groups in a stable order: corpus order for doc_id/file, report order for parts, else sorted
    values (missing last)."""
    groups = list(dict.fromkeys(values))
    missing = [g for g in groups if g is None]
    groups = [g for g in groups if g is not None]
    if by in ("doc_id", "file"):
        order = {v: i for i, v in enumerate(_fields(corpus, by)[by])}
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
        self.index = idx = token_index(corpus)
        fields = _fields(corpus, by)
        docs = fields if docs_mask is None else fields[docs_mask]
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
            lab = {d: _key(v) for d, v in zip(fields["doc_id"], fields[by], strict=True)}
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

    def term_counts(self, cols: np.ndarray):
        """(groups × ``cols`` counts, group sizes in tokens); ``cols``: vocabulary ids."""
        idx = self.index
        g = self.indicator()
        counts = (g @ idx.counts)[:, cols].tocsr()
        sizes = np.asarray(g @ idx.sizes).ravel()
        return counts, sizes

    def doc_freq(self, cols: np.ndarray):
        """(groups × ``cols``): documents of the group containing the term."""
        idx = self.index
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

    def n_docs(self) -> np.ndarray:
        """Documents per group: those with a token row in the selection."""
        out = np.zeros(len(self.groups), dtype=np.int64)
        if len(self.rows):
            pairs = pd.DataFrame({"g": self.codes, "d": self.doc_ids}).drop_duplicates()
            np.add.at(out, pairs["g"].to_numpy(dtype=np.int64), 1)
        return out


class _TopN:
    """Collects, group by group, terms ranked by value descending, ties by term (alphabetical), at
    most ``n`` per group (all when ``n`` is falsy); :meth:`arrays` gives (group code, column, value,
    rank)."""

    def __init__(self, terms: np.ndarray, n: int | None):
        self.alpha = np.empty(len(terms), dtype=np.int64)
        self.alpha[np.argsort(terms.astype(str), kind="stable")] = np.arange(len(terms))
        self.n = n
        self._parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []

    def add(self, code: int, cols: np.ndarray, values: np.ndarray) -> None:
        order = np.lexsort((self.alpha[cols], -values))
        if self.n:
            order = order[:self.n]
        self._parts.append((np.full(len(order), code, dtype=np.int64), cols[order], values[order],
                            np.arange(1, len(order) + 1)))

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        if not self._parts:
            e = np.zeros(0, dtype=np.int64)
            return e, e, np.zeros(0), e
        return tuple(np.concatenate(x) for x in zip(*self._parts, strict=True))  # type: ignore[return-value]


def _top_rows(matrix, terms: np.ndarray, n: int | None):
    """Per row of a groups × terms sparse matrix, the non-zero cells by value descending, ties by
    term, at most ``n``: arrays (group code, column, value, rank)."""
    m = matrix.tocsr()
    m.sort_indices()
    top = _TopN(terms, n)
    for i in range(m.shape[0]):
        lo, hi = m.indptr[i], m.indptr[i + 1]
        if lo == hi:
            continue
        cols, data = m.indices[lo:hi], m.data[lo:hi]
        keep = data != 0
        top.add(i, cols[keep], data[keep])
    return top.arrays()


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


# ---------------------------------------------------------------- token sequences and text


def compound_tails(lexicon) -> frozenset[str] | None:
    """What may follow a term inside one compound token: the heads, linkers and the head part of
    glued tokens of :func:`fazhi.tokens.compound_rules` (the merge's own rules), for
    :func:`_find` (None: no heads)."""
    from fazhi.lexicon import load_lexicon
    from fazhi.tokens import compound_rules

    r = compound_rules(lexicon if lexicon is not None else load_lexicon())
    tails = r.heads | r.linkers | {head for head, _rest in r.glued.values()}
    return frozenset(tails) or None


def _is_tail(rest: str, tails: frozenset[str]) -> bool:
    """``rest`` is a sequence of heads / linkers (工作领导小组, 领导小组会议, 率)."""
    ok = [True] + [False] * len(rest)
    for j in range(1, len(rest) + 1):
        ok[j] = any(ok[j - k] and rest[j - k:j] in tails for k in range(1, min(j, 8) + 1))
    return ok[len(rest)]


def _find(text: str, offsets: list[int], term: str, match: str,
          tails: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """(first token, end token) of each occurrence of ``term`` (cleaned) in a row's flat text
    whose token start offsets (plus the end) are ``offsets``. With ``tails`` (:func:`compound_tails`)
    an occurrence followed in its token only by compound heads ends on a boundary too
    (法律顾问 in 政府法律顾问 + 制度)."""
    out = []
    last = len(offsets) - 1
    i = text.find(term)
    while i >= 0:
        e = i + len(term)
        first = bisect_right(offsets, i) - 1
        end = bisect_left(offsets, e)
        at_s = offsets[first] == i
        at_e = end <= last and offsets[end] == e
        if not at_e and tails and match == "edge" and end <= last:
            at_e = _is_tail(text[e:offsets[end]], tails)
        if match == "text" or (at_s and at_e) or (match == "edge" and (at_s or at_e)):
            out.append((first, end))
        i = text.find(term, i + 1)
    return out



def _sentences(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _SENTENCE.finditer(text) if _WORDCHAR.search(m.group(0))]


def _part_at(level1: list[tuple[int, int, str]], pos: int) -> str:
    for start, end, part in level1:
        if start <= pos < end:
            return part
    return "preamble"


def _level1(corpus: Corpus) -> dict[str, list[tuple[int, int, str]]]:
    s = _outline(corpus)
    if s is None or s.empty:
        return {}
    s = s[s["level"].astype(int) == 1]
    out: dict[str, list] = {}
    for doc_id, start, end, part in zip(s["doc_id"], s["start"], s["end"], s["part"], strict=True):
        out.setdefault(doc_id, []).append((int(start), int(end), part))
    return out

