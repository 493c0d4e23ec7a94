"""Pacts on screen: Monitoraggio (public: map, list with timelines, filters,
open-data export, the memory across workshops), the «Patti e memoria» tab of
Facilitazione (coordinator: a workshop's district and year, areas, a pact from
a priority, milestones, status, progress, the register) and the projector's
«Cosa è successo dall'ultimo laboratorio».

Every action runs in a button callback and passes the ``Actor`` to the core,
which checks it again. Organisation names and pact titles are shown with
``st.text`` or dataframes, never as Markdown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from cantiere import areas, mapkit, maps_network, network, pacts, territory
from cantiere import workshop as w
from cantiere.store import network as ndb
from cantiere.store import workshops as wdb
from cantiere.ui import flash, get_store, lang, mapassets, safe, t

FLASH = "patti.flash"
F_DISTRICT, F_AREA, F_STATUS = "monitoraggio.district", "monitoraggio.area", "monitoraggio.status"
ALL = ""
NONE = 0


def _base_map(mode: str):
    """A fresh base map each run: folium objects are not shared between sessions
    (a map cached for the process came out 0 px high in the second session)."""
    return mapkit.base_map(mode)


FLASH_SECONDS = 10  # the tab is in a panel that reruns every 3 s: keep the outcome on screen a while


def _flash_and_show() -> None:
    flash.show(FLASH, seconds={flash.SUCCESS: FLASH_SECONDS, flash.ERROR: FLASH_SECONDS})


def _act(action: Callable[[], object], success: str) -> None:
    flash.act(FLASH, action, success=lambda _: t(success))


# --- Monitoraggio -----------------------------------------------------------------


def _filters() -> tuple[str, str, str]:
    a, b, c = st.columns(3)
    district = a.selectbox(
        t("network.filter.district"),
        [ALL, *areas.district_keys()],
        key=F_DISTRICT,
        format_func=lambda k: t("network.all") if not k else territory.district(k).name,
    )
    area = b.selectbox(
        t("pacts.filter.area"),
        [ALL, *areas.AREAS],
        key=F_AREA,
        format_func=lambda k: t("network.all") if not k else t(areas.AREAS[k]),
    )
    status = c.selectbox(
        t("pacts.filter.status"),
        [ALL, *pacts.STATUSES],
        key=F_STATUS,
        format_func=lambda k: t("network.all") if not k else t(f"pacts.status.{k}"),
    )
    return district, area, status


def pact_card(store, n: int, pact: pacts.Pact) -> None:
    """One pact of the list: number (as on the map), title, one sentence, progress, timeline, story."""
    with st.container(border=True, key=f"monitoraggio.pact.{pact.id}"):
        safe.heading(f"{n}. {pact.title}", 3)
        if pact.is_demo:
            st.caption(t("pacts.demo_label"))
        st.text(pacts.summary_line(pact, lang()))
        st.progress(pact.progress / 100, text=t("pacts.progress_text", progress=pact.progress))
        with st.expander(t("pacts.timeline_title"), expanded=False):
            for when, text in pacts.timeline(store, pact, lang()):
                st.text(f"{when.strftime('%d/%m/%Y')} · {text}")
        story = pact.story
        if story.get("workshop"):
            ws = story["workshop"]
            st.text(t("pacts.story_workshop", title=ws.get("title", ""), year=ws.get("year") or "—"))
        for vote in story.get("votes", []):
            st.text(t("pacts.story_vote", round=vote["round"], rank=vote["rank"], ballots=vote["ballots"]))
        for proposal in story.get("proposals", []):
            st.text(t("pacts.story_proposal", title=proposal["title"], supports=proposal["supports"]))
        if story.get("evidence"):
            st.text(t("pacts.story_evidence", line=story["evidence"]))


def monitor() -> None:
    """The public Monitoraggio page."""
    store = get_store()
    st.caption(t("pacts.intro"))
    everything = pacts.all_pacts(store)
    if any(p.is_demo for p in everything):
        st.caption(t("pacts.demo_note"))
    district, area, status = _filters()
    shown = pacts.filter_pacts(everything, district=district or None, area=area or None, status=status or None)
    st.subheader(t("pacts.map_title"), anchor=False)
    st.caption(t("pacts.map_help"))
    layer = maps_network.pacts_layer(pacts.markers(shown), lang())
    mapassets.show_map(_base_map(mapassets.map_mode()), key="monitoraggio.map", height=420, feature_group_to_add=layer)
    st.subheader(t("pacts.list_title", n=len(shown)), anchor=False)
    if not shown:
        st.info(t("pacts.empty"))
    else:
        st.dataframe(pacts.table(shown, lang()), hide_index=True, width="stretch", key="monitoraggio.table")
        for n, pact in enumerate(shown, start=1):
            pact_card(store, n, pact)
    st.subheader(t("pacts.open_data"), anchor=False)
    st.caption(t("pacts.open_data_help"))
    cols = st.columns(3)
    for col, fmt in zip(cols, ("csv", "xlsx", "json")):
        writer, ext, mime = pacts.FORMATS[fmt]
        col.download_button(
            t(f"pacts.export_{fmt}"),
            data=lambda fmt=fmt: pacts.render_open_data(get_store(), fmt),
            file_name=f"patti-e-rete.{ext}",
            mime=mime,
            key=f"monitoraggio.export.{fmt}",
        )
    memory()


def memory() -> None:
    """Memory across workshops: the roll-up comune → district → area and the themes that come back."""
    store = get_store()
    st.subheader(t("areas.memory_title"), anchor=False)
    rolled = areas.rollup(store)
    recurring = rolled.recurring
    if recurring.empty:
        st.caption(t("areas.no_recurring"))
    for row in recurring.itertuples(index=False):
        st.text(t("areas.recurring_line", area=t(areas.AREAS[row.area]), district=row.distretto, years=row.anni))
    level = st.segmented_control(
        t("areas.level"),
        ["area", "distretto", "comune"],
        default="distretto",
        key="monitoraggio.level",
        format_func=lambda k: t(f"areas.level.{k}"),
    )
    table = rolled.table[rolled.table["livello"] == (level or "distretto")].drop(columns="livello").copy()
    names = {c.code: c.name for c in territory.comuni()}
    table["luogo"] = table["luogo"].map(lambda v: names.get(v, t(areas.AREAS[v]) if v in areas.AREAS else v or "—"))
    table["area"] = table["area"].map(lambda v: t(areas.AREAS[v]) if v in areas.AREAS else "—")
    table.columns = [
        t("areas.col.place"),
        t("areas.col.area"),
        t("areas.col.year"),
        t("areas.col.priorities"),
        t("areas.col.proposals"),
    ]
    st.dataframe(table, hide_index=True, width="stretch", key="monitoraggio.rollup")


# --- the projector's opening screen ------------------------------------------------


def projector_section(workshop: wdb.Workshop) -> None:
    """«Cosa è successo dall'ultimo laboratorio»: the pacts born in the district's
    earlier workshops and their status (open on the opening screen)."""
    if workshop.phase == "chiuso":
        return
    store = get_store()
    since = pacts.since_last(store, workshop.id)
    if since is None:
        return
    if workshop.phase in ("bozza", "ascolto"):  # the opening screen: in full view
        with st.container(border=True, key="proiezione.since"):
            safe.heading(t("pacts.since_title"), 2)
            _since(since)
    else:  # voting: folded under the QR code, a tap away
        with st.expander(t("pacts.since_title"), expanded=False):
            _since(since)


def _since(since: pacts.SinceLast) -> None:
    """The earlier workshops, each pact born there with its status and progress, the themes that come back."""
    st.text(
        t(
            "pacts.since_intro",
            district=territory.district(since.district).name,
            workshops=", ".join(f"{p.title} ({p.year or '—'})" for p in since.previous),
        )
    )
    if not since.pacts:
        st.text(t("pacts.since_none"))
    for n, pact in enumerate(since.pacts, start=1):
        with st.container(border=True, key=f"proiezione.pact.{pact.id}"):
            safe.heading(f"{n}. {pact.title}", 3)
            st.text(pacts.summary_line(pact, lang()))
            st.progress(pact.progress / 100, text=t("pacts.progress_text", progress=pact.progress))
    for area in since.recurring:
        st.text(t("pacts.since_recurring", area=t(areas.AREAS[area])))


# --- Facilitazione: «Patti e memoria» ---------------------------------------------------

K = "patti."


def _place(actor: w.Actor, workshop_id: int) -> None:
    s = st.session_state
    _act(
        lambda: areas.set_workshop_place(get_store(), actor, workshop_id, s.get(K + "district"), s.get(K + "year")),
        "pacts.saved_place",
    )


def _areas(actor: w.Actor, ids: list[int]) -> None:
    def run():
        for pid in ids:
            areas.set_priority_area(get_store(), actor, pid, st.session_state.get(f"{K}area.{pid}") or "")

    _act(run, "pacts.saved_areas")


def _date_or_none(value):
    return value if isinstance(value, date) else None


def _create(actor: w.Actor, workshop_id: int) -> None:
    s = st.session_state
    partners = [
        {"organisation_id": org_id, "commitment": s.get(f"{K}commit.{org_id}", "")}
        for org_id in s.get(K + "partners") or []
    ]
    milestones = [
        {"title": s.get(f"{K}m{i}.title", ""), "due": s.get(f"{K}m{i}.due")}
        for i in (1, 2)
        if (s.get(f"{K}m{i}.title") or "").strip()
    ]
    funding = []
    for line in (s.get(K + "funding") or "").splitlines():
        source, _, amount = line.rpartition(":") if ":" in line else (line, "", "")
        funding.append({"source": source.strip(), "amount": amount.strip() or None})
    priority_id = s.get(K + "priority") or None
    draft = pacts.Draft(
        title=s.get(K + "title", ""),
        lead_id=s.get(K + "lead") or None,
        partners=partners,
        comuni=s.get(K + "comuni") or [],
        target_group=s.get(K + "target", ""),
        area=s.get(K + "pact_area") or "",
        budget=s.get(K + "budget"),
        funding=funding,
        milestones=milestones,
        workshop_id=workshop_id,
        priority_id=priority_id,
    )
    _act(lambda: pacts.create_pact(get_store(), actor, draft), "pacts.created")
    if st.session_state[FLASH][0] == flash.SUCCESS:  # an empty form: a second click makes no twin pact
        for key in ("priority", "title", "lead", "partners", "target", "funding", "m1.title", "m2.title"):
            st.session_state.pop(K + key, None)
        for key in ("filled_for", "budget", "m1.due", "m2.due", "comuni", "pact_area"):
            st.session_state.pop(K + key, None)


def _status(actor: w.Actor, pact_id: int) -> None:
    s = st.session_state
    _act(
        lambda: pacts.change_status(
            get_store(), actor, pact_id, s.get(f"{K}status.{pact_id}"), s.get(f"{K}note.{pact_id}", "")
        ),
        "pacts.saved_status",
    )


def _progress(actor: w.Actor, pact_id: int) -> None:
    _act(
        lambda: pacts.set_progress(get_store(), actor, pact_id, st.session_state.get(f"{K}progress.{pact_id}")),
        "pacts.saved_progress",
    )


def _milestone(actor: w.Actor, pact_id: int) -> None:
    s = st.session_state
    _act(
        lambda: pacts.add_milestone(
            get_store(), actor, pact_id, s.get(f"{K}new_m.{pact_id}", ""), s.get(f"{K}new_m_due.{pact_id}")
        ),
        "pacts.saved_milestone",
    )


def _done(actor: w.Actor, milestone_id: int) -> None:
    _act(lambda: pacts.complete_milestone(get_store(), actor, milestone_id), "pacts.saved_milestone")


def facilitation_tab(actor: w.Actor, workshop: wdb.Workshop) -> None:
    """The «Patti e memoria» tab of a workshop."""
    store = get_store()
    _flash_and_show()
    place = next((p for p in ndb.workshop_places(store) if p.id == workshop.id), None)
    st.subheader(t("pacts.place_title"), anchor=False)
    a, b, c = st.columns([2, 1, 1], vertical_alignment="bottom")
    districts = areas.district_keys()
    if K + "district" not in st.session_state or st.session_state.get(K + "for") != workshop.id:
        st.session_state[K + "for"] = workshop.id
        st.session_state[K + "district"] = place.district if place and place.district else districts[0]
        st.session_state[K + "year"] = place.year if place and place.year else date.today().year
    a.selectbox(
        t("network.filter.district"), districts, key=K + "district", format_func=lambda k: territory.district(k).name
    )
    b.number_input(
        t("pacts.year"), min_value=areas.YEAR_RANGE[0], max_value=areas.YEAR_RANGE[1], step=1, key=K + "year"
    )
    c.button(t("pacts.save"), key=K + "save_place", on_click=_place, args=(actor, workshop.id))

    priorities = wdb.list_priorities(store, workshop.id)
    current = ndb.priority_areas(store, workshop.id)
    if priorities:
        st.subheader(t("pacts.areas_title"), anchor=False)
        for p in priorities:
            key = f"{K}area.{p.id}"
            if key not in st.session_state:
                st.session_state[key] = current.get(p.id) or ""
            st.selectbox(
                t("pacts.area_of", n=p.position + 1 if isinstance(p.position, int) else ""),
                ["", *areas.AREAS],
                key=key,
                format_func=lambda k: "—" if not k else t(areas.AREAS[k]),
                help=None,
            )
            st.text(p.title)
        st.button(
            t("pacts.save_areas"), key=K + "save_areas", on_click=_areas, args=(actor, [p.id for p in priorities])
        )

    _new_pact_form(actor, workshop, priorities, current)
    _existing(actor, workshop)
    with st.expander(t("network.manage_title")):
        register_tools(actor)


def _ranked(store, workshop_id: int, priorities) -> list:
    """Priorities, the winners of the last round with votes first."""
    ranks: dict[int, int] = {}
    for rnd in reversed(wdb.list_rounds(store, workshop_id)):
        result = w.tally_round(store, rnd.id)
        if result.n_ballots:
            for n, tier in enumerate(result.ranking, start=1):
                for pid in tier:
                    ranks.setdefault(pid, n)
            break
    return sorted(priorities, key=lambda p: (ranks.get(p.id, 10**6), p.position)), ranks


def _new_pact_form(actor: w.Actor, workshop: wdb.Workshop, priorities, current_areas) -> None:
    store = get_store()
    st.subheader(t("pacts.new_title"), anchor=False)
    orgs = network.register(store)
    if not orgs:
        st.info(t("pacts.no_register"))
    ordered, ranks = _ranked(store, workshop.id, priorities)
    by_id = {p.id: p for p in priorities}
    picked = st.selectbox(
        t("pacts.from_priority"),
        [NONE, *(p.id for p in ordered)],
        key=K + "priority",
        format_func=lambda i: "—" if i == NONE else (f"#{ranks[i]} · " if i in ranks else "") + by_id[i].title,
    )
    if st.session_state.get(K + "filled_for") != picked and picked in by_id:
        st.session_state[K + "filled_for"] = picked
        st.session_state[K + "title"] = by_id[picked].title
        st.session_state[K + "comuni"] = [c for c in areas.comune_codes(by_id[picked].comuni)]
        st.session_state[K + "target"] = by_id[picked].target_group
        st.session_state[K + "pact_area"] = current_areas.get(picked) or ""
    names = {o.id: o.name for o in orgs}
    st.text_input(t("pacts.title"), key=K + "title", max_chars=pacts.TITLE_MAX)
    st.selectbox(t("pacts.lead"), [NONE, *names], key=K + "lead", format_func=lambda i: "—" if i == NONE else names[i])
    st.multiselect(t("pacts.partners"), list(names), key=K + "partners", format_func=lambda i: names[i])
    for org_id in st.session_state.get(K + "partners") or []:
        st.text_input(t("pacts.commitment", name=names.get(org_id, "")), key=f"{K}commit.{org_id}")
    comune_names = {c.code: c.name for c in territory.comuni()}
    st.multiselect(t("pacts.comuni"), list(comune_names), key=K + "comuni", format_func=lambda c: comune_names[c])
    st.text_input(t("pacts.target"), key=K + "target")
    st.selectbox(
        t("pacts.filter.area"),
        ["", *areas.AREAS],
        key=K + "pact_area",
        format_func=lambda k: "—" if not k else t(areas.AREAS[k]),
    )
    st.number_input(t("pacts.budget"), min_value=0.0, value=None, step=1000.0, key=K + "budget")
    st.text_area(t("pacts.funding"), key=K + "funding", help=t("pacts.funding_help"))
    for i in (1, 2):
        a, b = st.columns([3, 2])
        a.text_input(t("pacts.milestone_n", n=i), key=f"{K}m{i}.title")
        b.date_input(t("pacts.milestone_due"), value=None, key=f"{K}m{i}.due", format="DD/MM/YYYY")
    st.button(t("pacts.create"), key=K + "create", type="primary", on_click=_create, args=(actor, workshop.id))


def _existing(actor: w.Actor, workshop: wdb.Workshop) -> None:
    store = get_store()
    mine = ndb.list_pacts(store, workshop.id)
    st.subheader(t("pacts.existing_title", n=len(mine)), anchor=False)
    for pact in mine:
        with st.container(border=True, key=f"{K}card.{pact.id}"):
            safe.heading(pact.title, 3)
            st.text(pacts.summary_line(pact, lang()))
            a, b, c = st.columns([2, 3, 1], vertical_alignment="bottom")
            skey = f"{K}status.{pact.id}"
            if skey not in st.session_state:
                st.session_state[skey] = pact.status
            a.selectbox(
                t("pacts.filter.status"), pacts.STATUSES, key=skey, format_func=lambda k: t(f"pacts.status.{k}")
            )
            b.text_input(t("pacts.note"), key=f"{K}note.{pact.id}", help=t("pacts.note_help"))
            c.button(t("pacts.save"), key=f"{K}save_status.{pact.id}", on_click=_status, args=(actor, pact.id))
            a, b = st.columns([3, 1], vertical_alignment="bottom")
            pkey = f"{K}progress.{pact.id}"
            if pkey not in st.session_state:
                st.session_state[pkey] = pact.progress
            a.number_input(t("pacts.progress"), min_value=0, max_value=100, step=5, key=pkey)
            b.button(t("pacts.save"), key=f"{K}save_progress.{pact.id}", on_click=_progress, args=(actor, pact.id))
            for m in pact.milestones:
                a, b = st.columns([4, 1], vertical_alignment="center")
                a.text(f"{'✓' if m.done else '○'} {m.due.strftime('%d/%m/%Y')} · {m.title}")
                if not m.done:
                    b.button(t("pacts.mark_done"), key=f"{K}done.{m.id}", on_click=_done, args=(actor, m.id))
            a, b, c = st.columns([3, 2, 1], vertical_alignment="bottom")
            a.text_input(t("pacts.new_milestone"), key=f"{K}new_m.{pact.id}")
            b.date_input(t("pacts.milestone_due"), value=None, key=f"{K}new_m_due.{pact.id}", format="DD/MM/YYYY")
            c.button(t("pacts.add"), key=f"{K}add_m.{pact.id}", on_click=_milestone, args=(actor, pact.id))


# --- the register, for the coordinator -------------------------------------------------

R = "rete.edit."


def _add_org(actor: w.Actor) -> None:
    s = st.session_state
    row = {
        "name": s.get(R + "name", ""),
        "tax_code": s.get(R + "tax_code", ""),
        "kind": s.get(R + "kind") or "altro",
        "comuni": s.get(R + "comuni") or [],
        "fields": s.get(R + "fields") or [],
        "services": s.get(R + "services", ""),
        "contact_role": s.get(R + "role", ""),
    }
    _act(lambda: network.add_organisations(get_store(), actor, [row]), "network.saved")


def _import(actor: w.Actor, which: str) -> None:
    upload = st.session_state.get(R + which)
    if upload is None:
        flash.put(FLASH, flash.ERROR, t("network.no_file"))
        return
    reader = network.import_cinque_per_mille if which == "cinque" else network.import_csv

    def run():
        outcome = reader(get_store(), actor, upload.name, upload.getvalue())
        st.session_state[R + "outcome"] = t(
            "network.imported", created=outcome.created, merged=outcome.merged, skipped=outcome.skipped
        )

    _act(run, "network.saved")


def _delete(actor: w.Actor) -> None:
    org_id = st.session_state.get(R + "delete")
    if org_id:
        _act(lambda: network.delete_organisation(get_store(), actor, org_id), "network.deleted")


def register_tools(actor: w.Actor) -> None:
    """Add, import and delete organisations (coordinator)."""
    store = get_store()
    outcome = st.session_state.pop(R + "outcome", None)
    if outcome:
        st.success(outcome)
    st.caption(t("network.no_personal"))
    st.text_input(t("network.col.name"), key=R + "name", max_chars=network.NAME_MAX)
    st.text_input(t("network.tax_code"), key=R + "tax_code", max_chars=16)
    st.selectbox(t("network.col.kind"), list(network.KINDS), key=R + "kind", format_func=lambda k: t(network.KINDS[k]))
    comune_names = {c.code: c.name for c in territory.comuni()}
    st.multiselect(t("network.col.comuni"), list(comune_names), key=R + "comuni", format_func=lambda c: comune_names[c])
    st.multiselect(
        t("network.col.fields"), list(areas.AREAS), key=R + "fields", format_func=lambda k: t(areas.AREAS[k])
    )
    st.text_input(t("network.col.services"), key=R + "services", help=t("network.services_help"))
    st.text_input(t("network.col.contact"), key=R + "role", max_chars=network.ROLE_MAX, help=t("network.contact_help"))
    st.button(t("network.add"), key=R + "add", on_click=_add_org, args=(actor,))
    st.file_uploader(t("network.upload_csv"), type=["csv", "xlsx"], key=R + "csv", help=t("network.csv_help"))
    st.button(t("network.import_csv"), key=R + "import_csv", on_click=_import, args=(actor, "csv"))
    st.file_uploader(t("network.upload_cinque"), type=["csv"], key=R + "cinque")
    st.button(t("network.import_cinque"), key=R + "import_cinque", on_click=_import, args=(actor, "cinque"))
    orgs = {o.id: o.name for o in network.register(store)}
    st.selectbox(
        t("network.delete_pick"), [NONE, *orgs], key=R + "delete", format_func=lambda i: "—" if i == NONE else orgs[i]
    )
    st.button(t("network.delete"), key=R + "delete_button", on_click=_delete, args=(actor,))
