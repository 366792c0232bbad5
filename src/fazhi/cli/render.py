"""``fazhi render``: notebooks -> offline HTML pages per region, with an index page."""

from __future__ import annotations

import argparse
import sys


def register(sub) -> None:
    p = sub.add_parser(
        "render", help="生成HTML报告 / render the notebooks to HTML",
        description="Run the parameterised notebooks on the corpus at PATH with papermill and "
                    "export them to offline HTML with nbconvert: the corpus-wide notebooks once, "
                    "the dossier once per region of the --by level that has reports (a region is a "
                    "unit: same-named units in different places, e.g. 福州's and 南京's 鼓楼区, "
                    "get separate dossiers), plus "
                    "index.html with the provenance of every page. Reports whose region is "
                    "unknown at that level get no dossier: they are listed (file and reason) on "
                    "the index and here. Unchanged pages are skipped. Edited copies of the "
                    "notebooks (fazhi notebooks DIR) run with --notebooks-dir DIR; every notebook "
                    "is checked first: one missing from that folder, without a cell tagged "
                    "'parameters', or lacking a parameter the render passes (corpus_path; "
                    "level and region for 05_dossier) gets one line here and fails only its own "
                    "pages. Outside a project (no pyproject.toml and data/ above the working "
                    "folder, e.g. after pip install) the built store goes to the user's cache "
                    "(~/.cache/fazhi/stores, or $FAZHI_CACHE_DIR/stores) and nothing is written "
                    "into the working folder but the default --out. The last line printed "
                    "is the path of index.html; the exit code is 1 when a page failed (or, with "
                    "--figures, when a figures folder could not be written). "
                    "例: fazhi render ~/报告 --by city --out ~/报告网页")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder of reports or a built store (default: data/raw of the project)")
    p.add_argument("--by", default="province", choices=["province", "city", "district", "town"],
                   help="地区层级: one dossier per region of this level (default: province)")
    p.add_argument("--only", nargs="+", default=None, metavar="NAME",
                   help="only the dossiers of these regions, by label or full name (e.g. "
                        "广东省 福建省; a name several units share: 鼓楼区（福州市） or "
                        "福建省福州市鼓楼区)")
    p.add_argument("--notebooks", nargs="+", default=None, metavar="NB",
                   help="only these notebooks, by name or number (e.g. 01 05_dossier; "
                        "default: all)")
    p.add_argument("--notebooks-dir", default=None, metavar="DIR",
                   help="folder of the notebooks, e.g. edited copies from fazhi notebooks DIR "
                        "(default: $FAZHI_NOTEBOOKS or the notebooks shipped in the package)")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="output folder (default: reports/ of the project, else ./reports)")
    p.add_argument("--store", default=None, metavar="DIR",
                   help="corpus store folder (default, as fazhi build: under data/processed of "
                        "the project, else under ~/.cache/fazhi/stores)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="local worker processes (default: up to 2; kernel start dominates)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="Dask distributed scheduler, e.g. tcp://host:8786 (workers must see "
                        "the store, --out and the cache folder)")
    p.add_argument("--force", action="store_true",
                   help="render every page again, even when nothing changed")
    p.add_argument("--figures", action="store_true",
                   help="论文用图: also write every chart of each page as SVG (text as paths), "
                        "PDF (embedded TrueType font) and 300-dpi PNG into "
                        "OUT/figures/<page>/, e.g. figures/05_dossier-province-广东省/"
                        "02-textplot_themes.pdf, linked under each chart on the page")
    p.add_argument("--figures-dir", default=None, metavar="DIR",
                   help="folder for --figures instead of OUT/figures (implies --figures)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fazhi.config import find_project
    from fazhi.render import render

    if args.path is None and find_project() is None:
        print("fazhi render: 请给出报告文件夹 / give the folder of reports: fazhi render PATH "
              "(no project here, so no data/raw)", file=sys.stderr)
        return 2
    try:
        result = render(args.path, by=args.by, only=args.only, notebooks=args.notebooks,
                        out=args.out, workers=args.workers, scheduler=args.scheduler,
                        force=args.force, notebooks_dir=args.notebooks_dir, store=args.store,
                        figures=args.figures_dir or args.figures)
    except (FileNotFoundError, ValueError) as exc:
        print(f"fazhi render: {exc}", file=sys.stderr)
        return 2
    for problem in result.problems:  # one line per broken notebook; its pages are not listed
        print(f"fazhi render: {problem}", file=sys.stderr)
    for page in result.pages:
        if page.status == "failed" and page.error not in result.problems:
            print(f"失败 / FAILED {page.file} ({page.notebook} {page.region})".rstrip(),
                  file=sys.stderr)
            for line in page.error.splitlines():
                print(f"    {line}", file=sys.stderr)
    for line in result.figure_errors:
        print(f"fazhi render: {line}", file=sys.stderr)
    if result.figures is not None:
        print(f"图表文件 / figures: {result.figures}")
    unplaced = result.unplaced
    if unplaced:
        print(f"地区不明、未生成档案的报告 / reports not placed ({len(unplaced)}):")
        for r in unplaced:
            print(f"    跳过 / skipped {r['file']}: {r['reason']}")
    print(result.summary())
    print(result.index.resolve())
    return 0 if result.ok else 1
