"""The sizes people use and the pages they open, for the layout and axe-core
tests (issue 15): phones (360×740, 390×844), a laptop (1366×768), projectors
(1280×720, 1920×1080)."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import expect

VIEWPORTS = {
    "360x740": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True},
    "390x844": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "1366x768": {"viewport": {"width": 1366, "height": 768}},
    "1280x720": {"viewport": {"width": 1280, "height": 720}},
    "1920x1080": {"viewport": {"width": 1920, "height": 1080}},
}
PHONES = ("360x740", "390x844")
PROJECTORS = ("1280x720", "1920x1080")
PASSWORD = "segreto-di-prova"
WAIT = 90_000  # ms: a wait for a condition on a busy machine, never an assertion on speed


@dataclass(frozen=True)
class Screen:
    name: str  # of the screenshot
    path: str  # with {voto}, {ascolto}, {chiuso}
    login: bool = False
    vote: bool = False  # join, skip the profile: the vote screen

    def url(self, base: str, rooms) -> str:
        return f"{base}/{self.path.format(voto=rooms.voto, ascolto=rooms.ascolto, chiuso=rooms.chiuso)}"


SCREENS = (
    Screen("panoramica", ""),
    Screen("atlante", "atlante"),
    Screen("servizi", "servizi"),
    Screen("partecipa-codice", "partecipa"),
    Screen("partecipa-voto", "partecipa?code={voto}", vote=True),
    Screen("partecipa-ascolto", "partecipa?code={ascolto}", vote=True),
    Screen("proiezione-voto", "proiezione?code={voto}"),
    Screen("proiezione-ascolto", "proiezione?code={ascolto}"),
    Screen("proiezione-chiuso", "proiezione?code={chiuso}"),
    Screen("risultati", "risultati"),
    Screen("facilitazione", "facilitazione", login=True),
    Screen("dati", "dati", login=True),
)


def settle(page) -> None:
    """The page has run its script and drawn (waits, no assertion on time)."""
    page.locator('[data-testid="stMain"] [data-testid="stElementContainer"]:visible').first.wait_for(timeout=WAIT)
    for _ in range(2):
        expect(page.locator('[data-testid="stStatusWidgetRunningIcon"]')).to_have_count(0, timeout=WAIT)
        expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=WAIT)
        page.wait_for_timeout(600)


def open_screen(page, base: str, rooms, screen: Screen) -> None:
    """Go to ``screen`` as a person would: logged in, or joined (opening the link)."""
    page.goto(screen.url(base, rooms))
    settle(page)
    if screen.login:
        password = page.locator('input[type="password"]')
        password.or_(page.get_by_role("button", name="Esci")).first.wait_for(timeout=WAIT)
        if password.count():
            password.fill(PASSWORD)
            page.get_by_role("button", name="Accedi").click()
        expect(page.get_by_role("button", name="Esci")).to_be_visible(timeout=WAIT)
        settle(page)
    if screen.vote:
        settle(page)
    if screen.name.startswith("proiezione-") and screen.name != "proiezione-ascolto":
        page.locator('[data-testid="stMain"] [data-testid="stMetricValue"]').first.wait_for(timeout=WAIT)
    if screen.name in ("proiezione-voto", "proiezione-chiuso"):
        page.locator(".st-key-proiezione_chart .main-svg").first.wait_for(timeout=WAIT)
        page.wait_for_timeout(500)  # plotly's resize to its box
