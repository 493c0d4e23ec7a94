"""Tally timings: every voting method on a large room, the Method of Equal
Shares above all (exact arithmetic, add1 completion run to its end).

    python -m bench --target tally                      # 300 voters × 30 priorities, 5 rooms
    python -m bench.tally --voters 300 --projects 30 --rooms 5

Prints, per method, the median and the slowest time of one tally over
``rooms`` random rooms (seeded: the same rooms every time), and for the budget
method how many shares the Equal Shares completion computed. Target (issue 14):
Equal Shares ≤ 1 s for 300 voters × 30 projects. Times are wall-clock on this
machine: run it on a quiet one.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from cantiere import voting

BUDGET = 200_000  # euros: a district's yearly fund for a workshop's projects


def room(method: str, voters: int, projects: int, seed: int) -> tuple[list, list[voting.Item], dict]:
    """Random ballots of ``voters`` people on ``projects`` items for ``method``."""
    rng = random.Random(f"{method}:{seed}")
    ids = list(range(1, projects + 1))
    costs = {i: rng.randrange(5_000, 60_000, 500) for i in ids}
    items = [voting.Item(i, f"Priorità {i}", costs[i]) for i in ids]
    ballots: list[dict] = []
    params: dict = {}
    for _ in range(voters):
        if method == "dots":
            params = {"dots": 5, "max_per_item": 2}
            dots: dict[str, int] = {}
            for i in rng.sample(ids, 4):
                dots[str(i)] = 2 if sum(dots.values()) <= 3 and rng.random() < 0.3 else 1
            ballots.append({"dots": dots})
        elif method == "approval":
            ballots.append({"approved": [i for i in ids if rng.random() < 0.3] or [ids[0]]})
        elif method == "ranking":
            ballots.append({"order": rng.sample(ids, rng.randint(3, min(10, projects)))})
        elif method == "budget":
            params = {"budget": BUDGET}
            chosen, spent = [], 0
            for i in rng.sample(ids, projects):
                if rng.random() < 0.25 and spent + costs[i] <= BUDGET:
                    chosen.append(i)
                    spent += costs[i]
            ballots.append({"approved": chosen or [min(ids, key=costs.get)]})
        elif method == "pairwise":
            pairs = [rng.sample(ids, 2) for _ in range(20)]
            ballots.append({"comparisons": [[a, b] if rng.random() < 0.9 else [a, b, voting.SKIP] for a, b in pairs]})
        elif method == "matrix":
            ballots.append(
                {
                    "ratings": {
                        str(i): {"importance": rng.randint(1, 5), "feasibility": rng.randint(1, 5)}
                        for i in ids
                        if rng.random() < 0.7
                    }
                }
            )
    return ballots, items, params


def measure(method: str, voters: int, projects: int, rooms: int) -> dict:
    """Seconds per tally over ``rooms`` rooms; for budget, the completion's runs too."""
    times, runs = [], []
    for seed in range(rooms):
        ballots, items, params = room(method, voters, projects, seed)
        start = time.perf_counter()
        result = voting.tally(method, ballots, items, params)
        times.append(time.perf_counter() - start)
        if method == "budget":
            approvals = [b["approved"] for b in ballots]
            runs.append(
                voting.equal_shares(approvals, {i.id: i.cost for i in items}, BUDGET, [i.id for i in items])["runs"]
            )
            assert result.extra["equal_shares"]["spent"] <= BUDGET
    return {"median": statistics.median(times), "max": max(times), "runs": runs}


def main(argv: list[str] | None = None, out=None, voters: int = 300, projects: int = 30, rooms: int = 5) -> int:
    out = out or sys.stdout
    if argv is not None:
        parser = argparse.ArgumentParser(prog="python -m bench.tally", description=__doc__.splitlines()[0])
        parser.add_argument("--voters", type=int, default=voters)
        parser.add_argument("--projects", type=int, default=projects)
        parser.add_argument("--rooms", type=int, default=rooms)
        args = parser.parse_args(argv)
        voters, projects, rooms = args.voters, args.projects, args.rooms
    print(f"tally of {voters} ballots on {projects} items, {rooms} rooms (seconds per tally)", file=out)
    mes = {}
    for method in voting.METHODS:
        figures = measure(method, voters, projects, rooms)
        line = f"  {method:<9} median {figures['median']:.3f} s   slowest {figures['max']:.3f} s"
        if method == "budget":
            mes = figures
            line += f"   (Equal Shares: shares computed per completion {min(figures['runs'])}–{max(figures['runs'])})"
        print(line, file=out)
    print(
        f"MES time (budget tally, greedy + Equal Shares), slowest room: {mes['max']:.3f} s (target ≤ 1 s at 300 × 30)",
        file=out,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
