"""Ranking on the phone: tap the priorities in order of preference, move them
up or down; the current order is always shown at the top. The facilitator's
form: how many priorities one may rank (a top 3), optional."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from cantiere.store import workshops as db
from cantiere.ui import evidence_view, t
from cantiere.ui.methods.common import Screen, round_context, submit_button

MAX_RANKED = "facilitazione.round.max_ranked"


def ranking_state_key(round_id: int) -> str:
    return f"partecipa.ranking.{round_id}.order"


def rank_add_key(round_id: int, item_id: int) -> str:
    return f"partecipa.ranking.{round_id}.add.{item_id}"


def rank_up_key(round_id: int, item_id: int) -> str:
    return f"partecipa.ranking.{round_id}.up.{item_id}"


def rank_down_key(round_id: int, item_id: int) -> str:
    return f"partecipa.ranking.{round_id}.down.{item_id}"


def rank_remove_key(round_id: int, item_id: int) -> str:
    return f"partecipa.ranking.{round_id}.remove.{item_id}"


def read_ballot(round_id: int, item_ids: tuple[int, ...]) -> dict:
    return {"order": [i for i in st.session_state.get(ranking_state_key(round_id), []) if i in item_ids]}


def _move(round_id: int, item_id: int, action: str) -> None:
    """Button callback: change the order kept in session state (a list of ids)."""
    key = ranking_state_key(round_id)
    order = list(st.session_state.get(key, []))
    if action == "add" and item_id not in order:
        order.append(item_id)
    elif action == "remove" and item_id in order:
        order.remove(item_id)
    elif action in ("up", "down") and item_id in order:
        k = order.index(item_id)
        j = k - 1 if action == "up" else k + 1
        if 0 <= j < len(order):
            order[k], order[j] = order[j], order[k]
    st.session_state[key] = order


@st.fragment
def screen(rnd: db.Round, who: db.Participant) -> None:
    ctx = round_context(rnd, who)
    if ctx is None:
        return
    (items, previous), round_id = ctx, rnd.id
    by_id = {item.id: item for item in items}
    key = ranking_state_key(round_id)
    if key not in st.session_state:
        st.session_state[key] = [int(i) for i in previous.get("order", ()) if int(i) in by_id]
    order = [i for i in st.session_state[key] if i in by_id]
    cap = rnd.params.get("max_ranked")
    st.caption(t("metodi.ranking.rule_max", max=cap) if cap else t("metodi.ranking.rule"))
    st.write(t("metodi.ranking.your_order"))
    if not order:
        st.caption(t("metodi.ranking.empty"))
    for position, item_id in enumerate(order, start=1):
        with st.container(border=True):
            st.text(f"{position}. {by_id[item_id].title}")
            evidence_view.show_for(rnd.workshop_id, item_id)  # the figures behind the priority
            # one row even at 360 px (columns would stack on a phone)
            with st.container(horizontal=True):
                st.button(
                    "▲",
                    key=rank_up_key(round_id, item_id),
                    on_click=_move,
                    args=(round_id, item_id, "up"),
                    disabled=position == 1,
                    width="stretch",
                    help=t("metodi.ranking.up"),
                )
                st.button(
                    "▼",
                    key=rank_down_key(round_id, item_id),
                    on_click=_move,
                    args=(round_id, item_id, "down"),
                    disabled=position == len(order),
                    width="stretch",
                    help=t("metodi.ranking.down"),
                )
                st.button(
                    "✕",
                    key=rank_remove_key(round_id, item_id),
                    on_click=_move,
                    args=(round_id, item_id, "remove"),
                    width="stretch",
                    help=t("metodi.ranking.remove"),
                )
    rest = [item for item in items if item.id not in order]
    if rest and (cap is None or len(order) < cap):
        st.write(t("metodi.ranking.tap_next"))
        for item in rest:
            with st.container(border=True):
                st.text(item.title)
                evidence_view.show_for(rnd.workshop_id, item.id)  # the figures behind the priority
                st.button(
                    t("metodi.ranking.add", position=len(order) + 1),
                    key=rank_add_key(round_id, item.id),
                    on_click=_move,
                    args=(round_id, item.id, "add"),
                    width="stretch",
                )
    submit_button(rnd, who, items, read_ballot)


def form(params: Mapping, priorities: Sequence[db.Priority]) -> None:
    st.number_input(
        t("metodi.param.max_ranked"),
        min_value=0,
        max_value=100,
        value=int(params.get("max_ranked") or 0),
        key=MAX_RANKED,
        help=t("metodi.param.zero_no_cap"),
    )


def params_from_state(priorities: Sequence[db.Priority]) -> tuple[dict, dict]:
    """0 in the cap means "no cap"."""
    return {"max_ranked": st.session_state.get(MAX_RANKED) or None}, {}


SCREEN = Screen("ranking", screen, read_ballot, form, params_from_state)
