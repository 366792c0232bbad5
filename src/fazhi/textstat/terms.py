"""Term discovery: multi-character terms the lexicon does not know, found in the user's own corpus.

The classic new-word discovery for Chinese (frequency × cohesion × boundary freedom) run over
**token sequences** rather than raw character n-grams: a candidate is a run of 2–4 adjacent word
tokens (no punctuation between them, inside one part of one report) that jieba split, e.g.
``府院 联动`` or ``负责人 出庭 应诉``. Why tokens and not characters: a term jieba already keeps
whole needs no dictionary entry (character n-grams would mostly rediscover 法治政府 and its
substrings ``治政``, ``政府建``); token boundaries cut the candidate space ~10× (fast on 10k
reports); and the candidate is exactly what ``fazhi build --lexicon`` has to join. Within a
candidate the statistics are the classic ones:

- ``pmi``: cohesion, the smallest pointwise mutual information over the ways of cutting the
  sequence in two, ``min log(p(ab) / (p(a) p(b)))`` (natural log, p = count / word tokens);
- ``left_entropy`` / ``right_entropy``: branching entropy of the token before / after each
  occurrence (a punctuation mark is a neighbour like a word, so a whole clause always between the
  same marks is not free; a part's edge counts as a new neighbour each time);
- ``score = log(1 + count) × max(pmi, 0) × min(left_entropy, right_entropy)``: frequent, cohesive
  and free at both ends.

Excluded: candidates whose text the lexicon (user dictionary) or the corpus already has as one
token, slogans (``data/slogans.txt``), sequences with a number, year or date (``2021年``, ``一是``),
and sequences that begin or end with a stopword or boilerplate word (``的``, ``加强``).

>>> textstat_terms(corpus, n=20)                                    # doctest: +SKIP
>>> write_userdict(textstat_terms(corpus), "my_lexicon/")           # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus
from fazhi.patterns import CN_DIGITS, CN_NUM, CN_YEAR, DATE, YEAR
from fazhi.textstat._index import _lexicon, _numeric, _Selection, token_index
from fazhi.textstat._ngrams import Ngrams, unique_counts
from fazhi.textstat.matrix import Dfm

TERM_COLUMNS = ["term", "tokens", "count", "docs", "pmi", "left_entropy", "right_entropy",
                "score", "rank"]
MAX_TOKENS = 4
_DIGIT = re.compile(rf"[0-9０-９]|^[{CN_DIGITS}{CN_NUM}百千万亿两]{{2,}}$")
_CN_ORDINAL = re.compile(rf"^[{CN_NUM}]+是$")


@lru_cache(maxsize=1)
def _slogans() -> frozenset[str]:
    from fazhi.read import data_path, read_lines

    path = data_path("slogans.txt")
    return frozenset(s for _no, s in read_lines(path, path.read_bytes()))


def _rows(x: Corpus | Dfm, parts) -> tuple[Corpus, np.ndarray]:
    if isinstance(x, Dfm):
        return x.corpus, x._sel.rows
    sel = _Selection(x, None, parts)
    return x, sel.rows


def _entropy(cand: np.ndarray, neighbour: np.ndarray, weight: np.ndarray,
             n_cand: int) -> np.ndarray:
    """Branching entropy per candidate over weighted occurrences: ``neighbour`` -1 = a part's
    edge (a new neighbour each time)."""
    w = weight.astype(np.float64)
    total = np.bincount(cand, weights=w, minlength=n_cand)
    real = neighbour >= 0
    width = int(neighbour.max(initial=0)) + 1
    uk, c = unique_counts(cand[real].astype(np.int64) * width + neighbour[real], w[real])
    clogc = np.bincount(uk // width, weights=c * np.log(np.maximum(c, 1)), minlength=n_cand)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = np.where(total > 0, np.log(np.maximum(total, 1)) - clogc / np.maximum(total, 1), 0.0)
    return np.where(h > 1e-9, h, 0.0)


def textstat_terms(corpus: Corpus | Dfm, *, n: int | None = 50, min_count: int = 5,
                   min_chars: int = 2, max_chars: int = 10, min_docs: int = 2,
                   parts: Iterable[str] | None = None) -> pd.DataFrame:
    """Candidate new terms of the corpus: term, tokens (its commonest split), count and docs
    (over all its splits; an occurrence where a neighbour glued onto it, 实三色 in 做实三色研判,
    is not counted), pmi, left_entropy, right_entropy (of its splits, averaged by their counts),
    score, rank — the ``n`` best by ``score`` (see the module).

    ``min_count``: occurrences at least; ``min_docs``: reports at least (a term of one report is
    its own phrase, not the field's); ``min_chars``/``max_chars``: length of the term in
    characters; ``parts``: only these parts of the reports. ``corpus`` may be a Dfm of documents
    (its documents and parts are used). An empty table with ``attrs["message"]`` when nothing
    qualifies (a tiny corpus).

    >>> textstat_terms(corpus, n=3)                                   # doctest: +SKIP
          term       tokens  count  docs   pmi  left_entropy  right_entropy  score  rank
    0  府院联动    府院 联动     42    17  6.10          2.31           2.05  46.1     1
    """
    corpus, rows = _rows(corpus, parts)
    idx = token_index(corpus)
    lexicon = _lexicon(corpus)
    # a term split in several ways (三色 研判 / 三 色 研判) is counted over all of them: each
    # split needs only part of min_count
    split_min = max(1, min(2, min_count), -(-min_count // 2))
    g = Ngrams(idx, max_size=MAX_TOKENS, min_count=split_min, rows=rows)
    n_words = max(g.n_words, 1)
    vocab = idx.vocab
    numeric = _numeric(tuple(lexicon.units))
    drop = lexicon.stopwords | lexicon.boilerplate
    bad_edge = np.array([t in drop for t in vocab], dtype=bool)
    bad_tok = np.array([numeric.match(t) is not None or _DIGIT.search(t) is not None
                        or _CN_ORDINAL.match(t) is not None for t in vocab], dtype=bool)
    frames = []
    for k in range(2, MAX_TOKENS + 1):
        ids, cnt = g.ids(k), g.count(k)
        if not len(cnt):
            continue
        cand = np.flatnonzero(cnt >= split_min)
        if not len(cand):
            continue
        rep = g.first_positions(k)[cand]
        toks = np.stack([g.codes[rep + j] for j in range(k)], axis=1)
        ok = ~bad_edge[toks[:, 0]] & ~bad_edge[toks[:, -1]] & ~bad_tok[toks].any(axis=1)
        chars = idx.clean_len[toks].sum(axis=1)
        ok &= (chars >= min_chars) & (chars <= max_chars)
        cand, rep, toks = cand[ok], rep[ok], toks[ok]
        if not len(cand):
            continue
        # cohesion: the weakest binary cut
        pmi = np.full(len(cand), np.inf)
        for j in range(1, k):
            left = g.count(j)[g.ids(j)[rep]].astype(np.float64)
            right = g.count(k - j)[g.ids(k - j)[rep + j]].astype(np.float64)
            pmi = np.minimum(pmi, np.log(cnt[cand] * float(n_words) / (left * right)))
        # occurrences of the candidates and their neighbours: a word, or the punctuation mark
        # (a mark is a neighbour like a word: a clause always between the same marks is not
        # free); a part's edge is a new neighbour each time
        slot = np.full(len(cnt), -1, dtype=np.int64)
        slot[cand] = np.arange(len(cand))
        pos = np.flatnonzero(ids >= 0)
        s = slot[ids[pos]]
        pos, s = pos[s >= 0], s[s >= 0]
        lnb, rnb = g.neighbours(pos, k)
        w = g.weight[pos]
        h_left = _entropy(s, lnb, w, len(cand))
        h_right = _entropy(s, rnb, w, len(cand))
        segs = pd.unique(s * (g.seg.max(initial=0) + 1).astype(np.int64) + g.seg[pos])
        text = idx.clean[toks[:, 0]].copy()
        split = idx.vocab[toks[:, 0]].copy()
        for j in range(1, k):
            text = text + idx.clean[toks[:, j]]
            split = split + " " + idx.vocab[toks[:, j]]
        width = int(g.seg.max(initial=0)) + 1
        frames.append((pd.DataFrame({"term": text, "tokens": split, "count": cnt[cand],
                                     "pmi": pmi, "left_entropy": h_left,
                                     "right_entropy": h_right}), segs // width, segs % width))
    out = pd.DataFrame(columns=TERM_COLUMNS)
    if frames:
        out = _merge_splits(frames, g, min_count, min_docs, n, idx, lexicon)
    if out.empty:
        out = pd.DataFrame({c: pd.Series(dtype="object" if c in ("term", "tokens") else "float")
                            for c in TERM_COLUMNS})
        out.attrs["message"] = (f"没有候选新词（至少出现 {min_count} 次、{min_docs} 篇报告） / no "
                                f"candidate term occurs {min_count}+ times in {min_docs}+ reports")
    return out


def _docs_of(term_codes: np.ndarray, pair_t: np.ndarray, pair_s: np.ndarray, g: Ngrams) -> np.ndarray:
    """Documents each of ``term_codes`` occurs in (via its segments and theirs)."""
    from scipy import sparse

    want = np.full(int(pair_t.max(initial=-1)) + 1, -1, dtype=np.int64)
    want[term_codes] = np.arange(len(term_codes))
    sel = want[pair_t] >= 0
    n_seg = int(g.seg.max(initial=-1)) + 1
    a = sparse.csr_matrix((np.ones(int(sel.sum())), (want[pair_t[sel]], pair_s[sel])),
                          shape=(len(term_codes), n_seg))
    b = sparse.csr_matrix((np.ones(len(g.seg_doc[0])), g.seg_doc), shape=(n_seg, max(g.n_docs, 1)))
    return np.diff((a @ b).tocsr().indptr)


def _merge_splits(frames, g: Ngrams, min_count: int, min_docs: int, n: int | None, idx,
                  lexicon) -> pd.DataFrame:
    """One row per term text over its splits: counts added up, documents over all of them, the
    statistics of the splits averaged by their counts, ``tokens`` the commonest split; the
    filters and the rank (documents counted for the best-scored terms only, batch by batch)."""
    df = pd.concat([f for f, _s, _g in frames], ignore_index=True)
    offsets = np.cumsum([0] + [len(f) for f, _s, _g in frames])
    code, terms = pd.factorize(df["term"], sort=False)
    pair_t = np.concatenate([code[o + c] for (_f, c, _s), o in zip(frames, offsets, strict=False)])
    pair_s = np.concatenate([s_ for _f, _c, s_ in frames])
    df["_code"] = code
    w = df["count"].astype(np.float64)
    for col in ("pmi", "left_entropy", "right_entropy"):
        df["_w" + col] = df[col] * w
    grouped = df.groupby("_code", sort=False)
    agg = pd.DataFrame({"count": grouped["count"].sum()})
    for col in ("pmi", "left_entropy", "right_entropy"):
        agg[col] = grouped["_w" + col].sum() / agg["count"]
    main = df.sort_values("count", ascending=False, kind="stable").drop_duplicates("_code")
    agg["tokens"] = main.set_index("_code")["tokens"]
    agg["term"] = np.asarray(terms, dtype=object)[agg.index.to_numpy()]
    agg = agg[agg["count"] >= min_count]
    agg["score"] = (np.log1p(agg["count"]) * np.maximum(agg["pmi"], 0)
                    * np.minimum(agg["left_entropy"], agg["right_entropy"]))
    agg = agg[agg["score"] > 1e-9].sort_values(["score", "count", "term"],
                                               ascending=[False, False, True], kind="stable")
    known = {w_ for w_, _f, _p in lexicon.userdict} | _slogans()
    fresh = np.array([not (t in known or t in idx.ids or YEAR.search(t) or CN_YEAR.search(t)
                           or DATE.search(t)) for t in agg["term"]], dtype=bool)
    agg = agg[fresh]
    picked, docs = [], []
    batch = max(4 * (n or 0), 500)
    for lo in range(0, len(agg), batch):
        part = agg.iloc[lo:lo + batch]
        d = _docs_of(part.index.to_numpy(), pair_t, pair_s, g)
        for i in np.flatnonzero(d >= min_docs):
            picked.append(lo + i)
            docs.append(int(d[i]))
            if n is not None and len(picked) >= n:
                break
        if n is not None and len(picked) >= n:
            break
    out = agg.iloc[picked].reset_index(drop=True)
    out["docs"] = np.asarray(docs, dtype=np.int64)
    out["rank"] = np.arange(1, len(out) + 1)
    out["count"] = out["count"].astype(np.int64)
    return out[TERM_COLUMNS]


def userdict_lines(terms: pd.DataFrame | Iterable[str], *, freq: int = 2000,
                   pos: str = "nz") -> list[str]:
    """jieba user-dictionary lines ``词 频 词性`` for ``terms`` (a :func:`textstat_terms` table or
    words); ``freq`` 2000 as the package dictionary (enough to keep a word whole in context).

    >>> userdict_lines(["府院联动"])
    ['府院联动 2000 nz']
    """
    words = terms["term"].tolist() if isinstance(terms, pd.DataFrame) else list(terms)
    return [f"{w} {freq} {pos}" for w in dict.fromkeys(words) if w and not any(c.isspace() for c in w)]


def write_userdict(terms: pd.DataFrame | Iterable[str], path: str | Path, *, freq: int = 2000,
                   pos: str = "nz") -> Path:
    """Write ``terms`` as a jieba user dictionary. ``path``: a folder (then ``path/userdict.txt``,
    the folder ``fazhi build --lexicon`` takes) or a file; returns the file written.

    >>> write_userdict(textstat_terms(corpus), "my_lexicon")          # doctest: +SKIP
    PosixPath('my_lexicon/userdict.txt')
    """
    p = Path(path)
    if p.is_dir() or not p.suffix:
        p.mkdir(parents=True, exist_ok=True)
        p = p / "userdict.txt"
    else:
        p.parent.mkdir(parents=True, exist_ok=True)
    head = "# 语料中发现的新词 / terms found in the corpus (fazhi terms): word freq pos\n"
    p.write_text(head + "".join(line + "\n" for line in userdict_lines(terms, freq=freq, pos=pos)),
                 encoding="utf-8")
    return p


def term_examples(corpus: Corpus | Dfm, terms: pd.DataFrame, *, window: int = 12) -> pd.DataFrame:
    """``terms`` (a :func:`textstat_terms` table) with a column ``example``: the first
    keyword-in-context line of each term (``…左文【词】右文…``), "" when the text has none.

    >>> term_examples(corpus, textstat_terms(corpus, n=10))            # doctest: +SKIP
    """
    from fazhi.textstat.kwic import kwic

    corpus = corpus.corpus if isinstance(corpus, Dfm) else corpus
    out = terms.copy()
    examples = []
    for term in out["term"]:
        hits = kwic(corpus, term, window=window)
        examples.append("" if hits.empty else
                        f"…{hits['left'].iloc[0]}【{hits['keyword'].iloc[0]}】{hits['right'].iloc[0]}…")
    out["example"] = pd.Series(examples, index=out.index, dtype=object)
    return out
