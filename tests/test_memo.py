"""The on-disk memo of whole-corpus analyses: same results as the direct call, invalidated when
the corpus (its files, its documents) or the arguments change, never written inside data/raw."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

import fazhi
import fazhi.versions
from fazhi.config import cache_dir
from fazhi.memo import cached, clear_memo, corpus_key, memo_path

ANALYSES = [
    (fazhi.textstat_themes, {"by": "province"}),
    (fazhi.textstat_themes, {"by": "town"}),
    (fazhi.textstat_reuse, {"min_length": 20}),
    (fazhi.textstat_reuse, {"min_length": 12}),
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
    paths = {memo_path(f, sample_corpus, min_length=20), memo_path(f, sample_corpus, min_length=21),
             memo_path(fazhi.textstat_themes, sample_corpus, by="province")}
    gd = sample_corpus.subset("province == '广东省'")
    assert 0 < len(gd) < len(sample_corpus)
    paths.add(memo_path(f, gd, min_length=20))
    assert len(paths) == 4
    themes = cached(fazhi.textstat_themes, gd, by="town")
    assert themes.equals(fazhi.textstat_themes(gd, by="town"))


def test_changed_corpus_invalidates(tmp_path, raw_dir):
    from fazhi.build import build_corpus

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


DATA_EDIT_SCRIPT = r"""
import json, sys
from pathlib import Path

import fazhi
import fazhi.versions
from fazhi.corpus import load_corpus, store_status
from fazhi.build import build_corpus, open_corpus
from fazhi.memo import cached, corpus_key, memo_path
from fazhi.textstat import textstat_themes
from fazhi.versions import data_dir, data_version

raw, store = sys.argv[1], sys.argv[2]
out = {"package": fazhi.__file__, "data_before": data_version()}
corpus = build_corpus(raw, store, workers=1, progress=False)
before = cached(textstat_themes, corpus, by="doc_id")
path_before = memo_path(textstat_themes, corpus, by="doc_id")
out["hit"] = cached(textstat_themes, corpus, by="doc_id").equals(before) and \
    memo_path(textstat_themes, corpus, by="doc_id") == path_before
key_before = corpus_key(corpus.manifest)

# edit this copy's themes.tsv: a new theme and a new term of an existing one
themes = data_dir() / "themes.tsv"
first_theme = next(l.split("\t")[0] for l in themes.read_text(encoding="utf-8").splitlines()
                   if l.strip() and not l.startswith("#"))
with themes.open("a", encoding="utf-8") as f:
    f.write("测试主题\t群众\n" + first_theme + "\t干部\n")
out["data_after"] = data_version()
loaded = load_corpus(store)            # the store as it is: the memo must still see the edit
after = cached(textstat_themes, loaded, by="doc_id")
out["new_path"] = memo_path(textstat_themes, loaded, by="doc_id") != path_before
out["key_changed"] = corpus_key(loaded.manifest) != key_before
out["after_equals_direct"] = after.equals(textstat_themes(loaded, by="doc_id"))
out["themes_before"] = sorted(set(before["theme"]))
out["themes_after"] = sorted(set(after["theme"]))
out["first_theme"] = first_theme
out["hits_first_before"] = int(before.loc[before["theme"] == first_theme, "hits"].sum())
out["hits_first_after"] = int(after.loc[after["theme"] == first_theme, "hits"].sum())
out["status"] = store_status(raw, store)
reopened = open_corpus(raw, out=store, workers=1, progress=False)
out["rebuild"] = [reopened.manifest["segmented"], reopened.manifest["reused"],
                  reopened.manifest["data_version"], reopened.manifest["build"] != corpus.manifest["build"]]
print(json.dumps(out, ensure_ascii=False))
"""


def test_edited_data_file_invalidates_memo_and_store(tmp_path, raw_dir):
    """After editing themes.tsv (of a copy of the package), a cached textstat_themes gives the new
    profile, and the store is out of date (re-assembled, nothing re-segmented)."""
    import json
    import os
    import subprocess
    import sys

    src = Path(fazhi.__file__).parent
    pkg = tmp_path / "pkg"
    shutil.copytree(src, pkg / "fazhi", ignore=shutil.ignore_patterns("__pycache__"))
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("2019-guangdong-shaoguan-wujiang-xilian.txt",
                 "2021-chongqing-qianjiang-pengdong.txt"):
        shutil.copy(raw_dir / name, raw / name)
    env = {**os.environ, "PYTHONPATH": str(pkg), "FAZHI_CACHE_DIR": str(tmp_path / "cache"),
           "FAZHI_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run([sys.executable, "-c", DATA_EDIT_SCRIPT, str(raw), str(tmp_path / "store")],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert Path(out["package"]).is_relative_to(pkg)  # the copy ran, not the real package
    assert out["data_before"] == fazhi.versions.data_version()  # a faithful copy
    assert out["hit"]
    assert out["data_after"] != out["data_before"]
    assert out["new_path"] and out["key_changed"] and out["after_equals_direct"]
    assert "测试主题" not in out["themes_before"] and "测试主题" in out["themes_after"]
    assert out["hits_first_after"] > out["hits_first_before"]
    assert "data files changed" in out["status"]
    assert "building the corpus store" in run.stderr
    segmented, reused, data, new_build = out["rebuild"]
    assert (segmented, reused, data, new_build) == (0, 2, out["data_after"], True)
    assert (src / "data" / "themes.tsv").read_text(encoding="utf-8").count("测试主题") == 0


def test_code_key_covers_the_whole_package_of_a_function():
    # textstat_themes lives in fazhi.textstat.trend, but helpers of fazhi.textstat (and fazhi.corpus,
    # fazhi.tokens …) shape its result: its key is not the key of its own module file alone
    import hashlib
    import sys
    from pathlib import Path

    from fazhi.memo import _code_key
    from fazhi.textstat import textstat_themes

    mod = sys.modules[textstat_themes.__module__]
    h = hashlib.sha256(f"{textstat_themes.__module__}.{textstat_themes.__qualname__}".encode())
    h.update(Path(mod.__file__).read_bytes())
    assert _code_key(textstat_themes) != h.hexdigest()[:16]


@pytest.mark.parametrize("edited", ["textstat/frequency.py", "reuse/share.py", "compliance.py",
                                    "vocab.py"])
def test_an_edit_anywhere_in_the_package_changes_the_source_hash(tmp_path, edited):
    # a function of a top-level module (fazhi.summary) calls into fazhi.textstat, fazhi.reuse …:
    # the memo's code key covers every module of the package, not the caller's file
    import shutil
    from pathlib import Path

    import fazhi
    from fazhi.memo import source_hash

    copy = tmp_path / "fazhi"
    shutil.copytree(Path(fazhi.__file__).parent, copy,
                    ignore=shutil.ignore_patterns("data", "notebooks", "templates", "__pycache__"))
    before = source_hash(copy)
    assert source_hash(copy) == before
    with (copy / edited).open("a", encoding="utf-8") as f:
        f.write("\n# edited\n")
    assert source_hash(copy) != before
