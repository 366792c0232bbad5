"""The map of the units: ``textstat_scale`` (correspondence analysis, classical MDS) and
``textplot_map``.

The CA is checked against a computation written here from the textbook formulas (masses,
standardised residuals, an eigen-decomposition instead of the module's SVD, the transition formula
for the rows) and against χ²/N from scipy; the MDS against the cosine similarities of
``textstat_simil``. The town reports are written for these tests in the layouts of real ones.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

import fazhi
from fazhi.corpus import Corpus, segment_corpus
from fazhi.textplot.scaling import place_labels, textplot_map
from fazhi.textstat.scale import COLUMNS, correspondence, textstat_scale
from fazhi.vocab import UNKNOWN

# (file, town, text): three towns, each busy with one field of work
REPORTS = [
    ("2022-福建省福州市马尾区亭江镇.txt", "亭江镇",
     "亭江镇人民政府关于2022年度法治政府建设情况的报告\n"
     "一、主要工作\n全年受理行政复议申请14件，依法作出行政复议决定12件，行政复议纠错率明显提高。"
     "畅通行政复议渠道，在便民服务中心设立行政复议咨询点。\n"
     "二、存在问题\n行政复议工作人员专业能力有待提升。\n"
     "三、下一步打算\n加强行政复议规范化建设，发挥行政复议化解行政争议主渠道作用。"),
    ("2022-重庆市黔江区蓬东乡.txt", "蓬东乡",
     "蓬东乡2022年法治政府建设年度报告\n"
     "一、工作情况\n落实“谁执法谁普法”普法责任制，开展普法宣传活动26场，普法讲师团进村入户。"
     "利用赶场天开展普法集市，发放普法资料3000余份。\n"
     "二、存在的不足\n普法方式创新不够，普法针对性不强。\n"
     "三、下一步工作计划\n深化“八五”普法，建设法治文化阵地，提升普法实效。"),
    ("2022-上海市宝山区月浦镇.txt", "月浦镇",
     "月浦镇2022年法治政府建设工作报告\n"
     "一、主要举措和成效\n健全人民调解组织网络，各村居调解委员会调解矛盾纠纷186件，调解成功率98%。"
     "推行诉前调解，配备专职调解员12名。\n"
     "二、存在问题\n基层调解员队伍年龄偏大。\n"
     "三、下一年度主要安排\n加强调解员培训，完善调解与诉讼衔接机制。"),
]
MARK = {"亭江镇": "行政复议", "蓬东乡": "普法", "月浦镇": "调解"}
# a fourth report whose town is not known
UNKNOWN_TOWN = ("2022-某地法治报告.txt", None,
                "2022年法治政府建设情况报告\n一、主要工作\n开展普法宣传，调解矛盾纠纷，办理行政复议案件。\n"
                "二、存在问题\n法治队伍力量薄弱。")


def make_corpus(reports) -> Corpus:
    from fazhi.sections import parse_sections

    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(reports))],
                         "file": [r[0] for r in reports], "text": [r[2] for r in reports],
                         "report_year": pd.array([2022] * len(reports), dtype="Int64"),
                         "town": [r[1] for r in reports], "anonymised": False})
    rows = [{"doc_id": d, **s} for d, t in zip(docs["doc_id"], docs["text"], strict=True)
            for s in parse_sections(t)]
    return segment_corpus(Corpus(docs, pd.DataFrame(rows), pd.DataFrame(), None, None))


@pytest.fixture(scope="module")
def towns() -> Corpus:
    return make_corpus(REPORTS)


# ----------------------------------------------------------------- CA from the explicit formulas


def ca_by_hand(table: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row principal coordinates, column principal coordinates, principal inertias), computed
    cell by cell and through the eigenvectors of SᵀS (not the SVD the module uses)."""
    n = table.sum()
    rows, cols = table.shape
    r = [table[i].sum() / n for i in range(rows)]
    c = [table[:, j].sum() / n for j in range(cols)]
    s = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            s[i, j] = (table[i, j] / n - r[i] * c[j]) / np.sqrt(r[i] * c[j])
    vals, vecs = np.linalg.eigh(s.T @ s)
    order = np.argsort(vals)[::-1][:min(rows, cols) - 1]
    lam, v = vals[order], vecs[:, order]
    g = v / np.sqrt(np.array(c))[:, None] * np.sqrt(lam)          # columns, principal
    # transition formula: a row is the weighted mean of the columns' standard coordinates
    profiles = table / table.sum(axis=1, keepdims=True)
    f = profiles @ (v / np.sqrt(np.array(c))[:, None])
    return f, g, lam


def same_up_to_sign(a: np.ndarray, b: np.ndarray) -> bool:
    return all(np.allclose(a[:, k], b[:, k], atol=1e-9) or np.allclose(a[:, k], -b[:, k], atol=1e-9)
               for k in range(a.shape[1]))


TABLES = [
    # units × terms counts (行政复议, 普法, 调解, 法律顾问)
    np.array([[14, 2, 1, 3], [1, 26, 2, 4], [2, 3, 19, 1]]),
    np.array([[5, 5, 5], [1, 9, 2], [8, 1, 1], [3, 3, 7]]),
    np.array([[30, 1], [2, 25], [10, 12]]),
    np.array([[1, 2, 3, 4, 5], [5, 4, 3, 2, 1], [2, 2, 2, 2, 9], [7, 1, 1, 1, 1]]),
]


@pytest.mark.parametrize("table", TABLES)
def test_ca_equals_the_textbook_computation(table):
    res = correspondence(table)
    f, g, lam = ca_by_hand(table.astype(float))
    assert np.allclose(res.eigenvalues, lam)
    assert same_up_to_sign(res.row, f)
    assert same_up_to_sign(res.col, g)
    chi2 = chi2_contingency(table, correction=False)[0]
    assert res.total == pytest.approx(chi2 / table.sum())
    assert res.eigenvalues.sum() == pytest.approx(res.total)
    for ctr in (res.row_ctr, res.col_ctr):
        assert np.allclose(ctr.sum(axis=0), 1.0)
    assert res.row_inertia.sum() == pytest.approx(1.0)
    assert res.col_inertia.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("table", TABLES)
def test_signs_are_fixed_by_the_largest_term(table):
    res = correspondence(table)
    for k in range(res.col.shape[1]):
        assert res.col[np.argmax(np.abs(res.col[:, k])), k] > 0
    # the same table with its rows and columns in another order: the same points
    pr, pc = np.arange(table.shape[0])[::-1], np.roll(np.arange(table.shape[1]), 1)
    other = correspondence(table[pr][:, pc])
    assert np.allclose(other.row, res.row[pr])
    assert np.allclose(other.col, res.col[pc])


def test_textstat_scale_is_the_ca_of_its_units_by_terms_table(towns):
    pts = textstat_scale(towns, by="town", min_count=2)
    assert list(pts.columns) == COLUMNS
    units, terms = pts[pts["kind"] == "unit"], pts[pts["kind"] == "term"]
    table = fazhi.dfm(towns).group("town").to_frame()
    table = table.loc[units["label"].tolist(), terms["label"].tolist()].to_numpy(float)
    assert (table.sum(axis=0) >= 2).all()
    f, g, lam = ca_by_hand(table)
    assert same_up_to_sign(units[["dim1", "dim2"]].to_numpy(), f[:, :2])
    assert same_up_to_sign(terms[["dim1", "dim2"]].to_numpy(), g[:, :2])
    total = chi2_contingency(table, correction=False)[0] / table.sum()
    assert pts.attrs["total_inertia"] == pytest.approx(total)
    assert pts.attrs["explained"] == pytest.approx(list(lam[:2] / total))
    assert units["count"].sum() == terms["count"].sum() == table.sum()


@pytest.mark.parametrize("method", ["ca", "mds"])
def test_towns_with_different_work_land_apart_and_near_their_terms(towns, method):
    pts = textstat_scale(towns, by="town", min_count=2, method=method)
    xy = {(k, lab): np.array([a, b]) for k, lab, a, b in
          zip(pts["kind"], pts["label"], pts["dim1"], pts["dim2"], strict=True)}
    for town, word in MARK.items():
        own = np.linalg.norm(xy["unit", town] - xy["term", word])
        for other_town, other_word in MARK.items():
            if other_town == town:
                continue
            assert own < np.linalg.norm(xy["unit", town] - xy["term", other_word])
            assert own < np.linalg.norm(xy["unit", town] - xy["unit", other_town])


@pytest.mark.parametrize("method", ["ca", "mds"])
def test_the_map_does_not_depend_on_the_order_of_the_reports(towns, method):
    a = textstat_scale(towns, by="town", min_count=2, method=method)
    b = textstat_scale(make_corpus(REPORTS[::-1]), by="town", min_count=2, method=method)
    key = ["kind", "label"]
    a, b = a.sort_values(key).reset_index(drop=True), b.sort_values(key).reset_index(drop=True)
    assert a[key].equals(b[key])
    assert np.allclose(a[["dim1", "dim2"]], b[["dim1", "dim2"]], atol=1e-9)


def test_mds_distances_are_the_cosine_distances(towns):
    """Three units fit a plane exactly: their distances are √(2(1 − cos)) of textstat_simil."""
    pts = textstat_scale(towns, by="town", min_count=1, method="mds")
    units = pts[pts["kind"] == "unit"].set_index("label")
    sim = fazhi.textstat_simil(towns, by="town", label_by=None)
    for a in MARK:
        for b in MARK:
            d = np.hypot(*(units.loc[a, ["dim1", "dim2"]] - units.loc[b, ["dim1", "dim2"]]))
            assert d == pytest.approx(np.sqrt(2 * (1 - sim.loc[a, b])), abs=1e-9)
    assert sum(pts.attrs["explained"]) == pytest.approx(1.0)
    assert units["inertia"].sum() == pytest.approx(1.0)


@pytest.mark.parametrize("n_terms, terms_by", [(3, "inertia"), (4, "count"), (8, "count")])
def test_n_terms_keeps_the_terms_that_matter(towns, n_terms, terms_by):
    pts = textstat_scale(towns, by="town", n_terms=n_terms, terms_by=terms_by, min_count=2)
    kept = set(pts.loc[pts["kind"] == "term", "label"])
    if terms_by == "inertia":  # the three towns' own fields carry the most inertia
        assert kept == set(MARK.values())
    else:
        freq = fazhi.textstat_frequency(towns, n=None)
        freq = freq.sort_values(["count", "term"], ascending=[False, True])
        freq = freq[freq["count"] >= 2]  # min_count=2: fewer than n_terms terms may qualify
        assert kept == set(freq["term"].head(n_terms))


def test_unknown_town_is_a_labelled_unit():
    pts = textstat_scale(make_corpus([*REPORTS, UNKNOWN_TOWN]), by="town", min_count=2)
    units = pts.loc[pts["kind"] == "unit", "label"].tolist()
    assert units == ["亭江镇", "月浦镇", "蓬东乡", UNKNOWN]


def test_a_dfm_is_accepted(towns):
    a = textstat_scale(fazhi.dfm(towns), by="town", min_count=2)
    b = textstat_scale(towns, by="town", min_count=2)
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("reports, kwargs, words", [
    (REPORTS[:1], {"by": "town"}, "1 组"),                         # one report
    (REPORTS, {"by": "report_year"}, "1 组"),                      # one year
    (REPORTS[:2], {"by": "town", "method": "mds"}, "2 组"),        # two towns
    (REPORTS, {"by": "town", "min_count": 500}, "不足 2 个"),      # no term frequent enough
    (REPORTS, {"by": "town", "n_terms": 1}, "不足 2 个"),          # one term is no plane
])
def test_tiny_corpora_give_a_message(reports, kwargs, words):
    pts = textstat_scale(make_corpus(reports), **kwargs)
    assert pts.empty and list(pts.columns) == COLUMNS
    assert words in pts.attrs["message"]
    fig = textplot_map(pts)
    shown = "".join(t.get_text() for t in fig.axes[0].texts).replace("\n", "")
    assert words in shown


# ----------------------------------------------------------------- the figure


def _extents(fig):
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    return [(t.get_text(), t.get_window_extent(r)) for t in fig.axes[0].texts]


@pytest.mark.parametrize("method, percent", [("ca", "%"), ("mds", "%")])
def test_the_map_names_units_and_terms_without_overlap(towns, method, percent):
    pts = textstat_scale(towns, by="town", min_count=2, method=method)
    fig = textplot_map(pts, n_labels=30)
    assert fig.get_label() == "textplot_map"
    ax = fig.axes[0]
    assert percent in ax.get_xlabel() and percent in ax.get_ylabel()
    ext = _extents(fig)
    names = [t for t, _b in ext]
    assert set(MARK) <= set(names) and set(MARK.values()) <= set(names)
    for i, (_a, a) in enumerate(ext):
        for _b, b in ext[i + 1:]:
            assert not a.overlaps(b), (_a, _b)


@pytest.mark.parametrize("n_points", [2, 12, 40])
def test_place_labels_never_overlaps(n_points):
    # points crowded near one spot: every placed box is free of the others
    pts = [(100 + 3 * i, 100 + 2 * (i % 4), f"词语{i}", 8) for i in range(n_points)]
    boxes = [b for b in place_labels(pts, dpi=100) if b is not None]
    assert boxes and len(boxes) <= n_points
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    assert place_labels(pts, dpi=100) == place_labels(pts, dpi=100)


def test_n_labels_limits_the_names(towns):
    pts = textstat_scale(towns, by="town", min_count=2)
    fig = textplot_map(pts, n_labels=1)
    names = [t.get_text() for t in fig.axes[0].texts]
    assert sum(n in MARK for n in names) == 1
    assert any("未标注名称" in n for n in names)


@pytest.mark.parametrize("n, v, seed", [(5, 8, 1), (80, 120, 2), (200, 60, 3)])
def test_classical_mds_equals_the_double_centred_gram_matrix(n, v, seed):
    from scipy import sparse

    from fazhi.textstat.scale import classical_mds

    rng = np.random.default_rng(seed)
    x = sparse.random(n, v, density=0.2, random_state=seed, format="csr") + \
        sparse.csr_matrix((np.ones(n), (np.arange(n), rng.integers(0, v, n))), shape=(n, v))
    dense = x.toarray() / np.linalg.norm(x.toarray(), axis=1, keepdims=True)
    j = np.eye(n) - 1.0 / n
    b = -0.5 * j @ (2 * (1 - dense @ dense.T)) @ j
    vals, vecs = np.linalg.eigh(b)
    coords, eig, diag = classical_mds(sparse.csr_matrix(dense), 2)
    assert np.allclose(eig, vals[::-1][:2])
    assert same_up_to_sign(coords, vecs[:, ::-1][:, :2] * np.sqrt(vals[::-1][:2]))
    assert np.allclose(diag, np.diag(b)) and diag.sum() == pytest.approx(np.trace(b))


@pytest.mark.parametrize("table, n_terms, expected", [
    # 法治 everywhere alike; 复议 and 普法 frequent and uneven; 河长制 rare, in one town only
    ([[20, 15, 5, 0], [20, 5, 15, 0], [20, 5, 5, 4]], 1, ["复议"]),
    # two terms: the pool (3 × 2 most frequent) holds every term, 河长制 included
    ([[20, 15, 5, 0], [20, 5, 15, 0], [20, 5, 5, 4]], 2, ["河长制", "复议"]),
    ([[20, 15, 5, 0], [20, 5, 15, 0], [20, 5, 5, 4]], 4, ["河长制", "复议", "普法", "法治"]),
])
def test_terms_of_one_unit_stay_off_a_small_map(table, n_terms, expected):
    from scipy import sparse

    from fazhi.textstat.scale import _select_terms

    terms = np.array(["法治", "复议", "普法", "河长制"], dtype=object)
    counts = np.array(table, dtype=float)
    expected_cells = np.outer(counts.sum(axis=1), counts.sum(axis=0)) / counts.sum()
    chi2 = ((counts - expected_cells) ** 2 / expected_cells).sum(axis=0)
    assert terms[np.argmax(chi2)] == "河长制"  # by χ² alone it would come first
    cols = _select_terms(sparse.csr_matrix(counts), n_terms, "inertia", terms)
    assert terms[cols].tolist() == expected


def test_reports_are_the_units_by_default_named_by_their_file(towns):
    pts = textstat_scale(towns, min_count=2)
    assert pts.loc[pts["kind"] == "unit", "label"].tolist() == [r[0] for r in REPORTS]
