"""A small asyncio client of Streamlit's websocket protocol: one simulated phone.

What the server expects (checked in the Streamlit 1.67 sources,
``streamlit/web/server/starlette/starlette_websocket.py`` and
``streamlit/runtime/app_session.py``):

- the websocket lives at ``/_stcore/stream``; the first ``Sec-WebSocket-Protocol``
  entry is echoed back (the browser sends ``streamlit``), the second is an XSRF
  token and the third a session id to resume. With ``enableXsrfProtection = true``
  the token is only checked before the server reads the ``st.login`` auth cookie;
  a connection without it is accepted and runs the app anonymously, which is what
  a participant's phone is. Uploads are the other XSRF-guarded path (header
  ``X-Xsrftoken``); this client does not upload.
- a connection without an ``Origin`` header is allowed; nothing runs until the
  client sends a ``BackMsg.rerun_script`` carrying a ``ClientState``
  (``query_string``, ``page_name`` or ``page_script_hash``, ``widget_states``).
- every frame from the server is one serialized ``ForwardMsg``; each run starts
  with ``new_session`` and ends with ``script_finished``; widgets arrive in
  ``delta.new_element`` with their ``id`` (``$$ID-<hash>-<key>`` when the widget
  has a ``key``) and ``delta.fragment_id`` when they live in an ``st.fragment``.
- the browser keeps every widget's value and sends all of them on each rerun; a
  button press is a one-shot ``WidgetState(trigger_value=True)``; a widget inside
  a fragment reruns only that fragment (``ClientState.fragment_id``).
- ``ref_hash`` messages only arrive for hashes the client listed in
  ``ClientState.cached_message_hashes``; this client lists the cacheable messages it
  has kept, like the browser, and resolves references from that cache.
- ``page_info_changed`` carries the query string after the app writes
  ``st.query_params``; the browser puts it in its URL and sends it on later reruns.
- ``auto_rerun`` (``st.fragment(run_every=…)``) is a timer in the browser: the
  client must send ``rerun_script`` with ``is_auto_rerun`` and the fragment id every
  interval. This client does so and times each refresh (the projector's path).

Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

ALLOWED_HOST = "127.0.0.1"
STREAM_PATH = "/_stcore/stream"
SUBPROTOCOL = "streamlit"
# Bounds: no loop in this module runs without one.
DEFAULT_TIMEOUT = 30.0
MAX_MESSAGES = 200_000  # per connection
MAX_CACHED = 500  # cached ForwardMsgs kept per connection
MAX_AUTO_RERUNS = 100_000

FINISHED_OK = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
WIDGET_TYPES = {
    "button",
    "checkbox",
    "number_input",
    "selectbox",
    "radio",
    "text_input",
    "text_area",
    "slider",
    "multiselect",
    "button_group",
    "toggle",
    "bidi_component",  # a custom component with a key (e.g. a vote screen the browser draws)
}


class ProtocolError(Exception):
    """The server answered something a browser would not accept, or too late."""


@dataclass
class Widget:
    """A widget as last seen in the deltas."""

    id: str
    kind: str  # the Element oneof name: "button", "number_input", …
    proto: object
    fragment_id: str = ""


@dataclass
class RunResult:
    """One rerun as the phone saw it."""

    latency: float  # seconds from sending rerun_script to script_finished
    status: int
    texts: list[str] = field(default_factory=list)


def check_url(base_url: str) -> tuple[str, int]:
    """Host and port of ``base_url``; refuses anything but 127.0.0.1."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "ws") or parts.hostname != ALLOWED_HOST or not parts.port:
        raise ValueError(f"the load generator only connects to http://{ALLOWED_HOST}:<port>, not {base_url!r}")
    return parts.hostname, parts.port


def check_source(source: str | None) -> str | None:
    """A loopback source address (127.x.y.z) or None; anything else is refused."""
    if source is None:
        return None
    parts = source.split(".")
    if len(parts) != 4 or parts[0] != "127" or not all(p.isdigit() and 0 <= int(p) <= 255 for p in parts):
        raise ValueError(f"source address {source!r}: only 127.x.y.z (loopback)")
    return source


def source_of(i: int) -> str:
    """Phone ``i``'s own loopback address: 127.0.1.1, 127.0.1.2, … (up to 62,500)."""
    return f"127.0.{1 + i // 250}.{1 + i % 250}"


def key_of(widget_id: str) -> str | None:
    """The user ``key`` encoded at the end of a widget id (``$$ID-<hash>-<key>``)."""
    if not widget_id.startswith("$$ID-"):
        return None
    rest = widget_id[len("$$ID-") :]
    _, sep, key = rest.partition("-")
    return key if sep and key else None


TEXT_FIELDS = ("body", "label", "value", "placeholder")


def element_texts(element) -> list[str]:
    """The visible strings of an element (its body, label, value, placeholder):
    shallow and cheap, enough to wait for a confirmation."""
    kind = element.WhichOneof("type")
    inner = getattr(element, kind) if kind else None
    if inner is None or not hasattr(inner, "DESCRIPTOR"):
        return []
    fields = inner.DESCRIPTOR.fields_by_name
    values = (getattr(inner, name) for name in TEXT_FIELDS if name in fields)
    return [v for v in values if isinstance(v, str) and v]


class Phone:
    """One simulated browser tab on one websocket.

    Use as ``async with Phone(base_url, page="partecipa", query="code=ABC") as p:``
    then ``await p.open()``, ``await p.wait_for_widget("vota")``,
    ``await p.press("vota")``, ``await p.wait_for_text("Voto registrato")``.
    Every wait has a timeout and raises :class:`ProtocolError` when it expires.
    """

    def __init__(
        self,
        base_url: str,
        page: str = "",
        query: str = "",
        timeout: float = DEFAULT_TIMEOUT,
        follow_auto_rerun: bool = True,
        on_auto_rerun: Callable[[float], None] | None = None,
        quickack: bool = False,
        source: str | None = None,
    ):
        host, port = check_url(base_url)
        self.base_url = base_url
        self._poster: Poster | None = None
        # a loopback source address of its own (127.0.x.y): through nginx, whose
        # upstream hashes the client address, simulated phones then spread over
        # the processes as real phones do
        self.source = check_source(source)
        # a path prefix (server.baseUrlPath, e.g. behind nginx) comes before the stream
        prefix = urlsplit(base_url).path.rstrip("/")
        self.url = f"ws://{host}:{port}{prefix}{STREAM_PATH}"
        self.page = page
        self.query = query
        self.timeout = timeout
        self.follow_auto_rerun = follow_auto_rerun
        self.on_auto_rerun = on_auto_rerun
        # Linux only: acknowledge every frame at once. Measured on Streamlit 1.67:
        # an idle server sends the first frame of a run, then holds the rest
        # until that frame is ACKed, and a normal TCP stack (a phone's too) delays
        # that ACK by ~40 ms. Off by default, so latencies are what users get.
        self.quickack = quickack and hasattr(socket, "TCP_QUICKACK")
        self._sock = None
        self.ws = None
        self.page_script_hash = ""
        self.widgets: dict[str, Widget] = {}  # by key (or id when keyless)
        self.values: dict[str, WidgetState] = {}  # persistent widget values, by id
        self.texts: list[str] = []  # every visible string received, in order
        self.exceptions: list[str] = []
        self.finished: list[tuple[int, float]] = []  # (status, monotonic time)
        self.messages = 0
        self._cache: dict[str, ForwardMsg] = {}
        self._changed = asyncio.Condition()
        self._reader: asyncio.Task | None = None
        self._auto: dict[str, asyncio.Task] = {}
        self._send_lock = asyncio.Lock()
        self.closed_reason: str | None = None

    # -- connection ---------------------------------------------------------
    async def __aenter__(self) -> Phone:
        await self.connect()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def connect(self) -> None:
        self.ws = await asyncio.wait_for(
            websockets.connect(
                self.url,
                subprotocols=[SUBPROTOCOL],
                max_size=2**26,
                open_timeout=self.timeout,
                ping_interval=None,
                **({"local_addr": (self.source, 0)} if self.source else {}),
            ),
            self.timeout,
        )
        if self.quickack:
            self._sock = self.ws.transport.get_extra_info("socket")
        self._reader = asyncio.create_task(self._read_loop())

    async def close(self) -> None:
        if self._poster is not None:
            await self._poster.close()
        for task in self._auto.values():
            task.cancel()
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except (asyncio.CancelledError, Exception):
                pass

    # -- incoming -----------------------------------------------------------
    async def _read_loop(self) -> None:
        try:
            while self.messages < MAX_MESSAGES:
                frame = await self.ws.recv()
                if self._sock is not None:
                    self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
                msg = ForwardMsg()
                msg.ParseFromString(frame)
                self.messages += 1
                async with self._changed:
                    self._handle(msg)
                    self._changed.notify_all()
            self.closed_reason = "too many messages"
        except websockets.ConnectionClosed as exc:
            code = exc.rcvd.code if exc.rcvd is not None else "no close frame"
            self.closed_reason = f"connection closed ({code})"
        finally:
            async with self._changed:
                self._changed.notify_all()

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                self.exceptions.append(f"unknown ref_hash {msg.ref_hash}")
                return
            resolved = ForwardMsg()
            resolved.CopyFrom(cached)
            resolved.metadata.CopyFrom(msg.metadata)
            msg, kind = resolved, cached.WhichOneof("type")
        elif msg.metadata.cacheable and msg.hash and len(self._cache) < MAX_CACHED:
            self._cache[msg.hash] = msg
        if kind == "new_session":
            if msg.new_session.page_script_hash:
                self.page_script_hash = msg.new_session.page_script_hash
        elif kind == "navigation":
            # st.navigation: the page actually run (new_session carries the main
            # script's hash); the browser reruns this page on every later rerun.
            if msg.navigation.page_script_hash:
                self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "delta":
            self._handle_delta(msg.delta)
        elif kind == "script_finished":
            self.finished.append((msg.script_finished, time.monotonic()))
        elif kind == "page_info_changed":
            # st.query_params was written (e.g. the participant token): the browser
            # updates its URL and sends the new query string from then on.
            self.query = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            self.exceptions.append(f"page not found: {msg.page_not_found.page_name}")
        elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
            self.exceptions.append("script compilation error")
        elif kind == "auto_rerun" and self.follow_auto_rerun:
            self._start_auto_rerun(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for task in self._auto.values():
                task.cancel()
            self._auto.clear()

    def _handle_delta(self, delta) -> None:
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind is None:
            return
        if kind == "exception":
            self.exceptions.append(element.exception.message or element.exception.type or "exception")
        self.texts.extend(element_texts(element))
        if kind in WIDGET_TYPES:
            inner = getattr(element, kind)
            widget_id = getattr(inner, "id", "")
            if widget_id:
                name = key_of(widget_id) or widget_id
                self.widgets[name] = Widget(widget_id, kind, inner, delta.fragment_id)

    # -- waiting --------------------------------------------------------------
    async def _wait(self, predicate: Callable[[], bool], what: str, timeout: float | None) -> None:
        timeout = self.timeout if timeout is None else timeout

        def done() -> bool:
            return predicate() or self.closed_reason is not None

        try:
            async with self._changed:
                await asyncio.wait_for(self._changed.wait_for(done), timeout)
        except TimeoutError:
            raise ProtocolError(f"timeout ({timeout:.0f} s) waiting for {what}") from None
        if not predicate():
            raise ProtocolError(f"{self.closed_reason} while waiting for {what}")

    async def wait_for_widget(self, key: str, timeout: float | None = None) -> Widget:
        await self._wait(lambda: key in self.widgets, f"widget {key!r}", timeout)
        return self.widgets[key]

    async def wait_for_text(self, text: str, since: int = 0, timeout: float | None = None) -> None:
        """Wait until ``text`` is part of a string received after mark ``since``."""
        await self._wait(lambda: any(text in s for s in self.texts[since:]), f"text {text!r}", timeout)

    def mark(self) -> int:
        """A position in the received texts, for ``wait_for_text(since=…)``."""
        return len(self.texts)

    # -- outgoing -------------------------------------------------------------
    async def rerun(
        self,
        trigger: WidgetState | None = None,
        fragment_id: str = "",
        is_auto_rerun: bool = False,
        timeout: float | None = None,
    ) -> RunResult:
        """Send ``rerun_script`` with every known widget value and wait for its end.

        Latency runs from the send to a successful ``script_finished``; a run
        cut short for a newer rerun (``FINISHED_EARLY_FOR_RERUN``) is not the end.
        """
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        if self.page_script_hash:
            state.page_script_hash = self.page_script_hash
        elif self.page:
            state.page_name = self.page
        state.fragment_id = fragment_id
        state.is_auto_rerun = is_auto_rerun
        state.cached_message_hashes.extend(self._cache.keys())
        for value in self.values.values():
            if trigger is None or value.id != trigger.id:
                state.widget_states.widgets.append(value)
        if trigger is not None:
            state.widget_states.widgets.append(trigger)
        async with self._send_lock:
            seen = len(self.finished)
            mark = self.mark()
            started = time.monotonic()
            await self.ws.send(msg.SerializeToString())
            await self._wait(
                lambda: any(
                    s in FINISHED_OK or s == ForwardMsg.FINISHED_WITH_COMPILE_ERROR for s, _ in self.finished[seen:]
                ),
                "script_finished",
                timeout,
            )
        status, ended = next((s, t) for s, t in self.finished[seen:] if s != ForwardMsg.FINISHED_EARLY_FOR_RERUN)
        if status not in FINISHED_OK:
            raise ProtocolError("the script did not compile")
        return RunResult(ended - started, status, self.texts[mark:])

    async def open(self, timeout: float | None = None) -> RunResult:
        """The first run, as when the page loads."""
        return await self.rerun(timeout=timeout)

    async def press(self, key: str, timeout: float | None = None) -> RunResult:
        """Tap the button ``key`` (waiting for it to appear first)."""
        widget = await self.wait_for_widget(key, timeout)
        trigger = WidgetState(id=widget.id, trigger_value=True)
        return await self.rerun(trigger, widget.fragment_id, timeout=timeout)

    @property
    def token(self) -> str:
        """The participant token the app wrote into this phone's URL ("" before)."""
        return parse_qs(self.query).get("p", [""])[0]

    async def post_ballot(self, round_id: int, ballot: dict) -> str:
        """«Invia il voto» on a screen the browser draws: ``POST /api/voto`` as
        this phone's participant (``p`` in its URL), on a connection of its own
        from the same address, as the page's script does. The answer's text is
        added to what the phone shows; ProtocolError when the vote is refused."""
        token = self.token
        if self._poster is None:
            self._poster = Poster(self.base_url, "", self.timeout, self.source)
        status, answer = await self._poster.post(
            "/api/voto", {"p": token, "round": round_id, "ballot": ballot, "lang": "it"}, {"X-Cantiere": "1"}
        )
        if status != 200 or "ok" not in answer:
            raise ProtocolError(f"ballot refused (HTTP {status}): {answer.get('error', '')[:80]}")
        async with self._changed:
            self.texts.append(answer["ok"])
            self._changed.notify_all()
        return answer["ok"]

    async def set_value(self, key: str, value, timeout: float | None = None) -> RunResult:
        """Set a widget's value as the user would, which reruns (its fragment of) the page;
        a widget made with ``on_change="ignore"`` (``ignore_rerun``) only keeps the value,
        as the browser does, and it travels with the next rerun (no run, latency 0).

        number_input: a number; checkbox/toggle: a bool; selectbox/radio: the option's
        index (int) or its label (str); text_input/text_area: a str.
        """
        widget = await self.wait_for_widget(key, timeout)
        state = WidgetState(id=widget.id)
        if widget.kind == "number_input":
            state.double_value = float(value)
        elif widget.kind in ("checkbox", "toggle"):
            state.bool_value = bool(value)
        elif widget.kind in ("selectbox", "radio"):
            options = list(widget.proto.options)
            state.string_value = options[value] if isinstance(value, int) else str(value)
        elif widget.kind in ("text_input", "text_area"):
            state.string_value = str(value)
        else:
            raise ProtocolError(f"setting a value on a {widget.kind} is not supported")
        self.values[widget.id] = state
        if getattr(widget.proto, "ignore_rerun", False):
            return RunResult(0.0, ForwardMsg.FINISHED_SUCCESSFULLY)
        return await self.rerun(fragment_id=widget.fragment_id, timeout=timeout)

    # -- projector ------------------------------------------------------------
    def _start_auto_rerun(self, fragment_id: str, interval: float) -> None:
        if fragment_id in self._auto or interval <= 0:
            return
        self._auto[fragment_id] = asyncio.create_task(self._auto_rerun(fragment_id, interval))

    async def _auto_rerun(self, fragment_id: str, interval: float) -> None:
        # Like the browser's timer: wait an interval after each refresh ends.
        for _ in range(MAX_AUTO_RERUNS):
            await asyncio.sleep(interval)
            try:
                result = await self.rerun(fragment_id=fragment_id, is_auto_rerun=True)
            except (ProtocolError, websockets.ConnectionClosed) as exc:
                self.exceptions.append(f"auto rerun: {exc}")
                return
            if self.on_auto_rerun is not None:
                self.on_auto_rerun(result.latency)


# --- the live room: the long poll a phone keeps open while it waits (issue 13) ---

MAX_HTTP_BODY = 64 * 1024


class LivePoll:
    """One phone's HTTP/1.1 connection to the room-version route
    (``GET <prefix>/api/live/<code>?v=<known>``, held by the server until the
    version is newer or ~25 s pass), as the page's component keeps it. One
    keep-alive connection, reopened when the server closes it; every read has a
    timeout; only 127.0.0.1."""

    def __init__(self, base_url: str, path: str, timeout: float = DEFAULT_TIMEOUT, source: str | None = None):
        self.host, self.port = check_url(base_url)
        self.source = check_source(source)
        self.path = urlsplit(base_url).path.rstrip("/") + path
        self.timeout = timeout
        self.requests = 0
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            try:
                await self._writer.wait_closed()
            except (OSError, ConnectionError):
                pass
        self._reader = self._writer = None

    async def _exchange(
        self, query: str, hold: float, *, path: str | None = None, body: bytes = b"", headers: dict | None = None
    ) -> tuple[int, bytes, bool]:
        """One request on the keep-alive connection: a GET of ``path?query``, or a
        POST of ``body`` when there is one."""
        if self._writer is None:
            self._reader, self._writer = await asyncio.wait_for(
                asyncio.open_connection(
                    self.host, self.port, **({"local_addr": (self.source, 0)} if self.source else {})
                ),
                self.timeout,
            )
        target = (path or self.path) + (f"?{query}" if query else "")
        extra = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
        if body:
            extra += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        request = (
            f"{'POST' if body else 'GET'} {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Accept: application/json\r\nConnection: keep-alive\r\n{extra}\r\n"
        )
        self._writer.write(request.encode("ascii") + body)
        await self._writer.drain()
        self.requests += 1
        limit = hold + self.timeout
        status_line = await asyncio.wait_for(self._reader.readline(), limit)
        if not status_line:
            raise ConnectionError("closed by the server")
        status = int(status_line.split()[1])
        length, keep = 0, True
        for _ in range(100):
            line = await asyncio.wait_for(self._reader.readline(), self.timeout)
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "content-length":
                length = min(int(value), MAX_HTTP_BODY)
            elif name == "connection" and value.lower() == "close":
                keep = False
        body = await asyncio.wait_for(self._reader.readexactly(length), self.timeout) if length else b""
        return status, body, keep

    async def version(self, known: int, hold: float = 30.0, screen: str | None = None, who: str = "") -> dict:
        """The route's answer for a phone that knows version ``known``
        (``{"v": n}``, ``{"gone": true}`` or ``{"busy": true, …}``); with
        ``screen`` (a language) and ``who`` (the participant's token), a phone
        that draws the next screen itself (``{"v": n, "screen": {...}}`` when the
        app can say what it is)."""
        import json

        query = f"v={int(known)}" + (f"&screen={screen}" if screen else "")
        headers = {"X-Cantiere-Partecipante": who} if screen and who else None
        try:
            status, body, keep = await self._exchange(query, hold, headers=headers)
        except (OSError, ConnectionError, asyncio.IncompleteReadError, TimeoutError, ValueError):
            await self.close()
            raise
        if not keep:
            await self.close()
        if status != 200:
            raise ProtocolError(f"live route answered HTTP {status}")
        return json.loads(body or b"{}")


class Poster(LivePoll):
    """A phone's second connection, for what its page's script sends by itself
    (a ballot from a screen the browser draws: ``POST /api/voto``)."""

    async def post(self, path: str, payload: dict, headers: dict | None = None) -> tuple[int, dict]:
        """POST ``payload`` as JSON; a kept-alive connection the server closed
        meanwhile is opened again and the request sent once more, as a browser does."""
        import json

        body = json.dumps(payload).encode()
        for attempt in (1, 2):
            reused = self._writer is not None
            try:
                status, answer, keep = await self._exchange("", 0.0, path=self.path + path, body=body, headers=headers)
            except (OSError, ConnectionError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
                await self.close()
                if reused and attempt == 1 and isinstance(exc, (ConnectionError, asyncio.IncompleteReadError)):
                    continue
                raise
            if not keep:
                await self.close()
            return status, json.loads(answer or b"{}")
        raise ConnectionError("closed by the server")
