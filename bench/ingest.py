"""Ingestion CPU per file (read -> clean -> meta -> parse), and the gazetteer's load time.

Usage: python bench/ingest.py FOLDER [--repeat R]

Runs ``fazhi.ingest.ingest_file`` over every report file under FOLDER in this one process and
prints the CPU time (user+system, ``time.process_time``) per file, the gazetteer's first load
(from its source files, and from the on-disk cache) and its load in a fresh process. Run it with
two checkouts on the same machine in one sitting (PYTHONPATH=CHECKOUT/src) and compare the ratio.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from fazhi.ingest import ingest_file
    from fazhi.read import find_files

    files = list(find_files(args.folder))
    ingest_file(files[0], args.folder)  # warm: data files, regexes, gazetteer
    best = float("inf")
    for _ in range(args.repeat):
        t = time.process_time()
        for f in files:
            ingest_file(f, args.folder)
        best = min(best, (time.process_time() - t) / len(files))
    print(f"files {len(files)}  ingestion CPU per file (best of {args.repeat}): {best * 1000:.2f} ms")
    try:
        import fazhi.gazetteer as g
    except ImportError:
        return
    fs = g.source_files()
    t = time.perf_counter()
    g._build(fs, g._version(fs))
    build = time.perf_counter() - t
    code = "import time; t=time.perf_counter(); from fazhi.gazetteer import load_gazetteer; " \
           "load_gazetteer(); print(time.perf_counter()-t)"
    fresh = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True, env=os.environ).stdout)
    print(f"gazetteer: build from the package files {build:.3f} s; load in a fresh process "
          f"(on-disk cache) {fresh:.3f} s")


if __name__ == "__main__":
    main()
