"""Text helpers of the resolver: folding for matching (traditional -> simplified, variants), Chinese
numerals and dates, first and last lines without splitting a whole text.

>>> fold("馬尾區亭江鎮")
'马尾区亭江镇'
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from fazhi.meta.rules import _variants
from fazhi.numerals import digit_string, small_number


@cache
def _converter():
    import opencc  # lazy: only the meta stage needs it

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Traditional characters as simplified and variant characters as the gazetteer writes them,
    for matching only (the text itself is not changed; positions are kept).

    ``fold("馬尾區亭江鎮2020年度法治政府建設情況")`` -> ``"马尾区亭江镇2020年度法治政府建设情况"``;
    ``fold("长沙县㮾梨街道")`` -> ``"长沙县榔梨街道"``.
    """
    return _fold_long(text)


@cache
def _foldable() -> re.Pattern:
    """Characters that folding changes: every traditional character opencc simplifies (found
    once by converting the CJK blocks) and the listed variants. Most reports have none."""
    chars = "".join(map(chr, [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00)]))
    out = _converter().convert(chars)
    changed = {a for a, b in zip(chars, out, strict=False) if a != b} if len(out) == len(chars) else set()
    changed |= {chr(c) for c in _variants()}
    return re.compile("[" + re.escape("".join(sorted(changed))) + "]")


def _fold_long(text: str) -> str:
    if text.isascii() or not _foldable().search(text):
        return text
    text = text.translate(_variants())
    out = _converter().convert(text)
    return out if len(out) == len(text) else text


def _cn_number(s: str) -> int:
    """A year written digit by digit (二〇二一) or a month or day (十二, 二十五): see :mod:`fazhi.numerals`."""
    value = digit_string(s)
    if value is None:
        value = small_number(s)
    return value if value is not None else 0


def _date(y: int, m: int, d: int) -> str:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return ""


def _year(s: str) -> int:
    return int(s) if s.isdigit() else _cn_number(s)


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _first_lines(text: str, n: int) -> list[str]:
    """``_lines(text)[:n]`` without splitting the whole text."""
    parts = text.split("\n", n * 4)
    lines = [ln.strip() for ln in parts[: n * 4] if ln.strip()]
    return lines[:n] if len(lines) >= n or len(parts) <= n * 4 else _lines(text)[:n]


def _last_lines(text: str, n: int) -> list[str]:
    parts = text.rsplit("\n", n * 4)
    lines = [ln.strip() for ln in parts[-n * 4:] if ln.strip()]
    return lines[-n:]
