"""AppTest flows of the voting methods: a phone completes a ballot in each
method and the database holds it; bad ballots are refused with the message
shown on the phone; the facilitator opens a round with a chosen method; the
Risultati page shows each result and suppresses small groups."""

from __future__ import annotations

import pytest
import streamlit as st

from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.ui import facilitazione_rounds as rounds_ui
from cantiere.ui import partecipa_methods as pm
from cantiere.ui import results_view
from tests.app.test_workshop_flow import FAC, click, env, login, open_join_link, page, texts  # noqa: F401
from tests.routes import send_vote

ROWS = [
    {"title": "Assistenza domiciliare", "cost": 40000},
    {"title": "Posti al nido", "cost": 70000},
    {"title": "Trasporto sociale", "cost": 30000},
]
SAVED = "Voto registrato. Puoi cambiarlo finché la votazione è aperta."


def method_workshop(store, method: str, params: dict | None = None, rows=ROWS):
    ws = w.create_workshop(store, FAC, f"Laboratorio {method}", "", rows)
    rnd = w.open_new_round(store, FAC, ws.id, method, params or {})
    return db.get_workshop(store, ws.id), rnd, db.list_priorities(store, ws.id)


def ballot_of(store, rnd, at):
    who = db.participant_by_token(store, at.query_params["p"])
    found = db.get_ballot(store, rnd.id, who.id)
    return found.payload if found else None


def test_approval_ballot(env):
    ws, rnd, items = method_workshop(env, "approval", {"max_approvals": 2})
    at = open_join_link(ws.code)
    at.toggle(key=pm.approval_key(rnd.id, items[0].id)).set_value(True)
    at.toggle(key=pm.approval_key(rnd.id, items[2].id)).set_value(True)
    click(at, pm.submit_key(rnd.id))
    assert texts(at, "success") == [SAVED]
    assert ballot_of(env, rnd, at) == {"approved": sorted([items[0].id, items[2].id])}


def test_approval_over_the_cap_is_refused_on_the_phone(env):
    ws, rnd, items = method_workshop(env, "approval", {"max_approvals": 2})
    at = open_join_link(ws.code)
    for item in items:
        at.toggle(key=pm.approval_key(rnd.id, item.id)).set_value(True)
    click(at, pm.submit_key(rnd.id))
    assert texts(at, "error") == ["Hai scelto 3 priorità ma se ne possono scegliere al massimo 2: togline qualcuna."]
    assert texts(at, "success") == []
    assert ballot_of(env, rnd, at) is None


def test_ranking_by_tapping_in_order_and_moving(env):
    ws, rnd, items = method_workshop(env, "ranking")
    at = open_join_link(ws.code)
    click(at, pm.rank_add_key(rnd.id, items[2].id))
    click(at, pm.rank_add_key(rnd.id, items[0].id))
    assert "1. Trasporto sociale" in texts(at, "text") and "2. Assistenza domiciliare" in texts(at, "text")
    click(at, pm.rank_up_key(rnd.id, items[0].id))
    assert texts(at, "text").index("1. Assistenza domiciliare") < texts(at, "text").index("2. Trasporto sociale")
    click(at, pm.submit_key(rnd.id))
    assert texts(at, "success") == [SAVED]
    assert ballot_of(env, rnd, at) == {"order": [items[0].id, items[2].id]}


def test_ranking_empty_is_refused(env):
    ws, rnd, items = method_workshop(env, "ranking")
    at = open_join_link(ws.code)
    click(at, pm.submit_key(rnd.id))
    assert texts(at, "error") == ["La scheda è vuota: esprimi almeno una preferenza prima di inviare."]
    assert ballot_of(env, rnd, at) is None


def test_budget_ballot_and_money_left(env):
    ws, rnd, items = method_workshop(env, "budget", {"budget": 100000})
    at = open_join_link(ws.code)
    at.toggle(key=pm.budget_key(rnd.id, items[1].id)).set_value(True)
    at.toggle(key=pm.budget_key(rnd.id, items[2].id)).set_value(True)
    at.run()
    assert any("restano 0 €" in str(p.proto.text) for p in at.get("progress"))
    click(at, pm.submit_key(rnd.id))
    assert texts(at, "success") == [SAVED]
    assert ballot_of(env, rnd, at) == {"approved": sorted([items[1].id, items[2].id])}


def test_budget_over_is_refused_with_the_amount(env):
    ws, rnd, items = method_workshop(env, "budget", {"budget": 100000})
    at = open_join_link(ws.code)
    for item in items:
        at.toggle(key=pm.budget_key(rnd.id, item.id)).set_value(True)
    at.run()
    assert texts(at, "warning") == ["Hai superato il budget di 40.000 €: togli un progetto."]
    click(at, pm.submit_key(rnd.id))
    assert texts(at, "error") == [
        "I progetti scelti costano 140.000 €, oltre il budget di 100.000 € di 40.000 €: togli qualche progetto."
    ]
    assert ballot_of(env, rnd, at) is None


def test_pairwise_each_answer_saved_and_next_pair_new(env):
    ws, rnd, items = method_workshop(env, "pairwise")
    at = open_join_link(ws.code)
    seen = []
    for side in ("left", "skip", "right"):
        shown = [s for s in texts(at, "text") if s in {i.title for i in items}]
        assert len(shown) == 2
        seen.append(frozenset(shown))
        click(at, pm.pair_key(rnd.id, side))
        assert texts(at, "success") == [SAVED]
    assert len(set(seen)) == 3, "a pair already answered came back while others were left"
    payload = ballot_of(env, rnd, at)
    assert len(payload["comparisons"]) == 3
    assert payload["comparisons"][1][2] == "skip"
    assert {frozenset(c[:2]) for c in payload["comparisons"]} == {
        frozenset(i.id for i in items if i.title in pair) for pair in seen
    }
    assert db.count_ballots(env, rnd.id) == 1  # one ballot per participant, upserted


def test_matrix_ballot(env):
    ws, rnd, items = method_workshop(env, "matrix")
    at = open_join_link(ws.code)
    at.radio(key=pm.matrix_key(rnd.id, items[0].id, "importance")).set_value(5)
    at.radio(key=pm.matrix_key(rnd.id, items[0].id, "feasibility")).set_value(2)
    click(at, pm.submit_key(rnd.id))
    assert texts(at, "success") == [SAVED]
    assert ballot_of(env, rnd, at) == {"ratings": {str(items[0].id): {"importance": 5, "feasibility": 2}}}


def test_matrix_half_rating_is_refused(env):
    ws, rnd, items = method_workshop(env, "matrix")
    at = open_join_link(ws.code)
    at.radio(key=pm.matrix_key(rnd.id, items[1].id, "importance")).set_value(4)
    click(at, pm.submit_key(rnd.id))
    assert texts(at, "error") == ["Per «Posti al nido» servono due voti: importanza e fattibilità."]
    assert ballot_of(env, rnd, at) is None


def test_dots_keeps_its_panel(env):
    ws, rnd, items = method_workshop(env, "dots", {"dots": 3, "max_per_item": 2})
    at = open_join_link(ws.code)
    assert send_vote(at, rnd.id, {items[1].id: 2}) == (200, SAVED)
    assert ballot_of(env, rnd, at) == {"dots": {str(items[1].id): 2}}


# --- facilitator ----------------------------------------------------------------------


def test_facilitator_opens_a_budget_round_with_costs(env):
    ws = w.create_workshop(env, FAC, "Bilancio di Lugo", "", [{"title": "Centro diurno"}, {"title": "Nido"}])
    items = db.list_priorities(env, ws.id)
    at = login(page("facilitazione"))
    at.selectbox(key=rounds_ui.METHOD).set_value("budget")
    at.run()
    at.text_input(key=rounds_ui.BUDGET).set_value("50.000")  # as Italians write it (issue 15)
    at.text_input(key=rounds_ui.cost_key(items[0].id)).set_value("30 000")
    at.run()
    click(at, rounds_ui.START)  # the second project has no cost yet
    assert texts(at, "error") == ["Il progetto «Nido» non ha un costo: indica un costo maggiore di zero."]
    assert db.list_rounds(env, ws.id) == [] and db.list_priorities(env, ws.id)[0].cost is None
    at.text_input(key=rounds_ui.cost_key(items[1].id)).set_value("venticinquemila")
    click(at, rounds_ui.START)
    assert texts(at, "error") == [
        "«venticinquemila» non è un importo: scrivi un numero di euro, per esempio 50.000 o 50000,50."
    ]
    assert db.list_rounds(env, ws.id) == []
    at.text_input(key=rounds_ui.cost_key(items[1].id)).set_value("25000,00")
    click(at, rounds_ui.START)
    (rnd,) = db.list_rounds(env, ws.id)
    assert (rnd.method, rnd.status, rnd.params) == ("budget", "open", {"budget": 50000, "items": [p.id for p in items]})
    assert [p.cost for p in db.list_priorities(env, ws.id)] == [30000.0, 25000.0]
    assert any("Bilancio partecipativo" in s for s in texts(at, "markdown"))


# --- Risultati ----------------------------------------------------------------------------

PROFILES = [("Ravenna", "cittadino")] * 5 + [("Faenza", "operatore")] * 5 + [("Casola Valsenio", "terzo_settore")] * 3

BALLOTS = {
    "approval": lambda ids, k: {"approved": [ids[k % 3]]},
    "ranking": lambda ids, k: {"order": [ids[k % 3], ids[(k + 1) % 3]]},
    "budget": lambda ids, k: {"approved": [ids[k % 2]]},
    "pairwise": lambda ids, k: {"comparisons": [[ids[0], ids[1 + k % 2]]]},
    "matrix": lambda ids, k: {"ratings": {str(ids[0]): {"importance": 1 + k % 5, "feasibility": 3}}},
    "dots": lambda ids, k: {"dots": {str(ids[k % 3]): 1}},
}
PARAMS = {"budget": {"budget": 100000}, "dots": {"dots": 3, "max_per_item": 2}}


def closed_workshop(store, method: str):
    ws = w.create_workshop(store, FAC, f"Risultati {method}", "", ROWS)
    rnd = w.open_new_round(store, FAC, ws.id, method, PARAMS.get(method, {}))
    ids = [p.id for p in db.list_priorities(store, ws.id)]
    for k, (comune, role) in enumerate(PROFILES):
        _, who = w.join(store, ws.code)
        w.set_profile(store, who, comune, role, None)
        w.cast_ballot(store, who, rnd.id, BALLOTS[method](ids, k))
    w.change_phase(store, FAC, ws.id, "chiuso")
    return ws, rnd


@pytest.mark.parametrize("method", sorted(BALLOTS))
def test_risultati_shows_each_result(env, method):
    ws, rnd = closed_workshop(env, method)
    at = page("risultati")
    assert not texts(at, "error")
    assert len(at.get("plotly_chart")) >= 1
    shown = texts(at, "text")
    from cantiere import voting

    explanation = voting.explain(w.tally_round(env, rnd.id), "it")
    assert explanation and all(line in shown for line in explanation)
    ranks = at.dataframe[0].value
    assert list(ranks.columns)[:3] == ["Posizione", "Priorità", "Punteggio"]
    assert set(ranks["Priorità"]) == {r["title"] for r in ROWS}
    extra = {
        "approval": ["Quota di approvazione"],
        "budget": ["Costo (€)", "Per voti (greedy)", "Quote uguali (Equal Shares)"],
        "pairwise": ["Confronti vinti"],
        "matrix": ["Importanza", "Fattibilità"],
    }
    assert list(ranks.columns)[3:] == extra.get(method, [])


def test_breakdown_hides_the_three_person_group(env):
    ws, rnd = closed_workshop(env, "approval")
    at = page("risultati")
    at.radio(key=results_view.breakdown_key(rnd.id)).set_value("comune")
    at.run()
    table = at.dataframe[1].value
    # Casola Valsenio (3 people) has no column; it joins "altri" with the smallest
    # shown group, so that no figure gives it away by difference from the total
    assert list(table.columns) == ["Priorità", "Faenza (5)", "altri (8)"]
    assert not any("Casola" in c for c in table.columns)
    assert "uniti in «altri»" in " ".join(texts(at, "caption"))
    at.radio(key=results_view.breakdown_key(rnd.id)).set_value("district")
    at.run()
    # Casola Valsenio is in the Faenza district: 8 people there, Ravenna 5
    assert list(at.dataframe[1].value.columns) == ["Priorità", "Faenza (8)", "Ravenna (5)"]


def test_open_workshop_only_for_facilitators(env):
    ws = w.create_workshop(env, FAC, "Aperto", "", ROWS)
    w.open_new_round(env, FAC, ws.id, "approval", {})
    at = page("risultati")
    assert "Nessun laboratorio chiuso" in " ".join(texts(at, "info"))
    at.switch_page("views/facilitazione.py")
    at.run()
    login(at)
    at.switch_page("views/risultati.py")
    at.run()
    assert at.selectbox(key=results_view.PICK).options[0].endswith("Aperto (voto)")
    assert "risultati provvisori" in " ".join(texts(at, "warning"))


def test_dots_over_the_total_is_refused_on_the_phone(env):
    ws, rnd, items = method_workshop(env, "dots", {"dots": 3, "max_per_item": 2})
    at = open_join_link(ws.code)
    assert send_vote(at, rnd.id, {items[0].id: 2, items[1].id: 2}) == (
        400,
        "Hai usato 4 punti ma ne hai a disposizione 3: togline qualcuno.",
    )
    assert ballot_of(env, rnd, at) is None


def test_projector_draws_the_method_chart_from_five_ballots(env):
    ws, rnd, items = method_workshop(env, "matrix")
    for _ in range(4):
        _, who = w.join(env, ws.code)
        w.cast_ballot(env, who, rnd.id, {"ratings": {str(items[0].id): {"importance": 5, "feasibility": 4}}})
    projector = page("proiezione", code=ws.code)
    assert not projector.get("plotly_chart")
    assert "almeno 5 voti (ora 4)" in " ".join(texts(projector, "info"))
    _, who = w.join(env, ws.code)
    w.cast_ballot(env, who, rnd.id, {"ratings": {str(items[1].id): {"importance": 2, "feasibility": 2}}})
    st.cache_data.clear()  # stands in for the 1-second TTL, without waiting on a clock
    projector = page("proiezione", code=ws.code)
    (chart,) = projector.get("plotly_chart")
    assert "Importanza" in chart.proto.spec and "Assistenza domiciliare" in chart.proto.spec


def test_facilitator_opens_a_ranking_of_the_top_two(env):
    ws, first, items = method_workshop(env, "approval")
    for approved in ([items[1].id], [items[1].id, items[2].id], [items[2].id], [items[1].id]):
        _, who = w.join(env, ws.code)
        w.cast_ballot(env, who, first.id, {"approved": approved})
    w.close_round(env, FAC, first.id)
    at = login(page("facilitazione"))
    at.selectbox(key=rounds_ui.METHOD).set_value("ranking")
    at.run()
    at.number_input(key=rounds_ui.TOP_N).set_value(2)
    click(at, rounds_ui.START)
    assert texts(at, "success") == ["Votazione n. 2 aperta: Classifica."]
    second = db.list_rounds(env, ws.id)[-1]
    assert (second.method, second.status, second.params["items"]) == (
        "ranking",
        "open",
        sorted([items[1].id, items[2].id]),
    )
    phone = open_join_link(ws.code)
    shown = [s for s in texts(phone, "text") if s in {r["title"] for r in ROWS}]
    assert sorted(shown) == ["Posti al nido", "Trasporto sociale"]
