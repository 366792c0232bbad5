"""``fazhi build``: read, segment and store a corpus; ``fazhi tokenize``: check a sentence."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fazhi.cli.analyses import add_renamed_option


def _lexicon_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backend", choices=("rjieba", "jieba"), default="rjieba",
                   help="分词后端 / segmentation backend: rjieba (fast, default) or jieba (reference)")
    p.add_argument("--lexicon", default=None, metavar="DIR",
                   help="用户词库文件夹 / folder of user lexicon files (userdict.txt, stopwords.txt, "
                        "boilerplate.txt, aliases.tsv, units.txt) added to the package lexicon")


def register(sub) -> None:
    p = sub.add_parser("build", help="构建语料库 / build the corpus store (Parquet)",
                       description="Read, clean and segment the reports under PATH and write the "
                                   "corpus store (Parquet) under data/processed/. Unchanged files "
                                   "are reused from the previous build.")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder or file of reports (default: data/raw)")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="store directory (default: data/processed/)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="本机进程数 / local worker processes (default: all cores; 1 = serial)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="Dask 集群地址 / run on a dask.distributed cluster, e.g. tcp://host:8786 "
                        "(workers must see PATH and --out)")
    _lexicon_options(p)
    p.add_argument("--no-progress", action="store_true",
                   help="不显示进度条 / no progress bar (it is shown only on a terminal anyway)")
    p.set_defaults(func=run)

    t = sub.add_parser("tokenize", help="分词 / print the tokens of a text, separated by spaces",
                       description="Segment TEXT (or the file F) with the lexicon and print the "
                                   "tokens separated by spaces, one line per input line.")
    t.add_argument("text", nargs="?", default=None, metavar="TEXT", help="text to segment")
    t.add_argument("--file", default=None, metavar="F", help="read the text from file F (UTF-8)")
    t.add_argument("--drop-stopwords", action="store_true",
                   help="去除停用词 / drop stopwords (function words)")
    t.add_argument("--drop-boilerplate", action="store_true",
                   help="去除套话 / drop report boilerplate (进一步, 切实, 加强 ...)")
    add_renamed_option(t, "--no-stopwords", "--drop-stopwords", flag=True)
    add_renamed_option(t, "--no-boilerplate", "--drop-boilerplate", flag=True)
    t.add_argument("--anonymised", action="store_true",
                   help="应用匿名文本别名 / also apply the aliases of anonymised texts (A法治思想 ...)")
    _lexicon_options(t)
    t.set_defaults(func=run_tokenize)


def run(args: argparse.Namespace) -> int:
    from fazhi.build import build_store
    from fazhi.lexicon import LexiconError
    from fazhi.store import default_store

    out = Path(args.out) if args.out else default_store(args.path)
    try:
        m = build_store(args.path, out, workers=args.workers, scheduler=args.scheduler,
                        backend=args.backend, lexicon=args.lexicon,
                        progress=False if args.no_progress else None)
    except (LexiconError, FileNotFoundError) as exc:
        print(f"fazhi build: {exc}", file=sys.stderr)
        return 2
    print(f"{m['n_docs']} 篇文档 / documents, {m['n_rejected']} 未收录 / rejected; "
          f"复用 {m['reused']} 个文件 / reused {m['reused']} files, "
          f"分词 {m['segmented']} 个 / segmented {m['segmented']}; "
          f"{m['seconds']:.1f} s -> {out}"
          + ("（已是最新 / already up to date）" if m.get("up_to_date") else ""))
    return 0


def run_tokenize(args: argparse.Namespace) -> int:
    from fazhi.lexicon import LexiconError
    from fazhi.tokens import Tokenizer

    if (args.text is None) == (args.file is None):
        print("fazhi tokenize: 请给出 TEXT 或 --file F / give TEXT or --file F", file=sys.stderr)
        return 2
    text = args.text if args.file is None else Path(args.file).read_text(encoding="utf-8-sig")
    try:
        tk = Tokenizer(args.lexicon, backend=args.backend)
    except LexiconError as exc:
        print(f"fazhi tokenize: {exc}", file=sys.stderr)
        return 2
    for line in text.splitlines() or [""]:
        toks = tk.filter(tk.cut(line, anonymised=args.anonymised),
                         drop_stopwords=args.drop_stopwords,
                         drop_boilerplate=args.drop_boilerplate)
        print(" ".join(toks))
    return 0
