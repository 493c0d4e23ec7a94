"""A real Chromium: a phone joins from the workshop link, votes and sees the
confirmation; the projector (1920×1080) shows the new ballot count.

The workshop (voto phase, open dot-voting round) is created through the core
API in the app's database before the server starts. Waits are generous polls
(the count refreshes every 2 s), never assertions on speed.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from bench import app_setup
from cantiere.store import Store
from cantiere.store import workshops as db
from tests.conftest import ROOT
from tests.e2e.conftest import ARTIFACTS, _start, _stop

PROJECTOR = {"width": 1920, "height": 1080}
POLL_MS = 30_000  # generous: the projector refreshes every 2 s on a shared machine


@pytest.fixture
def voting_app(tmp_path):
    """The real app on a fresh SQLite file holding one workshop in the voto phase."""
    url = f"sqlite:///{tmp_path / 'cantiere.db'}"
    prepared = app_setup.prepare(url)
    process, base = _start(ROOT / "app.py", tmp_path, {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DATABASE_URL": url})
    yield base, prepared
    _stop(process)


@pytest.fixture
def projector(browser, request):
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}-projector.png"), full_page=True)
    context.close()


def ballots_metric(page):
    return page.locator('[data-testid="stMetric"]').filter(has_text="Voti").locator('[data-testid="stMetricValue"]')


def test_phone_votes_and_the_projector_counts_it(phone, projector, voting_app):
    base, prepared = voting_app
    projector.goto(f"{base}/proiezione?code={prepared.code}")
    expect(projector.get_by_text(prepared.code, exact=True)).to_be_visible(timeout=POLL_MS)
    expect(ballots_metric(projector)).to_have_text("0", timeout=POLL_MS)

    phone.goto(f"{base}/partecipa?code={prepared.code}")  # opening the link is joining
    # two dots on the first priority, with its «+» (as a thumb would): the browser counts them
    plus = phone.get_by_role("button", name=re.compile("^Un punto in più")).first
    plus.click()
    expect(phone.get_by_text("Punti usati: 1 di 5")).to_be_visible()
    plus.click()
    expect(phone.get_by_text("Punti usati: 2 di 5")).to_be_visible()
    phone.get_by_role("button", name="Invia il voto").click()

    expect(phone.get_by_text("Voto registrato", exact=False)).to_be_visible()
    assert "p=" in phone.url  # the token is in the link, so a reload keeps the identity
    expect(ballots_metric(projector)).to_have_text("1", timeout=POLL_MS)
    expect(
        projector.locator('[data-testid="stMetric"]')
        .filter(has_text="Partecipanti")
        .locator('[data-testid="stMetricValue"]')
    ).to_have_text("1", timeout=POLL_MS)
    store = Store(prepared.database_url)
    try:
        (ballot,) = db.list_ballots(store, prepared.round_id)
        assert ballot.payload["dots"] == {str(prepared.item_ids[0]): 2}
    finally:
        store.close()
