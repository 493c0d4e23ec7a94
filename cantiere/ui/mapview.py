"""Thin adapter around the map component: the map is an iframe that AppTest
cannot click, so the page logic works on what this returns (a plain value),
and the click itself is covered by browser tests."""

from __future__ import annotations

import folium

from cantiere.ui.mapassets import show_map


def clicked_feature(base: folium.Map, layer: folium.FeatureGroup, key: str, height: int = 520) -> dict | None:
    """Show ``base`` with ``layer`` on top; return the properties of the last
    clicked feature, or None. Panning and zooming do not rerun the app."""
    state = show_map(base, key=key, height=height, returned_objects=["last_active_drawing"], feature_group_to_add=layer)
    drawing = (state or {}).get("last_active_drawing") or {}
    return drawing.get("properties") or None
