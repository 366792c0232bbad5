"""``fazhi render``: notebooks -> HTML reports."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    p = sub.add_parser("render", help="生成HTML报告 / render the notebooks to HTML",
                       description="Run the parameterised notebooks on the corpus at PATH with "
                                   "papermill and export them to HTML, with an index page.")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder of reports (default: data/raw)")
    p.add_argument("--out", default=None, metavar="DIR", help="output folder (default: reports/)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fazhi.render import render

    index = render(args.path, out=args.out)
    print(index.resolve())
    return 0
