"""Privacy: data minimisation, erasure of a workshop and of a participant
(logged, ballots kept), the participant's own data by token."""

from __future__ import annotations

import json
import logging
import re

import pytest
import sqlalchemy as sa

from cantiere import cli, privacy
from cantiere import workshop as w
from cantiere.store import privacy as pdb
from cantiere.store import workshops as db
from cantiere.workshop_errors import PermissionDeniedError, UnknownParticipantError, WrongCodeError

FAC = w.Actor.command_line()
ROWS = [{"title": "Posti al nido"}, {"title": "Trasporto sociale"}, {"title": "Caregiver"}]
# a column named like this would hold who someone is, or where they connect from
IDENTIFYING = re.compile(
    r"(^|_)(name|nome|cognome|surname|ip|ip_address|email|mail|phone|telefono|user_agent|address_ip)($|_)"
)
# imported services have a name and an address: places, not people
ALLOWED = {
    ("dataset_services", "name"),
    ("dataset_services", "address"),
    ("alembic_version", "version_num"),
    ("app_meta", "name"),
    ("indicator_defs", "name"),  # an indicator's name («Reddito medio»), not a person's
    ("organisations", "name"),  # a cooperative's or a body's name from the register (issue 20), not a person's
}


@pytest.fixture
def two_workshops(fresh_store):
    store = fresh_store
    made = []
    for title in ("Laboratorio di Lugo", "Laboratorio di Cervia"):
        ws = w.create_workshop(store, FAC, title, "", ROWS, dots=3, max_per_item=2)
        rnd = w.start_voting(store, FAC, ws.id)
        prios = db.list_priorities(store, ws.id)
        people = []
        for n in range(3):
            _, who = w.join(store, ws.code)
            w.set_profile(store, who, "Lugo", "cittadino", "65-79")
            w.cast_ballot(store, who, rnd.id, {"dots": {prios[n].id: 2, prios[(n + 1) % 3].id: 1}})
            w.add_comment(store, who, prios[0].id, f"commento {n} di {title}")
            people.append(who)
        made.append((db.get_workshop(store, ws.id), rnd, people))
    return store, made


def columns(store):
    inspector = sa.inspect(store.engine)
    return [(t, c["name"]) for t in inspector.get_table_names() for c in inspector.get_columns(t)]


def test_no_table_has_a_column_for_names_ips_or_emails(fresh_store):
    found = [(t, c) for t, c in columns(fresh_store) if IDENTIFYING.search(c.lower()) and (t, c) not in ALLOWED]
    assert found == []
    # the participants table holds a random token and the optional profile only
    assert {c for t, c in columns(fresh_store) if t == "participants"} == {
        "id",
        "workshop_id",
        "token",
        "comune",
        "role",
        "age_band",
        "profile_answered_at",
        "created_at",
    }


def test_nothing_identifying_is_logged_while_people_join_and_vote(fresh_store, caplog):
    caplog.set_level(logging.DEBUG)
    ws = w.create_workshop(fresh_store, FAC, "Laboratorio", "", ROWS, dots=3, max_per_item=2)
    rnd = w.start_voting(fresh_store, FAC, ws.id)
    prio = db.list_priorities(fresh_store, ws.id)[0]
    _, who = w.join(fresh_store, ws.code)
    w.set_profile(fresh_store, who, "Russi", "operatore", "35-49")
    w.cast_ballot(fresh_store, who, rnd.id, {"dots": {prio.id: 2}})
    w.add_comment(fresh_store, who, prio.id, "testo personale del partecipante")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert who.token not in logged
    assert "testo personale" not in logged
    assert not re.search(r"\b\d{1,3}(\.\d{1,3}){3}\b", logged)


def test_participant_cannot_be_erased_without_the_facilitator(two_workshops):
    store, [(ws, rnd, people), _] = two_workshops
    for actor in (None, w.Actor(w.Role.PARTICIPANT, "token"), people[0]):
        with pytest.raises(PermissionDeniedError):
            privacy.erase_participant(store, actor, people[0].token)
        with pytest.raises(PermissionDeniedError):
            privacy.erase_workshop(store, actor, ws.code)
    assert db.participant_by_token(store, people[0].token).comune == "Lugo"
    assert db.workshop_by_code(store, ws.code) is not None


def test_erasing_a_participant_removes_profile_and_text_and_keeps_the_ballot(two_workshops):
    store, [(ws, rnd, people), (other, _, others)] = two_workshops
    tally_before = w.tally_round(store, rnd.id)
    target = people[1]

    counts = privacy.erase_participant(store, FAC, target.token)

    assert counts == {"texts": 1, "ballots_kept": 1}
    assert db.participant_by_token(store, target.token) is None  # the old link opens nothing
    erased = next(p for p in db.list_participants(store, ws.id) if p.id == target.id)
    assert (erased.comune, erased.role, erased.age_band) == (None, None, None)
    texts = [c.text for c in db.list_comments(store, ws.id, include_hidden=True)]
    assert "commento 1 di Laboratorio di Lugo" not in texts
    assert texts.count(pdb.REMOVED) == 1
    assert w.tally_round(store, rnd.id).scores == tally_before.scores  # ballots stay counted
    assert db.count_ballots(store, rnd.id) == 3
    # the others are untouched
    assert db.participant_by_token(store, people[0].token).comune == "Lugo"
    assert len([c for c in db.list_comments(store, other.id) if c.text != pdb.REMOVED]) == 3
    # logged twice: in the workshop's events and in the audit log, without the token
    assert db.list_events(store, ws.id)[-1].kind == "participant_erased"
    audit = pdb.list_audit(store)
    assert [a.kind for a in audit] == ["participant_erased"] and audit[0].via == "cli"
    assert target.token not in json.dumps(audit[0].detail)
    with pytest.raises(UnknownParticipantError):
        privacy.erase_participant(store, FAC, target.token)


def test_erasing_a_workshop_removes_everything_of_it_and_only_it(two_workshops):
    store, [(ws, rnd, people), (other, other_rnd, others)] = two_workshops
    before = pdb.table_counts(store)

    counts = privacy.erase_workshop(store, FAC, ws.code.lower())

    assert counts["workshops"] == 1 and counts["participants"] == 3 and counts["ballots"] == 3
    after = pdb.table_counts(store)
    assert after["workshops"] == before["workshops"] - 1
    assert after["participants"] == 3 and after["ballots"] == 3 and after["comments"] == 3
    with store.read() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM events WHERE workshop_id = :i"), {"i": ws.id}).scalar() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM rounds WHERE workshop_id = :i"), {"i": ws.id}).scalar() == 0
    with pytest.raises(WrongCodeError):
        w.find_workshop(store, ws.code)
    assert db.count_ballots(store, other_rnd.id) == 3
    [entry] = pdb.list_audit(store)  # the log survives the workshop
    assert entry.kind == "workshop_erased" and entry.detail["code"] == ws.code
    assert "Lugo" not in json.dumps(entry.detail)  # the title is not kept


def test_participant_export_holds_their_data_and_nobody_elses(two_workshops):
    store, [(ws, rnd, people), _] = two_workshops
    data = privacy.participant_data(store, people[2].token)
    assert data["workshop"]["code"] == ws.code
    assert data["profile"]["comune"] == "Lugo" and data["profile"]["age_band"] == "65-79"
    assert len(data["ballots"]) == 1 and data["ballots"][0]["round_id"] == rnd.id
    assert [c["text"] for c in data["comments"]] == ["commento 2 di Laboratorio di Lugo"]
    json.dumps(data)  # JSON-ready
    with pytest.raises(UnknownParticipantError):
        privacy.participant_data(store, "token-inventato")


# --- CLI ------------------------------------------------------------------------


def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def cli_store(two_workshops, monkeypatch):
    store, made = two_workshops
    monkeypatch.setenv("CANTIERE_DATABASE_URL", store.url)
    return store, made


def test_cli_workshop_erase_asks_for_confirmation_then_erases(cli_store, capsys):
    store, [(ws, _, _), _] = cli_store
    code, out, err = run(capsys, "workshop", "erase", ws.code)
    assert code == 2 and "--yes" in err and "Non si può annullare" in err
    assert db.workshop_by_code(store, ws.code) is not None

    code, out, err = run(capsys, "workshop", "erase", ws.code, "--yes")
    assert code == 0, err
    assert f"Laboratorio {ws.code} cancellato: 3 partecipanti, 3 voti, 3 commenti" in out
    assert db.workshop_by_code(store, ws.code) is None

    code, out, err = run(capsys, "workshop", "erase", "ZZZZZZ", "--yes")
    assert code == 2 and "Nessun laboratorio" in err


def test_cli_participant_export_and_erase(cli_store, capsys, tmp_path):
    store, [(ws, _, people), _] = cli_store
    code, out, err = run(capsys, "participant", "export", people[0].token)
    assert code == 0, err
    assert json.loads(out)["comments"][0]["text"] == "commento 0 di Laboratorio di Lugo"

    code, out, err = run(capsys, "participant", "erase", people[0].token)
    assert code == 0, err
    assert "1 testi sostituiti da «[rimosso]»; 1 voti anonimi restano contati" in out

    code, out, err = run(capsys, "participant", "export", people[0].token)
    assert code == 2 and err.startswith("Errore:")


def test_new_tokens_never_start_with_a_dash(monkeypatch):
    """A token starting with "-" would be read as an option by
    ``participant export TOKEN``; the draw is repeated instead."""
    drawn = iter(["-starts-with-a-dash-aaaaaaaaaaaaa", "fine-token-bbbbbbbbbbbbbbbbbbbbbbb"])
    monkeypatch.setattr(w.secrets, "token_urlsafe", lambda n: next(drawn))
    assert w.new_token() == "fine-token-bbbbbbbbbbbbbbbbbbbbbbb"


def test_cli_reads_an_older_token_starting_with_a_dash_after_double_dash(cli_store, capsys):
    store, [(ws, _, _), _] = cli_store
    who = db.add_participant(store, ws.id, "-older-token-from-before-the-fix")
    w.add_comment(store, who, db.list_priorities(store, ws.id)[0].id, "un commento")
    code, out, err = run(capsys, "participant", "export", "--", who.token)
    assert code == 0, err
    assert json.loads(out)["comments"][0]["text"] == "un commento"
