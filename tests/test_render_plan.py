"""Render planning without kernels: which pages, for which regions, with which parameters, what is
skipped and what runs again, and what the index says about failures.

``render(..., executor=FakeExecutor())`` plans for real (the built store of tests/crafted.py:
sample reports, a crafted report, reports with unknown metadata) and hands the pages to run to a
fake executor, which records them and answers as the real one does (writing a page file, or
failing); nothing starts a kernel. The real executor is checked in test_render.py.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from crafted import REGION_PARAMS, TINY_PARAMS, tiny_notebooks, write_notebook

from fazhi.render import (
    STATE_FILE,
    UNKNOWN_REGION,
    Notebook,
    load_state,
    page_file,
    plan,
    read_notebooks,
    region_files,
    region_labels,
    render,
    select_regions,
    unplaced_reports,
)
from fazhi.render.plan import page_key, plan_pages


class FakeExecutor:
    """Records the tasks it is asked to run; writes a small page for each, except for the regions
    in ``fail``, which fail with ``error`` (as a notebook raising would)."""

    def __init__(self, fail: tuple[str, ...] = (), error: str = "ValueError: 故意失败",
                 seconds: dict[str, float] | None = None):
        self.fail, self.error, self.seconds = fail, error, seconds or {}
        self.calls: list[list[dict]] = []

    def __call__(self, tasks, on_done):
        self.calls.append(list(tasks))
        for t in tasks:
            failed = t["parameters"].get("region") in self.fail
            if not failed:
                Path(t["out"], t["file"]).write_text(f"<html>{t['title']}</html>", "utf-8")
            on_done({**t, "status": "failed" if failed else "rendered",
                     "seconds": self.seconds.get(t["file"], 1.5),
                     "error": self.error if failed else ""})

    @property
    def files(self) -> list[str]:
        """The files of the last call, in the order they were handed over."""
        return [t["file"] for t in self.calls[-1]] if self.calls else []


@pytest.fixture()
def tiny(tmp_path) -> Path:
    return tiny_notebooks(tmp_path / "nb")


def _run(report_store, out, nbdir, fake, **opts):
    return render(report_store.store, out=out, notebooks_dir=nbdir, executor=fake,
                  progress=False, **opts)


def _statuses(result) -> dict[str, str]:
    return {p.file or f"{p.notebook}:{p.region}": p.status for p in result.pages}


def _visible(html: str) -> str:
    body = re.sub(r"<style.*?</style>|<script.*?</script>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


# ---------------------------------------------------------------- regions of each level

# level -> (dossier file parts in province → city → … order, reports without a region there)
ANON, XSS = "2023-anonymised-town-template.txt", "2022-crafted-xss.txt"
NO_PLACE = ["no-title.txt", "untitled-report.txt", "work-summary.txt"]
LEVELS = {
    "province": (["四川省", "广东省", "江苏省", "浙江省", "福建省", "重庆市"], [ANON, *NO_PLACE]),
    "city": (["四川省眉山市", "广东省汕头市", "广东省韶关市", "江苏省南京市", "浙江省湖州市",
              "福建省福州市", "重庆市"], [ANON, *NO_PLACE]),
    "district": (["四川省眉山市彭山区", "广东省汕头市金平区", "广东省韶关市武江区", "江苏省南京市江宁区",
                  "浙江省湖州市安吉县", "浙江省湖州市德清县", "福建省福州市马尾区", "重庆市黔江区"],
                 [XSS, ANON, *NO_PLACE]),
    "town": (["四川省眉山市彭山区凤鸣街道", "广东省汕头市金平区月浦街道", "广东省汕头市测试镇",
              "广东省韶关市武江区西联镇", "江苏省南京市江宁区东山街道", "江苏省南京市江宁区秣陵街道",
              "浙江省湖州市安吉县孝丰镇", "浙江省湖州市安吉县递铺街道", "福建省福州市马尾区亭江镇",
              "重庆市黔江区蓬东乡"], [ANON, "deqing-2023.txt", *NO_PLACE]),
}


@pytest.mark.parametrize("level", list(LEVELS))
def test_each_level_gets_one_page_per_region(report_store, tiny, tmp_path, level):
    fake = FakeExecutor()
    result = _run(report_store, tmp_path / "out", tiny, fake, by=level)
    places, unplaced = LEVELS[level]
    dossiers = [page_file("05_tiny_dossier", level, p) for p in places]
    # every page in notebook order: the corpus page, the dossiers, the unknown entry last
    assert [p.file for p in result.pages] == ["01_tiny.html", *dossiers, ""]
    unknown = result.pages[-1]
    assert (unknown.region, unknown.status) == (UNKNOWN_REGION, "skipped")
    assert [r["file"] for r in unknown.reports] == unplaced
    # the executor got exactly the pages with a file, with the parameters the notebook takes
    assert len(fake.calls) == 1 and sorted(fake.files) == sorted(["01_tiny.html", *dossiers])
    store = str(report_store.store.resolve())
    for t in fake.calls[0]:
        page = next(p for p in result.pages if p.file == t["file"])
        if page.level == "corpus":
            assert t["parameters"] == {"corpus_path": store}
        else:
            assert t["parameters"] == {"corpus_path": store, "level": level, "region": page.region}
            assert t["title"] == f"05_tiny_dossier · {page.region}"
        assert t["notebook"] == str(tiny / f"{page.notebook}.ipynb") and t["cwd"] == str(tiny)
    assert result.ok and result.count("rendered") == len(dossiers) + 1
    assert [r["file"] for r in result.unplaced] == unplaced


# ---------------------------------------------------------------- --only

ONLY = [
    (["广东省"], "province", ["广东省"], False),
    (["福建省", " 重庆市 "], "province", ["福建省", "重庆市"], False),
    ([UNKNOWN_REGION], "province", [], True),
    (["汕头市", UNKNOWN_REGION], "city", ["广东省汕头市"], True),
    (["江苏省南京市江宁区"], "district", ["江苏省南京市江宁区"], False),   # by full name
    (["测试镇", "蓬东乡"], "town", ["广东省汕头市测试镇", "重庆市黔江区蓬东乡"], False),
]


@pytest.mark.parametrize("only,level,places,unknown", ONLY)
def test_only_renders_the_named_regions(report_store, tiny, tmp_path, only, level, places,
                                        unknown):
    fake = FakeExecutor()
    result = _run(report_store, tmp_path / "out", tiny, fake, by=level, only=only,
                  notebooks=["05"])
    assert fake.files == [page_file("05_tiny_dossier", level, p) for p in places]
    assert [p.region == UNKNOWN_REGION for p in result.pages] == [False] * len(places) + \
        [True] * unknown


@pytest.mark.parametrize("only,message", [
    (["火星省"], "没有这些地区.*火星省"),
    (["广东省", "火星省", "月球省"], "no such province in the corpus: 月球省, 火星省"),
])
def test_only_with_an_unknown_region_is_an_error_before_any_page(report_store, tiny, tmp_path,
                                                                only, message):
    fake = FakeExecutor()
    with pytest.raises(ValueError, match=message):
        _run(report_store, tmp_path / "out", tiny, fake, only=only)
    with pytest.raises(FileNotFoundError, match="99"):
        _run(report_store, tmp_path / "out", tiny, fake, notebooks=["99"])
    assert fake.calls == [] and not (tmp_path / "out" / "index.html").exists()


# ---------------------------------------------------------------- skipped and unplaced


def test_unplaced_reports_get_no_dossier_and_are_listed(report_store, tiny, tmp_path):
    fake = FakeExecutor()
    out = tmp_path / "out"
    result = _run(report_store, out, tiny, fake, by="town", notebooks=["05"])
    _, unplaced = LEVELS["town"]
    assert not any(t["parameters"]["region"] == UNKNOWN_REGION for t in fake.calls[0])
    assert not list(out.glob(f"*{UNKNOWN_REGION}*")) and not list(out.glob("*-town-.html"))
    assert {r["file"]: r["reason"] for r in result.unplaced} == {
        ANON: "乡镇（街道）不明（匿名报告） / town unknown",
        "deqing-2023.txt": "乡镇（街道）不明（已知地区：浙江省湖州市德清县） / town unknown",
        **dict.fromkeys(NO_PLACE, "乡镇（街道）不明 / town unknown")}
    assert result.summary().endswith("; 5 份报告地区不明，未生成档案 / 5 report(s) not placed")
    index = _visible((out / "index.html").read_text(encoding="utf-8"))
    section = index.split("未定位的报告 / Reports without a region")[1] \
        .split("来源与版本 / Provenance")[0]
    assert f"{UNKNOWN_REGION} 05_tiny_dossier [skipped] 5 份报告的乡镇（街道）不明" in section
    for f in unplaced:
        assert f in section
    assert "乡镇（街道）不明（已知地区：浙江省湖州市德清县）" in section


# ---------------------------------------------------------------- re-runs


def test_unchanged_pages_are_skipped_on_a_rerun(report_store, tiny, tmp_path):
    out = tmp_path / "out"
    first = _run(report_store, out, tiny, FakeExecutor(), only=["广东省", "福建省"])
    assert set(_statuses(first).values()) == {"rendered"}
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html") if p.name != "index.html"}

    fake = FakeExecutor()
    again = _run(report_store, out, tiny, fake, only=["广东省", "福建省"])
    assert fake.calls == [[]]
    assert [(p.status, p.reason) for p in again.pages] == [("skipped", "未改变 / unchanged")] * 3
    assert [p.rendered_at for p in again.pages] == [p.rendered_at for p in first.pages]
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.html")
            if p.name != "index.html"} == before

    # a page whose file is gone runs again; --force runs them all
    (out / "05_tiny_dossier-province-福建省.html").unlink()
    _run(report_store, out, tiny, fake, only=["广东省", "福建省"])
    assert fake.files == ["05_tiny_dossier-province-福建省.html"]
    _run(report_store, out, tiny, fake, only=["广东省", "福建省"], force=True)
    assert sorted(fake.files) == sorted(before)


def test_a_changed_notebook_renders_its_pages_again(report_store, tiny, tmp_path):
    out = tmp_path / "out"
    _run(report_store, out, tiny, FakeExecutor(), only=["广东省"])
    write_notebook(tiny / "01_tiny.ipynb", TINY_PARAMS, ["print('改过了 / changed')"])
    fake = FakeExecutor()
    second = _run(report_store, out, tiny, fake, only=["广东省"])
    assert fake.files == ["01_tiny.html"]
    assert _statuses(second) == {"01_tiny.html": "rendered",
                                 "05_tiny_dossier-province-广东省.html": "skipped"}
    write_notebook(tiny / "05_tiny_dossier.ipynb", REGION_PARAMS, ["print(region)"])
    _run(report_store, out, tiny, fake, only=["广东省", "重庆市"])
    assert fake.files == ["05_tiny_dossier-province-广东省.html",
                          "05_tiny_dossier-province-重庆市.html"]


def test_changed_parameters_render_the_pages_again(report_store, tiny, tmp_path):
    out = tmp_path / "out"
    _run(report_store, out, tiny, FakeExecutor(), only=["广东省"])
    # the same corpus in another store folder: same corpus key, another corpus_path parameter
    moved = tmp_path / "moved-store"
    shutil.copytree(report_store.store, moved)
    fake = FakeExecutor()
    result = render(moved, out=out, notebooks_dir=tiny, executor=fake, only=["广东省"],
                    progress=False)
    assert sorted(fake.files) == ["01_tiny.html", "05_tiny_dossier-province-广东省.html"]
    assert all(t["parameters"]["corpus_path"] == str(moved.resolve()) for t in fake.calls[0])
    assert set(_statuses(result).values()) == {"rendered"}


def test_pages_of_another_level_stay_on_the_index(report_store, tiny, tmp_path):
    out = tmp_path / "out"
    _run(report_store, out, tiny, FakeExecutor(), only=["广东省"], notebooks=["05"])
    fake = FakeExecutor()
    by_city = _run(report_store, out, tiny, fake, by="city", only=["汕头市"], notebooks=["05"])
    assert fake.files == ["05_tiny_dossier-city-广东省汕头市.html"]
    assert [p.file for p in by_city.pages] == ["05_tiny_dossier-city-广东省汕头市.html"]
    index = _visible((out / "index.html").read_text(encoding="utf-8"))
    assert "层级 / levels: 省级、市级" in index
    # one tree: the province's page of the earlier run in its group, the city's under it
    assert re.search(r"广东省 \d+ 报告 · 2 页 · 1 跳过 05_tiny_dossier \[skipped\] 早先生成 / "
                     r"from an earlier run 汕头市 \d+ 报告 05_tiny_dossier(?! \[)", index), index
    state = load_state(out)
    assert set(state["pages"]) == {"05_tiny_dossier-province-广东省.html",
                                   "05_tiny_dossier-city-广东省汕头市.html"}


# ---------------------------------------------------------------- failures


def test_failures_are_listed_and_leave_no_page(report_store, tiny, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / "05_tiny_dossier-province-福建省.html"
    stale.write_text("<html>上次的页面 / last run's page</html>", encoding="utf-8")
    fake = FakeExecutor(fail=("福建省",), error="Traceback\nValueError: 故意失败 <b>not bold</b>")
    result = _run(report_store, out, tiny, fake, only=["广东省", "福建省", "重庆市"])
    assert not result.ok and result.count("failed") == 1
    assert result.errors == ["05_tiny_dossier-province-福建省.html: "
                             "ValueError: 故意失败 <b>not bold</b>"]
    assert not stale.exists()  # never a stale page for a failed one
    assert (out / "05_tiny_dossier-province-广东省.html").is_file()
    assert "1 failed" in result.summary()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "故意失败 &lt;b&gt;not bold&lt;/b&gt;" in index and "<b>not bold" not in index
    state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    assert state["pages"]["05_tiny_dossier-province-福建省.html"]["status"] == "failed"

    # a re-run retries only the failed page
    again = FakeExecutor()
    second = _run(report_store, out, tiny, again, only=["广东省", "福建省", "重庆市"])
    assert again.files == ["05_tiny_dossier-province-福建省.html"]
    assert second.ok and (out / "05_tiny_dossier-province-福建省.html").is_file()


# ---------------------------------------------------------------- edited copies of the notebooks


def _edit_parameters(path: Path, edit) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    edit(cell)
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")


def _rename(old: str, new: str):
    def edit(cell):
        cell["source"] = re.sub(rf"^{old}\b", new, "".join(cell["source"]), flags=re.M)
    return edit


def _untag(cell):
    cell["metadata"]["tags"] = []


def _not_python(cell):
    cell["source"] = 'corpus_path: str = "  # 引号没有闭合\n'


# (how a copy is broken, the notebook, what its one line says)
BROKEN = [
    (lambda p: p.unlink(), "03_trends", "缺少笔记本 / notebook missing"),
    (lambda p: _edit_parameters(p, _untag), "02_keywords",
     "没有 parameters 单元格 / no cell tagged 'parameters' (papermill needs one declaring "
     "corpus_path)"),
    (lambda p: _edit_parameters(p, _rename("region", "place")), "05_dossier",
     "参数不符 / parameters do not match: no region (the render passes corpus_path, level, "
     "region)"),
    (lambda p: _edit_parameters(p, _rename("corpus_path", "corpus")), "01_overview",
     "参数不符 / parameters do not match: no corpus_path (the render passes corpus_path)"),
    (lambda p: _edit_parameters(p, _not_python), "04_compare",
     "parameters 单元格不是 Python / the parameters cell is not Python (line 1:"),
    (lambda p: p.write_text('{"cells": [', encoding="utf-8"), "01_overview",
     "不是笔记本 / not a notebook"),
]


@pytest.mark.parametrize("breaker,name,said", BROKEN, ids=[f"{b[1]}-{b[2][:6]}" for b in BROKEN])
def test_a_broken_copy_fails_only_its_own_pages(report_store, tmp_path, breaker, name, said):
    """Copies from fazhi notebooks, one broken: one line naming the file (and the parameter),
    its pages failed before anything runs (none of them reaches the executor, no stale page
    stays), every other page handed over."""
    from fazhi.render import copy_notebooks

    nbdir, out = tmp_path / "nb", tmp_path / "out"
    copy_notebooks(nbdir)
    only = ["广东省", "重庆市"]
    _run(report_store, out, nbdir, FakeExecutor(), only=only)  # every page there, as last time
    breaker(nbdir / f"{name}.ipynb")
    fake = FakeExecutor()
    result = _run(report_store, out, nbdir, fake, only=only, force=True)
    line = f"{nbdir / name}.ipynb: {said}"
    assert len(result.problems) == 1 and result.problems[0].startswith(line), result.problems
    assert "\n" not in result.problems[0]
    assert not result.ok
    mine = [p for p in result.pages if p.notebook == name and p.file]
    assert mine and {(p.status, p.error) for p in mine} == {("failed", result.problems[0])}
    assert len(mine) == (2 if name == "05_dossier" else 1)  # a dossier per region, as before
    others = {p.file for p in result.pages if p.notebook != name and p.file}
    assert set(fake.files) == others and len(others) >= 4
    assert not any((out / p.file).exists() for p in mine)  # the last run's pages are gone
    assert all((out / f).is_file() for f in others)
    index = html.unescape(_visible((out / "index.html").read_text(encoding="utf-8")))
    assert result.problems[0] in index.split("失败 / Failures", 1)[1]  # the index says why


def test_a_folder_of_your_own_notebooks_needs_none_of_the_package(report_store, tiny, tmp_path):
    """No copy of a package notebook in the folder: only its own run; asking for one of the
    package's by name says it is missing; a name that fits nothing is an error before any page."""
    result = _run(report_store, tmp_path / "out", tiny, FakeExecutor(), only=["广东省"])
    assert result.ok and result.problems == []
    asked = _run(report_store, tmp_path / "out2", tiny, FakeExecutor(), only=["广东省"],
                 notebooks=["05", "03"])
    assert asked.problems == [f"{tiny / '03_trends.ipynb'}: 缺少笔记本 / notebook missing "
                              f"(fazhi notebooks {tiny} copies it back; --notebooks renders "
                              f"only some)"]
    assert {p.notebook for p in asked.pages} == {"03_trends", "05_tiny_dossier"}
    with pytest.raises(FileNotFoundError, match="no such notebooks.*: 09"):
        _run(report_store, tmp_path / "out3", tiny, FakeExecutor(), notebooks=["09"])


def test_copies_may_add_notebooks_and_parameters(report_store, tmp_path):
    """An extra notebook of your own and an extra parameter in a copy are no problem; a copy of
    a corpus-wide notebook stays corpus-wide (the package's notebook of that name decides)."""
    from fazhi.render import copy_notebooks

    nbdir = tmp_path / "nb"
    copy_notebooks(nbdir)
    write_notebook(nbdir / "06_mine.ipynb", REGION_PARAMS, ["print(region)"])
    _edit_parameters(nbdir / "01_overview.ipynb",
                     lambda c: c.update(source="".join(c["source"]) + '\nregion: str = ""  # 地区\n'))
    fake = FakeExecutor()
    result = _run(report_store, tmp_path / "out", nbdir, fake, only=["广东省"])
    assert result.ok, result.problems
    assert [p.file for p in result.pages if p.notebook == "01_overview"] == ["01_overview.html"]
    assert "06_mine-province-广东省.html" in fake.files
    # every kernel gets the render's caches and project, whatever folder it starts in
    from fazhi.config import kernel_env

    assert all(t["env"] == kernel_env() and t["cwd"] == str(nbdir) for t in fake.calls[0])


# ---------------------------------------------------------------- plan() itself


def test_slowest_pages_run_first(report_store, tiny, tmp_path):
    out = tmp_path / "out"
    seconds = {"05_tiny_dossier-province-广东省.html": 9.0, "01_tiny.html": 2.0,
               "05_tiny_dossier-province-重庆市.html": 5.0}
    _run(report_store, out, tiny, FakeExecutor(seconds=seconds), only=["广东省", "重庆市"])
    write_notebook(tiny / "09_tail.ipynb", TINY_PARAMS, ["print('最后 / last')"])
    fake = FakeExecutor()
    _run(report_store, out, tiny, fake, only=["广东省", "重庆市", "福建省"], force=True)
    # by the last run's time; a page never rendered counts 0 s (a corpus-wide one 60 s)
    assert fake.files == ["09_tail.html", "05_tiny_dossier-province-广东省.html",
                          "05_tiny_dossier-province-重庆市.html", "01_tiny.html",
                          "05_tiny_dossier-province-福建省.html"]


def test_plan_decides_from_data_alone(report_store, tiny, tmp_path):
    nbs = read_notebooks(sorted(tiny.glob("*.ipynb")))
    opts = {"by": "province", "corpus_key": "k1", "store": "/store", "renderer": "r1"}
    first = plan(nbs, report_store.docs, **opts)
    assert [p.status for p in first.pages] == ["rendered"] * 7 + ["skipped"]
    assert first.todo[0].file == "01_tiny.html"  # a new corpus-wide page first
    state = {"pages": {p.file: {"key": p.key, "status": "rendered", "seconds": 1.0}
                       for p in first.todo}}
    present = {p.file for p in first.todo}
    assert plan(nbs, report_store.docs, **opts, state=state, present=present).todo == []
    # another corpus, renderer or store path: every page again; a missing file: that page
    for change in ({"corpus_key": "k2"}, {"renderer": "r2"}, {"store": "/elsewhere"}):
        assert len(plan(nbs, report_store.docs, **{**opts, **change}, state=state,
                        present=present).todo) == 7, change
    assert [p.file for p in plan(nbs, report_store.docs, **opts, state=state,
                                 present=present - {"01_tiny.html"}).todo] == ["01_tiny.html"]
    assert list(tmp_path.iterdir()) == [tiny]  # nothing written


def test_page_keys_follow_notebook_and_parameters():
    nb, params = b'{"cells": []}', {"corpus_path": "/s", "level": "city", "region": "汕头市"}
    key = page_key("k", nb, params, "r")
    assert page_key("k", nb, dict(reversed(params.items())), "r") == key  # order is no change
    assert page_key("k", nb + b" ", params, "r") != key
    assert page_key("k", nb, {**params, "region": "韶关市"}, "r") != key
    assert page_key("k2", nb, params, "r") != key and page_key("k", nb, params, "r2") != key


def test_two_pages_never_share_a_file(tmp_path):
    import pandas as pd

    path = write_notebook(tmp_path / "05_x.ipynb", REGION_PARAMS, ["print(region)"])
    nb = Notebook(path, path.read_bytes())
    docs = pd.DataFrame({"file": ["a.txt"], "title": ["广东省2022年法治政府建设报告"],
                         "province": ["广东省"], "city": [""], "district": [""], "town": [""],
                         "anonymised": [False]})
    assert [p.file for p in plan_pages([nb], docs, by="province", corpus_key="k", store="s",
                                       renderer="r")] == ["05_x-province-广东省.html"]
    with pytest.raises(ValueError, match="two pages would share the file"):
        plan_pages([nb, nb], docs, by="province", corpus_key="k", store="s", renderer="r")


# ---------------------------------------------------------------- regions and unknown places (issue 10)


def test_regions_are_the_known_names_and_the_rest_is_listed_with_a_reason():
    import pandas as pd


    docs = pd.DataFrame({
        "file": ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"],
        "title": ["马尾区2020年法治政府建设报告", "", "关于法治政府建设工作情况的报告", "", ""],
        "province": ["福建省", "福建省", "", None, "福建省"],
        "city": ["福州市", "福州市", "", None, "福州市"],
        "district": ["马尾区", " 马尾区 ", "", None, "  "],
        "town": ["", "亭江镇", "", None, ""],
        "anonymised": [False, False, False, True, False]})
    assert region_labels(docs, "district") == ["马尾区"]  # padded names are the same unit
    assert region_labels(docs, "town") == ["亭江镇"]
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

    docs = pd.DataFrame({"province": ["福建省", "江苏省", "福建省"],
                         "city": ["福州市", "南京市", "福州市"],
                         "district": ["鼓楼区", "鼓楼区", "马尾区"]})
    found = regions(docs, "district")
    assert select_regions(found, ["鼓楼区（福州市）"], "district") == {("福建省", "福州市", "鼓楼区")}
    assert select_regions(found, ["江苏省南京市鼓楼区", "马尾区"], "district") == {
        ("江苏省", "南京市", "鼓楼区"), ("福建省", "福州市", "马尾区")}
    with pytest.raises(ValueError, match="鼓楼区 → 鼓楼区（南京市）、鼓楼区（福州市）"):
        select_regions(found, ["鼓楼区"], "district")
    with pytest.raises(ValueError, match="没有这些地区.*火星区"):
        select_regions(found, ["火星区"], "district")


# ---------------------------------------------------------------- same-named units (issue 10)


@pytest.fixture(scope="module")
def namesakes_store(tmp_path_factory):
    """A built corpus of tests/namesakes.py: 福州's and 南京's 鼓楼区, one 鼓楼区 whose parents are
    unknown, and the same for 东湖街道."""
    from namesakes import write_reports

    from fazhi.build import build_store

    base = tmp_path_factory.mktemp("namesakes")
    build_store(write_reports(base / "raw"), base / "store", workers=1, progress=False)
    return base / "store"


def test_same_named_units_get_one_dossier_each(namesakes_store, tiny, tmp_path):
    import fazhi
    from fazhi import display as fd

    out = tmp_path / "out"
    only = ["鼓楼区（福州市）", "江苏省南京市鼓楼区", "鼓楼区", UNKNOWN_REGION]
    fake = FakeExecutor()
    result = render(namesakes_store, by="district", only=only, out=out, notebooks_dir=tiny,
                    notebooks=["05"], executor=fake, progress=False)
    assert result.ok, result.errors
    want = {"鼓楼区（南京市）": ("05_tiny_dossier-district-江苏省南京市鼓楼区.html",
                             ["nanjing-gulou-2022.txt"]),
            "鼓楼区（福州市）": ("05_tiny_dossier-district-福建省福州市鼓楼区.html",
                             ["fuzhou-gulou-2022.txt", "fuzhou-gulou-dongjie-2022.txt"]),
            "鼓楼区": ("05_tiny_dossier-district-鼓楼区.html", ["gulou-unplaced-2022.txt"])}
    dossiers = [p for p in result.pages if p.file]
    assert [p.region for p in dossiers] == list(want)  # province → city → …, unplaced last
    corpus = fazhi.open_corpus(namesakes_store)
    for t in fake.calls[0]:
        file, reports = want[t["parameters"]["region"]]
        assert t["file"] == file
        # what the dossier analyses: the reports select_region gives for the page's parameters
        sub = fd.select_region(corpus, t["parameters"]["level"], t["parameters"]["region"])
        assert sorted(sub.docs["file"]) == reports
    # the index lists the three units apart, each in its place (labelled as the pages name
    # them), the one whose parents are unknown in a （不明） group, in the same order
    html = (out / "index.html").read_text(encoding="utf-8")
    index = _visible(html)
    tree = index.split("按地区 / by region")[-1].split("未定位的报告 / Reports without a region")[0]
    heads = ["江苏省 1 报告 · 1 页 南京市 1 报告 · 1 页 鼓楼区 1 报告 05_tiny_dossier",
             "福建省 2 报告 · 1 页 福州市 2 报告 · 1 页 鼓楼区 2 报告 05_tiny_dossier",
             "（不明） 上级地区不明（或不设此级），未与同名地区合并 / parent unknown (or no such "
             "level): kept apart from namesakes 2 报告 · 1 页 鼓楼区 1 报告 05_tiny_dossier"]
    at = [tree.find(h) for h in heads]
    assert -1 not in at and at == sorted(at), (at, tree[:900])
    at = [html.find(f'<b title="{label}">鼓楼区</b>') for label in want if "（" in label]
    assert -1 not in at and at == sorted(at)
    unplaced = index.split("未定位的报告 / Reports without a region")[1]
    assert f"{UNKNOWN_REGION} 05_tiny_dossier [skipped] 1 份报告的区县不明" in unplaced
    assert "donghu-unplaced-2023.txt" in unplaced
