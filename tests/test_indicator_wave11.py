"""Wave 11: numbers of a list that share one unit, with or without 分别 (新建农村公路35、28公里); verbs listed
after 分别 go one to each number (分别受理、办结…45件、43件); a streak (连续8个季度) is no count and no part of
the noun; a benchmark is the predicate of what is compared with it (比全国, 比全市: one to each number).
Sentences in the layouts of real report pages; our own wording and figures."""

from __future__ import annotations

import pytest

from fazhi.indicators import extract_indicators


def _facts(text: str, *keys: str) -> list[tuple]:
    keys = keys or ("value", "subject", "verb")
    return [tuple(f[k] for k in keys) for f in extract_indicators(text)]


@pytest.mark.parametrize("text, expected", [
    # bare numbers before the one with the unit share it, with no 分别
    ("全年新建改造农村公路35、28公里。", [(35, "农村公路", "新建改造"), (28, "农村公路", "新建改造")]),
    ("建成5G基站320、650和1200个。", [(320, "5G基站", "建成"), (650, "5G基站", "建成"), (1200, "5G基站", "建成")]),
    ("完成造林1.2和0.8万亩。", [(12000, "造林", "完成"), (8000, "造林", "完成")]),
    # (an ordinal's list and a year's are no numbers of the list)
    ("第1、2批示范村共15个。", [(15, "第1、2批示范村", "")]),
    ("2022、2023年累计培训500人次。", [(500, "培训人次", "")]),  # (wave 15: people a bare verb was done to)
    # verbs after 分别, one to each number; verbs before it as before
    ("分别受理、办结行政复议案件45件、43件。", [(45, "行政复议案件", "受理"), (43, "行政复议案件", "办结")]),
    ("全年分别新收和审结一审行政案件120件、118件。", [(120, "一审行政案件", "新收"), (118, "一审行政案件", "审结")]),
    ("受理、办结行政复议案件分别为120、118件。", [(120, "行政复议案件", "受理"), (118, "行政复议案件", "办结")]),
])
def test_numbers_of_a_list_share_its_unit(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a streak is how long a level held: no fact, no part of the noun
    ("城镇登记失业率连续8个季度控制在3%以内。", [(3, "城镇登记失业率", "以下")]),
    ("粮食总产量连续十年稳定在50万吨以上，城镇登记失业率连续8个季度控制在3%以内。",
     [(500000, "粮食总产量", "以上"), (3, "城镇登记失业率", "以下")]),
    ("群众满意度连续12个月保持在98%以上。", [(98, "群众满意度", "以上")]),
    # a milestone passed is no count
    ("地区生产总值迈上两个新台阶，人均GDP突破8万元。", [(8, "人均GDP", "超过")]),
])
def test_a_streak_is_no_count(text, expected):
    assert _facts(text, "value", "subject", "qualifier") == expected


@pytest.mark.parametrize("text, expected", [
    ("城镇居民人均可支配收入增速比全国、自治区和全市高4.2、4.3和3.2个百分点。",
     [(4.2, "城镇居民人均可支配收入增速", "比全国", "baseline"),
      (4.3, "城镇居民人均可支配收入增速", "比自治区", "baseline"),
      (3.2, "城镇居民人均可支配收入增速", "比全市", "baseline")]),
    ("规上工业增加值增速高于全市平均水平2.1个百分点。", [(2.1, "规上工业增加值增速", "全市平均水平", "baseline")]),
    # items before 分别 keep one each, the benchmark is shared
    ("一般公共预算收入、固定资产投资增速分别比全省平均水平高1.5和3.2个百分点。",
     [(1.5, "一般公共预算收入", "比全省平均水平", "baseline"), (3.2, "固定资产投资增速", "比全省平均水平", "baseline")]),
    ("城镇和农村居民人均可支配收入增速分别比全市高0.5和1.2个百分点。",
     [(0.5, "城镇居民人均可支配收入增速", "比全市", "baseline"), (1.2, "农村居民人均可支配收入增速", "比全市", "baseline")]),
])
def test_a_benchmark_is_the_predicate(text, expected):
    assert _facts(text, "value", "subject", "predicate", "status") == expected


@pytest.mark.parametrize("text, expected", [
    # a verb that names the things counted right after their number
    ("全年新增5项服务实现“跨省通办”。", [(5, "服务", "新增", "实现跨省通办")]),
    ("开展送法下乡活动，提供30场培训。", [(30, "培训", "提供", "")]),
    ("推出12项服务纳入“一件事一次办”。", [(12, "服务", "推出", "纳入一件事一次办")]),
    # verbs joined by 、 or 和 share their noun; 研究 is a verb only so joined
    ("审查、备案政府合同122件。", [(122, "政府合同", "审查、备案", "")]),
    ("市政府常务会议专题学法6次，听取和研究法治建设工作8次。",
     [(6, "市政府常务会议专题学法", "", ""), (8, "法治建设工作", "听取和研究", "")]),
    ("研究和办理各类涉法事务57件。", [(57, "涉法事务", "研究和办理", "")]),
    ("区政府常务会议专题研究法治政府建设工作6次。", [(6, "区政府常务会议专题研究法治政府建设工作", "", "")]),
])
def test_verbs_and_the_noun_they_count(text, expected):
    assert _facts(text, "value", "subject", "verb", "predicate") == expected


@pytest.mark.parametrize("text, expected", [
    # events of one name held by two bodies of a paragraph take each its body
    ("市委理论学习中心组举办了2次专题报告会、5次专题学法，市政府常务会议举办2次专题报告会、4次专题学法。",
     [(2, "市委理论学习中心组专题报告会"), (5, "市委理论学习中心组专题学法"), (2, "市政府常务会议专题报告会"),
      (4, "市政府常务会议专题学法")]),
    ("县委常委会组织集中学法12次，县政府常务会议集中学法8次。",
     [(12, "县委常委会集中学法"), (8, "县政府常务会议集中学法")]),
    # one body: the event keeps its name alone
    ("县委常委会组织集中学法12次。", [(12, "集中学法")]),
    # (a count with no body of its own says nothing of bodies)
    ("区政府常务会议专题学法6次，全年开展专题学法12次。", [(6, "区政府常务会议专题学法"), (12, "专题学法")]),
])
def test_bodies_keep_events_of_one_name_apart(text, expected):
    assert _facts(text, "value", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # what is said of the things counted names their category
    ("全市6个村（社区）获评全国民主法治示范村（社区）。", [(6, "model_villages")]),
    ("为辖区11个社区配备了兼职法律顾问。", [(11, "legal_advisers")]),
    # the words left of the fact before are its own, not the next one's
    ("全市6个村（社区）获评全国民主法治示范村（社区），3项试点改革事项入选全省改革先行区名单。",
     [(6, "model_villages"), (3, "other")]),
    # (with no fact before, the segment's opening words still name it; a short verb after a fact takes its)
    ("深入开展法治宣传教育，全年共发放1.2万份。", [(12000, "publicity_events")]),
    ("受理行政复议案件91宗，依法办结85宗。", [(91, "reconsideration"), (85, "reconsideration")]),
])
def test_category_of_what_is_said(text, expected):
    assert _facts(text, "value", "category") == expected


@pytest.mark.parametrize("text, expected", [
    # a generic audience takes the event named without a count in the clause before
    ("举办领导干部法治专题培训班，培训学员500人。", [(500, "法治专题培训班培训学员")]),
    ("组织开展“法律明白人”培训，参训人员1200余人。", [(1200, "法律明白人培训参训人员")]),
    # an event count before it names it as before
    ("举办系列讲座27期，培训学员4300余人次。", [(27, "系列讲座"), (4300, "系列讲座培训学员")]),
    # (no event named: the audience alone)
    ("全年培训学员500人。", [(500, "培训学员")]),
])
def test_an_audience_takes_the_event_before(text, expected):
    assert _facts(text, "value", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # nouns listed with their numbers after one verb take it
    ("全年共审核规范性文件12件、重大行政决策事项5件，提出法律意见建议230余条。",
     [(12, "规范性文件", "审核"), (5, "重大行政决策事项", "审核"), (230, "法律意见建议", "提出")]),
    ("办理人大代表建议86件、政协委员提案112件。", [(86, "人大代表建议", "办理"), (112, "政协委员提案", "办理")]),
    ("受理行政复议案件91宗、行政诉讼案件20件。", [(91, "行政复议案件", "受理"), (20, "行政诉讼案件", "受理")]),
    # (a verb of its own, another kind of unit, a clause apart: nothing carried)
    ("新建学校3所、改造道路5条。", [(3, "学校", "新建"), (5, "道路", "改造")]),
    ("开展法治讲座12场、发放资料3000份。", [(12, "法治讲座", ""), (3000, "资料", "发放")]),
    ("受理行政复议案件91宗，行政诉讼案件20件。", [(91, "行政复议案件", "受理"), (20, "行政诉讼案件", "")]),
])
def test_a_verb_goes_to_the_nouns_listed_after_it(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # books and certificates are counted in 本; 本 opening a word is none
    ("新申领执法证件213本，换发执法证件96本。", [(213, "执法证件", "新申领"), (96, "执法证件", "换发")]),
    ("发放普法书籍2000余本。", [(2000, "普法书籍", "发放")]),
    ("本年度共办理案件35件，建立“一本账”，推行一本通服务。", [(35, "案件", "办理")]),
])
def test_books_and_certificates(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # things listed with one number each: one fact per item
    ("召开县委全面依法治县委员会会议、办公室会议各1次，对全年工作进行安排部署。",
     [(1, "县委全面依法治县委员会会议", ""), (1, "办公室会议", "")]),
    # a head naming nothing alone keeps the last example before 等
    ("全年共办理公共场所卫生许可、医疗机构变更校验、消毒产品许可等业务5650件。", [(5650, "消毒产品许可等业务", "办理")]),
    ("现区级保留的政务服务事项515项，公共服务等其他事项297项。",
     [(515, "政务服务事项", "保留"), (297, "公共服务等其他事项", "")]),
    ("开展“法律进企业”“法律进社区”等活动35场次。", [(35, "法律进社区等活动", "")]),
    # people counted by the honour they won
    ("1人获全省市场监管执法竞赛第一名。", [(1, "获奖人员", "")]),
    ("2人荣获“全国人民调解能手”称号。", [(2, "获奖人员", "")]),
    ("全市有3名调解员获评全省优秀人民调解员。", [(3, "调解员", "")]),
])
def test_each_examples_and_winners(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # whom events reached takes the events
    ("组织开展“政策通”等17场品牌活动，覆盖企业1500余家次。", [(17, "品牌活动", ""), (1500, "品牌活动覆盖企业", "")]),
    ("开展普法讲座20场，惠及群众3000余人次。", [(20, "普法讲座", ""), (3000, "普法讲座惠及群众", "")]),
    ("全年办理案件300件，服务群众2000人次。", [(300, "案件", ""), (2000, "群众", "")]),
    # a meeting counted by the light verb of its list, then what it did
    ("召开市委全面依法治市委员会会议4次、市政府常务会议11次研究部署法治政府建设工作。",
     [(4, "市委全面依法治市委员会会议", ""), (11, "市政府常务会议", "研究部署法治政府建设工作")]),
    ("区政府常务会议3次听取法治政府建设工作汇报。", [(3, "法治政府建设工作汇报", "")]),
    # where the things counted went, a frame 从…中 and an aside end what is said of them
    ("2021年我镇组织宣讲团6个到各村（社区）大力宣传宪法。", [(6, "宣讲团", "")]),
    ("从7个申报地区和228个申报项目中优选2个综合地区参评。",
     [(7, "地区", ""), (228, "项目", ""), (2, "综合地区", "参评")]),
    ("完成全市473名党政主要负责人述法（其中21名进行现场述法）。",
     [(473, "党政主要负责人", "述法"), (21, "党政主要负责人", "")]),
])
def test_whom_events_reached_and_what_meetings_did(text, expected):
    assert _facts(text, "value", "subject", "predicate") == expected


@pytest.mark.parametrize("text, expected", [
    # a bare study count takes the body that studies named earlier in its sentence
    ("将全面依法治国新理念新思想新战略纳入党委中心组学习内容，全年学习12次。", [(12, "党委中心组学习")]),
    ("局党委将习近平法治思想作为理论学习中心组学习重要内容，全年开展专题学习2次。", [(2, "理论学习中心组专题学习")]),
    ("区委理论学习中心组把习近平法治思想列为重要内容，全年开展集中学习6次。", [(6, "区委理论学习中心组集中学习")]),
    # (no body, or a count between: the study alone)
    ("全年开展专题学习2次。", [(2, "专题学习")]),
    ("区政府常务会议学法6次，全年开展专题学习2次。", [(6, "区政府常务会议学法"), (2, "专题学习")]),
])
def test_a_study_takes_the_body_named_before(text, expected):
    assert _facts(text, "value", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # the bodies are counted, not the part of their things after them
    ("全面梳理行政权力事项，9个部门部分行政权力事项已调整到位。", [(9, "部门", "部分行政权力事项已调整到位")]),
    ("12个村部分村民参加培训。", [(12, "村", "部分村民参加培训")]),
])
def test_bodies_before_a_part_of_their_things(text, expected):
    assert _facts(text, "value", "subject", "predicate") == expected


@pytest.mark.parametrize("text, expected", [
    # a bare rate whose words name the fact before is that fact's
    ("全县共有行政执法主体56个，持证执法人员1320人，持证率100%。",
     [(56, "行政执法主体"), (1320, "持证执法人员"), (100, "执法人员持证率")]),
    ("城乡居民医保参保人数4.6万人，参保率97%。", [(46000, "城乡居民医保参保人数"), (97, "城乡居民医保参保率")]),
    # (a number of people names none of its own; a rate of other words takes the topic)
    ("全区参保人数12.5万人，参保率98%。", [(125000, "参保人数"), (98, "参保率")]),
    ("受理信访件86件，办结率100%。", [(86, "信访件"), (100, "信访件办结率")]),
])
def test_a_rate_of_the_fact_before_by_its_words(text, expected):
    assert _facts(text, "value", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # bare rates sharing one number take the sentence's first count
    ("办理群众反映问题388件，办结率、满意率均达100%。",
     [(388, "群众反映问题"), (100, "群众反映问题办结率"), (100, "群众反映问题满意率")]),
    # a verb and its object that name an event; kinds of event listed together
    ("召开征求意见座谈会4场次。", [(4, "征求意见座谈会")]),
    ("举办各类法治专题学习培训、辅导讲座200余场次。", [(200, "法治专题学习培训、辅导讲座")]),
    ("观摩庭审活动5场。", [(5, "庭审活动")]),
    # whom an event count before trained; 学习培训 is one activity
    ("累计举办法治培训10期，培训1170余人次。", [(10, "法治培训"), (1170, "法治培训")]),
    ("累计学习培训300余人次。", [(300, "学习培训")]),
    # a named study right after its body
    ("特区党委理论学习中心组专题学习习近平法治思想2次。", [(2, "中心组专题学习习近平法治思想")]),
    # (the last of several bodies listed is none of them)
    ("县委常委会、县委理论学习中心组学习习近平法治思想4次。", [(4, "学习习近平法治思想")]),
    ("全年学习习近平法治思想6次。", [(6, "学习习近平法治思想")]),
])
def test_events_studies_and_shared_rates(text, expected):
    assert _facts(text, "value", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # 百分点 without 个, letters in 封
    ("行政诉讼一审败诉率7.22%、同比下降5.94百分点。", [(7.22, "%", "行政诉讼一审败诉率"), (5.94, "个百分点", "行政诉讼一审败诉率")]),
    ("已公开处理群众来信6封。", [(6, "封", "公开处理群众来信")]),
    # the fields of work before what was given; 将 after the things counted opens what was done with them
    ("在合同审查、信访化解等方面提供法律意见建议25条。", [(25, "条", "法律意见建议")]),
    ("25个基层党支部将习近平法治思想纳入支部主题党日学习。", [(25, "个", "基层党支部")]),
    ("先后安排部署重点任务50余项。", [(50, "项", "重点任务")]),
])
def test_units_and_frames_of_wave11(text, expected):
    assert _facts(text, "value", "unit", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # bodies before their things and the things' own number
    ("共涉及31个部门行政职权事项3437项。", [(31, "部门"), (3437, "行政职权事项")]),
    ("全县18个乡镇行政执法人员360名参加培训。", [(18, "乡镇"), (360, "行政执法人员")]),
    # (words that name the next fact after a noun of its own stay the next fact's)
    ("发放宣传册500余份律师进村宣讲3次。", [(500, "宣传册"), (3, "律师进村宣讲")]),
])
def test_bodies_before_the_number_of_their_things(text, expected):
    assert _facts(text, "value", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # the verb of a relative clause right before the number
    ("承接省级要求下放的35项经济社会服务事项。", [(35, "经济社会服务事项", "下放")]),
    ("建成的15个村级调解室全部投入使用。", [(15, "村级调解室", "建成")]),
    ("符合条件的12家企业。", [(12, "符合条件企业", "")]),
    # a frame of what was followed names nothing; 除 opens an exception of the things before
    ("按照权责清单10类调整情形。", [(10, "情形", "调整")]),
    ("根据工作需要新增事项12项。", [(12, "事项", "新增")]),
    ("承接下放的35项服务事项，除3项因条件不具备无法承接外，其余已全部承接。",
     [(35, "服务事项", "承接下放"), (3, "服务事项", "")]),
])
def test_relative_verbs_and_frames(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 需要, 只要, 重要 are no 要 of a plan
    ("根据工作需要新增事项12项。", [(12, "result")]),
    ("今年要新建学校3所。", [(3, "target")]),
])
def test_no_plan_in_needs(text, expected):
    assert _facts(text, "value", "status") == expected


@pytest.mark.parametrize("text, expected", [
    # one verb before a list of things of the same sort; its things named after the numbers too
    ("审查规范性文件10件、合同70余份。", [(10, "规范性文件", "审查"), (70, "合同", "审查")]),
    ("新建立了7个商会人民调解委员会、2个行业协会人民调解委员会。",
     [(7, "商会人民调解委员会", "建立"), (2, "行业协会人民调解委员会", "建立")]),
    # (实际使用外资 is the name of a statistic, growth of it included)
    ("实际使用外资同比增长67%。", [(67, "实际使用外资", "同比增长")]),
    # nouns opening with a verb or a manner word stay whole
    ("精准帮扶544户监测对象。", [(544, "监测对象", "帮扶")]),
    ("争取上级转移支付31.8亿元。", [(31.8, "上级转移支付", "")]),
    ("行政处理11件。", [(11, "行政处理", "")]),
    ("行政诉讼案件31件，已判决27件。", [(31, "行政诉讼案件", ""), (27, "行政诉讼案件", "判决")]),
    # money named by a verb alone; a threshold with 超 is no amount
    ("办理“税银贷”12.7亿元、退税8800万元。", [(12.7, "税银贷", "办理"), (8800, "退税", "")]),
    ("新增年收入超50万元的经济强村5个。", [(5, "经济强村", "新增")]),
    # 家政 is a word, 49家政府部门 a count
    ("对49家政府部门权责清单开展合法性审查，培育家政服务企业12家。",
     [(49, "政府部门权责清单", ""), (12, "家政服务企业", "培育")]),
])
def test_lists_nouns_and_money_of_wave11(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bare rate right after a count of its own is that count's
    ("平台录入政务服务事项980项，全程“不见面”审批事项514项，可办率达52%。",
     [(980, "政务服务事项"), (514, "全程不见面审批事项"), (52, "全程不见面审批事项可办率")]),
    ("全年行政复议20件、行政诉讼33件，出庭率100%。", [(20, "行政复议"), (33, "行政诉讼"), (100, "行政诉讼出庭率")]),
    # (after a part of a count, the count's)
    ("出庭52宗（其中正职19宗），出庭应诉率100%。", [(52, "出庭"), (19, "正职出庭"), (100, "出庭应诉率")]),
    # a small count of the parts of a method is no fact
    ("采取“书面+台面”两种形式，紧盯源头、过程、结果三个关键环节。", []),
])
def test_rates_and_method_parts(text, expected):
    assert _facts(text, "value", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # a cue with its own 下同 holds to the end of its line
    ("预计（下同）全年实现生产总值280亿元，增长6.5%。引进项目18个，园区实现总收入220亿元，同比增长16%。\n新建学校3所。",
     [(280, "target"), (6.5, "target"), (18, "target"), (220, "target"), (16, "target"), (3, "result")]),
])
def test_a_cue_carried_on_by_its_own_note(text, expected):
    assert _facts(text, "value", "status") == expected


@pytest.mark.parametrize("text, expected", [
    # a bare amount after a count of its sentence is that count's
    ("对符合条件的162家市场主体免予处罚，涉及金额58.6万元。", [(162, "符合条件市场主体"), (58.6, "免予处罚金额")]),
    ("办理行政处罚案件35件，涉案金额120万元。", [(35, "行政处罚案件"), (120, "行政处罚案件涉案金额")]),
    ("4个特别国债项目已获批，争取资金10.1亿元。", [(4, "特别国债项目"), (10.1, "特别国债项目资金")]),
    ("签约亿元以上项目27个、投资规模112亿元。", [(27, "亿元以上项目"), (112, "亿元以上项目投资规模")]),
    # (罚没款 names itself; money with no count before it stays)
    ("争取资金10.1亿元。", [(10.1, "资金")]),
    ("全年共办理行政处罚案件1268件，罚没款856.3万元。", [(1268, "行政处罚案件"), (856.3, "罚没款")]),
])
def test_an_amount_involved_is_the_counts(text, expected):
    assert _facts(text, "value", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # a noun of the table that opens with a verb is what is counted
    ("实行告知承诺12项，优化审批服务43项。", [(12, "告知承诺", "实行"), (43, "审批服务", "优化")]),
    ("实现全省3635项服务事项“就近收件、异地受理、远程办理”。", [(3635, "服务事项", "")]),
])
def test_nouns_opening_with_a_verb(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title right before the number, or earlier in the sentence for a bare 事项, names what is counted
    ("印发《长春市政府部门权责事项清单》4133项。", [(4133, "长春市政府部门权责事项清单", "印发")]),
    ("更新《三亚市市级权力清单》，梳理事项6392项。", [(6392, "市级权力清单事项", "梳理")]),
    ("编制《政务服务事项目录》，梳理事项清单177项。", [(177, "政务服务事项目录", "梳理")]),
    ("梳理事项120项。", [(120, "事项", "梳理")]),
    # a verb opening a word of the noun is none (开发区), nor a preposition's place list
    ("依法向县（市）区、开发区下放行政权力共计1866项。", [(1866, "行政权力", "下放")]),
    # the rest of a count: 另 names nothing, 尚未 opens what is said
    ("行政诉讼案件3件，维持1件，另2件尚未作出判决。",
     [(3, "行政诉讼案件", ""), (1, "行政诉讼案件", "维持"), (2, "行政诉讼案件", "")]),
    # a year inside a coordination or what is said is no figure of it
    ("6000余名政府领导干部和工作人员参加2022年度宪法法律知识考试。", [(6000, "政府领导干部和工作人员", "")]),
])
def test_titles_places_and_rests(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # things counted, then how a measure of theirs changed by the next number
    ("266个高频事项效率提升30%以上。", [(266, "高频事项", ""), (30, "高频事项效率", "提升")]),
    ("85个事项办理时限压缩60%。", [(85, "事项", ""), (60, "事项办理时限", "压缩")]),
])
def test_things_and_a_measure_of_theirs(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the government's own level says so, apart from its area
    ("全市共办件3.1万件，其中行政许可16634件；市本级共办件9651件，其中行政许可9310件。",
     [(31000, "办件"), (16634, "行政许可"), (9651, "市本级办件"), (9310, "市本级行政许可")]),
    # a manner or a reason before the verb is no thing: the sentence's first count names it
    ("共清理出存量政策文件101件，目前合规保留36件，其他原因废止65件。",
     [(101, "存量政策文件"), (36, "存量政策文件"), (65, "存量政策文件")]),
    # a score takes the assessment of its frame
    ("我局在2020年度法治中山考评中得分102.25分。", [(102.25, "法治中山考评得分")]),
    # meetings after examples keep the last; 开展情况 is a noun; a date is no part of the noun
    ("先后召开县委常委会、政府常务会、依法治县委员会等会议12次。", [(12, "依法治县委员会等会议")]),
    ("公示法治政府建设工作开展情况信息52条。", [(52, "法治政府建设工作开展情况信息")]),
    ("办理服务包企业诉求截至10月共165条。", [(165, "服务包企业诉求")]),
])
def test_levels_manners_scores_and_dates(text, expected):
    assert _facts(text, "value", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # a verb before a one-character place counted is no part of it
    ("全区新增两个镇，新建5个村。", [(2, "镇", "新增"), (5, "村", "新建")]),
    # (a verb chain keeps its object's word: 帮扶村)
    ("挂钩帮扶村32个。", [(32, "帮扶村", "挂钩")]),
])
def test_a_verb_before_a_one_character_place(text, expected):
    assert _facts(text) == expected
