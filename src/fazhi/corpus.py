"""Store stage, the model: the Corpus (documents, sections, tokens, lexicon) and its readers.

- :func:`read_corpus` reads, cleans, describes and parses a folder of reports (no tokens);
- :func:`load_corpus` reads a built store back (see :mod:`fazhi.store` for its layout); the big
  text columns are read when ``docs`` / ``sections`` are first asked for (``Corpus.unread``);
- :func:`open_corpus` loads the store of a folder when it is current, else builds it (and says so);
- :func:`segment_corpus` segments a corpus explicitly; :meth:`Corpus.subset` filters one.

The store remembers its lexicon (``manifest["lexicon_folder"]`` and ``lexicon.json``): every reader
(:func:`load_corpus`, :func:`~fazhi.store.is_current`, :func:`open_corpus`) uses it unless the
caller passes another one, and the loaded :class:`Corpus` carries it (``Corpus.lexicon``) for the
analyses' stopword and boilerplate filtering. Readers never segment: only the build engine
(:mod:`fazhi.build`: ``build_store``/``build_corpus``, which :func:`open_corpus` calls when it says
it builds) and the explicit :func:`segment_corpus` do. This module never imports the engine at
import time; its names (``build_store``, ``build_corpus`` …) are still importable from here.

>>> corpus = open_corpus("data/raw")                           # doctest: +SKIP
>>> corpus.subset("town == '亭江镇'").tokens                   # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from fazhi.config import processed_dir, raw_dir
from fazhi.lexicon import Lexicon, load_lexicon
from fazhi.store import (  # noqa: F401  (the store's names, importable from here as before)
    CURRENT,
    LEXICON_FILE,
    METADATA_FILE,
    PIPELINE_DATA,
    TABLES,
    TEXT_COLUMNS,
    code_version,
    default_store,
    file_hash,
    is_current,
    read_lexicon,
    read_manifest,
    reader_options,
    store_dir,
    store_status,
)
from fazhi.tokens import Tokenizer

if TYPE_CHECKING:  # numpy, pandas and the ingestion modules are imported when first needed
    import numpy as np
    import pandas as pd

TOKEN_COLUMNS = ["doc_id", "part", "tokens"]
class NoTokensError(ValueError):
    """An analysis needs tokens and the corpus has none (it was read, not built)."""


@dataclass
class Corpus:
    """A corpus of reports.

    - ``docs``: one row per document (``doc_id``, ``file``, metadata, flags, ``text`` ...);
    - ``sections``: the heading outline (``doc_id``, ``part``, ``level``, ``heading``, ``start``, ``end``, ``text``);
    - ``tokens``: one row per document and part, ``tokens`` a space-separated string (or ``None``
      before segmentation);
    - ``rejected``: files that could not be read, or duplicates, with a reason;
    - ``lexicon``: the :class:`~fazhi.lexicon.Lexicon` of the tokens (the store's own for a loaded
      store; None: the package lexicon); the analyses filter stopwords and boilerplate with it.

    A corpus loaded from a store reads the big text columns (``docs.text``, ``docs.raw_text``,
    ``sections.text``: :data:`~fazhi.store.TEXT_COLUMNS`) only when ``docs`` / ``sections`` are
    first asked for; :attr:`docvars`, :attr:`outline` and :meth:`iter_texts` never read them
    whole (the counting analyses use those).
    """

    docs: pd.DataFrame
    sections: pd.DataFrame
    rejected: pd.DataFrame
    tokens: pd.DataFrame | None = None
    manifest: dict | None = None
    lexicon: Lexicon | None = None
    # table -> (its store file, file row of each row): the text columns not read yet
    _deferred: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.__dict__["_docs"])

    @property
    def docvars(self) -> pd.DataFrame:
        """``docs`` without its texts (``text``, ``raw_text``): the documents' fields, read
        without the texts of a store.

        >>> load_corpus("data/processed").docvars.columns[:3].tolist()   # doctest: +SKIP
        ['doc_id', 'file', 'format']
        """
        return _without(self.__dict__["_docs"], TEXT_COLUMNS["docs"])

    @property
    def outline(self) -> pd.DataFrame | None:
        """``sections`` without their texts: doc_id, part, level, number, heading, start, end."""
        secs = self.__dict__["_sections"]
        return None if secs is None else _without(secs, TEXT_COLUMNS["sections"])

    @property
    def unread(self) -> dict[str, tuple[str, ...]]:
        """The text columns of a loaded store not read yet, per table (``{}``: all read).

        >>> load_corpus("data/processed").unread                   # doctest: +SKIP
        {'docs': ('text', 'raw_text'), 'sections': ('text',)}
        """
        return {name: store.columns for name, (store, _rows) in self._deferred.items()}

    @property
    def doc_columns(self) -> list[str]:
        """Every column of ``docs`` (also those not read yet), in ``docs`` order."""
        got = self._deferred.get("docs")
        return got[0].names if got is not None else list(self.__dict__["_docs"].columns)

    def iter_texts(self, column: str = "text", doc_ids: Iterable[str] | None = None,
                   ) -> Iterator[tuple[str, str | None]]:
        """(doc_id, text) of each document (or of those in ``doc_ids``) in ``docs`` order; a
        text column of a store not read yet is read one batch of documents at a time.

        >>> dict(corpus.iter_texts("text", ["d1"]))                  # doctest: +SKIP
        {'d1': '亭江镇2020年法治政府建设工作报告……'}
        """
        import numpy as np

        wanted = None if doc_ids is None else set(doc_ids)
        docs = self.__dict__["_docs"]
        got = self._deferred.get("docs")
        if got is None or column not in got[0].columns:
            pairs = zip(docs["doc_id"], docs[column], strict=True)
            yield from ((d, _text(t)) for d, t in pairs if wanted is None or d in wanted)
            return
        store, rows = got
        ids = docs["doc_id"].to_numpy(dtype=object)
        keep = np.flatnonzero([wanted is None or d in wanted for d in ids])
        yield from zip(ids[keep], store.iter_column(column, rows[keep]), strict=True)

    def require_tokens(self) -> pd.DataFrame:
        """``tokens``, or :class:`NoTokensError` saying how to get them (readers never segment).

        >>> read_corpus("data/raw").require_tokens()       # doctest: +SKIP
        NoTokensError: 这个语料库没有分词结果 ...
        """
        if self.tokens is None:
            manifest = self.manifest or {}
            if "tokens" not in manifest.get("loaded_tables", ("tokens",)):
                raise NoTokensError(
                    f"这个语料库加载时没有读取分词结果 / this corpus was loaded without its tokens "
                    f"(tables={tuple(manifest['loaded_tables'])}): load it with "
                    f"load_corpus({manifest.get('store', 'PATH')!r})")
            src = manifest.get("source") or "PATH"
            raise NoTokensError(
                f"这个语料库没有分词结果，请先运行 `fazhi build {src}` 再用 open_corpus/load_corpus "
                f"打开 / this corpus has no tokens (read_corpus does not segment): run "
                f"`fazhi build {src}` and open the store with open_corpus({src!r}), or segment it "
                f"here with segment_corpus(corpus)")
        return self.tokens

    def subset(self, mask) -> Corpus:
        """The documents where ``mask`` holds (boolean Series over ``docs`` or a query string).

        Never re-segments: the tokens rows of the kept documents are reused; texts not read yet
        stay unread.
        >>> corpus.subset("report_year >= 2021 and district == '马尾区'")   # doctest: +SKIP
        """
        import pandas as pd

        light = self.__dict__["_docs"]
        if isinstance(mask, str):
            try:
                docs = light.query(mask)
            except (KeyError, NameError, pd.errors.UndefinedVariableError):
                if not self._deferred.get("docs"):
                    raise
                light = self.docs  # the query reads a text column: read them
                docs = light.query(mask)
        else:
            docs = light[mask]
        ids = set(docs["doc_id"])

        def keep(df):
            return None if df is None else df["doc_id"].isin(ids).to_numpy()

        out = Corpus(docs.reset_index(drop=True), None, self.rejected, None, self.manifest,
                     self.lexicon)
        for name in ("sections", "tokens"):
            df = self.__dict__["_sections"] if name == "sections" else self.tokens
            hit = keep(df)
            setattr(out, name, None if df is None else df[hit].reset_index(drop=True))
        deferred = {}
        if "docs" in self._deferred:
            store, rows = self._deferred["docs"]
            deferred["docs"] = (store, rows[light.index.get_indexer(docs.index)])
        if "sections" in self._deferred:
            store, rows = self._deferred["sections"]
            deferred["sections"] = (store, rows[keep(self.__dict__["_sections"])])
        out._deferred = deferred
        return out

    def assign(self, **columns) -> Corpus:
        """The corpus with document columns added or replaced (as :meth:`pandas.DataFrame.assign`:
        values, arrays in ``docs`` order, or functions of the document fields); texts not read
        yet stay unread, tokens and sections are shared.

        >>> corpus.assign(地区=lambda d: d["district"].fillna("未知"))      # doctest: +SKIP
        """
        out = Corpus(self.__dict__["_docs"].assign(**columns), self.__dict__["_sections"],
                     self.rejected, self.tokens, self.manifest, self.lexicon)
        out._deferred = dict(self._deferred)
        return out

    def _full(self, name: str) -> pd.DataFrame | None:
        """Table ``name`` with its deferred text columns read (once; then kept)."""
        import pandas as pd

        got = self._deferred.pop(name, None)
        df = self.__dict__["_" + name]
        if got is None or df is None:
            return df
        store, rows = got
        texts = store.read(store.columns, rows)
        texts.index = df.index
        extra = [c for c in df.columns if c not in store.names]  # columns added by assign()
        full = pd.concat([df, texts], axis=1)[store.names + extra]
        self.__dict__["_" + name] = full
        return full


def _table_property(name: str, doc: str) -> property:
    def get(self: Corpus) -> pd.DataFrame | None:
        return self._full(name)

    def set_(self: Corpus, value: pd.DataFrame | None) -> None:
        self.__dict__["_" + name] = value
        self.__dict__.get("_deferred", {}).pop(name, None)  # a table set whole has its texts

    return property(get, set_, doc=doc)


Corpus.docs = _table_property("docs", "One row per document, every column (texts read on first use).")
Corpus.sections = _table_property("sections", "The heading outline with the sections' texts.")


def _without(df: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    drop = [c for c in columns if c in df.columns]
    return df.drop(columns=drop) if drop else df


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


class StoreFile:
    """One table file of a store build, held open: its deferred columns can be read after a
    later build removed the folder (the open file keeps its data on POSIX systems).

    ``names``: the table's columns in order; ``columns``: the deferred ones.
    """

    def __init__(self, path: Path, names: list[str], columns: tuple[str, ...]):
        self.path, self.names, self.columns = Path(path), list(names), tuple(columns)
        self._open()

    def _open(self) -> None:
        self._fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        self._close = weakref.finalize(self, os.close, self._fd)

    def __getstate__(self) -> dict:
        return {"path": self.path, "names": self.names, "columns": self.columns}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._open()

    def _file(self):
        return os.fdopen(os.dup(self._fd), "rb")

    def read(self, columns: Iterable[str], rows: np.ndarray) -> pd.DataFrame:
        """``columns`` of the file rows ``rows`` (positions), in that order, as
        :func:`pandas.read_parquet` reads them."""
        import numpy as np
        import pandas as pd
        import pyarrow as pa

        with self._file() as f:
            out = pd.read_parquet(f, columns=list(columns))
        if not (len(rows) == len(out) and np.array_equal(rows, np.arange(len(out)))):
            out = out.iloc[rows].reset_index(drop=True)
        pa.default_memory_pool().release_unused()
        return out

    def iter_column(self, column: str, rows: np.ndarray, batch: int = 256) -> Iterator[str | None]:
        """The values of ``column`` at the file rows ``rows`` (increasing), read one batch of
        rows at a time (bounded memory: never the whole column)."""
        import numpy as np
        import pyarrow.parquet as pq

        rows = np.asarray(rows, dtype=np.int64)
        if len(rows) > 1 and np.any(np.diff(rows) <= 0):  # not in file order: read it whole
            yield from map(_text, self.read([column], rows)[column])
            return
        at, start = 0, 0
        with self._file() as f:
            for b in pq.ParquetFile(f).iter_batches(batch_size=batch, columns=[column]):
                end = start + b.num_rows
                stop = int(np.searchsorted(rows, end, side="left"))
                if stop > at:
                    values = b.column(0).to_pylist()
                    yield from (_text(values[r - start]) for r in rows[at:stop].tolist())
                    at = stop
                start = end
                if at == len(rows):
                    break


def doc_texts(corpus, column: str = "text") -> tuple[pd.DataFrame, Iterator[str]]:
    """The documents' fields and their texts one at a time, in ``docs`` order: a lazy store's texts
    are read a batch at a time and not kept (an analysis that reads each text once needs no
    copy of all of them). ``corpus``: a :class:`Corpus` or anything with a ``docs`` table.

    >>> docs, texts = doc_texts(corpus)                                # doctest: +SKIP
    >>> next(texts)[:8]                                                # doctest: +SKIP
    '亭江镇2020年法治'
    """
    if hasattr(corpus, "iter_texts") and hasattr(corpus, "docvars"):
        return corpus.docvars, (t or "" for _d, t in corpus.iter_texts(column))
    docs = corpus.docs
    return docs, (_text(t) or "" for t in docs[column]) if column in docs.columns else \
        ("" for _ in range(len(docs)))


def read_corpus(path: str | Path | None = None) -> Corpus:
    """Read, clean, describe and parse the reports under ``path`` (no segmentation: ``tokens`` is
    None, and analyses that need tokens say to run ``fazhi build PATH``; see :func:`open_corpus`)."""
    from fazhi.ingest import ingest

    root = Path(path) if path else raw_dir()
    ing = ingest(root)
    return Corpus(ing.docs, ing.sections, ing.rejected,
                  manifest={"source": str(root.resolve())})


# ---------------------------------------------------------------- per-document tokens


def doc_parts(text: str, sections: Iterable[dict]) -> list[tuple[str, list[str]]]:
    """The pieces of ``text`` per part, from the level-1 sections; text outside them is "preamble".

    >>> doc_parts("前言一、成效", [{"level": 1, "part": "achievements", "start": 2, "end": 6}])
    [('preamble', ['前言']), ('achievements', ['一、成效'])]
    """
    level1 = sorted((s for s in sections if int(s["level"]) == 1), key=lambda s: int(s["start"]))
    pieces: dict[str, list[str]] = {}
    pos = 0
    for s in level1:
        start, end = int(s["start"]), int(s["end"])
        if start > pos:
            pieces.setdefault("preamble", []).append(text[pos:start])
        if end > max(start, pos):
            pieces.setdefault(s["part"], []).append(text[max(start, pos):end])
        pos = max(pos, end)
    if pos < len(text):
        pieces.setdefault("preamble", []).append(text[pos:])
    return [(part, [p for p in texts if p.strip()]) for part, texts in pieces.items()
            if any(p.strip() for p in texts)]


def doc_tokens(tokenizer: Tokenizer, doc: dict, sections: list[dict]) -> list[dict]:
    """Token rows (doc_id, part, tokens) of one document; anonymised documents get those aliases."""
    anon = bool(doc.get("anonymised"))
    rows = [{"doc_id": doc["doc_id"], "part": part,
             "tokens": " ".join(t for t in (tokenizer.cut_joined(p, anonymised=anon) for p in texts)
                                if t)}
            for part, texts in doc_parts(doc["text"], sections)]
    return rows or [{"doc_id": doc["doc_id"], "part": "preamble", "tokens": ""}]


def segment_corpus(corpus: Corpus, tokenizer: Tokenizer | None = None) -> Corpus:
    """``corpus`` with its tokens (the rows ``fazhi build`` stores) and the tokenizer's lexicon.

    The explicit way to segment a corpus read without a store (``tokenizer``: default the package
    lexicon); a built store already has its tokens.
    >>> segment_corpus(read_corpus("data/raw")).tokens.head()     # doctest: +SKIP
    """
    import pandas as pd

    tk = tokenizer or Tokenizer()
    secs = ({k: g.to_dict("records") for k, g in corpus.sections.groupby("doc_id")}
            if corpus.sections is not None and len(corpus.sections) else {})
    rows = [r for doc in corpus.docs.to_dict("records")
            for r in doc_tokens(tk, doc, secs.get(doc["doc_id"], []))]
    return replace(corpus, tokens=pd.DataFrame(rows, columns=TOKEN_COLUMNS), lexicon=tk.lexicon)


# ---------------------------------------------------------------- reading a store


def check_tables(tables: Iterable[str]) -> tuple[str, ...]:
    """The store tables to read: ``tables`` in store order, ``docs`` always among them; an
    unknown name is a ValueError that lists the known ones.

    >>> check_tables(["tokens"])
    ('docs', 'tokens')
    """
    names = {tables} if isinstance(tables, str) else set(tables)
    unknown = sorted(names - set(TABLES))
    if unknown:
        raise ValueError(f"没有这个表 / unknown store table {', '.join(unknown)}: "
                         f"the tables are {', '.join(TABLES)}")
    return tuple(n for n in TABLES if n in names or n == "docs")


def load_corpus(path: str | Path | None = None, *,
                lexicon: Lexicon | str | Path | None = None,
                tables: Iterable[str] = TABLES, lazy: bool = True) -> Corpus:
    """Read a built store back (``path``: the store, or the raw folder it was built from).

    ``Corpus.lexicon`` is the lexicon the store was built with, unless ``lexicon`` (a Lexicon or a
    user lexicon folder) is given: then the analyses filter with that one (the tokens stay as
    stored). ``tables``: which of ``docs``, ``sections``, ``tokens``, ``rejected`` to read (the
    documents always; the others are None when left out): ``tables=("docs",)`` for an analysis
    of the texts alone, such as ``textstat_reuse``, reads neither the outline nor the tokens.
    ``lazy``: the texts (``docs.text``, ``docs.raw_text``, ``sections.text``) are read when
    ``docs`` / ``sections`` are first asked for, not now (the counting analyses never ask:
    :attr:`Corpus.docvars`, :attr:`Corpus.outline`); ``lazy=False`` reads them now.
    >>> load_corpus("data/processed").tokens.head()              # doctest: +SKIP
    >>> load_corpus("data/processed", tables=["docs"]).tokens is None   # doctest: +SKIP
    True
    """
    wanted = check_tables(tables)
    p = Path(path) if path else processed_dir()
    d = store_dir(p) or store_dir(default_store(p))
    if d is None:
        raise FileNotFoundError(f"{p}: 没有语料库，请先运行 fazhi build / no corpus store; "
                                f"run `fazhi build` first")
    import numpy as np
    import pandas as pd

    manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    manifest["store"] = str(d.parent.parent if d.parent.name == "builds" else d)
    if wanted != TABLES:
        manifest["loaded_tables"] = list(wanted)
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables, deferred = {}, {}
    for n in TABLES:
        f = d / f"{n}.parquet"
        if n not in wanted or not f.is_file():
            tables[n] = None
            continue
        later = ()
        if lazy and n in TEXT_COLUMNS:
            names = [c for c in pq.read_schema(f).names if not c.startswith("__index_level_")]
            later = tuple(c for c in TEXT_COLUMNS[n] if c in names)
        if later:  # the file held open: a later build may remove this folder
            store = StoreFile(f, names, later)
            tables[n] = pd.read_parquet(f, columns=[c for c in names if c not in later])
            deferred[n] = (store, np.arange(len(tables[n])))
        else:
            tables[n] = pd.read_parquet(f)
        pa.default_memory_pool().release_unused()  # the reader's buffers (else ~0.2 GB per table)
    lex = read_lexicon(d, manifest) if lexicon is None else \
        lexicon if isinstance(lexicon, Lexicon) else load_lexicon(lexicon)
    corpus = Corpus(tables["docs"], tables["sections"], tables["rejected"], tables["tokens"],
                    manifest, lex)
    corpus._deferred = deferred
    return corpus


