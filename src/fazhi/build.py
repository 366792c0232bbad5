"""The build engine: ingest and segment report files in worker processes and write the store.

A build hashes every source file, reuses the parts of files whose bytes, the lexicon, the
tokenizer and the package are unchanged (the store key, :func:`fazhi.store.cache_key`), sends only
file names of the other files to workers (local processes or a Dask cluster), each worker writes its
own Parquet parts, and the parent assembles the tables, writes a new build folder and then switches
``CURRENT``. A build killed at any moment leaves the previous store readable; the next build
completes it. Every file is written atomically (:func:`fazhi.files.atomic_write`).

The layout of the store is described in :mod:`fazhi.store`; :mod:`fazhi.corpus` reads it back.

>>> manifest = build_store("data/raw", "data/processed", workers=2)   # doctest: +SKIP
>>> corpus = build_corpus("data/raw")                                # doctest: +SKIP
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from fazhi import __version__
from fazhi.config import find_project, raw_dir
from fazhi.corpus import TOKEN_COLUMNS, Corpus, check_tables, doc_tokens, load_corpus
from fazhi.files import TMP_MARK, atomic_write
from fazhi.lexicon import Lexicon, LexiconError, load_lexicon
from fazhi.store import (
    CURRENT,
    LEXICON_FILE,
    TABLES,
    cache_key,
    default_store,
    hash_sources,
    read_manifest,
    reader_options,
    segment_key,
    store_status,
)
from fazhi.tokens import Backend, Tokenizer

DOC_TEXTS = ("raw_text", "text")  # big columns kept in Arrow, never as Python strings in the parent
_LONG_COLUMNS = frozenset({*DOC_TEXTS, "text", "tokens", "doc", "sections", "section_texts",
                           "removals", "meta_rules", "duty_evidence"})


# ---------------------------------------------------------------- workers


def _json_default(obj):
    pd = sys.modules.get("pandas")  # a pandas NA can only exist once pandas is imported
    if obj is None or (pd is not None and (obj is pd.NA or obj is pd.NaT)):
        return None
    if hasattr(obj, "item"):  # numpy scalars
        return obj.item()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return str(obj)


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_json_default)


def _write_parquet(df_or_table, path: Path) -> None:
    """Write a table under a temporary name, then rename it into place (atomic)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = df_or_table if isinstance(df_or_table, pa.Table) else \
        pa.Table.from_pandas(df_or_table, preserve_index=False)
    # no dictionary encoding for the long unique texts (it costs time and saves nothing there);
    # zstd level 1 is as fast as snappy and much smaller on report text
    atomic_write(path, lambda tmp: pq.write_table(
        table, tmp, compression="zstd", compression_level=1,
        use_dictionary=[c for c in table.column_names if c not in _LONG_COLUMNS]))


def _str_array(values: list[str | None]):
    """A pyarrow string array of ``values`` built from buffers.

    ``pa.array`` imports pandas on its first call (about 0.5 s per process); workers never need
    pandas otherwise, so they build their columns without it.
    """
    import numpy as np
    import pyarrow as pa

    enc = [b"" if v is None else v.encode("utf-8") for v in values]
    data = b"".join(enc)
    if len(data) >= 2**31:  # pragma: no cover - batches are a few MB; int32 offsets would overflow
        return pa.array(values, pa.string())
    offsets = np.zeros(len(enc) + 1, np.int32)
    np.cumsum([len(b) for b in enc], out=offsets[1:])
    nulls = np.fromiter((v is None for v in values), bool, len(values))
    n_null = int(nulls.sum())
    validity = pa.py_buffer(np.packbits(~nulls, bitorder="little")) if n_null else None
    return pa.StringArray.from_buffers(len(enc), pa.py_buffer(offsets), pa.py_buffer(data),
                                       validity, n_null)


def _str_list_array(values: list[list[str | None]]):
    """A pyarrow ``list<string>`` array of ``values`` (lists, never None), without pandas."""
    import numpy as np
    import pyarrow as pa

    offsets = np.zeros(len(values) + 1, np.int32)
    np.cumsum([len(v) for v in values], out=offsets[1:])
    return pa.ListArray.from_arrays(
        pa.Array.from_buffers(pa.int32(), len(offsets), [None, pa.py_buffer(offsets)]),
        _str_array([x for v in values for x in v]))


@lru_cache(maxsize=4)
def _worker_tokenizer(lexicon: str | None, backend: str, hmm: bool, version: str) -> Tokenizer:
    """One Tokenizer per worker process and configuration (built once, reused across batches).

    ``version``: the lexicon version the build expects; part of the cache key, so that a process
    that builds again after the lexicon files changed loads them again."""
    return Tokenizer(lexicon, backend=backend, hmm=hmm)  # type: ignore[arg-type]


def process_batch(task: dict) -> dict:
    """Ingest and segment a batch of files; write its two Parquet parts; return a small summary.

    ``task``: files [(abs path, bytes hash)], root, parts_dir, part, lexicon, backend, hmm, version.
    Runs in worker processes (local or Dask): only file names come in, only a summary goes out.
    """
    import pyarrow as pa

    from fazhi.ingest import ingest_file

    tk = _worker_tokenizer(task["lexicon"], task["backend"], task["hmm"], task["version"])
    if tk.lexicon.version != task["version"]:
        raise RuntimeError(f"lexicon changed during the build ({tk.lexicon.version} != "
                           f"{task['version']}); rebuild")
    root, parts = Path(task["root"]), Path(task["parts_dir"])
    cols: dict[str, list] = {c: [] for c in ("file", "hash", "doc", "sections", "reason",
                                             *DOC_TEXTS, "section_texts")}
    tok_rows: list[dict] = []
    n_bytes = 0
    for path, h in task["files"]:
        n_bytes += os.path.getsize(path) if os.path.exists(path) else 0
        r = ingest_file(path, root)
        doc = r.doc or {}
        cols["file"].append(r.file)
        cols["hash"].append(h)
        cols["reason"].append(r.reason)
        # the big texts travel as Arrow columns, the rest as JSON (the parent never holds the texts
        # as Python strings)
        cols["doc"].append(_dumps({k: v for k, v in doc.items() if k not in DOC_TEXTS})
                           if r.doc is not None else None)
        cols["sections"].append(_dumps([{k: v for k, v in s.items() if k != "text"}
                                        for s in r.sections]))
        for c in DOC_TEXTS:
            cols[c].append(doc.get(c))
        cols["section_texts"].append([s.get("text") for s in r.sections])
        if r.doc is not None:
            tok_rows.extend(doc_tokens(tk, r.doc, r.sections))
    name = task["part"]
    toks = pa.table({c: _str_array([r[c] for r in tok_rows]) for c in TOKEN_COLUMNS})
    del tok_rows
    _write_parquet(toks, parts / f"{name}.tokens.parquet")
    meta = pa.table({c: _str_list_array(v) if c == "section_texts" else _str_array(v)
                     for c, v in cols.items()})
    _write_parquet(meta, parts / f"{name}.files.parquet")
    return {"part": name, "files": len(cols["file"]), "bytes": n_bytes}


# ---------------------------------------------------------------- running the batches


def _batches(todo: list[tuple[Path, str]], workers: int) -> list[list[tuple[str, str]]]:
    """Split files into batches (several per worker, for balance and progress).

    Batches shrink towards the end (each at most a third of what is left per worker), so the
    workers finish at about the same time instead of one waiting for the other's last big batch.
    """
    sizes = [p.stat().st_size for p, _ in todo]
    left = sum(sizes)
    clamp = lambda n: max(256 << 10, min(8 << 20, math.ceil(n)))  # noqa: E731
    target = clamp(left / max(1, workers * 6))
    out, cur, cur_size = [], [], 0
    for (p, h), size in zip(todo, sizes, strict=True):
        cur.append((str(p), h))
        cur_size += size
        if cur_size >= target:
            out.append(cur)
            left -= cur_size
            cur, cur_size = [], 0
            target = min(target, max(512 << 10, math.ceil(left / max(1, workers * 3))))
    if cur:
        out.append(cur)
    return out


class _NoBar:
    """A progress bar that shows nothing (importing tqdm costs more than a small build)."""

    def set_postfix_str(self, *args, **kwargs) -> None:
        pass

    def update(self, *args) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total_bytes: int, n_files: int, enabled: bool | None):
    disable = not (sys.stderr.isatty() if enabled is None else enabled)
    if disable:
        return _NoBar()
    from tqdm.auto import tqdm

    bar = tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1024, desc="分词 / segment",
               disable=disable, file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
    bar.set_postfix_str(f"0/{n_files} files", refresh=False)
    return bar


def _run(tasks: list[dict], workers: int, scheduler, on_done: Callable[[dict], None]) -> None:
    """Run ``process_batch`` over ``tasks``: serially, in local processes, or on a Dask cluster
    (:func:`fazhi.parallel.run_tasks`). Forked workers inherit the segmenter and the compiled
    rules the parent builds first; meanwhile the parent imports what assembling the store needs."""
    from fazhi.parallel import run_tasks

    run_tasks(process_batch, tasks, on_done, workers=workers, scheduler=scheduler, start="fork",
              before_fork=(lambda: _warm_up(tasks[0])) if tasks else None,
              while_running=_import_assembly)


def _warm_up(task: dict) -> None:
    """Build what every worker needs once, in the parent: the segmenter with the lexicon, the
    gazetteer, the compiled cleaning/metadata/section rules and pyarrow (each worker would redo
    all of it). Not pandas: workers never import it (see :func:`_str_array`); the parent imports
    it while the workers run."""
    import numpy  # noqa: F401
    import pyarrow.parquet  # noqa: F401

    from fazhi.ingest import process_text

    tk = _worker_tokenizer(task["lexicon"], task["backend"], task["hmm"], task["version"])
    tk.cut_joined("法治政府建设"), tk.cut_joined("A法治思想", anonymised=True)
    process_text("某某镇2021年法治政府建设工作报告\n一、主要工作\n一是落实第一责任人责任。\n"
                 "（一）加强领导,压实责任.\n二、存在问题\n三、下一步工作计划\n")


def _import_assembly() -> None:
    try:
        import pandas  # noqa: F401
        import pyarrow.parquet  # noqa: F401

        import fazhi.ingest  # noqa: F401
    except Exception:  # pragma: no cover - the same imports fail again, with a traceback, later
        pass


def default_workers() -> int:
    """The local cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS/Windows
        return os.cpu_count() or 1


# ---------------------------------------------------------------- assembling the store


def _read_parquet(path: Path, columns: list[str] | None = None):
    """One Parquet file as an Arrow table (``pq.read_table`` would import pyarrow.dataset: ~0.3 s)."""
    import pyarrow.parquet as pq

    with pq.ParquetFile(path) as f:
        return f.read(columns=columns)


def _read_parts(parts_dir: Path, wanted: dict[str, set[tuple[str, str]]]):
    """FileResults of the wanted (file, hash) rows of each part, without the big texts, and where
    each one's texts are: ``{file: (part, row)}``."""

    from fazhi.ingest import FileResult

    results, where = [], {}
    for name in sorted(wanted):
        keep = wanted[name]
        meta = _read_parquet(parts_dir / f"{name}.files.parquet",
                             ["file", "hash", "doc", "sections", "reason"]).to_pylist()
        for i, row in enumerate(meta):
            if (row["file"], row["hash"]) not in keep:
                continue
            doc = json.loads(row["doc"]) if row["doc"] is not None else None
            if doc is not None:
                doc.update(dict.fromkeys(DOC_TEXTS, ""))
            results.append(FileResult(row["file"], doc, json.loads(row["sections"] or "[]"),
                                      row["reason"]))
            where[row["file"]] = (name, i)
    return results, where


def _gather(parts_dir: Path, where: dict[str, tuple[str, int]], files: list[str], column: str):
    """The column ``column`` of the parts' files tables for ``files``, in that order (Arrow).

    Reads one column of one part at a time; returns a ChunkedArray (one chunk per part), copied
    only when the rows must be reordered.
    """
    import pyarrow as pa

    by_part: dict[str, list[int]] = {}
    for f in files:
        by_part.setdefault(where[f][0], []).append(where[f][1])
    chunks, pos, base = [], {}, 0
    for name, rows in sorted(by_part.items()):
        col = _read_parquet(parts_dir / f"{name}.files.parquet", [column]).column(0)
        if rows != list(range(len(col))):  # else the whole part, in order: no copy
            col = col.take(pa.array(rows, pa.int64()))
        chunks.extend(col.chunks)
        pos.update({(name, r): base + k for k, r in enumerate(rows)})
        base += len(rows)
    if not chunks:
        typ = pa.list_(pa.string()) if column == "section_texts" else pa.string()
        return pa.array([], typ)
    gathered = pa.chunked_array(chunks)
    order = [pos[where[f]] for f in files]
    if order != list(range(len(order))):  # new parts are named in file order: usually in place
        gathered = gathered.take(pa.array(order, pa.int64()))
    return gathered  # chunked: Parquet writes it as it is, no copy into one buffer


def _tokens_table(parts_dir: Path, parts: Iterable[str]):
    import pyarrow as pa

    tables = [_read_parquet(parts_dir / f"{n}.tokens.parquet") for n in sorted(set(parts))]
    return pa.concat_tables(tables) if tables else pa.table(
        {c: pa.array([], pa.string()) for c in TOKEN_COLUMNS})


def _write_docs_and_sections(ing, parts_dir: Path, where: dict, bdir: Path) -> None:
    """Write docs and sections with the big texts joined in Arrow (their dict/list fields are
    JSON text already: :func:`fazhi.ingest.finalize`)."""
    import pyarrow as pa

    files = list(ing.docs["file"])
    docs = pa.Table.from_pandas(ing.docs.drop(columns=list(DOC_TEXTS)), preserve_index=False)
    for c in DOC_TEXTS:
        i = list(ing.docs.columns).index(c)
        docs = docs.add_column(min(i, docs.num_columns), c, _gather(parts_dir, where, files, c))
    _write_parquet(docs, bdir / "docs.parquet")
    del docs
    sections = pa.Table.from_pandas(ing.sections.drop(columns=["text"]), preserve_index=False)
    texts = _gather(parts_dir, where, files, "section_texts")
    flat = pa.chunked_array([c.flatten() for c in getattr(texts, "chunks", [texts])], pa.string())
    del texts
    if len(flat) != len(sections):
        raise RuntimeError(f"sections and their texts differ: {len(sections)} != {len(flat)}")
    i = list(ing.sections.columns).index("text")
    sections = sections.add_column(min(i, sections.num_columns), "text", flat)
    _write_parquet(sections, bdir / "sections.parquet")


def _order_tokens(tokens, doc_ids: list[str]):
    """Tokens rows of the kept documents, in document order, one row per (doc_id, part)."""
    import pandas as pd
    import pyarrow as pa

    pos = {d: i for i, d in enumerate(doc_ids)}
    idx = pd.DataFrame({"doc_id": tokens.column("doc_id").to_pylist(),
                        "part": tokens.column("part").to_pylist()})
    idx["row"] = range(len(idx))
    idx["order"] = idx["doc_id"].map(pos)
    idx = idx.dropna(subset=["order"]).drop_duplicates(["doc_id", "part"])
    idx = idx.sort_values(["order", "row"], kind="stable")
    rows = idx["row"].to_numpy()
    if len(rows) == len(tokens) and rows.tolist() == list(range(len(rows))):
        return tokens  # already in document order (the usual case): no copy
    return tokens.take(pa.array(rows))


def _new_build(out: Path) -> tuple[str, Path]:
    """A new build name (its time first, so names sort by age) and its empty folder."""
    build = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    bdir = out / "builds" / build
    bdir.mkdir(parents=True)
    return build, bdir


def _switch(out: Path, build: str) -> None:
    """Point ``OUT/CURRENT`` at ``build`` atomically (temp file, fsync, rename)."""
    atomic_write(out / CURRENT, build + "\n", fsync=True)


def _collect_garbage(out: Path, manifest: dict) -> None:
    """Remove other builds, unreferenced parts and temporary files left by killed builds."""
    keep_parts = {info["part"] for info in manifest["files"].values()}
    for p in (out / "parts").glob("*"):
        if p.name.split(".")[0] not in keep_parts or p.name.startswith("."):
            p.unlink(missing_ok=True)
    for d in (out / "builds").glob("*"):
        if d.name != manifest["build"]:
            shutil.rmtree(d, ignore_errors=True)
    for p in out.glob(f".{CURRENT}.*{TMP_MARK}*"):
        p.unlink(missing_ok=True)


def _write_lexicon(bdir: Path, lexicon: Lexicon | None) -> None:
    if lexicon is not None:
        atomic_write(bdir / LEXICON_FILE, json.dumps(lexicon.to_dict(), ensure_ascii=False))


def _write_manifest(bdir: Path, manifest: dict) -> None:
    atomic_write(bdir / "manifest.json",
                 json.dumps(manifest, ensure_ascii=False, indent=1, default=_json_default))


def build_store(path: str | Path | None = None, out: str | Path | None = None, *,
                workers: int | None = None, scheduler=None, backend: Backend = "rjieba",
                lexicon: Lexicon | str | Path | None = None, hmm: bool = True,
                progress: bool | None = None) -> dict:
    """Build (or update) the store of the reports under ``path``; return the new manifest.

    ``workers``: local processes (default: the cores; 1 = serial); ``scheduler``: a Dask
    distributed address ``tcp://host:8786`` or ``Client`` (workers must see ``path`` and ``out``);
    ``lexicon``: a folder of user lexicon files added to the package lexicon (or a Lexicon loaded
    from one), None: the package lexicon alone; ``progress``: None = only on a terminal.
    The store records the lexicon (``manifest["lexicon_folder"]``, ``lexicon.json``) and the data
    version (``manifest["data_version"]``).
    """
    t0 = time.time()
    root = Path(path) if path else raw_dir()
    if not root.exists():
        raise FileNotFoundError(f"{root}: 没有这个文件或文件夹 / no such file or folder")
    out = Path(out) if out else default_store(path)
    tk = Tokenizer(lexicon, backend=backend, hmm=hmm)
    lexicon_arg = tk.lexicon.folder  # workers load the lexicon again from its folder
    if isinstance(lexicon, Lexicon) and load_lexicon(lexicon_arg).version != lexicon.version:
        raise LexiconError(f"{lexicon_arg or '软件包词库 / package lexicon'}: 词库与其文件不一致 / "
                           f"the lexicon {lexicon.version} differs from its files now: pass the folder")
    key = cache_key(tk)
    prev = read_manifest(out)
    same_parts = bool(prev) and segment_key(prev.get("key")) == segment_key(key)
    if scheduler is None and not same_parts:
        # nothing can be reused: every file will be segmented here, so build the segmenter and
        # the rules (see _warm_up) while a thread hashes the files (hashlib and reads release the GIL)
        found: list = []
        hasher = threading.Thread(target=lambda: found.append(hash_sources(root)), daemon=True)
        hasher.start()
        _warm_up({"lexicon": lexicon_arg, "backend": backend, "hmm": hmm,
                  "version": tk.lexicon.version})
        hasher.join()  # before any fork: no other thread may run then
        if not found:
            hash_sources(root)  # the thread failed: raise its error here
        hashes, paths, meta_hash = found[0]
    else:
        hashes, paths, meta_hash = hash_sources(root)

    parts_dir = out / "parts"
    parts_dir.mkdir(parents=True, exist_ok=True)
    reuse: dict[str, str] = {}
    if same_parts:
        for rel, info in prev.get("files", {}).items():
            if hashes.get(rel) == info.get("hash") and \
                    (parts_dir / f"{info['part']}.files.parquet").is_file() and \
                    (parts_dir / f"{info['part']}.tokens.parquet").is_file():
                reuse[rel] = info["part"]
    if prev and prev.get("key") == key and len(reuse) == len(hashes) == len(prev.get("files", {})) \
            and prev.get("metadata_hash") == meta_hash:
        # nothing changed: the current build is the result (no new build, no rewrite)
        return {**prev, "reused": len(reuse), "segmented": 0, "up_to_date": True,
                "seconds": round(time.time() - t0, 3)}
    todo_rel = [rel for rel in hashes if rel not in reuse]
    todo = [(paths[rel], hashes[rel]) for rel in todo_rel]
    n_workers = workers if workers else default_workers()
    if workers is None and sum(p.stat().st_size for p, _ in todo) < (2 << 20):
        n_workers = 1  # small jobs: process start-up costs more than it saves
    base = {"root": str(root.resolve()), "parts_dir": str(parts_dir.resolve()), "lexicon": lexicon_arg,
            "backend": backend, "hmm": hmm, "version": tk.lexicon.version}
    # part names sort in file order (a sequence number first), so assembling needs no reordering
    tasks = [{**base, "files": batch, "part": f"{i:06d}{uuid.uuid4().hex[:10]}"}
             for i, batch in enumerate(_batches(todo, n_workers))]
    part_of = dict(reuse)
    rels = iter(todo_rel)
    for t in tasks:
        for _ in t["files"]:
            part_of[next(rels)] = t["part"]

    bar = _progress(sum(p.stat().st_size for p, _ in todo), len(todo), progress)
    done = [0]

    def on_done(summary: dict) -> None:
        done[0] += summary["files"]
        bar.set_postfix_str(f"{done[0]}/{len(todo)} files", refresh=False)
        bar.update(summary["bytes"])

    try:
        _run(tasks, n_workers, scheduler, on_done)
    finally:
        bar.close()

    wanted: dict[str, set[tuple[str, str]]] = {}
    for rel, part in part_of.items():
        wanted.setdefault(part, set()).add((rel, hashes[rel]))
    from fazhi.ingest import finalize

    results, where = _read_parts(parts_dir, wanted)
    ing = finalize(results, root)
    del results

    build, bdir = _new_build(out)
    _write_docs_and_sections(ing, parts_dir, where, bdir)
    tokens = _order_tokens(_tokens_table(parts_dir, wanted),
                           list(ing.docs["doc_id"]) if len(ing.docs) else [])
    _write_parquet(tokens, bdir / "tokens.parquet")
    del tokens
    _write_parquet(ing.rejected, bdir / "rejected.parquet")
    text_hash = dict(zip(ing.docs["file"], ing.docs["text_hash"], strict=True)) \
        if len(ing.docs) else {}
    manifest = {
        "package": __version__, "lexicon": tk.lexicon.version, "lexicon_folder": lexicon_arg,
        "data_version": key["data"], "backend": backend, "hmm": hmm, "key": key, "build": build, "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "source": str(root.resolve()), "metadata_hash": meta_hash,
        "n_docs": len(ing.docs), "n_rejected": len(ing.rejected),
        "reused": len(reuse), "segmented": len(todo), "up_to_date": False, "workers": n_workers,
        "scheduler": scheduler if scheduler is None or isinstance(scheduler, str) else "client",
        "files": {rel: {"hash": hashes[rel], "text_hash": text_hash.get(rel), "part": part_of[rel]}
                  for rel in sorted(hashes)},
    }
    manifest["seconds"] = round(time.time() - t0, 3)
    _write_lexicon(bdir, tk.lexicon)
    _write_manifest(bdir, manifest)
    _switch(out, build)
    _collect_garbage(out, manifest)
    return manifest


def build_corpus(path: str | Path | None = None, out: str | Path | None = None, *,
                 tables: Iterable[str] = TABLES, **options) -> Corpus:
    """Read and segment the reports under ``path``, save the store to ``out``, return the Corpus
    (``tables``: the tables read back, see :func:`~fazhi.corpus.load_corpus`).

    Options as :func:`build_store` (``workers``, ``scheduler``, ``backend``, ``lexicon``, ``progress``).
    >>> build_corpus("data/raw", "data/processed", workers=2)     # doctest: +SKIP
    """
    out = Path(out) if out else default_store(path)
    build_store(path, out, **options)
    return load_corpus(out, tables=tables)


def save_corpus(corpus: Corpus, out: str | Path) -> Path:
    """Write a Corpus as a new build of the store ``out`` (atomic switch); the build folder.

    Its lexicon (``corpus.lexicon``) is saved with it."""
    out = Path(out)
    build, bdir = _new_build(out)
    for name in TABLES:
        df = getattr(corpus, name)
        if df is not None:
            _write_parquet(df, bdir / f"{name}.parquet")
    manifest = {k: v for k, v in (corpus.manifest or {}).items()
                if k not in ("store", "loaded_tables")}
    manifest.update(build=build, files=manifest.get("files", {}))
    if corpus.lexicon is not None:
        manifest.update(lexicon=corpus.lexicon.version, lexicon_folder=corpus.lexicon.folder)
    _write_lexicon(bdir, corpus.lexicon)
    _write_manifest(bdir, manifest)
    _switch(out, build)
    return bdir


def open_corpus(path: str | Path | None = None, *, tables: Iterable[str] = TABLES,
                **options) -> Corpus:
    """The store of ``path`` if it is current (same sources, lexicon, package, data), else build it.

    ``lexicon``, ``backend``, ``hmm`` not given: the store's own (a store built with a user lexicon
    keeps it). When it builds, it says so (one line on standard error) with the reason.
    ``path`` may also be a store folder itself, which is then loaded as it is (``lexicon``: see
    :func:`load_corpus`). ``tables``: the store tables to read (see :func:`load_corpus`; a build
    still makes all of them).
    >>> corpus = open_corpus("data/raw")                        # doctest: +SKIP
    >>> texts_only = open_corpus("data/raw", tables=["docs"])   # doctest: +SKIP
    """
    check_tables(tables)
    if path is not None and (Path(path) / CURRENT).is_file():
        return load_corpus(path, lexicon=options.get("lexicon"), tables=tables)
    if path is None and find_project() is None:
        raise FileNotFoundError("没有项目，也就没有 data/raw：请给出报告文件夹 / no project here, so "
                                "no data/raw: give the folder of reports (corpus_path in a "
                                "notebook)")
    root = Path(path) if path else raw_dir()
    if not root.exists():
        raise FileNotFoundError(f"{root}: 没有这个文件或文件夹 / no such file or folder")
    out = Path(options.pop("out", None) or default_store(path))
    keys = {k: options.get(k) for k in ("backend", "lexicon", "hmm")}
    reason = store_status(root, out, **keys)
    if reason is None:
        return load_corpus(out, tables=tables)
    options.update(reader_options(out, read_manifest(out), **keys))
    print(f"fazhi: 正在构建语料库 / building the corpus store {out}: {reason}", file=sys.stderr,
          flush=True)
    return build_corpus(path, out, tables=tables, **options)
