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

    def advance(self) -> dict:
        """The facilitator opens the next voting round (the open one closes), in
        one transaction: the room version moves and phones must show the new
        round. Returns the placeholders of the new screen (``{round}``)."""
        store = Store(self.database_url)
        try:
            workshop = w.find_workshop(store, self.code)
            rnd = w.open_new_round(
                store, w.Actor.command_line(), workshop.id, "dots", {"dots": DOTS, "max_per_item": MAX_PER_ITEM}
            )
        finally:
            store.close()
        self.round_id = rnd.id
        return {"round": rnd.id}

    def count(self) -> int:
        """Ballots stored for the round (one row per participant: re-votes replace)."""
        store = Store(self.database_url)
        try:
            return db.count_ballots(store, self.round_id)
        finally:
            store.close()


def prepare(database_url: str) -> Prepared:
    """Create a demo-priorities workshop, open its dot-voting round (the workshop
    moves to "voto") and return the placeholders for the phones' steps."""
    store = Store(database_url)
    try:
        actor = w.Actor.command_line()
        rows = w.parse_priorities_csv(w.DEMO_FILE.read_bytes())
        workshop = w.create_workshop(store, actor, TITLE, "", rows, dots=DOTS, max_per_item=MAX_PER_ITEM)
        rnd = w.start_voting(store, actor, workshop.id)
        items = [p.id for p in db.list_priorities(store, workshop.id)]
    finally:
        store.close()
    placeholders = {"code": workshop.code, "round": rnd.id, "item_a": items[0], "item_b": items[1]}
    return Prepared(database_url, workshop.code, rnd.id, items, placeholders)
