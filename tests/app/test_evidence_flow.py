"""AppTest: the facilitator picks the figures behind a priority from the
Atlante's registry; the phone, the projector and Risultati show the line."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from cantiere import evidence
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db
from cantiere.ui import evidence_view as ev_ui
from cantiere.ui import workshop_partecipa as part_ui
from tests.conftest import ROOT
from tests.routes import vote_screen

FAC = w.Actor.command_line()
ROWS = [{"title": "Trasporto per anziani"}, {"title": "Posti al nido"}]


@pytest.fixture
def env(app_env, monkeypatch):
    monkeypatch.setenv("CANTIERE_DEMO", "0")
    st.cache_resource.clear()
    st.cache_data.clear()
    store = Store(app_env["database_url"])
    yield store
    store.close()
    st.cache_resource.clear()
    st.cache_data.clear()


def page(name: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    at.switch_page(f"views/{name}.py")
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click()
    at.run()
    assert not at.exception, at.exception
    return at


def all_text(at: AppTest) -> list[str]:
    return [e.value for e in at.text]


def test_the_facilitator_picks_figures_and_every_screen_shows_the_line(env):
    ws = w.create_workshop(env, FAC, "Laboratorio di Casola", "", ROWS, dots=3, max_per_item=2)
    first, second = db.list_priorities(env, ws.id)

    at = page("facilitazione")
    at.text_input(key="facilitazione.password").set_value("segreto-di-prova")
    click(at, "facilitazione.login")
    at.session_state["facilitazione.section"] = "Priorità"  # open the tab (only the open one is built)
    at.run()
    at.selectbox(key=ev_ui.PRIORITY).set_value(first.id).run()
    at.multiselect(key=f"{ev_ui.COMUNI}.{first.id}").set_value(["Casola Valsenio"]).run()
    at.text_input(key=f"{ev_ui.TARGET}.{first.id}").set_value("anziani che vivono soli").run()
    at.selectbox(key=ev_ui.OPTION).set_value("istat:quota_65")
    at.selectbox(key=ev_ui.PLACE).set_value("039005")
    click(at, ev_ui.ADD)
    assert "Dato aggiunto alla priorità." in [s.value for s in at.success]
    saved = db.get_priority(env, first.id)
    assert saved.comuni == ("Casola Valsenio",) and saved.target_group == "anziani che vivono soli"
    line = evidence.line_of(saved.attrs)
    assert line.startswith("Casola Valsenio: ") and line.endswith("over 65, provincia 25,9 % — ISTAT 2023")
    assert line in all_text(at)  # the preview in the picker

    # the round opens: the data it shows is recorded
    rnd = w.start_voting(env, FAC, ws.id)
    assert db.list_round_data(env, ws.id)[0].istat_year == 2023

    phone = page("partecipa", code=ws.code)  # opening the link is joining
    shown = {i["title"]: i["line"] for i in vote_screen(phone, rnd.id)["screen"]["items"]}  # under the title
    assert shown["Trasporto per anziani"] == line

    for _ in range(5):
        _, who = w.join(env, ws.code)
        w.cast_ballot(env, who, rnd.id, {"dots": {first.id: 2}})
    projector = page("proiezione", code=ws.code)
    assert f"Trasporto per anziani\n{line}" in all_text(projector)

    w.change_phase(env, FAC, ws.id, "chiuso")
    results = page("risultati")
    shown = next(df.value for df in results.dataframe if "Perché conta (dati)" in df.value.columns)
    assert shown.values.tolist() == [["Trasporto per anziani", line]]


def test_a_bad_pick_shows_an_error_and_changes_nothing(env):
    ws = w.create_workshop(env, FAC, "Laboratorio", "", ROWS)
    first, _ = db.list_priorities(env, ws.id)
    figure = evidence.figure("istat:quota_65", "039005")
    w.set_evidence(env, FAC, first.id, figures=[figure] * evidence.MAX_FIGURES)
    at = page("facilitazione")
    at.text_input(key="facilitazione.password").set_value("segreto-di-prova")
    click(at, "facilitazione.login")
    at.session_state["facilitazione.section"] = "Priorità"  # open the tab (only the open one is built)
    at.run()
    at.selectbox(key=ev_ui.PRIORITY).set_value(first.id).run()
    click(at, ev_ui.ADD)
    assert any("Al massimo 4 dati per priorità" in e.value for e in at.error)
    assert len(evidence.figures_of(db.get_priority(env, first.id).attrs)) == evidence.MAX_FIGURES
