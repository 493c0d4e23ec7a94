"""HTTP routes of the live room, mounted by ``st.App`` in ``app.py`` (issue 13).

- ``GET /api/live/<code>?v=<version>``: the room version of a workshop, held
  (long poll) until it is newer than ``v`` or ``HOLD_S`` seconds pass. Every
  phone of the room waits here instead of rerunning its page. The versions come
  from the database, read by **one query per half second per process** for every
  code someone is waiting on (``RoomWatch``), so several processes
  (``python -m cantiere serve --processes N``) and hosts stay in step.
  Answer: ``{"v": <version>}``, or ``{"gone": true}`` for a code that is not
  (or no longer) a workshop.
- ``POST /api/sessione`` (body: a signed facilitator session,
  ``cantiere.sessions``): stores it in an HttpOnly, SameSite=Strict cookie if the
  signature and expiry are right; ``POST /api/sessione/esci`` deletes it. Both
  need the ``X-Cantiere`` header (a cross-site form cannot send one).

Bounded: at most ``MAX_WAITING`` requests held per process and ``MAX_CODES``
workshops watched; beyond that the answer is immediate and the browser asks again
later. Nothing here renders participant data.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from cantiere.i18n import LANGUAGES

log = logging.getLogger("cantiere.live")

HOLD_S = 25.0  # under nginx's and phones' idle timeouts; ~12 requests/s for 300 idle phones
REFRESH_S = 0.5  # two queries per second per process while someone waits: a change made
# in another process reaches a room within half a second (issue 16: the room's follow p95 ≤ 1 s)
IDLE_STOP_S = 30.0  # the watcher stops after this long with nobody waiting
MAX_WAITING = 5000
MAX_CODES = 500
MAX_CODE_CHARS = 12
NO_STORE = {"Cache-Control": "no-store"}


class RoomWatch:
    """The room versions of the workshops someone waits on, in one process.

    ``read(codes) -> {code: version}`` is called in a worker thread at most once
    per ``interval`` seconds, for every watched code at once; waiters wake when
    a refresh lands. Created lazily on the server's event loop."""

    def __init__(self, read: Callable[[list[str]], dict[str, int]], interval: float = REFRESH_S):
        self.read = read
        self.interval = interval
        self.versions: dict[str, int | None] = {}
        self.waiting: Counter[str] = Counter()
        self.reads = 0
        self._changed: asyncio.Event | None = None
        self._task: asyncio.Task | None = None
        self._first: dict[str, asyncio.Future] = {}  # a first read in flight, per code
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None

    @property
    def held(self) -> int:
        return sum(self.waiting.values())

    async def _read(self, codes: list[str]) -> dict[str, int] | None:
        self.reads += 1
        try:
            return await asyncio.to_thread(self.read, codes)
        except Exception:  # the database is away for a moment: keep the last versions
            log.exception("room versions could not be read")
            return None

    def poke(self) -> None:
        """Read the versions now rather than at the next tick: called (from any
        thread) right after this process changed a room, so its phones hear of
        it at once; other processes hear of it within ``interval``."""
        if self._loop is not None and self._wake is not None:
            try:
                self._loop.call_soon_threadsafe(self._wake.set)
            except RuntimeError:  # the loop has closed (shutdown)
                pass

    async def _run(self) -> None:
        idle_since = time.monotonic()
        while True:
            try:
                await asyncio.wait_for(self._wake.wait(), self.interval)
            except TimeoutError:
                pass
            self._wake.clear()
            codes = sorted(self.waiting)
            if not codes:
                if time.monotonic() - idle_since > IDLE_STOP_S:
                    self._task = None
                    return
                continue
            idle_since = time.monotonic()
            fresh = await self._read(codes)
            if fresh is None:
                continue
            for code in list(self.versions):
                if code not in self.waiting:
                    del self.versions[code]  # bounded: only what someone waits on
            for code in codes:
                self.versions[code] = fresh.get(code)
            changed, self._changed = self._changed, asyncio.Event()
            changed.set()

    def _ensure_running(self) -> None:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # first use (or a new loop: tests run one per call)
            self._changed, self._wake, self._loop, self._task = asyncio.Event(), asyncio.Event(), loop, None
            self._first.clear()
        if self._task is None or self._task.done():
            self._task = self._loop.create_task(self._run())

    async def current(self, code: str) -> int | None:
        """The version of ``code`` (None: no such workshop), read now if nobody
        watches it yet; phones arriving together share that one read."""
        if code in self.versions:
            return self.versions[code]
        pending = self._first.get(code)
        if pending is None:
            pending = self._first[code] = asyncio.get_running_loop().create_task(self._read([code]))
            pending.add_done_callback(lambda _: self._first.pop(code, None))
        fresh = await asyncio.shield(pending)
        if fresh is None:
            raise ConnectionError("room versions unavailable")
        self.versions.setdefault(code, fresh.get(code))
        return self.versions[code]

    async def wait_newer(self, code: str, known: int, hold: float = HOLD_S) -> int | None:
        """The version of ``code`` as soon as it is newer than ``known``, or after
        ``hold`` seconds whatever it is; None when the workshop does not exist."""
        self._ensure_running()
        self.waiting[code] += 1
        try:
            current = await self.current(code)
            deadline = time.monotonic() + hold
            while current is not None and current <= known:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                changed = self._changed
                try:
                    await asyncio.wait_for(changed.wait(), remaining)
                except TimeoutError:
                    break
                current = self.versions.get(code, current)
            return current
        finally:
            self.waiting[code] -= 1
            if self.waiting[code] <= 0:
                del self.waiting[code]


def _clean_code(raw: str) -> str | None:
    code = "".join(ch for ch in str(raw or "").upper() if ch.isalnum())
    return code if code and len(code) <= MAX_CODE_CHARS and code.isascii() else None


def _read_versions(codes: Iterable[str]) -> dict[str, int]:
    from cantiere.store import workshops as db
    from cantiere.ui import get_store

    return db.room_versions(get_store(), codes)


_watch: RoomWatch | None = None


def watch() -> RoomWatch:
    """This process's RoomWatch (one per process: the routes run on one event loop)."""
    global _watch  # noqa: PLW0603  (one per process, by design; holds no user data)
    if _watch is None:
        _watch = RoomWatch(_read_versions)
    return _watch


async def live_version(request: Request) -> Response:
    code = _clean_code(request.path_params.get("code", ""))
    try:
        known = int(request.query_params.get("v", "-1"))
    except ValueError:
        known = None
    if code is None or known is None:
        return JSONResponse({"error": "code or version not valid"}, status_code=400, headers=NO_STORE)
    room = watch()
    if room.held >= MAX_WAITING or (code not in room.waiting and len(room.waiting) >= MAX_CODES):
        # too many held here: answer now with what is known; the browser asks again
        return JSONResponse({"v": known, "busy": True}, headers=NO_STORE)
    try:
        # a little jitter, so that a room which joined together does not come back together
        current = await room.wait_newer(code, known, HOLD_S * random.uniform(0.8, 1.0))
    except ConnectionError:
        return JSONResponse({"error": "database unavailable"}, status_code=503, headers=NO_STORE)
    if current is None:
        return JSONResponse({"gone": True}, headers=NO_STORE)
    from cantiere.ui.live import PARTICIPANT_HEADER

    language = request.query_params.get("screen")
    token = request.headers.get(PARTICIPANT_HEADER, "")[:200]
    if current > known and language in LANGUAGES and token:  # a participant's phone that draws the next screen
        try:
            screen = await screens().get(code, current, language) if await _participant_of(code, token) else None
        except Exception:  # the database is away for a moment: the phone reruns its page instead
            log.exception("room screen could not be read")
            screen = None
        if screen is not None:
            return Response(
                b'{"v":%d,"screen":%s}' % (current, screen), media_type="application/json", headers=NO_STORE
            )
    return JSONResponse({"v": current}, headers=NO_STORE)


class RoomScreens:
    """The screen a room shows at a version, as the JSON its phones draw
    (``methods.room_screen``), made once per process, language and version:
    a room that follows together shares one read and one encoding."""

    def __init__(self, build: Callable[[str, str], dict | None]):
        self.build = build
        self._made: dict[tuple[str, int, str], asyncio.Future] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    async def get(self, code: str, version: int, language: str) -> bytes | None:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # first use (or a new loop: tests run one per call)
            self._loop, self._made = loop, {}
        key = (code, version, language)
        made = self._made.get(key)
        if made is None or (made.done() and made.exception() is not None):
            if len(self._made) > MAX_CODES:
                self._made.clear()  # past versions: forget them
            made = self._made[key] = asyncio.ensure_future(asyncio.to_thread(self._encoded, code, language))
        return await asyncio.shield(made)

    def _encoded(self, code: str, language: str) -> bytes | None:
        screen = self.build(code, language)
        return None if screen is None else json.dumps(screen, ensure_ascii=False, separators=(",", ":")).encode()


async def _participant_of(code: str, token: str) -> bool:
    """Is ``token`` a participant of workshop ``code``? The screen (titles and
    figures) goes to the room's phones only, not to whoever knows a code; a
    token once found (or shown its page here: ``live.known_participant``) is
    remembered, so a room that moves asks the database nothing."""
    from cantiere.ui import live

    if live.is_known_participant(code, token):
        return True

    def lookup() -> bool:
        from cantiere.store import workshops as db
        from cantiere.ui import get_store

        store = get_store()
        who = db.participant_by_token(store, token)
        workshop = db.workshop_by_code(store, code) if who is not None else None
        return workshop is not None and who.workshop_id == workshop.id

    if not await asyncio.to_thread(lookup):
        return False
    live.known_participant(code, token)
    return True


def _room_screen(code: str, language: str) -> dict | None:
    from cantiere.store import workshops as db
    from cantiere.ui import get_store, methods

    store = get_store()
    workshop = db.workshop_by_code(store, code)
    return None if workshop is None else methods.room_screen(store, workshop, language)


_screens: RoomScreens | None = None


def screens() -> RoomScreens:
    """This process's RoomScreens (one per process, like ``watch``)."""
    global _screens  # noqa: PLW0603  (one per process, by design; the same for every phone)
    if _screens is None:
        _screens = RoomScreens(_room_screen)
    return _screens


# --- a ballot from a screen the browser draws ---------------------------------------


MAX_BALLOT_BYTES = 16_384  # a dots ballot of 100 priorities is ~2 KB


def _vote(token: str, round_id: int, ballot: dict, language: str, client: str | None) -> tuple[int, dict]:
    """Store the ballot (worker thread): the same checks as the page's «Invia il
    voto» (participant, rate limit, the core's one write transaction)."""
    from cantiere import ratelimit
    from cantiere import workshop as w
    from cantiere.errors import CantiereError
    from cantiere.i18n import translate
    from cantiere.store import workshops as db
    from cantiere.ui import get_store
    from cantiere.workshop_errors import RoundNotOpenError, UnknownParticipantError

    store = get_store()
    try:
        who = db.participant_by_token(store, token) if token else None
        if who is None:
            raise UnknownParticipantError()
        ratelimit.check("vote", participant=token, client=client)
        _, replaced = w.cast_ballot(store, who, round_id, ballot)
    except RoundNotOpenError:
        return 409, {"error": translate("live.vote_too_late", language), "moved": True}
    except CantiereError as exc:
        return 400, {"error": exc.message(language)}
    return 200, {"ok": translate("partecipa.vote_replaced" if replaced else "partecipa.vote_saved", language)}


async def cast_vote(request: Request) -> Response:
    """``POST /api/voto`` ``{"p": token, "round": id, "ballot": {...}, "lang": "it"}``:
    the answer is ``{"ok": text}`` or ``{"error": text}`` in that language
    (plain text: the browser sets it as text). Nothing is stored unless all is right."""
    from cantiere.i18n import translate
    from cantiere.ui.live import CSRF_HEADER

    if request.headers.get(CSRF_HEADER) != "1":
        return Response(status_code=403, headers=NO_STORE)
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BALLOT_BYTES:
            return JSONResponse({"error": translate("live.vote_bad", "it")}, status_code=413, headers=NO_STORE)
    try:
        sent = json.loads(body)
        language = sent.get("lang") if sent.get("lang") in LANGUAGES else "it"
        token, round_id, ballot = str(sent["p"])[:200], int(sent["round"]), sent["ballot"]
        if not isinstance(ballot, dict) or isinstance(sent["round"], bool):
            raise TypeError
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):  # "[[[…" nested past Python's depth
        return JSONResponse({"error": translate("live.vote_bad", "it")}, status_code=400, headers=NO_STORE)
    status, answer = await asyncio.to_thread(_vote, token, round_id, ballot, language, _client(request))
    return JSONResponse(answer, status_code=status, headers=NO_STORE)


def _client(request: Request) -> str | None:
    """The client's address as ``guard.client_address`` sees it (None on this machine)."""
    host = request.client.host if request.client else None
    return None if host in (None, "", "127.0.0.1", "::1", "localhost") else host


# --- the facilitator's session cookie ----------------------------------------------


def _secure(request: Request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "") == "https"


def _session_ok(token: str) -> int | None:
    """Seconds left of a valid session token, else None (runs in a worker thread)."""
    from cantiere import sessions
    from cantiere.ui import live

    if not sessions.valid(token, live.session_secret(), live.get_settings().admin_password):
        return None
    return max(0, int(sessions.expires_at(token) - time.time()))


async def keep_session(request: Request) -> Response:
    from cantiere.ui.live import CSRF_HEADER, SESSION_COOKIE

    if request.headers.get(CSRF_HEADER) != "1":
        return Response(status_code=403, headers=NO_STORE)
    body = (await request.body())[:400].decode("ascii", "replace").strip()
    left = await asyncio.to_thread(_session_ok, body)
    if not left:
        return Response(status_code=403, headers=NO_STORE)
    response = Response(status_code=204, headers=NO_STORE)
    response.set_cookie(
        SESSION_COOKIE,
        body,
        max_age=left,
        path=_cookie_path(),
        httponly=True,
        samesite="strict",
        secure=_secure(request),
    )
    return response


async def forget_session(request: Request) -> Response:
    from cantiere.ui.live import CSRF_HEADER, SESSION_COOKIE

    if request.headers.get(CSRF_HEADER) != "1":
        return Response(status_code=403, headers=NO_STORE)
    response = Response(status_code=204, headers=NO_STORE)
    response.delete_cookie(
        SESSION_COOKIE, path=_cookie_path(), httponly=True, samesite="strict", secure=_secure(request)
    )
    return response


def _base() -> str:
    from streamlit import config

    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def _cookie_path() -> str:
    return _base() or "/"


def routes() -> list[Route]:
    """The routes to pass to ``st.App(routes=…)`` (under ``server.baseUrlPath``)."""
    base = _base()
    return [
        Route(f"{base}/api/live/{{code}}", live_version, methods=["GET"]),
        Route(f"{base}/api/voto", cast_vote, methods=["POST"]),
        Route(f"{base}/api/sessione", keep_session, methods=["POST"]),
        Route(f"{base}/api/sessione/esci", forget_session, methods=["POST"]),
    ]
