"""One name, one meaning across the public API (issue 12, item 4), and the old names.

Each renamed keyword argument still works for one release: it warns (DeprecationWarning naming
the new name) and gives the same result as the new name. Each old CLI option works as the new one,
with a notice on standard error. And a guard over every public signature: a word keeps one meaning
(and one default) wherever it appears.
"""

from __future__ import annotations

import inspect
import warnings

import pandas as pd
import pytest

import fazhi
from fazhi import display as fd
from fazhi import textplot as tp
from fazhi.cli import main
from fazhi.deprecation import CHANGED_DEFAULTS, RENAMED

# (function, its qualified name, positional args (from the corpus and passages), old kwargs,
#  new kwargs): a realistic call of each rename
RENAMES = [
    (fazhi.dfm, "fazhi.textstat.matrix.dfm", lambda c, p: (c,),
     {"stopwords": False, "boilerplate": False}, {"drop_stopwords": False,
                                                  "drop_boilerplate": False}),
    (fazhi.textstat_frequency, "fazhi.textstat.frequency.textstat_frequency", lambda c, p: (c,),
     {"stopwords": False, "boilerplate": False}, {"drop_stopwords": False,
                                                  "drop_boilerplate": False}),
    (fazhi.textstat_keywords, "fazhi.textstat.frequency.textstat_keywords", lambda c, p: (c,),
     {"stopwords": False, "boilerplate": False}, {"drop_stopwords": False,
                                                  "drop_boilerplate": False}),
    (fazhi.textstat_keyness, "fazhi.textstat.keyness.textstat_keyness",
     lambda c, p: (c, "province == '广东省'"), {"stopwords": False, "boilerplate": False},
     {"drop_stopwords": False, "drop_boilerplate": False}),
    (fazhi.textstat_emerging, "fazhi.textstat.keyness.textstat_emerging", lambda c, p: (c,),
     {"split": 2021, "stopwords": False, "boilerplate": False},
     {"split": 2021, "drop_stopwords": False, "drop_boilerplate": False}),
    (fazhi.textstat_distinctive, "fazhi.textstat.keyness.textstat_distinctive",
     lambda c, p: (c,), {"by": "town", "stopwords": False, "boilerplate": False},
     {"by": "town", "drop_stopwords": False, "drop_boilerplate": False}),
    (fazhi.textstat_simil, "fazhi.textstat.simil.textstat_simil", lambda c, p: (c,),
     {"labels": "town", "stopwords": False, "boilerplate": False},
     {"label_by": "town", "drop_stopwords": False, "drop_boilerplate": False}),
    (fazhi.textstat_neighbours, "fazhi.textstat.simil.textstat_neighbours", lambda c, p: (c,),
     {"stopwords": False, "boilerplate": False}, {"drop_stopwords": False,
                                                  "drop_boilerplate": False}),
    (fazhi.textstat_reuse, "fazhi.reuse.search.textstat_reuse", lambda c, p: (c,),
     {"min_chars": 30}, {"min_length": 30}),
    (fazhi.textstat_reuse_share, "fazhi.reuse.share.textstat_reuse_share", lambda c, p: (c, p),
     {"include_boilerplate": True}, {"count_boilerplate": True}),
    (fazhi.reuse_pairs, "fazhi.reuse.tables.reuse_pairs", lambda c, p: (p,),
     {"boilerplate": True}, {"count_boilerplate": True}),
    (fazhi.textplot_reuse, "fazhi.textplot.textplot_reuse",
     lambda c, p: (c, p, p.doc_a.iloc[0], p.doc_b.iloc[0]),
     {"boilerplate": False}, {"include_boilerplate": False}),
]


def _tokenize_filter():
    from fazhi.tokens import Tokenizer

    return Tokenizer().filter


TOKENIZER_RENAME = ("fazhi.tokens.Tokenizer.filter", {"stopwords": False, "boilerplate": True},
                    {"drop_stopwords": False, "drop_boilerplate": True})


@pytest.fixture(scope="module")
def passages(sample_corpus) -> pd.DataFrame:
    return fazhi.textstat_reuse(sample_corpus)


def _same(a, b) -> None:
    if isinstance(a, fazhi.Dfm):
        pd.testing.assert_frame_equal(a.to_frame(), b.to_frame())
        pd.testing.assert_frame_equal(a.docvars, b.docvars)
        assert a.options == b.options
    elif isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    elif hasattr(a, "data"):  # IPython HTML
        assert a.data == b.data
    else:
        assert a == b


@pytest.mark.parametrize("func, name, args, old, new", RENAMES, ids=[r[1] for r in RENAMES])
def test_old_argument_names_warn_and_give_the_same_result(sample_corpus, passages, func, name,
                                                          args, old, new):
    pos = args(sample_corpus, passages)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        expected = func(*pos, **new)
        with pytest.warns(DeprecationWarning) as record:
            got = func(*pos, **old)
    renamed = {o: n for o, n in zip(old, new, strict=True) if o != n}
    messages = " ".join(str(w.message) for w in record if w.category is DeprecationWarning)
    for o, n in renamed.items():
        assert f"{o}=" in messages and f"{n}=" in messages
    _same(got, expected)


def test_tokenizer_filter_old_names():
    f = _tokenize_filter()
    toks = ["进一步", "加强", "法治政府建设", "的", "工作"]
    with pytest.warns(DeprecationWarning) as record:
        got = f(toks, **TOKENIZER_RENAME[1])
    text = " ".join(str(w.message) for w in record)
    assert "drop_stopwords=" in text and "drop_boilerplate=" in text
    assert got == f(toks, **TOKENIZER_RENAME[2]) == ["法治政府建设", "的"]


def test_every_rename_is_tested():
    tested = {(name, o, n) for _f, name, _a, old, new in RENAMES
              for o, n in zip(old, new, strict=True) if o != n}
    tested |= {(TOKENIZER_RENAME[0], o, n) for o, n in
               zip(TOKENIZER_RENAME[1], TOKENIZER_RENAME[2], strict=True)}
    _tokenize_filter()  # imports fazhi.tokens
    assert set(RENAMED) <= tested, set(RENAMED) - tested


def test_old_and_new_name_together_is_an_error(sample_corpus):
    with pytest.raises(TypeError, match="stopwords"):
        fazhi.textstat_frequency(sample_corpus, stopwords=False, drop_stopwords=True)


@pytest.mark.parametrize("func, args", [
    (fazhi.textstat_distinctive, {}),
    (fazhi.textstat_indicator_summary, {}),
])
def test_changed_defaults_warn_when_left_out(sample_corpus, func, args):
    with pytest.warns(FutureWarning, match="'town'.*'doc_id'"):
        got = func(sample_corpus, **args)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pd.testing.assert_frame_equal(got, func(sample_corpus, by="doc_id", **args))
    assert {name.rsplit(".", 1)[1] for name, *_ in CHANGED_DEFAULTS} == {
        "textstat_distinctive", "textstat_indicator_summary", "textstat_compliance"}


# ---------------------------------------------------------------- old CLI options


@pytest.mark.parametrize("old, new", [
    (["tokenize", "--no-stopwords", "进一步加强法治政府建设的工作"],
     ["tokenize", "--drop-stopwords", "进一步加强法治政府建设的工作"]),
    (["tokenize", "--no-stopwords", "--no-boilerplate", "切实加强行政执法的规范化建设"],
     ["tokenize", "--drop-stopwords", "--drop-boilerplate", "切实加强行政执法的规范化建设"]),
])
def test_old_cli_flags(old, new, capsys):
    assert main(new) == 0
    want = capsys.readouterr()
    assert main(old) == 0
    got = capsys.readouterr()
    assert got.out == want.out
    assert "deprecated" in got.err and "--drop-" in got.err and want.err == ""


def test_old_reuse_option(sample_corpus, capsys):
    store = sample_corpus.manifest["store"]
    assert main(["reuse", store, "--min-length", "30", "--format", "csv"]) == 0
    want = capsys.readouterr().out
    assert main(["reuse", store, "--min-chars", "30", "--format", "csv"]) == 0
    got = capsys.readouterr()
    assert got.out == want and "--min-length" in got.err


# ---------------------------------------------------------------- one meaning per word


def _public():
    """(qualified name, signature) of every public function and method users call."""
    out = []
    def export(name):  # fazhi.render is the function, unless the submodule was imported as an attribute
        obj = getattr(fazhi, name)
        return getattr(obj, name, obj) if inspect.ismodule(obj) else obj

    mods = {"fazhi": [export(n) for n in fazhi.__all__],
            "fazhi.display": [getattr(fd, n) for n in dir(fd) if not n.startswith("_")],
            "fazhi.textplot": [getattr(tp, n) for n in dir(tp) if n.startswith("textplot_")]}
    for objs in mods.values():
        for obj in objs:
            if inspect.isclass(obj) and obj.__module__.startswith("fazhi"):
                out += [(f"{obj.__name__}.{m}", inspect.signature(f)) for m, f in
                        vars(obj).items() if inspect.isfunction(f) and not m.startswith("_")]
            elif callable(obj) and getattr(obj, "__module__", "").startswith("fazhi"):
                out.append((obj.__name__, inspect.signature(obj)))
    from fazhi.tokens import Tokenizer

    out.append(("Tokenizer.filter", inspect.signature(Tokenizer.filter)))
    return out


PUBLIC = _public()


def _params(word: str):
    return [(name, sig.parameters[word]) for name, sig in PUBLIC if word in sig.parameters]


def test_filters_say_what_they_do():
    for word in ("stopwords", "boilerplate"):
        assert not _params(word), f"{word}= is ambiguous (drop or show?): {_params(word)}"
    for word in ("drop_stopwords", "drop_boilerplate"):
        assert _params(word) and all(p.default is True for _n, p in _params(word))


def test_boilerplate_passages():
    """include_boilerplate: boilerplate passages are in the passages shown (default True, as in
    textstat_reuse); count_boilerplate: they count in a total (default False)."""
    assert {n for n, _p in _params("include_boilerplate")} == {"textstat_reuse", "textplot_reuse",
                                                               "passage_table"}
    assert all(p.default is True for _n, p in _params("include_boilerplate"))
    assert {n for n, _p in _params("count_boilerplate")} == {"textstat_reuse_share",
                                                             "reuse_pairs"}
    assert all(p.default is False for _n, p in _params("count_boilerplate"))


def test_min_chars_is_a_term_length_and_min_length_a_passage_length():
    term_functions = {n for n, _p in _params("min_chars")}
    assert term_functions and all(n.startswith(("textstat_", "textmodel_", "dfm", "is_term"))
                                  for n in term_functions)
    assert not term_functions & {"textstat_reuse", "textstat_reuse_share"}
    assert {n for n, _p in _params("min_length")} == {"textstat_reuse", "specificity"}  # display.specificity: passed to reuse


def test_labels_is_a_legend():
    assert all(n.startswith("textplot_") for n, _p in _params("labels")), _params("labels")
    assert {n for n, _p in _params("label_by")} >= {"textstat_simil", "textstat_neighbours"}


def test_by_defaults():
    """by= is the group field: the report (doc_id) unless the analysis is a time series
    (report_year) or pools the corpus (None); a table's consumer reads it from the table (None)."""
    allowed = {None, "doc_id", "report_year", inspect.Parameter.empty}
    odd = [(n, p.default) for n, p in _params("by") if p.default not in allowed]
    # display's regroup_themes: the column with_regions adds; render: one page per region of a
    # level (fazhi.render, not an analysis); the indicator table: its rows are units × years
    assert sorted(odd) == sorted([("render", "province"), ("regroup_themes", "region"),
                                  ("textstat_indicator_table", "town"), ("textstat_followthrough_share", "unit")]), odd
    years = {n for n, p in _params("by") if p.default == "report_year"}
    assert years <= {"textstat_trend", "textstat_emerging", "n_docs_by", "split_message"}


def test_docs_is_a_table_and_n_docs_a_number(sample_corpus):
    assert "docs" not in fazhi.textstat_frequency(sample_corpus, n=3).columns
    assert "docs_with_term" in fazhi.textstat_frequency(sample_corpus, n=3).columns
    assert "n_docs" in fazhi.dfm(sample_corpus).group("province").docvars.columns
