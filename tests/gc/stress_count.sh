#!/bin/bash
# Runs every corpus program under KRAIT_GC_STRESS=1 with KRAIT_GC_STATS=1 and writes, per
# program, its wall time and the stress mode's "collected at N of M" (allocation safepoints
# where it collected, of all) and how many of those collections were minor ones: programs
# with N < M reached the stress work caps (see interp/src/gc/mod.rs, "Stress mode").
# usage: bash tests/gc/stress_count.sh [KRAIT_BINARY] [OUT]   (from the repository root)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$(realpath "${1:-$ROOT/target/release/krait}")
OUT=$(realpath "${2:-/tmp/stress_count.txt}")
: > "$OUT"
cd "$ROOT/tests/programs"
start=$(date +%s.%N)
for f in *.py; do
    n=${f%.py}
    args=""
    [ -f "$n.args" ] && args=$(cat "$n.args")
    s=$(date +%s.%N)
    line=$(KRAIT_GC_STRESS=1 KRAIT_GC_STATS=1 PYTHONHASHSEED=0 timeout 600 "$BIN" "$f" $args 2>&1 </dev/null >/dev/null |
        grep "krait: gc:" | tail -1)
    e=$(date +%s.%N)
    echo "$n $(echo "$e - $s" | bc) $(echo "$line" | grep -o "collected at [0-9]* of [0-9]*") $(echo "$line" | grep -o "[0-9]* minor")" >> "$OUT"
done
echo "TOTAL $(echo "$(date +%s.%N) - $start" | bc)" >> "$OUT"
awk '$3 == "collected" && $5 != $7 { n++ } END { print n + 0, "programs reached the stress cap" }' "$OUT"
