#!/usr/bin/env bash
# The runs behind bench/RESULTS.md. Usage: bench/results/run_all.sh OUTDIR [PG_URL]
# Every run prints the load average first: the machine is shared.
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-bench/results/raw}; PG=${2:-postgresql+psycopg://postgres@127.0.0.1:5432/wt_proof}
mkdir -p "$OUT"

bench() {  # name, args…
    local name=$1; shift
    { echo "== $name  $(date -u +%H:%M:%S)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
      echo "\$ python -m cantiere bench $*"
      timeout 900 python -m cantiere bench "$@" --json "$OUT/$name.json"
      echo; } >> "$OUT/all.txt" 2>&1
}

# --- one process (the benchmark starts it, TCP_NODELAY) ---------------------------
for db in sqlite pg; do
    extra=(); [ "$db" = pg ] && extra=(--database-url "$PG")
    bench "1p-$db-burst-50"  --target app --phones 50  --ramp 5  --burst 3 --nodelay --no-compare "${extra[@]}"
    bench "1p-$db-burst-150" --target app --phones 150 --ramp 15 --burst 3 --nodelay "${extra[@]}"
    bench "1p-$db-burst-300" --target app --phones 300 --ramp 30 --burst 3 --nodelay --no-compare "${extra[@]}"
    bench "1p-$db-real-300"  --target app --phones 300 --ramp 30 --scenario realistic --think 20 --duration 60 --nodelay --no-compare "${extra[@]}"
done

# --- two processes + the projector's own process (cantiere serve) ------------------
for db in sqlite pg; do
    url=$PG; [ "$db" = sqlite ] && url="sqlite:///$(mktemp -d)/serve.db"
    port=$((30000 + RANDOM % 20000)); run=$(mktemp -d)
    python -m cantiere serve --processes 2 --port $port --listen $((port + 10)) --projector-process \
        --run-dir "$run" --database-url "$url" > "$run/serve.out" 2>&1 &
    serve=$!
    for _ in $(seq 120); do grep -q '^pid:' "$run/serve.out" && break; sleep 1; done
    pids=$(grep '^pid:' "$run/serve.out" | cut -d' ' -f2)
    urls="http://127.0.0.1:$port,http://127.0.0.1:$((port + 1))"
    proj="http://127.0.0.1:$((port + 2))/proiettore"
    for n in 50 150 300; do
        bench "2p-$db-burst-$n" --target app --phones $n --ramp $((n / 10)) --burst 3 \
            --url "$urls" --projector-url "$proj" --pid "$pids" --database-url "$url"
    done
    bench "2p-$db-real-300" --target app --phones 300 --ramp 30 --scenario realistic --think 20 --duration 60 \
        --url "$urls" --projector-url "$proj" --pid "$pids" --database-url "$url"
    kill -TERM $serve; wait $serve
done
echo "done $(date -u +%H:%M:%S)" >> "$OUT/all.txt"
