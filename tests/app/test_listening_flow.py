"""AppTest flows of the ascolto phase: a phone proposes, supports and pins; the
facilitator sees it live, promotes it, and the voting round includes it."""

from __future__ import annotations

from cantiere import listening as lis
from cantiere import workshop as w
from cantiere.store import listening as ldb
from cantiere.store import workshops as db
from cantiere.ui import facilitazione_listening as fac_lis
from cantiere.ui import partecipa_listening as part_lis
from cantiere.ui import workshop_facilitazione as fac_ui
from cantiere.ui import workshop_partecipa as part_ui
from tests.app.test_workshop_flow import click, env, login, open_join_link, page, section, texts  # noqa: F401
from tests.routes import send_vote, vote_screen

FAC = w.Actor.command_line()


def listening_workshop(store):
    ws = w.create_workshop(
        store, FAC, "Laboratorio di Cervia", "", [{"title": "Sostegno ai caregiver"}], phase="ascolto"
    )
    return db.get_workshop(store, ws.id)


def frame_values(at) -> list:
    return [value for df in at.dataframe for column in df.value.columns for value in df.value[column].tolist()]


def test_a_proposal_reaches_the_facilitator_and_once_promoted_the_vote(env):
    ws = listening_workshop(env)
    phone = open_join_link(ws.code)
    phone.text_input(key=part_lis.P_TITLE).set_value("Centro diurno a Pinarella")
    phone.text_area(key=part_lis.P_DESCRIPTION).set_value("<img src=x onerror=alert(1)> aperto il sabato")
    phone.multiselect(key=part_lis.P_COMUNI).set_value(["Cervia"])
    click(phone, part_lis.P_SEND)
    (proposal,) = ldb.list_proposals(env, ws.id)
    assert texts(phone, "success") == [f"Proposta n. {proposal.id} inviata. Grazie!"]
    assert (proposal.title, proposal.comuni) == ("Centro diurno a Pinarella", ("Cervia",))
    assert phone.text_input(key=part_lis.P_TITLE).value == ""  # the form is emptied
    # participant text is shown as plain text, never Markdown/HTML
    assert "<img src=x onerror=alert(1)> aperto il sabato" in [e.value for e in phone.text]
    assert not any("onerror" in m for m in texts(phone, "markdown"))

    # the same title again: a clear message, nothing stored
    phone.text_input(key=part_lis.P_TITLE).set_value("centro diurno a PINARELLA!")
    click(phone, part_lis.P_SEND)
    assert texts(phone, "error") == [
        f"Esiste già una proposta uguale (n. {proposal.id}: «Centro diurno a Pinarella»): "
        "sostienila con «Anch'io» invece di ripeterla."
    ]
    assert len(ldb.list_proposals(env, ws.id, include_hidden=True)) == 1

    other = open_join_link(ws.code)
    click(other, part_lis.support_key(proposal.id))
    assert texts(other, "success") == [f"Hai sostenuto la proposta n. {proposal.id}."]
    assert ldb.get_proposal(env, proposal.id).supports == 1

    fac = section(login(page("facilitazione")), "ascolto.fac.section")
    assert "Centro diurno a Pinarella" in frame_values(fac)
    fac.selectbox(key=fac_lis.PICK).set_value(proposal.id)
    click(fac, fac_lis.PROMOTE)
    assert "La proposta è ora una priorità: entrerà nella prossima votazione." in texts(fac, "success")
    promoted = ldb.get_proposal(env, proposal.id).promoted_priority_id
    assert promoted in [p.id for p in db.list_priorities(env, ws.id)]

    section(fac, "facilitazione.section_phase")
    click(fac, fac_ui.START_VOTING)
    rnd = w.current_round(env, ws.id)
    assert rnd.status == "open"
    phone.run()
    assert "Centro diurno a Pinarella" in [i["title"] for i in vote_screen(phone, rnd.id)["screen"]["items"]]
    assert send_vote(phone, rnd.id, {promoted: 2})[0] == 200  # on the ballot now
    who = db.participant_by_token(env, phone.query_params["p"])
    assert db.get_ballot(env, rnd.id, who.id).payload == {"dots": {str(promoted): 2}}


def test_a_tap_then_conferma_adds_a_pin_with_its_comune(env):
    ws = listening_workshop(env)
    phone = open_join_link(ws.code)
    phone.radio(key=part_lis.TASK).set_value("map").run()
    assert phone.button(key=part_lis.CONFIRM).disabled  # no tap yet
    # the map's value as st_folium returns it after a tap in Cervia
    phone.session_state[part_lis.MAP] = {"last_clicked": {"lat": 44.26306, "lng": 12.34911}}
    phone.run()
    assert "Punto scelto nel comune di Cervia." in texts(phone, "success")
    phone.selectbox(key=part_lis.CATEGORY).set_value("accessibilita")
    phone.text_area(key=part_lis.NOTE).set_value("Fermata senza rampa `${alert(1)}`")
    click(phone, part_lis.CONFIRM)
    (pin,) = ldb.list_pins(env, ws.id)
    assert (pin.comune_code, pin.category, pin.note) == ("039007", "accessibilita", "Fermata senza rampa `${alert(1)}`")
    assert f"Segnalazione n. {pin.id} aggiunta a Cervia." in texts(phone, "success")
    assert phone.button(key=part_lis.CONFIRM).disabled  # the tap was used
    click(phone, part_lis.DELETE)
    assert ldb.list_pins(env, ws.id, include_hidden=True) == []


def test_a_tap_outside_the_province_is_explained_and_cannot_be_confirmed(env):
    ws = listening_workshop(env)
    phone = open_join_link(ws.code)
    phone.radio(key=part_lis.TASK).set_value("map")
    phone.session_state[part_lis.MAP] = {"last_clicked": {"lat": 44.40, "lng": 12.40}}  # the sea
    phone.run()
    assert any("fuori dalla provincia" in e for e in texts(phone, "error"))
    assert phone.button(key=part_lis.CONFIRM).disabled
    assert ldb.list_pins(env, ws.id, include_hidden=True) == []


def test_hidden_pin_note_leaves_the_projector(env):
    ws = listening_workshop(env)
    _, who = w.join(env, ws.code)
    kept = lis.add_pin(env, who, 44.41751, 12.1996, "trasporti", "fermata lontana")
    gone = lis.add_pin(env, who, 44.2856, 11.8833, "altro", "nota da nascondere")
    lis.hide_pin(env, FAC, gone.id)
    proj = page("proiezione", code=ws.code)
    shown = frame_values(proj)
    assert "fermata lontana" in shown and "nota da nascondere" not in shown
    assert kept.id in shown and gone.id not in shown


def test_coordinators_layer_counts_visible_pins_on_atlante_and_servizi(env):
    ws = listening_workshop(env)
    _, who = w.join(env, ws.code)
    lis.add_pin(env, who, 44.41751, 12.1996, "trasporti", "uno")
    lis.add_pin(env, who, 44.2856, 11.8833, "altro", "due")
    hidden = lis.add_pin(env, who, 44.26306, 12.34911, "altro", "tre")
    lis.hide_pin(env, FAC, hidden.id)
    for name, key in (("atlante", fac_lis.LAYER_TOGGLE_ATLANTE), ("servizi", fac_lis.LAYER_TOGGLE_SERVIZI)):
        at = page(name)
        assert not any("segnalazioni dei partecipanti" in c for c in texts(at, "caption"))
        at.toggle(key=key).set_value(True)
        at.run()
        assert not at.exception, at.exception
        assert any(c.startswith("2 segnalazioni dei partecipanti") for c in texts(at, "caption"))


def test_facilitator_merges_a_duplicate_and_hides_a_proposal(env):
    ws = listening_workshop(env)
    people = [w.join(env, ws.code)[1] for _ in range(3)]
    target = lis.submit_proposal(env, people[0], "Nido aperto d'estate")
    source = lis.submit_proposal(env, people[1], "Un nido anche in agosto")
    lis.support(env, people[2], source.id)
    fac = section(login(page("facilitazione")), "ascolto.fac.section")
    fac.selectbox(key=fac_lis.MERGE_SOURCE).set_value(source.id).run()
    assert fac.selectbox(key=fac_lis.MERGE_TARGET).options == [f"n. {target.id}"]  # never into itself
    click(fac, fac_lis.MERGE)
    assert f"Proposte unite: la n. {target.id} ora ha 2 sostegni." in texts(fac, "success")
    fac.selectbox(key=fac_lis.PICK).set_value(target.id).run()
    click(fac, fac_lis.HIDE)
    assert ldb.get_proposal(env, target.id).hidden
    phone = page("partecipa", code=ws.code, p=people[2].token)
    shown = [e.value for e in phone.text]
    assert "Nido aperto d'estate" not in shown and "Un nido anche in agosto" not in shown


def test_facilitator_sees_exact_pins_and_public_downloads(env):
    ws = listening_workshop(env)
    _, who = w.join(env, ws.code)
    lis.add_pin(env, who, 44.41751, 12.1996, "trasporti", "visibile")
    gone = lis.add_pin(env, who, 44.2856, 11.8833, "altro", "nascosta")
    lis.hide_pin(env, FAC, gone.id)
    fac = section(login(page("facilitazione")), "ascolto.fac.section")
    values = frame_values(fac)
    assert {"visibile", "nascosta", 44.41751, 12.1996} <= set(values)  # exact, hidden included
    labels = [e.proto.label for e in fac.get("download_button")]
    assert "Scarica le segnalazioni (GeoJSON pubblico)" in labels and "Scarica l'export pubblico (JSON)" in labels
    fac.selectbox(key=fac_lis.PIN_PICK).set_value(gone.id).run()
    assert fac.button(key=fac_lis.PIN_TOGGLE).label == "Ripristina"
    click(fac, fac_lis.PIN_TOGGLE)
    assert not ldb.get_pin(env, gone.id).hidden


def test_duplicate_proposal_error_quotes_the_typed_title_escaped(env):
    """The error quotes a title someone typed, and st.error renders Markdown:
    the quote arrives escaped, so no image loads, no link or bold appears, and
    the reader sees exactly what was typed."""
    hostile = "**Centro** ![x](http://127.0.0.1:9/x.png) [clic](javascript:alert(1)) $x$ :red[rosso]"
    ws = listening_workshop(env)
    phone = open_join_link(ws.code)
    for _ in range(2):
        phone.text_input(key=part_lis.P_TITLE).set_value(hostile)
        click(phone, part_lis.P_SEND)
    (error,) = texts(phone, "error")
    assert "![" not in error and "](" not in error and "**" not in error and ":red[" not in error
    assert hostile in error.replace("\\", "")
