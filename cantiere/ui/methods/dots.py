"""Dot voting on the phone: one number per priority, a running count, one
submit; the facilitator's form: dots per participant and most dots on one priority.

A change of a dot reruns nothing on the server (issue 16: in a room of 300 the
dots' reruns were two thirds of a vote's cost and queued the taps): the number
fields are ``on_change="ignore"``, their values travel with the submit tap, and
the browser keeps «Punti usati» current (``live.count_dots``). Any run of the
panel draws the count from the values it has, and the total is checked again
by the core at the submit. The items and the earlier ballot are read once per
session and round (``round_context``). The submit is the shared nested fragment,
one write transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from cantiere.store import workshops as db
from cantiere.ui import evidence_view, live, t
from cantiere.ui.methods.common import Screen, round_context, submit_button
from cantiere.voting.dots import DEFAULTS

DOTS = "facilitazione.dots"  # the facilitator's inputs
MAX_PER_ITEM = "facilitazione.max_per_item"


def dots_key(round_id: int, item_id: int) -> str:
    return f"partecipa.dots.{round_id}.{item_id}"


def panel_key(round_id: int) -> str:
    """No dots in it: the page's CSS class (``st-key-…``) keeps it as it is."""
    return f"partecipa_dots_panel_{round_id}"


def read_ballot(round_id: int, item_ids: tuple[int, ...]) -> dict:
    chosen = {i: int(st.session_state.get(dots_key(round_id, i)) or 0) for i in item_ids}
    return {"dots": {i: n for i, n in chosen.items() if n}}


@st.fragment
def screen(rnd: db.Round, who: db.Participant) -> None:
    ctx = round_context(rnd, who)
    if ctx is None:
        return
    items, previous = ctx
    dots, per_item = rnd.params["dots"], rnd.params["max_per_item"]
    before = {int(k): v for k, v in previous.get("dots", {}).items()}
    st.caption(t("partecipa.dots_rule", dots=dots, max_per_item=per_item))
    label = t("partecipa.dots_for")
    used = 0
    with st.container(key=panel_key(rnd.id)):
        for item in items:
            st.text(item.title)  # typed text: plain text, never a widget label (labels read Markdown)
            evidence_view.show_for(rnd.workshop_id, item.id)  # the figures behind the priority
            used += st.number_input(
                label,
                min_value=0,
                max_value=per_item,
                step=1,
                value=min(before.get(item.id, 0), per_item),
                key=dots_key(rnd.id, item.id),
                label_visibility="collapsed",
                on_change="ignore",  # counted in the browser; sent with «Invia il voto»
            )
        st.progress(min(used / dots, 1.0), text=t("partecipa.dots_used", used=used, dots=dots))
    if used > dots:
        st.warning(t("partecipa.dots_over", extra=used - dots))
    live.count_dots(
        panel_key(rnd.id),
        dots,
        t("partecipa.dots_used", used="{used}", dots="{dots}"),
        t("partecipa.dots_over", extra="{extra}"),
        key=f"partecipa.dots_count.{rnd.id}",
    )
    submit_button(rnd, who, items, read_ballot)


def form(params: Mapping, priorities: Sequence[db.Priority]) -> None:
    a, b = st.columns(2)
    a.number_input(
        t("facilitazione.dots"), min_value=1, max_value=50, value=int(params.get("dots", DEFAULTS["dots"])), key=DOTS
    )
    b.number_input(
        t("facilitazione.max_per_item"),
        min_value=1,
        max_value=50,
        value=int(params.get("max_per_item", DEFAULTS["max_per_item"])),
        key=MAX_PER_ITEM,
    )


def params_from_state(priorities: Sequence[db.Priority]) -> tuple[dict, dict]:
    get = st.session_state.get
    return {"dots": get(DOTS, DEFAULTS["dots"]), "max_per_item": get(MAX_PER_ITEM, DEFAULTS["max_per_item"])}, {}


SCREEN = Screen("dots", screen, read_ballot, form, params_from_state)
