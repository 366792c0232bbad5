"""Who is speaking: the reporting unit from the title, issuing body, signature, page metadata,
file name, self-references and (weakly) body mentions, reconciled along the gazetteer.

>>> resolve_place("……", [Speaker("马尾区亭江镇2020年度法治政府建设工作报告", "title", 1.0)]).level  # doctest: +SKIP
'town'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePosixPath
from typing import Any

from fazhi.meta.dates import _CN_SIGN_DATE, _SIGN_DATE
from fazhi.meta.evidence import Candidate
from fazhi.meta.names import (
    _body_mentions,
    _chain_ids,
    _find,
    _gaz,
    _kind_rank,
    _level_of,
    _opening_subject,
    _self_named,
    find_level_from_self,
)
from fazhi.meta.rules import (
    _CJK,
    _common_words,
    _department_regex,
    _false_friends,
    _places,
    _zone_regex,
    weights,
)
from fazhi.meta.text import _last_lines, fold
from fazhi.meta.title import _is_unit_line, clean_page_title

_NATIONAL_SELF = re.compile(r"代表国务院|国务院(?:关于|办公厅关于)")


_NATIONAL = re.compile(r"国务院")


# a department named by its government's level only: 区司法局, 县税务局, 市生态环境局
_UNLISTED_TOWN = re.compile(rf"([{_CJK}]{{2,6}}?)(街道办事处|街道|镇|乡|苏木)(?:人民政府|党委|党工委|办事处)?(?:关于)?"
                            rf"(?=(?:19|20)\d\d|[〇零一二三四五六七八九]{{4}}|关于|法治|$)")


_NATIONAL_DEPT = re.compile(rf"^(?:中华人民共和国)?((?:国家|国务院|中国)[{_CJK}]{{1,14}}?(?:总局|局|委员会|署|办公室)|"
                            rf"[{_CJK}]{{1,8}}?部|海关总署|审计署)(?=(?:19|20)\d\d|关于|[〇零一二三四五六七八九]{{4}}|法治)")


_PREFIX_LEVEL = {"省": "province", "市": "city", "区": "district", "县": "county", "旗": "county",
                 "自治区": "province", "镇": "town", "乡": "township", "街道": "subdistrict"}
_MEETING_PLACE = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在([^\n。，]{2,24}?)第[一二三四五六七八九十]+届")
# a speaker that names its level and department only: 2023年，市市场监管局坚持…
_UNNAMED_DEPT = re.compile(r"(?:^|[，,。\n年])(?:[xX某*＊]{1,4})?(省|市|区|县|旗)([\u4e00-\u9fff]{2,10}?(?:局|厅|委员会))"
                           r"(?=坚持|在|认真|深入|切实|全面|以|紧紧|围绕|始终|高度|，|,)")
_ZONE_SUBJECT = re.compile(r"(?:^|\n|年[，,])\s*([\u4e00-\u9fff]{0,12}?(?:高新区|开发区|新区|实验区|试验区|示范区|管理区|园区))"
                           r"(?:[\u4e00-\u9fff]{1,8}?(?:局|办))?(?=坚持|在|认真|深入|全面|紧紧|始终|以)")
_BARE_DEPT = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:局|厅|委员会)")
# the governments of a whole province or city speak together: 全省各级政府 / 全区各级人民政府 (自治区)
_ALL_GOVERNMENTS = re.compile(r"全(省|市|区)各级(?:人民)?政府")
# a speaker that gives its level but not its name: 2019年，xx市人民政府坚持…; 省政府切实…; 我代表县人民政府
_UNNAMED_SUBJECT = re.compile(
    r"(?:^|[，,。\n年]|我代表)(?:[xX某*＊]{1,4})?(自治区|省|市|区|县|旗|镇|乡|街道)(?:人民)?(?:政府|办事处)"
    r"(?=坚持|在|认真|深入|切实|全面|以|紧紧|围绕|始终|高度|向|，|,)")
_BODY_DEPT = re.compile(rf"(?:^|[，,。；、…\n])(?:[省市区县旗])?([{_CJK}]{{2,10}}?局)(?=党委|党组|领导班子|局长|坚持|认真|深入|全面)")


_PREFIXED_DEPT = re.compile(rf"^(?:中共)?([省市区县旗])([{_CJK}]{{2,12}}?局)")


# how much of the body is searched for self-references and mentions: they are frequent, and
# evidence deep in a long report is about its work, not about who wrote it
BODY_CHARS, SELF_CHARS = 5000, 5000


@dataclass
class Speaker:
    """A string in which the reporting unit names itself, with its source and weight."""

    text: str
    source: str
    weight: float


def _speakers(title: str, issuers: list[str], text: str, page: Any, file: str) -> list[Speaker]:
    w = weights()
    out: list[Speaker] = []
    if title:
        out.append(Speaker(title, "title", w["title"]))
    out += [Speaker(s, "issuer", w["issuer"]) for s in issuers]
    for line in _signature_lines(text):
        out.append(Speaker(line, "signature", w["signature"]))
    mm = _MEETING_PLACE.search(text[:600])   # ——2020年12月28日在公安县第十七届人民代表大会…
    if mm:
        out.append(Speaker(mm.group(1), "issuer", w["issuer"]))
    for t in getattr(page, "titles", None) or ():
        value = getattr(t, "value", t)
        if value and fold(clean_page_title(value)) != fold(title):
            out.append(Speaker(clean_page_title(value), "page_title",
                               w["page_title"] if not title else w["page_title"] * 0.5))
    for s in getattr(page, "sources", None) or ():
        value = getattr(s, "value", s)
        if value:
            out.append(Speaker(value, "page_source", w["page_source"]))
    if file:
        stem = PurePosixPath(file).stem
        out.append(Speaker(re.sub(r"[_\-.]+", " ", stem), "file", w["file"]))
        parent = PurePosixPath(file).parent.name
        if parent:
            out.append(Speaker(parent, "file", w["file"] * 0.5))
    return out


def _signature_lines(text: str) -> list[str]:
    """Unit names among the last lines (the signature), before or beside the date."""
    out = []
    tail = _last_lines(text, 6)
    if len(tail) == 1 and len(tail[0]) > 200:  # crawled without line breaks
        m = re.search(rf"([{_CJK}]{{2,40}}(?:人民政府|委员会|办事处|管委会|局))\s*(?:(?:19|20)\d\d年\d{{1,2}}月\d{{1,2}}日)?\s*$",
                      tail[0][-80:])
        return [m.group(1)] if m else []
    for line in tail:
        if re.search(r"[:：|｜>＞]", line):
            continue  # a label or a list of links (相关链接：…|…), not a signature
        core = _SIGN_DATE.sub("", line).strip()
        core = _CN_SIGN_DATE.sub("", core).strip()
        if core and len(core) <= 40 and "。" not in core and "，" not in core and _is_unit_line(core):
            out.append(core)
    return out


def _site_units(page: Any) -> list[tuple[int, str]]:
    """Units that run the site: from its identification code (first six digits) and site name."""
    gaz = _gaz()
    out: list[tuple[int, str]] = []
    for c in getattr(page, "site_codes", None) or ():
        code = str(getattr(c, "value", c))[:6]
        for k in (code, code[:4] + "00", code[:2] + "0000"):
            if k in gaz.by_code:
                out.append((gaz.by_code[k], "site_code"))
                break
    for s in getattr(page, "site_names", None) or ():
        value = fold(getattr(s, "value", s))
        mentions = _find(gaz, value)
        if mentions:  # the finest unit the site names (宁波市北仑区人民政府 -> 北仑区)
            finest = max(mentions, key=lambda m: (_kind_rank(gaz, m), m.start))
            ids = _chain_ids(gaz, mentions, finest)
            if len(ids) == 1:
                out.append((ids[0], "site_name"))
    return out


@dataclass
class Place:
    """The resolved reporting unit."""

    uid: int | None = None
    level: str = ""
    unit: str = ""
    department: str = ""
    written: str = ""
    rule: str = ""
    confidence: float = 0.0
    candidates: list[Candidate] = field(default_factory=list)
    ambiguous_ids: tuple[int, ...] = ()
    note: str = ""
    town: str = ""      # a town named by the speaker but not in the gazetteer


def _department_after(s: str, end: int) -> str:
    m = _department_regex().match(s[end:end + 24])
    if not m:
        return ""
    name = m.group(1)
    if re.match(r"^(?:人民政府|政府|委员会|党委|党工委|人大常委会|区委|县委|市委|镇委|管理委员会|管委会)$", name) \
            or name.startswith(("人民政府", "关于")) or name.endswith(("管理委员会", "管委会", "党工委")):
        return ""
    if re.search(r"法治|依法|建设|工作|报告|年度|\d", name):
        return ""
    return name


@cache
def _province_by_short() -> dict[str, int]:
    gaz = _gaz()
    return {gaz.short[i]: i for i, k in enumerate(gaz.kinds) if k == "province" and len(gaz.short.get(i, "")) >= 2}


@cache
def _province_short() -> re.Pattern:
    shorts = sorted(_province_by_short(), key=len, reverse=True)
    return re.compile(r"(?:^|年|\s)(" + "|".join(map(re.escape, shorts)) + r")(?:[\u4e00-\u9fff]{0,6}?自治区|省|市)?(?:人民)?政府")


def speaker_level(text: str) -> tuple[str, str, str]:
    """(level, department, evidence) of a speaker that names its level but not itself, in the
    report's opening: ``2019年，xx市人民政府坚持…`` -> ``("city", "", …)``; ``2022年，司法部坚持…`` ->
    ``("national", "司法部", …)``; ``("", "", "")`` when there is none."""
    head = text[:400]
    first = re.split(r"[。！？]", head, maxsplit=1)[0]
    subject = re.search(r"(?:^|\n|年[，,])\s*(?:中华人民共和国)?([\u4e00-\u9fff]{2,16}?)(?=坚持|认真|深入|全面|紧紧|始终)", first)
    if subject:
        nd = _NATIONAL_DEPT.match(subject.group(1) + "2000")
        if nd and nd.group(1) == subject.group(1):
            return "national", nd.group(1), subject.group(0).strip()
    m = _UNNAMED_DEPT.search(first)
    if m:
        return _PREFIX_LEVEL.get(m.group(1), ""), m.group(2), m.group(0).strip("，,。\n")
    if subject and _BARE_DEPT.fullmatch(subject.group(1)):   # 2021年，司法厅坚持…
        return "", subject.group(1), subject.group(0).strip()
    m = _UNNAMED_SUBJECT.search(first) or _UNNAMED_SUBJECT.search(head[:300])
    if m:
        return _PREFIX_LEVEL.get(m.group(1), ""), "", m.group(0).strip("，,。\n")
    m = _ALL_GOVERNMENTS.search(first)
    if m and (m.group(1) != "区" or "自治区" in text[:3000]):
        return ("city" if m.group(1) == "市" else "province"), "", m.group(0)
    return "", "", ""


def body_department(text: str) -> str:
    """A department that speaks in its report's body (我局 … 区司法局党委书记): its name, or ``""``.
    ``body_department("我局坚持……区司法局党组书记、局长……")`` -> ``"司法局"``."""
    names = Counter(m.group(1) for m in _BODY_DEPT.finditer(text[:3000])
                    if not re.search(r"法治|依法|建设|工作", m.group(1)))
    return names.most_common(1)[0][0] if names else ""


class _Evidence:
    """What the speakers and the body say about who speaks: candidate names (with their units,
    weights, sources, departments and written forms), the names a chain puts them inside
    (``^``-keys), and the hints that give no gazetteer name (a zone, a department, a national
    unit, a town missing from the gazetteer)."""

    def __init__(self, gaz) -> None:
        self.gaz = gaz
        self.per_name: dict[str, dict] = {}
        self.cands: list[Candidate] = []
        self.national = False
        self.zone_names: Counter = Counter()
        self.zone_in: dict[str, Counter] = {}
        self.dept_hints: Counter = Counter()
        self.unlisted: Counter = Counter()
        self.national_depts: Counter = Counter()
        self.site_ids: list[int] = []

    def support(self, name: str, ids: Iterable[int], weight: float, rule: str, evidence: str,
                dept: str = "") -> None:
        written = name
        name = self.gaz.aliases.get(name, name)   # 劝业场街道办事处 and 劝业场街道 are one candidate
        entry = self.per_name.setdefault(name, {"ids": set(), "weight": 0.0, "dept": Counter(),
                                                "sources": set(), "written": Counter()})
        entry["written"][written] += weight
        entry["ids"].update(ids)
        entry["weight"] += weight
        entry["sources"].add(rule)
        if dept:
            entry["dept"][dept] += weight
        self.cands.append(Candidate(name + (dept or ""), rule, weight, evidence))

    def within(self, name: str, ids: Iterable[int], weight: float) -> None:
        """The unit lies within ``name`` (a coarser name of a chain, the site's government)."""
        entry = self.per_name.setdefault("^" + name, {"ids": set(), "weight": 0.0,
                                                      "dept": Counter(), "sources": set()})
        entry["ids"].update(ids)
        entry["weight"] += weight

    def speaks(self) -> bool:
        """Whether some candidate rests on more than body mentions and self-naming."""
        return any(not k.startswith("^") and e["sources"] - {"body", "self_named"}
                   for k, e in self.per_name.items())

    def add_site(self, page: Any, weight: float) -> None:
        # the site's government: the unit is it or lies within it — support for what lies within
        # it, a candidate of its own only when nothing else speaks (a province's report reposted
        # on a county's site is the province's)
        self.site_ids = list(dict.fromkeys(uid for uid, _how in _site_units(page)))
        for uid in self.site_ids:
            self.within(self.gaz.names[uid], (uid,), weight)

    def add_speaker(self, sp: Speaker) -> None:
        gaz = self.gaz
        s = fold(sp.text)
        speaking = sp.source in ("title", "issuer", "signature", "page_title")
        if _NATIONAL.search(s) and sp.source in ("title", "issuer", "signature", "page_source"):
            self.national = self.national or not gaz.find(s)
        mentions = [m for m in _find(gaz, s) if not (m.name in _common_words() and len(gaz.find(s)) == 1
                                                    and sp.source in ("page_source", "file"))]
        if not mentions and sp.source in ("title", "issuer", "page_title"):
            pm = _province_short().search(s)     # 2022年新疆政府工作报告: a province by its short name
            if pm:
                uid = _province_by_short()[pm.group(1)]
                self.support(gaz.names[uid], (uid,), sp.weight * 0.8, sp.source, sp.text)
                return
        tm = _UNLISTED_TOWN.search(s) if speaking else None
        if tm and not any(gaz.kinds[i] == "town" for m in mentions for i in m.ids) \
                and tm.group(1)[-1] not in "各全我本该" and not _false_friends() & {tm.group(1) + tm.group(2)}:
            self.unlisted[tm.group(1) + re.sub("街道办事处|办事处", "街道", tm.group(2))] += sp.weight
        if not mentions:
            if speaking:
                zm = _zone_regex().search(s)
                if zm:
                    self.zone_names[zm.group(1)] += sp.weight
                nd = _NATIONAL_DEPT.match(s)
                if nd:
                    self.national_depts[nd.group(1)] += sp.weight
                dm = _PREFIXED_DEPT.match(s)
                if dm:
                    self.dept_hints[(dm.group(1), dm.group(2))] += sp.weight
            return
        finest = max(mentions, key=lambda m: (_kind_rank(gaz, m), m.start))
        ids = _chain_ids(gaz, mentions, finest)
        dept = _department_after(s, finest.end) if sp.source != "page_source" else ""
        zm = _zone_regex().match(s, finest.end)
        if zm and zm.group(1) not in gaz.index and speaking:  # 马尾区 + 福州经济技术开发区管委会
            self.zone_in.setdefault(finest.name, Counter())[zm.group(1)] += sp.weight
        self.support(finest.name, ids, sp.weight, sp.source, sp.text, dept)
        for m in mentions:  # coarser names of the chain: the unit lies within them
            if m is not finest:
                self.within(m.name, _chain_ids(gaz, mentions, m), sp.weight)

    def add_body(self, text: str, head: str, found: list, body_counts: Counter, w: dict) -> None:
        for name, n in _self_named(head, self.gaz, found).items():
            self.support(name, self.gaz.lookup(name), min(w["self_named_max"], w["self_named"] * n),
                         "self_named", name)
        zm = _ZONE_SUBJECT.search(text[:300])
        if zm:  # 2023年，高新区坚持… / 2023年，两江新区…: a functional area opens its report
            self.zone_names[zm.group(1)] += w["opening_subject"]
        opening = _opening_subject(text, found)
        if opening is not None:
            subject, dept = opening
            self.support(subject.name, subject.ids, w["opening_subject"], "opening_subject",
                         subject.name + dept, dept)
        for name, n in body_counts.items():
            if name not in _common_words():
                self.support(name, self.gaz.lookup(name), min(w["body_max"], w["body"] * n), "body", name)
        for uid, n in slogan_names(head).items():
            self.support(self.gaz.names[uid], (uid,), min(w["slogan_max"], w["slogan"] * n),
                         "slogan_name", self.gaz.short.get(uid, ""))


@cache
def _short_units() -> dict[str, int]:
    """Short names of provinces and cities that stand for one unit only (湖南, 绍兴, 珠海)."""
    gaz = _gaz()
    seen: dict[str, list[int]] = {}
    for uid, short in gaz.short.items():
        if len(short) >= 2 and gaz.kinds[uid] in ("province", "city"):
            seen.setdefault(short, []).append(uid)
    return {k: v[0] for k, v in seen.items() if len(v) == 1 and k not in gaz.index}


@cache
def _slogan_regex() -> re.Pattern:
    shorts = sorted(_short_units(), key=len, reverse=True)
    words = "|".join(map(re.escape, (v[0] for v in _places()["slogan_prefix"])))
    return re.compile(rf"(?:{words})({'|'.join(map(re.escape, shorts))})(?=建设|工作|示范|创建|[，。、；”）]|$)")


def slogan_names(text: str) -> Counter:
    """Units a report names in the slogans of its own programmes — 法治湖南, 平安珠海, 数字绍兴 —
    which name the speaker's own province or city, counted. ``slogan_names("推进法治湖南建设")`` ->
    ``Counter({<湖南省>: 1})``."""
    return Counter(_short_units()[m.group(1)] for m in _slogan_regex().finditer(text))


def _no_name(ev: _Evidence, text: str, head: str) -> Place | None:
    """The outcome when nothing names a gazetteer unit as the speaker: a national department or
    the State Council; else None (the gazetteer candidates decide)."""
    if not ev.speaks():
        level, dept, evidence = speaker_level(text)
        if level == "national":  # 2022年，司法部坚持…: a ministry, not the State Council
            return Place(None, "national", dept, dept, rule="opening_subject_department",
                         confidence=0.6, candidates=[Candidate(dept, "opening_subject", 0.5, evidence)])
    if _NATIONAL_SELF.search(head[:1500]) and not ev.speaks():
        ev.national = True
    if ev.national_depts and not ev.speaks():
        dept, dw = ev.national_depts.most_common(1)[0]
        return Place(None, "national", dept, dept, rule="title_national_department",
                     confidence=min(0.95, dw), candidates=[Candidate(dept, "title_national_department", dw)])
    if ev.national and not ev.speaks():
        return Place(None, "national", "国务院", rule="title_national", confidence=0.9,
                     candidates=[Candidate("国务院", "title_national", 1.0)])
    return None


def _unplaced(ev: _Evidence, text: str, self_level: str, *, ranked: list[Candidate] | None = None
              ) -> Place:
    """No gazetteer unit wins: what the speaker still says (a zone, a department, its level), or
    the level of the body's self-references."""
    if ranked is None:
        if ev.zone_names:
            zone, zw = ev.zone_names.most_common(1)[0]
            return Place(None, "zone", zone, rule="zone_name", confidence=min(0.9, zw),
                         candidates=[Candidate(zone, "zone_name", zw)])
        if ev.dept_hints:
            (prefix, dept), _dw = max(ev.dept_hints.items(), key=lambda kv: kv[1])
            return Place(level=_PREFIX_LEVEL.get(prefix, ""), department=dept, unit=prefix + dept,
                         rule="title_department", confidence=0.5)
    level, dept, evidence = speaker_level(text)
    if level == "national" and ranked is None:
        return Place(None, "national", dept, dept, rule="opening_subject_department",
                     confidence=0.6, candidates=[Candidate(dept, "opening_subject", 0.5, evidence)])
    if level:  # the speaker gives its level, not its name (xx市人民政府; 省政府)
        return Place(level=level, department=dept, unit=dept, rule="opening_subject_level",
                     confidence=0.5, candidates=ranked or [Candidate(level, "opening_subject", 0.5, evidence)],
                     note="no unit names itself clearly" if ranked is not None else "")
    if ranked is not None:
        return Place(level=self_level if self_level != "department" else "",
                     rule="self_reference" if self_level else "", confidence=0.4,
                     candidates=ranked, note="no unit speaks for itself clearly")
    dept = body_department(text) if self_level == "department" else ""
    return Place(level=self_level if self_level != "department" else "", department=dept,
                 rule="self_reference" if self_level else "", confidence=0.5 if self_level else 0.0)


def _scores(ev: _Evidence, self_level: str, n_self: int, w: dict) -> list[tuple[float, str]]:
    """Each candidate name's own evidence, with a bonus at the level the body's self-references
    give and a penalty for a body-only name at another level."""
    gaz = ev.gaz
    scored = []
    for name, entry in ev.per_name.items():
        if name.startswith("^"):
            continue
        score = entry["weight"]
        levels = {_level_of(gaz, i) for i in entry["ids"]}
        if self_level and n_self >= 2 and (self_level in levels or (
                self_level == "department" and entry["dept"])):
            score += w["self_level"]
        if self_level and n_self >= 3 and entry["sources"] <= {"body", "self_named"} and \
                self_level not in levels and self_level != "department":
            score *= 0.3  # a body-only name at another level than the one speaking
        scored.append((score, name))
    return scored


def _inside(ev: _Evidence, names: Iterable[str]) -> dict[str, list[str]]:
    """For each candidate, the other candidates whose units contain its units (月浦街道 in 金平区)."""
    gaz = ev.gaz
    above = {n: {a for i in ev.per_name[n]["ids"] for a in gaz.ancestors(i)} for n in names}
    return {n: [o for o in above if o != n and above[n] & ev.per_name[o]["ids"]] for n in above}


def resolve_place(text: str, speakers: list[Speaker], page: Any = None) -> Place:
    """The reporting unit from speaker evidence, the body's self-references and (weakly) its
    mentions, reconciled along the gazetteer. See the module docstring."""
    gaz = _gaz()
    w = weights()
    ev = _Evidence(gaz)
    ev.add_site(page, w["site"])
    for sp in speakers:
        ev.add_speaker(sp)
    head = text[:BODY_CHARS]
    self_level, n_self = find_level_from_self(head[:SELF_CHARS])
    found = _find(gaz, head)
    body_counts, body_kept = _body_mentions(head, gaz, found)
    ev.add_body(text, head, found, body_counts, w)
    outcome = _no_name(ev, text, head)
    if outcome is not None:
        return outcome
    if ev.site_ids and not ev.speaks():
        uid = ev.site_ids[0]
        ev.support(gaz.names[uid], (uid,), w["site"], "site", "site")
    scored = _scores(ev, self_level, n_self, w)
    if ev.unlisted and (not scored or max(scored)[0] < ev.unlisted.most_common(1)[0][1]) and not scored:
        name, uw = ev.unlisted.most_common(1)[0]
        level = "subdistrict" if name.endswith("街道") else (
            "township" if name.endswith(("乡", "苏木")) else "town")
        return Place(None, level, name, rule="unlisted_town", confidence=0.5, town=name,
                     candidates=[Candidate(name, "unlisted_town", uw)],
                     note="not in the gazetteer: placed by its name only")
    if not scored:
        return _unplaced(ev, text, self_level)
    # a name inside another candidate gets half that candidate's weight: the chain agrees
    own = {n: sc for sc, n in scored}
    inside = _inside(ev, own)
    scored = sorted(((sc + 0.5 * sum(own[o] for o in inside.get(n, ())), n) for sc, n in scored),
                    reverse=True)
    best_score, best = scored[0]
    # the body speaks for a unit inside the winner, at the level its self-references give (a town
    # report on its district's site, under the district's banner): that unit is the speaker
    if self_level in ("town", "township", "subdistrict") and n_self >= 3:
        best_levels = {_level_of(gaz, i) for i in ev.per_name[best]["ids"]}
        if self_level not in best_levels and not ev.per_name[best]["dept"]:
            inner = [(sc, n) for sc, n in scored if best in inside.get(n, ())
                     and self_level in {_level_of(gaz, i) for i in ev.per_name[n]["ids"]}
                     and ("self_named" in ev.per_name[n]["sources"] or own[n] >= 2 * w["body"])]
            if inner:
                best_score, best = max(inner)
    entry = ev.per_name[best]
    rivals = [sc for sc, n in scored if n != best and n not in inside.get(best, ())]
    runner = rivals[0] if rivals else 0.0
    # a winner named only in the body needs several mentions and a clear lead
    if not entry["sources"] - {"body", "self_named"} and (
            best_score < w["body_min"] or best_score < 1.5 * runner):
        return _unplaced(ev, text, self_level, ranked=[Candidate(n, "body", sc) for sc, n in scored[:5]])
    return _placed(ev, best, best_score, runner, text, self_level, body_kept, page)


def _placed(ev: _Evidence, best: str, best_score: float, runner: float, text: str, self_level: str,
            body_kept: list, page: Any) -> Place:
    """The Place of the winning name: its unit (disambiguated along the gazetteer), level,
    department, zone, confidence and the candidates behind it."""
    gaz = ev.gaz
    entry = ev.per_name[best]
    ids = sorted(entry["ids"])
    uid, how, amb = _disambiguate(gaz, ids, ev.per_name, body_kept, page)
    dept = entry["dept"].most_common(1)[0][0] if entry["dept"] else ""
    if not dept and ev.dept_hints:
        dept = ev.dept_hints.most_common(1)[0][0][1]     # 区司法局 … on the district's site
    if not dept and (self_level == "department" or "我局" in text[:400]):
        dept = body_department(text)                      # 我局 … 区司法局党组书记
    if not dept:
        _lvl, dept, _ev = speaker_level(text)             # 2021年，司法厅坚持… (四川省 elsewhere)
    zone = ev.zone_in[best].most_common(1)[0][0] if ev.zone_in.get(best) else ""
    if not zone and ev.zone_names and gaz.kinds[ids[0]] in ("province", "city"):
        # the speaker is a functional area (高新区, 经济技术开发区管委会) placed only by its city or
        # province (its own name is not in the gazetteer)
        zone = ev.zone_names.most_common(1)[0][0]
    level = _level_of(gaz, uid) if uid is not None else (_level_of(gaz, ids[0]) if len({
        _level_of(gaz, i) for i in ids}) == 1 else self_level)
    conf = min(0.99, best_score / (best_score + runner) * min(1.0, best_score))
    rule = max(((s, src) for src, s in _source_weights(ev.cands, best)), default=(0, "body"))[1]
    if zone:
        level = "zone"
    written = entry["written"].most_common(1)[0][0] if entry.get("written") else best
    return Place(uid, level, zone or best, dept, written, rule + (f"+{how}" if how else ""), conf,
                 sorted(ev.cands, key=lambda c: -c.weight), amb,
                 note="" if uid is not None else f"ambiguous: {len(ids)} units named {best}")


def _source_weights(cands: list[Candidate], name: str) -> list[tuple[str, float]]:
    out: dict[str, float] = {}
    for c in cands:
        if str(c.value).startswith(name):
            out[c.rule] = out.get(c.rule, 0.0) + c.weight
    return list(out.items())


def _disambiguate(gaz, ids: list[int], per_name: dict, body_kept: list, page: Any
                  ) -> tuple[int | None, str, tuple[int, ...]]:
    """One unit among those a name may be: by the coarser names of the speaker chains, the site's
    code and name, and the body's mentions of ancestors and children."""
    if len(ids) == 1:
        return ids[0], "", ()
    w = weights()
    score = dict.fromkeys(ids, 0.0)
    for key, entry in per_name.items():
        for i in ids:
            if any(o != i and gaz.within(i, o) for o in entry["ids"]):
                score[i] += w["ancestor"] * (entry["weight"] if key.startswith("^") else 0.5)
    for uid, _how in _site_units(page):
        for i in ids:
            if gaz.within(i, uid):
                score[i] += w["site_code"]
    ancestors = {i: set(gaz.ancestors(i)) for i in ids}
    for m in body_kept:
        for i in ids:
            if any(o in ancestors[i] for o in m.ids) or any(gaz.parents[o] == i for o in m.ids):
                score[i] += w["ancestor_body"]
    # short names of the city and province in the body (福州, 福建)
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    if ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1] + 0.01):
        return ranked[0][0], "hierarchy", ()
    top = [i for i, s in ranked if s == ranked[0][1]] if ranked[0][1] > 0 else ids
    return None, "", tuple(top)
