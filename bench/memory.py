"""Peak memory of the counting analyses at 10k reports, before and after the lazy store texts.

Usage: python bench/memory.py [--store PATH] [--before COMMIT] [--only a,b] [--no-write]

Each analysis runs in a fresh process under /usr/bin/time -v (wall, maximum RSS, CPU), as a user
runs it: ``fazhi.open_corpus(store)``, the shared token index (``fazhi.dfm``), then the analysis.
"before" is the package source of ``--before`` (the branch point, unpacked with ``git archive``
into a temporary folder), "after" this worktree's ``src``. Every run prints a digest of its
result tables: the same digest before and after = the same results. Writes the section
"## Memory at 10k: texts read when asked for (h-mem)" at the end of bench/RESULTS.md.
Goal (issue 13): each analysis <= 60 s and <= 2 GB on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_results import write_section  # noqa: E402
from build import STORE_10K, load_average, machine, timed  # noqa: E402

STORE = STORE_10K
BEFORE = "7d9ee4f"  # the branch point of h-mem

RUN = r"""
import hashlib, json, resource, sys, time
import numpy as np, pandas as pd

def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def digest(*tables):
    h = hashlib.sha1()
    for t in tables:
        if isinstance(t, pd.DataFrame):
            h.update(pd.util.hash_pandas_object(t, index=False).values.tobytes())
            h.update(json.dumps(t.attrs, sort_keys=True, default=str).encode())
        else:
            h.update(np.ascontiguousarray(t).tobytes())
    return h.hexdigest()[:12]

store, what = sys.argv[1], sys.argv[2]
stages = []
t0 = time.perf_counter()
import fazhi
corpus = fazhi.open_corpus(store)
stages.append(("open_corpus", time.perf_counter() - t0, rss(), peak()))
t = time.perf_counter()
d = fazhi.dfm(corpus); d.counts
stages.append(("token index + dfm", time.perf_counter() - t, rss(), peak()))
t = time.perf_counter()
if what == "cooccurrence":
    e = fazhi.textstat_cooccurrence(corpus)
    rows, dig = len(e), digest(e)
elif what.startswith("topics"):
    kw = {"workers": int(what.split("-w")[1])} if "-w" in what else {}
    m = fazhi.textmodel_lda(d, k=20, iterations=100, seed=1, **kw)
    tops = fazhi.textstat_topics(m, n=10)
    shares = fazhi.textstat_topic_shares(m, by="report_year")
    rows, dig = len(tops), digest(tops, shares, m.theta, m.phi)
elif what == "scale":
    a = fazhi.textstat_scale(d, by="district", method="ca")
    b = fazhi.textstat_scale(d, by="town", method="ca")
    c = fazhi.textstat_scale(d, by="town", method="mds")
    rows, dig = len(a) + len(b) + len(c), digest(a, b, c)
elif what == "terms":
    x = fazhi.textstat_terms(corpus, n=200)
    rows, dig = len(x), digest(x)
elif what == "collocations":
    x = fazhi.textstat_collocations(corpus, size=[2, 3, 4], min_count=5)
    rows, dig = len(x), digest(x)
stages.append((what, time.perf_counter() - t, rss(), peak()))
print(json.dumps({"stages": stages, "rows": rows, "digest": dig,
                  "unread": getattr(corpus, "unread", None)}, ensure_ascii=False))
"""

ANALYSES = ["cooccurrence", "topics", "scale", "terms", "collocations"]
GOALS = {"seconds": 60, "peak_mb": 2048}


def unpack(commit: str, dest: Path) -> Path:
    """The package source of ``commit`` (git archive), unpacked under ``dest``."""
    repo = HERE.parent
    archive = subprocess.run(["git", "-C", str(repo), "archive", commit, "src"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest / "src"


def run(src: Path, store: Path, what: str) -> dict:
    import os

    env = {**os.environ, "PYTHONPATH": str(src)}
    before = load_average()
    r = timed([sys.executable, "-c", RUN, str(store), what], env)
    out = json.loads(r["stdout"].strip().splitlines()[-1])
    res = {**r, **out, "what": what, "load_before": before, "load_after": load_average()}
    res.pop("stdout")
    print(json.dumps(res, ensure_ascii=False), flush=True)
    return res


def table(runs: list[dict]) -> str:
    head = ("| analysis | code | open_corpus s / RSS MB | index + dfm s / RSS MB | analysis s | "
            "whole process wall s / CPU s | peak RSS MB | result digest | load before → after |\n"
            "|---|---|---:|---:|---:|---:|---:|---|---|\n")
    lines = []
    for r in runs:
        (_, o_s, o_mb, _), (_, i_s, i_mb, _), (_, a_s, _, _) = r["stages"]
        lines.append(f"| {r['what']} | {r['code']} | {o_s:.1f} / {o_mb:,.0f} | {i_s:.1f} / "
                     f"{i_mb:,.0f} | {a_s:.1f} | {r['seconds']:.1f} / {r['cpu_s']:.1f} | "
                     f"**{r['peak_mb']:,.0f}** | `{r['digest']}` | {r['load_before']} → "
                     f"{r['load_after']} |")
    return head + "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path, default=STORE)
    ap.add_argument("--before", default=BEFORE)
    ap.add_argument("--only", default=",".join(ANALYSES))
    ap.add_argument("--after-extra", default="topics-w1",
                    help="runs of the after code only (topics-w1: the serial sampler)")
    ap.add_argument("--json", type=Path, default=None, help="also write the runs here")
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args()
    start = load_average()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        old = unpack(a.before, Path(tmp))
        new = HERE.parent / "src"
        for what in a.only.split(","):
            for code, src in (("before", old), ("after", new)):
                runs.append({**run(src, a.store, what), "code": code})
        for what in filter(None, a.after_extra.split(",")):
            runs.append({**run(new, a.store, what), "code": "after"})
    if a.json:
        a.json.write_text(json.dumps(runs, ensure_ascii=False, indent=1), encoding="utf-8")
    if a.no_write:
        return
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    write_section(f"""## Memory at 10k: texts read when asked for (h-mem)

Measured by `python bench/memory.py` on {now}; store {a.store}; machine: \
{machine(load_average())}; /proc/loadavg at the start {start}. One fresh process per row under \
/usr/bin/time -v (wall, maximum RSS, user + system CPU): `fazhi.open_corpus(store)`, \
`fazhi.dfm(corpus)` (the shared token index), the analysis. before = `{a.before}` (the branch \
point), after = h-mem. Same digest = the same result tables (every value, dtypes and attrs).

{table(runs)}""")


if __name__ == "__main__":
    main()
