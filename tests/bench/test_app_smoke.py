"""The load generator against the REAL app (app.py, page Partecipa), as in CI.

A workshop in the voto phase is created through the core API in a fresh SQLite
file; 20 phones join by opening the link (no button on the way), put their dots
and submit (the ballot posted as the page's script does); the ballots are read back from the database. No timing is asserted.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bench import app_setup, loadgen
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db

pytestmark = pytest.mark.slow


def test_twenty_phones_vote_on_the_real_app_and_every_ballot_is_stored(tmp_path):
    url = f"sqlite:///{tmp_path / 'cantiere.db'}"
    scenario = loadgen.Scenario(kind="burst", phones=20, ramp=3.0, burst=3.0, observer=True, timeout=90)

    report = loadgen.run_target(loadgen.app_target(), scenario, workdir=tmp_path, database_url=url)

    assert report.errors == {}
    assert report.phones_joined == 20
    assert report.ballots_sent == 20
    assert report.ballots_stored == 20
    assert report.lost_ballots == 0
    assert report.projector["n"] >= 1  # the projector page was open and refreshing
    # In the database itself: 20 participants, each with the dots the steps put (2 + 1).
    store = Store(url)
    try:
        (workshop,) = db.list_workshops(store)
        assert workshop.phase == "voto"
        rnd = w.current_round(store, workshop.id)
        ballots = db.list_ballots(store, rnd.id)
        items = [p.id for p in db.list_priorities(store, workshop.id)]
        assert len({b.participant_id for b in ballots}) == 20
        assert all(b.payload["dots"] == {str(items[0]): 2, str(items[1]): 1} for b in ballots)
        # the 20 phones and the warm-up page load (opening the join link joins)
        assert db.count_participants(store, workshop.id) == 20 + 1
    finally:
        store.close()


def test_a_vote_the_app_refuses_is_an_error_and_not_a_stored_ballot(tmp_path):
    # Over the round's 5 dots (2 + 1 + 2 + 1 = 6): the app answers an error, not
    # "Voto registrato"; the load generator must count errors and the DB stays empty.
    url = f"sqlite:///{tmp_path / 'cantiere.db'}"
    target = loadgen.app_target()
    over = loadgen.parse_steps("vote:{round} dots {item_a}=2 {item_b}=1 {item_c}=2 {item_d}=1; text:Voto registrato")
    target = replace(target, vote_steps=over)
    real_setup = target.setup

    def setup(database_url):
        prepared = real_setup(database_url)
        prepared.placeholders["item_c"] = prepared.item_ids[2]
        prepared.placeholders["item_d"] = prepared.item_ids[3]
        return prepared

    target = replace(target, setup=setup)
    scenario = loadgen.Scenario(kind="burst", phones=3, ramp=0.5, burst=0.5, observer=False, timeout=5)

    report = loadgen.run_target(target, scenario, workdir=tmp_path, database_url=url)

    # only the votes count: on a loaded machine the warm-up page may time out too
    assert sum(n for what, n in report.errors.items() if what.startswith("vote:")) == 3
    assert report.ballots_sent == 3
    assert report.ballots_stored == 0
    assert report.lost_ballots == 3


def test_setup_creates_a_voting_workshop_through_the_core(tmp_path):
    url = f"sqlite:///{tmp_path / 'setup.db'}"

    prepared = app_setup.prepare(url)

    store = Store(url)
    try:
        workshop = w.find_workshop(store, prepared.code)
        assert workshop.phase == "voto"
        assert db.get_round(store, prepared.round_id).status == "open"
        assert prepared.placeholders["round"] == prepared.round_id
        assert prepared.count() == 0
    finally:
        store.close()


@pytest.mark.parametrize(
    "argv",
    [
        ["--url", "http://127.0.0.1:9001,http://example.org:9002"],
        ["--url", "http://127.0.0.1:9001", "--projector-url", "http://example.org:9003/proiettore"],
        ["--url", "http://127.0.0.1:9001", "--pid", "12,abc"],
    ],
)
def test_cli_checks_every_server_and_pid_before_running(argv, capsys):
    from bench import cli as cli_bench

    assert cli_bench.main(["--target", "app", *argv]) == 2
    assert "Parametri del benchmark non validi" in capsys.readouterr().err


def test_idle_phones_follow_the_real_app_to_the_next_round(tmp_path):
    """The idle scenario (issue 13) on the real app: phones wait on the room
    version, the next round opens, every phone shows its vote button."""
    url = f"sqlite:///{tmp_path / 'cantiere.db'}"
    scenario = loadgen.Scenario(kind="idle", phones=5, ramp=1.0, duration=1.0, timeout=90)

    report = loadgen.run_target(loadgen.app_target(), scenario, workdir=tmp_path, database_url=url)

    assert report.errors == {}
    assert report.follow["n"] == 5
    store = Store(url)
    try:
        (workshop,) = db.list_workshops(store)
        first, second = db.list_rounds(store, workshop.id)
        assert (first.status, second.status) == ("closed", "open")
        assert db.count_participants(store, workshop.id) == 5 + 1  # and the warm-up page load
    finally:
        store.close()
