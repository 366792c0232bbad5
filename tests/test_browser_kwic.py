"""The KWIC concordance of the rendered dossiers in headless Chromium (the session's shared render,
tests/conftest.py ``rendered``): every hit on one line, even in a narrow window (the keyword,
the left and the right context each one line box), the left contexts right-aligned (their right
edges at one x), the keyword and the right contexts starting at one x; the complete table folded
under each view. Screenshots of the first view go to tests/artifacts/. Without Chromium the tests
skip (fail under CI=true), as tests/test_browser.py.
"""

from __future__ import annotations

import pytest
from offline_page import OfflinePage
from test_browser import ARTIFACTS, browser  # noqa: F401 - the module's Chromium fixture

# every hit of every view: the line boxes of each cell's text, its edges, the computed alignment
_MEASURE = """() => Array.from(document.querySelectorAll('div.fazhi-kwic')).map(view => {
  const box = el => { const r = document.createRange(); r.selectNodeContents(el);
                      const rects = Array.from(r.getClientRects()).filter(x => x.width > 0);
                      const b = r.getBoundingClientRect();
                      return {lines: rects.length, left: b.left, right: b.right, height: b.height}; };
  const rows = view.querySelectorAll('div.fazhi-kwic-lines > div.fazhi-kwic-row:not(.fazhi-kwic-head)');
  return {tables: view.querySelectorAll('details div.fazhi-table').length,
          rows: Array.from(rows).map(row => {
    const left = row.querySelector('.fazhi-kwic-left'), right = row.querySelector('.fazhi-kwic-right');
    const mark = row.querySelector('.fazhi-kwic-key mark');
    return {key: mark.textContent, mark: box(mark), markRects: mark.getClientRects().length,
            left: box(left), right: box(right), leftText: left.textContent,
            rightText: right.textContent, line: parseFloat(getComputedStyle(mark).lineHeight),
            alignLeft: getComputedStyle(left).textAlign,
            alignRight: getComputedStyle(right).textAlign};
  })};
})"""

DOSSIERS = [("out", "05_dossier-province-广东省.html"), ("out", "05_dossier-province-浙江省.html"),
            ("town_out", "05_dossier-town-重庆市黔江区蓬东乡.html")]


@pytest.mark.parametrize("width", [1280, 480])
@pytest.mark.parametrize("folder,page", DOSSIERS, ids=[d[1] for d in DOSSIERS])
def test_kwic_lines_are_one_line_and_aligned_on_the_keyword(browser, rendered,  # noqa: F811
                                                            folder, page, width):
    p = OfflinePage(browser, getattr(rendered, folder) / page)
    try:
        p.page.set_viewport_size({"width": width, "height": 900})
        p.page.evaluate("document.fonts.ready.then(() => true)")
        views = p.page.evaluate(_MEASURE)
        if width == 1280 and views:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            p.page.locator("div.fazhi-kwic").first.screenshot(
                path=str(ARTIFACTS / f"kwic-{page.removesuffix('.html')}.png"))
        errors, external = p.errors, p.external
    finally:
        p.close()
    assert not errors and not external, (errors, external)
    assert views, f"{page}: no concordance"  # every dossier's default terms occur
    for view in views:
        rows = view["rows"]
        assert rows and view["tables"] == 1
        for r in rows:
            # the keyword never breaks (法律顾/问): one box, one line high
            assert r["markRects"] == 1 and r["mark"]["lines"] == 1, (page, width, r)
            assert r["mark"]["height"] < 1.5 * r["line"], (page, width, r)
            for side in ("left", "right"):  # contexts never wrap either
                assert r[side]["lines"] <= 1, (page, width, side, r)
            assert r["alignLeft"] == "right" and r["alignRight"] == "left"
        # aligned on the keyword: left contexts end where the keyword column begins, right
        # contexts start at one x; the same keyword starts at one x on every line
        with_left = [r for r in rows if r["leftText"]]
        with_right = [r for r in rows if r["rightText"]]
        for group, edge in ((with_left, ("left", "right")), (with_right, ("right", "left"))):
            xs = [r[edge[0]][edge[1]] for r in group]
            assert not xs or max(xs) - min(xs) < 1.0, (page, width, edge, xs)
        for key in {r["key"] for r in rows}:
            xs = [r["mark"]["left"] for r in rows if r["key"] == key]
            assert max(xs) - min(xs) < 1.0, (page, width, key, xs)
        if with_left:
            assert min(r["mark"]["left"] for r in rows) >= max(r["left"]["right"]
                                                              for r in with_left) - 0.5
