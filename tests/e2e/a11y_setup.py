"""Workshops in every phase for the layout and axe-core tests (issue 15), made
through ``cantiere.workshop`` and ``cantiere.listening`` (never raw SQL):

- ``voto``: the bench workshop with 6 ballots (results shown from 5) and comments;
- ``ascolto``: a long title, proposals with supports, pins on the map;
- ``chiuso``: a closed one with its final results.
"""

from __future__ import annotations

from dataclasses import dataclass

from bench import app_setup
from cantiere import listening
from cantiere import workshop as w
from cantiere.store import Store

LONG_TITLE = (
    "Laboratorio del distretto di Lugo sulla domiciliarità, i trasporti sociali e la solitudine "
    "delle persone anziane nelle frazioni della Bassa Romagna"
)


@dataclass
class Rooms:
    voto: str
    ascolto: str
    chiuso: str


def _vote(store: Store, code: str, round_id: int, items: list[int], n: int) -> None:
    for k in range(n):
        _, who = w.join(store, code)
        w.cast_ballot(store, who, round_id, {"dots": {str(items[k % 3]): 2, str(items[(k + 1) % 4]): 1}})
        if k < 2:
            w.add_comment(store, who, items[0], "Servono più corse la sera, anche il sabato." * (k + 1))


def prepare(database_url: str) -> Rooms:
    """Three workshops in the database at ``database_url``; their join codes."""
    voting = app_setup.prepare(database_url)
    store = Store(database_url)
    try:
        actor = w.Actor.command_line()
        _vote(store, voting.code, voting.round_id, voting.item_ids, 6)
        rows = w.parse_priorities_csv(w.DEMO_FILE.read_bytes())
        listening_room = w.create_workshop(store, actor, LONG_TITLE, "", rows, phase="ascolto")
        supporters = [w.join(store, listening_room.code)[1] for _ in range(2)]
        for k, (title, lat, lon) in enumerate(
            [
                ("Un centro diurno aperto anche la domenica", 44.42, 11.91),
                ("Trasporto a chiamata per le visite mediche", 44.35, 11.85),
                ("Sportello sociale nelle frazioni", 44.28, 11.88),
            ]
        ):
            _, who = w.join(store, listening_room.code)
            proposal = listening.submit_proposal(store, who, title)
            for other in supporters[: 2 - k % 2]:
                listening.support(store, other, proposal.id)
            listening.add_pin(store, who, lat, lon, "trasporti", f"Fermata {k + 1}")
        closed = w.create_workshop(store, actor, "Laboratorio chiuso: priorità 2026", "", rows, dots=5, max_per_item=2)
        rnd = w.start_voting(store, actor, closed.id)
        items = [p.id for p in w.items_of(store, closed.id, {})]
        _vote(store, closed.code, rnd.id, items, 5)
        w.change_phase(store, actor, closed.id, "chiuso")
    finally:
        store.close()
    return Rooms(voting.code, listening_room.code, closed.code)
