"""Plots: every ``textplot_*`` draws with Chinese labels and no missing glyph; word clouds are
deterministic; the reuse view escapes report text; the notebook helpers of ``fazhi.display``.

The plots take the tables of the analyses (``textstat_*``); the tables come from the real functions
on the sample corpus.
"""

from __future__ import annotations

import io
import re
import warnings

import numpy as np
import pandas as pd
import pytest

import fazhi
from fazhi import display as fd
from fazhi import textplot as tp

TREND_TERMS = ["民法典", "扫黑除恶", "营商环境", "法律顾问", "人民调解"]

# passages shared verbatim (after punctuation) by the 2019 (西联镇) and 2020 (亭江镇) reports
SHARED = ["综合运用法律、政策、经济、教育、行政等手段", "充分发挥法律顾问在重大行政决策"]


@pytest.fixture(scope="module")
def tables(sample_corpus):
    c = sample_corpus
    gd = "province == '广东省'"
    return {
        "freq": fazhi.textstat_frequency(c, n=150),
        "freq_year": fazhi.textstat_frequency(c, by="report_year", n=40),
        "trend": fazhi.textstat_trend(c, TREND_TERMS),
        "keyness": fazhi.textstat_keyness(c, gd, min_count=2),
        "simil": fazhi.textstat_simil(c, label_by="file"),
        "themes": fazhi.textstat_themes(c, by="town"),
        "themes_year": fazhi.textstat_themes(c, by="report_year"),
        "indicators": fazhi.textstat_indicator_summary(c, by="town"),
    }


def _glyph_warnings(record) -> list[str]:
    return [str(w.message) for w in record if "Glyph" in str(w.message)]


def _png(fig) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=60, metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def _texts(fig) -> str:
    """All the text drawn on a figure: titles, labels, tick labels, annotations, legends."""
    from matplotlib.text import Text

    return " ".join(t.get_text() for t in fig.findobj(Text))


SMALL = {"size": (240, 140), "max_words": 60}

PLOTS = {
    "trend": lambda t, c: tp.textplot_trend(t["trend"]),
    "theme_trend": lambda t, c: tp.textplot_theme_trend(
        t["themes_year"], n_docs=fd.n_docs_by(c.docs)),
    "wordcloud": lambda t, c: tp.textplot_wordcloud(t["freq"], title="全部报告词云", **SMALL),
    "wordcloud_by_year": lambda t, c: tp.textplot_wordcloud(
        t["freq_year"], by="report_year", size=(160, 100), max_words=30),
    "comparison_cloud": lambda t, c: tp.textplot_comparison_cloud(
        t["keyness"], labels=("广东省", "其他地区"), n=40, size=(160, 140)),
    "keyness": lambda t, c: tp.textplot_keyness(t["keyness"], labels=("广东省", "其他地区")),
    "simil": lambda t, c: tp.textplot_simil(t["simil"]),
    "themes_radar": lambda t, c: tp.textplot_themes(t["themes"], by="town", groups=["西联镇"]),
    "themes_bar": lambda t, c: tp.textplot_themes(t["themes"], by="town", kind="bar"),
    "indicators": lambda t, c: tp.textplot_indicators(t["indicators"], by="town"),
    "indicators_total": lambda t, c: tp.textplot_indicators(
        t["indicators"], by="town", groups=["蓬东乡"], measure="total"),
}


@pytest.mark.parametrize("name", list(PLOTS))
def test_plot_draws_chinese_without_missing_glyphs(name, tables, sample_corpus):
    from matplotlib.figure import Figure

    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        fig = PLOTS[name](tables, sample_corpus)
        assert isinstance(fig, Figure)
        fig.canvas.draw()
        text = _texts(fig)
        png = _png(fig)
    assert _glyph_warnings(record) == []
    assert png.startswith(b"\x89PNG")
    if "cloud" not in name:  # clouds are images; their glyphs are checked in test_fonts
        assert re.search(r"[\u4e00-\u9fff]", text), text


def test_the_glyph_check_bites_without_the_chinese_font(tables):
    """Control: the same plot with a Latin-only font does warn, so the test above can fail."""
    import matplotlib

    tp.setup_font()
    with matplotlib.rc_context({"font.family": "DejaVu Sans"}):
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            fig = tp.textplot_keyness(tables["keyness"], labels=("广东省", "其他地区"), ax=None)
            fig.canvas.draw()
            _png(fig)
    assert _glyph_warnings(record)


def test_word_cloud_is_deterministic(tables):
    freq = tables["freq"]
    first = _png(tp.textplot_wordcloud(freq, **SMALL))
    assert _png(tp.textplot_wordcloud(freq, **SMALL)) == first
    shuffled = freq.sample(frac=1.0, random_state=3)
    assert _png(tp.textplot_wordcloud(shuffled, **SMALL)) == first, "row order changed the image"
    assert _png(tp.textplot_wordcloud(freq, seed=7, **SMALL)) != first
    assert _png(tp.textplot_wordcloud(freq.iloc[1:], **SMALL)) != first


def test_comparison_cloud_is_deterministic(tables):
    def draw():
        return _png(tp.textplot_comparison_cloud(tables["keyness"], labels=("广东省", "其他地区"),
                                                 n=40, size=(160, 140)))
    assert draw() == draw()


def _cloud_image(fig):
    return fig.axes[0].get_images()[0].get_array()


def test_comparison_cloud_puts_target_left_in_red_and_reference_right_in_blue(tables):
    fig = tp.textplot_comparison_cloud(tables["keyness"], labels=("广东省", "其他地区"))
    img = np.asarray(_cloud_image(fig))[..., :3].astype(int)
    half = img.shape[1] // 2

    def count(part, rgb):
        return int((np.abs(part - np.array(rgb)).sum(axis=2) < 60).sum())

    red, blue = (0xC0, 0x39, 0x2B), (0x2C, 0x6F, 0xBB)
    left, right = img[:, :half - 5], img[:, half + 5:]
    assert count(left, red) > 1000 and count(left, blue) == 0
    assert count(right, blue) > 1000 and count(right, red) == 0
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == ["广东省", "其他地区"]
    _png(fig)


def test_word_cloud_by_group_has_one_panel_per_group(tables):
    freq = tables["freq_year"]
    fig = tp.textplot_wordcloud(freq, by="report_year", size=(160, 100), max_words=30)
    titled = [a.get_title() for a in fig.axes if a.get_title()]
    years = sorted(str(y) for y in freq["report_year"].unique())
    assert sorted(t.split("：")[1] for t in titled) == years
    _png(fig)


def test_word_cloud_of_an_empty_table_says_so():
    fig = tp.textplot_wordcloud(pd.DataFrame({"term": [], "count": []}))
    assert "无数据" in _texts(fig)
    _png(fig)


def test_trend_shows_the_number_of_documents_per_point(tables):
    trend = tables["trend"]
    fig = tp.textplot_trend(trend)
    ax = fig.axes[0]
    # every year from the first to the last has its tick and n= label: 2022 (no report) has n=0
    years = trend.drop_duplicates("report_year").set_index("report_year")["n_docs"]
    span = range(int(years.index.min()), int(years.index.max()) + 1)
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(y) for y in span]
    assert [t.get_text() for t in ax.texts] == [f"n={years.get(y, 0)}" for y in span]
    assert 2022 not in years.index  # the sample's gap
    # one line per term, y = per_10k in year order, x = the year; broken where a year is missing
    lines = {ln.get_label(): ln for ln in ax.get_lines()}
    for term in TREND_TERMS:
        rows = trend[trend["term"] == term].sort_values("report_year")
        xs, ys = lines[term].get_xdata(), lines[term].get_ydata()
        drawn = ~np.isnan(ys)
        assert list(xs[drawn]) == rows["report_year"].astype(float).tolist()
        assert list(ys[drawn]) == pytest.approx(rows["per_10k"].tolist())
        assert (~drawn).sum() == 1 and 2021 < xs[~drawn][0] < 2023
    _png(fig)


def test_trend_marker_grows_with_documents():
    trend = pd.DataFrame({"report_year": [2020, 2021], "term": ["民法典"] * 2, "count": [1, 4],
                          "n_docs": [1, 5], "docs_with_term": [1, 3], "n_tokens": [900, 5000],
                          "per_10k": [11.1, 8.0]})
    fig = tp.textplot_trend(trend)
    sizes = fig.axes[0].collections[0].get_sizes()
    assert sizes[0] < sizes[1]
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["n=1", "n=5"]
    _png(fig)


def test_keyness_bars_go_both_ways(tables):
    key = tables["keyness"]
    fig = tp.textplot_keyness(key, n=10, labels=("广东省", "其他地区"))
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert any(w > 0 for w in widths) and any(w < 0 for w in widths)
    strength = key["g2"].abs()
    top_target = key.loc[strength[key["log_ratio"] > 0].idxmax(), "term"]
    top_ref = key.loc[strength[key["log_ratio"] < 0].idxmax(), "term"]
    assert ticks[0] == top_target  # the strongest target term is at the top
    assert ticks[-1] == top_ref  # the strongest reference term at the bottom
    assert len(ticks) <= 20
    _png(fig)


def test_simil_heatmap_labels_and_values(tables):
    sim = tables["simil"]
    fig = tp.textplot_simil(sim)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [str(x) for x in sim.index]
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(x) for x in sim.columns]
    cells = [t.get_text() for t in ax.texts]
    assert len(cells) == len(sim) ** 2
    assert cells[0] == f"{sim.iloc[0, 0]:.2f}"
    _png(fig)


def test_theme_radar_draws_the_region_against_the_pooled_average(tables):
    th = tables["themes"]
    fig = tp.textplot_themes(th, by="town", groups=["西联镇"])
    lines = {ln.get_label(): ln for ln in fig.axes[0].get_lines()}
    assert set(lines) == {"西联镇", "语料平均"}
    order = list(dict.fromkeys(th["theme"].astype(str)))
    pooled = th.groupby("theme")[["hits", "n_units"]].sum()
    avg = [100 * pooled.loc[t, "hits"] / pooled.loc[t, "n_units"] for t in order]
    assert list(lines["语料平均"].get_ydata())[:-1] == pytest.approx(avg)
    own = th[th["town"] == "西联镇"].set_index("theme")["share"]
    assert list(lines["西联镇"].get_ydata())[:-1] == pytest.approx([100 * own[t] for t in order])
    _png(fig)


def test_indicator_bars_count_facts(tables):
    summ = tables["indicators"]
    town = summ.groupby("town")["n_facts"].sum().idxmax()
    fig = tp.textplot_indicators(summ, by="town", groups=[town])
    ax = fig.axes[0]
    widths = {t.get_text(): p.get_width() for t, p in
              zip(ax.get_yticklabels(), sorted(ax.patches, key=lambda p: -p.get_y()), strict=True)}
    sub = summ[summ["town"] == town].groupby("label")["n_facts"].sum()  # Chinese category label
    assert widths == {str(k): pytest.approx(float(v)) for k, v in sub.items()}
    _png(fig)


# towns of a comparison by town (04_compare): more than a chart draws, some with no known town
MANY_TOWNS = ["亭江镇", "琅岐镇", "蓬东乡", "西联镇", "月浦街道", "鮀江街道", "秣陵街道", "孝丰镇"]


def _many_groups(towns: list, *, rows_per: int = 1) -> pd.DataFrame:
    """A themes table (textstat_themes columns) for ``towns`` (None: reports without a town)."""
    rows = [{"town": t, "theme": th, "hits": 3 + i, "n_units": 100, "share": (3 + i) / 100}
            for i, t in enumerate(towns) for th in ("普法宣传", "行政执法", "矛盾纠纷化解")]
    df = pd.DataFrame(rows)
    df["town"] = pd.array(df["town"].tolist(), dtype="string")
    return df


GROUP_CUTS = [
    # towns, max_groups, drawn groups (labels, in order), note on the chart ("" none)
    (MANY_TOWNS[:4], 6, ["亭江镇", "琅岐镇", "蓬东乡", "西联镇"], ""),
    (MANY_TOWNS[:4] + [None], 6, ["亭江镇", "琅岐镇", "蓬东乡", "西联镇", "（不明）"], ""),
    (MANY_TOWNS, 6, ["亭江镇", "孝丰镇", "月浦街道", "琅岐镇", "秣陵街道", "蓬东乡"],
     "另有 2 个乡镇（街道）未画出（可用 groups= 指定）"),
    # the unknown group would be cut: it takes the last place, and the note counts the rest
    (MANY_TOWNS + [None], 6, ["亭江镇", "孝丰镇", "月浦街道", "琅岐镇", "秣陵街道", "（不明）"],
     "另有 3 个乡镇（街道）未画出（可用 groups= 指定）"),
    (MANY_TOWNS + [None], 1, ["亭江镇"], "另有 8 个乡镇（街道）未画出，其中包括（不明）（可用 groups= 指定）"),
]


@pytest.mark.parametrize("kind", ["radar", "bar"])
@pytest.mark.parametrize("towns, max_groups, drawn, note", GROUP_CUTS)
def test_themes_chart_says_which_groups_it_leaves_out(towns, max_groups, drawn, note, kind):
    fig = tp.textplot_themes(_many_groups(towns), by="town", kind=kind, max_groups=max_groups)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == [*drawn, "语料平均"]
    notes = [t.get_text() for t in fig.texts]
    assert notes == ([note] if note else [])
    _png(fig)


def test_indicator_chart_says_which_groups_it_leaves_out():
    rows = [{"town": t, "category": "disputes", "label": "矛盾纠纷调解", "n_facts": 1,
             "total": 10.0, "unit": "件", "stat": "sum"} for t in [*MANY_TOWNS, None]]
    summ = pd.DataFrame(rows).astype({"town": "string"})
    fig = tp.textplot_indicators(summ, by="town", max_groups=4)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["亭江镇", "孝丰镇", "月浦街道", "（不明）"]
    assert [t.get_text() for t in fig.texts] == ["另有 5 个乡镇（街道）未画出（可用 groups= 指定）"]
    named = tp.textplot_indicators(summ, by="town", groups=["蓬东乡"])
    assert not named.texts  # the caller chose: nothing to say
    _png(fig)
    _png(named)


# --------------------------------------------------------------------------- reuse view

XSS = ["<script>window.__xss=1</script>", '<img src=x onerror="window.__xss=2">']


@pytest.fixture(scope="module")
def crafted(tmp_path_factory, raw_dir):
    """Two real reports, one with crafted markup inside a passage it shares with the other."""
    d = tmp_path_factory.mktemp("crafted")
    a = (raw_dir / "2019-guangdong-shaoguan-wujiang-xilian.txt").read_text(encoding="utf-8")
    b = (raw_dir / "2020-fujian-fuzhou-mawei-tingjiang.txt").read_text(encoding="utf-8")
    i = a.index(SHARED[0])
    a = a[:i] + XSS[0] + a[i:] + "\n" + XSS[1] + "\n"
    (d / "a.txt").write_text(a, encoding="utf-8")
    (d / "b.txt").write_text(b, encoding="utf-8")
    return fazhi.read_corpus(d)


def _passages(corpus, snippets):
    docs = corpus.docs.set_index("file")
    ta, tb = docs.loc["a.txt", "text"], docs.loc["b.txt", "text"]
    rows = []
    for s in snippets:
        sa, sb = ta.index(s), tb.index(s)
        rows.append({"doc_a": docs.loc["a.txt", "doc_id"], "doc_b": docs.loc["b.txt", "doc_id"],
                     "file_a": "a.txt", "file_b": "b.txt", "text": s, "start_a": sa,
                     "end_a": sa + len(s), "start_b": sb, "end_b": sb + len(s), "length": len(s),
                     "boilerplate": False})
    return pd.DataFrame(rows)


def test_reuse_view_highlights_shared_passages_and_escapes_markup(crafted):
    docs = crafted.docs.set_index("file")
    assert XSS[0] in docs.loc["a.txt", "text"], "the crafted markup must survive cleaning"
    marked = XSS[0] + SHARED[0]  # a passage that contains the markup
    passages = _passages(crafted, [SHARED[1]])
    ta = docs.loc["a.txt", "text"]
    s = ta.index(marked)
    sb = docs.loc["b.txt", "text"].index(SHARED[0])
    passages = pd.concat([passages, passages.iloc[[0]].assign(
        text=marked, start_a=s, end_a=s + len(marked), start_b=sb, end_b=sb + len(SHARED[0]),
        length=len(marked))], ignore_index=True)
    out = tp.textplot_reuse(crafted, passages, docs.loc["a.txt", "doc_id"],
                            docs.loc["b.txt", "doc_id"]).data
    assert "<script>window" not in out and "<img src=x" not in out
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;" in out
    marks = re.findall(r"<mark[^>]*>(.*?)</mark>", out, flags=re.S)
    assert len(marks) == 4  # two passages, each highlighted on both sides
    assert marks.count(SHARED[1]) == 2
    import html

    assert html.escape(marked) in marks
    # the only tags are the view's own
    tags = set(re.findall(r"<\s*([a-zA-Z0-9]+)", out))
    assert tags <= {"style", "p", "div", "h4", "pre", "mark", "sup"}


def test_reuse_view_accepts_the_pair_in_either_order(crafted):
    docs = crafted.docs.set_index("file")
    passages = _passages(crafted, SHARED)
    a, b = docs.loc["a.txt", "doc_id"], docs.loc["b.txt", "doc_id"]
    ab, ba = tp.textplot_reuse(crafted, passages, a, b).data, tp.textplot_reuse(
        crafted, passages, b, a).data
    for out in (ab, ba):
        assert sorted(re.findall(r"<mark[^>]*>(.*?)</mark>", out)) == sorted(SHARED * 2)
    assert ab.index("a.txt") < ab.index("b.txt") and ba.index("b.txt") < ba.index("a.txt")


def test_reuse_view_greys_boilerplate_or_hides_it(crafted):
    docs = crafted.docs.set_index("file")
    passages = _passages(crafted, SHARED)
    passages.loc[0, "boilerplate"] = True
    a, b = docs.loc["a.txt", "doc_id"], docs.loc["b.txt", "doc_id"]
    out = tp.textplot_reuse(crafted, passages, a, b).data
    assert out.count('<mark class="fz-bp">') == 2
    hidden = tp.textplot_reuse(crafted, passages, a, b, include_boilerplate=False).data
    assert re.findall(r"<mark[^>]*>(.*?)</mark>", hidden) == [SHARED[1]] * 2


def test_reuse_view_merges_overlapping_passages():
    from fazhi.reuse.view import reuse_view

    text = "甲乙丙丁戊己庚辛壬癸"
    out = reuse_view(text, "子丑", [{"a": (1, 5), "b": (0, 1)}, {"a": (3, 8), "b": (1, 2)}],
                     title_a="<a>").split('<div><h4>&lt;a&gt;</h4>', 1)[1].split("</pre>", 1)[0]
    out = "<a-title>&lt;a&gt;" + out
    assert re.findall(r"<mark>(.*?)</mark>", out) == [text[1:8]]
    assert "<sup>[1,2]</sup>" in out and "&lt;a&gt;" in out


def test_reuse_view_of_the_real_analysis(sample_corpus):
    passages = fazhi.textstat_reuse(sample_corpus)
    pairs = fd.reuse_pairs(passages)
    assert len(pairs)
    top = pairs.iloc[0]
    out = tp.textplot_reuse(sample_corpus, passages, top.doc_a, top.doc_b).data
    shared = passages[(passages.doc_a == top.doc_a) & (passages.doc_b == top.doc_b)]
    numbers = {int(k) for sup in re.findall(r"<sup>\[([\d,]+)\]</sup>", out) for k in sup.split(",")}
    assert numbers == set(range(1, len(shared) + 1))  # every passage of the pair is marked
    assert out.count("<mark") >= 2


# --------------------------------------------------------------------------- display helpers


def test_dataframe_html_escapes_report_text():
    """The notebooks show report text in plain DataFrames: their HTML repr must escape it."""
    df = pd.DataFrame({"句子": XSS})
    out = df._repr_html_()
    assert "<script>" not in out and "<img" not in out and "&lt;script&gt;" in out
    out = fd.html_table(df, caption="<b>标题</b>")
    assert "<script>" not in out and "&lt;b&gt;标题" in out


@pytest.mark.parametrize("func", [fd.heading, fd.message])
def test_headings_and_messages_escape(func):
    out = func(XSS[0] + "月浦街道").data
    assert "<script>" not in out and "&lt;script&gt;" in out and "月浦街道" in out


def test_compliance_table_of_the_sample(sample_corpus):
    tab = fd.compliance_table(sample_corpus.docs).set_index("文件")
    anon = tab.loc["2023-anonymised-town-template.txt"]
    assert (anon["截断"], anon["匿名化"], anon["问题"], anon["计划"]) == ("是", "是", "否", "否")
    assert "问题" in anon["缺少部分"] and "第一责任人" in anon["缺少部分"]
    full = tab.loc["2021-chongqing-qianjiang-pengdong.txt"]
    assert (full["成效"], full["问题"], full["第一责任人"], full["计划"]) == ("是",) * 4
    assert full["缺少部分"] == "" and full["截断"] == "否"
    mawei = tab.loc["2020-fujian-fuzhou-mawei-tingjiang.txt"]
    assert mawei["逾期发布"] == "否" and mawei["第一责任人"] == "否"
    assert tab.loc["2019-guangdong-shaoguan-wujiang-xilian.txt", "逾期发布"] == "—"  # unknown
    summ = fd.compliance_summary(sample_corpus.docs).set_index("项目")
    assert summ.loc["截断", "报告数"] == 1 and summ.loc["含成效部分", "占比（%）"] == 100.0


@pytest.mark.parametrize("level,region,n", [
    ("province", "广东省", 2), ("city", "福州市", 1), ("district", "黔江区", 1),
    ("town", "月浦街道", 1), ("province", "浙江省", 0), ("town", "<script>", 0),
])
def test_select_region(sample_corpus, level, region, n):
    sub = fd.select_region(sample_corpus, level, region)
    assert len(sub) == n
    assert set(sub.docs[level]) <= {region}
    if sub.tokens is not None:
        assert set(sub.tokens["doc_id"]) == set(sub.docs["doc_id"])
    if n == 0:
        msg = fd.no_region_message(sample_corpus, level, region).data
        assert "没有" in msg and "<script>" not in msg


def test_select_region_rejects_an_unknown_level(sample_corpus):
    with pytest.raises(ValueError, match="level must be one of"):
        fd.select_region(sample_corpus, "country", "中国")


def test_counts_and_region_values(sample_corpus):
    assert fd.region_values(sample_corpus, "province") == sorted({"广东省", "福建省", "重庆市"})
    by_prov = fd.counts_by(sample_corpus.docs, "province").set_index("省")["报告数"]
    assert by_prov["广东省"] == 2 and by_prov["（不明）"] == 1
    assert fd.n_docs_by(sample_corpus.docs) == {2019: 1, 2020: 1, 2021: 1, 2023: 1, 2024: 1}


def test_reuse_pairs_rank_by_shared_length():
    rows = [("a", "b", 30, False), ("a", "b", 25, False), ("a", "c", 40, False),
            ("b", "c", 90, True)]
    passages = pd.DataFrame([{"doc_a": x, "doc_b": y, "file_a": f"{x}.txt", "file_b": f"{y}.txt",
                              "text": "字" * n, "length": n, "boilerplate": bp}
                             for x, y, n, bp in rows])
    pairs = fd.reuse_pairs(passages)
    assert list(zip(pairs.doc_a, pairs.doc_b, pairs.length, pairs.n_passages, strict=True)) == [
        ("a", "b", 55, 2), ("a", "c", 40, 1)]
    assert fd.reuse_pairs(passages, count_boilerplate=True).iloc[0].doc_b == "c"
    assert fd.reuse_pairs(passages.iloc[:0]).empty


def test_indicator_matrix_is_region_by_category():
    summ = pd.DataFrame({"town": ["西联镇", "西联镇", "蓬东乡"],
                         "category": ["信访", "普法宣传", "信访"], "n_facts": [2, 3, 1],
                         "total": [20, 7, 17], "unit": ["件", "次", "件次"]})
    mat = fd.indicator_matrix(summ, by="town")
    assert mat.loc["西联镇", "普法宣传"] == 3 and mat.loc["蓬东乡", "普法宣传"] == 0
    assert fd.indicator_matrix(summ, by="town", measure="total").loc["蓬东乡", "信访"] == 17


def test_label_columns_in_chinese():
    df = pd.DataFrame(columns=["doc_id", "left", "keyword", "right", "unknown"])
    assert fd.label_columns(df).columns.tolist() == ["文档", "左文", "关键词", "右文", "unknown"]


def test_show_embeds_one_png_and_closes_the_figure(monkeypatch):
    import matplotlib.pyplot as plt
    from IPython import display as ipd

    shown = []
    monkeypatch.setattr(ipd, "display", lambda obj: shown.append(obj))
    fig = tp.textplot_trend(pd.DataFrame({"report_year": [2020], "term": ["民法典"], "count": [1],
                                          "n_docs": [1], "per_10k": [3.0]}))
    fd.show(fig)
    assert len(shown) == 1 and shown[0].data.startswith(b"\x89PNG")
    assert not plt.fignum_exists(fig.number)


@pytest.mark.parametrize("labels,title,axis", [
    (("province in ['广东省']", "其他地区"), "关键性：广东省 对比 其他地区", "> 0 偏向广东省，< 0 偏向其他地区"),
    (("report_year >= 2021", "report_year < 2021"), "关键性：2021年及以后 对比 2021年以前",
     "> 0 偏向2021年及以后，< 0 偏向2021年以前"),
    (("广东省、福建省", "其他地区"), "关键性：广东省、福建省 对比 其他地区", "> 0 偏向广东省、福建省"),
])
def test_keyness_labels_given_as_queries_read_as_names(tables, labels, title, axis):
    fig = tp.textplot_keyness(tables["keyness"], n=5, labels=labels)
    ax = fig.axes[0]
    assert ax.get_title() == title and axis in ax.get_xlabel()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == title[4:].split(" 对比 ")
    cloud = tp.textplot_comparison_cloud(tables["keyness"], n=10, labels=labels)
    assert [t.get_text() for t in cloud.axes[0].texts] == title[4:].split(" 对比 ")
    for f in (fig, cloud):
        _png(f)


def test_dollar_signs_in_data_stay_literal():
    """A ``$`` in a term or file name must not switch matplotlib to mathtext."""
    key = pd.DataFrame({"term": ["$x$法治", "民法典"], "n_target": [5, 1], "n_reference": [0, 6],
                        "g2": [7.0, -6.0], "log_ratio": [3.0, -2.5]})
    fig = tp.textplot_keyness(key, labels=("$a$", "其他"))
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks[0] == r"\$x\$法治"
    _png(fig)
    sim = pd.DataFrame([[1.0, 0.5], [0.5, 1.0]], index=["a$1$.txt", "b.txt"],
                       columns=["a$1$.txt", "b.txt"])
    fig = tp.textplot_simil(sim)
    fig.canvas.draw()
    _png(fig)


def test_keywords_table_joins_terms_in_rank_order(tables, sample_corpus):
    kw = fazhi.textstat_keywords(sample_corpus, by="town", n=3)
    tab = fd.keywords_table(kw, by="town").set_index("乡镇（街道）")
    for town, grp in kw.groupby("town"):
        key = town or "（不明）"
        assert tab.loc[key, "关键词"] == "、".join(grp.sort_values("rank")["term"])


def test_theme_matrix_and_comparison(tables):
    th = tables["themes"]
    mat = fd.theme_matrix(th, by="town")
    row = th[th["town"] == "蓬东乡"].set_index("theme")["share"]
    assert mat.loc["蓬东乡"].to_dict() == pytest.approx((100 * row).round(2).to_dict())
    cmp = fd.theme_comparison(th, by="town", region="蓬东乡").set_index("主题")
    assert cmp["本地区（%）"].to_dict() == pytest.approx((100 * row).round(2).to_dict())
    pooled = th.groupby("theme")[["hits", "n_units"]].sum()
    avg = (100 * pooled["hits"] / pooled["n_units"]).round(2)
    assert cmp["语料平均（%）"].to_dict() == pytest.approx(avg.to_dict())
    assert (cmp["差（百分点）"] - (cmp["本地区（%）"] - cmp["语料平均（%）"])).abs().max() < 0.011


def test_passages_of_and_kwic_table(sample_corpus):
    passages = fazhi.textstat_reuse(sample_corpus)
    docs = sample_corpus.docs.set_index("town")
    xilian = docs.loc["西联镇", "doc_id"]
    mine = fd.passages_of(passages, [xilian])
    assert len(mine) and ((mine.doc_a == xilian) | (mine.doc_b == xilian)).all()
    pengdong = fd.passages_of(passages, [docs.loc["蓬东乡", "doc_id"]])
    assert pengdong["boilerplate"].all()  # 蓬东乡 shares only set phrases (truth of the sample)
    hits = fazhi.kwic(sample_corpus, "民法典")
    tab = fd.kwic_table(hits)
    assert tab.columns.tolist() == ["文件", "部分", "左文", "关键词", "右文"]
    assert set(tab["关键词"]) == {"民法典"} and set(tab["部分"]) <= set(fd.PART_LABELS.values())


def test_documents_table_in_chinese(sample_corpus):
    tab = fd.documents_table(sample_corpus.docs).set_index("文件")
    row = tab.loc["2024-guangdong-shantou-jinping-yuepu.txt"]
    assert row["地区"] == "广东省汕头市金平区月浦街道" and row["层级"] == "街道"
    assert tab.loc["2021-chongqing-qianjiang-pengdong.txt", "地区"] == "重庆市黔江区蓬东乡"


def test_cloud_font_is_a_cached_subset_with_every_glyph():
    """Word clouds draw from a cached subset of the one Chinese font (fast to open, same glyphs)."""
    from pathlib import Path

    from PIL import ImageFont

    from fazhi.config import cache_dir
    from fazhi.fonts import font_path

    text = "法治政府建设月浦街道民法典扫黑除恶"
    path = Path(tp.cloud_font(text))
    assert path.parent == cache_dir("fonts")
    assert path.stat().st_size * 50 < font_path().stat().st_size
    assert tp.cloud_font(text[::-1]) == str(path)  # same characters, same cached file
    sub, full = ImageFont.truetype(str(path), 40), ImageFont.truetype(str(font_path()), 40)
    masks = [bytes(sub.getmask(ch)) for ch in set(text)]
    assert all(any(m) for m in masks) and len(set(masks)) == len(masks)
    for ch in text:  # the same glyph outlines (a pixel of rounding aside)
        assert sub.getlength(ch) == full.getlength(ch)
        assert max(abs(a - b) for a, b in zip(sub.getbbox(ch), full.getbbox(ch), strict=True)) <= 1


# a chart of a grouped table reads by= from the table's first column (the textstat_* call's by)
BY_FROM_TABLE = [
    ("themes", "town", lambda tb, **kw: tp.textplot_themes(tb, kind="bar", **kw)),
    ("themes_year", "report_year", lambda tb, **kw: tp.textplot_theme_trend(tb, **kw)),
    ("trend", "report_year", lambda tb, **kw: tp.textplot_trend(tb, **kw)),
    ("indicators", "town", lambda tb, **kw: tp.textplot_indicators(tb, **kw)),
]


@pytest.mark.parametrize("table, by, plot", BY_FROM_TABLE, ids=[r[0] for r in BY_FROM_TABLE])
def test_by_comes_from_the_table(tables, table, by, plot):
    assert tables[table].columns[0] == by
    implicit, explicit = plot(tables[table]), plot(tables[table], by=by)
    assert _texts(implicit) == _texts(explicit)
    assert _png(implicit) == _png(explicit)


def test_display_tables_read_by_from_the_table(sample_corpus):
    th = fazhi.textstat_themes(sample_corpus, by="province")
    pd.testing.assert_frame_equal(fd.theme_matrix(th), fd.theme_matrix(th, by="province"))
    kw = fazhi.textstat_keywords(sample_corpus, by="report_year", n=3)
    pd.testing.assert_frame_equal(fd.keywords_table(kw), fd.keywords_table(kw, by="report_year"))
    s = fazhi.textstat_indicator_summary(sample_corpus, by="province")
    pd.testing.assert_frame_equal(fd.indicator_matrix(s), fd.indicator_matrix(s, by="province"))
