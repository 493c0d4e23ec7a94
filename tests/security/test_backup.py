"""Backups: a copy taken while ballots are being written is consistent, and
``python -m cantiere restore-check FILE`` tells a sound copy from a damaged one."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from cantiere import cli
from cantiere.store import Store
from cantiere.store.backup import backup
from cantiere.store.backup_check import verify
from tests.conftest import ROOT

BACKUPS = 4


def ballots_and_their_events(path) -> tuple[dict[int, int], dict[int, int]]:
    """ballot id → version, and ballot id → number of cast/replaced events."""
    with sqlite3.connect(path) as conn:
        versions = dict(conn.execute("SELECT id, version FROM ballots"))
        logged = dict(
            conn.execute(
                "SELECT json_extract(detail, '$.ballot_id'), count(*) FROM events "
                "WHERE kind IN ('ballot_cast', 'ballot_replaced') GROUP BY 1"
            )
        )
    return versions, logged


@pytest.mark.slow
def test_backup_taken_while_ballots_are_written_is_consistent(tmp_path):
    url = f"sqlite:///{tmp_path / 'live.db'}"
    store = Store(url)
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.security.crash_writer", url, "4"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        bufsize=1,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    acked: set[int] = set()
    copies = []
    try:
        for line in writer.stdout:
            if line.startswith("ACK "):
                acked.add(int(line.split()[1]))
            if len(acked) and len(acked) % 40 == 0 and len(copies) < BACKUPS and len(acked) // 40 > len(copies):
                before = set(acked)  # acknowledged before the copy started
                copies.append((backup(store, tmp_path / f"copia-{len(copies)}.db"), before))
            if len(copies) == BACKUPS:
                break
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        store.close()
    assert len(copies) == BACKUPS
    for path, before in copies:
        result = verify(path)
        assert result.ok, result.integrity
        versions, logged = ballots_and_their_events(path)
        assert before <= set(versions)  # nothing acknowledged before the copy is missing from it
        # one transaction or none: each ballot's version equals its logged casts
        assert versions == logged
        assert result.counts["ballots"] == len(versions) > 0


def test_restore_check_cli(tmp_path, monkeypatch, capsys):
    store = Store(f"sqlite:///{tmp_path / 'cantiere.db'}")
    from cantiere import workshop as w

    w.create_demo(store, w.Actor.command_line())
    good = backup(store, tmp_path / "buona.db")
    store.close()

    assert cli.main(["restore-check", str(good)]) == 0
    out = capsys.readouterr().out
    assert "workshops\t1\n" in out and "audit_log\t0\n" in out
    assert f"Copia {good} integra:" in out

    damaged = tmp_path / "danneggiata.db"
    data = bytearray(good.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 512] = b"\xff" * 512  # a b-tree page overwritten
    damaged.write_bytes(bytes(data))
    assert cli.main(["restore-check", str(damaged)]) == 1
    assert "DANNEGGIATA" in capsys.readouterr().err

    stranger = tmp_path / "non-un-database.db"
    stranger.write_bytes(b"PK\x03\x04 questo non e' un database" * 100)
    assert cli.main(["restore-check", str(stranger)]) == 1
    assert "DANNEGGIATA" in capsys.readouterr().err

    assert cli.main(["restore-check", str(tmp_path / "manca.db")]) == 2
    assert "File non trovato" in capsys.readouterr().err
