"""The character classes and text patterns several stages share, defined once: Chinese characters,
Chinese punctuation, outline heading markers, years and dates.

>>> bool(IS_CJK.match("㮾")), bool(HEADING_START.match("（三）推进依法行政"))
(True, True)
"""

from __future__ import annotations

import re

# Chinese characters: the basic block, Extension A, compatibility ideographs and Extensions B-F
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
IS_CJK = re.compile(f"[{CJK}]")
CJK_PUNCT = "，。、；：？！“”‘’（）《》【】〔〕…—·「」『』"

# outline heading numbers: 一、 > （一） > 1. / 1、 > （1）; Chinese digits of dates: 二〇二一年
CN_NUM = "一二三四五六七八九十"
CN_DIGITS = "〇零一二三四五六七八九○Ｏ"
# a line that opens with an outline heading marker
HEADING_START = re.compile(rf"^\s*(?:[{CN_NUM}]+[、.．]|[（(][{CN_NUM}\d]+[）)]|\d{{1,2}}[.、．](?!\d))")

# a year: 2021年, 二〇二一年
YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
CN_YEAR = re.compile(rf"([{CN_DIGITS}]{{4}})\s*年")
# a date: 2022-03-28, 2022/3/28, 2022.3.28, 2022年3月28日 (a weekday and a time may follow)
DATE_RX = (r"(?P<y>(?:19|20)\d{2})\s*(?P<s1>[-/.年])\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)"
           r"\s*日?(?P<wd>\s*(?:星期|周|礼拜)[一二三四五六日天])?"
           r"(?:[\sT-]*(?P<t>\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\.\d+)?))?")
DATE = re.compile(DATE_RX)
