"""Facilitazione: choose the voting method of the next round and its
parameters, then open it. Each method draws its own inputs
(``cantiere/ui/methods/<name>.py``: ``form`` and ``params_from_state``); the
parameters are checked by the method (``voting.method(name).check_params``,
through ``workshop.open_new_round``): a bad value shows an Italian message and
changes nothing.
"""

from __future__ import annotations

import streamlit as st

from cantiere import results, voting
from cantiere import workshop as w
from cantiere.errors import CantiereError
from cantiere.store import workshops as db
from cantiere.ui import error_message, get_store, lang, live_routes, methods, state, t
from cantiere.ui.methods.budget import BUDGET, cost_key  # noqa: F401  (the budget inputs, for tests)
from cantiere.ui.methods.dots import DOTS, MAX_PER_ITEM  # noqa: F401  (same keys as before)

METHOD = "facilitazione.round.method"
START = "facilitazione.start_voting"
TOP_N = "facilitazione.round.top_n"


def params_from_state(method: str, priorities) -> tuple[dict, dict]:
    """(params, costs) of the method's form as typed."""
    return methods.screen(method).params_from_state(priorities)


def _start(actor: w.Actor, workshop_id: int) -> None:
    store = get_store()
    method = st.session_state.get(METHOD, "dots")
    previous = _previous(db.list_rounds(store, workshop_id))
    top_n = st.session_state.get(TOP_N) or 0
    try:
        params, costs = params_from_state(method, db.list_priorities(store, workshop_id))  # AmountError
        if previous is not None and top_n:
            params["items"] = results.top_items(w.tally_round(store, previous.id), int(top_n))
        rnd = w.open_new_round(store, actor, workshop_id, method, params, costs or None, if_none_open=True)
    except CantiereError as exc:
        st.session_state[state.FACILITAZIONE_FLASH] = ("error", error_message(exc))
    else:
        live_routes.watch().poke()  # phones waiting on this process hear of the new round at once
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
    methods.screen(method).form(params, db.list_priorities(store, workshop.id))
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
