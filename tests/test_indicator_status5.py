"""Status of facts (result / target / baseline) in the layouts of 政府工作报告 and 法治政府建设
年度报告: the scope of a target cue across ；, cues modifying a noun, 有望 and benchmarks in
brackets, abbreviated baselines and 下同 notes. Our own sentences and figures, written in the
layouts of real reports."""

from __future__ import annotations

import pytest

from fazhi.indicators import extract_indicators


def _status_of(text: str, raw: str, nth: int = 0) -> str:
    got = [f["status"] for f in extract_indicators(text) if f["raw"] == raw]
    assert len(got) > nth, (raw, [f["raw"] for f in extract_indicators(text)])
    return got[nth]


# a target cue opening a sentence (or a segment, after a date only) or introducing what follows
# governs every clause up to the 。, across ；
@pytest.mark.parametrize("text,raw,nth,status", [
    ("预计全年实现地区生产总值212亿元，增长7%；一般公共预算收入18.6亿元，增长9%；固定资产投资增长12%。",
     "18.6亿元", 0, "target"),
    ("预计全年实现地区生产总值212亿元，增长7%；一般公共预算收入18.6亿元，增长9%；固定资产投资增长12%。",
     "12%", 0, "target"),
    ("预计，全年规上工业增加值增长6.5%；社会消费品零售总额增长8%。", "8%", 0, "target"),
    ("初步预计，全县地区生产总值增长6%；城乡居民人均可支配收入分别增长5.5%、7%。", "7%", 0, "target"),
    ("力争全年招引亿元以上项目15个；新增规上工业企业20家；城镇新增就业1500人。", "1500人", 0, "target"),
    ("今年主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长4%；城镇调查失业率控制在5.5%以内。",
     "4%", 0, "target"),
    ("全区发展主要预期目标：地区生产总值增长5.5%，固定资产投资增长8%；居民人均可支配收入增长6%。",
     "6%", 0, "target"),
    ("今年发展的主要预期目标为地区生产总值增长6%，社会消费品零售总额增长7%；外贸进出口增长5%。",
     "7%", 0, "target"),
    ("2023年，全市预计完成固定资产投资820亿元，增长6.8%；一般公共预算收入95亿元，增长5.2%。",
     "95亿元", 0, "target"),
    ("今年将新建改造供水管网45公里；改造老旧小区16个。", "16个", 0, "target"),
    # 其中 without a past result of its own stays inside the estimate
    ("预计全年财政总收入增长10%；其中地方级收入增长12%。", "12%", 0, "target"),
])
def test_a_target_cue_opening_the_sentence_governs_it_across_semicolons(text, raw, nth, status):
    assert _status_of(text, raw, nth) == status


# traps: a later clause stating its own result stops the scope; a cue inside a clause, a cue after
# a result, a plan carried out (按计划, 根据年度计划) or no cue at all carry nothing across ；
@pytest.mark.parametrize("text,raw,status", [
    ("预计全年新增市场主体1万户；其中，一季度已新增3200户。", "3200户", "result"),
    ("预计全年完成固定资产投资48亿元，其中已完成36亿元。", "36亿元", "result"),
    ("预计全年新建村级调解室10个；截至11月底，累计建成8个。", "8个", "result"),
    ("全镇招引签约项目9个，计划总投资15亿元；跟踪在谈项目7个，意向投资22亿元。", "7个", "result"),
    ("全镇招引签约项目9个，计划总投资15亿元；跟踪在谈项目7个，意向投资22亿元。", "22亿元", "result"),
    ("全面完成年度普法计划任务，开展法治讲座14场；受理法律咨询260人次。", "260人次", "result"),
    ("按计划完成农村公路提档升级18公里；新建村级调解室6个。", "6个", "result"),
    ("根据年度计划安排，组织集体学法8次，开展法治讲座11场。", "11场", "result"),
    ("乡村旅游收入预计增长6%；新增市级龙头企业12家。", "12家", "result"),
    ("全年受理行政复议申请64件；办结61件；纠错率7.8%。", "61件", "result"),
    ("制定年度学法计划，组织集体学法6次；开展法治讲座9场。", "9场", "result"),
])
def test_the_scope_of_a_target_cue_stops_at_a_result_of_its_own(text, raw, status):
    assert _status_of(text, raw) == status


# a target cue modifying a noun (拟…的, 计划…的) does not govern the fact; as a verb it does
@pytest.mark.parametrize("text,raw,status", [
    ("对街道拟做出的重大行政执法决定进行集体讨论，目前已组织集体讨论4次，作出决定7项。", "4次", "result"),
    ("对街道拟做出的重大行政执法决定进行集体讨论，目前已组织集体讨论4次，作出决定7项。", "7项", "result"),
    ("对拟出台的重大行政决策开展合法性审查23件。", "23件", "result"),
    ("计划实施的民生项目已全部完工，完成投资1.6亿元。", "1.6亿元", "result"),
    # traps: the cue is a verb of the fact
    ("拟新建村级公共法律服务室5个。", "5个", "target"),
    ("计划培训行政执法人员600人次。", "600人次", "target"),
    ("确保完成上级下达的减排任务，化学需氧量下降3%。", "3%", "target"),
])
def test_a_cue_modifying_a_noun_governs_nothing(text, raw, status):
    assert _status_of(text, raw) == status


# 有望 + a level is a target; a benchmark in brackets after a rate is a target, the rate a result
@pytest.mark.parametrize("text,raw,status", [
    ("全县城镇登记失业率有望降至3%以下。", "3%", "target"),
    ("全年粮食产量有望突破52万吨。", "52万吨", "target"),
    ("行政复议调撤率达78.5%（市考核指标50%以上）。", "50%", "target"),
    ("行政复议调撤率达78.5%（市考核指标50%以上）。", "78.5%", "result"),
    ("行政机关负责人出庭应诉率达100%（省定目标90%）。", "90%", "target"),
    ("群众满意度达96.2%（目标值95%）。", "95%", "target"),
    # traps: a breakdown in brackets, the share of a target reached
    ("办理法律援助案件140件（其中刑事案件36件）。", "36件", "result"),
    ("实到外资1.2亿美元，完成全年目标进度的41.5%。", "41.5%", "result"),
    ("今年以来已有望亭村等3个村完成改造。", "3个", "result"),
])
def test_you_wang_and_benchmarks_in_brackets(text, raw, status):
    assert _status_of(text, raw) == status


# abbreviated comparisons are baselines: 同2023年比, 与上年同期比, 与2023年比, 比增 (= 比上年增长)
@pytest.mark.parametrize("text,raw,status", [
    ("生产安全事故死亡人数同2023年比下降12.6个百分点。", "12.6个百分点", "baseline"),
    ("税收收入与上年同期比增长9.3%。", "9.3%", "baseline"),
    ("与2023年比，受理行政诉讼案件减少6件。", "6件", "baseline"),
    ("一般公共预算收入8.7亿元，比增11%；非税收入比降4.2%。", "11%", "baseline"),
    ("一般公共预算收入8.7亿元，比增11%；非税收入比降4.2%。", "4.2%", "baseline"),
    # traps: a share growing, a level, the amount before the comparison
    ("一般公共预算收入8.7亿元，比增11%；非税收入比降4.2%。", "8.7亿元", "result"),
    ("农产品加工产值占比增至45%。", "45%", "result"),
    ("研发经费投入强度达到2.6%，比重居全市第二。", "2.6%", "result"),
])
def test_abbreviated_comparisons_are_baselines(text, raw, status):
    assert _status_of(text, raw) == status


# a comparison note 下同 carries the baseline past ；; a comparison without it stops at ；; other
# 下同 notes (以下简称…，下同) are no comparison; a target cue still comes first
@pytest.mark.parametrize("text,raw,status", [
    ("全区地区生产总值增长6.2%（同比，下同）；规上工业增加值增长7.5%。", "7.5%", "baseline"),
    ("地区生产总值同比（下同）增长6.2%；规上工业增加值增长7.5%，社会消费品零售总额增长4%。", "4%",
     "baseline"),
    ("全区受理行政复议案件88件，与上年相比减少9件；办结83件。", "83件", "result"),
    ("全区法律援助中心（以下简称法援中心，下同）受理案件126件；办结118件。", "118件", "result"),
    ("预计全年地区生产总值增长7%（同比，下同）；财政收入增长12%。", "12%", "target"),
])
def test_a_comparison_note_carried_on(text, raw, status):
    assert _status_of(text, raw) == status


# a cue opening a goal without a figure governs no later segment: the figures after it are results;
# a colon introducing a list does, whatever its first item
@pytest.mark.parametrize("text,raw,status", [
    ("确保全年不发生较大以上安全生产事故；全年排查整改隐患410处。", "410处", "result"),
    ("力争实现“小事不出村”目标；全年调处矛盾纠纷96件。", "96件", "result"),
    ("今年的主要目标是：一是推动工业扩量提质；二是地区生产总值增长6%左右。", "6%", "target"),
])
def test_a_goal_without_a_figure_carries_nothing(text, raw, status):
    assert _status_of(text, raw) == status


# inside a segment too, a cue opening a clause after a result governs that clause alone
@pytest.mark.parametrize("text,raw,status", [
    ("今年招引签约项目9个，计划总投资15亿元，带动就业600人。", "600人", "result"),
    ("今年招引签约项目9个，计划总投资15亿元，带动就业600人。", "15亿元", "target"),
    ("2024年，全镇预计完成固定资产投资6.2亿元，增长8%。", "8%", "target"),
])
def test_a_cue_after_a_result_governs_its_clause_alone(text, raw, status):
    assert _status_of(text, raw) == status
