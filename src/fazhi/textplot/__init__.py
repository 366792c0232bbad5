"""Plots (quanteda's ``textplot_*`` grammar): take a textstat DataFrame, return a Figure.

Every chart and word cloud goes through :func:`fazhi.fonts.setup_font` / :func:`fazhi.fonts.font_path`,
so Chinese labels never turn into boxes. No function here computes an analysis: pass it the table of
the matching ``textstat_*`` function. ``textplot_reuse`` returns HTML (escaped report text), not a
Figure.

Each Figure is labelled with the name of the function that drew it (``fig.get_label() ==
"textplot_themes"``): the stable name of its files when a page's charts are written for papers.
:func:`save_figure` (from :mod:`fazhi.figures`) writes one chart as SVG (text as paths), PDF
(embedded TrueType) and 300-dpi PNG: ``save_figure(fig, "论文/图3-主题构成")``.

Unknown metadata: a group whose value is unknown (NA, empty) is drawn as its own group labelled
``（不明）`` (:data:`fazhi.display.UNKNOWN`), last. On a numeric axis (years) it has no place: the
years are spaced as numbers (2019, 2021, 2023 leave a gap for 2020 and 2022, whose ``n=0`` says
that no report is behind them) and the reports of unknown year are counted in a note under the
axis. An empty table draws its ``attrs["message"]`` (or 无数据) instead of a chart.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from fazhi.deprecation import renamed_arguments
from fazhi.figures import save_figure  # noqa: F401 - figures for papers, importable from here
from fazhi.fonts import font_path, setup_font
from fazhi.vocab import UNKNOWN, is_unknown, query_label
from fazhi.vocab import label as _plain

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from fazhi.corpus import Corpus

# Chinese labels of the document fields a table may be grouped by
FIELD_LABELS = {
    "report_year": "报告年度",
    "publish_date": "发布日期",
    "province": "省份",
    "city": "城市",
    "district": "区县",
    "town": "乡镇（街道）",
    "level": "层级",
    "doc_id": "文档",
    "file": "文件",
    "title": "标题",
    "part": "部分",
    "kind": "报告类型",
    "region": "地区",
}

# colours: target / reference (keyness, comparison cloud), corpus average
TARGET_COLOUR = "#c0392b"
REFERENCE_COLOUR = "#2c6fbb"
AVERAGE_COLOUR = "#555555"
# the tick label of a year without any report
MISSING_COLOUR = "#999999"


def _named(func: Callable[..., Figure]) -> Callable[..., Figure]:
    """Label the Figure a ``textplot_*`` function returns with the function's name (unless it
    has a label already, e.g. the caller's own Figure passed through ``ax=``): the stable name
    of the chart's files (:mod:`fazhi.figures`: ``02-textplot_wordcloud.svg``)."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        fig = func(*args, **kwargs)
        if hasattr(fig, "set_label") and not fig.get_label():
            fig.set_label(func.__name__)
        return fig
    return wrapper


def field_label(field: str) -> str:
    """Chinese label of a document field: ``field_label("town") == "乡镇（街道）"``."""
    return FIELD_LABELS.get(field, field)


def _group_of(table, by: str | None) -> str:
    """The group column of a ``textstat_*`` table: ``by``, or the table's first column (where
    ``textstat_*(…, by=B)`` puts B)."""
    if by is not None or table is None or not len(table.columns):
        return by
    return str(table.columns[0])


def _figure(ax, figsize, **kw) -> tuple[Figure, Axes]:
    setup_font()
    if ax is not None:
        return ax.figure, ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=figsize, **kw)


def _empty(ax, message: str | None = None) -> None:
    import textwrap

    text = "\n".join(textwrap.wrap(_mpl(message or "无数据"), 28)) or "无数据"
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=14 if len(text) < 12 else 11,
            color="grey", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def _message(table) -> str | None:
    """The reason an analysis gave for an empty table (``attrs["message"]``)."""
    return getattr(table, "attrs", {}).get("message") if table is not None else None


def _sort_key(values):
    """Group keys sorted naturally (years as numbers, names as text), one unknown key last."""
    def key(v):
        try:
            return (0, float(v), "")
        except (TypeError, ValueError):
            return (1, 0.0, str(v))
    known = [v for v in values if not is_unknown(v)]
    unknown = [v for v in values if is_unknown(v)][:1]
    return sorted(dict.fromkeys(known), key=key) + unknown


def pick_groups(values, max_groups: int) -> tuple[list, int, bool]:
    """The groups a chart draws when the caller names none: the first ``max_groups`` (sorted, the
    unknown group last), the unknown group kept in view (it takes the last place when it would be
    cut). Returns (groups, how many are left out, whether （不明） is among them).

    >>> pick_groups(["乙镇", None, "甲镇", "丙乡"], 3)
    (['丙乡', '乙镇', None], 1, False)
    """
    keys = _sort_key(values)
    limit = max(int(max_groups), 1)
    if len(keys) <= limit:
        return keys, 0, False
    known = [k for k in keys if not is_unknown(k)]
    unknown = [k for k in keys if is_unknown(k)]
    shown = known[:limit - 1] + unknown if unknown and limit > 1 else known[:limit]
    return shown, len(keys) - len(shown), bool(unknown) and not any(map(is_unknown, shown))


def groups_note(n_left: int, unknown_left: bool, by: str) -> str:
    """The note of a chart that leaves groups out:
    ``groups_note(3, False, "town") == "另有 3 个乡镇（街道）未画出（可用 groups= 指定）"``."""
    if not n_left:
        return ""
    text = f"另有 {n_left} 个{field_label(by)}未画出"
    if unknown_left:
        text += f"，其中包括{UNKNOWN}"
    return text + "（可用 groups= 指定）"


def _drawn_groups(table: pd.DataFrame, by: str, groups: Sequence | None,
                  max_groups: int) -> tuple[Sequence, str]:
    """The groups a chart of ``table`` draws and its note: ``groups`` as given (no note), else
    :func:`pick_groups` of the ``by`` column with :func:`groups_note` for what it leaves out."""
    if groups is not None:
        return groups, ""
    picked, n_left, unknown_left = pick_groups(table[by].unique(), max_groups)
    return picked, groups_note(n_left, unknown_left, by)


def _note(fig, text: str) -> None:
    """A grey note at the foot of a figure (what the chart leaves out)."""
    if text:
        fig.text(0.5, 0.005, _mpl(text), ha="center", va="bottom", fontsize=8, color="grey")


def _same(column, key) -> list[bool]:
    """Which cells of ``column`` hold group ``key`` (every unknown value is the unknown group)."""
    want = _plain(key)
    return [_plain(v) == want for v in column]


class _Axis:
    """Where the groups of ``by`` go on the x axis.

    A numeric field (years) gives a numeric axis: each known value at its own position, ticks at
    every whole year between the first and the last (when at most 30), and the unknown group left
    out (``n_unknown`` reports, counted by the caller). Another field gives one position per group,
    the unknown group last as （不明）.
    """

    def __init__(self, column, n_docs: dict[str, int] | None = None):
        import pandas as pd

        keys = _sort_key(pd.unique(column))
        known = [k for k in keys if not is_unknown(k)]
        self.numeric = pd.api.types.is_numeric_dtype(column) and \
            not pd.api.types.is_bool_dtype(column)
        nd = n_docs or {}
        if self.numeric and known:
            vals = [float(k) for k in known]
            self.pos = {_plain(k): v for k, v in zip(known, vals, strict=True)}
            self.whole = whole = all(v.is_integer() for v in vals)
            if whole:  # every whole year, a missing one too (a step of several past 30 years)
                step = max(1, math.ceil((vals[-1] - vals[0]) / 30))
                self.ticks = [float(t) for t in range(int(vals[0]), int(vals[-1]) + 1, step)]
            else:
                self.ticks = vals
            self.labels = [_plain(int(t) if t.is_integer() else t) for t in self.ticks]
            self.n_unknown = int(nd.get(UNKNOWN, 0))
            self.has_unknown = len(known) < len(keys)
        elif self.numeric:  # every value unknown: nothing on the axis
            self.whole, self.pos, self.ticks, self.labels = False, {}, [], []
            self.n_unknown, self.has_unknown = int(nd.get(UNKNOWN, 0)), True
        else:
            self.whole = False
            self.pos = {_plain(k): float(i) for i, k in enumerate(keys)}
            self.ticks = [float(i) for i in range(len(keys))]
            self.labels = [_plain(k) for k in keys]
            self.n_unknown, self.has_unknown = 0, False
        self.bridged = False
        self.n_docs = [int(nd.get(lab, 0)) for lab in self.labels]

    def x(self, key) -> float | None:
        """Position of a group on the axis; None for a group left out (unknown year)."""
        return self.pos.get(_plain(key))

    def plot(self, ax, xs: list[float], ys: list[float], sizes=None, **style):
        """One series: a solid line through consecutive positions, broken where whole years are
        missing and bridged there by a dotted line (no report behind it), markers on the points.
        Returns the solid line (its label is the legend's)."""
        pts = sorted(zip(xs, ys, strict=True))
        out_x: list[float] = []
        out_y: list[float] = []
        bridges = []
        for x, y in pts:
            if self.whole and out_x and x - out_x[-1] > 1:
                bridges.append(((out_x[-1], x), (out_y[-1], y)))
                out_x.append((out_x[-1] + x) / 2)
                out_y.append(float("nan"))
            out_x.append(x)
            out_y.append(y)
        (line,) = ax.plot(out_x, out_y, **style)
        colour = line.get_color()
        for bx, by_ in bridges:
            ax.plot(bx, by_, linestyle=":", linewidth=1.0, color=colour, label="_gap")
        self.bridged = self.bridged or bool(bridges)
        ax.scatter([p[0] for p in pts], [p[1] for p in pts], s=18 if sizes is None else sizes,
                   color=colour, zorder=3)
        return line

    def draw(self, ax, by: str, *, with_n: bool) -> None:
        """Ticks, their n= labels (reports per position) and the axis label with its note."""
        ax.set_xticks(self.ticks, [_mpl(t) for t in self.labels])
        known = set(self.pos.values())
        missing = [self.numeric and t not in known for t in self.ticks]
        for tick, gap in zip(ax.get_xticklabels(), missing, strict=True):
            if gap:  # a year without a report keeps its place, in grey
                tick.set_color(MISSING_COLOUR)
        if self.numeric and self.ticks:
            pad = 0.5 if len(self.ticks) > 1 else 1.0
            ax.set_xlim(self.ticks[0] - pad, self.ticks[-1] + pad)
        if with_n:
            for t, n in zip(self.ticks, self.n_docs, strict=True):
                ax.annotate(f"n={n}", (t, 0), xycoords=("data", "axes fraction"),
                            textcoords="offset points", xytext=(0, -30), ha="center",
                            fontsize=8, color="grey", annotation_clip=False)
        text = f"{field_label(by)}（n = 报告数）" if with_n else field_label(by)
        notes = []
        if any(missing):
            notes.append("灰色年份没有报告")
        if self.bridged:
            notes.append("虚线跨过没有报告的年份")
        if self.has_unknown:
            what = f" {self.n_unknown} 份报告" if self.n_unknown else "一些报告"
            notes.append(f"另有{what}的{field_label(by)}不明，未画出")
        if notes:
            text += "\n" + "；".join(notes)
        ax.set_xlabel(text, labelpad=16 if with_n else 4)


def count_ticks(ax: Axes, which: Literal["x", "y"] = "y") -> None:
    """Ticks at whole numbers only on an axis of counts (reports, facts, occurrences): 0, 1, 2 —
    never 0.2 … 1.0. Every chart whose axis counts things calls it.

    >>> count_ticks(ax, "x")   # the x axis of 指标条数                          # doctest: +SKIP
    """
    from matplotlib.ticker import MaxNLocator

    getattr(ax, f"{which}axis").set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))


def _mpl(v) -> str:
    """Text from the data, safe for matplotlib: a ``$`` never starts mathtext."""
    return str(v).replace("$", r"\$")


def _label(v) -> str:
    return _mpl(_plain(v))


# --------------------------------------------------------------------------- trends


@_named
def textplot_trend(trend: pd.DataFrame, *, by: str | None = None,
                   measure: Literal["per_10k", "count"] = "per_10k", title: str | None = None,
                   ax: Axes | None = None) -> Figure:
    """Line chart of ``textstat_trend`` output; the number of documents behind each point is shown.

    Each x position is labelled ``n=<documents>`` under the axis, and markers grow with the number of
    documents, so a year resting on one report is visible as such. ``by``: the table's group
    column (default: its first column, the ``by`` of ``textstat_trend``).

    >>> textplot_trend(textstat_trend(corpus, ["民法典", "扫黑除恶"]))  # doctest: +SKIP
    """
    fig, ax = _figure(ax, (8, 4.5))
    if trend is None or trend.empty:
        _empty(ax, _message(trend))
        return fig
    by = _group_of(trend, by)
    n_docs: dict[str, int] = {}
    for k, n in zip(trend[by], trend["n_docs"], strict=True):
        n_docs[_plain(k)] = max(n_docs.get(_plain(k), 0), int(n))
    axis = _Axis(trend[by], n_docs)
    if not axis.pos:
        _empty(ax, f"所有报告的{field_label(by)}均不明，无法画趋势")
        return fig
    biggest = max([*n_docs.values(), 1])
    for term, grp in trend.groupby("term", sort=False):
        pts = [(axis.x(k), float(y), int(n)) for k, y, n in
               zip(grp[by], grp[measure], grp["n_docs"], strict=True) if axis.x(k) is not None]
        pts.sort()
        axis.plot(ax, [p[0] for p in pts], [p[1] for p in pts],
                  sizes=[20 + 80 * p[2] / biggest for p in pts], label=_mpl(term), linewidth=1.6)
    axis.draw(ax, by, with_n=True)
    ax.set_ylabel("每万词出现次数" if measure == "per_10k" else "出现次数")
    if measure == "count":
        count_ticks(ax, "y")
    ax.set_ylim(bottom=0)
    ax.set_title(title or "关键词趋势")
    ax.legend(fontsize=9, ncol=2 if trend["term"].nunique() > 5 else 1)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    return fig


@_named
def textplot_theme_trend(themes: pd.DataFrame, *, by: str | None = None,
                         n_docs: Mapping | pd.Series | None = None, top: int | None = 8,
                         title: str | None = None, ax: Axes | None = None) -> Figure:
    """Theme shares over ``by`` (``textstat_themes(corpus, by="report_year")``), one line per theme.

    ``n_docs`` (``{year: documents}``, e.g. ``corpus.docs.groupby("report_year").size()``) labels
    each x position with its number of documents. ``top`` keeps the themes with the largest mean share.
    ``by``: the table's group column (default: its first column).

    >>> textplot_theme_trend(textstat_themes(corpus, by="report_year"),
    ...                      n_docs=corpus.docs.groupby("report_year").size())  # doctest: +SKIP
    """
    fig, ax = _figure(ax, (9, 4.8))
    if themes is None or themes.empty:
        _empty(ax, _message(themes))
        return fig
    by = _group_of(themes, by)
    nd = None if n_docs is None else {_plain(k): int(v) for k, v in dict(n_docs).items()}
    axis = _Axis(themes[by], nd)
    if not axis.pos:
        _empty(ax, f"所有报告的{field_label(by)}均不明，无法画趋势")
        return fig
    mean = themes.groupby("theme", sort=False)["share"].mean().sort_values(ascending=False)
    chosen = list(mean.index[:top] if top else mean.index)
    for theme in chosen:
        grp = themes[themes["theme"] == theme]
        pts = sorted((axis.x(k), 100 * float(v)) for k, v in zip(grp[by], grp["share"], strict=True)
                     if axis.x(k) is not None)
        axis.plot(ax, [p[0] for p in pts], [p[1] for p in pts], label=_mpl(theme))
    axis.draw(ax, by, with_n=nd is not None)
    ax.set_ylabel("主题词占比（%）")
    ax.set_ylim(bottom=0)
    ax.set_title(title or "主题趋势")
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.0, 0.5))
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- word clouds


def _frequencies(freq: pd.DataFrame, weight: str, max_words: int) -> dict[str, float]:
    """Term -> weight, in a canonical order (weight desc, term asc) so row order never matters."""
    rows = [(str(t), float(w)) for t, w in zip(freq["term"], freq[weight], strict=True)
            if isinstance(t, str) and t.strip() and w == w and float(w) > 0]
    merged: dict[str, float] = {}
    for t, w in rows:
        merged[t] = merged.get(t, 0.0) + w
    items = sorted(merged.items(), key=lambda tw: (-tw[1], tw[0]))[:max_words]
    return dict(items)


def cloud_font(text: str) -> str:
    """Path of a subset of :func:`fazhi.fonts.font_path` holding the glyphs of ``text`` (cached
    under the package's cache directory, :func:`fazhi.fonts.subset_file`); the full font when
    subsetting fails.

    WordCloud opens its font file once per font size it tries (hundreds of times per cloud); a
    10 MB CJK font costs about 5 ms per opening, a subset of a few hundred glyphs well under 1 ms.
    """
    from fazhi.fonts import subset_file

    try:
        return str(subset_file(text + " 0123456789"))
    except Exception:  # any fontTools failure: the full font still draws the cloud
        return str(font_path())


def _cloud_array(freqs: dict[str, float], *, width: int, height: int, seed: int,
                 colour: str | None = None, colormap: str = "viridis", scale: float = 2,
                 font: str | None = None):
    """RGB array of a word cloud of ``width*scale`` x ``height*scale`` pixels.

    The layout is computed at ``width`` x ``height`` and drawn ``scale`` times larger, and the
    largest font size is fixed: with a 10 MB CJK font, measuring big glyphs is what costs time.
    """
    from wordcloud import WordCloud

    kw = {"color_func": lambda *a, **k: colour} if colour else {"colormap": colormap}
    wc = WordCloud(font_path=font or cloud_font("".join(freqs)), width=width, height=height,
                   scale=scale,
                   max_font_size=max(int(height * 0.45), 8), background_color="white",
                   max_words=len(freqs), random_state=seed, prefer_horizontal=1.0,
                   collocations=False, **kw)
    wc.generate_from_frequencies(freqs)
    return wc.to_array()


@_named
def textplot_wordcloud(freq: pd.DataFrame, *, by: str | None = None, weight: str = "count",
                       max_words: int = 150, seed: int = 42, title: str | None = None,
                       ncols: int = 3, size: tuple[int, int] | None = None,
                       ax: Axes | None = None) -> Figure:
    """Word cloud of a ``textstat_frequency`` table; with ``by``, one small cloud per group.

    Deterministic: the same table (in any row order) gives the same image. ``size`` is the layout
    canvas (width, height) in pixels of one cloud, drawn at twice that resolution (default
    (400, 220), or (240, 150) per group); smaller is faster. ``weight``: the column that sizes
    the words (``count``, ``docs_with_term``, ``per_10k``). Without ``by`` the rows of all groups
    make one cloud.

    >>> textplot_wordcloud(textstat_frequency(corpus, n=150))                      # doctest: +SKIP
    >>> textplot_wordcloud(textstat_frequency(corpus, by="report_year", n=60),
    ...                    by="report_year")                                        # doctest: +SKIP
    """
    setup_font()
    import matplotlib.pyplot as plt

    if weight == "docs" and "docs" not in freq.columns and "docs_with_term" in freq.columns:
        import warnings

        warnings.warn("textplot_wordcloud(weight='docs'): the column is now docs_with_term / "
                      "列 docs 已更名为 docs_with_term", DeprecationWarning, stacklevel=2)
        weight = "docs_with_term"

    if by is not None and by in freq.columns:
        keys = _sort_key(freq[by].unique())
        if not keys:
            fig, ax = _figure(ax, (9, 5))
            _empty(ax, _message(freq))
            return fig
        nc = max(1, min(ncols, len(keys)))
        nr = math.ceil(len(keys) / nc)
        fig, axes = plt.subplots(nr, nc, figsize=(4.2 * nc, 2.9 * nr), squeeze=False)
        clouds = [_frequencies(freq[_same(freq[by], k)], weight, max_words) for k in keys]
        font = cloud_font("".join(t for c in clouds for t in c))  # one subset for all panels
        for i, a in enumerate(axes.flat):
            if i >= len(keys):
                a.axis("off")
                continue
            _draw_cloud(a, clouds[i], size=size or (240, 150), seed=seed, font=font)
            a.set_title(f"{field_label(by)}：{_label(keys[i])}", fontsize=11)
        if title:
            fig.suptitle(title)
        fig.tight_layout()
        return fig
    fig, ax = _figure(ax, (9, 5))
    _draw_cloud(ax, _frequencies(freq, weight, max_words), size=size or (400, 220), seed=seed,
                message=_message(freq))
    if title:
        ax.set_title(title)
    return fig


def _draw_cloud(ax, freqs: dict[str, float], *, size: tuple[int, int], seed: int,
                font: str | None = None, message: str | None = None) -> None:
    if not freqs:
        _empty(ax, message)
        return
    ax.imshow(_cloud_array(freqs, width=size[0], height=size[1], seed=seed, font=font),
              interpolation="bilinear")
    ax.axis("off")


def _signed(keyness: pd.DataFrame, measure: str) -> pd.Series:
    """Keyness score signed by direction (log_ratio > 0: over-represented in the target)."""
    import numpy as np

    score = keyness[measure].astype(float)
    if measure == "log_ratio" or "log_ratio" not in keyness.columns:
        return score
    return np.sign(keyness["log_ratio"].astype(float)) * score.abs()


@_named
def textplot_comparison_cloud(keyness: pd.DataFrame, *, measure: str = "g2", n: int = 60,
                              labels: Sequence[str] = ("目标", "参照"), seed: int = 42,
                              title: str | None = None, size: tuple[int, int] = (240, 220),
                              ax: Axes | None = None) -> Figure:
    """Comparison cloud of two groups from ``textstat_keyness``: target terms left (red), reference
    terms right (blue), sized by ``|measure|``; the side comes from the sign of ``log_ratio``.

    >>> textplot_comparison_cloud(textstat_keyness(corpus, "province == '广东省'"),
    ...                           labels=("广东省", "其他地区"))                  # doctest: +SKIP
    """
    import numpy as np

    fig, ax = _figure(ax, (11, 5))
    if keyness is None or keyness.empty:
        _empty(ax, _message(keyness))
        return fig
    labels = [query_label(x) for x in labels]
    s = _signed(keyness, measure)
    terms = keyness["term"].astype(str)
    halves, (w, h) = [], size
    sides = [_frequencies(keyness.assign(w_=(s * sign).where((s * sign) > 0, 0.0), term=terms),
                          "w_", n) for sign in (1, -1)]
    font = cloud_font("".join(t for side in sides for t in side))
    for freqs, colour in zip(sides, (TARGET_COLOUR, REFERENCE_COLOUR), strict=True):
        if freqs:
            halves.append(_cloud_array(freqs, width=w, height=h, seed=seed, colour=colour,
                                       font=font))
        else:
            halves.append(np.full((2 * h, 2 * w, 3), 255, dtype=np.uint8))
    divider = np.full((halves[0].shape[0], 6, 3), 200, dtype=np.uint8)
    ax.imshow(np.hstack([halves[0], divider, halves[1]]), interpolation="bilinear")
    ax.axis("off")
    for x, lab, colour in ((0.25, labels[0], TARGET_COLOUR), (0.75, labels[1], REFERENCE_COLOUR)):
        ax.text(x, 1.02, _mpl(lab), transform=ax.transAxes, ha="center", va="bottom",
                fontsize=13, color=colour)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- keyness


@_named
def textplot_keyness(keyness: pd.DataFrame, *, measure: str = "g2", n: int = 15,
                     labels: Sequence[str] = ("目标", "参照"), title: str | None = None,
                     ax: Axes | None = None) -> Figure:
    """Horizontal bars of ``textstat_keyness``: the ``n`` top terms of the target (right, red) and of
    the reference (left, blue); bar length = ``measure`` signed by the direction of ``log_ratio``.
    A label that is a query reads as :func:`fazhi.vocab.query_label` names it (广东省).

    >>> textplot_keyness(textstat_keyness(corpus, "province == '广东省'"))  # doctest: +SKIP
    """
    if keyness is None or keyness.empty:
        fig, ax = _figure(ax, (8, 5))
        _empty(ax, _message(keyness))
        return fig
    s = _signed(keyness, measure)
    df = keyness.assign(score_=s.to_numpy(), term=keyness["term"].astype(str))
    pos = df[df["score_"] > 0].sort_values(["score_", "term"], ascending=[False, True]).head(n)
    neg = df[df["score_"] < 0].sort_values(["score_", "term"], ascending=[False, True]).tail(n)
    # top target term at the top, strongest reference term at the bottom
    terms = [*pos["term"], *neg["term"]]
    vals = [float(v) for v in [*pos["score_"], *neg["score_"]]]
    fig, ax = _figure(ax, (8, max(3.0, 0.32 * len(terms) + 1.2)))
    ys = list(range(len(terms)))[::-1]
    ax.barh(ys, vals, color=[TARGET_COLOUR if v > 0 else REFERENCE_COLOUR for v in vals])
    ax.set_yticks(ys, [_mpl(t) for t in terms])
    ax.axvline(0, color="black", linewidth=0.8)
    name = {"g2": "G²（对数似然）", "chi2": "χ²", "log_ratio": "对数比"}.get(measure, measure)
    labels = [query_label(x) for x in labels]  # a query given as a label reads as its places
    la, lb = _mpl(labels[0]), _mpl(labels[1])
    ax.set_xlabel(f"{name}：> 0 偏向{la}，< 0 偏向{lb}")
    ax.set_title(title or f"关键性：{la} 对比 {lb}")
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=TARGET_COLOUR, label=_mpl(labels[0])),
                       Patch(color=REFERENCE_COLOUR, label=_mpl(labels[1]))], fontsize=9,
              loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- similarity


@_named
def textplot_simil(simil: pd.DataFrame, *, annotate: bool | None = None, title: str | None = None,
                   cmap: str = "Reds", ax: Axes | None = None) -> Figure:
    """Heatmap of a ``textstat_simil`` matrix (index = columns = labels), values in the cells.

    >>> textplot_simil(textstat_simil(corpus, label_by="town"))  # doctest: +SKIP
    """
    k = len(simil)
    fig, ax = _figure(ax, (min(2.2 + 0.75 * k, 14), min(1.8 + 0.6 * k, 12)))
    if k == 0:
        _empty(ax, _message(simil))
        return fig
    vals = simil.to_numpy(dtype=float)
    im = ax.imshow(vals, cmap=cmap, vmin=0, vmax=1)
    labels = [_label(x) for x in simil.index]
    ax.set_xticks(range(k), labels, rotation=45, ha="right")
    ax.set_yticks(range(k), labels)
    if annotate is None:
        annotate = k <= 15
    if annotate:
        for i in range(k):
            for j in range(k):
                v = vals[i, j]
                if v == v:
                    ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=8,
                            color="white" if v > 0.6 else "black")
    fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04, label="余弦相似度")
    ax.set_title(title or "文本相似度（TF-IDF 余弦）")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- themes


@_named
def textplot_themes(themes: pd.DataFrame, *, by: str | None = None,
                    groups: Sequence | None = None,
                    reference: pd.DataFrame | None | Literal[False] = None,
                    kind: Literal["radar", "bar"] = "radar", max_groups: int = 6,
                    title: str | None = None, ax: Axes | None = None) -> Figure:
    """Theme profile of ``textstat_themes`` rows (one polygon or bar set per group of ``by``),
    against the corpus average (dashed grey).

    ``groups`` picks the groups to draw (default: the first ``max_groups``, （不明） kept in view;
    a note under the chart says how many groups are left out). ``reference`` is the themes table
    the average is pooled from (sum of hits / sum of units per theme); default the ``themes``
    table itself; ``False`` draws no average. ``by``: the table's group column (default: its
    first column, the ``by`` of ``textstat_themes``).

    >>> th = textstat_themes(corpus, by="province")
    >>> textplot_themes(th, by="province", groups=["广东省"])  # doctest: +SKIP
    """
    setup_font()
    import numpy as np

    if themes is None or themes.empty:
        fig, ax = _figure(ax, (7, 6))
        _empty(ax, _message(themes))
        return fig
    by = _group_of(themes, by)
    order = list(dict.fromkeys(themes["theme"].astype(str)))
    groups, note = _drawn_groups(themes, by, groups, max_groups)
    series: list[tuple[str, list[float], str | None]] = []
    for g in groups:
        sub = themes[_same(themes[by], g)]
        share = dict(zip(sub["theme"].astype(str), sub["share"].astype(float), strict=True))
        series.append((_label(g), [100 * share.get(t, 0.0) for t in order], None))
    if reference is not False:
        ref = themes if reference is None else reference
        agg = ref.groupby(ref["theme"].astype(str))[["hits", "n_units"]].sum()
        avg = (agg["hits"] / agg["n_units"].where(agg["n_units"] > 0)).fillna(0.0)
        series.append(("语料平均", [100 * float(avg.get(t, 0.0)) for t in order], AVERAGE_COLOUR))
    if kind == "radar":
        if ax is None:
            import matplotlib.pyplot as plt

            fig, ax = plt.subplots(figsize=(7.5, 6.5), subplot_kw={"projection": "polar"})
        else:
            fig = ax.figure
        angles = np.linspace(0, 2 * np.pi, len(order), endpoint=False).tolist()
        for name, vals, colour in series:
            style = {"color": colour, "linestyle": "--"} if colour else {}
            ax.plot(angles + angles[:1], vals + vals[:1], label=name, linewidth=1.6, **style)
            if not colour:
                ax.fill(angles + angles[:1], vals + vals[:1], alpha=0.12)
        ax.set_xticks(angles, [_mpl(t) for t in order], fontsize=9)
        ax.set_ylim(bottom=0)
        ax.tick_params(axis="y", labelsize=7)
        ax.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.06),
                  ncol=min(len(series), 4), frameon=False)
        ax.set_title(title or "主题构成（主题词占比，%）", pad=24)
    else:
        fig, ax = _figure(ax, (8, max(3.5, 0.45 * len(order) + 1.2)))
        h = 0.8 / max(len(series), 1)
        ys = np.arange(len(order))[::-1]
        for i, (name, vals, colour) in enumerate(series):
            ax.barh(ys + 0.4 - (i + 0.5) * h, vals, height=h, label=name,
                    **({"color": colour} if colour else {}))
        ax.set_yticks(ys, [_mpl(t) for t in order])
        ax.set_xlabel("主题词占比（%）")
        ax.legend(fontsize=9)
        ax.set_title(title or "主题构成")
        ax.grid(axis="x", alpha=0.3)
    fig.tight_layout(rect=(0, 0.04, 1, 1) if note else None)
    _note(fig, note)
    return fig


# --------------------------------------------------------------------------- indicators


def _units(values) -> list[str]:
    return [str(x) for x in values if str(x) not in ("", "nan", "<NA>", "None")]


@_named
def textplot_indicators(summary: pd.DataFrame, *, by: str | None = None,
                        measure: Literal["n_facts", "total"] = "n_facts",
                        groups: Sequence | None = None, max_groups: int = 8,
                        title: str | None = None, ax: Axes | None = None) -> Figure:
    """Bars of ``textstat_indicator_summary``: one row per category, one bar per group of ``by``.

    ``measure="n_facts"`` counts the facts found; ``"total"`` sums their values (units differ between
    categories, so each bar is labelled with its unit). Categories are shown by their ``label``
    column (Chinese) when the table has one. ``groups``: the groups to draw (default: the first
    ``max_groups``, （不明） kept in view, a note saying how many are left out). ``by``: the
    table's group column (default: its first column, the ``by`` of the summary).

    >>> textplot_indicators(textstat_indicator_summary(corpus, by="town"))  # doctest: +SKIP
    """
    setup_font()
    import numpy as np

    if summary is None or summary.empty:
        fig, ax = _figure(ax, (8, 4))
        _empty(ax, _message(summary))
        return fig
    by = _group_of(summary, by)
    groups, note = _drawn_groups(summary, by, groups, max_groups)
    # the Chinese label of a category when the summary carries one
    summary = summary.assign(category=summary["label"] if "label" in summary.columns
                             else summary["category"])
    wanted = {_plain(g) for g in groups}
    df = summary[[_plain(v) in wanted for v in summary[by]]]
    cats = (df.groupby(df["category"].astype(str))[measure].sum().sort_values(ascending=False)
            .index.tolist())
    fig, ax = _figure(ax, (8.5, max(3.5, 0.3 * len(cats) * max(1, len(groups)) ** 0.5 + 1.5)))
    ys = np.arange(len(cats))[::-1]
    h = 0.8 / max(len(groups), 1)
    for i, g in enumerate(groups):
        sub = df[_same(df[by], g)]
        vals = sub.groupby(sub["category"].astype(str))[measure].sum()
        units = (sub.groupby(sub["category"].astype(str))["unit"]
                 .agg(lambda u: "/".join(dict.fromkeys(_units(u))))
                 if "unit" in sub.columns else {})
        y = ys + 0.4 - (i + 0.5) * h
        v = [float(vals.get(c, 0.0)) for c in cats]
        bars = ax.barh(y, v, height=h, label=_label(g))
        if measure == "total" or len(groups) == 1:
            for bar, c, val in zip(bars, cats, v, strict=True):
                if val:
                    unit = units.get(c, "") if measure == "total" else ""
                    ax.annotate(f"{val:g}{unit}",
                                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                                xytext=(3, 0), textcoords="offset points", va="center", fontsize=7)
    ax.set_yticks(ys, [_mpl(c) for c in cats])
    ax.set_xlabel("指标条数" if measure == "n_facts" else "数值合计（单位见标注）")
    if measure == "n_facts":
        count_ticks(ax, "x")
    if len(groups) > 1:
        ax.legend(fontsize=8, title=field_label(by), title_fontsize=8)
    ax.set_title(title or "数字指标")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout(rect=(0, 0.04, 1, 1) if note else None)
    _note(fig, note)
    return fig


# --------------------------------------------------------------------------- reuse (HTML)

@renamed_arguments(boilerplate="include_boilerplate")
def textplot_reuse(corpus: Corpus, passages: pd.DataFrame, doc_a: str, doc_b: str, *,
                   include_boilerplate: bool = True):
    """The texts of two reports side by side with their shared passages (``textstat_reuse``)
    highlighted with ``<mark>`` and numbered; boilerplate passages in grey
    (``include_boilerplate=False`` leaves them out, as in ``textstat_reuse``); inside a passage
    that is not verbatim, what differs between the two copies is marked ``<ins>``; under the
    texts one line per passage (similarity, kind, source, edits). Returns
    ``IPython.display.HTML``; all report text is HTML-escaped.

    >>> reuse = textstat_reuse(corpus)
    >>> top = reuse.iloc[0]
    >>> textplot_reuse(corpus, reuse, top.doc_a, top.doc_b)  # doctest: +SKIP
    """
    from IPython.display import HTML

    from fazhi.reuse import reuse_view

    docs = corpus.docs.set_index("doc_id")
    for d in (doc_a, doc_b):
        if d not in docs.index:
            raise KeyError(f"no document {d!r} in the corpus")
    pairs = passages[((passages["doc_a"] == doc_a) & (passages["doc_b"] == doc_b))
                     | ((passages["doc_a"] == doc_b) & (passages["doc_b"] == doc_a))]
    if not include_boilerplate:
        from fazhi.reuse import without_boilerplate

        pairs = without_boilerplate(pairs)
    pairs = pairs.sort_values(["start_a", "start_b"]) if len(pairs) else pairs
    rows = []
    for row in pairs.to_dict("records"):
        a, b = (row["start_a"], row["end_a"]), (row["start_b"], row["end_b"])
        if row["doc_a"] != doc_a:
            a, b = b, a
        item = {"a": (int(a[0]), int(a[1])), "b": (int(b[0]), int(b[1])),
                "boilerplate": bool(row.get("boilerplate", False))}
        for key in ("similarity", "kind", "edits"):
            if key in row and not is_unknown(row[key]):
                item[key] = row[key] if key != "kind" else str(row[key])
        src = row.get("source_doc")
        if "source_doc" in row:
            item["source"] = "a" if src == doc_a else "b" if src == doc_b else ""
        rows.append(item)

    def title(d):
        row = docs.loc[d]
        name = row.get("title")
        return str(row["file"]) if is_unknown(name) else f"{row['file']}（{str(name).strip()}）"

    n_bp = sum(r["boilerplate"] for r in rows)
    note = f"共 {len(rows)} 段共享文字（其中套话 {n_bp} 段，灰色）；编号对应左右两侧同一段落，红字为两份之间不同之处。"
    return HTML(reuse_view(str(docs.loc[doc_a, "text"]), str(docs.loc[doc_b, "text"]), rows,
                           title_a=title(doc_a), title_b=title(doc_b), note=note))
from fazhi.textplot.network import network_graph, textplot_network, write_network  # noqa: E402,F401,I001
from fazhi.textplot.scaling import textplot_map  # noqa: E402, F401
from fazhi.textplot.topics import textplot_topics, textplot_topics_trend  # noqa: E402,F401
from fazhi.textplot.problems import textplot_problems  # noqa: E402,F401
