"""Titles: the report's title among its first lines (breadcrumbs, metadata lines and labels
skipped; a title split over two lines joined; crawled chrome trimmed), and its kind.

>>> find_title("您所在的位置：首页 > 政务公开\\n标 题：XX镇2021年法治政府建设工作报告\\n正文。")
'XX镇2021年法治政府建设工作报告'
"""

from __future__ import annotations

import re

from fazhi.meta.names import _find, _gaz
from fazhi.meta.rules import _CJK, _institutions, _kinds
from fazhi.meta.text import _first_lines, fold
from fazhi.pagemeta import chrome_line, label_at_start
from fazhi.patterns import HEADING_START

_HEADING = HEADING_START


_TITLE_WORDS = re.compile(r"报告|总结|汇报|情况|思路|计划|要点")


_TITLE_BAD = re.compile(r"[，。；！？]|[：:]$")


_LABEL = re.compile(r"^\s*(?:标\s*题|题\s*目|文\s*章\s*标\s*题|名\s*称)\s*[:：]\s*")


# a breadcrumb's shape (首页 > 政务公开 > …, or what is left of one): two separators, or one first
_CRUMB_SHAPE = re.compile(r"[>＞»›]\s*[^>＞»›]{1,24}\s*[>＞»›]|^\s*[>＞»›]|(?:首页|主页)\s*[>＞»›/]")


_TODAY = re.compile(r"今天是|星期[一二三四五六日天]|农历")


def _is_chrome(line: str) -> bool:
    """Page chrome (breadcrumb, metadata fields, a bare date, a site clock: see
    :func:`fazhi.pagemeta.chrome_line`), a line opening with a page label even without its colon
    (发布机构屏边县新华乡人民政府, a scrape of a table), or a "今天是…" date widget."""
    return (chrome_line(line) is not None or label_at_start(line) is not None
            or bool(_TODAY.search(line) or _CRUMB_SHAPE.search(line)) or line in ("-", "•", "·"))


def _is_unit_line(line: str) -> bool:
    """A line that is only a unit's name (an issuing body): 中共XX乡委员会, XX乡人民政府. A bare
    place name (福州市 alone at the top of a page) is a site's banner, not an issuer; a line with
    a year or opening with 关于 is the first half of a title."""
    if len(line) > 40 or _TITLE_BAD.search(line) or _TITLE_WORDS.search(line):
        return False
    if line.startswith("关于") or _TITLE_YEAR.search(line):
        return False
    return any(line.endswith(w) for w in (*_institutions(), "局", "办公室", "国务院"))


def title_lines(text: str, *, max_lines: int = 14) -> tuple[str, list[str], int]:
    """(title, issuing-body lines, index of the first body line) from the first lines.

    Breadcrumbs, metadata lines (发布时间, 来源 …) and 标题： labels are skipped; a title split over
    two lines (the unit's name, then 关于…的报告) is one title. A text without a title line (its
    first line is already the body) gives ``""``.
    """
    lines = _first_lines(text, max_lines)
    issuers: list[str] = []
    for i, raw_line in enumerate(lines):
        line = _LABEL.sub("", raw_line)
        if _is_chrome(raw_line) and not _LABEL.match(raw_line):
            continue
        if _HEADING.match(line) or re.search(r"[：:]$", line):
            break  # an outline heading or the addressee: the body has started
        if len(line) > 80 or "。" in line or "，" in line:
            head = tidy_title(trim_title(_flat_title(_URL_HEAD.sub("", line))))
            if head:
                return (" ".join(issuers) + head if issuers and head.startswith("关于") else head,
                        issuers, i)
            break
        if _is_unit_line(line):
            issuers.append(line)
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        broken = (nxt and len(nxt) <= 20 and len(line) <= 40 and not _TITLE_BAD.search(nxt)
                  and not _HEADING.match(nxt) and re.search(r"(?:报告|总结|汇报)$", nxt)
                  and not re.search(r"(?:报告|总结|汇报)$", line) and re.search(r"年|法治|依法", line))
        if broken or (6 <= len(line) and _TITLE_WORDS.search(line) and not _TITLE_BAD.search(line)):
            title = line
            # a title broken over two lines: "XX区2021年法治政府建设" + "情况报告"
            if broken:
                title += nxt
            title = tidy_title(trim_title(title))
            if issuers and title.startswith("关于"):
                title = " ".join(issuers) + title
            elif len(issuers) == 1 and _TITLE_YEAR.match(title) and not _find(_gaz(), fold(title)):
                title = issuers[0] + title  # 赵县人民政府 / 2022年度法治政府建设情况报告
            return title, issuers, i
        if issuers:
            break
    return "", issuers, 0


_FLAT_TITLE = re.compile(rf"^([{_CJK}0-9〇（）()·\s]{{6,90}}?(?:报告|总结|汇报|工作要点|思路))(?=[{_CJK}0-9A-Z]|\s+[A-Z—―-])")
# a site's banner and address before the title of a page crawled onto one line
_BANNER = re.compile(r"^.{0,60}?(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org)(?:\.cn)?/?")


def _flat_title(line: str) -> str:
    """The title at the start of a text crawled without line breaks ("XX镇2022年…报告2022年，…")."""
    line = _BANNER.sub("", line, count=1)
    m = _FLAT_TITLE.match(line)
    if m and _TITLE_WORDS.search(m.group(1)) and re.search(r"法治|依法|年度|工作", m.group(1)):
        return m.group(1).strip()
    return ""


_NAV = re.compile(r"网站首页|首页|主页|政府信息公开|部门信息公开|乡镇政务公开|乡镇信息公开|街道信息公开|政务公开|信息公开|"
                  r"当前位置|所在位置|工作报告(?=\S)|规划计划|工作动态|通知公告|法治政府建设(?=[^年]{0,12}(?:19|20)\d\d年)")


_STRONG_NAV = re.compile(r"网站首页|首页|主页|.*公开|当前位置|所在位置")


_TITLE_YEAR = re.compile(r"(?:19|20)\d\d\s*年|[〇零一二三四五六七八九○]{4}\s*年")


_BEFORE_YEAR_TAIL = re.compile(r"(?:人民政府)?(?:关于)?$")


def trim_title(title: str) -> str:
    """A title without the page chrome that a crawl ran into it (site name, 首页, column names):
    it starts at the unit's name before its year, or at 关于, or at the year.

    ``trim_title("新郑市人民政府首页政务公开乡镇政务公开龙湖镇龙湖镇2021年度法治政府建设工作报告")`` ->
    ``"龙湖镇2021年度法治政府建设工作报告"``.
    """
    navs = list(_NAV.finditer(title))
    if not navs or not any(_STRONG_NAV.fullmatch(n.group()) for n in navs):
        return title  # a column name alone (法治政府建设) is no sign of chrome
    first_year = _TITLE_YEAR.search(title)
    if first_year and first_year.start() < navs[0].start():
        return title  # 西江镇2022年政府信息公开年度工作报告: the words belong to the title
    y = _TITLE_YEAR.search(title, navs[0].end())
    if not y:
        start = navs[-1].end()
    else:
        navs = [n for n in navs if n.end() <= y.start()]
        if not navs:
            return title
        floor = navs[-1].end()
        seg = title[floor:y.start()]
        seg = seg[: len(seg) - len(_BEFORE_YEAR_TAIL.search(seg).group())]
        ms = _find(_gaz(), seg)
        end = len(seg)
        if ms and re.fullmatch(rf"[{_CJK}]{{1,10}}(?:局|委员会|办公室|管委会)", seg[ms[-1].end:]):
            end = ms[-1].end  # the department after the unit's name: 富平县 + 司法局
        rel = end
        for m in reversed(ms):
            if m.end != rel:
                break
            if seg[m.start:m.end] == seg[rel:rel + m.end - m.start]:
                break  # the same name twice (龙湖镇龙湖镇): the title begins at the second
            rel = m.start
        start = floor + (rel if ms and rel < end else 0)
    out = title[start:].strip()
    return out if len(out) >= 6 and _TITLE_WORDS.search(out) else title


_FULL_TEXT = re.compile(r"\s*[（(【\[]\s*(?:全文|全文发布|图文|实录)\s*\d*\s*字?\s*[）)】\]].*$")
# a tag before the title: an aggregator's region (（河南省）) or a site's column (【年度报告】)
_LEAD_TAG = re.compile(r"^\s*(?:[（(【\[〔][^（()）【】\[\]〔〕\d]{1,12}[）)】\]〕]\s*)+")
# an English translation after the title (政府工作报告 REPORT ON THE WORK OF THE GOVERNMENT)
_LATIN_TAIL = re.compile(r"\s+[A-Z][A-Za-z\s,.'&-]{6,}$")
_URL_HEAD = re.compile(r"^(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org)(?:\.cn)?/?")


def tidy_title(title: str) -> str:
    """A title without a leading tag, a 全文 marker (and what a page repeats after it), an English
    translation or a site's address run into it.

    ``tidy_title("（河南省）2020年鲁山县人民政府工作报告")`` -> ``"2020年鲁山县人民政府工作报告"``.
    """
    out = _URL_HEAD.sub("", title.strip())
    out = _LATIN_TAIL.sub("", _FULL_TEXT.sub("", _LEAD_TAG.sub("", out)))
    return out if len(out) >= 6 and _TITLE_WORDS.search(out) else title


def find_title(text: str, *, max_lines: int = 14) -> str:
    """The title as written, or ``""`` (see :func:`title_lines`).

    ``find_title("您所在的位置：首页 > 政务公开\\n标 题：XX镇2021年法治政府建设工作报告\\n正文。")`` ->
    ``"XX镇2021年法治政府建设工作报告"``.
    """
    return title_lines(text, max_lines=max_lines)[0]


_SITE_SUFFIX = re.compile(r"\s*[-_—|｜·]+\s*[^-_—|｜]{2,30}(?:人民政府|政府|门户网站|网站|政务网|司法局|委员会|办事处)[^-_—|｜]{0,10}$")


def clean_page_title(title: str) -> str:
    """A page ``<title>`` without its site-name suffix. ``"XX区2021年报告_XX区人民政府"`` ->
    ``"XX区2021年报告"``."""
    title = " ".join(title.split())
    for _ in range(3):
        new = _SITE_SUFFIX.sub("", title)
        if new == title or len(new) < 6:
            break
        title = new
    return title


def find_kind(title: str, text: str) -> tuple[str, str, float]:
    """Kind of report from its title (``data/kinds.tsv``), else from its body, else ``"other"``."""
    for kind, rx in _kinds():
        if title and rx.search(title):
            return kind, "title_kind", 0.9
    if not title and text.count("法治政府建设") >= 3:
        return "法治政府建设年度报告", "body_kind", 0.4
    return "other", "default", 0.2
