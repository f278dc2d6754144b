#!/usr/bin/env bash
# A Citus cluster on this machine's loopback: a coordinator and two workers (issue #17, item 6). Not part of CI.
# Source it, then:
#   citus_start [database]  → exports DATABASE_URL (the coordinator), CITUS_DIR, CITUS_PORTS; the database (default
#                             fullfolj) exists on every node with the citus extension, the workers registered.
#   citus_stop              → stops the three servers and removes CITUS_DIR.
# Built on scripts/postgres-server.sh (same binaries, trust on 127.0.0.1 only, fsync off: a server for measurements,
# never for data). Needs Citus installed into those binaries: scripts/citus/build.sh.
# shellcheck source=../postgres-server.sh
source "$(dirname "${BASH_SOURCE[0]}")/../postgres-server.sh"

citus_node_start() { # <dir> <port>
  local bin dir=$1 port=$2
  bin=$(pg_bindir)
  mkdir -p "$dir" && chown postgres:postgres "$dir" 2>/dev/null || true
  pg_run "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; return 1; }
  pg_run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
        -c max_connections=300 -c shared_preload_libraries=citus -c citus.enable_unsafe_triggers=on -c citus.propagate_set_commands=local \
        -c citus.multi_shard_modify_mode=sequential \
        -c max_worker_processes=32" start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
}

citus_psql() { # <port> <database> <sql>
  "$(pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d "$2" -c "$3"
}

citus_start() {
  local database=${1:-fullfolj} port
  pg_install || return 1
  [ -f "$(pg_bindir)/../lib/citus.so" ] || { echo "Citus saknas: kör scripts/citus/build.sh (Citus is not installed)." >&2; return 1; }
  CITUS_DIR=$(mktemp -d /tmp/fullfolj-citus.XXXXXX)
  chown postgres:postgres "$CITUS_DIR" 2>/dev/null || true
  CITUS_PORTS=""
  for node in coordinator worker1 worker2; do
    port=$(pg_free_port)
    citus_node_start "$CITUS_DIR/$node" "$port" || { citus_stop; return 1; }
    citus_psql "$port" postgres "CREATE DATABASE $database" >/dev/null
    citus_psql "$port" "$database" "CREATE EXTENSION citus" >/dev/null
    CITUS_PORTS="$CITUS_PORTS $port"
  done
  set -- $CITUS_PORTS
  citus_psql "$1" "$database" "SELECT citus_set_coordinator_host('127.0.0.1', $1)" >/dev/null
  citus_psql "$1" "$database" "SELECT citus_add_node('127.0.0.1', $2)" >/dev/null
  citus_psql "$1" "$database" "SELECT citus_add_node('127.0.0.1', $3)" >/dev/null
  export DATABASE_URL="postgres://postgres@127.0.0.1:$1/$database"
  export CITUS_DIR CITUS_PORTS
}

citus_stop() {
  [ -n "${CITUS_DIR:-}" ] || return 0
  local bin node
  bin=$(pg_bindir)
  for node in worker2 worker1 coordinator; do
    [ -f "$CITUS_DIR/$node/data/postmaster.pid" ] &&
      pg_run "$bin/pg_ctl" -D "$CITUS_DIR/$node/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  done
  rm -rf "$CITUS_DIR"
  unset CITUS_DIR CITUS_PORTS
}
