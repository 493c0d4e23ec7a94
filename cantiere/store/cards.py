"""Store API for paper cards, card entries and helper PINs (issue 19): the only
code that knows the ``cards``, ``card_entries`` and ``helper_pins`` tables.

A card is a participant of a round's workshop with a printed one-time code.
Entering a card is **one write transaction**: the helper's PIN (still valid?),
the card (this workshop, this round?), the round (open?), the method's
validation, then either the card's ballot (a plain INSERT under the ballots'
unique (round, participant): a card is never counted twice, by the database)
and entry 1, or entry 2 (double entry: confirms or flags, never counted), and
the event with the helper and the time. Who may do this is decided in
``cantiere.cards``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from cantiere.store import Store
from cantiere.store.schema import ballots, card_entries, cards, events, helper_pins, participants, priorities, rounds
from cantiere.store.workshops import CodeTakenError, Round, _json_copy, _log, _round, now
from cantiere.workshop_errors import (
    CardOtherRoundError,
    CardOtherWorkshopError,
    NotFoundError,
    PinRevokedError,
    RoundNotOpenError,
    UnknownCardError,
)

CHANNELS = ("phone", "paper", "assisted")


@dataclass(frozen=True)
class Card:
    id: int
    workshop_id: int
    round_id: int
    participant_id: int
    code: str
    double_entry: bool
    created_at: datetime


@dataclass(frozen=True)
class CardEntry:
    id: int
    card_id: int
    code: str
    round_id: int
    entry_no: int
    helper: str
    channel: str
    payload: Mapping[str, Any]
    status: str  # counted | match | mismatch
    created_at: datetime


@dataclass(frozen=True)
class Entered:
    """What entering a card did: ``counted`` (its ballot is in), ``match`` /
    ``mismatch`` (a second entry, not counted) or ``duplicate`` (refused, only logged)."""

    status: str
    card: Card
    first_helper: str = ""
    first_at: datetime | None = None


@dataclass(frozen=True)
class HelperPin:
    id: int
    workshop_id: int
    label: str
    pin_hash: str
    salt: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None and _aware(self.expires_at) > now()


def _aware(value: datetime) -> datetime:
    """SQLite gives back naive datetimes: they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _card(row) -> Card:
    return Card(
        row.id, row.workshop_id, row.round_id, row.participant_id, row.code, bool(row.double_entry), row.created_at
    )


def _pin(row) -> HelperPin:
    return HelperPin(
        row.id, row.workshop_id, row.label, row.pin_hash, row.salt, row.created_at, row.expires_at, row.revoked_at
    )


# --- cards -----------------------------------------------------------------------------


def create_cards(
    store: Store, workshop_id: int, round_id: int, rows: Sequence[tuple[str, str]], *, double_entry: bool = False
) -> list[Card]:
    """``rows`` of (card code, participant token): one participant and one card
    each, all or nothing, logged as ``cards_created``. CodeTakenError when a code
    is already used (the caller draws new ones), NotFoundError for a round that is
    not of this workshop."""
    try:
        with store.write() as conn:
            found = conn.execute(sa.select(rounds.c.workshop_id).where(rounds.c.id == round_id)).scalar_one_or_none()
            if found != workshop_id:
                raise NotFoundError(what="thing.round", id=round_id)
            at = now()
            ids = []
            for code, token in rows:
                pid = conn.execute(
                    participants.insert()
                    .values(workshop_id=workshop_id, token=token, created_at=at)
                    .returning(participants.c.id)
                ).scalar_one()
                ids.append(
                    conn.execute(
                        cards.insert()
                        .values(
                            workshop_id=workshop_id,
                            round_id=round_id,
                            participant_id=pid,
                            code=code,
                            double_entry=double_entry,
                            created_at=at,
                        )
                        .returning(cards.c.id)
                    ).scalar_one()
                )
            _log(conn, workshop_id, "cards_created", round_id=round_id, n=len(ids), double_entry=double_entry)
    except IntegrityError:
        raise CodeTakenError("card") from None
    return [c for c in list_cards(store, workshop_id) if c.id in set(ids)]


def list_cards(store: Store, workshop_id: int, round_id: int | None = None) -> list[Card]:
    """The workshop's cards (of one round when given), in printing order."""
    query = sa.select(cards).where(cards.c.workshop_id == workshop_id)
    if round_id is not None:
        query = query.where(cards.c.round_id == round_id)
    with store.read() as conn:
        return [_card(r) for r in conn.execute(query.order_by(cards.c.id)).all()]


def card_by_code(store: Store, code: str) -> Card | None:
    with store.read() as conn:
        row = conn.execute(sa.select(cards).where(cards.c.code == code)).first()
    return _card(row) if row else None


def card_participants(store: Store, workshop_id: int) -> set[int]:
    """Participant ids of the workshop that are paper cards."""
    with store.read() as conn:
        return set(conn.execute(sa.select(cards.c.participant_id).where(cards.c.workshop_id == workshop_id)).scalars())


def list_entries(store: Store, workshop_id: int) -> list[CardEntry]:
    """Every entry of the workshop's cards, oldest first."""
    query = (
        sa.select(card_entries, cards.c.code, cards.c.round_id)
        .join(cards, cards.c.id == card_entries.c.card_id)
        .where(cards.c.workshop_id == workshop_id)
        .order_by(card_entries.c.id)
    )
    with store.read() as conn:
        rows = conn.execute(query).all()
    return [
        CardEntry(
            r.id,
            r.card_id,
            r.code,
            r.round_id,
            r.entry_no,
            r.helper,
            r.channel,
            dict(r.payload),
            r.status,
            r.created_at,
        )
        for r in rows
    ]


_ROUND_FOR_ENTRY = sa.select(rounds).where(rounds.c.id == sa.bindparam("round_id")).with_for_update(read=True)
_ITEMS_FOR_ENTRY = (
    sa.select(priorities.c.id, priorities.c.title, priorities.c.cost)
    .where(priorities.c.workshop_id == sa.bindparam("workshop_id"))
    .order_by(priorities.c.position, priorities.c.id)
)


def _check_pin(conn: Connection, pin_id: int, workshop_id: int) -> None:
    row = conn.execute(sa.select(helper_pins).where(helper_pins.c.id == pin_id)).first()
    if row is None or row.workshop_id != workshop_id or not _pin(row).active:
        raise PinRevokedError()


def enter_card(
    store: Store,
    *,
    code: str,
    workshop_id: int,
    round_id: int,
    helper: str,
    channel: str,
    validate: Callable[[Round, list[tuple[int, str, float | None]]], Mapping[str, Any]],
    pin_id: int | None = None,
) -> Entered:
    """Enter card ``code`` for ``round_id`` of ``workshop_id`` in one
    transaction (see the module docstring). The first entry stores the card's
    ballot with ``channel`` (paper or assisted) and counts; a second one is
    stored, not counted, as ``match`` or ``mismatch`` when the card asks for
    double entry by another helper, or when its votes differ (flagged); an
    identical repeat, or a third entry, is refused: only the event
    ``card_duplicate`` is written. Raises PinRevokedError (``pin_id`` no longer
    valid), UnknownCardError, CardOtherWorkshopError, CardOtherRoundError,
    RoundNotOpenError, and whatever ``validate`` raises: nothing is saved."""
    with store.write() as conn:
        if pin_id is not None:
            _check_pin(conn, pin_id, workshop_id)
        row = conn.execute(sa.select(cards).where(cards.c.code == code)).first()
        if row is None:
            raise UnknownCardError(code=code)
        card = _card(row)
        if card.workshop_id != workshop_id:
            raise CardOtherWorkshopError(code=code)
        if card.round_id != round_id:
            position = conn.execute(sa.select(rounds.c.position).where(rounds.c.id == card.round_id)).scalar_one()
            raise CardOtherRoundError(code=code, position=position)
        rnd = conn.execute(_ROUND_FOR_ENTRY, {"round_id": round_id}).first()
        if rnd is None:
            raise NotFoundError(what="thing.round", id=round_id)
        if rnd.status != "open":
            raise RoundNotOpenError()
        items = conn.execute(_ITEMS_FOR_ENTRY, {"workshop_id": workshop_id}).all()
        payload = _json_copy(dict(validate(_round(rnd), [tuple(i) for i in items])))
        earlier = conn.execute(
            sa.select(card_entries).where(card_entries.c.card_id == card.id).order_by(card_entries.c.entry_no)
        ).all()
        at = now()
        detail = {"round_id": round_id, "card": code, "helper": helper, "channel": channel}
        if not earlier:
            ballot_id = conn.execute(
                ballots.insert()
                .values(
                    round_id=round_id,
                    participant_id=card.participant_id,
                    payload=payload,
                    version=1,
                    cast_at=at,
                    channel=channel,
                )
                .returning(ballots.c.id)
            ).scalar_one()
            _insert_entry(conn, card.id, 1, helper, channel, payload, "counted", at)
            # the payload goes in the log, as for a phone's ballot: tallies can be recomputed from the log
            _log(conn, workshop_id, "card_entered", ballot_id=ballot_id, entry_no=1, payload=payload, **detail)
            return Entered("counted", card)
        first = earlier[0]
        same = dict(first.payload) == payload
        second_allowed = len(earlier) == 1 and (not same or (card.double_entry and first.helper != helper))
        if not second_allowed:
            _log(conn, workshop_id, "card_duplicate", same=same, first_helper=first.helper, **detail)
            return Entered("duplicate", card, first.helper, first.created_at)
        status = "match" if same else "mismatch"
        _insert_entry(conn, card.id, 2, helper, channel, payload, status, at)
        _log(conn, workshop_id, f"card_{status}", entry_no=2, payload=payload, first_helper=first.helper, **detail)
        return Entered(status, card, first.helper, first.created_at)


def _insert_entry(conn: Connection, card_id: int, entry_no: int, helper, channel, payload, status, at) -> None:
    conn.execute(
        card_entries.insert().values(
            card_id=card_id,
            entry_no=entry_no,
            helper=helper,
            channel=channel,
            payload=payload,
            status=status,
            created_at=at,
        )
    )


# --- helper PINs ------------------------------------------------------------------------


def add_helper_pin(
    store: Store, workshop_id: int, *, label: str, pin_hash: str, salt: str, expires_at: datetime
) -> HelperPin:
    """A new helper PIN (already hashed), logged as ``helper_pin_created`` (label only)."""
    with store.write() as conn:
        pin_id = conn.execute(
            helper_pins.insert()
            .values(
                workshop_id=workshop_id,
                label=label,
                pin_hash=pin_hash,
                salt=salt,
                created_at=now(),
                expires_at=expires_at,
            )
            .returning(helper_pins.c.id)
        ).scalar_one()
        _log(conn, workshop_id, "helper_pin_created", pin_id=pin_id, label=label)
    return get_helper_pin(store, pin_id)


def get_helper_pin(store: Store, pin_id: int) -> HelperPin:
    """NotFoundError if there is none."""
    with store.read() as conn:
        row = conn.execute(sa.select(helper_pins).where(helper_pins.c.id == pin_id)).first()
    if row is None:
        raise NotFoundError(what="thing.helper_pin", id=pin_id)
    return _pin(row)


def list_helper_pins(store: Store, workshop_id: int) -> list[HelperPin]:
    with store.read() as conn:
        rows = conn.execute(
            sa.select(helper_pins).where(helper_pins.c.workshop_id == workshop_id).order_by(helper_pins.c.id)
        ).all()
    return [_pin(r) for r in rows]


def revoke_helper_pin(store: Store, pin_id: int) -> HelperPin:
    """Revoke a PIN now (logged); a revoked PIN stays revoked. NotFoundError if there is none."""
    with store.write() as conn:
        row = conn.execute(sa.select(helper_pins).where(helper_pins.c.id == pin_id)).first()
        if row is None:
            raise NotFoundError(what="thing.helper_pin", id=pin_id)
        if row.revoked_at is None:
            conn.execute(helper_pins.update().where(helper_pins.c.id == pin_id).values(revoked_at=now()))
            _log(conn, row.workshop_id, "helper_pin_revoked", pin_id=pin_id, label=row.label)
    return get_helper_pin(store, pin_id)


def channel_counts(store: Store, round_id: int) -> dict[str, int]:
    """Ballots of the round per channel (every channel present, 0 when none)."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(ballots.c.channel, sa.func.count())
            .where(ballots.c.round_id == round_id)
            .group_by(ballots.c.channel)
        ).all()
    found = dict(rows)
    return {c: int(found.get(c, 0)) for c in CHANNELS}


def failed_logins(store: Store, workshop_id: int, since: datetime) -> int:
    """Wrong helper PINs typed for the workshop since ``since`` (from the event log,
    shared by every process)."""
    with store.read() as conn:
        times = conn.execute(
            sa.select(events.c.created_at).where(
                events.c.workshop_id == workshop_id, events.c.kind == "helper_pin_failed", events.c.created_at > since
            )
        ).scalars()
        return sum(1 for moment in times if _aware(moment) > since)


def log_failed_login(store: Store, workshop_id: int) -> None:
    """Record a wrong helper PIN (never what was typed)."""
    with store.write() as conn:
        _log(conn, workshop_id, "helper_pin_failed")
