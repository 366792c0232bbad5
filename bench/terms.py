"""Benchmark term discovery and collocations on a built store (issue 13: each <= 60 s, <= 2 GB).

Usage: python bench/terms.py [--store bench/out/store-10000] [--no-write]

One process per analysis, measured with /usr/bin/time -v (wall time, peak RSS): it loads the
store (``load_corpus(store, tables=["docs", "tokens"])``), builds the token index (timed apart:
every counting analysis shares it) and runs ``textstat_terms(corpus, n=200)`` or
``textstat_collocations(corpus, size=[2, 3, 4], min_count=5)``. Writes the "## Terms and
collocations" section of bench/RESULTS.md (the other sections are kept).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_results import run_children, write_section  # noqa: E402
from build import STORE_10K, load_average, machine  # noqa: E402

DEFAULT_STORE = STORE_10K


def child(store: str, what: str) -> None:
    from fazhi.corpus import load_corpus
    from fazhi.textstat import textstat_collocations, textstat_terms
    from fazhi.textstat._index import token_index

    t0 = time.perf_counter()
    corpus = load_corpus(store, tables=["docs", "tokens"])
    t1 = time.perf_counter()
    idx = token_index(corpus)
    t2 = time.perf_counter()
    if what == "terms":
        df = textstat_terms(corpus, n=200)
        top = df["term"].head(10).tolist()
    else:
        df = textstat_collocations(corpus, size=[2, 3, 4], min_count=5)
        top = df["collocation"].head(10).tolist()
    t3 = time.perf_counter()
    print(json.dumps({"docs": len(corpus.docs), "tokens": int(len(idx.codes)),
                      "load_s": t1 - t0, "index_s": t2 - t1, "analysis_s": t3 - t2,
                      "rows": len(df), "top": top}, ensure_ascii=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default=str(DEFAULT_STORE))
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--child", choices=("terms", "colloc"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.store, args.child)
        return
    load = load_average()
    rows = run_children(__file__, args.store, (("terms", "textstat_terms(corpus, n=200)"),
                                                ("colloc", "textstat_collocations(corpus, size=[2, 3, 4], min_count=5)")))
    load_after = load_average()
    lines = ["## Terms and collocations", "",
             f"`python bench/terms.py --store {args.store}` — {machine(load)}; load average "
             f"before {load}, after {load_after} (2 cores shared by ~6 agents). One process per "
             f"analysis under /usr/bin/time -v; whole process = load the store's docs + tokens, "
             f"build the shared token index, run the analysis. Goal (issue 13): <= 60 s and <= 2 GB.",
             "", "| analysis | reports | tokens | load s | index s | analysis s | whole process s "
                 "| peak RSS MB | rows | goal |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for label, r, out in rows:
        ok = "met" if out["index_s"] + out["analysis_s"] <= 60 and r["peak_mb"] <= 2048 else "NOT met"
        lines.append(f"| `{label}` | {out['docs']:,} | {out['tokens']:,} | {out['load_s']:.1f} | "
                     f"{out['index_s']:.1f} | {out['analysis_s']:.1f} | {r['seconds']:.1f} | "
                     f"{r['peak_mb']:.0f} | {out['rows']:,} | {ok} |")
    lines += ["", "Top of each (synthetic corpus: shuffled sample paragraphs, so the set phrases of "
                  "the five sample reports dominate):", ""]
    for label, _r, out in rows:
        lines.append(f"- `{label.split('(')[0]}`: {'、'.join(out['top'])}")
    if not args.no_write:
        write_section("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
