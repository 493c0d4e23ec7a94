"""Listening store and rules on SQLite and PostgreSQL: what the database holds."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.exc import IntegrityError

from cantiere import listening as lis
from cantiere import pins
from cantiere import workshop as w
from cantiere.store import MIGRATIONS
from cantiere.store import listening as ldb
from cantiere.store import workshops as db
from cantiere.store.schema import supports
from cantiere.workshop_errors import NotFoundError, PermissionDeniedError, PhaseError

FAC = w.Actor.command_line()
RAVENNA = (44.41751, 12.19960)
FAENZA = (44.2856, 11.8833)
TABLES = {"proposals", "supports", "pins"}


def listening_workshop(store, n_people=4):
    ws = w.create_workshop(
        store, FAC, "Laboratorio di Russi", "", [{"title": "Sostegno ai caregiver"}], dots=3, phase="ascolto"
    )
    people = [w.join(store, ws.code)[1] for _ in range(n_people)]
    return db.get_workshop(store, ws.id), people


def kinds(store, workshop_id):
    return [e.kind for e in db.list_events(store, workshop_id)]


def test_migration_adds_and_removes_the_listening_tables(fresh_store):
    assert TABLES <= set(sa.inspect(fresh_store.engine).get_table_names())
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = fresh_store.engine
    command.downgrade(config, "0003_listening@0001_workshops")
    assert not TABLES & set(sa.inspect(fresh_store.engine).get_table_names())
    command.upgrade(config, "heads")
    assert TABLES <= set(sa.inspect(fresh_store.engine).get_table_names())


def test_proposal_support_is_one_row_per_pair_even_in_raw_sql(any_store):
    ws, (anna, bruno, *_) = listening_workshop(any_store)
    proposal = lis.submit_proposal(
        any_store, anna, "Centro diurno a Russi", "Aperto anche il sabato", "anziani", ["Russi"]
    )
    assert (proposal.title, proposal.comuni, proposal.supports) == ("Centro diurno a Russi", ("Russi",), 0)
    assert lis.support(any_store, bruno, proposal.id) is True
    assert lis.support(any_store, bruno, proposal.id) is False  # idempotent
    assert ldb.get_proposal(any_store, proposal.id).supports == 1
    with pytest.raises(IntegrityError), any_store.write() as conn:  # the DB itself refuses a second row
        conn.execute(supports.insert().values(proposal_id=proposal.id, participant_id=bruno.id, created_at=db.now()))
    assert kinds(any_store, ws.id).count("supported") == 1
    assert "proposal_created" in kinds(any_store, ws.id)


def test_no_support_for_ones_own_proposal(any_store):
    _, (anna, *_) = listening_workshop(any_store)
    proposal = lis.submit_proposal(any_store, anna, "Trasporto sociale nelle frazioni")
    with pytest.raises(pins.PinError) as info:
        lis.support(any_store, anna, proposal.id)
    assert "tua proposta" in info.value.message("it")
    assert ldb.supporters(any_store, proposal.id) == set()


def test_duplicate_proposal_names_the_existing_one_and_adds_nothing(any_store):
    ws, (anna, bruno, *_) = listening_workshop(any_store)
    first = lis.submit_proposal(any_store, anna, "Più posti al nido a Sant'Agata")
    with pytest.raises(lis.DuplicateProposalError) as info:
        lis.submit_proposal(any_store, bruno, "  piu POSTI al nido a Sant’Agata! ")
    message = info.value.message("it")
    assert f"n. {first.id}" in message and "Anch'io" in message
    assert [p.id for p in ldb.list_proposals(any_store, ws.id)] == [first.id]


@pytest.mark.parametrize(
    "title, key", [("   ", "proposte.error.title_empty"), ("x" * 121, "proposte.error.title_long")]
)
def test_bad_proposal_titles_are_refused(any_store, title, key):
    ws, (anna, *_) = listening_workshop(any_store)
    with pytest.raises(pins.PinError) as info:
        lis.submit_proposal(any_store, anna, title)
    assert info.value.key == key
    assert ldb.list_proposals(any_store, ws.id, include_hidden=True) == []


def test_merge_keeps_supports_without_double_counting(any_store):
    ws, (anna, bruno, carla, dario) = listening_workshop(any_store)
    target = lis.submit_proposal(any_store, anna, "Centro diurno per anziani")
    source = lis.submit_proposal(any_store, bruno, "Un centro diurno anziani a Russi")
    lis.support(any_store, carla, target.id)
    lis.support(any_store, carla, source.id)  # supports both: must count once
    lis.support(any_store, dario, source.id)
    lis.support(any_store, anna, source.id)  # the target's author: never counted on her own
    merged = lis.merge(any_store, FAC, source.id, target.id)
    assert ldb.supporters(any_store, target.id) == {bruno.id, carla.id, dario.id}
    assert merged.supports == 3
    kept = ldb.get_proposal(any_store, source.id)
    assert kept.merged_into == target.id and kept.title == "Un centro diurno anziani a Russi"
    assert [p.id for p in lis.visible_proposals(any_store, ws.id)] == [target.id]
    # a late "anch'io" on the merged one goes to the target
    lis.support(any_store, w.join(any_store, ws.code)[1], source.id)
    assert ldb.get_proposal(any_store, target.id).supports == 4
    assert "merged" in kinds(any_store, ws.id)
    with pytest.raises(pins.PinError):
        lis.merge(any_store, FAC, source.id, target.id)  # already merged


def test_hidden_proposal_vanishes_for_phones_and_projector(any_store):
    ws, (anna, bruno, *_) = listening_workshop(any_store)
    bad = lis.submit_proposal(any_store, anna, "<script>alert(1)</script>")
    good = lis.submit_proposal(any_store, anna, "Sportello sociale a Russi")
    lis.hide_proposal(any_store, FAC, bad.id)
    assert [p.id for p in lis.visible_proposals(any_store, ws.id)] == [good.id]
    assert [p.id for p in lis.top_proposals(any_store, ws.id)] == [good.id]
    with pytest.raises(NotFoundError):
        lis.support(any_store, bruno, bad.id)
    assert {p.id for p in lis.all_proposals(any_store, FAC, ws.id)} == {bad.id, good.id}
    assert "proposal_hidden" in kinds(any_store, ws.id)


def test_promote_makes_a_priority_the_open_round_votes_on(any_store):
    ws, (anna, bruno, *_) = listening_workshop(any_store)
    proposal = lis.submit_proposal(
        any_store, anna, "Trasporto sociale", "Navetta per le visite", "anziani", ["Russi", "Ravenna"]
    )
    lis.support(any_store, bruno, proposal.id)
    priority = lis.promote(any_store, FAC, proposal.id)
    assert (priority.title, priority.comuni, priority.target_group) == (
        "Trasporto sociale",
        ("Russi", "Ravenna"),
        "anziani",
    )
    assert ldb.get_proposal(any_store, proposal.id).promoted_priority_id == priority.id
    rnd = w.start_voting(any_store, FAC, ws.id)
    assert priority.id in [item.id for item in w.items_of(any_store, ws.id, rnd.params)]
    with pytest.raises(pins.PinError):
        lis.promote(any_store, FAC, proposal.id)  # once only
    assert "promoted" in kinds(any_store, ws.id)


def test_moderation_needs_a_facilitator(any_store):
    _, (anna, *_) = listening_workshop(any_store)
    proposal = lis.submit_proposal(any_store, anna, "Centro per le famiglie")
    pin = lis.add_pin(any_store, anna, *RAVENNA, "altro", "qui")
    for call in (
        lambda: lis.hide_proposal(any_store, None, proposal.id),
        lambda: lis.promote(any_store, anna, proposal.id),
        lambda: lis.hide_pin(any_store, None, pin.id),
        lambda: lis.exact_pins(any_store, None, proposal.workshop_id),
    ):
        with pytest.raises(PermissionDeniedError):
            call()
    assert ldb.get_proposal(any_store, proposal.id).hidden is False


def test_pins_add_move_delete_only_ones_own(any_store):
    ws, (anna, bruno, *_) = listening_workshop(any_store)
    pin = lis.add_pin(any_store, anna, *RAVENNA, "servizio_mancante", "Qui manca un centro diurno")
    assert (pin.comune_code, pin.lat, pin.lon) == ("039014", 44.41751, 12.1996)
    moved = lis.move_pin(any_store, anna, pin.id, *FAENZA)
    assert moved.comune_code == "039010" and (moved.lat, moved.lon) == FAENZA
    with pytest.raises(NotFoundError):
        lis.move_pin(any_store, bruno, pin.id, *RAVENNA)
    with pytest.raises(NotFoundError):
        lis.delete_pin(any_store, bruno, pin.id)
    assert ldb.get_pin(any_store, pin.id).comune_code == "039010"
    lis.delete_pin(any_store, anna, pin.id)
    assert ldb.list_pins(any_store, ws.id, include_hidden=True) == []
    assert [k for k in kinds(any_store, ws.id) if k.startswith("pin_")] == ["pin_added", "pin_moved", "pin_deleted"]


def test_bad_pins_change_nothing(any_store):
    ws, (anna, *_) = listening_workshop(any_store)
    for args in (
        (45.46, 9.19, "altro", "Milano"),
        (*RAVENNA, "boh", "nota"),
        (*RAVENNA, "altro", "  "),
        (*RAVENNA, "altro", "x" * 281),
    ):
        with pytest.raises(pins.PinError):
            lis.add_pin(any_store, anna, *args)
    assert ldb.list_pins(any_store, ws.id, include_hidden=True) == []


def test_eleventh_pin_in_a_minute_is_refused_even_after_deleting(any_store):
    ws, (anna, bruno, *_) = listening_workshop(any_store)
    for n in range(pins.MAX_PINS_PER_MINUTE):
        added = lis.add_pin(any_store, anna, *RAVENNA, "altro", f"nota {n}")
    lis.delete_pin(any_store, anna, added.id)
    with pytest.raises(pins.PinError) as info:
        lis.add_pin(any_store, anna, *RAVENNA, "altro", "ancora")
    assert "ultimo minuto" in info.value.message("it")
    assert len(ldb.list_pins(any_store, ws.id)) == pins.MAX_PINS_PER_MINUTE - 1
    lis.add_pin(any_store, bruno, *RAVENNA, "altro", "il limite è per persona")


def test_pins_and_proposals_only_while_listening(any_store):
    ws, (anna, *_) = listening_workshop(any_store)
    pin = lis.add_pin(any_store, anna, *RAVENNA, "altro", "nota")
    w.change_phase(any_store, FAC, ws.id, "voto")
    for call in (
        lambda: lis.add_pin(any_store, anna, *RAVENNA, "altro", "tardi"),
        lambda: lis.move_pin(any_store, anna, pin.id, *FAENZA),
        lambda: lis.delete_pin(any_store, anna, pin.id),
        lambda: lis.submit_proposal(any_store, anna, "Troppo tardi"),
    ):
        with pytest.raises(PhaseError):
            call()
    assert ldb.get_pin(any_store, pin.id).comune_code == "039014"


def test_public_pins_are_coarsened_and_hidden_ones_vanish(any_store):
    ws, (anna, *_) = listening_workshop(any_store)
    shown = lis.add_pin(any_store, anna, *RAVENNA, "trasporti", "fermata senza pensilina")
    hidden = lis.add_pin(any_store, anna, *FAENZA, "altro", "testo offensivo")
    lis.hide_pin(any_store, FAC, hidden.id)
    (public,) = lis.public_pins(any_store, ws.id)
    assert public.id == shown.id and (public.lat, public.lon) == pins.coarsen(*RAVENNA) != RAVENNA
    assert public.comune == "Ravenna"
    assert all(p.note != "testo offensivo" for p in lis.public_pins(any_store))
    exact = {p.id: p for p in lis.exact_pins(any_store, FAC, ws.id)}
    assert (exact[shown.id].lat, exact[shown.id].lon) == RAVENNA and exact[hidden.id].hidden


def test_density_counts_pins_per_cell():
    points = [RAVENNA, (RAVENNA[0] + 0.0005, RAVENNA[1]), FAENZA]
    cells = lis.density(points)
    assert [n for *_, n in cells] == [2, 1]
    assert sum(n for *_, n in lis.density(points, 5000)) == 3


def test_pins_older_than_a_minute_do_not_count_towards_the_limit(any_store):
    from datetime import timedelta

    from cantiere.store.schema import events

    ws, (anna, *_) = listening_workshop(any_store)
    long_ago = db.now() - timedelta(minutes=2)
    with any_store.write() as conn:  # ten pins logged two minutes ago
        for n in range(pins.MAX_PINS_PER_MINUTE):
            conn.execute(
                events.insert().values(
                    workshop_id=ws.id,
                    kind="pin_added",
                    detail={"pin_id": 1000 + n, "participant_id": anna.id},
                    created_at=long_ago,
                )
            )
    lis.add_pin(any_store, anna, *RAVENNA, "altro", "si può")
    assert len(ldb.list_pins(any_store, ws.id)) == 1
