"""The one numeral parser (fazhi.numerals): indicators, headings and dates use it alike."""

from __future__ import annotations

import pytest

from fazhi.numerals import chinese_number, digit_string, small_number


@pytest.mark.parametrize("text, value", [
    ("三", 3.0), ("两", 2.0), ("十五", 15.0), ("一百二十三", 123.0), ("三千五", 3500.0),
    ("一百一", 110.0), ("两万三", 23000.0), ("十万", 100000.0), ("二十万五千", 205000.0),
    ("一百零五", 105.0), ("百", 100.0), ("万", 10000.0), ("三点五", 3.5),
    ("五一", None), ("一一", None), ("十十", None), ("百千", None), ("", None), ("三个", None),
])
def test_chinese_number(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize("text, value", [("二〇二一", 2021), ("一九九八", 1998), ("二○二二", 2022), ("二十", None)])
def test_digit_string(text, value):
    assert digit_string(text) == value


@pytest.mark.parametrize("text, value", [
    ("十二", 12), ("3", 3), ("二十五", 25), ("十", 10), ("三十一", 31), ("九", 9),
    ("一一", None), ("十十", None), ("三点五", None),
])
def test_small_number(text, value):
    assert small_number(text) == value
