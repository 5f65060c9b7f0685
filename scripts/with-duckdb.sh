#!/usr/bin/env bash
# Runs a command with DuckDB's Python package at hand, the interpreter's path in TALLY_TEST_DUCKDB,
# for the DuckDB parity tests. The package lives in a virtualenv under .venv-duckdb (ignored by
# git), installed from PyPI on first use. Without python3's venv or PyPI the command runs alone
# (the tests that need DuckDB say they are skipped), unless TALLY_REQUIRE_DUCKDB=1 (CI).
#
#   scripts/with-duckdb.sh swift test
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv-duckdb"
command=("$@")

missing() {
  if [ "${TALLY_REQUIRE_DUCKDB:-}" = 1 ]; then
    echo "error: $1" >&2
    exit 1
  fi
  echo "note: $1; running without the DuckDB parity tests" >&2
  exec "${command[@]}"
}

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >/dev/null 2>&1 || { rm -rf "$venv"; missing "cannot create a virtualenv (install python3-venv)"; }
fi
if ! "$venv/bin/python" -c 'import duckdb' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check duckdb || missing "cannot install duckdb from PyPI"
fi

export TALLY_TEST_DUCKDB="$venv/bin/python"
echo "DuckDB $("$venv/bin/python" -c 'import duckdb; print(duckdb.__version__)') (Python package, $venv)" >&2
exec "$@"
