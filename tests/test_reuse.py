"""Copy-paste detection (fazhi.reuse): truth on the sample corpus, crafted cases, the CLI."""

from __future__ import annotations

import json
import random

import pandas as pd
import pytest

from fazhi.cli import main
from fazhi.corpus import Corpus
from fazhi.reuse import (
    PASSAGE_COLUMNS,
    SHARE_COLUMNS,
    default_boilerplate_docs,
    normalise,
    slogan_chars,
    textstat_reuse,
    textstat_reuse_share,
)

# ---------------------------------------------------------------- helpers


def make_corpus(texts: list[str]) -> Corpus:
    """A corpus from texts (reuse only reads doc_id, file and text)."""
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                         "file": [f"{i}.txt" for i in range(len(texts))],
                         "text": texts})
    return Corpus(docs, None, None)


def filler(seed: int, n: int = 300) -> str:
    """Text no other document shares: random common characters, sentences of 12 characters."""
    rng = random.Random(seed)
    pool = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
    out = []
    for i in range(n):
        out.append(rng.choice(pool))
        if i % 12 == 11:
            out.append("，" if i % 36 != 35 else "。")
    return "".join(out)


def by_phrase(corpus: Corpus, phrase: str) -> str:
    """The doc_id of the only document containing ``phrase``."""
    hits = corpus.docs.loc[corpus.docs["text"].str.contains(phrase, regex=False), "doc_id"]
    assert len(hits) == 1, (phrase, list(hits))
    return hits.iloc[0]


def norm(s: str) -> str:
    return normalise(s)[0].replace("\n", "")


def pair_rows(p: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    return p[((p.doc_a == a) & (p.doc_b == b)) | ((p.doc_a == b) & (p.doc_b == a))]


@pytest.fixture(scope="module")
def sample_passages(sample_corpus) -> pd.DataFrame:
    return textstat_reuse(sample_corpus)


@pytest.fixture(scope="module")
def seeds(sample_corpus) -> tuple[str, str]:
    # seed 000 (亭江镇, 2020) and seed 003 (西联镇, 2019), found by what they say
    return (by_phrase(sample_corpus, "亭江镇党委、政府结合实际情况"),
            by_phrase(sample_corpus, "西联镇司法所联合法律顾问"))


# ---------------------------------------------------------------- truth on the sample corpus


def test_columns(sample_passages):
    assert list(sample_passages.columns) == PASSAGE_COLUMNS
    assert sample_passages["boilerplate"].dtype == bool


def test_seeds_000_and_003_share_at_least_six_passages(sample_passages, seeds):
    rows = pair_rows(sample_passages, *seeds)
    real = rows[~rows.boilerplate & (rows.length >= 20)]
    assert len(real) >= 6, real[["length", "text"]]


def test_the_long_passage_is_one_passage_of_about_109_characters(sample_passages, seeds):
    rows = pair_rows(sample_passages, *seeds)
    head, tail = norm("及时更新政务公开栏目信息"), norm("坚持“村帐镇管”,完善农村集体“三资”管理办法")
    hit = rows[rows.text.map(lambda t: norm(t).startswith(head) and norm(t).endswith(tail))]
    assert len(hit) >= 1
    assert 100 <= hit.length.max() <= 115
    assert not hit.boilerplate.any()


@pytest.mark.parametrize("phrase", [
    "充分发挥法律顾问在重大行政决策、重大合同签订",
    "班子成员定期接访、变上访为下访的预防措施",
    "综合运用法律、政策、经济、教育、行政等手段",
    "完善重大行政决策公众参与程序，落实公示、听证制度",
    "进一步加强完善镇、村、组三级矛盾纠纷排查、调解、处置、督办和考核机制",
])
def test_known_shared_passages(sample_passages, seeds, phrase):
    rows = pair_rows(sample_passages, *seeds)
    hit = rows[rows.text.map(lambda t: norm(phrase) in norm(t))]
    assert len(hit) >= 1, phrase
    assert (hit.length >= 20).all() and not hit.boilerplate.any()


def test_no_other_pair_of_seeds_shares_a_real_passage(sample_passages, seeds):
    a, b = seeds
    others = sample_passages[~(sample_passages.doc_a.isin(seeds) & sample_passages.doc_b.isin(seeds))]
    real = others[~others.boilerplate & (others.length >= 20)]
    assert real.empty, real[["file_a", "file_b", "text"]]


def test_two_paragraphs_copied_in_another_order_without_two_sentences_are_one_passage(
        sample_passages, seeds):
    # 003 (2019): 落实了班子成员… 严格执行《信访工作条例》… 综合运用… 本年度…安居乐业。
    #             二是大力开展矛盾纠纷排查调处。… 三级矛盾纠纷排查…调处成功率
    # 000 (2020): the second paragraph first, then the first without 严格执行… and 本年度…
    rows = pair_rows(sample_passages, *seeds)
    both = rows[rows.text.map(lambda t: "班子成员" in t and "综合运用" in t and "三级矛盾纠纷" in t)]
    assert len(both) == 1
    edits = both.edits.iloc[0]
    assert "语序调整" in edits
    assert "删除句子：严格执行信访工作条例畅通信访渠道" in edits, edits
    assert "、本年度我镇接待信访案件20件" in edits, edits


def test_offsets_slice_back_in_both_documents(sample_corpus, sample_passages):
    texts = dict(zip(sample_corpus.docs.doc_id, sample_corpus.docs.text, strict=True))
    assert len(sample_passages)
    for r in sample_passages.itertuples():
        span_a = texts[r.doc_a][r.start_a:r.end_a]
        span_b = texts[r.doc_b][r.start_b:r.end_b]
        assert span_a == r.text
        assert len(norm(span_a)) == r.length
        if "语序调整" in r.edits:  # sentences in another order: each end is in the other copy
            assert norm(span_a)[:8] in norm(span_b) and norm(span_a)[-8:] in norm(span_b)
        else:  # both ends are exact matches; joined passages may differ a little inside
            assert norm(span_a)[:8] == norm(span_b)[:8] and norm(span_a)[-8:] == norm(span_b)[-8:]
        assert span_a[0].isalnum() and span_a[-1].isalnum()


def test_shared_slogan_of_the_seeds_is_boilerplate(sample_passages):
    slogan = sample_passages[sample_passages.text.str.contains("习近平新时代中国特色社会主义思想")]
    assert len(slogan) and slogan.boilerplate.all()


def test_sample_shares(sample_corpus, sample_passages, seeds):
    shares = textstat_reuse_share(sample_corpus, sample_passages)
    assert list(shares.columns) == SHARE_COLUMNS
    assert list(shares.doc_id) == list(sample_corpus.docs.doc_id)
    s = shares.set_index("doc_id")
    for d in seeds:
        assert s.loc[d, "partners"] == 1
        assert s.loc[d, "reused_chars"] >= 300
        assert s.loc[d, "share"] == pytest.approx(s.loc[d, "reused_chars"] / s.loc[d, "n_chars"])
        assert 0 < s.loc[d, "share"] < 0.5
    others = s.drop(list(seeds))
    assert (others.share == 0).all() and (others.partners == 0).all()
    # shares computed from scratch equal those of the passages given
    pd.testing.assert_frame_equal(textstat_reuse_share(sample_corpus), shares)
    with_bp = textstat_reuse_share(sample_corpus, sample_passages, count_boilerplate=True)
    assert (with_bp.reused_chars >= shares.reused_chars).all()
    assert (with_bp.reused_chars > shares.reused_chars).any()


def test_shares_count_overlapping_passages_once(sample_corpus, sample_passages, seeds):
    # seed 000 repeats its copied paragraphs: 003's characters are in two passages, counted once
    s = textstat_reuse_share(sample_corpus, sample_passages).set_index("doc_id")
    d003 = seeds[1]
    rows = sample_passages[~sample_passages.boilerplate & (sample_passages.doc_a == d003)]
    assert s.loc[d003, "reused_chars"] < rows.length.sum()


# ---------------------------------------------------------------- crafted cases

COPIED = ("及时更新政务公开栏目信息，及时发布政务信息，着力抓好部门办事流程的信息公开，"
          "进一步增加政府工作透明度，方便群众来访办事。")


@pytest.mark.parametrize("variant", [
    # half-width punctuation and spaces
    "及时更新政务公开栏目信息, 及时发布政务信息, 着力抓好部门办事流程的信息公开, "
    "进一步增加政府工作透明度, 方便群众来访办事.",
    # no punctuation at all
    "及时更新政务公开栏目信息及时发布政务信息着力抓好部门办事流程的信息公开"
    "进一步增加政府工作透明度方便群众来访办事",
    # other punctuation, a line break in the middle (an unwrapped PDF line)
    "及时更新政务公开栏目信息；及时发布政务信息；着力抓好部门办事流程的信息公开\n"
    "进一步增加政府工作透明度——方便群众来访办事！",
])
def test_punctuation_and_whitespace_do_not_matter(variant):
    c = make_corpus([filler(1) + COPIED + filler(2), filler(3) + variant + filler(4)])
    p = textstat_reuse(c)
    assert len(p) == 1, p
    r = p.iloc[0]
    assert r.length == len(norm(COPIED)) and not r.boilerplate
    assert r.text == COPIED.rstrip("。")
    assert norm(c.docs.text[1][r.start_b:r.end_b]) == norm(COPIED)


def test_full_and_half_width_letters_and_digits_match():
    a = "全面推行ＡＢＣ行政执法公示制度，2021年共办理行政执法案件１２３件，全部录入ＸＹ平台。"
    b = "全面推行abc行政执法公示制度，2021年共办理行政执法案件123件，全部录入XY平台。"
    c = make_corpus([filler(5) + a + filler(6), filler(7) + b + filler(8)])
    p = textstat_reuse(c)
    assert len(p) == 1
    r = p.iloc[0]
    assert c.docs.text[0][r.start_a:r.end_a] == a.rstrip("。")
    assert c.docs.text[1][r.start_b:r.end_b] == b.rstrip("。")


@pytest.mark.parametrize("x, y", [
    ("亭江镇", "西联镇"),            # a changed place name
    ("209件", "17件"),              # a different number
    ("工作机治", "工作机制"),        # a typo
    ("月浦街道", "蓬东乡"),          # names of different lengths
])
def test_nearly_verbatim_passages_join_into_one(x, y):
    tpl = ("为扎实推进法治政府建设，{}党委政府成立了以党委书记为组长的法治建设工作领导小组，"
           "全年调处化解矛盾纠纷并建立健全矛盾纠纷多元化解工作长效机制。")
    c = make_corpus([filler(9) + tpl.format(x) + filler(10), filler(11) + tpl.format(y) + filler(12)])
    p = textstat_reuse(c)
    assert len(p) == 1, p
    r = p.iloc[0]
    assert r.text.startswith("为扎实推进法治政府建设") and r.text.endswith("工作长效机制")
    assert x in r.text
    assert c.docs.text[1][r.start_b:r.end_b].count(y) == 1


def test_a_paragraph_inserted_between_two_copied_sentences_splits_them():
    left = "落实了班子成员定期接访、变上访为下访的预防措施，明确了重点案件领导包挂的责任制度。"
    right = "综合运用法律、政策、经济、教育、行政等手段，依法、及时、合理、有效地处理群众反映的实际问题。"
    middle = ("严格执行信访工作条例，畅通信访渠道，规范信访程序，维护信访秩序，落实信访工作责任。"
              "全年共受理群众来信来访八十余件次，按期办结率达到百分之百，群众满意率逐年提升。"
              "对重复信访和信访积案实行领导包案，一案一策，逐件研究化解方案并跟踪问效。")
    c = make_corpus([filler(13) + left + right + filler(14),
                     filler(15) + left + middle + right + filler(16)])
    p = textstat_reuse(c)
    assert len(p) == 2
    assert sorted(p.text.map(norm)) == sorted([norm(left), norm(right)])


def test_min_length():
    short = "完善法律顾问工作机制，发挥法律顾问作用。"   # 17 characters without punctuation
    c = make_corpus([filler(17) + short + filler(18), filler(19) + short + filler(20)])
    assert textstat_reuse(c).empty
    p = textstat_reuse(c, min_length=12)
    assert len(p) == 1 and p.length.iloc[0] == len(norm(short))


def test_reuse_within_one_document_is_not_reuse():
    para = "加强行政调解人员的法律知识和调解技能培训，提高行政调解人员的业务水平，依法做好信访工作。"
    alone = make_corpus([filler(21) + para + filler(22) + para + filler(23)])
    assert textstat_reuse(alone).empty
    shares = textstat_reuse_share(alone)
    assert shares.share.tolist() == [0.0] and shares.partners.tolist() == [0]
    # with a second, unrelated document nothing changes
    two = make_corpus([filler(21) + para + filler(22) + para + filler(23), filler(24)])
    assert textstat_reuse(two).empty
    assert (textstat_reuse_share(two).reused_chars == 0).all()


def test_empty_and_single_document_corpora():
    empty = make_corpus([])
    p = textstat_reuse(empty)
    assert p.empty and list(p.columns) == PASSAGE_COLUMNS
    s = textstat_reuse_share(empty)
    assert s.empty and list(s.columns) == SHARE_COLUMNS
    one = make_corpus([filler(25)])
    assert textstat_reuse(one).empty
    s = textstat_reuse_share(one)
    assert s.reused_chars.tolist() == [0] and s.share.tolist() == [0.0]
    assert s.n_chars.tolist() == [len(norm(filler(25)))]
    blank = make_corpus(["", "。。。", None])
    assert textstat_reuse(blank).empty
    assert textstat_reuse_share(blank).share.tolist() == [0.0, 0.0, 0.0]


SLOGAN = "坚持以习近平新时代中国特色社会主义思想为指导，增强“四个意识”、坚定“四个自信”、做到“两个维护”。"


def test_a_slogan_shared_by_everyone_is_boilerplate_and_not_in_shares():
    copied = "坚持“村帐镇管”，完善农村集体“三资”管理办法，确保村级公共权力阳光规范运行。"
    texts = [filler(30 + i) + SLOGAN + filler(40 + i) for i in range(6)]
    texts[4] = filler(34) + SLOGAN + copied + filler(44)
    texts[5] = filler(35) + copied + SLOGAN + filler(45)
    c = make_corpus(texts)
    p = textstat_reuse(c)
    slog = p[p.text.map(lambda t: "习近平新时代" in t)]
    assert len(slog) and slog.boilerplate.all()
    real = p[~p.boilerplate]
    assert len(real) == 1 and norm(real.text.iloc[0]) == norm(copied)
    s = textstat_reuse_share(c, p).set_index("doc_id")
    assert (s.loc[["d0", "d1", "d2", "d3"], "reused_chars"] == 0).all()
    assert (s.loc[["d4", "d5"], "reused_chars"] == len(norm(copied))).all()
    assert (s.loc[["d4", "d5"], "partners"] == 1).all()
    s_all = textstat_reuse_share(c, p, count_boilerplate=True).set_index("doc_id")
    assert (s_all.reused_chars > 0).all()
    pd.testing.assert_frame_equal(textstat_reuse(c, include_boilerplate=False),
                                  real.reset_index(drop=True), check_categorical=False)


def test_slogans_make_a_passage_boilerplate_even_in_two_documents():
    c = make_corpus([filler(50) + SLOGAN + filler(51), filler(52) + SLOGAN + filler(53)])
    p = textstat_reuse(c)
    assert len(p) == 1 and p.boilerplate.all()
    assert slogan_chars(norm(SLOGAN)) * 2 >= len(norm(SLOGAN))


def test_a_passage_in_many_documents_is_not_expanded_into_all_pairs():
    para = ("各执法部门将工作职责、办事程序、收费标准和责任人员向社会公布，自觉接受社会监督，"
            "预防和纠正违法行政行为。")
    n = 40
    c = make_corpus([filler(100 + i) + para + filler(200 + i) for i in range(n)])
    p = textstat_reuse(c)
    # boilerplate (in >= 3 documents): each document against the first one only, not 780 pairs
    assert len(p) == n - 1 and p.boilerplate.all()
    assert set(p.doc_a) == {"d0"}
    assert textstat_reuse(c, include_boilerplate=False).empty
    s = textstat_reuse_share(c, p, count_boilerplate=True)
    assert (s.reused_chars == len(norm(para))).all()
    # a higher threshold: not boilerplate, still capped (more than 10 documents)
    p50 = textstat_reuse(c, boilerplate_docs=50)
    assert len(p50) == n - 1 and not p50.boilerplate.any()
    assert (textstat_reuse_share(c, p50).reused_chars == len(norm(para))).all()
    # up to 10 documents every pair is listed
    small = make_corpus([filler(100 + i) + para + filler(200 + i) for i in range(5)])
    assert len(textstat_reuse(small, boilerplate_docs=50)) == 10


def test_default_threshold():
    assert default_boilerplate_docs(0) == 3
    assert default_boilerplate_docs(5) == 3
    assert default_boilerplate_docs(1000) == 10
    assert default_boilerplate_docs(100_000) == 50


def test_through_ingestion(tmp_path):
    """Files read and cleaned by the package; offsets refer to docs.text."""
    from fazhi.corpus import read_corpus

    (tmp_path / "a.txt").write_text("某某镇2022年法治政府建设情况报告\n" + filler(60) + "\n" + COPIED
                                    + "\n" + filler(61) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("某乡2023年法治政府建设工作报告\n" + filler(62) + "\n"
                                    + COPIED.replace("，", ",") + "\n", encoding="gb18030")
    c = read_corpus(tmp_path)
    p = textstat_reuse(c)
    assert len(p) == 1
    r = p.iloc[0]
    texts = dict(zip(c.docs.doc_id, c.docs.text, strict=True))
    assert norm(texts[r.doc_a][r.start_a:r.end_a]) == norm(COPIED)
    assert norm(texts[r.doc_b][r.start_b:r.end_b]) == norm(COPIED)


# ---------------------------------------------------------------- CLI


@pytest.fixture(scope="module")
def store(sample_corpus) -> str:
    return sample_corpus.manifest["store"]


def test_cli_passages_jsonl(store, sample_passages, capsys):
    assert main(["reuse", store, "--format", "jsonl"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(recs) == len(sample_passages)
    assert set(recs[0]) == set(PASSAGE_COLUMNS)
    assert {r["text"] for r in recs} == set(sample_passages.text)


def test_cli_shares_csv(store, sample_corpus, capsys):
    import io

    assert main(["reuse", store, "--shares", "--format", "csv"]) == 0
    got = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(got.columns) == SHARE_COLUMNS
    expected = textstat_reuse_share(sample_corpus)
    assert got.reused_chars.tolist() == expected.reused_chars.tolist()


def test_cli_options(store, sample_passages, capsys):
    assert main(["reuse", store, "--format", "csv", "--no-boilerplate", "--min-length", "40"]) == 0
    import io

    got = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(got) and (got.length >= 40).all() and not got.boilerplate.any()
    assert len(got) < len(sample_passages)
    assert main(["reuse", store, "--format", "csv", "--boilerplate-docs", "2"]) == 0
    got = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert got.boilerplate.all()  # every shared passage is now "in many documents"


def test_cli_xlsx_has_both_tables(store, tmp_path, sample_passages, capsys):
    out = tmp_path / "复用.xlsx"
    assert main(["reuse", store, "--format", "xlsx", "--out", str(out)]) == 0
    sheets = pd.read_excel(out, sheet_name=None)
    assert list(sheets) == ["复用段落", "复用比例"]
    assert len(sheets["复用段落"]) == len(sample_passages)
    assert list(sheets["复用比例"].columns) == SHARE_COLUMNS
    assert main(["reuse", store, "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err


@pytest.fixture(scope="module")
def store_without_tokens(store, tmp_path_factory) -> str:
    """A copy of the sample store whose outline and tokens cannot be read (not Parquet)."""
    import shutil

    from fazhi.corpus import store_dir

    copy = tmp_path_factory.mktemp("texts-only") / "store"
    shutil.copytree(store, copy)
    for name in ("sections", "tokens"):
        (store_dir(copy) / f"{name}.parquet").write_bytes(b"not a parquet file")
    return str(copy)


def test_cli_reads_only_the_documents_table(store_without_tokens, sample_passages, capsys):
    assert main(["reuse", store_without_tokens, "--format", "jsonl"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["text"] for r in recs} == set(sample_passages.text)
    assert main(["reuse", store_without_tokens, "--shares", "--format", "csv"]) == 0


@pytest.mark.parametrize("tables, loaded", [
    (["docs"], {"docs"}),
    (["tokens"], {"docs", "tokens"}),            # the documents always come with them
    (("sections", "rejected"), {"docs", "sections", "rejected"}),
    ("docs", {"docs"}),                          # one name as a string
])
def test_load_corpus_reads_the_tables_asked_for(store, sample_corpus, tables, loaded):
    from fazhi.corpus import load_corpus

    c = load_corpus(store, tables=tables)
    got = {n for n in ("docs", "sections", "tokens", "rejected") if getattr(c, n) is not None}
    assert got == loaded
    pd.testing.assert_frame_equal(c.docs, sample_corpus.docs)


def test_reuse_of_the_documents_table_alone_is_the_same(store, sample_passages):
    from fazhi.build import open_corpus

    c = open_corpus(store, tables=["docs"])
    assert c.tokens is None and c.sections is None
    pd.testing.assert_frame_equal(textstat_reuse(c), sample_passages)


def test_a_corpus_loaded_without_tokens_says_how_to_get_them(store):
    from fazhi.corpus import NoTokensError, load_corpus
    from fazhi.textstat import textstat_frequency

    with pytest.raises(NoTokensError, match="loaded without its tokens"):
        textstat_frequency(load_corpus(store, tables=["docs"]))
    with pytest.raises(ValueError, match="unknown store table texts"):
        load_corpus(store, tables=["docs", "texts"])


def test_cli_bad_path(tmp_path, capsys):
    assert main(["reuse", str(tmp_path / "missing")]) == 2


def test_cli_help_names_the_new_options(capsys):
    with pytest.raises(SystemExit):
        main(["reuse", "--help"])
    out = capsys.readouterr().out
    for word in ("--scheduler", "share_<kind>", "same_unit", "template", "duplicate"):
        assert word in out


def test_cli_shares_have_a_column_per_kind(store, capsys):
    import io

    assert main(["reuse", store, "--shares", "--format", "csv"]) == 0
    got = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert [c for c in got.columns if c.startswith("share_")] == [
        "share_duplicate", "share_same_unit", "share_other_unit", "share_unknown_unit",
        "share_template"]


def test_importing_reuse_is_light():
    import subprocess
    import sys

    code = ("import sys, fazhi.reuse; print([m for m in ('numpy', 'pandas', 'fazhi.gazetteer', "
            "'distributed') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_sample_passages_carry_kind_source_and_similarity(sample_passages, seeds, sample_corpus):
    rows = pair_rows(sample_passages, *seeds)
    real = rows[~rows.boilerplate]
    # 003 (西联镇, 2019) is the earlier report: the source of what 000 (亭江镇, 2020) shares
    assert (real.source_doc == seeds[1]).all()
    assert (real.kind == "other_unit").all()
    assert real.similarity.between(0.7, 1.0).all() and (real.similarity == 1.0).any()
    # 000 copied one paragraph of 003 twice, once without a sentence
    assert real.edits.str.contains("删除句子：以建立村务监督委员会为重点").sum() == 1
    slogans = sample_passages[sample_passages.boilerplate]
    assert (slogans.kind == "template").all() and (slogans.edits == "").all()


def test_the_passage_table_readers_see(sample_passages, sample_corpus, seeds):
    from fazhi.reuse import PASSAGE_TABLE_COLUMNS, passage_table

    t = passage_table(sample_passages, include_boilerplate=False)
    assert list(t.columns) == PASSAGE_TABLE_COLUMNS
    real = sample_passages[~sample_passages.boilerplate]
    assert len(t) == len(real) and t.length.is_monotonic_decreasing
    files = dict(zip(sample_corpus.docs.doc_id, sample_corpus.docs.file, strict=True))
    assert set(t.source_file) == {files[seeds[1]]}      # 003, the earlier report
    assert set(t.reuse_kind) == {"其他单位报告"}
    assert t.edits.str.contains("删除句子").any()
    assert len(passage_table(sample_passages, include_boilerplate=False, n=2)) == 2
    assert set(passage_table(sample_passages).reuse_kind) >= {"模板套话"}   # kept by default
    assert list(passage_table(sample_passages.iloc[:0]).columns) == PASSAGE_TABLE_COLUMNS


@pytest.mark.parametrize("module", ["text", "fingerprint", "slogans", "index", "align", "edits",
                                    "offsets", "direction", "view", "search"])
def test_the_examples_in_the_docstrings_hold(module):
    import doctest
    import importlib

    mod = importlib.import_module(f"fazhi.reuse.{module}")
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


@pytest.mark.parametrize("kwargs, message", [
    ({"min_length": 1}, "min_length must be at least 2"),
    ({"boilerplate_docs": 1}, "boilerplate_docs must be at least 2"),
])
def test_bad_options_say_what_is_wrong(sample_corpus, kwargs, message):
    with pytest.raises(ValueError, match=message):
        textstat_reuse(sample_corpus, **kwargs)


def test_pairs_and_boilerplate_filters(sample_corpus, sample_passages):
    from fazhi.reuse import passages_of, reuse_pairs, without_boilerplate

    real = without_boilerplate(sample_passages)
    assert not real["boilerplate"].any() and len(real) == (~sample_passages["boilerplate"]).sum()
    pairs = reuse_pairs(sample_passages)
    assert list(pairs.columns) == ["doc_a", "doc_b", "file_a", "file_b", "n_passages", "length"]
    assert pairs["n_passages"].sum() == len(real) and pairs["length"].sum() == real["length"].sum()
    assert pairs["length"].is_monotonic_decreasing
    everything = reuse_pairs(sample_passages, count_boilerplate=True)
    assert everything["n_passages"].sum() == len(sample_passages)
    one = sample_corpus.docs["doc_id"].iloc[0]
    mine = passages_of(sample_passages, [one])
    assert len(mine) and ((mine["doc_a"] == one) | (mine["doc_b"] == one)).all()
