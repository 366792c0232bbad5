"""Copy-paste detection on real files and bad input (issue 15): offsets in the file as written,
duplicate reports, a paragraph repeated many times, a report without Chinese, a 5 MB one-line
report, the same result on a Dask cluster, the HTML view of the edits."""

from __future__ import annotations

import random
import re
import time

import pandas as pd
import pytest
from filler_text import POOL
from filler_text import filler as _filler

import fazhi.textplot as tp
from fazhi.clean import fix_typos
from fazhi.cli import main
from fazhi.corpus import Corpus, read_corpus
from fazhi.read import read_file
from fazhi.reuse import normalise, textstat_reuse, textstat_reuse_share, written_offsets


def filler(seed: int) -> str:
    return _filler(seed, 300)


def norm(s: str) -> str:
    return normalise(s)[0].replace("\n", "")


def corpus(texts: list[str]) -> Corpus:
    return Corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                                "file": [f"{i}.txt" for i in range(len(texts))], "text": texts}),
                  None, None)


COPIED = ("进一步规范行政规范性文件管理，严格执行起草、征求意见、合法性审核、集体审议和公开发布程序，"
          "全年制发规范性文件2件，报区司法局备案审查2件，备案率和报备及时率均为100%。")

# ---------------------------------------------------------------- offsets in the file


def _write_files(tmp_path):
    # a scraped page: chrome before the title, a Word bookmark, half-width punctuation, CRLF
    a = ("首页 > 政务公开 > 法治政府建设\r\n日期:2022-03-18 来源:乔口镇人民政府\r\n"
         "乔口镇2021年度法治政府建设工作报告\r\n" + filler(1) + "\r\n[bookmark: _GoBack]"
         + COPIED.replace("，", ",") + "\r\n" + filler(2) + "\r\n")
    b = ("会盟镇2022年法治政府建设情况报告\n" + filler(3) + "\n"
         + COPIED.replace("2件", "3件") + "\n" + filler(4) + "\n")
    (tmp_path / "qiaokou.txt").write_bytes(a.encode("utf-8"))
    (tmp_path / "huimeng.txt").write_bytes(b.encode("gb18030"))
    return {"qiaokou.txt": (a, "utf-8"), "huimeng.txt": (b, "gb18030")}


def test_offsets_slice_the_cleaned_text_and_the_file(tmp_path):
    written = _write_files(tmp_path)
    c = read_corpus(tmp_path)
    p = textstat_reuse(c)
    real = p[~p.boilerplate]
    assert len(real) == 1
    r = real.iloc[0]
    docs = c.docs.set_index("doc_id")
    for side in ("a", "b"):
        d = docs.loc[r[f"doc_{side}"]]
        s, e = r[f"start_{side}"], r[f"end_{side}"]
        fs, fe = int(r[f"file_start_{side}"]), int(r[f"file_end_{side}"])
        expected = COPIED if d.file == "qiaokou.txt" else COPIED.replace("2件", "3件")
        assert norm(d.text[s:e]) == norm(expected)
        # the text as read from the file (decoded, line ends LF) ...
        raw = read_file(tmp_path / d.file).text
        assert norm(raw[fs:fe]) == norm(d.text[s:e])
        # ... and the file as written: its bytes decoded, CRLF kept
        text, enc = written[d.file]
        assert (tmp_path / d.file).read_bytes().decode(enc) == text
        ws, we = written_offsets(text, [fs, fe])
        assert text[ws:we] == raw[fs:fe]
    # the CRLF file really moved the offsets, the chrome really was removed
    qa = r["doc_a"] if docs.loc[r["doc_a"], "file"] == "qiaokou.txt" else r["doc_b"]
    side = "a" if qa == r["doc_a"] else "b"
    assert r[f"file_start_{side}"] > r[f"start_{side}"]


def test_sample_corpus_offsets_slice_its_raw_text(sample_corpus):
    p = textstat_reuse(sample_corpus)
    docs = sample_corpus.docs.set_index("doc_id")
    assert p.file_start_a.notna().all() and p.file_start_b.notna().all()
    for r in p.itertuples():
        for d, s, e, fs, fe in ((r.doc_a, r.start_a, r.end_a, r.file_start_a, r.file_end_a),
                                (r.doc_b, r.start_b, r.end_b, r.file_start_b, r.file_end_b)):
            raw = fix_typos(docs.loc[d, "raw_text"][fs:fe])  # cleaning fixed 机治 -> 机制
            assert norm(raw) == norm(docs.loc[d, "text"][s:e])


def test_without_raw_text_the_file_offsets_are_missing():
    p = textstat_reuse(corpus([filler(1) + COPIED + filler(2), filler(3) + COPIED + filler(4)]))
    assert len(p) == 1 and p.file_start_a.isna().all() and str(p.file_start_a.dtype) == "Int64"


# ---------------------------------------------------------------- bad input


def test_two_identical_reports_are_one_duplicate_row():
    report = filler(10) + "\n" + COPIED + "\n" + filler(11)
    other = filler(12) + COPIED + filler(13)
    c = corpus([report, report, other])
    p = textstat_reuse(c)
    dup = p[p.kind == "duplicate"]
    assert len(dup) == 1
    r = dup.iloc[0]
    assert (r.doc_a, r.doc_b) == ("d0", "d1") and r.similarity == 1.0 and not r.boilerplate
    assert norm(r.text) == norm(report)
    # the copy takes part in nothing else: the third report shares its passage with the first only
    rest = p[p.kind != "duplicate"]
    assert len(rest) == 1 and set(rest[["doc_a", "doc_b"]].iloc[0]) == {"d0", "d2"}
    s = textstat_reuse_share(c, p).set_index("doc_id")
    assert s.loc["d1", "share_duplicate"] == 1.0 and s.loc["d1", "share"] == 1.0


def test_a_report_of_one_paragraph_repeated_many_times():
    para = ("深入开展“法律进机关、进社区、进学校、进企业、进农村、进单位”活动，全年举办法治讲座28场，"
            "发放宣传资料1.2万余份，接受群众法律咨询1600余人次。\n")
    c = corpus([para * 2000, filler(20) + "\n" + para + filler(21)])
    t0 = time.perf_counter()
    p = textstat_reuse(c)
    assert time.perf_counter() - t0 < 20
    assert 1 <= len(p) <= 8   # one row per anchored copy at most, never one per repetition
    assert all(norm(t) == norm(para) for t in p.text)
    s = textstat_reuse_share(c, p).set_index("doc_id")
    assert s.loc["d1", "reused_chars"] == len(norm(para))
    # against itself a repeated report is no reuse
    assert textstat_reuse(corpus([para * 2000])).empty


@pytest.mark.parametrize("text", [
    "Annual report on law-based government 2021. The township held 28 lectures on the law.",
    "2021 2022 2023 100% 3.5 12345",
    "",
])
def test_a_report_without_chinese(text):
    c = corpus([text, filler(30) + COPIED + filler(31), filler(32) + COPIED + filler(33)])
    p = textstat_reuse(c)
    assert len(p) == 1 and set(p[["doc_a", "doc_b"]].iloc[0]) == {"d1", "d2"}
    s = textstat_reuse_share(c, p).set_index("doc_id")
    assert s.loc["d0", "share"] == 0.0 and s.loc["d0", "partners"] == 0


def test_a_5_mb_report_on_one_line():
    rng = random.Random(40)
    big = "".join(rng.choices(POOL, k=5_000_000 // 3))  # 5 MB of UTF-8, no line break
    big = big[:800_000] + COPIED + big[800_000:]
    c = corpus([big, filler(41) + "\n" + COPIED + "\n" + filler(42)])
    t0 = time.perf_counter()
    p = textstat_reuse(c)
    seconds = time.perf_counter() - t0
    real = p[p.length >= 40]
    assert len(real) == 1 and norm(real.text.iloc[0]) == norm(COPIED)
    assert real.start_a.iloc[0] == 800_000
    assert seconds < 60
    s = textstat_reuse_share(c, p)
    assert s.n_chars.iloc[0] == len(norm(big))


# ---------------------------------------------------------------- the HTML view


def test_the_view_marks_what_differs_and_escapes(tmp_path):
    copy = COPIED.replace("2件", "5件").replace("区司法局", "<b>县司法局</b>")
    c = corpus([filler(50) + "\n" + COPIED + "\n" + filler(51), filler(52) + "\n" + copy + "\n" + filler(53)])
    p = textstat_reuse(c)
    assert len(p) == 1 and p.similarity.iloc[0] < 1
    out = tp.textplot_reuse(c, p, "d0", "d1").data
    assert "<b>" not in out and "&lt;" in out and "&gt;" in out   # the markup shown as text
    left, right = out.split("</pre>")[:2]
    assert re.search(r"<ins>[^<]*2[^<]*</ins>", left) and re.search(r"<ins>[^<]*5[^<]*</ins>", right)
    assert "<ins>区</ins>" in left and re.search(r"<ins>[^<]*县</ins>", right)
    assert "相似度" in out and "数字" in out
    tags = set(re.findall(r"<\s*([a-zA-Z0-9]+)", out))
    assert tags <= {"style", "p", "div", "h4", "pre", "mark", "sup", "ins"}


# ---------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


def test_a_dask_cluster_gives_the_same_result(sample_corpus, cluster):
    texts = [filler(60 + i) + "\n" + (COPIED if i % 3 else "") + "\n" + filler(70 + i) for i in range(9)]
    for c in (sample_corpus, corpus(texts)):
        local = textstat_reuse(c)
        remote = textstat_reuse(c, scheduler=cluster.scheduler_address)
        assert len(local)
        pd.testing.assert_frame_equal(local, remote)


def test_the_cli_runs_on_a_cluster(sample_corpus, cluster, capsys):
    import io

    store = sample_corpus.manifest["store"]
    assert main(["reuse", store, "--format", "csv", "--scheduler", cluster.scheduler_address]) == 0
    got = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(got) == len(textstat_reuse(sample_corpus))
