#!/usr/bin/env bash
# Installs the Debian packages rxfacts builds against, when missing. Idempotent; needs root
# (or sudo) only when something is missing.
#   --with-chromium  also headless Chromium, for the report's browser test and
#                    Scripts/render-report.sh (apt-get update + install: ~70 s on the project machine)
set -euo pipefail
packages=(libxml2-dev libsqlite3-dev libpq-dev pkg-config)
[ "${1:-}" = "--with-chromium" ] && packages+=(chromium)
need=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
