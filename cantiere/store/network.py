"""Store of the network and the pacts (issue 20): organisations, pacts, their
partners, milestones and change log; the district and year of a workshop and
the area of priorities and proposals.

Rules the database keeps: one organisation per tax code (unique), a pact's lead
and partners cannot be deleted (RESTRICT), status and progress in range
(CHECK). Every write to a pact writes its log line in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from cantiere.errors import CantiereError
from cantiere.store import Store
from cantiere.store.schema import (
    organisations,
    pact_log,
    pact_milestones,
    pact_partners,
    pacts,
    priorities,
    proposals,
    workshops,
)
from cantiere.workshop_errors import NotFoundError


class OrganisationInUseError(CantiereError):
    """An organisation that leads (or is a partner of) a pact cannot be deleted."""

    key = "network.error.in_use"


class PactConflictError(CantiereError):
    """The pact changed meanwhile (its status is no longer the one shown): nothing done."""

    key = "pacts.error.changed"
    key_params = ("now",)


@dataclass(frozen=True)
class Organisation:
    id: int
    name: str
    tax_code: str | None
    kind: str
    comuni: tuple[str, ...]
    fields: tuple[str, ...]
    services: tuple[str, ...]
    contact_role: str
    source: str
    is_demo: bool


@dataclass(frozen=True)
class Partner:
    organisation_id: int
    name: str
    commitment: str
    due: date | None


@dataclass(frozen=True)
class Milestone:
    id: int
    title: str
    due: date
    done: bool


@dataclass(frozen=True)
class Pact:
    id: int
    title: str
    workshop_id: int | None
    priority_id: int | None
    lead_id: int
    lead_name: str
    district: str
    area: str
    comuni: tuple[str, ...]
    target_group: str
    budget: float | None
    funding: tuple[dict, ...]
    status: str
    progress: int
    story: dict
    is_demo: bool
    created_at: datetime
    updated_at: datetime
    partners: tuple[Partner, ...] = ()
    milestones: tuple[Milestone, ...] = field(default=())


@dataclass(frozen=True)
class LogLine:
    id: int
    pact_id: int
    at: datetime
    who: str
    kind: str
    detail: dict


def now() -> datetime:
    return datetime.now(UTC)


# --- organisations ---------------------------------------------------------------


def _organisation(row) -> Organisation:
    return Organisation(
        row.id,
        row.name,
        row.tax_code,
        row.kind,
        tuple(row.comuni or ()),
        tuple(row.fields or ()),
        tuple(row.services or ()),
        row.contact_role,
        row.source,
        bool(row.is_demo),
    )


def _union(old: Sequence[str], new: Sequence[str]) -> list[str]:
    return list(dict.fromkeys([*old, *new]))


def upsert_organisations(store: Store, rows: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
    """Add organisations; a row whose tax code (or, without one, whose folded
    name ``key``) is already registered is merged into it: comuni, fields and
    services are joined, the newer name, kind and contact role kept. One
    transaction: all or nothing. Returns (created, merged)."""
    created = merged = 0
    with store.write() as conn:
        existing = conn.execute(sa.select(organisations)).all()
        by_tax = {r.tax_code: r for r in existing if r.tax_code}
        by_key = {row_key(r.name): r for r in existing if not r.tax_code}
        for row in rows:
            found = by_tax.get(row.get("tax_code")) if row.get("tax_code") else by_key.get(row_key(row["name"]))
            stamp = now()
            if found is None:
                values = {
                    "name": row["name"],
                    "tax_code": row.get("tax_code") or None,
                    "kind": row["kind"],
                    "comuni": list(row.get("comuni") or ()),
                    "fields": list(row.get("fields") or ()),
                    "services": list(row.get("services") or ()),
                    "contact_role": row.get("contact_role") or "",
                    "source": row.get("source") or "",
                    "is_demo": bool(row.get("is_demo")),
                    "created_at": stamp,
                    "updated_at": stamp,
                }
                new_id = conn.execute(organisations.insert().values(**values)).inserted_primary_key[0]
                fresh = conn.execute(sa.select(organisations).where(organisations.c.id == new_id)).one()
                if fresh.tax_code:
                    by_tax[fresh.tax_code] = fresh
                else:
                    by_key[row_key(fresh.name)] = fresh
                created += 1
                continue
            values = {
                "name": row["name"] or found.name,
                "kind": row["kind"] if row.get("kind") and row["kind"] != "altro" else found.kind,
                "comuni": _union(found.comuni or (), row.get("comuni") or ()),
                "fields": _union(found.fields or (), row.get("fields") or ()),
                "services": _union(found.services or (), row.get("services") or ()),
                "contact_role": row.get("contact_role") or found.contact_role,
                "source": found.source if row.get("source") in (None, "", found.source) else row["source"],
                "updated_at": stamp,
            }
            conn.execute(organisations.update().where(organisations.c.id == found.id).values(**values))
            fresh = conn.execute(sa.select(organisations).where(organisations.c.id == found.id)).one()
            if fresh.tax_code:
                by_tax[fresh.tax_code] = fresh
            else:
                by_key[row_key(fresh.name)] = fresh
            merged += 1
    return created, merged


def row_key(name: str) -> str:
    """The name an organisation without a tax code is merged by."""
    return " ".join(str(name or "").casefold().split())


def list_organisations(store: Store) -> list[Organisation]:
    with store.read() as conn:
        rows = conn.execute(sa.select(organisations).order_by(organisations.c.name, organisations.c.id)).all()
    return [_organisation(r) for r in rows]


def get_organisation(store: Store, organisation_id: int) -> Organisation:
    """Raises NotFoundError."""
    with store.read() as conn:
        row = conn.execute(sa.select(organisations).where(organisations.c.id == organisation_id)).one_or_none()
    if row is None:
        raise NotFoundError(what="thing.organisation", id=organisation_id)
    return _organisation(row)


def delete_organisation(store: Store, organisation_id: int) -> None:
    """Delete an organisation. Raises OrganisationInUseError when it leads or
    joins a pact (checked here, and by the database's RESTRICT), NotFoundError."""
    with store.write() as conn:
        row = conn.execute(sa.select(organisations).where(organisations.c.id == organisation_id)).one_or_none()
        if row is None:
            raise NotFoundError(what="thing.organisation", id=organisation_id)
        led = conn.execute(sa.select(pacts.c.title).where(pacts.c.lead_id == organisation_id)).scalars().all()
        if led:
            raise OrganisationInUseError("network.error.leads", name=row.name, pacts=", ".join(led))
        joined = (
            conn.execute(
                sa.select(pacts.c.title)
                .join(pact_partners, pact_partners.c.pact_id == pacts.c.id)
                .where(pact_partners.c.organisation_id == organisation_id)
            )
            .scalars()
            .all()
        )
        if joined:
            raise OrganisationInUseError("network.error.partner", name=row.name, pacts=", ".join(joined))
        try:
            conn.execute(organisations.delete().where(organisations.c.id == organisation_id))
        except IntegrityError as exc:  # a pact written meanwhile by another process
            raise OrganisationInUseError("network.error.leads", name=row.name, pacts="?") from exc


# --- workshops' place in time, areas -------------------------------------------------


def set_workshop_place(store: Store, workshop_id: int, district: str | None, year: int | None) -> None:
    """Raises NotFoundError."""
    with store.write() as conn:
        done = conn.execute(
            workshops.update().where(workshops.c.id == workshop_id).values(district=district, year=year)
        ).rowcount
    if not done:
        raise NotFoundError(what="thing.workshop", id=workshop_id)


def backdate_workshop(store: Store, workshop_id: int, when: datetime) -> None:
    """Set when a workshop took place (the demo's past workshops, so lists show them in their years)."""
    with store.write() as conn:
        conn.execute(workshops.update().where(workshops.c.id == workshop_id).values(created_at=when))


@dataclass(frozen=True)
class WorkshopPlace:
    id: int
    code: str
    title: str
    phase: str
    district: str | None
    year: int | None
    is_demo: bool
    created_at: datetime


def workshop_places(store: Store) -> list[WorkshopPlace]:
    """Every workshop with its district and year, oldest first."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(
                workshops.c.id,
                workshops.c.code,
                workshops.c.title,
                workshops.c.phase,
                workshops.c.district,
                workshops.c.year,
                workshops.c.is_demo,
                workshops.c.created_at,
            ).order_by(workshops.c.year, workshops.c.created_at, workshops.c.id)
        ).all()
    return [WorkshopPlace(*r) for r in rows]


def set_priority_area(store: Store, priority_id: int, area: str | None) -> None:
    """Raises NotFoundError."""
    with store.write() as conn:
        done = conn.execute(priorities.update().where(priorities.c.id == priority_id).values(area=area)).rowcount
    if not done:
        raise NotFoundError(what="thing.priority", id=priority_id)


def set_proposal_area(store: Store, proposal_id: int, area: str | None) -> None:
    """Raises NotFoundError."""
    with store.write() as conn:
        done = conn.execute(proposals.update().where(proposals.c.id == proposal_id).values(area=area)).rowcount
    if not done:
        raise NotFoundError(what="thing.proposal", id=proposal_id)


@dataclass(frozen=True)
class AreaRow:
    """A priority or proposal with its area and the workshop's place in time."""

    kind: str  # "priority" | "proposal"
    id: int
    title: str
    area: str | None
    comuni: tuple[str, ...]
    workshop_id: int
    district: str | None
    year: int | None


def area_rows(store: Store) -> list[AreaRow]:
    """Priorities and visible, unmerged proposals of every workshop, with areas."""
    with store.read() as conn:
        prio = conn.execute(
            sa.select(
                priorities.c.id,
                priorities.c.title,
                priorities.c.area,
                priorities.c.comuni,
                priorities.c.workshop_id,
                workshops.c.district,
                workshops.c.year,
            ).join(workshops, workshops.c.id == priorities.c.workshop_id)
        ).all()
        props = conn.execute(
            sa.select(
                proposals.c.id,
                proposals.c.title,
                proposals.c.area,
                proposals.c.comuni,
                proposals.c.workshop_id,
                workshops.c.district,
                workshops.c.year,
            )
            .join(workshops, workshops.c.id == proposals.c.workshop_id)
            .where(proposals.c.hidden.is_(False), proposals.c.merged_into.is_(None))
        ).all()
    return [AreaRow("priority", r[0], r[1], r[2], tuple(r[3] or ()), *r[4:]) for r in prio] + [
        AreaRow("proposal", r[0], r[1], r[2], tuple(r[3] or ()), *r[4:]) for r in props
    ]


def priority_areas(store: Store, workshop_id: int) -> dict[int, str | None]:
    with store.read() as conn:
        rows = conn.execute(
            sa.select(priorities.c.id, priorities.c.area).where(priorities.c.workshop_id == workshop_id)
        ).all()
    return {r.id: r.area for r in rows}


# --- pacts -------------------------------------------------------------------------


def _log(conn: Connection, pact_id: int, who: str, kind: str, **detail) -> None:
    conn.execute(pact_log.insert().values(pact_id=pact_id, at=now(), who=who, kind=kind, detail=detail))


def create_pact(
    store: Store,
    values: Mapping[str, Any],
    partners: Sequence[Mapping[str, Any]],
    milestones: Sequence[Mapping[str, Any]],
    who: str,
) -> int:
    """Insert a pact, its partners and milestones and its first log line, in
    one transaction. Raises NotFoundError for an unknown organisation."""
    stamp = now()
    with store.write() as conn:
        wanted = {values["lead_id"], *(p["organisation_id"] for p in partners)}
        known = set(conn.execute(sa.select(organisations.c.id).where(organisations.c.id.in_(wanted))).scalars().all())
        missing = sorted(wanted - known)
        if missing:
            raise NotFoundError(what="thing.organisation", id=missing[0])
        pact_id = conn.execute(
            pacts.insert().values(**values, created_at=stamp, updated_at=stamp)
        ).inserted_primary_key[0]
        for p in partners:
            conn.execute(pact_partners.insert().values(pact_id=pact_id, **p))
        for m in milestones:
            conn.execute(pact_milestones.insert().values(pact_id=pact_id, created_at=stamp, **m))
        _log(
            conn,
            pact_id,
            who,
            "created",
            title=values["title"],
            status=values["status"],
            lead_id=values["lead_id"],
            partners=[p["organisation_id"] for p in partners],
        )
    return pact_id


def _pact_row(conn: Connection, pact_id: int):
    row = conn.execute(sa.select(pacts).where(pacts.c.id == pact_id)).one_or_none()
    if row is None:
        raise NotFoundError(what="thing.pact", id=pact_id)
    return row


def set_status(store: Store, pact_id: int, status: str, expected: str, note: str, who: str) -> None:
    """Compare-and-set the status (``expected``: the one the person saw).
    Raises PactConflictError, NotFoundError."""
    with store.write() as conn:
        row = _pact_row(conn, pact_id)
        if row.status != expected:
            raise PactConflictError(now=f"pacts.status.{row.status}")
        conn.execute(pacts.update().where(pacts.c.id == pact_id).values(status=status, updated_at=now()))
        _log(conn, pact_id, who, "status", old=row.status, new=status, note=note)


def set_progress(store: Store, pact_id: int, progress: int, who: str) -> None:
    """Raises NotFoundError (the CHECK keeps 0–100)."""
    with store.write() as conn:
        row = _pact_row(conn, pact_id)
        conn.execute(pacts.update().where(pacts.c.id == pact_id).values(progress=progress, updated_at=now()))
        _log(conn, pact_id, who, "progress", old=row.progress, new=progress)


def milestones_of(conn: Connection, pact_id: int) -> list[Milestone]:
    rows = conn.execute(
        sa.select(pact_milestones)
        .where(pact_milestones.c.pact_id == pact_id)
        .order_by(pact_milestones.c.due, pact_milestones.c.id)
    ).all()
    return [Milestone(r.id, r.title, r.due, bool(r.done)) for r in rows]


def add_milestone(store: Store, pact_id: int, title: str, due: date, who: str, check=None) -> int:
    """Add a milestone; ``check(existing milestones)`` runs inside the
    transaction and may raise. Raises NotFoundError."""
    with store.write() as conn:
        _pact_row(conn, pact_id)
        if check is not None:
            check(milestones_of(conn, pact_id))
        new_id = conn.execute(
            pact_milestones.insert().values(pact_id=pact_id, title=title, due=due, done=False, created_at=now())
        ).inserted_primary_key[0]
        conn.execute(pacts.update().where(pacts.c.id == pact_id).values(updated_at=now()))
        _log(conn, pact_id, who, "milestone_added", title=title, due=due.isoformat())
    return new_id


def set_milestone_done(store: Store, milestone_id: int, done: bool, who: str) -> None:
    """Raises NotFoundError."""
    with store.write() as conn:
        row = conn.execute(sa.select(pact_milestones).where(pact_milestones.c.id == milestone_id)).one_or_none()
        if row is None:
            raise NotFoundError(what="thing.milestone", id=milestone_id)
        conn.execute(pact_milestones.update().where(pact_milestones.c.id == milestone_id).values(done=done))
        conn.execute(pacts.update().where(pacts.c.id == row.pact_id).values(updated_at=now()))
        _log(conn, row.pact_id, who, "milestone_done" if done else "milestone_reopened", title=row.title)


def _pacts(conn: Connection, where=None) -> list[Pact]:
    query = (
        sa.select(pacts, organisations.c.name.label("lead_name"))
        .join(organisations, organisations.c.id == pacts.c.lead_id)
        .order_by(pacts.c.created_at, pacts.c.id)
    )
    if where is not None:
        query = query.where(where)
    rows = conn.execute(query).all()
    if not rows:
        return []
    ids = [r.id for r in rows]
    partner_rows = conn.execute(
        sa.select(pact_partners, organisations.c.name)
        .join(organisations, organisations.c.id == pact_partners.c.organisation_id)
        .where(pact_partners.c.pact_id.in_(ids))
        .order_by(pact_partners.c.id)
    ).all()
    milestone_rows = conn.execute(
        sa.select(pact_milestones)
        .where(pact_milestones.c.pact_id.in_(ids))
        .order_by(pact_milestones.c.due, pact_milestones.c.id)
    ).all()
    partners_by: dict[int, list[Partner]] = {}
    for p in partner_rows:
        partners_by.setdefault(p.pact_id, []).append(Partner(p.organisation_id, p.name, p.commitment, p.due))
    milestones_by: dict[int, list[Milestone]] = {}
    for m in milestone_rows:
        milestones_by.setdefault(m.pact_id, []).append(Milestone(m.id, m.title, m.due, bool(m.done)))
    return [
        Pact(
            r.id,
            r.title,
            r.workshop_id,
            r.priority_id,
            r.lead_id,
            r.lead_name,
            r.district,
            r.area,
            tuple(r.comuni or ()),
            r.target_group,
            r.budget,
            tuple(r.funding or ()),
            r.status,
            r.progress,
            dict(r.story or {}),
            bool(r.is_demo),
            r.created_at,
            r.updated_at,
            tuple(partners_by.get(r.id, ())),
            tuple(milestones_by.get(r.id, ())),
        )
        for r in rows
    ]


def list_pacts(store: Store, workshop_id: int | None = None) -> list[Pact]:
    """Every pact (or those born in ``workshop_id``) with partners and milestones, oldest first."""
    with store.read() as conn:
        return _pacts(conn, pacts.c.workshop_id == workshop_id if workshop_id is not None else None)


def get_pact(store: Store, pact_id: int) -> Pact:
    """Raises NotFoundError."""
    with store.read() as conn:
        found = _pacts(conn, pacts.c.id == pact_id)
    if not found:
        raise NotFoundError(what="thing.pact", id=pact_id)
    return found[0]


def list_log(store: Store, pact_ids: Sequence[int] | None = None) -> list[LogLine]:
    """The change log, oldest first (of ``pact_ids`` only, when given)."""
    query = sa.select(pact_log).order_by(pact_log.c.at, pact_log.c.id)
    if pact_ids is not None:
        query = query.where(pact_log.c.pact_id.in_(list(pact_ids)))
    with store.read() as conn:
        rows = conn.execute(query).all()
    return [LogLine(r.id, r.pact_id, r.at, r.who, r.kind, dict(r.detail or {})) for r in rows]


def count_organisations(store: Store) -> int:
    with store.read() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(organisations)).scalar_one()
