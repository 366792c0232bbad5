"""Plots (quanteda's ``textplot_*`` grammar): take a textstat DataFrame, return a Figure."""

from __future__ import annotations

import pandas as pd

from fazhi.fonts import font_path, setup_font


def textplot_trend(trend: pd.DataFrame, *, by: str = "report_year", ax=None):
    """Line chart of ``textstat_trend`` output; each point is labelled with its number of documents."""
    setup_font()
    import matplotlib.pyplot as plt

    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(8, 4.5))
    for term, grp in trend.groupby("term", sort=False):
        grp = grp.sort_values(by)
        ax.plot(grp[by].astype(str), grp["per_10k"], marker="o", label=term)
    for x, n in trend.drop_duplicates(by)[[by, "n_docs"]].itertuples(index=False):
        ax.annotate(f"n={n}", (str(x), 0), textcoords="offset points", xytext=(0, -28),
                    ha="center", fontsize=8, color="grey", annotation_clip=False)
    ax.set_xlabel("报告年度")
    ax.set_ylabel("每万词出现次数")
    ax.set_title("关键词趋势")
    ax.legend()
    fig.tight_layout()
    return fig


def textplot_wordcloud(freq: pd.DataFrame, *, max_words: int = 150, ax=None, seed: int = 42):
    """Word cloud of a ``textstat_frequency`` table (deterministic for the same input)."""
    setup_font()
    import matplotlib.pyplot as plt
    from wordcloud import WordCloud

    wc = WordCloud(font_path=str(font_path()), width=900, height=500, background_color="white",
                   max_words=max_words, random_state=seed, prefer_horizontal=1.0)
    wc.generate_from_frequencies(dict(zip(freq["term"], freq["count"], strict=True)))
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(9, 5))
    ax.imshow(wc.to_array(), interpolation="bilinear")
    ax.axis("off")
    return fig
