"""Numeric indicators (数字指标): the numbers a report states, as a table researchers can use.

``extract_indicators`` finds facts such as "受理行政复议案件91宗", "接待咨询700多人次", "调解成功率达99%",
"税收收入增长7.2%" or "参观廉政教育基地三次" in one text, each with who acted (actor: 县法律援助中心
of 县法律援助中心办理法律援助案件412件, when the clause names one), what a short subject's sentence is
about (frame: 放管服改革 of 深入推进“放管服”改革，…整改问题41个), its counted noun (subject), verb,
predicate, kind of number, status (result / target / baseline), value, unit and qualifier;
``textstat_indicators`` does it for a corpus (one row per fact, with the document's metadata and
part); ``textstat_indicator_summary`` sums them per group and category;
``textstat_indicator_table`` makes the unit × year table (one column per category and unit
family, with the number of facts behind each cell) and ``export_indicator_table`` writes it to
Excel or Stata with Chinese column labels.

One job per module: :mod:`fazhi.numerals` (the one numeral parser),
:mod:`~fazhi.indicators.rules` (the versioned tables in ``fazhi/data/``),
:mod:`~fazhi.indicators.extract` (facts of one text), :mod:`~fazhi.indicators.table` (corpus tables
and export).

>>> extract_indicators("今年以来有效调处化解矛盾纠纷209件，矛盾纠纷调解成功率达99%。")[0]["subject"]
'矛盾纠纷'
"""

from fazhi.indicators.extract import category_of, extract_indicators
from fazhi.indicators.rules import (
    FACT_KINDS,
    IndicatorRules,
    IndicatorRulesError,
    load_indicator_rules,
)
from fazhi.indicators.table import (
    COLUMN_LABELS,
    EXTRA_COLUMNS,
    FACT_COLUMNS,
    LONG_COLUMNS,
    META_COLUMNS,
    SUMMARY_COLUMNS,
    TABLE_KINDS,
    column_labels,
    export_indicator_table,
    indicator_categories,
    select_categories,
    textstat_indicator_summary,
    textstat_indicator_table,
    textstat_indicators,
)
from fazhi.numerals import chinese_number

__all__ = [
    "COLUMN_LABELS", "EXTRA_COLUMNS", "FACT_COLUMNS", "FACT_KINDS", "IndicatorRules",
    "IndicatorRulesError", "LONG_COLUMNS", "META_COLUMNS", "SUMMARY_COLUMNS", "TABLE_KINDS",
    "category_of", "chinese_number", "column_labels", "export_indicator_table",
    "extract_indicators", "indicator_categories", "load_indicator_rules", "select_categories",
    "textstat_indicator_summary",
    "textstat_indicator_table", "textstat_indicators",
]
