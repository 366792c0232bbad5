"""The project's few shared words, defined once: the five parts a report must contain (Article 25),
the levels of reporting units, their Chinese labels, the Chinese labels of column headers and code
values, the one marker of an unknown value, and a reader's name for a query over corpus.docs.

Every module that names a part or a level, and every table or chart that shows an unknown year or
place, takes them from here.

>>> PART_LABELS["duty"], LEVEL_LABELS["subdistrict"], label(None)
('第一责任人', '街道', '（不明）')
"""

from __future__ import annotations

import re
from typing import Literal

# the parts of Article 25 of 《法治政府建设与责任落实督察工作规定》, in their order
PARTS: tuple[str, ...] = ("achievements", "problems", "duty", "plans", "other")
# sections also have the text before the first heading
SECTION_PARTS: tuple[str, ...] = ("preamble", *PARTS)
PART_LABELS = {"preamble": "导言", "achievements": "成效", "problems": "问题", "duty": "第一责任人",
               "plans": "计划", "other": "其他"}

Level = Literal["national", "province", "city", "county", "district", "zone", "town", "township",
                "subdistrict", ""]
# the level of a reporting unit (``level`` column): county = 县、县级市、旗; district = 区;
# zone = 管委会、开发区、新区、综合实验区; town = 镇; township = 乡、苏木; subdistrict = 街道
LEVELS: tuple[str, ...] = ("national", "province", "city", "county", "district", "zone", "town",
                           "township", "subdistrict")
LEVEL_LABELS = {"national": "国家", "province": "省", "city": "市", "county": "县", "district": "区",
                "zone": "功能区", "town": "镇", "township": "乡", "subdistrict": "街道"}

RegionLevel = Literal["province", "city", "district", "town"]
# the place columns reports are grouped by (``--by``): district is any county-level unit, town any
# township-level one
REGION_LEVELS: tuple[str, ...] = ("province", "city", "district", "town")
REGION_LABELS = {"province": "省", "city": "市", "district": "区县", "town": "乡镇（街道）"}

# Chinese column headers of the tables readers see (every table, notebook and page)
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
    "average": "语料平均", "difference": "差", "missing_parts": "缺少部分", "item": "项目",
    "source_file": "被抄报告", "reuse_kind": "复用类型", "edits": "差异",
    "topic": "LDA主题", "topic_label": "主题标签（前三词）", "weight": "权重", "coherence": "一致性（u_mass）",
    "region": "地区",  # the column fazhi.regions.with_regions adds
    "neighbour_label": "最相近者名称",  # textstat_neighbours(label_by=...)
    "reused_chars_a": "共享字数（甲）", "reused_chars_b": "共享字数（乙）",  # reuse_pairs(corpus=...)
    "dim1": "维度1", "dim2": "维度2", "mass": "质量", "inertia": "惯量占比", "ctr1": "维度1贡献", "ctr2": "维度2贡献", "label": "名称",
    "term_a": "词甲", "term_b": "词乙", "count_a": "含词甲单元数", "count_b": "含词乙单元数", "jaccard": "Jaccard 系数", "dice": "Dice 系数", "pmi": "点互信息（PMI）",  # noqa: E501 - co-occurrence
    "next_year": "次年", "next_file": "次年报告", "next_doc_id": "次年文档", "item_no": "序号", "key_terms": "关键词", "follow_status": "落实情况", "matched": "次年报告中的对应文字", "matched_terms": "对上的关键词", "n_items": "计划项数", "n_done": "已报告完成", "n_mentioned": "仅提及", "n_not_mentioned": "未提及", "share_done": "完成占比", "share_followed": "跟进占比",  # noqa: E501 - follow-through
    "facts": "具体事实数", "facts_per_1k": "每千字具体事实", "slogan_sentences": "口号套话句数", "slogan_per_1k": "每千字口号套话句", "slogan_share": "口号套话占比", "other_unit_share": "与其他单位相同占比", "previous_share": "与本单位上年相同占比", "generic_share": "非具体文字占比", "explanation": "说明", "fact_examples": "具体事实例句", "slogan_examples": "口号套话例句", "other_unit_examples": "与其他单位相同例句", "previous_examples": "与上年相同例句",  # noqa: E501 - specificity
    "tokens": "现分词", "left_entropy": "左邻熵", "right_entropy": "右邻熵", "collocation": "搭配", "lambda": "λ", "z": "z 值", "example": "例句",
    "n_reports": "报告数", "share_achievements": "含举措成效占比", "share_problems": "含问题不足占比", "share_duty": "含第一责任人履职占比", "share_plans": "含下年安排占比", "share_other": "含其他事项占比", "share_all_parts": "四部分齐全占比", "n_dated": "发布日期已知数", "share_on_time": "按时发布占比", "median_chars": "篇幅中位数（字）", "indicators_per_1k": "每千字数据事实", "boilerplate_share": "套话占比", "unit_no": "序号", "categories": "涉及类别", "cues": "命中词", "n_admitting": "列出问题的报告数", "reports": "承认该类问题的报告数", "units": "条目数", "unit_share": "条目占比",  # noqa: E501 - compliance and problems (issue 14)
}

# What a flag or a count in a table means, by its Chinese header: the legend under every table
# that shows one (fazhi.display.legend_html); each is defined here once
COLUMN_NOTES = {
    "逾期发布": "发布日期晚于次年 4 月 1 日",
    "截断": "正文在句中结束，没有结尾标点、落款或日期：文本可能不完整",
    "匿名化": "地名、人名等被占位符（XX镇、×××）替换",
    "无标题": "文件中没有找到报告的标题",
    "编号重复": "同一层级的两个标题用了同一序号（如两个“二、”）：章节可能拼接或漏编",
    "长度": "这段相同文字在报告甲中的字数（不计标点和空白）",
    "共享字数": "报告中落在与其他报告相同的段落里的字数（不计标点和空白；重叠部分只计一次）",
    "共享字数（甲）": "报告甲中落在这两份报告相同段落里的字数（不计标点和空白；重叠部分只计一次）",
    "共享字数（乙）": "报告乙中落在这两份报告相同段落里的字数（不计标点和空白；重叠部分只计一次）",
    "共享段数": "两份报告之间相同段落的段数",
}
# the sign of a yes/no cell whose value is not known, and what it says
NOT_KNOWN_SIGN = "—"
NOT_KNOWN_NOTE = "“—”：报告没有提供判断所需的信息（如发布日期不明）"

# Chinese labels of the code values of a column a reader sees (the analyses keep the codes)
VALUE_LABELS = {
    "trend": {"emerging": "新兴", "fading": "衰退"},  # textstat_emerging
    "follow_status": {"reported_done": "已报告完成", "mentioned": "仅提及", "not_mentioned": "未提及"},  # textstat_followthrough
}

# The one label of an unknown year, place, title or date, wherever a reader sees it (tables, charts,
# the render index). Analyses keep unknown values missing (NA) and put them in one group, last.
UNKNOWN = "（不明）"
# what a missing value becomes under ``astype(str)`` (pandas, numpy, Python)
_MISSING_TEXT = frozenset({"", "<NA>", "nan", "NaN", "NaT", "None"})


def is_unknown(value) -> bool:
    """True for a value that says nothing: None, NaN, NA, an empty or blank string, UNKNOWN.

    >>> [is_unknown(v) for v in (None, float("nan"), "", "  ", "（不明）", "亭江镇", 2021)]
    [True, True, True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, str):
        s = value.strip()
        return s in _MISSING_TEXT or s == UNKNOWN
    if isinstance(value, float):
        return value != value
    if isinstance(value, (int, bool)):
        return False
    import pandas as pd

    try:
        missing = pd.isna(value)  # pd.NA, NaT, numpy NaN
    except (TypeError, ValueError):  # pragma: no cover - unusual objects
        return False
    return missing is True or (getattr(missing, "ndim", 1) == 0 and bool(missing))


def label(value) -> str:
    """How a group value is shown: UNKNOWN for an unknown value, else its text (years without
    ``.0``): ``label(2021) == "2021"``, ``label(pd.NA) == "（不明）"``, ``label("") == "（不明）"``."""
    if is_unknown(value):
        return UNKNOWN
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# one comparison of a pandas query: `field` op value, value a quoted text, a number or a list of them
_QUERY_PART = re.compile(
    r"""^\s*`?(?P<field>[A-Za-z_]\w*)`?\s*(?P<op>==|!=|>=|<=|>|<|not\s+in|in)\s*(?P<value>.+?)\s*$""")
_QUERY_VALUE = re.compile(r"""\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?))\s*(?:,|$)""")
_QUERY_AND = re.compile(r"""\s+and\s+|\s*&\s*""")
_YEAR_FIELDS = frozenset({"report_year"})
_REGION_FIELDS = frozenset({"province", "city", "district", "town", "region"})
_YEAR_OPS = {"==": "{}年", ">=": "{}年及以后", ">": "{}年以后", "<=": "{}年及以前", "<": "{}年以前",
             "!=": "{}年以外"}
_ORDER_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


def _query_values(text: str) -> list[str] | None:
    """The values of a query's right side: ``'广东省'``, ``2021``, ``['广东省', "福建省"]``."""
    text = text.strip()
    if text[:1] + text[-1:] in ("[]", "()"):
        text = text[1:-1]
    values, pos = [], 0
    while pos < len(text):
        m = _QUERY_VALUE.match(text, pos)
        if not m or m.end() == pos:
            return None
        values.append(next(g for g in m.groups() if g is not None))
        pos = m.end()
    return values or None


def _query_part_label(part: str) -> str | None:
    """Label of one comparison (``province == '广东省'``), None when it is not one."""
    m = _QUERY_PART.match(part)
    values = _query_values(m["value"]) if m else None
    if not values:
        return None
    field, op = m["field"], " ".join(m["op"].split())
    if op not in ("in", "not in") and len(values) != 1:
        return None
    if field in _YEAR_FIELDS and op in _YEAR_OPS:
        return _YEAR_OPS[op].format(values[0])
    if field in _YEAR_FIELDS:
        text = "、".join(f"{v}年" for v in values)
    elif op in _ORDER_SIGNS:
        if field in _REGION_FIELDS:
            return None
        return f"{COLUMN_LABELS.get(field, field)} {_ORDER_SIGNS[op]} {values[0]}"
    else:
        text = "、".join(LEVEL_LABELS.get(v, v) for v in values) if field == "level" else \
            "、".join(values)
        if field not in _REGION_FIELDS:
            text = f"{COLUMN_LABELS.get(field, field)}：{text}"
    return f"{text}以外" if op in ("!=", "not in") else text


def query_label(query: str) -> str:
    """A reader's name for the reports a pandas query over corpus.docs selects; the query itself
    when it is not a simple comparison (or several joined by ``and``).

    >>> query_label("province in ['广东省', '福建省']"), query_label("report_year >= 2021")
    ('广东省、福建省', '2021年及以后')
    """
    text = str(query).strip()
    parts = [_query_part_label(p) for p in _QUERY_AND.split(text)] if text else [None]
    return "，".join(parts) if all(parts) else text  # type: ignore[arg-type]


# the name of the reports a query leaves out, by the kind of field it compares
_OTHER_SIDE = {"year": "其他年份", "region": "其他地区", "level": "其他层级"}


def _query_field_kind(part: str) -> str | None:
    m = _QUERY_PART.match(part)
    if not m:
        return None
    field = m["field"]
    if field in _YEAR_FIELDS:
        return "year"
    if field in _REGION_FIELDS:
        return "region"
    return "level" if field == "level" else None


def reference_label(query: str) -> str:
    """A reader's name for the reports a query does NOT select (the reference side of a keyness
    comparison): 其他地区 for a place query, 其他年份 for a year, 其他层级 for a level, else 其他报告.

    >>> reference_label("province in ['广东省']"), reference_label("report_year == 2022")
    ('其他地区', '其他年份')
    """
    text = str(query).strip()
    kinds = {_query_field_kind(p) for p in _QUERY_AND.split(text)} if text else {None}
    return _OTHER_SIDE[kinds.pop()] if len(kinds) == 1 and None not in kinds else "其他报告"
