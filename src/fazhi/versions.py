"""What a result depends on besides code and reports: the package's data files and the user lexicon.

:func:`data_version` hashes every file under ``fazhi/data/`` (lexicon, cleaning rules, themes,
slogans, indicator rules ...) and, when one is used, the files of the user lexicon folder. It is
computed afresh on every call (the files are small: well under a millisecond), so an edit of
``themes.tsv`` shows at once. It feeds the store key (``manifest["key"]["data"]``), the memo key
(:func:`fazhi.memo.corpus_key`) and the provenance of the index page.

>>> data_version()                              # doctest: +SKIP
'5e0c2a91b7d3'
>>> data_version("my_lexicon/") != data_version()   # doctest: +SKIP
True
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from fazhi.read import data_dir

if TYPE_CHECKING:  # pragma: no cover
    from fazhi.lexicon import Lexicon

__all__ = ["data_dir", "data_files", "data_version"]


def data_files() -> list[Path]:
    """Every file of the package's data folder, sorted by name (no hidden or temporary files)."""
    d = data_dir()
    return sorted((p for p in d.iterdir() if p.is_file() and not p.name.startswith(".")),
                  key=lambda p: p.name) if d.is_dir() else []


def _folder(lexicon: Lexicon | str | Path | None) -> Path | None:
    """The user lexicon folder of ``lexicon`` (a folder, a Lexicon or None)."""
    if lexicon is None or isinstance(lexicon, (str, Path)):
        return None if lexicon is None else Path(lexicon)
    return None if lexicon.folder is None else Path(lexicon.folder)


def data_version(lexicon: Lexicon | str | Path | None = None) -> str:
    """Hash of every package data file plus the user lexicon folder's files (12 hex digits).

    ``lexicon``: a user lexicon folder, a :class:`~fazhi.lexicon.Lexicon` (its ``folder`` counts),
    or None (the package data alone). Only the contents count, not where the folder is; a
    recorded folder that no longer exists counts as "missing".

    >>> data_version() == data_version(None)          # doctest: +SKIP
    True
    """
    from fazhi.lexicon import FILES

    h = hashlib.sha1(b"fazhi-data-1\0")
    for p in data_files():
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    folder = _folder(lexicon)
    if folder is not None:
        h.update(b"user\0" if folder.is_dir() else b"user-missing\0")
        for name in FILES:
            p = folder / name
            if p.is_file():
                h.update(name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:12]
