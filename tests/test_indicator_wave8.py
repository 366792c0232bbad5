"""Wave 8: from-to frames across years (由2017年的…增长到2021年的…), who took part after a count of
events (开展讲座60场次，培训600人次), rates listed with 、 sharing one number, a meeting named by its short
form (常务会先后6次听取…), a qualifier that belongs to the next number (…事项最快10分钟办理), a company
investing, a distributive 各 inside a noun, reduced durations and the leading bodies of a place.
Sentences in the layouts of real report pages; our own wording and figures."""

from __future__ import annotations

import pytest

from fazhi.indicators import extract_indicators


def _facts(text: str) -> list[tuple]:
    return [(f["value"], f["subject"], f["verb"], f["status"]) for f in extract_indicators(text)]


FACT_CASES = [
    # a from-to frame over years: the earlier level is the baseline, the later one the result, the
    # year after 增长到 no target and no noun; the growth after it keeps the topic
    ("from_to_years", "全乡生产总值由2018年的9.6亿元增长到2022年的13.1亿元，年均增长4.8%。",
     [(9.6, "生产总值", "", "baseline"), (13.1, "生产总值", "增长", "result"),
      (4.8, "生产总值", "年均增长", "result")]),
    ("from_to_years", "税收收入由2019年的860万元增加到2023年的2150万元。",
     [(860, "税收收入", "", "baseline"), (2150, "税收收入", "", "result")]),
    ("from_to_years", "一般公共预算收入从4120万元增加到7730万元。",
     [(4120, "一般公共预算收入", "", "baseline"), (7730, "一般公共预算收入", "", "result")]),
    # who took part is no count of the events before
    ("audience", "开展送法进村讲座45余场次，培训900人次。",
     # (wave 11: whom the events trained are the events')
     [(45, "送法进村讲座", "", "result"), (900, "送法进村讲座", "培训", "result")]),
    ("audience", "共办理政务服务事项8.2万件，服务2.6万人次。",
     [(82000, "政务服务事项", "办理", "result"), (26000, "服务人次", "", "result")]),  # (wave 15: 服务人次)
    # (the same kind of unit still carries the noun)
    ("audience", "受理法律援助案件120件，办结115件。",
     [(120, "法律援助案件", "受理", "result"), (115, "法律援助案件", "办结", "result")]),
    # a meeting in its short form, then the event it counts
    ("meeting", "区政府常务会先后4次听取法治政府建设工作汇报。",
     [(4, "法治政府建设工作汇报", "听取", "result")]),
    ("meeting", "镇党委会3次专题研究依法治镇工作。", [(3, "依法治镇工作", "专题研究", "result")]),
    # (a light verb still counts the meetings)
    ("meeting", "召开镇长办公会5次研究法治建设工作。", [(5, "镇长办公会", "", "result")]),
    # a qualifier before the next number is not the noun's
    ("next_qualifier", "56个高频事项、32个跨区域通办事项最快15分钟办结。",
     [(56, "高频事项", "", "result"), (32, "跨区域通办事项", "", "result"),
      (15, "跨区域通办事项", "", "result")]),
    # a company that invests is no noun of the money
    ("company", "某某控股集团追加投资12亿元，建设冷链物流园。", [(12, "追加投资", "", "result")]),
    ("company", "引进的新能源公司投资8.5亿元。", [(8.5, "投资", "", "result")]),
    # a distributive 各 inside the noun; 所有 names nothing
    ("each", "机关各党支部集中学法36次。", [(36, "机关党支部集中学法", "", "result")]),
    ("each", "所有村集体经济收入达20万元以上。", [(20, "村集体经济收入", "", "result")]),
    # verbs now read as verbs
    ("verbs", "动态调整权责事项，新增12项、取消9项、变更14项。",
     [(12, "权责事项", "新增", "result"), (9, "权责事项", "取消", "result"),
      (14, "权责事项", "变更", "result")]),
    ("verbs", "编发法治工作简报6期。", [(6, "法治工作简报", "编发", "result")]),
    ("verbs", "发展公益性岗位86个。", [(86, "公益性岗位", "发展", "result")]),
    ("verbs", "全年新识别防返贫监测户5户。", [(5, "防返贫监测户", "新识别", "result")]),
    # 年均 is no part of the noun of a growth
    ("growth", "规上工业增加值年均增速6.5%。", [(6.5, "规上工业增加值", "增速", "result")]),
    # no stop within reach: the noun is the run of tokens up to the first verb, preposition or adverb
    ("chunk", "推进“一窗通办”，18家区直部门按照权责清单重新梳理政务服务事项。",
     [(18, "区直部门", "", "result")]),
    ("chunk", "全县64家党委（党组）理论学习中心组专题组织学习宪法。",
     [(64, "党委党组理论学习中心组", "", "result")]),
    ("chunk", "街道和3个法治政府建设项目荣获全市示范命名。", [(3, "法治政府建设项目", "", "result")]),
    # an action verb inside the noun after a number ends it, its object is the predicate
    ("verb_inside", "12项高频事项推行“一次办”。", [(12, "高频事项", "", "result")]),
    ("verb_inside", "4个项目争创省级示范项目。", [(4, "项目", "", "result")]),
    # (a level or an adjective before the verb keeps the whole: 省级下放…事项)
    ("verb_inside", "承接9个省级下放行政许可事项。", [(9, "省级下放行政许可事项", "承接", "result")]),
    # who took part, named by what they took part in
    ("took_part", "组织全区8600人参加法治理论知识网络考试。", [(8600, "法治理论知识网络考试", "", "result")]),
    # bodies counted, not their leaders
    ("bodies", "组织6家单位主要负责人进行现场述法。", [(6, "单位", "", "result")]),
    # 有, 建有, 在全国 and 按计划 around the noun; 中 and 集中 end the noun after a number
    ("around", "社区级窗口有4个。", [(4, "社区级窗口", "", "result")]),
    ("around", "建有2个便民服务中心。", [(2, "便民服务中心", "", "result")]),
    ("around", "在全国42个参评城市中综合排名第八。", [(42, "参评城市", "", "result")]),
    ("around", "全年23份文件中无行政规范性文件。", [(23, "文件", "", "result")]),
    ("around", "全县80多个党委（党组）集中开展专题学习。", [(80, "党委党组", "", "result")]),
    # (集中 opening the noun is part of it)
    ("around", "全年开展6次集中学习研讨。", [(6, "集中学习研讨", "", "result")]),
    ("around", "按计划学法10次。", [(10, "学法", "", "result")]),
    ("around", "年办理法律服务事项9万余件。", [(90000, "法律服务事项", "办理", "result")]),
    ("around", "办结“@市长”网民留言860件。", [(860, "市长网民留言", "办结", "result")]),
    # a completion rate of the amount before, and the growth after it of that amount
    ("task", "一般公共预算收入完成3.1亿元，完成年度任务的104%，同比增长9.5%。",
     [(3.1, "一般公共预算收入", "完成", "result"), (104, "一般公共预算收入任务完成率", "完成", "result"),
      (9.5, "一般公共预算收入", "同比增长", "baseline")]),
    # beneficiaries are a class of people; chained verbs; 仍然 names nothing
    ("class", "浪花食品等企业相继投产，受益群众超过3000人。", [(3000, "受益群众", "受益", "result")]),
    ("class", "排查反馈返贫风险线索215条。", [(215, "返贫风险线索", "排查反馈", "result")]),
    # a target cue governs the next clause unless that clause states a total of its own (共召开)
    ("status", "细化责任分工，确保工作推进有序，全年共召开工作调度会4次。", [(4, "工作调度会", "", "result")]),
    # the noun after a count of people begins after a verb of taking part or obtaining
    ("obtained", "街道有6人考取行政执法证，其中3人考取法律职业资格证。",
     [(6, "行政执法证", "", "result"), (3, "法律职业资格证", "", "result")]),
    # the previous noun as written, quotes included, is not the next fact's
    ("quoted_prev", "全镇92名“三联三帮”联络员深入企业800余人次。",
     [(92, "三联三帮联络员", "", "result"), (800, "深入企业", "", "result")]),
    # a place's inside names no noun
    ("inside", "为园区内16家企业提供法治体检。", [(16, "企业", "", "result")]),
    # a light verb counts the meeting even when what it did comes before the number
    ("meeting_then", "全年召开镇党委会议专题研究法治建设工作3次。", [(3, "镇党委会议", "", "result")]),
    ("meeting_then", "召开区政府常务会议研究法治政府建设工作6次。", [(6, "区政府常务会议", "", "result")]),
    # the object of 针对/围绕, then the verb and what was made
    ("prep_object", "针对重大行政决策出具合法性审查意见书14份。", [(14, "合法性审查意见书", "出具", "result")]),
    # a bracketed alternative inside the noun after a count of times, 建设 no verb after it
    ("bracket", "召开3次法治丽水（法治政府）建设推进会。", [(3, "法治丽水建设推进会", "", "result")]),
    # 内 opening a word after the unit is no limit (5个内设机构, but 3个工作日内 is)
    ("inner", "设立4个内设机构、3个事业单位。", [(4, "内设机构", "设立", "result"), (3, "事业单位", "设立", "result")]),
    # bodies that held an event before a light verb: the event is counted
    ("body_event", "县委常委会、县政府常务会组织集中学法9次。", [(9, "集中学法", "", "result")]),
    # labels lose their 的; 按期 and 运用 are no part of the noun; 持有 opens what was held
    ("labels", "新制发公文的主动公开率达100%。", [(100, "新制发公文主动公开率", "", "result")]),
    ("labels", "按期办妥政协委员提案7件。", [(7, "政协委员提案", "办妥", "result")]),
    ("labels", "全乡共19人持有行政执法证。", [(19, "行政执法证", "", "result")]),
    ("labels", "受理信访事项40件，按期办结率100%。",
     [(40, "信访事项", "受理", "result"), (100, "信访事项按期办结率", "", "result")]),
    # a short word of the lexicon keeps its verb (政务公开 is one word)
    ("one_word", "推行重大决策事项目录公开，政务公开38类。", [(38, "政务公开", "", "result")]),
    # a quoted action closing the clause names the kind of thing counted
    ("quoted_action", "推动215个事项“全城通办”、96个事项“跨省通办”。",
     [(215, "全城通办事项", "推动", "result"), (96, "跨省通办事项", "", "result")]),
    # the projects' money; published information a class of its own; 相关 and 一把手
    ("project_money", "实施重点项目96个，完成投资210亿元。",
     [(96, "重点项目", "实施", "result"), (210, "重点项目投资", "完成", "result")]),
    ("class", "全年主动公开政府信息180余条。", [(180, "政府信息", "公开", "result")]),
    ("class", "举办相关培训5场。", [(5, "培训", "培训", "result")]),
    ("bodies", "组织31个县政府工作部门“一把手”向社会公开述法。", [(31, "县政府工作部门", "", "result")]),
    # a negation ends the noun after a number; 仍有 names nothing
    ("negation", "全年仍有2件规范性文件未按期报备。", [(2, "规范性文件", "", "result")]),
    # what was made after an object whose 对 went with the lead words
    # (wave 12: the instructions keep what they were on)
    ("made", "区长对法治政府建设作出批示9次。", [(9, "法治政府建设批示", "作出", "result")]),
    # a grade opening the noun after a number is part of it
    ("grade", "新增2家4A级旅游景区。", [(2, "4A级旅游景区", "新增", "result")]),
    # a chain of verbs ends where a word of the lexicon begins (修改意见 is one)
    ("chain", "审查规范性文件16件，提出修改意见58条。",
     [(16, "规范性文件", "审查", "result"), (58, "修改意见", "提出", "result")]),
    # a body, then what it did to the counted things
    ("body_acts", "村人民调解委员会调解纠纷96件，调解成功率97%。",
     [(96, "纠纷", "调解", "result"), (97, "纠纷调解成功率", "", "result")]),
    # a cut by reform right before the number is a change (a baseline); 压缩至 reaches a level
    ("cut", "申报材料压减35%，办理时限压缩至2个工作日。",
     [(35, "申报材料", "压减", "result"), (2, "办理时限", "", "result")]),
    # a short noun right before the next number is this number's (整合22个部门613项业务)
    ("next_number", "整合18个部门402项业务。", [(18, "部门", "整合", "result"), (402, "业务", "", "result")]),
    # a from-to frame whose earlier figure is a first batch (wave 12: the change is the later figure's verb)
    ("from_to", "智能办可办事项由首批12个升级为28个。",
     [(12, "智能办可办事项", "", "baseline"), (28, "智能办可办事项", "升级", "result")]),
    # a verb opening one word of the lexicon after the number is no action (服务站)
    ("verb_word", "新建3个服务站、5个调解室。", [(3, "服务站", "新建", "result"), (5, "调解室", "新建", "result")]),
    # 对照 is a verb, not the preposition 对
    ("verb_dui", "对照96项具体创建指标和加分项，逐项分析。", [(96, "具体创建指标和加分项", "对照", "result")]),
]


@pytest.mark.parametrize(("cls", "text", "want"), FACT_CASES, ids=[f"{c}:{t}" for c, t, _ in FACT_CASES])
def test_counted_noun_verb_and_status_of_each_fact(cls, text, want):
    assert _facts(text) == want


RATE_LISTS = [
    # (wave 11: bare rates take the sentence's first count)
    ("备案县政府规范性文件7件，报备率、及时率、规范率达100%。",
     ["县政府规范性文件报备率", "县政府规范性文件及时率", "县政府规范性文件规范率"]),
    ("行政复议决定履行率、纠错意见采纳率为100%。", ["行政复议决定履行率", "纠错意见采纳率"]),
    # two long rate names joined by 和 share the number
    ("网上可办率和政务服务事项编目覆盖率均达100%。", ["网上可办率", "政务服务事项编目覆盖率"]),
    # the 率 of the last name is every short name's
    ("建议提案办复、采纳率全部达到100%。", ["建议提案办复率", "建议提案采纳率"]),
    # (the 与 of 参与 is no joiner)
    ("组织执法人员参加执法培训，参与率和合格率均达100%。", ["执法培训参与率", "执法培训合格率"]),
]


@pytest.mark.parametrize(("text", "rates"), RATE_LISTS, ids=[t for t, _ in RATE_LISTS])
def test_rates_listed_with_a_comma_share_the_number(text, rates):
    got = [f["subject"] for f in extract_indicators(text) if f["number_kind"] == "rate"]
    assert got == rates
    assert all(f["value"] == 100 for f in extract_indicators(text) if f["number_kind"] == "rate")


DURATIONS = [
    # a reduced duration is a fact even when no time word precedes it; the first is the baseline
    ("企业投资项目备案由3个工作日压缩至1个工作日。", [(3, "baseline"), (1, "result")]),
    ("不动产登记由5个工作日缩短至2个工作日。", [(5, "baseline"), (2, "result")]),
    # (an event's length is still no fact)
    ("举办为期3天的法治培训班。", []),
]


@pytest.mark.parametrize(("text", "want"), DURATIONS, ids=[t for t, _ in DURATIONS])
def test_reduced_durations(text, want):
    got = [(f["value"], f["status"]) for f in extract_indicators(text) if f["number_kind"] == "measure"]
    assert got == want


@pytest.mark.parametrize("text", ["市四套班子领导出席启动仪式。", "县四大班子主要领导参加。"])
def test_leading_bodies_of_a_place_are_no_count(text):
    assert extract_indicators(text) == []


CAPACITIES = [
    # a production capacity inside a plant's name is its size: no fact of it
    ("年产8万吨有机肥项目开工建设。", []),
    ("新建年产30万吨饲料加工厂1座。", [1]),
    # (a quantity produced is a fact)
    ("全年生产饲料30万吨。", [300000]),
]


@pytest.mark.parametrize(("text", "values"), CAPACITIES, ids=[t for t, _ in CAPACITIES])
def test_capacities_in_plant_names_are_no_facts(text, values):
    assert [f["value"] for f in extract_indicators(text)] == values



def test_the_table_keeps_what_came_in_apart_from_what_was_concluded(tmp_path):
    """受理 91 and 办结 85 cases are two cells of one category, never 176."""
    import fazhi
    from fazhi.indicators import textstat_indicator_table

    (tmp_path / "r.txt").write_text(
        "某某镇2023年法治政府建设情况报告\n一、主要成效\n全年受理行政复议案件91宗，办结85宗；"
        "接待群众来访320人次，受理信访事项86件，办结80件。\n", encoding="utf-8")
    t = textstat_indicator_table(fazhi.read_corpus(tmp_path), by="file")
    row = t.iloc[0]
    assert row["reconsideration_in_count"] == 91 and row["reconsideration_count"] == 85
    assert row["petitions_in_count"] == 86 and row["petitions_count"] == 80
    labels = t.attrs["labels"]
    assert labels["reconsideration_in_count"] == "行政复议·收案（宗）"
    assert labels["reconsideration_count"] == "行政复议（宗）"
    cols = list(t.columns)
    assert cols.index("reconsideration_in_count") < cols.index("reconsideration_count")


def test_named_patterns_are_versioned_data(tmp_path):
    """The word patterns of wave 8 live in indicator_units.tsv (type pattern): a bad regex names its
    line; a table without them still loads and they match nothing."""
    from fazhi.indicators import IndicatorRulesError, load_indicator_rules
    from fazhi.indicators.rules import _data_dir

    rules = load_indicator_rules()
    assert rules.pattern("took_part").match("参加网络考试")
    assert rules.pattern("no_such_pattern").search("任何文字") is None
    lines = (_data_dir() / "indicator_units.tsv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "indicator_units.tsv").write_text(
        "\n".join(ln for ln in lines if not ln.startswith("pattern\t")) + "\n", encoding="utf-8")
    bare = load_indicator_rules(str(tmp_path))
    assert bare.pattern("took_part").search("参加网络考试") is None
    assert extract_indicators("受理行政复议案件91宗。", rules=bare)[0]["subject"] == "行政复议案件"
    broken = tmp_path / "broken"  # (rules are cached per folder)
    broken.mkdir()
    (broken / "indicator_units.tsv").write_text(
        "\n".join(lines + ["pattern\tbroken\t(?:参加"]) + "\n", encoding="utf-8")
    with pytest.raises(IndicatorRulesError, match=r"indicator_units.tsv:\d+: bad regex"):
        load_indicator_rules(str(broken))


@pytest.mark.parametrize("text", ["坚持做一件、成一件。", "干一件成一件，干一件像一件。"])
def test_a_numeral_repeated_in_a_parallel_slogan_counts_nothing(text):
    assert extract_indicators(text) == []

