"""Parse stage: heading outline, sections, inline items and canonical parts.

Headings nest as ``一、`` (level 1) > ``（一）`` (level 2) > ``1.``/``1、``/``（1）`` (level 3); the
cleaned text has full-width parentheses (see :mod:`fazhi.clean`). Inline items ``一是…二是…`` are
found inside paragraphs. Each top-level section gets a canonical part from its heading words
(``data/parts.tsv``); sub-sections inherit it, except that the principal leaders' duty as first
responsible person (``duty``) is also found in sub-headings, inline items and paragraph-opening
sentences.

>>> [s["part"] for s in parse_sections("一、工作情况\\n正文\\n二、存在问题\\n正文")]
['achievements', 'problems']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from fazhi.read import load_table

PARTS = ("achievements", "problems", "duty", "plans", "other")
ARTICLE_25 = PARTS  # the five parts a report must contain

_CN_NUM = "一二三四五六七八九十"
_HEADINGS = (
    (1, re.compile(rf"^([{_CN_NUM}]{{1,3}})[、.．]\s*(.*)$")),
    (2, re.compile(rf"^[（(]([{_CN_NUM}]{{1,3}})[）)]\s*(.*)$")),
    (3, re.compile(r"^(\d{1,2})[.．、](?!\d)\s*(.*)$")),
    (3, re.compile(r"^[（(](\d{1,2})[）)]\s*(.*)$")),
)
_HEADING_FIRST = frozenset(_CN_NUM + "（(")
_ITEM = re.compile(rf"(?:^|(?<=[。；！？：\n]))\s*([{_CN_NUM}]{{1,3}})(?:是|要)")
_ITEM_BOUNDARY = "。；！？：\n"
# the number and 是/要 of an item, found without the boundary before it (checked afterwards):
# a pattern that starts with a character class is scanned much faster than one with a lookbehind
_ITEM_CORE = re.compile(rf"([{_CN_NUM}]{{1,3}})(?:是|要)")
_SENTENCE_END = re.compile(r"[。；！？]")
_LINE = re.compile(r"[^\n]+")


@dataclass
class Structure:
    """The outline of one text: sections (all levels), inline items, duty evidence, flags."""

    sections: list[dict]
    items: list[dict] = field(default_factory=list)
    duty: list[dict] = field(default_factory=list)
    duplicate_numbering: bool = False
    parts: list[str] = field(default_factory=list)


@cache
def _part_rules() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((part, re.compile(p)) for part, p in load_table("parts.tsv"))


@cache
def _duty_needles() -> tuple[str, ...] | None:
    """Literals one of which any text the ``duty`` rule matches contains (None: unknown)."""
    from fazhi.clean import needles

    found: list[str] = []
    for part, p in load_table("parts.tsv"):
        if part == "duty":
            n = needles(p)
            if n is None:
                return None
            found.extend(n)
    return tuple(found)


def _may_be_duty(text: str) -> bool:
    needles_ = _duty_needles()
    return needles_ is None or any(n in text for n in needles_)


def classify_heading(heading: str) -> str | None:
    """Canonical part named by a heading, or None. ``classify_heading("下一步工作计划")`` -> ``"plans"``."""
    for part, rx in _part_rules():
        if rx.search(heading):
            return part
    return None


def is_duty(text: str) -> bool:
    """Whether a heading or clause is about the first-responsible-person duty.

    ``is_duty("落实第一责任人责任")`` -> True; ``is_duty("实现镇领导干部述法全覆盖")`` -> False.
    """
    return _may_be_duty(text) and classify_heading(text) == "duty"


def _heading_text(rest: str) -> str:
    """The heading part of a heading line: up to the first full stop if text follows it."""
    m = _SENTENCE_END.search(rest)
    head = rest[: m.start()] if m else rest
    return head.strip().rstrip("：:")


def parse_outline(text: str) -> list[dict]:
    """Every heading line: level, number, heading, start, end (end = next heading of same or
    higher level). ``"一、工作情况\\n（一）强化领导。正文"`` -> two entries, levels 1 and 2."""
    heads = []
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if not line or not (line[0] in _HEADING_FIRST or line[0].isdigit()):
            continue  # no heading pattern can match (the same test as the patterns' first item)
        for level, rx in _HEADINGS:
            h = rx.match(line)
            if h and h.group(2).strip():
                heads.append({"level": level, "number": h.group(1), "heading": _heading_text(h.group(2)),
                              "start": m.start(), "end": len(text)})
                break
    open_: list[dict] = []  # headings whose end is not known yet
    for h in heads:
        while open_ and open_[-1]["level"] >= h["level"]:
            open_.pop()["end"] = h["start"]
        open_.append(h)
    return heads


def find_items(text: str) -> list[dict]:
    """Inline items ``一是…二是…`` with number, title clause (up to the first 。/；) and offsets.

    ``find_items("一是提高站位。坚持……；二是强化领导。")`` -> items 一 and 二.
    """
    out = []
    n = len(text)
    for m in _item_matches(text):
        line_end = text.find("\n", m.end())
        line_end = line_end if line_end >= 0 else n
        end_m = _SENTENCE_END.search(text, m.end(), line_end)  # the item stops at the line end
        stop = end_m.start() if end_m else line_end
        out.append({"number": m.group(1), "title": text[m.end():stop].strip(), "start": m.start(1),
                    "end": stop})
    return out


def _item_matches(text: str) -> Iterator[re.Match]:
    """The matches of ``_ITEM`` (as far as ``find_items`` uses them: group 1 and the end)."""
    for m in _ITEM_CORE.finditer(text):
        q = m.start()
        while q and text[q - 1].isspace():
            q -= 1
            if text[q] in _ITEM_BOUNDARY:
                break
        else:
            if q and text[q - 1] not in _ITEM_BOUNDARY:
                continue
        yield m


def _duty_lines(text: str) -> Iterator[tuple[int, str]]:
    """(start, line) of the non-empty lines that may hold the duty (all of them when unknown)."""
    needles_ = _duty_needles()
    if needles_ is None:
        yield from ((m.start(), m.group()) for m in _LINE.finditer(text))
        return
    starts: set[int] = set()
    for n in needles_:
        i = text.find(n)
        while i >= 0:
            starts.add(text.rfind("\n", 0, i) + 1)
            i = text.find(n, i + 1)
    for start in sorted(starts):
        end = text.find("\n", start)
        yield start, text[start:end if end >= 0 else len(text)]


def _duplicate_numbering(heads: list[dict]) -> bool:
    """Two siblings (same level, same parent) with the same number."""
    seen: set[tuple] = set()
    parents: dict[int, int] = {}
    for i, h in enumerate(heads):
        parents = {lv: idx for lv, idx in parents.items() if lv < h["level"]}
        parent = max(parents.items())[1] if parents else -1
        key = (h["level"], parent, h["number"])
        if key in seen:
            return True
        seen.add(key)
        parents[h["level"]] = i
    return False


def analyse_structure(text: str) -> Structure:
    """Sections with canonical parts, inline items, duty evidence and ``duplicate_numbering``."""
    heads = parse_outline(text)
    sections: list[dict] = []
    first = heads[0]["start"] if heads else len(text)
    if text[:first].strip():
        sections.append({"part": "preamble", "level": 1, "number": "", "heading": "",
                         "start": 0, "end": first})
    seen_late = False  # a problems/plans section came already
    current = "achievements"
    duty: list[dict] = []
    # levels are ranks among the marker kinds present: a report without 一、 starts at （一） = 1
    rank = {lv: i + 1 for i, lv in enumerate(sorted({h["level"] for h in heads}))}
    for h in heads:
        h["level"] = rank[h["level"]]
    top = 1
    for h in heads:
        named = classify_heading(h["heading"])
        if h["level"] == top:
            if named:
                current = named
            else:
                current = "achievements" if not seen_late else current
            seen_late = seen_late or current in ("problems", "plans")
            part = current
        else:
            part = "duty" if named == "duty" else current
        if named == "duty":
            duty.append({"where": "heading" if h["level"] == top else "subheading",
                         "text": h["heading"], "start": h["start"]})
        sections.append({**h, "part": part})
    items = find_items(text)
    for it in items:
        if is_duty(it["title"]):
            duty.append({"where": "item", "text": it["title"], "start": it["start"]})
    heading_starts = {h["start"] for h in heads}
    item_starts = {it["start"] for it in items}
    for start, line in _duty_lines(text):
        if start in heading_starts or start in item_starts:
            continue
        sent = _SENTENCE_END.split(line, maxsplit=1)[0]
        if is_duty(sent):
            duty.append({"where": "paragraph", "text": sent.strip(), "start": start})
    duty.sort(key=lambda d: d["start"])
    for s in sections:
        s["text"] = text[s["start"]:s["end"]]
    found = {s["part"] for s in sections} | ({"duty"} if duty else set())
    return Structure(sections, items, duty, _duplicate_numbering(heads),
                     [p for p in PARTS if p in found])


def parse_sections(text: str) -> list[dict]:
    """Sections of a cleaned text as dicts (part, level, number, heading, start, end, text).

    Levels rank the marker kinds present (``一、`` > ``（一）`` > ``1.``; a report that starts at
    ``（一）`` has those at level 1). Level-1 sections and the ``preamble`` before the first heading
    tile the text; deeper sections nest inside them and carry their parent's part (``duty`` aside).
    """
    return analyse_structure(text).sections
