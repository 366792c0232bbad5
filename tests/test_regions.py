"""Regions are units, not names (issue 10, "puts a report in the wrong place").

鼓楼区 is a district of 福州 and of 南京, 东湖街道 a sub-district of 杭州市临平区 and of 深圳市罗湖区: each
is its own region, labelled readably (鼓楼区（福州市）) only where the corpus holds a namesake, and a
report whose name is known but whose parents are not stays its own region under the bare name. The
corpus is built with the real pipeline from the short reports of tests/namesakes.py.
"""

from __future__ import annotations

import pandas as pd
import pytest
from namesakes import write_reports

import fazhi
from fazhi import display as fd
from fazhi import regions as rg
from fazhi.display import UNKNOWN, label

FUZHOU = ["fuzhou-gulou-2022.txt", "fuzhou-gulou-dongjie-2022.txt"]
NANJING = ["nanjing-gulou-2022.txt"]
GULOU_ALONE = ["gulou-unplaced-2022.txt"]
LINPING, LUOHU, DONGHU_ALONE = (["linping-donghu-2023.txt"], ["luohu-donghu-2023.txt"],
                                ["donghu-unplaced-2023.txt"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from fazhi.build import build_corpus

    base = tmp_path_factory.mktemp("namesakes")
    return build_corpus(write_reports(base / "raw"), base / "store", workers=1)


def _files(c) -> list[str]:
    return sorted(c.docs["file"])


def test_the_reports_are_placed_as_claimed(corpus):
    docs = corpus.docs.set_index("file")
    place = {f: tuple(docs.loc[f, ["province", "city", "district", "town"]]) for f in docs.index}
    assert place["fuzhou-gulou-2022.txt"] == ("福建省", "福州市", "鼓楼区", "")
    assert place["fuzhou-gulou-dongjie-2022.txt"] == ("福建省", "福州市", "鼓楼区", "东街街道")
    assert place["nanjing-gulou-2022.txt"] == ("江苏省", "南京市", "鼓楼区", "")
    assert place["gulou-unplaced-2022.txt"] == ("", "", "鼓楼区", "")      # ambiguous name
    assert place["linping-donghu-2023.txt"] == ("浙江省", "杭州市", "临平区", "东湖街道")
    assert place["luohu-donghu-2023.txt"] == ("广东省", "深圳市", "罗湖区", "东湖街道")
    assert place["donghu-unplaced-2023.txt"] == ("", "", "", "东湖街道")


# ---------------------------------------------------------------- keys and labels

REGIONS = {
    # level: label -> (full name, reports), in province → city → … order
    "district": {"罗湖区": ("广东省深圳市罗湖区", LUOHU),
                 "鼓楼区（南京市）": ("江苏省南京市鼓楼区", NANJING),
                 "临平区": ("浙江省杭州市临平区", LINPING),
                 "鼓楼区（福州市）": ("福建省福州市鼓楼区", FUZHOU),
                 "鼓楼区": ("鼓楼区", GULOU_ALONE)},
    "town": {"东湖街道（深圳市罗湖区）": ("广东省深圳市罗湖区东湖街道", LUOHU),
             "东湖街道（杭州市临平区）": ("浙江省杭州市临平区东湖街道", LINPING),
             "东街街道": ("福建省福州市鼓楼区东街街道", FUZHOU[1:]),
             "东湖街道": ("东湖街道", DONGHU_ALONE)},
    "city": {"深圳市": ("广东省深圳市", LUOHU), "南京市": ("江苏省南京市", NANJING),
             "杭州市": ("浙江省杭州市", LINPING), "福州市": ("福建省福州市", FUZHOU)},
}


@pytest.mark.parametrize("level", list(REGIONS))
def test_one_region_per_unit_in_order(corpus, level):
    found = rg.regions(corpus.docs, level)
    assert [r.label for r in found] == list(REGIONS[level])
    assert [r.place for r in found] == [p for p, _ in REGIONS[level].values()]
    assert [r.n_docs for r in found] == [len(f) for _, f in REGIONS[level].values()]
    assert rg.region_values(corpus, level) == list(REGIONS[level])


SELECT = [
    ("district", "鼓楼区（福州市）", FUZHOU),
    ("district", "福建省福州市鼓楼区", FUZHOU),          # the full name
    ("district", " 鼓楼区（福州市） ", FUZHOU),
    ("district", "鼓楼区(福州市)", FUZHOU),             # half-width brackets
    ("district", "鼓楼区（福建省）", FUZHOU),           # another parent that tells them apart
    ("district", "鼓楼区（南京市）", NANJING),
    ("district", "江苏省南京市鼓楼区", NANJING),
    ("district", "鼓楼区", GULOU_ALONE),                # the bare name: the unplaced one only
    ("district", "临平区", LINPING),                    # a unique name stays a plain name
    ("district", "鼓楼区（徐州市）", []),
    ("district", UNKNOWN, []),
    ("district", "", []),
    ("town", "东湖街道（杭州市临平区）", LINPING),
    ("town", "东湖街道（临平区）", LINPING),
    ("town", "东湖街道（深圳市罗湖区）", LUOHU),
    ("town", "东湖街道", DONGHU_ALONE),
    ("town", "东街街道", FUZHOU[1:]),
    ("city", "福州市", FUZHOU),
    ("province", "福建省", FUZHOU),
]


@pytest.mark.parametrize("level, region, files", SELECT)
def test_select_region_takes_exactly_that_unit(corpus, level, region, files):
    sub = rg.select_region(corpus, level, region)
    assert _files(sub) == sorted(files)
    if files:
        assert set(sub.tokens["doc_id"]) == set(sub.docs["doc_id"])
        q = rg.region_query(level, region, corpus.docs)
        assert _files(corpus.subset(q)) == sorted(files)


@pytest.mark.parametrize("level", list(REGIONS))
def test_every_label_selects_its_reports(corpus, level):
    for lab, (_, files) in REGIONS[level].items():
        assert _files(rg.select_region(corpus, level, lab)) == sorted(files), lab
        assert rg.region_label(corpus, level, lab) == lab
    for lab, (full, _) in REGIONS[level].items():
        assert rg.region_label(corpus, level, full) == lab


def test_labels_qualify_only_where_a_namesake_is_in_the_corpus(corpus):
    fuzhou_only = corpus.subset(corpus.docs["file"].isin(FUZHOU))
    assert rg.region_values(fuzhou_only, "district") == ["鼓楼区"]
    assert _files(rg.select_region(fuzhou_only, "district", "鼓楼区")) == FUZHOU
    # a label from a larger corpus still finds its unit
    assert _files(rg.select_region(fuzhou_only, "district", "鼓楼区（福州市）")) == FUZHOU
    with_alone = corpus.subset(corpus.docs["file"].isin(FUZHOU + GULOU_ALONE))
    assert rg.region_values(with_alone, "district") == ["鼓楼区（福州市）", "鼓楼区"]


def test_a_name_of_several_placed_units_selects_none_and_lists_them(corpus):
    placed = corpus.subset(corpus.docs["file"].isin(FUZHOU + NANJING))
    assert len(rg.select_region(placed, "district", "鼓楼区")) == 0
    msg = fd.no_region_message(placed, "district", "鼓楼区").data
    assert "2 个名为“鼓楼区”的区县" in msg and "鼓楼区（南京市）、鼓楼区（福州市）" in msg
    assert "鼓楼区（南京市）" in fd.region_note(placed, "district", "鼓楼区").data


def test_region_note_says_what_the_region_is_kept_apart_from(corpus):
    alone = fd.region_note(corpus, "district", "鼓楼区").data
    assert "上级地区不明" in alone and "未与鼓楼区（南京市）、鼓楼区（福州市）合并" in alone
    fz = fd.region_note(corpus, "district", "鼓楼区（福州市）").data
    assert "地区全称：福建省福州市鼓楼区。" in fz and "另有同名的鼓楼区（南京市）、鼓楼区，不在本页" in fz
    assert "另有" not in fd.region_note(corpus, "district", "临平区").data
    assert fd.region_note(corpus, "province", "福建省").data == ""
    assert "没有" in fd.no_region_message(corpus, "district", "<script>").data
    assert "<script>" not in fd.no_region_message(corpus, "district", "<script>").data


KEYS = [
    # region keys -> labels
    ([("福建省", "福州市", "鼓楼区")], ["鼓楼区"]),
    ([("福建省", "福州市", "鼓楼区"), ("江苏省", "南京市", "鼓楼区")], ["鼓楼区（福州市）", "鼓楼区（南京市）"]),
    ([("福建省", "福州市", "鼓楼区"), ("", "", "鼓楼区")], ["鼓楼区（福州市）", "鼓楼区"]),
    ([("", "", "鼓楼区")], ["鼓楼区"]),
    # a town is qualified by city and district
    ([("浙江省", "杭州市", "临平区", "东湖街道"), ("广东省", "深圳市", "罗湖区", "东湖街道"),
      ("", "", "", "东湖街道")], ["东湖街道（杭州市临平区）", "东湖街道（深圳市罗湖区）", "东湖街道"]),
    # only a known district: qualified by what is known
    ([("福建省", "福州市", "鼓楼区", "东街街道"), ("", "", "鼓楼区", "东街街道")],
     ["东街街道（福州市鼓楼区）", "东街街道（鼓楼区）"]),
    # same city name, different provinces: the province tells them apart
    ([("吉林省", "吉林市", "船营区"), ("X省", "吉林市", "船营区")], ["船营区（吉林省吉林市）", "船营区（X省吉林市）"]),
    # a municipality is its own city
    ([("重庆市", "重庆市", "黔江区")], ["黔江区"]),
    ([("重庆市", "重庆市", "城关镇"), ("甘肃省", "兰州市", "城关镇")], ["城关镇（重庆市）", "城关镇（兰州市）"]),
    # nothing but all the parent slots tells these apart
    ([("重庆市", "重庆市", "黔江区"), ("重庆市", "", "黔江区")], ["黔江区（重庆市·重庆市）", "黔江区（重庆市·不明）"]),
]


@pytest.mark.parametrize("keys, labels", KEYS)
def test_region_labels_of(keys, labels):
    got = rg.region_labels_of(keys)
    assert [got[k] for k in keys] == labels
    assert len(set(got.values())) == len(keys)


def test_padded_and_missing_parents_are_read_alike():
    docs = pd.DataFrame({"doc_id": list("abcd"), "file": list("abcd"),
                         "province": ["福建省", " 福建省", None, ""],
                         "city": ["福州市", "福州市 ", pd.NA, " "],
                         "district": ["鼓楼区", "鼓楼区", "鼓楼区", "鼓楼区"]})
    assert rg.region_labels(docs, "district") == ["鼓楼区（福州市）"] * 2 + ["鼓楼区"] * 2
    assert rg.region_mask(docs, "district", "鼓楼区").tolist() == [False, False, True, True]


# ---------------------------------------------------------------- analyses by region


def test_themes_by_region_keep_namesakes_apart(corpus):
    rc = rg.with_regions(corpus, "district")
    region = {f: label(v) for f, v in zip(rc.docs["file"], rc.docs["region"], strict=True)}
    assert region == {**dict.fromkeys(FUZHOU, "鼓楼区（福州市）"), NANJING[0]: "鼓楼区（南京市）",
                      GULOU_ALONE[0]: "鼓楼区", LINPING[0]: "临平区", LUOHU[0]: "罗湖区",
                      DONGHU_ALONE[0]: UNKNOWN}
    for unit in ("tokens", "sentences"):
        direct = fazhi.textstat_themes(rc, by="region", unit=unit)
        per_doc = fazhi.textstat_themes(rc, by="doc_id", unit=unit)
        regrouped = fazhi.regroup_themes(per_doc, rc.docs, by="region")
        pd.testing.assert_frame_equal(regrouped, direct)
        groups = list(dict.fromkeys(label(v) for v in regrouped["region"]))
        assert groups[-1] == UNKNOWN and {"鼓楼区（福州市）", "鼓楼区（南京市）", "鼓楼区"} <= set(groups)
    # a subset regroups only its own reports
    sub = rg.select_region(rc, "district", "鼓楼区（福州市）")
    one = fazhi.regroup_themes(per_doc, sub.docs, by="region")
    assert set(one["region"]) == {"鼓楼区（福州市）"}


def test_indicators_by_region_keep_namesakes_apart(corpus):
    rc = rg.with_regions(corpus, "district")
    s = fazhi.textstat_indicator_summary(rc, by="region")
    disputes = s[s["category"] == "disputes"]
    got = {label(r): t for r, t in zip(disputes["region"], disputes["total"], strict=True)}
    assert got["鼓楼区（福州市）"] == 1260 + 87     # the district's and its sub-district's report
    assert "鼓楼区" not in got and "鼓楼区（南京市）" not in got
    facts = fazhi.textstat_indicators(rg.select_region(rc, "district", "鼓楼区（南京市）"))
    only = fazhi.textstat_indicator_summary(facts, by="region", docs=rc.docs)
    assert set(only["region"]) == {"鼓楼区（南京市）"}
