"""Domain knowledge as versioned data: user dictionary, stopwords, boilerplate, aliases.

The files live in ``fazhi/data/``; users add their own files of the same formats.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Lexicon:
    """A loaded lexicon. ``version`` changes whenever any of its files change."""

    userdict: tuple[tuple[str, int | None, str | None], ...] = ()
    stopwords: frozenset[str] = frozenset()
    boilerplate: frozenset[str] = frozenset()
    aliases: dict[str, str] = field(default_factory=dict)
    version: str = "0"


def data_path(name: str) -> Path:
    """Path of a data file shipped in the package."""
    return Path(str(resources.files("fazhi") / "data" / name))


def load_lexicon(extra: str | Path | None = None) -> Lexicon:
    """The package lexicon (plus the files in ``extra``, a folder of user files)."""
    return Lexicon(version=hashlib.sha1(b"").hexdigest()[:12])
