#!/usr/bin/env bash
# Builds and installs Citus from its public source against the machine's PostgreSQL (issue #17, item 6). Not part of CI.
#   CITUS_SRC=<a checkout of github.com/citusdata/citus>  (default: clones it into /tmp/citus-src)
#   CITUS_REF=v13.2.2   the release to build: 13.x is the last line that supports PostgreSQL 15 (14.0 dropped it).
# Installs Debian's build dependencies first (as root). Idempotent: a second run rebuilds and reinstalls.
set -euo pipefail
CITUS_REF=${CITUS_REF:-v13.2.2}
CITUS_SRC=${CITUS_SRC:-/tmp/citus-src}
PG_CONFIG=${PG_CONFIG:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/pg_config}
major=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')

echo "Citus $CITUS_REF mot PostgreSQL $major (building against $PG_CONFIG)" >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "postgresql-server-dev-$major" build-essential autoconf flex bison \
  libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libssl-dev libselinux1-dev libxslt1-dev libpam0g-dev \
  libreadline-dev >/dev/null

if [ ! -f "$CITUS_SRC/configure" ]; then
  git clone --depth 1 --branch "$CITUS_REF" https://github.com/citusdata/citus.git "$CITUS_SRC"
fi
cd "$CITUS_SRC"

# PostgreSQL 15.14 and later export have_createdb_privilege() (commands/dbcommands.h), which Citus 13 still defines as
# a static fallback for 15 in pg_version_compat.h; the two clash. Use the server's own when its headers declare it.
server_includes=$("$PG_CONFIG" --includedir-server)
if grep -q 'extern bool have_createdb_privilege' "$server_includes/commands/dbcommands.h" 2>/dev/null; then
  python3 - src/include/pg_version_compat.h <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
patched = re.sub(r'static inline bool\nhave_createdb_privilege\(void\)\n\{.*?\n\}\n', '#include "commands/dbcommands.h"\n', text, count=1, flags=re.S)
open(path, 'w').write(patched)
PY
fi

./configure PG_CONFIG="$PG_CONFIG" >/dev/null
make -j"$(nproc)" with_llvm=no >/dev/null
make install with_llvm=no >/dev/null
echo "Citus installerad (installed): $("$PG_CONFIG" --pkglibdir)/citus.so" >&2
