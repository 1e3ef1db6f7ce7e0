#!/usr/bin/env bash
# Throughput of `rxfacts extract` on the seed leaflet replicated to ~50 MB, two ways:
#   many:  10,000 copies of the seed as separate files (the batch case)
#   one:   one 50 MB file of the seed repeated (the large-document case)
# Usage: Scripts/bench-extract.sh [jobs]   (release build; figures on stderr)
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS="${1:-$(nproc)}"
OUT=bench-out
SEED=Corpus/text/000_07aae011b33a312d.txt
swift build -c release --product rxfacts >/dev/null
BIN=.build/release/rxfacts
mkdir -p "$OUT/many"
if [ ! -f "$OUT/many/09999.txt" ]; then
  for i in $(seq -w 0 9999); do cp "$SEED" "$OUT/many/$i.txt"; done
fi
if [ ! -f "$OUT/one.txt" ]; then
  : > "$OUT/one.txt"
  while [ "$(stat -c %s "$OUT/one.txt")" -lt 50000000 ]; do cat "$SEED" "$SEED" "$SEED" "$SEED" "$SEED" "$SEED" "$SEED" "$SEED" >> "$OUT/one.txt"; done
fi
run() {
  local label=$1; shift
  local bytes=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/rss" "$BIN" extract -q "$@" > "$OUT/out.jsonl"
  t1=$(date +%s.%N)
  python3 - "$label" "$bytes" "$t0" "$t1" "$(cat "$OUT/rss")" "$JOBS" <<'PY'
import sys
label, size, t0, t1, rss, jobs = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
s = t1 - t0
print(f"{label:6s} {size/1e6:7.1f} MB  {s:6.2f} s  {size/1e6/s:7.1f} MB/s  peak RSS {rss/1024:.0f} MB  (jobs {jobs})")
PY
}
MANY_BYTES=$(( $(stat -c %s "$SEED") * 10000 ))
run many "$MANY_BYTES" --jobs "$JOBS" "$OUT/many"
run one "$(stat -c %s "$OUT/one.txt")" --jobs "$JOBS" "$OUT/one.txt"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
