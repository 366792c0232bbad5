"""Trends and themes: how often given terms and policy themes occur, per year or any group.

>>> textstat_trend(corpus, ["习近平法治思想", "“八五”普法"])          # doctest: +SKIP
>>> textstat_themes(corpus, by="report_year", unit="sentences")      # doctest: +SKIP
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from fazhi.corpus import Corpus
from fazhi.textstat._index import (
    _NON_SENT,
    _SENT_END,
    Match,
    _check_by,
    _clean_term,
    _find,
    _group_column,
    _key,
    _level1,
    _part_at,
    _rate,
    _Selection,
    _sentences,
    _sort_groups,
    _typed,
    compound_tails,
)
from fazhi.vocab import UNKNOWN, is_unknown, label


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
    tails = compound_tails(corpus.lexicon)
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
                k = len(_find(text, offsets, term, match, tails))
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
    from fazhi.read import TABLE_COLUMNS, read_rows

    path = Path(path)
    themes: dict[str, list[str]] = {}
    # the package's one data-file reader: BOM, CRLF, comments; a line of another shape raises
    # ValueError naming the file and the line (themes.tsv:7: … expected 2 tab-separated fields)
    for no, (theme, term) in read_rows(path, TABLE_COLUMNS["themes.tsv"], form="theme<TAB>term",
                                       error=ValueError):
        if not theme or not term:
            raise ValueError(f"{path}:{no}: expected 'theme<TAB>term' with both fields filled")
        if not _clean_term(term):
            raise ValueError(f"{path}:{no}: the term {term!r} has no word character")
        lst = themes.setdefault(theme, [])
        if term not in lst:
            lst.append(term)
    if not themes:
        raise ValueError(f"{path}: no themes")
    return themes



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
        tails = compound_tails(corpus.lexicon)
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
                    for a, b in _find(text, offsets, term, match, tails):
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



def regroup_themes(themes: pd.DataFrame, docs: pd.DataFrame, *, by: str) -> pd.DataFrame:
    """Theme profiles per group of ``docs[by]`` from per-report profiles
    (``textstat_themes(corpus, by="doc_id")``, which :func:`fazhi.memo.cached` keeps for every
    page): hits and units summed, ``share = hits / n_units``; the same table as
    ``textstat_themes(corpus, by=by)``, the unknown group NA and last. Reports not in ``docs``
    are left out.

    >>> per_doc = cached(fazhi.textstat_themes, corpus, by="doc_id")                 # doctest: +SKIP
    >>> regroup_themes(per_doc, with_regions(corpus, "district").docs, by="region")   # doctest: +SKIP
    """
    cols = [by, "theme", "hits", "n_units", "share"]
    if themes is None or themes.empty or not len(docs):
        return pd.DataFrame(columns=cols)
    group = {d: (None if is_unknown(v) else v) for d, v in zip(docs["doc_id"], docs[by],
                                                                strict=True)}
    rows = themes[themes["doc_id"].isin(group)]
    order = list(dict.fromkeys(themes["theme"].astype(str)))
    keys = [group[d] for d in rows["doc_id"]]
    known = list(dict.fromkeys(k for k in keys if k is not None))
    try:
        known.sort()
    except TypeError:
        known.sort(key=str)
    groups = known + ([None] if any(k is None for k in keys) else [])
    code = {g: i for i, g in enumerate(groups)}
    theme_code = {t: j for j, t in enumerate(order)}
    hits = np.zeros((len(groups), len(order)), dtype=np.int64)
    units = np.zeros((len(groups), len(order)), dtype=np.int64)
    gi = np.array([code[k] for k in keys], dtype=np.int64)
    tj = np.array([theme_code[t] for t in rows["theme"].astype(str)], dtype=np.int64)
    np.add.at(hits, (gi, tj), rows["hits"].to_numpy(dtype=np.int64))
    np.add.at(units, (gi, tj), rows["n_units"].to_numpy(dtype=np.int64))
    try:
        values = pd.array(groups, dtype=docs[by].dtype)
    except (TypeError, ValueError):
        values = pd.array(groups, dtype=object)
    n_units = units.ravel()
    out = pd.DataFrame({"theme": order * len(groups), "hits": hits.ravel(), "n_units": n_units,
                        "share": hits.ravel() / np.where(n_units > 0, n_units, 1)})
    codes = np.repeat(np.arange(len(groups), dtype=np.int64), len(order))
    out.insert(0, by, pd.Series(values).take(codes).reset_index(drop=True))
    return out[cols]


def compare_themes(themes: pd.DataFrame, *, by: str, group) -> pd.DataFrame:
    """One group's theme shares against the corpus average (pooled over the table's groups:
    sum of hits / sum of units): theme, share, average, difference (``share - average``), in the
    table's theme order. A group the table does not hold (or the unknown group) has share 0.

    >>> th = textstat_themes(corpus, by="province")                         # doctest: +SKIP
    >>> compare_themes(th, by="province", group="广东省").head(2)            # doctest: +SKIP
        theme     share   average  difference
    0  理论学习  0.011236  0.012410   -0.001174
    """
    order = list(dict.fromkeys(themes["theme"].astype(str)))
    want = label(group)
    own = themes[[lab == want and lab != UNKNOWN for lab in map(label, themes[by])]]
    own_share = dict(zip(own["theme"].astype(str), own["share"].astype(float), strict=True))
    pooled = themes.groupby(themes["theme"].astype(str))[["hits", "n_units"]].sum()
    avg = (pooled["hits"] / pooled["n_units"].where(pooled["n_units"] > 0)).fillna(0.0)
    share = [own_share.get(t, 0.0) for t in order]
    average = [float(avg.get(t, 0.0)) for t in order]
    return pd.DataFrame({"theme": order, "share": share, "average": average,
                         "difference": np.subtract(share, average)})


def n_docs_by(docs: pd.DataFrame | Corpus, by: str = "report_year") -> dict:
    """``{value: number of reports}`` (the n= labels of trend charts); the reports whose value is
    unknown are counted under the key UNKNOWN (（不明）) when there are any.

    >>> n_docs_by(corpus.docs)  # doctest: +SKIP
    {2019: 1, 2020: 1, 2021: 1, 2023: 1, 2024: 1, '（不明）': 2}
    """
    docs = docs.docs if hasattr(docs, "docs") else docs
    unknown = [is_unknown(v) for v in docs[by]]
    known = docs[[not u for u in unknown]]
    out: dict = {(k.item() if hasattr(k, "item") else k): int(v)
                 for k, v in known.groupby(by, sort=True).size().items()}
    if any(unknown):
        out[UNKNOWN] = int(sum(unknown))
    return out
