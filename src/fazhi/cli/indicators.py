"""``fazhi indicators``: the numeric facts of every report (see :mod:`fazhi.indicators`)."""

from __future__ import annotations

import argparse
import sys

from fazhi.cli.analyses import add_output_options, write_output


def register(sub) -> None:
    """Register ``fazhi indicators``."""
    p = sub.add_parser(
        "indicators", help="数字指标 / numeric facts (调处矛盾纠纷209件, 调解成功率99%%)",
        description="Numeric facts stated in the reports at PATH: one row per number with its "
                    "category, subject phrase, value, unit, qualifier (多/余/约/近/超过/达/以上), "
                    "sentence and character offsets, plus the document's place, year and part. "
                    "With --summary: facts and totals per group and category (rates averaged).")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder of reports or a built store (default: data/raw)")
    p.add_argument("--category", action="append", default=None, metavar="NAME",
                   help="keep only this category (repeatable), e.g. disputes, petitions, rates, "
                        "publicity_events; the Chinese label (矛盾纠纷调解) also works")
    p.add_argument("--summary", action="store_true",
                   help="print the per-group summary (n_facts, total per category and unit) "
                        "instead of the facts")
    p.add_argument("--by", default="town", metavar="FIELD",
                   help="group of --summary: town (default), district, city, province, "
                        "report_year, part, doc_id or file")
    add_output_options(p)
    p.set_defaults(func=run_indicators)


def run_indicators(args: argparse.Namespace) -> int:
    """Run ``fazhi indicators``; returns the exit code."""
    from fazhi.corpus import open_corpus
    from fazhi.indicators import (
        FACT_COLUMNS,
        META_COLUMNS,
        indicator_categories,
        load_indicator_rules,
        select_categories,
        textstat_indicator_summary,
        textstat_indicators,
    )

    rules = load_indicator_rules()
    if args.category:  # an unknown name stops before the corpus is opened
        try:
            indicator_categories(args.category, rules=rules)
        except ValueError as exc:
            print(f"fazhi: {exc}", file=sys.stderr)
            return 2
    try:
        corpus = open_corpus(args.path)
    except (FileNotFoundError, NotADirectoryError, ValueError) as exc:
        print(f"fazhi: {exc}", file=sys.stderr)
        return 2
    facts = textstat_indicators(corpus, rules=rules)
    if args.category:
        facts = select_categories(facts, args.category, rules=rules)
    if args.summary:
        try:
            summary = textstat_indicator_summary(facts, by=args.by, rules=rules,
                                                 docs=corpus.docs)
        except KeyError as exc:
            print(f"fazhi: --by {args.by}: {exc.args[0]}", file=sys.stderr)
            return 2
        return write_output(summary, args)
    return write_output(facts[FACT_COLUMNS + META_COLUMNS], args)

