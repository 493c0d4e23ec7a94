"""Several hosts behind one nginx (docs/mille-telefoni.md), as far as one machine allows.

Two ``serve`` instances stand for two app hosts (each its own port and run
folder, no nginx); a third ``serve --processes 0 --upstream A,B --nginx`` is
the front host: nginx upstreaming both (a projector process of its own is
left out here: two Streamlit starts are slow enough on a shared machine). All share one database (SQLite here, PostgreSQL when
CANTIERE_TEST_POSTGRES_URL is set, as on several real hosts). Checked: phones
from different addresses land on both hosts (nginx hashes the whole address),
and a room of phones run through the front (join, follow, vote twice, with the
projector and the facilitator open) loses no ballot.
"""

from __future__ import annotations

import asyncio
import os
import shutil

import psutil
import pytest

from bench import loadgen
from bench.protocol import Phone, source_of
from cantiere import cli_serve
from tests.bench.test_serve_processes import free_consecutive_ports

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx not installed (apt-get install nginx-light)"),
]

PHONES = 8


@pytest.fixture
def shared_url(request, tmp_path):
    """PostgreSQL, as several real hosts share, when the tests have one; else SQLite
    (one machine: the same file). One of the two, not both: four app starts are slow."""
    if os.environ.get("CANTIERE_TEST_POSTGRES_URL"):
        return request.getfixturevalue("pg_url")
    return f"sqlite:///{tmp_path / 'shared.db'}"


def established(pid: int, port: int) -> int:
    return sum(
        1 for c in psutil.Process(pid).net_connections("tcp") if c.status == "ESTABLISHED" and c.laddr.port == port
    )


async def hold_phones(front: str, count: int) -> list[Phone]:
    phones = [Phone(front, page="partecipa", timeout=60, source=source_of(i)) for i in range(count)]
    for phone in phones:
        await phone.connect()
    return phones


def test_two_hosts_behind_one_nginx_share_the_phones_and_lose_no_ballot(tmp_path, shared_url, monkeypatch):
    monkeypatch.setenv("CANTIERE_ADMIN_PASSWORD", "mille-telefoni-prova")
    base = free_consecutive_ports(6)
    host_a = cli_serve.make_plan(1, base, False, base + 4, tmp_path / "a")
    host_b = cli_serve.make_plan(1, base + 1, False, base + 5, tmp_path / "b")
    front = cli_serve.make_plan(
        0, base + 2, False, base + 3, tmp_path / "front", upstreams=(f"127.0.0.1:{base}", f"127.0.0.1:{base + 1}")
    )
    started = []
    try:
        for plan, nginx in ((host_a, False), (host_b, False), (front, True)):
            started.append(cli_serve.start_all(plan, shared_url, nodelay=True, with_nginx=nginx))
        front_url = f"http://127.0.0.1:{front.listen}"
        for _ in range(100):  # nginx was just started
            if cli_serve.healthy(front.listen):
                break
            __import__("time").sleep(0.1)
        pids = [started[0].children[0][1].pid, started[1].children[0][1].pid]

        async def spread() -> list[int]:
            phones = await hold_phones(front_url, 20)
            try:
                await asyncio.sleep(0.5)
                return [established(pid, port) for pid, port in zip(pids, (base, base + 1), strict=True)]
            finally:
                for phone in phones:
                    await phone.close()

        per_host = asyncio.run(spread())
        assert all(n >= 1 for n in per_host), per_host  # both hosts got phones through one nginx
        assert sum(per_host) == 20

        scenario = loadgen.Scenario(kind="room", phones=PHONES, ramp=2.0, burst=1.0, wait=0.5, timeout=90, spread=True)
        report = loadgen.run_target(
            loadgen.app_target(),
            scenario,
            url=front_url,
            pid=",".join(map(str, pids)),
            database_url=shared_url,
            workdir=tmp_path,
        )
    finally:
        for procs in reversed(started):
            procs.stop()
    assert report.errors == {}
    assert [(b["sent"], b["stored"]) for b in report.room["ballots"]] == [(PHONES, PHONES)] * 2
    assert report.room["projector"]["n"] >= 1 and report.room["facilitator"]["n"] >= 1
