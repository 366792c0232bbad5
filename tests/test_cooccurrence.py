"""textstat_cooccurrence, textplot_network, write_network: co-occurrence networks.

Expected counts and measures are computed here, independently, from the corpus's tokens (sentences
cut at 。！？； tokens, spans of k word tokens), never typed in.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import combinations

import networkx as nx
import pandas as pd
import pytest

import fazhi
from fazhi.corpus import Corpus, segment_corpus
from fazhi.lexicon import load_lexicon
from fazhi.textplot.network import network_graph, network_layout, textplot_network, write_network
from fazhi.textstat import dfm, is_term, textstat_cooccurrence
from fazhi.tokens import Tokenizer

WORD = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]")
SENTENCE_CUT = re.compile(r"[。！？；!?;\n]")

# three reports in the layouts of real ones (title, numbered measures, figures), own wording
REPORTS = {
    "2022-fujian-ningde-jiaocheng.txt": (
        "宁德市蕉城区2022年法治政府建设情况报告\n"
        "一、主要工作\n"
        "区司法局推进行政复议体制改革，行政复议案件全部纳入规范化办理。"
        "坚持严格规范公正文明执法，全区行政执法案卷评查覆盖所有执法部门；"
        "行政执法人员持证上岗率达到百分之百。\n"
        "深入开展普法宣传，普法志愿者走进霞浦县三沙镇的渔村！公共法律服务站点实现全覆盖。\n"
        "二、存在的问题\n"
        "行政复议和行政应诉衔接不够顺畅。人民调解组织化解矛盾纠纷的能力有待提升。"),
    "2022-fujian-ningde-xiapu.txt": (
        "霞浦县2022年度法治政府建设工作报告\n"
        "一是深化行政复议体制改革，行政复议案件办理质效明显提升。"
        "二是开展行政执法案卷评查，行政执法人员培训实现全覆盖。"
        "三是普法宣传进村入户，公共法律服务进一步延伸到渔村。\n"
        "下一步，我县将推进人民调解与行政复议衔接，化解矛盾纠纷。"),
    "2023-fujian-ningde-fuding.txt": (
        "福鼎市2023年法治政府建设年度报告\n"
        "（一）行政复议案件办理更加规范，行政复议听证程序全面推行。"
        "（二）行政执法案卷评查常态化开展；行政执法人员持证上岗。"
        "（三）人民调解组织化解矛盾纠纷，公共法律服务站点覆盖全部村居？"),
}


def _corpus(texts: dict[str, str]) -> Corpus:
    years = [int(f[:4]) if f[:4].isdigit() else 2022 for f in texts]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "file": list(texts),
                         "text": list(texts.values()), "report_year": years,
                         "anonymised": False})
    sections = pd.DataFrame(columns=["doc_id", "part", "level", "number", "heading", "start",
                                     "end", "text"])
    return segment_corpus(Corpus(docs, sections, pd.DataFrame(), None, None))


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return _corpus(REPORTS)


# ---------------------------------------------------------------- the reference, computed here


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    return Tokenizer()


def _units(corpus: Corpus, window: int | None) -> list[list[str]]:
    """Sentences (the report's text cut at 。！？； and line breaks, each segmented on its own) or
    spans of ``window`` word tokens of each token row; units without a word left out."""
    out = []
    if window is None:
        tk = _tokenizer()
        for text in corpus.docs["text"]:
            for piece in SENTENCE_CUT.split(text):
                out.append([t for t in tk.cut(piece) if WORD.search(t)])
    else:
        for row in corpus.tokens["tokens"]:
            words = [t for t in row.split() if WORD.search(t)]
            if words:
                out.extend(words[s:s + window] for s in range(max(1, len(words) - window + 1)))
    return [u for u in out if u]


def _is_term(t: str, drop: set[str]) -> bool:
    return t not in drop and is_term(t, min_chars=2, units=load_lexicon().units)


def _drop(stop: bool = True, boiler: bool = True) -> set[str]:
    lex = load_lexicon()
    return (set(lex.stopwords) if stop else set()) | (set(lex.boilerplate) if boiler else set())


def _reference(corpus: Corpus, window: int | None, drop: set[str]):
    units = [{t for t in u if _is_term(t, drop)} for u in _units(corpus, window)]
    single = Counter(t for u in units for t in u)
    pairs = Counter(frozenset(p) for u in units for p in combinations(sorted(u), 2))
    return pairs, single, len(units)


def _measures(c: int, ca: int, cb: int, n: int) -> dict[str, float]:
    return {"jaccard": c / (ca + cb - c), "dice": 2 * c / (ca + cb),
            "pmi": math.log2(c * n / (ca * cb))}


# ---------------------------------------------------------------- counts and measures


@pytest.mark.parametrize("window", [None, 3, 6])
@pytest.mark.parametrize("measure", ["jaccard", "dice", "pmi"])
def test_counts_and_measures_match_an_independent_count(corpus, window, measure):
    got = textstat_cooccurrence(corpus, window=window, measure=measure, n=None, n_terms=10_000,
                                min_count=1)
    pairs, single, n_units = _reference(corpus, window, _drop())
    assert got.attrs["units"] == n_units
    assert len(got) == len(pairs)
    for row in got.to_dict("records"):
        key = frozenset((row["term_a"], row["term_b"]))
        assert row["count"] == pairs[key], key
        assert (row["count_a"], row["count_b"]) == (single[row["term_a"]], single[row["term_b"]])
        assert row["count_a"] >= row["count_b"]  # term_a: the more frequent
        want = _measures(pairs[key], single[row["term_a"]], single[row["term_b"]], n_units)
        for m, v in want.items():
            assert row[m] == pytest.approx(v), (key, m)
    # ranked by the measure, descending, rank 1..n
    assert got[measure].is_monotonic_decreasing
    assert got["rank"].tolist() == list(range(1, len(got) + 1))


@pytest.mark.parametrize("n, n_terms, min_count", [(5, 10_000, 1), (None, 4, 1), (None, 10_000, 2),
                                                   (3, 6, 2)])
def test_top_edges_among_the_most_frequent_terms(corpus, n, n_terms, min_count):
    got = textstat_cooccurrence(corpus, n=n, n_terms=n_terms, min_count=min_count)
    pairs, single, n_units = _reference(corpus, None, _drop())
    # the nodes: the n_terms most frequent terms (token counts; ties by term)
    freq = Counter(t for row in corpus.tokens["tokens"] for t in row.split()
                   if _is_term(t, _drop()))
    nodes = set(sorted(freq, key=lambda t: (-freq[t], t))[:n_terms])
    want = sorted(((_measures(c, single[a], single[b], n_units)["jaccard"], c,
                    *sorted((a, b), key=lambda t: (-single[t], t)))
                   for p, c in pairs.items() for a, b in [sorted(p)]
                   if c >= min_count and a in nodes and b in nodes),
                  key=lambda r: (-r[0], -r[1], r[2], r[3]))
    want = want[:n] if n else want
    assert list(zip(got["term_a"], got["term_b"], strict=True)) == [(r[2], r[3]) for r in want]


# each case: a text; two terms; whether they co-occur in a sentence, in a 3-token window
WINDOW_CASES = [
    # same sentence, many tokens apart: a sentence pair, not a window pair
    ("霞浦县深化行政复议队伍建设，全县各乡镇司法所全部设立公共法律服务站点。",
     "行政复议", "公共法律服务站", True, False),
    # adjacent across a full stop: a window pair, not a sentence pair
    ("福鼎市全面推行行政复议。人民调解员覆盖所有村居。", "行政复议", "人民调解员", False, True),
    # adjacent within one sentence: both
    ("蕉城区推进行政复议队伍建设。", "行政复议", "队伍", True, True),
    # a heading line without a full stop, then its first sentence: a window pair only
    ("一、推进行政复议队伍建设\n行政复议案卷全部办结。", "建设", "案卷", False, True),
    # the report's title runs into nothing: its words stay out of the first sentence
    ("政和县2022年法治政府建设情况报告\n推进行政复议队伍建设。", "法治政府建设", "队伍",
     False, False),
    # across a semicolon, far apart: neither
    ("柘荣县开展普法宣传进村入户活动；全县行政执法人员全部持证上岗。",
     "普法宣传", "行政执法人员", False, False),
]


@pytest.mark.parametrize("text, a, b, in_sentence, in_window", WINDOW_CASES)
def test_window_versus_sentence(text, a, b, in_sentence, in_window):
    c = _corpus({"2022-case.txt": text})
    tokens = c.tokens["tokens"].iloc[0].split()
    assert a in tokens and b in tokens  # the segmenter keeps both whole
    for window, expected in ((None, in_sentence), (3, in_window)):
        got = textstat_cooccurrence(c, window=window, n=None, min_count=1, n_terms=10_000)
        pairs = set(map(frozenset, zip(got["term_a"], got["term_b"], strict=True)))
        assert (frozenset((a, b)) in pairs) is expected, (window, got)


LINE_CASES = [
    # an ordinary report: every line placed back
    (False, "周宁县2022年法治政府建设情况报告\n行政复议案卷全部办结\n普法宣传进村入户。", "", 0),
    # an anonymised report: its alias (A → the full name) applied as the build applies it
    (True, "A法治思想学习常态化，行政复议案卷全部办结\n普法宣传进村入户。", "", 0),
    # a text edited after the build no longer matches its tokens: end marks only, counted
    (False, "行政复议案卷全部办结\n普法宣传进村入户。", "（修订）", 1),
]


@pytest.mark.parametrize("anonymised, text, edit, unplaced", LINE_CASES)
def test_rows_whose_lines_cannot_be_placed_are_counted(anonymised, text, edit, unplaced):
    c = _corpus({"2022-case.txt": text})
    c.docs["anonymised"] = anonymised
    c = segment_corpus(c)
    c.docs["text"] = c.docs["text"] + edit
    got = textstat_cooccurrence(c, min_count=1, n=None)
    assert got.attrs["rows_without_lines"] == unplaced
    pairs = set(map(frozenset, zip(got["term_a"], got["term_b"], strict=True)))
    assert frozenset(("行政复议", "案卷")) in pairs
    # a line break ends a sentence unless the lines could not be placed
    assert (frozenset(("办结", "普法宣传")) in pairs) is bool(unplaced)


@pytest.mark.parametrize("stop, boiler", [(True, True), (False, True), (True, False),
                                          (False, False)])
def test_stopwords_and_boilerplate_dropped(corpus, stop, boiler):
    got = textstat_cooccurrence(corpus, n=None, n_terms=10_000, min_count=1,
                                drop_stopwords=stop, drop_boilerplate=boiler)
    terms = set(got["term_a"]) | set(got["term_b"])
    lex = load_lexicon()
    present = {t for row in corpus.tokens["tokens"] for t in row.split()}
    if stop:
        assert not terms & set(lex.stopwords)
    else:
        assert terms & set(lex.stopwords) & present  # 下一步, 一是 …
    if boiler:
        assert not terms & set(lex.boilerplate)
    else:
        assert terms & set(lex.boilerplate) & present  # 进一步, 全面 …
    pairs, _single, _n = _reference(corpus, None, _drop(stop, boiler))
    assert len(got) == len(pairs)


def test_groups_and_a_dfm(corpus):
    by_file = textstat_cooccurrence(corpus, by="file", n=None, min_count=1, n_terms=10_000)
    assert list(by_file.columns[:2]) == ["file", "term_a"]
    for file, rows in by_file.groupby("file"):
        one = _corpus({file: REPORTS[file]})
        pairs, _single, n_units = _reference(one, None, _drop())
        assert by_file.attrs["units"][file] == n_units
        assert dict(zip(map(frozenset, zip(rows["term_a"], rows["term_b"], strict=True)),
                        rows["count"], strict=True)) == {k: v for k, v in pairs.items()}
    # a dfm subset gives the counts of its documents only
    sub = dfm(corpus).subset("file == '2022-fujian-ningde-xiapu.txt'")
    got = textstat_cooccurrence(sub, n=None, min_count=1, n_terms=10_000)
    want = by_file[by_file["file"] == "2022-fujian-ningde-xiapu.txt"]
    assert sorted(zip(got["term_a"], got["count"], strict=True)) == \
        sorted(zip(want["term_a"], want["count"], strict=True))


# ---------------------------------------------------------------- tiny corpora


def test_one_report_gives_its_own_edges():
    one = _corpus({"2021-fujian-ningde-zhouning.txt": (
        "周宁县2021年法治政府建设情况报告\n"
        "推进行政复议队伍建设，行政复议案卷全部规范办理。深化行政复议队伍建设，行政复议听证程序全面推行。")})
    got = textstat_cooccurrence(one, min_count=2)
    assert "message" not in got.attrs and len(got)
    pairs, _s, _n = _reference(one, None, _drop())
    assert [tuple(sorted(p)) for p, c in pairs.items() if c >= 2] == \
        [tuple(sorted(r)) for r in zip(got["term_a"], got["term_b"], strict=True)]


EMPTY_CASES = [
    # every sentence one term: nothing co-occurs
    ({"2022-fujian-ningde-shouning.txt": "普法宣传。行政复议！人民调解？"}, {}, "共现"),
    # pairs exist, but none twice
    ({"2022-fujian-ningde-pingnan.txt": "屏南县推进行政复议体制改革。人民调解组织化解矛盾纠纷。"},
     {"min_count": 2}, "至少 2 次"),
    # a subset without reports
    (REPORTS, {"parts": ["plans"]}, "没有可统计的报告"),
]


@pytest.mark.parametrize("texts, kw, says", EMPTY_CASES)
def test_nothing_to_draw_gives_a_message_table_and_figure(texts, kw, says, tmp_path):
    got = textstat_cooccurrence(_corpus(texts), **kw)
    assert got.empty and list(got.columns[:2]) == ["term_a", "term_b"]
    assert says in got.attrs["message"]
    fig = textplot_network(got)
    shown = " ".join(t.get_text() for ax in fig.axes for t in ax.texts).replace("\n", "")
    assert says in shown
    assert fig.get_label() == "textplot_network"
    back = nx.read_gexf(write_network(got, tmp_path / "empty.gexf"))
    assert back.number_of_nodes() == 0


# ---------------------------------------------------------------- the figure and the files


def test_layout_and_communities_are_deterministic(corpus):
    edges = textstat_cooccurrence(corpus, min_count=1, n=40)
    g1, g2 = network_graph(edges, seed=7), network_graph(edges, seed=7)
    assert network_layout(g1, seed=7) == network_layout(g2, seed=7)
    assert dict(g1.nodes(data="community")) == dict(g2.nodes(data="community"))
    f1, f2 = textplot_network(edges, seed=7), textplot_network(edges, seed=7)
    off = [[c.get_offsets().tolist() for c in f.axes[0].collections] for f in (f1, f2)]
    assert off[0] == off[1] and off[0][0]
    labels = {t.get_text() for t in f1.axes[0].texts}
    assert labels == set(edges["term_a"]) | set(edges["term_b"])  # every node named


@pytest.mark.parametrize("suffix", [".gexf", ".graphml"])
def test_gephi_files_round_trip(corpus, tmp_path, suffix):
    edges = textstat_cooccurrence(corpus, min_count=2, n=30)
    path = write_network(edges, tmp_path / f"共现网络{suffix}")
    back = nx.read_gexf(path) if suffix == ".gexf" else nx.read_graphml(path)
    g = network_graph(edges)
    # GEXF reads node ids back; its labels hold the Chinese terms too
    names = {d.get("label", n) for n, d in back.nodes(data=True)}
    assert names == set(g.nodes) and "行政复议" in names
    for node, data in back.nodes(data=True):
        term = data.get("label", node)
        assert int(data["count"]) == g.nodes[term]["count"]
        assert int(data["community"]) == g.nodes[term]["community"]
    assert back.number_of_edges() == len(edges)
    for a, b, data in back.edges(data=True):
        row = edges[((edges["term_a"] == a) & (edges["term_b"] == b))
                    | ((edges["term_a"] == b) & (edges["term_b"] == a))].iloc[0]
        assert int(data["count"]) == row["count"]
        assert float(data["jaccard"]) == pytest.approx(row["jaccard"])


def test_bad_arguments_say_what_is_wrong(corpus, tmp_path):
    edges = textstat_cooccurrence(corpus, min_count=1)
    with pytest.raises(ValueError, match=".gexf"):
        write_network(edges, tmp_path / "net.csv")
    with pytest.raises(ValueError, match="measure"):
        textstat_cooccurrence(corpus, measure="cosine")
    with pytest.raises(ValueError, match="window"):
        textstat_cooccurrence(corpus, window=1)


def test_public_names():
    assert fazhi.textstat_cooccurrence is textstat_cooccurrence
    assert fazhi.textplot_network is textplot_network
    assert fazhi.write_network is write_network


@pytest.mark.parametrize("text", [
    "宁德市蕉城区2022年法治政府建设情况报告",
    "一、行政复议案件１２３件（同比增长5.6%）；ＡＢＣ与abc、XYZ。",
    "“七五”普法：《中华人民共和国行政复议法》\n全面推行——依法行政！",
    "㐀䶿一鿿豈﫿０９ＡＺａｚ09AZaz\t ·…～",
])
def test_word_characters_are_those_of_the_token_index(text):
    from fazhi.textstat._index import _WORDCHAR
    from fazhi.textstat.cooc import word_chars

    assert word_chars(text).tolist() == [_WORDCHAR.match(ch) is not None for ch in text]
