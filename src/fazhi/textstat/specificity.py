"""Specificity index: how concrete a report is, and how much of it is slogans or copied text.

Per report, counted on its letters and digits (``n_chars``, as in :func:`fazhi.textstat_reuse`):

- **facts** — numeric facts with a value (:func:`fazhi.textstat_indicators`: 调处矛盾纠纷318件),
  dates (2022年3月28日) and named places of the gazetteer other than the unit's own
  (a district naming its towns); ``facts_per_1k`` per 1,000 characters;
- **slogan and boilerplate sentences** — sentences whose letters and digits lie at least half in
  the slogans and set formulas of ``data/slogans.txt`` (matched as
  :func:`fazhi.reuse.slogans.slogan_chars` does), or at least half inside a passage found in many
  reports (the boilerplate of :func:`fazhi.textstat_reuse`);
  ``slogan_per_1k`` sentences per 1,000 characters and ``slogan_share`` of the text;
- **copied from other units** — ``other_unit_share``: the text in passages shared with another
  unit's (or an unknown unit's) report that is not the copy's source;
- **copied from the same unit's previous report** — ``previous_share``: the text in passages
  shared with the unit's report of an earlier year (numbers may differ: reuse matches numbers as
  one class, so last year's report with new numbers is one long passage).

**Score** (0–100): ``100 × min(1, facts_per_1k / FACTS_FULL) × (1 − generic_share)``, where
the fact rate of a text shorter than ``MIN_CHARS`` is taken over ``MIN_CHARS`` characters (one
number in a two-line fragment is not a specific report; the explanation says so), and
``generic_share`` is the share of the text that is slogan/boilerplate or copied (each character
counted once). A report full of fresh facts scores near 100; last year's report with the numbers
changed keeps its facts but scores near 0 — the explanation says so. ``rank``: 1 = the most
specific report of the corpus.

>>> spec = textstat_specificity(corpus)                                 # doctest: +SKIP
>>> spec.sort_values("rank")[["file", "score", "explanation"]]          # doctest: +SKIP
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from pathlib import Path

    from fazhi.corpus import Corpus

FACTS_FULL = 5.0
"""Facts per 1,000 characters for the full fact term: a fact every 200 characters (the synthetic
10k corpus has 2.3 indicator facts per 1,000 characters on average)."""
MIN_CHARS = 500
"""Texts shorter than this (letters and digits) have their fact rate taken over this many characters
for the score: a crawled fragment of 60 characters with one number would otherwise score 100."""
SLOGAN_SHARE = 0.5
"""A sentence is a slogan/boilerplate sentence when at least this share of it is."""
PREVIOUS_COPY = 0.5
"""From this share of text copied from the same unit's previous report, the explanation says the
report is that report again (with changed numbers)."""
N_EXAMPLES = 3
EXAMPLE_SEP = " ｜ "  # between the example sentences of one cell
_EXAMPLE_MAX = 80  # characters of an example shown

COLUMNS = ["doc_id", "file", "unit", "report_year", "n_chars", "facts", "facts_per_1k",
           "slogan_sentences", "slogan_per_1k", "slogan_share", "other_unit_share",
           "previous_share", "generic_share", "score", "rank", "explanation", "fact_examples",
           "slogan_examples", "other_unit_examples", "previous_examples"]


def _short(s: str) -> str:
    s = re.sub(r"\s+", " ", str(s)).strip()
    return s if len(s) <= _EXAMPLE_MAX else s[:_EXAMPLE_MAX - 1] + "…"


def _examples(items, n: int) -> str:
    out: list[str] = []
    for s in items:
        s = _short(s)
        if s and s not in out:
            out.append(s)
        if len(out) >= n:
            break
    return EXAMPLE_SEP.join(out)


def _own_names(row: dict) -> set[str]:
    return {str(row.get(c)) for c in ("province", "city", "district", "town", "unit")
            if isinstance(row.get(c), str) and row.get(c)}


def _spans(passages: pd.DataFrame) -> dict[str, dict[str, np.ndarray]]:
    """Per document: the spans (rows of start, end) of its text that are boilerplate, copied from
    another unit, or copied from its own earlier report. Each passage counts for both its sides;
    the side that is the copy's source copied nothing; a same-unit passage counts as "previous"
    only when its source is the other report; duplicates (one report twice) count for neither."""
    out: dict[str, dict[str, np.ndarray]] = {}
    if passages is None or not len(passages):
        return out
    n = len(passages)
    # documents as integer codes (one code table for doc_a, doc_b and source_doc): no string copies
    src_col = passages["source_doc"] if "source_doc" in passages.columns else pd.Series([""] * n)
    codes, names = pd.factorize(pd.concat([passages["doc_a"], passages["doc_b"], src_col],
                                          ignore_index=True).astype(str))
    a, b, src = codes[:n], codes[n:2 * n], codes[2 * n:]
    kind = passages["kind"].to_numpy(dtype=object) if "kind" in passages.columns else \
        np.full(n, "unknown_unit", dtype=object)
    generic = passages["boilerplate"].astype(bool).to_numpy() | (kind == "template")
    same, other_unit = kind == "same_unit", np.isin(kind, ("other_unit", "unknown_unit"))
    whats = ("boilerplate", "other_unit", "previous")
    for doc, other, st, en in ((a, b, "start_a", "end_a"), (b, a, "start_b", "end_b")):
        # 0 boilerplate, 1 other_unit, 2 previous, -1 nothing copied by this side
        what = np.where(generic, 0, np.where(src == doc, -1, np.where(
            same, np.where(src == other, 2, -1), np.where(other_unit, 1, -1))))
        keep = np.flatnonzero(what >= 0)
        order = keep[np.lexsort((what[keep], doc[keep]))]
        pairs = np.stack([passages[st].to_numpy(dtype=np.int64)[order],
                          passages[en].to_numpy(dtype=np.int64)[order]], axis=1)
        key = doc[order] * 3 + what[order]
        cuts = np.flatnonzero(np.diff(key)) + 1
        for lo, hi in zip(np.r_[0, cuts], np.r_[cuts, len(order)], strict=True):
            if hi > lo:
                k = int(key[lo])
                per = out.setdefault(str(names[k // 3]), {})
                w = whats[k % 3]
                per[w] = np.concatenate([per[w], pairs[lo:hi]]) if w in per else pairs[lo:hi]
    return out


def textstat_specificity(corpus: Corpus, *, passages: pd.DataFrame | None = None,
                         facts: pd.DataFrame | None = None, n_examples: int = N_EXAMPLES,
                         slogans: str | Path | None = None) -> pd.DataFrame:
    """The specificity index of every report (see the module's docstring for the parts and the
    score), ranked across the corpus.

    Columns: :data:`COLUMNS` — doc_id, file, unit, report_year, n_chars, the parts (``facts``,
    ``facts_per_1k``, ``slogan_sentences``, ``slogan_per_1k``, ``slogan_share``,
    ``other_unit_share``, ``previous_share``, ``generic_share``), ``score`` (0–100), ``rank``
    (1 = most specific), ``explanation`` (Chinese: what drives the score; says when the report is
    its previous year's report again) and up to ``n_examples`` example sentences per part
    (``fact_examples``, ``slogan_examples``, ``other_unit_examples``, ``previous_examples``,
    joined by :data:`EXAMPLE_SEP`).
    ``passages``: :func:`fazhi.textstat_reuse` of the corpus, ``facts``:
    :func:`fazhi.textstat_indicators` of it (computed when None — the reuse search is the slow
    part on large corpora: pass the tables a page already has). An empty corpus: an empty table
    with ``attrs["message"]``.
    """
    from fazhi.corpus import doc_texts
    from fazhi.gazetteer import load_gazetteer
    from fazhi.patterns import DATE
    from fazhi.reuse.direction import unit_keys
    from fazhi.reuse.text import alnum_mask
    from fazhi.textstat._index import _sentences

    docs, texts = doc_texts(corpus)  # each text read once, not kept
    if not len(docs):
        out = pd.DataFrame(columns=COLUMNS)
        out.attrs["message"] = "没有报告，无法计算具体程度"
        return out
    if passages is None:
        from fazhi.reuse.search import textstat_reuse

        passages = textstat_reuse(corpus, slogans=slogans)
    if facts is None:
        from fazhi.indicators import textstat_indicators

        facts = textstat_indicators(corpus)
    facts = facts[facts["value"].notna()] if "value" in facts.columns else facts
    fact_sents: dict[str, list[str]] = {}
    fact_n: dict[str, int] = {}
    for d, s in zip(facts["doc_id"], facts["sentence"], strict=True):
        fact_n[d] = fact_n.get(d, 0) + 1
        fact_sents.setdefault(d, []).append(s)
    spans = _spans(passages)
    gaz = load_gazetteer()
    units = unit_keys(docs)
    rows = []
    meta_cols = [c for c in ("province", "city", "district", "town", "unit") if c in docs.columns]
    for i, (doc_id, file, text) in enumerate(zip(docs["doc_id"], docs["file"], texts, strict=True)):
        meta = {c: docs[c].iloc[i] for c in meta_cols}
        mask = alnum_mask(text)
        n = int(mask.sum())
        # facts: indicator facts, dates, other places named
        dates = [m.start() for m in DATE.finditer(text)]
        own = _own_names(meta)
        places = [m.start for m in gaz.find(text) if m.name not in own
                  and not any(m.name in o for o in own)]
        n_facts = fact_n.get(doc_id, 0) + len(dates) + len(places)
        # generic text: slogan / boilerplate sentences, copies
        doc_spans = spans.get(doc_id, {})
        bp = np.zeros(len(text), dtype=bool)
        for s, e in doc_spans.get("boilerplate", ()):
            bp[s:e] = True
        slogan = np.zeros(len(text), dtype=bool)
        slogan_list = []
        # letters and digits before each position (all, in slogans, in boilerplate passages)
        c_all = np.concatenate([[0], np.cumsum(mask)])
        c_sl = np.concatenate([[0], np.cumsum(mask & _slogan_mask(text, slogans))])
        c_bp = np.concatenate([[0], np.cumsum(mask & bp)])
        sents = _sentences(text)
        if sents:
            st = np.fromiter((a for a, _s in sents), dtype=np.int64, count=len(sents))
            en = st + np.fromiter((len(x) for _a, x in sents), dtype=np.int64, count=len(sents))
            k = c_all[en] - c_all[st]
            flag = (k > 0) & ((c_bp[en] - c_bp[st] >= SLOGAN_SHARE * k)
                              | (c_sl[en] - c_sl[st] >= SLOGAN_SHARE * k))
            for j in np.flatnonzero(flag):
                slogan[st[j]:en[j]] = True
                slogan_list.append(sents[j][1])
        cover = {}
        for what in ("other_unit", "previous"):
            c = np.zeros(len(text), dtype=bool)
            for s, e in doc_spans.get(what, ()):
                c[s:e] = True
            cover[what] = c
        generic = (slogan | cover["other_unit"] | cover["previous"]) & mask
        fpk = _per_1k(n_facts, n)
        g = _share(generic, mask, n)
        score = (100.0 * min(1.0, _per_1k(n_facts, max(n, MIN_CHARS)) / FACTS_FULL) * (1.0 - g)
                 if n else 0.0)
        row = {"doc_id": doc_id, "file": file, "unit": units[i],
               "report_year": docs["report_year"].iloc[i] if "report_year" in docs.columns else pd.NA,
               "n_chars": n, "facts": n_facts, "facts_per_1k": fpk,
               "slogan_sentences": len(slogan_list), "slogan_per_1k": _per_1k(len(slogan_list), n),
               "slogan_share": _share(slogan, mask, n),
               "other_unit_share": _share(cover["other_unit"], mask, n),
               "previous_share": _share(cover["previous"], mask, n), "generic_share": g, "score": score,
               "fact_examples": _examples(fact_sents.get(doc_id, []) +
                                          [_sentence_at(text, p) for p in sorted(dates + places)],
                                          n_examples),
               "slogan_examples": _examples(slogan_list, n_examples),
               "other_unit_examples": _examples(_covered(sents, cover["other_unit"], c_all),
                                                n_examples),
               "previous_examples": _examples(_covered(sents, cover["previous"], c_all),
                                              n_examples)}
        row["explanation"] = explain(row)
        rows.append(row)
    out = pd.DataFrame(rows)
    out["rank"] = out["score"].rank(ascending=False, method="min").astype("int64")
    return out[COLUMNS]


def _slogan_mask(text: str, slogans) -> np.ndarray:
    """Boolean per character of ``text``: inside a slogan or set formula of ``data/slogans.txt``
    (matched on the normalised text with numbers as one class, as
    :func:`fazhi.reuse.slogans.slogan_chars` does, once for the whole text)."""
    from fazhi.reuse.slogans import _slogans
    from fazhi.reuse.text import NUM, _numbers, normalise

    out = np.zeros(len(text), dtype=bool)
    pat = _slogans(str(slogans) if slogans else None)[1]
    norm, offsets = normalise(text)
    if pat is None or not norm:
        return out
    offsets = np.asarray(offsets, dtype=np.int64)
    # the class text (a number is one NUM) and, per class character, its span in ``norm``
    keep = np.ones(len(norm), dtype=bool)
    end = np.arange(1, len(norm) + 1, dtype=np.int64)
    num = _numbers()
    for m in num.finditer(norm):
        keep[m.start() + 1:m.end()] = False
        end[m.start()] = m.end()
    at = np.flatnonzero(keep)
    cls = num.sub(NUM, norm)  # its i-th character is norm's at[i]
    for m in pat.finditer(cls):
        lo, hi = int(at[m.start()]), int(end[at[m.end() - 1]])
        out[offsets[lo:hi]] = True
    return out


def _share(covered: np.ndarray, mask: np.ndarray, n: int) -> float:
    return float((covered & mask).sum()) / n if n else 0.0


def _per_1k(count: int, n: int) -> float:
    return count * 1000.0 / n if n else 0.0


_NUMBER = re.compile(r"(?<![0-9０-９])[0-9０-９]+(?:[.．][0-9０-９]+)?(?![0-9０-９]*年)")  # not a year


def _covered(sents: list[tuple[int, str]], cover: np.ndarray, c_all: np.ndarray) -> list[str]:
    """The sentences at least half covered by ``cover``, those stating the most numbers (years
    aside) first: they show what a copier changed."""
    if not cover.any():
        return []
    c = np.concatenate([[0], np.cumsum(cover)])
    got = [s for a, s in sents if c_all[a + len(s)] > c_all[a]
           and 2 * (c[a + len(s)] - c[a]) >= a + len(s) - a]
    return sorted(got, key=lambda s: -len(_NUMBER.findall(s)))


def _sentence_at(text: str, pos: int) -> str:
    from fazhi.textstat._index import _SENT_END

    starts = [m.end() for m in _SENT_END.finditer(text, 0, pos)]
    lo = starts[-1] if starts else 0
    m = _SENT_END.search(text, pos)
    return text[lo:m.end() if m else len(text)]


def explain(row: dict) -> str:
    """The Chinese explanation of one row of :func:`textstat_specificity`: what the score is made
    of, the largest generic part first; a report at least :data:`PREVIOUS_COPY` copied from its
    own previous report is said to be that report again.

    >>> explain({"n_chars": 2000, "facts_per_1k": 4.0, "slogan_share": 0.1, "other_unit_share": 0.0,
    ...          "previous_share": 0.8, "score": 3.2})
    '具体程度 3（满分100）：与本单位上一年度报告相同的文字占80%，基本是上一年度报告换了数字；具体事实每千字4.0项；口号套话占10%'
    """
    if not row.get("n_chars"):
        return "没有文字"
    parts = []
    prev = row.get("previous_share", 0.0)
    if prev >= PREVIOUS_COPY:
        parts.append(f"与本单位上一年度报告相同的文字占{prev:.0%}，基本是上一年度报告换了数字")
    parts.append(f"具体事实每千字{row.get('facts_per_1k', 0.0):.1f}项")
    if row["n_chars"] < MIN_CHARS:
        parts.append(f"全文仅{row['n_chars']}字，事实按{MIN_CHARS}字计分")
    generic = [("口号套话", row.get("slogan_share", 0.0)), ("与其他单位报告相同",
               row.get("other_unit_share", 0.0))]
    if prev < PREVIOUS_COPY:
        generic.append(("与本单位上一年度报告相同", prev))
    for name, v in sorted(generic, key=lambda x: -x[1]):
        if v >= 0.005:
            parts.append(f"{name}占{v:.0%}")
    return f"具体程度 {row.get('score', 0.0):.0f}（满分100）：" + "；".join(parts)


__all__ = ["COLUMNS", "FACTS_FULL", "MIN_CHARS", "explain", "textstat_specificity"]
