"""Paths and environment overrides. Pure functions: nothing is created at import time.

Environment variables:

- ``FAZHI_HOME``: the project root (default: the nearest parent of the working directory holding
  ``pyproject.toml`` and ``data/``, else the working directory).
- ``FAZHI_CACHE_DIR``: caches (jieba's dictionary cache, matplotlib's font cache, token cache).
- ``FAZHI_FONT``: a TTF/OTF font file for Chinese text in charts and word clouds.
- ``FAZHI_PRESTART``: ``0`` stops ``fazhi render`` workers from starting the next page's kernel
  while a page is exported (for measuring; each page always gets its own new kernel).
- ``FAZHI_FIGURES``: a folder; :func:`fazhi.display.show` then also writes each chart there as
  SVG, PDF and 300-dpi PNG (``fazhi render --figures`` sets it in each page's kernel, with
  ``FAZHI_FIGURES_HREF``, the folder as a link from the page; :mod:`fazhi.figures`).
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """The project root: ``$FAZHI_HOME`` or the nearest parent with ``pyproject.toml`` and ``data/``."""
    env = os.environ.get("FAZHI_HOME")
    if env:
        return Path(env).expanduser().resolve()
    here = Path.cwd().resolve()
    for p in (here, *here.parents):
        if (p / "pyproject.toml").is_file() and (p / "data").is_dir():
            return p
    return here


def raw_dir() -> Path:
    """``data/raw`` of the project: the read-only input corpus."""
    return project_root() / "data" / "raw"


def processed_dir() -> Path:
    """``data/processed``: the built corpus store (generated)."""
    return project_root() / "data" / "processed"


def reports_dir() -> Path:
    """``reports/``: rendered HTML (generated)."""
    return project_root() / "reports"


def notebooks_dir() -> Path:
    """The parameterised notebooks shipped in the package (``fazhi/notebooks``; a checkout's
    ``src/fazhi/notebooks``). ``fazhi notebooks DIR`` copies them for editing."""
    return Path(__file__).resolve().parent / "notebooks"


def cache_dir(sub: str | None = None, *, create: bool = True) -> Path:
    """The cache directory the package controls (``$FAZHI_CACHE_DIR`` or ``<root>/.cache/fazhi``).

    Created on first use only, never at import time.
    """
    env = os.environ.get("FAZHI_CACHE_DIR")
    base = Path(env).expanduser() if env else project_root() / ".cache" / "fazhi"
    path = base / sub if sub else base
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
