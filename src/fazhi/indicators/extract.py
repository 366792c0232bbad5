"""Numeric facts of one text: ``extract_indicators("受理行政复议案件91宗，办结85宗。")``.

A fact is a number (Arabic 209, 1,200, 1.5万; Chinese 三, 两, 一百二十三, 三万; 百分之九十九; a range
3至5次) followed by a counting unit (件, 人次, 万元, %, 平方米, 公里, 万标箱 ...). Years, dates and
plenums (2021年, 3月15日, 十九大, 二十届三中全会) are never facts because 年, 月, 日, 届, 大 are not counting
units; session and phase numbers, ordinals, article numbers, size classes and numbered slogans or
policy names are dropped by the rules of ``not_indicators.tsv``.

Each fact keeps apart:

- ``phrase``: the words naming it as written (受理行政复议案件, 办结, 矛盾纠纷调解成功率);
- ``subject``: the counted noun (行政复议案件). A phrase that is only a verb (办结85宗, 建成30条) or
  nothing (犯罪案件10件12人: the 12人) takes the noun from earlier in the clause (现场办件共计办理3048件
  -> 现场办件), from the previous fact of the sentence counted in the same kind of unit, from the
  clause before, or, opening a sentence, from the paragraph (…收到行政复议申请862件。受理801件);
  the numbers of one list take the items named before it in order (城、乡居民人均可支配收入分别为
  22694元、9527元 -> 城居民…, 乡居民…; 同比分别下降25%、12.5% -> the two facts before);
- ``verb``: the action (受理, 办结, 建成; 增长 for a growth);
- ``predicate``: what the sentence says of the counted things after them (12个镇街全部建成公共法律服务站
  -> 建成公共法律服务站);
- ``number_kind``: count, amount (money: ``amount`` is the value in ``base_unit``, 50万元 -> 500000 元), measure
  (平方米, 公里, 吨 ...), rate (%, 倍) or growth (增长7.2%, 增加15件, 提高3个百分点);
- ``status``: result, target (力争, 计划, 预计, 到2025年 ...) or baseline (a comparison the sentence
  names: 同比, 较上年 ...; a plain 增长6.7% of the year is its result, as readers take it), from the
  sentence itself (``indicator_status.tsv``); :func:`textstat_indicators` then reads the document
  (plans part, headings of targets, later years: :mod:`fazhi.indicators.docstatus`);
- ``qualifier``: 约, 近, 余, 多, 以上, 左右, 超过, 以下 ("" when exact; 达 is no qualifier); ``high``: the
  upper end of a range (3至5次 -> value 3, high 5), else NaN.

>>> [(f["verb"], f["subject"], f["value"]) for f in extract_indicators("受理行政复议案件91宗，办结85宗。")]
[('受理', '行政复议案件', 91.0), ('办结', '行政复议案件', 85.0)]
"""

from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from fazhi.indicators.rules import IndicatorRules, Unit, rules_of
from fazhi.numerals import MULTIPLIERS, arabic_number, chinese_number

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_HAS_FULLWIDTH = re.compile("[０-９]")

_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")
_SEGMENT_CHARS = frozenset("。；！？;!?\n")  # a segment: what a category is looked for in
_SENTENCE_CHARS = frozenset("。！？!?\n")
_BOOK_TITLE = re.compile(r"《[^《》]*》")
# book titles given as examples of the noun after them: 学习《宪法》《民法典》等法律法规 -> 学习法律法规
_TITLES_ETC = re.compile(r"(?:《[^《》]*》[、和及与]?)+等(?=[\u4e00-\u9fff]{2})")
# the title's own verb after the clause's verb is no verb of what is counted (开展新修订《…》等6次集体学法)
_TITLE_VERB = re.compile(r"(?<=[\u4e00-\u9fff])(?:新修订|新修改|新修正|新颁布|新出台|新制定|修订后的|最新)的?(?=《)")
_TITLE_RUN = re.compile(r"(?:《[^《》]*》[、和及与]?){2,}$")  # titles in a row before a number
_QUOTES = re.compile(r"[“”‘’\"'「」]")
_LEADING_BRACKET = re.compile(r"^[^（(]*[）)]|^[（(][^）)]*[）)]")
# a bracketed aside inside a phrase: stripped (法律援助案件（含刑事案件）-> 法律援助案件); a short
# alternative (村（社区）, 村(居)) stays
_ASIDE = re.compile(r"[（(](?:(?:含|其中|包括|以下简称|简称|如|即|占|同比|较|比|分别)[^（）()]*|"
                    r"[^（）()]{4,})[）)]")
_WORD_CUT = re.compile(r"[的对在把将向]")
_COORD_CUT = re.compile(r"[和及与、]")
_NUMBER_START = re.compile(r"[\d一二两三四五六七八九十百千万]")
_NUMERAL_WORDS = ("一般", "一体", "一线", "一站", "一流", "一级", "一号", "一把手", "一带", "万人", "千万")
_RANGE_LOW = re.compile(r"(?P<low>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?P<lowunit>%|％|[\u4e00-\u9fff]{1,4})?"
                        r"\s*(?P<join>[-~～—–至到]|——)\s*$")
_FROM_BEFORE = re.compile(r"[由从][^，。；,;]{0,12}$")  # 由12件至15件: a change, not a range
_RANGE_HIGH = re.compile(r"^\s*(?:[-~～—–至到]|——)\s*[\d一二两三四五六七八九十]")
_RATE_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}(?:率|度|比例|比重)|占比)$")
_RATE_END = re.compile(r"(?:率|度|比例|比重|占比)$")
_RATE_AHEAD = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:率|比例|比重|占比)(?:为|达到?|超过)?\s*\d")
# a beneficiary before the verb: 为群众挽回经济损失 -> 挽回经济损失
_BENEFICIARY = re.compile(r"^(?:为|向|帮助|帮|替)[\u4e00-\u9fff\d.]{1,10}?(?=\S)")
_LEFT, _RIGHT = 80, 40  # context windows of the exclusion rules (not_indicators.tsv)
_INHERIT_MAX = 4  # a subject this short ("办结", "其中") continues the previous fact's topic
_EDGE = "，、；：,;:. \t“”\"'◆●■□▲△▶►★☆•·@＠#＃"  # (◆ of a bulleted list)
_NO_NOUN_AFTER = frozenset({"money", "rate", "multiple", "point"})
_VERB_AFTER = frozenset({"times"})
_AUDIENCE = frozenset({"person", "person_times"})  # units counting who took part
_GENERIC_HEADS = frozenset({"项目", "人员", "人数", "群众", "人口", "对象", "信息"})  # a head naming nothing without its modifier
_PREDICATE_MAX = 20
_COORD_EXTRA = 8  # a coordination may run this much past max_subject rather than be cut
_VERB_JOIN = frozenset("及和与、")
_DIGIT = re.compile(r"\d")
_JOINERS = frozenset({"和", "及", "与", "以及", "或", "或者"})
# what may stand between two numbers of one list (22694元、9527元; 39,175元和19,156元; 500个以上、)
_LIST_GAP = re.compile(r"^\s*(?:以上|以下|左右|多|余)?\s*[、和及与]\s*$")
_ITEM_SPLIT = re.compile(r"[、，,]")
_COORD_SPLIT = re.compile(r"[和与及]")
_ANY_SPLIT = re.compile(r"[、，,和与及]")
_PEOPLE_AT = re.compile(r"\s*(?P<took>参加|参与|出席|观摩|参训)的(?P<event>[^，。；、,;（）()]{2,30}?)"
                        r"(?=[，。；,;（(]|$)")  # 300余人参加的…活动: the event they took part in
_SLOGAN_PARTS = re.compile(r"[、“”]")
_QUOTED_LIST = re.compile(r"(?:^|“)[^“”]{2,30}、[^“”]{2,30}”(?=[\u4e00-\u9fff]{2})")  # “A、B、C”活动
_DONE_TO_LIST = re.compile(r"(?:、[^，。；、,;]{1,20}?\d+(?:\.\d+)?[\u4e00-\u9fff]{1,2})*\s*"
                           r"(?P<done>进行(?:了)?[\u4e00-\u9fff]{2,8}?)(?=[，。；,;]|$)")  # 对A20份、B66份进行归档整理
_EVENT_END = re.compile(r"(?:考试|测试|培训|培训班|轮训|学习|讲座|活动|会议|大会|比赛|竞赛|演练|论坛)$")  # an event's name
_ORDINAL = re.compile(r"第?[一二三四五六七八九十]{1,2}")  # 一、二、三产业: ordinals of a list
_INVESTMENT_WORDS = ("计划总投资", "计划投资", "总投资", "投资")  # longest first
_NOT_A_NAME = ("的", "用于", "用", "于", "在", "将", "为", "以", "对", "向", "是", "占", "同比", "比", "较", "其中", "全部", "已")
_NAMED_AFTER = re.compile(r"([\u4e00-\u9fff“”]{3,20}?)(?=等|[、，,；;。]|$)")  # 5亿元金翔科技新材料项目、
_TIME_CLAUSE = re.compile(r"(?:今年|去年|全年|近年|年初|年内|本年度|上半年|下半年|自?(?:19|20)\d\d年(?:\d{1,2}月)?(?:份)?|[一二三四]季度)?(?:以来|来)?")
_NOUN_FOLLOWS = re.compile(r"(?:\d+(?:\.\d+)?[万亿]?(?:人次|户次|人|户|名))?[\u4e00-\u9fff]")  # 79户280人脱贫任务
_GROWTH_CLAUSE = re.compile(r"[，,]\s*(?:增长|下降|增加|减少|提高|降低|上升|回落|增幅为?|增速为?)(?:了)?\s*")  # ，增长 alone
_SHARE_TAIL = re.compile(r"占(?:[^占、，,和与及]{2,20}?)(?:的)?(?:比重|比例)$")  # a share the items of a list have each
_QUANTITY_END = re.compile(r"[量额值率数]$")
_CLAUSE_MARK = re.compile(r"[，,；;：:。！？!?]")
_OPENS_CLAUSE = 4  # a target cue this near the start of an earlier clause governs the sentence
_FUTURE = re.compile(r"(?<![即必])将(?:要|会|再|继续|全面|加快|大力|重点|着力|进一步)?")
_LEVEL = re.compile(r"达|超过|突破|保持|控制")
# an optional character of a verb: 新改（扩）建 -> 新改扩建 (the verb table's form)
_SCOPE_LEVEL = re.compile(r"^[省市区县镇乡村]级")
# who is helped or led before the verb, inside a phrase: 镇法律服务所为群众提供法律咨询 -> 提供法律咨询
_HELPED = re.compile(r"(?:(?<![行作认成称因以])为|向|帮助|协助|督促|指导|引导|带领)[\u4e00-\u9fff]")
# a share of a whole: 实际利用外资占全省的 -> 实际利用外资
_SHARE_OF = re.compile(r"^(.{2,}?)(?<!比)占(?!比)[^，。；,;]{1,12}?的?(?:比重|比例)?$")
# spaces inside Chinese words (同 比增长, 基础设施薄弱等 困难): page layout, not text
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# a beneficiary before the number: 为辖区11个社区配备了兼职法律顾问 -> the noun after the number
_FOR_WHOM = re.compile(r"(?:^|[^行作认成称因以])(?:为|给|帮助)[\u4e00-\u9fff]{0,4}$")
_VERB_OPTION = re.compile(r"[（(]([扩改新])[）)]")
# a quoted term that a verb follows, after the first words of a noun (12家茶叶加工企业“SC认证”办理…)
_QUOTED = re.compile(r"[“\"]([^“”\"]{1,12})[”\"]")
# a number in quotes that a noun follows, part of a name (“152”工程, “1+N”模式), read in place by a mask
_QUOTED_NUMBER = re.compile(r"(?:(?<=^[“\"])|(?<=[\u4e00-\u9fff][“\"]))[\d+＋.]{1,8}(?=[”\"][\u4e00-\u9fff])")
_MASK = "\u3400"  # a rare ideograph (CJK extension A): a word character the rules pass over
_MASKED = re.compile(_MASK + "+")
# a target cue introducing what follows: a colon closing its words (主要目标是：地区生产总值增长6%，…;
# 主要预期目标：, 预期 + 目标：; 计划到年底：)
_INTRODUCING = re.compile(r"[\u4e00-\u9fff]{0,4}?[是为]?\s*[：:]")
_PUNCT_STOP = frozenset("，。；：！？,;:!?")
_LIST_STOP = _PUNCT_STOP | {"、"}  # (a clause, or an item of a list, ends)
_MINUS = frozenset("-－−")  # a sign before a rate (同比分别-6.2%、-19.3%), not a range's joiner
# a share with no noun of its own (…案件13件，占总量的38%): it is the share of the fact before
_DONE_END = re.compile(r"(?:全覆盖|到位|达标|落实)$")  # an achievement listed before a rate
_BREAKDOWN = re.compile(r"\s*其中")
_RESPECTIVELY = re.compile(r"分别|依次")  # the numbers after it go one to each item before it
# numbers without a unit before the one that has it: 分别为120、118件, 依次增长5、6个百分点
_BARE_CHAIN = re.compile(r"(?:分别|依次)[\u4e00-\u9fff]{0,4}?\s*((?:(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"
                         r"\s*[、和及与]\s*)+)$")
# Arabic numbers without a unit right before the one that has it, with no 分别 (新建农村公路35、28公里;
# 分别比全省高4.2、4.3和3.2个百分点); an ordinal's (第1、2批) or a longer list's middle never starts one
_BARE_LIST = re.compile(r"(?<![\d.第、])((?:\d+(?:\.\d+)?\s*[、和及与]\s*)+)$")
_TRAILING_NUMBERS = re.compile(r"[\d.、和及与%\s]*$")
_CHAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+")
_ORDINAL_ONLY = re.compile(r"(?:其中)?第[一二两三四五六七八九十百\d]+(?:批次?|轮|期|阶段|季度)")
_SHARE_ONLY = re.compile(r"^占(?P<whole>总量|总数|总额|全部|全[国省市区县镇]|[\u4e00-\u9fff]{2,12}?)?的?(?:比重|比例)?$")
_SHARE_TOTAL = ("总量", "总数", "总额", "全部")  # a whole that names nothing of its own
_ONE_CHAR_PLACES = frozenset("村镇乡户")  # a noun of one character after a number (12个村均建立…)
_BARE_QUANTITY = re.compile(r"(?:总)?(?:产值|营业收入|营收|收入|销售额|利润|税收|投资|产量)")  # of nothing named
_COUNT_HEAD = re.compile(r"(?:人数|户数|件数|次数|个数|数量|总数)$")  # a number of, before a rate of the same

# wave 10 (the passes after the facts are read: _apply_notes, _time_taken … _study_bodies)
_TOOK = re.compile(r"\s*(?:内)?(?:完成|建成|实现)")  # a duration before what was done in it
_EVENT_PREFIX_MAX = 8  # the event words put before a generic audience
_PEOPLE_UNITS = frozenset({"人", "人次", "户", "户次", "名", "位", "家庭"})
_BARE_AREAS = frozenset({"面积", "总面积", "建筑面积", "占地面积"})  # of the things counted before (拆除面积)
_BARE_AMOUNTS = frozenset({"金额", "总金额", "涉案金额", "涉及金额", "标的额", "标的金额", "资金", "投资规模", "总投资"})  # of the count before (罚没款 names itself)
_THING_KINDS = frozenset({"count", "item"})  # units of things one verb may list together (10件、合同70余份)
_REACHED = frozenset({"覆盖", "惠及", "服务", "受益"})
_TRAINED = frozenset({"培训", "轮训", "培训干部", "参训"})  # who an event count before trained (…10期，培训1170人次)  # whom events reached (…活动17场，覆盖企业1500家次)
_PREDICATE_AS_RATE = 8  # the longest predicate that names a share without a noun (入户筛查)
# a phrase ending in an event of its own (…学习贯彻党的二十大精神专题轮训): the event is counted, not a study
_EVENT_TEST = re.compile(r"(?:考试|测试|考核|测评|培训|讲座|竞赛|比赛)$")  # events counted together
_EVENT_HEAD = re.compile(r"(?:培训|轮训|讲座|班|会议|会|活动|论坛|宣讲|比赛|竞赛|考试|讲堂)$")
_BODY_SUFFIX = re.compile(r"[部局委办处科所站队]")  # a verb + one of these in one word is a body: 组织部
# more kinds of event after the first, up to the end of the clause (、局长办公会，研究…)
_MORE_EVENTS = re.compile(r"((?:[、和及][\u4e00-\u9fff]{2,8}?(?:会议|会|座谈|培训|讲座|活动|论坛))+)(?=[，。；,;]|$)")
_SEGMENT_END = re.compile(r"[；;。！？!?\n]")
_SENTENCE_BREAK = re.compile(r"[。！？\n]")
# a verb, then named examples before a count: 新增“农村宅基地审批初审”等3项…
_EXAMPLES_CLAUSE = re.compile(r"(?:^|[，,；;：:。])\s*(?P<what>[^，,；;：:。]{4,60})等$")  # (verb) A、B等 + count
_VERB_EXAMPLES = re.compile(r"(?:^|(?<=[，,；;：:。年]))\s*(?P<verb>[\u4e00-\u9fff]{2,4})(?:“[^”]{1,20}”[、和及]?)+等$")
_AFTER_YEAR = re.compile(r"^(?:年度?|的)+")
_PAIR_GAP = 4  # an amount and its growth: 595亿元，增长5.5%
_NOTE_CARRIED = re.compile(r"[（(]\s*((?:预计|初步核算|同比)[^（）()]{0,8}?)[，,、]\s*下同\s*[）)]")  # （预计，下同）
_CUE_CARRIED = re.compile(r"(预计|初步核算|同比)\s*[（(]\s*下同\s*[）)]")  # a cue carried on by its own note
_LIST_TITLE = re.compile(r"《([^《》]{2,20}?(?:清单|目录))》")  # a list named by its title
_PLACE_OPENING = re.compile(r"^[\u4e00-\u9fff]{1,5}?[省市县区镇乡](?=[\u4e00-\u9fff]{4})")  # 三亚市 (市级权力清单)
_OWN_LEVEL = re.compile(r"[省市县区镇]本级")  # the government's own level, apart from its area (市本级 vs 全市)
_BODY_CORES = ("理论学习中心组", "中心组", "政府常务会议", "常务会议", "常务会", "常委会", "党组会议", "党委会")
_NAMED_STUDY = ("学习", "学法", "专题学习", "集中学习", "集体学习", "专题学法", "集中学法", "集体学法")
_COMPARED_YEAR = re.compile(r"(?:同比|较|比|同|与|和)(?:19|20)\d\d年(?:同期|时期)?(?:相比|比较|相较)?(?:而言)?")  # a baseline year
_A_YEAR = re.compile(r"(?:19|20)\d\d年度?")  # a year inside what is said is no figure of it
_ASIDE_OPEN = re.compile(r"[（(]")  # an aside opening: what is said ends before it
_NOTE = re.compile(r"\s*[（(]([^（）()\n]{1,16})[）)]")  # a bracketed note right after a number


def _number(m: re.Match) -> tuple[float | None, str | None]:
    """(value, multiplier) of a fact match."""
    if m.group("arabic"):
        return arabic_number(m.group("arabic")), (m.group("mult") or "").strip() or None
    if m.group("pct"):
        return chinese_number(m.group("pct")[3:]), None
    cn = m.group("chinese")
    if len(cn) > 1 and cn[-1] in "万亿" and m.group("unit") in ("元", "美元"):
        return chinese_number(cn[:-1]), cn[-1]  # 三万元 -> 3 万元, like 3万元
    return chinese_number(cn), None


def _a_change(joiner: str, before: str) -> bool:
    """Whether two numbers joined so are a change, not a range: 由12件至15件 (至/到 after 由/从)."""
    return joiner in ("至", "到") and _FROM_BEFORE.search(before) is not None


def _low_value(s: str) -> float | None:
    if s[0].isdigit():
        return float(s)
    return chinese_number(s)


def _excluded(rules: IndicatorRules, left: str, raw: str, right: str) -> str | None:
    for ex in rules.exclusions:
        if ex.left is not None and not ex.left.search(left):
            continue
        if ex.raw is not None and not ex.raw.search(raw):
            continue
        if ex.right is not None and not ex.right.search(right):
            continue
        return ex.name
    return None


def _strip_repeat(s: str, anchored: re.Pattern | None, *, lead: bool) -> str:
    """Strip matches of ``anchored`` (anchored at the start or the end) until none is left."""
    if anchored is None:
        return s
    while s:
        m = anchored.search(s)
        if not m or not m.group(0):
            break
        s = s[m.end():] if lead else s[:m.start()]
        s = s.strip(_EDGE)
    return s


def _shorten(rules: IndicatorRules, s: str, max_len: int) -> str:
    """At most ``max_len`` characters, cut at a word boundary: after 的/对/在 ..., after the last
    verb, then after 和/、 (a coordination is kept whole when it fits)."""
    if len(s) <= max_len:
        return s
    if len(s) <= max_len + _COORD_EXTRA and "、" in s and not _WORD_CUT.search(s):
        return s  # a list stays whole when not much longer (党委会议、法治建设专题会、村书记例会)
    if len(s) <= 2 * max_len and "、" in s and not _WORD_CUT.search(s) \
            and all(len(w) >= 3 and _EVENT_HEAD.search(w) for w in s.split("、")):
        return s  # a list of meetings or events counted together (依法治州委员会会议、法治督察动员会、…推进会4次)
    if len(s) <= max_len + _COORD_EXTRA and "和" in s and not _WORD_CUT.search(s) \
            and all(len(w) >= 4 and _EVENT_TEST.search(w) for w in s.split("和")):
        return s  # events joined by 和 (任职前法律知识考试和依法行政能力测试)
    inside = _inside_nouns(rules, s)
    for pat in (_WORD_CUT, rules.verb_search, _COORD_CUT):
        if pat is None:
            continue
        prev_cut = None
        for m in pat.finditer(s):
            if pat is rules.verb_search and m.start() in inside:
                continue  # 研究部署法治建设工作: 建设 is part of a noun
            if len(s) - m.end() <= max_len and m.end() < len(s) - 1:
                rest = s[m.end():].strip(_EDGE)
                if pat is rules.verb_search and len(rest) <= 2 and _COORD_CUT.search(s):
                    continue  # …专项整治督察: not the bare 督察 when a coordination cut is left
                if rest[:1] in _VERB_JOIN and pat is not _COORD_CUT:
                    # a cut inside a coordination (…培训和宪法知识专题讲座): the whole of it, when
                    # it is not much longer
                    if prev_cut is not None and len(s) - prev_cut <= max_len + _COORD_EXTRA:
                        rest = s[prev_cut:].strip(_EDGE)
                    elif len(s) <= max_len + _COORD_EXTRA:
                        return s
                    else:
                        rest = rest[1:]  # never a noun opening with 和
                return _strip_repeat(rest, rules.subject_lead, lead=True)
            prev_cut = m.end()
    # no word boundary: the tail from a token start, never inside a word (县委全面依法治县委员会… was cut
    # to 委全面…); a token start a little before the limit keeps the name longer rather than cut
    # its first word off (区政府常务会议专题研究…工作 stays whole); no bracket group cut loose at its start
    cut = len(s) - max_len
    starts = _token_starts(s)
    if starts is not None:
        before = max((i for i in starts if i <= cut), default=0)
        cut = before if len(s) - before <= max_len + _COORD_EXTRA else min(
            (i for i in starts if i >= cut), default=cut)
    return _LEADING_BRACKET.sub("", s[cut:]).strip(_EDGE)


def _clean_edges(s: str) -> str:
    """Edges stripped; an unmatched bracket loses its bracket character, not the words after it
    (（其中正职 -> 其中正职)."""
    s = s.strip(_EDGE)
    for o, c in (("（", "）"), ("(", ")")):
        if s.count(o) > s.count(c):
            i = s.rfind(o)
            tail = s[i + 1:]
            # 村（社区 (an alternative cut by the clause end) -> 村; （其中正职 -> 其中正职
            s = s[:i] if (i > 0 and len(tail) <= 2) else s[:i] + tail
        elif s.count(c) > s.count(o):
            i = s.find(c)
            s = s[i + 1:] if i < 6 else s[:i] + s[i + 1:]
    return s.strip(_EDGE)


def _strip_asides(s: str) -> str:
    return _ASIDE.sub("", s) if ("（" in s or "(" in s) else s


_CUMULATIVE = frozenset({"累计", "共计", "合计", "总计"})


def _last_cut(cut: re.Pattern, s: str) -> re.Match | None:
    """The last cut word of ``s`` that something follows."""
    last = None
    for m in cut.finditer(s):
        if m.end() < len(s):
            last = m
    return last


def _owns_quantity(rules: IndicatorRules, rest: str) -> bool:
    """Whether ``rest`` is a quantity alone, after a verb of attaining (完成投资, 实现产值, 投资)."""
    if rules.quantity_head is None:
        return False
    if rules.topic_verb is not None and (tv := rules.topic_verb.match(rest)) is not None:
        rest = rest[tv.end():]
    return 2 <= len(rest) <= 6 and rules.quantity_head.fullmatch(rest) is not None


def _before_phrase(rules: IndicatorRules, clause: str, *, max_subject: int) -> tuple[str, str, bool]:
    """(phrase before the number, the clause's head before its last cut word, ends with a light
    verb) of the clause before a number."""
    if "《" in clause:
        clause = _TITLE_VERB.sub("", clause)
    before = _TITLES_ETC.sub("", clause) if "》等" in clause else clause
    if before.endswith("》") and (tr := _TITLE_RUN.search(before)) is not None:
        before = before[:tr.start()] + _BOOK_TITLE.findall(tr.group(0))[-1]  # 学习《A》《B》5次: the last title
    if len(before) > max_subject and not before.rstrip().endswith("》"):
        before = _BOOK_TITLE.sub("", before)  # (a title right before the number names what it counts:
        # 印发《…权责事项清单》4133项)
    if " " in before:
        before = _CJK_SPACE.sub("", before)
    before = _strip_asides(before)
    if "年" in before:
        before = _COMPARED_YEAR.sub("", before)  # 税收收入比2021年增长 -> 税收收入增长 (no cut at the year)
    ends_with_verb = bool(rules.subject_verb and rules.subject_verb.search(before))
    head = ""
    if rules.subject_cut is not None:
        last = _last_cut(rules.subject_cut, before)
        if last is not None and last.group(0) in _CUMULATIVE and last.start() >= 2 \
                and _owns_quantity(rules, before[last.end():]):
            # 重点项目累计完成投资 -> 重点项目完成投资 (the topic owns the quantity; 全年累计投资 still cuts)
            before = before[:last.start()] + before[last.end():]
            last = _last_cut(rules.subject_cut, before)
        if last is not None:
            head = before[:last.start()]
            before = before[last.end():]
    before = _strip_repeat(_clean_edges(before), rules.subject_lead, lead=True)
    before = _strip_repeat(before, rules.subject_tail, lead=False)
    before = _clean_edges(before)
    if before in _JOINERS:
        before = ""  # 增长5.6%和7.1%: the 和 of a list names nothing
    return before, head, ends_with_verb


def _noun_after(rules: IndicatorRules, after: str, *, max_subject: int,
                event: bool = False) -> tuple[str, str]:
    """(noun right after the number, the rest of the clause after it) — ("", after) when none; a
    number in quotes inside the noun is part of its name (2个省市县长“152”工程 -> 省市县长152工程);
    so is a grade opening it (新增3家4A级景区 -> 4A级景区)."""
    if (gm := _GRADE.match(after)) is not None:
        noun, rest = _noun_after(rules, after[gm.end():], max_subject=max_subject, event=event)
        return (gm.group(0) + noun, rest) if noun else ("", after)
    named = [m.group(0) for m in _QUOTED_NUMBER.finditer(after, 0, max_subject + 6)]
    if not named:
        return _noun_after_words(rules, after, max_subject=max_subject, event=event)
    masked = _QUOTED_NUMBER.sub(lambda m: _MASK * len(m.group(0)), after, count=len(named))
    noun, rest = _noun_after_words(rules, masked, max_subject=max_subject, event=event)
    runs = iter(named)
    unmask = lambda s: _MASKED.sub(lambda m: next(runs, ""), s)  # noqa: E731
    return unmask(noun), unmask(rest)


def _noun_after_words(rules: IndicatorRules, after: str, *, max_subject: int,
                      event: bool = False) -> tuple[str, str]:
    limit = None
    front = ""
    if after.startswith("的"):
        after = after[1:]  # 95%以上的村（社区）; (before the quotes are read: 100%的政务服务事项“一窗通办”)
    if rules.verb_one is not None and ("“" in after or '"' in after):
        for qm in _QUOTED.finditer(after, 2):
            term, closes = qm.group(1), after[qm.end():qm.end() + 1] in _LIST_STOP
            vq = rules.verb_one.match(after, qm.end())
            if vq is not None and _HEAD_THEN_STOP.match(after, vq.end()):
                vq = None  # (10个省级“双微”提升点: the verb and a head make the noun)
            if 1 <= qm.start() <= max_subject and (vq or (
                    qm.start() >= 2 and closes
                    and ("、" in term or (rules.subject_after_stop is not None and len(term) >= 3
                                          and rules.subject_after_stop.search(term, 1))
                         or (len(term) >= 3 and (term.endswith("办")
                                                 or rules.verb_one.fullmatch(_cut(term)[-1])))))):
                # 5家酒类企业“两证”办理… -> 酒类企业 (the quoted term opens the next phrase; so does a
                # slogan closing the clause: 85项申请材料“线下当场办、线上半天办”)
                limit = len(_QUOTES.sub("", after[:qm.start()]))
                if "、" not in term and closes and not rules.verb_one.match(after, qm.end()):
                    # 339个事项“通城通办”、… -> 通城通办事项: a quoted action closing the clause names
                    # the kind of thing counted
                    front = term
                break
    after = _QUOTES.sub("", after)  # 42批次“双随机”抽查 -> 双随机抽查
    title = 0
    if after.startswith("《") and "》" in after[:max_subject]:
        # a book title opens the noun and is read whole: 推出4期《执法者来普法》普法节目
        title = after.index("》") - 1
        after = after[1:title + 1] + after[title + 2:]
    if after.startswith("为") and len(after) > 3 and after[1] not in "主止期准":
        after = after[1:]  # 其中4篇为立法建议 (为主, 为止, 为期 are no copula)
    if not after or not ("\u4e00" <= after[0] <= "\u9fff" or after[0] == _MASK):
        return "", after
    if (vm := rules.pattern("verb_as_noun").match(after)) is not None:
        rest = after[vm.end():]
        if not rest or rest[0] in _PUNCT_STOP or _only_verbs(rules, _cut(rest[:6])[0]):
            return vm.group(0), rest  # 新增5项服务实现跨省通办: the service is what is counted
    stop = rules.subject_after_stop.search(after, title) if rules.subject_after_stop else None
    if stop is not None and stop.start() == 0 and (de := after.find("的", 2, 12)) > 0 \
            and _a_relative_clause(rules, after[:de]) and not _PEOPLE_AT.match(after):
        # 8家未按期整改的单位: the relative clause opens with a stop (未, 已, 存在); the things after 的
        # are counted
        tail, _ = _chunk(rules, after[de + 1:], max_subject=max_subject)
        if len(tail) >= 2:
            return after[:de + 1 + len(tail)], after[de + 1 + len(tail):]
    if stop is not None and len(stop.group(0)) == 1 and "\u4e00" <= stop.group(0) <= "\u9fff":
        # a one-character stop inside a word does not end the noun (惠及群众: 及)
        starts = _token_starts(after[:max_subject + 6])
        while stop is not None and starts is not None and len(stop.group(0)) == 1 and (
                "\u4e00" <= stop.group(0) <= "\u9fff") and stop.start() < max_subject + 6 \
                and stop.start() not in starts:
            stop = rules.subject_after_stop.search(after, stop.end())
    # a short bracketed variant belongs to the noun: 5个村（社区） -> 村（社区）
    while stop is not None and stop.group(0) and stop.group(0) in "（(":
        close = after.find("）" if stop.group(0) == "（" else ")", stop.end(), stop.end() + 6)
        if close < 0:
            break
        if rules.verb_one is not None and (vm := rules.verb_one.match(after, close + 1)) and (
                vm.end() > close + 1) and vm.group(0) != "建设":  # (法治绍兴（法治政府）建设工作推进会)
            stop = vm  # 23个村（社区）建立法律顾问制度 -> 村（社区）: a verb after the variant ends it
            break
        stop = rules.subject_after_stop.search(after, close + 1)
    if stop is not None and stop.group(0) == "的" and (
            rules.pattern("qualifying_relative").fullmatch(after, 0, stop.start())
            or _a_relative_clause(rules, after[:stop.start()])):
        # 为3200名符合条件的外出务工人员提供…: the condition is no noun; the people after 的 are counted
        tail, _ = _chunk(rules, after[stop.end():], max_subject=max_subject)
        if len(tail) >= 2:
            end = stop.end() + len(tail)
            return after[:end], after[end:]
    while stop is not None and stop.group(0) in ("和", "与", "及") and stop.start() >= 1:
        # a coordination of nouns the number counts together (14个基础设施和公共配套设施项目, 12个村和
        # 社区, 10个街道和洪山镇落实…): kept when words, not a figure, follow up to the clause end; the
        # second noun ends at the next stop or verb
        seg = _CLAUSE_END.split(after[stop.end():], 1)[0]
        nxt = rules.subject_after_stop.search(after, stop.end())
        while nxt is not None and nxt.group(0) in ("（", "(") and (
                close := after.find("）" if nxt.group(0) == "（" else ")", nxt.end(), nxt.end() + 6)) > 0:
            nxt = rules.subject_after_stop.search(after, close + 1)  # (市直部门及县（市）区主要负责人: a variant)
        if not seg or _DIGIT.search(_A_YEAR.sub("", seg)) or not ("\u4e00" <= seg[0] <= "\u9fff") or nxt is None:
            break
        if rules.verb_search is not None:
            part = after[stop.end():nxt.start()]
            inside = _inside_nouns(rules, part) | _nominal_inside(part)
            starts = _token_starts(part)
            vm = next((m for m in rules.verb_search.finditer(part) if m.start() not in inside
                       and (starts is None or m.start() in starts)), None)
            if vm is not None:
                nxt = rules.verb_search.match(after, stop.end() + vm.start())
        if nxt.start() - stop.end() < 2 or nxt.start() > max_subject:
            break
        stop = nxt
    end = stop.start() if stop is not None else None
    if limit is not None and (end is None or limit < end):
        end = limit
    cut = _head_cut(rules, after[title:(end if end is not None else max_subject + 6)])
    if cut is not None:
        end = title + cut  # 召开3次政府常务会议专题研究… -> 政府常务会议
    # a noun phrase ends within max_subject characters (brackets not counted); a longer run is a
    # clause, not a noun
    if end is not None and end - sum(after.count(b, 0, end) for b in "（）()") <= max_subject:
        noun = _clean_edges(after[:end])
        if len(noun) == 1 and not title and noun not in _ONE_CHAR_PLACES \
                and (starts := _token_starts(after[:6])) is not None \
                and 1 not in starts:
            return "", after  # 37张提升至151张: 提 (of 提升) is no noun; 9个镇 is
        if rules.after_tail is not None and after[end:end + 1] in _PUNCT_STOP:
            # 在全县推荐的40个试点项目中， -> 试点项目
            cut = _strip_repeat(noun, rules.after_tail, lead=False)
            noun = cut if len(cut) >= 2 else noun
        rest = after[end:]
        if rules.verbs_trail is not None and not event and (len(noun) > 4 or (
                len(noun) == 4 and "\u4e00" <= after[end:end + 1] <= "\u9fff")):
            # (a verb ending four characters cuts only when its object follows: 70个项目取得积极
            # 实效, but 2251.5亩征地拆迁 is the noun)
            # (a count of times keeps its event: 42批次双随机抽查)
            tm = rules.verbs_trail.search(noun)
            if tm is not None and tm.start() >= 2 and tm.start() not in _inside_nouns(rules, noun):
                rest = noun[tm.start():] + rest  # 70个项目取得积极实效: 取得… is the predicate
                noun = noun[: tm.start()]  # 12条背街巷道提升改造 -> 背街巷道
                noun = _strip_repeat(noun, rules.subject_tail, lead=False)  # …项目已获批 -> …项目
        if _only_verbs(rules, noun) or (rules.subject_lead is not None
                                        and rules.subject_lead.fullmatch(noun)) or (
                rules.growth is not None and (gm := rules.growth.search(noun)) is not None
                and _CHANGE_MANNER.fullmatch(noun, 0, gm.start())):
            return "", after  # 较上年512件减少76件: the words after are the next fact's verb
        if front and len(noun) >= 2 and rest.startswith(front):
            return front + noun, rest[len(front):]
        if not event and len(noun) >= 6 and not title:
            # an action verb inside, its object after it: 8项高频事项推行“马上办” -> 高频事项
            head, by_verb = _chunk(rules, noun, max_subject=max_subject)
            verb_noun = rules.pattern("verb_noun_head")
            object_words = _cut(noun[len(head):])[1:2]  # the word after the verb
            if by_verb and len(head) >= 2 and len(noun) - len(head) >= 3 and not rules.pattern("modifier_end").search(head) \
                    and not verb_noun.search(noun) and not verb_noun.match(object_words[0] if object_words else "") \
                    and len(head) not in _nominal_inside(noun) and len(head) not in _inside_nouns(rules, noun):
                return head, noun[len(head):] + rest
        return noun, rest
    if not event and title == 0:
        # no stop within reach: the noun is the run of tokens up to the first verb, preposition or
        # adverb (21家区直部门按照权责清单… -> 区直部门; 82家党委（党组）理论学习中心组专题组织学习… ->
        # 党委（党组）理论学习中心组)
        noun, _ = _chunk(rules, after, max_subject=max_subject)
        if noun:
            return noun, after[len(noun):]
    return "", after




def _a_relative_clause(rules: IndicatorRules, s: str) -> bool:
    """Whether ``s`` (the words between a count and 的) says what the things counted did or are
    (8家未按期整改的单位, 3个存在问题的项目): a negation, 已 or a verb opening 2–10 characters."""
    if not 2 <= len(s) <= 10 or not all("\u4e00" <= c <= "\u9fff" for c in s):
        return False
    if _RELATIVE_OPEN.match(s):
        return True
    vm = rules.verb_one.match(s) if rules.verb_one is not None else None
    return vm is not None and vm.end() < len(s) and (st := _token_starts(s)) is not None and vm.end() in st


def _kept_relative(rules: IndicatorRules, phrase: str) -> str:
    """The part of ``phrase`` from a negated or existential relative clause before its last 的 on
    (辖区内存在问题的单位 -> 存在问题的单位, 未按期整改的单位), or "" when it has none."""
    i = phrase.rfind("的")
    if len(phrase) - i <= 2 or _token_verbs_in(rules, phrase[i + 1:]):
        return ""  # (存在问题的单位制发督办函: a verb after the noun)
    for m in _NEGATED_RELATIVE.finditer(phrase, 0, i):
        if i - m.start() >= 2 and _a_relative_clause(rules, phrase[m.start():i]):
            return phrase[m.start():]
    return ""


def _chunk(rules: IndicatorRules, after: str, *, max_subject: int) -> tuple[str, bool]:
    """(the tokens of ``after`` up to the first verb, or a word of the table's ``chunk_stop`` pattern
    (prepositions, adverbs), when they make a noun of
    2 to ``max_subject`` characters, brackets not counted, else ""; whether an action verb ended it)."""
    m = _CLAUSE_END.search(after)
    words = after[: m.start()] if m else after
    out: list[str] = []
    size = 0
    by_verb = False
    for t in _cut(words[: max_subject + 12]):
        if rules.verb_one is not None and rules.verb_one.fullmatch(t):
            by_verb = True
            break
        if rules.pattern("chunk_stop").fullmatch(t) or _DIGIT.search(t) or (
                rules.head_verb is not None and len(t) >= 2 and rules.head_verb.fullmatch(t)):
            break
        if not all("\u4e00" <= c <= "\u9fff" or c in "（）()" for c in t):
            break
        out.append(t)
        size += sum(1 for c in t if c not in "（）()")
        if size > max_subject:
            return "", False
    noun = "".join(out)
    if size < 2 or noun.count("（") != noun.count("）") or noun.count("(") != noun.count(")"):
        return "", False
    return noun, by_verb


_RELATIVE_OPEN = re.compile(r"(?:未|尚未|不|无|没有|已|逾期|存在|涉嫌|涉及|有)")  # a relative clause before 的
# a noun counted, then 各 and a verb: what follows is per item (三个街道各涉及…, 两镇各建成…; not 各类, 各项, 各级)
_EACH_VERB = re.compile(r"(?P<noun>[\u4e00-\u9fff（）()]{1,12}?)各(?![类项级种地部单界族自])(?=[\u4e00-\u9fff])")
_NEWLY = re.compile(r"(?:全[省市区县旗镇乡])?新(?:提拔|提任|任职|任|录用|招录|入职|进|晋升|选任|调入)")
_DONE_ON = re.compile(r"(?:^|[，,；;])?\s*对(?P<what>[\u4e00-\u9fff]{2,10}?)(?:集中|专门|专项)?(?:开展|进行|组织开展|组织)了?(?:共|累计)?")
_LIGHT_GAP = re.compile(r"(?:集中|专门|专项)?(?:开展|进行|组织开展|组织)了?(?:共|累计)?")
_PASSED = re.compile(r"通过[^，。；,;]{0,10}?(?:考试|考核|测试|验收|审核|评审|认证|评估|审查|审定)")
_MEANS_FIRST = re.compile(r"^(?:通过|以|采取)[^，。；,;]{1,12}?(?:形式|方式)")
_PEOPLE_DO = re.compile(r"(?:通过|以|采取)[^，。；,;]{1,12}?(?:形式|方式)|听取|旁听|观看|参与|参加|出席|列席|审议|评议|接受|受益|获得|获评")
_CLASS_WORDS = frozenset({"类别", "类", "大类", "种类", "门类", "领域", "方面", "板块", "个类别"})
_ROLE_END = re.compile(r"(?:示范引领|示范带动|示范|引领|带动|辐射|模范|桥梁纽带|桥梁|纽带|先锋模范)作用$")
_WORK_ON = re.compile(r"的(?P<work>[\u4e00-\u9fff、和及与]{2,12}?)(?:工作|任务)(?=[，。；,;]|$)")  # …事项的调整和公示工作
_SCOPE_ITEM = re.compile(r"(?:(?:国家|省|自治区|市|州|盟|区|县|旗|镇|乡|街道|村|社区)级|街道|乡镇|镇|乡|村|社区|园区|开发区)")
_TASK_ONLY = re.compile(r"(?:年度|全年)?(?:目标)?任务|年度目标")
_QUANTITY_OF_COUNTED = re.compile(r"(?:年|年度|总|累计|全年)?(?:产值|投资|营业收入|营收|销售收入|销售额|利润|税收|纳税|产量)")
_TOOK_PART_VERBS = frozenset({"参与", "参加", "出席", "列席", "旁听"})
_MEANS_INSIDE = re.compile(r"通过[\u4e00-\u9fff“”]{2,12}?(?:议事会|协商会|会议|机制|模式|平台|方式|形式|途径|渠道|载体|制度)")
_COVERED_AFTER = re.compile(r"[，,]\s*(?P<said>(?:均|全部)?实现[^，,。；;\d]{1,12}?全覆盖)(?=[，,。；;]|$)")
_OF_PART = re.compile(r"^(?:的)?(?:部分|全部|所有|相关|各类)?")
_TOOK_PART_IN = re.compile(r"参加|参与|参训")
_LEVEL_GAP = re.compile(r"[、，,]\s*(?:达到|达|升至|提高到|提升至|提高至|增至|为)\s*")  # …个百分点、达66.6%
_HEAD_THEN_STOP = re.compile(r"(?:点|站|室|所|中心|基地|平台|窗口|示范点|工程|项目|行动)(?=[，。；、,;]|$)")
_MADE_THING = re.compile(r"(?:指标|函|书|通知书|意见书|决定书)")  # a verb and this head make one noun (创建指标, 督办函)
_THINGS_UNITS = frozenset({"项", "条", "件", "份", "类"})  # units that count no bodies
_PART_HEADS = frozenset({"案件", "事项", "问题", "人员", "企业", "单位", "纠纷"})  # a short part by the whole's head
_FOR_THEM = re.compile(r"(?:为|向|帮助|帮|替|给)$")  # who was helped: the count right after
_CHANGE_MANNER = re.compile(r"(?:有所|略有|明显|大幅|稳步|持续|显著|进一步)?")  # 较上年的80宗有所上升: a change, no noun
_NEGATED_RELATIVE = re.compile(r"尚未|未|不(?!予)|无|没有|逾期|存在|涉嫌")  # the clause before 的 says what the things are not/have
_RATIO_NAME = re.compile(r"(?:占|相当于)[\u4e00-\u9fff]{2,}(?:比重|比例)$")  # X占Y比重, X相当于Y的比例
# a short bracketed variant inside a noun (村（社区）, 县（市、区）): words only, no figure
_VARIANT = re.compile(r"(?<=[\u4e00-\u9fff])[（(]([\u4e00-\u9fff]{1,3}(?:、[\u4e00-\u9fff]{1,3}){0,2})[）)]")
_RELATIONAL = ("涉及", "针对", "围绕", "涵盖", "包括", "包含", "关于", "有关")  # open a modifier, not an action
_ON_OCCASION = re.compile(r"^(?:[\u4e00-\u9fff]{0,10}?在)?(?P<occasion>[\u4e00-\u9fff]{2,14}?(?:会议|会))上$")  # where a count of times was
_ALL_OF_THEM = re.compile(r"[）)]均")  # 村（社区）均…: the 均 of all the places counted
_NOW_OR_DONE = re.compile(r"^(?:目前|已)")  # a time word before a manner (目前合规保留)
_MANNER_END = re.compile(r"(?:网上|线上|掌上|线下|现场|当场|一次性|全程)$")  # how, at a noun's end
_RATE_MANNER = re.compile(r"网上|线上|掌上|按期|按时|及时|一次性|全程|一网|即时|当场|现场")  # how, before a rate
_SCOPE_ONLY = re.compile(r"(?:全|我|本)(?:省|市|区|县|镇|乡|州|旗|盟|街道)")  # the report's own area
_OBJECT_OF = re.compile(r"(?<![针相面绝])(?:对|就)(?=[\u4e00-\u9fff]{6})")  # 对/就 + an object, then the event
_TO_WHOM = ("向", "为", "对", "给", "帮助")  # a preposition alone before people counted
_NEXT_ITEM = re.compile(r"(?:[和与、]|(?<![涉以普波危触])及)(?=\d)")  # a joiner opening the next counted item
_MANNER_ONLY = re.compile(r"书面|现场|集中|线上|线下|网上|当场|口头|集体|专题|外出|学习|行政|精准|依法|及时|主动")  # how, no noun (学习培训, 行政处理: one word)
_MANNER = re.compile(r"^(?:专题|集体|专门)")  # how an event after a count of times was done
_MEETING_END = re.compile(r"会(?:议)?$")  # a meeting that acts (…会议3次听取汇报)
_GRADE = re.compile(r"\d?[A-Z]{1,2}级?(?=[\u4e00-\u9fff])")  # 4A级 (景区), 5G (基站)
_AFTER_PREP = re.compile(r"(?:对|就|向|为)")  # a preposition opening the words after a count of times


def _event_after(r: IndicatorRules, after: str, *, max_subject: int) -> tuple[str, str]:
    """(verb, noun) of the action a count of times counts, said after the number: 对法治政府建设作出
    批示 -> (作出, 批示), 听取法治政府建设工作汇报 -> (听取, 法治政府建设工作汇报), 主持召开法治建设专题会议
    -> (主持召开, 法治建设专题会议); ("", "") when the words after do not open with verbs (or with a
    preposition and its object, then verbs) and a noun."""
    if r.verb_one is None:
        return "", ""
    m = _CLAUSE_END.search(after)
    words = _QUOTES.sub("", after[: m.start()] if m else after)
    if not words or _DIGIT.search(words):
        return "", ""
    tokens = _cut(words)
    if "".join(tokens) != words:
        return "", ""

    def is_verb(t: str, first: bool = True) -> bool:
        # (a head verb opens an event only: 听取…, 研究…; in 作出部署 the 部署 is what was made)
        t = _MANNER.sub("", t, count=1) if len(t) > 3 else t
        return bool(r.verb_one.fullmatch(t) or (r.subject_verb is not None and r.subject_verb.fullmatch(t))
                    or (first and len(t) >= 2 and t != "及时" and r.head_verb is not None
                        and r.head_verb.fullmatch(t)))

    i = 0
    if _MANNER.fullmatch(tokens[0]) and len(tokens) > 1 and is_verb(tokens[1]):
        tokens = [tokens[0] + tokens[1], *tokens[2:]]  # 专题研究, 集体学习: the manner goes with the verb
    if _AFTER_PREP.fullmatch(tokens[0]):
        # 对 + its object up to the first verb
        i = next((k for k in range(2, len(tokens)) if is_verb(tokens[k])), len(tokens))
    j = i
    while j < len(tokens) and is_verb(tokens[j], first=j == i):
        j += 1
        if j + 1 < len(tokens) and tokens[j] == "、" and is_verb(tokens[j + 1]):
            j += 1  # 先后30次主持、参与…会议: verbs listed together
    noun = _clean_edges("".join(tokens[j:]))
    if j > i and noun[:1] in _VERB_JOIN:
        # 先后4次专题学习和集中辅导: the events together, no verb of one (nor a light 进行)
        while i < j - 1 and r.subject_verb is not None and r.subject_verb.fullmatch(tokens[i]):
            i += 1
        return "", _shorten(r, _clean_edges("".join(tokens[i:])), max_subject)
    if j == i or len(noun) < 2 or _only_verbs(r, noun):
        return "", ""
    verb = "".join(tokens[i:j])
    if r.subject_verb is not None and r.subject_verb.fullmatch(verb):
        verb = ""  # a light verb (进行专题学习) is no verb of the fact
    return verb, _shorten(r, noun, max_subject)


def _token_verbs(rules: IndicatorRules, s: str):
    """The action verbs of ``s`` (matches) starting at a token start, from the third character on:
    where a noun before them may end (困难群众 | 发放救助金, 法治建设工作 | 作出批示)."""
    starts = _token_starts(s) if rules.verb_one is not None else None
    for i in sorted(starts or ()):
        if i >= 2 and (m := rules.verb_one.match(s, i)) is not None:
            yield m


def _head_cut(rules: IndicatorRules, s: str) -> int | None:
    """Where the noun opening ``s`` ends when a predicate follows its head (政府常务会议 | 专题研究…,
    法治宣传进村入户活动 | 并发放资料), or None: the end of the first token ending with a ``noun_end``
    that a verb or a ``head_verb`` follows."""
    if rules.noun_end is None or len(s) < 4:
        return None
    tokens = _cut(s)
    pos = 0
    for t, nxt in zip(tokens, tokens[1:], strict=False):
        pos += len(t)
        if pos >= 2 and rules.noun_end.search(t) and (
                (rules.head_verb is not None and rules.head_verb.match(nxt))
                or (rules.verb_one is not None and rules.verb_one.fullmatch(nxt))):
            if rules.pattern("verb_noun_head").fullmatch(s[pos + len(nxt):]):
                continue  # 41项上级部门收回事项: the verb and a head after it make the noun
            return pos
    return None


def _tail_verb(rules: IndicatorRules, s: str) -> str:
    """The action verb ending ``s`` when no noun stands between it and the number (细致梳理 ->
    梳理, 先后推出 -> 推出), else "" (开工道路, 法律援助案件: a noun ends them)."""
    if rules.verb_one is None or len(s) < 2:
        return ""
    starts = _token_starts(s)
    for i in range(max(0, len(s) - 4), len(s) - 1):
        m = rules.verb_one.match(s, i)
        if m is not None and m.end() == len(s) and (starts is None or i in starts):
            return m.group(0)
    return ""


_PEOPLE_NOUN = {"人": "人员", "名": "人员", "人次": "人次", "户": "户", "户次": "户次"}


def _done_to_people(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], i: int) -> str:
    """The bare verb a count of people or households names them by ("" when it has a noun): its subject
    when that is only verbs (检测 714万人次), or its verb when the subject is a money's or a measure's noun
    taken from the fact before (调拨1257万元防疫资金，入户核查37万户), or the pair's first (…37万户73万余人)."""
    f = facts[i]
    prev = facts[i - 1] if i > 0 and facts[i - 1]["sentence"] == f["sentence"] else None
    noun = _PEOPLE_NOUN.get(prev["unit"], "") if prev is not None else ""
    stem = prev["subject"][:-len(noun)] if noun and prev["subject"].endswith(noun) else ""
    if stem and prev["unit"] != f["unit"] and int(prev["end"]) == int(f["start"]) \
            and f["verb"] in ("", prev["verb"], f["subject"], stem):
        return stem  # 隔离2.4万户5.4万人: the pair's verb
    if f["subject"] and len(f["subject"]) <= 6 and not f["predicate"] and (
            _only_verbs(r, f["subject"]) or r.pattern("people_verb").fullmatch(f["subject"])) \
            and not _NOUN_FOLLOWS.match(norm, int(f["end"])):
        return f["subject"]  # (完成79户280人脱贫任务: the noun after says who they are)
    if prev is not None and prev["subject"] == f["subject"] and f["verb"] and len(f["verb"]) >= 2 \
            and prev["number_kind"] in ("amount", "measure") and not prev["verb"]:
        return f["verb"]
    return ""


def _a_slogan_of_parts(quoted: str) -> bool:
    """Whether a quoted list is a campaign's slogan (three parts or more, or parts of four characters or
    more: “学习新思想、奋进新征程”), not a named regime (“双随机、一公开” stays part of the noun)."""
    parts = [p for p in _SLOGAN_PARTS.split(quoted) if p]
    return len(parts) >= 3 or all(len(p) >= 4 for p in parts)


def _only_verbs(rules: IndicatorRules, s: str) -> bool:
    """True when ``s`` is verbs only (增加了, 办结, 开展, 建成通车), no noun."""
    s = s.rstrip("了")
    if not s:
        return False
    if rules.subject_verb is not None and rules.subject_verb.fullmatch(s):
        return True
    if rules.verb_noun is not None and rules.verb_noun.fullmatch(s):
        return False  # (审批服务, 服务事项: nouns of the table)
    if rules.verb_one is None:
        return False
    pos = 0
    while (m := rules.verb_one.match(s, pos)) is not None and m.end() > pos:
        pos = m.end()
        if s[pos:pos + 1] in _VERB_JOIN:
            pos += 1
    return pos == len(s)


def _predicate(rules: IndicatorRules, rest: str) -> str:
    """What the clause says after the counted noun (全部建成公共法律服务站 -> 建成公共法律服务站)."""
    m = _CLAUSE_END.search(rest)
    rest = rest[: m.start()] if m else rest
    rest = _QUOTES.sub("", _ASIDE_OPEN.split(rest, maxsplit=1)[0]).strip(_EDGE).rstrip("）)")  # (…述法（其中21名…）: an aside)
    if not rest.startswith(("有所", "略有")) and not _PASSED.match(rest):  # (有所上升: a change, whole; 通过考试)
        rest = _strip_repeat(rest, rules.subject_lead, lead=True)
    rest = _NEXT_ITEM.split(rest, 1)[0]  # 提标改造和12座水厂…: the next item is not this one's
    if rest.startswith("中") and len(rest) > 2:
        rest = rest[1:]  # 从87个候选地区中脱颖而出: the frame's 中 is no part of what is said
    if not rest or not ("\u4e00" <= rest[0] <= "\u9fff") or rest[0] in _VERB_JOIN or _DIGIT.search(_A_YEAR.sub("", rest)) \
            or rest[0] == "的":
        return ""  # 与100份海报, 惠及群众3000人: the words of the next fact; 在原33个成员单位的基础上: a frame
    return rest[:_PREDICATE_MAX]


def _split_verb(rules: IndicatorRules, phrase: str, *, trail: bool = True) -> tuple[str, str]:
    """(verb, noun) of a phrase: 受理行政复议案件 -> (受理, 行政复议案件); 开工道路 -> (开工, 道路);
    行政复议案件办结 -> (办结, 行政复议案件); 建成 -> (建成, ""); 培训班 -> ("", 培训班)."""
    if not phrase:
        return "", ""
    if "的" in phrase and (rel := _kept_relative(rules, phrase)):
        return "", rel  # 未按期整改的单位: a negated or existential clause before 的 is no verb of the noun
    if "通过" in phrase and (mi := _MEANS_INSIDE.search(phrase)) is not None and mi.start() >= 2:
        phrase = phrase[:mi.start()] + phrase[mi.end():]  # 岩山村通过民主议事会解决…纠纷: how, not who or what
    if "（" in phrase or "(" in phrase:
        phrase = _VERB_OPTION.sub(r"\1", phrase)
    if rules.verb_one is not None and len(phrase) > 6 and not _BENEFICIARY.match(phrase):
        phrase = _after_helped(rules, phrase)  # 镇法律服务所为群众提供法律咨询 -> 提供法律咨询
    inside = _inside_nouns(rules, phrase)
    if rules.verb_one is not None and _BENEFICIARY.match(phrase):
        st = _token_starts(phrase)
        for i in range(2, min(len(phrase) - 2, 12)):
            if (vm := rules.verb_one.match(phrase, i)) and (st is None or vm.end() in st or vm.end() == len(phrase)):
                # (向9.8万城乡低保人员发放低保金; 向县（市）区、开发区下放…: 开发 of 开发区 is no verb)
                phrase = phrase[i:]  # 为群众挽回经济损失 -> 挽回经济损失
                break
        else:
            if phrase[0] == "向" and rules.verbs_trail is not None and (tm := rules.verbs_trail.search(phrase)) \
                    and tm.start() >= 3 and tm.end() == len(phrase):
                return tm.group(0), ""  # 向市政府和县人大常委会报备9件: to whom, then the verb of the noun before
            phrase = phrase[1:] if phrase[0] == "为" and len(phrase) > 2 else phrase
    if rules.verb_one is not None and "、" in phrase:
        # a list of actions: 设立咨询台、悬挂横幅 -> 悬挂横幅 (a list of nouns stays whole)
        i = phrase.rfind("、") + 1
        if (vm := rules.verb_one.match(phrase, i)) and len(phrase) - i >= 4 and not _only_verbs(rules, phrase[:i - 1]) \
                and ((st := _token_starts(phrase[i:])) is None or vm.end() - i in st):
            # (向县（市）区、开发区下放…: 开发 of 开发区 is no verb)
            # (审查、备案政府合同: verbs joined by 、 share their noun)
            phrase = phrase[i:]
    if rules.verb_one is not None:
        # the chain of verbs at the start (调处化解, 新建改造), as long as two characters of noun
        # remain (完成营造林: 完成 + 营造林, not 完成营造 + 林)
        ends = []
        pos = 0
        nominal = _nominal_inside(phrase)
        starts = _token_starts(phrase) if len(phrase) >= 5 else None
        while pos not in inside and (m := (rules.verb_one.match(phrase, pos) or _second_verb(rules, phrase, pos, joined=bool(
                    ends) and phrase[pos - 1] in _VERB_JOIN))) is not None \
                and m.end() > pos and m.end() not in nominal \
                and not (starts is not None and m.end() < len(phrase) and m.end() not in starts
                         and (ends or _BODY_SUFFIX.match(phrase, m.end()))) \
                and not (ends and phrase.startswith(_RELATIONAL, pos)) \
                and not (ends and phrase.startswith(("新增", "新建"), pos) and len(phrase) - pos >= 4) \
                and not (ends and _MADE_THING.fullmatch(phrase, m.end())) \
                and not (m.groupdict().get("prefix") and m.end() < len(phrase)):
            # (清理涉及营商环境的规范性文件: 涉及 opens a modifier of the noun, not a second verb; a
            # prefixed verb is one only alone: 不予受理9件, but 明确不予处罚事项121项 -> 不予处罚事项)
            into = next((i for i in range(pos + 1, m.end()) if i in inside), None)
            if into is not None:
                # a verb running into a noun ends where the noun starts (优化审批服务 -> 优化 + 审批服务)
                if into - pos >= 2 and rules.verb_one.fullmatch(phrase, pos, into):
                    ends.append(into)
                break
            pos = m.end()
            ends.append(pos)
            if (phrase[pos:pos + 1] in _VERB_JOIN or phrase[pos:pos + 1] == "并") and (
                    rules.verb_one.match(phrase, pos + 1) or _second_verb(rules, phrase, pos + 1, joined=True)):
                pos += 1  # coordinated verbs: 新增及改善 (高等级航道), 听取和研究, 发现并纠正
        for vm in rules.pattern("verb_as_noun").finditer(phrase, 2):
            # (a noun of the table starting later holds it: 优化审批服务 -> 优化 + 审批服务, not 优化审批 + 服务;
            # one spanning the whole phrase is the generic …服务: 新增服务 -> 新增 + 服务)
            held = vm.start() in inside and rules.verb_noun is not None and any(
                0 < n.start() <= vm.start() < n.end() for n in rules.verb_noun.finditer(phrase))
            if vm.end() == len(phrase) and not held and _only_verbs(rules, phrase[:vm.start()]):
                return phrase[:vm.start()], vm.group(0)  # 新增服务 -> 新增 + 服务, 开展培训 -> 开展 + 培训
        if ends and ends[-1] == len(phrase):
            return phrase, ""
        for e in reversed(ends):
            if len(phrase) - e >= 2 or (len(ends) == 1 and phrase[e:] in _ONE_CHAR_PLACES):  # (新增镇 -> 新增 + 镇; 挂钩帮扶村 -> 挂钩 + 帮扶村)
                noun = phrase[e:].strip(_EDGE).lstrip("了")
                if phrase[:e] == "完成" and trail and rules.verbs_trail is not None \
                        and (tm := rules.verbs_trail.search(noun)) is not None and tm.start() >= 4 \
                        and e + tm.start() not in inside:
                    # 完成社区矫正对象入矫68人: what was done is the verb after the noun, 完成 says it was
                    what, how = noun[:tm.start()], ""
                    if (mm := _MANNER_END.search(what)) is not None and mm.start() >= 2:
                        what, how = what[:mm.start()], mm.group(0)  # (…事项网上办理: how it was done)
                    return how + tm.group(0), what
                return phrase[:e], noun
    if rules.agent is not None and rules.verb_one is not None:
        # an agent or a time before the verb: 平阳县查处违法用地案件, 明年将新建5G基站
        for i in range(1, len(phrase) - 3):
            if i not in inside and rules.verb_one.match(phrase, i) and rules.agent.search(phrase, 0, i):
                verb, noun = _split_verb(rules, phrase[i:], trail=trail)
                if verb and noun and not rules.pattern("verb_noun_head").fullmatch(noun):
                    # (上级部门收回事项: a head alone after the verb makes one noun with them)
                    return verb, noun
            if (bv := rules.pattern("body_acts").match(phrase, i)) is not None and len(phrase) - bv.end() >= 2 \
                    and rules.pattern("body_end").search(phrase, 0, i) is not None:
                # 人民调解委员会调解纠纷268件: the body, then what it did to the counted things
                return bv.group(0), phrase[bv.end():]
    if trail and rules.verbs_trail is not None:
        m = rules.verbs_trail.search(phrase)
        if m and m.start() >= 2 and m.start() not in inside and not _MANNER_ONLY.fullmatch(phrase[:m.start()]) \
                and (len(phrase) > 4 or (starts := _token_starts(phrase)) is None
                     or m.start() in starts):  # (政务公开46类: one word)
            # (书面述法3.4万人: 书面 is how, the activity is the noun)
            noun = _strip_repeat(phrase[: m.start()].strip(_EDGE), rules.subject_tail, lead=False)
            return m.group(0), (noun if len(noun) >= 2 else phrase[: m.start()].strip(_EDGE))
    return "", phrase


def _second_verb(rules: IndicatorRules, phrase: str, pos: int, *, joined: bool) -> re.Match | None:
    """A verb of the ``verb_second`` pattern at ``pos`` that is one of coordinated verbs: after a verb and
    a joiner (听取和研究), or before a joiner and a verb (研究和办理); else None (专题研究… stays in the name)."""
    m = rules.pattern("verb_second").match(phrase, pos)
    if m is None or joined or (phrase[m.end():m.end() + 1] in _VERB_JOIN
                               and rules.verb_one.match(phrase, m.end() + 1)):
        return m
    return None


def _after_helped(rules: IndicatorRules, phrase: str) -> str:
    """The phrase from the verb on when someone is helped or led before it (为群众提供法律咨询,
    指导村居开展…); else the phrase."""
    for m in _HELPED.finditer(phrase, 1):
        for end in range(m.end(), min(m.start() + 8, len(phrase) - 3)):
            vm = rules.verb_one.match(phrase, end)
            if vm is not None and len(phrase) - vm.end() >= 2:
                return phrase[end:]
    return phrase


def _inside_nouns(rules: IndicatorRules, phrase: str) -> frozenset[int]:
    """Offsets inside a noun of ``verb_noun`` (实施方案, 法律服务), where no verb starts."""
    if rules.verb_noun is None:
        return frozenset()
    return frozenset(i for m in rules.verb_noun.finditer(phrase) for i in range(m.start(), m.end()))


_REGIME_END = re.compile(r"(?:制|程序|模式)$")  # a regime things are handled by (告知承诺制, 简易程序)


def _token_verbs_in(rules: IndicatorRules, s: str) -> bool:
    """Whether a verb of the table opens ``s`` or starts at a token of it (保留 of 现区级保留)."""
    return (rules.verb_one is not None and rules.verb_one.match(s) is not None) or any(True for _ in _token_verbs(rules, s))


def _head_noun(rules: IndicatorRules, subject: str) -> tuple[str, str]:
    """(noun, verb) of a counted noun phrase with a modifier: the noun after the last
    ``subject_head`` word, the verb of the words before it (现区级保留的政务服务事项 -> 政务服务事项,
    保留; 公共服务等其他事项 -> 其他事项, "")."""
    if rules.subject_head is None or not subject:
        return subject, ""
    cut = None
    for m in rules.subject_head.finditer(subject):
        if len(subject) - m.end() >= 2:
            cut = m
    if cut is None:
        return subject, ""
    noun = _strip_repeat(subject[cut.end():].strip(_EDGE), rules.subject_lead, lead=True)
    if len(noun) < 2 or noun[0].isdigit():
        return subject, ""
    if rules.verb_one is not None and rules.verb_one.match(noun):
        v, rest = _split_verb(rules, noun)
        if v and len(rest) >= 2:
            return rest, v  # 物业管理协会等地设立基层法治观测点 -> 设立 + 基层法治观测点
    pre = _strip_repeat(subject[:cut.start()].strip(_EDGE), rules.subject_lead, lead=True)
    if cut.group(0) == "的" and rules.pattern("size_class").fullmatch(pre):
        return pre + noun, ""  # 100万元以上的项目 -> 100万元以上项目: a size class says which things
    if cut.group(0) == "的" and (rel := _kept_relative(rules, subject)):
        return rel, ""  # 存在问题的单位, 未按期整改的单位: what they are not or have says which things
    if cut.group(0) == "的" and _NEWLY.fullmatch(pre):
        return pre + noun, ""  # 新提拔的科级领导干部 -> 新提拔科级领导干部: who they are, not what was done
    if rules.pattern("qualifying_relative").fullmatch(pre):
        return noun, ""  # (符合条件的困难群众 -> 困难群众: a condition, no verb of what is counted)
    verb = ""
    if pre and rules.verb_one is not None and not cut.group(0).startswith("等"):
        # (警示教育、执法实务培训等活动: the examples before 等 hold no verb of the noun)
        m = rules.verb_one.match(pre)
        t = rules.verbs_trail.search(pre) if rules.verbs_trail is not None else None
        verb = t.group(0) if t else (m.group(0) if m else "")
        if m is not None and not t and cut.group(0) == "的" and not pre.startswith(_RELATIONAL):
            v, obj = _split_verb(rules, pre)
            if v and 2 <= len(obj) <= 6 and len(obj) + len(noun) <= 12 and not _DIGIT.search(obj):
                # 实行告知承诺制的证明事项 -> 实行 + 告知承诺制证明事项: the verb's object says which things
                return obj + noun, v
    if not verb and cut.group(0) == "的" and 3 <= len(pre) <= 7 and len(pre) + len(noun) <= 12 \
            and _REGIME_END.search(pre) and not _DIGIT.search(pre) and not _token_verbs_in(rules, pre):
        return pre + noun, ""  # (实行 | 告知承诺制的证明事项 -> 告知承诺制证明事项: the regime says which things)
    return noun, verb


def _noun_of_last_clause(rules: IndicatorRules, text: str, *, max_subject: int,
                         event: bool = False) -> str:
    """The noun the last clause of ``text`` is about ("" when none)."""
    last = [c for c in _CLAUSE_END.split(text) if c.strip()]
    return _noun_of_clause(rules, last[-1], max_subject=max_subject, event=event) if last else ""


def _noun_of_clause(rules: IndicatorRules, clause: str, *, max_subject: int, event: bool = False) -> str:
    """The noun an earlier clause is about: 开展“小散乱污”专项整治行动 -> 小散乱污; with ``event`` (a
    count of times or sessions) the event itself: 开展普法活动，共计56场 -> 普法活动."""
    if _TIME_CLAUSE.fullmatch(clause.strip(_EDGE)):
        return ""  # 今年以来，共计立案查处390件: a time names nothing
    phrase, _, _ = _before_phrase(rules, _QUOTES.sub("", clause), max_subject=max_subject)
    _, noun = _split_verb(rules, phrase)
    noun, _ = _head_noun(rules, noun)  # (调整部门部分行政权力事项，新增18项 -> 行政权力事项)
    if not event:
        noun = _strip_repeat(noun, rules.noun_tail, lead=False)
    if len(noun) < 2 or (_NUMBER_START.search(noun[:1]) and not noun.startswith(_NUMERAL_WORDS)):
        return ""  # (一般公共预算收入累计完成8.79亿元: 一般 is a word)
    return _shorten(rules, noun, max_subject)


@lru_cache(maxsize=1)
def _tokenizer():
    from fazhi.tokens import Tokenizer

    return Tokenizer()


@lru_cache(maxsize=200_000)
def _cut(text: str) -> tuple[str, ...]:
    """The lexicon's tokens of ``text`` (cached: the same phrases recur across reports)."""
    return tuple(_tokenizer().cut(text))


@lru_cache(maxsize=200_000)
def _token_starts(text: str) -> frozenset[int] | None:
    """Offsets where the lexicon's segmenter starts a token in ``text`` (None when its tokens do
    not spell ``text``)."""
    tokens = _cut(text)  # (one segmentation, cached once, serves both)
    if "".join(tokens) != text:
        return None
    starts, pos = set(), 0
    for t in tokens:
        starts.add(pos)
        pos += len(t)
    starts.add(pos)
    return frozenset(starts)


@lru_cache(maxsize=1)
def _lexicon_terms() -> frozenset[str]:
    """The governance terms of the lexicon (行政执法, 双随机, 政务服务 ...)."""
    return frozenset(w for w, _, _ in _tokenizer().lexicon.userdict)


def _lexicon_prefix(s: str) -> str:
    """The longest term of the lexicon opening ``s`` (行政执法文书规范率 -> 行政执法), or ""."""
    terms = _lexicon_terms()
    return next((s[:k] for k in range(min(len(s) - 1, 8), 1, -1) if s[:k] in terms), "")


_NOMINAL_EXTRA = ("报告",)  # nominal heads the compound table leaves out (述法报告)


@lru_cache(maxsize=1)
def _nominal_heads() -> tuple[str, ...]:
    """Heads that make a token a noun (述法 + 会议, 政务服务 + 事项清单): the lexicon's compound heads."""
    from fazhi.tokens import compound_rules

    heads = compound_rules(_tokenizer().lexicon).heads | frozenset(_NOMINAL_EXTRA)
    return tuple(sorted(heads, key=len, reverse=True))


@lru_cache(maxsize=200_000)
def _nominal_inside(phrase: str) -> frozenset[int]:
    """Offsets strictly inside a token of ``phrase`` that ends with a nominal head (述法会议,
    述法报告): no verb ends there (召开述法会议 -> 召开 + 述法会议, not 述法 + 会议)."""
    if len(phrase) < 4:
        return frozenset()
    heads = _nominal_heads()
    out: set[int] = set()
    pos = 0
    for t in _tokenizer().cut(phrase):
        if len(t) >= 3 and any(t.endswith(h) and len(t) > len(h) for h in heads):
            out.update(range(pos + 1, pos + len(t)))
        pos += len(t)
    return frozenset(out)


def _at_word_boundary(text: str, start: int, end: int) -> bool:
    """False when ``text[start:end]`` starts inside a word and runs on past that word's end
    (进企业 in 引进企业: 引进/企业), or ends inside a word it did not start in."""
    starts = _token_starts(text)
    if starts is None:
        return True
    if start not in starts:
        nxt = min((s for s in starts if s > start), default=len(text))
        if nxt < end:
            return False
    if end not in starts:
        prev = max((s for s in starts if s < end), default=0)
        if prev > start:
            return False
    return True


def category_of(rules: IndicatorRules, text: str, *, unit_kind: str, kind: str,
                verb: str = "") -> str | None:
    """The first category of ``indicators.tsv`` whose regex matches ``text`` at word boundaries
    (and whose kinds and verbs fit the fact), or None.

    >>> r = load_indicator_rules()
    >>> category_of(r, "引进企业", unit_kind="organisation", kind="count")
    'enterprises'
    """
    if not text:
        return None
    for cat in rules.categories:
        if cat.kinds and not (kind in cat.kinds or (kind != "growth" and unit_kind in cat.kinds)):
            continue
        if cat.verbs is not None and not cat.verbs.search(verb):
            continue
        pos = 0
        while pos <= len(text):
            m = cat.pattern.search(text, pos)
            if m is None:
                break
            if m.end() == m.start() or _at_word_boundary(text, m.start(), m.end()):
                return cat.category
            pos = m.start() + 1  # overlapping candidates: 法治进校园 -> 法治进 (no), 进校园 (yes)
    return None


_DATE_LEAD = re.compile(r"\s*(?:(?:19|20)\d\d年(?:度|底|末|初)?|\d{1,2}月(?:份|底|末|初)?)+")


def _opens_clause(text: str, pos: int) -> bool:
    """True when ``pos`` is within a few characters of the start of its clause in ``text``."""
    start = 0
    for m in _CLAUSE_MARK.finditer(text, 0, pos):
        start = m.end()
    if (dm := _DATE_LEAD.match(text, start, pos)) is not None:
        start = dm.end()  # (2024年计划开展…: the date opens the clause, the cue right after it)
    return pos - start <= _OPENS_CLAUSE


# a target cue modifying a noun (对拟做出的重大行政执法决定…, 计划实施的项目): no cue of the fact;
# only these cues modify nouns (确保完成上级下达的任务 is a target)
_RELATIVE = re.compile(r"[\u4e00-\u9fff]{1,8}?的")
_ADNOMINAL = frozenset({"拟", "计划", "预计"})
_SEGMENT_MARK = re.compile(r"[；;]")
_CARRIED_ON = "下同"  # a baseline note carried on past ；: 增长6.5%（同比，下同）；…


def _cue_hits(pattern: re.Pattern, text: str):
    """The matches of a target cue in ``text`` that are no relative clause (拟做出的决定)."""
    for m in pattern.finditer(text):
        rel = _RELATIVE.match(text, m.end()) if m.group(0) in _ADNOMINAL else None
        if rel is None or "年" in rel.group(0):
            yield m


def _introduces(text: str, m: re.Match) -> bool:
    """A cue introducing what follows: a colon closing its words or a copula closing it (目标是…)."""
    return bool(_INTRODUCING.match(text, m.end())) or m.group(0)[-1:] in "是为"


def _future_hits(rules: IndicatorRules, text: str, *, at_end: bool):
    """Starts of a future 将 before a verb or a level in ``text`` (将新建…, 将达到…); one right at
    the end counts when ``at_end``."""
    disposal = rules.pattern("disposal")
    for m in _FUTURE.finditer(text):
        if ((m.end() == len(text) and at_end) or rules.verb_one.match(text, m.end())
                or _LEVEL.match(text, m.end())) and not disposal.match(text, m.start()):
            yield m.start()  # (将创建示范区写入政府工作报告: 将 is 把, no future)


def _own_result(text: str, baselines: list) -> bool:
    """True when ``text`` states a past result of its own (其中一季度已…, 完成了, 累计; the ``past``
    cues of ``indicator_doc_status.tsv``): a comparison alone (同比) is none."""
    from fazhi.indicators.docstatus import doc_status_rules

    past = doc_status_rules().past
    if past is None:
        return False
    for m in past.finditer(text):
        if not any(b.match(text, m.start()) for b in baselines):
            return True
    return False


_YEAR_WORD = re.compile(r"20\d\d年|\d{1,2}月(?:份|底|末)?|\d{1,2}日")


def _numbered(text: str) -> bool:
    """True when ``text`` holds a number that is no date."""
    return any(c.isdigit() for c in _YEAR_WORD.sub("", text))


def _leads(segment: str, pos: int) -> bool:
    """True when a cue at ``pos`` opens a clause of ``segment``, no number stands before it but a
    date (2015年，成都预计全年… yes; 签约项目12个，计划完成投资8亿元 no: a result came first) and one
    follows it (确保全年不发生重大事故；全年排查隐患320处: a goal without a figure, then results)."""
    return (_opens_clause(segment, pos) and not _numbered(segment[:pos])
            and _numbered(segment[pos:]))


def _carried_target(rules: IndicatorRules, prior: str, rest: str) -> bool:
    """True when a target cue opening a segment of ``prior`` (the sentence before the fact's
    segment: 预计全年…；…), or introducing what follows (主要预期目标是：…；…), governs the fact
    across ；, and no later segment up to the number (``rest`` is the fact's own) states a result
    of its own."""
    starts = [0] + [m.end() for m in _SEGMENT_MARK.finditer(prior)]
    baselines = [c.pattern for c in rules.status_cues if c.status == "baseline"]
    for i in range(len(starts) - 1, -1, -1):
        ends = prior.find("；", starts[i]), prior.find(";", starts[i])
        seg_end = min((e for e in ends if e >= 0), default=len(prior))
        own = prior[starts[i]:seg_end].lstrip(_EDGE)
        opens = any(_leads(own, m.start()) or _introduces(own, m)
                    for cue in rules.status_cues if cue.status == "target" and cue.scope == "sentence"
                    for m in _cue_hits(cue.pattern, own))
        if not opens and rules.verb_one is not None and "将" in own:
            opens = any(_leads(own, p) for p in _future_hits(rules, own, at_end=False))
        if opens:
            return not _own_result(prior[seg_end:] + rest, baselines)
    return False


def _status(rules: IndicatorRules, sentence_before: str, clause_before: str, *,
            qualified: bool = True, growth: bool = True) -> str:
    """result, target or baseline of a fact from the words before it (``indicator_status.tsv``):
    a target cue in the fact's own clause, or opening an earlier clause of its segment (预计全年…，
    增长8%), or opening an earlier segment of the sentence (预计全年…；财政收入增长15%), unless a later
    clause states a result of its own (其中一季度已…); a baseline cue in the clause (scope clause) or
    the segment (scope sentence; past ； when it is a note carried on: 同比，下同). A cue modifying a
    noun (拟做出的决定) is none. Book titles are not read (《…学法计划》). ``sentence_before``: the
    sentence up to the number (from the previous 。！？ or line start; a segment ends at ；).
    ``qualified``: a level word stands between the words and the number (将达到68% is a target;
    将40名干部下沉至网格 is 把, no future). ``growth``: the fact is a growth (a comparison note carried
    on, 同比，下同, makes growths baselines, not the amounts after it)."""
    if len(clause_before) > len(sentence_before):
        sentence_before = clause_before
    if "《" in sentence_before:
        sentence_before = _BOOK_TITLE.sub(lambda m: "＿" * len(m.group(0)), sentence_before)
        clause_before = sentence_before[len(sentence_before) - len(clause_before):]
    cut = 0
    for m in _SEGMENT_MARK.finditer(sentence_before, 0, len(sentence_before) - len(clause_before)):
        cut = m.end()
    prior, segment = sentence_before[:cut], sentence_before[cut:]
    earlier = segment[: len(segment) - len(clause_before)]
    baselines = [c.pattern for c in rules.status_cues if c.status == "baseline"]
    if rules.verb_one is not None and "将" in segment:
        # a future 将 before a verb (将拆迁改造…, 将新增…): a target, like the cues of the table
        # (将 right before the number: 将达到68%, the qualifier read already)
        if any(True for _ in _future_hits(rules, clause_before, at_end=qualified)):
            return "target"
        for p in _future_hits(rules, earlier, at_end=True):
            if _opens_clause(earlier, p) and not _own_result(segment[p:], baselines):
                return "target"
    for cue in rules.status_cues:
        if cue.status == "target":
            if any(True for _ in _cue_hits(cue.pattern, clause_before)) or any(
                    ((_opens_clause(earlier, m.start()) and not _numbered(earlier[:m.start()]))
                     or _introduces(earlier, m))
                    and not _own_result(segment[m.end():], baselines)
                    for m in _cue_hits(cue.pattern, earlier)):
                return "target"
            continue
    if prior and _carried_target(rules, prior, segment):
        return "target"
    for cue in rules.status_cues:
        if cue.status == "target":
            continue
        if not growth and _CARRIED_ON in cue.pattern.pattern:
            continue
        text = clause_before if cue.scope == "clause" else segment
        if cue.pattern.search(text) or (cue.scope == "sentence" and any(
                _CARRIED_ON in m.group(0) for m in cue.pattern.finditer(prior))):
            return cue.status
    return "result"


def _words_since(norm: str, lo: int, hi: int, *, after_fact: bool) -> int:
    """Where the words that may name a fact's category start: ``lo``, or after a fact of the segment, past
    the rest of that fact's clause (6个村（社区）获评全国民主法治示范村（社区），3项…: not the villages')."""
    if after_fact and (m := _CLAUSE_END.search(norm, lo, hi)) is not None:
        return m.end()
    return lo


def _tail_words(name: str, room: int) -> list[str]:
    """The whole words at the end of ``name`` that fit in ``room`` characters (…中心组法治专题培训, 8 ->
    法治, 专题, 培训)."""
    words, taken = list(_cut(name)), []
    while words and sum(map(len, taken)) + len(words[-1]) <= room:
        taken.insert(0, words.pop())
    return taken


def _clause_start(norm: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the previous ，；。！？ or line break)."""
    return max((norm.rfind(c, 0, pos) for c in "，,；;。！？\n"), default=-1) + 1


def _sentence_start(norm: str, pos: int, *, breaks: str = "。！？\n") -> int:
    """Where the sentence holding ``pos`` starts (after the previous 。！？ or line break; ``breaks`` the
    marks that end one: with ；, the segment)."""
    return max(norm.rfind(c, 0, pos) for c in breaks) + 1


def _take_category(f: dict[str, Any], src: dict[str, Any]) -> None:
    """``f`` takes the category (and its label) of ``src``, whose thing it now names."""
    f["category"], f["label"] = src["category"], src["label"]


def _with_first_count(facts: list[dict[str, Any]]):
    """(the first count of its sentence with a subject, or None; the fact) for each fact, in order."""
    first: dict[str, Any] | None = None
    for f in facts:
        if first is None or first["sentence"] != f["sentence"]:
            first = f if f["number_kind"] not in ("rate", "growth") and f["subject"] else None
        yield first, f


def _time_taken(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """A duration before what was done in it names the task done after it, in place:
    60天完成2251.5亩征地拆迁 -> 征地拆迁 (verb 用时); 78天完成67座电力塔搬迁 -> 电力塔搬迁."""
    for f, nxt in zip(facts, facts[1:], strict=False):
        u = r.units.get(f["unit"])
        if u is not None and u.kind == "duration" and _TOOK.match(norm, f["end"]) and nxt["subject"] \
                and not _CLAUSE_MARK.search(norm, f["end"], nxt["start"]):
            task = nxt["subject"] + (nxt["predicate"] if len(nxt["predicate"]) <= 4 else "")
            f["subject"], f["verb"], f["predicate"] = task, "用时", ""


def _audience_of_event(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *,
                       max_subject: int) -> None:
    """A generic audience right after an event count of its segment is that event's, in place:
    举办系列讲座27期，培训学员4300余人次 -> 系列讲座培训学员; 开展宣传活动580余场次、受众15.7万余人 -> 宣传活动受众."""
    generic = r.pattern("audience_generic")
    named = r.pattern("event_named")
    for prev, f in zip([None, *facts], facts, strict=False):
        u = r.units.get(f["unit"])
        if u is None:
            continue
        pu = r.units.get(prev["unit"]) if prev is not None else None
        # an event count right before it in its segment
        after_event = pu is not None and pu.kind in _VERB_AFTER and bool(prev["subject"]) \
            and not _SEGMENT_END.search(norm, prev["end"], f["start"])
        if after_event and u.kind in _AUDIENCE and f["verb"] in _TRAINED and f["subject"] in (f["verb"], ""):
            f["subject"] = prev["subject"]  # 举办法治培训10期，培训1170余人次 -> 法治培训 · 培训
            continue
        if after_event and f["verb"] in _REACHED and u.kind in (*_AUDIENCE, "organisation", "household") \
                and f["subject"] and prev["subject"] not in f["subject"] and f["subject"] not in prev["subject"] \
                and len(prev["subject"]) + len(f["verb"]) + len(f["subject"]) <= max_subject:
            # 组织…等17场品牌活动，覆盖企业1500余家次 -> 品牌活动覆盖企业: whom the events reached
            taken = _tail_words(prev["subject"], _EVENT_PREFIX_MAX)
            if sum(map(len, taken)) >= 2:
                verb = "" if f["subject"].startswith(f["verb"]) else f["verb"]  # (受益群众: its verb said)
                f["subject"] = "".join(taken) + verb + f["subject"]
            continue
        if u.kind not in _AUDIENCE or not generic.fullmatch(f["subject"]):
            continue
        if not after_event or generic.fullmatch(prev["subject"]):
            # no event count before it: an event named in the clause before (举办…培训班，培训学员500人)
            lo = _clause_start(norm, int(f["start"]))
            em = named.search(norm, _clause_start(norm, max(lo - 1, 0)) if lo > 0 else 0, lo)
            if em is None or (prev is not None and prev["end"] > em.start()):
                continue
            event = em.group("event")
            if (tp := r.pattern("took_part").search(event)) and len(event) - tp.end() >= 2:
                event = event[tp.end():]  # 组织领导干部参加旁听庭审活动 -> 旁听庭审活动
        else:
            event = prev["subject"]
        taken = _tail_words(_QUOTES.sub("", event), min(max_subject - len(f["subject"]), _EVENT_PREFIX_MAX))
        while taken and len(taken[0]) == 1:
            taken.pop(0)  # (no stray character of a name cut: 逢九必讲专题法治讲座 -> 专题法治讲座)
        prefix = "".join(taken)
        if len(prefix) >= 2 and not (r.subject_verb is not None and r.subject_verb.fullmatch(taken[-1])):
            # (an event named by a light verb names none: 部举办)
            f["subject"] = prefix + f["subject"]


def _study_bodies(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """A bare study count right after the body that studied names it, in place: 政府常务会共学习16次 ->
    政府常务会学习; 区委理论学习中心组、区政府党组理论学习中心组共开展学习26次 -> 理论学习中心组学习 (the
    last body). A named study (集中学法) stays, as does a study after its forms (…等多种形式组织学习)."""
    by_body = r.pattern("study_by_body")
    bare, before = r.pattern("bare_study"), r.pattern("study_body_before")
    for f in facts:
        u = r.units.get(f["unit"])
        if u is None or u.kind not in _VERB_AFTER:
            continue
        start = int(f["start"])
        lo = _clause_start(norm, start)
        if not bare.fullmatch(f["subject"]):
            # a named study right after its body: 县委常委会、县委理论学习中心组学习习近平法治思想4次
            at = norm.rfind(f["subject"], lo, start) if f["subject"].startswith(_NAMED_STUDY) else -1
            named = [m for m in before.finditer(norm, lo, at)] if at > lo else []
            if named and named[-1].end() == at and norm[named[-1].start() - 1:named[-1].start()] not in _VERB_JOIN:
                # (one body; the last of several bodies listed is none of them: 县委常委会、县政府常务会、…中心组集中学习…)
                body = _AFTER_YEAR.sub("", named[-1].group(0))
                room = max_subject - len(f["subject"])
                taken = "".join(_tail_words(body, room))
                if len(taken) < 3:
                    # (党委理论学习中心组, one word: the longest core of it that fits, 中心组)
                    taken = max((c for c in _BODY_CORES if body.endswith(c) and len(c) <= room), key=len, default="")
                if len(taken) >= 3:
                    f["subject"] = taken + f["subject"]
            continue
        m = by_body.search(norm[lo:start].rstrip()) if f["subject"] in ("学习", "学法") else None
        if m is not None:
            name = m.group("body")
        else:
            # (a body named earlier in the sentence, no count between: 纳入党委中心组学习内容，全年学习12次)
            s0 = _sentence_start(norm, lo)
            if _DIGIT.search(norm, s0, lo) or not (named := list(before.finditer(norm, s0, lo))):
                continue
            name = named[-1].group(0)
        name = _AFTER_YEAR.sub("", name)  # (2024年县政府常务会议: no 年)
        taken = _tail_words(name, max_subject - len(f["subject"]))
        if taken:
            f["subject"] = "".join(taken) + f["subject"]


def _bodies_apart(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """Events of one name held by two bodies of one paragraph take each its body, in place: 市委理论学习中心组
    举办了2次专题报告会，市政府常务会议举办2次专题报告会 -> 市委理论学习中心组专题报告会, 市政府常务会议专题报告会.
    An event of one body keeps its name alone (县委常委会组织集中学法12次 -> 集中学法)."""
    body_of = r.pattern("event_body")
    groups: dict[tuple[int, str, str], list[dict[str, Any]]] = {}
    for f in facts:
        u = r.units.get(f["unit"])
        if u is not None and u.kind in _VERB_AFTER and f["subject"]:
            line = norm.rfind("\n", 0, int(f["start"])) + 1
            own = body_of.match(f["subject"])  # (县政府常务会议集中学法: the body is in the name already)
            event = f["subject"][own.end():] if own is not None and len(f["subject"]) - own.end() >= 2 else f["subject"]
            groups.setdefault((line, event, f["unit"]), []).append(f)
    for (_line, event, _u), same in groups.items():
        if len(same) < 2:
            continue
        named = []
        for f in same:
            start = int(f["start"])
            bodies = list(body_of.finditer(norm, _sentence_start(norm, start), start))
            named.append(_AFTER_YEAR.sub("", bodies[-1].group("body")) if bodies else "")
        if len(set(named)) < 2 or "" in named:
            continue  # (one body, or a count with none: the name is the event's)
        for f, body in zip(same, named, strict=True):
            if f["subject"] == event:
                f["subject"] = "".join(_tail_words(body, max_subject - len(event))) + event


def _examples_kept(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """A head that names nothing alone after examples and 等 keeps the last example, in place: 办理公共场所卫生
    许可、消毒产品许可等业务5650件 -> 消毒产品许可等业务; 公共服务等其他事项297项 -> 公共服务等其他事项."""
    generic = r.pattern("generic_after_examples")
    for f in facts:
        subject = f["subject"]
        if not generic.fullmatch(subject):
            continue
        start = int(f["start"])
        lo = _clause_start(norm, start)
        at = norm.rfind("等" + subject, lo, start)
        if at < 0 or _DIGIT.search(norm, at, start):
            continue
        raw = _ITEM_SPLIT.split(norm[lo:at])[-1]
        quoted = _QUOTED.findall(raw)
        item = quoted[-1] if quoted else raw.strip(_EDGE)  # (“法律进企业”“法律进社区”等活动: the last term)
        verb, noun = _split_verb(r, item)
        if not (verb and item.startswith(verb)):
            verb, noun = "", item  # (执法实务培训: a verb at the end is the item's name)
        noun = _strip_repeat(noun, r.subject_lead, lead=True)
        taken = _tail_words(noun, max_subject - len(subject) - 1)
        if sum(map(len, taken)) >= 2:
            f["subject"] = "".join(taken) + "等" + subject
            if verb and not f["verb"] and not quoted and lo + len(raw) == at and raw == norm[lo:at]:
                f["verb"] = verb  # (the clause's own verb, no list before it)


def _relative_verbs(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """A fact with no verb takes the verb of the relative clause right before its number, in place:
    承接省级要求下放的35项经济社会服务事项 -> 下放; 累计审查的规范性文件… stays (its verb is its own)."""
    for f in facts:
        if f["verb"] or f["number_kind"] in ("rate", "growth"):
            continue
        start = int(f["start"])
        lo = max(_clause_start(norm, start), start - 8)
        before = norm[lo:start].rstrip()
        if not before.endswith("的") or len(before) < 3:
            continue
        words = _cut(before[:-1])
        if words and len(words[-1]) >= 2 and _only_verbs(r, words[-1]) and not (
                r.subject_verb is not None and r.subject_verb.fullmatch(words[-1])):
            f["verb"] = words[-1]


def _money_verbs(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """Money named by a verb alone before its amount is that money, not the noun before it, in place:
    办理“税银贷”12.7亿元、退税8800万元 -> 退税 (not 税银贷 · 退税)."""
    named = r.pattern("money_verb_noun")
    for prev, f in zip([None, *facts], facts, strict=False):
        u = r.units.get(f["unit"])
        if u is None or u.kind != "money" or not named.fullmatch(f["verb"] or "") or f["subject"] == f["verb"]:
            continue
        start = int(f["start"])
        lo = max(_clause_start(norm, start), int(prev["end"]) if prev is not None and prev["end"] <= start else 0)
        words = norm[lo:start].strip(_EDGE + "、")
        words = _strip_repeat(words, r.subject_lead, lead=True) if words else words
        if words == f["verb"]:
            f["subject"], f["verb"] = words, ""


def _amount_involved(norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """A bare amount after a count of its sentence is that count's, in place: 对162家市场主体免予处罚，涉及金额
    58.6万元 -> 免予处罚金额 (what was done, else what was counted: 办理案件35件，涉案金额120万元 -> 案件涉案金额)."""
    for i in range(1, len(facts)):
        f, j = facts[i], i - 1
        area = f["subject"] in _BARE_AREAS and f["number_kind"] == "measure"  # 查处违法建设17处，拆除面积3200平方米
        while j > 0 and facts[j - 1]["sentence"] == f["sentence"] and (facts[j]["number_kind"] == "rate" or (
                area and facts[j]["unit"] in _PEOPLE_UNITS)):
            # (调解成功310起，调解成功率98.1%，涉及金额860万元: the rate of the count names no money;
            # 改造老旧小区37个，惠及居民5200户，面积86万平方米: nor do the people it served own the area)
            j -= 1
        prev = facts[j]
        bare = area or (f["subject"] in _BARE_AMOUNTS and f["number_kind"] == "amount")
        if area and prev["unit"] in _PEOPLE_UNITS:
            continue
        if not bare or prev["sentence"] != f["sentence"] \
                or prev["number_kind"] in ("rate", "growth", "amount") or _SEGMENT_END.search(norm, prev["end"], f["start"]):
            continue
        # (money of things counted is theirs: 4个特别国债项目已获批，争取资金10.1亿元 -> 特别国债项目资金)
        what = prev["predicate"] if 2 <= len(prev["predicate"]) <= 8 and "金额" in f["subject"] else prev["subject"]
        if len(what) >= 2:
            f["subject"] = "".join(_tail_words(what, max_subject - len(f["subject"]))) + f["subject"]
            if f["category"] in ("other", "rates"):
                _take_category(f, prev)


# a quantity of the things after it: 总投资86亿元的辽宁三木、渼瑞石油等12个重大产业项目 -> 重大产业项目总投资
# (the count after the examples names them); 投资56亿元的A产业园、20亿元的B项目 -> A产业园投资, B项目投资
_OF_THE_COUNTED = re.compile(r"的(?:[^，,。；;：:！？!?\n]{1,40}?等)?$")
_LIST_ITEM_END = re.compile(r"、|[和及与](?=[^，,。；;]{0,6}\d)")
_OF_THE_NEXT_ITEM = re.compile(r"的[^，,。；;：:！？!?\n的]{2,24}?[、和及]$")


def _quantity_head_before(r: IndicatorRules, norm: str, start: int) -> str:
    """The noun naming a quantity right before a number (总投资, 建筑面积), as whole words, or ""."""
    if r.quantity_head is None:
        return ""
    lo = max(norm.rfind(c, 0, start) for c in "，,；;：:。！？!?、\n") + 1
    m = r.quantity_head.search(norm, lo, start)
    if m is None:
        return ""
    words = _cut(norm[lo:start])
    last = words[-1] if words else ""
    if last.endswith(m.group(0)) and len(last) > len(m.group(0)) and len(last) <= 4:
        return last
    return ("总" if norm[m.start() - 1:m.start()] == "总" and m.start() > lo else "") + m.group(0)


def _quantity_of_what_follows(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *,
                              max_subject: int) -> None:
    """An amount or a measure before 的 is that of the thing after it, in place: 总投资1.2亿元的3个项目 ->
    项目总投资; 面积3.2万平方米的综合服务中心 -> 综合服务中心面积; an item of a list after 、 keeps the
    head of the first (投资56亿元的A产业园、20亿元的B项目 -> B项目投资)."""
    head_of: dict[int, str] = {}
    for i, f in enumerate(facts):
        if f["number_kind"] not in ("amount", "measure") or not norm.startswith("的", int(f["end"])):
            continue
        head = _quantity_head_before(r, norm, int(f["start"]))
        if not head and i > 0 and facts[i - 1]["sentence"] == f["sentence"] and (i - 1) in head_of \
                and _OF_THE_NEXT_ITEM.fullmatch(norm, int(facts[i - 1]["end"]), int(f["start"])):
            head = head_of[i - 1]
        if not head:
            continue
        head_of[i] = head
        nxt = facts[i + 1] if i + 1 < len(facts) else None
        if nxt is not None and nxt["sentence"] == f["sentence"] and nxt["number_kind"] == "count" \
                and nxt["subject"] and _OF_THE_COUNTED.fullmatch(norm, int(f["end"]), int(nxt["start"])):
            what = nxt["subject"]
        else:
            end = _CLAUSE_MARK.search(norm, int(f["end"]) + 1)
            after = norm[int(f["end"]) + 1:end.start() if end is not None else len(norm)]
            item = _LIST_ITEM_END.split(after, maxsplit=1)[0]
            what, _ = _noun_after(r, item, max_subject=max_subject)
            if not what and len(item) <= max_subject and (item != after or not _token_verbs_in(r, item)):
                what = item  # a name ending at the list's mark or the clause (A产业园、…)
        if len(what) < 2 or any(c.isdigit() for c in what) or r.pattern("quantity_of_not").search(what):
            continue
        room = max_subject + 4 - len(head)  # (a name is cut only at whole words, and only when long)
        f["subject"] = (("".join(_tail_words(what, room)) or what) if len(what) > room else what) + head
        if f["category"] in ("other", "rates") and nxt is not None and what == nxt["subject"]:
            _take_category(f, nxt)


_TOTAL_AFTER = re.compile(r"[，,；;]\s*(?:合计|共计|总计|总共|共)$")
_TOTAL_ITEM_GAP = re.compile(r"[、和及与，,]\s*[^\d，,。；;：:！？!?\n]{0,12}")


def _total_of_a_list(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """A total after a list of counts of different things is all of theirs, in place: 清理规章5件、规范性文件
    113件、其他政策措施847条，合计965条 -> 规章、规范性文件、其他政策措施 (not the last item's). Items of one
    category that add up to it are its parts (breakdown); a total of several categories goes to other."""
    for i, f in enumerate(facts):
        if i < 2 or f["number_kind"] != "count" or not _TOTAL_AFTER.search(norm, 0, int(f["start"])) \
                or _TOTAL_AFTER.search(norm, int(facts[i - 1]["end"]), int(f["start"])) is None:
            continue
        j = i - 1
        while j > 0 and facts[j - 1]["sentence"] == f["sentence"] and facts[j - 1]["number_kind"] == "count" \
                and _TOTAL_ITEM_GAP.fullmatch(norm, int(facts[j - 1]["end"]), int(facts[j]["start"])):
            j -= 1
        items = facts[j:i]
        names = list(dict.fromkeys(x["subject"] for x in items if x["subject"]))
        if len(items) < 2 or len(names) < 2 or len(names) != len(items) \
                or any(x["breakdown"] or x["number_kind"] != "count" for x in items):
            continue
        joined = "、".join(names)
        f["subject"] = joined if len(joined) <= max_subject + _COORD_EXTRA else names[0] + "等"
        verbs = {x["verb"] for x in items}
        f["verb"] = verbs.pop() if len(verbs) == 1 else ""
        if len({x["category"] for x in items}) == 1:
            _take_category(f, items[0])
            if abs(sum(float(x["value"]) for x in items) - float(f["value"])) < 1e-6:
                for x in items:
                    x["breakdown"] = True  # (the table counts the total once, not its parts again)
        else:
            f["category"], f["label"] = "other", r.labels.get("other", "other")  # a total of several columns is none of them


_SHARE_BEFORE_DE = re.compile(r"占[\u4e00-\u9fffA-Za-z]{2,20}的$")


def _share_of(norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """A percentage after 占…的 is a share, in place: 民生支出占一般公共预算支出的82% -> 民生支出占一般公共预算支出比重
    (as 占…比重 is named; not the 民生支出 itself)."""
    renamed: dict[tuple[str, str], str] = {}
    for f in facts:
        start = int(f["start"])
        if (new := renamed.get((f["sentence"], f["subject"]))) is not None and f["number_kind"] == "growth":
            f["subject"] = new  # (…的81.6%，比上年提高1.2个百分点: the change of the share)
            continue
        owner = f["subject"].split("占", 1)[0]
        if f["number_kind"] != "rate" or len(owner) < 2 or _SHARE_BEFORE_DE.search(norm, 0, start) is None:
            continue
        lo = max(norm.rfind(c, 0, start) for c in "，,；;：:。！？!?\n") + 1
        at = norm.find(owner + "占", lo, start)
        if at >= 0 and _SHARE_BEFORE_DE.search(norm, at, start) is not None:
            name = norm[at:start - 1] + "比重"
            if len(name) <= 2 * max_subject:
                renamed[(f["sentence"], f["subject"])] = name
                f["subject"] = name


_TITLE_YEAR = re.compile(r"^(?:19|20)\d\d(?:[—–-](?:19|20)?\d\d)?年(?:度)?")  # 《2023年度…目录》


_BARE_CHANGE = re.compile(r"(?:同比)?(?:增长|增加|下降|减少|提高|提升|上升|降低)了?")
_MANNER_OF_VERB = re.compile(r"^(?:直接|依法|共|累计|当场|现场)")


def _among_them(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """A count right after 中 of a count before it is a part of that one, in place: 审结的复议案件977件中
    直接纠错236件 -> 复议案件 · 直接纠错 (a breakdown, not a noun 中直接纠错)."""
    for a, f in zip(facts, facts[1:], strict=False):
        if not f["subject"].startswith("中") or not norm.startswith("中", int(a["end"])) \
                or not a["subject"] or a["number_kind"] != f["number_kind"]:
            continue
        done = f["subject"][1:]
        if _only_verbs(r, _MANNER_OF_VERB.sub("", done)) and not f["verb"]:
            f["subject"], f["verb"], f["breakdown"] = a["subject"], done, True
            _take_category(f, a)
        elif len(done) >= 2:
            f["subject"] = done


def _grades_of_one_evaluation(r: IndicatorRules, facts: list[dict[str, Any]]) -> None:
    """Grades listed after the name of an evaluation are its grades, in place: “好差评”非常满意802条，满意163条，
    满意率100% -> 好差评满意, 好差评满意率 (the name is said once, before the first grade)."""
    grade = r.pattern("grade")
    owner, sentence, whole = "", None, None
    for f in facts:
        if f["sentence"] != sentence:
            owner, sentence, whole = "", f["sentence"], None
        subject = f["subject"]
        graded = grade.fullmatch(subject) or (
            "和" in subject and all(grade.fullmatch(w) for w in _COORD_SPLIT.split(subject))) or (
            f["number_kind"] == "rate" and (gm := grade.match(subject)) is not None
            and subject[gm.end():] in ("率", "占比", "比例"))
        if (m := grade.search(subject)) is not None and m.end() == len(subject) and m.start() >= 2:
            owner = subject[:m.start()]  # 好差评 | 非常满意
        elif not owner and graded and whole is not None and whole["unit"] in (f["unit"], "%") \
                and f["number_kind"] != "rate":
            owner = whole["subject"]  # 接受群众评价6520条，其中非常满意5980条 -> 群众评价非常满意
            f["subject"] = owner + subject
        elif owner and graded:
            f["subject"] = owner + subject
        elif graded and f["unit"] == "票":
            f["subject"] = subject + "票"  # 满意26票，基本满意2票 -> 满意票, 基本满意票
        if not graded and f["number_kind"] not in ("rate", "growth") and subject:
            whole = f



def _people_at_events(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """People who took part in an event named after 的 count for it, in place: 举行了300余人参加的队列会操活动 ->
    队列会操活动 · 参加队列会操活动 (as 组织300人参加法治培训)."""
    for f in facts:
        if f["unit"] in _PEOPLE_UNITS and (pm := _PEOPLE_AT.match(norm, f["end"])) is not None:
            event = _shorten(r, _strip_repeat(_QUOTES.sub("", pm.group("event")), r.subject_lead, lead=True),
                             max_subject)
            if len(event) >= 2:
                f["subject"], f["verb"], f["predicate"] = event, "", pm.group("took") + pm.group("event")


def _about_shared_by_a_list(norm: str, facts: list[dict[str, Any]]) -> None:
    """左右 after the last number of a 分别 list is each one's, in place: 分别增长5%和7.5%左右 -> both 左右."""
    carry = False
    for i in range(len(facts) - 1, 0, -1):
        f, prev = facts[i], facts[i - 1]
        joined = prev["sentence"] == f["sentence"] and norm[int(prev["end"]):int(f["start"])].strip() in (*_JOINERS, "、")
        if joined and f["qualifier"] == "左右" and not prev["qualifier"] and (
                carry or _RESPECTIVELY.search(norm, max(0, int(prev["start"]) - 12), int(prev["start"]))):
            prev["qualifier"], carry = "左右", True
        else:
            carry = False


def _verb_of_a_pair(norm: str, facts: list[dict[str, Any]]) -> None:
    """The second number of a pair takes the first's verb, in place: 消除返贫风险445户1910人 -> both 消除 (the
    pair counts one thing done once)."""
    for prev, f in zip(facts, facts[1:], strict=False):
        if not f["verb"] and prev["verb"] and prev["subject"] == f["subject"] \
                and (int(prev["end"]) == int(f["start"])
                     or (f["unit"] != prev["unit"] and norm[int(prev["end"]):int(f["start"])] == "、")):
            f["verb"] = prev["verb"]  # (拆除违法建筑218处、5.6万平方米: both 拆除)


def _done_to_each_item(norm: str, facts: list[dict[str, Any]]) -> None:
    """What was done to each item of a list after 对 is their predicate, in place: 对重大行政决策20份、行政规范性
    文件66份进行归档整理 -> 进行归档整理 for both."""
    for f in facts:
        if not f["predicate"] and (dm := _DONE_TO_LIST.match(norm, int(f["end"]))) is not None \
                and "对" in norm[max(0, int(f["start"]) - 40):int(f["start"])]:
            f["predicate"] = dm.group("done")


def _money_of_named_things(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """Money invested in the thing named right after it is that thing's, and so is the next item's of the
    list, in place: 投资14亿元A项目、15亿元B项目 -> A项目投资, B项目投资 (not what it is for: 用于…, 的基础上)."""
    named_money = ""  # the quantity word of the last amount named by the thing after it
    for f in facts:
        said = norm[max(0, int(f["start"]) - 5):int(f["start"])]
        quantity = next((w for w in _INVESTMENT_WORDS if said.endswith(w)), "") \
            if f["subject"].endswith(_INVESTMENT_WORDS) else ""
        if f["number_kind"] == "amount" and not quantity and named_money and norm[int(f["start"]) - 1:int(f["start"])] == "、":
            quantity = named_money  # (the next item of the list)
        nm = _NAMED_AFTER.match(norm, int(f["end"])) if f["number_kind"] == "amount" and quantity else None
        if nm is not None and not nm.group(1).startswith(_NOT_A_NAME) \
                and not (r.verb_one is not None and r.verb_one.match(nm.group(1))):
            f["subject"], named_money = _shorten(r, _QUOTES.sub("", nm.group(1)) + quantity, max_subject), quantity
        else:
            named_money = ""


def _growth_after_an_excess(facts: list[dict[str, Any]]) -> None:
    """A growth after an excess over a task is of what was done, in place: 固定资产投资完成17亿元，超额完成年度任务
    2.1亿元，增长20.6% -> 固定资产投资, not 年度任务."""
    for i, f in enumerate(facts[2:], start=2):
        excess, owner = facts[i - 1], facts[i - 2]
        if f["number_kind"] == "growth" and excess["verb"] == "超额完成" and f["subject"] == excess["subject"] \
                and owner["sentence"] == f["sentence"] and owner["subject"] and owner["number_kind"] != "growth":
            f["subject"] = owner["subject"]
    for owner, excess in zip(facts, facts[1:], strict=False):
        if excess["verb"] == "超额完成" and _TASK_ONLY.fullmatch(excess["subject"]) and owner["subject"] \
                and owner["sentence"] == excess["sentence"] and owner["unit"] == excess["unit"] \
                and owner["number_kind"] != "growth":
            excess["subject"] = owner["subject"] + excess["subject"]  # 固定资产投资年度任务 · 超额完成


def _quantity_of_the_counted(norm: str, facts: list[dict[str, Any]]) -> None:
    """A bare quantity in the clause right after a count of things is theirs, in place: 引进…关联企业105家，年产值突破
    10亿元 -> …关联企业年产值; 组织实施重点项目136项，年度投资完成95亿元 -> 重点项目年度投资."""
    for a, f in zip(facts, facts[1:], strict=False):
        if f["number_kind"] not in ("amount", "measure") or not _QUANTITY_OF_COUNTED.fullmatch(f["subject"]) \
                or a["number_kind"] != "count" or len(a["subject"]) < 2 or a["sentence"] != f["sentence"] \
                or a["unit"] in _PEOPLE_UNITS:
            continue
        gap = norm[int(a["end"]):int(f["start"])]
        if gap[:1] in "，," and gap[1:].lstrip().startswith(f["subject"]) and not _CLAUSE_MARK.search(gap, 1) \
                and len(a["subject"]) + len(f["subject"]) <= 16:
            f["subject"] = a["subject"] + f["subject"]


def _status_of_a_following_growth(norm: str, facts: list[dict[str, Any]]) -> None:
    """A growth said right after a figure, in a clause of its own word, is of that figure's estimate or
    comparison, in place: 居民人均可支配收入预计4.6万元，增长10% / 较2021年增加1.86亿元，增长15%."""
    for prev, f in zip(facts, facts[1:], strict=False):
        if f["number_kind"] == "growth" and f["status"] == "result" and prev["status"] != "result" \
                and prev["sentence"] == f["sentence"] and prev["subject"] == f["subject"] \
                and _GROWTH_CLAUSE.fullmatch(norm[prev["end"]:f["start"]]):
            f["status"] = prev["status"]

def _work_done_on_them(norm: str, facts: list[dict[str, Any]]) -> None:
    """Things counted, then 的 and the work done on them, say it, in place; so do the counts listed before them:
    共完成5家单位，21项行政职权事项的调整和公示工作 -> 单位 · 调整和公示, 行政职权事项 · 调整和公示."""
    for i, f in enumerate(facts):
        if f["predicate"] or not f["subject"] or not norm.startswith(f["subject"], int(f["end"])):
            continue
        m = _WORK_ON.match(norm, int(f["end"]) + len(f["subject"]))
        if m is None:
            continue
        f["predicate"] = m.group("work")
        j = i
        while j > 0:
            p = facts[j - 1]
            gap = norm[int(p["end"]):int(facts[j]["start"])]
            if p["predicate"] or not p["subject"] or gap.removeprefix(p["subject"]) not in ("，", "、", "和", "及", ","):
                break
            p["predicate"] = m.group("work")
            j -= 1


def _per_each(norm: str, facts: list[dict[str, Any]]) -> None:
    """Counts after a counted noun and 各 are per item, in place: 三个街道各涉及5个类别28项权责事项 -> 每个街道类别,
    每个街道权责事项 (not totals)."""
    for i, f in enumerate(facts[:-1]):
        if not f["subject"] or f["number_kind"] in ("rate", "growth"):
            continue
        end = int(f["end"])
        m = _EACH_VERB.match(norm, end)
        if m is None or m.group("noun") != f["subject"].removesuffix("各"):
            continue
        f["subject"] = m.group("noun")  # (两个镇各建成…: 镇, not 镇各)
        each = "每" + (f["unit"] if len(f["unit"]) == 1 else "") + f["subject"]
        clause_end = _CLAUSE_MARK.search(norm, m.end())
        stop = clause_end.start() if clause_end is not None else len(norm)
        for g in facts[i + 1:]:
            if int(g["start"]) >= stop or not g["subject"]:
                break
            g["subject"] = each + g["subject"]
        if f["predicate"] and len(f["predicate"]) <= 2:
            f["predicate"] = ""


def _parts_keep_their_whole(norm: str, facts: list[dict[str, Any]]) -> None:
    """A part (其中…) named by the same head as its whole keeps the whole's words, in place: 不予行政处罚案件80件，
    其中涉企案件31件 -> 不予行政处罚涉企案件 (so two parts 涉企案件 of two wholes stay apart)."""
    whole, prev = None, None
    for f in facts:
        if f["breakdown"] and whole is not None and prev is not None and prev["breakdown"] \
                and whole["sentence"] == f["sentence"] and len(f["subject"]) >= 5 \
                and f["subject"][-2:] == whole["subject"][-2:] and f["unit"] == whole["unit"] \
                and "其中" not in norm[int(prev["end"]):int(f["start"])] and not _in_brackets(norm, int(whole["end"]), int(f["start"])) \
                and norm.find(f["subject"], int(prev["end"]), int(f["start"])) >= 0:  # (its own noun, not taken)
            # …不予行政处罚案件80件，其中涉企案件31件，从轻减轻行政处罚案件903件: a second whole, not a part
            f["breakdown"] = False
        prev = f
        if not f["breakdown"]:
            whole = f
            continue
        if whole is None or whole["sentence"] != f["sentence"] or whole["unit"] != f["unit"]:
            continue
        w, s = whole["subject"], f["subject"]
        if 3 <= len(s) <= 4 and len(w) >= 5 and s[-2:] == w[-2:] and s[-2:] in _PART_HEADS and s not in w \
                and w[:-2] not in s and f["number_kind"] == "count":
            f["subject"] = w[:-2] + s


def _coverage_of_the_list(norm: str, facts: list[dict[str, Any]]) -> None:
    """People counted clause by clause, then a clause saying all of them were covered, say it, in place:
    主要负责人及班子成员16人，…班子成员147人，实现述法全覆盖 -> both · 实现述法全覆盖."""
    for i, f in enumerate(facts):
        if f["unit"] not in _PEOPLE_UNITS or f["predicate"]:
            continue
        m = _COVERED_AFTER.match(norm, int(f["end"]))
        if m is None:
            continue
        said = m.group("said")
        f["predicate"] = said
        for p in reversed(facts[:i]):
            if p["sentence"] != f["sentence"] or p["unit"] not in _PEOPLE_UNITS or p["predicate"] \
                    or norm[int(p["end"]):int(p["end"]) + 1] not in "，,":
                break
            p["predicate"] = said


def _things_of_the_bodies(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """Things counted in 项/件/条 after a count of bodies and their things are those things, in place: 动态调整9个
    部门部分行政权力事项，新增25项、取消28项 -> 行政权力事项 · 新增, 行政权力事项 · 取消 (not 部门)."""
    body, topic = None, ""
    for f in facts:
        if body is not None and body["sentence"] != f["sentence"]:
            body, topic = None, ""
        if f["unit"] not in _THINGS_UNITS and _BODY_COUNTED.search(f["subject"]) \
                and norm.startswith(f["subject"], int(f["end"])):
            after = norm[int(f["end"]) + len(f["subject"]):]
            after = _OF_PART.sub("", after, count=1)
            topic, _ = _chunk(r, after, max_subject=max_subject)
            body = f if len(topic) >= 2 else None
            continue
        if body is not None and f["unit"] in _THINGS_UNITS and f["subject"] == body["subject"]:
            f["subject"] = topic


def _done_for_them(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """为124名劳动者追回欠薪316万元 -> 劳动者 · 追回欠薪: people a preposition names as helped take what
    was done for them (the next fact's words) as their predicate."""
    for i, f in enumerate(facts[:-1]):
        nxt = facts[i + 1]
        if f["unit"] not in _PEOPLE_UNITS or not f["subject"] or f["verb"] or f["predicate"] \
                or nxt["sentence"] != f["sentence"] or r.verb_one is None:
            continue
        lo = _clause_start(norm, int(f["start"]))
        if not _FOR_THEM.search(norm, lo, int(f["start"])):
            continue
        between = norm[int(f["end"]):int(nxt["start"])]
        if not between.startswith(f["subject"]) or _CLAUSE_MARK.search(between):
            continue
        done = between[len(f["subject"]):].strip(_EDGE)
        if 2 <= len(done) <= _PREDICATE_MAX and r.verb_one.match(done):
            f["predicate"] = done


def _items_of_a_list(norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """Bare 事项 after a list named by its title earlier in the sentence are that list's, in place:
    更新《三亚市市级权力清单》，梳理事项6392项 -> 市级权力清单事项 (the place before the title's words goes)."""
    for f in facts:
        if f["subject"] not in ("事项", "事项清单"):
            continue
        start = int(f["start"])
        titles = list(_LIST_TITLE.finditer(norm, _sentence_start(norm, start), start))
        if not titles:
            continue
        name = _PLACE_OPENING.sub("", _TITLE_YEAR.sub("", titles[-1].group(1)))
        if "事项" in name and len(name) <= max_subject:
            f["subject"] = name  # (《政务服务事项目录》，梳理事项清单177项 -> 政务服务事项目录)
        elif 2 <= len(name) <= max_subject - len(f["subject"]):
            f["subject"] = name + f["subject"]


def _levels_of_a_list(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """Levels listed before one noun share it, and an amount after the list is all of theirs, in place:
    6个盟级、42个旗级重点项目完成投资21亿元 -> 盟级重点项目, 旗级重点项目, 重点项目投资."""
    lw = r.pattern("level_word")
    for i in range(len(facts) - 2, -1, -1):  # (from the end: 8个国家级、62个省级、290个市级示范村 -> each)
        a, b = facts[i], facts[i + 1]
        if (bm := lw.match(b["subject"])) is None or a["unit"] != b["unit"] or len(b["subject"]) - bm.end() < 2:
            continue
        between = norm[int(a["end"]):int(b["start"])].strip()
        level = between[:-1]
        if not between or between[-1] not in "、和及与" or lw.fullmatch(level) is None:
            continue
        head = b["subject"][bm.end():]
        a["subject"] = level + head
        _take_category(a, b)
        b["verb"] = b["verb"] or a["verb"]  # (培育4个市级和11个县级示范村: one verb of both)
        if i + 2 < len(facts):
            c = facts[i + 2]
            if c["number_kind"] != "count" and c["subject"].startswith(b["subject"]) \
                    and norm.startswith(b["subject"], int(b["end"])) \
                    and len(head) + len(c["subject"]) - len(b["subject"]) <= max_subject:
                c["subject"] = head + c["subject"][len(b["subject"]):]  # (the list's total, not its last item's)


def _classes_of_the_next(norm: str, facts: list[dict[str, Any]]) -> None:
    """Classes counted right before the things they class are those things' classes, in place: 28个部门涉及9个类别
    共2210项权责事项 -> 权责事项类别 9个, 权责事项 2210项 (not 类别权责事项)."""
    for f, g in zip(facts, facts[1:], strict=False):
        classed = f["unit"] == "大类" and norm[int(f["end"]):int(g["start"])].strip(" 、，,") in ("", "共", "共计")
        if (f["subject"] not in _CLASS_WORDS and not classed) or not g["subject"] or f["sentence"] != g["sentence"]:
            continue
        gap = norm[int(f["end"]):int(g["start"])]
        if not classed and gap.removeprefix(f["subject"]).strip(" 、，,") not in ("", "共", "共计", "合计", "计"):
            continue
        noun = g["subject"].removeprefix(f["subject"]) if not classed else g["subject"]
        if len(noun) >= 2:
            if classed:
                f["verb"] = f["verb"] or g["verb"]
            f["subject"], g["subject"] = noun + ("类别" if classed else f["subject"]), noun
            _take_category(f, g)


def _scopes_of_a_list(norm: str, facts: list[dict[str, Any]]) -> None:
    """Scopes listed before their numbers share the noun after the last, in place: 赋予镇级65项、街道31项权力事项
    -> 镇级权力事项 (赋予), 街道权力事项 (赋予)."""
    for a, b in zip(facts, facts[1:], strict=False):
        # 区级审批服务事项896项、街道26项 -> 区级审批服务事项, 街道审批服务事项: a scope alone names the noun before
        gap = norm[int(a["end"]):int(b["start"])]
        if a["unit"] != b["unit"] or a["sentence"] != b["sentence"] or len(a["subject"]) < 2 \
                or gap[:1] not in ("、", "，") or _SCOPE_ITEM.fullmatch(b["subject"]) is None \
                or gap[1:].strip() != b["subject"]:
            continue
        lo = int(a["start"]) - len(a["subject"])
        sm = _SCOPE_ITEM.search(norm, max(0, lo - 6), lo) if norm.startswith(a["subject"], lo) else None
        if sm is not None and sm.end() == lo:
            a["subject"] = sm.group(0) + a["subject"]
            b["subject"] = b["subject"] + a["subject"][len(sm.group(0)):]
            _take_category(b, a)
    for i in range(len(facts) - 2, -1, -1):
        a, b = facts[i], facts[i + 1]
        if a["unit"] != b["unit"] or a["sentence"] != b["sentence"] or len(b["subject"]) < 2 \
                or not norm.startswith(b["subject"], int(b["end"])):
            continue
        gap = norm[int(a["end"]):int(b["start"])].strip()
        if not gap or gap[0] not in "、和及与" or (scope_b := _SCOPE_ITEM.fullmatch(gap[1:].strip())) is None:
            continue
        if (scope_a := _SCOPE_ITEM.search(a["subject"])) is None or scope_a.end() != len(a["subject"]) \
                or not norm.startswith(gap, int(a["end"])):
            continue
        noun = b["subject"]
        done = a["subject"][:scope_a.start()]
        a["verb"] = a["verb"] or (done if len(done) >= 2 else "")
        a["subject"] = scope_a.group(0) + noun
        b["subject"], b["verb"] = scope_b.group(0) + noun, b["verb"] or a["verb"]
        _take_category(a, b)


def _rate_of_a_list(norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """A rate right after a list of counts is the whole list's, not its last item's, in place: 办理人大代表建议45件、
    政协委员提案68件，办复率100% -> 人大代表建议和政协委员提案办复率 (a list done by one verb; 行政复议20件、行政诉讼33件，
    出庭率100%: no verb says the rate is of both)."""
    for i in range(2, len(facts)):
        f, j = facts[i], i - 1
        while j > 1 and facts[j]["number_kind"] == "rate" and facts[j]["start"] == f["start"]:
            j -= 1  # (办结率、满意率均为100%: the rates of one number share the list)
        b = facts[j]
        if f["number_kind"] != "rate" or not f["phrase"] or b["number_kind"] != "count" or not b["verb"] \
                or f["sentence"] != b["sentence"] or _SEGMENT_END.search(norm, int(b["end"]), int(f["start"])):
            continue
        items = [b]
        for a in reversed(facts[:j]):
            gap = norm[int(a["end"]):int(items[0]["start"])]
            if a["number_kind"] != "count" or a["unit"] != b["unit"] or a["verb"] != b["verb"] \
                    or not a["subject"] or gap[:1] not in _VERB_JOIN or _CLAUSE_MARK.search(gap):
                break
            items.insert(0, a)
        if len(items) < 2 or len({it["subject"] for it in items}) < len(items):
            continue
        own = ""  # the rate's own name: after the last item's noun, or the first's when 均 gave it theirs
        for name in (b["subject"], items[0]["subject"]):
            if f["subject"] in (_overlap_join(name, f["phrase"]), f["phrase"]):
                own = f["phrase"]  # (办结率、满意率均为100%: no noun of its own yet)
            elif f["subject"].startswith(name) and len(f["subject"]) > len(name) + 1 \
                    and f["subject"][len(name):] in f["phrase"]:
                own = f["subject"][len(name):]  # (办结率、满意率均为100%: each rate its own fact)
            if own:
                break
        if not own:
            continue
        names = [it["subject"] for it in items]
        k = 0
        while k < min(map(len, names)) and len({n[len(n) - k - 1] for n in names}) == 1:
            k += 1
        whole = names[0][len(names[0]) - k:].lstrip("级") if k >= 2 else "和".join(names)
        # (省级示范村、县级示范村 -> 示范村: the shared words start after the level)
        if len(whole) + len(own) <= max_subject + (_COORD_EXTRA if "、" in own else 0):
            f["subject"] = _overlap_join(whole, own)


def _took_part_before(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """People counted after what they took part in say it as their predicate, in place: 镇村干部参加学法考试120人
    -> 镇村干部 · 参加学法考试."""
    took = r.pattern("took_part")
    for f in facts:
        u = r.units.get(f["unit"])
        if u is None or u.kind not in _AUDIENCE or f["predicate"] or f["verb"] or len(f["subject"]) < 2:
            continue
        start = int(f["start"])
        pos = norm.rfind(f["subject"], _clause_start(norm, start), start)
        gap = norm[pos + len(f["subject"]):start] if pos >= 0 else ""
        if gap and took.match(gap) and len(gap) <= _PREDICATE_MAX and not _CLAUSE_MARK.search(gap):
            f["predicate"] = _QUOTES.sub("", gap)
        elif not gap and (tm := took.match(norm, int(f["end"]))) is not None and tm.end() > int(f["end"]):
            # 新提任科级领导干部120余人参加法律知识考试 -> · 参加法律知识考试 (what they took part in, after them)
            said = norm[int(f["end"]):]
            cm = _CLAUSE_MARK.search(said)
            said = _QUOTES.sub("", said[:cm.start()] if cm else said)
            if 2 < len(said) <= _PREDICATE_MAX and not _DIGIT.search(said):
                f["predicate"] = said


def _decisions_of_cases(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """Decisions made on the cases of the sentence's count are their verb, not a noun, in place: 办理行政复议案件58件，
    其中作出维持决定36件，撤销4件 -> 行政复议案件 · 维持, 行政复议案件 · 撤销 (not 维持决定 · 撤销)."""
    decision = r.pattern("decision_subject")
    for first, f in _with_first_count(facts):
        if first is None or first is f or not first["subject"] or (m := decision.fullmatch(f["subject"])) is None \
                or decision.fullmatch(first["subject"]) is not None:
            continue
        old = f["subject"]
        f["subject"], f["verb"] = first["subject"], m.group("how")
        _take_category(f, first)
        for g in facts:
            if int(g["start"]) > int(f["start"]) and g["sentence"] == f["sentence"] and g["subject"] == old:
                g["subject"] = first["subject"]  # (the items after it that took its noun)
                _take_category(g, first)


_BARE_HEADS = ("事项", "案件", "问题", "文件", "材料", "办件", "线索")  # a head that needs its modifier to name a column


def _bare_head_named_before(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """A bare head takes its name from a clause before in the sentence that names things of that head, in place:
    涉企经营许可事项实行清单管理，共梳理事项523项 -> 涉企经营许可事项; or from the frame the sentence opens with
    (本次法治政府自查中，共提交相关材料50余份 -> 法治政府自查材料)."""
    frame = r.pattern("frame_topic")
    for f in facts:
        if f["subject"] not in _BARE_HEADS:
            continue
        start = int(f["start"])
        c0 = _clause_start(norm, start)
        text = norm[_sentence_start(norm, start):c0]
        at = text.rfind(f["subject"])
        if at < 2:
            fm = frame.match(_QUOTES.sub("", _CLAUSE_END.split(text, 1)[0])) if _CLAUSE_END.search(text) else None
            if fm is not None and len(fm.group("what")) + len(f["subject"]) <= max_subject:
                f["subject"] = fm.group("what") + f["subject"]  # 本次法治政府自查中，共提交相关材料50余份
            continue
        clause = _CLAUSE_END.split(text[:at + len(f["subject"])])[-1]
        if _DIGIT.search(clause):
            continue  # (a count of its own: its fact names it)
        noun = _noun_of_clause(r, clause, max_subject=max_subject)
        if noun.endswith(f["subject"]) and len(noun) > len(f["subject"]) + 1:
            f["subject"] = noun


_ON_WHAT = re.compile(r"对(?P<what>[\u4e00-\u9fff]{2,12}?)(?:工作)?(?:作出|做出)$")  # what instructions were on


def _instructions_on(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """Instructions counted keep what they were on, so that two of one report stay apart, in place: 先后对依法治市
    工作作出批示15次 -> 依法治市批示 (and 对法治政府建设工作作出批示21次 -> 法治政府建设批示)."""
    event = r.pattern("instruction_event")
    for f in facts:
        if event.fullmatch(f["subject"]) is None:
            continue
        start = int(f["start"])
        text = norm[_clause_start(norm, start):start]
        at = text.rfind(f["subject"])
        if f["verb"] in ("作出", "做出"):
            m = _ON_WHAT.search(text, 0, at) if at > 0 else None
        elif not f["verb"]:
            # 党政主要负责同志对法治政府建设相关工作累计签批21次 -> 法治政府建设相关工作签批 (no 作出)
            m = _ON_WHAT_SIGNED.search(text, 0, at) if at > 0 else None
        else:
            continue
        if m is not None and len(m.group("what")) + len(f["subject"]) <= max_subject:
            f["subject"] = m.group("what") + f["subject"]


_ON_WHAT_SIGNED = re.compile(r"对(?P<what>[\u4e00-\u9fff]{2,12}?)(?:相关|有关)?(?:工作)?(?:累计|共|先后|共计)?$")  # 对…工作累计 | 签批
_NOUNS_BEFORE = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、){0,3}[\u4e00-\u9fff]{2,8}?)等?$")


def _each_did_their_part(norm: str, facts: list[dict[str, Any]]) -> None:
    """People counted after their noun, then what each did, are that noun, in place: 志愿者等3000余人各司其职 ->
    志愿者 · 各司其职."""
    for f in facts:
        if not f["subject"].startswith("各") or len(f["subject"]) > 4:
            continue
        start = int(f["start"])
        before = norm[_clause_start(norm, start):start].strip(_EDGE)
        m = _NOUNS_BEFORE.search(before)
        if m is not None and not _DIGIT.search(m.group(1)):
            noun = m.group(1)[:-1] if m.group(1).endswith("等") else m.group(1)
            if len(noun) >= 2:
                said = f["subject"] + ("、" + f["predicate"] if f["predicate"] else "")
                f["subject"], f["predicate"] = noun, said[:_PREDICATE_MAX]


_BODY_COUNTED = re.compile(r"(?:部门|单位|企业|村|社区|镇|街道|乡镇|镇街|机关|律师事务所|律所|学校|医院|窗口|中心|委办局)$")
_ON_THE_NEXT = re.compile(r"(?:对|就|为|向)(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)[\u4e00-\u9fff]")


def _acts_on_the_next(norm: str, facts: list[dict[str, Any]]) -> None:
    """Bodies counted, then what they did to the things of the next number, say it, in place: 17个委办局对182个事项
    实施告知承诺 -> 委办局 · 对182个事项实施告知承诺 (the things keep their own fact)."""
    for a, b in zip(facts, facts[1:], strict=False):
        if a["predicate"] or a["verb"] or not a["subject"]:
            continue
        tail = norm[int(a["end"]):int(b["start"])]
        # (旗本级43个部门…: the subject's words before the number are no part of the tail)
        own = next((a["subject"][k:] for k in range(len(a["subject"]) - 1) if tail.startswith(a["subject"][k:])), "")
        if not own:
            continue
        done = tail[len(own):]
        if not (b["predicate"] and _ON_THE_NEXT.match(done + b["raw"]) is not None) and not (
                # 全区19个部门共制定512个行政许可事项实施规范 -> 部门 · 制定512个行政许可事项实施规范
                _BODY_COUNTED.search(a["subject"]) and b["verb"] and done.endswith(b["verb"])
                and len(done) - len(b["verb"]) <= 2 and norm.startswith(b["subject"], int(b["end"]))) and not (
                # 旗本级43个部门1740项事项实现“一站式”办理 -> 部门 · 1740项事项实现一站式办理
                _BODY_COUNTED.search(a["subject"]) and not done and (b["predicate"] or b["verb"])
                and norm.startswith(b["subject"], int(b["end"]))):
            continue
        said = (norm[int(a["end"]) + len(own):int(b["end"])] + b["subject"] + b["predicate"]).lstrip("共均累计先后")
        if len(said) <= _PREDICATE_MAX + 4 and not _CLAUSE_MARK.search(said):
            a["predicate"] = said


def _opinions_of_a_review(facts: list[dict[str, Any]]) -> None:
    """Opinions given right after a count of reviews are the review's, in place: 审查各类合同50份，提出意见建议71条 ->
    审查意见建议 (not the 意见建议 of people's proposals)."""
    for a, b in zip(facts, facts[1:], strict=False):
        if b["subject"] in ("意见建议", "意见", "建议", "意见和建议") and b["verb"] == "提出" \
                and a["sentence"] == b["sentence"] and a["verb"].endswith(("审查", "审核")):
            b["subject"] = a["verb"][-2:] + b["subject"]
            _take_category(b, a)


def _measure_of_things(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """A bare measure right after the things counted before it is theirs, in place: 266个高频事项效率提升30%以上
    -> 高频事项效率 (the 266个 counts 高频事项)."""
    tail = r.pattern("measure_tail")
    for prev, f in zip(facts, facts[1:], strict=False):
        if tail.fullmatch(f["subject"]) and prev["subject"] and \
                norm.startswith(prev["subject"] + f["subject"], int(prev["end"])) and \
                len(prev["subject"]) + len(f["subject"]) <= max_subject:
            f["subject"] = prev["subject"] + f["subject"]


def _scopes_and_manners(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """In place: a count of the government's own level (市本级共办件9651件，其中行政许可9310件) says so, apart
    from the area's (全市…); a manner or a reason before the verb (合规保留36件, 其他原因废止65件) is no thing:
    the sentence's first count names it; a score takes the assessment of its frame (在…考评中得分102.25分)."""
    manner, score = r.pattern("manner_subject"), r.pattern("score_frame")
    procedure = r.pattern("procedure_subject")
    for first, f in _with_first_count(facts):
        start = int(f["start"])
        s0 = _sentence_start(norm, start, breaks="。！？；;\n")
        if (lv := _OWN_LEVEL.search(norm, s0, start)) is not None and lv.group(0) not in f["subject"] \
                and len(f["subject"]) + len(lv.group(0)) <= max_subject:
            f["subject"] = lv.group(0) + f["subject"]
        elif manner.fullmatch(f["subject"]) and f["verb"] and first is not None and first is not f \
                and not manner.fullmatch(first["subject"]):
            how = _NOW_OR_DONE.sub("", f["subject"])
            if how and len(how) + len(f["verb"]) <= 8 and not f["verb"].startswith(how):
                f["verb"] = how + f["verb"]  # (合规保留 and 其他原因废止 are two indicators of the documents)
            f["subject"] = first["subject"]
            _take_category(f, first)
        elif (pm := procedure.match(f["subject"])) is not None and first is not None and first is not f \
                and first["subject"] and procedure.match(first["subject"]) is None:
            f["subject"] = _shorten(r, pm.group("how") + first["subject"], max_subject)
            if f["category"] == "other":
                _take_category(f, first)
        elif f["subject"] in ("得分", "分数", "成绩", "综合得分") and (
                sm := score.search(norm, _clause_start(norm, start), start)) is not None:
            what = _AFTER_YEAR.sub("", _A_YEAR.sub("", sm.group("what")))
            if len(what) >= 2:
                f["subject"] = "".join(_tail_words(what, max_subject - len(f["subject"]))) + f["subject"]


def _award_winners(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """People counted by the honour they won, with no noun of their own, are its winners, in place: 1人获浙江省
    中医药监督执法竞赛第一名 -> 获奖人员 · 获浙江省中医药监督执法竞赛第一名."""
    award = r.pattern("award_after")
    for f in facts:
        u = r.units.get(f["unit"])
        if u is None or u.kind not in _AUDIENCE or award.match(norm, int(f["end"])) is None:
            continue
        m = _CLAUSE_END.search(norm, int(f["end"]))
        said = norm[int(f["end"]):m.start() if m else len(norm)].strip()
        if f["subject"] and f["subject"] not in _QUOTES.sub("", said):
            continue  # (调解员3人获评…: the people are named before the number)
        f["subject"], f["verb"], f["predicate"] = "获奖人员", "", _QUOTES.sub("", said)[:_PREDICATE_MAX]


def _benchmarks(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """A figure compared with a benchmark names what is compared and is a baseline comparison, in place:
    城镇居民人均可支配收入增速比全国高4.2个百分点 -> 城镇居民人均可支配收入增速 · 高 (baseline);
    居民消费价格指数低于全省0.2个百分点 -> 居民消费价格指数 · 低于."""
    bench = r.pattern("benchmark")
    prev = None
    for f in facts:
        start = int(f["start"])
        lo = _clause_start(norm, start)
        m = bench.match(norm, lo, start)
        before, prev = prev, f
        if m is None or m.end() != start:
            continue
        what = _strip_repeat(m.group("what").strip(_EDGE), r.subject_lead, lead=True)
        if (rm := _RESPECTIVELY.search(what)) is not None:
            # each item took its own fact (_distribute): it keeps it, without the comparison's words
            words = _TRAILING_NUMBERS.sub("", norm[m.end("what"):start])
            subject = f["subject"].removesuffix(words)
            what = subject if subject != f["subject"] and len(subject) >= 2 else what[:rm.start()]
        if len(what) < 2 and before is not None and before["subject"] \
                and not _SENTENCE_BREAK.search(norm, before["end"], lo):
            what = before["subject"]  # 上涨1.3%，低于全省0.2个百分点: the comparison of the fact before
        if len(what) < 2:
            continue
        f["subject"] = _shorten(r, what, max_subject)
        f["verb"] = m.group("verb") or m.group("verb2")
        than = (m.group("than") or m.group("than2") or "").strip(_EDGE)
        # 比全国、自治区和全市高4.2、4.3和3.2个百分点: the benchmarks go one to each number, in order
        benchmarks = [b for b in _COORD_SPLIT.split(than.replace("、", "和")) if b]
        numbers = len(_CHAIN_NUMBER.findall(norm, m.end("verb") if m.group("verb") else m.end("than2"), start)) + 1
        if len(benchmarks) > 1 and len(benchmarks) >= numbers:
            than = benchmarks[numbers - 1]
        f["predicate"] = ("比" if m.group("verb") else "") + than if than else ""
        if f["status"] == "result":
            f["status"] = "baseline"


def _money_for(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """Money named by a bare 投资 / 资金 says what it built, in place: 投资1200万元新建村级综合服务中心 ->
    村级综合服务中心投资; 投入资金300万元用于村级活动场所建设 -> 村级活动场所建设资金 (the noun after the last 的
    of the object: 建成集…于一体的红色法治基地 -> 红色法治基地)."""
    bare = r.pattern("money_bare")
    built = r.pattern("money_for")
    for f in facts:
        if not bare.fullmatch(f["subject"] or "") or (u := r.units.get(f["unit"])) is None or u.kind != "money":
            continue
        m = built.match(norm, int(f["end"]))
        if m is None:
            continue
        obj = m.group("what").rsplit("的", 1)[-1].strip(_EDGE)
        if 2 <= len(obj) <= max_subject - len(f["subject"]):
            f["subject"] = obj + f["subject"]


def _per_unit_average(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """An average per town, village or household says so in the subject, in place: 平均每镇（街道）梳理
    事项283项 -> 镇均事项 (as 村均集体经济收入)."""
    each = r.pattern("per_each")
    for f in facts:
        start = int(f["start"])
        m = each.search(norm, max(_clause_start(norm, start), start - 30), start)
        if m is not None and f["subject"] and not f["subject"].startswith(m.group("unit") + "均"):
            f["subject"] = m.group("unit") + "均" + f["subject"]


def _named_items(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """Named items of a list, in place: the verb before named examples is the fact's (新增“农村宅基地审批
    初审”等3项权责事项 -> 新增); a count right after the quoted name of one item, changed in a list
    (``list_change``: 取消, 下放 …), counts the kind of the fact before (新增…3项权责事项，取消“临时摊点备案”1项
    -> 权责事项 · 取消, the name as predicate; but 推出“地方特色一件事”3个 counts its own kind)."""
    changes = r.pattern("list_change")
    prev = None
    for f in facts:
        start = int(f["start"])
        head = norm[max(0, start - 40):start]
        if not f["verb"] and r.verb_one is not None and (vm := _VERB_EXAMPLES.search(head)) is not None \
                and r.verb_one.fullmatch(vm.group("verb")):
            f["verb"] = vm.group("verb")
        elif not f["verb"] and r.verb_one is not None and head.endswith("等") \
                and (cm := _EXAMPLES_CLAUSE.search(head)) is not None \
                and (vo := r.verb_one.match(what := _strip_repeat(cm.group("what"), r.subject_lead, lead=True))) \
                is not None and len(what) - vo.end() >= 4:
            f["verb"] = vo.group(0)  # 新建第一小学、实验中学等5所学校 -> 新建 + 学校 (unquoted examples)
        if prev is not None and head.endswith("”") and prev["unit"] == f["unit"] and prev["subject"] \
                and changes.fullmatch(f["verb"] or "") \
                and not _SEGMENT_END.search(norm, prev["end"], start):
            name = head[head.rfind("“") + 1:-1] if "“" in head else ""
            if name and _QUOTES.sub("", f["subject"]) == name:
                f["predicate"], f["subject"] = f["subject"], prev["subject"]
        prev = f


def _apply_notes(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """The status a bracketed note right after a number gives it (``indicator_status.tsv``, scope
    note), in place: 增长5.5%（预计） -> target; 增长6%（同比） -> baseline (a growth's). A note with
    下同 holds for the later facts of its line too (…增长5.5%（预计，同比，下同），规模工业增加值270亿元 ->
    target); a target note wins over a baseline one."""
    carried: tuple[str, ...] = ()
    line_end = -1
    prev = None
    # a cue word with its own 下同 (预计（下同）全年实现…): it holds from there to the end of its line
    cues = sorted([(m.end(), tuple(c.status for c in r.note_cues if c.pattern.search(m.group(1))))
                   for rx in (_CUE_CARRIED, _NOTE_CARRIED) for m in rx.finditer(norm)])
    # (and a note of its own after the noun: 全年实现地区生产总值（预计，下同）7100亿元左右)
    for f in facts:
        if f["start"] > line_end:
            carried = ()  # a note carried on holds to the end of its line (paragraph)
        while cues and cues[0][0] <= f["start"]:
            at, statuses = cues.pop(0)
            e = norm.find("\n", at)
            if statuses and f["start"] <= (len(norm) if e < 0 else e):
                carried, line_end = statuses, len(norm) if e < 0 else e
        m = _NOTE.match(norm, f["end"])
        note = m.group(1) if m else ""
        own = tuple(c.status for c in r.note_cues if c.pattern.search(note))
        if own and _CARRIED_ON in note:
            carried = own
            e = norm.find("\n", f["end"])
            line_end = len(norm) if e < 0 else e
        for status in own or carried:
            if status == "target" and f["status"] != "target":
                f["status"] = "target"
                if own and prev is not None and prev["subject"] == f["subject"] and \
                        f["start"] - prev["end"] <= _PAIR_GAP:
                    prev["status"] = "target"  # 地区生产总值595亿元，增长5.5%（预计）: the pair
                break
            if status == "baseline" and f["number_kind"] == "growth" and f["status"] == "result":
                f["status"] = "baseline"
                break
        prev = f


class _Bounds:
    """Sorted end offsets of one boundary pattern in a text, for O(log n) look-ups."""

    __slots__ = ("ends",)

    def __init__(self, ends: list[int]) -> None:
        self.ends = ends

    @staticmethod
    def of(text: str) -> tuple[_Bounds, _Bounds, _Bounds, _Bounds]:
        """Lines, clauses, segments and sentences of ``text`` (one pass over its punctuation)."""
        lines: list[int] = []
        clauses: list[int] = []
        segments: list[int] = []
        sentences: list[int] = []
        for m in _CLAUSE_END.finditer(text):
            e = m.end()
            c = text[e - 1]
            clauses.append(e)
            if c in _SEGMENT_CHARS:
                segments.append(e)
                if c in _SENTENCE_CHARS:
                    sentences.append(e)
                    if c == "\n":
                        lines.append(e)
        return _Bounds(lines), _Bounds(clauses), _Bounds(segments), _Bounds(sentences)

    def last(self, lo: int, hi: int) -> int:
        """End of the last boundary inside ``text[lo:hi]`` (``lo`` when none)."""
        i = bisect.bisect_right(self.ends, hi) - 1
        return self.ends[i] if i >= 0 and self.ends[i] > lo else lo

    def previous(self, pos: int, lo: int) -> int:
        """End of the last boundary strictly before ``pos`` - 1 (the clause before), or ``lo``."""
        i = bisect.bisect_left(self.ends, pos) - 1
        return self.ends[i] if i >= 0 and self.ends[i] > lo else lo

    def next(self, pos: int, default: int) -> int:
        """End of the first boundary at or after ``pos`` (``default`` when none)."""
        i = bisect.bisect_right(self.ends, pos)
        return self.ends[i] if i < len(self.ends) else default


def _unit_of(rules: IndicatorRules, m: re.Match, value: float,
             mult: str | None) -> tuple[Unit, float]:
    """The unit of a match and the value with a magnitude word folded in (1.5万份 -> 15000 份;
    3.5亿元 keeps 3.5 and the unit 亿元)."""
    if m.group("pct"):
        return rules.units.get("%") or Unit("%", "rate", "%", ""), value
    unit = rules.units[m.group("unit")]
    if mult:
        combined = rules.units.get(mult + unit.form)
        if unit.kind == "money" and combined is not None:
            return combined, value
        value *= MULTIPLIERS[mult]
    return unit, value


def extract_indicators(text: str, *, rules: IndicatorRules | str | Path | None = None,
                       max_subject: int = 16) -> list[dict[str, Any]]:
    """Numeric facts of one text, in order: dicts with category, phrase, subject, verb, predicate,
    number_kind, status, value, high, unit, qualifier, amount, base_unit, sentence, start, end (offsets of
    the number and unit in ``text``), raw (``text[start:end]``), label (the category in Chinese) and
    breakdown (True for a part of a fact before it in the sentence: 审结50件，其中维持30件 -> the 30; and for
    the items of a list that add up to a total after it: 规章5件、规范性文件113件，合计118件 -> the 5 and 113).

    ``rules``: an :class:`IndicatorRules` or a folder with replacement tables (default: the package's).
    Category: the first row of ``indicators.tsv`` matching the phrase or the subject; else matching
    the text since the previous fact in the same segment (；/。 delimited); else, when the phrase is
    short (<= 4 characters) or an audience or follow-up phrase (``subject_inherit``: 覆盖, 惠及, 其中
    ...), the previous fact's category in that segment; else other.

    >>> [(f["value"], f["unit"], f["qualifier"], f["category"])
    ...  for f in extract_indicators("累计发放法治宣传资料5000多份，接待咨询700多人次。")]
    [(5000.0, '份', '多', 'publicity_materials'), (700.0, '人次', '多', 'consultation')]
    """
    r = rules_of(rules)
    if not text:
        return []
    # full-width digits to ASCII: same length, so offsets stay valid
    norm = text.translate(_FULLWIDTH) if _HAS_FULLWIDTH.search(text) else text
    facts: list[dict[str, Any]] = []
    bounds: tuple[_Bounds, ...] | None = None
    prev_end = 0
    prev: dict[str, Any] | None = None
    topic = ""  # the noun of the segment's first fact
    kinds: list[str] = []  # the unit kind of each fact
    inside: list[bool] = []  # whether each fact stands inside brackets (a breakdown of the one before)
    clause_of: list[tuple[int, str, bool]] = []  # (clause start, clause, subject inherited) of each
    anchor: dict[str, Any] | None = None  # the last fact that is no part of another (其中, brackets)
    n = len(norm)
    for m in r.fact.finditer(norm):
        start, end = m.start(), m.end()
        value, mult = _number(m)
        if value is None:
            continue
        if bounds is None:
            bounds = _Bounds.of(norm)
        lines, clauses, segments, sentences = bounds
        line_start = lines.last(0, start)
        line_end = lines.next(end, n + 1) - 1
        left = norm[max(line_start, start - _LEFT):start]
        right = norm[end:min(line_end, end + _RIGHT)]
        if (hm := _RANGE_HIGH.match(right)) is not None and not (
                m.group("unit") not in (None, "%", "％") and _a_change(hm.group(0).strip()[:1], left)):
            continue  # the low end of a range (10%—20%, 1.2亿元—1.5亿元): the high end makes the fact
            # (由12件至15件 is a change: both stay)
        if _excluded(r, left, norm[start:end], right):
            continue
        unit, value = _unit_of(r, m, value, mult)
        sign = start - 2 if (start - 3 >= line_start and norm[start - 1] == " "
                             and "\u4e00" <= norm[start - 3] <= "\u9fff") else start - 1  # (增长- 39.7%)
        if unit.kind == "rate" and sign >= line_start and norm[sign] in _MINUS and not (
                sign - 1 >= line_start and (norm[sign - 1].isdigit() or norm[sign - 1] in "%％")):
            start, value = sign, -value  # 同比分别-6.2%、-19.3%
        # 5000多份, 1.2万余人, 30多万公里
        qualifier = r.qualifier_inner.get(m.group("inner") or m.group("pre") or "", "")
        q_start = start
        high = math.nan
        rm = _RANGE_LOW.search(left)
        if rm is not None and (lu := rm.group("lowunit")) and lu not in ("%", "％") and not (
                (unit.form.startswith(lu) or lu in ((mult or "") + (m.group("unit") or ""), mult))
                and not _a_change(rm.group("join"), left[:rm.start()])):
            rm = None  # (201.06亿元—204.05亿元: the unit said twice, joined by a dash; 由12件至15件 is a change)
        if rm is not None:
            low = _low_value(rm.group("low"))
            if low is not None:
                if mult and rm.group("low")[0].isdigit() and unit.kind != "money":
                    low *= MULTIPLIERS[mult]
                high, value = value, low
                q_start = start - (len(left) - rm.start())
        if r.qualifier_before is not None:
            # the longest qualifier ending at the number (超过 before 超, 达到 before 达), spaces
            # between them skipped (达到 35%)
            qe = q_start
            while qe > line_start and norm[qe - 1] == " ":
                qe -= 1
            lo = max(line_start, qe - 4)
            for i in range(lo, qe):
                qm = r.qualifier_before.match(norm, i, qe)
                if qm:
                    q_start = qm.start()
                    qualifier = qualifier or r.qualifier_before_values[int(qm.lastgroup[1:])]
                    break
        after = norm[end:min(line_end, end + max_subject + _PREDICATE_MAX + 6)]
        taken = 0  # the qualifier after the unit belongs to this fact, not to the next one's words
        spaced = after.lstrip(" ")  # (300 人 以上: spaces of page layout)
        for form, q in r.qualifier_after:
            if spaced.startswith(form) and not (
                    # (5个内设机构: 内 opens a word, no limit 3个工作日内)
                    len(form) == 1 and len(spaced) > 1 and "\u4e00" <= spaced[1] <= "\u9fff"
                    and _cut(spaced[:6])[0] != form):
                qualifier = qualifier or q
                taken = len(after) - len(spaced) + len(form)
                after = after[taken:]
                break
        # the clause before the number: from the previous ，；。 or the previous fact
        c0 = max(prev_end, line_start)
        clause_start = clauses.last(c0, q_start)
        clause = norm[clause_start:q_start]
        ps = prev["subject"] if prev is not None and clause_start == prev_end else ""
        if ps and not clause.startswith(ps) and clause[:1] in "“\"" and _QUOTES.sub("", clause).startswith(ps):
            # (the noun as written, its quotes included: 138名“四送一服”包保队员深入企业1600余人次)
            k, seen = 0, 0
            while k < len(clause) and seen < len(ps):
                seen += clause[k] not in "“”\""
                k += 1
            while k < len(clause) and clause[k] in "“”\"":
                k += 1
            ps = clause[:k]
        if ps and clause.startswith(ps) and (len(clause) >= len(ps) + 4 or clause == ps) and (
                norm[max(0, prev["start"] - len(ps)):prev["start"]] != ps):
            # the noun the previous number took after it is not this one's: 128家民营企业结对帮扶
            # 村132个, 5家企业新增就业岗位300个 -> 新增 + 就业岗位, 9个市(州)88个县(市、区)党委
            clause_start += len(ps)
            clause = clause[len(ps):]
        seg_start = segments.last(line_start, q_start)
        sent_start = sentences.last(line_start, start)
        same_segment = prev is not None and prev_end > seg_start
        if not same_segment:
            topic = ""
        bracketed = _in_brackets(norm, line_start, start)
        if bracketed:
            clause = _bracket_clause(r, clause)
        chain = _BARE_CHAIN.search(clause) or _BARE_LIST.search(clause)
        shared: list[tuple[int, int, float]] = []  # (start, end, value) of 120、 in 分别为120、118件
        if chain is not None:
            base = clause_start + chain.start(1)
            for nm in _CHAIN_NUMBER.finditer(chain.group(1)):
                v = _low_value(nm.group(0))
                if v is None:
                    shared = []
                    break
                if mult and nm.group(0)[0].isdigit() and unit.kind != "money":
                    v *= MULTIPLIERS[mult]
                shared.append((base + nm.start(), base + nm.end(), v))
            if shared:
                clause = clause[:chain.start(1)]
        kin = para = None
        for j in range(len(facts) - 1, -1, -1):
            if facts[j]["start"] < line_start:
                break
            if kinds[j] != unit.kind or facts[j]["number_kind"] in ("rate", "growth") or (
                    inside[j] and not bracketed):
                continue
            if facts[j]["start"] >= seg_start:
                kin = kin or facts[j]
            elif facts[j]["status"] == "result" and (
                    para is None or facts[j]["sentence"] == para["sentence"]):
                para = facts[j]  # the first such fact of the last sentence with one
            elif para is not None:
                break
        fact = _describe(r, unit, clause, after, max_subject=max_subject,
                         prev=prev if same_segment else None,
                         earlier=norm[seg_start:clause_start],
                         before_sentence=(norm[sentences.last(line_start, sent_start - 1):sent_start]
                                          if sent_start > line_start and _BREAKDOWN.match(
                                              norm, sent_start) else ""),
                         # (after a rate of the topic, the next bare rate is the topic's too:
                         # 办复率100%，满意率96%)
                         # (a bare rate right after a count of its own, no part of another, is that
                         # count's: 全程不见面审批事项514项，可办率达52%)
                         topic=(prev["subject"] if (same_segment and prev["number_kind"] not in ("rate", "growth")
                                                    and not prev["breakdown"] and not inside[-1] and prev["subject"]
                                                    and _RATE_NAME.match(norm[clauses.last(line_start, q_start):q_start].strip(_EDGE + "达为到"))
                                                    and prev is facts[-1])
                                else topic if (prev is not None and (prev["number_kind"] != "rate" or (
                                    topic and prev["subject"].startswith(topic)))) else ""),
                         kin=kin, para=para, touching=prev is not None and clause_start == prev_end,
                         prev_kind=kinds[-1] if (kinds and prev is facts[-1]) else None)
        inherited = fact.pop("inherited")
        if bracketed and not inherited and len(fact["subject"]) <= 2:
            # a breakdown in brackets: 法律援助案件186件（刑事22件、民事150件） -> 刑事法律援助案件
            p = next((j for j in range(len(facts) - 1, -1, -1) if not inside[j]), None)
            if p is not None and kinds[p] == unit.kind and facts[p]["start"] >= line_start \
                    and not facts[p]["subject"].startswith(fact["subject"]):
                fact["subject"] = _shorten(r, fact["subject"] + facts[p]["subject"], max_subject)
        if same_segment and prev is not None and prev["unit"] == unit.canonical and prev["subject"]:
            # a level or a per-unit word alone takes the noun before without its level: 创建省级示范村3个、
            # 市级8个 -> 市级示范村 (其中省级1个); 村级集体经济总收入1260万元，村均31.5万元 -> 村均集体经济总收入
            lw = r.pattern("level_word")
            level = lw.fullmatch(fact["subject"]) is not None
            sw = r.pattern("size_word")
            if not level and sw.fullmatch(fact["subject"]) and (sm := sw.match(prev["subject"])):
                fact["subject"] += prev["subject"][sm.end():]  # 其中3亿元以上17个 -> 3亿元以上项目
            elif not level and r.pattern("size_class").fullmatch(fact["subject"]) \
                    and not _DIGIT.search(prev["subject"]) and "以" not in prev["subject"]:
                fact["subject"] += prev["subject"]  # 引进企业120家，其中注册资金千万元以上46家 -> …以上企业
            elif level or r.pattern("per_unit").fullmatch(fact["subject"]):
                pm = lw.match(prev["subject"])
                rest = prev["subject"][pm.end():] if pm else prev["subject"]
                if len(rest) >= 2 or not level:
                    fact["subject"] = fact["subject"] + rest
        if not topic and fact["number_kind"] != "rate":
            topic = fact["subject"]
        fact["status"] = _status(r, norm[sent_start:q_start],
                                 norm[clauses.last(line_start, q_start):q_start],
                                 qualified=q_start < start, growth=fact["number_kind"] == "growth")
        if (bracketed and fact["status"] == "target" and fact["number_kind"] == "rate"
                and prev is not None and prev["number_kind"] == "rate" and prev["subject"]
                and "率" not in fact["subject"]):
            # 调撤率达80.9%（市考核指标50%以上） -> 调撤率市考核指标: a benchmark (a target by
            # indicator_status.tsv) of the rate before
            fact["subject"] = prev["subject"] + fact["subject"]
        phrase, subject = fact["phrase"], fact["subject"]
        inherit = same_segment and (len(phrase) <= _INHERIT_MAX or bool(
            r.subject_inherit and r.subject_inherit.search(phrase)))
        ukind, kind = unit.kind, fact["number_kind"]
        category = (category_of(r, phrase, unit_kind=ukind, kind=kind, verb=fact["verb"])
                    or category_of(r, subject, unit_kind=ukind, kind=kind, verb=fact["verb"])
                    # (what is said of them: 6个村（社区）获评全国民主法治示范村（社区）)
                    or category_of(r, fact["predicate"], unit_kind=ukind, kind=kind, verb=fact["verb"])
                    or category_of(r, _BOOK_TITLE.sub("", norm[_words_since(norm, max(seg_start, c0), q_start,
                                                                            after_fact=same_segment):q_start]),
                                   unit_kind=ukind, kind=kind, verb=fact["verb"])
                    or (prev["category"] if inherit and prev is not None else None)
                    or "other")
        sent_end = min(sentences.next(end - 1, n), line_end)
        # a part of a fact before it in the sentence (审结50件，其中维持30件; 法律援助案件512件（刑事213件）):
        # a table sums the whole, not its parts again
        between = norm[anchor["end"]:start] if anchor is not None and anchor["start"] >= sent_start else None
        breakdown = between is not None and (bracketed or ("其中" in between and "；" not in between))
        if not breakdown:
            anchor = fact
        fact.update({
            "category": category, "value": float(value), "high": float(high),
            "unit": unit.canonical, "qualifier": qualifier,
            "amount": float(value) * unit.scale, "base_unit": unit.base_unit,
            "sentence": text[sent_start:sent_end].strip(),
            "start": start, "end": end, "raw": text[start:end],
            "label": r.labels.get(category, category), "breakdown": breakdown,
        })
        for i, (cs, ce, v) in enumerate(shared):
            # each number of the list, with the unit they share
            facts.append({**fact, "value": v, "high": math.nan, "amount": v * unit.scale,
                          "qualifier": qualifier if taken else "", "start": cs, "end": ce,
                          "raw": text[cs:ce]})
            kinds.append(unit.kind)
            inside.append(bracketed)
            clause_of.append((clause_start, clause, inherited) if i == 0 else (cs, "", False))
        facts.append(fact)
        kinds.append(unit.kind)
        inside.append(bracketed)
        clause_of.append((start, "", False) if shared else (clause_start, clause, inherited))
        prev_end, prev = end + taken, fact
    if len(facts) > 1:
        _pair_nouns(r, norm, facts, clause_of)
        _distribute(r, norm, facts, clause_of, max_subject=max_subject)
        _carry_verbs(r, norm, facts, clause_of)
        _share_predicate(norm, facts)
        _from_to(norm, facts)
        facts = _drop_milestones(norm, facts)
    if r.note_cues and ("（" in norm or "(" in norm):
        _apply_notes(r, norm, facts)
    _time_taken(r, norm, facts)
    _audience_of_event(r, norm, facts, max_subject=max_subject)
    _named_items(r, norm, facts)
    _per_unit_average(r, norm, facts)
    _money_for(r, norm, facts, max_subject=max_subject)
    _benchmarks(r, norm, facts, max_subject=max_subject)
    _study_bodies(r, norm, facts, max_subject=max_subject)
    _bodies_apart(r, norm, facts, max_subject=max_subject)
    _examples_kept(r, norm, facts, max_subject=max_subject)
    _award_winners(r, norm, facts)
    _money_verbs(r, norm, facts)
    _amount_involved(norm, facts, max_subject=max_subject)
    _quantity_of_what_follows(r, norm, facts, max_subject=max_subject)
    _total_of_a_list(r, norm, facts, max_subject=max_subject)
    _among_them(r, norm, facts)
    _grades_of_one_evaluation(r, facts)
    _share_of(norm, facts, max_subject=max_subject)
    _items_of_a_list(norm, facts, max_subject=max_subject)
    _levels_of_a_list(r, norm, facts, max_subject=max_subject)
    _scopes_of_a_list(norm, facts)
    _classes_of_the_next(norm, facts)
    _rate_of_a_list(norm, facts, max_subject=max_subject)
    _took_part_before(r, norm, facts)
    _decisions_of_cases(r, norm, facts)
    _bare_head_named_before(r, norm, facts, max_subject=max_subject)
    _instructions_on(r, norm, facts, max_subject=max_subject)
    _each_did_their_part(norm, facts)
    _acts_on_the_next(norm, facts)
    _opinions_of_a_review(facts)
    _measure_of_things(r, norm, facts, max_subject=max_subject)
    _scopes_and_manners(r, norm, facts, max_subject=max_subject)
    _relative_verbs(r, norm, facts)
    took_part = r.pattern("took_part_after")
    for i, f in enumerate(facts):
        if not _BARE_CHANGE.fullmatch(f["subject"]):
            continue
        # 纠错236件…，较去年60件增长了近3倍: the change of the thing before (of its unit when it has one),
        # not a noun 增长了
        same = [p for p in facts[:i] if p["sentence"] == f["sentence"] and p["subject"]
                and not _BARE_CHANGE.fullmatch(p["subject"])]
        own = [p for p in same if p["unit"] == f["unit"]] or (same if f["unit"] in ("倍", "%") else [])
        if own:
            f["verb"] = f["verb"] or f["subject"]
            f["subject"] = own[-1]["subject"]
    _people_at_events(r, norm, facts, max_subject=max_subject)
    _about_shared_by_a_list(norm, facts)
    _verb_of_a_pair(norm, facts)
    _done_to_each_item(norm, facts)
    _money_of_named_things(r, norm, facts, max_subject=max_subject)
    _growth_after_an_excess(facts)
    _quantity_of_the_counted(norm, facts)
    _status_of_a_following_growth(norm, facts)
    _done_for_them(r, norm, facts)
    _things_of_the_bodies(r, norm, facts, max_subject=max_subject)
    _coverage_of_the_list(norm, facts)
    _parts_keep_their_whole(norm, facts)
    _work_done_on_them(norm, facts)
    _per_each(norm, facts)
    for i, f in enumerate(facts):
        if len(f["subject"]) > 2 and f["subject"].endswith(("约", "约为")) and f["number_kind"] == "rate":
            # 纠错率约为24%: the qualifier stands before 为, not before the number
            f["subject"] = f["subject"][:-2 if f["subject"].endswith("约为") else -1]
            f["qualifier"] = f["qualifier"] or "约"
        if f["unit"] in _PEOPLE_UNITS and took_part.fullmatch(f["subject"]):
            f["subject"] += "人员"  # 参加…考试，参考486人 -> 参考人员 (as 486人参考)
        elif f["unit"] in _PEOPLE_NOUN and (done := _done_to_people(r, norm, facts, i)):
            # 累计检测714万人次 -> 检测人次; 调拨…防疫资金，入户核查37万户 -> 入户核查户 (not the money's noun):
            # people or households a bare verb was done to
            f["subject"], f["verb"] = done + _PEOPLE_NOUN[f["unit"]], ""
        if f["subject"] and not any(c.isalnum() for c in f["subject"]):
            f["subject"] = ""  # （）12件: brackets alone name nothing
        _newly_promoted(norm, f)
        if (om := _ON_OCCASION.match(f["subject"])) is not None:
            f["subject"] = om.group("occasion")  # 市长在市政府党组会议上9次专题研究…: the meeting, then what it did
        if (am := _ALL_OF_THEM.search(f["subject"])) is not None:
            # 45个村（社区）均建成…，覆盖率100%: the 均 of all of them, no per-unit word; what follows it is
            # what is said of them (12个村（社区）均配备法律顾问 -> 村（社区） · 配备法律顾问)
            said = f["subject"][am.end():]
            f["subject"] = f["subject"][:am.start() + 1] + (said if f["number_kind"] == "rate" else "")
            if said and f["number_kind"] != "rate" and not f["predicate"]:
                f["predicate"] = said
        if "（" in f["subject"] or "(" in f["subject"]:
            # an aside goes (法治丽水（法治政府）建设推进会 -> 法治丽水建设推进会), a short variant is
            # written out (村（社区） -> 村社区)
            f["subject"] = _unwrap_variants(_strip_asides(f["subject"]) or f["subject"])
        if "的" in f["subject"][1:-1] and len(f["subject"]) > 4:
            # 新制发公文的主动公开率 -> 新制发公文主动公开率: the label without its 的 (a token 的 only)
            f["subject"] = "".join(t for t in _cut(f["subject"]) if t != "的")
        if (pm := r.pattern("place_inside").match(f["subject"])) is not None:
            f["subject"] = f["subject"][pm.end():]  # 为镇内10余家企业 -> 企业
        if f["predicate"] and (mw := _MANNER_END.search(f["subject"])) is not None and mw.start() >= 2:
            # 30余项其他依申请类事项网上受理 -> 其他依申请类事项 · 网上受理: how it is done is the predicate's
            f["subject"], f["predicate"] = f["subject"][:mw.start()], mw.group(0) + f["predicate"]
        if (lv := r.pattern("light_verb_after").search(f["subject"])) is not None and lv.start() >= 2 \
                and f["number_kind"] != "rate":
            # 法治宣传活动开展12次, 法治讲座举办8场 -> 法治宣传活动: a light verb after its event goes, as it
            # does before it (开展法治讲座8场: no verb)
            f["subject"] = f["subject"][:lv.start()]
        _action_in_times(r, norm, f, max_subject=max_subject)
        _who_took_part_covered(norm, f)
        _share_of_the_counted(norm, facts, i)
        _level_after_a_growth(norm, facts, i)
        _powers_of_bodies(r, norm, f, max_subject=max_subject)
        _role_played(f)
        if "各" in f["subject"][1:]:
            # 机关各支部理论学习 -> 机关支部理论学习: a distributive 各 inside the noun names nothing
            f["subject"] = r.pattern("inner_each").sub("", f["subject"])
    facts = _split_each(r, norm, _split_shared_rates(norm, facts))
    _actors(r, norm, facts)
    _frames(r, norm, facts, max_subject=max_subject)
    return facts


def _newly_promoted(norm: str, f: dict[str, Any]) -> None:
    """新提拔的56名科级领导干部参加… -> 新提拔科级领导干部: who they are, not a count of promotions (in place)."""
    if f["verb"] and _NEWLY.fullmatch(new := "新" + f["verb"]) \
            and norm.find(new, _clause_start(norm, int(f["start"])), int(f["start"])) >= 0:
        f["subject"], f["verb"] = new + f["subject"], ""


def _counts_times(r: IndicatorRules, f: dict[str, Any]) -> bool:
    """Whether the fact counts times of an event (次, 场, 期 …)."""
    u = r.units.get(f["unit"])
    return u is not None and u.kind in _VERB_AFTER


def _action_in_times(r: IndicatorRules, norm: str, f: dict[str, Any], *, max_subject: int) -> None:
    """An action on a noun counted in times names it, in place: 对规范性文件开展1次全面清理 -> 规范性文件清理;
    对行政执法案卷开展2次集中评查 -> 行政执法案卷集中评查."""
    if not f["subject"] or not _counts_times(r, f):
        return
    start = int(f["start"])
    lo = _clause_start(norm, start)
    if f["predicate"] and len(f["predicate"]) <= 4 and _only_verbs(r, f["predicate"]):
        at = norm.rfind(f["subject"], lo, start)
        if at >= 0 and _LIGHT_GAP.fullmatch(norm, at + len(f["subject"]), start):
            f["subject"], f["predicate"] = f["subject"] + f["predicate"], ""
    elif norm.startswith(f["subject"], int(f["end"])) and (om := _DONE_ON.search(norm, lo, start)) is not None \
            and om.end() == start and len(om.group("what")) + len(f["subject"]) <= max_subject \
            and not _DIGIT.search(om.group("what")):
        f["subject"] = om.group("what") + f["subject"]


def _who_took_part_covered(norm: str, f: dict[str, Any]) -> None:
    """Who took part in the clause before is whom a coverage counts, in place: 镇村干部、行政执法人员参加法治培训，
    覆盖300余人次 -> 镇村干部、行政执法人员 · 参加法治培训."""
    if f["verb"] not in ("覆盖", "惠及") or (tp := _TOOK_PART_IN.search(f["subject"])) is None or tp.start() < 2:
        return
    who = f["subject"][:tp.start()]
    at = norm.rfind(who + tp.group(0), _sentence_start(norm, int(f["start"])), int(f["start"]))
    if at >= 0:
        cm = _CLAUSE_MARK.search(norm, at)
        said = norm[at + len(who):cm.start() if cm else int(f["start"])]
        if len(said) <= _PREDICATE_MAX:
            f["subject"], f["verb"], f["predicate"] = who, "", _QUOTES.sub("", said)


def _share_of_the_counted(norm: str, facts: list[dict[str, Any]], i: int) -> None:
    """A share right after a count is of the things counted, in place: 241个涉企服务事项100%全程网办 -> 涉企服务事项 ·
    全程网办."""
    f = facts[i]
    if f["number_kind"] == "rate" and i > 0 and (p := facts[i - 1])["number_kind"] == "count" \
            and len(p["subject"]) >= 2 and norm[int(p["end"]):int(f["start"])] == p["subject"] \
            and f["subject"] != p["subject"] and not _RATE_END.search(f["subject"]):
        f["subject"], f["predicate"] = p["subject"], f["predicate"] or f["subject"]


def _level_after_a_growth(norm: str, facts: list[dict[str, Any]], i: int) -> None:
    """比重提高15.6个百分点、达66.6%: the level reached is a rate, not a second growth (in place)."""
    f = facts[i]
    if f["number_kind"] == "growth" and f["unit"] in ("%", "％") and i > 0 \
            and _LEVEL_GAP.fullmatch(norm, int(facts[i - 1]["end"]), int(f["start"])):
        f["number_kind"], f["verb"] = "rate", ""


def _powers_of_bodies(r: IndicatorRules, norm: str, f: dict[str, Any], *, max_subject: int) -> None:
    """项 counts the powers of the bodies named, not the bodies, in place: 将8项市政府部门的行政执法职能赋予乡镇 ->
    市政府部门行政执法职能."""
    if f["unit"] in _THINGS_UNITS and _BODY_COUNTED.search(f["subject"]) \
            and norm.startswith(f["subject"] + "的", int(f["end"])):
        owned, _ = _chunk(r, norm[int(f["end"]) + len(f["subject"]) + 1:], max_subject=max_subject)
        if len(owned) >= 2:
            f["subject"] = f["subject"] + owned


def _role_played(f: dict[str, Any]) -> None:
    """Things that play a role are counted, the role is said of them, in place: 发挥290个市级民主法治示范村（社区）
    示范作用 -> 市级民主法治示范村社区 · 发挥示范作用."""
    if (rm := _ROLE_END.search(f["subject"])) is not None and rm.start() >= 2:
        played = f["verb"] == "发挥"
        f["predicate"] = f["predicate"] or (("发挥" if played else "") + rm.group(0))
        f["subject"], f["verb"] = f["subject"][:rm.start()], "" if played else f["verb"]


_FRAMED_MAX = 4  # the longest subject that needs a frame to name a column (问题, 办件量, 服务事项)
_FRAME_TAIL = re.compile(r"(?:等)?(?:工作|有关工作|相关工作)?(?:过程中|期间|中)?$")  # no part of what it was on
_SENTENCE_OR_SEGMENT = re.compile(r"[。！？!?\n；;]")


def _frame_of(r: IndicatorRules, clause: str, *, max_subject: int) -> str:
    """What a clause without a number of its own is about: the frame it opens (在行政复议工作中 ->
    行政复议), or the object of its verbs (推进“放管服”改革 -> 放管服改革; 切实履行法治建设第一责任人
    职责 -> 法治建设第一责任人职责), else ""."""
    clause = _QUOTES.sub("", _A_YEAR.sub("", clause)).strip(_EDGE + " ")
    clause = r.pattern("actor_lead").sub("", clause).strip(_EDGE + " ")
    if not clause or _DIGIT.search(clause) or _BOOK_TITLE.search(clause) or "《" in clause:
        return ""
    if (fm := r.pattern("frame_topic").match(clause)) is not None:
        return fm.group("what")
    tokens = _cut(clause)
    i = 0
    while i < len(tokens) and not _acts(r, tokens[i]):
        i += 1  # who acted (区司法局 …)
    if i == len(tokens) or (i and not r.pattern("actor_end").search("".join(tokens[:i]))):
        return ""
    while i < len(tokens) and _acts(r, tokens[i]):
        i += 1  # the verbs and their manner
    what = _FRAME_TAIL.sub("", "".join(tokens[i:])).strip(_EDGE + " ")
    if len(what) < 2 or len(what) > max_subject or any(_acts(r, t) for t in _cut(what)[-1:]) \
            or r.pattern("frame_not").search(what):
        return ""
    return what


def _frames(r: IndicatorRules, norm: str, facts: list[dict[str, Any]], *, max_subject: int) -> None:
    """What the fact's sentence is about (frame): the first clause before the fact's in its sentence
    that states no number and has an object, read by :func:`_frame_of`, for a subject too short to name
    a column alone and not naming the frame already:
    全面落实告知承诺改革，…，办件量达11.34万件 -> 告知承诺改革; 政府主要领导同志切实履行法治建设第一
    责任人职责，协调解决问题60余个 -> 法治建设第一责任人职责."""
    event = None  # the last count of times of the sentence: an event what follows came of
    last = None
    for f in facts:
        f["frame"] = ""
        if event is not None and event["sentence"] != f["sentence"]:
            event = None
        before, last = last, f
        this_event = bool(f["subject"]) and _counts_times(r, f)
        if this_event and len(f["subject"]) >= 3:
            event = f
        if before is not None and before["frame"] and before["sentence"] == f["sentence"] \
                and len(before["subject"]) >= 2 and f["subject"].startswith(before["subject"]) and not this_event:
            # 全年开展活动40余场（大篷车活动），惠及企业和群众50余万人 -> the same frame: the event's audience
            f["frame"] = before["frame"]
            continue
        if len(f["subject"]) > _FRAMED_MAX:
            continue  # a noun of its own names the column
        start = int(f["start"])
        s0 = start
        while s0 > 0 and not _SENTENCE_OR_SEGMENT.match(norm, s0 - 1):
            s0 -= 1
        for c in _CLAUSE_MARK.split(norm[s0:start])[:-1]:
            if _DIGIT.search(_A_YEAR.sub("", c)):
                continue  # a clause with a number of its own (its fact names it)
            what = _frame_of(r, c, max_subject=max_subject)
            if what:
                if what not in f["subject"]:
                    f["frame"] = what
                break
        if not f["frame"] and not this_event and event is not None and event["subject"] not in f["subject"] \
                and _EVENT_FRAME.search(event["subject"]):
            # 开展企业走访102次，收集诉求10件，解决6件 -> 诉求 of 企业走访: what the event before found or did
            f["frame"] = event["subject"]


_EVENT_FRAME = re.compile(r"(?:走访|检查|督查|督导|评查|巡查|暗访|调研|排查|约谈|接访|下访|督察|体检|抽查|核查|回访)$")
_INSTANCE = re.compile(r"(?:一审|二审|再审|终审)")  # the instance of a court, before its verb
_JOINED = re.compile(r"(?:[、和及]|(?<![参给赋授])与|等)\s*$")  # an item of a list, examples of what is counted
_OWN_BODY = re.compile(r"^(?:我|本|全)(?:局|委|办|厅|单位|部门|中心|院|所|镇|乡|街道|区|县|市|旗)$")  # the reporting body itself


def _acts(r: IndicatorRules, token: str) -> bool:
    """Whether a token is a verb of the table, a study or a meeting's act (学习, 听取), an action of
    ``actor_not`` or a manner of ``actor_tail`` (举办, 扎实, 累计): no part of the name of who acted."""
    def one(t: str) -> bool:
        return bool((r.verb_search is not None and r.verb_search.fullmatch(t))
                    or (r.head_verb is not None and r.head_verb.fullmatch(t)) or t in _NAMED_STUDY
                    or t in _TOOK_PART_VERBS  # (法律顾问参与街道重大事项讨论16次 -> 法律顾问)
                    or r.pattern("actor_not").fullmatch(t) or r.pattern("actor_tail").fullmatch(t))

    # (a manner and a verb cut as one token: 全面推行, 深入开展)
    return one(token) or (3 <= len(token) <= 6 and any(one(token[:k]) and one(token[k:])
                                                       for k in range(1, len(token))))


def _sentence_actor(r: IndicatorRules, norm: str, k: int, start: int) -> str:
    """Who acts in the sentence of the clause ``norm[k:start]`` that opens with a verb: the words
    opening the sentence's first clause (time words aside) up to its first verb, when they end in a
    head of ``actor_end`` and no clause between opens with a noun of its own; else ""."""
    s0 = k - 1
    while s0 > 0 and norm[s0 - 1] not in "。！？!?\n；;":
        s0 -= 1
    lead, tail, end = r.pattern("actor_lead"), r.pattern("actor_tail"), r.pattern("actor_end")
    acts = r.pattern("actor_not")

    def verb(t: str) -> bool:
        return _acts(r, t)

    clauses = [c for c in (lead.sub("", _QUOTES.sub("", c).strip(_EDGE + " "))
                           for c in _CLAUSE_MARK.split(norm[s0:start])) if c]
    if len(clauses) < 2 or not verb(_cut(clauses[-1])[0]):
        return ""  # the fact's clause opens with a noun of its own
    if any(not verb(_cut(c)[0]) for c in clauses[1:-1]):
        return ""  # another clause between names who acted there (…，各部门单位党组集中学习163场次，…)
    name, pos = "", 0
    for t in _cut(clauses[0]):
        if verb(t):
            name = tail.sub("", clauses[0][:pos])
            break
        if not ("\u4e00" <= t[0] <= "\u9fff" or t[0].isalnum() or t[0] in "（）()、"):
            return ""
        pos += len(t)
    ok = 2 <= len(name) <= 16 and end.search(name) and not _OWN_BODY.match(name) and not acts.search(name)
    if ok and _MEETS.search(name):
        # a meeting or a study group goes on only to what meetings do (…听取汇报8次，协调解决重大问题4次),
        # not to what others held (旗委理论学习中心组学法4次，累计举办法治培训10期)
        ok = bool(_MEETING_ACT.match(clauses[-1]))
    return name if ok and r.pattern("chunk_stop").match(name) is None else ""


_MEETS = re.compile(r"(?:会议|常务会|常委会|办公会|例会|中心组)$")
_MEETING_ACT = re.compile(r"(?:先后|累计|共|多次)?(?:组织|开展|进行|召开)?(?:专题|集中|集体)?"
                          r"(?:研究|听取|审议|学习|学法|部署|讨论|研讨|协调|解决|传达|审定)")


def _actors(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> None:
    """Who acted: the words of a fact's clause before its own verb and noun (or before the number
    when neither stands there), when they name a body, a person or a platform (``actor_end``) and are
    no action themselves (``actor_not``); words of time and manner around them go (``actor_lead``,
    ``actor_tail``). 公共法律服务中心接待办事群众3218人次 -> 公共法律服务中心; 12345政务服务平台累计办理
    群众反映问题388件 -> 12345政务服务平台; 市政府常务会议先后4次… -> 市政府常务会议; else ""."""
    end, lead, tail, not_ = (r.pattern("actor_end"), r.pattern("actor_lead"), r.pattern("actor_tail"),
                             r.pattern("actor_not"))
    prev_end = 0
    for f in facts:
        f["actor"] = ""
        start = f["start"]
        lo = prev_end if prev_end <= start else 0
        k = start
        while k > lo and not _CLAUSE_MARK.match(norm, k - 1) and norm[k - 1] != "\n":
            k -= 1
        after_number = k == lo and lo > 0  # (31个部门行政职权事项3437项: 部门 is the noun of 31个)
        prev_end = max(prev_end, f["end"])
        clause = norm[k:start]
        found = [i for w in (f["verb"], f["subject"]) if w and (i := clause.find(w)) >= 0]
        if f["verb"] and found and (im := _INSTANCE.search(clause, 0, clause.find(f["verb"]))) is not None \
                and im.end() == clause.find(f["verb"]):
            f["verb"] = im.group(0) + f["verb"]  # 法院一审审结行政案件: 一审审结 and 二审审结 stay apart
        cand = _QUOTES.sub("", clause[:min(found)] if found else clause).strip(" ")
        if "通过" in cand:
            cand = _MEANS_INSIDE.sub("", cand)  # 岩山村通过民主议事会解决…: who, not how
        if after_number or _JOINED.search(cand):
            continue  # (…政府、32个部门; 司法所、派出所等14家单位)
        cand = lead.sub("", cand.strip(_EDGE + " ")).strip(_EDGE + " ")
        tokens = _cut(cand) if cand else ()
        while tokens and _acts(r, tokens[-1]):
            tokens = tokens[:-1]  # verbs the fact did not keep (举办讲座20场, …中心组组织专题学习)
        cand = tail.sub("", "".join(tokens)).strip(_EDGE + " ")
        if not_.search(cand):
            continue
        if not cand and k > 0 and norm[k - 1] in "，,":
            # the fact's own verb opens a later clause: who acted opens the sentence (区司法局扎实开展
            # 法治宣传，发放资料5000份 -> 区司法局)
            cand = _sentence_actor(r, norm, k, start)
        if (sm := _SCOPE_ONLY.match(cand)) is not None and len(cand) > sm.end() + 1:
            cand = cand[sm.end():]  # 全县各级各部门 -> 各级各部门
        if (2 <= len(cand) <= 16 and end.search(cand) and not not_.search(cand)
                and not _OWN_BODY.match(cand) and not _SCOPE_ONLY.fullmatch(cand)
                and cand not in f["subject"] and not _A_YEAR.search(cand)):
            f["actor"] = cand
            if (cand + f["subject"]) in clause:
                # the name goes on into the noun (县委 | 理论学习中心组学习…, 各部门 | 党组集中学法): its
                # end is who acted, what follows is done
                pos = 0
                for t in _cut(f["subject"]):
                    if _acts(r, t):
                        break
                    pos += len(t)
                rest = f["subject"][pos:]
                if 0 < pos and len(rest) >= 2 and end.search(f["subject"][:pos]) and len(cand) + pos <= 16:
                    f["actor"], f["subject"] = cand + f["subject"][:pos], rest


def _own_short_noun(r: IndicatorRules, noun: str, rest: str, *, max_subject: int) -> bool:
    """Whether a short noun right before the next number is this number's: 整合22个部门613项业务 ->
    部门 (up to three characters, one noun with no verb, ending where a token of the words after it
    starts)."""
    if len(noun) > 3 or noun[-1] in "至到为" or _only_verbs(r, noun):
        return False
    if _chunk(r, noun, max_subject=max_subject) != (noun, False):
        return False
    if r.verb_one is not None and r.verb_one.match(noun):
        return False
    starts = _token_starts(noun + rest[:4])
    return starts is not None and len(noun) in starts


def _after_examples(name: str) -> str:
    """A rate's name without the examples before 等: “盗抢骗”等刑事发案率 -> 刑事发案率 (the name whole
    when fewer than three characters follow 等)."""
    tail = name.rpartition("等")[2]
    return tail if "等" in name and len(tail) >= 3 else name


def _unwrap_variants(subject: str) -> str:
    """A counted noun with its short bracketed variants written out, brackets stripped (the
    column name a table takes): 村（社区） -> 村社区, 乡（镇）公共法律服务工作站 -> 乡镇公共法律服务工作站,
    县（市、区）党委 -> 县市区党委, 电力塔（基） -> 电力塔基."""
    return _VARIANT.sub(lambda m: m.group(1).replace("、", ""), subject)


_FROM = re.compile(r"(?:由|从|把|将)(?:原来|原有|过去|之前|以前|改革前|年初|去年|上年|20\d\d年(?:底|末|初)?)?的?"
                   r"(?:[\u4e00-\u9fff]{2,12}?)?\s*$")  # (从法定平均办理时间20.86天, 由2015年的20.3%)
# what stands between the two numbers: 压减至, or the noun and its change (考核指标精简优化为)
_TO = re.compile(r"\s*(?:(?P<noun>[\u4e00-\u9fff]{1,8}?)(?:精简|压减|压缩|缩减|减少|整合|合并|归并|优化|缩短|"
                 r"降低|调整|提高|提升|增加|扩大)[\u4e00-\u9fff]{0,2}?|[\u4e00-\u9fff]{0,3})(?:至|到|为)"
                 r"(?:(?:19|20)\d\d年(?:底|末)?的?)?(?:[\u4e00-\u9fff]{2,12}?)?\s*")  # (…240多天，缩短到并联办理审批
# 时间92天; 由2017年的15.7亿元增长到2021年的22.2亿元)
_TO_AFTER_COMMA = re.compile(r"[，,]\s*")
_FROM_ONLY = re.compile(r"^(?:由|从)?(?:19|20)\d\d年(?:底|末|初)?$")  # a from-frame that names no noun


def _from_to(norm: str, facts: list[dict[str, Any]]) -> None:
    """The first number of a from-to frame is the baseline (办理时限由21个工作日压减至3个工作日: 21 is
    the baseline, 3 the result; 把62项考核指标精简为13项), in place."""
    for i, (a, b) in enumerate(zip(facts, facts[1:], strict=False)):
        gap = _TO_AFTER_COMMA.match(norm, a["end"], b["start"])
        m = _TO.fullmatch(norm, gap.end() if gap else a["end"], b["start"]) if a["unit"] == b["unit"] else None
        if (a["status"] == "result" and m is not None
                and _FROM.search(norm, max(0, a["start"] - 24), a["start"])):
            a["status"] = "baseline"
            if m.group("noun"):
                # 把62项考核指标精简优化为13项, 将5个村合并为3个: both count the noun between them
                a["subject"] = b["subject"] = m.group("noun")
            elif _DIGIT.search(b["subject"]) or b["subject"] in ("", b["verb"]) or b["subject"].rstrip("至到为") == norm[
                    a["end"]:b["start"]].strip().strip("至到为"):
                # 由36人增加到52人: not 由36人; 由首批15个升级为30个: not 升级; 由原来的286项精简至198项: not 精简至
                old = b["subject"]
                if not b["verb"] and old and not _DIGIT.search(old) and len(old) <= 6:
                    b["verb"] = old
                b["subject"] = a["subject"]
                if old and i + 2 < len(facts) and facts[i + 2]["number_kind"] == "rate" \
                        and facts[i + 2]["subject"].startswith(old) and len(facts[i + 2]["subject"]) > len(old) + 1:
                    # (…精简至198项，精简率30.8% -> 行政审批事项精简率)
                    facts[i + 2]["subject"] = _overlap_join(a["subject"], facts[i + 2]["subject"][len(old):])
            if _FROM_ONLY.match(a["subject"]) and i > 0 and facts[i - 1]["sentence"] == a["sentence"] \
                    and facts[i - 1]["subject"]:
                # 地区生产总值年均增长7.2%，由2018年的210亿元增加到2022年的298亿元: the noun of the
                # clause before, not 由2018年
                a["subject"] = facts[i - 1]["subject"]
                if _FROM_ONLY.match(b["subject"]):
                    b["subject"] = a["subject"]


    for a, a2, b, b2 in zip(facts, facts[1:], facts[2:], facts[3:], strict=False):
        # 贫困人口由13677户49479人减至0户0人: a pair from, a pair to
        if a["end"] == a2["start"] and b["end"] == b2["start"] and a["unit"] == b["unit"] \
                and a2["unit"] == b2["unit"] and a["status"] == a2["status"] == "result" \
                and _TO.fullmatch(norm, a2["end"], b["start"]) is not None \
                and _FROM.search(norm, max(0, a["start"] - 24), a["start"]):
            a["status"] = a2["status"] = "baseline"


_MILESTONE_AFTER = re.compile(r"\s*(?:的)?大关")


def _round(value: float) -> bool:
    """Whether ``value`` has at most two significant digits (600, 1000, 25): a milestone's figure."""
    if value <= 0 or value != int(value):
        return False
    v = int(value)
    while v % 10 == 0:
        v //= 10
    return v < 100


def _drop_milestones(norm: str, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Without a round milestone that restates the fact before (地区生产总值完成107.2亿元，稳定突破百亿元大关:
    the 百亿元 says no more than 107.2亿元); a milestone standing alone stays (…首次突破百亿元大关)."""
    out: list[dict[str, Any]] = []
    for f in facts:
        p = out[-1] if out else None
        if (p is not None and f["qualifier"] == "超过" and (not _DIGIT.search(f["raw"]) or _round(f["value"]))
                and _MILESTONE_AFTER.match(norm, f["end"]) and p["unit"] == f["unit"]
                and p["sentence"] == f["sentence"] and p["value"] >= f["value"]):
            continue
        out.append(f)
    return out


_LIST_LINK = re.compile(r"[^，。；：！？,;:!?\d]{0,20}[、和及与][^，。；：！？,;:!?\d]{0,2}")


_PERSON_END = re.compile(r"(?:长|负责人|同志|干部|人员|书记|主任)$")
_HEADS_OF = re.compile(r"(?:党政)?(?:主要)?(?:负责人|负责同志|领导)")


def _share_predicate(norm: str, facts: list[dict[str, Any]]) -> None:
    """The items of a list of counts share the predicate after the last one (5个乡镇（街道）、56个部门
    述法全覆盖 -> both 述法全覆盖; 49名…负责人、14名…负责人进行了述职述法), in place."""
    owned = set()  # the people counted right after their bodies (their gap is no list link)
    for i in range(len(facts) - 1):
        a, b = facts[i], facts[i + 1]
        gap = norm[a["end"]:b["start"]]
        if a["subject"] and b["subject"] and gap in (a["phrase"] + "的", a["subject"] + "的") \
                and b["unit"] in _PEOPLE_UNITS and a["unit"] not in _PEOPLE_UNITS:
            # 10个乡镇（街道）的20名主要负责人 -> 乡镇街道主要负责人: the people are the bodies'
            b["subject"] = a["subject"] + b["subject"]
            owned.add(i + 1)
    for i in range(len(facts) - 2, -1, -1):
        a, b = facts[i], facts[i + 1]
        if (not a["predicate"] and b["predicate"] and a["number_kind"] == b["number_kind"] == "count"
                and (i + 1 in owned or _LIST_LINK.fullmatch(norm, a["end"], b["start"]))):
            a["predicate"] = b["predicate"]
            if a["category"] == "other" and "label" in b:
                _take_category(a, b)  # (what is said of them names it)
            if _PERSON_END.search(a["subject"]) and (hm := _HEADS_OF.match(a["predicate"])) is not None \
                    and hm.end() < len(a["predicate"]):
                # 4个县(区)长和8个市直部门主要负责人出庭应诉: the heads are the departments', the people
                # before are heads already
                a["predicate"] = a["predicate"][hm.end():]


_RATE_ITEMS = re.compile(r"、|(?<=[率例重比度])[和及与]")  # (参与率和合格率: not the 与 of 参与)
_ALL_OF = re.compile(r"(?:均|都|全部|全都|双双)(?:为|达|达到|实现|保持)?\s*$")


def _split_shared_rates(norm: str, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One fact per rate when several rates share one value (参考率、优秀率均为100% -> 参考率 100%,
    优秀率 100%); the rates keep the words before the first (学法考试参考率和合格率 -> 学法考试合格率)."""
    out: list[dict[str, Any]] = []
    for topic, f in _with_first_count(facts):  # (topic: the first count of the sentence)
        items = _RATE_ITEMS.split(f["subject"]) if f["number_kind"] == "rate" else []
        if len(items) > 1 and items[-1].endswith("率") and all(
                (len(i) >= 2 if len(items) == 2 else 2 <= len(i) <= 3) and not i.endswith("率")
                for i in items[:-1]) and len(items[-1]) <= 4 and "、" in f["subject"]:
            # 办复、采纳率全部达到100% -> 办复率, 采纳率 (the 率 of the last name is every name's)
            items = [i + "率" for i in items[:-1]] + items[-1:]
            f = {**f, "subject": "、".join(items)}
        if len(items) > 2 and not all(len(i) >= 2 and i.endswith("率") for i in items):
            items = f["subject"].split("、")  # A和B合法性审查率、出庭应诉率: 和 joins inside a name
        if (len(items) < 2 or not all(len(i) >= 2 and i.endswith("率") for i in items)
                or not (_ALL_OF.search(norm[max(0, f["start"] - 8):f["start"]]) or (
                    # 报备率、及时率、规范率达100%: rates listed with 、 share the one number
                    "、" in f["subject"] and "分别" not in norm[max(0, f["start"] - 8):f["start"]]))):
            out.append(f)
            continue
        first, later = items[0], items[1:]
        own = max(len(i) for i in later)  # the first rate's own name is about as long as the others
        # (a later rate with a name of its own takes nothing: …审查率、行政机关负责人出庭应诉率)
        prefix = first[:-own] if len(first) > own + 1 and own <= 4 else ""
        if not prefix and own <= 6 and len(first) > own + 1 and (term := _lexicon_prefix(first)) \
                and len(first) - len(term) >= 3 and not any(i.startswith(term) for i in later):
            prefix = term  # “双随机”掌上执法率、按时处置率 -> 双随机按时处置率 (the first's opening term)
        named = [first, *(prefix + i for i in later)]
        if topic is not None and all(_RATE_NAME.fullmatch(i) for i in named):
            # 办理群众反映问题388件，办结率、满意率均达100% -> 群众反映问题办结率, 群众反映问题满意率
            named = [_overlap_join(topic["subject"], i) for i in named]
        for item in named:
            out.append({**f, "subject": item})
    return out


_EACH = re.compile(r"各\s*$")


def _split_each(r: IndicatorRules, norm: str, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One fact per item when listed things have one number each (召开依法治县委员会会议、办公室会议各1次 ->
    依法治县委员会会议 1次, 办公室会议 1次)."""
    out: list[dict[str, Any]] = []
    for f in facts:
        start = int(f["start"])
        words = f["subject"]
        if f["number_kind"] in ("rate", "growth") or not _EACH.search(norm, max(0, start - 3), start) \
                or not words:
            out.append(f)
            continue
        k = len(_ITEM_SPLIT.split(words))
        if k < 2:
            k = len(_COORD_SPLIT.split(words))
        items = _list_items(r, words, k) if 2 <= k <= 6 else None
        if items is None or not all(len(i) >= 2 for i in items):
            out.append(f)
            continue
        out.extend({**f, "subject": item} for item in items)
    return out


def _pair_nouns(r: IndicatorRules, norm: str, facts: list[dict[str, Any]],
                clause_of: list[tuple[int, str, bool]]) -> None:
    """A pair of numbers whose noun follows both (8461户、29100人稳定脱贫, 165户568名建档立卡贫困户): the
    first, which took an earlier noun or a bare verb (…全部退出、10742户42819名贫困人口), takes the
    second's, in place."""
    for i in range(len(facts) - 1, 0, -1):
        a, b = facts[i - 1], facts[i]
        bare = _only_verbs(r, a["subject"]) or (i >= 2 and a["subject"] == facts[i - 2]["predicate"])
        if (not clause_of[i - 1][2] and a["subject"] and not bare) or clause_of[i][2] or a["unit"] == b["unit"]:
            continue  # (a first number with no noun at all takes the second's: 10件32项市办实事)
        if norm[a["end"]:b["start"]].strip() not in ("", "、") or not b["subject"]:
            continue
        if a["number_kind"] in ("rate", "growth") or b["number_kind"] in ("rate", "growth"):
            continue
        if bare and not a["predicate"]:
            a["verb"], a["predicate"] = "", b["predicate"]
        a["subject"] = b["subject"]
        clause_of[i - 1] = (clause_of[i - 1][0], clause_of[i - 1][1], False)


def _carry_verbs(r: IndicatorRules, norm: str, facts: list[dict[str, Any]],
                 clause_of: list[tuple[int, str, bool]]) -> None:
    """Nouns listed with their numbers after one verb take it, in place: 审核规范性文件12件、重大行政决策事项5件、
    政府合同68份 -> 审核 for all three; 办理人大代表建议86件、政协委员提案112件 -> 办理 for both."""
    for i in range(1, len(facts)):
        a, b = facts[i - 1], facts[i]
        c_start, c_text, inherited = clause_of[i]
        if b["verb"] or not a["verb"] or inherited or b["number_kind"] in ("rate", "growth") \
                or a["number_kind"] in ("rate", "growth") or b["breakdown"]:
            continue
        if a["subject"] and c_start == a["end"] and c_text.startswith(a["subject"]):
            # (7个商会人民调解委员会、2个…: the noun after the number before is its own)
            c_start, c_text = c_start + len(a["subject"]), c_text[len(a["subject"]):]
        gap = norm[a["end"]:c_start] + c_text[:len(c_text) - len(c_text.lstrip("、 "))]
        if _LIST_GAP.match(gap.replace(a["subject"], "", 1) if gap.startswith(a["subject"]) else gap) is None \
                or "、" not in gap:
            continue
        words = _QUOTES.sub("", c_text).strip(_EDGE)
        ua, ub = r.units.get(a["unit"]), r.units.get(b["unit"])
        if ua is None or ub is None or not (ua.kind == ub.kind or {ua.kind, ub.kind} <= _THING_KINDS):
            continue  # (12件、300人: another kind of thing)
        if not words and not (b["subject"] and _QUOTES.sub("", norm[int(b["end"]):int(b["end"]) + 24]).startswith(b["subject"])):
            continue  # (a number with no noun of its own before or after it)
        if words and _split_verb(r, words)[0]:
            continue  # (新建学校3所、改造道路5条: a verb of its own)
        b["verb"] = a["verb"]


_BRACKET_ITEM = re.compile(r"[）)、，,；;：:]")


def _bracket_clause(r: IndicatorRules, clause: str) -> str:
    """The clause of a number that opens a bracket after its noun: 党内法规（45部 -> 党内法规,
    刑事立案数（同比下降13.4% -> 刑事立案数同比下降; a bracket with its own noun (（刑事22件) stays."""
    ob = max(clause.rfind("（"), clause.rfind("("))
    if ob < 0:
        return clause
    inner = clause[ob + 1:]
    rest = _strip_status_words(r, inner)
    if r.growth is not None:
        rest = r.growth.sub("", rest)
    if len(rest.strip(_EDGE)) >= 2:
        return clause
    outer = clause[:ob]
    cut = max((m.end() for m in _BRACKET_ITEM.finditer(outer)), default=0)
    outer = outer[cut:].strip(_EDGE)
    return outer + inner if len(outer) >= 2 else clause


def _in_brackets(text: str, lo: int, pos: int) -> bool:
    """True when ``pos`` stands inside an open bracket of ``text[lo:pos]``."""
    if "（" not in text[lo:pos] and "(" not in text[lo:pos]:
        return False
    return (text.count("（", lo, pos) + text.count("(", lo, pos)
            > text.count("）", lo, pos) + text.count(")", lo, pos))


def _verb_list(r: IndicatorRules, words: str, k: int) -> list[str]:
    """The ``k`` verbs opening ``words`` that share its noun (受理、办结行政复议案件 -> [受理, 办结];
    新收和审结一审行政案件 -> [新收, 审结]), or [] when it does not open with ``k`` verbs."""
    items = [w.strip(_EDGE) for w in _ITEM_SPLIT.split(words)]
    if len(items) != k:
        items = [w.strip(_EDGE) for w in _COORD_SPLIT.split(words)]
    if len(items) != k or not all(items[:-1]) or not all(_only_verbs(r, w) for w in items[:-1]):
        return []
    last, noun = _split_verb(r, items[-1])
    return [*items[:-1], last] if last and noun and _only_verbs(r, last) else []


def _list_items(r: IndicatorRules, words: str, k: int) -> list[str] | None:
    """The ``k`` items of a coordinated noun phrase, each with the words the items share
    (城、乡居民人均可支配收入 -> 城居民…, 乡居民…; 航空旅客和货邮吞吐量 -> 航空旅客吞吐量, 货邮吞吐量), or
    None when the phrase does not name ``k`` items."""
    if k == len(r.list_pairs.get(words[:2], ())):
        # 城乡常住居民人均可支配收入分别… -> 城镇常住居民…, 农村常住居民…
        return [p + words[2:] for p in r.list_pairs[words[:2]]]
    for pair, parts in r.list_pairs.items():
        i = words.find(pair)
        if i > 0 and k == len(parts) and "、" not in words and "和" not in words:
            # 金融机构存贷款余额分别… -> 金融机构存款余额, 金融机构贷款余额 (a pair inside the name)
            return [words[:i] + p + words[i + len(pair):] for p in parts]
    if (share := _SHARE_TAIL.search(words)) is not None and share.start() >= 2:
        # 战略性新兴产业和高新技术产业增加值占规上工业增加值比重分别… -> each item's share of it
        parts = _list_items(r, words[:share.start()], k)
        return None if parts is None else [p + share.group(0) for p in parts]
    items = [w.strip(_EDGE) for w in _ITEM_SPLIT.split(words)]
    if len(items) != k:
        items = [w.strip(_EDGE) for w in _COORD_SPLIT.split(words)]
    if len(items) != k:
        # 数字经济核心产业、战略性新兴产业和高新技术产业增加值: 、 and 和 in one list
        items = [w.strip(_EDGE) for w in _ANY_SPLIT.split(words)]
    if len(items) != k or not all(items):
        return None
    last = items[-1]
    first_head = r.quantity_head.search(items[0]) if r.quantity_head is not None else None
    if first_head is not None and first_head.start() > 0 and all(
            r.quantity_head.fullmatch(w) for w in items[1:]):
        # 一般公共预算收入和支出 -> 一般公共预算收入, 一般公共预算支出
        stem = items[0][: first_head.start()]
        return [items[0]] + [stem + w for w in items[1:]]
    if all(_ORDINAL.fullmatch(w) for w in items[:-1]) and (om := _ORDINAL.match(last)) is not None \
            and len(last) - om.end() >= 2:
        # 第一、二、三产业增加值 -> 第一产业增加值, 二产业增加值, 三产业增加值: ordinals share what follows them
        return [w + last[om.end():] for w in items[:-1]] + [last]
    head = r.quantity_head.search(last) if r.quantity_head is not None else None
    if head is not None and 0 < head.start() <= 3 and all(len(w) <= 3 and not r.quantity_head.search(w)
                                                          and not _ORDINAL.fullmatch(w) for w in items[:-1]):
        # 肉、奶和蔬菜产量 -> 肉产量, 奶产量, 蔬菜产量: short items share the quantity alone
        return [w + head.group(0) for w in items[:-1]] + [last]
    if all(len(w) <= 2 for w in items[:-1]) and len(last) > len(items[0]) + 1:
        # 城、乡居民… / 城镇和农村常住居民…: the short items take the tail of the last one
        tail = last[len(items[0]):]
        return [w + tail for w in items[:-1]] + [last]
    head = r.quantity_head.search(last) if r.quantity_head is not None else None
    if head is not None and head.start() > 0:
        # 第二产业和第三产业增加值: the items without a quantity noun take the last one's
        return [w if (_QUANTITY_END.search(w) or r.quantity_head.search(w)) else w + head.group(0)
                for w in items[:-1]] + [last]
    size = len(items[0])
    if all(len(w) == size for w in items[:-1]) and size + 2 <= len(last) <= size + 4 and (
            all(w[:2] == last[:2] for w in items[:-1])
            or all(w[-1] == last[size - 1] for w in items[:-1])  # (简易程序和一般程序案件数量: parallel heads)
            or ((starts := _token_starts(last)) is not None and size in starts)):
        # 行政复议和行政诉讼案件 -> 行政复议案件, 行政诉讼案件: items as long as the last one's first
        # words (sharing its opening, or ending where a word of it ends) take the words after them
        return [w + last[size:] for w in items[:-1]] + [last]
    return items


def _distribute(r: IndicatorRules, norm: str, facts: list[dict[str, Any]],
                clause_of: list[tuple[int, str, bool]], *, max_subject: int) -> None:
    """Subjects of the numbers of one list, in place: the items named before the list, in order
    (早稻、晚稻播种面积分别增长3.2%、1.8%), or, when the list names nothing (分别下降25%、12.5%),
    the subjects of as many facts just before it in the sentence."""
    i, n = 0, len(facts)
    while i < n:
        j = i
        while j + 1 < n:
            c_start, c_text, _ = clause_of[j + 1]
            if not _LIST_GAP.match(norm[facts[j]["end"]:c_start + len(c_text)]):
                break
            j += 1
        k = j - i + 1
        if k < 2:
            i += 1
            continue
        clause = clause_of[i][1]
        words = facts[i]["subject"]
        verbs: list[str] = []
        resp = list(_RESPECTIVELY.finditer(clause))
        if resp:
            words, _, _ = _before_phrase(r, clause[: resp[-1].start()], max_subject=2 * max_subject)
            if not ("、" in words and all(_RATE_END.search(w) for w in words.split("、") if w)):
                # (开工率、投产率、达效率分别…: rate names, no verb)
                verbs = _verb_list(r, words, k)  # 受理、办结行政复议案件分别为120、118件
                _, words = _split_verb(r, words)
            words = _strip_repeat(words, r.subject_lead, lead=True)
        items = _list_items(r, words, k) if words else None
        if items is not None and resp:
            # 区级和镇级分别召开法治专题会议6次和28次: the items name who, the words after 分别 what
            # is counted -> 区级法治专题会议, 镇级法治专题会议
            tail = clause[resp[-1].end():].strip(_EDGE)
            tail_verb, tail_noun = _split_verb(r, tail)
            if r.light_verb is not None and (lm := r.light_verb.match(tail_noun)) is not None \
                    and len(tail_noun) - lm.end() >= 2:
                tail_noun = tail_noun[lm.end():]  # (召开 is a light verb: the meeting is counted)
            if len(tail_noun) >= 2 and not _DIGIT.search(tail_noun) and not _only_verbs(r, tail_noun) \
                    and not (r.subject_lead is not None and r.subject_lead.fullmatch(tail_noun)):
                items = [item + tail_noun for item in items]
                if tail_verb and not verbs and not (r.subject_verb is not None
                                                    and r.subject_verb.fullmatch(tail_verb)):
                    verbs = [tail_verb] * k
        if resp and not verbs:
            # 分别受理、办结行政复议案件45件、43件: the verbs after 分别 go one to each number, their noun to all
            tail = clause[resp[-1].end():].strip(_EDGE)
            verbs = _verb_list(r, tail, k)
            if verbs and items is None:
                noun = _split_verb(r, _COORD_SPLIT.split(_ITEM_SPLIT.split(tail)[-1])[-1])[1]
                items = [noun] * k if len(noun) >= 2 else None
        if items is None and clause_of[i][2] and i >= k:
            sent = facts[i]["sentence"]
            earlier = [f for f in facts[i - k:i] if f["sentence"] == sent]
            if len(earlier) == k:
                items = [f["subject"] for f in earlier]
        if items is not None:
            for f, item in zip(facts[i:j + 1], items, strict=True):
                share = _SHARE_TAIL.search(item)  # (a share keeps what it is of: the limit is the item's)
                f["subject"] = _shorten(r, item, max_subject + (len(share.group(0)) if share else 0))
        for f, v in zip(facts[i:j + 1], verbs, strict=False):
            f["verb"] = v
        if facts[i]["number_kind"] == "growth":
            for f in facts[i + 1:j + 1]:
                if not f["phrase"]:
                    f["number_kind"], f["verb"] = "growth", f["verb"] or facts[i]["verb"]
        i = j + 1


def _describe(r: IndicatorRules, unit: Unit, clause: str, after: str, *, max_subject: int,
              prev: dict[str, Any] | None, earlier: str, topic: str = "",
              kin: dict[str, Any] | None = None,
              para: dict[str, Any] | None = None, touching: bool = False,
              before_sentence: str = "", prev_kind: str | None = None) -> dict[str, Any]:
    """phrase, subject, verb, predicate and kind of one number from the words around it.

    ``prev``: the previous fact of the segment; ``kin``: the last fact of the segment counted in the
    same kind of unit (重点项目126个，总投资385亿元，开工98个 -> 重点项目); ``para``: the first such fact of
    the last sentence of the line that has one, for a bare verb opening a sentence (…收到行政复议申请
    862件。受理801件 -> 行政复议申请); ``touching``: the clause begins right after the previous fact;
    ``before_sentence``: the sentence before, when this one opens with 其中 (a breakdown of it)."""
    kind = r.fact_kind(unit)
    share_of = None  # 占全省81%: the whole a share is of, named after the inherited noun
    before, head, ends_with_verb = _before_phrase(r, clause, max_subject=max_subject)
    if before.isdigit():
        before = ""  # 1. 12个村…, 2、7.1亿元: a list marker names nothing
    verb = ""
    # a growth: 增长7.2%, 同比下降15%, 增加15件 (but 提高到95% is a level)
    g = r.growth.search(before) if r.growth is not None and before else None
    if g is not None and g.start() >= 2 and r.verbs_trail is not None and "\u4e00" <= after[:1] <= "\u9fff" \
            and unit.kind not in _NO_NOUN_AFTER and r.verbs_trail.search(before, 0, g.start()) is not None:
        # 改造提升62个村内饮水管网: a verb chain before the number and its object after it is an
        # action on things counted, not a growth
        g = None
    if g is not None:
        kind = "growth"
        verb = g.group(0)
        before = _strip_repeat(before[: g.start()], r.subject_tail, lead=False)
    if before and r.status_cues:
        before = _clean_edges(_strip_status_words(r, before))  # 较2022年558件 -> ""
        before = _strip_repeat(before, r.subject_lead, lead=True)  # 比2012年(下同)增长 -> ""
    if touching and before and r.after_predicate is not None and r.after_predicate.match(before):
        before = ""  # 有50项超全省平均水平、30项…: the previous count's predicate names nothing
    noun_after, rest = "", after
    allow_after = unit.kind not in _NO_NOUN_AFTER and kind != "growth" and not (
        # 11次就法治建设工作做出批示: a preposition after a count of times opens its event
        unit.kind in _VERB_AFTER and _AFTER_PREP.match(after) and after[1:2] > "\u4e00")
    if kind == "rate" and not before:
        allow_after = True  # 100%办结投诉举报
    money_m = r.pattern("money_noun").match(after) if unit.kind == "money" and kind != "growth" else None
    if money_m is not None:
        allow_after = True  # 投放4000万元消费券, 设立75.6亿元产业发展基金: the money named after it
    # a clause ending in 、/对/等 is joined to the noun after the number, not part of it
    jm = r.subject_join.search(clause) if r.subject_join is not None else None
    joined = jm is not None
    if allow_after and (joined or not (unit.kind in _VERB_AFTER and len(before) > 4
                                       and not ends_with_verb and not _tail_verb(r, before))):
        # (a count of times after a long phrase counts that phrase's event, unless the phrase ends
        # with its verb: 对法治政府建设作出4次批示 -> 作出 + 批示)
        noun_after, rest = _noun_after(r, after, max_subject=max_subject,
                                       event=unit.kind in _VERB_AFTER)
        if money_m is not None:
            noun_after, rest = money_m.group(0), after[money_m.end():]
        elif noun_after and unit.kind in _VERB_AFTER and (lm := _MORE_EVENTS.match(rest)) is not None:
            # 召开19次局党委会、局长办公会: the kinds of meeting listed after the count are counted together
            noun_after, rest = noun_after + lm.group(1), rest[lm.end(1):]
        if noun_after and unit.kind in _AUDIENCE and (tp := r.pattern("took_part").match(noun_after)):
            # 街道有5人考取行政执法证 -> 行政执法证: what the people took part in or obtained
            noun_after, rest = noun_after[tp.end():], rest
        elif not noun_after and unit.kind in _AUDIENCE and (tpa := r.pattern("took_part_after").match(after)):
            noun_after = tpa.group(0) + "人员"  # 举办培训2期，112人参训 -> 参训人员
        if noun_after and unit.kind in ("organisation", "item", "count") and (pm := r.pattern("people_of").search(noun_after)):
            # 组织4家单位主要负责人进行现场述法 -> 单位: the bodies are counted, not their leaders
            noun_after, rest = noun_after[:pm.start()], noun_after[pm.start():] + rest
        if noun_after and (mt := r.pattern("measure_tail").search(noun_after)) is not None and mt.start() >= 2 \
                and r.pattern("measure_change").match(rest):
            # 266个高频事项效率提升30%以上 -> 高频事项: the things are counted, their measure changed by the next number
            noun_after, rest = noun_after[:mt.start()], noun_after[mt.start():] + rest
        if noun_after and rest[:1].isdigit() and unit.kind in ("organisation", "item", "place") \
                and (not before or before.endswith(_RELATIONAL) or before.endswith(("有", "共"))) \
                and (bc := r.pattern("body_before_count").match(noun_after)) is not None:
            # 涉及31个部门行政职权事项3437项 -> 部门: the bodies are counted, their things by the next number
            noun_after, rest = bc.group("body"), noun_after[bc.end():] + rest
        if noun_after and unit.kind in ("organisation", "item", "place") \
                and (bt := r.pattern("body_topic").match(noun_after)) is not None:
            # 33个政府部门法治政府建设情况 -> 政府部门: the bodies are counted, not their topic
            noun_after, rest = bt.group("body"), noun_after[bt.end():] + rest
        if noun_after and r.quantity_head is not None and r.quantity_head.search(noun_after) \
                and (hb := r.pattern("counted_place").match(noun_after)) is not None \
                and len(noun_after) - hb.end() >= 2 and unit.kind in ("organisation", "item", "place"):
            # 322个村集体经济收入均达到5万元以上 -> 村: the places are counted, not their income
            noun_after, rest = noun_after[:hb.end()], noun_after[hb.end():] + rest
        if noun_after and rest[:1].isdigit() and (qt := r.pattern("qualifier_tail").search(noun_after)):
            # 48个公共服务事项最快10分钟办理: the qualifier is the next number's
            noun_after, rest = noun_after[:qt.start()], noun_after[qt.start():] + rest
        if noun_after and r.verb_one is not None and (_FOR_WHOM.search(before)
                                                      or _FOR_WHOM.search(clause.rstrip(_EDGE))):
            # 为辖区11个社区配备了兼职法律顾问: the noun up to the verb, the place words go
            q = r.pattern("qualifying_relative").match(noun_after)
            lo = q.end() + 3 if q is not None and noun_after[q.end():q.end() + 1] == "的" else 1
            cut = next((i for i in range(lo, len(noun_after) - 1) if r.verb_one.match(noun_after, i)
                        and (lo == 1 or (st := _token_starts(noun_after)) is None or i in st)), None)
            if cut is not None:
                noun_after, rest = noun_after[:cut], noun_after[cut:] + rest
                before = ""
        if noun_after and before and not ends_with_verb and not joined and not (
                clause.rstrip(_EDGE).endswith("的")) and not r.pattern("verb_as_noun").fullmatch(noun_after) \
                and 0 not in _inside_nouns(r, noun_after) and (
                (r.head_verb is not None and r.head_verb.match(noun_after))
                or (r.verb_one is not None and (vm1 := r.verb_one.match(noun_after)) is not None
                    # (新建1个服务站: a verb opening one word of the lexicon is no action)
                    and not (vm1.end() < len(noun_after) and (st := _token_starts(noun_after)) is not None
                             and vm1.end() not in st)
                    # (制发8份督办函: a verb and a head after it make the noun)
                    and not r.pattern("verb_noun_head").fullmatch(_cut(noun_after[vm1.end():])[0]
                                                                  if vm1.end() < len(noun_after) else ""))):
            # 召开专题会议3次研究法治建设工作: the words after the number are what was done
            noun_after, rest = "", after
        if noun_after and ((not before and not joined) or before in _TO_WHOM) and rest[:1].isdigit() \
                and r.verb_one is not None:
            # (向3.2万名困难群众发放救助金4.6亿元: the people, then what was given them)
            # 128家民营企业结对帮扶村132个: the noun up to the verb; the rest names the next fact
            cut = next((m.start() for m in _token_verbs(r, noun_after) if m.start() < len(noun_after) - 1
                        # (241个涉企服务事项100%全程网办: 服务事项 is one noun, no verb of it)
                        and not r.pattern("verb_noun_head").fullmatch(noun_after, m.end())), None)
            if cut is not None:
                noun_after, rest = noun_after[:cut], noun_after[cut:] + rest
        if noun_after and not joined and ((before and not _SCOPE_ONLY.fullmatch(before) and rest[:1].isdigit()
                                           and not _own_short_noun(r, noun_after, rest, max_subject=max_subject))
                                          or _RATE_AHEAD.match(noun_after + rest)):
            # the words run into the next number: they name the next fact (发放宣传册500余份
            # 律师进村宣讲3次 -> 宣传册; 成功调解128起调解成功率98% -> not 调解成功率)
            noun_after, rest = "", after
    # 总投资21.18亿元的锂盐项目, 面积3.2万平方米的服务中心: a quantity of the noun after 的
    of_after = after.startswith("的") and r.quantity_head is not None
    predicate = ""
    examples = noun_after and joined and jm.group(0).strip() == "等"
    if noun_after and joined and not examples:
        before = ""  # 86名律师、33名基层法律服务工作者: the words before belong to the list
    # the fact of the same kind of unit before, unless the two numbers touch (犯罪案件10件12人,
    # 宣传册12种5000余份: the pair counts one thing)
    like = prev if (prev is not None and not clause.strip().strip("、")) else (kin or prev)  # (违建35处、480平方米)
    # (who took part is not what was held: 开展普法讲座60余场次，培训600人次 -> 培训, not 普法讲座)
    audience_verb = (like is prev and prev is not None and prev_kind != unit.kind
                     and unit.kind in _AUDIENCE and prev_kind not in _AUDIENCE)
    if ends_with_verb and not noun_after and r.subject_verb is not None and like is not None \
            and like["subject"] and kind != "growth":
        # a bare light verb in a list: 开展宣讲2场次，走进社区开展2场次 -> 宣讲, 开展
        lv = r.subject_verb.search(before)
        held = list(r.subject_verb.finditer(clause))
        event = _strip_repeat(clause[:held[-1].start()].strip(_EDGE), r.subject_lead, lead=True) if held else ""
        if lv is not None and len(event) >= 2 and r.noun_end is not None and r.noun_end.search(event):
            # 法治讲座举办9场: the event named before its light verb is counted, not the previous fact's
            return {"phrase": event, "subject": _shorten(r, event, max_subject), "verb": "",
                    "predicate": "", "number_kind": kind, "inherited": False}
        if lv is not None:
            return {"phrase": before, "subject": like["subject"], "verb": lv.group(0),
                    "predicate": "", "number_kind": kind, "inherited": True}
    tail_verb = _tail_verb(r, before) if (noun_after and not ends_with_verb and not joined
                                           and not clause.rstrip(_EDGE).endswith("的")) else ""
    lead_verb = ""  # the verb before the number when its noun follows (召开3次政府常务会议)
    if noun_after:
        if ends_with_verb:
            phrase = noun_after
            lead_verb = _split_verb(r, before)[0] or before
        elif tail_verb:
            phrase = tail_verb + noun_after  # 细致梳理1585项工作事项: the verb's object follows
        else:
            # a short modifier before the number belongs to the noun (全县12个 -> no; 限额以上5家…),
            # a place or an agent does not (海门区28个村（社区） -> 村（社区）)
            own = (len(before) <= 4 or r.pattern("size_class").fullmatch(before) is not None) and not (
                r.agent is not None and r.agent.search(before))  # (30万以上32个村 -> 30万以上村)
            tm = r.verbs_trail.search(before) if (own and r.verbs_trail is not None) else None
            if tm is not None and tm.start() > 0:
                before = before[tm.start():]  # 规划确定的77项主要指标 -> 确定 + 主要指标
            phrase = (before if own else "") + noun_after
        predicate = _predicate(r, rest)
    else:
        phrase = before
        if unit.kind in _VERB_AFTER or not before:
            predicate = _predicate(r, rest)
        elif unit.kind in _AUDIENCE and r.verb_one is not None and (
                r.verb_one.match(rest) or _PEOPLE_DO.match(rest)):
            # people named before their number, then what they did: 社区居民共200余人听取审议街道工作 -> 听取审议街道工作
            predicate = _predicate(r, _MEANS_FIRST.sub("", rest, count=1))  # (通过视频会议形式参与… -> 参与…)
        elif unit.kind == "rate" and not _RATE_END.search(before.rstrip(_EDGE)):
            # a share of things named before it says what they are after it: 政务服务事项实现100%
            # 全程网办 -> 全程网办; 行政执法人员100%持证上岗 -> 持证上岗
            predicate = _predicate(r, rest)
    if "、" in phrase and (ql := _QUOTED_LIST.search(phrase)) is not None and len(phrase) - ql.end() >= 4 \
            and _a_slogan_of_parts(ql.group(0)):
        phrase = phrase[:ql.start()] + phrase[ql.end():]  # “学习新思想、奋进新征程”理论微宣讲活动: a campaign's
        # slogan of several parts names it; the thing after it is counted (no verb inside the slogan)
    full = _QUOTES.sub("", phrase)
    if len(full) > max_subject and "《" in full and len(plain := full.replace("《", "").replace("》", "")) <= max_subject:
        full = plain  # 集中学习《习近平法治思想学习纲要》5次: the title's brackets do not make it too long
    if unit.kind in _VERB_AFTER and len(full) > max_subject and not _EVENT_HEAD.search(full) and (
            studies := list(r.pattern("study_event").finditer(full))):
        # 中心组集中学习习近平法治思想和相关法律法规4次: the sessions of study are counted, not the laws
        # studied -> 集中学习 + the first whole words of what was studied
        sm = studies[-1]
        kept = sm.group(0)
        for w in _cut(full[sm.end():]):
            if len(kept) + len(w) > max_subject or w in _VERB_JOIN:
                break
            kept += w
        if len(kept) - len(sm.group(0)) >= 2:
            full = kept  # (a study at the end names its event: …法治大讲堂学习5期 stays)
    lead = _split_verb(r, full)[0] if len(full) > max_subject else ""
    # (the verb opening the phrase is no part of the noun's length: 合法性审核市政府规范性文件和重要政策文件)
    phrase = _shorten(r, full, max_subject + (len(lead) if lead and full.startswith(lead) and len(full) - len(lead) >= 4 else 0))
    if kind == "growth":
        # the verb and the scope words go, the noun stays: 推动全县信访总量 -> 信访总量
        v, subject = _split_verb(r, phrase)
        if v:
            subject = _lead_after_verb(r, subject)
        elif (cm := list(r.pattern("causative").finditer(phrase))) and len(phrase) - cm[-1].end() >= 2:
            subject = phrase[cm[-1].end():]  # 光伏产业拉动全县规上工业产值(增速) -> 规上工业产值
        if not subject or _only_verbs(r, subject):
            subject = ""
        if subject.endswith("率"):
            subject = _after_examples(subject)  # “盗抢骗”等刑事发案率下降 -> 刑事发案率
    else:
        phrase = full  # split the whole phrase; the noun is shortened below
        am = r.audience_lead.match(phrase) if r.audience_lead is not None else None
        if am is not None and unit.kind in _VERB_AFTER:
            phrase = phrase[am.end():]  # 组织网格员参加业务培训5次 -> 业务培训
        elif am is not None and unit.kind in _AUDIENCE and am.groupdict().get("who"):
            phrase = am.group("who")  # 组织干部参加法治培训800人次 -> 干部
        # a count of times counts the event itself: 42批次双随机抽查 stays whole
        share = _SHARE_OF.match(phrase) if (kind == "rate" and "占" in phrase
                                            and not phrase.endswith(("比重", "比例"))) else None
        if share is not None:
            # …产值均占规上工业总产值8% -> …产值 (占…的 names the share: _share_of)
            v, subject = "", _strip_repeat(share.group(1), r.subject_tail, lead=False)
        elif kind == "rate" and _RATE_END.search(phrase):
            v, subject = "", phrase  # a rate is named by its own words: 出庭应诉率
            subject = _after_examples(subject)  # “盗抢骗”等刑事发案率 -> 刑事发案率
            first, _, last_item = phrase.rpartition("、")
            stem = _RATE_END.sub("", last_item)
            if first and stem and len(last_item) <= 10 and _RATE_END.search(last_item) and (
                    (_RATE_NAME.match(last_item) and first.endswith(stem)) or _DONE_END.search(first)):
                subject = last_item  # 重点项目开工、开工率113.8% -> 开工率; 实现…全覆盖、出庭应诉率100%
        elif (unit.kind in _VERB_AFTER and "、" in phrase and clause.rstrip(_EDGE).endswith("等")
              and r.verb_one is not None and r.verb_one.match(phrase, phrase.rfind("、") + 1)):
            v, subject = "", phrase  # 开展法治宣讲、摆放展板等20余场次: the actions together
        elif (unit.kind in _VERB_AFTER and "、" in phrase
              and all(_EVENT_HEAD.search(w) for w in phrase.split("、")) and len(phrase) <= 2 * max_subject):
            v, subject = "", phrase  # 举办法治专题学习培训、辅导讲座200余场次: the kinds of event together
        else:
            v, subject = _split_verb(r, phrase, trail=unit.kind not in _VERB_AFTER)
            if unit.kind in _VERB_AFTER and v and subject and phrase.startswith(v) and len(subject) <= 6 \
                    and _EVENT_HEAD.search(subject) and not _EVENT_HEAD.fullmatch(subject) \
                    and r.pattern("event_modifier_verb").fullmatch(v):
                v, subject = "", phrase  # 征求意见座谈会4场次: the verb and its object name the event
            if unit.kind == "duration" and v and subject and phrase.endswith(v):
                v, subject = "", phrase  # the time of a service is the service's: 企业设立登记3个工作小时内办结
            if not v and r.verb_one is not None and (om := (
                    _OBJECT_OF.search(subject) if unit.kind in _VERB_AFTER else r.pattern("prep_object").match(subject))) is not None:
                # (针对政府工作出具合法性审查意见书3份: the object of 针对, then the verb and what was made)
                # 领导对法治建设工作作出批示指示30余次: the object of 对, then the event (作出 + 批示指示)
                obj = subject[om.end():]
                vm = next((m for m in _token_verbs(r, obj)
                           if m.start() <= len(obj) - 4 and len(obj) - m.end() >= 2), None)
                if vm is not None:
                    v, subject = vm.group(0), obj[vm.end():]
            if not v and unit.kind in _VERB_AFTER and (mk := r.pattern("made").search(subject)) is not None \
                    and len(subject) - mk.end() >= 2:
                # 对法治建设作出批示12次 (对 gone with the lead words) -> 作出 + 批示
                v, subject = mk.group(0), subject[mk.end():]
            if lead_verb and v and not phrase.startswith(v):
                v, subject = "", phrase  # the noun after a verb and a number is whole (…进村入户活动)
            if v:
                subject = _lead_after_verb(r, subject)
                if subject in _GENERIC_HEADS and r.class_verb is not None and r.class_verb.match(v):
                    subject = v + subject  # 签约项目75个, 参训人员420人次: a class of projects, people
            if not subject and v and (unit.kind in _VERB_AFTER or audience_verb) and not (
                    r.subject_verb and r.subject_verb.fullmatch(v)):
                subject = v  # 开展培训12次，督查8次: the event is the verb's
        if kind == "rate" and (sm := _SHARE_ONLY.match(subject)) and sm.group("whole") \
                and r.pattern("task").fullmatch(sm.group("whole")):
            subject = sm.group("whole")  # 地区生产总值564亿元，占计划的100%: a completion, as 完成计划的100%
        if kind == "rate" and r.pattern("task").fullmatch(subject) and v in ("", "完成", "超额完成"):
            # 地方财政收入实现2496万元，完成任务的117.46% -> 地方财政收入任务完成率
            subject = _completion_of(r, prev, max_subject=max_subject) or "任务完成率"
        if kind == "rate" and (sm := _SHARE_ONLY.match(subject) or r.pattern("share_of_total").match(subject)):
            share_of = sm.group("whole") or ""
            subject = ""  # 占总量的38%: the share of the fact before (达到政务服务事项总数的98.6%: of that total)
        if kind != "rate":
            subject, hv = _head_noun(r, subject)
            v = v or hv
            subject, tv = _topic_quantity(r, subject)
            v = v or tv
        if subject and _only_verbs(r, subject) and not (
                unit.kind in _VERB_AFTER and not (r.subject_verb and r.subject_verb.fullmatch(subject))):
            # 开展20余次, 审结97宗: a light verb alone, or a verb of counted things, names nothing
            # (but 督查8次 counts the 督查 itself)
            v, subject = v or subject, ""
        if kind == "rate" and not subject and v in ("完成", "超额完成", "完成了"):
            # 城镇新增就业964人，完成142% -> 城镇新增就业任务完成率: a share of the year's target
            subject = _completion_of(r, prev, max_subject=max_subject)
        if lead_verb and (not _only_verbs(r, lead_verb) or (
                r.subject_verb is not None and r.subject_verb.fullmatch(lead_verb))):
            lead_verb = ""  # a light verb (召开, 举办, 开展) is no verb of the fact
        verb = verb or v or tail_verb or lead_verb
        if noun_after and (examples or not subject):
            subject = noun_after  # “法治讲堂”等17场品牌活动: the examples name the phrase only
    meeting = bool(subject and _MEETING_END.search(subject) and r.head_verb is not None
                   and (r.head_verb.match(after) or _AFTER_PREP.match(after)) and not ends_with_verb
                   and not (r.light_verb is not None and (r.light_verb.search(clause) or (
                       # (召开…会议4次、市政府常务会议11次研究…: the light verb of the list counts both)
                       clause.lstrip().startswith("、") and r.light_verb.search(_CLAUSE_MARK.split(earlier)[-1])))))
    if unit.kind in _VERB_AFTER and not noun_after and kind != "growth" and (
            not subject or meeting or (r.agent is not None and r.agent.search(subject))):
        # a count of times whose event follows it: 先后8次对法治政府建设作出批示 -> 作出 + 批示,
        # 主要负责人先后5次听取…汇报 -> 听取 + …汇报 (who acted is no event; nor a meeting that
        # no light verb counts: 区政府常务会议3次听取…汇报, but 召开常务会议3次研究… counts meetings)
        ev, en = _event_after(r, after, max_subject=max_subject)
        if en:
            verb, subject, predicate = ev, en, ""
    if unit.kind in _VERB_AFTER and subject and (am := r.pattern("body_then_event").match(subject)) is not None \
            and len(subject) - am.end() >= 2:
        # 县委常委会、县政府常务会组织集中学法12次 -> 集中学法: the bodies held it, the event is counted
        subject = subject[am.end():]
    if unit.kind in _VERB_AFTER and subject and r.light_verb is not None and r.light_verb.search(clause) and (
            mm := r.pattern("meeting_then").match(subject)) is not None and len(mm.group(1)) >= 2:
        subject, predicate = mm.group(1), subject[mm.end():]
    if subject and _ORDINAL_ONLY.fullmatch(subject):
        # 第一批取消1项，承接9项: a batch names no thing; it goes with the verb
        verb, subject = subject + verb, ""
    owner = ""
    if of_after and not noun_after and len(subject) > 4 and (qh := r.quantity_head.search(subject)) \
            and 2 <= qh.end() - qh.start() <= 4:
        head_at = qh.start() - (qh.start() > 0 and subject[qh.start() - 1] == "总")
        act = subject[:head_at]
        if head_at >= 2 and r.verbs_trail is not None and r.verbs_trail.search(act):
            subject = subject[head_at:]  # 加快建设总投资7.58亿元的…项目: the words before the head are the act
    if of_after and not noun_after and 2 <= len(subject) <= 4 and r.quantity_head.search(subject):
        owner, _ = _noun_after(r, after, max_subject=max_subject)
        if r.pattern("quantity_of_not").search(owner):
            owner = ""  # 实现营业收入2.3亿元的好成绩: no thing owns the amount
        subject = owner + subject  # 锂盐项目总投资 (a name, kept whole up to the limit of a list)
    rates = (_RATE_ITEMS.split(subject) if kind == "rate" and ("、" in subject or _RATE_ITEMS.search(subject))
             else [])  # (网上可办率和政务服务事项编目覆盖率均达100%: 和 after a rate joins two names)
    while len(rates) > 2 and not rates[0].endswith("率"):
        rates = rates[1:]  # 重大行政决策目录化管理、…审查率、…应诉率均达到100%: the rates named
    if len(rates) > 1 and all(len(i) >= 3 and i.endswith("率") for i in rates):
        # a list of rates: each name shortened by itself, never the list cut inside a name
        # (…合法性审查率、行政机关负责人出庭应诉率均达到100%)
        subject = "、".join(i if len(i) <= max_subject + _COORD_EXTRA else _shorten(r, i, max_subject)
                           for i in rates)
    elif not owner or len(subject) > max_subject + _COORD_EXTRA:
        # a ratio names two quantities and is longer (…总产值占规模以上工业总产值比重)
        subject = _shorten(r, subject, 2 * max_subject if (
            kind == "rate" and _RATIO_NAME.search(subject)) else max_subject)
    phrase = _shorten(r, phrase, max_subject)
    inherited = False
    if subject and r.bare_total is not None and r.bare_total.match(subject) and kin is not None \
            and kin["subject"] and not r.bare_total.match(kin["subject"]):
        # 新增经营主体3200家，总量达到41000家 -> 经营主体总量
        subject, inherited = _shorten(r, kin["subject"] + subject, max_subject), True
    if r.pattern("project_money").fullmatch(subject) and kind == "amount" and prev is not None and "项目" in prev["subject"] \
            and prev["number_kind"] == "count":
        # 实施重点项目128个，完成投资356亿元 -> 重点项目投资: the projects' money, not all investment
        subject, inherited = _shorten(r, prev["subject"] + subject, max_subject), True
    if (subject and r.bare_verb is not None and unit.kind not in _VERB_AFTER and not verb
            and r.bare_verb.match(subject) and like is not None and like["subject"]):
        verb, subject = subject, ""  # 排查矛盾纠纷356起，成功调解349起 -> 调解 + 矛盾纠纷
    if not subject and head:
        # the noun stands earlier in the clause: 现场办件共计办理3048件 -> 现场办件
        subject = _noun_of_clause(r, head, max_subject=max_subject)
    if not subject and audience_verb and verb:
        subject = verb  # 培训600人次 after a count of lectures: the people trained
    if audience_verb and subject == verb and prev["subject"] and r.subject_inherit is not None \
            and r.subject_inherit.fullmatch(verb):
        # 开展培训5场，覆盖120余人次: 覆盖 names no one; the people the event reached
        subject, inherited = prev["subject"], True
    if not subject and kind == "growth" and like is not None and like["number_kind"] == "rate" \
            and like["subject"].endswith("任务完成率") and len(like["subject"]) > 5:
        # …完成任务的117.46%，同比增长28.7%: the growth is of the amount, not of the completion
        subject, inherited = like["subject"][:-5], True
    if not subject and verb and like is not None and like["subject"] and like["unit"] != unit.canonical \
            and "案" not in like["subject"] and r.pattern("case_verb").search(verb):
        # 排查整改隐患1245处，立案处罚24起: the verb of cases counts cases, not the things before in
        # another unit
        subject, inherited = "案件", True
    if not subject and like is not None and like["subject"]:
        # the previous fact of the list: 开工道路15条，建成30条; 犯罪案件10件12人; of a rate, what it
        # is a rate of (政务服务事项网上可办率94.3%，办理1.3万件 -> 政务服务事项)
        subject, inherited = like["subject"], True
        if like["number_kind"] == "rate" and kind == "count":
            subject = _rate_stem(subject) or subject
    if subject and not inherited and prev is None and earlier and kind == "amount" \
            and _BARE_QUANTITY.fullmatch(subject):
        # 地方工业逆势增长，完成产值256亿元 -> 地方工业产值: a bare quantity of the noun of the clause before
        last = [c for c in _CLAUSE_END.split(earlier) if c.strip()]
        om = r.pattern("sector").match(last[-1].strip(_EDGE)) if last else None
        if om is not None:
            subject = _shorten(r, om.group(0) + subject, max_subject)
    # the event people took part in, after 参加 (组织全市1.19万人参加…专题班学习)
    took_event = _shorten(r, predicate[pm.end():], max_subject) if (
        not subject and unit.kind in _AUDIENCE and (pm := r.pattern("took_part").match(predicate))) else ""
    if took_event and earlier and (
            "》" in earlier[-40:] or (_EVENT_END.search(predicate) is not None
                                      and r.pattern("event_named").search(earlier) is None)):
        # 制定《…任务清单》，组织全市1.19万人参加…网络专题班学习 / …民主评议，83人参加…任前法律知识考试: the
        # event they took part in, not the title or the work of the clause before (an event named before
        # stays theirs: 举办…轮训班，1100余人参加了轮训)
        subject = took_event
    if not subject and earlier:
        # the clause before: 开展“小散乱污”专项整治行动，共整改取缔15家 -> 小散乱污
        subject = _noun_of_last_clause(r, earlier, max_subject=max_subject,
                                       event=unit.kind in _VERB_AFTER)
    if not subject and before_sentence:
        # a breakdown (其中：第一批取消1项) of what the sentence before did (…调整行政许可事项。)
        subject = _noun_of_last_clause(r, before_sentence, max_subject=max_subject)
    if not subject and para is not None and para["subject"]:
        # a bare verb opening a sentence continues the paragraph: 收到申请862件。受理801件
        subject, inherited = para["subject"], True
    if not subject and took_event:
        subject = took_event  # 组织全市1.19万人参加习近平法治思想网络专题班学习 -> who took part, named by the event
    if share_of and share_of not in _SHARE_TOTAL and subject and inherited \
            and not subject.endswith(("比重", "比例")):
        # 新增市场主体30.2万户，占全省81% -> 市场主体占全省比重: the area's share is an indicator of
        # its own, and so is a share of a named whole (税收收入9.8亿元，占一般公共预算收入的78% ->
        # 税收收入占一般公共预算收入比重; but 其中…案件9件，占总量的31% stays the share of those cases)
        subject = subject + "占" + share_of + "比重"
    if not subject:
        subject = phrase or verb  # nothing better: the words as written (出庭46宗)
        if subject == verb and unit.canonical in ("件", "起", "宗") and r.pattern("case_verb").search(verb):
            subject = "案件"  # 今年以来，共计立案查处390件: the cases the verb of cases counts
    event = (_event_before(r, earlier, max_subject=max_subject)
             if kind == "rate" and earlier and r.event_rate is not None and r.event_rate.match(subject)
             else "")
    if event and (len(event) >= 4 or not topic):
        # …参加年度学法考试，参考率100% -> 年度学法考试参考率: a named event before who took it (but
        # 共评查案卷360卷，优秀率85% -> 案卷优秀率: a bare 评查 names less than the topic)
        subject = event + subject
    elif (kind == "rate" and prev is not None and prev["verb"] and prev["subject"]
          and subject == prev["verb"][-2:] + "率"):
        # the rate of the fact before by its verb: 行政诉讼败诉1件，败诉率为4.2% -> 行政诉讼败诉率
        subject = _shorten(r, _overlap_join(prev["subject"], subject), max_subject)
    elif kind == "rate" and subject == "占比" and prev is not None and prev["number_kind"] != "rate" \
            and prev["subject"]:
        # 审批事项2368件，其中即办件1860件，占比78.5% -> 即办件占比: the share of the fact right before
        subject = _shorten(r, prev["subject"] + subject, max_subject)
    elif (kind == "rate" and _RATE_NAME.match(subject) and prev is not None and prev["number_kind"] != "rate"
          and len(stem := _RATE_END.sub("", subject)) >= 2 and stem in prev["subject"]
          and len(own := _COUNT_HEAD.sub("", prev["subject"].replace(stem, "", 1))) >= 2):
        # the rate of the fact before by its own words: 持证执法人员1320人，持证率100% -> 执法人员持证率
        # (参保人数…，参保率: a number of people names none of its own)
        lead = prev["subject"][:prev["subject"].index(stem)]
        # (行政机关负责人出庭应诉案件132件，出庭率100% -> 行政机关负责人出庭率: who did it, then the rate)
        subject = _shorten(r, (lead if len(lead) >= 2 else own) + subject, max_subject)
    elif kind == "rate" and (_RATE_NAME.match(subject) or r.pattern("process_rate").fullmatch(subject)) and topic and not (
            r.rate_own is not None and r.rate_own.match(subject)):
        # a bare rate name after a count: 受理信访件86件，办结率100% -> 信访件办结率 (the noun of
        # the segment's first fact, not of a part of it: 出庭52宗（其中正职19宗），出庭应诉率100%)
        subject = _shorten(r, _overlap_join(topic, subject), max_subject)
    elif event:
        subject = event + subject
    if kind == "rate" and predicate and len(predicate) <= _PREDICATE_AS_RATE and (
            not subject or _only_verbs(r, subject)):
        # a share with no noun before it is named by what it says: 率先实现100%入户筛查 -> 入户筛查
        verb, subject, predicate = verb or (subject if subject != predicate else ""), predicate, ""
    if "《" in subject:
        subject = subject.replace("《", "").replace("》", "")  # 《民法典》专题培训会
    return {"phrase": phrase, "subject": subject, "verb": verb, "predicate": predicate,
            "number_kind": kind, "inherited": inherited}


def _completion_of(r: IndicatorRules, prev: dict[str, Any] | None, *, max_subject: int) -> str:
    """The completion rate of the fact before (城镇新增就业964人，完成142% -> 城镇新增就业任务完成率), "" when
    the fact before is a rate or a growth, or names nothing."""
    if prev is None or prev["number_kind"] in ("rate", "growth") or not prev["subject"]:
        return ""
    return _shorten(r, prev["subject"] + "任务完成率", max_subject + 6)


def _rate_stem(name: str) -> str:
    """What a rate is a rate of: 政务服务事项网上可办率 -> 政务服务事项, 行政复议纠错率 -> 行政复议;
    "" when no noun is left (办结率)."""
    tokens = list(_cut(name))
    while tokens and "率" not in tokens[-1]:
        tokens.pop()
    if not tokens:
        return ""
    rate = tokens.pop()  # the token of the rate (可办率, 纠错率)
    while tokens and (len(tokens[-1]) == 1 or _RATE_MANNER.fullmatch(tokens[-1])):
        tokens.pop()  # 网上 (可办率), 按期 (办结率)
    stem = "".join(tokens)
    # (a long rate word holds part of the noun: 行政 + 复议纠错率 leaves no stem)
    return stem if len(stem) >= 3 or (len(stem) == 2 and len(rate) <= 3) else ""


def _overlap_join(topic: str, name: str) -> str:
    """A rate's name after the noun it is a rate of, the words they share said once: 信访件 + 办结率
    -> 信访件办结率, 纠纷调解 + 调解成功率 -> 纠纷调解成功率; a name holding the noun stays (调解 +
    调解成功率 -> 调解成功率)."""
    if topic in name:
        return name
    if (cm := _COUNT_HEAD.search(topic)) is not None and cm.start() >= 2:
        topic = topic[:cm.start()]  # 参保人数 + 参保率 -> 参保率: a rate is of the people, not their number
    for k in range(min(len(topic), len(name) - 1), 1, -1):
        if topic.endswith(name[:k]):
            return topic + name[k:]
    return topic + name


def _event_before(r: IndicatorRules, earlier: str, *, max_subject: int) -> str:
    """The event an earlier clause of the sentence names (组织2万余名干部参加年度学法考试 -> 年度学法考试),
    or "" when none ends with an ``event_head`` (考试, 测评 …): the last such token and the words
    before it up to a verb, a number or punctuation."""
    if r.event_head is None:
        return ""
    for clause in reversed([c for c in _CLAUSE_END.split(earlier) if c.strip()][-2:]):
        tokens = _tokenizer().cut(clause)
        heads = [i for i, t in enumerate(tokens) if r.event_head.search(t)]
        if not heads:
            continue
        i = j = heads[-1]
        while j > 0:
            t = tokens[j - 1]
            if not all("\u4e00" <= ch <= "\u9fff" for ch in t) or any(
                    p is not None and p.fullmatch(t)
                    for p in (r.verb_one, r.subject_verb, r.subject_lead)):
                break  # a verb (参加, 开展) or a lead word (组织, 通过, 全年) opens no event
            j -= 1
        noun = "".join(tokens[j:i + 1])
        if len(noun) >= 2 and r.event_head.search(noun) and not (
                r.event_rate is not None and r.event_rate.search(noun)):
            return _shorten(r, noun, max_subject)
    return ""


def _lead_after_verb(r: IndicatorRules, noun: str) -> str:
    """The noun after a verb without its scope words (推动全县信访总量 -> 信访总量), but with its
    level (承接市级事项 -> 市级事项)."""
    if _SCOPE_LEVEL.match(noun):
        return noun
    stripped = _strip_repeat(noun, r.subject_lead, lead=True)
    if not stripped and _DIGIT.search(noun):
        return ""  # 增长到2021年的22.2亿元: a year names nothing; the noun is the topic's
    return stripped if len(stripped) >= 2 else noun


def _topic_quantity(r: IndicatorRules, subject: str) -> tuple[str, str]:
    """(subject, verb) of a topic that 实现/完成 a quantity: 工程机械实现产值 -> (工程机械产值, 实现);
    other subjects unchanged with no verb."""
    if r.quantity_head is None or r.topic_verb is None or len(subject) < 5:
        return subject, ""
    for m in r.topic_verb.finditer(subject, 2):
        rest = subject[m.end():]
        if 2 <= len(rest) <= 8 and r.quantity_head.search(rest):
            return subject[:m.start()] + rest, m.group(0)
    return subject, ""


def _strip_status_words(r: IndicatorRules, s: str) -> str:
    """A phrase without its baseline words: 税收收入同比 -> 税收收入."""
    for cue in r.status_cues:
        if cue.status == "baseline":
            s = cue.pattern.sub("", s)
    return s.strip(_EDGE)
