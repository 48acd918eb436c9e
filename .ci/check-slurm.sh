#!/usr/bin/env bash
# CI: `policysim slurm` + `policysim merge` against a real one-node Slurm (Debian packages,
# installed by the script; it skips with a message only where they cannot be installed).
# Usage: .ci/check-slurm.sh [POLICYSIM-BINARY]   (default: .build/release/policysim)
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash tools/slurm-integration-test.sh "${1:-.build/release/policysim}"
