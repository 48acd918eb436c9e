"""Validates and executes PolicySim's exported notebooks with real Jupyter (nbclient).

    python tools/execute_notebooks.py --validate-only NOTEBOOK...   # nbformat schema only
    python tools/execute_notebooks.py NOTEBOOK...                   # execute in place
    python tools/execute_notebooks.py --copy-to DIR NOTEBOOK...     # execute, write to DIR

Each notebook runs in its own folder (its paths to the results are relative to it). A cell
that raises stops the run with exit status 1 and the cell's traceback. Executed notebooks
are written the way nbformat writes them (sorted keys, one-space indent), without timing
metadata, so that only the figures' bytes can differ between two executions.
"""

import argparse
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--validate-only", action="store_true")
    parser.add_argument("--copy-to", metavar="DIR")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    arguments = parser.parse_args()

    for path in arguments.notebooks:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        if arguments.validate_only:
            print(f"valid: {path}")
            continue
        client = NotebookClient(
            notebook,
            timeout=arguments.timeout,
            kernel_name="python3",
            record_timing=False,
            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        )
        try:
            client.execute()
        except CellExecutionError as error:
            print(f"error: a cell of {path} failed:\n{error}", file=sys.stderr)
            return 1
        nbformat.validate(notebook)
        target = path
        if arguments.copy_to:
            target = os.path.join(arguments.copy_to, os.path.basename(path))
        nbformat.write(notebook, target)
        print(f"executed: {path} -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
