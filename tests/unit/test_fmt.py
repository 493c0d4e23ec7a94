"""Numbers written the Italian way."""

import pytest

from cantiere import fmt


@pytest.mark.parametrize(
    "value, decimals, lang, text",
    [
        (155751, 0, "it", "155.751"),
        (25.54, 1, "it", "25,5"),
        (1234567.891, 2, "it", "1.234.567,89"),
        (155751, 0, "en", "155,751"),
        (25.54, 1, "en", "25.5"),
        (None, 1, "it", "–"),
        (float("nan"), 0, "it", "–"),
    ],
)
def test_number(value, decimals, lang, text):
    assert fmt.number(value, decimals, lang) == text


def test_percent():
    assert fmt.percent(25.54) == "25,5%"
    assert fmt.percent(25.54, lang="en") == "25.5%"


@pytest.mark.parametrize(
    "text, value", [("1.234,5", 1234.5), ("1234.5", 1234.5), ("12,5", 12.5), ("1,234.5", 1234.5), (" 30 ", 30.0)]
)
def test_parse_number(text, value):
    assert fmt.parse_number(text) == value


@pytest.mark.parametrize("text", ["dieci", "", "nan", "inf", "1,2,3x"])
def test_parse_number_rejects(text):
    with pytest.raises(ValueError):
        fmt.parse_number(text)
