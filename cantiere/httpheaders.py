"""The security headers of every HTTP response, in one place.

The app sets them itself (``cantiere.ui.asgi``, through ``st.App``
middleware) and the room kit's nginx sets the same values
(``cantiere.cli_serve``), so a page reached either way carries one policy.

The Content-Security-Policy is as strict as Streamlit's frontend allows,
measured in Chromium (tests/e2e/test_headers_browser.py listens for
``securitypolicyviolation`` on every page):

- scripts only from this server: the one inline script of Streamlit's
  index.html is removed when the page is served (``cantiere.ui.frontend``);
  no ``eval``; WebAssembly compilation only (``'wasm-unsafe-eval'``: the
  64-bit integer library inside Streamlit's protobuf chunk tries a tiny wasm
  module at start and reports a violation without it);
- styles from this server and inline: Streamlit's components are styled by
  emotion, which writes ``<style>`` elements at run time, and elements carry
  ``style=`` attributes;
- images also as ``data:``/``blob:`` URLs (Streamlit's icons, the QR code, the
  tab icon); fonts from this server and ``data:`` (Streamlit's CSS inlines
  one KaTeX font);
- the WebSocket and ``fetch`` to this server only (``'self'`` covers ws:/wss:
  to the same host);
- frames from this server only (the maps are a component iframe); this app in
  a frame of another site: never (``frame-ancestors``, ``X-Frame-Options``).

Component documents (``/component/…``: the map) get a policy of their own:
streamlit-folium runs the map's script with ``eval``/inline ``<script>``, and
tiles come from OpenStreetMap in the online and auto map modes.

``Referrer-Policy: no-referrer``: the participant's token is in the page's
address (``?p=…``) and would otherwise travel in the ``Referer`` of every
request the page makes.
"""

from __future__ import annotations

OSM_TILES = "https://tile.openstreetmap.org https://*.tile.openstreetmap.org"


def _policy(*directives: str) -> str:
    return "; ".join(directives)


PAGE_CSP = _policy(
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
)

COMPONENT_CSP = _policy(
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    f"img-src 'self' data: blob: {OSM_TILES}",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
)

# Header → value, the same on every response (the CSP is added per document kind).
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "no-referrer",
}

# Paths (after the base URL path) whose documents run a component's scripts.
COMPONENT_PREFIXES = ("/component/", "/_stcore/bidi-components/")


def csp_for(path: str) -> str:
    """The Content-Security-Policy of the response to ``path`` (base URL path removed)."""
    return COMPONENT_CSP if path.startswith(COMPONENT_PREFIXES) else PAGE_CSP


def for_path(path: str) -> dict[str, str]:
    """Every security header of the response to ``path`` (base URL path removed)."""
    return {**COMMON, "Content-Security-Policy": csp_for(path)}


def nginx_map(variable: str = "cantiere_csp") -> str:
    """An nginx ``map`` (http block) choosing the CSP by path, like :func:`csp_for`;
    any prefix before the component path (the projector's ``/proiettore``) counts."""
    prefixes = "|".join(p.strip("/") for p in COMPONENT_PREFIXES)
    return f"""map $uri ${variable} {{
        ~/({prefixes})/  "{COMPONENT_CSP}";
        default  "{PAGE_CSP}";
    }}"""


def nginx_server_lines(indent: str, variable: str = "cantiere_csp") -> str:
    """nginx directives (server block) that send the headers on every response,
    nginx's own error pages included (``always``), once: the app's copies are
    hidden and replaced by the same values."""
    values = {**COMMON, "Content-Security-Policy": f"${variable}"}
    lines = [f"proxy_hide_header {name};" for name in values]
    lines += [f'add_header {name} "{value}" always;' for name, value in values.items()]
    return "\n".join(indent + line for line in lines)
