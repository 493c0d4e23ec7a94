"""A real Chromium (issue 19, «Done when»): the facilitator prints N cards (a
document with N distinct codes), two phones vote, a helper with a PIN enters
three paper cards from the keyboard — one of them twice by mistake, refused —
the projector shows 5 ballots, and the minutes show the breakdown by channel
and list the repeated card; the event log names the helper of each card.

Screenshots for a person to look at go to artifacts/ (390 px phone with the
large text on, 1366×768 laptop with the Schede page)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from cantiere import cards
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db
from tests.conftest import ROOT
from tests.e2e.conftest import ARTIFACTS, PHONE, _start, _stop

LAPTOP = {"width": 1366, "height": 768}
POLL_MS = 30_000  # generous: the projector refreshes every 2 s on a shared machine
N_CARDS = 6
ROWS = [
    {"title": "Assistenza domiciliare"},
    {"title": "Posti al nido"},
    {"title": "Trasporto sociale"},
    {"title": "Sostegno ai caregiver"},
]


@pytest.fixture
def cards_app(tmp_path):
    """The real app with one workshop voting (3 dots, at most 2 per priority) and a helper PIN."""
    url = f"sqlite:///{tmp_path / 'cantiere.db'}"
    store = Store(url)
    try:
        actor = w.Actor.command_line()
        ws = w.create_workshop(store, actor, "Laboratorio di Russi", "", ROWS, dots=3, max_per_item=2)
        rnd = w.start_voting(store, actor, ws.id)
        _, pin = cards.create_helper_pin(store, actor, ws.id, "Tavolo 1")
    finally:
        store.close()
    process, base = _start(ROOT / "app.py", tmp_path, {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DATABASE_URL": url})
    yield base, url, ws.code, rnd.id, pin
    _stop(process)


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"paper_cards-{name}.png"), full_page=False)


def phone_votes(context, base: str, code: str) -> None:
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{base}/partecipa?code={code}")
    page.get_by_role("button", name=re.compile("^Un punto in più")).first.click()
    expect(page.get_by_text("Punti usati: 1 di 3")).to_be_visible()
    page.get_by_role("button", name="Invia il voto").click()
    expect(page.get_by_text("Voto registrato", exact=False)).to_be_visible()
    return page


def enter_card(page, code: str, counts: tuple[int, ...]) -> None:
    """As a helper does it: the code, then Tab from box to box, Enter to save."""
    box = page.get_by_label("Codice della scheda")
    box.click()
    box.fill(code)
    for n in counts:
        page.keyboard.press("Tab")
        page.keyboard.press("Control+A")
        page.keyboard.type(str(n))
    page.keyboard.press("Enter")


def test_paper_cards_and_phones_in_one_tally(browser, cards_app):
    base, url, code, round_id, pin = cards_app
    laptop = browser.new_context(viewport=LAPTOP, accept_downloads=True)
    phones = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    other_phone = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)  # a second person's phone
    tablet = browser.new_context(viewport=LAPTOP)  # the helper's own device: no facilitator session
    try:
        # 1. the facilitator prints N cards
        fac = laptop.new_page()
        fac.set_default_timeout(60_000)
        fac.goto(f"{base}/facilitazione")
        fac.get_by_label("Password di facilitazione", exact=True).fill("segreto-di-prova")
        fac.get_by_role("button", name="Accedi").click()
        fac.get_by_role("tab", name="Schede cartacee").click()
        how_many = fac.get_by_label("Quante schede nuove")
        how_many.fill(str(N_CARDS))
        how_many.press("Enter")
        fac.get_by_role("button", name="Crea le schede").click()
        with fac.expect_download() as got:
            fac.get_by_role("button", name=f"Scarica le {N_CARDS} schede da stampare", exact=False).click()
        document = open(got.value.path(), encoding="utf-8").read()
        codes = re.findall(r'data-code="([A-Z0-9]+)"', document)
        assert len(codes) == len(set(codes)) == N_CARDS
        assert document.count("<svg") == N_CARDS and "Hai 3 punti" in document
        shot(fac, "facilitazione-1366")

        # 2. two phones vote
        first_phone = phone_votes(phones, base, code)
        phone_votes(other_phone, base, code)  # two tabs of one browser would be one person (issue 13)

        # 3. a helper enters three cards, one of them twice
        helper = tablet.new_page()
        helper.set_default_timeout(60_000)
        helper.goto(f"{base}/schede?code={code}")
        helper.get_by_label("PIN di aiutante (6 cifre)", exact=True).fill(pin)
        helper.get_by_role("button", name="Entra").click()
        expect(helper.get_by_text("Stai inserendo come «Tavolo 1».")).to_be_visible()
        for card, counts in zip(codes[:3], ((2, 1, 0, 0), (0, 0, 1, 2), (1, 1, 1, 0))):
            enter_card(helper, cards.pretty(card).lower(), counts)
            expect(helper.get_by_text(f"Scheda {cards.pretty(card)} registrata", exact=False)).to_be_visible()
            expect(helper.get_by_label("Codice della scheda")).to_have_value("")  # emptied for the next card
        enter_card(helper, codes[1], (0, 0, 1, 2))  # the same card again, by mistake
        expect(helper.get_by_text("è già stata inserita", exact=False)).to_be_visible()
        enter_card(helper, "ABCD-EFGX", (1, 0, 0, 0))  # a typo
        expect(helper.get_by_text("Controlla di averlo copiato bene", exact=False)).to_be_visible()
        shot(helper, "schede-1366")

        # 4. the projector shows 5 ballots
        projector = laptop.new_page()
        projector.set_default_timeout(60_000)
        projector.goto(f"{base}/proiezione?code={code}")
        votes = (
            projector.locator('[data-testid="stMetric"]')
            .filter(has_text="Voti")
            .locator('[data-testid="stMetricValue"]')
        )
        expect(votes).to_have_text("5", timeout=POLL_MS)

        # 5. the minutes: channels (merged under 5, adding up to 5) and the repeated card
        fac.get_by_role("tab", name="Esporta").click()
        with fac.expect_download() as got:
            fac.get_by_role("button", name="Scarica il verbale (HTML stampabile)").click()
        minutes = open(got.value.path(), encoding="utf-8").read()
        channels = minutes.split('<table class="channels">', 1)[1].split("</table>", 1)[0]
        assert re.search(r"<td>altri</td><td class=\"num\">5</td>", channels)
        assert re.search(r"<td>Totale</td><td class=\"num\">5</td>", channels)
        repeats = minutes.split('<table class="card-repeats">', 1)[1].split("</table>", 1)[0]
        assert cards.pretty(codes[1]) in repeats and "rifiutata, non contata" in repeats
        assert repeats.count("<tr>") == 2  # the header and the one repeat

        # 6. the large text on the phone, kept by the device after a reload
        first_phone.get_by_text("Testo grande").click()
        expect(first_phone.get_by_text("Dai i tuoi punti alle cose più importanti", exact=False)).to_be_visible()
        first_phone.wait_for_timeout(1000)  # the cookie is written by the component
        first_phone.reload()
        expect(first_phone.get_by_text("Dai i tuoi punti alle cose più importanti", exact=False)).to_be_visible()
        shot(first_phone, "phone-large-390")
    finally:
        laptop.close()
        phones.close()
        other_phone.close()
        tablet.close()

    store = Store(url)
    try:
        stored = db.list_ballots(store, round_id)
        assert sorted(b.channel for b in stored) == ["paper", "paper", "paper", "phone", "phone"]
        entered = [e for e in db.list_events(store, db.workshop_by_code(store, code).id) if e.kind == "card_entered"]
        assert [e.detail["helper"] for e in entered] == ["Tavolo 1 · PIN n. 1"] * 3
        assert w.tally_round(store, round_id).n_ballots == 5
    finally:
        store.close()
