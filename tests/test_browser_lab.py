"""A real JupyterLab in headless Chromium, without any Chinese system font (tests/browser_fonts.py:
fontconfig sees only DejaVu): a notebook opened and run from the Lab's own menu shows its tables,
notices, Markdown and code in the packaged font — ``fd.setup()`` gives the Lab the font, and a table with
a character beyond it (鮀) brings that glyph along. Before the run the same check finds boxes (the
check can fail). The Lab's own tab label of a Chinese file name, drawn before the font came,
keeps its boxes until the page is reloaded: only the notebook (cells and outputs) is checked.
Screenshots before and after go to tests/artifacts/. Skips without Chromium or
JupyterLab (fails under CI=true), as tests/test_browser.py.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from browser_fonts import tofu
from test_browser import ARTIFACTS, browser  # noqa: F401 - the module's Chromium fixture

pytestmark = pytest.mark.slow  # a JupyterLab server and a kernel per notebook

SRC = Path(__file__).resolve().parents[1] / "src"
NB_DIR = SRC / "fazhi" / "notebooks"
# the notebook on show (the Lab keeps other open notebooks' widgets hidden in the page)
SHOWN = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# a small notebook in the layout of the package's: Markdown, the import cell, a labelled table,
# a DataFrame shown by the cell formatter, a notice
CELLS = [
    ("markdown", "# 各乡镇（街道）报告概览\n\n下表列出福州市马尾区亭江镇、汕头市金平区鮀江街道和"
                 "重庆市黔江区蓬东乡的报告字数；年度不明的报告记作“（不明）”。"),
    ("code", "import pandas as pd\nfrom fazhi import display as fd\nfd.setup()"),
    ("code", 'fd.table(fd.label_columns(pd.DataFrame({"town": ["亭江镇", "鮀江街道", "蓬东乡"],\n'
             '    "report_year": [2020, 2024, None], "n_chars": [2310, 1876, 3021]})),\n'
             '    caption="各乡镇（街道）报告字数")'),
    ("code", 'pd.DataFrame({"部分": ["成效", "问题", "计划"], "报告数": [3, 2, 3]})'),
    ("code", 'fd.message("样例共 3 份报告，其中 1 份年度不明。")'),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a free local port, its root a temp folder holding the notebook; its
    config, data and runtime folders temporary too (nothing of the user's is read or written)."""
    pytest.importorskip("jupyterlab")
    root = tmp_path_factory.mktemp("lab")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(src) if kind == "markdown"
                else nbformat.v4.new_code_cell(src) for kind, src in CELLS]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, root / "概览.ipynb")
    home = tmp_path_factory.mktemp("lab-home")
    port, token = _free_port(), secrets.token_hex(12)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
           "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "run"),
           "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"), "HOME": str(home)}
    env.pop("FAZHI_LAB_FONT", None)
    # every cell in the page (no windowing: cells out of view are laid out and checked too)
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text('{"windowingMode": "none"}', encoding="utf-8")
    log = (home / "lab.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
         "--ip=127.0.0.1", f"--ServerApp.root_dir={root}", f"--IdentityProvider.token={token}",
         "--ServerApp.port_retries=0", "--LabApp.news_url=", "--LabApp.check_for_updates_class="
         "jupyterlab.NeverCheckForUpdate"],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab stopped: {(home / 'lab.log').read_text()[-2000:]}")
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not answer within 60 s")
        yield {"url": f"{base}/lab/tree/概览.ipynb?reset&token={token}", "log": home / "lab.log",
               "root": root, "base": base, "token": token}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _accept_kernel_dialog(page, *, timeout: int = 3_000) -> None:
    """JupyterLab at times asks which kernel to start for a notebook it opens (a race of its
    session restore; seen once in ~10 runs): accept what it proposes (the notebook's own Python 3),
    as a reader would. Nothing when the dialog does not come within ``timeout`` ms."""
    from playwright.sync_api import TimeoutError as NoDialog

    button = page.locator(".jp-Dialog:has-text('Select Kernel') button.jp-mod-accept")
    try:
        button.wait_for(state="visible", timeout=timeout)
    except NoDialog:
        return
    button.click()


def _open_and_run(page, url: str, shot: str, *, done: str) -> list[str]:
    """Open a notebook in the Lab, run all its cells from the Run menu, wait for ``done`` (a
    selector) and the packaged font; a screenshot; the boxes found in the notebook."""
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(f"{SHOWN} .jp-MarkdownCell .jp-RenderedMarkdown", timeout=90_000)
    _accept_kernel_dialog(page)
    page.wait_for_selector(f"{SHOWN} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
    page.click("li.lm-MenuBar-item:has-text('Run')")
    page.click("li.lm-Menu-item:has-text('Run All Cells')")
    try:
        page.wait_for_selector(done, timeout=240_000)
    finally:
        page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    page.wait_for_selector(f"{SHOWN} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=300_000)
    page.wait_for_function(
        "Array.from(document.fonts).some(f => f.family.replace(/\"/g, '') === 'fazhi-cjk' "
        "&& f.status === 'loaded')", timeout=60_000)
    page.evaluate("document.fonts.ready.then(() => true)")
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    print(f"\nscreenshot: {ARTIFACTS / shot}")
    return tofu(page, within="jp-Notebook")


def test_a_shipped_notebook_runs_in_the_lab_without_boxes(browser, lab, sample_corpus):  # noqa: F811
    """01_overview on the sample store, run in the Lab: its tables (文件, 合规 flags and their
    legend) and Markdown all in the packaged font."""
    nb = nbformat.read(NB_DIR / "01_overview.ipynb", as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    params.source = params.source.replace('corpus_path: str = ""',
                                          f'corpus_path: str = {str(sample_corpus.manifest["store"])!r}')
    assert "corpus_path: str = ''" not in params.source
    nbformat.write(nb, lab["root"] / "01_overview.ipynb")
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    try:
        bad = _open_and_run(page, f"{lab['base']}/lab/tree/01_overview.ipynb?reset&token={lab['token']}",
                            "lab-01_overview.png", done=f"{SHOWN} .jp-OutputArea-output p.fazhi-legend")
        legend = page.inner_text(f"{SHOWN} .jp-OutputArea-output p.fazhi-legend")
        assert "逾期发布" in legend
        assert bad == [], bad
    finally:
        context.close()


def test_the_lab_shows_chinese_in_the_packaged_font(browser, lab):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(lab["url"], wait_until="domcontentloaded")
        page.wait_for_selector(f"{SHOWN} .jp-MarkdownCell .jp-RenderedMarkdown h1",
                               timeout=90_000)
        page.wait_for_selector(f"{SHOWN} .jp-Notebook-ExecutionIndicator[data-status='idle']",
                               timeout=90_000)
        page.evaluate("document.fonts.ready.then(() => true)")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "lab-before-run.png"))
        before = tofu(page, within="jp-Notebook")
        # the check sees boxes: the Markdown and the code are Chinese, no font draws them yet
        assert any("各乡镇" in t for t in before), before
        # Run ▸ Run All Cells, from the Lab's own menu
        page.click("li.lm-MenuBar-item:has-text('Run')")
        page.click("li.lm-Menu-item:has-text('Run All Cells')")
        page.wait_for_selector(f"{SHOWN} .jp-OutputArea-output div.fazhi-table td", timeout=180_000)
        page.wait_for_selector(f"{SHOWN} .jp-OutputArea-output:has-text('样例共 3 份报告')", timeout=60_000)
        page.wait_for_function(
            "Array.from(document.fonts).some(f => f.family.replace(/\"/g, '') === 'fazhi-cjk' "
            "&& f.status === 'loaded')", timeout=60_000)
        page.evaluate("document.fonts.ready.then(() => true)")
        page.screenshot(path=str(ARTIFACTS / "lab-after-run.png"), full_page=True)
        print(f"\nscreenshots: {ARTIFACTS / 'lab-before-run.png'}, {ARTIFACTS / 'lab-after-run.png'}")
        cells = page.eval_on_selector_all(f"{SHOWN} .jp-OutputArea-output div.fazhi-table td",
                                          "els => els.map(e => e.textContent.trim())")
        assert "鮀江街道" in cells and "（不明）" in cells, cells
        after = tofu(page, within="jp-Notebook")
        for _ in range(10):
            # on a loaded machine the font reaches cells drawn late a moment after fonts.ready:
            # boxes that stay 10 s are a missing font, not a slow one
            if not after:
                break
            page.wait_for_timeout(1000)
            page.evaluate("document.fonts.ready.then(() => true)")
            after = tofu(page, within="jp-Notebook")
        assert after == [], after
    finally:
        context.close()
