"""Ingestion: read -> clean -> meta -> parse for one file, and for a folder (dedup + overrides).

``ingest_file`` is pure per file (safe to run in worker processes, results are plain dicts);
``finalize`` does the cross-file steps (duplicates, ``metadata.csv`` overrides) on the results.

Dict/list-valued document fields (``anonymised_counts``, ``typo_counts``, ``parts``,
``duty_evidence``, ``meta_rules``, ``removals``) are JSON strings, ready for Parquet.

>>> ing = ingest("data/raw")                                  # doctest: +SKIP
>>> ing.docs[["file", "town", "report_year"]]                 # doctest: +SKIP
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from fazhi.clean import clean_text
from fazhi.meta import FIELDS as META_FIELDS
from fazhi.meta import LEVELS as META_LEVELS
from fazhi.meta import infer_meta
from fazhi.pagemeta import find_page_meta
from fazhi.read import ReadError, find_files, read_file
from fazhi.sections import PARTS, analyse_structure

if TYPE_CHECKING:  # pandas is imported by finalize only: worker processes never need it
    import pandas as pd

FLAG_COLUMNS = [
    "truncated", "anonymised", "anonymised_counts", "typos_fixed", "typo_counts",
    "duplicate_numbering", "no_title",
]
COMPLIANCE_COLUMNS = [
    "parts", "has_achievements", "has_problems", "has_duty", "has_plans", "has_other",
    "late", "incomplete", "duty_evidence",
]
DOC_COLUMNS = [
    "doc_id", "file", "format", "encoding", "n_chars", "text_hash",
    "title", "kind", "report_year", "plan_year", "publish_date", "signed_date",
    "unit", "department", "town", "district", "city", "province", "level", "division_code",
    *FLAG_COLUMNS, *COMPLIANCE_COLUMNS, "meta_rules", "removals", "page_meta",
    "raw_text", "text",
]
SECTION_COLUMNS = ["doc_id", "part", "level", "number", "heading", "start", "end", "text"]
REJECTED_COLUMNS = ["file", "status", "reason"]
JSON_COLUMNS = ("anonymised_counts", "typo_counts", "parts", "duty_evidence", "meta_rules", "removals",
                "page_meta")

OVERRIDES_FILE = "metadata.csv"
# columns of metadata.csv that are evidence for the resolver, not values: where a file came from
# (column -> the page-metadata list it joins, its label)
EVIDENCE_COLUMNS = {"site_name": ("site_names", "site_name"), "source": ("sources", "source")}
LEVELS = (*META_LEVELS, "")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


class MetadataError(ValueError):
    """``metadata.csv`` names an unknown file or field, or holds an invalid value."""


def text_hash(text: str) -> str:
    """SHA-256 of a text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def _missing(value) -> bool:
    """None, NaN or pandas.NA (without importing pandas)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:  # pandas.NA: its comparisons are NA, whose truth value is undefined
        return True


def is_late(publish_date: str, report_year) -> bool | None:
    """Published after 1 April of the following year? None when either is unknown.

    ``is_late("2021-03-19", 2020)`` -> False; ``is_late("2022-05-10", 2020)`` -> True.
    """
    if not publish_date or _missing(report_year):
        return None
    return publish_date > f"{int(report_year) + 1}-04-01"


def relative_name(path: Path, root: Path) -> str:
    """Posix path of ``path`` relative to ``root`` (the file name when ``root`` is the file)."""
    if path == root or not root.is_dir():
        return path.name
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def process_text(raw_text: str, *, raw_format: str = "txt", encoding: str = "utf-8",
                 file: str = "", page: dict[str, str] | None = None,
                 evidence: dict[str, str] | None = None) -> tuple[dict, list[dict]]:
    """Clean, describe and parse one decoded text: (document row, sections).

    ``page`` is what the reader kept of a web page besides its main text (``RawText.page``): its
    ``<meta>`` tags, ``<title>``, breadcrumb and the chrome around the article. The page's metadata
    (:func:`fazhi.pagemeta.find_page_meta`) is read from the raw text before cleaning removes it.
    ``evidence``: what ``metadata.csv`` says of the file's origin (``site_name``, ``source``).
    """
    cleaned = clean_text(raw_text)
    h = text_hash(cleaned.text)
    page_meta = find_page_meta(raw_text, page or None)
    for column, (name, label) in EVIDENCE_COLUMNS.items():  # what metadata.csv says of the origin
        if evidence and evidence.get(column):
            page_meta = page_meta.add(name, evidence[column], label, "metadata.csv")
    meta = infer_meta(cleaned.text, raw=raw_text, page=page_meta, file=file)
    rules = meta.pop("meta_rules")
    struct = analyse_structure(cleaned.text)
    flags = cleaned.flags
    doc = {
        "doc_id": h[:12], "file": file, "format": raw_format, "encoding": encoding,
        "n_chars": len(cleaned.text), "text_hash": h, **meta,
        # cut off by a template site's trailer, or a text that simply stops mid-sentence
        "truncated": flags["truncated"] or flags.get("truncated_mid_sentence", False),
        "anonymised": flags["anonymised"],
        "anonymised_counts": _json(flags["anonymised_counts"]),
        "typos_fixed": flags["typos_fixed"], "typo_counts": _json(flags["typo_counts"]),
        "duplicate_numbering": struct.duplicate_numbering, "no_title": not meta["title"],
        "parts": _json(struct.parts),
        **{f"has_{p}": p in struct.parts for p in PARTS},
        "late": is_late(meta["publish_date"], meta["report_year"]),
        "incomplete": flags["truncated"] or flags.get("truncated_mid_sentence", False),
        "duty_evidence": _json(struct.duty),
        "meta_rules": _json(rules), "removals": _json(cleaned.removals),
        "page_meta": _json(page_meta.to_dict()),
        "raw_text": raw_text, "text": cleaned.text,
    }
    secs = [{"doc_id": doc["doc_id"], **{k: s[k] for k in SECTION_COLUMNS[1:]}}
            for s in struct.sections]
    return doc, secs


def read_evidence(root: str | Path) -> dict[str, dict[str, str]]:
    """The evidence columns of ``root/metadata.csv`` (``site_name``, ``source``): {file: {column:
    value}} — what the user knows of where a file came from; the resolver weighs it with the rest.
    Other columns are overrides (see :func:`read_overrides`). ``{}`` without a metadata.csv."""
    path = Path(root) / OVERRIDES_FILE
    if not path.is_file():
        return {}
    st = path.stat()
    return _read_evidence(str(path), st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=8)
def _read_evidence(path: str, _size: int, _mtime: int) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
            name = row.get("file", "").replace("\\", "/").removeprefix("./")
            values = {c: row[c] for c in EVIDENCE_COLUMNS if row.get(c)}
            if name and values:
                out[name] = values
    return out


def evidence_key(evidence: dict[str, str] | None) -> str:
    """A short key of a file's evidence row (part of its cache key: an edit re-ingests the file)."""
    if not evidence:
        return ""
    return hashlib.sha1(json.dumps(evidence, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:8]


def ingest_file(path: str | Path, root: str | Path) -> FileResult:
    """Read, clean, infer metadata and parse one file. Never raises for bad input: a file that
    cannot be used comes back with ``reason`` set (one line, Chinese / English). The file's
    evidence row of ``root/metadata.csv`` (``site_name``, ``source``) is weighed with the rest."""
    path, root = Path(path), Path(root)
    rel = relative_name(path, root)
    evidence = read_evidence(root).get(rel) if root.is_dir() else None
    try:
        raw = read_file(path)
    except ReadError as exc:
        return FileResult(rel, reason=str(exc))
    except Exception as exc:  # last resort: a batch never stops on one file
        return FileResult(rel, reason=f"无法读取 / cannot read ({type(exc).__name__}: {exc})")
    try:
        doc, secs = process_text(raw.text, raw_format=raw.format, encoding=raw.encoding, file=rel,
                                 page=raw.page, evidence=evidence)
    except Exception as exc:  # pragma: no cover - a bug, but the batch goes on
        return FileResult(rel, reason=f"处理失败 / processing failed ({type(exc).__name__}: {exc})")
    return FileResult(rel, doc=doc, sections=secs)


def read_overrides(path: str | Path, files: set[str] | None = None) -> dict[str, dict]:
    """``metadata.csv`` (columns: ``file`` then any metadata field) -> {file: {field: value}}.

    Empty cells override nothing. Raises :class:`MetadataError` for an unknown field, an unknown
    file (when ``files`` is given) or an invalid year/date/level.
    """
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = [h.strip() for h in (reader.fieldnames or [])]
        if not header or header[0] != "file":
            raise MetadataError(f"{path.name}: 第一列必须是 file / the first column must be 'file'")
        unknown = [h for h in header[1:] if h not in META_FIELDS and h not in EVIDENCE_COLUMNS]
        if unknown:
            raise MetadataError(f"{path.name}: 未知字段 {', '.join(unknown)} / unknown field(s); "
                                f"allowed: {', '.join((*META_FIELDS, *EVIDENCE_COLUMNS))}")
        out: dict[str, dict] = {}
        for lineno, row in enumerate(reader, start=2):
            row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
            name = row["file"].replace("\\", "/").removeprefix("./")
            if not name:
                continue
            if files is not None and name not in files:
                raise MetadataError(f"{path.name} 第{lineno}行: 找不到文件 {name} / unknown file")
            values = {k: v for k, v in row.items() if k != "file" and k not in EVIDENCE_COLUMNS and v}
            for key in ("report_year", "plan_year"):
                if key in values:
                    if not re.fullmatch(r"\d{4}", values[key]):
                        raise MetadataError(f"{path.name} 第{lineno}行: {key} 应为四位年份 / "
                                            f"{key} must be a 4-digit year")
                    values[key] = int(values[key])
            for key in ("publish_date", "signed_date"):
                if key in values and not _ISO_DATE.match(values[key]):
                    raise MetadataError(f"{path.name} 第{lineno}行: {key} 应为 YYYY-MM-DD / "
                                        f"{key} must be YYYY-MM-DD")
            if "level" in values and values["level"] not in LEVELS:
                raise MetadataError(f"{path.name} 第{lineno}行: 未知 level {values['level']} / "
                                    f"unknown level; allowed: {', '.join(LEVELS[:-1])}")
            out.setdefault(name, {}).update(values)
    return out


def apply_overrides(doc: dict, values: dict) -> dict:
    """A copy of ``doc`` with ``values`` set, their rule recorded as ``metadata.csv``."""
    doc = dict(doc)
    rules = json.loads(doc["meta_rules"])
    for key, value in values.items():
        doc[key] = value
        rules[key] = {"rule": OVERRIDES_FILE, "confidence": 1.0}
    doc["meta_rules"] = _json(rules)
    doc["late"] = is_late(doc["publish_date"], doc["report_year"])
    doc["no_title"] = not doc["title"]
    return doc


def finalize(results: list[FileResult], root: str | Path) -> Ingested:
    """Cross-file steps: drop duplicates (same cleaned text under two names), apply the
    ``metadata.csv`` overrides found at the root of ``root``, build the tables."""
    root = Path(root)
    overrides: dict[str, dict] = {}
    if root.is_dir() and (root / OVERRIDES_FILE).is_file():
        overrides = read_overrides(root / OVERRIDES_FILE, {r.file for r in results})
    docs, secs, rejected, seen = [], [], [], {}
    for r in sorted(results, key=lambda r: r.file):
        if r.doc is None:
            rejected.append({"file": r.file, "status": "rejected", "reason": r.reason})
        elif r.doc["text_hash"] in seen:
            rejected.append({"file": r.file, "status": "duplicate",
                             "reason": f"与 {seen[r.doc['text_hash']]} 内容相同 / same text as it"})
        else:
            seen[r.doc["text_hash"]] = r.file
            doc = apply_overrides(r.doc, overrides[r.file]) if r.file in overrides else r.doc
            docs.append(doc)
            secs.extend(r.sections)
    import pandas as pd

    docs_df = pd.DataFrame(docs, columns=DOC_COLUMNS)
    docs_df["report_year"] = docs_df["report_year"].astype("Int64")
    docs_df["late"] = docs_df["late"].astype("boolean")
    return Ingested(docs_df, pd.DataFrame(secs, columns=SECTION_COLUMNS),
                    pd.DataFrame(rejected, columns=REJECTED_COLUMNS))


def ingest(path: str | Path) -> Ingested:
    """Ingest every report file under ``path`` (a folder or one file) serially."""
    root = Path(path)
    return finalize([ingest_file(p, root) for p in find_files(root)], root)


def explain_file(path: str | Path, root: str | Path | None = None) -> dict:
    """What the pipeline did to one file: removals, flags, metadata rules, outline, duty evidence.

    ``explain_file("data/raw/2020-fujian-fuzhou-mawei-tingjiang.txt")["removals"][0]["rule"]`` ->
    ``"web_date"``.
    """
    path = Path(path)
    result = ingest_file(path, Path(root) if root else path)
    if result.doc is None:
        return {"file": result.file, "status": "rejected", "reason": result.reason}
    doc = result.doc
    return {
        "file": result.file, "status": "ok", "format": doc["format"], "encoding": doc["encoding"],
        "n_chars": doc["n_chars"],
        "meta": {k: doc[k] for k in META_FIELDS},
        "meta_rules": json.loads(doc["meta_rules"]),
        "flags": {k: (json.loads(doc[k]) if k in JSON_COLUMNS else doc[k]) for k in FLAG_COLUMNS},
        "compliance": {k: (json.loads(doc[k]) if k in JSON_COLUMNS else doc[k])
                       for k in COMPLIANCE_COLUMNS},
        "removals": json.loads(doc["removals"]),
        "normalised": clean_text(doc["raw_text"]).flags["normalised"],
        "sections": [{k: s[k] for k in ("part", "level", "number", "heading", "start", "end")}
                     for s in result.sections],
    }
