"""Store stage, the model: the Corpus (documents, sections, tokens, lexicon) and its readers.

- :func:`read_corpus` reads, cleans, describes and parses a folder of reports (no tokens);
- :func:`load_corpus` reads a built store back (see :mod:`fazhi.store` for its layout);
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
from collections.abc import Iterable
from dataclasses import dataclass, replace
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

if TYPE_CHECKING:  # pandas and the ingestion modules are imported when first needed
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
    """

    docs: pd.DataFrame
    sections: pd.DataFrame
    rejected: pd.DataFrame
    tokens: pd.DataFrame | None = None
    manifest: dict | None = None
    lexicon: Lexicon | None = None

    def __len__(self) -> int:
        return len(self.docs)

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

        Never re-segments: the tokens rows of the kept documents are reused.
        >>> corpus.subset("report_year >= 2021 and district == '马尾区'")   # doctest: +SKIP
        """
        docs = self.docs.query(mask) if isinstance(mask, str) else self.docs[mask]
        ids = set(docs["doc_id"])
        keep = lambda df: None if df is None else df[df["doc_id"].isin(ids)].reset_index(drop=True)  # noqa: E731
        return Corpus(docs.reset_index(drop=True), keep(self.sections), self.rejected,
                      keep(self.tokens), self.manifest, self.lexicon)


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
                tables: Iterable[str] = TABLES) -> Corpus:
    """Read a built store back (``path``: the store, or the raw folder it was built from).

    ``Corpus.lexicon`` is the lexicon the store was built with, unless ``lexicon`` (a Lexicon or a
    user lexicon folder) is given: then the analyses filter with that one (the tokens stay as
    stored). ``tables``: which of ``docs``, ``sections``, ``tokens``, ``rejected`` to read (the
    documents always; the others are None when left out): ``tables=("docs",)`` for an analysis
    of the texts alone, such as ``textstat_reuse``, reads neither the outline nor the tokens.
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
    import pandas as pd

    manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    manifest["store"] = str(d.parent.parent if d.parent.name == "builds" else d)
    if wanted != TABLES:
        manifest["loaded_tables"] = list(wanted)
    tables = {n: pd.read_parquet(d / f"{n}.parquet")
              if n in wanted and (d / f"{n}.parquet").is_file() else None for n in TABLES}
    lex = read_lexicon(d, manifest) if lexicon is None else \
        lexicon if isinstance(lexicon, Lexicon) else load_lexicon(lexicon)
    return Corpus(tables["docs"], tables["sections"], tables["rejected"], tables["tokens"], manifest,
                  lex)


