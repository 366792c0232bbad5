"""The map of the units (:func:`fazhi.textstat.scale.textstat_scale`): units and their terms on
one plane.

>>> fd.show(textplot_map(textstat_scale(corpus, by="town"), n_labels=25))   # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from fazhi.textplot import _empty, _figure, _message, _mpl, _named, field_label

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

UNIT_COLOUR = "#c0392b"
TERM_COLOUR = "#7f7f7f"
UNIT_SIZE, TERM_SIZE = 10, 8  # font sizes (points)
# where a label may go relative to its point, tried in this order (in font heights), then
# the same ring further out
_OFFSETS = [(0.4, 0.3), (0.4, -1.3), (-1.0, 0.3), (-1.0, -1.3), (0.0, 0.9), (0.0, -1.9),
            (0.9, -0.5), (-1.9, -0.5)]
_TITLES = {"ca": "对应分析", "mds": "多维尺度分析（TF-IDF 余弦）"}


def _box(x: float, y: float, text: str, size: float, dpi: float, dx: float, dy: float):
    """(x0, y0, x1, y1) in pixels of ``text`` at ``size`` points placed at offset (dx, dy) font
    heights from the point (x, y) in pixels; CJK characters one em wide, others half."""
    em = size * dpi / 72
    width = sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text) * em
    if dx < 0:  # a label left of its point ends near it
        x0 = x + dx * em - width + em
    elif dx == 0:
        x0 = x - width / 2
    else:
        x0 = x + dx * em
    y0 = y + dy * em
    return (x0, y0, x0 + width, y0 + 1.2 * em)


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(points: list[tuple[float, float, str, float]], dpi: float,
                 obstacles: list[tuple] | None = None, rings: int = 3) -> list[tuple | None]:
    """Deterministic label placement: for each (x_px, y_px, text, size), in order, the first
    offset of ``_OFFSETS`` (three rings, each further out) whose box overlaps no label placed
    before nor an obstacle box; None when every spot is taken (the label is left out). Returns
    per point (x0, y0, x1, y1) of the chosen box in pixels, or None."""
    placed: list[tuple] = list(obstacles or [])
    out: list[tuple | None] = []
    for x, y, text, size in points:
        chosen = None
        for ring in range(rings):
            for dx, dy in _OFFSETS:
                scale = 1 + 1.2 * ring
                box = _box(x, y, text, size, dpi, dx * scale, dy * scale)
                if not any(_overlaps(box, b) for b in placed):
                    chosen = box
                    break
            if chosen:
                break
        if chosen:
            placed.append(chosen)
        out.append(chosen)
    return out


def _important(df: pd.DataFrame, n: int, explained: list[float]) -> np.ndarray:
    """Positions (in ``df``) of the ``n`` points that weigh most on the plane: contribution to
    dim1 + dim2 (CA), else distance from the origin; ties by position."""
    if df["ctr1"].notna().all():
        w = (df["ctr1"] * explained[0] + df["ctr2"] * explained[1]).to_numpy()
    else:
        w = np.hypot(df["dim1"], df["dim2"]).to_numpy()
    order = np.lexsort((np.arange(len(df)), -w))
    return order[:n]


@_named
def textplot_map(points: pd.DataFrame, *, n_labels: int = 30, title: str | None = None,
                 ax: Axes | None = None) -> Figure:
    """Units (red markers with their names) and terms (smaller grey labels) of
    :func:`textstat_scale` on one plane; the axes say the share of the inertia (variance) of each
    dimension. At most ``n_labels`` units and ``n_labels`` terms are named (those weighing most on
    the plane); labels are placed so that they do not overlap (a label with no free spot is left
    out; its point stays). An empty table draws its ``attrs["message"]``.

    >>> textplot_map(textstat_scale(corpus, by="district"), n_labels=20)   # doctest: +SKIP
    """
    fig, ax = _figure(ax, (9, 7.5))
    if points is None or points.empty:
        _empty(ax, _message(points))
        return fig
    attrs = points.attrs
    explained = list(attrs.get("explained", [float("nan")] * 2))
    method = attrs.get("method", "ca")
    units = points[points["kind"] == "unit"].reset_index(drop=True)
    terms = points[points["kind"] == "term"].reset_index(drop=True)
    ax.axhline(0, color="#cccccc", linewidth=0.8, zorder=0)
    ax.axvline(0, color="#cccccc", linewidth=0.8, zorder=0)
    ax.scatter(terms["dim1"], terms["dim2"], s=8, color=TERM_COLOUR, alpha=0.6, zorder=2)
    crowded = len(units) > 50  # many units: smaller, lighter markers keep the terms readable
    ax.scatter(units["dim1"], units["dim2"], s=14 if crowded else 36, color=UNIT_COLOUR,
               marker="s", alpha=0.6 if crowded else 1.0, zorder=3)
    xs = np.concatenate([points["dim1"].to_numpy(float), [0.0]])
    ys = np.concatenate([points["dim2"].to_numpy(float), [0.0]])
    pad_x = (xs.max() - xs.min()) * 0.08 or 1.0
    pad_y = (ys.max() - ys.min()) * 0.08 or 1.0
    ax.set_xlim(xs.min() - pad_x, xs.max() + pad_x)
    ax.set_ylim(ys.min() - pad_y, ys.max() + pad_y)
    pct = [f"{100 * e:.1f}%" if e == e else "?" for e in explained]
    ax.set_xlabel(f"维度 1（{pct[0]}）")
    ax.set_ylabel(f"维度 2（{pct[1]}）")
    by = attrs.get("by")
    what = field_label(by) if by else "地区"
    ax.set_title(title or f"{what}分布图（{_TITLES.get(method, method)}）")
    fig.tight_layout()
    # labels: units first (they matter most), then terms; pixel positions after the layout
    trans = ax.transData
    chosen = [(units, i, UNIT_SIZE) for i in _important(units, n_labels, explained)]
    chosen += [(terms, i, TERM_SIZE) for i in _important(terms, n_labels, explained)]
    pix = [trans.transform((t.at[i, "dim1"], t.at[i, "dim2"])) for t, i, _s in chosen]
    marks = [(x - 3, y - 3, x + 3, y + 3) for x, y in
             trans.transform(units[["dim1", "dim2"]].to_numpy(float))] if len(units) else []
    boxes = place_labels([(x, y, str(t.at[i, "label"]), s)
                          for (x, y), (t, i, s) in zip(pix, chosen, strict=True)],
                         fig.dpi, obstacles=marks)
    inv = trans.inverted()
    for (t, i, size), box in zip(chosen, boxes, strict=True):
        if box is None:
            continue
        x, y = inv.transform((box[0], box[1]))
        unit = size == UNIT_SIZE
        ax.text(x, y, _mpl(t.at[i, "label"]), fontsize=size, ha="left", va="bottom",
                color="black" if unit else TERM_COLOUR,
                zorder=4 if unit else 3)
    left = len(units) - sum(b is not None for (t, _i, s), b in zip(chosen, boxes, strict=True)
                            if s == UNIT_SIZE)
    if left > 0:
        ax.annotate(f"另有 {left} 个{what}未标注名称（只画点）", xy=(0.01, 0.01),
                    xycoords="axes fraction", fontsize=8, color="grey")
    return fig
