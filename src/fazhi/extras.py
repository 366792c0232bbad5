"""The optional parts of fazhi (pyproject's extras) and a clear message when one is missing.

``cluster`` (dask, distributed): ``fazhi build/reuse/render --scheduler``; ``lab`` (jupyterlab):
editing the notebooks. Nothing here imports them: :func:`require` does, where they are used.

>>> require("distributed")                                          # doctest: +SKIP
<module 'distributed' ...>
"""

from __future__ import annotations

import importlib
from types import ModuleType

# extra -> the modules it brings (the distributions of pyproject's optional-dependencies)
EXTRAS: dict[str, tuple[str, ...]] = {"cluster": ("dask", "distributed"), "lab": ("jupyterlab",)}
_EXTRA_OF = {m: extra for extra, mods in EXTRAS.items() for m in mods}
_USE = {"cluster": "在 Dask 集群上运行 / running on a Dask cluster (--scheduler)",
        "lab": "编辑笔记本 / editing the notebooks in JupyterLab"}


class MissingExtra(ImportError):
    """An optional part is not installed; the message says which extra brings it."""


def require(module: str) -> ModuleType:
    """Import ``module`` of an optional part, or raise :class:`MissingExtra` naming its extra:
    ``需要可选依赖 distributed / … pip install 'fazhi[cluster]'``."""
    extra = _EXTRA_OF[module.split(".", 1)[0]]
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(f"需要可选依赖 {module} / {_USE[extra]} needs the package "
                           f"'{module.split('.', 1)[0]}': pip install 'fazhi[{extra}]'") from exc
