"""``textstat_reuse_share``: how much of each report is shared, and with what kind of source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fazhi.deprecation import renamed_arguments
from fazhi.reuse.direction import KINDS
from fazhi.reuse.text import alnum_mask

if TYPE_CHECKING:
    import pandas as pd

    from fazhi.corpus import Corpus

SHARE_COLUMNS = ["doc_id", "file", "n_chars", "reused_chars", "share", "partners",
                 *(f"share_{k}" for k in KINDS)]


@renamed_arguments(include_boilerplate="count_boilerplate")
def textstat_reuse_share(corpus: Corpus, passages: pd.DataFrame | None = None, *,
                         count_boilerplate: bool = False) -> pd.DataFrame:
    """Each document's reuse share: the part of its text found in passages shared with another
    document (overlapping passages counted once), and the part in each kind of passage.

    Columns: ``doc_id``, ``file``, ``n_chars`` (characters without punctuation/whitespace, as in
    ``length`` of :func:`textstat_reuse`), ``reused_chars`` (of those, covered by a shared passage),
    ``share`` (``reused_chars / n_chars``, 0 for an empty text), ``partners`` (number of other
    documents sharing a counted passage with it); boilerplate passages do not count as reuse in
    these unless ``count_boilerplate`` (a boilerplate passage's partners are only its reference
    documents). Then ``share_duplicate``, ``share_same_unit``, ``share_other_unit``,
    ``share_unknown_unit``, ``share_template``: the share of the text in passages of each kind
    (boilerplate included); a character in passages of several kinds counts for the first of
    these, so they add up to the share of the text shared at all.
    ``passages``: the output of :func:`textstat_reuse` (computed with its defaults when None).

    >>> textstat_reuse_share(corpus).sort_values("share", ascending=False).head()  # doctest: +SKIP
         doc_id   file  n_chars  reused_chars  share  partners  share_duplicate  share_same_unit …
    """
    import numpy as np
    import pandas as pd

    from fazhi.reuse.search import textstat_reuse

    if passages is None:
        passages = textstat_reuse(corpus)
    rank = {k: i for i, k in enumerate(KINDS)}
    has_kind = "kind" in passages.columns
    bp_all = passages["boilerplate"].astype(bool).to_numpy() if len(passages) else np.empty(0, bool)
    kind_codes = (passages["kind"].astype(object).map(lambda k: rank.get(k, rank["unknown_unit"]))
                  .to_numpy() if has_kind and len(passages) else
                  np.where(bp_all, rank["template"], rank["unknown_unit"]))
    spans: dict[str, list[tuple[int, int, int, bool]]] = {}
    partners: dict[str, set] = {}
    for a, b, sa, ea, sb, eb, kc, bp in zip(passages["doc_a"], passages["doc_b"], passages["start_a"],
                                            passages["end_a"], passages["start_b"], passages["end_b"],
                                            kind_codes, bp_all, strict=True):
        spans.setdefault(a, []).append((int(sa), int(ea), int(kc), bool(bp)))
        spans.setdefault(b, []).append((int(sb), int(eb), int(kc), bool(bp)))
        if count_boilerplate or not bp:
            partners.setdefault(a, set()).add(b)
            partners.setdefault(b, set()).add(a)
    rows = []
    for doc_id, file, text in zip(corpus.docs["doc_id"], corpus.docs["file"],
                                  corpus.docs["text"].fillna(""), strict=True):
        mask = alnum_mask(text)
        total = int(mask.sum())
        covered = 0
        by_kind = [0] * len(KINDS)
        if doc_id in spans and total:
            best = np.full(len(text), len(KINDS), dtype=np.int8)  # the first kind covering a char
            counted = np.zeros(len(text), dtype=bool)
            for s, e, kc, bp in sorted(spans[doc_id], key=lambda x: -x[2]):
                best[s:e] = kc
                if count_boilerplate or not bp:
                    counted[s:e] = True
            covered = int(np.count_nonzero(mask & counted))
            counts = np.bincount(best[mask], minlength=len(KINDS) + 1)
            by_kind = [int(c) for c in counts[:len(KINDS)]]
        rows.append((doc_id, file, total, covered, covered / total if total else 0.0,
                     len(partners.get(doc_id, ())), *(c / total if total else 0.0 for c in by_kind)))
    types = {"n_chars": "int64", "reused_chars": "int64", "share": "float64", "partners": "int64"}
    types.update({f"share_{k}": "float64" for k in KINDS})
    return pd.DataFrame(rows, columns=SHARE_COLUMNS).astype(types)
