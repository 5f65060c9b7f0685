#!/usr/bin/env bash
# Installs the system packages Tally builds against, when they are missing (Debian/Ubuntu).
set -euo pipefail

missing=()
pkg-config --exists libedit 2>/dev/null || missing+=(libedit-dev)
pkg-config --exists libpq 2>/dev/null || missing+=(libpq-dev)
pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
# The tests run the queries on a throwaway PostgreSQL server too (scripts/with-postgres.sh).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# ... and on DuckDB, through its Python package in a virtualenv (scripts/with-duckdb.sh).
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# The fault suite kills tally at exact points of a cache write with strace's fault injection.
command -v strace >/dev/null 2>&1 || missing+=(strace)
# The HTML report is checked in a real browser: headless Chromium renders it.
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: Tally needs ${missing[*]}; install them with your system's package manager" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing ${missing[*]}" >&2
$sudo apt-get update -qq >/dev/null || true
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
