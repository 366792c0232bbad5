"""Analysis commands: ``fazhi keywords`` ..."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    p = sub.add_parser("keywords", help="高频词 / most frequent terms",
                       description="Print the most frequent terms of the corpus at PATH.")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder of reports (default: data/raw)")
    p.add_argument("-n", type=int, default=30, help="how many terms (default 30)")
    p.set_defaults(func=run_keywords)


def run_keywords(args: argparse.Namespace) -> int:
    from fazhi.corpus import open_corpus
    from fazhi.textstat import textstat_frequency

    print(textstat_frequency(open_corpus(args.path), n=args.n).to_string(index=False))
    return 0
