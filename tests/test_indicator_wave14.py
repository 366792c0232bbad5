"""Wave 14: an amount or a measure before 的 is the quantity of the thing after it (总投资1.2亿元的3个项目 ->
项目总投资; 面积3.2万平方米的综合服务中心 -> 综合服务中心面积); after named examples the count's noun names
them (…等12个重大产业项目); an item of a list keeps the head of the first (投资56亿元的A园、20亿元的B项目);
what owns no quantity (…的目标任务, …的基础上, …的好成绩) is left out; a manner of 完成 is no part of the noun.
Sentences in the layouts of real government work and rule-of-law reports; our own wording and figures."""

from __future__ import annotations

import pytest

from fazhi.indicators import extract_indicators


def _facts(text: str) -> list[tuple]:
    return [(f["raw"], f["subject"]) for f in extract_indicators(text)]


@pytest.mark.parametrize("text, expected", [
    # the thing right after 的
    ("总投资21.18亿元的锂盐项目建成投产。", [("21.18亿元", "锂盐项目总投资")]),
    ("建成面积3.2万平方米的县级综合服务中心。", [("3.2万平方米", "县级综合服务中心面积")]),
    ("改造建筑面积1.2万平方米的人力资源和社会保障服务中心。",
     [("1.2万平方米", "人力资源和社会保障服务中心建筑面积")]),
    # the count right after 的, or after the examples it names
    ("开工建设总投资1.2亿元的3个项目。", [("1.2亿元", "项目总投资"), ("3个", "项目")]),
    ("总投资86亿元的东辰化工、宏远石油等12个重大产业项目开工建设。",
     [("86亿元", "重大产业项目总投资"), ("12个", "重大产业项目")]),
    ("实施总投资5.6亿元的城区供水、污水管网改造等10项工程。", [("5.6亿元", "工程总投资"), ("10项", "工程")]),
    # items of a list: each its own thing, the head of the first
    ("投资56亿元的新材料产业园、20亿元的冷链物流项目成功签约。",
     [("56亿元", "新材料产业园投资"), ("20亿元", "冷链物流项目投资")]),
    ("引进投资10亿元的新能源电池项目、5亿元的光伏组件项目，总投资30亿元的储能产业园开工。",
     [("10亿元", "新能源电池项目投资"), ("5亿元", "光伏组件项目投资"), ("30亿元", "储能产业园总投资")]),
    ("建成占地面积500平方米的调解中心和面积200平方米的法治广场。",
     [("500平方米", "调解中心占地面积"), ("200平方米", "法治广场面积")]),
])
def test_a_quantity_before_de_is_the_thing_after_it(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what comes after 的 owns no quantity: the quantity keeps its own name
    ("超额完成固定资产投资20亿元的目标任务。", [("20亿元", "固定资产投资")]),
    ("在完成投资15亿元的基础上，新增投资3亿元。", [("15亿元", "投资"), ("3亿元", "投资")]),
    ("实现营业收入2.3亿元的好成绩。", [("2.3亿元", "营业收入")]),
    ("全年完成总产值50亿元的年度目标。", [("50亿元", "总产值")]),
    # a manner of 完成 is no part of the noun
    ("提前完成棚户区改造1200户。", [("1200户", "棚户区改造")]),
    ("如期完成农村危房改造356户。", [("356户", "农村危房")]),  # (verb 改造, as without 如期)
    # a verb of attaining before a rate's name is none of it
    ("下一步，我镇将力争实现矛盾纠纷调解成功率达98%以上。", [("98%", "矛盾纠纷调解成功率")]),
    ("保持行政机关负责人出庭应诉率100%。", [("100%", "行政机关负责人出庭应诉率")]),
])
def test_what_owns_no_quantity_is_left_out(text, expected):
    assert _facts(text) == expected


def _totals(text: str) -> list[tuple]:
    return [(f["raw"], f["subject"], f["verb"], f["breakdown"]) for f in extract_indicators(text)]


@pytest.mark.parametrize("text, expected", [
    # a total after a list of different things is all of theirs; items of one category adding up to it
    # are its parts (the table counts the total once)
    ("发放宣传资料3000份、宣传品1200份，共计4200份。",
     [("3000份", "宣传资料", "发放", True), ("1200份", "宣传品", "发放", True),
      ("4200份", "宣传资料、宣传品", "发放", False)]),
    ("全年清理规章5件、规范性文件113件、其他政策措施847条，合计965条。",
     [("5件", "规章", "清理", False), ("113件", "规范性文件", "清理", False),
      ("847条", "其他政策措施", "清理", False), ("965条", "规章、规范性文件、其他政策措施", "清理", False)]),
    # … the items may stand in clauses of their own
    ("截至目前，“好差评”非常满意802条，满意163条，合计965条。",
     [("802条", "好差评非常满意", "", True), ("163条", "好差评满意", "", True),
      ("965条", "好差评非常满意、满意", "", False)]),
    # grades listed after the name of one evaluation are its grades, and so is the rate of a grade
    ("“好差评”非常满意802条，满意163条，满意率100%。",
     [("802条", "好差评非常满意", "", False), ("163条", "好差评满意", "", False), ("100%", "好差评满意率", "", False)]),
    ("群众评议优秀12人，合格30人，不合格1人。",
     [("12人", "群众评议优秀", "", False), ("30人", "群众评议合格", "", False), ("1人", "群众评议不合格", "", False)]),
    # a total of one thing's stages is not a list's total: the items keep their one noun (all after 其中
    # are parts of the 58)
    ("共办理行政复议案件58件，其中维持32件、撤销6件、驳回14件，共计审结52件。",
     [("58件", "行政复议案件", "办理", False), ("32件", "行政复议案件", "维持", True),
      ("6件", "行政复议案件", "撤销", True), ("14件", "行政复议案件", "驳回", True),
      ("52件", "行政复议案件", "审结", True)]),
])
def test_a_total_after_a_list_is_all_of_theirs(text, expected):
    assert _totals(text) == expected


def test_a_total_of_several_categories_goes_to_other():
    facts = extract_indicators("受理行政复议案件12件、行政诉讼案件30件，共计42件。")
    assert [f["category"] for f in facts] == ["reconsideration", "litigation", "other"]
    assert facts[-1]["subject"] == "行政复议案件、行政诉讼案件"


@pytest.mark.parametrize("text, expected", [
    # a rate after a list done by one verb is the whole list's, with 均 and with several rates of one number
    ("办理人大代表建议42件、政协委员提案57件，办复率均为100%。",
     [("42件", "人大代表建议"), ("57件", "政协委员提案"), ("100%", "人大代表建议和政协委员提案办复率")]),
    ("共办理人大代表建议42件、政协提案57件，办结率、满意率均为100%。",
     [("42件", "人大代表建议"), ("57件", "政协提案"), ("100%", "人大代表建议和政协提案办结率"),
      ("100%", "人大代表建议和政协提案满意率")]),
    # a bare area after a count is the area of the things counted
    ("镇综合行政执法队全年查处违法建设17处，拆除面积3200平方米。",
     [("17处", "违法建设"), ("3200平方米", "违法建设面积")]),
    ("建成标准化厂房5栋，建筑面积2.4万平方米。", [("5栋", "标准化厂房"), ("2.4万平方米", "标准化厂房建筑面积")]),
])
def test_rates_and_areas_of_the_counted(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 占…的 N% names a share, as 占…比重 does; the change of the share after it is the share's
    ("民生支出占一般公共预算支出的82%。", [("82%", "民生支出占一般公共预算支出比重")]),
    ("民生支出占全部支出的81.6%，比上年提高1.2个百分点。",
     [("81.6%", "民生支出占全部支出比重"), ("1.2个百分点", "民生支出占全部支出比重")]),
    ("全镇有低保户120户，占总户数的3.2%。", [("120户", "低保户"), ("3.2%", "低保户占总户数比重")]),
    # no owner before 占: nothing to name the share with
    ("占全县总数的35%。", [("35%", "占全县总数")]),
    # the existential 有 is no part of the noun; 有关 is a word
    ("全区有律师事务所12家。", [("12家", "律师事务所")]),
    # bare 事项 of a list named by its title: the title's year is no part of the name
    ("编制完成《2023年度重大行政决策事项目录》，纳入事项8项。", [("8项", "重大行政决策事项目录")]),
    # who took part, counted after their bare verb, are its people (as 486人参考)
    ("组织行政执法人员参加公共法律知识考试，参考486人，合格率100%。",
     [("486人", "参考人员"), ("100%", "公共法律知识考试合格率")]),
])
def test_a_share_and_an_existential(text, expected):
    assert _facts(text) == expected


def _statuses(text: str) -> list[tuple]:
    return [(f["raw"], f["status"]) for f in extract_indicators(text)]


@pytest.mark.parametrize("text, expected", [
    # a cue right after the date that opens the sentence governs its clauses, as one opening it does
    ("2024年计划开展法治宣传活动30场次，培训村（社区）“法律明白人”200名。",
     [("30场次", "target"), ("200名", "target")]),
    ("预计全年完成固定资产投资15亿元，同比增长8%。", [("15亿元", "target"), ("8%", "target")]),
    # … unless a later clause states a result of its own, or a result comes before the cue
    ("2023年计划实施重点项目36个，已完成投资58亿元。", [("36个", "target"), ("58亿元", "result")]),
    ("签约项目9个，计划总投资15亿元，带动就业600人。",
     [("9个", "result"), ("15亿元", "target"), ("600人", "result")]),
])
def test_a_plan_after_the_opening_date(text, expected):
    assert _statuses(text) == expected


def _parts(text: str) -> list[tuple]:
    return [(f["raw"], f["subject"], f["verb"], f["qualifier"], f["breakdown"]) for f in extract_indicators(text)]


@pytest.mark.parametrize("text, expected", [
    # a breakdown of a count: the words announcing or ranking its items go, decisions are verbs
    ("从行政复议申请事项看，行政处罚类数量最多，共349件；其次为投诉举报类296件。",
     [("349件", "行政处罚类", "", "", False), ("296件", "投诉举报类", "", "", False)]),
    ("区政府审结的复议案件977件中直接纠错236件，纠错率约为24%。",
     [("977件", "复议案件", "审结", "", False), ("236件", "复议案件", "直接纠错", "", True),
      ("24%", "纠错率", "", "约", False)]),
    ("共受理复议案件120件，结果分别为决定撤销48件，责令履职10件，撤销并责令重做28件。",
     [("120件", "复议案件", "受理", "", False), ("48件", "复议案件", "决定撤销", "", False),
      ("10件", "复议案件", "责令履职", "", False), ("28件", "复议案件", "撤销并责令重做", "", False)]),
    # a bare change after a baseline figure is the change of the thing counted before, in its unit
    ("审结的复议案件977件中直接纠错236件，纠错率约为24%，较去年60件增长了近3倍。",
     [("977件", "复议案件", "审结", "", False), ("236件", "复议案件", "直接纠错", "", True),
      ("24%", "纠错率", "", "约", False), ("60件", "复议案件", "增长了", "", False),
      ("3倍", "复议案件", "增长了", "近", False)]),
])
def test_the_parts_of_a_breakdown(text, expected):
    assert _parts(text) == expected
