"""Erasure covers what participants wrote while listening: proposals and pin notes."""

import sqlalchemy as sa

from cantiere import listening, privacy
from cantiere import workshop as w
from cantiere.store import schema
from cantiere.store import workshops as db

FAC = w.Actor.command_line()


def _listening_workshop(store):
    ws = w.create_workshop(store, FAC, "Ascolto a Russi", "", [{"title": "Trasporto sociale"}], dots=3, max_per_item=2)
    w.change_phase(store, FAC, ws.id, "ascolto")
    _, author = w.join(store, ws.code)
    _, friend = w.join(store, ws.code)
    proposal = listening.submit_proposal(store, author, "Centro diurno a Russi", "vicino a casa mia, via Roma 3")
    listening.support(store, friend, proposal.id)
    listening.add_pin(store, author, 44.3760, 12.0330, "servizio_mancante", "qui abito io")
    return ws, author, friend, proposal


def _rows(store, table):
    with store.read() as conn:
        return [dict(r._mapping) for r in conn.execute(sa.select(table))]


def test_erasing_the_author_removes_proposal_text_and_pin_note(fresh_store):
    ws, author, friend, proposal = _listening_workshop(fresh_store)
    privacy.erase_participant(fresh_store, FAC, author.token)

    (row,) = _rows(fresh_store, schema.proposals)
    assert (row["title"], row["description"], row["participant_id"]) == ("[rimosso]", "[rimosso]", None)
    (pin,) = _rows(fresh_store, schema.pins)
    assert (pin["note"], pin["participant_id"]) == ("[rimosso]", None)
    dump = str(
        _rows(fresh_store, schema.proposals) + _rows(fresh_store, schema.pins) + _rows(fresh_store, schema.events)
    )
    assert "via Roma" not in dump and "qui abito" not in dump
    # the other participant's support is theirs: it stays
    assert len(_rows(fresh_store, schema.supports)) == 1


def test_erasing_a_workshop_removes_proposals_supports_and_pins(fresh_store):
    ws, *_ = _listening_workshop(fresh_store)
    privacy.erase_workshop(fresh_store, FAC, ws.code)
    for table in (schema.proposals, schema.supports, schema.pins, schema.participants):
        assert _rows(fresh_store, table) == [], table.name
    assert db.list_workshops(fresh_store) == []
