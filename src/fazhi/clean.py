"""Clean stage: small pure ``str -> str`` cleaners composed into one pipeline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_WS = re.compile(r"[ \t\u3000\xa0]+")


@dataclass
class Cleaned:
    """Cleaned text plus what was removed (rule, text, position) and per-document flags."""

    text: str
    removals: list[dict] = field(default_factory=list)
    flags: dict = field(default_factory=dict)


def normalize_whitespace(text: str) -> str:
    """Collapse runs of spaces; strip lines. ``"  一、 工作情况 "`` -> ``"一、 工作情况"``."""
    lines = (_WS.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def clean_text(text: str) -> Cleaned:
    """Run the cleaning pipeline over one document's text."""
    return Cleaned(normalize_whitespace(text))
