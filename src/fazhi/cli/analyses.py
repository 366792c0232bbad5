"""Analysis commands: ``fazhi keywords``, ``fazhi trend``, ``fazhi kwic``.

Also the shared output options of every table-producing command (``add_output_options`` and
``write_output``), imported by the reuse and indicators commands.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUTPUT_FORMATS = ("table", "csv", "jsonl", "xlsx")


def add_output_options(parser: argparse.ArgumentParser, *, default: str = "table") -> None:
    """Add ``--format table|csv|jsonl|xlsx`` and ``--out FILE`` to ``parser``."""
    parser.add_argument("--format", choices=OUTPUT_FORMATS, default=default, dest="format",
                        help=f"output format (default {default}): table = aligned text, csv "
                             "(UTF-8, with a BOM in files so Excel reads Chinese), jsonl (one JSON "
                             "object a line), xlsx (needs --out)")
    parser.add_argument("--out", "-o", default=None, metavar="FILE",
                        help="write to FILE instead of standard output; with --format table the "
                             "format comes from the suffix (.csv .xlsx .jsonl .dta .parquet)")


def for_readers(df, args: argparse.Namespace, keys):
    """A grouped table as written: unknown groups (columns ``keys``) labelled （不明）, never an
    empty cell, in the text table, csv, xlsx and dta; jsonl and parquet keep them missing (null)."""
    from fazhi.export import label_groups

    out = getattr(args, "out", None)
    fmt = getattr(args, "format", "table") or "table"
    fmt = str(fmt if fmt != "table" or not out else Path(out).suffix.lstrip(".")).lower()
    if fmt in ("jsonl", "json", "parquet"):
        return df
    return label_groups(df, keys, numbers=fmt != "dta")


def write_output(df, args: argparse.Namespace, *, stream=None) -> int:
    """Write ``df`` as chosen by ``--format``/``--out`` (:func:`fazhi.export.export_table` to a
    file, :func:`fazhi.export.write_table` to standard output); returns an exit code: 2 and a
    message for xlsx without ``--out`` or a file name whose format is unknown."""
    from fazhi.export import export_table, write_table

    fmt = getattr(args, "format", "table") or "table"
    out = getattr(args, "out", None)
    if out:
        path = Path(out)
        try:
            export_table(df, path, format=None if fmt == "table" else fmt)
        except ValueError as exc:
            print(f"fazhi: {exc}", file=sys.stderr)
            return 2
        print(f"{len(df)} rows written to {path}", file=sys.stderr)
        return 0
    if fmt == "xlsx":
        print("fazhi: --format xlsx needs --out FILE.xlsx", file=sys.stderr)
        return 2
    write_table(df, stream or sys.stdout, format=fmt)
    return 0


class _RenamedOption(argparse.Action):
    """An option's old name: works as the new one for one release, with a notice on stderr."""

    def __init__(self, option_strings, dest, new: str, **kwargs):
        self.new = new
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"fazhi: {option_string} is deprecated, use {self.new} / 选项 {option_string} "
              f"已更名为 {self.new}", file=sys.stderr)
        setattr(namespace, self.dest, self.const if self.nargs == 0 else values)


def add_renamed_option(parser: argparse.ArgumentParser, old: str, new: str, *,
                       flag: bool = False, **kwargs) -> None:
    """Keep the option ``old`` as a deprecated alias of ``new`` (same ``dest``); ``flag``: an
    option without value (``store_true``)."""
    action = next(a for a in parser._actions if new in a.option_strings)
    extra = {"nargs": 0, "const": True} if flag else {"metavar": action.metavar,
                                                      "type": action.type}
    parser.add_argument(old, dest=action.dest, action=_RenamedOption, new=new,
                        default=argparse.SUPPRESS, help=f"旧名，同 {new}（下一版删除） / "
                                                        f"deprecated: use {new}", **extra, **kwargs)


def _add_path(p: argparse.ArgumentParser) -> None:
    p.add_argument("--path", dest="path_opt", default=None, metavar="PATH",
                   help="folder of reports or a built store (same as the positional PATH)")


def register(sub) -> None:
    """Register ``keywords``, ``trend`` and ``kwic``."""
    p = sub.add_parser(
        "keywords", help="关键词与高频词 / keywords and frequent terms",
        description="Keywords of the corpus at PATH: term frequencies, TF-IDF (IDF from this corpus) "
                    "or TextRank, overall or per document/group. Stopwords and boilerplate are removed.")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder of reports or a built store (default: data/raw)")
    _add_path(p)
    p.add_argument("-n", type=int, default=None,
                   help="how many terms (per group with --by; default 30 overall, 10 per group)")
    p.add_argument("--by", default=None, metavar="FIELD",
                   help="group by a document field (doc_id, file, report_year, province, city, "
                        "district, town, level ...) or part; default: whole corpus for frequency, "
                        "doc_id for tfidf/textrank")
    p.add_argument("--method", choices=("frequency", "tfidf", "textrank"), default="frequency",
                   help="frequency = counts and rate per 10k tokens (default); tfidf; textrank")
    add_output_options(p)
    p.set_defaults(func=run_keywords)

    p = sub.add_parser(
        "trend", help="词语趋势 / term counts and rates by year",
        description="Counts and rates per 10k tokens of TERM... by year (or --by FIELD), with the number "
                    "of documents behind each point. The last positional is taken as PATH when it is "
                    "an existing folder.")
    p.add_argument("terms", nargs="+", metavar="TERM",
                   help="terms to count (e.g. 习近平法治思想 “八五”普法); optionally followed by PATH")
    _add_path(p)
    p.add_argument("--by", default="report_year", metavar="FIELD",
                   help="document field or part to group by (default report_year)")
    add_output_options(p)
    p.set_defaults(func=run_trend)

    p = sub.add_parser(
        "kwic", help="关键词上下文 / keyword in context",
        description="Every occurrence of TERM in the cleaned texts, with WINDOW characters of context "
                    "on each side, the document and the part of the report.")
    p.add_argument("term", metavar="TERM", help="the term to find (taken literally, not a regex)")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder of reports or a built store (default: data/raw)")
    _add_path(p)
    p.add_argument("--window", type=int, default=20,
                   help="characters of context on each side (default 20)")
    add_output_options(p)
    p.set_defaults(func=run_kwic)


class CorpusUnavailable(Exception):
    """The corpus of a command cannot be opened; the message was printed, exit code 2."""


def open_for_command(path):
    """``open_corpus(path)`` for a command: the store's own lexicon and segmenter (a store built
    with ``fazhi build --lexicon DIR`` is reused as it is); a missing path or lexicon folder prints
    a message and raises :class:`CorpusUnavailable`."""
    from fazhi.build import open_corpus
    from fazhi.lexicon import LexiconError

    try:
        return open_corpus(path)
    except (FileNotFoundError, NotADirectoryError, LexiconError) as exc:
        print(f"fazhi: {exc}", file=sys.stderr)
        raise CorpusUnavailable(str(exc)) from None


def run_keywords(args: argparse.Namespace) -> int:
    from fazhi.textstat import textstat_frequency, textstat_keywords

    try:
        corpus = open_for_command(args.path_opt or args.path)
    except CorpusUnavailable:
        return 2
    if args.method == "frequency":
        n = args.n if args.n is not None else (30 if args.by is None else 10)
        df = textstat_frequency(corpus, by=args.by, n=n)
    else:
        n = args.n if args.n is not None else 10
        df = textstat_keywords(corpus, by=args.by or "doc_id", method=args.method, n=n)
    return write_output(for_readers(df, args, [args.by] if args.by else []), args)


def run_trend(args: argparse.Namespace) -> int:
    from fazhi.textstat import textstat_trend

    terms, path = list(args.terms), args.path_opt
    if path is None and len(terms) > 1 and Path(terms[-1]).is_dir():
        path = terms.pop()
    try:
        corpus = open_for_command(path)
    except CorpusUnavailable:
        return 2
    df = textstat_trend(corpus, terms, by=args.by)
    return write_output(for_readers(df, args, [args.by] if args.by else []), args)


def run_kwic(args: argparse.Namespace) -> int:
    from fazhi.textstat import kwic

    try:
        corpus = open_for_command(args.path_opt or args.path)
    except CorpusUnavailable:
        return 2
    return write_output(kwic(corpus, args.term, window=args.window), args)
