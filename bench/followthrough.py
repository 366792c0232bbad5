"""Speed and memory of the accountability analyses of issue 14 on a built store.

    python bench/followthrough.py follow STORE          # textstat_followthrough + _share
    python bench/followthrough.py follow STORE --stress # every report paired, its achievements
                                                        # taken as plans (far more items than real)
    python bench/followthrough.py spec STORE [--reuse]  # textstat_specificity (facts computed;
                                                        # passages computed with --reuse, else none)

Run each under ``/usr/bin/time -v`` (peak memory = "Maximum resident set size"); the figures and
the load average go to bench/RESULTS.md ("Follow-through and specificity").
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def _load(store: str, tables: list[str]):
    from fazhi.corpus import load_corpus

    t = time.perf_counter()
    corpus = load_corpus(store, tables=tables)
    print(f"load {tables}: {time.perf_counter() - t:.1f} s, {len(corpus.docs):,} reports")
    return corpus


def follow(store: str, stress: bool = False, sections: bool = False) -> None:
    from fazhi.textstat._index import token_index
    from fazhi.textstat.followthrough import textstat_followthrough, textstat_followthrough_share

    # without the outline the parts of the paired reports are parsed again (what the function
    # needs; the outline table holds every section's text once more)
    corpus = _load(store, ["docs", "sections", "tokens"] if sections else ["docs", "tokens"])
    options = {}
    if stress:  # every two reports one unit of two consecutive years; the achievements as plans
        import numpy as np

        n = len(corpus.docs)
        corpus.docs = corpus.docs.assign(unit=[f"stress-{i // 2}" for i in range(n)],
                                         report_year=2020 + np.arange(n) % 2)
        options = {"plans": "achievements"}
    t = time.perf_counter()
    token_index(corpus)
    print(f"token index: {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    table = textstat_followthrough(corpus, **options)
    print(f"textstat_followthrough: {time.perf_counter() - t:.1f} s, {table.attrs.get('pairs', 0):,} "
          f"pairs, {len(table):,} items; {table['follow_status'].value_counts().to_dict()}")
    t = time.perf_counter()
    share = textstat_followthrough_share(table)
    print(f"textstat_followthrough_share: {time.perf_counter() - t:.2f} s, {len(share):,} rows")


def spec(store: str, reuse: bool) -> None:
    import pandas as pd

    from fazhi.indicators import textstat_indicators
    from fazhi.reuse.search import PASSAGE_COLUMNS, textstat_reuse
    from fazhi.textstat.specificity import textstat_specificity

    corpus = _load(store, ["docs", "sections"])
    t = time.perf_counter()
    facts = textstat_indicators(corpus)
    print(f"textstat_indicators (input): {time.perf_counter() - t:.1f} s, {len(facts):,} facts")
    t = time.perf_counter()
    passages = textstat_reuse(corpus) if reuse else pd.DataFrame(columns=PASSAGE_COLUMNS)
    print(f"textstat_reuse (input): {time.perf_counter() - t:.1f} s, {len(passages):,} passages")
    t = time.perf_counter()
    got = textstat_specificity(corpus, passages=passages, facts=facts)
    print(f"textstat_specificity: {time.perf_counter() - t:.1f} s, {len(got):,} rows; "
          f"score median {got['score'].median():.1f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["follow", "spec"])
    ap.add_argument("store", type=Path)
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--stress", action="store_true")
    ap.add_argument("--sections", action="store_true", help="load the outline table too")
    a = ap.parse_args()
    print("loadavg before:", Path("/proc/loadavg").read_text().strip())
    follow(str(a.store), a.stress, a.sections) if a.what == "follow" else spec(str(a.store), a.reuse)
    print("loadavg after:", Path("/proc/loadavg").read_text().strip())


if __name__ == "__main__":
    main()
