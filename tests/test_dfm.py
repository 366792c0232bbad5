"""The document-feature matrix: ``fazhi.dfm`` and its verbs (group, trim, select, subset, top).

Counts are checked against the tokens the store holds (or a crafted corpus's tokens), never typed
in; the tables it makes equal the ``textstat_*`` tables computed on it.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

import fazhi
from fazhi.corpus import Corpus, segment_corpus
from fazhi.textstat import Dfm, dfm, is_term, textstat_frequency

# three short town reports in the layouts of real ones (own wording; real places)
TEXTS = {
    "2021-福建省福州市马尾区亭江镇.txt":
        "一、主要工作\n聘请法律顾问2名，全年审查合同18件。组织干部学习民法典，推动民法典进村入户。\n"
        "二、存在问题\n法律顾问作用发挥不够。\n三、下一步打算\n加强法律顾问队伍建设。",
    "2022-重庆市黔江区蓬东乡.txt":
        "一、工作情况\n调处化解矛盾纠纷209件，开展学习民法典活动12场。\n"
        "二、存在的不足\n矛盾纠纷排查不够深入。\n三、下一步工作计划\n推进矛盾纠纷多元化解。",
    "2023-广东省汕头市金平区月浦街道.txt":
        "一、主要举措和成效\n深化“八五”普法，组织民法典专题学习。聘请法律顾问1名。\n"
        "二、存在问题\n普法形式较为单一。\n三、下一年度主要安排\n创新普法方式。",
}
YEARS = {f: int(f[:4]) for f in TEXTS}
PROVINCES = {f: f.split("-")[1][:3] for f in TEXTS}


@pytest.fixture(scope="module")
def crafted() -> Corpus:
    from fazhi.sections import parse_sections

    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(TEXTS))], "file": list(TEXTS),
                         "text": list(TEXTS.values()),
                         "report_year": pd.array([YEARS[f] for f in TEXTS], dtype="Int64"),
                         "province": [PROVINCES[f] for f in TEXTS], "anonymised": False})
    rows = []
    for doc_id, text in zip(docs["doc_id"], docs["text"], strict=True):
        for s in parse_sections(text):
            rows.append({"doc_id": doc_id, **s})
    sections = pd.DataFrame(rows)
    return segment_corpus(Corpus(docs, sections, pd.DataFrame(), None, None))


def _terms_of(corpus: Corpus, doc_ids=None, parts=None) -> Counter:
    """Term counts straight from the tokens table (the package lexicon's filters)."""
    lex = corpus.lexicon
    t = corpus.tokens
    if doc_ids is not None:
        t = t[t["doc_id"].isin(list(doc_ids))]
    if parts is not None:
        t = t[t["part"].isin(parts)]
    drop = lex.stopwords | lex.boilerplate
    return Counter(tok for s in t["tokens"] for tok in s.split()
                   if is_term(tok, min_chars=2, units=lex.units) and tok not in drop)


def test_counts_are_the_terms_of_each_document(crafted):
    m = dfm(crafted)
    assert isinstance(m, Dfm) and m.shape == (3, len(m.features))
    assert list(m.docvars["doc_id"]) == list(crafted.docs["doc_id"])
    assert "text" not in m.docvars.columns and "report_year" in m.docvars.columns
    frame = m.to_frame()
    for doc_id in crafted.docs["doc_id"]:
        expected = _terms_of(crafted, [doc_id])
        row = frame.loc[doc_id]
        assert row[row > 0].to_dict() == dict(expected)
    assert "民法典" in set(m.features) and "209件" not in set(m.features)
    assert (m.n_tokens > frame.sum(axis=1).to_numpy()).all()  # stopwords count as tokens


@pytest.mark.parametrize("by, groups", [
    ("report_year", [2021, 2022, 2023]),
    ("province", ["广东省", "福建省", "重庆市"]),
    ("part", ["achievements", "problems", "plans"]),
    (None, [None]),
])
def test_group_sums_rows(crafted, by, groups):
    m = dfm(crafted)
    g = m.group(by)
    assert g.grouped and g.by == by and len(g) == len(groups)
    if by is not None:
        assert list(g.docvars[by]) == groups
    assert np.allclose(np.asarray(g.counts.sum(axis=0)).ravel(),
                       np.asarray(m.counts.sum(axis=0)).ravel())
    assert g.n_tokens.sum() == m.n_tokens.sum()
    with pytest.raises(ValueError, match="grouped"):
        g.group("province")


def test_docs_with_counts_documents(crafted):
    g = dfm(crafted).group("part")
    col = list(g.features).index("法律顾问")
    by_part = dict(zip(g.docvars["part"], g.docs_with[:, col].toarray().ravel(), strict=True))
    # 法律顾问: achievements of 亭江镇 and 月浦街道, problems and plans of 亭江镇
    assert by_part == {"achievements": 2, "problems": 1, "plans": 1}
    assert list(g.docvars["n_docs"]) == [3, 3, 3]


@pytest.mark.parametrize("min_count, min_docs, kept, gone", [
    (1, 3, {"民法典"}, {"法律顾问", "矛盾纠纷", "普法"}),
    (3, 1, {"民法典", "法律顾问", "存在"}, {"矛盾纠纷", "普法", "合同"}),
    (4, 2, {"民法典", "法律顾问"}, {"矛盾纠纷", "普法"}),
])
def test_trim(crafted, min_count, min_docs, kept, gone):
    t = dfm(crafted).trim(min_count=min_count, min_docs=min_docs)
    feats = set(t.features)
    assert kept <= feats and not (gone & feats)
    total = _terms_of(crafted)
    docs = Counter(w for d in crafted.docs["doc_id"] for w in _terms_of(crafted, [d]))
    assert feats == {w for w in total if total[w] >= min_count and docs[w] >= min_docs}


@pytest.mark.parametrize("kwargs, expected", [
    ({"terms": ["民法典", "法律顾问", "没有的词"]}, {"民法典", "法律顾问"}),
    ({"terms": "普法"}, {"普法"}),
    ({"pattern": "^矛盾纠纷"}, {"矛盾纠纷", "矛盾纠纷排查", "矛盾纠纷多元化解"}),
    ({"terms": ["民法典"], "pattern": "普法$"}, {"民法典", "普法", "八五普法"}),
])
def test_select(crafted, kwargs, expected):
    m = dfm(crafted)
    assert set(m.select(**kwargs).features) == expected
    dropped = set(m.select(**kwargs, drop=True).features)
    assert dropped == set(m.features) - expected


def test_select_needs_something(crafted):
    with pytest.raises(ValueError, match="terms or a pattern"):
        dfm(crafted).select()


def test_subset_then_group(crafted):
    m = dfm(crafted).subset("report_year >= 2022")
    assert list(m.docvars["report_year"]) == [2022, 2023]
    top = m.group("province").top(None)
    ids = crafted.docs.loc[crafted.docs["report_year"] >= 2022, "doc_id"]
    assert top.groupby("term")["count"].sum().to_dict() == dict(_terms_of(crafted, ids))
    with pytest.raises(ValueError, match="one value per row"):
        dfm(crafted).subset([True, False])


def test_parts(crafted):
    m = dfm(crafted, parts=["plans"])
    for doc_id in crafted.docs["doc_id"]:
        row = m.to_frame().loc[doc_id]
        assert row[row > 0].to_dict() == dict(_terms_of(crafted, [doc_id], parts=["plans"]))


def test_options(crafted):
    kept = dfm(crafted, drop_stopwords=False, drop_boilerplate=False, min_chars=1)
    assert {"加强", "深入"} <= set(kept.features)
    assert not ({"加强", "深入"} & set(dfm(crafted).features))
    assert "dfm" in repr(kept).lower() and "min_chars=1" in repr(kept)


@pytest.mark.parametrize("by", [None, "report_year", "province", "part", "doc_id"])
def test_top_is_textstat_frequency(sample_corpus, by):
    m = dfm(sample_corpus)
    top = (m.group(by) if by is not None else m).top(7)
    pd.testing.assert_frame_equal(top, textstat_frequency(sample_corpus, by=by, n=7))


def test_dfm_of_the_sample_matches_its_tokens(sample_corpus):
    m = fazhi.dfm(sample_corpus)
    frame = m.to_frame()
    for doc_id in sample_corpus.docs["doc_id"]:
        row = frame.loc[doc_id]
        assert row[row > 0].to_dict() == dict(_terms_of(sample_corpus, [doc_id]))


def test_a_corpus_without_tokens_says_how_to_get_them(sample_corpus):
    from fazhi.corpus import NoTokensError

    bare = Corpus(sample_corpus.docs, sample_corpus.sections, pd.DataFrame(), None, None)
    with pytest.raises(NoTokensError, match="fazhi build"):
        dfm(bare)


# --------------------------------------------------------------- textstat_* take a Dfm (quanteda)

# every textstat_* computed on a dfm: the same table as on the corpus with the same options
_ON_DFM = [
    ("textstat_frequency", {"by": "province", "n": 5}),
    ("textstat_keywords", {"by": "doc_id", "n": 3}),
    ("textstat_keywords", {"by": "doc_id", "n": 3, "method": "textrank"}),
    ("textstat_keyness", {"target": "report_year >= 2022", "min_count": 1}),
    ("textstat_emerging", {"split": 2022, "min_count": 1, "n": 5}),
    ("textstat_distinctive", {"by": "province", "n": 3, "min_count": 1}),
    ("textstat_simil", {"by": "doc_id"}),
    ("textstat_neighbours", {"by": "doc_id", "n": 1}),
]


@pytest.mark.parametrize("name, kwargs", _ON_DFM)
def test_textstat_on_a_dfm_equals_on_the_corpus(crafted, name, kwargs):
    func = getattr(fazhi, name)
    pd.testing.assert_frame_equal(func(dfm(crafted), **kwargs), func(crafted, **kwargs))
    pd.testing.assert_frame_equal(func(dfm(crafted, min_chars=3), **kwargs),
                                  func(crafted, min_chars=3, **kwargs))


def test_a_trimmed_dfm_keeps_only_its_terms(crafted):
    m = dfm(crafted).trim(min_docs=2)
    kept = set(m.features.astype(str))
    freq = textstat_frequency(m, n=None)
    assert set(freq["term"]) == kept and "民法典" in kept and "法律顾问" in kept
    assert "普法" in set(dfm(crafted).features) and "普法" not in set(freq["term"])  # one report
    keys = fazhi.textstat_keyness(m, "province == '福建省'", min_count=1)
    assert set(keys["term"]) <= kept


def test_a_subset_dfm_counts_its_documents_only(crafted):
    m = dfm(crafted).subset("province != '广东省'")
    freq = textstat_frequency(m, by="province", n=None)
    assert set(freq["province"]) == {"福建省", "重庆市"}
    assert "普法" not in set(freq["term"])                  # only 月浦街道 (广东省) has it
    assert "普法" in set(textstat_frequency(crafted, n=None)["term"])


@pytest.mark.parametrize("kwargs, word", [
    ({"min_chars": 3}, "min_chars"),
    ({"drop_stopwords": False}, "drop_stopwords"),
    ({"parts": ["plans"]}, "parts"),
])
def test_term_options_with_a_dfm_are_refused_not_ignored(crafted, kwargs, word):
    with pytest.raises(ValueError, match=word):
        textstat_frequency(dfm(crafted), **kwargs)


def test_a_grouped_dfm_is_refused(crafted):
    with pytest.raises(ValueError, match="grouped"):
        textstat_frequency(dfm(crafted).group("province"), by="province")
