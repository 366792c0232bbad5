"""Charts of a topic model: each topic's top terms, and topic shares over the years.

Both take the tables of :mod:`fazhi.textstat.topics` (``textstat_topics``,
``textstat_topic_shares``) and return a Figure; an empty table draws its ``attrs["message"]``.

>>> textplot_topics(textstat_topics(model, n=8))                              # doctest: +SKIP
>>> textplot_topics_trend(textstat_topic_shares(model, by="report_year"))     # doctest: +SKIP
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from fazhi.textplot import _Axis, _empty, _figure, _group_of, _message, _mpl, _named, _plain

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure


def _grid(n_panels: int, ncols: int, panel: tuple[float, float]):
    import matplotlib.pyplot as plt

    from fazhi.fonts import setup_font

    setup_font()
    ncols = max(1, min(ncols, n_panels))
    nrows = math.ceil(n_panels / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(panel[0] * ncols, panel[1] * nrows),
                             squeeze=False)
    flat = axes.ravel().tolist()
    for ax in flat[n_panels:]:
        ax.set_visible(False)
    return fig, flat[:n_panels]


@_named
def textplot_topics(topics: pd.DataFrame, *, n: int = 8, ncols: int = 4,
                    title: str | None = None) -> Figure:
    """Small multiples: per topic, its ``n`` top terms as bars of their weight (probability in the
    topic), titled with the topic's number and coherence (u_mass).

    >>> textplot_topics(textstat_topics(model, n=10), n=8)   # doctest: +SKIP
    """
    if topics is None or topics.empty:
        fig, ax = _figure(None, (7, 3))
        _empty(ax, _message(topics))
        return fig
    groups = list(topics.groupby("topic", sort=True))
    fig, axes = _grid(len(groups), ncols, (3.2, 0.3 * n + 1.0))
    for ax, (topic, grp) in zip(axes, groups, strict=True):
        grp = grp.sort_values("rank").head(n)
        ax.barh(range(len(grp))[::-1], grp["weight"], color="#4c72b0")
        ax.set_yticks(range(len(grp))[::-1], [_mpl(t) for t in grp["term"]], fontsize=9)
        coh = grp["coherence"].iloc[0] if "coherence" in grp else float("nan")
        ax.set_title(f"主题 {topic}（一致性 {coh:.2f}）", fontsize=10)
        ax.tick_params(axis="x", labelsize=7)
        ax.grid(axis="x", alpha=0.3)
    fig.suptitle(title or "各主题的高频词（权重 = 词在主题中的概率）")
    fig.tight_layout()
    return fig


@_named
def textplot_topics_trend(shares: pd.DataFrame, *, by: str | None = None, ncols: int = 4,
                          title: str | None = None) -> Figure:
    """Small multiples: per topic, its mean share of the reports (%) along ``by`` (the table's
    group column, normally report_year), the reports behind each year marked ``n=``.
    Same y scale in every panel, so topics compare at a glance.

    >>> textplot_topics_trend(textstat_topic_shares(model, by="report_year"))   # doctest: +SKIP
    """
    if shares is None or shares.empty:
        fig, ax = _figure(None, (7, 3))
        _empty(ax, _message(shares))
        return fig
    by = _group_of(shares, by)
    if by in ("topic", None):
        fig, ax = _figure(None, (7, 3))
        _empty(ax, "份额表没有分组列：用 textstat_topic_shares(model, by=\"report_year\")")
        return fig
    n_docs: dict[str, int] = {}
    for key, nd in zip(shares[by], shares["n_docs"], strict=True):
        n_docs[_plain(key)] = int(nd)
    axis = _Axis(shares[by], n_docs)
    if not axis.pos:
        fig, ax = _figure(None, (7, 3))
        _empty(ax, "所有报告的分组值均不明，无法画趋势")
        return fig
    groups = list(shares.groupby(["topic", "topic_label"], sort=True))
    fig, axes = _grid(len(groups), ncols, (3.2, 2.4))
    top = 100 * float(shares["share"].max())
    bottom = len(axes) - min(ncols, len(axes))
    for i, (ax, ((topic, label), grp)) in enumerate(zip(axes, groups, strict=True)):
        pts = [(axis.x(k), 100 * float(v)) for k, v in zip(grp[by], grp["share"], strict=True)
               if axis.x(k) is not None]
        axis.plot(ax, [p[0] for p in pts], [p[1] for p in pts], linewidth=1.5)
        axis.draw(ax, by, with_n=i >= bottom)
        if i < bottom:
            ax.set_xlabel("")
        else:
            ax.xaxis.labelpad = 24  # below the n= labels (the ticks here are small)
        ax.set_ylim(0, top * 1.1 if top > 0 else 1)
        ax.set_title(_mpl(f"{topic}：{label}"), fontsize=9)
        ax.tick_params(labelsize=7)
        ax.grid(axis="y", alpha=0.3)
    for ax in axes[::max(1, min(ncols, len(axes)))]:
        ax.set_ylabel("平均份额（%）", fontsize=8)
    fig.suptitle(title or "各主题在报告中的平均份额")
    fig.tight_layout()
    return fig
