"""Participatory budgeting on the phone: a toggle per project with its cost
and a bar of the money left; a choice over the budget is refused, with the
amount to take off. The facilitator's form: the budget and each project's cost."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from cantiere.store import workshops as db
from cantiere.ui import evidence_view, t
from cantiere.ui.methods.common import Screen, amount_input, money, read_amount, round_context, submit_button

BUDGET = "facilitazione.round.budget"


def cost_key(priority_id: int) -> str:
    return f"facilitazione.round.cost.{priority_id}"


def budget_key(round_id: int, item_id: int) -> str:
    return f"partecipa.budget.{round_id}.{item_id}"


def read_ballot(round_id: int, item_ids: tuple[int, ...]) -> dict:
    return {"approved": [i for i in item_ids if st.session_state.get(budget_key(round_id, i))]}


@st.fragment
def screen(rnd: db.Round, who: db.Participant) -> None:
    ctx = round_context(rnd, who)
    if ctx is None:
        return
    (items, previous), round_id = ctx, rnd.id
    budget = float(rnd.params["budget"])
    st.caption(t("metodi.budget.rule", budget=money(budget)))
    before = {int(i) for i in previous.get("approved", ())}
    chosen = []
    for item in items:
        with st.container(border=True):
            st.text(item.title)
            evidence_view.show_for(rnd.workshop_id, item.id)  # the figures behind the priority
            cost = float(item.cost or 0)
            if st.toggle(
                t("metodi.budget.toggle", cost=money(cost)), value=item.id in before, key=budget_key(round_id, item.id)
            ):
                chosen.append(item.id)
    spent = sum(float(i.cost or 0) for i in items if i.id in chosen)
    left = budget - spent
    st.progress(
        min(max(spent / budget, 0.0), 1.0), text=t("metodi.budget.left", spent=money(spent), left=money(max(left, 0)))
    )
    if left < 0:
        st.warning(t("metodi.budget.over", excess=money(-left)))
    submit_button(rnd, who, items, read_ballot)


def form(params: Mapping, priorities: Sequence[db.Priority]) -> None:
    amount_input(t("metodi.param.budget"), float(params.get("budget", 0) or 0), BUDGET)
    st.caption(t("metodi.param.costs"))
    for p in priorities:
        st.text(p.title)
        amount_input(t("metodi.param.cost"), float(p.cost or 0), cost_key(p.id), label_visibility="collapsed")


def params_from_state(priorities: Sequence[db.Priority]) -> tuple[dict, dict]:
    """The budget, and each priority's cost as typed («50.000», «50000,50», «50 000»;
    0 or empty: no cost yet). AmountError when one is not an amount."""
    costs = {p.id: read_amount(cost_key(p.id)) for p in priorities}
    return {"budget": read_amount(BUDGET)}, {i: (c if c else None) for i, c in costs.items()}


SCREEN = Screen("budget", screen, read_ballot, form, params_from_state)
