"""Compliance with Article 25 of 《法治政府建设与责任落实督察工作规定》: which of the mandated parts
each report has, and the flags a checking office looks at (published late, cut off, anonymised,
no title, a heading number used twice).

>>> textstat_compliance(corpus)[["file", "has_problems", "missing_parts"]]   # doctest: +SKIP
>>> textstat_compliance_summary(corpus)                                     # doctest: +SKIP
              item  n_docs  share
0  has_achievements       5    1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fazhi.vocab import is_unknown

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from fazhi.corpus import Corpus

# the document columns of the mandated parts, and the part each stands for
PART_COLUMNS = {"has_achievements": "achievements", "has_problems": "problems",
                "has_duty": "duty", "has_plans": "plans"}
# the flags of a report (document columns)
FLAG_COLUMNS = ("late", "truncated", "anonymised", "no_title", "duplicate_numbering")
# what the summary counts, in its order
SUMMARY_ITEMS = (*PART_COLUMNS, "late", "truncated", "anonymised", "no_title")


def _docs(docs) -> pd.DataFrame:
    return docs.docs if hasattr(docs, "docs") else docs


def _flag(value):
    """True/False, or None when unknown."""
    return None if is_unknown(value) else bool(value)


def textstat_compliance(docs: pd.DataFrame | Corpus) -> pd.DataFrame:
    """One row per report: doc_id, file, the part columns (has_achievements, has_problems,
    has_duty, has_plans), missing_parts (the parts it is known to lack: ``["problems", "duty"]``),
    and the flags (late, truncated, anonymised, no_title, duplicate_numbering). Values are
    True/False, or None when the documents table does not tell (a column it lacks, a missing
    value).

    >>> textstat_compliance(corpus.docs).loc[0, "missing_parts"]   # doctest: +SKIP
    ['duty']
    """
    import pandas as pd

    docs = _docs(docs)
    n = len(docs)
    out = pd.DataFrame({"doc_id": docs["doc_id"].tolist() if "doc_id" in docs else [None] * n,
                        "file": docs["file"].astype(str).tolist()})
    records = docs.to_dict("records")
    for col in (*PART_COLUMNS, *FLAG_COLUMNS):
        out[col] = pd.Series([_flag(r[col]) for r in records] if col in docs else [None] * n,
                             dtype=object)
    out.insert(2 + len(PART_COLUMNS), "missing_parts", [
        [part for col, part in PART_COLUMNS.items() if col in r and _flag(r[col]) is False]
        for r in records])
    return out


def textstat_compliance_summary(docs: pd.DataFrame | Corpus) -> pd.DataFrame:
    """How many reports have each part and each flag: item (the document column: has_problems,
    late …), n_docs, share (of all reports; 0 for none). Columns the documents table lacks are
    left out; a missing value counts as no.

    >>> textstat_compliance_summary(corpus)                        # doctest: +SKIP
    """
    import pandas as pd

    docs = _docs(docs)
    n = len(docs)
    rows = []
    for col in SUMMARY_ITEMS:
        if col not in docs:
            continue
        k = int(docs[col].fillna(False).astype(bool).sum())
        rows.append({"item": col, "n_docs": k, "share": k / n if n else 0.0})
    return pd.DataFrame(rows, columns=["item", "n_docs", "share"])
