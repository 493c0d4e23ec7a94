"""Folium layers of the listening phase: pins and their density (no Streamlit).

Participant text never enters the map: a pin carries at most its number as a
tooltip (an int we generate), and its note is shown beside the map in a table.
Density is counted in Python on a grid and drawn as core-Leaflet rectangles,
so no heat-map plugin (and no CDN) is needed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import folium

from cantiere import listening, pins

CATEGORY_COLOURS = {  # colour-blind safe (Okabe–Ito)
    "servizio_mancante": "#d55e00",
    "accessibilita": "#0072b2",
    "trasporti": "#009e73",
    "luogo_di_incontro": "#cc79a7",
    "sicurezza": "#e69f00",
    "altro": "#555555",
}
PROVISIONAL_COLOUR = "#b5302b"
# above this many pins the coordinators' layer shows only the density squares
# (~0.7 KB of HTML per dot: 1,000 dots would add ~0.9 MB to the page)
MAX_DOTS = 300
HEAT_COLOURS = ((1, "#fee391"), (3, "#fe9929"), (6, "#d95f0e"), (10, "#993404"))  # (at least n pins, colour)


def _colour(category: str) -> str:
    return CATEGORY_COLOURS.get(category, CATEGORY_COLOURS["altro"])


def pins_layer(
    points: Sequence[listening.PublicPin] | Sequence, name: str = "pins", *, numbered: bool = True
) -> folium.FeatureGroup:
    """One circle per pin, coloured by category. With ``numbered`` the tooltip is
    the pin's number (an int: the note is listed beside the map); otherwise the
    circles are not interactive, so clicks reach the layers below."""
    group = folium.FeatureGroup(name=name)
    for point in points:
        marker = folium.CircleMarker(
            location=[float(point.lat), float(point.lon)],
            radius=8,
            color="#222222",
            weight=1,
            fill=True,
            fill_color=_colour(point.category),
            fill_opacity=0.85,
            interactive=numbered,
        )
        if numbered:
            folium.Tooltip(str(int(point.id))).add_to(marker)
        marker.add_to(group)
    return group


def provisional_layer(point: tuple[float, float] | None, name: str = "provisional") -> folium.FeatureGroup:
    """The tapped, not yet confirmed point: a large hollow circle."""
    group = folium.FeatureGroup(name=name)
    if point is not None:
        folium.CircleMarker(
            location=[float(point[0]), float(point[1])],
            radius=14,
            color=PROVISIONAL_COLOUR,
            weight=4,
            fill=True,
            fill_opacity=0.25,
            interactive=False,
        ).add_to(group)
    return group


def heat_colour(count: int) -> str:
    colour = HEAT_COLOURS[0][1]
    for at_least, value in HEAT_COLOURS:
        if count >= at_least:
            colour = value
    return colour


def heat_layer(
    cells: Sequence[tuple[float, float, int]],
    cell_meters: float = listening.HEAT_CELL_METERS,
    name: str = "heat",
    group: folium.FeatureGroup | None = None,
) -> folium.FeatureGroup:
    """Grid cells with their pin count as coloured squares (darker = more pins),
    in a new group or added to ``group``."""
    half_lat = cell_meters / pins._EARTH_M_PER_DEG_LAT / 2
    half_lon = cell_meters / (pins._EARTH_M_PER_DEG_LAT * math.cos(math.radians(44.4))) / 2
    group = folium.FeatureGroup(name=name) if group is None else group
    for lat, lon, count in cells:
        folium.Rectangle(
            bounds=[
                [round(lat - half_lat, 5), round(lon - half_lon, 5)],
                [round(lat + half_lat, 5), round(lon + half_lon, 5)],
            ],
            color=heat_colour(count),
            weight=1,
            fill=True,
            fill_color=heat_colour(count),
            fill_opacity=min(0.35 + 0.06 * count, 0.85),
            interactive=False,
        ).add_to(group)
    return group


def coordinator_layer(points: Sequence[listening.PublicPin], name: str = "segnalazioni") -> folium.FeatureGroup:
    """The Atlante/Servizi overlay: density squares and small pin dots (public,
    coarsened points; no text at all), not interactive."""
    group = folium.FeatureGroup(name=name)
    heat_layer(listening.density([(p.lat, p.lon) for p in points]), group=group)
    for point in points if len(points) <= MAX_DOTS else ():
        folium.CircleMarker(
            location=[point.lat, point.lon],
            radius=3,
            color="#222222",
            weight=1,
            fill=True,
            fill_color=_colour(point.category),
            fill_opacity=1,
            interactive=False,
        ).add_to(group)
    return group
