"""Meta stage: infer title, kind, year, date and place of a report."""

from __future__ import annotations

import re

_YEAR = re.compile(r"(20[0-4]\d)年")


def infer_meta(text: str) -> dict:
    """Metadata fields of one cleaned text. ``"2020年度法治政府建设工作报告"`` -> report_year 2020."""
    m = _YEAR.search(text[:500])
    return {
        "title": "",
        "kind": "other",
        "report_year": int(m.group(1)) if m else None,
        "publish_date": "",
        "town": "",
        "district": "",
        "city": "",
        "province": "",
        "level": "",
    }
