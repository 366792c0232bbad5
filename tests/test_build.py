"""`fazhi build` and `fazhi tokenize` on the command line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from fazhi.build import build_store
from fazhi.cli import main
from fazhi.corpus import load_corpus


def test_build_twice_reports_reuse(raw_dir, tmp_path, capsys):
    out = tmp_path / "store"
    assert main(["build", str(raw_dir), "--out", str(out), "--no-progress"]) == 0
    first = capsys.readouterr()
    assert "segmented 5" in first.out and "reused 0" in first.out
    assert first.err == ""
    assert main(["build", str(raw_dir), "--out", str(out), "--workers", "1"]) == 0
    assert "reused 5 files" in capsys.readouterr().out
    assert len(load_corpus(out).docs) == 5


def test_build_with_jieba_backend_and_user_lexicon(raw_dir, tmp_path, capsys):
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "userdict.txt").write_text("政治站位 5000 nz\n", encoding="utf-8")
    out = tmp_path / "store"
    assert main(["build", str(raw_dir), "--out", str(out), "--backend", "jieba",
                 "--lexicon", str(lex), "--no-progress"]) == 0
    c = load_corpus(out)
    assert c.manifest["backend"] == "jieba"
    assert "政治站位" in " ".join(c.tokens["tokens"]).split()


def test_build_malformed_lexicon_names_file_and_line(raw_dir, tmp_path, capsys):
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "aliases.tsv").write_text("机治\t机制\n坏行\n", encoding="utf-8")
    assert main(["build", str(raw_dir), "--out", str(tmp_path / "s"), "--lexicon", str(lex)]) == 2
    assert "aliases.tsv:2:" in capsys.readouterr().err


def test_progress_bar_only_when_asked_or_on_a_terminal(raw_dir, tmp_path, capsys):
    build_store(raw_dir, tmp_path / "a", progress=True)
    err = capsys.readouterr().err
    assert "5/5 files" in err and "B/s" in err
    build_store(raw_dir, tmp_path / "b")  # stderr is not a TTY here
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(("args", "expected"), [
    (["全年共调处矛盾纠纷209件,调处成功率100%。"], "全年 共 调处 矛盾纠纷 209件 , 调处 成功率 100% 。"),
    (["--drop-stopwords", "--drop-boilerplate", "进一步加强法治政府建设的工作"], "法治政府建设"),
    (["--drop-stopwords", "进一步加强法治政府建设的工作"], "进一步 加强 法治政府建设 工作"),
    (["--backend", "jieba", "严格执行行政执法三项制度"], "严格执行 行政执法三项制度"),
    (["--anonymised", "三是学习贯彻A法治思想。"], "三是 学习 贯彻 习近平法治思想 。"),
])
def test_tokenize(args, expected, capsys):
    assert main(["tokenize", *args]) == 0
    assert capsys.readouterr().out.strip() == expected


def test_tokenize_file_and_lexicon(tmp_path, capsys):
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "userdict.txt").write_bytes("\ufeff亭江镇法治驿站 5000 nz\r\n".encode())
    f = tmp_path / "in.txt"
    f.write_text("建成亭江镇法治驿站\n开展普法宣传\n", encoding="utf-8")
    assert main(["tokenize", "--file", str(f), "--lexicon", str(lex)]) == 0
    assert capsys.readouterr().out.splitlines() == ["建成 亭江镇法治驿站", "开展 普法宣传"]


def test_tokenize_needs_text_or_file(capsys):
    assert main(["tokenize"]) == 2
    assert "TEXT" in capsys.readouterr().err


def test_console_script_tokenize():
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    out = subprocess.run([sys.executable, "-m", "fazhi", "tokenize", "开展宪法宣传周活动"],
                         capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["开展", "宪法宣传周", "活动"]
