"""Benchmark of the map of the units (textstat_scale + textplot_map) on a built store.

Run once, under /usr/bin/time -v, on 2 cores:

    PYTHONPATH=src /usr/bin/time -v .venv/bin/python bench/scale.py bench/out/store-10000

Writes the "## Map of the units (textstat_scale)" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_results import write_section  # noqa: E402

HEADING = "## Map of the units (textstat_scale)"


def _rss() -> float:
    """Peak resident memory of this process so far, MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--tables", default="", help="read only these tables (docs,tokens); "
                    "default: open_corpus, everything")
    args = ap.parse_args()
    load = open("/proc/loadavg").read().split()[:3]
    import matplotlib

    matplotlib.use("Agg")
    import fazhi

    rows: list[tuple[str, float, str]] = []
    t0 = time.perf_counter()
    if args.tables:
        corpus = fazhi.load_corpus(args.store, tables=args.tables.split(","))
    else:
        corpus = fazhi.open_corpus(args.store)
    rows.append((f"load_corpus(tables={args.tables})" if args.tables else "open_corpus", time.perf_counter() - t0,
                 f"{len(corpus.docs):,} reports; peak RSS so far {_rss():,.0f} MB"))
    t = time.perf_counter()
    d = fazhi.dfm(corpus)
    shape = d.shape
    rows.append(("dfm (token index, first use)", time.perf_counter() - t,
                 f"{shape[0]:,} × {shape[1]:,}; peak RSS so far {_rss():,.0f} MB"))
    for by, method in [("district", "ca"), ("town", "ca"), ("town", "mds")]:
        t = time.perf_counter()
        pts = fazhi.textstat_scale(d, by=by, method=method)
        dt = time.perf_counter() - t
        ex = pts.attrs.get("explained", [0, 0])
        rows.append((f"textstat_scale(by={by!r}, method={method!r})", dt,
                     f"{pts.attrs.get('n_units', 0):,} units × {pts.attrs.get('n_terms', 0)} "
                     f"terms; dim1 {100 * ex[0]:.1f}%, dim2 {100 * ex[1]:.1f}%; "
                     f"peak RSS so far {_rss():,.0f} MB"))
        if by == "town" and method == "ca":
            t = time.perf_counter()
            fig = fazhi.textplot_map(pts, n_labels=30)
            fig.savefig(os.devnull, format="png", dpi=100)
            rows.append(("textplot_map (town, drawn to PNG)", time.perf_counter() - t, ""))
    total = time.perf_counter() - t0
    rss = _rss()
    lines = [HEADING, "",
             f"Store {args.store} ({len(corpus.docs):,} reports); one run; load average before "
             f"{' '.join(load)} (2 cores shared by ~6 agents). Defaults: n_terms=60, min_count=3, "
             "terms: the n_terms with the largest χ² contribution among the 3 × n_terms most frequent. CA: numpy SVD of the standardised residuals (written from "
             "the textbook formulas; prince not installed, not needed). MDS: classical MDS of the "
             "TF-IDF cosine (ARPACK svds on the implicitly centred sparse TF-IDF matrix).", "",
             "| step | seconds | what |", "|---|---:|---|"]
    lines += [f"| {name} | {sec:.2f} | {what} |" for name, sec, what in rows]
    lines += [f"| whole run (load + dfm + 3 maps + 1 figure) | {total:.2f} | |", "",
              f"Peak RSS (getrusage): {rss:,.0f} MB. Goal per map ≤ 60 s, ≤ 2 GB."]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        write_section(text)


if __name__ == "__main__":
    main()
