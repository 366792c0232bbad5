"""Copy-paste (text reuse) detection: passages one report took from another, through the edits a
copier makes (names replaced, numbers updated, words inserted, sentences reordered).

How it works (no all-pairs alignment; memory grows with the corpus, not with its square):

1. **Matching text** (:mod:`~fazhi.reuse.text`): each report's letters and digits (punctuation,
   whitespace, full/half width and ASCII case ignored, line breaks kept as paragraph separators),
   its numbers as one class character and its own place names (town, district, city, province)
   as another, every character mapped back to ``docs.text``.
2. **Fingerprints** (:mod:`~fazhi.reuse.fingerprint`): winnowed 10-character k-grams; any shared
   stretch of ``min_length`` characters shares at least one.
3. **Candidate pairs** (:mod:`~fazhi.reuse.index`): a fingerprint in 2-10 reports pairs them all;
   one in more reports pairs each with the first report containing it only (a template passage
   in 5,000 reports costs 4,999 pairs, not 12.5 million).
4. **Alignment** (:mod:`~fazhi.reuse.align`): seeds extended into exact matches, joined over small
   gaps, runs of place names and moved paragraph breaks, grown at their ends, and pieces of one
   passage whose sentences were reordered, or with a sentence left out or put in, grouped into
   one case with its true boundaries.
5. **Boilerplate**: a passage whose fingerprints are in ``boilerplate_docs`` reports or more, or a
   template by its content (:mod:`~fazhi.reuse.slogans`: slogans and set formulas).
6. **Edits, direction, kind** (:mod:`~fazhi.reuse.edits`, :mod:`~fazhi.reuse.direction`): what
   differs, a similarity score, which report is the source (earlier report year, else earlier
   publish date) and the kind (same unit's other report, another unit, template, duplicate).
7. **Offsets** (:mod:`~fazhi.reuse.offsets`): in the cleaned text and in the text as read from
   the file.

The pairs can be aligned on a Dask cluster (``scheduler=``) with the same result. A document never
"reuses" itself; two identical documents are one ``duplicate`` row.

>>> passages = textstat_reuse(corpus)                        # doctest: +SKIP
>>> passages.query("not boilerplate")[["file_a", "file_b", "similarity", "edits"]]  # doctest: +SKIP
>>> textstat_reuse_share(corpus, passages).sort_values("share")   # doctest: +SKIP
"""

from __future__ import annotations

from fazhi.reuse.direction import KINDS
from fazhi.reuse.edits import char_diff, format_edits
from fazhi.reuse.fingerprint import fingerprints, kgram_hashes
from fazhi.reuse.offsets import cleaned_to_raw, written_offsets
from fazhi.reuse.search import (
    MAX_EXPAND,
    MAX_GAP,
    PASSAGE_COLUMNS,
    default_boilerplate_docs,
    textstat_reuse,
)
from fazhi.reuse.share import SHARE_COLUMNS, textstat_reuse_share
from fazhi.reuse.slogans import slogan_chars
from fazhi.reuse.tables import (
    PASSAGE_TABLE_COLUMNS,
    passage_table,
    passages_of,
    reuse_pairs,
    without_boilerplate,
)
from fazhi.reuse.text import normalise
from fazhi.reuse.view import reuse_view

__all__ = ["KINDS", "MAX_EXPAND", "MAX_GAP", "PASSAGE_COLUMNS", "PASSAGE_TABLE_COLUMNS",
           "SHARE_COLUMNS", "char_diff", "cleaned_to_raw", "default_boilerplate_docs",
           "fingerprints", "format_edits", "kgram_hashes", "normalise", "passage_table",
           "passages_of", "reuse_pairs", "reuse_view",
           "slogan_chars", "textstat_reuse", "textstat_reuse_share", "without_boilerplate",
           "written_offsets"]
