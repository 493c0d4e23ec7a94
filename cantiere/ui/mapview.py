"""Thin adapter around ``st_folium``: the map is an iframe that AppTest cannot
click, so the page logic works on what this returns (a plain value), and the
click itself is covered by browser tests."""

from __future__ import annotations

import folium
from streamlit_folium import st_folium


def clicked_feature(base: folium.Map, layer: folium.FeatureGroup, key: str, height: int = 520) -> dict | None:
    """Show ``base`` with ``layer`` on top; return the properties of the last
    clicked feature, or None. Panning and zooming do not rerun the app."""
    state = st_folium(
        base,
        feature_group_to_add=layer,
        returned_objects=["last_active_drawing"],
        key=key,
        height=height,
        use_container_width=True,
    )
    drawing = (state or {}).get("last_active_drawing") or {}
    return drawing.get("properties") or None
