"""Clean stage: each cleaner on real excerpts from data/raw; removals are recorded and auditable."""

from __future__ import annotations

import pytest
from conftest import RAW

from fazhi.clean import (
    clean_text,
    count_placeholders,
    count_typos,
    fix_typos,
    join_wrapped_lines,
    normalize_punctuation,
    normalize_whitespace,
    remove_artifacts,
    remove_footer,
    remove_repeated_title,
    remove_trailer,
    remove_web_chrome,
)
from fazhi.indicators import extract_indicators
from fazhi.read import read_file

S000 = RAW / "2020-fujian-fuzhou-mawei-tingjiang.txt"
S003 = RAW / "2019-guangdong-shaoguan-wujiang-xilian.txt"
S004 = RAW / "2023-anonymised-town-template.txt"
ALL = sorted(RAW.glob("*.txt"))


@pytest.mark.parametrize("cleaner, before, after", [
    (remove_web_chrome, "马尾区亭江镇2020年度法治政府建设工作报告\n日期:2021-03-19 17:12\n政策文件:\n\n正文",
     "马尾区亭江镇2020年度法治政府建设工作报告\n\n正文"),
    (remove_web_chrome, "正文。\n来源:马尾区亭江镇\n附件下载\n\n扫一扫在手机上查看当前页面\n\n相关链接",
     "正文。\n\n\n"),
    (remove_web_chrome, "发布时间：2022年3月5日\n正文", "正文"),
    (remove_web_chrome, "【打印本页】【关闭窗口】\n正文", "正文"),
    (remove_web_chrome, "正文写到日期:2021-03-19 这一天", "正文写到日期:2021-03-19 这一天"),
    (remove_trailer, "进一步健全社会矛盾预警机制。通过“\n............试读结束............\n"
                     "查阅全文加微信:3231169 如来写作网:gw.rulaixiezuo.com",
     "进一步健全社会矛盾预警机制。通过“\n"),
    (remove_trailer, "正文没有被截断。", "正文没有被截断。"),
    (remove_trailer, "加强执法监督。\n——试读结束——\n更多范文请关注公众号", "加强执法监督。\n"),
    (remove_trailer, "加强执法监督。（试读结束）完整版请联系客服", "加强执法监督。"),
    (remove_trailer, "加强执法监督。\n剩余80%未读，点击查看全文", "加强执法监督。\n"),
    (remove_footer, "正文。\n本文内容由互联网用户自发贡献,本站仅提供信息存储空间服务\n请发送邮件至 3231169@qq.com 举报",
     "正文。\n"),
    (remove_artifacts, "[bookmark: _GoBack]（五）妥善处理好群众信访工作", "（五）妥善处理好群众信访工作"),
    (remove_artifacts, "法治\u200b政府", "法治政府"),
    (remove_repeated_title, "马尾区亭江镇2020年度法治政府建设工作报告\n\n  马尾区亭江镇2020年度法治政府建设工作报告\n\n  2020年以来",
     "马尾区亭江镇2020年度法治政府建设工作报告\n\n\n  2020年以来"),
    (remove_repeated_title, "一、工作情况\n正文\n一、工作情况", "一、工作情况\n正文\n一、工作情况"),
])
def test_cleaner(cleaner, before, after):
    assert cleaner(before) == after


@pytest.mark.parametrize("before, after", [
    ("(一)依法行政意识还不够强。", "（一）依法行政意识还不够强。"),
    ("(二) 行政执法不严、效能不高,管理环节多", "（二） 行政执法不严、效能不高，管理环节多"),
    ("现将法治政府建设工作报告如下:", "现将法治政府建设工作报告如下："),
    ("《法治政府建设实施纲要》(2016-2020)《国家安全法》", "《法治政府建设实施纲要》（2016-2020）《国家安全法》"),
    ("日期:2021-03-19 17:12", "日期：2021-03-19 17:12"),
    ("矛盾纠纷调解成功率达99.5%", "矛盾纠纷调解成功率达99.5%"),
    ("https://www.gongwencankao.com/180555.html", "https://www.gongwencankao.com/180555.html"),
    ("1.加强领导", "1.加强领导"),
    ("切实提高认识.", "切实提高认识。"),
    ("２０２４年ＬＥＤ屏", "2024年LED屏"),
    ("是否合法?", "是否合法？"),
])
def test_punctuation_is_full_width_in_chinese_context(before, after):
    assert normalize_punctuation(before) == after


def test_punctuation_halfwidth_style():
    assert normalize_punctuation("加强领导，压实责任：（一）", style="halfwidth") == "加强领导,压实责任:(一)"


@pytest.mark.parametrize("before, after", [
    ("  一、加强领导压实责任\n\n  一是提高政治站位。", "一、加强领导压实责任\n一是提高政治站位。"),
    ("（二） 行政执法不严", "（二）行政执法不严"),
    ("深化“邻里问题邻里解 平安家庭促平安”机制", "深化“邻里问题邻里解平安家庭促平安”机制"),
    ("利用辖内LED 宣传屏", "利用辖内LED宣传屏"),
    ("Word  and\u3000Excel", "Word and Excel"),
])
def test_whitespace(before, after):
    assert normalize_whitespace(before) == after


@pytest.mark.parametrize("text, counts, fixed", [
    ("详细治定了党委中心组学法制度", {"治定": 1}, "详细制定了党委中心组学法制度"),
    ("悬挂横幅58条,治作宣传标牌、标语63块", {"治作": 1}, "悬挂横幅58条,制作宣传标牌、标语63块"),
    ("完善内部监督治约机治,预防和纠正", {"机治": 1}, "完善内部监督治约机制,预防和纠正"),
    ("提高危机治理能力", {}, "提高危机治理能力"),
    ("增强政治定力", {}, "增强政治定力"),
    ("展现法治作为、发挥政治作用、转变治作风", {}, "展现法治作为、发挥政治作用、转变治作风"),
])
def test_typos(text, counts, fixed):
    assert count_typos(text) == counts
    assert fix_typos(text) == fixed


@pytest.mark.parametrize("text, counts", [
    ("深入学习贯彻A总书记全面依法治国新理念", {"A": 1}),
    ("“宪法与X”主题宣传月", {"X": 1}),
    ("X社区、X村被列入省级民主法治村", {"X": 2}),
    ("XX镇人民政府", {"X": 1}),
    ("利用辖内LED宣传屏", {}),
    ("请发送邮件至 3231169@qq.com 或QQ联系", {}),
    ("创建4A级景区", {}),
    ("推动“1+6+N”基层社会治理", {}),
])
def test_placeholders(text, counts):
    assert count_placeholders(text) == counts


TRUTH_FLAGS = [
    # file, truncated, anonymised_counts, typos_fixed, removal rules
    (S000.name, False, {}, 11, ["web_date", "web_policy", "repeated_title", "web_source",
                                "web_attachment", "web_qrcode", "web_links"]),
    ("2021-chongqing-qianjiang-pengdong.txt", False, {}, 0, []),
    (S004.name, True, {"A": 7, "X": 3}, 0, ["trailer_trial"]),
    (S003.name, False, {}, 0, ["artifact_bookmark"]),
    ("2024-guangdong-shantou-jinping-yuepu.txt", False, {}, 0, []),
]


@pytest.mark.parametrize("name, truncated, anon, typos, rules", TRUTH_FLAGS)
def test_seed_flags_and_removals(name, truncated, anon, typos, rules):
    raw = read_file(RAW / name).text
    c = clean_text(raw)
    assert c.flags["truncated"] is truncated
    assert c.flags["anonymised"] is bool(anon)
    assert c.flags["anonymised_counts"] == anon
    assert c.flags["typos_fixed"] == typos
    assert [r["rule"] for r in c.removals] == rules
    for r in c.removals:  # every removal points at what it removed in the original text
        assert raw[r["start"]:r["end"]] == r["text"]


def test_seed_000_typos_counted_and_fixed():
    c = clean_text(read_file(S000).text)
    assert c.flags["typo_counts"] == {"机治": 8, "治定": 1, "治作": 2}
    assert "机治" not in c.text and "完善法律顾问工作机制" in c.text


def test_seed_004_trailer_and_everything_after_is_gone():
    c = clean_text(read_file(S004).text)
    for junk in ("试读结束", "微信", "3231169", "qq.com", "https://", "本站", "侵权"):
        assert junk not in c.text
    assert c.text.endswith("进一步健全社会矛盾预警机制。通过“")


def test_seed_000_chrome_gone_title_kept_once():
    c = clean_text(read_file(S000).text)
    assert c.text.count("马尾区亭江镇2020年度法治政府建设工作报告") == 1
    for junk in ("日期", "政策文件", "来源", "附件下载", "扫一扫", "相关链接"):
        assert junk not in c.text


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name[:4])
def test_cleaned_text_is_normalised(path):
    text = clean_text(read_file(path).text).text
    assert "\n\n" not in text and "\r" not in text
    assert all(line == line.strip() for line in text.split("\n"))
    assert not any(ch in text for ch in ",;?!\u3000")  # no half-width punctuation left in these reports
    assert "(" not in text and "[bookmark" not in text


def test_cleaning_is_idempotent():
    for path in ALL:
        once = clean_text(read_file(path).text).text
        assert clean_text(once).text == once


def test_clean_options_are_keyword_only():
    raw = read_file(S000).text
    kept = clean_text(raw, typos=False, punctuation="keep")
    assert "机治" in kept.text and "," in kept.text
    with pytest.raises(TypeError):
        clean_text(raw, False)  # type: ignore[misc]


# --- page chrome of scraped report pages (layouts of real government sites, own wording) ---------

@pytest.mark.parametrize("before, after", [
    ("来源：福州市鼓楼区司法局  发布时间：2022-03-28 10:20  浏览次数：\n正文。", "正文。"),
    ("[ 发布日期 ] 2021-03-30\n正文。", "正文。"),
    ("| 发布日期: | 2021-03-30 |\n正文。", "正文。"),
    ("发布日期：2021年03月30日\n正文。", "正文。"),
    ("2020-12-22 11:50\n正文。", "正文。"),
    ("索 引 号 | 11350102/2022-00012 | 主题分类 | 政务公开 |\n发文机关: 仓山区人民政府   成文日期: 2021年03月30日\n正文。",
     "正文。"),
    ("发 布 机 构 区人民政府办公室 发 文 日 期 2019-11-29\n正文。", "正文。"),
    ("• 索引号:\n\n11350102/2024-001005\n• 发文日期:\n\n2024年04月06日 16:40\n正文。", "\n\n正文。"),
    ("您所在的位置：首页 > 政务公开 > 法治政府建设年度报告\n正文。", "正文。"),
    ("首页>>政务公开>>计划总结>>正文\n正文。", "正文。"),
    ("首页 政务公开 办事服务 互动交流 走进晋安\n正文。", "正文。"),
    ("字号：大 中 小\n分享到：\n正文。", "正文。"),
    ("标 题：鼓山镇2022年度法治政府建设情况报告\n正文。", "鼓山镇2022年度法治政府建设情况报告\n正文。"),
    ("标  题 | 仓山区2021年法治政府建设年度报告 |\n正文。", "仓山区2021年法治政府建设年度报告\n正文。"),
    ("正文。\n主办：福州市晋安区人民政府办公室  承办：晋安区融媒体中心\n网站标识码：3501110001  闽ICP备05000000号",
     "正文。\n"),
    ("正文。\n福州市鼓楼区人民政府办公室主办\n版权所有 © 福州市鼓楼区人民政府", "正文。\n"),
    # look-alike body sentences stay
    ("来源：根据群众反映，镇里及时处置。", "来源：根据群众反映，镇里及时处置。"),
    ("会议时间：2022年3月，全镇共召开专题会议5次。", "会议时间：2022年3月，全镇共召开专题会议5次。"),
    ("时间紧、任务重，各村要抓紧落实。", "时间紧、任务重，各村要抓紧落实。"),
    ("资金来源于上级财政补助和镇级自筹。", "资金来源于上级财政补助和镇级自筹。"),
    ("2022-03-25", "2022-03-25"),
    ("2021年3月5日，镇党委召开专题会议研究部署法治建设工作。", "2021年3月5日，镇党委召开专题会议研究部署法治建设工作。"),
    ("位置：鼓山镇鼓山村东侧", "位置：鼓山镇鼓山村东侧"),
    ("该活动由区司法局主办，各村积极参与。", "该活动由区司法局主办，各村积极参与。"),
    ("一、2022年法治政府建设主要举措和成效", "一、2022年法治政府建设主要举措和成效"),
])
def test_page_chrome_lines(before, after):
    assert remove_web_chrome(before) == after


def test_site_links_footer_among_chrome_lines():
    text = "正文。\n网站地图 | 联系我们 | 无障碍\n主办：福州市鼓楼区人民政府办公室\n网站标识码：3501020001\n手机版 | English"
    assert remove_footer(text) == "正文。\n主办：福州市鼓楼区人民政府办公室\n网站标识码：3501020001\n"
    c = clean_text(text)
    assert c.text == "正文。"
    assert [r["rule"] for r in c.removals] == ["web_sitelinks", "web_host", "web_footer", "web_sitelinks"]
    assert remove_footer("网站地图是本镇新建的公共设施。") == "网站地图是本镇新建的公共设施。"


SCRAPE = """福州市晋安区人民政府 首页 政务公开 办事服务 互动交流
您所在的位置：首页 > 政务公开 > 法治政府建设年度报告
鼓山镇2022年度法治政府建设情况报告
来源：鼓山镇人民政府  发布时间：2023-03-20 16:05  浏览次数：
字号：大 中 小
鼓山镇2022年度法治政府建设情况报告
2022年，鼓山镇深入学习贯彻习近平法治思想，扎实推进法治政府建设，现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。镇党委、政府召开专题会议研究部署法治建设工作。
鼓山镇人民政府
2023年3月15日
【打印本页】【关闭窗口】
主办：福州市晋安区人民政府办公室  承办：晋安区融媒体中心
网站标识码：3501110001  闽ICP备05000000号"""


def test_scrape_chrome_is_removed_and_auditable():
    c = clean_text(SCRAPE)
    assert c.text.split("\n") == [
        "鼓山镇2022年度法治政府建设情况报告",
        "2022年，鼓山镇深入学习贯彻习近平法治思想，扎实推进法治政府建设，现将有关情况报告如下：",
        "一、主要举措和成效",
        "（一）加强组织领导。镇党委、政府召开专题会议研究部署法治建设工作。",
        "鼓山镇人民政府",
        "2023年3月15日",
    ]
    assert [r["rule"] for r in c.removals] == ["web_nav", "web_crumb", "web_source", "web_fontsize", "repeated_title",
                                               "web_print", "web_host", "web_footer"]
    for r in c.removals:
        assert SCRAPE[r["start"]:r["end"]] == r["text"]
    assert c.flags["truncated_mid_sentence"] is False
    assert clean_text(c.text).text == c.text


@pytest.mark.parametrize("text, cut", [
    ("一、工作情况\n全镇共调处矛盾纠纷209件，调解成功率达", True),
    ("一、工作情况\n全镇共调处矛盾纠纷209件。\n二、存在问题", True),
    ("现将有关情况报告如下：", True),
    ("一是加强领导；二是压实责任；", True),
    ("一、工作情况\n全镇共调处矛盾纠纷209件。", False),
    ("推动法治文化深入人心。\n鼓山镇人民政府\n2023年3月15日", False),
    ("推动法治文化深入人心。\n中共鼓山镇委员会  鼓山镇人民政府", False),
    ("推动法治文化深入人心。\n鼓山镇人民政府 2023年3月15日", False),
    ("推动法治文化深入人心。\n二〇二三年三月十五日", False),
    ("推动法治文化深入人心。\n2023-03-15", False),
    ("推动法治文化深入人心。\n（此件公开发布）", False),
    ("坚持“谁执法谁普法”", False),
    ("推动法治文化深入人心。\n附件：1.法治政府建设工作台账", False),
    ("", False),
])
def test_truncated_mid_sentence(text, cut):
    assert clean_text(text).flags["truncated_mid_sentence"] is cut


@pytest.mark.parametrize("name, cut", [
    (S000.name, False), ("2021-chongqing-qianjiang-pengdong.txt", False), (S004.name, True),
    (S003.name, False), ("2024-guangdong-shantou-jinping-yuepu.txt", False),
])
def test_seed_truncated_mid_sentence(name, cut):
    flags = clean_text(read_file(RAW / name).text).flags
    assert flags["truncated_mid_sentence"] is cut
    assert flags["truncated"] is (name == S004.name)  # the trailer case keeps its own flag


def test_one_long_line_is_not_cut_by_line_rules():
    line = "来源：鼓山镇人民政府 发布时间：2023-03-20 " + "全镇共调处矛盾纠纷209件，调解成功率达100%。" * 8000
    c = clean_text(line)
    assert c.removals == [] and c.text.startswith("来源：鼓山镇人民政府发布时间：2023-03-20全镇")


def test_a_page_crawled_onto_one_line_is_not_removed_as_a_footer():
    # a site banner with its address, then the whole report on the same line
    text = ("某某之家—资源每日更新www.example.com湖北省人民政府关于2023年度法治政府建设情况的报告"
            "2023年，省政府坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政。" * 6)
    cleaned = clean_text(text)
    assert len(cleaned.text) > len(text) * 0.9
    assert not [r for r in cleaned.removals if r["rule"].startswith("footer")]


@pytest.mark.parametrize("text, cleaned", [
    # a mirror site annotates characters with pinyin: 全區(qū)各級, 內(nèi)蒙古
    ("全區(qū)各級人民政府堅持，對內(nèi)蒙古的重要指示。", "全區各級人民政府堅持，對內蒙古的重要指示。"),
    ("政务服务(app)上线，法律顾问(2人)到岗。", "政务服务（app）上线，法律顾问（2人）到岗。"),
])
def test_pinyin_annotations_are_conversion_artifacts(text, cleaned):
    assert clean_text(text).text == cleaned


# A PDF saved as .txt (pdftotext, copy from a viewer): lines cut at the page's width, words split
# across lines. Our own wording, in the layout of such pages.
_WRAPPED = """2024年某县人民政府工作报告
各位代表：
现在，我代表县人民政府向大会报告工作，请予审议，并请县
政协委员和列席人员提出意见。
一、2024年工作回顾
过去一年，面对复杂严峻的外部环境，在县委的坚强领导下，全
县上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。
预计全年，地区生产总值增长5.5%；规上工业增加值增长7%，
固定资产投资增长6.1%；社会消费品零售总额增长4%；一般公
共预算收入增长9.2%；城乡居民人均可支配收入分别增长4.8%
和6.6%。
（一）聚力产业升级，工业经济稳步壮大
工业基础更加牢固。全年新增规上工业企业23家，总投资45亿
元的新材料产业园等16个重大项目开工建设，规上工业总产值达
到318亿元。"""

_PARAGRAPHS = """2024年某县人民政府工作报告
各位代表：
现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员和列席人员提出意见。
一、2024年工作回顾
过去一年，面对复杂严峻的外部环境，在县委的坚强领导下，全县上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。
预计全年，地区生产总值增长5.5%；规上工业增加值增长7%，固定资产投资增长6.1%；社会消费品零售总额增长4%；一般公共预算收入增长9.2%；城乡居民人均可支配收入分别增长4.8%和6.6%。
（一）聚力产业升级，工业经济稳步壮大
工业基础更加牢固。全年新增规上工业企业23家，总投资45亿元的新材料产业园等16个重大项目开工建设，规上工业总产值达到318亿元。"""


def test_lines_wrapped_at_a_page_width_are_joined():
    cleaned = clean_text(_WRAPPED)
    assert cleaned.text == _PARAGRAPHS
    assert cleaned.flags["normalised"]["wrapped_lines_joined"] == _WRAPPED.count("\n") - _PARAGRAPHS.count("\n")


# a PDF read as runs of its text objects: each number, and pieces of words, on a line of its own
_RUNS = """各位代表：
现在，我代表市人民政府向大会
作工
作报告，请
予审
议。
一、
2023
年工作回顾
过去的一年，
地区生产总值从
512.6
亿元增加到
548.3
亿元，增长
6.2%
。一般公共预算收入
41.2
亿元，增长
5.5%
。
二、
2024
年工作安排
主要预期目标是：地区生产总值增长
6%
左右。"""

_RUNS_JOINED = """各位代表：
现在，我代表市人民政府向大会作工作报告，请予审议。
一、2023年工作回顾过去的一年，地区生产总值从512.6亿元增加到548.3亿元，增长6.2%。一般公共预算收入41.2亿元，增长5.5%。
二、2024年工作安排主要预期目标是：地区生产总值增长6%左右。"""


def test_runs_of_a_pdf_are_joined_into_sentences():
    cleaned = clean_text(_RUNS)
    assert cleaned.text == _RUNS_JOINED
    assert cleaned.flags["normalised"]["wrapped_lines_joined"] == _RUNS.count("\n") - _RUNS_JOINED.count("\n")
    facts = extract_indicators(cleaned.text)
    assert [(f["raw"], f["subject"]) for f in facts][:3] == [
        ("512.6亿元", "地区生产总值"), ("548.3亿元", "地区生产总值"), ("6.2%", "地区生产总值")]


@pytest.mark.parametrize("text", [
    _PARAGRAPHS,  # one paragraph per line
    # short lines of a list, a heading and items: not a page's width
    "一、主要做法\n（一）加强组织领导\n（二）完善制度体系\n（三）强化执法监督\n（四）深化普法宣传\n"
    "（五）化解矛盾纠纷\n（六）建设法治队伍\n二、存在问题\n三、下一步打算",
    # too few lines to tell
    "全县共调解矛盾纠纷1530件，调解成功率\n98%。",
])
def test_texts_not_wrapped_keep_their_lines(text):
    assert join_wrapped_lines(text) == text
