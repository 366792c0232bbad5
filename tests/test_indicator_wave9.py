"""Wave 9: outcomes of a review or a disclosure request (不予受理, 予以公开, 部分公开), a part of a set
before the noun (部分行政权力事项), 依法行政 as the head of a noun, a plenum inside a noun, 审批服务 as a
noun after a place, a verb before 率 (通过率), an audience verb that names no one (覆盖120人次), a
bare rate after a rate of the topic, a level alone in a list (市级8个). Sentences in the layouts of
real report pages; our own wording and figures."""

from __future__ import annotations

import pytest

from fazhi.indicators import extract_indicators


def _facts(text: str) -> list[tuple]:
    return [(f["value"], f["subject"], f["verb"], f["status"]) for f in extract_indicators(text)]


FACT_CASES = [
    # outcomes listed after what came in: the verb is the outcome, the noun stays the list's
    ("outcome", "全年收到行政复议申请64件，依法受理55件，不予受理6件，审结50件。",
     [(64, "行政复议申请", "收到", "result"), (55, "行政复议申请", "受理", "result"),
      (6, "行政复议申请", "不予受理", "result"), (50, "行政复议申请", "审结", "result")]),
    ("outcome", "办结依申请公开件41件，其中予以公开25件，部分公开7件，不予公开3件。",
     [(41, "依申请公开件", "办结", "result"), (25, "依申请公开件", "予以公开", "result"),
      (7, "依申请公开件", "部分公开", "result"), (3, "依申请公开件", "不予公开", "result")]),
    # (存在 is a word: no cut at its 在)
    ("outcome", "收到政府信息公开申请19件，其中信息不存在4件。",
     [(19, "政府信息公开申请", "收到", "result"), (4, "信息不存在", "", "result")]),
    # a part of a set before the noun
    ("part", "调整部分行政许可事项7项。", [(7, "行政许可事项", "调整", "result")]),
    ("part", "动态调整部门部分行政权力事项，新增14项。", [(14, "行政权力事项", "新增", "result")]),
    # 依法行政 heads a noun; 依法 before an act of administrative law is how it was done (wave 16: the two
    # events joined by 和 are counted together)
    ("rule_of_law", "组织领导干部任前法律知识考试和依法行政能力测试6场。",
     [(6, "领导干部任前法律知识考试和依法行政能力测试", "", "result")]),
    ("rule_of_law", "依法行政处罚29起，罚没款86万元。",
     [(29, "行政处罚", "", "result"), (86, "罚没款", "", "result")]),
    # a plenum inside the noun is no frame "among"
    ("plenum", "开展党的二十届三中全会精神宣讲18场次。", [(18, "二十届三中全会精神宣讲", "", "result")]),
    # 审批服务 is a noun after a place, not an agent and its act
    ("noun_after_place", "梳理区级审批服务事项640项、街道审批服务事项28项。",
     [(640, "区级审批服务事项", "梳理", "result"), (28, "街道审批服务事项", "梳理", "result")]),
    # a verb before 率 names the rate; the rate of an event in the clause before
    ("rate_name", "组织执法资格考试，通过率为100%。", [(100, "执法资格考试通过率", "", "result")]),
    # an audience verb names no one: the event it reached
    ("audience", "结合典型案例开展“以案释法”培训4场，覆盖150余人次。",
     [(4, "以案释法培训", "", "result"), (150, "以案释法培训", "覆盖", "result")]),
    # a bare rate after a rate of the topic is the topic's too
    ("rate_after_rate", "受理信访事项73件，办结率100%，满意率97%。",
     [(73, "信访事项", "受理", "result"), (100, "信访事项办结率", "", "result"),
      (97, "信访事项满意率", "", "result")]),
    # a level alone in a list takes the noun of the one before, with its own level
    ("level_list", "已累计创建省级民主法治示范村2个、市级7个、县级16个。",
     [(2, "省级民主法治示范村", "创建", "result"), (7, "市级民主法治示范村", "创建", "result"),
      (16, "县级民主法治示范村", "创建", "result")]),
    ("level_list", "创建民主法治示范村11个，其中省级3个。",
     [(11, "民主法治示范村", "创建", "result"), (3, "省级民主法治示范村", "", "result")]),
    # a verb of three characters is read whole (新招录, not 新招 + 录…)
    ("verbs", "新招录执法辅助人员19名。", [(19, "执法辅助人员", "新招录", "result")]),
    # a threshold of the things counted next is no amount; the count is the fact
    ("threshold", "集体经济收入超过15万元的村达到28个。", [(28, "集体经济收入超过15万元村", "", "result")]),
    ("threshold", "年营业收入2000万元以上的企业64家。", [(64, "年营业收入2000万元以上企业", "", "result")]),
    # (an amount of the thing itself stays)
    ("threshold", "总投资8亿元的冷链物流园项目开工建设。", [(8, "冷链物流园项目总投资", "", "result")]),
    # an average per village after the total
    ("per_unit", "村级集体经济总收入达到980万元，村均24.5万元。",
     [(980, "村级集体经济总收入", "", "result"), (24.5, "村均集体经济总收入", "", "result")]),
    # 有效 opens a term (有效灌溉面积) but is a manner before a verb
    ("term", "新增有效灌溉面积4200亩。", [(4200, "有效灌溉面积", "新增", "result")]),
    ("term", "有效化解矛盾纠纷42件。", [(42, "矛盾纠纷", "化解", "result")]),
    # a share of a named whole is an indicator of its own
    ("share", "税收收入完成7.6亿元，占一般公共预算收入的74%。",
     [(7.6, "税收收入", "完成", "result"), (74, "税收收入占一般公共预算收入比重", "", "result")]),
    ("share", "其中行政案件11件，占总量的29%。", [(11, "行政案件", "", "result"), (29, "行政案件", "", "result")]),
    # the examples before 等 hold no verb of the noun
    # (wave 11: the last example names the activities)
    ("examples", "开展禁毒警示教育、执法实务培训等活动4场。", [(4, "执法实务培训等活动", "", "result")]),
    # 财政 acts before its verb; 查实 is a verb of the list's noun
    ("agent", "县财政投入法治建设专项经费142万元。", [(142, "法治建设专项经费", "投入", "result")]),
    ("verbs", "收到群众举报线索39条，查实26条。",
     [(39, "群众举报线索", "收到", "result"), (26, "群众举报线索", "查实", "result")]),
    # a from-to frame after the noun's clause: the noun of that clause, not 由2018年
    ("from_to", "五年来，全县生产总值年均增长6.8%，由2019年的186亿元增加到2023年的243亿元。",
     [(6.8, "生产总值", "年均增长", "result"), (186, "生产总值", "", "baseline"),
      (243, "生产总值", "", "result")]),
    # a multiple of an earlier period names the fact before and is a comparison
    ("multiple", "五年累计完成固定资产投资980亿元，是上一个五年的1.7倍。",
     [(980, "固定资产投资", "完成", "result"), (1.7, "固定资产投资", "", "baseline")]),
    # a prefixed verb is one only alone: before a noun it names the class (不予处罚事项)
    ("prefix_noun", "明确不予处罚事项96项、减轻处罚事项38项。",
     [(96, "不予处罚事项", "明确", "result"), (38, "减轻处罚事项", "明确", "result")]),
    # a demonstrative names no noun of its own
    ("demonstrative", "该项目总投资6.5亿元。", [(6.5, "项目总投资", "", "result")]),
    # the items before 分别 name who, the words after it what is counted
    ("respectively", "区级和镇级分别召开法治专题会议5次和31次。",
     [(5, "区级法治专题会议", "", "result"), (31, "镇级法治专题会议", "", "result")]),
    ("respectively", "城区和农村分别新建公共法律服务站9个和27个。",
     [(9, "城区公共法律服务站", "新建", "result"), (27, "农村公共法律服务站", "新建", "result")]),
    # (a noun before 分别 keeps it: nothing after 分别 but the copula); parallel compounds share
    # the head after the last one
    ("respectively", "行政复议和行政诉讼案件分别为47件和26件。",
     [(47, "行政复议案件", "", "result"), (26, "行政诉讼案件", "", "result")]),
    ("respectively", "进口和出口总额分别为18亿元和27亿元。",
     [(18, "进口总额", "", "result"), (27, "出口总额", "", "result")]),
    # (items that are no parallel compounds stay: 规上工业 is no 服务业)
    ("respectively", "规上工业和服务业营业收入分别增长8%和6%。",
     [(8, "规上工业营业收入", "增长", "result"), (6, "服务业营业收入", "增长", "result")]),
    # trains run; 中欧 is no frame "among"
    ("units", "全年开行中欧班列118列。", [(118, "中欧班列", "开行", "result")]),
    # a rate named with its own noun takes no topic
    ("rate_own", "森林蓄积量达到1620万立方米，湿地保护率51%。",
     [(16200000, "森林蓄积量", "", "result"), (51, "湿地保护率", "", "result")]),
    # a rate of the people after their number
    ("rate_join", "城乡居民医保参保人数4.6万人，参保率97%。",
     [(46000, "城乡居民医保参保人数", "", "result"), (97, "城乡居民医保参保率", "", "result")]),
    # 列入 ends the noun after a number
    ("after_stop", "全年有4个项目列入省重点项目。", [(4, "项目", "", "result")]),
    ("verbs", "选举产生社区“两委”成员87名。", [(87, "社区两委成员", "选举产生", "result")]),
    # 明年 leads no noun; 入库 is a verb
    ("lead", "明年力争引进亿元以上项目25个以上。", [(25, "亿元以上项目", "引进", "target")]),
    ("verbs", "科技型中小企业入库380家。", [(380, "科技型中小企业", "入库", "result")]),
    # a share of the plan is a completion, and the growth after it is of the amount
    ("plan_share", "地区生产总值488亿元，占计划的101%，同比增长3%。",
     [(488, "地区生产总值", "", "result"), (101, "地区生产总值任务完成率", "", "result"),
      (3, "地区生产总值", "同比增长", "baseline")]),
    # a basis of comparison leads no noun
    ("basis", "地方一般公共预算收入2.9亿元，按可比口径下降8.1%。",
     [(2.9, "地方一般公共预算收入", "", "result"), (8.1, "地方一般公共预算收入", "下降", "result")]),
    # a verb chain before the number and its object after it: an action, not a growth
    ("action_chain", "改造提升54个村内饮水管网。", [(54, "饮水管网", "提升", "result")]),
    # an ordinal before the noun (成为第2个…) leads no noun
    ("ordinal", "成为全省第3个地区生产总值突破千亿元的县。", [(1000, "地区生产总值", "", "result")]),
    ("ordinal", "成为第2个社会消费品零售总额突破1万亿元的城市。", [(1, "社会消费品零售总额", "", "result")]),
    # 在谈 is a class of projects; 新上 and 调撤 are verbs
    ("classes", "意向项目11个，在谈项目7个。", [(11, "意向项目", "", "result"), (7, "在谈项目", "", "result")]),
    ("verbs", "新上医疗设备214台。", [(214, "医疗设备", "新上", "result")]),
    ("verbs", "调撤一审行政诉讼案件96件。", [(96, "一审行政诉讼案件", "调撤", "result")]),
    # places counted before a quantity of theirs: the places
    ("places", "全县286个村集体经济收入均达到5万元以上。",
     [(286, "村", "", "result"), (5, "集体经济收入", "", "result")]),
    # a list marker names nothing; a space after the point of crawled text
    ("marker", "1. 12个村完成改造。", [(12, "村", "", "result")]),
    ("crawled_point", "航空旅客吞吐量6381. 2万人次。", [(63812000, "航空旅客吞吐量", "", "result")]),
    # bodies counted, then their topic that was assessed: the bodies
    ("body_topic", "组织专家对12个区、29个政府部门法治政府建设情况进行评估。",
     [(12, "区", "", "result"), (29, "政府部门", "", "result")]),
    # who went somewhere: the people
    ("went", "选派9名干部到乡村振兴一线挂职锻炼。", [(9, "干部", "选派", "result")]),
    # a round milestone restating the fact before says nothing more; standing alone it stays
    ("milestone", "全县地区生产总值完成96.4亿元，稳定突破百亿元大关。", [(96.4, "地区生产总值", "完成", "result"),
                                                      (100, "地区生产总值", "", "result")]),
    ("milestone", "全县地区生产总值完成112.6亿元，稳定突破百亿元大关。", [(112.6, "地区生产总值", "完成", "result")]),
    ("milestone", "工业产值首次突破百亿元大关。", [(100, "工业产值", "", "result")]),
    # a year or a title separator opens the noun
    ("year_inside", "政府工作报告丨2023年某市地区生产总值超1.8万亿元。", [(1.8, "某市地区生产总值", "", "result")]),
    # 检查 before its object is a verb; a count of checks keeps its event
    ("check", "共开展执法检查96次，检查企业730家次。",
     [(96, "执法检查", "", "result"), (730, "企业", "检查", "result")]),
    # a bare quantity after a sector's clause is the sector's; (after other clauses it stays bare)
    ("sector", "地方工业逆势增长，完成产值218亿元。", [(218, "地方工业产值", "完成", "result")]),
    ("sector", "文旅产业加快发展，实现营业收入9亿元。", [(9, "文旅产业营业收入", "实现", "result")]),
    ("sector", "全力推进项目建设，完成投资64亿元。", [(64, "投资", "完成", "result")]),
    # companies counted before the survey of them
    ("body_topic", "完成231家企业亩均税收调查。", [(231, "企业", "完成", "result")]),
    # cases counted, then the bodies responsible for them: the cases
    ("case_of", "对19件行政诉讼败诉案件责任单位进行约谈。", [(19, "行政诉讼败诉案件", "", "result")]),
    # 占比 right after a fact is that fact's share
    ("share_of_part", "办理审批事项1942件，其中即办件1377件，占比70.9%。",
     [(1942, "审批事项", "办理", "result"), (1377, "即办件", "", "result"), (70.9, "即办件占比", "", "result")]),
    ("verbs", "划定生态保护红线面积98.2平方公里。", [(98.2, "生态保护红线面积", "划定", "result")]),
    # 均 + a verb ends the noun after a number, also where the segmenter reads 村均 as a word
    ("each_did", "全镇14个村均建立了法律顾问制度。", [(14, "村", "", "result")]),
    ("each_did", "辖区内7所中小学校均配备法治副校长。", [(7, "中小学校", "", "result")]),
    ("each_did", "全县16个乡镇都建成了综治中心。", [(16, "乡镇", "", "result")]),
    # a prefixed verb after the things it was done to
    ("prefix_after", "对117家企业免予处罚。", [(117, "企业", "", "result")]),
    # a bare 完成 + rate after a fact is that fact's completion of its target
    ("completion", "城镇新增就业812人，完成136%。",
     [(812, "城镇新增就业", "", "result"), (136, "城镇新增就业任务完成率", "完成", "result")]),
    # 新制定 and 免罚 are verbs; 法制审核 is a noun
    ("verbs", "新制定行政规范性文件6件。", [(6, "行政规范性文件", "新制定", "result")]),
    ("verbs", "对轻微违法行为免罚214件。", [(214, "轻微违法行为", "免罚", "result")]),
    ("noun", "完成法制审核71件。", [(71, "法制审核", "完成", "result")]),
    # brackets alone name nothing
    ("punct", "（）12件。", [(12, "", "", "result")]),
    # 平米 is 平方米; 眼 counts wells
    ("units", "新建标准厂房1.6万平米。", [(16000, "标准厂房", "新建", "result")]),
    ("units", "排查配套机井640余眼。", [(640, "配套机井", "排查", "result")]),
    # places counted before a check or a task of theirs: the places
    ("body_topic", "实现全镇19个行政村安全饮水检测全覆盖。", [(19, "行政村", "", "result")]),
    # checks of vehicles and ships
    ("units", "共检查车辆9600辆次，检查船舶371艘次。",
     [(9600, "车辆", "检查", "result"), (371, "船舶", "检查", "result")]),
    # 包括 before the number: the noun after it; 基本 of 基本履职事项 is no adverb; a verb and a head
    # after a body make one noun
    ("listed", "公布权责清单，包括118项基本履职事项、37项上级部门收回事项。",
     [(118, "基本履职事项", "", "result"), (37, "上级部门收回事项", "", "result")]),
    # who took part, after a count of people
    ("took_part", "举办法治专题培训3期，96人参训。",
     [(3, "法治专题培训", "", "result"), (96, "法治专题培训参训人员", "参训", "result")]),
    # a share of a named total
    ("share_total", "实现“最多跑一次”事项980项，达到政务服务事项总数的97.2%。",
     [(980, "最多跑一次事项", "实现", "result"), (97.2, "最多跑一次事项占政务服务事项比重", "", "result")]),
    # 计划规划 is a class of information, no plan
    ("plan_class", "全年公开计划规划类信息28条。", [(28, "计划规划类信息", "公开", "result")]),
]


@pytest.mark.parametrize(("case", "text", "want"), FACT_CASES, ids=[f"{c}:{t[:14]}" for c, t, _ in FACT_CASES])
def test_wave9_facts(case, text, want):
    assert _facts(text) == want


@pytest.mark.parametrize("text", ["出台支持民营经济发展的21条惠企措施。", "推出“助企纾困”18条助企政策。"])
def test_a_numbered_package_of_measures_is_a_name(text):
    assert extract_indicators(text) == []


@pytest.mark.parametrize(("text", "values"), [
    # a quoted model joined by + names its parts
    ("建立“1个中心+6个分中心+N个站点”的服务网络。", []),
    ("打造“1+5+N”调解体系，建成调解室31个。", [31]),
    # (a quoted name with one number and no + stays what it was)
    ("开展“法律进万家”活动14场。", [14]),
])
def test_a_quoted_model_is_no_count(text, values):
    assert [f["value"] for f in extract_indicators(text)] == values


@pytest.mark.parametrize("text", [
    "开展普法讲座12场，惠及群众800余人次。",
    "组织干部参加法治培训800人次。",
])
def test_an_audience_with_a_noun_keeps_it(text):
    # (the audience rule above only fills in a verb that names no one)
    subjects = [f["subject"] for f in extract_indicators(text) if f["unit"] == "人次"]
    assert subjects and all(s and s not in ("惠及", "覆盖", "参加") for s in subjects)


BREAKDOWNS = [
    # 其中 opens the parts of the fact before
    ("审结行政复议案件47件，其中维持29件，撤销4件。", [False, True, True]),
    # brackets hold parts
    ("办理法律援助案件386件（刑事案件142件、民事案件231件）。", [False, True, True]),
    # (a new sentence, or a fact after ；, is no part)
    ("审结47件，其中维持29件；新收案件12件。", [False, True, False]),
    ("审结47件，其中维持29件。新收案件12件。", [False, True, False]),
]


@pytest.mark.parametrize(("text", "want"), BREAKDOWNS, ids=[t for t, _ in BREAKDOWNS])
def test_parts_of_a_fact_are_marked(text, want):
    assert [f["breakdown"] for f in extract_indicators(text)] == want


def test_the_table_counts_neither_parts_nor_the_lesser_stages_of_one_thing(tmp_path):
    """收到64, 受理55 of the same applications are one cell of 64, not 119; 审结50 with its parts 维持30,
    撤销5 is 50, not 85; the long form says which facts were counted."""
    import fazhi
    from fazhi.indicators import textstat_indicator_table

    (tmp_path / "r.txt").write_text(
        "某某镇2023年法治政府建设情况报告\n一、主要成效\n全年收到行政复议申请64件，依法受理55件，审结50件，"
        "其中维持30件，撤销5件。调处矛盾纠纷209件，调解成功205件。另开展普法讲座12场。开展法治讲座8场。\n",
        encoding="utf-8")
    corpus = fazhi.read_corpus(tmp_path)
    row = textstat_indicator_table(corpus, by="file").iloc[0]
    assert row["reconsideration_in_count"] == 64 and row["n_reconsideration_in_count"] == 1
    assert row["reconsideration_count"] == 50 and row["n_reconsideration_count"] == 1
    assert row["disputes_count"] == 209
    assert row["n_facts"] == 9  # (every fact of the row, counted or not)
    long = textstat_indicator_table(corpus, by="file", form="long")
    counted = dict(zip(long["value"], long["counted"], strict=False))
    assert counted[64] and not counted[55] and counted[50] and not counted[30] and not counted[5]
    assert long.loc[~long["counted"], "cell_value"].isna().all()
    # facts of separate sentences are summed: 12 + 8 lectures
    lectures = long.loc[long["value"].isin([12, 8]), "column"]
    assert lectures.nunique() == 1 and row[lectures.iloc[0]] == 20


@pytest.mark.parametrize(("text", "want"), [
    # points of a score are a measure
    ("法治政府建设考核得分95.5分。", [(95.5, "分", "法治政府建设考核得分")]),
    ("组织干部参加学法考试，平均分91.2分。", [(91.2, "分", "平均分")]),
    # (a clock time, a numeral slogan, 分钟 and 部分 are no scores)
    ("会议于上午9时30分召开。", []),
    ("坚持一分部署、九分落实。", []),
    ("部分群众反映问题。", []),
])
def test_scores(text, want):
    assert [(f["value"], f["unit"], f["subject"]) for f in extract_indicators(text)] == want


def test_scores_are_averaged_in_the_table(tmp_path):
    import fazhi
    from fazhi.indicators import textstat_indicator_summary, textstat_indicator_table

    (tmp_path / "r.txt").write_text("某某镇2023年法治政府建设情况报告\n组织干部参加学法考试，平均分90分。"
                                    "组织执法人员参加学法考试，平均分94分。\n", encoding="utf-8")
    corpus = fazhi.read_corpus(tmp_path)
    table = textstat_indicator_table(corpus, by="file")
    cols = [c for c in table.columns if c.endswith("_score") and not c.startswith("n_")]
    assert len(cols) == 1 and table.loc[0, cols[0]] == 92 and table.attrs["labels"][cols[0]].endswith("（平均）")
    summary = textstat_indicator_summary(corpus, by="file")
    assert summary.loc[summary["unit"] == "分", "stat"].tolist() == ["mean"]


ANNOUNCED = [
    # a line announcing the coming year's work, then a numbered list: the list is targets
    ("报告明确，今年将继续统筹财力，扎实办好“十件民生实事”。\n（一）\n开展职业技能培训2.2万人次。\n（二）\n"
     "新建幼儿园18所。", ["target", "target"]),
    ("2024年，我们将重点办好以下民生实事：\n1.新增城镇就业5000人。\n2.改造老旧小区12个。", ["target", "target"]),
    # (a past line announces nothing; nor does a line followed by no list)
    ("2023年，我们扎实办好民生实事。\n（一）\n开展职业技能培训2.2万人次。", ["result"]),
    ("今年将继续办好民生实事。全年开展职业技能培训2.2万人次。", ["result"]),
]


@pytest.mark.parametrize(("text", "want"), ANNOUNCED, ids=[t[:16] for t, _ in ANNOUNCED])
def test_a_list_announced_as_the_coming_years_work_is_targets(text, want):
    from fazhi.indicators.docstatus import document_status

    facts = [f for f in extract_indicators(text) if f["unit"] not in ("件",)]
    assert [f["status"] for f in document_status(facts, text, report_year=2023)] == want
