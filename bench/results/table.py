"""Markdown rows from the JSON reports of run_all.sh: python bench/results/table.py DIR [GLOB]

GLOB picks the reports (default "*.json"; e.g. "[12]p-*.json" leaves out run_ratio.sh's)."""

import json
import re
import sys
from pathlib import Path

out = Path(sys.argv[1])
loads = {}
for block in (out / "all.txt").read_text().split("== ")[1:]:
    m = re.match(r"(\S+)\s+(\S+)\s+load: (\S+) (\S+) (\S+)", block)
    if m:
        loads[m.group(1)] = (m.group(2), m.group(3))
print(
    "| run | time UTC (load 1 min) | joined | join p50 / p95 ms | vote p50 / p95 / p99 ms | projector p50 / p95 ms | CPU ms per join | CPU ms per tap | RSS start → joined → peak MB | MB per 50 phones | sent / stored | errors | ratio to minimal (CPU per tap) |"
)
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for path in sorted(out.glob(sys.argv[2] if len(sys.argv) > 2 else "*.json")):
    data = json.loads(path.read_text())
    r = data["reports"][0]
    ratio = data.get("ratios", {}).get("cpu_per_tap")
    floor = data["reports"][1]["cpu_ms_per_tap"] if len(data["reports"]) > 1 else None
    when, load = loads.get(path.stem, ("?", "?"))
    j, v, p = r["join"], r["vote"], r["projector"]
    print(
        f"| {path.stem} | {when} ({load}) | {r['phones_joined']}/{r['scenario']['phones']} | {j['p50_ms']} / {j['p95_ms']} "
        f"| {v['p50_ms']} / {v['p95_ms']} / {v['p99_ms']} | {p['p50_ms']} / {p['p95_ms']} | {r['cpu_ms_per_join']} | {r['cpu_ms_per_tap']} "
        f"| {r['rss_mb_start']} → {r['rss_mb_joined']} → {r['rss_mb_peak']} | {r['rss_mb_per_50_phones']} "
        f"| {r['ballots_sent']} / {r['ballots_stored']} | {r['error_count']} | "
        + (f"{ratio}× (minimal {floor} ms)" if ratio else "—")
        + " |"
    )
