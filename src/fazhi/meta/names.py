"""Place names in a text: gazetteer mentions that are names (not words), self-references, the body's
mentions outside aid-partner contexts, the opening sentence's subject, and levels of units.

>>> sorted(find_towns("，亭江镇党委、政府……全镇"))     # doctest: +SKIP
['亭江镇']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from fazhi.meta.rules import (
    _CJK,
    _bounded_ends,
    _common_words,
    _false_friend_lengths,
    _false_friends,
    _foreign,
    _generic_names,
    _institution_regex,
    _level_rules,
    _self_regexes,
)
from fazhi.meta.text import fold

_IS_CJK = re.compile(f"[{_CJK}]")


# characters that may stand right before a place name in a sentence (在亭江镇, 全市和马尾区)
_BODY_PREFIX = frozenset("在对由向经把将从于和与及或至为是据按")


_LEVEL_TIER = {"national": 5, "province": 4, "city": 3, "county": 2, "district": 2, "zone": 1.5,
               "town": 1, "township": 1, "subdistrict": 1, "department": 0}


def _gaz():
    from fazhi.gazetteer import load_gazetteer

    return load_gazetteer()


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


def _find(gaz, text: str) -> list:
    """Gazetteer mentions that are names, not words: 小城镇, 城镇化, 特色小镇 are dropped."""
    ff = _false_friends()
    lengths = _false_friend_lengths()
    out = []
    generic = _generic_names()
    for m in gaz.find(text):
        if m.name in ff or m.name in generic or text[m.end:m.end + 1] == "化":
            continue
        if len(m.name) == 2 and m.start:  # 范县 in 示范县, 和县 in 结合县: a two-character name
            prev = text[m.start - 1]     # needs a word boundary (or its parent's name) before it
            if _IS_CJK.match(prev) and prev not in _BODY_PREFIX and not (out and out[-1].end == m.start):
                continue
        if any(text[max(0, m.end - n):m.end] in ff for n in lengths):
            continue
        out.append(m)
    return out


_SUBJECT_BEFORE = frozenset("，,。；\n年")


_SUBJECT_VERB = re.compile(r"(?:在|坚持|深入|认真|紧紧|紧扣|围绕|全面|始终|以|按照|把|将|积极|不断|扎实|切实|持续|大力|着力|立足|"
                           r"聚焦|结合|高度|严格|牢牢|全力|进一步|继续|强化|党委|党工委|人民政府|政府|办事处|管委会)")


_SUBJECT_DEPT = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:局|厅|委员会|办公室|中心)")
_SUBJECT_YEAR = re.compile(r"\s*(?:19|20)\d\d\s*年")


def _opening_subject(text: str, mentions: list):
    """The unit that opens the report's first sentence as its subject (its self-introduction),
    and the department it names after itself: ``2022年，玉林街道在武侯区委、区政府的坚强领导下……`` ->
    (玉林街道, ""); ``2021年，绍兴市司法局坚持……`` -> (绍兴市, "司法局"); ``现将保山市2023年度……报告如下``
    -> (保山市, ""). None when there is none."""
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
        if prev in _SUBJECT_BEFORE or m.start == body_start:
            if _SUBJECT_VERB.match(text, m.end):
                return m, ""
            d = _SUBJECT_DEPT.match(text, m.end)
            if d and _SUBJECT_VERB.match(text, d.end()) and not re.search(r"党委|党工委|政府", d.group()):
                return m, d.group()
        if prev == "将" and _SUBJECT_YEAR.match(text, m.end):
            return m, ""
    return None


def _self_named(text: str, gaz, mentions: list | None = None) -> Counter:
    """Body sentences where a unit names itself with its institution (亭江镇党委、政府)."""
    out: Counter = Counter()
    inst = _institution_regex()
    for m in _find(gaz, text) if mentions is None else mentions:
        if inst.match(text, m.end):
            out[m.name] += 1
    return out


_QUOTE = re.compile(r"《[^》\n]{0,120}》")


def _body_mentions(text: str, gaz, mentions: list | None = None) -> tuple[Counter, list]:
    """Gazetteer names in the body outside aid-partner / visit contexts and common words, counted;
    a name inside a document title (《贵州省…条例》, often a law or a parent's plan) counts half."""
    before_rx, after_rx = _foreign()
    counts: Counter = Counter()
    kept = []
    common = _common_words()
    mentions = _find(gaz, text) if mentions is None else mentions
    spans = [(q.start(), q.end()) for q in _QUOTE.finditer(text)] if "《" in text else []
    for i, m in enumerate(mentions):
        weight = 0.5 if spans and any(a < m.start < b for a, b in spans) else 1
        prev = text[m.start - 1] if m.start else ""
        chained = bool(i and mentions[i - 1].end == m.start)
        if (prev and m.name[-2:] in _bounded_ends() and _IS_CJK.match(prev)
                and prev not in _BODY_PREFIX and not chained):
            continue  # inside a word: 沿海城市 is not 海城市
        if before_rx.search(text[max(0, m.start - 14):m.start]) or after_rx.search(text[m.end:m.end + 12]):
            continue
        if m.name in common and not (i and mentions[i - 1].end == m.start):
            continue  # 老城区改造: counted only right after its parent's name (洛阳市老城区)
        counts[m.name] += weight
        kept.append(m)
    return counts, kept


def _kind_rank(gaz, m) -> int:
    return max({"province": 0, "city": 1, "county": 2, "town": 3}[gaz.kinds[i]] for i in m.ids)


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
    _counts, kept = _body_mentions(fold(text), gaz)
    return Counter(m.name for m in kept if any(gaz.kinds[i] == "town" for i in m.ids))


def gazetteer_path():
    """The main gazetteer data file (JioNLP's ``china_location.zip``)."""
    from fazhi.gazetteer import source_files

    return source_files()[0]
