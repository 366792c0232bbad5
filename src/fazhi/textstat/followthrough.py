"""Plan follow-through: were last year's plans reported done in this year's report?

For each reporting unit with reports of years t and t+1 (the same unit as the reuse kind
本单位其他年度报告: :func:`fazhi.reuse.direction.unit_key`), each plan item of year t — the items of
its ``plans`` part: sub-headings with their text, inline items 一是…二是…, else its sentences
(:func:`plan_items`) — is matched against the sentences of year t+1's ``achievements`` part.

How an item is matched (explainable, no model):

- its **key terms** are the store's tokens of the plans part (the corpus lexicon's segmentation)
  that are terms (not stopwords / boilerplate, at least ``min_chars`` characters) and occur in the
  item (a term inside a longer one left out), weighted by their inverse document frequency in the
  corpus times their length in characters (行政规范性文件合法性审核 says more than 建立); the
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
    clause), ``text``.

    >>> [it["title"] for it in plan_items("三、下一步打算\\n（一）加强学习。组织专题学法。\\n（二）优化营商环境。")]
    ['加强学习', '优化营商环境']
    """
    from fazhi.sections import find_items, parse_outline

    heads = parse_outline(text)
    top = [(h["start"], _line_end(text, h["start"])) for h in heads if h["level"] == 1]
    marks = {h["start"]: h["heading"] for h in heads if h["level"] > 1}
    for it in find_items(text):
        marks.setdefault(it["start"], it["title"])
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
                        "text": _SPACE.sub(" ", body).strip()})
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
        out.append({"start": a, "end": a + len(s), "title": _title(s), "text": s})
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
    """The parts' texts of documents, with the build's aliases applied (what the tokens hold)."""

    def __init__(self, corpus: Corpus, lexicon):
        from fazhi.tokens import Tokenizer

        self.normalise = Tokenizer(lexicon).normalise
        self.docs = corpus.docs
        self.level1: dict[str, list[dict]] = {}
        s = corpus.sections
        if s is not None and len(s):
            s = s[s["level"].astype(int) == 1]
            for d, part, a, b in zip(s["doc_id"], s["part"], s["start"], s["end"], strict=True):
                self.level1.setdefault(d, []).append({"level": 1, "part": part, "start": int(a),
                                                      "end": int(b)})

    def part(self, row: int, part: str) -> str:
        from fazhi.corpus import doc_parts

        d = self.docs.iloc[row]
        text = d.get("text")
        if not isinstance(text, str):
            return ""
        pieces = dict(doc_parts(text, self.level1.get(d["doc_id"], []))).get(part, [])
        anon = bool(d.get("anonymised")) if not pd.isna(d.get("anonymised", False)) else False
        return self.normalise("\n".join(pieces), anonymised=anon)


def _bigrams(s: str) -> list[str]:
    return [s[i:i + 2] for i in range(len(s) - 1)] if len(s) > 1 else [s] if s else []


def _credits(terms: list[str], passages: list[str]) -> np.ndarray:
    """(terms × passages): the share of each term's character bigrams present in each passage,
    0 below :data:`TERM_CREDIT`."""
    from scipy import sparse

    vocab: dict[str, int] = {}
    tr, tc, tv = [], [], []
    for i, t in enumerate(terms):
        grams = set(_bigrams(t))
        for g in grams:
            tr.append(i)
            tc.append(vocab.setdefault(g, len(vocab)))
            tv.append(1.0 / len(grams))
    pr, pc = [], []
    for j, p in enumerate(passages):
        for g in set(_bigrams(p)):
            k = vocab.get(g)
            if k is not None:
                pr.append(j)
                pc.append(k)
    tm = sparse.csr_matrix((tv, (tr, tc)), shape=(len(terms), len(vocab)))
    pm = sparse.csr_matrix((np.ones(len(pr)), (pr, pc)), shape=(len(passages), len(vocab)))
    got = (tm @ pm.T).toarray()
    got[got < TERM_CREDIT - 1e-9] = 0.0
    return np.minimum(got, 1.0)


def _key_terms(item: dict, candidates: list[str], weight: dict[str, float],
               n_terms: int) -> list[tuple[str, float]]:
    """The item's key terms (the candidates found in its text, a term inside a longer one left
    out) with their weights, heaviest first, at most ``n_terms``."""
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
    texts = ["".join(clean[a:b]) for a, b in windows]
    terms = sorted({t for _it, kt in keyed for t, _w in kt})
    pos = {t: i for i, t in enumerate(terms)}
    credit = _credits(terms, texts) if texts else np.zeros((len(terms), 0))
    out = []
    for it, kt in keyed:
        rows = np.array([pos[t] for t, _w in kt])
        w = np.array([x for _t, x in kt])
        score = (w @ credit[rows]) / w.sum() if texts else np.zeros(0)
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


def textstat_followthrough(corpus: Corpus, *, plans: str = "plans", done_in: str = "achievements",
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
    ``attrs["message"]`` says why.

    >>> ft = textstat_followthrough(corpus)                                # doctest: +SKIP
    >>> ft.query("follow_status == 'not_mentioned'")[["unit", "report_year", "item"]]  # doctest: +SKIP
    """
    docs = corpus.docs
    pairs = _pairs(docs)
    if not pairs:
        return _empty("没有哪个单位同时有相邻两个年度（t 与 t+1）的报告，无法核对上一年度计划的落实情况")
    idx = token_index(corpus)
    is_term = idx.terms(min_chars=min_chars, drop_stopwords=drop_stopwords,
                        drop_boilerplate=drop_boilerplate)
    df, n_docs = _doc_freq(idx)
    idf = np.log1p(n_docs / np.maximum(df, 1))
    row_of = {(d, p): i for i, (d, p) in enumerate(zip(idx.doc_id, idx.part, strict=True))}
    texts = _Texts(corpus, idx.lexicon)
    meta = [c for c in ("province", "city", "district", "town", "level") if c in docs.columns]
    rows = []
    n_plans = 0
    for ra, rb, unit in pairs:
        a, b = docs.iloc[ra], docs.iloc[rb]
        trow = row_of.get((a["doc_id"], plans))
        if trow is None:
            continue
        items = plan_items(texts.part(ra, plans))
        if not items:
            continue
        n_plans += 1
        ids = np.unique(idx.row_ids(trow))
        ids = ids[is_term[ids]]
        candidates = [str(idx.clean[i]) for i in ids]
        weight = {str(idx.clean[i]): float(idf[i]) for i in ids}
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
