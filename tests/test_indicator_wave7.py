"""Wave 7: the event a meeting or a leader counts (区政府常务会议4次听取…汇报, 对…作出5次批示), book
titles given as examples (学习《…》等法律法规), rate lists whose names are long, growth of prices, a
number in quotes inside a name (“135”工程), ratios of two quantities, and 拟提拔 as a modifier.
Sentences in the layouts of real report pages; our own wording and figures."""

from __future__ import annotations

import pytest

from fazhi.indicators import extract_indicators


def _facts(text: str) -> list[tuple]:
    return [(f["value"], f["subject"], f["verb"]) for f in extract_indicators(text)]


# a count of times: the event is counted, not who held it (unless a light verb counts the meetings)
EVENTS = [
    ("镇政府常务会议5次听取法治建设工作汇报。", [(5, "法治建设工作汇报", "听取")]),
    ("县委常委会会议、县政府常务会议4次听取法治政府建设情况汇报。",
     [(4, "法治政府建设情况汇报", "听取")]),
    ("区政府常务会议2次专题研究法治政府建设工作。", [(2, "法治政府建设工作", "专题研究")]),
    ("村党委会议先后3次研究部署示范创建工作。", [(3, "示范创建工作", "研究部署")]),
    ("县长对依法行政工作作出5次批示。", [(5, "批示", "作出")]),
    ("区委区政府主要领导法治建设工作批示21次。", [(21, "法治建设工作批示", "")]),
    # a light verb counts the meetings themselves
    ("召开区政府常务会议3次研究法治政府建设工作。", [(3, "区政府常务会议", "")]),
    ("镇党委召开专题会议4次研究法治建设工作。", [(4, "专题会议", "")]),
    # 主要领导干部 is a class of people, not who acted
    ("主要领导干部述法15人。", [(15, "主要领导干部", "述法")]),
]


# book titles as examples of the noun after them; a place inside the noun after a number
NOUNS = [
    ("集体学习《中华人民共和国行政复议法》等法律9次。", [(9, "集体学习法律", "")]),
    ("专题学习《宪法》《民法典》等法律法规12次。", [(12, "专题学习法律法规", "")]),
    ("在青年干部培训班、科级干部进修班等12个主体班次中开设法治课程。", [(12, "主体班次", "")]),
    ("推动56个项目取得明显成效。", [(56, "项目", "推动")]),
    ("完成1800亩征地拆迁。", [(1800, "征地拆迁", "完成")]),
    ("3个省市县长“135”工程有序推进。", [(3, "省市县长135工程", "")]),
    ("建成8个“1+3”调解室。", [(8, "1+3调解室", "建成")]),
]


# rates: one row per rate of a list, each keeping its own long name; the verb 保持 is no part of the
# name; a ratio of two quantities is named whole
RATES = [
    ("行政规范性文件合法性审查率、行政机关负责人出庭应诉率均达到100%。",
     ["行政规范性文件合法性审查率", "行政机关负责人出庭应诉率"]),
    ("重大行政决策事项目录管理、规范性文件和行政合同合法性审查率、行政机关负责人出庭应诉率均为100%。",
     ["规范性文件和行政合同合法性审查率", "行政机关负责人出庭应诉率"]),
    ("提案和建议办结率、满意率均为100%。", ["提案和建议办结率", "提案和建议满意率"]),
    ("法律知识考试参考率和合格率均达100%。", ["法律知识考试参考率", "法律知识考试合格率"]),
    ("全区执法人员持证率保持98%以上。", ["执法人员持证率"]),
    ("高新技术产业产值占规模以上工业总产值比重提高到41.2%。",
     ["高新技术产业产值占规模以上工业总产值比重"]),
    ("全社会研发投入相当于全县地区生产总值的比例达到3.1%。",
     ["全社会研发投入相当于全县地区生产总值比例"]),  # (wave 8: labels lose their 的)
]


@pytest.mark.parametrize(("text", "subjects"), RATES, ids=[t for t, _ in RATES])
def test_rate_names_of_wave7(text, subjects):
    facts = extract_indicators(text)
    assert [f["subject"] for f in facts] == subjects
    assert {f["number_kind"] for f in facts} == {"rate"}


# price growth is a growth (a result unless the sentence names its comparison); 拟提拔/拟任 modify a noun and are no plan; 拟 + a verb is
STATUS = [
    ("居民消费价格上涨1.8%。", "居民消费价格", "上涨", "growth", "result"),
    ("工业生产者出厂价格下跌2.1%。", "工业生产者出厂价格", "下跌", "growth", "result"),
    ("组织拟提拔科级干部任前法律知识考试4场。", "拟提拔科级干部任前法律知识考试", "", "count", "result"),
    ("对拟任职干部开展任前法律知识考试3场。", "任前法律知识考试", "", "count", "result"),
    ("拟新建村级公共法律服务工作室15个。", "村级公共法律服务工作室", "新建", "count", "target"),
]


@pytest.mark.parametrize(("text", "subject", "verb", "kind", "status"), STATUS, ids=[s[0] for s in STATUS])
def test_growth_of_prices_and_appointees(text, subject, verb, kind, status):
    f, = extract_indicators(text)
    assert (f["subject"], f["verb"], f["number_kind"], f["status"]) == (subject, verb, kind, status)


# brackets are stripped, not cut: a short bracketed variant is written out in the column name
VARIANTS = [
    ("建成12个乡（镇）公共法律服务工作站。", "乡镇公共法律服务工作站"),
    ("全省9个市（州）建立法治督察员队伍。", "市州"),
    ("全市24个县（市、区）党委听取法治建设汇报。", "县市区党委"),
    ("完成42座电力塔（基）搬迁。", "电力塔基"),
    ("全县18个村（社区）签约法律顾问。", "村社区"),
]


def test_two_counts_touching_each_keep_their_own_noun():
    facts = extract_indicators("全省8个市(州)76个县(市、区)党委均开展了现场述法。")
    assert [(f["value"], f["subject"]) for f in facts] == [(8.0, "市州"), (76.0, "县市区党委")]


@pytest.mark.parametrize(("text", "subject"), VARIANTS, ids=[t for t, _ in VARIANTS])
def test_bracketed_variants_are_written_out(text, subject):
    f = extract_indicators(text)[0]
    assert f["subject"] == subject
    assert f["phrase"] != "" and "（" not in f["subject"]


def test_an_aside_with_figures_is_no_variant():
    facts = extract_indicators("行政机关负责人出庭应诉46宗（其中正职25宗）。")
    assert [(f["value"], "（" in f["subject"]) for f in facts] == [(46.0, False), (25.0, False)]


# a batch before a named class, a manner word before what was done, a long event name cut at its
# coordination rather than to a bare verb, a count after a rate takes what the rate is of
MORE = [
    ("命名第三批全市法治建设示范单位12个。", [(12, "法治建设示范单位", "命名")]),
    ("58名镇村干部书面述法。", [(58, "镇村干部", "")]),
    ("开展食品药品安全和生态环境执法领域突出问题专项整治督察3次。",
     [(3, "生态环境执法领域突出问题专项整治督察", "")]),
    ("政务服务事项网上可办率96.1%，办理2.4万件。",
     [(96.1, "政务服务事项网上可办率", ""), (24000, "政务服务事项", "办理")]),
    ("涉企行政执法案件按期办结率100%，办结37件。",
     [(100, "涉企行政执法案件按期办结率", ""), (37, "涉企行政执法案件", "办结")]),
]


# a noun-like verb alone before a count (成功调解349起), a relational verb opening a modifier (清理涉及…
# 的规范性文件), a hotline that acts, how long a rate held, the rate of a named exam before who took it
LISTS = [
    ("全镇共排查矛盾纠纷412起，成功调解398起。",
     [(412, "矛盾纠纷", "排查"), (398, "矛盾纠纷", "调解")]),
    ("清理涉及优化营商环境的规范性文件48件，废止6件。",
     [(48, "规范性文件", "清理"), (6, "规范性文件", "废止")]),
    ("全区12345热线受理群众诉求4.8万件。", [(48000, "群众诉求", "受理")]),
    ("镇综合行政执法办公室办理行政处罚案件27件。", [(27, "行政处罚案件", "办理")]),
    ("区城管执法大队查处违法建设案件39起。", [(39, "违法建设案件", "查处")]),
    ("行政机关负责人出庭应诉率连续四年保持100%。", [(100, "行政机关负责人出庭应诉率", "")]),
    ("全县980名行政执法人员参加年度网上学法考试，参考率100%，合格率98.6%。",
     [(980, "行政执法人员", ""), (100, "年度网上学法考试参考率", ""), (98.6, "年度网上学法考试合格率", "")]),
    # a passive 被 leaves the noun; a rate named by the verb of the fact before is that fact's rate
    ("行政复议决定被纠错3件，行政诉讼败诉2件，败诉率为5.1%。",
     [(3, "行政复议决定", "纠错"), (2, "行政诉讼", "败诉"), (5.1, "行政诉讼败诉率", "")]),
    # whom relief helps is no part of the noun; a comparison with a wider area leaves the gap's noun
    ("为市场主体减轻税费负担3.4亿元。", [(3.4, "税费负担", "减轻")]),
    ("城镇居民人均可支配收入增速快于全省平均0.6个百分点。", [(0.6, "城镇居民人均可支配收入增速", "快于")]),
    # a pair of numbers with one noun after both; whom money goes to; who leads an event; an upgrade
    ("8件26项民生实事全部完成。", [(8, "民生实事", ""), (26, "民生实事", "")]),
    ("向3.2万名困难群众发放救助金4.6亿元。", [(32000, "困难群众", ""), (4.6, "救助金", "发放")]),
    ("区委常委会、区政府常务会议带头集体学法9次。", [(9, "集体学法", "")]),
    ("完成6座污水处理厂提标改造和12座水厂深度处理改造。", [(6, "污水处理厂", "完成"), (12, "水厂", "")]),
    ("完成210所农村学校信息化改造。", [(210, "农村学校", "完成")]),
    ("全县28个政府组成部门报送年度报告。", [(28, "政府组成部门", "")]),
    ("开展“一月一学法一考试”活动10次。", [(10, "一月一学法一考试活动", "")]),
    # list markers, also where a crawled page ran a heading into the text
    ("四、2024年工作安排 一是新建法治文化阵地3个；二是培训法律明白人120名。",
     [(3, "法治文化阵地", "新建"), (120, "法律明白人", "培训")]),
    ("二是专职执法人员仅有4名。", [(4, "专职执法人员", "")]),
    # community corrections and courts; 无一人 is none; 八类 names a class
    ("全县社区矫正对象在册214人，全年新接收96人，解除矫正103人，无一人脱管漏管。",
     [(214, "社区矫正对象", ""), (96, "社区矫正对象", "新接收"), (103, "社区矫正对象", "解除矫正")]),
    ("区法院共受理各类案件2.1万件，审执结2.03万件。",
     [(21000, "案件", "受理"), (20300, "案件", "审执结")]),
    ("八类严重暴力犯罪案件同比下降17.5%。", [(17.5, "八类严重暴力犯罪案件", "同比下降")]),
    # a slogan closing the clause, a scope word opening another noun, a service at a noun's end,
    # rules put in force
    ("实现96项涉企事项、27项申请材料“线下当场办、线上半天办”。",
     [(96, "涉企事项", "实现"), (27, "申请材料", "实现")]),  # (wave 11: the verb of the list)
    ("全区48家单位各级领导干部深入一线窗口。", [(48, "单位", "")]),
    ("在政府网站上线86个“一件事”集成服务。", [(86, "一件事集成服务", "上线")]),
    ("全面施行156项区级行政许可事项清单管理。", [(156, "区级行政许可事项清单管理", "施行")]),
    ("11月、12月为小微企业减免租金860万元。", [(860, "租金", "减免")]),
    ("组织52家单位开展党政主要负责人述职评议1次。", [(52, "单位", ""), (1, "党政主要负责人述职评议", "")]),
    ("PM2.5、PM10平均浓度分别改善6.2%、4.8%。",
     [(6.2, "PM2.5平均浓度", "改善"), (4.8, "PM10平均浓度", "改善")]),
    # a times unit keeps the event: 宣传 counts itself
    ("开展法治宣传活动26次。", [(26, "法治宣传活动", "")]),
]


# a coordination after a number is counted together; a figure after 和 opens the next fact
COORD = [
    ("全镇9个村和社区实现法律顾问全覆盖。", [(9, "村和社区", "")]),
    ("11个基础设施和公共服务配套项目全面开工。", [(11, "基础设施和公共服务配套项目", "")]),
    ("30名律师和基层法律服务工作者参与接访。", [(30, "律师和基层法律服务工作者", "")]),
    ("发放宣传册800份和宣传品260件。", [(800, "宣传册", "发放"), (260, "宣传品", "")]),
]


# every (sentence, facts) table above: each fact's value, counted noun and verb, nothing else
FACT_TABLES = {"events": EVENTS, "nouns": NOUNS, "more": MORE, "verbs": LISTS, "coordination": COORD}
FACT_CASES = [(name, text, want) for name, table in FACT_TABLES.items() for text, want in table]


@pytest.mark.parametrize(("cls", "text", "want"), FACT_CASES, ids=[f"{c}:{t}" for c, t, _ in FACT_CASES])
def test_counted_noun_and_verb_of_each_fact(cls, text, want):
    assert _facts(text) == [(pytest.approx(v), s, vb) for v, s, vb in want]


# no fact: a meeting's number when the page cut the 第 off, a project's phase after a hospital's
# campus, the size of a ranking's frame; a count of test cities and of meetings stays
@pytest.mark.parametrize(("text", "values"), [
    ("五次会议上审议通过了政府工作报告。", []),
    ("市中心医院新院二期、妇幼保健院南院二期建成使用。", []),
    ("在全国50个重点城市考核中排名第三。", []),
    ("在28个试点城市中开展评估。", [28.0]),
    ("召开党组会议7次。", [7.0]),
], ids=lambda x: x if isinstance(x, str) else None)
def test_no_fact_of_wave7(text, values):
    assert [f["value"] for f in extract_indicators(text)] == values


# from-to frames with the noun between 从/由 and the number, a year, or a noun after 到: the first
# number is the baseline, both take the noun; shares of a total keep 占…比重
FROM_TO = [
    ("市本级审批事项从法定平均办理时间18.5天提速至5.2天。",
     # (wave 11: the government's own level says so)
     [("市本级法定平均办理时间", "baseline"), ("市本级法定平均办理时间", "result")]),
    ("重症监护床位从42张提升至136张。", [("重症监护床位", "baseline"), ("重症监护床位", "result")]),
    ("经济总量占全省比重由2018年的12.4%提升至13.9%。",
     [("经济总量占全省比重", "baseline"), ("经济总量占全省比重", "result")]),
    ("由原来串联办理审批时间200多天，缩短到并联办理审批时间80天。",
     [("串联办理审批时间", "baseline"), ("并联办理审批时间", "result")]),
    ("偿还到期债务6亿元。", [("到期债务", "result")]),
]


@pytest.mark.parametrize(("text", "want"), FROM_TO, ids=[t for t, _ in FROM_TO])
def test_from_to_frames_of_wave7(text, want):
    assert [(f["subject"], f["status"]) for f in extract_indicators(text)] == want


def test_events_coordinated_after_a_count_of_times():
    f, = extract_indicators("区政府常务会议先后5次专题学习和集中辅导。")
    assert (f["subject"], f["verb"]) == ("专题学习和集中辅导", "")


# a share of the whole area after a count is named (市场主体占全省比重); a share of a total stays the
# count's noun; a meeting acting on something (对…进行/作出) counts the event
SHARES = [
    ("新增市场主体12.6万户，占全省比重38%。", "市场主体占全省比重", "", "result"),
    ("其中涉企投诉举报案件14件，占总量的27%。", "涉企投诉举报案件", "", "result"),
    ("区政府常务会议先后3次对《行政复议法》等法律法规进行专题学习和集中辅导。", "专题学习和集中辅导", "", "result"),
    ("区政府常务会议2次对法治政府建设工作作出部署。", "部署", "作出", "result"),
]


# held-out 10, read after its last scoring: 首批 and 全覆盖 before a verb, nouns holding a verb, a system
# acting, levels listed with 、, how a statement was made, the rate after 等
HELD10_CLASSES = [
    ("首批聘请省级立法专家86名。", "省级立法专家", "聘请", "result"),
    ("全覆盖设立基层立法联系点19个。", "基层立法联系点", "设立", "result"),
    ("压缩办理时限860个工作日。", "办理时限", "压缩", "result"),
    ("累计精简申报材料126项。", "申报材料", "精简", "result"),
    ("通过“一网通办系统”出具证明材料265份。", "证明材料", "出具", "result"),
    ("省、市、县三级现场述法980余人。", "现场述法", "", "result"),
    ("书面述法2.6万多人。", "书面述法", "", "result"),
    ("引进项目28个，到位资金96亿元。", "到位资金", "", "result"),
    ("“盗抢骗”等刑事发案率下降19.6%。", "刑事发案率", "下降", "result"),
    ("全系统380余名执法队员参加轮训。", "全系统执法队员", "", "result"),
]


# held-out 11, read after its only scoring: multiples of an earlier year are baselines of the fact
# before; leaders act; verbs with 新; scope and manner words; a list marker after a count
HELD11_CLASSES = [
    ("全县生产总值386亿元，是2010年的2.4倍。", "生产总值", "", "baseline"),
    ("地区生产总值达到620亿元，相当于2012年的2倍。", "地区生产总值", "", "baseline"),
    ("县政府主要领导先后9次就法治建设工作做出批示。", "批示", "做出", "result"),
    ("政策解读615条。", "政策解读", "", "result"),
    ("细化任务清单184项。", "任务清单", "细化", "result"),
    ("办理各部门咨询答复960件。", "咨询答复", "办理", "result"),
    ("新认证“三品一标”产品6个。", "三品一标产品", "新认证", "result"),
    ("守牢98万亩耕地红线。", "耕地红线", "守牢", "result"),
    ("高标准打造现代农业产业园区12个。", "现代农业产业园区", "打造", "result"),
    ("验收高标准农田项目7个。", "高标准农田项目", "验收", "result"),
    ("26个部门的214项行政许可事项统一划入县行政审批局。", "行政许可事项", "", "result"),
    ("健全法治建设工作机制4项二是认真谋划法治工作。", "法治建设工作机制", "健全", "result"),
    ("主要领导先后21次主持、参与法治工作会议，8次就法治建设工作做出批示。", "批示", "做出", "result"),
    # (wave 12: instructions keep what they were on, so that two of one report stay apart)
    ("市委、市政府领导对法治建设工作作出批示指示20余次。", "法治建设批示指示", "作出", "result"),
    ("对全区执法人员培训6次。", "执法人员培训", "", "result"),
    ("区委、区政府主要领导先后18次主持、参与法治工作会议或活动。", "法治工作会议或活动", "主持、参与", "result"),
    ("其中计划外新增4件。", "计划外", "新增", "result"),
    ("平均每镇(街道)梳理事项196项。", "镇均事项", "梳理", "result"),
    ("仅用12天时间就完成项目签约。", "时间", "", "result"),
]


# the last fact of each sentence: its counted noun, verb and status
LAST_FACT = [*SHARES, *HELD10_CLASSES, *HELD11_CLASSES]


@pytest.mark.parametrize(("text", "subject", "verb", "status"), LAST_FACT, ids=[c[0] for c in LAST_FACT])
def test_last_fact_of_each_sentence(text, subject, verb, status):
    f = extract_indicators(text)[-1]
    assert (f["subject"], f["verb"], f["status"]) == (subject, verb, status)


def test_a_pair_inside_a_name_shares_out_the_numbers():
    facts = extract_indicators("金融机构存贷款余额分别达到186.2亿元、75.4亿元。")
    assert [(f["value"], f["subject"]) for f in facts] == [(186.2, "金融机构存款余额"), (75.4, "金融机构贷款余额")]
