#!/usr/bin/env bash
# The test suite (or the files named) on a Citus cluster on this machine (issue #17, item 6). Not part of CI.
#   bash scripts/citus/test.sh src/server/db/tenancy src/ingest/ss12000/import-ss12000
# Each test file gets its own distributed database (scripts/citus/test-database.ts), which takes far longer than
# PostgreSQL's template copy: run the files that matter, not the whole suite, on a small machine.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/citus/cluster.sh
citus_start postgres_citus || exit 1
FULLFOLJ_TEST_DATABASE_FACTORY=scripts/citus/test-database.ts npm test -- "$@"
status=$?
citus_stop
exit $status
