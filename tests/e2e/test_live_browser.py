"""The live room in real Chromium (issue 13), the parts the rehearsal does not
cover: the facilitator's login survives a reload through its HttpOnly cookie and
«Esci» removes it; a phone keeps what the participant is typing while the room
moves under it.

Set-up through the core API (a workshop in the voto phase); actions through the
pages. Waits are generous conditions, never sleeps as assertions.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bench import app_setup
from tests.conftest import ROOT
from tests.e2e.conftest import ARTIFACTS, PHONE, _start, _stop

LAPTOP = {"width": 1366, "height": 768}
WAIT_MS = 30_000


@pytest.fixture
def live_app(tmp_path, request, browser):
    url = f"sqlite:///{tmp_path / 'cantiere.db'}"
    prepared = app_setup.prepare(url)
    process, base = _start(ROOT / "app.py", tmp_path, {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DATABASE_URL": url})
    contexts = []

    def context(**options):
        made = browser.new_context(**options)
        made.set_default_timeout(60_000)
        contexts.append(made)
        return made

    expect.set_options(timeout=WAIT_MS)
    try:
        yield base, prepared, context
    finally:
        expect.set_options(timeout=5_000)
        failed = getattr(request.node, "report_call", None)
        if failed is not None and failed.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            for n, made in enumerate(contexts):
                for m, page in enumerate(made.pages):
                    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{n}-{m}.png"), full_page=True)
        for made in contexts:
            made.close()
        _stop(process)


def test_the_facilitator_stays_logged_in_across_a_reload_until_esci(live_app):
    base, prepared, context = live_app
    laptop = context(viewport=LAPTOP)
    page = laptop.new_page()
    page.goto(f"{base}/facilitazione")
    page.get_by_label("Password di facilitazione").fill("segreto-di-prova")
    page.get_by_role("button", name="Accedi").click()
    expect(page.get_by_role("button", name="Esci")).to_be_visible()
    cookie = None
    for _ in range(300):  # the browser receives the HttpOnly cookie from /api/sessione
        cookie = next((c for c in laptop.cookies() if c["name"] == "cantiere_facilitatore"), None)
        if cookie:
            break
        page.wait_for_timeout(100)
    assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert "segreto" not in cookie["value"] and "segreto" not in page.url
    page.reload()
    expect(page.get_by_role("button", name="Esci")).to_be_visible()
    assert page.get_by_role("button", name="Accedi").count() == 0
    page.get_by_role("button", name="Esci").click()
    expect(page.get_by_role("button", name="Accedi")).to_be_visible()
    for _ in range(300):  # «Esci» asks the server to delete the cookie
        if not any(c["name"] == "cantiere_facilitatore" for c in laptop.cookies()):
            break
        page.wait_for_timeout(100)
    assert not any(c["name"] == "cantiere_facilitatore" for c in laptop.cookies())
    page.reload()
    expect(page.get_by_role("button", name="Accedi")).to_be_visible()


def test_a_phone_keeps_what_is_being_typed_when_the_room_moves(live_app):
    base, prepared, context = live_app
    phone = context(viewport=PHONE, has_touch=True, is_mobile=True).new_page()
    phone.goto(f"{base}/partecipa?code={prepared.code}")  # opening the link is joining
    phone.get_by_role("tab", name="Commenta").click()
    box = phone.get_by_label("Il tuo commento", exact=False)
    box.fill("Servono più corse del trasporto sociale il sabato")  # typed, not yet sent
    prepared.advance()  # the room moves: the facilitator opens the next voting round
    # the phone follows by itself (it says so) and the text being typed is still
    # there, not sent, in the tab that was open
    expect(phone.get_by_text("La votazione è aperta!")).to_be_visible()
    expect(phone.get_by_role("tab", name="Commenta")).to_have_attribute("aria-selected", "true")
    expect(phone.get_by_label("Il tuo commento", exact=False)).to_have_value(
        "Servono più corse del trasporto sociale il sabato"
    )
    phone.get_by_role("button", name="Invia il commento").click()
    expect(phone.get_by_text("Commento inviato", exact=False)).to_be_visible()
