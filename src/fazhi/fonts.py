"""The one place that configures the Chinese font for every chart and word cloud.

The font file is Noto Sans SC (OFL) shipped by the PyPI package ``zhplot``, used by path: its
import-time side effects are never relied upon. ``$FAZHI_FONT`` overrides it.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path

from fazhi.config import cache_dir


class FontNotFound(RuntimeError):
    """No Chinese font file could be found."""


def font_path() -> Path:
    """Path of the Chinese font file: ``$FAZHI_FONT``, else zhplot's Noto Sans SC."""
    env = os.environ.get("FAZHI_FONT")
    if env:
        p = Path(env).expanduser()
        if not p.is_file():
            raise FontNotFound(f"FAZHI_FONT={env!r} is not a file")
        return p
    spec = importlib.util.find_spec("zhplot")
    if spec is None or not spec.submodule_search_locations:
        raise FontNotFound("no Chinese font: install the 'zhplot' package or set FAZHI_FONT")
    for loc in spec.submodule_search_locations:
        for p in sorted(Path(loc).rglob("*.[ot]tf")):
            return p
    raise FontNotFound("the 'zhplot' package carries no font file; set FAZHI_FONT")


def _ensure_mpl_cache() -> None:
    # matplotlib's font cache goes under our cache dir unless the user chose one
    os.environ.setdefault("MPLCONFIGDIR", str(cache_dir("matplotlib")))


@lru_cache(maxsize=1)
def setup_font() -> str:
    """Register the Chinese font with matplotlib (by path) and make it the default; return its name.

    >>> import matplotlib.pyplot as plt; setup_font(); plt.title("法治政府建设")  # doctest: +SKIP
    """
    _ensure_mpl_cache()
    import matplotlib
    from matplotlib import font_manager

    path = font_path()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [name, *matplotlib.rcParams["font.sans-serif"]]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return name
