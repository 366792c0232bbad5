"""Store stage: the Corpus (documents, sections, tokens) and its Parquet store."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from fazhi.config import processed_dir, raw_dir
from fazhi.ingest import ingest
from fazhi.tokens import Tokenizer

TOKEN_COLUMNS = ["doc_id", "part", "tokens"]
TABLES = ("docs", "sections", "tokens", "rejected")


@dataclass
class Corpus:
    """A corpus of reports.

    - ``docs``: one row per document (``doc_id``, ``file``, metadata, flags, ``text`` ...);
    - ``sections``: the heading outline (``doc_id``, ``part``, ``level``, ``heading``, ``start``, ``end``, ``text``);
    - ``tokens``: one row per document and part, ``tokens`` a space-separated string (or ``None``
      before segmentation);
    - ``rejected``: files that could not be read, or duplicates, with a reason.
    """

    docs: pd.DataFrame
    sections: pd.DataFrame
    rejected: pd.DataFrame
    tokens: pd.DataFrame | None = None
    manifest: dict | None = None

    def __len__(self) -> int:
        return len(self.docs)

    def subset(self, mask) -> Corpus:
        """The documents where ``mask`` (a boolean Series over ``docs`` or a query string) holds."""
        docs = self.docs.query(mask) if isinstance(mask, str) else self.docs[mask]
        ids = set(docs["doc_id"])
        keep = lambda df: None if df is None else df[df["doc_id"].isin(ids)].reset_index(drop=True)  # noqa: E731
        return Corpus(docs.reset_index(drop=True), keep(self.sections), self.rejected,
                      keep(self.tokens), self.manifest)


def read_corpus(path: str | Path | None = None) -> Corpus:
    """Read, clean, describe and parse the reports under ``path`` (no segmentation)."""
    ing = ingest(Path(path) if path else raw_dir())
    return Corpus(ing.docs, ing.sections, ing.rejected)


def default_store(path: str | Path | None = None) -> Path:
    """Where the store of ``path`` lives: ``data/processed`` for ``data/raw``, else a subfolder."""
    src = Path(path).resolve() if path else raw_dir().resolve()
    if src == raw_dir().resolve():
        return processed_dir()
    tag = hashlib.sha1(str(src).encode()).hexdigest()[:8]
    return processed_dir() / f"{src.name}-{tag}"


def tokenize_corpus(corpus: Corpus, tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """One row per document and part with its tokens joined by spaces."""
    tk = tokenizer or Tokenizer()
    rows = []
    for doc in corpus.docs.itertuples():
        rows.append({"doc_id": doc.doc_id, "part": "all", "tokens": " ".join(tk.cut(doc.text))})
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def build_corpus(path: str | Path | None = None, out: str | Path | None = None) -> Corpus:
    """Read and segment the reports under ``path`` and save the store to ``out``."""
    t0 = time.time()
    corpus = read_corpus(path)
    corpus.tokens = tokenize_corpus(corpus)
    corpus.manifest = {"source": str(Path(path or raw_dir()).resolve()),
                       "built": time.strftime("%Y-%m-%dT%H:%M:%S"), "seconds": time.time() - t0}
    save_corpus(corpus, out or default_store(path))
    return corpus


def save_corpus(corpus: Corpus, out: str | Path) -> Path:
    """Write the corpus tables as Parquet files under ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        df = getattr(corpus, name)
        if df is not None:
            df.to_parquet(out / f"{name}.parquet", index=False)
    (out / "manifest.json").write_text(json.dumps(corpus.manifest or {}, ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    return out


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Read a built store back (``path`` is the store, or the raw folder it was built from)."""
    p = Path(path) if path else processed_dir()
    if not (p / "docs.parquet").is_file():
        p = default_store(p)
    tables = {n: pd.read_parquet(p / f"{n}.parquet") for n in TABLES}
    manifest = json.loads((p / "manifest.json").read_text(encoding="utf-8"))
    return Corpus(tables["docs"], tables["sections"], tables["rejected"], tables["tokens"], manifest)


def open_corpus(path: str | Path | None = None) -> Corpus:
    """The built store of ``path`` if there is one, else build it."""
    try:
        return load_corpus(path)
    except FileNotFoundError:
        return build_corpus(path)
