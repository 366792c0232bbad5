"""Indicators of a corpus: one row per fact (``textstat_indicators``), sums per group and category
(``textstat_indicator_summary``) and the unit × year table researchers put in a panel
(``textstat_indicator_table``, written by ``export_indicator_table`` to Excel or Stata with Chinese
column labels).

>>> table = textstat_indicator_table(corpus, by="town")             # doctest: +SKIP
>>> export_indicator_table(table, "指标.xlsx", long=textstat_indicator_table(corpus, form="long"))
...                                                                 # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from fazhi.deprecation import changed_default
from fazhi.indicators.docstatus import document_status
from fazhi.indicators.extract import extract_indicators
from fazhi.indicators.rules import IndicatorRules, rules_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

FACT_COLUMNS = ["doc_id", "file", "category", "frame", "actor", "subject", "verb", "predicate", "phrase", "number_kind",
                "status", "breakdown", "value", "high", "unit", "qualifier", "amount", "base_unit", "sentence",
                "start", "end"]
META_COLUMNS = ["town", "district", "city", "province", "report_year", "part"]
EXTRA_COLUMNS = ["raw", "label"]
SUMMARY_COLUMNS = ["category", "n_facts", "total", "unit", "stat", "label"]
LONG_COLUMNS = ["column", "column_label", "counted", "cell_value", "cell_unit"]
TABLE_KINDS = ("count", "amount", "measure", "rate")
_MEAN_KINDS = ("rate", "score")  # unit kinds whose facts are averaged, not summed
# short ASCII codes of base units for column names (Stata wants ASCII-friendly names)
_BASE_CODES = {"元": "cny", "美元": "usd", "欧元": "eur", "平方米": "m2", "亩": "mu", "米": "m",
               "吨": "t", "公斤": "kg", "立方米": "m3", "标箱": "teu", "千瓦": "kw", "千瓦时": "kwh",
               "兆瓦": "mw", "%": "pct"}
# Chinese labels of the indicator columns (the others come from fazhi.vocab.COLUMN_LABELS)
COLUMN_LABELS = {
    "doc_id": "文档", "file": "文件", "category": "类别", "frame": "所在事项", "actor": "实施者", "subject": "所计事物",
    "verb": "动作", "predicate": "谓语", "phrase": "原文短语", "number_kind": "数字类型",
    "status": "性质", "breakdown": "分项（其中）", "counted": "计入表格", "value": "数值",
    "high": "上限", "unit": "单位", "qualifier": "限定",
    "amount": "折算数值", "base_unit": "折算单位", "sentence": "句子", "start": "起", "end": "止",
    "town": "乡镇（街道）", "district": "区县", "city": "市", "province": "省",
    "report_year": "年度", "part": "部分", "raw": "原文数字", "label": "类别名称",
    "column": "指标列", "column_label": "指标", "cell_value": "计入数值", "cell_unit": "计入单位",
    "n_reports": "报告数", "n_facts": "数字条数",
}
KIND_LABELS = {"count": "计数", "amount": "金额", "measure": "计量", "rate": "比率",
               "growth": "增长"}
STATUS_LABELS = {"result": "实绩", "target": "目标", "baseline": "基期比较"}


def _level1_spans(sections: pd.DataFrame) -> dict[str, tuple[list[int], list[int], list[str]]]:
    spans: dict[str, tuple[list[int], list[int], list[str]]] = {}
    if sections is None or len(sections) == 0:
        return spans
    top = sections[sections["level"] == 1].sort_values(["doc_id", "start"])
    for doc_id, g in top.groupby("doc_id", sort=False):
        spans[str(doc_id)] = (g["start"].astype(int).tolist(), g["end"].astype(int).tolist(),
                              g["part"].astype(str).tolist())
    return spans


def _part(spans, doc_id: str, pos: int) -> str:
    s = spans.get(doc_id)
    if not s:
        return "preamble"
    starts, ends, parts = s
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and pos < ends[i]:
        return parts[i]
    return "preamble"


def strip_own_place(subject: str, places: list[str]) -> str:
    """``subject`` without the report's own unit opening it, when a noun of 3+ characters remains:
    a town's report says 下蜀镇基本履职事项清单 for 基本履职事项清单 (its table is the town's anyway).

    >>> strip_own_place("下蜀镇基本履职事项清单", ["下蜀镇", "句容市"])
    '基本履职事项清单'
    >>> strip_own_place("下蜀镇政府", ["下蜀镇"])
    '下蜀镇政府'
    """
    for place in places:
        if subject.startswith(place):
            rest = subject[len(place):].lstrip("的、，, ")
            if len(rest) >= 3:
                return rest
    return subject


def _doc_rows(task: dict) -> dict:
    """The rows of a batch of documents (a task of :func:`textstat_indicators`; module level, so
    worker processes can run it)."""
    r = rules_of(task["rules"])
    max_subject = task["max_subject"]
    rows = []
    for d, text, dspans in task["docs"]:
        doc_id = str(d["doc_id"])
        plans = [(a, b) for a, b, p in zip(*dspans, strict=True) if p == "plans"] if dspans else []
        facts = document_status(extract_indicators(text, rules=r, max_subject=max_subject), text,
                                report_year=d.get("report_year"), plan_spans=plans)
        own = [n for n in (d.get("town"), d.get("district"), d.get("city")) if isinstance(n, str) and n]
        part_of = {doc_id: dspans} if dspans else {}
        for f in facts:
            row = {"doc_id": doc_id, "file": d.get("file")}
            row.update({k: f[k] for k in FACT_COLUMNS[2:]})
            if own:
                row["subject"] = strip_own_place(row["subject"], own)
                row["actor"] = strip_own_place(row["actor"], own)
            row.update({k: d.get(k) for k in task["meta_cols"]})
            row["part"] = _part(part_of, doc_id, f["start"])
            row["raw"] = f["raw"]
            row["label"] = f["label"]
            rows.append(row)
    return {"batch": task["batch"], "rows": rows}


def textstat_indicators(corpus, *, rules: IndicatorRules | str | Path | None = None,
                        max_subject: int = 16, workers: int = 1) -> pd.DataFrame:
    """One row per numeric fact of every document of ``corpus``.

    Columns: :data:`FACT_COLUMNS` (doc_id, file, category, subject, verb, predicate, phrase, kind,
    status, value, high, unit, qualifier, amount, base_unit, sentence, start, end — offsets into
    ``corpus.docs.text``), then town, district, city, province, report_year, part (the canonical
    part of the level-1 section holding the fact, "preamble" outside them), then raw and label.
    A subject or actor opening with the report's own town, district or city loses it
    (:func:`strip_own_place`).
    ``workers`` > 1: the documents are shared among that many local processes (same rows, same order).

    >>> df = textstat_indicators(open_corpus("data/raw"))            # doctest: +SKIP
    >>> df.query("category == 'disputes'")[["town", "subject", "value", "unit"]]  # doctest: +SKIP
    """
    import pandas as pd

    from fazhi.parallel import run_tasks

    r = rules_of(rules)
    from fazhi.corpus import doc_texts

    docs, texts = doc_texts(corpus)  # each text read once, not kept
    # the outline (sections without their texts) where the corpus has one
    spans = _level1_spans(getattr(corpus, "outline" if hasattr(corpus, "outline") else "sections", None))
    meta_cols = [c for c in META_COLUMNS if c != "part"]
    wanted = [c for c in ["doc_id", "file", *meta_cols] if c in docs.columns]
    items = ((doc._asdict(), text) for doc, text in zip(docs[wanted].itertuples(index=False), texts,
                                                          strict=True))
    def task(i: int, batch: list) -> dict:
        return {"batch": i, "docs": batch, "rules": r, "max_subject": max_subject,
                "meta_cols": meta_cols}

    if workers <= 1:  # one document at a time: no text is kept
        rows = [row for i, (d, text) in enumerate(items)
                for row in _doc_rows(task(i, [(d, text, spans.get(str(d["doc_id"])))]))["rows"]]
    else:
        size = max(1, -(-len(docs) // (workers * 4)))
        tasks, batch = [], []
        for d, text in items:
            batch.append((d, text, spans.get(str(d["doc_id"]))))
            if len(batch) == size:
                tasks.append(task(len(tasks), batch))
                batch = []
        if batch:
            tasks.append(task(len(tasks), batch))
        done: dict[int, list] = {}
        run_tasks(_doc_rows, tasks, lambda res: done.__setitem__(res["batch"], res["rows"]),
                  workers=workers)
        rows = [row for b in sorted(done) for row in done[b]]
    cols = FACT_COLUMNS + META_COLUMNS + EXTRA_COLUMNS
    df = pd.DataFrame(rows, columns=cols)
    for c in ("value", "high", "amount"):
        df[c] = df[c].astype(float)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    return df


def _group_column(values: pd.Series, dtype) -> pd.Series:
    """Group values with every unknown one (None, NaN, "", （不明）) as NA, in ``dtype`` when they
    fit it (years stay Int64), as the other ``textstat_*`` functions group."""
    import pandas as pd

    from fazhi.vocab import is_unknown

    vals = [None if is_unknown(v) else v for v in values]
    try:
        return pd.Series(pd.array(vals, dtype=dtype), index=values.index)
    except (TypeError, ValueError):
        return pd.Series(vals, index=values.index, dtype=object)


def _facts_and_docs(corpus_or_indicators, rules: IndicatorRules, docs):
    if hasattr(corpus_or_indicators, "docs"):
        facts = textstat_indicators(corpus_or_indicators, rules=rules)
        docs = corpus_or_indicators.docs if docs is None else docs
    else:
        facts = corpus_or_indicators
    if docs is not None and hasattr(docs, "docs"):
        docs = docs.docs
    return facts, docs


def _with_keys(facts: pd.DataFrame, docs, keys: list[str]) -> pd.DataFrame:
    """``facts`` with every key column (from the documents by doc_id when the facts lack it) as
    group values: unknown ones NA."""
    missing = [k for k in keys if k not in facts.columns]
    absent = [k for k in missing if docs is None or k not in docs.columns or
              "doc_id" not in facts.columns]
    if absent:
        where = "the indicator table" if docs is None else "the indicator table or the documents"
        raise KeyError(f"no column {absent} in {where}"
                       + ("; pass the corpus or docs=corpus.docs to group by a document column"
                          if docs is None else ""))
    if missing:
        extra = docs[["doc_id", *missing]].drop_duplicates("doc_id")
        facts = facts.merge(extra.astype({"doc_id": facts["doc_id"].dtype}), on="doc_id",
                            how="left")
    if facts.empty:
        return facts
    source = {k: (docs[k] if docs is not None and k in docs.columns else facts[k]) for k in keys}
    return facts.assign(**{k: _group_column(facts[k], source[k].dtype) for k in keys})


@changed_default(by=("town", "doc_id"))
def textstat_indicator_summary(corpus_or_indicators, *, by: str | list[str] = "doc_id",
                               rules: IndicatorRules | str | Path | None = None,
                               docs=None) -> pd.DataFrame:
    """Facts per group, category and unit (long table): <by>, category, n_facts, total, unit, stat, label.

    ``total`` is the SUM of the values for counts (件, 人次, 万元 ...) but the MEAN for rates (unit %);
    ``stat`` says which ("sum" / "mean"). Takes a corpus or the table of :func:`textstat_indicators`.
    ``by`` (default the report, ``doc_id``, as the other ``textstat_*`` functions): any column of
    the facts or of the documents (title, publish_date, level, a column added by
    :func:`fazhi.regions.with_regions` ...), taken from the corpus's documents or from
    ``docs`` (a documents table or a corpus) by ``doc_id``. Facts whose group is unknown form one
    group, NA, listed last. Every fact counts, whatever its status (see
    :func:`textstat_indicator_table` for results only).

    >>> textstat_indicator_summary(corpus, by="town")               # doctest: +SKIP
       town   category  n_facts  total unit  stat    label
     蓬东乡   disputes        1  209.0    件   sum  矛盾纠纷调解
    """
    import pandas as pd

    r = rules_of(rules)
    facts, docs = _facts_and_docs(corpus_or_indicators, r, docs)
    keys = [by] if isinstance(by, str) else list(by)
    facts = _with_keys(facts, docs, keys)
    cols = keys + SUMMARY_COLUMNS
    if facts.empty:
        return pd.DataFrame(columns=cols)
    rate_units = _mean_units(r)
    g = facts.groupby(keys + ["category", "unit"], dropna=False, sort=True)["value"]
    out = g.agg(n_facts="size", sum="sum", mean="mean").reset_index()
    is_rate = out["unit"].isin(rate_units)
    out["total"] = out["sum"].where(~is_rate, out["mean"]).astype(float)
    out["stat"] = is_rate.map({True: "mean", False: "sum"})
    out["label"] = out["category"].map(lambda c: r.labels.get(c, c))
    out["n_facts"] = out["n_facts"].astype("int64")
    out = out[cols].reset_index(drop=True)
    out.attrs["keys"] = keys
    return out


def _cells(facts: pd.DataFrame, r: IndicatorRules) -> pd.DataFrame:
    """Each fact with its table column (category + unit family), that column's display unit and
    the fact's value in it (amounts and measures through their scale: 120万元 -> 120 万元 in a
    万元 column, 3.5亿元 -> 35000 万元)."""
    import pandas as pd

    units = {u.canonical: u for u in reversed(list(r.units.values()))}
    kinds = facts["unit"].map(lambda u: units[u].kind if u in units else "count")
    bases = facts["base_unit"].astype(str)
    code = [(_BASE_CODES.get(b) if k in ("money", "area", "length", "weight", "volume",
                                         "container", "power", "energy") or b == "%" else None)
            or k for k, b in zip(kinds, bases, strict=True)]
    # what came in (受理, 收到) has a column apart from what was concluded (办结): 91 received and
    # 85 concluded cases are two cells, never 176
    verb = facts["verb"].fillna("").astype(str) if "verb" in facts.columns else pd.Series("", index=facts.index)
    intake = verb.str.contains(r.intake) if r.intake is not None else pd.Series(False, index=facts.index)
    column = (facts["category"].astype(str) + intake.map({True: "_in", False: ""})
              + "_" + pd.Series(code, index=facts.index))
    # the display unit of a column: its most common unit (万元 for money when any fact is in 万元)
    display: dict[str, str] = {}
    for col, g in facts.groupby(column, sort=False):
        counts = g["unit"].value_counts()
        choice = counts.index[0]
        if (g["base_unit"] == "元").all() and "万元" in counts.index:
            choice = "万元"
        display[col] = choice
    cell_unit = column.map(display)
    scale = cell_unit.map(lambda u: units[u].scale if u in units else 1.0)
    cell_value = facts["amount"].astype(float) / scale.astype(float)
    same = facts["unit"] == cell_unit
    cell_value = cell_value.where(~same, facts["value"].astype(float))
    labels = [f"{r.labels.get(cat, cat)}{'·收案' if took else ''}（{display[col]}）"
              for cat, col, took in zip(facts["category"], column, intake, strict=True)]
    return facts.assign(column=column.values, column_label=labels, cell_value=cell_value.values,
                        cell_unit=cell_unit.values)


def _mean_units(r: IndicatorRules) -> set[str]:
    """The units whose facts are averaged, not summed (%, 分)."""
    return {u.canonical for u in r.units.values() if u.kind in _MEAN_KINDS}


def _counted(cells: pd.DataFrame) -> pd.Series:
    """Whether each fact counts in its cell: not when it is a part of a fact before it (审结50件，其中
    维持30件: the 30 is in the 50), and of the facts of one sentence, column and counted noun — stages
    of one thing (收到行政复议申请64件，依法受理55件) — only the largest (64, not 119)."""
    import pandas as pd

    if not len(cells):
        return pd.Series(dtype=bool, index=cells.index)
    whole = ~cells["breakdown"].fillna(False).astype(bool) if "breakdown" in cells.columns \
        else pd.Series(True, index=cells.index)
    key = [c for c in ("doc_id", "sentence", "column", "subject") if c in cells.columns]
    wholes = cells[whole]
    top = wholes.sort_values("cell_value", ascending=False, kind="stable").drop_duplicates(key).index
    return pd.Series(cells.index.isin(top), index=cells.index)


def textstat_indicator_table(corpus_or_indicators, *, by: str | list[str] = "town",
                             year: str | None = "report_year",
                             status: str | list[str] | None = "result",
                             kinds: tuple[str, ...] | list[str] = TABLE_KINDS,
                             form: Literal["wide", "long"] = "wide",
                             rules: IndicatorRules | str | Path | None = None,
                             docs=None) -> pd.DataFrame:
    """The unit × year table of the indicators: one row per ``by`` group and ``year``, one column
    per indicator category and unit family (矛盾纠纷调解（件）, 财政收支（万元）, 比率（%）...), each
    followed by ``n_<column>``, the number of facts behind the cell.

    A cell is the sum of its facts (the value itself when there is one); rates are averaged. A fact
    that is a part of one before it (其中…, a bracketed breakdown) is not counted again, and of the
    facts of one sentence with the same column and counted noun (收到64件，受理55件: stages of one
    thing) only the largest counts; ``n_facts`` still counts every fact of the row. Only
    facts of the given ``status`` (default: results, not targets or baselines) and ``kinds`` (default:
    counts, amounts, measures and rates, not growths) count. Amounts and measures are summed through
    their scale (3.5亿元 and 120万元 -> 35120 万元). A cell without facts is empty (NaN), not 0; the
    ``other`` category (其他) is a column like the others. ``n_reports`` and ``n_facts`` count the
    reports and facts of the row. ``df.attrs["labels"]`` maps every column to its Chinese label.

    ``form="long"``: every fact of the table's status and kinds with its row keys, its column and
    label, whether it was ``counted`` in its cell (False for parts and lesser stages, whose
    ``cell_value`` is then empty), the value counted (``cell_value`` in ``cell_unit``) and its
    sentence.

    >>> textstat_indicator_table(corpus, by="town")                 # doctest: +SKIP
         town  report_year  n_reports  n_facts  disputes_count  n_disputes_count ...
    0  蓬东乡         2021          1       16           209.0                 1 ...
    """
    import pandas as pd

    r = rules_of(rules)
    facts, docs = _facts_and_docs(corpus_or_indicators, r, docs)
    keys = [by] if isinstance(by, str) else list(by)
    if year and year not in keys:
        keys.append(year)
    if status is not None:
        wanted = {status} if isinstance(status, str) else set(status)
        facts = facts[facts["status"].isin(wanted)]
    facts = facts[facts["number_kind"].isin(list(kinds))]
    facts = _with_keys(facts.reset_index(drop=True), docs, keys)
    cells = _cells(facts, r) if len(facts) else facts.assign(
        column=pd.Series(dtype=object), column_label=pd.Series(dtype=object),
        cell_value=pd.Series(dtype=float), cell_unit=pd.Series(dtype=object))
    counted = _counted(cells)
    cells = cells.assign(counted=counted.values, cell_value=cells["cell_value"].where(counted))
    if form == "long":
        cols = keys + [c for c in FACT_COLUMNS + ["label"] + LONG_COLUMNS if c not in keys]
        out = cells[[c for c in cols if c in cells.columns]].reset_index(drop=True)
        out.attrs["labels"] = {c: COLUMN_LABELS.get(c, c) for c in out.columns}
        out.attrs["keys"] = keys
        return out
    if form != "wide":
        raise ValueError(f"form must be 'wide' or 'long', not {form!r}")
    # the rows: every group of the documents (a report without facts is a row with empty cells)
    if docs is not None and all(k in docs.columns for k in keys):
        rows = docs[keys].assign(**{k: _group_column(docs[k], docs[k].dtype) for k in keys})
        n_reports = rows.groupby(keys, dropna=False, sort=True).size().rename("n_reports")
    elif "doc_id" in cells.columns:
        n_reports = cells.groupby(keys, dropna=False, sort=True)["doc_id"].nunique().rename(
            "n_reports")
    else:
        n_reports = cells.groupby(keys, dropna=False, sort=True).size().rename("n_reports") * 0
    out = n_reports.to_frame()
    n_facts = cells.groupby(keys, dropna=False, sort=True).size()
    cells = cells[cells["counted"]]  # (the cells: the facts counted; n_facts: all the row's facts)
    out["n_facts"] = n_facts.reindex(out.index).fillna(0).astype("int64")
    labels = {k: COLUMN_LABELS.get(k, k) for k in keys}
    labels.update(n_reports="报告数", n_facts="数字条数")
    if len(cells):
        # (rates and scores are averaged: two exams' 91 and 95 points are no 186)
        is_rate = (cells["number_kind"] == "rate") | cells["unit"].isin(_mean_units(r))
        g = cells.groupby(keys + ["column"], dropna=False, sort=False)["cell_value"]
        agg = pd.DataFrame({"sum": g.sum(), "mean": g.mean(), "n": g.size()})
        rate_cols = set(cells.loc[is_rate, "column"])
        rank = _category_rank(r)
        order = (cells.drop_duplicates("column")
                 .assign(_o=lambda d: d["category"].map(lambda c: rank.get(c, len(rank))),
                         _in=lambda d: ~d["column"].str.contains("_in_", regex=False))
                 .sort_values(["_o", "_in", "column"]))  # (what came in before what was concluded)
        for col, lab in zip(order["column"], order["column_label"], strict=True):
            sub = agg.xs(col, level="column")
            vals = sub["mean"] if col in rate_cols else sub["sum"]
            out[col] = vals.reindex(out.index).astype(float)
            out[f"n_{col}"] = sub["n"].reindex(out.index).fillna(0).astype("int64")
            labels[col] = lab + ("（平均）" if col in rate_cols else "")
            labels[f"n_{col}"] = f"{lab}·条数"
    out = out.reset_index()
    out = out.sort_values(keys, key=lambda s: s.map(_sort_key), kind="stable").reset_index(
        drop=True)
    out.attrs["labels"] = labels
    out.attrs["keys"] = keys
    return out


def labelled_groups(df: pd.DataFrame, *, numbers: bool = True) -> pd.DataFrame:
    """The table for readers: its group columns (``df.attrs["keys"]``, set by
    :func:`textstat_indicator_table` and :func:`textstat_indicator_summary`) with every unknown
    value shown as （不明） (:func:`fazhi.export.label_groups`)."""
    from fazhi.export import label_groups

    return label_groups(df, df.attrs.get("keys"), numbers=numbers)


def _sort_key(v):
    """Known values first (in order), unknown (NA) last."""
    import pandas as pd

    return (1, "") if v is None or v is pd.NA or (isinstance(v, float) and v != v) else (0, v)


def _category_rank(r: IndicatorRules) -> dict[str, int]:
    """Columns in the order of indicators.tsv; the visible ``other`` bucket last."""
    rank: dict[str, int] = {}
    for c in r.categories:
        if c.category != "other":
            rank.setdefault(c.category, len(rank))
    rank["other"] = len(rank)
    return rank


def column_labels(df: pd.DataFrame) -> dict[str, str]:
    """Chinese label of every column of an indicator table (``df.attrs["labels"]`` first, then the
    indicator and display labels)."""
    from fazhi.vocab import COLUMN_LABELS as DISPLAY_LABELS

    attrs = dict(getattr(df, "attrs", {}).get("labels") or {})
    return {c: attrs.get(c) or COLUMN_LABELS.get(c) or DISPLAY_LABELS.get(c) or str(c)
            for c in df.columns}


def _chinese_headers(df: pd.DataFrame) -> pd.DataFrame:
    labels = column_labels(df)
    seen: dict[str, int] = {}
    names = []
    for c in df.columns:
        name = labels[c]
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name}（{seen[name]}）")
    out = df.copy()
    out.columns = names
    for col in ("number_kind", "status"):
        if col in df.columns:
            mapping = KIND_LABELS if col == "number_kind" else STATUS_LABELS
            out[labels[col]] = df[col].map(lambda v, m=mapping: m.get(v, v)).values
    return out


def export_indicator_table(table: pd.DataFrame, path: str | os.PathLike, *,
                           long: pd.DataFrame | None = None) -> list[Path]:
    """Write an indicator table (and optionally its long form) for Excel or Stata; returns the
    files written.

    - ``.xlsx``: sheet 指标表 with Chinese column headers (矛盾纠纷调解（件）, 年度 ...), and sheet 明细
      with every fact and its sentence when ``long`` is given;
    - ``.dta`` (Stata 118): the table with its column names made Stata-safe and each variable
      labelled in Chinese; the long form goes to ``<name>_long.dta`` beside it;
    - ``.csv``: Chinese headers (UTF-8 with BOM); the long form to ``<name>_long.csv``.

    >>> export_indicator_table(textstat_indicator_table(corpus), "指标.dta")   # doctest: +SKIP
    [PosixPath('指标.dta')]
    """
    path = Path(path)
    suffix = path.suffix.lower()
    written = []
    if suffix == ".xlsx":
        import pandas as pd

        path.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(path, engine="openpyxl") as xw:
            _excel_ready(_chinese_headers(labelled_groups(table))).to_excel(
                xw, sheet_name="指标表", index=False)
            if long is not None:
                _excel_ready(_chinese_headers(labelled_groups(long))).to_excel(
                    xw, sheet_name="明细", index=False)
        return [path]
    if suffix == ".dta":
        written.append(_write_dta(labelled_groups(table, numbers=False), path))
        if long is not None:
            written.append(_write_dta(labelled_groups(long, numbers=False),
                                      path.with_name(path.stem + "_long.dta")))
        return written
    if suffix == ".csv":
        from fazhi.export import export_table

        written.append(export_table(_chinese_headers(labelled_groups(table)), path))
        if long is not None:
            written.append(export_table(_chinese_headers(labelled_groups(long)),
                                        path.with_name(path.stem + "_long.csv")))
        return written
    raise ValueError(f"cannot write an indicator table to {str(path)!r}; use .xlsx, .dta or .csv")


def _excel_ready(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for c in out.columns:
        if str(out[c].dtype) in ("Int64", "boolean"):
            out[c] = out[c].astype(object).where(out[c].notna(), None)
    return out


def _write_dta(df: pd.DataFrame, path: Path) -> Path:
    """Stata 118 with Chinese variable labels."""
    import pandas as pd

    from fazhi.export import stata_names

    labels = column_labels(df)
    out = df.copy()
    names = stata_names(out.columns)
    var_labels = {n: labels[c][:80] for n, c in zip(names, df.columns, strict=True)}
    out.columns = names
    for col in out.columns:
        s = out[col]
        if str(s.dtype).startswith(("Int", "UInt")):
            out[col] = s.astype("float64")
        elif s.dtype == object or pd.api.types.is_string_dtype(s):
            out[col] = s.map(lambda v: "" if v is None or v is pd.NA or
                             (isinstance(v, float) and v != v) else str(v)).astype(object)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        out.reset_index(drop=True).to_stata(tmp, version=118, write_index=False,
                                            variable_labels=var_labels)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def indicator_categories(names, *, rules: IndicatorRules | str | Path | None = None) -> list[str]:
    """The categories ``names`` stand for: category names (``disputes``) or their Chinese labels
    (``矛盾纠纷调解``). An unknown name raises ``ValueError`` listing the known categories.

    >>> indicator_categories(["矛盾纠纷调解", "petitions"])   # doctest: +SKIP
    ['disputes', 'petitions']
    """
    r = rules_of(rules)
    by_label = {lab: cat for cat, lab in r.labels.items()}
    names = [names] if isinstance(names, str) else list(names)
    wanted = list(dict.fromkeys(by_label.get(c, c) for c in names))
    unknown = sorted(set(wanted) - set(r.labels))
    if unknown:
        raise ValueError(f"unknown category {', '.join(unknown)}; known: {', '.join(r.labels)}")
    return wanted


def select_categories(facts: pd.DataFrame, categories, *,
                      rules: IndicatorRules | str | Path | None = None) -> pd.DataFrame:
    """The facts (``textstat_indicators`` rows) of ``categories`` (see
    :func:`indicator_categories`), index reset.

    >>> select_categories(textstat_indicators(corpus), ["disputes", "信访"])   # doctest: +SKIP
    """
    wanted = indicator_categories(categories, rules=rules)
    return facts[facts["category"].isin(wanted)].reset_index(drop=True)
