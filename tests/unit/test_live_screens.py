"""The phone's screen drawn by the browser (issue 16): the room's long poll
carries the next dots screen to the room's participants only, and a ballot
posted to ``/api/voto`` passes the same checks as any other (the core's one
write transaction) or changes nothing, with an Italian message."""

from __future__ import annotations

import json

import pytest

from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db
from cantiere.ui import live, live_routes
from tests.routes import call, post_ballot

FAC = w.Actor.command_line()
ROWS = [{"title": "Assistenza <b>domiciliare</b>"}, {"title": "Posti al nido"}, {"title": "Trasporto sociale"}]
SAVED = "Voto registrato. Puoi cambiarlo finché la votazione è aperta."


@pytest.fixture
def store(app_env):
    opened = Store(app_env["database_url"])
    yield opened
    opened.close()


def listening(store):
    ws = w.create_workshop(store, FAC, "Laboratorio di Russi", "", ROWS, dots=3, max_per_item=2, phase="ascolto")
    return db.get_workshop(store, ws.id)


def poll(code: str, known: int, token: str = "", screen: str = "it") -> dict:
    headers = [(live.PARTICIPANT_HEADER, token)] if token else []
    query = f"v={known}" + (f"&screen={screen}" if screen else "")
    response = call(live_routes.live_version, f"/api/live/{code}", query, headers=headers)
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    return json.loads(response.body)


def test_opening_the_vote_is_one_move_and_its_screen_reaches_the_participants(store):
    ws = listening(store)
    _, who = w.join(store, ws.code)
    _, other = w.join(store, listening(store).code)  # a participant of another workshop
    rnd = w.start_voting(store, FAC, ws.id)
    assert db.get_workshop(store, ws.id).room_version == ws.room_version + 1  # phase and round: one version
    answer = poll(ws.code, ws.room_version, who.token)
    screen = answer["screen"]
    assert answer["v"] == ws.room_version + 1
    assert (screen["method"], screen["round"], screen["dots"], screen["per_item"]) == ("dots", rnd.id, 3, 2)
    assert [i["title"] for i in screen["items"]] == [r["title"] for r in ROWS]  # as typed: the browser sets text
    assert screen["text"]["submit"] == "Invia il voto"
    assert screen["text"]["more"] == "Un punto in più a «{title}»"
    assert poll(ws.code, ws.room_version, who.token, screen="en")["screen"]["text"]["submit"] == "Send my vote"
    # whoever is not one of its participants learns the version only, as before
    assert poll(ws.code, ws.room_version) == {"v": ws.room_version + 1}
    assert poll(ws.code, ws.room_version, other.token) == {"v": ws.room_version + 1}
    assert poll(ws.code, ws.room_version, "not-a-token") == {"v": ws.room_version + 1}
    assert poll(ws.code, ws.room_version, who.token, screen="") == {"v": ws.room_version + 1}


def test_no_screen_for_what_the_browser_does_not_draw(store):
    ws = listening(store)
    _, who = w.join(store, ws.code)
    w.open_new_round(store, FAC, ws.id, "approval", {})
    voting = db.get_workshop(store, ws.id)
    assert poll(ws.code, 0, who.token) == {"v": voting.room_version}  # approval: the page reruns
    w.change_phase(store, FAC, ws.id, "chiuso")
    assert "screen" not in poll(ws.code, voting.room_version, who.token)


def test_a_ballot_posted_is_stored_once_and_replaced_by_the_next(store):
    ws = listening(store)
    _, who = w.join(store, ws.code)
    rnd = w.start_voting(store, FAC, ws.id)
    items = [p.id for p in db.list_priorities(store, ws.id)]
    assert post_ballot(who.token, rnd.id, {"dots": {str(items[0]): 2}}) == (200, {"ok": SAVED})
    replaced = post_ballot(who.token, rnd.id, {"dots": {str(items[1]): 1}}, lang="en")
    assert replaced == (200, {"ok": "Vote recorded: the new ballot replaces the previous one."})
    (ballot,) = db.list_ballots(store, rnd.id)
    assert ballot.payload == {"dots": {str(items[1]): 1}}


@pytest.mark.parametrize(
    ("ballot", "status", "message"),
    [
        ({"dots": {"1": 2, "2": 2}}, 400, "Hai usato 4 punti ma ne hai a disposizione 3: togline qualcuno."),
        ({"dots": {"1": 3}}, 400, None),
        ({"dots": {"999": 1}}, 400, None),
        ({"dots": {"1": -1}}, 400, None),
        ({"dots": {}}, 400, None),
        ({"ordine": [1]}, 400, None),
    ],
)
def test_a_wrong_ballot_changes_nothing_and_says_why_in_italian(store, ballot, status, message):
    ws = listening(store)
    _, who = w.join(store, ws.code)
    rnd = w.start_voting(store, FAC, ws.id)
    got, answer = post_ballot(who.token, rnd.id, ballot)
    assert got == status and "ok" not in answer and answer["error"]
    assert message is None or answer["error"] == message
    assert db.list_ballots(store, rnd.id) == []


def test_a_round_closed_meanwhile_an_unknown_person_and_bad_requests_change_nothing(store):
    ws = listening(store)
    _, who = w.join(store, ws.code)
    rnd = w.start_voting(store, FAC, ws.id)
    first = db.list_priorities(store, ws.id)[0].id
    assert post_ballot("sconosciuto", rnd.id, {"dots": {str(first): 1}})[0] == 400
    w.close_round(store, FAC, rnd.id)
    status, answer = post_ballot(who.token, rnd.id, {"dots": {str(first): 1}})
    assert status == 409 and answer["error"].startswith("La votazione a cui rispondevi è stata chiusa")
    header = [("X-Cantiere", "1")]
    bodies = [b"", b"{", b"[]", b'{"p": "x", "round": true, "ballot": {}}', b'{"p": "x", "round": 1, "ballot": []}']
    bodies.append(b"[" * 8000 + b"]" * 8000)  # nested past Python's recursion limit, under the size limit
    for body in bodies:
        refused = call(live_routes.cast_vote, "/api/voto", method="POST", body=body, headers=header)
        assert refused.status_code == 400
        assert json.loads(refused.body)["error"].startswith("Il voto inviato non è leggibile")
    huge = json.dumps({"p": who.token, "round": rnd.id, "ballot": {"dots": {"x" * 20_000: 1}}}).encode()
    assert call(live_routes.cast_vote, "/api/voto", method="POST", body=huge, headers=header).status_code == 413
    ok = json.dumps({"p": who.token, "round": rnd.id, "ballot": {"dots": {str(first): 1}}}).encode()
    assert call(live_routes.cast_vote, "/api/voto", method="POST", body=ok).status_code == 403  # no X-Cantiere
    assert db.list_ballots(store, rnd.id) == []
