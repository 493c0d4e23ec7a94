"""Folium layers of the network and the pacts: data in, layer out.

Core Leaflet only (CircleMarker). Tooltips hold only our own words, comune
names and numbers, escaped for Leaflet's templates; organisation names and
pact titles stay beside the map, in the list (docs/sviluppo.md §6).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import folium

from cantiere import territory
from cantiere.i18n import translate
from cantiere.mapkit import escape_js_template

STATUS_COLOURS = {
    "proposto": "#6b6b6b",
    "sottoscritto": "#1f5fa8",
    "in_corso": "#b5651d",
    "concluso": "#2e7d32",
    "sospeso": "#b5302b",
}


def _radius(count: int) -> float:
    return 5.0 + 3.0 * math.sqrt(max(count, 1) - 1)


def network_layer(
    counts: Mapping[str, int], centroids: Mapping[str, tuple[float, float]], lang: str = "it"
) -> folium.FeatureGroup:
    """One circle per comune, sized by the organisations that work there."""
    layer = folium.FeatureGroup(name="rete")
    names = {c.code: c.name for c in territory.comuni()}
    for code, n in sorted(counts.items()):
        if code not in centroids or n <= 0:
            continue
        lat, lon = centroids[code]
        text = translate("network.map_tooltip", lang, comune=names.get(code, code), n=n)
        folium.CircleMarker(
            location=[lat, lon],
            radius=_radius(n),
            color="white",
            weight=1,
            fill=True,
            fill_color="#1f5fa8",
            fill_opacity=0.8,
            tooltip=folium.Tooltip(escape_js_template(text)),
        ).add_to(layer)
    return layer


def pacts_layer(markers: Sequence[Mapping], lang: str = "it") -> folium.FeatureGroup:
    """One circle per pact, coloured by status, numbered as in the list."""
    layer = folium.FeatureGroup(name="patti")
    for k, marker in enumerate(markers):
        # pacts in the same comune fan out a little so each stays visible
        angle = 2 * math.pi * (k % 6) / 6
        shift = 0.004 * (k % 6 > 0)
        status = translate(f"pacts.status.{marker['status']}", lang)
        text = translate("pacts.map_tooltip", lang, n=marker["n"], status=status)
        folium.CircleMarker(
            location=[marker["lat"] + shift * math.sin(angle), marker["lon"] + shift * math.cos(angle)],
            radius=9,
            color="white",
            weight=2,
            fill=True,
            fill_color=STATUS_COLOURS.get(marker["status"], "#444444"),
            fill_opacity=0.9,
            tooltip=folium.Tooltip(escape_js_template(text)),
        ).add_to(layer)
    return layer
