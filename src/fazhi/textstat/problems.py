"""Admitted shortcomings: each item or sentence of a report's problems part (存在的问题和不足)
classed by the versioned category table ``data/problems.tsv``.

>>> textstat_problems(corpus)[["doc_id", "text", "category"]]               # doctest: +SKIP
>>> textstat_problem_shares(corpus, by="report_year")                       # doctest: +SKIP
>>> classify_problem("一是部分干部依法行政意识不强")                          # doctest: +SKIP
('awareness', ('awareness',), ('依法行政意识不强',))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from fazhi.vocab import is_unknown

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from fazhi.corpus import Corpus

# the category of a unit no pattern matches, and the two flags of a report without units
OTHER = "other"
NO_PART = "no_part"
NONE_ADMITTED = "none_admitted"
FLAG_LABELS = {NO_PART: "缺少问题部分", NONE_ADMITTED: "问题部分未列出问题"}

PROBLEM_COLUMNS = ["doc_id", "file", "unit_no", "text", "category", "label", "categories", "cues"]
SHARE_COLUMNS = ["category", "label", "n_reports", "n_admitting", "reports", "share", "units",
                 "unit_share"]

_SPACE = re.compile(r"\s+")
_COLONS = ("：", ":")
_WORD = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(frozen=True)
class ProblemRules:
    """The category table: ``labels`` (category → Chinese label, in table order, ``other`` last),
    ``patterns`` (category → one compiled alternation), ``intro`` and ``nothing`` (or None)."""

    labels: dict[str, str]
    patterns: dict[str, re.Pattern]
    intro: re.Pattern | None
    nothing: re.Pattern | None


@cache
def load_problem_rules() -> ProblemRules:
    """The rules of ``data/problems.tsv`` (read once per process; its content is part of
    :func:`fazhi.versions.data_version`, so memo keys change with it). A pattern that does not
    compile raises ``ValueError`` naming it.

    >>> load_problem_rules().labels["staff"]                       # doctest: +SKIP
    '执法和法治工作力量不足、培训不够'
    """
    from fazhi.read import load_table

    labels: dict[str, str] = {}
    raw: dict[str, list[str]] = {}
    special: dict[str, list[str]] = {"@intro": [], "@nothing": []}
    defined: dict[str, str] = {}
    for row in load_table("problems.tsv"):
        if row[0] == "@define":
            if len(row) != 3:
                raise ValueError(f"problems.tsv: @define needs a name and a regex: {row}")
            defined[row[1]] = _expand(row[2], defined)
        elif row[0] == "@label":
            if len(row) != 3:
                raise ValueError(f"problems.tsv: @label needs category and label: {row}")
            labels[row[1]] = row[2]
        elif row[0] in special:
            special[row[0]].append(_expand(row[1], defined))
        elif row[0].startswith("@"):
            raise ValueError(f"problems.tsv: unknown rule {row[0]!r}")
        else:
            raw.setdefault(row[0], []).append(_expand(row[1], defined))
    unlabelled = set(raw) - set(labels)
    if unlabelled:
        raise ValueError(f"problems.tsv: categories without @label: {sorted(unlabelled)}")
    labels.setdefault(OTHER, "未归类")
    labels = {**{k: v for k, v in labels.items() if k != OTHER}, OTHER: labels[OTHER]}

    def compiled(parts: list[str]) -> re.Pattern | None:
        if not parts:
            return None
        try:
            return re.compile("|".join(f"(?:{p})" for p in parts))
        except re.error as exc:
            bad = [p for p in parts if _bad(p)]
            raise ValueError(f"problems.tsv: pattern does not compile: {bad or parts} ({exc})") from None

    patterns = {c: compiled(raw[c]) for c in labels if c in raw}
    return ProblemRules(labels, patterns, compiled(special["@intro"]), compiled(special["@nothing"]))


_NAME = re.compile(r"\{([A-Z_]+)\}")


def _expand(pattern: str, defined: dict[str, str]) -> str:
    """``{NEG}`` in a pattern replaced by the regex an earlier ``@define`` row named NEG."""
    def sub(m: re.Match) -> str:
        if m.group(1) not in defined:
            raise ValueError(f"problems.tsv: {{{m.group(1)}}} is not defined (@define before use)")
        return f"(?:{defined[m.group(1)]})"

    return _NAME.sub(sub, pattern)


def _bad(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return True
    return False


def problem_units(text: str, heading: str | None = None) -> list[str]:
    """The units of a problems part: the items of a part as :func:`fazhi.plan_items` cuts them
    (one splitter for the items of every part: each sub-heading （一）/1. with its text up to the
    next one, each inline item 一是…二是…, else each sentence; a line that introduces a list is not
    an item). The part's own heading (its first line) is left out; spaces inside an item are one.

    >>> problem_units("二、存在问题\\n一是意识不强；二是人员不足。", "存在问题")
    ['一是意识不强；', '二是人员不足。']
    """
    from fazhi.textstat.followthrough import plan_items

    text = text or ""
    if heading and heading.strip():
        first = text.split("\n", 1)[0]
        at = first.find(heading.strip())
        if at >= 0:
            rest = first[at + len(heading.strip()):].lstrip("：:，,。.；; \t")
            text = rest + text[len(first):]
    return [it["text"] for it in plan_items(text) if _WORD.search(it["text"])]


def classify_problem(text: str, rules: ProblemRules | None = None
                     ) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(category, every category matched, the matched words) of one unit. The category is the
    one whose match ends first (the lead words of an item name the shortcoming); of matches ending
    together, the category listed first in the table (topics before the catch-all ``depth``:
    执法信息化水平不高 is digital); ``other`` when nothing matches. Categories and words are
    listed in that order.

    >>> classify_problem("（三）执法人员数量不足，业务培训不够")[0]       # doctest: +SKIP
    'staff'
    """
    return _classify_flat(_SPACE.sub("", text), rules or load_problem_rules())


def _classify_flat(flat: str, rules: ProblemRules) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    found: list[tuple[int, int, str, str]] = []
    for order, (cat, pat) in enumerate(rules.patterns.items()):
        m = pat.search(flat)
        if m:
            found.append((m.end(), order, cat, m.group(0)))
    if not found:
        return OTHER, (), ()
    found.sort()
    return found[0][2], tuple(f[2] for f in found), tuple(f[3] for f in found)


def _not_counted(flat: str, rules: ProblemRules) -> bool:
    """An unclassified unit that only introduces the list, or says there is nothing to report."""
    return any(p is not None and p.search(flat) is not None for p in (rules.intro, rules.nothing))


def _group_order(key: tuple) -> tuple:
    """Sort key of a group tuple: known values in order, an unknown value (None) last."""
    return tuple((1, "") if v is None else (0, v) for v in key)


def _problem_spans(sections: pd.DataFrame | None) -> dict[str, list[tuple[int, str, str]]]:
    """doc_id → [(start, heading, text)] of its problems sections, outermost only."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    if sections is None or sections.empty:
        return out
    s = sections[sections["part"] == "problems"]
    s = s.sort_values(["doc_id", "start", "level"], kind="stable")
    last_end: dict[str, int] = {}
    for doc_id, start, end, heading, text in zip(s["doc_id"], s["start"], s["end"], s["heading"],
                                                 s["text"], strict=True):
        if int(start) < last_end.get(doc_id, -1):
            continue  # a subsection of a problems section already taken
        last_end[doc_id] = int(end)
        out.setdefault(doc_id, []).append((int(start), "" if is_unknown(heading) else str(heading),
                                           "" if is_unknown(text) else str(text)))
    return out


def textstat_problems(corpus: Corpus) -> pd.DataFrame:
    """One row per unit of every report's problems part: doc_id, file, unit_no (1, 2, … within
    the report), text (as written), category (a category of ``data/problems.tsv``, or ``other`` =
    未归类 when no pattern matches), label (Chinese), categories (every category matched,
    comma-separated), cues (the text each category matched, ；-separated: a match never holds ；).

    Units: enumerated items (（一）…, 一是…, 1.…) or else sentences; the heading, lines that only
    introduce the list (但也存在一些问题，主要表现在： — any unit ending with a colon) or restate
    achievements are not units.
    Reports are never dropped: one without a problems part gets one row with category
    ``no_part`` (缺少问题部分), one whose problems part lists nothing (无。/ only an
    introduction) one row ``none_admitted`` (问题部分未列出问题); both have unit_no 0 and empty text.

    >>> textstat_problems(corpus).groupby("category").size()          # doctest: +SKIP
    """
    import pandas as pd

    rules = load_problem_rules()
    spans = _problem_spans(getattr(corpus, "sections", None))
    docs = corpus.docs
    rows: list[tuple] = []
    files = docs["file"].astype(str).tolist() if "file" in docs else [""] * len(docs)
    for doc_id, file in zip(docs["doc_id"].tolist(), files, strict=True):
        parts = spans.get(doc_id)
        if not parts:
            rows.append((doc_id, file, 0, "", NO_PART, FLAG_LABELS[NO_PART], "", ""))
            continue
        k = 0
        for _start, heading, text in parts:
            for unit in problem_units(text, heading):
                flat = _SPACE.sub("", unit)
                if flat.endswith(_COLONS):  # introduces what follows (…还存在一些不足：)
                    continue
                cat, cats, words = _classify_flat(flat, rules)
                if cat == OTHER and _not_counted(flat, rules):
                    continue
                k += 1
                rows.append((doc_id, file, k, unit, cat, rules.labels[cat], ",".join(cats),
                             "；".join(words)))
        if not k:
            rows.append((doc_id, file, 0, "", NONE_ADMITTED, FLAG_LABELS[NONE_ADMITTED], "", ""))
    df = pd.DataFrame(rows, columns=PROBLEM_COLUMNS)
    df["unit_no"] = df["unit_no"].astype("int64")
    if not len(docs):
        df.attrs["message"] = "语料库中没有报告 / the corpus has no reports"
    return df


def textstat_problem_shares(corpus: Corpus, *, by: str | list[str],
                            problems: pd.DataFrame | None = None) -> pd.DataFrame:
    """Admitted shortcomings per group (long table): <by>, category, label, n_reports (reports of
    the group), n_admitting (of those, reports whose problems part lists at least one unit),
    reports, share, units, unit_share.

    For a category of ``data/problems.tsv``: ``reports`` = reports of the group with a unit
    matching it (any of its ``categories``; for ``other``: a unit nothing matched),
    ``share = reports / n_admitting``; ``units`` = units whose category it is, ``unit_share =
    units / all units of the group``. Two more rows flag reports: ``no_part`` (no problems part)
    and ``none_admitted`` (a part listing nothing), with ``share = reports / n_reports``.
    ``by`` (required: years, a place column or several): a column of ``corpus.docs`` (or a
    list of them); an unknown value is one group, NA, last.
    ``problems``: the table of :func:`textstat_problems` (computed when None).

    >>> textstat_problem_shares(corpus, by="report_year").query("category == 'staff'")  # doctest: +SKIP
    """
    import numpy as np
    import pandas as pd

    from fazhi.textstat._index import _key, _typed

    keys = [by] if isinstance(by, str) else list(by)
    docs = corpus.docs
    for k in keys:
        if k not in docs.columns:
            raise ValueError(f"by={k!r} is not a column of corpus.docs")
    if problems is None:
        problems = textstat_problems(corpus)
    rules = load_problem_rules()
    cats = list(rules.labels)
    columns = keys + SHARE_COLUMNS
    if not len(docs):
        out = pd.DataFrame(columns=columns)
        out.attrs["message"] = "语料库中没有报告 / the corpus has no reports"
        return out
    group = {d: tuple(_key(v) for v in vals)
             for d, *vals in zip(docs["doc_id"], *(docs[k] for k in keys), strict=True)}
    groups = sorted(set(group.values()), key=_group_order)
    code = {g: i for i, g in enumerate(groups)}
    ng, nc = len(groups), len(cats)
    n_reports = np.zeros(ng, dtype=np.int64)
    for g in group.values():
        n_reports[code[g]] += 1
    cat_code = {c: j for j, c in enumerate(cats)}
    reports = np.zeros((ng, nc), dtype=np.int64)
    units = np.zeros((ng, nc), dtype=np.int64)
    flags = np.zeros((ng, 2), dtype=np.int64)
    admitting = np.zeros(ng, dtype=np.int64)
    p = problems[problems["doc_id"].isin(group)]
    for doc_id, rows in p.groupby("doc_id", sort=False):
        gi = code[group[doc_id]]
        primary = rows["category"].tolist()
        if primary[0] in (NO_PART, NONE_ADMITTED):
            flags[gi, 0 if primary[0] == NO_PART else 1] += 1
            continue
        admitting[gi] += 1
        seen: set[str] = set()
        for cat, also in zip(primary, rows["categories"].tolist(), strict=True):
            units[gi, cat_code.get(cat, cat_code[OTHER])] += 1
            seen.update(also.split(",") if also else [OTHER])
        for c in seen:
            if c in cat_code:
                reports[gi, cat_code[c]] += 1
    total_units = units.sum(axis=1)
    out_rows = []
    for i in range(ng):
        for j, c in enumerate(cats):
            out_rows.append((i, c, rules.labels[c], n_reports[i], admitting[i], reports[i, j],
                             reports[i, j] / admitting[i] if admitting[i] else 0.0, units[i, j],
                             units[i, j] / total_units[i] if total_units[i] else 0.0))
        for f, flag in enumerate((NO_PART, NONE_ADMITTED)):
            out_rows.append((i, flag, FLAG_LABELS[flag], n_reports[i], admitting[i], flags[i, f],
                             flags[i, f] / n_reports[i] if n_reports[i] else 0.0, 0, 0.0))
    out = pd.DataFrame(out_rows, columns=["_g", *SHARE_COLUMNS])
    codes = out.pop("_g").to_numpy(dtype=np.int64)
    for pos, k in enumerate(keys):
        out.insert(pos, k, _typed([g[pos] for g in groups], k, corpus).take(codes)
                   .reset_index(drop=True))
    for c in ("n_reports", "n_admitting", "reports", "units"):
        out[c] = out[c].astype("int64")
    return out[columns]


__all__ = ["FLAG_LABELS", "NONE_ADMITTED", "NO_PART", "OTHER", "ProblemRules", "classify_problem",
           "load_problem_rules", "problem_units", "textstat_problem_shares", "textstat_problems"]
