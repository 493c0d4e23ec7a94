#!/usr/bin/env bash
# Issue 16: the QR moment, the whole room, 1,000 phones. On a quiet machine.
#   RUNS times (default 3): server CPU per join step, one phone at a time
#   (python -m bench.stepcost, app then minimal); 300 phones joining over 10 s
#   (--scenario join, app then minimal, projector open); the whole room with 300
#   phones (--scenario room: join over 20 s, follow the vote, 5-s burst, follow the
#   next round, 5-s burst; projector and facilitator open; app then minimal).
#   Once per database (SQLite, then PostgreSQL with PG_URL): 1,000 phones in the
#   room through `cantiere serve --processes 2 --projector-process --nginx`, each
#   phone from its own loopback address (--spread) so nginx spreads them.
# The big room first (it is the longest to get wrong), then the RUNS.
# ~45 min. Usage (RUNS="" for the big room only, DBS=pg for one database):
#   [RUNS="1 2 3"] [DBS="sqlite pg"] [BIG=1000] bench/results/run_join.sh OUTDIR [PG_URL]
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-bench/results/raw7}; mkdir -p "$OUT"
PG=${2:-}
BIG=${BIG:-1000}
bench() {
    local name=$1; shift
    { echo "== $name  $(date -u +%H:%M:%S)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
      echo "\$ python -m cantiere bench $*"
      timeout 1800 python -m cantiere bench "$@" --json "$OUT/$name.json"
      echo; } >> "$OUT/all.txt" 2>&1
}
for db in ${DBS-sqlite pg}; do
    [ "$db" = pg ] && [ -z "$PG" ] && continue
    url=$PG; [ "$db" = sqlite ] && url="sqlite:///$(mktemp -d)/serve.db"
    # below Linux's ephemeral range (32768+): after 1,000 phones its ports linger in TIME_WAIT
    port=$((20000 + RANDOM % 10000)); listen=$((port + 10)); run=$(mktemp -d)
    export CANTIERE_ADMIN_PASSWORD="bench-$RANDOM$RANDOM"  # the facilitator session logs in with it
    python -m cantiere serve --processes 2 --projector-process --nginx --port $port --listen $listen \
        --run-dir "$run" --database-url "$url" > "$run/serve.out" 2>&1 &
    serve=$!
    for _ in $(seq 180); do grep -q '^pid' "$run/serve.out" && break; sleep 1; done
    pids=$(grep '^pid' "$run/serve.out" | cut -d' ' -f2)
    front="http://127.0.0.1:$listen"
    bench "room-$BIG-serve2-$db" --target app --scenario room --phones $BIG --ramp $((BIG * 6 / 100)) --burst 5 --wait 5 \
        --url "$front" --spread --pid "$pids" --database-url "$url" --projector-url "$front/proiettore" --timeout 120
    kill -TERM $serve; wait $serve
done

for k in ${RUNS-1 2 3}; do
    { echo "== stepcost-$k  $(date -u +%H:%M:%S)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
      timeout 900 python -m bench.stepcost --phones 60 --nodelay --json "$OUT/stepcost-$k.json"; echo; } >> "$OUT/all.txt" 2>&1
    bench "join-300-10s-$k" --target app --scenario join --phones 300 --ramp 10 --nodelay --seed $k
    bench "room-300-$k" --target app --scenario room --phones 300 --ramp 20 --burst 5 --wait 5 --nodelay --seed $k
done
echo "done $(date -u +%H:%M:%S)" >> "$OUT/all.txt"
