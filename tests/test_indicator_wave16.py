"""Indicators, wave 16 (issue 16): the layouts judged unusable in the blind round held34, each as a
table of sentences written in the layouts of real rule-of-law and government work reports."""

from __future__ import annotations

import pytest

from fazhi.indicators import extract_indicators


def _rows(text: str, *fields: str) -> list[tuple]:
    return [tuple(f[k] for k in ("raw", *fields)) for f in extract_indicators(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a negated or existential clause before 的 says which things are counted; it is no verb of them
    ("对8家未按期整改的单位制发8份督办函。", [("8家", "未按期整改单位", ""), ("8份", "督办函", "制发")]),
    ("对辖区内8家存在问题的单位制发督办函8份。", [("8家", "存在问题单位", ""), ("8份", "督办函", "制发")]),
    ("共有36家尚未完成整改的企业。", [("36家", "尚未完成整改企业", "")]),
    # (a prefixed verb stays one: 不予受理)
    ("不予受理的行政复议申请3件。", [("3件", "行政复议申请", "不予受理")]),
    # a verb and a noun head after the number make the noun (督办函, 提醒函, 通知书)
    ("对企业制发8份督办函。", [("8份", "督办函", "制发")]),
    ("约谈企业负责人12人次，发出6份提醒函。", [("12人次", "企业负责人", "约谈"), ("6份", "提醒函", "发出")]),
    # (the segmenter keeps the verb whole after a noun: 单位 | 制发, not 单位制 | 发)
    ("向5家单位制发8份督办函。", [("5家", "单位", ""), ("8份", "督办函", "制发")]),
])
def test_relative_clauses_and_verb_noun_heads(text, expected):
    assert _rows(text, "subject", "verb") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a change said after a baseline figure is its predicate, not its noun
    ("全年受理行政复议案件91宗，较上年的80宗有所上升。",
     [("91宗", "行政复议案件", "", "result"), ("80宗", "行政复议案件", "有所上升", "baseline")]),
    # people a preposition names as helped: what was done for them is their predicate
    ("为124名劳动者追回欠薪316万元。", [("124名", "劳动者", "追回欠薪", "result"), ("316万元", "欠薪", "", "result")]),
    ("向3.2万名困难群众发放救助金4.6亿元。",
     [("3.2万名", "困难群众", "发放救助金", "result"), ("4.6亿元", "救助金", "", "result")]),
    # what people counted after their noun took part in
    ("新提任科级领导干部120余人参加法律知识考试，合格率100%。",
     [("120余人", "新提任科级领导干部", "参加法律知识考试", "result"), ("100%", "法律知识考试合格率", "", "result")]),
    # newly promoted cadres are who took part, not a count of promotions
    ("组织全区新提拔的56名科级领导干部参加任前法律知识测试。",
     [("56名", "新提拔科级领导干部", "参加任前法律知识测试", "result")]),
])
def test_predicates_of_baselines_and_people(text, expected):
    assert _rows(text, "subject", "predicate", "status") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # parallel items ending alike share the words after the last one
    ("简易程序和一般程序案件数量分别为42件、114件。", [("42件", "简易程序案件数量"), ("114件", "一般程序案件数量")]),
    ("省级和市级重点项目分别为12个、30个。", [("12个", "省级重点项目"), ("30个", "市级重点项目")]),
    # a rate of a process done to the things counted before it
    ("全年审核规范性文件32件，合法性审查率100%。", [("32件", "规范性文件"), ("100%", "规范性文件合法性审查率")]),
    ("受理政务服务热线工单1.2万件，按时办结率99.8%。",
     [("1.2万件", "政务服务热线工单"), ("99.8%", "政务服务热线工单按时办结率")]),
    # (a rate naming its own things stays: 群众满意率)
    ("全年办理行政复议案件40件，群众满意率98%。", [("40件", "行政复议案件"), ("98%", "群众满意率")]),
    # the first number of a pair after a clause's predicate takes the pair's noun
    ("78个贫困村全部退出、10742户42819名贫困人口全面脱贫。",
     [("78个", "贫困村"), ("10742户", "贫困人口"), ("42819名", "贫困人口")]),
    # grades of one evaluation counted after it, votes by their grade
    ("全年接受群众评价6520条，其中非常满意5980条，占比91.7%，满意460条，不满意80条。",
     [("6520条", "群众评价"), ("5980条", "群众评价非常满意"), ("91.7%", "群众评价非常满意占比"),
      ("460条", "群众评价满意"), ("80条", "群众评价不满意")]),
    ("县人大常委会对政府专项工作报告进行满意度测评，满意26票，基本满意2票。",
     [("26票", "满意票"), ("2票", "基本满意票")]),
    ("“好差评”非常满意802条，满意163条，满意率100%。",
     [("802条", "好差评非常满意"), ("163条", "好差评满意"), ("100%", "好差评满意率")]),
    # counts after a counted noun and 各 are per item
    ("三个街道各涉及5个类别28项权责事项。", [("三个", "街道"), ("5个", "每个街道权责事项类别"), ("28项", "每个街道权责事项")]),
    ("两个镇各建成1个法治文化广场。", [("两个", "镇"), ("1个", "每个镇法治文化广场")]),
    # (各类 is no distributive)
    ("12个部门各类案件共计326件。", [("12个", "部门"), ("326件", "案件")]),
    # a level of media is its class
    ("省级媒体刊发稿件16篇，市级媒体刊发稿件22篇。", [("16篇", "省级媒体刊发稿件"), ("22篇", "市级媒体刊发稿件")]),
    # an excess over a task is over the task of what was done; a bare quantity after a count is the things'
    ("固定资产投资完成17亿元，超额完成年度任务2.1亿元，增长20.6%。",
     [("17亿元", "固定资产投资"), ("2.1亿元", "固定资产投资年度任务"), ("20.6%", "固定资产投资")]),
    ("引进先进制造业关联企业105家，年产值突破10亿元。", [("105家", "先进制造业关联企业"), ("10亿元", "先进制造业关联企业年产值")]),
    ("组织实施重点项目136项，年度投资完成95亿元。", [("136项", "重点项目"), ("95亿元", "重点项目年度投资")]),
    # (people counted have no 产值: 培训农民300人，人均增收2000元 stays)
    ("培训农民300人，人均增收2000元。", [("300人", "农民"), ("2000元", "人均增收")]),
])
def test_subjects_of_lists_rates_grades_quantities_and_each(text, expected):
    assert _rows(text, "subject") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # farm output counted in pieces
    ("全年发展代料食用菌3173万筒。", [("3173万筒", "代料食用菌", 31730000.0)]),
    ("家禽出栏120万羽，投放鱼苗50万尾，发展蜂群3000箱。",
     [("120万羽", "家禽", 1200000.0), ("50万尾", "鱼苗", 500000.0), ("3000箱", "蜂群", 3000.0)]),
    ("第3尾款支付。", []),
    # a round milestone restating the figure before says no more; alone it stays
    ("地区生产总值完成602.5亿元，首次突破600亿元大关。", [("602.5亿元", "地区生产总值", 602.5)]),
    ("地区生产总值首次突破600亿元大关。", [("600亿元", "地区生产总值", 600.0)]),
])
def test_units_of_farm_output_and_milestones(text, expected):
    assert _rows(text, "subject", "value") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # scopes or levels listed with their numbers share the noun after the last one
    ("赋予镇级65项、街道31项权力事项。", [("65项", "镇级权力事项", "赋予", ""), ("31项", "街道权力事项", "赋予", "")]),
    ("发挥8个国家级、62个省级、290个市级民主法治示范村（社区）示范作用。",
     [("8个", "国家级民主法治示范村社区", "", "发挥示范作用"), ("62个", "省级民主法治示范村社区", "", "发挥示范作用"),
      ("290个", "市级民主法治示范村社区", "", "发挥示范作用")]),
    # (the level lists the earlier waves read stay)
    ("创建省级示范村3个、市级8个。", [("3个", "省级示范村", "创建", ""), ("8个", "市级示范村", "创建", "")]),
    ("培育4个市级和11个县级示范村。", [("4个", "市级示范村", "培育", ""), ("11个", "县级示范村", "培育", "")]),
    # classes counted right before the things they class
    ("鱼峰区28个部门涉及9个类别共2210项权责事项。",
     [("28个", "部门", "", ""), ("9个", "权责事项类别", "", ""), ("2210项", "权责事项", "", "")]),
    # a count and a measure of one thing share the verb; the second verb of a chain after 新增 is the noun's
    ("拆除存量违建206处、5.2万平方米，拆除新增违建35处、480平方米。",
     [("206处", "存量违建", "拆除", ""), ("5.2万平方米", "存量违建", "拆除", ""),
      ("35处", "新增违建", "拆除", ""), ("480平方米", "新增违建", "拆除", "")]),
    # an action on a noun counted in times names it
    ("对规范性文件开展1次全面清理。", [("1次", "规范性文件清理", "", "")]),
    ("对行政执法案卷开展2次集中评查。", [("2次", "行政执法案卷集中评查", "", "")]),
    # bodies counted, then what they made of the next number's things
    ("全区19个部门共制定512个行政许可事项实施规范。",
     [("19个", "部门", "", "制定512个行政许可事项实施规范"), ("512个", "行政许可事项", "制定", "实施规范")]),
    # a quoted way after 的 and a rate before it: the way is the things'
    ("100%的政务服务事项“一窗通办”。", [("100%", "一窗通办政务服务事项", "", "")]),
])
def test_lists_of_scopes_classes_and_actions(text, expected):
    assert _rows(text, "subject", "verb", "predicate") == expected


@pytest.mark.parametrize(("text", "subject"), [
    # the whole comparison goes, not only its first words (较去年 | 同期)
    ("全年办件量3.2万件，较去年同期增长22%。", "办件量"),
    ("较去年同期跨域办件增加19%。", "跨域办件"),
    ("合法性审查办件量同比去年增加了39%。", "合法性审查办件量"),
])
def test_comparison_words_leave_no_trace_in_the_subject(text, subject):
    facts = extract_indicators(text)
    assert (facts[-1]["subject"], facts[-1]["status"]) == (subject, "baseline")


@pytest.mark.parametrize(("text", "expected"), [
    # people named before their number, then what they did
    ("地区人大代表、政协委员和社区居民共200余人听取审议街道办事处2019年工作。",
     [("200余人", "地区人大代表、政协委员和社区居民", "听取审议街道办事处2019年工作")]),
    ("组织地区居民30余人通过视频会议形式参与区政府向公众报告会议。", [("30余人", "地区居民", "参与区政府向公众报告会议")]),
    ("法律顾问12人提供法律服务。", [("12人", "法律顾问", "提供法律服务")]),
    # the work done on the things counted, said once after the last of them
    ("共完成5家单位，21项行政职权事项的调整和公示工作。", [("5家", "单位", "调整和公示"), ("21项", "行政职权事项", "调整和公示")]),
    ("完成12个村的换届选举工作。", [("12个", "村", "换届选举")]),
    # bodies counted, then the things of the next number and what was done to them
    ("旗本级43个部门1740项事项实现“一站式”办理。",
     [("43个", "旗本级部门", "1740项事项实现一站式办理"), ("1740项", "事项", "实现一站式办理")]),
    # signed instructions keep what they were on
    ("党政主要负责同志对法治政府建设相关工作累计签批21次。", [("21次", "法治政府建设签批", "")]),
])
def test_what_people_and_bodies_did(text, expected):
    assert _rows(text, "subject", "predicate") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # how a place runs ends its noun and is said of it
    ("建成13个乡(镇)公共法律服务工作站、109个村(社区)公共法律服务工作室规范化运行。",
     [("13个", "乡镇公共法律服务工作站", "规范化运行"), ("109个", "村社区公共法律服务工作室", "规范化运行")]),
    ("新建3个调解室投入使用。", [("3个", "调解室", "投入使用")]),
    # grades joined by 和 are one grade of the evaluation
    ("接受群众总评价5156条，其中非常满意4699条，不满意和非常不满意0条。",
     [("5156条", "群众总评价", ""), ("4699条", "群众总评价非常满意", ""), ("0条", "群众总评价不满意和非常不满意", "")]),
])
def test_how_places_run_and_joined_grades(text, expected):
    assert _rows(text, "subject", "predicate") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # (held35) rates listed after the first: the first's opening term is theirs too
    ("“双随机”掌上执法率、按时处置率100%。", [("100%", "双随机掌上执法率", ""), ("100%", "双随机按时处置率", "")]),
    ("行政执法文书规范率、程序合规率均达到100%。", [("100%", "行政执法文书规范率", ""), ("100%", "行政执法程序合规率", "")]),
    ("网上可办率和编目覆盖率均达100%。", [("100%", "网上可办率", ""), ("100%", "编目覆盖率", "")]),
    # titles in a row: the last names the study
    ("集中学习《习近平法治思想》《习近平法治思想学习纲要》5次。", [("5次", "集中学习习近平法治思想学习纲要", "")]),
    # the verb opening a long coordination is no part of the noun's length
    ("审核市政府规范性文件和重要政策文件221件。", [("221件", "市政府规范性文件和重要政策文件", "审核")]),
    # people who passed (名人 is a word, 名人员 and 名人民 are not)
    ("6名人员通过行政执法考试。", [("6名", "人员", "")]),
    ("表彰3名人民调解员。", [("3名", "人民调解员", "表彰")]),
    # a short part named by its whole's head keeps the whole's words
    ("不予行政处罚案件80件，其中涉企案件31件；从轻减轻行政处罚案件903件，其中涉企案件412件。",
     [("80件", "不予行政处罚案件", ""), ("31件", "不予行政处罚涉企案件", ""),
      ("903件", "从轻减轻行政处罚案件", ""), ("412件", "从轻减轻行政处罚涉企案件", "")]),
    # people of the bodies counted before them
    ("共有10个乡镇（街道）的20名主要负责人和38个县直单位的50名主要负责人参加了述法。",
     [("10个", "乡镇街道", ""), ("20名", "乡镇街道主要负责人", ""), ("38个", "县直单位", ""),
      ("50名", "县直单位主要负责人", "")]),
    # a verb and the head 指标 make one noun; a variant inside the second of two nouns
    ("扎实开展法治政府建设“八大行动”，高质量完成104项创建指标。", [("104项", "创建指标", "完成")]),
    ("组织33名市直部门及县（市）区主要负责人现场述法。", [("33名", "市直部门及县市区主要负责人", "")]),
    # 项 counts the powers of the bodies, not the bodies
    ("将8项市政府部门的行政执法职能赋予乡镇（街）。", [("8项", "市政府部门行政执法职能", "")]),
    ("23个乡镇上下齐心。", [("23个", "乡镇", "")]),
    # a level reached after a growth; a benchmark exceeded
    ("比重提高15.6个百分点、达66.6%。", [("15.6个百分点", "比重", "提高"), ("66.6%", "比重", "")]),
    ("战略性新兴产业增长21.3%，远超传统产业13.9个百分点。",
     [("21.3%", "战略性新兴产业", "增长"), ("13.9个百分点", "战略性新兴产业", "远超")]),
    # a verb and a head after a quoted name make the noun
    ("建成3个露营地，打造10个省级“双微”提升点。", [("3个", "露营地", "建成"), ("10个", "省级双微提升点", "打造")]),
    # electricity in 度
    ("全社会用电量9.25亿度，增长6.8%。", [("9.25亿度", "全社会用电量", ""), ("6.8%", "全社会用电量", "增长")]),
])
def test_held35_layouts(text, expected):
    assert _rows(text, "subject", "verb") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("6名人员通过行政执法考试。", [("6名", "通过行政执法考试", "result")]),
    ("共有10个乡镇（街道）的20名主要负责人参加了述法。",
     [("10个", "参加了述法", "result"), ("20名", "参加了述法", "result")]),
    # a pair from, a pair to: both of the first pair are the baseline
    ("贫困人口由13677户49479人减至0户0人。",
     [("13677户", "", "baseline"), ("49479人", "", "baseline"), ("0户", "", "result"), ("0人", "", "result")]),
    ("战略性新兴产业增长21.3%，远超传统产业13.9个百分点。",
     [("21.3%", "", "result"), ("13.9个百分点", "传统产业", "baseline")]),
])
def test_held35_predicates_and_statuses(text, expected):
    assert _rows(text, "predicate", "status") == expected


@pytest.mark.parametrize("text", ["集中做好四篇文章。", "打好三大攻坚战。", "下好三盘棋。"])
def test_numbered_tasks_are_no_counts(text):
    assert extract_indicators(text) == []


def test_a_second_whole_after_a_part_is_no_part():
    facts = extract_indicators("全县共办理轻微违法行为不予行政处罚案件80件,其中涉企案件31件,"
                               "一般违法行为从轻减轻行政处罚案件903件,其中涉企案件412件。")
    assert [(f["raw"], f["subject"], f["breakdown"]) for f in facts] == [
        ("80件", "轻微违法行为不予行政处罚案件", False), ("31件", "轻微违法行为不予行政处罚涉企案件", True),
        ("903件", "一般违法行为从轻减轻行政处罚案件", False), ("412件", "一般违法行为从轻减轻行政处罚涉企案件", True)]


@pytest.mark.parametrize(("text", "expected"), [
    # what an event counted before found or did is framed by it
    ("开展企业走访102次，收集诉求10件，解决6件。", [("102次", ""), ("10件", "企业走访"), ("6件", "企业走访")]),
    ("开展法治督察专项督查3次，通报整改问题12项。", [("3次", ""), ("12项", "法治督察专项督查")]),
])
def test_what_an_event_found_is_framed_by_it(text, expected):
    assert _rows(text, "frame") == expected


def test_a_means_ends_the_noun():
    facts = extract_indicators("全县26家单位依托四级一体化平台开展网上申报。")
    assert [(f["raw"], f["subject"], f["predicate"]) for f in facts] == [("26家", "单位", "开展网上申报")]


def test_the_audience_of_a_framed_event_has_its_frame():
    facts = extract_indicators("深入开展“大篷车”活动，每周为辖区企业群众提供法律服务，全年开展活动40余场，惠及企业和群众50余万人。")
    assert [(f["raw"], f["frame"]) for f in facts] == [("40余场", "大篷车活动"), ("50余万人", "大篷车活动")]


@pytest.mark.parametrize(("text", "expected"), [
    # 产生 is the verb of what came out, the short noun then takes its frame
    ("推进“信用+容缺”受理，产生办件99件。", [("99件", "信用+容缺受理", "办件", "产生")]),
    ("全面推行“一件事一次办”，全年产生办件量5.8万件，较去年同期增长22%。",
     [("5.8万件", "一件事一次办", "办件量", "产生"), ("22%", "一件事一次办", "办件量", "增长")]),
])
def test_what_came_out_takes_its_frame(text, expected):
    assert _rows(text, "frame", "subject", "verb") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # (held36) a scope alone after a count names the noun before it, with its own scope
    ("区级审批服务事项896项、街道26项实现“一窗通办”。", [("896项", "区级审批服务事项", ""), ("26项", "街道审批服务事项", "")]),
    # classes counted in 大类 are the next count's classes; measures for rectification are counts
    ("梳理出6大类36个具体问题，分解成45条整改措施。",
     [("6大类", "具体问题类别", ""), ("36个", "具体问题", ""), ("45条", "整改措施", "分解成")]),
    ("制定了70条整改措施。", [("70条", "整改措施", "制定")]),
    # events joined by 和 are counted together
    ("组织任职前法律知识考试和依法行政能力测试11场。", [("11场", "任职前法律知识考试和依法行政能力测试", "")]),
    # who took part in the clause before is whom the count covers
    ("镇村干部、行政执法人员参加法治培训，覆盖300余人次。", [("300余人次", "镇村干部、行政执法人员", "")]),
])
def test_held36_layouts(text, expected):
    assert _rows(text, "subject", "verb") == expected


def test_a_numbered_package_of_policies_is_still_no_count():
    assert extract_indicators("研究制定70条经济稳增长政策措施。") == []


@pytest.mark.parametrize(("text", "subject"), [
    # a list of meetings or events counted together stays whole up to twice the noun's length
    ("主持召开依法治州委员会会议、法治督察动员会、法治政府建设推进会4次。", "依法治州委员会会议、法治督察动员会、法治政府建设推进会"),
    ("举办领导干部法治专题讲座、专题培训和行政执法人员公共法律知识培训班6期。",
     "领导干部法治专题讲座、专题培训和行政执法人员公共法律知识培训班"),
])
def test_lists_of_events_counted_together(text, subject):
    assert [f["subject"] for f in extract_indicators(text)] == [subject]


@pytest.mark.parametrize(("text", "expected"), [
    # a verb with a noun head after it inside the noun is no verb of it; the share after the count is theirs
    ("241个涉企服务事项100%全程网办。", [("241个", "涉企服务事项", ""), ("100%", "涉企服务事项", "全程网办")]),
    # (a verb with a place after it still ends the noun)
    ("128家民营企业结对帮扶村132个。", [("128家", "民营企业", ""), ("132个", "帮扶村", "")]),
])
def test_shares_of_things_just_counted(text, expected):
    assert _rows(text, "subject", "predicate") == expected


def test_things_counted_after_bodies_and_their_things_are_the_things():
    facts = extract_indicators("动态调整9个部门部分行政权力事项，新增25项、取消28项、变更25项。")
    assert [(f["raw"], f["subject"], f["verb"]) for f in facts] == [
        ("9个", "部门", "动态调整"), ("25项", "行政权力事项", "新增"), ("28项", "行政权力事项", "取消"),
        ("25项", "行政权力事项", "变更")]


def test_a_total_amount_after_a_count_is_the_counts():
    facts = extract_indicators("全区各单位共承办生效合同4690件，涉及总金额30.75亿元。")
    assert [(f["raw"], f["subject"]) for f in facts] == [("4690件", "生效合同"), ("30.75亿元", "生效合同总金额")]


def test_people_counted_clause_by_clause_share_their_coverage():
    facts = extract_indicators("区委、区政府主要负责人及班子成员16人，各街办（园区）、区各部门班子成员147人，实现述法全覆盖。")
    assert [(f["raw"], f["predicate"]) for f in facts] == [("16人", "实现述法全覆盖"), ("147人", "实现述法全覆盖")]


def test_a_means_inside_the_phrase_is_no_part_of_it():
    facts = extract_indicators("例如，岩山村通过民主议事会解决土地流转纠纷8起。")
    assert [(f["raw"], f["actor"], f["subject"], f["verb"]) for f in facts] == [("8起", "岩山村", "土地流转纠纷", "解决")]


def test_who_took_part_is_the_actor():
    facts = extract_indicators("法律顾问参与街道重大事项讨论16次，审核合同19份。")
    assert [(f["raw"], f["actor"], f["subject"]) for f in facts] == [
        ("16次", "法律顾问", "街道重大事项讨论"), ("19份", "法律顾问", "合同")]


def test_air_quality_in_micrograms_per_cubic_metre():
    facts = extract_indicators("PM2.5浓度为20µg/m3，同比改善13%；PM10浓度为34微克/立方米，同比改善17.1%。")
    assert [(f["raw"], f["subject"], f["unit"], f["number_kind"]) for f in facts] == [
        ("20µg/m3", "PM2.5浓度", "微克/立方米", "measure"), ("13%", "PM2.5浓度", "%", "growth"),
        ("34微克/立方米", "PM10浓度", "微克/立方米", "measure"), ("17.1%", "PM10浓度", "%", "growth")]
