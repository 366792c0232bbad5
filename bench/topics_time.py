"""Where the time of ``textmodel_lda`` goes at 10k reports, and the sampler on 1 vs 2 threads.

Usage: python bench/topics_time.py [--store PATH] [--k 20] [--iterations 100] [--no-write]

One process: the store (texts left unread), the dfm, then the steps of ``textmodel_lda`` timed
one by one (wall and process CPU, all threads): vocabulary, ``add_doc``, the Gibbs sampler
(``workers=1``: tomotopy's serial sampler; ``workers=2``: PARTITION, fitted twice to check that
the same seed gives the same model), the tables, u_mass coherence. Writes the section
"## Topics: time per step, 1 vs 2 sampler threads (h-mem)" at the end of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))
from bench_results import write_section  # noqa: E402
from build import STORE_10K, load_average, machine  # noqa: E402

STORE = STORE_10K


def clock():
    return time.perf_counter(), time.process_time()


def since(t):
    w, c = clock()
    return w - t[0], c - t[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path, default=STORE)
    ap.add_argument("--k", type=int, default=20)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args()
    import warnings

    import numpy as np
    import tomotopy as tp

    import fazhi
    from fazhi.textstat.topics import COHERENCE, TopicModel, _score, _vocabulary

    start = load_average()
    steps = []
    t = clock()
    corpus = fazhi.open_corpus(a.store)
    steps.append(("open_corpus (texts left unread)", *since(t)))
    t = clock()
    d = fazhi.dfm(corpus)
    _ = d.counts  # build the matrix now (timed)
    steps.append(("dfm (token index, counts)", *since(t)))
    t = clock()
    counts, terms, rows = _vocabulary(d, 5, 2, 0.5)
    steps.append((f"vocabulary ({len(terms):,} terms, {len(rows):,} reports)", *since(t)))

    def model():
        mdl = tp.LDAModel(k=a.k, alpha=0.1, eta=0.01, seed=1, min_cf=0, rm_top=0)
        for i in range(counts.shape[0]):
            s, e = counts.indptr[i], counts.indptr[i + 1]
            mdl.add_doc(np.repeat(terms[counts.indices[s:e]],
                                  counts.data[s:e].round().astype(np.int64)).tolist())
        return mdl

    fits = {}
    for name, workers in (("w1", 1), ("w2", 2), ("w2 again", 2)):
        t = clock()
        mdl = model()
        steps.append((f"add_doc ({name})", *since(t)))
        load = load_average()
        t = clock()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            mdl.train(a.iterations, workers=workers, parallel=tp.ParallelScheme.PARTITION
                      if workers > 1 else tp.ParallelScheme.NONE)
        steps.append((f"sampler, {a.iterations} iterations, workers={workers} ({name}; "
                      f"load {load})", *since(t)))
        t = clock()
        phi = np.vstack([mdl.get_topic_word_dist(j) for j in range(a.k)]).astype(np.float64)
        theta = np.vstack([doc.get_topic_dist() for doc in mdl.docs]).astype(np.float64)
        vocab = np.array(list(mdl.used_vocabs), dtype=object)
        m = TopicModel(k=a.k, seed=1, iterations=a.iterations, options={}, terms=vocab, phi=phi,
                       theta=theta / theta.sum(axis=1, keepdims=True))
        tops = [m.top_terms(j, 10) for j in range(1, a.k + 1)]
        steps.append((f"phi, theta, top terms ({name})", *since(t)))
        t = clock()
        coh = tp.coherence.Coherence(mdl, coherence=COHERENCE, top_n=10,
                                     targets=sorted({w for ws in tops for w in ws}))
        score = float(np.mean([_score(coh, ws) for ws in tops]))
        steps.append((f"u_mass coherence ({name})", *since(t)))
        fits[name] = (phi, theta, score, float(mdl.ll_per_word), [m.label(j) for j in (1, 2, 3)])
    same = bool(np.array_equal(fits["w2"][0], fits["w2 again"][0])
                and np.array_equal(fits["w2"][1], fits["w2 again"][1]))
    out = {"steps": steps, "same_w2": same,
           "fits": {k: {"coherence": v[2], "ll_per_word": v[3], "labels": v[4]}
                    for k, v in fits.items()}}
    print(json.dumps(out, ensure_ascii=False, indent=1))
    if a.no_write:
        return
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = "\n".join(f"| {s} | {w:.1f} | {c:.1f} |" for s, w, c in steps)
    fit_lines = "\n".join(
        f"| {k} | {v['coherence']:.3f} | {v['ll_per_word']:.3f} | {'; '.join(v['labels'])} |"
        for k, v in out["fits"].items())
    write_section(f"""## Topics: time per step, 1 vs 2 sampler threads (h-mem)

Measured by `python bench/topics_time.py --k {a.k} --iterations {a.iterations}` on {now}; \
tomotopy {tp.__version__} ({tp.isa}); store {a.store}; machine: {machine(load_average())}; \
/proc/loadavg at the start {start}. One process; wall and process CPU (all threads) per step.

| step | wall s | CPU s |
|---|---:|---:|
{lines}

workers=2 fitted twice with seed 1: identical phi and theta: **{'yes' if same else 'NO'}**.

| fit | u_mass (mean, top 10) | log-likelihood per word | first topics |
|---|---:|---:|---|
{fit_lines}
""")


if __name__ == "__main__":
    main()
