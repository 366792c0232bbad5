"""Status from the document (fazhi.indicators.docstatus): plans parts, headings of targets, later
years. Texts are our own, in the layouts of work-report plan pages and rule-of-law plans parts."""
import pytest

from fazhi.indicators import extract_indicators
from fazhi.indicators.docstatus import document_status, target_spans


def statuses(text, **kw):
    return [(f["raw"], f["status"]) for f in document_status(extract_indicators(text), text, **kw)]


# (report text, report year, [(raw, status), ...])
DOC_CASES = [
    # a work report's plan page: a heading of targets, a bulleted list without 力争/计划
    ("二、2024年主要预期目标\n1. 地区生产总值增长6%左右。\n2. 城镇新增就业1200人。\n"
     "3. 新建口袋公园8个。", 2023,
     [("6%", "target"), ("1200人", "target"), ("8个", "target")]),
    ("（三）主要目标\n新改建农村公路35公里，建成村级综合服务站12个。\n（四）保障措施\n"
     "今年共培训网格员300人次。", 2023,
     [("35公里", "target"), ("12个", "target"), ("300人次", "result")]),
    ("三、下一步工作打算\n开展法治宣传活动20场，培育法治带头人60名。", 2022,
     [("20场", "target"), ("60名", "target")]),
    ("四、2024年工作安排\n1.推进调解组织规范化建设，新建个人调解工作室3个。\n"
     "2.举办行政执法培训4期。", 2023, [("3个", "target"), ("4期", "target")]),
    ("一、工作计划\n全年组织领导干部旁听庭审2次。", 2021, [("2次", "target")]),
    # (wave 8) a numbered heading of what was done is no heading of targets, 重点工作 or not
    ("一、重点工作开展情况\n组织召开党委常委会5次，举办法治培训8期。", 2024,
     [("5次", "result"), ("8期", "result")]),
    ("二、重点工作完成情况\n新建村级法律服务点16个。", 2023, [("16个", "result")]),
    # (but a heading of the year's key work to come still is)
    ("三、2025年重点工作\n新建村级法律服务点10个。", 2024, [("10个", "target")]),
    # a past result under the heading stays a result
    ("二、主要目标\n已完成老旧小区改造14个，下一阶段再改造9个。", 2023,
     [("14个", "result"), ("9个", "target")]),
    ("三、工作计划\n截至目前累计建成法律服务点41个。", 2023, [("41个", "result")]),
    # a year later than the report year
    ("2023年启动老旧小区改造12个。", 2022, [("12个", "target")]),
    ("2025年建成标准化司法所6个。", 2023, [("6个", "target")]),
    ("2022年建成标准化司法所6个。", 2022, [("6个", "result")]),
    ("截至2023年2月，累计调处纠纷58件。", 2022, [("58件", "result")]),
    # years inside a name are no date of the fact: a plan's title, a plan period in brackets
    ("制定《法治乡村建设三年行动方案（2024-2026年）》，推出攻坚措施37项。", 2023, [("37项", "result")]),
    ("印发法治政府建设实施方案（2021—2025年），明确重点任务46项。", 2022, [("46项", "result")]),
    ("启动《2025年普法依法治理工作要点》编制，梳理任务清单23项。", 2023, [("23项", "result")]),
    ("围绕《实施方案》，2025年建成标准化司法所6个。", 2023, [("6个", "target")]),
    ("较2021年增加调解案件15件。", 2022, [("15件", "baseline")]),
    ("2023年新增公职律师4人。", None, [("4人", "result")]),
    ("2023年新增公职律师4人。", float("nan"), [("4人", "result")]),
    ("2023年新增公职律师4人。", "未知", [("4人", "result")]),
    # no heading of targets: results stay results
    ("一、主要工作成效\n调处矛盾纠纷209件，调解成功率98%。\n二、存在问题\n专职调解员仅3名。",
     2022, [("209件", "result"), ("98%", "result"), ("3名", "result")]),
    ("（一）健全工作机制\n全年审查合同36份。", 2023, [("36份", "result")]),
    # a title naming the summary and the plans covers nothing: only the plans heading does
    ("2022年镇法治政府建设工作总结及2023年工作思路\n一、工作成效\n化解纠纷88件。\n"
     "二、2023年工作思路\n新建调解室5个。", 2022, [("88件", "result"), ("5个", "target")]),
    # a heading of targets ends at the next heading of the same level
    ("一、2023年工作目标\n新建调解室5个。\n二、2023年工作成效\n化解纠纷88件。", 2022,
     [("5个", "target"), ("88件", "result")]),
    # headings the outline parser (fazhi.sections) does not take: an unnumbered heading line of
    # targets and 第X部分 headings — why docstatus keeps its own heading-line scanner
    ("关于2023年法治政府建设情况的报告\n\n2024年主要目标\n新建调解室5个，培训法律明白人120人。",
     2023, [("5个", "target"), ("120人", "target")]),
    ("第三部分 2024年工作目标\n新建调解室5个。\n第四部分 其他事项\n共受理行政复议案件9件。", 2023,
     [("5个", "target"), ("9件", "result")]),
    # the sentence's own cues keep deciding first
    ("一、主要工作成效\n力争调处成功率达到98%。", 2022, [("98%", "target")]),
]


@pytest.mark.parametrize("text, year, expected", DOC_CASES)
def test_status_from_the_document(text, year, expected):
    assert statuses(text, report_year=year) == expected


@pytest.mark.parametrize("text, plans, expected", [
    # the parser's plans part, given as spans, makes results targets
    ("三、下一步打算\n规范化建设调解组织10个。", [(8, 22)], [("10个", "target")]),
    ("规范化建设调解组织10个。", [(0, 0)], [("10个", "result")]),
])
def test_status_from_the_plans_part(text, plans, expected):
    assert statuses(text, plan_spans=plans) == expected


@pytest.mark.parametrize("text, n", [
    ("二、2024年主要预期目标\n增长6%。", 1),
    ("二、工作成效\n增长6%。", 0),
    ("2024年主要目标\n增长6%。", 1),        # an unnumbered heading line
    ("第二部分 下一步工作安排\n新建调解室5个。", 1),
    ("主要目标是全年增长6%，就业1200人。", 0),  # a sentence, not a heading
    ("", 0),
])
def test_target_spans(text, n):
    assert len(target_spans(text)) == n


def test_extract_indicators_stays_sentence_level():
    text = "三、下一年度工作打算\n全年调处矛盾纠纷209件。"
    assert extract_indicators(text)[0]["status"] == "result"
    assert statuses(text)[0][1] == "target"


@pytest.mark.parametrize("heading, expected", [
    # wave 11: a heading of the year's work and how it was done opens no span of targets
    ("一、2022年重点工作及主要工作举措", "result"),
    ("二、主要做法和工作亮点", "result"),
    ("三、2023年重点工作", "target"),
])
def test_a_heading_of_how_work_was_done_is_no_target(heading, expected):
    text = heading + "\n推动在律师事务所成立153个独立党支部。"
    assert [f["status"] for f in document_status(extract_indicators(text), text, report_year=2022)] == [expected]
