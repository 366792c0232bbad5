"""Parse stage without line breaks: inline headings, run-in headings, closing paragraphs.

Crawled pages often lose every line break. Each report below is written in a layout seen on real
government sites (own wording, real places); its flattened version (all ``\\n`` removed) must give
the same parts and the same outline as the line-broken one.
"""

from __future__ import annotations

import pytest
from conftest import RAW

from fazhi.clean import clean_text
from fazhi.read import read_file
from fazhi.sections import analyse_structure, heading_number, parse_outline

# ------------------------------------------------------------------ realistic reports

TOWN_ARTICLE_25 = """安吉县孝丰镇2022年度法治政府建设情况报告
2022年，孝丰镇在县委、县政府的坚强领导下，坚持以习近平法治思想为指导，紧扣建设法治孝丰目标，扎实推进依法行政。现将有关情况报告如下：
一、2022年推进法治政府建设的主要举措和成效
（一）强化组织保障。镇党委把法治建设列入年度重点工作，调整充实法治建设领导小组，全年召开专题会议4次，研究解决法治建设重点问题6个。
（二）规范重大行政决策。严格执行重大行政决策程序，全年提交镇法律顾问审查合同及文件38份，出具法律意见书12份。
（三）深化普法宣传。围绕宪法、民法典开展“法治进文化礼堂”活动21场，培育“法治带头人”46名。
二、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记、镇长带头学法述法，主持召开党委会专题研究法治工作3次，带队督查村级法治建设2次，在年度述职中专门报告法治建设情况。
三、存在的不足和原因
一是部分村干部依法办事意识有待增强，遇到矛盾纠纷仍习惯于行政手段；二是综合执法力量不足，专业执法人员仅有5名；三是普法形式创新不够，对青年群体吸引力不强。
四、2023年推进法治政府建设的主要安排
（一）持续深化学法用法。把习近平法治思想纳入党委中心组年度学习计划，开展领导干部旁听庭审活动。
（二）提升综合执法水平。推进“大综合一体化”行政执法改革，全年组织执法业务培训不少于4次。
五、其他需要报告的情况
无。"""

TOWNSHIP_RUN_IN = """景宁畲族自治县毛垟乡2021年法治政府建设工作总结
今年以来，毛垟乡党委、政府认真贯彻落实上级关于法治政府建设的决策部署，结合山区乡镇实际，扎实推进依法治乡各项工作，现将工作情况汇报如下：
一、工作开展情况
（一）强化组织领导
一是健全工作机制。成立以乡党委书记为组长的法治建设工作领导小组，明确各站所职责分工。二是落实第一责任人职责。乡党政主要负责人亲自部署、亲自协调法治政府建设重要工作，全年主持专题学法2次。
（二）推进依法决策
严格落实“三重一大”集体决策制度，重大事项全部经法律顾问合法性审查，全年审查各类合同15份。
（三）加强矛盾纠纷化解
依托乡综治中心开展矛盾纠纷排查，全年调处各类纠纷37起，调解成功率达97%。
二、存在的问题和不足
一是法治宣传的针对性不强，宣传方式较为单一；二是行政执法人员业务能力参差不齐，持证人员偏少；三是村级法律顾问作用发挥不够充分。
三、下一步工作计划
（一）抓好关键少数。落实领导干部学法制度，组织全乡干部参加年度法律知识考试。
（二）夯实基层基础。深化民主法治村创建，力争新增县级民主法治村1个。"""

SUBDISTRICT_DUTY_SECTION = """南京市鼓楼区湖南路街道2023年法治政府建设年度报告
2023年，湖南路街道坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，全面落实区委、区政府法治建设部署，现将全年工作情况报告如下：
一、主要工作及成效
（一）依法全面履行职能
1.优化营商环境。设立“企业服务驿站”，为辖区商户提供政策咨询、法律体检等服务120余次。
2.深化政务公开。通过街道公众号主动公开政务信息96条，依申请公开答复率100%。
（二）严格规范公正文明执法
1.落实执法三项制度。执法全过程记录设备配备率达100%，重大执法决定法制审核率100%。
2.推进包容审慎监管。对轻微违法行为依法不予处罚14件。
二、街道党政主要负责人履行推进法治建设第一责任人职责情况
街道党工委书记、办事处主任认真履行第一责任人职责，带头讲授法治党课1次，专题听取法治建设工作汇报4次。
三、存在的问题
一是社区法治力量相对薄弱，专职法务人员较少；二是居民参与基层治理的渠道有待拓宽。
四、下一年度工作安排
（一）深化法治社区建设。打造“楼宇法治驿站”2个，推动法律服务进商圈。
（二）加强执法队伍建设。开展执法案卷评查，提升执法规范化水平。
五、其他需要报告的情况
本年度街道未发生行政复议纠错和行政诉讼败诉案件。"""

DISTRICT_HALF_WIDTH = """武汉市江汉区2021年法治政府建设情况报告
2021年,江汉区坚持以习近平法治思想为引领,深入实施《法治政府建设实施纲要(2021-2025年)》,法治政府建设取得新成效.现将有关情况报告如下:
一、2021年推进法治政府建设的主要举措和成效
(一)坚持党的领导,落实第一责任人职责.区委常委会、区政府常务会议专题研究法治政府建设议题9次.
1.健全领导体制.调整区委全面依法治区委员会组成人员,制定年度工作要点.
2.强化督察考核.将法治建设纳入全区目标考核,开展专项督察2轮.
(二)深化“放管服”改革.全区政务服务事项网上可办率达98%,“一网通办”事项1460项.
(三)推进严格规范公正文明执法.组织行政执法案卷评查,抽查案卷212卷,发现并整改问题31个.
二、存在的不足和原因
一是部分部门运用法治思维破解难题的能力不强;二是基层执法力量与执法任务不相匹配.原因在于法治培训的系统性不够,执法资源统筹不足.
三、2022年主要安排
(一)加强法治政府建设统筹.制定2022年法治政府建设工作要点,压实各部门责任.
(二)提升行政执法质效.推行行政执法“观察员”制度,开展执法人员轮训."""

COUNTY_PAREN_TOP = """汝阳县2022年度法治政府建设工作情况
2022年，汝阳县人民政府在市委、市政府和县委的领导下，持续推进法治政府建设，现将工作情况报告如下：
（一）主要工作
1.加强规范性文件管理。全年审核县政府规范性文件7件，备案审查率100%。
2.推进行政复议体制改革。县政府统一行使行政复议职责，全年受理行政复议案件43件。
3.落实党政主要负责人履行推进法治建设第一责任人职责。县长带头出庭应诉2次，主持召开县政府常务会议学法4次。
（二）存在问题
部分乡镇合法性审查力量薄弱，行政机关负责人出庭应诉工作还不平衡。
（三）2023年工作打算
1.深入推进依法决策。健全重大行政决策目录管理制度。
2.加强执法监督。开展行政执法质量评查活动，做到全覆盖。"""

CITY_BUREAU_RUN_ON = """柳州市司法局2020年法治政府建设工作报告
2020年，柳州市司法局在市委、市政府的正确领导下，统筹推进疫情防控和司法行政各项工作，法治政府建设取得积极进展。现将有关情况报告如下：
一、2020年工作情况
（一）完善依法行政制度体系。牵头起草市政府规章2部，审查市政府规范性文件26件。
（二）加强行政复议应诉工作。全年办理行政复议案件318件，纠错率11.6%。
（三）推进公共法律服务体系建设。建成村（社区）公共法律服务室1298个，实现全覆盖。
二、存在问题
一是基层司法所人员配备不足，部分司法所仅有1名工作人员；二是公共法律服务供给与群众需求还有差距。
三、2021年工作打算
2021年，我局将重点抓好以下工作：一是全面启动“八五”普法规划编制；二是深化行政复议体制改革；三是推进公证、仲裁等法律服务行业高质量发展。"""

TOWN_CLOSING_PARAGRAPHS = """平遥县古陶镇2022年法治政府建设工作总结
2022年，古陶镇以创建全国文明城市为契机，坚持依法行政、依法治镇，法治政府建设工作有序推进。
一、加强组织领导，压实法治责任
镇党委定期研究法治建设工作，将法治建设纳入镇村干部年度考核，形成主要领导亲自抓、分管领导具体抓的工作格局。
二、坚持依法决策，规范权力运行
严格执行重大行政决策法定程序，镇法律顾问全年列席党政联席会议18次，审核协议文书27份。
三、深化普法宣传，营造法治氛围
结合古城旅游特点，在南大街设置法治宣传长廊，开展“普法进景区”活动12次，发放宣传资料6000余份。
今年以来，我镇法治政府建设虽然取得了一定成效，但也存在一些不足：干部法治素养仍需提升，执法规范化水平有待提高，普法宣传的覆盖面还不够广。
下一步，我镇将继续深入学习贯彻习近平法治思想，健全依法决策机制，加强执法人员培训，创新普法宣传形式，推动法治政府建设再上新台阶。"""

TOWN_NO_HEADINGS = """洪雅县止戈镇2021年法治政府建设情况报告
2021年，止戈镇紧紧围绕县委、县政府法治建设工作部署，坚持把法治政府建设作为推进镇域治理现代化的重要抓手，取得了阶段性成效。
全年组织镇村干部集中学法6次，开展“法律明白人”培训3期，培训人员210人次。一是完善决策机制，重大事项均经合法性审查；二是规范执法行为，全面推行执法公示制度；三是化解矛盾纠纷，全年调处纠纷52件。
同时也清醒地认识到，我镇法治政府建设与上级要求还有差距，部分干部依法行政意识不强，基层法治力量较为薄弱。
新的一年，我镇将以“八五”普法为抓手，进一步加强法治宣传教育，健全矛盾纠纷多元化解机制，为全镇经济社会发展提供坚实法治保障。"""

# report, parts, top-level (number, part) in order (preamble left out)
REPORTS = [
    ("town_article_25", TOWN_ARTICLE_25, ["achievements", "problems", "duty", "plans", "other"],
     [("一", "achievements"), ("二", "duty"), ("三", "problems"), ("四", "plans"), ("五", "other")]),
    ("township_run_in", TOWNSHIP_RUN_IN, ["achievements", "problems", "duty", "plans"],
     [("一", "achievements"), ("二", "problems"), ("三", "plans")]),
    ("subdistrict_duty_section", SUBDISTRICT_DUTY_SECTION,
     ["achievements", "problems", "duty", "plans", "other"],
     [("一", "achievements"), ("二", "duty"), ("三", "problems"), ("四", "plans"), ("五", "other")]),
    ("district_half_width", DISTRICT_HALF_WIDTH, ["achievements", "problems", "duty", "plans"],
     [("一", "achievements"), ("二", "problems"), ("三", "plans")]),
    ("county_paren_top", COUNTY_PAREN_TOP, ["achievements", "problems", "duty", "plans"],
     [("一", "achievements"), ("二", "problems"), ("三", "plans")]),
    ("city_bureau_run_on", CITY_BUREAU_RUN_ON, ["achievements", "problems", "plans"],
     [("一", "achievements"), ("二", "problems"), ("三", "plans")]),
    ("town_closing_paragraphs", TOWN_CLOSING_PARAGRAPHS, ["achievements", "problems", "plans"],
     [("一", "achievements"), ("二", "achievements"), ("三", "achievements"), ("", "problems"),
      ("", "plans")]),
    ("town_no_headings", TOWN_NO_HEADINGS, ["problems", "plans"], [("", "problems"), ("", "plans")]),
]
IDS = [r[0] for r in REPORTS]


def _both(text: str):
    """The line-broken and the flattened report, each cleaned and analysed."""
    return (analyse_structure(clean_text(text).text),
            analyse_structure(clean_text(text.replace("\n", "")).text))


def _top(struct) -> list[tuple[str, str]]:
    return [(s["number"], s["part"]) for s in struct.sections if s["level"] == 1 and s["part"] != "preamble"]


@pytest.mark.parametrize("name, text, parts, top", REPORTS, ids=IDS)
def test_parts_with_and_without_line_breaks(name, text, parts, top):
    lined, flat = _both(text)
    assert lined.parts == parts
    assert flat.parts == parts
    assert _top(lined) == top
    assert _top(flat) == top


# reports whose headings have no full stop and run into a paragraph that starts without heading
# words ("（二）推进依法决策严格落实……"): the flattened heading runs on (the line-broken one is its start)
RUN_ON_HEADINGS = {"township_run_in", "town_closing_paragraphs"}


@pytest.mark.parametrize("name, text, parts, top", REPORTS, ids=IDS)
def test_same_outline_with_and_without_line_breaks(name, text, parts, top):
    lined, flat = _both(text)
    outline = [(s["level"], s["number"], s["part"]) for s in lined.sections]
    assert [(s["level"], s["number"], s["part"]) for s in flat.sections] == outline
    pairs = [(a["heading"], b["heading"]) for a, b in zip(lined.sections, flat.sections, strict=True)]
    assert all(f.startswith(h) for h, f in pairs)
    assert (all(h == f for h, f in pairs)) is (name not in RUN_ON_HEADINGS)
    assert [d["where"] for d in flat.duty] == [d["where"] for d in lined.duty]
    assert [it["number"] for it in flat.items] == [it["number"] for it in lined.items]


@pytest.mark.parametrize("name, text, parts, top", REPORTS, ids=IDS)
def test_flattened_sections_tile_the_text(name, text, parts, top):
    flat_text = clean_text(text.replace("\n", "")).text
    secs = analyse_structure(flat_text).sections
    top_secs = [s for s in secs if s["level"] == 1]
    assert top_secs[0]["start"] == 0 and top_secs[-1]["end"] == len(flat_text)
    assert all(a["end"] == b["start"] for a, b in zip(top_secs, top_secs[1:], strict=False))
    for s in secs:
        assert flat_text[s["start"]:s["end"]] == s["text"]
        parent = max((t for t in top_secs if t["start"] <= s["start"]), key=lambda t: t["start"])
        assert s["end"] <= parent["end"]  # deeper sections nest inside their level-1 section


# ------------------------------------------------------------------ inline headings, one by one

@pytest.mark.parametrize("text, expected", [
    # a level-1 heading runs straight into its first sub-heading
    ("现将有关情况报告如下：一、工作开展情况（一）强化组织领导。一是健全机制。（二）推进依法决策。正文。",
     [(1, "一", "工作开展情况"), (2, "一", "强化组织领导"), (2, "二", "推进依法决策")]),
    # ... and into its first item
    ("一、工作情况。取得明显成效。二、存在问题一是依法行政意识不强；二是执法力量不足。三、下一步打算一是加强学习。",
     [(1, "一", "工作情况"), (1, "二", "存在问题"), (1, "三", "下一步打算")]),
    # ... and into its paragraph: cut after the heading words that name the part
    ("一、2020年工作情况。全面完成。二、存在问题。人员不足。三、2021年工作打算2021年，我局将重点抓好普法规划编制。",
     [(1, "一", "2020年工作情况"), (1, "二", "存在问题"), (1, "三", "2021年工作打算")]),
    ("报告如下：一、工作情况今年以来，我乡扎实开展法治建设。二、存在的问题及原因依法行政能力不强，原因是培训不够。",
     [(1, "一", "工作情况"), (1, "二", "存在的问题及原因")]),
    # a heading that starts with a year (一、 followed by a digit is no enumeration)
    ("现将自查情况报告如下：一、2019年法治政府建设工作开展情况（一）进一步增强法治观念。",
     [(1, "一", "2019年法治政府建设工作开展情况"), (2, "一", "进一步增强法治观念")]),
    # level 3 run into level 2; the numbering restarts under each （一）
    ("（一）完善制度1.健全决策机制。正文。2.规范文件管理。正文。（二）严格执法1.推行三项制度。",
     [(2, "一", "完善制度"), (3, "1", "健全决策机制"), (3, "2", "规范文件管理"), (2, "二", "严格执法"),
      (3, "1", "推行三项制度")]),
    # level-3 numbers that run on across level-2 sections (as in many district reports)
    ("（一）加强组织领导1.加强党的领导。正文。2.强化考核。正文。（二）依法履行职能3.深化审批改革。正文。",
     [(2, "一", "加强组织领导"), (3, "1", "加强党的领导"), (3, "2", "强化考核"), (2, "二", "依法履行职能"),
      (3, "3", "深化审批改革")]),
    # a repeated number under a heading that names its part (a slip, as in the 2019 Xilian report)
    ("一、工作开展情况。正文。二、主要成效。正文。三、存在的问题。依然存在。四、下一步工作计划（一）继续完善机制。"
     "正文。四、下一步工作的改进措施在接下来的工作中，我镇将提高认识。",
     [(1, "一", "工作开展情况"), (1, "二", "主要成效"), (1, "三", "存在的问题"), (1, "四", "下一步工作计划"),
      (2, "一", "继续完善机制"), (1, "四", "下一步工作的改进措施")]),
])
def test_inline_headings(text, expected):
    assert [(h["level"], h["number"], h["heading"]) for h in parse_outline(text)] == expected


# ------------------------------------------------------------------ enumerations that are no headings

@pytest.mark.parametrize("text, numbers", [
    ("报告如下：一、工作情况。全镇一、二级干部全部参训。二、存在问题。", ["一", "二"]),
    ("报告如下：一、工作情况。一、二级干部全部参训。二、存在问题。", ["一", "二"]),
    ("报告如下：一、工作情况。第一、二批试点村已完成验收。二、存在问题。", ["一", "二"]),
    ("一、工作情况。1、2月份开展集中整治。2.规范执法。", ["一"]),
    ("一、工作情况。（一）至（三）项任务已全部完成。", ["一"]),
    ("一、工作情况。依据第十条（一）项规定办理。", ["一"]),
    ("一、工作情况。2021.3月起施行新制度。", ["一"]),
    ("一、工作情况。1.5万元用于法治宣传阵地建设。", ["一"]),
    ("一、工作情况。一、两个村的调解室尚未挂牌。二、存在问题。", ["一", "二"]),
    ("一、工作情况。二、三季度开展专项整治。二、存在问题。", ["一", "二"]),
    ("一、工作情况。10、11月集中开展排查。", ["一"]),
    # an enumeration inside a sentence, separated by ；
    ("一、工作情况。主要有：1.学法；2.用法；3.守法。二、存在问题。", ["一", "二"]),
    # an enumeration restarting inside a section is no new top-level section
    ("一、工作情况。主要做了三件事：一、建章立制。二、培训队伍。三、强化宣传。二、存在问题。", ["一", "二"]),
    # numbers out of order are no headings
    ("一、工作情况。正文。五、强化宣传。正文。", ["一"]),
    ("（一）强化领导。正文。（三）推进执法。正文。", ["一"]),
])
def test_enumerations_are_no_headings(text, numbers):
    assert [h["number"] for h in parse_outline(text)] == numbers


@pytest.mark.parametrize("number, value", [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23), ("12", 12), ("一一", None), ("十十", None),
])
def test_heading_number(number, value):
    assert heading_number(number) == value


# ------------------------------------------------------------------ closing paragraphs without heading

_BODY = ("一、加强组织领导\n镇党委定期研究法治建设工作，形成齐抓共管格局。\n"
         "二、规范执法行为\n严格落实行政执法三项制度，全年开展执法检查36次。\n")


@pytest.mark.parametrize("closing, parts", [
    ("下一步，我镇将持续深化法治宣传教育。", ["achievements", "plans"]),
    ("2023年，我们将进一步健全依法决策机制。", ["achievements", "plans"]),
    ("今后，我镇将继续加强执法队伍建设。", ["achievements", "plans"]),
    ("新的一年，我镇将以八五普法为抓手推进法治建设。", ["achievements", "plans"]),
    ("但也存在一些不足，主要是干部法治意识不强。", ["achievements", "problems"]),
    ("同时也清醒地认识到，我镇法治建设还有差距。", ["achievements", "problems"]),
    ("我镇法治建设虽然取得一定成效，但也存在执法力量不足的问题。下一步，我镇将充实执法力量。",
     ["achievements", "problems", "plans"]),
    # the report's own year is no plan
    ("2022年，我镇将法治建设纳入综合考核，考核结果与评先评优挂钩。", ["achievements"]),
    ("全年共调处矛盾纠纷52件，调解成功率98%。", ["achievements"]),
    ("同时还有效解决了群众反映的突出问题。", ["achievements"]),
    ("同时及时整改存在的问题，做到件件有回音。", ["achievements"]),
    ("但在法治宣传方面仍有待加强。", ["achievements", "problems"]),
    # run-in labels with a colon, no heading marker (short reports, pages crawled as one paragraph)
    ("存在的不足：无。下一步，我镇将继续做好普法工作。", ["achievements", "problems", "plans"]),
    ("存在的问题和不足：普法形式较为单一，执法人员不足。下一步工作打算：充实执法力量。",
     ["achievements", "problems", "plans"]),
    ("存在问题：基层法治力量薄弱。下步工作计划：加强村法律顾问工作。",
     ["achievements", "problems", "plans"]),
    ("下一步工作思路和措施：持续深化法治宣传教育。", ["achievements", "plans"]),
    # a label inside a sentence is no part
    ("我镇坚持问题导向，着力解决群众反映的存在的问题：道路、停车和噪音。", ["achievements"]),
    ("全年整改存在的问题12个，问题整改率100%。", ["achievements"]),
])
def test_closing_paragraphs(closing, parts):
    text = "古陶镇2022年法治政府建设工作总结\n2022年，我镇坚持依法行政。\n" + _BODY + closing
    for t in (text, text.replace("\n", "")):
        s = analyse_structure(t)
        assert s.parts == parts
        closing_secs = [x for x in s.sections if x["number"] == "" and x["part"] != "preamble"]
        assert [x["part"] for x in closing_secs] == [p for p in parts if p in ("problems", "plans")]
        assert all(x["end"] <= closing_secs[0]["start"] for x in s.sections if x["start"] < closing_secs[0]["start"]) \
            if closing_secs else True


def test_closing_paragraph_only_when_no_such_heading():
    text = ("一、工作情况\n正文。\n二、存在问题\n执法力量不足。\n三、下一步打算\n加强培训。\n"
            "我镇将继续努力，但也存在一些不足。下一步，我镇将持续推进。")
    secs = analyse_structure(text).sections
    assert [(s["number"], s["part"]) for s in secs if s["level"] == 1] == [
        ("一", "achievements"), ("二", "problems"), ("三", "plans")]


def test_early_plans_sentence_is_no_closing_paragraph():
    text = ("下一步，我镇将认真总结经验。2022年，我镇坚持依法行政。\n一、加强组织领导\n" + "镇党委定期研究法治建设工作。" * 20)
    assert analyse_structure(text).parts == ["achievements"]


# ------------------------------------------------------------------ the sample reports

SEEDS = ["2019-guangdong-shaoguan-wujiang-xilian.txt", "2020-fujian-fuzhou-mawei-tingjiang.txt",
         "2021-chongqing-qianjiang-pengdong.txt", "2023-anonymised-town-template.txt",
         "2024-guangdong-shantou-jinping-yuepu.txt"]


def _seed_text(name: str) -> str:
    return clean_text(read_file(RAW / name).text).text


@pytest.mark.parametrize("name", SEEDS)
def test_flattened_seed_gives_the_same_parts_and_outline(name):
    text = _seed_text(name)
    lined, flat = analyse_structure(text), analyse_structure(text.replace("\n", ""))
    assert flat.parts == lined.parts
    assert [(s["level"], s["number"], s["part"]) for s in flat.sections] == [
        (s["level"], s["number"], s["part"]) for s in lined.sections]
    assert flat.duplicate_numbering == lined.duplicate_numbering

# the outline of the sample reports as the line-based parser found it before inline headings
# (level, number, part, heading): inline detection must not change it
SEED_SECTIONS = {
    '2019-guangdong-shaoguan-wujiang-xilian.txt': [
        (1, '', 'preamble', ''),
        (1, '一', 'achievements', '2019年法治政府建设工作开展情况'),
        (2, '一', 'achievements', '进一步增强全面法治观念，提高广大干部群众的法治意识'),
        (2, '二', 'achievements', '全面推行政务公开，阳光政府建设更上一层楼'),
        (2, '三', 'achievements', '坚持依法办事，依法全面履行职能'),
        (2, '四', 'achievements', '完善行政决策机制，推进依法科学民主决策'),
        (2, '五', 'achievements', '妥善处理好群众信访工作，解决群众矛盾纠纷，切实维护社会和谐稳定'),
        (1, '二', 'achievements', '法治政府建设工作主要成效'),
        (1, '三', 'problems', '法治政府建设工作存在的问题'),
        (2, '一', 'problems', '依法行政意识还不够强'),
        (2, '二', 'problems', '行政执法不严、效能不高、质量不佳问题仍然较为突出'),
        (2, '三', 'problems', '法制建设干部队伍教育培训力度还需继续加大'),
        (2, '四', 'problems', '法制机构不健全'),
        (1, '四', 'plans', '下一步工作计划'),
        (2, '一', 'plans', '继续完善领导体制和工作机制'),
        (2, '二', 'plans', '继续狠抓法治宣传教育'),
        (2, '三', 'plans', '继续建立专项宣传阵地，利用各村（社区）、学校等单位的公开栏打造稳固的专项宣传阵地'),
        (2, '四', 'plans', '继续加强对重点领域行政执法监督检查'),
        (1, '四', 'plans', '下一步法治政府建设工作的改进措施'),
        (2, '一', 'plans', '继续加强法制培训、加强普法教育，全面提高依法行政意识'),
        (2, '二', 'plans', '加强政务信息透明度、强化行政监督'),
        (2, '三', 'plans', '进一步完善法治政府建设，加强廉政建设'),
    ],
    '2020-fujian-fuzhou-mawei-tingjiang.txt': [
        (1, '', 'preamble', ''),
        (1, '一', 'achievements', '加强领导压实责任，抓好法治政府责任落实'),
        (1, '二', 'achievements', '开展领导干部学法，增强依法行政意识'),
        (1, '三', 'achievements', '加强宣传教育引导，提高广大干部群众的法治意识'),
        (1, '四', 'achievements', '严格执行“三项制度”，推进工作落实'),
        (1, '五', 'achievements', '深化行政执法责任制度，规范执法行为'),
        (1, '六', 'achievements', '完善社会自治功能，健全矛盾防范和化解机制'),
        (1, '七', 'problems', '存在的不足'),
        (1, '八', 'plans', '下一步工作计划'),
    ],
    '2021-chongqing-qianjiang-pengdong.txt': [
        (1, '', 'preamble', ''),
        (1, '一', 'achievements', '工作情况'),
        (2, '一', 'achievements', '强化政治站位，压紧压实工作责任'),
        (2, '二', 'achievements', '聚焦工作重点，推动工作落实落地'),
        (2, '三', 'achievements', '深化宣传引领，健全常态工作机制'),
        (1, '二', 'problems', '存在问题'),
        (1, '三', 'plans', '下一步打算'),
    ],
    '2023-anonymised-town-template.txt': [
        (1, '', 'preamble', ''),
        (1, '一', 'achievements', '法治建设工作开展情况'),
        (2, '一', 'achievements', '组织领导到位，压实法治建设主体责任'),
        (2, '二', 'achievements', '落细落实到位，强化提升依法行政能力'),
        (2, '三', 'achievements', '宣传贯彻到位，夯实法治政府建设基础'),
        (2, '四', 'achievements', '防范化解到位，提升基层治理管理水平'),
    ],
    '2024-guangdong-shantou-jinping-yuepu.txt': [
        (1, '', 'preamble', ''),
        (1, '一', 'achievements', '2024年法治政府建设主要工作及成效'),
        (2, '一', 'achievements', '深入学习贯彻落实党的二十大、党的二十届三中全会精神和习近平法治思想'),
        (2, '二', 'duty', '加强党政第一负责人对法治政府建设的组织领导'),
        (2, '三', 'achievements', '加强机关干部职工依法行政能力建设'),
        (2, '四', 'achievements', '严格落实重大行政决策制度'),
        (2, '五', 'achievements', '推进严格规范公正文明执法'),
        (2, '六', 'achievements', '打造法治化营商环境'),
        (2, '七', 'achievements', '预防和治理未成年人违法犯罪'),
        (2, '八', 'achievements', '依法化解社会矛盾纠纷'),
        (2, '九', 'achievements', '深入开展普法宣传工作'),
        (1, '二', 'problems', '2024年开展法治政府工作存在的不足和原因'),
        (1, '三', 'plans', '下一年度推进法治政府建设的主要安排'),
        (2, '一', 'plans', '优化执法力量配置，规范行政执法行为'),
        (2, '二', 'plans', '完善行政公开、行政监督、行政纠纷调解机制'),
        (2, '三', 'plans', '加强未成年人违法犯罪预防工作'),
        (2, '四', 'plans', '推进全社会增强法治观念'),
    ],
}
SEED_DUTY = {  # where and opening of the duty evidence
    '2019-guangdong-shaoguan-wujiang-xilian.txt': [('paragraph', '落实主要负责人为第一')],
    '2020-fujian-fuzhou-mawei-tingjiang.txt': [],
    '2021-chongqing-qianjiang-pengdong.txt': [('item', '落实第一责任人责任')],
    '2023-anonymised-town-template.txt': [],
    '2024-guangdong-shantou-jinping-yuepu.txt': [('subheading', '加强党政第一负责人对')],
}
SEED_ITEMS = {  # the numbers of the inline items 一是…二是… in order
    '2019-guangdong-shaoguan-wujiang-xilian.txt': '一二三四五一二一二三四一二',
    '2020-fujian-fuzhou-mawei-tingjiang.txt': '一二三一二一二三一二三一二三四五一二一二三一二三四五六',
    '2021-chongqing-qianjiang-pengdong.txt': '一二三一二三四五一二三四一二三一二三四',
    '2023-anonymised-town-template.txt': '一二三一二三一二三一二',
    '2024-guangdong-shantou-jinping-yuepu.txt': '一二一二一二三一二三四一二三四五六七八一三四五一二一二三一二三四一二三四一二三四一二三一二三四一二三',
}


@pytest.mark.parametrize("name", SEEDS)
def test_seed_sections_unchanged(name):
    text = _seed_text(name)
    s = analyse_structure(text)
    assert [(x["level"], x["number"], x["part"], x["heading"]) for x in s.sections] == SEED_SECTIONS[name]
    assert all(x["start"] == 0 or text[x["start"] - 1] == "\n" for x in s.sections)  # all at line starts
    assert [(d["where"], d["text"][:10]) for d in s.duty] == SEED_DUTY[name]
    assert "".join(it["number"] for it in s.items) == SEED_ITEMS[name]


@pytest.mark.parametrize("name, text, parts, top", REPORTS, ids=IDS)
def test_line_broken_reports_keep_their_line_outline(name, text, parts, top):
    cleaned = clean_text(text).text
    starts = [s["start"] for s in analyse_structure(cleaned).sections if s["number"]]
    assert bool(starts) is any(number for number, _ in top)
    assert all(cleaned[i - 1] == "\n" for i in starts)


@pytest.mark.parametrize("text, outline", [
    # enumerations inside a paragraph of a line-broken report stay inside the paragraph
    ("一、工作情况\n主要做了三件事：一、建章立制。二、培训队伍。三、强化宣传。\n二、存在问题\n正文。",
     [(1, "一"), (1, "二")]),
    ("一、工作情况\n（一）强化领导\n主要有：1.学法；2.用法；3.守法。\n（二）推进执法\n正文。",
     [(1, "一"), (2, "一"), (2, "二")]),
    ("一、工作情况\n全镇一、二级干部全部参训，第一、二批试点村完成验收，1、2月份开展整治。\n二、存在问题\n正文。",
     [(1, "一"), (1, "二")]),
    ("一、工作情况\n截至12月底共投入1.5万元。2021.3起施行新制度。3.15当天开展宣传。\n二、存在问题\n正文。",
     [(1, "一"), (1, "二")]),
    # a line that is only a heading keeps its last words
    ("一、工作情况汇总\n正文。\n二、存在问题\n正文。", [(1, "一", "工作情况汇总"), (1, "二", "存在问题")]),
])
def test_paragraph_enumerations_in_line_broken_reports(text, outline):
    out = parse_outline(text)
    got = [(h["level"], h["number"], h["heading"]) if len(want) == 3 else (h["level"], h["number"])
           for h, want in zip(out, outline, strict=False)]
    assert len(out) == len(outline) and got == outline
