"""Benchmark the accountability analyses on a built store (issue 14: each <= 60 s, <= 2 GB).

Usage: python bench/accountability.py [--store bench/out/store-10000] [--no-write]

One process per analysis, measured with /usr/bin/time -v (wall time, peak RSS): it loads the
store's documents and sections (``load_corpus(store, tables=["docs", "sections"])``; the
documents alone for the compliance table; no tokens: none of these analyses needs them) and runs ``textstat_problems(corpus)``,
``textstat_problem_shares(corpus, by=["report_year", "province"])`` (which classes the problems
parts itself) or ``textstat_compliance(corpus, by=("level", "province"))`` (which extracts the
numeric facts with ``textstat_indicators`` and counts the slogan characters itself). Writes the
"## Accountability (issue 14)" section at the end of bench/RESULTS.md (the others are kept).
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
ANALYSES = {
    "problems": "textstat_problems(corpus)",
    "shares": 'textstat_problem_shares(corpus, by=["report_year", "province"])',
    "compliance": 'textstat_compliance(corpus, by=("level", "province"))',
}


def child(store: str, what: str) -> None:
    from fazhi import textstat_compliance, textstat_problem_shares, textstat_problems
    from fazhi.corpus import load_corpus

    t0 = time.perf_counter()
    corpus = load_corpus(store, tables=["docs"] if what == "compliance" else ["docs", "sections"])
    t1 = time.perf_counter()
    if what == "problems":
        df = textstat_problems(corpus)
        note = {"units": int((df["unit_no"] > 0).sum()),
                "other": float((df["category"] == "other").sum() / max((df["unit_no"] > 0).sum(), 1)),
                "no_part": int((df["category"] == "no_part").sum()),
                "none_admitted": int((df["category"] == "none_admitted").sum())}
    elif what == "shares":
        df = textstat_problem_shares(corpus, by=["report_year", "province"])
        note = {"groups": int(len(df) // df["category"].nunique())}
    else:
        df = textstat_compliance(corpus, by=("level", "province"))
        note = {"groups": len(df)}
    t2 = time.perf_counter()
    print(json.dumps({"docs": len(corpus.docs), "load_s": t1 - t0, "analysis_s": t2 - t1,
                      "rows": len(df), **note}, ensure_ascii=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default=str(DEFAULT_STORE))
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--child", choices=tuple(ANALYSES), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.store, args.child)
        return
    load = load_average()
    rows = run_children(__file__, args.store, ANALYSES.items())
    load_after = load_average()
    lines = ["## Accountability (issue 14)", "",
             f"`python bench/accountability.py --store {args.store}` — {machine(load_after)}; "
             f"load average (1/5/15 min) before {load}, after {load_after} (2 cores shared by ~6 "
             f"agents). One process per analysis under /usr/bin/time -v; whole process = load the "
             f"store's documents (and sections for the problems), run the analysis. Goal (issue 14): <= 60 s and "
             f"<= 2 GB.", "",
             "| analysis | reports | load s | analysis s | whole process s | CPU s (user+sys) "
             "| peak RSS MB | rows | goal |", "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for label, r, out in rows:
        ok = "met" if r["seconds"] <= 60 and r["peak_mb"] <= 2048 else \
            ("met (analysis)" if out["analysis_s"] <= 60 and r["peak_mb"] <= 2048 else "NOT met")
        lines.append(f"| `{label}` | {out['docs']:,} | {out['load_s']:.1f} | "
                     f"{out['analysis_s']:.1f} | {r['seconds']:.1f} | {r['cpu_s']:.1f} | "
                     f"{r['peak_mb']:.0f} | "
                     f"{out['rows']:,} | {ok} |")
    p = rows[0][2]
    lines += ["", f"Problems parts of the synthetic corpus (shuffled sample paragraphs): "
                  f"{p['units']:,} units, {100 * p['other']:.1f}% 未归类; {p['no_part']:,} reports "
                  f"without a problems part, {p['none_admitted']:,} whose part lists nothing."]
    if not args.no_write:
        write_section("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
