"""Page metadata: what a scraped report page says about itself outside the report's body.

Government web pages print the publish date, the issuing unit, the column (栏目) and the site's own
name around the article: ``来源：XX区司法局  发布时间：2022-03-28 10:20`` lines, the 索引号/发文机关
tables of 政府信息公开 pages, breadcrumbs (``当前位置：首页 > 政务公开 > 法治政府建设``), footers
(``主办：XX区人民政府办公室  网站标识码：3501050001``), ``<meta name="PubDate">`` tags and the
``<title>`` (``…_XX区人民政府``). :func:`find_page_meta` collects them as labelled candidates that
the meta stage weighs; :func:`chrome_line` tells the clean stage which lines are such chrome. The
labels are data (``data/page_labels.tsv``); the regexes are compiled once, on first use.

Only the first lines (60 lines, at most 4000 characters) and the last lines (30 lines, at most 3000
characters) of a text are scanned, so the cost does not grow with the report; a text without line
breaks is scanned the same way inside its one line.

>>> m = find_page_meta("来源：仓山区城门镇人民政府  发布时间：2022-03-28 10:20\\n正文。")
>>> [(c.value, c.label) for c in m.dates], [c.value for c in m.sources]
([('2022-03-28', '发布时间')], ['仓山区城门镇人民政府'])
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass
from functools import cache
from itertools import accumulate

from fazhi.patterns import DATE, DATE_RX, IS_CJK
from fazhi.read import load_table

HEAD_LINES, HEAD_CHARS = 60, 4000
TAIL_LINES, TAIL_CHARS = 30, 3000
MAX_CHROME_LINE = 400  # characters: a longer line is never page chrome

#: which PageMeta list a label kind of ``page_labels.tsv`` fills (other kinds are chrome only)
FIELD_OF_KIND = {"date": "dates", "source": "sources", "title": "titles", "index": "others",
                 "host": "site_names", "code": "site_codes", "crumb": "breadcrumbs"}
#: RawText.page keys scanned as text lines (besides ``title`` and the ``meta:*`` keys)
PAGE_TEXT_KEYS = ("head", "breadcrumb", "foot")

_SP = "[ \t\u3000\xa0]"
_STRIP = " \t\u3000\xa0|｜[]【】:：•·▪◆■"
_BULLETS = r"[\s|｜\[\]【】•·▪◆■>＞»\-—]*"
_BULLETS_INLINE = r"[ \t\u3000\xa0|｜\[\]【】•·▪◆■>＞»\-—]*"
# a label starts a line or follows a separator, never the middle of a word (数据来源 is not 来源);
# checked in Python on the few matches, so that the label regex starts with a literal (fast scan)
_BOUNDARY = frozenset(" \t\u3000\xa0\n|｜[]【】()（）•·▪◆■>＞»》,，;；/丨:：")
_DATE_RX, _DATE = DATE_RX, DATE
_DATE_AFTER = re.compile(r"(?:[|｜]|\s)\s*((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$")
_SENT = re.compile(r"[。，！？!?]")
_CJK = IS_CJK
_COUNT = re.compile(r"\d*\s*(?:次|人次)?")
_CODE = re.compile(r"[A-Za-z]{0,4}\d{6,12}")
_CODE_LIKE = re.compile(r"[\w/\-.〔〕（）()\[\]]{1,60}")
_WIDGET = re.compile(r"[\s大中小默认标准超特\[\]【】()（）|丨/TＴAa+\-＋－]*")
_CRUMB_SEP = re.compile(r"\s*(?:>>|＞＞|»|›|>|＞|→|/|\\)\s*")
_SPACES = re.compile(r"\s+")
_SEPARATED = re.compile(r"[:：|｜\]】\s]")
_TITLE_SEP = re.compile(r"\s*(?:[_|｜—–]+|\s-\s|-)\s*")


@dataclass(frozen=True)
class Candidate:
    """One piece of page evidence: ``value`` (ISO date, unit name, title, code …), the ``label``
    as written (inner spaces removed: ``发布时间``, ``成文日期``, ``meta:PubDate``, ``bare``), the
    ``rule`` of ``page_labels.tsv`` that found it, where it came from (``origin`` ``"text"`` or a
    RawText.page key, 0-based ``line`` and character ``offset`` of the label in that origin) and
    ``whole_line``: the line is nothing but page chrome (the clean stage removes it)."""

    value: str
    label: str
    rule: str
    origin: str = "text"
    line: int = 0
    offset: int = 0
    whole_line: bool = True


@dataclass(frozen=True)
class PageMeta:
    """Labelled candidates found on a page, in the order found (text head, text tail, then page)."""

    dates: tuple[Candidate, ...] = ()
    sources: tuple[Candidate, ...] = ()
    site_names: tuple[Candidate, ...] = ()
    columns: tuple[Candidate, ...] = ()
    titles: tuple[Candidate, ...] = ()
    site_codes: tuple[Candidate, ...] = ()
    breadcrumbs: tuple[Candidate, ...] = ()
    others: tuple[Candidate, ...] = ()  # 索引号, 发文字号, meta Keywords/Description/SiteDomain

    def to_dict(self) -> dict[str, list[dict]]:
        """JSON-ready: ``{"dates": [{"value": "2022-03-28", "label": "发布时间", ...}], ...}``."""
        return {name: [asdict(c) for c in getattr(self, name)] for name in FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, list[dict]]) -> PageMeta:
        """The inverse of :meth:`to_dict`."""
        return cls(**{name: tuple(Candidate(**c) for c in data.get(name, ())) for name in FIELDS})

    def add(self, name: str, value: str, label: str, rule: str, origin: str = "metadata.csv") -> PageMeta:
        """A copy with one more candidate in list ``name`` (first: it is the user's word)."""
        extra = Candidate(value, label, rule, origin)
        return PageMeta(**{n: ((extra, *getattr(self, n)) if n == name else getattr(self, n))
                           for n in FIELDS})

    def values(self, name: str) -> list[str]:
        """Distinct values of one list, in order. ``m.values("dates")`` -> ``["2022-03-28"]``."""
        return list(dict.fromkeys(c.value for c in getattr(self, name)))


FIELDS = ("dates", "sources", "site_names", "columns", "titles", "site_codes", "breadcrumbs", "others")


@dataclass(frozen=True)
class Field:
    """A ``label: value`` field found on a line (positions are in that line)."""

    label: str  # as written, inner spaces removed
    kind: str
    rule: str
    start: int
    value_start: int
    value_end: int
    value: str


@dataclass(frozen=True)
class ChromeLine:
    """A line that is page chrome: ``rule`` (``web_date``, ``web_source``, ``web_crumb`` …), the
    span of the line to keep (a title after ``标 题：``) or None, and the kind of a label left
    without value whose value may stand on the next line (``发文日期：`` / ``2024-04-06``)."""

    rule: str
    keep: tuple[int, int] | None = None
    dangling: str | None = None


@dataclass(frozen=True)
class _Tables:
    labels: re.Pattern
    kinds: dict[str, tuple[str, str]]
    meta: dict[str, tuple[str, str]]
    site_suffix: re.Pattern
    unit_suffix: re.Pattern
    crumb_home: tuple[str, ...]
    crumb_tail: frozenset[str]
    crumb_start: re.Pattern
    date_value: re.Pattern
    prefix: re.Pattern
    host_after: re.Pattern
    nav: re.Pattern
    clock: re.Pattern
    bare: re.Pattern
    unit_end: re.Pattern
    provinces: frozenset[str]
    line_start: re.Pattern


def _spaced(word: str) -> str:
    return f"{_SP}*".join(re.escape(ch) for ch in word if not ch.isspace())


@cache
def _tables() -> _Tables:
    kinds: dict[str, tuple[str, str]] = {}
    meta: dict[str, tuple[str, str]] = {}
    lists: dict[str, list[str]] = {}
    for kind, rule, words, *_ in load_table("page_labels.tsv"):
        items = [w for w in words.split("|") if w]
        if kind == "meta":
            for name in items:
                meta[name.lower()] = (rule, name)
        elif kind in ("site_suffix", "unit_suffix", "crumb_home", "crumb_tail", "token", "province"):
            lists.setdefault(kind, []).extend(items)
        else:
            for label in items:
                kinds.setdefault(label, (kind, rule))
    alt = "|".join(_spaced(w) for w in sorted(kinds, key=len, reverse=True))
    labels = re.compile(rf"(?P<label>{alt})(?P<sep>{_SP}*[:：|｜\]】]+)?")
    tokens = "|".join(re.escape(t) for t in sorted(lists.get("token", []), key=len, reverse=True))
    trail = rf"(?:[\s|｜\[\]【】]*(?:{tokens}))*[\s|｜\[\]【】]*"
    home = tuple(lists.get("crumb_home", []))
    home_alt = "|".join(_spaced(h) for h in home)
    site = "|".join(re.escape(s) for s in sorted(lists.get("site_suffix", []), key=len, reverse=True))
    unit = "|".join(re.escape(s) for s in sorted(lists.get("unit_suffix", []), key=len, reverse=True))
    site_name = rf"[\u4e00-\u9fff]{{2,30}}?(?:{site})"  # 福州市晋安区人民政府 (before a navigation row)
    numeric_date = (r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:[\sT-]+\d{1,2}:\d{2}(?::\d{2})?)?"
                    # a Chinese date with its time (2023年03月30日 09时24分): a page's, not a clock's
                    r"|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*\d{1,2}(?:时|[:：])\d{2}(?:分|[:：]\d{2})?")
    return _Tables(
        labels=labels, kinds=kinds, meta=meta,
        site_suffix=re.compile(rf"(?:{site})$"),
        unit_suffix=re.compile(rf"^.*?(?:{unit})(?=.)|^.*(?:{unit})"),
        crumb_home=home, crumb_tail=frozenset(lists.get("crumb_tail", [])),
        crumb_start=re.compile(rf"^[\s•·]*(?:(?:{home_alt})\s*(?:>>|>|＞|»|›|→|/)|(?:>>|＞＞|»|>)\s*\S)"),
        date_value=re.compile(rf"{_DATE_RX}{trail}"),
        prefix=re.compile(rf"{_BULLETS}(?:(?P<bare>{numeric_date}){_BULLETS})?"),
        host_after=re.compile(r"(?:^|(?<=[\s|｜]))(?:本网站由|本站由|由)?(?P<v>[\u4e00-\u9fff（）()·]{2,40}?)"
                              r"\s*(?P<label>主办|版权所有)(?=$|[\s|｜])"),
        nav=re.compile(rf"^\s*(?:{site_name}{_SP}+)?(?:{home_alt})(?:{_SP}+[\u4e00-\u9fff]{{2,8}}){{3,}}\s*$"),
        clock=re.compile(rf"^\s*(?:[\u4e00-\u9fff]{{2,30}}{_SP}*)?{_DATE_RX}\s*$"),
        # a bare date, maybe followed by the site's name (2025-04-27 10:14 黑龙江省人民政府网)
        bare=re.compile(rf"^{_BULLETS}(?P<d>{numeric_date}){trail}(?:{_SP}+{site_name}{trail})?$"),
        unit_end=re.compile(rf"(?:{unit})$"),
        provinces=frozenset(lists.get("province", [])),
        line_start=re.compile(rf"^{_BULLETS_INLINE}(?:(?:19|20)\d{{2}}|{alt}|{home_alt}|>|＞|»|"
                              rf"{site_name}{_SP}+(?:{home_alt}))", re.M),
    )


# --- fields on one line ---------------------------------------------------------------------------

def parse_fields(line: str) -> list[Field]:
    """The ``label: value`` fields of one line; a value runs to the next label.

    ``parse_fields("来源：城门镇  发布时间：2022-03-28")`` -> fields 来源 = 城门镇, 发布时间 = 2022-03-28.
    A label that is not written as one (no ``：``, ``|`` or ``]`` after it, not spaced out like
    ``发 布 机 构``) counts only when a date or a number follows (``发布时间 2022-03-28``).
    """
    t = _tables()
    matches = []
    m = t.labels.search(line)
    while m is not None:  # a match inside a word is retried one character later (人民政府  网站标识码)
        if (not m.start() or line[m.start() - 1] in _BOUNDARY
                or (m.group("sep") and t.unit_end.search(line[:m.start()]))):  # 来源:XX区司法局时间:…
            matches.append(m)
            m = t.labels.search(line, m.end())
        else:
            m = t.labels.search(line, m.start() + 1)
    if not matches:
        return []
    kept = []
    for i, m in enumerate(matches):
        label = m.group("label")
        kind, rule = t.kinds[_SPACES.sub("", label)]
        explicit = bool(m.group("sep")) or any(ch.isspace() for ch in label)
        if not explicit:
            nxt = line[m.end():m.end() + 1]
            if nxt and not (nxt.isspace() or nxt.isdigit()):
                continue  # 来源于群众, 时间紧: a word, not a label
            end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
            value = line[m.end():end].strip(_STRIP)
            if kind in ("date", "expiry"):
                if not _DATE.match(value):
                    continue
            elif kind == "count":
                if not _COUNT.fullmatch(value):
                    continue
            elif kind == "widget":
                if not _WIDGET.fullmatch(value):
                    continue
            else:
                continue
        kept.append((m, kind, rule))
    out = []
    for i, (m, kind, rule) in enumerate(kept):
        end = kept[i + 1][0].start() if i + 1 < len(kept) else len(line)
        raw = line[m.end():end]
        lead = len(raw) - len(raw.lstrip(_STRIP))
        value = raw.strip(_STRIP)
        vs = m.end() + lead
        out.append(Field(_SPACES.sub("", m.group("label")), kind, rule, m.start(), vs, vs + len(value), value))
    return out


_TITLE_KINDS = frozenset({"title"})


def label_at_start(line: str) -> str | None:
    """The page label a line opens with (``发布机构屏边县新华乡人民政府`` -> ``"发布机构"``), even when
    no colon follows it (a scraped table), or None. A title label (标题) is not counted: its value
    is the title. ``label_at_start("来源于群众")`` -> None (a word, not a label)."""
    t = _tables()
    m = t.labels.match(line.lstrip(_STRIP + "-—•·"))
    if not m:
        return None
    label = _SPACES.sub("", m.group("label"))
    kind = t.kinds[label][0]
    if kind in _TITLE_KINDS or len(label) < 3 and not m.group("sep"):
        return None  # 标题 keeps its value; a short label without a colon may be a word (时间紧)
    return label


def value_ok(kind: str, value: str) -> bool:
    """Whether ``value`` is a plausible value of a ``kind`` field on a chrome line (empty is).
    ``value_ok("source", "城门镇人民政府")`` -> True; ``value_ok("source", "据统计，全年…")`` -> False."""
    if not value:
        return True
    if kind in ("date", "expiry"):
        return bool(_tables().date_value.fullmatch(value))
    if kind in ("source", "host", "operator", "other", "index"):
        return len(value) <= 60 and not _SENT.search(value)
    if kind == "title":
        return len(value) <= 120 and "。" not in value
    if kind == "count":
        return bool(_COUNT.fullmatch(value))
    if kind == "widget":
        return bool(_WIDGET.fullmatch(value))
    if kind == "code":  # ICP/公网安备 numbers may follow on the same line
        return bool(_CODE.match(value)) and not _SENT.search(value)
    if kind == "crumb":
        return crumb_items(value) is not None
    return False


def crumb_items(value: str) -> list[str] | None:
    """Items of a breadcrumb, or None when ``value`` is not one.
    ``crumb_items("首页 > 政务公开 > 法治政府建设")`` -> ``["首页", "政务公开", "法治政府建设"]``."""
    t = _tables()
    parts = _CRUMB_SEP.split(value.strip(_STRIP))
    has_sep = len(parts) > 1
    items = [p.strip() for p in parts if p.strip() and p.strip() not in ("...", "…", "……")]
    if not items:
        return None
    last = items[-1].split()
    if len(last) > 1:  # a one-line text: the title follows the last item
        items[-1] = last[0]
    if not has_sep and _SPACES.sub("", items[0]) not in t.crumb_home:
        return None
    if any(len(i) > 30 or _SENT.search(i) for i in items):
        return None
    return items


def _dangling_ok(kind: str, value: str) -> bool:
    """A value on the line after a label left without one (only unmistakable kinds)."""
    if kind in ("date", "expiry"):
        return bool(_tables().date_value.fullmatch(value))
    if kind in ("index", "code"):
        return bool(_CODE_LIKE.fullmatch(value) or _CODE.fullmatch(value)) and len(value) <= 60 \
            and not _SENT.search(value)
    if kind == "crumb":
        return bool(_tables().crumb_start.match(value)) and crumb_items(value) is not None
    if kind == "source":
        return len(value) <= 30 and not _SENT.search(value) and bool(
            _tables().site_suffix.search(value) or re.search(r"(?:局|办|镇|乡|街道|中心|办公室)$", value))
    return False


def chrome_line(line: str, fields: list[Field] | None = None, *, after: str | None = None) -> ChromeLine | None:
    """If the whole line is page chrome, how to remove it; else None.

    Chrome: ``label: value`` fields only (``来源：XX区司法局  发布时间：2022-03-28 10:20  浏览次数：``,
    ``| 发布日期: | 2021-03-30 |``, ``索 引 号：…  主题分类：…``), a breadcrumb (``首页 > 政务公开``),
    a navigation row, a bare ``2020-12-22 11:50`` line, a site clock (``2019年12月3日星期二``).
    ``after`` is the ``dangling`` kind of the line before (its value may stand on this line).
    A sentence that merely contains 来源 or 时间 is not chrome: every value must fit its kind.
    """
    t = _tables()
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_CHROME_LINE:
        return None  # a long line is prose (or a whole one-line text), never chrome
    if fields is None:
        fields = parse_fields(line)
    if fields:
        prefix = t.prefix.fullmatch(line[:fields[0].start])
        if prefix is None or not all(value_ok(f.kind, f.value) for f in fields):
            return None
        keep = next(((f.value_start, f.value_end) for f in fields if f.kind == "title" and f.value), None)
        last = fields[-1]
        dangling = last.kind if not last.value else None
        kind = "date" if prefix.group("bare") else fields[0].kind
        return ChromeLine(f"web_{kind}", keep, dangling)
    if after and _dangling_ok(after, stripped):
        return ChromeLine(f"web_{after}")
    if t.crumb_start.match(line) and crumb_items(stripped) is not None:
        return ChromeLine("web_crumb")
    if t.nav.match(line):
        return ChromeLine("web_nav")
    m = t.bare.match(line)
    if m and re.search(r"\d:\d", m.group("d")):  # a bare date without a time may be a signature
        return ChromeLine("web_date")
    m = t.clock.match(line)
    if m and m.group("wd"):
        return ChromeLine("web_clock")
    return None


def chrome_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans of ``text`` to remove as page chrome (see :func:`chrome_line`): whole lines with their
    newline, or, for a ``标 题：…`` line, the label and the other fields around the title text.
    Only lines that start like chrome are parsed (one regex scan of the text finds them); the line
    after a label left without value is checked too (``• 发文日期：`` / ``2024年04月06日``).
    ``chrome_spans("发布时间：2022-03-28\\n正文")`` -> ``[(0, 19, "web_date")]``.
    """
    t = _tables()
    spans: list[tuple[int, int, str]] = []
    done = -1
    n = len(text)
    for m in t.line_start.finditer(text):
        start = m.start()
        if start < done:
            continue
        end = text.find("\n", start)
        end = n if end < 0 else end
        ch = chrome_line(text[start:end])
        _add_line(text, start, end, ch, spans)
        done = end
        while ch is not None and ch.dangling and end < n:
            start = end + 1  # the next non-blank line may hold the value
            while start < n and text[start] == "\n":
                start += 1
            end = text.find("\n", start)
            end = n if end < 0 else end
            ch = chrome_line(text[start:end], after=ch.dangling)
            _add_line(text, start, end, ch, spans)
            done = end
    return spans


def _add_line(text: str, start: int, end: int, ch: ChromeLine | None, spans: list) -> None:
    if ch is None:
        return
    full_end = end + 1 if end < len(text) else end
    if ch.keep is None:
        spans.append((start, full_end, ch.rule))
        return
    ks, ke = ch.keep
    if ks > 0:
        spans.append((start, start + ks, "web_title_label"))
    if start + ke < end:
        spans.append((start + ke, end, "web_title_label"))


# --- candidates -----------------------------------------------------------------------------------

def _iso(m: re.Match) -> str | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not (1 <= mo <= 12 and 1 <= d <= 31) or m.group("wd"):
        return None  # a site's clock (星期二) is today's date, not the page's
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _unit(value: str) -> str:
    """The unit name at the start of a value: up to a space, a separator or sentence punctuation;
    a long run (a one-line text, the body follows) is cut after its last unit-name ending."""
    v = re.split(r"[\s|｜，。,;；：:（(【\[]", value, maxsplit=1)[0].strip(_STRIP)
    if len(v) > 20:
        m = _tables().unit_suffix.match(v[:40])
        if m:
            v = m.group()
    return v


def _extract(kind: str, value: str) -> list[str]:
    if not value:
        return []
    if kind == "date":
        m = _DATE.match(value)
        iso = _iso(m) if m else None
        return [iso] if iso else []
    if kind == "source":
        v = _unit(value)
        after = value[len(v):len(v) + 1]
        if after and _SENT.match(after) or after in ("；", ";"):
            return []  # 来源：根据群众反映，… is a sentence, not a unit
        return [v] if len(_CJK.findall(v)) >= 2 else []
    if kind == "host":
        out = []
        for tok in re.split(r"[\s|｜，,;；]+", value):
            tok = re.sub(r"^(?:本网站由|本站由|由)", "", tok.strip(_STRIP))
            if re.fullmatch(r"[\u4e00-\u9fff（）()·]{2,40}", tok):  # not 闽ICP备… or a phone number
                out.append(tok)
            if len(out) == 3:
                break
        return out
    if kind == "title":
        v = re.split(r"\s{2,}|[|｜\t]", value, maxsplit=1)[0].strip(_STRIP)
        return [v] if len(_CJK.findall(v)) >= 4 and len(v) <= 120 else []
    if kind == "index":
        v = value.split()[0].strip(_STRIP) if value.split() else ""
        return [v] if v and v not in ("-", "无", "—") else []
    if kind == "code":
        m = _CODE.match(value)
        return [m.group()] if m else []
    if kind == "crumb":
        items = crumb_items(value)
        return [" > ".join(items)] if items else []
    return []


class _Acc:
    def __init__(self) -> None:
        self.lists: dict[str, list[Candidate]] = {name: [] for name in FIELDS}

    def add(self, name: str, value: str, label: str, rule: str, origin: str, line: int, offset: int,
            whole: bool) -> None:
        self.lists[name].append(Candidate(value, label, rule, origin, line, offset, whole))

    def crumb(self, value: str, label: str, rule: str, origin: str, line: int, offset: int, whole: bool) -> None:
        items = crumb_items(value)
        if not items:
            return
        self.add("breadcrumbs", " > ".join(items), label, rule, origin, line, offset, whole)
        t = _tables()
        cols = [i for i in items if _SPACES.sub("", i) not in t.crumb_home and i not in t.crumb_tail]
        if cols:
            self.add("columns", cols[-1], label, rule, origin, line, offset, whole)

    def result(self) -> PageMeta:
        return PageMeta(**{name: tuple(v) for name, v in self.lists.items()})


def _scan(seg: str, origin: str, line0: int, off0: int, acc: _Acc, *, footer: int | None) -> None:
    """Collect candidates from the lines of one window of text; footer names written after the
    name (``XX区人民政府办公室主办``) are looked for from line ``footer`` of the window on."""
    t = _tables()
    lines = seg.split("\n")
    starts = list(accumulate((len(x) + 1 for x in lines[:-1]), initial=0))
    # lines worth parsing: those that start like chrome (one regex scan of the window) and those
    # with a separator a label needs (：|】 or a space); prose lines without either are skipped
    todo = {bisect_right(starts, m.start()) - 1 for m in t.line_start.finditer(seg)}
    todo.update(k for k, x in enumerate(lines) if _SEPARATED.search(x.strip()))
    dangling: Field | None = None
    for k, line in enumerate(lines):
        here, at = line0 + k, off0 + starts[k]
        if footer is not None and k >= footer and ("主办" in line or "版权所有" in line):
            for m in t.host_after.finditer(line):
                if "由" not in m.group("v") and "的" not in m.group("v"):
                    acc.add("site_names", m.group("v"), m.group("label"), "host_after", origin, here,
                            at + m.start("v"), chrome_line(line) is not None)
        if not line.strip() or (k not in todo and dangling is None):
            continue
        fields = parse_fields(line)
        whole = chrome_line(line, fields) is not None
        if t.crumb_start.match(line):  # a breadcrumb without label: 首页 > 政务公开 > …
            lead = line[:fields[0].start] if fields else line
            items = crumb_items(lead)
            if items and not (dangling is not None and dangling.kind == "crumb"):
                label = items[0] if _SPACES.sub("", items[0]) in t.crumb_home else ""
                acc.crumb(lead, label, "crumb_bare", origin, here, at, whole)
        if not fields:
            value = line.strip()
            if dangling is not None and _dangling_ok(dangling.kind, value):
                name = FIELD_OF_KIND.get(dangling.kind)
                if dangling.kind == "crumb":
                    acc.crumb(value, dangling.label, dangling.rule, origin, here, at, True)
                elif name:
                    for v in _extract(dangling.kind, value):
                        acc.add(name, v, dangling.label, dangling.rule, origin, here, at, True)
                dangling = None
                continue
            dangling = None
            m = t.bare.match(line)
            d = _DATE.match(m.group("d")) if m else None
            if d is None and len(line) > 200:  # a one-line text may start with its date
                d = _DATE.match(value)
                d = d if d and d.group("s1") != "年" else None
            iso = _iso(d) if d else None
            if iso:
                acc.add("dates", iso, "bare", "date_bare", origin, here, at, m is not None)
        else:
            prefix = t.prefix.fullmatch(line[:fields[0].start])
            bare = prefix.group("bare") if prefix else None
            if bare:
                d = _DATE.match(bare)
                iso = _iso(d) if d else None
                if iso:
                    acc.add("dates", iso, "bare", "date_bare", origin, here, at, whole)
            for f in fields:
                name = FIELD_OF_KIND.get(f.kind)
                if f.kind == "crumb":
                    acc.crumb(f.value, f.label, f.rule, origin, here, at + f.start, whole)
                elif name:
                    for v in _extract(f.kind, f.value):
                        acc.add(name, v, f.label, f.rule, origin, here, at + f.start, whole)
                if f.kind == "source":  # 来源：新华社 | 2014-03-14 10:58 — a date after the source
                    dm = _DATE_AFTER.search(f.value)
                    iso = _iso(_DATE.match(dm.group(1))) if dm and _DATE.match(dm.group(1)) else None
                    if iso:
                        acc.add("dates", iso, f.label, "date_after_source", origin, here,
                                at + f.start, whole)
            last = fields[-1]
            dangling = last if not last.value else None


def windows(text: str) -> list[tuple[int, int]]:
    """Where page chrome can be: the first lines (60, at most 4000 characters) and the last (30,
    at most 3000), as (start, end) offsets, line-aligned; one window for a short text."""
    head = _head_end(text)
    tail = _tail_start(text, head)
    return [(0, len(text))] if tail <= head else [(0, head), (tail, len(text))]


def _head_end(text: str) -> int:
    limit = min(len(text), HEAD_CHARS)
    pos = 0
    for _ in range(HEAD_LINES):
        j = text.find("\n", pos, limit)
        if j < 0:
            return limit
        pos = j + 1
    return pos


def _tail_start(text: str, floor: int) -> int:
    start = max(floor, len(text) - TAIL_CHARS)
    pos = len(text.rstrip("\n"))
    for _ in range(TAIL_LINES):
        j = text.rfind("\n", start, pos)
        if j < 0:
            return start
        pos = j
    return pos + 1


def split_title(title: str) -> tuple[str, list[str], str]:
    """A page ``<title>`` -> (article title, middle parts (columns), site name); missing parts "".

    ``split_title("城门镇2021年法治政府建设年度报告_政务公开_福州市仓山区人民政府")`` ->
    ``("城门镇2021年法治政府建设年度报告", ["政务公开"], "福州市仓山区人民政府")``.
    A hyphen splits only before a site name, so ``（2021-2025年）`` stays in the title.
    """
    t = _tables()
    rest = " ".join(title.split())
    site = ""
    for m in reversed(list(_TITLE_SEP.finditer(rest))):
        right = rest[m.end():].strip()
        if right and len(right) <= 30 and t.site_suffix.search(right) and _CJK.search(rest[:m.start()]):
            site, rest = right, rest[:m.start()].strip()
            break
    if not site and len(rest) <= 30 and t.site_suffix.search(rest) and not _TITLE_SEP.search(rest):
        return "", [], rest
    parts = [p for p in re.split(r"\s*[_|｜]+\s*", rest) if p]
    if not parts:
        return "", [], site
    middle = [p for p in parts[1:] if len(p) <= 15]
    return parts[0], middle, site


def _scan_page(page: dict[str, str], acc: _Acc) -> None:
    t = _tables()
    for key, value in page.items():
        if not key.startswith("meta:") or not value.strip():
            continue
        name = key[5:]
        target, canon = t.meta.get(name.lower(), ("", name))
        value = " ".join(value.split())
        label = f"meta:{canon}"
        if target == "dates":
            m = _DATE.search(value)
            iso = _iso(m) if m else None
            if iso:
                acc.add("dates", iso, label, "meta", key, 0, 0, True)
        elif target == "site_codes":
            m = _CODE.search(value)
            if m:
                acc.add("site_codes", m.group(), label, "meta", key, 0, 0, True)
        elif target in FIELDS:
            acc.add(target, value[:200], label, "meta", key, 0, 0, True)
    if page.get("title", "").strip():
        art, middle, site = split_title(page["title"])
        if art:
            acc.add("titles", art, "<title>", "title_tag", "title", 0, 0, True)
        for col in middle:
            acc.add("columns", col, "<title>", "title_tag", "title", 0, 0, True)
        if site:
            acc.add("site_names", site, "<title>", "title_tag", "title", 0, 0, True)
    for key in PAGE_TEXT_KEYS:
        if page.get(key):
            seg = page[key][:HEAD_CHARS] if key != "foot" else page[key][-TAIL_CHARS:]
            _scan(seg, key, 0, 0, acc, footer=0 if key == "foot" else None)


def find_page_meta(raw_text: str, page: dict[str, str] | None = None) -> PageMeta:
    """Candidates for the page's dates, sources, site names, columns, titles, site codes and
    breadcrumbs, from the first and last lines of ``raw_text`` (the text before cleaning) and from
    a web page's ``page`` dict (:attr:`fazhi.read.RawText.page`: ``meta:*``, ``title``, ``head``,
    ``breadcrumb``, ``foot``). Pure and cheap: the middle of a long text is never read.

    >>> find_page_meta("当前位置：首页 > 政务公开 > 法治政府建设\\n正文。").columns[0].value
    '法治政府建设'
    """
    acc = _Acc()
    text = raw_text or ""
    head_end = _head_end(text)
    head = text[:head_end]
    if head_end < len(text):
        _scan(head, "text", 0, 0, acc, footer=None)
        start = _tail_start(text, head_end)
        _scan(text[start:], "text", text.count("\n", 0, start), start, acc, footer=0)
    else:  # a short text: one window, its last lines are the footer
        _scan(head, "text", 0, 0, acc, footer=max(0, head.count("\n") + 1 - TAIL_LINES))
    if page:
        _scan_page(page, acc)
    return acc.result()


def site_code_division(code: str) -> str | None:
    """The six-digit division code that a 网站标识码 starts with, or None when the code is not a
    local government's (``bm…`` codes of central departments, wrong lengths, placeholders).

    On real pages the first six digits are the division of the government that runs the site: a
    county portal's code for every town page it hosts, the city's for a zone without a code of its
    own. ``site_code_division("3501050001")`` -> ``"350105"``.
    """
    if not re.fullmatch(r"\d{10}|\d{12}", code) or len(set(code)) == 1 or code.startswith("123456"):
        return None
    provinces = _tables().provinces
    if provinces and code[:2] not in provinces:
        return None
    return code[:6]
