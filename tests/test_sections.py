"""Parse stage: outline levels, inline items, canonical parts, duty detection, numbering."""

from __future__ import annotations

import pytest
from conftest import RAW

from fazhi.clean import clean_text
from fazhi.read import read_file
from fazhi.sections import (
    analyse_structure,
    classify_heading,
    find_items,
    is_duty,
    parse_outline,
    parse_sections,
)


def _struct(name: str):
    return analyse_structure(clean_text(read_file(RAW / name).text).text)


# seed, parts of the level-1 sections in order, parts found, where duty was found, duplicate numbering
TRUTH = [
    ("2020-fujian-fuzhou-mawei-tingjiang.txt",
     ["achievements"] * 6 + ["problems", "plans"], ["achievements", "problems", "plans"], [], False),
    ("2021-chongqing-qianjiang-pengdong.txt",
     ["achievements", "problems", "plans"], ["achievements", "problems", "duty", "plans"], ["item"], False),
    ("2024-guangdong-shantou-jinping-yuepu.txt",
     ["achievements", "problems", "plans"], ["achievements", "problems", "duty", "plans"],
     ["subheading"], False),
    ("2019-guangdong-shaoguan-wujiang-xilian.txt",
     ["achievements", "achievements", "problems", "plans", "plans"],
     ["achievements", "problems", "duty", "plans"], ["paragraph"], True),
    ("2023-anonymised-town-template.txt", ["achievements"], ["achievements"], [], False),
]


@pytest.mark.parametrize("name, top_parts, parts, duty_where, dup", TRUTH)
def test_truth_table(name, top_parts, parts, duty_where, dup):
    s = _struct(name)
    assert [x["part"] for x in s.sections if x["level"] == 1 and x["part"] != "preamble"] == top_parts
    assert s.parts == parts
    assert [d["where"] for d in s.duty] == duty_where
    assert s.duplicate_numbering is dup


@pytest.mark.parametrize("name, numbers", [
    ("2020-fujian-fuzhou-mawei-tingjiang.txt", "一二三四五六七八"),
    ("2019-guangdong-shaoguan-wujiang-xilian.txt", "一二三四四"),
])
def test_top_level_numbers(name, numbers):
    s = _struct(name)
    assert "".join(x["number"] for x in s.sections if x["level"] == 1 and x["number"]) == numbers


@pytest.mark.parametrize("name, evidence", [
    ("2021-chongqing-qianjiang-pengdong.txt", "落实第一责任人责任"),
    ("2024-guangdong-shantou-jinping-yuepu.txt", "加强党政第一负责人对法治政府建设的组织领导"),
    ("2019-guangdong-shaoguan-wujiang-xilian.txt", "落实主要负责人为第一责任人"),
])
def test_duty_evidence_text(name, evidence):
    assert _struct(name).duty[0]["text"].startswith(evidence)


def test_subsection_duty_part_in_seed_002():
    s = _struct("2024-guangdong-shantou-jinping-yuepu.txt")
    duty = [x for x in s.sections if x["part"] == "duty"]
    assert [(x["level"], x["number"]) for x in duty] == [(2, "二")]


@pytest.mark.parametrize("text, expected", [
    ("落实第一责任人责任", True),
    ("加强党政第一负责人对法治政府建设的组织领导", True),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", True),
    ("落实主要负责人为第一责任人的法治政府建设领导协调机制", True),
    ("实现镇领导干部述法全覆盖", False),
    ("组织领导到位，压实法治建设主体责任", False),
    ("加强领导压实责任，抓好法治政府责任落实", False),
])
def test_is_duty(text, expected):
    assert is_duty(text) is expected


@pytest.mark.parametrize("heading, part", [
    ("工作情况", "achievements"),
    ("2024年法治政府建设主要工作及成效", "achievements"),
    ("2019年法治政府建设工作开展情况", "achievements"),
    ("存在问题", "problems"),
    ("存在的不足", "problems"),
    ("2024年开展法治政府工作存在的不足和原因", "problems"),
    ("法治政府建设工作存在的问题", "problems"),
    ("下一步打算", "plans"),
    ("下一步工作计划", "plans"),
    ("下一年度推进法治政府建设的主要安排", "plans"),
    ("下一步法治政府建设工作的改进措施", "plans"),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", "duty"),
    ("其他需要报告的情况", "other"),
    ("加强领导压实责任，抓好法治政府责任落实", None),
])
def test_classify_heading(heading, part):
    assert classify_heading(heading) == part


@pytest.mark.parametrize("line, level, number, heading", [
    ("一、加强领导压实责任，抓好法治政府责任落实", 1, "一", "加强领导压实责任，抓好法治政府责任落实"),
    ("十一、其他需要报告的情况", 1, "十一", "其他需要报告的情况"),
    ("（一）强化政治站位，压紧压实工作责任。一是深学笃用习近平法治思想", 2, "一",
     "强化政治站位，压紧压实工作责任"),
    ("(二) 行政执法不严、效能不高", 2, "二", "行政执法不严、效能不高"),
    ("1.加强规范性文件管理", 3, "1", "加强规范性文件管理"),
    ("2、健全决策顾问机制", 3, "2", "健全决策顾问机制"),
    ("（3）增强公众参与实效", 3, "3", "增强公众参与实效"),
    ("2019年，我镇坚持以习近平新时代中国特色社会主义思想为指导", None, None, None),
    ("12月4日，西联镇司法所联合法律顾问开展法律普及宣传活动", None, None, None),
    ("一是提高政治站位。", None, None, None),
])
def test_heading_levels(line, level, number, heading):
    out = parse_outline(line)
    if level is None:
        assert out == []
    else:
        assert [(h["level"], h["number"], h["heading"]) for h in out] == [(level, number, heading)]


def test_outline_nesting_and_offsets():
    text = "前言。\n一、工作情况\n（一）强化领导。正文\n1.学法\n（二）推进执法\n二、存在问题\n正文"
    heads = parse_outline(text)
    assert [(h["level"], h["number"]) for h in heads] == [(1, "一"), (2, "一"), (3, "1"), (2, "二"), (1, "二")]
    assert text[heads[0]["start"]:heads[0]["end"]] == "一、工作情况\n（一）强化领导。正文\n1.学法\n（二）推进执法\n"
    assert text[heads[1]["start"]:heads[1]["end"]] == "（一）强化领导。正文\n1.学法\n"
    assert heads[-1]["end"] == len(text)


@pytest.mark.parametrize("text, items", [
    ("一是提高政治站位。坚持用思想统领；二是强化组织领导。", [("一", "提高政治站位"), ("二", "强化组织领导")]),
    ("主要表现：一是依法行政工作的推进不平衡，有待提高；二是依法决策的意识还有待强化",
     [("一", "依法行政工作的推进不平衡，有待提高"), ("二", "依法决策的意识还有待强化")]),
    ("一要深入抓好领导干部学法用法。", [("一", "深入抓好领导干部学法用法")]),
    ("统一思想是前提。", []),
])
def test_inline_items(text, items):
    assert [(i["number"], i["title"]) for i in find_items(text)] == items


@pytest.mark.parametrize("name", [t[0] for t in TRUTH])
def test_sections_point_into_the_text(name):
    text = clean_text(read_file(RAW / name).text).text
    secs = parse_sections(text)
    for s in secs:
        assert text[s["start"]:s["end"]] == s["text"]
        assert 1 <= s["level"] <= 3
    top = [s for s in secs if s["level"] == 1]
    assert top[0]["start"] == 0 and top[-1]["end"] == len(text)
    assert all(a["end"] == b["start"] for a, b in zip(top, top[1:], strict=False))  # level 1 tiles the text
    assert top[0]["part"] == "preamble"


def test_no_headings_gives_one_preamble():
    secs = parse_sections("今年以来，我镇认真开展法治政府建设。")
    assert [(s["part"], s["level"]) for s in secs] == [("preamble", 1)]


def test_article_25_report_has_all_five_parts():
    text = ("2022年，我区坚持以习近平法治思想为指导。现将有关情况报告如下：\n"
            "一、2022年推进法治政府建设的主要举措和成效\n（一）深入学习贯彻习近平法治思想。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n区政府主要负责人带头述法。\n"
            "三、存在的不足和原因\n一是依法行政能力有待提高。\n"
            "四、2023年推进法治政府建设的主要安排\n（一）持续深化行政执法体制改革。\n"
            "五、其他需要报告的情况\n无。")
    s = analyse_structure(text)
    assert s.parts == ["achievements", "problems", "duty", "plans", "other"]
    assert [x["part"] for x in s.sections if x["level"] == 1] == [
        "preamble", "achievements", "duty", "problems", "plans", "other"]
    assert [d["where"] for d in s.duty] == ["heading", "paragraph"]  # 主要负责人带头述法 is duty content


def test_reports_whose_top_headings_are_parenthesised():
    text = ("今年以来，我乡认真开展法治政府建设。\n（一）主要工作\n1.加强学法。\n（二）存在问题\n"
            "依法行政意识不强。\n（三）下一步打算\n持续加大宣传力度。")
    s = analyse_structure(text)
    assert [(x["part"], x["level"]) for x in s.sections] == [
        ("preamble", 1), ("achievements", 1), ("achievements", 2), ("problems", 1), ("plans", 1)]
    assert s.parts == ["achievements", "problems", "plans"]


# One heading for problems and plans (存在的问题和下一步工作打算, very common in town reports): the
# plans half is its own level-1 plans section, from its subheading or the sentence turning to plans.
@pytest.mark.parametrize("text, plans_from", [
    ("今年以来，我镇扎实推进法治建设。\n一、主要工作成效\n召开专题会议5次。\n二、存在的问题和下一步工作打算\n"
     "基层执法力量不足。下一步，我镇将持续加强学法用法，组织培训3期。\n", "下一步，我镇将"),
    ("今年以来，我县深入推进依法行政。一、主要工作成效（一）加强组织领导。召开常务会议5次。"
     "二、存在问题及下一步打算虽然取得成效，但仍存在不足。下一步，我县将从以下方面着力：（一）强化学习。"
     "组织培训3期。（二）深化执法改革。", "下一步，我县将"),
    ("2023年，我区法治政府建设取得新成效。\n一、主要做法\n审核合同45份。\n二、存在的不足及2024年工作计划\n"
     "（一）存在的不足\n法治宣传针对性不强。\n（二）2024年工作计划\n1.开展法治讲座4场。\n2.完善执法制度。\n",
     "（二）2024年工作计划"),
    ("2023年，我街道推进依法行政。\n一、2023年工作开展情况\n调处纠纷32件。\n二、存在问题和下步打算\n"
     "2024年，街道将加大宣传力度，新建法治文化阵地2处。\n", "2024年，街道将"),
])
def test_a_heading_for_problems_and_plans_splits_at_the_plans(text, plans_from):
    s = analyse_structure(text)
    top = [x for x in s.sections if x["level"] == 1]
    assert [x["part"] for x in top][-2:] == ["problems", "plans"]
    assert all(a["end"] == b["start"] for a, b in zip(top, top[1:], strict=False))
    assert text[top[-1]["start"]:].startswith(plans_from)
    assert all(x["part"] == "plans" for x in s.sections if x["start"] >= top[-1]["start"])


def test_a_heading_for_problems_and_plans_without_a_turn_stays_problems():
    text = "一、主要工作\n调处纠纷12件。\n二、存在的问题和下一步打算\n执法人员业务能力有待提升。\n"
    s = analyse_structure(text)
    assert [x["part"] for x in s.sections if x["level"] == 1] == ["achievements", "problems"]
