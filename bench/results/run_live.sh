#!/usr/bin/env bash
# Issue 13: what a room that waits costs, and how fast it follows.
# `--scenario idle`: N phones join, keep the room-version long poll open for
# --duration s (server CPU share measured), then the next voting round opens and
# each phone's time to show it is measured; the minimal app (bench/minimal_live.py,
# same route) runs the same scenario right after, in the same invocation.
#   RUNS times (default 3): 300 phones on 1 process, with the minimal app;
#   once: 150 phones on 1 process; 300 phones on 2 processes (cantiere serve),
#   SQLite then PostgreSQL (PG_URL; skipped without it).
# ~35 min on a quiet machine. Usage: [RUNS="1 2 3"] bench/results/run_live.sh OUTDIR [PG_URL]
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-bench/results/raw6}; mkdir -p "$OUT"
PG=${2:-}
bench() {
    local name=$1; shift
    { echo "== $name  $(date -u +%H:%M:%S)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
      echo "\$ python -m cantiere bench $*"
      timeout 1200 python -m cantiere bench "$@" --json "$OUT/$name.json"
      echo; } >> "$OUT/all.txt" 2>&1
}
for k in ${RUNS:-1 2 3}; do
    bench "live-idle-300-1p-$k" --target app --scenario idle --phones 300 --ramp 30 --duration 60 --nodelay --seed $k
done
bench "live-idle-150-1p" --target app --scenario idle --phones 150 --ramp 15 --duration 60 --nodelay --no-compare

for db in sqlite pg; do
    [ "$db" = pg ] && [ -z "$PG" ] && continue
    url=$PG; [ "$db" = sqlite ] && url="sqlite:///$(mktemp -d)/serve.db"
    port=$((30000 + RANDOM % 20000)); run=$(mktemp -d)
    python -m cantiere serve --processes 2 --port $port --listen $((port + 10)) \
        --run-dir "$run" --database-url "$url" > "$run/serve.out" 2>&1 &
    serve=$!
    for _ in $(seq 120); do grep -q '^pid:' "$run/serve.out" && break; sleep 1; done
    pids=$(grep '^pid:' "$run/serve.out" | cut -d' ' -f2)
    urls="http://127.0.0.1:$port,http://127.0.0.1:$((port + 1))"
    bench "live-idle-300-2p-$db" --target app --scenario idle --phones 300 --ramp 30 --duration 60 \
        --url "$urls" --pid "$pids" --database-url "$url"
    kill -TERM $serve; wait $serve
done
echo "done $(date -u +%H:%M:%S)" >> "$OUT/all.txt"
