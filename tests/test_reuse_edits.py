"""Copy-paste detection through a copier's edits (issue 15): numbers, dates and place names as
classes, small gaps bridged, reordered sentences one case, paragraph breaks moved, passages listed
once, what differs shown, who copied whom, the kind of each passage and the shares per kind.

The excerpts are written for these tests in the style of town and district rule-of-law reports
(real gazetteer units); each case copies one of them from one report into another with the edits
real copiers make.
"""

from __future__ import annotations

import pandas as pd
import pytest
from filler_text import filler

from fazhi.corpus import Corpus
from fazhi.reuse import (
    KINDS,
    SHARE_COLUMNS,
    char_diff,
    format_edits,
    normalise,
    textstat_reuse,
    textstat_reuse_share,
)
from fazhi.reuse.slogans import is_slogan_passage, slogan_chars
from fazhi.reuse.text import NUM, PLACE, class_text, number_text

TOWNS = {"亭江镇": ("福建省", "福州市", "马尾区"), "西联镇": ("广东省", "韶关市", "武江区"),
         "娄桥街道": ("浙江省", "温州市", "瓯海区"), "乔口镇": ("湖南省", "长沙市", "望城区"),
         "会盟镇": ("河南省", "洛阳市", "孟津区")}


def doc(text: str, town: str | None = None, year: int | None = None, published: str = "") -> dict:
    p, c, d = TOWNS.get(town, ("", "", ""))
    return {"text": text, "town": town or "", "district": d, "city": c, "province": p,
            "unit": f"{p}{c}{d}{town}" if town else "", "report_year": year,
            "publish_date": published}


def corpus(rows: list[dict]) -> Corpus:
    docs = pd.DataFrame(rows)
    docs.insert(0, "file", [f"{i}.txt" for i in range(len(rows))])
    docs.insert(0, "doc_id", [f"d{i}" for i in range(len(rows))])
    return Corpus(docs, None, None)


def norm(s: str) -> str:
    return normalise(s)[0].replace("\n", "")


def real(p: pd.DataFrame) -> pd.DataFrame:
    return p[~p.boilerplate].reset_index(drop=True)


def pair(src: str, copy: str, *, src_town="亭江镇", copy_town="西联镇", years=(2020, 2021)):
    """Two reports: ``src`` planted in one, ``copy`` in the other, between unrelated text."""
    c = corpus([doc(filler(1) + "\n" + src + "\n" + filler(2), src_town, years[0]),
                doc(filler(3) + "\n" + copy + "\n" + filler(4), copy_town, years[1])])
    return c, textstat_reuse(c)


# ---------------------------------------------------------------- classes

@pytest.mark.parametrize("text, expected", [
    ("全年调处矛盾纠纷209件", f"全年调处矛盾纠纷{NUM}件"),
    ("二〇二〇年开展普法宣传十五场", f"{NUM}年开展普法宣传{NUM}场"),
    ("一是强化组织领导", "一是强化组织领导"),          # a numeral before no measure word stays
    ("深入学习党的十九大精神", "深入学习党的十九大精神"),
    ("落实八五普法规划", "落实八五普法规划"),
    ("罚没款共计38.6万元", f"罚没款共计{NUM}万元"),     # 38.6 loses its point: one number
])
def test_numbers_are_one_class(text, expected):
    assert number_text(normalise(text)[0]) == expected


def test_own_place_names_are_one_class_and_keep_their_values():
    ct = class_text(normalise("亭江镇党委、政府高度重视，马尾区司法局指导亭江镇司法所")[0],
                    ["亭江镇", "马尾区"])
    assert ct.text == f"{PLACE}党委政府高度重视{PLACE}司法局指导{PLACE}司法所"
    assert ct.values == ["亭江镇", "马尾区", "亭江镇"]
    assert [int(ct.starts[i]) for i in ct.positions] == [0, 11, 19]


# ---------------------------------------------------------------- one passage through edits

SRC = ("2020年，亭江镇司法所联合法律顾问开展“法律进村居”活动，全年举办法治讲座28场，"
       "发放宣传资料3500余份，接受群众法律咨询620人次，调处矛盾纠纷209件，调处成功率98%。")

EDITED = [
    # numbers and dates updated, close together
    ("numbers", "2021年，西联镇司法所联合法律顾问开展“法律进村居”活动，全年举办法治讲座31场，"
                "发放宣传资料4200余份，接受群众法律咨询705人次，调处矛盾纠纷17件，调处成功率97%。",
     {"数字", "地名"}),
    # punctuation and width varied, a line break in the middle (an unwrapped PDF line)
    ("punctuation", "2020年,亭江镇司法所联合法律顾问开展\"法律进村居\"活动；全年举办法治讲座２８场、"
                    "发放宣传资料3500余份\n接受群众法律咨询620人次,调处矛盾纠纷209件,调处成功率98%.",
     set()),
    # words inserted and left out
    ("insertions", "2020年，亭江镇司法所积极联合法律顾问认真开展“法律进村居”活动，全年举办法治讲座28场，"
                   "发放资料3500余份，接受群众法律咨询620人次，依法调处矛盾纠纷209件，调处成功率98%。",
     {"插入", "删除"}),
    # a word replaced by a near-synonym
    ("synonym", "2020年，亭江镇司法所联合法律顾问组织“法律进村居”活动，年内举办法治讲座28场，"
                "发放宣传资料3500余份，接受居民法律咨询620人次，调处矛盾纠纷209件，调处成功率98%。",
     {"改写"}),
]


@pytest.mark.parametrize("name, copy, labels", EDITED, ids=[e[0] for e in EDITED])
def test_an_edited_copy_is_one_passage_with_its_true_ends(name, copy, labels):
    c, p = pair(SRC, copy)
    r = real(p)
    assert len(r) == 1, r[["text", "edits"]]
    row = r.iloc[0]
    ta, tb = c.docs.text[0], c.docs.text[1]
    # the whole sentence in both reports, from its first character to its last letter or digit
    assert ta[row.start_a:row.end_a] == SRC[:SRC.index("98%") + 2]
    assert norm(tb[row.start_b:row.end_b]) == norm(copy)
    assert row.kind == "other_unit" and row.source_doc == "d0"
    assert (row.similarity == 1.0) == (name == "punctuation")
    got = {part.split("：")[0] for part in row.edits.split("；") if part}
    assert labels <= got, row.edits


def test_the_edits_say_what_changed_from_the_source_to_the_copy():
    copy = EDITED[0][1]
    _, p = pair(SRC, copy)
    e = real(p).edits.iloc[0]
    assert "地名：亭江镇→西联镇" in e
    assert "209→17" in e and "2020→2021" in e
    # the copy first in corpus order and the earlier report second: still source -> copy
    c = corpus([doc(filler(3) + "\n" + copy + "\n" + filler(4), "西联镇", 2021),
                doc(filler(1) + "\n" + SRC + "\n" + filler(2), "亭江镇", 2020)])
    r = real(textstat_reuse(c)).iloc[0]
    assert r.source_doc == "d1"
    assert "地名：亭江镇→西联镇" in r.edits and "209→17" in r.edits


def test_a_run_of_other_place_names_replaced_is_bridged():
    src = ("（三）推进基层治理法治化。在宝泉乡、上营乡、柴维乡试点“街道综合执法+社区网格”联动，"
           "实现小事不出社区、大事不出街道，全年联合处置各类问题一百余件。")
    copy = ("（三）推进基层治理法治化。在中心站街道、李封街道、双庙乡、五里墩街道试点“街道综合执法+社区网格”"
            "联动，实现小事不出社区、大事不出街道，全年联合处置各类问题一百余件。")
    c, p = pair(src, copy)
    r = real(p)
    assert len(r) == 1 and norm(r.text.iloc[0]) == norm(src)
    assert "地名：宝泉乡上营乡柴维乡→中心站街道李封街道双庙乡五里墩街道" in r.edits.iloc[0], r.edits.iloc[0]


def test_a_passage_that_starts_with_the_replaced_name_keeps_it():
    src = "亭江镇党委、政府把法治政府建设摆上重要议事日程，主要负责同志亲自部署、亲自过问重大法治事项。"
    copy = "西联镇党委、政府把法治政府建设摆上重要议事日程，主要负责同志亲自部署、亲自过问重大法治事项。"
    c, p = pair(src, copy)
    r = real(p).iloc[0]
    assert c.docs.text[0][r.start_a:r.end_a].startswith("亭江镇")
    assert c.docs.text[1][r.start_b:r.end_b].startswith("西联镇")


REORDERED_SRC = ("（二）规范行政执法。全面落实行政执法“三项制度”，推行“首违不罚”清单制度。"
                 "镇综合行政执法队全年办理行政处罚案件214件，执法案卷评查合格率达98%以上。"
                 "对2021年以来的执法案卷开展自查自纠，发现并整改不规范问题15个。")
REORDERED_COPY = ("（二）规范行政执法。镇综合行政执法队全年办理行政处罚案件186件，执法案卷评查合格率达96%以上。"
                  "对2022年以来的执法案卷开展自查自纠，发现并整改不规范问题9个。"
                  "全面落实行政执法“三项制度”，推行“首违不罚”清单制度。")


def test_reordered_sentences_are_one_case():
    c, p = pair(REORDERED_SRC, REORDERED_COPY)
    r = real(p)
    assert len(r) == 1, r[["text"]]
    row = r.iloc[0]
    assert norm(c.docs.text[0][row.start_a:row.end_a]) == norm(REORDERED_SRC)
    assert norm(c.docs.text[1][row.start_b:row.end_b]) == norm(REORDERED_COPY)
    assert "语序调整" in row.edits


def test_paragraph_breaks_moved_by_the_copier_stay_one_passage():
    src = ("（一）加强组织领导。成立以镇长为组长的法治政府建设工作领导小组，定期研究法治建设重大问题。\n"
           "（二）健全工作机制。制定年度法治政府建设工作要点，将任务分解到各部门和村（社区）。")
    copy = ("（一）加强组织领导。成立以镇长为组长的法治政府建设工作领导小组，\n定期研究法治建设重大问题。"
            "（二）健全工作机制。制定年度法治政府建设工作要点，将任务分解到各部门和村（社区）。")
    c, p = pair(src, copy)
    r = real(p)
    assert len(r) == 1
    assert norm(r.text.iloc[0]) == norm(src)


def test_a_passage_does_not_run_into_the_next_paragraph_by_a_few_characters():
    # the copied paragraph is followed in both reports by another one that starts with 一是
    src = "严格落实重大行政决策程序，对老旧小区改造等8项重大事项全部经过公众参与和合法性审查。"
    c = corpus([doc(filler(1) + "\n" + src + "\n一是" + filler(5), "亭江镇", 2020),
                doc(filler(3) + "\n" + src + "\n一是" + filler(6), "西联镇", 2021)])
    r = real(textstat_reuse(c))
    assert len(r) == 1 and r.text.iloc[0] == src.rstrip("。")


def test_a_passage_is_listed_once_when_its_ends_differ_by_a_line_break():
    p1 = "加强行政执法队伍建设，组织执法人员参加区级行政执法资格培训和业务轮训6期。"
    p2 = "执法人员全部持证上岗，执法记录仪配备率达到百分之百，执法全过程记录制度全面落实。"
    c = corpus([doc(filler(1) + "\n" + p1 + "\n" + p2 + "\n" + filler(2), "亭江镇", 2020),
                doc(filler(3) + p1 + p2 + "\n" + filler(4), "西联镇", 2021)])
    r = real(textstat_reuse(c))
    assert len(r) == 1
    assert norm(r.text.iloc[0]) == norm(p1 + p2)


LEFT = "落实了班子成员定期接访、变上访为下访的预防措施，明确了重点案件领导包挂的责任制度。"
RIGHT = "综合运用法律、政策、经济、教育、行政等手段，依法、及时、合理、有效地处理群众反映的实际问题。"
MIDDLE = "严格执行信访工作条例，畅通信访渠道，规范信访程序，维护信访秩序。"
OTHER = "坚持和发展新时代“枫桥经验”，推动矛盾纠纷在村（社区）一级就地化解。"
LONG_MIDDLE = MIDDLE + ("全年共受理群众来信来访八十余件次，按期办结率达到百分之百，群众满意率逐年提升。"
                        "对重复信访和信访积案实行领导包案，一案一策，逐件研究化解方案并跟踪问效。"
                        "镇综治中心每月召开一次矛盾纠纷研判会，对排查出的苗头性问题建立台账、限期销号。")


@pytest.mark.parametrize("src, copy, edits", [
    (LEFT + RIGHT, LEFT + "同时" + RIGHT, ["插入：同时"]),                          # a word put in
    (LEFT + RIGHT, LEFT + MIDDLE + RIGHT, ["插入句子：严格执行信访工作条例"]),       # a sentence put in
    (LEFT + MIDDLE + RIGHT, LEFT + RIGHT, ["删除句子：严格执行信访工作条例"]),       # ... left out
    (LEFT + MIDDLE + RIGHT, LEFT + OTHER + RIGHT,                                   # ... replaced
     ["删除句子：严格执行信访工作条例", "插入句子：坚持和发展新时代枫桥经验"]),
    (LEFT + MIDDLE + RIGHT, MIDDLE + LEFT + RIGHT, ["语序调整"]),                   # ... moved
], ids=["word", "sentence-in", "sentence-out", "sentence-replaced", "sentence-moved"])
def test_one_sentence_put_in_or_left_out_keeps_one_passage_and_is_named(src, copy, edits):
    c, p = pair(src, copy)
    r = real(p)
    assert len(r) == 1, r[["text", "edits"]]
    row = r.iloc[0]
    assert norm(c.docs.text[0][row.start_a:row.end_a]) == norm(src)
    assert norm(c.docs.text[1][row.start_b:row.end_b]) == norm(copy)
    for e in edits:
        assert e in row.edits, row.edits


def test_more_than_a_sentence_put_in_splits_the_passage():
    _, p = pair(LEFT + RIGHT, LEFT + LONG_MIDDLE + RIGHT)
    assert sorted(real(p).text.map(norm)) == sorted([norm(LEFT), norm(RIGHT)])


@pytest.mark.parametrize("src, copy", [
    (SRC, EDITED[0][1]), (REORDERED_SRC, REORDERED_COPY),
    ("（二）依法推进矿区周边治理。依法做好矿区周边村居环境整治和群众补偿工作，补偿标准、程序全部公开。"
     "组织干部赴外地学习基层治理经验。",
     "组织干部赴外地学习基层治理经验。（二）依法推进矿区周边治理。依法做好矿区周边村居环境整治和群众补偿"
     "工作，补偿标准、程序全部公开。"),
])
def test_no_two_passages_of_a_pair_overlap_in_both_reports(src, copy):
    _, p = pair(src, copy)
    rows = list(p.itertuples())
    for i, x in enumerate(rows):
        for y in rows[i + 1:]:
            if (x.doc_a, x.doc_b) == (y.doc_a, y.doc_b):
                assert not (x.start_a < y.end_a and y.start_a < x.end_a
                            and x.start_b < y.end_b and y.start_b < x.end_b)


# ---------------------------------------------------------------- boilerplate by content

FORMULAS = [
    "认真履行党政主要负责人推进法治建设第一责任人职责",
    "坚持依法治国、依法执政、依法行政共同推进，坚持法治国家、法治政府、法治社会一体建设",
    "深入学习贯彻习近平法治思想，增强“四个意识”、坚定“四个自信”、做到“两个维护”",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_set_formula_shared_by_two_reports_is_a_template(formula):
    c = corpus([doc(filler(1) + "镇党委书记" + formula + "，带头" + filler(2), "亭江镇", 2020),
                doc(filler(3) + "街道主任" + formula + "，亲自" + filler(4), "西联镇", 2021)])
    p = textstat_reuse(c)
    assert len(p) == 1 and p.boilerplate.all() and (p.kind == "template").all()
    assert p.edits.iloc[0] == ""
    assert textstat_reuse(c, include_boilerplate=False).empty


def test_a_copy_that_contains_a_formula_is_still_a_copy():
    copied = ("镇党委书记认真履行党政主要负责人推进法治建设第一责任人职责，全年主持召开法治建设专题会议3次，"
              "带头开展述法，对重大行政决策、重大执法决定和重大合同签订亲自过问。")
    _, p = pair(copied, copied)
    assert len(real(p)) == 1


@pytest.mark.parametrize("text, slogan", [
    ("认真履行党政主要负责人推进法治建设第一责任人职责", True),
    ("坚持以习近平新时代中国特色社会主义思想为指导", True),
    ("增强四个意识坚定四个自信做到两个维护", True),
    ("全年主持召开法治建设专题会议3次带头开展述法对重大行政决策亲自过问", False),
])
def test_slogan_passages(text, slogan):
    assert is_slogan_passage(normalise(text)[0], min_length=20) is slogan
    assert slogan_chars(normalise(text)[0]) > 0 or not slogan


# ---------------------------------------------------------------- who copied whom, kinds, shares

@pytest.mark.parametrize("meta_a, meta_b, kind, source", [
    # the same unit, its report of the year before
    (("亭江镇", 2021, ""), ("亭江镇", 2020, ""), "same_unit", "d1"),
    # another unit, an earlier year
    (("亭江镇", 2020, ""), ("西联镇", 2021, ""), "other_unit", "d0"),
    # the same year: the earlier publish date
    (("亭江镇", 2021, "2022-03-30"), ("乔口镇", 2021, "2022-02-11"), "other_unit", "d1"),
    # nothing tells
    (("亭江镇", None, ""), ("会盟镇", None, ""), "other_unit", ""),
    # a report whose unit is not known
    ((None, 2020, ""), ("西联镇", 2021, ""), "unknown_unit", "d0"),
])
def test_direction_and_kind(meta_a, meta_b, kind, source):
    c = corpus([doc(filler(1) + "\n" + SRC + "\n" + filler(2), *meta_a),
                doc(filler(3) + "\n" + SRC + "\n" + filler(4), *meta_b)])
    r = real(textstat_reuse(c)).iloc[0]
    assert (r.kind, r.source_doc) == (kind, source)


def test_shares_per_kind():
    copied = SRC
    template = FORMULAS[1]
    rows = [doc(filler(1) + "\n" + copied + "\n" + template + "。\n" + filler(2), "亭江镇", 2020),
            doc(filler(3) + "\n" + copied + "\n" + filler(4), "亭江镇", 2021),
            doc(filler(5) + "\n" + template + "。\n" + filler(6), "西联镇", 2021)]
    c = corpus(rows)
    p = textstat_reuse(c)
    assert set(p.kind) == {"same_unit", "template"}
    s = textstat_reuse_share(c, p).set_index("doc_id")
    assert list(s.reset_index().columns) == SHARE_COLUMNS
    kinds = [f"share_{k}" for k in KINDS]
    assert s.loc["d0", "share_same_unit"] == pytest.approx(len(norm(copied)) / s.loc["d0", "n_chars"])
    assert s.loc["d0", "share_template"] > 0 and s.loc["d2", "share_template"] > 0
    assert s.loc["d2", "share_same_unit"] == 0
    # the kinds add up to all shared text, boilerplate included
    with_bp = textstat_reuse_share(c, p, count_boilerplate=True).set_index("doc_id")
    assert (s[kinds].sum(axis=1) - with_bp.share).abs().max() < 1e-9
    # share counts copying only
    assert s.loc["d2", "share"] == 0 and s.loc["d1", "share"] == s.loc["d1", "share_same_unit"]


# ---------------------------------------------------------------- the edits themselves

def test_format_edits_limits_each_kind():
    edits = [("number", str(i), str(i + 1)) for i in range(8)]
    assert format_edits(edits) == "数字：0→1、1→2、2→3、3→4、4→5等8处"
    assert format_edits([("reorder", "", "")]) == "语序调整"


def test_char_diff_ignores_punctuation():
    assert char_diff("调处纠纷209件，成功率98%。", "调处纠纷209件,成功率98%") == ([], [])
    assert char_diff("全镇23个村", "全镇14个村") == ([(2, 4)], [(2, 4)])


def test_length_counts_the_characters_as_written():
    c, p = pair(SRC, EDITED[0][1])
    r = real(p).iloc[0]
    assert r.length == len(norm(c.docs.text[0][r.start_a:r.end_a]))
