"""show_map in a Streamlit run: assets are put in place, or an Italian error names the broken one."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from cantiere import mapkit
from cantiere.ui import mapassets


def _page():
    import streamlit as st

    from cantiere import mapkit
    from cantiere.ui import mapassets

    st.title("Mappa")
    mapassets.show_map(mapkit.base_map("offline"), key="prova")


def _cdn_page():
    import folium.plugins

    from cantiere import mapkit
    from cantiere.ui import mapassets

    m = mapkit.base_map("offline")
    folium.plugins.MarkerCluster().add_to(m)
    mapassets.show_map(m, key="prova")


@pytest.fixture
def source(tmp_path, monkeypatch):
    """Leaflet's files from a private copy, which a test may damage."""
    folder = tmp_path / "source"
    shutil.copytree(mapkit.leaflet_source_dir(), folder)
    monkeypatch.setattr(mapkit, "leaflet_source_dir", lambda: folder)
    mapassets._install.clear()
    yield folder
    mapassets._install.clear()


def run(page) -> AppTest:
    at = AppTest.from_function(page, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def test_map_installs_assets_next_to_the_app(app_env, source, tmp_path, monkeypatch):
    monkeypatch.setattr(mapassets, "static_dir", lambda: tmp_path / "static")
    at = run(_page)
    assert not at.error
    served = tmp_path / "static" / "vendor" / "leaflet-1.9.4"
    assert (served / "leaflet.js").read_bytes() == (source / "leaflet.js").read_bytes()
    assert (served / "leaflet.css").is_file()


def test_corrupted_asset_shows_which_and_how_to_reinstall(app_env, source, tmp_path, monkeypatch):
    monkeypatch.setattr(mapassets, "static_dir", lambda: tmp_path / "static")
    (source / "leaflet.js").write_text("<!doctype html><title>404</title>")
    at = run(_page)
    assert len(at.error) == 1
    text = at.error[0].value
    assert "«leaflet.js»" in text and "danneggiato" in text
    assert "pip install --force-reinstall django-js-lib-leaflet" in text
    assert not (tmp_path / "static" / "vendor" / "leaflet-1.9.4" / "leaflet.js").exists()


def test_deleted_served_copy_is_restored(app_env, source, tmp_path, monkeypatch):
    monkeypatch.setattr(mapassets, "static_dir", lambda: tmp_path / "static")
    run(_page)
    served = tmp_path / "static" / "vendor" / "leaflet-1.9.4" / "leaflet.js"
    served.unlink()
    at = run(_page)
    assert not at.error and served.is_file()


def test_map_needing_a_cdn_is_refused_with_a_message(app_env, source, tmp_path, monkeypatch):
    monkeypatch.setattr(mapassets, "static_dir", lambda: tmp_path / "static")
    at = run(_cdn_page)
    assert len(at.error) == 1
    assert "MarkerCluster" in at.error[0].value and "internet" in at.error[0].value
