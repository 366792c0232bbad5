"""The resolver's rules as data: word lists of ``data/places.tsv``, weights of ``data/evidence.tsv``,
report kinds of ``data/kinds.tsv`` and character variants, each loaded once.

>>> weights()["title"]                                   # doctest: +SKIP
1.0
"""

from __future__ import annotations

import re
from functools import cache

from fazhi.patterns import CJK
from fazhi.read import load_table

_CJK = CJK


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


@cache
def _variants() -> dict[int, str]:
    return {ord(v): b for v, b, *_ in load_table("char_variants.tsv")}


@cache
def _self_regexes() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """Two scanners for the self-references of ``places.tsv``: pronoun words (我镇, 全区: a
    character class first, scanned fast) and institution words (镇党委, 街道办事处)."""
    words = dict(_self_words())
    pro = sorted({w[1:] for w in words if w[0] in "我本全"}, key=len, reverse=True)
    rest = sorted((w for w in words if w[0] not in "我本全"), key=len, reverse=True)
    return (re.compile("[我本全](?:" + "|".join(map(re.escape, pro)) + ")"),
            re.compile("(?:" + "|".join(map(re.escape, rest)) + ")"), words)


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


@cache
def _institution_regex() -> re.Pattern:
    return re.compile("|".join(map(re.escape, _institutions())))
