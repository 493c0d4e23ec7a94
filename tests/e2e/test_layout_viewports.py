"""Every page at the sizes people use (issue 15), one browser and one app server
for the whole file. Screenshots: artifacts/screenshots/<size>-<screen>.png
(kept by CI). Asserted from the page's geometry and computed styles:

- no horizontal scroll anywhere;
- no sidebar (nor a button to open one) on the projector and on the phone's page;
- the projector fits the screen at 1280×720 and 1920×1080 (no vertical scroll): the
  chart, the ballot count and the QR code inside the viewport; body text ≥ 28 px at
  1920 px (scaled with the width: ≥ 18,6 px at 1280), chart labels ≥ 24 px; the
  long title wraps, never clips;
- on a phone every button, link and field of the page is at least 48 px tall.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.viewports import PHONES, PROJECTORS, SCREENS, VIEWPORTS, open_screen

SHOTS = ARTIFACTS / "screenshots"
BODY_PX_AT_1920 = 28
CHART_PX = 24
TARGET_PX = 48

GEOMETRY = """() => {
  const r = s => [...document.querySelectorAll(s)].filter(e => e.getClientRects().length)
    .map(e => { const b = e.getBoundingClientRect(); return {top: b.top, bottom: b.bottom, left: b.left, right: b.right,
      width: b.width, height: b.height, font: parseFloat(getComputedStyle(e).fontSize),
      clip: e.scrollWidth > e.clientWidth + 1, text: (e.innerText || e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40)}; });
  const d = document.documentElement;
  return {
    scrollWidth: d.scrollWidth, clientWidth: d.clientWidth,
    // every box that scrolls vertically (the page, Streamlit's main area, a column...)
    scrollers: [d, ...document.querySelectorAll('body *')].filter(e => e.clientHeight > 0
        && (e === d || ['auto', 'scroll'].includes(getComputedStyle(e).overflowY)) && e.scrollHeight > e.clientHeight + 1)
      .map(e => `${e.tagName.toLowerCase()}[${e.getAttribute('data-testid') || e.className}] ${e.scrollHeight} > ${e.clientHeight}`),
    sidebar: r('[data-testid=stSidebar], [data-testid=stSidebarCollapsedControl], [data-testid=stExpandSidebarButton]'),
    chart: r('.st-key-proiezione_chart'), ballots: r('.st-key-proiezione_ballots [data-testid=stMetricValue]'), qr: r('[data-testid=stMain] img'),
    body: r('[data-testid=stMain] [data-testid=stText], [data-testid=stMain] [data-testid=stMetricLabel] p, [data-testid=stMain] [data-testid=stCaptionContainer] p'),
    title: r('[data-testid=stMain] h1'),
    chartText: r('.st-key-proiezione_chart .xtick text, .st-key-proiezione_chart .ytick text, .st-key-proiezione_chart text.bartext'),
    // a select's own chevron and its input are parts of the select's 48-px target
    targets: r('[data-testid=stMain] button:not([data-testid=stMultiSelect] *):not([data-testid=stSelectbox] *), [data-testid=stMain] a[href], ' +
      '[data-testid=stMain] input:not([type=hidden]):not([data-testid=stMultiSelect] *):not([data-testid=stSelectbox] *), [data-testid=stMain] textarea, [data-testid=stMain] [data-baseweb=select]'),
  };
}"""


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_every_page_fits_its_screen(browser, rooms_app, size):
    base, rooms = rooms_app
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="it-IT", **VIEWPORTS[size])
    page = context.new_page()
    page.set_default_timeout(90_000)
    width, height = VIEWPORTS[size]["viewport"]["width"], VIEWPORTS[size]["viewport"]["height"]
    problems = []
    try:
        for screen in SCREENS:
            open_screen(page, base, rooms, screen)
            page.screenshot(path=str(SHOTS / f"{size}-{screen.name}.png"))
            g = page.evaluate(GEOMETRY)
            where = f"{size} {screen.name}"
            if g["scrollWidth"] > g["clientWidth"] + 1:
                problems.append(f"{where}: scrolls sideways ({g['scrollWidth']} > {g['clientWidth']} px)")
            if screen.name.startswith(("proiezione", "partecipa")) and g["sidebar"]:
                problems.append(f"{where}: a sidebar or its button is shown")
            if screen.name.startswith("partecipa") and size in PHONES:
                for target in g["targets"]:
                    if target["height"] < TARGET_PX - 0.5:
                        problems.append(f"{where}: target {target['text']!r} is {target['height']:.0f} px tall")
            if screen.name in ("proiezione-voto", "proiezione-chiuso") and size in PROJECTORS:
                problems += projector_problems(g, where, width, height)
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def projector_problems(g: dict, where: str, width: int, height: int) -> list[str]:
    found = []
    for scroller in g["scrollers"]:
        found.append(f"{where}: scrolls: {scroller}")
    for name in ("chart", "ballots"):
        if not g[name]:
            found.append(f"{where}: no {name}")
        for box in g[name]:
            if box["bottom"] > height + 0.5 or box["right"] > width + 0.5 or box["top"] < 0:
                found.append(f"{where}: the {name} is outside the screen ({box})")
    for box in g["qr"]:
        if box["bottom"] > height + 0.5:
            found.append(f"{where}: the QR code is below the screen")
    body_min = BODY_PX_AT_1920 * width / 1920 - 0.5
    for text in g["body"]:
        if text["font"] < body_min:
            found.append(f"{where}: text {text['text']!r} is {text['font']:.1f} px (< {body_min:.1f})")
    if not g["chartText"]:
        found.append(f"{where}: no chart labels")
    for text in g["chartText"]:
        if text["font"] < CHART_PX - 0.5:
            found.append(f"{where}: chart label {text['text']!r} is {text['font']:.1f} px (< {CHART_PX})")
    for title in g["title"]:
        if title["clip"]:
            found.append(f"{where}: the title {title['text']!r} is clipped")
    return found
