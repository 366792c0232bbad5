"""The admitted shortcomings by group (:func:`fazhi.textstat.problems.textstat_problem_shares`):
a heat map of categories × years (or regions), each cell the share of reports admitting it.

>>> fd.show(textplot_problems(textstat_problem_shares(corpus, by="report_year")))   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from fazhi.textplot import _empty, _figure, _label, _message, _named, _sort_key, field_label
from fazhi.vocab import is_unknown

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# the rows that flag reports, not categories of shortcomings (drawn only when asked)
_FLAGS = ("no_part", "none_admitted")
_VALUES = {"share": "承认该类问题的报告占比", "unit_share": "该类问题条目占全部条目的比例"}


def _same(values, g):
    return values.map(is_unknown) if is_unknown(g) else values == g


@_named
def textplot_problems(shares: pd.DataFrame, *, by: str | None = None,
                      value: Literal["share", "unit_share"] = "share",
                      groups: Sequence | None = None, flags: bool = False,
                      title: str | None = None, ax: Axes | None = None) -> Figure:
    """Heat map of ``textstat_problem_shares`` rows: one row per category (its Chinese label, in
    the table's order), one column per group of ``by`` (default the table's first column),
    labelled with the reports behind it (n = reports listing a shortcoming); each cell the
    ``value`` in percent (``share``: reports admitting the category; ``unit_share``: its share of
    the units). ``flags=True`` adds the rows 缺少问题部分 / 问题部分未列出问题 (share of all
    reports). An empty table draws its message.

    >>> textplot_problems(textstat_problem_shares(corpus, by="province"))   # doctest: +SKIP
    """
    import numpy as np

    if value not in _VALUES:
        raise ValueError(f"value must be 'share' or 'unit_share', not {value!r}")
    if shares is None or shares.empty:
        fig, ax = _figure(ax, (7, 4))
        _empty(ax, _message(shares))
        return fig
    by = by or str(shares.columns[0])
    rows = shares if flags else shares[~shares["category"].isin(_FLAGS)]
    cats = list(dict.fromkeys(rows["category"].astype(str)))
    labels = dict(zip(rows["category"].astype(str), rows["label"].astype(str), strict=True))
    groups = list(groups) if groups is not None else _sort_key(shares[by].tolist())
    grid = np.zeros((len(cats), len(groups)))
    ticks = []
    for j, g in enumerate(groups):
        sub = rows[_same(rows[by], g)]
        got = dict(zip(sub["category"].astype(str), sub[value].astype(float), strict=True))
        grid[:, j] = [100 * got.get(c, 0.0) for c in cats]
        n = int(sub["n_admitting"].iloc[0]) if len(sub) else 0
        ticks.append(f"{_label(g)}\nn={n}")
    width = min(max(5.5, 1.0 + 0.9 * len(groups) + 2.5), 16)
    fig, ax = _figure(ax, (width, 0.45 * len(cats) + 2))
    im = ax.imshow(grid, aspect="auto", cmap="Reds", vmin=0, vmax=100)
    ax.set_xticks(range(len(groups)), ticks, fontsize=9)
    ax.set_yticks(range(len(cats)), [_label(labels[c]) for c in cats], fontsize=9)
    for i in range(len(cats)):
        for j in range(len(groups)):
            v = grid[i, j]
            ax.text(j, i, f"{v:.0f}", ha="center", va="center", fontsize=8,
                    color="white" if v >= 60 else "black")
    cbar = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cbar.set_label(f"{_VALUES[value]}（%）", fontsize=9)
    ax.set_xlabel(field_label(by))
    ax.set_title(title or f"承认的问题和不足（按{field_label(by)}）")
    fig.tight_layout()
    return fig


__all__ = ["textplot_problems"]
