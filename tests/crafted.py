"""The corpus of the shared real render (tests/conftest.py ``rendered``): the sample reports
(data/raw), a crafted report whose title and body carry markup (it must reach every page as text,
never as markup), and the reports of tests/meta_gaps.py (six placed in 江苏/浙江/四川, three without
year and place), so one render checks the escaping, the offline pages and unknown metadata.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from conftest import RAW

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=2">'
XSS_TITLE = f"{XSS_SCRIPT}测试镇2022年度法治政府建设工作报告{XSS_IMG}"
XSS_FILE = "2022-crafted-xss.txt"
XSS_BODY = f"""{XSS_TITLE}

2022年，测试镇坚持以习近平法治思想为指导，深入推进法治政府建设，现将有关情况报告如下：{XSS_SCRIPT}

一、主要工作开展情况

（一）加强组织领导。镇党委、政府主要负责人切实履行推进法治建设第一责任人职责，{XSS_IMG}全年召开\
专题会议4次，研究部署法治政府建设工作。

（二）深化普法宣传。开展民法典宣传活动12场，发放宣传资料3000余份，调处矛盾纠纷56件，\
持续优化营商环境。

二、存在的问题

一是法治宣传形式较为单一；二是执法人员专业素质有待提高。

三、下一步工作打算

继续深入学习贯彻习近平法治思想，加强行政执法规范化建设，优化营商环境。
"""


def add_xss_report(dst: Path) -> Path:
    """Add the crafted report to the corpus folder ``dst``; its title and place come from a
    metadata.csv override (as a user would fix an unrecognised title), so the markup reaches
    titles, tables and the Guangdong dossier."""
    (dst / XSS_FILE).write_text(XSS_BODY, encoding="utf-8")
    meta = dst / "metadata.csv"
    rows, fields = [], ["file", "title", "province", "city", "town", "report_year"]
    if meta.is_file():  # keep the sample's own overrides
        with meta.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
            fields += [f for f in reader.fieldnames or [] if f not in fields]
    rows.append({"file": XSS_FILE, "title": XSS_TITLE, "province": "广东省", "city": "汕头市",
                 "town": "测试镇", "report_year": "2022"})
    with meta.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return dst


def make_report_corpus(dst: Path) -> Path:
    """data/raw copied to ``dst``, plus the crafted report and the meta_gaps reports."""
    from meta_gaps import write_reports

    shutil.copytree(RAW, dst)
    add_xss_report(dst)
    write_reports(dst)
    return dst


# ---------------------------------------------------------------- tiny notebooks

TINY_PARAMS = 'corpus_path: str = ""  # built store\n'
REGION_PARAMS = TINY_PARAMS + 'level: str = "province"  # level\nregion: str = ""  # region\n'


def write_notebook(path: Path, params: str, cells: list[str]) -> Path:
    """A notebook with a tagged parameters cell ``params`` and the code ``cells``: small enough
    that its kernel, not its code, is what a page costs."""
    import nbformat as nbf

    nb = nbf.v4.new_notebook()
    p = nbf.v4.new_code_cell(params)
    p.metadata["tags"] = ["parameters"]
    nb.cells = [nbf.v4.new_markdown_cell("# 测试页 / test page"), p,
                *[nbf.v4.new_code_cell(c) for c in cells]]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbf.write(nb, str(path))
    return path


def tiny_notebooks(folder: Path) -> Path:
    """``01_tiny`` (corpus-wide) and ``05_tiny_dossier`` (per region; fails for 福建省) in
    ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    write_notebook(folder / "01_tiny.ipynb", TINY_PARAMS,
                   ["import pathlib\nprint('语料库', pathlib.Path(corpus_path).name)"])
    write_notebook(folder / "05_tiny_dossier.ipynb", REGION_PARAMS,
                   ["if region == '福建省':\n    raise ValueError('故意失败 <b>not bold</b>')",
                    "print('地区', level, region)"])
    return folder
