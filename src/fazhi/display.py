"""Presentation for the notebooks: escaped HTML, Chinese-labelled tables and notices.

The analyses a page shows are computed by the library (:mod:`fazhi.textstat`, :mod:`fazhi.reuse`,
:mod:`fazhi.regions`, :mod:`fazhi.compliance`, :mod:`fazhi.indicators`); this module only labels
and formats their results. The analyses it used to hold (``regions``, ``select_region``,
``with_regions``, ``reuse_pairs``, ``query_sides``, ``split_counts``, ``n_docs_by`` …) are still
importable from here, from their new modules.

Everything that turns report text into HTML goes through :func:`html.escape` here, so a report
containing ``<script>`` shows the tag literally. Tables are returned as pandas DataFrames; after
:func:`setup` (the first line of every notebook) each DataFrame a cell shows is written by
:func:`fazhi.htmltable.table_html`: complete (every row and column), without the pandas index,
Chinese headers, sortable, searchable and downloadable on the rendered page. Never use a
``Styler`` or Markdown on report text.

>>> from fazhi import display as fd
>>> fd.heading("广东省：法治政府建设报告")  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import html
import importlib
from typing import TYPE_CHECKING, Literal

# the region analyses live in fazhi.regions (light: no pandas at import); kept importable here
from fazhi.regions import (  # noqa: F401
    LEVEL_LABELS,
    LEVELS,
    PARENTS,
    REGION_COLUMN,
    Level,
    Region,
    RegionKey,
    _name,
    find_regions,
    place,
    region_keys,
    region_label,
    region_labels,
    region_labels_of,
    region_mask,
    region_names,
    region_order,
    region_place,
    region_query,
    region_values,
    regions,
    select_region,
    unplaced,
    with_regions,
)
from fazhi.vocab import COLUMN_LABELS, PART_LABELS, UNKNOWN, VALUE_LABELS, is_unknown, label  # noqa: F401
from fazhi.vocab import LEVEL_LABELS as VOCAB_LEVEL_LABELS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from fazhi.corpus import Corpus
    from fazhi.summary import RegionSummary

# analyses that moved to the library, importable from here (resolved on first use: importing
# fazhi.display stays light)
_MOVED = {
    "query_sides": "fazhi.textstat", "split_counts": "fazhi.textstat",
    "n_docs_by": "fazhi.textstat", "compare_themes": "fazhi.textstat",
    "reuse_pairs": "fazhi.reuse", "passages_of": "fazhi.reuse",
    "without_boilerplate": "fazhi.reuse",
    "textstat_compliance": "fazhi.compliance", "textstat_compliance_summary": "fazhi.compliance",
}


def __getattr__(name: str):
    mod = _MOVED.get(name)
    if mod is None:
        raise AttributeError(f"module 'fazhi.display' has no attribute {name!r}")
    return getattr(importlib.import_module(mod), name)



LEVEL_NAMES = VOCAB_LEVEL_LABELS


# document fields whose missing values tables show as UNKNOWN (the grouping fields of the analyses)
META_FIELDS = ("report_year", "publish_date", "province", "city", "district", "town", "level",
               "title", "kind", "neighbour", "region", "label", "neighbour_label")


# hash-id columns and the column that names the same document for readers
_NAMED_BY = {"doc_id": "file", "doc_a": "file_a", "doc_b": "file_b", "source_doc": "source_file"}


def labels(values) -> list[str]:
    """:func:`label` of each value (a Series, array or list)."""
    return [label(v) for v in values]


def label_columns(df: pd.DataFrame) -> pd.DataFrame:
    """The same table for readers: Chinese column headers (unknown columns keep their names),
    unknown values of the document fields (年度, 省 … 乡镇, 标题, 发布日期) shown as （不明） and
    code values in Chinese (:data:`fazhi.vocab.VALUE_LABELS`: 走势 emerging → 新兴). A copy: ``df``
    is not changed.

    A document's hash id is left out where its file names it (doc_id beside file, doc_a beside
    file_a …): no hash ids where a name exists.

    >>> label_columns(kwic(corpus, "民法典")).columns[:3].tolist()  # doctest: +SKIP
    ['文件', '部分', '起']
    """
    ids = [c for c, name in _NAMED_BY.items() if c in df.columns and name in df.columns]
    if ids:
        df = df.drop(columns=ids)
    fields = [c for c in df.columns if c in META_FIELDS]
    if fields:
        df = df.assign(**{c: labels(df[c]) for c in fields})
    coded = [c for c in df.columns if c in VALUE_LABELS]
    if coded:
        df = df.assign(**{c: df[c].map(lambda v, c=c: VALUE_LABELS[c].get(v, v)) for c in coded})
    return df.rename(columns={c: COLUMN_LABELS.get(c, c) for c in df.columns})


def _html(markup: str):
    from IPython.display import HTML

    return HTML(markup)


# after setup() in JupyterLab: the Lab's font variables (its theme's defaults) with the packaged
# font last, for the Lab's text, tables and code alike: Latin keeps the Lab's look, Chinese gets
# the glyphs (a font the user chose in the Lab's settings is set inline and still wins)
_LAB_SANS = ("system-ui,-apple-system,blinkmacsystemfont,'Segoe UI',helvetica,arial,sans-serif,"
             "'Apple Color Emoji','Segoe UI Emoji','Segoe UI Symbol'")
_LAB_FONT_RULES = (
    f":root{{--jp-ui-font-family:{_LAB_SANS},\"{{family}}\";"
    f"--jp-content-font-family:{_LAB_SANS},\"{{family}}\";"
    "--jp-code-font-family:menlo,consolas,'DejaVu Sans Mono',monospace,\"{family}\"}"
)
_lab_font_on = False


def lab_font_html() -> str:
    """The ``<style>`` that :func:`setup` shows once in a notebook: the packaged Chinese font
    (:func:`fazhi.fonts.font_face_css`, cut to the characters of GB2312,
    :func:`fazhi.fonts.common_chars`, about 2 MB, kept in the cache folder) and the rules giving
    it to the Lab's text, tables and code as the last font of their family list. Tables and
    notices whose text holds rarer characters (鮀) bring a small face of their own for just
    those. "" without a font (the Lab then uses the reader's fonts).

    >>> lab_font_html()[:32]                                            # doctest: +SKIP
    '<style class="fazhi-lab-font">@f'
    """
    from fazhi.fonts import FONT_FAMILY, common_chars, font_face_css

    try:
        rule = font_face_css(common_chars(), cache=True)
    except Exception:  # noqa: BLE001 - no font or fontTools: the reader's fonts
        return ""
    return (f'<style class="fazhi-lab-font">{rule}'
            f'{_LAB_FONT_RULES.replace("{family}", FONT_FAMILY)}</style>')


@functools.lru_cache(maxsize=1)
def _common_set(chars: str) -> frozenset[str]:
    return frozenset(chars)


def _lab_font(markup: str) -> str:
    """A ranged face for the characters of ``markup`` beyond the Lab font's (once :func:`setup`
    gave the Lab its font), else ""."""
    if not _lab_font_on:
        return ""
    from fazhi.fonts import cjk_chars, common_chars, font_face_css

    rare = "".join(c for c in cjk_chars(markup) if c not in _common_set(common_chars()))
    try:
        rule = font_face_css(rare, ranged=True) if rare else ""
    except Exception:  # noqa: BLE001 - the reader's fonts
        return ""
    return f'<style class="fazhi-lab-font">{rule}</style>' if rule else ""


def heading(text: str, level: int = 2):
    """An HTML heading whose text is escaped (for headings built from region names or titles)."""
    level = min(max(int(level), 1), 6)
    return _html(f"<h{level}>{html.escape(str(text))}</h{level}>")


def message(text: str, kind: Literal["info", "warning"] = "info"):
    """A short escaped notice box (e.g. "no report for this region")."""
    colour = {"info": "#2c6fbb", "warning": "#c0392b"}[kind]
    return _html(f'<div style="border-left:4px solid {colour};padding:.4em .8em;margin:.6em 0">'
                 f"{html.escape(str(text))}</div>")


# the legend under a table, scoped by its class (small, grey, below the table's tools)
_LEGEND_CSS = ("p.fazhi-legend{font-size:12px;line-height:1.6;color:var(--jp-ui-font-color2,#555);"
               "margin:.2em 0 1em;max-width:60em}p.fazhi-legend b{font-weight:600}")


def legend_html(df: pd.DataFrame) -> str:
    """The legend of a table for readers: what each flag or count among its (Chinese) headers
    means, from :data:`fazhi.vocab.COLUMN_NOTES` (one definition per page and project), and
    what “—” stands for when a flag column holds one; "" when no header needs one.

    >>> legend_html(compliance_table(corpus.docs))[:60]        # doctest: +SKIP
    '<p class="fazhi-legend">…<b>逾期发布</b>：发布日期晚于次年 4 月 1 日…'
    """
    from fazhi.vocab import COLUMN_NOTES, NOT_KNOWN_NOTE, NOT_KNOWN_SIGN

    names = [str(c) for c in getattr(df, "columns", [])]
    items = [str(v) for v in df["项目"]] if "项目" in names else []  # a summary's rows
    noted = [c for c in dict.fromkeys([*names, *items]) if c in COLUMN_NOTES]
    if not noted:
        return ""
    parts = [f"<b>{html.escape(c)}</b>：{html.escape(COLUMN_NOTES[c])}" for c in noted]
    cells = df.loc[:, [str(c) in noted for c in df.columns]].astype(str)
    if (cells == NOT_KNOWN_SIGN).to_numpy().any():
        parts.append(html.escape(NOT_KNOWN_NOTE))
    return f'<style>{_LEGEND_CSS}</style><p class="fazhi-legend">注：{"；".join(parts)}。</p>'


def html_table(df: pd.DataFrame, *, caption: str | None = None, index: bool = False) -> str:
    """Escaped HTML of a DataFrame (cell text and caption escaped): the complete table of
    :func:`fazhi.htmltable.table_html`, its legend (:func:`legend_html`) under it; ``index``:
    keep the index as the first columns."""
    from fazhi.htmltable import table_html

    df = df.reset_index() if index else df
    return table_html(df, caption=caption) + _legend_of(df)


def _legend_of(df) -> str:
    import pandas as pd

    from fazhi.htmltable import reader_frame

    if isinstance(df.columns, pd.MultiIndex):  # pivots: their headers are values, not fields
        return ""
    return legend_html(label_columns(reader_frame(df)))


def table(df: pd.DataFrame, *, caption: str | None = None):
    """Display ``df`` as a complete table with a title, e.g. to say that it is deliberately
    limited (escaped; see :func:`fazhi.htmltable.table_html`).

    >>> fd.table(freq, caption=f"出现次数最多的 {top_n} 个词")   # doctest: +SKIP
    """
    return _html(html_table(df, caption=caption))


def _dataframe_html(df) -> str:
    from fazhi.htmltable import table_html

    markup = table_html(df) + _legend_of(df)
    return _lab_font(markup) + markup


def _html_object_html(obj) -> str:
    markup = obj._repr_html_() or ""
    return _lab_font(markup) + markup


def _styler_html(styler) -> str:
    # a Styler's colours would need its own (unescaped) HTML: show its data, complete and escaped
    return _dataframe_html(styler.data)


def setup() -> None:
    """Make every DataFrame a notebook cell shows (returned last or passed to ``display``) a
    complete fazhi table (:func:`fazhi.htmltable.table_html`): all rows and columns, no pandas
    index, Chinese headers; sortable, searchable, paged and downloadable as CSV on the rendered
    page. Call it once in the import cell; outside IPython it does nothing.

    It also shows :func:`lab_font_html`: the packaged Chinese font for the Lab's text and tables,
    so a machine without a Chinese system font shows no boxes (not in a render's kernels, whose
    pages embed their own font: ``$FAZHI_LAB_FONT=0``).

    >>> from fazhi import display as fd
    >>> fd.setup()
    """
    global _lab_font_on
    import os

    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - the notebooks always have IPython
        return
    shell = get_ipython()
    if shell is None:
        return
    import pandas as pd

    from fazhi.fonts import LAB_FONT_ENV

    formatter = shell.display_formatter.formatters["text/html"]
    if os.environ.get(LAB_FONT_ENV, "1") != "0":
        style = lab_font_html()
        if style:
            from IPython.display import HTML, display

            display(HTML(style))
            _lab_font_on = True
            # every HTML output (notices, concordances, the reuse view …) brings its rare glyphs
            formatter.for_type(HTML, _html_object_html)
    formatter.for_type(pd.DataFrame, _dataframe_html)
    try:
        from pandas.io.formats.style import Styler  # needs jinja2
    except ImportError:  # pragma: no cover
        return
    formatter.for_type(Styler, _styler_html)


def show(fig: Figure, *, dpi: int = 100) -> None:
    """Display a Figure as an embedded PNG and close it (no duplicate, any backend).

    When ``$FAZHI_FIGURES`` names a folder (``fazhi render --figures`` sets it for each page),
    the chart is also written there as SVG, PDF and 300-dpi PNG
    (:func:`fazhi.figures.save_shown`: ``03-textplot_themes.svg`` …) and a line of links to
    those files is shown under it."""
    import io

    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    from fazhi.figures import save_shown

    try:
        links = save_shown(fig)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    finally:
        plt.close(fig)
    display(Image(data=buf.getvalue(), format="png"))
    if links:
        display(_html(links))


def cached(func, corpus: Corpus, /, **kwargs):
    """``func(corpus, **kwargs)`` computed once per corpus and arguments (see :mod:`fazhi.memo`).

    >>> passages = cached(fazhi.textstat_reuse, corpus, min_length=20)  # doctest: +SKIP
    """
    from fazhi.memo import cached as _cached

    return _cached(func, corpus, **kwargs)


# --------------------------------------------------------------------------- documents


def _yes(v) -> str:
    import pandas as pd

    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return "—"
    return "是" if bool(v) else "否"


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


def sides_message(sides: dict[str, int], target: str, reference: str = "其他报告"):
    """The notice above a keyness chart: the reports on each side and those on neither (unknown
    field), or (warning) why the comparison cannot be made."""
    text = f"目标：{target}（{sides['target']} 份报告）；参照：{reference}（{sides['reference']} 份报告）"
    if sides.get("unknown"):
        text += f"；{sides['unknown']} 份报告因所查字段不明，不计入任何一方"
    if not sides["target"] or not sides["reference"]:
        return message(text + "。关键性分析需要目标组和参照组都有报告，本节从略。", "warning")
    return message(text + "。")


# the Chinese headers of the compliance tables
_PART_HEADERS = {"has_achievements": "成效", "has_problems": "问题", "has_duty": "第一责任人",
                 "has_plans": "计划"}
_FLAG_HEADERS = {"late": "逾期发布", "truncated": "截断", "anonymised": "匿名化",
                 "no_title": "无标题", "duplicate_numbering": "编号重复"}
_SUMMARY_HEADERS = {"has_achievements": "含成效部分", "has_problems": "含问题部分",
                    "has_duty": "含第一责任人部分", "has_plans": "含计划部分", **_FLAG_HEADERS}


def compliance_table(docs: pd.DataFrame) -> pd.DataFrame:
    """:func:`fazhi.compliance.textstat_compliance` for readers: file, year, place, the five parts
    of art. 25 and the flags (是/否/—), the missing parts in Chinese.

    >>> compliance_table(corpus.docs)[["文件", "问题", "截断"]]  # doctest: +SKIP
    """
    import pandas as pd

    from fazhi.compliance import textstat_compliance_reports as textstat_compliance

    c = textstat_compliance(docs)
    out = pd.DataFrame({"文件": c["file"].tolist(), "年度": _column(docs, "report_year"),
                        "地区": [place(r) for r in docs.to_dict("records")]})
    for col, header in _PART_HEADERS.items():
        out[header] = [_yes(v) for v in c[col]]
    out["缺少部分"] = ["、".join(PART_LABELS[p] for p in parts) for parts in c["missing_parts"]]
    for col, header in _FLAG_HEADERS.items():
        out[header] = [_yes(v) for v in c[col]]
    return out.reset_index(drop=True)


def compliance_summary(docs: pd.DataFrame) -> pd.DataFrame:
    """:func:`fazhi.compliance.textstat_compliance_summary` for readers: 项目, 报告数, 占比（%）."""
    import pandas as pd

    from fazhi.compliance import textstat_compliance_summary

    s = textstat_compliance_summary(docs)
    n = len(docs)
    return pd.DataFrame({"项目": [_SUMMARY_HEADERS[i] for i in s["item"]],
                         "报告数": s["n_docs"].tolist(),
                         "占比（%）": [round(100 * k / n, 1) if n else 0.0 for k in s["n_docs"]]})


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


def audit_table(audit: pd.DataFrame) -> pd.DataFrame:
    """:func:`fazhi.audit.metadata_audit` / ``metadata_review`` for readers: each field by its
    Chinese name with the ``metadata.csv`` column to correct it under (年度（report_year）), a
    level value in Chinese (镇). A copy.

    >>> audit_table(metadata_audit(corpus.docs))["字段"].iloc[0]          # doctest: +SKIP
    '标题（title）'
    """
    out = audit.copy()
    if "字段" in out.columns:
        if "值" in out.columns:
            out["值"] = [VOCAB_LEVEL_LABELS.get(str(v), v) if f == "level" else v
                        for f, v in zip(out["字段"], out["值"], strict=True)]
        out["字段"] = [f"{COLUMN_LABELS[f]}（{f}）" if f in COLUMN_LABELS else f
                     for f in out["字段"]]
    return out.reset_index(drop=True)


def rejected_table(rejected: pd.DataFrame | None) -> pd.DataFrame:
    """Files that were not read as reports, with the reason (Chinese headers)."""
    import pandas as pd

    if rejected is None or len(rejected) == 0:
        return pd.DataFrame(columns=["文件", "状态", "原因"])
    return rejected.rename(columns={"file": "文件", "status": "状态", "reason": "原因"})


# --------------------------------------------------------------------------- regions


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


# --------------------------------------------------------------------------- summary card

# the card's look, scoped by its class (the page template is not touched); JupyterLab's theme
# colours where there are any
_CARD_CSS = (
    "div.fazhi-card{border:1px solid var(--jp-border-color2,#d0d7de);"
    "border-left:4px solid #2c6fbb;border-radius:4px;padding:.6em 1em;margin:.6em 0 1.2em;"
    "max-width:56em;line-height:1.6;font-family:inherit}"
    "div.fazhi-card p.fazhi-card-title{font-weight:bold;margin:0 0 .3em}"
    # JupyterLab floats an output's dt/dd at 20 %/80 %: a grid of the label's width instead
    "div.fazhi-card dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1.2em;"
    "margin:0;padding:0;width:auto;overflow:visible}"
    "div.fazhi-card dt,div.fazhi-card dd{float:none;width:auto;margin:0;padding:0}"
    "div.fazhi-card dt{font-weight:bold}"
    "div.fazhi-card dd.fazhi-card-none{color:var(--jp-ui-font-color2,#666)}"
)
NONE = "无"      # a count that is zero, an empty list
NOT_KNOWN = "—"  # a fact that is not known


def year_runs(years) -> str:
    """Years as text, runs of three or more joined by a dash; two in a row stay listed.

    >>> year_runs([2023, 2019, 2020, 2021]), year_runs([2020, 2021])
    ('2019–2021、2023', '2020、2021')
    """
    years = sorted(set(int(y) for y in years))
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return "、".join(f"{r[0]}–{r[-1]}" if len(r) >= 3 else "、".join(map(str, r)) for r in runs)


def _percent(share: float) -> str:
    return "<0.1%" if 0 < share < 0.001 else f"{100 * share:.1f}%"


def summary_rows(s: RegionSummary) -> list[tuple[str, str]]:
    """The lines of a summary card (:func:`fazhi.textstat_summary`) as (label, text), in Chinese;
    "无" for none, "—" for not known.

    >>> summary_rows(fazhi.textstat_summary(corpus, sub))[:2]              # doctest: +SKIP
    [('报告', '3 份'), ('年度', '2019–2024（缺 2020、2021、2023）')]
    """
    n = s.n_reports
    rows = [("报告", f"{n} 份" if n else NONE)]
    # years covered, the gaps between them, the reports without one
    if s.years:
        span = str(s.years[0]) if len(s.years) == 1 else f"{s.years[0]}–{s.years[-1]}"
        text = span + (f"（缺 {year_runs(s.missing_years)}）" if s.missing_years else "")
        text += f"；另有 {s.n_unknown_year} 份年度不明" if s.n_unknown_year else ""
    else:
        text = f"{NOT_KNOWN}（年度均不明）" if n else NOT_KNOWN
    rows.append(("年度", text))
    # the Article-25 parts some reports lack
    if n and s.n_parts_unknown >= n:
        text = f"{NOT_KNOWN}（章节不明）"
    elif s.missing_parts:
        text = "、".join(f"{PART_LABELS.get(p, p)} {k} 份" for p, k in s.missing_parts.items())
    else:
        text = NONE if n else NOT_KNOWN
    if n and 0 < s.n_parts_unknown < n:
        text += f"；{s.n_parts_unknown} 份章节不明"
    rows.append(("缺少部分", text))
    # published after 1 April of the following year; unknown dates apart, never late
    if n and s.n_unknown_date >= n:
        text = f"{NOT_KNOWN}（{n} 份发布日期不明）" if n > 1 else f"{NOT_KNOWN}（发布日期不明）"
    else:
        text = (f"{s.n_late} 份" if s.n_late else NONE) if n else NOT_KNOWN
        if s.n_unknown_date:
            text += f"；另有 {s.n_unknown_date} 份发布日期不明，未计入"
    rows.append(("逾期发布（次年4月1日后）", text))
    # the region's terms
    what = {"keyness": "特色词（与其余报告相比，G²）", "frequency": "高频词"}.get(s.terms_basis, "特色词")
    rows.append((what, "、".join(s.terms) if s.terms else (NONE if n else NOT_KNOWN)))
    # the share of its text found in other reports, boilerplate apart
    if s.reuse_share is None:
        text = NOT_KNOWN if s.n_chars is None or not n else f"{NOT_KNOWN}（没有文字）"
    elif not s.reused_chars:
        text = NONE
    else:
        text = f"{_percent(s.reuse_share)}（{s.reused_chars:,} 字），见于 {s.n_partners} 份其他报告"
    rows.append(("与其他报告相同的文字（套话除外）", text))
    # numeric facts
    if s.n_indicators is None:
        text = NOT_KNOWN
    elif not s.n_indicators:
        text = NONE
    else:
        text = f"{s.n_indicators} 条（{s.n_indicator_reports} 份报告）"
    rows.append(("数字指标", text))
    return rows


def summary_card_html(s: RegionSummary, *, title: str = "概要") -> str:
    """The HTML of a summary card: a titled list of :func:`summary_rows`, every text escaped,
    its small CSS inline and scoped by the class ``fazhi-card`` (no script; reads without CSS)."""
    items = []
    for name, text in summary_rows(s):
        none = text in (NONE, NOT_KNOWN) or text.startswith(NOT_KNOWN + "（")
        cls = ' class="fazhi-card-none"' if none else ""
        items.append(f"<dt>{html.escape(name)}</dt><dd{cls}>{html.escape(text)}</dd>")
    return (f'<div class="fazhi-card"><style>{_CARD_CSS}</style>'
            f'<p class="fazhi-card-title">{html.escape(title)}</p>'
            f"<dl>{''.join(items)}</dl></div>")


def summary_card(s: RegionSummary, *, title: str = "概要"):
    """A summary card (:func:`fazhi.textstat_summary`) to display at the top of a dossier.

    >>> display(summary_card(fazhi.textstat_summary(corpus, sub, passages=passages)))  # doctest: +SKIP
    """
    return _html(summary_card_html(s, title=title))


# --------------------------------------------------------------------------- analyses tables


def _group_of(table: pd.DataFrame, by: str | None) -> str:
    """The group column of an analysis table: ``by``, or its first column (``textstat_*(…,
    by=B)`` puts B first)."""
    return by if by is not None else str(table.columns[0])


def indicator_matrix(summary: pd.DataFrame, *, by: str | None = None,
                     measure: str = "n_facts") -> pd.DataFrame:
    """Region × category table of an indicator summary (``textstat_indicator_summary``); ``by``:
    its group column (default: the table's first column)."""
    import pandas as pd

    if summary is None or summary.empty:
        return pd.DataFrame()
    by = _group_of(summary, by)
    keys = labels(summary[by])
    cats = summary["label"] if "label" in summary.columns else summary["category"]
    mat = summary.assign(**{by: keys, "category": cats}).pivot_table(
        index=by, columns="category", values=measure, aggfunc="sum", fill_value=0)
    mat.index.name = COLUMN_LABELS.get(by, by)
    mat.columns.name = f"类别（{COLUMN_LABELS.get(measure, measure)}）"
    return mat


def keywords_table(keywords: pd.DataFrame, *, by: str | None = None,
                   sep: str = "、") -> pd.DataFrame:
    """One row per group with its terms in rank order (``textstat_keywords`` /
    ``textstat_distinctive`` output): <group>, 关键词. ``by``: the group column (default: the
    table's first column).
    """
    import pandas as pd

    if keywords is not None and len(keywords.columns):
        by = _group_of(keywords, by)
    if keywords is None or keywords.empty:
        return pd.DataFrame(columns=[COLUMN_LABELS.get(by, by), "关键词"])
    df = keywords.sort_values([by, "rank"]) if "rank" in keywords.columns else keywords
    out = (df.groupby(pd.Series(labels(df[by]), index=df.index, name=by), sort=False)["term"]
           .agg(lambda t: sep.join(str(x) for x in t)).rename("关键词").reset_index())
    out = out.sort_values(by, key=lambda col: col.map(_label_order)).reset_index(drop=True)
    return label_columns(out)


def theme_matrix(themes: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Group × theme table of shares in per cent (``textstat_themes`` output); ``by``: the group
    column (default: the table's first column)."""
    import pandas as pd

    if themes is None or themes.empty:
        return pd.DataFrame()
    by = _group_of(themes, by)
    keys = labels(themes[by])
    mat = (themes.assign(**{by: keys, "share": 100 * themes["share"].astype(float)})
           .pivot_table(index=by, columns="theme", values="share", aggfunc="sum", sort=False)
           .round(2))
    mat.index.name = COLUMN_LABELS.get(by, by)
    mat.columns.name = "主题（占比 %）"
    return mat


def regroup_themes(themes: pd.DataFrame, docs: pd.DataFrame, *,
                   by: str = REGION_COLUMN) -> pd.DataFrame:
    """:func:`fazhi.textstat.regroup_themes`, by default per region (the column
    :func:`~fazhi.regions.with_regions` adds).

    >>> per_doc = cached(fazhi.textstat_themes, corpus, by="doc_id")          # doctest: +SKIP
    >>> regroup_themes(per_doc, with_regions(corpus, "district").docs)       # doctest: +SKIP
    """
    from fazhi.textstat import regroup_themes as regroup

    return regroup(themes, docs, by=by)


def theme_comparison(themes: pd.DataFrame, *, by: str, region: str) -> pd.DataFrame:
    """:func:`fazhi.textstat.compare_themes` for readers, in per cent: 主题, 本地区（%）,
    语料平均（%）, 差（百分点）.
    """
    import pandas as pd

    from fazhi.textstat import compare_themes

    c = compare_themes(themes, by=by, group=region)
    out = pd.DataFrame({"主题": c["theme"].tolist(),
                        "本地区（%）": [100 * v for v in c["share"]],
                        "语料平均（%）": [100 * v for v in c["average"]]})
    out["差（百分点）"] = out["本地区（%）"] - out["语料平均（%）"]
    return out.round(2)


def kwic_table(hits: pd.DataFrame) -> pd.DataFrame:
    """A ``kwic`` table for readers: file, part (Chinese), left context, keyword, right context."""
    cols = ["file", "part", "left", "keyword", "right"]
    out = hits[[c for c in cols if c in hits.columns]]
    if "part" in out.columns:
        out = out.assign(part=out["part"].map(lambda p: PART_LABELS.get(str(p), str(p))))
    return label_columns(out.reset_index(drop=True))


# the concordance's CSS, scoped by the class fazhi-kwic: a grid of four columns whose widths are
# the widest cell's (max-content), so every left context ends, and every right context starts, at
# the same x; rows are display:contents (one div per hit that reads as a line without CSS)
_KWIC_CSS = (
    "div.fazhi-kwic{margin:.6em 0 1.2em;max-width:100%;overflow-x:auto;font-family:inherit}"
    "div.fazhi-kwic p.fazhi-kwic-caption{font-weight:600;margin:.2em 0}"
    "div.fazhi-kwic div.fazhi-kwic-lines{display:grid;grid-template-columns:"
    "max-content max-content max-content max-content;width:max-content;font-size:13px;"
    "line-height:1.7}"
    "div.fazhi-kwic div.fazhi-kwic-row{display:contents}"
    "div.fazhi-kwic div.fazhi-kwic-row>span{white-space:nowrap;padding:.1em .15em;"
    "border-bottom:1px solid var(--jp-border-color3,#eee)}"
    "div.fazhi-kwic span.fazhi-kwic-src{font-size:85%;color:var(--jp-ui-font-color2,#666);"
    "padding-right:1em}"
    "div.fazhi-kwic span.fazhi-kwic-left{text-align:right}"
    "div.fazhi-kwic span.fazhi-kwic-key{text-align:center}"
    "div.fazhi-kwic span.fazhi-kwic-right{text-align:left}"
    "div.fazhi-kwic mark{background:#fff0a8;color:inherit;font-weight:bold;padding:0 .1em}"
    "div.fazhi-kwic div.fazhi-kwic-head>span{font-size:85%;font-weight:600;"
    "color:var(--jp-ui-font-color2,#555);border-bottom:1px solid #bbb}"
    "div.fazhi-kwic details{margin-top:.4em;font-size:13px}"
)


def kwic_view_html(hits: pd.DataFrame, *, caption: str | None = None,
                   table: bool = True) -> str:
    """The HTML of a concordance of :func:`fazhi.kwic` hits: one line per hit, the left context
    right-aligned, the keyword in ``<mark>`` in a column of its own, the right context
    left-aligned, the file and part small in front; lines never wrap (the contexts are cut at
    ``kwic``'s ``window``; a wide view scrolls sideways). Every text is escaped; the CSS is
    inline and scoped by the class ``fazhi-kwic`` (no script). ``table``: the complete table
    (:func:`kwic_table`: sortable, downloadable as CSV on the rendered page) follows, collapsed
    in a ``<details>``.

    >>> kwic_view_html(fazhi.kwic(corpus, "法律顾问", window=10))   # doctest: +SKIP
    '<div class="fazhi-kwic">…<mark>法律顾问</mark>…'
    """
    esc = html.escape
    head = ('<div class="fazhi-kwic-row fazhi-kwic-head" role="row">'
            '<span class="fazhi-kwic-src" role="columnheader">来源</span>'
            '<span class="fazhi-kwic-left" role="columnheader">左文</span>'
            '<span class="fazhi-kwic-key" role="columnheader">关键词</span>'
            '<span class="fazhi-kwic-right" role="columnheader">右文</span></div>')
    n = len(hits)
    cols = {c: (hits[c].tolist() if c in hits.columns else [""] * n)
            for c in ("file", "part", "left", "keyword", "right")}
    rows = []
    for file, part, left, key, right in zip(*cols.values(), strict=True):
        where = label(file) if part in (None, "") else \
            f"{label(file)} · {PART_LABELS.get(str(part), str(part))}"
        rows.append('<div class="fazhi-kwic-row" role="row">'
                    f'<span class="fazhi-kwic-src" role="cell">{esc(where)}</span>'
                    f'<span class="fazhi-kwic-left" role="cell">{esc(str(left))}</span>'
                    f'<span class="fazhi-kwic-key" role="cell"><mark>{esc(str(key))}</mark></span>'
                    f'<span class="fazhi-kwic-right" role="cell">{esc(str(right))}</span></div>')
    cap = f'<p class="fazhi-kwic-caption">{esc(caption)}</p>' if caption else ""
    full = (f"<details><summary>完整表格（{n} 处：排序、筛选、下载 CSV）</summary>"
            f"{html_table(kwic_table(hits))}</details>") if table else ""
    return (f'<div class="fazhi-kwic"><style>{_KWIC_CSS}</style>{cap}'
            f'<div class="fazhi-kwic-lines" role="table">{head}{"".join(rows)}</div>{full}</div>')


def kwic_view(hits: pd.DataFrame, *, caption: str | None = None, table: bool = True):
    """Display :func:`fazhi.kwic` hits as a concordance aligned on the keyword
    (:func:`kwic_view_html`), the complete table collapsed under it.

    >>> display(kwic_view(fazhi.kwic(sub, "矛盾纠纷")))   # doctest: +SKIP
    """
    return _html(kwic_view_html(hits, caption=caption, table=table))


def neighbours_table(neighbours: pd.DataFrame, docs: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`fazhi.textstat_neighbours` for readers. Grouped by region or place, its names are
    shown as they are; grouped by report (``by="doc_id"`` or ``by="file"``), each side is shown
    by its place and file, never a hash id (``docs``: corpus.docs; without it the files only):
    地区, 文件, 最相近的地区, 最相近的文件, 相似度, 排名.

    >>> neighbours_table(fazhi.textstat_neighbours(corpus, by="doc_id", n=2), corpus.docs)  # doctest: +SKIP
    """
    import pandas as pd

    if neighbours is None:
        return pd.DataFrame()
    key = next((k for k in ("doc_id", "file") if k in neighbours.columns), None)
    if key is None:
        return label_columns(neighbours)
    rows = {} if docs is None or key not in docs.columns else \
        {r[key]: r for r in docs.to_dict("records")}

    def place_of(ids) -> list[str]:
        return [place(rows[i]) if i in rows else UNKNOWN for i in ids]

    def file_of(ids, fallback) -> list[str]:
        return [label(rows[i].get("file")) if i in rows else label(f)
                for i, f in zip(ids, fallback, strict=True)]

    ids, other = neighbours[key].tolist(), neighbours["neighbour"].tolist()
    own = neighbours["label"].tolist() if "label" in neighbours.columns else ids
    theirs = neighbours["neighbour_label"].tolist() if "neighbour_label" in neighbours.columns \
        else other
    out = pd.DataFrame({"地区": place_of(ids), "文件": file_of(ids, own),
                        "最相近的地区": place_of(other), "最相近的文件": file_of(other, theirs)})
    if not rows:
        out = out.drop(columns=["地区", "最相近的地区"])
    for col in ("similarity", "rank"):
        if col in neighbours.columns:
            out[COLUMN_LABELS[col]] = neighbours[col].tolist()
    return out


def reuse_pairs_table(pairs: pd.DataFrame) -> pd.DataFrame:
    """:func:`fazhi.reuse_pairs` for readers: 文件甲, 文件乙, 共享段数 and the shared text counted
    one way (共享字数（甲）/（乙） when the pairs were computed with ``corpus=``, as 共享字数 of
    :func:`reuse_share_table`; the summed passage lengths then left out); no hash ids.

    >>> reuse_pairs_table(fazhi.reuse_pairs(passages, corpus=corpus))   # doctest: +SKIP
    """
    per_side = {"reused_chars_a", "reused_chars_b"} <= set(pairs.columns)
    drop = ["doc_a", "doc_b", *(["length"] if per_side else [])]
    out = pairs.drop(columns=[c for c in drop if c in pairs.columns])
    return label_columns(out.reset_index(drop=True))


def indicator_table(table: pd.DataFrame) -> pd.DataFrame:
    """The unit × year indicator table (:func:`fazhi.textstat_indicator_table`) for readers:
    Chinese headers, empty cells blank (no fact, not 0), counts of facts as integers, unknown
    units and years shown as （不明）."""
    from fazhi.indicators import column_labels

    out = table.copy()
    for col in out.columns:
        if col in META_FIELDS or col == "region":
            out[col] = labels(out[col])
        elif out[col].dtype.kind == "f":
            out[col] = [("" if v != v else (f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}"))
                        for v in out[col]]
    return out.rename(columns={**column_labels(table), "region": "地区"})


def facts_table(facts: pd.DataFrame, columns: tuple[str, ...] = (
        "file", "label", "frame", "actor", "subject", "verb", "predicate", "value", "unit",
        "qualifier", "status", "sentence")) -> pd.DataFrame:
    """The facts of :func:`fazhi.textstat_indicators` for readers: the indicator's own Chinese
    headers (类别, 所在事项, 实施者, 所计事物, 动作, 谓语, 数值, 性质 …) and codes (实绩/目标/基期比较)."""
    from fazhi.indicators.table import COLUMN_LABELS as FACT_LABELS
    from fazhi.indicators.table import KIND_LABELS, STATUS_LABELS

    out = facts[[c for c in columns if c in facts.columns]].rename(columns={"label": "category"})
    for col, mapping in (("status", STATUS_LABELS), ("number_kind", KIND_LABELS)):
        if col in out.columns:
            out = out.assign(**{col: [mapping.get(v, v) for v in out[col]]})
    return out.rename(columns={c: FACT_LABELS.get(c) or COLUMN_LABELS.get(c, c)
                               for c in out.columns}).reset_index(drop=True)


def reuse_share_table(share: pd.DataFrame) -> pd.DataFrame:
    """:func:`fazhi.textstat_reuse_share` for readers: Chinese headers, the share of each kind
    of passage labelled from ``data/reuse_labels.tsv`` (占比·本单位其他年度报告 …); the file
    names the report (no hash id)."""
    from fazhi.reuse.edits import labels as reuse_labels

    kinds = reuse_labels()
    names = {c: f"占比·{kinds.get(c[len('share_'):], c[len('share_'):])}"
             for c in share.columns if str(c).startswith("share_")}
    if "file" in share.columns:
        share = share.drop(columns=["doc_id"], errors="ignore")
    return label_columns(share.rename(columns=names).reset_index(drop=True))


# ---------------------------------------------------------------- accountability (issue 14, 07)


def definitions(items: dict[str, str], *, columns=None):
    """The definitions under a table, as an escaped HTML list: one line per column, its Chinese
    header in bold, then its definition (``fazhi.compliance.DEFINITIONS``); ``columns``: the
    columns to list (default all)."""
    keys = [c for c in (columns if columns is not None else items) if c in items]
    lines = "".join(f"<li><b>{html.escape(COLUMN_LABELS.get(k, k))}</b>：{html.escape(items[k])}</li>"
                    for k in keys)
    return _html(f'<ul class="fazhi-definitions">{lines}</ul>')


def problem_matrix(shares: pd.DataFrame, *, by: str | None = None,
                   value: str = "share") -> pd.DataFrame:
    """:func:`fazhi.textstat_problem_shares` for readers: one row per group (its label; the
    reports with a problems part listing something and all reports), one column per category
    (Chinese label) with ``value`` in per cent; the two flag columns count reports."""
    import pandas as pd

    from fazhi.textstat.problems import FLAG_LABELS

    if shares is None or shares.empty:
        return pd.DataFrame()
    by = by or str(shares.columns[0])
    flags = shares["category"].isin(list(FLAG_LABELS))
    keyed = shares.assign(**{by: labels(shares[by])})
    mat = (keyed[~flags].assign(v=100 * keyed.loc[~flags, value].astype(float))
           .pivot_table(index=by, columns="label", values="v", aggfunc="sum", sort=False).round(1))
    counts = keyed.groupby(by, sort=False)[["n_reports", "n_admitting"]].first()
    flag_counts = (keyed[flags].pivot_table(index=by, columns="label", values="reports",
                                            aggfunc="sum", sort=False))
    out = pd.concat([counts.rename(columns={"n_reports": "报告数", "n_admitting": "列出问题的报告数"}),
                     flag_counts, mat.add_suffix("（%）")], axis=1)
    out.index.name = COLUMN_LABELS.get(by, by)
    return out.reset_index()


def problem_units_table(problems: pd.DataFrame, docs: pd.DataFrame, *,
                        categories=None) -> pd.DataFrame:
    """Units of :func:`fazhi.textstat_problems` for readers, with the report's file, year and
    place: 文件, 年度, 省 … 序号, 文字, 类别 (Chinese), 涉及类别, 命中词; ``categories``: the
    categories to list (e.g. ``["other"]`` for the units no pattern classes; flags too)."""
    from fazhi.textstat.problems import load_problem_rules

    rows = problems if categories is None else problems[problems["category"].isin(list(categories))]
    names = load_problem_rules().labels
    meta = [c for c in ("report_year", "province", "city", "district", "town") if c in docs]
    out = rows.merge(docs[["doc_id", *meta]], on="doc_id", how="left")
    out = out.assign(categories=[("、".join(names.get(c, c) for c in s.split(",")) if s else "")
                                 for s in out["categories"]])
    cols = ["file", *meta, "unit_no", "text", "label", "categories", "cues"]
    return label_columns(out[cols].rename(columns={"label": "category"}).reset_index(drop=True))


def compliance_groups(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`fazhi.textstat_compliance` for readers and papers: levels in Chinese (镇, 街道 …),
    Chinese headers, unknown groups as （不明）; export it with
    ``fazhi.export_table(fd.compliance_groups(t), "合规.xlsx")`` (or ``.dta``)."""
    from fazhi.vocab import LEVEL_LABELS

    if "level" in table.columns:
        table = table.assign(level=[LEVEL_LABELS.get(v, v) if isinstance(v, str) else v
                                    for v in table["level"]])
    return label_columns(table)

# --------------------------------------------------------------------------- follow-through, specificity


def followthrough_section(table: pd.DataFrame, docs: pd.DataFrame):
    """The dossier's follow-through section: for the reports of ``docs`` (a region), the share of
    last year's plans followed up per unit and year, then each plan item beside the passage of
    next year's report that reports on it (:func:`fazhi.textstat_followthrough`); a notice in
    Chinese when no unit of the region has reports of two consecutive years.

    >>> fd.followthrough_section(fd.cached(fazhi.textstat_followthrough, corpus), sub.docs)  # doctest: +SKIP
    """
    from fazhi.textstat.followthrough import textstat_followthrough_share

    rows = table[table["doc_id"].isin(set(docs["doc_id"]))] if len(table) else table
    if not len(rows):
        why = table.attrs.get("message") if not len(table) else None
        return message(why or "本地区没有哪个单位同时有相邻两个年度（t 与 t+1）的报告，"
                       "无法核对上一年度计划的落实情况。")
    share = textstat_followthrough_share(rows)
    share = share.assign(share_done=[_percent(v) for v in share["share_done"]],
                         share_followed=[_percent(v) for v in share["share_followed"]])
    items = rows[["unit", "report_year", "item_no", "item", "follow_status", "score", "matched",
                  "matched_terms", "key_terms"]].rename(columns={"item": "plan"})
    items = items.assign(score=[f"{v:.2f}" for v in items["score"]])
    labelled = label_columns(items).rename(columns={"plan": "上一年度的计划"})
    return _html(html_table(label_columns(share), caption="上一年度计划的跟进占比（每个单位、每个计划年度）")
                 + html_table(labelled, caption="计划与次年报告中的对应文字（已报告完成 / 仅提及 / 未提及）"))


def _specificity(corpus: Corpus, *, min_length: int = 20) -> pd.DataFrame:
    from fazhi.indicators import textstat_indicators
    from fazhi.reuse.search import textstat_reuse
    from fazhi.textstat.specificity import textstat_specificity

    return textstat_specificity(corpus, passages=cached(textstat_reuse, corpus, min_length=min_length),
                                facts=cached(textstat_indicators, corpus))


def specificity(corpus: Corpus, *, min_length: int = 20) -> pd.DataFrame:
    """:func:`fazhi.textstat_specificity` of the whole corpus, computed once per corpus from the
    cached reuse passages and facts the other pages use (see :func:`cached`)."""
    return cached(_specificity, corpus, min_length=min_length)


def specificity_section(spec: pd.DataFrame, docs: pd.DataFrame):
    """The dossier's specificity section: the reports of ``docs`` with their score, rank in the
    corpus, explanation, parts and example sentences.

    >>> fd.specificity_section(fd.specificity(corpus), sub.docs)   # doctest: +SKIP
    """
    rows = spec[spec["doc_id"].isin(set(docs["doc_id"]))].sort_values("rank")
    if not len(rows):
        return message("本地区没有可计算具体程度的报告。")
    out = rows[["file", "report_year", "score", "rank", "explanation", "facts_per_1k",
                "slogan_share", "other_unit_share", "previous_share", "fact_examples",
                "slogan_examples", "other_unit_examples", "previous_examples"]]
    out = out.assign(score=[f"{v:.0f}" for v in out["score"]],
                     facts_per_1k=[f"{v:.1f}" for v in out["facts_per_1k"]],
                     **{c: [_percent(v) for v in out[c]] for c in
                        ("slogan_share", "other_unit_share", "previous_share")})
    labelled = label_columns(out).rename(columns={"排名": f"排名（共 {len(spec)} 份）"})
    return _html(html_table(labelled, caption="报告的具体程度（0–100，越高越具体）：得分、组成与例句"))
