"""Pacts: from a workshop's winning priority to a pact with a lead and partners,
milestones, status and progress, every change logged; the bad inputs of issue
20 refused with a clear message; the opening screen of the next workshop; the
exports and the minutes."""

from __future__ import annotations

import json
from datetime import date

import pytest

from cantiere import areas, export, network, network_demo, pacts, report
from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.workshop_errors import PermissionDeniedError
from tests.conftest import FACILITATOR_ACTOR as FAC

ROWS = [{"title": "Trasporto sociale", "comuni": "Lugo"}, {"title": "Posti al nido", "comuni": "Lugo"}]


def _orgs(store):
    network.add_organisations(
        store,
        FAC,
        [
            {"name": "Unione Bassa Romagna", "kind": "unione", "comuni": ["Lugo"]},
            {"name": "Coop. Il Ponte", "kind": "cooperativa_sociale", "comuni": ["Lugo"]},
            {"name": "Associazione Famiglie", "kind": "associazione", "comuni": ["Cotignola"]},
        ],
    )
    return {o.name: o.id for o in network.register(store)}


def _voted_workshop(store, ballots=5):
    ws = w.create_workshop(store, FAC, "Laboratorio Lugo 2025", "", ROWS, dots=3, max_per_item=3)
    areas.set_workshop_place(store, FAC, ws.id, "Lugo", 2025)
    rnd = w.start_voting(store, FAC, ws.id)
    winner, other = db.list_priorities(store, ws.id)
    for _ in range(ballots):
        _, who = w.join(store, ws.code)
        w.cast_ballot(store, who, rnd.id, {"dots": {str(winner.id): 2, str(other.id): 1}})
    w.change_phase(store, FAC, ws.id, "chiuso")
    return db.get_workshop(store, ws.id), winner


def _draft(orgs, ws, winner, **changes):
    values = dict(
        title=winner.title,
        lead_id=orgs["Unione Bassa Romagna"],
        partners=[
            {"organisation_id": orgs["Coop. Il Ponte"], "commitment": "Due autisti", "due": "2026-03-01"},
            {"organisation_id": orgs["Associazione Famiglie"], "commitment": "Volontari"},
        ],
        comuni=["Lugo", "039009"],
        area="anziani",
        budget=20000,
        funding=[{"source": "Piano di Zona", "amount": "15000"}, {"source": "Fondazione", "amount": 5000}],
        milestones=[{"title": "Avvio", "due": "2026-02-01"}, {"title": "Primo bilancio", "due": "01/06/2026"}],
        workshop_id=ws.id,
        priority_id=winner.id,
    )
    values.update(changes)
    return pacts.Draft(**values)


def test_a_winning_priority_becomes_a_pact_that_keeps_its_story(any_store):
    orgs = _orgs(any_store)
    ws, winner = _voted_workshop(any_store)
    pact = pacts.create_pact(any_store, FAC, _draft(orgs, ws, winner))
    assert pact.lead_name == "Unione Bassa Romagna"
    assert [p.name for p in pact.partners] == ["Coop. Il Ponte", "Associazione Famiglie"]
    assert pact.partners[0].due == date(2026, 3, 1)
    assert [m.title for m in pact.milestones] == ["Avvio", "Primo bilancio"]
    assert (pact.status, pact.progress, pact.district, pact.comuni) == ("proposto", 0, "Lugo", ("039012", "039009"))
    assert pact.funding[0] == {"source": "Piano di Zona", "amount": 15000.0}
    story = pact.story
    assert story["workshop"] == {
        "code": ws.code, "title": "Laboratorio Lugo 2025", "district": "Lugo", "year": 2025, "is_demo": False
    }  # fmt: skip
    assert story["priority"]["title"] == "Trasporto sociale"
    assert story["votes"] == [
        {"round": story["votes"][0]["round"], "method": "dots", "ballots": 5, "rank": 1, "score": 10.0}
    ]
    (line,) = pacts.ndb.list_log(any_store, [pact.id])
    assert (line.kind, line.who) == ("created", "facilitatore (test)")


def test_status_progress_and_milestones_are_logged(any_store):
    orgs = _orgs(any_store)
    ws, winner = _voted_workshop(any_store, ballots=0)
    pact = pacts.create_pact(any_store, FAC, _draft(orgs, ws, winner))
    pacts.change_status(any_store, FAC, pact.id, "sottoscritto")
    pacts.change_status(any_store, FAC, pact.id, "in_corso")
    pacts.set_progress(any_store, FAC, pact.id, "40")
    pacts.add_milestone(any_store, FAC, pact.id, "Secondo bilancio", "2026-12-01")
    pacts.complete_milestone(any_store, FAC, pact.milestones[0].id)
    pact = pacts.change_status(any_store, FAC, pact.id, "sottoscritto", note="Manca la firma del Comune")
    kinds = [x.kind for x in pacts.ndb.list_log(any_store, [pact.id])]
    assert kinds == ["created", "status", "status", "progress", "milestone_added", "milestone_done", "status"]
    texts = [text for _, text in pacts.timeline(any_store, pact)]
    assert "Stato: In corso → Sottoscritto — Manca la firma del Comune" in texts
    assert "Tappa raggiunta: Avvio" in texts and "Avanzamento: 0 % → 40 %" in texts
    assert pact.progress == 40 and pact.milestones[0].done


# --- Bad input (issue 20) ----------------------------------------------------------


def test_a_pact_without_a_lead_is_refused(any_store):
    orgs = _orgs(any_store)
    ws, winner = _voted_workshop(any_store, ballots=0)
    with pytest.raises(pacts.PactError) as caught:
        pacts.create_pact(any_store, FAC, _draft(orgs, ws, winner, lead_id=None))
    assert caught.value.message() == (
        "Un patto ha bisogno di un'organizzazione capofila: sceglila dal registro della Rete."
    )
    assert pacts.all_pacts(any_store) == []


def test_milestone_dates_out_of_order_are_refused(any_store):
    orgs = _orgs(any_store)
    ws, winner = _voted_workshop(any_store, ballots=0)
    bad = [{"title": "Avvio", "due": "2026-06-01"}, {"title": "Preparazione", "due": "2026-01-15"}]
    with pytest.raises(pacts.PactError) as caught:
        pacts.create_pact(any_store, FAC, _draft(orgs, ws, winner, milestones=bad))
    assert caught.value.message() == (
        "La tappa «Preparazione» (15/01/2026) viene prima della tappa «Avvio» (01/06/2026): "
        "le date delle tappe devono seguire l'ordine."
    )
    pact = pacts.create_pact(any_store, FAC, _draft(orgs, ws, winner))
    with pytest.raises(pacts.PactError) as caught:
        pacts.add_milestone(any_store, FAC, pact.id, "Troppo presto", date(2026, 5, 1))
    assert (
        "«Troppo presto» (01/05/2026) viene prima della tappa «Primo bilancio» (01/06/2026)" in caught.value.message()
    )
    assert len(pacts.ndb.get_pact(any_store, pact.id).milestones) == 2


@pytest.mark.parametrize("value", [101, "150", -1, "tanto", 12.5])
def test_progress_over_100_or_not_a_whole_percentage_is_refused(any_store, value):
    orgs = _orgs(any_store)
    ws, winner = _voted_workshop(any_store, ballots=0)
    pact = pacts.create_pact(any_store, FAC, _draft(orgs, ws, winner))
    with pytest.raises(pacts.PactError) as caught:
        pacts.set_progress(any_store, FAC, pact.id, value)
    assert caught.value.message() == f"L'avanzamento «{value}» non va bene: un numero intero da 0 a 100 %."
    assert pacts.ndb.get_pact(any_store, pact.id).progress == 0


def test_the_database_itself_keeps_progress_within_100(any_store):
    orgs = _orgs(any_store)
    ws, winner = _voted_workshop(any_store, ballots=0)
    pact = pacts.create_pact(any_store, FAC, _draft(orgs, ws, winner))
    with pytest.raises(Exception, match="(?i)check"):
        pacts.ndb.set_progress(any_store, pact.id, 120, "test")


@pytest.mark.parametrize(
    ("old", "new"), [("in_corso", "sottoscritto"), ("concluso", "in_corso"), ("in_corso", "sospeso")]
)
def test_a_status_moving_backwards_needs_a_note(any_store, old, new):
    orgs = _orgs(any_store)
    ws, winner = _voted_workshop(any_store, ballots=0)
    pact = pacts.create_pact(any_store, FAC, _draft(orgs, ws, winner, status=old))
    with pytest.raises(pacts.PactError) as caught:
        pacts.change_status(any_store, FAC, pact.id, new, note="  ")
    shown = {"in_corso": "In corso", "sottoscritto": "Sottoscritto", "concluso": "Concluso", "sospeso": "Sospeso"}
    assert caught.value.message() == (
        f"Da «{shown[old]}» a «{shown[new]}» si torna indietro: scrivi una nota che spieghi perché."
    )
    assert pacts.ndb.get_pact(any_store, pact.id).status == old
    assert pacts.change_status(any_store, FAC, pact.id, new, note="Fondi in ritardo").status == new


def test_a_partner_twice_and_an_unknown_status_are_refused(fresh_store):
    orgs = _orgs(fresh_store)
    ws, winner = _voted_workshop(fresh_store, ballots=0)
    lead_as_partner = [{"organisation_id": orgs["Unione Bassa Romagna"]}]
    with pytest.raises(pacts.PactError) as caught:
        pacts.create_pact(fresh_store, FAC, _draft(orgs, ws, winner, partners=lead_as_partner))
    assert "«Unione Bassa Romagna» compare due volte" in caught.value.message()
    pact = pacts.create_pact(fresh_store, FAC, _draft(orgs, ws, winner))
    with pytest.raises(pacts.UnknownNameError) as unknown:
        pacts.change_status(fresh_store, FAC, pact.id, "finito")
    assert "proposto, sottoscritto, in_corso, concluso, sospeso" in unknown.value.message()


def test_only_the_coordinator_edits_pacts(fresh_store):
    orgs = _orgs(fresh_store)
    ws, winner = _voted_workshop(fresh_store, ballots=0)
    participant_actor = w.Actor(w.Role.PARTICIPANT)
    with pytest.raises(PermissionDeniedError):
        pacts.create_pact(fresh_store, participant_actor, _draft(orgs, ws, winner))
    pact = pacts.create_pact(fresh_store, FAC, _draft(orgs, ws, winner))
    for call in (
        lambda a: pacts.change_status(fresh_store, a, pact.id, "sottoscritto"),
        lambda a: pacts.set_progress(fresh_store, a, pact.id, 10),
        lambda a: pacts.add_milestone(fresh_store, a, pact.id, "X", "2027-01-01"),
    ):
        with pytest.raises(PermissionDeniedError):
            call(None)


# --- the next workshop, exports, minutes, demo ---------------------------------------


def test_the_next_workshop_of_the_district_opens_with_what_happened(any_store):
    orgs = _orgs(any_store)
    ws, winner = _voted_workshop(any_store, ballots=0)
    pacts.create_pact(any_store, FAC, _draft(orgs, ws, winner, status="in_corso", progress=30))
    following = w.create_workshop(any_store, FAC, "Laboratorio Lugo 2026", "", ROWS)
    elsewhere = w.create_workshop(any_store, FAC, "Laboratorio Faenza 2026", "", ROWS)
    areas.set_workshop_place(any_store, FAC, following.id, "lugo", 2026)
    areas.set_workshop_place(any_store, FAC, elsewhere.id, "Faenza", 2026)
    since = pacts.since_last(any_store, following.id)
    assert since.district == "Lugo" and [p.title for p in since.previous] == ["Laboratorio Lugo 2025"]
    (pact,) = since.pacts
    assert pacts.summary_line(pact).startswith("In corso, 30 % · capofila Unione Bassa Romagna")
    assert pacts.since_last(any_store, elsewhere.id) is None
    assert pacts.since_last(any_store, ws.id) is None  # the first of its district


def test_register_pacts_and_log_are_in_the_exports_and_the_minutes(fresh_store):
    orgs = _orgs(fresh_store)
    ws, winner = _voted_workshop(fresh_store)
    pact = pacts.create_pact(fresh_store, FAC, _draft(orgs, ws, winner, title='=HYPERLINK("x")'))
    pacts.change_status(fresh_store, FAC, pact.id, "sottoscritto")
    data = json.loads(export.render(fresh_store, ws, "json"))
    assert [p["title"] for p in data["pacts"]] == ['=HYPERLINK("x")']
    assert [x["kind"] for x in data["pact_log"]] == ["created", "status"]
    assert {o["name"] for o in data["organisations"]} == set(orgs)
    tables = export.tables(data)
    assert tables["pacts"].loc[0, "title"] == '\'=HYPERLINK("x")'  # a formula is not run by a spreadsheet
    assert len(tables["pact_milestones"]) == 2 and len(tables["pact_partners"]) == 2
    html = report.to_html(report.build(fresh_store, ws))
    assert "Patti nati da questo laboratorio" in html and "Capofila: Unione Bassa Romagna" in html
    assert "Stato: Proposto → Sottoscritto" in html and "=HYPERLINK(&quot;x&quot;)" in html
    sheet = report.sheets(report.build(fresh_store, ws))["Patti"]
    assert sheet.iloc[0]["Stato"] == "Sottoscritto"
    open_data = json.loads(pacts.render_open_data(fresh_store, "json"))
    assert len(open_data["organisations"]) == 3 and len(open_data["pact_log"]) == 2
    assert pacts.render_open_data(fresh_store, "xlsx")[:2] == b"PK"


def test_demo_history_of_a_district_labelled_as_examples(fresh_store):
    demo = w.ensure_demo(fresh_store)
    assert network_demo.ensure_demo(fresh_store, demo)
    assert not network_demo.ensure_demo(fresh_store, demo)  # once
    everything = pacts.all_pacts(fresh_store)
    assert sorted(p.status for p in everything) == sorted(pacts.STATUSES)  # five pacts, one per stage
    assert all(p.is_demo and p.district == "Lugo" for p in everything)
    assert all("(esempio)" in o.name for o in network.register(fresh_store))
    since = pacts.since_last(fresh_store, demo.id)
    assert [p.year for p in since.previous] == [2024, 2025] and len(since.pacts) == 5
    assert set(since.recurring) == {"anziani", "casa"}


def test_first_start_puts_the_live_demo_first_and_its_history_behind_it(fresh_store):
    demo = network_demo.first_start(fresh_store)
    assert network_demo.first_start(fresh_store) is None  # only on an empty database
    listed = db.list_workshops(fresh_store)
    assert listed[0].id == demo.id and demo.phase == "voto"
    assert [x.title for x in listed[1:]] == [
        "[ESEMPIO] Laboratorio Bassa Romagna 2025",
        "[ESEMPIO] Laboratorio Bassa Romagna 2024",
    ]
    assert len(pacts.since_last(fresh_store, demo.id).pacts) == 5
