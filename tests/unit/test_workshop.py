"""Workshop lifecycle and bad input: clear Italian errors, nothing changed."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from cantiere import voting
from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.workshop_errors import (
    CommentError,
    CsvError,
    PermissionDeniedError,
    PhaseError,
    WorkshopNotOpenError,
    WrongCodeError,
)

FAC = w.Actor.command_line()
ROWS = [{"title": "Posti al nido"}, {"title": "Trasporto sociale"}, {"title": "Caregiver"}]


@pytest.fixture
def voting_ws(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Laboratorio di Faenza", "", ROWS, dots=3, max_per_item=2)
    rnd = w.start_voting(fresh_store, FAC, ws.id)
    return fresh_store, db.get_workshop(fresh_store, ws.id), rnd, db.list_priorities(fresh_store, ws.id)


def count(store, table):
    with store.read() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_codes_avoid_ambiguous_characters_and_normalize():
    codes = {w.new_code() for _ in range(300)}
    assert all(len(c) == 6 and not set(c) & set("0O1IL") for c in codes)
    assert len(codes) > 290
    assert w.normalize_code(" abc-def ") == "ABCDEF"


@pytest.mark.parametrize("code", ["", "ZZZZZZ", "abc", "<script>"])
def test_wrong_code_gives_italian_message_and_no_participant(voting_ws, code):
    store, *_ = voting_ws
    with pytest.raises(WrongCodeError) as err:
        w.join(store, code)
    assert "Nessun laboratorio" in err.value.message("it")
    assert count(store, "participants") == 0


def test_code_typed_in_lower_case_with_spaces_joins(voting_ws):
    store, ws, *_ = voting_ws
    joined, who = w.join(store, " " + ws.code.lower()[:3] + " " + ws.code.lower()[3:])
    assert joined.id == ws.id and len(who.token) >= 30


@pytest.mark.parametrize("phase", ["bozza", "chiuso"])
def test_draft_or_closed_workshop_refuses_participants(fresh_store, phase):
    ws = w.create_workshop(fresh_store, FAC, "Laboratorio", "", ROWS)
    if phase == "chiuso":
        w.change_phase(fresh_store, FAC, ws.id, "ascolto")
        w.change_phase(fresh_store, FAC, ws.id, "chiuso")
    with pytest.raises(WorkshopNotOpenError) as err:
        w.join(fresh_store, ws.code)
    assert "non è aperto" in err.value.message("it")
    assert count(fresh_store, "participants") == 0


def test_over_budget_ballot_refused_nothing_stored(voting_ws):
    store, ws, rnd, items = voting_ws
    _, who = w.join(store, ws.code)
    with pytest.raises(voting.BallotError):
        w.cast_ballot(store, who, rnd.id, {"dots": {items[0].id: 2, items[1].id: 2}})  # 4 > 3 dots
    with pytest.raises(voting.BallotError):
        w.cast_ballot(store, who, rnd.id, {"dots": {items[0].id: 3}})  # 3 > 2 per item
    assert count(store, "ballots") == 0


@pytest.mark.parametrize(
    "text, message",
    [("", "vuoto"), ("   \n ", "vuoto"), ("x" * 501, "500")],
)
def test_bad_comment_refused(voting_ws, text, message):
    store, ws, _, items = voting_ws
    _, who = w.join(store, ws.code)
    with pytest.raises(CommentError) as err:
        w.add_comment(store, who, items[0].id, text)
    assert message in err.value.message("it")
    assert count(store, "comments") == 0


def test_comment_of_exactly_the_limit_is_kept(voting_ws):
    store, ws, _, items = voting_ws
    _, who = w.join(store, ws.code)
    w.add_comment(store, who, items[0].id, "é" * w.COMMENT_MAX_CHARS)
    assert count(store, "comments") == 1


def test_comments_refused_after_close(voting_ws):
    store, ws, _, items = voting_ws
    _, who = w.join(store, ws.code)
    w.change_phase(store, FAC, ws.id, "chiuso")
    with pytest.raises(PhaseError):
        w.add_comment(store, who, items[0].id, "tardi")
    assert count(store, "comments") == 0


@pytest.mark.parametrize(
    "action",
    [
        lambda s, ws, rnd, items: w.hide_comment(s, None, 1),
        lambda s, ws, rnd, items: w.close_round(s, None, rnd.id),
        lambda s, ws, rnd, items: w.change_phase(s, w.Actor(w.Role.PARTICIPANT), ws.id, "chiuso"),
        lambda s, ws, rnd, items: w.add_priorities(s, "facilitatore", ws.id, [{"title": "x"}]),
        lambda s, ws, rnd, items: w.create_workshop(s, None, "Nuovo"),
        lambda s, ws, rnd, items: w.edit_workshop(s, None, ws.id, "Rinominato", ""),
    ],
)
def test_privileged_actions_need_facilitator(voting_ws, action):
    store, ws, rnd, items = voting_ws
    before = [e.kind for e in db.list_events(store, ws.id)]
    with pytest.raises(PermissionDeniedError):
        action(store, ws, rnd, items)
    assert [e.kind for e in db.list_events(store, ws.id)] == before
    assert db.get_round(store, rnd.id).status == "open"
    assert len(db.list_workshops(store)) == 1


def test_authenticate_constant_time_and_requires_configured_password():
    assert w.authenticate("segreto", "segreto").role is w.Role.FACILITATOR
    assert w.authenticate("sbagliato", "segreto") is None
    assert w.authenticate("", "") is None
    assert w.authenticate("qualcosa", "") is None


def test_phase_moves(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Laboratorio", "", ROWS)
    with pytest.raises(PhaseError):
        w.change_phase(fresh_store, FAC, ws.id, "chiuso")  # from bozza: not directly
    w.change_phase(fresh_store, FAC, ws.id, "ascolto")
    w.change_phase(fresh_store, FAC, ws.id, "chiuso")
    with pytest.raises(PhaseError) as err:
        w.change_phase(fresh_store, FAC, ws.id, "voto")
    assert "chiuso" in err.value.message("it")


GOOD_CSV = "titolo;descrizione;destinatari;comuni\nNido;Più posti;famiglie;Ravenna|Cervia\nTrasporto;;anziani;\n"


def test_parse_csv_semicolon_and_cp1252():
    rows = w.parse_priorities_csv(GOOD_CSV.encode("cp1252"))
    assert [r["title"] for r in rows] == ["Nido", "Trasporto"]
    assert rows[0]["comuni"] == ("Ravenna", "Cervia")
    rows = w.parse_priorities_csv(b'titolo,costo\nAssistenza,"1.500,50"\n')
    assert rows[0]["cost"] == 1500.5


@pytest.mark.parametrize(
    "text, expected",
    [
        ("titolo;colore\nNido;rosso\n", ["Riga 1", "colore"]),
        ("descrizione\nsolo descrizione\n", ["titolo"]),
        ("titolo;descrizione\nNido;ok\n;manca il titolo\n", ["Riga 3", "titolo"]),
        ("titolo;descrizione\nNido;ok;in più\n", ["Riga 2", "3"]),
        ("titolo;costo\nNido;dieci\n", ["Riga 2", "costo", "dieci"]),
        ("", ["vuoto"]),
    ],
)
def test_malformed_csv_names_row_and_column_and_creates_nothing(fresh_store, text, expected):
    with pytest.raises(CsvError) as err:
        w.parse_priorities_csv(text.encode())
    message = err.value.message("it")
    for part in expected:
        assert part in message
    assert count(fresh_store, "priorities") == 0


def test_demo_is_created_once_and_marked(fresh_store):
    demo = w.ensure_demo(fresh_store)
    assert demo.is_demo and "DEMO" in demo.title and demo.phase == "voto"
    assert w.ensure_demo(fresh_store) is None
    titles = [p.title for p in db.list_priorities(fresh_store, demo.id)]
    assert "Assistenza domiciliare agli anziani soli" in titles and len(titles) >= 6


def test_snapshot_hides_results_until_five_ballots(voting_ws):
    store, ws, rnd, items = voting_ws
    for n in range(5):
        _, who = w.join(store, ws.code)
        w.cast_ballot(store, who, rnd.id, {"dots": {items[0].id: 2, items[1].id: 1}})
        snap = w.snapshot(store, ws)
        assert snap.ballots == n + 1 and snap.participants == n + 1
        assert (snap.results is None) == (n + 1 < 5)
    assert snap.results[0] == ("Posti al nido", 10.0)
