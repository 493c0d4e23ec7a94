"""Server CPU per step of a join, one phone at a time (issue 16).

The load generator's "CPU per join" divides a storm's CPU by its joins: right
for capacity, blind to *which* run costs what. Here phones take each step one
after another, never two at once (no queueing, no contention from the load
generator), and the server's CPU over each step's window, minus its idle rate,
is divided by the phones:

    python -m bench.stepcost --phones 30 --nodelay

prints, for the app's Partecipa page (open the join link, which joins and
shows the vote; the vote tap: the browser draws the dots screen, so the dots
cost the server nothing and the tap posts the ballot) and for the minimal
one-button app (open, tap), the milliseconds of server CPU per phone and step.
A join is the open step in both: the ratio of the two is the join's. ``--json FILE``
writes them. Only 127.0.0.1; every wait bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench import loadgen
from bench.protocol import Phone

PAUSE_S = 0.05  # between two phones' steps: the previous run has ended


def _cpu(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return t.user + t.system


async def _measure(url: str, proc: psutil.Process, page: str, query: str, steps: list, phones: int) -> dict:
    """``steps``: (name, coroutine function of a phone). Returns ms per phone per step."""
    open_phones = [Phone(url, page=page, query=query.format(i=i), timeout=60) for i in range(phones)]
    for phone in open_phones:
        await phone.connect()
    await asyncio.sleep(1.0)
    c0, t0 = _cpu(proc), time.monotonic()
    await asyncio.sleep(2.0)
    idle_per_s = (_cpu(proc) - c0) / (time.monotonic() - t0)
    out = {}
    try:
        for name, action in steps:
            c0, t0 = _cpu(proc), time.monotonic()
            for phone in open_phones:
                await action(phone)
                await asyncio.sleep(PAUSE_S)
            spent = _cpu(proc) - c0 - idle_per_s * (time.monotonic() - t0)
            out[name] = round(max(spent, 0.0) * 1000 / phones, 2)
    finally:
        for phone in open_phones:
            await phone.close()
    out["idle_ms_per_s"] = round(idle_per_s * 1000, 2)
    return out


def app_steps(ph: dict) -> list:
    r, a, b = ph["round"], ph["item_a"], ph["item_b"]
    return [
        ("open", lambda p: _open_until(p, f"partecipa.vote.{r}")),
        ("vote", lambda p: p.post_ballot(r, {"dots": {str(a): 2, str(b): 1}})),
    ]


async def _open_until(phone: Phone, key: str) -> None:
    await phone.open()
    await phone.wait_for_widget(key)


MINIMAL_STEPS = [("open", lambda p: _open_until(p, "vota")), ("vote", lambda p: p.press("vota"))]


def run(phones: int, nodelay: bool) -> dict:
    results = {}
    with tempfile.TemporaryDirectory(prefix="cantiere-stepcost-") as tmp:
        work = Path(tmp)
        app = loadgen.app_target()
        env = app.env(work)
        prepared = app.setup(env["CANTIERE_DATABASE_URL"])
        ph = prepared.placeholders
        for name, target, query, steps in (
            ("app", app, f"code={ph['code']}", app_steps(ph)),
            ("minimal", loadgen.minimal_target(), "p=stepcost{i}", MINIMAL_STEPS),
        ):
            target_env = env if name == "app" else target.env(work)
            with loadgen.Server(target.script, target_env, work, nodelay=nodelay) as server:
                proc = psutil.Process(server.pid)

                async def go(server=server, proc=proc, target=target, query=query, steps=steps) -> dict:
                    async with Phone(server.url, page=target.page, query=query.format(i="warm")) as warm:
                        await warm.open()  # imports are no phone's cost
                    return await _measure(server.url, proc, target.page, query, steps, phones)

                results[name] = asyncio.run(go())
    app_r, floor = results["app"], results["minimal"]
    results["join_app_ms"] = app_r["open"]
    results["open_ratio"] = round(app_r["open"] / floor["open"], 2) if floor["open"] else None
    results["vote_ratio"] = round(app_r["vote"] / floor["vote"], 2) if floor["vote"] else None
    results["load_average"] = [round(x, 2) for x in psutil.getloadavg()]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stepcost", description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=30)
    parser.add_argument("--nodelay", action="store_true")
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    if not 1 <= args.phones <= 300:
        print("--phones: 1..300", file=sys.stderr)
        return 2
    results = run(args.phones, args.nodelay)
    for name in ("app", "minimal"):
        print(f"[{name}] ms of server CPU per phone: " + ", ".join(f"{k} {v}" for k, v in results[name].items()))
    print(
        f"join (opening the link) {results['join_app_ms']} ms; join ratio {results['open_ratio']}×, "
        f"vote ratio {results['vote_ratio']}×; load average {results['load_average']}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
