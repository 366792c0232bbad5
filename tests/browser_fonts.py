"""Which font Chromium really drew Chinese text with, and a font setup without any Chinese system
font, for the browser tests.

:func:`tofu` asks Chromium (DevTools ``CSS.getPlatformFontsForNode``) which fonts drew the text of
each element holding Chinese: a character the page's own (web) font does not draw falls to a
system font; with :func:`no_cjk_fontconfig` (only DejaVu, which has no Chinese glyph) that is a
box. So every Chinese character must be drawn by a web font (``isCustomFont``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# Chinese characters and punctuation a Latin font never holds
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_LATIN_FONTS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
                "/usr/share/fonts/TTF")


def no_cjk_fontconfig(folder: Path) -> dict[str, str]:
    """Environment for Chromium whose fontconfig knows only a Latin font folder (DejaVu), so
    Chinese without a web font shows as boxes even where the machine has a Chinese system font."""
    dirs = [d for d in _LATIN_FONTS if Path(d).is_dir()]
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        + "".join(f"  <dir>{d}</dir>\n" for d in dirs)
        + f"  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n", encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def _classes(node) -> list[str]:
    attrs = node.get("attributes", [])
    return dict(zip(attrs[::2], attrs[1::2], strict=True)).get("class", "").split()


def tofu(page, *, within: str | None = None, limit: int = 4000) -> list[str]:
    """The texts (up to 40 characters each) of the rendered elements whose Chinese characters were
    not all drawn by a web font: boxes without a Chinese system font. Hidden elements (a table's
    later pages, a closed ``<details>``) are not drawn and not checked. ``within``: only inside
    the elements of that class (``jp-Notebook``: a notebook's cells and outputs)."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
        bad: list[str] = []
        seen = 0
        stack = [(root, within is None)]
        while stack and seen < limit:
            node, inside = stack.pop()
            kids = node.get("children", [])
            inside = inside or (node.get("nodeType") == 1 and within in _classes(node))
            stack.extend((k, inside) for k in reversed(kids))
            if not inside or node.get("nodeType") != 1 or \
                    node.get("nodeName") in ("STYLE", "SCRIPT", "TITLE"):
                continue
            own = "".join(k.get("nodeValue", "") for k in kids if k.get("nodeType") == 3)
            n_cjk = len(_CJK.findall(own))
            if not n_cjk:
                continue
            seen += 1
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
            if not fonts:  # not rendered
                continue
            web = sum(f["glyphCount"] for f in fonts if f.get("isCustomFont"))
            if web < n_cjk:
                used = ", ".join(f"{f['familyName']}×{f['glyphCount']}" for f in fonts)
                cls = " ".join(_classes(node))
                bad.append(f"{own.strip()[:40]} [{used}] <{node['nodeName'].lower()} {cls}>")
        return bad
    finally:
        cdp.detach()
