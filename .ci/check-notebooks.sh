#!/usr/bin/env bash
# Checks the exported notebooks with real Jupyter: every notebooks-export/*.ipynb must pass
# nbformat's schema check, and the ones executed (by default the reference county's) must run
# with nbclient and the ipykernel Python kernel without a cell raising.
#
#   bash .ci/check-notebooks.sh                              # validate all; execute one
#   bash .ci/check-notebooks.sh notebooks-export/*.ipynb     # validate all; execute these
#
# The Python environment (pinned nbclient, nbformat, ipykernel, pandas, matplotlib from PyPI)
# is made by tools/notebook-env.sh in .venv-ci/ (git-ignored) and reused while its pins are
# unchanged. Executed copies go to a temporary folder: the committed notebooks are untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/notebook-env.sh

if [ "$#" -gt 0 ]; then
  notebooks=("$@")
else
  notebooks=(notebooks-export/reference-county.ipynb)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shopt -s nullglob
exported=(notebooks-export/*.ipynb)
if [ "${#exported[@]}" -gt 0 ]; then
  "$notebook_python" tools/execute_notebooks.py --validate-only "${exported[@]}"
fi
"$notebook_python" tools/execute_notebooks.py --copy-to "$work" "${notebooks[@]}"
echo "notebooks passed"
