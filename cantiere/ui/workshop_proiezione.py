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

from cantiere import charts_voting, fmt, results, voting
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
CHART_BOX = "proiezione_chart"  # its height follows the screen (styles/projector.css)
BALLOTS_BOX = "proiezione_ballots"  # the ballot count, big
EVIDENCE_BOX = "proiezione_evidence"  # the figures behind the priorities: what fits under the chart
WALL_BOX = "proiezione_wall"  # the comments: the newest that fit in a third of the screen
PROJECTOR_FONT_PX = 24  # chart labels: 24 px at least, readable from the back of a room


def _show(code_key: str) -> None:
    """Proietta (callback): the typed code goes into the address, so a reload
    (or a restart of the server) shows the same workshop."""
    st.query_params["code"] = w.normalize_code(st.session_state.get(code_key, ""))


def _ask_code() -> None:
    st.info(t("live.proj.ask_code"))
    st.text_input(t("partecipa.code"), key=CODE_INPUT, max_chars=12, placeholder="ABC234")
    st.button(t("live.proj.show"), key=SHOW, type="primary", on_click=_show, args=(CODE_INPUT,))


def render() -> None:
    """The whole projector, laid out by phase (issue 15): ascolto → proposals and the
    pins map first; voto → the live chart first, the ballot count big, the QR code small
    in a corner; chiuso → the results with their explanation; bozza → the QR code."""
    store = get_store()
    code = st.query_params.get("code", "")
    if not code:
        st.title(t("nav.proiezione"), anchor=False)
        _ask_code()
        return
    try:
        workshop = w.find_workshop(store, code)
    except CantiereError as exc:
        st.title(t("nav.proiezione"), anchor=False)
        show_error(exc)
        _ask_code()
        return
    live.follow(workshop.code, workshop.room_version, key="live.projector")
    if workshop.phase == "bozza":
        _title(workshop)
        _join_block(workshop, big=True)
        st.caption(t("live.proj.draft"))
        pacts_view.projector_section(workshop)  # «Cosa è successo dall'ultimo laboratorio»
        return
    main, side = st.columns([3, 1], vertical_alignment="top")
    with main:
        _title(workshop)
        if workshop.phase == "ascolto":
            facilitazione_listening.projector_section(workshop.code)
        else:
            _live_results(workshop.code)
        pacts_view.projector_section(workshop)  # «Cosa è successo dall'ultimo laboratorio»
    with side:
        if workshop.phase != "chiuso":
            _join_block(workshop, big=False)
        _live_counts(workshop.code)


def _title(workshop) -> None:
    safe.heading(workshop.title, 1)  # typed text: never Markdown; wraps (styles/projector.css)
    if workshop.is_demo:
        st.caption(t("workshop.demo_badge"))


def _join_block(workshop, big: bool) -> None:
    """The QR code and the join code: big before the room opens, small in a corner
    after; a rotating code is redrawn as it changes (``entry_view``)."""
    entry_view.join_panel(workshop, big=big)


@st.fragment(run_every=REFRESH_SECONDS)
def _live_counts(code: str) -> None:
    """The side column: the ballot count big, participants; the explanation once closed,
    the newest comments before."""
    snap = projector_snapshot(code)
    if snap is None:
        return
    phase = snap.workshop.phase
    st.metric(t("proiezione.participants"), fmt.number(snap.participants, 0, lang()))
    if phase in ("voto", "chiuso"):
        with st.container(key=BALLOTS_BOX):  # the big number (styles/projector.css)
            st.metric(t("proiezione.ballots"), fmt.number(snap.ballots, 0, lang()))
    if phase == "chiuso" and snap.tally is not None:
        for line in voting.explain(snap.tally, lang()):
            st.text(line)  # may quote titles typed by people: plain text only
    elif phase != "chiuso":
        _wall(snap)


@st.fragment(run_every=REFRESH_SECONDS)
def _live_results(code: str) -> None:
    """The main column while voting and after: the live chart first."""
    snap = projector_snapshot(code)
    if snap is None:
        return
    if snap.workshop.phase == "chiuso":
        st.info(t("live.proj.closed"))
    if snap.round is None or snap.results is None:
        st.info(t("proiezione.results_hidden", min=w.RESULTS_MIN_BALLOTS, n=snap.ballots))
        return
    # the chart of the round's method, from the snapshot's tally (no second tally)
    figure = projector_chart(charts_voting.result_chart(snap.tally, snap.items, lang()))
    with st.container(height=480, border=False, key=CHART_BOX):
        st.plotly_chart(
            figure,
            width="stretch",
            height="stretch",
            key="proiezione.chart",
            config={"displayModeBar": False, "staticPlot": True},
            alt=results_alt(snap),
        )
    st.caption(results.tie_rule(snap.round.method, lang()))  # how ties are decided, under the chart
    with st.container(key=EVIDENCE_BOX):  # why each priority matters: the lines that fit, best first
        evidence_view.below_results(snap)
    with st.expander(t("a11y.results_table")):  # the chart as a table, for whoever needs it
        table = pd.DataFrame(
            [(title, round(score, 2)) for title, score in snap.results],
            columns=[t("proiezione.priority"), t(voting.method(snap.round.method).score_label)],
        )
        st.dataframe(table, hide_index=True, width="stretch")


def projector_chart(figure):
    """The chart for a wall: labels of 24 px, no title (the page says what it is), the
    height of its box (``styles/projector.css``)."""
    figure.update_layout(
        font={"size": PROJECTOR_FONT_PX, "color": "#111111"},
        title=None,
        height=None,
        autosize=True,
        margin={"l": 10, "r": 30, "t": 10, "b": 10},
    )
    axis = {"size": PROJECTOR_FONT_PX, "color": "#111111"}  # Streamlit's theme greys them: 3:1 on white
    figure.update_xaxes(title_font=axis, tickfont=axis, automargin=True)
    figure.update_yaxes(title_font=axis, tickfont=axis, automargin=True)
    figure.update_traces(textfont_size=PROJECTOR_FONT_PX, selector={"type": "bar"})
    return figure


def results_alt(snap) -> str:
    """The chart in words, for a screen reader: each priority and its score, best first."""
    label = t(voting.method(snap.round.method).score_label)
    rows = "; ".join(
        f"{title}: {fmt.number(score, 0 if float(score).is_integer() else 2, lang())} {label}"
        for title, score in snap.results
    )
    return t("a11y.chart_alt", rows=rows)


def _wall(snap) -> None:
    """The newest comments (moderated), plain text."""
    if not snap.comments:
        return
    with st.container(key=WALL_BOX):
        st.subheader(t("proiezione.wall"), anchor=False)
        for comment in snap.comments:  # newest first; the screen shows what fits
            with st.container(border=True):
                st.text(f"» {comment.priority_title}")
                st.text(comment.text)  # participant text: plain text only
