#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (playwright-core drives it; no browser download).
# Source it and call chromium_install; FULLFOLJ_CHROMIUM overrides the path (default /usr/bin/chromium).

chromium_install() {
  local path=${FULLFOLJ_CHROMIUM:-/usr/bin/chromium}
  [ -x "$path" ] && return 0
  echo "Chromium saknas: installerar Debians paket chromium (installing Chromium with apt-get)…" >&2
  local run=()
  if [ "$(id -u)" != 0 ]; then sudo -n true 2>/dev/null || return 1; run=(sudo -n); fi
  ("${run[@]}" apt-get update -qq &&
    "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null) >&2 || return 1
  [ -x "$path" ]
}
