"""atomic_write: the one way the package writes a file (store, memo, pages, exports, caches)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi.files import atomic_write, temp_path

OLD = "亭江镇2020年法治政府建设情况报告（旧）\n"
NEW = "蓬东乡2021年法治政府建设工作报告\n一、主要工作\n"


def _write_text(tmp: Path) -> None:
    tmp.write_text(NEW, encoding="utf-8")


@pytest.mark.parametrize(("data", "expected"), [
    (NEW, NEW.encode("utf-8")),
    (NEW.encode("gb18030"), NEW.encode("gb18030")),
    (_write_text, NEW.encode("utf-8")),
    ("", b""),
])
def test_writes_text_bytes_or_through_a_writer(tmp_path, data, expected):
    path = tmp_path / "报告.txt"
    path.write_text(OLD, encoding="utf-8")
    assert atomic_write(path, data) == path
    assert path.read_bytes() == expected
    assert [p.name for p in tmp_path.iterdir()] == ["报告.txt"]  # no temporary file left


def _fail_halfway(tmp: Path) -> None:
    tmp.write_text(NEW[:5], encoding="utf-8")
    raise RuntimeError("写到一半 / killed halfway")


def _fail_before_writing(tmp: Path) -> None:
    raise ValueError("没有数据 / nothing to write")


def _write_nothing(tmp: Path) -> None:
    pass


@pytest.mark.parametrize(("data", "options", "error"), [
    (_fail_halfway, {}, RuntimeError),
    (_fail_before_writing, {}, ValueError),
    (_write_nothing, {}, FileNotFoundError),
    (NEW, {"encoding": "ascii"}, UnicodeEncodeError),
])
def test_a_failing_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, data, options,
                                                                         error):
    path = tmp_path / "CURRENT"
    path.write_text(OLD, encoding="utf-8")
    with pytest.raises(error):
        atomic_write(path, data, **options)
    assert path.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["CURRENT"]


def test_a_failing_first_write_creates_nothing(tmp_path):
    with pytest.raises(RuntimeError):
        atomic_write(tmp_path / "索引.html", _fail_halfway)
    assert list(tmp_path.iterdir()) == []


def test_the_temporary_file_is_hidden_next_to_the_target_with_its_suffix(tmp_path):
    """Writers such as ``DataFrame.to_excel`` pick the format by the suffix."""
    seen = []

    def writer(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_bytes(b"PK")

    atomic_write(tmp_path / "关键词.xlsx", writer, fsync=True)
    tmp = seen[0]
    assert tmp.parent == tmp_path and tmp.name.startswith(".关键词.xlsx.")
    assert tmp.suffix == ".xlsx" and not tmp.exists()
    assert temp_path(tmp_path / "a.csv") != temp_path(tmp_path / "a.csv")  # unique names


def test_export_that_fails_keeps_the_old_table(tmp_path):
    """A scraped control character makes openpyxl refuse the sheet: the old workbook stays."""
    import pandas as pd

    from fazhi.export import export_table

    path = tmp_path / "高频词.xlsx"
    export_table(pd.DataFrame({"词": ["法治政府"], "频数": [12]}), path)
    before = path.read_bytes()
    with pytest.raises(Exception, match="cannot be used in worksheets"):
        export_table(pd.DataFrame({"词": ["亭江镇\x01法治"], "频数": [3]}), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["高频词.xlsx"]
