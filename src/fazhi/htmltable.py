"""Tables a reader can use: a DataFrame as one complete, escaped HTML ``<table>``.

Every row and every column is written (pandas' HTML repr cuts long tables to ten rows and wide
ones to twenty columns), without the pandas index (a named index becomes the first columns),
with Chinese headers (:data:`fazhi.vocab.COLUMN_LABELS`). Numeric columns carry their numbers in
``data-v`` and unknown cells (（不明）, —, empty) a ``data-u`` mark, so the page's script
(``templates/tables.js``, inlined once per page by ``templates/page.html.j2``) sorts numbers as
numbers, Chinese by pinyin and unknowns last, filters, pages and downloads the table as CSV. With
JavaScript off, or in JupyterLab, the table is the same complete plain HTML.

Every text (cells, headers, caption) goes through :func:`html.escape`: a report containing
``<script>`` shows the tag literally.

>>> import pandas as pd
>>> print(table_html(pd.DataFrame({"town": ["亭江镇"], "n_chars": [1234]})))  # doctest: +ELLIPSIS
<div class="fazhi-table" data-page-size="25"><table>
<thead><tr><th>乡镇（街道）</th><th data-type="num">字数</th></tr></thead>
<tbody>
<tr><td>亭江镇</td><td data-v="1234">1234</td></tr>
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


def _float_text(v: float) -> str:
    """A float as a reader reads it: whole numbers without ``.0``, else at most 4 decimals (tiny
    values in scientific notation)."""
    if not math.isfinite(v):
        return ""
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    if abs(v) >= 1e-4:
        return f"{v:.4f}".rstrip("0").rstrip(".")
    return f"{v:.3g}"


def _sort_key(v: float) -> str:
    """The number in ``data-v``: exact (the CSV download uses it), whole numbers without ``.0``."""
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)


def cell_text(value) -> str:
    """How a cell value is shown: missing values empty, booleans 是/否, whole floats without
    ``.0``, dates ISO, lists joined with 、.

    >>> [cell_text(v) for v in (None, True, 3.0, 0.123456, ["成效", "计划"], "亭江镇")]
    ['', '是', '3', '0.1235', '成效、计划', '亭江镇']
    """
    if isinstance(value, (list, tuple, set, frozenset)):
        return "、".join(cell_text(v) for v in value)
    if hasattr(value, "tolist") and getattr(value, "ndim", 0) == 1:  # numpy arrays in cells
        return cell_text(value.tolist())
    if is_unknown(value) and not (isinstance(value, str) and value.strip() == UNKNOWN):
        return ""
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):
        return "是" if value else "否"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return _float_text(float(value))
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
    texts = [[cell_text(v) for v in col] for col in columns]
    nums = [[_number(v) for v in col] for col in columns]
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
