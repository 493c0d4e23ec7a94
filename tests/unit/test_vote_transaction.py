"""A vote is one transaction (round, priorities, validation, upsert, event):
what it returns is what the database holds, and it is checked against the
priorities stored at that moment, not against a copy read earlier."""

from __future__ import annotations

import pytest

from cantiere import voting
from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.workshop_errors import RoundNotOpenError, UnknownParticipantError

FAC = w.Actor.command_line()
ROWS = [{"title": "Nido"}, {"title": "Trasporto sociale"}, {"title": "Caregiver"}]


def voting_workshop(store, title="Laboratorio di Cervia"):
    ws = w.create_workshop(store, FAC, title, "", ROWS, dots=3, max_per_item=2)
    rnd = w.start_voting(store, FAC, ws.id)
    return ws, rnd, db.list_priorities(store, ws.id)


def test_returned_ballot_is_what_the_database_holds(any_store):
    ws, rnd, items = voting_workshop(any_store)
    _, who = w.join(any_store, ws.code)
    for ballot in ({"dots": {items[0].id: 2, items[2].id: 1}}, {"dots": {str(items[1].id): 1}}):
        returned, _ = w.cast_ballot(any_store, who, rnd.id, ballot)
        stored = db.get_ballot(any_store, rnd.id, who.id)
        assert (returned.id, returned.round_id, returned.participant_id, returned.version) == (
            stored.id,
            stored.round_id,
            stored.participant_id,
            stored.version,
        )
        assert returned.payload == stored.payload
        assert returned.cast_at == stored.cast_at
    assert stored.payload == {"dots": {str(items[1].id): 1}} and stored.version == 2
    kinds = [e.kind for e in db.list_events(any_store, ws.id)]
    assert kinds.count("ballot_cast") == 1 and kinds.count("ballot_replaced") == 1


def test_priority_deleted_during_the_round_is_refused(any_store):
    ws, rnd, items = voting_workshop(any_store)
    _, who = w.join(any_store, ws.code)
    w.delete_priority(any_store, FAC, items[0].id)
    with pytest.raises(voting.BallotError):
        w.cast_ballot(any_store, who, rnd.id, {"dots": {items[0].id: 1}})
    assert db.list_ballots(any_store, rnd.id) == []
    assert not any(e.kind.startswith("ballot_") for e in db.list_events(any_store, ws.id))


def test_participant_of_another_workshop_cannot_vote(any_store):
    ws, rnd, items = voting_workshop(any_store)
    other, _, _ = voting_workshop(any_store, "Laboratorio di Russi")
    _, stranger = w.join(any_store, other.code)
    with pytest.raises(UnknownParticipantError):
        w.cast_ballot(any_store, stranger, rnd.id, {"dots": {items[0].id: 1}})
    w.close_round(any_store, FAC, rnd.id)
    _, member = w.join(any_store, ws.code)
    with pytest.raises(RoundNotOpenError):
        w.cast_ballot(any_store, member, rnd.id, {"dots": {items[0].id: 1}})
    assert db.list_ballots(any_store, rnd.id) == []
