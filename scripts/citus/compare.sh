#!/usr/bin/env bash
# `national night` on one PostgreSQL node and on a Citus cluster (a coordinator and two workers) on this machine, one
# after the other, with the same benchmark code and size (issue #17, item 6). Not part of CI. Prints one JSON line each.
#   BENCH_NATIONAL_STUDENTS=150000 bash scripts/citus/compare.sh
# Needs Citus built into the machine's PostgreSQL first: bash scripts/citus/build.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/citus/cluster.sh

echo "== en nod (one node)" >&2
pg_start || exit 1
"$(pg_bindir)/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c 'CREATE DATABASE fullfolj' postgres
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/fullfolj" npx tsx scripts/citus/national-night.ts --json
single=$?
pg_stop

echo "== Citus: koordinator och två arbetare (coordinator and two workers)" >&2
citus_start fullfolj || exit 1
npx tsx scripts/citus/national-night.ts --citus --json
distributed=$?
citus_stop
exit $((single || distributed))
