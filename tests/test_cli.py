"""The CLI: every command and option has help text, and every command is in the README."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest
from conftest import ROOT

from fazhi.cli import make_parser


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = make_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _help_of(name: str) -> str | None:
    parser = make_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return next((c.help for c in action._choices_actions if c.dest == name), None)


COMMANDS = sorted(_subcommands())


def test_there_are_commands():
    assert {"build", "render", "info"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name):
    assert _help_of(name), f"fazhi {name} has no help line"
    sub = _subcommands()[name]
    assert sub.description, f"fazhi {name} has no description"
    for action in sub._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        assert action.help and action.help != argparse.SUPPRESS, \
            f"fazhi {name}: option {action.option_strings or action.dest} has no help text"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"fazhi {name}" in readme, f"README.md does not mention `fazhi {name}`"


def test_console_script_help_runs():
    out = subprocess.run([sys.executable, "-m", "fazhi", "--help"], capture_output=True,
                         text=True, check=True)
    for name in COMMANDS:
        assert name in out.stdout


# ---------------------------------------------------------------- fazhi notebooks


def test_notebooks_copies_and_keeps_edited_copies(tmp_path, capsys):
    from fazhi.cli import main
    from fazhi.config import notebooks_dir

    dest = tmp_path / "我的笔记本"
    shipped = sorted(p.name for p in notebooks_dir().glob("*.ipynb"))
    assert main(["notebooks", str(dest)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:-1] == [f"写入 / wrote {dest / n}" for n in shipped]
    assert out[-1] == f"渲染 / render: fazhi render PATH --notebooks-dir {dest}"
    edited = dest / "05_dossier.ipynb"
    edited.write_text(edited.read_text(encoding="utf-8").replace("地区档案", "我的档案"),
                      encoding="utf-8")
    (dest / "03_trends.ipynb").unlink()
    # again: the edit is kept (exit 1), the deleted one copied back, the rest unchanged
    assert main(["notebooks", str(dest)]) == 1
    out = capsys.readouterr().out
    assert f"保留 / kept (edited; --force overwrites) {edited}" in out
    assert f"写入 / wrote {dest / '03_trends.ipynb'}" in out
    assert f"未变 / unchanged {dest / '01_overview.ipynb'}" in out
    assert "我的档案" in edited.read_text(encoding="utf-8")
    assert main(["notebooks", str(dest), "--force"]) == 0
    assert f"覆盖 / overwrote {edited}" in capsys.readouterr().out
    assert edited.read_bytes() == (notebooks_dir() / "05_dossier.ipynb").read_bytes()


def test_notebooks_into_a_file_is_a_one_line_error(tmp_path, capsys):
    from fazhi.cli import main

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert main(["notebooks", str(tmp_path / "a.txt")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"fazhi notebooks: {tmp_path / 'a.txt'}: 不是文件夹 / not a folder"


def _break_region(path):
    import json

    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    cell["source"] = "".join(cell["source"]).replace("\nregion:", "\nplace:")
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("breaker,said", [
    (lambda p: p.unlink(), "缺少笔记本 / notebook missing"),
    (_break_region, "参数不符 / parameters do not match: no region (the render passes "
                    "corpus_path, level, region)"),
])
def test_render_with_a_broken_copy_says_one_line_and_fails(report_store, tmp_path, capsys,
                                                           breaker, said):
    """Every page asked for is the broken notebook's: no kernel starts, one line, exit 1."""
    from fazhi.cli import main

    nbdir, out = tmp_path / "nb", tmp_path / "out"
    assert main(["notebooks", str(nbdir)]) == 0
    breaker(nbdir / "05_dossier.ipynb")
    capsys.readouterr()
    code = main(["render", str(report_store.store), "--notebooks-dir", str(nbdir),
                 "--notebooks", "05", "--only", "广东省", "重庆市", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.splitlines() == [f"fazhi render: {nbdir / '05_dossier.ipynb'}: {said}"
                                         + ("" if "不符" in said else
                                            f" (fazhi notebooks {nbdir} copies it back; "
                                            f"--notebooks renders only some)")]
    assert "2 页 / pages: 0 rendered, 0 skipped, 2 failed" in captured.out
    assert captured.out.splitlines()[-1] == str((out / "index.html").resolve())


def test_render_without_path_outside_a_project_asks_for_one(tmp_path):
    env = {k: v for k, v in __import__("os").environ.items() if k != "FAZHI_HOME"}
    env["PYTHONPATH"] = str(ROOT / "src")
    res = subprocess.run([sys.executable, "-m", "fazhi", "render"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert res.stderr.splitlines() == ["fazhi render: 请给出报告文件夹 / give the folder of "
                                       "reports: fazhi render PATH (no project here, so no "
                                       "data/raw)"]
    assert list(tmp_path.iterdir()) == []  # nothing written where it ran
