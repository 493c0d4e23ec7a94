"""Risultati: results of closed workshops (and of the open one, for a logged-in
facilitator): per round the chart and the explanation, a breakdown by
district, comune or role with small groups merged or left out, the comparison
between rounds, and the minutes (HTML and XLSX) to download.

Explanations and titles are plain strings shown with ``st.text`` or in
dataframes: they may contain priority titles typed by people.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cantiere import charts_voting, report, results, voting
from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.ui import downloads, evidence_view, get_store, lang, state, t

PICK = "risultati.pick"
DIMENSION = "risultati.dimension"


def breakdown_key(round_id: int) -> str:
    return f"risultati.breakdown.{round_id}"


def _is_facilitator() -> bool:
    actor = st.session_state.get(state.FACILITAZIONE_ACTOR)
    return isinstance(actor, w.Actor) and actor.role is w.Role.FACILITATOR


def visible_workshops(store, facilitator: bool) -> list[db.Workshop]:
    """Closed workshops for everyone; open ones too for a facilitator."""
    phases = ("chiuso", "voto", "ascolto") if facilitator else ("chiuso",)
    return [item for item in db.list_workshops(store) if item.phase in phases]


def render() -> None:
    store = get_store()
    found = {item.id: item for item in visible_workshops(store, _is_facilitator())}
    if not found:
        st.info(t("risultati.none"))
        return
    picked = st.selectbox(
        t("risultati.choose"),
        list(found),
        key=PICK,
        format_func=lambda i: f"{found[i].code} · {found[i].title} ({t(f'workshop.phase.{found[i].phase}')})",
    )
    workshop = found[picked]
    if workshop.is_demo:
        st.caption(t("workshop.demo_badge"))
    if workshop.phase != "chiuso":
        st.warning(t("report.not_closed"))
    evidence_view.section(workshop)  # issue 18: the figures behind the priorities
    data = results.collect(store, workshop)
    if not data.rounds:
        st.info(t("report.no_rounds"))
    for rnd in data.rounds:
        _round(rnd, data.voters)
    if len(data.rounds) > 1:
        st.subheader(t("risultati.compare"), anchor=False)
        rows = results.compare_rounds(data.rounds)
        columns = [t("report.round", position=r.position) for r in data.rounds]
        st.dataframe(
            pd.DataFrame(
                [[row["title"], *("–" if r is None else str(r) for r in row["ranks"])] for row in rows],
                columns=[t("report.col.priority"), *columns],
            ),
            hide_index=True,
            width="stretch",
        )
        st.caption(t("risultati.compare_help"))
    st.subheader(t("risultati.downloads"), anchor=False)
    report_buttons(store, workshop, "risultati.download")


def report_buttons(store, workshop, key_prefix: str) -> None:
    """Download buttons for the minutes (HTML and XLSX). The document is built
    only when a button is pressed (~120 ms), not at every rerun."""
    language = lang()  # read here: the callable runs outside the script thread
    a, b = st.columns(2)
    for col, name, label in ((a, "report", "risultati.download_html"), (b, "report-xlsx", "risultati.download_xlsx")):
        writer, extension, mime = report.WRITERS[name]

        def build(writer=writer):
            return writer(report.build(store, workshop, language))

        col.download_button(
            t(label),
            data=downloads.guarded(build, extension, report.filename(workshop, name), language),
            file_name=report.filename(workshop, name),
            mime=mime,
            key=f"{key_prefix}.{name}",
        )


def _round(rnd: results.RoundResult, voters) -> None:
    st.subheader(t("report.round", position=rnd.position), anchor=False)
    st.text(results.describe_params(rnd.method, rnd.params, lang()))
    st.caption(t("report.ballots", n=rnd.result.n_ballots))
    if rnd.result.n_ballots:
        for k, figure in enumerate(charts_voting.result_charts(rnd.result, rnd.items, lang())):
            # the method's charts: ranking adds the head-to-head heatmap of Schulze
            st.plotly_chart(figure, width="stretch", key=f"risultati.chart.{rnd.round_id}" + (f".{k}" if k else ""))
    st.caption(results.tie_rule(rnd.method, lang()))
    st.write(t("report.explanation"))
    for line in voting.explain(rnd.result, lang()):
        st.text(line)  # may quote titles typed by people: plain text only
    rows = report.round_rows(rnd)
    details = results.details(rnd.result, lang())
    st.dataframe(
        pd.DataFrame(
            [
                [
                    r["rank"],
                    r["title"],
                    report.score_text(r["score"], lang()),
                    *(d.get(r["id"], "") for _, d in details),
                ]
                for r in rows
            ],
            columns=[t("report.col.rank"), t("report.col.priority"), t("report.col.score"), *(h for h, _ in details)],
        ),
        hide_index=True,
        width="stretch",
    )
    if rnd.result.n_ballots:
        _breakdown(rnd, voters)


def _breakdown(rnd: results.RoundResult, voters) -> None:
    dimension = st.radio(
        t("risultati.breakdown"),
        list(results.DIMENSIONS),
        key=breakdown_key(rnd.round_id),
        horizontal=True,
        format_func=lambda d: t(f"risultati.dimension.{d}"),
    )
    bd = results.breakdown(rnd.method, rnd.ballots, voters, rnd.items, rnd.params, dimension, channels=rnd.channels)
    if not bd.groups:
        st.info(t("risultati.breakdown_none", min=results.MIN_GROUP))
    else:
        columns = [f"{report.group_label(g.label, dimension, lang())} ({g.size})" for g in bd.groups]
        table = pd.DataFrame(
            [
                [item.title, *[report.score_text(g.result.scores.get(item.id), lang()) for g in bd.groups]]
                for item in rnd.items
            ],
            columns=[t("report.col.priority"), *columns],
        )
        st.dataframe(table, hide_index=True, width="stretch")
        st.caption(t("risultati.breakdown_help"))
    if bd.merged_any or bd.suppressed_any:
        st.caption(t("risultati.small_groups", min=results.MIN_GROUP))
