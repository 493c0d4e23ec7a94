"""Facilitazione: prepare and run a workshop. Only drawn for a facilitator
``Actor`` (see ``ui.auth``); every action passes the actor to the core, which
checks it again.

Actions run in button callbacks, before the page is drawn again, so the whole
page shows the new state; their outcome is shown once through a flash message.

The chosen workshop's panel is live (issue 13): a fragment re-run every
``LIVE_REFRESH_SECONDS`` (one facilitator, so one small run every few seconds)
reads the workshop again, so counts, priorities, proposals and pins, and what
another facilitator did, appear by themselves. Its sections are tabs that keep
the open one across actions and build only the open one (a map in a hidden tab
would be measured at zero size). Phase moves are compare-and-set on the phase
shown (a double click moves once), and closing asks for a confirmation.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from cantiere import export, territory, voting
from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.ui import (
    cards_view,
    downloads,
    entry_view,
    evidence_view,
    facilitazione_listening,
    facilitazione_rounds,
    flash,
    get_settings,
    get_store,
    lang,
    live_routes,
    pacts_view,
    results_view,
    state,
    t,
)
from cantiere.ui.workshop_data import projector_url
from cantiere.workshop_errors import NotFoundError

PICK = "facilitazione.pick"
NEW_TITLE = "facilitazione.new_title"
NEW_DESCRIPTION = "facilitazione.new_description"
CREATE = "facilitazione.create"
EDIT_TITLE = "facilitazione.edit_title"
EDIT_DESCRIPTION = "facilitazione.edit_description"
EDIT_SAVE = "facilitazione.edit_save"
P_TITLE = "facilitazione.priority.title"
P_DESCRIPTION = "facilitazione.priority.description"
P_TARGET = "facilitazione.priority.target"
P_COMUNI = "facilitazione.priority.comuni"
P_ADD = "facilitazione.priority.add"
CSV_FILE = "facilitazione.csv_file"
CSV_IMPORT = "facilitazione.csv_import"
DOTS = "facilitazione.dots"
MAX_PER_ITEM = "facilitazione.max_per_item"
START_VOTING = "facilitazione.start_voting"
NEW_WORKSHOP = 0  # selectbox value of "create a new workshop"
LIVE_REFRESH_SECONDS = 3  # the facilitator's panel: one session, one small run every 3 s
SECTION = "facilitazione.section"  # the open tab (its label), kept across actions and refreshes
PROJECTOR = "facilitazione.projector"
CLOSE_YES = "facilitazione.close.yes"
CLOSE_NO = "facilitazione.close.no"
SECTIONS = (
    "facilitazione.section_phase",
    "facilitazione.section_priorities",
    "facilitazione.section_moderation",
    "facilitazione.section_export",
    "facilitazione.edit",
    "ascolto.fac.section",
    "cards.fac.section",
    "pacts.fac.section",
)


def phase_key(phase: str) -> str:
    return f"facilitazione.phase.{phase}"


def close_round_key(round_id: int) -> str:
    return f"facilitazione.close_round.{round_id}"


def moderate_key(comment_id: int) -> str:
    return f"facilitazione.moderate.{comment_id}"


def _flash(kind: str, message: str) -> None:
    flash.put(state.FACILITAZIONE_FLASH, kind, message)


def _act(action: Callable[[], object], success: Callable[[object], str] | None = None) -> None:
    """Run a privileged action from a callback; remember its outcome for the next draw.
    Phones waiting on this process hear of a phase or round change at once."""
    flash.act(state.FACILITAZIONE_FLASH, action, success, after=lambda _: live_routes.watch().poke())


# --- callbacks -----------------------------------------------------------------


def _create(actor: w.Actor) -> None:
    def done(created: db.Workshop) -> str:
        st.session_state[state.FACILITAZIONE_PICK_NEXT] = created.id
        st.session_state[NEW_TITLE] = ""
        st.session_state[NEW_DESCRIPTION] = ""
        return t("facilitazione.created", code=created.code)

    _act(
        lambda: w.create_workshop(
            get_store(), actor, st.session_state.get(NEW_TITLE, ""), st.session_state.get(NEW_DESCRIPTION, "")
        ),
        done,
    )


def _edit(actor: w.Actor, workshop_id: int) -> None:
    _act(
        lambda: w.edit_workshop(
            get_store(),
            actor,
            workshop_id,
            st.session_state.get(EDIT_TITLE, ""),
            st.session_state.get(EDIT_DESCRIPTION, ""),
        ),
        lambda _: t("facilitazione.saved"),
    )


def _add_priority(actor: w.Actor, workshop_id: int) -> None:
    row = {
        "title": st.session_state.get(P_TITLE, ""),
        "description": st.session_state.get(P_DESCRIPTION, ""),
        "target_group": st.session_state.get(P_TARGET, ""),
        "comuni": st.session_state.get(P_COMUNI, []),
    }

    def done(_) -> str:
        for key, empty in ((P_TITLE, ""), (P_DESCRIPTION, ""), (P_TARGET, ""), (P_COMUNI, [])):
            st.session_state[key] = empty
        return t("facilitazione.priority_added")

    _act(lambda: w.add_priorities(get_store(), actor, workshop_id, [row]), done)


def _import_csv(actor: w.Actor, workshop_id: int) -> None:
    upload = st.session_state.get(CSV_FILE)
    if upload is None:
        return
    limit = get_settings().max_upload_mb
    if upload.size > limit * 1024 * 1024:  # checked on the server, whatever the browser said
        _flash("error", t("facilitazione.csv_too_big", mb=round(upload.size / 1048576, 1), max=limit))
        return
    _act(
        lambda: w.add_priorities(get_store(), actor, workshop_id, w.parse_priorities_csv(upload.getvalue())),
        lambda added: t("facilitazione.csv_done", n=len(added)),
    )


def _phase(actor: w.Actor, workshop_id: int, phase: str, shown: str) -> None:
    """A phase button: compare-and-set on the phase the page showed (``shown``)."""
    if phase == "chiuso":  # irreversible: ask first
        st.session_state[state.FACILITAZIONE_CONFIRM_CLOSE] = workshop_id
        return
    _act(lambda: w.change_phase(get_store(), actor, workshop_id, phase, expected=shown))


def _close_workshop(actor: w.Actor, workshop_id: int, shown: str) -> None:
    st.session_state.pop(state.FACILITAZIONE_CONFIRM_CLOSE, None)
    _act(
        lambda: w.change_phase(get_store(), actor, workshop_id, "chiuso", expected=shown),
        lambda _: t("live.fac.closed"),
    )


def _cancel_close() -> None:
    st.session_state.pop(state.FACILITAZIONE_CONFIRM_CLOSE, None)


def _close_round(actor: w.Actor, round_id: int) -> None:
    _act(lambda: w.close_round(get_store(), actor, round_id))


def _moderate(actor: w.Actor, comment_id: int, hidden: bool) -> None:
    _act(lambda: w.hide_comment(get_store(), actor, comment_id, hidden))


# --- page ------------------------------------------------------------------------


FLASH_SECONDS = {"success": 8, "error": 30}  # the panel refreshes every 3 s: a message stays readable


def _show_flash() -> None:
    """The outcome of the last action, for some seconds (the live panel runs
    again every few seconds; a newer action replaces it)."""
    flash.show(state.FACILITAZIONE_FLASH, seconds=FLASH_SECONDS)


def render(actor: w.Actor) -> None:
    """The whole Facilitazione page for an authenticated facilitator."""
    store = get_store()
    workshops = {item.id: item for item in db.list_workshops(store)}
    pending = st.session_state.pop(state.FACILITAZIONE_PICK_NEXT, None)
    if pending in workshops:
        st.session_state[PICK] = pending
    # «➕ Nuovo laboratorio» is a choice too: only a workshop that no longer exists resets the pick
    if st.session_state.get(PICK) not in (*workshops, NEW_WORKSHOP):
        st.session_state[PICK] = next(iter(workshops), NEW_WORKSHOP)
    picked = st.selectbox(
        t("facilitazione.choose"),
        [*workshops, NEW_WORKSHOP],
        key=PICK,
        format_func=lambda i: (
            f"{workshops[i].code} · {workshops[i].title}" if i in workshops else "➕ " + t("facilitazione.new")
        ),
    )
    if picked == NEW_WORKSHOP:
        _new_workshop(actor)
        return
    _panel(actor, picked)


@st.fragment(run_every=LIVE_REFRESH_SECONDS)
def _panel(actor: w.Actor, workshop_id: int) -> None:
    """The chosen workshop, read again at every run: live by itself, and an
    action (a button in here) reruns only this panel."""
    store = get_store()
    try:
        workshop = db.get_workshop(store, workshop_id)
    except NotFoundError:  # erased meanwhile (by another facilitator or the CLI)
        st.info(t("live.fac.gone"))
        return
    _show_flash()
    _status(workshop)
    labels = [t(key) for key in SECTIONS]
    if st.session_state.get(SECTION) not in labels:
        st.session_state.pop(SECTION, None)  # the language changed: start from the first tab
    tabs = st.tabs(labels, key=SECTION, on_change="rerun")
    sections = (
        lambda: _phases(actor, workshop),
        lambda: _priorities(actor, workshop),
        lambda: _moderation(actor, workshop),
        lambda: _export(workshop),
        lambda: _edit_form(actor, workshop),
        lambda: _listening(actor, workshop),
        lambda: _cards(actor, workshop),
        lambda: _pacts(actor, workshop),
    )
    for tab, draw in zip(tabs, sections):
        if tab.open is not False:  # only the open tab is built
            with tab:
                draw()


def _listening(actor: w.Actor, workshop: db.Workshop) -> None:

    facilitazione_listening.render(actor, workshop)


def _cards(actor: w.Actor, workshop: db.Workshop) -> None:
    cards_view.facilitator_panel(actor, workshop)


def _pacts(actor: w.Actor, workshop: db.Workshop) -> None:
    pacts_view.facilitation_tab(actor, workshop)


def _status(workshop: db.Workshop) -> None:
    """Code, phase, the live counts, and the projector of this workshop."""
    store = get_store()
    rnd = w.current_round(store, workshop.id)  # counts only: the tally is in the phases tab
    a, b, c, d = st.columns([2, 2, 2, 3], vertical_alignment="center")
    a.metric(t("proiezione.code"), workshop.code)
    b.metric(t("proiezione.phase"), t(f"workshop.phase.{workshop.phase}"))
    c.metric(t("proiezione.participants"), db.count_participants(store, workshop.id))
    d.metric(t("live.fac.ballots_open"), db.count_ballots(store, rnd.id) if rnd and rnd.status == "open" else "—")
    url, _ = projector_url(workshop.code)
    st.link_button(t("live.fac.projector"), url, key=PROJECTOR, icon=":material/co_present:")
    st.caption(t("live.fac.refresh", seconds=LIVE_REFRESH_SECONDS))
    if workshop.is_demo:
        st.caption(t("workshop.demo_badge"))


def _new_workshop(actor: w.Actor) -> None:
    _show_flash()
    st.subheader(t("facilitazione.new"), anchor=False)
    st.text_input(t("facilitazione.title"), key=NEW_TITLE, max_chars=w.TITLE_MAX_CHARS)
    st.text_area(t("facilitazione.description"), key=NEW_DESCRIPTION)
    st.button(t("facilitazione.create"), key=CREATE, type="primary", on_click=_create, args=(actor,))


def _phases(actor: w.Actor, workshop: db.Workshop) -> None:
    store = get_store()
    # every phase in its place, the current one highlighted and the impossible
    # moves disabled: a second click of a double click lands on the same button
    # (now disabled), never on the next phase
    cols = st.columns(len(w.PHASES))
    for col, phase in zip(cols, w.PHASES):
        if phase == workshop.phase:
            with col.container(border=True):  # not a button: a second click here does nothing
                st.markdown(
                    ":material/radio_button_checked: **"
                    + t("live.fac.phase_now", phase=t(f"workshop.phase.{phase}"))
                    + "**"
                )
            continue
        col.button(
            t("facilitazione.move_to", phase=t(f"workshop.phase.{phase}")),
            key=phase_key(phase),
            disabled=phase not in w.PHASE_MOVES[workshop.phase],
            width="stretch",
            on_click=_phase,
            args=(actor, workshop.id, phase, workshop.phase),
        )
    if workshop.phase != "chiuso":
        entry_view.mode_control(actor, workshop)  # fixed or rotating join code (issue 17)
    if st.session_state.get(state.FACILITAZIONE_CONFIRM_CLOSE) == workshop.id and workshop.phase != "chiuso":
        with st.container(border=True):
            st.warning(t("live.fac.close_confirm"))
            yes, no = st.columns(2)
            yes.button(
                t("live.fac.close_yes"),
                key=CLOSE_YES,
                type="primary",
                width="stretch",
                on_click=_close_workshop,
                args=(actor, workshop.id, workshop.phase),
            )
            no.button(t("live.fac.close_no"), key=CLOSE_NO, width="stretch", on_click=_cancel_close)
    rounds = db.list_rounds(store, workshop.id)
    for rnd in rounds:
        st.write(
            t(
                "metodi.round_info",
                position=rnd.position,
                method=facilitazione_rounds.params_text(rnd),
                status=t(f"workshop.round.{rnd.status}"),
                n=db.count_ballots(store, rnd.id),
            )
        )
        if rnd.status == "open":
            st.button(
                t("facilitazione.close_round"), key=close_round_key(rnd.id), on_click=_close_round, args=(actor, rnd.id)
            )
    if workshop.phase != "chiuso" and not any(r.status == "open" for r in rounds):
        facilitazione_rounds.round_form(actor, workshop, rounds)  # method, parameters, "Apri la votazione"
    rnd = w.current_round(store, workshop.id)
    if rnd is not None:
        st.subheader(t("facilitazione.section_results"), anchor=False)
        snap = w.snapshot(store, workshop)
        if snap.results is None:
            st.info(t("proiezione.results_hidden", min=w.RESULTS_MIN_BALLOTS, n=snap.ballots))
        else:
            st.dataframe(
                pd.DataFrame(
                    [(title, round(score, 2)) for title, score in snap.results],
                    columns=[t("proiezione.priority"), t(voting.method(snap.round.method).score_label)],
                ),
                hide_index=True,
                width="stretch",
            )
            st.caption(t(voting.method(snap.round.method).tie_rule))


def _priorities(actor: w.Actor, workshop: db.Workshop) -> None:
    items = db.list_priorities(get_store(), workshop.id)
    if items:
        st.dataframe(
            pd.DataFrame(
                [(p.title, p.target_group, ", ".join(p.comuni)) for p in items],
                columns=[t("facilitazione.priority_title"), t("facilitazione.target_group"), t("facilitazione.comuni")],
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption(t("facilitazione.no_priorities"))
    if workshop.phase == "chiuso":
        return
    st.text_input(t("facilitazione.priority_title"), key=P_TITLE, max_chars=w.TITLE_MAX_CHARS)
    st.text_area(t("facilitazione.priority_description"), key=P_DESCRIPTION)
    st.text_input(t("facilitazione.target_group"), key=P_TARGET)
    st.multiselect(t("facilitazione.comuni"), [c.name for c in territory.comuni()], key=P_COMUNI)
    st.button(t("facilitazione.add_priority"), key=P_ADD, on_click=_add_priority, args=(actor, workshop.id))
    st.file_uploader(
        t("facilitazione.csv_upload"), type=["csv", "txt"], key=CSV_FILE, max_upload_size=get_settings().max_upload_mb
    )
    st.button(t("facilitazione.csv_import"), key=CSV_IMPORT, on_click=_import_csv, args=(actor, workshop.id))
    evidence_view.editor(actor, workshop)  # issue 18: comuni, target group and figures behind each priority


def _moderation(actor: w.Actor, workshop: db.Workshop) -> None:
    """New comments appear by themselves: the panel around it is live."""
    found = db.list_comments(get_store(), workshop.id, include_hidden=True)
    if not found:
        st.caption(t("facilitazione.no_comments"))
    for comment in found:
        with st.container(border=True):
            st.text(f"» {comment.priority_title}" + (f"  {t('facilitazione.hidden_label')}" if comment.hidden else ""))
            st.text(comment.text)  # participant text: plain text only
            st.button(
                t("facilitazione.restore" if comment.hidden else "facilitazione.hide"),
                key=moderate_key(comment.id),
                on_click=_moderate,
                args=(actor, comment.id, not comment.hidden),
            )


def _export(workshop: db.Workshop) -> None:
    store = get_store()
    # built only when a button is pressed, not at every rerun of the tab
    for fmt, label in (
        ("json", "facilitazione.export_json"),
        ("csv", "facilitazione.export_csv"),
        ("xlsx", "facilitazione.export_xlsx"),
    ):
        writer, extension, mime = export.FORMATS[fmt]

        def build(writer=writer):
            return writer(export.build(store, workshop))

        st.download_button(
            t(label),
            data=downloads.guarded(build, extension, export.filename(workshop, fmt), lang()),
            file_name=export.filename(workshop, fmt),
            mime=mime,
            key=f"facilitazione.export.{fmt}",
        )
    results_view.report_buttons(store, workshop, "facilitazione.export")  # the minutes (verbale)


def _edit_form(actor: w.Actor, workshop: db.Workshop) -> None:
    if st.session_state.get(state.FACILITAZIONE_EDIT_FOR) != workshop.id:
        st.session_state[state.FACILITAZIONE_EDIT_FOR] = workshop.id
        st.session_state[EDIT_TITLE] = workshop.title
        st.session_state[EDIT_DESCRIPTION] = workshop.description
    st.text_input(t("facilitazione.title"), key=EDIT_TITLE, max_chars=w.TITLE_MAX_CHARS)
    st.text_area(t("facilitazione.description"), key=EDIT_DESCRIPTION)
    st.button(t("facilitazione.save"), key=EDIT_SAVE, on_click=_edit, args=(actor, workshop.id))
