"""A real Chromium walks the cycle of issue 20: on Facilitazione («Patti e
memoria») the winning priority of a closed workshop becomes a pact with a lead
and two partners from the register and two milestones; Monitoraggio shows it
on the map and in the list (phone 390 px and laptop 1366×768); the projector
of the district's next workshop opens with «Cosa è successo dall'ultimo
laboratorio». The workshops and the register are made through the core API in
the app's database before the server starts. Screenshots: artifacts/network/.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from cantiere import areas, network, pacts
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db
from tests.conftest import FACILITATOR_ACTOR as FAC
from tests.conftest import ROOT
from tests.e2e.conftest import ARTIFACTS, _start, _stop

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
SHOTS = ARTIFACTS / "network"
MAP_HEIGHT = """() => Math.max(0, ...[...document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]')]
    .map(f => f.getBoundingClientRect().height))"""
ROWS = [{"title": "Trasporto sociale verso i servizi", "comuni": "Lugo"}, {"title": "Posti al nido"}]


def _prepare(url: str) -> dict:
    store = Store(url)
    network.add_organisations(
        store,
        FAC,
        [
            {"name": "Unione Bassa Romagna", "kind": "unione", "comuni": ["Lugo"], "fields": ["anziani"]},
            {"name": "Coop. Il Ponte", "kind": "cooperativa_sociale", "comuni": ["Lugo", "Cotignola"]},
            {"name": "Associazione Famiglie", "kind": "associazione", "comuni": ["Cotignola"]},
        ],
    )
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
    store.close()
    return {"code": ws.code, "next": following.code}


@pytest.fixture
def cycle_app(tmp_path):
    url = f"sqlite:///{tmp_path / 'cantiere.db'}"
    prepared = _prepare(url)
    env = {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DATABASE_URL": url, "CANTIERE_DEMO": "0"}
    process, base = _start(ROOT / "app.py", tmp_path, env)
    yield base, prepared, url
    _stop(process)


def _choose(page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).first.click()
    page.get_by_role("option", name=option).first.click()


def _drawn(page, with_map: bool = True) -> None:
    """Wait until the page has drawn: no skeletons, the script finished, the map's circles drawn."""
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=60_000)
    try:
        page.wait_for_load_state("networkidle", timeout=15_000)
    except PlaywrightTimeoutError:  # a page that refreshes itself (the projector) is never idle
        pass
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=60_000)
    if with_map:
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').first
        expect(frame.locator(".leaflet-container").first).to_be_attached(timeout=60_000)


def test_priority_to_pact_to_monitoring_to_the_next_workshop(browser, cycle_app):
    base, prepared, url = cycle_app
    SHOTS.mkdir(parents=True, exist_ok=True)
    laptop = browser.new_context(viewport=LAPTOP)
    page = laptop.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{base}/facilitazione")
    page.get_by_label("Password di facilitazione").fill("segreto-di-prova")
    page.get_by_role("button", name="Accedi").click()
    _choose(page, "Laboratorio", f"{prepared['code']} · Laboratorio Lugo 2025")
    page.get_by_role("tab", name="Patti e memoria").click()
    _choose(page, "Priorità (le più votate prima)", "#1 · Trasporto sociale verso i servizi")
    expect(page.get_by_label("Titolo del patto")).to_have_value("Trasporto sociale verso i servizi")
    _choose(page, "Capofila", "Unione Bassa Romagna")
    _choose(page, "Partner", "Coop. Il Ponte")
    page.keyboard.press("Escape")
    _choose(page, "Partner", "Associazione Famiglie")
    page.keyboard.press("Escape")
    # the partners' commitment fields appear after the rerun: wait, so typing is not lost in it
    expect(page.get_by_label("Impegno di Associazione Famiglie (cosa e entro quando)")).to_be_visible()
    page.get_by_label("Impegno di Coop. Il Ponte (cosa e entro quando)").fill("Due autisti")
    page.get_by_label("Impegno di Coop. Il Ponte (cosa e entro quando)").press("Tab")
    page.get_by_label("Tappa 1").fill("Avvio del servizio")
    page.get_by_label("Tappa 1").press("Tab")
    page.get_by_label("Tappa 2").fill("Primo bilancio con le famiglie")
    page.get_by_label("Tappa 2").press("Tab")
    dates = page.get_by_role("group", name="Entro il")
    for n, digits in ((0, "01022026"), (1, "30062026")):  # a segmented date field: typed day, month, year
        dates.nth(n).locator('[role="spinbutton"]').first.click()
        page.keyboard.type(digits)
        page.keyboard.press("Tab")
    expect(page.get_by_label("Tappa 1")).to_have_value("Avvio del servizio")
    page.wait_for_timeout(1000)  # the last Tab's rerun
    page.get_by_role("button", name="Crea il patto").click()
    expect(page.get_by_text("Patto creato: ora è su Monitoraggio.")).to_be_visible()
    page.screenshot(path=str(SHOTS / "facilitazione-1366.png"), full_page=True)

    store = Store(url)
    (pact,) = pacts.all_pacts(store)
    store.close()
    assert pact.lead_name == "Unione Bassa Romagna"
    assert {p.name for p in pact.partners} == {"Coop. Il Ponte", "Associazione Famiglie"}
    assert [(m.title, m.due.isoformat()) for m in pact.milestones] == [
        ("Avvio del servizio", "2026-02-01"),
        ("Primo bilancio con le famiglie", "2026-06-30"),
    ]

    page.goto(f"{base}/monitoraggio")
    _drawn(page)
    expect(page.get_by_text("1. Trasporto sociale verso i servizi")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Proposto, 0 % · capofila Unione Bassa Romagna", exact=False)).to_be_visible()
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    # the pact's circle, in the colour of «proposto», over the basemap of our own boundaries
    expect(frame.locator('path.leaflet-interactive[fill="#6b6b6b"]')).to_have_count(1, timeout=30_000)
    page.screenshot(path=str(SHOTS / "monitoraggio-1366.png"), full_page=True)

    page.goto(f"{base}/proiezione?code={prepared['next']}")
    _drawn(page, with_map=False)
    page.screenshot(path=str(SHOTS / "proiezione-1366.png"))
    expect(page.get_by_role("heading", name="Cosa è successo dall'ultimo laboratorio").first).to_be_visible(
        timeout=60_000
    )
    expect(page.get_by_text("Proposto, 0 % · capofila Unione Bassa Romagna", exact=False)).to_be_visible()
    page.screenshot(path=str(SHOTS / "proiezione-1366.png"), full_page=True)
    laptop.close()

    phone = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    small = phone.new_page()
    small.set_default_timeout(60_000)
    small.goto(f"{base}/monitoraggio")
    _drawn(small)
    expect(small.get_by_text("1. Trasporto sociale verso i servizi")).to_be_visible(timeout=60_000)
    assert small.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    small.locator('iframe[title="streamlit_folium.st_folium"]').first.scroll_into_view_if_needed()
    heights = []
    for _ in range(60):  # the component sets the map's height once Leaflet has drawn
        heights.append(small.evaluate(MAP_HEIGHT))
        if heights[-1] > 300:
            break
        small.wait_for_timeout(1000)
    assert heights[-1] > 300, heights
    small.screenshot(path=str(SHOTS / "monitoraggio-390.png"))
    small.goto(f"{base}/rete")
    _drawn(small)
    expect(small.get_by_text("Vuoti di attori")).to_be_visible()
    expect(small.get_by_role("combobox", name="Distretto")).to_be_visible()
    small.screenshot(path=str(SHOTS / "rete-390.png"), full_page=True)
    phone.close()
