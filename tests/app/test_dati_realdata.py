"""AppTest: the Dati page takes every real file of ../shared/realdata as
published, proposes its indicators, lets the coordinator pick, rename and add
a formula; the Atlante then shows the imported MEF figure with its source."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from cantiere.store import Store, datasets
from tests import realdata
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def fresh_resources(app_env):
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def dati(app_env) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("views/dati.py").run()
    at.text_input(key="facilitazione.password").input(app_env["password"])
    at.button(key="facilitazione.login").click().run()
    at.radio(key="dati.kind").set_value("indicators").run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, name: str, data: bytes, round_: int = 0) -> AppTest:
    at.file_uploader(key=f"dati.upload.{round_}").set_value((name, data, "text/csv")).run()
    assert not at.exception, at.exception
    return at


def widget(widgets, suffix: str):
    return next(w for w in widgets if w.key and w.key.endswith(suffix))


def frame_with(at: AppTest, column: str):
    """The first dataframe on the page with ``column`` (AppTest does not expose dataframe keys)."""
    return next(df.value for df in at.dataframe if column in df.value.columns)


def preview(at: AppTest):
    """The values preview: comuni by indicator."""
    return next(
        df.value
        for df in at.dataframe
        if "Nome" in df.value.columns and len(df.value) == 18 and "Distretto" not in df.value.columns
    )


def stored(app_env):
    store = Store(app_env["database_url"])
    try:
        return datasets.imported_indicators(store), datasets.list_datasets(store), datasets.count_rows(store)
    finally:
        store.close()


@pytest.mark.parametrize("name", realdata.FILES)
def test_every_real_file_through_the_dati_page(app_env, name):
    at = upload(dati(app_env), name, realdata.path(name).read_bytes())
    assert any("File riconosciuto" in i.value for i in at.info)
    valid = [s.value for s in at.success if "Il file è valido" in s.value]
    assert valid and valid[0].endswith("indicatori per 18 comuni.")
    assert widget(at.text_input, ".licence").value  # licence filled by the preset
    assert len(preview(at)) == 18
    assert stored(app_env)[2]["datasets"] == 0  # checking is not importing

    at.button(key="dati.import").click().run()
    assert any(s.value.startswith("Importati ") and "per 18 comuni" in s.value for s in at.success)
    values, listed, _ = stored(app_env)
    assert listed["file"].tolist() == [name] and values["codice"].nunique() == 18


def test_mef_average_income_of_ravenna_as_the_page_imports_it(app_env):
    name = "mef_irpef_2024_ravenna.csv"
    at = upload(dati(app_env), name, realdata.path(name).read_bytes())
    shown = preview(at).set_index("Nome")
    assert shown.loc["Ravenna", "Reddito complessivo medio per contribuente (€)"] == "27.031"
    at.button(key="dati.import").click().run()
    values = stored(app_env)[0]
    row = values[
        (values["codice"] == "039014") & (values["nome indicatore"] == "Reddito complessivo medio per contribuente")
    ]
    file_row = next(r for r in realdata.rows(name) if r["comune"] == "RAVENNA")
    assert row["valore"].iloc[0] == pytest.approx(
        int(file_row["reddito_complessivo_cents"]) / int(file_row["reddito_complessivo_freq"]) / 100
    )


def test_pick_rename_and_add_a_formula_before_importing(app_env):
    name = "mef_irpef_2020_ravenna_raw.csv"
    at = upload(dati(app_env), name, realdata.path(name).read_bytes())
    pick = widget(at.multiselect, ".pick")
    options = pick.options
    # keep the taxpayers only, and add the «Reddito da pensione - Frequenza» column as it is
    keep = [
        options.index("Contribuenti IRPEF = «Numero contribuenti»"),
        options.index("colonna 13 · Reddito da pensione - Frequenza"),
    ]
    pick.set_value(keep).run()
    widget(at.text_input, ".name.0").input("Contribuenti IRPEF (dichiarazioni 2021)").run()
    # a formula: pensioners per 100 residents aged 65+
    widget(at.text_input, ".f.name").input("Pensionati ogni 100 anziani")
    widget(at.text_input, ".f.unit").input("%")
    widget(at.selectbox, ".f.num").set_value("Reddito da pensione - Frequenza")
    widget(at.selectbox, ".f.den").set_value("pop:anziani_65")
    widget(at.selectbox, ".f.factor").set_value(100.0)
    widget(at.button, ".f.add").click().run()
    assert not at.exception, at.exception
    assert len(widget(at.multiselect, ".pick").value) == 3
    at.button(key="dati.import").click().run()
    values, _, counts = stored(app_env)
    assert counts["definitions"] == 3
    assert set(values["nome indicatore"]) == {
        "Contribuenti IRPEF (dichiarazioni 2021)",
        "Reddito da pensione - Frequenza",
        "Pensionati ogni 100 anziani",
    }


def test_a_national_file_on_the_page_counts_the_rows_outside(app_env):
    lines = realdata.path("mef_irpef_2024_ravenna.csv").read_text(encoding="utf-8").splitlines()
    milano = "015146,F205,MILANO,015,MI,03,800000,780000,2800000000000,770000,2600000000000,700000,600000000000,690000,50000000000,680000,20000000000,35897.44"
    data = ("\n".join([lines[0], milano, *lines[1:]]) + "\n").encode()
    at = upload(dati(app_env), "mef_irpef_2024_italia.csv", data)
    assert any("Righe di altri comuni lasciate fuori: 1" in c.value for c in at.caption)
    problems = frame_with(at, "Problema")
    assert any("lasciate fuori: 1 (ad esempio «MILANO»)" in p for p in problems["Problema"])
    at.button(key="dati.import").click().run()
    assert stored(app_env)[1]["fuori_provincia"].tolist() == [1]


def test_a_file_of_other_comuni_shows_one_message_and_no_import_button(app_env):
    rows = "\n".join(f"{1001 + i};{i}" for i in range(2000))
    at = upload(dati(app_env), "altri.csv", f"PRO_COM;valore\n{rows}\n".encode())
    problems = frame_with(at, "Problema")
    assert len(problems) == 1 and "Nessuna delle 2.000 righe" in problems["Problema"].iloc[0]
    assert not [b for b in at.button if b.key == "dati.import"]
    assert stored(app_env)[2]["datasets"] == 0


def test_the_atlante_shows_the_imported_mef_figure_with_its_source(app_env):
    name = "mef_irpef_2024_ravenna.csv"
    at = upload(dati(app_env), name, realdata.path(name).read_bytes())
    at.button(key="dati.import").click().run()

    at.switch_page("views/atlante.py").run()
    option = "importato:Reddito complessivo medio per contribuente@2024"
    at.selectbox(key="atlante.indicator").set_value(option).run()
    assert not at.exception, at.exception
    ranking = at.dataframe[0].value.set_index("Nome")
    assert ranking.loc["Ravenna", "Valore"] == "27.031"
    assert any(
        txt.value.startswith("Fonte: MEF – Dipartimento delle Finanze") and "CC BY 3.0 IT" in txt.value
        for txt in at.text
    )
    assert any(m.label == "Provincia di Ravenna" for m in at.metric)
    at.selectbox(key="atlante.level").select("distretto").run()
    assert len(at.dataframe[0].value) == 3
