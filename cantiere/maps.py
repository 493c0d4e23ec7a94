"""Folium builders for the Atlante: data in, folium objects out (no Streamlit).

The base map stays the same across reruns; what changes (the choropleth) is a
FeatureGroup passed to ``st_folium(feature_group_to_add=...)`` so the map is
not rebuilt in the browser at every choice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import folium
import geopandas as gpd
import shapely.geometry

from cantiere import mapkit
from cantiere.classes import Classes


def base_map(mode: str) -> folium.Map:
    """The province framed on our offline-capable base map (``mapkit``), which
    credits openpolis and ISTAT on the map. ``mode`` is CANTIERE_MAP_MODE."""
    return mapkit.base_map(mode)


@dataclass(frozen=True)
class Unit:
    """What the choropleth shows for one area: its id, name and formatted value."""

    code: str
    name: str
    value: float | None
    label: str  # the value as users read it ("25,5%")


def choropleth_geojson(shapes: gpd.GeoDataFrame, key: str, units: list[Unit], classes: Classes) -> dict:
    """GeoJSON of ``shapes`` (column ``key`` joins to ``Unit.code``) with each
    feature's name, formatted value and fill colour in its properties."""
    by_code = {u.code: u for u in units}
    features = []
    for row in shapes.itertuples():
        unit = by_code.get(getattr(row, key))
        value = unit.value if unit else None
        features.append(
            {
                "type": "Feature",
                "id": getattr(row, key),
                "properties": {
                    "code": getattr(row, key),
                    "name": unit.name if unit else getattr(row, key),
                    "label": unit.label if unit else "–",
                    "color": classes.color(value),
                },
                "geometry": shapely.geometry.mapping(row.geometry),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def choropleth_layer(geojson: dict, title: str, selected: str | None = None) -> folium.FeatureGroup:
    """A FeatureGroup with the coloured areas; ``selected`` gets a thick outline."""

    def style(feature):
        chosen = feature["properties"]["code"] == selected
        return {
            "fillColor": feature["properties"]["color"],
            "fillOpacity": 0.8,
            "color": "#222222" if chosen else "#555555",
            "weight": 3.5 if chosen else 0.8,
        }

    group = folium.FeatureGroup(name=title)
    folium.GeoJson(
        geojson,
        name=title,
        style_function=style,
        highlight_function=lambda _f: {"weight": 3, "color": "#000000"},
        # our own data only (comune names and our formatted figures): no participant text
        tooltip=folium.GeoJsonTooltip(fields=["name", "label"], aliases=["", ""], labels=False),
    ).add_to(group)
    return group


def geojson_size(geojson: dict) -> int:
    """Bytes of the GeoJSON as sent to the browser."""
    return len(json.dumps(geojson, separators=(",", ":")).encode("utf-8"))
