#!/usr/bin/env bash
# Proves two rxfacts binaries write byte-identical records: the bundled corpus (Corpus/text,
# Corpus/spl), the 32 EMA leaflets and the 11 DailyMed SPL labels from ../shared/data (when
# present). Exit status 1 and the first differing lines on any difference.
# Usage: Scripts/compare-output.sh BASE_BIN [NEW_BIN]   (NEW_BIN default .build/release/rxfacts)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE="${1:?usage: compare-output.sh BASE_BIN [NEW_BIN]}"
NEW="${2:-.build/release/rxfacts}"
DATA="${RXFACTS_DATA:-../shared/data}"
[ -d "$DATA/leaflets-ema" ] || DATA=/work/shared/data
OUT=$(mktemp -d "${TMPDIR:-/tmp}/rxfacts-compare.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
status=0
compare() {
  local name=$1; shift
  "$BASE" extract -q --jobs 2 -o "$OUT/$name.base.jsonl" "$@" || true
  "$NEW" extract -q --jobs 2 -o "$OUT/$name.new.jsonl" "$@" || true
  if cmp -s "$OUT/$name.base.jsonl" "$OUT/$name.new.jsonl"; then
    echo "identical: $name ($(wc -l < "$OUT/$name.new.jsonl") records, $(wc -c < "$OUT/$name.new.jsonl") bytes)"
  else
    echo "DIFFERENT: $name"; diff "$OUT/$name.base.jsonl" "$OUT/$name.new.jsonl" | head -c 3000; echo; status=1
  fi
}
compare corpus Corpus/text Corpus/spl
if [ -d "$DATA/leaflets-ema" ]; then compare ema "$DATA/leaflets-ema"; else echo "skipped: ema ($DATA/leaflets-ema absent)"; fi
if [ -d "$DATA/spl" ]; then compare spl "$DATA/spl"; else echo "skipped: spl ($DATA/spl absent)"; fi
exit $status
