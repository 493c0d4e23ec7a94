"""axe-core (npm, pinned in package.json) over every page at the five sizes people
use (issue 15): no serious or critical violation of WCAG 2.1 A/AA, in the page and
in its frames (maps, components). One browser and one app server for the file
(``rooms_app``); the facilitator's pages logged in, the phone past the profile."""

from __future__ import annotations

import pytest

from tests.e2e.viewports import SCREENS, VIEWPORTS, open_screen

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
