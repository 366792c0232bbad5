"""A small on-disk memo for whole-corpus analyses that many pages need.

Every ``05_dossier`` page compares its region with the whole corpus (reused passages, theme
profiles of every region, ...). :func:`cached` computes such a result once per corpus and argument
set and stores it under ``fazhi.config.cache_dir("memo")``; the next page (another kernel, another
worker process) reads it back. The key holds the corpus key (store build inputs: files and their
hashes, lexicon, package and code versions, and the current data version: every package data file
such as ``themes.tsv``, ``slogans.txt`` or the indicator rules, plus the store's user lexicon
folder), the lexicon the corpus filters with, the documents of the corpus (so a subset never reads
the whole corpus's result), the function's name and the bytes of its module, and the arguments.
Files are written atomically and a lock file makes concurrent pages wait for one computation
instead of repeating it.

>>> from fazhi.memo import cached
>>> from fazhi import textstat_reuse
>>> passages = cached(textstat_reuse, corpus, min_chars=20)   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from fazhi.files import atomic_write

if TYPE_CHECKING:  # pragma: no cover
    from fazhi.corpus import Corpus

T = TypeVar("T")
MEMO_DIR = "memo"
_FORMAT = "1"


def corpus_key(manifest: dict) -> str:
    """A hash of what the corpus store was built from (files, text hashes, lexicon, code) and of
    the data files as they are now (:func:`fazhi.versions.data_version`, with the store's user
    lexicon folder): an edit of ``themes.tsv`` gives another key, even for a store built before.

    >>> corpus_key({"key": {"package": "0.1.0"}, "files": {"a.txt": {"hash": "1"}}})  # doctest: +SKIP
    '3f0c…'
    """
    from fazhi.versions import data_version

    files = {rel: [info.get("hash"), info.get("text_hash")]
             for rel, info in (manifest.get("files") or {}).items()}
    blob = json.dumps({"key": manifest.get("key"), "files": files,
                       "metadata": manifest.get("metadata_hash"),
                       "data": data_version(manifest.get("lexicon_folder"))}, sort_keys=True,
                      ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _docs_key(corpus: Corpus) -> str:
    docs = corpus.docs
    cols = [c for c in ("doc_id", "text_hash") if c in docs.columns]
    rows = docs[cols].astype(str).agg("\x1f".join, axis=1) if cols and len(docs) else []
    h = hashlib.sha256()
    for r in rows:
        h.update(r.encode("utf-8", "surrogatepass"))
        h.update(b"\x1e")
    return h.hexdigest()[:16]


def source_hash(root: str | Path) -> str:
    """A hash of every ``.py`` file under ``root`` (relative path and bytes, in path order).

    >>> source_hash(Path(fazhi.__file__).parent)                         # doctest: +SKIP
    '5f0c…'
    """
    root = Path(root)
    h = hashlib.sha256()
    for f in sorted(root.rglob("*.py")):
        try:
            h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
        except OSError:
            pass
    return h.hexdigest()


_PACKAGE_SOURCE: str | None = None


def _package_source() -> str:
    """:func:`source_hash` of the fazhi package, once per process."""
    global _PACKAGE_SOURCE
    if _PACKAGE_SOURCE is None:
        _PACKAGE_SOURCE = source_hash(Path(__file__).resolve().parent)
    return _PACKAGE_SOURCE


def _code_key(func: Callable) -> str:
    """The function's name and the code that shapes its result: for a function of fazhi, the
    source of the whole package (a function of ``fazhi.summary`` calls ``fazhi.textstat``,
    ``fazhi.reuse`` …, whose edits change its results too); for any other function, the
    source of its module."""
    h = hashlib.sha256(f"{func.__module__}.{func.__qualname__}".encode())
    module = func.__module__ or ""
    if module == "fazhi" or module.startswith("fazhi."):
        h.update(_package_source().encode())
        return h.hexdigest()[:16]
    path = getattr(sys.modules.get(module), "__file__", None)
    if path:
        try:
            h.update(Path(path).read_bytes())
        except OSError:
            pass
    return h.hexdigest()[:16]


def memo_key(func: Callable, corpus: Corpus, kwargs: dict[str, Any]) -> str:
    """The memo key of ``func(corpus, **kwargs)``: corpus (with the data version), its lexicon,
    its documents, code and arguments."""
    from fazhi import __version__

    lexicon = getattr(corpus, "lexicon", None)
    blob = json.dumps({"format": _FORMAT, "package": __version__,
                       "corpus": corpus_key(corpus.manifest or {}), "docs": _docs_key(corpus),
                       "lexicon": None if lexicon is None else lexicon.version,
                       "code": _code_key(func), "kwargs": kwargs},
                      sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def memo_path(func: Callable, corpus: Corpus, **kwargs: Any) -> Path:
    """Where :func:`cached` keeps ``func(corpus, **kwargs)`` (the file may not exist yet)."""
    name = f"{func.__module__}.{func.__qualname__}".replace("<", "_").replace(">", "_")
    return cache_root() / f"{name}-{memo_key(func, corpus, kwargs)}.pkl"


def cache_root() -> Path:
    """The memo folder: ``fazhi.config.cache_dir("memo")`` (created on first use)."""
    from fazhi.config import cache_dir

    return cache_dir(MEMO_DIR)


def cached(func: Callable[..., T], corpus: Corpus, /, **kwargs: Any) -> T:
    """``func(corpus, **kwargs)``, computed once per corpus and arguments and kept on disk.

    Use it for whole-corpus analyses that several pages repeat; the result equals the direct call.
    A result that cannot be pickled, or an unwritable cache, just falls back to the direct call.

    >>> themes = cached(textstat_themes, corpus, by="province")   # doctest: +SKIP
    >>> themes.equals(textstat_themes(corpus, by="province"))     # doctest: +SKIP
    True
    """
    import pickle

    try:
        path = memo_path(func, corpus, **kwargs)
    except OSError:
        return func(corpus, **kwargs)
    hit = _read(path)
    if hit is not None:
        return hit[0]
    with _Lock(path.with_suffix(".lock")):
        hit = _read(path)  # another page may have computed it while this one waited
        if hit is not None:
            return hit[0]
        result = func(corpus, **kwargs)
        try:
            atomic_write(path, lambda tmp: _dump((result,), tmp))
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass  # not picklable, or an unwritable cache: the result is still returned
    return result


def _dump(obj: Any, path: Path) -> None:
    import pickle

    with open(path, "wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)


def clear_memo() -> int:
    """Delete every memo file; returns how many were removed."""
    n = 0
    root = cache_root()
    for p in root.glob("*.pkl"):
        p.unlink(missing_ok=True)
        n += 1
    for p in root.glob("*.lock"):
        p.unlink(missing_ok=True)
    return n


def _read(path: Path) -> tuple | None:
    import pickle

    try:
        with open(path, "rb") as fh:
            value = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
        return None
    return value if isinstance(value, tuple) and len(value) == 1 else None


class _Lock:
    """An exclusive lock on a file (POSIX ``flock``; no lock where unsupported)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fh = None

    def __enter__(self) -> _Lock:
        try:
            import fcntl

            self.fh = open(self.path, "a+b")  # noqa: SIM115 - closed in __exit__
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX)
        except (ImportError, OSError):
            if self.fh is not None:
                self.fh.close()
            self.fh = None
        return self

    def __exit__(self, *exc) -> None:
        if self.fh is not None:
            import fcntl

            fcntl.flock(self.fh.fileno(), fcntl.LOCK_UN)
            self.fh.close()
