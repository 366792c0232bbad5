"""Small helpers the notebooks share: escaped HTML, Chinese-labelled tables, region selection.

Everything that turns report text into HTML goes through :func:`html.escape` here, so a report
containing ``<script>`` shows the tag literally. Tables are returned as pandas DataFrames (whose HTML
repr escapes cell text); never use a ``Styler`` or Markdown on report text.

>>> from fazhi import display as fd
>>> fd.heading("广东省：法治政府建设报告")  # doctest: +SKIP
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from fazhi.corpus import Corpus

Level = Literal["province", "city", "district", "town"]
LEVELS: tuple[str, ...] = ("province", "city", "district", "town")
LEVEL_LABELS = {"province": "省", "city": "市", "district": "区县", "town": "乡镇（街道）"}

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
    "n_docs": "报告数",
}

LEVEL_NAMES = {"province": "省", "city": "市", "district": "区县", "county": "县",
               "town": "镇", "township": "乡", "subdistrict": "街道"}

PART_LABELS = {"preamble": "导言", "achievements": "成效", "problems": "问题", "duty": "第一责任人",
               "plans": "计划", "other": "其他"}


_UNKNOWN = {"": "（不明）", "<NA>": "（不明）", "nan": "（不明）", "None": "（不明）"}


def label_columns(df: pd.DataFrame) -> pd.DataFrame:
    """The same table with Chinese column headers (unknown columns keep their names).

    >>> label_columns(kwic(corpus, "民法典")).columns[:3].tolist()  # doctest: +SKIP
    ['文档', '文件', '部分']
    """
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


def _place(row) -> str:
    parts = [str(row.get(k) or "") for k in ("province", "city", "district", "town")]
    parts = [p for p in dict.fromkeys(parts) if p and p not in ("<NA>", "nan", "None")]
    return "".join(parts) or "（不明）"


def documents_table(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per report: file, title, year, place, level, characters (Chinese headers)."""
    import pandas as pd

    return pd.DataFrame({
        "文件": docs["file"].astype(str),
        "标题": docs["title"].astype(str),
        "年度": docs["report_year"],
        "地区": [_place(r) for r in docs.to_dict("records")],
        "层级": [LEVEL_NAMES.get(str(v), "" if str(v) in _UNKNOWN else str(v))
               for v in docs["level"]],
        "字数": docs["n_chars"],
    }).reset_index(drop=True)


def compliance_table(docs: pd.DataFrame) -> pd.DataFrame:
    """Compliance per report with the five parts of art. 25 and the flags (是/否/—).

    >>> compliance_table(corpus.docs)[["文件", "问题", "截断"]]  # doctest: +SKIP
    """
    import pandas as pd

    out = pd.DataFrame({"文件": docs["file"].astype(str), "年度": docs["report_year"],
                        "地区": [_place(r) for r in docs.to_dict("records")]})
    for col, label in (("has_achievements", "成效"), ("has_problems", "问题"),
                       ("has_duty", "第一责任人"), ("has_plans", "计划")):
        out[label] = [_yes(v) for v in docs[col]] if col in docs else "—"
    missing = []
    for rec in docs.to_dict("records"):
        miss = [lab for col, lab in (("has_achievements", "成效"), ("has_problems", "问题"),
                                     ("has_duty", "第一责任人"), ("has_plans", "计划"))
                if col in rec and not bool(rec[col])]
        missing.append("、".join(miss))
    out["缺少部分"] = missing
    for col, label in (("late", "逾期发布"), ("truncated", "截断"), ("anonymised", "匿名化"),
                       ("no_title", "无标题"), ("duplicate_numbering", "编号重复")):
        out[label] = [_yes(v) for v in docs[col]] if col in docs else "—"
    return out.reset_index(drop=True)


def compliance_summary(docs: pd.DataFrame) -> pd.DataFrame:
    """Share of reports with each part and each flag: 项目, 报告数, 占比（%）."""
    import pandas as pd

    n = len(docs)
    rows = []
    for col, label in (("has_achievements", "含成效部分"), ("has_problems", "含问题部分"),
                       ("has_duty", "含第一责任人部分"), ("has_plans", "含计划部分"),
                       ("late", "逾期发布"), ("truncated", "截断"), ("anonymised", "匿名化"),
                       ("no_title", "无标题")):
        if col not in docs:
            continue
        k = int(docs[col].fillna(False).astype(bool).sum())
        rows.append({"项目": label, "报告数": k, "占比（%）": round(100 * k / n, 1) if n else 0.0})
    return pd.DataFrame(rows)


def counts_by(docs: pd.DataFrame, *fields: str) -> pd.DataFrame:
    """Number of reports per value of ``fields`` (missing shown as （不明）), Chinese headers.

    >>> counts_by(corpus.docs, "report_year")  # doctest: +SKIP
    """
    import pandas as pd

    fields = fields or ("report_year",)
    keys = docs[list(fields)].astype(str).replace(_UNKNOWN)
    out = keys.groupby(list(fields), sort=True).size().rename("报告数").reset_index()
    if out.empty:
        out = pd.DataFrame(columns=[*fields, "报告数"])
    return label_columns(out)


def rejected_table(rejected: pd.DataFrame | None) -> pd.DataFrame:
    """Files that were not read as reports, with the reason (Chinese headers)."""
    import pandas as pd

    if rejected is None or len(rejected) == 0:
        return pd.DataFrame(columns=["文件", "状态", "原因"])
    return rejected.rename(columns={"file": "文件", "status": "状态", "reason": "原因"})


# --------------------------------------------------------------------------- regions


def region_values(corpus: Corpus, level: Level) -> list[str]:
    """Regions of ``level`` present in the corpus, sorted (empty names left out)."""
    _check_level(level)
    vals = corpus.docs[level].astype(str)
    return sorted(v for v in vals.unique() if v and v not in ("<NA>", "nan", "None"))


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")


def select_region(corpus: Corpus, level: Level, region: str) -> Corpus:
    """The reports of one region (``corpus.docs[level] == region``); possibly empty.

    >>> gd = select_region(corpus, "province", "广东省")  # doctest: +SKIP
    """
    _check_level(level)
    return corpus.subset((corpus.docs[level].astype(str) == str(region)).to_numpy())


def no_region_message(corpus: Corpus, level: Level, region: str):
    """The notice shown when a region has no report, listing the regions of that level."""
    avail = region_values(corpus, level)
    listed = "、".join(avail[:30]) + ("……" if len(avail) > 30 else "")
    text = (f"语料中没有{LEVEL_LABELS.get(level, level)}“{region}”的报告，本页其余部分从略。"
            f"可选的{LEVEL_LABELS.get(level, level)}：{listed or '（无）'}")
    return message(text, "warning")


def region_mask(docs: pd.DataFrame, level: Level, region: str):
    """Boolean Series: which rows of ``docs`` belong to the region."""
    _check_level(level)
    return docs[level].astype(str) == str(region)


def region_query(level: Level, region: str) -> str:
    """A pandas query string selecting the region (for ``textstat_keyness`` targets)."""
    _check_level(level)
    return f"{level} == {region!r}"


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
    keys = summary[by].astype(str).replace(_UNKNOWN)
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
    out = (df.groupby(df[by].astype(str).replace(_UNKNOWN), sort=True)["term"]
           .agg(lambda t: sep.join(str(x) for x in t)).rename("关键词").reset_index())
    return label_columns(out)


def theme_matrix(themes: pd.DataFrame, *, by: str = "town") -> pd.DataFrame:
    """Group × theme table of shares in per cent (``textstat_themes`` output)."""
    import pandas as pd

    if themes is None or themes.empty:
        return pd.DataFrame()
    keys = themes[by].astype(str).replace(_UNKNOWN)
    mat = (themes.assign(**{by: keys, "share": 100 * themes["share"].astype(float)})
           .pivot_table(index=by, columns="theme", values="share", aggfunc="sum", sort=False)
           .round(2))
    mat.index.name = COLUMN_LABELS.get(by, by)
    mat.columns.name = "主题（占比 %）"
    return mat


def theme_comparison(themes: pd.DataFrame, *, by: str, region: str) -> pd.DataFrame:
    """One region's theme shares against the corpus average (pooled: hits / units), in per cent:
    主题, 本地区（%）, 语料平均（%）, 差（百分点）.
    """
    import pandas as pd

    order = list(dict.fromkeys(themes["theme"].astype(str)))
    own = themes[themes[by].astype(str) == str(region)]
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
    """``{value: number of reports}`` for the n= labels of trend charts."""
    return {k: int(v) for k, v in docs.groupby(by).size().items()}
