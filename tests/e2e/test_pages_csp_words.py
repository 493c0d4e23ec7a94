"""Every page in a real Chromium, as an Italian phone (390×844) and a projector
(1280×720) see it, with the app's security headers on:

- no ``securitypolicyviolation`` in the page or its frames (the map is a
  component iframe), and the maps still draw;
- the headers on the page itself (cantiere/httpheaders.py);
- none of Streamlit's English texts (cantiere/i18n/frontend_streamlit.py) in
  what a person sees or a screen reader reads (text, aria-label, placeholder,
  title), also after opening a menu and typing, on the facilitator's pages,
  on a page that does not exist, and when the server goes away; and English
  ones for ``?lang=en``;
- every Material icon drawn as an icon (the icon font is cut to the icons the
  app names: a missing one would show its name as text).

Screenshots: artifacts/pages/<size>-<page>.png.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from bench import app_setup
from cantiere import httpheaders
from cantiere.i18n import frontend_streamlit
from tests.conftest import ROOT
from tests.e2e.conftest import ARTIFACTS, _start, _stop

SIZES = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
    "projector": {"viewport": {"width": 1280, "height": 720}},
}
PAGES = (
    "",
    "atlante",
    "servizi",
    "partecipa?code={code}",
    "proiezione?code={code}",
    "risultati",
    "facilitazione",
    "dati",
)
PASSWORD = "segreto-di-prova"
WAIT = 90_000  # ms: a wait for a condition on a busy machine, never an assertion on speed

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`), true);
"""
SEEN_TEXT = """() => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) { const t = walk.currentNode.textContent.trim(); if (t) out.push(t); }
  for (const e of document.querySelectorAll('[aria-label],[placeholder],[title],[alt]'))
    for (const a of ['aria-label', 'placeholder', 'title', 'alt']) { const v = e.getAttribute(a); if (v) out.push(v.trim()); }
  return out;
}"""
ICONS_AS_TEXT = """() => [...document.querySelectorAll('[data-testid=stIconMaterial]')]
  .filter(e => e.getBoundingClientRect().width > 1.6 * parseFloat(getComputedStyle(e).fontSize))
  .map(e => e.textContent)"""


def english_texts() -> tuple[set[str], set[str]]:
    """Streamlit's English texts of the table: (phrases found as substrings, words found whole)."""
    phrases, words = set(), set()
    for text in frontend_streamlit.TEXTS:
        for part in re.split(r"\$\{(?:[^{}]|\{[^}]*\})*\}", text.en.strip("`")):
            part = part.strip(" .:")
            if part in text.it:  # words both languages share ("per file")
                continue
            if " " in part and len(part) >= 8:
                phrases.add(part)
            elif part:
                words.add(part)
    # as the issue quotes them
    phrases |= {"Press Ctrl+Enter to apply", "Choose options", "Drag and drop", "100MB per file", "Page not found"}
    phrases |= {"Connection error", "Are you connected to the internet", "Running..."}
    return phrases, words


PHRASES, WORDS = english_texts()


def english_in(texts: list[str]) -> list[str]:
    return sorted({t for t in texts if t in WORDS or any(p in t for p in PHRASES)})


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pages")
    url = f"sqlite:///{tmp / 'cantiere.db'}"
    prepared = app_setup.prepare(url)
    process, base = _start(ROOT / "app.py", tmp, {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DATABASE_URL": url})
    yield base, prepared, process
    _stop(process)


def new_page(browser, size: str, locale: str = "it-IT"):
    context = browser.new_context(locale=locale, **SIZES[size])
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(90_000)
    return context, page


def settle(page) -> None:
    """The page has run its script and drawn (waits, no assertion on time)."""
    # :visible: the first elements are the page's stylesheet and the live component (issue 15)
    page.locator('[data-testid="stMain"] [data-testid="stElementContainer"]:visible').first.wait_for()
    for _ in range(2):
        expect(page.locator('[data-testid="stStatusWidgetRunningIcon"]')).to_have_count(0, timeout=WAIT)
        expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=WAIT)
        try:
            page.wait_for_load_state("networkidle", timeout=15_000)
        except PlaywrightTimeoutError:  # a page that refreshes itself (the projector) is never idle
            pass


def violations(page) -> list[str]:
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("window.__csp || []")
        except Exception:  # a frame that went away
            pass
    return found


def seen(page) -> list[str]:
    texts = []
    for frame in page.frames:
        try:
            texts += frame.evaluate(SEEN_TEXT)
        except Exception:
            pass
    return texts


def login(page) -> None:
    # after the first login the browser keeps the facilitator's session (issue 13): no form then
    password = page.locator('input[type="password"]')
    password.or_(page.get_by_role("button", name="Esci")).first.wait_for(timeout=WAIT)
    if password.count():
        password.fill(PASSWORD)
        page.get_by_role("button", name="Accedi").click()
    expect(page.get_by_role("button", name="Esci")).to_be_visible(timeout=WAIT)


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_has_the_headers_no_csp_violation_no_english_and_its_icons(browser, app, size):
    base, prepared, _ = app
    context, page = new_page(browser, size)
    (ARTIFACTS / "pages").mkdir(parents=True, exist_ok=True)
    problems = []
    try:
        for path in PAGES:
            path = path.format(code=prepared.code)
            response = page.goto(f"{base}/{path}")
            for name, value in {**httpheaders.COMMON, "Content-Security-Policy": httpheaders.PAGE_CSP}.items():
                assert response.headers.get(name.lower()) == value, (path, name)
            settle(page)
            if path == "atlante":  # the choropleth draws inside the map component, under its own CSP
                frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
                expect(frame.locator("path.leaflet-interactive").first).to_be_attached(timeout=WAIT)
            name = path.split("?")[0] or "panoramica"
            page.screenshot(path=str(ARTIFACTS / "pages" / f"{size}-{name}.png"))
            for problem in violations(page):
                problems.append(f"{name}: CSP {problem}")
            for text in english_in(seen(page)):
                problems.append(f"{name}: English {text!r}")
            for icon in page.evaluate(ICONS_AS_TEXT):
                problems.append(f"{name}: icon {icon!r} drawn as text")
    finally:
        context.close()
    assert not problems, problems


def test_facilitator_pages_speak_italian_when_typing_and_choosing(browser, app):
    base, prepared, _ = app
    context, page = new_page(browser, "projector")
    try:
        page.goto(f"{base}/dati")
        login(page)
        settle(page)
        uploader = page.locator('[data-testid="stFileUploaderDropzone"]').first
        expect(uploader).to_contain_text(
            "massimo 20MB per file", timeout=WAIT
        )  # CANTIERE_MAX_UPLOAD_MB, not the 100 MB ceiling
        expect(uploader.get_by_test_id("stBaseButton-secondary")).to_contain_text("Scegli un file", timeout=WAIT)
        texts = seen(page)

        page.goto(f"{base}/facilitazione")
        login(page)
        settle(page)
        page.get_by_text(prepared.code, exact=False).first.wait_for()
        page.get_by_role("tab", name="Priorità").click()  # only the open tab is built (issue 13)
        comuni = page.locator('[data-testid="stMultiSelect"]').first
        expect(comuni.locator("input")).to_have_attribute("placeholder", "Scegli una o più voci", timeout=WAIT)
        page.locator('[data-testid="stMultiSelect"]:visible').first.click()
        texts += seen(page)
        page.keyboard.press("Escape")
        area = page.locator("textarea:visible").first
        area.click()
        area.type("Una nota")
        expect(page.locator('[data-testid="InputInstructions"]').first).to_contain_text(
            "Premi Ctrl+Invio per confermare", timeout=WAIT
        )
        texts += seen(page)
        assert not violations(page)
    finally:
        context.close()
    assert not english_in(texts), english_in(texts)


def test_english_stays_english_with_lang_en(browser, app):
    base, _, _ = app
    context, page = new_page(browser, "projector", locale="en-US")
    try:
        page.goto(f"{base}/dati?lang=en")
        page.locator('input[type="password"]').fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        settle(page)
        uploader = page.locator('[data-testid="stFileUploaderDropzone"]').first
        expect(uploader.get_by_test_id("stBaseButton-secondary")).to_contain_text("Upload", timeout=WAIT)
        expect(uploader).to_contain_text("20MB per file", timeout=WAIT)
        expect(uploader).not_to_contain_text("massimo", timeout=WAIT)
    finally:
        context.close()


def test_a_page_that_does_not_exist_says_so_in_italian(browser, app):
    base, _, _ = app
    context, page = new_page(browser, "phone")
    try:
        page.goto(f"{base}/pagina-che-non-esiste")
        dialog = page.get_by_role("dialog")
        expect(dialog).to_contain_text("Pagina non trovata", timeout=WAIT)
        expect(dialog).to_contain_text("La pagina richiesta non esiste: si apre la pagina principale.", timeout=WAIT)
        assert not english_in(seen(page)), english_in(seen(page))
    finally:
        context.close()


def test_when_the_server_goes_away_the_phone_says_so_in_italian(browser, app):
    """Last in this module: it stops the module's server."""
    base, prepared, process = app
    context, page = new_page(browser, "phone")
    try:
        page.goto(f"{base}/partecipa?code={prepared.code}")
        expect(page.get_by_role("button", name="Invia il voto")).to_be_visible(timeout=WAIT)
        _stop(process)
        dialog = page.get_by_role("dialog")
        expect(dialog).to_contain_text("Connessione interrotta", timeout=120_000)
        expect(dialog).to_contain_text(
            "Il server non risponde", timeout=WAIT
        )  # on localhost Streamlit asks "is it still running?"
        assert not english_in(seen(page)), english_in(seen(page))
    finally:
        context.close()
