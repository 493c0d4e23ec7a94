"""AppTest flows of the live room (issue 13): a workshop created from the page
while the demo exists, the facilitator's tabs, phase buttons and login, the
projector tied to a code, one participant per browser, a vote sent too late."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db
from cantiere.ui import auth, live, state
from cantiere.ui import workshop_facilitazione as fac_ui
from cantiere.ui import workshop_partecipa as part_ui
from cantiere.ui import workshop_proiezione as proj_ui
from tests.app.test_workshop_flow import (  # noqa: F401  (env: fixture)
    FAC,
    ROWS,
    click,
    env,
    login,
    open_join_link,
    page,
    section,
    texts,
    voting_workshop,
)
from tests.routes import vote_screen


@pytest.fixture
def demo_env(app_env, monkeypatch):
    """A fresh database where the app creates its demo workshop, as on a first start."""
    monkeypatch.setenv("CANTIERE_DEMO", "1")
    st.cache_resource.clear()
    st.cache_data.clear()
    store = Store(app_env["database_url"])
    yield store
    store.close()
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def browser_cookies(monkeypatch):
    """Cookies the "browser" sends when a page is opened (AppTest has none)."""
    jar: dict[str, str] = {}
    monkeypatch.setattr(live, "cookie", lambda name: jar.get(name, ""))
    return jar


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


# --- Facilitazione ------------------------------------------------------------------


def test_a_workshop_is_created_from_the_page_while_the_demo_exists(demo_env):
    """The blocker of issue 13: «➕ Nuovo laboratorio» used to snap back to the demo."""
    at = login(page("facilitazione"))
    (demo,) = [
        x for x in db.list_workshops(demo_env) if "DEMO" in x.title
    ]  # beside it, two example workshops (issue 20)
    assert at.selectbox(key=fac_ui.PICK).value == demo.id
    at.selectbox(key=fac_ui.PICK).set_value(fac_ui.NEW_WORKSHOP)
    at.run()
    assert at.selectbox(key=fac_ui.PICK).value == fac_ui.NEW_WORKSHOP  # stays on "new"
    at.text_input(key=fac_ui.NEW_TITLE).set_value("Laboratorio di Massa Lombarda")
    click(at, fac_ui.CREATE)
    created = db.list_workshops(demo_env)[0]
    assert (created.title, created.phase, created.is_demo) == ("Laboratorio di Massa Lombarda", "bozza", False)
    assert len(db.list_workshops(demo_env)) == 4
    assert at.selectbox(key=fac_ui.PICK).value == created.id  # the new one is open
    assert metric(at, "Codice") == created.code
    assert any(created.code in s for s in texts(at, "success"))


def test_the_open_tab_is_kept_after_an_action(env):
    ws = w.create_workshop(env, FAC, "Laboratorio di Conselice", "", ROWS)
    at = section(login(page("facilitazione")), "facilitazione.section_priorities")
    at.text_input(key=fac_ui.P_TITLE).set_value("Sostegno ai caregiver")
    click(at, fac_ui.P_ADD)
    assert at.session_state[fac_ui.SECTION] == "Priorità"
    assert at.text_input(key=fac_ui.P_TITLE).value == ""  # still the Priorità tab, form emptied
    titles = at.dataframe[0].value.iloc[:, 0].tolist()
    assert titles == [r["title"] for r in ROWS] + ["Sostegno ai caregiver"]
    assert [p.title for p in db.list_priorities(env, ws.id)][-1] == "Sostegno ai caregiver"


def test_closing_asks_first_and_cancel_changes_nothing(env):
    ws, rnd, _ = voting_workshop(env)
    at = login(page("facilitazione"))
    click(at, fac_ui.phase_key("chiuso"))
    assert db.get_workshop(env, ws.id).phase == "voto"  # one click: only the question
    assert texts(at, "warning")[0].startswith("Chiudere il laboratorio?")
    click(at, fac_ui.CLOSE_NO)
    assert texts(at, "warning") == [] and db.get_workshop(env, ws.id).phase == "voto"
    click(at, fac_ui.phase_key("chiuso"))
    click(at, fac_ui.CLOSE_YES)
    assert db.get_workshop(env, ws.id).phase == "chiuso"
    assert db.get_round(env, rnd.id).status == "closed"
    assert texts(at, "success")[0].startswith("Laboratorio chiuso")
    assert metric(at, "Fase") == "chiuso"


def test_the_phase_buttons_keep_their_place_and_the_current_one_is_not_a_button(env):
    ws = w.create_workshop(env, FAC, "Laboratorio di Fusignano", "", ROWS)
    at = login(page("facilitazione"))
    keys = [b.key for b in at.button if b.key and b.key.startswith("facilitazione.phase.")]
    assert keys == [fac_ui.phase_key(p) for p in ("ascolto", "voto", "chiuso")]
    assert at.button(key=fac_ui.phase_key("chiuso")).disabled  # bozza → chiuso is not a move
    click(at, fac_ui.phase_key("ascolto"))
    assert db.get_workshop(env, ws.id).phase == "ascolto"
    keys = [b.key for b in at.button if b.key and b.key.startswith("facilitazione.phase.")]
    assert keys == [fac_ui.phase_key(p) for p in ("bozza", "voto", "chiuso")]
    assert any("Adesso: ascolto" in m for m in texts(at, "markdown"))


def test_a_second_facilitator_sees_the_first_ones_change(env):
    ws = w.create_workshop(env, FAC, "Laboratorio di Cotignola", "", ROWS)
    first = login(page("facilitazione"))
    second = login(page("facilitazione"))
    click(first, fac_ui.phase_key("ascolto"))
    second.run()  # what the panel's refresh does every few seconds
    assert metric(second, "Fase") == "ascolto"
    # the second one's page still showed bozza when it clicked "voto": the move is refused by the database
    w.change_phase(env, FAC, ws.id, "voto", expected="ascolto")
    with pytest.raises(w.PhaseChangedError):
        w.change_phase(env, FAC, ws.id, "bozza", expected="ascolto")
    assert db.get_workshop(env, ws.id).phase == "voto"


def test_the_projector_button_opens_this_workshop(env):
    ws = w.create_workshop(env, FAC, "Laboratorio di Solarolo", "", ROWS)
    at = login(page("facilitazione"))
    button = next(b for b in at.get("link_button") if b.proto.label == "Apri la proiezione")
    assert button.proto.url.endswith(f"/proiezione?code={ws.code}")


def test_a_login_survives_a_reload_through_the_signed_cookie(env, browser_cookies):
    at = login(page("facilitazione"))
    token = at.session_state[state.FACILITAZIONE_SESSION]
    assert token.startswith("v1.") and "segreto" not in token
    reloaded = page("facilitazione")  # a new session: no password typed
    assert [b.key for b in reloaded.button if b.key == auth.LOGIN_KEY] == [auth.LOGIN_KEY]
    browser_cookies[live.SESSION_COOKIE] = token  # what the browser now sends (HttpOnly cookie)
    reloaded = page("facilitazione")
    assert [b.key for b in reloaded.button if b.key == auth.LOGIN_KEY] == []
    assert reloaded.selectbox(key=fac_ui.PICK) is not None
    click(reloaded, auth.LOGOUT_KEY)  # «Esci»: the cookie sent at load no longer counts
    assert [b.key for b in reloaded.button if b.key == auth.LOGIN_KEY] == [auth.LOGIN_KEY]
    browser_cookies[live.SESSION_COOKIE] = token[:-4] + "0000"  # forged
    assert [b.key for b in page("facilitazione").button if b.key == auth.LOGIN_KEY] == [auth.LOGIN_KEY]


# --- Proiezione ------------------------------------------------------------------------


def test_the_projector_never_guesses_a_workshop(env):
    voting_workshop(env)
    at = page("proiezione")
    assert texts(at, "info")[0].startswith("Quale laboratorio vuoi proiettare?")
    assert at.get("image") == [] and at.metric == []
    at.text_input(key=proj_ui.CODE_INPUT).set_value("zzz-zzz")
    click(at, proj_ui.SHOW)
    assert texts(at, "error")[0].startswith("Nessun laboratorio ha il codice «ZZZZZZ»")
    assert at.get("image") == []


def test_a_closed_workshop_shows_its_final_results_not_another_one(env):
    ws, rnd, items = voting_workshop(env)
    for _ in range(5):
        _, who = w.join(env, ws.code)
        w.cast_ballot(env, who, rnd.id, {"dots": {items[1].id: 2}})
    w.change_phase(env, FAC, ws.id, "chiuso")
    newer, _, _ = voting_workshop(env)  # another workshop, open and newer
    at = page("proiezione")
    at.text_input(key=proj_ui.CODE_INPUT).set_value(ws.code.lower())
    click(at, proj_ui.SHOW)
    assert at.query_params["code"] == ws.code
    assert texts(at, "info")[0] == "Laboratorio chiuso: questi sono i risultati finali."
    assert at.get("image") == []  # no QR code: nobody can join a closed workshop
    # the chart says its figures to a screen reader too (issue 15: the projector has no table)
    (chart,) = at.get("plotly_chart")
    assert chart.proto.alt.startswith("Grafico dei risultati. In ordine: Posti al nido: 10 Punti")
    assert newer.code not in "".join(str(h.proto) for h in at.get("html"))


# --- Partecipa -------------------------------------------------------------------------


def test_a_second_tab_or_scan_is_the_same_participant(env, browser_cookies):
    ws, rnd, items = voting_workshop(env)
    phone = open_join_link(ws.code)
    token = phone.query_params["p"]
    # Back to the join link in the same tab: the session remembers the participant
    phone.query_params.pop("p")
    phone.run()
    assert phone.query_params["p"] == token
    assert [b.key for b in phone.button if b.key == part_ui.JOIN] == []
    # a second tab / a second scan of the QR code: a new session, the browser's cookie
    browser_cookies[live.PARTICIPANT_COOKIE + ws.code] = token
    second = page("partecipa", code=ws.code)
    assert second.query_params["p"] == token
    assert vote_screen(second, rnd.id)["post"]["token"] == token
    assert db.count_participants(env, ws.id) == 1


def test_a_cookie_of_another_workshop_or_an_erased_participant_is_not_used(env, browser_cookies):
    ws, _, _ = voting_workshop(env)
    other, _, _ = voting_workshop(env)
    _, who = w.join(env, other.code)
    browser_cookies[live.PARTICIPANT_COOKIE + ws.code] = who.token  # a token of the other workshop
    at = page("partecipa", code=ws.code)
    assert "p" not in at.query_params
    assert texts(at, "error")[0].startswith("Il collegamento non corrisponde")
    assert [b.key for b in at.button if b.key == part_ui.JOIN] == [part_ui.JOIN]  # joins only when asked
    assert db.count_participants(env, ws.id) == 0


def test_a_shared_phone_hands_over_to_a_new_person(env):
    ws, rnd, items = voting_workshop(env)
    phone = open_join_link(ws.code)
    first = phone.query_params["p"]
    click(phone, part_ui.NEW_PERSON)
    second = phone.query_params["p"]
    assert second != first and db.count_participants(env, ws.id) == 2
    assert [b.key for b in phone.button if b.key == part_ui.PROFILE_OPEN] == [part_ui.PROFILE_OPEN]  # a new person
    assert phone.session_state[state.PARTECIPA_DEVICE][ws.code] == second


def test_a_phone_waiting_for_a_draft_workshop_is_told_to_stay(env):
    ws = w.create_workshop(env, FAC, "Laboratorio di Bagnara", "", ROWS)
    phone = page("partecipa", code=ws.code)
    assert texts(phone, "info")[0].startswith("Il laboratorio non è ancora aperto. Resta su questa pagina")
    assert [b.key for b in phone.button if b.key == part_ui.JOIN] == []
    assert db.count_participants(env, ws.id) == 0
    w.change_phase(env, FAC, ws.id, "ascolto")
    phone.run()  # what the room version asks for: the room opened, the phone is in
    assert "p" in phone.query_params and db.count_participants(env, ws.id) == 1
    assert [b.key for b in phone.button if b.key == part_ui.JOIN] == []


STALE_VOTE_APP = """
import streamlit as st
from cantiere.store import workshops as db
from cantiere.ui import get_store, partecipa_methods, state

st.write("moved: " + str(st.session_state.pop(state.PARTECIPA_MOVED, "")))
who = db.participant_by_token(get_store(), st.query_params["p"])
partecipa_methods.submit_button(
    db.get_round(get_store(), int(st.query_params["round"])), who, [], lambda round_id, item_ids: {}
)
"""


def test_a_vote_sent_to_a_round_closed_meanwhile_is_explained_on_the_current_screen(env, tmp_path):
    """In a browser the submit button reruns alone (a fragment), with the round
    of its screen: the core refuses the ballot, the phone says why and the whole
    page runs again, showing the current screen."""
    ws, rnd, items = voting_workshop(env)
    _, who = w.join(env, ws.code)
    script = tmp_path / "stale_vote_app.py"
    script.write_text(STALE_VOTE_APP)
    at = AppTest.from_file(str(script), default_timeout=60)
    at.query_params.update({"p": who.token, "round": str(rnd.id)})
    at.run()
    w.close_round(env, FAC, rnd.id)
    click(at, part_ui.submit_key(rnd.id))
    assert texts(at, "markdown")[0].startswith("moved: La votazione a cui rispondevi è stata chiusa")
    assert db.list_ballots(env, rnd.id) == []
