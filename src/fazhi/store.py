"""The corpus store on disk: where it is, what its current build holds, and whether it is current.

Layout of a store folder ``OUT`` (default ``data/processed/``)::

    OUT/CURRENT                  name of the current build (replaced atomically: temp file + rename)
    OUT/builds/<build>/          docs/sections/tokens/rejected.parquet + manifest.json of one build,
                                 and lexicon.json: the lexicon the tokens were made with
    OUT/parts/<part>.files.parquet   per-file ingestion results of one worker batch (the cache)
    OUT/parts/<part>.tokens.parquet  tokens of that batch: doc_id, part, tokens (space-joined)

The store key (:func:`cache_key`) says what a build depends on: the package and the code of the
pipeline modules (``_CODE``), the pipeline's data files (:data:`PIPELINE_DATA`), the lexicon,
the segmenter and the data version of every data file. :func:`store_status` compares it, and the
hashes of the report files, with the current build's manifest. This module only reads; the build
engine (:mod:`fazhi.build`) writes stores, and :mod:`fazhi.corpus` loads them.

>>> store_status("data/raw")                                  # doctest: +SKIP
'报告文件有变化 / the report files changed'
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from fazhi import __version__
from fazhi.config import find_project, processed_dir, raw_dir
from fazhi.lexicon import Lexicon, LexiconError, load_lexicon
from fazhi.read import find_files
from fazhi.tokens import Backend, Tokenizer
from fazhi.versions import data_version

TABLES = ("docs", "sections", "tokens", "rejected")
# the big text columns of the tables: a loaded corpus reads them when first asked for
TEXT_COLUMNS = {"docs": ("text", "raw_text"), "sections": ("text",)}
CURRENT = "CURRENT"
METADATA_FILE = "metadata.csv"
LEXICON_FILE = "lexicon.json"  # the lexicon of a build, next to its manifest
# modules (or package folders) whose changes invalidate the store (besides the package version):
# the pipeline read -> clean -> meta -> parse -> tokens and the store's own modules
_CODE = ("read.py", "clean.py", "pagemeta.py", "meta", "gazetteer.py", "sections.py", "vocab.py",
         "deprecation.py", "numerals.py", "patterns.py", "ingest.py", "tokens.py", "lexicon.py",
         "corpus.py", "store.py", "build.py")
# the data files those modules read (only these: other analyses' data must not invalidate the parts)
PIPELINE_DATA = ("clean_rules.tsv", "typos.tsv", "typo_context.tsv", "placeholders.tsv", "places.tsv",
                 "kinds.tsv", "parts.tsv", "userdict.txt", "stopwords.txt", "boilerplate.txt",
                 "aliases.tsv", "units.txt", "evidence.tsv", "char_variants.tsv", "place_aliases.tsv",
                 "page_labels.tsv", "compound_heads.tsv")


def default_store(path: str | Path | None = None) -> Path:
    """Where the store of ``path`` lives: ``data/processed`` for the project's ``data/raw``, else
    a subfolder of :func:`~fazhi.config.processed_dir` (without a project: the cache's stores)."""
    src = Path(path).resolve() if path else raw_dir().resolve()
    if find_project() is not None and src == raw_dir().resolve():
        return processed_dir()
    tag = hashlib.sha1(str(src).encode()).hexdigest()[:8]
    return processed_dir() / f"{src.name}-{tag}"


def store_dir(path: str | Path) -> Path | None:
    """The folder of the current build of the store ``path`` (None if there is none)."""
    p = Path(path)
    cur = p / CURRENT
    if cur.is_file():
        d = p / "builds" / cur.read_text(encoding="utf-8").strip()
        return d if (d / "manifest.json").is_file() else None
    if (p / "docs.parquet").is_file() and (p / "manifest.json").is_file():
        return p  # a flat store (older layout)
    return None


def read_manifest(path: str | Path) -> dict | None:
    """The manifest of the current build of the store ``path`` (None if there is none)."""
    d = store_dir(path)
    return json.loads((d / "manifest.json").read_text(encoding="utf-8")) if d else None


def read_lexicon(build: Path, manifest: dict) -> Lexicon | None:
    """The lexicon saved with the build folder ``build``; for older builds, reloaded from its folder."""
    p = build / LEXICON_FILE
    if p.is_file():
        return Lexicon.from_dict(json.loads(p.read_text(encoding="utf-8")))
    folder = manifest.get("lexicon_folder")
    try:
        return load_lexicon(folder) if folder is None or Path(folder).is_dir() else None
    except LexiconError:
        return None


# ---------------------------------------------------------------- hashing and the store key


def file_hash(path: str | Path) -> str:
    """SHA-256 of a file's bytes (hex)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the pipeline modules, their data files and the gazetteer: a change invalidates
    the cache (a change to another analysis' data file does not)."""
    here = Path(__file__).parent
    h = hashlib.sha1(__version__.encode())
    for name in _CODE:  # a module, or a package folder (all its modules)
        p = here / name
        for f in sorted(p.glob("*.py")) if p.is_dir() else [p]:
            if f.is_file():
                h.update(f.name.encode() + f.read_bytes())
    for name in PIPELINE_DATA:
        p = here / "data" / name
        if p.is_file():
            h.update(p.name.encode() + p.read_bytes())
    try:
        from fazhi.gazetteer import source_files

        for p in source_files():  # the gazetteer's data: sizes and dates (the files are large)
            st = p.stat()
            h.update(f"{p.name}:{st.st_size}:{int(st.st_mtime)}".encode())
    except (RuntimeError, OSError):  # pragma: no cover - a gazetteer package missing: the build fails later
        pass
    return h.hexdigest()[:12]


def cache_key(tk: Tokenizer) -> dict:
    """The store key: package, code, lexicon, segmenter (backend, HMM, compounds) and the data
    version (every data file). Tokens made with and without compounds (法治督察会议 or 法治督察 会议) are
    different tokens, so the compounds switch is part of the key."""
    return {"package": __version__, "code": code_version(), "lexicon": tk.lexicon.version,
            "backend": tk.backend, "hmm": tk.hmm, "compounds": tk.compounds,
            "data": data_version(tk.lexicon)}


def segment_key(key: dict | None) -> dict | None:
    """What the parts (ingestion and tokens) depend on: the store key without the data version of
    the other analyses' files (the pipeline's own data files are in ``code``). An edit of
    ``themes.tsv`` makes the store out of date but re-segments nothing."""
    return None if key is None else {k: v for k, v in key.items() if k != "data"}


def hash_sources(root: Path) -> tuple[dict[str, str], dict[str, Path], str | None]:
    """Hash of every report file under ``root`` (by relative name), its absolute path, and the
    hash of the folder's metadata.csv (None without one)."""
    from fazhi.ingest import evidence_key, read_evidence

    hashes, paths = {}, {}
    base = root.resolve()
    evidence = read_evidence(root) if root.is_dir() else {}
    for p in find_files(root):
        rel = p.name if p == root else p.relative_to(root).as_posix()
        # a file's evidence row of metadata.csv is part of its key: editing it re-ingests the file
        key = evidence_key(evidence.get(rel))
        hashes[rel] = file_hash(p) + (f"+{key}" if key else "")
        paths[rel] = base if p == root else base / rel
    meta = root / METADATA_FILE if root.is_dir() else root.parent / METADATA_FILE
    return hashes, paths, (file_hash(meta) if meta.is_file() else None)


# ---------------------------------------------------------------- is the store current?


def reader_options(out: Path, prev: dict | None, lexicon, backend, hmm) -> dict:
    """The segmentation options a reader of the store ``out`` uses: those given, else the store's.

    A store built with a user lexicon folder that is gone is an error that says what to do.
    """
    prev = prev or {}
    if lexicon is None:
        lexicon = prev.get("lexicon_folder")
        if lexicon is not None and not Path(lexicon).is_dir():
            raise LexiconError(
                f"{out}: 语料库是用词库 {lexicon} 构建的，但该文件夹已不存在；请用 "
                f"`fazhi build PATH --lexicon DIR` 重新构建 / the store was built with the lexicon "
                f"folder {lexicon}, which no longer exists: rebuild it with `fazhi build PATH "
                f"--lexicon DIR` (or without --lexicon for the package lexicon)")
    return {"lexicon": lexicon, "backend": backend or prev.get("backend") or "rjieba",
            "hmm": bool(prev.get("hmm", True)) if hmm is None else hmm}


def store_status(path: str | Path | None = None, out: str | Path | None = None, *,
                 backend: Backend | None = None, lexicon: Lexicon | str | Path | None = None,
                 hmm: bool | None = None) -> str | None:
    """Why the store ``out`` is not current for the reports under ``path`` (None: it is current).

    ``backend``, ``lexicon``, ``hmm``: None = the store's own (a store built with
    ``--lexicon DIR`` stays current for a reader that passes no lexicon).
    >>> store_status("data/raw")                                  # doctest: +SKIP
    '报告文件有变化 / the report files changed'
    """
    root = Path(path) if path else raw_dir()
    out = Path(out) if out else default_store(path)
    prev = read_manifest(out)
    if not root.exists():
        return f"{root}: 没有这个文件或文件夹 / no such file or folder"
    if not prev:
        return "还没有语料库 / no store yet"
    opts = reader_options(out, prev, lexicon, backend, hmm)
    key, old = cache_key(Tokenizer(opts["lexicon"], backend=opts["backend"], hmm=opts["hmm"])), \
        prev.get("key") or {}
    if key != old:
        if key.get("lexicon") != old.get("lexicon"):
            return "词库有变化 / the lexicon changed"
        if (key.get("backend"), key.get("hmm"), key.get("compounds")) != \
                (old.get("backend"), old.get("hmm"), old.get("compounds")):
            return "分词设置不同 / other segmentation options"
        return "软件或数据文件有变化 / the package, its code or its data files changed"
    hashes, _, meta_hash = hash_sources(root)
    if meta_hash != prev.get("metadata_hash") or \
            hashes != {rel: info["hash"] for rel, info in prev.get("files", {}).items()}:
        return "报告文件有变化 / the report files changed"
    return None


def is_current(path: str | Path | None = None, out: str | Path | None = None, *,
               backend: Backend | None = None, lexicon: Lexicon | str | Path | None = None,
               hmm: bool | None = None) -> bool:
    """Whether the store ``out`` was built from exactly the files under ``path`` with this lexicon
    (None: the store's own lexicon, backend and HMM setting); see :func:`store_status`."""
    return store_status(path, out, backend=backend, lexicon=lexicon, hmm=hmm) is None
