"""Property tests: the priorities CSV reader and the auditable event log."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cantiere import voting
from cantiere import workshop as w
from cantiere.store import workshops as db

TITLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip())


@given(
    rows=st.lists(st.tuples(TITLE, st.text(max_size=40)), min_size=1, max_size=12),
    sep=st.sampled_from([";", ","]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_csv_written_by_a_spreadsheet_reads_back(rows, sep, encoding):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep)
    writer.writerow(["titolo", "descrizione"])
    writer.writerows(rows)
    parsed = w.parse_priorities_csv(buffer.getvalue().encode(encoding))
    assert [p["title"] for p in parsed] == [" ".join(t.split()) for t, _ in rows]
    assert [p["description"] for p in parsed] == [d.strip() for _, d in rows]


DOTS_BALLOT = st.dictionaries(st.integers(0, 3), st.integers(1, 2), min_size=1, max_size=2)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(votes=st.lists(st.tuples(st.integers(0, 5), DOTS_BALLOT), min_size=1, max_size=25))
def test_event_log_replay_equals_tally(fresh_store, votes):
    """Whatever the sequence of casts and re-casts, the tally from the ballots
    table equals the one replayed from the event log."""
    actor = w.Actor.command_line()
    ws = w.create_workshop(
        fresh_store, actor, "Proprietà", "", [{"title": f"P{i}"} for i in range(4)], dots=4, max_per_item=2
    )
    rnd = w.start_voting(fresh_store, actor, ws.id)
    items = db.list_priorities(fresh_store, ws.id)
    people = [w.join(fresh_store, ws.code)[1] for _ in range(6)]
    for who, ballot in votes:
        w.cast_ballot(fresh_store, people[who], rnd.id, {"dots": {items[k].id: v for k, v in ballot.items()}})
    last = {}
    for event in db.list_events(fresh_store, ws.id):
        if event.kind in ("ballot_cast", "ballot_replaced") and event.detail["round_id"] == rnd.id:
            last[event.detail["ballot_id"]] = event.detail["payload"]
    replay = voting.tally("dots", list(last.values()), w.items_of(fresh_store, ws.id, {}), rnd.params)
    assert replay.scores == w.tally_round(fresh_store, rnd.id).scores
    assert len(last) == len({who for who, _ in votes}) == len(db.list_ballots(fresh_store, rnd.id))
