"""Analyses that return DataFrames (quanteda's ``textstat_*`` grammar): frequencies, keywords,
keyness, trends, emerging terms, theme profiles, similarity, distinctive terms and KWIC.

Conventions shared by every function:

- the first argument is a :class:`~fazhi.corpus.Corpus`; the tokens come from ``corpus.tokens``;
- a *token* is a non-punctuation token of the store; rates (``per_10k``) and the sizes used by the
  keyness statistics count these tokens (stopwords included, punctuation not);
- a *term* is a token that is not number-only (``2021年``, ``209件``, ``13`` are not terms) and, by
  default, not a stopword or a boilerplate word of the lexicon (``stopwords=True, boilerplate=True``);
- ``by`` is any column of ``corpus.docs`` (report_year, province, city, district, town, level, file,
  doc_id ...) or ``"part"`` (preamble / achievements / problems / duty / plans / other);
- multi-word terms (``“七五”普法``, ``行政执法 公示``) are matched on the token sequence with
  punctuation removed, on token boundaries: ``“七五”普法`` counts both ``七五普法`` and
  ``“ 七五 ” 普法``, while ``法治`` does not count inside the token ``法治政府``.

>>> corpus = open_corpus("data/raw")                              # doctest: +SKIP
>>> textstat_frequency(corpus, by="report_year", n=5)             # doctest: +SKIP
>>> textstat_keyness(corpus, "province == '广东省'")              # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pandas as pd

from fazhi.corpus import Corpus

# a token carrying a word character (CJK, letters, digits); others are punctuation
_WORDCHAR = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff０-９Ａ-Ｚａ-ｚ]")
_NONWORD = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff０-９Ａ-Ｚａ-ｚ]+")
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*")

PARTS = ("preamble", "achievements", "problems", "duty", "plans", "other")


# ---------------------------------------------------------------- tokens


@lru_cache(maxsize=4)
def _lexicon_drop(stopwords: bool, boilerplate: bool) -> frozenset[str]:
    """Stopwords and/or boilerplate of the package lexicon."""
    from fazhi.lexicon import load_lexicon

    lex = load_lexicon()
    drop: set[str] = set()
    if stopwords:
        drop |= lex.stopwords
    if boilerplate:
        drop |= lex.boilerplate
    return frozenset(drop)


@lru_cache(maxsize=1)
def _numeric() -> re.Pattern:
    """Number-only tokens, also with a counting unit of the lexicon (2021年, 209件, 99%, 1.5万元)."""
    from fazhi.lexicon import load_lexicon

    units = sorted({*load_lexicon().units, "年度", "%", "％"}, key=len, reverse=True)
    alt = "|".join(map(re.escape, units))
    return re.compile(rf"^[0-9０-９.．,，]*[0-9０-９][0-9０-９.．,，]*(?:{alt})?$")


def is_term(token: str, *, min_chars: int = 1) -> bool:
    """True when ``token`` can be a term: it has a word character, is not number-only and has at
    least ``min_chars`` characters (``法治`` yes; ``，``, ``2021年``, ``209件`` no)."""
    return (len(token) >= min_chars and _WORDCHAR.search(token) is not None
            and _numeric().match(token) is None)


def _token_rows(corpus: Corpus) -> pd.DataFrame:
    """``corpus.tokens``; segmented on the fly (default lexicon) for a corpus read without a store."""
    if corpus.tokens is not None:
        return corpus.tokens
    from fazhi.corpus import doc_tokens
    from fazhi.tokens import Tokenizer

    tk = Tokenizer()
    secs = {k: g.to_dict("records") for k, g in corpus.sections.groupby("doc_id")}
    rows = [r for doc in corpus.docs.to_dict("records")
            for r in doc_tokens(tk, doc, secs.get(doc["doc_id"], []))]
    return pd.DataFrame(rows, columns=["doc_id", "part", "tokens"])


def _check_by(corpus: Corpus, by: str | None) -> None:
    if by is None or by == "part" or by in corpus.docs.columns:
        return
    raise ValueError(f"by={by!r} is neither 'part' nor a column of corpus.docs "
                     f"({', '.join(c for c in corpus.docs.columns if c not in ('text', 'raw_text'))})")


def _units(corpus: Corpus, by: str | None, parts: Iterable[str] | None = None) -> pd.DataFrame:
    """Token rows (doc_id, part, tokens, group), restricted to ``parts``; group = value of ``by``."""
    _check_by(corpus, by)
    rows = _token_rows(corpus)[["doc_id", "part", "tokens"]]
    if parts is not None:
        parts = [parts] if isinstance(parts, str) else list(parts)
        rows = rows[rows["part"].isin(parts)]
    rows = rows[rows["doc_id"].isin(corpus.docs["doc_id"])].copy()
    rows["tokens"] = rows["tokens"].fillna("")
    if by is None:
        rows["group"] = "(all)"
    elif by == "part":
        rows["group"] = rows["part"]
    elif by == "doc_id":
        rows["group"] = rows["doc_id"]
    else:
        rows["group"] = rows["doc_id"].map(dict(zip(corpus.docs["doc_id"], corpus.docs[by],
                                                    strict=True)))
    return rows.reset_index(drop=True)


def _group_order(corpus: Corpus, units: pd.DataFrame, by: str | None) -> list:
    """Groups in a stable order: sorted values (docs order for doc_id/file)."""
    groups = list(dict.fromkeys(units["group"]))
    if by in ("doc_id", "file", None):
        if by is not None:
            order = {v: i for i, v in enumerate(corpus.docs[by])}
            groups.sort(key=lambda g: order.get(g, len(order)))
        return groups
    if by == "part":
        return sorted(groups, key=lambda g: PARTS.index(g) if g in PARTS else len(PARTS))
    try:
        return sorted(groups)
    except TypeError:
        return sorted(groups, key=str)


class _Terms:
    """Per token row: the number of tokens (non-punctuation) and the filtered term list."""

    def __init__(self, *, min_chars: int = 1, stopwords: bool = True, boilerplate: bool = True):
        self.drop = _lexicon_drop(stopwords, boilerplate)
        self.min_chars = min_chars
        self._keep: dict[str, int] = {}  # token -> 0 punctuation, 1 token, 2 term

    def kind(self, tok: str) -> int:
        k = self._keep.get(tok)
        if k is None:
            if _WORDCHAR.search(tok) is None:
                k = 0
            elif tok in self.drop or not is_term(tok, min_chars=self.min_chars):
                k = 1
            else:
                k = 2
            self._keep[tok] = k
        return k

    def __call__(self, tokens: str) -> tuple[int, list[str]]:
        n, terms = 0, []
        kind = self.kind
        for t in tokens.split():
            k = kind(t)
            if k:
                n += 1
                if k == 2:
                    terms.append(t)
        return n, terms


def _doc_term_counts(units: pd.DataFrame, terms: _Terms) -> tuple[dict, dict, dict]:
    """Per group: Counter of terms, Counter of documents per term, number of tokens."""
    counts: dict = {}
    docs: dict = {}
    sizes: dict = {}
    per_doc: dict = {}
    for group, doc_id, toks in zip(units["group"], units["doc_id"], units["tokens"], strict=True):
        n, ts = terms(toks)
        sizes[group] = sizes.get(group, 0) + n
        counts.setdefault(group, Counter()).update(ts)
        per_doc.setdefault((group, doc_id), set()).update(ts)
    for (group, _doc), ts in per_doc.items():
        docs.setdefault(group, Counter()).update(ts)
    return counts, docs, sizes


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
    0         2019  法治政府   ...
    """
    units = _units(corpus, by, parts)
    counts, docs, sizes = _doc_term_counts(units, _Terms(min_chars=min_chars, stopwords=stopwords,
                                                         boilerplate=boilerplate))
    frames = []
    for group in _group_order(corpus, units, by):
        c = counts.get(group, Counter())
        df = pd.DataFrame({"term": list(c), "count": list(c.values())}, columns=["term", "count"])
        df["count"] = df["count"].astype("int64")
        df["docs"] = df["term"].map(docs.get(group, Counter())).fillna(0).astype("int64")
        df["per_10k"] = df["count"] / sizes.get(group, 0) * 10_000 if sizes.get(group) else 0.0
        df = df.sort_values(["count", "term"], ascending=[False, True]).reset_index(drop=True)
        if n:
            df = df.head(n)
        df["rank"] = range(1, len(df) + 1)
        if by is not None:
            df.insert(0, by, group)
        frames.append(df)
    cols = ([by] if by else []) + ["term", "count", "docs", "per_10k", "rank"]
    if not frames:
        return pd.DataFrame(columns=cols)
    return pd.concat(frames, ignore_index=True)[cols]


# ---------------------------------------------------------------- keywords


def _dtm(groups: list, group_terms: dict):
    """Sparse group × term count matrix and the vocabulary."""
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, g in enumerate(groups):
        for term, c in group_terms.get(g, {}).items():
            j = vocab.setdefault(term, len(vocab))
            rows.append(i)
            cols.append(j)
            vals.append(c)
    m = sparse.csr_matrix((np.asarray(vals, dtype=float), (rows, cols)),
                          shape=(len(groups), len(vocab)))
    return m, np.array(list(vocab), dtype=object)


def _idf(units: pd.DataFrame, terms: _Terms, vocab) -> object:
    """IDF over the documents of the corpus: ln((N + 1) / df) (a term in every document keeps a
    small weight ln(1 + 1/N); a term in one document of five weighs ln 6 ≈ 1.8)."""
    import numpy as np

    df_count: Counter = Counter()
    per_doc: dict[str, set] = {}
    for doc_id, toks in zip(units["doc_id"], units["tokens"], strict=True):
        per_doc.setdefault(doc_id, set()).update(terms(toks)[1])
    for ts in per_doc.values():
        df_count.update(ts)
    n = len(per_doc)
    df = np.array([df_count.get(t, 0) for t in vocab], dtype=float)
    return np.log((n + 1) / np.maximum(df, 1))


def _tfidf(corpus: Corpus, by: str, *, min_chars: int = 2, stopwords: bool = True,
           boilerplate: bool = True, parts=None):
    """Groups, vocabulary and the (l2-normalised rows) TF-IDF matrix; TF = relative frequency."""
    from sklearn.preprocessing import normalize

    units = _units(corpus, by, parts)
    terms = _Terms(min_chars=min_chars, stopwords=stopwords, boilerplate=boilerplate)
    counts, _docs, _sizes = _doc_term_counts(units, terms)
    groups = _group_order(corpus, units, by)
    m, vocab = _dtm(groups, counts)
    idf = _idf(units, terms, vocab)
    tf = normalize(m, norm="l1")
    return groups, vocab, tf.multiply(idf).tocsr(), counts


def _textrank(sequences: list[list[str]], *, window: int = 5, damping: float = 0.85,
              iterations: int = 100, tol: float = 1e-8) -> dict[str, float]:
    """PageRank over the undirected co-occurrence graph of ``sequences`` (edges between terms at
    most ``window - 1`` positions apart, weighted by the number of co-occurrences)."""
    import numpy as np
    from scipy import sparse

    index: dict[str, int] = {}
    pairs: Counter = Counter()
    for seq in sequences:
        ids = [index.setdefault(t, len(index)) for t in seq]
        for i, a in enumerate(ids):
            for b in ids[i + 1:i + window]:
                if a != b:
                    pairs[(a, b)] += 1
                    pairs[(b, a)] += 1
    n = len(index)
    if n == 0:
        return {}
    if not pairs:
        return dict.fromkeys(index, 1.0)
    ra, rb = zip(*pairs, strict=True)
    w = np.asarray(list(pairs.values()), dtype=float)
    adj = sparse.csr_matrix((w, (ra, rb)), shape=(n, n))
    out = np.asarray(adj.sum(axis=1)).ravel()
    out[out == 0] = 1.0
    trans = sparse.diags(1.0 / out) @ adj  # row-stochastic
    trans_t = trans.T.tocsr()
    score = np.full(n, 1.0 / n)
    for _ in range(iterations):
        new = (1 - damping) / n + damping * (trans_t @ score)
        if np.abs(new - score).sum() < tol:
            score = new
            break
        score = new
    score = score / score.max()
    terms = list(index)
    return {terms[i]: float(score[i]) for i in range(n)}


def textstat_keywords(corpus: Corpus, *, by: str = "doc_id",
                      method: Literal["tfidf", "textrank"] = "tfidf", n: int = 10,
                      min_chars: int = 2, stopwords: bool = True, boilerplate: bool = True,
                      parts: list[str] | None = None, window: int = 5) -> pd.DataFrame:
    """Keywords per document or group: <by>, term, score, rank.

    - ``tfidf``: TF = the term's share of the group's terms, IDF computed from THIS corpus over its
      documents, ``ln((N + 1) / df)`` (not jieba's generic IDF file);
    - ``textrank``: PageRank (damping 0.85) over the co-occurrence graph of the group's terms
      (edges within ``window`` consecutive terms, per document part); scores scaled to max 1.

    >>> textstat_keywords(corpus, by="town", method="textrank", n=5)   # doctest: +SKIP
    """
    if method not in ("tfidf", "textrank"):
        raise ValueError(f"method must be 'tfidf' or 'textrank', not {method!r}")
    frames = []
    if method == "tfidf":
        groups, vocab, m, _counts = _tfidf(corpus, by, min_chars=min_chars, stopwords=stopwords,
                                           boilerplate=boilerplate, parts=parts)
        for i, g in enumerate(groups):
            row = m.getrow(i)
            df = pd.DataFrame({"term": vocab[row.indices].astype(str), "score": row.data})
            frames.append((g, df))
    else:
        units = _units(corpus, by, parts)
        terms = _Terms(min_chars=min_chars, stopwords=stopwords, boilerplate=boilerplate)
        seqs: dict = {}
        for g, toks in zip(units["group"], units["tokens"], strict=True):
            seqs.setdefault(g, []).append(terms(toks)[1])
        for g in _group_order(corpus, units, by):
            scores = _textrank(seqs.get(g, []), window=window)
            frames.append((g, pd.DataFrame({"term": list(scores), "score": list(scores.values())},
                                           columns=["term", "score"])))
    out = []
    for g, df in frames:
        df = df.sort_values(["score", "term"], ascending=[False, True]).head(n).reset_index(drop=True)
        df["rank"] = range(1, len(df) + 1)
        df.insert(0, by, g)
        out.append(df)
    cols = [by, "term", "score", "rank"]
    return pd.concat(out, ignore_index=True)[cols] if out else pd.DataFrame(columns=cols)


# ---------------------------------------------------------------- keyness


def _mask(corpus: Corpus, selector, name: str):
    """Boolean numpy mask over corpus.docs from a query string or a boolean mask."""
    import numpy as np

    docs = corpus.docs
    if isinstance(selector, str):
        try:
            sel = docs.eval(selector)
        except Exception as exc:  # pandas raises many kinds here
            raise ValueError(f"{name}: cannot evaluate query {selector!r} over corpus.docs: "
                             f"{exc}") from None
        mask = np.asarray(sel, dtype=bool)
    elif isinstance(selector, pd.Series) and selector.dtype == bool:
        mask = selector.reindex(docs.index).fillna(False).to_numpy(dtype=bool)
    else:
        mask = np.asarray(selector, dtype=bool)
    if mask.shape != (len(docs),):
        raise ValueError(f"{name}: a mask must have one value per document ({len(docs)}), "
                         f"not shape {mask.shape}")
    return mask


def _keyness_stats(a, b, size_t: float, size_r: float):
    """Signed G², signed χ² (no continuity correction) and log ratio (0.5 added to both counts) for
    counts ``a`` (target) and ``b`` (reference) of corpora of sizes ``size_t`` and ``size_r``."""
    import numpy as np

    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    n = size_t + size_r
    c, d = size_t - a, size_r - b
    row1, row2 = a + b, c + d
    e = [row1 * size_t / n, row1 * size_r / n, row2 * size_t / n, row2 * size_r / n]
    o = [a, b, c, d]
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * sum(np.where(oi > 0, oi * np.log(oi / ei), 0.0) for oi, ei in zip(o, e, strict=True))
        chi2 = sum(np.where(ei > 0, (oi - ei) ** 2 / ei, 0.0) for oi, ei in zip(o, e, strict=True))
        log_ratio = np.log2(((a + 0.5) / max(size_t, 1)) / ((b + 0.5) / max(size_r, 1)))
        sign = np.where(a / max(size_t, 1) >= b / max(size_r, 1), 1.0, -1.0)
    g2 = np.maximum(g2, 0.0) * sign
    chi2 = chi2 * sign
    return g2, chi2, log_ratio


def _pvalue(stat):
    import numpy as np
    from scipy.stats import chi2 as chi2_dist

    return chi2_dist.sf(np.abs(np.asarray(stat, dtype=float)), 1)


def _counts_of(units: pd.DataFrame, terms: _Terms) -> tuple[Counter, int]:
    c: Counter = Counter()
    size = 0
    for toks in units["tokens"]:
        k, ts = terms(toks)
        size += k
        c.update(ts)
    return c, size


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
    keeps the first rows.

    >>> textstat_keyness(corpus, "province == '广东省'", n=10)      # doctest: +SKIP
    """
    if measure not in ("g2", "chi2"):
        raise ValueError(f"measure must be 'g2' or 'chi2', not {measure!r}")
    tmask = _mask(corpus, target, "target")
    rmask = ~tmask if reference is None else _mask(corpus, reference, "reference")
    if not tmask.any():
        raise ValueError(f"target {target!r} selects no document")
    if not rmask.any():
        raise ValueError("the reference selects no document")
    units = _units(corpus, None, parts)
    terms = _Terms(min_chars=min_chars, stopwords=stopwords, boilerplate=boilerplate)
    ids = corpus.docs["doc_id"]
    ct, st = _counts_of(units[units["doc_id"].isin(ids[tmask])], terms)
    cr, sr = _counts_of(units[units["doc_id"].isin(ids[rmask])], terms)
    return _keyness_frame(ct, cr, st, sr, measure=measure, min_count=min_count, n=n)


def _keyness_frame(ct: Counter, cr: Counter, st: int, sr: int, *, measure: str, min_count: int,
                   n: int | None) -> pd.DataFrame:
    vocab = sorted(set(ct) | set(cr))
    a = [ct.get(t, 0) for t in vocab]
    b = [cr.get(t, 0) for t in vocab]
    g2, chi2, lr = _keyness_stats(a, b, st, sr)
    df = pd.DataFrame({"term": vocab, "n_target": a, "n_reference": b, "g2": g2, "chi2": chi2},
                      columns=["term", "n_target", "n_reference", "g2", "chi2"])
    df["n_target"] = df["n_target"].astype("int64")
    df["n_reference"] = df["n_reference"].astype("int64")
    df["p"] = _pvalue(df[measure])
    df["log_ratio"] = lr
    df = df[df["n_target"] + df["n_reference"] >= min_count]
    df = df.sort_values([measure, "term"], ascending=[False, True]).reset_index(drop=True)
    return df.head(n).reset_index(drop=True) if n else df


# ---------------------------------------------------------------- trends


def _clean_term(term: str) -> str:
    return _NONWORD.sub("", term)


Match = Literal["edge", "tokens", "text"]


class _Matcher:
    """Occurrences of terms in a token sequence with punctuation removed.

    ``match="tokens"``: the occurrence starts and ends on token boundaries (``法治`` not inside
    ``法治政府``); ``"edge"`` (default): it starts or ends on one (``法律顾问`` inside ``政府法律顾问``
    counts, ``法治`` inside ``依法治国`` or across ``依法 治理`` does not); ``"text"``: any substring.
    """

    def __init__(self, tokens: str):
        words = [_NONWORD.sub("", t) for t in tokens.split()]
        words = [w for w in words if w]
        self.n = len(words)
        self.text = "".join(words)
        self.offsets: list[int] = []
        pos = 0
        for w in words:
            self.offsets.append(pos)
            pos += len(w)
        self.bounds = {**{o: i for i, o in enumerate(self.offsets)}, pos: len(words)}

    def find(self, term: str, match: Match = "edge") -> list[tuple[int, int]]:
        """(first token, end token) of each occurrence of ``term`` (already cleaned)."""
        from bisect import bisect_right

        out: list[tuple[int, int]] = []
        if not term:
            return out
        i = self.text.find(term)
        while i >= 0:
            j = i + len(term)
            a, b = self.bounds.get(i), self.bounds.get(j)
            ok = (a is not None and b is not None) if match == "tokens" else (
                a is not None or b is not None) if match == "edge" else True
            if ok:
                first = a if a is not None else bisect_right(self.offsets, i) - 1
                end = b if b is not None else bisect_right(self.offsets, j)
                out.append((first, end))
            i = self.text.find(term, i + 1)
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
    boundary (``法律顾问`` in ``政府法律顾问`` yes, ``法治`` in ``依法治国`` no), ``"tokens"`` only
    whole-token sequences, ``"text"`` every substring.

    >>> textstat_trend(corpus, ["习近平法治思想", "“八五”普法"])   # doctest: +SKIP
    """
    terms = [terms] if isinstance(terms, str) else list(terms)
    units = _units(corpus, by, parts)
    cleaned = {t: _clean_term(t) for t in terms}
    stats: dict = {}
    for group, doc_id, toks in zip(units["group"], units["doc_id"], units["tokens"], strict=True):
        m = _Matcher(toks)
        st = stats.setdefault(group, {"docs": set(), "n": 0, "count": Counter(), "with": {}})
        st["docs"].add(doc_id)
        st["n"] += m.n
        for t in terms:
            k = len(m.find(cleaned[t], match))
            if k:
                st["count"][t] += k
                st["with"].setdefault(t, set()).add(doc_id)
    rows = []
    for group in _group_order(corpus, units, by):
        st = stats[group]
        for t in terms:
            rows.append({by: group, "term": t, "count": st["count"][t], "n_docs": len(st["docs"]),
                         "docs_with_term": len(st["with"].get(t, ())), "n_tokens": st["n"],
                         "per_10k": _rate(st["count"][t], st["n"])})
    cols = [by, "term", "count", "n_docs", "docs_with_term", "n_tokens", "per_10k"]
    return pd.DataFrame(rows, columns=cols)


def textstat_emerging(corpus: Corpus, *, split: int, by: str = "report_year", min_count: int = 5,
                      n: int | None = 20, stopwords: bool = True, boilerplate: bool = True,
                      min_chars: int = 2) -> pd.DataFrame:
    """Emerging and fading terms between ``by < split`` (before) and ``by >= split`` (after):
    term, count_before, count_after, per_10k_before, per_10k_after, log_ratio, g2, p, trend.

    Score: signed G² of "after" against "before" (positive → ``emerging``, negative → ``fading``),
    with ``log_ratio`` = log2(rate after / rate before), 0.5 added to both counts. Terms with fewer
    than ``min_count`` occurrences in both periods together are left out. Returns the ``n`` most
    emerging (G² descending) then the ``n`` most fading (G² ascending); ``n=None`` keeps all.

    >>> textstat_emerging(corpus, split=2021)                    # doctest: +SKIP
    """
    _check_by(corpus, by)
    key = corpus.docs[by]
    after = (key >= split).to_numpy(dtype=bool)
    before = (key < split).to_numpy(dtype=bool)
    units = _units(corpus, None, None)
    terms = _Terms(min_chars=min_chars, stopwords=stopwords, boilerplate=boilerplate)
    ids = corpus.docs["doc_id"]
    ca, sa = _counts_of(units[units["doc_id"].isin(ids[after])], terms)
    cb, sb = _counts_of(units[units["doc_id"].isin(ids[before])], terms)
    k = _keyness_frame(ca, cb, sa, sb, measure="g2", min_count=min_count, n=None)
    out = pd.DataFrame({
        "term": k["term"], "count_before": k["n_reference"], "count_after": k["n_target"],
        "per_10k_before": k["n_reference"] / sb * 10_000 if sb else 0.0,
        "per_10k_after": k["n_target"] / sa * 10_000 if sa else 0.0,
        "log_ratio": k["log_ratio"], "g2": k["g2"], "p": k["p"]})
    out["trend"] = ["emerging" if g > 0 else "fading" for g in out["g2"]]
    out = out[out["g2"] != 0]
    em = out[out["trend"] == "emerging"].sort_values(["g2", "term"], ascending=[False, True])
    fa = out[out["trend"] == "fading"].sort_values(["g2", "term"], ascending=[True, True])
    if n:
        em, fa = em.head(n), fa.head(n)
    return pd.concat([em, fa], ignore_index=True)


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
    cleaned = {th: sorted({c for c in map(_clean_term, ts) if c}, key=len, reverse=True)
               for th, ts in themes.items()}
    names = list(themes)
    hits: dict = {}
    sizes: dict = {}
    if unit == "tokens":
        units = _units(corpus, by, parts)
        for group, toks in zip(units["group"], units["tokens"], strict=True):
            m = _Matcher(toks)
            sizes[group] = sizes.get(group, 0) + m.n
            h = hits.setdefault(group, Counter())
            for th in names:
                covered: set[int] = set()
                for term in cleaned[th]:
                    for a, b in m.find(term, match):
                        covered.update(range(a, b))
                h[th] += len(covered)
        order = _group_order(corpus, units, by)
    else:
        _check_by(corpus, by)
        level1 = _level1(corpus)
        want = None if parts is None else set([parts] if isinstance(parts, str) else parts)
        docs = corpus.docs
        keys = docs["doc_id"] if by in ("doc_id", "part") else docs[by]
        for doc_id, key, text in zip(docs["doc_id"], keys, docs["text"].fillna(""), strict=True):
            spans = level1.get(doc_id, [])
            for start, sent in _sentences(text):
                part = _part_at(spans, start)
                if want is not None and part not in want:
                    continue
                group = part if by == "part" else key
                flat = _clean_term(sent)
                sizes[group] = sizes.get(group, 0) + 1
                h = hits.setdefault(group, Counter())
                for th in names:
                    if any(term in flat for term in cleaned[th]):
                        h[th] += 1
        order = list(sizes)
        if by == "part":
            order.sort(key=lambda g: PARTS.index(g) if g in PARTS else len(PARTS))
        elif by not in ("doc_id", "file"):
            try:
                order.sort()
            except TypeError:
                order.sort(key=str)
    rows = [{by: g, "theme": th, "hits": hits.get(g, Counter())[th], "n_units": sizes.get(g, 0),
             "share": hits.get(g, Counter())[th] / sizes[g] if sizes.get(g) else 0.0}
            for g in order for th in names]
    return pd.DataFrame(rows, columns=[by, "theme", "hits", "n_units", "share"])


# ---------------------------------------------------------------- similarity


def textstat_simil(corpus: Corpus, *, by: str = "doc_id", labels: str | None = "file",
                   min_chars: int = 2, stopwords: bool = True, boilerplate: bool = True,
                   parts: list[str] | None = None) -> pd.DataFrame:
    """Square matrix of TF-IDF cosine similarities between documents or groups (index and columns =
    labels). TF-IDF as :func:`textstat_keywords` (IDF from this corpus). With ``by="doc_id"`` the
    rows are labelled by the ``labels`` column of ``corpus.docs`` (e.g. the file name; None keeps
    doc_id). The diagonal is 1.0 (0.0 for a document without terms).

    >>> textstat_simil(corpus).round(2)                         # doctest: +SKIP
    """
    import numpy as np

    groups, _vocab, m, _ = _tfidf(corpus, by, min_chars=min_chars, stopwords=stopwords,
                                  boilerplate=boilerplate, parts=parts)
    from sklearn.metrics.pairwise import cosine_similarity

    sim = cosine_similarity(m) if len(groups) else np.zeros((0, 0))
    nonempty = np.asarray(m.getnnz(axis=1) > 0) if len(groups) else np.zeros(0, bool)
    np.fill_diagonal(sim, np.where(nonempty, 1.0, 0.0))
    sim = np.clip(sim, 0.0, 1.0)
    names = _labels(corpus, by, groups, labels)
    df = pd.DataFrame(sim, index=pd.Index(names, name=by), columns=pd.Index(names, name=by))
    return df


def _labels(corpus: Corpus, by: str, groups: list, labels: str | None) -> list:
    if by != "doc_id" or not labels or labels == "doc_id":
        return list(groups)
    if labels not in corpus.docs.columns:
        raise ValueError(f"labels={labels!r} is not a column of corpus.docs")
    lab = dict(zip(corpus.docs["doc_id"], corpus.docs[labels].astype(str), strict=True))
    names = [lab.get(g, g) for g in groups]
    seen: Counter = Counter(names)
    if len(seen) < len(names):  # repeated labels: keep them apart with the doc_id
        names = [f"{x} ({g})" if seen[x] > 1 else x for x, g in zip(names, groups, strict=True)]
    return names


def textstat_neighbours(corpus: Corpus, *, by: str = "doc_id", n: int = 3,
                        **options) -> pd.DataFrame:
    """The ``n`` most similar other documents/groups of each: <by>, neighbour, similarity, rank.

    With ``by="doc_id"`` the values are doc_ids and ``label`` / ``neighbour_label`` hold the file
    names. Similarity as :func:`textstat_simil`.
    >>> textstat_neighbours(corpus, n=1)                         # doctest: +SKIP
    """
    sim = textstat_simil(corpus, by=by, labels=None, **options)
    rows = []
    keys = list(sim.index)
    vals = sim.to_numpy()
    for i, key in enumerate(keys):
        order = sorted((j for j in range(len(keys)) if j != i), key=lambda j: (-vals[i, j], str(keys[j])))
        for r, j in enumerate(order[:n], 1):
            rows.append({by: key, "neighbour": keys[j], "similarity": float(vals[i, j]), "rank": r})
    df = pd.DataFrame(rows, columns=[by, "neighbour", "similarity", "rank"])
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
    >>> textstat_distinctive(corpus, by="town", n=5)             # doctest: +SKIP
    """
    units = _units(corpus, by, parts)
    terms = _Terms(min_chars=min_chars, stopwords=stopwords, boilerplate=boilerplate)
    counts, _docs, sizes = _doc_term_counts(units, terms)
    total: Counter = Counter()
    for c in counts.values():
        total.update(c)
    size_all = sum(sizes.values())
    frames = []
    for g in _group_order(corpus, units, by):
        c = counts.get(g, Counter())
        vocab = sorted(t for t, k in c.items() if k >= min_count)
        if not vocab:
            continue
        a = [c[t] for t in vocab]
        b = [total[t] - c[t] for t in vocab]
        st = sizes.get(g, 0)
        g2, _chi2, lr = _keyness_stats(a, b, st, size_all - st)
        df = pd.DataFrame({"term": vocab, "n_target": a, "n_reference": b, "g2": g2,
                           "log_ratio": lr})
        df = df[df["g2"] > 0].sort_values(["g2", "term"], ascending=[False, True]).head(n)
        df = df.reset_index(drop=True)
        df["rank"] = range(1, len(df) + 1)
        df.insert(0, by, g)
        frames.append(df)
    cols = [by, "term", "n_target", "n_reference", "g2", "log_ratio", "rank"]
    return pd.concat(frames, ignore_index=True)[cols] if frames else pd.DataFrame(columns=cols)


# ---------------------------------------------------------------- KWIC


def kwic(corpus: Corpus, term: str, *, window: int = 20) -> pd.DataFrame:
    """Keyword in context over the cleaned text ``docs.text``: doc_id, file, part, start, end, left,
    keyword, right. ``term`` is taken literally (regex-escaped); ``start``/``end`` are character
    offsets in ``docs.text``; ``left``/``right`` hold at most ``window`` characters (line breaks shown
    as spaces); ``part`` comes from the level-1 sections ("preamble" outside them).

    >>> kwic(corpus, "法律顾问", window=10)                      # doctest: +SKIP
    """
    if not term:
        raise ValueError("kwic needs a non-empty term")
    pat = _kwic_pattern(term)
    level1 = _level1(corpus)
    rows = []
    docs = corpus.docs
    for doc_id, file, text in zip(docs["doc_id"], docs["file"], docs["text"].fillna(""), strict=True):
        spans = level1.get(doc_id, [])
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            rows.append({"doc_id": doc_id, "file": file, "part": _part_at(spans, s), "start": s,
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
