"""Store API for workshops: the only code that knows the workshop tables.

Every function takes a ``Store`` and returns plain frozen dataclasses. Writes
run in ``store.write()`` (serialised, ``BEGIN IMMEDIATE`` on SQLite) and append
to the event log in the same transaction, so the log and the data never
disagree. Rules about *who* may do what live in ``cantiere.workshop``; the
rules that must hold under concurrency (one ballot per participant per round,
no ballot on a round that is not open) are enforced here, in SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from cantiere.store import Store
from cantiere.store.schema import (
    ballots,
    comments,
    events,
    participants,
    priorities,
    round_data_versions,
    rounds,
    workshops,
)
from cantiere.workshop_errors import NotFoundError, PhaseChangedError, RoundNotOpenError, WorkshopFullError


class CodeTakenError(Exception):
    """A join code is already used (the caller draws another one)."""


@dataclass(frozen=True)
class Workshop:
    id: int
    code: str
    title: str
    description: str
    phase: str
    is_demo: bool
    created_at: datetime
    room_version: int = 0  # +1 at every phase or round change (what phones follow)


@dataclass(frozen=True)
class Round:
    id: int
    workshop_id: int
    method: str
    params: Mapping[str, Any]
    status: str  # draft | open | closed
    position: int


@dataclass(frozen=True)
class Priority:
    id: int
    workshop_id: int
    title: str
    description: str
    target_group: str
    comuni: tuple[str, ...]
    cost: float | None
    attrs: Mapping[str, Any]
    position: int


@dataclass(frozen=True)
class Participant:
    id: int
    workshop_id: int
    token: str
    comune: str | None
    role: str | None
    age_band: str | None
    profile_answered: bool = False


@dataclass(frozen=True)
class Ballot:
    id: int
    round_id: int
    participant_id: int
    payload: Mapping[str, Any]
    version: int
    cast_at: datetime
    channel: str = "phone"  # phone | paper | assisted (issue 19)


@dataclass(frozen=True)
class Comment:
    id: int
    priority_id: int
    priority_title: str
    participant_id: int | None
    text: str
    hidden: bool
    created_at: datetime


@dataclass(frozen=True)
class Event:
    id: int
    workshop_id: int
    kind: str
    detail: Mapping[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None


def now() -> datetime:
    return datetime.now(UTC)


_INSERT_EVENT = events.insert()


def _log(conn: Connection, workshop_id: int, kind: str, **detail) -> None:
    conn.execute(_INSERT_EVENT, {"workshop_id": workshop_id, "kind": kind, "detail": detail, "created_at": now()})


def _workshop(row) -> Workshop:
    return Workshop(
        row.id, row.code, row.title, row.description, row.phase, bool(row.is_demo), row.created_at, row.room_version
    )


def _round(row) -> Round:
    return Round(row.id, row.workshop_id, row.method, dict(row.params or {}), row.status, row.position)


def _priority(row) -> Priority:
    return Priority(
        row.id,
        row.workshop_id,
        row.title,
        row.description,
        row.target_group,
        tuple(row.comuni or ()),
        row.cost,
        dict(row.attrs or {}),
        row.position,
    )


def _participant(row) -> Participant:
    return Participant(
        row.id, row.workshop_id, row.token, row.comune, row.role, row.age_band, row.profile_answered_at is not None
    )


def _ballot(row) -> Ballot:
    return Ballot(row.id, row.round_id, row.participant_id, dict(row.payload), row.version, row.cast_at, row.channel)


# --- workshops ---------------------------------------------------------------


def create_workshop(
    store: Store,
    *,
    code: str,
    title: str,
    description: str = "",
    phase: str = "bozza",
    is_demo: bool = False,
    priority_rows: Sequence[Mapping[str, Any]] = (),
    round_rows: Sequence[Mapping[str, Any]] = (),
) -> Workshop:
    """Create a workshop with its priorities and rounds in one transaction
    (all or nothing). Raises CodeTakenError when ``code`` is already used."""
    try:
        with store.write() as conn:
            workshop_id = conn.execute(
                workshops.insert()
                .values(code=code, title=title, description=description, phase=phase, is_demo=is_demo, created_at=now())
                .returning(workshops.c.id)
            ).scalar_one()
            _log(conn, workshop_id, "workshop_created", code=code, title=title, is_demo=is_demo)
            _insert_priorities(conn, workshop_id, priority_rows)
            for row in round_rows:
                _insert_round(conn, workshop_id, row["method"], row["params"], row.get("status", "draft"))
    except IntegrityError as exc:
        if "code" in str(exc.orig).lower():
            raise CodeTakenError(code) from None
        raise
    return get_workshop(store, workshop_id)


def get_workshop(store: Store, workshop_id: int) -> Workshop:
    """The workshop with this id; NotFoundError if there is none."""
    with store.read() as conn:
        row = conn.execute(sa.select(workshops).where(workshops.c.id == workshop_id)).first()
    if row is None:
        raise NotFoundError(what="thing.workshop", id=workshop_id)
    return _workshop(row)


# The reads of every run of a phone's page (the workshop by its code, the
# participant by token, the rounds): built once, executed with parameters, like
# the vote's statements (docs/sviluppo.md §7; issue 16: a join is three page runs).
_WORKSHOP_BY_CODE = sa.select(workshops).where(workshops.c.code == sa.bindparam("code"))
_PARTICIPANT_BY_TOKEN = sa.select(participants).where(participants.c.token == sa.bindparam("token"))
_ROUNDS_OF = sa.select(rounds).where(rounds.c.workshop_id == sa.bindparam("workshop_id")).order_by(rounds.c.position)
_BALLOT_OF = sa.select(ballots).where(
    ballots.c.round_id == sa.bindparam("round_id"), ballots.c.participant_id == sa.bindparam("participant_id")
)


def workshop_by_code(store: Store, code: str) -> Workshop | None:
    """The workshop with this join code, or None."""
    with store.read() as conn:
        row = conn.execute(_WORKSHOP_BY_CODE, {"code": code}).first()
    return _workshop(row) if row else None


def list_workshops(store: Store) -> list[Workshop]:
    """Every workshop, newest first."""
    with store.read() as conn:
        rows = conn.execute(sa.select(workshops).order_by(workshops.c.id.desc())).all()
    return [_workshop(r) for r in rows]


def count_workshops(store: Store) -> int:
    with store.read() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(workshops)).scalar_one()


def update_workshop(store: Store, workshop_id: int, *, title: str, description: str) -> Workshop:
    """Change title and description. NotFoundError if the workshop does not exist."""
    with store.write() as conn:
        done = conn.execute(
            workshops.update().where(workshops.c.id == workshop_id).values(title=title, description=description)
        ).rowcount
        if not done:
            raise NotFoundError(what="thing.workshop", id=workshop_id)
        _log(conn, workshop_id, "workshop_edited", title=title)
    return get_workshop(store, workshop_id)


_BUMP = {"room_version": workshops.c.room_version + 1}


def _bump(conn: Connection, workshop_id: int) -> None:
    """The room changed (phase or round): phones watching its version rerun."""
    conn.execute(workshops.update().where(workshops.c.id == workshop_id).values(**_BUMP))


def set_phase(
    store: Store, workshop_id: int, phase: str, *, close_rounds: bool = False, expected: str | None = None
) -> Workshop:
    """Move the workshop to ``phase`` (logged). With ``close_rounds`` every open
    round is closed in the same transaction.

    With ``expected`` the move is a compare-and-set: it happens only if the
    phase is still ``expected`` when the row is updated, else PhaseChangedError
    (a double click, or two facilitators at once, move the phase once)."""
    with store.write() as conn:
        old = conn.execute(sa.select(workshops.c.phase).where(workshops.c.id == workshop_id)).scalar_one_or_none()
        if old is None:
            raise NotFoundError(what="thing.workshop", id=workshop_id)
        update = workshops.update().where(workshops.c.id == workshop_id)
        if expected is not None:
            update = update.where(workshops.c.phase == expected)
        if not conn.execute(update.values(phase=phase, **_BUMP)).rowcount:
            # read again: on PostgreSQL a concurrent move committed after our first read
            now_phase = conn.execute(sa.select(workshops.c.phase).where(workshops.c.id == workshop_id)).scalar_one()
            raise PhaseChangedError(now_phase)
        if close_rounds:
            open_ids = (
                conn.execute(
                    sa.select(rounds.c.id).where(rounds.c.workshop_id == workshop_id, rounds.c.status == "open")
                )
                .scalars()
                .all()
            )
            for round_id in open_ids:
                conn.execute(rounds.update().where(rounds.c.id == round_id).values(status="closed"))
                _log(conn, workshop_id, "round_closed", round_id=round_id)
        _log(conn, workshop_id, "phase_changed", old=old, new=phase)
    return get_workshop(store, workshop_id)


# --- priorities --------------------------------------------------------------


def _insert_priorities(conn: Connection, workshop_id: int, rows: Iterable[Mapping[str, Any]]) -> list[int]:
    start = conn.execute(
        sa.select(sa.func.coalesce(sa.func.max(priorities.c.position), 0)).where(
            priorities.c.workshop_id == workshop_id
        )
    ).scalar_one()
    ids = []
    for offset, row in enumerate(rows, start=1):
        ids.append(
            conn.execute(
                priorities.insert()
                .values(
                    workshop_id=workshop_id,
                    title=row["title"],
                    description=row.get("description", ""),
                    target_group=row.get("target_group", ""),
                    comuni=list(row.get("comuni", ())),
                    cost=row.get("cost"),
                    attrs=dict(row.get("attrs", {})),
                    position=start + offset,
                    created_at=now(),
                )
                .returning(priorities.c.id)
            ).scalar_one()
        )
    if ids:
        _log(conn, workshop_id, "priorities_added", ids=ids)
    return ids


def add_priorities(store: Store, workshop_id: int, rows: Sequence[Mapping[str, Any]]) -> list[Priority]:
    """Append priorities (already validated) to a workshop, all or nothing."""
    with store.write() as conn:
        if conn.execute(sa.select(workshops.c.id).where(workshops.c.id == workshop_id)).first() is None:
            raise NotFoundError(what="thing.workshop", id=workshop_id)
        ids = set(_insert_priorities(conn, workshop_id, rows))
    return [p for p in list_priorities(store, workshop_id) if p.id in ids]


def list_priorities(store: Store, workshop_id: int) -> list[Priority]:
    """The workshop's priorities in their order."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(priorities)
            .where(priorities.c.workshop_id == workshop_id)
            .order_by(priorities.c.position, priorities.c.id)
        ).all()
    return [_priority(r) for r in rows]


def set_priority_costs(store: Store, workshop_id: int, costs: Mapping[int, float | None]) -> list[Priority]:
    """Set the cost of priorities of one workshop (budget rounds), all or nothing.
    NotFoundError if an id is not a priority of this workshop."""
    with store.write() as conn:
        known = set(conn.execute(sa.select(priorities.c.id).where(priorities.c.workshop_id == workshop_id)).scalars())
        for priority_id, cost in costs.items():
            if priority_id not in known:
                raise NotFoundError(what="thing.priority", id=priority_id)
            conn.execute(priorities.update().where(priorities.c.id == priority_id).values(cost=cost))
        if costs:
            _log(conn, workshop_id, "priority_costs_set", ids=sorted(costs))
    return list_priorities(store, workshop_id)


def delete_priority(store: Store, priority_id: int) -> None:
    """Remove a priority (and its comments). NotFoundError if it does not exist."""
    with store.write() as conn:
        workshop_id = conn.execute(
            sa.select(priorities.c.workshop_id).where(priorities.c.id == priority_id)
        ).scalar_one_or_none()
        if workshop_id is None:
            raise NotFoundError(what="thing.priority", id=priority_id)
        conn.execute(comments.delete().where(comments.c.priority_id == priority_id))
        conn.execute(priorities.delete().where(priorities.c.id == priority_id))
        _log(conn, workshop_id, "priority_deleted", priority_id=priority_id)


# --- rounds ------------------------------------------------------------------


def _insert_round(conn: Connection, workshop_id: int, method: str, params: Mapping, status: str = "draft") -> int:
    position = (
        conn.execute(
            sa.select(sa.func.coalesce(sa.func.max(rounds.c.position), 0)).where(rounds.c.workshop_id == workshop_id)
        ).scalar_one()
        + 1
    )
    round_id = conn.execute(
        rounds.insert()
        .values(
            workshop_id=workshop_id,
            method=method,
            params=dict(params),
            status=status,
            position=position,
            created_at=now(),
        )
        .returning(rounds.c.id)
    ).scalar_one()
    _log(conn, workshop_id, "round_created", round_id=round_id, method=method, params=dict(params))
    return round_id


def add_round(store: Store, workshop_id: int, method: str, params: Mapping) -> Round:
    """A new draft round (parameters already checked by the voting method)."""
    with store.write() as conn:
        round_id = _insert_round(conn, workshop_id, method, params)
    return get_round(store, round_id)


def get_round(store: Store, round_id: int) -> Round:
    """The round with this id; NotFoundError if there is none."""
    with store.read() as conn:
        row = conn.execute(sa.select(rounds).where(rounds.c.id == round_id)).first()
    if row is None:
        raise NotFoundError(what="thing.round", id=round_id)
    return _round(row)


def list_rounds(store: Store, workshop_id: int) -> list[Round]:
    with store.read() as conn:
        rows = conn.execute(_ROUNDS_OF, {"workshop_id": workshop_id}).all()
    return [_round(r) for r in rows]


def set_round_status(
    store: Store,
    round_id: int,
    status: str,
    *,
    close_others: bool = False,
    refuse_if_open: Exception | None = None,
    data_versions: Mapping | None = None,
    phase: str | None = None,
) -> Round:
    """Set a round's status (logged as round_opened / round_closed). With
    ``close_others`` any other open round of the workshop closes first, so at most
    one round is open at a time; with ``refuse_if_open`` too, that exception is
    raised instead when another round is open (checked in the same transaction:
    a double click on "Apri la votazione" opens one round). ``data_versions``
    (``evidence.versions``: ISTAT year, imported files and their hashes) is
    recorded with an opening, in the same transaction. With ``phase`` the
    workshop moves to it in the same transaction too (logged as by
    ``set_phase``): phones never see the vote phase without its open round."""
    with store.write() as conn:
        row = conn.execute(sa.select(rounds).where(rounds.c.id == round_id)).first()
        if row is None:
            raise NotFoundError(what="thing.round", id=round_id)
        if phase is not None:
            old = conn.execute(sa.select(workshops.c.phase).where(workshops.c.id == row.workshop_id)).scalar_one()
            if old != phase:
                conn.execute(workshops.update().where(workshops.c.id == row.workshop_id).values(phase=phase))
                _log(conn, row.workshop_id, "phase_changed", old=old, new=phase)
                _bump(conn, row.workshop_id)
        others = []
        if close_others:
            if (
                refuse_if_open is not None
                and conn.execute(
                    sa.select(rounds.c.id).where(
                        rounds.c.workshop_id == row.workshop_id, rounds.c.status == "open", rounds.c.id != round_id
                    )
                ).first()
            ):
                raise refuse_if_open
            others = (
                conn.execute(
                    sa.select(rounds.c.id).where(
                        rounds.c.workshop_id == row.workshop_id, rounds.c.status == "open", rounds.c.id != round_id
                    )
                )
                .scalars()
                .all()
            )
            for other in others:
                conn.execute(rounds.update().where(rounds.c.id == other).values(status="closed"))
                _log(conn, row.workshop_id, "round_closed", round_id=other)
        # a round already in this status (a double click) changes nothing and logs nothing
        changed = conn.execute(
            rounds.update().where(rounds.c.id == round_id, rounds.c.status != status).values(status=status)
        ).rowcount
        if (changed or others) and not (phase is not None and old != phase):  # one move: one version
            _bump(conn, row.workshop_id)
        if changed:
            kind = {"open": "round_opened", "closed": "round_closed"}.get(status, "round_status")
            _log(conn, row.workshop_id, kind, round_id=round_id)
        if changed and status == "open" and data_versions is not None:  # issue 18: what data the round showed
            conn.execute(
                round_data_versions.insert().values(
                    round_id=round_id,
                    recorded_at=now(),
                    istat_year=int(data_versions["istat_year"]),
                    datasets=list(data_versions.get("datasets") or []),
                )
            )
    return get_round(store, round_id)


# --- participants ------------------------------------------------------------


_ADD_PARTICIPANT = participants.insert().returning(*participants.c)


def add_participant(store: Store, workshop_id: int, token: str, **profile) -> Participant:
    """A new participant (token drawn by the caller; names and IPs are never stored),
    as stored (one statement: a room joining at once makes one write each)."""
    values = {"workshop_id": workshop_id, "token": token, "created_at": now(), **_profile(profile)}
    with store.write() as conn:
        row = conn.execute(_ADD_PARTICIPANT, values).one()
        _log(conn, workshop_id, "participant_joined", participant_id=row.id)
    return _participant(row)


def _profile(profile: Mapping[str, Any]) -> dict:
    return {k: (profile.get(k) or None) for k in ("comune", "role", "age_band")}


def update_profile(store: Store, participant_id: int, **profile) -> None:
    """Set the optional profile (comune, role, age band; all None = skipped) and
    mark it answered."""
    with store.write() as conn:
        conn.execute(
            participants.update()
            .where(participants.c.id == participant_id)
            .values(**_profile(profile), profile_answered_at=now())
        )


def participant_by_token(store: Store, token: str) -> Participant | None:
    with store.read() as conn:
        row = conn.execute(_PARTICIPANT_BY_TOKEN, {"token": token}).first()
    return _participant(row) if row else None


def list_participants(store: Store, workshop_id: int) -> list[Participant]:
    with store.read() as conn:
        rows = conn.execute(
            sa.select(participants).where(participants.c.workshop_id == workshop_id).order_by(participants.c.id)
        ).all()
    return [_participant(r) for r in rows]


def count_participants(store: Store, workshop_id: int) -> int:
    with store.read() as conn:
        return conn.execute(
            sa.select(sa.func.count()).select_from(participants).where(participants.c.workshop_id == workshop_id)
        ).scalar_one()


# --- ballots -----------------------------------------------------------------


# The vote transaction's statements, built once: a statement object carries its
# compiled form's cache key, so a vote does not rebuild and re-key the SQL
# (cast_ballot 1.6 → 0.5 ms of CPU on SQLite). Values go as parameters.
_ROUND_FOR_VOTE = sa.select(rounds).where(rounds.c.id == sa.bindparam("round_id")).with_for_update(read=True)
_ITEMS_FOR_VOTE = (
    sa.select(priorities.c.id, priorities.c.title, priorities.c.cost)
    .where(priorities.c.workshop_id == sa.bindparam("workshop_id"))
    .order_by(priorities.c.position, priorities.c.id)
)


def _upsert_ballot_stmt(dialect):
    stmt = dialect.insert(ballots)
    return stmt.on_conflict_do_update(
        index_elements=[ballots.c.round_id, ballots.c.participant_id],
        set_={"payload": stmt.excluded.payload, "cast_at": stmt.excluded.cast_at, "version": ballots.c.version + 1},
    ).returning(ballots.c.id, ballots.c.version, ballots.c.cast_at)


_UPSERT_BALLOT = {"postgresql": _upsert_ballot_stmt(postgresql), "sqlite": _upsert_ballot_stmt(sqlite)}


def upsert_ballot(
    store: Store,
    round_id: int,
    participant_id: int,
    payload: Mapping[str, Any],
    *,
    validate: Callable[[Round, list[tuple[int, str, float | None]]], Mapping[str, Any]] | None = None,
) -> tuple[Ballot, bool]:
    """Store the participant's ballot for the round, replacing any earlier one.

    One SQL statement (``INSERT … ON CONFLICT (round_id, participant_id) DO
    UPDATE``) so two submits racing each other leave exactly one row. The round
    must be open, checked in the same transaction (row locked against a
    concurrent close on PostgreSQL). Returns the ballot and whether it replaced
    an earlier one. Raises RoundNotOpenError, NotFoundError.

    ``validate(round, items)``, when given, runs inside the same transaction with
    the round and the workshop's priorities as ``(id, title, cost)`` in their
    order, and returns the payload to store (or raises): a vote is one
    transaction (round, priorities, upsert, event), no read before or after it.
    """
    with store.write() as conn:
        row = conn.execute(_ROUND_FOR_VOTE, {"round_id": round_id}).first()
        if row is None:
            raise NotFoundError(what="thing.round", id=round_id)
        if row.status != "open":
            raise RoundNotOpenError()
        if validate is not None:
            items = conn.execute(_ITEMS_FOR_VOTE, {"workshop_id": row.workshop_id}).all()
            payload = validate(_round(row), [tuple(i) for i in items])
        payload = dict(payload)
        values = {
            "round_id": round_id,
            "participant_id": participant_id,
            "payload": payload,
            "version": 1,
            "cast_at": now(),
        }
        ballot_id, version, cast_at = conn.execute(_UPSERT_BALLOT[conn.dialect.name], values).one()
        replaced = version > 1
        # the payload goes in the log too: tallies can be recomputed from the log alone
        _log(
            conn,
            row.workshop_id,
            "ballot_replaced" if replaced else "ballot_cast",
            round_id=round_id,
            ballot_id=ballot_id,
            payload=payload,
        )
    # no re-read: the stored payload is this one through JSON (string keys, lists)
    return Ballot(ballot_id, round_id, participant_id, _json_copy(payload), version, cast_at), replaced


def _json_copy(value: Any) -> Any:
    """What a JSON column gives back for ``value`` (dict keys become strings)."""
    if isinstance(value, Mapping):
        return {str(k): _json_copy(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_copy(v) for v in value]
    return value


def get_ballot(store: Store, round_id: int, participant_id: int) -> Ballot | None:
    with store.read() as conn:
        row = conn.execute(_BALLOT_OF, {"round_id": round_id, "participant_id": participant_id}).first()
    return _ballot(row) if row else None


def list_ballots(store: Store, round_id: int) -> list[Ballot]:
    with store.read() as conn:
        rows = conn.execute(sa.select(ballots).where(ballots.c.round_id == round_id).order_by(ballots.c.id)).all()
    return [_ballot(r) for r in rows]


def count_ballots(store: Store, round_id: int) -> int:
    with store.read() as conn:
        return conn.execute(
            sa.select(sa.func.count()).select_from(ballots).where(ballots.c.round_id == round_id)
        ).scalar_one()


# --- comments ----------------------------------------------------------------


def add_comment(
    store: Store, priority_id: int, participant_id: int | None, text: str, max_per_workshop: int | None = None
) -> Comment:
    """A new visible comment on a priority (text already validated). NotFoundError;
    WorkshopFullError when the workshop already has ``max_per_workshop`` comments."""
    with store.write() as conn:
        workshop_id = conn.execute(
            sa.select(priorities.c.workshop_id).where(priorities.c.id == priority_id)
        ).scalar_one_or_none()
        if workshop_id is None:
            raise NotFoundError(what="thing.priority", id=priority_id)
        if max_per_workshop is not None:
            count = conn.execute(
                sa.select(sa.func.count())
                .select_from(comments.join(priorities, priorities.c.id == comments.c.priority_id))
                .where(priorities.c.workshop_id == workshop_id)
            ).scalar_one()
            if count >= max_per_workshop:
                raise WorkshopFullError(what="limits.what.comment", count=count, limit=max_per_workshop)
        comment_id = conn.execute(
            comments.insert()
            .values(priority_id=priority_id, participant_id=participant_id, text=text, hidden=False, created_at=now())
            .returning(comments.c.id)
        ).scalar_one()
        _log(conn, workshop_id, "comment_added", comment_id=comment_id, priority_id=priority_id)
    return get_comment(store, comment_id)


def _comments_query():
    return sa.select(comments, priorities.c.title.label("priority_title"), priorities.c.workshop_id).join(
        priorities, priorities.c.id == comments.c.priority_id
    )


def _comment(row) -> Comment:
    return Comment(
        row.id, row.priority_id, row.priority_title, row.participant_id, row.text, bool(row.hidden), row.created_at
    )


def get_comment(store: Store, comment_id: int) -> Comment:
    with store.read() as conn:
        row = conn.execute(_comments_query().where(comments.c.id == comment_id)).first()
    if row is None:
        raise NotFoundError(what="thing.comment", id=comment_id)
    return _comment(row)


def list_comments(
    store: Store, workshop_id: int, *, include_hidden: bool = False, limit: int | None = None
) -> list[Comment]:
    """Comments of a workshop, newest first; hidden ones only when asked."""
    query = _comments_query().where(priorities.c.workshop_id == workshop_id)
    if not include_hidden:
        query = query.where(comments.c.hidden == sa.false())
    query = query.order_by(comments.c.id.desc())
    if limit:
        query = query.limit(limit)
    with store.read() as conn:
        rows = conn.execute(query).all()
    return [_comment(r) for r in rows]


def set_comment_hidden(store: Store, comment_id: int, hidden: bool) -> Comment:
    """Hide or restore a comment (logged as comment_hidden / comment_restored)."""
    with store.write() as conn:
        row = conn.execute(_comments_query().where(comments.c.id == comment_id)).first()
        if row is None:
            raise NotFoundError(what="thing.comment", id=comment_id)
        conn.execute(comments.update().where(comments.c.id == comment_id).values(hidden=hidden))
        _log(conn, row.workshop_id, "comment_hidden" if hidden else "comment_restored", comment_id=comment_id)
    return get_comment(store, comment_id)


# --- events ------------------------------------------------------------------


def list_events(store: Store, workshop_id: int) -> list[Event]:
    """The workshop's event log, oldest first."""
    with store.read() as conn:
        rows = conn.execute(sa.select(events).where(events.c.workshop_id == workshop_id).order_by(events.c.id)).all()
    return [Event(r.id, r.workshop_id, r.kind, dict(r.detail or {}), r.created_at) for r in rows]


# --- evidence beside priorities and the data each round showed (issue 18) -------------


@dataclass(frozen=True)
class RoundData:
    """The data versions a round showed when it opened (one per opening)."""

    round_id: int
    recorded_at: datetime
    istat_year: int
    datasets: tuple[Mapping[str, Any], ...]


def get_priority(store: Store, priority_id: int) -> Priority:
    """The priority with this id; NotFoundError if there is none."""
    with store.read() as conn:
        row = conn.execute(sa.select(priorities).where(priorities.c.id == priority_id)).first()
    if row is None:
        raise NotFoundError(what="thing.priority", id=priority_id)
    return _priority(row)


def set_priority_details(
    store: Store, priority_id: int, *, comuni: Sequence[str], target_group: str, attrs: Mapping[str, Any]
) -> Priority:
    """Set a priority's comuni and target group and merge ``attrs`` into its
    attributes (e.g. ``{"evidence": [...]}``), logged. NotFoundError if there is none."""
    with store.write() as conn:
        row = conn.execute(sa.select(priorities).where(priorities.c.id == priority_id)).first()
        if row is None:
            raise NotFoundError(what="thing.priority", id=priority_id)
        merged = {**dict(row.attrs or {}), **dict(attrs)}
        conn.execute(
            priorities.update()
            .where(priorities.c.id == priority_id)
            .values(comuni=list(comuni), target_group=target_group, attrs=merged)
        )
        _log(conn, row.workshop_id, "priority_details_set", priority_id=priority_id, keys=sorted(attrs))
        updated = conn.execute(sa.select(priorities).where(priorities.c.id == priority_id)).first()
    return _priority(updated)


def list_round_data(store: Store, workshop_id: int) -> list[RoundData]:
    """Every recorded opening of the workshop's rounds, oldest first."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(round_data_versions)
            .join(rounds, rounds.c.id == round_data_versions.c.round_id)
            .where(rounds.c.workshop_id == workshop_id)
            .order_by(round_data_versions.c.id)
        ).all()
    return [RoundData(r.round_id, r.recorded_at, r.istat_year, tuple(dict(d) for d in r.datasets or ())) for r in rows]


# --- the room version (issue 13) ---------------------------------------------


_ROOM_VERSIONS = sa.select(workshops.c.code, workshops.c.room_version).where(
    workshops.c.code.in_(sa.bindparam("codes", expanding=True))
)


def room_versions(store: Store, codes: Iterable[str]) -> dict[str, int]:
    """``{code: room_version}`` of the workshops with these codes, in one query
    (codes with no workshop are absent)."""
    codes = sorted(set(codes))
    if not codes:
        return {}
    with store.read() as conn:
        return {code: version for code, version in conn.execute(_ROOM_VERSIONS, {"codes": codes})}
