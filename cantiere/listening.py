"""Listening (the "ascolto" phase): proposals of needs, "anch'io" supports,
pins on the map, and their moderation. Pure logic over
``cantiere.store.listening``; no Streamlit.

Participants act through their ``Participant`` (token); moderation, merging,
promotion and exact positions need a facilitator ``Actor`` (checked here, not
only by hiding buttons). Public views — the projector, the Atlante and
Servizi layers, the public export — get positions snapped to the ~200 m grid
of ``pins.coarsen`` and never see hidden items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from cantiere import pins, territory
from cantiere import workshop as w
from cantiere.errors import UnknownNameError
from cantiere.pins import PinError
from cantiere.store import Store
from cantiere.store import listening as db
from cantiere.store import workshops as wdb
from cantiere.store.listening import Pin, Proposal
from cantiere.store.workshops import Participant, Priority
from cantiere.workshop_errors import NotFoundError, PhaseError, WorkshopFullError

LISTENING_PHASES = ("ascolto",)
TARGET_GROUP_MAX = 200
MAX_PROPOSALS = 1_000  # visible proposals per workshop (issue 17)
HEAT_CELL_METERS = 750  # coordinators' heat map: ~0.75 km cells


class DuplicateProposalError(PinError):
    """A proposal with the same title (once normalised) exists: support it instead."""

    key = "proposte.error.duplicate"


def _require_listening(store: Store, workshop_id: int) -> wdb.Workshop:
    workshop = wdb.get_workshop(store, workshop_id)
    if workshop.phase not in LISTENING_PHASES:
        raise PhaseError("ascolto.error.closed")
    return workshop


# --- proposals ---------------------------------------------------------------------


def clean_proposal(
    title: object, description: object = "", target_group: object = "", comuni: Iterable[str] = ()
) -> dict:
    """A proposal's fields as stored: plain text with limits; comuni by their
    official names. Raises PinError, UnknownNameError (lists the comuni)."""
    names = []
    for item in comuni or ():
        if str(item).strip():
            names.append(territory.comune(str(item).strip()).name)
    return {
        "title": " ".join(
            pins.clean_text(title, pins.TITLE_MAX, "proposte.error.title_empty", "proposte.error.title_long").split()
        ),
        "description": pins.clean_text(
            description, pins.DESCRIPTION_MAX, "", "proposte.error.description_long", required=False
        ),
        "target_group": pins.clean_text(
            target_group, TARGET_GROUP_MAX, "", "proposte.error.target_long", required=False
        ),
        "comuni": tuple(dict.fromkeys(names)),
    }


def submit_proposal(
    store: Store,
    who: Participant,
    title: object,
    description: object = "",
    target_group: object = "",
    comuni: Iterable[str] = (),
) -> Proposal:
    """A participant's need, only while listening. A title equal (once
    normalised) to a visible proposal raises DuplicateProposalError naming it."""
    _require_listening(store, who.workshop_id)
    row = clean_proposal(title, description, target_group, comuni)

    def refuse_duplicate(existing: dict[int, str]) -> None:
        if len(existing) >= MAX_PROPOSALS:  # visible proposals of the workshop, read in the write transaction
            raise WorkshopFullError(what="limits.what.proposal", count=len(existing), limit=MAX_PROPOSALS)
        found = pins.find_duplicate(row["title"], existing)
        if found is not None:
            raise DuplicateProposalError(id=found, title=existing[found])

    return db.add_proposal(store, who.workshop_id, who.id, row, refuse_duplicate)


def _live_target(store: Store, proposal: Proposal) -> Proposal:
    """Follow merges to the proposal that now collects the supports."""
    seen = set()
    while proposal.merged_into is not None and proposal.id not in seen:
        seen.add(proposal.id)
        proposal = db.get_proposal(store, proposal.merged_into)
    return proposal


def support(store: Store, who: Participant, proposal_id: int) -> bool:
    """ "Anch'io": True when recorded now, False when already there. Not on one's
    own proposal; a merged proposal passes the support to where it was merged."""
    proposal = db.get_proposal(store, proposal_id)
    if proposal.workshop_id != who.workshop_id or proposal.hidden:
        raise NotFoundError(what="thing.proposal", id=proposal_id)
    _require_listening(store, who.workshop_id)
    proposal = _live_target(store, proposal)
    if proposal.participant_id == who.id:
        raise PinError("proposte.error.own")
    return db.add_support(store, proposal.id, who.id)


def hide_proposal(store: Store, actor: w.Actor, proposal_id: int, hidden: bool = True) -> Proposal:
    """Hide (or restore) a proposal: gone from phones, projector and public export."""
    w.require_facilitator(actor)
    return db.set_proposal_hidden(store, proposal_id, hidden)


def merge(store: Store, actor: w.Actor, source_id: int, target_id: int) -> Proposal:
    """Merge a duplicate (``source``) into ``target`` of the same workshop; the
    source's supporters and author now support the target, each counted once."""
    w.require_facilitator(actor)
    source, target = db.get_proposal(store, source_id), db.get_proposal(store, target_id)
    target = _live_target(store, target)
    if source.workshop_id != target.workshop_id:
        raise NotFoundError(what="thing.proposal", id=target_id)
    if source.id == target.id:
        raise PinError("proposte.error.merge_self")
    if source.merged_into is not None:
        raise PinError("proposte.error.already_merged", id=source.id)
    return db.merge_proposals(store, source.id, target.id)


def promote(store: Store, actor: w.Actor, proposal_id: int) -> Priority:
    """Make the proposal a priority of its workshop (once); the next voting
    round includes it. Not for hidden or merged proposals, nor a closed workshop."""
    w.require_facilitator(actor)
    proposal = db.get_proposal(store, proposal_id)
    if wdb.get_workshop(store, proposal.workshop_id).phase == "chiuso":
        raise PhaseError("workshop.error.closed")
    if proposal.promoted_priority_id is not None:
        raise PinError("proposte.error.already_promoted", id=proposal.id)
    if proposal.hidden:
        raise PinError("proposte.error.promote_hidden", id=proposal.id)
    if proposal.merged_into is not None:
        raise PinError("proposte.error.promote_merged", id=proposal.id, into=proposal.merged_into)
    row = w.check_priority(
        {
            "title": proposal.title,
            "description": proposal.description,
            "target_group": proposal.target_group,
            "comuni": proposal.comuni,
            "attrs": {"proposal_id": proposal.id, "supports": proposal.supports},
        }
    )
    priority_id = db.promote_proposal(store, proposal.id, row)
    return next(p for p in wdb.list_priorities(store, proposal.workshop_id) if p.id == priority_id)


def visible_proposals(store: Store, workshop_id: int) -> list[Proposal]:
    """What phones see: visible, unmerged proposals, oldest first."""
    return db.list_proposals(store, workshop_id)


def top_proposals(store: Store, workshop_id: int, limit: int = 10) -> list[Proposal]:
    """The projector's ranking: visible proposals by supports (ties: older first)."""
    return sorted(db.list_proposals(store, workshop_id), key=lambda p: (-p.supports, p.id))[:limit]


def all_proposals(store: Store, actor: w.Actor, workshop_id: int) -> list[Proposal]:
    """Every proposal, hidden and merged included (facilitator)."""
    w.require_facilitator(actor)
    return db.list_proposals(store, workshop_id, include_hidden=True, include_merged=True)


# --- pins -------------------------------------------------------------------------------


def add_pin(store: Store, who: Participant, lat: object, lon: object, category: str, note: object) -> Pin:
    """A pin where the participant tapped: inside the province, a known
    category, a plain-text note; at most ``pins.MAX_PINS_PER_MINUTE`` a minute."""
    _require_listening(store, who.workshop_id)
    placed = pins.place(lat, lon)
    category = pins.check_category(category)
    note = pins.clean_note(note)

    def rate(recent: list[datetime], now: datetime) -> None:
        pins.check_rate(recent, now)

    return db.add_pin(
        store,
        who.workshop_id,
        who.id,
        lat=placed.lat,
        lon=placed.lon,
        comune_code=placed.comune.code,
        category=category,
        note=note,
        check_rate=rate,
    )


def move_pin(store: Store, who: Participant, pin_id: int, lat: object, lon: object) -> Pin:
    """Move one's own pin while listening (NotFoundError for someone else's)."""
    _require_listening(store, who.workshop_id)
    placed = pins.place(lat, lon)
    return db.move_pin(store, pin_id, who.id, lat=placed.lat, lon=placed.lon, comune_code=placed.comune.code)


def delete_pin(store: Store, who: Participant, pin_id: int) -> None:
    """Delete one's own pin while listening (NotFoundError for someone else's)."""
    _require_listening(store, who.workshop_id)
    db.delete_pin(store, pin_id, who.id)


def my_pins(store: Store, who: Participant) -> list[Pin]:
    """The participant's own pins, exact (they placed them), hidden included."""
    return db.list_pins(store, who.workshop_id, participant_id=who.id, include_hidden=True)


def hide_pin(store: Store, actor: w.Actor, pin_id: int, hidden: bool = True) -> Pin:
    w.require_facilitator(actor)
    return db.set_pin_hidden(store, pin_id, hidden)


def exact_pins(store: Store, actor: w.Actor, workshop_id: int) -> list[Pin]:
    """Every pin with its exact position, hidden ones included (facilitator only)."""
    w.require_facilitator(actor)
    return db.list_pins(store, workshop_id, include_hidden=True)


@dataclass(frozen=True)
class PublicPin:
    """A pin as public and projected views show it: coarsened, never hidden."""

    id: int
    lat: float
    lon: float
    comune: str
    category: str
    note: str


def _public(pin: Pin) -> PublicPin:
    lat, lon = pins.coarsen(pin.lat, pin.lon)
    return PublicPin(pin.id, lat, lon, _comune_name(pin.comune_code), pin.category, pin.note)


def _comune_name(code: str) -> str:
    try:
        return territory.comune(code).name
    except UnknownNameError:
        return code


def public_pins(store: Store, workshop_id: int | None = None) -> list[PublicPin]:
    """Visible pins of a workshop (every workshop when None), positions coarsened."""
    return [_public(p) for p in db.list_pins(store, workshop_id)]


def density(
    points: Sequence[tuple[float, float]], cell_meters: float = HEAT_CELL_METERS
) -> list[tuple[float, float, int]]:
    """Counts of points per grid cell of ~``cell_meters``: (centre lat, centre lon, count),
    most crowded first. The heat map is drawn from this (no plugin)."""
    counts: dict[tuple[float, float], int] = {}
    for lat, lon in points:
        cell = pins.coarsen(lat, lon, cell_meters)
        counts[cell] = counts.get(cell, 0) + 1
    return sorted(((lat, lon, n) for (lat, lon), n in counts.items()), key=lambda c: (-c[2], c[0], c[1]))


def comune_bounds(code_or_name: str) -> list[list[float]]:
    """[[south, west], [north, east]] of a comune, to frame the phone's map on it."""
    comune = territory.comune(code_or_name)
    frame = territory.boundaries()
    west, south, east, north = frame[frame["code"] == comune.code].geometry.iloc[0].bounds
    return [[round(south, 5), round(west, 5)], [round(north, 5), round(east, 5)]]
