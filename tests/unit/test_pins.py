"""Click → pin rules as plain functions."""

from datetime import datetime, timedelta

import pytest

from cantiere import pins
from cantiere.i18n import strings


def test_a_tap_in_ravenna_becomes_a_pin_in_ravenna():
    pin = pins.place(44.4175123456, 12.1995987654)
    assert pin.comune.name == "Ravenna"
    assert (pin.lat, pin.lon) == (44.41751, 12.1996)


def test_comune_is_derived_from_the_point():
    assert pins.place(44.2856, 11.8833).comune.name == "Faenza"
    assert pins.place(44.2237, 11.6265).comune.name == "Casola Valsenio"


@pytest.mark.parametrize("lat, lon", [(45.4642, 9.19), (44.40, 12.40)])  # Milano; the Adriatic off Ravenna
def test_a_tap_outside_the_province_is_refused(lat, lon):
    with pytest.raises(pins.PinError) as info:
        pins.place(lat, lon)
    assert "fuori dalla provincia" in info.value.message("it")


@pytest.mark.parametrize("lat, lon", [("abc", 12), (None, None), (float("nan"), 12.0), (95, 12)])
def test_a_tap_that_is_not_a_point_is_refused(lat, lon):
    with pytest.raises(pins.PinError) as info:
        pins.place(lat, lon)
    assert info.value.key == "pins.error.not_a_point"


def test_coarsening_moves_at_most_about_150_metres_and_groups_neighbours():
    lat, lon = 44.41751, 12.19960
    c_lat, c_lon = pins.coarsen(lat, lon)
    dy = (c_lat - lat) * 111_320
    dx = (c_lon - lon) * 111_320 * 0.7145
    assert (dx**2 + dy**2) ** 0.5 <= 150
    assert pins.coarsen(lat + 0.00001, lon + 0.00001) == (c_lat, c_lon)
    assert pins.coarsen(lat + 0.01, lon) != (c_lat, c_lon)


def test_note_rules():
    assert pins.clean_note("  qui manca un centro diurno \x00") == "qui manca un centro diurno"
    assert pins.clean_note("<script>alert(1)</script>") == "<script>alert(1)</script>"  # kept, shown as text
    with pytest.raises(pins.PinError) as info:
        pins.clean_note("   ")
    assert info.value.key == "pins.error.note_empty"
    with pytest.raises(pins.PinError) as info:
        pins.clean_note("x" * 281)
    assert "281" in info.value.message("it") and "280" in info.value.message("it")


def test_rate_limit_per_minute():
    now = datetime(2026, 11, 25, 10, 0, 0)
    recent = [now - timedelta(seconds=s) for s in range(0, 50, 5)]  # 10 in the last minute
    with pytest.raises(pins.PinError) as info:
        pins.check_rate(recent, now)
    assert "10" in info.value.message("it")
    pins.check_rate([now - timedelta(minutes=2)] * 50, now)  # old pins do not count


def test_duplicate_proposals_match_ignoring_case_accents_and_apostrophes():
    existing = {1: "Più posti al nido a Sant'Agata", 2: "Trasporto sociale nelle frazioni"}
    assert pins.find_duplicate("piu posti al NIDO a Sant’Agata!", existing) == 1
    assert pins.find_duplicate("Trasporto  sociale nelle frazioni.", existing) == 2
    assert pins.find_duplicate("Centro diurno a Russi", existing) is None


def test_every_category_has_a_label():
    for category in pins.CATEGORIES:
        assert f"pins.category.{category}" in strings()


def test_a_move_is_a_new_tap_with_its_own_comune():
    """Moving a pin re-runs the same rules: the comune follows the point, the sea is refused."""
    assert pins.place(44.41751, 12.1996).comune.name == "Ravenna"
    assert pins.place(44.26306, 12.34911).comune.name == "Cervia"
    with pytest.raises(pins.PinError):
        pins.place(44.40, 12.40)


def test_rate_limit_allows_up_to_the_limit_and_counts_only_the_last_minute():
    now = datetime(2026, 11, 25, 10, 0, 0)
    pins.check_rate([now - timedelta(seconds=s) for s in range(9)], now)  # 9 → the 10th is allowed
    with pytest.raises(pins.PinError):
        pins.check_rate([now - timedelta(seconds=s) for s in range(10)], now)
    pins.check_rate([now - timedelta(seconds=60)] * 10, now)  # exactly a minute ago: outside the window


def test_clicked_point_reads_what_st_folium_returns():
    from cantiere import mapkit

    assert mapkit.clicked_point({"last_clicked": {"lat": 44.4, "lng": 12.2}}) == (44.4, 12.2)
    assert mapkit.clicked_point({"last_clicked": None}) is None
    assert mapkit.clicked_point(None) is None
