"""Chart axes read from the Figure: whole-number ticks on every axis that counts things, and year
axes that keep a missing year in its place (its tick in grey, the note under the axis saying so).

The tables are the library's own on the bundled sample (years 2019, 2020, 2021, 2023, 2024: 2022
has no report) and on subsets of it (one or two reports: counts of 0 and 1).
"""

from __future__ import annotations

import matplotlib.colors as mcolors
import pytest

import fazhi
from fazhi import textplot as tp

TERMS = ["民法典", "法律顾问", "人民调解"]


def _visible(ticks, lim) -> list[float]:
    lo, hi = sorted(lim)
    return [float(t) for t in ticks if lo - 1e-9 <= t <= hi + 1e-9]


def _subset(corpus, query: str | None):
    return corpus if query is None else corpus.subset(corpus.docs.eval(query).to_numpy())


# (which reports, which chart, which axis counts)
COUNT_CHARTS = [
    ("全部报告，关键词出现次数", None, "trend", "y"),
    ("一份报告（2021 年）", "report_year == 2021", "trend", "y"),
    ("2019 与 2020 年两份", "report_year <= 2020", "trend", "y"),
    ("全部报告，各乡镇指标条数", None, "indicators", "x"),
    ("一个乡镇的指标条数", "report_year == 2020", "indicators", "x"),
]


@pytest.mark.parametrize(("what", "query", "chart", "axis"), COUNT_CHARTS,
                         ids=[c[0] for c in COUNT_CHARTS])
def test_count_axes_have_whole_number_ticks(sample_corpus, what, query, chart, axis):
    import matplotlib.pyplot as plt

    sub = _subset(sample_corpus, query)
    if chart == "trend":
        fig = tp.textplot_trend(fazhi.textstat_trend(sub, TERMS), measure="count")
    else:
        summary = fazhi.textstat_indicator_summary(sub, by="town")
        assert len(summary), what
        fig = tp.textplot_indicators(summary, by="town")
    ax = fig.axes[0]
    fig.canvas.draw()
    ticks = ax.get_yticks() if axis == "y" else ax.get_xticks()
    lim = ax.get_ylim() if axis == "y" else ax.get_xlim()
    shown = _visible(ticks, lim)
    assert shown, what
    assert all(t.is_integer() for t in shown), (what, shown)
    plt.close(fig)


def test_the_count_check_sees_fractional_ticks():
    """Without count_ticks matplotlib puts 0.2 … 1.0 on an axis of counts 0 and 1."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.bar([0, 1], [0, 1])
    fig.canvas.draw()
    assert not all(t.is_integer() for t in _visible(ax.get_yticks(), ax.get_ylim()))
    tp.count_ticks(ax, "y")
    fig.canvas.draw()
    assert all(t.is_integer() for t in _visible(ax.get_yticks(), ax.get_ylim()))
    plt.close(fig)


def _grey(colour) -> bool:
    return mcolors.to_hex(colour) == mcolors.to_hex(tp.MISSING_COLOUR)


# (which reports, the chart, the years drawn, the years without a report)
YEAR_CHARTS = [
    ("全部报告：缺 2022", None, "trend", [2019, 2020, 2021, 2022, 2023, 2024], [2022]),
    ("2021 与 2023：缺 2022", "report_year in [2021, 2023]", "trend", [2021, 2022, 2023],
     [2022]),
    ("2020 与 2023：缺两年", "report_year in [2020, 2023]", "theme_trend",
     [2020, 2021, 2022, 2023], [2021, 2022]),
    ("2019–2021：不缺", "report_year <= 2021", "theme_trend", [2019, 2020, 2021], []),
]


@pytest.mark.parametrize(("what", "query", "chart", "years", "missing"), YEAR_CHARTS,
                         ids=[c[0] for c in YEAR_CHARTS])
def test_year_axes_keep_missing_years_in_place(sample_corpus, what, query, chart, years,
                                                missing):
    import matplotlib.pyplot as plt

    sub = _subset(sample_corpus, query)
    if chart == "trend":
        fig = tp.textplot_trend(fazhi.textstat_trend(sub, TERMS))
    else:
        fig = tp.textplot_theme_trend(fazhi.textstat_themes(sub, by="report_year"),
                                      n_docs=fazhi.n_docs_by(sub.docs, "report_year"))
    ax = fig.axes[0]
    assert [float(t) for t in ax.get_xticks()] == [float(y) for y in years], what
    labels = ax.get_xticklabels()
    assert [t.get_text() for t in labels] == [str(y) for y in years]
    # one step per year: 2021 → 2023 spans two steps, with 2022 there and in grey
    assert {t.get_text() for t in labels if _grey(t.get_color())} == {str(y) for y in missing}
    assert ("灰色年份没有报告" in ax.get_xlabel()) == bool(missing)
    plt.close(fig)
