"""Analyses that return DataFrames (quanteda's ``textstat_*`` grammar)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from fazhi.corpus import Corpus


def _doc_tokens(corpus: Corpus) -> pd.DataFrame:
    toks = corpus.tokens.groupby("doc_id", sort=False)["tokens"].apply(" ".join)
    return toks.reset_index()


def textstat_frequency(corpus: Corpus, *, n: int | None = 50, min_chars: int = 2) -> pd.DataFrame:
    """Term frequencies: term, count, docs, rate per 10k tokens.

    >>> textstat_frequency(corpus, n=3)  # doctest: +SKIP
       term  count  docs  per_10k
    0  法治   ...
    """
    counts, docs, total = Counter(), Counter(), 0
    for toks in _doc_tokens(corpus)["tokens"]:
        terms = toks.split()
        total += len(terms)
        terms = [t for t in terms if len(t) >= min_chars]
        counts.update(terms)
        docs.update(set(terms))
    df = pd.DataFrame({"term": list(counts), "count": list(counts.values())})
    df["docs"] = df["term"].map(docs)
    df["per_10k"] = df["count"] / max(total, 1) * 10_000
    df = df.sort_values(["count", "term"], ascending=[False, True]).reset_index(drop=True)
    return df.head(n) if n else df


def textstat_trend(corpus: Corpus, terms: list[str], *, by: str = "report_year") -> pd.DataFrame:
    """Counts and rates per 10k tokens of ``terms`` by ``by``, with the documents behind each point."""
    dt = _doc_tokens(corpus).merge(corpus.docs[["doc_id", by]], on="doc_id")
    rows = []
    for key, grp in dt.groupby(by):
        toks = Counter(t for s in grp["tokens"] for t in s.split())
        total = sum(toks.values())
        for term in terms:
            rows.append({by: key, "term": term, "count": toks[term], "n_docs": len(grp),
                         "n_tokens": total, "per_10k": toks[term] / max(total, 1) * 10_000})
    return pd.DataFrame(rows)
