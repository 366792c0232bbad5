"""Boilerplate by content: slogans and set formulas (``data/slogans.txt``).

A shared passage is a template, not copying, when at least half of its characters lie in known
slogans, or when what is left of it without them is shorter than the shortest passage reported:
认真履行党政主要负责人推进法治建设第一责任人职责 shared by two reports is a set formula, not a copy.

>>> slogan_chars(normalise("坚持以习近平新时代中国特色社会主义思想为指导")[0])
16
>>> is_slogan_passage(normalise("认真履行党政主要负责人推进法治建设第一责任人职责")[0], min_length=20)
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from fazhi.reuse.text import NUM, normalise, number_text


@lru_cache(maxsize=4)
def _slogans(path: str | None = None) -> tuple[tuple[str, ...], re.Pattern | None]:
    """The normalised slogans and one compiled alternation of them with numbers as classes
    (longest first)."""
    from fazhi.read import data_path, read_lines

    items = {n for _, s in read_lines(Path(path) if path else data_path("slogans.txt"))
             if (n := normalise(s)[0].replace("\n", ""))}
    if not items:
        return (), None
    keys = sorted({number_text(s) for s in items}, key=lambda s: (-len(s), s))
    return tuple(sorted(items, key=len, reverse=True)), re.compile("|".join(map(re.escape, keys)))


def slogan_chars(text: str, *, slogans: str | Path | None = None) -> int:
    """How many characters of a normalised (or class) text lie in known slogans; a number counts
    as one character.

    >>> slogan_chars(normalise("坚持以习近平新时代中国特色社会主义思想为指导")[0])
    16
    """
    pat = _slogans(str(slogans) if slogans else None)[1]
    if pat is None:
        return 0
    return sum(m.end() - m.start() for m in pat.finditer(number_text(text)))


def is_slogan_passage(text: str, *, min_length: int, slogans: str | Path | None = None) -> bool:
    """Whether a passage (normalised or class text, line breaks allowed) is a template by its
    content: half of it slogans, or less than ``min_length`` characters left without them."""
    t = number_text(text.replace("\n", ""))
    n = len(t)
    if not n:
        return False
    sc = slogan_chars(t, slogans=slogans)
    return 2 * sc >= n or n - sc < min_length


__all__ = ["NUM", "is_slogan_passage", "slogan_chars"]
