"""What users and the export see of each method's outcome: the JSON export
carries the full outcome (funded sets of greedy and Equal Shares, Schulze
order, Condorcet winner) and the tie rule; the minutes show the tie rule under
every round's result; the tally benchmark runs."""

from __future__ import annotations

import io
import json

from cantiere import export, report, results
from cantiere import workshop as w
from cantiere.store import workshops as db
from tests.conftest import FACILITATOR_ACTOR as FAC

ROWS = [
    {"title": "Centro diurno", "cost": 40_000},
    {"title": "Trasporto", "cost": 60_000},
    {"title": "Sportello", "cost": 28_000},
]


def _vote(store, workshop, method, params, ballots):
    rnd = w.open_new_round(store, FAC, workshop.id, method, params)
    items = [p.id for p in db.list_priorities(store, workshop.id)]
    for make in ballots:
        _, who = w.join(store, workshop.code)
        w.cast_ballot(store, who, rnd.id, make(items))
    w.close_round(store, FAC, rnd.id)
    return rnd, items


def test_the_export_carries_both_funded_sets_of_a_budget_round(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Bilancio 2026", "", ROWS)
    w.change_phase(fresh_store, FAC, ws.id, "ascolto")
    ballots = [lambda i: {"approved": [i[0]]}] * 17 + [lambda i: {"approved": [i[1]]}] * 2
    ballots += [lambda i: {"approved": [i[2]]}]
    rnd, (q, t, p) = _vote(fresh_store, ws, "budget", {"budget": 100_000}, ballots)
    data = json.loads(export.to_json(export.build(fresh_store, db.get_workshop(fresh_store, ws.id))))
    tally = next(x for x in data["tallies"] if x["round_id"] == rnd.id)
    outcome = tally["outcome"]
    assert outcome["greedy"]["funded"] == [q, t]
    assert outcome["equal_shares"]["funded"] == [q, p]
    assert outcome["equal_shares"]["spent"] == 68_000 and outcome["equal_shares"]["left"] == 32_000
    assert outcome["equal_shares"]["completion"] == "add1" and outcome["equal_shares"]["share_per_voter"] == 28_000
    assert tally["tie_rule"].startswith(
        "Parità: nei più votati (greedy), a parità di voti passa il progetto meno costoso"
    )


def test_the_export_carries_the_schulze_order_and_the_condorcet_winner(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Classifica", "", [{"title": t} for t in ("A", "B", "C")])
    w.change_phase(fresh_store, FAC, ws.id, "ascolto")
    ballots = [lambda i: {"order": [i[0], i[1], i[2]]}] * 2 + [lambda i: {"order": [i[1], i[2], i[0]]}] * 2
    ballots += [lambda i: {"order": [i[2], i[1], i[0]]}]
    rnd, (a, b, c) = _vote(fresh_store, ws, "ranking", {}, ballots)
    data = export.build(fresh_store, db.get_workshop(fresh_store, ws.id))
    outcome = next(x for x in data["tallies"] if x["round_id"] == rnd.id)["outcome"]
    assert outcome["borda"]["ranking"] == [[b], [a, c]]  # Borda leaves A and C level
    assert outcome["schulze"]["ranking"] == [[b], [c], [a]]  # Schulze separates them
    assert outcome["condorcet_winner"] == b
    assert outcome["head_to_head"][str(b)][str(a)] == 3
    json.dumps(data)  # JSON-ready


def test_every_method_exports_a_json_outcome(fresh_store):
    from cantiere import voting

    items = [voting.Item(1, "A", 10), voting.Item(2, "B", 20)]
    ballots = {
        "dots": [{"dots": {"1": 2}}],
        "approval": [{"approved": [1, 2]}],
        "ranking": [{"order": [2, 1]}],
        "budget": [{"approved": [1, 2]}],
        "pairwise": [{"comparisons": [[1, 2]]}],
        "matrix": [{"ratings": {"1": {"importance": 5, "feasibility": 3}}}],
    }
    params = {"dots": {"dots": 3, "max_per_item": 2}, "budget": {"budget": 30}}
    for name, method in voting.METHODS.items():
        outcome = method.outcome(voting.tally(name, ballots[name], items, params.get(name, {})))
        assert outcome["winners"], name
        json.dumps(outcome)


def test_the_minutes_show_the_tie_rule_of_each_round(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Verbale", "", ROWS)
    w.change_phase(fresh_store, FAC, ws.id, "ascolto")
    _vote(fresh_store, ws, "dots", {"dots": 3, "max_per_item": 2}, [lambda i: {"dots": {str(i[0]): 2}}])
    built = report.build(fresh_store, db.get_workshop(fresh_store, ws.id))
    rule = "Parità: le priorità con gli stessi punti restano alla pari, nella stessa posizione; nessun sorteggio."
    assert built.rounds[0].tie_rule == rule
    assert rule in report.to_html(built)
    english = report.build(fresh_store, db.get_workshop(fresh_store, ws.id), lang="en")
    assert english.rounds[0].tie_rule.startswith("Ties: priorities with the same dots stay level")
    assert results.tie_rule("budget", "en").startswith("Ties: for most voted (greedy)")


def test_the_tally_benchmark_runs_at_a_small_scale():
    from bench import tally

    out = io.StringIO()
    assert tally.main(out=out, voters=12, projects=5, rooms=1) == 0
    text = out.getvalue()
    assert "MES time (budget tally, greedy + Equal Shares)" in text
    assert all(f"  {name}" in text for name in ("dots", "approval", "ranking", "budget", "pairwise", "matrix"))
