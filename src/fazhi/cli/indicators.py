"""``fazhi indicators``: the numeric facts of every report (see :mod:`fazhi.indicators`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fazhi.cli.analyses import add_output_options, for_readers, write_output


def register(sub) -> None:
    """Register ``fazhi indicators``."""
    p = sub.add_parser(
        "indicators", help="数字指标 / numeric facts (调处矛盾纠纷209件, 调解成功率99%%)",
        description="Numeric facts stated in the reports at PATH: one row per number with its "
                    "category, frame of a short subject, who acted (actor), counted noun (subject), verb, predicate, phrase, kind of number "
                    "(count/amount/measure/rate/growth), status (result/target/baseline), value, "
                    "unit, qualifier (约/近/余/多/以上/左右), sentence and character offsets, plus "
                    "the document's place, year and part. With --summary: facts and totals per "
                    "group and category (rates averaged). With --table: the unit × year table "
                    "(one row per unit and year, one column per category, results only).")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder of reports or a built store (default: data/raw)")
    p.add_argument("--category", action="append", default=None, metavar="NAME",
                   help="keep only this category (repeatable), e.g. disputes, petitions, rates, "
                        "publicity_events; the Chinese label (矛盾纠纷调解) also works")
    p.add_argument("--summary", action="store_true",
                   help="print the per-group summary (n_facts, total per category and unit) "
                        "instead of the facts")
    p.add_argument("--table", action="store_true",
                   help="print the unit × year table (one row per --by unit and report year, one "
                        "column per category with the number of facts behind each cell); with "
                        "--out FILE.xlsx / .dta / .csv it is written with Chinese column labels "
                        "and the long form (every fact and its sentence) beside it")
    p.add_argument("--by", default="town", metavar="FIELD",
                   help="group of --summary and --table: town (default), district, city, "
                        "province, report_year, part, doc_id or file")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="本机进程数 / local worker processes sharing the documents (default 1)")
    add_output_options(p)
    p.set_defaults(func=run_indicators)


def run_indicators(args: argparse.Namespace) -> int:
    """Run ``fazhi indicators``; returns the exit code."""
    from fazhi.build import open_corpus
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
    facts = textstat_indicators(corpus, rules=rules, workers=max(1, args.workers or 1))
    if args.category:
        facts = select_categories(facts, args.category, rules=rules)
    if args.table:
        return _write_table(facts, corpus, rules, args)
    if args.summary:
        try:
            summary = textstat_indicator_summary(facts, by=args.by, rules=rules,
                                                 docs=corpus.docs)
        except KeyError as exc:
            print(f"fazhi: --by {args.by}: {exc.args[0]}", file=sys.stderr)
            return 2
        return write_output(for_readers(summary, args, summary.attrs.get("keys")), args)
    return write_output(facts[FACT_COLUMNS + META_COLUMNS], args)




def _write_table(facts, corpus, rules, args: argparse.Namespace) -> int:
    from fazhi.indicators import export_indicator_table, textstat_indicator_table

    try:
        table = textstat_indicator_table(facts, by=args.by, rules=rules, docs=corpus.docs)
    except KeyError as exc:
        print(f"fazhi: --by {args.by}: {exc.args[0]}", file=sys.stderr)
        return 2
    out = getattr(args, "out", None)
    if out and Path(out).suffix.lower() in (".xlsx", ".dta", ".csv") and args.format in (
            "table", Path(out).suffix.lower().lstrip(".")):
        long = textstat_indicator_table(facts, by=args.by, rules=rules, docs=corpus.docs,
                                        form="long")
        paths = export_indicator_table(table, out, long=long)
        print(f"{len(table)} rows written to {', '.join(str(p) for p in paths)}",
              file=sys.stderr)
        return 0
    return write_output(for_readers(table, args, table.attrs.get("keys")), args)
