"""Rate limits and throttled secrets, in memory only (issue 17).

An account-free room cannot prove who is a person; it can keep one browser,
one address, from acting faster than a person does. Every action a
participant takes is counted per participant (their token) **and** per client
address, in sliding windows kept in this process's memory: nothing is ever
written to the database or a log, and a restart forgets everything (an
address is personal data; the design stores none, docs/sviluppo.md §5).

``check(action, participant=…, client=…)`` records one attempt, or raises
:class:`RateLimitedError` (an Italian message with the seconds to wait)
without recording it. ``failed``/``throttle_wait`` slow down guessing of
secrets (the facilitator password, join codes): after a few failures from one
address, every further attempt waits, doubling up to a cap, until a window
passes without failures.

The client address is the one the web server saw (``st.context.ip_address``),
which uvicorn takes from ``X-Forwarded-For`` only when the connection comes
from the local proxy (its ``forwarded_allow_ips`` default, 127.0.0.1 and ::1:
the room kit's nginx). A connection from this machine itself (``None``: the
facilitator's laptop, the benchmarks, the browser tests) has no per-client
limit; per-participant limits still apply.

One process-wide limiter is deliberate: limits are about the whole room, and
several app processes (``serve --processes``) each keep their own, so the
effective per-client figure is at most processes × limit (sticky sessions
keep one phone on one process anyway).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass

from cantiere.errors import CantiereError


class RateLimitedError(CantiereError):
    """Too many actions of one kind from one participant or one address: wait and retry."""

    key = "limits.too_fast"
    key_params = ("action",)


class ThrottledError(CantiereError):
    """Too many wrong passwords or join codes from one address: the next attempt must wait."""

    key = "limits.throttled"


@dataclass(frozen=True)
class Limit:
    """At most ``count`` actions in any ``seconds`` window."""

    count: int
    seconds: float


# action -> (limit per participant, limit per client address). A person in a room
# votes a few times, writes a comment a minute at most; the client limits allow a
# shared phone («Non sei tu?») handed round a table of eight.
LIMITS: dict[str, tuple[Limit | None, Limit]] = {
    "join": (None, Limit(8, 300)),  # new participants per address: 8 in 5 minutes
    "vote": (Limit(20, 60), Limit(40, 60)),
    "pin": (Limit(10, 60), Limit(20, 60)),
    "support": (Limit(20, 60), Limit(40, 60)),
    "support_one": (None, Limit(3, 600)),  # «Anch'io» on one proposal, per address (any participant)
    "comment": (Limit(4, 60), Limit(10, 60)),
    "proposal": (Limit(3, 60), Limit(6, 60)),
}

# secrets: failures per address before every attempt waits, the window that forgets
# them, the first wait and the longest one (doubling in between)
FREE_FAILURES = {"password": 5, "code": 10}
FAILURE_WINDOW = 900.0
FIRST_WAIT = 2.0
MAX_WAIT = 60.0

MAX_KEYS = 50_000  # windows kept at most (oldest dropped first): memory stays bounded

_clock = time.monotonic  # replaced by tests that move time forward


class _Windows:
    """Sliding windows of timestamps by key, bounded in number, thread-safe."""

    def __init__(self, max_keys: int = MAX_KEYS) -> None:
        self._lock = threading.Lock()
        self._windows: OrderedDict[tuple, deque] = OrderedDict()
        self._max_keys = max_keys

    def _window(self, key: tuple) -> deque:
        window = self._windows.get(key)
        if window is None:
            window = self._windows[key] = deque()
            while len(self._windows) > self._max_keys:
                self._windows.popitem(last=False)
        else:
            self._windows.move_to_end(key)
        return window

    def wait(self, key: tuple, limit: Limit, now: float) -> float:
        """Seconds before one more action fits ``limit`` (0: it fits now)."""
        with self._lock:
            window = self._windows.get(key)
            if window is None:
                return 0.0
            while window and window[0] <= now - limit.seconds:
                window.popleft()
            if len(window) < limit.count:
                return 0.0
            return window[-limit.count] + limit.seconds - now

    def add(self, key: tuple, now: float, keep: float) -> int:
        """Record one event at ``now`` (events older than ``keep`` seconds are forgotten); the count kept."""
        with self._lock:
            window = self._window(key)
            while window and window[0] <= now - keep:
                window.popleft()
            window.append(now)
            return len(window)

    def count(self, key: tuple, now: float, keep: float) -> int:
        with self._lock:
            window = self._windows.get(key)
            if window is None:
                return 0
            while window and window[0] <= now - keep:
                window.popleft()
            return len(window)

    def forget(self, key: tuple) -> None:
        with self._lock:
            self._windows.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._windows.clear()

    def __len__(self) -> int:
        return len(self._windows)


_WINDOWS = _Windows()  # process-wide on purpose (see the module docstring)
_FAILURES = _Windows()
_LAST_TRY: dict[tuple, float] = {}


def reset() -> None:
    """Forget every window (tests; a restart does the same)."""
    _WINDOWS.clear()
    _FAILURES.clear()
    _LAST_TRY.clear()


def check(action: str, *, participant: str | None = None, client: str | None = None, now: float | None = None) -> None:
    """Count one ``action`` of ``participant`` (a token) from ``client`` (an
    address; None: this machine, not limited per client), or raise
    RateLimitedError (nothing counted) when either is over its limit."""
    per_participant, per_client = LIMITS[action]
    now = _clock() if now is None else now
    keys = []
    if per_participant is not None and participant:
        keys.append((("p", action, participant), per_participant))
    if client:
        keys.append((("c", action, client), per_client))
    wait = max((_WINDOWS.wait(key, limit, now) for key, limit in keys), default=0.0)
    if wait > 0:
        raise RateLimitedError(action=f"limits.action.{action}", seconds=max(1, round(wait + 0.5)))
    for key, limit in keys:
        _WINDOWS.add(key, now, limit.seconds)


def throttle_wait(secret: str, client: str | None, now: float | None = None) -> float:
    """Seconds ``client`` must still wait before trying ``secret`` ("password",
    "code") again: 0 until FREE_FAILURES failures in FAILURE_WINDOW, then
    FIRST_WAIT after the last attempt, doubling with each further failure up to MAX_WAIT."""
    key = (secret, client or "")
    now = _clock() if now is None else now
    failures = _FAILURES.count(key, now, FAILURE_WINDOW)
    extra = failures - FREE_FAILURES[secret]
    if extra < 0:
        return 0.0
    wait = min(MAX_WAIT, FIRST_WAIT * 2**extra)
    return max(0.0, _LAST_TRY.get(key, now - wait) + wait - now)


def check_secret(secret: str, client: str | None, now: float | None = None) -> None:
    """Raise ThrottledError when ``client`` must wait before trying ``secret`` again."""
    wait = throttle_wait(secret, client, now)
    if wait > 0:
        raise ThrottledError(seconds=max(1, round(wait + 0.5)))


def failed(secret: str, client: str | None, now: float | None = None) -> int:
    """Record a wrong ``secret`` from ``client``; the failures counted in the window."""
    key = (secret, client or "")
    now = _clock() if now is None else now
    _LAST_TRY[key] = now
    if len(_LAST_TRY) > MAX_KEYS:
        _LAST_TRY.pop(next(iter(_LAST_TRY)))
    return _FAILURES.add(key, now, FAILURE_WINDOW)


def succeeded(secret: str, client: str | None) -> None:
    """The right secret: forget the failures of ``client``."""
    key = (secret, client or "")
    _FAILURES.forget(key)
    _LAST_TRY.pop(key, None)
