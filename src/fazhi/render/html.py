"""Offline HTML: nbconvert export with fazhi's page template, images inline, the Chinese font
embedded as a subset of the page's own characters.

Pages are read offline (government intranets) on machines that may have no Chinese font: nothing
is loaded from outside the file, and the font travels inside it.

>>> export_html("05_dossier.executed.ipynb", "reports/05_dossier-province-广东省.html",
...             title="05_dossier · 广东省")                          # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from fazhi.fonts import FONT_FAMILY  # noqa: F401 - the pages' font family, defined there

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
PAGE_TEMPLATE = TEMPLATES / "page.html.j2"
FONT_SLOT = "<!--fazhi-font-->"

_EXPORTER = None


def _exporter():
    """The HTML exporter, built once per process (its templates load in ~0.3 s)."""
    global _EXPORTER
    if _EXPORTER is None:
        from nbconvert import HTMLExporter

        _EXPORTER = HTMLExporter(template_name="lab", template_file=str(PAGE_TEMPLATE),
                                 exclude_input=True, exclude_input_prompt=True,
                                 exclude_output_prompt=True, embed_images=True, mathjax_url="",
                                 require_js_url="", language_code="zh")
    return _EXPORTER


def font_css(text: str) -> str:
    """An ``@font-face`` rule embedding the Chinese font, subset to the characters of ``text``.

    Pages must render Chinese on machines without a Chinese system font (and offline), so the
    package's font (:func:`fazhi.fonts.subset_font`) is embedded as a WOFF data URL holding only
    the glyphs the page uses. Returns "" when no font or fontTools is available.

    >>> font_css("法治政府")[:40]                                       # doctest: +SKIP
    '<style type="text/css">@font-face { font'
    """
    try:
        from fazhi.fonts import font_face_css

        rule = font_face_css(text)
    except Exception:  # noqa: BLE001 - the page still renders with the reader's fonts
        return ""
    return f'<style type="text/css">{rule}</style>' if rule else ""


def embed_font(html: str) -> str:
    """Fill the template's font slot with the subset font of the page's own characters."""
    if FONT_SLOT not in html:
        return html
    return html.replace(FONT_SLOT, font_css(html), 1)


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: a reader never sees half
    a page (:func:`fazhi.files.atomic_write`)."""
    from fazhi.files import atomic_write as _write

    _write(Path(path), text)


def export_html(notebook, html_path: str | Path, *, title: str | None = None) -> Path:
    """Export an executed notebook (path or node) to offline HTML, inputs hidden; atomic write.

    ``title``: the page's ``<title>`` (default: the HTML file's stem).
    """
    import nbformat

    node = notebook if not isinstance(notebook, (str, Path)) else \
        nbformat.read(str(notebook), as_version=4)
    html_path = Path(html_path)
    resources = {"metadata": {"name": title or html_path.stem}}
    body, _ = _exporter().from_notebook_node(node, resources=resources)
    atomic_write(html_path, embed_font(body))
    return html_path
