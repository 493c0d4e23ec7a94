"""Test-only page: a base map with the 18 comuni as a GeoJSON layer.

Run by tests/e2e (copied to a temporary folder). ``?mode=`` overrides
CANTIERE_MAP_MODE so one server serves every mode; the last click is shown
as text so the browser test can read it.
"""

import folium
import streamlit as st

from cantiere import mapkit, territory
from cantiere.ui import mapassets

mode = st.query_params.get("mode") or mapassets.map_mode()
st.title(f"Mappa di prova ({mode})")

m = mapkit.base_map(mode)
layer = folium.FeatureGroup(name="comuni")
folium.GeoJson(
    territory.boundaries()[["code", "geometry"]].__geo_interface__,
    style_function=lambda _: {"color": "#b5302b", "weight": 1, "fillOpacity": 0.2},
).add_to(layer)
result = mapassets.show_map(m, key="prova", height=500, returned_objects=["last_clicked"], feature_group_to_add=layer)
point = mapkit.clicked_point(result)
st.write(f"last_clicked: {point[0]:.5f} {point[1]:.5f}" if point else "last_clicked: nessuno")
