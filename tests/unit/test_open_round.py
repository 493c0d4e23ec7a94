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
        ("dots", {"dots": 2, "max_per_item": 3}, None, "Il massimo di punti per priorità (3) supera i punti a disposizione (2)."),
        ("approval", {"max_approvals": 0}, None, "I parametri della votazione devono essere almeno 1."),
        ("ranking", {"max_ranked": "tre"}, None, "I parametri della votazione devono essere numeri interi."),
        ("budget", {"budget": 0}, None, "Indica un budget totale maggiore di zero (per esempio 100000)."),
        ("budget", {"budget": 50000}, None, "Il progetto «Centro diurno» non ha un costo: indica un costo maggiore di zero."),
        ("budget", {"budget": 50000}, "over", "Il progetto «Centro diurno» costa 60000, più dell'intero budget (50000): riduci il costo o alza il budget."),
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
    assert (rnd.method, rnd.status, rnd.params) == ("budget", "open", {"budget": 50000})
    assert [p.cost for p in db.list_priorities(any_store, ws.id)] == [30000.0, 20000.0]
    assert db.get_workshop(any_store, ws.id).phase == "voto"
    assert "priority_costs_set" in [e.kind for e in db.list_events(any_store, ws.id)]


def test_matching_draft_is_reused_and_others_close(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Faenza", "", ROWS, dots=3, max_per_item=2)
    (draft,) = db.list_rounds(fresh_store, ws.id)
    opened = w.open_new_round(fresh_store, FAC, ws.id, "dots", {"dots": 3, "max_per_item": 2})
    assert opened.id == draft.id
    second = w.open_new_round(fresh_store, FAC, ws.id, "pairwise", {})
    assert [(r.method, r.status) for r in db.list_rounds(fresh_store, ws.id)] == [("dots", "closed"), ("pairwise", "open")]
    assert second.position == 2


def test_only_facilitators_open_rounds(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Cervia", "", ROWS)
    with pytest.raises(PermissionDeniedError):
        w.open_new_round(fresh_store, None, ws.id, "approval", {})
    assert db.list_rounds(fresh_store, ws.id) == []
