"""Compounds: a governance term + an institutional head (述法 + 会议) comes out as one token.

The sentences are written for these tests in the layout of real annual reports (法治政府建设年度报告);
FOUND: the compound must be one token with both backends; TRAPS: a head-like word after a term that
must NOT be joined (中心工作, 率先, 大局, 制度化, a line break or punctuation in between …).
"""

from __future__ import annotations

import pytest

from fazhi.lexicon import Lexicon, LexiconError, load_lexicon
from fazhi.tokens import CompoundRules, Tokenizer, compound_rules, merge_compounds

LEX = load_lexicon()

FOUND = [   # (sentence, the compound token)
    ("区政府召开2022年度述法会议，各街道主要负责人现场述法", "年度述法会议"),
    ("制定公共法律服务清单，明确服务事项23项", "公共法律服务清单"),
    ("调整充实平安建设领导小组，区长任组长", "平安建设领导小组"),
    ("编制合法性审查事项目录，实现应审尽审", "合法性审查事项目录"),
    ("印发《桐庐县2023年依法行政工作要点》", "依法行政工作要点"),
    ("公布政务服务事项清单1268项", "政务服务事项清单"),
    ("举办行政执法培训班3期，培训执法人员420人次", "行政执法培训班"),
    ("全年行政机关负责人出庭应诉率达100%", "行政机关负责人出庭应诉率"),
    ("矛盾纠纷调解成功率达98.6%", "调解成功率"),
    ("建立行政执法工作机制，压实执法责任", "行政执法工作机制"),
    ("抽调骨干成立法治督察工作专班", "法治督察工作专班"),
    ("修订述法考核指标体系，细化评分标准", "述法考核指标体系"),
    ("依法治区委员会办公室定期通报工作进展", "依法治区委员会办公室"),
    ("行政复议案件办结率保持在95%以上", "行政复议案件办结率"),
    ("镇党委书记主持召开法治建设专题会议4次", "法治建设专题会议"),
    ("在村（社区）设立公共法律服务工作站", "公共法律服务工作站"),
    ("组织开展全县法治宣传专项行动", "法治宣传专项行动"),
    ("余杭区持续完善府院联动工作机制", "府院联动工作机制"),
    ("全面推行法律顾问工作室进村居", "法律顾问工作室"),
    ("召开法治政府建设领导小组会议，研究部署年度重点任务", "法治政府建设领导小组会议"),
    ("组织全体干部参加普法考试，合格率100%", "普法考试"),
    ("制定法治宣传教育工作领导小组工作规则", "法治宣传教育工作领导小组工作规则"),
    ("在每个村居设立人民调解室，配备专职调解员", "人民调解室"),
    ("组建普法宣讲团深入企业开展宣讲12场", "普法宣讲团"),
    ("成立法律服务队，为困难群众提供上门服务", "法律服务队"),
    ("在政府门户网站开设法治宣传专栏", "法治宣传专栏"),
    ("修订合法性审查工作规则，明确审查时限", "合法性审查工作规则"),
    ("印发行政执法公示办法，统一公示内容", "行政执法公示办法"),
    ("修订完善法律顾问实施办法，规范聘任管理", "法律顾问实施办法"),
    ("开通公共法律服务热线，全年接听咨询2300余次", "公共法律服务热线"),
    ("规范行政执法流程，制作执法文书范本", "行政执法流程"),
    ("编制合法性审查工作指南，供各部门参照", "合法性审查工作指南"),
    ("完善行政权力运行机制，压缩自由裁量空间", "行政权力运行机制"),
    ("区司法局指导守法普法协调小组开展工作", "守法普法协调小组"),
    ("健全法治政府建设领导体制，压实主体责任", "法治政府建设领导体制"),
    ("印发《2022年政务公开工作要点》，细化公开任务", "政务公开工作要点"),
    ("定期召开行政执法工作联席会议，会商重大案件", "行政执法工作联席会议"),
    ("昌平区召开法治建设工作会议，部署全年任务", "法治建设工作会议"),
    ("制定《法治督察工作方案》，开展专项督察", "法治督察工作方案"),
    ("我县被确定为述法工作试点单位", "述法工作试点单位"),
    ("街道建成法治文化基地2处", "法治文化基地"),
    ("编制行政执法工作指引，统一执法尺度", "行政执法工作指引"),
    ("制定法治建设工作计划，明确责任单位", "法治建设工作计划"),
    ("建立行政复议案件台账，逐案跟踪办理", "行政复议案件台账"),
    ("群众对法律援助满意度达99%", "法律援助满意度"),
    ("复议纠错率为5.3%，同比下降", "复议纠错率"),
    ("规范性文件合法性审查覆盖率达到100%", "合法性审查覆盖率"),
    ("出台《法治宣传实施方案》，推动普法责任落实", "法治宣传实施方案"),
    ("严格落实行政执法责任制，开展执法评议", "行政执法责任制"),
    ("依托执法监督平台开展网上监督", "执法监督平台"),
    ("完善公共法律服务体系，打造半小时服务圈", "公共法律服务体系"),
    ("全面落实法律顾问制度，实现镇街全覆盖", "法律顾问制度"),
    ("组织开展依法行政考核，考核结果纳入绩效", "依法行政考核"),
    ("成立依法治县办公室，配齐工作人员", "依法治县办公室"),
    ("建成法治政府建设示范点5个", "法治政府建设示范点"),
    ("报送法治政府建设年度报告并向社会公开", "法治政府建设年度报告"),
    ("健全矛盾纠纷多元化解机制，推动源头治理", "矛盾纠纷多元化解机制"),
    ("开展行政执法人员考试，参考率100%", "行政执法人员考试"),
    ("成立依法治镇领导小组，镇长任组长", "依法治镇领导小组"),
    ("编制行政许可事项清单并向社会公布", "行政许可事项清单"),
    ("在各镇设立普法联络点，延伸普法触角", "普法联络点"),
    ("设立基层立法联系点3个，收集立法意见建议", "基层立法联系点"),
    ("推进公共法律服务平台建设，线上线下融合", "公共法律服务平台"),
    ("建立重大行政决策目录管理制度", "重大行政决策目录"),
    ("制定权责清单并动态调整", "权责清单"),
    ("严格执行行政执法公示制度", "行政执法公示制度"),
    ("落实诉前调解工作机制，从源头减少诉讼增量", "诉前调解工作机制"),
    ("制定行政裁决事项目录，规范裁决程序", "行政裁决事项目录"),
    ("法治宣传知晓率达到90%以上", "法治宣传知晓率"),
    ("印发依法行政工作报告，接受人大监督", "依法行政工作报告"),
    ("制定法律援助工作方案，扩大援助范围", "法律援助工作方案"),
    ("组织开展合法性审查培训，提升审查能力", "合法性审查培训"),
    ("推动行政执法三项制度落地见效，建立执法全过程记录台账", "执法全过程记录台账"),
    ("编制普法手册5000册发放到户", "普法手册"),
    ("印发《基层法治建设工作要点》", "法治建设工作要点"),
    ("召开述法工作会议，听取汇报", "述法工作会议"),
    ("建立法律援助工作站12个", "法律援助工作站"),
    ("在区法院诉讼服务中心推行值班律师制度", "值班律师制度"),
    ("严格执行行政机关负责人出庭应诉制度，做到应出尽出", "行政机关负责人出庭应诉制度"),
]

TRAPS = [
    ("推动法治建设规则意识深入人心", ["规则"], ["法治建设规则"]),
    ("把行政复议规定动作做实做细", ["规定动作"], ["行政复议规定"]),
    ("推进合法性审查标准化建设", ["合法性审查"], ["合法性审查标准"]),
    ("加强行政执法队伍建设，提升执法能力", ["执法队伍"], ["行政执法队"]),
    ("普法志愿队员走村入户发放资料", ["队员"], ["志愿队"]),
    # (sentence, tokens that must be present, strings no token may contain)
    ("围绕法治建设中心工作，统筹推进各项任务", ["法治建设"], ["建设中心"]),
    ("推进依法行政率先垂范，领导干部带头学法", ["率先垂范"], ["依法行政率"]),
    ("服务法治建设大局，助力经济发展", ["大局"], ["建设大局"]),
    ("深化行政执法体制机制改革", ["体制"], ["执法体制"]),
    ("做好依法行政工作，制度建设不断加强", ["工作"], ["依法行政工作", "依法行政制度"]),
    ("法治建设工作成效明显", ["工作"], ["法治建设工作"]),
    ("推进依法行政制度化规范化", ["制度化"], ["依法行政制度"]),
    ("不断提升行政执法效率", ["效率"], ["行政执法效"]),
    ("在法治建设会议室集中学习", ["会议室"], ["法治建设会议"]),
    ("法治政府建设\n会议纪要印发各单位", ["会议纪要"], ["法治政府建设会议"]),
    ("镇长带头学习依法行政。会议指出要强化责任", ["会议"], ["依法行政会议"]),
    ("抓好依法行政，考核结果与评优挂钩", ["考核结果"], ["依法行政考核"]),
    ("推进合法性审查制度化", ["制度化"], ["合法性审查制度"]),
    ("把法治建设纳入考核", ["纳入", "考核"], ["法治建设考核"]),
    ("推进国家治理体系和治理能力现代化", ["治理体系和治理能力现代化"], ["国家治理"]),
    ("书记率领班子成员开展法治调研", ["率领"], ["书记率"]),
    ("行政复议发挥化解行政争议主渠道作用，平台建设同步推进", ["平台"], ["行政复议平台"]),
    ("发挥法律顾问作用，办公室负责日常联络", ["办公室"], ["法律顾问办公室"]),
    ("推动法治宣传、清单管理同步落实", ["清单"], ["法治宣传清单"]),
    ("开展法治宣传 培训班学员80人", ["培训班"], ["法治宣传培训班"]),
    ("坚持依法行政，机制更加健全", ["机制"], ["依法行政机制"]),
    ("加强行政执法监督，试点经验在全区推广", ["试点经验"], ["行政执法监督试点"]),
    ("法律援助中心接待来访群众300人次", ["法律援助中心"], ["法律援助中心接待"]),
    ("推动公共法律服务进村居，体系化建设加快", ["体系化"], ["公共法律服务体系"]),
    ("重大行政决策事项均经合法性审查", ["合法性审查"], ["审查事项"]),
    ("强化法治思维，会议要求各单位抓好落实", ["会议"], ["法治思维会议"]),
    ("落实谁执法谁普法责任制，工作机制更加健全", ["工作", "机制"], ["责任制工作"]),
]


@pytest.fixture(scope="module")
def pair():
    return Tokenizer(LEX, backend="rjieba"), Tokenizer(LEX, backend="jieba")


def test_tables_are_large_enough():
    assert len(FOUND) >= 60 and len(TRAPS) >= 25
    assert len({w for _, w in FOUND}) == len(FOUND)


@pytest.mark.parametrize(("sentence", "compound"), FOUND)
def test_compound_is_one_token_with_both_backends(pair, sentence, compound):
    fast, ref = pair
    toks = fast.cut(sentence)
    assert compound in toks, toks
    assert ref.cut(sentence) == toks


@pytest.mark.parametrize(("sentence", "keep", "never"), TRAPS)
def test_trap_is_not_merged(pair, sentence, keep, never):
    fast, ref = pair
    toks = fast.cut(sentence)
    assert all(k in toks for k in keep), toks
    assert not [t for t in toks for n in never if n in t], toks
    assert ref.cut(sentence) == toks


@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
def test_switch_off_gives_the_parts(backend):
    on, off = Tokenizer(LEX, backend=backend), Tokenizer(LEX, backend=backend, compounds=False)
    text = "召开法治督察会议，印发依法治区工作要点，行政机关负责人出庭应诉率达100%"
    assert on.cut(text) == ["召开", "法治督察会议", "，", "印发", "依法治区工作要点", "，",
                            "行政机关负责人出庭应诉率", "达", "100%"]
    assert off.cut(text) == ["召开", "法治督察", "会议", "，", "印发", "依法治区", "工作要点", "，",
                             "行政机关负责人出庭应诉", "率达", "100%"]
    assert on.key != off.key and off.key.endswith("-nocomp")


def test_heads_file_is_part_of_the_lexicon_version(tmp_path):
    assert ("会议", "活动") in LEX.compound_heads and ("中心", "机构") not in LEX.compound_heads
    assert Lexicon.from_dict(LEX.to_dict()) == LEX
    (tmp_path / "compound_heads.tsv").write_text("宣讲团\t机构\t普法宣讲团\n", encoding="utf-8")
    v1 = load_lexicon(tmp_path).version
    (tmp_path / "compound_heads.tsv").write_text("宣讲团\t机构\t组建普法宣讲团\n", encoding="utf-8")
    v2 = load_lexicon(tmp_path).version
    assert len({LEX.version, v1, v2}) == 3


@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
def test_user_folder_adds_and_removes_heads(tmp_path, backend):
    (tmp_path / "compound_heads.tsv").write_bytes(
        "\ufeff# 用户中心语\r\n讲师团\t机构\t普法讲师团\r\n会议\t删除\r\n".encode())
    lex = load_lexicon(tmp_path)
    heads = dict(lex.compound_heads)
    assert heads["讲师团"] == "机构" and "会议" not in heads and heads["清单"] == "文件"
    toks = Tokenizer(lex, backend=backend).cut("组建法律顾问讲师团，召开法治督察会议，制定公共法律服务清单")
    assert "法律顾问讲师团" in toks and "法治督察会议" not in toks and "公共法律服务清单" in toks, toks
    assert Lexicon.from_dict(lex.to_dict()).compound_heads == lex.compound_heads


@pytest.mark.parametrize(("content", "line"), [
    ("会议\t活动\n清单\n", 2),                    # no kind
    ("会议\t会议类\n", 1),                        # unknown kind
    ("率达\t拆分\n", 1),                          # a glued token needs head+rest
    ("率+\t拆分\n", 1),
    ("专题 会议\t活动\n", 1),                     # a head is one word
    ("会议\t活动\t述法会议\t多余\n", 1),
])
def test_malformed_heads_line_names_file_and_line(tmp_path, content, line):
    (tmp_path / "compound_heads.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"compound_heads.tsv:{line}:"):
        load_lexicon(tmp_path)


RULES = CompoundRules(terms=frozenset({"述法", "依法行政", "出庭应诉"}),
                      heads=frozenset({"会议", "工作要点", "领导小组", "率"}),
                      linkers=frozenset({"工作"}), glued={"率达": ("率", "达")})


@pytest.mark.parametrize(("tokens", "expected"), [
    (["召开", "述法", "会议"], ["召开", "述法会议"]),
    (["依法行政", "工作", "要点"], ["依法行政工作要点"]),                 # a head of two tokens
    (["依法行政", "领导小组", "会议"], ["依法行政领导小组会议"]),         # heads in a row
    (["述法", "工作", "会议"], ["述法工作会议"]),                         # through the linker
    (["述法", "工作", "，"], ["述法", "工作", "，"]),                     # linker without a head
    (["出庭应诉", "率达", "100%"], ["出庭应诉率", "达", "100%"]),         # a glued token
    (["依法行政", "率先", "垂范"], ["依法行政", "率先", "垂范"]),         # whole tokens only
    (["述法", "\n", "会议"], ["述法", "\n", "会议"]),                     # a line break blocks it
    (["会议", "述法"], ["会议", "述法"]),
    ([], []),
])
def test_merge_compounds(tokens, expected):
    assert merge_compounds(tokens, RULES) == expected


def test_rules_of_the_package_lexicon():
    rules = compound_rules(LEX)
    assert "工作" in rules.linkers and rules.glued["率达"] == ("率", "达")
    assert "率" in rules.heads and "中心" not in rules.heads and "工作" not in rules.heads
    assert all(len(t) >= 2 for t in rules.terms) and not rules.terms & LEX.boilerplate
