"""AppTest flows of a workshop: what the facilitator, the phones and the
projector see, and what the database holds afterwards."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db
from cantiere.ui import workshop_facilitazione as fac_ui
from cantiere.ui import workshop_partecipa as part_ui
from tests.conftest import ROOT
from tests.routes import send_vote, vote_screen

FAC = w.Actor.command_line()
ROWS = [{"title": "Assistenza domiciliare"}, {"title": "Posti al nido"}, {"title": "Trasporto sociale"}]


@pytest.fixture
def env(app_env, monkeypatch):
    """A fresh database without the demo; process-wide caches emptied so the
    app opens this database (st.cache_resource outlives a single AppTest)."""
    monkeypatch.setenv("CANTIERE_DEMO", "0")
    st.cache_resource.clear()
    st.cache_data.clear()
    store = Store(app_env["database_url"])
    yield store
    store.close()
    st.cache_resource.clear()
    st.cache_data.clear()


def page(name: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()  # app.py first: settings, store, first-start demo, navigation
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


def voting_workshop(store):
    ws = w.create_workshop(store, FAC, "Laboratorio di Bagnacavallo", "", ROWS, dots=3, max_per_item=2)
    rnd = w.start_voting(store, FAC, ws.id)
    return db.get_workshop(store, ws.id), rnd, db.list_priorities(store, ws.id)


def open_join_link(code: str) -> AppTest:
    """A phone opens the join link: opening it is joining (one run, the room's current screen)."""
    return page("partecipa", code=code)


def comment_tab(at: AppTest) -> AppTest:
    """Open the phone's «Commenta» tab (only the open tab is built), as a tap on it does."""
    at.session_state[part_ui.TAB] = "Commenta"
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest, kind: str) -> list[str]:
    return [element.value for element in getattr(at, kind)]


def section(at: AppTest, key: str) -> AppTest:
    """Open a tab of the Facilitazione panel (only the open one is built), as a tap on it does."""
    from cantiere.i18n import translate

    at.session_state[fac_ui.SECTION] = translate(key)
    at.run()
    assert not at.exception, at.exception
    return at


def login(at: AppTest, password: str = "segreto-di-prova") -> AppTest:
    at.text_input(key="facilitazione.password").set_value(password)
    return click(at, "facilitazione.login")


def test_facilitator_creates_workshop_and_opens_voting(env):
    at = login(page("facilitazione"))
    at.text_input(key=fac_ui.NEW_TITLE).set_value("Laboratorio della Bassa Romagna")
    click(at, fac_ui.CREATE)
    (created,) = db.list_workshops(env)
    assert created.phase == "bozza"
    assert any(created.code in s for s in texts(at, "success"))
    section(at, "facilitazione.section_priorities")
    for title in ("Sostegno ai caregiver", "Inclusione lavorativa"):
        at.text_input(key=fac_ui.P_TITLE).set_value(title)
        click(at, fac_ui.P_ADD)
    assert [p.title for p in db.list_priorities(env, created.id)] == ["Sostegno ai caregiver", "Inclusione lavorativa"]
    section(at, "facilitazione.section_phase")
    at.number_input(key=fac_ui.DOTS).set_value(4)
    click(at, fac_ui.START_VOTING)
    (rnd,) = db.list_rounds(env, created.id)
    assert rnd.status == "open" and rnd.params == {"dots": 4, "max_per_item": 2}
    assert db.get_workshop(env, created.id).phase == "voto"
    assert any("aperta" in s for s in texts(at, "markdown"))


def test_facilitator_errors_are_shown_and_change_nothing(env):
    at = login(page("facilitazione"))
    click(at, fac_ui.CREATE)  # empty title
    assert texts(at, "error") == ["Il titolo è obbligatorio."]
    assert db.list_workshops(env) == []


def test_participant_joins_votes_and_sees_confirmation(env):
    ws, rnd, items = voting_workshop(env)
    at = page("partecipa")
    at.text_input(key=part_ui.CODE_INPUT).set_value(ws.code.lower())
    click(at, part_ui.ENTER)
    token = at.query_params["p"]
    assert at.query_params["code"] == ws.code and len(token) >= 30
    assert at.get("dialog") == []  # the profile never stands in the way: the vote first
    click(at, part_ui.PROFILE_OPEN)  # «Chi sei? (facoltativo)», under the screen
    at.selectbox(key=part_ui.PROFILE_COMUNE).set_value("Bagnacavallo")
    at.selectbox(key=part_ui.PROFILE_ROLE).set_value("operatore")
    click(at, part_ui.PROFILE_SAVE)
    assert [b.key for b in at.button if b.key in (part_ui.PROFILE_OPEN, part_ui.PROFILE_SAVE)] == []
    screen = vote_screen(at, rnd.id)  # drawn by the browser, from this
    assert [i["title"] for i in screen["screen"]["items"]] == [r["title"] for r in ROWS]
    assert screen["screen"]["text"]["rule"] == "Hai 3 punti da distribuire, al massimo 2 sulla stessa priorità."
    assert screen["values"] == {} and screen["post"]["token"] == token
    assert send_vote(at, rnd.id, {items[0].id: 2, items[2].id: 1}) == (
        200,
        "Voto registrato. Puoi cambiarlo finché la votazione è aperta.",
    )
    who = db.participant_by_token(env, token)
    assert (who.comune, who.role) == ("Bagnacavallo", "operatore")
    assert db.get_ballot(env, rnd.id, who.id).payload == {"dots": {str(items[0].id): 2, str(items[2].id): 1}}

    # the phone reloads: same link, new session → same participant, ballot kept and changeable
    again = page("partecipa", code=ws.code, p=token)
    assert vote_screen(again, rnd.id)["values"] == {str(items[0].id): 2, str(items[2].id): 1}
    assert send_vote(again, rnd.id, {items[1].id: 2, items[2].id: 1}) == (
        200,
        "Voto registrato: il nuovo voto sostituisce il precedente.",
    )
    assert db.count_participants(env, ws.id) == 1
    assert db.list_ballots(env, rnd.id)[0].payload == {"dots": {str(items[1].id): 2, str(items[2].id): 1}}


def test_second_participant_changes_projector_counts(env):
    ws, rnd, items = voting_workshop(env)
    first = open_join_link(ws.code)
    assert send_vote(first, rnd.id, {items[0].id: 1})[0] == 200

    projector = page("proiezione", code=ws.code)
    assert [m.value for m in projector.metric][:2] == ["1", "1"]
    assert ws.code in "".join(str(h.proto) for h in projector.get("html"))
    assert projector.get("image"), "no QR code image"

    second = open_join_link(ws.code)
    assert send_vote(second, rnd.id, {items[1].id: 2})[0] == 200
    st.cache_data.clear()  # stands in for the 1-second TTL, without waiting on a clock
    projector.run()
    assert [m.value for m in projector.metric][:2] == ["2", "2"]
    assert "almeno 5 voti (ora 2)" in " ".join(texts(projector, "info"))


def test_projector_shows_results_from_five_ballots(env):
    ws, rnd, items = voting_workshop(env)
    for _ in range(5):
        _, who = w.join(env, ws.code)
        w.cast_ballot(env, who, rnd.id, {"dots": {items[1].id: 2}})
    projector = page("proiezione", code=ws.code)
    table = projector.dataframe[0].value
    assert list(table.iloc[0]) == ["Posti al nido", 10.0]


def test_participant_cannot_reach_facilitator_actions(env):
    ws, rnd, items = voting_workshop(env)
    phone = open_join_link(ws.code)  # a participant, with a valid token
    phone.switch_page("views/facilitazione.py")
    phone.run()
    assert [b.key for b in phone.button] == ["facilitazione.login"]
    login(phone, "indovino")
    assert texts(phone, "error") == ["Password errata."]
    assert [b.key for b in phone.button] == ["facilitazione.login"]
    assert db.get_round(env, rnd.id).status == "open" and db.get_workshop(env, ws.id).phase == "voto"


def test_without_password_no_admin_action(env, monkeypatch):
    monkeypatch.setenv("CANTIERE_ADMIN_PASSWORD", "")
    at = page("facilitazione")
    assert "CANTIERE_ADMIN_PASSWORD" in texts(at, "warning")[0]
    assert list(at.button) == [] and list(at.text_input) == []


@pytest.mark.parametrize("code", ["ZZZZZZ", "<b>x</b>"])
def test_wrong_code_gives_italian_error(env, code):
    voting_workshop(env)
    at = page("partecipa")
    at.text_input(key=part_ui.CODE_INPUT).set_value(code)
    click(at, part_ui.ENTER)
    assert texts(at, "error")[0].startswith("Nessun laboratorio ha il codice")
    assert "p" not in at.query_params
    assert db.count_participants(env, db.list_workshops(env)[0].id) == 0


def test_closed_round_refuses_vote(env):
    ws, rnd, items = voting_workshop(env)
    phone = open_join_link(ws.code)
    w.close_round(env, FAC, rnd.id)  # while the person was choosing
    status, said = send_vote(phone, rnd.id, {items[0].id: 1})
    assert status == 409 and said.startswith("La votazione a cui rispondevi è stata chiusa")
    assert db.list_ballots(env, rnd.id) == []
    phone.run()  # the room moved: the page shows it
    assert "La votazione è chiusa" in " ".join(texts(phone, "info"))


def test_over_budget_vote_is_refused(env):
    ws, rnd, items = voting_workshop(env)
    phone = open_join_link(ws.code)
    status, said = send_vote(phone, rnd.id, {item.id: 2 for item in items[:2]})  # 4 > 3 dots
    assert status == 400 and said == "Hai usato 4 punti ma ne hai a disposizione 3: togline qualcuno."
    assert db.list_ballots(env, rnd.id) == []


HOSTILE = ["<script>alert(1)</script>", "**grassetto**", "[x](javascript:alert(1))"]


def test_comments_are_plain_text_everywhere(env):
    ws, rnd, items = voting_workshop(env)
    phone = comment_tab(open_join_link(ws.code))
    for text in HOSTILE:
        phone.text_area(key=part_ui.COMMENT_TEXT).set_value(text)
        click(phone, part_ui.COMMENT_SEND)
        assert texts(phone, "success")[-1] == "Commento inviato. Grazie!"
    assert sorted(c.text for c in db.list_comments(env, ws.id)) == sorted(HOSTILE)
    phone.run()
    projector = page("proiezione", code=ws.code)
    login_page = section(login(page("facilitazione")), "facilitazione.section_moderation")
    for at in (phone, projector, login_page):
        shown = texts(at, "text")
        rendered = " ".join(texts(at, "markdown") + texts(at, "caption") + [str(h.proto) for h in at.get("html")])
        for text in HOSTILE:
            assert text in shown
            assert text not in rendered


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_comment_shows_error(env, text):
    ws, rnd, items = voting_workshop(env)
    phone = comment_tab(open_join_link(ws.code))
    phone.text_area(key=part_ui.COMMENT_TEXT).set_value(text)
    click(phone, part_ui.COMMENT_SEND)
    assert texts(phone, "error") == ["Il commento è vuoto: scrivi qualcosa prima di inviarlo."]
    assert db.list_comments(env, ws.id, include_hidden=True) == []


def test_comment_box_is_capped_at_the_limit(env):
    """The browser stops typing at 500 characters (the server check, for clients
    that ignore it, is in tests/unit/test_workshop.py)."""
    ws, rnd, items = voting_workshop(env)
    phone = comment_tab(open_join_link(ws.code))
    assert phone.text_area(key=part_ui.COMMENT_TEXT).proto.max_chars == w.COMMENT_MAX_CHARS
    assert "massimo 500 caratteri" in phone.text_area(key=part_ui.COMMENT_TEXT).label


def test_facilitator_hides_and_restores_comment(env):
    ws, rnd, items = voting_workshop(env)
    _, who = w.join(env, ws.code)
    comment = w.add_comment(env, who, items[0].id, "Servono più ore di assistenza")
    at = section(login(page("facilitazione")), "facilitazione.section_moderation")
    click(at, fac_ui.moderate_key(comment.id))
    assert db.get_comment(env, comment.id).hidden
    projector = page("proiezione", code=ws.code)
    assert "Servono più ore di assistenza" not in texts(projector, "text")
    click(at, fac_ui.moderate_key(comment.id))
    assert not db.get_comment(env, comment.id).hidden


def test_demo_on_first_start(env, monkeypatch):
    monkeypatch.setenv("CANTIERE_DEMO", "1")
    page("panoramica")
    page("panoramica")  # a second session: still one demo
    workshops = db.list_workshops(env)
    (demo,) = [x for x in workshops if "DEMO" in x.title]
    assert demo.is_demo
    # issue 20: beside it, the district's history — two past workshops labelled as examples
    assert sorted(x.title for x in workshops if x is not demo) == [
        "[ESEMPIO] Laboratorio Bassa Romagna 2024",
        "[ESEMPIO] Laboratorio Bassa Romagna 2025",
    ]
    projector = page("proiezione")  # no code: it asks for one, never guesses (issue 13)
    assert texts(projector, "info")[0].startswith("Quale laboratorio vuoi proiettare?")
    assert texts(projector, "caption") == []
    projector = page("proiezione", code=demo.code)
    assert "Laboratorio dimostrativo: dati di esempio." in texts(projector, "caption")


def test_opening_the_link_joins_and_shows_the_vote_at_once(env):
    ws, rnd, items = voting_workshop(env)
    phone = open_join_link(ws.code)
    token = phone.query_params["p"]
    assert vote_screen(phone, rnd.id)["values"] == {}  # the vote at once: no «Entra», no profile screen
    assert "Nessun nome e nessun indirizzo IP vengono registrati." in texts(phone, "caption")[-1] or any(
        "Nessun nome" in c for c in texts(phone, "caption")
    )
    who = db.participant_by_token(env, token)
    assert not who.profile_answered and [b.key for b in phone.button if b.key == part_ui.PROFILE_OPEN]
    assert len(db.list_participants(env, ws.id)) == 1
    again = page("partecipa", code=ws.code, p=token)  # a new session, as after a reload: the same person
    assert len(db.list_participants(env, ws.id)) == 1
    assert not [c for c in texts(again, "caption") if "Nessun nome" in c]  # said once
    assert vote_screen(again, rnd.id)["post"]["token"] == token


def test_english_is_the_second_language(env):
    ws, rnd, items = voting_workshop(env)
    phone = page("partecipa", code=ws.code, lang="en")
    assert phone.button(key=part_ui.PROFILE_OPEN).label == "Who are you? (optional)"
    projector = page("proiezione", code=ws.code, lang="en")
    assert [m.label for m in projector.metric][:2] == ["Participants", "Ballots"]
