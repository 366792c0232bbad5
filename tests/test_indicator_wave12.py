"""Wave 12: levels listed before one noun share it (6个盟级、42个旗级重点项目); a procedure a part of the cases
went by names the cases (其中适用简易程序办理8件); people who are heads already take the list's predicate
without the heads of the next item; the verb of a title (新修订《…》) is no verb of what is counted.
Sentences in the layouts of real report pages; our own wording and figures."""

from __future__ import annotations

import pytest

from fazhi.indicators import extract_indicators


def _facts(text: str, *keys: str) -> list[tuple]:
    keys = keys or ("value", "subject", "verb")
    return [tuple(f[k] for k in keys) for f in extract_indicators(text)]


@pytest.mark.parametrize("text, expected", [
    ("全年5个盟级、37个旗级重点项目完成投资18亿元。",
     [(5, "盟级重点项目", ""), (37, "旗级重点项目", ""), (1.8e9, "重点项目投资", "完成")]),
    ("新增3个省级、5个市级示范点。", [(3, "省级示范点", "新增"), (5, "市级示范点", "新增")]),
    ("现有2个国家级和7个省级非遗项目。", [(2, "国家级非遗项目", ""), (7, "省级非遗项目", "")]),
    ("培育4个市级和11个县级民主法治示范村。", [(4, "市级民主法治示范村", "培育"), (11, "县级民主法治示范村", "培育")]),
    # (a level after its own count and noun keeps the noun before, as it did)
    ("创建省级示范村3个、市级8个。", [(3, "省级示范村", "创建"), (8, "市级示范村", "创建")]),
    # (a list of other words is no list of levels)
    ("组织9个乡镇、23个部门开展述法。", [(9, "乡镇", ""), (23, "部门", "")]),
])
def test_levels_listed_before_one_noun_share_it(text, expected):
    got = _facts(text, "amount", "subject", "verb")
    assert got == expected


def test_the_levels_share_a_category():
    cats = {f["subject"]: f["category"] for f in extract_indicators("全年5个盟级、37个旗级重点项目完成投资18亿元。")}
    assert cats["盟级重点项目"] == cats["旗级重点项目"]


@pytest.mark.parametrize("text, expected", [
    ("全年办理行政处罚案件126件，其中适用简易程序办理9件，适用普通程序办理117件。",
     [(126, "行政处罚案件"), (9, "简易程序行政处罚案件"), (117, "普通程序行政处罚案件")]),
    ("全年共作出行政处罚决定287件，其中适用简易程序64件。", [(287, "行政处罚决定"), (64, "简易程序行政处罚决定")]),
    ("受理行政复议申请52件，其中适用简易程序审理13件。", [(52, "行政复议申请"), (13, "简易程序行政复议申请")]),
    ("审结各类案件310件，其中适用速裁程序审结96件。", [(310, "案件"), (96, "速裁程序案件")]),
    ("办理审批事项1200件，其中通过告知承诺制办理430件。", [(1200, "审批事项"), (430, "告知承诺制审批事项")]),
])
def test_a_procedure_names_the_cases(text, expected):
    assert _facts(text, "value", "subject") == expected


def test_a_procedure_takes_the_category_of_the_cases():
    facts = extract_indicators("全年办理行政处罚案件126件，其中适用简易程序办理9件。")
    assert facts[1]["category"] == facts[0]["category"] != "other"


@pytest.mark.parametrize("text, expected", [
    ("全年共有3个县(区)长和9个市直部门主要负责人出庭应诉。",
     [(3, "县区长", "出庭应诉"), (9, "市直部门", "主要负责人出庭应诉")]),
    ("5名乡镇长和12个部门主要负责同志现场述法。", [(5, "乡镇长", "现场述法"), (12, "部门", "主要负责同志现场述法")]),
    # (the list's predicate as it is for things that are no heads)
    ("6个乡镇（街道）、41个部门述法全覆盖。", [(6, "乡镇街道", "述法全覆盖"), (41, "部门", "述法全覆盖")]),
])
def test_heads_take_the_predicate_without_the_next_items_heads(text, expected):
    assert _facts(text, "value", "subject", "predicate") == expected


@pytest.mark.parametrize("text, expected", [
    ("带头开展新修订《中华人民共和国行政复议法》等5次集体学法。", [(5, "集体学法", "")]),
    ("组织学习新修订的《行政处罚法》4次。", [(4, "学习行政处罚法", "")]),
    ("组织学习新修订《行政复议法》等法律法规7次。", [(7, "学习法律法规", "")]),
    # (a title's verb that opens the clause is its verb: the things were revised)
    ("新修订《行政执法公示办法》等制度6项。", [(6, "制度", "新修订")]),
    ("全年修订《行政执法公示办法》等制度6项。", [(6, "制度", "修订")]),
])
def test_a_titles_verb_is_no_verb_of_what_is_counted(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("全年完成社区矫正对象入矫57人、解矫63人。", [(57, "社区矫正对象", "入矫"), (63, "社区矫正对象", "解矫")]),
    ("完成政务服务事项网上办理1350件。", [(1350, "政务服务事项", "网上办理")]),
    ("完成行政复议案件审结38件。", [(38, "行政复议案件", "审结")]),
    # (完成 before a noun with no verb after it stays the verb)
    ("完成耕地修复1800亩。", [(1800, "耕地修复", "完成")]),
])
def test_the_verb_after_the_noun_says_what_was_completed(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("全镇调解矛盾纠纷287起，调解成功281起，调解成功率97.9%，涉及金额640万元。", ("调解矛盾纠纷金额", "disputes")),
    ("办理案件35件，涉案金额120万元。", ("案件涉案金额", "enforcement")),
])
def test_an_amount_after_a_rate_is_the_counts(text, expected):
    f = extract_indicators(text)[-1]
    assert (f["subject"], f["category"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("全年办理人大代表建议38件、政协委员提案71件，办复率100%。", "人大代表建议和政协委员提案办复率"),
    ("全年审查规范性文件15件、行政合同42件，审查率100%。", "规范性文件和行政合同审查率"),
    # (items of one noun share it: 省级示范村、县级示范村 -> 示范村)
    ("创建省级示范村3个、县级示范村9个，验收合格率100%。", "示范村验收合格率"),
    # (a rate after counts of one thing by two verbs is that thing's, as before)
    ("受理行政复议案件56件，审结52件，审结率92.9%。", "行政复议案件审结率"),
    ("调解矛盾纠纷128起，成功122起，成功率95.3%。", "调解矛盾纠纷成功率"),
])
def test_a_rate_after_a_list_is_the_whole_lists(text, expected):
    assert extract_indicators(text)[-1]["subject"] == expected


def test_a_rate_after_a_list_with_no_verb_stays_the_last_items():
    assert extract_indicators("全年行政复议18件、行政诉讼29件，出庭率100%。")[-1]["subject"] == "行政诉讼出庭率"


@pytest.mark.parametrize("text, expected", [
    # a manner, a reason or a step after which something was done goes with the verb, the thing is the count's
    ("收到行政复议申请64件，审结58件，其中维持33件，调解和解后终止17件。",
     [(64, "行政复议申请", "收到"), (58, "行政复议申请", "审结"), (33, "行政复议申请", "维持"),
      (17, "行政复议申请", "调解和解后终止")]),
    ("共清理出存量政策文件96件，目前合规保留31件，其他原因废止65件。",
     [(96, "存量政策文件", "清理出"), (31, "存量政策文件", "合规保留"), (65, "存量政策文件", "其他原因废止")]),
])
def test_a_manner_goes_with_the_verb(text, expected):
    assert _facts(text) == expected
    cats = {f["category"] for f in extract_indicators(text)}
    assert len(cats) == 1


@pytest.mark.parametrize("text, expected", [
    # a means before the verb is no part of the noun
    ("通过“府院联动”机制化解行政争议27件。", [(27, "行政争议", "化解")]),
    ("依托12345热线平台受理群众诉求3100件。", [(3100, "群众诉求", "受理")]),
    # cases named by who acted in them stay whole
    ("行政机关负责人出庭应诉案件118件。", [(118, "行政机关负责人出庭应诉案件", "")]),
    # a regime before 的 says which things
    ("实行告知承诺制的证明事项41项。", [(41, "告知承诺制证明事项", "实行")]),
    ("公布实行容缺受理制的政务服务事项260项。", [(260, "容缺受理制政务服务事项", "公布实行")]),
    # (a modifier of other words before 的 goes, as before)
    ("清理涉及优化营商环境的规范性文件39件。", [(39, "规范性文件", "清理")]),
    ("现区级保留的政务服务事项1100项。", [(1100, "政务服务事项", "保留")]),
    # the 均 of all the places counted is no part of them
    ("全县38个村（社区）均建成法治文化宣传栏。", [(38, "村社区", "")]),
])
def test_means_regimes_and_who_acted(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("行政机关负责人出庭应诉案件118件，出庭率100%。", "行政机关负责人出庭率"),
    ("持证执法人员1320人，持证率100%。", "执法人员持证率"),
    ("全县38个村（社区）均建成法治文化宣传栏，覆盖率100%。", "村社区覆盖率"),
])
def test_a_rate_named_by_the_counts_words(text, expected):
    assert extract_indicators(text)[-1]["subject"] == expected


@pytest.mark.parametrize("text, expected", [
    # to whom the things went is no noun of them: the noun before is
    ("全年共审核规范性文件11件，向市政府和县人大常委会报备11件。", [(11, "规范性文件", "审核"), (11, "规范性文件", "报备")]),
    # cases carried over from the year before are the cases'
    ("全县共发生行政复议案件27件（其中新收25件，上年结转2件），审结26件。",
     [(27, "行政复议案件", "发生"), (25, "行政复议案件", "新收"), (2, "行政复议案件", "上年结转"), (26, "行政复议案件", "审结")]),
])
def test_to_whom_and_carried_over(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("开展执法检查210次，排查整改隐患930处，立案处罚17起。", [(210, "执法检查", ""), (930, "隐患", "排查整改"), (17, "案件", "立案处罚")]),
    ("受理违法线索48条，立案29件。", [(48, "违法线索", "受理"), (29, "案件", "立案")]),
    # (cases before keep their noun, as before)
    ("查处违法案件58件，结案55件。", [(58, "违法案件", "查处"), (55, "违法案件", "结案")]),
    ("防止民转刑案件3起。", [(3, "民转刑案件", "防止")]),
])
def test_a_bare_verb_of_cases_counts_cases(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("镇村干部参加学法考试115人。", [(115, "镇村干部", "参加学法考试")]),
    ("全县干部参加网上学法考试2.1万人次。", [(21000, "干部", "参加网上学法考试")]),
    # (what they did after the number, as before)
    ("全县2300名干部参加学法考试。", [(2300, "干部", "参加学法考试")]),
])
def test_people_counted_after_what_they_took_part_in(text, expected):
    assert _facts(text, "value", "subject", "predicate") == expected


@pytest.mark.parametrize("text, expected", [
    ("行政审批事项由原来的254项精简至176项，精简率30.7%。",
     [(254, "行政审批事项", "", "baseline"), (176, "行政审批事项", "精简至", "result"),
      (30.7, "行政审批事项精简率", "", "result")]),
    ("帮助农民工讨回欠薪280万元。", [(280, "欠薪", "讨回", "result")]),
])
def test_from_to_and_what_was_got_back(text, expected):
    assert _facts(text, "value", "subject", "verb", "status") == expected


@pytest.mark.parametrize("text, expected", [
    ("开展行政执法监督检查12次，发现并纠正问题64个。", [(12, "行政执法监督检查", ""), (64, "问题", "发现并纠正")]),
    ("排查并化解矛盾纠纷47件。", [(47, "矛盾纠纷", "排查并化解")]),
    # (并 opening a word is no joiner: 并网)
    ("建成并网发电项目3个。", [(3, "并网发电项目", "建成")]),
])
def test_verbs_joined_by_bing(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("共办理行政复议案件49件，其中作出维持决定31件，撤销3件，驳回8件，终止7件。",
     [(49, "行政复议案件", "办理"), (31, "行政复议案件", "维持"), (3, "行政复议案件", "撤销"),
      (8, "行政复议案件", "驳回"), (7, "行政复议案件", "终止")]),
    # (a decision counted alone is the noun)
    ("全年作出行政处罚决定312件。", [(312, "行政处罚决定", "作出")]),
])
def test_decisions_on_the_cases_are_their_verbs(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("涉企经营许可事项实行清单管理，共梳理事项487项。", "涉企经营许可事项"),
    ("本次法治政府自查中，共提交相关材料40余份。", "法治政府自查材料"),
    ("在专项整治中，共发现问题29个。", "专项整治问题"),
    # (no name before: the head as it is)
    ("全年共发现问题29个。", "问题"),
])
def test_a_bare_head_named_before(text, expected):
    assert extract_indicators(text)[0]["subject"] == expected


@pytest.mark.parametrize("text, expected", [
    # 上 after a meeting is where it happened, no 以上; the meeting is what is counted
    ("县长在县政府党组会议上7次专题研究法治政府建设工作。", [(7, "县政府党组会议", "")]),
    ("在政府常务会议上48次研究相关议题。", [(48, "政府常务会议", "")]),
    # (上 before a round magnitude is 以上, as before)
    ("覆盖群众上万人次。", [(10000, "群众", "以上")]),
])
def test_on_a_meeting_is_where(text, expected):
    assert _facts(text, "value", "subject", "qualifier") == expected


@pytest.mark.parametrize("text, expected", [
    # instructions counted keep what they were on, two of one report stay apart
    ("县委书记先后对依法治县工作作出批示11次，县长对法治政府建设工作作出批示7次。",
     [(11, "依法治县批示", "作出", ""), (7, "法治政府建设批示", "作出", "")]),
    # people counted after their noun, then what each did
    ("志愿者等2600余人各司其职，共同参与疫情防控。", [(2600, "志愿者", "", "各司其职")]),
    ("网格员、志愿者等1100余人各尽其责。", [(1100, "网格员、志愿者", "", "各尽其责")]),
    # a step after which something was done goes with the verb
    ("集中观察298人，其中观察期满解除74人。", [(298, "集中观察", "", ""), (74, "集中观察", "观察期满解除", "")]),
])
def test_instructions_people_and_steps(text, expected):
    assert _facts(text, "value", "subject", "verb", "predicate") == expected


def test_each_did_their_part_with_more_said():
    f = extract_indicators("党员干部、志愿者等4800余人各司其职、共同抗疫。")[0]
    assert (f["subject"], f["predicate"]) == ("党员干部、志愿者", "各司其职、共同抗疫")


@pytest.mark.parametrize("text, expected", [
    # bodies counted, then what they did to the things of the next number
    ("15个委办局对164个事项实施告知承诺。", [(15, "委办局", "对164个事项实施告知承诺"), (164, "事项", "实施告知承诺")]),
    ("组织4家单位对36个项目开展评估。", [(4, "单位", "对36个项目开展评估"), (36, "项目", "开展评估")]),
])
def test_bodies_act_on_the_next_things(text, expected):
    assert _facts(text, "value", "subject", "predicate") == expected


@pytest.mark.parametrize("text, expected", [
    ("全年共审查各类合同46份，提出意见建议63条。", "审查意见建议"),
    ("审核镇政府文件18件，提出意见9条。", "审核意见"),
    # (opinions after no review keep their noun)
    ("组织座谈会3场，提出意见建议40条。", "意见建议"),
])
def test_opinions_of_a_review(text, expected):
    assert extract_indicators(text)[-1]["subject"] == expected


@pytest.mark.parametrize("text, expected", [
    # a condition put on the people counted is no noun of them
    ("为2900名符合条件的外出务工人员提供免费体检服务。", [(2900, "外出务工人员", "提供免费体检服务")]),
    ("为1.1万名符合条件的困难群众发放救助金。", [(11000, "困难群众", "发放救助金")]),
    ("全县符合条件的困难群众1.3万人。", [(13000, "困难群众", "")]),
])
def test_a_condition_is_no_noun(text, expected):
    assert _facts(text, "value", "subject", "predicate") == expected


@pytest.mark.parametrize("text, expected", [
    # what all the bracketed places did is what is said of them, not part of their noun
    ("全镇11个村（社区）均配备法律顾问。", [(11, "村社区", "配备法律顾问")]),
    ("全县36个村（社区）均建成法治文化宣传栏。", [(36, "村社区", "建成法治文化宣传栏")]),
])
def test_what_all_the_places_did(text, expected):
    assert _facts(text, "value", "subject", "predicate") == expected
