"""Phone screens of the voting methods other than dots (which keeps its panel
in ``workshop_partecipa``), one function per method in ``SCREENS``, and what
every vote screen shares, the dots panel included: the widget keys,
``round_context`` and ``submit_button``.

Every screen is an ``st.fragment`` (a tap reruns only the panel), every widget
has a stable key built from the round and item ids, and everything works with
one thumb: full-width buttons and toggles, no drag and drop. As in the dots
panel, a screen reads the database once per session and round (items and the
participant's earlier ballot, ``round_context``), and its "Invia il voto" button is a
fragment nested in it: a vote tap reruns the button and its confirmation, the
ballot is read from the widgets' session state (``BALLOTS``) and stored in one
write transaction that checks the round is still open. Priority titles
are drawn with ``st.text`` (never as a widget label: labels read Markdown) so
a title typed by a person shows exactly as typed.

The ballot is validated by the core (``workshop.cast_ballot`` → the method's
``validate``); its error, in Italian, is shown on the phone and nothing is saved.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import streamlit as st

from cantiere import fmt, voting
from cantiere import workshop as w
from cantiere.errors import CantiereError
from cantiere.i18n import translate
from cantiere.store import workshops as db
from cantiere.ui import error_message, evidence_view, get_store, lang, show_error, t
from cantiere.workshop_errors import RoundNotOpenError


def submit_key(round_id: int) -> str:
    return f"partecipa.vote.{round_id}"


def dots_key(round_id: int, item_id: int) -> str:
    return f"partecipa.dots.{round_id}.{item_id}"


def approval_key(round_id: int, item_id: int) -> str:
    return f"partecipa.approval.{round_id}.{item_id}"


def budget_key(round_id: int, item_id: int) -> str:
    return f"partecipa.budget.{round_id}.{item_id}"


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


def pair_key(round_id: int, side: str) -> str:
    """``side``: "left", "right" or "skip"."""
    return f"partecipa.pair.{round_id}.{side}"


def matrix_key(round_id: int, item_id: int, axis: str) -> str:
    return f"partecipa.matrix.{round_id}.{item_id}.{axis}"


# --- shared -----------------------------------------------------------------------


def _state_key(round_id: int) -> str:
    return f"partecipa.method_state.{round_id}"


def round_context(rnd: db.Round, who: db.Participant) -> tuple[list[voting.Item], dict] | None:
    """(items, earlier payload) of this round for this phone, read once per
    session and round: the starting values of the widgets (afterwards they keep
    their own state). The ballot is checked against the database at every
    submit. None, with a notice, when the round is not open."""
    if rnd.status != "open":
        st.info(t("partecipa.round_closed"))
        return None
    key = _state_key(rnd.id)
    cached = st.session_state.get(key)
    if cached is None or cached[0] != who.id:
        store = get_store()
        mine = w.my_ballot(store, who, rnd.id)
        cached = (who.id, w.items_of(store, rnd.workshop_id, rnd.params), dict(mine.payload) if mine else {})
        st.session_state[key] = cached
    return cached[1], cached[2]


def _approved(key: Callable[[int, int], str]) -> Callable[[int, tuple[int, ...]], dict]:
    def ballot(round_id: int, item_ids: tuple[int, ...]) -> dict:
        return {"approved": [i for i in item_ids if st.session_state.get(key(round_id, i))]}

    return ballot


def _dots_ballot(round_id: int, item_ids: tuple[int, ...]) -> dict:
    chosen = {i: int(st.session_state.get(dots_key(round_id, i)) or 0) for i in item_ids}
    return {"dots": {i: n for i, n in chosen.items() if n}}


def _ranking_ballot(round_id: int, item_ids: tuple[int, ...]) -> dict:
    return {"order": [i for i in st.session_state.get(ranking_state_key(round_id), []) if i in item_ids]}


def _matrix_ballot(round_id: int, item_ids: tuple[int, ...]) -> dict:
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


# The ballot of each method with a submit button, read from its widgets' state
# (the dots panel is in workshop_partecipa; pairwise saves each answer at once).
BALLOTS: dict[str, Callable[[int, tuple[int, ...]], dict]] = {
    "dots": _dots_ballot,
    "approval": _approved(approval_key),
    "budget": _approved(budget_key),
    "ranking": _ranking_ballot,
    "matrix": _matrix_ballot,
}


@st.fragment
def _submit(method: str, round_id: int, who: db.Participant, item_ids: tuple[int, ...], language: str) -> None:
    """ "Invia il voto" in a fragment nested in the screen: a tap reruns only the
    button and "Voto registrato" (or the core's message, nothing saved). The
    language comes from the screen's run (``lang()`` reads state, URL, settings)."""
    if st.button(
        translate("partecipa.submit_vote", language), key=submit_key(round_id), type="primary", width="stretch"
    ):
        try:
            _, replaced = w.cast_ballot(get_store(), who, round_id, BALLOTS[method](round_id, item_ids))
        except RoundNotOpenError:  # closed since the screen was drawn
            st.info(translate("partecipa.round_closed", language))
        except CantiereError as exc:
            show_error(exc)
        else:
            st.success(
                translate("partecipa.vote_replaced" if replaced else "partecipa.vote_saved", language), icon="✅"
            )


def submit_button(rnd: db.Round, who: db.Participant, items: list[voting.Item]) -> None:
    _submit(rnd.method, rnd.id, who, tuple(item.id for item in items), lang())


def _money(value: float) -> str:
    return "€ " + fmt.number(value, 0 if float(value).is_integer() else 2, lang())


# --- approval ------------------------------------------------------------------------


@st.fragment
def approval_screen(rnd: db.Round, who: db.Participant) -> None:
    """A big toggle per priority; at most ``max_approvals`` when the round says so."""
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
            evidence_view.show_for(rnd.workshop_id, item.id)  # issue 18
            if st.toggle(t("metodi.approval.toggle"), value=item.id in before, key=approval_key(round_id, item.id)):
                chosen.append(item.id)
    st.caption(t("metodi.approval.count", n=len(chosen)))
    submit_button(rnd, who, items)


# --- ranking ------------------------------------------------------------------------


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
def ranking_screen(rnd: db.Round, who: db.Participant) -> None:
    """Tap the priorities in order of preference; move them up or down; the
    current order is always shown at the top."""
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
            evidence_view.show_for(rnd.workshop_id, item_id)  # issue 18
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
                evidence_view.show_for(rnd.workshop_id, item.id)  # issue 18
                st.button(
                    t("metodi.ranking.add", position=len(order) + 1),
                    key=rank_add_key(round_id, item.id),
                    on_click=_move,
                    args=(round_id, item.id, "add"),
                    width="stretch",
                )
    submit_button(rnd, who, items)


# --- budget -------------------------------------------------------------------------


@st.fragment
def budget_screen(rnd: db.Round, who: db.Participant) -> None:
    """A toggle per project with its cost and a bar of the money left; a choice
    over the budget is refused, with the amount to take off."""
    ctx = round_context(rnd, who)
    if ctx is None:
        return
    (items, previous), round_id = ctx, rnd.id
    budget = float(rnd.params["budget"])
    st.caption(t("metodi.budget.rule", budget=_money(budget)))
    before = {int(i) for i in previous.get("approved", ())}
    chosen = []
    for item in items:
        with st.container(border=True):
            st.text(item.title)
            evidence_view.show_for(rnd.workshop_id, item.id)  # issue 18
            cost = float(item.cost or 0)
            if st.toggle(
                t("metodi.budget.toggle", cost=_money(cost)), value=item.id in before, key=budget_key(round_id, item.id)
            ):
                chosen.append(item.id)
    spent = sum(float(i.cost or 0) for i in items if i.id in chosen)
    left = budget - spent
    st.progress(
        min(max(spent / budget, 0.0), 1.0), text=t("metodi.budget.left", spent=_money(spent), left=_money(max(left, 0)))
    )
    if left < 0:
        st.warning(t("metodi.budget.over", excess=_money(-left)))
    submit_button(rnd, who, items)


# --- pairwise -----------------------------------------------------------------------


@st.cache_data(ttl=5, show_spinner=False)
def _all_comparisons(round_id: int) -> list:
    """Every phone's comparisons in this round, for ``voting.next_pair`` to
    spread the pairs over the room: read at most once per 5 seconds per process
    (a pair chosen on a 5-second-old view is as good), not at every answer."""
    return [b.payload for b in db.list_ballots(get_store(), round_id)]


def _flash_key(round_id: int) -> str:
    return f"partecipa.pair.{round_id}.flash"


def _answer(who: db.Participant, round_id: int, answer: list) -> None:
    """Button callback: add one answer to this phone's comparisons and save the
    whole list, before the panel is drawn again with the next pair. The earlier
    list is read from the database (another tab of the same phone may have added
    to it), and the stored list becomes the screen's starting point."""
    store = get_store()
    mine = w.my_ballot(store, who, round_id)
    comparisons = list(mine.payload.get("comparisons", ())) if mine else []
    try:
        ballot, _ = w.cast_ballot(store, who, round_id, {"comparisons": [*comparisons, answer]})
    except CantiereError as exc:
        st.session_state[_flash_key(round_id)] = ("error", error_message(exc))
    else:
        key = _state_key(round_id)
        if key in st.session_state:
            st.session_state[key] = (*st.session_state[key][:2], dict(ballot.payload))
        st.session_state[_flash_key(round_id)] = ("success", t("partecipa.vote_saved"))


@st.fragment
def pairwise_screen(rnd: db.Round, who: db.Participant) -> None:
    """Two priorities, two big buttons and "Non so". Each answer is saved at once
    (the ballot is the list of this phone's answers, replaced each time); the
    next pair comes from ``voting.next_pair``, avoiding pairs already answered."""
    ctx = round_context(rnd, who)
    if ctx is None:
        return
    (items, previous), round_id = ctx, rnd.id
    mine = list(previous.get("comparisons", ()))
    by_id = {item.id: item for item in items}
    st.caption(t("metodi.pairwise.rule"))
    kind, message = st.session_state.pop(_flash_key(round_id), (None, None))
    if kind == "error":
        st.error(message)
    elif kind == "success":
        st.success(message, icon="✅")
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
            evidence_view.show_for(rnd.workshop_id, item_id)  # issue 18
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


# --- matrix -------------------------------------------------------------------------


@st.fragment
def matrix_screen(rnd: db.Round, who: db.Participant) -> None:
    """Two compact 1–5 scales per priority: importance and feasibility. A
    priority left blank means "non so"; one with a single scale set is refused."""
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
            evidence_view.show_for(rnd.workshop_id, item.id)  # issue 18
            for axis in voting.AXES:
                old = before.get(item.id, {}).get(axis)
                st.radio(
                    t(f"metodi.matrix.{axis}"),
                    scale,
                    index=scale.index(old) if old in scale else None,
                    key=matrix_key(round_id, item.id, axis),
                    horizontal=True,
                )
    submit_button(rnd, who, items)


SCREENS: dict[str, Callable[[db.Round, db.Participant], None]] = {
    "approval": approval_screen,
    "ranking": ranking_screen,
    "budget": budget_screen,
    "pairwise": pairwise_screen,
    "matrix": matrix_screen,
}
