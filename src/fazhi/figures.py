"""Figures for papers: each chart as SVG, PDF and 300-dpi PNG files, named by page and chart.

:func:`save_figure` writes one Figure in every format; :func:`fazhi.display.show` calls
:func:`save_shown` for each chart it shows, which writes nothing unless ``$FAZHI_FIGURES`` names
a folder (``fazhi render --figures`` sets it in each page's kernel: one folder per page, e.g.
``reports/figures/05_dossier-province-广东省/``) and returns the line of links shown under the chart.

The formats, chosen for Chinese text on a reader's machine without the font:

- PDF: text as embedded TrueType (``pdf.fonttype=42``: a Type 0 / CIDFontType2 font with a
  ``FontFile2`` subset and a ToUnicode map): Chinese prints with the font and stays selectable
  and searchable (text extraction gives the characters back).
- SVG: text as paths (``svg.fonttype="path"``): matplotlib cannot embed a font in an SVG, and
  text left as ``<text>`` needs the reader to have a Chinese font (else boxes or a fallback
  font with other metrics); paths look the same everywhere, at the cost of selectable text (the
  PDF has that).
- PNG at 300 dpi (the pHYs chunk says 300 dpi; pixel size = inches × 300).

Word clouds are raster images: the PNG is the native format; in the SVG and PDF the cloud is
embedded as an image (its pixels, not text), with the title and notes around it as vector text.

Names: ``<order>-<chart>``, the chart's number on its page (01, 02 …, in the order shown) and
its name (the Figure's label: ``textplot_*`` functions label their Figure with their own name),
both safe on Windows, e.g. ``03-textplot_indicators.pdf``.

>>> save_figure(fig, "figures/01-textplot_trend")                      # doctest: +SKIP
[PosixPath('figures/01-textplot_trend.svg'), PosixPath('figures/01-textplot_trend.pdf'),
 PosixPath('figures/01-textplot_trend.png')]
"""

from __future__ import annotations

import html
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

# the folder this kernel's charts are written to (one per page), and that folder as a link
# relative to the page (so the links survive moving the output folder)
FIGURES_ENV = "FAZHI_FIGURES"
FIGURES_HREF_ENV = "FAZHI_FIGURES_HREF"
Format = Literal["svg", "pdf", "png"]
FORMATS: tuple[Format, ...] = ("svg", "pdf", "png")
DPI = 300
# PDF text as TrueType (Type 42), SVG text as paths; SVG ids stable between runs
_RC = {"pdf.fonttype": 42, "ps.fonttype": 42, "svg.fonttype": "path", "svg.hashsalt": "fazhi"}
# no creation date: the same chart gives the same bytes
_METADATA = {"svg": {"Date": None}, "pdf": {"CreationDate": None}, "png": {}}
_LINK_LABELS = {"svg": "SVG", "pdf": "PDF", "png": "PNG"}
# the chart files a page writes (01-textplot_trend.svg): what a new render of the page replaces
_CHART_FILE = re.compile(r"^\d{2,}-[^/\\]+\.(?:svg|pdf|png)$")
# in a link, ASCII characters other than these are percent-encoded (non-ASCII stays readable)
_HREF_UNSAFE = re.compile(r"[^A-Za-z0-9/()._~!$&'*+,;=:@\-\u0080-\U0010ffff]")
_DEFAULT_NAME = "figure"
_MAX_NAME_BYTES = 60

_SHOWN: dict[str, int] = {}  # charts written so far into each folder, by this process


def figure_name(order: int, name: str | None) -> str:
    """The file stem of a page's ``order``-th chart named ``name`` (safe on every system).

    >>> figure_name(3, "textplot_themes")
    '03-textplot_themes'
    >>> figure_name(1, "")
    '01-figure'
    """
    from fazhi.files import safe_name

    return f"{int(order):02d}-{safe_name(name or _DEFAULT_NAME, max_bytes=_MAX_NAME_BYTES)}"


def chart_name(fig: Figure) -> str:
    """The name of a chart: its Figure's label (``textplot_wordcloud``), or ``figure``."""
    label = fig.get_label() if hasattr(fig, "get_label") else ""
    return label if label and not label.startswith("_") else _DEFAULT_NAME


def save_figure(fig: Figure, path_stem: str | Path, *, formats: Sequence[Format] = FORMATS,
                dpi: int = DPI) -> list[Path]:
    """Write ``fig`` as ``<path_stem>.svg``, ``.pdf`` and ``.png`` (``formats``), PNG at ``dpi``;
    the folder is created; each file is written atomically. Returns the paths, in ``formats``
    order. PDF text is embedded TrueType, SVG text is paths (see the module's notes).

    >>> fig = textplot_themes(textstat_themes(corpus, by="province"))   # doctest: +SKIP
    >>> save_figure(fig, "论文/图3-主题构成", formats=("pdf",))            # doctest: +SKIP
    [PosixPath('论文/图3-主题构成.pdf')]
    """
    import matplotlib

    from fazhi.files import atomic_write
    from fazhi.fonts import setup_font

    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise ValueError(f"formats must be some of {FORMATS}, not {tuple(formats)!r}")
    setup_font()
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    out = []
    with matplotlib.rc_context(_RC):
        for fmt in dict.fromkeys(formats):
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt, dpi=dpi, bbox_inches="tight", metadata=_METADATA[fmt])
            out.append(atomic_write(stem.parent / f"{stem.name}.{fmt}", buf.getvalue()))
    return out


def href(path: str) -> str:
    """A relative path as a link: ``/`` separators, unsafe ASCII characters (space, ``#``, ``?``,
    ``%``) percent-encoded, Chinese kept readable.

    >>> href("figures/05_dossier-province-广东省/01-textplot_wordcloud.svg")
    'figures/05_dossier-province-广东省/01-textplot_wordcloud.svg'
    >>> href("my figs/a#1.svg")
    'my%20figs/a%231.svg'
    """
    from urllib.parse import quote

    return _HREF_UNSAFE.sub(lambda m: quote(m.group(), safe=""), path.replace("\\", "/"))


def links_html(paths: Sequence[Path], base: str) -> str:
    """The line under a chart linking its files, ``base``: their folder as a link relative to
    the page.

    >>> links_html([Path("01-textplot_trend.svg")], "figures/01_overview")
    '<p class="fazhi-figure-files" style="font-size:85%;color:#555;margin:.2em 0 1em">图表文件 / figure files：<a href="figures/01_overview/01-textplot_trend.svg">SVG</a></p>'
    """
    base = base.rstrip("/")
    links = " · ".join(
        f'<a href="{html.escape(href(f"{base}/{p.name}" if base else p.name))}">'
        f"{_LINK_LABELS.get(p.suffix[1:], p.suffix[1:].upper())}</a>" for p in paths)
    return (f'<p class="fazhi-figure-files" style="font-size:85%;color:#555;margin:.2em 0 1em">'
            f"图表文件 / figure files：{links}</p>")


def save_shown(fig: Figure) -> str:
    """For :func:`fazhi.display.show`: when ``$FAZHI_FIGURES`` names a folder, write ``fig``
    there as the next chart of the page (:func:`save_figure`, :func:`figure_name`) and return the
    line of links to its files (relative to the page: ``$FAZHI_FIGURES_HREF``, default: to the
    working folder, a notebook's own); else write nothing and return "".
    """
    folder = os.environ.get(FIGURES_ENV)
    if not folder:
        return ""
    order = _SHOWN.get(folder, 0) + 1
    _SHOWN[folder] = order
    paths = save_figure(fig, Path(folder) / figure_name(order, chart_name(fig)))
    base = os.environ.get(FIGURES_HREF_ENV)
    if base is None:
        try:
            base = os.path.relpath(folder)
        except ValueError:  # pragma: no cover - another drive (Windows)
            base = Path(folder).resolve().as_posix()
    return links_html(paths, base)


def check_folder(folder: str | Path) -> Path:
    """``folder``, created (with its parents) and writable; OSError otherwise (a file in the
    way, a read-only folder).

    >>> check_folder("reports/figures")                                 # doctest: +SKIP
    PosixPath('reports/figures')
    """
    import tempfile

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
        pass
    return folder


def prepare_folder(folder: str | Path) -> Path:
    """Make a page's figures folder ready: created, writable, and the chart files of an earlier
    render of the page removed (files not named like a chart are left alone); OSError otherwise.

    >>> prepare_folder("reports/figures/01_overview")                   # doctest: +SKIP
    PosixPath('reports/figures/01_overview')
    """
    folder = check_folder(folder)
    for p in folder.iterdir():
        if p.is_file() and _CHART_FILE.match(p.name):
            p.unlink()
    return folder


def folder_error(folder: str | Path, exc: OSError) -> str:
    """The one line that says a figures folder cannot be written, naming it.

    >>> folder_error("/ro/figures", PermissionError(13, "Permission denied"))
    '图表文件夹无法写入 / cannot write figures to /ro/figures: Permission denied'
    """
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"图表文件夹无法写入 / cannot write figures to {folder}: {reason}"
