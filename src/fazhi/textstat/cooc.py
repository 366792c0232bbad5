"""Co-occurrence: which frequent terms appear together in the same sentence (or window), as an
edge table for a network (KH Coder's 共起ネットワーク, ROST CM's 社会网络分析).

The nodes are the ``n_terms`` most frequent terms (of each group); two nodes co-occur in a *unit*
(a sentence, or a span of ``window`` consecutive tokens) that contains both. ``count`` = units
containing both, ``count_a`` / ``count_b`` = units containing each, and with ``N`` = all units:

- ``jaccard`` = count / (count_a + count_b - count)  (KH Coder's default ranking);
- ``dice`` = 2 · count / (count_a + count_b);
- ``pmi`` = log2(count · N / (count_a · count_b)).

>>> edges = textstat_cooccurrence(corpus, n=60)                        # doctest: +SKIP
>>> edges.head(2)                                                      # doctest: +SKIP
  term_a    term_b  count  count_a  count_b   jaccard      dice       pmi  rank
0   行政复议   复议案件      14       20       16  0.636364  0.777778  4.120       1
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus, doc_parts
from fazhi.textstat._index import (
    _SENT_MARK,
    TokenIndex,
    _doc_columns,
    _fields,
    _group_column,
    _outline,
    _Selection,
    _TopN,
)
from fazhi.textstat.matrix import Dfm, as_dfm

Measure = Literal["jaccard", "dice", "pmi"]
MEASURES: tuple[str, ...] = ("jaccard", "dice", "pmi")
COLUMNS = ["term_a", "term_b", "count", "count_a", "count_b", *MEASURES, "rank"]

# a punctuation token that ends a sentence (。！？； and their ASCII forms; 。” too)
# tokens gathered per chunk of rows (bounded memory on 10k reports)
_CHUNK_TOKENS = 1_000_000


def textstat_cooccurrence(corpus: Corpus | Dfm, *, window: int | None = None, n: int | None = 60,
                          n_terms: int = 100, min_count: int = 2, measure: Measure = "jaccard",
                          by: str | None = None, drop_stopwords: bool = True,
                          drop_boilerplate: bool = True, parts: list[str] | str | None = None,
                          min_chars: int = 2) -> pd.DataFrame:
    """Edges between frequent terms that co-occur: [by], term_a, term_b, count, count_a, count_b,
    jaccard, dice, pmi, rank — the ``n`` strongest edges by ``measure`` (of each group with ``by``;
    ``n=None``: all), among the ``n_terms`` most frequent terms, with ``count >= min_count``.

    Units: ``window=None`` — a sentence: the tokens between 。！？； or line breaks within one part
    of a report, so a title or a heading without a full stop is a sentence of its own (the stored
    tokens have no line breaks: they are placed back from the report's text; a part whose text no
    longer matches its tokens is cut at 。！？； only, counted in ``attrs["rows_without_lines"]``);
    ``window=k`` — every span of ``k`` consecutive tokens of a part (punctuation left out, stopwords
    counted; a part shorter than ``k`` is one span), so two terms co-occur when fewer than ``k``
    tokens apart, and nearer pairs share more spans. ``term_a`` is the more frequent of the two.
    Ties rank by count, then by the terms. ``attrs``: ``units`` (N, of the whole table or per
    group), ``measure``, ``window``; an empty table has ``attrs["message"]``.

    >>> textstat_cooccurrence(corpus, window=5, measure="pmi", n=20)   # doctest: +SKIP
    """
    if measure not in MEASURES:
        raise ValueError(f"measure={measure!r}: choose one of {', '.join(MEASURES)}")
    if window is not None and int(window) < 2:
        raise ValueError(f"window={window!r}: a window holds at least 2 tokens (None: sentences)")
    d = as_dfm(corpus, min_chars=min_chars, drop_stopwords=drop_stopwords,
               drop_boilerplate=drop_boilerplate, parts=parts)
    sel = _Selection(d.corpus, by, d.parts, docs_mask=d._docs_mask)
    idx = sel.index
    cols = d._cols
    counts = (sel.indicator() @ idx.counts)[:, cols].tocsr() if len(sel.groups) else None
    # line starts of every selected row, placed once (not per group)
    lines = _line_starts(d.corpus, idx, sel.rows) if window is None else {}
    unplaced = int(len(sel.rows) - len(lines)) if window is None else 0
    parts_, units = [], {}
    order = np.argsort(sel.codes, kind="stable")
    bounds = np.searchsorted(sel.codes[order], np.arange(len(sel.groups) + 1))
    for code, group in enumerate(sel.groups):
        nodes = _top_terms(counts, code, cols, idx.vocab, n_terms)
        rows = np.sort(sel.rows[order[bounds[code]:bounds[code + 1]]])
        cooc, n_units = _unit_counts(idx, rows, nodes, window, lines)
        units[group] = n_units
        got = _edges(cooc, idx.vocab[nodes].astype(str), n_units, min_count, measure, n)
        if len(got["count"]):
            parts_.append((code, got))
    out = pd.DataFrame({c: np.concatenate([g[c] for _code, g in parts_]) if parts_ else []
                        for c in COLUMNS})
    if by is not None:
        codes = np.concatenate([np.full(len(g["count"]), code) for code, g in parts_]) \
            if parts_ else np.zeros(0, dtype=np.int64)
        out.insert(0, by, _group_column(sel, codes))
    out.attrs.update(measure=measure, window=window,
                     units=units.get("(all)", 0) if by is None else units,
                     rows_without_lines=unplaced)
    if not len(out):
        out.attrs["message"] = _why_empty(sel, units, min_count, window)
    return out


def _top_terms(counts, code: int, cols: np.ndarray, vocab: np.ndarray, n_terms: int) -> np.ndarray:
    """Vocabulary ids of the ``n_terms`` most frequent terms of group ``code`` (ties by term)."""
    row = counts.getrow(code)
    top = _TopN(vocab[cols[row.indices]].astype(str), n_terms)
    top.add(0, np.arange(len(row.indices)), row.data)
    _g, local, _v, _r = top.arrays()
    return cols[row.indices[local]]


def _sentence_ends(idx: TokenIndex) -> np.ndarray:
    """Boolean over the vocabulary: punctuation tokens that end a sentence (cached on ``idx``)."""
    got = getattr(idx, "_cooc_ends", None)
    if got is None:
        got = np.array([not w and _SENT_MARK.search(t) is not None
                        for t, w in zip(idx.vocab, idx.is_word, strict=True)], dtype=bool)
        idx._cooc_ends = got
    return got


def _chunks(idx: TokenIndex, rows: np.ndarray) -> Iterable[np.ndarray]:
    """``rows`` in consecutive chunks of at most about ``_CHUNK_TOKENS`` tokens."""
    lens = idx.indptr[rows + 1] - idx.indptr[rows]
    lo, acc = 0, 0
    for i, n in enumerate(lens):
        acc += int(n)
        if acc >= _CHUNK_TOKENS:
            yield rows[lo:i + 1]
            lo, acc = i + 1, 0
    if lo < len(rows):
        yield rows[lo:]


def _gather(idx: TokenIndex, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Token ids of ``rows`` in text order, and each token's row (0..len(rows)-1)."""
    starts = idx.indptr[rows]
    lens = idx.indptr[rows + 1] - starts
    total = int(lens.sum())
    row_of = np.repeat(np.arange(len(rows), dtype=np.int64), lens)
    first = np.cumsum(lens) - lens
    flat = np.arange(total, dtype=np.int64) - np.repeat(first, lens) + np.repeat(starts, lens)
    return idx.codes[flat], row_of


def _unit_counts(idx: TokenIndex, rows: np.ndarray, nodes: np.ndarray, window: int | None,
                 lines: dict[int, np.ndarray] | None = None) -> tuple[np.ndarray, int]:
    """(nodes × nodes units containing both — the diagonal: units containing each, N units)."""
    from scipy import sparse

    k = len(nodes)
    node_of = np.full(len(idx.vocab), -1, dtype=np.int64)
    node_of[nodes] = np.arange(k)
    cooc = np.zeros((k, k), dtype=np.int64)
    n_units = 0
    ends = _sentence_ends(idx) if window is None else None
    for chunk in _chunks(idx, rows):
        codes, row_of = _gather(idx, chunk)
        if window is None:
            brk = _line_flags(idx, chunk, codes, lines or {})
            unit, word, n_chunk = _sentence_units(codes, row_of, idx.is_word, ends, brk)
            node = node_of[codes]
            hit = word & (node >= 0)
            unit, node = unit[hit], node[hit]
        else:
            unit, node, n_chunk = _window_units(codes, row_of, idx.is_word, node_of, int(window))
        n_units += n_chunk
        if not k or not len(unit):
            continue
        x = sparse.csr_matrix((np.ones(len(unit)), (unit, node)),
                              shape=(int(unit.max()) + 1, k))
        x.sum_duplicates()
        x.data[:] = 1.0
        cooc += (x.T @ x).toarray().round().astype(np.int64)
    return cooc, n_units


def _sentence_units(codes, row_of, is_word, ends, brk=None) -> tuple[np.ndarray, np.ndarray, int]:
    """Each token's sentence (a new one after an end mark, at each row start and at each token
    flagged in ``brk``: a line start), which tokens are words, and the sentences holding a word."""
    if not len(codes):
        return np.zeros(0, np.int64), np.zeros(0, bool), 0
    new = np.empty(len(codes), dtype=bool)
    new[0] = True
    new[1:] = (row_of[1:] != row_of[:-1]) | ends[codes[:-1]]
    if brk is not None:
        new |= brk
    unit = np.cumsum(new) - 1
    word = is_word[codes]
    w = unit[word]  # non-decreasing: count the changes
    return unit, word, int(len(w) and np.count_nonzero(np.diff(w)) + 1)


def _line_starts(corpus: Corpus, idx: TokenIndex, rows: np.ndarray) -> dict[int, np.ndarray]:
    """Per token row: the offsets (in word characters of the row's tokens) where a line of the
    report's text starts — a title or a heading without a full stop is a sentence of its own.
    The stored tokens have no line breaks; they are placed back from ``corpus.docs["text"]``
    cut into parts and normalised (aliases, anonymised names) as the build does it. A row whose
    text still does not match its tokens (a lexicon changed since) gets none: it is split at end
    marks only (counted in ``attrs["rows_without_lines"]``)."""
    if "text" not in _doc_columns(corpus) or not len(rows):
        return {}
    from fazhi.tokens import Tokenizer

    normalise = Tokenizer(idx.lexicon).normalise  # the build's aliases (no segmenter loaded)
    wanted = set(idx.doc_id[rows])
    docs = _fields(corpus)
    anon = ({d: bool(a) for d, a in zip(docs["doc_id"], docs["anonymised"].fillna(False),
                                         strict=True) if d in wanted}
            if "anonymised" in docs.columns else {})
    level1: dict[str, list[dict]] = {}
    secs = _outline(corpus)  # not the sections' texts
    if secs is not None and len(secs):
        s = secs[["doc_id", "part", "level", "start", "end"]]
        s = s[s["doc_id"].isin(wanted) & (s["level"].astype(int) == 1)]
        for d, part, start, end in zip(s["doc_id"], s["part"], s["start"], s["end"], strict=True):
            level1.setdefault(d, []).append({"level": 1, "part": part, "start": int(start),
                                             "end": int(end)})
    texts = _texts_in_order(corpus, wanted)
    out: dict[int, np.ndarray] = {}
    doc, pieces = None, {}
    for r in rows.tolist():  # a document's rows are consecutive: one document's text at a time
        d, part = idx.doc_id[r], idx.part[r]
        if d != doc:
            t = texts(d)
            doc, pieces = d, ({p: xs for p, xs in doc_parts(t, level1.get(d, []))}
                              if isinstance(t, str) else {})
        got = pieces.get(part, [])
        n_chars = int(idx.clean_len[idx.row_ids(r)].sum())
        if not got:
            if not n_chars:
                out[r] = np.zeros(0, dtype=np.int64)  # nothing to place
            continue
        starts = _breaks(got, n_chars)
        if starts is None:  # an alias changed the length: normalise as the build did (slower)
            starts = _breaks([normalise(x, anonymised=anon.get(d, False)) for x in got], n_chars)
        if starts is not None:
            out[r] = starts
    return out


def _texts_in_order(corpus: Corpus, wanted: set):
    """A function giving the text of each document of ``rows`` when asked in row order: the
    texts are read one batch at a time (a store's text column is never held whole); a document
    asked out of that order is read on its own."""
    def read(ids):
        if hasattr(corpus, "iter_texts"):
            return corpus.iter_texts("text", ids)
        docs = corpus.docs
        return ((d, t) for d, t in zip(docs["doc_id"], docs["text"], strict=True) if d in ids)

    stream = read(wanted)
    ahead: dict[str, str | None] = {}

    def text(doc_id: str) -> str | None:
        if doc_id in ahead:
            return ahead.pop(doc_id)
        for d, t in stream:
            if d == doc_id:
                return t
            ahead[d] = t  # a document the rows reach later (rows and docs in another order)
        return dict(read({doc_id})).get(doc_id)  # asked again, or out of order

    return text


# the word characters of the token index (_index._WORDCHAR) as code point ranges
_WORD_RANGES = np.array([(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A), (0x3400, 0x4DBF),
                         (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF10, 0xFF19), (0xFF21, 0xFF3A),
                         (0xFF41, 0xFF5A)], dtype=np.uint32)


def word_chars(text: str) -> np.ndarray:
    """Boolean per character of ``text``: a word character (as the token index counts them:
    CJK, ASCII and full-width letters and digits). ``word_chars("依法，2021")`` → T T F T T T T."""
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    # a character is a word character when it falls inside one of the (sorted) ranges
    at = np.searchsorted(_WORD_RANGES[:, 0], cp, side="right") - 1
    return (at >= 0) & (cp <= _WORD_RANGES[np.maximum(at, 0), 1])


def _breaks(pieces: list[str], n_chars: int) -> np.ndarray | None:
    """Offsets (word characters before it) of each line start after the first in ``pieces``
    (each piece starts a line); None when the pieces do not hold ``n_chars`` word characters."""
    text = "\n".join(pieces)
    word = word_chars(text)
    if int(word.sum()) != n_chars:
        return None
    cp_nl = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) == 10
    before = np.cumsum(word) - word  # word characters before each character
    starts = before[cp_nl]
    return starts[np.r_[True, np.diff(starts) > 0]] if len(starts) else starts


def _line_flags(idx: TokenIndex, chunk: np.ndarray, codes: np.ndarray,
                lines: dict[int, np.ndarray]) -> np.ndarray:
    """Boolean over the gathered tokens of ``chunk``: the word tokens that start a line."""
    lens = idx.indptr[chunk + 1] - idx.indptr[chunk]
    got = [(j, lines[r]) for j, r in enumerate(chunk.tolist()) if r in lines and len(lines[r])]
    if not got or not len(codes):
        return np.zeros(len(codes), dtype=bool)
    # each token's word-character offset within its row, keyed with the row: row * big + offset
    clen = idx.clean_len[codes]
    cum = np.cumsum(clen) - clen
    row_start = np.repeat(np.cumsum(lens) - lens, lens)
    big = int(clen.sum()) + 1
    key = np.repeat(np.arange(len(chunk), dtype=np.int64), lens) * big + (cum - cum[row_start])
    want = np.sort(np.concatenate([j * big + st for j, st in got]))
    at = np.searchsorted(want, key)
    return (clen > 0) & (at < len(want)) & (want[np.minimum(at, len(want) - 1)] == key)


def _window_units(codes, row_of, is_word, node_of, k: int):
    """(span, node) of each node occurrence in each span of ``k`` word tokens that contains it,
    and the number of spans (rows shorter than ``k`` are one span)."""
    word = is_word[codes]
    codes, row_of = codes[word], row_of[word]
    if not len(codes):
        return np.zeros(0, np.int64), np.zeros(0, np.int64), 0
    n_rows = int(row_of.max()) + 1
    length = np.bincount(row_of, minlength=n_rows)
    spans = np.where(length > 0, np.maximum(length - k + 1, 1), 0)
    offset = np.cumsum(spans) - spans
    pos = np.arange(len(codes)) - np.repeat(np.cumsum(length) - length, length)
    node = node_of[codes]
    hit = node >= 0
    pos, row, node = pos[hit], row_of[hit], node[hit]
    lo = np.maximum(pos - k + 1, 0)
    hi = np.minimum(pos, spans[row] - 1)
    width = hi - lo + 1
    rep = np.repeat(np.arange(len(pos)), width)
    step = np.arange(int(width.sum())) - np.repeat(np.cumsum(width) - width, width)
    unit = offset[row[rep]] + lo[rep] + step
    return unit, node[rep], int(spans.sum())


def _edges(cooc: np.ndarray, terms: np.ndarray, n_units: int, min_count: int, measure: str,
           n: int | None) -> dict[str, np.ndarray]:
    """The edge columns of a nodes × nodes co-occurrence matrix: ranked by ``measure``
    descending, then count descending, then the terms; the first ``n``."""
    a, b = np.triu_indices(len(terms), k=1)
    c = cooc[a, b]
    keep = c >= max(int(min_count), 1)
    a, b, c = a[keep], b[keep], c[keep]
    diag = np.diag(cooc)
    alpha = np.empty(len(terms), dtype=np.int64)
    alpha[np.argsort(terms, kind="stable")] = np.arange(len(terms))
    swap = (diag[b] > diag[a]) | ((diag[b] == diag[a]) & (alpha[b] < alpha[a]))
    a, b = np.where(swap, b, a), np.where(swap, a, b)  # term_a: in more units
    ca, cb = diag[a], diag[b]
    cols = {"jaccard": c / (ca + cb - c), "dice": 2 * c / (ca + cb),
            "pmi": np.log2(c * float(n_units) / (ca * cb.astype(float)))}
    rank = np.lexsort((alpha[b], alpha[a], -c, -cols[measure]))
    if n:
        rank = rank[:n]
    out = {"term_a": terms[a[rank]].astype(object), "term_b": terms[b[rank]].astype(object),
           "count": c[rank], "count_a": ca[rank], "count_b": cb[rank]}
    out.update({m: v[rank] for m, v in cols.items()})
    out["rank"] = np.arange(1, len(rank) + 1)
    return out


def _why_empty(sel: _Selection, units: dict, min_count: int, window: int | None) -> str:
    unit = "句" if window is None else f"{window} 词窗口"
    if not len(sel.rows):
        return "没有可统计的报告（子集为空或所选部分没有文字），无法计算共现"
    total = sum(units.values())
    return (f"没有任何两个高频词在同一{unit}中共现至少 {min_count} 次（共 {total:,} 个单元），"
            f"无法画共现网络")
