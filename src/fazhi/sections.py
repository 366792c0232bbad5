"""Parse stage: heading outline, sections and their canonical parts."""

from __future__ import annotations

import re

PARTS = ("achievements", "problems", "duty", "plans", "other")
_TOP = re.compile(r"^[一二三四五六七八九十]+、(.*)$", re.M)


def parse_sections(text: str) -> list[dict]:
    """Top-level sections of a cleaned text as dicts (part, level, number, heading, start, end, text)."""
    heads = list(_TOP.finditer(text))
    out = []
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        out.append({"part": "other", "level": 1, "number": m.group(0).split("、")[0],
                    "heading": m.group(1), "start": m.start(), "end": end,
                    "text": text[m.start():end]})
    return out
