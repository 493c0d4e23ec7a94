"""The importance × feasibility matrix on the phone: two compact 1–5 scales per
priority. A priority left blank means "non so"; one with a single scale set is
refused. No parameters to set."""

from __future__ import annotations

import streamlit as st

from cantiere import voting
from cantiere.store import workshops as db
from cantiere.ui import evidence_view, t
from cantiere.ui.methods.common import Screen, no_form, no_params, round_context, submit_button


def matrix_key(round_id: int, item_id: int, axis: str) -> str:
    return f"partecipa.matrix.{round_id}.{item_id}.{axis}"


def read_ballot(round_id: int, item_ids: tuple[int, ...]) -> dict:
    ratings = {}
    for item_id in item_ids:
        given = {
            axis: v
            for axis in voting.AXES
            if (v := st.session_state.get(matrix_key(round_id, item_id, axis))) is not None
        }
        if given:
            ratings[str(item_id)] = given
    return {"ratings": ratings}


@st.fragment
def screen(rnd: db.Round, who: db.Participant) -> None:
    ctx = round_context(rnd, who)
    if ctx is None:
        return
    (items, previous), round_id = ctx, rnd.id
    st.caption(t("metodi.matrix.rule"))
    before = {int(k): v for k, v in previous.get("ratings", {}).items()}
    scale = list(range(voting.SCALE[0], voting.SCALE[1] + 1))
    for item in items:
        with st.container(border=True):
            st.text(item.title)
            evidence_view.show_for(rnd.workshop_id, item.id)  # the figures behind the priority
            for axis in voting.AXES:
                old = before.get(item.id, {}).get(axis)
                st.radio(
                    t(f"metodi.matrix.{axis}"),
                    scale,
                    index=scale.index(old) if old in scale else None,
                    key=matrix_key(round_id, item.id, axis),
                    horizontal=True,
                )
    submit_button(rnd, who, items, read_ballot)


SCREEN = Screen("matrix", screen, read_ballot, no_form, no_params)
