"""The versioned tables of the indicators, loaded and compiled once (``load_indicator_rules``).

- ``indicator_units.tsv``: counting units (their kind, canonical form and scale: 万元 = 元×10000),
  the qualifiers around a number (约, 近, 余, 多, 以上, 左右) and the words that bound a subject;
- ``indicator_verbs.tsv``: the verbs that stand before or after a counted noun (受理, 办结, 建成 ...),
  light verbs whose object follows the number (开展42批次抽查) and growth verbs (增长, 下降);
- ``indicator_status.tsv``: the words that make a number a target (力争, 计划, 到2025年) or a
  comparison with a baseline (同比, 较上年);
- ``not_indicators.tsv``: what is not a fact (ordinals, session numbers, phases, size classes,
  numbered slogans and policy names, rules, phone numbers ...);
- ``indicators.tsv``: the categories (first match wins, matched at word boundaries).

>>> load_indicator_rules().units["万元"].scale
10000.0
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

FILES = ("indicator_units.tsv", "indicator_verbs.tsv", "indicator_status.tsv",
         "not_indicators.tsv", "indicators.tsv")
# unit kinds -> kind of number (unit kinds not listed are counts)
FACT_KINDS = {"money": "amount", "rate": "rate", "area": "measure", "length": "measure",
              "weight": "measure", "volume": "measure", "container": "measure",
              "power": "measure", "energy": "measure", "concentration": "measure",
              "noise": "measure", "duration": "measure", "score": "measure", "multiple": "rate",
              "point": "growth"}
STATUSES = ("result", "target", "baseline")


_NEVER = re.compile(r"(?!)")


class IndicatorRulesError(ValueError):
    """A malformed line in an indicator table; the message names the file and the line."""


@dataclass(frozen=True)
class Unit:
    form: str
    kind: str
    canonical: str
    blocked: str  # regex of what may not follow the unit ("" = nothing)
    base: str = ""  # the unit the scale is of (元 for 万元); "" = the canonical form
    scale: float = 1.0

    @property
    def base_unit(self) -> str:
        return self.base or self.canonical


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
    verbs: re.Pattern | None = None  # the fact's verb must match (受理 vs 办结), None = any


@dataclass(frozen=True)
class StatusCue:
    status: str
    scope: str  # "clause": in the clause before the number; "sentence": earlier in the sentence;
    # "note": in a bracketed note right after the number (增长5.5%（预计，同比，下同）)
    pattern: re.Pattern


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
    noun_tail: re.Pattern | None
    subject_head: re.Pattern | None  # the counted noun starts after its last occurrence (的, 等, 各类)
    subject_join: re.Pattern | None  # a clause ending so joins the noun after the number (、, 对)
    agent: re.Pattern | None  # who acts or when, before a verb inside a phrase (平阳县 查处 ...)
    quantity_head: re.Pattern | None  # a noun naming a quantity, at the end of a subject (产值, 吞吐量)
    rate_own: re.Pattern | None  # a rate name naming its own population (森林覆盖率)
    topic_verb: re.Pattern | None  # a verb between a topic and its quantity (实现, 完成)
    verb_noun: re.Pattern | None  # a noun holding a verb, never split (实施方案, 法律服务)
    after_tail: re.Pattern | None  # a localizer closing the noun after the number (…试点项目中)
    audience_lead: re.Pattern | None  # who takes part, before an event counted in times (…参加培训5次)
    bare_total: re.Pattern | None  # a total naming no thing (总量达到41000家 -> the list's noun + 总量)
    after_predicate: re.Pattern | None  # a predicate opening the words after a count (…入选, …排名)
    class_verb: re.Pattern | None  # a verb naming a class of projects, kept in the noun (签约项目)
    list_pairs: dict[str, tuple[str, ...]]  # 城乡 -> (城镇, 农村): the items a prefix names
    verb_one: re.Pattern | None  # one verb (the chain at a phrase's start: 受理行政复议案件)
    verbs_trail: re.Pattern | None  # verbs at the end of a phrase (开工道路 / 现场办件共计办理)
    verb_search: re.Pattern | None  # any verb (the last one opens a noun phrase)
    growth: re.Pattern | None  # a growth verb ending the clause before the number
    range_joiner: re.Pattern
    status_cues: tuple[StatusCue, ...]  # scope clause or sentence
    note_cues: tuple[StatusCue, ...]  # scope note: a bracketed note after the number
    exclusions: tuple[Exclusion, ...]
    categories: tuple[Category, ...]
    labels: dict[str, str]
    # a rate of an event named earlier in the sentence (…参加学法考试，参考率100% -> 学法考试参考率)
    event_rate: re.Pattern | None = None
    event_head: re.Pattern | None = None  # the end of such an event's name (考试, 测评)
    # the noun after a number ends after a head (会议, 活动) when a predicate word follows it
    noun_end: re.Pattern | None = None
    head_verb: re.Pattern | None = None
    # a word mostly a noun (调解, 宣传) that alone before a count is the verb of the noun before
    bare_verb: re.Pattern | None = None
    light_verb: re.Pattern | None = None  # a subject_verb anywhere in a clause (召开…会议3次研究…)
    # a verb of what came in (受理, 收到): its facts get a table column apart from what was concluded
    intake: re.Pattern | None = None
    # named word patterns of indicator_units.tsv (type pattern), compiled once: see :meth:`pattern`
    patterns: dict[str, re.Pattern] = field(default_factory=dict)

    def pattern(self, name: str) -> re.Pattern:
        """The named pattern of the table (``pattern<TAB>name<TAB>regex``); one that matches
        nothing when a replacement table leaves it out."""
        return self.patterns.get(name, _NEVER)

    def fact_kind(self, unit: Unit) -> str:
        """count, amount, measure, rate or growth (of a number with this unit, before context)."""
        return FACT_KINDS.get(unit.kind, "count")


def _rows(path: Path, ncols: int) -> list[tuple[int, list[str]]]:
    """Numbered rows of one of the tables, padded to ``ncols`` fields, through the package's one
    data-file reader (:func:`fazhi.read.read_rows`: BOM, CRLF, comments; a malformed line raises
    :class:`IndicatorRulesError` naming the file and the line)."""
    from fazhi.read import TABLE_COLUMNS, read_rows

    lo, hi = TABLE_COLUMNS.get(path.name, (1, ncols))
    rows = read_rows(path, (lo, hi), error=IndicatorRulesError)
    return [(no, fields + [""] * (ncols - len(fields))) for no, fields in rows]


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
    from fazhi.lexicon import data_path

    return data_path("indicators.tsv").parent


def _scale(path: Path, no: int, text: str) -> tuple[str, float]:
    """``元*10000`` -> ("元", 10000.0); "" -> ("", 1.0)."""
    if not text:
        return "", 1.0
    base, sep, factor = text.partition("*")
    try:
        return base, float(factor) if sep else 1.0
    except ValueError:
        raise IndicatorRulesError(f"{path}:{no}: bad scale {text!r} (use BASE*FACTOR)") from None


def _fact_pattern(units: dict[str, Unit], inner: list[str]) -> re.Pattern:
    unit_alts = []
    for form in sorted(units, key=len, reverse=True):
        u = units[form]
        unit_alts.append(re.escape(form) + (f"(?!{u.blocked})" if u.blocked else ""))
    inner_rx = "|".join(re.escape(q) for q in sorted(inner, key=len, reverse=True)) or "(?!)"
    cn = "零〇一二两三四五六七八九十百千万亿"
    return re.compile(
        r"(?=[\d百千万一二两三四五六七八九十])"
        r"(?:(?<![\d.A-Za-z])(?P<arabic>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.])"
        r"|(?<=[\u4e00-\u9fff])\d+\. \d+"  # 超2. 2万亿元 (a space after the point of crawled text;
        # never after punctuation or a line start, where 1. 12个村 is a list marker and a number)
        r"|\d+(?: ?\.\d+)?)(?:(?P<pre>多|余)(?=\s?[千万亿]))?(?P<mult>\s?[千万亿])?"
        rf"|(?<![\d.A-Za-z])(?P<pct>百分之[{cn}]+(?:点[零〇一二三四五六七八九]+)?)"
        rf"|(?P<chinese>[一二两三四五六七八九十][{cn}]*(?:点[零〇一二三四五六七八九]+)?"
        rf"|(?<=[近逾超约达上过数破])[百千万][{cn}]*))"
        rf"(?:\s?(?P<inner>{inner_rx}))?"  # 60余场次; 240 余人次 (page layout puts a space there)
        rf"(?(pct)|\s?(?P<unit>{'|'.join(unit_alts)}))"
    )


@lru_cache(maxsize=8)
def load_indicator_rules(folder: str | None = None) -> IndicatorRules:
    """Load and compile the indicator tables (:data:`FILES`).

    ``folder`` (optional) holds replacements of any of the files; missing ones come from the
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
    pairs: dict[str, tuple[str, ...]] = {}
    named: dict[str, re.Pattern] = {}
    words: dict[str, list[tuple[int, str]]] = {k: [] for k in (
        "subject_cut", "subject_lead", "subject_tail", "subject_after_stop", "subject_inherit",
        "subject_verb", "noun_tail", "range_joiner", "agent", "subject_head", "subject_join",
        "quantity_head", "rate_own", "topic_verb", "verb_noun", "after_tail", "audience_lead",
        "bare_total", "after_predicate", "class_verb", "event_rate", "event_head", "noun_end",
        "head_verb", "bare_verb")}
    for no, (typ, form, value, extra, scale) in _rows(p, 5):
        if not form:
            raise IndicatorRulesError(f"{p}:{no}: empty form")
        if typ == "unit":
            kind, _, canonical = value.partition("=")
            if not kind:
                raise IndicatorRulesError(f"{p}:{no}: unit {form!r} has no kind")
            _compile(p, no, extra)
            b, factor = _scale(p, no, scale)
            units[form] = Unit(form, kind, canonical or form, extra, b, factor)
        elif typ == "qualifier_before":
            _compile(p, no, form)
            qb.append((form, value))
        elif typ == "qualifier_inner":
            qi[form] = value
        elif typ == "qualifier_after":
            qa.append((form, value))
        elif typ == "list_pair":
            parts = tuple(x.strip() for x in value.split(",") if x.strip())
            if len(parts) < 2:
                raise IndicatorRulesError(f"{p}:{no}: list_pair {form!r} needs two items (A,B)")
            pairs[form] = parts
        elif typ == "pattern":
            if not value:
                raise IndicatorRulesError(f"{p}:{no}: pattern {form!r} has no regex")
            named[form] = _compile(p, no, value)
        elif typ in words:
            words[typ].append((no, form))
        else:
            raise IndicatorRulesError(f"{p}:{no}: unknown type {typ!r}")
    if not units:
        raise IndicatorRulesError(f"{p}: no units")
    fact = _fact_pattern(units, list(qi))
    subject = (_alternation(p, words["subject_verb"] + words["subject_cut"]),
               _alternation(p, words["subject_lead"], "^(?:{})"),
               _alternation(p, words["subject_tail"], "(?:{})$"),
               _alternation(p, words["subject_after_stop"] + words["after_predicate"]),
               _alternation(p, words["subject_inherit"], "^(?:{})"),
               _alternation(p, words["subject_verb"], "(?:{})$"),
               _alternation(p, words["noun_tail"], "(?:{})$"))
    agent = _alternation(p, words["agent"], "(?:{})$")
    quantity = _alternation(p, words["quantity_head"])
    rate_own = _alternation(p, words["rate_own"], "^(?:{})")
    topic_verb = _alternation(p, words["topic_verb"])
    verb_noun = _alternation(p, words["verb_noun"])
    after_tail = _alternation(p, words["after_tail"], "(?:{})$")
    audience_lead = _alternation(p, words["audience_lead"], "^(?:{})")
    bare_total = _alternation(p, words["bare_total"], "^(?:{})$")
    after_predicate = _alternation(p, words["after_predicate"], "^(?:{})")
    class_verb = _alternation(p, words["class_verb"], "^(?:{})$")
    event_rate = _alternation(p, words["event_rate"], "^(?:{})$")
    event_head = _alternation(p, words["event_head"], "(?:{})$")
    noun_end = _alternation(p, words["noun_end"], "(?:{})$")
    bare_verb = _alternation(p, words["bare_verb"], "^(?:{})$")
    head_verb = _alternation(p, words["head_verb"], "^(?:{})")
    head = _alternation(p, words["subject_head"])
    join = _alternation(p, words["subject_join"], r"(?:{})\s*$")
    joiner = _alternation(p, words["range_joiner"], r"^\s*(?:{})\s*$") or re.compile("(?!)")

    # verbs
    p = pick("indicator_verbs.tsv")
    verbs: dict[str, list[str]] = {"action": [], "growth": [], "intake": [], "prefix": []}
    for no, (form, cls) in _rows(p, 2):
        if cls not in verbs:
            raise IndicatorRulesError(f"{p}:{no}: verb class {cls!r} is not action, growth, intake or prefix")
        if not form:
            raise IndicatorRulesError(f"{p}:{no}: empty verb")
        verbs[cls].append(form)
    action = sorted(set(verbs["action"]), key=len, reverse=True)
    alts = "|".join(re.escape(v) for v in action)
    # a phrase may open with a growth verb as well (减少政府支出债务 -> 减少 + 政府支出债务)
    # (a change noun such as 增幅, 增速 is no verb)
    opening_verbs = set(action) | {g for g in verbs["growth"] if g[-1] not in "幅速"}
    opening = "|".join(re.escape(v) for v in sorted(opening_verbs, key=len, reverse=True))
    # a word that makes one verb with the verb after it (不予受理, 予以公开, 部分公开)
    prefix = "|".join(re.escape(v) for v in sorted(set(verbs["prefix"]), key=len, reverse=True))
    if prefix:
        opening = f"(?P<prefix>{prefix})?(?:{opening})"
        alts_trail = f"(?:{prefix})?(?:{alts})"
    else:
        alts_trail = alts
    growth = sorted(set(verbs["growth"]), key=len, reverse=True)

    # status cues
    p = pick("indicator_status.tsv")
    cues = []
    for no, (status, scope, regex) in _rows(p, 3):
        if status not in STATUSES[1:]:
            raise IndicatorRulesError(f"{p}:{no}: status {status!r} is not target or baseline")
        if scope not in ("clause", "sentence", "note"):
            raise IndicatorRulesError(f"{p}:{no}: scope {scope!r} is not clause, sentence or note")
        pat = _compile(p, no, regex)
        if pat is None:
            raise IndicatorRulesError(f"{p}:{no}: empty regex")
        cues.append(StatusCue(status, scope, pat))

    # exclusions
    p = pick("not_indicators.tsv")
    exclusions = []
    for no, (name, left, raw, right) in _rows(p, 4):
        if not (left or raw or right):
            raise IndicatorRulesError(f"{p}:{no}: exclusion {name!r} has no pattern")
        exclusions.append(Exclusion(name, _compile(p, no, left), _compile(p, no, raw),
                                    _compile(p, no, right)))

    # categories
    p = pick("indicators.tsv")
    cats = []
    labels = {"other": "其他"}
    kinds = {u.kind for u in units.values()}
    for no, (cat, label, regex, ks, vrx) in _rows(p, 5):
        if not cat or not regex:
            raise IndicatorRulesError(f"{p}:{no}: category and regex are required")
        kset = frozenset(k.strip() for k in ks.split(",") if k.strip())
        if kset - kinds:
            raise IndicatorRulesError(f"{p}:{no}: unknown unit kind(s) {sorted(kset - kinds)}")
        cats.append(Category(cat, label or cat, _compile(p, no, regex), kset,
                             _compile(p, no, vrx)))
        labels.setdefault(cat, label or cat)
    return IndicatorRules(
        units=units, fact=fact,
        qualifier_before=(re.compile("|".join(f"(?P<q{i}>{f})$" for i, (f, _) in enumerate(qb)))
                          if qb else None),
        qualifier_before_values=tuple(v for _, v in qb), qualifier_inner=qi,
        qualifier_after=tuple(sorted(qa, key=lambda x: len(x[0]), reverse=True)),
        subject_cut=subject[0], subject_lead=subject[1], subject_tail=subject[2],
        subject_after_stop=subject[3], subject_inherit=subject[4], subject_verb=subject[5],
        noun_tail=subject[6], subject_head=head, subject_join=join, agent=agent, quantity_head=quantity, rate_own=rate_own, topic_verb=topic_verb, verb_noun=verb_noun, list_pairs=pairs,
        after_tail=after_tail, audience_lead=audience_lead, bare_total=bare_total,
        after_predicate=after_predicate, class_verb=class_verb,
        event_rate=event_rate, event_head=event_head, noun_end=noun_end, head_verb=head_verb,
        bare_verb=bare_verb, light_verb=_alternation(p, words["subject_verb"]),
        patterns=named,
        # (a refusal is no intake: 不予受理, 未予受理)
        intake=(re.compile("(?<![不未]予)(?:" + "|".join(re.escape(v) for v in sorted(set(verbs["intake"]), key=len, reverse=True))
                           + ")$") if verbs["intake"] else None),
        verb_one=re.compile(f"(?:{opening})") if action else None,
        verbs_trail=re.compile(f"(?:{alts_trail})+$") if action else None,
        verb_search=re.compile(alts) if action else None,
        growth=(re.compile("(?:" + "|".join(re.escape(g) for g in growth) + ")了?$")
                if growth else None),
        range_joiner=joiner, status_cues=tuple(c for c in cues if c.scope != "note"),
        note_cues=tuple(c for c in cues if c.scope == "note"),
        exclusions=tuple(exclusions), categories=tuple(cats), labels=labels,
    )


def rules_of(rules: IndicatorRules | str | Path | None) -> IndicatorRules:
    """The rules themselves, or those of a folder of replacement tables (None: the package's)."""
    if isinstance(rules, IndicatorRules):
        return rules
    return load_indicator_rules(None if rules is None else str(rules))
