"""The side-by-side HTML view of two reports' shared passages (``fazhi.textplot_reuse``).

Both texts in full, each passage highlighted (``<mark>``, numbered ``[1]`` on both sides,
boilerplate in grey); inside a passage that is not verbatim the letters and digits found only in
this copy are marked ``<ins>`` (a changed number, a replaced name, an inserted word); under the
texts one line per passage: its similarity, kind, which report is the source and its edits. All
report text is HTML-escaped.

>>> html = reuse_view("全年调处纠纷209件。", "全年调处纠纷17件。",
...                   [{"a": (0, 10), "b": (0, 9), "boilerplate": False, "similarity": 0.9}])
>>> "<mark>全年调处纠纷<ins>209</ins>件</mark>" in html
True
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable

from fazhi.reuse.edits import char_diff, labels

CSS = """<style>
.fz-reuse{display:flex;gap:1em;align-items:flex-start}
.fz-reuse>div{flex:1;min-width:0}
.fz-reuse h4{margin:.2em 0;font-size:1em}
.fz-reuse pre{white-space:pre-wrap;word-break:break-all;font-family:inherit;font-size:.9em;
 line-height:1.6;max-height:40em;overflow-y:auto;border:1px solid #ddd;padding:.6em;margin:0}
.fz-reuse mark{background:#ffe08a}
.fz-reuse mark.fz-bp{background:#e5e5e5}
.fz-reuse ins{text-decoration:none;color:#b00020;font-weight:bold}
.fz-reuse sup{color:#b35900;font-size:.7em}
.fz-note,.fz-item{color:#666;font-size:.85em;margin:.2em 0}
</style>"""


def _merge(spans: list[tuple[int, int, int, bool]]) -> list[list]:
    """Overlapping (start, end, no, boilerplate) spans merged; boilerplate only if all are."""
    out: list[list] = []
    for s, e, k, bp in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
            out[-1][2].append(k)
            out[-1][3] = out[-1][3] and bp
        else:
            out.append([s, e, [k], bp])
    return out


def _inner(text: str, s: int, e: int, diffs: list[tuple[int, int]]) -> str:
    parts, pos = [], s
    for x, y in sorted(diffs):
        x, y = max(x, pos), min(y, e)
        if y <= x:
            continue
        parts += [html.escape(text[pos:x]), f"<ins>{html.escape(text[x:y])}</ins>"]
        pos = y
    parts.append(html.escape(text[pos:e]))
    return "".join(parts)


def _highlight(text: str, spans: list[tuple[int, int, int, bool]], diffs: list[tuple[int, int]]) -> str:
    parts, pos = [], 0
    for s, e, ks, bp in _merge(spans):
        s, e = max(s, pos), min(e, len(text))
        if e <= s:
            continue
        parts.append(html.escape(text[pos:s]))
        nums = ",".join(str(k) for k in sorted(set(ks)))
        cls = ' class="fz-bp"' if bp else ""
        parts.append(f"<sup>[{nums}]</sup><mark{cls}>{_inner(text, s, e, diffs)}</mark>")
        pos = e
    parts.append(html.escape(text[pos:]))
    return "".join(parts)


def _item(no: int, p: dict, lab: dict[str, str]) -> str:
    bits = [f"[{no}]"]
    sim = p.get("similarity")
    if sim is not None and not (isinstance(sim, float) and math.isnan(sim)):
        bits.append(f"相似度 {float(sim):.2f}")
    kind = p.get("kind")
    if isinstance(kind, str) and kind:
        bits.append(lab.get(kind, kind))
    source = p.get("source")
    if source in ("a", "b"):
        bits.append("来源：" + ("左侧" if source == "a" else "右侧"))
    edits = p.get("edits")
    if isinstance(edits, str) and edits:
        bits.append(edits)
    return f'<p class="fz-item">{html.escape(" · ".join(bits))}</p>'


def reuse_view(text_a: str, text_b: str, passages: Iterable[dict], *, title_a: str = "",
               title_b: str = "", note: str = "") -> str:
    """The view of two texts and their passages: dicts with ``a`` and ``b`` (start, end) spans,
    ``boilerplate`` and, when known, ``similarity``, ``kind``, ``source`` ("a", "b" or "") and
    ``edits``; numbered in the order given. Differences are marked in passages whose similarity
    is below 1."""
    spans_a, spans_b, diff_a, diff_b, items = [], [], [], [], []
    lab = labels()
    rows = list(passages)
    for no, p in enumerate(rows, start=1):
        (sa, ea), (sb, eb) = p["a"], p["b"]
        bp = bool(p.get("boilerplate", False))
        spans_a.append((sa, ea, no, bp))
        spans_b.append((sb, eb, no, bp))
        sim = p.get("similarity")
        if sim is not None and not (isinstance(sim, float) and math.isnan(sim)) and sim < 1:
            dx, dy = char_diff(text_a[sa:ea], text_b[sb:eb])
            diff_a += [(sa + x, sa + y) for x, y in dx]
            diff_b += [(sb + x, sb + y) for x, y in dy]
        if any(key in p for key in ("similarity", "kind", "edits")):
            items.append(_item(no, p, lab))
    cols = []
    for title, text, spans, diffs in ((title_a, text_a, spans_a, diff_a),
                                      (title_b, text_b, spans_b, diff_b)):
        cols.append(f"<div><h4>{html.escape(title)}</h4><pre>{_highlight(text, spans, diffs)}</pre></div>")
    note_html = f'<p class="fz-note">{html.escape(note)}</p>' if note else ""
    return f'{CSS}{note_html}<div class="fz-reuse">{"".join(cols)}</div>{"".join(items)}'
