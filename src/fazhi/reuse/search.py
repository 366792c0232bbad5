"""``textstat_reuse``: the passages shared by the reports of a corpus (see :mod:`fazhi.reuse`)."""

from __future__ import annotations

import hashlib
import math
from array import array
from pathlib import Path
from typing import TYPE_CHECKING

from fazhi.deprecation import renamed_arguments
from fazhi.reuse.align import align
from fazhi.reuse.direction import KINDS, doc_meta, kinds, sources
from fazhi.reuse.edits import compare, format_edits
from fazhi.reuse.fingerprint import gram_size, kgram_hashes
from fazhi.reuse.index import Doc, Index, candidate_pairs, empty_doc, prepare
from fazhi.reuse.offsets import alnum_map
from fazhi.reuse.slogans import is_slogan_passage
from fazhi.reuse.text import CLASSES, class_text, normalise, place_names

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from fazhi.corpus import Corpus

PASSAGE_COLUMNS = ["doc_a", "doc_b", "file_a", "file_b", "text", "start_a", "end_a", "start_b",
                   "end_b", "length", "boilerplate", "kind", "similarity", "edits", "source_doc",
                   "file_start_a", "file_end_a", "file_start_b", "file_end_b"]
BOILERPLATE_SHARE = 0.01   # default threshold: max(3, 1 % of the documents), capped at ...
BOILERPLATE_CAP = 50       # ... 50 documents, so a fingerprint expands into <= 1,225 pairs
MAX_GAP = 10               # characters between two matches joined into one passage
MAX_EXPAND = 10            # a fingerprint in more documents pairs each with its first document only
MAX_POSITIONS = 8          # anchors per fingerprint and document (repeated paragraphs)
PLACE_COLUMNS = ("town", "district", "city", "province")
_ROW = 10                  # ia, ib, sa, ea, sb, eb, length, boilerplate, similarity e4, edits no


def default_boilerplate_docs(n_docs: int) -> int:
    """The default boilerplate threshold for a corpus of ``n_docs`` documents.

    ``max(3, min(50, ceil(n_docs / 100)))``: 3 for up to 300 reports, 1 % of the corpus above,
    never more than 50 documents (which bounds the candidate pairs of one fingerprint).
    >>> default_boilerplate_docs(5), default_boilerplate_docs(1000), default_boilerplate_docs(10000)
    (3, 10, 50)
    """
    return max(3, min(BOILERPLATE_CAP, math.ceil(n_docs * BOILERPLATE_SHARE)))


# ---------------------------------------------------------------- one chunk of pairs


class _Ref:
    """Per first document of a run of pairs: all its k-grams (sorted) and its fingerprints by
    position (to find a passage's fingerprints without scanning all of them)."""

    def __init__(self, d: Doc, k: int, index: Index):
        import numpy as np

        h = kgram_hashes(d.text, k)
        o = np.argsort(h, kind="stable")
        self.hashes, self.positions = h[o], o.astype(np.int32)
        o = np.argsort(d.positions, kind="stable")
        self.fp_pos, self.fp_df, self.fp_ref = d.positions[o], index.df[d.key[o]], d.ref[o]


def _anchors(ia: int, ref: _Ref, db: Doc, keys: np.ndarray):
    """Positions ``(xa, xb)`` of the shared fingerprints that justify the pair, sorted by
    diagonal: fingerprints of small groups, and of larger groups whose first document is ``a``
    (looked up among all k-grams of ``a``, so an anchor is found even where winnowing did not
    select the k-gram in ``a``)."""
    import numpy as np

    sel = np.flatnonzero(db.small | (db.ref == ia))
    hb = keys[db.key[sel]]
    lo = np.searchsorted(ref.hashes, hb, "left")
    hi = np.searchsorted(ref.hashes, hb, "right")
    hit = np.flatnonzero(hi > lo)
    if not len(hit):
        return []
    cnt = np.minimum(hi[hit] - lo[hit], MAX_POSITIONS)
    offs = np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    xa = ref.positions[np.repeat(lo[hit], cnt) + offs].astype(np.int64)
    xb = db.positions[np.repeat(sel[hit], cnt)].astype(np.int64)
    order = np.argsort((xa - xb) * (1 << 32) + xa)
    return zip(xa[order].tolist(), xb[order].tolist(), strict=True)


def _pair_rows(ia: int, da: Doc, db: Doc, ref: _Ref, keys: np.ndarray, p: dict, rows: array,
               edits: list) -> None:
    """Append the passages of one pair to ``rows`` (and their edits to ``edits``)."""
    import numpy as np

    k, min_length, threshold, max_expand = p["k"], p["min_length"], p["threshold"], p["max_expand"]
    anchors = _anchors(ia, ref, db, keys)
    if not anchors:
        return
    a, b = da.text, db.text

    def frequent(sa: int, ea: int) -> bool:  # half of its fingerprints in many documents
        lo, hi = np.searchsorted(ref.fp_pos, (sa, ea - k + 1))
        f_df = ref.fp_df[lo:hi]
        return len(f_df) > 0 and 2 * int(np.count_nonzero(f_df >= threshold)) >= len(f_df)

    def template(sa: int, ea: int) -> bool:  # a piece that is boilerplate (not: too short)
        return frequent(sa, ea) or is_slogan_passage(a[sa:ea], min_length=0, slogans=p["slogans"])

    for passage in align(a, b, anchors, k=k, min_length=min_length, max_gap=p["max_gap"],
                         template=template):
        sa, ea, sb, eb = passage[:4]
        length = ea - sa - a.count("\n", sa, ea)
        classes = sum(a.count(c, sa, ea) for c in CLASSES)
        if 2 * classes > length:
            continue  # mostly numbers and names: 2020年3月19日 is not a copy
        lo, hi = np.searchsorted(ref.fp_pos, (sa, ea - k + 1))
        f_df, f_ref = ref.fp_df[lo:hi], ref.fp_ref[lo:hi]
        n_fp = len(f_df)
        frequent_ = n_fp > 0 and 2 * int(np.count_nonzero(f_df >= threshold)) >= n_fp
        # which pairs list the passage: all pairs of its documents when its fingerprints are in
        # small groups; else (frequent or large groups) the pairs with the first document only
        large = f_df > max_expand
        if large.all() or (frequent_ and large.any()):
            if not (large & (f_ref == ia)).any():
                continue
        bp = frequent_ or is_slogan_passage(a[sa:ea], min_length=min_length, slogans=p["slogans"])
        if bp and not p["include_boilerplate"]:
            continue
        sim, ed = compare(da, db, passage, edits=not bp)
        if sim * length < 0.6 * min_length:
            continue  # too little of it is the same text
        e_no = -1
        if ed is not None:
            e_no = len(edits)
            edits.append(ed)
        rows.extend((ia, p["ib"], sa, ea, sb, eb, da.literal_len(sa, ea), int(bp),
                     round(sim * 10000), e_no))


def align_pairs(docs: list[Doc], codes, params: dict, index: Index) -> tuple[np.ndarray, list]:
    """The passages of the candidate pairs ``codes`` (``a * n + b``, sorted): an ``int32``
    array of ``_ROW`` numbers per passage and the edits of the non-boilerplate ones (the unit of
    work sent to a Dask worker: nothing but the prepared documents and pair codes)."""
    import numpy as np

    n = len(docs)
    rows = array("i")
    edits: list = []
    current, ref = -1, None
    p = dict(params)
    for code in np.asarray(codes, dtype=np.int64).tolist():
        ia, ib = divmod(code, n)
        if ia != current:  # pairs come sorted by their first document
            current, ref = ia, _Ref(docs[ia], p["k"], index)
        p["ib"] = ib
        _pair_rows(ia, docs[ia], docs[ib], ref, index.keys, p, rows, edits)
    flat = np.frombuffer(rows, dtype=np.int32).reshape(-1, _ROW) if rows else \
        np.empty((0, _ROW), np.int32)
    return flat, edits


def _on_cluster(docs: list[Doc], pairs, params: dict, index: Index, scheduler) -> list[tuple]:
    """:func:`align_pairs` over chunks of the pairs on a Dask cluster, results in pair order."""
    import numpy as np

    from fazhi.extras import require

    Client = require("distributed").Client
    client = Client(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = [c for c in np.array_split(pairs, max(1, min(len(pairs), 4 * n_workers))) if len(c)]
        if not chunks:
            return []
        shared, idx = client.scatter([docs, index], broadcast=True)
        futures = client.map(align_pairs, [shared] * len(chunks), chunks,
                             [params] * len(chunks), [idx] * len(chunks), pure=False)
        return client.gather(futures)
    finally:
        if isinstance(scheduler, str):
            client.close()


# ---------------------------------------------------------------- the corpus-level search


def _names(docs_df: pd.DataFrame) -> list[tuple[str, ...]]:
    cols = [c for c in PLACE_COLUMNS if c in docs_df.columns]
    if not cols:
        return [()] * len(docs_df)
    return [place_names(vals) for vals in docs_df[cols].itertuples(index=False, name=None)]


def _duplicates(norms_hash: list[bytes | None]) -> dict[int, int]:
    """Each document whose normalised text equals an earlier one's -> that earlier document."""
    first: dict[bytes, int] = {}
    out = {}
    for i, h in enumerate(norms_hash):
        if h is None:
            continue
        if h in first:
            out[i] = first[h]
        else:
            first[h] = i
    return out


def _offsets(text_of, names: list[tuple], raw_of, removals_of, ids: np.ndarray,
             ct_start: np.ndarray, ct_end: np.ndarray) -> tuple[np.ndarray, ...]:
    """Class-text offsets -> offsets in ``docs.text`` and in ``docs.raw_text`` (-1 unknown),
    one document at a time (``text_of(i)``, ``raw_of(i)``, ``removals_of(i)`` fetch them)."""
    import numpy as np

    s_out = np.empty(len(ids), np.int64)
    e_out = np.empty(len(ids), np.int64)
    rs_out = np.full(len(ids), -1, np.int64)
    re_out = np.full(len(ids), -1, np.int64)
    if not len(ids):
        return s_out, e_out, rs_out, re_out
    order = np.argsort(ids, kind="stable")
    bounds = np.flatnonzero(np.r_[True, ids[order][1:] != ids[order][:-1], True])
    for s, e in zip(bounds[:-1], bounds[1:], strict=True):
        sel = order[s:e]
        i = int(ids[sel[0]])
        text = text_of(i)
        norm, pos = normalise(text)
        starts = class_text(norm, names[i]).starts
        s_out[sel] = pos[starts[ct_start[sel]]]
        e_out[sel] = pos[starts[ct_end[sel]] - 1] + 1
        raw = raw_of(i)
        if not (isinstance(raw, str) and raw):
            continue
        m = alnum_map(raw, text, removals_of(i))
        if m is None:
            continue
        cpos, rpos = m
        last = len(cpos) - 1
        js = np.minimum(np.searchsorted(cpos, s_out[sel]), last)
        je = np.minimum(np.searchsorted(cpos, e_out[sel] - 1), last)
        ok = (cpos[js] == s_out[sel]) & (cpos[je] == e_out[sel] - 1)
        rs_out[sel] = np.where(ok, rpos[js], -1)
        re_out[sel] = np.where(ok, rpos[je] + 1, -1)
    return s_out, e_out, rs_out, re_out


def _getter(docs_df: pd.DataFrame, name: str):
    """``i -> docs_df[name]`` at row ``i`` (None without the column), one value at a time: the
    big text columns are never all turned into Python strings at once."""
    if name not in docs_df.columns:
        return lambda i: None
    col = docs_df[name]
    return lambda i: col.iat[i]


def _empty() -> pd.DataFrame:
    import pandas as pd

    types = {"doc_a": "object", "doc_b": "object", "file_a": "object", "file_b": "object",
             "text": "object", "start_a": "int64", "end_a": "int64", "start_b": "int64",
             "end_b": "int64", "length": "int64", "boilerplate": "bool",
             "kind": pd.CategoricalDtype(KINDS), "similarity": "float64", "edits": "object",
             "source_doc": "object", "file_start_a": "Int64", "file_end_a": "Int64",
             "file_start_b": "Int64", "file_end_b": "Int64"}
    return pd.DataFrame({c: pd.Series(dtype=types[c]) for c in PASSAGE_COLUMNS})


@renamed_arguments(min_chars="min_length")
def textstat_reuse(corpus: Corpus, *, min_length: int = 20, boilerplate_docs: int | None = None,
                   include_boilerplate: bool = True, max_gap: int = MAX_GAP,
                   max_expand: int = MAX_EXPAND, slogans: str | Path | None = None,
                   scheduler=None) -> pd.DataFrame:
    """Passages shared by two documents: one row per copied passage per document pair.

    Columns:

    - ``doc_a``, ``doc_b`` (doc ids, ``doc_a`` first in corpus order), ``file_a``, ``file_b``;
    - ``text``: the passage as written in ``doc_a`` (a categorical: the text of a template passage
      listed for thousands of reports is stored once);
    - ``start_a``, ``end_a``, ``start_b``, ``end_b``: offsets in the cleaned texts (``docs.text``):
      ``text_a[start_a:end_a]`` is the passage in ``doc_a``;
    - ``file_start_a`` … ``file_end_b``: the same passage's offsets in the text as read from the
      file (``docs.raw_text``: decoded, line ends LF; for a .txt file the file itself — see
      :func:`fazhi.reuse.written_offsets` for CRLF files), <NA> when the corpus has no raw text;
    - ``length``: characters of the passage in ``doc_a`` without punctuation and whitespace (as
      ``n_chars`` of :func:`textstat_reuse_share`);
    - ``boilerplate``: in ``boilerplate_docs`` reports or more (default
      :func:`default_boilerplate_docs`: ``max(3, min(50, ceil(n / 100)))``), or a template by its
      content (slogans and set formulas, ``slogans``: a file like ``fazhi/data/slogans.txt``);
    - ``kind``: ``template`` (boilerplate), ``duplicate`` (the same report twice: one row for the
      whole text), ``same_unit`` (another year's report of the same unit), ``other_unit``,
      ``unknown_unit``;
    - ``similarity``: share of the two copies' characters in identical pieces (1.0 verbatim);
    - ``edits``: what differs, from ``source_doc`` to the other report when the source is known
      (else from ``doc_a`` to ``doc_b``): ``地名：亭江镇→西联镇；数字：209→17；插入：认真；删除句子：
      严格执行信访工作条例…；语序调整`` (kinds and labels in ``fazhi/data/reuse_labels.tsv``)
      (empty for boilerplate rows: they are listed against one reference report only);
    - ``source_doc``: the report copied from (earlier report year, else earlier publish date),
      empty when the dates do not tell.

    Matching ignores punctuation, symbols, whitespace, full/half width and ASCII case, takes any
    number for any number and any of a report's own place names (town, district, city,
    province) for any other's, bridges gaps of up to ``max_gap`` (10) characters, runs of place
    names and paragraph breaks moved, and groups sentences reordered within a passage and a
    passage with one sentence (up to 100 characters) left out or put in (see
    :mod:`fazhi.reuse.align`). ``max_expand``: a passage in more documents than this (10) is listed
    once per document, against the first document containing it, instead of for all pairs.
    ``include_boilerplate=False`` leaves boilerplate rows out (and skips their search).
    ``min_length``: the shortest passage reported, in characters without punctuation (at least
    2). Bad options (``min_length < 2``, ``boilerplate_docs < 2``) raise ``ValueError``.
    ``scheduler``: a Dask scheduler address or ``Client``: the pairs are aligned on the cluster
    (same result).
    Only ``corpus.docs`` is read: a store opened with ``open_corpus(path, tables=["docs"])``
    (or :func:`~fazhi.corpus.load_corpus` with ``tables``) is enough and spares the tokens' memory.

    >>> p = textstat_reuse(open_corpus("data/raw", tables=["docs"]))   # doctest: +SKIP
    >>> p.loc[~p.boilerplate, ["file_a", "file_b", "similarity", "edits"]]   # doctest: +SKIP
    """
    import numpy as np
    import pandas as pd

    if min_length < 2:
        raise ValueError(f"min_length must be at least 2, not {min_length}")
    if boilerplate_docs is not None and boilerplate_docs < 2:
        raise ValueError(f"boilerplate_docs must be at least 2, not {boilerplate_docs}")
    docs_df = corpus.docs
    n = len(docs_df)
    threshold = boilerplate_docs if boilerplate_docs is not None else default_boilerplate_docs(n)
    threshold = max(2, int(threshold))
    k = gram_size(min_length)
    w = max(1, min_length - k + 1)
    raw_text_of = _getter(docs_df, "text")

    def text_of(i: int) -> str:
        t = raw_text_of(i)
        return t if isinstance(t, str) else ""

    names = _names(docs_df)
    docs, hashes = [], []
    for i, nm in enumerate(names):
        text = text_of(i)
        norm = normalise(text)[0]
        docs.append(prepare(text, k=k, w=w, names=nm, norm=norm))
        body = norm.replace("\n", "")
        hashes.append(hashlib.blake2b(body.encode("utf-8"), digest_size=16).digest()
                      if len(body) >= min_length else None)
        del text, norm, body
    dup = _duplicates(hashes)
    del hashes
    dup_rows = []
    for i, j in dup.items():  # one row for the whole text; the copy takes part in nothing else
        ends = []
        for t in (docs[j].text, docs[i].text):  # (their own place names may differ)
            ends += [len(t) - len(t.lstrip("\n")), len(t.rstrip("\n"))]
        dup_rows.append((j, i, *ends, docs[j].literal_len(ends[0], ends[1]), 0, 10000, -1))
    for i in dup:
        docs[i] = empty_doc()
    pairs, index = candidate_pairs(docs, k=k, threshold=threshold, max_expand=max_expand,
                                   include_boilerplate=include_boilerplate)
    params = {"k": k, "min_length": min_length, "max_gap": max_gap, "threshold": threshold,
              "max_expand": max_expand, "include_boilerplate": include_boilerplate,
              "slogans": str(slogans) if slogans else None}
    if scheduler is not None and len(pairs):
        results = _on_cluster(docs, pairs, params, index, scheduler)
    else:
        results = [align_pairs(docs, pairs, params, index)]
    del docs, pairs, index
    edits: list = []
    parts, offsets = [], []
    for flat, ed in results:
        if len(flat):
            parts.append(flat)
            offsets.append(np.full(len(flat), len(edits), np.int32))
        edits.extend(ed)
    del results
    if dup_rows:
        parts.append(np.array(dup_rows, dtype=np.int32).reshape(-1, _ROW))
        offsets.append(np.zeros(len(dup_rows), np.int32))
    if not parts:
        return _empty()
    arr = np.concatenate(parts)
    shift = np.concatenate(offsets)
    del parts, offsets
    arr[:, 9] = np.where(arr[:, 9] >= 0, arr[:, 9] + shift, -1)
    del shift
    order = np.lexsort((arr[:, 4], arr[:, 2], arr[:, 1], arr[:, 0]))  # pair, then position
    arr = arr[order]
    del order
    ia, ib = arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64)
    bps = arr[:, 7].astype(bool)
    dup_of = np.full(n, -1, np.int64)
    for i, j in dup.items():
        dup_of[i] = j
    is_dup = dup_of[ib] == ia   # a duplicate takes part in no other row
    raw_of, removals_of = _getter(docs_df, "raw_text"), _getter(docs_df, "removals")
    starts_a, ends_a, fs_a, fe_a = _offsets(text_of, names, raw_of, removals_of, ia, arr[:, 2],
                                            arr[:, 3])
    starts_b, ends_b, fs_b, fe_b = _offsets(text_of, names, raw_of, removals_of, ib, arr[:, 4],
                                            arr[:, 5])
    meta = doc_meta(docs_df)
    src = sources(meta, ia, ib)
    kind = kinds(meta, ia, ib, bps, is_dup)
    doc_ids = docs_df["doc_id"].to_numpy()
    files = docs_df["file"].to_numpy()
    # the passage texts: each distinct span once (template passages repeat against one reference)
    keys = np.stack([ia, starts_a, ends_a], axis=1)
    uniq, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    cat_of: dict[str, int] = {}
    codes_u = np.empty(len(uniq), np.int64)
    cur, text = -1, ""
    for u, r in enumerate(first.tolist()):  # sorted by document: each text fetched once
        if int(ia[r]) != cur:
            cur = int(ia[r])
            text = text_of(cur)
        codes_u[u] = cat_of.setdefault(text[int(starts_a[r]):int(ends_a[r])], len(cat_of))
    text = pd.Categorical.from_codes(codes_u[inverse.ravel()], categories=list(cat_of))
    del cat_of, keys, uniq, first, inverse
    flip = src == ib
    edit_text = np.array([""] * len(arr), dtype=object)
    for r in np.flatnonzero(arr[:, 9] >= 0).tolist():
        edit_text[r] = format_edits(edits[int(arr[r, 9])], flip=bool(flip[r]))
    del edits

    def ints(x):  # -1 (unknown) -> <NA>
        return pd.arrays.IntegerArray(np.where(x >= 0, x, 0), mask=x < 0)

    return pd.DataFrame({
        "doc_a": doc_ids[ia], "doc_b": doc_ids[ib], "file_a": files[ia], "file_b": files[ib],
        "text": text, "start_a": starts_a, "end_a": ends_a, "start_b": starts_b, "end_b": ends_b,
        "length": arr[:, 6].astype(np.int64), "boilerplate": bps,
        "kind": pd.Categorical(kind, categories=KINDS),
        "similarity": arr[:, 8] / 10000.0, "edits": edit_text,
        "source_doc": np.where(src >= 0, doc_ids[np.maximum(src, 0)], ""),
        "file_start_a": ints(fs_a), "file_end_a": ints(fe_a),
        "file_start_b": ints(fs_b), "file_end_b": ints(fe_b),
    })[PASSAGE_COLUMNS]
