"""Fingerprints of a matching text: hashes of its character k-grams, winnowed.

Every k-gram is hashed with numpy (no Python loop per character); winnowing keeps the minimum of
every window of ``w`` consecutive hashes, so any shared stretch of ``k + w - 1`` characters shares
at least one fingerprint (Schleimer, Wilkerson and Aiken 2003).

>>> h, pos = fingerprints("全面推进依法行政工作扎实开展法治宣传教育", k=10, w=11)
>>> len(h) >= 1 and int(pos.max()) <= 10
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fazhi.reuse.text import codepoints

if TYPE_CHECKING:
    import numpy as np


def gram_size(min_length: int) -> int:
    """The k-gram size for a shortest passage of ``min_length`` characters (10 for 20)."""
    return max(4, min(10, min_length // 2))


def kgram_hashes(norm: str, k: int) -> np.ndarray:
    """64-bit hashes of every ``k``-gram of a normalised text."""
    import numpy as np

    n = len(norm) - k + 1
    if n <= 0:
        return np.empty(0, np.uint64)
    cp = codepoints(norm).astype(np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    base = np.uint64(1_000_003)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * base + cp[j:j + n]
        # mix the bits (splitmix64 finaliser) so that minima are not biased towards low code points
        h ^= h >> np.uint64(30)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(27)
        h *= np.uint64(0x94D049BB133111EB)
        h ^= h >> np.uint64(31)
    return h


def fingerprints(norm: str, *, k: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Winnowed ``k``-gram hashes of a normalised text: ``(hashes, positions)`` sorted by hash.

    Every window of ``w`` consecutive ``k``-grams contributes its minimum hash (the leftmost one on a
    tie), so any shared substring of ``k + w - 1`` characters shares at least one fingerprint.
    """
    import numpy as np

    h = kgram_hashes(norm, k)
    n = len(h)
    if n == 0:
        return np.empty(0, np.uint64), np.empty(0, np.int32)
    if n <= w:
        pos = np.array([int(np.argmin(h))], dtype=np.int32)
    else:
        win = np.lib.stride_tricks.sliding_window_view(h, w)
        pos = np.unique(np.argmin(win, axis=1) + np.arange(n - w + 1)).astype(np.int32)
    hashes = h[pos]
    order = np.argsort(hashes, kind="stable")
    return hashes[order], pos[order]
