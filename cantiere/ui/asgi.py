"""The app's ASGI layer: the middleware and routes that app.py hands to ``st.App``.

``streamlit run app.py`` finds ``app = st.App(...)`` in app.py and serves it
with uvicorn; every HTTP request then passes through :func:`middleware`,
outermost first:

1. :class:`SecurityHeaders` adds the security headers (``cantiere.httpheaders``)
   to every response, Streamlit's own included;
2. :class:`cantiere.ui.frontend.FrontendAssets` serves Streamlit's frontend
   compressed once, cached long, in Italian.

Another module adds its routes by appending a function to ``ROUTE_PROVIDERS``
below (one line), returning Starlette routes; paths are relative to the
server's base URL path (``server.baseUrlPath``): build them with
:func:`url_path`, e.g. ``Route(url_path("/api/live"), endpoint)``. Streamlit
reserves ``/_stcore/``, ``/static/``, ``/media/`` and ``/component/``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from cantiere import httpheaders
from cantiere.ui import lang_route, live_routes

# Functions returning Starlette routes for st.App.
ROUTE_PROVIDERS: list[Callable[[], list]] = [
    live_routes.routes,  # the live room: /api/live/<code>, /api/sessione (issue 13)
    lang_route.routes,  # the remembered language: /api/lingua/<it|en> (issue 15)
]


def base_url_path() -> str:
    """``server.baseUrlPath`` as ``/name`` (``""`` when unset)."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def url_path(path: str) -> str:
    """``path`` (``/api/…``) under the server's base URL path."""
    return base_url_path() + path


class SecurityHeaders:
    """ASGI middleware: the headers of ``cantiere.httpheaders`` on every HTTP response."""

    def __init__(self, app, base_url_path: str = "") -> None:
        self.app = app
        self.base = base_url_path

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if self.base and path.startswith(self.base):
            path = path[len(self.base) :] or "/"
        extra = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in httpheaders.for_path(path).items()]
        names = {name for name, _ in extra}

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


@cache
def middleware() -> list:
    """The app's middleware for ``st.App`` (built once per process; page runs
    execute app.py again and get the same list)."""
    from starlette.middleware import Middleware

    from cantiere.ui import speedups
    from cantiere.ui.frontend import FrontendAssets

    speedups.install()  # Streamlit's per-run costs we remove (cantiere/ui/speedups.py)
    base = base_url_path()
    return [
        Middleware(SecurityHeaders, base_url_path=base),
        Middleware(FrontendAssets, base_url_path=base),
    ]


def routes() -> list:
    """The routes every provider in ROUTE_PROVIDERS returns."""
    return [route for provider in ROUTE_PROVIDERS for route in provider()]
