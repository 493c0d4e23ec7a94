"""Dot voting on the phone: one «− n +» per priority, a running count, one
submit; the facilitator's form: dots per participant and most dots on one priority.

The phone's screen is drawn by the browser (issue 16), from one small spec
(``browser_screen``: titles, evidence lines, the rule, the words): one page
element instead of ~30, so a join costs a third less; a tap on «−»/«+»
reruns nothing; «Invia il voto» posts the ballot to ``/api/live/<code>/voto``
(``ui/live_routes.py``), which checks it in the core's one write transaction
like any ballot, so a vote costs no page run. And when the facilitator opens
the next dots round, the phones draw it from the same spec, carried by the
room's long poll: a room of hundreds follows without a page run each.
Titles and lines are set as text by the browser (``textContent``), never as
HTML. The number-field keys (``dots_key``/``read_ballot``) are the paper
cards' (``ui/cards_view.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from cantiere import voting
from cantiere import workshop as w
from cantiere.i18n import translate
from cantiere.store import workshops as db
from cantiere.ui import evidence_view, get_store, lang, large_text, live, state, t
from cantiere.ui.methods.common import Screen, round_items, submit_key
from cantiere.voting.dots import DEFAULTS

DOTS = "facilitazione.dots"  # the facilitator's inputs
MAX_PER_ITEM = "facilitazione.max_per_item"


def dots_key(round_id: int, item_id: int) -> str:
    return f"partecipa.dots.{round_id}.{item_id}"


def read_ballot(round_id: int, item_ids: tuple[int, ...]) -> dict:
    """The ballot of the number fields ``dots_key`` (a paper card's sheet)."""
    chosen = {i: int(st.session_state.get(dots_key(round_id, i)) or 0) for i in item_ids}
    return {"dots": {i: n for i, n in chosen.items() if n}}


def browser_screen(rnd: db.Round, items: Sequence[voting.Item], lines: Mapping[int, str], language: str) -> dict:
    """What the browser needs to draw the round's screen (``live_assets/live.js``,
    ``drawDots``): the same for every phone of the room, so the room's long
    poll can carry it (``{...}`` placeholders are filled in the browser)."""
    dots, per_item = int(rnd.params["dots"]), int(rnd.params["max_per_item"])

    def say(key: str, **params) -> str:
        return translate(key, language, **params)

    return {
        "method": "dots",
        "lang": language,
        "round": rnd.id,
        "dots": dots,
        "per_item": per_item,
        "items": [{"id": item.id, "title": item.title, "line": lines.get(item.id, "")} for item in items],
        "text": {
            "now": say("live.now.voto"),
            "rule": say("partecipa.dots_rule", dots=dots, max_per_item=per_item),
            "simple": say("large.simple.dots"),
            "used": say("partecipa.dots_used", used="{used}", dots="{dots}"),
            "over": say("partecipa.dots_over", extra="{extra}"),
            "less": say("partecipa.dots_less", title="{title}"),
            "more": say("partecipa.dots_more", title="{title}"),
            "submit": say("partecipa.submit_vote"),
            "sending": say("partecipa.vote_sending"),
            "lost": say("partecipa.vote_lost"),
        },
    }


def room_screen(store, rnd: db.Round, language: str) -> dict:
    """``browser_screen`` of an open round, read from the database (the long poll's side)."""
    items = round_items(store, rnd)
    lines = evidence_view.lines_of(store, rnd.workshop_id, language)
    return browser_screen(rnd, items, lines, language)


def screen(rnd: db.Round, who: db.Participant) -> None:
    """The page's run of the screen: the browser draws it from ``browser_screen``,
    starting from the participant's stored ballot (read at every run: a vote
    sent from the browser does not pass through this session)."""
    if rnd.status != "open":
        st.info(t("partecipa.round_closed"))
        return
    store = get_store()
    fresh = st.session_state.get(state.PARTECIPA_JOINED) == who.id  # joined in this run: no ballot yet
    mine = None if fresh else w.my_ballot(store, who, rnd.id)
    spec = browser_screen(rnd, round_items(store, rnd), evidence_view.lines_for(rnd.workshop_id), lang())
    values = dict(mine.payload.get("dots", {})) if mine else {}
    live.vote_screen(spec, values, who.token, large=bool(st.session_state.get(large_text.KEY)), key=submit_key(rnd.id))


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


SCREEN = Screen("dots", screen, read_ballot, form, params_from_state, browser=room_screen)
