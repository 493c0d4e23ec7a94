"""Service types, coverage and gap: figures checked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from cantiere import services, territory
from cantiere.errors import UnknownNameError
from cantiere.services import SERVICE_COLUMNS

CODES = [c.code for c in territory.comuni()]


def service(name, type_key, code, places, lat=None, lon=None, kind="cooperativa"):
    c = territory.comune(code)
    return {
        "nome": name,
        "tipo": type_key,
        "codice": c.code,
        "comune": c.name,
        "distretto": c.district,
        "indirizzo": "",
        "lat": lat,
        "lon": lon,
        "posti": places,
        "gestore": "",
        "tipo_gestore": kind,
        "esempio": False,
    }


def frame(*rows) -> pd.DataFrame:
    out = pd.DataFrame(list(rows), columns=SERVICE_COLUMNS)
    out["posti"] = out["posti"].astype("Int64")
    return out


def population(**by_code) -> pd.Series:
    """Target residents per comune: 0 everywhere except the codes given."""
    values = pd.Series(0, index=CODES, dtype=float)
    for code, value in by_code.items():
        values[territory.istat_code(code.lstrip("c"))] = value
    return values


def test_two_nurseries_of_30_places_for_300_children_is_20_per_100():
    nurseries = frame(
        service("Nido A", "nido", "039016", 30),
        service("Nido B", "nido", "039016", 30),
        service("CRA", "cra", "039016", 80),
    )  # another type: not counted
    table = services.coverage(nurseries, "nido", "comune", population=population(c039016=300))
    russi = table.set_index("codice").loc["039016"]
    assert russi["servizi"] == 2 and russi["posti"] == 60 and russi["popolazione"] == 300
    assert russi["copertura"] == pytest.approx(20.0)


def test_districts_sum_places_and_residents_not_ratios():
    # Ravenna 10 places / 1000 children (1 per 100), Russi 60 / 300 (20 per 100):
    # the district is 70 / 1300 = 5.38 per 100, not the mean 10.5
    offer = frame(service("A", "nido", "039014", 10), service("B", "nido", "039016", 60))
    table = services.coverage(offer, "nido", "distretto", population=population(c039014=1000, c039016=300))
    ravenna = table.set_index("codice").loc["Ravenna"]
    assert ravenna["posti"] == 70 and ravenna["popolazione"] == 1300
    assert ravenna["copertura"] == pytest.approx(100 * 70 / 1300)
    province = services.coverage(offer, "nido", "provincia", population=population(c039014=1000, c039016=300))
    assert province["copertura"].iloc[0] == pytest.approx(100 * 70 / 1300)


def test_comune_without_target_residents_has_no_coverage_figure():
    table = services.coverage(frame(), "nido", population=population(c039016=300))
    assert table.set_index("codice").loc["039005", "copertura"] is None or pd.isna(
        table.set_index("codice").loc["039005", "copertura"]
    )
    assert table.set_index("codice").loc["039016", "copertura"] == 0


def test_gap_against_the_eu_nursery_target():
    # 300 children and 60 places: 45 per 100 would be 135 places, 75 missing
    offer = frame(service("A", "nido", "039016", 30), service("B", "nido", "039016", 30))
    table = services.gap(offer, "nido", population=population(c039016=300)).set_index("codice")
    assert table.loc["039016", "riferimento"] == 45
    assert table.loc["039016", "posti_attesi"] == pytest.approx(135)
    assert table.loc["039016", "divario"] == pytest.approx(75)
    assert services.gap_class(60, table.loc["039016", "rapporto"]) == "critico"  # 20/45 < 0.5


def test_gap_of_types_without_a_target_uses_the_province_average():
    # CRA: 100 places / 1000 (75+) in Ravenna, none in Russi (500): province 100/1500
    offer = frame(service("A", "cra", "039014", 100))
    table = services.gap(offer, "cra", population=population(c039014=1000, c039016=500)).set_index("codice")
    assert table.loc["039016", "riferimento"] == pytest.approx(100 * 100 / 1500)
    assert table.loc["039016", "divario"] == pytest.approx(500 * (100 / 1500))
    assert services.gap_class(0, float("nan")) == "nessuno"


def test_target_population_uses_istat_age_ranges():
    rows = territory.population()
    ravenna = rows[rows["code"] == "039014"]
    children = int(ravenna[ravenna["age"] <= 2]["tot"].sum())
    elderly = int(ravenna[ravenna["age"] >= 75]["tot"].sum())
    assert services.target_population("nido").loc["039014"] == children
    assert services.target_population("cra").loc["039014"] == elderly
    assert services.target_population("sportello_sociale").loc["039014"] == 155_751  # ISTAT 2023
    assert services.target_population("accoglienza_adulti").loc["039014"] == int(
        ravenna[(ravenna["age"] >= 18) & (ravenna["age"] <= 64)]["tot"].sum()
    )


@pytest.mark.parametrize(
    "text, key",
    [
        ("Nido d'infanzia", "nido"),
        ("ASILO NIDO", "nido"),
        ("nido d’infanzia", "nido"),
        ("CRA", "cra"),
        ("Casa Residenza Anziani (CRA)", "cra"),
        ("comunità per minori", "comunita_minori"),
        ("Accoglienza adulti in difficolta", "accoglienza_adulti"),
        ("csr_diurno", "csr_diurno"),
    ],
)
def test_service_types_match_common_spellings(text, key):
    assert services.match_type(text) == key


def test_unknown_names_list_the_valid_ones():
    with pytest.raises(UnknownNameError) as caught:
        services.match_type("palestra")
    assert "Nido d'infanzia" in caught.value.message("it")
    with pytest.raises(UnknownNameError):
        services.service_type("nope")
    with pytest.raises(UnknownNameError):
        services.coverage(frame(), "nido", "regione")


def test_every_type_and_target_has_labels_in_both_languages():
    from cantiere.i18n import strings

    table = strings()
    for key, kind in services.SERVICE_TYPES.items():
        assert {"it", "en"} <= set(table[f"svc.type.{key}"])
        assert kind.target in services.TARGET_GROUPS
    for target in services.TARGET_GROUPS:
        assert {"it", "en"} <= set(table[f"svc.target.{target}"])


def test_filters_keep_only_the_chosen_rows():
    offer = frame(
        service("A", "nido", "039014", 10, kind="pubblico"),
        service("B", "cra", "039014", 50),
        service("C", "centro_diurno_anziani", "039010", 20),
    )
    assert services.filter_services(offer, types=["nido"])["nome"].tolist() == ["A"]
    assert services.filter_services(offer, targets=["anziani"])["nome"].tolist() == ["B", "C"]
    assert services.filter_services(offer, operator_kinds=["cooperativa"])["nome"].tolist() == ["B", "C"]
    assert len(services.filter_services(offer)) == 3


def test_imported_services_replace_the_sample(fresh_store):
    from cantiere import importers
    from tests.conftest import FACILITATOR_ACTOR, ROOT

    shown, is_sample = services.current_services(fresh_store)
    assert is_sample and shown["esempio"].all() and len(shown) > 100
    data = (ROOT / "tests" / "fixtures" / "servizi_fonte_italiana.csv").read_bytes()
    importers.import_file(fresh_store, "services", "s.csv", data, actor=FACILITATOR_ACTOR, max_bytes=2**20)
    shown, is_sample = services.current_services(fresh_store)
    assert not is_sample and len(shown) == 5
