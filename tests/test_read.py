"""Read stage: formats, encodings, bad input with one-line reasons, large files."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from conftest import RAW

from fazhi.clean import clean_text
from fazhi.read import ReadError, decode_bytes, find_files, html_main_text, load_table, read_file

SEEDS = sorted(p.name for p in RAW.glob("*.txt"))
SEED = RAW / "2021-chongqing-qianjiang-pengdong.txt"
TITLED = RAW / "2019-guangdong-shaoguan-wujiang-xilian.txt"


@pytest.mark.parametrize("name, snippet", [
    ("2019-guangdong-shaoguan-wujiang-xilian.txt", "武江区西联镇2019年度法治政府建设情况报告"),
    ("2020-fujian-fuzhou-mawei-tingjiang.txt", "日期:2021-03-19 17:12"),
    ("2021-chongqing-qianjiang-pengdong.txt", "关于2021年度法治政府建设情况的报告"),
    ("2023-anonymised-town-template.txt", "试读结束"),
    ("2024-guangdong-shantou-jinping-yuepu.txt", "月浦街道深入学习贯彻"),
])
def test_seeds_read_as_utf8(name, snippet):
    raw = read_file(RAW / name)
    assert (raw.encoding, raw.format) == ("utf-8", "txt")
    assert snippet in raw.text


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("gbk", "gb18030"),
    ("gb2312", "gb18030"),
    ("gb18030", "gb18030"),
    ("utf-16", "utf-16"),          # with BOM
    ("utf-16-be-bom", "utf-16"),
])
def test_encodings_decode_to_the_same_text(encoding, expected):
    text = SEED.read_text(encoding="utf-8").replace("\xa0", " ")
    if encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    decoded, found = decode_bytes(data)
    assert found == expected
    assert decoded == text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings(tmp_path, newline):
    text = SEED.read_text(encoding="utf-8")
    f = tmp_path / "crlf.txt"
    f.write_bytes(text.replace("\n", newline).encode("gb18030"))
    raw = read_file(f)
    assert raw.text == text
    assert raw.encoding == "gb18030"


def _blank_pdf() -> bytes:
    import io

    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


BAD = [
    ("empty.txt", b"", "空文件 / empty file"),
    ("blank.txt", b" \n\t\r\n \xe3\x80\x80\n", "只有空白 / whitespace only"),
    ("binary.txt", bytes(range(256)) * 64, "二进制文件"),
    ("english.txt", b"This report is written in English only.\n" * 50, "没有中文文本"),
    ("few.txt", "报告".encode() + b" and lots of latin text " * 10, "没有中文文本"),
    ("corrupt.docx", b"PK\x03\x04 this is not really a zip archive", "损坏的 Word 文件"),
    ("notzip.docx", "法治政府建设年度报告".encode() * 20, "损坏的 Word 文件"),
    ("corrupt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage", "PDF"),
    ("blank.pdf", None, "PDF 没有文本层"),
    ("page.html", b"<html><body><nav>Home</nav><p>English page</p></body></html>", "没有中文文本"),
]


@pytest.mark.parametrize("name, data, reason", BAD, ids=[b[0] for b in BAD])
def test_bad_files_raise_one_line_reason(tmp_path, name, data, reason):
    f = tmp_path / name
    f.write_bytes(_blank_pdf() if data is None else data)
    with pytest.raises(ReadError) as exc:
        read_file(f)
    msg = str(exc.value)
    assert reason in msg
    assert "\n" not in msg and "/" in msg  # one line, Chinese / English


def test_folder_named_like_a_report_is_rejected(tmp_path):
    (tmp_path / "x.txt").mkdir()
    assert [p.name for p in find_files(tmp_path)] == ["x.txt"]
    with pytest.raises(ReadError, match="文件夹 / cannot read"):
        read_file(tmp_path / "x.txt")


def test_broken_symlink_is_rejected(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert [p.name for p in find_files(tmp_path)] == ["gone.txt"]
    with pytest.raises(ReadError, match="broken link"):
        read_file(tmp_path / "gone.txt")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root can read a chmod 000 file; the broken-link and folder tests cover it")
def test_unreadable_file_is_rejected(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_bytes(SEED.read_bytes())
    f.chmod(0)
    try:
        with pytest.raises(ReadError, match="permission denied"):
            read_file(f)
    finally:
        f.chmod(0o644)


def test_find_files_walks_recursively_and_skips_hidden(tmp_path):
    for rel in ["a.txt", "sub/b.HTML", "sub/deep/c.docx", "d.pdf", ".hidden.txt", ".git/e.txt",
                "notes.md", "metadata.csv"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in find_files(tmp_path)]
    assert found == ["a.txt", "d.pdf", "sub/b.HTML", "sub/deep/c.docx"]


def _html_page(text: str) -> str:
    lines = text.split("\n")
    title, body = lines[0], lines[1:]
    nav = "".join(f"<li><a href='/{i}'>栏目导航{i}：政务公开、政策文件、互动交流</a></li>" for i in range(12))
    paras = "".join(f"<p>{line}</p>" for line in body)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>韶关市人民政府门户网站</title>"
        "<style>p {color: red}</style><script>var 统计代码 = '法治政府建设';</script></head><body>"
        f"<div class='header'>韶关市武江区人民政府门户网站 首页 政务公开 办事服务</div>"
        f"<nav><ul>{nav}</ul></nav><div class='breadcrumb'>当前位置：首页 &gt; 政务公开 &gt; 法治政府</div>"
        f"<div class='main'><h1>{title}</h1><div class='article-content'>{paras}</div></div>"
        "<div id='footer'>主办单位：韶关市武江区人民政府办公室 版权所有 粤ICP备12345678号</div>"
        "</body></html>"
    )


def test_html_page_gives_the_text_without_navigation(tmp_path):
    text = read_file(TITLED).text
    f = tmp_path / "report.html"
    f.write_text(_html_page(text), encoding="utf-8")
    raw = read_file(f)
    assert raw.format == "html"
    assert clean_text(raw.text).text == clean_text(text).text
    for chrome in ("栏目导航", "当前位置", "版权所有", "统计代码", "门户网站"):
        assert chrome not in raw.text


def test_html_in_gbk_is_decoded(tmp_path):
    text = read_file(TITLED).text
    f = tmp_path / "report.htm"
    f.write_bytes(_html_page(text).replace("utf-8", "gbk").encode("gbk"))
    raw = read_file(f)
    assert raw.encoding == "gb18030"
    assert clean_text(raw.text).text == clean_text(text).text


def test_html_main_text_picks_the_densest_block():
    html = ("<body><div class='menu'><a>首页</a><a>政务公开</a></div>"
            "<div><p>一、工作情况</p><p>今年以来我镇认真开展法治政府建设工作。</p></div>"
            "<div class='x'><a href='#'>相关链接：上一篇 下一篇 法治政府建设专栏</a></div></body>")
    assert html_main_text(html) == "一、工作情况\n今年以来我镇认真开展法治政府建设工作。"


def test_docx_paragraphs_and_tables(tmp_path):
    import docx

    text = read_file(SEED).text
    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数量"
    table.cell(1, 0).text, table.cell(1, 1).text = "调处矛盾纠纷", "209件"
    f = tmp_path / "report.docx"
    d.save(f)
    raw = read_file(f)
    assert (raw.format, raw.encoding) == ("docx", "docx")
    assert raw.text.startswith(text)
    assert raw.text.endswith("指标\t数量\n调处矛盾纠纷\t209件")


def test_large_text_file_reads(tmp_path):
    data = SEED.read_bytes()
    f = tmp_path / "big.txt"
    f.write_bytes(data * (50_000_000 // len(data) + 1))
    raw = read_file(f)
    assert f.stat().st_size > 50_000_000
    assert raw.encoding == "utf-8"
    assert raw.text.count("关于2021年度法治政府建设情况的报告") == 50_000_000 // len(data) + 1


def test_read_never_modifies_the_file(tmp_path):
    f = tmp_path / "crlf.txt"
    data = SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gbk", errors="replace")
    f.write_bytes(data)
    read_file(f)
    assert f.read_bytes() == data


def test_data_tables_load():
    assert ["机治", "机制"] in load_table("typos.tsv")
    assert all(len(r) == 3 for r in load_table("clean_rules.tsv"))


def test_seed_list_is_the_sample_corpus():
    assert len(SEEDS) == 5 and all(Path(RAW / s).is_file() for s in SEEDS)


TRADITIONAL = "關於2021年度法治政府建設情況的報告\n一、工作情況\n（一）強化政治站位，壓緊壓實工作責任。一是深學篤用習近平法治思想。\n"


@pytest.mark.parametrize("text, encoding, expected", [
    (TRADITIONAL, "big5", "big5"),
    (SEED.read_text(encoding="utf-8"), "utf-16-le", "utf-16-le"),   # no BOM
    (SEED.read_text(encoding="utf-8"), "utf-16-be", "utf-16-be"),   # no BOM
    (TRADITIONAL, "utf-16-be", "utf-16-be"),
])
def test_encodings_without_bom_are_detected(text, encoding, expected):
    decoded, found = decode_bytes(text.encode(encoding))
    assert (decoded, found) == (text, expected)


@pytest.mark.parametrize("text, low, high", [
    (SEED.read_text(encoding="utf-8"), 0.95, 1.0),
    (TRADITIONAL, 0.95, 1.0),
    (TRADITIONAL.encode("big5").decode("gb18030", errors="replace"), 0.0, 0.7),
    ("English only", 0.0, 0.0),
])
def test_plausibility(text, low, high):
    from fazhi.read import plausibility

    assert low <= plausibility(text) <= high


@pytest.mark.parametrize("text, expected", [
    ("一、工作情况\n今年以来我镇认真开展法治\n政府建设工作，取得成效。\n二、存在问题\n依法行政意识不强。",
     "一、工作情况\n今年以来我镇认真开展法治政府建设工作，取得成效。\n二、存在问题\n依法行政意识不强。"),
    ("（一）强化政治站位压紧压实工\n一是深学笃用习近平法治思想。\n二是落实第一责任人责任。",
     "（一）强化政治站位压紧压实工\n一是深学笃用习近平法治思想。\n二是落实第一责任人责任。"),
    ("服务；二是在学校开展法治宣\n传教育活动，提高法治意识；\n四是加强与学校、家庭的沟通。\n短行。",
     "服务；二是在学校开展法治宣传教育活动，提高法治意识；四是加强与学校、家庭的沟通。\n短行。"),
    ("现将有关情况报告如下：\n今年以来我镇认真开展工作。\n完成。", "现将有关情况报告如下：\n今年以来我镇认真开展工作。\n完成。"),
])
def test_unwrap_pdf_lines(text, expected):
    from fazhi.read import unwrap_lines

    assert unwrap_lines(text) == expected


# --- the page dict: what the main-text extraction drops but the meta stage needs -----------------

PAGE_BODY = [
    "2022年，鼓山镇在区委、区政府的坚强领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设，现将有关情况报告如下：",
    "一、主要举措和成效",
    "（一）加强组织领导。镇党委、政府召开专题会议研究部署法治建设工作，落实党政主要负责人履行推进法治建设第一责任人职责。",
    "（二）推进依法决策。严格执行重大行政决策程序，全年审查合同和规范性文件共36件。",
    "鼓山镇人民政府",
    "2023年3月15日",
]
PAGE_TITLE = "鼓山镇2022年度法治政府建设情况报告"


def _scrape_txt() -> str:
    """The page as a text scrape keeps its chrome lines."""
    return "\n".join([
        "福州市晋安区人民政府 首页 政务公开 办事服务 互动交流",
        "您所在的位置：首页 > 政务公开 > 法治政府建设",
        PAGE_TITLE,
        f"标 题：{PAGE_TITLE}",
        "来源：鼓山镇人民政府  发布时间：2023-03-20 16:05  浏览次数：",
        *PAGE_BODY,
        "【打印本页】【关闭窗口】",
        "主办：福州市晋安区人民政府办公室  承办：晋安区融媒体中心",
        "网站标识码：3501110001  闽ICP备05000000号",
    ])


def _scrape_html() -> str:
    paras = "".join(f"<p>{line}</p>" for line in PAGE_BODY)
    nav = "".join(f"<li><a href='/c{i}'>栏目{i}：政务公开、办事服务</a></li>" for i in range(10))
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<meta name='SiteName' content='福州市晋安区人民政府'><meta name='SiteIDCode' content='3501110001'>"
        "<meta name='ColumnName' content='法治政府建设'>"
        f"<meta name='ArticleTitle' content='{PAGE_TITLE}'><meta name='PubDate' content='2023-03-20 16:05'>"
        "<meta name='ContentSource' content='鼓山镇人民政府'><meta name='viewport' content='width=device-width'>"
        f"<title>{PAGE_TITLE}_福州市晋安区人民政府</title><script>var 统计 = '发布时间：2019-01-01';</script></head>"
        "<body><div class='top'>福州市晋安区人民政府 首页 政务公开 办事服务 互动交流</div>"
        f"<nav><ul>{nav}</ul></nav>"
        "<div class='position'>您所在的位置：<a href='/'>首页</a> &gt; <a href='/zwgk'>政务公开</a> &gt; "
        "<a href='/fz'>法治政府建设</a></div>"
        f"<div class='article'><h1>{PAGE_TITLE}</h1>"
        f"<table class='xxgk'><tr><td>标 题：</td><td>{PAGE_TITLE}</td></tr></table>"
        "<div class='info'>来源：鼓山镇人民政府 &nbsp; 发布时间：2023-03-20 16:05 &nbsp; 浏览次数：<span></span></div>"
        f"<div class='article-content'>{paras}</div></div>"
        "<div id='footer'><p>主办：福州市晋安区人民政府办公室 &nbsp; 承办：晋安区融媒体中心</p>"
        "<p>网站标识码：3501110001 &nbsp; 闽ICP备05000000号</p></div></body></html>"
    )


def test_html_page_dict_keeps_meta_title_breadcrumb_and_footer(tmp_path):
    f = tmp_path / "report.html"
    f.write_text(_scrape_html(), encoding="utf-8")
    raw = read_file(f)
    assert list(raw.page) == ["meta:SiteName", "meta:SiteIDCode", "meta:ColumnName", "meta:ArticleTitle",
                              "meta:PubDate", "meta:ContentSource", "title", "breadcrumb", "head", "foot"]
    assert raw.page["meta:PubDate"] == "2023-03-20 16:05"
    assert raw.page["title"] == f"{PAGE_TITLE}_福州市晋安区人民政府"
    assert raw.page["breadcrumb"].endswith("首页 > 政务公开 > 法治政府建设")
    assert "来源：鼓山镇人民政府" in raw.page["head"] and "统计" not in raw.page["head"]
    assert raw.page["foot"].split("\n")[-1].startswith("网站标识码：3501110001")
    for chrome in ("您所在的位置", "网站标识码", "浏览次数", "栏目"):
        assert chrome not in raw.text  # the main text stays as it was
    assert raw.text.split("\n")[:2] == [PAGE_TITLE, "日期:2023-03-20"]


def test_txt_docx_pdf_have_no_page_dict(tmp_path):
    assert read_file(SEED).page == {}
    f = tmp_path / "scrape.txt"
    f.write_text(_scrape_txt(), encoding="utf-8")
    assert read_file(f).page == {}


def test_same_page_as_txt_and_html_gives_the_same_candidates(tmp_path):
    from fazhi.pagemeta import find_page_meta

    (tmp_path / "a.txt").write_text(_scrape_txt(), encoding="utf-8")
    (tmp_path / "a.html").write_text(_scrape_html(), encoding="utf-8")
    txt, html = read_file(tmp_path / "a.txt"), read_file(tmp_path / "a.html")
    m_txt, m_html = find_page_meta(txt.text, txt.page), find_page_meta(html.text, html.page)
    for name in ("dates", "sources", "titles", "site_codes", "site_names", "columns"):
        assert m_txt.values(name), name  # both carry them
        pairs = {(c.value, c.label) for c in getattr(m_txt, name)}
        assert pairs <= {(c.value, c.label) for c in getattr(m_html, name)}, name
        if name in ("dates", "sources", "titles", "site_codes"):  # the <meta> tags say the same
            assert set(m_txt.values(name)) == set(m_html.values(name)), name
    assert set(m_html.values("site_names")) - set(m_txt.values("site_names")) == {"福州市晋安区人民政府"}
    assert m_txt.values("dates") == ["2023-03-20"] and m_txt.values("titles") == [PAGE_TITLE]
    assert clean_text(txt.text).text == clean_text(html.text).text
