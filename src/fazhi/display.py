"""Small helpers the notebooks share: escaped HTML, Chinese-labelled tables, region selection.

Everything that turns report text into HTML goes through :func:`html.escape` here, so a report
containing ``<script>`` shows the tag literally. Tables are returned as pandas DataFrames (whose HTML
repr escapes cell text); never use a ``Styler`` or Markdown on report text.

>>> from fazhi import display as fd
>>> fd.heading("广东省：法治政府建设报告")  # doctest: +SKIP
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from fazhi.vocab import LEVEL_LABELS as VOCAB_LEVEL_LABELS
from fazhi.vocab import (
    PART_LABELS,
    REGION_LABELS,
    REGION_LEVELS,
    UNKNOWN,
    RegionLevel,
    is_unknown,
    label,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from fazhi.corpus import Corpus

# levels of grouping (--by) and their labels; the level column's own labels are LEVEL_NAMES
Level = RegionLevel
LEVELS = REGION_LEVELS
LEVEL_LABELS = REGION_LABELS

# Chinese column headers for the tables shown to readers
COLUMN_LABELS = {
    "doc_id": "文档", "file": "文件", "title": "标题", "kind": "报告类型", "report_year": "年度",
    "publish_date": "发布日期", "province": "省", "city": "市", "district": "区县",
    "town": "乡镇（街道）", "level": "层级", "n_chars": "字数", "part": "部分",
    "term": "词语", "count": "次数", "docs": "文档数", "per_10k": "每万词", "rank": "排名",
    "score": "得分", "n_target": "目标频次", "n_reference": "参照频次", "g2": "G²", "chi2": "χ²",
    "p": "p 值", "log_ratio": "对数比", "count_before": "之前次数", "count_after": "之后次数",
    "per_10k_before": "之前每万词", "per_10k_after": "之后每万词", "trend": "走势",
    "theme": "主题", "hits": "命中", "n_units": "单位数", "share": "占比",
    "neighbour": "最相近", "similarity": "相似度", "left": "左文", "keyword": "关键词",
    "right": "右文", "start": "起", "end": "止", "doc_a": "文档甲", "doc_b": "文档乙",
    "file_a": "文件甲", "file_b": "文件乙", "text": "文字", "length": "长度",
    "boilerplate": "套话", "n_passages": "共享段数", "reused_chars": "共享字数",
    "partners": "来源文档数", "category": "类别", "subject": "主体", "value": "数值",
    "unit": "单位", "qualifier": "限定", "sentence": "句子", "n_facts": "条数", "total": "合计",
    "n_docs": "报告数", "docs_with_term": "含该词报告数", "n_tokens": "词数",
}

LEVEL_NAMES = VOCAB_LEVEL_LABELS


# document fields whose missing values tables show as UNKNOWN (the grouping fields of the analyses)
META_FIELDS = ("report_year", "publish_date", "province", "city", "district", "town", "level",
               "title", "kind", "neighbour", "region")


def labels(values) -> list[str]:
    """:func:`label` of each value (a Series, array or list)."""
    return [label(v) for v in values]


def label_columns(df: pd.DataFrame) -> pd.DataFrame:
    """The same table for readers: Chinese column headers (unknown columns keep their names) and
    unknown values of the document fields (年度, 省 … 乡镇, 标题, 发布日期) shown as （不明）.

    >>> label_columns(kwic(corpus, "民法典")).columns[:3].tolist()  # doctest: +SKIP
    ['文档', '文件', '部分']
    """
    fields = [c for c in df.columns if c in META_FIELDS]
    if fields:
        df = df.assign(**{c: labels(df[c]) for c in fields})
    return df.rename(columns={c: COLUMN_LABELS.get(c, c) for c in df.columns})


def _html(markup: str):
    from IPython.display import HTML

    return HTML(markup)


def heading(text: str, level: int = 2):
    """An HTML heading whose text is escaped (for headings built from region names or titles)."""
    level = min(max(int(level), 1), 6)
    return _html(f"<h{level}>{html.escape(str(text))}</h{level}>")


def message(text: str, kind: Literal["info", "warning"] = "info"):
    """A short escaped notice box (e.g. "no report for this region")."""
    colour = {"info": "#2c6fbb", "warning": "#c0392b"}[kind]
    return _html(f'<div style="border-left:4px solid {colour};padding:.4em .8em;margin:.6em 0">'
                 f"{html.escape(str(text))}</div>")


def html_table(df: pd.DataFrame, *, caption: str | None = None, index: bool = False) -> str:
    """Escaped HTML of a DataFrame (cell text and caption escaped)."""
    body = df.to_html(index=index, escape=True, border=0, na_rep="")
    if caption:
        body = body.replace(">", f"><caption>{html.escape(caption)}</caption>", 1)
    return body


def show(fig: Figure, *, dpi: int = 100) -> None:
    """Display a Figure as an embedded PNG and close it (no duplicate, any backend)."""
    import io

    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    display(Image(data=buf.getvalue(), format="png"))


def cached(func, corpus: Corpus, /, **kwargs):
    """``func(corpus, **kwargs)`` computed once per corpus and arguments (see :mod:`fazhi.memo`).

    >>> passages = cached(fazhi.textstat_reuse, corpus, min_chars=20)  # doctest: +SKIP
    """
    from fazhi.memo import cached as _cached

    return _cached(func, corpus, **kwargs)


# --------------------------------------------------------------------------- documents


def _yes(v) -> str:
    import pandas as pd

    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return "—"
    return "是" if bool(v) else "否"


def place(row) -> str:
    """The place of a report (a docs row as a dict) from province to town, or （不明）:
    ``place({"province": "重庆市", "city": "重庆市", "district": "黔江区", "town": "蓬东乡"})
    == "重庆市黔江区蓬东乡"``."""
    parts = [str(row.get(k)).strip() for k in ("province", "city", "district", "town")
             if not is_unknown(row.get(k))]
    return "".join(dict.fromkeys(parts)) or UNKNOWN


def _column(docs: pd.DataFrame, col: str) -> list[str]:
    return labels(docs[col]) if col in docs else [UNKNOWN] * len(docs)


def documents_table(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per report: file, title, year, place, level, characters (Chinese headers); unknown
    values shown as （不明）."""
    import pandas as pd

    return pd.DataFrame({
        "文件": docs["file"].astype(str).tolist(),
        "标题": _column(docs, "title"),
        "年度": _column(docs, "report_year"),
        "地区": [place(r) for r in docs.to_dict("records")],
        "层级": [UNKNOWN if is_unknown(v) else LEVEL_NAMES.get(str(v), str(v))
               for v in docs["level"]],
        "字数": docs["n_chars"].tolist(),
    })


def _years(docs: pd.DataFrame) -> tuple[list[int], int]:
    """The known report years (sorted, with repeats) and the number of reports without one."""
    import pandas as pd

    years = pd.to_numeric(docs["report_year"], errors="coerce") if "report_year" in docs else \
        pd.Series([float("nan")] * len(docs))
    known = sorted(int(y) for y in years.dropna())
    return known, len(docs) - len(known)


def corpus_note(docs: pd.DataFrame):
    """The opening notice of a page: reports, characters, the span of known years and how many
    reports have no known year.

    >>> corpus_note(corpus.docs)  # doctest: +SKIP
    共 9 份报告，2,781 字；年度 2019–2023；另有 3 份报告年度不明。
    """
    known, n_unknown = _years(docs)
    n_chars = int(docs["n_chars"].sum()) if "n_chars" in docs and len(docs) else 0
    text = f"共 {len(docs)} 份报告，{n_chars:,} 字；"
    if not known:
        text += "年度均不明。" if len(docs) else "没有报告。"
    else:
        span = str(known[0]) if known[0] == known[-1] else f"{known[0]}–{known[-1]}"
        text += f"年度 {span}"
        text += f"；另有 {n_unknown} 份报告年度不明。" if n_unknown else "。"
    return message(text)


def split_counts(docs: pd.DataFrame, by: str, split) -> dict[str, int]:
    """Reports before ``split`` (``by < split``), from it on, and without a (numeric) ``by``:
    ``{"before": 2, "after": 4, "unknown": 3}``."""
    import pandas as pd

    values = pd.to_numeric(docs[by], errors="coerce") if by in docs else \
        pd.Series([float("nan")] * len(docs))
    known = values.dropna()
    return {"before": int((known < split).sum()), "after": int((known >= split).sum()),
            "unknown": int(len(values) - len(known))}


def split_message(counts: dict[str, int], split, *, by: str = "report_year"):
    """The notice above the emerging/fading terms: the reports on each side of ``split``, those
    left out because their value is unknown, or why the comparison cannot be made (warning)."""
    name = COLUMN_LABELS.get(by, by)
    at = f"{split}年" if by == "report_year" else f"{name} {split}"
    text = f"以 {at}为界：之前 {counts['before']} 份报告，{at}及以后 {counts['after']} 份报告"
    if counts["unknown"]:
        text += f"；{counts['unknown']} 份报告{name}不明，不计入"
    if not counts["before"] or not counts["after"]:
        return message(text + "。前后两段都须有报告，本节从略。", "warning")
    return message(text + "。")


def query_sides(docs: pd.DataFrame, query: str) -> dict[str, int]:
    """How a keyness query splits the reports: ``target`` (query true), ``reference`` (false) and
    ``unknown`` (the query cannot tell: ``report_year >= 2021`` for a report without year).

    >>> query_sides(corpus.docs, "report_year >= 2021")  # doctest: +SKIP
    {'target': 4, 'reference': 2, 'unknown': 3}
    """
    flags = docs.eval(query)
    flags = flags.astype("boolean") if hasattr(flags, "astype") else flags
    n_true = int(flags.fillna(False).sum())
    n_false = int((~flags).fillna(False).sum())
    return {"target": n_true, "reference": n_false, "unknown": len(docs) - n_true - n_false}


def sides_message(sides: dict[str, int], target: str, reference: str = "其他报告"):
    """The notice above a keyness chart: the reports on each side and those on neither (unknown
    field), or (warning) why the comparison cannot be made."""
    text = f"目标：{target}（{sides['target']} 份报告）；参照：{reference}（{sides['reference']} 份报告）"
    if sides.get("unknown"):
        text += f"；{sides['unknown']} 份报告因所查字段不明，不计入任何一方"
    if not sides["target"] or not sides["reference"]:
        return message(text + "。关键性分析需要目标组和参照组都有报告，本节从略。", "warning")
    return message(text + "。")


def compliance_table(docs: pd.DataFrame) -> pd.DataFrame:
    """Compliance per report with the five parts of art. 25 and the flags (是/否/—).

    >>> compliance_table(corpus.docs)[["文件", "问题", "截断"]]  # doctest: +SKIP
    """
    import pandas as pd

    out = pd.DataFrame({"文件": docs["file"].astype(str).tolist(),
                        "年度": _column(docs, "report_year"),
                        "地区": [place(r) for r in docs.to_dict("records")]})
    for col, header in (("has_achievements", "成效"), ("has_problems", "问题"),
                        ("has_duty", "第一责任人"), ("has_plans", "计划")):
        out[header] = [_yes(v) for v in docs[col]] if col in docs else "—"
    missing = []
    for rec in docs.to_dict("records"):
        miss = [lab for col, lab in (("has_achievements", "成效"), ("has_problems", "问题"),
                                     ("has_duty", "第一责任人"), ("has_plans", "计划"))
                if col in rec and not bool(rec[col])]
        missing.append("、".join(miss))
    out["缺少部分"] = missing
    for col, header in (("late", "逾期发布"), ("truncated", "截断"), ("anonymised", "匿名化"),
                        ("no_title", "无标题"), ("duplicate_numbering", "编号重复")):
        out[header] = [_yes(v) for v in docs[col]] if col in docs else "—"
    return out.reset_index(drop=True)


def compliance_summary(docs: pd.DataFrame) -> pd.DataFrame:
    """Share of reports with each part and each flag: 项目, 报告数, 占比（%）."""
    import pandas as pd

    n = len(docs)
    rows = []
    for col, header in (("has_achievements", "含成效部分"), ("has_problems", "含问题部分"),
                        ("has_duty", "含第一责任人部分"), ("has_plans", "含计划部分"),
                        ("late", "逾期发布"), ("truncated", "截断"), ("anonymised", "匿名化"),
                        ("no_title", "无标题")):
        if col not in docs:
            continue
        k = int(docs[col].fillna(False).astype(bool).sum())
        rows.append({"项目": header, "报告数": k, "占比（%）": round(100 * k / n, 1) if n else 0.0})
    return pd.DataFrame(rows)


def counts_by(docs: pd.DataFrame, *fields: str) -> pd.DataFrame:
    """Number of reports per value of ``fields`` (missing shown as （不明）), Chinese headers.

    >>> counts_by(corpus.docs, "report_year")  # doctest: +SKIP
    """
    import pandas as pd

    fields = fields or ("report_year",)
    keys = pd.DataFrame({f: labels(docs[f]) for f in fields})
    out = keys.groupby(list(fields), sort=False).size().rename("报告数").reset_index()
    if out.empty:
        return label_columns(pd.DataFrame(columns=[*fields, "报告数"]))
    out = out.sort_values(list(fields), key=lambda col: col.map(_label_order)).reset_index(drop=True)
    return label_columns(out)


def _label_order(text: str):
    """Sort key of a label: unknown last, numbers as numbers, then text."""
    if text == UNKNOWN:
        return (2, 0.0, "")
    try:
        return (0, float(text), "")
    except ValueError:
        return (1, 0.0, text)


def rejected_table(rejected: pd.DataFrame | None) -> pd.DataFrame:
    """Files that were not read as reports, with the reason (Chinese headers)."""
    import pandas as pd

    if rejected is None or len(rejected) == 0:
        return pd.DataFrame(columns=["文件", "状态", "原因"])
    return rejected.rename(columns={"file": "文件", "status": "状态", "reason": "原因"})


# --------------------------------------------------------------------------- regions
#
# A region is a unit, not a name: 鼓楼区 is in 福州, 南京, 徐州 and 开封, 城关镇 in hundreds of
# counties. A region of a level is keyed by its name and the names of its parents (a district by
# province, city, district; a town also by its district), "" for a parent the gazetteer could not
# tell. Its label is the bare name when the corpus holds no other unit of that name, else the name
# qualified by the nearest parents that tell the namesakes apart: 鼓楼区（福州市）, 东湖街道（福州市鼓楼区）.
# Reports whose name is known but whose parents are not (an ambiguous name) form their own region
# under the bare name: never merged into a placed namesake.

# the parents of a region at each level, from the top
PARENTS: dict[str, tuple[str, ...]] = {"province": (), "city": ("province",),
                                       "district": ("province", "city"),
                                       "town": ("province", "city", "district")}
# the document column :func:`with_regions` adds: the label of each report's region
REGION_COLUMN = "region"
COLUMN_LABELS[REGION_COLUMN] = "地区"
# a label qualified by parents: 鼓楼区（福州市）
_QUALIFIED = re.compile(r"(?P<name>[^（）()]+)[（(](?P<parents>[^（）()]+)[）)]")

RegionKey = tuple[str, ...]
# the fewest parents that qualify a name shared by several regions, by key length (4: a town)
_MIN_QUALIFIER = {4: 2}


@dataclass(frozen=True)
class Region:
    """One region of a level: ``key`` (province … name, "" for an unknown parent), ``label``
    (readable and unique in the corpus), ``place`` (the full name: 福建省福州市鼓楼区), reports."""

    level: str
    key: RegionKey
    label: str
    place: str
    n_docs: int

    @property
    def name(self) -> str:
        """The name at the level: 鼓楼区."""
        return self.key[-1]

    @property
    def placed(self) -> bool:
        """Whether any parent is known (False: an ambiguous name, e.g. 鼓楼区 alone)."""
        return any(self.key[:-1])


def _name(value) -> str:
    return "" if is_unknown(value) else str(value).strip()


def region_names(docs: pd.DataFrame, level: Level) -> list[str]:
    """The name of each report's region at ``level`` (stripped), or "" when unknown. Names are
    not regions (see :func:`region_keys`)."""
    _check_level(level)
    if level not in docs:
        return [""] * len(docs)
    return [_name(v) for v in docs[level]]


def region_keys(docs: pd.DataFrame, level: Level) -> list[RegionKey | None]:
    """The region of each report at ``level`` as its key, or None when the name is unknown:
    ``("福建省", "福州市", "鼓楼区")``; ``("", "", "鼓楼区")`` when its parents are unknown."""
    names = region_names(docs, level)
    cols = [[_name(v) for v in docs[c]] if c in docs else [""] * len(docs)
            for c in PARENTS[level]]
    return [(*parents, name) if name else None
            for name, *parents in zip(names, *cols, strict=True)]


def region_place(key: RegionKey) -> str:
    """The full name of a region from its key: ``region_place(("重庆市", "重庆市", "黔江区")) ==
    "重庆市黔江区"`` (a municipality is its own city); unknown parents are left out."""
    parts: list[str] = []
    for p in key:
        if p and (not parts or parts[-1] != p):
            parts.append(p)
    return "".join(parts)


def _qualifier(key: RegionKey, depth: int) -> str:
    """The ``depth`` nearest known parents of ``key``, outer first: 福州市 / 福州市鼓楼区."""
    parents: list[str] = []
    for p in reversed(key[:-1]):
        if p and (not parents or parents[-1] != p):
            parents.append(p)
    return "".join(reversed(parents[:depth]))


def region_labels_of(keys) -> dict[RegionKey, str]:
    """A readable label, unique among ``keys``, for each region key: the bare name unless another
    key has the same name; then the name with the fewest nearest parents that tell them apart
    (鼓楼区（福州市）, 鼓楼区（南京市）; a town at least with city and district: 东街街道（福州市鼓楼区）);
    a key without known parents keeps the bare name."""
    by_name: dict[str, list[RegionKey]] = {}
    for k in dict.fromkeys(k for k in keys if k):
        by_name.setdefault(k[-1], []).append(k)
    out: dict[RegionKey, str] = {}
    for name, ks in by_name.items():
        placed = [k for k in ks if any(k[:-1])]
        for k in ks:
            out[k] = name
        if len(ks) == 1 or not placed:
            continue
        # a town is shown with its district and city (district names repeat: 鼓楼区, 新华区)
        first = _MIN_QUALIFIER.get(len(ks[0]), 1)
        for depth in range(first, len(ks[0])):
            quals = [_qualifier(k, depth) for k in placed]
            if len(set(quals)) == len(quals):
                break
        else:  # e.g. 重庆市/重庆市 and 重庆市/(unknown city): show every parent slot
            quals = ["·".join(p or "不明" for p in k[:-1]) for k in placed]
        for k, q in zip(placed, quals, strict=True):
            out[k] = f"{name}（{q}）"
    return out


def region_order(key: RegionKey) -> tuple:
    """Province → city → … order, a region with an unknown parent after its placed namesakes."""
    return tuple((p == "", p) for p in key)


def _regions_of(keys: list[RegionKey | None], level: str) -> list[Region]:
    counts: dict[RegionKey, int] = {}
    for k in keys:
        if k:
            counts[k] = counts.get(k, 0) + 1
    labels_ = region_labels_of(counts)
    return [Region(level, k, labels_[k], region_place(k), counts[k])
            for k in sorted(counts, key=region_order)]


def regions(docs: pd.DataFrame, level: Level) -> list[Region]:
    """The regions of ``level`` that have reports, in province → city → … order.

    >>> [r.label for r in regions(corpus.docs, "district")]  # doctest: +SKIP
    ['鼓楼区（南京市）', '鼓楼区（福州市）', '鼓楼区', '马尾区']
    """
    return _regions_of(region_keys(docs, level), level)


def region_labels(docs: pd.DataFrame, level: Level) -> list[str]:
    """The label of each report's region at ``level`` (鼓楼区（福州市）), "" when unknown."""
    keys = region_keys(docs, level)
    labels_ = {r.key: r.label for r in _regions_of(keys, level)}
    return [labels_[k] if k else "" for k in keys]


def region_values(corpus: Corpus, level: Level) -> list[str]:
    """The labels of the regions of ``level`` in the corpus, province → city → … (unknown left out).

    >>> region_values(corpus, "province")  # doctest: +SKIP
    ['广东省', '福建省', '重庆市']
    """
    return [r.label for r in regions(corpus.docs, level)]


def find_regions(found: list[Region], region: str) -> list[Region]:
    """The regions ``region`` names: a label (鼓楼区（福州市）, or 鼓楼区 where that name is one
    region), a full name (福建省福州市鼓楼区), or a name with a parent (鼓楼区（福州市）) when exactly
    one region fits. A name shared by several regions names none of them: []."""
    want = _name(region)
    if not want:
        return []
    for attr in ("label", "place"):
        hit = [r for r in found if getattr(r, attr) == want]
        if hit:
            return hit
    m = _QUALIFIED.fullmatch(want)
    if m:
        name, parents = m.group("name").strip(), m.group("parents").strip()
        hit = [r for r in found if r.name == name and r.placed and
               parents in region_place(r.key[:-1])]
        if len(hit) == 1:
            return hit
    return []


def region_label(corpus: Corpus, level: Level, region: str) -> str:
    """The label of the region ``region`` names (a full name or a label: 福建省福州市鼓楼区 →
    鼓楼区（福州市） when the corpus holds another 鼓楼区), or ``region`` itself when it names none."""
    hit = find_regions(regions(corpus.docs, level), region)
    return hit[0].label if hit else str(region).strip()


def with_regions(corpus: Corpus, level: Level, *, column: str = REGION_COLUMN) -> Corpus:
    """The corpus with a document column ``region``: the label of each report's region at
    ``level`` (NA when unknown), so that any ``textstat_*(…, by="region")`` keeps namesakes apart.

    >>> fazhi.textstat_themes(with_regions(corpus, "district"), by="region")  # doctest: +SKIP
    """
    import dataclasses

    import pandas as pd

    values = [lab or None for lab in region_labels(corpus.docs, level)]
    try:
        col = pd.array(values, dtype=corpus.docs[level].dtype)
    except (KeyError, TypeError, ValueError):
        col = pd.array(values, dtype="string")
    return dataclasses.replace(corpus, docs=corpus.docs.assign(**{column: col}))


def unplaced(docs: pd.DataFrame, level: Level) -> pd.DataFrame:
    """The reports that have no region at ``level``, with the reason: file, title, place, reason.

    A report placed only above that level says so (a county's own report has no town).
    >>> unplaced(corpus.docs, "province")["reason"].tolist()  # doctest: +SKIP
    ['省不明（匿名报告）']
    """
    import pandas as pd

    names = region_names(docs, level)
    rows = []
    for rec, name in zip(docs.to_dict("records"), names, strict=True):
        if name:
            continue
        where = place(rec)
        reason = f"{LEVEL_LABELS[level]}不明"
        if where != UNKNOWN:
            reason += f"（已知地区：{where}）"
        elif not is_unknown(rec.get("anonymised")) and bool(rec.get("anonymised")):
            reason += "（匿名报告）"
        rows.append({"file": str(rec.get("file", "")), "title": label(rec.get("title")),
                     "place": where, "reason": reason})
    return pd.DataFrame(rows, columns=["file", "title", "place", "reason"])


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")


def select_region(corpus: Corpus, level: Level, region: str) -> Corpus:
    """The reports of one region (see :func:`find_regions` for what ``region`` may be); possibly
    empty. Same-named units are different regions: 鼓楼区（福州市） is not 鼓楼区（南京市）.

    >>> gd = select_region(corpus, "province", "广东省")  # doctest: +SKIP
    >>> fz = select_region(corpus, "district", "鼓楼区（福州市）")  # doctest: +SKIP
    """
    return corpus.subset(region_mask(corpus.docs, level, region).to_numpy())


def region_mask(docs: pd.DataFrame, level: Level, region: str):
    """Boolean Series: which rows of ``docs`` belong to the region (names compared stripped). An
    unknown region ("", （不明）) is no region, nor is a name several regions share: they select
    nothing."""
    import pandas as pd

    keys = region_keys(docs, level)
    hit = {r.key for r in find_regions(_regions_of(keys, level), region)}
    return pd.Series([k in hit for k in keys], index=docs.index, dtype=bool)


def no_region_message(corpus: Corpus, level: Level, region: str):
    """The notice shown when ``region`` selects no report: the regions of that name to choose
    from, or else the regions of that level."""
    found = regions(corpus.docs, level)
    what = LEVEL_LABELS.get(level, level)
    same = [r.label for r in found if r.name == _name(region)]
    if same:
        return message(f"语料中有 {len(same)} 个名为“{_name(region)}”的{what}，请指明其一："
                       f"{'、'.join(same)}。本页其余部分从略。", "warning")
    avail = [r.label for r in found]
    listed = "、".join(avail[:30]) + ("……" if len(avail) > 30 else "")
    text = (f"语料中没有{what}“{region}”的报告，本页其余部分从略。"
            f"可选的{what}：{listed or '（无）'}")
    return message(text, "warning")


def region_note(corpus: Corpus, level: Level, region: str):
    """The notice under a region's heading: its full name, and the namesakes it is kept apart
    from (a warning when its parents are unknown); empty when the label says it all (广东省).

    >>> region_note(corpus, "district", "鼓楼区")  # doctest: +SKIP
    “鼓楼区”的上级地区不明（地名有重名），这 1 份报告单独成组，未与鼓楼区（福州市）、鼓楼区（南京市）合并。
    """
    found = regions(corpus.docs, level)
    hit = find_regions(found, region)
    if not hit:
        return no_region_message(corpus, level, region)
    r = hit[0]
    others = [o.label for o in found if o.name == r.name and o.key != r.key]
    if not r.placed and others:
        return message(f"“{r.name}”的上级地区不明（地名有重名），这 {r.n_docs} 份报告单独成组，"
                       f"未与{'、'.join(others)}合并。", "warning")
    text = f"地区全称：{r.place}。" if r.place != r.label else ""
    if others:
        text += f"语料中另有同名的{'、'.join(others)}，不在本页。"
    return message(text) if text else _html("")


def region_query(level: Level, region: str, docs: pd.DataFrame | None = None) -> str:
    """A pandas query string selecting the region (for ``textstat_keyness`` targets). With
    ``docs``: exactly that region's reports (``doc_id in [...]``), namesakes kept apart; without,
    a query on the name only (``district == '鼓楼区'``), which merges same-named units."""
    _check_level(level)
    if docs is None:
        return f"{level} == {_name(region)!r}"
    ids = docs.loc[region_mask(docs, level, region), "doc_id"].astype(str).tolist()
    return f"doc_id in {ids!r}"


# --------------------------------------------------------------------------- analyses tables


def reuse_pairs(passages: pd.DataFrame, *, boilerplate: bool = False) -> pd.DataFrame:
    """Pairs of reports ranked by shared text: doc_a, doc_b, file_a, file_b, n_passages, length.

    ``boilerplate=False`` (default) leaves boilerplate passages out.

    >>> reuse_pairs(textstat_reuse(corpus)).head(1)  # doctest: +SKIP
    """
    import pandas as pd

    cols = ["doc_a", "doc_b", "file_a", "file_b", "n_passages", "length"]
    if passages is None or passages.empty:
        return pd.DataFrame(columns=cols)
    df = passages
    if not boilerplate and "boilerplate" in df.columns:
        df = df[~df["boilerplate"].astype(bool)]
    if df.empty:
        return pd.DataFrame(columns=cols)
    out = (df.groupby(["doc_a", "doc_b", "file_a", "file_b"], sort=False)
           .agg(n_passages=("text", "size"), length=("length", "sum")).reset_index())
    return out.sort_values(["length", "n_passages", "doc_a", "doc_b"],
                           ascending=[False, False, True, True]).reset_index(drop=True)[cols]


def indicator_matrix(summary: pd.DataFrame, *, by: str = "town",
                     measure: str = "n_facts") -> pd.DataFrame:
    """Region × category table of an indicator summary (``textstat_indicator_summary``)."""
    import pandas as pd

    if summary is None or summary.empty:
        return pd.DataFrame()
    keys = labels(summary[by])
    cats = summary["label"] if "label" in summary.columns else summary["category"]
    mat = summary.assign(**{by: keys, "category": cats}).pivot_table(
        index=by, columns="category", values=measure, aggfunc="sum", fill_value=0)
    mat.index.name = COLUMN_LABELS.get(by, by)
    mat.columns.name = "类别"
    return mat


def keywords_table(keywords: pd.DataFrame, *, by: str = "town", sep: str = "、") -> pd.DataFrame:
    """One row per group with its terms in rank order (``textstat_keywords`` /
    ``textstat_distinctive`` output): <group>, 关键词.
    """
    import pandas as pd

    if keywords is None or keywords.empty:
        return pd.DataFrame(columns=[COLUMN_LABELS.get(by, by), "关键词"])
    df = keywords.sort_values([by, "rank"]) if "rank" in keywords.columns else keywords
    out = (df.groupby(pd.Series(labels(df[by]), index=df.index, name=by), sort=False)["term"]
           .agg(lambda t: sep.join(str(x) for x in t)).rename("关键词").reset_index())
    out = out.sort_values(by, key=lambda col: col.map(_label_order)).reset_index(drop=True)
    return label_columns(out)


def theme_matrix(themes: pd.DataFrame, *, by: str = "town") -> pd.DataFrame:
    """Group × theme table of shares in per cent (``textstat_themes`` output)."""
    import pandas as pd

    if themes is None or themes.empty:
        return pd.DataFrame()
    keys = labels(themes[by])
    mat = (themes.assign(**{by: keys, "share": 100 * themes["share"].astype(float)})
           .pivot_table(index=by, columns="theme", values="share", aggfunc="sum", sort=False)
           .round(2))
    mat.index.name = COLUMN_LABELS.get(by, by)
    mat.columns.name = "主题（占比 %）"
    return mat


def regroup_themes(themes: pd.DataFrame, docs: pd.DataFrame, *,
                   by: str = REGION_COLUMN) -> pd.DataFrame:
    """Theme profiles per group of ``docs[by]`` from per-report profiles
    (``textstat_themes(corpus, by="doc_id")``, which :func:`cached` keeps for every page): hits
    and units summed, ``share = hits / n_units``; the same table as ``textstat_themes(corpus,
    by=by)``, the unknown group NA and last. Reports not in ``docs`` are left out.

    >>> per_doc = cached(fazhi.textstat_themes, corpus, by="doc_id")          # doctest: +SKIP
    >>> regroup_themes(per_doc, with_regions(corpus, "district").docs)       # doctest: +SKIP
    """
    import numpy as np
    import pandas as pd

    cols = [by, "theme", "hits", "n_units", "share"]
    if themes is None or themes.empty or not len(docs):
        return pd.DataFrame(columns=cols)
    group = {d: (None if is_unknown(v) else v) for d, v in zip(docs["doc_id"], docs[by],
                                                                strict=True)}
    rows = themes[themes["doc_id"].isin(group)]
    order = list(dict.fromkeys(themes["theme"].astype(str)))
    keys = [group[d] for d in rows["doc_id"]]
    known = list(dict.fromkeys(k for k in keys if k is not None))
    try:
        known.sort()
    except TypeError:
        known.sort(key=str)
    groups = known + ([None] if any(k is None for k in keys) else [])
    code = {g: i for i, g in enumerate(groups)}
    theme_code = {t: j for j, t in enumerate(order)}
    hits = np.zeros((len(groups), len(order)), dtype=np.int64)
    units = np.zeros((len(groups), len(order)), dtype=np.int64)
    gi = np.array([code[k] for k in keys], dtype=np.int64)
    tj = np.array([theme_code[t] for t in rows["theme"].astype(str)], dtype=np.int64)
    np.add.at(hits, (gi, tj), rows["hits"].to_numpy(dtype=np.int64))
    np.add.at(units, (gi, tj), rows["n_units"].to_numpy(dtype=np.int64))
    try:
        values = pd.array(groups, dtype=docs[by].dtype)
    except (TypeError, ValueError):
        values = pd.array(groups, dtype=object)
    n_units = units.ravel()
    out = pd.DataFrame({"theme": order * len(groups), "hits": hits.ravel(), "n_units": n_units,
                        "share": hits.ravel() / np.where(n_units > 0, n_units, 1)})
    codes = np.repeat(np.arange(len(groups), dtype=np.int64), len(order))
    out.insert(0, by, pd.Series(values).take(codes).reset_index(drop=True))
    return out[cols]


def theme_comparison(themes: pd.DataFrame, *, by: str, region: str) -> pd.DataFrame:
    """One region's theme shares against the corpus average (pooled: hits / units), in per cent:
    主题, 本地区（%）, 语料平均（%）, 差（百分点）.
    """
    import pandas as pd

    order = list(dict.fromkeys(themes["theme"].astype(str)))
    own = themes[[lab == label(region) and lab != UNKNOWN for lab in labels(themes[by])]]
    own_share = dict(zip(own["theme"].astype(str), own["share"].astype(float), strict=True))
    pooled = themes.groupby(themes["theme"].astype(str))[["hits", "n_units"]].sum()
    avg = (pooled["hits"] / pooled["n_units"].where(pooled["n_units"] > 0)).fillna(0.0)
    out = pd.DataFrame({"主题": order,
                        "本地区（%）": [100 * own_share.get(t, 0.0) for t in order],
                        "语料平均（%）": [100 * float(avg.get(t, 0.0)) for t in order]})
    out["差（百分点）"] = out["本地区（%）"] - out["语料平均（%）"]
    return out.round(2)


def passages_of(passages: pd.DataFrame, doc_ids) -> pd.DataFrame:
    """The shared passages (``textstat_reuse`` rows) that involve any of ``doc_ids``."""
    ids = set(doc_ids)
    if passages is None or passages.empty:
        return passages
    return passages[passages["doc_a"].isin(ids) | passages["doc_b"].isin(ids)].reset_index(drop=True)


def kwic_table(hits: pd.DataFrame) -> pd.DataFrame:
    """A ``kwic`` table for readers: file, part (Chinese), left context, keyword, right context."""
    cols = ["file", "part", "left", "keyword", "right"]
    out = hits[[c for c in cols if c in hits.columns]]
    if "part" in out.columns:
        out = out.assign(part=out["part"].map(lambda p: PART_LABELS.get(str(p), str(p))))
    return label_columns(out.reset_index(drop=True))


def n_docs_by(docs: pd.DataFrame, by: str = "report_year") -> dict:
    """``{value: number of reports}`` for the n= labels of trend charts; the reports whose value
    is unknown are counted under the key UNKNOWN (（不明）) when there are any.

    >>> n_docs_by(corpus.docs)  # doctest: +SKIP
    {2019: 1, 2020: 1, 2021: 1, 2023: 1, 2024: 1, '（不明）': 2}
    """
    unknown = [is_unknown(v) for v in docs[by]]
    known = docs[[not u for u in unknown]]
    out: dict = {(k.item() if hasattr(k, "item") else k): int(v)
                 for k, v in known.groupby(by, sort=True).size().items()}
    if any(unknown):
        out[UNKNOWN] = int(sum(unknown))
    return out
