"""Notebooks run with changed parameters (papermill, a fresh kernel, the bundled sample): the other
side of a comparison is named from the query (02_keywords with a year: 其他年份, never 其他地区),
the neighbours of 04_compare by document show places and files (no hash id), and fd.setup() in a
kernel outside a render gives the notebook the packaged font (the Lab's case).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NB_DIR = Path(__file__).resolve().parents[1] / "src" / "fazhi" / "notebooks"
_HASH = re.compile(r">[0-9a-f]{12}<")


def _run(name: str, tmp_path: Path, **parameters) -> tuple[str, list[dict]]:
    import papermill as pm

    executed = tmp_path / name
    pm.execute_notebook(str(NB_DIR / name), str(executed), kernel_name="python3",
                        parameters=parameters, progress_bar=False, cwd=str(NB_DIR))
    nb = json.loads(executed.read_text(encoding="utf-8"))
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert [o for o in outputs if o["output_type"] == "error"] == []
    html = "\n".join("".join(o["data"]["text/html"]) for o in outputs
                     if "text/html" in o.get("data", {}))
    return html, outputs


@pytest.mark.slow
@pytest.mark.parametrize(("query", "target", "other", "absent"), [
    ("report_year == 2021", "2021年", "其他年份", "其他地区"),
    ("province == '福建省'", "福建省", "其他地区", "其他年份"),
])
def test_keywords_name_the_other_side_from_the_query(sample_corpus, tmp_path, query, target,
                                                      other, absent):
    html, _ = _run("02_keywords.ipynb", tmp_path, corpus_path=sample_corpus.manifest["store"],
                   region_query=query)
    assert f"目标：{target}" in html and f"参照：{other}" in html
    assert absent not in html
    # outside a render, fd.setup() shows the packaged font once (the Lab's case)
    assert html.count('<style class="fazhi-lab-font">@font-face') == 1


@pytest.mark.slow
def test_compare_by_document_names_places_and_files(sample_corpus, tmp_path):
    html, _ = _run("04_compare.ipynb", tmp_path, corpus_path=sample_corpus.manifest["store"],
                   by="doc_id")
    assert "每份报告最相近的 2 份报告" in html and "最相近的文件" in html
    assert "福建省福州市马尾区亭江镇" in html and "2020-fujian-fuzhou-mawei-tingjiang.txt" in html
    # no hash id in any table, chart label or notice (the font's base64 apart)
    assert not _HASH.findall(re.sub(r"base64,[A-Za-z0-9+/=]+", "", html))
    assert "共享字数（甲）" in html and "注：" in html
