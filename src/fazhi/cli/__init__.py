"""The ``fazhi`` command line: a thin layer over the library.

Each stage registers its own sub-commands (``register(subparsers)`` in the modules below);
every command and option has help text (tested).
"""

from __future__ import annotations

import argparse
import sys

from fazhi import __version__
from fazhi.cli import analyses, build, indicators, ingest, notebooks, render, reuse, terms

MODULES = (ingest, build, analyses, indicators, reuse, render, notebooks)
MODULES += (terms,)


def make_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="fazhi",
        description="分析法治政府建设年度报告 / analyse annual rule-of-law government reports.",
    )
    parser.add_argument("--version", action="version", version=f"fazhi {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for mod in MODULES:
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``fazhi`` console script; returns the exit code."""
    from fazhi.extras import MissingExtra, require

    args = make_parser().parse_args(argv)
    try:
        if getattr(args, "scheduler", None):  # before any work: the cluster extra is there
            require("distributed")
        code = args.func(args)
    except MissingExtra as exc:
        print(f"fazhi {args.command}: {exc}", file=sys.stderr)
        return 2
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
