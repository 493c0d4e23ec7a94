#!/usr/bin/env bash
# Second pass, continued: 300 phones on one process and on two (+ projector process), SQLite.
# Usage: bench/results/run_key2.sh OUTDIR
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-bench/results/raw2}; mkdir -p "$OUT"
bench() {
    local name=$1; shift
    { echo "== $name  $(date -u +%H:%M:%S)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
      echo "\$ python -m cantiere bench $*"
      timeout 900 python -m cantiere bench "$@" --json "$OUT/$name.json"
      echo; } >> "$OUT/all.txt" 2>&1
}
bench 1p-sqlite-burst-300 --target app --phones 300 --ramp 30 --burst 3 --nodelay --no-compare
url="sqlite:///$(mktemp -d)/serve.db"; port=$((30000 + RANDOM % 20000)); run=$(mktemp -d)
python -m cantiere serve --processes 2 --port $port --listen $((port + 10)) --projector-process \
    --run-dir "$run" --database-url "$url" > "$run/serve.out" 2>&1 &
serve=$!
for _ in $(seq 120); do grep -q '^pid:' "$run/serve.out" && break; sleep 1; done
pids=$(grep '^pid:' "$run/serve.out" | cut -d' ' -f2)
args=(--url "http://127.0.0.1:$port,http://127.0.0.1:$((port + 1))" --projector-url "http://127.0.0.1:$((port + 2))/proiettore" --pid "$pids" --database-url "$url")
bench 2p-sqlite-burst-300 --target app --phones 300 --ramp 30 --burst 3 "${args[@]}"
bench 2p-sqlite-real-300 --target app --phones 300 --ramp 30 --scenario realistic --think 20 --duration 60 "${args[@]}"
kill -TERM $serve; wait $serve
echo "done2 $(date -u +%H:%M:%S)" >> "$OUT/all.txt"
