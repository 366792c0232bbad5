"""Chinese fonts with no system font: one function finds the font, every chart and cloud uses it,
one helper cuts it down to the characters a page or a word cloud draws.

A chart and a word cloud with Chinese text must draw without any "Glyph ... missing" warning, and the
font must cover every character of the sample corpus (no boxes instead of characters).
"""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest
from conftest import RAW

from fazhi.fonts import FontNotFound, font_path, setup_font, subset_file, subset_font

PHRASES = ["法治政府建设", "习近平法治思想", "矛盾纠纷多元化解", "谁执法谁普法", "扫黑除恶专项斗争",
           "民法典", "营商环境", "亭江镇", "蓬东乡", "月浦街道", "西联镇"]


def _glyph_warnings(record) -> list[str]:
    return [str(w.message) for w in record if "Glyph" in str(w.message)]


def _draw(labels: list[str]):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3))
    ax.bar(range(len(labels)), range(1, len(labels) + 1))
    ax.set_xticks(range(len(labels)), labels, rotation=45)
    ax.set_title("法治政府建设年度报告：关键词")
    ax.set_ylabel("每万词出现次数")
    fig.canvas.draw()
    plt.close(fig)


def test_font_is_the_packaged_noto_sans_sc():
    path = font_path()
    assert path.is_file() and path.suffix.lower() in (".ttf", ".otf")
    assert "zhplot" in str(path)


def test_font_covers_every_character_of_the_sample_corpus():
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(font_path()), lazy=True).getBestCmap()
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt")))
    cjk = {ch for ch in text if "\u4e00" <= ch <= "\u9fff"}
    assert len(cjk) > 800
    missing = sorted(ch for ch in cjk if ord(ch) not in cmap)
    assert missing == []


def test_chart_with_chinese_text_has_no_missing_glyphs():
    setup_font()
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        _draw(PHRASES)
    assert _glyph_warnings(record) == []


def test_the_glyph_check_can_fail_without_the_chinese_font():
    """Control: the same chart with matplotlib's default Latin font does warn (so the test above bites)."""
    code = ("import warnings, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt\n"
            "matplotlib.rcParams['font.family'] = 'DejaVu Sans'\n"
            "with warnings.catch_warnings(record=True) as r:\n"
            "    warnings.simplefilter('always')\n"
            "    fig, ax = plt.subplots(); ax.set_title('法治政府'); fig.canvas.draw()\n"
            "print(sum('Glyph' in str(w.message) for w in r))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout.strip()) > 0


def test_word_cloud_with_chinese_text_draws_real_glyphs():
    import numpy as np
    from PIL import ImageFont
    from wordcloud import WordCloud

    from fazhi.textplot import textplot_wordcloud

    font = ImageFont.truetype(str(font_path()), 40)
    masks = {ch: bytes(font.getmask(ch)) for ch in "法治政府建设街道"}
    assert all(any(m) for m in masks.values())
    assert len(set(masks.values())) == len(masks), "distinct characters drew the same box"

    wc = WordCloud(font_path=str(font_path()), width=300, height=200, random_state=1)
    img = wc.generate_from_frequencies({p: i + 1 for i, p in enumerate(PHRASES)}).to_array()
    assert (np.asarray(img) != 0).any()

    import pandas as pd

    freq = pd.DataFrame({"term": PHRASES, "count": range(len(PHRASES), 0, -1)})
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        fig = textplot_wordcloud(freq)
        fig.canvas.draw()
    assert _glyph_warnings(record) == []


def test_fazhi_font_overrides(monkeypatch, tmp_path):
    real = font_path()
    monkeypatch.setenv("FAZHI_FONT", str(real))
    assert font_path() == real
    monkeypatch.setenv("FAZHI_FONT", str(tmp_path / "no-such-font.ttf"))
    with pytest.raises(FontNotFound, match="FAZHI_FONT"):
        font_path()


# ---------------------------------------------------------------- subsets


@pytest.mark.parametrize("text,flavor,magic", [
    ("马尾区亭江镇2020年度法治政府建设工作报告", "woff", b"wOFF"),
    ("（一）扫黑除恶；“八五”普法", "woff", b"wOFF"),
    ("月浦街道 调处矛盾纠纷209件", None, b"\x00\x01\x00\x00"),
])
def test_a_subset_holds_exactly_the_characters_of_its_text(text, flavor, magic):
    from io import BytesIO

    from fontTools.ttLib import TTFont

    data = subset_font(text, flavor=flavor)
    assert data[:4] == magic
    assert {chr(c) for c in TTFont(BytesIO(data)).getBestCmap()} == set(text)
    assert len(data) * 50 < font_path().stat().st_size


def test_characters_the_font_lacks_are_left_out():
    from io import BytesIO

    from fontTools.ttLib import TTFont

    data = subset_font("法治\U0001F600\U000E0100", flavor="woff")
    assert {chr(c) for c in TTFont(BytesIO(data)).getBestCmap()} == {"法", "治"}


def test_a_subset_without_layout_drops_the_layout_tables():
    from io import BytesIO

    from fontTools.ttLib import TTFont

    assert "GSUB" in TTFont(BytesIO(subset_font("法治政府", layout=True)))
    lean = TTFont(BytesIO(subset_font("法治政府", layout=False)))
    assert "GSUB" not in lean and "GPOS" not in lean and "glyf" in lean


def test_subset_files_are_cached_by_their_characters():
    from fontTools.ttLib import TTFont

    path = subset_file("谁执法谁普法")
    assert path.is_file() and path.suffix == font_path().suffix.lower()
    assert subset_file("普法执法谁") == path  # the same characters, the same file
    assert subset_file("谁执法谁普法 ") != path
    assert {chr(c) for c in TTFont(str(path)).getBestCmap()} == set("谁执法普")


@pytest.mark.parametrize(("text", "ranged", "chars"), [
    ("汕头市金平区鮀江街道 2024 年", False, set("汕头市金平区鮀江街道年")),
    ("鮀江街道", True, set("鮀江街道")),
    ("Article 25", False, set()),
])
def test_one_font_face_rule_for_pages_and_the_lab(text, ranged, chars):
    import base64
    import re
    from io import BytesIO

    from fontTools.ttLib import TTFont

    from fazhi.fonts import FONT_FAMILY, font_face_css
    from fazhi.render import font_css

    rule = font_face_css(text, ranged=ranged)
    if not chars:
        assert rule == "" and font_css(text) == ""
        return
    assert rule.startswith(f'@font-face {{ font-family: "{FONT_FAMILY}"')
    data = re.search(r"base64,([A-Za-z0-9+/=]+)\)", rule)[1]
    assert {chr(c) for c in TTFont(BytesIO(base64.b64decode(data))).getBestCmap()} == chars
    rng = re.search(r"unicode-range: ([^;]+);", rule)
    assert (rng is not None) == ranged
    if ranged:
        assert {chr(int(u[2:], 16)) for u in rng[1].split(",")} == chars
    assert font_css(text) == f'<style type="text/css">{font_face_css(text)}</style>'


def test_the_lab_font_holds_common_chinese_and_tables_bring_rarer_characters():
    from fazhi import display as fd
    from fazhi.fonts import common_chars

    common = common_chars()
    assert all(c in common for c in "法治政府建设亭江镇蓬东乡、。（）“”《》")
    assert "鮀" not in common and "a" not in common
    style = fd.lab_font_html()
    assert style.startswith('<style class="fazhi-lab-font">@font-face')
    assert '"fazhi-cjk"' in style and "--jp-content-font-family" in style
    assert fd.lab_font_html() == style  # cut once, then read from the cache folder
    old = fd._lab_font_on
    try:
        fd._lab_font_on = True
        assert fd._lab_font("<td>亭江镇</td>") == ""
        extra = fd._lab_font("<td>鮀江街道</td>")
        assert "unicode-range: U+9B80;" in extra
        fd._lab_font_on = False
        assert fd._lab_font("<td>鮀江街道</td>") == ""  # no Lab font: nothing to add to
    finally:
        fd._lab_font_on = old
