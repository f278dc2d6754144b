#!/usr/bin/env bash
# Each test file on its own against one Citus cluster, PARALLEL files at a time, one log per file and a line per file
# in $OUT/results.txt as it ends (ok/fail, seconds) — for a long run that must report what it got so far. Not part of CI.
#   OUT=/tmp/citus-suite PARALLEL=3 bash scripts/citus/test-each.sh src/server src/ingest
# results.txt is appended to, so a second run into the same OUT adds its lines.
# The arguments filter the files like `npm test` (substrings of their paths); browser tests (test/e2e) are left out.
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/citus-suite}
PARALLEL=${PARALLEL:-2}
mkdir -p "$OUT"
touch "$OUT/results.txt"
# FILES_FROM: a file of test paths, run in that order (e.g. one per module first), instead of the filters.
if [ -n "${FILES_FROM:-}" ]; then files=$(cat "$FILES_FROM"); else files=$(find src test -name '*.test.ts' -not -path 'test/e2e/*' | sort | while read -r f; do
  for x in "$@"; do case "$f" in *"$x"*) echo "$f"; break ;; esac; done
done); fi
source scripts/citus/cluster.sh
citus_start postgres_citus || exit 1
export FULLFOLJ_TEST_DATABASE_FACTORY=scripts/citus/test-database.ts OUT
# shellcheck disable=SC2016
echo "$files" | xargs -P "$PARALLEL" -I{} bash -c '
  f={}; log="$OUT/$(echo "$f" | tr / _).log"; start=$(date +%s)
  if node --import tsx --test "$f" >"$log" 2>&1; then r=ok; else r=fail; fi
  echo "$r $(( $(date +%s) - start ))s $f" >>"$OUT/results.txt"'
citus_stop
# grep -c exits 1 when it counts nothing; the script's own status is whether any file failed.
passed=$(grep -c '^ok' "$OUT/results.txt" || true)
failed=$(grep -c '^fail' "$OUT/results.txt" || true)
echo "$passed files passed"
echo "$failed files failed"
[ "$failed" -eq 0 ]
