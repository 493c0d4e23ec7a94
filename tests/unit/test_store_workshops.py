"""Store of workshops on SQLite and PostgreSQL: what the database holds."""

from __future__ import annotations

import random
import threading

import pytest
import sqlalchemy as sa

from cantiere import voting
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db
from cantiere.workshop_errors import RoundNotOpenError

FAC = w.Actor.command_line()
ROWS = [
    {"title": "Assistenza domiciliare agli anziani soli", "comuni": ["Ravenna", "Faenza"]},
    {"title": "Più posti al nido", "target_group": "famiglie 0-2"},
    {"title": "Trasporto sociale nelle frazioni"},
    {"title": "Sostegno ai caregiver"},
]


def voting_workshop(store, dots=5, max_per_item=2):
    ws = w.create_workshop(store, FAC, "Laboratorio di Lugo", "", ROWS, dots=dots, max_per_item=max_per_item)
    rnd = w.start_voting(store, FAC, ws.id)
    return db.get_workshop(store, ws.id), rnd, db.list_priorities(store, ws.id)


def table_count(store, table):
    with store.read() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_migration_creates_tables_and_is_idempotent(any_store):
    any_store.migrate()  # second run: nothing to do, no error
    names = set(sa.inspect(any_store.engine).get_table_names())
    assert {"workshops", "rounds", "priorities", "participants", "ballots", "comments", "events"} <= names


def test_create_workshop_stores_priorities_round_and_event(any_store):
    ws, rnd, items = voting_workshop(any_store)
    assert ws.phase == "voto"
    assert len(ws.code) == w.CODE_LENGTH and not set(ws.code) & set("0O1IL")
    assert [p.title for p in items] == [r["title"] for r in ROWS]
    assert items[0].comuni == ("Ravenna", "Faenza")
    assert rnd.status == "open" and rnd.params == {"dots": 5, "max_per_item": 2}
    kinds = [e.kind for e in db.list_events(any_store, ws.id)]
    assert kinds[0] == "workshop_created" and "round_opened" in kinds and "phase_changed" in kinds


def test_revote_replaces_ballot_and_logs_both(any_store):
    ws, rnd, items = voting_workshop(any_store)
    _, who = w.join(any_store, ws.code)
    _, replaced = w.cast_ballot(any_store, who, rnd.id, {"dots": {items[0].id: 2, items[1].id: 2}})
    assert not replaced
    ballot, replaced = w.cast_ballot(any_store, who, rnd.id, {"dots": {items[2].id: 1}})
    assert replaced and ballot.version == 2
    assert table_count(any_store, "ballots") == 1
    assert db.list_ballots(any_store, rnd.id)[0].payload == {"dots": {str(items[2].id): 1}}
    kinds = [e.kind for e in db.list_events(any_store, ws.id)]
    assert kinds.count("ballot_cast") == 1 and kinds.count("ballot_replaced") == 1
    assert w.tally_round(any_store, rnd.id).scores[items[2].id] == 1


def test_ballot_on_closed_round_is_refused_and_changes_nothing(any_store):
    ws, rnd, items = voting_workshop(any_store)
    _, who = w.join(any_store, ws.code)
    w.cast_ballot(any_store, who, rnd.id, {"dots": {items[0].id: 1}})
    w.close_round(any_store, FAC, rnd.id)
    with pytest.raises(RoundNotOpenError):
        w.cast_ballot(any_store, who, rnd.id, {"dots": {items[1].id: 2}})
    with pytest.raises(RoundNotOpenError):  # the store itself refuses too
        db.upsert_ballot(any_store, rnd.id, who.id, {"dots": {str(items[1].id): 2}})
    assert db.list_ballots(any_store, rnd.id)[0].payload == {"dots": {str(items[0].id): 1}}


def test_unique_constraint_holds_even_for_raw_inserts(any_store):
    ws, rnd, items = voting_workshop(any_store)
    _, who = w.join(any_store, ws.code)
    w.cast_ballot(any_store, who, rnd.id, {"dots": {items[0].id: 1}})
    from cantiere.store.schema import ballots

    with pytest.raises(sa.exc.IntegrityError):
        with any_store.write() as conn:
            conn.execute(
                ballots.insert().values(round_id=rnd.id, participant_id=who.id, payload={}, version=1, cast_at=db.now())
            )
    assert table_count(any_store, "ballots") == 1


def test_hide_and_restore_comment(any_store):
    ws, rnd, items = voting_workshop(any_store)
    _, who = w.join(any_store, ws.code)
    comment = w.add_comment(any_store, who, items[0].id, "<script>alert(1)</script> **grassetto**")
    assert comment.text == "<script>alert(1)</script> **grassetto**"  # stored as typed, shown as text
    w.hide_comment(any_store, FAC, comment.id)
    assert db.list_comments(any_store, ws.id) == []
    assert db.list_comments(any_store, ws.id, include_hidden=True)[0].hidden
    w.hide_comment(any_store, FAC, comment.id, hidden=False)
    assert [c.id for c in db.list_comments(any_store, ws.id)] == [comment.id]
    kinds = [e.kind for e in db.list_events(any_store, ws.id)]
    assert kinds[-2:] == ["comment_hidden", "comment_restored"]


def test_closing_workshop_closes_rounds(any_store):
    ws, rnd, _ = voting_workshop(any_store)
    w.change_phase(any_store, FAC, ws.id, "chiuso")
    assert db.get_round(any_store, rnd.id).status == "closed"
    assert db.get_workshop(any_store, ws.id).phase == "chiuso"


def test_fifty_participants_double_submit_at_once(any_store):
    """50 phones each send their ballot twice at the same moment (a double tap),
    through two app processes (two Store objects on one database). Exactly 50
    ballots remain and the tally equals the one expected from those ballots."""
    ws, rnd, items = voting_workshop(any_store, dots=3, max_per_item=2)
    people = [w.join(any_store, ws.code)[1] for _ in range(50)]
    rng = random.Random(3)
    chosen = {}
    for who in people:
        a, b = rng.sample(items, 2)
        chosen[who.id] = {"dots": {str(a.id): 2, str(b.id): 1}}
    other = Store(any_store.url, migrate=False)
    barrier = threading.Barrier(100)
    errors: list[BaseException] = []

    def submit(store, who):
        try:
            barrier.wait()
            w.cast_ballot(store, who, rnd.id, chosen[who.id])
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=submit, args=(store, who)) for who in people for store in (any_store, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.close()
    assert errors == []
    assert table_count(any_store, "ballots") == 50
    assert {b.participant_id: b.payload for b in db.list_ballots(any_store, rnd.id)} == chosen
    expected = {p.id: 0 for p in items}
    for ballot in chosen.values():
        for item_id, n in ballot["dots"].items():
            expected[int(item_id)] += n
    assert w.tally_round(any_store, rnd.id).scores == expected
    kinds = [e.kind for e in db.list_events(any_store, ws.id)]
    assert kinds.count("ballot_cast") == 50 and kinds.count("ballot_replaced") == 50


def test_event_log_recomputes_the_tally(any_store):
    """The append-only log alone gives the same tally as the ballots table."""
    ws, rnd, items = voting_workshop(any_store)
    for n in range(6):
        _, who = w.join(any_store, ws.code)
        w.cast_ballot(any_store, who, rnd.id, {"dots": {items[n % 4].id: 2}})
        w.cast_ballot(any_store, who, rnd.id, {"dots": {items[(n + 1) % 4].id: 1}})
    last = {}
    for e in db.list_events(any_store, ws.id):
        if e.kind in ("ballot_cast", "ballot_replaced"):
            last[e.detail["ballot_id"]] = e.detail["payload"]
    replay = voting.tally("dots", list(last.values()), w.items_of(any_store, ws.id, {}), rnd.params)
    assert replay.scores == w.tally_round(any_store, rnd.id).scores
