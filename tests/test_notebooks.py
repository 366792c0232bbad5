"""The six parameterised notebooks: committed clean, parameters documented, and each runs top to
bottom on the sample corpus.

The runs are the pages of the session's one real render (tests/conftest.py ``rendered``: papermill
in a fresh kernel per page, exported to HTML): the checks read the notebooks' outputs back from
those pages. Only a region without reports, which ``fazhi render`` never asks for, runs here.
"""

from __future__ import annotations

import ast
import json
import re

import pytest
from conftest import ROOT

from fazhi.render.notebooks import (
    cell_source,
    check_notebook,
    declared_parameters,
    parameters_cell,
    passed_parameters,
)

NOTEBOOKS = ["01_overview", "02_keywords", "03_trends", "04_compare", "05_dossier", "06_topics",
             "07_accountability"]
NB_DIR = ROOT / "src" / "fazhi" / "notebooks"


def _load(name: str) -> dict:
    return json.loads((NB_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


_source = cell_source


def test_every_notebook_is_there():
    assert sorted(p.stem for p in NB_DIR.glob("[0-9]*.ipynb")) == NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_without_outputs(name):
    nb = _load(name)
    for cell in _code_cells(nb):
        assert cell.get("outputs") == [], f"{name}: a code cell has outputs"
        assert cell.get("execution_count") is None, f"{name}: a code cell has an execution count"
    assert "papermill" not in nb["metadata"], f"{name}: committed after a papermill run"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_first_code_cell_is_the_tagged_parameters_cell(name):
    nb = _load(name)
    cells = _code_cells(nb)
    assert parameters_cell(nb) is cells[0]
    assert all("parameters" not in c["metadata"].get("tags", []) for c in cells[1:])
    tree = ast.parse(_source(cells[0]))
    assigns = [n for n in tree.body if isinstance(n, ast.AnnAssign)]
    assert len(assigns) == len(tree.body), "the parameters cell only holds annotated assignments"
    assert [a.target.id for a in assigns] == declared_parameters(_source(cells[0]))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_shipped_notebooks_keep_the_render_contract(name):
    """The check ``fazhi render`` runs on every notebook (and on edited copies) passes, and the
    parameters the render passes come first, in its order."""
    assert check_notebook(NB_DIR / f"{name}.ipynb") == ""
    passed = passed_parameters(name == "05_dossier")
    assert declared_parameters(_source(_code_cells(_load(name))[0]))[:len(passed)] == list(passed)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_help_notebook_lists_every_parameter_with_its_comment(name):
    """What ``papermill --help-notebook`` prints (its API: ``papermill.inspect_notebook``)."""
    import papermill as pm

    src = _source(_code_cells(_load(name))[0])
    declared = {}
    for line in src.splitlines():
        m = re.match(r"^(\w+)\s*:\s*(\w+)\s*=.*#\s*(.+)$", line)
        if m:
            declared[m.group(1)] = (m.group(2), m.group(3).strip())
    names = declared_parameters(src)
    assert list(declared) == names, "every parameter has a type and a comment on its line"
    inspected = pm.inspect_notebook(str(NB_DIR / f"{name}.ipynb"))
    assert list(inspected) == names
    for pname, (typ, comment) in declared.items():
        assert inspected[pname]["inferred_type_name"] == typ
        assert inspected[pname]["help"] == comment
    assert inspected["corpus_path"]["default"] == '""'


def test_dossier_parameters():
    import papermill as pm

    params = pm.inspect_notebook(str(NB_DIR / "05_dossier.ipynb"))
    assert params["level"]["default"] == '"province"'
    assert "province | city | district | town" in params["level"]["help"]
    assert params["region"]["default"] == '"广东省"'
    assert "kwic_terms" in params


# --------------------------------------------------------------------------- runs


class Outputs:
    """The outputs of an executed notebook as its HTML page shows them (nbconvert's lab
    template): the HTML outputs, the text of stdout/stderr and plain outputs, the images."""

    def __init__(self, html: str):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "html.parser")
        outputs = soup.select("div.jp-OutputArea-output")
        assert outputs, "no outputs on the page"
        self.html = "\n".join(o.decode_contents() for o in outputs
                              if o.get("data-mime-type") == "text/html")
        self.text = "\n".join(o.get_text() for o in outputs if o.get("data-mime-type") in
                              ("text/plain", "application/vnd.jupyter.stderr"))
        self.n_images = sum(len(o.select('img[src^="data:image/png;base64,"]'))
                            for o in outputs)


def _check_clean_run(out: Outputs) -> None:
    assert "Traceback" not in out.text and "Glyph" not in out.text, out.text[-2000:]
    assert "<script" not in out.html.lower(), "an output carries a script"


# (page of the shared render, images expected at least, text expected in the HTML outputs)
PAGES = [
    ("01_overview.html", 2, ["成效", "2023-anonymised-town-template.txt", "所有文件均已读入"]),
    ("02_keywords.html", 5, ["广东省", "关键词", "共现最紧密", "候选新词", "z 值最高"]),
    ("03_trends.html", 3, ["民法典", "<td>新兴</td>", "<td>衰退</td>"]),
    ("04_compare.html", 4, ["<mark>", "2019-guangdong-shaoguan-wujiang-xilian.txt", "分布图上的点"]),
    ("05_dossier-province-广东省.html", 4, ["广东省：3 份报告", "<mark>", "民法典（", "共现最紧密",
                                         "无法核对上一年度计划的落实情况", "报告的具体程度", "具体程度 "]),
    # a county's own report and two towns' reports; numeric facts of the county's report
    ("05_dossier-province-浙江省.html", 3, ["浙江省：3 份报告", "浙江省湖州市德清县", "办理行政复议案件"]),
    ("05_dossier-town-重庆市黔江区蓬东乡.html", 3, ["蓬东乡：1 份报告", "聘请法律顾问", "无法核对上一年度计划",
                                             "具体事实例句"]),
    ("06_topics.html", 2, ["份报告、", "个主题；平均一致性", "各地区报告的平均主题份额", "各报告份额最高的主题"]),
    ("07_accountability.html", 1, ["各层级、各地区报告的合规情况", "按时发布占比", "各年度报告承认的问题", "缺少问题部分",
                                  "具体事实例句", "相邻两个年度"]),
]

# text a page must not show: a query as a group's name, English trend values
ABSENT = {"02_keywords.html": ["province in [", "province =="],
          "03_trends.html": [">emerging<", ">fading<"]}


@pytest.mark.slow
@pytest.mark.parametrize("page,images,texts", PAGES, ids=[p[0] for p in PAGES])
def test_notebook_runs_top_to_bottom(page, images, texts, rendered):
    pages, folder = (rendered.town_pages, rendered.town_out) if "-town-" in page else \
        (rendered.result.pages, rendered.out)
    assert [p.status for p in pages if p.file == page] == ["rendered"]  # every cell ran
    out = Outputs((folder / page).read_text(encoding="utf-8"))
    _check_clean_run(out)
    assert out.n_images >= images
    for text in texts:
        assert text in out.html, text
    for text in ABSENT.get(page, []):
        assert text not in out.html, text


@pytest.mark.slow
def test_dossier_of_a_region_without_reports_says_so(sample_corpus, tmp_path):
    import papermill as pm

    executed = tmp_path / "05_dossier.ipynb"
    pm.execute_notebook(str(NB_DIR / "05_dossier.ipynb"), str(executed), kernel_name="python3",
                        parameters={"corpus_path": sample_corpus.manifest["store"],
                                    "level": "city", "region": "杭州市"},
                        progress_bar=False, cwd=str(NB_DIR))
    nb = json.loads(executed.read_text(encoding="utf-8"))
    outputs = [o for c in _code_cells(nb) for o in c.get("outputs", [])]
    assert [o for o in outputs if o["output_type"] == "error"] == []
    assert all(c.get("execution_count") for c in _code_cells(nb))
    html = "\n".join("".join(o["data"]["text/html"]) for o in outputs
                     if "text/html" in o.get("data", {}))
    for text in ("没有", "杭州市", "福州市", "本页其余部分从略"):
        assert text in html, text
    assert not any("image/png" in o.get("data", {}) for o in outputs)  # no chart
