"""Status of a fact from the document, not only its sentence: a fact in the plans part
(下一步工作打算), under a heading of targets (2024年主要预期目标), or naming a year later than the
report year is a target, unless its sentence is clearly a past result (已, 完成了, 累计 ...).
The cues are versioned data (``indicator_doc_status.tsv``).

>>> from fazhi.indicators import extract_indicators
>>> text = "二、2024年主要预期目标\\n1. 地区生产总值增长6%。\\n2. 新建口袋公园8个。"
>>> [f["status"] for f in document_status(extract_indicators(text), text, report_year=2023)]
['target', 'target']
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

# a heading line: short, no sentence end, optionally numbered; its level from the numbering
_HEADING_LINE = re.compile(
    r"^[ \t\u3000]*(?P<num>[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d)"
    r"|第[一二三四五六七八九十]+部分)?[^\n。！？]{0,40}$", re.M)
_MAX_HEADING = 40
_SUMMARY = re.compile(r"总结|情况|报告|成效|回顾")
_CLAUSE_END = re.compile(r"[，,；;：:]")
# a name with years in it is no date of the fact: 《…规划（2024-2026年）》, （2021—2025年）
_NAMED_YEARS = re.compile(r"《[^《》]*》|[（(]\s*20\d\d\s*(?:年\s*)?[-—–~～至到]\s*20\d\d\s*年?(?:度)?\s*[)）]")


@dataclass(frozen=True)
class DocStatusRules:
    heading: re.Pattern | None
    past: re.Pattern | None
    later: re.Pattern | None
    done: re.Pattern | None = None
    announce: re.Pattern | None = None


@cache
def doc_status_rules() -> DocStatusRules:
    """The package's cues (``indicator_doc_status.tsv``), read once."""
    from fazhi.read import load_table

    pats: dict[str, list[str]] = {"heading": [], "past": [], "later": [], "done": [], "announce": []}
    for kind, regex in load_table("indicator_doc_status.tsv"):
        if kind not in pats:
            raise ValueError(f"indicator_doc_status.tsv: kind {kind!r} is not heading, past, later, done "
                             "or announce")
        pats[kind].append(regex)
    comp = {k: (re.compile("|".join(f"(?:{p})" for p in v)) if v else None) for k, v in pats.items()}
    return DocStatusRules(comp["heading"], comp["past"], comp["later"], comp["done"], comp["announce"])


def _level(num: str | None) -> int:
    if not num:
        return 9
    if num[0] in "（(":
        return 2
    if num[0].isdigit():
        return 3
    return 1


def target_spans(text: str, rules: DocStatusRules | None = None) -> list[tuple[int, int]]:
    """(start, end) of the text under each heading of targets, up to the next heading of the same
    or a higher level. ``"（二）主要目标\\n新建公园8个。"`` -> [(0, 15)]."""
    r = rules or doc_status_rules()
    if r.heading is None or not text:
        return []
    heads = []
    for m in _HEADING_LINE.finditer(text):
        line = m.group(0).strip()
        if not line or len(line) > _MAX_HEADING or line.endswith(("，", "；", ",", ";")):
            continue
        # a numbered line or a bare short line without a number counts as a heading
        if m.group("num") is None and (re.search(r"\d", line) and not r.heading.search(line)):
            continue
        # an unnumbered title naming the summary too (…工作总结及2022年工作思路) opens no span
        # (and a heading of what was done is none, numbered or not: 一、重点工作开展情况)
        is_target = bool(r.heading.search(line)) and not (
            m.group("num") is None and _SUMMARY.search(line)) and not (r.done is not None and r.done.search(line))
        heads.append((m.start(), m.end(), _level(m.group("num")), is_target))
    spans = []
    for i, (_s, e, lv, is_target) in enumerate(heads):
        if not is_target:
            continue
        end = len(text)
        for s2, _e2, lv2, _t in heads[i + 1:]:
            if lv2 <= lv and lv2 != 9:
                end = s2
                break
        spans.append((e, end))
    return spans + _announced_lists(text, r)


_LINE = re.compile(r"[^\n]+")
_MARKER = r"(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))"  # 一、 (1) 1.
_ITEM = re.compile(r"^[ \t\u3000]*" + _MARKER)
_SENTENCE = re.compile(r"[^。！？\n]*[。！？：:]")
# a list opening in the line of its announcement, after 分别是： or at once
_LIST_OPENS = re.compile(r"[ \t\u3000]*(?:(?:分别是|具体是|主要是|主要有|包括|即)[：:]?)?[ \t\u3000]*" + _MARKER)


def _inline_list(line: str, announce: re.Pattern) -> int | None:
    """Where a numbered list announced in the same line starts (…办好15件民生实事。分别是：(1)…), or None."""
    for m in _SENTENCE.finditer(line):
        if announce.search(m.group(0)) and _LIST_OPENS.match(line, m.end()):
            return m.end()
    return None


def _announced_lists(text: str, r: DocStatusRules) -> list[tuple[int, int]]:
    """(start, end) of the numbered list after a line announcing the coming year's work
    (今年将继续……扎实办好“十件民生实事”。 then (一)…(二)…): from the line to the first numbered line of a
    higher level than the list's first item, or to the end of the text; a list in the line of its
    announcement (a page without line breaks) to the end of that line."""
    if r.announce is None or not text:
        return []
    out = []
    lines = [(m.start(), m.end(), m.group(0)) for m in _LINE.finditer(text)]
    for i, (s, e, line) in enumerate(lines):
        inline = _inline_list(line, r.announce)
        if inline is not None:
            out.append((s + inline, e))  # a page without line breaks: …民生实事。分别是：(1)…(2)…
            continue
        if not r.announce.search(line) or i + 1 >= len(lines):
            continue
        first = _ITEM.match(lines[i + 1][2])
        if first is None:
            continue  # (only a list right after the line is announced)
        level = _level(first.group(0).strip())
        end = len(text)
        for s2, _e2, line2 in lines[i + 2:]:
            m2 = _ITEM.match(line2)
            if m2 is not None and _level(m2.group(0).strip()) < level:
                end = s2
                break
        out.append((e, end))
    return out


def _union(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts and ends of the disjoint union of ``spans`` (a plans part holding headings of
    targets is one span), for :func:`_inside`."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _inside(union: tuple[list[int], list[int]], pos: int) -> bool:
    starts, ends = union
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _year(value: Any) -> int | None:
    """The report year as an int, None when unknown (None, NA, NaN, "未知")."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def document_status(facts: list[dict[str, Any]], text: str, *, report_year: int | None = None,
                    plan_spans: list[tuple[int, int]] | None = None,
                    rules: DocStatusRules | None = None) -> list[dict[str, Any]]:
    """The facts again, a "result" turned "target" when it sits in ``plan_spans`` (the parser's
    plans part) or under a heading of targets, or names a year later than ``report_year`` before
    its number — unless its sentence is a past result. Status values stay result/target/baseline.
    ``计划``-free plan lists: "三、下一步工作打算\\n新建调解室5个。" -> target."""
    r = rules or doc_status_rules()
    if not facts:
        return facts
    spans = _union((plan_spans or []) + target_spans(text, r))
    year = _year(report_year)
    for f in facts:
        # a result, or a growth compared with the year before (同比增长6%): in a plans part both are targets
        if f.get("status") != "result" and not (
                f.get("status") == "baseline" and f.get("number_kind") == "growth"):
            continue
        start = int(f["start"])
        sent = f.get("sentence") or ""
        cut = sent.find(f.get("raw") or "\0")
        before = sent[:cut] if cut >= 0 else sent
        clause = _CLAUSE_END.split(before)[-1]  # 已完成…14个，下一阶段再改造9个: the clause's own
        if r.past is not None and r.past.search(clause):
            continue
        if _inside(spans, start):
            f["status"] = "target"
            continue
        if year is not None and r.later is not None:
            named = _NAMED_YEARS.sub("", before) if ("《" in before or "（" in before or "(" in before) \
                else before
            if any(int(m.group(1)) > year for m in r.later.finditer(named)):
                f["status"] = "target"
    return facts
