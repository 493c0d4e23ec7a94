"""One person, one vote as far as an account-free room allows (issue 17).

The finding: opening ``/partecipa?code=X`` without ``&p=``, tapping «Entra»
and voting, in a loop, gave 30 confirmed ballots in 11.7 s from one script;
the same route multiplied «Anch'io» and pins. Now joins and every participant
action are limited per client address (in memory) and per participant, and
wrong passwords and join codes slow the next attempt.
"""

from __future__ import annotations

import logging
import time

import pytest

from cantiere import ratelimit
from cantiere.store import workshops as db
from cantiere.ui import guard
from cantiere.ui import workshop_partecipa as part_ui
from cantiere.workshop_errors import WrongCodeError
from tests.app.test_workshop_flow import click, env, login, page, texts, voting_workshop  # noqa: F401  (env: fixture)
from tests.routes import send_vote

ADDRESS = "192.0.2.7"  # one phone, one script (TEST-NET-1)


@pytest.fixture
def one_client(monkeypatch):
    """Every AppTest session comes from the same address, as a script's sessions do."""
    monkeypatch.setattr(guard, "client_address", lambda: ADDRESS)
    return ADDRESS


@pytest.fixture
def clock(monkeypatch):
    """Time of the limiter, moved by hand."""
    now = {"t": 1000.0}
    monkeypatch.setattr(ratelimit, "_clock", lambda: now["t"])
    return now


def test_thirty_sessions_join_and_vote_in_a_loop_are_held_to_the_limit(env, one_client, capsys):
    ws, rnd, items = voting_workshop(env)
    limit = ratelimit.LIMITS["join"][1].count
    confirmed, refused = 0, []
    started = time.perf_counter()
    for _ in range(30):
        at = page("partecipa", code=ws.code)  # a new session: no cookie, no &p= (opening it is joining)
        if "p" not in at.query_params:
            refused.append(texts(at, "error"))
            continue
        confirmed += send_vote(at, rnd.id, {items[0].id: 2}) == (
            200,
            "Voto registrato. Puoi cambiarlo finché la votazione è aperta.",
        )
    elapsed = time.perf_counter() - started
    assert confirmed == limit == len(db.list_ballots(env, rnd.id)) == db.count_participants(env, ws.id)
    assert len(refused) == 30 - limit
    assert all(any(m.startswith("Stai andando troppo veloce (ingressi): aspetta") for m in e) for e in refused), (
        refused[0]
    )
    print(refused[0])
    with capsys.disabled():
        print(
            f"\n30 sessions from one address: {confirmed} ballots confirmed, {len(refused)} joins refused "
            f"({elapsed:.1f} s)"
        )


def test_another_address_still_joins_while_one_is_held(env, monkeypatch):
    ws, rnd, items = voting_workshop(env)
    monkeypatch.setattr(guard, "client_address", lambda: ADDRESS)
    for _ in range(ratelimit.LIMITS["join"][1].count):
        guard.join(env, ws.code)
    with pytest.raises(ratelimit.RateLimitedError):
        guard.join(env, ws.code)
    monkeypatch.setattr(guard, "client_address", lambda: "192.0.2.8")
    assert guard.join(env, ws.code)[1].token


def test_limits_per_participant_and_per_client(clock):
    per_participant, per_client = ratelimit.LIMITS["comment"]
    for _ in range(per_participant.count):
        ratelimit.check("comment", participant="tok-a", client="192.0.2.7")
    with pytest.raises(ratelimit.RateLimitedError) as info:
        ratelimit.check("comment", participant="tok-a", client="192.0.2.7")
    assert "aspetta" in info.value.message("it") and "commenti" in info.value.message("it")
    # a new participant from the same phone: its own window, until the client's fills up
    for _ in range(per_client.count - per_participant.count):
        ratelimit.check("comment", participant=f"tok-{_}", client="192.0.2.7")
    with pytest.raises(ratelimit.RateLimitedError):
        ratelimit.check("comment", participant="tok-new", client="192.0.2.7")
    clock["t"] += per_client.seconds + 1  # a minute later the room writes again
    ratelimit.check("comment", participant="tok-a", client="192.0.2.7")


def test_me_too_on_one_proposal_is_bounded_per_client_whoever_the_participant(monkeypatch):
    monkeypatch.setattr(guard, "client_address", lambda: ADDRESS)
    allowed = ratelimit.LIMITS["support_one"][1].count
    for n in range(allowed):
        guard.allow_support(f"tok-{n}", 7)
    with pytest.raises(ratelimit.RateLimitedError):
        guard.allow_support("tok-new", 7)
    guard.allow_support("tok-new", 8)  # another proposal


def test_this_machine_has_no_client_limit_only_participant_limits():
    for n in range(100):  # benchmarks and browser tests run from localhost
        ratelimit.check("join", client=None)
        ratelimit.check("vote", participant=f"tok-{n}", client=None)


def test_memory_stays_bounded(monkeypatch):
    monkeypatch.setattr(ratelimit, "_WINDOWS", ratelimit._Windows(max_keys=100))
    for n in range(1000):
        ratelimit.check("join", client=f"10.0.{n // 256}.{n % 256}")
    assert len(ratelimit._WINDOWS) == 100


def test_twenty_wrong_passwords_slow_the_next_attempt(env, clock, caplog):
    at = page("facilitazione")
    caplog.set_level(logging.WARNING, logger="cantiere.security")
    for n in range(20):
        login(at, f"tentativo-{n}")
        clock["t"] += 0.05  # 20 a second, as the finding
    errors = texts(at, "error")
    assert errors and errors[0].startswith("Troppi tentativi sbagliati da questo dispositivo: aspetta")
    login(at)  # the right password, right after: still waits
    assert texts(at, "error")[0].startswith("Troppi tentativi")
    assert "facilitazione.logout" not in [b.key for b in at.button]  # not logged in
    assert ratelimit.throttle_wait("password", None) > 0
    failures = [r.getMessage() for r in caplog.records if r.name == "cantiere.security"]
    assert len(failures) == ratelimit.FREE_FAILURES["password"]  # throttled attempts are not even checked
    assert not any("tentativo" in m for m in failures)  # never the typed text
    clock["t"] += ratelimit.MAX_WAIT + 1
    login(at)
    assert texts(at, "error") == []
    assert ratelimit.throttle_wait("password", None) == 0  # the right password forgets the failures


def test_waits_double_after_the_free_failures(clock):
    free = ratelimit.FREE_FAILURES["password"]
    for _ in range(free):
        ratelimit.failed("password", "192.0.2.7")
    assert ratelimit.throttle_wait("password", "192.0.2.7") == ratelimit.FIRST_WAIT
    waits = []
    for _ in range(8):
        clock["t"] += ratelimit.throttle_wait("password", "192.0.2.7")
        ratelimit.check_secret("password", "192.0.2.7")
        ratelimit.failed("password", "192.0.2.7")
        waits.append(ratelimit.throttle_wait("password", "192.0.2.7"))
    assert waits[:4] == [4.0, 8.0, 16.0, 32.0] and max(waits) == ratelimit.MAX_WAIT
    assert ratelimit.throttle_wait("password", "192.0.2.9") == 0  # another client is not slowed


def test_join_code_guesses_slow_down(env, clock):
    voting_workshop(env)
    for n in range(ratelimit.FREE_FAILURES["code"]):
        with pytest.raises(WrongCodeError):
            guard.find_workshop(env, f"ZZZ{n:03d}")
    at = page("partecipa", code="ZZZ999")
    assert texts(at, "error")[0].startswith("Troppi tentativi sbagliati da questo dispositivo")
