"""Topic models (``textmodel_lda``, ``textstat_topics``, ``textstat_topic_shares``) and their charts.

A crafted corpus of town reports in three clearly separate vocabularies (review and litigation,
legal publicity, dispute mediation; own wording, real places): each vocabulary comes back as a
topic whose top terms are mostly its own; the same seed gives the same model; shares sum to 1.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import fazhi
from fazhi.corpus import Corpus, segment_corpus
from fazhi.textstat import TopicModel, textmodel_lda, textstat_topic_shares, textstat_topics

# three vocabularies: sentences a report of that kind would hold (own wording)
VOCAB = {
    "复议应诉": ["行政复议", "行政应诉", "复议机关", "败诉", "出庭应诉", "行政诉讼", "纠错"],
    "普法宣传": ["民法典", "普法", "宣传月", "法治文化", "宪法", "宣讲"],
    "纠纷调解": ["人民调解", "矛盾纠纷", "调解员", "调解委员会", "排查", "化解"],
}
SENTENCES = {
    "复议应诉": [
        "全年办理行政复议案件{a}件，复议机关依法纠错{b}件，纠错率同比下降。",
        "行政机关负责人出庭应诉{a}次，行政诉讼案件败诉{b}件，败诉原因逐案分析。",
        "健全行政应诉工作机制，行政复议决定全部履行，行政诉讼裁判按期执行。",
        "组织复议机关工作人员旁听行政诉讼庭审，提升出庭应诉能力，减少败诉。",
    ],
    "普法宣传": [
        "开展民法典宣讲{a}场，组织宪法宣传月活动，发放普法资料{b}份。",
        "建设法治文化广场{a}个，利用宣传月集中开展普法宣讲，民法典进村入户。",
        "落实普法责任制，举办宪法宣讲和民法典专题讲座，打造法治文化阵地。",
        "以宪法宣传周为契机开展普法活动，法治文化作品展出{a}件，宣讲覆盖群众{b}人次。",
    ],
    "纠纷调解": [
        "排查矛盾纠纷{a}起，人民调解委员会调解成功{b}起，化解率百分之九十以上。",
        "配齐专职调解员{a}名，调解委员会实现村居全覆盖，矛盾纠纷就地化解。",
        "开展矛盾纠纷排查化解专项行动，调解员上门调解，人民调解协议全部履行。",
        "健全人民调解网络，调解委员会每月排查矛盾纠纷，调解员队伍持续壮大。",
    ],
}
# every report opens and closes alike (left out by max_docfreq: in every report)
OPENING = "2022年，在区委区政府的坚强领导下，全面推进法治政府建设，现将有关情况报告如下。"
CLOSING = "下一步，我们将继续深入推进依法行政，为经济社会发展提供坚实法治保障。"
PLACES = [("广东省", "清远市", "石角镇"), ("浙江省", "湖州市", "新市镇"), ("四川省", "眉山市", "汉阳镇"),
          ("江苏省", "常州市", "孟河镇")]


def _report(kind: str, i: int) -> str:
    lines = [OPENING, "一、主要工作情况"]
    sents = SENTENCES[kind]
    for j in range(6):  # each report its own order and figures
        lines.append(sents[(i + j) % len(sents)].format(a=3 + i + j, b=12 + 2 * i + j))
    lines += ["二、存在的问题", "基层法治力量仍然薄弱。", "三、下一步工作打算", CLOSING]
    return "\n".join(lines)


def _corpus(specs: list[tuple[str, int, tuple[str, str, str] | None]]) -> Corpus:
    """A corpus of reports (kind, year, place or None for unknown) segmented by the real tokenizer."""
    from fazhi.sections import parse_sections

    n = len(specs)
    docs = pd.DataFrame({
        "doc_id": [f"d{i:02d}" for i in range(n)],
        "file": [f"{y}-{kind}-{i}.txt" for i, (kind, y, _) in enumerate(specs)],
        "text": [_report(kind, i) for i, (kind, _, _) in enumerate(specs)],
        "report_year": pd.array([y for _, y, _ in specs], dtype="Int64"),
        "province": [p[0] if p else "" for _, _, p in specs],
        "city": [p[1] if p else "" for _, _, p in specs],
        "town": [p[2] if p else "" for _, _, p in specs],
        "anonymised": False})
    rows = [{"doc_id": d, **s} for d, t in zip(docs["doc_id"], docs["text"], strict=True)
            for s in parse_sections(t)]
    return segment_corpus(Corpus(docs, pd.DataFrame(rows), pd.DataFrame(), None, None))


KINDS = list(VOCAB)
SPECS = [(KINDS[i % 3], 2020 + i % 4, PLACES[i % 4]) for i in range(15)]


@pytest.fixture(scope="module")
def planted() -> Corpus:
    return _corpus(SPECS)


@pytest.fixture(scope="module")
def model(planted) -> TopicModel:
    return textmodel_lda(planted, k=3, seed=7, iterations=300, min_count=3)


def _own_terms(corpus: Corpus) -> dict[str, set[str]]:
    """Per kind, the terms (as the tokenizer cuts them) found only in the reports of that kind."""
    per = fazhi.dfm(corpus).to_frame()
    kind = pd.Series([s[0] for s in SPECS], index=per.index)
    used = (per > 0).groupby(kind).any()
    only = used.columns[used.sum(axis=0) == 1]
    return {k: set(only[used.loc[k, only]]) for k in KINDS}


@pytest.mark.parametrize("kind", KINDS)
def test_each_planted_vocabulary_is_one_topic(planted, model, kind):
    own = _own_terms(planted)
    assert set(VOCAB[kind]) & own[kind]  # the planted words are (partly) whole tokens
    tops = textstat_topics(model, n=5)
    best = max(range(1, 4), key=lambda t: len(set(tops.loc[tops["topic"] == t, "term"]) & own[kind]))
    terms = tops.loc[tops["topic"] == best, "term"].tolist()
    assert len(set(terms) & own[kind]) >= 4, (kind, terms)
    # and the topic holds no term of the other vocabularies
    others = set().union(*(v for k, v in own.items() if k != kind))
    assert not set(terms) & others, (kind, terms)


def test_the_three_topics_are_three_vocabularies(planted, model):
    tops = textstat_topics(model, n=5)
    owner = {t: k for k, v in _own_terms(planted).items() for t in v}
    kinds = {t: pd.Series([owner.get(w) for w in g["term"]]).mode()[0]
             for t, g in tops.groupby("topic")}
    assert sorted(kinds.values()) == sorted(KINDS)


def test_documents_load_on_their_own_topic(planted, model):
    shares = textstat_topic_shares(model, by="doc_id")
    main = shares.loc[shares.groupby("doc_id")["share"].idxmax()]
    tops = textstat_topics(model, n=3)
    topic_kind = {t: next(k for k, v in _own_terms(planted).items() if set(g["term"]) & v)
                  for t, g in tops.groupby("topic")}
    kind_of = dict(zip(planted.docs["doc_id"], [s[0] for s in SPECS], strict=True))
    assert all(topic_kind[t] == kind_of[d] for d, t in zip(main["doc_id"], main["topic"],
                                                           strict=True))


def test_table_columns_ranks_and_coherence(model):
    tops = textstat_topics(model, n=4)
    assert list(tops.columns) == ["topic", "topic_label", "term", "weight", "rank", "coherence"]
    assert tops.groupby("topic")["rank"].apply(list).tolist() == [[1, 2, 3, 4]] * 3
    assert (tops.groupby("topic")["weight"].apply(lambda w: w.is_monotonic_decreasing)).all()
    assert (tops["coherence"] <= 0).all() and np.isfinite(tops["coherence"]).all()
    assert tops.attrs["coherence"] == pytest.approx(tops.groupby("topic")["coherence"]
                                                    .first().mean())
    first = tops[tops["rank"] <= 3].groupby("topic")["term"].apply("、".join)
    assert (tops.groupby("topic")["topic_label"].first() == first).all()


def test_same_seed_same_model_other_seed_runs(planted, model):
    again = textmodel_lda(planted, k=3, seed=7, iterations=300, min_count=3)
    assert np.array_equal(again.phi, model.phi) and np.array_equal(again.theta, model.theta)
    assert textstat_topics(again).equals(textstat_topics(model))
    other = textmodel_lda(planted, k=3, seed=8, iterations=300, min_count=3)
    assert other.fitted and other.theta.shape == model.theta.shape


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_same_seed_and_workers_same_model_even_with_a_busy_core(planted, workers):
    """PARTITION sampling: each thread its share of the vocabulary and its own random stream,
    so thread timing (here perturbed by a busy thread) does not change the fit."""
    import threading
    import warnings

    fit = lambda: textmodel_lda(planted, k=3, seed=7, iterations=200, min_count=3,  # noqa: E731
                                workers=workers)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # tomotopy's "may differ if workers != 1" is not shown
        first = fit()
    stop = threading.Event()

    def busy():
        x = np.random.default_rng(0).random((300, 300))
        while not stop.is_set():
            x = x @ x.T
            x /= np.abs(x).max()

    t = threading.Thread(target=busy)
    t.start()
    try:
        runs = [fit() for _ in range(3)]
    finally:
        stop.set()
        t.join()
    for again in runs:
        assert np.array_equal(again.phi, first.phi) and np.array_equal(again.theta, first.theta)
        assert np.array_equal(again.coherence, first.coherence)
    assert first.options["workers"] == workers


@pytest.mark.parametrize(("k", "top_n"), [(3, 5), (3, 10), (5, 3), (2, 20)])
def test_u_mass_equals_tomotopys_coherence(planted, k, top_n):
    """The coherence computed on the dfm is tomotopy's u_mass (Coherence over the model's
    documents), to the rounding of 1e-10."""
    import tomotopy as tp

    from fazhi.textstat.topics import _vocabulary, u_mass

    counts, terms, _rows = _vocabulary(fazhi.dfm(planted), 3, 2, 0.5)
    mdl = tp.LDAModel(k=k, seed=3, min_cf=0, rm_top=0)
    for i in range(counts.shape[0]):
        s, e = counts.indptr[i], counts.indptr[i + 1]
        mdl.add_doc(np.repeat(terms[counts.indices[s:e]],
                              counts.data[s:e].round().astype(np.int64)).tolist())
    mdl.train(50, workers=1, parallel=tp.ParallelScheme.NONE)
    tops = [[w for w, _p in mdl.get_topic_words(t, top_n=top_n)] for t in range(k)]
    coh = tp.coherence.Coherence(mdl, coherence="u_mass", top_n=top_n,
                                 targets=sorted({w for ws in tops for w in ws}))
    expected = [coh.get_score(words=ws) for ws in tops]
    got = u_mass(counts, terms, tops)
    assert np.allclose(got, expected, rtol=0, atol=1e-9), (got, expected)
    assert (got <= 0).all()


def test_workers_must_be_positive(planted):
    with pytest.raises(ValueError, match="workers"):
        textmodel_lda(planted, k=3, workers=0)


@pytest.mark.parametrize("by", ["doc_id", "report_year", "province", "town", None])
def test_shares_sum_to_one_per_group(model, by):
    shares = textstat_topic_shares(model, by=by)
    key = [by] if by else []
    sums = shares.groupby(key)["share"].sum() if by else pd.Series([shares["share"].sum()])
    assert np.allclose(sums, 1.0)
    assert ((shares["share"] >= 0) & (shares["share"] <= 1)).all()


@pytest.mark.parametrize(("by", "groups", "n_docs"), [
    ("report_year", [2020, 2021, 2022, 2023], [4, 4, 4, 3]),
    ("province", ["四川省", "广东省", "江苏省", "浙江省"], [4, 4, 3, 4]),
    (None, [None], [15]),
])
def test_grouping_by_year_and_region(model, by, groups, n_docs):
    shares = textstat_topic_shares(model, by=by)
    if by is None:
        assert shares["n_docs"].unique().tolist() == n_docs and len(shares) == 3
        return
    per = shares.groupby(by, sort=False)["n_docs"].first()
    assert per.index.tolist() == groups and per.tolist() == n_docs
    if by == "report_year":
        assert shares[by].dtype == "Int64"


def test_group_share_is_the_mean_of_its_documents(model):
    docs = textstat_topic_shares(model, by="doc_id").merge(
        model.docvars[["doc_id", "report_year"]], on="doc_id")
    years = textstat_topic_shares(model, by="report_year")
    expect = docs.groupby(["report_year", "topic"])["share"].mean().reset_index()
    got = years.merge(expect, on=["report_year", "topic"], suffixes=("", "_mean"))
    assert np.allclose(got["share"], got["share_mean"]) and len(got) == len(years)


def test_unknown_place_is_one_group_last():
    corpus = _corpus([(KINDS[i % 3], 2021 + i % 2, PLACES[i % 2] if i % 4 else None)
                      for i in range(12)])
    shares = textstat_topic_shares(corpus, by="province", k=3, seed=1, min_count=3)
    provinces = shares["province"].drop_duplicates().tolist()
    assert provinces[:2] == ["广东省", "浙江省"] and len(provinces) == 3 and pd.isna(provinces[-1])
    assert shares.groupby("province", dropna=False)["n_docs"].first().sum() == 12


@pytest.mark.parametrize(("specs", "fragment"), [
    ([("复议应诉", 2022, PLACES[0])], "至少需要 2 份"),
    ([("复议应诉", 2022, PLACES[0]), ("普法宣传", 2022, PLACES[1])], "没有足够的词"),
])
def test_tiny_corpus_gives_a_message_not_an_exception(specs, fragment):
    corpus = _corpus(specs)
    with pytest.warns(UserWarning, match=fragment):
        model = textmodel_lda(corpus, k=3)
    assert not model.fitted and fragment in model.message
    for table in (textstat_topics(model), textstat_topic_shares(model, by="report_year")):
        assert table.empty and fragment in table.attrs["message"]
    for fig in (fazhi.textplot_topics(textstat_topics(model)),
                fazhi.textplot_topics_trend(textstat_topic_shares(model, by="report_year"))):
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        assert any(fragment in t.replace("\n", "") for t in texts)


def test_a_dfm_subset_is_modelled_alone(planted):
    d = fazhi.dfm(planted).subset("report_year <= 2021")
    m = textmodel_lda(d, k=2, seed=1, min_count=3)
    assert set(m.docvars["report_year"]) == {2020, 2021} and len(m.theta) == 8


@pytest.mark.parametrize("bad", [{"k": 0}, {"by": "part"}, {"by": "no_such_field"}])
def test_bad_arguments_are_refused_with_a_message(model, planted, bad):
    with pytest.raises(ValueError):
        if "k" in bad:
            textmodel_lda(planted, **bad)
        else:
            textstat_topic_shares(model, **bad)


def test_charts_are_figures_with_their_names(model):
    fig = fazhi.textplot_topics(textstat_topics(model, n=6))
    assert fig.get_label() == "textplot_topics" and len([a for a in fig.axes if a.get_visible()]) == 3
    trend = fazhi.textplot_topics_trend(textstat_topic_shares(model, by="report_year"))
    assert trend.get_label() == "textplot_topics_trend"
    titles = [a.get_title() for a in trend.axes if a.get_visible()]
    assert len(titles) == 3 and all("、" in t for t in titles)


def test_model_pickles_for_the_memo(model):
    import pickle

    back = pickle.loads(pickle.dumps(model))
    assert textstat_topics(back).equals(textstat_topics(model))


def test_coherence_ranks_planted_topics_above_mixed_ones(planted, model):
    """u_mass (tomotopy.coherence): the planted topics, whose top terms share their reports, score
    near 0; the topics of one Gibbs sweep mix the vocabularies and score far lower."""
    mixed = textmodel_lda(planted, k=3, seed=7, iterations=1, min_count=3)
    assert model.coherence.min() > -1.0
    assert mixed.coherence.max() < model.coherence.min() - 5
