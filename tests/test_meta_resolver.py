"""The metadata resolver on texts written in the layouts of real report pages (issue 10).

Each case is our own wording in the shape real pages have: who is speaking (title, issuing body,
signature, self-references, file name) decides the place; mentions of other places (aid partners,
cities visited, port zones, ordinary words that are place names) do not.
"""

from __future__ import annotations

import json

import pytest

from fazhi.clean import clean_text
from fazhi.ingest import process_text
from fazhi.meta import clean_page_title, find_title, fold, infer_meta

PLACE = ("town", "district", "city", "province", "level")


def _place(text: str, **kw) -> tuple:
    m = infer_meta(clean_text(text).text, raw=text, **kw)
    return tuple(m[k] for k in PLACE)


SPEAKER = [
    # a district report naming its aid partners, a city it learned from, and a port zone
    ("aid-partners",
     "鹿城区2021年度法治政府建设情况报告\n2021年，全区上下坚持以习近平法治思想为指导。我区深化东西部协作，"
     "对口帮扶四川省古蔺县，组织干部赴杭州市上城区考察学习基层治理经验，援疆工作队在阿克苏地区开展普法。"
     "全区推进老城区改造和新社区建设，东港区块综合整治有序推进。\n一、主要举措和成效\n（一）全区……",
     ("", "鹿城区", "温州市", "浙江省", "district")),
    # no title: the signature speaks; 东港 / 新城区 / 老城区 are ordinary words here
    ("signature-only",
     "区委、区政府：\n现将我区2022年度法治政府建设情况报告如下。\n一、主要工作\n全区推进新城区开发，"
     "东港片区、老城区有机更新。学习借鉴日照市东港区经验。\n二、存在的不足\n……\n三、下一步工作打算\n……\n"
     "宁波市北仑区人民政府\n2023年3月20日",
     ("", "北仑区", "宁波市", "浙江省", "district")),
    ("city-report",
     "泉州市人民政府关于2021年度法治政府建设情况的报告\n2021年，全市各级各部门深入学习贯彻习近平法治思想，"
     "晋江市、石狮市等县（市、区）积极创建法治政府建设示范地区。",
     ("", "", "泉州市", "福建省", "city")),
    ("province-report",
     "浙江省人民政府关于2022年法治政府建设情况的报告\n2022年，全省坚持以习近平新时代中国特色社会主义思想为指导，"
     "杭州市、宁波市、温州市……",
     ("", "", "", "浙江省", "province")),
    ("national",
     "国务院关于2022年度法治政府建设情况的报告\n2022年，国务院坚持以习近平新时代中国特色社会主义思想为指导，"
     "各省、自治区、直辖市人民政府……",
     ("", "", "", "", "national")),
    ("department",
     "福州市鼓楼区司法局2022年度法治政府建设工作报告\n2022年，我局在区委、区政府的坚强领导下，"
     "认真落实法治政府建设各项任务。我局指导东街街道、温泉街道开展人民调解。",
     ("", "鼓楼区", "福州市", "福建省", "district")),
    ("banner-town-in-county",
     "琯头镇2022年法治政府建设工作报告\n2022年，琯头镇党委、政府在县委、县政府的正确领导下，全镇上下……"
     "学习晋江市经验，与平潭县开展交流。",
     ("琯头镇", "连江县", "福州市", "福建省", "town")),
    ("banner-issuer-lines",
     "中共鄂托克前旗城川镇委员会\n鄂托克前旗城川镇人民政府\n关于2021年度法治政府建设情况的报告\n旗委、旗政府：\n"
     "2021年，我镇坚持……全镇……",
     ("城川镇", "鄂托克前旗", "鄂尔多斯市", "内蒙古自治区", "town")),
    ("banner-qi",
     "鄂托克前旗2021年法治政府建设工作报告\n2021年，全旗坚持……我旗城川镇、昂素镇……",
     ("", "鄂托克前旗", "鄂尔多斯市", "内蒙古自治区", "county")),
    ("sumu",
     "巴音敖包苏木2022年度法治政府建设工作总结\n2022年，我苏木党委、政府……全苏木……",
     None),  # the level only: where 巴音敖包苏木 lies is checked below
    ("traditional",
     "馬尾區亭江鎮2020年度法治政府建設工作報告\n2020年，亭江鎮黨委、政府結合實際情況……",
     ("亭江镇", "马尾区", "福州市", "福建省", "town")),
    ("town-ambiguous-name-resolved-by-county",
     "城川镇2022年法治政府建设工作报告\n2022年，在旗委、旗政府的坚强领导下，城川镇党委、政府……鄂托克前旗……",
     ("城川镇", "鄂托克前旗", "鄂尔多斯市", "内蒙古自治区", "town")),
    ("zone-for-county",
     "平潭综合实验区2021年法治政府建设情况报告\n2021年，实验区党工委、管委会……",
     ("", "平潭县", "福州市", "福建省", "zone")),
    ("renamed-county",
     "沙县2020年法治政府建设工作报告\n2020年，全县……我县……",
     ("", "沙县区", "三明市", "福建省", "county")),
    ("two-char-county",
     "歙县2021年度法治政府建设情况报告\n2021年，全县……我县……",
     ("", "歙县", "黄山市", "安徽省", "county")),
]


@pytest.mark.parametrize("name, text, expected", SPEAKER, ids=[c[0] for c in SPEAKER])
def test_who_is_speaking(name, text, expected):
    got = _place(text)
    if expected is None:
        assert got[-1] == "township" and got[0] == "巴音敖包苏木"
    else:
        assert got == expected


@pytest.mark.parametrize("file, text, expected", [
    ("2021年琯头镇法治政府建设工作报告.docx",
     "关于2021年度法治政府建设情况的报告\n今年以来，我镇坚持……全镇……",
     ("琯头镇", "连江县", "福州市", "福建省", "town")),
    ("连江县/2021年度报告.txt",
     "关于2021年度法治政府建设情况的报告\n今年以来，全县坚持……我县……",
     ("", "连江县", "福州市", "福建省", "county")),
    ("page_0042.txt",
     "关于2021年度法治政府建设情况的报告\n今年以来，全县坚持……我县……",
     ("", "", "", "", "county")),
])
def test_file_name_is_evidence(file, text, expected):
    assert _place(text, file=file) == expected


def test_body_mentions_alone_never_place_another_region():
    # a township report without title or signature that names its partner county many times
    text = ("今年以来，我乡坚持以习近平法治思想为指导。全乡深化东西部协作，与古蔺县结对帮扶，"
            "赴古蔺县考察学习三次，邀请古蔺县司法局来我乡交流，对口支援古蔺县。全乡干部群众法治意识明显增强。")
    town, district, city, province, level = _place(text)
    assert (town, district, city, province) == ("", "", "", "")
    assert level == "township"


@pytest.mark.parametrize("title, text, year, plan", [
    ("2014年政府工作报告", "各位代表：现在，我代表市人民政府向大会报告工作。", 2013, 2014),
    ("", "一、主要工作\n全镇……\n二、存在问题\n……\n三、2021年工作计划\n（一）……", 2020, 2021),
    ("", "一、主要工作\n全镇……\n二、下一步打算\n……\n某某镇人民政府\n2022年12月20日", 2022, None),
    ("关于法治政府建设情况的报告",
     "根据《2019年度法治政府建设评估报告》和省委要求，我县2020年认真落实……\n县人民政府\n2021年3月10日",
     2020, None),
    ("2023年镇法治政府建设工作总结及2024年工作思路", "2023年以来，我镇……", 2023, 2024),
    ("XX区2022年工作要点", "", 2021, 2022),
])
def test_report_year_and_plan_year(title, text, year, plan):
    m = infer_meta(f"{title}\n{text}" if title else text)
    assert (m["report_year"], m["plan_year"]) == (year, plan)


def test_report_signed_in_december_is_not_late():
    text = ("西湖区2022年法治政府建设年度报告\n2022年，全区……\n一、主要举措和成效\n……\n二、2023年工作安排\n……\n"
            "杭州市西湖区人民政府\n2022年12月26日")
    doc, _ = process_text(text)
    assert (doc["report_year"], doc["signed_date"], doc["publish_date"]) == (2022, "2022-12-26", "2022-12-26")
    assert doc["late"] is False


@pytest.mark.parametrize("text, title", [
    ("您所在的位置：首页 > 政务公开 > 法治政府建设 > 年度报告\n琯头镇2022年法治政府建设工作报告\n2022年，我镇……",
     "琯头镇2022年法治政府建设工作报告"),
    ("首页>>信息公开>>工作计划和总结\n标 题：连江县司法局2021年度法治政府建设工作总结\n2021年，我局……",
     "连江县司法局2021年度法治政府建设工作总结"),
    ("索引号：0001-2022-00031\n发布机构：北仑区人民政府\n生成日期：2022-03-28\n主题分类：工作报告\n文号：无\n"
     "浏览次数：120\n北仑区2021年度法治政府建设情况报告\n2021年，全区……",
     "北仑区2021年度法治政府建设情况报告"),
    ("宁波市北仑区人民政府\n关于2021年度法治政府建设情况的报告\n市委、市政府：\n2021年，我区……",
     "宁波市北仑区人民政府关于2021年度法治政府建设情况的报告"),
    ("北仑区2021年法治政府建设\n情况报告\n2021年，全区……", "北仑区2021年法治政府建设情况报告"),
    ("琯头镇2022年法治政府建设工作报告2022年，琯头镇党委、政府坚持以习近平法治思想为指导，全镇……一、主要工作（一）……",
     "琯头镇2022年法治政府建设工作报告"),
    ("今天是：2023年3月2日 星期四\n琯头镇2022年法治政府建设工作报告\n正文。", "琯头镇2022年法治政府建设工作报告"),
])
def test_titles(text, title):
    assert find_title(clean_text(text).text) == title


@pytest.mark.parametrize("page_title, clean", [
    ("北仑区2021年度法治政府建设情况报告_宁波市北仑区人民政府", "北仑区2021年度法治政府建设情况报告"),
    ("北仑区2021年度法治政府建设情况报告-北仑区人民政府门户网站", "北仑区2021年度法治政府建设情况报告"),
    ("关于2021年度法治政府建设情况的报告 | 连江县司法局", "关于2021年度法治政府建设情况的报告"),
])
def test_page_title_loses_site_suffix(page_title, clean):
    assert clean_page_title(page_title) == clean


@pytest.mark.parametrize("text, folded", [
    ("法治政府建設情況", "法治政府建设情况"),
    ("长沙县㮾梨街道", "长沙县榔梨街道"),       # CJK Extension A, written with 榔 in the gazetteer
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_extension_character_in_a_name():
    assert _place("㮾梨街道2022年法治政府建设工作报告\n2022年，㮾梨街道党工委……全街道……")[:4] == (
        "榔梨街道", "长沙县", "长沙市", "湖南省")


def test_explain_keeps_losers_and_ambiguity():
    text = "东湖街道2022年法治政府建设工作报告\n2022年，东湖街道党工委……全街道……"
    m = infer_meta(text)
    assert m["town"] == "东湖街道" and m["district"] == ""  # 15 places: nothing decides
    rule = m["meta_rules"]["town"]
    assert rule["ambiguous"] is True and len(rule["candidates"]) >= 5
    json.dumps(m["meta_rules"], ensure_ascii=False)  # JSON-ready


def test_town_report_under_its_district_banner():
    # a district site prints its name above a town's report whose title names no place
    text = ("宁波市北仑区人民政府\n关于2022年度法治政府建设情况的报告\n区委、区政府：\n2022年，大碶街道党工委、"
            "办事处高度重视法治建设，全街道上下……我街道……本街道……大碶街道综治中心……")
    assert _place(text)[:4] == ("大碶街道", "北仑区", "宁波市", "浙江省")


@pytest.mark.parametrize("text, expected", [
    # a department named by its level only: the place comes from other evidence (none here)
    ("区司法局2021年度法治政府建设工作总结\n2021年，我局……全局……",
     {"department": "司法局", "level": "district", "district": "", "unit": "区司法局"}),
    ("连江县司法局2021年度法治政府建设工作总结\n2021年，我局……全局……",
     {"department": "司法局", "level": "county", "district": "连江县", "city": "福州市"}),
    # a functional area inside a district: the district places it, the level says zone
    ("马尾区福州经济技术开发区管委会2021年法治政府建设工作报告\n2021年，开发区……",
     {"level": "zone", "unit": "福州经济技术开发区", "district": "马尾区", "city": "福州市"}),
])
def test_departments_and_zones(text, expected):
    m = infer_meta(text)
    assert {k: m[k] for k in expected} == expected


def test_town_not_in_the_gazetteer_keeps_its_name_and_level():
    m = infer_meta("清溪口街道办事处2023年法治政府建设年度报告\n2023年，清溪口街道办事处坚持……")
    assert (m["town"], m["district"], m["level"]) == ("清溪口街道", "", "subdistrict")
    assert m["meta_rules"]["town"]["rule"] == "unlisted_town"


@pytest.mark.parametrize("text, town", [
    # no title, no 我镇: the town names itself twice, once after a verb
    ("市委、市政府：\n2025年，下蜀镇坚持以习近平新时代中国特色社会主义思想为指导。现将本年度有关情况汇报如下：\n"
     "一、完善制度体系\n镇党委加强组织领导。梳理编制下蜀镇基本履职事项清单。", "下蜀镇"),
    # a county report naming one of its towns twice is not that town's report
    ("2021年，全县坚持依法行政。全县各乡镇党委……我县在下蜀镇试点，下蜀镇经验在全县推广。全县……", ""),
])
def test_body_only_towns(text, town):
    assert infer_meta(text)["town"] == town


def test_breadcrumb_with_position_label_is_not_the_title():
    text = "您所在的位置：政务公开>工作报告\n2020年静海区法治政府建设情况报告\n文章来源：司法局 更新时间：2021/03/29 11:30:01\n2020年，静海区……"
    m = infer_meta(clean_text(text).text, raw=text)
    assert (m["title"], m["district"], m["city"]) == ("2020年静海区法治政府建设情况报告", "静海区", "天津市")


_PAGE_BODY = ("2022年，我区坚持以习近平法治思想为指导，全区上下深入推进依法行政。现将有关情况报告如下：\n"
              "一、主要举措和成效\n（一）加强组织领导。区政府常务会议专题研究法治政府建设4次。\n"
              "二、存在的不足和原因\n基层执法力量仍然薄弱。\n三、下一步工作安排\n2023年，我区将持续深化法治政府建设。")


def _html_page() -> str:
    paras = "".join(f"<p>{line}</p>" for line in _PAGE_BODY.split("\n"))
    return ("<html><head><meta charset='utf-8'><title>北仑区2022年度法治政府建设情况报告_宁波市北仑区人民政府</title>"
            "<meta name='SiteName' content='宁波市北仑区人民政府'><meta name='SiteIDCode' content='3302060001'>"
            "<meta name='ColumnName' content='法治政府建设'><meta name='PubDate' content='2023-03-28 10:20'>"
            "<meta name='ArticleTitle' content='北仑区2022年度法治政府建设情况报告'></head><body>"
            "<div class='crumb'>您所在的位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>"
            "<div class='article'><h1>北仑区2022年度法治政府建设情况报告</h1>"
            "<div class='info'>来源：区司法局 发布时间：2023-03-28 10:20 浏览次数：</div>"
            f"<div class='TRS_Editor'>{paras}</div></div>"
            "<div class='footer'>主办：宁波市北仑区人民政府办公室 网站标识码：3302060001</div></body></html>")


def _txt_scrape() -> str:
    return ("您所在的位置：首页 > 政务公开 > 法治政府建设\n北仑区2022年度法治政府建设情况报告\n"
            "来源：区司法局 发布时间：2023-03-28 10:20 浏览次数：\n" + _PAGE_BODY +
            "\n主办：宁波市北仑区人民政府办公室 网站标识码：3302060001\n")


def test_same_page_as_html_txt_and_other_encodings_gives_the_same_metadata(tmp_path):
    from fazhi.ingest import ingest_file

    (tmp_path / "page.html").write_text(_html_page(), encoding="utf-8")
    (tmp_path / "page.txt").write_text(_txt_scrape(), encoding="utf-8")
    (tmp_path / "page-gbk.txt").write_bytes(_txt_scrape().encode("gb18030"))
    (tmp_path / "page-utf16.txt").write_bytes(_txt_scrape().encode("utf-16"))
    fields = ("title", "report_year", "plan_year", "publish_date", "unit", "town", "district", "city",
              "province", "level", "division_code", "parts")
    docs = {f.name: ingest_file(f, tmp_path).doc for f in sorted(tmp_path.iterdir())}
    assert all(d is not None for d in docs.values()), docs
    ref = {k: docs["page.html"][k] for k in fields}
    assert ref["title"] == "北仑区2022年度法治政府建设情况报告"
    assert (ref["report_year"], ref["plan_year"], ref["publish_date"]) == (2022, 2023, "2023-03-28")
    assert (ref["district"], ref["city"], ref["province"], ref["level"]) == ("北仑区", "宁波市", "浙江省", "district")
    for name, d in docs.items():
        assert {k: d[k] for k in fields} == ref, name


@pytest.mark.parametrize("title, clean", [
    ("新郑市人民政府首页政务公开乡镇政务公开龙湖镇龙湖镇2021年度法治政府建设工作报告", "龙湖镇2021年度法治政府建设工作报告"),
    ("富平县人民政府首页信息公开部门信息公开县司法局富平县司法局2022年法治政府建设工作报告",
     "富平县司法局2022年法治政府建设工作报告"),
    ("仙桃市人民政府政务公开法治政府建设仙桃市2022年法治政府建设情况报告", "仙桃市2022年法治政府建设情况报告"),
    ("2023年镇法治政府建设工作总结及2024年工作思路", "2023年镇法治政府建设工作总结及2024年工作思路"),
    ("马尾区亭江镇2020年度法治政府建设工作报告", "马尾区亭江镇2020年度法治政府建设工作报告"),
])
def test_trim_title_drops_crawled_chrome(title, clean):
    from fazhi.meta import trim_title

    assert trim_title(title) == clean


@pytest.mark.parametrize("text, expected", [
    # a government work report reviews the year before its meeting
    ("首页 > 国务院 > 政府工作报告\n政府工作报告（全文）\n来源： 新华社 | 2014-03-14 10:58\n政府工作报告\n"
     "——2014年3月5日在第十二届全国人民代表大会第二次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。",
     {"title": "政府工作报告", "report_year": 2013, "plan_year": 2014, "publish_date": "2014-03-14",
      "level": "national"}),
    # a national department
    ("国家税务总局2022年度法治政府建设情况报告\n2022年，税务总局坚持……",
     {"level": "national", "department": "国家税务总局", "province": ""}),
    # a provincial department
    ("浙江省司法厅2022年度法治政府建设工作报告\n2022年，我厅……",
     {"level": "province", "department": "司法厅", "province": "浙江省"}),
    # a functional area the gazetteer lists as county-level (code x7x), under its other name
    ("乌拉盖管理区管委会2021年度法治政府建设工作报告\n2021年，乌拉盖管理区在锡林郭勒盟委、行政公署的坚强领导下……",
     {"level": "zone", "district": "乌拉盖管委会", "city": "锡林郭勒盟"}),
    ("镇江新区2019年法治政府建设工作总结\n2019年，镇江新区在镇江市委、市政府的坚强领导下……",
     {"level": "zone", "district": "镇江新区", "city": "镇江市"}),
    # the subject of the opening sentence is the speaker
    ("2022年，玉林街道在武侯区委、区政府的坚强领导下，深入学习贯彻习近平法治思想。现将有关情况报告如下：\n一、主要工作\n……",
     {"town": "玉林街道", "district": "武侯区", "level": "subdistrict"}),
])
def test_real_layouts(text, expected):
    m = infer_meta(clean_text(text).text, raw=text)
    assert {k: m[k] for k in expected} == expected


def test_province_report_reposted_on_a_county_site():
    from fazhi.pagemeta import find_page_meta

    text = ("云南省人民政府关于2022年度法治政府建设情况的报告\n信息来源：云南省人民政府 发布时间：2023-04-06\n"
            "2022年，全省各级政府……昆明市、大理白族自治州……\n主办：宾川县人民政府办公室 网站标识码：5329240001")
    m = infer_meta(clean_text(text).text, raw=text, page=find_page_meta(text))
    assert (m["province"], m["city"], m["district"], m["level"]) == ("云南省", "", "", "province")


@pytest.mark.parametrize("text, expected", [
    # the speaker gives its level, not its name
    ("法治政府建设情况年度报告\n2019年，xx市人民政府坚持以习近平新时代中国特色社会主义思想为指导，全省排名靠前……xx省……",
     {"level": "city", "province": ""}),
    ("根据有关规定，现将省政府2022年度法治政府建设情况报告如下。\n一、主要工作\n省政府切实加强领导……",
     {"level": "province", "report_year": 2022}),
    # a ministry opens its report
    ("2022年，司法部坚持以习近平新时代中国特色社会主义思想为指导，部党组……", {"level": "national", "department": "司法部"}),
    # a bureau speaks in its body
    ("2022年，我局坚持以习近平法治思想为指导，在区委、区政府的正确领导下，我局……区司法局党组书记、局长带头……",
     {"department": "司法局"}),
    # a work report placed by its meeting line; held in December, it reviews its own year
    ("政府工作报告\n——2020年12月28日在公安县第十七届人民代表大会第五次会议上\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
     "一、2020年主要工作回顾",
     {"district": "公安县", "city": "荆州市", "report_year": 2020, "level": "county"}),
    # a province by its short name in a title; the prefecture by its short name
    ("2022年新疆政府工作报告\n各位代表：\n现在，我代表自治区人民政府向大会报告工作。\n一、2021年工作回顾",
     {"province": "新疆维吾尔自治区", "report_year": 2021, "level": "province"}),
    ("黔西南州人民政府关于2020年度法治政府建设情况的报告\n2020年，州人民政府……《贵州省外来投资服务和保障条例》……",
     {"city": "黔西南布依族苗族自治州", "province": "贵州省", "level": "city"}),
    # a county name inside a common word is no mention
    ("**县2021年法治政府建设情况报告\n全县创建省级法治政府建设示范县，全县……我县……", {"district": "", "city": ""}),
    # aggregator and column tags, a 全文 marker, a site banner on a one-line page
    ("（河南省）2020年鲁山县人民政府工作报告\n——2021年1月8日在鲁山县第十五届人民代表大会第六次会议上\n各位代表：",
     {"title": "2020年鲁山县人民政府工作报告", "report_year": 2020, "district": "鲁山县"}),
    ("【年度报告】平房区2023年法治政府建设情况报告\n来源:平房区司法局时间:2024-02-28\n2023年，平房区坚持……",
     {"title": "平房区2023年法治政府建设情况报告", "publish_date": "2024-02-28", "district": "平房区"}),
    ("某某之家—资源每日更新www.example.com湖北省人民政府关于2023年度法治政府建设情况的报告2023年，省政府坚持以习近平法治思想为指导，"
     "全面推进依法行政。" * 3,
     {"title": "湖北省人民政府关于2023年度法治政府建设情况的报告", "province": "湖北省", "level": "province",
      "report_year": 2023}),
    # the issuer line belongs to a title that starts with its year
    ("赵县人民政府\n2022年度法治政府建设情况报告\n2022年，县政府坚持……", {"title": "赵县人民政府2022年度法治政府建设情况报告",
                                                      "district": "赵县"}),
])
def test_real_page_classes(text, expected):
    m = infer_meta(clean_text(text).text, raw=text)
    assert {k: m[k] for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a bare place name at the top is a site's banner, not the issuer
    ("福州市\n福建省2023年度法治政府建设情况\n2023年，我省各级政府坚持……全省……",
     {"province": "福建省", "city": "", "level": "province", "title": "福建省2023年度法治政府建设情况"}),
    # the first half of a title ends with 政府: it is no issuing body
    ("关于那曲市色尼区2025年度法治政府\n建设情况的报告\n2025年，色尼区坚持……",
     {"title": "关于那曲市色尼区2025年度法治政府建设情况的报告", "district": "色尼区"}),
    # labels scraped without their colons before the title
    ("- 乡镇信息公开\n-\n索引号pbxxhxrmzf/2026-00001\n-\n发布机构屏边县新华乡人民政府\n-\n文号\n-\n发布日期2026-01-27\n"
     "新华乡2025年法治政府建设工作情况报告\n县委全面依法治县委员会办公室：\n2025年，新华乡在县委、县政府的坚强领导下……",
     {"title": "新华乡2025年法治政府建设工作情况报告", "town": "新华乡", "district": "屏边苗族自治县"}),
    # a city department names itself in its opening
    ("2021年，绍兴市司法局坚持以习近平法治思想为指导，全省……省对市考核……",
     {"city": "绍兴市", "department": "司法局", "level": "city"}),
    ("2023年，市市场监管局在市委市政府的坚强领导下，深入学习贯彻习近平法治思想……全省率先……",
     {"department": "市场监管局", "level": "city"}),
    ("2021年，司法厅坚持以习近平新时代中国特色社会主义思想为指导，四川省……四川省人民政府……",
     {"department": "司法厅", "level": "province", "province": "四川省"}),
    # the governments of a whole autonomous region speak together (全区 is the region here)
    ("2023年，全区各级人民政府坚持以习近平新时代中国特色社会主义思想为指导……自治区人民政府……", {"level": "province"}),
    # the unit in the sentence that presents the report
    ("根据规定，现将保山市2023年度法治政府建设情况报告如下：\n一、主要工作\n……", {"city": "保山市", "level": "city"}),
    # a work report published by its delivery
    ("政府工作报告\n——2019年3月2日在浮山县第十七届人民代表大会第四次会议上\n各位代表：",
     {"publish_date": "2019-03-02", "report_year": 2018, "district": "浮山县"}),
])
def test_held_out_page_classes(text, expected):
    m = infer_meta(clean_text(text).text, raw=text)
    assert {k: m[k] for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # programme slogans name the speaker's own province or city
    ("根据规定，现将省政府2022年度法治政府建设情况报告如下。\n一、主要工作\n省政府切实加强领导，推进法治湖南建设……",
     {"province": "湖南省", "level": "province"}),
    # a functional area placed by its city's slogan
    ("2023年，高新区坚持以习近平新时代中国特色社会主义思想为指导，积极推进法治珠海建设，唐家湾镇……",
     {"city": "珠海市", "level": "zone", "unit": "高新区", "town": ""}),
    ("经济技术开发区管理委员会关于2022年法治政府建设情况报告\n2022年，经开区坚持……推进法治云南建设……",
     {"province": "云南省", "level": "zone"}),
])
def test_slogans_and_zones(text, expected):
    m = infer_meta(clean_text(text).text, raw=text)
    assert {k: m[k] for k in expected} == expected


def test_a_slogan_of_the_parent_does_not_move_a_county():
    m = infer_meta("连江县2022年法治政府建设工作报告\n2022年，全县坚持……奋力推进法治福州建设……全县……")
    assert (m["district"], m["city"], m["level"]) == ("连江县", "福州市", "county")
