"""Parse stage: heading outline, sections, inline items and canonical parts.

Headings nest as ``一、`` (level 1) > ``（一）`` (level 2) > ``1.``/``1、``/``（1）`` (level 3); the
cleaned text has full-width parentheses (see :mod:`fazhi.clean`). Inline items ``一是…二是…`` are
found inside paragraphs. Each top-level section gets a canonical part from its heading words
(``data/parts.tsv``); sub-sections inherit it, except that the principal leaders' duty as first
responsible person (``duty``) is also found in sub-headings, inline items and paragraph-opening
sentences.

Text whose line breaks were lost (``……报告如下：一、工作开展情况（一）强化组织领导。一是……二、存在的
问题……``) gives the same outline: markers inside a line count when their numbers run in order
(``parse_outline``). A closing paragraph without heading (``下一步，我镇将……``, ``但也存在……不足``)
is the plans (problems) part of a report that has no such section.

>>> [s["part"] for s in parse_sections("一、工作情况\\n正文\\n二、存在问题\\n正文")]
['achievements', 'problems']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from fazhi.numerals import small_number
from fazhi.patterns import CN_NUM, IS_CJK
from fazhi.read import load_table
from fazhi.vocab import PARTS

_CN_NUM = CN_NUM
# the four marker kinds: 一、 > （一） > 1./1、 > （1）; kind i has level _LEVELS[i]
_MARKERS = (
    rf"([{_CN_NUM}]{{1,3}})[、.．]",
    rf"[（(]([{_CN_NUM}]{{1,3}})[）)]",
    r"(\d{1,2})[.．、](?!\d)",
    r"[（(](\d{1,2})[）)]",
)
_LEVELS = (1, 2, 3, 3)
_HEADINGS = tuple((lv, re.compile(rf"^{p}\s*(.*)$")) for lv, p in zip(_LEVELS, _MARKERS, strict=True))
_HEADING_FIRST = frozenset(_CN_NUM + "（(")
_MARK = re.compile("|".join(_MARKERS))  # group i+1 is the number of a marker of kind i
# a marker inside a line: after a sentence end (a closing quote and spaces may come between); a
# half-width "." that clean left before a marker (……2轮.（二）) counts after a Chinese character
_INLINE = re.compile(rf"[。！？：；.．][”’]?[ \t\u3000]*(?=[{_CN_NUM}（(\d])")
_CJK = IS_CJK
_HEAD_MAX = 80  # an inline heading without a stop is cut here (it ran into its paragraph)
_SHORT_REST = 6  # a line "一、工作情况汇总" keeps its last words (a run-on paragraph is longer)
_HEAD_STOP = re.compile(r"[。；！？：\n]")
_ITEM = re.compile(rf"(?:^|(?<=[。；！？：\n]))\s*([{_CN_NUM}]{{1,3}})(?:是|要)")
_ITEM_BOUNDARY = "。；！？：\n"
# the number and 是/要 of an item, found without the boundary before it (checked afterwards):
# a pattern that starts with a character class is scanned much faster than one with a lookbehind
_ITEM_CORE = re.compile(rf"([{_CN_NUM}]{{1,3}})(?:是|要)")
_FIRST_ITEM = re.compile("一[是要]")
_SENTENCE_END = re.compile(r"[。；！？]")
_CLAUSE_END = re.compile(r"[。；！？\n]")
_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")
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
    return tuple((part, re.compile(p)) for part, p in load_table("parts.tsv") if not part.startswith("@"))


@cache
def _rule(name: str) -> re.Pattern:
    """A structure rule of ``parts.tsv`` (rows ``@name<TAB>regex``)."""
    for key, p in load_table("parts.tsv"):
        if key == f"@{name}":
            if name == "heading_end":  # chained: 主要举措和成效, 存在的问题及原因, 计划安排
                p = rf"{p}(?:(?:[和及与、]|以及)?(?:的)?{p})*"
            return re.compile(p)
    raise KeyError(f"parts.tsv has no rule @{name}")


@cache
def _duty_needles() -> tuple[str, ...] | None:
    """Literals one of which any text the ``duty`` rule matches contains (None: unknown)."""
    from fazhi.patterns import needles

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


def heading_number(number: str) -> int | None:
    """The value of a heading number: ``"十二"`` -> 12, ``"3"`` -> 3; None when malformed (``"一一"``)."""
    return small_number(number)


def _heading_end_cut(head: str, *, sentence: bool) -> int:
    """Length of the heading words that name a part when a heading ran into its paragraph (a
    character, not punctuation, follows them), else ``len(head)``:
    ``"存在问题依法行政意识不强，…"`` -> 4 (``存在问题``). A short rest that is no sentence (``head`` was
    a whole line: ``工作情况汇总``) belongs to the heading."""
    goes_on = _rule("heading_goes_on")
    for m in _rule("heading_end").finditer(head, 0, 40):
        if (m.end() < len(head) and not _is_punct(head[m.end()]) and not goes_on.match(head, m.end())
                and (sentence or len(head) - m.end() >= _SHORT_REST) and classify_heading(head[:m.end()])):
            return m.end()
    return len(head)


def _is_punct(ch: str) -> bool:
    return not (ch.isalnum() or ch in "“《（(")


class _Outline:
    """Headings found so far and the numbering state that inline markers must continue."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.heads: list[dict] = []
        self.path: dict[int, int] = {}   # kind -> number of the open heading of that kind
        self.local: dict[int, int] = {}  # kind -> number of an enumeration restarted inside a section
        self.seen: set[int] = set()
        self.last: dict[int, int] = {}  # kind -> number of its last heading under any parent
        self.bodies: list[int] = []  # where the text after each heading's text starts

    def accept(self, kind: int, number: str, n: int, start: int, heading: str, body: int) -> None:
        for k in [k for k in self.path if k > kind]:
            del self.path[k]
        self.path[kind] = n
        if self.local:
            self.local = {k: v for k, v in self.local.items() if k < kind}
        self.seen.add(kind)
        self.last[kind] = n
        self.heads.append({"level": _LEVELS[kind], "number": number, "heading": heading,
                           "start": start, "end": len(self.text)})
        self.bodies.append(body)

    def first_under_parent(self, kind: int, n: int | None) -> bool:
        """1, or the next number of the kind when numbering runs on ((一)1.2.(二)3.4.)."""
        return n == 1 or n == self.last.get(kind, -1) + 1

    def numbering(self, kind: int, n: int | None) -> bool:
        """Whether number ``n`` may continue the numbering of its kind (the heading decides later)."""
        if n is None:
            return False
        last = self.path.get(kind)
        if last is None:  # the first under its parent: 1, or the numbering runs on across parents
            return self.first_under_parent(kind, n) and not (self.seen and kind < min(self.seen))
        if n == last + 1 or (kind <= 1 and n in (last, last + 2)):
            return True
        self._enumeration(kind, n)
        return False

    def fits(self, kind: int, n: int, heading: str) -> bool:
        """Whether an inline marker whose ``numbering`` may fit continues the outline."""
        last = self.path.get(kind)
        if last is None:
            return True
        named = classify_heading(heading) is not None
        if n == last + 1 and (self.local.get(kind) != n - 1 or named):
            return True
        if kind <= 1 and n in (last, last + 2) and named:
            return True  # a numbering slip (四、 四、) under a heading that names its part
        self._enumeration(kind, n)
        return False

    def _enumeration(self, kind: int, n: int) -> None:
        """Note 一、…二、… restarted inside a section: the numbers that continue it are no headings."""
        if n == 1 or self.local.get(kind) == n - 1:
            self.local[kind] = n


def _marker_kind(m: re.Match) -> int:
    return next(i for i in range(4) if m.group(i + 1) is not None)


def _head_end(text: str, a: int, b: int) -> tuple[int, str]:
    """Where the heading text starting at ``a`` stops (before ``b``) and the stop character."""
    m = _HEAD_STOP.search(text, a, b)
    return (m.start(), m.group()) if m else (b, "")


def _take(out: _Outline, kind: int, number: str, start: int, a: int, b: int, inline: bool) -> None:
    """Accept a heading whose text starts at ``a`` (line or window end ``b``); a marker run into
    its text (``一、工作开展情况（一）强化组织领导``) is the next heading."""
    n = heading_number(number)
    if inline and not out.numbering(kind, n):
        return
    text = out.text
    stop, stop_ch = _head_end(text, a, b)
    runin = _run_in(out, kind, a, stop)
    end = runin.start() if runin else stop
    if not runin:
        it = _FIRST_ITEM.search(text, a, stop)  # 二、存在问题一是……
        if it and it.start() > a and not _rule("item_word_before").match(text, it.start() - 1):
            end = it.start()
    if end == stop:
        lead = len(text[a:stop]) - len(text[a:stop].lstrip())
        end = a + lead + _heading_end_cut(text[a + lead:stop].rstrip(), sentence=stop_ch not in ("", "\n"))
        if inline and stop_ch == "；" and not text[end:stop].strip():
            return  # 1.学法；2.用法: an enumeration inside a sentence
    head = text[a:end].strip().rstrip("：:")
    if inline and (not head or _is_punct(head[0]) or not out.fits(kind, n or 0, head)):
        return
    body = end + 1 if end == stop and stop_ch and stop_ch in "。！？：；" else end
    out.accept(kind, number, n or 0, start, head, body)
    if runin:
        k = _marker_kind(runin)
        _take(out, k, runin.group(k + 1), runin.start(), runin.end(), min(b, runin.end() + _HEAD_MAX), True)


def _run_in(out: _Outline, kind: int, a: int, stop: int) -> re.Match | None:
    """The first marker inside a heading text that opens its first sub-heading."""
    text = out.text
    ref_before, enum_next = _rule("reference_before"), _rule("enumeration_next")
    for m in _MARK.finditer(text, a, stop):
        k = _marker_kind(m)
        if (k > kind and m.start() > a and out.first_under_parent(k, heading_number(m.group(k + 1)))
                and not ref_before.match(text, m.start() - 1)
                and not (m.end() < len(text) and enum_next.match(text, m.end()))):
            return m
    return None


def _line_candidates(text: str) -> Iterator[tuple[int, int, str, int, int]]:
    """(start, kind, number, text start, line end) of the headings at the start of a line."""
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if not line or not (line[0] in _HEADING_FIRST or line[0].isdigit()):
            continue  # no heading pattern can match (the same test as the patterns' first item)
        for kind, (_lv, rx) in enumerate(_HEADINGS):
            h = rx.match(line)
            if h and h.group(2).strip():
                lead = m.group().index(line[0])
                yield m.start(), kind, h.group(1), m.start() + lead + h.start(2), m.end()
                break


def _inline_candidates(text: str) -> Iterator[tuple[int, int, str, int, int]]:
    """(start, kind, number, text start, window end) of markers after a sentence end in a line."""
    enum_next = _rule("enumeration_next")
    n = len(text)
    for stop in _INLINE.finditer(text):
        i = stop.start()
        if text[i] in ".．" and not (i and _CJK.match(text, i - 1)):
            continue  # 2021.3, 1.5: a number
        m = _MARK.match(text, stop.end())
        if m is None or (m.end() < n and enum_next.match(text, m.end())):
            continue
        kind = _marker_kind(m)
        window = min(m.end() + _HEAD_MAX, n)
        line_end = text.find("\n", m.end(), window)
        yield m.start(), kind, m.group(kind + 1), m.end(), line_end if line_end >= 0 else window


def parse_outline(text: str) -> list[dict]:
    """Every heading: level, number, heading, start, end (end = next heading of same or higher
    level). ``"一、工作情况\\n（一）强化领导。正文"`` -> two entries, levels 1 and 2.

    Headings at the start of a line are taken as they are. Inside a line (line breaks lost:
    ``……报告如下：一、工作开展情况（一）强化组织领导。一是……二、存在问题……``) a marker counts after a
    sentence end or run into a heading's text, when its number continues the numbering (一、 then
    二、; （一）（二）… restarting under each 一、) and it is no enumeration (``一、二级``, ``第一、二批``).
    """
    return _outline(text)[0]


def _outline(text: str) -> tuple[list[dict], list[int]]:
    """The headings (see :func:`parse_outline`) and where the text after each heading starts."""
    out = _Outline(text)
    line = list(_line_candidates(text))
    at_line_start = {c[0] for c in line}
    for start, kind, number, a, b in sorted(line + list(_inline_candidates(text))):
        if out.heads and start <= out.heads[-1]["start"]:
            continue  # taken already as a heading run into the one before
        _take(out, kind, number, start, a, b, inline=start not in at_line_start)
    open_: list[dict] = []  # headings whose end is not known yet
    for h in out.heads:
        while open_ and open_[-1]["level"] >= h["level"]:
            open_.pop()["end"] = h["start"]
        open_.append(h)
    return out.heads, out.bodies


def find_items(text: str) -> list[dict]:
    """Inline items ``一是…二是…`` with number, title clause (up to the first 。/；) and offsets.

    ``find_items("一是提高站位。坚持……；二是强化领导。")`` -> items 一 and 二.
    """
    return [_item(text, m) for m in _item_matches(text)]


def _item(text: str, m: re.Match) -> dict:
    stop = _clause_end(text, m.end())  # the item stops at the line end
    return {"number": m.group(1), "title": text[m.end():stop].strip(), "start": m.start(1), "end": stop}


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


def _duty_line_starts(text: str) -> list[int]:
    """Starts of the non-empty lines that may hold the duty (all of them when unknown)."""
    needles_ = _duty_needles()
    if needles_ is None:
        return [m.start() for m in _LINE.finditer(text)]
    hits = []
    for n in needles_:
        i = text.find(n)
        while i >= 0:
            hits.append(i)
            i = text.find(n, i + 1)
    starts: list[int] = []
    prev = 0
    for i in sorted(hits):  # a line start is found once per line: rfind back to the hit before
        nl = text.rfind("\n", prev, i)
        if nl >= 0 or not starts:
            start = nl + 1 if nl >= 0 else text.rfind("\n", 0, i) + 1
            if not starts or start != starts[-1]:
                starts.append(start)
        prev = i
    return starts


def _clause_end(text: str, i: int) -> int:
    """End of the clause starting at ``i``: the first 。；！？ or line end."""
    m = _CLAUSE_END.search(text, i)
    return m.start() if m else len(text)


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


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _items_and_openings(text: str, heads: list[dict], bodies: list[int]) -> tuple[list[dict], list[int]]:
    """The inline items (with a first item run into its heading: ``二、存在问题一是……``) and the
    starts of paragraphs that follow a heading's text in the same line."""
    items = find_items(text)
    starts = {it["start"] for it in items} | {h["start"] for h in heads}
    openings = []
    for b in bodies:
        b = _skip_space(text, b)
        if b >= len(text) or b in starts:
            continue
        m = _ITEM_CORE.match(text, b)
        if m:
            items.append(_item(text, m))
        else:
            openings.append(b)
        starts.add(b)
    items.sort(key=lambda it: it["start"])
    return items, openings


def _duty_evidence(text: str, heads: list[dict], items: list[dict], openings: list[int]) -> list[dict]:
    """Duty found in items and paragraph-opening sentences (headings are done by the caller)."""
    duty = [{"where": "item", "text": it["title"], "start": it["start"]} for it in items
            if is_duty(it["title"])]
    skip = {h["start"] for h in heads} | {it["start"] for it in items}
    for start in sorted(set(_duty_line_starts(text)) | set(openings)):
        if start in skip:
            continue
        sent = text[start:_clause_end(text, start)]
        if is_duty(sent):
            duty.append({"where": "paragraph", "text": sent.strip(), "start": start})
    return duty


def _report_year(text: str) -> int:
    years = Counter(_YEAR.findall(text))
    return int(years.most_common(1)[0][0]) if years else 0


def _closing_start(text: str, rule: str, lo: int, hi: int) -> int | None:
    """Start of the first sentence in ``[lo, hi)`` that the rule ``@closing_plans`` /
    ``@closing_problems`` finds (plans: at the sentence start; a year must follow the report's)."""
    rx = _rule(rule)
    year = None
    pos = lo
    while (m := rx.search(text, pos, hi)) is not None:
        pos = m.end()
        i = m.start()
        while i > lo and text[i - 1] in "”’ \t\u3000":
            i -= 1
        at_start = i == 0 or text[i - 1] in "。！？\n"
        if rule == "closing_plans":
            if not at_start:
                continue
            if m.group("year"):
                year = _report_year(text) if year is None else year
                if int(m.group("year")) <= year:
                    continue
            return m.start()
        if at_start:
            return m.start()
        s = max(text.rfind(c, lo, m.start()) for c in "。！？\n") + 1
        if s > lo:
            return _skip_space(text, s)
    return None


def _names_plans(heading: str) -> bool:
    """Whether a heading names the plans part too: ``存在的问题和下一步工作打算`` -> True."""
    return next((rx for part, rx in _part_rules() if part == "plans")).search(heading) is not None


def _add_closing(text: str, sections: list[dict]) -> None:
    """A plans (problems) paragraph without a heading at the end of a report that has no plans
    (problems) section: ``……。下一步，我镇将……`` becomes a level-1 ``plans`` section; so does the
    plans half of a section headed by both (``二、存在的问题和下一步工作打算``) whose paragraph turns to
    plans (``……。下一步，我县将……``)."""
    parts = {s["part"] for s in sections if s["level"] == 1}
    floor = int(len(text) * 0.4)  # a closing paragraph, not a sentence in the report's first part
    plans_at = None
    both = [s for s in sections if s["level"] == 1 and s["part"] == "problems" and s["heading"]
            and _names_plans(s["heading"])]
    if both and not any(x["level"] == 1 and x["part"] == "plans" for x in sections):
        s = both[-1]
        subs = [x["start"] for x in sections
                if x["level"] > 1 and x["part"] == "plans" and s["start"] < x["start"] < s["end"]]
        lo = text.find(s["heading"], s["start"]) + len(s["heading"])
        plans_at = min(subs) if subs else (
            _closing_start(text, "closing_plans", lo, s["end"]) if lo < s["end"] else None)
        if plans_at is not None:
            _split(text, sections, plans_at, "plans")
        return
    if "plans" not in parts:
        lo = max([floor] + [s["start"] + 1 for s in sections if s["part"] != "preamble"])
        plans_at = _closing_start(text, "closing_plans", lo, len(text))
        if plans_at is not None:
            _split(text, sections, plans_at, "plans")
    if "problems" not in parts:
        hi = plans_at if plans_at is not None else min(
            [len(text)] + [s["start"] for s in sections if s["level"] == 1 and s["part"] == "plans"])
        lo = max([floor] + [s["start"] + 1 for s in sections if s["part"] != "preamble" and s["start"] < hi])
        at = _closing_start(text, "closing_problems", lo, hi) if lo < hi else None
        if at is not None:
            _split(text, sections, at, "problems")


def _split(text: str, sections: list[dict], at: int, part: str) -> None:
    for s in sections:
        if s["start"] < at < s["end"]:
            s["end"] = at
    nxt = min([len(text)] + [s["start"] for s in sections if s["level"] == 1 and s["start"] >= at])
    for s in sections:  # subsections after the split belong to the new part
        if s["level"] > 1 and at <= s["start"] < nxt and s["part"] != "duty":
            s["part"] = part
    sections.append({"part": part, "level": 1, "number": "", "heading": "", "start": at, "end": nxt})
    sections.sort(key=lambda s: (s["start"], s["level"]))


def analyse_structure(text: str) -> Structure:
    """Sections with canonical parts, inline items, duty evidence and ``duplicate_numbering``.

    A report without a plans (problems) heading whose closing paragraph opens like one
    (``下一步，我镇将……``, ``但也存在……不足``) gets that paragraph as a level-1 section without heading.
    """
    heads, bodies = _outline(text)
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
    combined = False  # the level-1 heading names problems and plans (存在的问题及下一步打算)
    for h in heads:
        named = classify_heading(h["heading"])
        if h["level"] == top:
            if named:
                current = named
            else:
                current = "achievements" if not seen_late else current
            seen_late = seen_late or current in ("problems", "plans")
            combined = current == "problems" and _names_plans(h["heading"])
            part = current
        elif combined and named in ("problems", "plans"):
            part = current = named  # （一）存在的问题 …（二）下一步打算: the subheadings split it
        else:
            part = "duty" if named == "duty" else current
        if named == "duty":
            duty.append({"where": "heading" if h["level"] == top else "subheading",
                         "text": h["heading"], "start": h["start"]})
        sections.append({**h, "part": part})
    items, openings = _items_and_openings(text, heads, bodies)
    duty.extend(_duty_evidence(text, heads, items, openings))
    duty.sort(key=lambda d: d["start"])
    _add_closing(text, sections)
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
    A closing plans/problems paragraph without heading is a level-1 section with number and
    heading ``""`` (like the preamble).
    """
    return analyse_structure(text).sections
