"""``fazhi terms``: candidate new terms of a corpus, as a table or as a jieba user dictionary.

``fazhi terms data/raw --out my_lexicon/`` writes ``my_lexicon/userdict.txt``, which
``fazhi build data/raw --lexicon my_lexicon`` takes as it is.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fazhi.cli.analyses import CorpusUnavailable, _add_path, open_for_command, write_output


def register(sub) -> None:
    """Register ``terms``."""
    p = sub.add_parser(
        "terms", help="发现新词 / discover terms the lexicon does not know",
        description="Candidate multi-character terms of the corpus at PATH that the segmenter "
                    "splits: runs of 2-4 tokens ranked by frequency, cohesion (PMI) and boundary "
                    "freedom (left/right branching entropy); lexicon words, slogans, numbers and "
                    "stopword edges left out. --out DIR (or a .txt file) writes them as a jieba "
                    "user dictionary for `fazhi build --lexicon DIR`; other suffixes a table.")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder of reports or a built store (default: data/raw)")
    _add_path(p)
    p.add_argument("--n", "-n", type=int, default=50, dest="n",
                   help="how many candidates (default 50)")
    p.add_argument("--min-count", type=int, default=5, dest="min_count",
                   help="occurrences at least (default 5)")
    p.add_argument("--min-docs", type=int, default=2, dest="min_docs",
                   help="reports at least (default 2)")
    p.add_argument("--format", choices=("table", "csv", "jsonl", "xlsx"), default="table",
                   help="table format on standard output or for --out with a table suffix")
    p.add_argument("--out", "-o", default=None, metavar="FILE",
                   help="a folder or a .txt file: jieba user dictionary (folder/userdict.txt); "
                        ".csv .xlsx .jsonl ...: the table")
    p.set_defaults(func=run_terms)


def _is_userdict(out: str) -> bool:
    p = Path(out)
    return p.is_dir() or not p.suffix or p.suffix == ".txt"


def run_terms(args: argparse.Namespace) -> int:
    from fazhi.textstat.terms import textstat_terms, write_userdict

    try:
        corpus = open_for_command(args.path_opt or args.path)
    except CorpusUnavailable:
        return 2
    df = textstat_terms(corpus, n=args.n, min_count=args.min_count, min_docs=args.min_docs)
    if df.empty:
        print(f"fazhi terms: {df.attrs.get('message', '')}", file=sys.stderr)
    if args.out and _is_userdict(args.out):
        path = write_userdict(df, args.out)
        print(f"{len(df)} terms written to {path} (jieba user dictionary)", file=sys.stderr)
        return 0
    return write_output(df, args)
