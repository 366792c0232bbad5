"""Benchmark the co-occurrence network: ``textstat_cooccurrence`` on the 10k synthetic store.

Usage: python bench/cooccurrence.py [--store PATH] [--no-write]

One child process under /usr/bin/time -v (wall time, peak RSS of the whole process): it opens the
store (``fazhi.open_corpus``; not part of the analysis), builds the token index every counting
analysis shares (``dfm`` / ``textstat_frequency`` build the same one), then times
``textstat_cooccurrence`` with its defaults (sentences, 100 nodes, 60 edges), again with a
5-token window, and the network drawn and written (``textplot_network``, ``write_network`` to a
GEXF file in a temp folder). Writes the "## Co-occurrence network" section of bench/RESULTS.md
(the other sections are kept). Goal (issue 13): <= 60 s and <= 2 GB on 2 cores at 10k reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_results import write_section  # noqa: E402
from build import STORE_10K, load_average, machine, timed  # noqa: E402

STORE = STORE_10K


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(store: str) -> None:
    import fazhi
    from fazhi.textstat._index import token_index

    out: dict = {}
    t = time.perf_counter()
    corpus = fazhi.open_corpus(store)
    out["load_s"] = time.perf_counter() - t
    out["load_mb"] = _peak_mb()
    out["docs"], out["rows"] = len(corpus.docs), len(corpus.tokens)
    t = time.perf_counter()
    idx = token_index(corpus)
    out["index_s"] = time.perf_counter() - t
    out["index_mb"] = _peak_mb()
    out["tokens"] = int(len(idx.codes))
    t = time.perf_counter()
    edges = fazhi.textstat_cooccurrence(corpus)
    out["sentence_s"] = time.perf_counter() - t
    out["sentence_mb"] = _peak_mb()
    out["units"], out["edges"] = edges.attrs["units"], len(edges)
    out["unplaced"] = edges.attrs["rows_without_lines"]
    out["top"] = [f"{a}–{b}" for a, b in zip(edges["term_a"][:5], edges["term_b"][:5],
                                             strict=True)]
    t = time.perf_counter()
    win = fazhi.textstat_cooccurrence(corpus, window=5)
    out["window_s"] = time.perf_counter() - t
    out["window_mb"] = _peak_mb()
    out["window_units"] = win.attrs["units"]
    t = time.perf_counter()
    fig = fazhi.textplot_network(edges)
    with tempfile.TemporaryDirectory() as tmp:
        fazhi.write_network(edges, Path(tmp) / "net.gexf")
    out["plot_s"] = time.perf_counter() - t
    del fig
    print(json.dumps(out, ensure_ascii=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", default=str(STORE))
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.store)
        return
    before = load_average()
    env = {**os.environ, "MPLBACKEND": "Agg"}
    run = timed([sys.executable, __file__, "--child", "--store", args.store], env=env)
    r = json.loads(run["stdout"].strip().splitlines()[-1])
    after = load_average()
    analysis = r["index_s"] + r["sentence_s"]
    rows = [
        ("open the store (`fazhi.open_corpus`, not timed against the goal)", f"{r['load_s']:.1f} s", ""),
        ("token index (shared with dfm / frequency; built once per corpus)", f"{r['index_s']:.1f} s", ""),
        ("`textstat_cooccurrence(corpus)` (sentences, 100 nodes, 60 edges)", f"{r['sentence_s']:.1f} s", ""),
        ("index + co-occurrence (a fresh session's first call)", f"{analysis:.1f} s",
         f"<= 60 s: {'met' if analysis <= 60 else 'NOT met'}"),
        ("`textstat_cooccurrence(corpus, window=5)`", f"{r['window_s']:.1f} s",
         f"<= 60 s: {'met' if r['window_s'] + r['index_s'] <= 60 else 'NOT met'} (with the index)"),
        ("`textplot_network` + `write_network` (.gexf)", f"{r['plot_s']:.1f} s", ""),
        ("whole process, wall (all of the above, imports included)", f"{run['seconds']:.1f} s", ""),
        ("peak memory (RSS of the whole process)", f"{run['peak_mb']:,.0f} MB",
         f"<= 2 GB: {'met' if run['peak_mb'] <= 2048 else 'NOT met'}"),
        ("peak after opening the store / after the token index", f"{r['load_mb']:,.0f} / "
         f"{r['index_mb']:,.0f} MB", ""),
        ("what co-occurrence adds to the peak (sentences / window=5)",
         f"{r['sentence_mb'] - r['index_mb']:,.0f} / {r['window_mb'] - r['index_mb']:,.0f} MB",
         "the rest is the store and the shared index"),
    ]
    table = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    text = (
        "## Co-occurrence network\n\n"
        f"Measured by `python bench/cooccurrence.py --store {args.store}` on "
        f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; machine: {machine(after)}; "
        f"/proc/loadavg before the run {before} (1/5/15 min; 2 = both cores busy; other "
        f"agents shared the machine). Store: {r['docs']:,} reports, {r['rows']:,} token rows, "
        f"{r['tokens']:,} tokens; {r['units']:,} sentences ({r['unplaced']} token rows whose line "
        f"breaks could not be placed back), {r['window_units']:,} 5-token spans. One process "
        "under /usr/bin/time -v.\n\n"
        "| step | value | goal |\n|---|---:|---|\n" + table + "\n\n"
        f"- Top edges (Jaccard): {', '.join(r['top'])}.\n"
        "- How: the sentences are cut on the shared token index's id array (no re-tokenising): "
        "a new unit after a 。！？； token, at each row start and at each line start placed back "
        "from the report text; the units × nodes incidence (nodes = the 100 most frequent terms) "
        "is a sparse 0/1 matrix per chunk of ~1M tokens, and X\u1d40X gives every pair's count "
        "and, on its diagonal, each node's.\n"
        "- Memory: the 2 GB goal is not met by the whole process, and not because of this "
        "analysis: opening the whole store (documents with `text` and `raw_text`, sections, "
        "tokens) peaks at about 1.8 GB, and the token index that every counting analysis shares "
        "takes it to about 2.5 GB; co-occurrence itself adds a few MB (1M-token chunks; the "
        "report text is read one document at a time; sections without their texts). The first "
        "10k run of this branch, before those three changes, peaked at 3,178 MB.\n")
    print(text)
    if not args.no_write:
        write_section(text)


if __name__ == "__main__":
    main()
