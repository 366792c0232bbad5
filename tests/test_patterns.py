"""fazhi.patterns: the shared classes, and the needle parser (no private stdlib module)."""

from __future__ import annotations

import re

import pytest

from fazhi.patterns import HEADING_START, IS_CJK, needles
from fazhi.read import load_table


@pytest.mark.parametrize("pattern, expected", [
    ("(?:点击|查看)全文|未完待续", ("全文", "未完待续")),
    (r"^\s*政策文件\s*[:：]?\s*$", ("政策文件",)),
    (r"\[bookmark:\s*[^\]\n]*\]", ("[bookmark:",)),
    (r"(?<=[\u4e00-\u9fff])[（(][a-z]{0,5}[āáǎà][a-z]{0,5}[）)]", None),
    ("第一责任人|(?:党政)?主要负责人.{0,16}(?:职责|责任)", ("第一责任人", "主要负责人")),
    ("a+b", ("a",)),
    ("(?i)abc", None),
])
def test_needles(pattern, expected):
    assert needles(pattern) == expected


@pytest.mark.parametrize("name", ["clean_rules.tsv", "placeholders.tsv", "parts.tsv"])
def test_every_match_of_a_rule_holds_one_of_its_needles(name):
    # the needles are a shortcut: a text without any of them must never match the rule
    rows = load_table(name)
    patterns = [r[2] if name == "clean_rules.tsv" else r[1] for r in rows if not r[0].startswith("@")]
    samples = ["附件下载", "日期：2021-03-19", "来源：亭江镇", "【打印本页】【关闭窗口】", "全文请加微信",
               "落实党政主要负责人推进法治建设第一责任人职责", "A总书记、X村", "试读结束……", "扫一扫在手机上查看当前页面"]
    for pattern in patterns:
        found = needles(pattern)
        if found is None:
            continue
        for text in samples:
            if re.search(pattern, text, re.M):
                assert any(n in text for n in found), (pattern, text)


def test_no_private_module_of_the_standard_library_is_used():
    # re compiles through re._parser itself; fazhi's code must not import it (or sre_parse)
    from pathlib import Path

    import fazhi

    src = Path(fazhi.__file__).parent
    used = [str(p.relative_to(src)) for p in src.rglob("*.py")
            if re.search(r"\bre\._parser\b|\bre\._constants\b|\bsre_parse\b|\bsre_constants\b",
                         p.read_text(encoding="utf-8"))]
    assert used == []


@pytest.mark.parametrize("text, cjk", [("㮾", True), ("𠀀", True), ("a", False), ("，", False)])
def test_cjk_class(text, cjk):
    assert bool(IS_CJK.match(text)) is cjk


@pytest.mark.parametrize("line, heading", [("一、工作情况", True), ("（三）推进", True), ("(1)加强", True),
                                           ("2.完善", True), ("2021.3月", False), ("工作情况", False)])
def test_heading_start(line, heading):
    assert bool(HEADING_START.match(line)) is heading
