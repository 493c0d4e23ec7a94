"""The room as one live session, on the browser's side (issue 13).

One small ``st.components.v2`` component, mounted once per page, does what the
server cannot do alone:

- **follow**: it long-polls ``/api/live/<code>?v=<version>``
  (``cantiere/ui/live_routes.py``) and asks Streamlit for a rerun only when the
  room version (``workshops.room_version``: +1 at every phase or round change)
  moves. An idle phone costs one HTTP request every ~25 s and no script run;
  a ``run_every`` fragment would cost a rerun per phone per interval
  (docs/sviluppo.md §7). What the participant is typing survives the rerun (widget
  state is kept).
- **draw**: a vote screen from a method's spec (``Screen.browser``, dots): on a
  page run (``vote_screen``), and on a participant's phone when the long poll's
  answer carries the next screen (``follow(draw=…)``, issue 16): then there is
  no page run at all, and «Invia il voto» posts to ``/api/voto``.
- **remember**: it writes the participant's token in a cookie of this
  browser (``cantiere_p_<CODE>``), so a second tab, Back, a reload or a second
  scan of the QR code return the same participant (``device_token``).
- **session**: after the facilitator's login it hands the signed session
  (``cantiere.sessions``) to ``/api/sessione``, which keeps it in an HttpOnly
  cookie; a reload within the working day is still logged in.

Everything is served by the app, no CDN: the JavaScript is a file
(``live_assets/live.js``) served from ``/_stcore/bidi-components/…`` and loaded
as a same-origin module, so the page's Content-Security-Policy stays
``script-src 'self'`` (``cantiere.httpheaders``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from cantiere import sessions
from cantiere.ui import get_settings, get_store

PARTICIPANT_COOKIE = "cantiere_p_"  # + workshop code
PARTICIPANT_DAYS = 7  # a workshop day, and the follow-up days when results are read
SESSION_COOKIE = "cantiere_facilitatore"
SECRET_NAME = "sessions.facilitatore"
CSRF_HEADER = "X-Cantiere"  # a custom header: a cross-site form cannot send it
PARTICIPANT_HEADER = "X-Cantiere-Partecipante"  # who asks the long poll for the next screen (live_routes)
_MAX_KNOWN = 20_000
_known: dict[str, str] = {}  # participant token -> workshop code, checked in this process


COMPONENT = "cantiere.live"  # <manifest name>.<component name>
ASSETS = Path(__file__).resolve().parent / "live_assets"
_component = None  # the mount function, made once the asset folder is known to the runtime


def _register_assets() -> None:
    """Tell this Streamlit runtime where the component's files are, as an
    installed package's ``pyproject.toml`` would: the JavaScript is then served
    by the app from ``/_stcore/bidi-components/cantiere.live/live.js`` and loaded
    as a same-origin module, which the page's Content-Security-Policy
    (``script-src 'self'``) allows. An inline string would be loaded as a
    ``blob:`` module, which it does not."""
    from streamlit.components.v2.manifest_scanner import ComponentConfig, ComponentManifest
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return
    manager = Runtime.instance().bidi_component_registry
    if manager.get_component_asset_root(COMPONENT) is None:
        manifest = ComponentManifest(
            name=COMPONENT.split(".")[0],
            version="1",
            components=[ComponentConfig(name=COMPONENT.split(".")[1], asset_dir=ASSETS.name)],
        )
        manager.register_from_manifest(manifest, ASSETS.parent)


def base_path() -> str:
    """The app's path prefix (``server.baseUrlPath``), "" or "/something"."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def live_url(code: str) -> str:
    return f"{base_path()}/api/live/{code}"


def _mount(data: dict, key: str, on_change: Callable[[], None] | None = None, *, draws: bool = False) -> None:
    global _component  # noqa: PLW0603  (the mount function: one per process, holds no user data)
    _register_assets()
    if _component is None:
        _component = st.components.v2.component(COMPONENT, js="live.js", css="live.css")
    _component(key=key, data=data, on_changed_change=on_change or _noop, height="content" if draws else 0)


def _noop() -> None:
    """The rerun is what a trigger asks for; nothing else to do."""


def vote_url() -> str:
    return f"{base_path()}/api/voto"


def _ballot_post(token: str) -> dict:
    """Where and as whom the browser sends a ballot (``live_routes.cast_vote``)."""
    return {"url": vote_url(), "token": token, "header": CSRF_HEADER}


def vote_screen(spec: dict, values: dict, token: str, *, large: bool, key: str) -> None:
    """The round's vote screen drawn by the browser from ``spec`` (a method's
    ``Screen.browser``), starting from ``values`` (the stored ballot); «Invia il
    voto» posts the ballot as participant ``token``, with no page run."""
    data = {"vote": {"screen": spec, "values": values, "large": large, "post": _ballot_post(token)}}
    _mount(data, key, draws=True)


def follow(
    code: str,
    version: int,
    *,
    key: str = "live.follow",
    remember: str | None = None,
    on_change: Callable[[], None] | None = None,
    draw: tuple[str, str] | None = None,
    hide: str = "",
) -> None:
    """Rerun this page when the room of workshop ``code`` moves past ``version``
    (``on_change`` runs first, as a callback); with ``remember`` (a participant
    token) keep it in this browser's cookie. With ``draw`` (language, participant
    token), a screen the browser can draw (``methods.room_screen``, carried by the
    long poll) is drawn here instead, the page's ``st.container(key=hide)``
    hidden until the next run: no page run for the room's phones."""
    data: dict = {"poll": live_url(code), "version": int(version)}
    if draw is not None:  # a participant's phone: draw the next screen when the browser can
        known_participant(code, draw[1])
        data["draw"] = {
            "lang": draw[0],
            "post": _ballot_post(draw[1]),
            "hide": f"st-key-{hide}",
            "who": PARTICIPANT_HEADER,
        }
    if remember is not None:
        data["cookie"] = {
            "name": PARTICIPANT_COOKIE + code,
            "value": remember,
            "path": base_path() or "/",
            "max_age": PARTICIPANT_DAYS * 86400,
        }
    _mount(data, key, on_change, draws=draw is not None)


def known_participant(code: str, token: str) -> None:
    """``token`` is a participant of workshop ``code``: its page run, in this
    process, has just checked it (its long poll comes to the same process)."""
    if len(_known) > _MAX_KNOWN:
        _known.clear()
    _known[token] = code


def is_known_participant(code: str, token: str) -> bool:
    return _known.get(token) == code


def cookie(name: str) -> str:
    """A cookie this browser sent when the page was opened ("" if none).
    Read through here so tests can stand in for a browser."""
    try:
        value = st.context.cookies.get(name)
    except Exception:  # no browser behind this session (bare mode)
        return ""
    return value if isinstance(value, str) else ""  # AppTest's stand-in context answers with mocks


def device_token(code: str) -> str:
    """The participant token this browser keeps for workshop ``code`` ("" if none)."""
    return cookie(PARTICIPANT_COOKIE + code)


# --- the facilitator's session ------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _secret(database_url: str) -> str:
    from cantiere.store import meta

    return meta.server_secret(get_store(), SECRET_NAME)


def session_secret() -> str:
    """The server secret that signs facilitator sessions (in the database, shared by processes)."""
    return _secret(get_settings().database_url)


def new_session() -> str:
    """A signed session for the facilitator who just typed the right password."""
    return sessions.issue(session_secret(), get_settings().admin_password)


def keep_session(token: str) -> None:
    """Hand ``token`` to the server, which stores it in an HttpOnly cookie."""
    _mount({"post": {"url": f"{base_path()}/api/sessione", "body": token, "header": CSRF_HEADER}}, "live.session")


def forget_session() -> None:
    """Ask the server to delete the session cookie of this browser (logout)."""
    _mount({"post": {"url": f"{base_path()}/api/sessione/esci", "body": "", "header": CSRF_HEADER}}, "live.session")


def remember(name: str, value: str, days: int, *, key: str) -> None:
    """Keep ``value`` in this browser's cookie ``name`` for ``days`` ("" deletes
    it): a choice of the device, such as the large text of issue 19."""
    _mount({"cookie": {"name": name, "value": value, "path": base_path() or "/", "max_age": days * 86400}}, key)
