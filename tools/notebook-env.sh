# Sourced by .ci/check-notebooks.sh and tools/figures.sh (from the repository root): makes
# sure the Python environment that executes notebooks exists in .venv-ci/ (git-ignored) and
# sets $notebook_python to its interpreter. The environment is rebuilt only when the pinned
# requirements change, so later runs cost nothing.

# Pinned so that executions are repeatable; change them together, then rerun tools/figures.sh.
notebook_requirements="nbclient==0.11.0 nbformat==5.11.1 ipykernel==7.4.0 pandas==3.1.1 matplotlib==3.11.2"
notebook_venv=.venv-ci

if [ ! -x "$notebook_venv/bin/python" ] || [ "$(cat "$notebook_venv/.requirements" 2>/dev/null)" != "$notebook_requirements" ]; then
  echo "== creating $notebook_venv ($notebook_requirements)"
  rm -rf "$notebook_venv"
  python3 -m venv "$notebook_venv"
  # shellcheck disable=SC2086 # one word per requirement
  "$notebook_venv/bin/python" -m pip install --quiet --disable-pip-version-check $notebook_requirements
  echo "$notebook_requirements" > "$notebook_venv/.requirements"
fi
# The kernel spec goes inside the environment (--sys-prefix): nothing outside it changes.
"$notebook_venv/bin/python" -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (PolicySim)" > /dev/null
notebook_python="$notebook_venv/bin/python"
# matplotlib's font cache, kept with the environment so it is built once.
export MPLCONFIGDIR="$PWD/$notebook_venv/matplotlib"
