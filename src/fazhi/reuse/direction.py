"""Who copied whom, and what kind of sharing a passage is.

- **Source**: of two reports sharing a passage, the one of the earlier report year is the source
  (a report is written in the first months after its year; a web page's publish date is often a
  later upload); with equal or unknown years, the one published earlier. Unknown when neither
  tells (``source_doc`` empty).
- **Kind** (``data/reuse_labels.tsv``): ``template`` for boilerplate (in many reports, or made of
  slogans and set formulas), ``duplicate`` for one report listed twice, else ``same_unit`` (the
  same reporting unit: its report of another year), ``other_unit``, or ``unknown_unit`` when the
  unit of either report is not known.

>>> import numpy as np, pandas as pd
>>> meta = doc_meta(pd.DataFrame({"report_year": [2021, 2020], "publish_date": ["", ""],
...                               "unit": ["福建省福州市马尾区亭江镇"] * 2}))
>>> sources(meta, np.array([0]), np.array([1])).tolist(), kinds(meta, np.array([0]),
...     np.array([1]), np.array([False])).tolist()
([1], ['same_unit'])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from fazhi.vocab import is_unknown

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

KINDS = ("duplicate", "same_unit", "other_unit", "unknown_unit", "template")
UNIT_COLUMNS = ("province", "city", "district", "town")


@dataclass
class DocMeta:
    """Per document: report year (NaN when unknown), publish day (days since 1970, NaN when
    unknown) and a unit code (-1 when unknown)."""

    years: np.ndarray
    days: np.ndarray
    units: np.ndarray


def unit_key(row: dict) -> str:
    """The reporting unit of a document's metadata (``unit`` plus ``department``, else the place
    columns down to district or town); "" when unknown. The one identity of "the same unit" (the
    reuse kind 本单位其他年度报告, the follow-through of last year's plans).

    >>> unit_key({"unit": "福建省福州市马尾区亭江镇"}), unit_key({"province": "广东省", "city": "汕头市"})
    ('福建省福州市马尾区亭江镇', '')
    """
    unit = row.get("unit")
    if not is_unknown(unit):
        dept = row.get("department")
        return str(unit).strip() + ("|" + str(dept).strip() if not is_unknown(dept) else "")
    parts = {c: str(row.get(c)).strip() for c in UNIT_COLUMNS if not is_unknown(row.get(c))}
    if "town" not in parts and "district" not in parts:
        return ""  # a province or a city alone does not tell the reporting unit
    return "|".join(parts[c] for c in UNIT_COLUMNS if c in parts)


_unit_key = unit_key  # the former private name


def unit_keys(docs: pd.DataFrame) -> list[str]:
    """:func:`unit_key` of each row of a documents table (missing columns mean unknown)."""
    cols = [c for c in ("unit", "department", *UNIT_COLUMNS) if c in docs.columns]
    return [unit_key(r) for r in docs[cols].to_dict("records")] if cols else [""] * len(docs)


def doc_meta(docs: pd.DataFrame) -> DocMeta:
    """The dates and units of the documents (columns ``report_year``, ``publish_date``, ``unit``,
    ``department`` or the place columns; missing columns mean unknown)."""
    import numpy as np
    import pandas as pd

    n = len(docs)
    years = pd.to_numeric(docs["report_year"], errors="coerce").to_numpy(dtype=float) \
        if "report_year" in docs.columns else np.full(n, np.nan)
    if "publish_date" in docs.columns:
        d = pd.to_datetime(docs["publish_date"].astype("string"), errors="coerce", format="%Y-%m-%d")
        days = ((d - pd.Timestamp("1970-01-01")).dt.days).to_numpy(dtype=float, na_value=np.nan)
    else:
        days = np.full(n, np.nan)
    keys = unit_keys(docs)
    codes, _ = pd.factorize(pd.Series(keys, dtype=object).replace("", None), use_na_sentinel=True)
    return DocMeta(years, days, codes.astype(np.int64))


def sources(meta: DocMeta, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """Per row the index of the source document, -1 when neither date tells."""
    import numpy as np

    out = np.full(len(ia), -1, dtype=np.int64)
    for values in (meta.years, meta.days):
        va, vb = values[ia], values[ib]
        known = (out < 0) & np.isfinite(va) & np.isfinite(vb) & (va != vb)
        out[known] = np.where(va[known] < vb[known], ia[known], ib[known])
    return out


def kinds(meta: DocMeta, ia: np.ndarray, ib: np.ndarray, boilerplate: np.ndarray,
          duplicate: np.ndarray | None = None) -> np.ndarray:
    """Per row its kind (one of :data:`KINDS`)."""
    import numpy as np

    ua, ub = meta.units[ia], meta.units[ib]
    out = np.where((ua < 0) | (ub < 0), "unknown_unit",
                   np.where(ua == ub, "same_unit", "other_unit")).astype(object)
    out[np.asarray(boilerplate, dtype=bool)] = "template"
    if duplicate is not None:
        out[np.asarray(duplicate, dtype=bool)] = "duplicate"
    return out
