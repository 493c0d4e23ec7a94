"""Crash safety: a writer process casting ballots on several threads is killed
with SIGKILL at random moments and restarted; every ballot it acknowledged is
in the database afterwards (same participant, same or newer version, same
payload when the version is the same) and SQLite's integrity check says "ok".

CI size: CANTIERE_CRASH_KILLS kills (default 20 on SQLite, a quarter of that
on PostgreSQL). The figure in SECURITY.md comes from CANTIERE_CRASH_KILLS=200.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading

import pytest
import sqlalchemy as sa

from cantiere.store import Store
from tests.conftest import ROOT

KILLS = int(os.environ.get("CANTIERE_CRASH_KILLS", "20"))
THREADS = 4


def run_and_kill(url: str, rng: random.Random) -> list[tuple[int, int, int, str]]:
    """Start the writer, let it acknowledge a random number of ballots, SIGKILL
    it, and return every ACK line it wrote before dying."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.security.crash_writer", url, str(THREADS)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    acks: list[tuple[int, int, int, str]] = []
    wanted = rng.randint(1, 120)  # the random moment: after this many acknowledgements
    killed = threading.Event()
    try:
        for line in process.stdout:
            if line.startswith("ACK "):
                _, ballot_id, participant_id, version, payload = line.rstrip("\n").split(" ", 4)
                acks.append((int(ballot_id), int(participant_id), int(version), payload))
                if len(acks) >= wanted and not killed.is_set():
                    process.send_signal(signal.SIGKILL)
                    killed.set()
        # after the kill: lines already in the pipe were acknowledged too (read above)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        stderr = process.stderr.read()
    assert killed.is_set(), f"the writer stopped by itself: {stderr[-2000:]}"
    assert process.returncode == -signal.SIGKILL
    return acks


def check_all_there(url: str, acks) -> int:
    """Every acknowledged ballot is stored; returns the number of ballots in the DB."""
    store = Store(url)  # a restart: opens (and recovers) the database
    try:
        with store.read() as conn:
            rows = {r.id: r for r in conn.execute(sa.text("SELECT id, participant_id, version, payload FROM ballots"))}
            if store.is_sqlite:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        latest: dict[int, tuple[int, int, str]] = {}
        for ballot_id, participant_id, version, payload in acks:
            if version >= latest.get(ballot_id, (0, 0, ""))[1]:
                latest[ballot_id] = (participant_id, version, payload)
        lost = []
        for ballot_id, (participant_id, version, payload) in latest.items():
            row = rows.get(ballot_id)
            stored = row.payload if row is None or isinstance(row.payload, dict) else json.loads(row.payload)
            if (
                row is None
                or row.participant_id != participant_id
                or row.version < version
                or (row.version == version and json.dumps(stored, sort_keys=True) != payload)
            ):
                lost.append(ballot_id)
        assert lost == [], f"{len(lost)} acknowledged ballots lost or changed"
        return len(rows)
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_no_acknowledged_ballot_is_lost_across_kills(backend, tmp_path, request):
    if backend == "sqlite":
        url, kills = f"sqlite:///{tmp_path / 'crash.db'}", KILLS
    else:
        url, kills = request.getfixturevalue("pg_url"), max(1, KILLS // 4)
    Store(url).close()  # migrate once, outside the kills
    rng = random.Random(int(os.environ.get("CANTIERE_CRASH_SEED", "8")))
    acknowledged = 0
    for _ in range(kills):
        acks = run_and_kill(url, rng)
        acknowledged += len(acks)
        stored = check_all_there(url, acks)
    print(
        f"\ncrash ({backend}): {kills} SIGKILLs, {acknowledged} ballots acknowledged, 0 lost, "
        f"{stored} ballots stored" + (", integrity_check ok" if backend == "sqlite" else "")
    )
