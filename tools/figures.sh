#!/usr/bin/env bash
# Regenerates every figure and notebook in notebooks-export/ from scenarios/:
#
#   for each scenarios/NAME.scenario, with the settings recorded below and the scenario's own seed:
#     policysim run      -> notebooks-export/data/NAME/{summary.csv, comparison.csv, manifest.json}
#                           (+ the headline SVG charts, when this policysim has 'run --plot')
#     policysim notebook -> notebooks-export/NAME.ipynb
#   then executes every notebook in place with nbclient (tools/execute_notebooks.py), so the
#   committed notebooks carry their outputs and figures.
#
#   bash tools/figures.sh                   # everything
#   bash tools/figures.sh --no-execute      # data and notebooks only (no Python needed)
#   bash tools/figures.sh reference-county  # only the scenarios named
#
# Running it twice gives byte-identical CSVs, SVGs and unexecuted notebooks (only
# manifest.json's times and the executed notebooks' PNG bytes may differ). POLICYSIM=path
# uses that binary instead of building one with `swift build -c release`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Recorded settings: small, so that each run takes seconds and the CSVs stay small.
# scenario            replications  households
recorded="
jiangxi-relocation    50            2000
l-county              50            2000
reference-county      50            2000
zhengjia-village      100           384
zhengjia-microdata    100           384
"
default_replications=50
default_households=2000

execute=yes
chosen=()
for argument in "$@"; do
  case "$argument" in
    --no-execute) execute=no ;;
    -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "error: unknown option '$argument'" >&2; exit 64 ;;
    *) chosen+=("$argument") ;;
  esac
done

if [ -n "${POLICYSIM:-}" ]; then
  policysim=$POLICYSIM
else
  swift build -c release --product policysim
  policysim="$(swift build -c release --show-bin-path)/policysim"
fi
plot_flag=()
if "$policysim" run --help | grep -q -- '--plot'; then plot_flag=(--plot); fi

if [ "${#chosen[@]}" -eq 0 ]; then
  for file in scenarios/*.scenario; do chosen+=("$(basename "$file" .scenario)"); done
fi

mkdir -p notebooks-export/data
notebooks=()
for name in "${chosen[@]}"; do
  file="scenarios/$name.scenario"
  [ -f "$file" ] || { echo "error: no scenario $file" >&2; exit 1; }
  line=$(echo "$recorded" | awk -v n="$name" '$1 == n { print $2, $3 }')
  replications=$default_replications
  households=$default_households
  if [ -n "$line" ]; then read -r replications households <<< "$line"; fi
  echo "== $name: $replications replications × $households households"
  rm -rf "notebooks-export/data/$name"
  "$policysim" run "$file" --replications "$replications" --households "$households" --threads 2 \
    --out "notebooks-export/data/$name" --quiet "${plot_flag[@]}"
  "$policysim" notebook "notebooks-export/data/$name" --out "notebooks-export/$name.ipynb" --quiet
  notebooks+=("notebooks-export/$name.ipynb")
done

# The example figures of docs/figures.md, from the same runs.
if [ -d notebooks-export/data/reference-county ] && [ -d notebooks-export/data/jiangxi-relocation ] && [ "${#plot_flag[@]}" -gt 0 ]; then
  mkdir -p docs/images
  for chart in incidence-fan cost_total-bars incidence-difference; do
    cp "notebooks-export/data/reference-county/$chart.svg" "docs/images/reference-county-$chart.svg"
  done
  "$policysim" plot notebooks-export/data/jiangxi-relocation --out docs/images/jiangxi-relocation-incidence-fan.svg
  "$policysim" plot notebooks-export/data/jiangxi-relocation --kind sweep --out docs/images/jiangxi-relocation-incidence-sweep.svg
fi

if [ "$execute" = yes ]; then
  source tools/notebook-env.sh
  "$notebook_python" tools/execute_notebooks.py "${notebooks[@]}"
fi
echo "figures and notebooks regenerated"
