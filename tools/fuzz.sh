#!/usr/bin/env bash
# Fuzzes the scenario front end (lexer + parser + checker + renderer) with libFuzzer.
#
#   tools/fuzz.sh [seconds] [extra libFuzzer flags…]
#
# Builds .build-fuzz/scenario-fuzzer with `swiftc -sanitize=fuzzer,address`, seeds a
# working corpus (Fuzz/corpus/, not committed) with scenarios/, the golden diagnostics
# corpus and the committed minimised corpus (Tests/ScenarioLanguageTests/Golden/fuzz-corpus/),
# and runs for the given number of seconds (default 60). Crashing inputs are written to
# Fuzz/crashes/. To keep what a run found, minimise it into the committed corpus:
#
#   tools/fuzz.sh merge
#
# To reproduce a crash: .build-fuzz/scenario-fuzzer Fuzz/crashes/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build-fuzz/scenario-fuzzer
committed=Tests/ScenarioLanguageTests/Golden/fuzz-corpus
mkdir -p .build-fuzz Fuzz/corpus Fuzz/crashes "$committed"

sources=$(find Sources/ScenarioLanguage -name '*.swift' | sort)
# shellcheck disable=SC2086
swiftc -O -g -parse-as-library -sanitize=fuzzer,address -module-name ScenarioFuzzer \
  Fuzz/ScenarioFuzzer.swift $sources -o "$binary"

if [[ "${1:-}" == "merge" ]]; then
  # Keep only the inputs (of at most 2 kB, so the committed corpus stays small) that add
  # coverage, into the committed corpus.
  small=$(mktemp -d)
  trap 'rm -rf "$small"' EXIT
  find Fuzz/corpus -type f -size -2049c -exec cp {} "$small"/ \;
  "$binary" -merge=1 -max_len=2048 "$committed" "$small"
  du -sb "$committed"
  exit 0
fi

seconds=${1:-60}
shift || true
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
cp scenarios/*.scenario Tests/ScenarioLanguageTests/Golden/diagnostics/*.scenario "$seeds"/
exec "$binary" Fuzz/corpus "$seeds" "$committed" \
  -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=Fuzz/crashes/ -print_final_stats=1 "$@"
