"""Pairwise comparison on the phone: two priorities, two big buttons and "Non
so". Each answer is saved at once (the ballot is the list of this phone's
answers, replaced each time), so there is no submit button and no ballot
reader; the next pair comes from ``voting.next_pair``, avoiding pairs already
answered. No parameters to set."""

from __future__ import annotations

import random

import streamlit as st

from cantiere import voting
from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.ui import evidence_view, flash, get_store, t
from cantiere.ui.methods.common import Screen, no_form, no_params, remember_ballot, round_context


def pair_key(round_id: int, side: str) -> str:
    """``side``: "left", "right" or "skip"."""
    return f"partecipa.pair.{round_id}.{side}"


def _flash_key(round_id: int) -> str:
    return f"partecipa.pair.{round_id}.flash"


@st.cache_data(ttl=5, show_spinner=False)
def _all_comparisons(round_id: int) -> list:
    """Every phone's comparisons in this round, for ``voting.next_pair`` to
    spread the pairs over the room: read at most once per 5 seconds per process
    (a pair chosen on a 5-second-old view is as good), not at every answer."""
    return [b.payload for b in db.list_ballots(get_store(), round_id)]


def _answer(who: db.Participant, round_id: int, answer: list) -> None:
    """Button callback: add one answer to this phone's comparisons and save the
    whole list, before the panel is drawn again with the next pair. The earlier
    list is read from the database (another tab of the same phone may have added
    to it), and the stored list becomes the screen's starting point."""
    store = get_store()
    mine = w.my_ballot(store, who, round_id)
    comparisons = list(mine.payload.get("comparisons", ())) if mine else []
    flash.act(
        _flash_key(round_id),
        lambda: w.cast_ballot(store, who, round_id, {"comparisons": [*comparisons, answer]}),
        success=lambda _: t("partecipa.vote_saved"),
        after=lambda outcome: remember_ballot(round_id, outcome[0].payload),
    )


@st.fragment
def screen(rnd: db.Round, who: db.Participant) -> None:
    ctx = round_context(rnd, who)
    if ctx is None:
        return
    (items, previous), round_id = ctx, rnd.id
    mine = list(previous.get("comparisons", ()))
    by_id = {item.id: item for item in items}
    st.caption(t("metodi.pairwise.rule"))
    flash.show(_flash_key(round_id), success_icon="✅")
    # seeded by phone and answer count: the pair stays put across reruns until answered
    rng = random.Random(f"{who.token}:{round_id}:{len(mine)}")
    pair = voting.next_pair(items, _all_comparisons(round_id), rng, mine=mine)
    if pair is None:
        st.info(t("metodi.pairwise.too_few"))
        return
    a, b = pair
    left, right = st.columns(2)
    for col, item_id, other, side in ((left, a, b, "left"), (right, b, a, "right")):
        with col.container(border=True):
            st.text(by_id[item_id].title)
            evidence_view.show_for(rnd.workshop_id, item_id)  # the figures behind the priority
            st.button(
                t("metodi.pairwise.pick"),
                key=pair_key(round_id, side),
                type="primary",
                width="stretch",
                on_click=_answer,
                args=(who, round_id, [item_id, other]),
            )
    st.button(
        t("metodi.pairwise.skip"),
        key=pair_key(round_id, "skip"),
        width="stretch",
        on_click=_answer,
        args=(who, round_id, [a, b, voting.SKIP]),
    )
    if mine:
        st.caption(t("metodi.pairwise.answered", n=len(mine)))


SCREEN = Screen("pairwise", screen, None, no_form, no_params)
