"""Meta stage: one evidence-weighted resolver for title, kind, year, dates, place and level.

Every field is decided the same way: candidates come from every source — the title, the issuing
body and the signature, the page's own metadata (date, 来源, site name and code), the file name, the
body's self-references, and (weakly) mentions in the body — each with a weight (``data/evidence.tsv``)
and the rule that produced it. The winner keeps its value, rule, source and a confidence; the losers
are kept as ``candidates`` so ``fazhi info --explain`` can say why they lost, and a field whose
evidence does not decide is left empty with ``ambiguous`` set. Never a silent first guess.

**Who is speaking decides the place.** A report names many places it is not (the county that
supervises it, aid partners, cities visited); the reporting unit is the one in the title, issuing
body, signature, page metadata, file name, or in the body's self-references (我镇, "X镇党委、政府").
Places are units of the township-level gazetteer (:mod:`fazhi.gazetteer`): a town must lie in the
chosen district, the district in the chosen city; a historic name stands for the unit it became.

``report_year`` is the year whose work the report reviews (a 2014年政府工作报告 reviews 2013; plans
headed 2021年工作计划 imply 2020; a signature in December means that year); ``plan_year`` is the
year whose plans it gives when the text names it. ``publish_date`` comes from the page's date
lines, else the signature; ``signed_date`` is the signature's (or 成文日期) date.

>>> m = infer_meta("马尾区亭江镇2020年度法治政府建设工作报告\\n一、……")
>>> (m["town"], m["district"], m["city"], m["province"], m["report_year"])
('亭江镇', '马尾区', '福州市', '福建省', 2020)
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import PurePosixPath
from typing import Any, Literal

from fazhi.pagemeta import chrome_line, find_page_meta
from fazhi.read import load_table

Level = Literal["national", "province", "city", "county", "district", "town", "township",
                "subdistrict", "zone", ""]
LEVELS: tuple[str, ...] = ("national", "province", "city", "county", "district", "zone", "town",
                           "township", "subdistrict")
PLACE_FIELDS = ("town", "district", "city", "province")
FIELDS = ("title", "kind", "report_year", "plan_year", "publish_date", "signed_date", "unit",
          "department", "town", "district", "city", "province", "level", "division_code")

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_CN_YEAR = re.compile(r"([〇零一二三四五六七八九○Ｏ]{4})\s*年")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d{1,2}[.、．](?!\d))")
_TITLE_WORDS = re.compile(r"报告|总结|汇报|情况|思路|计划|要点")
_TITLE_BAD = re.compile(r"[，。；！？]|[：:]$")
_LABEL = re.compile(r"^\s*(?:标\s*题|题\s*目|文\s*章\s*标\s*题|名\s*称)\s*[:：]\s*")
_SIGN_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_CN_SIGN_DATE = re.compile(r"([〇零一二三四五六七八九○Ｏ]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                           r"\s*([一二三四五六七八九十]{1,3})\s*日\s*$")
# a breadcrumb's shape (首页 > 政务公开 > …, or what is left of one): two separators, or one first
_CRUMB_SHAPE = re.compile(r"[>＞»›]\s*[^>＞»›]{1,24}\s*[>＞»›]|^\s*[>＞»›]|(?:首页|主页)\s*[>＞»›/]")
_TODAY = re.compile(r"今天是|星期[一二三四五六日天]|农历")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_QUOTED = re.compile(r"《[^》\n]{0,80}》|“[^”\n]{0,60}”")
_REPORT_AS = re.compile(r"(?:将|把|就|对)\s*((?:19|20)\d\d)\s*年度?[^。；\n]{0,30}?(?:情况|工作)[^。；\n]{0,12}?"
                        r"(?:报告|汇报|总结)(?:如下)?")
_PLAN_HEAD = re.compile(r"(?:^|\n)[^。；\n]{0,8}?((?:19|20)\d\d)\s*年度?[^。；\n]{0,16}?(?:工作计划|工作打算|工作思路|主要安排|工作安排|计划|打算|思路)")
_PLAN_OPEN = re.compile(r"(?:^|\n)((?:19|20)\d\d)\s*年[，,]?[^。\n]{0,24}?将")
_YEAR_WORK = re.compile(r"((?:19|20)\d\d)\s*年度?(?:法治|依法|工作(?!计划|打算|思路|要点|安排)|全面|，|,|以来)")
_GOV_WORK = re.compile(r"政府工作报告")
_MEETING = re.compile(r"((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^\n。]{2,40}?(?:代表大会|会议)")
_NATIONAL_SELF = re.compile(r"代表国务院|国务院(?:关于|办公厅关于)")
_NATIONAL = re.compile(r"国务院")
_IS_CJK = re.compile(f"[{_CJK}]")
# a department named by its government's level only: 区司法局, 县税务局, 市生态环境局
_UNLISTED_TOWN = re.compile(rf"([{_CJK}]{{2,6}}?)(街道办事处|街道|镇|乡|苏木)(?:人民政府|党委|党工委|办事处)?(?:关于)?"
                            rf"(?=(?:19|20)\d\d|[〇零一二三四五六七八九]{{4}}|关于|法治|$)")
_NATIONAL_DEPT = re.compile(rf"^(?:中华人民共和国)?((?:国家|国务院|中国)[{_CJK}]{{1,14}}?(?:总局|局|委员会|署|办公室)|"
                            rf"[{_CJK}]{{1,8}}?部|海关总署|审计署)(?=(?:19|20)\d\d|关于|[〇零一二三四五六七八九]{{4}}|法治)")
_PREFIX_LEVEL = {"省": "province", "市": "city", "区": "district", "县": "county", "旗": "county"}
_PREFIXED_DEPT = re.compile(rf"^(?:中共)?([省市区县旗])([{_CJK}]{{2,12}}?局)")
# characters that may stand right before a place name in a sentence (在亭江镇, 全市和马尾区)
_BODY_PREFIX = frozenset("在对由向经把将从于和与及或至为是据按")
# how much of the body is searched for self-references and mentions: they are frequent, and
# evidence deep in a long report is about its work, not about who wrote it
BODY_CHARS, SELF_CHARS = 8000, 6000
_LEVEL_TIER = {"national": 5, "province": 4, "city": 3, "county": 2, "district": 2, "zone": 1.5,
               "town": 1, "township": 1, "subdistrict": 1, "department": 0}


# --- data ----------------------------------------------------------------------------------------

@cache
def _places() -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in load_table("places.tsv"):
        out.setdefault(row[0], []).append(tuple(row[1:]))
    return out


@cache
def weights() -> dict[str, float]:
    """Evidence weights (``data/evidence.tsv``): source -> weight."""
    return {row[0]: float(row[1]) for row in load_table("evidence.tsv")}


@cache
def _foreign() -> tuple[re.Pattern, re.Pattern]:
    before = sorted((v[0] for v in _places()["foreign_before"]), key=len, reverse=True)
    after = sorted((v[0] for v in _places()["foreign_after"]), key=len, reverse=True)
    return (re.compile("(?:" + "|".join(map(re.escape, before)) + ")[^。；，、\n]{0,6}$"),
            re.compile("^[^。；，\n]{0,8}?(?:" + "|".join(map(re.escape, after)) + ")"))


@cache
def _common_words() -> frozenset[str]:
    return frozenset(v[0] for v in _places()["common_word"])


@cache
def _institutions() -> tuple[str, ...]:
    return tuple(sorted((v[0] for v in _places()["institution"]), key=len, reverse=True))


@cache
def _self_words() -> tuple[tuple[str, str], ...]:
    return tuple((v[0], v[1]) for v in _places()["self"])


@cache
def _level_rules() -> tuple[tuple[str, str, str], ...]:
    return tuple((v[0], v[1], v[2]) for v in _places()["level"])


@cache
def _zone_regex() -> re.Pattern:
    ends = sorted((v[0] for v in _places()["zone"]), key=len, reverse=True)
    return re.compile(rf"([{_CJK}]{{2,14}}?(?:{'|'.join(map(re.escape, ends))}))(?:管委会|管理委员会|党工委)?")


@cache
def _department_regex() -> re.Pattern:
    ends = sorted((v[0] for v in _places()["department"]), key=len, reverse=True)
    return re.compile(rf"^(?:人民政府)?([{_CJK}]{{2,12}}?(?:{'|'.join(map(re.escape, ends))}))")


@cache
def _kinds() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((k, re.compile(p)) for k, p in load_table("kinds.tsv"))


# --- small helpers -------------------------------------------------------------------------------

@cache
def _converter():
    import opencc  # lazy: only the meta stage needs it

    return opencc.OpenCC("t2s")


@cache
def _variants() -> dict[int, str]:
    return {ord(v): b for v, b, *_ in load_table("char_variants.tsv")}


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Traditional characters as simplified and variant characters as the gazetteer writes them,
    for matching only (the text itself is not changed; positions are kept).

    ``fold("馬尾區亭江鎮2020年度法治政府建設情況")`` -> ``"马尾区亭江镇2020年度法治政府建设情况"``;
    ``fold("长沙县㮾梨街道")`` -> ``"长沙县榔梨街道"``.
    """
    return _fold_long(text)


@cache
def _foldable() -> re.Pattern:
    """Characters that folding changes: every traditional character opencc simplifies (found
    once by converting the CJK blocks) and the listed variants. Most reports have none."""
    chars = "".join(map(chr, [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00)]))
    out = _converter().convert(chars)
    changed = {a for a, b in zip(chars, out, strict=False) if a != b} if len(out) == len(chars) else set()
    changed |= {chr(c) for c in _variants()}
    return re.compile("[" + re.escape("".join(sorted(changed))) + "]")


def _fold_long(text: str) -> str:
    if text.isascii() or not _foldable().search(text):
        return text
    text = text.translate(_variants())
    out = _converter().convert(text)
    return out if len(out) == len(text) else text


def _cn_number(s: str) -> int:
    if all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _date(y: int, m: int, d: int) -> str:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return ""


def _year(s: str) -> int:
    return int(s) if s.isdigit() else _cn_number(s)


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _first_lines(text: str, n: int) -> list[str]:
    """``_lines(text)[:n]`` without splitting the whole text."""
    parts = text.split("\n", n * 4)
    lines = [ln.strip() for ln in parts[: n * 4] if ln.strip()]
    return lines[:n] if len(lines) >= n or len(parts) <= n * 4 else _lines(text)[:n]


def _last_lines(text: str, n: int) -> list[str]:
    parts = text.rsplit("\n", n * 4)
    lines = [ln.strip() for ln in parts[-n * 4:] if ln.strip()]
    return lines[-n:]


# --- candidates ----------------------------------------------------------------------------------

@dataclass
class Candidate:
    """One piece of evidence for a field's value."""

    value: Any
    rule: str
    weight: float
    evidence: str = ""

    def as_dict(self) -> dict:
        return {"value": self.value, "rule": self.rule, "weight": round(self.weight, 3),
                "evidence": self.evidence[:80]}


@dataclass
class Decision:
    """A field's value, the rule that won, a confidence and the candidates behind it."""

    value: Any
    rule: str = ""
    confidence: float = 0.0
    candidates: list[Candidate] = field(default_factory=list)
    note: str = ""
    ambiguous: bool = False

    def as_rule(self) -> dict:
        out: dict = {"rule": self.rule, "confidence": round(self.confidence, 2)}
        if self.note:
            out["note"] = self.note
        if self.ambiguous:
            out["ambiguous"] = True
        if self.candidates and (len(self.candidates) > 1 or self.ambiguous):
            out["candidates"] = [c.as_dict() for c in self.candidates[:6]]
        return out


def decide(candidates: Iterable[Candidate], *, margin: float = 1.5) -> Decision:
    """Sum the weights per value; the best wins when it leads the runner-up by ``margin``.

    ``decide([Candidate(2020, "title_year", 1.0), Candidate(2019, "publish_year_minus_1", .4)])``
    -> ``Decision(2020, "title_year", 0.71, …)``.
    """
    cands = [c for c in candidates if c.value not in (None, "")]
    if not cands:
        return Decision(None)
    totals: dict[Any, float] = {}
    best_rule: dict[Any, Candidate] = {}
    for c in cands:
        totals[c.value] = totals.get(c.value, 0.0) + c.weight
        if c.value not in best_rule or c.weight > best_rule[c.value].weight:
            best_rule[c.value] = c
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    (v1, w1) = ranked[0]
    w2 = ranked[1][1] if len(ranked) > 1 else 0.0
    ordered = sorted(cands, key=lambda c: (c.value != v1, -totals[c.value], -c.weight))
    conf = min(0.99, w1 / (w1 + w2) * min(1.0, w1))
    if w2 and w1 < margin * w2:
        return Decision(None, "ambiguous", conf, ordered, ambiguous=True,
                        note="candidates: " + " / ".join(f"{v}" for v, _ in ranked[:4]))
    return Decision(v1, best_rule[v1].rule, conf, ordered)


# --- title ---------------------------------------------------------------------------------------

def _is_chrome(line: str) -> bool:
    """Page chrome (breadcrumb, metadata fields, a bare date, a site clock: see
    :func:`fazhi.pagemeta.chrome_line`) or a "今天是…" date widget."""
    return chrome_line(line) is not None or bool(_TODAY.search(line) or _CRUMB_SHAPE.search(line))


def _is_unit_line(line: str) -> bool:
    """A line that is only a unit's name (an issuing body): 中共XX乡委员会, XX乡人民政府."""
    if len(line) > 40 or _TITLE_BAD.search(line) or _TITLE_WORDS.search(line):
        return False
    return any(line.endswith(w) for w in (*_institutions(), "局", "办公室", "国务院")) or bool(
        re.fullmatch(rf"[{_CJK}]{{2,20}}(?:省|市|区|县|旗|镇|乡|街道|苏木)", line))


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
            head = trim_title(_flat_title(line))
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
            title = _FULL_TEXT.sub("", trim_title(title))
            if issuers and title.startswith("关于"):
                title = " ".join(issuers) + title
            return title, issuers, i
        if issuers:
            break
    return "", issuers, 0


_FLAT_TITLE = re.compile(rf"^([{_CJK}0-9〇（）()·\s]{{6,90}}?(?:报告|总结|汇报|工作要点|思路))(?=[{_CJK}0-9])")


def _flat_title(line: str) -> str:
    """The title at the start of a text crawled without line breaks ("XX镇2022年…报告2022年，…")."""
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


_FULL_TEXT = re.compile(r"\s*[（(【\[]\s*(?:全文|全文发布|图文|实录)\s*[）)】\]]\s*$")


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


# --- dates and years -----------------------------------------------------------------------------

def _page_date_candidates(page: Any) -> tuple[list[Candidate], list[Candidate]]:
    """(publish-date candidates, signed-date candidates) from the page's metadata
    (:class:`fazhi.pagemeta.PageMeta`)."""
    pub: list[Candidate] = []
    signed: list[Candidate] = []
    for d in getattr(page, "dates", None) or ():
        value, label = d.value if hasattr(d, "value") else d[0], getattr(d, "label", "")
        if label and "成文" in label:
            signed.append(Candidate(value, "page_signed_date", 0.9, label))
        elif label and ("更新" in label or "生成" in label):
            pub.append(Candidate(value, "page_updated_date", 0.5, label))
        elif label == "bare":
            pub.append(Candidate(value, "page_bare_date", 0.5, label))
        else:
            pub.append(Candidate(value, "page_date", 1.0, label or "date"))
    return pub, signed


def find_signature_date(text: str) -> tuple[str, str]:
    """(YYYY-MM-DD, line) of a signature date among the last lines, else ``("", "")``.

    ``find_signature_date("正文。\\n某某镇人民政府\\n2022年3月25日")`` -> ``("2022-03-25", "2022年3月25日")``.
    """
    tail = _last_lines(text, 8)
    if len(tail) <= 1 and tail and len(tail[0]) > 200:  # one line: look at its end
        tail = [tail[0][-60:]]
    for line in reversed(tail):
        if len(line) > 60 and "。" in line[-40:-12]:
            line = line[-40:]
        m = _SIGN_DATE.search(line)
        if m and (m.start() == 0 or len(line) < 50 or not re.search("[。，]", line[max(0, m.start() - 2):m.start()])):
            d = _date(*map(int, m.groups()))
            if d and (m.start() == 0 or _is_unit_tail(line[:m.start()])):
                return d, line
        m = _CN_SIGN_DATE.search(line)
        if m:
            d = _date(*(_cn_number(g) for g in m.groups()))
            if d and (m.start() == 0 or _is_unit_tail(line[:m.start()])):
                return d, line
    return "", ""


def _is_unit_tail(s: str) -> bool:
    """What stands before a date on a signature line: nothing, a unit name, or the end of a sentence."""
    s = s.strip()
    return not s or s[-1] in "。！）)" or any(s.endswith(w) for w in (*_institutions(), "局", "办公室"))


def find_publish_date(text: str, raw: str | None = None, page: Any = None) -> tuple[str, str]:
    """(YYYY-MM-DD, rule) from the page's date lines (in the raw text or page metadata), else the
    signature date; else ``("", "")``. ``日期:2021-03-19 17:12`` -> ``"2021-03-19"``."""
    pub, _ = _page_date_candidates(page if page is not None else find_page_meta(raw or text))
    d = decide(pub, margin=1.01)
    if d.value:
        return d.value, d.rule
    sig, _line = find_signature_date(text)
    return (sig, "signature_date") if sig else ("", "")


def _year_candidates(title: str, text: str, *, file: str, publish: str, signed: str,
                     kind: str) -> tuple[list[Candidate], list[Candidate]]:
    """(report-year candidates, plan-year candidates)."""
    years: list[Candidate] = []
    plans: list[Candidate] = []
    if title:
        found = [_year(m.group(1)) for rx in (_YEAR, _CN_YEAR) for m in rx.finditer(title)]
        found = [y for y in found if 1990 <= y <= 2100]
        if found:
            first = found[0]
            if _GOV_WORK.search(title) and not re.search(r"年度?法治", title):
                years.append(Candidate(first - 1, "government_work_report_year", 1.0, title))
                plans.append(Candidate(first, "government_work_report_year", 1.0, title))
            else:
                span = re.search(rf"{first}\s*年度?.{{0,30}}?(?:工作计划|工作打算|工作思路|工作要点|计划|打算|思路|安排)$", title)
                if span and len(set(found)) == 1 and not re.search(r"报告|总结|情况|汇报", title[: span.start() + 30]):
                    years.append(Candidate(first - 1, "title_plan_year", 0.8, title))
                    plans.append(Candidate(first, "title_plan_year", 1.0, title))
                else:
                    years.append(Candidate(first, "title_year", 1.0, title))
                    later = [y for y in found[1:] if y > first]
                    if later:
                        plans.append(Candidate(later[0], "title_second_year", 1.0, title))
    if _GOV_WORK.search(title) and not re.search(r"年度?法治", title):
        sm = _MEETING.search(text[:800])      # ——2014年3月5日在…人民代表大会…会议上
        if sm:
            y = int(sm.group(1))
            years.append(Candidate(y - 1, "government_work_report_meeting", 1.0, sm.group()))
            plans.append(Candidate(y, "government_work_report_meeting", 1.0, sm.group()))
    stem = PurePosixPath(file).stem if file else ""
    m = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", stem)
    if m:
        years.append(Candidate(int(m.group(1)), "file_year", weights()["file"] * 0.85, stem))
    body = _QUOTED.sub(lambda q: "《" + "＿" * (len(q.group()) - 2) + "》", text[:1500])
    m = _REPORT_AS.search(body)
    if m:
        years.append(Candidate(int(m.group(1)), "report_as_year", 0.9, m.group()))
    head = body.lstrip()[:14]
    m = _YEAR.match(head)
    if m:
        years.append(Candidate(int(m.group(1)), "opening_year", 0.6, head))
    else:
        first = body[:600]
        h = re.search(r"\n(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", first)
        m = _YEAR_WORK.search(first[:h.start()] if h else first)
        if m and not body[m.end() - 2:m.end()] == "以来":
            years.append(Candidate(int(m.group(1)), "first_paragraph_year", 0.35, m.group()))
        elif m:
            years.append(Candidate(int(m.group(1)), "first_paragraph_year", 0.25, m.group()))
    zone = _plans_zone(text)
    for pm in _PLAN_HEAD.finditer(zone):
        y = int(pm.group(1))
        plans.append(Candidate(y, "plans_heading_year", 0.6, pm.group()))
        years.append(Candidate(y - 1, "plans_heading_year", 0.4, pm.group()))
        break
    else:
        pm = _PLAN_OPEN.search(zone)   # "2023年，我区将……" opening the plans
        if pm:
            y = int(pm.group(1))
            plans.append(Candidate(y, "plans_opening_year", 0.5, pm.group()))
            years.append(Candidate(y - 1, "plans_opening_year", 0.3, pm.group()))
    for value, rule in ((signed, "signature_year"), (publish, "publish_year")):
        if value:
            y, mo = int(value[:4]), int(value[5:7])
            if mo >= 11:
                years.append(Candidate(y, rule, 0.45, value))
            elif mo <= 6:
                years.append(Candidate(y - 1, rule, 0.4, value))
            else:
                years.append(Candidate(y - 1, rule, 0.15, value))
    return years, plans


_INLINE_HEADING = re.compile(r"(?:[。；！？]\s*|\s)(?=[一二三四五六七八九十]{1,2}、|（[一二三四五六七八九十]{1,2}）)")


def _plans_zone(text: str) -> str:
    """The headings of the text's last part, where its plans are: the starts of the lines of its
    last third (and of the headings run into a line, when the text lost its line breaks)."""
    tail = text[len(text) * 2 // 3:]
    tail = _INLINE_HEADING.sub("\n", tail)
    return "\n".join(re.sub(r"^(?:[一二三四五六七八九十]{1,2}、|（[一二三四五六七八九十]{1,2}）)", "", ln)[:40]
                     for ln in tail.split("\n"))


def find_report_year(title: str, text: str, publish_date: str = "", *, file: str = "",
                     signed_date: str = "", kind: str = "") -> tuple[int | None, str, float]:
    """The year whose work is reported (see the module docstring), its rule and a confidence.

    ``find_report_year("2014年政府工作报告", "")`` -> ``(2013, "government_work_report_year", …)``.
    """
    years, _ = _year_candidates(fold(title), _fold_long(text[:3000]) + "\n" + text[-3000:],
                                file=file, publish=publish_date, signed=signed_date, kind=kind)
    d = decide(years, margin=1.2)
    return (d.value, d.rule, round(d.confidence, 2)) if d.value else (None, "", 0.0)


# --- place ---------------------------------------------------------------------------------------

def _gaz():
    from fazhi.gazetteer import load_gazetteer

    return load_gazetteer()


@dataclass
class Speaker:
    """A string in which the reporting unit names itself, with its source and weight."""

    text: str
    source: str
    weight: float


def _speakers(title: str, issuers: list[str], text: str, page: Any, file: str) -> list[Speaker]:
    w = weights()
    out: list[Speaker] = []
    if title:
        out.append(Speaker(title, "title", w["title"]))
    out += [Speaker(s, "issuer", w["issuer"]) for s in issuers]
    for line in _signature_lines(text):
        out.append(Speaker(line, "signature", w["signature"]))
    for t in getattr(page, "titles", None) or ():
        value = getattr(t, "value", t)
        if value and fold(clean_page_title(value)) != fold(title):
            out.append(Speaker(clean_page_title(value), "page_title",
                               w["page_title"] if not title else w["page_title"] * 0.5))
    for s in getattr(page, "sources", None) or ():
        value = getattr(s, "value", s)
        if value:
            out.append(Speaker(value, "page_source", w["page_source"]))
    if file:
        stem = PurePosixPath(file).stem
        out.append(Speaker(re.sub(r"[_\-.]+", " ", stem), "file", w["file"]))
        parent = PurePosixPath(file).parent.name
        if parent:
            out.append(Speaker(parent, "file", w["file"] * 0.5))
    return out


def _signature_lines(text: str) -> list[str]:
    """Unit names among the last lines (the signature), before or beside the date."""
    out = []
    tail = _last_lines(text, 6)
    if len(tail) == 1 and len(tail[0]) > 200:  # crawled without line breaks
        m = re.search(rf"([{_CJK}]{{2,40}}(?:人民政府|委员会|办事处|管委会|局))\s*(?:(?:19|20)\d\d年\d{{1,2}}月\d{{1,2}}日)?\s*$",
                      tail[0][-80:])
        return [m.group(1)] if m else []
    for line in tail:
        if re.search(r"[:：|｜>＞]", line):
            continue  # a label or a list of links (相关链接：…|…), not a signature
        core = _SIGN_DATE.sub("", line).strip()
        core = _CN_SIGN_DATE.sub("", core).strip()
        if core and len(core) <= 40 and "。" not in core and "，" not in core and _is_unit_line(core):
            out.append(core)
    return out


def _site_units(page: Any) -> list[tuple[int, str]]:
    """Units that run the site: from its identification code (first six digits) and site name."""
    gaz = _gaz()
    out: list[tuple[int, str]] = []
    for c in getattr(page, "site_codes", None) or ():
        code = str(getattr(c, "value", c))[:6]
        for k in (code, code[:4] + "00", code[:2] + "0000"):
            if k in gaz.by_code:
                out.append((gaz.by_code[k], "site_code"))
                break
    for s in getattr(page, "site_names", None) or ():
        value = fold(getattr(s, "value", s))
        for m in gaz.find(value):
            ids = _chain_ids(gaz, [mm for mm in gaz.find(value)], m)
            if len(ids) == 1:
                out.append((ids[0], "site_name"))
    return out


def _chain_ids(gaz, mentions: list, target) -> list[int]:
    """The units ``target`` may be, narrowed by the other (coarser) mentions of the same chain."""
    ids = list(target.ids)
    for other in mentions:
        if other is target:
            continue
        narrowed = [i for i in ids if any(gaz.within(i, o) for o in other.ids if o != i)]
        if narrowed:
            ids = narrowed
    return ids


def _level_of(gaz, uid: int) -> str:
    kind, name = gaz.kinds[uid], gaz.names[uid]
    code = gaz.codes[uid]
    if kind == "county" and len(code) == 6 and code[4] == "7":
        return "zone"  # county codes x7x: functional areas (开发区, 新区, 管委会) counted as counties
    for suffix, level, k in _level_rules():
        if k == kind and (suffix == "*" or name.endswith(suffix)):
            return level
    return ""


@cache
def _self_regexes() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """Two scanners for the self-references of ``places.tsv``: pronoun words (我镇, 全区: a
    character class first, scanned fast) and institution words (镇党委, 街道办事处)."""
    words = dict(_self_words())
    pro = sorted({w[1:] for w in words if w[0] in "我本全"}, key=len, reverse=True)
    rest = sorted((w for w in words if w[0] not in "我本全"), key=len, reverse=True)
    return (re.compile("[我本全](?:" + "|".join(map(re.escape, pro)) + ")"),
            re.compile("(?:" + "|".join(map(re.escape, rest)) + ")"), words)


def find_level_from_self(text: str) -> tuple[str, int]:
    """Level of the reporting unit from its self-references (我镇/全镇, 镇党委, 我街道, 全区 …).

    The level referred to most often (at least twice) wins; a tie goes to the lower tier (a town
    report also says 我区 of its district). Words after 各/每/该/全 (各镇党委) are not self-references.
    ``"我镇……全镇……为我区"`` -> ``("town", 2)``.
    """
    pronouns, institutions, words = _self_regexes()
    counts: Counter[str] = Counter()
    for m in pronouns.finditer(text):
        level = words.get(m.group())
        if level:
            counts[level] += 1
    for m in institutions.finditer(text):
        if not (m.start() and text[m.start() - 1] in "各每该全"):
            counts[words[m.group()]] += 1
    ranked = sorted((lvl for lvl, n in counts.items() if n >= 2),
                    key=lambda lvl: (-counts[lvl], _LEVEL_TIER[lvl]))
    return (ranked[0], counts[ranked[0]]) if ranked else ("", 0)


@cache
def _false_friends() -> frozenset[str]:
    return frozenset(v[0] for v in _places()["false_friend"])


@cache
def _bounded_ends() -> frozenset[str]:
    return frozenset(v[0] for v in _places()["bounded_end"])


@cache
def _generic_names() -> frozenset[str]:
    """Gazetteer names that are generic words (经济技术开发区, 工业园区): never a mention."""
    return frozenset(v[0] for v in _places()["zone"])


@cache
def _false_friend_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(f) for f in _false_friends() if len(f) >= 3}))


def _find(gaz, text: str) -> list:
    """Gazetteer mentions that are names, not words: 小城镇, 城镇化, 特色小镇 are dropped."""
    ff = _false_friends()
    lengths = _false_friend_lengths()
    out = []
    generic = _generic_names()
    for m in gaz.find(text):
        if m.name in ff or m.name in generic or text[m.end:m.end + 1] == "化":
            continue
        if any(text[max(0, m.end - n):m.end] in ff for n in lengths):
            continue
        out.append(m)
    return out


@cache
def _institution_regex() -> re.Pattern:
    return re.compile("|".join(map(re.escape, _institutions())))


_SUBJECT_BEFORE = frozenset("，,。；\n年")
_SUBJECT_VERB = re.compile(r"(?:在|坚持|深入|认真|紧紧|紧扣|围绕|全面|始终|以|按照|把|将|积极|不断|扎实|切实|持续|大力|着力|立足|"
                           r"聚焦|结合|高度|严格|牢牢|全力|进一步|继续|强化|党委|党工委|人民政府|政府|办事处|管委会)")


def _opening_subject(text: str, mentions: list):
    """The unit that opens the report's first sentence as its subject (its self-introduction):
    ``2022年，玉林街道在武侯区委、区政府的坚强领导下……`` -> 玉林街道. None when there is none."""
    m_end = re.search(r"[。！？]", text[:600])
    first_end = m_end.end() if m_end else min(len(text), 600)
    body_start = 0
    nl = text.find("\n", 0, 120)
    if nl > 0 and not re.search(r"[。，]", text[:nl]):
        body_start = nl + 1  # skip a title line
        m_end = re.search(r"[。！？]", text[body_start:body_start + 600])
        first_end = body_start + (m_end.end() if m_end else 600)
    for m in mentions:
        if m.start < body_start:
            continue
        if m.start >= first_end:
            break
        prev = text[m.start - 1] if m.start else "\n"
        if (prev in _SUBJECT_BEFORE or m.start == body_start) and _SUBJECT_VERB.match(text, m.end):
            return m
    return None


def _self_named(text: str, gaz, mentions: list | None = None) -> Counter:
    """Body sentences where a unit names itself with its institution (亭江镇党委、政府)."""
    out: Counter = Counter()
    inst = _institution_regex()
    for m in _find(gaz, text) if mentions is None else mentions:
        if inst.match(text, m.end):
            out[m.name] += 1
    return out


def _body_mentions(text: str, gaz, mentions: list | None = None) -> tuple[Counter, list]:
    """Gazetteer names in the body outside aid-partner / visit contexts and common words."""
    before_rx, after_rx = _foreign()
    counts: Counter = Counter()
    kept = []
    common = _common_words()
    mentions = _find(gaz, text) if mentions is None else mentions
    for i, m in enumerate(mentions):
        prev = text[m.start - 1] if m.start else ""
        chained = bool(i and mentions[i - 1].end == m.start)
        if (prev and m.name[-2:] in _bounded_ends() and _IS_CJK.match(prev)
                and prev not in _BODY_PREFIX and not chained):
            continue  # inside a word: 沿海城市 is not 海城市
        if before_rx.search(text[max(0, m.start - 14):m.start]) or after_rx.search(text[m.end:m.end + 12]):
            continue
        if m.name in common and not (i and mentions[i - 1].end == m.start):
            continue  # 老城区改造: counted only right after its parent's name (洛阳市老城区)
        counts[m.name] += 1
        kept.append(m)
    return counts, kept


@dataclass
class Place:
    """The resolved reporting unit."""

    uid: int | None = None
    level: str = ""
    unit: str = ""
    department: str = ""
    written: str = ""
    rule: str = ""
    confidence: float = 0.0
    candidates: list[Candidate] = field(default_factory=list)
    ambiguous_ids: tuple[int, ...] = ()
    note: str = ""
    town: str = ""      # a town named by the speaker but not in the gazetteer


def _department_after(s: str, end: int) -> str:
    m = _department_regex().match(s[end:end + 24])
    if not m:
        return ""
    name = m.group(1)
    if re.match(r"^(?:人民政府|政府|委员会|党委|党工委|人大常委会|区委|县委|市委|镇委|管理委员会|管委会)$", name) \
            or name.startswith(("人民政府", "关于")) or name.endswith(("管理委员会", "管委会", "党工委")):
        return ""
    if re.search(r"法治|依法|建设|工作|报告|年度|\d", name):
        return ""
    return name


def resolve_place(text: str, speakers: list[Speaker], page: Any = None) -> Place:
    """The reporting unit from speaker evidence, the body's self-references and (weakly) its
    mentions, reconciled along the gazetteer. See the module docstring."""
    gaz = _gaz()
    w = weights()
    cands: list[Candidate] = []
    per_name: dict[str, dict] = {}   # finest name -> {"ids": set, "weight": float, "dept": str}
    national = False
    zone_names: Counter = Counter()
    zone_in: dict[str, Counter] = {}
    dept_hints: Counter = Counter()
    unlisted: Counter = Counter()
    national_depts: Counter = Counter()
    from collections import defaultdict

    zone_in = defaultdict(Counter)

    def support(name: str, ids: Iterable[int], weight: float, rule: str, evidence: str,
                dept: str = "") -> None:
        written = name
        name = gaz.aliases.get(name, name)   # 劝业场街道办事处 and 劝业场街道 are one candidate
        entry = per_name.setdefault(name, {"ids": set(), "weight": 0.0, "dept": Counter(),
                                           "sources": set(), "written": Counter()})
        entry["written"][written] += weight
        entry["ids"].update(ids)
        entry["weight"] += weight
        entry["sources"].add(rule)
        if dept:
            entry["dept"][dept] += weight
        cands.append(Candidate(name + (dept or ""), rule, weight, evidence))

    # the site's government: the unit is it or lies within it — support for what lies within it,
    # a candidate of its own only when nothing else speaks (a province's report reposted on a
    # county's site is the province's)
    site_ids = list(dict.fromkeys(uid for uid, _how in _site_units(page)))
    for uid in site_ids:
        entry = per_name.setdefault("^" + gaz.names[uid], {"ids": set(), "weight": 0.0,
                                                          "dept": Counter(), "sources": set()})
        entry["ids"].add(uid)
        entry["weight"] += w["site"]
    for sp in speakers:
        s = fold(sp.text)
        if _NATIONAL.search(s) and sp.source in ("title", "issuer", "signature", "page_source"):
            national = national or not gaz.find(s)
        mentions = [m for m in _find(gaz, s) if not (m.name in _common_words() and len(gaz.find(s)) == 1
                                                    and sp.source in ("page_source", "file"))]
        zm = _zone_regex().search(s)
        speaking = sp.source in ("title", "issuer", "signature", "page_title")
        tm = _UNLISTED_TOWN.search(s) if speaking else None
        if tm and not any(gaz.kinds[i] == "town" for m in mentions for i in m.ids) \
                and tm.group(1)[-1] not in "各全我本该" and not _false_friends() & {tm.group(1) + tm.group(2)}:
            unlisted[tm.group(1) + re.sub("街道办事处|办事处", "街道", tm.group(2))] += sp.weight
        if not mentions:
            if zm and speaking:
                zone_names[zm.group(1)] += sp.weight
            nd = _NATIONAL_DEPT.match(s)
            if nd and speaking:
                national_depts[nd.group(1)] += sp.weight
            dm = _PREFIXED_DEPT.match(s)
            if dm and speaking:
                dept_hints[(dm.group(1), dm.group(2))] += sp.weight
            continue
        finest = max(mentions, key=lambda m: (_kind_rank(gaz, m), m.start))
        ids = _chain_ids(gaz, mentions, finest)
        dept = _department_after(s, finest.end) if sp.source != "page_source" else ""
        zm = _zone_regex().match(s, finest.end)
        if zm and zm.group(1) not in gaz.index and speaking:
            zone_in[finest.name][zm.group(1)] += sp.weight   # 马尾区 + 福州经济技术开发区管委会
        support(finest.name, ids, sp.weight, sp.source, sp.text, dept)
        for m in mentions:  # coarser names of the chain: the unit lies within them
            if m is not finest:
                entry = per_name.setdefault("^" + m.name, {"ids": set(), "weight": 0.0,
                                                           "dept": Counter(), "sources": set()})
                entry["ids"].update(_chain_ids(gaz, mentions, m))
                entry["weight"] += sp.weight
    head = text[:BODY_CHARS]
    self_level, n_self = find_level_from_self(head[:SELF_CHARS])
    found = _find(gaz, head)
    named = _self_named(head, gaz, found)
    body_counts, body_kept = _body_mentions(head, gaz, found)
    for name, n in named.items():
        ids = gaz.lookup(name)
        support(name, ids, min(w["self_named_max"], w["self_named"] * n), "self_named", name)
    subject = _opening_subject(text, found)
    if subject is not None:
        support(subject.name, subject.ids, w["opening_subject"], "opening_subject", subject.name)
    for name, n in body_counts.items():
        if name in _common_words():
            continue
        support(name, gaz.lookup(name), min(w["body_max"], w["body"] * n), "body", name)
    national = national or bool(_NATIONAL_SELF.search(head[:1500]) and not [
        k for k in per_name if not k.startswith("^") and per_name[k]["sources"] - {"body", "self_named"}])
    if national_depts and not [k for k in per_name if not k.startswith("^")
                               and per_name[k]["sources"] - {"body", "self_named"}]:
        dept, dw = national_depts.most_common(1)[0]
        return Place(None, "national", dept, dept, rule="title_national_department",
                     confidence=min(0.95, dw), candidates=[Candidate(dept, "title_national_department", dw)])
    if national and not [k for k in per_name if not k.startswith("^") and per_name[k]["sources"] - {"body", "self_named"}]:
        return Place(None, "national", "国务院", rule="title_national", confidence=0.9,
                     candidates=[Candidate("国务院", "title_national", 1.0)])
    if site_ids and not [k for k in per_name if not k.startswith("^")
                         and per_name[k]["sources"] - {"body", "self_named"}]:
        for uid in site_ids[:1]:
            support(gaz.names[uid], (uid,), w["site"], "site", "site")
    # score the names: own evidence + a bonus at the self-referenced level
    scored: list[tuple[float, str]] = []
    for name, entry in per_name.items():
        if name.startswith("^"):
            continue
        score = entry["weight"]
        levels = {_level_of(gaz, i) for i in entry["ids"]}
        if self_level and n_self >= 2 and (self_level in levels or (
                self_level == "department" and entry["dept"])):
            score += w["self_level"]
        if self_level and n_self >= 3 and entry["sources"] <= {"body", "self_named"} and \
                self_level not in levels and self_level != "department":
            score *= 0.3  # a body-only name at another level than the one speaking
        scored.append((score, name))
    if unlisted and (not scored or max(scored)[0] < unlisted.most_common(1)[0][1]):
        name, uw = unlisted.most_common(1)[0]
        inside_of = [n for sc, n in sorted(scored, reverse=True)]
        level = "subdistrict" if name.endswith("街道") else (
            "township" if name.endswith(("乡", "苏木")) else "town")
        if not inside_of:
            return Place(None, level, name, rule="unlisted_town", confidence=0.5, town=name,
                         candidates=[Candidate(name, "unlisted_town", uw)],
                         note="not in the gazetteer: placed by its name only")
    if zone_names and not scored:
        zone, zw = zone_names.most_common(1)[0]
        return Place(None, "zone", zone, rule="zone_name", confidence=min(0.9, zw),
                     candidates=[Candidate(zone, "zone_name", zw)])
    if not scored:
        if dept_hints:
            (prefix, dept), dw = max(((k, v) for k, v in dept_hints.items()), key=lambda kv: kv[1])
            return Place(level=_PREFIX_LEVEL.get(prefix, ""), department=dept, unit=prefix + dept,
                         rule="title_department", confidence=0.5)
        return Place(level=self_level if self_level != "department" else "",
                     rule="self_reference" if self_level else "", confidence=0.5 if self_level else 0.0)
    # a name inside another candidate (月浦街道 in 金平区) gets half its weight: the chain agrees
    own = {n: sc for sc, n in scored}
    inside: dict[str, list[str]] = {}
    above = {n: {a for i in per_name[n]["ids"] for a in gaz.ancestors(i)} for n in own}
    for n in own:
        for o in own:
            if o != n and above[n] & per_name[o]["ids"]:
                inside.setdefault(n, []).append(o)
    scored = sorted(((sc + 0.5 * sum(own[o] for o in inside.get(n, ())), n) for sc, n in scored),
                    reverse=True)
    best_score, best = scored[0]
    # the body speaks for a unit inside the winner, at the level its self-references give (a town
    # report on its district's site, under the district's banner): that unit is the speaker
    if self_level in ("town", "township", "subdistrict") and n_self >= 3:
        best_levels = {_level_of(gaz, i) for i in per_name[best]["ids"]}
        if self_level not in best_levels and not per_name[best]["dept"]:
            inner = [(sc, n) for sc, n in scored if best in inside.get(n, ())
                     and self_level in {_level_of(gaz, i) for i in per_name[n]["ids"]}
                     and ("self_named" in per_name[n]["sources"] or own[n] >= 2 * w["body"])]
            if inner:
                best_score, best = max(inner)
    entry = per_name[best]
    rivals = [sc for sc, n in scored if n != best and n not in inside.get(best, ())]
    runner = rivals[0] if rivals else 0.0
    speaker_backed = bool(entry["sources"] - {"body", "self_named"}) or "opening_subject" in entry["sources"]
    # a body-only winner needs several mentions and a clear lead
    if not speaker_backed and (best_score < w["body_min"] or best_score < 1.5 * runner):
        ranked = [Candidate(n, "body", sc) for sc, n in scored[:5]]
        return Place(level=self_level if self_level != "department" else "",
                     rule="self_reference" if self_level else "", confidence=0.4,
                     candidates=ranked, note="no unit speaks for itself clearly")
    ids = sorted(entry["ids"])
    # a finer name inside the winner that the body speaks for (a town report on a district's site)
    uid, how, amb = _disambiguate(gaz, ids, per_name, body_kept, page)
    dept = entry["dept"].most_common(1)[0][0] if entry["dept"] else ""
    if not dept and dept_hints:
        dept = dept_hints.most_common(1)[0][0][1]     # 区司法局 … on the district's site
    zone = zone_in[best].most_common(1)[0][0] if zone_in.get(best) else ""
    level = _level_of(gaz, uid) if uid is not None else (_level_of(gaz, ids[0]) if len({
        _level_of(gaz, i) for i in ids}) == 1 else self_level)
    conf = best_score / (best_score + runner)
    conf = min(0.99, conf * min(1.0, best_score))
    rule = max(((s, src) for src, s in _source_weights(cands, best)), default=(0, "body"))[1]
    if zone:
        level = "zone"
    written = entry["written"].most_common(1)[0][0] if entry.get("written") else best
    return Place(uid, level, zone or best, dept, written, rule + (f"+{how}" if how else ""), conf,
                 sorted(cands, key=lambda c: -c.weight), amb,
                 note="" if uid is not None else f"ambiguous: {len(ids)} units named {best}")


def _source_weights(cands: list[Candidate], name: str) -> list[tuple[str, float]]:
    out: dict[str, float] = {}
    for c in cands:
        if str(c.value).startswith(name):
            out[c.rule] = out.get(c.rule, 0.0) + c.weight
    return list(out.items())


def _kind_rank(gaz, m) -> int:
    return max({"province": 0, "city": 1, "county": 2, "town": 3}[gaz.kinds[i]] for i in m.ids)


def _disambiguate(gaz, ids: list[int], per_name: dict, body_kept: list, page: Any
                  ) -> tuple[int | None, str, tuple[int, ...]]:
    """One unit among those a name may be: by the coarser names of the speaker chains, the site's
    code and name, and the body's mentions of ancestors and children."""
    if len(ids) == 1:
        return ids[0], "", ()
    w = weights()
    score = dict.fromkeys(ids, 0.0)
    for key, entry in per_name.items():
        for i in ids:
            if any(o != i and gaz.within(i, o) for o in entry["ids"]):
                score[i] += w["ancestor"] * (entry["weight"] if key.startswith("^") else 0.5)
    for uid, _how in _site_units(page):
        for i in ids:
            if gaz.within(i, uid):
                score[i] += w["site_code"]
    ancestors = {i: set(gaz.ancestors(i)) for i in ids}
    for m in body_kept:
        for i in ids:
            if any(o in ancestors[i] for o in m.ids) or any(gaz.parents[o] == i for o in m.ids):
                score[i] += w["ancestor_body"]
    # short names of the city and province in the body (福州, 福建)
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    if ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1] + 0.01):
        return ranked[0][0], "hierarchy", ()
    top = [i for i, s in ranked if s == ranked[0][1]] if ranked[0][1] > 0 else ids
    return None, "", tuple(top)


def _common_chain(gaz, ids: Iterable[int]) -> tuple[str, str, str, str]:
    """The (province, city, county, town) names all ``ids`` share (``""`` where they differ)."""
    chains = [gaz.chain(i) for i in ids]
    if not chains:
        return "", "", "", ""
    out = []
    for k in range(4):
        vals = {c[k] for c in chains}
        out.append(vals.pop() if len(vals) == 1 else "")
        if out[-1] == "":
            out += [""] * (3 - k)
            break
    return tuple(out)  # type: ignore[return-value]


# --- the resolver --------------------------------------------------------------------------------

def infer_meta(text: str, *, raw: str | None = None, page: Any = None, file: str = "",
               scan_chars: int = 20000) -> dict:
    """Metadata fields of one cleaned text, plus ``meta_rules`` {field: {rule, confidence, …}}.

    ``raw`` is the text before cleaning (its chrome lines hold the page's date and source),
    ``page`` the page metadata (:func:`fazhi.pagemeta.find_page_meta`), ``file`` the file's name
    relative to the corpus folder. Fields the evidence does not decide stay empty.
    """
    rules: dict[str, dict] = {}
    head = _fold_long(text[:scan_chars])
    title, issuers, _ = title_lines(head)
    tsource = "title_line"
    if not title:
        for t in getattr(page, "titles", None) or ():
            value = clean_page_title(getattr(t, "value", t))
            if value and _TITLE_WORDS.search(value):
                title, tsource = value, "page_title"
                break
    if title:
        rules["title"] = {"rule": tsource, "confidence": 0.9 if tsource == "title_line" else 0.8}
    kind, krule, kconf = find_kind(fold(title), head)
    rules["kind"] = {"rule": krule, "confidence": kconf}

    if page is None:
        page = find_page_meta(raw if raw is not None else text)
    pub_c, signed_c = _page_date_candidates(page)
    sig, sig_line = find_signature_date(text)
    if sig:
        signed_c.append(Candidate(sig, "signature_date", 0.8, sig_line))
    signed = decide(signed_c, margin=1.01)
    pub = decide(pub_c, margin=1.01)
    publish_date = pub.value or ""
    if publish_date:
        rules["publish_date"] = pub.as_rule()
    elif sig:
        publish_date = sig
        rules["publish_date"] = {"rule": "signature_date", "confidence": 0.7}
    signed_date = signed.value or ""
    if signed_date:
        rules["signed_date"] = signed.as_rule()

    years, plans = _year_candidates(title, head[:3000] + "\n" + text[-3000:], file=file,
                                    publish=pub.value or "", signed=signed_date, kind=kind)
    year = decide(years, margin=1.2)
    if year.value:
        rules["report_year"] = year.as_rule()
    elif year.ambiguous:
        rules["report_year"] = year.as_rule()
    plan = decide(plans, margin=1.2)
    plan_year = plan.value
    if plan_year and year.value and plan_year <= year.value:
        plan_year = None
    if plan_year:
        rules["plan_year"] = plan.as_rule()

    place = resolve_place(head, _speakers(title, issuers, text, page, file), page)
    gaz = _gaz()
    town = district = city = province = ""
    code = ""
    if place.uid is not None:
        province, city, district, town = gaz.chain(place.uid)
        code = gaz.code(place.uid)
        if place.written and place.written in gaz.aliases and gaz.aliases[place.written] != gaz.names[place.uid]:
            place.note = f"written as {place.written}"
    elif place.town:
        town = place.town
    elif place.ambiguous_ids:
        province, city, district, town = _common_chain(gaz, place.ambiguous_ids)
        names = {gaz.names[i] for i in place.ambiguous_ids}
        kinds = {gaz.kinds[i] for i in place.ambiguous_ids}
        if len(names) == 1 and kinds == {"town"}:
            town = names.pop()       # the name is certain, where it lies is not
        elif len(names) == 1 and kinds == {"county"}:
            district = names.pop()
        place.note = place.note or "ambiguous"
    if place.level == "national":
        unit = place.unit or "国务院"
    else:
        unit_place = "".join(dict.fromkeys(x for x in (province if province != city else "", city,
                                                       district, town) if x))
        unit = (unit_place + place.department) if unit_place else place.unit
        if place.level == "zone" and place.unit and place.unit not in unit:
            unit = place.unit
    level = place.level
    if place.uid is not None and place.written in gaz.aliases:
        if _zone_regex().fullmatch(place.written):
            level, unit = "zone", place.written   # 平潭综合实验区 stands in for 平潭县
        elif place.written[-1] in "县旗市" and level == "district":
            level = "county"  # written when it was a county (沙县, since 2021 沙县区)
    prule = {"rule": place.rule, "confidence": round(place.confidence, 2)}
    if place.note:
        prule["note"] = place.note
    urule = dict(prule, written=place.written) if place.written else dict(prule)
    if place.ambiguous_ids:
        prule["ambiguous"] = urule["ambiguous"] = True
        prule["candidates"] = urule["candidates"] = [
            "/".join(x for x in gaz.chain(i) if x) for i in place.ambiguous_ids[:8]]
    elif len(place.candidates) > 1:
        urule["candidates"] = [c.as_dict() for c in place.candidates[:6]]
    for f, v in (("town", town), ("district", district), ("city", city), ("province", province),
                 ("division_code", code)):
        if v:
            rules[f] = dict(prule)
        elif place.ambiguous_ids and f != "division_code":
            rules[f] = dict(prule, rule="ambiguous", confidence=0.0)  # unknown because ambiguous
    if unit:
        rules["unit"] = urule
    if place.department:
        rules["department"] = dict(prule)
    if level:
        rules["level"] = {"rule": place.rule if place.uid is not None or place.level in ("national", "zone")
                          else (place.rule or "self_reference"),
                          "confidence": round(place.confidence, 2) if place.confidence else 0.5}
    return {
        "title": title, "kind": kind, "report_year": year.value, "plan_year": plan_year,
        "publish_date": publish_date, "signed_date": signed_date, "unit": unit,
        "department": place.department, "town": town, "district": district, "city": city,
        "province": province, "level": level, "division_code": code, "meta_rules": rules,
    }


# --- kept for callers of the first version -------------------------------------------------------

def is_town_name(name: str) -> bool:
    """Whether ``name`` is a township-level unit of the gazetteer (or an alias of one).

    ``is_town_name("亭江镇")`` -> True; ``is_town_name("各乡镇")`` / ``is_town_name("城镇")`` -> False.
    """
    gaz = _gaz()
    name = fold(name)
    return bool(_find(gaz, name)) and any(gaz.kinds[i] == "town" for i in gaz.lookup(name))


def find_towns(text: str) -> Counter:
    """Township-level gazetteer names in ``text`` outside aid-partner contexts, counted.

    ``find_towns("，亭江镇党委、政府……全镇")`` -> ``Counter({"亭江镇": 1})``.
    """
    gaz = _gaz()
    counts, kept = _body_mentions(fold(text), gaz)
    return Counter({m.name: counts[m.name] for m in kept if any(gaz.kinds[i] == "town" for i in m.ids)})


def gazetteer_path():
    """The main gazetteer data file (JioNLP's ``china_location.zip``)."""
    from fazhi.gazetteer import source_files

    return source_files()[0]
