"""The one place that finds, configures and subsets the Chinese font.

The font file is Noto Sans SC (OFL) shipped by the PyPI package ``zhplot``, used by path: its
import-time side effects are never relied upon. ``$FAZHI_FONT`` overrides it. Every chart gets it
through :func:`setup_font`; word clouds and the HTML pages get a subset of the characters they
draw through :func:`subset_font` / :func:`subset_file`.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

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


# tables a subset without OpenType layout never uses: dropped before subsetting (parsing them is
# most of the cost of cutting a 10 MB CJK font down)
_LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "STAT",
                  "DSIG")
FontFlavor = Literal["woff", "woff2"]


def subset_font(text: str, *, flavor: FontFlavor | None = None, layout: bool = True) -> bytes:
    """The Chinese font (:func:`font_path`) cut down to the glyphs of ``text``, as file bytes.

    The one place that subsets the font: the HTML pages embed it (``flavor="woff"``, with its
    layout tables), word clouds draw with it (a TrueType file, ``layout=False``: the layout
    tables are dropped unread, which makes the cut about twice as fast). Characters the font does
    not hold are left out. The same characters give the same bytes, computed once per process
    (a cut of the 10 MB font costs about 0.3 s). Raises :class:`FontNotFound` without a font,
    ImportError without fontTools.

    >>> subset_font("法治政府建设", flavor="woff")[:4]        # doctest: +SKIP
    b'wOFF'
    """
    path = font_path()
    st = path.stat()
    return _subset(str(path), st.st_size, st.st_mtime_ns, "".join(sorted(set(text))), flavor,
                   layout)


@lru_cache(maxsize=16)
def _subset(path: str, _size: int, _mtime: int, chars: str, flavor: str | None,
            layout: bool) -> bytes:
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    opts = subset.Options()
    opts.flavor = flavor
    opts.notdef_outline = True
    if layout:
        opts.hinting = False
        opts.desubroutinize = True
        opts.layout_features = ["*"]
    else:
        opts.layout_features = []
    font = TTFont(path, lazy=True)
    if not layout:
        for tag in _LAYOUT_TABLES:
            if tag in font:
                del font[tag]
    sub = subset.Subsetter(opts)
    sub.populate(text=chars)
    sub.subset(font)
    buf = io.BytesIO()
    subset.save_font(font, buf, opts)
    return buf.getvalue()


def subset_file(text: str, *, layout: bool = False, flavor: FontFlavor | None = None) -> Path:
    """A font file holding the glyphs of ``text`` (:func:`subset_font`), cached under the package's
    cache folder by font file and characters, so a second call with the same characters is free.

    >>> from wordcloud import WordCloud                            # doctest: +SKIP
    >>> WordCloud(font_path=str(subset_file("法治政府建设")))       # doctest: +SKIP
    """
    import hashlib

    base = font_path()
    chars = "".join(sorted(set(text)))
    st = base.stat()
    key = hashlib.sha1(f"{base}|{st.st_size}|{st.st_mtime_ns}|{layout}|{flavor}|{chars}".encode())
    suffix = f".{flavor}" if flavor else base.suffix.lower()
    out = cache_dir("fonts") / f"subset-{key.hexdigest()[:20]}{suffix}"
    if not out.is_file():
        from fazhi.files import atomic_write

        atomic_write(out, subset_font(chars, layout=layout, flavor=flavor))
    return out


# the CSS family of the embedded font (pages, the Lab); characters from here up are drawn with
# it, Latin text keeps the reader's fonts
FONT_FAMILY = "fazhi-cjk"
FIRST_CJK = 0x2000
# "0": fazhi.display.setup() gives the Lab no font (a render's kernels: the page embeds its own)
LAB_FONT_ENV = "FAZHI_LAB_FONT"


def cjk_chars(text: str) -> str:
    """The characters of ``text`` the embedded font draws (U+2000 and up), sorted, once each.

    >>> cjk_chars("2021年 法治政府（草案）")
    '年府政治法（）'
    """
    # set() first: a page is mostly base64 images, one pass in C instead of per character
    return "".join(sorted(ch for ch in set(text) if ord(ch) >= FIRST_CJK))


def font_face_css(text: str, *, ranged: bool = False, cache: bool = False) -> str:
    """The one ``@font-face`` rule of :data:`FONT_FAMILY`: the Chinese font cut down to the
    characters of ``text`` (:func:`cjk_chars`), inline as a WOFF data URL (pages are read offline;
    nothing is fetched). ``ranged``: with a ``unicode-range`` of exactly those characters, so that
    several rules of the family add up (a later one only for its own characters); ``cache``: the
    cut kept on disk (:func:`subset_file`; for large sets reused across processes). "" when
    ``text`` has no such character. Raises :class:`FontNotFound` / ImportError like
    :func:`subset_font`.

    >>> font_face_css("法治政府")[:40]                                   # doctest: +SKIP
    '@font-face { font-family: "fazhi-cjk"; s'
    """
    import base64

    chars = cjk_chars(text)
    if not chars:
        return ""
    woff = subset_file(chars, layout=True, flavor="woff").read_bytes() if cache else \
        subset_font(chars, flavor="woff")
    data = base64.b64encode(woff).decode("ascii")
    rng = f" unicode-range: {','.join(f'U+{ord(c):X}' for c in chars)};" if ranged else ""
    return (f'@font-face {{ font-family: "{FONT_FAMILY}"; '
            f'src: url(data:font/woff;base64,{data}) format("woff");{rng} }}')


@lru_cache(maxsize=1)
def common_chars() -> str:
    """The characters of GB2312 (6,763 hanzi, Chinese punctuation, full-width forms), read from
    Python's codec: what the Lab's font (:func:`fazhi.display.setup`) holds before any table.

    >>> len(common_chars()) > 7000, "法" in common_chars(), "、" in common_chars()
    (True, True, True)
    """
    out = []
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return cjk_chars("".join(out))
