#!/usr/bin/env bash
# Runs scenarios/reference-county.scenario and tools/reference_model.py (an independent
# NumPy implementation of ../shared/reference-model.md) with fixed seeds and checks that
# every mean agrees within Monte Carlo error (|z| <= 4.5 over all option-year-metric cells).
# Usage: tools/validate-reference.sh [WORKDIR] [HOUSEHOLDS] [REPLICATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
households=${2:-10000}
replications=${3:-150}
mkdir -p "$work"
python=python3
if ! "$python" -c 'import numpy' 2>/dev/null; then
  "$python" -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet numpy
  python="$work/venv/bin/python"
fi
[ -x .build/release/policysim ] || swift build -c release
.build/release/policysim run scenarios/reference-county.scenario --households "$households" --replications "$replications" \
  --seed 2016 --out "$work/policysim" --quiet
"$python" tools/reference_model.py --households "$households" --replications "$replications" --seed 2016 --out "$work/numpy.csv"
"$python" tools/compare_reference.py "$work/numpy.csv" "$work/policysim/summary.csv"
