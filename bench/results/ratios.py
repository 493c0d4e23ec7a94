"""The CPU-per-tap ratio of run_ratio.sh, per scenario: python bench/results/ratios.py DIR

Reads DIR/ratio-<scenario>-<k>.json; prints one Markdown row per scenario with each
repeat (app ms / minimal ms = ratio), the median ratio and the range.
"""

import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

out = Path(sys.argv[1])
runs = defaultdict(list)
for path in sorted(out.glob("ratio-*.json")):
    scenario = re.sub(r"-\d+$", "", path.stem.removeprefix("ratio-"))
    data = json.loads(path.read_text())
    app, floor = data["reports"][0], data["reports"][1]
    runs[scenario].append(
        (
            app["cpu_ms_per_tap"],
            floor["cpu_ms_per_tap"],
            data["ratios"]["cpu_per_tap"],
            app["taps_sent"],
            app["error_count"] + floor["error_count"],
            app["lost_ballots"],
        )
    )
print("| scenario | each run: app ms / minimal ms = ratio (taps) | median ratio | range | errors, lost |")
print("| --- | --- | --- | --- | --- |")
for scenario, rows in runs.items():
    each = "; ".join(f"{a} / {m} = **{r}×** ({n})" for a, m, r, n, _, _ in rows)
    ratios = [r for _, _, r, *_ in rows]
    errors = sum(e for *_, e, _ in rows)
    lost = sum(n or 0 for *_, n in rows)
    print(
        f"| {scenario} | {each} | **{round(statistics.median(ratios), 2)}×** | {min(ratios)}–{max(ratios)}× | {errors}, {lost} |"
    )
