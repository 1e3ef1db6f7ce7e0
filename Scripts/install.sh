#!/usr/bin/env bash
# Installs rxfacts with its default pipeline, so `rxfacts extract FILE` works from any directory
# without an environment variable:
#   PREFIX/bin/rxfacts
#   PREFIX/share/rxfacts/Pipelines/          default.yaml, core.yaml, lexicons (+ licences/), rules
#   PREFIX/share/doc/rxfacts/                LICENSE, NOTICE, README.md, docs
# rxfacts finds PREFIX/share/rxfacts/Pipelines/default.yaml from the directory of its binary.
#
# Usage: Scripts/install.sh [--binary PATH] [--static] [PREFIX]      (PREFIX default: /usr/local)
#   --binary PATH  install this already-built rxfacts instead of building a release one
#   --static       link the Swift runtime statically (the binary then runs without a Swift toolchain;
#                  libxml2, SQLite and libpq stay shared system libraries)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=/usr/local
binary=""
static=()
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --static) static=(--static-swift-stdlib); shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "install: unknown option $1" >&2; exit 2 ;;
    *) prefix="$1"; shift ;;
  esac
done
if [ -z "$binary" ]; then
  swift build -c release --product rxfacts ${static[@]+"${static[@]}"} >&2
  binary="$(swift build -c release --product rxfacts ${static[@]+"${static[@]}"} --show-bin-path)/rxfacts"
fi
[ -x "$binary" ] || { echo "install: $binary is not an executable" >&2; exit 2; }
share="$prefix/share/rxfacts"
doc="$prefix/share/doc/rxfacts"
install -d "$prefix/bin" "$share" "$doc"
install -m 755 "$binary" "$prefix/bin/rxfacts"
# The pipeline as one unit: a stale lexicon from an older install must not stay behind.
rm -rf "$share/Pipelines.new"
cp -R Pipelines "$share/Pipelines.new"
rm -rf "$share/Pipelines"
mv "$share/Pipelines.new" "$share/Pipelines"
cp LICENSE NOTICE README.md "$doc/"
rm -rf "$doc/docs"
cp -R docs "$doc/docs"
version=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/RxFacts/Model/Provenance.swift)
echo "install: rxfacts $version → $prefix/bin/rxfacts, pipeline $share/Pipelines/default.yaml" >&2
