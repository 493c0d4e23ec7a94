"""Store API for privacy: erase a workshop, erase one participant, read one
participant's own data, and the audit log of erasures.

Participant text lives in several tables (comments, proposals, pin notes).
``PARTICIPANT_TEXTS`` lists them, one line each:
erasure and the participant's export walk that list, so a new table of
participant text is covered by adding one line.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from cantiere.store import Store
from cantiere.store.schema import (
    audit_log,
    ballots,
    card_entries,
    cards,
    comments,
    events,
    helper_pins,
    participants,
    pins,
    priorities,
    proposals,
    rounds,
    supports,
    workshops,
)
from cantiere.workshop_errors import NotFoundError, UnknownParticipantError

REMOVED = "[rimosso]"
ERASED_TOKEN_PREFIX = "erased-"


@dataclass(frozen=True)
class TextTable:
    """A table holding text a participant wrote: ``text`` columns are replaced
    by ``[rimosso]`` and ``owner`` is set to NULL on erasure."""

    table: sa.Table
    owner: str
    text: tuple[str, ...]


PARTICIPANT_TEXTS: tuple[TextTable, ...] = (
    TextTable(comments, "participant_id", ("text",)),
    TextTable(proposals, "participant_id", ("title", "description")),
    # the pin's place stays (coarsened wherever it is shown), its note and owner go
    TextTable(pins, "participant_id", ("note",)),
)

# Tables of a workshop, children first: erasure deletes in this order so it
# does not depend on ON DELETE CASCADE being honoured by the backend.
WORKSHOP_CHILDREN: tuple[tuple[sa.Table, Any], ...] = (
    (supports, lambda wid: supports.c.proposal_id.in_(sa.select(proposals.c.id).where(proposals.c.workshop_id == wid))),
    (pins, lambda wid: pins.c.workshop_id == wid),
    (proposals, lambda wid: proposals.c.workshop_id == wid),
    # issue 19: card entries, cards and helper PINs go before ballots and participants
    (card_entries, lambda wid: card_entries.c.card_id.in_(sa.select(cards.c.id).where(cards.c.workshop_id == wid))),
    (cards, lambda wid: cards.c.workshop_id == wid),
    (helper_pins, lambda wid: helper_pins.c.workshop_id == wid),
    (ballots, lambda wid: ballots.c.round_id.in_(sa.select(rounds.c.id).where(rounds.c.workshop_id == wid))),
    (
        comments,
        lambda wid: comments.c.priority_id.in_(sa.select(priorities.c.id).where(priorities.c.workshop_id == wid)),
    ),
    (participants, lambda wid: participants.c.workshop_id == wid),
    (priorities, lambda wid: priorities.c.workshop_id == wid),
    (rounds, lambda wid: rounds.c.workshop_id == wid),
    (events, lambda wid: events.c.workshop_id == wid),
)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    kind: str
    detail: Mapping[str, Any]
    via: str
    created_at: datetime


def _now() -> datetime:
    return datetime.now(UTC)


def _audit(conn, kind: str, via: str, **detail) -> None:
    conn.execute(audit_log.insert().values(kind=kind, detail=detail, via=via, created_at=_now()))


def erase_workshop(store: Store, workshop_id: int, *, via: str = "") -> dict[str, int]:
    """Delete the workshop and everything of it in one transaction; log it in
    the audit log (code and row counts only). Returns the rows deleted per
    table. Raises NotFoundError."""
    with store.write() as conn:
        row = conn.execute(sa.select(workshops.c.code).where(workshops.c.id == workshop_id)).first()
        if row is None:
            raise NotFoundError(what="thing.workshop", id=workshop_id)
        counts: dict[str, int] = {}
        for table, where in WORKSHOP_CHILDREN:
            counts[table.name] = conn.execute(table.delete().where(where(workshop_id))).rowcount
        counts["workshops"] = conn.execute(workshops.delete().where(workshops.c.id == workshop_id)).rowcount
        _audit(conn, "workshop_erased", via, code=row.code, rows=counts)
    return counts


def erase_participant(store: Store, token: str, *, via: str = "") -> dict[str, int]:
    """Remove a participant's profile and texts; keep their ballots counted.

    The profile columns become NULL, the token is replaced by a random
    ``erased-…`` one (the old link no longer opens anything), each text column
    in PARTICIPANT_TEXTS becomes ``[rimosso]`` and loses its owner. Logged in
    the workshop's events and in the audit log. Returns counts. Raises
    UnknownParticipantError."""
    with store.write() as conn:
        row = conn.execute(
            sa.select(participants.c.id, participants.c.workshop_id, workshops.c.code)
            .join(workshops, workshops.c.id == participants.c.workshop_id)
            .where(participants.c.token == str(token or ""), ~participants.c.token.startswith(ERASED_TOKEN_PREFIX))
        ).first()
        if row is None:
            raise UnknownParticipantError()
        counts = {"texts": 0}
        for entry in PARTICIPANT_TEXTS:
            owner = entry.table.c[entry.owner]
            counts["texts"] += conn.execute(
                entry.table.update()
                .where(owner == row.id)
                .values(**{c: REMOVED for c in entry.text}, **{entry.owner: None})
            ).rowcount
        conn.execute(
            participants.update()
            .where(participants.c.id == row.id)
            .values(
                token=ERASED_TOKEN_PREFIX + secrets.token_urlsafe(24),
                comune=None,
                role=None,
                age_band=None,
            )
        )
        counts["ballots_kept"] = conn.execute(
            sa.select(sa.func.count()).select_from(ballots).where(ballots.c.participant_id == row.id)
        ).scalar_one()
        conn.execute(
            events.insert().values(
                workshop_id=row.workshop_id,
                kind="participant_erased",
                detail={"texts": counts["texts"]},
                created_at=_now(),
            )
        )
        _audit(conn, "participant_erased", via, code=row.code, **counts)
    return counts


def participant_data(store: Store, token: str) -> dict[str, Any]:
    """Everything stored about the participant with ``token``: workshop, profile,
    ballots, and each text they wrote. Raises UnknownParticipantError."""
    with store.read() as conn:
        row = conn.execute(
            sa.select(participants, workshops.c.code, workshops.c.title.label("workshop_title"))
            .join(workshops, workshops.c.id == participants.c.workshop_id)
            .where(participants.c.token == str(token or ""), ~participants.c.token.startswith(ERASED_TOKEN_PREFIX))
        ).first()
        if row is None:
            raise UnknownParticipantError()
        ballot_rows = conn.execute(
            sa.select(ballots.c.round_id, ballots.c.payload, ballots.c.version, ballots.c.cast_at)
            .where(ballots.c.participant_id == row.id)
            .order_by(ballots.c.round_id)
        ).all()
        texts: dict[str, list[dict]] = {}
        for entry in PARTICIPANT_TEXTS:
            found = conn.execute(
                sa.select(entry.table).where(entry.table.c[entry.owner] == row.id).order_by(entry.table.c.id)
            ).all()
            texts[entry.table.name] = [
                {
                    k: (v.isoformat() if isinstance(v, datetime) else v)
                    for k, v in r._mapping.items()
                    if k != entry.owner
                }
                for r in found
            ]
    return {
        "format": "cantiere-participant-export/1",
        "workshop": {"code": row.code, "title": row.workshop_title},
        "profile": {
            "comune": row.comune,
            "role": row.role,
            "age_band": row.age_band,
            "joined_at": row.created_at.isoformat() if row.created_at else None,
        },
        "ballots": [
            {
                "round_id": b.round_id,
                "payload": dict(b.payload),
                "version": b.version,
                "cast_at": b.cast_at.isoformat() if b.cast_at else None,
            }
            for b in ballot_rows
        ],
        **texts,
    }


def list_audit(store: Store) -> list[AuditEntry]:
    """The audit log, oldest first."""
    with store.read() as conn:
        rows = conn.execute(sa.select(audit_log).order_by(audit_log.c.id)).all()
    return [AuditEntry(r.id, r.kind, dict(r.detail or {}), r.via, r.created_at) for r in rows]


def table_counts(store: Store) -> dict[str, int]:
    """Rows in every table of the schema (for before/after comparisons)."""
    from cantiere.store.schema import metadata

    names = set(sa.inspect(store.engine).get_table_names())
    with store.read() as conn:
        return {
            t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for t in metadata.sorted_tables
            if t.name in names
        }
