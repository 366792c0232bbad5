"""`fazhi render`: pages per region, offline escaped HTML, index with provenance, cache, failures, Dask.

One real render of the sample corpus plus a crafted report (markup in its title and body) is
shared by this file and tests/test_browser.py (``sample_render``); the cache, failure and Dask
tests use tiny notebooks in a temp folder, over the same built store.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import RAW

from fazhi.render import (
    STATE_FILE,
    UNKNOWN_REGION,
    find_notebooks,
    is_per_region,
    page_file,
    render,
    safe_name,
)

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=2">'
XSS_TITLE = f"{XSS_SCRIPT}测试镇2022年度法治政府建设工作报告{XSS_IMG}"
XSS_FILE = "2022-crafted-xss.txt"
XSS_BODY = f"""{XSS_TITLE}

2022年，测试镇坚持以习近平法治思想为指导，深入推进法治政府建设，现将有关情况报告如下：{XSS_SCRIPT}

一、主要工作开展情况

（一）加强组织领导。镇党委、政府主要负责人切实履行推进法治建设第一责任人职责，{XSS_IMG}全年召开\
专题会议4次，研究部署法治政府建设工作。

（二）深化普法宣传。开展民法典宣传活动12场，发放宣传资料3000余份，调处矛盾纠纷56件，\
持续优化营商环境。

二、存在的问题

一是法治宣传形式较为单一；二是执法人员专业素质有待提高。

三、下一步工作打算

继续深入学习贯彻习近平法治思想，加强行政执法规范化建设，优化营商环境。
"""

_CACHE: dict[str, dict] = {}


def make_xss_corpus(dst: Path) -> Path:
    """data/raw copied to ``dst`` plus a crafted report whose title and body carry markup.

    Its title and place come from a metadata.csv override (as a user would fix an unrecognised
    title), so the markup reaches titles, tables and the Guangdong dossier.
    """
    shutil.copytree(RAW, dst)
    (dst / XSS_FILE).write_text(XSS_BODY, encoding="utf-8")
    meta = dst / "metadata.csv"
    rows, fields = [], ["file", "title", "province", "city", "town", "report_year"]
    if meta.is_file():  # keep the sample's own overrides
        with meta.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
            fields += [f for f in reader.fieldnames or [] if f not in fields]
    rows.append({"file": XSS_FILE, "title": XSS_TITLE, "province": "广东省", "city": "汕头市",
                 "town": "测试镇", "report_year": "2022"})
    with meta.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return dst


def sample_render(tmp_path_factory) -> dict:
    """Render the sample corpus + crafted report once per session (shared with the browser test)."""
    if "sample" not in _CACHE:
        from fazhi.corpus import build_store, load_corpus

        base = tmp_path_factory.mktemp("render")
        raw = make_xss_corpus(base / "raw")
        store = base / "store"
        build_store(raw, store, workers=1, progress=False)
        # a copy of the notebooks: the render (and its cache) must not see later edits
        nbdir = base / "notebooks"
        nbdir.mkdir()
        for nb in find_notebooks():
            shutil.copy2(nb, nbdir / nb.name)
        out = base / "reports"
        result = render(store, out=out, workers=2, progress=False, notebooks_dir=nbdir)
        _CACHE["sample"] = {"result": result, "out": out, "raw": raw, "store": store,
                            "notebooks": nbdir,
                            "corpus": load_corpus(store), "base": base}
    return _CACHE["sample"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return sample_render(tmp_path_factory)


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
    data = re.search(r"base64,([A-Za-z0-9+/=]+)\)", css).group(1)
    cmap = TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap()
    assert {chr(c) for c in cmap} == wanted


# ---------------------------------------------------------------- the sample render


def test_every_notebook_and_region_has_a_page(sample):
    result, corpus = sample["result"], sample["corpus"]
    nbs = find_notebooks(sample["notebooks"])
    assert nbs, "no notebooks found"
    files = {p.file for p in result.pages}
    provinces = sorted({p for p in corpus.docs["province"].fillna("") if p})
    assert "广东省" in provinces
    for nb in nbs:
        if is_per_region(nb):
            for prov in provinces:
                assert page_file(nb.stem, "province", prov) in files
            unknown = [p for p in result.pages if p.notebook == nb.stem
                       and p.region == UNKNOWN_REGION]
            assert len(unknown) == 1 and unknown[0].status == "skipped" and unknown[0].reason
        else:
            assert page_file(nb.stem) in files


def test_sample_render_has_no_failures(sample):
    result = sample["result"]
    failed = [(p.file, p.error) for p in result.pages if p.status == "failed"]
    assert not failed, failed
    assert result.ok and not result.errors
    for p in result.pages:
        if p.file:
            assert (sample["out"] / p.file).is_file()
    assert sorted(f.name for f in _html_pages(sample["out"])) == \
        sorted([p.file for p in result.pages if p.file] + ["index.html"])


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


def test_pages_reference_nothing_external(sample):
    out = sample["out"]
    for page in _html_pages(out):
        html = page.read_text(encoding="utf-8")
        for ref in _refs(html):
            if ref.startswith(("data:", "#")) or ref == "":
                continue
            assert "://" not in ref and not ref.startswith("//"), f"{page.name}: {ref}"
            assert (out / ref.split("#")[0]).is_file(), f"{page.name}: broken link {ref}"
        assert not re.search(r"<script[^>]*\bsrc=", html, re.I), page.name
        assert not re.search(r"<link[^>]*\bhref=", html, re.I), page.name
        for cdn in ("cdnjs", "unpkg.com", "jsdelivr", "require.min.js", "mathjax.js",
                    "fonts.googleapis", "mermaid.esm"):
            assert cdn not in html.lower(), f"{page.name} mentions {cdn}"


def test_pages_embed_images_and_hide_inputs(sample):
    out = sample["out"]
    pages = [p for p in _html_pages(out) if p.name != "index.html"]
    assert pages
    some_image = False
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "jp-CodeMirrorEditor" not in html.split("</style>")[-1], page.name
        assert "open_corpus(" not in html, page.name
        assert re.search(r"[\u4e00-\u9fff]", html), page.name
        some_image |= "data:image/png;base64," in html
        assert "url(data:font/woff;base64," in html, f"{page.name}: no embedded Chinese font"
        assert '<html lang="zh"' in html, page.name
    assert some_image, "no page embeds a chart"


def test_markup_from_reports_stays_text(sample):
    out = sample["out"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in index
    for page in _html_pages(out):
        html = page.read_text(encoding="utf-8")
        assert "<script>window.__xss" not in html, page.name
        assert "<img src=x" not in html and "onerror=\"window" not in html, page.name


def test_index_groups_pages_and_has_provenance(sample):
    result, corpus, out = sample["result"], sample["corpus"], sample["out"]
    index = (out / "index.html").read_text(encoding="utf-8")
    m = corpus.manifest
    needles = ["全部语料", m["lexicon"], m["package"], m["built"]]
    if any(p.level == "province" for p in result.pages):
        needles += ["按省级地区", UNKNOWN_REGION, "广东省"]
    for needle in needles:
        assert needle in index, needle
    for row in corpus.docs.itertuples():
        assert row.file in index
        assert row.text_hash[:16] in index
        assert m["files"][row.file]["hash"][:16] in index
    for p in result.pages:
        if p.file:
            assert f'href="{p.file}"' in index


def test_state_file_is_valid_json(sample):
    out = sample["out"]
    state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    assert set(state["pages"]) == {p.file for p in sample["result"].pages if p.file}
    assert not list(out.glob(".*.tmp")) and not (out / ".executed").exists()


def test_rerun_with_nothing_changed_skips_every_page(sample):
    out = sample["out"]
    before = {p.name: p.stat().st_mtime_ns for p in _html_pages(out) if p.name != "index.html"}
    build = sample["corpus"].manifest["build"]
    again = render(sample["store"], out=out, progress=False, notebooks_dir=sample["notebooks"])
    assert [p.status for p in again.pages] == ["skipped"] * len(again.pages)
    after = {p.name: p.stat().st_mtime_ns for p in _html_pages(out) if p.name != "index.html"}
    assert after == before
    from fazhi.corpus import read_manifest

    assert read_manifest(sample["store"])["build"] == build  # never re-segments


# ---------------------------------------------------------------- tiny notebooks: cache, failures

TINY_PARAMS = 'corpus_path: str = ""  # built store\n'


def _notebook(path: Path, params: str, cells: list[str]) -> None:
    import nbformat as nbf

    nb = nbf.v4.new_notebook()
    p = nbf.v4.new_code_cell(params)
    p.metadata["tags"] = ["parameters"]
    nb.cells = [nbf.v4.new_markdown_cell("# 测试页 / test page"), p,
                *[nbf.v4.new_code_cell(c) for c in cells]]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbf.write(nb, str(path))


@pytest.fixture()
def tiny(tmp_path):
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    _notebook(nbdir / "01_tiny.ipynb", TINY_PARAMS,
              ["import pathlib\nprint('语料库', pathlib.Path(corpus_path).name)"])
    _notebook(nbdir / "05_tiny_dossier.ipynb",
              TINY_PARAMS + 'level: str = "province"  # level\nregion: str = ""  # region\n',
              ["if region == '福建省':\n    raise ValueError('故意失败 <b>not bold</b>')",
               "print('地区', level, region)"])
    return nbdir


def test_one_failing_region_does_not_stop_the_others(sample, tiny, tmp_path, capsys):
    from fazhi.cli import main

    out = tmp_path / "out"
    code = main(["render", str(sample["store"]), "--notebooks-dir", str(tiny), "--out", str(out),
                 "--workers", "2"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.strip().splitlines()[-1] == str((out / "index.html").resolve())
    assert "故意失败" in captured.err and "ValueError" in captured.err
    assert "1 failed" in captured.out
    assert (out / "05_tiny_dossier-province-广东省.html").is_file()
    assert (out / "05_tiny_dossier-province-重庆市.html").is_file()
    assert not (out / "05_tiny_dossier-province-福建省.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "故意失败 &lt;b&gt;not bold&lt;/b&gt;" in index and "<b>not bold" not in index
    page = (out / "05_tiny_dossier-province-广东省.html").read_text(encoding="utf-8")
    assert "地区 province 广东省" in page
    assert "<title>05_tiny_dossier · 广东省</title>" in page

    # a re-run retries only the failed page; --force redoes every page
    again = render(sample["store"], out=out, notebooks_dir=tiny, progress=False)
    assert {p.region: p.status for p in again.pages if p.notebook == "05_tiny_dossier"} == \
        {"广东省": "skipped", "福建省": "failed", "重庆市": "skipped", UNKNOWN_REGION: "skipped"}
    forced = render(sample["store"], out=out, notebooks_dir=tiny, force=True, progress=False,
                    notebooks=["01"])
    assert [(p.file, p.status) for p in forced.pages] == [("01_tiny.html", "rendered")]
    # pages of earlier runs stay in the index
    assert "05_tiny_dossier-province-广东省.html" in (out / "index.html").read_text("utf-8")


def test_changed_notebook_or_parameters_rerender(sample, tiny, tmp_path):
    out = tmp_path / "out"
    first = render(sample["store"], out=out, notebooks_dir=tiny, only=["广东省"], workers=1,
                   progress=False)
    assert {p.file: p.status for p in first.pages} == {
        "01_tiny.html": "rendered", "05_tiny_dossier-province-广东省.html": "rendered"}
    _notebook(tiny / "01_tiny.ipynb", TINY_PARAMS, ["print('改过了 / changed')"])
    second = render(sample["store"], out=out, notebooks_dir=tiny, only=["广东省"],
                    progress=False)
    assert {p.file: p.status for p in second.pages} == {
        "01_tiny.html": "rendered", "05_tiny_dossier-province-广东省.html": "skipped"}
    assert "改过了" in (out / "01_tiny.html").read_text(encoding="utf-8")
    by_city = render(sample["store"], out=out, notebooks_dir=tiny, by="city", only=["汕头市"],
                     notebooks=["05"], progress=False)
    assert [(p.file, p.status) for p in by_city.pages] == \
        [("05_tiny_dossier-city-广东省汕头市.html", "rendered")]


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
]


@pytest.mark.parametrize("workers", [1, 2])
def test_every_page_gets_a_fresh_kernel(sample, tmp_path, workers):
    # pages run one after the other in a worker (whose next kernel is started early): a page
    # never sees names, history or module attributes that an earlier page left behind
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    _notebook(nbdir / "05_leak.ipynb",
              TINY_PARAMS + 'level: str = "province"  # level\nregion: str = ""  # region\n',
              LEAK_CELLS)
    out = tmp_path / "out"
    result = render(sample["store"], out=out, notebooks_dir=nbdir, workers=workers,
                    progress=False)
    pages = [p for p in result.pages if p.file]
    assert len(pages) >= 3 and all(p.status == "rendered" for p in pages)
    seen = set()
    for p in pages:
        text = re.sub(r"<[^>]+>", " ", (out / p.file).read_text(encoding="utf-8"))
        text = unicodedata.normalize("NFC", " ".join(text.split()))
        found = re.search(r"名字 (\[.*?\]) 计数 (\d+)", text)
        assert found, p.file
        seen.add(found.groups())
        assert re.search(r"遗留 \[ ?\] 标记 None", text), p.file
    assert len(seen) == 1  # the same clean namespace on every page
    names = json.loads(next(iter(seen))[0].replace("'", '"'))
    assert set(names) <= {"corpus_path", "level", "region"}


def test_unknown_region_or_notebook_is_an_error(sample, tiny, tmp_path):
    with pytest.raises(ValueError, match="没有这些地区"):
        render(sample["store"], out=tmp_path, notebooks_dir=tiny, only=["火星省"])
    with pytest.raises(FileNotFoundError):
        render(sample["store"], out=tmp_path, notebooks_dir=tiny, notebooks=["99"])


@pytest.mark.slow
def test_dask_cluster_renders_the_same_pages(sample, tiny, tmp_path):
    distributed = pytest.importorskip("distributed")
    opts = {"notebooks_dir": tiny, "only": ["广东省", "重庆市"], "progress": False}
    local = render(sample["store"], out=tmp_path / "local", workers=1, **opts)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = render(sample["store"], out=tmp_path / "dask", scheduler=client, **opts)
    assert [(p.file, p.status) for p in remote.pages] == [(p.file, p.status) for p in local.pages]

    def text(path):
        html = path.read_text(encoding="utf-8")
        body = re.sub(r"<style.*?</style>|<[^>]+>", " ", html, flags=re.S)
        return " ".join(body.split())

    for p in local.pages:
        if p.status == "rendered":
            assert text(tmp_path / "dask" / p.file) == text(tmp_path / "local" / p.file)


# ---------------------------------------------------------------- unknown places (issue 10)


def test_regions_are_the_known_names_and_the_rest_is_listed_with_a_reason():
    import pandas as pd

    from fazhi.render import region_labels as _regions
    from fazhi.render import unplaced_reports

    docs = pd.DataFrame({
        "file": ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"],
        "title": ["马尾区2020年法治政府建设报告", "", "关于法治政府建设工作情况的报告", "", ""],
        "province": ["福建省", "福建省", "", None, "福建省"],
        "city": ["福州市", "福州市", "", None, "福州市"],
        "district": ["马尾区", " 马尾区 ", "", None, "  "],
        "town": ["", "亭江镇", "", None, ""],
        "anonymised": [False, False, False, True, False]})
    assert _regions(docs, "district") == ["马尾区"]  # padded names are the same unit
    assert _regions(docs, "town") == ["亭江镇"]
    left = {r["file"]: r["reason"] for r in unplaced_reports(docs, "district")}
    assert left == {"c.txt": "区县不明 / district unknown",
                    "d.txt": "区县不明（匿名报告） / district unknown",
                    "e.txt": "区县不明（已知地区：福建省福州市） / district unknown"}
    assert [r["file"] for r in unplaced_reports(docs, "town")] == ["a.txt", "c.txt", "d.txt",
                                                                   "e.txt"]


# ---------------------------------------------------------------- same-named units (issue 10)


def test_region_files_are_full_names_that_do_not_move():
    import pandas as pd

    from fazhi.display import regions
    from fazhi.render import region_files

    def files(rows):
        found = regions(pd.DataFrame(rows, columns=["province", "city", "district"]), "district")
        by_key = region_files(found)
        return {r.label: by_key[r.key] for r in found}

    fuzhou, nanjing, alone = ("福建省", "福州市", "鼓楼区"), ("江苏省", "南京市", "鼓楼区"), ("", "", "鼓楼区")
    assert files([fuzhou]) == {"鼓楼区": "福建省福州市鼓楼区"}
    # a namesake joins: the label is qualified, the file name stays
    assert files([fuzhou, nanjing, alone]) == {"鼓楼区（福州市）": "福建省福州市鼓楼区",
                                               "鼓楼区（南京市）": "江苏省南京市鼓楼区",
                                               "鼓楼区": "鼓楼区"}
    # two keys of one full name (a municipality with and without its city) get a hash each
    twins = files([("重庆市", "重庆市", "黔江区"), ("重庆市", "", "黔江区")])
    assert len(set(twins.values())) == 2
    assert all(re.fullmatch(r"重庆市黔江区-[0-9a-f]{8}", f) for f in twins.values())


def test_only_names_a_unit_or_says_which_ones_fit():
    import pandas as pd

    from fazhi.display import regions
    from fazhi.render import select_regions as _wanted

    docs = pd.DataFrame({"province": ["福建省", "江苏省", "福建省"],
                         "city": ["福州市", "南京市", "福州市"],
                         "district": ["鼓楼区", "鼓楼区", "马尾区"]})
    found = regions(docs, "district")
    assert _wanted(found, ["鼓楼区（福州市）"], "district") == {("福建省", "福州市", "鼓楼区")}
    assert _wanted(found, ["江苏省南京市鼓楼区", "马尾区"], "district") == {
        ("江苏省", "南京市", "鼓楼区"), ("福建省", "福州市", "马尾区")}
    with pytest.raises(ValueError, match="鼓楼区 → 鼓楼区（南京市）、鼓楼区（福州市）"):
        _wanted(found, ["鼓楼区"], "district")
    with pytest.raises(ValueError, match="没有这些地区.*火星区"):
        _wanted(found, ["火星区"], "district")


@pytest.fixture(scope="module")
def namesakes_store(tmp_path_factory):
    """A built corpus of tests/namesakes.py: 福州's and 南京's 鼓楼区, one 鼓楼区 whose parents are
    unknown, and the same for 东湖街道."""
    from namesakes import write_reports

    from fazhi.corpus import build_store

    base = tmp_path_factory.mktemp("namesakes")
    build_store(write_reports(base / "raw"), base / "store", workers=1, progress=False)
    return base / "store"


def test_same_named_units_get_one_dossier_each(namesakes_store, tmp_path):
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    # the page lists the reports select_region gives it (what 05_dossier analyses)
    _notebook(nbdir / "05_units.ipynb",
              TINY_PARAMS + 'level: str = "district"  # level\nregion: str = ""  # region\n',
              ["import fazhi\nfrom fazhi import display as fd\n"
               "sub = fd.select_region(fazhi.open_corpus(corpus_path), level, region)\n"
               "print('报告', '|'.join(sorted(sub.docs['file'])), '完')"])
    out = tmp_path / "out"
    only = ["鼓楼区（福州市）", "江苏省南京市鼓楼区", "鼓楼区", UNKNOWN_REGION]
    result = render(namesakes_store, by="district", only=only, out=out, notebooks_dir=nbdir,
                    workers=2, progress=False)
    assert result.ok, result.errors
    want = {"鼓楼区（南京市）": ("05_units-district-江苏省南京市鼓楼区.html",
                             ["nanjing-gulou-2022.txt"]),
            "鼓楼区（福州市）": ("05_units-district-福建省福州市鼓楼区.html",
                             ["fuzhou-gulou-2022.txt", "fuzhou-gulou-dongjie-2022.txt"]),
            "鼓楼区": ("05_units-district-鼓楼区.html", ["gulou-unplaced-2022.txt"])}
    dossiers = [p for p in result.pages if p.file]
    assert [p.region for p in dossiers] == list(want)  # province → city → …, unplaced last
    for p in dossiers:
        file, reports = want[p.region]
        assert p.file == file and p.parameters["region"] == p.region
        text = _visible((out / file).read_text(encoding="utf-8"))
        assert f"报告 {'|'.join(reports)} 完" in text, (file, text[-300:])
        assert f"<title>05_units · {p.region}</title>" in (out / file).read_text("utf-8")
    # the index lists the three units apart, in the same order, with their full names
    index = _visible((out / "index.html").read_text(encoding="utf-8"))
    section = index.split("按区县级地区")[1].split("来源与版本")[0]
    heads = ["鼓楼区（南京市） 江苏省南京市鼓楼区 05_units", "鼓楼区（福州市） 福建省福州市鼓楼区 05_units",
             "鼓楼区 上级地区不明（地名有重名），未与同名地区合并"]
    at = [section.find(h) for h in heads]
    assert -1 not in at and at == sorted(at), (at, section[:600])
    assert f"{UNKNOWN_REGION} 05_units [skipped] 1 份报告的区县不明" in section
    assert "donghu-unplaced-2023.txt" in section


@pytest.fixture(scope="module")
def gaps_store(tmp_path_factory):
    """A built corpus of tests/meta_gaps.py: six placed reports (2019, 2021, 2023) and three
    without year and place."""
    from meta_gaps import write_reports

    from fazhi.corpus import build_store

    base = tmp_path_factory.mktemp("gaps")
    raw = write_reports(base / "raw")
    build_store(raw, base / "store", workers=1, progress=False)
    return base / "store"


def _visible(html: str) -> str:
    body = re.sub(r"<style.*?</style>|<script.*?</script>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def test_unplaced_reports_get_no_dossier_and_are_listed(gaps_store, tiny, tmp_path, capsys):
    from meta_gaps import UNPLACED

    from fazhi.cli import main
    from fazhi.corpus import load_corpus

    out = tmp_path / "out"
    code = main(["render", str(gaps_store), "--by", "town", "--notebooks-dir", str(tiny),
                 "--out", str(out), "--workers", "1", "--notebooks", "05"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    from fazhi.display import place

    docs = load_corpus(gaps_store).docs
    # one dossier per town, its file named by the town's full name (stable, unique)
    towns = sorted(place(r) for r in docs.to_dict("records") if r["town"])
    assert "江苏省南京市江宁区秣陵街道" in towns
    assert sorted(p.name for p in out.glob("05_*.html")) == \
        sorted(page_file("05_tiny_dossier", "town", t) for t in towns)
    # the three unplaced reports and the county's own report (no town) are listed, with reasons
    no_town = sorted([*UNPLACED, "deqing-2023.txt"])
    lines = captured.out.splitlines()
    assert lines[-1] == str((out / "index.html").resolve())
    listed = [ln for ln in lines if ln.strip().startswith("跳过 / skipped")]
    assert [ln.split()[3].rstrip(":") for ln in listed] == no_town
    assert all("乡镇（街道）不明" in ln for ln in listed)
    assert "4 份报告地区不明" in lines[-2]
    index = _visible((out / "index.html").read_text(encoding="utf-8"))
    section = index.split("按乡镇（街道）级地区")[1].split("来源与版本")[0]
    assert f"{UNKNOWN_REGION} 05_tiny_dossier [skipped] 4 份报告的乡镇（街道）不明" in section
    for f in no_town:
        assert f in section
    assert "乡镇（街道）不明（已知地区：浙江省湖州市德清县）" in section


@pytest.mark.slow
def test_render_of_a_corpus_with_unknown_metadata(gaps_store, tmp_path, capsys):
    """The real notebooks through ``fazhi render``: a third of the reports have no year and no
    place; every page renders, the unplaced reports are listed, no dossier for an empty region."""
    from meta_gaps import PLACED, UNPLACED

    from fazhi.cli import main
    from fazhi.corpus import load_corpus

    out = tmp_path / "reports"
    code = main(["render", str(gaps_store), "--by", "district", "--out", str(out),
                 "--workers", "2"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    docs = load_corpus(gaps_store).docs
    assert len(UNPLACED) * 3 == len(docs) == len(PLACED) + len(UNPLACED)
    from fazhi.display import place

    districts = sorted({place({k: r[k] for k in ("province", "city", "district")})
                        for r in docs.to_dict("records") if r["district"]})
    nbs = find_notebooks()
    expected = sorted([page_file(nb.stem) for nb in nbs if not is_per_region(nb)] +
                      [page_file(nb.stem, "district", d) for nb in nbs if is_per_region(nb)
                       for d in districts])
    assert sorted(p.name for p in out.glob("*.html")) == sorted([*expected, "index.html"])
    assert not list(out.glob("*-district-.html")) and not list(out.glob(f"*{UNKNOWN_REGION}*"))
    state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    assert {f: s["status"] for f, s in state["pages"].items()} == dict.fromkeys(expected,
                                                                               "rendered")
    for f in expected:
        text = _visible((out / f).read_text(encoding="utf-8"))
        assert "Traceback" not in text and "Error" not in text, f
        for bad in ("<NA>", " nan ", " NaN ", " None "):
            assert bad not in f" {text} ", (f, bad)
    overview = _visible((out / "01_overview.html").read_text(encoding="utf-8"))
    assert "另有 3 份报告年度不明" in overview and "元数据核查" in overview
    trends = _visible((out / "03_trends.html").read_text(encoding="utf-8"))
    assert "3 份报告年度不明，不计入" in trends
    index = _visible((out / "index.html").read_text(encoding="utf-8"))
    section = index.split("按区县级地区")[1].split("来源与版本")[0]
    for f in UNPLACED:
        assert f in section and f in captured.out
    assert "3 份报告的区县不明" in section and "3 份报告地区不明" in captured.out
