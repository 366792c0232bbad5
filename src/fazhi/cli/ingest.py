"""``fazhi info``: what was read, cleaned, inferred and parsed.

Exit codes: 0 every file read, 1 some files rejected (listed on stderr), 2 nothing read (or an
invalid ``metadata.csv``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

TABLE_COLUMNS = ["file", "report_year", "publish_date", "town", "district", "city", "province",
                 "level", "parts", "flags"]


def register(sub) -> None:
    p = sub.add_parser("info", help="列出报告及其元数据 / list the reports with their metadata",
                       description="Read, clean, describe and parse the reports under PATH and print "
                                   "one row per report: metadata, parts found, flags. Rejected files "
                                   "go to stderr. Exit code 0: all read, 1: some rejected, "
                                   "2: nothing read.")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder or file of reports (default: data/raw); an optional "
                        "PATH/metadata.csv overrides inferred metadata")
    p.add_argument("--format", choices=("table", "csv", "jsonl"), default="table",
                   help="output format: table for people (default), csv or jsonl (one JSON object "
                        "per report) for scripts")
    p.add_argument("--audit", action="store_true",
                   help="metadata audit: per field how many reports have it and from which kind of "
                        "evidence, then the reports whose fields are ambiguous or of low confidence "
                        "(the rows to correct in metadata.csv)")
    p.add_argument("--explain", default=None, metavar="FILE",
                   help="show what was removed from FILE and why, its flags, metadata rules and "
                        "outline (FILE is a path, or a file name relative to PATH)")
    p.set_defaults(func=run)


def _flags(row) -> str:
    out = []
    for col in ("truncated", "anonymised", "duplicate_numbering", "no_title"):
        if bool(row[col]):
            if col == "anonymised":
                counts = json.loads(row["anonymised_counts"])
                out.append("anonymised(" + ",".join(f"{k}×{v}" for k, v in counts.items()) + ")")
            else:
                out.append(col)
    if row["typos_fixed"]:
        out.append(f"typos_fixed({row['typos_fixed']})")
    if row["late"] is True:
        out.append("late")
    return " ".join(out)


def table_frame(docs):
    """The rows ``fazhi info`` prints as a table (strings, ``—`` for empty)."""
    import pandas as pd

    rows = []
    for _, d in docs.iterrows():
        rows.append({
            "file": d["file"],
            "report_year": "—" if pd.isna(d["report_year"]) else str(int(d["report_year"])),
            **{c: d[c] or "—" for c in ("publish_date", "town", "district", "city", "province",
                                         "level")},
            "parts": ",".join(json.loads(d["parts"])) or "—",
            "flags": _flags(d) or "—",
        })
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def _explain(target: str, root: Path) -> int:
    from fazhi.ingest import explain_file

    path = Path(target)
    if not path.exists() and not path.is_symlink() and root.is_dir():
        path = root / target
    info = explain_file(path, root if root.is_dir() else None)
    print(f"文件 / file: {info['file']}")
    if info["status"] != "ok":
        print(f"被拒绝 / rejected: {info['reason']}")
        return 2
    print(f"格式 / format: {info['format']}  编码 / encoding: {info['encoding']}  "
          f"字数 / chars: {info['n_chars']}")
    print("\n删除 / removals:")
    for r in info["removals"]:
        shown = r["text"].replace("\n", "⏎")
        shown = shown if len(shown) <= 80 else shown[:77] + "…"
        print(f"  [{r['start']}:{r['end']}] {r['rule']}: {shown}")
    n = info["normalised"]
    print(f"  标点统一 / punctuation normalised: {n['punctuation_chars']} 个字符 / chars; "
          f"删除空白 / whitespace removed: {n['whitespace_chars_removed']} 个字符 / chars; "
          f"合并折行 / wrapped lines joined: {n.get('wrapped_lines_joined', 0)}")
    print("\n标记 / flags:")
    for k, v in info["flags"].items():
        print(f"  {k}: {json.dumps(v, ensure_ascii=False)}")
    print("\n元数据 / metadata (规则, 置信度 / rule, confidence; 证据 / evidence, 落选者 / losers):")
    for k, v in info["meta"].items():
        rule = info["meta_rules"].get(k)
        why = f"  ({rule['rule']}, {rule['confidence']}{', ' + rule['note'] if 'note' in rule else ''})" \
            if rule else ""
        print(f"  {k}: {v if v not in (None, '') else '—'}{why}")
        for c in (rule or {}).get("candidates", [])[:6]:
            if isinstance(c, str):
                print(f"      ? {c}")
            else:
                won = rule.get("written") or v
                mark = "✓" if won not in (None, "") and str(c["value"]).startswith(str(won)) else "✗"
                print(f"      {mark} {c['value']}  {c['rule']} {c['weight']}  «{c['evidence']}»")
    print("\n合规 / compliance:")
    for k, v in info["compliance"].items():
        print(f"  {k}: {json.dumps(v, ensure_ascii=False)}")
    print("\n结构 / outline:")
    for s in info["sections"]:
        indent = "  " * s["level"]
        print(f"{indent}{s['number'] or '·'} [{s['part']}] {s['heading'][:40]}  ({s['start']}-{s['end']})")
    return 0


def format_table(df) -> str:
    """A plain-text table aligned for Chinese (wide) characters: :func:`fazhi.export.format_table`."""
    from fazhi.export import format_table as _format

    return _format(df)


def run(args: argparse.Namespace) -> int:
    from fazhi.config import raw_dir
    from fazhi.ingest import JSON_COLUMNS, MetadataError, ingest

    root = Path(args.path) if args.path else raw_dir()
    if args.explain:
        return _explain(args.explain, root)
    try:
        ing = ingest(root)
    except MetadataError as exc:
        print(f"metadata.csv 错误 / error: {exc}", file=sys.stderr)
        return 2
    docs = ing.docs
    if args.audit:
        return _audit(docs, args.format)
    if args.format == "table":
        if len(docs):
            print(format_table(table_frame(docs)))
    elif args.format == "csv":
        docs.drop(columns=["raw_text", "text", "removals"]).to_csv(sys.stdout, index=False)
    else:
        for _, d in docs.drop(columns=["raw_text", "removals"]).iterrows():
            obj = {}
            for k, v in d.items():
                if k in JSON_COLUMNS:
                    v = json.loads(v)
                elif hasattr(v, "item"):
                    v = v.item()
                if v is not None and not isinstance(v, (list, dict)) and _isna(v):
                    v = None
                obj[k] = v
            print(json.dumps(obj, ensure_ascii=False))
    for r in ing.rejected.itertuples():
        print(f"{r.status}: {r.file}: {r.reason}", file=sys.stderr)
    if len(docs) == 0:
        return 2
    return 1 if len(ing.rejected) else 0


def _audit(docs, fmt: str) -> int:
    from fazhi.audit import metadata_audit, metadata_review

    audit, review = metadata_audit(docs), metadata_review(docs)
    if fmt == "csv":
        audit.to_csv(sys.stdout, index=False)
        print()
        review.to_csv(sys.stdout, index=False)
    elif fmt == "jsonl":
        for table, df in (("audit", audit), ("review", review)):
            for row in df.to_dict(orient="records"):
                print(json.dumps({"table": table, **row}, ensure_ascii=False, default=str))
    else:
        audit = audit.assign(比例=[f"{x:.0%}" for x in audit["比例"]])
        print("元数据核查 / metadata audit")
        print(format_table(audit.astype(str)))
        print(f"\n需要核对的报告 / to check ({len(review)}):")
        if len(review):
            print(format_table(review.astype(str)))
    return 0 if len(docs) else 2


def _isna(v) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False
