"""A store's texts are read when first asked for: ``docs`` / ``sections`` hold every column as
before, and the counting analyses (dfm, co-occurrence, topics, map, terms, collocations) never
read them."""

from __future__ import annotations

import pickle
import shutil

import numpy as np
import pandas as pd
import pytest

import fazhi
from fazhi.build import build_corpus
from fazhi.corpus import load_corpus

ALL_UNREAD = {"docs": ("text", "raw_text"), "sections": ("text",)}


@pytest.fixture(scope="module")
def store(sample_corpus):
    return sample_corpus.manifest["store"]


@pytest.fixture(scope="module")
def eager(store):
    return load_corpus(store, lazy=False)


def test_lazy_load_reads_no_text_until_asked(store, eager):
    lazy = load_corpus(store)
    assert lazy.unread == ALL_UNREAD and eager.unread == {}
    assert list(lazy.docvars.columns) == [c for c in eager.docs.columns
                                          if c not in ("text", "raw_text")]
    assert lazy.doc_columns == list(eager.docs.columns)
    assert "text" not in lazy.outline.columns and len(lazy) == len(eager)
    assert lazy.unread == ALL_UNREAD  # docvars / outline / len read nothing
    pd.testing.assert_frame_equal(lazy.sections, eager.sections)
    assert lazy.unread == {"docs": ("text", "raw_text")}
    pd.testing.assert_frame_equal(lazy.docs, eager.docs)
    assert lazy.unread == {}


@pytest.mark.parametrize("mask", [
    "report_year >= 2021",
    "town == '亭江镇' or town == '蓬东乡'",
    "province == '广东省'",
    "text.str.contains('行政复议')",  # a query over a text reads the texts, then subsets
    "report_year > 3000",  # nothing left
])
def test_subset_of_a_lazy_corpus_equals_the_eager_subset(store, eager, mask):
    lazy = load_corpus(store)
    a, b = eager.subset(mask), lazy.subset(mask)
    if "text" not in mask:
        assert b.unread == ALL_UNREAD
    for name in ("docs", "sections", "tokens"):
        pd.testing.assert_frame_equal(getattr(b, name), getattr(a, name), obj=name)


def test_subset_by_a_boolean_mask_and_a_subset_of_a_subset(store, eager):
    lazy = load_corpus(store)
    keep = (lazy.docvars["report_year"] >= 2020).to_numpy()
    a = eager.subset(keep).subset("province == '广东省'")
    b = lazy.subset(keep).subset("province == '广东省'")
    assert b.unread == ALL_UNREAD and len(b) == len(a) == 1
    pd.testing.assert_frame_equal(b.docs, a.docs)
    pd.testing.assert_frame_equal(b.sections, a.sections)


@pytest.mark.parametrize(("columns", "then"), [
    ({"地区": "马尾区"}, None),                                         # a value
    ({"地区": lambda d: d["town"].fillna("未知")}, None),               # a function of the fields
    ({"long": lambda d: d["report_year"] >= 2021}, "report_year >= 2021"),  # then a subset
])
def test_assign_adds_columns_and_reads_no_text(store, eager, columns, then):
    """``Corpus.assign`` (with_regions and the region summary use it) keeps a store's texts
    unread, and the added column survives the texts being read and a subset."""
    lazy = load_corpus(store).assign(**columns)
    a = eager.assign(**columns)
    assert lazy.unread == ALL_UNREAD and a.tokens is eager.tokens
    if then:
        lazy, a = lazy.subset(then), a.subset(then)
        assert lazy.unread == ALL_UNREAD
    pd.testing.assert_frame_equal(lazy.docvars, a.docvars)
    pd.testing.assert_frame_equal(lazy.docs, a.docs)  # reads the texts: the new column is kept
    assert list(lazy.docs.columns[-len(columns):]) == list(columns)
    assert lazy.unread == {"sections": ("text",)}


def test_with_regions_reads_no_text(store, eager):
    lazy = fazhi.with_regions(load_corpus(store), "district")
    assert lazy.unread == ALL_UNREAD
    pd.testing.assert_frame_equal(lazy.docs, fazhi.with_regions(eager, "district").docs)


@pytest.mark.parametrize(("column", "pick"), [
    ("text", None), ("raw_text", None), ("text", [4, 0, 2]), ("raw_text", [3]), ("text", []),
])
def test_iter_texts_reads_the_column_in_docs_order(store, eager, column, pick):
    lazy = load_corpus(store)
    ids = None if pick is None else [eager.docs["doc_id"].iloc[i] for i in pick]
    got = list(lazy.iter_texts(column, ids))
    expected = [(d, t) for d, t in zip(eager.docs["doc_id"], eager.docs[column], strict=True)
                if ids is None or d in ids]
    assert got == expected and got == list(eager.iter_texts(column, ids))
    assert lazy.unread == ALL_UNREAD


def test_a_lazy_corpus_pickles_and_keeps_its_texts_after_a_rebuild(raw_dir, tmp_path):
    """The store file is held open: a rebuild that removes the old build folder takes nothing."""
    src = tmp_path / "raw"
    shutil.copytree(raw_dir, src)
    out = tmp_path / "store"
    built = build_corpus(src, out, workers=1)
    lazy = load_corpus(out)
    copy = pickle.loads(pickle.dumps(lazy.subset("province == '广东省'")))
    old = out / "builds" / built.manifest["build"]
    first = sorted(src.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n补记一行。\n", encoding="utf-8")
    build_corpus(src, out, workers=1)
    assert not old.exists()
    pd.testing.assert_frame_equal(lazy.docs, built.docs)
    pd.testing.assert_frame_equal(lazy.sections, built.sections)
    assert copy.unread == ALL_UNREAD and len(copy) == 2
    pd.testing.assert_frame_equal(copy.docs, built.subset("province == '广东省'").docs)


def _frame(x):
    return x if isinstance(x, pd.DataFrame) else pd.DataFrame({"theta": x.theta.ravel()})


@pytest.mark.parametrize("analysis", [
    pytest.param(lambda c: fazhi.dfm(c).group("town").top(5), id="dfm"),
    pytest.param(lambda c: fazhi.dfm(c).subset("report_year >= 2020").group("province").top(3),
                 id="dfm-subset"),
    pytest.param(lambda c: fazhi.textstat_frequency(c, by="report_year", n=5), id="frequency"),
    pytest.param(lambda c: fazhi.textstat_cooccurrence(c, n=20), id="cooccurrence"),
    pytest.param(lambda c: fazhi.textstat_cooccurrence(c, window=5, by="province", n=5),
                 id="cooccurrence-window"),
    pytest.param(lambda c: fazhi.textstat_topics(fazhi.textmodel_lda(c, k=3, iterations=20,
                                                                     min_count=2), n=5),
                 id="topics"),
    pytest.param(lambda c: fazhi.textstat_scale(c, by="doc_id", n_terms=20, min_count=2),
                 id="scale"),
    pytest.param(lambda c: fazhi.textstat_terms(c, n=20, min_count=2), id="terms"),
    pytest.param(lambda c: fazhi.textstat_collocations(c, size=[2, 3], min_count=3),
                 id="collocations"),
])
def test_counting_analyses_read_no_text_and_give_the_same_table(store, eager, analysis):
    lazy = load_corpus(store)
    got = _frame(analysis(lazy))
    assert lazy.unread == ALL_UNREAD, "the analysis read the store's texts"
    expected = _frame(analysis(eager))
    assert len(expected)
    pd.testing.assert_frame_equal(got, expected, check_dtype=True)
    assert got.attrs == expected.attrs


def test_the_lazy_token_index_arrays_match_the_tokens(store):
    from fazhi.textstat._index import token_index

    c = load_corpus(store, tables=["docs", "tokens"])
    idx = token_index(c)
    assert idx.codes.dtype == np.int32 and idx.counts.indices.dtype == np.int32
    for row, toks in enumerate(c.tokens["tokens"]):
        assert idx.vocab[idx.row_ids(row)].tolist() == toks.split()
    dense = np.zeros(idx.counts.shape)
    for row in range(len(c.tokens)):
        np.add.at(dense[row], idx.row_ids(row), 1)
    assert np.array_equal(idx.counts.toarray(), dense)


@pytest.mark.parametrize("rows", [
    ["坚持 依法 行政 ， 推进 法治政府 建设 。", "", "行政复议 案件 依法 办结"],
    ["依法\t行政\t法治政府", "全面 推行\u3000行政执法 三项制度"],  # other whitespace: more tokens than spaces say
    ["依法  行政   规范性文件", None, "合法性审查"],  # runs of spaces, a row without tokens
    [" ".join(["调解"] * 3000), "普法"],  # one long row
])
def test_token_index_holds_every_token_of_every_row(rows):
    from fazhi.corpus import Corpus
    from fazhi.textstat._index import TokenIndex

    tokens = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(rows))],
                           "part": "achievements", "tokens": rows})
    idx = TokenIndex(tokens)
    for row, text in enumerate(rows):
        toks = text.split() if isinstance(text, str) else []
        assert idx.vocab[idx.row_ids(row)].tolist() == toks
        counts = idx.counts.getrow(row)
        assert dict(zip(idx.vocab[counts.indices], counts.data, strict=True)) == \
            {t: float(toks.count(t)) for t in set(toks)}
    assert Corpus(tokens[["doc_id"]].drop_duplicates(), None, None, tokens).unread == {}
