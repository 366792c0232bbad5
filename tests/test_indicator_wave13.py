"""Wave 13: who acted (the actor column). The words of a fact's clause before its own verb and noun
name a body, a person or a platform (县法律援助中心办理法律援助案件 -> 县法律援助中心); a clause opening
with a verb takes who opens the sentence; what is no actor (a place counted before, an action, the
reporting body itself, time words) leaves the column empty.
Sentences in the layouts of real report pages; our own wording and figures."""

from __future__ import annotations

import pytest

from fazhi.indicators import FACT_COLUMNS, extract_indicators


def _actors(text: str) -> list[tuple]:
    return [(f["raw"], f["actor"], f["subject"], f["verb"]) for f in extract_indicators(text)]


@pytest.mark.parametrize("text, expected", [
    # a body, a court, a platform or a meeting before the fact's verb
    ("县法律援助中心办理法律援助案件412件。", [("412件", "县法律援助中心", "法律援助案件", "办理")]),
    ("区人民法院审结行政诉讼案件57件。", [("57件", "区人民法院", "行政诉讼案件", "审结")]),
    ("12345热线平台累计受理群众诉求9216件。", [("9216件", "12345热线平台", "群众诉求", "受理")]),
    ("镇公共法律服务站接待来访群众860人次。", [("860人次", "镇公共法律服务站", "来访群众", "接待")]),
    ("各村（社区）法律顾问审查合同48份。", [("48份", "各村（社区）法律顾问", "合同", "审查")]),
    # time words and manners around the name go
    ("2023年，县政府常务会议先后听取法治政府建设工作汇报6次。",
     [("6次", "县政府常务会议", "法治政府建设工作汇报", "听取")]),
    ("同时，市司法局依法审查规范性文件35件。", [("35件", "市司法局", "规范性文件", "审查")]),
    # a person
    ("县长带头讲法治课3次。", [("3次", "县长", "讲法治课", "")]),
    # a clause opening with a verb: who opens the sentence, as long as no clause between names another
    ("区司法局扎实推进普法宣传，发放宣传资料6200份，举办法治讲座31场。",
     [("6200份", "区司法局", "宣传资料", "发放"), ("31场", "区司法局", "法治讲座", "")]),
    ("镇党委主要负责人认真履行第一责任人职责，协调解决法治建设问题14个。",
     [("14个", "镇党委主要负责人", "法治建设问题", "协调解决")]),
])
def test_who_acted_is_the_actor(text, expected):
    assert _actors(text) == expected


@pytest.mark.parametrize("text", [
    # the words after a number belong to it (31个部门 is counted, not acting)
    "共涉及27个部门行政职权事项2815项。",
    # the reporting body itself names no one apart
    "我局共办理行政许可事项120件。",
    "全局共梳理依申请服务事项41项。",
    # a place of the report's own scope
    "全县共调解矛盾纠纷1530件。",
    # an action opening the clause, a means, a preposition
    "推进公共法律服务中心建设，建成村级服务站点20个。",
    "通过村民议事会等平台，累计化解纠纷96件。",
    "对18个县（市、区）政府、32个市直部门开展法治政府建设考核。",
    # a list of items before a count
    "全区司法所、派出所和人民法庭等14家单位参与联调。",
    # who is directed, helped or asked is no actor of what follows (指导司法部门…, 督促各乡镇…)
    "指导县司法局完善督查机制，对12个乡镇开展法治建设督查。",
    "督促各乡镇人民政府全面公开权责清单，公开事项1260项。",
    "邀请市法律顾问团律师列席常务会议，审查合同37份。",
])
def test_no_actor_where_none_acted(text):
    assert all(f["actor"] == "" for f in extract_indicators(text)), _actors(text)


def test_another_clause_with_its_own_actor_stops_the_sentences_actor():
    text = "2023年，县委理论学习中心组学习习近平法治思想5次，各部门党组集中学法126场次，累计培训干部2100人次。"
    got = {f["raw"]: f["actor"] for f in extract_indicators(text)}
    assert got["5次"] == "县委理论学习中心组"
    assert got["2100人次"] == ""  # (the clause before names 各部门党组: whose training it was is unsure)


def test_actor_is_a_fact_column_next_to_the_subject():
    assert FACT_COLUMNS[FACT_COLUMNS.index("subject") - 1] == "actor"


def _frames(text: str) -> list[tuple]:
    return [(f["raw"], f["frame"], f["subject"]) for f in extract_indicators(text)]


@pytest.mark.parametrize("text, expected", [
    # a short subject takes what the sentence's first clause without a number is about
    ("深入推进“放管服”改革，新增跨省通办事项36项，整改问题41个。",
     [("36项", "", "跨省通办事项"), ("41个", "放管服改革", "问题")]),
    ("全面推行权责清单制度，共涉及19个部门。", [("19个", "权责清单制度", "部门")]),
    ("扎实开展年度法治督察，对6个乡镇、4个部门开展实地督察。",
     [("6个", "年度法治督察", "乡镇"), ("4个", "年度法治督察", "部门")]),
    ("在重大行政决策合法性审查中，发现并纠正问题23个。", [("23个", "重大行政决策合法性审查", "问题")]),
    # (an ordinal inside a name is no session number: 第一责任人)
    ("镇长认真履行法治建设第一责任人职责，协调解决问题17个。", [("17个", "法治建设第一责任人职责", "问题")]),
])
def test_a_short_subject_takes_its_frame(text, expected):
    assert _frames(text) == expected


@pytest.mark.parametrize("text", [
    # a subject naming itself needs no frame
    "深入推进“放管服”改革，新增跨省通办事项36项。",
    # a slogan, a way, a streak or a session says what no count is about
    "深入贯彻党的二十大精神，整改问题41个。",
    "坚持以群众满意为主线，办结事项320件。",
    "实现信访总量十一连降，化解积案19件。",
    "召开第三次会议，审议事项12项。",
    # a clause with a number of its own names its own fact, and a title is no frame
    "制定《法治政府建设工作要点》，明确任务38项。",
])
def test_no_frame(text):
    assert all(f["frame"] == "" for f in extract_indicators(text)), _frames(text)


@pytest.mark.parametrize("text, expected", [
    # success alone after a count of what was tried keeps its verb: two rows, two labels
    ("调解矛盾纠纷128起，成功122起。", [(128, "调解矛盾纠纷", ""), (122, "调解矛盾纠纷", "成功")]),
    ("受理劳动争议案件74件，成功调解61件。", [(74, "劳动争议案件", "受理"), (61, "劳动争议案件", "调解")]),
    # (成功 before a verb is no verb of its own)
    ("成功创建省级民主法治示范村2个。", [(2, "省级民主法治示范村", "创建")]),
])
def test_success_alone_is_a_verb(text, expected):
    assert [(f["value"], f["subject"], f["verb"]) for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text", ["分3批次组织执法人员轮训。", "分两批次完成全员考试。"])
def test_batches_are_a_manner(text):
    assert extract_indicators(text) == []


@pytest.mark.parametrize("text, expected", [
    # a court's instance goes with its verb, the court is who acted
    ("法院一审审结行政案件236件，二审审结行政案件41件。",
     [("法院", "行政案件", "一审审结"), ("法院", "行政案件", "二审审结")]),
    ("全市法院一审新收行政诉讼案件512件。", [("法院", "行政诉讼案件", "一审新收")]),
])
def test_a_courts_instance_goes_with_its_verb(text, expected):
    assert [(f["actor"], f["subject"], f["verb"]) for f in extract_indicators(text)] == expected
