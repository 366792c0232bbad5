"""Plan follow-through: were last year's plans reported done in this year's report?

For each reporting unit with reports of years t and t+1 (the same unit as the reuse kind
本单位其他年度报告: :func:`fazhi.reuse.direction.unit_key`), each plan item of year t — the items of
its ``plans`` part: sub-headings with their text, inline items 一是…二是…, else its sentences
(:func:`plan_items`) — is matched against the sentences of year t+1's ``achievements`` part.

How an item is matched (explainable, no model):

- its **key terms** are the store's tokens inside the item (the corpus lexicon's segmentation,
  placed on the text by its letters and digits) that are terms (not stopwords / boilerplate, at
  least ``min_chars`` characters), weighted by their inverse document frequency in the corpus
  (``ln(1 + N / df)``) times their length in characters (行政规范性文件合法性审核 says more than 建立); the
  ``n_terms`` heaviest are kept;
- a key term is **present** in a passage (one sentence, or two consecutive sentences) by the share
  of its character bigrams found there, counted when it is at least :data:`TERM_CREDIT` — so
  行政执法人员 is found in 执法人员培训 (a paraphrase with a shorter or longer compound), 法治宣传
  is not found in 法治建设;
- the item's **score** is the weighted share of its key terms present in the best passage (0–1);
  ``reported_done`` when it is at least :data:`DONE` and the passage states a number (a result:
  调处纠纷318件) or the score is at least :data:`FULL`; ``mentioned`` when it is at least
  :data:`MENTIONED` (行政复议和应诉工作平稳开展 for a plan on 行政复议和行政应诉); else
  ``not_mentioned``.

Why this and not BM25 (rank-bm25) or a TF-IDF cosine: a plan item is the query and the score has
to be read as "how much of the plan is reported", comparable across items of any length; the
weighted coverage is bounded (0–1) so one threshold fits every item, while BM25 scores grow with
the query's length and the cosine with the passage's brevity. The bigram credit handles the
compounds jieba splits differently between two years' texts (see bench/RESULTS.md, follow-through).

>>> [it["title"] for it in plan_items("四、下一步工作打算\\n一是深化普法宣传；二是规范行政执法。")]
['深化普法宣传', '规范行政执法']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from fazhi.textstat._index import _NONWORD, _sentences, token_index

if TYPE_CHECKING:
    from fazhi.corpus import Corpus
    from fazhi.textstat.matrix import Dfm

DONE = 0.5
"""Score from which an item is ``reported_done``: a passage of year t+1 holds at least half of
the item's weighted key terms (a report says what was done with the plan's own nouns)."""
MENTIONED = 0.2
"""Score from which an item is ``mentioned``: a fifth of its weighted key terms in one passage
(the topic is named, in passing, without what the plan said)."""
TERM_CREDIT = 0.5
"""A key term is present in a passage when at least this share of its character bigrams is."""
N_TERMS = 8
"""Key terms kept per item (the heaviest)."""
FULL = 0.75
"""Score from which an item is ``reported_done`` even when the passage states no number."""
MIN_TERMS = 2
"""An item with fewer key terms is too generic to judge (坚持以……为指导) and is left out."""

STATUSES = ("reported_done", "mentioned", "not_mentioned")
COLUMNS = ["unit", "province", "city", "district", "town", "level", "report_year", "next_year",
           "doc_id", "file", "next_doc_id", "next_file", "item_no", "item", "key_terms", "score",
           "follow_status", "matched", "matched_terms"]
SHARE_COLUMNS = ["n_items", "n_done", "n_mentioned", "n_not_mentioned", "share_done",
                 "share_followed"]

_DIGIT = re.compile(r"[0-9０-９]")  # a passage stating a number reports a result
_INTRO = re.compile(r"[：:]\s*$")  # 重点做好以下工作： introduces the items, is none
_SPACE = re.compile(r"\s+")


# ---------------------------------------------------------------- plan items


def plan_items(text: str) -> list[dict]:
    """The plan items of a plans part's text: each sub-heading (（一）, 1.) with its text up to the
    next one, each inline item 一是…二是…, and — where neither is found — each sentence; the
    part's own heading (四、下一步工作打算) and sentences that introduce a list (……以下工作：) are
    not items. Each item: ``start``, ``end`` (offsets in ``text``), ``title`` (the heading or first
    clause), ``text``, ``words`` (where its words start: after the 二是 / 二要 of an inline item).

    >>> [it["title"] for it in plan_items("三、下一步打算\\n（一）加强学习。组织专题学法。\\n（二）优化营商环境。")]
    ['加强学习', '优化营商环境']
    """
    from fazhi.sections import find_items, parse_outline

    heads = parse_outline(text)
    top = [(h["start"], _line_end(text, h["start"])) for h in heads if h["level"] == 1]
    marks = {h["start"]: h["heading"] for h in heads if h["level"] > 1}
    after: dict[int, int] = {}  # where the words of an inline item start (after 二是 / 二要)
    for it in find_items(text):
        if it["start"] not in marks:
            marks[it["start"]] = it["title"]
            after[it["start"]] = it["start"] + len(it["number"]) + 1
    bounds = sorted(marks)
    out: list[dict] = []
    first = bounds[0] if bounds else len(text)
    out += _sentence_items(text, 0, first, top)
    for i, b in enumerate(bounds):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
        cut = end
        for s, _e in top:  # a level-1 heading inside ends the item
            if b < s < cut:
                cut = s
        body = text[b:cut].rstrip()
        if body:
            out.append({"start": b, "end": b + len(body), "title": _title(marks[b]),
                        "text": _SPACE.sub(" ", body).strip(), "words": after.get(b, b)})
        if cut < end:
            out += _sentence_items(text, cut, end, top)
    return out


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _title(heading: str) -> str:
    m = re.search(r"[。；！？，,]", heading)
    return (heading[:m.start()] if m else heading).strip()


def _sentence_items(text: str, lo: int, hi: int, top: list[tuple[int, int]]) -> list[dict]:
    out = []
    for start, s in _sentences(text[lo:hi]):
        a = lo + start
        if any(hs <= a < he for hs, he in top) or _INTRO.search(s):
            continue
        s = _SPACE.sub(" ", s).strip()
        out.append({"start": a, "end": a + len(s), "title": _title(s), "text": s, "words": a})
    return out


# ---------------------------------------------------------------- pairs of reports


def _pairs(docs: pd.DataFrame) -> list[tuple[int, int, str]]:
    """(row of year t, row of year t+1, unit) for every unit with reports of consecutive years;
    of several reports of one unit and year, the longest."""
    from fazhi.reuse.direction import unit_keys

    years = pd.to_numeric(docs["report_year"], errors="coerce") if "report_year" in docs.columns \
        else pd.Series(np.nan, index=docs.index)
    size = docs["text"].fillna("").str.len() if "text" in docs.columns else pd.Series(0, index=docs.index)
    df = pd.DataFrame({"unit": unit_keys(docs), "year": years.to_numpy(), "size": size.to_numpy(),
                       "row": np.arange(len(docs))})
    df = df[(df["unit"] != "") & df["year"].notna()]
    df = df.sort_values(["unit", "year", "size", "row"], ascending=[True, True, False, True])
    df = df.drop_duplicates(["unit", "year"])
    out = []
    for unit, g in df.groupby("unit", sort=True):
        by_year = dict(zip(g["year"].astype(int), g["row"], strict=True))
        for y, r in by_year.items():
            if y + 1 in by_year:
                out.append((int(r), int(by_year[y + 1]), str(unit)))
    return out


def _doc_freq(idx) -> tuple[np.ndarray, int]:
    """Per vocabulary entry the documents containing it, and the number of documents (cached)."""
    got = getattr(idx, "_follow_df", None)
    if got is None:
        from scipy import sparse

        codes, uniq = pd.factorize(pd.Series(idx.doc_id, dtype=object))
        ind = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))),
                                shape=(len(uniq), len(codes)))
        present = (ind @ idx.counts).tocsr()
        present.data[:] = 1.0
        got = (np.asarray(present.sum(axis=0)).ravel(), len(uniq))
        idx._follow_df = got
    return got


class _Texts:
    """The parts' texts of documents, with the build's aliases applied (what the tokens hold).
    The parts come from ``corpus.sections``; a corpus loaded without them is parsed again
    (:func:`fazhi.sections.parse_sections`), only for the reports asked for."""

    def __init__(self, corpus: Corpus, lexicon):
        from fazhi.tokens import Tokenizer

        self.normalise = Tokenizer(lexicon).normalise
        docs = corpus.docs
        self.texts = docs["text"] if "text" in docs.columns else None
        self.doc_ids = docs["doc_id"]
        self.anon = docs["anonymised"].fillna(False).astype(bool) if "anonymised" in docs.columns \
            else None
        self.level1: dict[str, list[dict]] | None = None
        s = corpus.sections
        if s is not None:
            self.level1 = {}
            s = s[s["level"].astype(int) == 1]
            for d, part, a, b in zip(s["doc_id"], s["part"], s["start"], s["end"], strict=True):
                self.level1.setdefault(d, []).append({"level": 1, "part": part, "start": int(a),
                                                      "end": int(b)})

    def part(self, row: int, part: str) -> str:
        from fazhi.corpus import doc_parts
        from fazhi.sections import parse_sections

        text = self.texts.iat[row] if self.texts is not None else None
        if not isinstance(text, str):
            return ""
        level1 = self.level1.get(self.doc_ids.iat[row], []) if self.level1 is not None else \
            [x for x in parse_sections(text) if int(x["level"]) == 1]
        pieces = dict(doc_parts(text, level1)).get(part, [])
        anon = bool(self.anon.iat[row]) if self.anon is not None else False
        return self.normalise("\n".join(pieces), anonymised=anon)


def _place_terms(items: list[dict], text: str, idx, row: int, is_term: np.ndarray) -> None:
    """Give each item its own terms (``item["terms"]``): the tokens of the token row ``row`` that
    lie inside it, placed by their letters and digits (the row's tokens spell ``text`` without
    punctuation). Nothing when they do not (a lexicon changed since the build)."""
    from fazhi.textstat.cooc import word_chars

    flat, offsets = idx.flat(row)
    if not text or _NONWORD.sub("", text) != flat:
        return
    ids = idx.row_ids(row)
    ids = ids[idx.is_word[ids]]
    starts = np.asarray(offsets[:-1], dtype=np.int64)
    before = np.concatenate([[0], np.cumsum(word_chars(text))])
    for it in items:
        lo = np.searchsorted(starts, before[it.get("words", it["start"])], side="left")
        hi = np.searchsorted(starts, before[min(it["end"], len(text))], side="left")
        got = ids[lo:hi]
        got = np.unique(got[is_term[got]])
        it["terms"] = [str(idx.clean[i]) for i in got]


def _gram_keys(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(text index, key) of every character bigram of ``texts`` (a key is two code points)."""
    if not texts:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    joined = "\x00".join(texts)
    cp = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    owner = np.repeat(np.arange(len(texts)), lens + 1)[:len(cp)]
    keys = (cp[:-1] << 21) | cp[1:]
    ok = (cp[:-1] != 0) & (cp[1:] != 0)
    return owner[:-1][ok], keys[ok]


def _credits(terms: list[str], sentences: list[str]) -> np.ndarray:
    """(terms × passages): the share of each term's character bigrams present in each passage —
    each sentence, then each two consecutive sentences — 0 below :data:`TERM_CREDIT` (a term of
    one character has no bigram: no credit)."""
    from scipy import sparse

    t_row, t_key = _gram_keys(terms)
    pairs = np.unique(np.stack([t_row, t_key]), axis=1) if len(t_key) else np.zeros((2, 0), np.int64)
    vocab, t_col = np.unique(pairs[1], return_inverse=True)
    n_grams = np.bincount(pairs[0], minlength=len(terms)).astype(float)
    tm = sparse.csr_matrix((1.0 / n_grams[pairs[0]], (pairs[0], t_col)),
                           shape=(len(terms), len(vocab)))
    s_row, s_key = _gram_keys(sentences)
    at = np.searchsorted(vocab, s_key)
    hit = (at < len(vocab)) & (vocab[np.minimum(at, len(vocab) - 1)] == s_key) if len(vocab) else \
        np.zeros(len(s_key), dtype=bool)
    sm = sparse.csr_matrix((np.ones(int(hit.sum())), (s_row[hit], at[hit])),
                           shape=(len(sentences), len(vocab)))
    sm.sum_duplicates()
    sm.data[:] = 1.0
    windows = sparse.vstack([sm, sm[:-1] + sm[1:]]).tocsr() if len(sentences) > 1 else sm
    windows.data[:] = 1.0
    got = (tm @ windows.T).toarray()
    got[got < TERM_CREDIT - 1e-9] = 0.0
    return np.minimum(got, 1.0)


def _key_terms(item: dict, candidates: list[str], weight: dict[str, float],
               n_terms: int) -> list[tuple[str, float]]:
    """The item's key terms (its own tokens that are terms; when its text could not be placed on
    the tokens, the candidates found in it, a term inside a longer one left out) with their
    weights, heaviest first, at most ``n_terms``."""
    found = item.get("terms")
    if found is None:
        body = _NONWORD.sub("", item["text"])
        found = [t for t in candidates if t in body]
        found = [t for t in found if not any(t != u and t in u for u in found)]
    scored = [(t, weight[t] * len(t)) for t in found]
    scored.sort(key=lambda x: (-x[1], -len(x[0]), x[0]))
    return scored[:n_terms]


def _match_items(items: list[dict], candidates: list[str], weight: dict[str, float],
                 sentences: list[str], n_terms: int, done: float, mentioned: float) -> list[dict]:
    keyed = [(it, _key_terms(it, candidates, weight, n_terms)) for it in items]
    keyed = [(it, kt) for it, kt in keyed if len(kt) >= MIN_TERMS]
    if not keyed:
        return []
    clean = [_NONWORD.sub("", s) for s in sentences]
    windows = [(i, i + 1) for i in range(len(clean))] + [(i, i + 2) for i in range(len(clean) - 1)]
    terms = sorted({t for _it, kt in keyed for t, _w in kt})
    pos = {t: i for i, t in enumerate(terms)}
    credit = _credits(terms, clean) if clean else np.zeros((len(terms), 0))
    weights = np.zeros((len(keyed), len(terms)))
    for i, (_it, kt) in enumerate(keyed):
        for t, w in kt:
            weights[i, pos[t]] = w
    scores = (weights @ credit) / weights.sum(axis=1, keepdims=True)
    out = []
    for (it, kt), score in zip(keyed, scores, strict=True):
        best = int(np.argmax(score)) if len(score) else -1
        s = float(score[best]) if best >= 0 else 0.0
        a, b = windows[best] if best >= 0 else (0, 0)
        fact = any(_DIGIT.search(x) for x in sentences[a:b])
        status = ("reported_done" if s >= done - 1e-9 and (fact or s >= FULL - 1e-9) else
                  "mentioned" if s >= mentioned - 1e-9 else "not_mentioned")
        matched = " ".join(_SPACE.sub(" ", x).strip() for x in sentences[a:b]) \
            if status != "not_mentioned" else ""
        hit = [t for t, _w in kt if best >= 0 and credit[pos[t], best] > 0]
        out.append({"item": it["text"], "key_terms": "、".join(t for t, _w in kt),
                    "score": round(s, 4), "follow_status": status, "matched": matched,
                    "matched_terms": "、".join(hit) if status != "not_mentioned" else ""})
    return out


def textstat_followthrough(corpus: Corpus | Dfm, *, plans: str = "plans", done_in: str = "achievements",
                           n_terms: int = N_TERMS, min_chars: int = 2, drop_stopwords: bool = True,
                           drop_boilerplate: bool = True, done: float = DONE,
                           mentioned: float = MENTIONED) -> pd.DataFrame:
    """Each plan item of year t of every unit with reports of years t and t+1, matched to the
    sentences of year t+1's achievements part (see the module's docstring for the rule).

    Columns: ``unit`` (:func:`~fazhi.reuse.direction.unit_key`), province, city, district, town,
    level, ``report_year`` (t), ``next_year`` (t+1), ``doc_id``/``file`` (the report of t),
    ``next_doc_id``/``next_file`` (of t+1), ``item_no`` (1, 2 … within the report), ``item`` (the
    plan's text), ``key_terms`` (heaviest first, 、-joined), ``score`` (0–1), ``follow_status``
    (reported_done / mentioned / not_mentioned), ``matched`` (the sentence or two sentences of
    t+1 that report on it; empty when not mentioned), ``matched_terms``.
    ``plans`` / ``done_in``: the parts compared. ``done`` / ``mentioned``: the score thresholds.
    No unit with reports of two consecutive years, or no plans in them: an empty table whose
    ``attrs["message"]`` says why. ``corpus`` may be a :class:`~fazhi.textstat.Dfm` of documents:
    its documents are paired, its terms are the key terms (a trimmed dfm keeps fewer).

    >>> ft = textstat_followthrough(corpus)                                # doctest: +SKIP
    >>> ft = textstat_followthrough(fazhi.dfm(corpus).trim(min_docs=2))    # doctest: +SKIP
    >>> ft.query("follow_status == 'not_mentioned'")[["unit", "report_year", "item"]]  # doctest: +SKIP
    """
    from fazhi.textstat.matrix import Dfm, as_dfm

    keep, cols = None, None
    if isinstance(corpus, Dfm):
        d = as_dfm(corpus, min_chars=min_chars, drop_stopwords=drop_stopwords,
                   drop_boilerplate=drop_boilerplate)
        keep, cols, corpus = d._docs_mask, d._cols, d.corpus
    docs = corpus.docs
    pairs = _pairs(docs)
    if keep is not None:
        keep = np.asarray(keep, dtype=bool)
        pairs = [(a, b, u) for a, b, u in pairs if keep[a] and keep[b]]
    if not pairs:
        return _empty("没有哪个单位同时有相邻两个年度（t 与 t+1）的报告，无法核对上一年度计划的落实情况")
    idx = token_index(corpus)
    if cols is None:
        is_term = idx.terms(min_chars=min_chars, drop_stopwords=drop_stopwords,
                            drop_boilerplate=drop_boilerplate)
    else:
        is_term = np.zeros(len(idx.vocab), dtype=bool)
        is_term[cols] = True
    df, n_docs = _doc_freq(idx)
    idf = np.log1p(n_docs / np.maximum(df, 1))
    row_of = {(d, p): i for i, (d, p) in enumerate(zip(idx.doc_id, idx.part, strict=True))}
    texts = _Texts(corpus, idx.lexicon)
    meta = [c for c in ("province", "city", "district", "town", "level") if c in docs.columns]
    rows = []
    n_plans = 0
    recs = docs[[c for c in ("doc_id", "file", "report_year", *meta) if c in docs.columns]] \
        .to_dict("records")
    for ra, rb, unit in pairs:
        a, b = recs[ra], recs[rb]
        trow = row_of.get((a["doc_id"], plans))
        if trow is None:
            continue
        ptext = texts.part(ra, plans)
        items = plan_items(ptext)
        if not items:
            continue
        n_plans += 1
        ids = np.unique(idx.row_ids(trow))
        ids = ids[is_term[ids]]
        candidates = [str(idx.clean[i]) for i in ids]
        weight = {str(idx.clean[i]): float(idf[i]) for i in ids}
        _place_terms(items, ptext, idx, trow, is_term)
        sentences = [s for _st, s in _sentences(texts.part(rb, done_in))]
        got = _match_items(items, candidates, weight, sentences, n_terms, done, mentioned)
        for k, g in enumerate(got, 1):
            row = {"unit": unit, **{c: a[c] for c in meta},
                   "report_year": int(pd.to_numeric(a["report_year"])),
                   "next_year": int(pd.to_numeric(b["report_year"])),
                   "doc_id": a["doc_id"], "file": a.get("file"), "next_doc_id": b["doc_id"],
                   "next_file": b.get("file"), "item_no": k, **g}
            rows.append(row)
    if not rows:
        return _empty(f"有 {len(pairs)} 对相邻年度的报告，但上一年度的报告没有可核对的计划"
                      "（没有“下一步工作打算”部分，或其中没有具体事项）")
    out = pd.DataFrame(rows).reindex(columns=COLUMNS)
    out.attrs["pairs"] = len(pairs)
    return out.astype({"report_year": "int64", "next_year": "int64", "item_no": "int64",
                       "score": "float64"})


def _empty(message: str) -> pd.DataFrame:
    df = pd.DataFrame(columns=COLUMNS)
    df.attrs["message"] = message
    return df


def textstat_followthrough_share(corpus_or_table, *, by: str = "unit", **options) -> pd.DataFrame:
    """Per group (``by``: ``unit`` or another column of the follow-through table, e.g. district)
    and plan year (``report_year``): ``n_items``, ``n_done``, ``n_mentioned``,
    ``n_not_mentioned``, ``share_done`` (reported done / items) and ``share_followed`` (done or
    mentioned / items). ``corpus_or_table``: a Corpus (``options`` go to
    :func:`textstat_followthrough`) or its table. An empty table keeps its ``attrs["message"]``.

    >>> textstat_followthrough_share(corpus).sort_values("share_done")       # doctest: +SKIP
    """
    table = corpus_or_table if isinstance(corpus_or_table, pd.DataFrame) \
        else textstat_followthrough(corpus_or_table, **options)
    cols = [by, "report_year", *SHARE_COLUMNS]
    if by not in table.columns:
        raise ValueError(f"by={by!r} is not a column of the follow-through table "
                         f"({', '.join(table.columns)})")
    if table.empty:
        out = pd.DataFrame(columns=cols)
        out.attrs["message"] = table.attrs.get("message", "没有可核对的计划")
        return out
    st = table["follow_status"]
    g = pd.DataFrame({by: table[by], "report_year": table["report_year"],
                      "n_items": 1, "n_done": (st == "reported_done").astype(int),
                      "n_mentioned": (st == "mentioned").astype(int),
                      "n_not_mentioned": (st == "not_mentioned").astype(int)})
    out = g.groupby([by, "report_year"], dropna=False, sort=True).sum().reset_index()
    out["share_done"] = out["n_done"] / out["n_items"]
    out["share_followed"] = (out["n_done"] + out["n_mentioned"]) / out["n_items"]
    return out[cols]


__all__ = ["COLUMNS", "DONE", "FULL", "MENTIONED", "SHARE_COLUMNS", "STATUSES", "plan_items",
           "textstat_followthrough", "textstat_followthrough_share"]
