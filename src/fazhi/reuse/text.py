"""Matching text: a report's letters and digits, with numbers and the report's own place names as
classes.

Two steps, both mapping every character back to the cleaned text (``docs.text``):

1. :func:`normalise`: letters and digits only (punctuation, symbols and whitespace dropped),
   full-width ASCII to half width, ASCII lower-cased; line breaks kept as paragraph separators.
2. :func:`class_text`: every number (a run of digits; Chinese numerals right before a measure word:
   三次, 十五场, 二〇二〇年 — ``data/reuse_classes.tsv``) becomes the one character :data:`NUM`,
   every mention of the report's own place names (its town, district, city, province) the one
   character :data:`PLACE`. A passage copied from a neighbour with its name and numbers updated
   is then the same string in both reports. The values are kept (:class:`ClassText`), so the
   edits of a passage can be told (亭江镇→西联镇, 209→17).

>>> ct = class_text(normalise("2020年，亭江镇调处纠纷209件。")[0], ["亭江镇"])
>>> ct.text == f"{NUM}年{PLACE}调处纠纷{NUM}件", ct.values
(True, ['2020', '亭江镇', '209'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

NUM = "\ue000"     # any number (private-use code points: never in a normalised text)
PLACE = "\ue001"   # any of the report's own place names
CLASSES = NUM + PLACE


@lru_cache(maxsize=1)
def _tables():
    """Lookup tables over the BMP: is a code point kept, and its normalised code point."""
    import numpy as np

    keep = np.fromiter((chr(i).isalnum() for i in range(0x10000)), dtype=bool, count=0x10000)
    keep[0xD800:0xE000] = False  # surrogates
    sep = keep.copy()
    sep[ord("\n")] = True        # kept by normalise() as a paragraph separator
    norm = np.arange(0x10000, dtype=np.uint32)
    norm[0xFF01:0xFF5F] -= 0xFEE0                     # full-width ASCII -> ASCII
    upper = (norm >= ord("A")) & (norm <= ord("Z"))
    norm[upper] += 32                                 # ASCII upper -> lower (after width)
    return keep, sep, norm


def codepoints(text: str) -> np.ndarray:
    """The code points of ``text`` as a numpy array (no Python loop)."""
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le"), dtype="<u4")


def alnum_mask(text: str) -> np.ndarray:
    """Which characters of ``text`` are letters or digits (what :func:`normalise` keeps, line
    breaks aside)."""
    import numpy as np

    keep, _, _ = _tables()
    cp = codepoints(text)
    mask = keep[np.minimum(cp, 0xFFFF)] & (cp <= 0xFFFF)
    big = cp > 0xFFFF
    if big.any():  # astral letters (rare CJK extensions) are kept
        mask |= big & np.array([chr(c).isalnum() for c in cp], dtype=bool)
    return mask


def normalise(text: str) -> tuple[str, np.ndarray]:
    """``(normalised, offsets)``: letters and digits only, full width -> half width, ASCII lower case,
    line breaks kept; ``offsets[i]`` is the index in ``text`` of the ``i``-th normalised character.

    >>> normalise("坚持“村帐镇管”， 完善ＡＢ\\n")[0]
    '坚持村帐镇管完善ab\\n'
    """
    import numpy as np

    _, keep, norm = _tables()
    cp = codepoints(text)
    big = cp >= 0x10000
    mask = keep[np.where(big, 0, cp)]
    if big.any():
        mask |= big & np.array([chr(c).isalnum() for c in cp], dtype=bool)
    pos = np.flatnonzero(mask).astype(np.int32)
    kept = cp[pos]
    kept = np.where(kept < 0x10000, norm[np.minimum(kept, 0xFFFF)], kept).astype("<u4")
    return kept.tobytes().decode("utf-32-le"), pos


# ---------------------------------------------------------------- classes


@lru_cache(maxsize=1)
def _number_pattern() -> str:
    from fazhi.read import load_table

    sets = {row[0]: row[1] for row in load_table("reuse_classes.tsv") if len(row) >= 2}
    digits, numerals, measures = (re.escape(sets[k]) for k in ("digits", "numerals", "measures"))
    return f"[{digits}]+|[{numerals}]+(?=[{measures}])"


@lru_cache(maxsize=1)
def _numbers() -> re.Pattern:
    return re.compile(_number_pattern())


@lru_cache(maxsize=4096)
def _with_names(names: tuple[str, ...]) -> re.Pattern:
    alts = "|".join(re.escape(n) for n in names)
    return re.compile(f"(?P<place>{alts})|{_number_pattern()}")


def place_names(values: Iterable) -> tuple[str, ...]:
    """The usable own place names among metadata values, normalised, longest first (a name of
    fewer than 3 characters is too often a word: 和县, 城区).

    >>> place_names(["福建省", "福州市", "马尾区", "亭江镇", None, "（不明）", "城区"])
    ('亭江镇', '福州市', '福建省', '马尾区')
    """
    out = set()
    for v in values:
        if isinstance(v, str) and v.strip() and v.strip() != "（不明）":
            n = normalise(v.strip())[0].replace("\n", "")
            if len(n) >= 3:
                out.add(n)
    return tuple(sorted(out, key=lambda s: (-len(s), s)))


@dataclass
class ClassText:
    """A normalised text with its numbers and own place names as class characters.

    ``text``: the class text; ``starts``: for each of its characters the index in the normalised
    text where it starts, plus ``len(normalised)`` at the end (so character ``i`` stands for
    ``normalised[starts[i]:starts[i + 1]]``); ``positions``: the indices in ``text`` of the class
    characters and ``values`` what each stands for, in order.
    """

    text: str
    starts: np.ndarray
    positions: np.ndarray
    values: list[str]


def class_text(norm: str, names: Iterable[str] = ()) -> ClassText:
    """Numbers -> :data:`NUM`, the given place names (normalised) -> :data:`PLACE` (longest first)."""
    import numpy as np

    names = tuple(sorted({n for n in names if n}, key=lambda s: (-len(s), s)))
    pat = _with_names(names) if names else _numbers()
    pieces, values, starts_cut, pos = [], [], [], 0
    for m in pat.finditer(norm):
        s, e = m.span()
        pieces.append(norm[pos:s])
        pieces.append(PLACE if names and m.group("place") else NUM)
        values.append(m.group())
        starts_cut.append((s, e))
        pos = e
    if not values:
        return ClassText(norm, np.arange(len(norm) + 1, dtype=np.int32), np.empty(0, np.int32), [])
    pieces.append(norm[pos:])
    keep = np.ones(len(norm) + 1, dtype=bool)
    for s, e in starts_cut:
        keep[s + 1:e] = False
    starts = np.flatnonzero(keep).astype(np.int32)
    cls_starts = np.fromiter((s for s, _ in starts_cut), dtype=np.int32, count=len(starts_cut))
    positions = np.searchsorted(starts, cls_starts).astype(np.int32)
    return ClassText("".join(pieces), starts, positions, values)


def number_text(norm: str) -> str:
    """``norm`` with its numbers as :data:`NUM` (what slogans are matched against).

    >>> number_text("增强四个意识") == f"增强{NUM}个意识"
    True
    """
    return _numbers().sub(NUM, norm)
