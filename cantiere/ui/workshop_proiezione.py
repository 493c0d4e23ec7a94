"""Proiezione: the projector. Large type, QR code and join code, live counts,
results (hidden below 5 ballots), the moderated comments wall.

The live part is a fragment re-run every ``REFRESH_SECONDS`` reading through
``projector_snapshot`` (1-second cache): however many screens are open, the
database sees about one query per second. Participant text: ``st.text`` only.

The projector shows one workshop, the one in its address
(``/proiezione?code=ABC234``, the button on Facilitazione opens it): without a
code it asks for one, never guesses (issue 13). A closed workshop keeps showing
its own final results; the page follows the room (``live.follow``), so a phase
change (e.g. closing: the QR code goes away) redraws it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cantiere import charts_voting, results, voting
from cantiere import workshop as w
from cantiere.errors import CantiereError
from cantiere.ui import (
    entry_view,
    evidence_view,
    facilitazione_listening,
    get_store,
    lang,
    live,
    pacts_view,
    safe,
    show_error,
    t,
)
from cantiere.ui.workshop_data import projector_snapshot

REFRESH_SECONDS = 2
CODE_INPUT = "proiezione.code_input"
SHOW = "proiezione.show"
# Static CSS, no participant text: big numbers and code readable from the back of a room.
_CSS = """
<style>
.cantiere-code {font-size: 5rem; font-weight: 800; letter-spacing: .35rem; line-height: 1.1;}
[data-testid="stMetricValue"] {font-size: 4rem;}
[data-testid="stText"] {font-size: 1.4rem;}
</style>
"""


def _show(code_key: str) -> None:
    """Proietta (callback): the typed code goes into the address, so a reload
    (or a restart of the server) shows the same workshop."""
    st.query_params["code"] = w.normalize_code(st.session_state.get(code_key, ""))


def _ask_code() -> None:
    st.info(t("live.proj.ask_code"))
    st.text_input(t("partecipa.code"), key=CODE_INPUT, max_chars=12, placeholder="ABC234")
    st.button(t("live.proj.show"), key=SHOW, type="primary", on_click=_show, args=(CODE_INPUT,))


def render() -> None:
    store = get_store()
    code = st.query_params.get("code", "")
    if not code:
        _ask_code()
        return
    try:
        workshop = w.find_workshop(store, code)
    except CantiereError as exc:
        show_error(exc)
        _ask_code()
        return
    live.follow(workshop.code, workshop.room_version, key="live.projector")
    st.html(_CSS)
    safe.heading(workshop.title, 1)  # typed text: never Markdown
    if workshop.is_demo:
        st.caption(t("workshop.demo_badge"))
    if workshop.phase == "chiuso":
        st.info(t("live.proj.closed"))
    else:
        entry_view.join_panel(workshop)  # QR code and join code; rotating ones redrawn (issue 17)
    pacts_view.projector_section(workshop)  # issue 20: «Cosa è successo dall'ultimo laboratorio»
    _live(workshop.code)

    facilitazione_listening.projector_section(workshop.code)


@st.fragment(run_every=REFRESH_SECONDS)
def _live(code: str) -> None:
    snap = projector_snapshot(code)
    if snap is None:
        return
    a, b, c = st.columns(3)
    a.metric(t("proiezione.participants"), snap.participants)
    b.metric(t("proiezione.ballots"), snap.ballots)
    c.metric(t("proiezione.phase"), t(f"workshop.phase.{snap.workshop.phase}"))
    st.subheader(t("live.proj.final" if snap.workshop.phase == "chiuso" else "proiezione.results"), anchor=False)
    if snap.round is None or snap.results is None:
        st.info(t("proiezione.results_hidden", min=w.RESULTS_MIN_BALLOTS, n=snap.ballots))
    else:
        table = pd.DataFrame(
            [(title, round(score, 2)) for title, score in snap.results],
            columns=[t("proiezione.priority"), t(voting.method(snap.round.method).score_label)],
        )
        # the chart of the round's method, from the snapshot's tally (no second tally)
        figure = charts_voting.result_chart(snap.tally, snap.items, lang())
        st.plotly_chart(figure, width="stretch", key="proiezione.chart")
        st.caption(results.tie_rule(snap.round.method, lang()))  # how ties are decided, under the chart
        st.dataframe(table, hide_index=True, width="stretch")
        evidence_view.below_results(snap)  # issue 18: why each priority matters
    st.subheader(t("proiezione.wall"), anchor=False)
    if not snap.comments:
        st.caption(t("proiezione.wall_empty"))
    for comment in snap.comments:
        with st.container(border=True):
            st.text(f"» {comment.priority_title}")
            st.text(comment.text)  # participant text: plain text only
