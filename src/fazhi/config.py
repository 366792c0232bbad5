"""Paths and environment overrides. Pure functions: nothing is created at import time.

Environment variables:

- ``FAZHI_HOME``: the project root (default: the nearest parent of the working directory holding
  ``pyproject.toml`` and ``data/``; without one, there is no project: see below).
- ``FAZHI_CACHE_DIR``: caches (jieba's dictionary cache, matplotlib's font cache, token cache;
  default ``<project>/.cache/fazhi``, without a project the user's cache folder
  ``$XDG_CACHE_HOME/fazhi`` or ``~/.cache/fazhi``).
- ``FAZHI_FONT``: a TTF/OTF font file for Chinese text in charts and word clouds.
- ``FAZHI_PRESTART``: ``0`` stops ``fazhi render`` workers from starting the next page's kernel
  while a page is exported (for measuring; each page always gets its own new kernel).
- ``FAZHI_FIGURES``: a folder; :func:`fazhi.display.show` then also writes each chart there as
  SVG, PDF and 300-dpi PNG (``fazhi render --figures`` sets it in each page's kernel, with
  ``FAZHI_FIGURES_HREF``, the folder as a link from the page; :mod:`fazhi.figures`).

Without a project (a ``pip install``-ed fazhi run from any folder, e.g. ``fazhi render ~/报告
--out ~/out`` from ``~``) nothing is written into the working directory or the package: built
stores go to ``<cache>/stores`` (they are rebuilt from the reports when missing), caches to the
user's cache folder, and only ``reports/`` (the output when no ``--out`` is given) is relative to
the working directory.
"""

from __future__ import annotations

import os
from pathlib import Path


def find_project() -> Path | None:
    """The project: ``$FAZHI_HOME``, else the nearest parent of the working directory with
    ``pyproject.toml`` and ``data/`` (a checkout), else None (e.g. a ``pip install`` run from ``~``)."""
    env = os.environ.get("FAZHI_HOME")
    if env:
        return Path(env).expanduser().resolve()
    here = Path.cwd().resolve()
    for p in (here, *here.parents):
        if (p / "pyproject.toml").is_file() and (p / "data").is_dir():
            return p
    return None


def project_root() -> Path:
    """The project root (:func:`find_project`), or the working directory when there is none."""
    return find_project() or Path.cwd().resolve()


def user_cache_dir() -> Path:
    """The user's cache folder for fazhi: ``$XDG_CACHE_HOME/fazhi`` or ``~/.cache/fazhi``
    (``%LOCALAPPDATA%\\fazhi`` on Windows). Not created here."""
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt"
                                                else None)
    return (Path(base).expanduser() if base else Path.home() / ".cache") / "fazhi"


def raw_dir() -> Path:
    """``data/raw`` of the project: the read-only input corpus."""
    return project_root() / "data" / "raw"


def processed_dir() -> Path:
    """``data/processed`` of the project: the built corpus stores (generated); without a project
    ``<cache>/stores`` (:func:`cache_dir`), never the working directory."""
    project = find_project()
    return project / "data" / "processed" if project else cache_dir("stores", create=False)


def reports_dir() -> Path:
    """``reports/`` of the project (else of the working directory): rendered HTML (generated)."""
    return project_root() / "reports"


def notebooks_dir() -> Path:
    """The parameterised notebooks shipped in the package (``fazhi/notebooks``; a checkout's
    ``src/fazhi/notebooks``). ``fazhi notebooks DIR`` copies them for editing."""
    return Path(__file__).resolve().parent / "notebooks"


def cache_dir(sub: str | None = None, *, create: bool = True) -> Path:
    """The cache directory the package controls: ``$FAZHI_CACHE_DIR``, else
    ``<project>/.cache/fazhi``, else :func:`user_cache_dir` (never the working directory).

    Created on first use only, never at import time.
    """
    env = os.environ.get("FAZHI_CACHE_DIR")
    project = None if env else find_project()
    base = Path(env).expanduser() if env else \
        project / ".cache" / "fazhi" if project else user_cache_dir()
    path = base / sub if sub else base
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


# settings a notebook's kernel must share with the render that starts it
_SHARED_ENV = ("FAZHI_FONT", "MPLCONFIGDIR", "MPLBACKEND")


def kernel_env() -> dict[str, str]:
    """The settings a render hands to each notebook's kernel, so that a kernel started in another
    folder (the notebooks' own, e.g. ``site-packages/fazhi/notebooks``) or on another machine
    uses this process's caches and project: ``FAZHI_CACHE_DIR`` (absolute), ``FAZHI_HOME`` when
    there is a project, and ``FAZHI_FONT``/``MPLCONFIGDIR``/``MPLBACKEND`` when set.

    >>> kernel_env()["FAZHI_CACHE_DIR"]                     # doctest: +SKIP
    '/home/李明/.cache/fazhi'
    """
    env = {"FAZHI_CACHE_DIR": str(cache_dir(create=False).resolve())}
    project = find_project()
    if project:
        env["FAZHI_HOME"] = str(project)
    env.update({k: os.environ[k] for k in _SHARED_ENV if os.environ.get(k)})
    return env
