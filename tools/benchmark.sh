#!/usr/bin/env bash
# Engine benchmark (docs/performance.md): PolicySim against the vectorised NumPy reference
# model (tools/reference_model.py) on the same sizes, in the same run, so the ratio holds on
# any machine.
#
# Usage: tools/benchmark.sh [HOUSEHOLDS] [REPLICATIONS]      (default: 200000 6)
#   SCRATCH=.build-perf tools/benchmark.sh ...   use another SwiftPM scratch path
#   PYTHON=python3                               the Python with NumPy
#   NATIVE=1                                     also build for this CPU and compare
# On a CPU with AVX2 it also runs the same binary with the portable draws forced
# (POLICYSIM_PORTABLE_DRAWS=1), the figure for CPUs without AVX2.
#
# Prints, for scenarios/reference-county.scenario (3 options, 10 years):
#   - PolicySim with 1 thread and with all cores: household-years/s in total and per core,
#     peak RSS, parallel efficiency, and whether both runs wrote byte-identical summary.csv;
#   - NumPy (one core) on the same households and replications, and the ratios
#     PolicySim ÷ NumPy for 1 thread and for all cores;
#   - the time to parse and check the scenario, and a generated 5,000-line scenario;
#   - the agreement of the means (tools/compare_reference.py: z-scores per option, year and
#     metric) between a PolicySim run and a NumPy run of 8 replications each.
# household-years = households × years × replications × options. Wall-clock rates are only
# meaningful on an otherwise idle machine; the CPU seconds printed beside them (user + system)
# show when the machine was busy (CPU time well below threads × wall time).
set -euo pipefail
cd "$(dirname "$0")/.."
households=${1:-200000}
replications=${2:-6}
scratch=${SCRATCH:-.build}
python=${PYTHON:-python3}
scenario=scenarios/reference-county.scenario
years=10
options=3
swift build -c release --scratch-path "$scratch" >/dev/null
binary="$scratch/release/policysim"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cores=$(nproc)
householdYears=$((households * years * replications * options))

# Seconds between two `date +%s.%N` readings.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# Millions of household-years per second for a duration.
rate() { awk -v n="$householdYears" -v s="$1" -v k="${2:-1}" 'BEGIN { printf "%.1f", n / s / k / 1e6 }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(swift --version 2>/dev/null | head -1)"
echo "workload: $scenario, $households households × $years years × $replications replications × $options options"
echo

# Start-up: parse and check (the whole CLI process, including reading the file).
start=$(date +%s.%N)
"$binary" check "$scenario" >/dev/null
end=$(date +%s.%N)
echo "parse+check $scenario: $(elapsed "$start" "$end") s"
{
  sed '$d' "$scenario"  # all but the closing brace
  for i in $(seq 1 4900); do echo "  option \"generated $i\" { relocation.subsidy = $((10000 + i)) }"; done
  echo "}"
} >"$work/large.scenario"
start=$(date +%s.%N)
"$binary" check "$work/large.scenario" >/dev/null
end=$(date +%s.%N)
echo "parse+check a $(wc -l <"$work/large.scenario")-line scenario: $(elapsed "$start" "$end") s"
echo

declare -A seconds
for threads in 1 "$cores"; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "$work/rss$threads" "$binary" run "$scenario" --quiet \
    --households "$households" --replications "$replications" --threads "$threads" --out "$work/t$threads"
  end=$(date +%s.%N)
  seconds[$threads]=$(elapsed "$start" "$end")
  rss=$(awk '{ printf "%.0f", $1 / 1024 }' "$work/rss$threads")
  cpu=$(awk '{ printf "%.2f", $2 + $3 }' "$work/rss$threads")
  echo "PolicySim, $threads thread(s): ${seconds[$threads]} s, $(rate "${seconds[$threads]}") M household-years/s," \
    "$(rate "${seconds[$threads]}" "$threads") M per core, peak RSS $rss MiB (CPU $cpu s: $(rate "$cpu") M per CPU-second)"
done
cmp "$work/t1/summary.csv" "$work/t$cores/summary.csv" && echo "summary.csv identical for 1 and $cores threads"
awk -v a="${seconds[1]}" -v b="${seconds[$cores]}" -v k="$cores" \
  'BEGIN { printf "parallel efficiency 1 → %d threads: %.0f%%\n", k, 100 * a / b / k }'

"$python" tools/reference_model.py --households "$households" --replications "$replications" --seed 1 \
  --out "$work/numpy.csv" 2>"$work/numpy.log"
numpy=$(sed -n 's/.*simulation_seconds=\([0-9.]*\).*/\1/p' "$work/numpy.log")
echo "NumPy, 1 core: $numpy s, $(rate "$numpy") M household-years/s"
awk -v n="$numpy" -v a="${seconds[1]}" -v b="${seconds[$cores]}" -v k="$cores" \
  'BEGIN { printf "ratio PolicySim ÷ NumPy: %.2f× on 1 core, %.2f× on %d cores\n", n / a, n / b, k }'
echo

# A variant timed beside the main runs, against NumPy, with its bytes checked against the
# 1-thread run: compareVariant NAME LABEL SAME-AS COMMAND... (the command gets the run's
# arguments appended).
compareVariant() {
  local name=$1 label=$2 sameAs=$3
  shift 3
  for threads in 1 "$cores"; do
    start=$(date +%s.%N)
    /usr/bin/time -f "%M %U %S" -o "$work/$name$threads.time" "$@" run "$scenario" --quiet \
      --households "$households" --replications "$replications" --threads "$threads" --out "$work/$name$threads"
    end=$(date +%s.%N)
    variantSeconds=$(elapsed "$start" "$end")
    cpu=$(awk '{ printf "%.2f", $2 + $3 }' "$work/$name$threads.time")
    echo "PolicySim $label, $threads thread(s): $variantSeconds s," \
      "$(rate "$variantSeconds") M household-years/s (CPU $cpu s), $(awk -v n="$numpy" -v s="$variantSeconds" 'BEGIN { printf "%.2f", n / s }')× NumPy"
    cmp "$work/t1/summary.csv" "$work/$name$threads/summary.csv" && echo "summary.csv identical to $sameAs"
  done
  echo
}

# The same binary with the portable draws forced (what a CPU without AVX2 runs): the
# Philox draws then use the scalar loop instead of the AVX2 module. Same bytes (checked).
if grep -qw avx2 /proc/cpuinfo; then
  compareVariant portable "with portable draws (POLICYSIM_PORTABLE_DRAWS=1)" "the AVX2 draws'" env POLICYSIM_PORTABLE_DRAWS=1 "$binary"
else
  echo "this CPU has no AVX2: the runs above used the portable draws"
  echo
fi

# Optional: the same runs with a build for this machine's CPU (AVX2/AVX-512 where present).
# Same bytes as the portable build (checked): Swift never fuses a * b + c, and every
# elementary function is PolicySim's own (DeterministicMath).
if [ "${NATIVE:-0}" = 1 ]; then
  swift build -c release --scratch-path "$scratch-native" -Xswiftc -target-cpu -Xswiftc native >/dev/null
  compareVariant native "built for this CPU (-target-cpu native)" "the portable build's" "$scratch-native/release/policysim"
fi

# Agreement of the means: 8 replications each, independent seeds, z-scores.
"$binary" run "$scenario" --quiet --households "$households" --replications 8 --out "$work/agree"
"$python" tools/reference_model.py --households "$households" --replications 8 --seed 2 \
  --out "$work/numpy8.csv" 2>/dev/null
echo "agreement of the means (PolicySim vs NumPy, 8 replications each):"
"$python" tools/compare_reference.py "$work/numpy8.csv" "$work/agree/summary.csv" | tail -3
