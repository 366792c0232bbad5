"""Headers and numbers of every rendered page in headless Chromium (the session's shared render,
tests/conftest.py ``rendered``): no table header breaks inside a word (each header's text lays out
on one line: the client rects of a Range over it), no number cell in scientific notation or with
more than three decimals. Without Chromium the tests skip (fail under CI=true), as test_browser.py.
"""

from __future__ import annotations

import re

from offline_page import OfflinePage
from test_browser import browser  # noqa: F401 - the module's Chromium fixture

# a cell whose whole text is a number as pandas or Python would print it
_NUMBER_CELL = re.compile(r"[+\-−]?[\d,]*\.?\d+(?:[eE][+\-]?\d+)?\s*%?")
_SCIENTIFIC = re.compile(r"\d[eE][+\-]?\d")
_MANY_DECIMALS = re.compile(r"\.\d{4,}")

# [header text, number of lines it lays out on, its width] for every header of every fazhi table
_HEADER_LINES = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  return Array.from(document.querySelectorAll('div.fazhi-table thead tr:first-child th'))
    .map(th => {
      const range = document.createRange();
      range.selectNodeContents(th);
      const rects = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0)
        .sort((a, b) => a.top - b.top);
      let lines = 0, bottom = -Infinity;
      for (const r of rects) {
        if (r.top >= bottom - 2) { lines += 1; bottom = r.bottom; }
        else { bottom = Math.max(bottom, r.bottom); }
      }
      return [th.textContent, lines, th.getBoundingClientRect().width];
    });
}"""
# every line break inside a long text cell: [the 3 characters before it, the 3 after], for the
# breaks that neither follow a space, punctuation or a symbol (-, >, …) nor precede an opening
# bracket or quote (【, “)
_BAD_TEXT_BREAKS = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const bad = [], ok = /[\\s\\p{P}\\p{S}]/u, opening = /[\\p{Ps}\\p{Pi}]/u;
  const range = document.createRange();
  for (const td of document.querySelectorAll('div.fazhi-table tbody td')) {
    const node = td.firstChild, t = td.textContent;
    if (t.length < 30 || !node || node.nodeType !== 3 || node.length !== t.length) continue;
    let prevTop = null;
    for (let i = 0; i < t.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rc = range.getClientRects()[0];
      if (!rc || rc.width === 0) continue;
      if (prevTop !== null && rc.top > prevTop + 4 && !ok.test(t[i - 1]) &&
          !opening.test(t[i]))
        bad.push(t.slice(Math.max(0, i - 3), i) + '|' + t.slice(i, i + 3));
      prevTop = rc.top;
    }
  }
  return bad;
}"""
# the text of every cell of every fazhi table, and whether it carries a number (data-v)
_CELLS = """() => Array.from(document.querySelectorAll('div.fazhi-table tbody td'))
  .map(td => [td.textContent, td.hasAttribute('data-v')])"""


def test_no_header_breaks_inside_a_word(browser, rendered):  # noqa: F811
    problems, measured = {}, 0
    for path in rendered.html:
        for width in (1280, 640):  # a narrow window too: the table scrolls, headers stay whole
            p = OfflinePage(browser, path)
            p.page.set_viewport_size({"width": width, "height": 900})
            p.page.evaluate("document.fonts.ready.then(() => true)")
            headers = p.page.evaluate(_HEADER_LINES)
            errors = p.errors + p.external
            p.close()
            broken = [(t, n) for t, n, _ in headers if n > 1]
            measured += sum(n == 1 for _, n, _ in headers)
            if broken or errors:
                problems[f"{path.parent.name}/{path.name}@{width}"] = broken + errors
    assert not problems, problems
    assert measured > 50  # the pages have tables and their headers were laid out


def test_long_texts_wrap_after_spaces_or_punctuation(browser, rendered):  # noqa: F811
    problems = {}
    for path in rendered.html:
        p = OfflinePage(browser, path)
        p.page.set_viewport_size({"width": 900, "height": 900})
        bad = p.page.evaluate(_BAD_TEXT_BREAKS)
        p.close()
        if bad:
            problems[f"{path.parent.name}/{path.name}"] = bad[:20]
    assert not problems, problems


def test_the_measures_see_broken_text(browser, rendered):  # noqa: F811
    """The checks can fail: headers and cells allowed to break anywhere are seen broken."""
    p = OfflinePage(browser, rendered.out / "01_overview.html")
    p.page.add_style_tag(content="div.fazhi-table th, div.fazhi-table td, .jp-RenderedHTMLCommon "
                                 ".fazhi-table th, .jp-RenderedHTMLCommon .fazhi-table td "
                                 "{ white-space: normal !important; word-break: break-all "
                                 "!important; width: 1px; max-width: 6em !important; }")
    headers = p.page.evaluate(_HEADER_LINES)
    bad_breaks = p.page.evaluate(_BAD_TEXT_BREAKS)
    p.close()
    assert any(n > 1 for t, n, _ in headers if len(t) >= 2)
    assert bad_breaks


def test_no_number_in_scientific_notation_or_with_many_decimals(browser, rendered):  # noqa: F811
    problems, n_numbers = {}, 0
    for path in rendered.html:
        p = OfflinePage(browser, path)
        cells = p.page.evaluate(_CELLS)
        p.close()
        numbers = [t.strip() for t, has_v in cells if has_v or _NUMBER_CELL.fullmatch(t.strip())]
        n_numbers += len(numbers)
        bad = [t for t in numbers if _SCIENTIFIC.search(t) or _MANY_DECIMALS.search(t)]
        if bad:
            problems[f"{path.parent.name}/{path.name}"] = sorted(set(bad))[:20]
    assert not problems, problems
    assert n_numbers > 100
