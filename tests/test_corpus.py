"""The corpus store: parts, cache, atomic switch under SIGKILL, local processes and Dask."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from fazhi.build import build_corpus, build_store, open_corpus
from fazhi.corpus import TABLES, doc_parts, is_current, load_corpus
from fazhi.tokens import Tokenizer


def make_corpus(raw: Path, dest: Path, copies: int = 8) -> Path:
    """``copies`` distinct variants of each sample report (a numbered closing line differs)."""
    dest.mkdir(parents=True, exist_ok=True)
    for p in sorted(raw.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        for i in range(copies):
            sub = dest / f"batch{i % 3}"
            sub.mkdir(exist_ok=True)
            (sub / f"{p.stem}-{i}.txt").write_text(text + f"\n本报告第{i + 1}稿。\n", encoding="utf-8")
    return dest


def tables(corpus) -> dict[str, pd.DataFrame]:
    return {n: getattr(corpus, n) for n in TABLES}


def assert_same(a, b) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


@pytest.fixture(scope="module")
def small(raw_dir, tmp_path_factory):
    """The sample corpus built serially (the reference)."""
    out = tmp_path_factory.mktemp("small")
    return build_corpus(raw_dir, out / "store", workers=1)


@pytest.fixture(scope="module")
def multi(raw_dir, tmp_path_factory):
    """40 reports and their serial build."""
    base = tmp_path_factory.mktemp("multi")
    src = make_corpus(raw_dir, base / "src")
    return src, build_corpus(src, base / "serial", workers=1)


def test_store_tables_and_manifest(small):
    c = small
    assert len(c.docs) == 5 and len(c.rejected) == 0
    assert list(c.tokens.columns) == ["doc_id", "part", "tokens"]
    assert set(c.tokens["doc_id"]) == set(c.docs["doc_id"])
    assert not c.tokens.duplicated(["doc_id", "part"]).any()
    m = c.manifest
    for key in ("package", "lexicon", "built", "files", "key"):
        assert key in m
    assert {info["text_hash"] for info in m["files"].values()} == set(c.docs["text_hash"])
    assert m["lexicon"] == Tokenizer().lexicon.version
    # the big texts are joined back in Arrow: each section's text is its slice of the document
    text = dict(zip(c.docs["doc_id"], c.docs["text"], strict=True))
    for s in c.sections.itertuples():
        assert s.text == text[s.doc_id][s.start:s.end]
    assert (c.docs["raw_text"].str.len() >= c.docs["n_chars"] * 0.9).all()


def test_token_rows_follow_level1_sections(small):
    c = small
    for doc in c.docs.itertuples():
        secs = c.sections[(c.sections["doc_id"] == doc.doc_id) & (c.sections["level"] == 1)]
        parts = set(c.tokens.loc[c.tokens["doc_id"] == doc.doc_id, "part"])
        assert parts - {"preamble"} == set(secs["part"]) - {"preamble"}, doc.file


def test_tokens_equal_segmenting_each_part(small):
    c = small
    tk = Tokenizer()
    doc = c.docs.iloc[0]
    secs = c.sections[c.sections["doc_id"] == doc["doc_id"]].to_dict("records")
    expected = {part: " ".join(tk.cut_joined(p, anonymised=bool(doc.get("anonymised")))
                               for p in pieces)
                for part, pieces in doc_parts(doc["text"], secs)}
    got = dict(c.tokens.loc[c.tokens["doc_id"] == doc["doc_id"], ["part", "tokens"]].values)
    assert got == expected


def test_anonymised_document_gets_its_aliases(small):
    c = small
    anon = c.docs.loc[c.docs["file"].str.contains("anonymised"), "doc_id"].iloc[0]
    toks = " ".join(c.tokens.loc[c.tokens["doc_id"] == anon, "tokens"]).split()
    assert "习近平法治思想" in toks


@pytest.mark.parametrize(("text", "sections", "expected"), [
    ("前言一、成效二、问题", [{"level": 1, "part": "achievements", "start": 2, "end": 6},
                           {"level": 1, "part": "problems", "start": 6, "end": 10}],
     [("preamble", ["前言"]), ("achievements", ["一、成效"]), ("problems", ["二、问题"])]),
    ("一、成效（一）学习", [{"level": 1, "part": "achievements", "start": 0, "end": 10},
                        {"level": 2, "part": "achievements", "start": 4, "end": 10}],
     [("achievements", ["一、成效（一）学习"])]),
    ("没有标题的报告", [], [("preamble", ["没有标题的报告"])]),
])
def test_doc_parts(text, sections, expected):
    assert doc_parts(text, sections) == expected


def test_roundtrip_and_subset_never_resegments(small):
    loaded = load_corpus(small.manifest["store"])
    assert_same(small, loaded)
    year = int(loaded.docs["report_year"].dropna().iloc[0])
    sub = loaded.subset(f"report_year == {year}")
    assert 0 < len(sub) < len(loaded)
    expected = loaded.tokens[loaded.tokens["doc_id"].isin(sub.docs["doc_id"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(sub.tokens, expected)


def test_parallel_build_equals_serial(multi, tmp_path):
    src, serial = multi
    m = build_store(src, tmp_path / "par", workers=2)
    assert m["workers"] == 2 and len(set(i["part"] for i in m["files"].values())) > 1
    assert_same(serial, load_corpus(tmp_path / "par"))


def test_dask_local_cluster_equals_serial(multi, tmp_path):
    distributed = pytest.importorskip("distributed")
    src, serial = multi
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        m = build_store(src, tmp_path / "dask", scheduler=cluster.scheduler_address)
        # the same through the command line: fazhi build --scheduler ADDRESS
        from fazhi.cli import main

        assert main(["build", str(src), "--out", str(tmp_path / "cli"), "--no-progress",
                     "--scheduler", cluster.scheduler_address]) == 0
    assert m["scheduler"].startswith("tcp://")
    assert_same(serial, load_corpus(tmp_path / "dask"))
    cli = load_corpus(tmp_path / "cli")
    assert cli.manifest["scheduler"] == m["scheduler"]
    assert_same(serial, cli)


def test_rebuild_reuses_unchanged_files(multi, tmp_path):
    src0, _ = multi
    src = tmp_path / "src"
    shutil.copytree(src0, src)
    out = tmp_path / "store"
    first = build_store(src, out)
    assert first["segmented"] == 40 and first["reused"] == 0
    again = build_store(src, out)
    assert again["segmented"] == 0 and again["reused"] == 40 and again["up_to_date"]
    assert again["build"] == first["build"]  # nothing changed: no new build written
    changed = next(src.rglob("*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "新增一段。\n", encoding="utf-8")
    (src / "new.txt").write_text((src0 / "batch0").glob("*.txt").__next__()
                                 .read_text(encoding="utf-8") + "另一份。", encoding="utf-8")
    third = build_store(src, out)
    assert (third["segmented"], third["reused"]) == (2, 39)
    assert_same(load_corpus(out), build_corpus(src, tmp_path / "fresh", workers=1))
    # only the current build and the parts it references remain
    assert len(list((out / "builds").iterdir())) == 1
    parts = {p.name.split(".")[0] for p in (out / "parts").iterdir()}
    assert parts == {i["part"] for i in third["files"].values()}


def test_lexicon_change_resegments(raw_dir, tmp_path):
    out = tmp_path / "store"
    build_store(raw_dir, out)
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "userdict.txt").write_text("政治站位 5000 nz\n", encoding="utf-8")
    m = build_store(raw_dir, out, lexicon=lex)
    assert m["reused"] == 0 and m["segmented"] == 5
    assert "政治站位" in " ".join(load_corpus(out).tokens["tokens"]).split()


def test_open_corpus_loads_when_current_else_builds(raw_dir, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(raw_dir, src)
    out = tmp_path / "store"
    a = open_corpus(src, out=out)
    assert is_current(src, out)
    b = open_corpus(src, out=out)
    assert b.manifest["build"] == a.manifest["build"]
    f = next(src.glob("*.txt"))
    f.write_text(f.read_text(encoding="utf-8") + "补充。", encoding="utf-8")
    assert not is_current(src, out)
    c = open_corpus(src, out=out)
    assert c.manifest["build"] != a.manifest["build"] and c.manifest["reused"] == 4


KILL_SCRIPT = """
import sys
from fazhi.build import build_store
build_store(sys.argv[1], sys.argv[2], workers=int(sys.argv[3]), progress=False)
"""


def _new_entries(folder: Path, before: set[str]) -> bool:
    return folder.is_dir() and bool({p.name for p in folder.iterdir()} - before)


# moments to kill the build at: (name, condition on the store folder seen by polling)
KILL_MOMENTS = [
    ("starting", lambda out, seen: True),
    ("first part file appears", lambda out, seen: _new_entries(out / "parts", seen["parts"])),
    ("after 3 part files", lambda out, seen: len({p.name for p in (out / "parts").iterdir()}
                                                 - seen["parts"]) >= 3),
    ("new build folder appears", lambda out, seen: _new_entries(out / "builds", seen["builds"])),
    ("tokens table of the new build written", lambda out, seen: any(
        (d / "tokens.parquet").exists() for d in (out / "builds").iterdir()
        if d.name not in seen["builds"])),
    ("manifest of the new build written", lambda out, seen: any(
        (d / "manifest.json").exists() for d in (out / "builds").iterdir()
        if d.name not in seen["builds"])),
]


@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_leaves_previous_store_and_next_build_completes(multi, tmp_path, workers):
    src0, serial = multi
    src = tmp_path / "src"
    shutil.copytree(src0, src)
    out = tmp_path / "store"
    cmd = [sys.executable, "-c", KILL_SCRIPT, str(src), str(out), str(workers)]
    subprocess.run(cmd, check=True)
    before = load_corpus(out)
    outcomes = []
    for i, (moment, condition) in enumerate(KILL_MOMENTS):
        for f in sorted(src.rglob("*.txt"))[i % 2::2]:  # change half of the files each round
            f.write_text(f.read_text(encoding="utf-8") + f"第{i}轮修改。\n", encoding="utf-8")
        seen = {"parts": {p.name for p in (out / "parts").iterdir()},
                "builds": {p.name for p in (out / "builds").iterdir()}}
        proc = subprocess.Popen(cmd, start_new_session=True)
        deadline = time.monotonic() + 60
        while proc.poll() is None and not condition(out, seen) and time.monotonic() < deadline:
            time.sleep(0.001)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        now = load_corpus(out)  # the previous store, or the completed new one: never broken
        assert len(now.docs) + len(now.rejected) == 40, moment
        assert set(now.tokens["doc_id"]) == set(now.docs["doc_id"]), moment
        outcomes.append((moment, "completed" if now.manifest["build"] != before.manifest["build"]
                         else "killed"))
        before = now
    print(workers, outcomes)
    assert sum(o == "killed" for _, o in outcomes) >= 4, outcomes
    final = build_store(src, out, workers=workers)
    assert final["segmented"] + final["reused"] == 40
    assert_same(load_corpus(out), build_corpus(src, tmp_path / "fresh", workers=1))
    json.loads((out / "builds" / final["build"] / "manifest.json").read_text(encoding="utf-8"))


def test_cache_key_covers_exactly_the_data_files_the_pipeline_reads():
    """The store cache key hashes the data files the ingestion/tokens modules read (found in their
    source), and not the other analyses' data files, whose edits must not force a full rebuild."""
    import re

    import fazhi.store as store_mod
    from fazhi.lexicon import FILES

    src = Path(store_mod.__file__).parent
    read = set(FILES)
    assert {"corpus.py", "store.py", "build.py"} <= set(store_mod._CODE)
    for name in store_mod._CODE:  # a module or a package folder
        files = sorted((src / name).glob("*.py")) if (src / name).is_dir() else [src / name]
        for f in files:
            read |= set(re.findall(r'(?:load_table|data_path)\("([^"]+)"\)', f.read_text()))
    assert read <= set(store_mod.PIPELINE_DATA)
    assert set(store_mod.PIPELINE_DATA) <= {p.name for p in (src / "data").iterdir()}
    others = {p.name for p in (src / "data").iterdir()} - set(store_mod.PIPELINE_DATA)
    assert not others & read


def test_store_key_code_list_holds_every_module_the_pipeline_imports():
    """A module the pipeline or the store imports (at the top or inside a function) can change the
    stored tables, so its code is in the store key; only modules that cannot change a result (paths,
    writing files, running tasks, the data version, which the key holds anyway) are left out."""
    import ast

    import fazhi.store as store_mod

    src = Path(store_mod.__file__).parent
    harmless = {"config.py", "files.py", "parallel.py", "versions.py", "__init__.py"}
    listed = set(store_mod._CODE)
    missing = set()
    for name in listed:
        for f in sorted((src / name).glob("*.py")) if (src / name).is_dir() else [src / name]:
            for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
                mods = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                for mod in mods:
                    parts = mod.split(".")
                    if parts[0] != "fazhi":
                        continue
                    entry = "__init__.py" if len(parts) == 1 else \
                        parts[1] if (src / parts[1]).is_dir() else f"{parts[1]}.py"
                    if entry not in listed | harmless:
                        missing.add((f.name, mod))
    assert not missing


def test_save_corpus_writes_a_build_that_loads_back_equal(small, tmp_path):
    """A subset saved as a store of its own loads back with the same tables and lexicon."""
    from fazhi.build import save_corpus

    part = small.subset("town == '亭江镇' or town == '蓬东乡'")
    assert len(part) == 2
    bdir = save_corpus(part, tmp_path / "subset")
    back = load_corpus(tmp_path / "subset")
    assert_same(back, part)
    assert back.lexicon == small.lexicon and back.manifest["build"] == bdir.name
    assert sorted(p.name for p in (tmp_path / "subset").iterdir()) == ["CURRENT", "builds"]
