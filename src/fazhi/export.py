"""Write any result table to the formats users take to Excel, Stata and R, or to a stream.

- :func:`export_table`: one table to a file (csv with BOM, xlsx, jsonl, dta, parquet), atomically;
- :func:`export_tables`: several tables as the sheets of one workbook, atomically;
- :func:`write_table`: one table to a stream (the terminal, a pipe) as aligned text, csv (no BOM)
  or jsonl; :func:`format_table` is the aligned text.

>>> from fazhi import export_table, textstat_frequency
>>> export_table(textstat_frequency(corpus), "高频词.xlsx")      # doctest: +SKIP
PosixPath('高频词.xlsx')
>>> write_table(textstat_frequency(corpus, n=5), sys.stdout, format="csv")   # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

from fazhi.files import atomic_write

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Format = Literal["csv", "xlsx", "jsonl", "dta", "parquet"]
StreamFormat = Literal["table", "csv", "jsonl"]
STREAM_FORMATS: tuple[str, ...] = ("table", "csv", "jsonl")

FORMATS: dict[str, str] = {
    ".csv": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".json": "jsonl",
    ".dta": "dta", ".parquet": "parquet",
}

_STATA_BAD = re.compile(r"[^0-9A-Za-z_\u4e00-\u9fff]")
# Stata's reserved names (as pandas' StataWriter lists them); such columns get a trailing "_"
_STATA_RESERVED = frozenset("""
aggregate array boolean break byte case catch class colvector complex const continue default
delegate delete do double else eltypedef end enum explicit export external float for friend
function global goto if inline int local long NULL pragma protected quad rowvector short typedef
typename virtual _all _N _skip _b _pi str# in _pred strL _coef _rc using _cons _se with _n
""".split())


def _json_default(obj):
    """JSON for numpy scalars/arrays, dates and sets (pandas cells)."""
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    return str(obj)


def _is_nested(value) -> bool:
    return isinstance(value, (dict, list, tuple, set, frozenset)) or (
        hasattr(value, "ndim") and getattr(value, "ndim", 0) > 0)


def _encode_nested(df):
    """Copy of ``df`` with dict/list cells JSON-encoded (Excel/Stata cannot hold them)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object and out[col].map(_is_nested).any():
            out[col] = out[col].map(
                lambda v: json.dumps(v, ensure_ascii=False, default=_json_default)
                if _is_nested(v) else v)
    return out


def stata_names(columns) -> list[str]:
    """Stata-safe variable names: letters, digits, ``_`` and CJK only, not starting with a digit
    (``v`` prefixed), reserved words suffixed with ``_`` (``end`` → ``end_``), at most 32
    characters, unique (``_2``, ``_3`` ... appended to repeats)."""
    seen: set[str] = set()
    names = []
    for col in columns:
        name = _STATA_BAD.sub("_", str(col)) or "v"
        if name[0].isdigit():
            name = "v" + name
        if name in _STATA_RESERVED:
            name += "_"
        name = name[:32]
        base, k = name, 2
        while name.lower() in seen:
            suffix = f"_{k}"
            name = base[:32 - len(suffix)] + suffix
            k += 1
        seen.add(name.lower())
        names.append(name)
    return names


def _format_of(path: Path, format: str | None) -> str:
    if format:
        fmt = format.lower().lstrip(".")
        if fmt not in set(FORMATS.values()):
            raise ValueError(f"unknown format {format!r}; use one of csv, xlsx, jsonl, dta, parquet")
        return fmt
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot tell the format of {str(path)!r} from its suffix "
                         f"{path.suffix or '(none)'!r}; use .csv, .xlsx, .jsonl, .dta or .parquet")
    return fmt


def _write_jsonl(df, fh) -> None:
    for rec in df.to_dict(orient="records"):
        clean = {k: (None if _isna(v) else v) for k, v in rec.items()}
        fh.write(json.dumps(clean, ensure_ascii=False, default=_json_default))
        fh.write("\n")


def _isna(value) -> bool:
    if _is_nested(value):
        return False
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _write_dta(df, tmp: str) -> None:
    import pandas as pd

    out = _encode_nested(df)
    out.columns = stata_names(out.columns)
    for col in out.columns:
        s = out[col]
        if s.dtype == bool:
            out[col] = s.astype("int8")
        elif str(s.dtype) == "boolean":
            out[col] = s.astype("Int8").astype("float64")
        elif (s.dtype == object or pd.api.types.is_string_dtype(s)
              or isinstance(s.dtype, pd.CategoricalDtype)):
            out[col] = s.map(lambda v: "" if _isna(v) else str(v)).astype(object)
        elif str(s.dtype).startswith(("Int", "UInt")):
            out[col] = s.astype("float64")
        elif pd.api.types.is_datetime64_any_dtype(s) and getattr(s.dt, "tz", None) is not None:
            out[col] = s.dt.tz_localize(None)
    out.reset_index(drop=True).to_stata(tmp, version=118, write_index=False)


def export_table(df, path: str | os.PathLike, *, format: Format | None = None,
                 sheet_name: str = "fazhi") -> Path:
    """Write ``df`` to ``path``; the format comes from the suffix unless ``format`` is given.

    - ``.csv``: UTF-8 with BOM (``utf-8-sig``), so Excel opens Chinese text correctly;
    - ``.xlsx``: one sheet ``sheet_name`` (openpyxl); dict/list cells are JSON-encoded;
    - ``.jsonl``: one JSON object per row, Chinese kept as is (``ensure_ascii=False``);
    - ``.dta``: Stata 118 (Unicode). Column names are made Stata-safe (:func:`stata_names`):
      characters other than letters, digits, ``_`` and CJK become ``_``, a leading digit gets a
      ``v`` prefix, reserved words a ``_`` suffix (``end`` → ``end_``), names are cut to 32
      characters and repeats get ``_2``, ``_3``; booleans become 0/1, dict/list cells JSON text;
    - ``.parquet``: pyarrow.

    The file is written under a temporary name in the same folder and then renamed, so a reader never
    sees half a table. An unknown suffix raises ``ValueError``.

    >>> export_table(df, "关键词.csv")                          # doctest: +SKIP
    PosixPath('关键词.csv')
    """
    path = Path(path)
    fmt = _format_of(path, format)
    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write(path, lambda tmp: _write(df, tmp, fmt, sheet_name))


def _write(df: pd.DataFrame, tmp: Path, fmt: str, sheet_name: str) -> None:
    """Write ``df`` to the file ``tmp`` in the format ``fmt``."""
    if fmt == "csv":
        _encode_nested(df).to_csv(tmp, index=False, encoding="utf-8-sig")
    elif fmt == "jsonl":
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            _write_jsonl(df, fh)
    elif fmt == "xlsx":
        _excel_ready(df).to_excel(tmp, sheet_name=sheet_name[:31], index=False, engine="openpyxl")
    elif fmt == "dta":
        _write_dta(df, tmp)
    else:  # parquet keeps list/dict cells when pyarrow can type them
        try:
            df.to_parquet(tmp, index=False)
        except (TypeError, ValueError):  # pyarrow's ArrowInvalid/ArrowTypeError
            _encode_nested(df).to_parquet(tmp, index=False)


def export_tables(tables: dict, path: str | os.PathLike) -> Path:
    """Several tables as the sheets of one ``.xlsx`` workbook (sheet name → DataFrame, in order;
    names cut to Excel's 31 characters), written under a temporary name and then renamed. Cells
    as in :func:`export_table` (dict/list cells JSON-encoded, time zones dropped).

    >>> export_tables({"复用段落": passages, "复用比例": shares}, "复用.xlsx")   # doctest: +SKIP
    PosixPath('复用.xlsx')
    """
    import pandas as pd

    path = Path(path)
    if _format_of(path, None) != "xlsx":
        raise ValueError(f"export_tables writes a workbook: {str(path)!r} should end in .xlsx")
    if not tables:
        raise ValueError("export_tables needs at least one table")
    def write(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
            for name, df in tables.items():
                _excel_ready(df).to_excel(xw, sheet_name=str(name)[:31], index=False)

    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write(path, write)


def label_groups(df: pd.DataFrame, keys, *, numbers: bool = True) -> pd.DataFrame:
    """The table for readers: every unknown value of its group columns ``keys`` shown as （不明）
    (:func:`fazhi.vocab.label`, the label of every other table and chart), never an empty cell.
    ``numbers=False`` leaves numeric group columns (years) as numbers (Stata, where a missing year
    is ``.``). A copy with the same attrs; the other columns unchanged.

    >>> label_groups(pd.DataFrame({"town": ["亭江镇", None], "n": [3, 1]}), ["town"]).town.tolist()
    ['亭江镇', '（不明）']
    """
    from pandas.api.types import is_numeric_dtype

    from fazhi.vocab import label

    keys = [k for k in keys or () if k in df.columns and (numbers or not is_numeric_dtype(df[k]))]
    out = df.assign(**{k: [label(v) for v in df[k]] for k in keys}) if keys else df.copy()
    out.attrs = dict(df.attrs)
    return out


def _excel_ready(df):
    out = _encode_nested(df)
    for col in out.columns:  # Excel has no time zones
        if hasattr(out[col], "dt") and getattr(out[col].dt, "tz", None) is not None:
            out[col] = out[col].dt.tz_localize(None)
    return out


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def format_table(df) -> str:
    """``df`` as aligned text for a terminal: text columns left-aligned, numbers right-aligned,
    full-width characters counted double, cells cut at 80 characters, no index; ``(no rows)`` for
    an empty table."""
    from pandas.api.types import is_numeric_dtype

    if df.empty:
        return "(no rows)"
    right = [is_numeric_dtype(df[c]) and df[c].dtype != bool for c in df.columns]

    def cell(v) -> str:
        text = "" if v is None else str(v)
        return text if len(text) <= 80 else text[:79] + "…"

    rows = [[str(c) for c in df.columns]] + [[cell(v) for v in row] for row in df.itertuples(index=False)]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(df.columns))]
    def pad(c: str, w: int, r: bool) -> str:
        return " " * (w - _width(c)) + c if r else c + " " * (w - _width(c))

    return "\n".join("  ".join(pad(c, w, r) for c, w, r in zip(row, widths, right, strict=True)).rstrip()
                     for row in rows)


def write_table(df, stream: IO[str], *, format: StreamFormat = "table") -> None:
    """Write ``df`` to a text stream: ``table`` = :func:`format_table`; ``csv`` without a BOM
    (it would land in the middle of piped output) and dict/list cells JSON-encoded; ``jsonl`` one
    JSON object a line, Chinese unescaped. Another format raises ``ValueError`` (xlsx, dta and
    parquet need a file: :func:`export_table`).

    >>> write_table(kwic(corpus, "民法典"), sys.stdout, format="jsonl")   # doctest: +SKIP
    """
    if format == "csv":
        _encode_nested(df).to_csv(stream, index=False)
    elif format == "jsonl":
        _write_jsonl(df, stream)
    elif format == "table":
        print(format_table(df), file=stream)
    else:
        raise ValueError(f"cannot write {format!r} to a stream; use one of "
                         f"{', '.join(STREAM_FORMATS)}, or a file (export_table)")
