"""A stricter entry per workshop (issue 17): a join code that rotates on the
projector, so only people in the room join; the minutes state the entry mode."""

from __future__ import annotations

import pytest

from cantiere import entry, report
from cantiere import workshop as w
from cantiere.errors import UnknownNameError
from cantiere.store import workshops as db
from cantiere.ui import entry_view
from cantiere.ui import workshop_partecipa as part_ui
from cantiere.workshop_errors import PermissionDeniedError
from tests.app.test_workshop_flow import FAC, click, env, page, texts, voting_workshop  # noqa: F401  (env: fixture)

SECRET = "s" * 64


def test_key_of_the_current_and_previous_window_only():
    now = 1_000_000.0
    key = entry.current_key(SECRET, "ABC234", now)
    assert len(key) == entry.KEY_DIGITS and key.isdigit()
    assert entry.key_valid(SECRET, "ABC234", key, now)
    assert entry.key_valid(SECRET, "ABC234", key, now + entry.ROTATE_SECONDS)  # read just before it changed
    assert not entry.key_valid(SECRET, "ABC234", key, now + 2 * entry.ROTATE_SECONDS)
    assert not entry.key_valid(SECRET, "ABC234", "", now)
    assert entry.split_typed("abc-234 5821") == ("ABC234", "5821")


def test_only_a_facilitator_chooses_and_only_known_modes(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Sala", "", [{"title": "A"}])
    assert entry.mode(fresh_store, ws.id) == entry.FIXED
    with pytest.raises(PermissionDeniedError):
        entry.set_mode(fresh_store, None, ws.id, entry.ROTATING)
    with pytest.raises(UnknownNameError) as info:
        entry.set_mode(fresh_store, FAC, ws.id, "biglietti")
    assert "codice_a_tempo" in info.value.message("it")
    entry.set_mode(fresh_store, FAC, ws.id, entry.ROTATING)
    assert entry.mode(fresh_store, ws.id) == entry.ROTATING


def test_rotating_code_lets_in_only_who_sees_the_projector(env):
    ws, rnd, items = voting_workshop(env)
    entry.set_mode(env, FAC, ws.id, entry.ROTATING)
    # a link passed on without the key (or with an old one): refused on opening, nobody created
    at = page("partecipa", code=ws.code)
    assert "p" not in at.query_params
    assert any(m.startswith("Il codice per entrare è cambiato") for m in texts(at, "error"))
    at = page("partecipa", code=ws.code, k="0000" if entry.current_key(SECRET, ws.code) != "0000" else "0001")
    assert "p" not in at.query_params
    click(at, part_ui.JOIN)  # «Entra» again: the same answer
    assert "p" not in at.query_params
    assert db.count_participants(env, ws.id) == 0
    # the QR code on the projector carries the current key
    key = entry.current_key(entry_view.secret(), ws.code)
    at = page("partecipa", code=ws.code, k=key)  # opening it is joining
    assert at.query_params["p"] and "k" not in at.query_params
    # typed: the code and the 4 digits seen on the projector
    at = page("partecipa")
    at.text_input(key=part_ui.CODE_INPUT).set_value(f"{ws.code.lower()} {key}")
    click(at, part_ui.ENTER)
    assert at.query_params["p"]
    assert db.count_participants(env, ws.id) == 2


def test_projector_shows_the_rotating_code(env):
    ws, rnd, items = voting_workshop(env)
    entry.set_mode(env, FAC, ws.id, entry.ROTATING)
    at = page("proiezione", code=ws.code)
    shown = " ".join(str(e.proto) for e in at.get("html"))
    assert f"{ws.code} " in shown  # the code, a space, the 4 digits of now
    assert any("Il codice cambia tra" in c.value for c in at.caption)
    # while voting the QR code and the code sit small in a corner (issue 15): no address under
    # them; the QR code's link carries the same key (``entry_view.link_and_code``)


@pytest.mark.parametrize("mode, words", [(entry.FIXED, "codice del laboratorio (fisso)"), (entry.ROTATING, "cambiava")])
def test_the_minutes_state_the_entry_mode(fresh_store, mode, words):
    ws = w.create_workshop(fresh_store, FAC, "Sala", "", [{"title": "A"}])
    entry.set_mode(fresh_store, FAC, ws.id, mode)
    minutes = report.build(fresh_store, db.get_workshop(fresh_store, ws.id))
    assert words in minutes.entry
    assert words in report.to_html(minutes)
    summary = next(iter(report.sheets(minutes).values()))
    assert any(words in str(v) for v in summary.iloc[:, 1])
