"""Figures for papers: each chart as SVG (text as paths), PDF (embedded TrueType, extractable
Chinese) and 300-dpi PNG, named by page and chart, safe on Windows; ``fazhi render --figures``
writes them beside the pages and links them under each chart.

The unit tests draw real charts with the textplot functions and read the files back with the
readers a paper's author would meet (pypdf, an XML parser, PIL). The render tests run real
kernels: the overview and one dossier on the crafted corpus (rendered first without figures by
the session's shared render), tiny notebooks for a page's folder that cannot be written; a whole
figures folder that cannot be written is refused before any page runs, tested without kernels.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest
from crafted import REGION_PARAMS, TINY_PARAMS, write_notebook

from fazhi import display as fd
from fazhi import textplot as tp
from fazhi.figures import (
    FIGURES_ENV,
    FIGURES_HREF_ENV,
    chart_name,
    figure_name,
    folder_error,
    href,
    prepare_folder,
    save_figure,
    save_shown,
)
from fazhi.render import page_file
from fazhi.render.execute import _env_code, page_env
from fazhi.render.plan import figures_folder

# ---------------------------------------------------------------- charts as a paper needs them


def _themes(region: str) -> pd.DataFrame:
    return pd.DataFrame({"region": [region] * 3, "theme": ["普法宣传", "行政执法", "矛盾纠纷化解"],
                         "hits": [12, 30, 9], "n_units": [400] * 3,
                         "share": [0.03, 0.075, 0.0225]})


def _keyness(target: str) -> pd.DataFrame:
    return pd.DataFrame({"term": ["民法典", "八五普法", "扫黑除恶", "信访"], "n_target": [9, 7, 0, 1],
                         "n_reference": [1, 2, 8, 9], "g2": [8.1, 5.2, -7.7, -6.0],
                         "log_ratio": [2.2, 1.5, -3.0, -2.1]})


# (chart, the Chinese texts it draws); region names with full-width brackets and the middle dot
CHARTS = [
    (lambda: tp.textplot_themes(_themes("鼓楼区（福州市）"), by="region", kind="bar",
                                title="鼓楼区（福州市）：主题构成"),
     "textplot_themes", ["鼓楼区（福州市）：主题构成", "普法宣传", "矛盾纠纷化解"]),
    (lambda: tp.textplot_keyness(_keyness("亭江镇"), labels=("马尾区亭江镇", "其他地区"),
                                 title="关键性 · 马尾区亭江镇对比其他地区"),
     "textplot_keyness", ["关键性 · 马尾区亭江镇对比其他地区", "八五普法", "扫黑除恶"]),
    (lambda: tp.textplot_trend(pd.DataFrame(
        {"report_year": [2020, 2021, 2023], "term": ["民法典"] * 3, "count": [3, 8, 5],
         "n_docs": [1, 2, 1], "per_10k": [4.0, 9.5, 6.1]}), title="“民法典”出现频次（每万词）"),
     "textplot_trend", ["“民法典”出现频次（每万词）", "报告年度"]),
]


def _pdf_fonts(path: Path) -> list[dict]:
    """Every font a PDF's pages use: subtype, base font, descendant subtype, embedded file key."""
    import pypdf

    out = []
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            info = {"subtype": font["/Subtype"], "name": str(font.get("/BaseFont", "")),
                    "unicode": "/ToUnicode" in font}
            if "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object()
                info["cid"] = desc["/Subtype"]
                info["files"] = [k for k in ("/FontFile", "/FontFile2", "/FontFile3")
                                 if k in desc["/FontDescriptor"].get_object()]
            out.append(info)
    return out


def _pdf_text(path: Path) -> str:
    import pypdf

    return "".join(p.extract_text() for p in pypdf.PdfReader(path).pages)


def _family_name() -> str:
    from fontTools.ttLib import TTFont

    from fazhi.fonts import font_path

    return TTFont(font_path(), lazy=True)["name"].getDebugName(6)  # PostScript name


@pytest.mark.parametrize(("draw", "name", "texts"), CHARTS, ids=[c[1] for c in CHARTS])
def test_save_figure_writes_every_format_with_chinese_intact(draw, name, texts, tmp_path):
    from PIL import Image

    fig = draw()
    assert chart_name(fig) == name
    paths = save_figure(fig, tmp_path / "论文" / figure_name(2, chart_name(fig)))
    stem = f"02-{name}"
    assert paths == [tmp_path / "论文" / f"{stem}.{ext}" for ext in ("svg", "pdf", "png")]
    assert all(p.stat().st_size > 1000 for p in paths)
    assert not [p for p in (tmp_path / "论文").iterdir() if p not in paths]  # no temp files
    svg, pdf, png = paths

    # PDF: the Chinese font embedded as TrueType (Type 0 / CIDFontType2 / FontFile2, with a
    # ToUnicode map), and the text comes back out as Chinese
    fonts = _pdf_fonts(pdf)
    cjk = [f for f in fonts if _family_name() in f["name"]]
    assert cjk, fonts
    assert all(f["subtype"] == "/Type0" and f["cid"] == "/CIDFontType2" and
               f["files"] == ["/FontFile2"] and f["unicode"] for f in cjk), cjk
    assert not [f for f in fonts if f["subtype"] == "/Type3"], fonts
    text = unicodedata.normalize("NFKC", _pdf_text(pdf).replace("\n", ""))
    for t in texts:
        assert unicodedata.normalize("NFKC", t).replace(" ", "") in text.replace(" ", ""), t

    # SVG: valid XML, text drawn as paths (no <text> that needs the font), the strings kept
    # as comments
    root = ET.parse(svg).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    assert not list(root.iter(f"{ns}text"))
    assert len(list(root.iter(f"{ns}path"))) > 10
    comments = " ".join(re.findall(r"<!-- (.*?) -->", svg.read_text(encoding="utf-8"), re.S))
    for t in texts:
        assert t in comments, t

    # PNG: 300 dpi, said in the file and true of its pixels (the SVG's size in points)
    with Image.open(png) as im:
        dpi = im.info["dpi"]
        width, height = im.size
    assert dpi == pytest.approx((300, 300), abs=0.01)
    w_pt, h_pt = (float(root.get(k).removesuffix("pt")) for k in ("width", "height"))
    assert width == pytest.approx(w_pt / 72 * 300, abs=3)
    assert height == pytest.approx(h_pt / 72 * 300, abs=3)


def test_same_chart_same_bytes(tmp_path):
    a = save_figure(CHARTS[0][0](), tmp_path / "a")
    b = save_figure(CHARTS[0][0](), tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_word_cloud_is_an_image_in_every_format(tmp_path):
    from PIL import Image

    freq = pd.DataFrame({"term": ["法治政府", "民法典", "人民调解", "行政复议", "普法"],
                         "count": [30, 12, 9, 7, 5]})
    fig = tp.textplot_wordcloud(freq, title="亭江镇：高频词")
    svg, pdf, png = save_figure(fig, tmp_path / figure_name(1, chart_name(fig)))
    assert svg.name == "01-textplot_wordcloud.svg"
    root = ET.parse(svg).getroot()
    images = list(root.iter("{http://www.w3.org/2000/svg}image"))
    assert len(images) == 1
    assert images[0].get("{http://www.w3.org/1999/xlink}href").startswith("data:image/png;base64,")
    import pypdf

    page = pypdf.PdfReader(pdf).pages[0]
    assert [k for k, v in page["/Resources"]["/XObject"].items()
            if v.get_object()["/Subtype"] == "/Image"]
    assert "亭江镇：高频词" in _pdf_text(pdf)  # the title stays text
    with Image.open(png) as im:
        assert im.info["dpi"] == pytest.approx((300, 300), abs=0.01)


@pytest.mark.parametrize("formats", [("pdf",), ("png", "svg"), ()])
def test_save_figure_only_the_formats_asked(formats, tmp_path):
    fig = CHARTS[0][0]()
    if not formats:
        with pytest.raises(ValueError, match="formats"):
            save_figure(fig, tmp_path / "x", formats=formats)
        return
    paths = save_figure(fig, tmp_path / "x", formats=formats)
    assert [p.suffix[1:] for p in paths] == list(formats)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_bad_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="jpg"):
        save_figure(CHARTS[0][0](), tmp_path / "x", formats=("jpg",))


# ---------------------------------------------------------------- names

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}


def _windows_safe(part: str) -> bool:
    return (bool(part) and len(part) <= 255 and not re.search(r'[<>:"/\\|?*]', part)
            and not any(unicodedata.category(ch)[0] == "C" for ch in part)
            and not part.endswith((" ", ".")) and part.split(".")[0].upper() not in
            _WINDOWS_RESERVED)


# (level, the region's file part as the render names it, a chart label)
NAMES = [
    ("province", "广东省", "textplot_themes"),
    ("district", "福建省福州市鼓楼区", "textplot_indicators"),
    ("district", "鼓楼区（福州市）", "textplot_wordcloud"),
    ("city", "新疆维吾尔自治区伊犁哈萨克自治州·霍尔果斯市", "textplot_keyness"),
    ("town", "（不明）", "图3：主题/年度?"),
    ("town", "重庆市黔江区蓬东乡", "CON"),
    ("town", "a:b*c?d|e", 'q"uote<>'),
    ("district", "黔江区.", "trailing. "),
]


@pytest.mark.parametrize(("level", "region", "label"), NAMES)
def test_figure_paths_are_windows_safe_and_readable(level, region, label, tmp_path):
    page = page_file("05_dossier", level, region)
    folder = Path(figures_folder(tmp_path / "figures", page))
    name = figure_name(3, label)
    for part in (folder.name, f"{name}.svg", f"{name}.png", f"{name}.pdf"):
        assert _windows_safe(part), part
    assert folder.name == page.removesuffix(".html")
    assert re.fullmatch(r"03-.+", name)
    if re.fullmatch(r"[\w（）·]+", region):
        assert region in folder.name  # real names stay readable
    if label.isidentifier():
        assert name == f"03-{label}"
    rel = f"figures/{folder.name}/{name}.pdf"
    assert len(rel) < 200
    (folder).mkdir(parents=True)
    (folder / f"{name}.pdf").write_bytes(b"%PDF")  # a valid name on this system too


def test_distinct_labels_never_share_a_file():
    labels = ["图3：主题/年度?", "图3：主题_年度_", "图3 主题 年度", "a" * 300, "a" * 301]
    assert len({figure_name(1, x) for x in labels}) == len(labels)


@pytest.mark.parametrize(("path", "link"), [
    ("figures/05_dossier-province-广东省/01-textplot_wordcloud.svg",
     "figures/05_dossier-province-广东省/01-textplot_wordcloud.svg"),
    ("figures/05_dossier-district-鼓楼区（福州市）/02-textplot_themes.pdf",
     "figures/05_dossier-district-鼓楼区（福州市）/02-textplot_themes.pdf"),
    ("../论文 图表/100% #1?.png", "../论文%20图表/100%25%20%231%3F.png"),
    ("..\\figs\\01-x.svg", "../figs/01-x.svg"),
])
def test_links_are_relative_and_escaped(path, link):
    assert href(path) == link
    assert unquote(link) == path.replace("\\", "/")


def test_textplot_functions_name_their_figures_but_keep_a_callers_label():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    fig.set_label("图1")
    assert tp.textplot_themes(_themes("广东省"), by="region", kind="bar", ax=ax) is fig
    assert fig.get_label() == "图1"
    plt.close("all")
    assert tp.textplot_simil(pd.DataFrame([[1.0]], index=["a"], columns=["a"])).get_label() == \
        "textplot_simil"
    empty = tp.textplot_indicators(pd.DataFrame())
    assert empty.get_label() == "textplot_indicators"  # an empty chart is still the same chart
    plt.close("all")


# ---------------------------------------------------------------- show() in a page's kernel


def _capture(monkeypatch) -> list:
    from IPython import display as ipd

    shown: list = []
    monkeypatch.setattr(ipd, "display", lambda obj: shown.append(obj))
    return shown


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href = None

    def handle_starttag(self, tag, attrs):
        self._href = dict(attrs).get("href") if tag == "a" else None

    def handle_data(self, data):
        if self._href is not None:
            self.links.append((self._href, data))
            self._href = None


def _links(html: str) -> list[tuple[str, str]]:
    p = _Links()
    p.feed(html)
    return p.links


def test_show_writes_the_pages_charts_in_order_and_links_them(monkeypatch, tmp_path):
    folder = tmp_path / "figures" / "05_dossier-district-鼓楼区（福州市）"
    monkeypatch.setenv(FIGURES_ENV, str(folder))
    monkeypatch.setenv(FIGURES_HREF_ENV, "figures/05_dossier-district-鼓楼区（福州市）")
    shown = _capture(monkeypatch)
    fd.show(CHARTS[0][0]())
    fd.show(CHARTS[1][0]())
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{n}.{ext}" for n in ("01-textplot_themes", "02-textplot_keyness")
        for ext in ("svg", "pdf", "png"))
    assert [type(x).__name__ for x in shown] == ["Image", "HTML", "Image", "HTML"]
    assert shown[0].data.startswith(b"\x89PNG")
    links = _links(shown[3].data)
    assert [t for _, t in links] == ["SVG", "PDF", "PNG"]
    for link, _ in links:
        assert (tmp_path / unquote(link)).is_file()
        assert link.startswith("figures/05_dossier-district-鼓楼区（福州市）/02-textplot_keyness.")


def test_show_writes_nothing_without_the_variable(monkeypatch, tmp_path):
    monkeypatch.delenv(FIGURES_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    shown = _capture(monkeypatch)
    fd.show(CHARTS[0][0]())
    assert save_shown(CHARTS[0][0]()) == ""
    assert [type(x).__name__ for x in shown] == ["Image"]
    assert not list(tmp_path.iterdir())


def test_prepare_folder_replaces_only_chart_files(tmp_path):
    folder = tmp_path / "05_dossier-province-广东省"
    folder.mkdir()
    old = ["01-textplot_wordcloud.svg", "01-textplot_wordcloud.pdf", "12-figure.png"]
    kept = ["说明.txt", "图1.png", "01-notes.docx"]
    for n in old + kept:
        (folder / n).write_text("x", encoding="utf-8")
    prepare_folder(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(kept)


# ---------------------------------------------------------------- the page's kernel environment


def test_env_code_sets_and_removes_and_binds_no_name(monkeypatch):
    monkeypatch.setenv("FAZHI_TEST_GONE", "1")
    monkeypatch.delenv("FAZHI_TEST_SET", raising=False)
    ns: dict = {}
    exec(_env_code({"FAZHI_TEST_SET": "/报告/figures/01_overview", "FAZHI_TEST_GONE": None}), ns)
    assert os.environ["FAZHI_TEST_SET"] == "/报告/figures/01_overview"
    assert "FAZHI_TEST_GONE" not in os.environ
    assert set(ns) == {"__builtins__"}
    monkeypatch.delenv("FAZHI_TEST_SET")


def test_page_env(monkeypatch, tmp_path):
    monkeypatch.delenv(FIGURES_ENV, raising=False)
    monkeypatch.delenv(FIGURES_HREF_ENV, raising=False)
    assert page_env({"figures": ""}) == ({}, "")  # nothing to change: the kernel inherits
    monkeypatch.setenv(FIGURES_ENV, "/somewhere/else")  # a user's own setting never leaks in
    assert page_env({}) == ({FIGURES_ENV: None}, "")
    folder = tmp_path / "figures" / "01_overview"
    env, err = page_env({"figures": str(folder), "figures_href": "figures/01_overview"})
    assert env == {FIGURES_ENV: str(folder), FIGURES_HREF_ENV: "figures/01_overview"}
    assert err == "" and folder.is_dir()
    blocked = tmp_path / "figures" / "05_dossier-province-广东省"
    blocked.write_text("a file in the way", encoding="utf-8")
    env, err = page_env({"figures": str(blocked), "figures_href": "x"})
    assert env == {FIGURES_ENV: None}
    assert err.startswith(f"图表文件夹无法写入 / cannot write figures to {blocked}: ")
    assert "\n" not in err


def test_folder_error_is_one_line_naming_the_path():
    err = folder_error("/只读/figures", PermissionError(13, "Permission denied"))
    assert err == "图表文件夹无法写入 / cannot write figures to /只读/figures: Permission denied"


# ---------------------------------------------------------------- render --figures, real kernels


def _page_links(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    lines = re.findall(r'<p class="fazhi-figure-files".*?</p>', html, flags=re.S)
    return [link for line in lines for link, _ in _links(line)]


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _charts(*names: str) -> list[str]:
    return sorted(f"{n}.{ext}" for n in names for ext in ("svg", "pdf", "png"))


DOSSIER = "05_dossier-province-广东省"


def test_render_figures_beside_the_pages(rendered, tmp_path, capsys):
    """01_overview and the 广东省 dossier: rendered without figures (the session's render, copied),
    then with --figures (both rendered again, every chart written and linked under it), then
    again (both skipped); the links still work after the output folder is moved."""
    from fazhi.cli import main

    report_store = rendered.reports
    out = tmp_path / "out"

    def cmd(folder: Path, *extra: str) -> list[str]:
        return ["render", str(report_store.store), "--notebooks-dir", str(report_store.notebooks),
                "--out", str(folder), "--notebooks", "01", "05", "--only", "广东省",
                "--workers", "1", *extra]

    first = rendered.result
    assert first.ok and first.figures is None
    assert {"01_overview.html", f"{DOSSIER}.html"} <= {p.file for p in first.pages}
    assert not (rendered.out / "figures").exists()  # without --figures nothing extra is written
    assert not _page_links(rendered.out / "01_overview.html")
    assert not _page_links(rendered.out / f"{DOSSIER}.html")
    shutil.copytree(rendered.out, out)  # the shared render stays as it is

    assert main(cmd(out, "--figures")) == 0
    captured = capsys.readouterr()
    assert "2 页 / pages: 2 rendered, 0 skipped, 0 failed" in captured.out, captured
    assert f"图表文件 / figures: {(out / 'figures').resolve()}" in captured.out
    assert _files(out / "figures") == ["01_overview", DOSSIER]
    assert _files(out / "figures" / "01_overview") == \
        _charts("01-textplot_trend", "02-textplot_wordcloud")
    assert _files(out / "figures" / DOSSIER) == \
        _charts("01-textplot_wordcloud", "02-textplot_themes", "03-textplot_network",
                "04-textplot_indicators")
    for stem in ("01_overview", DOSSIER):
        page = out / f"{stem}.html"
        links = _page_links(page)
        # one line per chart, right under it, in chart order; every file linked once
        assert sorted(Path(unquote(x)).name for x in links) == _files(out / "figures" / stem)
        assert all(not x.startswith(("/", "file:")) and "://" not in x for x in links)
        html = page.read_text(encoding="utf-8")
        assert html.count('class="fazhi-figure-files"') == len(links) // 3
        assert all(html.index(f'href="{links[i]}"') < html.index(f'href="{links[i + 3]}"')
                   for i in range(0, len(links) - 3, 3))
    pdf = out / "figures" / DOSSIER / "02-textplot_themes.pdf"
    assert "广东省" in _pdf_text(pdf)

    assert main(cmd(out, "--figures")) == 0
    assert "2 页 / pages: 0 rendered, 2 skipped, 0 failed" in capsys.readouterr().out
    assert main(cmd(out)) == 0  # without --figures the pages (and their links) stay as they are
    assert "0 rendered, 2 skipped" in capsys.readouterr().out

    moved = tmp_path / "moved" / "报告"
    shutil.move(str(out), str(moved))
    for stem in ("01_overview", DOSSIER):
        for link in _page_links(moved / f"{stem}.html"):
            assert (moved / unquote(link)).is_file(), link
    # the state records the folders relative to the output folder: still current when moved
    assert main(cmd(moved, "--figures")) == 0
    assert "0 rendered, 2 skipped" in capsys.readouterr().out
    shutil.rmtree(moved / "figures" / DOSSIER)  # a deleted figures folder is written again
    assert main(cmd(moved, "--figures")) == 0
    assert "1 rendered, 1 skipped" in capsys.readouterr().out
    assert _files(moved / "figures" / DOSSIER) == \
        _charts("01-textplot_wordcloud", "02-textplot_themes", "03-textplot_network",
                "04-textplot_indicators")


CHART_CELL = ("import matplotlib.pyplot as plt\nfrom fazhi import display as fd\n"
              "fig, ax = plt.subplots(figsize=(3, 2))\nax.set_title('法治政府建设 ' + {who})\n"
              "fig.set_label('图表')\nfd.show(fig)")


def _tiny_chart_notebooks(folder: Path) -> Path:
    folder.mkdir()
    write_notebook(folder / "01_chart.ipynb", TINY_PARAMS, [CHART_CELL.format(who="'全部'")])
    write_notebook(folder / "05_chart.ipynb", REGION_PARAMS, [CHART_CELL.format(who="region")])
    return folder


def _read_only(folder: Path) -> Path:
    folder.mkdir()
    folder.chmod(0o555)
    return folder / "figures"


class _PageExecutor:
    """Runs no kernel: records each task, the environment :func:`page_env` (the real one) gives
    its kernel, and writes a small page, as a page whose charts wrote nothing would be."""

    def __init__(self):
        self.kernel_env: dict[str, dict] = {}

    def __call__(self, tasks, on_done, **_):
        for t in tasks:
            env, err = page_env(t)
            self.kernel_env[t["file"]] = {k: v for k, v in {**os.environ, **env}.items()
                                          if k in (FIGURES_ENV, FIGURES_HREF_ENV) and v is not None}
            Path(t["out"], t["file"]).write_text(f"<html>{t['title']}</html>", "utf-8")
            on_done({**t, "status": "rendered", "seconds": 0.1, "error": "",
                     "figures_error": err})


@pytest.mark.parametrize("case", ["file-in-the-way", "under-a-file", "read-only", "one-page"])
def test_render_with_an_unwritable_figures_folder(case, report_store, tmp_path, capsys,
                                                  monkeypatch):
    """A --figures folder that cannot be written: one line naming it, the pages still rendered
    (without figures; the others' figures written), exit code 1.

    A whole folder that cannot be written is known before any page runs: those pages need no
    kernel (the executor records what each page's kernel would be given: no figures folder).
    The folder of one page is found unwritable by the page's own worker: real kernels, which
    write the other page's charts."""
    from fazhi.cli import main

    if case == "read-only" and os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    nbdir, out = _tiny_chart_notebooks(tmp_path / "nb"), tmp_path / "out"
    page = "05_chart-province-广东省"
    executor = _PageExecutor()
    if case != "one-page":
        monkeypatch.setattr("fazhi.render.run_pages", executor)
    if case == "file-in-the-way":
        target = tmp_path / "figs"
        target.write_text("not a folder", encoding="utf-8")
    elif case == "under-a-file":
        (tmp_path / "figs").write_text("not a folder", encoding="utf-8")
        target = tmp_path / "figs" / "sub"
    elif case == "read-only":
        target = _read_only(tmp_path / "ro")
    else:
        target = tmp_path / "figs"
        target.mkdir()
        (target / page).write_text("a file where the page's folder goes", encoding="utf-8")
        target = target / page
    try:
        code = main(["render", str(report_store.store), "--notebooks-dir", str(nbdir),
                     "--out", str(out), "--only", "广东省", "--workers", "1", "--figures-dir",
                     str(target if case != "one-page" else target.parent)])
    finally:
        if case == "read-only":
            target.parent.chmod(0o755)
    captured = capsys.readouterr()
    assert code == 1, captured
    errors = [ln for ln in captured.err.splitlines() if "cannot write figures" in ln]
    assert len(errors) == 1, captured.err
    assert str(target.resolve()) in errors[0]
    assert "2 页 / pages: 2 rendered, 0 skipped, 0 failed" in captured.out
    assert captured.out.splitlines()[-1] == str((out / "index.html").resolve())
    assert sorted(p.name for p in out.glob("*.html")) == ["01_chart.html", f"{page}.html",
                                                          "index.html"]
    assert not _page_links(out / f"{page}.html")
    if case != "one-page":  # both pages ran, and neither kernel would get a figures folder
        assert executor.kernel_env == {"01_chart.html": {}, f"{page}.html": {}}
        assert not target.is_dir()  # nothing was made there
    if case == "one-page":  # the other page has its figures, the blocked one is left alone
        assert _files(target.parent / "01_chart") == _charts("01-图表")
        assert len(_page_links(out / "01_chart.html")) == 3
        assert target.read_text(encoding="utf-8").startswith("a file")
        # the next run with a writable folder renders that page again, with its figures
        target.unlink()
        assert main(["render", str(report_store.store), "--notebooks-dir", str(nbdir),
                     "--out", str(out), "--only", "广东省", "--workers", "1",
                     "--figures-dir", str(target.parent)]) == 0
        assert "1 rendered, 1 skipped" in capsys.readouterr().out
        assert _files(target) == _charts("01-图表")


# (the last run's figures folder, the one asked for now, whether it is still there) -> skipped
SKIPS = [
    ("", "", False, True),                                         # no figures, none asked
    ("figures/01_overview", "", True, True),                       # asked no more: page stays
    ("", "figures/01_overview", False, False),                     # asked now: rendered again
    ("figures/01_overview", "figures/01_overview", True, True),
    ("figures/01_overview", "figures/01_overview", False, False),  # folder deleted
    ("figures/01_overview", "../论文/01_overview", False, False),   # another folder
]


@pytest.mark.parametrize(("last", "asked", "there", "skipped"), SKIPS)
def test_skip_logic_takes_figures_into_account(last, asked, there, skipped):
    from fazhi.render.plan import Page, skip_unchanged

    page = Page("01_overview", "corpus", "", "01_overview.html", key="k", figures=asked)
    state = {"pages": {"01_overview.html": {"key": "k", "status": "rendered", "figures": last}}}
    todo = skip_unchanged([page], state, {"01_overview.html"},
                          figures_present={last} if there else ())
    assert (todo == []) is skipped
    assert page.status == ("skipped" if skipped else "rendered")
