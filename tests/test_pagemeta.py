"""Page metadata: labelled candidates from the chrome of scraped report pages (dates, sources, site
names, columns, titles, site codes, breadcrumbs), in the layouts of real government sites, and the
look-alike body sentences that must not count."""

from __future__ import annotations

import json
import time

import pytest

from fazhi.pagemeta import (
    FIELDS,
    PageMeta,
    chrome_line,
    find_page_meta,
    parse_fields,
    site_code_division,
    split_title,
)

BODY = "2022年，鼓山镇深入学习贯彻习近平法治思想，扎实推进法治政府建设，现将有关情况报告如下："


def _pairs(cands) -> list[tuple[str, str]]:
    return [(c.value, c.label) for c in cands]


@pytest.mark.parametrize("line, expected", [
    ("发布时间：2022-03-28 10:20", [("2022-03-28", "发布时间")]),
    ("来源：福州市鼓楼区司法局  发布时间：2022-03-28 10:20  浏览次数：", [("2022-03-28", "发布时间")]),
    ("[ 发布日期 ] 2021-03-30", [("2021-03-30", "发布日期")]),
    ("【发布时间】2021-03-30 09:00:12", [("2021-03-30", "发布时间")]),
    ("| 发布日期: | 2021-03-30 |", [("2021-03-30", "发布日期")]),
    ("发布日期：2021年03月30日", [("2021-03-30", "发布日期")]),
    ("更新时间：2023/1/9", [("2023-01-09", "更新时间")]),
    ("发文时间:2020.12.22", [("2020-12-22", "发文时间")]),
    ("成文日期 | 2024-02-06 | 发布日期 | 2024-02-08 |", [("2024-02-06", "成文日期"), ("2024-02-08", "发布日期")]),
    ("发 文 日 期 2019-11-29", [("2019-11-29", "发文日期")]),
    ("日期:2021-03-19 17:12", [("2021-03-19", "日期")]),
    ("时间:2023-05-07 17:15:05 公文范文 来源:网友投稿", [("2023-05-07", "时间")]),
    ("发布日期:2022-04-01-00:00:00 信息来源:晋安区 浏览次数:", [("2022-04-01", "发布日期")]),
    ("發布日期：2020/12/31 14:29:32", [("2020-12-31", "發布日期")]),
    ("发布时间 2022-03-28", [("2022-03-28", "发布时间")]),
    ("2020-12-22 11:50", [("2020-12-22", "bare")]),
    ("2019/3/8 9:05:11 次浏览 分类:工作动态 来源:", [("2019-03-08", "bare")]),
    ("• 发文日期:", []),
    # look-alikes: body sentences, a site's clock, an expiry date
    ("会议时间紧、任务重，各村要抓紧落实。", []),
    ("2021年3月5日，镇党委召开专题会议研究部署法治建设工作。", []),
    ("福州市鼓楼区人民政府 2023年5月6日星期六", []),
    ("失效日期：2025-02-13", []),
    ("数据时间：2021-12-31", []),
    ("发布时间：2022-13-45", []),
])
def test_dates(line, expected):
    m = find_page_meta(f"{line}\n{BODY}")
    assert _pairs(m.dates) == expected


def test_date_on_the_line_after_its_label():
    m = find_page_meta(f"• 索引号:\n\n11350102/2024-001005\n• 发文日期:\n\n2024年04月06日 16:40\n{BODY}")
    assert _pairs(m.dates) == [("2024-04-06", "发文日期")]
    assert [c.value for c in m.others] == ["11350102/2024-001005"]


@pytest.mark.parametrize("line, expected", [
    ("来源：福州市鼓楼区司法局", [("福州市鼓楼区司法局", "来源")]),
    ("信息来源: 晋安区人民政府办公室", [("晋安区人民政府办公室", "信息来源")]),
    ("发布机构：鼓山镇人民政府  公开日期：2023-03-20", [("鼓山镇人民政府", "发布机构")]),
    ("发 布 机 构 区人民政府办公室 发 文 日 期 2019-11-29", [("区人民政府办公室", "发布机构")]),
    ("发文机关: 仓山区人民政府   成文日期: 2021年03月30日", [("仓山区人民政府", "发文机关")]),
    ("| 发布单位 | 马尾区亭江镇人民政府 |", [("马尾区亭江镇人民政府", "发布单位")]),
    ("作者：鼓楼区司法局", [("鼓楼区司法局", "作者")]),
    ("2011-06-18 00:00:00 来源: 本站原创", [("本站原创", "来源")]),
    # look-alikes
    ("来源：根据群众反映，镇里及时处置。", []),
    ("资金来源于上级财政补助和镇级自筹。", []),
    ("数据来源：区统计局", []),
    ("群众来源广泛，参与热情高。", []),
])
def test_sources(line, expected):
    assert _pairs(find_page_meta(f"{line}\n{BODY}").sources) == expected


@pytest.mark.parametrize("line, crumb, column", [
    ("您所在的位置：首页 > 政务公开 > 法治政府建设", "首页 > 政务公开 > 法治政府建设", "法治政府建设"),
    ("当前位置：首页>>政务公开>>法治政府建设年度报告", "首页 > 政务公开 > 法治政府建设年度报告", "法治政府建设年度报告"),
    ("首页 > 信息公开 > 法定主动公开内容 > 正文", "首页 > 信息公开 > 法定主动公开内容 > 正文", "法定主动公开内容"),
    ("首页>>政府信息公开>>计划总结", "首页 > 政府信息公开 > 计划总结", "计划总结"),
    ("当前位置: 首页 / 政务公开 / 规划计划", "首页 > 政务公开 > 规划计划", "规划计划"),
    ("您现在的位置：首页 » 法治建设 » 工作报告", "首页 > 法治建设 > 工作报告", "工作报告"),
])
def test_breadcrumbs_give_a_column_never_a_title(line, crumb, column):
    m = find_page_meta(f"{line}\n{BODY}")
    assert [c.value for c in m.breadcrumbs] == [crumb]
    assert [c.value for c in m.columns] == [column]
    assert m.titles == ()


def test_breadcrumb_on_the_line_after_its_label():
    m = find_page_meta(f"福州市晋安区人民政府\n您当前的位置:\n>> ... >> 法治政府建设\n{BODY}")
    assert [c.value for c in m.breadcrumbs] == ["法治政府建设"]
    assert [(c.value, c.label) for c in m.columns] == [("法治政府建设", "您当前的位置")]


@pytest.mark.parametrize("line, expected", [
    ("标 题：鼓山镇2022年度法治政府建设情况报告", "鼓山镇2022年度法治政府建设情况报告"),
    ("标  题 | 仓山区2021年法治政府建设年度报告 |", "仓山区2021年法治政府建设年度报告"),
    ("信息名称:晋安区2023年法治政府建设工作情况报告", "晋安区2023年法治政府建设工作情况报告"),
    ("名        称 鼓楼区2020年法治政府建设工作报告", "鼓楼区2020年法治政府建设工作报告"),
])
def test_title_labels(line, expected):
    assert [c.value for c in find_page_meta(f"{line}\n{BODY}").titles] == [expected]


FOOT = "\n".join([BODY] * 3)


@pytest.mark.parametrize("line, names, codes", [
    ("主办：福州市晋安区人民政府办公室  承办：晋安区融媒体中心", ["福州市晋安区人民政府办公室"], []),
    ("福州市鼓楼区人民政府办公室主办 技术支持：某某科技有限公司", ["福州市鼓楼区人民政府办公室"], []),
    ("版权所有：福州市马尾区人民政府  网站标识码：3501050001  闽ICP备05000000号",
     ["福州市马尾区人民政府"], ["3501050001"]),
    ("主办单位：中共仓山区委 仓山区人民政府", ["中共仓山区委", "仓山区人民政府"], []),
    ("政府网站标识码:3501040001 闽公网安备 35010402000123号", [], ["3501040001"]),
    ("本网站由福州市晋安区人民政府办公室主办 晋安区信息中心承办", ["福州市晋安区人民政府办公室"], []),
    ("该活动由区司法局主办，各村积极参与。", [], []),
])
def test_footers(line, names, codes):
    m = find_page_meta(f"{FOOT}\n{line}")
    assert [c.value for c in m.site_names] == names
    assert [c.value for c in m.site_codes] == codes


@pytest.mark.parametrize("title, expected", [
    ("鼓山镇2022年法治政府建设年度报告_福州市晋安区人民政府", ("鼓山镇2022年法治政府建设年度报告", [], "福州市晋安区人民政府")),
    ("鼓山镇2022年法治政府建设年度报告_政务公开_福州市晋安区人民政府",
     ("鼓山镇2022年法治政府建设年度报告", ["政务公开"], "福州市晋安区人民政府")),
    ("关于印发《鼓楼区法治政府建设实施方案（2021-2025年）》的通知-福州市鼓楼区人民政府门户网站",
     ("关于印发《鼓楼区法治政府建设实施方案（2021-2025年）》的通知", [], "福州市鼓楼区人民政府门户网站")),
    ("马尾区亭江镇2020年度法治政府建设工作报告 - 马尾区政府网", ("马尾区亭江镇2020年度法治政府建设工作报告", [], "马尾区政府网")),
    ("福州市仓山区人民政府", ("", [], "福州市仓山区人民政府")),
    ("2021年法治政府建设年度报告", ("2021年法治政府建设年度报告", [], "")),
])
def test_split_title(title, expected):
    assert split_title(title) == expected


def test_page_dict_meta_tags_and_title():
    page = {"meta:SiteName": "福州市晋安区人民政府", "meta:SiteIDCode": "3501110001",
            "meta:ColumnName": "法治政府建设", "meta:ArticleTitle": "鼓山镇2022年法治政府建设年度报告",
            "meta:PubDate": "2023-03-20 16:05", "meta:ContentSource": "鼓山镇人民政府",
            "meta:Keywords": "法治政府,年度报告",
            "title": "鼓山镇2022年法治政府建设年度报告_福州市晋安区人民政府",
            "foot": "主办：福州市晋安区人民政府办公室\n网站标识码：3501110001"}
    m = find_page_meta(BODY, page)
    assert _pairs(m.dates) == [("2023-03-20", "meta:PubDate")]
    assert _pairs(m.sources) == [("鼓山镇人民政府", "meta:ContentSource")]
    assert _pairs(m.titles) == [("鼓山镇2022年法治政府建设年度报告", "meta:ArticleTitle"),
                                ("鼓山镇2022年法治政府建设年度报告", "<title>")]
    assert _pairs(m.site_names) == [("福州市晋安区人民政府", "meta:SiteName"), ("福州市晋安区人民政府", "<title>"),
                                    ("福州市晋安区人民政府办公室", "主办")]
    assert _pairs(m.site_codes) == [("3501110001", "meta:SiteIDCode"), ("3501110001", "网站标识码")]
    assert [c.origin for c in m.site_codes] == ["meta:SiteIDCode", "foot"]
    assert _pairs(m.columns) == [("法治政府建设", "meta:ColumnName")]
    assert ("法治政府,年度报告", "meta:Keywords") in _pairs(m.others)


def test_candidates_say_where_they_come_from():
    text = f"首页 > 政务公开 > 法治政府建设\n鼓山镇2022年法治政府建设年度报告\n来源：鼓山镇人民政府  发布时间：2023-03-20 16:05\n{BODY}"
    (c,) = find_page_meta(text).dates
    assert (c.origin, c.line, c.rule, c.whole_line) == ("text", 2, "date_publish", True)
    assert text[c.offset:].startswith("发布时间")


def test_one_long_line_is_scanned_inside_and_stays_cheap():
    body = BODY * 2000  # ~90 KB, no line break
    text = (f"首页 > 政务公开 > 法治政府建设 鼓山镇2022年法治政府建设年度报告 来源：鼓山镇人民政府 "
            f"发布时间：2023-03-20 16:05 {body} 主办：福州市晋安区人民政府办公室 网站标识码：3501110001")
    assert "\n" not in text and len(text) > 90_000
    start = time.perf_counter()
    m = find_page_meta(text)
    assert time.perf_counter() - start < 0.05
    assert _pairs(m.dates) == [("2023-03-20", "发布时间")]
    assert _pairs(m.sources) == [("鼓山镇人民政府", "来源")]
    assert [c.value for c in m.columns] == ["法治政府建设"]
    assert [c.value for c in m.site_codes] == ["3501110001"]
    assert [c.value for c in m.site_names] == ["福州市晋安区人民政府办公室"]
    assert not any(c.whole_line for c in m.dates)


def test_one_long_line_without_separators_cuts_the_source_at_a_unit_name():
    text = "来源：晋安区司法局今年以来我局认真贯彻落实" + "法治政府建设各项部署要求" * 3000
    assert [c.value for c in find_page_meta(text).sources] == ["晋安区司法局"]


def test_the_middle_of_a_long_text_is_not_read():
    lines = [BODY] * 200
    lines[100] = "发布时间：2020-01-01"
    lines[0], lines[-1] = "发布时间：2023-03-20", "网站标识码：3501110001"
    m = find_page_meta("\n".join(lines))
    assert [c.value for c in m.dates] == ["2023-03-20"]
    assert [c.line for c in m.site_codes] == [199]


def test_to_dict_is_json_ready():
    text = f"当前位置：首页 > 法治建设\n发布时间：2023-03-20\n{BODY}"
    m = find_page_meta(text, {"title": "报告_晋安区人民政府"})
    d = json.loads(json.dumps(m.to_dict(), ensure_ascii=False))
    assert set(d) == set(FIELDS)
    assert d["dates"][0] == {"value": "2023-03-20", "label": "发布时间", "rule": "date_publish", "origin": "text",
                             "line": 1, "offset": text.index("发布时间"), "whole_line": True}
    assert d["site_names"][0]["origin"] == "title"
    assert PageMeta() == find_page_meta("")


@pytest.mark.parametrize("code, division", [
    ("3501050001", "350105"),
    ("5001030001", "500103"),
    ("310000000044", "310000"),
    ("bm14000001", None),      # a central department
    ("0000000000", None),      # placeholder
    ("1234567890", None),
    ("3610782", None),          # wrong length
    ("9901050001", None),       # no such province
])
def test_site_code_division(code, division):
    assert site_code_division(code) == division


@pytest.mark.parametrize("line, rule", [
    ("来源：福州市鼓楼区司法局  发布时间：2022-03-28 10:20  浏览次数：", "web_source"),
    ("索 引 号 | 11350102/2022-00012 | 主题分类 | 政务公开 |", "web_index"),
    ("发布机构：鼓山镇人民政府 公开日期：2023-03-20 00:00:00", "web_source"),
    ("有效性：有效  发文字号：-", "web_other"),
    ("字号：大 中 小", "web_widget"),
    ("【字体：大 中 小】", "web_widget"),
    ("分享到：", "web_widget"),
    ("首页 政务公开 办事服务 互动交流 走进晋安", "web_nav"),
    ("2020-12-22 11:50", "web_date"),
    ("福州市晋安区人民政府 2023年5月6日星期六", "web_clock"),
    ("主办：福州市晋安区人民政府办公室  承办：晋安区融媒体中心", "web_host"),
    ("您所在的位置：首页 > 政务公开 > 法治政府建设", "web_crumb"),
    ("首页>>政务公开>>法治政府建设>>正文", "web_crumb"),
    ("标 题：鼓山镇2022年度法治政府建设情况报告", "web_title"),
    # look-alikes stay
    ("来源：根据群众反映，镇里及时处置。", None),
    ("时间紧、任务重，各村要抓紧落实。", None),
    ("2022年3月25日", None),            # a signature date
    ("2022-03-25", None),
    ("位置：鼓山镇鼓山村东侧", None),
    ("首页", None),
    ("标题党现象要坚决杜绝。", None),
    ("一、2022年法治政府建设主要举措和成效", None),
    ("名称：鼓山镇法治文化公园，占地2000平方米。", None),
])
def test_chrome_line(line, rule):
    ch = chrome_line(line)
    assert (ch.rule if ch else None) == rule


def test_parse_fields_needs_a_written_label():
    assert [f.label for f in parse_fields("来源于群众 时间紧")] == []
    assert [(f.label, f.value) for f in parse_fields("来源：鼓山镇  发布时间：2023-03-20")] == [
        ("来源", "鼓山镇"), ("发布时间", "2023-03-20")]


@pytest.mark.parametrize("text, date, source", [
    ("标题\n  • 2023年03月30日 09时24分\n  • 来源: 司法厅\n正文。", "2023-03-30", "司法厅"),
    ("标题\n2025-04-27 10:14 黑龙江省人民政府网\n正文。", "2025-04-27", None),
    ("标题\n作者: 来源:双城区人民政府更新时间:2022-03-10 12:17:36\n正文。", "2022-03-10", "双城区人民政府"),
    ("标题\n来源:平房区司法局时间:2024-02-28\n正文。", "2024-02-28", "平房区司法局"),
    ("标题\n来源： 新华社 | 2014-03-14 10:58\n正文。", "2014-03-14", "新华社"),
])
def test_more_date_layouts(text, date, source):
    from fazhi.pagemeta import find_page_meta

    pm = find_page_meta(text)
    assert date in [c.value for c in pm.dates]
    if source:
        assert source in [c.value for c in pm.sources]
