"""Compliance with Article 25 of 《法治政府建设与责任落实督察工作规定》: the table of a paper per
level and region (:func:`textstat_compliance`), which of the mandated parts each report has and
the flags a checking office looks at (:func:`textstat_compliance_reports`: published late, cut
off, anonymised, no title, a heading number used twice).

>>> textstat_compliance(corpus, by=("level", "province"))                          # doctest: +SKIP
>>> textstat_compliance_reports(corpus)[["file", "has_problems", "missing_parts"]]   # doctest: +SKIP
>>> textstat_compliance_summary(corpus)                                            # doctest: +SKIP
              item  n_docs  share
0  has_achievements       5    1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fazhi.deprecation import changed_default
from fazhi.vocab import is_unknown

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from fazhi.corpus import Corpus

# the document columns of the mandated parts, and the part each stands for
PART_COLUMNS = {"has_achievements": "achievements", "has_problems": "problems",
                "has_duty": "duty", "has_plans": "plans"}
# the flags of a report (document columns)
FLAG_COLUMNS = ("late", "truncated", "anonymised", "no_title", "duplicate_numbering")
# what the summary counts, in its order
SUMMARY_ITEMS = (*PART_COLUMNS, "late", "truncated", "anonymised", "no_title")


def _docs(docs) -> pd.DataFrame:
    return docs.docs if hasattr(docs, "docs") else docs


def _flag(value):
    """True/False, or None when unknown."""
    return None if is_unknown(value) else bool(value)


def textstat_compliance_reports(docs: pd.DataFrame | Corpus) -> pd.DataFrame:
    """One row per report (until 0.2 ``textstat_compliance(docs)``): doc_id, file, the part columns (has_achievements, has_problems,
    has_duty, has_plans), missing_parts (the parts it is known to lack: ``["problems", "duty"]``),
    and the flags (late, truncated, anonymised, no_title, duplicate_numbering). Values are
    True/False, or None when the documents table does not tell (a column it lacks, a missing
    value).

    >>> textstat_compliance_reports(corpus.docs).loc[0, "missing_parts"]   # doctest: +SKIP
    ['duty']
    """
    import pandas as pd

    docs = _docs(docs)
    n = len(docs)
    out = pd.DataFrame({"doc_id": docs["doc_id"].tolist() if "doc_id" in docs else [None] * n,
                        "file": docs["file"].astype(str).tolist()})
    records = docs.to_dict("records")
    for col in (*PART_COLUMNS, *FLAG_COLUMNS):
        out[col] = pd.Series([_flag(r[col]) for r in records] if col in docs else [None] * n,
                             dtype=object)
    out.insert(2 + len(PART_COLUMNS), "missing_parts", [
        [part for col, part in PART_COLUMNS.items() if col in r and _flag(r[col]) is False]
        for r in records])
    return out


def textstat_compliance_summary(docs: pd.DataFrame | Corpus) -> pd.DataFrame:
    """How many reports have each part and each flag: item (the document column: has_problems,
    late …), n_docs, share (of all reports; 0 for none). Columns the documents table lacks are
    left out; a missing value counts as no.

    >>> textstat_compliance_summary(corpus)                        # doctest: +SKIP
    """
    import pandas as pd

    docs = _docs(docs)
    n = len(docs)
    rows = []
    for col in SUMMARY_ITEMS:
        if col not in docs:
            continue
        k = int(docs[col].fillna(False).astype(bool).sum())
        rows.append({"item": col, "n_docs": k, "share": k / n if n else 0.0})
    return pd.DataFrame(rows, columns=["item", "n_docs", "share"])


# the parts of Article 25 (document column -> part), in its order, "other" included
ARTICLE_PARTS = {**PART_COLUMNS, "has_other": "other"}
GROUP_COLUMNS = ["n_reports", *(f"share_{p}" for p in ARTICLE_PARTS.values()), "share_all_parts",
                 "n_dated", "share_on_time", "median_chars", "indicators_per_1k", "boilerplate_share"]
# the definitions under the table (the page shows them; keys are the columns)
DEFINITIONS = {
    "n_reports": "该组的报告篇数（层级、地区不明的报告单列为“（不明）”组）",
    "share_achievements": "含“主要举措和成效”部分的报告占比（《法治政府建设与责任落实督察工作规定》第二十五条第一项）",
    "share_problems": "含“存在的不足和原因”部分的报告占比（第二项）",
    "share_duty": "含“党政主要负责人履行推进法治建设第一责任人职责情况”部分的报告占比（第三项）",
    "share_plans": "含“下一年度主要安排”部分的报告占比（第四项）",
    "share_other": "含“其他需要报告的情况”部分的报告占比（第五项，可无）",
    "share_all_parts": "前四项部分齐全的报告占比",
    "n_dated": "发布日期已知（且报告年度已知）的报告数",
    "share_on_time": "在发布日期已知的报告中，于报告年度次年4月1日（含）前发布的占比",
    "median_chars": "清洗后正文的字数（含标点）的中位数",
    "indicators_per_1k": "该组报告中识别出的数据事实（“调处矛盾纠纷209件”等，fazhi.indicators）总数除以总字数再乘以1000",
    "boilerplate_share": "正文（不计标点）中落在已知口号和固定表述（data/slogans.txt）里的字数占比；传入 passages 时为落在模板段落（fazhi.reuse 判定的套话段落）里的字数占比",
}


def _as_corpus(corpus):
    """A corpus-like object with ``docs`` (and ``sections`` when known) from a corpus or a table."""
    if hasattr(corpus, "docs"):
        return corpus
    from types import SimpleNamespace

    return SimpleNamespace(docs=corpus, sections=None)


def _on_time(publish_date, report_year) -> bool | None:
    """Published by 1 April of the next year (inclusive); None when either is unknown."""
    if is_unknown(publish_date) or is_unknown(report_year):
        return None
    try:
        year = int(report_year)
    except (TypeError, ValueError):
        return None
    return str(publish_date)[:10] <= f"{year + 1}-04-01"


def _text_counts(texts, n: int, *, facts: bool, slogans: bool):
    """Per text, in one pass: characters; numeric facts (when ``facts``); characters in known
    slogans and characters of the normalised text, punctuation and whitespace left out (the
    normalised text of :mod:`fazhi.reuse`; when ``slogans``). Arrays of length ``n``."""
    import numpy as np

    chars, n_facts, bp, base = (np.zeros(n) for _ in range(4))
    if facts:
        from fazhi.indicators import extract_indicators
        from fazhi.indicators.rules import rules_of

        rules = rules_of(None)
    if slogans:
        from fazhi.reuse.slogans import slogan_chars
        from fazhi.reuse.text import normalise
    for i, text in enumerate(texts):
        text = str(text or "")
        chars[i] = len(text)
        if facts:
            n_facts[i] = len(extract_indicators(text, rules=rules))
        if slogans:
            norm = normalise(text)[0].replace("\n", "")
            bp[i] = slogan_chars(norm) if norm else 0
            base[i] = len(norm)
    return chars, n_facts, bp, base


def _sorted_groups(groups, keys: list[str]) -> list[tuple]:
    """Group tuples in order (levels from province down to subdistrict), an unknown value (None)
    last within its position."""
    from fazhi.vocab import LEVEL_LABELS

    rank = {lv: i for i, lv in enumerate(["national", "province", "city", *(
        x for x in LEVEL_LABELS if x not in ("national", "province", "city"))])}

    def key(g):
        return tuple((1, "") if v is None else (0, rank.get(v, len(rank)) if k == "level" else v)
                     for k, v in zip(keys, g, strict=True))

    try:
        return sorted(groups, key=key)
    except TypeError:
        return sorted(groups, key=lambda g: tuple((1, "") if v is None else (0, str(v)) for v in g))


@changed_default(by=("doc_id", None))
def textstat_compliance(corpus: Corpus | pd.DataFrame, *,
                        by: str | tuple[str, ...] | list[str] | None = None,
                        indicators: pd.DataFrame | None = None,
                        passages: pd.DataFrame | None = None) -> pd.DataFrame:
    """The compliance table of a paper, one row per group of ``by`` (a column of the documents
    or several, e.g. ``("level", "province")``; None: the whole corpus in one row): <by>,
    n_reports, share_achievements, share_problems, share_duty, share_plans, share_other (the five
    parts of Article 25), share_all_parts (the first four), n_dated, share_on_time,
    median_chars, indicators_per_1k, boilerplate_share. Definitions (also :data:`DEFINITIONS`, and
    ``attrs["definitions"]`` of the table):

    - ``share_<part>``: reports with the part / reports of the group (an unknown part counts as
      absent);
    - ``n_dated``: reports whose publish date and report year are known; ``share_on_time``: of
      those, published by 1 April (inclusive) of the year after the report year (NaN when none);
    - ``median_chars``: median characters of the cleaned text; ``indicators_per_1k``: numeric facts
      found by :func:`fazhi.textstat_indicators` (every status) per 1,000 characters, pooled;
    - ``boilerplate_share``: characters (punctuation left out) in known slogans and set formulas
      (``data/slogans.txt``) / all characters, pooled; with ``passages`` (the table of
      :func:`fazhi.textstat_reuse`) the share of the text in template passages instead
      (``share_template`` of :func:`fazhi.textstat_reuse_share`, pooled by characters).

    An unknown level or region is one group, NA (shown as （不明）), last; levels run from
    province down to subdistrict. ``indicators``: the table of :func:`fazhi.textstat_indicators`
    if already computed. ``by="doc_id"`` (the old default, until 0.2): one row per report with
    its parts and flags, the table of :func:`textstat_compliance_reports`. Ready for a paper:
    ``export_table(fd.compliance_groups(table), "合规.xlsx")`` (or ``.dta``: Chinese headers and
    levels).

    >>> textstat_compliance(corpus, by=("level", "province"))          # doctest: +SKIP
    """
    import numpy as np
    import pandas as pd

    if by == "doc_id":
        return textstat_compliance_reports(corpus)
    keys = [] if by is None else [by] if isinstance(by, str) else list(by)
    from fazhi.corpus import doc_texts

    c = _as_corpus(corpus)
    docs, texts = doc_texts(c)  # each text read once, not kept (a lazy store's are not loaded)
    for k in keys:
        if k not in docs.columns:
            raise ValueError(f"by={k!r} is not a column of the documents table")
    columns = keys + GROUP_COLUMNS
    if not len(docs):
        out = pd.DataFrame(columns=columns)
        out.attrs["message"] = "语料库中没有报告 / the corpus has no reports"
        return out
    n = len(docs)
    chars, facts, bp, base = _text_counts(texts, n, facts=indicators is None,
                                          slogans=passages is None)
    if "n_chars" in docs:
        given = pd.to_numeric(docs["n_chars"], errors="coerce").to_numpy(dtype=float)
        chars = np.where(np.isnan(given), chars, given)
    frame = pd.DataFrame({"_g": [tuple(None if is_unknown(v) else v for v in vals)
                                 for vals in zip(*(docs[k] for k in keys), strict=True)]
                          if keys else [()] * n})
    for col, part in ARTICLE_PARTS.items():
        frame[part] = ([_flag(v) is True for v in docs[col]] if col in docs else [False] * n)
    frame["all_parts"] = frame[list(PART_COLUMNS.values())].all(axis=1)
    on_time = [_on_time(d, y) for d, y in zip(
        docs["publish_date"] if "publish_date" in docs else [None] * n,
        docs["report_year"] if "report_year" in docs else [None] * n, strict=True)]
    frame["dated"] = [v is not None for v in on_time]
    frame["on_time"] = [v is True for v in on_time]
    frame["chars"] = chars
    if indicators is None:  # the facts of each text counted, not kept (bounded memory)
        frame["facts"] = facts
    else:
        facts = indicators["doc_id"].value_counts() if len(indicators) else pd.Series(dtype=int)
        frame["facts"] = docs["doc_id"].map(facts).fillna(0).to_numpy(dtype=float)
    if passages is None:
        share = np.divide(bp, base, out=np.zeros(n), where=base > 0)
    else:
        from fazhi.reuse.share import textstat_reuse_share

        rs = textstat_reuse_share(c, passages).set_index("doc_id")
        share = docs["doc_id"].map(rs["share_template"]).fillna(0).to_numpy(dtype=float)
        base = docs["doc_id"].map(rs["n_chars"]).fillna(0).to_numpy(dtype=float)
    frame["bp_chars"] = share * base
    frame["bp_base"] = base
    order = _sorted_groups(set(frame["_g"]), keys)
    code = {g: i for i, g in enumerate(order)}
    frame["_c"] = [code[g] for g in frame["_g"]]
    rows = []
    for g, (_c, f) in zip(order, frame.groupby("_c", sort=True), strict=True):
        k = len(f)
        dated = int(f["dated"].sum())
        total = f["chars"].sum()
        rows.append([*g, k, *(f[p].mean() for p in ARTICLE_PARTS.values()),
                     f["all_parts"].mean(), dated,
                     f["on_time"].sum() / dated if dated else float("nan"),
                     float(np.median(f["chars"])),
                     1000 * f["facts"].sum() / total if total else 0.0,
                     f["bp_chars"].sum() / f["bp_base"].sum() if f["bp_base"].sum() else 0.0])
    out = pd.DataFrame(rows, columns=columns)
    for pos, k in enumerate(keys):
        try:
            out[k] = pd.array([g[pos] for g in order], dtype=docs[k].dtype)
        except (TypeError, ValueError):
            out[k] = pd.Series([g[pos] for g in order], dtype=object)
    out["n_reports"] = out["n_reports"].astype("int64")
    out["n_dated"] = out["n_dated"].astype("int64")
    out.attrs["definitions"] = {k: DEFINITIONS[k] for k in GROUP_COLUMNS}
    return out
