"""Numeric indicators (数字指标): truth on the sample reports, crafted cases, exclusions, tables, CLI."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from conftest import RAW

from fazhi.display import UNKNOWN, label
from fazhi.indicators import (
    FACT_COLUMNS,
    META_COLUMNS,
    IndicatorRulesError,
    chinese_number,
    extract_indicators,
    load_indicator_rules,
    textstat_indicator_summary,
    textstat_indicators,
)

SEED_000 = "2020-fujian-fuzhou-mawei-tingjiang.txt"
SEED_001 = "2021-chongqing-qianjiang-pengdong.txt"
SEED_003 = "2019-guangdong-shaoguan-wujiang-xilian.txt"


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    """Cleaned texts of the sample reports by file name (what the store holds as docs.text)."""
    from fazhi.corpus import read_corpus

    docs = read_corpus(RAW).docs
    return dict(zip(docs["file"], docs["text"], strict=True))


@pytest.fixture(scope="module")
def seed_facts(texts) -> dict[str, list[dict]]:
    return {f: extract_indicators(t) for f, t in texts.items()}


# (file, surface form in the cleaned text, number+unit as matched, value, unit, qualifier, category,
#  expected phrase or None). The phrase is the words naming the fact as written; 达 is no qualifier.
TRUTH = [
    (SEED_001, "配齐配强专职法治工作人员13名", "13名", 13, "名", "", "other", None),
    (SEED_001, "聘请法律顾问1名", "1名", 1, "名", "", "legal_advisers", "聘请法律顾问"),
    (SEED_001, "今年以来有效调处化解矛盾纠纷209件", "209件", 209, "件", "", "disputes", "调处化解矛盾纠纷"),
    (SEED_001, "办结信访事项17件次", "17件次", 17, "件次", "", "petitions", "办结信访事项"),
    (SEED_001, "矛盾纠纷调解成功率达99%", "99%", 99, "%", "", "rates", "矛盾纠纷调解成功率"),
    (SEED_001, "全年组织开展法律专题培训会4次", "4次", 4, "次", "", "training", "法律专题培训会"),
    (SEED_001, "集中法治理论考试1次", "1次", 1, "次", "", "training", "集中法治理论考试"),
    (SEED_001, "规范执法247件（家）次", "247件（家）次", 247, "件次", "", "enforcement", "规范执法"),
    (SEED_001, "今年以来开展集中普法宣传7次", "7次", 7, "次", "", "publicity_events", "集中普法宣传"),
    (SEED_001, "校园法治讲座2次", "2次", 2, "次", "", "publicity_events", "校园法治讲座"),
    (SEED_001, "设立乡公共法律服务站1个", "1个", 1, "个", "", "service_points", None),
    (SEED_001, "村级公共法律服务室5个", "5个", 5, "个", "", "service_points", "村级公共法律服务室"),
    (SEED_001, "法律援助便民联系点10处", "10处", 10, "处", "", "service_points", "法律援助便民联系点"),
    (SEED_001, "换届期间法治工作督查4次", "4次", 4, "次", "", "enforcement", "法治工作督查"),
    (SEED_001, "召开群众院坝会、恳谈会60余场次", "60余场次", 60, "场次", "余", "other",
     "群众院坝会、恳谈会"),
    (SEED_000, "参加人员120多人次", "120多人次", 120, "人次", "多", "training", "参加人员"),
    (SEED_000, "累计发放法治宣传资料5000多份", "5000多份", 5000, "份", "多", "publicity_materials",
     "发放法治宣传资料"),
    (SEED_000, "开展法律咨询设摊活动6次", "6次", 6, "次", "", "publicity_events", "法律咨询设摊活动"),
    (SEED_000, "接待咨询700多人次", "700多人次", 700, "人次", "多", "consultation", "接待咨询"),
    (SEED_000, "悬挂横幅58条", "58条", 58, "条", "", "publicity_materials", "悬挂横幅"),
    (SEED_000, "制作宣传标牌、标语63块", "63块", 63, "块", "", "publicity_materials",
     "制作宣传标牌、标语"),
    (SEED_003, "共整改取缔15家", "15家", 15, "家", "", "enforcement", "整改取缔"),
    (SEED_003, "我镇接待信访案件20件", "20件", 20, "件", "", "petitions", "接待信访案件"),
    (SEED_003, "办理率100%", "100%", 100, "%", "", "rates", "办理率"),
    (SEED_003, "集中参观西联镇监察室廉政教育基地三次", "三次", 3, "次", "", "training", None),
]


# the counted noun and the verb of the truths that have them: (surface, subject, verb)
TRUTH_SUBJECTS = [
    ("配齐配强专职法治工作人员13名", "专职法治工作人员", "配齐配强"),
    ("聘请法律顾问1名", "法律顾问", "聘请"),
    ("今年以来有效调处化解矛盾纠纷209件", "矛盾纠纷", "调处化解"),
    ("办结信访事项17件次", "信访事项", "办结"),
    ("矛盾纠纷调解成功率达99%", "矛盾纠纷调解成功率", ""),
    ("设立乡公共法律服务站1个", "乡公共法律服务站", "设立"),
    ("累计发放法治宣传资料5000多份", "法治宣传资料", "发放"),
    ("接待咨询700多人次", "咨询", "接待"),
    ("悬挂横幅58条", "横幅", "悬挂"),
    ("制作宣传标牌、标语63块", "宣传标牌、标语", "制作"),
    # a bare verb takes the noun of the clause before: 开展“小散乱污”专项整治行动，共整改取缔15家
    ("共整改取缔15家", "小散乱污", "整改取缔"),
    ("我镇接待信访案件20件", "信访案件", "接待"),
    # a bare rate name after a count is a rate of that count's noun
    ("办理率100%", "信访案件办理率", ""),
]


@pytest.mark.parametrize("surface,subject,verb", TRUTH_SUBJECTS, ids=[t[0] for t in TRUTH_SUBJECTS])
def test_seed_truth_subject_and_verb(texts, seed_facts, surface, subject, verb):
    file = next(t[0] for t in TRUTH if t[1] == surface)
    at = texts[file].find(surface)
    f = next(f for f in seed_facts[file] if at <= f["start"] < at + len(surface))
    assert (f["subject"], f["verb"], f["status"]) == (subject, verb, "result")


@pytest.mark.parametrize("file,surface,raw,value,unit,qualifier,category,subject", TRUTH,
                         ids=[t[1] for t in TRUTH])
def test_seed_truth(texts, seed_facts, file, surface, raw, value, unit, qualifier, category, subject):
    text = texts[file]
    at = text.find(surface)
    assert at >= 0, f"{surface!r} is not in the cleaned text of {file}"
    hits = [f for f in seed_facts[file] if at <= f["start"] < at + len(surface)]
    assert len(hits) == 1, hits
    f = hits[0]
    assert f["raw"] == raw == text[f["start"]:f["end"]]
    assert f["value"] == value and isinstance(f["value"], float)
    assert f["unit"] == unit
    assert f["qualifier"] == qualifier
    assert f["category"] == category
    assert f["label"] == load_indicator_rules().labels[category]
    assert raw in f["sentence"] and f["sentence"] in text
    assert 0 < len(f["subject"]) <= 16
    if subject is not None:
        assert f["phrase"] == subject
    else:  # the phrase is a part of the surface form, before the number
        assert f["phrase"] in surface[: f["start"] - at]


def test_seed_facts_are_all_known_and_nothing_else(seed_facts):
    """Every fact of the five seeds is in TRUTH or in the list of other real facts below."""
    others = {
        # 2023 template: real counts that the issue's truth does not list
        "4次", "3次", "2次", "1次", "2件", "105件", "100%",
        # 5个村（社区）成功创建“未成年人零犯罪社区”
        "5个",
    }
    truth = {(t[0], t[2]) for t in TRUTH}
    for file, facts in seed_facts.items():
        for f in facts:
            if (file, f["raw"]) not in truth:
                assert f["raw"] in others, (file, f["raw"], f["sentence"])
    n = sum(len(v) for v in seed_facts.values())
    assert len(TRUTH) <= n <= len(TRUTH) + 12


def test_no_seed_fact_is_a_year_date_plenum_or_title(texts, seed_facts):
    units = {u.canonical for u in load_indicator_rules().units.values()}
    for file, facts in seed_facts.items():
        text = texts[file]
        for f in facts:
            raw = f["raw"]
            assert text[f["start"]:f["end"]] == raw
            assert f["unit"] in units
            assert not re.search(r"[年月日号届大]$|中全会", raw), raw
            assert not (f["unit"] != "%" and 1949 <= f["value"] <= 2100 and re.match(r"\d{4}", raw))
            before = text[max(0, f["start"] - 30):f["start"]]
            assert not before.endswith("第"), raw
            assert before.rfind("《") <= before.rfind("》"), f"{raw} inside a book title"
            assert not re.match(r"\d{5,}", raw), f"{raw}: phone-like"
            assert "\n" not in f["sentence"]


NOT_INDICATORS = [
    # real excerpts of the sample reports
    "深刻领会习近平新时代中国特色社会主义思想及党的十九大和十九届二中、三中、四中、五中全会精神",
    "深入贯彻落实党的二十大和党的二十届三中全会关于法治建设重大部署",
    "紧密围绕省委“1310”具体部署和市委具体部署",
    "一是街道推动“1+6+N”基层社会治理工作体系建设，加强诉源治理",
    "充分利用“七五”普法宣传和各种集会活动进行法治宣传教育",
    "四、严格执行“三项制度”，推进工作落实",
    "要求辖区内执法单位严格按照执法程序执行，行政执法人员2人以上，主动表明身份，亮证执法",
    "结合社会矛盾纠纷排查化解六人小组暨每周治保主任工作会议",
    "三是主动对接宣传、文化旅游部门，推动每个社区打造1个社会主义法治文化阵地",
    "在3月15日、4月15日、5月7日、6月26日、7月23日开展了系列的普法宣传活动",
    "按照区委全面依法治区委员会办公室《关于做好2021年度法治政府建设报告的通知》文件要求",
    "对《法治政府建设实施纲要》（2016-2020）《国家安全法》《反间谍法》进行了系统学习",
    "开展“五一”期间安全生产大检查，2019年“安全生产月”活动大检查",
    "形成了一批有效的蓬东经验",
    "二是强化组织领导。三是注重基础保障。",
    "坚持“三重一大”事项报告制度，坚决实施“四议两公开”制度",
    "持续实施行政规范性文件统一登记、统一编号、统一印发制度",
    "2023年镇法治政府建设工作总结及2024年工作思路",
    # crafted
    "全面推行三项制度，落实行政执法公示制度。",
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
    "深刻领悟“两个确立”的决定性意义。",
    "深入开展七五普法和八五普法工作，实施“十四五”规划。",
    "认真学习《关于加强3个方面工作的若干意见》。",
    "认真学习《中共中央国务院关于加强新时代法治政府建设推进全面依法治国若干重大问题和3个专项行动的决定》。",
    "第一，加强领导；第二次全体会议；第3批试点。",
    "执法人员不得少于两人，每季度召开1次专题会议。",
    "服务热线12348，联系电话：0755-88886666。",
    "推行“最多跑一次”改革，实现一件事一次办。",
    "建立一人一档、一户一策，落实一次性告知制度。",
    "作为一名党员干部，要把法治建设作为一项重要工作来抓。",
    "组织工作人员一起学习，是重点工作之一。",
    "（一）加强领导\n1.完善制度\n二、存在问题",
    "2021年度经费，12月4日宪法日。",
    "严格落实中央八项规定精神，守住三条红线。",
    "执法时应有2名以上执法人员，执法人员不少于2人。",
    "由2人以上组成调查组。",
    "连续3个月开展专项整治，数十次走访，几十人参加。",
    "主要体现在以下3个方面：一是……",
    "全年未发生一起群体性事件，实现“零上访”。",
    "依据《行政处罚法》第三十二条、第3条第二款。",
    "开展“12·4”国家宪法日宣传活动。",
    "按照〔2021〕3号文件要求，于5个工作日内办结。",
    "落实“双随机、一公开”，推行“一张清单”管理。",
    "再一次强调依法行政，又一次召开会议，打赢一场硬仗。",
    "数百人参加，几十次走访，推动法律进千家万户，服务“百千万工程”。",
    "历时3个多月，考核排名全市前3名，于3个小时内答复。",
]


@pytest.mark.parametrize("text", NOT_INDICATORS)
def test_not_indicators(text):
    assert extract_indicators(text) == []


# crafted positives: (text, raw, value, unit, qualifier, category)
CRAFTED = [
    ("举办法治讲座两场。", "两场", 2, "场", "", "publicity_events"),
    ("参加群众一百二十人次。", "一百二十人次", 120, "人次", "", None),
    ("全年开展普法宣传活动三十余次。", "三十余次", 30, "次", "余", "publicity_events"),
    ("调解成功率百分之九十九。", "百分之九十九", 99, "%", "", "rates"),
    ("案件办结率99.5%。", "99.5%", 99.5, "%", "", "rates"),
    ("发放资料1.5万份。", "1.5万份", 15000, "份", "", "publicity_materials"),
    ("印发宣传资料1,200份。", "1,200份", 1200, "份", "", "publicity_materials"),
    ("参训人数达到1.2万人次。", "1.2万人次", 12000, "人次", "", "training"),
    ("投入法治建设经费50万元。", "50万元", 50, "万元", "", None),
    ("落实资金3.5亿元。", "3.5亿元", 3.5, "亿元", "", None),
    ("累计培训执法人员约300人。", "300人", 300, "人", "约", "training"),
    ("接待来访群众近200人次。", "200人次", 200, "人次", "近", "petitions"),
    ("发放宣传册超过500份。", "500份", 500, "份", "超过", "publicity_materials"),
    ("参训人员100人以上。", "100人", 100, "人", "以上", "training"),
    ("聘请1名法律顾问，为群众服务。", "1名", 1, "名", "", "legal_advisers"),
    ("办理行政复议案件5件。", "5件", 5, "件", "", "reconsideration"),
    ("行政应诉案件3件。", "3件", 3, "件", "", "litigation"),
    ("审查合同42份。", "42份", 42, "份", "", "contracts"),
    ("审核规范性文件12件。", "12件", 12, "件", "", "normative_documents"),
    ("创建省级民主法治示范村2个。", "2个", 2, "个", "", "model_villages"),
    ("受理信访件15宗。", "15宗", 15, "宗", "", "petitions"),
    ("查处违法行为１２起。", "１２起", 12, "起", "", "enforcement"),
    ("开展法律咨询活动，解答群众咨询两千多人次。", "两千多人次", 2000, "人次", "多", "consultation"),
    ("开展“法治进校园”活动5次。", "5次", 5, "次", "", "publicity_events"),
    ("惠及师生近千人。", "千人", 1000, "人", "近", None),
    ("覆盖群众上万人次。", "万人次", 10000, "人次", "以上", None),
    ("参加培训达百余人次。", "百余人次", 100, "人次", "余", "training"),
    ("投入法治阵地建设资金三万元。", "三万元", 3, "万元", "", None),
    ("培训网格员5千余人。", "5千余人", 5000, "人", "余", "training"),
    ("罚款5000元。", "5000元", 5000, "元", "", "enforcement"),
    ("每期培训人数不足30人。", "30人", 30, "人", "以下", "training"),
    ("开展42批次“双随机”抽查。", "42批次", 42, "批次", "", "enforcement"),
    ("普法活动覆盖企业1500余家次。", "1500余家次", 1500, "家次", "余", "publicity_events"),
]


@pytest.mark.parametrize("text,raw,value,unit,qualifier,category", CRAFTED,
                         ids=[c[0] for c in CRAFTED])
def test_crafted_facts(text, raw, value, unit, qualifier, category):
    facts = extract_indicators(text)
    assert len(facts) == 1, facts
    f = facts[0]
    assert f["raw"] == raw == text[f["start"]:f["end"]]
    assert f["value"] == pytest.approx(value)
    assert f["unit"] == unit
    assert f["qualifier"] == qualifier
    if category is not None:
        assert f["category"] == category
    assert f["sentence"] == text.strip()


# sentences as real reports write them: several facts each, (raw, value, unit, qualifier, category)
PARAGRAPHS = [
    ("全年共受理行政复议案件12件，办结11件，纠错2件，行政机关负责人出庭应诉率100%。",
     [("12件", 12, "件", "", "reconsideration"), ("11件", 11, "件", "", "reconsideration"),
      ("2件", 2, "件", "", "reconsideration"), ("100%", 100, "%", "", "rates")]),
    ("全年共开展行政执法检查320余次，出动执法人员1500人次，立案查处违法案件45宗，罚没款12.6万元。",
     [("320余次", 320, "次", "余", "enforcement"), ("1500人次", 1500, "人次", "", "enforcement"),
      ("45宗", 45, "宗", "", "enforcement"), ("12.6万元", 12.6, "万元", "", "enforcement")]),
    ("开展法治宣传活动52场次，发放宣传资料1.2万余份，受教育群众3万余人次。",
     [("52场次", 52, "场次", "", "publicity_events"),
      ("1.2万余份", 12000, "份", "余", "publicity_materials"),
      ("3万余人次", 30000, "人次", "余", "publicity_events")]),
    ("全年办理法律援助案件32件，为群众挽回经济损失120余万元。",
     [("32件", 32, "件", "", "service_points"), ("120余万元", 120, "万元", "余", None)]),
    ("人民调解委员会调解成功率达98.5%以上，矛盾纠纷调处成功率保持在95%以上。",
     [("98.5%", 98.5, "%", "以上", "rates"), ("95%", 95, "%", "以上", "rates")]),
    ("全年共排查矛盾纠纷156起，成功调解148起，调解成功率94.9%。",
     [("156起", 156, "起", "", "disputes"), ("148起", 148, "起", "", "disputes"),
      ("94.9%", 94.9, "%", "", "rates")]),
    ("受理信访件86件，其中涉法涉诉5件，按期办结率100%。",
     [("86件", 86, "件", "", "petitions"), ("5件", 5, "件", "", "petitions"),
      ("100%", 100, "%", "", "rates")]),
    ("开展“扫黑除恶”宣传12次，张贴标语300余张，悬挂横幅80条。",
     [("12次", 12, "次", "", "publicity_events"), ("300余张", 300, "张", "余", "publicity_materials"),
      ("80条", 80, "条", "", "publicity_materials")]),
    ("培训村（居）法律明白人二百余人次，覆盖全镇18个村（社区）。",
     [("二百余人次", 200, "人次", "余", None), ("18个", 18, "个", "", None)]),
    ("开展“银发普法专场”活动2场，覆盖老年群体300余人次，全乡3名执法人员全部持证。",
     [("2场", 2, "场", "", "publicity_events"), ("300余人次", 300, "人次", "余", "publicity_events"),
      ("3名", 3, "名", "", "other")]),
    ("全国乡镇数为33 939个，行政诉讼案件已审结16件，败诉0件。",
     [("33 939个", 33939, "个", "", "other"), ("16件", 16, "件", "", "litigation"),
      ("0件", 0, "件", "", "litigation")]),
    ("投入资金约80万元建成法治文化公园1个、法治长廊2条。",
     [("80万元", 80, "万元", "约", "funding"), ("1个", 1, "个", "", "service_points"),
      ("2条", 2, "条", "", "service_points")]),
]


@pytest.mark.parametrize("text,expected", PARAGRAPHS, ids=[p[0][:16] for p in PARAGRAPHS])
def test_report_sentences(text, expected):
    facts = extract_indicators(text)
    assert [f["raw"] for f in facts] == [e[0] for e in expected]
    for f, (_, value, unit, qualifier, category) in zip(facts, expected, strict=True):
        assert (f["value"], f["unit"], f["qualifier"]) == (pytest.approx(value), unit, qualifier)
        if category is not None:
            assert f["category"] == category, f


@pytest.mark.parametrize("text,subject", [
    ("今年以来有效调处化解矛盾纠纷209件。", "调处化解矛盾纠纷"),
    ("聘请法律顾问1名。", "聘请法律顾问"),
    ("聘请1名法律顾问，完善机制。", "聘请法律顾问"),
    ("本年度，我镇接待信访案件20件。", "接待信访案件"),
    ("开展“小散乱污”专项整治行动，共整改取缔15家。", "整改取缔"),
    ("组织镇党委理论学习中心组开展《学习纲要》《论述摘编》等专题学习2次。", "专题学习"),
    ("全镇干部认真开展年度法律知识考试，完成率合格率均达到100%。", "完成率合格率"),
    ("全镇共有网格员326名。", "网格员"),
    ("镇综治中心共调处矛盾纠纷20余宗。", "调处矛盾纠纷"),
    ("矛盾纠纷调处成功率保持在95%以上。", "矛盾纠纷调处成功率"),
    ("全区12个镇街全部建成公共法律服务站。", "镇街"),
    ("投入资金约80万元建成法治文化公园。", "投入资金"),
    ("全年累计开展“送法下乡”活动12场。", "送法下乡活动"),
    ("邀请法律顾问分别到9个村(社区)开展培训。", "村(社区)"),
    ("今年以来,镇、村(社区)人民调解组织共化解矛盾纠纷35件。", "化解矛盾纠纷"),
    ("村党委会议先后3次研究部署示范创建工作。", "村党委会议"),
    ("市场监管领域开展42批次“双随机”抽查。", "双随机抽查"),
    ("组织开展“法治讲堂”等17场品牌活动。", "法治讲堂品牌活动"),
])
def test_phrase_rule(text, subject):
    assert extract_indicators(text)[0]["phrase"] == subject


def test_offsets_follow_the_text():
    text = "一、工作情况\n今年以来调处矛盾纠纷209件，调解成功率99%。接待咨询700多人次。"
    facts = extract_indicators(text)
    assert [text[f["start"]:f["end"]] for f in facts] == ["209件", "99%", "700多人次"]
    shifted = extract_indicators("前言。\n" + text)
    assert [f["start"] - 4 for f in shifted] == [f["start"] for f in facts]
    assert [f["sentence"] for f in facts] == ["今年以来调处矛盾纠纷209件，调解成功率99%。",
                                             "今年以来调处矛盾纠纷209件，调解成功率99%。",
                                             "接待咨询700多人次。"]
    assert extract_indicators("") == []


@pytest.mark.parametrize("s,value", [
    ("三", 3), ("两", 2), ("十", 10), ("十五", 15), ("二十", 20), ("一百二十", 120),
    ("一百零五", 105), ("两千", 2000), ("三万", 30000), ("一万二千", 12000), ("九十九", 99),
    ("五一", None), ("一一", None), ("", None), ("三点五", 3.5),
])
def test_chinese_number(s, value):
    assert chinese_number(s) == value


def test_rules_are_data(tmp_path):
    """A folder with a replacement table changes the result; a malformed line names file and line."""
    (tmp_path / "indicators.tsv").write_text(
        "# mine\nmeetings\t会议\t院坝会|恳谈会\nrates\t比率\t.\trate\n", encoding="utf-8")
    facts = extract_indicators("召开群众院坝会、恳谈会60余场次，办理率100%。", rules=tmp_path)
    assert [f["category"] for f in facts] == ["meetings", "rates"]
    assert facts[0]["label"] == "会议"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "not_indicators.tsv").write_text("ordinal\t第(\t\t\n", encoding="utf-8")
    with pytest.raises(IndicatorRulesError, match=r"not_indicators\.tsv:1"):
        load_indicator_rules(str(bad))
    (bad / "not_indicators.tsv").write_text("x\t\t\t\n", encoding="utf-8")
    with pytest.raises(IndicatorRulesError, match="no pattern"):
        load_indicator_rules(str(bad) + "/")
    units = tmp_path / "units"
    units.mkdir()
    (units / "indicator_units.tsv").write_text("unit\t件\tcount\n# c\nsubject_cut\t(开展\n",
                                               encoding="utf-8")
    with pytest.raises(IndicatorRulesError, match=r"indicator_units\.tsv:3"):
        load_indicator_rules(str(units))
    (units / "indicator_units.tsv").write_text("unit\t件\tcount\nprefix\t约\t约\n",
                                               encoding="utf-8")
    with pytest.raises(IndicatorRulesError, match="unknown type"):
        load_indicator_rules(str(units) + "/")


def test_every_category_has_a_label_and_the_issue_categories_exist():
    labels = load_indicator_rules().labels
    assert {"disputes", "petitions", "publicity_events", "publicity_materials", "consultation",
            "training", "legal_advisers", "normative_documents", "contracts", "reconsideration",
            "litigation", "enforcement", "service_points", "model_villages", "rates",
            "other"} <= set(labels)
    assert all(re.search(r"[\u4e00-\u9fff]", v) for v in labels.values())


# -- corpus level -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def facts_df(sample_corpus) -> pd.DataFrame:
    return textstat_indicators(sample_corpus)


def test_textstat_indicators_columns_and_offsets(sample_corpus, facts_df):
    assert list(facts_df.columns[:len(FACT_COLUMNS + META_COLUMNS)]) == FACT_COLUMNS + META_COLUMNS
    texts = dict(zip(sample_corpus.docs["doc_id"], sample_corpus.docs["text"], strict=True))
    for row in facts_df.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.raw
    assert facts_df["value"].dtype == float
    assert len(facts_df) == sum(len(extract_indicators(t)) for t in texts.values())


def test_textstat_indicators_metadata_and_parts(sample_corpus, facts_df):
    row = facts_df[(facts_df["file"] == SEED_001) & (facts_df["raw"] == "209件")].iloc[0]
    assert (row.town, row.district, row.report_year) == ("蓬东乡", "黔江区", 2021)
    assert row.part == "achievements"
    secs = sample_corpus.sections
    top = secs[(secs["doc_id"] == row.doc_id) & (secs["level"] == 1)]
    holder = top[(top["start"] <= row.start) & (row.start < top["end"])]
    assert holder["part"].tolist() == ["achievements"]
    assert set(facts_df["part"]) <= {"preamble", "achievements", "problems", "duty", "plans",
                                     "other"}


def test_textstat_indicators_preamble_and_empty(sample_corpus):
    from fazhi.corpus import Corpus  # noqa: F401  (the corpus type the function takes)

    one = sample_corpus.subset(sample_corpus.docs["file"] == SEED_001)
    docs = one.docs.copy()
    docs["text"] = "调处矛盾纠纷9件。" + docs["text"]
    fake = type("C", (), {"docs": docs, "sections": one.sections.iloc[0:0]})()
    df = textstat_indicators(fake)
    assert df["part"].eq("preamble").all() and df["raw"].iloc[0] == "9件"
    none = type("C", (), {"docs": docs.iloc[0:0], "sections": one.sections})()
    empty = textstat_indicators(none)
    assert empty.empty and list(empty.columns[:len(FACT_COLUMNS + META_COLUMNS)]) == \
        FACT_COLUMNS + META_COLUMNS


def test_summary_sums_counts_and_averages_rates():
    facts = pd.DataFrame({
        "town": ["甲镇", "甲镇", "甲镇", "甲镇", "乙乡"],
        "category": ["disputes", "disputes", "rates", "rates", "disputes"],
        "value": [209.0, 11.0, 99.0, 100.0, 5.0],
        "unit": ["件", "件", "%", "%", "件"],
    })
    s = textstat_indicator_summary(facts, by="town")
    assert list(s.columns[:5]) == ["town", "category", "n_facts", "total", "unit"]
    got = {(r.town, r.category): (r.n_facts, r.total, r.stat) for r in s.itertuples()}
    assert got[("甲镇", "disputes")] == (2, 220.0, "sum")
    assert got[("甲镇", "rates")] == (2, 99.5, "mean")
    assert got[("乙乡", "disputes")] == (1, 5.0, "sum")
    with pytest.raises(KeyError):
        textstat_indicator_summary(facts, by="province")


def test_summary_of_corpus_equals_summary_of_table(sample_corpus, facts_df):
    a = textstat_indicator_summary(sample_corpus, by="town")
    b = textstat_indicator_summary(facts_df, by="town")
    pd.testing.assert_frame_equal(a, b)
    d = b[(b["town"] == "蓬东乡") & (b["category"] == "disputes")]
    assert d[["n_facts", "total", "unit"]].values.tolist() == [[1, 209.0, "件"]]
    assert b["n_facts"].sum() == len(facts_df)
    by_year = textstat_indicator_summary(facts_df, by="report_year")
    assert set(by_year["report_year"]) == set(facts_df["report_year"])


@pytest.mark.parametrize("by", ["title", "publish_date", "level", "kind", "report_year", "town",
                                ["province", "level"]])
def test_summary_groups_by_any_document_column(sample_corpus, facts_df, by):
    keys = [by] if isinstance(by, str) else by
    from_corpus = textstat_indicator_summary(sample_corpus, by=by)
    from_table = textstat_indicator_summary(facts_df, by=by, docs=sample_corpus)
    pd.testing.assert_frame_equal(from_corpus, from_table)
    assert list(from_corpus.columns[:len(keys)]) == keys
    assert from_corpus["n_facts"].sum() == len(facts_df)
    docs = sample_corpus.docs.set_index("doc_id")
    for key in keys:
        # every fact counted under its report's value; the unknown group is NA, never ""
        want = facts_df["doc_id"].map(docs[key]).map(label).value_counts().to_dict()
        got = from_corpus.groupby(from_corpus[key].map(label))["n_facts"].sum().to_dict()
        assert got == want
        assert not (from_corpus[key].astype(object) == "").any()
        assert str(from_corpus[key].dtype) == str(docs[key].dtype)


def test_summary_unknown_group_is_na_and_last():
    facts = pd.DataFrame({"doc_id": ["a", "b", "c", "d"],
                          "town": ["甲镇", "", None, "乙乡"],
                          "category": ["disputes"] * 4, "value": [1.0, 2.0, 3.0, 4.0],
                          "unit": ["件"] * 4})
    s = textstat_indicator_summary(facts, by="town")
    assert [label(v) for v in s["town"]] == ["乙乡", "甲镇", UNKNOWN]
    assert pd.isna(s["town"].iloc[-1]) and s["total"].tolist() == [4.0, 1.0, 5.0]
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "level": ["town", "", "township", ""]})
    by_level = textstat_indicator_summary(facts, by="level", docs=docs)
    assert [label(v) for v in by_level["level"]] == ["town", "township", UNKNOWN]
    with pytest.raises(KeyError, match="pass the corpus"):
        textstat_indicator_summary(facts, by="level")
    with pytest.raises(KeyError, match="documents"):
        textstat_indicator_summary(facts, by="nosuch", docs=docs)


# -- CLI ----------------------------------------------------------------------------------------

def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    from fazhi.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_csv_jsonl_xlsx(sample_corpus, capsys, tmp_path):
    store = sample_corpus.manifest["store"]
    code, out, _ = _cli(capsys, "indicators", store, "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split(",") == FACT_COLUMNS + META_COLUMNS
    assert any(",矛盾纠纷,调处化解,,调处化解矛盾纠纷,count,result,False,209.0,,件," in ln for ln in lines)

    code, out, _ = _cli(capsys, "indicators", store, "--format", "jsonl", "--category", "rates")
    rows = [json.loads(ln) for ln in out.splitlines()]
    assert rows and {r["category"] for r in rows} == {"rates"}
    assert {r["unit"] for r in rows} == {"%"}

    code, out, _ = _cli(capsys, "indicators", store, "--format", "jsonl", "--category", "信访")
    assert {json.loads(ln)["category"] for ln in out.splitlines()} == {"petitions"}

    xlsx = tmp_path / "facts.xlsx"
    code, _, err = _cli(capsys, "indicators", store, "--format", "xlsx", "--out", str(xlsx))
    assert code == 0 and xlsx.stat().st_size > 0
    assert list(pd.read_excel(xlsx).columns) == FACT_COLUMNS + META_COLUMNS


def test_cli_summary_and_errors(sample_corpus, capsys):
    store = sample_corpus.manifest["store"]
    code, out, _ = _cli(capsys, "indicators", store, "--summary", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("town,category,n_facts,total,unit")
    code, _, err = _cli(capsys, "indicators", store, "--category", "nosuch")
    assert code == 2 and "unknown category" in err
    code, _, err = _cli(capsys, "indicators", store, "--summary", "--by", "nosuch")
    assert code == 2


def test_cli_every_option_has_help():
    import argparse

    from fazhi.cli import make_parser

    parser = make_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    p = sub.choices["indicators"]
    assert p.description
    for action in p._actions:
        if not isinstance(action, argparse._HelpAction):
            assert action.help, action.option_strings or action.dest
    opts = {o for a in p._actions for o in a.option_strings}
    assert {"--category", "--format", "--out"} <= opts
    # help strings go through %-formatting: a bare % breaks `fazhi --help`
    assert "调解成功率99%" in parser.format_help()
    assert "--category" in p.format_help()


# ------------------------------------------------- unknown groups are labelled when written out

UNPLACED_REPORTS = {
    "no-meta.txt": "关于法治政府建设工作情况的报告\n\n一年来，共受理行政复议案件12件，办结10件。\n",
    "town.txt": "某某镇人民政府关于2022年度法治政府建设情况的报告\n\n"
                "2022年，我镇共调处矛盾纠纷209件。\n",
}


@pytest.fixture(scope="module")
def unplaced_store(tmp_path_factory):
    from fazhi.build import build_corpus

    base = tmp_path_factory.mktemp("unplaced")
    raw = base / "raw"
    raw.mkdir()
    for name, text in UNPLACED_REPORTS.items():
        (raw / name).write_text(text, encoding="utf-8")
    build_corpus(raw, base / "store", workers=1)
    return base / "store"


def _written(path):
    if path.suffix == ".xlsx":
        return pd.read_excel(path, dtype=str, keep_default_na=False)
    if path.suffix == ".dta":
        return pd.read_stata(path)
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


@pytest.mark.parametrize("by, header, n_unknown", [("town", "乡镇（街道）", 1),
                                                   ("district", "区县", 2)])  # no district known
@pytest.mark.parametrize("ext", ["csv", "xlsx", "dta"])
def test_export_labels_the_unknown_group(unplaced_store, tmp_path, by, header, n_unknown, ext):
    from fazhi.build import open_corpus
    from fazhi.indicators import export_indicator_table, textstat_indicator_table

    c = open_corpus(unplaced_store)
    table = textstat_indicator_table(c, by=by)
    long = textstat_indicator_table(c, by=by, form="long")
    assert table[by].isna().sum() == n_unknown  # the analysis keeps unknown groups NA
    paths = export_indicator_table(table, tmp_path / f"指标.{ext}", long=long)
    for df in (_written(p) for p in paths):
        if ext != "dta":
            df.columns = [re.sub(r"（\d+）$", "", str(col)) for col in df.columns]
        col = header if header in df.columns else by  # Stata keeps the column names
        assert UNKNOWN in set(df[col]) and "" not in set(df[col])
        if ext == "dta":  # years stay numbers in Stata: the unknown one is missing (.)
            assert df["report_year"].isna().sum() >= 1
        else:
            assert "" not in set(df["年度"]) and UNKNOWN in set(df["年度"])
    if ext == "xlsx":
        assert _written(paths[0]).shape[0] == 2


@pytest.mark.parametrize("fmt", ["csv", "table"])
@pytest.mark.parametrize("mode", ["--table", "--summary"])
def test_cli_labels_the_unknown_group(unplaced_store, capsys, fmt, mode):
    code, out, _ = _cli(capsys, "indicators", str(unplaced_store), mode, "--format", fmt)
    assert code == 0
    lines = out.strip().splitlines()
    unknown = [ln for ln in lines[1:] if "reconsideration" in ln or "12.0" in ln]
    assert lines[-1].startswith(UNKNOWN) and unknown and unknown[-1].startswith(UNKNOWN)
    if fmt == "csv":
        assert not any(ln.startswith(",") for ln in lines)  # no empty group label
        if mode == "--table":
            # (the 12 received and the 10 concluded are two cells, never 22)
            assert lines[-1].startswith(f"{UNKNOWN},{UNKNOWN},1,2,12.0,1,10.0,1")


@pytest.mark.parametrize("mode", ["--table", "--summary"])
def test_cli_jsonl_keeps_the_unknown_group_null(unplaced_store, capsys, mode):
    code, out, _ = _cli(capsys, "indicators", str(unplaced_store), mode, "--format", "jsonl")
    rows = [json.loads(ln) for ln in out.splitlines()]
    assert code == 0 and rows[-1]["town"] is None and rows[0]["town"] == "某某镇"
