"""bench/RESULTS.md: each benchmark owns one "## …" section and replaces it, keeping the others.

>>> write_section("## Build\\n\\n| … |\\n")                 # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(text: str, results: Path = RESULTS) -> None:
    """Replace the section whose heading is the first line of ``text`` (or append it); the file is
    re-read right before writing and replaced atomically."""
    heading = text.split("\n", 1)[0]
    old = results.read_text(encoding="utf-8") if results.is_file() else "# Benchmark results\n\n"
    pat = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    new = pat.sub(lambda _: text.rstrip("\n") + "\n\n", old) if pat.search(old) else \
        old.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n"
    tmp = results.with_name(f".{results.name}.{os.getpid()}.tmp")
    tmp.write_text(new.rstrip("\n") + "\n", encoding="utf-8")
    os.replace(tmp, results)


def run_children(script: str, store: str, analyses) -> list[tuple[str, dict, dict]]:
    """Run ``script --store STORE --child WHAT`` once per ``(what, label)`` of ``analyses``, each in
    its own process under /usr/bin/time -v (``build.timed``); the child prints one JSON line last.
    Returns ``(label, timing, child's JSON)`` per analysis and prints one line each as it goes."""
    import json
    import sys

    from build import timed

    rows = []
    for what, label in analyses:
        r = timed([sys.executable, script, "--store", store, "--child", what])
        out = json.loads(r["stdout"].strip().splitlines()[-1])
        rows.append((label, r, out))
        print(label, f"{r['seconds']:.1f} s", f"{r['peak_mb']:.0f} MB", out, flush=True)
    return rows
