"""Collocations: quanteda's lambda and z, checked against cells counted and scored by hand here."""

from __future__ import annotations

import math
from itertools import product

import pandas as pd
import pytest

from fazhi.corpus import Corpus
from fazhi.textstat import textstat_collocations

# token rows as a store holds them (space-separated, punctuation tokens kept)
ROWS = [
    ("d1", "achievements", "建立 府院 联动 机制 ， 定期 召开 府院 联动 联席 会议 。"),
    ("d1", "plans", "深化 府院 联动 ， 推动 行政 争议 实质 化解 。"),
    ("d2", "achievements", "落实 行政 机关 负责人 出庭 应诉 制度 ， 负责人 出庭 应诉 率 达到 100% 。"),
    ("d2", "problems", "行政 争议 化解 渠道 不 畅 ， 府院 联动 仍 需 加强 。"),
    ("d3", "achievements", "推行 诉前 调解 ， 诉前 调解 成功 案件 增多 ， 行政 争议 明显 减少 。"),
    ("d3", "plans", "坚持 负责人 出庭 应诉 ， 探索 府院 联动 新 模式 。"),
]


def corpus_of(rows=ROWS) -> Corpus:
    ids = sorted({r[0] for r in rows})
    docs = pd.DataFrame({"doc_id": ids, "file": [f"{d}.txt" for d in ids], "text": "",
                         "report_year": 2022, "anonymised": False})
    tokens = pd.DataFrame(rows, columns=["doc_id", "part", "tokens"])
    return Corpus(docs, pd.DataFrame(), pd.DataFrame(), tokens, None, None)


def windows(rows, k):
    """Every k-token window of word tokens, never across punctuation or a row."""
    out = []
    for _d, _p, s in rows:
        run: list[str] = []
        for t in s.split() + ["。"]:
            if t in {"，", "。"}:
                out += [tuple(run[i:i + k]) for i in range(len(run) - k + 1)]
                run = []
            else:
                run.append(t)
    return out


def by_hand(rows, seq):
    """lambda and z of ``seq`` from its 2^k cells, written out: lambda = sum over match
    patterns of (-1)^(k - matches) log(n + 0.5); z = lambda / sqrt(sum 1 / (n + 0.5))."""
    k = len(seq)
    cells = dict.fromkeys(product((0, 1), repeat=k), 0)
    for w in windows(rows, k):
        cells[tuple(int(a == b) for a, b in zip(w, seq, strict=True))] += 1
    lam = sum((-1) ** (k - sum(p)) * math.log(n + 0.5) for p, n in cells.items())
    se = math.sqrt(sum(1 / (n + 0.5) for n in cells.values()))
    return lam, lam / se, cells


def test_by_hand_bigram_cells_are_the_2x2_table():
    # 府院 联动: 5 windows match both, 0 only one side, the rest neither
    _lam, _z, cells = by_hand(ROWS, ("府院", "联动"))
    n = len(windows(ROWS, 2))
    assert cells[(1, 1)] == 5 and cells[(1, 0)] == 0 and cells[(0, 1)] == 0
    assert cells[(0, 0)] == n - 5
    lam = (math.log(5.5) - math.log(0.5) - math.log(0.5) + math.log(n - 5 + 0.5))
    assert by_hand(ROWS, ("府院", "联动"))[0] == pytest.approx(lam)


@pytest.mark.parametrize("seq", [("府院", "联动"), ("行政", "争议"), ("诉前", "调解"),
                                 ("出庭", "应诉"), ("负责人", "出庭"), ("负责人", "出庭", "应诉"),
                                 ("府院", "联动", "机制"), ("行政", "机关", "负责人", "出庭"),
                                 ("行政", "争议", "化解")])
def test_lambda_and_z_match_the_hand_computation(seq):
    df = textstat_collocations(corpus_of(), size=[2, 3, 4], min_count=1, drop_stopwords=False)
    row = df[df["collocation"] == " ".join(seq)].iloc[0]
    lam, z, cells = by_hand(ROWS, seq)
    assert row["count"] == cells[(1,) * len(seq)]
    assert row["length"] == len(seq)
    assert row["lambda"] == pytest.approx(lam, rel=1e-9)
    assert row["z"] == pytest.approx(z, rel=1e-9)


def test_min_count_and_order():
    df = textstat_collocations(corpus_of(), size=2, min_count=3)
    assert set(df["collocation"]) == {"府院 联动", "行政 争议", "负责人 出庭", "出庭 应诉"}
    assert list(df["z"]) == sorted(df["z"], reverse=True)
    assert list(df.columns) == ["collocation", "count", "length", "lambda", "z"]


@pytest.mark.parametrize("size", [1, 5, [2, 6]])
def test_size_out_of_range_is_refused(size):
    with pytest.raises(ValueError, match="size"):
        textstat_collocations(corpus_of(), size=size)


def test_never_across_punctuation_or_rows():
    df = textstat_collocations(corpus_of(), size=2, min_count=1, drop_stopwords=False)
    # “机制 ，定期” and the end of one row + the start of the next are not windows
    assert "机制 定期" not in set(df["collocation"])
    assert "会议 深化" not in set(df["collocation"])


def test_numbers_and_stopwords_are_left_out_by_default():
    df = textstat_collocations(corpus_of(), size=2, min_count=1)
    assert not any("100%" in c for c in df["collocation"])


def test_tiny_corpus_gives_an_empty_table_with_a_message():
    df = textstat_collocations(corpus_of([("d1", "preamble", "推进 法治 。")]), min_count=2)
    assert df.empty and "message" in df.attrs


@pytest.mark.parametrize("chunk", [2_000_000, 10])
def test_repeated_clauses_count_every_copy(monkeypatch, chunk):
    # the same clause in three reports (copied text): counted three times, as by hand; also when
    # the distinct clauses are found chunk by chunk (10 token positions at a time)
    from fazhi.textstat import _ngrams

    monkeypatch.setattr(_ngrams, "_CHUNK", chunk)
    rows = ROWS + [(f"d{i}", "plans", "深化 府院 联动 ， 推动 行政 争议 实质 化解 。") for i in (4, 5, 6)]
    df = textstat_collocations(corpus_of(rows), size=[2, 3], min_count=1, drop_stopwords=False)
    for seq in [("府院", "联动"), ("行政", "争议", "实质"), ("深化", "府院")]:
        row = df[df["collocation"] == " ".join(seq)].iloc[0]
        lam, z, cells = by_hand(rows, seq)
        assert row["count"] == cells[(1,) * len(seq)]
        assert (row["lambda"], row["z"]) == (pytest.approx(lam), pytest.approx(z))
