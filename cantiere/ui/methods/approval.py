"""Approval on the phone: a big toggle per priority (at most ``max_approvals``
when the round says so); the facilitator's form: the optional cap."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from cantiere.store import workshops as db
from cantiere.ui import evidence_view, t
from cantiere.ui.methods.common import Screen, round_context, submit_button

MAX_APPROVALS = "facilitazione.round.max_approvals"


def approval_key(round_id: int, item_id: int) -> str:
    return f"partecipa.approval.{round_id}.{item_id}"


def read_ballot(round_id: int, item_ids: tuple[int, ...]) -> dict:
    return {"approved": [i for i in item_ids if st.session_state.get(approval_key(round_id, i))]}


@st.fragment
def screen(rnd: db.Round, who: db.Participant) -> None:
    ctx = round_context(rnd, who)
    if ctx is None:
        return
    (items, previous), round_id = ctx, rnd.id
    cap = rnd.params.get("max_approvals")
    st.caption(t("metodi.approval.rule_max", max=cap) if cap else t("metodi.approval.rule"))
    before = {int(i) for i in previous.get("approved", ())}
    chosen = []
    for item in items:
        with st.container(border=True):
            st.text(item.title)
            evidence_view.show_for(rnd.workshop_id, item.id)  # the figures behind the priority
            if st.toggle(t("metodi.approval.toggle"), value=item.id in before, key=approval_key(round_id, item.id)):
                chosen.append(item.id)
    st.caption(t("metodi.approval.count", n=len(chosen)))
    submit_button(rnd, who, items, read_ballot)


def form(params: Mapping, priorities: Sequence[db.Priority]) -> None:
    st.number_input(
        t("metodi.param.max_approvals"),
        min_value=0,
        max_value=100,
        value=int(params.get("max_approvals") or 0),
        key=MAX_APPROVALS,
        help=t("metodi.param.zero_no_cap"),
    )


def params_from_state(priorities: Sequence[db.Priority]) -> tuple[dict, dict]:
    """0 in the cap means "no cap"."""
    return {"max_approvals": st.session_state.get(MAX_APPROVALS) or None}, {}


SCREEN = Screen("approval", screen, read_ballot, form, params_from_state)
