"""AppTest: Servizi e copertura with the sample and with an imported file;
Dati behind its password, listing and removing datasets."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from cantiere import importers
from cantiere.store import Store, datasets
from tests.conftest import FACILITATOR_ACTOR, ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "servizi_fonte_italiana.csv"
SAMPLE_LABEL = "Dati di esempio"


@pytest.fixture(autouse=True)
def fresh_resources(app_env):
    """Settings and store are cached per process: drop those of earlier tests
    so each test sees its own database and password."""
    import streamlit as st

    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def services_table(at):
    return next(df for df in at.dataframe if "Nome" in df.value.columns).value


def import_fixture(url: str) -> None:
    store = Store(url)
    try:
        importers.import_file(
            store, "services", FIXTURE.name, FIXTURE.read_bytes(), actor=FACILITATOR_ACTOR, max_bytes=2**20
        )
    finally:
        store.close()


def test_servizi_shows_the_sample_with_its_label(app_env):
    at = open_page("servizi")
    assert at.title[0].value == "Servizi e copertura"
    assert any(SAMPLE_LABEL in w.value for w in at.warning)
    table = services_table(at)
    assert len(table) > 100 and table["Nome"].str.contains("esempio").all()
    assert table["Dati di esempio"].all()


def test_filters_change_the_table(app_env):
    at = open_page("servizi")
    everything = len(services_table(at))

    at.multiselect(key="servizi.filter_type").set_value(["nido"]).run()
    nurseries = services_table(at)
    assert 0 < len(nurseries) < everything
    assert set(nurseries["Tipo"]) == {"Nido d'infanzia"}

    at.multiselect(key="servizi.filter_type").set_value([]).run()
    at.multiselect(key="servizi.filter_target").set_value(["anziani"]).run()
    elderly = services_table(at)
    assert set(elderly["Destinatari"]) == {"Anziani"}
    assert set(elderly["Tipo"]) <= {"Casa Residenza Anziani (CRA)", "Centro diurno anziani", "Assistenza domiciliare"}

    at.multiselect(key="servizi.filter_operator").set_value(["pubblico"]).run()
    assert set(services_table(at)["Tipo di gestore"]) == {"Pubblico"}


def test_coverage_table_follows_type_and_level(app_env):
    at = open_page("servizi")
    at.selectbox(key="servizi.coverage_type").set_value("cra").run()
    at.selectbox(key="servizi.coverage_level").set_value("distretto").run()
    coverage = next(
        df for df in at.dataframe if "Distretto" in df.value.columns and "Posti ogni 100" in df.value.columns
    ).value
    assert len(coverage) == 3
    assert "Residenti destinatari" in coverage.columns
    assert any("di 75 anni e più" in c.value for c in at.caption)


def test_servizi_with_an_imported_file_drops_the_sample(app_env):
    import_fixture(app_env["database_url"])
    at = open_page("servizi")
    assert not any(SAMPLE_LABEL in w.value for w in at.warning)
    table = services_table(at)
    assert len(table) == 5
    assert "Sant'Agata sul Santerno" in set(table["Comune"])
    assert "Dati di esempio" not in table.columns


def test_dati_needs_the_password(app_env):
    at = open_page("dati")
    assert not at.radio  # nothing to import before signing in
    at.text_input(key="facilitazione.password").input("sbagliata")
    at.button(key="facilitazione.login").click().run()
    assert any("Password errata" in e.value for e in at.error)
    assert not at.radio

    at.text_input(key="facilitazione.password").input(app_env["password"])
    at.button(key="facilitazione.login").click().run()
    assert not at.exception
    assert at.radio(key="dati.kind").value == "services"
    assert any("Nessun dato importato" in i.value for i in at.info)


def test_dati_lists_and_removes_a_dataset(app_env):
    import_fixture(app_env["database_url"])
    at = open_page("dati")
    at.text_input(key="facilitazione.password").input(app_env["password"])
    at.button(key="facilitazione.login").click().run()
    listed = next(df for df in at.dataframe if "File" in df.value.columns).value
    assert listed["File"].tolist() == [FIXTURE.name] and listed["Righe"].tolist() == [5]

    at.button(key="dati.remove").click().run()
    assert not at.exception
    assert any("Dataset rimosso" in s.value for s in at.success)
    store = Store(app_env["database_url"])
    assert datasets.count_rows(store) == {"datasets": 0, "services": 0, "indicators": 0, "definitions": 0}
    store.close()


def test_dati_without_admin_password_is_closed(app_env, monkeypatch):
    monkeypatch.setenv("CANTIERE_ADMIN_PASSWORD", "")
    at = open_page("dati")
    assert any("CANTIERE_ADMIN_PASSWORD" in w.value for w in at.warning)
    assert not at.text_input


def test_servizi_in_english(app_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("views/servizi.py")
    at.run()
    assert not at.exception
    assert at.title[0].value == "Services and coverage"
    assert any("Sample data" in w.value for w in at.warning)


def signed_in_dati(app_env) -> AppTest:
    at = open_page("dati")
    at.text_input(key="facilitazione.password").input(app_env["password"])
    at.button(key="facilitazione.login").click().run()
    return at


def test_dati_upload_report_then_import_then_servizi_shows_it(app_env):
    at = signed_in_dati(app_env)
    at.file_uploader(key="dati.upload.0").set_value((FIXTURE.name, FIXTURE.read_bytes(), "text/csv")).run()
    assert not at.exception
    assert any("Il file è valido: 5 righe" in s.value for s in at.success)
    store = Store(app_env["database_url"])
    assert datasets.count_rows(store)["datasets"] == 0  # checking is not importing

    at.button(key="dati.import").click().run()
    assert any("Importate 5 righe" in s.value for s in at.success)
    assert FIXTURE.name in next(df for df in at.dataframe if "File" in df.value.columns).value["File"].tolist()
    assert not [b for b in at.button if b.key == "dati.import"]  # the uploader is empty again
    assert datasets.count_rows(store) == {"datasets": 1, "services": 5, "indicators": 0, "definitions": 0}
    store.close()

    at.switch_page("views/servizi.py").run()
    assert len(services_table(at)) == 5
    assert not any(SAMPLE_LABEL in w.value for w in at.warning)


def test_dati_bad_upload_shows_row_column_reason_and_no_import_button(app_env):
    at = signed_in_dati(app_env)
    bad = "nome;tipo;comune;posti\nNido A;nido;Ravena;dieci\n".encode("cp1252")
    at.file_uploader(key="dati.upload.0").set_value(("servizi.csv", bad, "text/csv")).run()
    assert any("File rifiutato (2 errori)" in e.value for e in at.error)
    problems = next(df for df in at.dataframe if "Problema" in df.value.columns).value
    assert problems["Riga"].tolist() == [2, 2]
    assert set(problems["Colonna"]) == {"comune", "posti"}
    assert "comune sconosciuto «Ravena»: forse «Ravenna»?" in problems["Problema"].tolist()
    assert not [b for b in at.button if b.key == "dati.import"]
    store = Store(app_env["database_url"])
    assert datasets.count_rows(store)["datasets"] == 0
    store.close()
