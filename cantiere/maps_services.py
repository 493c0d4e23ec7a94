"""Folium builders for services and the coverage gap: data in, map out.

Core Leaflet only (CircleMarker, GeoJson); clustering is done here in Python
(points grouped by a grid cell or by comune, one circle per group sized by
count), so the map needs no plugin and no CDN beyond Leaflet itself.
Service names are imported text: every tooltip goes through ``js_safe``.
"""

from __future__ import annotations

import math

import folium
import pandas as pd

from cantiere import fmt, mapkit, services, territory
from cantiere.i18n import translate

CLUSTER_MODES = ("griglia", "comune", "nessuno")
# one circle per service above this many points would make a multi-MB map
# (~1 KB of HTML per marker): the page groups them instead
MAX_SINGLE_POINTS = 1500
GRID_DEG = 0.03  # ~3 km: points of one town group together at province zoom
GAP_COLOURS = {  # colour-blind safe, from red (critical) to blue (adequate)
    "nessuno": "#7f0000",
    "critico": "#d7301f",
    "basso": "#fc8d59",
    "vicino": "#fdcc8a",
    "adeguato": "#4575b4",
}
TYPE_COLOURS = {
    "nido": "#1b9e77",
    "cra": "#d95f02",
    "centro_diurno_anziani": "#e6ab02",
    "assistenza_domiciliare": "#a6761d",
    "csr_residenziale": "#7570b3",
    "csr_diurno": "#9e9ac8",
    "comunita_minori": "#e7298a",
    "centro_famiglie": "#66a61e",
    "accoglienza_adulti": "#666666",
    "sportello_sociale": "#1f78b4",
}
MIXED_COLOUR = "#555555"  # a circle grouping several types


def js_safe(text: object) -> str:
    """Text safe inside a folium tooltip or popup (docs/sviluppo.md §6): see
    ``mapkit.escape_js_template``."""
    return mapkit.escape_js_template(text)


def _base_map(mode: str = "auto") -> folium.Map:
    """The province on our offline-capable base map (``cantiere.mapkit``)."""
    return mapkit.base_map(mode)


def _fit(fmap: folium.Map, boundaries) -> folium.Map:
    west, south, east, north = boundaries.total_bounds
    fmap.fit_bounds([[float(south), float(west)], [float(north), float(east)]])
    return fmap


def check_cluster_mode(mode: str) -> str:
    if mode not in CLUSTER_MODES:
        from cantiere.errors import UnknownNameError

        raise UnknownNameError("thing.clustering", mode, CLUSTER_MODES)
    return mode


def cluster_points(frame: pd.DataFrame, mode: str = "griglia", cell_deg: float = GRID_DEG) -> pd.DataFrame:
    """Group services with coordinates into map circles.

    Columns: lat, lon (mean of the group), n, posti, tipi (set of type keys),
    nomi (names, first ones). ``mode``: "griglia" (cells of ``cell_deg``
    degrees), "comune" (one circle per comune), "nessuno" (one per service).
    """
    check_cluster_mode(mode)
    located = frame.dropna(subset=["lat", "lon"]).reset_index(drop=True)
    columns = ["lat", "lon", "n", "posti", "tipi", "nomi"]
    if located.empty:
        return pd.DataFrame(columns=columns)
    if mode == "griglia":
        keys = list(zip((located["lat"] // cell_deg).astype(int), (located["lon"] // cell_deg).astype(int)))
    elif mode == "comune":
        keys = list(located["codice"])
    else:
        keys = list(range(len(located)))
    located = located.assign(_key=keys)
    rows = []
    for _, group in located.groupby("_key", sort=True):
        rows.append(
            {
                "lat": round(float(group["lat"].mean()), 5),
                "lon": round(float(group["lon"].mean()), 5),
                "n": len(group),
                "posti": int(group["posti"].fillna(0).sum()),
                "tipi": frozenset(group["tipo"]),
                "nomi": list(group["nome"]),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def _radius(count: int) -> float:
    return 5.0 + 4.0 * math.sqrt(max(count, 1) - 1)


def _tooltip(cluster, lang: str) -> str:
    if cluster["n"] == 1:
        (type_key,) = tuple(cluster["tipi"])
        return translate(
            "svc.map_point_one",
            lang,
            name=js_safe(cluster["nomi"][0]),
            type=js_safe(translate(f"svc.type.{type_key}", lang)),
        )
    head = translate("svc.map_point_many", lang, n=cluster["n"], places=fmt.number(cluster["posti"], lang=lang))
    names = "<br>".join(js_safe(name) for name in cluster["nomi"][:5])
    more = "<br>…" if cluster["n"] > 5 else ""
    return f"{head}<br>{names}{more}"


def services_base(boundaries=None, mode: str = "auto") -> folium.Map:
    """The constant part of the services map: our base map (comune borders and
    names included), framed on the province."""
    fmap = _base_map(mode)
    return _fit(fmap, boundaries if boundaries is not None else territory.boundaries())


def services_layer(frame: pd.DataFrame, mode: str = "griglia", lang: str = "it") -> folium.FeatureGroup:
    """The changing part: one circle marker per group of services (``cluster_points``)."""
    layer = folium.FeatureGroup(name="servizi")
    for cluster in cluster_points(frame, mode).to_dict("records"):
        types = cluster["tipi"]
        colour = TYPE_COLOURS.get(next(iter(types)), MIXED_COLOUR) if len(types) == 1 else MIXED_COLOUR
        folium.CircleMarker(
            location=[cluster["lat"], cluster["lon"]],
            radius=_radius(cluster["n"]),
            color="white",
            weight=1,
            fill=True,
            fill_color=colour,
            fill_opacity=0.85,
            tooltip=folium.Tooltip(_tooltip(cluster, lang)),
        ).add_to(layer)
    return layer


def services_map(frame: pd.DataFrame, mode: str = "griglia", lang: str = "it", boundaries=None) -> folium.Map:
    """Services as circle markers (grouped by ``mode``) over the comune borders."""
    fmap = services_base(boundaries)
    services_layer(frame, mode, lang).add_to(fmap)
    return fmap


def gap_base(boundaries=None, mode: str = "auto") -> folium.Map:
    """The constant part of the gap map: the base map framed on the province."""
    return _fit(_base_map(mode), boundaries if boundaries is not None else territory.boundaries())


def gap_layer(gap_table: pd.DataFrame, lang: str = "it", boundaries=None) -> folium.FeatureGroup:
    """Comuni coloured by coverage against the reference (``services.gap``);
    the tooltip gives places, target residents and coverage. Only our own
    names (comuni) and numbers appear in it."""
    shapes = (boundaries if boundaries is not None else territory.boundaries())[["code", "name", "geometry"]].copy()
    table = gap_table.set_index("codice")
    classes = {code: services.gap_class(row["posti"], row["rapporto"]) for code, row in table.iterrows()}
    shapes["classe"] = shapes["code"].map(classes).fillna("nessuno")
    shapes["info"] = [
        js_safe(
            translate(
                "svc.gap.tooltip",
                lang,
                comune=name,
                places=fmt.number(table.loc[code, "posti"], lang=lang) if code in table.index else "–",
                demand=fmt.number(table.loc[code, "popolazione"], lang=lang) if code in table.index else "–",
                coverage=fmt.number(table.loc[code, "copertura"], 1, lang) if code in table.index else "–",
            )
        )
        for code, name in zip(shapes["code"], shapes["name"])
    ]
    layer = folium.FeatureGroup(name="divario")
    folium.GeoJson(
        shapes.to_json(),
        name="divario",
        style_function=lambda feature: {
            "color": "#ffffff",
            "weight": 1,
            "fillOpacity": 0.75,
            "fillColor": GAP_COLOURS[feature["properties"]["classe"]],
        },
        tooltip=folium.GeoJsonTooltip(fields=["info"], labels=False),
    ).add_to(layer)
    return layer


def gap_map(gap_table: pd.DataFrame, lang: str = "it", boundaries=None) -> folium.Map:
    """The gap map in one piece (base and layer)."""
    fmap = gap_base(boundaries)
    gap_layer(gap_table, lang, boundaries).add_to(fmap)
    return fmap


def gap_legend(lang: str = "it") -> pd.DataFrame:
    """The gap classes with their colour and label, for a legend beside the map."""
    return pd.DataFrame(
        {
            "classe": list(GAP_COLOURS),
            "colore": list(GAP_COLOURS.values()),
            "etichetta": [translate(f"svc.gap.class.{k}", lang) for k in GAP_COLOURS],
        }
    )


def type_legend(types, lang: str = "it") -> pd.DataFrame:
    """Colour and label of each service type shown, plus the mixed-group colour
    when several types are shown."""
    keys = [k for k in services.SERVICE_TYPES if k in set(types)]
    mixed = len(keys) > 1
    return pd.DataFrame(
        {
            "colore": [TYPE_COLOURS[k] for k in keys] + [MIXED_COLOUR] * mixed,
            "etichetta": [translate(f"svc.type.{k}", lang) for k in keys] + [translate("svc.map_mixed", lang)] * mixed,
        }
    )
