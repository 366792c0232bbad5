"""``fazhi notebooks DIR``: copy the package's notebooks into DIR for editing."""

from __future__ import annotations

import argparse
import sys

_SAID = {"written": "写入 / wrote", "unchanged": "未变 / unchanged",
         "overwritten": "覆盖 / overwrote", "kept": "保留 / kept (edited; --force overwrites)"}


def register(sub) -> None:
    p = sub.add_parser(
        "notebooks", help="复制笔记本以便编辑 / copy the notebooks for editing",
        description="Copy the parameterised notebooks shipped in the package into DIR (created "
                    "if missing), to edit them in JupyterLab (pip install 'fazhi[lab]'; jupyter "
                    "lab DIR) and render them with fazhi render PATH --notebooks-dir DIR. A file "
                    "already in DIR that differs from the package's (an edited copy) is kept "
                    "unless --force; a missing one is copied back. Prints one line per "
                    "notebook; the exit code is 1 when an edited copy was kept. "
                    "例: fazhi notebooks ~/我的笔记本")
    p.add_argument("dir", metavar="DIR", help="folder to copy the notebooks into")
    p.add_argument("--force", action="store_true",
                   help="overwrite edited copies with the package's notebooks")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fazhi.render.notebooks import copy_notebooks

    try:
        done = copy_notebooks(args.dir, force=args.force)
    except OSError as exc:
        print(f"fazhi notebooks: {exc}", file=sys.stderr)
        return 2
    for path, status in done:
        print(f"{_SAID[status]} {path}")
    print(f"渲染 / render: fazhi render PATH --notebooks-dir {args.dir}")
    return 1 if any(status == "kept" for _, status in done) else 0
