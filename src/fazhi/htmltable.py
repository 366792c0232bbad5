"""Tables a reader can use: a DataFrame as one complete, escaped HTML ``<table>``.

Every row and every column is written (pandas' HTML repr cuts long tables to ten rows and wide
ones to twenty columns), without the pandas index (a named index becomes the first columns),
with Chinese headers (:data:`fazhi.vocab.COLUMN_LABELS`). Numeric columns carry their numbers in
``data-v`` and unknown cells (（不明）, —, empty) a ``data-u`` mark, so the page's script
(``templates/tables.js``, inlined once per page by ``templates/page.html.j2``) sorts numbers as
numbers, Chinese by pinyin and unknowns last, filters, pages and downloads the table as CSV. With
JavaScript off, or in JupyterLab, the table is the same complete plain HTML.

Numbers are rounded by their kind (:data:`NUMBER_KINDS`, known by the column's name, else by its
values): counts as integers with thousands separators (1,209), shares as percentages with one
decimal (12.3 %), statistics with three significant digits (69.2, 0.121), p-values below 0.001 as
``< 0.001``; never scientific notation. ``data-v`` keeps the exact number (sorting, the CSV).

Every text (cells, headers, caption) goes through :func:`html.escape`: a report containing
``<script>`` shows the tag literally.

>>> import pandas as pd
>>> print(table_html(pd.DataFrame({"town": ["亭江镇"], "n_chars": [1234]})))  # doctest: +ELLIPSIS
<div class="fazhi-table" data-page-size="25"><table>
<thead><tr><th>乡镇（街道）</th><th data-type="num">字数</th></tr></thead>
<tbody>
<tr><td>亭江镇</td><td data-v="1234">1,234</td></tr>
</tbody>
</table>
<p class="fazhi-count">共 1 行</p></div>
"""

from __future__ import annotations

import datetime as dt
import html
import math
import numbers
import re
from typing import TYPE_CHECKING

from fazhi.vocab import COLUMN_LABELS, UNKNOWN, is_unknown

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TABLE_CLASS = "fazhi-table"
PAGE_SIZE = 25  # rows a page shows before the script pages the table
# what a reader sees as "no value" (sorted last, whatever the direction)
UNKNOWN_TEXTS = frozenset({"", UNKNOWN, "—", "–", "－"})
# a number as tables show it: 1234, -3.5, 1,234, 12.5%, 1.2e-05
_NUMBER = re.compile(r"[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+\-]?\d+)?%?|"
                     r"[+\-−]?\.\d+%?")
_SEP = " · "  # joins the levels of a MultiIndex header
_NUM_TYPE = ' data-type="num"'

# How a numeric column is shown, by its name (the raw name or its Chinese label): the one place
# that says which columns are shares, statistics, p-values or labels. A column not named here is
# a count when every number in it is whole, else a statistic.
#   count: whole numbers, thousands separators (1,209)
#   share: a fraction shown as a percentage, one decimal (0.123 -> 12.3 %)
#   percent: already a percentage, one decimal (12.34 -> 12.3 %)
#   stat: three significant digits, integers in full (69.2, 0.121, -2.35, 1,235)
#   p: three decimals, below 0.001 "< 0.001"
#   plain: as written, no separators (years, codes: 2021, 440305)
NUMBER_KINDS: dict[str, str] = {
    # counts
    "count": "count", "docs": "count", "n_docs": "count", "n_chars": "count", "hits": "count",
    "n_units": "count", "n_target": "count", "n_reference": "count", "reused_chars": "count",
    "length": "count", "n_tokens": "count", "docs_with_term": "count", "n_facts": "count",
    # shares (fractions of one)
    "share": "share", "reuse_share": "share", "average": "share", "difference": "share",
    "inertia": "share", "占比": "share", "比例": "share", "比率": "share", "比重": "share",
    # statistics
    "g2": "stat", "chi2": "stat", "log_ratio": "stat", "similarity": "stat", "score": "stat",
    "lambda": "stat", "z": "stat", "weight": "stat", "jaccard": "stat", "dice": "stat",
    "pmi": "stat", "coherence": "stat", "per_10k": "stat", "per_10k_before": "stat",
    "per_10k_after": "stat", "dim1": "stat", "dim2": "stat", "mass": "stat", "ctr1": "stat",
    "ctr2": "stat", "left_entropy": "stat", "right_entropy": "stat",
    # p-values
    "p": "p", "p_value": "p", "pvalue": "p", "p 值": "p", "p值": "p",
    # labels that are numbers
    "report_year": "plain", "year": "plain", "年度": "plain", "年份": "plain", "topic": "plain",
    "code": "plain", "代码": "plain", "编号": "plain",
}
# the same kinds under the Chinese labels (a table whose columns are already renamed: G², 相似度)
_LABEL_KINDS = {COLUMN_LABELS[k]: kind for k, kind in NUMBER_KINDS.items() if k in COLUMN_LABELS}
# a name that starts like these is a share (textstat_reuse_share's share_<kind>, 占比·重复收录)
_SHARE_PREFIXES = ("share_", "占比·", "占比 · ")
# a name that ends like these has that kind (…占比, …比例, 区划代码, 发布年份, …_share, …%)
_KIND_SUFFIX = re.compile(r"(?:(?P<share>_share|占比|比例|比率|比重)|(?P<percent>%|％|（%）|\(%\))|"
                          r"(?P<p>_p|p 值|p值)|(?P<plain>_year|年度|年份|代码|编号|_code))$")


def _number(value) -> float | None:
    """The number a cell holds, or None (booleans and text are not numbers).

    >>> _number(12), _number("1,234"), _number("12.5%"), _number("2021"), _number("亭江镇")
    (12.0, 1234.0, 12.5, 2021.0, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):
        v = float(value)
        return v if math.isfinite(v) else None
    if isinstance(value, str):
        s = value.strip()
        if _NUMBER.fullmatch(s):
            return float(s.replace(",", "").replace("−", "-").rstrip("%"))
    return None


def number_kind(name) -> str:
    """The kind of the numbers in a column named ``name`` (:data:`NUMBER_KINDS`, then the name's
    ending), or ``""`` when the name does not say.

    >>> number_kind("reuse_share"), number_kind("宣传占比"), number_kind("g2"), number_kind("街道")
    ('share', 'share', 'stat', '')
    """
    if isinstance(name, tuple):  # MultiIndex columns: the last level names the numbers
        return next((k for k in map(number_kind, reversed(name)) if k), "")
    text = str(name).strip()
    for key in (text, text.lower()):
        if key in NUMBER_KINDS:
            return NUMBER_KINDS[key]
        if key in _LABEL_KINDS:
            return _LABEL_KINDS[key]
    if text.lower().startswith(_SHARE_PREFIXES):
        return "share"
    m = _KIND_SUFFIX.search(text.lower())
    return m.lastgroup if m else ""


def _stat_text(v: float) -> str:
    """Three significant digits, at most three decimals, integers in full (no scientific
    notation): 69.177556 -> 69.2, 0.120915 -> 0.121, 1234.5 -> 1,234, 0.00004 -> < 0.001."""
    a = abs(v)
    if a >= 100:
        return f"{v:,.0f}"
    decimals = min(max(2 - math.floor(math.log10(a)), 0), 3) if a else 0
    text = f"{v:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("0", "-0") and v:
        return "< 0.001" if v > 0 else "> -0.001"
    return text


def number_text(v: float, kind: str = "") -> str:
    """A number as a reader reads it, rounded by its ``kind`` (see :data:`NUMBER_KINDS`; ``""``:
    whole numbers as written, others as a statistic).

    >>> number_text(1209, "count"), number_text(0.1234, "share"), number_text(7.37e-07, "p")
    ('1,209', '12.3 %', '< 0.001')
    """
    v = float(v)
    if not math.isfinite(v):
        return ""
    whole = v.is_integer() and abs(v) < 1e15
    if kind == "share":
        return f"{v * 100:.1f} %"
    if kind == "percent":
        return f"{v:.1f} %"
    if kind == "p":
        return "< 0.001" if v < 0.001 else f"{v:.3f}"
    if kind == "count" and whole:
        return f"{int(v):,}"
    if whole and kind in ("", "plain"):
        return str(int(v))
    return _stat_text(v)


def _column_kind(name, nums: list[float | None]) -> str:
    """The kind of a numeric column: by its name, else a count when every number is whole."""
    kind = number_kind(name)
    if kind:
        return kind
    return "count" if all(x is None or x.is_integer() for x in nums) else "stat"


def _sort_key(v: float) -> str:
    """The number in ``data-v``: exact (the CSV download uses it), whole numbers without ``.0``."""
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)


def cell_text(value, kind: str = "") -> str:
    """How a cell value is shown: missing values empty, booleans 是/否, numbers by ``kind``
    (:func:`number_text`; whole floats without ``.0``), dates ISO, lists joined with 、.

    >>> [cell_text(v) for v in (None, True, 3.0, 0.123456, ["成效", "计划"], "亭江镇")]
    ['', '是', '3', '0.123', '成效、计划', '亭江镇']
    >>> cell_text(3412, "count"), cell_text(0.25, "share")
    ('3,412', '25.0 %')
    """
    if isinstance(value, (list, tuple, set, frozenset)):
        return "、".join(cell_text(v, kind) for v in value)
    if hasattr(value, "tolist") and getattr(value, "ndim", 0) == 1:  # numpy arrays in cells
        return cell_text(value.tolist(), kind)
    if is_unknown(value) and not (isinstance(value, str) and value.strip() == UNKNOWN):
        return ""
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):
        return "是" if value else "否"
    if isinstance(value, numbers.Real):
        return number_text(float(value), kind) if not isinstance(value, numbers.Integral) or \
            abs(value) < 1e15 else str(int(value))
    if isinstance(value, dt.datetime):  # pandas Timestamp too
        return value.date().isoformat() if value == value.replace(hour=0, minute=0, second=0,
                                                                  microsecond=0) else \
            value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _header(name, labels: bool) -> str:
    if isinstance(name, tuple):  # MultiIndex columns
        return _SEP.join(_header(n, labels) for n in name if not is_unknown(n) and str(n) != "")
    text = cell_text(name)
    return COLUMN_LABELS.get(text, text) if labels else text


def reader_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` without its pandas index: a named index (a pivot's group, a ``groupby`` key)
    becomes the first columns, an unnamed one (0, 1, 2 … or what ``sort_values`` left) is dropped.

    >>> reader_frame(theme_matrix(themes, by="report_year")).columns[0]   # doctest: +SKIP
    '年度'
    """
    if any(n is not None for n in df.index.names):
        return df.reset_index(allow_duplicates=True)
    return df.reset_index(drop=True)


def table_html(df: pd.DataFrame, *, caption: str | None = None, page_size: int = PAGE_SIZE,
               labels: bool = True) -> str:
    """The complete table as escaped HTML: every row and column, no pandas index, Chinese headers
    (``labels``: rename the known English column names), numeric columns marked for sorting, the
    row count under it. ``caption``: the table's title (default: the name of the columns axis,
    e.g. 主题（占比 %）); say there when a table is deliberately limited (前 30 个词).

    >>> table_html(fd.documents_table(corpus.docs), caption="报告一览")   # doctest: +SKIP
    """
    frame = reader_frame(df)
    if caption is None and df.columns.name is not None:
        caption = cell_text(df.columns.name)
    head = f'<div class="{TABLE_CLASS}" data-page-size="{max(int(page_size), 1)}">'
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    n = len(frame)
    if not len(frame.columns):
        return f'{head}<p class="fazhi-count">没有数据（共 {n} 行）</p></div>'
    columns = [frame.iloc[:, i].tolist() for i in range(len(frame.columns))]
    nums = [[_number(v) for v in col] for col in columns]
    # numbers (not texts such as "1,209") are rounded by the column's kind
    kinds = [_column_kind(name, nx) for name, nx in zip(frame.columns, nums, strict=True)]
    texts = [[cell_text(v, kind) for v in col] for col, kind in zip(columns, kinds, strict=True)]
    numeric = [any(t not in UNKNOWN_TEXTS for t in tx) and
               all(x is not None or t in UNKNOWN_TEXTS for x, t in zip(nx, tx, strict=True))
               for nx, tx in zip(nums, texts, strict=True)]
    ths = "".join(f"<th{_NUM_TYPE if is_num else ''}>{html.escape(_header(name, labels))}</th>"
                  for name, is_num in zip(frame.columns, numeric, strict=True))
    out = [f"{head}<table>{cap}\n<thead><tr>{ths}</tr></thead>\n<tbody>\n"]
    for r in range(n):
        cells = []
        for c, is_num in enumerate(numeric):
            t = texts[c][r]
            if t.strip() in UNKNOWN_TEXTS:
                cells.append(f"<td data-u>{html.escape(t)}</td>")
            elif is_num:
                cells.append(f'<td data-v="{_sort_key(nums[c][r])}">{html.escape(t)}</td>')
            else:
                cells.append(f"<td>{html.escape(t)}</td>")
        out.append(f"<tr>{''.join(cells)}</tr>\n")
    out.append(f'</tbody>\n</table>\n<p class="fazhi-count">共 {n} 行</p></div>')
    return "".join(out)
