"""Numeric indicators (数字指标): the numbers a report states, as a table.

``extract_indicators`` finds facts such as "调处化解矛盾纠纷209件", "接待咨询700多人次", "调解成功率达99%"
or "参观廉政教育基地三次" in one text; ``textstat_indicators`` does it for a corpus (one row per fact, with the
document's metadata and part); ``textstat_indicator_summary`` sums them per group and category.

The rules are versioned data in ``fazhi/data/``:

- ``indicator_units.tsv``: counting units and their kind (件, 人次, 万元, % ...), the qualifiers around a
  number (多, 余, 约, 近, 超过, 达, 以上), and the words trimmed from the subject phrase;
- ``not_indicators.tsv``: what is not a fact (ordinals, book titles, numbered slogans such as “两个维护”
  and 三项制度, rules such as 行政执法人员2人以上, frequencies such as 每季度召开1次, phone numbers);
- ``indicators.tsv``: the categories (category, Chinese label, regex, unit kinds), first match wins.

A fact is a number (Arabic 209, 1,200, 1.5万; Chinese 三, 两, 一百二十, 三万; 百分之九十九) followed by a
counting unit. Years, dates and plenums (2021年, 3月15日, 十九大, 二十届三中全会) are never facts because 年,
月, 日, 届, 大 are not counting units.

Subject rule: when the number is followed by a noun ("聘请1名法律顾问"), the subject is that noun (with a
short verb before the number kept: 聘请法律顾问); otherwise it is the clause before the number (from the
previous ，；。 or the previous fact), cut after its last light verb or time phrase (开展, 召开, 举办,
以来, 累计 ...), stripped of leading adverbs and place words (今年, 共, 有效, 我镇 ...), and shortened to
``max_subject`` characters at a word boundary (的, 和, 、 ...).

>>> extract_indicators("今年以来有效调处化解矛盾纠纷209件，矛盾纠纷调解成功率达99%。")[0]["subject"]
'调处化解矛盾纠纷'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fazhi.deprecation import changed_default

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

FACT_COLUMNS = ["doc_id", "file", "category", "subject", "value", "unit", "qualifier", "sentence",
                "start", "end"]
META_COLUMNS = ["town", "district", "city", "province", "report_year", "part"]
EXTRA_COLUMNS = ["raw", "label"]
SUMMARY_COLUMNS = ["category", "n_facts", "total", "unit", "stat", "label"]

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_MULTIPLIERS = {"千": 1_000, "万": 10_000, "亿": 100_000_000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_HAS_FULLWIDTH = re.compile("[０-９]")

_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")
_SEGMENT_CHARS = frozenset("。；！？;!?\n")  # a segment: what a category is looked for in
_SENTENCE_CHARS = frozenset("。！？!?\n")
_BOOK_TITLE = re.compile(r"《[^《》]*》")
_QUOTES = re.compile(r"[“”‘’\"']")
_LEADING_BRACKET = re.compile(r"^[^（(]*[）)]|^[（(][^）)]*[）)]")
_WORD_CUT = re.compile(r"[的和及与对在把将向、]")
_NO_NOUN_AFTER = frozenset({"money", "rate"})
_VERB_AFTER = frozenset({"times"})
_LEFT, _RIGHT = 80, 20  # context windows of the exclusion rules (not_indicators.tsv)
_INHERIT_MAX = 4  # a subject this short ("办结", "其中") continues the previous fact's topic
_EDGE = "，、；：,;:. \t“”\"'"


class IndicatorRulesError(ValueError):
    """A malformed line in an indicator table; the message names the file and the line."""


@dataclass(frozen=True)
class Unit:
    form: str
    kind: str
    canonical: str
    blocked: str  # regex of what may not follow the unit ("" = nothing)


_PERCENT = Unit("%", "rate", "%", "")


@dataclass(frozen=True)
class Exclusion:
    name: str
    left: re.Pattern | None
    raw: re.Pattern | None
    right: re.Pattern | None


@dataclass(frozen=True)
class Category:
    category: str
    label: str
    pattern: re.Pattern
    kinds: frozenset[str]


@dataclass(frozen=True)
class IndicatorRules:
    """The compiled tables; build with :func:`load_indicator_rules`."""

    units: dict[str, Unit]
    fact: re.Pattern
    qualifier_before: re.Pattern | None  # group q<i> matched -> qualifier_before_values[i]
    qualifier_before_values: tuple[str, ...]
    qualifier_inner: dict[str, str]
    qualifier_after: tuple[tuple[str, str], ...]
    subject_cut: re.Pattern | None
    subject_lead: re.Pattern | None
    subject_tail: re.Pattern | None
    subject_after_stop: re.Pattern | None
    subject_inherit: re.Pattern | None
    subject_verb: re.Pattern | None
    exclusions: tuple[Exclusion, ...]
    categories: tuple[Category, ...]
    labels: dict[str, str]


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """Numbered rows of a rules table (the package's or a user's file of that name), padded to its
    number of fields (:data:`fazhi.read.TABLE_COLUMNS`)."""
    from fazhi.read import TABLE_COLUMNS, read_rows

    return read_rows(path, TABLE_COLUMNS[path.name], error=IndicatorRulesError)


def _compile(path: Path, no: int, regex: str) -> re.Pattern | None:
    if not regex:
        return None
    try:
        return re.compile(regex)
    except re.error as exc:
        raise IndicatorRulesError(f"{path}:{no}: bad regex {regex!r}: {exc}") from None


def _alternation(path: Path, rows: list[tuple[int, str]], template: str = "{}") -> re.Pattern | None:
    """One regex of the rows' alternatives (each checked first), put in ``template``."""
    for no, rx in rows:
        _compile(path, no, rx)
    if not rows:
        return None
    return re.compile(template.format("|".join(f"(?:{rx})" for _, rx in rows)))


def _data_dir() -> Path:
    from fazhi.read import data_dir

    return data_dir()


@lru_cache(maxsize=8)
def load_indicator_rules(folder: str | None = None) -> IndicatorRules:
    """Load and compile ``indicator_units.tsv``, ``not_indicators.tsv`` and ``indicators.tsv``.

    ``folder`` (optional) holds replacements of any of the three files; missing ones come from the
    package. Results are cached per folder.

    >>> load_indicator_rules().labels["disputes"]
    '矛盾纠纷调解'
    """
    base = _data_dir()

    def pick(name: str) -> Path:
        if folder is not None and (Path(folder) / name).is_file():
            return Path(folder) / name
        return base / name

    # units, qualifiers, subject words
    p = pick("indicator_units.tsv")
    units: dict[str, Unit] = {}
    qb: list[tuple[str, str]] = []
    qi: dict[str, str] = {}
    qa: list[tuple[str, str]] = []
    words: dict[str, list[tuple[int, str]]] = {"subject_cut": [], "subject_lead": [],
                                               "subject_tail": [], "subject_after_stop": [],
                                               "subject_inherit": [], "subject_verb": []}
    for no, (typ, form, value, extra) in _rows(p):
        if not form:
            raise IndicatorRulesError(f"{p}:{no}: empty form")
        if typ == "unit":
            kind, _, canonical = value.partition("=")
            if not kind:
                raise IndicatorRulesError(f"{p}:{no}: unit {form!r} has no kind")
            _compile(p, no, extra)
            units[form] = Unit(form, kind, canonical or form, extra)
        elif typ == "qualifier_before":
            _compile(p, no, form)
            qb.append((form, value or form))
        elif typ == "qualifier_inner":
            qi[form] = value or form
        elif typ == "qualifier_after":
            qa.append((form, value or form))
        elif typ in words:
            words[typ].append((no, form))
        else:
            raise IndicatorRulesError(f"{p}:{no}: unknown type {typ!r}")
    if not units:
        raise IndicatorRulesError(f"{p}: no units")
    unit_alts = []
    for form in sorted(units, key=len, reverse=True):
        u = units[form]
        unit_alts.append(re.escape(form) + (f"(?!{u.blocked})" if u.blocked else ""))
    inner = "|".join(re.escape(q) for q in sorted(qi, key=len, reverse=True)) or "(?!)"
    fact = re.compile(
        r"(?=[\d百千万一二两三四五六七八九十])"
        r"(?:(?<![\d.A-Za-z])(?P<arabic>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.])"
        r"|\d+(?:\.\d+)?)(?P<mult>[千万亿])?"
        r"|(?<![\d.A-Za-z])(?P<pct>百分之[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)"
        r"|(?P<chinese>[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
        r"|(?<=[近逾超约达上过])[百千万][零〇一二两三四五六七八九十百千万亿]*))"
        rf"(?P<inner>{inner})?"
        rf"(?(pct)|\s?(?P<unit>{'|'.join(unit_alts)}))"
    )

    subject = (_alternation(p, words["subject_verb"] + words["subject_cut"]),
               _alternation(p, words["subject_lead"], "^(?:{})"),
               _alternation(p, words["subject_tail"], "(?:{})$"),
               _alternation(p, words["subject_after_stop"]),
               _alternation(p, words["subject_inherit"], "^(?:{})"),
               _alternation(p, words["subject_verb"], "(?:{})$"))

    # exclusions
    p = pick("not_indicators.tsv")
    exclusions = []
    for no, (name, left, raw, right) in _rows(p):
        if not (left or raw or right):
            raise IndicatorRulesError(f"{p}:{no}: exclusion {name!r} has no pattern")
        exclusions.append(Exclusion(name, _compile(p, no, left), _compile(p, no, raw),
                                    _compile(p, no, right)))

    # categories
    p = pick("indicators.tsv")
    cats = []
    labels = {"other": "其他"}
    kinds = {u.kind for u in units.values()}
    for no, (cat, label, regex, ks) in _rows(p):
        if not cat or not regex:
            raise IndicatorRulesError(f"{p}:{no}: category and regex are required")
        kset = frozenset(k.strip() for k in ks.split(",") if k.strip())
        if kset - kinds:
            raise IndicatorRulesError(f"{p}:{no}: unknown unit kind(s) {sorted(kset - kinds)}")
        cats.append(Category(cat, label or cat, _compile(p, no, regex), kset))
        labels.setdefault(cat, label or cat)
    return IndicatorRules(
        units=units, fact=fact,
        qualifier_before=(re.compile("|".join(f"(?P<q{i}>{f})$" for i, (f, _) in enumerate(qb)))
                          if qb else None),
        qualifier_before_values=tuple(v for _, v in qb), qualifier_inner=qi,
        qualifier_after=tuple(sorted(qa, key=lambda x: len(x[0]), reverse=True)),
        subject_cut=subject[0], subject_lead=subject[1], subject_tail=subject[2],
        subject_after_stop=subject[3], subject_inherit=subject[4], subject_verb=subject[5],
        exclusions=tuple(exclusions), categories=tuple(cats), labels=labels,
    )


def _rules(rules: IndicatorRules | str | Path | None) -> IndicatorRules:
    if isinstance(rules, IndicatorRules):
        return rules
    return load_indicator_rules(None if rules is None else str(rules))


def chinese_number(s: str) -> float | None:
    """Value of a Chinese numeral, or None when it is not a well-formed number.

    >>> chinese_number("一百二十"), chinese_number("两"), chinese_number("十五"), chinese_number("五一")
    (120.0, 2.0, 15.0, None)
    """
    if not s:
        return None
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = chinese_number(whole) if whole else 0.0
        if w is None or not frac or any(c not in _CN_DIGITS for c in frac):
            return None
        return w + float("0." + "".join(str(_CN_DIGITS[c]) for c in frac))
    total = 0
    section = 0
    digit: int | None = None
    for c in s:
        if c in _CN_DIGITS:
            if digit is not None and _CN_DIGITS[c] != 0 and digit != 0:
                return None  # 五一, 一一: two digits without a multiplier
            digit = _CN_DIGITS[c]
        elif c in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[c]
            digit = None
        elif c in _CN_BIG:
            section += digit or 0
            if section == 0:
                if total:
                    return None
                section = 1  # 万人 as in 近万人
            total += section * _CN_BIG[c]
            section = 0
            digit = None
        else:
            return None
    return float(total + section + (digit or 0))


def _number(m: re.Match) -> tuple[float | None, str | None]:
    """(value, multiplier) of a fact match."""
    if m.group("arabic"):
        value = float(m.group("arabic").replace(",", "").replace(" ", ""))
        mult = m.group("mult")
        return value, mult
    if m.group("pct"):
        return chinese_number(m.group("pct")[3:]), None
    cn = m.group("chinese")
    if len(cn) > 1 and cn[-1] in "万亿" and m.group("unit") in ("元", "万元"):
        return chinese_number(cn[:-1]), cn[-1]  # 三万元 -> 3 万元, like 3万元
    return chinese_number(cn), None


def _excluded(rules: IndicatorRules, left: str, raw: str, right: str) -> str | None:
    for ex in rules.exclusions:
        if ex.left is not None and not ex.left.search(left):
            continue
        if ex.raw is not None and not ex.raw.search(raw):
            continue
        if ex.right is not None and not ex.right.search(right):
            continue
        return ex.name
    return None


def _strip_repeat(s: str, anchored: re.Pattern | None, *, lead: bool) -> str:
    """Strip matches of ``anchored`` (anchored at the start or the end) until none is left."""
    if anchored is None:
        return s
    while s:
        m = anchored.search(s)
        if not m or not m.group(0):
            break
        s = s[m.end():] if lead else s[:m.start()]
        s = s.strip(_EDGE)
    return s


def _shorten(s: str, max_len: int) -> str:
    if len(s) <= max_len:
        return s
    for m in _WORD_CUT.finditer(s):
        if len(s) - m.end() <= max_len and m.end() < len(s):
            return s[m.end():].strip(_EDGE)
    # no word boundary: keep the tail, without a bracket group cut loose at its start
    return _LEADING_BRACKET.sub("", s[-max_len:]).strip(_EDGE)


def _clean_edges(s: str) -> str:
    s = s.strip(_EDGE)
    # drop a dangling bracket half: "村（社区" or "）开展"
    for o, c in (("（", "）"), ("(", ")")):
        if s.count(o) > s.count(c):
            s = s[: s.rfind(o)]
    while s and s[0] in "）)》":
        s = s[1:].strip(_EDGE)
    return s.strip(_EDGE)


def _subject(rules: IndicatorRules, clause: str, after: str, *, max_subject: int,
             verb_after: bool = False) -> str:
    before = _BOOK_TITLE.sub("", clause) if len(clause) > max_subject else clause
    # "开展42批次抽查": a light verb right before the number, the noun follows the number
    ends_with_verb = bool(rules.subject_verb and rules.subject_verb.search(before))
    if rules.subject_cut is not None:
        last = None
        for m in rules.subject_cut.finditer(before):
            if m.end() < len(before):
                last = m
        if last is not None:
            before = before[last.end():]
    before = _strip_repeat(before.strip(_EDGE), rules.subject_lead, lead=True)
    before = _strip_repeat(before, rules.subject_tail, lead=False)
    before = _clean_edges(before)
    noun = ""
    # after a count of times, what follows is often the verb ("会议先后3次研究部署"): take it as
    # the noun only when the clause before is a bare verb ("开展3次专项检查")
    after = _QUOTES.sub("", after)  # 42批次“双随机”抽查 -> 双随机抽查
    if after and "\u4e00" <= after[0] <= "\u9fff" and not (
            verb_after and len(before) > 4 and not ends_with_verb):
        stop = rules.subject_after_stop.search(after) if rules.subject_after_stop else None
        # a short bracketed variant belongs to the noun: 5个村（社区） -> 村（社区）
        while stop is not None and stop.group(0) in "（(":
            close = after.find("）" if stop.group(0) == "（" else ")", stop.end(), stop.end() + 6)
            if close < 0:
                break
            stop = rules.subject_after_stop.search(after, close + 1)
        # a noun phrase ends within max_subject characters; a longer run is a clause, not a noun
        if stop is not None and stop.start() <= max_subject:
            noun = _clean_edges(after[: stop.start()])
    if noun and ends_with_verb:
        subject = noun
    else:
        subject = (before if len(before) <= 4 else "") + noun if noun else before
    return _shorten(_QUOTES.sub("", subject), max_subject)


def _first_category(rules: IndicatorRules, kind: str, text: str) -> str | None:
    if text:
        for cat in rules.categories:
            if (not cat.kinds or kind in cat.kinds) and cat.pattern.search(text):
                return cat.category
    return None


class _Bounds:
    """Sorted end offsets of one boundary pattern in a text, for O(log n) look-ups."""

    __slots__ = ("ends",)

    def __init__(self, ends: list[int]) -> None:
        self.ends = ends

    @staticmethod
    def of(text: str) -> tuple[_Bounds, _Bounds, _Bounds, _Bounds]:
        """Lines, clauses, segments and sentences of ``text`` (one pass over its punctuation)."""
        lines: list[int] = []
        clauses: list[int] = []
        segments: list[int] = []
        sentences: list[int] = []
        for m in _CLAUSE_END.finditer(text):
            e = m.end()
            c = text[e - 1]
            clauses.append(e)
            if c in _SEGMENT_CHARS:
                segments.append(e)
                if c in _SENTENCE_CHARS:
                    sentences.append(e)
                    if c == "\n":
                        lines.append(e)
        return _Bounds(lines), _Bounds(clauses), _Bounds(segments), _Bounds(sentences)

    def last(self, lo: int, hi: int) -> int:
        """End of the last boundary inside ``text[lo:hi]`` (``lo`` when none)."""
        i = bisect.bisect_right(self.ends, hi) - 1
        return self.ends[i] if i >= 0 and self.ends[i] > lo else lo

    def next(self, pos: int, default: int) -> int:
        """End of the first boundary at or after ``pos`` (``default`` when none)."""
        i = bisect.bisect_right(self.ends, pos)
        return self.ends[i] if i < len(self.ends) else default


def extract_indicators(text: str, *, rules: IndicatorRules | str | Path | None = None,
                       max_subject: int = 16) -> list[dict[str, Any]]:
    """Numeric facts of one text, in order: dicts with category, subject, value, unit, qualifier,
    sentence, start, end (offsets of the number+unit in ``text``), raw (``text[start:end]``) and label.

    ``rules``: an :class:`IndicatorRules` or a folder with replacement tables (default: the package's).
    Category: the first row of ``indicators.tsv`` matching the subject; else matching the text since
    the previous fact in the same segment (；/。 delimited); else, when the subject is short (<= 4
    characters) or an audience or follow-up phrase (``subject_inherit``: 覆盖, 惠及, 其中 ...), the
    previous fact's category in that segment ("受理行政复议案件12件，办结11件" -> both
    reconsideration; "活动2场，覆盖特殊群体300余人次" -> both publicity_events); else other.

    >>> [(f["value"], f["unit"], f["qualifier"], f["category"])
    ...  for f in extract_indicators("累计发放法治宣传资料5000多份，接待咨询700多人次。")]
    [(5000.0, '份', '多', 'publicity_materials'), (700.0, '人次', '多', 'consultation')]
    """
    r = _rules(rules)
    if not text:
        return []
    # full-width digits to ASCII: same length, so offsets stay valid
    norm = text.translate(_FULLWIDTH) if _HAS_FULLWIDTH.search(text) else text
    facts: list[dict[str, Any]] = []
    bounds: tuple[_Bounds, ...] | None = None
    prev_end = 0
    prev_category = ""
    n = len(norm)
    for m in r.fact.finditer(norm):
        start, end = m.start(), m.end()
        value, mult = _number(m)
        if value is None:
            continue
        if bounds is None:
            bounds = _Bounds.of(norm)
        lines, clauses, segments, sentences = bounds
        line_start = lines.last(0, start)
        line_end = lines.next(end, n + 1) - 1
        left = norm[max(line_start, start - _LEFT):start]
        right = norm[end:min(line_end, end + _RIGHT)]
        if _excluded(r, left, norm[start:end], right):
            continue
        unit = r.units.get("%" if m.group("pct") else m.group("unit")) or _PERCENT
        unit_name = unit.canonical
        if mult and unit.kind == "money" and mult in "万亿":
            unit_name = mult + unit_name if unit_name == "元" else unit_name
        elif mult:
            value *= _MULTIPLIERS[mult]
        qualifier = r.qualifier_inner.get(m.group("inner") or "", "")
        q_start = start
        if r.qualifier_before is not None:
            # the longest qualifier ending at the number (超过 before 超, 达到 before 达)
            lo = max(line_start, start - 4)
            for i in range(lo, start):
                qm = r.qualifier_before.match(norm, i, start)
                if qm:
                    q_start = qm.start()
                    qualifier = qualifier or r.qualifier_before_values[int(qm.lastgroup[1:])]
                    break
        after = norm[end:min(line_end, end + max_subject + 6)]
        for form, q in r.qualifier_after:
            if after.startswith(form):
                qualifier = qualifier or q
                after = after[len(form):]
                break
        # the clause before the number: from the previous ，；。 or the previous fact
        c0 = max(prev_end, line_start)
        clause = norm[clauses.last(c0, q_start):q_start]
        # amounts and rates come after their noun ("投入资金80万元用于…"): no noun after them
        subject = _subject(r, clause, "" if unit.kind in _NO_NOUN_AFTER else after,
                           max_subject=max_subject, verb_after=unit.kind in _VERB_AFTER)
        seg_start = segments.last(line_start, q_start)
        same_segment = prev_end > seg_start
        inherit = same_segment and (len(subject) <= _INHERIT_MAX or bool(
            r.subject_inherit and r.subject_inherit.search(subject)))
        category = (_first_category(r, unit.kind, subject)
                    or _first_category(r, unit.kind,
                                       _BOOK_TITLE.sub("", norm[max(seg_start, c0):q_start]))
                    or (prev_category if inherit else None)
                    or "other")
        sent_start = sentences.last(line_start, start)
        sent_end = min(sentences.next(end - 1, n), line_end)
        facts.append({
            "category": category, "subject": subject, "value": float(value), "unit": unit_name,
            "qualifier": qualifier, "sentence": text[sent_start:sent_end].strip(),
            "start": start, "end": end, "raw": text[start:end],
            "label": r.labels.get(category, category),
        })
        prev_end, prev_category = end, category
    return facts


def _level1_spans(sections: pd.DataFrame) -> dict[str, tuple[list[int], list[int], list[str]]]:
    spans: dict[str, tuple[list[int], list[int], list[str]]] = {}
    if sections is None or len(sections) == 0:
        return spans
    top = sections[sections["level"] == 1].sort_values(["doc_id", "start"])
    for doc_id, g in top.groupby("doc_id", sort=False):
        spans[str(doc_id)] = (g["start"].astype(int).tolist(), g["end"].astype(int).tolist(),
                              g["part"].astype(str).tolist())
    return spans


def _part(spans, doc_id: str, pos: int) -> str:
    s = spans.get(doc_id)
    if not s:
        return "preamble"
    starts, ends, parts = s
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and pos < ends[i]:
        return parts[i]
    return "preamble"


def textstat_indicators(corpus, *, rules: IndicatorRules | str | Path | None = None,
                        max_subject: int = 16) -> pd.DataFrame:
    """One row per numeric fact of every document of ``corpus``.

    Columns: doc_id, file, category, subject, value, unit, qualifier, sentence, start, end (offsets into
    ``corpus.docs.text``), then town, district, city, province, report_year, part (the canonical part of
    the level-1 section holding the fact, "preamble" outside them), then raw and label (中文类别).

    >>> df = textstat_indicators(open_corpus("data/raw"))            # doctest: +SKIP
    >>> df.query("category == 'disputes'")[["town", "subject", "value", "unit"]]  # doctest: +SKIP
    """
    import pandas as pd

    r = _rules(rules)
    docs = corpus.docs
    spans = _level1_spans(getattr(corpus, "sections", None))
    rows = []
    meta_cols = [c for c in META_COLUMNS if c != "part"]
    wanted = [c for c in ["doc_id", "file", "text", *meta_cols] if c in docs.columns]
    for doc in docs[wanted].itertuples(index=False):
        d = doc._asdict()
        doc_id = str(d["doc_id"])
        for f in extract_indicators(d.get("text") or "", rules=r, max_subject=max_subject):
            row = {"doc_id": doc_id, "file": d.get("file")}
            row.update({k: f[k] for k in FACT_COLUMNS[2:]})
            row.update({k: d.get(k) for k in meta_cols})
            row["part"] = _part(spans, doc_id, f["start"])
            row["raw"] = f["raw"]
            row["label"] = f["label"]
            rows.append(row)
    cols = FACT_COLUMNS + META_COLUMNS + EXTRA_COLUMNS
    df = pd.DataFrame(rows, columns=cols)
    df["value"] = df["value"].astype(float)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    return df


def _group_column(values: pd.Series, dtype) -> pd.Series:
    """Group values with every unknown one (None, NaN, "", （不明）) as NA, in ``dtype`` when they
    fit it (years stay Int64), as the other ``textstat_*`` functions group."""
    import pandas as pd

    from fazhi.vocab import is_unknown

    vals = [None if is_unknown(v) else v for v in values]
    try:
        return pd.Series(pd.array(vals, dtype=dtype), index=values.index)
    except (TypeError, ValueError):
        return pd.Series(vals, index=values.index, dtype=object)


@changed_default(by=("town", "doc_id"))
def textstat_indicator_summary(corpus_or_indicators, *, by: str | list[str] = "doc_id",
                               rules: IndicatorRules | str | Path | None = None,
                               docs=None) -> pd.DataFrame:
    """Facts per group, category and unit (long table): <by>, category, n_facts, total, unit, stat, label.

    ``total`` is the SUM of the values for counts (件, 人次, 万元 ...) but the MEAN for rates (unit %);
    ``stat`` says which ("sum" / "mean"). Takes a corpus or the table of :func:`textstat_indicators`.
    ``by`` (default the report, ``doc_id``, as the other ``textstat_*`` functions): any column of the facts or of the documents (title, publish_date, level, a column
    added by :func:`fazhi.regions.with_regions` ...), taken from the corpus's documents or from
    ``docs`` (a documents table or a corpus) by ``doc_id``. Facts whose group is unknown form one
    group, NA, listed last.

    >>> textstat_indicator_summary(corpus, by="town")               # doctest: +SKIP
       town   category  n_facts  total unit  stat    label
     蓬东乡   disputes        1  209.0    件   sum  矛盾纠纷调解
    >>> textstat_indicator_summary(facts, by="level", docs=corpus.docs)  # doctest: +SKIP
    """
    import pandas as pd

    r = _rules(rules)
    if hasattr(corpus_or_indicators, "docs"):
        facts = textstat_indicators(corpus_or_indicators, rules=r)
        docs = corpus_or_indicators.docs if docs is None else docs
    else:
        facts = corpus_or_indicators
    if docs is not None and hasattr(docs, "docs"):
        docs = docs.docs
    keys = [by] if isinstance(by, str) else list(by)
    missing = [k for k in keys if k not in facts.columns]
    absent = [k for k in missing if docs is None or k not in docs.columns or
              "doc_id" not in facts.columns]
    if absent:
        where = "the indicator table" if docs is None else "the indicator table or the documents"
        raise KeyError(f"no column {absent} in {where}"
                       + ("; pass the corpus or docs=corpus.docs to group by a document column"
                          if docs is None else ""))
    if missing:
        extra = docs[["doc_id", *missing]].drop_duplicates("doc_id")
        facts = facts.merge(extra.astype({"doc_id": facts["doc_id"].dtype}), on="doc_id",
                            how="left")
    cols = keys + SUMMARY_COLUMNS
    if facts.empty:
        return pd.DataFrame(columns=cols)
    source = {k: (docs[k] if docs is not None and k in docs.columns else facts[k]) for k in keys}
    facts = facts.assign(**{k: _group_column(facts[k], source[k].dtype) for k in keys})
    rate_units = {u.canonical for u in r.units.values() if u.kind == "rate"}
    g = facts.groupby(keys + ["category", "unit"], dropna=False, sort=True)["value"]
    out = g.agg(n_facts="size", sum="sum", mean="mean").reset_index()
    is_rate = out["unit"].isin(rate_units)
    out["total"] = out["sum"].where(~is_rate, out["mean"]).astype(float)
    out["stat"] = is_rate.map({True: "mean", False: "sum"})
    out["label"] = out["category"].map(lambda c: r.labels.get(c, c))
    out["n_facts"] = out["n_facts"].astype("int64")
    return out[cols].reset_index(drop=True)



def indicator_categories(names, *, rules: IndicatorRules | str | Path | None = None) -> list[str]:
    """The categories ``names`` stand for: category names (``disputes``) or their Chinese labels
    (``矛盾纠纷调解``). An unknown name raises ``ValueError`` listing the known categories.

    >>> indicator_categories(["矛盾纠纷调解", "petitions"])   # doctest: +SKIP
    ['disputes', 'petitions']
    """
    r = _rules(rules)
    by_label = {lab: cat for cat, lab in r.labels.items()}
    names = [names] if isinstance(names, str) else list(names)
    wanted = list(dict.fromkeys(by_label.get(c, c) for c in names))
    unknown = sorted(set(wanted) - set(r.labels))
    if unknown:
        raise ValueError(f"unknown category {', '.join(unknown)}; known: {', '.join(r.labels)}")
    return wanted


def select_categories(facts: pd.DataFrame, categories, *,
                      rules: IndicatorRules | str | Path | None = None) -> pd.DataFrame:
    """The facts (``textstat_indicators`` rows) of ``categories`` (see
    :func:`indicator_categories`), index reset.

    >>> select_categories(textstat_indicators(corpus), ["disputes", "信访"])   # doctest: +SKIP
    """
    wanted = indicator_categories(categories, rules=rules)
    return facts[facts["category"].isin(wanted)].reset_index(drop=True)
