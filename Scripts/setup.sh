#!/usr/bin/env bash
# Installs the Debian packages rxfacts builds against, when missing. Idempotent; needs root
# (or sudo) only when something is missing.
set -euo pipefail
need=()
for pkg in libxml2-dev libsqlite3-dev libpq-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
