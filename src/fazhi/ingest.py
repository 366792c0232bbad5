"""Ingestion: read -> clean -> meta -> parse for one file, and for a folder (dedup + overrides).

``ingest_file`` is pure per file (safe to run in worker processes); ``finalize`` does the
cross-file steps (duplicates, ``metadata.csv`` overrides) on the results.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from fazhi.clean import clean_text
from fazhi.meta import infer_meta
from fazhi.read import ReadError, find_files, read_file
from fazhi.sections import parse_sections

DOC_COLUMNS = [
    "doc_id", "file", "format", "encoding", "n_chars", "text_hash",
    "title", "kind", "report_year", "publish_date",
    "town", "district", "city", "province", "level",
    "raw_text", "text",
]
SECTION_COLUMNS = ["doc_id", "part", "level", "number", "heading", "start", "end", "text"]
REJECTED_COLUMNS = ["file", "status", "reason"]


@dataclass
class FileResult:
    """What one file gave: a document row and its sections, or a rejection reason."""

    file: str
    doc: dict | None = None
    sections: list[dict] = field(default_factory=list)
    reason: str | None = None


@dataclass
class Ingested:
    """Documents, sections and rejected files of one folder."""

    docs: pd.DataFrame
    sections: pd.DataFrame
    rejected: pd.DataFrame


def text_hash(text: str) -> str:
    """SHA-256 of a text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest_file(path: str | Path, root: str | Path) -> FileResult:
    """Read, clean, infer metadata and parse one file. Never raises for bad input."""
    path, root = Path(path), Path(root)
    rel = path.name if path == root else path.relative_to(root).as_posix()
    try:
        raw = read_file(path)
    except (ReadError, OSError) as exc:
        return FileResult(rel, reason=str(exc))
    cleaned = clean_text(raw.text)
    h = text_hash(cleaned.text)
    doc = {
        "doc_id": h[:12], "file": rel, "format": raw.format, "encoding": raw.encoding,
        "n_chars": len(cleaned.text), "text_hash": h,
        **infer_meta(cleaned.text), "raw_text": raw.text, "text": cleaned.text,
    }
    secs = [{"doc_id": doc["doc_id"], **s} for s in parse_sections(cleaned.text)]
    return FileResult(rel, doc=doc, sections=secs)


def finalize(results: list[FileResult], root: str | Path) -> Ingested:
    """Cross-file steps: drop duplicates (same text under two names), build the tables."""
    docs, secs, rejected, seen = [], [], [], {}
    for r in sorted(results, key=lambda r: r.file):
        if r.doc is None:
            rejected.append({"file": r.file, "status": "rejected", "reason": r.reason})
        elif r.doc["text_hash"] in seen:
            rejected.append({"file": r.file, "status": "duplicate",
                             "reason": f"与 {seen[r.doc['text_hash']]} 内容相同 / same text as it"})
        else:
            seen[r.doc["text_hash"]] = r.file
            docs.append(r.doc)
            secs.extend(r.sections)
    return Ingested(
        pd.DataFrame(docs, columns=DOC_COLUMNS) if not docs else pd.DataFrame(docs),
        pd.DataFrame(secs, columns=SECTION_COLUMNS),
        pd.DataFrame(rejected, columns=REJECTED_COLUMNS),
    )


def ingest(path: str | Path) -> Ingested:
    """Ingest every report file under ``path`` serially."""
    root = Path(path)
    return finalize([ingest_file(p, root) for p in find_files(root)], root)
