"""The language choice, remembered by this browser (issue 15).

``/api/lingua/<it|en>?next=/partecipa?code=…`` writes the cookie
``cantiere_lang`` and sends the browser back to ``next``: the switch is a plain
link (no script, a 48-px target on a phone) and a reload, a new tab or the next
QR scan open in the chosen language (``ui.lang`` reads the cookie).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from cantiere.i18n import LANGUAGES

COOKIE = "cantiere_lang"
COOKIE_DAYS = 365


def _base() -> str:
    """``server.baseUrlPath`` as ``/name`` ("" when unset)."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def safe_next(raw: str, base: str = "") -> str:
    """``raw`` if it is a path of this app, else the app's home: never another host
    (``//host``, ``https://host`` or ``/\\host`` would be an open redirect)."""
    home = f"{base}/"
    if not raw.startswith("/") or raw.startswith("//") or "\\" in raw or any(c in raw for c in "\r\n"):
        return home
    return raw if not base or raw == base or raw.startswith(f"{base}/") else home


async def choose_language(request: Request) -> Response:
    chosen = request.path_params["lang"]
    if chosen not in LANGUAGES:
        return PlainTextResponse("lingua sconosciuta", status_code=404)
    base = _base()
    response = RedirectResponse(safe_next(request.query_params.get("next", ""), base), status_code=303)
    response.set_cookie(
        COOKIE,
        chosen,
        max_age=COOKIE_DAYS * 86400,
        path=base or "/",
        samesite="lax",
        secure=request.url.scheme == "https",
        httponly=True,  # read by the server only (st.context.cookies)
    )
    return response


def routes() -> list[Route]:
    return [Route(f"{_base()}/api/lingua/{{lang}}", choose_language, methods=["GET"])]
