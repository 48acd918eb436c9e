#!/usr/bin/env bash
# Every kind of figure, for a small run of every scenario, must render with rsvg-convert
# (librsvg, from Debian's librsvg2-bin) without error. Usage: .ci/check-svg.sh [policysim]
# (default: builds and uses .build/release/policysim). Keeps the PNGs in $SVG_CHECK_OUT
# when set (to look at them), else in a temporary folder that is removed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "== installing rsvg-convert (librsvg2-bin)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq librsvg2-bin >/dev/null
fi

policysim=${1:-}
if [ -z "$policysim" ]; then
  swift build -c release >/dev/null
  policysim=.build/release/policysim
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${SVG_CHECK_OUT:-$work/png}
mkdir -p "$out"

count=0
render() { # render NAME.svg -> NAME.png, failing on any rsvg error or warning
  local svg=$1 png=$2 log
  if ! log=$(rsvg-convert -o "$png" "$svg" 2>&1) || [ -n "$log" ]; then
    echo "rsvg-convert failed on $svg: $log" >&2
    exit 1
  fi
  test -s "$png" || { echo "empty PNG from $svg" >&2; exit 1; }
  count=$((count + 1))
}

echo "== every figure of a small run of every scenario renders"
for file in scenarios/*.scenario; do
  name=$(basename "$file" .scenario)
  results="$work/$name"
  "$policysim" run "$file" --replications 4 --households 400 --out "$results" --quiet --plot
  for svg in "$results"/*.svg; do render "$svg" "$out/$name-$(basename "$svg" .svg).png"; done
  for metric in incidence poverty_gap mean_income cost_total; do
    for kind in fan bars difference sweep; do
      figure="$results/check-$metric-$kind.svg"
      if "$policysim" plot "$results" --metric "$metric" --kind "$kind" --out "$figure" --quiet 2>"$work/error"; then
        render "$figure" "$out/$name-$metric-$kind.png"
      else
        # Only the kinds a run cannot give may be refused: a difference with one option,
        # a sweep without a sweep.
        case "$kind" in
          difference | sweep) grep -q "difference chart needs\|no swept parameter" "$work/error" || { cat "$work/error" >&2; exit 1; } ;;
          *) cat "$work/error" >&2; exit 1 ;;
        esac
      fi
    done
  done
  echo "$name: ok"
done
echo "rendered $count SVG files to PNG"
