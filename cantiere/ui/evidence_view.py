"""Evidence beside priorities, on every screen with one call each: the phone
(``show_for``), the projector (``add_column``), Risultati (``section``) and
the facilitator's picker (``editor``), which takes the figures from the
Atlante's registry.

The line holds names of comuni and of imported indicators: it is shown with
``st.text`` or in dataframes, never as Markdown.
"""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st

from cantiere import evidence, territory
from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.ui import flash, get_settings, get_store, lang, state, t

# session-state and widget keys of the picker, defined once
PRIORITY = "evidenza.priorita"
COMUNI = "evidenza.comuni"  # + ".<priority id>"
TARGET = "evidenza.destinatari"  # + ".<priority id>"
OPTION = "evidenza.dato"
PLACE = "evidenza.comune"
ADD = "evidenza.aggiungi"
SAVE = "evidenza.salva"
CLEAR = "evidenza.togli"
FLASH = "evidenza.flash"
LINES = "evidenza.righe"  # this session's copy of the lines: (key, lines)
REFRESH_SECONDS = 10


@st.cache_resource(ttl=REFRESH_SECONDS, max_entries=64, show_spinner=False)
def _lines(database_url: str, workshop_id: int, language: str) -> dict[int, str]:
    """Priority id -> evidence line, for every phone of a workshop: one read per
    10 seconds per process (the figures are frozen, so this is all they cost)."""
    return lines_of(get_store(), workshop_id, language)


def lines_of(store, workshop_id: int, language: str) -> dict[int, str]:
    """Priority id -> evidence line, read now (the room's long poll reads it once per screen)."""
    return {p.id: evidence.line_of(p.attrs, language) for p in db.list_priorities(store, workshop_id)}


def lines_for(workshop_id: int) -> dict[int, str]:
    """The lines of a workshop, kept in the session for REFRESH_SECONDS: a vote
    tap reruns the panel, and a cached call per title (~0.1–0.7 ms each) would
    double its cost; a dict lookup does not."""
    key = (workshop_id, st.session_state.get(state.LANG), int(time.monotonic() // REFRESH_SECONDS))
    kept = st.session_state.get(LINES)
    if kept is None or kept[0] != key:
        kept = (key, _lines(get_settings().database_url, workshop_id, lang()))
        st.session_state[LINES] = kept
    return kept[1]


def show(text: str) -> None:
    """The evidence line under a title, as plain text."""
    if text:
        st.text(text)


def show_for(workshop_id: int, priority_id: int) -> None:
    """The evidence line of a priority (phones: under each title)."""
    show(lines_for(workshop_id).get(priority_id, ""))


def below_results(snap: w.Snapshot) -> None:
    """The projector: under the results, why each priority matters, in the results'
    order (plain text that wraps, readable from the back of the room)."""
    if snap.tally is None:
        return
    lines = lines_for(snap.workshop.id)
    titles = {item.id: item.title for item in snap.items}
    shown = [(titles[i], lines[i]) for tier in snap.tally.ranking for i in tier if lines.get(i)]
    if not shown:
        return
    st.subheader(t("evidence.col"), anchor=False)
    for title, line in shown:
        st.text(f"{title}\n{line}")


def section(workshop: db.Workshop) -> None:
    """Risultati: the priorities with the figures behind them."""
    rows = [
        (p.title, line)
        for p in db.list_priorities(get_store(), workshop.id)
        if (line := evidence.line_of(p.attrs, lang()))
    ]
    if not rows:
        return
    st.subheader(t("evidence.section"), anchor=False)
    st.dataframe(
        pd.DataFrame(rows, columns=[t("report.col.priority"), t("evidence.col")]), hide_index=True, width="stretch"
    )


# --- the facilitator's picker ---------------------------------------------------------


def _flash() -> None:
    flash.show(FLASH)


def _run(action, done: str) -> None:
    flash.act(FLASH, action, success=lambda _: t(done))


def _save(actor: w.Actor, priority: db.Priority, figures) -> None:
    ss = st.session_state
    w.set_evidence(
        get_store(),
        actor,
        priority.id,
        comuni=ss.get(f"{COMUNI}.{priority.id}", list(priority.comuni)),
        target_group=ss.get(f"{TARGET}.{priority.id}", priority.target_group),
        figures=figures,
    )


def _add(actor: w.Actor, priority: db.Priority) -> None:
    """Button callback: compute the chosen figure now (frozen) and add it."""
    from cantiere import services
    from cantiere.store import datasets

    def action():
        store = get_store()
        option, place = st.session_state[OPTION], st.session_state[PLACE]
        offer = services.current_services(store) if option.startswith("copertura:") else None
        services_file = None
        if offer is not None and not offer[1]:
            listed = datasets.list_datasets(store)
            listed = listed[listed["tipo"] == "services"]
            if not listed.empty:
                services_file = {
                    "id": int(listed["id"].iloc[0]),
                    "file": listed["file"].iloc[0],
                    "sha256": listed["sha256"].iloc[0],
                }
        figure = evidence.figure(
            option,
            place,
            imported=datasets.imported_indicators(store),
            definitions=datasets.indicator_definitions(store),
            offer=offer,
            services_file=services_file,
        )
        _save(actor, priority, [*evidence.figures_of(priority.attrs), figure])

    _run(action, "evidence.added")


def _clear(actor: w.Actor, priority: db.Priority) -> None:
    _run(lambda: _save(actor, priority, []), "evidence.cleared")


def _save_details(actor: w.Actor, priority: db.Priority) -> None:
    _run(lambda: _save(actor, priority, evidence.figures_of(priority.attrs)), "evidence.saved")


def editor(actor: w.Actor, workshop: db.Workshop) -> None:
    """Pick, for each priority, its comuni, target group and the figures behind it."""
    from cantiere.store import datasets

    store = get_store()
    items = {p.id: p for p in db.list_priorities(store, workshop.id)}
    if not items or workshop.phase == "chiuso":
        return
    st.subheader(t("evidence.editor.title"), anchor=False)
    st.caption(t("evidence.editor.help"))
    _flash()
    chosen = st.selectbox(
        t("evidence.editor.priority"), list(items), format_func=lambda i: items[i].title, key=PRIORITY
    )
    priority = items[chosen]
    current = evidence.figures_of(priority.attrs)
    if current:
        st.text(evidence.line(current, lang()))
    else:
        st.caption(t("evidence.editor.none"))
    names = [c.name for c in territory.comuni()]
    st.multiselect(
        t("facilitazione.comuni"),
        names,
        default=[c for c in priority.comuni if c in names],
        key=f"{COMUNI}.{priority.id}",
    )
    st.text_input(
        t("facilitazione.target_group"), value=priority.target_group, key=f"{TARGET}.{priority.id}", max_chars=200
    )
    options = evidence.choices(datasets.imported_indicators(store), lang())
    left, right = st.columns([3, 2])
    left.selectbox(t("evidence.editor.figure"), list(options), format_func=options.get, key=OPTION)
    chosen_comuni = st.session_state.get(f"{COMUNI}.{priority.id}") or [c for c in priority.comuni if c in names]
    places = [c.code for c in territory.comuni() if c.name in chosen_comuni] or [c.code for c in territory.comuni()]
    right.selectbox(t("evidence.editor.place"), places, format_func=lambda code: territory.comune(code).name, key=PLACE)
    a, b, c = st.columns(3)
    a.button(t("evidence.editor.add"), key=ADD, on_click=_add, args=(actor, priority), type="primary")
    b.button(t("evidence.editor.save"), key=SAVE, on_click=_save_details, args=(actor, priority))
    c.button(t("evidence.editor.clear"), key=CLEAR, on_click=_clear, args=(actor, priority), disabled=not current)
