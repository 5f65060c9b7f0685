#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on loopback, its URL in TALLY_TEST_PG.
# The server lives in a temporary folder, runs as a non-root user on a free port, trusts only
# local connections, and is stopped and removed when the command ends. Without PostgreSQL's
# server programs the command runs alone (the tests that need the server say they are skipped),
# unless TALLY_REQUIRE_PG=1 (CI), which makes that an error.
#
#   scripts/with-postgres.sh swift test
set -euo pipefail

bindir=""
for dir in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin; do
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then bindir="$dir"; fi
done
if [ -z "$bindir" ]; then
  if [ "${TALLY_REQUIRE_PG:-}" = 1 ]; then
    echo "error: PostgreSQL server programs not found (install postgresql)" >&2
    exit 1
  fi
  echo "note: PostgreSQL server programs not found; running without the parity tests" >&2
  exec "$@"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/tally-pg.XXXXXX")"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root.
  chown nobody "$work"
  as_owner=(runuser -u nobody --)
fi

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$work/data" -U tally --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bindir/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
  || { cat "$work/server.log" >&2; exit 1; }

export TALLY_TEST_PG="postgresql://tally@127.0.0.1:$port/postgres"
# `$TALLY_TEST_PG_CTL stop|start` stops (immediate or fast: `stop fast`) and starts this server again,
# for tests of a session that outlives its server.
cat >"$work/ctl" <<CTL
#!/usr/bin/env bash
set -euo pipefail
case "\$1" in
  stop) ${as_owner[*]} "$bindir/pg_ctl" -D "$work/data" -m "\${2:-immediate}" -w stop >/dev/null ;;
  start) ${as_owner[*]} "$bindir/pg_ctl" -D "$work/data" -l "$work/server.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ;;
  *) echo "usage: \$0 stop [immediate|fast] | start" >&2; exit 2 ;;
esac
CTL
chmod +x "$work/ctl"
export TALLY_TEST_PG_CTL="$work/ctl"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway)" >&2
"$@"
