#!/usr/bin/env bash
# Installs the peers (DuckDB, Polars) from PyPI into a virtualenv under bench/.venv (ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
if ! .venv/bin/python -c 'import duckdb, polars' 2>/dev/null; then
  .venv/bin/pip install --quiet --disable-pip-version-check duckdb polars
fi
.venv/bin/python -c 'import duckdb, polars; print(f"duckdb {duckdb.__version__}, polars {polars.__version__}")'
