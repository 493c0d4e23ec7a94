"""Map kit: maps that load nothing from other hosts, our basemap, asset checks."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser

import folium
import folium.plugins
import pytest
from branca.colormap import LinearColormap
from hypothesis import given
from hypothesis import strategies as st

from cantiere import mapkit, territory
from cantiere.errors import UnknownNameError

MODES = ["offline", "auto", "online"]


class _Links(HTMLParser):
    """Every <script src> and <link href> of a page."""

    def __init__(self):
        super().__init__()
        self.scripts: list[str] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.styles.append(attrs["href"])


def links(page: str) -> _Links:
    parser = _Links()
    parser.feed(page)
    return parser


def comuni_layer() -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="indicatore")
    folium.GeoJson(territory.boundaries().__geo_interface__, style_function=lambda _: {"color": "#b5302b"}).add_to(
        group
    )
    return group


@pytest.mark.parametrize("mode", MODES)
def test_map_html_loads_only_our_leaflet(mode):
    m = mapkit.base_map(mode)
    comuni_layer().add_to(m)
    found = links(m.get_root().render())
    assert found.scripts == [mapkit.LEAFLET_JS]
    assert found.styles == [mapkit.LEAFLET_CSS]
    assert all(mapkit.is_local_url(url) for url in found.scripts + found.styles)


@pytest.mark.parametrize("mode", MODES)
def test_st_folium_gets_only_local_links(mode, monkeypatch):
    """What streamlit_folium hands its frontend (which loads js_links one by one) is local."""
    import streamlit_folium

    sent = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.update(kwargs))
    streamlit_folium.st_folium(mapkit.base_map(mode), feature_group_to_add=comuni_layer(), key="k")
    assert sent["js_links"] == [mapkit.LEAFLET_JS]
    assert sent["css_links"] == [mapkit.LEAFLET_CSS]
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", sent["header"])
    assert "leaflet-src" not in sent["header"]


def test_offline_map_has_no_tiles_and_online_modes_do():
    offline = mapkit.base_map("offline").get_root().render()
    assert mapkit.OSM_TILES_HOST not in offline
    assert not re.search(r"https?://", offline)
    for mode in ("auto", "online"):
        assert mapkit.OSM_TILES_HOST in mapkit.base_map(mode).get_root().render()


@pytest.mark.parametrize("mode", MODES)
def test_basemap_names_every_comune(mode):
    m = mapkit.base_map(mode)
    (labels,) = [e for e in m._children.values() if isinstance(e, mapkit.Basemap)]
    names = [label[0] for label in labels.labels]
    assert names == [mapkit.escape_js_template(c.name) for c in territory.comuni()]
    assert "Sant&#x27;Agata sul Santerno" in names
    page = m.get_root().render()
    assert "Casola Valsenio" in page
    assert "openpolis" in page  # attribution of the boundaries


def test_basemap_can_be_left_out():
    page = mapkit.base_map("offline", basemap=False).get_root().render()
    assert "Casola Valsenio" not in page
    assert links(page).scripts == [mapkit.LEAFLET_JS]


def test_labels_sit_inside_their_comune():
    *_, labels = mapkit._basemap_data()
    assert len(labels) == 18
    for name, lat, lon in labels:
        found = territory.comune_at(lat, lon)
        assert found is not None and found.name == name


def test_view_fits_the_province_or_a_location():
    (south, west), (north, east) = mapkit.province_bounds()
    assert south < 44.42 < north and west < 12.20 < east  # Ravenna
    assert south < 44.22 < north and west < 11.62 < east  # Casola Valsenio
    page = mapkit.base_map("offline").get_root().render()
    assert "fitBounds" in page
    near = mapkit.base_map("offline", location=(44.4175, 12.2036), zoom=14).get_root().render()
    assert "fitBounds" not in near and '"zoom": 14' in near


def test_unknown_mode_lists_valid_ones():
    with pytest.raises(UnknownNameError) as info:
        mapkit.base_map("satellite")
    message = info.value.message("it")
    assert "satellite" in message and "auto, online, offline" in message


@pytest.mark.parametrize(
    "element, culprit",
    [
        (folium.plugins.MarkerCluster(), "MarkerCluster"),
        (LinearColormap(["white", "red"], vmin=0, vmax=1), "LinearColormap"),
        (folium.Marker([44.4, 12.2], icon=folium.Icon(color="red")), "folium.Icon"),
    ],
)
def test_check_local_refuses_elements_that_need_a_cdn(element, culprit):
    m = mapkit.base_map("offline", basemap=False)
    mapkit.check_local(m)  # the base map itself is fine
    element.add_to(m)
    with pytest.raises(mapkit.ExternalAssetError) as info:
        mapkit.check_local(m)
    message = info.value.message("it")
    assert culprit in message and "internet" in message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("`${document.cookie}`", "&#96;&#36;&#123;document.cookie&#125;&#96;"),
        ("a\\`b", "a&#92;&#96;b"),
        ('Sant\'Agata "sul" Santerno & co.', "Sant&#x27;Agata &quot;sul&quot; Santerno &amp; co."),
    ],
)
def test_escape_js_template(text, expected):
    assert mapkit.escape_js_template(text) == expected


@given(st.text())
def test_escape_js_template_cannot_break_out(text):
    escaped = mapkit.escape_js_template(text)
    assert not set(escaped) & set("<>`$\\\"'")
    assert html.unescape(escaped) == text


def test_escaped_tooltip_renders_as_text_in_the_map():
    m = mapkit.base_map("offline", basemap=False)
    evil = "`); alert('x'); (`${1}"
    folium.CircleMarker([44.4, 12.2], tooltip=mapkit.escape_js_template(evil)).add_to(m)
    page = m.get_root().render()
    assert evil not in page and "alert(&#x27;x&#x27;)" in page


@pytest.mark.parametrize("base", ["cantiere", "/cantiere/", "a/b"])
def test_asset_urls_follow_the_base_url_path(base):
    m = mapkit.prefix_asset_urls(mapkit.base_map("offline"), base)
    mapkit.prefix_asset_urls(m, base)  # twice: still one prefix
    expected = "/" + base.strip("/") + mapkit.LEAFLET_JS
    assert links(m.get_root().render()).scripts == [expected]


def test_no_base_url_path_keeps_urls():
    m = mapkit.prefix_asset_urls(mapkit.base_map("offline"), "")
    assert links(m.get_root().render()).scripts == [mapkit.LEAFLET_JS]


def test_clicked_point():
    assert mapkit.clicked_point(None) is None
    assert mapkit.clicked_point({"last_clicked": None}) is None
    assert mapkit.clicked_point({"last_clicked": {"lat": 44.41, "lng": 12.2}}) == (44.41, 12.2)


# --- assets -----------------------------------------------------------------------


@pytest.fixture
def source(tmp_path):
    """A private copy of the installed Leaflet files, safe to damage."""
    folder = tmp_path / "source"
    shutil.copytree(mapkit.leaflet_source_dir(), folder)
    return folder


def test_installed_package_is_leaflet_1_9_4():
    present = mapkit.check_assets(mapkit.leaflet_source_dir())
    assert {a.path for a in present} >= {"leaflet.js", "leaflet.css"}


def test_install_copies_verified_files(tmp_path, source):
    target = mapkit.install_assets(tmp_path / "static", source)
    assert target == tmp_path / "static" / "vendor" / "leaflet-1.9.4"
    assert (target / "leaflet.js").read_bytes() == (source / "leaflet.js").read_bytes()
    assert (target / "leaflet.css").is_file() and (target / "images" / "layers.png").is_file()
    assert not list(target.glob(".tmp-*"))
    # a damaged copy in the served folder is repaired on the next install
    (target / "leaflet.js").write_text("// truncated")
    mapkit.install_assets(tmp_path / "static", source)
    assert (target / "leaflet.js").read_bytes() == (source / "leaflet.js").read_bytes()


def test_missing_images_are_not_fatal(tmp_path, source):
    shutil.rmtree(source / "images")
    target = mapkit.install_assets(tmp_path / "static", source)
    assert (target / "leaflet.js").is_file() and not (target / "images").exists()


@pytest.mark.parametrize(
    "damage, asset",
    [
        (lambda folder: (folder / "leaflet.js").unlink(), "leaflet.js"),
        (lambda folder: (folder / "leaflet.css").unlink(), "leaflet.css"),
        (lambda folder: (folder / "leaflet.js").write_bytes((folder / "leaflet.js").read_bytes()[:5000]), "leaflet.js"),
        (lambda folder: (folder / "leaflet.css").write_text("/* other version */"), "leaflet.css"),
    ],
    ids=["js-missing", "css-missing", "js-truncated", "css-edited"],
)
def test_damaged_asset_is_named_with_the_fix(tmp_path, source, damage, asset):
    damage(source)
    with pytest.raises(mapkit.MapAssetError) as info:
        mapkit.install_assets(tmp_path / "static", source)
    message = info.value.message("it")
    assert f"«{asset}»" in message
    assert "pip install --force-reinstall django-js-lib-leaflet" in message
    assert not (tmp_path / "static" / "vendor" / "leaflet-1.9.4" / asset).exists()


def test_read_only_static_folder_is_explained(tmp_path, source):
    static = tmp_path / "static"
    static.write_text("not a folder")  # mkdir fails like on a read-only disk
    with pytest.raises(mapkit.MapAssetCopyError) as info:
        mapkit.install_assets(static, source)
    message = info.value.message("it")
    assert "«leaflet.js»" in message and "scrivibile" in message


def test_package_not_installed_is_named(monkeypatch):
    monkeypatch.setattr(mapkit.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(mapkit.MapAssetError) as info:
        mapkit.leaflet_source_dir()
    assert "django-js-lib-leaflet" in info.value.message("it")


@pytest.mark.parametrize(
    "url, local",
    [
        ("/app/static/vendor/leaflet-1.9.4/leaflet.js", True),
        ("vendor/leaflet.js", True),
        ("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js", False),
        ("//code.jquery.com/jquery.js", False),
        ("http://127.0.0.1:8501/app/static/x.js", False),
    ],
)
def test_is_local_url(url, local):
    assert mapkit.is_local_url(url) is local


def test_mapkit_does_not_import_streamlit():
    """The builders stay pure: only cantiere/ui/ talks to Streamlit."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(mapkit))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not {name for name in imported if name.split(".")[0] in ("streamlit", "streamlit_folium")}
