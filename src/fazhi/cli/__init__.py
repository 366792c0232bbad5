"""The ``fazhi`` command line: a thin layer over the library.

Each stage registers its own sub-commands (``register(subparsers)`` in the modules below);
every command and option has help text (tested).
"""

from __future__ import annotations

import argparse
import sys

from fazhi import __version__
from fazhi.cli import analyses, build, indicators, ingest, render, reuse

MODULES = (ingest, build, analyses, indicators, reuse, render)


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
    args = make_parser().parse_args(argv)
    code = args.func(args)
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
