#!/usr/bin/env bash
# End-to-end speed of `rxfacts extract` on the two corpora of issue 15, built from the real
# leaflets in ../shared/data (eval-only: written to a temp dir only, never committed):
#   text: the 32 EMA leaflet texts x150 (4,800 files, ~88 MB)
#   spl:  the 11 DailyMed SPL labels x60 (660 files, ~98 MB)
# Each is timed RUNS times (`extract DIR --jobs 2 -o /dev/null`, wall clock, start-up included);
# the median MB/s is reported, with CPU-seconds and peak RSS of the median run. Then start-up:
# wall time of `extract` on one tiny file, median of RUNS*3.
# Usage: Scripts/bench-speed.sh [BIN...]   (default .build/release/rxfacts; several binaries are
#        measured interleaved, run by run, so a shared machine's load hits them alike)
# Env: RUNS (default 5), JOBS (default 2), SPEED_DIR (corpus dir, default $TMPDIR/rxfacts-speed),
#      RXFACTS_DATA (default ../shared/data), SKIP_BUILD=1 to not build.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
JOBS="${JOBS:-2}"
DATA="${RXFACTS_DATA:-../shared/data}"
[ -d "$DATA/leaflets-ema" ] || DATA=/work/shared/data
DIR="${SPEED_DIR:-${TMPDIR:-/tmp}/rxfacts-speed}"
if [ $# -eq 0 ]; then
  [ -n "${SKIP_BUILD:-}" ] || swift build -c release --product rxfacts >/dev/null
  set -- .build/release/rxfacts
fi

# make_corpus NAME SRC EXT COPIES: COPIES copies of SRC/*.EXT under DIR/NAME/rNNN/.
make_corpus() {
  local name=$1 src=$2 ext=$3 copies=$4 out="$DIR/$1"
  if [ ! -f "$out/.complete" ]; then
    rm -rf "$out"; mkdir -p "$out"
    for i in $(seq -w 1 "$copies"); do mkdir "$out/r$i"; cp "$src"/*."$ext" "$out/r$i/"; done
    touch "$out/.complete"
  fi
}
make_corpus text "$DATA/leaflets-ema" txt 150
make_corpus spl "$DATA/spl" xml 60
printf 'Diazepam belongs to the benzodiazepines and may cause drowsiness.\n' > "$DIR/tiny.txt"
bytes() { find "$1" -type f ! -name .complete -printf '%s\n' | awk '{s += $1} END {print s}'; }
TEXT_BYTES=$(bytes "$DIR/text"); SPL_BYTES=$(bytes "$DIR/spl")

# run BIN CORPUS: one timed run; prints "seconds cpu_seconds rss_kb".
run() {
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f '%U %S %M' -o "$DIR/time.txt" "$1" extract -q --jobs "$JOBS" -o /dev/null "$2" || true
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" '{printf "%.4f %.3f %d\n", b - a, $1 + $2, $3}' "$DIR/time.txt"
}
startup() {
  local t0 t1
  t0=$(date +%s.%N); "$1" extract -q "$DIR/tiny.txt" > /dev/null; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f\n", b - a}'
}
# One warm-up of each (page cache, compiled knowledge cache), not counted.
for bin in "$@"; do startup "$bin" > /dev/null; done
declare -A RES
for ((r = 0; r < RUNS; r++)); do
  for bin in "$@"; do
    RES["$bin text"]+="$(run "$bin" "$DIR/text")"$'\n'
    RES["$bin spl"]+="$(run "$bin" "$DIR/spl")"$'\n'
    for _ in 1 2 3; do RES["$bin start"]+="$(startup "$bin")"$'\n'; done
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); runs: $RUNS; jobs: $JOBS"
echo "| binary | corpus | MB | median s | median MB/s | min-max MB/s | CPU s | MB/CPU-s | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|---|"
for bin in "$@"; do
  for corpus in text spl; do
    size=$TEXT_BYTES; [ "$corpus" = spl ] && size=$SPL_BYTES
    printf '%s' "${RES["$bin $corpus"]}" | sort -n | awk -v bin="$bin" -v c="$corpus" -v size="$size" '
      { s[NR] = $1; cpu[NR] = $2; rss[NR] = $3 }
      END { m = int((NR + 1) / 2); mb = size / 1e6
            printf "| %s | %s | %.1f | %.2f | %.1f | %.1f-%.1f | %.1f | %.1f | %.0f |\n", bin, c, mb, s[m], mb / s[m], mb / s[NR], mb / s[1], cpu[m], mb / cpu[m], rss[m] / 1024 }'
  done
  printf '%s' "${RES["$bin start"]}" | sort -n | awk -v bin="$bin" '
    { s[NR] = $1 } END { m = int((NR + 1) / 2); printf "| %s | start-up (one tiny file) | | %.3f | | min %.3f | | | |\n", bin, s[m], s[1] }'
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>&1 | head -1); shared with other users"
