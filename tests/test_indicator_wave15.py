"""Wave 15: layouts of real general government work reports and rule-of-law reports judged blind (held25):
a bare 亿 closing an amount; a year, 双双 or 翻番 after the noun; a share or a growth of each item of a
list of three (、 and 和 in one list); a size class before a count or before 的; 接案 as a verb; a slogan
in single quotes inside double ones; a light verb after its event. Our own wording and figures."""

from __future__ import annotations

import pytest

from fazhi.indicators import extract_indicators


def _facts(text: str) -> list[tuple]:
    return [(f["raw"], f["subject"], f["verb"], f["number_kind"]) for f in extract_indicators(text)]


@pytest.mark.parametrize("text, expected", [
    # a bare 亿 is 亿元 before punctuation or 大关; a count in 亿 names its unit
    ("全年社零实现98.6亿，增长4.2%。", [("98.6亿", "社零", "实现", "amount"), ("4.2%", "社零", "增长", "growth")]),
    ("规上工业产值首次突破50亿大关。", [("50亿", "规上工业产值", "", "amount")]),
    ("接待游客1.3亿人次。", [("1.3亿人次", "游客", "接待", "count")]),
    ("全县地区生产总值达到286亿元。", [("286亿元", "地区生产总值", "", "amount")]),
])
def test_a_bare_yi_closes_an_amount(text, expected):
    assert _facts(text) == expected


def test_a_bare_yi_is_counted_in_yuan():
    (f,) = extract_indicators("规上工业产值首次突破50亿大关。")
    assert (f["value"], f["unit"], f["amount"], f["base_unit"], f["qualifier"]) == (50.0, "亿元", 5e9, "元", "超过")


@pytest.mark.parametrize("text", [
    "打造千亿级产业集群，建成2000亿级新材料基地。",  # a size class of a plan, no amount
    "争创全国百强县，排名前移至第17位。",
])
def test_no_bare_yi_where_none_is_an_amount(text):
    assert [f["raw"] for f in extract_indicators(text) if "亿" in f["raw"]] == []


@pytest.mark.parametrize("text, expected", [
    # a year after the noun is when, not what
    ("规上工业产值继2023年突破60亿元之后，达到71.5亿元。",
     [("60亿元", "规上工业产值", "", "amount"), ("71.5亿元", "规上工业产值", "", "amount")]),
    ("一般公共预算收入2024年达到12.3亿元。", [("12.3亿元", "一般公共预算收入", "", "amount")]),
    ("地区生产总值于2022年突破300亿元。", [("300亿元", "地区生产总值", "", "amount")]),
    # (but a year after 到 is the end of a change: the verb stays)
    ("全乡生产总值由2019年的8.2亿元增长到2023年的11.4亿元。",
     [("8.2亿元", "生产总值", "", "amount"), ("11.4亿元", "生产总值", "增长", "amount")]),
    # both and doubling are said of the noun
    ("上市公司总数翻番、达12家，金融机构存贷款余额双双突破800亿元。",
     [("12家", "上市公司总数", "", "count"), ("800亿元", "金融机构存贷款余额", "", "amount")]),
])
def test_when_and_how_are_no_part_of_the_noun(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # each item's share of one whole
    ("战略性新兴产业和高新技术产业增加值占规上工业增加值比重分别达31.2%、58.4%。",
     ["战略性新兴产业增加值占规上工业增加值比重", "高新技术产业增加值占规上工业增加值比重"]),
    ("第二产业和第三产业增加值占GDP比重分别为38.5%和55.1%。",
     ["第二产业增加值占GDP比重", "第三产业增加值占GDP比重"]),
    ("数字经济核心产业制造业、装备制造业和高新技术产业增加值占规上工业增加值比重分别达18.3%、40.2%和66.7%。",
     ["数字经济核心产业制造业增加值占规上工业增加值比重", "装备制造业增加值占规上工业增加值比重",
      "高新技术产业增加值占规上工业增加值比重"]),
    # 、 and 和 in one list of three
    ("数字经济核心产业、战略性新兴产业和高新技术产业增加值分别增长12.6%、9.8%和11.2%。",
     ["数字经济核心产业增加值", "战略性新兴产业增加值", "高新技术产业增加值"]),
    ("农林牧渔业、工业和建筑业增加值分别增长3.1%、6.5%和4.4%。",
     ["农林牧渔业增加值", "工业增加值", "建筑业增加值"]),
])
def test_each_item_of_a_list_has_its_own_share_or_growth(text, expected):
    assert [f["subject"] for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a size class before a count says which things are counted, and the share after it is theirs
    ("其中，30万元以上的村21个，占比48.8%；50万以上11个村，占比25.6%。",
     [("21个", "30万元以上村"), ("48.8%", "30万元以上村占比"), ("11个", "50万以上村"),
      ("25.6%", "50万以上村占比")]),
    ("全镇年经营性收入20万元以上的14个村全部摘帽。", [("14个", "年经营性收入20万元以上村")]),
    ("新签约5000万元以上的项目27个。", [("27个", "5000万元以上项目")]),
    ("新开工亿元以上项目19个。", [("19个", "亿元以上项目")]),
])
def test_a_size_class_says_which_things_are_counted(text, expected):
    assert [(f["raw"], f["subject"]) for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # 接案 is a verb of what came in, alone or before the action
    ("全镇各级调解组织共排查矛盾纠纷214起，接案调处198起，成功化解191起。",
     [("214起", "矛盾纠纷", "排查", "count"), ("198起", "矛盾纠纷", "接案调处", "count"),
      ("191起", "矛盾纠纷", "化解", "count")]),
    ("街道人民调解委员会全年受案86件，调处成功84件。",
     [("86件", "街道人民调解委员会", "受案", "count"), ("84件", "街道人民调解委员会", "调处成功", "count")]),
    # passing a review is one verb
    ("全年审核通过市场主体登记1260家。", [("1260家", "市场主体登记", "审核通过", "count")]),
    # a light verb after its event goes, as before it
    ("“法律进企业”活动开展16次，法治讲座举办9场。",
     [("16次", "法律进企业活动", "", "count"), ("9场", "法治讲座", "", "count")]),
    ("全年开展法治讲座9场。", [("9场", "法治讲座", "", "count")]),
    # (组织 ending a noun is no verb)
    ("新增农民合作经济组织23家。", [("23家", "农民合作经济组织", "新增", "count")]),
])
def test_verbs_of_cases_and_events(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    "对标“在奋进‘两个先行’中加快建设共同富裕示范区”的战略定位，奋力推进各项工作。",
    "深入践行‘四下基层’制度，坚决做到“两个维护”。",
])
def test_a_slogan_in_single_quotes_is_no_count(text):
    assert extract_indicators(text) == []


@pytest.mark.parametrize("text, expected", [
    # a growth in a clause of its own word after a figure is of that figure's estimate or comparison
    ("居民人均可支配收入预计5.2万元，增长7.5%。", [("5.2万元", "target"), ("7.5%", "target")]),
    ("争取上级转移支付资金较2022年增加2.4亿元，增长18%。", [("2.4亿元", "baseline"), ("18%", "baseline")]),
    # (a plain figure and its growth stay results)
    ("地区生产总值412亿元，增长6.1%。", [("412亿元", "result"), ("6.1%", "result")]),
    # a plan right before the number (固投计划13亿元), not a plan carried out or a completion rate
    ("今年固投计划15亿元。", [("15亿元", "target")]),
    ("年度投资计划20亿元，已完成18.6亿元。", [("20亿元", "target"), ("18.6亿元", "result")]),
    ("固定资产投资完成年度计划108%。", [("108%", "result")]),
])
def test_status_of_a_figure_and_its_growth(text, expected):
    assert [(f["raw"], f["status"]) for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the year compared with is no cut of the noun
    ("税收收入比2022年增长5.3%。", [("5.3%", "税收收入", "增长", "growth")]),
    ("社会消费品零售总额与2022年同期相比增长4.8%。", [("4.8%", "社会消费品零售总额", "增长", "growth")]),
    ("争取上级转移支付资金较2022年增加2.4亿元。", [("2.4亿元", "上级转移支付资金", "增加", "growth")]),
    # exceeding a task: the excess is the task's (wave 16: the task of what was done), the growth after it
    # is of what was done
    ("固定资产投资完成19亿元，超额完成年度任务2.6亿元，增长21.3%。",
     [("19亿元", "固定资产投资", "完成", "amount"), ("2.6亿元", "固定资产投资年度任务", "超额完成", "amount"),
      ("21.3%", "固定资产投资", "增长", "growth")]),
    ("超额完成固定资产投资25亿元。", [("25亿元", "固定资产投资", "完成", "amount")]),
    # transactions are counted in 笔; a written exam is no unit
    ("全年办理“打包办”业务12650笔。", [("12650笔", "打包办业务", "办理", "count")]),
    ("参加笔试人员120人。", [("120人", "笔试人员", "参加", "count")]),
])
def test_comparisons_excesses_and_transactions(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    "出台推进工业经济高质量发展36条，制定乡村振兴20条。",  # programmes named by their number of articles
    "建成全省首个超百亿元水利工程。",  # a round size of one project
])
def test_programmes_and_sizes_are_no_counts(text):
    assert extract_indicators(text) == []


@pytest.mark.parametrize("text, expected", [
    ("清理规范性文件36条。", [("36条", "规范性文件")]),
    ("规上工业产值超百亿元。", [("百亿元", "规上工业产值")]),
])
def test_counts_of_articles_and_round_amounts_stay(text, expected):
    assert [(f["raw"], f["subject"]) for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # people who took part in an event named after 的 count for it, as 组织300人参加法治培训 does
    ("举行了260余人参加的全市城管系统队列会操活动。",
     [("260余人", "城管系统队列会操活动", "", "参加全市城管系统队列会操活动")]),
    ("召开了150人参加的法治政府建设推进会。", [("150人", "法治政府建设推进会", "", "参加法治政府建设推进会")]),
    ("组织320人参加法治培训。", [("320人", "法治培训", "", "参加法治培训")]),
    # a campaign's slogan of several parts names it; the thing after it is counted, no verb inside it
    ("开展“学习新思想、奋进新征程、建设新家乡”理论微宣讲活动36场。", [("36场", "理论微宣讲活动", "", "")]),
    ("开展“法律进企业、进社区、进乡村”系列宣传活动28场。", [("28场", "系列宣传活动", "", "")]),
    # (with only a bare head after it, the slogan stays the name)
    ("开展“宪法进企业、进社区”活动12场。", [("12场", "宪法进企业、进社区活动", "", "")]),
])
def test_people_at_an_event_and_campaign_slogans(text, expected):
    assert [(f["raw"], f["subject"], f["verb"], f["predicate"]) for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a range with its unit said twice, joined by a dash
    ("地区生产总值预计达到186.3亿元—189.5亿元，增长6%—7.5%。",
     [(186.3, 189.5, "亿元", "地区生产总值"), (6.0, 7.5, "%", "地区生产总值")]),
    ("覆盖群众1.2万—1.5万人。", [(12000.0, 15000.0, "人", "群众")]),
    ("受理案件12件至15件。", [(12.0, 15.0, "件", "案件")]),
])
def test_a_range_with_its_unit_twice(text, expected):
    assert [(f["value"], f["high"], f["unit"], f["subject"]) for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # (but 由…至… is a change: both numbers stay, the first the baseline)
    ("受理案件由12件增加至15件。", [(12.0, "baseline"), (15.0, "result")]),
    ("由10%提高至20%。", [(10.0, "baseline"), (20.0, "result")]),
])
def test_a_from_to_change_is_no_range(text, expected):
    assert [(f["value"], f["status"]) for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a topic before 累计 owns the quantity after it
    ("全县重点项目累计完成投资56亿元。", [("56亿元", "重点项目投资", "完成")]),
    ("其中500万元以上项目累计投资3.2亿元。", [("3.2亿元", "500万元以上项目投资", "")]),
    ("规上企业累计实现产值14亿元。", [("14亿元", "规上企业产值", "实现")]),
    # (a scope before it does not: 全年累计投资 -> 投资)
    ("全年累计投资4.3亿元。", [("4.3亿元", "投资", "")]),
    # 从业, 从轻 are words, not a from
    ("依法从轻减轻行政处罚案件1320件。", [("1320件", "从轻减轻行政处罚案件", "")]),
    ("从业资格高频事项受理逾8600件。", [("8600件", "从业资格高频事项", "受理")]),
    # people or households a bare verb was done to
    ("全年开展62轮核酸检测，累计检测538万人次。", [("62轮", "核酸检测", ""), ("538万人次", "检测人次", "")]),
    ("调拨980万元防疫资金，入户核查26万户58万余人，隔离1.8万户4.1万人。",
     [("980万元", "调拨防疫资金", ""), ("26万户", "入户核查户", ""), ("58万余人", "入户核查人员", ""),
      ("1.8万户", "隔离户", ""), ("4.1万人", "隔离人员", "")]),
    ("累计培训600人次。", [("600人次", "培训人次", "")]),
    # whom events reached, its verb said once
    ("开展法治讲座12场，受益群众3000人次。", [("12场", "法治讲座", ""), ("3000人次", "法治讲座受益群众", "受益")]),
    # 依申请 names a class of matters; how it is done goes with the predicate
    ("新增30余项其他依申请类事项网上受理。", [("30余项", "其他依申请类事项", "新增")]),
])
def test_owners_words_and_people_done_to(text, expected):
    assert [(f["raw"], f["subject"], f["verb"]) for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a programme named …计划 before what it pays is no plan; a plan of the year is
    ("发放特惠性学生生活补助及雨露计划补助386.2万元。", "result"),
    ("全年计划补助资金500万元。", "target"),
])
def test_a_programme_named_plan_is_no_target(text, expected):
    assert [f["status"] for f in extract_indicators(text)] == [expected]


@pytest.mark.parametrize("text", [
    "完成广灵一村三期旧改签约，幸福家园二期建成交付。",  # phases of a housing estate
    "紧跟区委区政府全面落实两个成为，做细做实三个转型。",  # numbered goals
])
def test_phases_and_numbered_goals_are_no_counts(text):
    assert extract_indicators(text) == []


@pytest.mark.parametrize("text, expected", [
    # short items of a list share the quantity alone; a long item's words are shared (城、乡居民…)
    ("肉、奶和蔬菜产量分别增长2.8%、3.6%和5.1%。", [("肉产量", "增长"), ("奶产量", "增长"), ("蔬菜产量", "增长")]),
    ("城、乡居民人均可支配收入分别增长5.3%、6.8%。",
     [("城居民人均可支配收入", "增长"), ("乡居民人均可支配收入", "增长")]),
    ("旅游接待人次、收入分别增长14%、17%。", [("旅游接待人次", "增长"), ("旅游接待收入", "增长")]),
    # the verb before unquoted examples is the count's
    ("全年新建第一小学、实验中学等4所学校。", [("学校", "新建")]),
    ("改扩建城关小学扬帆分校等5所学校。", [("学校", "改扩建")]),  # (one example)
    # a pair counts one thing done once
    ("全年起诉刑事犯罪案件41件63人。", [("刑事犯罪案件", "起诉"), ("刑事犯罪案件", "起诉")]),
    ("消除返贫风险386户1520人。", [("返贫风险", "消除"), ("返贫风险", "消除")]),
])
def test_items_examples_and_pairs(text, expected):
    assert [(f["subject"], f["verb"]) for f in extract_indicators(text)] == expected


def test_what_was_done_to_each_item_after_dui():
    facts = extract_indicators("对重大行政决策18份、行政规范性文件52份进行归档整理。")
    assert [(f["subject"], f["predicate"]) for f in facts] == [
        ("重大行政决策", "进行归档整理"), ("行政规范性文件", "进行归档整理")]


@pytest.mark.parametrize("text, expected", [
    ("日检测量可达1.5万人份。", [("1.5万人份", "日检测量")]),
    ("斩获奖牌38枚。", [("38枚", "奖牌")]),
    ("其中老年人就有1.6万名。", [("1.6万名", "老年人")]),
    ("累计隔离管控7.2万人。", [("7.2万人", "隔离管控人员")]),
    ("办理行政许可事项120件。", [("120件", "行政许可事项")]),
])
def test_units_and_words_after_the_noun(text, expected):
    assert [(f["raw"], f["subject"]) for f in extract_indicators(text)] == expected


def test_the_next_five_years_are_a_plan():
    facts = extract_indicators("明确未来五年法治政府建设的目标任务，提出建立25项重要制度，健全23个工作机制。")
    assert [(f["raw"], f["status"]) for f in facts] == [("25项", "target"), ("23个", "target")]


@pytest.mark.parametrize("text", [
    "建成时速350公里的城际铁路。",  # a design speed
    "办好两件大事，完成三件大事。",  # the big events of a year
    "改扩建一只船小学扬帆分校。",  # a numeral opening a name
])
def test_speeds_events_and_names_are_no_counts(text):
    assert extract_indicators(text) == []


@pytest.mark.parametrize("text, expected", [
    # the first of its kind is a class; the figure before it stays
    ("龙潭产业园产值首次突破300亿元，成为全市首个300亿元园区。", [("300亿元", "龙潭产业园产值", "超过")]),
    # 左右 after the last number of a 分别 list is each one's
    ("城乡居民人均可支配收入分别增长5%和7.5%左右。",
     [("5%", "城镇居民人均可支配收入", "左右"), ("7.5%", "农村居民人均可支配收入", "左右")]),
    ("受理案件12件，办结10件左右。", [("12件", "案件", ""), ("10件", "案件", "左右")]),
])
def test_classes_and_shared_qualifiers(text, expected):
    assert [(f["raw"], f["subject"], f["qualifier"]) for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # who took part is named by the event after 参加, not by a title in the clause before
    ("制定《深化学习贯彻习近平法治思想任务清单》，组织全市1.2万人参加习近平法治思想网络专题班学习。",
     [("1.2万人", "习近平法治思想网络专题班学习")]),
    ("探索开展主要负责人履行第一责任人职责民主评议，83人参加市管干部任前法律知识考试。",
     [("83人", "市管干部任前法律知识考试")]),
    # (an event named in the clause before stays theirs)
    ("举办全区科级干部集中轮训班，1100余人参加了轮训。", [("1100余人", "科级干部集中轮训班")]),
])
def test_who_took_part_after_a_title(text, expected):
    assert [(f["raw"], f["subject"]) for f in extract_indicators(text)] == expected


def test_a_plan_made_and_carried_out_is_no_target():
    facts = extract_indicators("研究制定2025年度党组理论学习计划并组织开展领导班子学法、研讨、各类讲座12余次。")
    assert [(f["raw"], f["status"]) for f in facts] == [("12余次", "result")]


@pytest.mark.parametrize("text, expected", [
    # ordinals of a list share what follows them
    ("一、二、三产业增加值分别增长4.1%、6.3%、7.2%。", ["一产业增加值", "二产业增加值", "三产业增加值"]),
    ("第一、二、三产业增加值分别增长3%、5%和7%。", ["第一产业增加值", "二产业增加值", "三产业增加值"]),
    # a level before a class of things is the class's; before what is done it is who did it
    ("其中市级重点项目完成投资17.1亿元，省级重点项目完成投资38.2亿元。", ["市级重点项目投资", "省级重点项目投资"]),
    ("区级政务服务事项实现100%全程网办。", ["政务服务事项"]),
    ("创建省级示范村3个、县级示范村9个，验收合格率100%。", ["省级示范村", "县级示范村", "示范村验收合格率"]),
    # a class named after 其中 is of the things before
    ("引进企业120家，其中注册资金千万元以上46家。", ["企业", "注册资金千万元以上企业"]),
    # a named regime in quotes stays part of the noun; a slogan of three parts does not
    ("完成“双随机、一公开”国家任务412个。", ["双随机、一公开国家任务"]),
    ("开展“法律进企业、进社区、进乡村”系列宣传活动36场。", ["系列宣传活动"]),
    # tasks in 单; what is still under way names nothing
    ("完成监督检查任务917单。", ["监督检查任务"]),
])
def test_ordinals_levels_classes_and_regimes(text, expected):
    assert [f["subject"] for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text", [
    "建成年产海鲜菇1600吨扩建项目。",  # a plant's capacity in its name
    "研究制定70条经济稳增长政策措施。",  # a numbered package
])
def test_capacities_and_packages_are_no_counts(text):
    assert extract_indicators(text) == []


@pytest.mark.parametrize("text, expected", [
    # a minus sign a space away from its number (page layout)
    ("外贸出口106.6亿元，增长- 39.7%。", [(106.6, "外贸出口"), (-39.7, "外贸出口")]),
    # (a range with spaces stays a range)
    ("增长3 - 5 %。", [(3.0, "增长")]),
])
def test_a_sign_a_space_away(text, expected):
    assert [(f["value"], f["subject"]) for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # money invested in the thing named right after it, and in the next item of the list
    ("开工建设投资5亿元金翔科技新材料项目、投资33亿元大庆赛车小镇。", ["金翔科技新材料项目投资", "大庆赛车小镇投资"]),
    ("投资14亿元大众国轩三元正极材料、15亿元南方水泥优化升级等32个项目开工建设。",
     ["大众国轩三元正极材料投资", "南方水泥优化升级投资", "项目"]),
    # (not what it is for, nor the ground it stands on)
    ("在完成投资15亿元的基础上，新增投资3亿元。", ["投资", "投资"]),
    # a time names nothing; a verb of cases counts cases
    ("今年以来，共计立案查处390件（其中简易程序110件，普通程序280件）。", ["案件", "简易程序案件", "普通程序案件"]),
])
def test_money_of_named_things_and_cases(text, expected):
    assert [f["subject"] for f in extract_indicators(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # 高出 a benchmark compares as 高于 does: the verb, the benchmark and a baseline
    ("地区生产总值完成285亿元，同比增长6%，高出全市1.1个百分点。",
     ("1.1个百分点", "地区生产总值", "高出", "全市", "baseline")),
    ("居民消费价格上涨1.3%，低于全省0.2个百分点。", ("0.2个百分点", "居民消费价格", "低于", "全省", "baseline")),
])
def test_a_growth_above_a_benchmark(text, expected):
    f = extract_indicators(text)[-1]
    assert (f["raw"], f["subject"], f["verb"], f["predicate"], f["status"]) == expected


@pytest.mark.parametrize("text", [
    "跃居一类县市区第四名。",  # a class of a ranking
    "深化“最多跑一次”改革。",  # a reform's slogan
])
def test_ranking_classes_and_reform_slogans_are_no_counts(text):
    assert extract_indicators(text) == []


def test_an_estimate_noted_after_the_noun_holds_for_the_paragraph():
    facts = extract_indicators("全年实现地区生产总值（预计，下同）7100亿元左右，增长3.5%；一般公共预算收入468.3亿元、下降11%。")
    assert [(f["raw"], f["status"]) for f in facts] == [
        ("7100亿元", "target"), ("3.5%", "target"), ("468.3亿元", "target"), ("11%", "target")]


@pytest.mark.parametrize("text", [
    "形成三个闭环。",  # a numbered slogan
    "三堂社区党群服务中心投入使用。",  # a numeral in a place's name
    "二本上线人数再创新高。",  # a tier's name
])
def test_slogans_places_and_tiers_are_no_counts(text):
    assert extract_indicators(text) == []


def test_people_of_a_task_named_after_them_are_not_its_verb():
    facts = extract_indicators("完成79户280人脱贫任务。")
    # (not 完成户, 完成人员: the noun after the pair says who they are; held34: the pair's first takes it too)
    assert [(f["raw"], f["subject"]) for f in facts] == [("79户", "脱贫任务"), ("280人", "脱贫任务")]
