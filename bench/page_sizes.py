"""Sizes of the pages of render folders, and what their bytes are: images, the embedded font,
scripts, stylesheets, table markup; the table rows a reader gets without JavaScript.

Usage: python bench/page_sizes.py DIR [DIR ...] [--labels NAME ...] [--write]

Each DIR is the output of ``fazhi render`` (e.g. the sample corpus rendered before and after a
change: ``fazhi render data/raw --store /tmp/s --out /tmp/before``). Prints one Markdown table per
folder and a page-by-page comparison; ``--write`` replaces the "## Page sizes" section of
bench/RESULTS.md with them.

>>> python bench/page_sizes.py /tmp/before /tmp/after --labels before after   # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_results import write_section  # noqa: E402

_IMAGE = re.compile(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+")
_FONT = re.compile(r"<style[^>]*>@font-face.*?</style>", re.S)
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.S)
_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_TBODY = re.compile(r"<tbody\b.*?</tbody>", re.S)
_ROW = re.compile(r"<tr\b")
_PLACEHOLDER = re.compile(r"Loading ITables")  # itables' table before its script ran
_TRUNCATED = re.compile(r"<td>\.\.\.</td>|<th>\.\.\.</th>|<td>…</td>")


def measure(page: Path) -> dict:
    """Bytes of one page by kind, its tables, the rows readable without JavaScript."""
    text = page.read_text(encoding="utf-8")
    total = len(text.encode("utf-8"))
    images = sum(len(m) for m in _IMAGE.findall(text))
    font = sum(len(m.encode("utf-8")) for m in _FONT.findall(text))
    scripts = sum(len(m.encode("utf-8")) for m in _SCRIPT.findall(text))
    styles = sum(len(m.encode("utf-8")) for m in _STYLE.findall(text)) - font
    tables = _TABLE.findall(_SCRIPT.sub("", text))  # not the "<table" strings of a script
    markup = sum(len(t.encode("utf-8")) for t in tables)
    rows = sum(len(_ROW.findall(b)) for t in tables if not _PLACEHOLDER.search(t)
               for b in _TBODY.findall(t))
    return {"page": page.name, "bytes": total, "images": images, "font": font,
            "scripts": scripts, "styles": styles, "tables": len(tables), "table_bytes": markup,
            "rows": rows, "cut": sum(bool(_TRUNCATED.search(t)) for t in tables),
            "empty": sum(bool(_PLACEHOLDER.search(t)) for t in tables)}


def measure_folder(folder: Path) -> list[dict]:
    return [measure(p) for p in sorted(folder.glob("*.html")) if p.name != "index.html"]


def _kb(n: float) -> str:
    return f"{n / 1024:,.1f}"


def folder_table(label: str, pages: list[dict]) -> str:
    keys = ["bytes", "images", "font", "scripts", "styles", "table_bytes", "tables", "rows",
            "cut", "empty"]
    tot = {k: sum(p[k] for p in pages) for k in keys}
    lines = [f"**{label}** ({len(pages)} pages, median page {_kb(statistics.median(p['bytes'] for p in pages))} KB)",
             "",
             "| page | KB | images KB | font KB | scripts KB | styles KB | table markup KB | tables | "
             "rows in HTML | cut tables | empty tables |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for p in [*pages, {"page": "all", **tot}]:
        lines.append(f"| {p['page']} | {_kb(p['bytes'])} | {_kb(p['images'])} | {_kb(p['font'])} | "
                     f"{_kb(p['scripts'])} | {_kb(p['styles'])} | {_kb(p['table_bytes'])} | "
                     f"{p['tables']} | {p['rows']} | {p['cut']} | {p['empty']} |")
    return "\n".join(lines)


def comparison(labels: list[str], runs: list[list[dict]]) -> str:
    names = sorted({p["page"] for run in runs for p in run})
    by = [{p["page"]: p for p in run} for run in runs]
    head = "| page | " + " | ".join(f"{lab} KB" for lab in labels)
    head += " | " + " | ".join(f"{lab} − {labels[0]} KB" for lab in labels[1:]) + " |"
    lines = [head, "|---|" + "---:|" * (2 * len(labels) - 1)]
    for name in [*names, "all"]:
        sizes = [sum(p["bytes"] for p in run) if name == "all" else
                 (b[name]["bytes"] if name in b else None) for run, b in zip(runs, by, strict=True)]
        cells = [_kb(s) if s is not None else "—" for s in sizes]
        deltas = [f"{(s - sizes[0]) / 1024:+,.1f}" if s is not None and sizes[0] is not None
                  else "—" for s in sizes[1:]]
        lines.append(f"| {name} | " + " | ".join(cells + deltas) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--labels", nargs="+")
    ap.add_argument("--write", action="store_true", help="replace the section in bench/RESULTS.md")
    ap.add_argument("--heading", default="## Page sizes")
    ap.add_argument("--note", default="", help="text under the heading (how the folders were made)")
    args = ap.parse_args(argv)
    labels = args.labels or [f.name for f in args.folders]
    if len(labels) != len(args.folders):
        ap.error("one label per folder")
    runs = [measure_folder(f) for f in args.folders]
    parts = [args.heading, "", args.note, ""] if args.note else [args.heading, ""]
    if len(runs) > 1:
        parts += [comparison(labels, runs), ""]
    for label, run in zip(labels, runs, strict=True):
        parts += [folder_table(label, run), ""]
    text = "\n".join(parts)
    print(text)
    if args.write:
        write_section(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
