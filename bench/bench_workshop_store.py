"""Store timings of a workshop: ballots per second and the projector's snapshot.

    python bench/bench_workshop_store.py [DATABASE_URL]

Default: a temporary SQLite file. Prints median and p95 per operation (ms).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cantiere import workshop as w  # noqa: E402
from cantiere.store import Store  # noqa: E402
from cantiere.store import workshops as db  # noqa: E402

PHONES = 300


def timed(fn, runs):
    samples = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    store = Store(url)
    actor = w.Actor.command_line()
    ws = w.create_workshop(
        store, actor, "Bench", "", w.parse_priorities_csv(w.DEMO_FILE.read_bytes()), dots=5, max_per_item=2
    )
    rnd = w.start_voting(store, actor, ws.id)
    items = db.list_priorities(store, ws.id)
    people = [w.join(store, ws.code)[1] for _ in range(PHONES)]
    print(f"database: {store.safe_url}")
    med, p95 = timed(
        lambda i: w.cast_ballot(store, people[i], rnd.id, {"dots": {items[i % 8].id: 2, items[(i + 3) % 8].id: 2}}),
        PHONES,
    )
    print(f"cast ballot (validate + upsert + event), {PHONES} phones: median {med:.1f} ms, p95 {p95:.1f} ms")
    med, p95 = timed(lambda i: w.cast_ballot(store, people[i], rnd.id, {"dots": {items[i % 8].id: 1}}), PHONES)
    print(f"replace ballot: median {med:.1f} ms, p95 {p95:.1f} ms")
    ws = db.get_workshop(store, ws.id)
    med, p95 = timed(lambda i: w.snapshot(store, ws), 50)
    print(f"projector snapshot with {PHONES} ballots (counts + tally + wall): median {med:.1f} ms, p95 {p95:.1f} ms")
    store.close()


if __name__ == "__main__":
    main()
