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
