"""How people enter a workshop (issue 17): the workshop's code, or a stricter
code that changes on the projector every ``ROTATE_SECONDS``, so that only
people in the room (who see the screen) can join.

In the rotating mode the join link and the code on the projector carry a
4-digit key: ``HMAC(server secret, code:window)`` where the window is the
clock divided by ``ROTATE_SECONDS``; a key of the current or the previous
window is accepted (a code read just before it changes still works for
another window). A phone that joined stays the same participant (cookie,
link): the key is asked only to *join*. Wrong keys count as code guesses
(``ratelimit``). The mode is kept per workshop in ``app_meta``; the minutes
state it, whatever it is (``describe``).
"""

from __future__ import annotations

import hashlib
import hmac
import time

from cantiere import workshop as w
from cantiere.errors import UnknownNameError
from cantiere.store import Store, meta
from cantiere.workshop_errors import WorkshopError

FIXED, ROTATING = "codice", "codice_a_tempo"
MODES = (FIXED, ROTATING)
ROTATE_SECONDS = 45
KEY_DIGITS = 4
SECRET_NAME = "entry.rotating_key"


class EntryKeyError(WorkshopError):
    """The rotating part of a join code is missing or no longer valid."""

    key = "entry.error.key"


def _meta_name(workshop_id: int) -> str:
    return f"entry.mode.{workshop_id}"


MODE_TTL_S = 1.0  # a room joining at once reads the mode once per second and process
_modes: dict[tuple[str, int], tuple[float, str]] = {}


def mode(store: Store, workshop_id: int) -> str:
    """The entry mode of a workshop (FIXED unless a facilitator chose otherwise).
    Read at most once per ``MODE_TTL_S`` per process (issue 16: one read per
    join was 6 % of a join's page run); a change made here counts at once, one
    made by another process within that second."""
    key, now = (store.url, workshop_id), time.monotonic()
    hit = _modes.get(key)
    if hit is not None and now - hit[0] < MODE_TTL_S:
        return hit[1]
    found = meta.get_value(store, _meta_name(workshop_id))
    chosen = found if found in MODES else FIXED
    if len(_modes) > 1024:  # workshops of the past: forget them
        _modes.clear()
    _modes[key] = (now, chosen)
    return chosen


def set_mode(store: Store, actor: w.Actor, workshop_id: int, chosen: str) -> str:
    """Choose how people enter ``workshop_id``. PermissionDeniedError, UnknownNameError (lists the modes)."""
    w.require_facilitator(actor)
    if chosen not in MODES:
        raise UnknownNameError("thing.entry_mode", chosen, MODES)
    meta.set_value(store, _meta_name(workshop_id), chosen)
    _modes.pop((store.url, workshop_id), None)
    return chosen


def window(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // ROTATE_SECONDS)


def seconds_left(now: float | None = None) -> int:
    """Seconds before the key on the projector changes."""
    now = time.time() if now is None else now
    return int(ROTATE_SECONDS - now % ROTATE_SECONDS) or ROTATE_SECONDS


def key_for(secret: str, code: str, at_window: int) -> str:
    """The 4-digit key of workshop ``code`` in window ``at_window``."""
    digest = hmac.new(secret.encode(), f"{code}:{at_window}".encode(), hashlib.sha256).digest()
    return str(int.from_bytes(digest[:8], "big") % 10**KEY_DIGITS).zfill(KEY_DIGITS)


def current_key(secret: str, code: str, now: float | None = None) -> str:
    return key_for(secret, code, window(now))


def key_valid(secret: str, code: str, key: str, now: float | None = None) -> bool:
    """True for the key of the current or the previous window."""
    key = "".join(ch for ch in str(key or "") if ch.isdigit())
    if len(key) != KEY_DIGITS:
        return False
    current = window(now)
    return any(hmac.compare_digest(key, key_for(secret, code, n)) for n in (current, current - 1))


def split_typed(text: str) -> tuple[str, str]:
    """A typed code: the workshop's code and what follows it ("ABC234 5821" → ("ABC234", "5821"))."""
    clean = w.normalize_code(text)
    return clean[: w.CODE_LENGTH], clean[w.CODE_LENGTH :]


def check_entry(store: Store, secret: str, workshop, key: str, now: float | None = None) -> None:
    """Raise EntryKeyError when ``workshop`` asks for a rotating key and ``key`` is not valid now."""
    if mode(store, workshop.id) == ROTATING and not key_valid(secret, workshop.code, key, now):
        raise EntryKeyError(seconds=ROTATE_SECONDS)


def describe(store: Store, workshop_id: int, lang: str = "it") -> str:
    """The sentence of the minutes that says how people entered."""
    from cantiere.i18n import translate

    return translate(f"entry.minutes.{mode(store, workshop_id)}", lang, seconds=ROTATE_SECONDS)
