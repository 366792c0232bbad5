"""Packaging: environment.yml mirrors pyproject.toml; importing fazhi is light."""

from __future__ import annotations

import re
import subprocess
import sys

import tomllib
from conftest import ROOT

_NAME = re.compile(r"^\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*(.*)$")


def _norm(spec: str) -> tuple[str, str]:
    m = _NAME.match(spec.strip())
    assert m, spec
    return m.group(1).lower().replace("_", "-"), m.group(3).replace(" ", "")


def _env_specs() -> dict[str, str]:
    specs: dict[str, str] = {}
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^\s+- (?!pip:)(.+?)\s*(#.*)?$", line)
        if not m or m.group(1).startswith("-e"):
            continue
        name, bound = _norm(m.group(1))
        if name not in ("python", "pip"):
            specs[name] = bound
    return specs


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = dict(_norm(s) for s in project["dependencies"])
    wanted.update(_norm(s) for s in project["optional-dependencies"]["dev"])
    got = _env_specs()
    assert got == wanted, {"missing in environment.yml": sorted(set(wanted) - set(got)),
                           "extra in environment.yml": sorted(set(got) - set(wanted)),
                           "bounds differ": sorted(k for k in set(wanted) & set(got)
                                                   if wanted[k] != got[k])}


def test_import_is_light():
    code = ("import sys, fazhi; heavy = [m for m in ('jieba', 'rjieba', 'matplotlib', 'pandas', "
            "'wordcloud', 'papermill', 'dask') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
