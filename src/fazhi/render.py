"""Render stage: run the parameterised notebooks with papermill and export offline HTML with nbconvert.

One call renders the corpus-wide notebooks once and each per-region notebook (one with a ``region``
parameter, e.g. ``05_dossier``) once per region of the chosen level, in local worker processes or on
a Dask cluster, skipping pages whose corpus, notebook and parameters are unchanged, and writes
``index.html`` with the provenance of every page.

>>> from fazhi.render import render
>>> result = render("data/raw", by="province", out="reports")      # doctest: +SKIP
>>> result.index                                                   # doctest: +SKIP
PosixPath('reports/index.html')
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from fazhi import __version__
from fazhi.config import notebooks_dir as _default_notebooks_dir
from fazhi.config import reports_dir
from fazhi.display import find_regions, region_order, region_place
from fazhi.display import regions as find_units
from fazhi.memo import corpus_key
from fazhi.vocab import REGION_LABELS as _LEVEL_NAME
from fazhi.vocab import REGION_LEVELS as LEVELS
from fazhi.vocab import UNKNOWN, is_unknown
from fazhi.vocab import label as _label

Level = Literal["province", "city", "district", "town"]
Status = Literal["rendered", "skipped", "failed"]

LEVEL_LABELS = {"corpus": "全部语料", "province": "省级", "city": "市级", "district": "区县级",
                "town": "乡镇（街道）级"}
# the index entry of the reports without a region at the chosen level (never a dossier)
UNKNOWN_REGION = UNKNOWN
STATE_FILE = ".render-state.json"
TEMPLATES = Path(__file__).parent / "templates"
PAGE_TEMPLATE = TEMPLATES / "page.html.j2"
INDEX_TEMPLATE = "index.html.j2"

# parameters cell: a line assigning ``region`` marks a per-region notebook
_REGION_PARAM = re.compile(r"^\s*region\s*(?::[^=]*)?=", re.M)
# file names: anything but letters, digits, CJK and a few safe marks becomes "_"
_UNSAFE = re.compile(r"[^\w\u3400-\u9fff\uf900-\ufaff.\-（）()·]+", re.U)
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_MAX_NAME_BYTES = 90
_KERNEL_DIED = re.compile(r"kernel died|dead ?kernel|kernel_info|address already in use", re.I)
_KERNEL_ATTEMPTS = 3


@dataclass
class Page:
    """One rendered (or skipped, or failed) HTML page."""

    notebook: str                       # notebook stem, e.g. "05_dossier"
    level: str                          # "corpus" for corpus-wide pages, else the region level
    region: str                         # region label, e.g. 鼓楼区（福州市） ("" for corpus-wide)
    file: str                           # HTML file name inside ``out``
    status: Status = "rendered"
    parameters: dict = field(default_factory=dict)
    key: str = ""                       # cache key (corpus, notebook bytes, parameters, renderer)
    seconds: float = 0.0
    error: str = ""                     # last error lines of a failed page
    reason: str = ""                    # why a page was skipped
    rendered_at: str = ""
    # the unknown-region entry: the reports not placed at this level, {file, title, reason}
    reports: list[dict] = field(default_factory=list)
    # the region's key: province … name ("" for an unknown parent), e.g. [福建省, 福州市, 鼓楼区]
    place: list[str] = field(default_factory=list)


@dataclass
class RenderResult:
    """What :func:`render` did: the index path, every page with its status, errors, seconds."""

    index: Path
    pages: list[Page]
    errors: list[str]
    seconds: float

    def count(self, status: Status) -> int:
        return sum(p.status == status for p in self.pages)

    @property
    def ok(self) -> bool:
        return self.count("failed") == 0

    @property
    def unplaced(self) -> list[dict]:
        """The reports that got no dossier because their region is unknown at the level:
        ``{"level", "file", "title", "reason"}`` each, once per level."""
        seen: dict[tuple[str, str], dict] = {}
        for p in self.pages:
            for r in p.reports:
                seen.setdefault((p.level, r["file"]), {"level": p.level, **r})
        return list(seen.values())

    def summary(self) -> str:
        """One line: pages, rendered, skipped, failed, time (and the reports not placed)."""
        line = (f"{len(self.pages)} 页 / pages: {self.count('rendered')} rendered, "
                f"{self.count('skipped')} skipped, {self.count('failed')} failed "
                f"in {self.seconds:.1f} s")
        n = len(self.unplaced)
        return line + (f"; {n} 份报告地区不明，未生成档案 / {n} report(s) not placed" if n else "")


# ---------------------------------------------------------------- names


def safe_name(name: str, *, max_bytes: int = _MAX_NAME_BYTES) -> str:
    """A file-name part for ``name`` that cannot leave its folder.

    Separators, ``..``, control and reserved characters become ``_``; long names are cut (by UTF-8
    bytes). A name changed in any way gets a short hash of the original, so distinct names never
    collide after sanitising.

    >>> safe_name("广东省")
    '广东省'
    >>> safe_name("../etc/passwd")[:12]
    '_etc_passwd-'
    """
    norm = unicodedata.normalize("NFC", name)
    slug = "".join(ch if unicodedata.category(ch)[0] != "C" else "_" for ch in norm)
    slug = _UNSAFE.sub("_", slug)
    slug = re.sub(r"\.{2,}", "_", slug)
    slug = re.sub(r"_+", "_", slug).strip("._ -") or "_"
    cut = slug.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")
    if cut != name:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        cut = f"{cut}-{digest}"
    return cut


def page_file(notebook: str, level: str | None = None, region: str | None = None) -> str:
    """The HTML file name of a page: ``01_overview.html``, ``05_dossier-province-广东省.html``.

    ``region``: the region's file part (:func:`region_files`: its full name, 福建省福州市鼓楼区)."""
    if not level or level == "corpus":
        return f"{safe_name(notebook)}.html"
    return f"{safe_name(notebook)}-{level}-{safe_name(region or '')}.html"


def _inside(out: Path, name: str) -> Path:
    target = (out / name).resolve()
    if target.parent != out.resolve():
        raise ValueError(f"unsafe page name {name!r}")
    return target


# ---------------------------------------------------------------- notebooks and corpus


def find_notebooks(folder: str | Path | None = None,
                   names: Sequence[str] | None = None) -> list[Path]:
    """The numbered notebooks (``01_overview.ipynb`` …) of ``folder``, optionally only ``names``.

    ``names`` match a notebook's stem, its number or a prefix: ``["05"]``, ``["05_dossier"]``.
    """
    folder = Path(folder) if folder else Path(os.environ.get("FAZHI_NOTEBOOKS") or
                                              _default_notebooks_dir())
    found = sorted(p for p in folder.glob("[0-9]*.ipynb") if not p.name.startswith("."))
    if names:
        wanted = [n.removesuffix(".ipynb") for n in names]
        found = [p for p in found if any(p.stem == n or p.stem.startswith(n) or
                                         p.stem.split("_", 1)[0] == n for n in wanted)]
        missing = [n for n in wanted if not any(p.stem.startswith(n) for p in found)]
        if missing:
            raise FileNotFoundError(f"没有这些笔记本 / no such notebooks in {folder}: "
                                    f"{', '.join(missing)}")
    return found


def is_per_region(notebook: str | Path) -> bool:
    """Whether a notebook's ``parameters`` cell has a ``region`` parameter (one page per region)."""
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if "parameters" in (cell.get("metadata", {}).get("tags") or []):
            src = cell.get("source", "")
            return bool(_REGION_PARAM.search(src if isinstance(src, str) else "".join(src)))
    return False


def _renderer_version() -> str:
    h = hashlib.sha256(__version__.encode())
    for p in (Path(__file__), PAGE_TEMPLATE):
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def _page_key(ckey: str, nb_bytes: bytes, params: dict) -> str:
    h = hashlib.sha256()
    h.update(ckey.encode())
    h.update(hashlib.sha256(nb_bytes).digest())
    h.update(json.dumps(params, sort_keys=True, ensure_ascii=False).encode())
    h.update(_renderer_version().encode())
    return h.hexdigest()[:24]


# ---------------------------------------------------------------- one page (in a worker)


def _last_lines(text: str, n: int = 8) -> str:
    lines = [ln.rstrip() for ln in _ANSI.sub("", text).splitlines() if ln.strip()]
    return "\n".join(lines[-n:])


_EXPORTER = None


def _exporter():
    """The HTML exporter, built once per process (its templates load in ~0.3 s)."""
    global _EXPORTER
    if _EXPORTER is None:
        _EXPORTER = _new_exporter()
    return _EXPORTER


def _new_exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab", template_file=str(PAGE_TEMPLATE),
                        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                        embed_images=True, mathjax_url="", require_js_url="",
                        language_code="zh")


FONT_SLOT = "<!--fazhi-font-->"
FONT_FAMILY = "fazhi-cjk"


def font_css(text: str) -> str:
    """An ``@font-face`` rule embedding the Chinese font, subset to the characters of ``text``.

    Pages must render Chinese on machines without a Chinese system font (and offline), so the
    package's font (:func:`fazhi.fonts.font_path`) is embedded as a WOFF data URL holding only
    the glyphs the page uses. Returns "" when no font or fontTools is available.
    """
    import base64
    import io

    try:
        from fontTools import subset

        from fazhi.fonts import font_path

        path = font_path()
    except Exception:  # noqa: BLE001 - the page still renders with the reader's fonts
        return ""
    # set() first: a page is mostly base64 images, one pass in C instead of per character
    chars = "".join(sorted(ch for ch in set(text) if ord(ch) > 0x2000))
    if not chars:
        return ""
    opts = subset.Options()
    opts.hinting = False
    opts.desubroutinize = True
    opts.layout_features = ["*"]
    font = subset.load_font(str(path), opts)
    sub = subset.Subsetter(opts)
    sub.populate(text=chars)
    sub.subset(font)
    font.flavor = "woff"
    buf = io.BytesIO()
    subset.save_font(font, buf, opts)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (f'<style type="text/css">@font-face {{ font-family: "{FONT_FAMILY}"; '
            f'src: url(data:font/woff;base64,{data}) format("woff"); }}</style>')


def embed_font(html: str) -> str:
    """Fill the template's font slot with the subset font of the page's own characters."""
    if FONT_SLOT not in html:
        return html
    return html.replace(FONT_SLOT, font_css(html), 1)


def export_html(notebook, html_path: str | Path, *, title: str | None = None) -> Path:
    """Export an executed notebook (path or node) to offline HTML, inputs hidden; atomic write.

    ``title``: the page's ``<title>`` (default: the HTML file's stem).
    """
    import nbformat

    node = notebook if not isinstance(notebook, (str, Path)) else \
        nbformat.read(str(notebook), as_version=4)
    html_path = Path(html_path)
    resources = {"metadata": {"name": title or html_path.stem}}
    body, _ = _exporter().from_notebook_node(node, resources=resources)
    _atomic_write(html_path, embed_font(body))
    return html_path


_KERNEL_ARGS = ["--IPKernelApp.log_level=ERROR"]
# modules every notebook imports in its first cells: a spare kernel loads them while the worker
# exports the previous page. One expression run silently: no name is bound in the kernel's
# namespace and the execution count does not move, so the page still starts from a clean kernel.
_WARM_MODULES = ("pandas", "pyarrow.parquet", "fazhi", "fazhi.corpus", "fazhi.display",
                 "fazhi.textstat", "fazhi.textplot", "matplotlib.pyplot", "IPython.display")
# matplotlib's config/cache folder is chosen as fazhi.fonts does before its first import
_WARM_CODE = ("__import__('fazhi.fonts').fonts._ensure_mpl_cache() or "
              f"[__import__('importlib').import_module(m) for m in {list(_WARM_MODULES)!r}] "
              "and None")
_SPARE: _SpareKernel | None = None
_ATEXIT: list[bool] = []


class _SpareKernel:
    """A new kernel for the worker's next page, started (and its imports loaded) in a thread.

    Each kernel still serves exactly one page: it is started for that page, warmed with module
    imports only, handed to papermill, and shut down after the page.
    """

    def __init__(self, cwd: str | None) -> None:
        import threading

        from jupyter_client.manager import AsyncKernelManager

        self.cwd = cwd
        self.km = AsyncKernelManager(kernel_name="python3")
        self.ok = False
        self.thread = threading.Thread(target=self._start, daemon=True)
        self.thread.start()

    def _start(self) -> None:
        import asyncio

        try:
            asyncio.run(self.km.start_kernel(cwd=self.cwd, extra_arguments=_KERNEL_ARGS))
            kc = self.km.blocking_client()
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=60)
                msg_id = kc.execute(_WARM_CODE, silent=True, store_history=False)
                while True:
                    reply = kc.get_shell_msg(timeout=120)
                    if reply.get("parent_header", {}).get("msg_id") == msg_id:
                        break
                self.ok = reply.get("content", {}).get("status") == "ok"
            finally:
                kc.stop_channels()
        except Exception:  # noqa: BLE001 - the page then starts its own kernel
            self.ok = False

    def take(self, cwd: str | None):
        """The started kernel manager, or None (failed, other folder): then it is shut down."""
        self.thread.join()
        if self.ok and self.cwd == cwd:
            return self.km
        _shutdown(self.km)
        return None


def _shutdown(km) -> None:
    import asyncio

    try:
        if km is not None and km.has_kernel:
            asyncio.run(km.shutdown_kernel(now=True))
    except Exception:  # noqa: BLE001 - best effort; the kernel exits with its parent anyway
        pass


def _shutdown_spare() -> None:
    global _SPARE
    if _SPARE is not None:
        _SPARE.thread.join()
        _shutdown(_SPARE.km)
        _SPARE = None


def _prestart(task: dict) -> None:
    import atexit

    global _SPARE
    if task.get("prestart") and _SPARE is None:
        if not _ATEXIT:
            from multiprocessing import util

            atexit.register(_shutdown_spare)
            # pool workers leave through os._exit (no atexit), but run these finalizers
            util.Finalize(None, _shutdown_spare, exitpriority=10)
            _ATEXIT.append(True)
        _SPARE = _SpareKernel(task.get("cwd"))


def _worker_init(cwd: str | None) -> None:
    """A new worker process: start the kernel of its first page, then import papermill and
    build the HTML exporter while that kernel boots."""
    _prestart({"prestart": True, "cwd": cwd})
    import papermill  # noqa: F401

    _exporter()


def render_page(task: dict) -> dict:
    """Execute one notebook with papermill and export it to HTML (runs in a worker process).

    ``task``: notebook, out, file, parameters, cwd, and ``prestart`` (this worker has another page
    to render: start its kernel while this page is exported). Returns the task with status,
    seconds, error. One kernel per page: kernels are never reused.
    """
    import logging

    import papermill as pm

    global _SPARE
    # papermill warns about annotated parameters it cannot parse; the kernel about plain TCP
    logging.getLogger("papermill").setLevel(logging.ERROR)
    t0 = time.time()
    out = Path(task["out"])
    tmp = out / ".executed"
    tmp.mkdir(parents=True, exist_ok=True)
    executed = tmp / (task["file"].removesuffix(".html") + ".ipynb")
    result = {**task, "status": "rendered", "error": ""}
    km = None
    if _SPARE is not None:
        km, _SPARE = _SPARE.take(task.get("cwd")), None
    try:
        for attempt in range(_KERNEL_ATTEMPTS):
            try:
                node = pm.execute_notebook(
                    task["notebook"], str(executed), parameters=task["parameters"],
                    kernel_name="python3", progress_bar=False, log_output=False, report_mode=True,
                    cwd=task.get("cwd"), extra_arguments=_KERNEL_ARGS,
                    **({"km": km} if km is not None else {}))
                break
            except pm.PapermillExecutionError:
                raise
            except Exception as exc:  # noqa: BLE001
                # two kernels starting at once can pick the same free port (ZMQ "Address
                # already in use"): the kernel dies before replying; start it again
                _shutdown(km)
                km = None
                if attempt + 1 == _KERNEL_ATTEMPTS or not _KERNEL_DIED.search(str(exc)):
                    raise
        _shutdown(km)  # papermill leaves a kernel it did not start running
        km = None
        _prestart(task)
        export_html(node, _inside(out, task["file"]), title=task.get("title"))
    except Exception as exc:  # noqa: BLE001 - any failure of one page is reported, not raised
        result["status"] = "failed"
        ename = getattr(exc, "ename", type(exc).__name__)
        evalue = getattr(exc, "evalue", str(exc))
        tb = getattr(exc, "traceback", None)
        text = "\n".join(tb) if tb else f"{ename}: {evalue}"
        result["error"] = _last_lines(text) or f"{ename}: {evalue}"
    finally:
        _shutdown(km)
        _prestart(task)  # also after a failed page
        executed.unlink(missing_ok=True)
    result["seconds"] = round(time.time() - t0, 3)
    return result


def _atomic_write(path: Path, text: str) -> None:
    from fazhi.files import atomic_write

    atomic_write(path, text)


# ---------------------------------------------------------------- running the pages


def _run(tasks: list[dict], workers: int, scheduler, on_done: Callable[[dict], None]) -> None:
    """Run ``render_page`` over ``tasks``: in-process, in local processes, or on a Dask cluster."""
    if not tasks:
        return
    early = os.environ.get("FAZHI_PRESTART", "1") != "0"
    if scheduler is not None:
        from fazhi.parallel import run_on_cluster

        run_on_cluster(render_page, tasks, scheduler, on_done)
        return
    if workers <= 1 or len(tasks) == 1:
        for i, t in enumerate(tasks):
            on_done(render_page({**t, "prestart": early and i + 1 < len(tasks)}))
        _shutdown_spare()
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # spawn: the parent holds pandas/arrow thread pools that a fork could deadlock on
    ctx = mp.get_context("spawn")
    cwds = {t.get("cwd") for t in tasks}
    init = (_worker_init, (cwds.pop(),)) if early and len(cwds) == 1 else (None, ())
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=ctx,
                             initializer=init[0], initargs=init[1]) as pool:
        # a worker starts the next page's kernel early unless this is among its last pages
        n = min(workers, len(tasks))
        futures = [pool.submit(render_page, {**t, "prestart": early and i + n < len(tasks)})
                   for i, t in enumerate(tasks)]
        for fut in as_completed(futures):
            on_done(fut.result())


def _progress(total: int, enabled: bool | None):
    from tqdm.auto import tqdm

    disable = not (sys.stderr.isatty() if enabled is None else enabled)
    return tqdm(total=total, unit="页", desc="渲染 / render", disable=disable, file=sys.stderr,
                dynamic_ncols=True)


def _load_state(out: Path) -> dict:
    try:
        state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
        return state if isinstance(state, dict) and isinstance(state.get("pages"), dict) else \
            {"pages": {}}
    except (OSError, ValueError):
        return {"pages": {}}


def _regions(docs, level: str) -> list[str]:
    """The labels of the regions of ``level`` that have reports, province → city → … order."""
    return [r.label for r in find_units(docs, level)]


def region_files(found) -> dict[tuple[str, ...], str]:
    """The file part of each region (:class:`fazhi.display.Region`): its full name
    (福建省福州市鼓楼区, 重庆市黔江区; 鼓楼区 for one whose parents are unknown), which does not change
    when a namesake joins the corpus; a short hash of the key is added where two full names meet.
    """
    by_place: dict[str, list] = {}
    for r in found:
        by_place.setdefault(r.place, []).append(r)
    out = {}
    for place, rs in by_place.items():
        for r in rs:
            digest = hashlib.sha1("\x1f".join(r.key).encode("utf-8")).hexdigest()[:8]
            out[r.key] = place if len(rs) == 1 else f"{place}-{digest}"
    return out


def _wanted(found, only: Iterable[str], level: str) -> set[tuple[str, ...]]:
    """The keys of the regions ``only`` names (labels, full names, unique names); an error lists
    the names that fit no region or several."""
    keys: set[tuple[str, ...]] = set()
    missing, several = [], []
    for name in sorted(only):
        name = name.strip()
        if name in (UNKNOWN_REGION, ""):
            continue
        hit = find_regions(found, name)
        if hit:
            keys.update(r.key for r in hit)
            continue
        same = [r.label for r in found if r.name == name]
        if same:
            several.append(f"{name} → {'、'.join(same)}")
        else:
            missing.append(name)
    if missing or several:
        parts = []
        if missing:
            parts.append(f"没有这些地区 / no such {level} in the corpus: {', '.join(missing)}")
        if several:
            parts.append(f"名称有重名，请指明 / several {level} units of that name: "
                         f"{', '.join(several)}")
        raise ValueError("; ".join(parts))
    return keys


def unplaced_reports(docs, level: str) -> list[dict]:
    """The reports without a region at ``level``, each ``{file, title, reason}`` (Chinese and
    English reason): they get no dossier and are listed on the index page instead."""
    from fazhi.display import unplaced

    return [{"file": r["file"], "title": r["title"],
             "reason": f"{r['reason']} / {level} unknown"}
            for r in unplaced(docs, level).to_dict("records")]


def _open(path, store):
    from fazhi.corpus import load_corpus, open_corpus, store_dir

    if path is not None and store_dir(path) is not None:
        return load_corpus(path)  # PATH is a built store
    return open_corpus(path, **({"out": store} if store else {}), progress=False)


def render(path: str | Path | None = None, *, by: Level = "province",
           only: Iterable[str] | None = None, notebooks: Iterable[str] | None = None,
           out: str | Path | None = None, workers: int | None = None, scheduler=None,
           force: bool = False, progress: bool | None = None,
           notebooks_dir: str | Path | None = None,
           store: str | Path | None = None) -> RenderResult:
    """Render the notebooks for the corpus at ``path`` into ``out`` with an ``index.html``.

    Corpus-wide notebooks run once; a notebook with a ``region`` parameter (``05_dossier``) runs
    once per region of level ``by`` (``only``: just these regions). ``notebooks``: names or
    numbers of notebooks to run (default all); ``notebooks_dir``: where they are (default
    ``$FAZHI_NOTEBOOKS`` or the project's ``notebooks/``). ``workers``: local processes (default:
    up to the cores); ``scheduler``: a Dask address or ``Client``. Unchanged pages are skipped
    unless ``force``. ``store``: the corpus store folder (default: next to the corpus, as
    ``fazhi build``). A failing page never stops the others: see ``RenderResult.pages``.

    >>> r = render("data/raw", by="province", out="reports")        # doctest: +SKIP
    >>> [p.file for p in r.pages if p.region == "广东省"]               # doctest: +SKIP
    ['05_dossier-province-广东省.html']
    """
    t0 = time.time()
    if by not in LEVELS:
        raise ValueError(f"by must be one of {LEVELS}, not {by!r}")
    out = Path(out) if out else reports_dir()
    out.mkdir(parents=True, exist_ok=True)
    nbs = find_notebooks(notebooks_dir, list(notebooks) if notebooks else None)
    if not nbs:
        raise FileNotFoundError(f"没有笔记本 / no notebooks in "
                                f"{notebooks_dir or _default_notebooks_dir()}")
    corpus = _open(path, store)
    manifest = corpus.manifest or {}
    store_path = str(Path(manifest.get("store") or store or path).resolve())
    ckey = corpus_key(manifest)
    regions = find_units(corpus.docs, by)
    files = region_files(regions)
    unplaced = unplaced_reports(corpus.docs, by)
    wanted = {r.strip() for r in only} if only else None
    keys = _wanted(regions, wanted, by) if wanted is not None else None

    pages: list[Page] = []
    for nb in nbs:
        nb_bytes = nb.read_bytes()
        base = {"corpus_path": store_path}
        if not is_per_region(nb):
            p = dict(base)
            pages.append(Page(nb.stem, "corpus", "", page_file(nb.stem), parameters=p,
                              key=_page_key(ckey, nb_bytes, p)))
            continue
        for region in regions:
            if keys is not None and region.key not in keys:
                continue
            p = {**base, "level": by, "region": region.label}
            pages.append(Page(nb.stem, by, region.label, page_file(nb.stem, by, files[region.key]),
                              parameters=p, key=_page_key(ckey, nb_bytes, p),
                              place=list(region.key)))
        if unplaced and (wanted is None or wanted & {UNKNOWN_REGION, ""}):
            n = len(unplaced)
            pages.append(Page(nb.stem, by, UNKNOWN_REGION, "", status="skipped",
                              reason=f"{n} 份报告的{_LEVEL_NAME[by]}不明，不生成档案（见下表） / "
                                     f"{by} unknown for {n} report(s): no dossier",
                              reports=unplaced))
    _check_unique(pages)

    state = _load_state(out)
    todo: list[Page] = []
    for page in pages:
        if not page.file:
            continue
        prev = state["pages"].get(page.file) or {}
        if not force and prev.get("key") == page.key and prev.get("status") == "rendered" and \
                (out / page.file).is_file():
            page.status, page.reason = "skipped", "未改变 / unchanged"
            page.rendered_at = prev.get("rendered_at", "")
            page.seconds = prev.get("seconds", 0.0)
        else:
            todo.append(page)

    by_file = {p.file: p for p in todo}
    # longest first (by the last run's time, corpus-wide pages before unknown ones): the
    # slowest page does not start last and leave a core idle
    todo.sort(key=lambda p: -((state["pages"].get(p.file) or {}).get("seconds") or
                              (60.0 if p.level == "corpus" else 0.0)))
    tasks = [{"notebook": str(nb_path), "out": str(out.resolve()), "file": p.file,
              "parameters": p.parameters, "cwd": str(nb_path.parent),
              "title": f"{p.notebook} · {p.region}" if p.region else p.notebook}
             for p in todo for nb_path in nbs if nb_path.stem == p.notebook]
    n_workers = workers if workers else min(_cores(), 2 if len(tasks) > 1 else 1)
    bar = _progress(len(tasks), progress)
    errors: list[str] = []

    def on_done(res: dict) -> None:
        page = by_file[res["file"]]
        page.status, page.seconds, page.error = res["status"], res["seconds"], res["error"]
        page.rendered_at = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        if page.status == "failed":
            errors.append(f"{page.file}: {page.error.splitlines()[-1] if page.error else ''}")
            (out / page.file).unlink(missing_ok=True)  # never leave a stale page behind
        state["pages"][page.file] = {**asdict(page), "corpus": ckey}
        _write_state(out, state)
        bar.set_postfix_str(page.file, refresh=False)
        bar.update(1)

    try:
        _run(tasks, n_workers, scheduler, on_done)
    finally:
        bar.close()
        _cleanup(out)

    # pages of earlier runs (other regions, levels or notebooks) still current stay in the index;
    # a regional page without its region's key is from a renderer that keyed regions by name
    listed = {p.file for p in pages}
    earlier = [Page(**{k: v for k, v in info.items() if k in Page.__dataclass_fields__})
               for f, info in sorted(state["pages"].items())
               if f not in listed and info.get("corpus") == ckey and
               info.get("status") == "rendered" and (out / f).is_file() and
               (info.get("level") == "corpus" or info.get("place"))]
    for p in earlier:
        p.status, p.reason = "skipped", "早先生成 / from an earlier run"
    seconds = round(time.time() - t0, 3)
    index = write_index(out, pages + earlier, corpus, by=by, seconds=seconds)
    return RenderResult(index=index, pages=pages, errors=errors, seconds=round(time.time() - t0, 3))


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS/Windows
        return os.cpu_count() or 1


def _check_unique(pages: list[Page]) -> None:
    seen: dict[str, Page] = {}
    for p in pages:
        if p.file and p.file in seen:
            raise ValueError(f"two pages would share the file {p.file!r}")
        seen[p.file] = p


def _write_state(out: Path, state: dict) -> None:
    _atomic_write(out / STATE_FILE, json.dumps(state, ensure_ascii=False, indent=1))


def _cleanup(out: Path) -> None:
    tmp = out / ".executed"
    if tmp.is_dir() and not any(tmp.iterdir()):
        tmp.rmdir()


# ---------------------------------------------------------------- the index page


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"fazhi": __version__, "python": sys.version.split()[0]}
    for name in ("papermill", "nbconvert", "pandas", "jieba", "rjieba", "matplotlib"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            pass
    return out


def _year(value) -> str:
    if is_unknown(value):
        return UNKNOWN
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return _label(value)


def _place(row: dict) -> str:
    from fazhi.display import place

    return place(row)


def _index_order(page: Page) -> tuple:
    """Regions of a level in province → city → … order (by key; the unknown entry last)."""
    if page.region == UNKNOWN_REGION:
        return (2, ())
    if page.place:
        return (0, region_order(tuple(page.place)))
    return (1, ((False, page.region),))


def index_regions(pages: list[Page]) -> list[dict]:
    """The index entries of one level's pages: one per region (its key: same-named units apart),
    province → city → … order, with its full name and, for a region whose parents are unknown,
    that it is kept apart from its namesakes: ``{name, note, pages, reports}``."""
    entries: dict[tuple, dict] = {}
    names: dict[str, set[tuple]] = {}
    for p in sorted(pages, key=_index_order):
        ident = (p.region, tuple(p.place))
        entry = entries.setdefault(ident, {"name": p.region, "place": p.place, "pages": [],
                                           "reports": []})
        entry["pages"].append(p)
        if p.reports and not entry["reports"]:
            entry["reports"] = p.reports
        if p.place:
            names.setdefault(p.place[-1], set()).add(tuple(p.place))
    for entry in entries.values():
        key = tuple(entry.pop("place"))
        note = ""
        if key and not any(key[:-1]):
            if len(names.get(key[-1], ())) > 1:
                note = "上级地区不明（地名有重名），未与同名地区合并 / parents unknown: kept apart"
        elif key and region_place(key) != entry["name"]:
            note = region_place(key)
        entry["note"] = note
    return list(entries.values())


def index_context(pages: list[Page], corpus, *, by: str, seconds: float) -> dict:
    """The data of the index page (plain values; the template escapes them)."""
    from fazhi.versions import data_version

    manifest = corpus.manifest or {}
    docs = corpus.docs
    files = manifest.get("files") or {}
    sources = []
    for row in docs.to_dict("records") if len(docs) else []:
        info = files.get(row.get("file"), {})
        sources.append({"file": row.get("file", ""), "title": _label(row.get("title")),
                        "place": _place(row), "year": _year(row.get("report_year")),
                        "hash": (info.get("hash") or "")[:16],
                        "text_hash": (row.get("text_hash") or info.get("text_hash") or "")[:16]})
    groups = []
    corpus_pages = [p for p in pages if p.level == "corpus"]
    if corpus_pages:
        groups.append({"label": f"{LEVEL_LABELS['corpus']} / whole corpus", "regions": [
            {"name": "全部报告 / all reports", "pages": corpus_pages}]})
    for level in LEVELS:
        regional = [p for p in pages if p.level == level]
        if regional:
            groups.append({"label": f"按{LEVEL_LABELS[level]}地区 / by {level}",
                           "regions": index_regions(regional)})
    rejected = corpus.rejected
    return {
        "title": "法治政府建设年度报告分析 / Rule-of-law report analyses",
        "groups": groups,
        "failed": [p for p in pages if p.status == "failed"],
        "counts": {s: sum(p.status == s for p in pages) for s in ("rendered", "skipped", "failed")},
        "n_pages": len(pages),
        "sources": sources,
        "rejected": [] if rejected is None or not len(rejected) else
        [{k: str(v) for k, v in r.items()} for r in rejected.to_dict("records")][:200],
        "provenance": [
            ("语料库构建时间 / corpus built", manifest.get("built", "")),
            ("语料库 / store", manifest.get("store", "")),
            ("原始报告 / source folder", manifest.get("source", "")),
            ("报告数 / documents", manifest.get("n_docs", len(docs))),
            ("词库版本 / lexicon version", manifest.get("lexicon", "")),
            ("词库来源 / lexicon", corpus.lexicon.origin if getattr(corpus, "lexicon", None)
             else manifest.get("lexicon_folder") or ""),
            ("数据版本 / data version (fazhi/data + user lexicon)",
             data_version(getattr(corpus, "lexicon", None) or manifest.get("lexicon_folder"))),
            ("分词 / segmenter", f"{manifest.get('backend', '')} (hmm={manifest.get('hmm', '')})"),
            ("软件版本 / package version", manifest.get("package", __version__)),
            ("语料指纹 / corpus key", corpus_key(manifest)),
            ("地区层级 / regions by", f"{LEVEL_LABELS[by]} ({by})"),
            ("生成时间 / rendered", time.strftime("%Y-%m-%dT%H:%M:%S%z")),
            ("用时 / seconds", f"{seconds:.1f}"),
        ],
        "versions": _versions(),
        "level_labels": LEVEL_LABELS,
    }


def write_index(out: str | Path, pages: list[Page], corpus, *, by: str = "province",
                seconds: float = 0.0) -> Path:
    """Write ``index.html`` (self-contained, every value escaped) for ``pages``; return its path."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["params"] = lambda d: ", ".join(
        f"{k}={v}" for k, v in (d or {}).items() if k != "corpus_path")
    html = embed_font(env.get_template(INDEX_TEMPLATE).render(
        **index_context(pages, corpus, by=by, seconds=seconds), font_slot=FONT_SLOT))
    out = Path(out)
    index = out / "index.html"
    _atomic_write(index, html)
    return index
