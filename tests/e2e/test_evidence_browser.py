"""Evidence beside priorities in a real browser: the phone (390 px) reads the
line under the title, the projector (1280×720) in its results, the
facilitator (1366×768) picks it. Screenshots go to artifacts/ for review."""

from __future__ import annotations

import pytest

from cantiere import evidence, importers
from cantiere import workshop as w
from cantiere.derived import Spec, Term
from cantiere.store import Store, datasets
from cantiere.store import workshops as db
from tests import realdata
from tests.conftest import FACILITATOR_ACTOR, ROOT
from tests.e2e.conftest import ARTIFACTS, _start, _stop

FAC = w.Actor.command_line()
MEF = "mef_irpef_2024_ravenna.csv"
HOSTILE = "<img src=x onerror=window.__cdw=1> [clic](javascript:window.__cdw=1)"


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("evidenza")
    store = Store(f"sqlite:///{tmp / 'cantiere.db'}")
    importers.import_file(
        store, "indicators", MEF, realdata.path(MEF).read_bytes(), actor=FACILITATOR_ACTOR, max_bytes=2**22
    )
    ws = w.create_workshop(
        store,
        FAC,
        "Laboratorio della Romagna Faentina",
        "",
        [{"title": "Trasporto sociale per anziani soli"}, {"title": "Posti al nido a Casola"}, {"title": "Sportello"}],
        dots=3,
        max_per_item=2,
    )
    first, second, third = db.list_priorities(store, ws.id)
    # an indicator named by a coordinator with markup in it: shown as typed, never run
    hostile = importers.Choice(specs=(Spec(HOSTILE, Term(("sportelli",))),))
    importers.import_file(
        store,
        "indicators",
        "sportelli.csv",
        b"PRO_COM_T;sportelli\n039005;1\n039014;9\n",
        actor=FACILITATOR_ACTOR,
        max_bytes=2**20,
        source="Comune (prova)",
        year=2024,
        choice=hostile,
    )
    w.set_evidence(
        store,
        FAC,
        third.id,
        figures=[
            evidence.figure(
                f"importato:{HOSTILE}@2024",
                "039005",
                imported=datasets.imported_indicators(store),
                definitions=datasets.indicator_definitions(store),
            )
        ],
    )
    income = evidence.figure(
        "importato:Reddito complessivo medio per contribuente@2024",
        "039005",
        imported=datasets.imported_indicators(store),
        definitions=datasets.indicator_definitions(store),
    )
    w.set_evidence(
        store,
        FAC,
        first.id,
        comuni=["Casola Valsenio"],
        target_group="anziani soli",
        figures=[evidence.figure("istat:quota_65", "039005"), income],
    )
    w.set_evidence(store, FAC, second.id, figures=[evidence.figure("istat:bambini_0_2", "039005")])
    rnd = w.start_voting(store, FAC, ws.id)
    for _ in range(5):
        _, who = w.join(store, ws.code)
        w.cast_ballot(store, who, rnd.id, {"dots": {first.id: 2, second.id: 1}})
    lines = [evidence.line_of(db.get_priority(store, p.id).attrs) for p in (first, second)]
    store.close()
    process, base = _start(ROOT / "app.py", tmp, {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DEMO": "0"})
    yield base, ws.code, lines
    _stop(process)


def _page(browser, width, height, **kw):
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1, **kw)
    page = context.new_page()
    page.set_default_timeout(90_000)
    return context, page


def test_the_phone_reads_the_line_under_each_title(browser, room):
    base, code, lines = room
    context, phone = _page(browser, 390, 844, has_touch=True, is_mobile=True)
    try:
        phone.goto(f"{base}/partecipa?code={code}")
        phone.get_by_text(lines[0]).wait_for()
        phone.get_by_text(lines[1]).wait_for()
        phone.get_by_text(HOSTILE, exact=False).first.wait_for()  # the name as typed
        assert phone.locator("a[href^='javascript']").count() == 0
        assert phone.evaluate("() => window.__cdw === undefined")
        title = phone.get_by_text("Trasporto sociale per anziani soli", exact=True).bounding_box()
        below = phone.get_by_text(lines[0]).bounding_box()
        assert below["y"] > title["y"] and below["y"] - title["y"] < 120  # right under the title
        assert phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 1
        ARTIFACTS.mkdir(exist_ok=True)
        phone.get_by_text(lines[0]).scroll_into_view_if_needed()
        phone.screenshot(path=str(ARTIFACTS / "evidenza_telefono_390.png"))
    finally:
        context.close()


def test_the_projector_shows_why_each_priority_matters(browser, room):
    base, code, lines = room
    context, page = _page(browser, 1280, 720)
    try:
        page.goto(f"{base}/proiezione?code={code}")
        shown = page.get_by_text(lines[0])
        shown.wait_for()
        shown.scroll_into_view_if_needed()
        assert page.get_by_text("Perché conta (dati)").count() >= 1
        # the line wraps inside the page: nothing cut at the right edge
        box = shown.bounding_box()
        assert box["x"] + box["width"] <= 1280
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "evidenza_proiettore_1280.png"))
    finally:
        context.close()


def test_the_facilitator_sees_the_picker_with_the_line(browser, room):
    base, _, lines = room
    context, page = _page(browser, 1366, 768)
    try:
        page.goto(f"{base}/facilitazione")
        page.get_by_label("Password di facilitazione").fill("segreto-di-prova")
        page.get_by_role("button", name="Accedi").click()
        page.get_by_role("tab", name="Priorità").click()
        heading = page.get_by_text("Perché conta: i dati dietro ogni priorità")
        heading.wait_for()
        page.get_by_text(lines[0]).wait_for()
        heading.scroll_into_view_if_needed()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "evidenza_facilitazione_1366.png"))
    finally:
        context.close()
