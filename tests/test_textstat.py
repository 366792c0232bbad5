"""textstat_*: frequencies, keywords, keyness, trends, emerging terms, themes, similarity, KWIC.

Expected values are counted independently from the store's tokens or the cleaned text, never typed in.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from fazhi import display as fd
from fazhi.corpus import Corpus, segment_corpus
from fazhi.display import label
from fazhi.lexicon import load_lexicon
from fazhi.textstat import (
    is_term,
    kwic,
    load_themes,
    query_label,
    query_sides,
    textstat_distinctive,
    textstat_emerging,
    textstat_frequency,
    textstat_keyness,
    textstat_keywords,
    textstat_neighbours,
    textstat_simil,
    textstat_themes,
    textstat_trend,
)

S000 = "2020-fujian-fuzhou-mawei-tingjiang.txt"
S001 = "2021-chongqing-qianjiang-pengdong.txt"
S003 = "2019-guangdong-shaoguan-wujiang-xilian.txt"
S004 = "2024-guangdong-shantou-jinping-yuepu.txt"
ANON = "2023-anonymised-town-template.txt"
NONWORD = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")


def _doc(corpus, file):
    return corpus.docs.loc[corpus.docs["file"] == file].iloc[0]


def _tokens_of(corpus, doc_ids=None) -> list[str]:
    t = corpus.tokens
    if doc_ids is not None:
        t = t[t["doc_id"].isin(list(doc_ids))]
    return [tok for s in t["tokens"] for tok in s.split()]


def crafted(texts: dict[str, str], years: dict[str, int] | None = None) -> Corpus:
    """A corpus of crafted texts (no store: segmented explicitly, package lexicon)."""
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "file": list(texts),
                         "text": list(texts.values()),
                         "report_year": [(years or {}).get(f, 2020) for f in texts],
                         "anonymised": False})
    sections = pd.DataFrame(columns=["doc_id", "part", "level", "number", "heading", "start", "end",
                                     "text"])
    return segment_corpus(Corpus(docs, sections, pd.DataFrame(), None, None))


# ---------------------------------------------------------------- terms and frequency


@pytest.mark.parametrize("token, ok", [
    ("法治政府建设", True), ("法律顾问", True), ("12345热线", True), ("A", True),
    ("，", False), ("“", False), ("2021年", False), ("209件", False), ("13", False), ("99%", False),
    ("1.5万元", False), ("（", False),
])
def test_is_term(token, ok):
    assert is_term(token) is ok


def test_frequency_counts_are_token_counts(sample_corpus):
    df = textstat_frequency(sample_corpus, n=None)
    assert list(df.columns) == ["term", "count", "docs_with_term", "per_10k", "rank"]
    counts = Counter(_tokens_of(sample_corpus))
    for term, count in zip(df["term"].head(30), df["count"].head(30), strict=True):
        assert count == counts[term]
    assert df["count"].is_monotonic_decreasing
    assert list(df["rank"]) == list(range(1, len(df) + 1))
    assert not ({"的", "和", "进一步", "加强", "，", "2019年"} & set(df["term"]))
    assert (df["term"].str.len() >= 2).all()
    n_tokens = sum(1 for t in _tokens_of(sample_corpus) if NONWORD.sub("", t))
    top = df.iloc[0]
    assert top["per_10k"] == pytest.approx(top["count"] / n_tokens * 10_000)
    assert (df["docs_with_term"] <= len(sample_corpus)).all() and (df["docs_with_term"] >= 1).all()


def test_frequency_options(sample_corpus):
    with_sw = textstat_frequency(sample_corpus, n=None, drop_stopwords=False,
                                 drop_boilerplate=False, min_chars=1)
    assert {"的", "进一步"} <= set(with_sw["term"])
    plans = textstat_frequency(sample_corpus, n=None, parts=["plans"])
    t = sample_corpus.tokens
    counts = Counter(tok for s in t.loc[t["part"] == "plans", "tokens"] for tok in s.split())
    assert plans.set_index("term")["count"].to_dict() == {
        k: v for k, v in counts.items() if k in set(plans["term"])}


@pytest.mark.parametrize("by", ["report_year", "province", "part", "file"])
def test_frequency_by_group(sample_corpus, by):
    df = textstat_frequency(sample_corpus, by=by, n=5)
    assert list(df.columns) == [by, "term", "count", "docs_with_term", "per_10k", "rank"]
    assert df.groupby(by)["rank"].max().max() <= 5
    groups = set(sample_corpus.tokens["part"]) if by == "part" else set(sample_corpus.docs[by])
    # the anonymised report's empty province is the unknown group: NA, last
    assert set(map(label, df[by])) == set(map(label, groups))
    if by == "province":
        assert df[by].isna().sum() == df[df[by].isna()]["rank"].max() and pd.isna(df[by].iloc[-1])


def test_frequency_by_unknown_field_names_the_columns(sample_corpus):
    with pytest.raises(ValueError, match="report_year"):
        textstat_frequency(sample_corpus, by="no_such_field")


# ---------------------------------------------------------------- keywords


@pytest.fixture(scope="module")
def doc_sets(sample_corpus) -> dict[str, set[str]]:
    return {d: set(_tokens_of(sample_corpus, [d])) for d in sample_corpus.docs["doc_id"]}


@pytest.mark.parametrize("file", [S001, S003, S004])
def test_tfidf_keywords_are_specific_to_the_document(sample_corpus, doc_sets, file):
    def only_here(term):
        return [d for d, s in doc_sets.items() if term in s] == [doc_id]

    kw = textstat_keywords(sample_corpus, n=10)
    assert list(kw.columns) == ["doc_id", "term", "score", "rank"]
    doc_id = _doc(sample_corpus, file)["doc_id"]
    mine = kw[kw["doc_id"] == doc_id]
    assert len(mine) == 10 and mine["score"].is_monotonic_decreasing
    assert set(mine["term"]) <= set(_tokens_of(sample_corpus, [doc_id]))
    specific = [t for t in mine["term"] if only_here(t)]
    assert len(specific) >= 4, mine  # 西联镇 has 4 of 10 with the grown lexicon (it had 5)
    # the most frequent term found only in this document (stopwords and boilerplate off, as in
    # textstat_keywords) ranks among its top keywords
    lex = load_lexicon()
    drop = lex.stopwords | lex.boilerplate
    counts = Counter(t for t in _tokens_of(sample_corpus, [doc_id])
                     if is_term(t, min_chars=2) and t not in drop and only_here(t))
    top = counts.most_common(1)[0][1]  # (one of) the most frequent: ties rank in any order
    assert any(counts[t] == top for t in mine["term"].head(5)), (counts.most_common(5), mine)


def test_tfidf_by_group_and_idf_from_the_corpus(sample_corpus, doc_sets):
    kw = textstat_keywords(sample_corpus, by="province", n=3)
    assert set(map(label, kw["province"])) == set(map(label, sample_corpus.docs["province"]))
    # a term found in every document gets a lower weight than one of equal count in one document
    full = textstat_keywords(sample_corpus, n=10_000)
    every = set.intersection(*doc_sets.values()) & set(full["term"])
    assert every
    doc_id = _doc(sample_corpus, S004)["doc_id"]
    mine = full[full["doc_id"] == doc_id].set_index("term")["score"]
    assert mine[mine.index.isin(every)].max() < mine.max()


def test_textrank_keywords(sample_corpus):
    kw = textstat_keywords(sample_corpus, method="textrank", n=8)
    for doc_id, grp in kw.groupby("doc_id"):
        assert grp["score"].iloc[0] == pytest.approx(1.0)
        assert ((grp["score"] > 0) & (grp["score"] <= 1)).all()
        assert set(grp["term"]) <= set(_tokens_of(sample_corpus, [doc_id]))
    with pytest.raises(ValueError, match="method"):
        textstat_keywords(sample_corpus, method="lda")


def test_textrank_ranks_the_hub_first():
    # with a window of 2, 法律顾问 is next to every other term; the others only next to it
    text = "、法律顾问、".join(("合同", "决策", "文件", "协议", "章程", "证照")) + "。"
    kw = textstat_keywords(crafted({"a.txt": text}), method="textrank", n=3, window=2)
    assert kw["term"].iloc[0] == "法律顾问"


# ---------------------------------------------------------------- keyness


def test_keyness_guangdong_against_the_rest(sample_corpus):
    k = textstat_keyness(sample_corpus, "province == '广东省'")
    assert list(k.columns) == ["term", "n_target", "n_reference", "g2", "chi2", "p", "log_ratio"]
    assert k["g2"].is_monotonic_decreasing
    docs = sample_corpus.docs
    gd = docs.loc[docs["province"] == "广东省", "doc_id"]
    rest = docs.loc[docs["province"] != "广东省", "doc_id"]
    ct, cr = Counter(_tokens_of(sample_corpus, gd)), Counter(_tokens_of(sample_corpus, rest))
    for row in k.head(10).itertuples():
        assert (row.n_target, row.n_reference) == (ct[row.term], cr[row.term])
        assert row.g2 > 0 and row.log_ratio > 0
    for row in k.tail(5).itertuples():
        assert row.g2 < 0 and row.chi2 < 0 and row.log_ratio < 0
    assert ((k["p"] >= 0) & (k["p"] <= 1)).all()
    assert (k["n_target"] + k["n_reference"] >= 5).all()
    # the top term is far more frequent (relatively) in Guangdong's two reports
    top = k.iloc[0]
    size_t = sum(1 for t in _tokens_of(sample_corpus, gd) if NONWORD.sub("", t))
    size_r = sum(1 for t in _tokens_of(sample_corpus, rest) if NONWORD.sub("", t))
    assert top["n_target"] / size_t > 3 * top["n_reference"] / size_r


@pytest.mark.filterwarnings("ignore:textstat_keyness\\(n=:FutureWarning")  # n per side: tested below
@pytest.mark.parametrize("query,want", [
    ("province == '广东省'", "广东省"),
    ("province in ['广东省']", "广东省"),
    ("province in ['广东省', '福建省']", "广东省、福建省"),
    ('city == "汕头市"', "汕头市"),
    ("`town` == '亭江镇'", "亭江镇"),
    ("province not in ('广东省', '福建省')", "广东省、福建省以外"),
    ("province != '重庆市'", "重庆市以外"),
    ("report_year >= 2021", "2021年及以后"),
    ("report_year > 2020", "2020年以后"),
    ("report_year < 2021", "2021年以前"),
    ("report_year <= 2020", "2020年及以前"),
    ("report_year == 2023", "2023年"),
    ("report_year in [2020, 2022]", "2020年、2022年"),
    ("province == '广东省' and report_year >= 2021", "广东省，2021年及以后"),
    ("province == '浙江省' & level == 'town'", "浙江省，层级：镇"),
    ("n_chars >= 5000", "字数 ≥ 5000"),
    ("kind == '年度报告'", "报告类型：年度报告"),
    # not a simple comparison: the query itself
    ("province == '广东省' or province == '福建省'", "province == '广东省' or province == '福建省'"),
    ("city.str.contains('州')", "city.str.contains('州')"),
    ("province == 广东省", "province == 广东省"),
    ("province in ['广东省', '福建省'] and", "province in ['广东省', '福建省'] and"),
    ("report_year >= [2020, 2021]", "report_year >= [2020, 2021]"),
    ("", ""),
])
def test_keyness_query_label(query, want):
    assert query_label(query) == want


@pytest.mark.parametrize("query", ["province in ['广东省']", "report_year >= 2021",
                                   "province != '广东省' and report_year >= 2021"])
def test_keyness_query_label_names_what_the_query_selects(sample_corpus, query):
    """The label is a name for the reports the query selects, and the query still runs."""
    assert "'" not in query_label(query) and query_sides(sample_corpus, query)["target"] > 0


def test_keyness_g2_and_chi2_match_scipy(sample_corpus):
    from scipy.stats import chi2_contingency

    k = textstat_keyness(sample_corpus, "report_year >= 2021", min_count=3)
    docs = sample_corpus.docs
    t_ids = docs.loc[docs["report_year"] >= 2021, "doc_id"]
    r_ids = docs.loc[docs["report_year"] < 2021, "doc_id"]
    size_t = sum(1 for t in _tokens_of(sample_corpus, t_ids) if NONWORD.sub("", t))
    size_r = sum(1 for t in _tokens_of(sample_corpus, r_ids) if NONWORD.sub("", t))
    for row in pd.concat([k.head(3), k.tail(3)]).itertuples():
        table = [[row.n_target, size_t - row.n_target], [row.n_reference, size_r - row.n_reference]]
        g2 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
        x2, p = chi2_contingency(table, correction=False)[:2]
        assert abs(row.g2) == pytest.approx(g2)
        assert abs(row.chi2) == pytest.approx(x2)
        smoothed = np.log2(((row.n_target + 0.5) / size_t) / ((row.n_reference + 0.5) / size_r))
        assert row.log_ratio == pytest.approx(smoothed)
    k2 = textstat_keyness(sample_corpus, "report_year >= 2021", measure="chi2", min_count=3, n=5)
    assert len(k2) == 10 and k2["chi2"].is_monotonic_decreasing


def test_keyness_n_is_per_side(sample_corpus):
    """``n`` keeps the n most over- and the n most under-represented terms (as textstat_emerging
    and textplot_keyness count it); the old meaning (first n rows) warns once per call."""
    full = textstat_keyness(sample_corpus, "province == '广东省'", min_count=3)
    with pytest.warns(FutureWarning, match="each side"):
        k = textstat_keyness(sample_corpus, "province == '广东省'", min_count=3, n=4)
    pos, neg = full[full["g2"] > 0], full[full["g2"] < 0]
    pd.testing.assert_frame_equal(k, pd.concat([pos.head(4), neg.tail(4)], ignore_index=True))
    assert (k["g2"].head(4) > 0).all() and (k["g2"].tail(4) < 0).all()


@pytest.mark.filterwarnings("ignore:textstat_keyness\\(n=:FutureWarning")  # n per side: tested below
def test_keyness_mask_reference_and_errors(sample_corpus):
    docs = sample_corpus.docs
    by_query = textstat_keyness(sample_corpus, "province == '广东省'", n=20)
    by_mask = textstat_keyness(sample_corpus, docs["province"] == "广东省", n=20)
    pd.testing.assert_frame_equal(by_query, by_mask)
    one = textstat_keyness(sample_corpus, f"file == '{S004}'", reference=f"file == '{S003}'",
                           min_count=1)
    t04 = Counter(_tokens_of(sample_corpus, docs.loc[docs["file"] == S004, "doc_id"]))
    t03 = Counter(_tokens_of(sample_corpus, docs.loc[docs["file"] == S003, "doc_id"]))
    row = one.iloc[0]
    assert (row["n_target"], row["n_reference"]) == (t04[row["term"]], t03[row["term"]])
    with pytest.warns(UserWarning, match="目标组.*没有报告"):
        empty = textstat_keyness(sample_corpus, "province == '西藏自治区'")
    assert empty.empty and list(empty.columns) == list(by_query.columns)
    assert "西藏自治区" in empty.attrs["message"]
    with pytest.raises(ValueError, match="query"):
        textstat_keyness(sample_corpus, "no_such_column == 1")


# ---------------------------------------------------------------- trend


TREND_TERMS = ["法律顾问", "矛盾纠纷", "“七五”普法", "人民调解", "行政执法", "合法性审查",
               "公共法律服务", "民法典", "扫黑除恶", "重大行政决策", "信访"]


def test_trend_counts_equal_occurrences_in_the_cleaned_text(sample_corpus):
    t = textstat_trend(sample_corpus, TREND_TERMS, by="file")
    assert list(t.columns) == ["file", "term", "count", "n_docs", "docs_with_term", "n_tokens",
                               "per_10k"]
    seen = 0
    for file, text in zip(sample_corpus.docs["file"], sample_corpus.docs["text"], strict=True):
        flat = NONWORD.sub("", text)
        for term in TREND_TERMS:
            row = t[(t["file"] == file) & (t["term"] == term)].iloc[0]
            assert row["count"] == flat.count(NONWORD.sub("", term)), (file, term)
            assert row["docs_with_term"] == (row["count"] > 0)
            seen += row["count"]
    assert seen > 50


def test_trend_by_year_has_the_documents_behind_each_point(sample_corpus):
    t = textstat_trend(sample_corpus, ["法律顾问", "习近平法治思想"])
    years = sample_corpus.docs["report_year"].value_counts()
    assert len(t) == 2 * len(years)
    for row in t.itertuples():
        assert row.n_docs == years[row.report_year]
        assert row.per_10k == pytest.approx(row.count / row.n_tokens * 10_000)
    p = textstat_trend(sample_corpus, "法律顾问", by="province")
    assert {label(k): n for k, n in zip(p["province"], p["n_docs"], strict=True)} == \
        {label(k): n for k, n in sample_corpus.docs["province"].value_counts().items()}
    assert p["count"].sum() == t[t["term"] == "法律顾问"]["count"].sum()


@pytest.mark.parametrize("text, term, count", [
    ("深入开展“七五”普法工作，七五普法圆满收官。", "“七五”普法", 2),
    ("深入开展“七五”普法工作，七五普法圆满收官。", "七五普法", 2),
    ("健全政府法律顾问制度，发挥法律顾问作用。", "法律顾问", 2),
    ("坚持依法治国，推进依法治理。", "法治", 0),        # inside 依法治国 / across 依法|治理
    ("建立行政执法公示制度，落实执法全过程记录。", "行政执法 公示", 1),
    ("学习习近平法治思想，习近平法治思想入脑入心。", "习近平法治思想", 2),
])
def test_trend_matches_split_and_quoted_terms(text, term, count):
    t = textstat_trend(crafted({"a.txt": text}), [term])
    assert t["count"].iloc[0] == count


def test_trend_match_modes():
    c = crafted({"a.txt": "坚持依法治国，推进法治政府建设，落实法治。"})
    got = {m: textstat_trend(c, ["法治"], match=m)["count"].iloc[0] for m in ("tokens", "edge", "text")}
    assert got["tokens"] <= got["edge"] <= got["text"]
    assert got["text"] == NONWORD.sub("", "坚持依法治国，推进法治政府建设，落实法治。").count("法治")


def test_emerging_and_fading(sample_corpus):
    e = textstat_emerging(sample_corpus, split=2021, min_count=5, n=10)
    assert list(e.columns) == ["term", "count_before", "count_after", "per_10k_before",
                               "per_10k_after", "log_ratio", "g2", "p", "trend"]
    assert set(e["trend"]) == {"emerging", "fading"}
    em, fa = e[e["trend"] == "emerging"], e[e["trend"] == "fading"]
    assert (em["g2"] > 0).all() and (em["per_10k_after"] > em["per_10k_before"]).all()
    assert (fa["g2"] < 0).all() and (fa["per_10k_after"] < fa["per_10k_before"]).all()
    assert (e["count_before"] + e["count_after"] >= 5).all()
    docs = sample_corpus.docs
    after = Counter(_tokens_of(sample_corpus, docs.loc[docs["report_year"] >= 2021, "doc_id"]))
    before = Counter(_tokens_of(sample_corpus, docs.loc[docs["report_year"] < 2021, "doc_id"]))
    for row in e.itertuples():
        assert (row.count_before, row.count_after) == (before[row.term], after[row.term])
    plans = textstat_emerging(sample_corpus, split=2021, min_count=2, n=None, parts=["plans"])
    assert (plans["count_before"] + plans["count_after"]
            <= plans["term"].map(lambda t: before[t] + after[t])).all()



def test_emerging_trend_reads_in_chinese_and_the_table_keeps_its_codes(sample_corpus):
    e = textstat_emerging(sample_corpus, split=2021, min_count=5, n=5)
    shown = fd.label_columns(e)
    assert set(shown["走势"]) == {"新兴", "衰退"}
    assert shown["走势"].tolist() == e["trend"].map({"emerging": "新兴", "fading": "衰退"}).tolist()
    assert set(e["trend"]) == {"emerging", "fading"}  # the analysis keeps the codes


# ---------------------------------------------------------------- themes


def test_theme_lexicon_shape():
    themes = load_themes()
    assert len(themes) >= 11
    for name, terms in themes.items():
        assert re.fullmatch(r"[\u4e00-\u9fff]+", name), name
        assert len(terms) >= 15, (name, len(terms))
    for name in ("理论学习", "营商环境", "行政执法", "数字政府", "普法", "法治社会"):
        assert name in themes


def test_every_theme_term_hits_a_crafted_sentence():
    themes = load_themes()
    texts = {f"{th}-{i}.txt": f"今年我镇认真开展{term}相关工作。"
             for th, terms in themes.items() for i, term in enumerate(terms)}
    keys = {f"{th}-{i}.txt": th for th, terms in themes.items() for i, _ in enumerate(terms)}
    corpus = crafted(texts)
    res = textstat_themes(corpus, by="file", themes=themes)
    hit = res[res["hits"] > 0]
    missing = [f for f in texts if keys[f] not in set(hit.loc[hit["file"] == f, "theme"])]
    assert not missing, [texts[f] for f in missing]


def test_themes_on_the_sample(sample_corpus):
    res = textstat_themes(sample_corpus)
    assert list(res.columns) == ["doc_id", "theme", "hits", "n_units", "share"]
    assert ((res["share"] >= 0) & (res["share"] <= 1)).all()
    assert (res["hits"] <= res["n_units"]).all()
    assert len(res) == len(sample_corpus) * len(load_themes())
    assert res.groupby("doc_id")["hits"].sum().min() > 0
    sent = textstat_themes(sample_corpus, by="report_year", unit="sentences")
    assert ((sent["share"] >= 0) & (sent["share"] <= 1)).all()
    assert (sent["share"] > 0).any()


def test_themes_sentences_count_sentences():
    c = crafted({"a.txt": "开展普法宣传活动。加强行政执法。天气很好！聘请法律顾问，开展普法讲座。"})
    res = textstat_themes(c, themes={"普法": ["普法"], "执法": ["行政执法"]}, unit="sentences")
    got = res.set_index("theme")
    assert got.loc["普法", "n_units"] == 4
    assert got.loc["普法", "hits"] == 2 and got.loc["执法", "hits"] == 1


def test_user_theme_file(tmp_path):
    p = tmp_path / "my_themes.tsv"
    p.write_text("# my themes\n扫黑\t扫黑除恶\n扫黑\t“扫黑除恶”专项斗争\n\n禁毒\t禁毒\n", encoding="utf-8")
    assert load_themes(p) == {"扫黑": ["扫黑除恶", "“扫黑除恶”专项斗争"], "禁毒": ["禁毒"]}
    c = crafted({"a.txt": "深入开展扫黑除恶专项斗争和禁毒宣传。"})
    res = textstat_themes(c, themes=p).set_index("theme")
    assert res.loc["扫黑", "hits"] >= 1 and res.loc["禁毒", "hits"] == 1


@pytest.mark.parametrize("content, line", [
    ("普法\t普法\n普法 宪法\n", 2),
    ("# ok\n普法\t\n", 2),
    ("普法\t普法\t多余\n", 1),
])
def test_malformed_theme_file_names_file_and_line(tmp_path, content, line):
    p = tmp_path / "bad.tsv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=rf"bad\.tsv:{line}: "):
        load_themes(p)


# ---------------------------------------------------------------- similarity


def test_simil_matrix(sample_corpus):
    sim = textstat_simil(sample_corpus)
    files = list(sample_corpus.docs["file"])
    assert list(sim.index) == files and list(sim.columns) == files
    m = sim.to_numpy()
    assert np.allclose(m, m.T) and np.allclose(np.diag(m), 1.0)
    assert ((m >= 0) & (m <= 1)).all()
    # seeds 000 and 003 share many passages: each is the other's nearest neighbour
    off = sim.where(~np.eye(len(sim), dtype=bool))
    assert off.loc[S000].idxmax() == S003 and off.loc[S003].idxmax() == S000


def test_simil_by_group_and_labels(sample_corpus):
    sim = textstat_simil(sample_corpus, by="province")
    assert set(map(label, sim.index)) == set(map(label, sample_corpus.docs["province"]))
    lab = textstat_simil(sample_corpus, label_by="doc_id")
    assert list(lab.index) == list(sample_corpus.docs["doc_id"])


def test_neighbours(sample_corpus):
    nb = textstat_neighbours(sample_corpus, n=2)
    assert list(nb.columns)[:4] == ["doc_id", "neighbour", "similarity", "rank"]
    assert len(nb) == 2 * len(sample_corpus)
    assert (nb["doc_id"] != nb["neighbour"]).all()
    first = nb[nb["rank"] == 1].set_index("label")["neighbour_label"]
    assert first[S000] == S003 and first[S003] == S000
    assert (nb.groupby("doc_id")["similarity"].apply(lambda s: s.is_monotonic_decreasing)).all()


def test_distinctive_terms_per_town(sample_corpus):
    d = textstat_distinctive(sample_corpus, by="town", n=5)
    assert list(d.columns) == ["town", "term", "n_target", "n_reference", "g2", "log_ratio", "rank"]
    assert (d["g2"] > 0).all() and (d["n_target"] >= 3).all()
    docs = sample_corpus.docs
    for town, grp in d.groupby("town"):
        ids = docs.loc[docs["town"] == town, "doc_id"]
        mine, rest = Counter(_tokens_of(sample_corpus, ids)), Counter(_tokens_of(sample_corpus))
        for row in grp.itertuples():
            assert row.n_target == mine[row.term]
            assert row.n_reference == rest[row.term] - mine[row.term]
    yuepu = d[d["town"] == "月浦街道"]
    k = textstat_keyness(sample_corpus, "town == '月浦街道'", min_count=3)
    assert list(yuepu["term"]) == list(k["term"].head(5))


# ---------------------------------------------------------------- KWIC


@pytest.mark.parametrize("term, window", [
    ("法律顾问", 20), ("矛盾纠纷", 5), ("“三项制度”", 10), ("（一）", 8), ("1+6+N", 10), ("调处", 0),
])
def test_kwic(sample_corpus, term, window):
    k = kwic(sample_corpus, term, window=window)
    assert list(k.columns) == ["doc_id", "file", "part", "start", "end", "left", "keyword", "right"]
    expected = sum(t.count(term) for t in sample_corpus.docs["text"])
    assert len(k) == expected
    texts = dict(zip(sample_corpus.docs["doc_id"], sample_corpus.docs["text"], strict=True))
    for row in k.itertuples():
        assert row.keyword == term == texts[row.doc_id][row.start:row.end]
        assert len(row.left) <= window and len(row.right) <= window
        assert texts[row.doc_id][row.start - len(row.left):row.start].replace("\n", " ") == row.left
    assert set(k["part"]) <= {"preamble", "achievements", "problems", "duty", "plans", "other"}


def test_kwic_part_follows_the_sections(sample_corpus):
    k = kwic(sample_corpus, "下一步")
    secs = sample_corpus.sections
    level1 = secs[secs["level"] == 1]
    for row in k.itertuples():
        hit = level1[(level1["doc_id"] == row.doc_id) & (level1["start"] <= row.start)
                     & (level1["end"] > row.start)]
        assert row.part == (hit["part"].iloc[0] if len(hit) else "preamble")
    assert "plans" in set(k["part"])
    only = kwic(sample_corpus, "下一步", parts=["plans"])
    assert len(only) == (k["part"] == "plans").sum() and set(only["part"]) == {"plans"}


# ---------------------------------------------------------------- groups, subsets, missing values


def test_missing_group_values_form_their_own_group():
    c = crafted({"a.txt": "聘请法律顾问，完善法律顾问制度。", "b.txt": "开展普法宣传。",
                 "c.txt": "法律顾问参与合同审查。"})
    c.docs["report_year"] = pd.Series([2020, None, 2021], dtype="Int64")
    f = textstat_frequency(c, by="report_year", n=None)
    assert pd.isna(f["report_year"].iloc[-1]) and f["report_year"].iloc[0] == 2020
    t = textstat_trend(c, ["法律顾问"])
    assert list(t["count"]) == [2, 1, 0] and list(t["n_docs"]) == [1, 1, 1]


def test_subset_gets_its_own_index(sample_corpus):
    gd = sample_corpus.subset("province == '广东省'")
    f_all = textstat_frequency(sample_corpus, n=None).set_index("term")
    f_gd = textstat_frequency(gd, n=None).set_index("term")
    assert f_gd["docs_with_term"].max() <= 2
    counts = Counter(_tokens_of(gd))
    for term in f_gd.index[:20]:
        assert f_gd.loc[term, "count"] == counts[term] <= f_all.loc[term, "count"]
    t = textstat_trend(gd, ["法律顾问"], by="province")
    assert list(t["n_docs"]) == [2]


@pytest.mark.parametrize("call, columns", [
    (lambda c: textstat_frequency(c, by="town"), ["town", "term", "count", "docs_with_term", "per_10k", "rank"]),
    (lambda c: textstat_keywords(c), ["doc_id", "term", "score", "rank"]),
    (lambda c: textstat_keywords(c, method="textrank"), ["doc_id", "term", "score", "rank"]),
    (lambda c: textstat_trend(c, ["法治"]), ["report_year", "term", "count", "n_docs",
                                            "docs_with_term", "n_tokens", "per_10k"]),
    (lambda c: textstat_themes(c), ["doc_id", "theme", "hits", "n_units", "share"]),
    (lambda c: textstat_neighbours(c), ["doc_id", "neighbour", "similarity", "rank"]),
    (lambda c: textstat_distinctive(c, by="town"), ["town", "term", "n_target", "n_reference", "g2",
                                         "log_ratio", "rank"]),
    (lambda c: kwic(c, "法治"), ["doc_id", "file", "part", "start", "end", "left", "keyword",
                                "right"]),
])
def test_empty_selection_gives_empty_tables(sample_corpus, call, columns):
    empty = sample_corpus.subset("province == '没有这个省'")
    df = call(empty)
    assert df.empty and list(df.columns)[:len(columns)] == columns


# ---------------------------------------------------------------- sides of a comparison


@pytest.mark.parametrize("target, reference", [
    ("province == '广东省'", None),
    ("report_year >= 2021", None),
    ("report_year >= 2023", "report_year < 2021"),
    ("province == '西藏自治区'", None),
])
def test_query_sides_are_the_sides_keyness_compares(sample_corpus, target, reference):
    from fazhi.textstat import query_sides

    docs = sample_corpus.docs
    sides = query_sides(sample_corpus, target, reference)
    t_ids = docs.loc[docs.eval(target).astype("boolean").fillna(False).to_numpy(bool), "doc_id"]
    assert sides["target"] == len(t_ids)
    assert sides["target"] + sides["reference"] + sides["unknown"] == len(docs)
    if not sides["target"]:
        with pytest.warns(UserWarning):
            assert textstat_keyness(sample_corpus, target, reference=reference).empty
        return
    k = textstat_keyness(sample_corpus, target, reference=reference, min_count=1)
    terms = set(k["term"])
    assert k["n_target"].sum() == sum(1 for t in _tokens_of(sample_corpus, t_ids) if t in terms)


@pytest.mark.parametrize("split", [2020, 2021, 2024, 2100])
def test_split_counts_are_the_periods_emerging_compares(sample_corpus, split):
    from fazhi.textstat import split_counts

    years = sample_corpus.docs["report_year"]
    counts = split_counts(sample_corpus.docs, "report_year", split)
    assert counts == {"before": int((years < split).sum()), "after": int((years >= split).sum()),
                      "unknown": int(years.isna().sum())}
    if not counts["before"] or not counts["after"]:
        with pytest.warns(UserWarning, match="没有报告"):
            assert textstat_emerging(sample_corpus, split=split).empty


def test_compare_themes_against_the_pooled_average(sample_corpus):
    from fazhi.textstat import compare_themes

    th = textstat_themes(sample_corpus, by="province")
    c = compare_themes(th, by="province", group="广东省")
    assert list(c.columns) == ["theme", "share", "average", "difference"]
    assert list(c["theme"]) == list(load_themes())
    gd = th[th["province"] == "广东省"].set_index("theme")
    pooled = th.groupby("theme")[["hits", "n_units"]].sum()
    for row in c.itertuples():
        assert row.share == gd.loc[row.theme, "share"]
        assert row.average == pytest.approx(pooled.loc[row.theme, "hits"]
                                            / pooled.loc[row.theme, "n_units"])
        assert row.difference == pytest.approx(row.share - row.average)
    nowhere = compare_themes(th, by="province", group="西藏自治区")
    assert (nowhere["share"] == 0).all()
