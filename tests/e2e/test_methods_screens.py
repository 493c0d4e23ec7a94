"""Every voting method in a real browser, after the one-method-one-module
restructure: a phone at 360 and 390 px wide votes with each method's screen
(the ballot lands in the database, nothing overflows sideways), and the
projector at 1280×720 shows each method's chart with its tie rule.
Screenshots for review go to artifacts/methods/."""

from __future__ import annotations

import re

import pytest

from cantiere import results
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db
from tests.conftest import ROOT
from tests.e2e.conftest import ARTIFACTS, CHROMIUM_ARGS, _start, _stop  # noqa: F401

FAC = w.Actor.command_line()
ROWS = [
    {"title": "Assistenza domiciliare", "cost": 40_000},
    {"title": "Posti al nido", "cost": 60_000},
    {"title": "Trasporto sociale", "cost": 30_000},
]
PARAMS = {"dots": {"dots": 5, "max_per_item": 2}, "budget": {"budget": 100_000}}
ROOM = {  # five ballots already in, so the projector shows the result
    "dots": lambda ids, k: {"dots": {str(ids[k % 3]): 2, str(ids[(k + 1) % 3]): 1}},
    "approval": lambda ids, k: {"approved": [ids[k % 3], ids[(k + 1) % 3]]},
    "ranking": lambda ids, k: {"order": [ids[k % 3], ids[(k + 1) % 3], ids[(k + 2) % 3]]},
    "budget": lambda ids, k: {"approved": [ids[k % 2], ids[2]]},
    "pairwise": lambda ids, k: {"comparisons": [[ids[k % 3], ids[(k + 1) % 3]], [ids[0], ids[2]]]},
    "matrix": lambda ids, k: {
        "ratings": {str(i): {"importance": 1 + (k + j) % 5, "feasibility": 1 + (k * j) % 5} for j, i in enumerate(ids)}
    },
}
WIDTHS = (360, 390)
SHOTS = ARTIFACTS / "methods"


@pytest.fixture(scope="module")
def rooms(tmp_path_factory):
    """The real app with one workshop per method, five ballots in each, and one
    phone per width that has already answered the profile."""
    tmp = tmp_path_factory.mktemp("screens")
    store = Store(f"sqlite:///{tmp / 'cantiere.db'}")
    found = {}
    for method, ballot in ROOM.items():
        ws = w.create_workshop(store, FAC, f"Laboratorio di prova: {method}", "", ROWS)
        rnd = w.open_new_round(store, FAC, ws.id, method, PARAMS.get(method, {}))
        ids = [p.id for p in db.list_priorities(store, ws.id)]
        for k in range(5):
            _, voter = w.join(store, ws.code)
            w.cast_ballot(store, voter, rnd.id, ballot(ids, k))
        phones = {}
        for width in WIDTHS:
            _, who = w.join(store, ws.code)
            w.set_profile(store, who, None, None, None)
            phones[width] = who
        found[method] = (ws.code, rnd, phones)
    process, base = _start(ROOT / "app.py", tmp, {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DEMO": "0"})
    yield base, store, found
    _stop(process)
    store.close()


def _vote(page, method: str) -> None:
    """One thumb's worth of voting on the method's screen, once it is drawn."""
    page.get_by_role("button", name="Questa" if method == "pairwise" else "Invia il voto").first.wait_for()
    if method == "dots":
        more = page.get_by_role("button", name=re.compile("^Un punto in più")).first
        more.click()
        more.click()
        page.get_by_text("Punti usati: 2 di 5").wait_for()
    elif method == "approval":
        page.get_by_text("Approvo").first.click()
        page.get_by_text("Priorità approvate: 1").wait_for()
    elif method == "ranking":
        page.get_by_role("button", name="Metti al posto 1").first.click()
        page.get_by_text("1. Assistenza domiciliare").wait_for()
    elif method == "budget":
        page.get_by_text("Finanzio").first.click()
        page.get_by_text("restano 60.000 €").wait_for()
    elif method == "matrix":
        for n in (0, 1):  # importance and feasibility of the first priority
            page.locator('[data-testid="stRadio"]').nth(n).get_by_text("4", exact=True).click()
            page.wait_for_timeout(300)  # let the fragment rerun before the next tap (not an assertion)
    if method == "pairwise":
        page.get_by_role("button", name="Questa").first.click()
        page.get_by_text("Confronti fatti: 1").wait_for()
    else:
        page.get_by_role("button", name="Invia il voto").click()
        page.get_by_text("Voto registrato").wait_for()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("method", list(ROOM))
def test_each_method_votes_on_a_phone(browser, rooms, method, width):
    base, store, found = rooms
    code, rnd, phones = found[method]
    who = phones[width]
    context = browser.new_context(
        viewport={"width": width, "height": 800}, has_touch=True, is_mobile=True, device_scale_factor=2
    )
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        page.goto(f"{base}/partecipa?code={code}&p={who.token}")
        page.get_by_text(f"Laboratorio di prova: {method}").wait_for()
        _vote(page, method)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{method} at {width} px scrolls sideways by {overflow} px"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": width, "height": 2400})  # the whole screen, for review
        page.get_by_text("Voto registrato").first.wait_for()
        page.screenshot(path=str(SHOTS / f"phone-{width}-{method}.png"))
        assert db.get_ballot(store, rnd.id, who.id) is not None
    except Exception:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"FAILED-phone-{width}-{method}.png"))
        raise
    finally:
        context.close()


@pytest.mark.parametrize("method", list(ROOM))
def test_the_projector_shows_each_method_with_its_tie_rule(browser, rooms, method):
    base, store, found = rooms
    code, rnd, _ = found[method]
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        page.goto(f"{base}/proiezione?code={code}")
        page.get_by_text(results.tie_rule(method, "it")).wait_for()
        chart = page.locator(".js-plotly-plot").first
        chart.wait_for()
        SHOTS.mkdir(parents=True, exist_ok=True)
        chart.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"projector-1280-{method}.png"))  # what the room sees of the result
        page.set_viewport_size({"width": 1280, "height": 2400})  # the whole page, for review
        page.get_by_text(results.tie_rule(method, "it")).wait_for()
        page.screenshot(path=str(SHOTS / f"projector-1280-{method}-tall.png"))
    except Exception:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"FAILED-projector-{method}.png"))
        raise
    finally:
        context.close()
