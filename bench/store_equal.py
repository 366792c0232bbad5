"""Check that the code of this tree builds the same store as the code of another git revision.

Usage: python bench/store_equal.py [--ref REV] [--synthetic N] [--workers W]

Exports ``src/`` of ``REV`` (default: the merge base of HEAD and ``main``) into a temporary folder,
then builds the same reports with the old and with the current code, each in its own process (its
own ``PYTHONPATH`` and cache folder) into its own store, and compares every table of the two current
builds (docs, sections, tokens, rejected: columns, Arrow types and values), their lexicon.json and
their manifests (apart from build names, times, part names and the code hash, which must differ).
Then it changes the reports (one file edited, one removed, one added) and compares the incremental
rebuilds, which reuse the parts of the unchanged files.

Reports: ``data/raw`` (default), or ``--synthetic N`` reports made by bench/make_corpus.py (with
``--workers 2`` the parallel path runs). Exits 1 when anything differs, printing what.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TABLES = ("docs", "sections", "tokens", "rejected")
# manifest entries that differ between two builds of the same reports by design
VOLATILE = {"build", "built", "seconds", "workers", "key", "json_columns", "files", "reused",
            "segmented", "up_to_date"}

BUILD = """
import json, sys
from fazhi.build import build_store
m = build_store(sys.argv[1], sys.argv[2], workers=int(sys.argv[3]), progress=False)
print(json.dumps({k: m[k] for k in ("n_docs", "n_rejected", "reused", "segmented")}))
"""


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                          check=True).stdout.strip()


def export_src(ref: str, dest: Path) -> Path:
    """``src/`` of the revision ``ref`` under ``dest``; returns the folder to put on PYTHONPATH."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src"], capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest / "src"


def build(code: Path, reports: Path, store: Path, cache: Path, workers: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code), "FAZHI_CACHE_DIR": str(cache),
           "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run([sys.executable, "-c", BUILD, str(reports), str(store), str(workers)],
                         env=env, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"build with {code} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def current_build(store: Path) -> Path:
    return store / "builds" / (store / "CURRENT").read_text(encoding="utf-8").strip()


def compare(a: Path, b: Path) -> list[str]:
    """Differences between the current builds of the stores ``a`` (old code) and ``b`` (new)."""
    import pandas as pd
    import pyarrow.parquet as pq

    da, db = current_build(a), current_build(b)
    problems = []
    for name in TABLES:
        ta, tb = pq.read_table(da / f"{name}.parquet"), pq.read_table(db / f"{name}.parquet")
        if ta.schema.remove_metadata() != tb.schema.remove_metadata():
            problems.append(f"{name}: schemas differ:\n{ta.schema}\n--\n{tb.schema}")
            continue
        try:
            pd.testing.assert_frame_equal(ta.to_pandas(), tb.to_pandas(), check_exact=True)
        except AssertionError as exc:
            problems.append(f"{name}: {exc}")
        else:
            print(f"  {name}: {ta.num_rows} rows x {ta.num_columns} columns equal")
    # the lexicon's sources are the paths of its files, in either code tree: compare their names
    la, lb = ({**lex, "sources": [Path(s).name for s in lex["sources"]]}
              for lex in (json.loads((d / "lexicon.json").read_text(encoding="utf-8"))
                          for d in (da, db)))
    if la != lb:
        problems.append(f"lexicon.json differs: {sorted(k for k in la if la[k] != lb.get(k))}")
    ma, mb = (json.loads((d / "manifest.json").read_text(encoding="utf-8")) for d in (da, db))
    keep = lambda m: {k: v for k, v in m.items() if k not in VOLATILE}  # noqa: E731
    if keep(ma) != keep(mb):
        problems.append(f"manifests differ: {keep(ma)} != {keep(mb)}")
    files = lambda m: {f: (i["hash"], i["text_hash"]) for f, i in m["files"].items()}  # noqa: E731
    if files(ma) != files(mb):
        problems.append("manifest files differ")
    key = lambda m: {k: v for k, v in m["key"].items() if k != "code"}  # noqa: E731
    if key(ma) != key(mb):
        problems.append(f"store keys differ beyond the code hash: {key(ma)} != {key(mb)}")
    return problems


def change(reports: Path) -> None:
    """Edit one report, remove another, add a copy of a third under a new name."""
    files = sorted(p for p in reports.rglob("*.txt"))
    edited, removed, copied = files[0], files[1], files[-1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n四、下一步工作计划\n持续深化法治宣传教育。\n",
                      encoding="utf-8")
    removed.unlink()
    shutil.copy(copied, copied.with_name("copy-" + copied.name))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default=None, help="old revision (default: merge base of HEAD and main)")
    ap.add_argument("--synthetic", type=int, default=0, metavar="N",
                    help="N synthetic reports (bench/make_corpus.py) instead of data/raw")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    ref = args.ref or git("merge-base", "HEAD", "main")
    with tempfile.TemporaryDirectory(prefix="store-equal-") as tmp:
        tmp = Path(tmp)
        old = export_src(ref, tmp)
        new = ROOT / "src"
        reports = tmp / "reports"
        if args.synthetic:
            sys.path.insert(0, str(HERE))
            sys.path.insert(0, str(new))
            from make_corpus import make_corpus

            make_corpus(args.synthetic, reports)
        else:
            shutil.copytree(ROOT / "data" / "raw", reports)
        print(f"old code: {ref[:12]} ({git('log', '-1', '--format=%s', ref)[:60]})")
        print(f"new code: {new} ({git('rev-parse', '--short', 'HEAD')} + working tree)")
        problems = []
        for step in ("fresh build", "incremental build"):
            if step == "incremental build":
                change(reports)
            sa = build(old, reports, tmp / "store-old", tmp / "cache-old", args.workers)
            sb = build(new, reports, tmp / "store-new", tmp / "cache-new", args.workers)
            print(f"{step}: old {sa}, new {sb}")
            if sa != sb:
                problems.append(f"{step}: build summaries differ")
            problems += [f"{step}: {p}" for p in compare(tmp / "store-old", tmp / "store-new")]
    for p in problems:
        print("DIFFERENT:", p)
    print("stores equal" if not problems else f"{len(problems)} difference(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
