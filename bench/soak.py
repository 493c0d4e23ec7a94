"""Soak: phones coming and going against one app process, memory sampled over time.

    python -m bench.soak --minutes 30 --phones 50 --think 20 --cycle 60 --out soak.jsonl

One server (the real app, a fresh SQLite file unless ``--database-url``) stays up;
every cycle a new room of phones joins, acts every ~think seconds for ``--cycle``
seconds and leaves (connections closed, sessions dropped by the server). After
each cycle one JSON line: minutes since start, the server's RSS, the cycle's
errors and lost ballots. A growth trend shows as RSS rising cycle after cycle.
Bounded: stops after ``--minutes`` (at most 240).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench import loadgen

MAX_MINUTES = 240


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak")
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--phones", type=int, default=50)
    parser.add_argument("--think", type=float, default=20.0)
    parser.add_argument("--cycle", type=float, default=60.0, help="seconds each room stays")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--out", default="soak.jsonl")
    args = parser.parse_args(argv)
    if not 0 < args.minutes <= MAX_MINUTES:
        parser.error(f"--minutes must be in (0, {MAX_MINUTES}]")
    target = loadgen.app_target()
    out = Path(args.out)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="cantiere-soak-") as tmp:
        work = Path(tmp)
        env = target.env(work)
        if args.database_url:
            env["CANTIERE_DATABASE_URL"] = args.database_url
        db_url = env["CANTIERE_DATABASE_URL"]
        with loadgen.Server(target.script, env, work, nodelay=True) as server, out.open("a", encoding="utf-8") as log:
            proc = psutil.Process(server.pid)
            started = time.monotonic()
            cycle = 0
            while time.monotonic() - started < args.minutes * 60 and cycle < 10_000:
                scenario = loadgen.Scenario(
                    kind="realistic",
                    phones=args.phones,
                    ramp=min(10.0, args.cycle / 4),
                    think=args.think,
                    duration=args.cycle,
                )
                report = loadgen.run_target(
                    target,
                    scenario,
                    url=server.url,
                    pid=server.pid,
                    database_url=db_url,
                    seed=cycle,
                )
                time.sleep(2)  # sessions of the room that left are dropped
                line = {
                    "cycle": cycle,
                    "minutes": round((time.monotonic() - started) / 60, 2),
                    "rss_mb": round(proc.memory_info().rss / 2**20, 1),
                    "rss_mb_peak_in_cycle": report.rss_mb_peak,
                    "taps": report.taps_sent,
                    "vote_p95_ms": report.vote.get("p95_ms"),
                    "errors": report.error_count,
                    "lost": report.lost_ballots,
                    "load_avg_1m": round(psutil.getloadavg()[0], 2),
                }
                failed += report.error_count + (report.lost_ballots or 0)
                log.write(json.dumps(line) + "\n")
                log.flush()
                cycle += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
