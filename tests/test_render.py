"""`fazhi render` for real: pages per region, offline escaped HTML, index with provenance, fresh
kernels, failures, Dask.

The notebooks run once per session (tests/conftest.py ``rendered``: the sample reports, a crafted
report with markup in its title and body, and reports with unknown metadata); this file, the
notebook tests and the browser test assert on those pages. The tests that need their own render
(one kernel per page, a failing page, a Dask cluster) use tiny notebooks; planning (regions,
--only, skips, re-runs) is tested without kernels in test_render_plan.py.
"""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import PROVINCES
from crafted import REGION_PARAMS, XSS_IMG, XSS_SCRIPT, write_notebook

from fazhi.render import (
    STATE_FILE,
    UNKNOWN_REGION,
    find_notebooks,
    is_per_region,
    page_file,
    render,
    safe_name,
)


def _html_pages(out: Path) -> list[Path]:
    return sorted(out.glob("*.html"))


# ---------------------------------------------------------------- safe names

NASTY = [
    "../etc/passwd", "..", ".", "/", "\\", "a/b", "a\\b", "..\\..\\windows", "x\x00y", "新\n区",
    "tab\tname", "\x7f", "C:\\temp", "CON", "nul", "  ", "", ".hidden", "-rf",
    "街道" * 200, "a" * 500, "<script>alert(1)</script>", 'q"uote', "a:b*c?d|e",
    "e\u0301", "\u00e9", "广东/省", "广东\\省", "广东_省", "广东..省",
]


@pytest.mark.parametrize("name", NASTY)
def test_safe_name_cannot_leave_out(name, tmp_path):
    s = safe_name(name)
    assert s and "/" not in s and "\\" not in s and ".." not in s
    assert not any(unicodedata.category(ch)[0] == "C" for ch in s)
    assert not s.startswith((".", "-", " "))
    assert len(s.encode()) <= 100
    f = page_file("05_dossier", "town", name)
    target = (tmp_path / f).resolve()
    assert target.parent == tmp_path.resolve()
    target.write_text("ok", encoding="utf-8")  # a valid file name on this system


def test_safe_names_never_collide():
    names = [n for n in NASTY if n] + ["广东省", "广东省 ", "福建省"]
    files = {page_file("05_dossier", "province", n) for n in set(names)}
    assert len(files) == len(set(names))


@pytest.mark.parametrize("name", ["广东省", "汕头市", "金平区", "月浦街道", "蓬东乡", "重庆市"])
def test_real_region_names_kept_readable(name):
    assert safe_name(name) == name
    assert page_file("05_dossier", "province", name) == f"05_dossier-province-{name}.html"


@pytest.mark.parametrize("text", ["马尾区亭江镇2020年度法治政府建设工作报告", "（一）扫黑除恶；“八五”普法",
                                  "ASCII only"])
def test_embedded_font_holds_exactly_the_chinese_characters(text):
    import base64
    import io

    from fontTools.ttLib import TTFont

    from fazhi.render import font_css

    css = font_css(text)
    wanted = {ch for ch in text if ord(ch) > 0x2000}
    if not wanted:
        assert css == ""
        return
    assert 'src: url(data:font/woff;base64,' in css and 'format("woff")' in css
    data = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)\)", css).group(1))
    assert data[:4] == b"wOFF"  # what the rule says it is (browsers would sniff a TrueType file)
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    assert {chr(c) for c in cmap} == wanted


# ---------------------------------------------------------------- the shared render

ANON = "2023-anonymised-town-template.txt"
# the reports without a province, and why: listed on the index and by the CLI, no dossier
UNPLACED = {ANON: "省不明（匿名报告） / province unknown",
            "no-title.txt": "省不明 / province unknown",
            "untitled-report.txt": "省不明 / province unknown",
            "work-summary.txt": "省不明 / province unknown"}
TOWN_PAGE = "05_dossier-town-重庆市黔江区蓬东乡.html"


def _all_pages(rendered) -> list[Path]:
    return _html_pages(rendered.out) + _html_pages(rendered.town_out)


def _visible(html: str) -> str:
    body = re.sub(r"<style.*?</style>|<script.*?</script>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def test_every_notebook_and_region_has_a_page(rendered):
    nbs = find_notebooks(rendered.reports.notebooks)
    assert [nb.stem for nb in nbs] == ["01_overview", "02_keywords", "03_trends", "04_compare",
                                       "05_dossier", "06_topics", "07_accountability"]
    # in notebook order; a per-region notebook: its regions, then the unknown-region entry ("")
    expected = [f for nb in nbs for f in ([page_file(nb.stem, "province", p) for p in PROVINCES]
                                          + [""] if is_per_region(nb) else [page_file(nb.stem)])]
    pages = rendered.result.pages
    assert [p.file for p in pages] == expected
    unknown = next(p for p in pages if p.file == "")
    assert (unknown.region, unknown.status) == (UNKNOWN_REGION, "skipped")
    assert unknown.reason.startswith("4 份报告的省不明，不生成档案")
    assert {r["file"]: r["reason"] for r in unknown.reports} == UNPLACED
    assert [p.file for p in rendered.town_pages] == [TOWN_PAGE]


def test_every_page_renders(rendered):
    result, out = rendered.result, rendered.out
    failed = [(p.file, p.error) for p in result.pages if p.status == "failed"]
    assert not failed, failed
    assert result.ok and not result.errors
    assert all(p.status == "rendered" for p in result.pages if p.file)
    assert sorted(f.name for f in _html_pages(out)) == \
        sorted([p.file for p in result.pages if p.file] + ["index.html"])
    # the town page, through the command
    assert rendered.town_code == 0, rendered.town_stderr
    lines = rendered.town_stdout.splitlines()
    assert lines[-1] == str((rendered.town_out / "index.html").resolve())
    assert lines[-2].startswith("1 页 / pages: 1 rendered, 0 skipped, 0 failed in ")
    assert [(p.file, p.status) for p in rendered.town_pages] == [(TOWN_PAGE, "rendered")]
    assert sorted(f.name for f in _html_pages(rendered.town_out)) == [TOWN_PAGE, "index.html"]


_URL = re.compile(r"""url\(\s*["']?([^"')]*)|@import\s+["']([^"']+)""", re.I)
_URL_ATTRS = {"src", "href", "action", "poster", "data", "srcset", "formaction", "background",
              "manifest", "xlink:href"}


class _Refs(HTMLParser):
    """Every URL a browser would load or follow: tag attributes, CSS url()/@import in <style>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self._style = False

    def handle_starttag(self, tag, attrs):
        self._style = tag == "style"
        for k, v in attrs:
            if k in _URL_ATTRS and v is not None:
                self.refs.append(v.strip())
            elif k == "style" and v:
                self.refs += [next(g for g in m.groups() if g) for m in _URL.finditer(v)]

    def handle_endtag(self, tag):
        self._style = False

    def handle_data(self, data):
        if self._style:
            self.refs += [next(g for g in m.groups() if g is not None)
                          for m in _URL.finditer(data)]


def _refs(html: str) -> list[str]:
    parser = _Refs()
    parser.feed(html)
    return parser.refs


_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+")


def test_pages_reference_nothing_external(rendered):
    for page in _all_pages(rendered):
        html = page.read_text(encoding="utf-8")
        for ref in _refs(html):
            if ref.startswith(("data:", "#")) or ref == "":
                continue
            assert "://" not in ref and not ref.startswith("//"), f"{page.name}: {ref}"
            assert (page.parent / ref.split("#")[0]).is_file(), f"{page.name}: broken link {ref}"
        assert not re.search(r"<script[^>]*\bsrc=", html, re.I), page.name
        assert not re.search(r"<link[^>]*\bhref=", html, re.I), page.name
        # (embedded images and fonts are base64: lower-cased, their letters can spell "cdnjs" by chance)
        text = _DATA_URI.sub("data:", html).lower()
        for cdn in ("cdnjs", "unpkg.com", "jsdelivr", "require.min.js", "mathjax.js",
                    "fonts.googleapis", "mermaid.esm"):
            assert cdn not in text, f"{page.name} mentions {cdn}"


def test_pages_embed_images_and_font_and_hide_inputs(rendered):
    pages = [p for p in _all_pages(rendered) if p.name != "index.html"]
    assert len(pages) == 6 + len(PROVINCES) + 1  # corpus-wide pages, dossiers, the town page
    some_image = False
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "jp-CodeMirrorEditor" not in html.split("</style>")[-1], page.name
        assert "open_corpus(" not in html, page.name
        assert re.search(r"[\u4e00-\u9fff]", html), page.name
        some_image |= "data:image/png;base64," in html
        assert "url(data:font/woff;base64,d09GR" in html, f"{page.name}: no embedded WOFF font"
        assert '<html lang="zh"' in html, page.name
    assert some_image, "no page embeds a chart"


def test_markup_from_reports_stays_text(rendered):
    index = (rendered.out / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in index
    dossier = (rendered.out / "05_dossier-province-广东省.html").read_text(encoding="utf-8")
    assert "window.__xss" in dossier  # the crafted report reaches the Guangdong dossier ...
    for page in _all_pages(rendered):
        html = page.read_text(encoding="utf-8")
        assert XSS_SCRIPT not in html and "<script>window.__xss" not in html, page.name
        assert XSS_IMG not in html and "<img src=x" not in html, page.name  # ... as text


def test_index_groups_pages_and_has_provenance(rendered):
    corpus, out = rendered.corpus, rendered.out
    index = (out / "index.html").read_text(encoding="utf-8")
    m = corpus.manifest
    for needle in ["全部语料", "按地区 / by region", "层级 / levels: 省级", UNKNOWN_REGION, "广东省",
                   m["lexicon"], m["package"], m["built"]]:
        assert needle in index, needle
    for row in corpus.docs.itertuples():
        assert row.file in index
        assert row.text_hash[:16] in index
        assert m["files"][row.file]["hash"][:16] in index
    for p in rendered.result.pages:
        if p.file:
            assert f'href="{p.file}"' in index
    section = _visible(index).split("未定位的报告 / Reports without a region")[1] \
        .split("来源与版本 / Provenance")[0]
    assert f"{UNKNOWN_REGION} 05_dossier [skipped] 4 份报告的省不明" in section
    for f, reason in UNPLACED.items():
        assert f in section and reason.split(" / ")[0] in section


def test_pages_say_what_is_unknown_and_show_no_missing_values(rendered):
    """A third of the crafted corpus's reports have no year or place: every page says so in
    words, never with a traceback or a NaN."""
    for page in _all_pages(rendered):
        text = _visible(page.read_text(encoding="utf-8"))
        assert "Traceback" not in text and "Error" not in text, page.name
        for bad in ("<NA>", " nan ", " NaN ", " None "):
            assert bad not in f" {text} ", (page.name, bad)
    overview = _visible((rendered.out / "01_overview.html").read_text(encoding="utf-8"))
    assert "另有 3 份报告年度不明" in overview and "元数据核查" in overview
    trends = _visible((rendered.out / "03_trends.html").read_text(encoding="utf-8"))
    assert "3 份报告年度不明，不计入" in trends


def test_state_file_is_valid_json(rendered):
    out = rendered.out
    state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    assert set(state["pages"]) == {p.file for p in rendered.result.pages if p.file}
    assert {s["status"] for s in state["pages"].values()} == {"rendered"}
    assert not list(out.glob(".*.tmp")) and not (out / ".executed").exists()


def test_cli_rerun_with_nothing_changed_skips_every_page(rendered, capsys):
    from fazhi.cli import main
    from fazhi.corpus import read_manifest

    out = rendered.out
    before = {p.name: p.stat().st_mtime_ns for p in _html_pages(out) if p.name != "index.html"}
    build = rendered.corpus.manifest["build"]
    code = main(["render", str(rendered.store), "--notebooks-dir",
                 str(rendered.reports.notebooks), "--out", str(out), "--only", *PROVINCES,
                 UNKNOWN_REGION])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    lines = captured.out.splitlines()
    assert lines[-1] == str((out / "index.html").resolve())
    n = len(rendered.result.pages)  # every page the first render planned, skipped now
    assert n >= 9, [p.file for p in rendered.result.pages]
    assert re.fullmatch(rf"{n} 页 / pages: 0 rendered, {n} skipped, 0 failed in [\d.]+ s; "
                        r"4 份报告地区不明，未生成档案 / 4 report\(s\) not placed", lines[-2])
    assert [ln for ln in lines if ln.startswith("    ")] == \
        [f"    跳过 / skipped {f}: {reason}" for f, reason in UNPLACED.items()]
    after = {p.name: p.stat().st_mtime_ns for p in _html_pages(out) if p.name != "index.html"}
    assert after == before
    assert read_manifest(rendered.store)["build"] == build  # never re-segments


# ---------------------------------------------------------------- tiny notebooks, real kernels

LEAK_CELLS = [
    # what the page's kernel held before this page's own code ran: user names and history
    "import sys\n"
    "names = sorted(k for k in globals() if not k.startswith('_') and k not in\n"
    "               ('In', 'Out', 'get_ipython', 'exit', 'quit', 'open', 'sys'))\n"
    "print('名字', names, '计数', len(In))",
    "print('遗留', [k for k in globals() if k.startswith('leaked_')],\n"
    "      '标记', getattr(sys.modules.get('pandas'), '__fazhi_marker__', None))",
    "globals()['leaked_' + str(abs(hash(region)))] = region\n"
    "import pandas\npandas.__fazhi_marker__ = region",
    "print('地区', level, region)",
    # last: a failing page has left its traces too
    "if region == '福建省':\n    raise ValueError('故意失败 <b>not bold</b>')",
]


def _leak_notebook(folder: Path) -> Path:
    folder.mkdir()
    write_notebook(folder / "05_leak.ipynb", REGION_PARAMS, LEAK_CELLS)
    return folder


def _assert_fresh_kernels(out: Path, files: list[str]) -> None:
    """Each page saw the same clean namespace: no names, history or module attributes of an
    earlier page."""
    seen = set()
    for f in files:
        text = unicodedata.normalize("NFC", _visible((out / f).read_text(encoding="utf-8")))
        found = re.search(r"名字 (\[.*?\]) 计数 (\d+)", text)
        assert found, f
        seen.add(found.groups())
        assert re.search(r"遗留 \[ ?\] 标记 None", text), f
    assert len(seen) == 1
    names = json.loads(next(iter(seen))[0].replace("'", '"'))
    assert set(names) <= {"corpus_path", "level", "region"}


def test_a_failing_page_does_not_stop_the_others_and_every_page_gets_a_fresh_kernel(
        report_store, tmp_path, capsys):
    """Three pages on two worker processes, whose kernels are started early (while the previous
    page is exported): one page fails, the others render, each in a clean kernel."""
    from fazhi.cli import main

    nbdir, out = _leak_notebook(tmp_path / "nb"), tmp_path / "out"
    code = main(["render", str(report_store.store), "--notebooks-dir", str(nbdir),
                 "--out", str(out), "--workers", "2", "--only", "广东省", "福建省", "重庆市"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.strip().splitlines()[-1] == str((out / "index.html").resolve())
    assert "失败 / FAILED 05_leak-province-福建省.html (05_leak 福建省)" in captured.err
    assert "ValueError" in captured.err and "故意失败" in captured.err
    assert "3 页 / pages: 2 rendered, 0 skipped, 1 failed" in captured.out
    ok = ["05_leak-province-广东省.html", "05_leak-province-重庆市.html"]
    assert sorted(p.name for p in out.glob("*.html")) == sorted([*ok, "index.html"])
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "故意失败 &lt;b&gt;not bold&lt;/b&gt;" in index and "<b>not bold" not in index
    page = (out / ok[0]).read_text(encoding="utf-8")
    assert "地区 province 广东省" in _visible(page)
    assert "<title>05_leak · 广东省</title>" in page
    _assert_fresh_kernels(out, ok)


def test_pages_in_one_process_get_a_fresh_kernel_each(report_store, tmp_path):
    nbdir, out = _leak_notebook(tmp_path / "nb"), tmp_path / "out"
    result = render(report_store.store, out=out, notebooks_dir=nbdir, workers=1,
                    only=["广东省", "重庆市"], progress=False)
    files = [p.file for p in result.pages]
    assert files == ["05_leak-province-广东省.html", "05_leak-province-重庆市.html"]
    assert result.ok, result.errors
    _assert_fresh_kernels(out, files)


@pytest.mark.slow
def test_dask_cluster_renders_the_pages(report_store, tmp_path):
    distributed = pytest.importorskip("distributed")
    nbdir, out = _leak_notebook(tmp_path / "nb"), tmp_path / "dask"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        result = render(report_store.store, out=out, notebooks_dir=nbdir, scheduler=client,
                        only=["广东省", "福建省"], progress=False)
    assert [(p.file, p.status) for p in result.pages] == [
        ("05_leak-province-广东省.html", "rendered"), ("05_leak-province-福建省.html", "failed")]
    assert "故意失败" in result.pages[1].error and result.errors
    assert not (out / "05_leak-province-福建省.html").exists()
    page = (out / "05_leak-province-广东省.html").read_text("utf-8")
    assert "地区 province 广东省" in _visible(page)
    _assert_fresh_kernels(out, ["05_leak-province-广东省.html"])
