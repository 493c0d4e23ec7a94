"""axe-core (npm, pinned in package.json) over every page at the five sizes people
use (issue 15): no serious or critical violation of WCAG 2.1 A/AA, in the page and
in its frames (maps, components). One browser and one app server for the file
(``rooms_app``); the facilitator's pages logged in, the phone joined by opening its link."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.viewports import SCREENS, VIEWPORTS, WAIT, open_screen, settle

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, iframes: true});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' +
      (n.any[0] || n.all[0] || {message: ''}).message).join(' | ')}`);
}"""


def inject(page, source: str) -> None:
    """axe-core into the page and its frames, through the browser's debugger: the
    page's CSP (script-src 'self') rightly refuses inline scripts."""
    for frame in page.frames:
        try:
            frame.evaluate(source)
        except Exception:  # a frame that went away while the page was drawing
            pass


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_no_serious_or_critical_violation(browser, rooms_app, axe_source, size):
    base, rooms = rooms_app
    context = browser.new_context(locale="it-IT", **VIEWPORTS[size])
    page = context.new_page()
    page.set_default_timeout(90_000)
    found = []
    try:
        for screen in SCREENS:
            open_screen(page, base, rooms, screen)
            inject(page, axe_source)
            found += [f"{size} {screen.name}: {v}" for v in page.evaluate(RUN, TAGS)]
    finally:
        context.close()
    assert not found, "\n".join(found)


TAB_TO = """(name) => {
  let e = document.activeElement;
  while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;  // a component's own controls
  return !!e && ((e.innerText || '').trim().startsWith(name) || (e.getAttribute('aria-label') || '').startsWith(name));
}"""


def tab_to(page, name: str, limit: int = 60) -> None:
    """Press Tab until the focus is on the control called ``name`` (what a keyboard user does)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(TAB_TO, name):
            return
    raise AssertionError(f"{name!r} cannot be reached with Tab")


def test_voting_with_the_keyboard_alone(browser, rooms_app):
    """A phone-sized page, no pointer: the link opens the vote; Tab to a priority's
    «+» (its name says which priority), two dots, «Invia il voto», then to «Chi
    sei? (facoltativo)» and its dialog."""
    base, rooms = rooms_app
    context = browser.new_context(locale="it-IT", **VIEWPORTS["390x844"])
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        page.goto(f"{base}/partecipa?code={rooms.voto}")
        settle(page)
        page.get_by_role("button", name="Invia il voto").wait_for()
        settle(page)
        tab_to(page, "Un punto in più a «")  # the first priority's «+», named with its title
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
        expect(page.get_by_text("Punti usati: 2 di 5")).to_be_visible(timeout=WAIT)
        tab_to(page, "Invia il voto")
        page.keyboard.press("Enter")
        expect(page.get_by_text("Voto registrato").first).to_be_visible(timeout=WAIT)
        tab_to(page, "Chi sei? (facoltativo)")  # the optional profile, in a dialog
        page.keyboard.press("Enter")
        dialog = page.get_by_role("dialog")
        expect(dialog.get_by_text("Comune di residenza")).to_be_visible(timeout=WAIT)
        expect(dialog.get_by_role("button", name="Salva")).to_be_visible()
    finally:
        context.close()
