#!/bin/sh
# Measure rxfacts on the public gold sets (eval only; not part of `swift test`).
# Usage: Scripts/eval.sh [DATA_DIR] [extra rxfacts eval options]
# DATA_DIR defaults to ../shared/data; the gold files are read there and never copied.
set -eu
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
[ $# -gt 0 ] && shift
swift build -c release --product rxfacts >&2
exec .build/release/rxfacts eval --data "$data" --pipeline Pipelines/default.yaml "$@"
