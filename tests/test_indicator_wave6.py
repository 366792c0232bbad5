"""Wave 6: numbers of one list that share a unit (分别为120、118件), the verbs of such a list (受理、
办结…分别为), a rate named right before the next number in text without punctuation (成功调解128起调解
成功率98%), and a rate name that already holds the noun before it (调解 + 调解成功率). Sentences in the
layouts of real report pages; our own wording and figures."""

from __future__ import annotations

import math

import pytest

from fazhi.indicators import extract_indicators

# (sentence, [(value, unit, raw, subject, verb), ...]) of every fact of the sentence
SHARED_UNIT = [
    ("全年受理、办结行政复议案件分别为120、118件。",
     [(120, "件", "120", "行政复议案件", "受理"), (118, "件", "118件", "行政复议案件", "办结")]),
    ("新收、审结一审行政诉讼案件分别为56、49件。",
     [(56, "件", "56", "一审行政诉讼案件", "新收"), (49, "件", "49件", "一审行政诉讼案件", "审结")]),
    ("受理和审结案件分别为10、9件。",
     [(10, "件", "10", "案件", "受理"), (9, "件", "9件", "案件", "审结")]),
    ("人大代表建议、政协提案分别为38、45件，均按期办结。",
     [(38, "件", "38", "人大代表建议", ""), (45, "件", "45件", "政协提案", "")]),
    ("刑事、民事法律援助案件分别为1.2、2.3万件。",
     [(12000, "件", "1.2", "刑事法律援助案件", ""), (23000, "件", "2.3万件", "民事法律援助案件", "")]),
    ("城乡居民人均可支配收入分别增长5.2、6.1个百分点。",
     [(5.2, "个百分点", "5.2", "城镇居民人均可支配收入", "增长"),
      (6.1, "个百分点", "6.1个百分点", "农村居民人均可支配收入", "增长")]),
    ("受理、办结、答复信访事项依次为86、80、78件。",
     [(86, "件", "86", "信访事项", "受理"), (80, "件", "80", "信访事项", "办结"),
      (78, "件", "78件", "信访事项", "答复")]),
    # each number with its own unit: the verbs are shared out the same way
    ("全年受理、办结行政复议案件分别为120件、118件。",
     [(120, "件", "120件", "行政复议案件", "受理"), (118, "件", "118件", "行政复议案件", "办结")]),
    ("新收、审结一审行政案件分别为56件和49件。",
     [(56, "件", "56件", "一审行政案件", "新收"), (49, "件", "49件", "一审行政案件", "审结")]),
]


@pytest.mark.parametrize(("text", "want"), SHARED_UNIT, ids=[t for t, _ in SHARED_UNIT])
def test_numbers_of_a_list_share_the_unit_and_the_verbs(text, want):
    facts = extract_indicators(text)
    got = [(f["value"], f["unit"], f["raw"], f["subject"], f["verb"]) for f in facts]
    assert [(pytest.approx(v), u, raw, s, vb) for v, u, raw, s, vb in want] == got
    for f in facts:
        assert text[f["start"]:f["end"]] == f["raw"]
        assert math.isnan(f["high"])


# no unit-sharing list: years, a list not opened by 分别/依次, numbers of a document name
NO_SHARED = [
    ("分别在2021、2022年开展行政执法案卷评查。", []),
    ("开展“八五”普法，组织12、13岁学生参加法治夏令营300人次。", [300.0]),
    ("分别召开党组会议3、常务会议5次。", [5.0]),  # a unit after the first item: not a bare list
]


@pytest.mark.parametrize(("text", "values"), NO_SHARED, ids=[t for t, _ in NO_SHARED])
def test_no_list_without_a_respectively_frame(text, values):
    assert [f["value"] for f in extract_indicators(text)] == values


# (sentence, [(value, subject), ...])
RATE_NAMES = [
    # text crawled without punctuation: the rate before the next number is that number's name
    ("成功调解128起调解成功率98%", [(128, "调解"), (98, "调解成功率")]),
    ("受理信访件86件办结率100%", [(86, "信访件"), (100, "信访件办结率")]),
    # a rate name holding the noun before it, or sharing its last word
    ("成功调解128起，调解成功率98%。", [(128, "调解"), (98, "调解成功率")]),
    ("开展纠纷调解128起，调解成功率98%。", [(128, "纠纷调解"), (98, "纠纷调解成功率")]),
    ("受理信访件86件，办结率100%。", [(86, "信访件"), (100, "信访件办结率")]),
    ("调处矛盾纠纷209件，调解成功率达99%。", [(209, "矛盾纠纷"), (99, "矛盾纠纷调解成功率")]),
]


@pytest.mark.parametrize(("text", "want"), RATE_NAMES, ids=[t for t, _ in RATE_NAMES])
def test_rate_names(text, want):
    assert [(f["value"], f["subject"]) for f in extract_indicators(text)] == [
        (float(v), s) for v, s in want]


# (sentence, value, subject, verb, predicate): the noun after a number ends after its head when a
# predicate follows it (the meeting, not what it studied)
NOUN_AFTER = [
    ("召开3次政府常务会议专题研究法治政府建设工作。", 3, "政府常务会议", "", "专题研究法治政府建设工作"),
    ("召开3次常务会议研究部署法治政府建设工作。", 3, "常务会议", "", "研究部署法治政府建设工作"),
    ("镇党委召开2次专题会议听取法治建设工作汇报。", 2, "专题会议", "", "听取法治建设工作汇报"),
    ("召开4次党政联席会议研究法治工作", 4, "党政联席会议", "", "研究法治工作"),
    ("组织开展3次法治宣传进村入户活动并发放资料。", 3, "法治宣传进村入户活动", "", "发放资料"),
    ("开展5次行政执法案卷评查工作，评查案卷120卷。", 5, "行政执法案卷评查工作", "", ""),
    ("全年开展12次专项执法检查。", 12, "专项执法检查", "", ""),
    ("聘请3名律师担任政府法律顾问。", 3, "律师", "聘请", "担任政府法律顾问"),
    ("建成5个法治文化广场。", 5, "法治文化广场", "建成", ""),
    # a verb right after a bracketed variant ends the noun
    ("全区共有23个村（社区）建立法律顾问制度。", 23, "村社区", "", "建立法律顾问制度"),
    ("为5个村（社区）配备法律顾问。", 5, "村社区", "", "配备法律顾问"),
    ("建成5个村（社区）法治文化阵地。", 5, "村社区法治文化阵地", "建成", ""),
]


@pytest.mark.parametrize(("text", "value", "subject", "verb", "predicate"), NOUN_AFTER,
                         ids=[c[0] for c in NOUN_AFTER])
def test_noun_after_a_number_ends_at_its_head(text, value, subject, verb, predicate):
    f = next(f for f in extract_indicators(text) if f["value"] == value)
    assert (f["subject"], f["verb"], f["predicate"]) == (subject, verb, predicate)


# verbs of wave 6: 调解成功 and the like take the previous fact's noun (调解 alone is mostly a noun
# in these reports); the outcomes of a review; 选优配强, 代写
@pytest.mark.parametrize(("text", "subject", "verb"), [
    ("开展人民调解工作，共受理案件120件，调解成功118件。", "案件", "调解成功"),
    ("全年受理各类矛盾纠纷236起，调处成功231起，调处成功率97.9%。", "矛盾纠纷", "调处成功"),
    ("排查矛盾纠纷58起，化解成功56起。", "矛盾纠纷", "化解成功"),
    ("办理行政复议案件15件，其中维持10件、撤销2件、终止3件。", "行政复议案件", "终止"),
    ("办理行政复议案件15件，其中维持12件、确认违法1件。", "行政复议案件", "确认违法"),
    ("完成村（社区）“两委”换届，选优配强村干部210名。", "村干部", "选优配强"),
    ("为群众提供法律咨询560余人次，代写法律文书48份。", "法律文书", "代写"),
    ("受理矛盾纠纷86件，调解成功85件，调解成功率98.8%。", "矛盾纠纷", "调解成功"),
    ("调解成功矛盾纠纷85件。", "矛盾纠纷", "调解成功"),
])
def test_verbs_of_wave6(text, subject, verb):
    f = next(f for f in extract_indicators(text) if f["verb"] == verb)
    assert f["subject"] == subject


# 控制在 reports a level reached unless a target cue governs it; 基本 before a verb of completion
@pytest.mark.parametrize(("text", "raw", "subject", "status"), [
    ("新增城镇就业1.2万人，城镇登记失业率控制在3.5%以内。", "3.5%", "城镇登记失业率", "result"),
    ("2024年主要预期目标：城镇调查失业率控制在5.5%以内。", "5.5%", "城镇调查失业率", "target"),
    ("力争将城镇登记失业率控制在4%以内。", "4%", "城镇登记失业率", "target"),
    ("新开工棚户区改造安置房3200套，基本建成2100套。", "2100套", "棚户区改造安置房", "result"),
    ("基本养老保险参保人数12.6万人。", "12.6万人", "基本养老保险参保人数", "result"),
])
def test_kept_under_and_basically_built(text, raw, subject, status):
    f = next(f for f in extract_indicators(text) if f["raw"] == raw)
    assert (f["subject"], f["status"]) == (subject, status)


# case files (卷) are counted; a rate after them is theirs; 败诉/继续有效 are verbs of the noun before
CASE_FILES = [
    ("开展行政执法案卷评查，共评查案卷360卷，优秀率85%。",
     [("360卷", "案卷", "评查"), ("85%", "案卷优秀率", "")]),
    ("开展案卷评查，抽查行政执法案卷120卷，合格率96%。",
     [("120卷", "行政执法案卷", "抽查"), ("96%", "行政执法案卷合格率", "")]),
    ("累计归档卷宗1200卷。", [("1200卷", "卷宗", "归档")]),
    ("一审行政诉讼案件败诉8件，败诉率6.5%。",
     [("8件", "一审行政诉讼案件", "败诉"), ("6.5%", "一审行政诉讼案件败诉率", "")]),
    ("清理规范性文件126件，其中废止18件、继续有效108件。",
     [("126件", "规范性文件", "清理"), ("18件", "规范性文件", "废止"), ("108件", "规范性文件", "继续有效")]),
    ("订阅法治报刊10种。", [("10种", "法治报刊", "订阅")]),
]


# (sentence, raw, subject, predicate): what follows a count of times is what was done, not its
# noun; a one-character stop inside a word (惠及) does not end the noun; a predicate never holds
# the next fact's number or opens with a joiner
@pytest.mark.parametrize(("text", "raw", "subject", "predicate"), [
    ("镇党委召开专题会议3次研究法治建设工作。", "3次", "专题会议", "研究法治建设工作"),
    ("召开政府常务会议3次专题研究法治政府建设工作。", "3次", "政府常务会议", "专题研究法治政府建设工作"),
    ("在申报的25个创建单位中，评出示范单位8个。", "25个", "创建单位", ""),
    ("法治讲座12场惠及群众3000人。", "12场", "法治讲座", ""),
    ("法治讲座12场惠及群众3000人。", "3000人", "法治讲座惠及群众", ""),  # (wave 11: whom the events reached)
    ("发放50份宣传册与100份海报。", "50份", "宣传册", ""),
    ("聘请2名律师和1名专家担任法律顾问。", "1名", "专家", "担任法律顾问"),
])
def test_words_after_a_count(text, raw, subject, predicate):
    f = next(f for f in extract_indicators(text) if f["raw"] == raw)
    assert (f["subject"], f["predicate"]) == (subject, predicate)


# a count of times whose event follows the number: the event is the subject, who acted is not
@pytest.mark.parametrize(("text", "subject", "verb"), [
    ("先后8次对法治政府建设作出批示。", "批示", "作出"),
    ("主要负责人先后5次听取法治政府建设工作汇报。", "法治政府建设工作汇报", "听取"),
    ("镇党委书记4次主持召开法治建设专题会议。", "法治建设专题会议", "主持召开"),
    ("区长3次带队开展执法检查。", "执法检查", "带队开展"),
    # the event before the number stays
    ("全年开展12次专项执法检查。", "专项执法检查", ""),
    ("镇党委召开专题会议3次研究法治建设工作。", "专题会议", ""),
    ("送法下乡12次。", "送法下乡", ""),
])
def test_event_after_a_count_of_times(text, subject, verb):
    f = extract_indicators(text)[0]
    assert (f["subject"], f["verb"]) == (subject, verb)


# who took part: the verb stays in a bare 人员/人数 (参训人员, 参与人数), not in a named group
@pytest.mark.parametrize(("text", "subject", "verb"), [
    # (wave 11: the event named in the clause before is theirs)
    ("组织领导干部参加旁听庭审活动，参与人数达260人。", "旁听庭审活动参与人数", "参与"),
    ("开展网格员业务培训4期，参训人员420人次。", "网格员业务培训参训人员", "参训"),
    ("参加人员共计300人。", "参加人员", "参加"),
    ("受益群众1.2万人次。", "受益群众", "受益"),  # (wave 8: the beneficiaries, a class of people, as 参训人员)
    ("培训行政执法人员600人次。", "行政执法人员", "培训"),
])
def test_who_took_part(text, subject, verb):
    f = extract_indicators(text)[-1]
    assert (f["subject"], f["verb"]) == (subject, verb)


# from-to frames with 把/将 and the noun between the numbers; a forecast (据统计预测) is a target
@pytest.mark.parametrize(("text", "want"), [
    ("突出考核精准性，把62项考核指标精简优化为13项。",
     [("62项", "考核指标", "baseline"), ("13项", "考核指标", "result")]),
    ("将原有的12个执法队整合为5个。", [("12个", "执法队", "baseline"), ("5个", "执法队", "result")]),
    ("将5个村合并为3个村。", [("5个", "村", "baseline"), ("3个", "村", "result")]),
    ("执法队员由36人增加到52人。", [("36人", "执法队员", "baseline"), ("52人", "执法队员", "result")]),
    ("办理时限由21个工作日压减至3个工作日。",
     [("21个工作日", "办理时限", "baseline"), ("3个工作日", "办理时限", "result")]),
    ("从3个部门抽调人员到12个村开展工作。", [("3个", "部门", "result"), ("12个", "村", "result")]),
    ("据统计预测，全县地区生产总值达92.9亿元。", [("92.9亿元", "地区生产总值", "target")]),
    ("开展矛盾纠纷预测预警123次。", [("123次", "矛盾纠纷预测预警", "result")]),
])
def test_from_to_frames_and_forecasts(text, want):
    assert [(f["raw"], f["subject"], f["status"]) for f in extract_indicators(text)] == want


# a verb after 等地 opens the counted noun; levels (市县两级) are scope words
PLACES_AND_LEVELS = [
    ("在区物业管理协会等地设立基层法治观测点3个，选任法治观察员34名。",
     [("3个", "基层法治观测点", "设立"), ("34名", "法治观察员", "选任")]),
    ("组织市县两级领导干部871名参加培训。", [("871名", "领导干部", "")]),
    ("全县县乡两级行政执法人员共计520名。", [("520名", "行政执法人员", "")]),
    ("县乡两级政府签订责任书32份。", [("32份", "责任书", "签订")]),
]


# 共计/合计/总计 are scope words whole (not 共 + a noun 计); a count of events takes the event of
# the clause before whole
TOTALS = [
    ("开展普法活动，共计56场。", [("56场", "普法活动", "")]),
    ("合计投入资金200万元。", [("200万元", "资金", "投入")]),
    ("开展“小散乱污”专项整治行动，共整改取缔15家。", [("15家", "小散乱污", "整改取缔")]),
]


# every (sentence, [(raw, subject, verb), ...]) table above: each fact of the sentence, nothing else
RAW_SUBJECT_VERB = [(name, text, want) for name, table in (
    ("case_files", CASE_FILES), ("places_levels", PLACES_AND_LEVELS), ("totals", TOTALS))
    for text, want in table]


@pytest.mark.parametrize(("cls", "text", "want"), RAW_SUBJECT_VERB, ids=[f"{c}:{t}" for c, t, _ in RAW_SUBJECT_VERB])
def test_raw_subject_and_verb_of_each_fact(cls, text, want):
    assert [(f["raw"], f["subject"], f["verb"]) for f in extract_indicators(text)] == want
