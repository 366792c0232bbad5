"""What differs inside a shared passage: its edits, a similarity score, a character diff.

The edits come from the alignment itself (:mod:`fazhi.reuse.align`): class characters whose values
differ (a number, a place name), the gaps between the exact pieces (words inserted, left out or
replaced), and pieces in another order (sentences reordered). An insertion or deletion of more
than ``MAX_WORDS`` (15) characters is a sentence the copier put in or left out (the alignment
bridges one, :data:`fazhi.reuse.align.SENTENCE_GAP`); a sentence replaced by another is both. The similarity is the share of the
two copies' characters inside identical pieces (a number or a place name counts as one character):
``2 * identical / (length_a + length_b)``.

>>> format_edits([("place", "亭江镇", "西联镇"), ("number", "209", "17"), ("insert", "", "认真")])
'地名：亭江镇→西联镇；数字：209→17；插入：认真'
>>> format_edits([("insert", "", "认真")], flip=True)
'删除：认真'
>>> format_edits(sentence_edits(("replace", "严格执行信访工作条例畅通信访渠道规范信访程序", "认真")))
'插入：认真；删除句子：严格执行信访工作条例畅通信访渠道规范信访程序'
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from fazhi.reuse.align import names_only
from fazhi.reuse.text import NUM, PLACE, normalise

if TYPE_CHECKING:
    from fazhi.reuse.index import Doc

EDIT_KINDS = ("place", "number", "insert", "delete", "replace", "insert_sentence",
              "delete_sentence", "reorder")
_NUMERIC = frozenset("0123456789〇零一二三四五六七八九十百千万两" + NUM)
MAX_ITEMS = 5      # edits of one kind listed, then "等N处"
MAX_SHOWN = 24     # characters of an edit shown, then "…"
MAX_WORDS = 15     # characters inserted or left out in one place; more is a sentence


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    """Chinese labels of the kinds and edits (``data/reuse_labels.tsv``)."""
    from fazhi.read import load_table

    return {row[0]: row[1] for row in load_table("reuse_labels.tsv") if len(row) >= 2}


def _pieces(da: Doc, db: Doc, pieces) -> tuple[list[tuple[str, str, str]], int]:
    """The class characters inside exact pieces whose values differ (209 -> 17, 亭江镇 -> 西联镇),
    and how many characters of report a the pieces hold identically (class values in full)."""
    import numpy as np

    out = []
    same, pos = 0, -1
    for psa, pea, psb, _peb in pieces:  # sorted by their start in a; overlaps counted once
        x = max(psa, pos)
        if pea <= x:
            continue
        same += pea - x - da.text.count("\n", x, pea)
        pos = pea
        if not len(da.cls_pos):
            continue
        lo, hi = np.searchsorted(da.cls_pos, (x, pea))
        for j in range(int(lo), int(hi)):
            p = int(da.cls_pos[j])
            va = da.cls_val[da.cls_off[j]:da.cls_off[j + 1] - 1]
            vb = db.value(p - psa + psb)
            if va == vb:
                same += len(va) - 1
            else:
                same -= 1
                out.append(("place" if da.text[p] == PLACE else "number", va, vb))
    return out, same


def _gap_edit(da: Doc, db: Doc, xa: int, ya: int, xb: int, yb: int) -> tuple[tuple | None, int]:
    """The edit of the gap ``a[xa:ya]`` / ``b[xb:yb]`` between two pieces (None: the same text)
    and how many of its characters are the same in both."""
    la, lb = da.literal(xa, ya), db.literal(xb, yb)
    if la == lb:
        return None, len(la)
    n = 0
    while n < min(len(la), len(lb)) and la[n] == lb[n]:
        n += 1
    k = 0
    while k < min(len(la), len(lb)) - n and la[-1 - k] == lb[-1 - k]:
        k += 1
    xa2, xb2 = la[n:len(la) - k], lb[n:len(lb) - k]
    if not xa2:
        return ("insert", "", xb2), n + k
    if not xb2:
        return ("delete", xa2, ""), n + k
    ga, gb = da.text[xa:ya].replace("\n", ""), db.text[xb:yb].replace("\n", "")
    if names_only(ga) and names_only(gb):
        return ("place", la, lb), 0
    if set(xa2) <= _NUMERIC and set(xb2) <= _NUMERIC:
        return ("number", xa2, xb2), n + k
    return ("replace", xa2, xb2), n + k


def sentence_edits(edit: tuple[str, str, str]) -> list[tuple[str, str, str]]:
    """An insertion, deletion or replacement as sentence edits where a side holds more than
    ``MAX_WORDS`` characters (a sentence put in or left out), else unchanged."""
    kind, x, y = edit
    if kind not in ("insert", "delete", "replace") or max(len(x), len(y)) <= MAX_WORDS:
        return [edit]
    out = []
    if x:
        out.append(("delete_sentence", x, "") if len(x) > MAX_WORDS else ("delete", x, ""))
    if y:
        out.append(("insert_sentence", "", y) if len(y) > MAX_WORDS else ("insert", "", y))
    return out


def _uncovered(spans: list[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    out, pos = [], s
    for x, y in sorted(spans):
        if x > pos:
            out.append((pos, x))
        pos = max(pos, y)
    if pos < e:
        out.append((pos, e))
    return out


def compare(da: Doc, db: Doc, passage, *, edits: bool = True) -> tuple[float, list | None]:
    """``(similarity, edits)`` of an aligned passage ``(sa, ea, sb, eb, pieces, reordered)``;
    ``edits`` is None when not asked for. The similarity counts characters as written (a number
    or name in full): ``2 * same / (length_a + length_b)``."""
    sa, ea, sb, eb, pieces, reordered = passage
    diffs, same = _pieces(da, db, pieces)
    out = list(diffs)
    if not reordered:
        prev = (sa, sa, sb, sb)
        for p in [*pieces, (ea, ea, eb, eb)]:
            if p[0] >= prev[1] and p[2] >= prev[3]:
                e, n = _gap_edit(da, db, prev[1], p[0], prev[3], p[2])
                same += n
                if e:
                    out += sentence_edits(e)
            if p[1] >= prev[1]:
                prev = p
    else:
        out.append(("reorder", "", ""))
        for x, y in _uncovered([(p[0], p[1]) for p in pieces], sa, ea):
            if da.text[x:y].replace("\n", ""):
                out += sentence_edits(("delete", da.literal(x, y), ""))
        for x, y in _uncovered([(p[2], p[3]) for p in pieces], sb, eb):
            if db.text[x:y].replace("\n", ""):
                out += sentence_edits(("insert", "", db.literal(x, y)))
    total = da.literal_len(sa, ea) + db.literal_len(sb, eb)
    sim = max(0.0, min(1.0, 2 * same / total)) if total else 0.0
    return sim, (out if edits else None)


def _short(s: str) -> str:
    return s if len(s) <= MAX_SHOWN else s[:MAX_SHOWN] + "…"


def format_edits(edits: list[tuple[str, str, str]] | None, *, flip: bool = False) -> str:
    """The edits as one line of Chinese (``flip``: seen from report b towards report a)."""
    if not edits:
        return ""
    lab = labels()
    by_kind: dict[str, list[str]] = {}
    swap = {"insert": "delete", "delete": "insert", "insert_sentence": "delete_sentence",
            "delete_sentence": "insert_sentence"}
    for kind, x, y in edits:
        if flip:
            kind, x, y = swap.get(kind, kind), y, x
        if kind in ("place", "number", "replace"):
            item = f"{_short(x)}→{_short(y)}"
        elif kind in ("insert", "insert_sentence"):
            item = _short(y)
        elif kind in ("delete", "delete_sentence"):
            item = _short(x)
        else:
            item = ""
        by_kind.setdefault(kind, []).append(item)
    parts = []
    for kind in EDIT_KINDS:
        items = by_kind.get(kind)
        if not items:
            continue
        if kind == "reorder":
            parts.append(lab.get(kind, kind))
            continue
        shown = "、".join(items[:MAX_ITEMS]) + (f"等{len(items)}处" if len(items) > MAX_ITEMS else "")
        parts.append(f"{lab.get(kind, kind)}：{shown}")
    return "；".join(parts)


def char_diff(x: str, y: str, *, limit: int = 20_000) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of ``x`` and of ``y`` (texts as written) whose letters and digits differ between
    them, punctuation and whitespace aside (for the side-by-side view).

    >>> char_diff("全年调处纠纷209件。", "全年调处纠纷17件，")
    ([(6, 9)], [(6, 8)])
    """
    import difflib

    nx, px = normalise(x)
    ny, py = normalise(y)
    if len(nx) > limit or len(ny) > limit:
        return [], []
    out_x, out_y = [], []
    sm = difflib.SequenceMatcher(None, nx, ny, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1 and nx[i1:i2].strip("\n"):
            out_x.append((int(px[i1]), int(px[i2 - 1]) + 1))
        if j2 > j1 and ny[j1:j2].strip("\n"):
            out_y.append((int(py[j1]), int(py[j2 - 1]) + 1))
    return out_x, out_y
