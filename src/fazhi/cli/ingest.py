"""``fazhi info``: what was read, cleaned, inferred and parsed."""

from __future__ import annotations

import argparse
import sys


def register(sub) -> None:
    p = sub.add_parser("info", help="列出报告及其元数据 / list the reports with their metadata",
                       description="Read PATH and print one row per report with its metadata.")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder or file of reports (default: data/raw)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fazhi.corpus import read_corpus

    corpus = read_corpus(args.path)
    cols = ["file", "report_year", "town", "district", "city", "province", "level"]
    print(corpus.docs[cols].to_string(index=False))
    for r in corpus.rejected.itertuples():
        print(f"{r.status}: {r.file}: {r.reason}", file=sys.stderr)
    if len(corpus.docs) == 0:
        return 2
    return 1 if len(corpus.rejected) else 0
