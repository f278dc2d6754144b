#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on a free loopback port from the machine's binaries
# (installing Debian's postgresql package when they are missing). Source it, then call
#   pg_start → exports DATABASE_URL, PG_DIR, PG_PORT;   pg_stop → stops the server and removes PG_DIR.
# Shared by .ci/run and the benchmarks (bench/postgres.ts), so that both start servers the same way.
# PG_BINDIR picks the server binaries (default: the newest /usr/lib/postgresql/*/bin).
# Trust authentication on 127.0.0.1 only (no TCP elsewhere), fsync off: a server for tests, never for data.

# The PostgreSQL bin directory: PG_BINDIR when set (then only that one), else the newest one Debian installed.
pg_bindir() {
  local d
  if [ -n "${PG_BINDIR:-}" ]; then
    [ -x "$PG_BINDIR/initdb" ] && { echo "$PG_BINDIR"; return 0; }
    return 1
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

# Root directly, otherwise through sudo when it works without a password.
pg_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif sudo -n true 2>/dev/null; then sudo -n "$@"; else return 1; fi
}

# Installs Debian's postgresql package when no server binaries are there (a fresh CI machine).
pg_install() {
  pg_bindir >/dev/null && return 0
  if [ -n "${PG_BINDIR:-}" ]; then echo "PG_BINDIR=$PG_BINDIR has no initdb." >&2; return 1; fi
  echo "PostgreSQL saknas: installerar Debians paket postgresql (installing PostgreSQL with apt-get)…" >&2
  # No main cluster on port 5432: this script starts its own servers.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    pg_as_root mkdir -p /etc/postgresql-common &&
      echo 'create_main_cluster = false' | pg_as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  (pg_as_root apt-get update -qq &&
    pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql >/dev/null) >&2 || return 1
  pg_bindir >/dev/null
}

# A free TCP port on 127.0.0.1 (asks the kernel for one).
pg_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root), from /, since
# the postgres user may not be allowed into the current directory (every path given is absolute).
pg_run() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_start() {
  pg_install || return 1
  local bin
  bin=$(pg_bindir)
  PG_DIR=$(mktemp -d /tmp/fullfolj-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
  PG_PORT=$(pg_free_port)
  pg_run "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; pg_stop; return 1; }
  # listen_addresses=127.0.0.1 and a socket in PG_DIR: trust reaches nobody beyond this machine's loopback.
  pg_run "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; pg_stop; return 1; }
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_DIR PG_PORT
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  local bin
  if bin=$(pg_bindir) && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    pg_run "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  unset PG_DIR PG_PORT
}
