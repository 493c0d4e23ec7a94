"""Indicator values against figures checked by hand in the ISTAT file."""

import pytest

from cantiere import indicators, territory
from cantiere.errors import UnknownNameError


@pytest.fixture(scope="module")
def comuni():
    return indicators.compute("comune", 2023).set_index("codice")


def test_residents_match_istat_2023(comuni):
    assert comuni.loc["039014", "residenti"] == 155_751  # Ravenna
    assert comuni.loc["039005", "residenti"] == 2_498  # Casola Valsenio
    assert comuni["residenti"].sum() == 385_661
    assert indicators.compute("provincia", 2023)["residenti"].iloc[0] == 385_661


def test_residents_2022_differ_from_2023():
    values = indicators.compute("comune", 2022).set_index("codice")
    assert values.loc["039014", "residenti"] == 155_836


def test_ratios_by_hand_casola_valsenio(comuni):
    # ISTAT 2023, Casola Valsenio: 2,498 residents, 734 aged 65+, 262 aged 0-14,
    # 239 aged 80+ of whom 142 women, 23 children aged 0-2
    row = comuni.loc["039005"]
    assert row["quota_65"] == pytest.approx(100 * 734 / 2498)
    assert row["indice_vecchiaia"] == pytest.approx(100 * 734 / 262)
    assert row["quota_donne_80"] == pytest.approx(100 * 142 / 239)
    assert row["bambini_0_2"] == 23


def test_ratios_by_hand_ravenna(comuni):
    # ISTAT 2023, Ravenna: 39,695 aged 65+, 17,736 aged 0-14, 98,320 aged 15-64
    row = comuni.loc["039014"]
    assert row["indice_vecchiaia"] == pytest.approx(223.81, abs=0.01)
    assert row["indice_dipendenza"] == pytest.approx(100 * (17_736 + 39_695) / 98_320)
    assert row["bambini_0_2"] == 2_811


def test_districts_add_up_to_the_province(comuni):
    districts = indicators.compute("distretto", 2023).set_index("codice")
    assert list(districts.index) == ["Ravenna", "Lugo", "Faenza"]
    assert districts["residenti"].sum() == 385_661
    assert districts.loc["Ravenna", "residenti"] == 155_751 + 28_983 + 12_190


def test_districts_aggregate_numerators_not_average_ratios(comuni):
    districts = indicators.compute("distretto", 2023).set_index("codice")
    members = comuni[comuni["distretto"] == "Faenza"]
    over65 = (members["quota_65"] * members["residenti"] / 100).sum()
    expected = 100 * over65 / members["residenti"].sum()
    assert districts.loc["Faenza", "quota_65"] == pytest.approx(expected)
    assert districts.loc["Faenza", "quota_65"] != pytest.approx(members["quota_65"].mean(), abs=1e-3)


def test_every_indicator_has_label_unit_formula_and_source():
    from cantiere.i18n import strings

    for ind in indicators.INDICATORS.values():
        for key in (ind.label, ind.unit, ind.formula):
            assert key in strings(), key
        assert "ISTAT" in ind.source


def test_unknown_indicator_and_level_list_the_valid_values():
    with pytest.raises(UnknownNameError) as info:
        indicators.indicator("felicità")
    assert "quota_65" in info.value.message("it")
    with pytest.raises(UnknownNameError) as info:
        indicators.compute("regione")
    assert "comune, distretto, provincia" in info.value.message("it")


def test_age_pyramid_totals_the_residents():
    table = indicators.age_pyramid("39005", 2023)
    assert int(table["F"].sum() + table["M"].sum()) == 2_498
    assert table["band"].iloc[0] == "0-4" and table["band"].iloc[-1] == "100+"
    assert territory.comune("39005").name == "Casola Valsenio"
