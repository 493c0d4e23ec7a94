"""What a phone costs the server: opening the join link is one run of the
page to the vote (issue 16), saving the profile one more (no st.rerun beyond it), and a vote tap reads neither the ballot nor the priorities outside
the write transaction that stores it."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from cantiere.store import workshops as db
from cantiere.ui import workshop_partecipa as part_ui
from tests.app.test_workshop_flow import click, env, open_join_link, page, texts, voting_workshop  # noqa: F401  (env: fixture)
from tests.routes import send_vote, vote_screen


@pytest.fixture
def runs(monkeypatch):
    """How many times the Partecipa page ran."""
    count = {"n": 0}
    original = part_ui.render

    def counting() -> None:
        count["n"] += 1
        original()

    monkeypatch.setattr(part_ui, "render", counting)
    return count


@pytest.fixture
def statements():
    """SQL statements every engine of this process executes while the test runs."""
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(" ".join(statement.split()))

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", record)
    yield seen
    sa.event.remove(sa.engine.Engine, "before_cursor_execute", record)


def test_opening_the_link_is_one_run_to_the_vote(env, runs):
    ws, rnd, items = voting_workshop(env)
    at = page("partecipa")
    at.query_params["code"] = ws.code
    runs["n"] = 0
    at.run()
    assert runs["n"] == 1
    assert vote_screen(at, rnd.id)["values"] == {}
    assert not db.participant_by_token(env, at.query_params["p"]).profile_answered


def test_profile_saved_in_one_run_and_kept(env, runs):
    ws, rnd, items = voting_workshop(env)
    at = page("partecipa", code=ws.code)
    click(at, part_ui.PROFILE_OPEN)
    at.selectbox(key=part_ui.PROFILE_COMUNE).set_value("Lugo")
    at.selectbox(key=part_ui.PROFILE_AGE).set_value("35-49")
    runs["n"] = 0
    click(at, part_ui.PROFILE_SAVE)
    assert runs["n"] == 1
    who = db.participant_by_token(env, at.query_params["p"])
    assert (who.comune, who.age_band, who.role) == ("Lugo", "35-49", None)
    assert texts(at, "error") == []
    assert [b.key for b in at.button if b.key in (part_ui.PROFILE_OPEN, part_ui.PROFILE_SAVE)] == []


def _reads(seen: list[str], table: str) -> list[str]:
    return [s for s in seen if s.upper().startswith("SELECT") and re.search(rf"\bFROM {table}\b", s)]


def test_a_dots_vote_is_no_page_run_and_one_narrow_read_in_its_transaction(env, statements, runs):
    """The dots screen is drawn by the browser (issue 16): the dots change there,
    and «Invia il voto» posts the ballot; the server runs no page for it, reads
    no ballot before or after the upsert, and reads the priorities once, narrowly,
    inside the write transaction (the validation)."""
    ws, rnd, items = voting_workshop(env)
    at = page("partecipa", code=ws.code)
    runs["n"] = 0
    statements.clear()
    assert send_vote(at, rnd.id, {items[1].id: 2}) == (
        200,
        "Voto registrato. Puoi cambiarlo finché la votazione è aperta.",
    )
    assert runs["n"] == 0
    assert _reads(statements, "ballots") == []  # no read of the ballot before or after the upsert
    narrow = "SELECT priorities.id, priorities.title, priorities.cost FROM priorities"
    assert [s.startswith(narrow) for s in _reads(statements, "priorities")] == [True]
    assert [b.payload for b in db.list_ballots(env, rnd.id)] == [{"dots": {str(items[1].id): 2}}]


def _choose(at, method: str, rnd, items) -> None:
    from cantiere.ui import partecipa_methods as pm

    if method == "approval":
        at.toggle(key=pm.approval_key(rnd.id, items[0].id)).set_value(True)
    elif method == "budget":
        at.toggle(key=pm.budget_key(rnd.id, items[0].id)).set_value(True)
    elif method == "ranking":
        at.button(key=pm.rank_add_key(rnd.id, items[0].id)).click()
    elif method == "matrix":
        for axis in ("importance", "feasibility"):
            at.radio(key=pm.matrix_key(rnd.id, items[0].id, axis)).set_value(4)
    at.run()


@pytest.mark.parametrize(
    "method, params, expected",
    [
        ("approval", {}, lambda i: {"approved": [i]}),
        ("budget", {"budget": 100000}, lambda i: {"approved": [i]}),
        ("ranking", {}, lambda i: {"order": [i]}),
        ("matrix", {}, lambda i: {"ratings": {str(i): {"importance": 4, "feasibility": 4}}}),
    ],
)
def test_other_methods_vote_tap_reads_no_ballot(env, statements, method, params, expected):
    """Approval, budget, ranking and matrix: the screen reads the earlier
    ballot once, and the submit tap reads no ballot before or
    after the upsert; what is stored is what the phone chose."""
    from cantiere.ui import partecipa_methods as pm
    from tests.app.test_methods_flow import method_workshop

    ws, rnd, items = method_workshop(env, method, params)
    at = open_join_link(ws.code)
    _choose(at, method, rnd, items)
    statements.clear()
    click(at, pm.submit_key(rnd.id))
    assert texts(at, "success") == ["Voto registrato. Puoi cambiarlo finché la votazione è aperta."]
    assert _reads(statements, "ballots") == []
    assert [b.payload for b in db.list_ballots(env, rnd.id)] == [expected(items[0].id)]
