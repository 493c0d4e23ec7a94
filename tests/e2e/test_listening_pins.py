"""A phone in a real browser: tap the map, see the comune, Conferma → a pin in the database."""

from __future__ import annotations

import re

import pytest

from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import listening as ldb
from tests.conftest import ROOT
from tests.e2e.conftest import _start, _stop
from tests.e2e.test_maps_offline import MAP_FRAME

FAC = w.Actor.command_line()


@pytest.fixture
def listening_app(tmp_path):
    """The real app on a fresh database holding one workshop in the ascolto phase and one phone."""
    store = Store(f"sqlite:///{tmp_path / 'cantiere.db'}")
    ws = w.create_workshop(store, FAC, "Laboratorio di prova", "", [{"title": "Caregiver"}], phase="ascolto")
    _, who = w.join(store, ws.code)
    w.set_profile(store, who, None, None, None)
    process, base = _start(ROOT / "app.py", tmp_path, {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DEMO": "0"})
    yield base, ws, who, store
    _stop(process)
    store.close()


def test_tap_then_conferma_stores_a_pin(phone, listening_app):
    base, ws, who, store = listening_app
    phone.goto(f"{base}/partecipa?code={ws.code}&p={who.token}")
    phone.get_by_text("Mappa", exact=True).click()
    phone.wait_for_selector(MAP_FRAME)
    frame = phone.frame_locator(MAP_FRAME)
    frame.locator(".cantiere-label").nth(17).wait_for(state="attached")
    box = frame.locator(".leaflet-container").bounding_box()
    phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    phone.get_by_text(re.compile(r"Punto scelto nel comune di")).wait_for()
    phone.get_by_label(re.compile(r"^Nota")).fill("Qui manca un centro diurno")
    phone.get_by_role("button", name="Conferma la segnalazione").click()
    phone.get_by_text(re.compile(r"Segnalazione n\. \d+ aggiunta a")).wait_for()
    (pin,) = ldb.list_pins(store, ws.id)
    assert pin.note == "Qui manca un centro diurno" and pin.participant_id == who.id
    assert phone.requests.external() == []
