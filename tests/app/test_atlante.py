"""The Atlante and the Panoramica as a coordinator uses them."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import FACILITATOR_ACTOR, ROOT


def _open(page, params=None):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def _ranking(at):
    return at.dataframe[0].value


def test_panoramica_shows_real_province_figures(app_env):
    at = _open("views/panoramica.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Residenti"] == "385.661"
    assert metrics["Comuni"] == "18"
    assert metrics["Con 65 anni e più"].endswith("%") and "," in metrics["Con 65 anni e più"]


def test_atlante_switches_indicator_and_level(app_env):
    at = _open("views/atlante.py")
    assert at.selectbox(key="atlante.indicator").value == "quota_65"
    at.selectbox(key="atlante.indicator").select("residenti").run()
    table = _ranking(at)
    assert len(table) == 18
    assert list(table.iloc[0][["Pos.", "Nome", "Valore"]]) == [1, "Ravenna", "155.751"]
    assert at.metric[0].value == "385.661"

    at.selectbox(key="atlante.level").select("distretto").run()
    table = _ranking(at)
    assert list(table["Nome"]) == ["Ravenna, Cervia e Russi", "Lugo (Bassa Romagna)", "Faenza (Romagna Faentina)"]
    assert list(table["Valore"]) == ["196.924", "100.691", "88.046"]


def test_atlante_year_changes_the_figures(app_env):
    at = _open("views/atlante.py", {"indicatore": "residenti"})
    at.selectbox(key="atlante.year").select(2022).run()
    table = _ranking(at)
    assert table.iloc[0]["Valore"] == "155.836"


def test_atlante_reads_the_choice_from_the_url(app_env):
    at = _open("views/atlante.py", {"indicatore": "indice_vecchiaia", "livello": "distretto"})
    assert at.selectbox(key="atlante.indicator").value == "indice_vecchiaia"
    assert len(_ranking(at)) == 3


@pytest.mark.parametrize(
    "param, value, valid",
    [
        ("indicatore", "felicita", "quota_65"),
        ("livello", "regione", "comune, distretto"),
        ("anno", "1999", "2022, 2023"),
    ],
)
def test_atlante_bad_url_parameter_explains_in_italian(app_env, param, value, valid):
    at = _open("views/atlante.py", {param: value})
    # our sentence in the error box; the value (typed by whoever wrote the link) as plain text
    # beside it, never Markdown (issue 17)
    assert any(f"Parametro «{param}» dell'indirizzo non valido" in e.value for e in at.error)
    assert any(value in x.value and valid in x.value for x in at.text), [x.value for x in at.text]
    assert len(_ranking(at)) == 18  # the page still works with the default


def test_atlante_comune_profile(app_env):
    at = _open("views/atlante.py")
    at.selectbox(key="atlante.comune").select("039005").run()
    headers = [s.value for s in at.subheader]
    assert "Piramide delle età, Casola Valsenio (2023)" in headers
    comparison = at.dataframe[-1].value
    assert list(comparison["Nome"]) == ["Casola Valsenio", "Faenza (Romagna Faentina)", "Provincia di Ravenna"]
    assert comparison.iloc[0]["Valore"] == "29,4%"


def test_english_interface(app_env):
    at = _open("views/atlante.py", {"lang": "en", "indicatore": "residenti"})
    assert at.title[0].value == "Atlas of needs"
    assert _ranking(at).iloc[0]["Value"] == "155,751"


def test_imported_indicator_appears_beside_the_istat_ones(app_env):
    from cantiere import importers
    from cantiere.store import Store

    fixture = ROOT / "tests" / "fixtures" / "indicatori_fonte_italiana.csv"
    store = Store(app_env["database_url"])
    importers.import_file(
        store, "indicators", fixture.name, fixture.read_bytes(), actor=FACILITATOR_ACTOR, max_bytes=2**20
    )
    store.close()

    at = _open("views/atlante.py")
    option = "importato:Stranieri residenti (%)@2023"
    assert "Stranieri residenti (%) · 2023 (importato)" in at.selectbox(key="atlante.indicator").options
    at.selectbox(key="atlante.indicator").set_value(option).run()
    assert not at.exception
    table = _ranking(at)
    assert list(table.iloc[0][["Nome", "Valore"]]) == ["Ravenna", "12,40"]
    assert table.set_index("Nome").loc["Casola Valsenio", "Valore"] == "7,10"
    assert table.set_index("Nome").loc["Faenza", "Valore"] == "–"  # not in the file: no invented figure
    assert any("ISTAT, bilancio demografico" in txt.value for txt in at.text)

    at.selectbox(key="atlante.level").select("distretto").run()
    assert any("solo per comune" in i.value for i in at.info)
    assert len(_ranking(at)) == 18
