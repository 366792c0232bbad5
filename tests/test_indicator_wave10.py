"""Wave 10: a plain growth of the year is its result, a growth is a baseline when the sentence or a
note names the comparison; a bracketed note after a number gives its status (（预计）, （同比，下同）);
the time a service takes (3个工作小时内办结) is a fact, a time a rule sets (应于5个工作日内办结) is not;
a share of things says what they are after it (100%全程网办). Sentences in the layouts of real report
pages; our own wording and figures."""

from __future__ import annotations

import pytest

from fazhi.indicators import extract_indicators


def _facts(text: str, *keys: str) -> list[tuple]:
    keys = keys or ("value", "subject", "status")
    return [tuple(f[k] for k in keys) for f in extract_indicators(text)]


@pytest.mark.parametrize("text, expected", [
    # a note right after the number is its own
    ("全县地区生产总值增长6.5%（预计），规上工业增加值增长7%。",
     [(6.5, "地区生产总值", "target"), (7, "规上工业增加值", "result")]),
    ("一般公共预算收入增长3.2%（同比）。", [(3.2, "一般公共预算收入", "baseline")]),
    # the amount before its growth shares the estimate
    ("实现地区生产总值412亿元，增长5.8%（预计），固定资产投资增长6%。",
     [(412, "地区生产总值", "target"), (5.8, "地区生产总值", "target"), (6, "固定资产投资", "result")]),
    # 下同: the note holds for the later figures of the paragraph; an estimate wins over a comparison
    ("全年地区生产总值538亿元，增长6.2%（预计，同比，下同），规模工业增加值240亿元，增长7.5%；社会消费品零售总额"
     "118亿元，增长4.1%。",
     [(538, "地区生产总值", "target"), (6.2, "地区生产总值", "target"), (240, "规模工业增加值", "target"),
      (7.5, "规模工业增加值", "target"), (118, "社会消费品零售总额", "target"),
      (4.1, "社会消费品零售总额", "target")]),
    # a comparison carried on makes the growths baselines, not the amounts
    ("地区生产总值326亿元，增长5.1%（同比，下同）；固定资产投资97亿元，增长9%。",
     [(326, "地区生产总值", "result"), (5.1, "地区生产总值", "baseline"), (97, "固定资产投资", "result"),
      (9, "固定资产投资", "baseline")]),
    # the note ends with its paragraph
    ("地区生产总值增长5%（预计，下同）。\n二、今年工作\n新建学校3所。", [(5, "地区生产总值", "target"), (3, "学校", "result")]),
    # a bracket that is no status note changes nothing
    ("税收收入12亿元（含土地出让收入），增长4%。", [(12, "税收收入", "result"), (4, "税收收入", "result")]),
])
def test_a_note_after_a_number_gives_its_status(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("企业设立登记3个工作小时内办结，印章刻制2个工作小时内办结。",
     [(3, "企业设立登记", "工作小时", "以下"), (2, "印章刻制", "工作小时", "以下")]),
    ("不动产登记1个工作日内办结。", [(1, "不动产登记", "工作日", "以下")]),
    ("企业开办1个工作日（8个工作小时）办结。", [(1, "企业开办", "工作日", ""), (8, "企业开办", "工作小时", "")]),
    # a limit set by a rule or promised is no result
    ("群众来信在3个工作日内办结。", []),
    ("对符合条件的申请应于5个工作日内办结。", []),
    ("承诺3个工作日内办结。", []),
    ("审批通过后3天内公示。", []),
])
def test_the_time_a_service_takes_is_a_fact_a_time_a_rule_sets_is_not(text, expected):
    assert _facts(text, "value", "subject", "unit", "qualifier") == expected


@pytest.mark.parametrize("text, expected", [
    ("区级政务服务事项实现100%全程网办。", [(100, "政务服务事项", "全程网办")]),
    ("全县行政执法人员100%持证上岗。", [(100, "行政执法人员", "持证上岗")]),
    ("依申请政务服务事项实现100%“最多跑一次”。", [(100, "依申请政务服务事项", "最多跑一次")]),
    # a rate named by its own words has nothing after it to say
    ("全区村（社区）法律顾问覆盖率达100%。", [(100, "村社区法律顾问覆盖率", "")]),
    ("群众满意度达到98.5%以上，位居全市第一。", [(98.5, "群众满意度", "")]),
])
def test_a_share_of_things_says_what_they_are_after_it(text, expected):
    assert _facts(text, "value", "subject", "predicate") == expected


@pytest.mark.parametrize("text, expected", [
    # a size class followed by the count of its class is no amount; alone it takes the class's noun
    ("签约亿元以上项目27个，其中3亿元以上17个、10亿元以上制造业项目5个。",
     [(27, "亿元以上项目", "签约"), (17, "3亿元以上项目", ""), (5, "10亿元以上制造业项目", "")]),
    ("新签约亿元以上项目12个、10亿元以上3个。", [(12, "亿元以上项目", "新签约"), (3, "10亿元以上项目", "新签约")]),
    # a numeral + 元 inside a name, one of a kind
    ("投资14亿元建设三元正极材料项目。", [(14, "三元正极材料项目投资", "")]),
    ("破除城乡二元结构。", []),
    ("该所获评全国先进，全省司法行政系统仅此一家。", []),
    # 拉动 is a verb; 中 ends a noun in a frame of candidates; 常态化 says how the counted act
    ("光伏产业拉动全县规上工业产值增速6.5个百分点。", [(6.5, "规上工业产值", "增速")]),
    ("从全国87个候选地区中脱颖而出。", [(87, "全国候选地区", "")]),
    ("好盈科技等74家企业常态化到我区开展测试。", [(74, "企业", "")]),
])
def test_size_classes_names_and_frames(text, expected):
    assert _facts(text, "value", "subject", "verb") == expected


@pytest.mark.parametrize("text, expected", [
    # the time a task took names the task; a spoken 万方 is 万立方米; an average per unit is a result
    ("60天完成2251.5亩征地拆迁，78天完成67座电力塔搬迁。",
     [(60, "征地拆迁", "天"), (2251.5, "征地拆迁", "亩"), (78, "电力塔搬迁", "天"), (67, "电力塔", "座")]),
    ("全年挖填土方1010万方。", [(1010, "挖填土方", "万立方米")]),
    # a rule per unit stays no fact
    ("每个村配备法律顾问1名。", []),
])
def test_time_taken_volumes_and_averages(text, expected):
    assert _facts(text, "value", "subject", "unit") == expected


def test_an_average_per_unit_is_a_result_not_a_rule():
    assert _facts("推行区域评估，平均为每个项目节约审查时限10天以上。", "value", "unit", "qualifier", "status") == [
        (10, "天", "以上", "result")]


@pytest.mark.parametrize("text, expected", [
    # money named after the amount
    ("投放4000万元消费券，大力培育线上消费。", [(4000, "消费券", "投放")]),
    ("安排32亿元政策配套资金支持实体经济发展。", [(32, "政策配套资金", "安排")]),
    ("设立75.6亿元产业发展基金。", [(75.6, "产业发展基金", "设立")]),
    ("筹集1.2亿元资金用于安置房建设。", [(1.2, "资金", "筹集")]),
    # (a word after the money word makes another noun: no money noun)
    ("争取上级资金3.2亿元。", [(3.2, "上级资金", "")]),
    # the total investment of the project after 的, the act before it no part of the noun
    ("加快建设总投资7.58亿元的县医院迁建项目。", [(7.58, "县医院总投资", "")]),
    ("开工建设总投资3亿元的污水处理厂。", [(3, "污水处理厂总投资", "开工建设")]),
    # a threshold with 超 before the class it sizes; a total of projects (no 超) stays
    ("全年招引总投资超30亿元或3亿美元产业项目2个、总投资超10亿元产业项目5个。",
     [(2, "投资超30亿元或3亿美元产业项目", "招引"), (5, "总投资超10亿元产业项目", "招引")]),  # (max_subject 16)
    ("签约总投资56亿元的项目12个。", [(56, "项目总投资", "签约"), (12, "项目", "")]),
    # verbs of the year's work
    ("报告指出，县政府将继续加大民生投入，扎实办好12件民生实事。", [(12, "民生实事", "办好")]),
])
def test_money_nouns_projects_and_thresholds(text, expected):
    assert _facts(text, "value", "subject", "verb") == expected


def test_a_list_announced_in_its_own_line_is_targets(tmp_path):
    from fazhi import read_corpus, textstat_indicators

    (tmp_path / "a.txt").write_text(
        "某县2021年政府工作报告\n过去一年，全县新建学校3所。\n报告指出，县政府将继续加大民生投入，重点抓好12件大事和"
        "民生实事。分别是：（1）新建农村公厕80座。（2）改造老旧小区6个。（3）新增停车位300个以上。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "某区2024年政府工作报告\n2023年，全区新增市场主体5200户。\n围绕上述目标任务，我们将重点抓好以下五方面工作：\n"
        "一、聚力产业发展\n招引亿元以上项目20个，新增规上工业企业15家。\n二、提升城市品质\n改造老旧小区8个。\n",
        encoding="utf-8")
    df = textstat_indicators(read_corpus(tmp_path))
    got = dict(zip(df["file"].str[-5:] + df["raw"], df["status"], strict=True))
    assert got == {"a.txt3所": "result", "a.txt80座": "target", "a.txt6个": "target",
                   "a.txt300个": "target", "a.txt12件": got["a.txt12件"],
                   "b.txt5200户": "result", "b.txt20个": "target", "b.txt15家": "target",
                   "b.txt8个": "target"}


@pytest.mark.parametrize("text, expected", [
    # a generic audience right after an event count is that event's (whole words, at most 8 characters)
    ("举办了27期系列讲座，培训学员4300余人次；县委党校举办中青年干部培训班2期，培训学员79人。",
     [(27, "系列讲座"), (4300, "系列讲座培训学员"), (2, "中青年干部培训班"), (79, "中青年干部培训班培训学员")]),
    ("开展宣传活动580余场次、受众15.7万余人。", [(580, "宣传活动"), (15.7e4, "宣传活动受众")]),
    ("开展法治讲座36期，全县领导干部累计参加人数达15万余人次。", [(36, "法治讲座"), (15e4, "法治讲座参加人数")]),
    # (not across a segment: the audience of another sentence part stays)
    ("开展法治讲座36期；培训学员800人次。", [(36, "法治讲座"), (800, "培训学员")]),
    # kinds of meeting listed after one count are counted together
    ("先后召开19次局党委会、局长办公会，研究审议法治建设重大问题。", [(19, "局党委会、局长办公会")]),
    ("召开专题会议3次、座谈会2次。", [(3, "专题会议"), (2, "座谈会")]),
])
def test_audiences_of_events_and_lists_of_meetings(text, expected):
    assert _facts(text, "value", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # the sessions of study are counted, not the laws studied (the bodies before go)
    ("县委常委会、县政府常务会、县委理论学习中心组集中学习习近平法治思想和相关法律法规4次，发放学习资料400余份。",
     [(4, "集中学习习近平法治思想"), (400, "学习资料")]),
    ("专题学习习近平法治思想3次。", [(3, "专题学习习近平法治思想")]),
    # a training of its own after the topic of study is the event counted
    ("组织开展新时代法治大讲堂学习贯彻党的二十大精神专题轮训5期。", [(5, "二十大精神专题轮训")]),
])
def test_study_sessions_are_counted_not_what_was_studied(text, expected):
    assert _facts(text, "value", "subject") == expected


def test_a_study_at_the_end_of_its_event_keeps_the_event():
    assert _facts("组织领导干部参加市委依法治市办新时代法治大讲堂学习5期。", "value", "subject") == [
        (5, "市委依法治市办新时代法治大讲堂学习")]


@pytest.mark.parametrize("text, expected", [
    # not a single one; a ranking's frame among the places of a province; a threshold of investment
    ("全县没有出现1例本土病例，没有采取1次静默管控措施。", []),
    ("在广西21个主城区中排名第三。", []),
    ("500万元以上固定资产投资增长5%。", [("5%", "500万元以上固定资产投资", "增长")]),
    # places visited; who is sent or takes part ends the noun
    ("检查居住社区1008个次。", [("1008个次", "居住社区", "检查")]),
    ("择优推荐5家单位参评全省法治政府建设示范地区。", [("5家", "单位", "推荐")]),
    ("组织100名医务人员驰援湖北。", [("100名", "医务人员", "")]),
    # 助力 and 率先 lead the verb; a share with no noun is named by what it says
    ("涉及案件231件，助力化解51件。", [("231件", "案件", "涉及"), ("51件", "案件", "化解")]),
    ("率先实现100%入户筛查。", [("100%", "入户筛查", "实现")]),
    # a harvest grown
    ("粮食总产26.92亿斤，增产0.94亿斤。", [("26.92亿斤", "粮食总产", ""), ("0.94亿斤", "粮食总产", "增产")]),
])
def test_none_rankings_visits_and_harvests(text, expected):
    assert _facts(text, "raw", "subject", "verb") == expected


@pytest.mark.parametrize("text, expected", [
    # the verb before named examples is the fact's; one named item counts the kind of the fact before
    ("2025年新增“农村宅基地审批初审”等3项权责事项，取消“临时摊点备案”1项。",
     [("3项", "权责事项", "新增", ""), ("1项", "权责事项", "取消", "临时摊点备案")]),
    ("承接“企业投资项目备案”、“建设工程消防验收”等12项市级权限。", [("12项", "市级权限", "承接", "")]),
    # a quoted noun that is the kind itself stays
    ("发放“法治明白卡”5000份。", [("5000份", "法治明白卡", "发放", "")]),
])
def test_named_items_of_a_list(text, expected):
    assert _facts(text, "raw", "subject", "verb", "predicate") == expected


@pytest.mark.parametrize("text, expected", [
    ("平均每镇（街道）梳理事项283项。", [("283项", "镇均事项")]),
    ("平均每村集体经济收入31.5万元。", [("31.5万元", "村均集体经济收入")]),
    ("全县村均集体经济收入31.5万元。", [("31.5万元", "村均集体经济收入")]),
])
def test_an_average_per_unit_says_so_in_the_subject(text, expected):
    assert _facts(text, "raw", "subject") == expected


def test_a_quoted_kind_launched_counts_its_own_kind():
    assert _facts("设置“高效办成一件事”受理窗口47个，推出“地方特色一件事”3个。", "raw", "subject", "verb") == [
        ("47个", "高效办成一件事受理窗口", "设置"), ("3个", "地方特色一件事", "推出")]


@pytest.mark.parametrize("text, expected", [
    ("受理控烟投诉，现场办理举报投诉13起，现场处理投诉16起。", [("13起", "举报投诉", "办理"), ("16起", "投诉", "处理")]),
    ("各起草单位对重大行政决策20份进行归档。", [("20份", "重大行政决策", "")]),
    ("避免近50件高败诉风险案件流入诉讼程序。", [("50件", "高败诉风险案件", "避免")]),
])
def test_on_the_spot_the_object_of_a_body_and_what_was_avoided(text, expected):
    assert _facts(text, "raw", "subject", "verb") == expected


@pytest.mark.parametrize("text, status", [
    # 将 as 把 before a verb of placing is no future
    ("聚焦工作目标，将创建全国法治政府建设示范区写入政府工作报告，从全国87个候选地区中脱颖而出。", "result"),
    ("全县将法治建设纳入年度考核，考核单位42个。", "result"),
    # a future 将 stays a target
    ("明年将新建调解室5个。", "target"),
    ("下一步，将法治建设纳入年度考核，力争培训干部300人次。", "target"),
])
def test_jiang_as_ba_is_no_future(text, status):
    assert [f["status"] for f in extract_indicators(text)] == [status]


@pytest.mark.parametrize("text, expected", [
    # a bare 投资 / 资金 is named by what it built or paid for right after it
    ("整合阵地资源，投资50万元建成集红色教育、法治宣传、纠纷调解于一体的红色法治基地。", [("50万元", "红色法治基地投资")]),
    ("投入资金300万元用于村级活动场所建设。", [("300万元", "村级活动场所建设资金")]),
    ("投资1200万元新建村级综合服务中心。", [("1200万元", "村级综合服务中心投资")]),
    # (not across a clause, nor a named investment)
    ("争取资金800万元，实施农村公路改造。", [("800万元", "资金")]),
    ("完成固定资产投资12亿元。", [("12亿元", "固定资产投资")]),
])
def test_money_named_by_what_it_built(text, expected):
    assert _facts(text, "raw", "subject") == expected


@pytest.mark.parametrize("text, expected", [
    # a figure compared with a benchmark: what is compared, the comparison, a baseline
    ("城镇居民人均可支配收入增速比全国、自治区和全市高4.2、4.3和3.2个百分点。",
     [("4.2", "城镇居民人均可支配收入增速", "高", "baseline"), ("4.3", "城镇居民人均可支配收入增速", "高", "baseline"),
      ("3.2个百分点", "城镇居民人均可支配收入增速", "高", "baseline")]),
    ("居民消费价格指数低于全省居民消费价格指数0.2个百分点。", [("0.2个百分点", "居民消费价格指数", "低于", "baseline")]),
    ("规上工业增加值增速高于全市平均水平2.1个百分点。", [("2.1个百分点", "规上工业增加值增速", "高于", "baseline")]),
    # a comparison opening its clause is of the fact before
    ("居民消费价格累计同比上涨1.3%，低于全省居民消费价格指数0.2个百分点。",
     [("1.3%", "居民消费价格", "上涨", "baseline"), ("0.2个百分点", "居民消费价格", "低于", "baseline")]),
    # (占比提高 is no comparison with a benchmark)
    ("高新技术产业增加值占比提高2.1个百分点。", [("2.1个百分点", "高新技术产业增加值占比", "提高", "result")]),
    # (a target compared with a benchmark stays a target)
    ("力争地区生产总值增速高于全省平均水平1个百分点。", [("1个百分点", "地区生产总值增速", "高于", "target")]),
])
def test_a_figure_compared_with_a_benchmark(text, expected):
    assert _facts(text, "raw", "subject", "verb", "status") == expected


@pytest.mark.parametrize("text, expected", [
    # who took part in or completed the event of the clause before
    ("举办全区科级干部集中轮训班，1100余人参加了轮训。", [("1100余人", "科级干部集中轮训班", "参加了轮训")]),
    ("开展年终述法活动，上年度全区共300余人完成书面述法工作。", [("300余人", "年终述法", "完成书面述法工作")]),
    # a frame after the noun says nothing of it; 可 + a way of serving ends the noun
    ("此外，在原33个成员单位的基础上，新增成员单位5个。", [("33个", "原成员单位", ""), ("5个", "成员单位", "")]),
    ("依托政务服务平台，1521项政务服务事项可一站查询、网上办理。", [("1521项", "政务服务事项", "可一站查询、网上办理")]),
])
def test_who_took_part_frames_and_ways_of_serving(text, expected):
    assert _facts(text, "raw", "subject", "predicate") == expected


@pytest.mark.parametrize("text, expected", [
    # a bare study count right after the body that studied names it
    ("政府常务会共学习16次。", [("16次", "政府常务会学习")]),
    ("2024年县政府常务会议按计划学法12次。", [("12次", "县政府常务会议学法")]),
    # a named study stays (the bodies held it); a study after its forms, or alone, stays bare
    ("县委常委会、县政府常务会组织集中学法12次。", [("12次", "集中学法")]),
    ("通过专题学习会、中心组集中研讨、线上课堂等多种形式组织学习19次。", [("19次", "学习")]),
    ("组织学习12次。", [("12次", "学习")]),
])
def test_a_bare_study_count_names_the_body_that_studied(text, expected):
    assert _facts(text, "raw", "subject") == expected
