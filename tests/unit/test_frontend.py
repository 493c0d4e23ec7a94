"""Streamlit's frontend as the app serves it (cantiere/ui/frontend.py): the
rewrites, the cache, the encoding negotiation, the caching headers; and the
security headers (cantiere/ui/asgi.py). ASGI calls in-process, no server."""

from __future__ import annotations

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor

import brotli
import pytest

from cantiere import httpheaders
from cantiere.i18n import frontend_streamlit as texts
from cantiere.ui import asgi, frontend

INDEX = """<!--
 licence
-->
<!DOCTYPE html>
<html lang="en">
  <head>
    <title>Streamlit</title>
    <script>
      window.prerenderReady = false
    </script>
    <script type="module" crossorigin src="./static/js/index.AAAA.js"></script>
    <link rel="stylesheet" crossorigin href="./static/css/index.BBBB.css">
  </head>
  <body><noscript><p>You need to enable JavaScript to run this app.</p></noscript><div id="root"></div></body>
</html>
"""
SCRIPT = "console.log(`" + "hello world " * 200 + "`)"


@pytest.fixture
def static(tmp_path):
    root = tmp_path / "static"
    (root / "static" / "js").mkdir(parents=True)
    (root / "static" / "css").mkdir()
    (root / "index.html").write_text(INDEX)
    (root / "static" / "js" / "index.AAAA.js").write_text(SCRIPT)
    (root / "static" / "css" / "index.BBBB.css").write_text("body{color:red}" * 100)
    (root / "static" / "js" / "tiny.CCCC.js").write_text("1")
    return root


@pytest.fixture
def built(static, tmp_path):
    f = frontend.Frontend(static_dir=static, cache_dir=tmp_path / "cache", icon_names=set(), translate=False)
    f.build()
    return f


def run(coroutine) -> None:
    """Run ``coroutine`` in a thread of its own: the browser tests' Playwright keeps
    an event loop running in the main thread for the whole session."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def call(app, path, method="GET", headers=(), scope_type="http"):
    """One request through ``app``: (status, headers dict, body), or None when passed on."""
    messages = []
    passed = []

    async def inner(scope, receive, send):
        passed.append(scope["path"])
        await send({"type": "http.response.start", "status": 299, "headers": [(b"x-from", b"streamlit")]})
        await send({"type": "http.response.body", "body": b"inner"})

    async def send(message):
        messages.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {
        "type": scope_type,
        "method": method,
        "path": path,
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers],
    }
    run(app(inner)(scope, receive, send))
    start = next(m for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


def assets(built, base=""):
    return lambda inner: frontend.FrontendAssets(inner, base_url_path=base, frontend=built, build=False)


def test_index_is_rewritten_for_the_page_language_and_the_csp():
    html = frontend.rewrite_index(INDEX, "it")
    assert '<html lang="it">' in html
    assert "<title>Cantiere del Welfare</title>" in html
    assert "<script>" not in html and "prerenderReady" not in html  # no inline script for the CSP to allow
    assert 'src="./static/js/index.AAAA.js"' in html
    assert "Per usare Cantiere del Welfare serve JavaScript" in html


def test_the_cache_holds_brotli_and_gzip_copies_that_decode_to_the_original(built):
    asset = built.lookup("static/js/index.AAAA.js")
    assert brotli.decompress(asset.encoded["br"].read_bytes()).decode() == SCRIPT
    assert gzip.decompress(asset.encoded["gzip"].read_bytes()).decode() == SCRIPT
    assert not built.lookup("static/js/tiny.CCCC.js").encoded  # too small to gain anything
    assert built.first_load() == ["static/js/index.AAAA.js", "static/css/index.BBBB.css"]


def test_a_second_start_reads_the_cache_instead_of_compressing(built, static, tmp_path, monkeypatch):
    monkeypatch.setattr(frontend, "brotli_compress", lambda data: pytest.fail("compressed again"))
    again = frontend.Frontend(static_dir=static, cache_dir=tmp_path / "cache", icon_names=set(), translate=False)
    again.build()
    assert set(again.lookup("static/js/index.AAAA.js").encoded) == {"br", "gzip"}


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("gzip, deflate, br, zstd", "br"), ("gzip, deflate", "gzip"), ("br;q=0, gzip", "gzip"), ("", None)],
)
def test_the_best_encoding_the_client_accepts_is_sent(built, accept, expected):
    status, headers, body = call(assets(built), "/static/js/index.AAAA.js", headers=[("Accept-Encoding", accept)])
    if expected is None:  # untouched file, no compression wanted: Streamlit sends it
        assert status == 299
        return
    assert status == 200 and headers["content-encoding"] == expected
    decoded = brotli.decompress(body) if expected == "br" else gzip.decompress(body)
    assert decoded.decode() == SCRIPT
    assert headers["content-type"] == "text/javascript; charset=utf-8"
    assert headers["cache-control"] == "public, max-age=31536000, immutable"  # hashed name, as Streamlit built it
    assert headers["vary"] == "Accept-Encoding"
    assert headers["content-length"] == str(len(body))


def test_every_page_path_gets_the_rewritten_index_and_revalidates(built):
    for path in ("/", "/partecipa", "/proiezione"):
        status, headers, body = call(assets(built), path, headers=[("Accept-Encoding", "gzip")])
        assert status == 200, path
        html = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
        assert b'<html lang="it">' in html
        assert headers["cache-control"] == "no-cache"
    etag = headers["etag"]
    status, headers, body = call(
        assets(built), "/partecipa", headers=[("Accept-Encoding", "gzip"), ("If-None-Match", etag)]
    )
    assert status == 304 and body == b"" and headers["etag"] == etag


@pytest.mark.parametrize(
    ("path", "method", "kind"),
    [
        ("/_stcore/health", "GET", "http"),
        ("/_stcore/stream", "GET", "websocket"),
        ("/partecipa/_stcore/host-config", "GET", "http"),
        ("/app/static/vendor/leaflet-1.9.4/leaflet.js", "GET", "http"),
        ("/component/streamlit_folium.st_folium/index.html", "GET", "http"),
        ("/media/abc.png", "GET", "http"),
        ("/static/js/unknown.ZZZZ.js", "GET", "http"),
        ("/partecipa/", "GET", "http"),
        ("/api/live/ABC234", "GET", "http"),  # the app's own routes (issue 13)
        ("//evil.example", "GET", "http"),
        ("/", "POST", "http"),
    ],
)
def test_anything_else_goes_on_to_streamlit(built, path, method, kind):
    if kind == "websocket":
        seen = []

        async def inner(scope, receive, send):
            seen.append(scope["path"])

        middleware = frontend.FrontendAssets(inner, frontend=built, build=False)
        run(middleware({"type": "websocket", "path": path, "headers": []}, None, None))
        assert seen == [path]
        return
    status, headers, _ = call(assets(built), path, method=method, headers=[("Accept-Encoding", "br")])
    assert status == 299 and headers["x-from"] == "streamlit"


def test_under_a_base_url_path_only_its_paths_are_served(built):
    status, _, _ = call(
        assets(built, "proiettore"), "/proiettore/static/js/index.AAAA.js", headers=[("Accept-Encoding", "br")]
    )
    assert status == 200
    status, _, _ = call(assets(built, "proiettore"), "/proiettore/proiezione", headers=[("Accept-Encoding", "br")])
    assert status == 200
    status, _, _ = call(assets(built, "proiettore"), "/static/js/index.AAAA.js", headers=[("Accept-Encoding", "br")])
    assert status == 299


def test_head_sends_the_headers_without_the_body(built):
    status, headers, body = call(assets(built), "/static/js/index.AAAA.js", "HEAD", [("Accept-Encoding", "br")])
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0


def test_a_rewritten_chunk_is_sent_rewritten_even_before_the_cache_is_built(static, tmp_path):
    f = frontend.Frontend(static_dir=static, cache_dir=tmp_path / "cold", icon_names=set(), translate=False)
    asset = f.lookup("index.html")
    assert asset.rewritten and not asset.encoded
    status, headers, body = call(assets(f), "/", headers=[("Accept-Encoding", "br")])
    assert status == 200 and b'<html lang="it">' in body and headers["cache-control"] == "no-cache"
    assert "content-encoding" not in headers


def test_the_icon_font_keeps_only_the_named_icons():
    from fontTools.ttLib import TTFont

    source = frontend.streamlit_static_dir() / "static" / "media"
    (font,) = source.glob("MaterialSymbols-Rounded.*.woff2")
    data = frontend.subset_icon_font(font.read_bytes(), {"home", "how_to_vote", "expand_more"})
    assert len(data) < 20_000 < font.stat().st_size
    import io

    subset = TTFont(io.BytesIO(data))
    chars = {glyph: chr(code) for code, glyph in subset.getBestCmap().items()}
    names = {
        chars[first] + "".join(chars[c] for c in lig.Component)
        for lookup in subset["GSUB"].table.LookupList.Lookup
        for table in lookup.SubTable
        for first, ligatures in getattr(table, "ExtSubTable", table).ligatures.items()
        for lig in ligatures
    }
    assert names == {"home", "how_to_vote", "expand_more"}


def test_the_icons_the_app_names_are_found_in_its_code():
    names = frontend.app_icon_names()
    assert {"home", "how_to_vote", "co_present"} <= names


# -- Streamlit's English texts ----------------------------------------------


def test_every_text_of_the_table_is_found_in_the_installed_streamlit():
    """Fails after a Streamlit upgrade that moved a text: update the table
    (cantiere/i18n/frontend_streamlit.py) instead of showing English."""
    import streamlit

    assert streamlit.__version__ == texts.STREAMLIT_VERSION
    chunks = {
        p.name: p.read_text(encoding="utf-8") for p in (frontend.streamlit_static_dir() / "static" / "js").glob("*.js")
    }
    rewritten = texts.apply_all(chunks)
    for text in texts.TEXTS:
        assert any(text.it in source for source in rewritten.values()), text


def test_a_text_that_moved_stops_the_rewrite_with_its_name():
    with pytest.raises(texts.FrontendTextError, match="Drag and drop a file here"):
        texts.apply_all({"FileUploader.XXXX.js": "children:`Drop files`"})


def test_a_text_is_rewritten_to_english_or_italian_by_the_page_language():
    table = (texts.Text("Selectbox", "`No results`", "`Nessun risultato`"),)
    chunks = {"Selectbox.XXXX.js": "if(a)return`No results`;x={children:`Clear value`}"}
    out = texts.apply_all(chunks, table)["Selectbox.XXXX.js"]
    assert out.startswith(f"if(a)return({texts.IS_ENGLISH}?`No results`:`Nessun risultato`);")


def test_a_tagged_template_is_refused():
    with pytest.raises(texts.FrontendTextError, match="not a plain expression"):
        texts.apply_all({"Selectbox.XXXX.js": "css`No results`"}, (texts.Text("Selectbox", "`No results`", "`-`"),))


# -- security headers --------------------------------------------------------


def headers_of(path, base=""):
    return call(lambda inner: asgi.SecurityHeaders(inner, base_url_path=base), path)[1]


@pytest.mark.parametrize("path", ["/", "/partecipa", "/static/js/index.AAAA.js", "/_stcore/health", "/app/static/x.js"])
def test_every_response_carries_the_security_headers(path):
    headers = headers_of(path)
    assert headers["content-security-policy"] == httpheaders.PAGE_CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-from"] == "streamlit"


def test_the_map_component_gets_its_own_policy_also_under_a_base_path():
    assert headers_of("/component/streamlit_folium.st_folium/index.html")["content-security-policy"] == (
        httpheaders.COMPONENT_CSP
    )
    assert headers_of("/proiettore/component/x/index.html", "/proiettore")["content-security-policy"] == (
        httpheaders.COMPONENT_CSP
    )


def test_the_page_policy_allows_no_inline_or_evaluated_script_and_no_other_site():
    script = next(d for d in httpheaders.PAGE_CSP.split("; ") if d.startswith("script-src"))
    assert script == "script-src 'self' 'wasm-unsafe-eval'"
    assert "frame-ancestors 'self'" in httpheaders.PAGE_CSP and "object-src 'none'" in httpheaders.PAGE_CSP
    assert "http" not in httpheaders.PAGE_CSP  # no other host


def test_routes_of_other_modules_are_collected(monkeypatch):
    monkeypatch.setattr(asgi, "ROUTE_PROVIDERS", [lambda: ["a"], lambda: ["b", "c"]])
    assert asgi.routes() == ["a", "b", "c"]


# -- the entry point ------------------------------------------------------------


def test_streamlit_run_app_py_finds_the_asgi_app():
    from pathlib import Path

    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(Path(__file__).resolve().parents[2] / "app.py")
    assert found.is_asgi_app and found.import_string == "app:app"


def test_the_asgi_runner_binds_through_the_nodelay_patch():
    """st.App mode (UvicornRunner) binds with _bind_server_socket, which calls the
    module's _bind_socket: the one cantiere.ui.launch patches for TCP_NODELAY."""
    import socket

    from streamlit.web.server.starlette import starlette_server

    from cantiere.ui import launch

    original = starlette_server._bind_socket
    try:
        launch.patch()
        sock, _ = starlette_server._bind_server_socket("127.0.0.1", "127.0.0.1", 0, 8)
        try:
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        finally:
            sock.close()
    finally:
        starlette_server._bind_socket = original
