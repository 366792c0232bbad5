"""Render stage: run the parameterised notebooks with papermill and export HTML with nbconvert."""

from __future__ import annotations

import html
import re
from pathlib import Path

from fazhi.config import notebooks_dir, reports_dir

_EXTERNAL_SCRIPT = re.compile(r'<script[^>]+src="https?://[^"]*"[^>]*>\s*</script>', re.I)


def export_html(nb_path: Path, html_path: Path) -> Path:
    """Export an executed notebook to self-contained HTML with inputs hidden."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(nb_path, as_version=4))
    html_path.write_text(_EXTERNAL_SCRIPT.sub("", body), encoding="utf-8")
    return html_path


def render(path: str | Path | None = None, *, out: str | Path | None = None) -> Path:
    """Render every notebook for the corpus at ``path`` into ``out``; return the index path."""
    import papermill as pm

    out = Path(out) if out else reports_dir()
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for nb in sorted(notebooks_dir().glob("[0-9]*.ipynb")):
        executed = out / f"{nb.stem}.ipynb"
        pm.execute_notebook(str(nb), str(executed), kernel_name="python3", progress_bar=False,
                            parameters={"corpus_path": str(Path(path).resolve()) if path else ""},
                            cwd=str(nb.parent))
        pages.append(export_html(executed, out / f"{nb.stem}.html"))
    links = "\n".join(f'<li><a href="{html.escape(p.name)}">{html.escape(p.stem)}</a></li>'
                      for p in pages)
    index = out / "index.html"
    index.write_text(f'<!doctype html><meta charset="utf-8"><title>法治政府建设报告分析</title>'
                     f"<h1>法治政府建设报告分析</h1><ul>{links}</ul>", encoding="utf-8")
    return index
