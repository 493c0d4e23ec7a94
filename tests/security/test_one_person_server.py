"""The finding as it was made: a script opens 30 sessions on the REAL server
(``streamlit run app.py``), taps «Entra» and votes in each (issue 17: 30
ballots in 11.7 s, each confirmed).

The script's sessions reach the app through a proxy on this machine, as in the
room kit (nginx → app): the proxy says who the client is with
``X-Forwarded-For``, which uvicorn trusts from 127.0.0.1 only. So this test
also proves the chain proxy → uvicorn → ``st.context.ip_address`` →
``cantiere.ratelimit`` in the running server. A session from this machine
itself, with no proxy header, has no per-client limit (benchmarks, the
facilitator's laptop): shown by the last assertion.
"""

from __future__ import annotations

import asyncio
import time

import pytest
import websockets

from bench import app_setup, loadgen, protocol
from cantiere import ratelimit
from cantiere.store import Store
from cantiere.store import workshops as db

pytestmark = pytest.mark.slow

SCRIPT_ADDRESS = "198.51.100.7"  # TEST-NET-2: the script's phone, as the proxy reports it


class ProxiedPhone(protocol.Phone):
    """A phone whose websocket carries the proxy's ``X-Forwarded-For``."""

    def __init__(self, *args, forwarded_for: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.forwarded_for = forwarded_for

    async def connect(self) -> None:
        headers = {"X-Forwarded-For": self.forwarded_for} if self.forwarded_for else {}
        self.ws = await asyncio.wait_for(
            websockets.connect(
                self.url,
                subprotocols=[protocol.SUBPROTOCOL],
                max_size=2**26,
                open_timeout=self.timeout,
                ping_interval=None,
                additional_headers=headers,
            ),
            self.timeout,
        )
        self._reader = asyncio.create_task(self._read_loop())


async def _one_ballot(url: str, prepared, forwarded_for: str | None) -> str:
    """One session: open the link (that joins), two dots and Invia (the ballot
    posted as the page's script does). "voted" or "refused"."""
    query = f"code={prepared.code}"
    async with ProxiedPhone(url, page="partecipa", query=query, timeout=60, forwarded_for=forwarded_for) as phone:
        result = await phone.open()
        if any("Stai andando troppo veloce" in s for s in result.texts):
            return "refused"
        said = await phone.post_ballot(prepared.round_id, {"dots": {str(prepared.item_ids[0]): 2}})
        assert said.startswith("Voto registrato")
        return "voted"


async def _loop(url: str, prepared, n: int, forwarded_for: str | None) -> list[str]:
    return [await _one_ballot(url, prepared, forwarded_for) for _ in range(n)]


def test_thirty_scripted_sessions_through_the_proxy_are_held_to_the_limit(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cantiere.db'}"
    prepared = app_setup.prepare(url)
    env = {"CANTIERE_DATABASE_URL": url, "CANTIERE_ADMIN_PASSWORD": "prova-limiti"}
    with loadgen.Server(loadgen.ROOT / "app.py", env, tmp_path) as server:
        started = time.perf_counter()
        outcomes = loadgen.run_async(_loop(server.url, prepared, 30, SCRIPT_ADDRESS))
        elapsed = time.perf_counter() - started
        local = loadgen.run_async(_loop(server.url, prepared, 2, None))  # this machine: no per-client limit
    limit = ratelimit.LIMITS["join"][1].count
    store = Store(url)
    try:
        stored = db.count_ballots(store, prepared.round_id)
    finally:
        store.close()
    assert outcomes.count("voted") == limit and outcomes.count("refused") == 30 - limit
    assert local == ["voted", "voted"]
    assert stored == limit + 2
    with capsys.disabled():
        print(
            f"\nreal server, 30 scripted sessions through the proxy: {outcomes.count('voted')} ballots, "
            f"{outcomes.count('refused')} joins refused «Stai andando troppo veloce…» in {elapsed:.1f} s"
        )
