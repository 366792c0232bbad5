"""Compare every analysis table of two versions of fazhi: the refactor check of issue 12.

Usage:
  python bench/compare_tables.py --baseline REV [--synthetic N]   # REV's src against this tree's
  python bench/compare_tables.py save DIR [--synthetic N]         # compute and keep the tables
  python bench/compare_tables.py compare DIR [--synthetic N]      # compute and compare with DIR

The tables: every ``textstat_*`` function (and ``kwic``, ``load_themes``) over a range of options,
the reuse and indicator tables, the analyses the notebooks take from ``fazhi.display`` (region
selection, theme comparison, compliance, report counts, keyness/emerging sides, the notices), and
the CLI's outputs (``keywords``, ``trend``, ``kwic``, ``reuse``, ``indicators`` in csv, jsonl, text
and xlsx). They are computed on the sample corpus (data/raw), on the namesake reports of
tests/namesakes.py (regions), and with ``--synthetic N`` on N reports of bench/make_corpus.py.

``--baseline REV`` extracts ``src/`` of the git revision REV into a temporary folder, runs ``save``
there in a subprocess (``PYTHONPATH`` = that ``src``), then ``compare`` with this tree's ``src``.
Calls use the new argument names; with an older fazhi, a name its function does not know is
translated to the old one (:data:`OLD_NAMES`), and the old tables' renamed columns are renamed
(:data:`RENAMED_COLUMNS`), so the comparison is of the values. Floats are compared exactly.
Exit code 0 when every table is equal, 1 otherwise (each difference is printed).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import io
import os
import pickle
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RAW = ROOT / "data" / "raw"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

# new argument name -> the names older versions used, tried in this order
OLD_NAMES = {
    "drop_stopwords": ["stopwords"],
    "drop_boilerplate": ["boilerplate"],
    "label_by": ["labels"],
    "min_length": ["min_chars"],
    "count_boilerplate": ["include_boilerplate", "boilerplate"],
}
# (table name prefix, old column, new column): column renames of issue 12
RENAMED_COLUMNS = [("frequency", "docs", "docs_with_term"), ("cli-keywords-frequency", "docs",
                                                              "docs_with_term")]
# CLI options renamed: new -> old
OLD_FLAGS = {"--min-length": "--min-chars"}

TREND_TERMS = ["法律顾问", "矛盾纠纷", "“七五”普法", "人民调解", "行政执法", "合法性审查",
               "公共法律服务", "民法典", "扫黑除恶", "重大行政决策", "信访", "习近平法治思想"]
KWIC_TERMS = ["法律顾问", "矛盾纠纷", "“三项制度”", "（一）", "下一步"]


def get(*paths: str):
    """The first of ``module:name`` that exists (a function may have moved)."""
    for p in paths:
        mod, name = p.split(":")
        try:
            return getattr(importlib.import_module(mod), name)
        except (ImportError, AttributeError):
            continue
    raise AttributeError(f"none of {paths}")


def call(func, *args, **kwargs):
    """``func(*args, **kwargs)`` with new argument names translated for an older ``func``."""
    params = inspect.signature(func).parameters
    out = {}
    for k, v in kwargs.items():
        if k not in params:
            k = next((o for o in OLD_NAMES.get(k, []) if o in params), k)
        out[k] = v
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return func(*args, **out)


def ts(name: str):
    return get(f"fazhi.textstat:{name}")


def specs(corpus, tag: str) -> dict:
    """name -> thunk of the tables on one corpus."""

    fd = importlib.import_module("fazhi.display")
    docs = corpus.docs
    out: dict = {}

    def add(name, thunk):
        out[f"{tag}:{name}"] = thunk

    freq = ts("textstat_frequency")
    add("frequency", lambda: call(freq, corpus, n=None))
    for by in ("report_year", "province", "part", "file", "town", "doc_id", "level"):
        add(f"frequency-by-{by}", lambda by=by: call(freq, corpus, by=by, n=5))
    add("frequency-all-words", lambda: call(freq, corpus, n=None, drop_stopwords=False,
                                            drop_boilerplate=False, min_chars=1))
    add("frequency-stopwords-only-kept", lambda: call(freq, corpus, n=200, drop_stopwords=False))
    add("frequency-plans", lambda: call(freq, corpus, n=None, parts=["plans"]))
    add("frequency-part-plans", lambda: call(freq, corpus, by="part", n=None,
                                             parts=["achievements", "plans"]))
    kw = ts("textstat_keywords")
    add("keywords-tfidf", lambda: call(kw, corpus, n=10))
    for by in ("town", "province", "part", "report_year"):
        add(f"keywords-tfidf-{by}", lambda by=by: call(kw, corpus, by=by, n=5))
    add("keywords-tfidf-plans", lambda: call(kw, corpus, n=5, parts=["plans"]))
    add("keywords-tfidf-stopwords", lambda: call(kw, corpus, n=5, drop_stopwords=False,
                                                 min_chars=1))
    add("keywords-textrank", lambda: call(kw, corpus, method="textrank", n=8))
    add("keywords-textrank-year", lambda: call(kw, corpus, by="report_year", method="textrank",
                                               n=8, window=3))
    k = ts("textstat_keyness")
    add("keyness-gd", lambda: call(k, corpus, "province == '广东省'"))
    add("keyness-year", lambda: call(k, corpus, "report_year >= 2021", min_count=3))
    add("keyness-chi2", lambda: call(k, corpus, "report_year >= 2021", measure="chi2",
                                     min_count=3))
    add("keyness-mask", lambda: call(k, corpus, (docs["report_year"] >= 2021).fillna(False)))
    add("keyness-reference", lambda: call(k, corpus, "report_year >= 2023",
                                          reference="report_year < 2021", min_count=1))
    add("keyness-plans", lambda: call(k, corpus, "report_year >= 2021", parts=["plans"],
                                      min_count=1, drop_boilerplate=False))
    add("keyness-empty", lambda: call(k, corpus, "province == '西藏自治区'"))
    tr = ts("textstat_trend")
    for by in ("report_year", "file", "province", "part"):
        add(f"trend-{by}", lambda by=by: call(tr, corpus, TREND_TERMS, by=by))
    for match in ("tokens", "text"):
        add(f"trend-{match}", lambda m=match: call(tr, corpus, TREND_TERMS, match=m))
    add("trend-plans", lambda: call(tr, corpus, TREND_TERMS, parts=["plans", "problems"]))
    em = ts("textstat_emerging")
    add("emerging", lambda: call(em, corpus, split=2021, min_count=5, n=10))
    add("emerging-all", lambda: call(em, corpus, split=2021, min_count=2, n=None))
    add("emerging-plans", lambda: call(em, corpus, split=2021, min_count=2, n=None,
                                       parts=["plans"]))
    add("emerging-empty", lambda: call(em, corpus, split=2100))
    th = ts("textstat_themes")
    add("themes", lambda: call(th, corpus))
    for by in ("report_year", "province", "part", "town"):
        add(f"themes-{by}", lambda by=by: call(th, corpus, by=by))
        add(f"themes-{by}-sentences", lambda by=by: call(th, corpus, by=by, unit="sentences"))
    add("themes-plans", lambda: call(th, corpus, by="report_year", parts=["plans"]))
    add("themes-plans-sentences", lambda: call(th, corpus, parts=["plans"], unit="sentences"))
    add("themes-tokens", lambda: call(th, corpus, match="tokens"))
    add("load-themes", lambda: ts("load_themes")())
    sim = ts("textstat_simil")
    add("simil", lambda: call(sim, corpus))
    add("simil-province", lambda: call(sim, corpus, by="province"))
    add("simil-doc-id", lambda: call(sim, corpus, label_by="doc_id"))
    add("simil-town", lambda: call(sim, corpus, label_by="town"))
    add("simil-plans", lambda: call(sim, corpus, parts=["plans", "achievements"]))
    nb = ts("textstat_neighbours")
    add("neighbours", lambda: call(nb, corpus, n=2))
    add("neighbours-town", lambda: call(nb, corpus, by="town", n=1))
    add("neighbours-province", lambda: call(nb, corpus, by="province", n=3))
    di = ts("textstat_distinctive")
    add("distinctive-town", lambda: call(di, corpus, by="town", n=5))
    add("distinctive-province", lambda: call(di, corpus, by="province", n=5, min_count=1))
    add("distinctive-doc", lambda: call(di, corpus, by="doc_id", n=5))
    kwic = ts("kwic")
    for i, term in enumerate(KWIC_TERMS):
        add(f"kwic-{i}", lambda t=term: call(kwic, corpus, t, window=10))
    add("kwic-plans", lambda: call(kwic, corpus, "下一步", parts=["plans"]))

    reuse = get("fazhi.reuse:textstat_reuse")
    share = get("fazhi.reuse:textstat_reuse_share")
    pairs = get("fazhi.reuse:reuse_pairs", "fazhi.display:reuse_pairs")
    passages_of = get("fazhi.reuse:passages_of", "fazhi.display:passages_of")
    add("reuse", lambda: call(reuse, corpus, min_length=20))
    add("reuse-30", lambda: call(reuse, corpus, min_length=30, boilerplate_docs=2))
    add("reuse-no-bp", lambda: call(reuse, corpus, min_length=20, include_boilerplate=False))
    add("reuse-share", lambda: call(share, corpus, call(reuse, corpus, min_length=20)))
    add("reuse-share-default", lambda: call(share, corpus))
    add("reuse-share-bp", lambda: call(share, corpus, count_boilerplate=True))
    add("reuse-pairs", lambda: call(pairs, call(reuse, corpus, min_length=20)))
    add("reuse-pairs-bp", lambda: call(pairs, call(reuse, corpus, min_length=20),
                                       count_boilerplate=True))
    add("reuse-passages-of", lambda: call(passages_of, call(reuse, corpus, min_length=20),
                                          docs["doc_id"].head(2)))

    ind = get("fazhi.indicators:textstat_indicators")
    summ = get("fazhi.indicators:textstat_indicator_summary")
    add("indicators", lambda: call(ind, corpus))
    for by in ("town", "report_year", "province", "part"):
        add(f"indicator-summary-{by}", lambda by=by: call(summ, corpus, by=by))
    add("indicator-summary-two", lambda: call(summ, corpus, by=["province", "town"]))
    add("indicator-summary-level", lambda: call(summ, call(ind, corpus), by="level", docs=docs))

    # the analyses and tables of fazhi.display the notebooks use
    add("compliance-summary", lambda: fd.compliance_summary(docs))
    add("compliance-table", lambda: fd.compliance_table(docs))
    add("documents-table", lambda: fd.documents_table(docs))
    add("counts-year", lambda: fd.counts_by(docs, "report_year"))
    add("counts-place", lambda: fd.counts_by(docs, "province", "city", "district"))
    add("corpus-note", lambda: fd.corpus_note(docs).data)
    for by in ("report_year", "province", "town"):
        add(f"n-docs-by-{by}", lambda by=by: fd.n_docs_by(docs, by))
    for split in (2020, 2021, 2100):
        add(f"split-counts-{split}", lambda s=split: fd.split_counts(docs, "report_year", s))
        add(f"split-message-{split}", lambda s=split: fd.split_message(
            fd.split_counts(docs, "report_year", s), s).data)
    for q in ("report_year >= 2021", "province in ['广东省']", "province == '西藏自治区'"):
        add(f"query-sides-{q}", lambda q=q: fd.query_sides(docs, q))
        add(f"sides-message-{q}", lambda q=q: fd.sides_message(fd.query_sides(docs, q), q).data)
    add("keywords-table", lambda: fd.keywords_table(call(kw, corpus, by="town", n=5), by="town"))
    add("theme-matrix", lambda: fd.theme_matrix(call(th, corpus, by="province"), by="province"))
    add("indicator-matrix", lambda: fd.indicator_matrix(call(summ, corpus, by="town"), by="town"))
    add("kwic-table", lambda: fd.kwic_table(call(kwic, corpus, "法律顾问")))
    add("label-frequency", lambda: list(fd.label_columns(call(freq, corpus, n=5)).columns))
    per_doc = lambda: call(th, corpus, by="doc_id")  # noqa: E731
    for level in ("province", "city", "district", "town"):
        add(f"regions-{level}", lambda lv=level: [
            (r.level, r.key, r.label, r.place, r.n_docs) for r in fd.regions(docs, lv)])
        add(f"region-labels-{level}", lambda lv=level: fd.region_labels(docs, lv))
        add(f"region-values-{level}", lambda lv=level: fd.region_values(corpus, lv))
        add(f"unplaced-{level}", lambda lv=level: fd.unplaced(docs, lv))
        add(f"with-regions-{level}", lambda lv=level: fd.with_regions(corpus, lv).docs["region"])
        with_r = lambda lv=level: fd.with_regions(corpus, lv).docs  # noqa: E731
        add(f"regroup-themes-{level}", lambda lv=level, w=with_r: fd.regroup_themes(
            per_doc(), w(lv), by="region"))
        for r in fd.regions(docs, level) + [None]:
            name = r.label if r is not None else "没有这个地方"
            add(f"select-{level}-{name}", lambda lv=level, n=name: list(
                fd.select_region(corpus, lv, n).docs["doc_id"]))
            add(f"region-query-{level}-{name}", lambda lv=level, n=name: (
                fd.region_query(lv, n), fd.region_query(lv, n, docs)))
            add(f"region-label-{level}-{name}", lambda lv=level, n=name: fd.region_label(
                corpus, lv, n))
            add(f"region-note-{level}-{name}", lambda lv=level, n=name: fd.region_note(
                corpus, lv, n).data)
            add(f"theme-comparison-{level}-{name}", lambda lv=level, n=name, w=with_r: (
                fd.theme_comparison(fd.regroup_themes(per_doc(), w(lv), by="region"),
                                    by="region", region=n)))
        add(f"place-{level}", lambda: [fd.place(r) for r in docs.to_dict("records")])
    return out


def cli_specs(store: str, tag: str) -> dict:
    """name -> thunk of the CLI's outputs (parsed back into tables where the format allows)."""
    import pandas as pd

    runs = {
        "keywords-frequency": ["keywords", store, "--format", "csv"],
        "keywords-frequency-year": ["keywords", store, "--by", "report_year", "-n", "3",
                                    "--format", "csv"],
        "keywords-tfidf": ["keywords", store, "--method", "tfidf", "--format", "jsonl"],
        "keywords-textrank": ["keywords", store, "--method", "textrank", "--by", "town",
                              "--format", "csv"],
        "trend": ["trend", "民法典", "法律顾问", "--path", store],
        "trend-csv": ["trend", "民法典", "--by", "province", "--path", store, "--format", "csv"],
        "kwic": ["kwic", "法律顾问", store, "--window", "8", "--format", "csv"],
        "reuse": ["reuse", store, "--format", "csv"],
        "reuse-30": ["reuse", store, "--min-length", "30", "--format", "jsonl"],
        "reuse-no-bp": ["reuse", store, "--no-boilerplate", "--format", "csv"],
        "reuse-shares": ["reuse", store, "--shares", "--format", "csv"],
        "reuse-table": ["reuse", store, "--shares"],
        "indicators": ["indicators", store, "--format", "csv"],
        "indicators-disputes": ["indicators", store, "--category", "disputes", "--category",
                                "矛盾纠纷调解", "--format", "csv"],
        "indicators-bad": ["indicators", store, "--category", "nonsense"],
        "indicators-summary": ["indicators", store, "--summary", "--format", "csv"],
        "indicators-summary-year": ["indicators", store, "--summary", "--by", "report_year"],
        "indicators-summary-bad": ["indicators", store, "--summary", "--by", "nonsense"],
        "reuse-xlsx": ["reuse", store, "--format", "xlsx"],
        "keywords-xlsx-no-out": ["keywords", store, "--format", "xlsx"],
    }
    out: dict = {}

    def run(argv, fmt):
        from fazhi.cli import main, make_parser

        known = {a for act in _actions(make_parser(), argv[0]) for a in act.option_strings}
        argv = [a if a in known or not a.startswith("--") else OLD_FLAGS.get(a, a) for a in argv]
        o, e = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(o), contextlib.redirect_stderr(e), \
                warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = main(argv)
        text = o.getvalue()
        if fmt == "csv" and code == 0:
            return code, pd.read_csv(io.StringIO(text), keep_default_na=False)
        if fmt == "jsonl" and code == 0:
            return code, pd.read_json(io.StringIO(text), lines=True)
        return code, text

    for name, argv in runs.items():
        fmt = argv[argv.index("--format") + 1] if "--format" in argv else "table"
        out[f"{tag}:cli-{name}"] = lambda a=argv, f=fmt: run(a, f)

    def xlsx():
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "复用.xlsx"
            code = run(["reuse", store, "--out", str(path)], "xlsx")[0]
            return code, pd.read_excel(path, sheet_name=None)

    out[f"{tag}:cli-reuse-xlsx-out"] = xlsx
    return out


def _actions(parser, command):
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sub.choices[command]._actions


def corpora(synthetic: int, work: Path) -> list[tuple[str, object, str]]:
    """(tag, corpus, store) of the sample, the namesakes and the synthetic corpus."""
    from namesakes import write_reports

    from fazhi.build import build_corpus

    out = [("sample", build_corpus(RAW, work / "sample", workers=1))]
    out.append(("namesakes", build_corpus(write_reports(work / "namesakes-raw"),
                                          work / "namesakes", workers=1)))
    if synthetic:
        from make_corpus import make_corpus

        raw = make_corpus(synthetic, work / "synthetic-raw")
        out.append(("synthetic", build_corpus(raw, work / "synthetic", workers=1)))
    return [(t, c, c.manifest["store"]) for t, c in out]


def compute(synthetic: int) -> dict:
    """Every table, by name: the value, or the repr of the exception it raised."""
    results = {}
    with tempfile.TemporaryDirectory() as d:
        os.environ.setdefault("FAZHI_CACHE_DIR", str(Path(d) / "cache"))
        os.environ.setdefault("MPLBACKEND", "Agg")
        for tag, corpus, store in corpora(synthetic, Path(d)):
            todo = specs(corpus, tag)
            if tag == "sample":
                todo.update(cli_specs(store, tag))
            for name, thunk in todo.items():
                try:
                    results[name] = thunk()
                except Exception as exc:  # an error is a result too (it must not change)
                    results[name] = f"{type(exc).__name__}: {exc}"
    return results


def _renamed(name: str, value, new_value):
    """The old ``value`` with the columns renamed as in ``new_value``."""
    import pandas as pd

    if isinstance(value, pd.DataFrame) and isinstance(new_value, pd.DataFrame):
        for prefix, old, new in RENAMED_COLUMNS:
            if name.split(":", 1)[1].startswith(prefix) and old in value.columns and \
                    new in new_value.columns and old not in new_value.columns:
                value = value.rename(columns={old: new})
    if isinstance(value, tuple) and isinstance(new_value, tuple) and len(value) == 2 == \
            len(new_value):
        return (value[0], _renamed(name, value[1], new_value[1]))
    return value


def _difference(a, b) -> str | None:
    """None when ``a`` equals ``b`` exactly (frames: values, dtypes, index, columns, attrs)."""
    import numpy as np
    import pandas as pd

    if type(a) is not type(b):
        return f"type {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, pd.DataFrame):
        try:
            pd.testing.assert_frame_equal(a, b, check_exact=True)
        except AssertionError as exc:
            return str(exc)[:800]
        if a.attrs != b.attrs:
            return f"attrs {a.attrs} != {b.attrs}"
        return None
    if isinstance(a, pd.Series):
        try:
            pd.testing.assert_series_equal(a, b, check_exact=True)
        except AssertionError as exc:
            return str(exc)[:800]
        return None
    if isinstance(a, dict):
        if a.keys() != b.keys():
            return f"keys {sorted(map(str, a))} != {sorted(map(str, b))}"
        for k in a:
            d = _difference(a[k], b[k])
            if d:
                return f"[{k!r}] {d}"
        return None
    if isinstance(a, (list, tuple)):
        if len(a) != len(b):
            return f"length {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            d = _difference(x, y)
            if d:
                return f"[{i}] {d}"
        return None
    if isinstance(a, float) and np.isnan(a) and np.isnan(b):
        return None
    return None if a == b else f"{a!r} != {b!r}"[:800]


def compare(old: dict, new: dict) -> int:
    bad = 0
    for name in sorted(set(old) | set(new)):
        if name not in old or name not in new:
            print(f"MISSING {name}: only in the {'new' if name in new else 'old'} tables")
            bad += 1
            continue
        d = _difference(_renamed(name, old[name], new[name]), new[name])
        if d:
            print(f"DIFFERS {name}: {d}")
            bad += 1
    print(f"{len(set(old) & set(new))} tables compared, {bad} differ")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", nargs="?", choices=("save", "compare"), default=None)
    ap.add_argument("dir", nargs="?", default=None, help="folder of the saved tables")
    ap.add_argument("--baseline", default=None, metavar="REV",
                    help="git revision whose src/ is the baseline")
    ap.add_argument("--synthetic", type=int, default=0, metavar="N",
                    help="also compare on N synthetic reports (bench/make_corpus.py)")
    args = ap.parse_args()
    if args.baseline:
        with tempfile.TemporaryDirectory() as d:
            base = Path(d)
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline, "src"],
                                     check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
            env = {**os.environ, "PYTHONPATH": str(base / "src")}
            subprocess.run([sys.executable, __file__, "save", str(base / "tables"),
                            "--synthetic", str(args.synthetic)], check=True, env=env)
            old = pickle.loads((base / "tables" / "tables.pkl").read_bytes())
        return compare(old, compute(args.synthetic))
    if not args.mode or not args.dir:
        ap.error("give --baseline REV, or save DIR / compare DIR")
    path = Path(args.dir) / "tables.pkl"
    if args.mode == "save":
        path.parent.mkdir(parents=True, exist_ok=True)
        tables = compute(args.synthetic)
        path.write_bytes(pickle.dumps(tables))
        import fazhi

        print(f"{len(tables)} tables of fazhi at {Path(fazhi.__file__).parent} -> {path}")
        return 0
    return compare(pickle.loads(path.read_bytes()), compute(args.synthetic))


if __name__ == "__main__":
    sys.exit(main())
