"""Folium maps that work without internet.

Every map of the app starts from :func:`base_map`: its scripts and styles are
Leaflet 1.9.4 only, served by the app itself from ``/app/static/vendor/…``
(Streamlit's ``server.enableStaticServing``), and it carries a light basemap
drawn from our own boundaries, so a phone can orient itself with tiles off
or unreachable. Nothing here imports Streamlit: copying the assets into the
static folder is a plain function, called once per process by
``cantiere.ui.mapassets``.

Why only core Leaflet: ``streamlit_folium`` loads every ``default_js`` of the
map's elements in sequence and stops at the first one that fails, so a single
CDN link (jQuery, Bootstrap, awesome-markers, a plugin, a branca colormap's
d3) leaves the map blank offline. Draw with GeoJSON and circle markers, do
clustering/density in Python, and put legends beside the map.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import branca.colormap
import folium
import folium.elements
import shapely
import shapely.geometry
import shapely.ops
from branca.element import Element, MacroElement
from jinja2 import Template

from cantiere import territory
from cantiere.config import MAP_MODES
from cantiere.errors import CantiereError, UnknownNameError

LEAFLET_VERSION = "1.9.4"
# The PyPI wheel that ships Leaflet's dist files (no dependencies); installed
# by `pip install -r requirements.txt`.
LEAFLET_PACKAGE = "django-js-lib-leaflet"
LEAFLET_MODULE = "js_lib_leaflet"
REINSTALL_COMMAND = f"pip install --force-reinstall {LEAFLET_PACKAGE}"
# Streamlit serves <main script folder>/static/ at this path.
STATIC_URL = "/app/static"
VENDOR_SUBDIR = f"vendor/leaflet-{LEAFLET_VERSION}"
ASSET_URL = f"{STATIC_URL}/{VENDOR_SUBDIR}"

OSM_TILES_HOST = "tile.openstreetmap.org"
# Labels of these comuni stay visible at the province-wide zoom; the others
# appear from LABEL_ZOOM on (18 labels overlap on a phone otherwise).
MAIN_TOWNS = ("Ravenna", "Faenza", "Lugo", "Cervia")
LABEL_ZOOM = 10
LABEL_BOX = (160, 16)  # px; wide enough for "Sant'Agata sul Santerno"
BASEMAP_PANE = "cantiere-basemap"
ATTRIBUTION = "Confini: openpolis (CC-BY 4.0), ISTAT"


class MapAssetError(CantiereError):
    """A map asset file (Leaflet) is missing or corrupted; the message names it and how to reinstall."""

    key = "error.map_asset"


class MapAssetCopyError(MapAssetError):
    """Leaflet's files cannot be copied into the folder the app serves (read-only, disk full)."""

    key = "error.map_asset_copy"


class ExternalAssetError(CantiereError, ValueError):
    """A map element would load a script or style from another host (fails offline)."""

    key = "error.map_external"


@dataclass(frozen=True)
class Asset:
    path: str  # relative to Leaflet's dist folder
    sha256: str
    required: bool = True


# SHA-256 of Leaflet 1.9.4's dist files; leaflet.js and leaflet.css match the
# SRI hashes published by Leaflet (sha256-20nQCchB…, sha256-p4NxAoJB…).
# Images are optional: our maps use GeoJSON and circle markers, not icons.
ASSETS: tuple[Asset, ...] = (
    Asset("leaflet.js", "db49d009c841f5ca34a888c96511ae936fd9f5533e90d8b2c4d57596f4e5641a"),
    Asset("leaflet.css", "a7837102824184820dfa198d1ebcd109ff6d0ff9a2672a074b9a1b4d147d04c6"),
    Asset("images/layers.png", "1dbbe9d028e292f36fcba8f8b3a28d5e8932754fc2215b9ac69e4cdecf5107c6", False),
    Asset("images/layers-2x.png", "066daca850d8ffbef007af00b06eac0015728dee279c51f3cb6c716df7c42edf", False),
    Asset("images/marker-icon.png", "574c3a5cca85f4114085b6841596d62f00d7c892c7b03f28cbfa301deb1dc437", False),
    Asset("images/marker-icon-2x.png", "00179c4c1ee830d3a108412ae0d294f55776cfeb085c60129a39aa6fc4ae2528", False),
    Asset("images/marker-shadow.png", "264f5c640339f042dd729062cfc04c17f8ea0f29882b538e3848ed8f10edb4da", False),
)
LEAFLET_JS = f"{ASSET_URL}/leaflet.js"
LEAFLET_CSS = f"{ASSET_URL}/leaflet.css"


# --- text in popups and tooltips ------------------------------------------


def escape_js_template(text: object) -> str:
    """Text made safe for a folium popup or tooltip.

    folium puts tooltip/popup text inside a JavaScript template literal that
    becomes HTML: ``html.escape`` stops tags, and `` ` ``, ``$`` and ``\\`` are
    replaced with HTML entities so the text cannot close the literal or open
    a ``${…}`` expression (docs/sviluppo.md §6). ``{`` and ``}`` become entities too:
    branca compiles each rendered script again as a Jinja template, so
    ``{{ 7*7 }}`` in a service name would be evaluated on the server (issue 8).
    """
    escaped = html.escape(str(text), quote=True)
    return (
        escaped.replace("\\", "&#92;")
        .replace("`", "&#96;")
        .replace("$", "&#36;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
    )


# --- assets ----------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def leaflet_source_dir() -> Path:
    """Folder of Leaflet's dist files inside the installed wheel.

    Raises MapAssetError when the package is not installed.
    """
    spec = importlib.util.find_spec(LEAFLET_MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise MapAssetError(asset=LEAFLET_PACKAGE, path=LEAFLET_MODULE, fix=REINSTALL_COMMAND)
    return Path(next(iter(spec.submodule_search_locations))) / "static" / LEAFLET_MODULE


def check_assets(folder: Path) -> list[Asset]:
    """The assets present and intact in ``folder``.

    Raises MapAssetError naming the first required asset that is missing or
    whose content differs from Leaflet 1.9.4 (truncated, edited, other version).
    Optional assets that are missing or damaged are left out of the result.
    """
    good = []
    for asset in ASSETS:
        path = folder / asset.path
        ok = path.is_file() and _sha256(path) == asset.sha256
        if ok:
            good.append(asset)
        elif asset.required:
            raise MapAssetError(asset=asset.path, path=str(path), fix=REINSTALL_COMMAND)
    return good


def install_assets(static_dir: Path, source_dir: Path | None = None) -> Path:
    """Copy Leaflet's files into ``static_dir/vendor/leaflet-1.9.4`` and return that folder.

    ``static_dir`` is the folder Streamlit serves at ``/app/static`` (``static/``
    next to the main script). Files already there and intact are kept; each
    copy is written to a temporary file and renamed, so a browser never gets a
    half-written script. Raises MapAssetError when the installed package is
    missing or corrupted.
    """
    source_dir = leaflet_source_dir() if source_dir is None else source_dir
    target = Path(static_dir) / VENDOR_SUBDIR
    for asset in check_assets(source_dir):
        destination = target / asset.path
        if destination.is_file() and _sha256(destination) == asset.sha256:
            continue
        try:
            _copy_atomically(source_dir / asset.path, destination)
        except OSError as exc:  # read-only folder, disk full…
            raise MapAssetCopyError(asset=asset.path, path=str(destination), detail=exc.strerror or exc) from exc
    check_assets(target)
    return target


def _copy_atomically(source: Path, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=destination.parent, prefix=".tmp-")
    os.close(handle)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, destination)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# --- checking a map ------------------------------------------------------------


def is_local_url(url: str) -> bool:
    """True for a URL served by the app itself: a path, not another host or scheme."""
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("//")


def _walk(element):
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def check_local(m: Element) -> None:
    """Raise ExternalAssetError if ``m`` (a map, a feature group…) or any element
    inside it needs a script or style from another host.

    Catches plugins, awesome-markers icons and branca colormaps (whose d3 is
    fetched from a CDN) added after :func:`base_map`.
    """
    for element in _walk(m):
        # neither is a JSCSSMixin: st_folium adds d3 from a CDN for colormaps,
        # and folium.Icon needs awesome-markers and Font Awesome from CDNs.
        if isinstance(element, branca.colormap.ColorMap):
            raise ExternalAssetError(element=type(element).__name__, url="d3.js (cdnjs.cloudflare.com)")
        if isinstance(element, folium.Icon):
            raise ExternalAssetError(element="folium.Icon", url="leaflet.awesome-markers, Font Awesome (CDN)")
    for element in _walk(m):
        if isinstance(element, folium.elements.JSCSSMixin):
            for _, url in list(element.default_js) + list(element.default_css):
                if not is_local_url(url):
                    raise ExternalAssetError(element=type(element).__name__, url=url)


# --- the basemap -----------------------------------------------------------------


def _check_mode(mode: str) -> str:
    if mode not in MAP_MODES:
        raise UnknownNameError("thing.map_mode", mode, MAP_MODES)
    return mode


def _geojson(frame) -> dict:
    """Geometry only: the basemap has no per-feature text or data."""
    features = [
        {"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(geom)}
        for geom in frame.geometry.values
    ]
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def _basemap_data() -> tuple[str, str, str, tuple[tuple[str, float, float], ...]]:
    """(comuni, districts, province) as GeoJSON text and label points (name, lat, lon).

    Cached per process: the data are constant and shared by every session.
    """
    comuni = territory.boundaries()
    districts = territory.district_boundaries()
    province = territory.province_outline()
    labels = []
    for name, geom in zip(comuni["name"], comuni.geometry.values):
        # the pole of inaccessibility: inside even for concave comuni
        point = shapely.ops.polylabel(max(getattr(geom, "geoms", [geom]), key=lambda g: g.area), 0.001)
        labels.append((name, round(point.y, 5), round(point.x, 5)))
    province_geojson = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(province)}],
    }
    return (
        json.dumps(_geojson(comuni), separators=(",", ":")),
        json.dumps(_geojson(districts), separators=(",", ":")),
        json.dumps(province_geojson, separators=(",", ":")),
        tuple(labels),
    )


def province_bounds() -> list[list[float]]:
    """[[south, west], [north, east]] of the province."""
    west, south, east, north = territory.province_outline().bounds
    return [[round(south, 5), round(west, 5)], [round(north, 5), round(east, 5)]]


# Style of the basemap. Offline the province is an opaque light surface on a
# pale blue-grey background; over tiles it is translucent.
_CSS = """
<style>
.leaflet-container.cantiere-map { background: #dfe7ec; }
.cantiere-label-box { background: transparent; border: 0; text-align: center; pointer-events: none; }
.cantiere-label { color: #333; font: 11px/16px "Helvetica Neue", Arial, sans-serif; white-space: nowrap;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }
.cantiere-label-main { font-weight: bold; font-size: 13px; color: #111; }
.cantiere-zoom-low .cantiere-label-minor { display: none; }
</style>
"""


class Basemap(MacroElement):
    """Our basemap as one inline script: province, comuni, districts, comune names.

    Core Leaflet only (``L.geoJSON``, ``L.divIcon``), in its own pane between
    tiles and overlays, not interactive, so clicks reach the map. One element
    with a template compiled once: three ``folium.GeoJson`` layers recompiled
    Jinja templates on every render, ~26 ms of CPU per rerun.

    Names are markers with a fixed-size DivIcon, not permanent tooltips:
    Leaflet centres a tooltip by measuring it, and streamlit_folium adds
    leaflet.css only after the map script has run, so tooltips landed
    hundreds of px off. The script also tags the map container so CSS can
    style it and hide minor names below LABEL_ZOOM.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var box = map.getContainer();
            box.classList.add("cantiere-map");
            function zoomClass() { box.classList.toggle("cantiere-zoom-low", map.getZoom() < {{ this.label_zoom }}); }
            map.on("zoomend", zoomClass);
            zoomClass();
            var pane = map.createPane({{ this.pane|tojson }});
            pane.style.zIndex = 350;
            pane.style.pointerEvents = "none";
            function layer(data, style, extra) {
                return L.geoJSON(data, Object.assign({pane: {{ this.pane|tojson }}, interactive: false, style: style}, extra || {})).addTo(map);
            }
            layer({{ this.province }}, {{ this.province_style|tojson }}, {attribution: {{ this.attribution|tojson }}});
            layer({{ this.comuni }}, {{ this.comuni_style|tojson }});
            layer({{ this.districts }}, {{ this.districts_style|tojson }});
            {{ this.labels|tojson }}.forEach(function (label) {
                L.marker([label[1], label[2]], {
                    interactive: false,
                    keyboard: false,
                    icon: L.divIcon({
                        className: "cantiere-label-box",
                        iconSize: {{ this.box|tojson }},
                        iconAnchor: {{ this.anchor|tojson }},
                        html: '<span class="cantiere-label ' + label[3] + '">' + label[0] + "</span>"
                    })
                }).addTo(map);
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, over_tiles: bool):
        super().__init__()
        self._name = "Basemap"
        # GeoJSON text of our own boundaries (numbers only), inserted as is
        self.comuni, self.districts, self.province, labels = _basemap_data()
        self.pane = BASEMAP_PANE
        self.attribution = ATTRIBUTION
        self.label_zoom = LABEL_ZOOM
        # offline the province is an opaque light surface; over tiles, translucent
        self.province_style = {
            "fillColor": "#fbf8f1",
            "fillOpacity": 0.35 if over_tiles else 1.0,
            "color": "#555",
            "weight": 2.5,
        }
        self.comuni_style = {"fill": False, "color": "#8a8a8a", "weight": 1}
        self.districts_style = {"fill": False, "color": "#666", "weight": 1.8, "dashArray": "6 4"}
        self.labels = [
            # our own data, escaped anyway
            [
                escape_js_template(name),
                lat,
                lon,
                "cantiere-label-main" if name in MAIN_TOWNS else "cantiere-label-minor",
            ]
            for name, lat, lon in labels
        ]
        self.box = list(LABEL_BOX)
        self.anchor = [LABEL_BOX[0] // 2, LABEL_BOX[1] // 2]

    def render(self, **kwargs):
        # branca wraps the rendered script in Element(template=script), which
        # compiles ~45 KB of GeoJSON as a Jinja template on every render.
        self.get_root().script.add_child(_Code(self._template.module.script(self, kwargs)), name=self.get_name())


class _Code(Element):
    """Ready JavaScript placed in the page as is (no Jinja compile of its text)."""

    _template = Template("{{ this.code }}")

    def __init__(self, code: str):
        super().__init__()
        self.code = code


def one_finger_scrolls(m: folium.Map) -> folium.Map:
    """A phone's map that never traps the page's scroll (issue 15): one finger
    scrolls the page, two fingers move and zoom the map (Leaflet's pinch), a tap
    still places a point, the wheel scrolls the page; the +/− buttons zoom."""
    m.options.update({"dragging": False, "touch_zoom": True, "scroll_wheel_zoom": False})
    return m


def base_map(
    mode: str,
    *,
    bounds: list[list[float]] | None = None,
    location: tuple[float, float] | None = None,
    zoom: int | None = None,
    basemap: bool = True,
) -> folium.Map:
    """A folium Map that loads only our own copy of Leaflet (no CDN, no plugins).

    ``mode`` is ``CANTIERE_MAP_MODE``: ``offline`` draws no tiles; ``online``
    uses OpenStreetMap tiles as the base; ``auto`` adds the same tiles as a
    layer that simply stays empty when there is no internet. In every mode our
    basemap (province outline, comuni boundaries and names, districts) is drawn
    underneath what callers add, unless ``basemap=False``.

    The view fits ``bounds`` ([[south, west], [north, east]], default: the
    province) unless ``location`` is given (then ``zoom``, default 12).
    Raises UnknownNameError for an unknown mode.
    """
    mode = _check_mode(mode)
    if location is None:
        bounds = bounds or province_bounds()
        (south, west), (north, east) = bounds
        center = [(south + north) / 2, (west + east) / 2]
    else:
        center = [float(location[0]), float(location[1])]
    m = folium.Map(
        location=center,
        zoom_start=zoom or (12 if location is not None else 9),
        tiles=None,
        min_zoom=7,
        max_zoom=18 if mode != "offline" else 16,
    )
    # Only core Leaflet, from our own server (instance attributes: folium's
    # class-level lists stay untouched for anyone else).
    m.default_js = [("leaflet", LEAFLET_JS)]
    m.default_css = [("leaflet_css", LEAFLET_CSS)]
    if mode in ("online", "auto"):
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", control=False).add_to(m)
    m.get_root().header.add_child(_Code(_CSS), name="cantiere_map_css")
    if basemap:
        Basemap(over_tiles=mode != "offline").add_to(m)
    if location is None:
        m.fit_bounds(bounds)
    return m


def prefix_asset_urls(m: folium.Map, base_path: str) -> folium.Map:
    """Put Streamlit's ``server.baseUrlPath`` (e.g. "cantiere") in front of our asset URLs.

    Needed when the app is served under a path (``http://host/cantiere/``):
    ``/app/static/…`` then lives at ``/cantiere/app/static/…``. Idempotent.
    """
    base = "/" + base_path.strip("/") if base_path.strip("/") else ""

    def fix(links):
        return [(name, base + url if base and url.startswith(STATIC_URL + "/") else url) for name, url in links]

    m.default_js = fix(m.default_js)
    m.default_css = fix(m.default_css)
    return m


def clicked_point(result: dict | None) -> tuple[float, float] | None:
    """(lat, lon) of the last click returned by ``st_folium``, or None."""
    if not result:
        return None
    clicked = result.get("last_clicked")
    if not clicked or "lat" not in clicked or "lng" not in clicked:
        return None
    return float(clicked["lat"]), float(clicked["lng"])
