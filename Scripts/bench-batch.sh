#!/usr/bin/env bash
# Batch throughput of `rxfacts extract` on corpora generated from the real leaflets in
# ../shared/data (eval-only data: read here, written only to bench-out/, never committed):
#   text:  the 32 EMA leaflet texts (leaflets-ema/) copied until the corpus is >= SIZE_MB
#   spl:   the 11 DailyMed SPL XML files (spl/) copied until >= SIZE_MB
#   zip:   the SPL corpus packed DailyMed-style: one zip per label (XML + an image) inside release zips
# For each: MB/s and docs/s with --jobs 1 and --jobs 2, peak RSS (/usr/bin/time -v), and the
# start-up time (extract of one tiny file). Usage: Scripts/bench-batch.sh [SIZE_MB]  (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB="${1:-200}"
DATA="${RXFACTS_DATA:-../shared/data}"
[ -d "$DATA/leaflets-ema" ] || DATA=/work/shared/data
OUT=bench-out/batch
mkdir -p "$OUT"
swift build -c release --product rxfacts >/dev/null
BIN=.build/release/rxfacts

# make_corpus NAME SRC_GLOB: copies of the sources under $OUT/NAME/rNNNN/ until >= SIZE_MB.
make_corpus() {
  local name=$1 src=$2 ext=$3
  local dir="$OUT/$name-$SIZE_MB"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    local set_bytes; set_bytes=$(cat "$src"/*."$ext" | wc -c)
    local copies=$(( (SIZE_MB * 1000000 + set_bytes - 1) / set_bytes ))
    for i in $(seq -w 1 "$copies"); do mkdir "$dir/r$i"; cp "$src"/*."$ext" "$dir/r$i/"; done
    touch "$dir/.complete"
  fi
  echo "$dir"
}

# make_zip_corpus: each SPL copy as its own label zip (XML + a small PNG), 100 labels per release zip.
make_zip_corpus() {
  local spl_dir=$1 dir="$OUT/zip-$SIZE_MB"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir" "$OUT/zip-tmp"; mkdir -p "$dir" "$OUT/zip-tmp"
    printf '\x89PNG\r\n\x1a\n' > "$OUT/zip-tmp/logo.png"; head -c 2000 /dev/urandom >> "$OUT/zip-tmp/logo.png"
    local n=0 part=0
    for f in $(find "$spl_dir" -name '*.xml' | sort); do
      n=$((n + 1))
      cp "$f" "$OUT/zip-tmp/label.xml"
      (cd "$OUT/zip-tmp" && zip -q -X "label-$n.zip" label.xml logo.png)
      if [ $((n % 100)) -eq 0 ]; then
        part=$((part + 1)); (cd "$OUT/zip-tmp" && zip -q -X -0 "../zip-$SIZE_MB/release-$part.zip" label-*.zip && rm label-*.zip)
      fi
    done
    if ls "$OUT/zip-tmp"/label-*.zip >/dev/null 2>&1; then
      part=$((part + 1)); (cd "$OUT/zip-tmp" && zip -q -X -0 "../zip-$SIZE_MB/release-$part.zip" label-*.zip)
    fi
    rm -rf "$OUT/zip-tmp"; touch "$dir/.complete"
  fi
  echo "$dir"
}

TEXT=$(make_corpus text "$DATA/leaflets-ema" txt)
SPL=$(make_corpus spl "$DATA/spl" xml)
ZIP=$(make_zip_corpus "$SPL")

# run LABEL JOBS DOCS BYTES INPUT...: one timed run, one result line.
run() {
  local label=$1 jobs=$2 docs=$3 bytes=$4; shift 4
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$OUT/time.txt" "$BIN" extract -q --jobs "$jobs" -o "$OUT/out.jsonl" "$@" || true
  t1=$(date +%s.%N)
  local rss; rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$OUT/time.txt")
  local cpu; cpu=$(awk -F: '/User time|System time/ {s += $2} END {print s}' "$OUT/time.txt")
  local records; records=$(wc -l < "$OUT/out.jsonl")
  python3 - "$label" "$jobs" "$docs" "$records" "$bytes" "$t0" "$t1" "$rss" "$cpu" <<'PY'
import sys
label, jobs, docs, records, size, t0, t1, rss, cpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7]), int(sys.argv[8]), float(sys.argv[9])
s = t1 - t0
print(f"| {label:5s} | {jobs} | {docs:6d} | {records:6d} | {size/1e6:7.1f} | {s:7.2f} | {size/1e6/s:6.1f} | {size/1e6/s/jobs:6.1f} | {size/1e6/cpu:6.1f} | {docs/s:7.0f} | {rss/1024:5.0f} |")
PY
}

count_bytes() { find "$1" -type f "${@:2}" -printf '%s\n' | awk '{s += $1} END {print s}'; }
TEXT_DOCS=$(find "$TEXT" -name '*.txt' | wc -l); TEXT_BYTES=$(count_bytes "$TEXT" -name '*.txt')
SPL_DOCS=$(find "$SPL" -name '*.xml' | wc -l); SPL_BYTES=$(count_bytes "$SPL" -name '*.xml')

# MB/CPU-s = MB per second of user+system CPU time: the per-core speed, less sensitive to other load.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| corpus | jobs | docs | records | MB | s | MB/s | MB/s/job | MB/CPU-s | docs/s | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for jobs in 1 2; do
  run text "$jobs" "$TEXT_DOCS" "$TEXT_BYTES" "$TEXT"
  run spl "$jobs" "$SPL_DOCS" "$SPL_BYTES" "$SPL"
done
# The zip corpus: MB are the XML bytes inside (same labels as spl), read from zips of zips.
run zip 2 "$SPL_DOCS" "$SPL_BYTES" "$ZIP"

# Start-up: wall time of extract on one 80-byte leaflet, best of 5.
printf 'Diazepam belongs to the benzodiazepines and may cause drowsiness.\n' > "$OUT/tiny.txt"
best=999
for _ in 1 2 3 4 5; do
  t0=$(date +%s.%N); "$BIN" extract -q "$OUT/tiny.txt" > /dev/null; t1=$(date +%s.%N)
  best=$(python3 -c "print(min($best, $t1 - $t0))")
done
python3 -c "print(f'start-up (extract of one tiny file, best of 5): {$best * 1000:.0f} ms')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>&1 | head -1)"
