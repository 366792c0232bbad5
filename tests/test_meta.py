"""Meta stage: the truth table of the issue, rules and confidences, gazetteer, false friends."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import RAW

from fazhi.clean import clean_text
from fazhi.meta import (
    FIELDS,
    find_kind,
    find_level_from_self,
    find_publish_date,
    find_report_year,
    find_title,
    find_towns,
    infer_meta,
    is_town_name,
)
from fazhi.read import read_file

# seed, report_year, publish_date, town, district, city, province, level  (issue 3, "truth")
TRUTH = [
    ("2020-fujian-fuzhou-mawei-tingjiang.txt", 2020, "2021-03-19", "亭江镇", "马尾区", "福州市", "福建省", "town"),
    ("2021-chongqing-qianjiang-pengdong.txt", 2021, "", "蓬东乡", "黔江区", "重庆市", "重庆市", "township"),
    ("2024-guangdong-shantou-jinping-yuepu.txt", 2024, "", "月浦街道", "金平区", "汕头市", "广东省", "subdistrict"),
    ("2019-guangdong-shaoguan-wujiang-xilian.txt", 2019, "", "西联镇", "武江区", "韶关市", "广东省", "town"),
    ("2023-anonymised-town-template.txt", 2023, "", "", "", "", "", "town"),
]
TITLES = [
    ("2020-fujian-fuzhou-mawei-tingjiang.txt", "马尾区亭江镇2020年度法治政府建设工作报告", "法治政府建设年度报告"),
    ("2021-chongqing-qianjiang-pengdong.txt", "中共黔江区蓬东乡委员会 黔江区蓬东乡人民政府关于2021年度法治政府建设情况的报告",
     "法治政府建设年度报告"),
    ("2024-guangdong-shantou-jinping-yuepu.txt", "", "法治政府建设年度报告"),
    ("2019-guangdong-shaoguan-wujiang-xilian.txt", "武江区西联镇2019年度法治政府建设情况报告", "法治政府建设年度报告"),
    ("2023-anonymised-town-template.txt", "2023年镇法治政府建设工作总结及2024年工作思路", "法治建设工作总结"),
]


def _meta(name: str) -> dict:
    raw = read_file(RAW / name).text
    return infer_meta(clean_text(raw).text, raw=raw)


@pytest.mark.parametrize("name, year, date, town, district, city, province, level", TRUTH)
def test_truth_table(name, year, date, town, district, city, province, level):
    m = _meta(name)
    got = tuple(m[k] for k in ("report_year", "publish_date", "town", "district", "city",
                               "province", "level"))
    assert got == (year, date, town, district, city, province, level)


@pytest.mark.parametrize("name, title, kind", TITLES)
def test_title_and_kind(name, title, kind):
    m = _meta(name)
    assert (m["title"], m["kind"]) == (title, kind)


@pytest.mark.parametrize("name", [t[0] for t in TRUTH])
def test_every_field_found_has_a_rule_and_confidence(name):
    m = _meta(name)
    rules = m["meta_rules"]
    for f in FIELDS:
        if m[f] not in ("", None, "other"):
            assert rules[f]["rule"] and 0 < rules[f]["confidence"] <= 1, f
    assert set(rules) <= set(FIELDS)


def test_anonymised_seed_has_no_guessed_place():
    m = _meta("2023-anonymised-town-template.txt")
    assert {k: m[k] for k in ("town", "district", "city", "province")} == dict.fromkeys(
        ("town", "district", "city", "province"), "")
    assert m["meta_rules"]["level"]["rule"] == "self_reference"


@pytest.mark.parametrize("name, ok", [
    ("亭江镇", True), ("蓬东乡", True), ("月浦街道", True), ("西联镇", True),
    ("新城街道办事处", True), ("大岭山镇", True),
    ("全镇", False), ("我镇", False), ("本镇", False), ("各乡镇", False), ("城镇", False),
    ("村镇", False), ("乡村", False), ("城乡", False), ("推进乡镇", False), ("我街道", False),
    ("示范街道", False), ("组织的镇", False), ("工作", False), ("小城镇", False), ("特色小镇", False),
    ("古城镇", True), ("王集镇", True), ("石城镇", True),
])
def test_town_names_and_false_friends(name, ok):
    assert is_town_name(name) is ok


@pytest.mark.parametrize("text, towns", [
    ("，亭江镇党委、政府结合实际情况", {"亭江镇": 1}),
    ("推进全镇村社民主法治村建设，我镇、本镇、各乡镇、城镇面貌、村镇规划、镇村干部、乡村振兴", {}),
    ("《月浦街道预防和治理未成年人违法犯罪专项行动工作方案》", {"月浦街道": 1}),
    ("，推进新型城镇化建设，加快小城镇建设", {}),
])
def test_find_towns(text, towns):
    assert dict(find_towns(text)) == towns


def test_verbs_before_zhen_are_not_towns():
    # seed 004: 组织镇党委 / 组织镇、村社 — 组织 is a verb that mostly stands alone
    m = infer_meta("2023年镇法治政府建设工作总结\n组织镇党委理论学习中心组开展学习。"
                   "组织镇、村社两级干部学法。组织开展培训。组织领导到位。")
    assert m["town"] == ""


def test_ambiguous_district_leaves_city_empty():
    # 鼓楼区 is in 南京, 徐州, 开封 and 福州; 东街街道 in several counties: nothing decides
    m = infer_meta("鼓楼区2021年度法治政府建设工作报告\n一、工作情况\n全区……我区……")
    assert (m["town"], m["district"], m["city"], m["province"]) == ("", "鼓楼区", "", "")
    assert m["meta_rules"]["district"]["ambiguous"] is True
    assert len(m["meta_rules"]["district"]["candidates"]) == 4
    m = infer_meta("福州市鼓楼区东街街道2021年度法治政府建设工作报告\n一、工作情况")
    assert (m["town"], m["district"], m["city"], m["province"]) == ("东街街道", "鼓楼区", "福州市", "福建省")


def test_meta_does_not_import_the_gazetteer_libraries():
    code = ("import sys, fazhi.meta as m; m.infer_meta('马尾区亭江镇2020年度法治政府建设工作报告'); "
            "assert not {'cpca', 'jionlp', 'jieba'} & set(sys.modules), sys.modules.keys()")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("text, title", [
    ("中共黔江区蓬东乡委员会\n黔江区蓬东乡人民政府\n关于2021年度法治政府建设情况的报告\n区委、区政府：\n按照……",
     "中共黔江区蓬东乡委员会 黔江区蓬东乡人民政府关于2021年度法治政府建设情况的报告"),
    ("2024年，在区委、区政府的正确领导下，月浦街道深入学习贯彻习近平总书记重要讲话。\n一、……", ""),
    ("一、工作情况\n正文", ""),
    ("区委、区政府：\n现将情况报告如下。", ""),
])
def test_find_title(text, title):
    assert find_title(text) == title


@pytest.mark.parametrize("title, text, year, rule", [
    ("马尾区亭江镇2020年度法治政府建设工作报告", "", 2020, "title_year"),
    ("2023年镇法治政府建设工作总结及2024年工作思路", "", 2023, "title_year"),
    ("关于二〇二一年度法治政府建设情况的报告", "", 2021, "title_year"),
    ("", "2024年，在区委、区政府的正确领导下", 2024, "opening_year"),
    ("", "今年以来，我镇围绕2022年法治政府建设要点", 2022, "first_paragraph_year"),
    ("", "今年以来，我镇认真开展工作", None, ""),
])
def test_report_year(title, text, year, rule):
    got, why, _ = find_report_year(title, text)
    assert (got, why) == (year, rule)


def test_report_year_from_publish_date_as_last_resort():
    assert find_report_year("", "今年以来", "2022-03-10")[:2] == (2021, "publish_year")


@pytest.mark.parametrize("text, raw, date", [
    ("正文", "标题\n日期:2021-03-19 17:12\n政策文件:", "2021-03-19"),
    ("正文。\n某某镇人民政府\n2022年3月25日", None, "2022-03-25"),
    ("正文。\n某某镇人民政府\n二〇二二年三月二十五日", None, "2022-03-25"),
    ("2022年3月25日召开会议。\n正文继续。", None, ""),
    ("正文。\n2022年2月30日", None, ""),
])
def test_publish_date(text, raw, date):
    assert find_publish_date(text, raw)[0] == date


@pytest.mark.parametrize("title, kind", [
    ("马尾区亭江镇2020年度法治政府建设工作报告", "法治政府建设年度报告"),
    ("关于2021年度法治政府建设情况的报告", "法治政府建设年度报告"),
    ("2023年镇法治政府建设工作总结及2024年工作思路", "法治建设工作总结"),
    ("2022年政府工作报告", "政府工作报告"),
    ("关于开展安全生产大检查的通知", "other"),
])
def test_kind(title, kind):
    assert find_kind(title, "")[0] == kind


@pytest.mark.parametrize("text, level", [
    ("我镇……全镇……", "town"),
    ("我乡……全乡……", "township"),
    ("我街道……街道党工委……", "subdistrict"),
    ("全区……我区……", "district"),
    ("全县……我县……全镇", "county"),
    ("我镇……为我区……全镇……被我市、我区评为", "town"),
    ("没有自称", ""),
])
def test_level_from_self_reference(text, level):
    assert find_level_from_self(text)[0] == level


# Headers in the shape real reports have (not from the five seeds): the rules must be general.
GENERAL = [
    ("浙江省舟山市普陀区东极镇2022年法治政府建设年度报告\n2022年，东极镇党委、政府……全镇……",
     (2022, "东极镇", "普陀区", "舟山市", "浙江省", "town")),
    ("福州市鼓楼区2021年法治政府建设年度报告\n2021年，全区坚持……我区……全区",
     (2021, "", "鼓楼区", "福州市", "福建省", "district")),
    ("长兴县2022年度法治政府建设工作报告\n2022年以来，全县……我县……",
     (2022, "", "长兴县", "湖州市", "浙江省", "county")),
    ("重庆市江北区观音桥街道办事处2022年法治政府建设工作报告\n一、主要工作",
     (2022, "观音桥街道", "江北区", "重庆市", "重庆市", "subdistrict")),
    # 江北区 is in 宁波 and 重庆, but only 重庆's has a 观音桥街道: the hierarchy decides
    ("江北区观音桥街道办事处2022年法治政府建设工作报告\n一、主要工作",
     (2022, "观音桥街道", "江北区", "重庆市", "重庆市", "subdistrict")),
    # 梅列区 merged into 三元区 in 2021: one identity, the current name
    ("三明市梅列区列西街道2019年法治政府建设工作报告\n一、主要工作",
     (2019, "列西街道", "三元区", "三明市", "福建省", "subdistrict")),
    ("关于2022年法治政府建设情况的报告\n2022年，城关镇在县委、县政府的领导下……城关镇党委……",
     (2022, "城关镇", "", "", "", "town")),
    ("关于2022年法治政府建设情况的报告\n今年以来，我镇紧紧围绕乡村振兴，推进城乡融合、各乡镇协同……全镇……镇村干部",
     (2022, "", "", "", "", "town")),
]


@pytest.mark.parametrize("text, expected", GENERAL, ids=[g[0][:12] for g in GENERAL])
def test_general_headers(text, expected):
    m = infer_meta(text)
    assert tuple(m[k] for k in ("report_year", "town", "district", "city", "province", "level")) == expected
