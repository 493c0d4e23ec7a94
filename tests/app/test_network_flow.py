"""AppTest: the cycle of issue 20 on the pages. A workshop's winning priority
becomes a pact with a lead and two partners from the register (Facilitazione,
«Patti e memoria»), gets two milestones, appears on Monitoraggio (map and
list) and on the opening screen of the district's next workshop; the Rete page
shows the register."""

from __future__ import annotations

from datetime import date

from cantiere import areas, network, pacts
from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.ui import pacts_view
from tests.app.test_workshop_flow import click, env, login, page, section  # noqa: F401  (env is a fixture)
from tests.conftest import FACILITATOR_ACTOR as FAC

ROWS = [{"title": "Trasporto sociale verso i servizi", "comuni": "Lugo"}, {"title": "Posti al nido"}]


def _setup(store):
    network.add_organisations(
        store,
        FAC,
        [
            {"name": "Unione Bassa Romagna", "kind": "unione", "comuni": ["Lugo"], "fields": ["anziani"]},
            {"name": "Coop. Il Ponte", "kind": "cooperativa_sociale", "comuni": ["Lugo"]},
            {"name": "Associazione Famiglie", "kind": "associazione", "comuni": ["Cotignola"]},
        ],
    )
    orgs = {o.name: o.id for o in network.register(store)}
    ws = w.create_workshop(store, FAC, "Laboratorio Lugo 2025", "", ROWS, dots=3, max_per_item=3)
    areas.set_workshop_place(store, FAC, ws.id, "Lugo", 2025)
    rnd = w.start_voting(store, FAC, ws.id)
    winner, other = db.list_priorities(store, ws.id)
    for _ in range(5):
        _, who = w.join(store, ws.code)
        w.cast_ballot(store, who, rnd.id, {"dots": {str(winner.id): 2, str(other.id): 1}})
    w.change_phase(store, FAC, ws.id, "chiuso")
    following = w.create_workshop(store, FAC, "Laboratorio Lugo 2026", "", ROWS, phase="ascolto")
    areas.set_workshop_place(store, FAC, following.id, "Lugo", 2026)
    return orgs, ws, winner, following


def test_cycle_priority_to_pact_to_monitoring_to_next_workshop(env):
    orgs, ws, winner, following = _setup(env)
    at = login(page("facilitazione"))
    at.selectbox(key="facilitazione.pick").set_value(ws.id)
    at.run()
    section(at, "pacts.fac.section")
    options = at.selectbox(key="patti.priority").options
    assert options[1].startswith("#1 · Trasporto sociale")  # the winner first, with its rank
    at.selectbox(key="patti.priority").set_value(winner.id)
    at.run()
    assert at.text_input(key="patti.title").value == winner.title  # filled from the priority
    # no lead: refused with the message, nothing saved
    click(at, "patti.create")
    assert "Un patto ha bisogno di un'organizzazione capofila" in " ".join(e.value for e in at.error)
    assert pacts.all_pacts(env) == []

    at.selectbox(key="patti.lead").set_value(orgs["Unione Bassa Romagna"])
    at.multiselect(key="patti.partners").set_value([orgs["Coop. Il Ponte"], orgs["Associazione Famiglie"]])
    at.run()
    at.text_input(key=f"patti.commit.{orgs['Coop. Il Ponte']}").set_value("Due autisti entro marzo")
    at.text_input(key="patti.m1.title").set_value("Avvio del servizio")
    at.date_input(key="patti.m1.due").set_value(date(2026, 2, 1))
    at.text_input(key="patti.m2.title").set_value("Primo bilancio con le famiglie")
    at.date_input(key="patti.m2.due").set_value(date(2026, 6, 30))
    click(at, "patti.create")
    assert not at.error, [e.value for e in at.error]
    (pact,) = pacts.all_pacts(env)
    assert pact.lead_name == "Unione Bassa Romagna" and pact.workshop_id == ws.id
    assert {p.name for p in pact.partners} == {"Coop. Il Ponte", "Associazione Famiglie"}
    assert [m.title for m in pact.milestones] == ["Avvio del servizio", "Primo bilancio con le famiglie"]
    assert pact.partners[0].commitment == "Due autisti entro marzo"
    assert at.selectbox(key="patti.lead").value == 0 and at.text_input(key="patti.title").value == ""  # form emptied

    # a step back without a note is refused on the page too
    at.selectbox(key=f"patti.status.{pact.id}").set_value("in_corso")
    click(at, f"patti.save_status.{pact.id}")
    at.selectbox(key=f"patti.status.{pact.id}").set_value("sottoscritto")
    click(at, f"patti.save_status.{pact.id}")
    assert "si torna indietro" in " ".join(e.value for e in at.error)
    assert pacts.ndb.get_pact(env, pact.id).status == "in_corso"

    mon = page("monitoraggio")
    table = next(d.value for d in mon.dataframe if "Patto" in d.value.columns)
    assert table.iloc[0]["Patto"] == "Trasporto sociale verso i servizi"
    assert table.iloc[0]["Stato"] == "In corso" and table.iloc[0]["Capofila"] == "Unione Bassa Romagna"
    shown = [t.value for t in mon.text]
    assert any(s.startswith("In corso, 0 % · capofila Unione Bassa Romagna") for s in shown)
    assert any("Prossima tappa: Avvio del servizio entro il 01/02/2026." in s for s in shown)
    mon.selectbox(key=pacts_view.F_STATUS).set_value("concluso")
    mon.run()
    assert "Nessun patto con questi filtri." in [i.value for i in mon.info]

    proj = page("proiezione", code=following.code)
    assert not proj.expander  # the opening screen (ascolto) shows it in full, not folded
    shown = [t.value for t in proj.text]
    assert any("Laboratorio Lugo 2025 (2025)" in s for s in shown)
    assert any(s.startswith("In corso, 0 % · capofila Unione Bassa Romagna") for s in shown)

    rete = page("rete")
    names = set(next(d.value for d in rete.dataframe if "Nome" in d.value.columns)["Nome"])
    assert names == {"Unione Bassa Romagna", "Coop. Il Ponte", "Associazione Famiglie"}


def test_rete_and_monitoraggio_render_for_everyone_without_password(env):
    for name in ("rete", "monitoraggio"):
        at = page(name)
        assert not at.exception
        assert "facilitazione.password" not in [x.key for x in at.text_input]
