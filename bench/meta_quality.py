"""Score fazhi's metadata on the realistic evaluation set (tests/data/realistic, issue 10).

Usage: python bench/meta_quality.py [--split dev|heldout|all] [--misses] [--write]

Runs ``fazhi.ingest.ingest_file`` on every text of ``tests/data/realistic/texts`` in the chosen split
and compares its document fields with ``truth.tsv`` field by field. Per field and split: n (cases
whose truth has a value), right, wrong, missing (fazhi gave nothing), accuracy = right / n, and
false values (fazhi gave a value where the truth is empty). Fields fazhi does not produce yet
(``plan_year``, ``signed_date``, ``department`` today) are reported as not available. ``parts`` is
scored only where the truth lists them (complete texts) and has no false values.
``--misses`` lists every miss as ``file: field expected 'x' got 'y'``; ``--write`` replaces (or
appends) the "## Metadata on realistic texts" section of bench/RESULTS.md.

Independent of fazhi's meta code on purpose (fazhi.meta is never imported): the set judges it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_results import write_section  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / "tests" / "data" / "realistic"
TEXTS = DATA / "texts"
TRUTH = DATA / "truth.tsv"
RESULTS = HERE / "RESULTS.md"
SECTION = "## Metadata on realistic texts"

FIELDS = ("title", "report_year", "plan_year", "publish_date", "signed_date", "level", "department",
          "town", "district", "city", "province", "parts")
TRUTH_COLUMNS = ("file", "split", *FIELDS, "notes")
SPLITS = ("dev", "heldout")
LEVELS = ("national", "province", "city", "district", "county", "town", "township", "subdistrict",
          "zone")
PARTS = ("achievements", "problems", "duty", "plans", "other")
NO_FALSE_VALUES = frozenset({"parts"})  # openings have no truth for parts: nothing to call false
_SPACE = re.compile(r"\s+")


# --- truth -------------------------------------------------------------------------------------------

def load_truth(path: str | Path = TRUTH) -> list[dict[str, str]]:
    """The rows of ``truth.tsv`` as dicts of strings (empty string = no value)."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != TRUTH_COLUMNS:
            raise ValueError(f"{path}: columns {reader.fieldnames} != {list(TRUTH_COLUMNS)}")
        return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def select(rows: Iterable[Mapping[str, str]], split: str) -> list[Mapping[str, str]]:
    """The rows of one split (``all`` = every row)."""
    return [r for r in rows if split == "all" or r["split"] == split]


# --- normalisation -----------------------------------------------------------------------------------

def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN
    except TypeError:  # pandas.NA
        return True


def normalise(name: str, value) -> str:
    """One comparable string per field value ('' = no value).

    Titles: NFKC, traditional -> simplified, whitespace removed (``"关于 2021年…"`` == ``"关于2021年…"``,
    ``"建設"`` == ``"建设"``); years: the integer as text; parts: the canonical comma list of the listed parts (a JSON list or a comma list);
    other fields: stripped text.
    """
    if _missing(value):
        return ""
    if name == "parts":
        if isinstance(value, str):
            value = value.strip()
            items = json.loads(value) if value.startswith("[") else value.split(",")
        else:
            items = list(value)
        got = {str(p).strip() for p in items if str(p).strip()}
        return ",".join([p for p in PARTS if p in got] + sorted(got - set(PARTS)))
    text = str(value).strip()
    if name in ("report_year", "plan_year") and re.fullmatch(r"\d{4}(?:\.0)?", text):
        return text[:4]
    if name == "title":
        return _SPACE.sub("", _simplified(unicodedata.normalize("NFKC", text)))
    return text


@cache
def _converter():
    """OpenCC's traditional-to-simplified converter (fazhi's own dependency), or None."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - titles are then compared as written
        return None
    return opencc.OpenCC("t2s")


def _simplified(text: str) -> str:
    """``"湖頭鎮…建設情況報告"`` -> ``"湖头镇…建设情况报告"`` (unchanged without OpenCC)."""
    cc = _converter()
    return cc.convert(text) if cc is not None else text


# --- fazhi's answers ---------------------------------------------------------------------------------

def predict_file(path: Path, root: Path = TEXTS) -> dict:
    """fazhi's document fields for one file: its ``FileResult.doc`` (``{}`` when rejected, with the
    reason under ``_rejected``)."""
    from fazhi.ingest import ingest_file  # lazy: the scorer's own test needs no fazhi run

    result = ingest_file(path, root)
    if result.doc is None:
        return {"_rejected": result.reason or "rejected"}
    return dict(result.doc)


def predict(rows: Iterable[Mapping[str, str]], texts: Path = TEXTS) -> dict[str, dict]:
    """{file: fazhi's document fields} for the given truth rows."""
    return {r["file"]: predict_file(texts / r["file"], texts) for r in rows}


# --- scoring -----------------------------------------------------------------------------------------

@dataclass
class Tally:
    """Counts for one field on one split; ``available`` is False when fazhi has no such field."""

    n: int = 0
    right: int = 0
    wrong: int = 0
    missing: int = 0
    false: int = 0
    empty: int = 0  # cases whose truth is empty (false values are counted among these)
    available: bool = True

    @property
    def accuracy(self) -> float | None:
        return self.right / self.n if self.n and self.available else None


@dataclass
class Miss:
    file: str
    field: str
    expected: str
    got: str
    kind: str  # wrong | missing | false | n/a


@dataclass
class Scores:
    split: str
    files: int
    tallies: dict[str, Tally] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    rejected: dict[str, str] = field(default_factory=dict)


def available_fields(predictions: Mapping[str, Mapping]) -> set[str]:
    """Fields present in at least one of fazhi's document rows (a rejected file has none)."""
    docs = [d for d in predictions.values() if "_rejected" not in d]
    return {f for f in FIELDS if any(f in d for d in docs)} if docs else set(FIELDS)


def score(rows: Iterable[Mapping[str, str]], predictions: Mapping[str, Mapping],
          split: str = "all") -> Scores:
    """Compare fazhi's fields with the truth, field by field, for the rows given."""
    rows = list(rows)
    have = available_fields(predictions)
    out = Scores(split, len(rows), {f: Tally(available=f in have) for f in FIELDS})
    for row in rows:
        doc = predictions.get(row["file"], {"_rejected": "no prediction"})
        if "_rejected" in doc:
            out.rejected[row["file"]] = doc["_rejected"]
        for name in FIELDS:
            t = out.tallies[name]
            expected = normalise(name, row[name])
            got = normalise(name, doc.get(name)) if t.available else ""
            if not expected:
                t.empty += 1
                if got and name not in NO_FALSE_VALUES:
                    t.false += 1
                    out.misses.append(Miss(row["file"], name, "", got, "false"))
                continue
            t.n += 1
            if not t.available:
                out.misses.append(Miss(row["file"], name, expected, "", "n/a"))
            elif got == expected:
                t.right += 1
            elif not got:
                t.missing += 1
                out.misses.append(Miss(row["file"], name, expected, "", "missing"))
            else:
                t.wrong += 1
                out.misses.append(Miss(row["file"], name, expected, got, "wrong"))
    return out


# --- output ------------------------------------------------------------------------------------------

def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def table(all_scores: Iterable[Scores]) -> str:
    """A Markdown table: one row per field and split."""
    lines = ["| field | split | n | right | wrong | missing | accuracy | false values |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    all_scores = list(all_scores)
    for name in FIELDS:
        for s in all_scores:
            t = s.tallies[name]
            if not t.available:
                lines.append(f"| {name} | {s.split} | {t.n} | n/a | n/a | n/a | not available | n/a |")
                continue
            false = "—" if name in NO_FALSE_VALUES else f"{t.false} / {t.empty}"
            lines.append(f"| {name} | {s.split} | {t.n} | {t.right} | {t.wrong} | {t.missing} | "
                         f"{_pct(t.accuracy)} | {false} |")
    return "\n".join(lines)


def summary(s: Scores) -> str:
    """One line: pooled accuracy over the available fields of one split."""
    ts = [t for t in s.tallies.values() if t.available]
    n, right = sum(t.n for t in ts), sum(t.right for t in ts)
    false, empty = sum(t.false for t in ts), sum(t.empty for t in ts)
    na = [f for f, t in s.tallies.items() if not t.available]
    return (f"{s.split}: {s.files} files, {right}/{n} truth values right ({_pct(right / n if n else None)}), "
            f"{false} false values in {empty} empty truths"
            + (f"; not available: {', '.join(na)}" if na else "")
            + (f"; rejected: {len(s.rejected)}" if s.rejected else ""))


def misses_text(s: Scores) -> str:
    """Every miss as ``file: field expected 'x' got 'y'`` (plus its kind)."""
    return "\n".join(f"{m.file}: {m.field} expected {m.expected!r} got {m.got!r} ({m.kind})"
                     for m in s.misses)


def fazhi_commit() -> str:
    """The git commit of the fazhi source being scored (``+dirty`` when src/ has changes)."""
    import fazhi

    src = Path(fazhi.__file__).resolve().parent
    try:
        head = subprocess.run(["git", "-C", str(src), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(src), "status", "--porcelain", "--", "."],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def section(all_scores: list[Scores], commit: str, split: str) -> str:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join([
        SECTION, "",
        f"Measured by `python bench/meta_quality.py --split {split} --write` on {now}; fazhi commit "
        f"`{commit}`. Set: `tests/data/realistic` (81 texts written in the layouts of real "
        "government pages, truth in `truth.tsv`, decisions in its README). n = cases whose truth has "
        "a value; accuracy = right / n; false values = values given where the truth is empty "
        "(out of the empty truths). `parts` is scored on complete texts only.", "",
        table(all_scores), "",
        *[f"- {summary(s)}" for s in all_scores], "",
    ])




def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all",
                    help="which cases to score (all = dev and heldout, each and together)")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--write", action="store_true",
                    help=f"write the '{SECTION[3:]}' section of bench/RESULTS.md")
    ap.add_argument("--truth", default=str(TRUTH), help=argparse.SUPPRESS)
    ap.add_argument("--texts", default=str(TEXTS), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    rows = load_truth(args.truth)
    chosen = select(rows, args.split)
    predictions = predict(chosen, Path(args.texts))
    splits = [*SPLITS, "all"] if args.split == "all" else [args.split]
    all_scores = [score(select(chosen, s), predictions, s) for s in splits]
    print(table(all_scores))
    print()
    for s in all_scores:
        print(summary(s))
    if args.misses:
        print()
        print(misses_text(all_scores[-1]))
    if args.write:
        write_section(section(all_scores, fazhi_commit(), args.split))
        print(f"\n-> {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
