"""Benchmark setup for the real app: a workshop in the voto phase with an open
dot-voting round, created through ``cantiere.workshop`` (never raw SQL), and the
ballot count read back through the store API.

The phones' step scripts name widgets by key; the keys of the dot inputs and of
the submit button contain the round and priority ids, so they are only known
once the workshop exists: :func:`prepare` returns them as placeholders
(``{code}``, ``{round}``, ``{item_a}``, ``{item_b}``) for the query and steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db

TITLE = "[BENCH] Laboratorio di prova del carico (dati di esempio)"
DOTS = 5
MAX_PER_ITEM = 2


@dataclass
class Prepared:
    """A workshop ready for phones: its placeholders and how to count its ballots."""

    database_url: str
    code: str
    round_id: int
    item_ids: list[int]
    placeholders: dict = field(default_factory=dict)
    opened: list[int] = field(default_factory=list)  # the rounds opened by advance(), in order

    def advance(self) -> dict:
        """The facilitator moves the room, in one transaction: from ``ascolto``
        the vote opens (the draft round), in ``voto`` the next voting round opens
        (the open one closes). The room version moves and phones must show the
        new round. Returns the placeholders of the new screen (``{round}``)."""
        store = Store(self.database_url)
        try:
            workshop = w.find_workshop(store, self.code)
            actor = w.Actor.command_line()
            if workshop.phase == "ascolto":
                rnd = w.start_voting(store, actor, workshop.id)
            else:
                rnd = w.open_new_round(store, actor, workshop.id, "dots", {"dots": DOTS, "max_per_item": MAX_PER_ITEM})
        finally:
            store.close()
        self.round_id = rnd.id
        self.opened.append(rnd.id)
        return {"round": rnd.id}

    def count(self, move: int | None = None) -> int:
        """Ballots stored for the round (one row per participant: re-votes replace):
        the current one, or the one opened by the ``move``-th advance (0-based)."""
        store = Store(self.database_url)
        try:
            return db.count_ballots(store, self.round_id if move is None else self.opened[move])
        finally:
            store.close()


def prepare(database_url: str, phase: str = "voto") -> Prepared:
    """Create a demo-priorities workshop, open its dot-voting round (the workshop
    moves to "voto") and return the placeholders for the phones' steps. With
    ``phase="ascolto"`` the workshop listens instead and its round stays a draft
    until the first :meth:`Prepared.advance` (the room scenario)."""
    store = Store(database_url)
    try:
        actor = w.Actor.command_line()
        rows = w.parse_priorities_csv(w.DEMO_FILE.read_bytes())
        if phase == "ascolto":
            workshop = w.create_workshop(
                store, actor, TITLE, "", rows, dots=DOTS, max_per_item=MAX_PER_ITEM, phase="ascolto"
            )
            rnd = db.list_rounds(store, workshop.id)[0]
        else:
            workshop = w.create_workshop(store, actor, TITLE, "", rows, dots=DOTS, max_per_item=MAX_PER_ITEM)
            rnd = w.start_voting(store, actor, workshop.id)
        items = [p.id for p in db.list_priorities(store, workshop.id)]
    finally:
        store.close()
    placeholders = {"code": workshop.code, "round": rnd.id, "item_a": items[0], "item_b": items[1]}
    return Prepared(database_url, workshop.code, rnd.id, items, placeholders)
