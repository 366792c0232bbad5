"""Tables of the passages: without boilerplate, pairs of reports ranked, the passages of some
reports (what the notebooks and the CLI show)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fazhi.deprecation import renamed_arguments

if TYPE_CHECKING:
    import pandas as pd

    from fazhi.corpus import Corpus


def without_boilerplate(passages: pd.DataFrame) -> pd.DataFrame:
    """The passages (``textstat_reuse`` rows) that are not boilerplate, index reset.

    >>> without_boilerplate(textstat_reuse(corpus))["boilerplate"].any()   # doctest: +SKIP
    False
    """
    if passages is None or not len(passages) or "boilerplate" not in passages.columns:
        return passages
    return passages[~passages["boilerplate"].astype(bool)].reset_index(drop=True)


@renamed_arguments(boilerplate="count_boilerplate")
def reuse_pairs(passages: pd.DataFrame, *, count_boilerplate: bool = False,
                corpus: Corpus | None = None) -> pd.DataFrame:
    """Pairs of reports ranked by the text they share: doc_a, doc_b, file_a, file_b, n_passages,
    length (the passages' ``length`` summed: characters of report a without punctuation).
    Boilerplate passages do not count unless ``count_boilerplate`` (as in
    :func:`textstat_reuse_share`). With ``corpus``, also ``reused_chars_a`` / ``reused_chars_b``:
    the characters of each report covered by the pair's passages, counted as
    ``reused_chars`` of :func:`textstat_reuse_share` (no punctuation, overlaps once) — the one
    count of shared text a reader sees (共享字数).

    >>> reuse_pairs(textstat_reuse(corpus), corpus=corpus).head(1)       # doctest: +SKIP
                  doc_a         doc_b  ...  n_passages  length  reused_chars_a  reused_chars_b
    0  2ca3b2f027b7  5d8a055b8bf2  ...           6     512             509             497
    """
    import pandas as pd

    cols = ["doc_a", "doc_b", "file_a", "file_b", "n_passages", "length"]
    if corpus is not None:
        cols += ["reused_chars_a", "reused_chars_b"]
    if passages is None or passages.empty:
        return pd.DataFrame(columns=cols)
    df = passages if count_boilerplate else without_boilerplate(passages)
    if df.empty:
        return pd.DataFrame(columns=cols)
    out = (df.groupby(["doc_a", "doc_b", "file_a", "file_b"], sort=False)
           .agg(n_passages=("text", "size"), length=("length", "sum")).reset_index())
    if corpus is not None:
        out = out.merge(_covered_chars(df, corpus), on=["doc_a", "doc_b"], how="left")
    return out.sort_values(["length", "n_passages", "doc_a", "doc_b"],
                           ascending=[False, False, True, True]).reset_index(drop=True)[cols]


def _covered_chars(passages: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """doc_a, doc_b, reused_chars_a, reused_chars_b: per pair, the letters and digits of each
    report inside the pair's passages (each character once)."""
    import numpy as np
    import pandas as pd

    from fazhi.reuse.text import alnum_mask

    wanted = set(passages["doc_a"]) | set(passages["doc_b"])
    texts = {d: t for d, t in zip(corpus.docs["doc_id"], corpus.docs["text"].fillna(""),
                                  strict=True) if d in wanted}
    masks: dict[str, np.ndarray] = {}

    def covered(doc, spans) -> int:
        text = texts.get(doc)
        if text is None:
            return 0
        if doc not in masks:
            masks[doc] = alnum_mask(text)
        hit = np.zeros(len(text), dtype=bool)
        for s, e in spans:
            hit[int(s):int(e)] = True
        return int(np.count_nonzero(hit & masks[doc]))

    rows = []
    for (a, b), grp in passages.groupby(["doc_a", "doc_b"], sort=False):
        rows.append((a, b, covered(a, zip(grp["start_a"], grp["end_a"], strict=True)),
                     covered(b, zip(grp["start_b"], grp["end_b"], strict=True))))
    return pd.DataFrame(rows, columns=["doc_a", "doc_b", "reused_chars_a", "reused_chars_b"])


def passages_of(passages: pd.DataFrame, doc_ids) -> pd.DataFrame:
    """The shared passages (``textstat_reuse`` rows) that involve any of ``doc_ids``.

    >>> passages_of(textstat_reuse(corpus), gd.docs["doc_id"])          # doctest: +SKIP
    """
    ids = set(doc_ids)
    if passages is None or passages.empty:
        return passages
    return passages[passages["doc_a"].isin(ids) | passages["doc_b"].isin(ids)].reset_index(drop=True)


PASSAGE_TABLE_COLUMNS = ["file_a", "file_b", "source_file", "reuse_kind", "similarity", "length",
                         "edits", "text"]


def passage_table(passages: pd.DataFrame, *, include_boilerplate: bool = True,
                  n: int | None = None) -> pd.DataFrame:
    """The passages as a reader sees them, longest first: ``file_a``, ``file_b``, ``source_file``
    (the report copied from, empty when the dates do not tell), ``reuse_kind`` (the Chinese label
    of ``kind``: 本单位其他年度报告, 其他单位报告 …), ``similarity``, ``length``, ``edits``, ``text``;
    boilerplate kept unless ``include_boilerplate=False`` (as in :func:`textstat_reuse`); the
    first ``n`` rows (None: all).

    >>> passage_table(textstat_reuse(corpus), include_boilerplate=False, n=5)  # doctest: +SKIP
           file_a     file_b source_file reuse_kind  similarity  length  edits  text
    0  003.txt    000.txt     003.txt     其他单位报告      0.76     261  删除句子：…  …
    """
    import pandas as pd

    from fazhi.reuse.edits import labels

    if passages is None or passages.empty:
        return pd.DataFrame(columns=PASSAGE_TABLE_COLUMNS)
    df = passages if include_boilerplate else without_boilerplate(passages)
    df = df.sort_values(["length", "doc_a", "doc_b", "start_a"], ascending=[False, True, True, True])
    if n is not None:
        df = df.head(n)
    lab = labels()
    src = df["source_doc"].astype(str)
    out = pd.DataFrame({
        "file_a": df["file_a"], "file_b": df["file_b"],
        "source_file": df["file_a"].where(src == df["doc_a"], df["file_b"].where(src == df["doc_b"], "")),
        "reuse_kind": df["kind"].astype(str).map(lambda k: lab.get(k, k)),
        "similarity": df["similarity"], "length": df["length"], "edits": df["edits"],
        "text": df["text"].astype(str)})
    return out.reset_index(drop=True)[PASSAGE_TABLE_COLUMNS]
