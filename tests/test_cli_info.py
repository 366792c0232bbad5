"""``fazhi info``: the truth table on data/raw, formats, --explain, stderr and exit codes."""

from __future__ import annotations

import io
import json
import shutil

import pandas as pd
import pytest
from conftest import RAW

from fazhi.cli import main

S000 = "2020-fujian-fuzhou-mawei-tingjiang.txt"
S003 = "2019-guangdong-shaoguan-wujiang-xilian.txt"
S004 = "2023-anonymised-town-template.txt"

# the table of issue 3, as `fazhi info data/raw` prints it ("—" for empty)
TABLE = [
    (S003, "2019", "—", "西联镇", "武江区", "韶关市", "广东省", "town", "achievements,problems,duty,plans",
     "duplicate_numbering"),
    (S000, "2020", "2021-03-19", "亭江镇", "马尾区", "福州市", "福建省", "town", "achievements,problems,plans",
     "typos_fixed(11)"),
    ("2021-chongqing-qianjiang-pengdong.txt", "2021", "—", "蓬东乡", "黔江区", "重庆市", "重庆市", "township",
     "achievements,problems,duty,plans", "—"),
    (S004, "2023", "—", "—", "—", "—", "—", "town", "achievements", "truncated anonymised(A×7,X×3)"),
    ("2024-guangdong-shantou-jinping-yuepu.txt", "2024", "—", "月浦街道", "金平区", "汕头市", "广东省",
     "subdistrict", "achievements,problems,duty,plans", "no_title"),
]


def _run(capsys, *args):
    code = main(["info", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_table_on_sample_corpus(capsys):
    code, out, err = _run(capsys, RAW)
    assert code == 0 and err == ""
    lines = out.rstrip("\n").split("\n")
    assert lines[0].split() == ["file", "report_year", "publish_date", "town", "district", "city",
                                "province", "level", "parts", "flags"]
    rows = [line.split(None, 9) for line in lines[1:]]
    assert [tuple(r) for r in rows] == TABLE


def test_csv_format(capsys):
    code, out, _ = _run(capsys, RAW, "--format", "csv")
    df = pd.read_csv(io.StringIO(out), keep_default_na=False)
    assert code == 0 and len(df) == 5
    assert "raw_text" not in df.columns and "text" not in df.columns
    row = df.set_index("file").loc[S000]
    assert (row["town"], row["publish_date"], int(row["report_year"])) == ("亭江镇", "2021-03-19", 2020)


def test_jsonl_format(capsys):
    code, out, _ = _run(capsys, RAW, "--format", "jsonl")
    objs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(objs) == 5
    by_file = {o["file"]: o for o in objs}
    o = by_file[S004]
    assert (o["report_year"], o["town"], o["level"], o["truncated"]) == (2023, "", "town", True)
    assert o["anonymised_counts"] == {"A": 7, "X": 3} and o["parts"] == ["achievements"]
    assert o["late"] is None and by_file[S000]["late"] is False
    assert by_file[S000]["meta_rules"]["publish_date"]["rule"] == "page_date"
    for key in ("doc_id", "title", "kind", "publish_date", "district", "city", "province", "has_duty",
                "incomplete", "encoding", "n_chars", "text"):
        assert key in o


@pytest.mark.parametrize("name, expected", [
    (S000, ["web_date: 日期:2021-03-19 17:12", "web_policy: 政策文件:", "repeated_title:",
            "web_qrcode: 扫一扫在手机上查看当前页面", "typos_fixed: 11",
            'typo_counts: {"机治": 8, "治定": 1, "治作": 2}', "publish_date: 2021-03-19  (page_date, 0.99)"]),
    (S004, ["trailer_trial: ............试读结束", "truncated: true", 'anonymised_counts: {"A": 7, "X": 3}',
            "town: —", "level: town  (self_reference"]),
    (S003, ["artifact_bookmark: [bookmark: _GoBack]", "duplicate_numbering: true", "四 [plans] 下一步工作计划",
            "四 [plans] 下一步法治政府建设工作的改进措施"]),
])
def test_explain(capsys, name, expected):
    code, out, _ = _run(capsys, RAW, "--explain", name)
    assert code == 0
    for text in expected:
        assert text in out, text


def test_explain_takes_a_path_and_reports_rejection(capsys, tmp_path):
    code, out, _ = _run(capsys, "--explain", RAW / S000)
    assert code == 0 and "web_date" in out
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, _ = _run(capsys, tmp_path, "--explain", "empty.txt")
    assert code == 2 and "空文件 / empty file" in out


def test_some_rejected_exit_1_and_stderr(capsys, tmp_path):
    shutil.copy(RAW / S000, tmp_path / S000)
    shutil.copy(RAW / S000, tmp_path / "again.txt")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nonsense")
    code, out, err = _run(capsys, tmp_path)
    assert code == 1
    assert S000 in out and "broken.pdf" not in out
    assert "rejected: broken.pdf: 损坏的 PDF 文件 / corrupt PDF file" in err
    assert f"duplicate: again.txt: 与 {S000} 内容相同" in err


def test_nothing_read_exit_2(capsys, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, err = _run(capsys, tmp_path)
    assert code == 2 and out == "" and "empty.txt" in err
    code, _, err = _run(capsys, tmp_path / "nothing-here")
    assert code == 2 and "file not found" in err


def test_invalid_metadata_csv_exit_2(capsys, tmp_path):
    shutil.copy(RAW / S000, tmp_path / S000)
    (tmp_path / "metadata.csv").write_text("file,colour\nx.txt,red\n", encoding="utf-8")
    code, out, err = _run(capsys, tmp_path)
    assert code == 2 and "unknown field" in err and out == ""


def test_info_help_documents_every_option(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["info", "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    for text in ("--format {table,csv,jsonl}", "--explain FILE", "metadata.csv", "Exit code"):
        assert text in " ".join(out.split()) or text in out, text
    with pytest.raises(SystemExit):
        main(["info", "--format", "xml"])
