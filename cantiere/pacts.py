"""Pacts (Patti): a priority chosen in a workshop becomes a pact — a lead
organisation and partners from the register, comuni, target group, what each
partner commits to and by when, budget and funding sources, dated milestones,
status and progress. Every change is logged (who, when, what); a pact keeps
its story: the workshop, the priority, its votes, the proposals and the
evidence figures it came from.

Also here: the public monitoring (filters, timeline, open-data export), what
the next workshop of a district opens with («Cosa è successo dall'ultimo
laboratorio»), the pacts' part of a workshop's export and minutes, and the
demo history of a district.

Pure logic over the store API; no Streamlit.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import pandas as pd

from cantiere import areas, evidence, network, pacts_records, territory
from cantiere import workshop as w
from cantiere.errors import CantiereError, UnknownNameError
from cantiere.export import escape_cell
from cantiere.i18n import translate
from cantiere.pacts_records import open_data, workshop_part
from cantiere.store import Store
from cantiere.store import listening as ldb
from cantiere.store import network as ndb
from cantiere.store import workshops as wdb
from cantiere.store.network import LogLine, Milestone, Pact, PactConflictError

__all__ = ["LogLine", "Milestone", "Pact", "PactConflictError", "open_data", "workshop_part"]

# proposto → sottoscritto → in corso → concluso, or sospeso (from any but concluso)
STATUSES = ("proposto", "sottoscritto", "in_corso", "concluso", "sospeso")
ORDER = {"proposto": 0, "sottoscritto": 1, "in_corso": 2, "concluso": 3}
TITLE_MAX = 200
NOTE_MAX = 500


class PactError(CantiereError, ValueError):
    """A pact, a milestone or a change of status is not valid; the message says what to fix."""

    key = "pacts.error.invalid"


def who_of(actor: w.Actor) -> str:
    """The log's «who»: the role and how it signed in, never a person's name."""
    return f"{actor.role.value} ({actor.via or '-'})"


def check_status(status: object) -> str:
    text = str(status or "").strip().lower().replace(" ", "_")
    if text not in STATUSES:
        raise UnknownNameError("thing.pact_status", status, list(STATUSES))
    return text


def is_backwards(old: str, new: str) -> bool:
    """A step back along proposto → sottoscritto → in corso → concluso, or a suspension."""
    if new == "sospeso":
        return old != "sospeso"
    if old == "sospeso":
        return False
    return ORDER[new] < ORDER[old]


def _date(value: object, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for parse in (date.fromisoformat, lambda s: datetime.strptime(s, "%d/%m/%Y").date()):
        try:
            return parse(text)
        except ValueError:
            continue
    raise PactError("pacts.error.date", what=what, value=text)


def check_progress(value: object) -> int:
    try:
        number = float(str(value).replace("%", "").replace(",", ".").strip())
    except ValueError:
        raise PactError("pacts.error.progress", value=value) from None
    if not 0 <= number <= 100 or number != int(number):
        raise PactError("pacts.error.progress", value=value)
    return int(number)


def check_milestones(milestones: Sequence[Mapping[str, Any]], before: Sequence[Milestone] = ()) -> list[dict]:
    """Milestones in the order given, each due no earlier than the one before
    (the existing ones of the pact first). PactError names the pair out of order."""
    out = []
    previous = (before[-1].title, before[-1].due) if before else None
    for m in milestones:
        title = " ".join(str(m.get("title") or "").split())
        if not title:
            raise PactError("pacts.error.milestone_title")
        if len(title) > TITLE_MAX:
            raise PactError("pacts.error.title_long", max=TITLE_MAX)
        due = _date(m.get("due"), title)
        if previous is not None and due < previous[1]:
            raise PactError(
                "pacts.error.milestone_order",
                title=title,
                due=due.strftime("%d/%m/%Y"),
                previous=previous[0],
                previous_due=previous[1].strftime("%d/%m/%Y"),
            )
        out.append({"title": title, "due": due, "done": bool(m.get("done"))})
        previous = (title, due)
    return out


def check_funding(funding: Sequence[Mapping[str, Any]]) -> list[dict]:
    out = []
    for f in funding:
        source = " ".join(str(f.get("source") or "").split())
        if not source:
            continue
        amount = f.get("amount")
        value = None if amount in (None, "") else float(str(amount).replace(",", "."))
        if value is not None and value < 0:
            raise PactError("pacts.error.amount", value=amount)
        out.append({"source": source, "amount": value})
    return out


@dataclass(frozen=True)
class Draft:
    """What the coordinator fills in to turn a priority into a pact."""

    title: str
    lead_id: int | None
    partners: Sequence[Mapping[str, Any]] = ()  # {"organisation_id", "commitment", "due"}
    comuni: Sequence[str] = ()
    target_group: str = ""
    area: str = ""
    district: str = ""
    budget: float | None = None
    funding: Sequence[Mapping[str, Any]] = ()
    milestones: Sequence[Mapping[str, Any]] = ()
    status: str = "proposto"
    progress: int = 0
    workshop_id: int | None = None
    priority_id: int | None = None
    is_demo: bool = False


def story_of(store: Store, workshop_id: int | None, priority_id: int | None, lang: str = "it") -> dict:
    """Where a pact comes from, frozen when it is made: the workshop (code,
    title, district, year), the priority, its place in each round, the
    proposals promoted into it, the evidence figures shown beside it."""
    if workshop_id is None:
        return {}
    places = {p.id: p for p in ndb.workshop_places(store)}
    place = places.get(workshop_id)
    story: dict[str, Any] = {}
    if place is not None:
        story["workshop"] = {
            "code": place.code,
            "title": place.title,
            "district": place.district,
            "year": place.year,
            "is_demo": place.is_demo,
        }
    if priority_id is None:
        return story
    priority = wdb.get_priority(store, priority_id)
    story["priority"] = {"id": priority.id, "title": priority.title}
    story["evidence"] = evidence.line_of(priority.attrs, lang)
    votes = []
    for rnd in wdb.list_rounds(store, workshop_id):
        result = w.tally_round(store, rnd.id)
        if priority_id not in result.scores:
            continue
        rank = next((n for n, tier in enumerate(result.ranking, start=1) if priority_id in tier), None)
        votes.append(
            {
                "round": rnd.position,
                "method": rnd.method,
                "ballots": result.n_ballots,
                "rank": rank,
                "score": round(float(result.scores[priority_id]), 2),
            }
        )
    story["votes"] = votes
    story["proposals"] = [
        {"title": p.title, "supports": p.supports}
        for p in ldb.list_proposals(store, workshop_id)
        if p.promoted_priority_id == priority_id
    ]
    return story


def create_pact(store: Store, actor: w.Actor, draft: Draft) -> Pact:
    """Make a pact (coordinator). Refused with a message when it has no lead,
    when a partner is the lead or repeated, when milestones are out of order,
    progress is over 100 % or a comune or area is unknown."""
    w.require_facilitator(actor)
    title = " ".join(str(draft.title or "").split())
    if not title:
        raise PactError("pacts.error.title")
    if len(title) > TITLE_MAX:
        raise PactError("pacts.error.title_long", max=TITLE_MAX)
    if not draft.lead_id:
        raise PactError("pacts.error.no_lead")
    partners, seen = [], {int(draft.lead_id)}
    for p in draft.partners:
        org_id = int(p["organisation_id"])
        if org_id in seen:
            name = ndb.get_organisation(store, org_id).name
            raise PactError("pacts.error.partner_twice", name=name)
        seen.add(org_id)
        due = p.get("due")
        partners.append(
            {
                "organisation_id": org_id,
                "commitment": " ".join(str(p.get("commitment") or "").split()),
                "due": _date(due, "due") if due not in (None, "") else None,
            }
        )
    comuni = [territory.comune(c).code for c in draft.comuni]
    area = areas.check_area(draft.area)
    district = areas.check_district(draft.district) if draft.district else ""
    if not district and comuni:
        district = territory.comune(comuni[0]).district
    budget = None if draft.budget in (None, "") else float(draft.budget)
    if budget is not None and budget < 0:
        raise PactError("pacts.error.amount", value=draft.budget)
    values = {
        "title": title,
        "workshop_id": draft.workshop_id,
        "priority_id": draft.priority_id,
        "lead_id": int(draft.lead_id),
        "district": district,
        "area": area,
        "comuni": comuni,
        "target_group": " ".join(str(draft.target_group or "").split()),
        "budget": budget,
        "funding": check_funding(draft.funding),
        "status": check_status(draft.status),
        "progress": check_progress(draft.progress),
        "story": story_of(store, draft.workshop_id, draft.priority_id),
        "is_demo": draft.is_demo,
    }
    pact_id = ndb.create_pact(store, values, partners, check_milestones(draft.milestones), who_of(actor))
    return ndb.get_pact(store, pact_id)


def change_status(store: Store, actor: w.Actor, pact_id: int, status: object, note: str = "") -> Pact:
    """Move a pact to ``status``; a step back (or a suspension) needs a note
    saying why. The move is a compare-and-set on the status shown."""
    w.require_facilitator(actor)
    new = check_status(status)
    pact = ndb.get_pact(store, pact_id)
    clean = " ".join(str(note or "").split())[:NOTE_MAX]
    if new == pact.status:
        return pact
    if is_backwards(pact.status, new) and not clean:
        raise PactError("pacts.error.note_needed", old=f"pacts.status.{pact.status}", new=f"pacts.status.{new}")
    ndb.set_status(store, pact_id, new, pact.status, clean, who_of(actor))
    return ndb.get_pact(store, pact_id)


def set_progress(store: Store, actor: w.Actor, pact_id: int, progress: object) -> Pact:
    w.require_facilitator(actor)
    ndb.set_progress(store, pact_id, check_progress(progress), who_of(actor))
    return ndb.get_pact(store, pact_id)


def add_milestone(store: Store, actor: w.Actor, pact_id: int, title: object, due: object) -> Pact:
    """Add a dated milestone after the existing ones (not before the last)."""
    w.require_facilitator(actor)
    (clean,) = check_milestones([{"title": title, "due": due}])

    def in_order(existing: Sequence[Milestone]) -> None:
        check_milestones([{"title": clean["title"], "due": clean["due"]}], existing)

    ndb.add_milestone(store, pact_id, clean["title"], clean["due"], who_of(actor), check=in_order)
    return ndb.get_pact(store, pact_id)


def complete_milestone(store: Store, actor: w.Actor, milestone_id: int, done: bool = True) -> None:
    w.require_facilitator(actor)
    ndb.set_milestone_done(store, milestone_id, done, who_of(actor))


# PactError keys carry status i18n keys as parameters
PactError.key_params = ("old", "new")


# --- reading: monitoring -------------------------------------------------------------


def all_pacts(store: Store) -> list[Pact]:
    return ndb.list_pacts(store)


def filter_pacts(
    pacts: Sequence[Pact], *, district: str | None = None, area: str | None = None, status: str | None = None
) -> list[Pact]:
    return [
        p
        for p in pacts
        if (not district or p.district == district)
        and (not area or p.area == area)
        and (not status or p.status == status)
    ]


def status_label(status: str, lang: str = "it") -> str:
    return translate(f"pacts.status.{status}", lang)


def area_label(area: str, lang: str = "it") -> str:
    return translate(areas.AREAS[area], lang) if area in areas.AREAS else ""


def next_milestone(pact: Pact) -> Milestone | None:
    return next((m for m in pact.milestones if not m.done), None)


def summary_line(pact: Pact, lang: str = "it") -> str:
    """One sentence a screen reader and a projector can both read."""
    partners = ", ".join(p.name for p in pact.partners) or translate("pacts.none", lang)
    upcoming = next_milestone(pact)
    text = translate(
        "pacts.summary",
        lang,
        status=status_label(pact.status, lang),
        progress=pact.progress,
        lead=pact.lead_name,
        partners=partners,
        comuni=network.comune_names(pact.comuni) or "—",
    )
    if upcoming is not None:
        text += " " + translate("pacts.summary_next", lang, title=upcoming.title, due=upcoming.due.strftime("%d/%m/%Y"))
    return text


def table(pacts: Sequence[Pact], lang: str = "it") -> pd.DataFrame:
    """The list beside the map: one row per pact, plain text."""
    tr = lambda key: translate(key, lang)  # noqa: E731
    rows = [
        {
            tr("pacts.col.title"): p.title,
            tr("pacts.col.status"): status_label(p.status, lang),
            tr("pacts.col.progress"): p.progress,
            tr("pacts.col.lead"): p.lead_name,
            tr("pacts.col.partners"): ", ".join(x.name for x in p.partners),
            tr("pacts.col.district"): p.district,
            tr("pacts.col.area"): area_label(p.area, lang),
            tr("pacts.col.comuni"): network.comune_names(p.comuni),
            tr("pacts.col.workshop"): (p.story.get("workshop") or {}).get("title", ""),
            tr("pacts.col.demo"): tr("pacts.demo_yes") if p.is_demo else "",
        }
        for p in pacts
    ]
    return pd.DataFrame(rows)


def timeline(store: Store, pact: Pact, lang: str = "it") -> list[tuple[date, str]]:
    """The pact's story in dates: the workshop, each logged change, the milestones
    (done or due), oldest first."""
    events: list[tuple[date, str]] = []
    for line in ndb.list_log(store, [pact.id]):
        events.append((line.at.date(), log_text(line, lang)))
    for m in pact.milestones:
        key = "pacts.timeline.milestone_done" if m.done else "pacts.timeline.milestone_due"
        events.append((m.due, translate(key, lang, title=m.title)))
    return sorted(events, key=lambda e: e[0])


def log_text(line: LogLine, lang: str = "it") -> str:
    d = line.detail
    if line.kind == "status":
        text = translate(
            "pacts.log.status", lang, old=status_label(d.get("old", ""), lang), new=status_label(d.get("new", ""), lang)
        )
        return f"{text} — {d['note']}" if d.get("note") else text
    if line.kind == "progress":
        return translate("pacts.log.progress", lang, old=d.get("old"), new=d.get("new"))
    if line.kind == "created":
        return translate("pacts.log.created", lang, status=status_label(d.get("status", ""), lang))
    return translate(f"pacts.log.{line.kind}", lang, title=d.get("title", ""), due=d.get("due", ""))


def markers(pacts: Sequence[Pact]) -> list[dict]:
    """One point per pact for the map: the centroid of its first comune (text
    stays beside the map, in the list)."""
    centroids = comune_centroids()
    out = []
    for n, p in enumerate(pacts, start=1):
        codes = [c for c in p.comuni if c in centroids] or []
        if not codes:
            continue
        lat, lon = centroids[codes[0]]
        out.append({"n": n, "id": p.id, "lat": lat, "lon": lon, "status": p.status})
    return out


@lru_cache(maxsize=1)
def comune_centroids() -> dict[str, tuple[float, float]]:
    """ISTAT code -> a point inside the comune (lat, lon), 5 decimals."""
    frame = territory.boundaries()
    points = frame.geometry.representative_point()
    return {code: (round(pt.y, 5), round(pt.x, 5)) for code, pt in zip(frame["code"], points)}


# --- «Cosa è successo dall'ultimo laboratorio» ----------------------------------------


@dataclass(frozen=True)
class SinceLast:
    district: str
    previous: tuple[ndb.WorkshopPlace, ...]  # the district's earlier workshops, oldest first
    pacts: tuple[Pact, ...]  # born there
    recurring: tuple[str, ...]  # areas that came back in the district


def since_last(store: Store, workshop_id: int) -> SinceLast | None:
    """What the opening screen of ``workshop_id`` shows: the pacts born in the
    earlier workshops of its district and their status. None when the workshop
    has no district or no earlier workshop."""
    places = ndb.workshop_places(store)
    me = next((p for p in places if p.id == workshop_id), None)
    if me is None or not me.district:
        return None
    earlier = tuple(
        p
        for p in places
        if p.district == me.district
        and p.id != me.id
        and ((p.year or 0), p.created_at) < ((me.year or 0), me.created_at)
    )
    if not earlier:
        return None
    ids = {p.id for p in earlier}
    born = tuple(p for p in ndb.list_pacts(store) if p.workshop_id in ids)
    rows = ndb.area_rows(store)
    recurring = areas.recurring_themes(rows)
    themes = tuple(recurring[recurring["distretto"] == me.district]["area"])
    return SinceLast(me.district, earlier, born, themes)


# --- exports and minutes ------------------------------------------------------------


def to_json(data: Mapping[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def to_csv_zip(data: Mapping[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, frame in pacts_records.flat_tables(data, escape_cell).items():
            archive.writestr(f"{name}.csv", frame.to_csv(index=False, sep=";").encode("utf-8-sig"))
    return buffer.getvalue()


def to_xlsx(data: Mapping[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in pacts_records.flat_tables(data, escape_cell).items():
            frame.to_excel(writer, sheet_name=name, index=False)
    return buffer.getvalue()


FORMATS = {
    "json": (to_json, "json", "application/json"),
    "csv": (to_csv_zip, "zip", "application/zip"),
    "xlsx": (to_xlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def render_open_data(store: Store, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise UnknownNameError("thing.format", fmt, list(FORMATS))
    return FORMATS[fmt][0](open_data(store))


def minutes_rows(store: Store, workshop_id: int, lang: str = "it") -> list[dict]:
    """The pacts born in a workshop for its minutes: title, status, progress,
    lead, partners, milestones and the change log in words."""
    out = []
    pacts = ndb.list_pacts(store, workshop_id)
    log = ndb.list_log(store, [p.id for p in pacts]) if pacts else []
    for p in pacts:
        out.append(
            {
                "title": p.title,
                "status": status_label(p.status, lang),
                "progress": p.progress,
                "lead": p.lead_name,
                "partners": ", ".join(f"{x.name} ({x.commitment})" if x.commitment else x.name for x in p.partners),
                "milestones": "; ".join(
                    f"{m.title} {m.due.strftime('%d/%m/%Y')}{' ✓' if m.done else ''}" for m in p.milestones
                ),
                "log": [
                    f"{x.at.strftime('%d/%m/%Y %H:%M')} · {x.who} · {log_text(x, lang)}"
                    for x in log
                    if x.pact_id == p.id
                ],
            }
        )
    return out
