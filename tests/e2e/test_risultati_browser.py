"""Risultati and the minutes in a real browser, with hostile text typed by
people (workshop and priority titles, a comment): nothing runs, the text shows
as typed."""

from __future__ import annotations

import pytest

from cantiere import report
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db
from tests.conftest import ROOT
from tests.e2e.conftest import _start, _stop

FAC = w.Actor.command_line()
IMG = "<img src=x onerror=window.__cdw=1>"
LINK = "[clic](javascript:window.__cdw=1) **grassetto**"
SVG = "<svg onload=window.__cdw=1>"


@pytest.fixture(scope="module")
def closed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("risultati")
    store = Store(f"sqlite:///{tmp / 'cantiere.db'}")
    ws = w.create_workshop(store, FAC, f"Tavolo {IMG}", "", [{"title": LINK}, {"title": SVG}, {"title": "Nido"}])
    items = db.list_priorities(store, ws.id)
    rnd = w.open_new_round(store, FAC, ws.id, "approval", {})
    for k in range(6):
        _, who = w.join(store, ws.code)
        w.set_profile(store, who, "Ravenna", "cittadino", None)
        w.cast_ballot(store, who, rnd.id, {"approved": [items[k % 2].id]})
    w.add_comment(store, who, items[0].id, IMG)
    w.change_phase(store, FAC, ws.id, "chiuso")
    minutes = tmp / "verbale.html"
    minutes.write_bytes(report.render(store, db.get_workshop(store, ws.id), "report"))
    process, base = _start(ROOT / "app.py", tmp, {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DEMO": "0"})
    yield base, minutes
    _stop(process)
    store.close()


def _watch(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return dialogs


def test_risultati_shows_hostile_titles_as_text(phone, closed):
    base, _ = closed
    dialogs = _watch(phone)
    phone.goto(f"{base}/risultati")
    phone.get_by_text("Votazione n. 1").wait_for()
    phone.locator(".js-plotly-plot").first.wait_for()
    assert phone.get_by_text(LINK, exact=True).count() >= 1  # the title, as typed (st.text)
    assert phone.locator("a[href^='javascript']").count() == 0
    assert phone.evaluate("() => window.__cdw === undefined")
    assert not any(frame.evaluate("() => window.__cdw !== undefined") for frame in phone.frames)
    assert dialogs == []
    assert phone.requests.external() == []


def test_minutes_open_in_a_browser_without_running_anything(phone, closed):
    _, minutes = closed
    dialogs = _watch(phone)
    phone.goto(minutes.as_uri())
    phone.get_by_role("heading", name="Votazioni e risultati").wait_for()
    assert phone.get_by_text(IMG).count() >= 1  # the comment, escaped
    assert phone.locator("img, svg, script, a").count() == 0
    assert phone.evaluate("() => window.__cdw === undefined") and dialogs == []
    assert phone.requests.external() == []
