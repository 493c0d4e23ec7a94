"""Every visible number in Italian (issue 15): amounts, counts that agree with their
noun, numbers typed the Italian way, and charts with full numbers (no «k», no
decimal point). Streamlit's own strings in Italian: tests/e2e/test_pages_csp_words.py."""

from __future__ import annotations

import json
import re

import pytest

from cantiere import charts_voting, fmt, voting


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("50.000", 50000.0),
        ("50000,50", 50000.5),
        ("50 000", 50000.0),
        ("1.234.567,89", 1234567.89),
        ("12,5", 12.5),
        ("125.000 €", 125000.0),
        ("1234.5", 1234.5),
        ("0", 0.0),
    ],
)
def test_amounts_are_read_as_people_type_them(typed, value):
    assert fmt.parse_amount(typed) == value


def test_a_lone_point_in_a_data_file_stays_a_decimal_point():
    assert fmt.parse_number("11.879") == 11.879  # a longitude, not eleven thousand
    assert fmt.parse_number("50 000") == 50000.0


@pytest.mark.parametrize("typed", ["", "dieci", "5O.000", "1,2,3"])
def test_what_is_not_a_number_says_so(typed):
    with pytest.raises(ValueError):
        fmt.parse_amount(typed)


def test_amounts_counts_and_decimals_in_italian():
    assert fmt.euro(125000) == "125.000 €"
    assert fmt.euro(1500.5) == "1.500,50 €"
    assert fmt.number(35.4, 1) == "35,4"
    assert fmt.count(1, "sostegno", "sostegni") == "1 sostegno"
    assert fmt.count(2, "sostegno", "sostegni") == "2 sostegni"
    assert fmt.count(1500, "sostegno", "sostegni") == "1.500 sostegni"


def _budget_result():
    items = [voting.Item(i, f"Progetto {i}", cost=c) for i, c in ((1, 125000.0), (2, 60000.0), (3, 35400.5))]
    ballots = [{"approved": [1]}, {"approved": [2, 3]}, {"approved": [1]}, {"approved": [3]}, {"approved": [2]}]
    return voting.tally("budget", ballots, items, {"budget": 200000}), items


def test_charts_write_full_italian_numbers():
    result, items = _budget_result()
    for figure in charts_voting.result_charts(result, items, "it"):
        spec = json.loads(figure.to_json())
        layout = spec["layout"]
        assert layout.get("separators") == ",.", "decimal comma, thousands point"
        for name, axis in layout.items():
            if name.startswith(("xaxis", "yaxis")):
                assert axis.get("exponentformat") == "none", f"{name} would write 10k"
        for trace in spec["data"]:
            for text in trace.get("text") or []:
                text = str(text)
                assert not re.search(r"\d\.\d{1,2}(?!\d)", text), f"decimal point in {text!r}"
                assert not re.search(r"\dk\b", text), f"«k» in {text!r}"


def test_supports_agree_with_their_number():
    from cantiere.i18n import translate

    one = translate("proposte.count", "it", id=3, supports=fmt.count(1, "sostegno", "sostegni"))
    assert one == "n. 3 · 1 sostegno"
    assert translate("proposte.support_many", "it") == "sostegni"


def test_amounts_in_error_messages_are_written_the_italian_way():
    """«costano 125.000 €, oltre il budget di 100.000 € di 25.000 €» (not 125000)."""
    two = [voting.Item(1, "A", cost=125000.0), voting.Item(2, "B", cost=100000.5)]
    try:
        voting.method("budget").validate({"approved": [1, 2]}, two, {"budget": 200000})
    except voting.BallotError as exc:
        assert exc.message("it").startswith("I progetti scelti costano 225.000,50 €, oltre il budget di 200.000 €")
        assert "25.000,50 €" in exc.message("it")
        assert "€225,000.50" in exc.message("en")
    else:
        raise AssertionError("over the budget")
