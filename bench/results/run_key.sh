#!/usr/bin/env bash
# Second pass of the decisive runs, on a quieter machine, plus two variants:
# no projector (what the projector costs) and dots set inside the vote (a whole vote).
# Usage: bench/results/run_key.sh OUTDIR
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
bench 1p-sqlite-burst-150 --target app --phones 150 --ramp 15 --burst 3 --nodelay
bench 1p-sqlite-burst-150-noproj --target app --phones 150 --ramp 15 --burst 3 --nodelay --no-observer --no-compare
bench 1p-sqlite-burst-150-wholevote --target app --phones 150 --ramp 15 --burst 3 --nodelay --no-compare \
    --join-steps "press:partecipa.join; press:partecipa.profile.skip" \
    --vote-steps "set:partecipa.dots.{round}.{item_a}=2; set:partecipa.dots.{round}.{item_b}=1; press:partecipa.vote.{round}; text:Voto registrato"
bench 1p-sqlite-real-300 --target app --phones 300 --ramp 30 --scenario realistic --think 20 --duration 60 --nodelay
echo "done $(date -u +%H:%M:%S)" >> "$OUT/all.txt"
