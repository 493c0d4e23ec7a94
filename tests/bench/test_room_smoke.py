"""The whole room (``--scenario room``, bench/room.py) at 20 phones, as in CI.

The real app: 20 phones join a listening workshop through the real buttons,
follow the vote's opening, vote, follow the next round, vote again, with the
projector and the logged-in facilitator page open. Asserted: no errors, every
step done by every phone, every ballot of both rounds in the database (read
back with the store, not from the generator's own count). No timing is asserted.
"""

from __future__ import annotations

import pytest

from bench import loadgen
from cantiere.store import Store
from cantiere.store import workshops as db

pytestmark = pytest.mark.slow

PHONES = 20


def test_a_room_of_twenty_phones_follows_and_votes_twice_and_loses_no_ballot(tmp_path):
    url = f"sqlite:///{tmp_path / 'cantiere.db'}"
    scenario = loadgen.Scenario(kind="room", phones=PHONES, ramp=4.0, burst=2.0, wait=0.5, timeout=90)

    report = loadgen.run_target(loadgen.app_target(), scenario, workdir=tmp_path, database_url=url)

    assert report.errors == {}
    steps = report.room["steps"]
    assert list(steps) == ["join", "follow_phase", "vote_1", "follow_round", "vote_2"]
    assert all(step["n"] == PHONES and step["errors"] == 0 for step in steps.values()), steps
    assert [(b["sent"], b["stored"]) for b in report.room["ballots"]] == [(PHONES, PHONES)] * 2
    assert report.lost_ballots == 0
    assert report.room["projector"]["n"] >= 1  # the projector was open and refreshing
    assert report.room["facilitator"]["n"] >= 1  # and so was the facilitator's live panel
    store = Store(url)
    try:
        (workshop,) = db.list_workshops(store)
        rounds = db.list_rounds(store, workshop.id)
        assert workshop.phase == "voto"
        assert [r.status for r in rounds] == ["closed", "open"]
        items = [p.id for p in db.list_priorities(store, workshop.id)]
        for rnd in rounds:
            ballots = db.list_ballots(store, rnd.id)
            assert len({b.participant_id for b in ballots}) == PHONES
            assert all(b.payload["dots"] == {str(items[0]): 2, str(items[1]): 1} for b in ballots)
        assert db.count_participants(store, workshop.id) == PHONES + 1  # and the warm-up page load
    finally:
        store.close()


def test_the_minimal_app_runs_the_same_room(tmp_path):
    scenario = loadgen.Scenario(kind="room", phones=5, ramp=1.0, burst=1.0, wait=0.5, timeout=60)

    report = loadgen.run_target(loadgen.minimal_target(), scenario, workdir=tmp_path)

    assert report.errors == {}
    assert [(b["sent"], b["stored"]) for b in report.room["ballots"]] == [(5, 5)] * 2
    assert all(step["n"] == 5 for step in report.room["steps"].values())
