"""The live room's rules (issue 13), in the database and in pure code: the room
version phones follow, phase moves that happen once however many clicks, one
open round, signed facilitator sessions, and the long poll that holds phones."""

from __future__ import annotations

import asyncio
import json
import threading
import time

import pytest

from cantiere import sessions
from cantiere import workshop as w
from cantiere.store import Store, meta
from cantiere.store import workshops as db
from cantiere.workshop_errors import PhaseChangedError, PhaseError, RoundAlreadyOpenError
from tests.routes import call as _call
from tests.routes import run_async

FAC = w.Actor.command_line()
ROWS = [{"title": "Assistenza domiciliare"}, {"title": "Posti al nido"}, {"title": "Trasporto sociale"}]


def draft(store) -> db.Workshop:
    return w.create_workshop(store, FAC, "Laboratorio di Russi", "", ROWS)


def version(store, ws) -> int:
    return db.get_workshop(store, ws.id).room_version


def phase_events(store, ws) -> list[tuple[str, str]]:
    return [(e.detail["old"], e.detail["new"]) for e in db.list_events(store, ws.id) if e.kind == "phase_changed"]


# --- the room version ---------------------------------------------------------------


def test_room_version_moves_at_every_phase_and_round_change_only(any_store):
    ws = draft(any_store)
    assert version(any_store, ws) == 0
    w.change_phase(any_store, FAC, ws.id, "ascolto", expected="bozza")
    assert version(any_store, ws) == 1
    w.add_priorities(any_store, FAC, ws.id, [{"title": "Casa e povertà"}])  # not a screen change for phones
    assert version(any_store, ws) == 1
    rnd = w.open_new_round(any_store, FAC, ws.id, "dots", {"dots": 3, "max_per_item": 2})
    after_open = version(any_store, ws)
    assert after_open > 1 and db.get_workshop(any_store, ws.id).phase == "voto"
    w.close_round(any_store, FAC, rnd.id)
    assert version(any_store, ws) == after_open + 1
    w.close_round(any_store, FAC, rnd.id)  # a second click: nothing changes, nothing logged
    assert version(any_store, ws) == after_open + 1
    assert [e.kind for e in db.list_events(any_store, ws.id)].count("round_closed") == 1
    other = w.create_workshop(any_store, FAC, "Altro laboratorio", "", ROWS)
    assert db.room_versions(any_store, [ws.code, other.code, "ZZZZZZ"]) == {ws.code: after_open + 1, other.code: 0}
    assert db.room_versions(any_store, []) == {}


# --- a phase moves once -------------------------------------------------------------


def test_a_double_click_moves_the_phase_once(any_store):
    ws = draft(any_store)
    for _ in range(2):  # both clicks carry the phase the page showed: bozza
        moved = w.change_phase(any_store, FAC, ws.id, "ascolto", expected="bozza")
        assert moved.phase == "ascolto"
    assert phase_events(any_store, ws) == [("bozza", "ascolto")]
    assert version(any_store, ws) == 1


def test_a_stale_page_cannot_move_a_phase_that_moved_elsewhere(any_store):
    ws = draft(any_store)
    w.change_phase(any_store, FAC, ws.id, "ascolto", expected="bozza")  # facilitator A
    with pytest.raises(PhaseChangedError) as caught:  # facilitator B, page still showing bozza
        w.change_phase(any_store, FAC, ws.id, "voto", expected="bozza")
    assert caught.value.phase == "ascolto"
    assert caught.value.params == {"now": "workshop.phase.ascolto"}
    assert "ora è «ascolto»" in caught.value.message()
    assert db.get_workshop(any_store, ws.id).phase == "ascolto"
    assert phase_events(any_store, ws) == [("bozza", "ascolto")]


def test_the_store_refuses_a_move_from_a_phase_that_is_not_the_expected_one(any_store):
    ws = draft(any_store)
    with pytest.raises(PhaseChangedError):
        db.set_phase(any_store, ws.id, "voto", expected="ascolto")
    assert db.get_workshop(any_store, ws.id).phase == "bozza" and phase_events(any_store, ws) == []


def test_twenty_simultaneous_clicks_from_two_processes_move_once(any_store):
    """Ten double clicks at the same moment from two app processes (two Store
    objects on one database): one move, one event, the others change nothing."""
    ws = draft(any_store)
    other = Store(any_store.url, migrate=False)
    barrier = threading.Barrier(20)
    outcomes: list[object] = []

    def click(store):
        barrier.wait()
        try:
            outcomes.append(w.change_phase(store, FAC, ws.id, "ascolto", expected="bozza").phase)
        except PhaseError as exc:  # noqa: PERF203 - collected and asserted below
            outcomes.append(exc)

    threads = [threading.Thread(target=click, args=(s,)) for s in (any_store, other) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.close()
    assert outcomes == ["ascolto"] * 20
    assert phase_events(any_store, ws) == [("bozza", "ascolto")]
    assert version(any_store, ws) == 1


def test_a_double_click_on_apri_la_votazione_opens_one_round(any_store):
    ws = draft(any_store)
    w.open_new_round(any_store, FAC, ws.id, "dots", {"dots": 3, "max_per_item": 2}, if_none_open=True)
    with pytest.raises(RoundAlreadyOpenError):
        w.open_new_round(any_store, FAC, ws.id, "dots", {"dots": 3, "max_per_item": 2}, if_none_open=True)
    assert [r.status for r in db.list_rounds(any_store, ws.id)] == ["open"]


def test_a_second_open_round_is_refused_inside_the_opening_transaction(any_store):
    ws = draft(any_store)
    first = db.add_round(any_store, ws.id, "dots", {"dots": 3, "max_per_item": 2})
    second = db.add_round(any_store, ws.id, "dots", {"dots": 4, "max_per_item": 2})
    db.set_round_status(any_store, first.id, "open", close_others=True)
    with pytest.raises(RoundAlreadyOpenError):
        db.set_round_status(any_store, second.id, "open", close_others=True, refuse_if_open=RoundAlreadyOpenError())
    assert [(r.id, r.status) for r in db.list_rounds(any_store, ws.id)] == [(first.id, "open"), (second.id, "draft")]


# --- facilitator sessions -------------------------------------------------------------

SECRET = "ab" * 32


def test_a_session_is_valid_for_a_working_day_and_no_longer():
    token = sessions.issue(SECRET, "segreto", now=1_000_000)
    assert sessions.valid(token, SECRET, "segreto", now=1_000_000 + 11 * 3600)
    assert not sessions.valid(token, SECRET, "segreto", now=1_000_000 + sessions.SESSION_HOURS * 3600 + 1)
    assert sessions.expires_at(token) == 1_000_000 + sessions.SESSION_HOURS * 3600
    assert "segreto" not in token and SECRET not in token


@pytest.mark.parametrize(
    "change",
    [
        lambda tok: tok[:-1] + ("0" if tok[-1] != "0" else "1"),  # signature altered
        lambda tok: tok.replace(tok.split(".")[1], str(int(tok.split(".")[1]) + 86400)),  # expiry pushed
        lambda tok: "v2" + tok[2:],
        lambda tok: "",
        lambda tok: "x" * 5000,
        lambda tok: "v1.abc.def.ghi",
    ],
)
def test_a_forged_or_malformed_session_is_refused(change):
    token = sessions.issue(SECRET, "segreto")
    assert not sessions.valid(change(token), SECRET, "segreto")


def test_changing_the_password_or_the_secret_ends_every_session():
    token = sessions.issue(SECRET, "segreto")
    assert sessions.valid(token, SECRET, "segreto")
    assert not sessions.valid(token, SECRET, "nuova-password")
    assert not sessions.valid(token, "cd" * 32, "segreto")
    assert w.resume_session(token, SECRET, "segreto") == w.Actor(w.Role.FACILITATOR, "session")
    assert w.resume_session(token, SECRET, "") is None


def test_no_session_without_a_password():
    with pytest.raises(ValueError):
        sessions.issue(SECRET, "")


def test_the_server_secret_is_created_once_and_shared_by_processes(any_store):
    first = meta.server_secret(any_store, "sessions.facilitatore")
    other = Store(any_store.url, migrate=False)
    try:
        assert meta.server_secret(other, "sessions.facilitatore") == first
    finally:
        other.close()
    assert len(first) == 64 and meta.server_secret(any_store, "altro") != first


# --- the long poll ----------------------------------------------------------------------


class FakeRoom:
    """Room versions in memory, counting the reads (one per refresh, whatever the waiters)."""

    def __init__(self, versions):
        self.versions = dict(versions)
        self.reads = []

    def __call__(self, codes):
        self.reads.append(sorted(codes))
        return {c: self.versions[c] for c in codes if c in self.versions}


def test_three_hundred_waiting_phones_cost_one_read_per_refresh_and_wake_together():
    from cantiere.ui.live_routes import RoomWatch

    room = FakeRoom({"ABC234": 3, "XYZ789": 1})
    watch = RoomWatch(room, interval=0.05)

    async def scenario():
        waiters = [asyncio.create_task(watch.wait_newer("ABC234", 3, hold=5)) for _ in range(300)]
        other = asyncio.create_task(watch.wait_newer("XYZ789", 1, hold=5))
        await asyncio.sleep(0.3)
        assert not any(task.done() for task in waiters)
        reads_while_idle = len(room.reads)
        room.versions["ABC234"] = 4  # the facilitator opens the vote
        woken = await asyncio.wait_for(asyncio.gather(*waiters), 2)
        assert not other.done()  # another workshop's phones stay put
        room.versions["XYZ789"] = 2
        assert await asyncio.wait_for(other, 2) == 2
        return woken, reads_while_idle

    woken, reads_while_idle = run_async(scenario())
    assert woken == [4] * 300
    # ~6 refreshes in 0.3 s (plus the first read of each code), never one per phone
    assert 2 <= reads_while_idle <= 12
    assert all(codes in (["ABC234"], ["XYZ789"], ["ABC234", "XYZ789"]) for codes in room.reads)
    assert watch.held == 0 and not watch.waiting


def test_a_phone_with_an_old_version_is_answered_at_once_and_an_unknown_code_is_gone():
    from cantiere.ui.live_routes import RoomWatch

    watch = RoomWatch(FakeRoom({"ABC234": 7}), interval=0.05)

    async def scenario():
        return (
            await asyncio.wait_for(watch.wait_newer("ABC234", 5, hold=5), 1),
            await asyncio.wait_for(watch.wait_newer("NOPE22", 0, hold=5), 1),
            await asyncio.wait_for(watch.wait_newer("ABC234", 7, hold=0.2), 1),  # nothing new: back after the hold
        )

    assert run_async(scenario()) == (7, None, 7)


def test_a_change_made_in_this_process_wakes_its_phones_without_waiting_for_the_tick():
    from cantiere.ui.live_routes import RoomWatch

    room = FakeRoom({"ABC234": 1})
    watch = RoomWatch(room, interval=30)  # the tick alone would take 30 s

    async def scenario():
        waiter = asyncio.create_task(watch.wait_newer("ABC234", 1, hold=20))
        await asyncio.sleep(0.1)
        room.versions["ABC234"] = 2
        started = time.monotonic()
        await asyncio.to_thread(watch.poke)  # from another thread, as a facilitator's script run does
        result = await asyncio.wait_for(waiter, 5)
        return result, time.monotonic() - started

    result, waited = run_async(scenario())
    assert result == 2 and waited < 5


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/live/ABC234", "v=abc"),
        ("/api/live/" + "A" * 40, "v=1"),
        ("/api/live/PERCHÈ", "v=1"),
        ("/api/live/", "v=1"),
    ],
)
def test_bad_requests_are_refused_at_once(path, query):
    from cantiere.ui import live_routes

    response = _call(live_routes.live_version, path, query)
    assert response.status_code == 400 and response.headers["cache-control"] == "no-store"


def test_the_route_answers_the_version_and_gone(monkeypatch):
    from cantiere.ui import live_routes

    monkeypatch.setattr(live_routes, "_watch", live_routes.RoomWatch(FakeRoom({"ABC234": 4}), interval=0.05))
    assert json.loads(_call(live_routes.live_version, "/api/live/abc234", "v=3").body) == {"v": 4}
    assert json.loads(_call(live_routes.live_version, "/api/live/QQQQQQ", "v=3").body) == {"gone": True}


def test_the_session_route_sets_an_httponly_cookie_only_for_a_valid_session(app_env):
    from cantiere.ui import live, live_routes

    token = live.new_session()
    header = [(live.CSRF_HEADER, "1")]
    ok = _call(live_routes.keep_session, "/api/sessione", method="POST", body=token.encode(), headers=header)
    assert ok.status_code == 204
    cookie = ok.headers["set-cookie"]
    assert cookie.startswith(f"{live.SESSION_COOKIE}={token};")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Max-Age=" in cookie
    forged = token[:-2] + "00"
    refused = _call(live_routes.keep_session, "/api/sessione", method="POST", body=forged.encode(), headers=header)
    assert refused.status_code == 403 and "set-cookie" not in refused.headers
    # without the custom header (a cross-site form): refused, even with a good token
    assert _call(live_routes.keep_session, "/api/sessione", method="POST", body=token.encode()).status_code == 403
    out = _call(live_routes.forget_session, "/api/sessione/esci", method="POST", headers=header)
    assert out.status_code == 204 and "Max-Age=0" in out.headers["set-cookie"]
