"""Meta stage: one evidence-weighted resolver for title, kind, year, dates, place and level.

Every field is decided the same way: candidates come from every source — the title, the issuing
body and the signature, the page's own metadata (date, 来源, site name and code), the file name, the
body's self-references, and (weakly) mentions in the body — each with a weight (``data/evidence.tsv``)
and the rule that produced it. The winner keeps its value, rule, source and a confidence; the losers
are kept as ``candidates`` so ``fazhi info --explain`` can say why they lost, and a field whose
evidence does not decide is left empty with ``ambiguous`` set. Never a silent first guess.

**Who is speaking decides the place.** A report names many places it is not (the county that
supervises it, aid partners, cities visited); the reporting unit is the one in the title, issuing
body, signature, page metadata, file name, or in the body's self-references (我镇, "X镇党委、政府").
Places are units of the township-level gazetteer (:mod:`fazhi.gazetteer`): a town must lie in the
chosen district, the district in the chosen city; a historic name stands for the unit it became.

``report_year`` is the year whose work the report reviews (a 2014年政府工作报告 reviews 2013; plans
headed 2021年工作计划 imply 2020; a signature in December means that year); ``plan_year`` is the
year whose plans it gives when the text names it. ``publish_date`` comes from the page's date
lines, else the signature; ``signed_date`` is the signature's (or 成文日期) date.

>>> m = infer_meta("马尾区亭江镇2020年度法治政府建设工作报告\n一、……")
>>> (m["town"], m["district"], m["city"], m["province"], m["report_year"])
('亭江镇', '马尾区', '福州市', '福建省', 2020)


The package: :mod:`~fazhi.meta.rules` (word lists and weights as data), :mod:`~fazhi.meta.text`
(folding, numerals, lines), :mod:`~fazhi.meta.evidence` (candidates and decisions),
:mod:`~fazhi.meta.names` (place names in a text), :mod:`~fazhi.meta.title`, :mod:`~fazhi.meta.dates`,
:mod:`~fazhi.meta.place` (who is speaking) and here :func:`infer_meta`, which puts them together.
"""

from __future__ import annotations

from typing import Any

from fazhi.meta.dates import (
    _page_date_candidates,
    _year_candidates,
    find_publish_date,
    find_report_year,
    find_signature_date,
    meeting_date,
)
from fazhi.meta.evidence import Candidate, Decision, decide
from fazhi.meta.names import (
    _common_chain,
    _gaz,
    find_level_from_self,
    find_towns,
    gazetteer_path,
    is_town_name,
)
from fazhi.meta.place import Place, Speaker, _speakers, resolve_place
from fazhi.meta.rules import _zone_regex, weights
from fazhi.meta.text import _fold_long, fold
from fazhi.meta.title import (
    _TITLE_WORDS,
    clean_page_title,
    find_kind,
    find_title,
    title_lines,
    trim_title,
)
from fazhi.pagemeta import find_page_meta
from fazhi.vocab import LEVELS, Level

__all__ = [
    "FIELDS", "LEVELS", "PLACE_FIELDS", "Candidate", "Decision", "Level", "Place", "Speaker",
    "clean_page_title", "decide", "find_kind", "find_level_from_self", "find_publish_date",
    "find_report_year", "find_signature_date", "find_title", "find_towns", "fold", "gazetteer_path",
    "infer_meta", "is_town_name", "resolve_place", "title_lines", "trim_title", "weights",
]






PLACE_FIELDS = ("town", "district", "city", "province")


FIELDS = ("title", "kind", "report_year", "plan_year", "publish_date", "signed_date", "unit",
          "department", "town", "district", "city", "province", "level", "division_code")


def infer_meta(text: str, *, raw: str | None = None, page: Any = None, file: str = "",
               scan_chars: int = 20000) -> dict:
    """Metadata fields of one cleaned text, plus ``meta_rules`` {field: {rule, confidence, …}}.

    ``raw`` is the text before cleaning (its chrome lines hold the page's date and source),
    ``page`` the page metadata (:func:`fazhi.pagemeta.find_page_meta`), ``file`` the file's name
    relative to the corpus folder. Fields the evidence does not decide stay empty.
    """
    rules: dict[str, dict] = {}
    head = _fold_long(text[:scan_chars])
    title, issuers, _ = title_lines(head)
    tsource = "title_line"
    if not title:
        for t in getattr(page, "titles", None) or ():
            value = clean_page_title(getattr(t, "value", t))
            if value and _TITLE_WORDS.search(value):
                title, tsource = value, "page_title"
                break
    if title:
        rules["title"] = {"rule": tsource, "confidence": 0.9 if tsource == "title_line" else 0.8}
    kind, krule, kconf = find_kind(fold(title), head)
    rules["kind"] = {"rule": krule, "confidence": kconf}

    if page is None:
        page = find_page_meta(raw if raw is not None else text)
    pub_c, signed_c = _page_date_candidates(page)
    sig, sig_line = find_signature_date(text)
    if sig:
        signed_c.append(Candidate(sig, "signature_date", 0.8, sig_line))
    signed = decide(signed_c, margin=1.01)
    pub = decide(pub_c, margin=1.01)
    publish_date = pub.value or ""
    if publish_date:
        rules["publish_date"] = pub.as_rule()
    elif sig:
        publish_date = sig
        rules["publish_date"] = {"rule": "signature_date", "confidence": 0.7}
    elif signed.value:   # only a 成文日期 on the page
        publish_date = signed.value
        rules["publish_date"] = {"rule": "page_signed_date", "confidence": 0.6}
    else:                # a work report delivered at a meeting: ——2019年3月2日在…人民代表大会…
        delivered = meeting_date(head[:800])
        if delivered:
            publish_date = delivered
            rules["publish_date"] = {"rule": "meeting_date", "confidence": 0.6}
    signed_date = signed.value or ""
    if signed_date:
        rules["signed_date"] = signed.as_rule()

    years, plans = _year_candidates(title, head[:3000] + "\n" + text[-3000:], file=file,
                                    publish=pub.value or "", signed=signed_date, kind=kind)
    year = decide(years, margin=1.2)
    if year.value:
        rules["report_year"] = year.as_rule()
    elif year.ambiguous:
        rules["report_year"] = year.as_rule()
    plan = decide(plans, margin=1.2)
    plan_year = plan.value
    if plan_year and year.value and plan_year <= year.value:
        plan_year = None
    if plan_year:
        rules["plan_year"] = plan.as_rule()

    place = resolve_place(head, _speakers(title, issuers, text, page, file), page)
    gaz = _gaz()
    town = district = city = province = ""
    code = ""
    if place.uid is not None:
        province, city, district, town = gaz.chain(place.uid)
        code = gaz.code(place.uid)
        if place.written and place.written in gaz.aliases and gaz.aliases[place.written] != gaz.names[place.uid]:
            place.note = f"written as {place.written}"
    elif place.town:
        town = place.town
    elif place.ambiguous_ids:
        province, city, district, town = _common_chain(gaz, place.ambiguous_ids)
        names = {gaz.names[i] for i in place.ambiguous_ids}
        kinds = {gaz.kinds[i] for i in place.ambiguous_ids}
        if len(names) == 1 and kinds == {"town"}:
            town = names.pop()       # the name is certain, where it lies is not
        elif len(names) == 1 and kinds == {"county"}:
            district = names.pop()
        place.note = place.note or "ambiguous"
    if place.level == "national":
        unit = place.unit or "国务院"
    else:
        unit_place = "".join(dict.fromkeys(x for x in (province if province != city else "", city,
                                                       district, town) if x))
        unit = (unit_place + place.department) if unit_place else place.unit
        if place.level == "zone" and place.unit and place.unit not in unit:
            unit = place.unit
    level = place.level
    if place.uid is not None and place.written in gaz.aliases:
        if _zone_regex().fullmatch(place.written):
            level, unit = "zone", place.written   # 平潭综合实验区 stands in for 平潭县
        elif place.written[-1] in "县旗市" and level == "district":
            level = "county"  # written when it was a county (沙县, since 2021 沙县区)
    prule = {"rule": place.rule, "confidence": round(place.confidence, 2)}
    if place.note:
        prule["note"] = place.note
    urule = dict(prule, written=place.written) if place.written else dict(prule)
    if place.ambiguous_ids:
        prule["ambiguous"] = urule["ambiguous"] = True
        prule["candidates"] = urule["candidates"] = [
            "/".join(x for x in gaz.chain(i) if x) for i in place.ambiguous_ids[:8]]
    elif len(place.candidates) > 1:
        urule["candidates"] = [c.as_dict() for c in place.candidates[:6]]
    for f, v in (("town", town), ("district", district), ("city", city), ("province", province),
                 ("division_code", code)):
        if v:
            rules[f] = dict(prule)
        elif place.ambiguous_ids and f != "division_code":
            rules[f] = dict(prule, rule="ambiguous", confidence=0.0)  # unknown because ambiguous
    if unit:
        rules["unit"] = urule
    if place.department:
        rules["department"] = dict(prule)
    if level:
        rules["level"] = {"rule": place.rule if place.uid is not None or place.level in ("national", "zone")
                          else (place.rule or "self_reference"),
                          "confidence": round(place.confidence, 2) if place.confidence else 0.5}
    return {
        "title": title, "kind": kind, "report_year": year.value, "plan_year": plan_year,
        "publish_date": publish_date, "signed_date": signed_date, "unit": unit,
        "department": place.department, "town": town, "district": district, "city": city,
        "province": province, "level": level, "division_code": code, "meta_rules": rules,
    }
