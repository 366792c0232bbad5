"""The summary card at the top of a dossier: fazhi.textstat_summary (plain values) and
fazhi.display.summary_card (escaped HTML), on reports written for it (tests/summary_reports.py),
the shared render and the dossier notebook."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from summary_reports import write_reports

import fazhi
from fazhi import display as fd
from fazhi.summary import RegionSummary, textstat_region_terms, textstat_summary, year_gaps

DOSSIER = ROOT / "src" / "fazhi" / "notebooks" / "05_dossier.ipynb"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    base = tmp_path_factory.mktemp("summary")
    return fazhi.build_corpus(write_reports(base / "raw"), base / "store", workers=1)


@pytest.fixture(scope="module")
def passages(store):
    return fazhi.textstat_reuse(store)


def _region(store, level: str, region: str):
    corpus = fazhi.with_regions(store, level)
    return corpus, fazhi.select_region(corpus, level, region)


# (level, region, reports, known years, missing years, reports without year, parts missing,
#  late, date unknown, other reports sharing text (None: no reuse), facts, terms basis)
CASES = [
    # a gap (2021), a late report (published May 2021 for 2020), one without a date, two parts
    # missing in one report each, a paragraph copied from 古镛镇
    ("town", "庙前镇", 3, (2019, 2020, 2022), (2021,), 0, {"problems": 1, "duty": 1}, 1, 1, 1,
     13, "keyness"),
    # the source of that paragraph: one report, on time (30 March)
    ("town", "古镛镇", 1, (2021,), (), 0, {}, 0, 0, 1, 2, "keyness"),
    # one report: no date, no number, only boilerplate shared
    ("town", "五里街镇", 1, (2023,), (), 0, {}, 0, 1, None, 0, "keyness"),
    # no year anywhere
    ("town", "岵山镇", 1, (), (), 1, {"duty": 1}, 0, 1, None, 0, "keyness"),
    # a county: one report with a year, one without; no date at all
    ("district", "永春县", 2, (2023,), (), 1, {"duty": 1}, 0, 2, None, 0, "keyness"),
    # the whole corpus: nothing to compare with, so the most frequent terms; both reports of
    # the copied paragraph are in it (each other's partner)
    ("province", "福建省", 6, (2019, 2020, 2021, 2022, 2023), (), 1,
     {"problems": 1, "duty": 2}, 1, 3, 2, 15, "frequency"),
]


@pytest.mark.parametrize("level,region,n,years,gaps,no_year,parts,late,no_date,partners,facts,basis",
                         CASES, ids=[c[1] for c in CASES])
def test_summary_of_a_region(store, passages, level, region, n, years, gaps, no_year, parts, late,
                             no_date, partners, facts, basis):
    corpus, sub = _region(store, level, region)
    s = textstat_summary(corpus, sub, passages=passages)
    assert (s.n_reports, s.years, s.missing_years, s.n_unknown_year) == (n, years, gaps, no_year)
    assert (s.missing_parts, s.n_parts_unknown) == (parts, 0)
    assert (s.n_late, s.n_unknown_date) == (late, no_date)
    assert s.n_chars == sum(ch.isalnum() for t in sub.docs["text"] for ch in t)
    if partners is None:
        assert (s.reused_chars, s.reuse_share, s.n_partners) == (0, 0.0, 0)
    else:
        assert s.n_partners == partners and 0 < s.reuse_share < 1
        assert s.reuse_share == pytest.approx(s.reused_chars / s.n_chars)
    assert s.n_indicators == facts == len(fazhi.textstat_indicators(sub))
    assert s.terms_basis == basis and 0 < len(s.terms) <= 8
    words = set(" ".join(sub.tokens["tokens"]).split())
    assert set(s.terms) <= words
    # what the page passes (cached whole-corpus results) gives the same summary
    cached = textstat_summary(corpus, sub, passages=fazhi.passages_of(passages, sub.docs["doc_id"]),
                              facts=fazhi.textstat_indicators(sub),
                              terms=textstat_region_terms(corpus, level=level))
    assert cached == s


def test_keyness_terms_are_the_regions_own(store, passages):
    corpus, sub = _region(store, "town", "庙前镇")
    s = textstat_summary(corpus, sub, passages=passages)
    k = fazhi.textstat_keyness(corpus, corpus.docs["doc_id"].isin(sub.docs["doc_id"]), min_count=3)
    # over-represented, used at least 3 times in the region (textstat_distinctive's min_count)
    over = k[(k["g2"] > 0) & (k["n_target"] >= 3)]["term"].tolist()
    assert list(s.terms) == over[:len(s.terms)]


@pytest.mark.parametrize("source,basis", [
    ("region_terms", "keyness"),       # the cached table of every region: its own rows
    ("frequency", "frequency"),        # a frequency table of the region
    ("no_region_column", "frequency"),  # the region is not known in sub: no row is its own
])
def test_terms_tables_the_summary_reads(store, passages, source, basis):
    corpus, sub = _region(store, "town", "庙前镇")
    table = {"region_terms": lambda: textstat_region_terms(corpus, level="town"),
             "frequency": lambda: fazhi.textstat_frequency(sub, n=20),
             "no_region_column": lambda: textstat_region_terms(corpus, level="town")}[source]()
    if source == "no_region_column":
        sub = store.subset(store.docs["town"] == "庙前镇")
    s = textstat_summary(corpus, sub, passages=passages, terms=table)
    assert s.terms_basis == basis and 1 <= len(s.terms) <= 8
    if basis == "keyness":  # the region's own rows of the table, in its order (as many as stand out)
        rows = table[table["term"].isin(s.terms)]
        assert list(dict.fromkeys(rows["term"]))[:len(s.terms)] == list(s.terms)
    if basis == "frequency":
        assert list(s.terms) == fazhi.textstat_frequency(sub, n=8)["term"].tolist()


# (level, region, the card's lines that must read so) — what a reader sees, in Chinese
CARD = [
    ("town", "庙前镇", {"报告": "3 份", "年度": "2019–2022（缺 2021）",
                      "缺少部分": "问题 1 份、第一责任人 1 份",
                      "逾期发布（次年4月1日后）": "1 份；另有 1 份发布日期不明，未计入",
                      "数字指标": "13 条（3 份报告）"}),
    ("town", "五里街镇", {"报告": "1 份", "年度": "2023", "缺少部分": "无",
                        "逾期发布（次年4月1日后）": "—（发布日期不明）",
                        "与其他报告相同的文字（套话除外）": "无", "数字指标": "无"}),
    ("town", "岵山镇", {"年度": "—（年度均不明）", "缺少部分": "第一责任人 1 份"}),
    ("district", "永春县", {"年度": "2023；另有 1 份年度不明",
                          "逾期发布（次年4月1日后）": "—（2 份发布日期不明）"}),
    ("town", "古镛镇", {"逾期发布（次年4月1日后）": "无"}),
]


@pytest.mark.parametrize("level,region,lines", CARD, ids=[c[1] for c in CARD])
def test_card_reads_in_chinese(store, passages, level, region, lines):
    corpus, sub = _region(store, level, region)
    s = textstat_summary(corpus, sub, passages=passages)
    rows = dict(fd.summary_rows(s))
    for name, text in lines.items():
        assert rows[name] == text, (name, rows[name])
    terms = rows.get("特色词（与其余报告相比，G²）") or rows["高频词"]
    assert terms == "、".join(s.terms)
    shared = rows["与其他报告相同的文字（套话除外）"]
    assert shared == "无" if not s.reused_chars else \
        re.fullmatch(r"\d+\.\d%（[\d,]+ 字），见于 \d+ 份其他报告", shared)


@pytest.mark.parametrize("years,known,gaps,runs", [
    ([2019, 2020, 2022], (2019, 2020, 2022), (2021,), "2021"),
    ([2023, None, 2019, float("nan"), ""], (2019, 2023), (2020, 2021, 2022), "2020–2022"),
    ([2015, 2018, 2019, 2023], (2015, 2018, 2019, 2023), (2016, 2017, 2020, 2021, 2022),
     "2016、2017、2020–2022"),
    ([2021], (2021,), (), ""),
    ([None, None], (), (), ""),
])
def test_year_gaps(years, known, gaps, runs):
    assert year_gaps(years) == (known, gaps)
    assert fd.year_runs(gaps) == runs


def test_the_examples_in_the_docstrings_hold():
    import doctest

    import fazhi.summary

    assert doctest.testmod(fazhi.summary).failed == 0
    got = doctest.DocTestFinder().find(fd.year_runs, globs={"year_runs": fd.year_runs})
    assert got and doctest.DocTestRunner().run(got[0]).failed == 0


# summaries the card must show without raising: nothing known, nothing found
EMPTY = [
    RegionSummary(n_reports=0),
    RegionSummary(n_reports=2, n_unknown_year=2, n_parts_unknown=2, n_unknown_date=2),
    RegionSummary(n_reports=1, years=(2021,), n_chars=0, reused_chars=0, n_partners=0,
                  n_indicators=0, n_indicator_reports=0),
]


@pytest.mark.parametrize("s", EMPTY)
def test_card_of_unknowns_says_so(s):
    rows = fd.summary_rows(s)
    assert len(rows) == 7
    for name, text in rows[1:]:
        assert text in ("无", "—") or text.startswith(("—（", "2021")), (name, text)
    html = fd.summary_card_html(s)
    assert html.count("<dt>") == 7 and "None" not in html and "nan" not in html


def test_summary_without_tokens_or_passages_never_raises(tmp_path):
    corpus = fazhi.with_regions(fazhi.read_corpus(write_reports(tmp_path / "raw")), "town")
    sub = fazhi.select_region(corpus, "town", "庙前镇")
    s = textstat_summary(None, sub)                       # no tokens, no corpus for passages
    assert (s.terms, s.terms_basis) == ((), None)
    assert (s.n_chars, s.reuse_share, s.n_partners) == (None, None, None)
    assert s.n_reports == 3 and s.n_late == 1 and s.n_indicators == 13
    rows = dict(fd.summary_rows(s))
    assert rows["特色词"] == "无" and rows["与其他报告相同的文字（套话除外）"] == "—"
    nothing = textstat_summary(corpus, corpus.subset(corpus.docs["doc_id"] == "none"))
    assert nothing.n_reports == 0 and fd.summary_rows(nothing)[0] == ("报告", "无")


XSS = ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "A&B", "</dd></dl>"]


@pytest.mark.parametrize("term", XSS)
def test_card_escapes_terms_and_title(term):
    s = RegionSummary(n_reports=1, years=(2022,), terms=(term, "法治"), terms_basis="keyness")
    html = fd.summary_card_html(s, title=term)
    soup = BeautifulSoup(html, "html.parser")
    card = soup.select_one("div.fazhi-card")
    assert [t.name for t in card.find_all(recursive=False)] == ["style", "p", "dl"]
    assert card.p.get_text() == term
    dd = dict(zip([t.get_text() for t in card.select("dt")], [t.get_text() for t in card.select("dd")],
                  strict=True))
    assert dd["特色词（与其余报告相比，G²）"] == f"{term}、法治"
    assert not soup.find_all(["script", "img"]) and "onerror=\"" not in html


def test_card_css_is_scoped():
    css = re.search(r"<style>(.*?)</style>", fd.summary_card_html(RegionSummary(1)), re.S).group(1)
    rules = [r.split("{")[0] for r in css.split("}") if r.strip()]
    assert rules and all(sel.strip().startswith("div.fazhi-card") for r in rules
                         for sel in r.split(",")), rules


# ---------------------------------------------------------------- the notebook and the page


def _code(nb: dict) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_dossier_shows_the_card_right_after_the_heading_and_computes_nothing_twice():
    nb = json.loads(DOSSIER.read_text(encoding="utf-8"))
    code = _code(nb)
    at = next(i for i, c in enumerate(code) if "fd.heading(" in c)
    assert "fd.summary_card(fazhi.textstat_summary(" in code[at + 1]
    cells = nb["cells"]
    card = next(i for i, c in enumerate(cells) if "fd.summary_card" in "".join(c["source"]))
    assert cells[card + 1]["cell_type"] == "markdown"    # then the first detailed section
    assert all(not c.get("outputs") for c in cells if c["cell_type"] == "code")
    text = "\n".join(code)
    assert text.count("textstat_indicators(") == 1 and text.count("fazhi.textstat_reuse,") == 1
    assert "fazhi.textstat_reuse(" not in text   # the whole-corpus passages only through the memo
    assert "fd.cached(fazhi.textstat_region_terms, corpus, level=level)" in text


@pytest.mark.slow
@pytest.mark.parametrize("page,heading,lines", [
    ("05_dossier-province-广东省.html", "广东省：3 份报告",
     {"报告": "3 份", "年度": "2019–2024（缺 2020、2021、2023）"}),
    ("town/05_dossier-town-重庆市黔江区蓬东乡.html", "蓬东乡：1 份报告",
     {"报告": "1 份", "年度": "2021", "逾期发布（次年4月1日后）": "—（发布日期不明）"}),
])
def test_rendered_dossier_opens_with_the_card(rendered, page, heading, lines):
    folder, name = (rendered.town_out, page.split("/", 1)[1]) if page.startswith("town/") else \
        (rendered.out, page)
    html = (folder / name).read_text(encoding="utf-8")
    head, card, section = html.find(heading), html.find('class="fazhi-card"'), \
        html.find(">基本信息与合规情况")
    assert 0 <= head < card < section, (head, card, section)
    soup = BeautifulSoup(html, "html.parser")
    cards = soup.select("div.fazhi-card")
    assert len(cards) == 1
    rows = dict(zip([t.get_text() for t in cards[0].select("dt")],
                    [t.get_text() for t in cards[0].select("dd")], strict=True))
    assert len(rows) == 7
    for key, text in lines.items():
        assert rows[key] == text, (key, rows[key])
