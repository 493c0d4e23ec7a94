"""Opening a round with a chosen method: parameters checked by the method
(Italian errors, nothing changed), budget costs stored with the round, draft
rounds reused, facilitators only. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from cantiere import voting
from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.workshop_errors import PermissionDeniedError

FAC = w.Actor.command_line()
ROWS = [{"title": "Centro diurno"}, {"title": "Nido", "cost": 20000}]


@pytest.mark.parametrize(
    "method, params, costs, message",
    [
        (
            "dots",
            {"dots": 2, "max_per_item": 3},
            None,
            "Il massimo di punti per priorità (3) supera i punti a disposizione (2).",
        ),
        ("approval", {"max_approvals": 0}, None, "I parametri della votazione devono essere almeno 1."),
        ("ranking", {"max_ranked": "tre"}, None, "I parametri della votazione devono essere numeri interi."),
        ("budget", {"budget": 0}, None, "Indica un budget totale maggiore di zero (per esempio 100000)."),
        (
            "budget",
            {"budget": 50000},
            None,
            "Il progetto «Centro diurno» non ha un costo: indica un costo maggiore di zero.",
        ),
        (
            "budget",
            {"budget": 50000},
            "over",
            "Il progetto «Centro diurno» costa 60.000, più dell'intero budget (50.000): riduci il costo o alza il budget.",
        ),
    ],
)
def test_bad_parameters_change_nothing(any_store, method, params, costs, message):
    ws = w.create_workshop(any_store, FAC, "Lugo", "", ROWS)
    items = db.list_priorities(any_store, ws.id)
    cost_map = {items[0].id: 60000.0} if costs == "over" else None
    with pytest.raises(voting.RoundParamsError) as info:
        w.open_new_round(any_store, FAC, ws.id, method, params, cost_map)
    assert info.value.message("it") == message
    assert db.list_rounds(any_store, ws.id) == []
    assert [p.cost for p in db.list_priorities(any_store, ws.id)] == [None, 20000.0]
    assert db.get_workshop(any_store, ws.id).phase == "bozza"


def test_budget_round_stores_costs_and_opens(any_store):
    ws = w.create_workshop(any_store, FAC, "Lugo", "", ROWS)
    items = db.list_priorities(any_store, ws.id)
    rnd = w.open_new_round(any_store, FAC, ws.id, "budget", {"budget": 50000}, {items[0].id: 30000.0})
    assert (rnd.method, rnd.status, rnd.params) == ("budget", "open", {"budget": 50000, "items": [i.id for i in items]})
    assert [p.cost for p in db.list_priorities(any_store, ws.id)] == [30000.0, 20000.0]
    assert db.get_workshop(any_store, ws.id).phase == "voto"
    assert "priority_costs_set" in [e.kind for e in db.list_events(any_store, ws.id)]


def test_matching_draft_is_reused_and_others_close(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Faenza", "", ROWS, dots=3, max_per_item=2)
    (draft,) = db.list_rounds(fresh_store, ws.id)
    opened = w.open_new_round(fresh_store, FAC, ws.id, "dots", {"dots": 3, "max_per_item": 2})
    assert opened.id == draft.id
    second = w.open_new_round(fresh_store, FAC, ws.id, "pairwise", {})
    assert [(r.method, r.status) for r in db.list_rounds(fresh_store, ws.id)] == [
        ("dots", "closed"),
        ("pairwise", "open"),
    ]
    assert second.position == 2


def test_only_facilitators_open_rounds(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Cervia", "", ROWS)
    with pytest.raises(PermissionDeniedError):
        w.open_new_round(fresh_store, None, ws.id, "approval", {})
    assert db.list_rounds(fresh_store, ws.id) == []


def test_second_round_on_the_top_of_the_first(fresh_store):
    from cantiere import results

    ws = w.create_workshop(fresh_store, FAC, "Russi", "", [{"title": t} for t in ("A", "B", "C", "D")])
    ids = [p.id for p in db.list_priorities(fresh_store, ws.id)]
    first = w.open_new_round(fresh_store, FAC, ws.id, "approval", {})
    for approved in ([ids[2]], [ids[2], ids[0]], [ids[1]]):
        _, who = w.join(fresh_store, ws.code)
        w.cast_ballot(fresh_store, who, first.id, {"approved": approved})
    top = results.top_items(w.tally_round(fresh_store, first.id), 1)
    assert top == [ids[2]]
    tie = results.top_items(w.tally_round(fresh_store, first.id), 2)
    assert sorted(tie) == sorted([ids[2], ids[0], ids[1]])  # a tie across the cut keeps the whole tier
    second = w.open_new_round(fresh_store, FAC, ws.id, "ranking", {"items": tie})
    assert second.params == {"max_ranked": None, "items": sorted(tie)}
    assert [i.id for i in w.items_of(fresh_store, ws.id, second.params)] == sorted(tie)
    _, who = w.join(fresh_store, ws.code)
    with pytest.raises(voting.BallotError):
        w.cast_ballot(fresh_store, who, second.id, {"order": [ids[3]]})  # not in this round


def test_subset_with_an_unknown_priority_is_refused(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Russi", "", ROWS)
    with pytest.raises(w.NotFoundError):
        w.open_new_round(fresh_store, FAC, ws.id, "approval", {"items": [999]})
    assert db.list_rounds(fresh_store, ws.id) == []


def test_budget_round_keeps_its_projects_when_one_is_added_later(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Lugo", "", ROWS)
    items = db.list_priorities(fresh_store, ws.id)
    rnd = w.open_new_round(fresh_store, FAC, ws.id, "budget", {"budget": 50000}, {items[0].id: 30000.0})
    w.add_priorities(fresh_store, FAC, ws.id, [{"title": "Progetto senza costo"}])
    _, who = w.join(fresh_store, ws.code)
    _, replaced = w.cast_ballot(fresh_store, who, rnd.id, {"approved": [items[0].id]})  # no "item without cost" error
    assert not replaced
    assert [i.title for i in w.items_of(fresh_store, ws.id, db.get_round(fresh_store, rnd.id).params)] == [
        "Centro diurno",
        "Nido",
    ]
