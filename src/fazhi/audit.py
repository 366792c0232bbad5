"""Metadata audit: how many reports have each field, from which kind of evidence, and the short
list of reports whose fields are ambiguous or weakly supported — the rows a user corrects in
``metadata.csv``.

>>> audit = metadata_audit(corpus.docs)             # doctest: +SKIP
>>> review = metadata_review(corpus.docs)           # doctest: +SKIP
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from fazhi.vocab import UNKNOWN

if TYPE_CHECKING:
    import pandas as pd

AUDIT_FIELDS = ("title", "report_year", "publish_date", "town", "district", "city", "province",
                "level", "unit")
# evidence kinds, by the start of a rule's name (the part before "+" says how the gazetteer was used)
EVIDENCE_KINDS = (
    ("metadata.csv", "metadata.csv"), ("ambiguous", "有歧义"),
    ("government_work_report_year", "标题"), ("title", "标题"), ("unlisted_town", "标题"),
    ("zone_name", "标题"), ("issuer", "发文机关"), ("signature", "落款"), ("page", "网页信息"),
    ("date_line", "网页信息"), ("bare_date", "网页信息"), ("publish_year", "网页信息"),
    ("site", "网页信息"), ("file", "文件名"), ("self", "正文自称"), ("opening_subject", "正文自称"),
    ("body", "正文提及"), ("government_work_report", "正文"), ("review", "正文"),
    ("report_as", "正文"), ("opening_year", "正文"), ("first_paragraph", "正文"), ("plans", "正文"),
)


def evidence_kind(rule: str) -> str:
    """The kind of evidence a rule name stands for. ``evidence_kind("title+hierarchy")`` -> ``"标题"``."""
    head = rule.split("+", 1)[0]
    return next((kind for start, kind in EVIDENCE_KINDS if head.startswith(start)), head or UNKNOWN)


def rule_label(rule: str) -> str:
    """A rule name for readers: its kind of evidence in Chinese, the name (what the metadata
    rules and their tests call it) after it. ``rule_label("self_reference")`` -> ``"正文自称（self_reference）"``;
    ``""`` -> ``""``."""
    return f"{evidence_kind(rule)}（{rule}）" if rule else ""



def _rules(docs: pd.DataFrame) -> list[dict]:
    return [json.loads(r) if isinstance(r, str) and r else {} for r in docs["meta_rules"]]


def _has(value) -> bool:
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return False
    return value != ""


def metadata_audit(docs: pd.DataFrame, *, fields: tuple[str, ...] = AUDIT_FIELDS) -> pd.DataFrame:
    """Per field: reports, how many have a value, the share, and how many came from each kind of
    evidence (标题, 发文机关, 落款, 网页信息, 文件名, 正文自称, 正文提及, metadata.csv …), plus how many
    are ambiguous or of low confidence (< 0.6)."""
    import pandas as pd

    rules = _rules(docs)
    rows = []
    for f in fields:
        if f not in docs.columns:
            continue
        values = docs[f].tolist()
        kinds: dict[str, int] = {}
        ambiguous = low = 0
        for v, r in zip(values, rules, strict=True):
            rule = r.get(f) or {}
            if rule.get("ambiguous"):
                ambiguous += 1
            if not _has(v):
                continue
            kind = evidence_kind(rule.get("rule", ""))
            kinds[kind] = kinds.get(kind, 0) + 1
            if rule.get("confidence", 1.0) < 0.6:
                low += 1
        n = len(values)
        have = sum(_has(v) for v in values)
        rows.append({"字段": f, "报告数": n, "有值": have, "比例": have / n if n else 0.0,
                     "有歧义": ambiguous, "低置信度": low,
                     "来源": "；".join(f"{k} {c}" for k, c in sorted(kinds.items(), key=lambda kv: -kv[1]))})
    return pd.DataFrame(rows, columns=["字段", "报告数", "有值", "比例", "有歧义", "低置信度", "来源"])


def metadata_review(docs: pd.DataFrame, *, min_confidence: float = 0.6,
                    fields: tuple[str, ...] = AUDIT_FIELDS) -> pd.DataFrame:
    """Reports whose fields are ambiguous, of low confidence, or unknown where the level needs them:
    one row per report and field, with the value, the rule (its kind of evidence in Chinese and its
    name: 正文自称（self_reference）), the confidence and the candidates."""
    import pandas as pd

    rows = []
    for (_, d), r in zip(docs.iterrows(), _rules(docs), strict=True):
        for f in fields:
            if f not in docs.columns:
                continue
            rule = r.get(f) or {}
            value = d[f]
            why = ""
            if rule.get("ambiguous"):
                why = "有歧义"
            elif _has(value) and rule.get("confidence", 1.0) < min_confidence:
                why = "置信度低"
            elif not _has(value) and f in ("report_year", "level"):
                why = "不明"
            if not why:
                continue
            cands = rule.get("candidates") or []
            shown = "；".join(c if isinstance(c, str) else f"{c['value']}（{evidence_kind(c['rule'])}）"
                             for c in cands[:5])
            rows.append({"文件": d["file"], "字段": f, "值": value if _has(value) else UNKNOWN,
                         "原因": why, "规则": rule_label(rule.get("rule", "")),
                         "置信度": rule.get("confidence", 0.0), "候选": shown})
    return pd.DataFrame(rows, columns=["文件", "字段", "值", "原因", "规则", "置信度", "候选"])
