"""Store API for listening: the only code that knows the proposals, supports and pins tables.

Same habits as ``cantiere.store.workshops``: frozen dataclasses out, writes in
``store.write()`` with their event in the same transaction. Rules that must
hold under concurrency live here, in SQL: one support per participant and
proposal (unique constraint + ``ON CONFLICT DO NOTHING``), a pin moved or
deleted only by its owner (``WHERE participant_id = …``), the per-minute pin
limit checked inside the write transaction. Who may moderate is checked in
``cantiere.listening``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from cantiere.store import Store
from cantiere.store.schema import events, pins, proposals, supports, workshops
from cantiere.store.workshops import _insert_priorities, _log, now
from cantiere.workshop_errors import NotFoundError


@dataclass(frozen=True)
class Proposal:
    id: int
    workshop_id: int
    participant_id: int | None
    title: str
    description: str
    target_group: str
    comuni: tuple[str, ...]
    hidden: bool
    merged_into: int | None
    promoted_priority_id: int | None
    created_at: datetime
    supports: int = 0  # "anch'io" of other participants (the author not counted)


@dataclass(frozen=True)
class Pin:
    id: int
    workshop_id: int
    participant_id: int | None
    lat: float
    lon: float
    comune_code: str
    category: str
    note: str
    hidden: bool
    created_at: datetime
    updated_at: datetime


def _utc(value: datetime) -> datetime:
    # SQLite gives naive datetimes back; we only ever store UTC
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _insert(conn: Connection):
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert


def _proposal(row, count: int = 0) -> Proposal:
    return Proposal(
        row.id,
        row.workshop_id,
        row.participant_id,
        row.title,
        row.description,
        row.target_group,
        tuple(row.comuni or ()),
        bool(row.hidden),
        row.merged_into,
        row.promoted_priority_id,
        row.created_at,
        count,
    )


def _pin(row) -> Pin:
    return Pin(
        row.id,
        row.workshop_id,
        row.participant_id,
        row.lat,
        row.lon,
        row.comune_code,
        row.category,
        row.note,
        bool(row.hidden),
        row.created_at,
        row.updated_at,
    )


def _counts(conn: Connection, ids: Iterable[int]) -> dict[int, int]:
    ids = list(ids)
    if not ids:
        return {}
    rows = conn.execute(
        sa.select(supports.c.proposal_id, sa.func.count())
        .where(supports.c.proposal_id.in_(ids))
        .group_by(supports.c.proposal_id)
    ).all()
    return {pid: n for pid, n in rows}


def _workshop_exists(conn: Connection, workshop_id: int) -> None:
    if conn.execute(sa.select(workshops.c.id).where(workshops.c.id == workshop_id)).first() is None:
        raise NotFoundError(what="thing.workshop", id=workshop_id)


# --- proposals -----------------------------------------------------------------


def add_proposal(
    store: Store,
    workshop_id: int,
    participant_id: int | None,
    row: Mapping[str, Any],
    check_duplicate: Callable[[dict[int, str]], None] = lambda _titles: None,
) -> Proposal:
    """A new proposal (fields already cleaned). ``check_duplicate`` gets the
    titles of the workshop's visible, unmerged proposals inside the write
    transaction and raises to refuse. Raises NotFoundError."""
    with store.write() as conn:
        _workshop_exists(conn, workshop_id)
        titles = dict(
            conn.execute(
                sa.select(proposals.c.id, proposals.c.title).where(
                    proposals.c.workshop_id == workshop_id,
                    proposals.c.hidden == sa.false(),
                    proposals.c.merged_into.is_(None),
                )
            ).all()
        )
        check_duplicate(titles)
        proposal_id = conn.execute(
            proposals.insert()
            .values(
                workshop_id=workshop_id,
                participant_id=participant_id,
                title=row["title"],
                description=row.get("description", ""),
                target_group=row.get("target_group", ""),
                comuni=list(row.get("comuni", ())),
                hidden=False,
                created_at=now(),
            )
            .returning(proposals.c.id)
        ).scalar_one()
        _log(conn, workshop_id, "proposal_created", proposal_id=proposal_id, participant_id=participant_id)
    return get_proposal(store, proposal_id)


def get_proposal(store: Store, proposal_id: int) -> Proposal:
    """The proposal with its support count; NotFoundError if there is none."""
    with store.read() as conn:
        row = conn.execute(sa.select(proposals).where(proposals.c.id == proposal_id)).first()
        if row is None:
            raise NotFoundError(what="thing.proposal", id=proposal_id)
        return _proposal(row, _counts(conn, [proposal_id]).get(proposal_id, 0))


def list_proposals(
    store: Store, workshop_id: int, *, include_hidden: bool = False, include_merged: bool = False
) -> list[Proposal]:
    """Proposals of a workshop with their support counts, oldest first."""
    query = sa.select(proposals).where(proposals.c.workshop_id == workshop_id)
    if not include_hidden:
        query = query.where(proposals.c.hidden == sa.false())
    if not include_merged:
        query = query.where(proposals.c.merged_into.is_(None))
    with store.read() as conn:
        rows = conn.execute(query.order_by(proposals.c.id)).all()
        counts = _counts(conn, [r.id for r in rows])
    return [_proposal(r, counts.get(r.id, 0)) for r in rows]


def supporters(store: Store, proposal_id: int) -> set[int]:
    """Participant ids who said "anch'io" to the proposal."""
    with store.read() as conn:
        return set(
            conn.execute(sa.select(supports.c.participant_id).where(supports.c.proposal_id == proposal_id)).scalars()
        )


def supported_by(store: Store, workshop_id: int, participant_id: int) -> set[int]:
    """Ids of the workshop's proposals the participant supports."""
    with store.read() as conn:
        return set(
            conn.execute(
                sa.select(supports.c.proposal_id)
                .join(proposals, proposals.c.id == supports.c.proposal_id)
                .where(proposals.c.workshop_id == workshop_id, supports.c.participant_id == participant_id)
            ).scalars()
        )


def _copy_support(conn: Connection, proposal_id: int, participant_id: int) -> bool:
    stmt = _insert(conn)(supports).values(proposal_id=proposal_id, participant_id=participant_id, created_at=now())
    stmt = stmt.on_conflict_do_nothing(index_elements=[supports.c.proposal_id, supports.c.participant_id])
    # RETURNING says whether a row went in (rowcount is unreliable across drivers here)
    return conn.execute(stmt.returning(supports.c.id)).first() is not None


def add_support(store: Store, proposal_id: int, participant_id: int) -> bool:
    """Record an "anch'io"; True when new, False when already there (idempotent,
    one row per pair even under concurrent taps). Raises NotFoundError."""
    with store.write() as conn:
        workshop_id = conn.execute(
            sa.select(proposals.c.workshop_id).where(proposals.c.id == proposal_id)
        ).scalar_one_or_none()
        if workshop_id is None:
            raise NotFoundError(what="thing.proposal", id=proposal_id)
        added = _copy_support(conn, proposal_id, participant_id)
        if added:
            _log(conn, workshop_id, "supported", proposal_id=proposal_id, participant_id=participant_id)
    return added


def set_proposal_hidden(store: Store, proposal_id: int, hidden: bool) -> Proposal:
    """Hide or restore a proposal (logged as proposal_hidden / proposal_restored)."""
    with store.write() as conn:
        workshop_id = conn.execute(
            sa.select(proposals.c.workshop_id).where(proposals.c.id == proposal_id)
        ).scalar_one_or_none()
        if workshop_id is None:
            raise NotFoundError(what="thing.proposal", id=proposal_id)
        conn.execute(proposals.update().where(proposals.c.id == proposal_id).values(hidden=hidden))
        _log(conn, workshop_id, "proposal_hidden" if hidden else "proposal_restored", proposal_id=proposal_id)
    return get_proposal(store, proposal_id)


def merge_proposals(store: Store, source_id: int, target_id: int) -> Proposal:
    """Merge ``source`` into ``target`` in one transaction: the source's
    supporters (and its author) become supporters of the target — each
    participant counted once, the target's author never — and the source is
    kept, marked ``merged_into``; proposals earlier merged into the source now
    point at the target. Returns the target. Raises NotFoundError."""
    with store.write() as conn:
        rows = {r.id: r for r in conn.execute(sa.select(proposals).where(proposals.c.id.in_([source_id, target_id])))}
        for wanted in (source_id, target_id):
            if wanted not in rows:
                raise NotFoundError(what="thing.proposal", id=wanted)
        source, target = rows[source_id], rows[target_id]
        people = set(
            conn.execute(sa.select(supports.c.participant_id).where(supports.c.proposal_id == source_id)).scalars()
        )
        if source.participant_id is not None:
            people.add(source.participant_id)
        people.discard(target.participant_id)
        moved = sum(_copy_support(conn, target_id, person) for person in sorted(people))
        conn.execute(proposals.update().where(proposals.c.merged_into == source_id).values(merged_into=target_id))
        conn.execute(proposals.update().where(proposals.c.id == source_id).values(merged_into=target_id))
        _log(conn, source.workshop_id, "merged", proposal_id=source_id, into=target_id, supports_added=moved)
    return get_proposal(store, target_id)


def promote_proposal(store: Store, proposal_id: int, row: Mapping[str, Any]) -> int:
    """Turn the proposal into a priority of its workshop (``row`` already
    checked) and remember it; returns the priority id. Rounds vote on every
    priority unless they list items, so the next round includes it."""
    with store.write() as conn:
        workshop_id = conn.execute(
            sa.select(proposals.c.workshop_id).where(proposals.c.id == proposal_id)
        ).scalar_one_or_none()
        if workshop_id is None:
            raise NotFoundError(what="thing.proposal", id=proposal_id)
        (priority_id,) = _insert_priorities(conn, workshop_id, [row])
        conn.execute(proposals.update().where(proposals.c.id == proposal_id).values(promoted_priority_id=priority_id))
        _log(conn, workshop_id, "promoted", proposal_id=proposal_id, priority_id=priority_id)
    return priority_id


# --- pins --------------------------------------------------------------------------


def _recent_pin_times(conn: Connection, workshop_id: int, participant_id: int, since: datetime) -> list[datetime]:
    # from the event log, not the pins table: deleting pins must not reset the limit
    rows = conn.execute(
        sa.select(events.c.detail, events.c.created_at)
        .where(events.c.workshop_id == workshop_id, events.c.kind == "pin_added", events.c.created_at > since)
        .order_by(events.c.id.desc())
    ).all()
    times = [_utc(r.created_at) for r in rows if (r.detail or {}).get("participant_id") == participant_id]
    return [moment for moment in times if moment > since]


def add_pin(
    store: Store,
    workshop_id: int,
    participant_id: int,
    *,
    lat: float,
    lon: float,
    comune_code: str,
    category: str,
    note: str,
    check_rate: Callable[[list[datetime], datetime], None] = lambda _recent, _now: None,
) -> Pin:
    """A new pin (values already validated). ``check_rate(recent, now)`` gets the
    participant's pin times of the last minute inside the write transaction
    and raises to refuse. Raises NotFoundError."""
    with store.write() as conn:
        _workshop_exists(conn, workshop_id)
        moment = now()
        check_rate(_recent_pin_times(conn, workshop_id, participant_id, moment - timedelta(minutes=1)), moment)
        pin_id = conn.execute(
            pins.insert()
            .values(
                workshop_id=workshop_id,
                participant_id=participant_id,
                lat=lat,
                lon=lon,
                comune_code=comune_code,
                category=category,
                note=note,
                hidden=False,
                created_at=moment,
                updated_at=moment,
            )
            .returning(pins.c.id)
        ).scalar_one()
        _log(
            conn,
            workshop_id,
            "pin_added",
            pin_id=pin_id,
            participant_id=participant_id,
            comune=comune_code,
            category=category,
        )
    return get_pin(store, pin_id)


def get_pin(store: Store, pin_id: int) -> Pin:
    with store.read() as conn:
        row = conn.execute(sa.select(pins).where(pins.c.id == pin_id)).first()
    if row is None:
        raise NotFoundError(what="thing.pin", id=pin_id)
    return _pin(row)


def move_pin(store: Store, pin_id: int, participant_id: int, *, lat: float, lon: float, comune_code: str) -> Pin:
    """Move one's own pin. NotFoundError if no pin with this id belongs to the participant."""
    with store.write() as conn:
        workshop_id = conn.execute(
            sa.select(pins.c.workshop_id).where(pins.c.id == pin_id, pins.c.participant_id == participant_id)
        ).scalar_one_or_none()
        if workshop_id is None:
            raise NotFoundError(what="thing.pin", id=pin_id)
        conn.execute(
            pins.update().where(pins.c.id == pin_id).values(lat=lat, lon=lon, comune_code=comune_code, updated_at=now())
        )
        _log(conn, workshop_id, "pin_moved", pin_id=pin_id, participant_id=participant_id, comune=comune_code)
    return get_pin(store, pin_id)


def delete_pin(store: Store, pin_id: int, participant_id: int) -> None:
    """Delete one's own pin. NotFoundError if no pin with this id belongs to the participant."""
    with store.write() as conn:
        workshop_id = conn.execute(
            sa.select(pins.c.workshop_id).where(pins.c.id == pin_id, pins.c.participant_id == participant_id)
        ).scalar_one_or_none()
        if workshop_id is None:
            raise NotFoundError(what="thing.pin", id=pin_id)
        conn.execute(pins.delete().where(pins.c.id == pin_id))
        _log(conn, workshop_id, "pin_deleted", pin_id=pin_id, participant_id=participant_id)


def set_pin_hidden(store: Store, pin_id: int, hidden: bool) -> Pin:
    """Hide or restore a pin (logged as pin_hidden / pin_restored)."""
    with store.write() as conn:
        workshop_id = conn.execute(sa.select(pins.c.workshop_id).where(pins.c.id == pin_id)).scalar_one_or_none()
        if workshop_id is None:
            raise NotFoundError(what="thing.pin", id=pin_id)
        conn.execute(pins.update().where(pins.c.id == pin_id).values(hidden=hidden))
        _log(conn, workshop_id, "pin_hidden" if hidden else "pin_restored", pin_id=pin_id)
    return get_pin(store, pin_id)


def list_pins(
    store: Store, workshop_id: int | None = None, *, include_hidden: bool = False, participant_id: int | None = None
) -> list[Pin]:
    """Pins of a workshop (every workshop when None), oldest first; hidden ones only when asked."""
    query = sa.select(pins)
    if workshop_id is not None:
        query = query.where(pins.c.workshop_id == workshop_id)
    if participant_id is not None:
        query = query.where(pins.c.participant_id == participant_id)
    if not include_hidden:
        query = query.where(pins.c.hidden == sa.false())
    with store.read() as conn:
        rows = conn.execute(query.order_by(pins.c.id)).all()
    return [_pin(r) for r in rows]


def list_supports(store: Store, workshop_id: int) -> list[tuple[int, datetime]]:
    """(proposal id, when) of every support in the workshop, oldest first — who
    supported is not returned (exports stay anonymous)."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(supports.c.proposal_id, supports.c.created_at)
            .join(proposals, proposals.c.id == supports.c.proposal_id)
            .where(proposals.c.workshop_id == workshop_id)
            .order_by(supports.c.id)
        ).all()
    return [(r.proposal_id, r.created_at) for r in rows]
