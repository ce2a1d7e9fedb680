#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for CI and prints its base URL (no database name).
# Debian's package is installed when the machine lacks it. The cluster lives in a temporary folder,
# trusts local connections, and skips fsync: test data only.
# Usage: base=$(bash .ci/postgres.sh)   then   DATABASE_URL="$base/gatehouse"
#        bash .ci/postgres.sh stop          stops the one on this port and removes its folder
set -euo pipefail
# Everything below uses absolute paths; the postgres user may not enter the folder this was run from.
cd /
port="${CI_POSTGRES_PORT:-55432}"
as_owner=()
# PostgreSQL refuses to run as root; Debian's package made the postgres user.
[ "$(id -u)" = 0 ] && as_owner=(runuser -u postgres --)

if [ "${1:-}" = "stop" ]; then
  for data in /tmp/gatehouse-postgres.*/data; do
    # Line 4 of postmaster.pid is the port the server listens on.
    [ "$(sed -n 4p "$data/postmaster.pid" 2>/dev/null)" = "$port" ] || continue
    bin=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" | sort -V | tail -n 1)")
    "${as_owner[@]}" "$bin/pg_ctl" -D "$data" stop -m fast >&2 || true
    rm -rf "$(dirname "$data")"
  done
  exit 0
fi

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi
bin=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1)")

dir=$(mktemp -d /tmp/gatehouse-postgres.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$dir"
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres >&2
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
for database in gatehouse gatehouse_test; do
  "${as_owner[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database" >&2
done
echo "postgresql://postgres@127.0.0.1:$port"
