"""Benchmark ``fazhi render`` against the naive papermill + nbconvert CLI loop; per-page cost at scale.

Usage: python bench/render.py [--repeat 3] [--workers 2] [--synthetic 1000] [--districts 8]
                              [--no-write]

1. Sample corpus (data/raw, built once into bench/out/render-store), every notebook and a dossier
   per province (the pages of ``fazhi render --by province``):
   - naive: what a user would script — for each notebook and region, ``papermill IN OUT -p ...``
     then ``jupyter nbconvert --to html --no-input OUT`` (separate CLI processes, same parameters);
   - fazhi: ``fazhi render STORE --out DIR --workers W`` into an empty folder (first run), then the
     same command again with nothing changed (re-run).
   Every command runs under /usr/bin/time -v; medians of ``--repeat`` runs.
2. Synthetic corpus (bench/make_corpus.py N, shared with bench/build.py under bench/out/), rendered
   by district: the corpus-wide notebooks plus the dossiers of ``--districts`` districts (all
   districts would take hours on 2 cores; the time per page is what scales), time per page.

Writes only the "## Render" section of bench/RESULTS.md (re-read just before writing; the other
sections are kept).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_results import write_section  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
RESULTS = HERE / "RESULTS.md"
BIN = Path(sys.executable).parent
FAZHI = str(BIN / "fazhi")
sys.path.insert(0, str(HERE))


def timed(cmd: list[str], env: dict, check: bool = True) -> dict:
    """Run ``cmd`` under /usr/bin/time -v: wall seconds, peak RSS (MB), exit code, output."""
    t0 = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    if check and proc.returncode:
        raise RuntimeError(f"{cmd} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    return {"seconds": wall, "peak_mb": int(m.group(1)) / 1024 if m else float("nan"),
            "code": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr}


def sample_pages(store: Path) -> list[tuple[Path, dict, str]]:
    """(notebook, parameters, name) of every page ``fazhi render --by province`` makes."""
    from fazhi.corpus import load_corpus
    from fazhi.render import find_notebooks, is_per_region

    docs = load_corpus(store).docs
    provinces = sorted({p for p in docs["province"].fillna("").astype(str).str.strip() if p})
    pages = []
    for nb in find_notebooks():
        if is_per_region(nb):
            for prov in provinces:
                pages.append((nb, {"corpus_path": str(store), "level": "province",
                                   "region": prov}, f"{nb.stem}-{prov}"))
        else:
            pages.append((nb, {"corpus_path": str(store)}, nb.stem))
    return pages


def naive(pages, out: Path, env: dict) -> dict:
    """The loop a user would write: papermill CLI then nbconvert CLI, per notebook and region."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    t0 = time.perf_counter()
    pm_s, nbc_s, failed = [], [], 0
    for nb, params, name in pages:
        executed = out / f"{name}.ipynb"
        cmd = [str(BIN / "papermill"), str(nb), str(executed), "--cwd", str(nb.parent)]
        for k, v in params.items():
            cmd += ["-p", k, v]
        r = timed(cmd, env, check=False)
        pm_s.append(r["seconds"])
        if r["code"]:
            failed += 1
        r = timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input",
                   str(executed)], env, check=False)
        nbc_s.append(r["seconds"])
    return {"seconds": time.perf_counter() - t0, "papermill_s": statistics.median(pm_s),
            "nbconvert_s": statistics.median(nbc_s), "failed": failed, "pages": len(pages)}


def summary_of(stdout: str) -> str:
    lines = [ln for ln in stdout.strip().splitlines() if "pages" in ln]
    return lines[-1] if lines else ""


def bench_sample(args, env) -> dict:
    from fazhi.build import build_store

    store = OUT / "render-store"
    build_store(ROOT / "data" / "raw", store, workers=1, progress=False)
    pages = sample_pages(store)
    res = {"pages": len(pages), "naive": [], "first": [], "rerun": []}
    for i in range(args.repeat):
        print(f"[sample {i + 1}/{args.repeat}] naive papermill + nbconvert CLI loop, "
              f"{len(pages)} pages ...", flush=True)
        res["naive"].append(naive(pages, OUT / "render-naive", env))
        out = OUT / "render-sample"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [FAZHI, "render", str(store), "--out", str(out), "--workers", str(args.workers)]
        print(f"[sample {i + 1}/{args.repeat}] fazhi render (first) ...", flush=True)
        r = timed(cmd, env, check=False)
        res["first"].append({"seconds": r["seconds"], "peak_mb": r["peak_mb"], "code": r["code"],
                             "summary": summary_of(r["stdout"])})
        print(f"[sample {i + 1}/{args.repeat}] fazhi render (nothing changed) ...", flush=True)
        r = timed(cmd, env, check=False)
        res["rerun"].append({"seconds": r["seconds"], "peak_mb": r["peak_mb"], "code": r["code"],
                             "summary": summary_of(r["stdout"])})
        print(res["naive"][-1], res["first"][-1], res["rerun"][-1], flush=True)
    return res


def bench_synthetic(args, env) -> dict:
    from make_corpus import make_corpus

    from fazhi.build import build_store
    from fazhi.corpus import load_corpus

    n = args.synthetic
    root = OUT / f"corpus-{n}"
    if not root.is_dir() or sum(1 for _ in root.rglob("*.txt")) != n:
        shutil.rmtree(root, ignore_errors=True)
        make_corpus(n, root, seed=n)
    store = OUT / f"render-store-{n}"
    t0 = time.perf_counter()
    build_store(root, store, workers=args.workers, progress=False)
    build_s = time.perf_counter() - t0
    docs = load_corpus(store).docs
    districts = docs["district"].fillna("").astype(str).str.strip()
    names = sorted({d for d in districts if d})
    chosen = names[: args.districts]
    out = OUT / f"render-synthetic-{n}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [FAZHI, "render", str(store), "--by", "district", "--out", str(out),
           "--workers", str(args.workers)]
    if chosen:
        cmd += ["--only", *chosen]
    print(f"[synthetic {n}] fazhi render --by district, {len(chosen)} of {len(names)} "
          "districts ...", flush=True)
    r = timed(cmd, env, check=False)
    state = json.loads((out / ".render-state.json").read_text(encoding="utf-8"))
    per = [p for p in state["pages"].values() if p.get("status") in ("rendered", "failed")]
    corpus_s = [p["seconds"] for p in per if p["level"] == "corpus"]
    dossier_s = [p["seconds"] for p in per if p["level"] == "district"]
    return {"n": n, "build_s": build_s, "districts": len(names), "rendered_districts": len(chosen),
            "unknown_district_docs": int((districts == "").sum()),
            "seconds": r["seconds"], "peak_mb": r["peak_mb"], "code": r["code"],
            "summary": summary_of(r["stdout"]), "pages": len(per),
            "failed": sum(p["status"] == "failed" for p in per),
            "corpus_page_s": statistics.median(corpus_s) if corpus_s else float("nan"),
            "dossier_page_s": statistics.median(dossier_s) if dossier_s else float("nan"),
            "errors": [p["error"].splitlines()[-1] for p in per if p.get("error")][:3]}


def machine() -> str:
    from build import machine as build_machine

    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return build_machine(load)


def section(sample: dict, synth: dict | None, args) -> str:
    import fazhi

    med = statistics.median
    naive_s = med(r["seconds"] for r in sample["naive"])
    first_s = med(r["seconds"] for r in sample["first"])
    rerun_s = med(r["seconds"] for r in sample["rerun"])
    pm_s = med(r["papermill_s"] for r in sample["naive"])
    nbc_s = med(r["nbconvert_s"] for r in sample["naive"])
    runs = {k: ", ".join(f"{r['seconds']:.2f}" for r in sample[k])
            for k in ("naive", "first", "rerun")}
    speed = naive_s / first_s
    ratio = rerun_s / first_s
    lines = [
        "## Render", "",
        f"Measured by `python bench/render.py --repeat {args.repeat} --workers {args.workers}` "
        f"on {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; fazhi {fazhi.__version__}; "
        f"machine: {machine()}.",
        f"Sample corpus (data/raw, store built once): {sample['pages']} pages = every notebook "
        "in notebooks/ plus `05_dossier` per province. Naive = per notebook and region "
        "`papermill IN OUT -p corpus_path STORE [-p level province -p region R]` then "
        "`jupyter nbconvert --to html --no-input OUT` (separate CLI processes, same parameters); "
        f"fazhi = `fazhi render STORE --out DIR --workers {args.workers}` into an empty folder; "
        "re-run = the same command again with nothing changed. Wall time under "
        f"`/usr/bin/time -v`, median of {args.repeat} runs (all runs listed below).", "",
        "| run | median s | runs (s) | s/page | peak MB |",
        "|---|---:|---|---:|---:|",
        f"| naive papermill + nbconvert CLI loop | {naive_s:.1f} | "
        f"{runs['naive']} | "
        f"{naive_s / sample['pages']:.1f} | — |",
        f"| `fazhi render` first run | {first_s:.1f} | "
        f"{runs['first']} | "
        f"{first_s / sample['pages']:.1f} | {med(r['peak_mb'] for r in sample['first']):.0f} |",
        f"| `fazhi render` nothing changed | {rerun_s:.2f} | "
        f"{runs['rerun']} | — | "
        f"{med(r['peak_mb'] for r in sample['rerun']):.0f} |", "",
        f"- Speed-up over the naive loop: {speed:.1f}x (goal >= 3x: "
        f"{'met' if speed >= 3 else 'NOT met'}). Naive per page: papermill CLI {pm_s:.1f} s, "
        f"nbconvert CLI {nbc_s:.1f} s (medians).",
        f"- Re-run with nothing changed: {ratio:.2f}x the first run (goal <= 0.2x: "
        f"{'met' if ratio <= 0.2 else 'NOT met'}); it loads the store, checks the cache keys and "
        "rewrites index.html, starts no kernel and never re-segments.",
        f"- fazhi output: first `{sample['first'][-1]['summary']}`, re-run "
        f"`{sample['rerun'][-1]['summary']}`; naive failures: "
        f"{sum(r['failed'] for r in sample['naive'])}.",
        "- Where fazhi's time goes: one kernel start per page (~1-2 s) and the notebook's own "
        "work; papermill/nbconvert are imported once per worker process, not once per page, and "
        "the pages run on the 2 cores in parallel.",
    ]
    if synth:
        total = synth["dossier_page_s"] * synth["districts"] / max(1, args.workers)
        lines += [
            "",
            f"Synthetic corpus: {synth['n']:,} reports (`bench/make_corpus.py {synth['n']}`, "
            f"store built in {synth['build_s']:.0f} s), `fazhi render --by district`: "
            f"{synth['districts']} districts ({synth['unknown_district_docs']} reports without a "
            f"district); rendered the corpus-wide notebooks and {synth['rendered_districts']} "
            f"districts (`--only`, the first by name) — {synth['pages']} pages in "
            f"{synth['seconds']:.0f} s wall ({synth['failed']} failed; peak "
            f"{synth['peak_mb']:.0f} MB in the parent).",
            f"- Time per page (median, inside a worker): corpus-wide notebook "
            f"{synth['corpus_page_s']:.1f} s, district dossier {synth['dossier_page_s']:.1f} s; "
            f"all {synth['districts']} dossiers would take about {total / 60:.0f} min on "
            f"{args.workers} workers (estimate = per-page median x districts / workers, not "
            "measured).",
        ]
        if synth["errors"]:
            lines.append(f"- Errors (last lines): {'; '.join(synth['errors'])}")
    lines += [f"- {note}" for note in args.note]
    lines.append("")
    return "\n".join(lines)




def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--workers", type=int, default=2, help="fazhi render --workers")
    ap.add_argument("--synthetic", type=int, default=1000,
                    help="reports in the synthetic corpus (0 = skip)")
    ap.add_argument("--districts", type=int, default=8,
                    help="district dossiers to render on the synthetic corpus")
    ap.add_argument("--no-write", action="store_true", help="do not write bench/RESULTS.md")
    ap.add_argument("--from-json", default=None, metavar="FILE",
                    help="re-render the section from a saved bench/out/render-results.json")
    ap.add_argument("--note", action="append", default=[], metavar="TEXT",
                    help="a line appended to the section (e.g. about an earlier session)")
    ap.add_argument("--sample-json", default=None, metavar="FILE",
                    help="reuse the sample-corpus measurements of a saved render-results.json")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.setdefault("FAZHI_CACHE_DIR", str(ROOT / ".cache" / "fazhi"))
    env.setdefault("MPLCONFIGDIR", str(ROOT / ".cache" / "matplotlib"))
    os.environ.update({k: env[k] for k in ("FAZHI_CACHE_DIR", "MPLCONFIGDIR")})
    OUT.mkdir(exist_ok=True)
    if args.from_json:
        saved = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
        sample, synth = saved["sample"], saved["synthetic"]
    else:
        if args.sample_json:
            sample = json.loads(Path(args.sample_json).read_text(encoding="utf-8"))["sample"]
        else:
            sample = bench_sample(args, env)
            (OUT / "render-results.json").write_text(
                json.dumps({"sample": sample, "synthetic": None}, ensure_ascii=False, indent=1),
                encoding="utf-8")
        synth = bench_synthetic(args, env) if args.synthetic else None
        (OUT / "render-results.json").write_text(
            json.dumps({"sample": sample, "synthetic": synth}, ensure_ascii=False, indent=1),
            encoding="utf-8")
    text = section(sample, synth, args)
    print(text)
    if not args.no_write:
        write_section(text)


if __name__ == "__main__":
    main()
