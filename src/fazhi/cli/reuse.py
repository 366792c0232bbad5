"""``fazhi reuse``: see fazhi.reuse (filled in by the analyses issue)."""

from __future__ import annotations


def register(sub) -> None:
    """Register the sub-command (none yet)."""
