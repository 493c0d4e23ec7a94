"""Per-step table of `--scenario room` runs (issue 16): app beside the minimal
app of the same invocation, p50 / p95 ms and server CPU ms per phone.

    python bench/results/room_steps.py DIR "room-300-*.json"
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

STEPS = ("join", "follow_phase", "vote_1", "follow_round", "vote_2")


def _cell(step: dict | None) -> str:
    if not step:
        return "—"
    cell = f"{step['p50_ms']:,.0f} / {step['p95_ms']:,.0f} ({step.get('cpu_ms_each')} ms)"
    tap = step.get("tap")
    return cell + (f"; tap {tap['p50_ms']:,.0f} / {tap['p95_ms']:,.0f}" if tap else "")


def main(folder: str, pattern: str) -> None:
    print("| run | step | app p50 / p95 ms (CPU per phone) | minimal app | projector p95 ms, app / minimal |")
    print("| --- | --- | --- | --- | --- |")
    for path in sorted(Path(folder).glob(pattern)):
        reports = json.loads(path.read_text())["reports"]
        app, floor = reports[0], (reports[1] if len(reports) > 1 else {})
        for name in STEPS:
            a = (app.get("room") or {}).get("steps", {}).get(name)
            m = (floor.get("room") or {}).get("steps", {}).get(name) if floor else None
            pa = a.get("projector_p95_ms") if a else None
            pm = m.get("projector_p95_ms") if m else None
            print(f"| {path.stem} | {name} | {_cell(a)} | {_cell(m)} | {pa} / {pm} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "room-*.json")
