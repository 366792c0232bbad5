"""Units of wave 5: concentrations, durations, doses, cases, votes, counts of policies, numbers with
spaces around them; and the numbers with these units that are no facts (indicator_units.tsv,
not_indicators.tsv). Sentences are written in the layouts of real environment, government-work and
rule-of-law reports."""

from __future__ import annotations

import pytest

from fazhi.indicators import extract_indicators


def _one(text: str, raw: str) -> dict:
    facts = [f for f in extract_indicators(text) if f["raw"] == raw]
    assert len(facts) == 1, (raw, [f["raw"] for f in extract_indicators(text)])
    return facts[0]


# (sentence, raw, value, unit, qualifier, number_kind, base_unit, amount or None, subject or None)
CONCENTRATIONS = [
    ("全年PM2.5平均浓度为32微克/立方米，同比下降8.6%。", "32微克/立方米", 32, "微克/立方米", "",
     "measure", "微克/立方米", 32, "PM2.5平均浓度"),
    ("国控断面化学需氧量平均浓度为15毫克/升。", "15毫克/升", 15, "毫克/升", "", "measure", "毫克/升",
     15, "国控断面化学需氧量平均浓度"),
    ("一氧化碳日均浓度为1.1毫克/立方米。", "1.1毫克/立方米", 1.1, "毫克/立方米", "", "measure",
     "微克/立方米", 1100, None),
    ("PM10年均浓度降至56μg/m3。", "56μg/m3", 56, "微克/立方米", "", "measure", "微克/立方米", 56,
     None),
    ("出境断面氨氮浓度0.35mg/L，稳定达到Ⅲ类标准。", "0.35mg/L", 0.35, "毫克/升", "", "measure",
     "毫克/升", 0.35, None),
    ("全年平均降水量1200毫米，较常年偏多一成。", "1200毫米", 1200, "毫米", "", "measure", "米", 1.2,
     None),
    ("城区区域环境噪声平均等效声级为53.2分贝。", "53.2分贝", 53.2, "分贝", "", "measure", "分贝",
     53.2, None),
]

DURATIONS = [
    ("工程建设项目审批时限压缩至2个工作日。", "2个工作日", 2, "工作日", "", "measure", "工作日", 2,
     "工程建设项目审批时限"),
    ("全年空气质量优良天数达到320天。", "320天", 320, "天", "", "measure", "天", 320,
     "空气质量优良天数"),
    ("企业开办时间压缩至1个工作日内。", "1个工作日", 1, "工作日", "以下", "measure", "工作日", 1,
     "企业开办时间"),
    ("推行“一窗受理”，不动产登记最快30分钟领证。", "30分钟", 30, "分钟", "最快", "measure", "分钟",
     30, None),
    ("注册志愿者累计服务时长1200小时。", "1200小时", 1200, "小时", "", "measure", "小时", 1200, None),
    ("项目审批用时由120个工作日缩短至80个工作日。", "80个工作日", 80, "工作日", "", "measure",
     "工作日", 80, None),
    ("办理时限平均3个小时。", "3个小时", 3, "小时", "", "measure", "小时", 3, None),
    ("不动产登记办理时间由6个月缩短至3个月。", "6个月", 6, "个月", "", "measure", "个月", 6,
     "不动产登记办理时间"),
    ("企业开办时间压减至1个工作日。", "1个工作日", 1, "工作日", "", "measure", "工作日", 1,
     "企业开办时间"),
    ("推进拿地即开工，项目从取得土地到开工仅用18天。", "18天", 18, "天", "", "measure", "天", 18, None),
]

COUNTS = [
    ("累计接种新冠病毒疫苗12.5万剂次。", "12.5万剂次", 125000, "剂次", "", "count", "剂次", 125000,
     None),
    ("为适龄儿童接种流感疫苗3200剂。", "3200剂", 3200, "剂", "", "count", "剂", 3200, None),
    ("全年报告手足口病病例15例，较上年减少6例。", "15例", 15, "例", "", "count", "例", 15, None),
    ("开展白内障复明手术1200例。", "1200例", 1200, "例", "", "count", "例", 1200, None),
    ("民主测评中满意25票、基本满意3票。", "25票", 25, "票", "", "count", "票", 25, None),
    ("全年重污染60天次，同比减少12天次。", "60天次", 60, "天次", "", "count", "天次", 60, None),
    ("出台惠企政策30条，兑现奖补资金3000万元。", "30条", 30, "条", "", "count", "条", 30, "惠企政策"),
    ("梳理涉企帮扶措施共86条。", "86条", 86, "条", "", "count", "条", 86, None),
]

SPACES = [
    ("镇司法所提供法律咨询240 余人次。", "240 余人次", 240, "人次", "余", "count", "人次", 240,
     "法律咨询"),
    ("全年受理行政复议案件 56 件。", "56 件", 56, "件", "", "count", "件", 56, "行政复议案件"),
    ("接待群众来访 80 余 人次。", "80 余 人次", 80, "人次", "余", "count", "人次", 80, "群众来访"),
    ("发放宣传资料 5000 多份。", "5000 多份", 5000, "份", "多", "count", "份", 5000, "宣传资料"),
    ("办理 1.3 万件公证。", "1.3 万件", 13000, "件", "", "count", "件", 13000, None),
    ("调解纠纷约 300 起。", "300 起", 300, "起", "约", "count", "起", 300, None),
    ("PM2.5平均浓度为 28 微克/立方米。", "28 微克/立方米", 28, "微克/立方米", "", "measure",
     "微克/立方米", 28, None),
]


@pytest.mark.parametrize("text,raw,value,unit,qualifier,kind,base,amount,subject",
                         CONCENTRATIONS + DURATIONS + COUNTS + SPACES)
def test_new_units_are_facts(text, raw, value, unit, qualifier, kind, base, amount, subject):
    f = _one(text, raw)
    assert (f["value"], f["unit"], f["qualifier"], f["number_kind"]) == (
        pytest.approx(value), unit, qualifier, kind)
    assert f["base_unit"] == base
    assert f["amount"] == pytest.approx(amount)
    if subject is not None:
        assert f["subject"] == subject


@pytest.mark.parametrize("text,growth", [
    ("重污染天数同比减少5天。", "5天"),
    ("优良天数比上年增加12天。", "12天"),
])
def test_a_change_of_days_is_a_growth(text, growth):
    assert _one(text, growth)["number_kind"] == "growth"


# durations of events, limits in rules, frequencies, slogans, ordinals: no fact at all
@pytest.mark.parametrize("text", [
    "举办为期3天的执法人员培训班。",
    "一期工程历时300天建成投用。",
    "提前30天完成全年任务。",
    "连续3天开展法治宣传。",
    "行政执法人员在第3天完成整改。",
    "对群众诉求在3个工作日内办结。",
    "全面推行七天无理由退货承诺。",
    "政务服务自助区24小时不打烊。",
    "12345热线24小时在线受理。",
    "网格员2天一次入户走访。",
    "每3天巡查1次，每2个月开展1次督查。",
    "打造15分钟公共法律服务圈。",
    "区五届人大三次会议历时3天。",
    "2023年3月15日召开会议，会期2天。",
    "开展为期3个月的专项整治行动。",
    "审批通过后3天内公示，办结后3个工作日内回访。",
    "连续3个月排名全市第一。",
    "用3个月时间完成整改。",
    "安全生产实行一票否决。",
    "全市第1例远程视频公证顺利办结。",
    "PM10和PM2.5年均浓度均达到国家二级标准。",
    "对重点个案实行一例一策。",
    "疫情期间实行一天一报。",
    "行政执法人员2 人以上。",
    "区五届人大 3 次会议召开。",
    "实施港区改造 2 期项目。",
    "网格员2天 1 次入户。",
    "出台“惠企政策 20 条”。",
])
def test_durations_and_words_that_are_no_facts(text):
    assert extract_indicators(text) == []


# numbered policies: names, not counts (a count keeps a plural noun before the number, above)
@pytest.mark.parametrize("text", [
    "出台“20条措施”。",
    "印发十条意见。",
    "出台《关于支持民营经济发展的若干措施》20条。",
    "全面落实惠企20条。",
    "出台“惠企政策20条”。",
    "出台人才新政10条。",
    "出台惠企政策十条。",
    "制定支持民营经济发展20条措施。",
    "落实稳经济33条政策措施。",
])
def test_numbered_policies_are_names(text):
    assert extract_indicators(text) == []


@pytest.mark.parametrize("text,raw", [
    ("召开工作例会3次。", "3次"),  # 例会 is a word, 3次 the fact
    ("开具电子票据3000张。", "3000张"),  # 票据 is a word
    ("新建2座天然气加气站。", "2座"),  # 天然气 is a word
    ("PM2.5浓度同比下降14.9%。", "14.9%"),  # the 2.5 of PM2.5 is no number
    ("每万人拥有律师3.5名。", "3.5名"),  # per capita, not a frequency
    ("前3个月，全县完成固定资产投资12亿元。", "12亿元"),  # a period, not a duration
    ("工程分为三期建设，二期工程用时18个月。", "18个月"),  # phases are no facts
    ("新签约10 亿元 以上项目5个。", "5个"),  # a size class, spaces of page layout read through
])
def test_words_holding_a_unit_are_not_units(text, raw):
    assert [f["raw"] for f in extract_indicators(text)] == [raw]
