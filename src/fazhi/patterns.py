"""The character classes and text patterns several stages share, defined once: Chinese characters,
Chinese punctuation, outline heading markers, years and dates.

>>> bool(IS_CJK.match("㮾")), bool(HEADING_START.match("（三）推进依法行政"))
(True, True)
"""

from __future__ import annotations

import re

# Chinese characters: the basic block, Extension A, compatibility ideographs and Extensions B-F
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
IS_CJK = re.compile(f"[{CJK}]")
CJK_PUNCT = "，。、；：？！“”‘’（）《》【】〔〕…—·「」『』"

# outline heading numbers: 一、 > （一） > 1. / 1、 > （1）; Chinese digits of dates: 二〇二一年
CN_NUM = "一二三四五六七八九十"
CN_DIGITS = "〇零一二三四五六七八九○Ｏ"
# a line that opens with an outline heading marker
HEADING_START = re.compile(rf"^\s*(?:[{CN_NUM}]+[、.．]|[（(][{CN_NUM}\d]+[）)]|\d{{1,2}}[.、．](?!\d))")

# a year: 2021年, 二〇二一年
YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
CN_YEAR = re.compile(rf"([{CN_DIGITS}]{{4}})\s*年")
# a date: 2022-03-28, 2022/3/28, 2022.3.28, 2022年3月28日 (a weekday and a time may follow)
DATE_RX = (r"(?P<y>(?:19|20)\d{2})\s*(?P<s1>[-/.年])\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)"
           r"\s*日?(?P<wd>\s*(?:星期|周|礼拜)[一二三四五六日天])?"
           r"(?:[\sT-]*(?P<t>\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\.\d+)?))?")
DATE = re.compile(DATE_RX)


# --- literals a pattern needs ----------------------------------------------------------------------

def needles(pattern: str) -> tuple[str, ...] | None:
    """Literal strings of which every match of ``pattern`` contains one, or None when unknown.

    A text that contains none of them cannot match, so ``needle in text`` (fast) can skip a regex
    scan (slow when the pattern starts with a lookbehind or a character class) with the same
    result. Read by a small parser of the regex syntax the rules use (literals, escapes, classes,
    groups, alternation, quantifiers, look-arounds); anything else gives None (no shortcut).

    >>> needles("(?:点击|查看)全文|未完待续")
    ('全文', '未完待续')
    """
    try:
        seq, pos = _Parser(pattern).sequence(0)
    except _Unknown:
        return None
    return seq if pos == len(pattern) else None


class _Unknown(Exception):
    """A construct the needle parser does not read (the pattern gets no shortcut)."""


_ESCAPED_LITERAL = {"n": "\n", "t": "\t", "r": "\r"}
_QUANT = re.compile(r"\*\??|\+\??|\?\??|\{(\d*)(?:,(\d*))?\}\??")


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.p = pattern

    def sequence(self, i: int) -> tuple[tuple[str, ...] | None, int]:
        """Needles of an alternation starting at ``i`` (up to ``)`` or the end) and where it ends."""
        branches = []
        while True:
            needles_, i = self.branch(i)
            branches.append(needles_)
            if i < len(self.p) and self.p[i] == "|":
                i += 1
                continue
            break
        if len(branches) == 1:
            return branches[0], i
        if all(branches):
            return tuple(dict.fromkeys(n for b in branches for n in b)), i  # type: ignore[union-attr]
        return None, i

    def branch(self, i: int) -> tuple[tuple[str, ...] | None, int]:
        options: list[tuple[str, ...]] = []
        run = ""
        p = self.p
        while i < len(p) and p[i] not in "|)":
            atom, kind, i = self.atom(i)
            q = _QUANT.match(p, i)
            if q:
                i = q.end()
                low = 1 if q.group().startswith("+") else 0
                if q.group().startswith("{"):
                    low = int(q.group(1) or 0)
                if low == 0:
                    atom, kind = None, "any"
                elif kind == "char":  # a repeated literal: the run ends after one of it
                    run += atom  # type: ignore[operator]
                    atom, kind = None, "break"
            if kind == "char":
                run += atom  # type: ignore[operator]
                continue
            if run:
                options.append((run,))
                run = ""
            if kind == "group" and atom:
                options.append(atom)  # type: ignore[arg-type]
        if run:
            options.append((run,))
        if not options:
            return None, i
        return max(options, key=lambda o: (min(map(len, o)), -len(o))), i

    def atom(self, i: int) -> tuple[object, str, int]:
        """(value, kind, next position): kind char (a literal), group (its needles), any, zero."""
        p = self.p
        c = p[i]
        if c == "\\":
            if i + 1 >= len(p):
                raise _Unknown
            e = p[i + 1]
            if e.isalnum() and e not in _ESCAPED_LITERAL:
                if e in "uUx":
                    raise _Unknown
                return None, "any", i + 2  # \d \s \w \b …: no literal
            return _ESCAPED_LITERAL.get(e, e), "char", i + 2
        if c == "[":
            j = i + 1
            if j < len(p) and p[j] == "^":
                j += 1
            if j < len(p) and p[j] == "]":
                j += 1
            while j < len(p) and p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            if j >= len(p):
                raise _Unknown
            return None, "any", j + 1
        if c == "(":
            if p.startswith("(?:", i):
                inner, j = self.sequence(i + 3)
                kind = "group"
            elif p.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
                start = i + (4 if p.startswith("(?<", i) else 3)
                _inner, j = self.sequence(start)
                inner, kind = None, "zero"  # a look-around consumes nothing
            elif p.startswith("(?P<", i):
                inner, j = self.sequence(p.index(">", i) + 1)
                kind = "group"
            elif p.startswith("(?", i):
                raise _Unknown  # flags, conditionals …
            else:
                inner, j = self.sequence(i + 1)
                kind = "group"
            if j >= len(p) or p[j] != ")":
                raise _Unknown
            return inner, kind, j + 1
        if c in "^$":
            return None, "zero", i + 1
        if c == ".":
            return None, "any", i + 1
        if c in "*+?{":
            raise _Unknown
        return c, "char", i + 1
