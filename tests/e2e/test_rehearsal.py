"""The rehearsal (issue 13): a whole session in real Chromium, through the UI
only, with every role on its own screen at the same time.

A facilitator (laptop 1366×768) creates a workshop while the demo exists, adds
priorities, opens the projector from its button (1280×720), opens listening and
then voting. Three phones (360 and 390 px wide) opened the join link shown on
the projector while the workshop was still a draft: they follow every change
without a reload, join, propose, vote and see the confirmation. One phone then
opens the link again in a second tab (a second scan of the QR code): it is the
same participant, and the projector and the facilitator count 3 participants
and 3 ballots.

Actions go through the pages only; the database is read at the end to check
what it holds. Waits are generous conditions (a loaded 2-core machine), never
sleeps. On a failure every screen is saved under artifacts/rehearsal/ with the
server's log; ``CANTIERE_KEEP_SCREENSHOTS=1`` keeps them on success too (to look
at the screens at their real sizes).
"""

from __future__ import annotations

import os
import re
import time

import pytest
from playwright.sync_api import expect

from cantiere.store import Store
from cantiere.store import workshops as db
from tests.conftest import ROOT
from tests.e2e.conftest import ARTIFACTS, _start, _stop

LAPTOP = {"width": 1366, "height": 768}
PROJECTOR = {"width": 1280, "height": 720}
PHONES = [{"width": 360, "height": 780}, {"width": 390, "height": 844}, {"width": 390, "height": 844}]
FOLLOW_MS = 30_000  # a wait for a condition on a shared machine; the measured time is printed
COUNT_MS = 30_000
WAIT_MS = 30_000  # every other wait: a condition, generous on a loaded machine
PASSWORD = "segreto-di-prova"
PRIORITIES = ["Trasporto sociale nelle frazioni", "Centro diurno aperto il sabato", "Posti al nido a Lugo"]
OUT = ARTIFACTS / "rehearsal"


@pytest.fixture
def room(browser, tmp_path, request):
    """The app on a fresh database (the demo is created on first start), and a
    screen per role; on failure, every screen and the server log are kept."""
    process, base = _start(ROOT / "app.py", tmp_path, {"CANTIERE_MAP_MODE": "offline"})
    contexts, pages = [], {}

    def screen(name: str, viewport: dict, **options):
        context = browser.new_context(viewport=viewport, **options)
        context.set_default_timeout(60_000)
        contexts.append(context)
        page = context.new_page()
        pages[name] = page
        return page

    expect.set_options(timeout=WAIT_MS)
    try:
        yield base, screen, pages, tmp_path
    finally:
        expect.set_options(timeout=5_000)  # Playwright's default, for the other tests
    failed = getattr(request.node, "report_call", None)
    keep = (failed is not None and failed.failed) or os.environ.get("CANTIERE_KEEP_SCREENSHOTS") == "1"
    if keep:
        OUT.mkdir(parents=True, exist_ok=True)
        for name, page in list(pages.items()):
            for extra in page.context.pages:
                suffix = "" if extra is page else f"-tab{page.context.pages.index(extra)}"
                try:
                    extra.screenshot(path=str(OUT / f"{name}{suffix}.png"), full_page=True)
                except Exception:  # noqa: BLE001 - a closed page must not hide the failure
                    pass
        log = tmp_path / "streamlit.log"
        if log.exists():
            (OUT / "streamlit.log").write_text(log.read_text(errors="replace")[-20_000:])
    for context in contexts:
        context.close()
    _stop(process)


def metric(page, label: str):
    return page.locator('[data-testid="stMetric"]').filter(has_text=label).locator('[data-testid="stMetricValue"]')


def follow_time(page, locator, started: float) -> float:
    """Wait (generously) until ``locator`` shows on ``page`` without a reload; seconds since ``started``."""
    expect(locator).to_be_visible(timeout=FOLLOW_MS)
    return time.monotonic() - started


def test_a_whole_session_through_the_ui(room):
    base, screen, pages, tmp_path = room
    followed: dict[str, list[float]] = {"ascolto": [], "voto": []}

    # --- the facilitator logs in and creates a workshop while the demo exists -------
    fac = screen("facilitatore-1366", LAPTOP)
    fac.goto(f"{base}/facilitazione")
    fac.get_by_label("Password di facilitazione").fill(PASSWORD)
    fac.get_by_role("button", name="Accedi").click()
    picker = fac.get_by_role("combobox").first
    expect(picker).to_be_visible()
    expect(fac.get_by_text("Laboratorio dimostrativo: dati di esempio.")).to_be_visible()  # the demo is open
    picker.click()
    fac.get_by_role("option", name=re.compile("Nuovo laboratorio")).click()
    fac.get_by_label("Titolo", exact=True).fill("Prova generale a Lugo")
    fac.get_by_role("button", name="Crea il laboratorio").click()
    expect(fac.get_by_text("Laboratorio creato", exact=False)).to_be_visible()
    code = metric(fac, "Codice").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{6}", code)

    # --- priorities, typed by hand (the panel refreshes every few seconds meanwhile) ---
    fac.get_by_role("tab", name="Priorità").click()
    for title in PRIORITIES:
        fac.get_by_label("Titolo della priorità").fill(title)
        fac.get_by_role("button", name="Aggiungi la priorità").click()
        expect(fac.get_by_role("tab", name="Priorità")).to_have_attribute("aria-selected", "true")  # tab kept
        expect(fac.get_by_text(title, exact=True)).to_be_attached()  # a table drawn on a canvas: in the DOM

    # --- the projector, opened from its button on Facilitazione ---------------------------
    with fac.expect_popup() as popup:
        fac.get_by_role("link", name="Apri la proiezione").click()
    projector_url = popup.value.url
    popup.value.close()
    assert projector_url.endswith(f"/proiezione?code={code}")
    proj = screen("proiezione-1280", PROJECTOR)
    proj.goto(projector_url)
    expect(proj.get_by_role("heading", name="Prova generale a Lugo")).to_be_visible()
    join_link = proj.get_by_text(re.compile(r"/partecipa\?code=" + code + "$"))
    expect(join_link).to_be_visible()
    link = join_link.inner_text().strip()

    # --- three phones open the link while the workshop is still a draft ------------------
    phones = [
        screen(f"telefono{i + 1}-{size['width']}", size, is_mobile=True, has_touch=True, device_scale_factor=2)
        for i, size in enumerate(PHONES)
    ]
    for phone in phones:
        phone.goto(link)
        expect(phone.get_by_text("Il laboratorio non è ancora aperto", exact=False)).to_be_visible()

    # --- listening opens: a double click moves the phase once; phones follow ---------------
    fac.get_by_role("tab", name="Fasi e votazione").click()
    started = time.monotonic()
    fac.get_by_role("button", name="Passa alla fase «ascolto»").dblclick()
    expect(metric(fac, "Fase")).to_have_text("ascolto")
    for phone in phones:
        # the room opened: each phone is in by itself (opening the link is joining)
        followed["ascolto"].append(follow_time(phone, phone.get_by_label(re.compile("^Titolo")), started))
    for n, phone in enumerate(phones):
        phone.get_by_label(re.compile("^Titolo")).fill(f"Proposta del telefono {n + 1}: più ore di assistenza")
        phone.get_by_role("button", name="Invia la proposta").click()
        expect(phone.get_by_text(re.compile(r"Proposta n\. \d+ inviata"))).to_be_visible()

    # --- the facilitator sees the proposals arrive by themselves -----------------------------
    fac.get_by_role("tab", name="Ascolto").click()
    proposal = fac.get_by_text("Proposta del telefono 3: più ore di assistenza", exact=True)
    expect(proposal).to_be_attached(timeout=COUNT_MS)
    expect(metric(fac, "Partecipanti")).to_have_text("3", timeout=COUNT_MS)

    # --- voting opens; phones follow, vote and see the confirmation ---------------------------
    fac.get_by_role("tab", name="Fasi e votazione").click()
    started = time.monotonic()
    fac.get_by_role("button", name="Apri la votazione").click()
    expect(fac.get_by_text("aperta", exact=False).first).to_be_visible()
    for phone in phones:
        followed["voto"].append(follow_time(phone, phone.get_by_role("button", name="Invia il voto"), started))
    for phone in phones:
        phone.get_by_role("button", name=re.compile("^Un punto in più")).first.click()
        expect(phone.get_by_text("Punti usati: 1 di 5")).to_be_visible()
        phone.get_by_role("button", name="Invia il voto").click()
        expect(phone.get_by_text("Voto registrato", exact=False)).to_be_visible()

    # --- one phone opens the link again in a second tab (a second scan): same person -----------
    again = phones[0].context.new_page()
    again.goto(link)
    expect(again.get_by_role("button", name="Invia il voto")).to_be_visible()
    expect(again.get_by_text("Punti usati: 1 di 5")).to_be_visible()  # its own ballot, not a new person
    assert again.get_by_role("button", name="Entra", exact=True).count() == 0
    assert again.get_by_text("Nessun nome e nessun indirizzo IP", exact=False).count() == 0  # said once, on joining
    assert "p=" in again.url and again.url.split("p=")[1] == phones[0].url.split("p=")[1]

    # --- the projector and the facilitator count 3 people and 3 ballots ------------------------
    expect(metric(proj, "Partecipanti")).to_have_text("3", timeout=COUNT_MS)
    expect(metric(proj, "Voti")).to_have_text("3", timeout=COUNT_MS)
    expect(metric(fac, "Partecipanti")).to_have_text("3", timeout=COUNT_MS)
    expect(metric(fac, "Voti (votazione aperta)")).to_have_text("3", timeout=COUNT_MS)

    # --- what the database holds --------------------------------------------------------------
    store = Store(f"sqlite:///{tmp_path / 'cantiere.db'}")
    try:
        workshops = db.list_workshops(store)
        ws = next(x for x in workshops if x.code == code)
        # created beside the demo (the live demo and its district's example history): the only one of ours
        assert [x.code for x in workshops if not x.is_demo] == [code] and any(x.is_demo for x in workshops)
        assert [p.title for p in db.list_priorities(store, ws.id)] == PRIORITIES
        assert db.count_participants(store, ws.id) == 3
        (rnd,) = db.list_rounds(store, ws.id)
        assert db.count_ballots(store, rnd.id) == 3
        moves = [e.detail for e in db.list_events(store, ws.id) if e.kind == "phase_changed"]
        assert moves == [
            {"old": "bozza", "new": "ascolto"},
            {"old": "ascolto", "new": "voto"},
        ]  # the double click: once
    finally:
        store.close()
    print(
        "phones followed the room in (s): "
        + ", ".join(f"{phase}: {', '.join(f'{t:.1f}' for t in times)}" for phase, times in followed.items())
    )
