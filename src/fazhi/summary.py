"""The summary of a region's reports (the card at the top of a dossier): how many reports, which
years (and the years missing between them), the Article-25 parts they lack, how many were published
late, the region's distinctive terms, the share of its text found in other reports and how many
numeric facts it states.

Computing only: :func:`textstat_summary` returns a :class:`RegionSummary` of plain values (None
where a fact is unknown); :func:`fazhi.display.summary_card` shows it.

>>> sub = fazhi.select_region(corpus, "province", "广东省")                    # doctest: +SKIP
>>> s = textstat_summary(corpus, sub)                                          # doctest: +SKIP
>>> s.years, s.missing_years, s.n_late                                         # doctest: +SKIP
((2019, 2022, 2024), (2020, 2021, 2023), 0)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from fazhi.vocab import is_unknown

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from fazhi.corpus import Corpus
    from fazhi.regions import Level

# the parts a summary counts as missing, in the order of Article 25 ("other" is never required)
REQUIRED_PARTS: tuple[str, ...] = ("achievements", "problems", "duty", "plans")
# how many terms the card lists
N_TERMS = 8
# the boolean column textstat_summary groups by to compare a set of reports with the rest
_IN_SET = "_in_summary"

TermsBasis = Literal["keyness", "frequency"]


@dataclass(frozen=True)
class RegionSummary:
    """The facts of a summary card; counts are of reports unless said otherwise, None = unknown.

    - ``years``: the known report years, each once, ascending; ``missing_years``: the years
      between the first and the last with no report; ``n_unknown_year``: reports without a year;
    - ``missing_parts``: part (achievements, problems, duty, plans) → reports known to lack it
      (only parts some report lacks); ``n_parts_unknown``: reports whose parts are not all known;
    - ``n_late``: published after 1 April of the year after the report year;
      ``n_unknown_date``: reports whose publish date (or year) is unknown — never counted late;
    - ``terms`` and ``terms_basis``: ``keyness`` (over-represented against the rest of the corpus,
      G²) or ``frequency`` (the most frequent; when no term stands out or there is no rest),
      None when there are no terms (or no tokens);
    - ``n_chars``, ``reused_chars``, ``reuse_share`` (characters without punctuation, boilerplate
      not counted as reuse) and ``n_partners`` (other reports sharing a passage): None when no
      passages were given nor could be computed, ``reuse_share`` also when there is no text;
    - ``n_indicators``: numeric facts (:func:`fazhi.textstat_indicators`), ``n_indicator_reports``:
      reports stating at least one.
    """

    n_reports: int
    years: tuple[int, ...] = ()
    missing_years: tuple[int, ...] = ()
    n_unknown_year: int = 0
    missing_parts: dict[str, int] = field(default_factory=dict)
    n_parts_unknown: int = 0
    n_late: int = 0
    n_unknown_date: int = 0
    terms: tuple[str, ...] = ()
    terms_basis: TermsBasis | None = None
    n_chars: int | None = None
    reused_chars: int | None = None
    reuse_share: float | None = None
    n_partners: int | None = None
    n_indicators: int | None = None
    n_indicator_reports: int | None = None


def year_gaps(years) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(the distinct known years ascending, the years missing between the first and the last);
    unknown values (None, NA, "") are left out.

    >>> year_gaps([2023, 2019, None, 2020, 2023])
    ((2019, 2020, 2023), (2021, 2022))
    """
    known = sorted({int(y) for y in years if not is_unknown(y)})
    have = set(known)
    gaps = tuple(y for y in range(known[0], known[-1] + 1) if y not in have) if known else ()
    return tuple(known), gaps


def textstat_region_terms(corpus: Corpus, *, level: Level, n: int = N_TERMS,
                          min_count: int = 3) -> pd.DataFrame:
    """The distinctive terms of every region at ``level`` against the rest of the corpus
    (:func:`fazhi.textstat_distinctive` by the column :func:`fazhi.with_regions` adds): region,
    term, n_target, n_reference, g2, log_ratio, rank. One pass for all regions, so that a render
    computes it once (``fd.cached(textstat_region_terms, corpus, level="town")``) and each
    dossier reads its rows.

    >>> t = textstat_region_terms(corpus, level="province")              # doctest: +SKIP
    >>> t[t["region"] == "广东省"]["term"].tolist()[:3]                   # doctest: +SKIP
    ['街道', '未成年人', '违法犯罪']
    """
    from fazhi.regions import REGION_COLUMN, with_regions
    from fazhi.textstat import textstat_distinctive

    return textstat_distinctive(with_regions(corpus, level), by=REGION_COLUMN, n=n,
                                min_count=min_count)


def _parts_and_dates(docs: pd.DataFrame) -> dict:
    """missing_parts, n_parts_unknown, n_late, n_unknown_date from the compliance table."""
    from fazhi.compliance import PART_COLUMNS, textstat_compliance_reports

    c = textstat_compliance_reports(docs)
    missing = {p: sum(p in m for m in c["missing_parts"]) for p in REQUIRED_PARTS}
    cols = [col for col, part in PART_COLUMNS.items() if part in REQUIRED_PARTS]
    unknown_parts = sum(any(r[col] is None for col in cols) for r in c[cols].to_dict("records"))
    late = list(c["late"])
    return {"missing_parts": {p: k for p, k in missing.items() if k},
            "n_parts_unknown": int(unknown_parts),
            "n_late": sum(v is True for v in late),
            "n_unknown_date": sum(v is None for v in late)}


def _own_rows(terms: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``terms`` that are the set's: with a ``region`` column (the output of
    :func:`textstat_region_terms`) those of the set's regions (none when ``docs`` has no such
    column), else all of them."""
    from fazhi.regions import REGION_COLUMN

    if REGION_COLUMN in terms.columns:
        mine = set(docs[REGION_COLUMN].dropna().astype(str)) if REGION_COLUMN in docs else set()
        terms = terms[terms[REGION_COLUMN].astype(str).isin(mine)]
    if "rank" in terms.columns:
        terms = terms.sort_values("rank", kind="mergesort")
    return terms


def _distinctive(corpus: Corpus, ids: set, n: int) -> pd.DataFrame:
    """The terms of the reports ``ids`` over-represented against the rest of ``corpus`` (G²)."""
    from fazhi.textstat import textstat_distinctive

    d = textstat_distinctive(corpus.assign(**{_IN_SET: lambda docs: docs["doc_id"].isin(ids)}),
                             by=_IN_SET, n=n)
    return d[d[_IN_SET].astype(bool)]


def _terms(corpus: Corpus | None, sub: Corpus, terms: pd.DataFrame | None,
           n: int) -> tuple[tuple[str, ...], TermsBasis | None]:
    """The set's terms and their basis: given ``terms`` (the set's rows), else keyness against
    the rest of ``corpus``; the most frequent terms when neither gives any; () without tokens."""
    from fazhi.corpus import NoTokensError
    from fazhi.textstat import textstat_frequency

    ids = set(sub.docs["doc_id"])
    try:
        if terms is None and corpus is not None and (~corpus.docs["doc_id"].isin(ids)).any():
            terms = _distinctive(corpus, ids, n)
        if terms is not None:
            own = _own_rows(terms, sub.docs)
            if len(own):
                basis: TermsBasis = "keyness" if "g2" in own.columns else "frequency"
                return tuple(str(t) for t in own["term"].head(n)), basis
        top = textstat_frequency(sub, n=n)
    except NoTokensError:
        return (), None
    return (tuple(str(t) for t in top["term"]), "frequency") if len(top) else ((), None)


def _reuse(corpus: Corpus | None, sub: Corpus, passages: pd.DataFrame | None) -> dict:
    """n_chars, reused_chars, reuse_share, n_partners (boilerplate not counted); all None when
    there are no passages and no corpus to compute them from."""
    import pandas as pd

    from fazhi.reuse import (
        PASSAGE_COLUMNS,
        passages_of,
        textstat_reuse,
        textstat_reuse_share,
        without_boilerplate,
    )

    if passages is None:
        if corpus is None:
            return {}
        passages = textstat_reuse(corpus)
    ids = set(sub.docs["doc_id"])
    if passages is None or not len(passages) or "doc_a" not in passages.columns:
        passages = pd.DataFrame(columns=PASSAGE_COLUMNS)
    passages = passages_of(passages, ids)
    share = textstat_reuse_share(sub, passages)
    n_chars, reused = int(share["n_chars"].sum()), int(share["reused_chars"].sum())
    counted = without_boilerplate(passages)
    partners = set()
    if len(counted):
        partners = set(counted.loc[counted["doc_b"].isin(ids), "doc_a"]) | \
            set(counted.loc[counted["doc_a"].isin(ids), "doc_b"])
    return {"n_chars": n_chars, "reused_chars": reused,
            "reuse_share": reused / n_chars if n_chars else None, "n_partners": len(partners)}


def textstat_summary(corpus: Corpus | None, sub: Corpus, *, passages: pd.DataFrame | None = None,
                     facts: pd.DataFrame | None = None, terms: pd.DataFrame | None = None,
                     n_terms: int = N_TERMS) -> RegionSummary:
    """The summary of the reports ``sub`` (a region's, from :func:`fazhi.select_region`) within
    ``corpus`` (the whole corpus: the rest is what the terms are compared with and where shared
    passages come from): a :class:`RegionSummary`. Never raises on unknown metadata, an empty
    ``sub``, no tokens, no passages or no facts: the field is 0, empty or None.

    ``passages``: :func:`fazhi.textstat_reuse` of ``corpus`` (or its rows for ``sub``,
    :func:`fazhi.passages_of`); computed when None and ``corpus`` is given. ``facts``:
    :func:`fazhi.textstat_indicators` of ``sub`` (computed when None). ``terms``: a terms table in
    rank order — :func:`textstat_region_terms` (only the rows of ``sub``'s region are read),
    :func:`fazhi.textstat_distinctive` or :func:`fazhi.textstat_frequency` rows; when None,
    keyness of ``sub`` against the rest of ``corpus``. Pass the cached whole-corpus results a
    page already uses, so nothing is computed twice.

    >>> s = textstat_summary(corpus, select_region(corpus, "town", "蓬东乡"))   # doctest: +SKIP
    >>> s.n_reports, s.years, s.n_unknown_date                               # doctest: +SKIP
    (1, (2021,), 1)
    """
    from fazhi.indicators import textstat_indicators

    docs = sub.docs
    years = docs["report_year"] if "report_year" in docs.columns else [None] * len(docs)
    known, gaps = year_gaps(years)
    n_known = sum(1 for y in years if not is_unknown(y))
    if facts is None:
        facts = textstat_indicators(sub)
    words, basis = _terms(corpus, sub, terms, n_terms) if len(docs) else ((), None)
    return RegionSummary(
        n_reports=len(docs), years=known, missing_years=gaps, n_unknown_year=len(docs) - n_known,
        **_parts_and_dates(docs), terms=words, terms_basis=basis, **_reuse(corpus, sub, passages),
        n_indicators=len(facts),
        n_indicator_reports=int(facts["doc_id"].nunique()) if len(facts) else 0)
