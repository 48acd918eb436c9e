#!/usr/bin/env bash
# Engine benchmark: household-years per second on the reference county with 200,000
# households, with 1 thread and with all cores (results are identical; only time differs).
# Usage: tools/benchmark.sh [HOUSEHOLDS] [REPLICATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
households=${1:-200000}
replications=${2:-8}
swift build -c release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cores=$(nproc)
for threads in 1 "$cores"; do
  /usr/bin/time -f "peak RSS %M KiB" -o "$work/time$threads" .build/release/policysim run scenarios/reference-county.scenario \
    --households "$households" --replications "$replications" --threads "$threads" --out "$work/t$threads" > "$work/out$threads"
  echo "$(head -1 "$work/out$threads"); $(cat "$work/time$threads")"
done
cmp "$work/t1/summary.csv" "$work/t$cores/summary.csv" && echo "summary.csv identical for 1 and $cores threads"
