"""Rete: the register of the actors of the territory (public reading), the
map of who works where with its table beside it, and the «gap of actors».
Editing the register is on Facilitazione (``ui.pacts_view.register_tools``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cantiere import areas, mapkit, maps_network, network, pacts, territory
from cantiere.ui import get_store, lang, mapassets, t

DISTRICT = "rete.district"
AREA = "rete.area"
KIND = "rete.kind"
ALL = ""


def _base_map(mode: str):
    """A fresh base map each run: folium objects are not shared between sessions
    (a map cached for the process came out 0 px high in the second session)."""
    return mapkit.base_map(mode)


def _filters() -> tuple[str, str, str]:
    a, b, c = st.columns(3)
    district = a.selectbox(
        t("network.filter.district"),
        [ALL, *areas.district_keys()],
        key=DISTRICT,
        format_func=lambda k: t("network.all") if not k else territory.district(k).name,
    )
    area = b.selectbox(
        t("network.filter.field"),
        [ALL, *areas.AREAS],
        key=AREA,
        format_func=lambda k: t("network.all") if not k else t(areas.AREAS[k]),
    )
    kind = c.selectbox(
        t("network.filter.kind"),
        [ALL, *network.KINDS],
        key=KIND,
        format_func=lambda k: t("network.all") if not k else t(network.KINDS[k]),
    )
    return district, area, kind


def register_table(organisations) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("network.col.name"): o.name,
                t("network.col.kind"): t(network.KINDS.get(o.kind, "network.kind.altro")),
                t("network.col.comuni"): network.comune_names(o.comuni),
                t("network.col.fields"): ", ".join(t(areas.AREAS[f]) for f in o.fields if f in areas.AREAS),
                t("network.col.services"): ", ".join(o.services),
                t("network.col.contact"): o.contact_role,
                t("network.col.source"): o.source,
            }
            for o in organisations
        ]
    )


def render() -> None:
    store = get_store()
    st.caption(t("network.intro"))
    everyone = network.register(store)
    if any(o.is_demo for o in everyone):
        st.caption(t("network.demo_note"))
    district, area, kind = _filters()
    shown = network.filter_register(everyone, district=district or None, area=area or None, kind=kind or None)
    counts = network.counts_by_comune(shown)
    if district:
        counts = {c: n for c, n in counts.items() if c in territory.district(district).comuni}
    a, b = st.columns(2)
    a.metric(t("network.metric.organisations"), len(shown))
    b.metric(t("network.metric.comuni"), len(counts))
    left, right = st.columns([3, 2])
    with left:
        st.subheader(t("network.map_title"), anchor=False)
        layer = maps_network.network_layer(counts, pacts.comune_centroids(), lang())
        mapassets.show_map(_base_map(mapassets.map_mode()), key="rete.map", height=420, feature_group_to_add=layer)
    with right:
        st.subheader(t("network.per_comune"), anchor=False)  # the map's text alternative
        names = {c.code: (c.name, c.district) for c in territory.comuni()}
        per = pd.DataFrame(
            [(names[c][0], names[c][1], n) for c, n in counts.items() if c in names],
            columns=[t("network.col.comune"), t("network.col.district"), t("network.col.n")],
        ).sort_values(t("network.col.n"), ascending=False)
        st.dataframe(per, hide_index=True, width="stretch", key="rete.per_comune")
    st.subheader(t("network.register_title"), anchor=False)
    if not shown:
        st.info(t("network.empty"))
    else:
        st.dataframe(register_table(shown), hide_index=True, width="stretch", key="rete.register")
    st.subheader(t("network.gap_title"), anchor=False)
    st.caption(t("network.gap_help", n=network.GAP_THRESHOLD))
    gap = network.actor_gap(everyone, district or None)
    if area:
        gap = gap[gap["area"] == area]
    pivot = gap.pivot_table(index="comune", columns="area", values="n", aggfunc="sum").reset_index()
    pivot.columns = [t("network.col.comune"), *(t(areas.AREAS[c]) for c in pivot.columns[1:])]
    st.dataframe(pivot, hide_index=True, width="stretch", key="rete.gap")
    holes = gap[gap["gap"]]
    for key in areas.AREAS:
        where = holes[holes["area"] == key]["comune"].tolist()
        if where and (not area or key == area):
            st.text(t("network.gap_line", area=t(areas.AREAS[key]), n=len(where), comuni=", ".join(where)))
