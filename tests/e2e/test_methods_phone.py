"""Method screens in a real browser on a phone: ranking by taps (the move
buttons stay on one row at phone width) and pairwise answers, stored in the
database."""

from __future__ import annotations

import pytest

from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db
from tests.conftest import ROOT
from tests.e2e.conftest import _start, _stop

FAC = w.Actor.command_line()
ROWS = [{"title": "Assistenza domiciliare"}, {"title": "Posti al nido"}, {"title": "Trasporto sociale"}]


@pytest.fixture(scope="module")
def rooms(tmp_path_factory):
    """The real app on a fresh database with a ranking and a pairwise workshop,
    each with a participant who already skipped the profile."""
    tmp = tmp_path_factory.mktemp("methods")
    store = Store(f"sqlite:///{tmp / 'cantiere.db'}")
    found = {}
    for method in ("ranking", "pairwise"):
        ws = w.create_workshop(store, FAC, f"Laboratorio {method}", "", ROWS)
        rnd = w.open_new_round(store, FAC, ws.id, method, {})
        _, who = w.join(store, ws.code)
        w.set_profile(store, who, None, None, None)
        found[method] = (ws.code, who, rnd)
    process, base = _start(ROOT / "app.py", tmp, {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DEMO": "0"})
    yield base, store, found
    _stop(process)
    store.close()


def test_phone_ranks_by_tapping(phone, rooms):
    base, store, found = rooms
    code, who, rnd = found["ranking"]
    phone.goto(f"{base}/partecipa?code={code}&p={who.token}")
    phone.get_by_role("button", name="Metti al posto 1").first.click()
    phone.get_by_text("1. Assistenza domiciliare").wait_for()
    phone.get_by_role("button", name="Metti al posto 2").first.click()
    phone.get_by_text("2. Posti al nido").wait_for()
    up = phone.get_by_role("button", name="▲").nth(1)
    down = phone.get_by_role("button", name="▼").nth(1)
    assert abs(up.bounding_box()["y"] - down.bounding_box()["y"]) < 2, "move buttons wrapped onto two rows"
    up.click()
    phone.get_by_text("1. Posti al nido").wait_for()
    phone.get_by_role("button", name="Invia il voto").click()
    phone.get_by_text("Voto registrato").wait_for()
    items = db.list_priorities(store, db.get_round(store, rnd.id).workshop_id)
    assert db.get_ballot(store, rnd.id, who.id).payload == {"order": [items[1].id, items[0].id]}


def test_phone_answers_pairs(phone, rooms):
    base, store, found = rooms
    code, who, rnd = found["pairwise"]
    phone.goto(f"{base}/partecipa?code={code}&p={who.token}")
    phone.get_by_role("button", name="Questa").first.click()
    phone.get_by_text("Confronti fatti: 1").wait_for()
    phone.get_by_role("button", name="Non so").click()
    phone.get_by_text("Confronti fatti: 2").wait_for()
    comparisons = db.get_ballot(store, rnd.id, who.id).payload["comparisons"]
    assert len(comparisons) == 2 and comparisons[1][2] == "skip"
    assert len({frozenset(c[:2]) for c in comparisons}) == 2  # the second pair was a new one
