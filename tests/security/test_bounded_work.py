"""Bounded work for every uploaded file (issue 17).

The findings: a 1.7 KB XLSX declaring ``A1:XFD1048576`` with one row at
1,048,576 held a core for ~13 minutes (a phone's vote tap 89 → 1,412 ms
meanwhile); a GeoJSON with 150,000 distinct property names took 97 s of CPU
before its rejection; the priorities CSV had no row limit. Now declared sizes
are checked before parsing, the readers are linear, and reading runs in a
worker process with a time and memory budget.

Timings are printed (``-s``), never asserted beyond "refused, and the votes
went on": this machine is shared.
"""

from __future__ import annotations

import statistics
import threading
import time

import pytest

from cantiere import bounded, importers
from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.workshop_errors import CsvError, WorkshopFullError
from tests.security import malformed

FAC = w.Actor.command_line()

HOSTILE = {
    "xlsx A1:XFD1048576 (1,7 KB)": ("servizi.xlsx", malformed.dimension_bomb_xlsx(), "limits.xlsx_dimension"),
    "xlsx riga 1.048.576 senza dimensione": (
        "servizi.xlsx",
        malformed.dimension_bomb_xlsx(None),
        "imp.file.too_many_rows",
    ),
    "xlsx cella in colonna XFD": (
        "servizi.xlsx",
        malformed.dimension_bomb_xlsx(None, "XFD2"),
        "limits.too_many_columns",
    ),
    "geojson 150.000 nomi di proprietà": (
        "servizi.geojson",
        malformed.many_keys_geojson(),
        "limits.too_many_properties",
    ),
}


@pytest.fixture
def voting_room(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Sala", "", [{"title": "A"}, {"title": "B"}], dots=3, max_per_item=2)
    rnd = w.start_voting(fresh_store, FAC, ws.id)
    items = db.list_priorities(fresh_store, ws.id)
    people = [w.join(fresh_store, ws.code)[1] for _ in range(5)]
    return fresh_store, rnd, items, people


def _vote_latencies(store, rnd, items, people, stop: threading.Event, out: list[float]) -> None:
    n = 0
    while not stop.is_set():
        who = people[n % len(people)]
        started = time.perf_counter()
        w.cast_ballot(store, who, rnd.id, {"dots": {str(items[n % 2].id): 1}})
        out.append(time.perf_counter() - started)
        n += 1
        time.sleep(0.02)


@pytest.mark.parametrize("label", list(HOSTILE))
def test_hostile_file_is_refused_quickly_while_phones_vote(voting_room, label, capsys):
    store, rnd, items, people = voting_room
    filename, data, key = HOSTILE[label]
    before: list[float] = []
    stop = threading.Event()
    voter = threading.Thread(target=_vote_latencies, args=(store, rnd, items, people, stop, before))
    voter.start()
    time.sleep(0.5)
    stop.set()
    voter.join()

    during: list[float] = []
    stop = threading.Event()
    voter = threading.Thread(target=_vote_latencies, args=(store, rnd, items, people, stop, during))
    voter.start()
    started = time.perf_counter()
    report = importers.validate("services", filename, data)
    elapsed = time.perf_counter() - started
    time.sleep(0.1)
    stop.set()
    voter.join()

    assert not report.ok and [p.key for p in report.errors] == [key], report.text()
    assert report.rows.empty
    assert during, "the server answered no vote while the file was read"
    with capsys.disabled():
        print(
            f"\n{label}: {len(data):,} bytes refused in {elapsed:.2f} s; vote median "
            f"{statistics.median(before) * 1000:.1f} ms before, {statistics.median(during) * 1000:.1f} ms during "
            f"({len(during)} votes); «{report.errors[0].text()[:90]}…»"
        )


def test_declared_dimension_is_read_without_parsing_the_sheet():
    import io
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(malformed.dimension_bomb_xlsx()))
    assert bounded.xlsx_dimensions(archive) == [("xl/worksheets/sheet1.xml", "A1:XFD1048576", 1_048_576, 16_384)]
    assert bounded.parse_ref("B2:D10") == (9, 3) and bounded.parse_ref("nonsense") == (0, 0)


def test_a_sane_file_with_a_modest_dimension_still_imports():
    report = importers.validate("services", "servizi.xlsx", malformed.GOOD_XLSX)
    assert report.ok, report.text()


def test_json_depth_is_measured_before_parsing():
    assert bounded.json_depth('{"a": [1, {"b": "[[[\\"{"}]}') == 3
    report = importers.validate("services", "x.geojson", b"[" * 100_000 + b"]" * 100_000)
    assert [p.key for p in report.errors] == ["limits.json_too_deep"]


def test_worker_stops_a_reader_over_its_time_budget():
    started = time.perf_counter()
    with pytest.raises(bounded.BudgetExceededError) as info:
        bounded.run(time.sleep, 30, seconds=1)
    assert time.perf_counter() - started < 10
    assert "interrotta" in info.value.message("it")


def test_worker_stops_a_reader_over_its_memory_budget():
    def greedy():
        return b"x" * (2 * 2**30)  # 2 GB, written

    with pytest.raises(bounded.BudgetExceededError):
        bounded.run(greedy, memory_mb=256, seconds=30)


def test_worker_returns_results_and_domain_errors():
    assert bounded.run(sorted, [3, 1, 2]) == [1, 2, 3]
    with pytest.raises(importers.ImportValidationError) as info:
        bounded.run(importers._read_table, "services", "x.csv", b"\n\n", 2**20)
    assert info.value.key == "imp.file.empty"


def test_priorities_csv_and_workshop_have_a_limit(fresh_store):
    rows = "titolo\n" + "\n".join(f"Priorità {i}" for i in range(100_000))
    started = time.perf_counter()
    with pytest.raises(CsvError) as info:
        w.parse_priorities_csv(rows.encode())
    assert time.perf_counter() - started < 5
    assert info.value.message("it").startswith(f"Riga {w.MAX_PRIORITIES + 2}: il file ha più di {w.MAX_PRIORITIES}")
    ws = w.create_workshop(fresh_store, FAC, "Pieno", "", [{"title": f"P{i}"} for i in range(w.MAX_PRIORITIES)])
    with pytest.raises(WorkshopFullError) as full:
        w.add_priorities(fresh_store, FAC, ws.id, [{"title": "Una di troppo"}])
    assert "il massimo (200)" in full.value.message("it")
    assert len(db.list_priorities(fresh_store, ws.id)) == w.MAX_PRIORITIES


def test_comments_per_workshop_have_a_limit(fresh_store, monkeypatch):
    monkeypatch.setattr(w, "MAX_COMMENTS", 3)
    ws = w.create_workshop(fresh_store, FAC, "Muro", "", [{"title": "A"}])
    w.start_voting(fresh_store, FAC, ws.id)
    (item,) = db.list_priorities(fresh_store, ws.id)
    who = w.join(fresh_store, ws.code)[1]
    for n in range(3):
        w.add_comment(fresh_store, who, item.id, f"commento {n}")
    with pytest.raises(WorkshopFullError) as info:
        w.add_comment(fresh_store, who, item.id, "uno di troppo")
    assert info.value.message("it") == "Questo laboratorio ha già 3 commenti, il massimo (3): chiedi a chi facilita."
    assert len(db.list_comments(fresh_store, ws.id)) == 3


def test_proposals_per_workshop_have_a_limit(fresh_store, monkeypatch):
    from cantiere import listening

    monkeypatch.setattr(listening, "MAX_PROPOSALS", 2)
    ws = w.create_workshop(fresh_store, FAC, "Ascolto", "", [{"title": "A"}])
    w.change_phase(fresh_store, FAC, ws.id, "ascolto")
    who = w.join(fresh_store, ws.code)[1]
    listening.submit_proposal(fresh_store, who, "Trasporto per le visite")
    listening.submit_proposal(fresh_store, who, "Doposcuola a Lugo")
    with pytest.raises(WorkshopFullError) as info:
        listening.submit_proposal(fresh_store, who, "Una di troppo")
    assert "2 proposte" in info.value.message("it")
