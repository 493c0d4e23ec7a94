"""A writer process for the crash test: N threads cast ballots through
``cantiere.workshop`` on the Store and print every ACKNOWLEDGED ballot (after
its transaction committed) to stdout, flushed. The test kills it with SIGKILL.

    python -m tests.security.crash_writer DATABASE_URL THREADS

Each line: ``ACK <ballot_id> <participant_id> <version> <payload as JSON>``.
"""

from __future__ import annotations

import json
import random
import sys
import threading

from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db

ACTOR = w.Actor(w.Role.FACILITATOR, "crash-test")
ROWS = [{"title": f"Priorità {n}"} for n in range(1, 7)]
_print = threading.Lock()


def prepare(store: Store) -> tuple[db.Workshop, db.Round]:
    """The workshop of earlier runs, or a new one; its round open (a kill may
    have come between creating the workshop and opening the vote)."""
    found = db.list_workshops(store)
    workshop = (
        found[0] if found else w.create_workshop(store, ACTOR, "Prova di resistenza", "", ROWS, dots=5, max_per_item=3)
    )
    rnd = next((r for r in db.list_rounds(store, workshop.id) if r.status == "open"), None)
    if rnd is None:
        rnd = w.start_voting(store, ACTOR, workshop.id, dots=5, max_per_item=3)
    return db.get_workshop(store, workshop.id), rnd


def vote_forever(store: Store, code: str, round_id: int, item_ids: list[int], seed: int) -> None:
    rng = random.Random(seed)
    _, who = w.join(store, code)
    while True:
        if rng.random() < 0.5:  # half the time a new phone, else the same one re-votes
            _, who = w.join(store, code)
        chosen = rng.sample(item_ids, 3)
        payload = {"dots": {chosen[0]: 2, chosen[1]: 2, chosen[2]: 1}}
        ballot, _ = w.cast_ballot(store, who, round_id, payload)
        line = (
            f"ACK {ballot.id} {ballot.participant_id} {ballot.version} {json.dumps(ballot.payload, sort_keys=True)}\n"
        )
        with _print:
            sys.stdout.write(line)
            sys.stdout.flush()


def main(url: str, threads: int) -> None:
    store = Store(url)
    workshop, rnd = prepare(store)
    items = [p.id for p in db.list_priorities(store, workshop.id)]
    with _print:
        sys.stdout.write("READY\n")
        sys.stdout.flush()
    workers = [
        threading.Thread(target=vote_forever, args=(store, workshop.code, rnd.id, items, n), daemon=True)
        for n in range(threads)
    ]
    for t in workers:
        t.start()
    for t in workers:
        t.join()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
