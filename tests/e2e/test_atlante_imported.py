"""The Atlante in a real browser with a MEF file imported as published: the
map is drawn with the imported figure, its source line under it, on a laptop
(1366×768) and a phone (390 px). Screenshots go to artifacts/ for review."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from cantiere import importers
from cantiere.store import Store
from tests import realdata
from tests.conftest import FACILITATOR_ACTOR, ROOT
from tests.e2e.conftest import ARTIFACTS, _start, _stop

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
OPTION = "importato:Reddito complessivo medio per contribuente@2024"
SOURCE = "Fonte: MEF – Dipartimento delle Finanze"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    name = "mef_irpef_2024_ravenna.csv"
    data = realdata.path(name).read_bytes()
    tmp = tmp_path_factory.mktemp("atlante_mef")
    store = Store(f"sqlite:///{tmp / 'cantiere.db'}")
    importers.import_file(store, "indicators", name, data, actor=FACILITATOR_ACTOR, max_bytes=2**22)
    store.close()
    process, base = _start(ROOT / "app.py", tmp, {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DEMO": "0"})
    yield base
    _stop(process)


def _open(page, base):
    page.goto(f"{base}/atlante?indicatore={quote(OPTION)}")
    page.get_by_text(SOURCE).first.wait_for(timeout=90_000)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator("path.leaflet-interactive").nth(17).wait_for(timeout=90_000)
    return frame


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)], ids=["laptop", "phone"])
def test_imported_mef_figure_on_the_map_with_its_source(browser, imported, size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        frame = _open(page, imported)
        # every comune coloured (the figure exists for all 18), none left grey for "no data"
        fills = frame.locator("path.leaflet-interactive").evaluate_all("els => els.map(e => e.getAttribute('fill'))")
        assert len(fills) >= 18 and len(set(fills)) >= 3
        # waits, not snapshots: on a loaded machine the ranking may still be drawing
        expect(page.get_by_text("CC BY 3.0 IT").first).to_be_attached(timeout=60_000)
        expect(page.get_by_text("Ravenna").first).to_be_visible(timeout=60_000)
        # the legend and the ranking show euro amounts the Italian way
        expect(page.get_by_text("27.031").first).to_be_attached(timeout=60_000)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"atlante_mef_{width}.png"), full_page=False)
        page.get_by_text(SOURCE).first.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"atlante_mef_{width}_source.png"), full_page=False)
        # no horizontal scrolling on a phone
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1
    finally:
        context.close()


def test_dati_page_proposes_the_mef_indicators_and_imports_them(browser, imported):
    """The coordinator's laptop: upload the raw MEF file, read what was recognised, import."""
    name = "mef_irpef_2020_ravenna_raw.csv"
    context = browser.new_context(viewport={"width": 1366, "height": 768}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        page.goto(f"{imported}/dati")
        page.get_by_label("Password di facilitazione").fill("segreto-di-prova")
        page.get_by_role("button", name="Accedi").click()
        page.get_by_text("Cosa vuoi importare?").wait_for()
        page.get_by_text("Indicatori per comune", exact=True).click()
        page.get_by_text("Carica il file così come lo pubblica la fonte").wait_for()
        page.locator("input[type=file]").set_input_files(str(realdata.path(name)))
        page.get_by_text("File riconosciuto: MEF – redditi IRPEF per comune").wait_for()
        page.get_by_text("Il file è valido: 5 indicatori per 18 comuni.").wait_for()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "dati_mef_1366.png"), full_page=True)
        page.get_by_role("button", name="Importa").click()
        page.get_by_text("Importati 5 indicatori per 18 comuni").wait_for()
        page.screenshot(path=str(ARTIFACTS / "dati_mef_1366_imported.png"), full_page=False)
    finally:
        context.close()
