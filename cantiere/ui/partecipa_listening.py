"""Partecipa, ascolto phase: propose a need, say "anch'io", drop pins.

Three tabs on the phone: proposals (form + others' proposals with an
"Anch'io" button), the pin map, comments. Participant text is shown with
``st.text`` and dataframes only; the map carries pin numbers, never notes.

The map is an iframe AppTest cannot click: a tap arrives as the component's
value in ``st.session_state[MAP]`` (``mapkit.clicked_point`` reads it), is
shown as a provisional circle, and becomes a pin only on "Conferma".
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from cantiere import fmt, mapkit, maps_listening, pins, territory
from cantiere import listening as lis
from cantiere.errors import CantiereError
from cantiere.store import listening as ldb
from cantiere.store import workshops as db
from cantiere.ui import error_message, get_store, guard, lang, look, mapassets, t

TASK = "ascolto.task"
TASKS = ("proposals", "map", "comment")
P_TITLE = "ascolto.proposal.title"
P_DESCRIPTION = "ascolto.proposal.description"
P_TARGET = "ascolto.proposal.target"
P_COMUNI = "ascolto.proposal.comuni"
P_SEND = "ascolto.proposal.send"
P_RESULT = "ascolto.proposal.result"  # (kind, message) after sending or supporting
MAP = "ascolto.map"  # the st_folium component's value: {"last_clicked": {...}}
ZOOM = "ascolto.zoom"
CATEGORY = "ascolto.category"
NOTE = "ascolto.note"
CONFIRM = "ascolto.confirm"
USED_CLICK = "ascolto.used_click"  # the tap already turned into a pin (no provisional circle)
PIN_RESULT = "ascolto.pin.result"
MY_PIN = "ascolto.my_pin"
MOVE = "ascolto.move"
DELETE = "ascolto.delete"


def support_key(proposal_id: int) -> str:
    return f"ascolto.support.{proposal_id}"


def render(workshop: db.Workshop, who: db.Participant, comments: Callable[[], None]) -> None:
    """The ascolto screen of the phone; ``comments`` draws the comments panel.

    One task at a time (a radio, not tabs): only the chosen panel is built, and
    the map is never created inside a hidden tab, where Leaflet measures a
    zero-size box and frames the province wrongly."""
    st.caption(t("ascolto.intro"))
    task = st.radio(
        t("ascolto.task"),
        TASKS,
        key=TASK,
        horizontal=True,
        label_visibility="collapsed",
        format_func=lambda v: t(f"ascolto.tab_{v}"),
    )
    if task == "proposals":
        _proposals(workshop.id, who.token)
    elif task == "map":
        _pins(workshop.id, who.token)
    else:
        comments()


def _result(key: str) -> None:
    kind, message = st.session_state.pop(key, (None, None))
    if kind == "error":
        st.error(message)
    elif kind == "success":
        st.success(message, icon="✅")


# --- proposals ---------------------------------------------------------------------


def _send_proposal(token: str) -> None:
    """Button callback: store the proposal, then empty the form."""
    store = get_store()
    try:
        who = db.participant_by_token(store, token)
        guard.allow("proposal", token)
        created = lis.submit_proposal(
            store,
            who,
            st.session_state.get(P_TITLE, ""),
            st.session_state.get(P_DESCRIPTION, ""),
            st.session_state.get(P_TARGET, ""),
            st.session_state.get(P_COMUNI, []),
        )
    except CantiereError as exc:
        st.session_state[P_RESULT] = ("error", error_message(exc))
        return
    st.session_state[P_RESULT] = ("success", t("proposte.sent", id=created.id))
    for key, empty in ((P_TITLE, ""), (P_DESCRIPTION, ""), (P_TARGET, ""), (P_COMUNI, [])):
        st.session_state[key] = empty


def _support(token: str, proposal_id: int) -> None:
    store = get_store()
    try:
        guard.allow_support(token, proposal_id)
        added = lis.support(store, db.participant_by_token(store, token), proposal_id)
    except CantiereError as exc:
        st.session_state[P_RESULT] = ("error", error_message(exc))
        return
    st.session_state[P_RESULT] = (
        "success",
        t("proposte.supported" if added else "proposte.already_supported", id=proposal_id),
    )


@st.fragment
def _proposals(workshop_id: int, token: str) -> None:
    store = get_store()
    who = db.participant_by_token(store, token)
    st.subheader(t("proposte.section"), anchor=False)
    st.caption(t("proposte.intro"))
    st.text_input(t("proposte.title", max=pins.TITLE_MAX), key=P_TITLE, max_chars=pins.TITLE_MAX)
    look.limit_notice(P_TITLE, pins.TITLE_MAX)
    st.text_area(t("proposte.description"), key=P_DESCRIPTION, max_chars=pins.DESCRIPTION_MAX, height=90)
    look.limit_notice(P_DESCRIPTION, pins.DESCRIPTION_MAX)
    st.text_input(t("proposte.target_group"), key=P_TARGET, max_chars=lis.TARGET_GROUP_MAX)
    st.multiselect(
        t("proposte.comuni"),
        [c.name for c in territory.comuni()],
        key=P_COMUNI,
        placeholder=t("proposte.comuni_placeholder"),
    )
    st.button(t("proposte.send"), key=P_SEND, type="primary", width="stretch", on_click=_send_proposal, args=(token,))
    _result(P_RESULT)
    st.subheader(t("proposte.others"), anchor=False)
    found = lis.visible_proposals(store, workshop_id)
    if not found:
        st.caption(t("proposte.none"))
    mine = ldb.supported_by(store, workshop_id, who.id)
    for proposal in reversed(found):  # newest first
        with st.container(border=True):
            st.text(proposal.title)  # participant text: plain text only
            if proposal.description:
                st.text(proposal.description)
            st.caption(t("proposte.count", id=proposal.id, supports=supports_text(proposal.supports)))
            if proposal.participant_id == who.id:
                st.caption(t("proposte.yours"))
            elif proposal.id in mine:
                st.caption(t("proposte.you_support"))
            else:
                st.button(
                    t("proposte.support"),
                    key=support_key(proposal.id),
                    on_click=_support,
                    args=(token, proposal.id),
                    width="stretch",
                )


# --- pins --------------------------------------------------------------------------------


def pending_point() -> tuple[float, float] | None:
    """The last tap on the map not yet turned into a pin, or None."""
    point = mapkit.clicked_point(st.session_state.get(MAP))
    if point is None or st.session_state.get(USED_CLICK) == point:
        return None
    return point


def _category_label(category: str) -> str:
    return t(f"pins.category.{category}")


def _confirm(token: str, point: tuple[float, float]) -> None:
    store = get_store()
    try:
        guard.allow("pin", token)
        pin = lis.add_pin(
            store,
            db.participant_by_token(store, token),
            point[0],
            point[1],
            st.session_state.get(CATEGORY),
            st.session_state.get(NOTE, ""),
        )
    except CantiereError as exc:
        st.session_state[PIN_RESULT] = ("error", error_message(exc))
        return
    st.session_state[USED_CLICK] = point
    st.session_state[NOTE] = ""
    st.session_state[PIN_RESULT] = (
        "success",
        t("ascolto.added", id=pin.id, comune=territory.comune(pin.comune_code).name),
    )


def _move(token: str, point: tuple[float, float]) -> None:
    store = get_store()
    pin_id = st.session_state.get(MY_PIN)
    try:
        pin = lis.move_pin(store, db.participant_by_token(store, token), pin_id, point[0], point[1])
    except CantiereError as exc:
        st.session_state[PIN_RESULT] = ("error", error_message(exc))
        return
    st.session_state[USED_CLICK] = point
    st.session_state[PIN_RESULT] = (
        "success",
        t("ascolto.moved", id=pin.id, comune=territory.comune(pin.comune_code).name),
    )


def _delete(token: str) -> None:
    store = get_store()
    pin_id = st.session_state.get(MY_PIN)
    try:
        lis.delete_pin(store, db.participant_by_token(store, token), pin_id)
    except CantiereError as exc:
        st.session_state[PIN_RESULT] = ("error", error_message(exc))
        return
    st.session_state[PIN_RESULT] = ("success", t("ascolto.deleted", id=pin_id))


def pins_table(found) -> pd.DataFrame:
    """Own pins beside the map: number, comune, category, note (as data, never HTML)."""
    return pd.DataFrame(
        {
            t("ascolto.col.number"): [p.id for p in found],
            t("ascolto.col.comune"): [territory.comune(p.comune_code).name for p in found],
            t("ascolto.col.category"): [_category_label(p.category) for p in found],
            t("ascolto.col.note"): [
                p.note + (" " + t("ascolto.hidden_by_facilitator") if p.hidden else "") for p in found
            ],
        }
    )


@st.fragment
def _pins(workshop_id: int, token: str) -> None:
    """A tap reruns only this panel: the map returns only ``last_clicked``."""
    store = get_store()
    who = db.participant_by_token(store, token)
    st.caption(t("ascolto.map_hint"))
    names = [None] + [c.name for c in territory.comuni()]
    zoom = st.selectbox(
        t("ascolto.comune_filter"),
        names,
        key=ZOOM,
        format_func=lambda v: t("ascolto.whole_province") if v is None else v,
    )
    base = mapkit.one_finger_scrolls(  # the map never traps the page's scroll (issue 15)
        mapkit.base_map(mapassets.map_mode(), bounds=lis.comune_bounds(zoom) if zoom else None)
    )
    mine = lis.my_pins(store, who)
    point = pending_point()
    layers = [maps_listening.pins_layer(mine, "mine"), maps_listening.provisional_layer(point)]
    mapassets.show_map(base, key=MAP, height=380, returned_objects=["last_clicked"], feature_group_to_add=layers)
    if point is None:
        st.info(t("ascolto.no_point"))
    else:
        try:
            placed = pins.place(*point)
        except CantiereError as exc:
            st.error(error_message(exc))
            point = None
        else:
            st.success(t("ascolto.point_in", comune=placed.comune.name), icon="📍")
    st.selectbox(t("ascolto.category"), pins.CATEGORIES, key=CATEGORY, format_func=_category_label)
    st.text_area(t("ascolto.note", max=pins.NOTE_MAX), key=NOTE, max_chars=pins.NOTE_MAX, height=80)
    look.limit_notice(NOTE, pins.NOTE_MAX)
    st.button(
        t("ascolto.confirm"),
        key=CONFIRM,
        type="primary",
        width="stretch",
        disabled=point is None,
        on_click=_confirm,
        args=(token, point),
    )
    _result(PIN_RESULT)
    st.subheader(t("ascolto.mine"), anchor=False)
    if not mine:
        st.caption(t("ascolto.mine_none"))
        return
    st.dataframe(pins_table(mine), hide_index=True, width="stretch")
    ids = [p.id for p in mine]
    if st.session_state.get(MY_PIN) not in ids:
        st.session_state[MY_PIN] = ids[-1]
    chosen = st.selectbox(t("ascolto.col.number"), ids, key=MY_PIN)
    left, right = st.columns(2)
    left.button(
        t("ascolto.move_here", id=chosen),
        key=MOVE,
        disabled=point is None,
        width="stretch",
        on_click=_move,
        args=(token, point),
    )
    right.button(t("ascolto.delete", id=chosen), key=DELETE, width="stretch", on_click=_delete, args=(token,))


def supports_text(n: int) -> str:
    """«1 sostegno», «2 sostegni» (issue 15: never «1 sostegni»)."""
    return fmt.count(n, t("proposte.support_one"), t("proposte.support_many"), lang())
