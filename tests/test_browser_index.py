"""The index page in headless Chromium (issue 11): the region search filters the tree and opens the
groups that hold matches, the links are relative and still lead to the pages after the folder
moves, nothing is requested from outside, no console error, markup stays text; without script
the grouped lists still read. And a synthetic render of ~3,000 pages keeps the index under 2 MB.

Indexes: the session's real render (tests/conftest.py ``rendered``) and synthetic renders of
tests/synthetic_index.py (real gazetteer units, the real planner, no kernel; both 鼓楼区 with a
town each, a town whose name carries markup). No timing here: bench/index_scale.py measures it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from crafted import XSS_IMG
from offline_page import OfflinePage
from synthetic_index import synthetic_render, written_index
from test_browser import browser  # noqa: F401 - the module's Chromium fixture

from fazhi.render import write_index

MAX_BYTES = 2 * 1024 * 1024

# the places a visible name holding ``text`` sits in, as 省/市/区 paths
_VISIBLE = """(text) => Array.from(document.querySelectorAll('#tree b'))
  .filter(b => b.textContent.includes(text) && b.checkVisibility())
  .map(b => { const path = []; let li = b.closest('li');
              while (li) { path.unshift(li.querySelector('b').textContent);
                           li = li.parentElement.closest('li'); }
              return path.join('/'); })"""
_OPEN = "() => Array.from(document.querySelectorAll('#tree details[open] > summary > b'))" \
        ".map(b => b.textContent)"
_SHOWN_TOP = "() => Array.from(document.querySelectorAll('#tree > li'), " \
             "li => li.querySelector('b')).filter(b => b.checkVisibility()).map(b => b.textContent)"


class Session(OfflinePage):
    """The index in a fresh context (offline: see :class:`OfflinePage`), with its search box."""

    def search(self, text: str) -> str:
        """Type ``text`` into the search box (replacing what is there); the result line."""
        self.page.fill("#q", text)
        return self.page.text_content("#qn") or ""


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, object]:
    """~400 synthetic pages with their page files and a crafted town, written by write_index."""
    return written_index(tmp_path_factory.mktemp("synthetic-index"), 400, seed=3, crafted=True)


def test_search_filters_and_opens_the_groups_that_hold_matches(browser, synthetic):  # noqa: F811
    index, run = synthetic
    s = Session(browser, index)
    page = s.page
    provinces = page.evaluate(_SHOWN_TOP)
    assert len(provinces) > 20 and page.evaluate(_OPEN) == []  # collapsed
    assert page.is_visible("#q")

    assert s.search("鼓楼") == "2 个地区符合 / 2 region(s) match"
    assert page.evaluate(_VISIBLE, "鼓楼区") == ["江苏省/南京市/鼓楼区", "福建省/福州市/鼓楼区"]
    assert page.evaluate(_SHOWN_TOP) == ["江苏省", "福建省"]          # the rest hidden
    assert page.evaluate(_OPEN) == ["江苏省", "南京市", "鼓楼区", "福建省", "福州市", "鼓楼区"]
    # the towns of a matching district are shown (closed groups open on a click)
    assert page.evaluate(_VISIBLE, "东街街道") == ["福建省/福州市/鼓楼区/东街街道"]

    assert s.search("福州 鼓楼") == "1 个地区符合 / 1 region(s) match"
    assert page.evaluate(_VISIBLE, "鼓楼区") == ["福建省/福州市/鼓楼区"]
    # same-named towns: each in its place, the one whose parents are unknown in （不明）
    assert s.search("东湖") == "3 个地区符合 / 3 region(s) match"
    assert page.evaluate(_VISIBLE, "东湖") == ["广东省/深圳市/罗湖区/东湖街道",
                                              "浙江省/杭州市/临平区/东湖街道", "（不明）/东湖街道"]
    # a label, as the page names the region (and --only takes it)
    assert s.search("东湖街道（杭州") == "1 个地区符合 / 1 region(s) match"
    assert page.evaluate(_VISIBLE, "东湖") == ["浙江省/杭州市/临平区/东湖街道"]
    assert s.search("火星区") == "没有符合的地区 / no region matches"
    assert page.evaluate(_SHOWN_TOP) == []

    # markup in a region's name is searched as text and never runs
    assert s.search("onerror") == "1 个地区符合 / 1 region(s) match"
    assert page.evaluate(_VISIBLE, "onerror") == [f"广东省/汕头市/金平区/{XSS_IMG}镇"]
    assert page.evaluate("typeof window.__xss") == "undefined"

    # clearing the box (or Escape) restores the collapsed tree
    s.search("")
    assert page.evaluate(_SHOWN_TOP) == provinces and page.evaluate(_OPEN) == []
    s.search("鼓楼")
    page.press("#q", "Escape")
    assert page.evaluate(_SHOWN_TOP) == provinces and page.evaluate(_OPEN) == []
    assert not s.errors and not s.external, (s.errors, s.external)
    s.close()


def test_without_script_the_groups_still_read(browser, synthetic):  # noqa: F811
    index, run = synthetic
    s = Session(browser, index, javascript=False)
    page = s.page
    assert not page.is_visible("#q")                       # no search box that does nothing
    text = page.inner_text("#tree")
    assert "福建省" in text and "江苏省" in text
    page.click("#tree > li:nth-child(1) > details > summary")
    assert page.evaluate("document.querySelector('#tree > li > details').open")
    page.click("#sources > summary")
    assert run.corpus.docs["file"].iloc[-1] in page.inner_text("#sources")
    assert not s.external
    s.close()


def _links(page) -> list[tuple[str, str]]:
    return page.evaluate("Array.from(document.querySelectorAll('a[href]'))"
                         ".map(a => [a.getAttribute('href'), a.href])")


def _check_links(links, folder: Path) -> set[str]:
    files = set()
    for raw, resolved in links:
        if raw.startswith("#"):
            continue
        assert not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", raw), raw       # no file:, http:
        assert not raw.startswith(("/", "\\")), raw
        url = urlparse(resolved)
        assert url.scheme == "file", resolved
        target = Path(unquote(url.path))
        assert target.parent == folder.resolve() and target.is_file(), resolved
        files.add(target.name)
    return files


def test_real_index_links_survive_moving_the_folder(browser, rendered, tmp_path):  # noqa: F811
    s = Session(browser, rendered.out / "index.html")
    links = _links(s.page)
    files = _check_links(links, rendered.out)
    assert {p.file for p in rendered.result.pages if p.file and p.status != "failed"} <= files
    assert s.page.is_visible("#q")
    assert not s.errors and not s.external, (s.errors, s.external)
    assert s.page.evaluate("typeof window.__xss") == "undefined"
    s.close()
    moved = tmp_path / "moved" / "报告"
    shutil.copytree(rendered.out, moved)
    s = Session(browser, moved / "index.html")
    assert _check_links(_links(s.page), moved) == files
    s.close()


def test_a_3000_page_index_stays_under_2_mb_and_searchable(browser, tmp_path):  # noqa: F811
    run = synthetic_render(3000)
    assert len(run.pages) >= 3000 and len(run.corpus.docs) >= 3000
    index = write_index(tmp_path, run.pages, run.corpus, by=run.by)
    size = index.stat().st_size
    assert size <= MAX_BYTES, f"{size:,} bytes"
    html = index.read_text(encoding="utf-8")
    assert all(f"<td>{f}<td>" in html for f in run.corpus.docs["file"])  # the list is complete
    s = Session(browser, index)
    assert s.search("鼓楼") == "2 个地区符合 / 2 region(s) match"
    assert s.page.evaluate(_VISIBLE, "鼓楼区") == ["江苏省/南京市/鼓楼区", "福建省/福州市/鼓楼区"]
    assert not s.errors and not s.external, (s.errors, s.external)
    s.close()
