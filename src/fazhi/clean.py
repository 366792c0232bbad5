"""Clean stage: small pure ``str -> str`` cleaners composed into one auditable pipeline.

Each removing cleaner has a *finder* (``text -> [(start, end, rule)]``); :func:`clean_text` runs
them in order and records every removal (rule, removed text, start/end in the original text) so
``fazhi info --explain FILE`` can show it. The rules themselves are data (``data/clean_rules.tsv``,
``typos.tsv``, ``typo_context.tsv``, ``placeholders.tsv``).

Punctuation policy: in Chinese context (a Chinese character or Chinese punctuation next to it)
half-width ``, ; : ? ! ( )`` and a sentence-final ``.`` become full-width ``， ； ： ？ ！ （ ）
。``; full-width digits and Latin letters become half-width; numbers, times, URLs and e-mail
addresses keep their half-width punctuation (``17:12``, ``99.5%``).

>>> clean_text("一、工作情况\\n[bookmark: _GoBack](一)加强领导,压实责任").text
'一、工作情况\\n（一）加强领导，压实责任'
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from fazhi.patterns import CJK, CJK_PUNCT, HEADING_START, needles
from fazhi.read import (
    join_fragments,
    load_table,
    looks_fragmented,
    looks_wrapped,
    normalize_newlines,
    unwrap_lines,
)

Span = tuple[int, int, str]

_CJK_CHARS = CJK
_CJK_PUNCT = CJK_PUNCT
_CJKP = f"[{_CJK_CHARS}{_CJK_PUNCT}]"
_IS_CJKP = re.compile(_CJKP)
_IS_CJK = re.compile(f"[{_CJK_CHARS}]")
_HALF_PUNCT = re.compile(r"[,;:?!]")
_PAREN = re.compile(r"\(([^()\n]{0,120})\)")
# "." after Chinese text (the look-behind after the dot: a literal first is scanned much faster)
_PERIOD = re.compile(rf"\.(?<=[{_CJK_CHARS}”）》]\.)(?=$|\n|[ \t]*[{_CJK_CHARS}“（《]|[ \t]*$)", re.M)
_FULL_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ％]")
_SPACE_CHARS = " \t\u3000\xa0\u2002\u2003\u2009"
_SPACES = re.compile(f"[{_SPACE_CHARS}]+")
_LINE = re.compile(r"[^\n]+")
_HEADING = HEADING_START
_PUNCT_MAP = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


@dataclass
class Cleaned:
    """Cleaned text plus what was removed (rule, text, position) and per-document flags."""

    text: str
    removals: list[dict] = field(default_factory=list)
    flags: dict = field(default_factory=dict)


def may_match(needles_: tuple[str, ...] | None, text: str) -> bool:
    """False when ``text`` holds none of the ``needles`` (so the regex cannot match)."""
    return needles_ is None or any(n in text for n in needles_)


@dataclass(frozen=True)
class _Rule:
    name: str
    scope: Literal["line", "inline", "tail", "footer", "ending"]
    regex: re.Pattern
    needles: tuple[str, ...] | None = None


@cache
def _rules() -> tuple[_Rule, ...]:
    out = []
    for name, scope, pattern in load_table("clean_rules.tsv"):
        out.append(_Rule(name, scope, re.compile(pattern), needles(pattern)))  # type: ignore[arg-type]
    return tuple(out)


@cache
def _of(scope: str) -> tuple[_Rule, ...]:
    return tuple(r for r in _rules() if r.scope == scope)


# --- finders: text -> spans to remove ------------------------------------------------------------

def find_trailer(text: str) -> list[Span]:
    """Template-site trailer: from a marker such as ``……试读结束……`` to the end of the text."""
    best: Span | None = None
    for rule in _of("tail"):
        if not may_match(rule.needles, text):
            continue
        m = rule.regex.search(text)
        if m and (best is None or m.start() < best[0]):
            line_start = text.rfind("\n", 0, m.start()) + 1
            start = line_start if not text[line_start:m.start()].strip() else m.start()
            best = (start, len(text), rule.name)
    return [best] if best else []


# an advertisement or disclaimer line is short; a longer line is never removed as a footer
MAX_FOOTER_LINE = 300


def find_footer(text: str) -> list[Span]:
    """Trailing lines that are advertisements, disclaimers or site links (WeChat ids, URLs,
    e-mail, 本站…, 网站地图 | 联系我们). Lines of web chrome among them (``line`` rules, page
    chrome such as ``主办：…``) are stepped over and left to :func:`find_web_chrome`."""
    from fazhi.pagemeta import chrome_line

    spans: list[Span] = []
    footer, line_rules = _of("footer"), _of("line")
    end = len(text)
    while True:
        stripped_end = end
        while stripped_end > 0 and text[stripped_end - 1].isspace():
            stripped_end -= 1
        start = text.rfind("\n", 0, stripped_end) + 1
        line = text[start:stripped_end]
        if not line or len(line) > MAX_FOOTER_LINE or not text[:start].strip():
            break  # a long line, or the text's only line, is report text (a one-line crawl)
        rule = next((r for r in footer if r.regex.search(line)), None)
        if rule is not None:
            spans.append((start, end, rule.name))
        elif not (any(r.regex.search(line) for r in line_rules) or chrome_line(line) is not None):
            break
        end = start
    return spans


def find_web_chrome(text: str) -> list[Span]:
    """Whole lines of web-page chrome: ``日期:`` lines, ``政策文件:``, ``来源:``, ``附件下载``, footers
    (``网站标识码``, ``ICP备``), and the label: value lines of :func:`fazhi.pagemeta.chrome_line`
    (``来源：XX区司法局  发布时间：…  浏览次数：``, 索引号/发文机关 tables, breadcrumbs); of a
    ``标 题：…`` line only the label goes, the title stays."""
    from fazhi.pagemeta import chrome_spans, windows

    spans: list[Span] = []
    matched: set[int] = set()
    for a, b in windows(text):  # chrome stands before and after the report, not inside it
        seg = text[a:b]
        rules = [r for r in _of("line") if may_match(r.needles, seg)]
        for m in _LINE.finditer(text, a, b) if rules else ():
            for rule in rules:
                if rule.regex.search(m.group()):
                    end = m.end() + 1 if m.end() < len(text) else m.end()
                    spans.append((m.start(), end, rule.name))
                    matched.add(m.start())
                    break
    for start, end, rule in chrome_spans(text):
        line_start = text.rfind("\n", 0, start) + 1
        if line_start not in matched:
            spans.append((start, end, rule))
    return sorted(spans)


def find_artifacts(text: str) -> list[Span]:
    """Conversion artifacts (``[bookmark: _GoBack]``) and invisible characters."""
    return [(m.start(), m.end(), r.name) for r in _of("inline") if may_match(r.needles, text)
            for m in r.regex.finditer(text)]


def find_repeated_title(text: str, *, window: int = 6) -> list[Span]:
    """A repetition of the first line (a title, not a heading) within the next ``window``
    non-empty lines, before the body starts (web pages print the title twice)."""
    lines: list[tuple[int, int, str]] = []
    for m in _LINE.finditer(text):  # only the first lines matter
        if m.group().strip():
            lines.append((m.start(), m.end(), m.group().strip()))
            if len(lines) > window:
                break
    if len(lines) < 2 or not 6 <= len(lines[0][2]) <= 80 or _HEADING.match(lines[0][2]):
        return []
    title = _SPACES.sub("", lines[0][2])
    for start, end, line in lines[1:window + 1]:
        if _SPACES.sub("", line) == title:
            return [(start, min(end + 1, len(text)), "repeated_title")]
        if "。" in line or len(line) > 80:  # the body has started: a later repetition is content
            break
    return []


FINDERS = (find_trailer, find_footer, find_web_chrome, find_repeated_title, find_artifacts)


def _remove(text: str, spans: list[Span]) -> str:
    for start, end, _ in sorted(_disjoint(spans), reverse=True):
        text = text[:start] + text[end:]
    return text


def _disjoint(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans):
        if out and s[0] < out[-1][1]:
            if s[1] > out[-1][1]:
                out[-1] = (out[-1][0], s[1], out[-1][2])
            continue
        out.append(s)
    return out


def remove_trailer(text: str) -> str:
    """``"……正文\\n……试读结束……\\n加微信:123"`` -> ``"……正文\\n"``."""
    return _remove(text, find_trailer(text))


def remove_footer(text: str) -> str:
    """Drop trailing advertisement lines. ``"正文\\n如发现本站有涉嫌抄袭侵权"`` -> ``"正文\\n"``."""
    return _remove(text, find_footer(text))


def remove_web_chrome(text: str) -> str:
    """``"日期:2021-03-19 17:12\\n正文"`` -> ``"正文"``."""
    return _remove(text, find_web_chrome(text))


def remove_repeated_title(text: str, *, window: int = 6) -> str:
    """``"亭江镇2020年度报告\\n亭江镇2020年度报告\\n正文"`` -> ``"亭江镇2020年度报告\\n正文"``."""
    return _remove(text, find_repeated_title(text, window=window))


def remove_artifacts(text: str) -> str:
    """``"[bookmark: _GoBack]（五）妥善处理"`` -> ``"（五）妥善处理"``."""
    return _remove(text, find_artifacts(text))


# --- substitutions (positions are not recorded; counts are) --------------------------------------

@cache
def _typo_regexes() -> tuple[tuple[str, str, re.Pattern], ...]:
    guards = {row[0]: (row[1] if len(row) > 1 else "", row[2] if len(row) > 2 else "")
              for row in load_table("typo_context.tsv")}
    out = []
    for wrong, right, *_ in load_table("typos.tsv"):
        before, after = guards.get(wrong, ("", ""))
        pat = re.escape(wrong)
        if before:  # the guard after the word: a literal first lets the regex engine skip fast
            pat += f"(?<![{re.escape(before)}]{re.escape(wrong)})"
        if after:
            pat += f"(?![{re.escape(after)}])"
        out.append((wrong, right, re.compile(pat)))
    return tuple(out)


def count_typos(text: str) -> dict[str, int]:
    """Known misspellings found. ``count_typos("完善工作机治")`` -> ``{"机治": 1}``."""
    counts = {w: len(rx.findall(text)) for w, _, rx in _typo_regexes() if w in text}
    return {w: n for w, n in counts.items() if n}


def fix_typos(text: str) -> str:
    """Replace the listed misspellings (``typos.tsv``), except in guarded contexts.

    ``fix_typos("完善工作机治，危机治理")`` -> ``"完善工作机制，危机治理"``.
    """
    for wrong, right, rx in _typo_regexes():
        if wrong in text:
            text = rx.sub(right, text)
    return text


@cache
def _placeholders() -> tuple[tuple[str, re.Pattern, tuple[str, ...] | None], ...]:
    return tuple((name, re.compile(pattern), needles(pattern))
                 for name, pattern, *_ in load_table("placeholders.tsv"))


def count_placeholders(text: str) -> dict[str, int]:
    """Anonymisation placeholders next to Chinese text. ``count_placeholders("A总书记、X村")`` ->
    ``{"A": 1, "X": 1}``. A Latin letter inside a word, acronym or number is not counted."""
    out: Counter[str] = Counter()
    for name, rx, needles_ in _placeholders():
        if not may_match(needles_, text):
            continue
        for m in rx.finditer(text):
            prev = text[m.start() - 1] if m.start() else ""
            nxt = text[m.end()] if m.end() < len(text) else ""
            if (prev and _IS_CJKP.match(prev)) or (nxt and _IS_CJKP.match(nxt)):
                out[name] += 1
    return dict(out)


def normalize_punctuation(text: str, *, style: Literal["fullwidth", "halfwidth"] = "fullwidth") -> str:
    """Make punctuation consistent (see the module docstring).

    ``normalize_punctuation("(一)加强领导,压实责任.")`` -> ``"（一）加强领导，压实责任。"``;
    ``"17:12"`` and ``"99.5%"`` are unchanged. ``style="halfwidth"`` maps the other way.
    """
    text = _FULL_ALNUM.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)
    if style == "halfwidth":
        table = {v: k for k, v in _PUNCT_MAP.items()} | {"（": "(", "）": ")"}
        return text.translate(str.maketrans(table))

    def ctx(i: int, step: int) -> bool:
        j = i + step
        while 0 <= j < len(text) and text[j] in " \t":
            j += step
        return 0 <= j < len(text) and bool(_IS_CJKP.match(text[j]))

    n = len(text)
    is_cjkp = _IS_CJKP.match

    def punct(m: re.Match) -> str:
        i = m.start()
        if (i and is_cjkp(text[i - 1])) or (i + 1 < n and is_cjkp(text[i + 1])):  # most cases
            return _PUNCT_MAP[m.group()]
        return _PUNCT_MAP[m.group()] if ctx(i, -1) or ctx(i, 1) else m.group()

    text = _HALF_PUNCT.sub(punct, text)
    if "." in text:
        text = _PERIOD.sub("。", text)

    def paren(m: re.Match) -> str:
        inner = m.group(1)
        s, e = m.start(), m.end()
        outer = (s and _IS_CJKP.match(text[s - 1])) or (e < len(text) and _IS_CJKP.match(text[e]))
        if _IS_CJK.search(inner) or outer:
            return f"（{inner}）"
        return m.group()

    return _PAREN.sub(paren, text)


def normalize_whitespace(text: str) -> str:
    """Strip lines, drop blank lines, drop spaces between Chinese characters/punctuation and
    collapse other runs to one space. ``"  （二） 行政执法 \\n\\n 不严"`` -> ``"（二）行政执法\\n不严"``."""
    lines = (line.strip(_SPACE_CHARS) for line in text.split("\n"))
    text = "\n".join(line for line in lines if line)
    if not _SPACES.search(text):
        return text

    def repl(m: re.Match) -> str:  # lines are stripped: a run's neighbours are on its line
        s, e = m.start(), m.end()
        if (s and _IS_CJKP.match(text[s - 1])) or (e < len(text) and _IS_CJKP.match(text[e])):
            return ""
        return " "

    return _SPACES.sub(repl, text)


def join_wrapped_lines(text: str) -> str:
    """Join the lines of a text wrapped at a fixed width (a PDF saved as .txt, see
    :func:`fazhi.read.looks_wrapped`) the way PDFs are read: a full line that does not end a
    sentence goes on with the next one, unless that one opens a heading. Other texts are returned
    as they are. ``"…社会消费品零售\n总额增长8%；…"`` -> ``"…社会消费品零售总额增长8%；…"`` in such a text.
    A text whose lines are runs of a PDF's text objects (each number on a line of its own,
    :func:`fazhi.read.looks_fragmented`) is joined into its sentences."""
    if looks_fragmented(text):
        return join_fragments(text)
    return unwrap_lines(text) if looks_wrapped(text) else text


def _n_changed(a: str, b: str) -> int:
    """Positions where two texts differ (over the shorter length), counted without a Python loop."""
    if a == b:
        return 0
    import numpy as np  # lazy

    n = min(len(a), len(b))
    x = np.frombuffer(a[:n].encode("utf-32-le"), dtype=np.uint32)
    y = np.frombuffer(b[:n].encode("utf-32-le"), dtype=np.uint32)
    return int(np.count_nonzero(x != y))


def ends_mid_sentence(text: str) -> bool:
    """The last line ends without closing punctuation (。！？”）…) and is not a signature date, a
    unit name or an attachment line (the ``ending`` rules of ``clean_rules.tsv``): the text was cut.

    ``ends_mid_sentence("一、工作情况\\n全镇共调处矛盾纠纷")`` -> True;
    ``ends_mid_sentence("……推动法治文化深入人心。\\n仓山区城门镇人民政府\\n2022年3月25日")`` -> False.
    """
    stripped = text.rstrip()
    if not stripped:
        return False
    last = stripped[stripped.rfind("\n") + 1:].strip(_SPACE_CHARS)
    return not any(r.regex.search(last) for r in _of("ending"))


# --- the pipeline ---------------------------------------------------------------------------------

class _OffsetMap:
    """Maps positions of a text with some spans removed back to the original text."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def to_orig(self, pos: int) -> int:
        orig = pos
        for s, e in zip(self.starts, self.ends, strict=True):
            if s <= orig:
                orig += e - s
            else:
                break
        return orig

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        j = i
        while j < len(self.starts) and self.ends[j] <= end:
            j += 1
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]


def clean_text(text: str, *, finders=FINDERS, typos: bool = True,
               punctuation: Literal["fullwidth", "halfwidth", "keep"] = "fullwidth") -> Cleaned:
    """Run the cleaning pipeline over one document's text.

    Returns the cleaned text, the removals (``rule``, ``text``, ``start``, ``end`` in the original
    text) and flags: ``truncated`` (a template-site trailer was cut off), ``truncated_mid_sentence``
    (the text stops without closing punctuation, signature or date: :func:`ends_mid_sentence`), ``anonymised``, ``anonymised_counts``, ``typos_fixed`` (total),
    ``typo_counts``, ``normalised`` (how many punctuation characters were changed, whitespace
    characters removed and lines of a fixed-width text joined, :func:`join_wrapped_lines`; their
    positions are not recorded).
    """
    original = normalize_newlines(text)
    current = original
    omap = _OffsetMap()
    removals: list[dict] = []
    for finder in finders:
        spans = _disjoint(finder(current))
        for start, end, rule in sorted(spans, reverse=True):
            if end <= start:
                continue
            o_start, o_end = omap.to_orig(start), omap.to_orig(end - 1) + 1
            removals.append({"rule": rule, "text": current[start:end], "start": o_start, "end": o_end})
            omap.add(o_start, o_end)
            current = current[:start] + current[end:]
    removals.sort(key=lambda r: r["start"])
    typo_counts = count_typos(current) if typos else {}
    if typos:
        current = fix_typos(current)
    placeholders = count_placeholders(current)
    before = current
    if punctuation != "keep":
        current = normalize_punctuation(current, style=punctuation)
    punct_changed = _n_changed(before, current)
    n_before = len(current)
    current = normalize_whitespace(current)
    n_spaces, n_lines = n_before - len(current), current.count("\n")
    current = join_wrapped_lines(current)
    flags = {
        "truncated": any(r["rule"].startswith("trailer") for r in removals),
        "truncated_mid_sentence": ends_mid_sentence(current),
        "anonymised": bool(placeholders),
        "anonymised_counts": placeholders,
        "typos_fixed": sum(typo_counts.values()),
        "typo_counts": typo_counts,
        "normalised": {"punctuation_chars": punct_changed,
                       "whitespace_chars_removed": n_spaces,
                       "wrapped_lines_joined": n_lines - current.count("\n")},
    }
    return Cleaned(current, removals, flags)
