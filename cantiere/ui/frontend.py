"""Streamlit's frontend served light: compressed once, cached long, in Italian.

A phone's first visit downloads Streamlit's frontend (~2.7 MB, 76 requests),
which Streamlit sends uncompressed on purpose (compressing each response costs
the server CPU). This module does the work once instead:

- at start-up (:class:`Frontend`, built when the ASGI app starts) it lists
  Streamlit's static files and rewrites the few that need it, in memory:
  ``index.html`` (page language, title, no inline script, so the
  Content-Security-Policy needs no ``'unsafe-inline'`` script), and the
  JavaScript chunks holding English words a participant can see
  (``cantiere.i18n.frontend_streamlit``: each English text becomes
  "English if the page is in English, else Italian");
- a background thread then writes, into a cache folder outside the package
  (``~/.cache/cantiere/frontend/streamlit-<version>/``, one file per content
  hash), a brotli and a gzip copy of every text file, and the fonts subset to
  what the app shows (the 3,000-icon Material Symbols font, 375 KB, shrinks
  to the icons Streamlit and our pages name; the text fonts to Latin). A file
  lock makes N processes (``python -m cantiere serve``) build once; later
  starts find the folder full and only read it;
- per request, :class:`FrontendAssets` (ASGI middleware) looks the path up in
  a dict, picks ``br`` or ``gzip`` from ``Accept-Encoding`` and sends bytes
  from memory: no compression, no file system walk.

Caching: Streamlit's hashed file names change with their content, so files we
send as Streamlit built them are ``immutable`` for a year. Files we rewrote
keep Streamlit's names (other chunks import them by name), so they are sent
with ``no-cache`` and an ETag: a returning phone asks again and gets a 304 of
a few hundred bytes, and a new translation or icon reaches it at once.

Until the cache is built (first start after installing a Streamlit version:
~1 minute of one core, in the background) files go out as Streamlit sends
them; rewritten files are sent rewritten and uncompressed from the start.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import logging
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from cantiere.config import ROOT

log = logging.getLogger("cantiere.frontend")

# Bump when what goes into the cache changes for the same input (compression
# settings, the subsetting code): old entries are then simply not found.
FORMAT = 1
BROTLI_QUALITY = 11
BROTLI_QUALITY_LARGE = 9  # over LARGE bytes: q11 costs ~3 s/MB for ~8 % less
LARGE = 1_000_000
GZIP_LEVEL = 9
MIN_COMPRESS = 512  # smaller files gain nothing worth a header

MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".png": "image/png",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
}
COMPRESSIBLE = {".js", ".css", ".html", ".json", ".svg", ".txt", ".ttf"}
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

# Fonts we subset, and to what.
ICON_FONT = re.compile(r"^static/media/MaterialSymbols-Rounded\.[^/]+\.woff2$")
TEXT_FONT = re.compile(r"^static/media/Source(Sans|Code)VF-[^/]+\.woff2$")
# Latin (Italian, and the Latin alphabets of the people in the room:
# Albanian, Romanian, Polish…), punctuation, €, arrows, bullets. Other scripts
# fall back, letter by letter, to the phone's own fonts.
TEXT_FONT_UNICODES = [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2000, 0x2070)] + [
    0x20AC,
    0x2116,
    0x2122,
    0x2190,
    0x2191,
    0x2192,
    0x2193,
    0x2212,
    0x2026,
    0x2022,
    0x25CF,
    0x2713,
    0xFFFD,
]
MATERIAL_NAME = re.compile(r":material/([a-z0-9_]+):")

# Paths under the base URL that are never the app's page (Streamlit's routes, and
# the app's own under /api/, cantiere.ui.asgi.ROUTE_PROVIDERS).
NOT_PAGES = {"_stcore", "static", "media", "component", "app", "~", "api"}


def streamlit_static_dir() -> Path:
    from streamlit import file_util

    return Path(file_util.get_static_dir())


def streamlit_version() -> str:
    import streamlit

    return streamlit.__version__


def cache_root() -> Path:
    """Where compressed copies live: the user's cache folder (``$XDG_CACHE_HOME`` or
    ``~/.cache``), or the temporary folder when that cannot be written."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "cantiere" / "frontend"
    try:
        base.mkdir(parents=True, exist_ok=True)
        probe = base / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
        return base
    except OSError:
        fallback = Path(tempfile.gettempdir()) / f"cantiere-frontend-{os.getuid() if hasattr(os, 'getuid') else 0}"
        fallback.mkdir(parents=True, exist_ok=True)
        return fallback


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Asset:
    """One file of Streamlit's frontend as we serve it."""

    rel: str  # path under the static folder: "index.html", "static/js/index.X.js"
    source: Path
    media_type: str
    digest: str  # sha256 of the bytes we serve (after any rewrite)
    rewritten: bool = False  # we changed the bytes: revalidate instead of immutable
    body: bytes | None = None  # rewritten bytes, kept in memory
    pending: str | None = None  # "icons" / "text": a font subset the builder will make
    encoded: dict[str, Path] = field(default_factory=dict)  # "br"/"gzip"/"identity" → cache file

    @property
    def suffix(self) -> str:
        return Path(self.rel).suffix

    @property
    def compressible(self) -> bool:
        return self.suffix in COMPRESSIBLE

    @property
    def cache_control(self) -> str:
        if self.rewritten or self.pending or not self.rel.startswith("static/"):
            return REVALIDATE
        return IMMUTABLE

    def identity(self) -> bytes:
        return self.body if self.body is not None else self.source.read_bytes()


def rewrite_index(html: str, lang: str) -> str:
    """Streamlit's index.html for this app: the page's language and title, no
    inline script (the CSP allows none), and a noscript note in Italian."""
    html = re.sub(r'<html lang="[^"]*">', f'<html lang="{lang}">', html, count=1)
    html = html.replace("<title>Streamlit</title>", "<title>Cantiere del Welfare</title>")
    html, scripts = re.subn(r"\s*<script>\s*window\.prerenderReady = false\s*</script>", "", html)
    html = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    html = re.sub(
        r"<noscript>.*?</noscript>",
        "<noscript><p>Per usare Cantiere del Welfare serve JavaScript. "
        "Cantiere del Welfare needs JavaScript.</p></noscript>",
        html,
        flags=re.S,
    )
    return html


def app_icon_names(root: Path = ROOT) -> set[str]:
    """Material icon names written as ``:material/name:`` in the app's code."""
    names: set[str] = set()
    for folder in ("", "views", "cantiere"):
        base = root / folder
        pattern = "*.py" if not folder else "**/*.py"
        for path in base.glob(pattern):
            with contextlib.suppress(OSError, UnicodeDecodeError):
                names.update(MATERIAL_NAME.findall(path.read_text(encoding="utf-8")))
    return names


def bundle_icon_names(static_dir: Path) -> set[str]:
    """Material icon names Streamlit's own frontend uses (sidebar arrows, menus…)."""
    names: set[str] = set()
    for path in (static_dir / "static" / "js").glob("*.js"):
        names.update(MATERIAL_NAME.findall(path.read_text(encoding="utf-8", errors="replace")))
    return names


def subset_icon_font(data: bytes, names: set[str]) -> bytes:
    """The Material Symbols font keeping only the icons named in ``names``.

    Icons are ligatures (the text "home" drawn as one glyph), so the ligature
    table is cut to those names first; fontTools then drops every glyph no
    ligature reaches. Letters stay, so an unknown name still shows as text."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data))
    chars = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    kept: set[str] = set()
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            if not hasattr(table, "ligatures"):
                continue
            pruned = {}
            for first, ligatures in table.ligatures.items():
                keep = [
                    lig
                    for lig in ligatures
                    if chars.get(first, "\0") + "".join(chars.get(c, "\0") for c in lig.Component) in names
                ]
                if keep:
                    pruned[first] = keep
                    kept.update(lig.LigGlyph for lig in keep)
            table.ligatures = pruned
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=sorted(kept), unicodes=[ord(c) for c in "abcdefghijklmnopqrstuvwxyz0123456789_ "])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def subset_text_font(data: bytes) -> bytes:
    """A text font (variable, all weights) cut to Latin and common symbols."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=TEXT_FONT_UNICODES)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def brotli_compress(data: bytes) -> bytes:
    import brotli

    quality = BROTLI_QUALITY if len(data) <= LARGE else BROTLI_QUALITY_LARGE
    return brotli.compress(data, quality=quality)


def gzip_compress(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


@contextlib.contextmanager
def _locked(path: Path):
    """An exclusive lock on ``path`` across processes (POSIX); no lock elsewhere."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: at worst two processes build
        yield
        return
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Frontend:
    """Streamlit's static files as this app serves them (see the module docstring)."""

    def __init__(
        self,
        static_dir: Path | None = None,
        cache_dir: Path | None = None,
        lang: str = "it",
        icon_names: set[str] | None = None,
        translate: bool = True,
    ) -> None:
        from cantiere.i18n import frontend_streamlit

        self.static_dir = Path(static_dir or streamlit_static_dir())
        self.version = streamlit_version()
        self.cache_dir = Path(cache_dir or cache_root()) / f"streamlit-{self.version}-f{FORMAT}"
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.lang = lang
        self._icon_names = icon_names
        self.assets: dict[str, Asset] = {}
        self.ready = threading.Event()
        try:
            self.translated = frontend_streamlit.apply_all(self._read_chunks()) if translate else {}
        except frontend_streamlit.FrontendTextError:
            # A Streamlit the table does not know: English, but the app runs
            # (tests/unit/test_frontend.py fails on the same error).
            log.exception("Streamlit's texts stay in English")
            self.translated = {}
        if translate:
            from cantiere.ui import frontend_fixes  # issue 15: long pastes are cut, not refused

            self.translated = frontend_fixes.apply(self._read_chunks(), self.translated)
        for path in sorted(self.static_dir.rglob("*")):
            if path.is_file():
                self._add(path)

    # -- start-up ---------------------------------------------------------

    def _read_chunks(self) -> dict[str, str]:
        return {
            path.name: path.read_text(encoding="utf-8")
            for path in sorted((self.static_dir / "static" / "js").glob("*.js"))
        }

    def _add(self, path: Path) -> None:
        rel = path.relative_to(self.static_dir).as_posix()
        media_type = MEDIA_TYPES.get(path.suffix)
        if media_type is None or "/" in rel and not rel.startswith("static/"):
            return
        body = None
        if rel == "index.html":
            body = rewrite_index(path.read_text(encoding="utf-8"), self.lang).encode("utf-8")
        elif rel.startswith("static/js/") and path.name in self.translated:
            body = self.translated[path.name].encode("utf-8")
        pending = "icons" if ICON_FONT.match(rel) else "text" if TEXT_FONT.match(rel) else None
        data = body if body is not None else path.read_bytes()
        self.assets[rel] = Asset(rel, path, media_type, sha(data), body is not None, body, pending)

    def icon_names(self) -> set[str]:
        if self._icon_names is None:
            self._icon_names = bundle_icon_names(self.static_dir) | app_icon_names()
        return self._icon_names

    def first_load(self) -> list[str]:
        """Files index.html names (scripts, styles, preloaded font): built first."""
        index = self.assets["index.html"].identity().decode("utf-8")
        named = re.findall(r'(?:src|href)="\./([^"]+)"', index)
        return [rel for rel in named if rel in self.assets]

    # -- the build (background thread) ------------------------------------

    def start(self) -> threading.Thread:
        """Build what the cache lacks in a daemon thread; returns it."""
        thread = threading.Thread(target=self._build_logged, name="cantiere-frontend", daemon=True)
        thread.start()
        return thread

    def _build_logged(self) -> None:
        try:
            self.build()
        except Exception:  # never take the server down: files then go out as Streamlit sends them
            log.exception("frontend cache build failed")

    def build(self) -> None:
        """Fill the cache (font subsets, brotli and gzip copies) and point every
        asset at its files. Idempotent; one process at a time builds."""
        self._attach()  # what another process (or an earlier start) already made
        if not self._missing():
            self.ready.set()
            return
        with _locked(self.cache_dir / ".lock"):
            self._attach()
            order = self.first_load()
            order += sorted(
                (r for r in self.assets if r not in order), key=lambda r: self.assets[r].source.stat().st_size
            )
            for rel in order:
                self._build_one(self.assets[rel])
        self.ready.set()

    def _font_key(self, asset: Asset) -> str:
        extra = ",".join(sorted(self.icon_names())) if asset.pending == "icons" else "latin-1"
        return sha(f"{asset.digest}:{asset.pending}:{extra}".encode())[:24]

    def _paths(self, asset: Asset) -> dict[str, Path]:
        if asset.pending:
            return {"identity": self.cache_dir / f"{self._font_key(asset)}.woff2"}
        paths = {}
        if asset.compressible and asset.source.stat().st_size >= MIN_COMPRESS:
            paths = {enc: self.cache_dir / f"{asset.digest[:32]}.{ext}" for enc, ext in (("br", "br"), ("gzip", "gz"))}
        return paths

    def _attach(self) -> None:
        for asset in self.assets.values():
            for enc, path in self._paths(asset).items():
                if enc not in asset.encoded and path.is_file():
                    self._use(asset, enc, path)

    def _use(self, asset: Asset, enc: str, path: Path) -> None:
        if enc == "identity" and asset.pending:
            data = path.read_bytes()
            asset.body, asset.digest, asset.rewritten, asset.pending = data, sha(data), True, None
        else:
            asset.encoded[enc] = path

    def _missing(self) -> list[str]:
        return [a.rel for a in self.assets.values() if any(e not in a.encoded for e in self._paths(a)) or a.pending]

    def _build_one(self, asset: Asset) -> None:
        for enc, path in self._paths(asset).items():
            if enc in asset.encoded or (asset.pending is None and enc == "identity"):
                continue
            if not path.is_file():
                if enc == "identity":
                    source = asset.source.read_bytes()
                    data = (
                        subset_icon_font(source, self.icon_names())
                        if asset.pending == "icons"
                        else subset_text_font(source)
                    )
                else:
                    data = brotli_compress(asset.identity()) if enc == "br" else gzip_compress(asset.identity())
                _write_atomic(path, data)
            self._use(asset, enc, path)

    # -- serving ----------------------------------------------------------

    def lookup(self, rel: str) -> Asset | None:
        return self.assets.get(rel)


def accepted(header: str) -> set[str]:
    """Encodings a client accepts (``q=0`` excluded) from its Accept-Encoding."""
    found = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip()
        if q.startswith("q="):
            try:
                if float(q[2:]) <= 0:
                    continue
            except ValueError:
                continue
        if name:
            found.add(name.strip().lower())
    return found


class FrontendAssets:
    """ASGI middleware: Streamlit's frontend files from :class:`Frontend`.

    GET/HEAD of a page (``/``, ``/partecipa``…) gets the rewritten
    index.html; of a file under ``static/`` its best encoding. Anything else
    (the WebSocket, ``_stcore``, media, components, ``app/static``) and any
    file the middleware does not know go on to Streamlit unchanged."""

    def __init__(self, app, base_url_path: str = "", frontend: Frontend | None = None, build: bool = True) -> None:
        self.app = app
        base = base_url_path.strip("/")
        self.base = f"/{base}" if base else ""
        self.frontend = frontend or Frontend(lang=_default_language())
        if build and not self.frontend.ready.is_set():
            self.frontend.start()
        self._memory: dict[Path, bytes] = {}

    def _relative(self, path: str) -> str | None:
        if not self.base:
            return path
        if path.startswith(self.base + "/"):
            return path[len(self.base) :]
        return None

    def _asset_for(self, path: str) -> Asset | None:
        rel = self._relative(path)
        if rel is None or "//" in rel:
            return None
        if rel == "/":
            return self.frontend.lookup("index.html")
        asset = self.frontend.lookup(rel[1:])
        if asset is not None:
            return asset
        segments = rel[1:].split("/")
        if rel.endswith("/") or segments[0] in NOT_PAGES or "_stcore" in segments or "." in segments[-1]:
            return None
        if (self.frontend.static_dir / segments[0]).exists():
            return None
        return self.frontend.lookup("index.html")  # a page of the app: Streamlit's SPA fallback

    def _bytes(self, path: Path) -> bytes:
        data = self._memory.get(path)
        if data is None:
            data = self._memory[path] = path.read_bytes()
        return data

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        asset = self._asset_for(scope["path"])
        if asset is None:
            await self.app(scope, receive, send)
            return
        headers = dict((k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope["headers"])
        accepts = accepted(headers.get("accept-encoding", ""))
        encoding = next((e for e in ("br", "gzip") if e in accepts and e in asset.encoded), None)
        if encoding is not None:
            body = self._bytes(asset.encoded[encoding])
        elif asset.body is not None:
            body = asset.body
        else:
            # Not built yet, or a client that takes no compression: Streamlit
            # sends the original (immutable) unless we promised to revalidate.
            if asset.cache_control == IMMUTABLE:
                await self.app(scope, receive, send)
                return
            body = self._bytes(asset.source)
        etag = f'"{asset.digest[:20]}-{encoding or "id"}"'
        out = [
            (b"cache-control", asset.cache_control.encode()),
            (b"etag", etag.encode()),
        ]
        if asset.compressible:
            out.append((b"vary", b"Accept-Encoding"))
        if etag in [t.strip().removeprefix("W/") for t in headers.get("if-none-match", "").split(",")]:
            await send({"type": "http.response.start", "status": 304, "headers": out})
            await send({"type": "http.response.body", "body": b""})
            return
        out += [(b"content-type", asset.media_type.encode()), (b"content-length", str(len(body)).encode())]
        if encoding is not None:
            out.append((b"content-encoding", encoding.encode()))
        await send({"type": "http.response.start", "status": 200, "headers": out})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def _default_language() -> str:
    from cantiere import config
    from cantiere.errors import CantiereError

    try:
        return config.load().language
    except CantiereError:
        return "it"
