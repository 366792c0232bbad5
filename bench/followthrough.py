"""Speed and memory of the accountability analyses of issue 14 on a built store.

    python bench/followthrough.py follow STORE          # textstat_followthrough + _share
    python bench/followthrough.py follow STORE --stress # every report paired, its achievements
                                                        # taken as plans (far more items than real)
    python bench/followthrough.py spec STORE [--reuse]  # textstat_specificity (facts computed;
                                                        # passages computed with --reuse, else none)
    python bench/followthrough.py spec STORE --reuse --passages P.parquet   # ... and saved
    python bench/followthrough.py spec STORE --passages P.parquet  # passages read, as from a cache

Run each under ``/usr/bin/time -v`` (peak memory = "Maximum resident set size"); the figures and
the load average go to bench/RESULTS.md ("Follow-through and specificity").
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


class _Timer:
    """Wall and CPU seconds of a step (the machine is shared: CPU time is the fairer figure)."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu

    def __str__(self) -> str:
        return f"{self.wall:.1f} s wall, {self.cpu:.1f} s CPU"


def _load(store: str, tables: list[str]):
    from fazhi.corpus import load_corpus

    with _Timer() as t:
        corpus = load_corpus(store, tables=tables)
    print(f"load {tables}: {t}, {len(corpus.docs):,} reports")
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
    with _Timer() as t:
        token_index(corpus)
    print(f"token index: {t}")
    with _Timer() as t:
        table = textstat_followthrough(corpus, **options)
    print(f"textstat_followthrough: {t}, {table.attrs.get('pairs', 0):,} "
          f"pairs, {len(table):,} items; {table['follow_status'].value_counts().to_dict()}")
    with _Timer() as t:
        share = textstat_followthrough_share(table)
    print(f"textstat_followthrough_share: {t}, {len(share):,} rows")


def spec(store: str, reuse: bool, saved: Path | None = None) -> None:
    import pandas as pd

    from fazhi.indicators import textstat_indicators
    from fazhi.reuse.search import PASSAGE_COLUMNS, textstat_reuse
    from fazhi.textstat.specificity import textstat_specificity

    corpus = _load(store, ["docs"])  # the parts are not needed
    with _Timer() as t:
        facts = textstat_indicators(corpus)
    print(f"textstat_indicators (input): {t}, {len(facts):,} facts")
    with _Timer() as t:
        if saved is not None and saved.is_file() and not reuse:  # as the memo cache gives them
            passages = pd.read_parquet(saved)
        else:
            passages = textstat_reuse(corpus) if reuse else pd.DataFrame(columns=PASSAGE_COLUMNS)
            if saved is not None and reuse:
                passages.to_parquet(saved)
    print(f"textstat_reuse (input{', read from ' + saved.name if saved and not reuse else ''}): "
          f"{t}, {len(passages):,} passages")
    with _Timer() as t:
        got = textstat_specificity(corpus, passages=passages, facts=facts)
    print(f"textstat_specificity: {t}, {len(got):,} rows; "
          f"score median {got['score'].median():.1f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["follow", "spec"])
    ap.add_argument("store", type=Path)
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--stress", action="store_true")
    ap.add_argument("--sections", action="store_true", help="load the outline table too")
    ap.add_argument("--passages", type=Path, default=None,
                    help="with --reuse: save the passages there; without: read them from there")
    a = ap.parse_args()
    print("loadavg before:", Path("/proc/loadavg").read_text().strip())
    follow(str(a.store), a.stress, a.sections) if a.what == "follow" else spec(str(a.store), a.reuse, a.passages)
    print("loadavg after:", Path("/proc/loadavg").read_text().strip())


if __name__ == "__main__":
    main()
