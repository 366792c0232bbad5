"""The rendered HTML in a real browser: headless Debian Chromium through Playwright's Python package.

Opens index.html and every page of the session's shared render (tests/conftest.py ``rendered``:
the sample reports, a crafted report with markup in its title and body, reports with unknown
metadata): no console errors, no failed request, no request to anything but
file: and data: URLs, Chinese text in the DOM, the markup shown as text and ``window.__xss``
undefined, every Chinese character drawn by the page's own font (no boxes: Chromium's fontconfig
knows no Chinese font here). A screenshot of every page goes to tests/artifacts/ (pages/…, printed). Without Chromium the test skips,
except under ``CI=true`` (then it fails).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from browser_fonts import no_cjk_fontconfig, tofu
from conftest import PROVINCES
from crafted import XSS_IMG, XSS_SCRIPT

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium whose fontconfig knows no Chinese font (tests/browser_fonts.py), so
    Chinese text not drawn by the page's own font shows as boxes here, as on a reader's machine."""
    exe = _chromium()
    ci = os.environ.get("CI", "").lower() == "true"
    if exe is None:
        msg = ("no Chromium found (install Debian's `chromium` package; .ci/run does): "
               "the browser check of the rendered HTML is skipped")
        if ci:
            pytest.fail(f"CI=true: {msg}")
        pytest.skip(msg)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if ci:
            pytest.fail("CI=true: the playwright package is missing (a dev dependency)")
        pytest.skip("the playwright package is missing (pip install -e '.[dev]')")
    with sync_playwright() as pw:
        env = no_cjk_fontconfig(tmp_path_factory.mktemp("fontconfig"))
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True, env=env)
        try:
            yield b
        finally:
            b.close()


def _visit(browser, path: Path, screenshot: Path | None = None) -> dict:
    """Open ``path`` and collect console errors, page errors, failed and non-file requests."""
    context = browser.new_context(java_script_enabled=True, service_workers="block")
    page = context.new_page()
    seen = {"console": [], "pageerror": [], "failed": [], "external": [], "requests": []}
    page.on("console", lambda m: seen["console"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["pageerror"].append(str(e)))
    page.on("requestfailed", lambda r: seen["failed"].append(f"{r.url} {r.failure}"))
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:"))
            else seen["external"].append(r.url))

    def route(r):
        url = r.request.url
        seen["requests"].append(url)
        if url.startswith(("file:", "data:")):
            r.continue_()
        else:  # never let anything leave the machine (the request event records it)
            r.abort()

    page.route("**/*", route)
    page.goto(path.resolve().as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    seen["fonts"] = page.evaluate(
        "Array.from(document.fonts).map(f => f.family.replace(/\"/g, '') + ':' + f.status)")
    # collapsed groups (<details>) hold text too: open them all before reading it
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    seen["text"] = page.evaluate("document.body ? document.body.innerText : ''")
    seen["xss"] = page.evaluate("typeof window.__xss")
    seen["n_img"] = page.evaluate("document.images.length")
    seen["broken_img"] = page.evaluate(
        "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).length")
    seen["tofu"] = tofu(page)
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
    context.close()
    return seen


def test_every_page_in_chromium(browser, rendered):
    out = rendered.out
    pages = rendered.html
    corpus_wide = [p for p in rendered.result.pages if p.level == "corpus"]   # 01-04, 06, 07
    assert len(corpus_wide) == 6
    assert (out / "index.html") in pages and \
        len(pages) == len(corpus_wide) + len(PROVINCES) + 1 + 2
    problems = {}
    texts = {}
    shots = []
    for path in pages:
        shot = ARTIFACTS / "index.png" if path == out / "index.html" else \
            ARTIFACTS / "pages" / f"{path.parent.name}-{path.stem}.png"
        seen = _visit(browser, path, shot)
        shots.append(shot)
        texts[path] = seen["text"]
        bad = {k: seen[k] for k in ("console", "pageerror", "failed", "external") if seen[k]}
        if seen["xss"] != "undefined":
            bad["xss"] = seen["xss"]
        if not _CJK.search(seen["text"]):
            bad["no_chinese"] = True
        if "fazhi-cjk:loaded" not in seen["fonts"]:  # Chinese renders without system fonts
            bad["font"] = seen["fonts"]
        if seen["broken_img"]:
            bad["broken_images"] = seen["broken_img"]
        if seen["tofu"]:  # Chinese drawn by no web font: boxes without a system font
            bad["tofu"] = seen["tofu"][:10]
        if "fazhi-lab-font" in path.read_text(encoding="utf-8"):  # the page embeds its own
            bad["lab_font"] = True
        if bad:
            problems[f"{path.parent.name}/{path.name}"] = bad
    print("\nscreenshots of every page:\n" + "\n".join(str(s) for s in shots))
    assert not problems, problems
    assert all(s.stat().st_size > 0 for s in shots)
    # the crafted markup is shown literally (as text), at least in the index's source table
    index_text = texts[out / "index.html"]
    assert XSS_SCRIPT in index_text and XSS_IMG in index_text
    # every page that carries the crafted report's text shows it as text, never as markup
    for name, text in texts.items():
        if "window.__xss" in text:
            assert XSS_SCRIPT in text or XSS_IMG in text or "__xss=" in text, name


def test_index_links_open_every_rendered_page(browser, rendered):
    out = rendered.out
    context = browser.new_context()
    page = context.new_page()
    page.goto((out / "index.html").resolve().as_uri())
    hrefs = page.evaluate("Array.from(document.querySelectorAll('a[href]'))"
                          ".map(a => a.getAttribute('href'))")
    context.close()
    files = {h for h in hrefs if not h.startswith("#")}
    rendered_files = {p.file for p in rendered.result.pages
                      if p.file and p.status != "failed"}
    assert rendered_files <= files
    for f in files:
        assert (out / f).is_file(), f


def test_the_tofu_check_sees_boxes_without_the_page_font(browser, rendered, tmp_path):
    """The check can fail: the same page without its embedded font shows boxes here."""
    page = rendered.out / "01_overview.html"
    html = page.read_text(encoding="utf-8")
    stripped = re.sub(r"@font-face \{[^}]*\}", "", html)
    assert stripped != html
    bare = tmp_path / page.name
    bare.write_text(stripped, encoding="utf-8")
    seen = _visit(browser, bare)
    assert seen["tofu"] and _CJK.search(seen["tofu"][0])
