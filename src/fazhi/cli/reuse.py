"""``fazhi reuse``: passages shared between reports and each report's reuse share (see fazhi.reuse)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fazhi.cli.analyses import add_output_options, add_renamed_option, write_output

SHEETS = ("复用段落", "复用比例")  # passages, shares
READS = ("docs",)  # the store tables textstat_reuse and textstat_reuse_share read


def register(sub) -> None:
    """Register ``fazhi reuse``."""
    p = sub.add_parser(
        "reuse", help="文本复用（抄袭）检测 / passages copied between reports",
        description="Passages copied between two reports at PATH, through the edits a copier "
                    "makes (punctuation, numbers and place names changed, words inserted, "
                    "sentences reordered): one row per passage and document pair, with its text, "
                    "its offsets in the cleaned text and in the file's text, its similarity, what "
                    "differs (edits), which report is the source (earlier year) and its kind "
                    "(same_unit, other_unit, unknown_unit, template = boilerplate: in many "
                    "reports or made of slogans and set formulas, duplicate = one report listed "
                    "twice). With --shares: each report's reuse share, overall and per kind. "
                    "--format xlsx writes both tables as two sheets (复用段落, 复用比例).")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder of reports or a built store (default: data/raw)")
    p.add_argument("--min-length", type=int, default=20, metavar="N",
                   help="shortest passage reported, in characters without punctuation (the "
                        "length column; default 20)")
    add_renamed_option(p, "--min-chars", "--min-length")
    p.add_argument("--boilerplate-docs", type=int, default=None, metavar="N",
                   help="a passage in at least N reports is boilerplate (default: max(3, 1%% of "
                        "the reports), at most 50)")
    p.add_argument("--no-boilerplate", action="store_true",
                   help="leave boilerplate passages out of the passage table")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="Dask 集群地址 / align the pairs on a dask.distributed cluster, e.g. "
                        "tcp://host:8786 (the same result as locally)")
    p.add_argument("--shares", action="store_true",
                   help="print the per-report reuse share table (doc_id, file, n_chars, "
                        "reused_chars, share, partners, share_<kind> per kind) instead of the "
                        "passages; boilerplate is not counted in share")
    add_output_options(p)
    p.set_defaults(func=run_reuse)


def run_reuse(args: argparse.Namespace) -> int:
    """Run ``fazhi reuse``; returns the exit code."""
    from fazhi.build import open_corpus
    from fazhi.export import export_tables
    from fazhi.reuse import textstat_reuse, textstat_reuse_share, without_boilerplate

    try:  # the documents table alone: reuse reads no outline and no tokens
        corpus = open_corpus(args.path, tables=READS)
    except (FileNotFoundError, NotADirectoryError, ValueError) as exc:
        print(f"fazhi: {exc}", file=sys.stderr)
        return 2
    try:
        passages = textstat_reuse(corpus, min_length=args.min_length,
                                  boilerplate_docs=args.boilerplate_docs, scheduler=args.scheduler)
    except (ValueError, OSError) as exc:  # min_length / boilerplate_docs below 2; no scheduler
        print(f"fazhi: {exc}", file=sys.stderr)
        return 2
    shares = textstat_reuse_share(corpus, passages)
    if args.no_boilerplate:
        passages = without_boilerplate(passages)
    out = Path(args.out) if args.out else None
    if not args.shares and (args.format == "xlsx" or (
            args.format == "table" and out is not None and out.suffix.lower() == ".xlsx")):
        if out is None:
            print("fazhi: --format xlsx needs --out FILE.xlsx", file=sys.stderr)
            return 2
        export_tables({SHEETS[0]: passages, SHEETS[1]: shares}, out)
        print(f"{len(passages)} passages and {len(shares)} shares written to {out}",
              file=sys.stderr)
        return 0
    return write_output(shares if args.shares else passages, args)
