"""``fazhi build``: read, segment and store a corpus."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    p = sub.add_parser("build", help="构建语料库 / build the corpus store (Parquet)",
                       description="Read, clean and segment the reports under PATH and write the "
                                   "corpus store under data/processed/.")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder or file of reports (default: data/raw)")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="store directory (default: data/processed/)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fazhi.corpus import build_corpus, default_store

    corpus = build_corpus(args.path, args.out)
    print(f"{len(corpus.docs)} documents, {len(corpus.rejected)} rejected -> "
          f"{args.out or default_store(args.path)}")
    return 0
