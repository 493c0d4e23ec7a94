"""Facilitazione: choose the voting method of the next round and its
parameters, then open it. The parameters are checked by the method
(``voting.method(name).check_params``, through ``workshop.open_new_round``):
a bad value shows an Italian message and changes nothing.
"""

from __future__ import annotations

import streamlit as st

from cantiere import results, voting
from cantiere import workshop as w
from cantiere.errors import CantiereError
from cantiere.store import workshops as db
from cantiere.ui import error_message, get_store, lang, state, t

METHOD = "facilitazione.round.method"
DOTS = "facilitazione.dots"  # same keys as before: existing flows keep working
MAX_PER_ITEM = "facilitazione.max_per_item"
MAX_APPROVALS = "facilitazione.round.max_approvals"
MAX_RANKED = "facilitazione.round.max_ranked"
BUDGET = "facilitazione.round.budget"
START = "facilitazione.start_voting"
TOP_N = "facilitazione.round.top_n"


def cost_key(priority_id: int) -> str:
    return f"facilitazione.round.cost.{priority_id}"


def params_from_state(method: str, priorities) -> tuple[dict, dict]:
    """(params, costs) of the form as typed; 0 in an optional cap means "no cap"."""
    get = st.session_state.get
    if method == "dots":
        return {"dots": get(DOTS, 5), "max_per_item": get(MAX_PER_ITEM, 2)}, {}
    if method == "approval":
        return {"max_approvals": get(MAX_APPROVALS) or None}, {}
    if method == "ranking":
        return {"max_ranked": get(MAX_RANKED) or None}, {}
    if method == "budget":
        costs = {p.id: get(cost_key(p.id)) for p in priorities}
        return {"budget": get(BUDGET)}, {i: (float(c) if c else None) for i, c in costs.items()}
    return {}, {}


def _start(actor: w.Actor, workshop_id: int) -> None:
    store = get_store()
    method = st.session_state.get(METHOD, "dots")
    params, costs = params_from_state(method, db.list_priorities(store, workshop_id))
    previous = _previous(db.list_rounds(store, workshop_id))
    top_n = st.session_state.get(TOP_N) or 0
    try:
        if previous is not None and top_n:
            params["items"] = results.top_items(w.tally_round(store, previous.id), int(top_n))
        rnd = w.open_new_round(store, actor, workshop_id, method, params, costs or None)
    except CantiereError as exc:
        st.session_state[state.FACILITAZIONE_FLASH] = ("error", error_message(exc))
    else:
        st.session_state[state.FACILITAZIONE_FLASH] = (
            "success",
            t("metodi.round_opened", position=rnd.position, method=t(voting.method(method).label)),
        )


def _previous(rounds):
    """The last closed round with ballots: a new round may keep only its top items."""
    store = get_store()
    closed = [r for r in rounds if r.status == "closed" and db.count_ballots(store, r.id)]
    return closed[-1] if closed else None


def round_form(actor: w.Actor, workshop: db.Workshop, rounds) -> None:
    """Method, its parameters and "Apri la votazione" (no round is open)."""
    store = get_store()
    draft = next((r for r in rounds if r.status == "draft"), None)
    if METHOD not in st.session_state or st.session_state.get(METHOD) not in voting.METHODS:
        st.session_state[METHOD] = draft.method if draft else "dots"
    method = st.selectbox(
        t("metodi.choose"),
        list(voting.METHODS),
        key=METHOD,
        format_func=lambda name: t(voting.method(name).label),
    )
    st.caption(t(voting.method(method).description))
    params = dict(draft.params) if draft and draft.method == method else {}
    if method == "dots":
        a, b = st.columns(2)
        a.number_input(t("facilitazione.dots"), min_value=1, max_value=50, value=int(params.get("dots", 5)), key=DOTS)
        b.number_input(
            t("facilitazione.max_per_item"),
            min_value=1,
            max_value=50,
            value=int(params.get("max_per_item", 2)),
            key=MAX_PER_ITEM,
        )
    elif method == "approval":
        st.number_input(
            t("metodi.param.max_approvals"),
            min_value=0,
            max_value=100,
            value=int(params.get("max_approvals") or 0),
            key=MAX_APPROVALS,
            help=t("metodi.param.zero_no_cap"),
        )
    elif method == "ranking":
        st.number_input(
            t("metodi.param.max_ranked"),
            min_value=0,
            max_value=100,
            value=int(params.get("max_ranked") or 0),
            key=MAX_RANKED,
            help=t("metodi.param.zero_no_cap"),
        )
    elif method == "budget":
        st.number_input(
            t("metodi.param.budget"), min_value=0.0, value=float(params.get("budget", 0) or 0), step=1000.0, key=BUDGET
        )
        st.caption(t("metodi.param.costs"))
        for p in db.list_priorities(store, workshop.id):
            st.text(p.title)
            st.number_input(
                t("metodi.param.cost"),
                min_value=0.0,
                value=float(p.cost or 0),
                step=500.0,
                key=cost_key(p.id),
                label_visibility="collapsed",
            )
    previous = _previous(rounds)
    if previous is not None:
        st.number_input(
            t("metodi.param.top_n", position=previous.position),
            min_value=0,
            max_value=100,
            value=0,
            key=TOP_N,
            help=t("metodi.param.top_n_help"),
        )
    st.button(t("facilitazione.start_voting"), key=START, type="primary", on_click=_start, args=(actor, workshop.id))


def params_text(rnd) -> str:
    """A round's method and parameters in words."""
    return results.describe_params(rnd.method, rnd.params, lang())
