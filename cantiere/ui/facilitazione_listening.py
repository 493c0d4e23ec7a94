"""Facilitazione, ascolto: live proposals (hide, merge, promote), pins with
exact positions (hide); plus the projector's section (coarsened, moderated
pins map and the most supported proposals) and the coordinators' layer.

Only drawn for a facilitator ``Actor``; every action passes it to the core,
which checks it again. Participant text: dataframes and ``st.text`` only; the
maps show pin numbers, never notes.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import folium
import pandas as pd
import streamlit as st

from cantiere import export, mapkit, maps_listening, territory
from cantiere import listening as lis
from cantiere import workshop as w
from cantiere.errors import CantiereError
from cantiere.store import workshops as db
from cantiere.ui import flash, get_store, mapassets, partecipa_listening, show_error, t

FLASH = "ascolto.fac.flash"
PICK = "ascolto.fac.pick"
HIDE = "ascolto.fac.hide"
PROMOTE = "ascolto.fac.promote"
MERGE_SOURCE = "ascolto.fac.merge_source"
MERGE_TARGET = "ascolto.fac.merge_target"
MERGE = "ascolto.fac.merge"
PIN_PICK = "ascolto.fac.pin_pick"
PIN_TOGGLE = "ascolto.fac.pin_toggle"
FAC_MAP = "ascolto.fac.map"
PUBLIC_JSON = "ascolto.fac.public_json"
PUBLIC_GEOJSON = "ascolto.fac.public_geojson"
PROJ_MAP = "ascolto.proj.map"
LAYER_TOGGLE_ATLANTE = "atlante.segnalazioni"
LAYER_TOGGLE_SERVIZI = "servizi.segnalazioni"
PROJECTOR_REFRESH_SECONDS = 10


def _act(action: Callable[[], object], success: Callable[[object], str]) -> None:
    flash.act(FLASH, action, success)


def _status(p) -> str:
    parts = []
    if p.hidden:
        parts.append(t("ascolto.fac.status_hidden"))
    if p.merged_into is not None:
        parts.append(t("ascolto.fac.status_merged", into=p.merged_into))
    if p.promoted_priority_id is not None:
        parts.append(t("ascolto.fac.status_promoted"))
    return " ".join(parts)


def proposals_frame(found) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("proposte.col.id"): [p.id for p in found],
            t("proposte.col.title"): [p.title for p in found],
            t("proposte.col.supports"): [p.supports for p in found],
            t("proposte.col.status"): [_status(p) for p in found],
            t("proposte.target_group"): [p.target_group for p in found],
            t("proposte.comuni"): [", ".join(p.comuni) for p in found],
            t("proposte.description"): [p.description for p in found],
        }
    )


def exact_pins_frame(found) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("ascolto.col.number"): [p.id for p in found],
            t("ascolto.col.comune"): [territory.comune(p.comune_code).name for p in found],
            t("ascolto.col.category"): [t(f"pins.category.{p.category}") for p in found],
            t("ascolto.col.note"): [p.note for p in found],
            t("ascolto.col.lat"): [p.lat for p in found],
            t("ascolto.col.lon"): [p.lon for p in found],
            t("ascolto.col.hidden"): [p.hidden for p in found],
        }
    )


def render(actor: w.Actor, workshop: db.Workshop) -> None:
    """The Ascolto tab: the live panel, then the public export."""
    _live(actor, workshop)
    _public_downloads(actor, workshop)


def _public_downloads(actor: w.Actor, workshop: db.Workshop) -> None:
    """The export without hidden items and with coarsened pins (to publish or share)."""
    w.require_facilitator(actor)
    try:
        data = export.build(get_store(), workshop, public=True)
    except CantiereError as exc:
        show_error(exc)
        return
    st.caption(t("ascolto.fac.public_help"))
    a, b = st.columns(2)
    a.download_button(
        t("ascolto.fac.public_json"),
        data=export.to_json(data),
        mime="application/json",
        file_name=f"laboratorio-{workshop.code}-pubblico.json",
        key=PUBLIC_JSON,
    )
    b.download_button(
        t("ascolto.fac.public_geojson"),
        data=json.dumps(data["pins"], ensure_ascii=False).encode("utf-8"),
        mime="application/geo+json",
        file_name=f"segnalazioni-{workshop.code}.geojson",
        key=PUBLIC_GEOJSON,
    )


@st.fragment
def _live(actor: w.Actor, workshop: db.Workshop) -> None:
    """New proposals and pins appear by themselves: the Facilitazione panel around
    it is live (issue 13); an action here reruns only this part."""
    store = get_store()
    flash.show(FLASH)
    st.subheader(t("ascolto.fac.proposals"), anchor=False)
    found = lis.all_proposals(store, actor, workshop.id)
    if not found:
        st.caption(t("ascolto.fac.no_proposals"))
    else:
        st.dataframe(proposals_frame(found), hide_index=True, width="stretch")
        by_id = {p.id: p for p in found}
        ids = list(by_id)
        pick = st.selectbox(t("proposte.col.id"), ids, key=PICK, format_func=lambda i: f"n. {i}")
        chosen = by_id[pick]
        a, b = st.columns(2)
        a.button(
            t("ascolto.fac.restore" if chosen.hidden else "ascolto.fac.hide"),
            key=HIDE,
            on_click=_act,
            args=(
                lambda: lis.hide_proposal(get_store(), actor, pick, not chosen.hidden),
                lambda _: t("ascolto.fac.done"),
            ),
        )
        b.button(
            t("ascolto.fac.promote"),
            key=PROMOTE,
            type="primary",
            on_click=_act,
            args=(lambda: lis.promote(get_store(), actor, pick), lambda _: t("ascolto.fac.promoted")),
        )
        live = [p.id for p in found if p.merged_into is None]
        if len(live) >= 2:
            c, d, e = st.columns([2, 2, 1], vertical_alignment="bottom")
            source = c.selectbox(t("ascolto.fac.merge_source"), live, key=MERGE_SOURCE, format_func=lambda i: f"n. {i}")
            target = d.selectbox(
                t("ascolto.fac.merge_target"),
                [i for i in live if i != source],
                key=MERGE_TARGET,
                format_func=lambda i: f"n. {i}",
            )
            e.button(
                t("ascolto.fac.merge"),
                key=MERGE,
                on_click=_act,
                args=(
                    lambda: lis.merge(get_store(), actor, source, target),
                    lambda merged: t(
                        "ascolto.fac.merged", id=merged.id, supports=partecipa_listening.supports_text(merged.supports)
                    ),
                ),
            )
    st.subheader(t("ascolto.fac.pins"), anchor=False)
    pins_found = lis.exact_pins(store, actor, workshop.id)
    if not pins_found:
        st.caption(t("ascolto.fac.no_pins"))
        return
    left, right = st.columns([3, 2])
    with left:
        mapassets.show_map(
            facilitator_base(), key=FAC_MAP, height=420, feature_group_to_add=facilitator_layer(pins_found)
        )
    with right:
        st.dataframe(exact_pins_frame(pins_found), hide_index=True, width="stretch")
        by_pin = {p.id: p for p in pins_found}
        pin_id = st.selectbox(t("ascolto.fac.pin_pick"), list(by_pin), key=PIN_PICK, format_func=lambda i: f"n. {i}")
        st.button(
            t("ascolto.fac.restore" if by_pin[pin_id].hidden else "ascolto.fac.hide"),
            key=PIN_TOGGLE,
            on_click=_act,
            args=(
                lambda: lis.hide_pin(get_store(), actor, pin_id, not by_pin[pin_id].hidden),
                lambda pin: t("ascolto.fac.pin_done", id=pin.id),
            ),
        )


def facilitator_base() -> folium.Map:
    return mapkit.base_map(mapassets.map_mode())


def facilitator_layer(pins_found) -> folium.FeatureGroup:
    """Exact positions, numbers only (hidden pins included: the facilitator moderates them)."""
    return maps_listening.pins_layer(pins_found, "exact")


# --- projector ------------------------------------------------------------------------------


@st.cache_data(ttl=2, show_spinner=False)
def projector_data(code: str) -> tuple[list[lis.PublicPin], list] | None:
    """Coarsened visible pins and the top proposals: one query per few seconds for every screen."""
    store = get_store()
    workshop = db.workshop_by_code(store, code)
    if workshop is None:
        return None
    return lis.public_pins(store, workshop.id), lis.top_proposals(store, workshop.id)


def projector_base() -> folium.Map:
    return mapkit.base_map(mapassets.map_mode())


def projector_layer(points) -> folium.FeatureGroup:
    return maps_listening.pins_layer(points, "public")


@st.fragment(run_every=PROJECTOR_REFRESH_SECONDS)
def projector_section(code: str) -> None:
    """Projector: the pins map (coarsened, moderated) and the most supported proposals."""
    data = projector_data(code)
    if data is None:
        return
    points, top = data
    if not points and not top:
        return
    st.subheader(t("ascolto.proj.top"), anchor=False)
    if top:
        st.dataframe(
            pd.DataFrame(
                {
                    t("proposte.col.id"): [p.id for p in top],
                    t("proposte.col.title"): [p.title for p in top],
                    t("proposte.col.supports"): [p.supports for p in top],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption(t("ascolto.proj.none"))
    if points:
        st.subheader(t("ascolto.proj.map"), anchor=False)
        left, right = st.columns([3, 2])
        with left:
            mapassets.show_map(projector_base(), key=PROJ_MAP, height=460, feature_group_to_add=projector_layer(points))
            st.caption(t("ascolto.proj.coarse"))
        with right:
            st.dataframe(
                pd.DataFrame(
                    {
                        t("ascolto.col.number"): [p.id for p in points],
                        t("ascolto.col.comune"): [p.comune for p in points],
                        t("ascolto.col.category"): [t(f"pins.category.{p.category}") for p in points],
                        t("ascolto.col.note"): [p.note for p in points],
                    }
                ),
                hide_index=True,
                width="stretch",
            )


# --- coordinators' maps (Atlante, Servizi) ----------------------------------------------------


@st.cache_data(ttl=30, show_spinner=False)
def coordinator_points() -> list[lis.PublicPin]:
    """Visible pins of every workshop, coarsened (the same for every coordinator)."""
    return lis.public_pins(get_store())


def coordinator_layers(toggle_key: str) -> list[folium.FeatureGroup]:
    """The optional "Segnalazioni dei laboratori" toggle; its layer when on."""
    if not st.toggle(t("ascolto.layer"), key=toggle_key):
        return []
    points = coordinator_points()
    st.caption(t("ascolto.layer_caption", n=len(points)))
    return [maps_listening.coordinator_layer(points)]
