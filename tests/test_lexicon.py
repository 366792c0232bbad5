"""The lexicon: data files, user files, malformed lines, and every term as one token in real text."""

from __future__ import annotations

import pytest

from fazhi.lexicon import LexiconError, data_path, load_lexicon
from fazhi.tokens import Tokenizer

LEX = load_lexicon()
TERMS = [w for w, _, _ in LEX.userdict]

# Real sentences of data/raw with the slot {} where a term of the report stood.
CARRIERS = [
    "2020年以来,在区委、区政府的正确领导下,以“{}”专项斗争为契机,增强干部群众的法律意识和法治观念。",  # 亭江镇
    "一是深学笃用{}，坚持以习近平新时代中国特色社会主义思想为指导。",  # 蓬东乡
    "严格执行{},推进工作规范化。",  # 亭江镇 (“三项制度”)
    # own wording, in the layout of report openings (issue 13)
    "今年以来，街道党工委把{}摆上重要议事日程，定期听取汇报。",
    "二是聚焦{}，建立问题清单，逐项推动整改落实。",
]

# The terms DESIGN.md §4 names: each must be in the user dictionary.
DESIGN_TERMS = """习近平法治思想 法治政府 依法行政 行政执法 重大行政决策 合法性审查 法律顾问 规范性文件 备案审查
三项制度 行政执法公示 执法全过程记录 重大执法决定法制审核 矛盾纠纷 人民调解 行政复议 行政诉讼 信访 普法
七五普法 八五普法 谁执法谁普法 民法典 扫黑除恶 营商环境 综合行政执法 诉源治理 枫桥经验 公共法律服务
法律援助 民主法治示范村 第一责任人 述法""".split()

THEMES = ["theory", "business environment", "normative documents", "major administrative decisions",
          "administrative law enforcement", "emergency response", "dispute prevention",
          "supervision of power", "digital government", "leadership", "legal publicity",
          "rule-of-law society"]


@pytest.fixture(scope="module", params=["rjieba", "jieba"])
def tokenizer(request):
    # the word lists alone: term + head compounds (值班律师 + 制度) are tested in test_compounds.py
    return Tokenizer(LEX, backend=request.param, compounds=False)


def test_userdict_is_large_and_covers_design_terms():
    assert len(TERMS) >= 300
    assert len(set(TERMS)) == len(TERMS)
    missing = [t for t in DESIGN_TERMS if t not in TERMS]
    assert not missing, f"DESIGN.md §4 terms missing from userdict.txt: {missing}"


@pytest.mark.parametrize("theme", THEMES)
def test_userdict_has_a_section_per_theme(theme):
    text = data_path("userdict.txt").read_text(encoding="utf-8")
    headings = [line.lower() for line in text.splitlines() if line.startswith("# ")]
    assert any(theme in h for h in headings), f"no '# {theme}' section in userdict.txt"


@pytest.mark.parametrize("term", TERMS)
def test_every_userdict_term_is_one_token(tokenizer, term):
    for carrier in CARRIERS:
        sentence = carrier.format(term)
        assert term in tokenizer.cut(sentence), (tokenizer.backend, sentence,
                                                 tokenizer.cut(sentence))


@pytest.mark.parametrize(("text", "token"), [
    ("全年共调处矛盾纠纷209件,调处成功率100%。", "209件"),
    ("调解成功率99%", "99%"),
    ("2021年以来，我乡坚持以习近平新时代中国特色社会主义思想为指导", "2021年"),
    ("共开展法治宣传200余件", "200余件"),
    ("累计覆盖群众3000人次", "3000人次"),
    ("投入资金1.5万元", "1.5万元"),
    ("在3月15日、4月15日开展宣传", "15日"),
])
def test_numbers_with_units_stay_whole(tokenizer, text, token):
    assert token in tokenizer.cut(text)


def test_stopwords_and_boilerplate_are_separate_lists():
    assert {"的", "和", "在"} <= LEX.stopwords
    assert {"进一步", "切实", "加强", "深入", "扎实", "不断", "积极"} <= LEX.boilerplate
    assert not (LEX.stopwords & set(TERMS)) and not (LEX.boilerplate & set(TERMS))


@pytest.mark.parametrize(("stopwords", "boilerplate", "gone", "kept"), [
    (True, True, {"的", "进一步", "加强"}, {"法治政府建设"}),
    (True, False, {"的"}, {"进一步", "加强", "法治政府建设"}),
    (False, True, {"进一步", "加强"}, {"的", "法治政府建设"}),
    (False, False, set(), {"的", "进一步", "加强", "法治政府建设"}),
])
def test_filter_switches_lists_independently(tokenizer, stopwords, boilerplate, gone, kept):
    toks = tokenizer.cut("进一步加强的法治政府建设")
    out = tokenizer.filter(toks, drop_stopwords=stopwords, drop_boilerplate=boilerplate)
    assert not (gone & set(out))
    assert kept <= set(out)


@pytest.mark.parametrize(("text", "anonymised", "expected", "absent"), [
    ("三是学习贯彻A法治思想。组织镇", True, "习近平法治思想", "A"),
    ("深入学习贯彻A总书记全面依法治国新理念", True, "习近平总书记", "A"),
    ("三是学习贯彻A法治思想。组织镇", False, "A法治思想", "习近平法治思想"),
    ("建立健全矛盾纠纷排查调处工作机治", False, "机制", "机治"),
    ("提高应对危机治理能力", False, "危机", "机制"),
    ("充分利用“七五”普法宣传和各种集会活动", False, "七五普法", "七五"),
    ("继续加大对\"七五\"普法工作的贯彻执行力度", False, "七五普法", "七五"),
])
def test_aliases(tokenizer, text, anonymised, expected, absent):
    toks = tokenizer.cut(text, anonymised=anonymised)
    joined = "".join(toks)
    assert expected in (toks if expected != "A法治思想" else joined)
    assert absent not in toks


def test_version_is_stable_and_changes_with_user_files(tmp_path):
    assert load_lexicon().version == LEX.version
    (tmp_path / "userdict.txt").write_text("亭江镇法治驿站 3000 nz\n", encoding="utf-8")
    v1 = load_lexicon(tmp_path).version
    (tmp_path / "userdict.txt").write_text("亭江镇法治驿站 4000 nz\n", encoding="utf-8")
    v2 = load_lexicon(tmp_path).version
    assert len({LEX.version, v1, v2}) == 3


def test_user_files_with_bom_and_crlf(tmp_path):
    (tmp_path / "userdict.txt").write_bytes("\ufeff亭江镇法治驿站 3000 nz\r\n法治副镇长\r\n".encode())
    (tmp_path / "stopwords.txt").write_bytes("\ufeff驿站\r\n".encode())
    (tmp_path / "aliases.tsv").write_bytes("\ufeff法制副镇长\t法治副镇长\r\n".encode())
    lex = load_lexicon(tmp_path)
    words = {w: (f, p) for w, f, p in lex.userdict}
    assert words["亭江镇法治驿站"] == (3000, "nz") and words["法治副镇长"] == (None, None)
    assert "驿站" in lex.stopwords and "的" in lex.stopwords
    assert lex.aliases["法制副镇长"] == "法治副镇长"
    for backend in ("rjieba", "jieba"):
        tk = Tokenizer(lex, backend=backend)
        toks = tk.cut("建成亭江镇法治驿站,聘任法制副镇长")
        assert "亭江镇法治驿站" in toks and "法治副镇长" in toks, toks


@pytest.mark.parametrize(("name", "content", "line"), [
    ("userdict.txt", "法律顾问 100 nz\n法律 顾问 100 nz\n", 2),
    ("userdict.txt", "# comment\n\n法律顾问 -5\n", 3),
    ("userdict.txt", "法律顾问 100 nz extra\n", 1),
    ("stopwords.txt", "的\n了 和\n", 2),
    ("aliases.tsv", "机治\t机制\n机治 机制\n", 2),
    ("aliases.tsv", "A法治思想\t习近平法治思想\talways\n", 1),
])
def test_malformed_line_names_file_and_line(tmp_path, name, content, line):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"{name}:{line}:"):
        load_lexicon(tmp_path)


def test_missing_or_empty_user_folder_is_an_error(tmp_path):
    with pytest.raises(LexiconError):
        load_lexicon(tmp_path / "nope")
    with pytest.raises(LexiconError):
        load_lexicon(tmp_path)


# Terms added from real report openings (issue 13), each in a sentence written in their style.
@pytest.mark.parametrize(("sentence", "term"), [
    ("全面落实行政机关负责人出庭应诉制度，负责人出庭应诉率达到100%。", "负责人出庭应诉"),
    ("建立府院联动机制，与区法院召开府院联席会议2次。", "府院联动机制"),
    ("深化府院联动，推动行政争议源头化解。", "府院联动"),
    ("严格执法人员持证上岗和资格管理制度。", "持证上岗"),
    ("探索开展行政裁决工作，妥善化解自然资源权属争议。", "行政裁决"),
    ("推进诉前调解，全年成功调处纠纷56件。", "诉前调解"),
    ("深化乡镇综合行政执法改革，实现一支队伍管执法。", "一支队伍管执法"),
    ("推行“综合查一次”，减少对企业正常经营的干扰。", "综合查一次"),
    ("为辖区中小企业开展法治体检，提出法律建议20条。", "法治体检"),
    ("梳理形成不予处罚清单和减轻处罚清单，推行包容审慎监管。", "不予处罚清单"),
    ("落实值班律师制度，为群众提供法律咨询。", "值班律师"),
    ("培育农村学法用法示范户48户。", "农村学法用法示范户"),
    ("严格执行重大行政决策目录管理，做好社会稳定风险评估。", "社会稳定风险评估"),
    ("推进行政复议体制改革，发挥行政复议主渠道作用。", "行政复议主渠道"),
    ("坚持发展新时代枫桥经验，创建枫桥式司法所。", "枫桥式司法所"),
    ("开展规范性文件清理，对不符合上位法的文件予以废止。", "规范性文件清理"),
])
def test_new_governance_terms_whole_in_report_sentences(tokenizer, sentence, term):
    assert term in tokenizer.cut(sentence), tokenizer.cut(sentence)
