"""Offsets a reader can use: from the cleaned text (``docs.text``) to the text of the file.

Cleaning (:func:`fazhi.clean.clean_text`) removes spans (web chrome, trailers, artifacts: each
recorded in ``docs.removals`` with its offsets in the text as read), fixes listed typos (same
length), makes punctuation consistent and drops whitespace; it never adds, drops or reorders a
letter or digit outside the removed spans. So the ``i``-th letter or digit of the cleaned text is
the ``i``-th letter or digit of the text as read outside the removed spans, and a passage, which
starts and ends on a letter or digit, maps exactly.

"The text as read" is ``docs.raw_text``: the file decoded, its line ends made LF (for a ``.txt``
file: the file itself; for HTML, DOCX and PDF: the text extracted from it). For a file written
with CRLF line ends, :func:`written_offsets` maps offsets of the LF text to offsets in the text as
the file has it.

>>> raw = "一、工作情况\\n[bookmark: _GoBack](一)加强领导,压实责任"
>>> cleaned = "一、工作情况\\n（一）加强领导，压实责任"          # 加强领导 is cleaned[10:14]
>>> cleaned_to_raw(raw, cleaned, [{"rule": "artifact_bookmark", "start": 7, "end": 26}], [10, 14])
[29, 33]
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fazhi.reuse.text import alnum_mask

if TYPE_CHECKING:
    import numpy as np


def _removals(removals) -> list[tuple[int, int]]:
    if removals is None:
        return []
    if isinstance(removals, str):
        try:
            removals = json.loads(removals) if removals.strip() else []
        except ValueError:
            return []
    out = []
    for r in removals or ():
        try:
            out.append((int(r["start"]), int(r["end"])))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def alnum_map(raw: str, cleaned: str, removals) -> tuple[np.ndarray, np.ndarray] | None:
    """``(clean_pos, raw_pos)``: the positions of the letters and digits of ``cleaned`` and of the
    same characters in ``raw`` (outside the removed spans); None when they cannot be paired."""
    import numpy as np

    cpos = np.flatnonzero(alnum_mask(cleaned))
    mask = alnum_mask(raw)
    for s, e in _removals(removals):
        mask[max(0, s):max(0, e)] = False
    rpos = np.flatnonzero(mask)
    if len(cpos) == len(rpos):
        return cpos, rpos
    return _aligned_map(raw, cleaned, cpos, rpos)


def _aligned_map(raw: str, cleaned: str, cpos, rpos, limit: int = 400_000):
    """Pairing by sequence alignment when the counts differ (a cleaner changed a letter count)."""
    import difflib

    import numpy as np

    if len(cpos) > limit or len(rpos) > limit:
        return None
    xs = "".join(cleaned[i] for i in cpos.tolist())
    ys = "".join(raw[i] for i in rpos.tolist())
    ci, ri = [], []
    for blk in difflib.SequenceMatcher(None, xs, ys, autojunk=False).get_matching_blocks():
        ci.extend(range(blk.a, blk.a + blk.size))
        ri.extend(range(blk.b, blk.b + blk.size))
    if not ci:
        return None
    return cpos[np.array(ci)], rpos[np.array(ri)]


def cleaned_to_raw(raw: str, cleaned: str, removals, offsets: Sequence[int], *,
                   ends: Sequence[bool] | None = None) -> list[int]:
    """Map offsets of ``cleaned`` to offsets of ``raw``: a start offset (the index of a letter or
    digit) to the index of that character, an end offset (one past a letter or digit; mark it in
    ``ends``, or give start/end pairs alternately with ``ends=None``) to one past it. -1 where no
    mapping exists."""
    import numpy as np

    if ends is None:
        ends = [i % 2 == 1 for i in range(len(offsets))]
    m = alnum_map(raw, cleaned, removals)
    if m is None:
        return [-1] * len(offsets)
    cpos, rpos = m
    out = []
    for off, is_end in zip(offsets, ends, strict=True):
        target = int(off) - 1 if is_end else int(off)
        j = int(np.searchsorted(cpos, target))
        if j < len(cpos) and cpos[j] == target:
            out.append(int(rpos[j]) + (1 if is_end else 0))
        else:
            out.append(-1)
    return out


def written_offsets(written: str, offsets: Sequence[int]) -> list[int]:
    """Offsets of ``normalize_newlines(written)`` (CRLF and CR made LF) mapped to offsets of
    ``written`` itself.

    >>> written_offsets("一行\\r\\n二行\\r\\n", [3, 5])
    [4, 6]
    """
    import re

    import numpy as np

    # every CRLF pair lost one character; a lone CR or other separator kept its length
    crlf = np.array([m.start() for m in re.finditer("\r\n", written)], dtype=np.int64)
    if not len(crlf):
        return [int(o) for o in offsets]
    # position of each CRLF in the LF text: its position in ``written`` minus the pairs before it
    lf_pos = crlf - np.arange(len(crlf))
    return [int(o) + int(np.searchsorted(lf_pos, int(o), side="left")) for o in offsets]
