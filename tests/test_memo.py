"""The on-disk memo of whole-corpus analyses: same results as the direct call, invalidated when
the corpus (its files, its documents) or the arguments change, never written inside data/raw."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

import fazhi
from fazhi.config import cache_dir
from fazhi.memo import cached, clear_memo, corpus_key, memo_path

ANALYSES = [
    (fazhi.textstat_themes, {"by": "province"}),
    (fazhi.textstat_themes, {"by": "town"}),
    (fazhi.textstat_reuse, {"min_chars": 20}),
    (fazhi.textstat_reuse, {"min_chars": 12}),
    (fazhi.textstat_indicator_summary, {"by": "district"}),
]


@pytest.mark.parametrize(("func", "kwargs"), ANALYSES,
                         ids=[f"{f.__name__}-{k}" for f, k in ANALYSES])
def test_cached_equals_direct_and_is_stored(sample_corpus, func, kwargs):
    direct = func(sample_corpus, **kwargs)
    first = cached(func, sample_corpus, **kwargs)
    path = memo_path(func, sample_corpus, **kwargs)
    assert path.is_file()
    assert path.parent == cache_dir("memo")
    again = cached(func, sample_corpus, **kwargs)
    for got in (first, again):
        assert list(got.columns) == list(direct.columns)
        assert got.reset_index(drop=True).equals(direct.reset_index(drop=True))


def test_stored_result_is_what_is_returned(sample_corpus):
    # a result already on disk is read back, not recomputed
    path = memo_path(fazhi.textstat_themes, sample_corpus, by="city")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(("已存结果",)))
    assert cached(fazhi.textstat_themes, sample_corpus, by="city") == "已存结果"
    path.unlink()
    assert not isinstance(cached(fazhi.textstat_themes, sample_corpus, by="city"), str)


def test_arguments_and_subsets_have_their_own_entries(sample_corpus):
    f = fazhi.textstat_reuse
    paths = {memo_path(f, sample_corpus, min_chars=20), memo_path(f, sample_corpus, min_chars=21),
             memo_path(fazhi.textstat_themes, sample_corpus, by="province")}
    gd = sample_corpus.subset("province == '广东省'")
    assert 0 < len(gd) < len(sample_corpus)
    paths.add(memo_path(f, gd, min_chars=20))
    assert len(paths) == 4
    themes = cached(fazhi.textstat_themes, gd, by="town")
    assert themes.equals(fazhi.textstat_themes(gd, by="town"))


def test_changed_corpus_invalidates(tmp_path, raw_dir):
    from fazhi.corpus import build_corpus

    src = tmp_path / "raw"
    src.mkdir()
    for name in ("2019-guangdong-shaoguan-wujiang-xilian.txt",
                 "2024-guangdong-shantou-jinping-yuepu.txt"):
        shutil.copy(raw_dir / name, src / name)
    store = tmp_path / "store"
    before = build_corpus(src, store, workers=1, progress=False)
    old = cached(fazhi.textstat_themes, before, by="doc_id")
    old_path = memo_path(fazhi.textstat_themes, before, by="doc_id")
    assert old_path.is_file()

    # one report gains a paragraph: a new store build, a new key, a fresh (correct) result
    f = src / "2024-guangdong-shantou-jinping-yuepu.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\n开展民法典宣传活动，推进法律顾问全覆盖，化解矛盾纠纷。\n"
                 * 5, encoding="utf-8")
    after = build_corpus(src, store, workers=1, progress=False)
    assert corpus_key(after.manifest) != corpus_key(before.manifest)
    new_path = memo_path(fazhi.textstat_themes, after, by="doc_id")
    assert new_path != old_path
    new = cached(fazhi.textstat_themes, after, by="doc_id")
    assert new.equals(fazhi.textstat_themes(after, by="doc_id"))
    assert not new.equals(old)
    # nothing was written next to the reports
    assert sorted(p.name for p in src.iterdir()) == sorted(
        ["2019-guangdong-shaoguan-wujiang-xilian.txt", "2024-guangdong-shantou-jinping-yuepu.txt"])


def test_clear_memo_removes_entries(sample_corpus):
    cached(fazhi.textstat_themes, sample_corpus, by="report_year")
    assert clear_memo() >= 1
    assert not list(Path(cache_dir("memo")).glob("*.pkl"))
