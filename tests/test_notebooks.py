"""The five parameterised notebooks: committed clean, parameters documented, and each runs top to
bottom with papermill on the sample corpus (built once into a temp store passed as ``corpus_path``).
"""

from __future__ import annotations

import ast
import json
import re

import pytest
from conftest import ROOT

NOTEBOOKS = ["01_overview", "02_keywords", "03_trends", "04_compare", "05_dossier"]
NB_DIR = ROOT / "notebooks"


def _load(name: str) -> dict:
    return json.loads((NB_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _source(cell: dict) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


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
    cells = _code_cells(_load(name))
    assert "parameters" in cells[0]["metadata"].get("tags", [])
    assert all("parameters" not in c["metadata"].get("tags", []) for c in cells[1:])
    tree = ast.parse(_source(cells[0]))
    assigns = [n for n in tree.body if isinstance(n, ast.AnnAssign)]
    assert assigns and assigns[0].target.id == "corpus_path"
    assert len(assigns) == len(tree.body), "the parameters cell only holds annotated assignments"


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
    tree = ast.parse(src)
    names = [n.target.id for n in tree.body if isinstance(n, ast.AnnAssign)]
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


@pytest.fixture(scope="module")
def store(sample_corpus) -> str:
    return sample_corpus.manifest["store"]


def _run(name: str, out_dir, store: str, **params) -> dict:
    import papermill as pm

    out = out_dir / f"{name}.ipynb"
    pm.execute_notebook(str(NB_DIR / f"{name}.ipynb"), str(out), kernel_name="python3",
                        parameters={"corpus_path": store, **params}, progress_bar=False,
                        cwd=str(NB_DIR))
    return json.loads(out.read_text(encoding="utf-8"))


def _outputs(nb: dict) -> list[dict]:
    return [o for c in _code_cells(nb) for o in c.get("outputs", [])]


def _html(nb: dict) -> str:
    return "\n".join("".join(o["data"]["text/html"]) for o in _outputs(nb)
                     if "text/html" in o.get("data", {}))


def _n_images(nb: dict) -> int:
    return sum("image/png" in o.get("data", {}) for o in _outputs(nb))


def _check_clean_run(nb: dict) -> None:
    errors = [o for o in _outputs(nb) if o["output_type"] == "error"]
    assert errors == []
    streams = "".join("".join(o["text"]) for o in _outputs(nb) if o["output_type"] == "stream")
    assert "Traceback" not in streams and "Glyph" not in streams, streams[-2000:]
    html = _html(nb)
    assert "<script" not in html.lower(), "an output carries a script"
    assert all(c.get("execution_count") for c in _code_cells(nb))


# (notebook, extra parameters, images expected at least, text expected in the HTML outputs)
RUNS = [
    ("01_overview", {}, 2, ["成效", "2023-anonymised-town-template.txt", "所有文件均已读入"]),
    ("02_keywords", {}, 4, ["广东省", "关键词"]),
    ("03_trends", {}, 3, ["民法典", "emerging"]),
    ("04_compare", {}, 3, ["<mark>", "2019-guangdong-shaoguan-wujiang-xilian.txt"]),
    ("05_dossier", {}, 3, ["广东省：2 份报告", "<mark>", "民法典（"]),
    ("05_dossier", {"level": "town", "region": "蓬东乡"}, 3, ["蓬东乡：1 份报告", "聘请法律顾问"]),
    ("05_dossier", {"level": "city", "region": "杭州市"}, 0, ["没有", "杭州市", "福州市"]),
]


@pytest.mark.slow
@pytest.mark.parametrize("name,params,images,texts", RUNS,
                         ids=[f"{r[0]}-{'-'.join(map(str, r[1].values())) or 'defaults'}"
                              for r in RUNS])
def test_notebook_runs_top_to_bottom(name, params, images, texts, store, tmp_path):
    nb = _run(name, tmp_path, store, **params)
    _check_clean_run(nb)
    assert _n_images(nb) >= images
    html = _html(nb)
    for text in texts:
        assert text in html, text
    if images == 0:  # a region without reports: a message, no traceback, no chart
        assert "本页其余部分从略" in html
