"""Scale-out: two app processes started by ``cantiere serve`` share one database.

A phone votes through process A; the same phone (its link, token included)
opened on process B finds that ballot: re-voting there says the new ballot
replaces the previous one, and the database holds one ballot. Runs on SQLite
and, when CANTIERE_TEST_POSTGRES_URL is set, on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
import random

import pytest

from bench import app_setup, loadgen
from bench.protocol import Phone
from cantiere import cli_serve, httpheaders
from cantiere.store import Store
from cantiere.store import workshops as db

pytestmark = pytest.mark.slow


def free_consecutive_ports(count: int) -> int:
    for _ in range(50):
        base = random.randint(20000, 60000 - count)
        if all(cli_serve.port_is_free(base + i) for i in range(count)):
            return base
    raise RuntimeError("no free consecutive ports")


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.db'}"
    return request.getfixturevalue("pg_url")


async def vote_on_a_then_again_on_b(url_a: str, url_b: str, prepared) -> tuple[list[str], list[str]]:
    """Two dots on A; the same link opened on B starts from them (the screen's
    values), one more dot, Invia again (ballots posted as the page's script does)."""
    r, a, b = prepared.round_id, prepared.item_ids[0], prepared.item_ids[1]
    async with Phone(url_a, page="partecipa", query=f"code={prepared.code}", timeout=60) as phone:
        await phone.open()  # opening the link is joining
        first = await phone.post_ballot(r, {"dots": {str(a): 2}})
        link = phone.query  # what the browser's address bar holds: code and token
    assert "p=" in link
    async with Phone(url_b, page="partecipa", query=link, timeout=60) as again:
        await again.open()
        values = json.loads(again.widgets[f"partecipa.vote.{r}"].proto.json)["vote"]["values"]
        second = await again.post_ballot(r, {"dots": {**values, str(b): 1}})
    return [first], [second]


def test_two_processes_share_the_database(tmp_path, shared_url):
    base = free_consecutive_ports(2)
    plan = cli_serve.make_plan(2, base, False, base + 2, tmp_path / "run")
    prepared = app_setup.prepare(shared_url)
    procs = cli_serve.start_all(plan, shared_url, nodelay=True, with_nginx=False)
    try:
        assert all(cli_serve.healthy(port) for port in plan.app_ports)
        url_a, url_b = (f"http://127.0.0.1:{p}" for p in plan.app_ports)
        first, second = loadgen.run_async(vote_on_a_then_again_on_b(url_a, url_b, prepared))
    finally:
        procs.stop()
    assert any(text.startswith("Voto registrato. Puoi cambiarlo") for text in first)
    # Process B read the ballot process A wrote: the new one replaces it.
    assert any("il nuovo voto sostituisce il precedente" in text for text in second)
    store = Store(shared_url)
    try:
        (ballot,) = db.list_ballots(store, prepared.round_id)
        assert ballot.version == 2
        assert ballot.payload["dots"] == {str(prepared.item_ids[0]): 2, str(prepared.item_ids[1]): 1}
    finally:
        store.close()
    assert (tmp_path / "run" / "nginx.conf").exists()


def test_serve_command_stops_its_processes_on_sigterm(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    import psutil

    from tests.conftest import ROOT

    base = free_consecutive_ports(1)
    env = {**os.environ, "CANTIERE_DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}"}
    cmd = [
        sys.executable,
        "-m",
        "cantiere",
        "serve",
        "--processes",
        "1",
        "--port",
        str(base),
        "--listen",
        str(base + 5),
        "--run-dir",
        str(tmp_path / "run"),
    ]
    serve = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        for line in serve.stdout:  # bounded: serve exits (EOF) if it cannot start
            lines.append(line)
            if line.startswith("pid:"):
                break
        assert any(f"Processo pronto: http://127.0.0.1:{base}" in line for line in lines), lines
        (child,) = [int(p) for p in lines[-1].split(":")[1].strip().split(",")]
        assert cli_serve.healthy(base)
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(60) == 0
        assert not psutil.pid_exists(child) or psutil.Process(child).status() == psutil.STATUS_ZOMBIE
        assert not cli_serve.healthy(base)
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait(10)


@pytest.mark.skipif(
    __import__("shutil").which("nginx") is None, reason="nginx not installed (apt-get install nginx-light)"
)
def test_through_the_generated_nginx_a_phone_votes_and_javascript_is_gzipped(tmp_path):
    import re
    import urllib.error
    import urllib.request

    base = free_consecutive_ports(4)
    plan = cli_serve.make_plan(2, base, True, base + 3, tmp_path / "run")
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    prepared = app_setup.prepare(url)
    procs = cli_serve.start_all(plan, url, nodelay=True, with_nginx=True)
    front = f"http://127.0.0.1:{plan.listen}"
    try:
        for _ in range(100):  # nginx was just started: wait until it answers
            if cli_serve.healthy(plan.listen):
                break
            __import__("time").sleep(0.1)
        with urllib.request.urlopen(f"{front}/", timeout=10) as resp:
            page = resp.read().decode()
        script = re.search(r'src="\.?/?(static/js/[^"]+\.js)"', page).group(1)
        request = urllib.request.Request(f"{front}/{script}", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as resp:
            assert resp.headers.get("Content-Encoding") == "gzip"
        # the security headers, once each, on the page, a script, the health check and the map component
        # (a component not yet used by any session answers 404: headers all the same)
        for path in ("/partecipa", f"/{script}", "/_stcore/health", "/component/streamlit_folium.st_folium/index.html"):
            try:
                resp = urllib.request.urlopen(f"{front}{path}", timeout=10)
            except urllib.error.HTTPError as error:
                resp = error
            with resp:
                for name, value in httpheaders.COMMON.items():
                    assert resp.headers.get_all(name) == [value], (path, name)
                assert resp.headers.get_all("Content-Security-Policy") == [httpheaders.csp_for(path)], path
        assert cli_serve.healthy(plan.listen, cli_serve.PROJECTOR_PATH)  # the projector's own process

        async def vote() -> list[str]:
            r, a = prepared.round_id, prepared.item_ids[0]
            async with Phone(front, page="partecipa", query=f"code={prepared.code}", timeout=60) as phone:
                await phone.open()
                return [await phone.post_ballot(r, {"dots": {str(a): 1}})]

        texts = loadgen.run_async(vote())
    finally:
        procs.stop()
    assert any(text.startswith("Voto registrato") for text in texts)
    assert prepared.count() == 1
