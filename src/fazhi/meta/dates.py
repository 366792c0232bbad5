"""Dates and years: the page's publish date, the signature date, the report year and the plan year.

>>> find_report_year("2014年政府工作报告", "")[:2]
(2013, 'government_work_report_year')
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from fazhi.meta.evidence import Candidate, decide
from fazhi.meta.rules import _institutions, weights
from fazhi.meta.text import _cn_number, _date, _fold_long, _last_lines, _year, fold
from fazhi.pagemeta import find_page_meta
from fazhi.patterns import CN_YEAR, YEAR

_YEAR = YEAR


_CN_YEAR = CN_YEAR


_SIGN_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")


_CN_SIGN_DATE = re.compile(r"([〇零一二三四五六七八九○Ｏ]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                           r"\s*([一二三四五六七八九十]{1,3})\s*日\s*$")


_QUOTED = re.compile(r"《[^》\n]{0,80}》|“[^”\n]{0,60}”")


_REPORT_AS = re.compile(r"(?:将|把|就|对)[^，。；\n\d]{0,6}?((?:19|20)\d\d)\s*年度?[^。；\n]{0,30}?(?:情况|工作)[^。；\n]{0,12}?"
                        r"(?:报告|汇报|总结)(?:如下)?")


_PLAN_HEAD = re.compile(r"(?:^|\n)[^。；\n]{0,8}?((?:19|20)\d\d)\s*年度?[^。；\n]{0,16}?(?:工作计划|工作打算|工作思路|主要安排|工作安排|计划|打算|思路)")


_PLAN_OPEN = re.compile(r"(?:^|\n)((?:19|20)\d\d)\s*年[，,]?[^。\n]{0,24}?将")


_YEAR_WORK = re.compile(r"((?:19|20)\d\d)\s*年度?(?:法治|依法|工作(?!计划|打算|思路|要点|安排)|全面|，|,|以来)")


_GOV_WORK = re.compile(r"政府工作报告")


_MEETING = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*在[^\n。]{2,40}?(?:代表大会|会议)")
# a government work report's review heading: 一、2013年工作回顾, 2020年主要工作回顾
_REVIEW = re.compile(r"(?:^|\n)[一二三四五六七八九十（(、\s]{0,4}((?:19|20)\d\d)\s*年[^。\n]{0,8}?工作(?:回顾|总结)")


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


_MEETING_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在[^\n。]{2,40}?(?:代表大会|会议)")


def meeting_date(text: str) -> str:
    """The date a work report was delivered (``——2019年3月2日在浮山县第十七届人民代表大会…``), or ``""``."""
    m = _MEETING_DATE.search(text)
    return _date(*map(int, m.groups())) if m else ""


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
            # a meeting early in the year reviews the year before; one in the last quarter, its own
            y, month = int(sm.group(1)), int(sm.group(2))
            reviewed = y if month >= 10 else y - 1
            years.append(Candidate(reviewed, "government_work_report_meeting", 1.5, sm.group()))
            plans.append(Candidate(reviewed + 1, "government_work_report_meeting", 1.5, sm.group()))
        rm = _REVIEW.search(text[:3000])
        if rm:
            years.append(Candidate(int(rm.group(1)), "review_heading_year", 1.0, rm.group().strip()))
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
