#!/usr/bin/env bash
# The vote-tap CPU ratio (app / minimal app), RUNS times each (default 3), for the
# three scenarios behind the target: burst 150 (projector open), realistic 300
# (projector open), and 60 phones tapping every ~1 s (no projector: most taps).
# Every run compares against the minimal app in the same process.
# With PG_URL the app runs on that PostgreSQL database (runs named ratio-pg-…);
# the minimal app always stores in its SQLite file.
# Usage: [RUNS="1 2 3"] bench/results/run_ratio.sh OUTDIR [PG_URL]
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-bench/results/raw5}; mkdir -p "$OUT"
PG=${2:-}
prefix=ratio; extra=()
[ -n "$PG" ] && { prefix=ratio-pg; extra=(--database-url "$PG"); }
bench() {
    local name=$1; shift
    { echo "== $name  $(date -u +%H:%M:%S)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
      echo "\$ python -m cantiere bench $*"
      timeout 900 python -m cantiere bench "$@" --json "$OUT/$name.json"
      echo; } >> "$OUT/all.txt" 2>&1
}
for k in ${RUNS:-1 2 3}; do
    bench "$prefix-burst-150-$k" --target app --phones 150 --ramp 15 --burst 3 --nodelay --seed $k "${extra[@]}"
    bench "$prefix-real-300-$k" --target app --phones 300 --ramp 30 --scenario realistic --think 20 --duration 60 --nodelay --seed $k "${extra[@]}"
    bench "$prefix-sustained-60-$k" --target app --phones 60 --ramp 6 --scenario realistic --think 1 --duration 15 --nodelay --no-observer --seed $k "${extra[@]}"
done
echo "done $(date -u +%H:%M:%S)" >> "$OUT/all.txt"
