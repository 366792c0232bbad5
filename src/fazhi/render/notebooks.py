"""The notebooks a render runs and their papermill contract: the package's own (``fazhi/notebooks``)
or edited copies of them (``fazhi notebooks DIR``, then ``fazhi render --notebooks-dir DIR``).

The contract: each notebook has a code cell tagged ``parameters`` (papermill injects the values
after it) that declares every parameter the render passes: ``corpus_path`` to all,
``corpus_path``, ``level`` and ``region`` to a per-region one. Whether a notebook is per-region is
decided by the package's notebook of that name (a copy of ``05_dossier`` must keep ``region``; a
copy of ``01_overview`` stays corpus-wide), else by its own ``region`` parameter. A folder holding
any of the package's notebooks (by file name) is a folder of copies and must hold all of them (or
the ones ``--notebooks`` asks for); a folder of only your own notebooks runs just those; extra
parameters keep their defaults. A notebook that breaks the contract gets one line
(:func:`check_notebook`) and fails only its own pages; the others render.

>>> check_notebook("笔记本/05_dossier.ipynb", per_region=True)          # doctest: +SKIP
'笔记本/05_dossier.ipynb: 参数不符 / parameters do not match: no region (the render passes corpus_path, level, region)'
"""

from __future__ import annotations

import ast
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from fazhi.config import notebooks_dir as package_notebooks_dir

PARAMETERS_TAG = "parameters"
# what the render passes (fazhi.render.plan.plan_pages builds them from these names)
CORPUS_PARAMETERS = ("corpus_path",)
REGION_PARAMETERS = ("corpus_path", "level", "region")

CopyStatus = Literal["written", "unchanged", "kept", "overwritten"]


def cell_source(cell: dict) -> str:
    """A cell's source as one string (nbformat stores a string or a list of lines)."""
    src = cell.get("source", "")
    return src if isinstance(src, str) else "".join(src)


def parameters_cell(nb: dict) -> dict | None:
    """The first code cell tagged ``parameters`` (the one papermill injects after), or None."""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code" and \
                PARAMETERS_TAG in (cell.get("metadata", {}).get("tags") or []):
            return cell
    return None


def declared_parameters(source: str) -> list[str]:
    """The names a parameters cell assigns at top level, in order (SyntaxError when it is not
    Python).

    >>> declared_parameters('corpus_path: str = ""  # 语料\\nregion = "广东省"')
    ['corpus_path', 'region']
    """
    names: list[str] = []
    for node in ast.parse(source).body:
        targets = [node.target] if isinstance(node, ast.AnnAssign) else \
            node.targets if isinstance(node, ast.Assign) else []
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id not in names]
    return names


def notebook_parameters(nb: dict) -> list[str] | None:
    """The parameters a notebook declares, or None without a parameters cell (or when that cell
    is not Python)."""
    cell = parameters_cell(nb)
    if cell is None:
        return None
    try:
        return declared_parameters(cell_source(cell))
    except SyntaxError:
        return None


def passed_parameters(per_region: bool) -> tuple[str, ...]:
    """The parameters the render passes: ``corpus_path`` (+ ``level``, ``region`` per region)."""
    return REGION_PARAMETERS if per_region else CORPUS_PARAMETERS


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def check_notebook(path: str | Path, *, per_region: bool | None = None) -> str:
    """The one-line problem of the notebook at ``path`` under the contract, or ``""``.

    ``per_region``: what the render makes of it when it knows better than the notebook (the
    package's notebook of that name: a copy of ``05_dossier`` must keep ``region``); None: the
    notebook's own ``region`` parameter decides.
    """
    path = Path(path)
    if not path.is_file():
        return (f"{path}: 缺少笔记本 / notebook missing (fazhi notebooks {path.parent} "
                f"copies it back; --notebooks renders only some)")
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
            raise ValueError("no cells")
    except (OSError, ValueError) as exc:
        return f"{path}: 不是笔记本 / not a notebook ({_one_line(exc)})"
    cell = parameters_cell(nb)
    wanted = passed_parameters(bool(per_region))
    if cell is None:
        return (f"{path}: 没有 parameters 单元格 / no cell tagged 'parameters' (papermill needs "
                f"one declaring {', '.join(wanted)})")
    try:
        names = declared_parameters(cell_source(cell))
    except SyntaxError as exc:
        return (f"{path}: parameters 单元格不是 Python / the parameters cell is not Python "
                f"(line {exc.lineno}: {_one_line(exc.msg)})")
    if per_region is None:
        wanted = passed_parameters("region" in names)
    missing = [n for n in wanted if n not in names]
    if missing:
        return (f"{path}: 参数不符 / parameters do not match: no {', '.join(missing)} "
                f"(the render passes {', '.join(wanted)})")
    return ""


# ---------------------------------------------------------------- the notebooks of a render


@dataclass(frozen=True)
class Notebook:
    """A notebook as planning sees it: its path and bytes (its key), e.g. ``05_dossier.ipynb``;
    ``problem``: why it cannot run (its pages fail, the others render); ``region_pages``: whether
    it runs per region when the package's notebook of that name decides (None: its own parameters).
    """

    path: Path
    source: bytes
    problem: str = ""
    region_pages: bool | None = None

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def per_region(self) -> bool:
        """Whether it runs once per region (its parameters declare ``region``)."""
        if self.region_pages is not None:
            return self.region_pages
        try:
            names = notebook_parameters(json.loads(self.source.decode("utf-8")))
        except ValueError:
            return False
        return "region" in (names or ())


def read_notebooks(paths) -> list[Notebook]:
    """The :class:`Notebook` of each path (its bytes read once)."""
    return [Notebook(Path(p), Path(p).read_bytes()) for p in paths]


def numbered(folder: str | Path) -> list[Path]:
    """The numbered notebooks (``01_overview.ipynb`` …) of ``folder``, by name."""
    return sorted(p for p in Path(folder).glob("[0-9]*.ipynb") if not p.name.startswith("."))


def _matches(stem: str, name: str) -> bool:
    return stem == name or stem.startswith(name) or stem.split("_", 1)[0] == name


def load_notebooks(folder: str | Path, names: Sequence[str] | None = None) -> list[Notebook]:
    """The notebooks of a render from ``folder``, each checked (:func:`check_notebook`), with the
    missing ones of the package's as broken entries, in name order.

    ``names``: only these (stem, number or prefix: ``["05"]``); a name that fits no notebook
    here or in the package is a FileNotFoundError before anything runs.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: 没有这个文件夹 / no such folder")
    found = numbered(folder)
    package = {p.stem: p for p in numbered(package_notebooks_dir())}
    wanted = [n.removesuffix(".ipynb") for n in names] if names else None
    # a folder of copies (any package notebook by name) must hold every one asked for
    expected = {s for s in package if wanted is None or any(_matches(s, n) for n in wanted)} \
        if {p.stem for p in found} & set(package) else set()
    if wanted:
        unknown = [n for n in wanted if not any(_matches(p.stem, n) for p in found) and
                   not any(_matches(s, n) for s in package)]
        if unknown:
            raise FileNotFoundError(f"没有这些笔记本 / no such notebooks in {folder}: "
                                    f"{', '.join(unknown)}")
        found = [p for p in found if any(_matches(p.stem, n) for n in wanted)]
        # a package notebook asked for by name is missing here even in a folder of your own
        expected |= {s for n in wanted if not any(_matches(p.stem, n) for p in found)
                     for s in package if _matches(s, n)}
    paths = sorted({*found, *(folder / f"{s}.ipynb" for s in expected)}, key=lambda p: p.name)
    out = []
    for p in paths:
        # the package's notebook of that name decides what the render passes to its copy
        decided = _package_per_region(package[p.stem]) if p.stem in package else None
        source = p.read_bytes() if p.is_file() else b""
        out.append(Notebook(p, source, check_notebook(p, per_region=decided), decided))
    return out


def _package_per_region(path: Path) -> bool:
    return "region" in (notebook_parameters(json.loads(path.read_text(encoding="utf-8"))) or ())


# ---------------------------------------------------------------- copies for editing


def copy_notebooks(dest: str | Path, *, force: bool = False) -> list[tuple[Path, CopyStatus]]:
    """Copy the package's notebooks into ``dest`` (created) for editing; each file's status:
    ``written`` (new), ``unchanged`` (already the same), ``kept`` (an edited copy, not overwritten)
    or ``overwritten`` (``force``).

    >>> copy_notebooks("我的笔记本")                                   # doctest: +SKIP
    [(PosixPath('我的笔记本/01_overview.ipynb'), 'written'), ...]
    """
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise NotADirectoryError(f"{dest}: 不是文件夹 / not a folder")
    dest.mkdir(parents=True, exist_ok=True)
    done: list[tuple[Path, CopyStatus]] = []
    for src in numbered(package_notebooks_dir()):
        target, data = dest / src.name, src.read_bytes()
        if not target.exists():
            status: CopyStatus = "written"
        elif target.read_bytes() == data:
            done.append((target, "unchanged"))
            continue
        elif force:
            status = "overwritten"
        else:
            done.append((target, "kept"))
            continue
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        done.append((target, status))
    return done
