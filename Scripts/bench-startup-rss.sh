#!/usr/bin/env bash
# Start-up and memory of `rxfacts extract` with the full default pipeline (issue 15):
#   start-up: one tiny text file, with an empty knowledge cache (cold: the first run compiles the
#             lexicons and writes the cache artifact) and then warm (median of RUNS), wall clock
#             and user+sys CPU seconds;
#   memory:   peak RSS (/usr/bin/time -v) of `extract --jobs 2 -o /dev/null` on the SPL corpus of
#             Scripts/bench-speed.sh (11 labels x60, ~98 MB) and on COPIES times it (~1 GB at the
#             default 10: hard links to the same files, so no extra disk), to show RSS is flat.
# A private cache directory is used (RXFACTS_CACHE_DIR), so other users of ~/.cache/rxfacts on a
# shared machine neither warm nor evict it.
# Usage: Scripts/bench-startup-rss.sh      Env: RUNS (5), COPIES (10), SPEED_DIR, SKIP_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
COPIES="${COPIES:-10}"
DIR="${SPEED_DIR:-${TMPDIR:-/tmp}/rxfacts-speed}"
if [ -z "${SKIP_BUILD:-}" ]; then swift build -c release --product rxfacts >/dev/null; fi
BIN=.build/release/rxfacts
if [ ! -f "$DIR/spl/.complete" ]; then
  RUNS=0 SKIP_BUILD=1 Scripts/bench-speed.sh /bin/true >/dev/null 2>&1 || true
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rxfacts-startup.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
printf 'Diazepam belongs to the benzodiazepines and may cause drowsiness.\n' > "$WORK/tiny.txt"
export RXFACTS_CACHE_DIR="$WORK/cache"

# timed LABEL ARGS...: prints "LABEL wall_s cpu_s rss_mb".
timed() {
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$WORK/time.txt" "$BIN" "$@" > /dev/null || true
  t1=$(date +%s.%N)
  awk -F': ' -v l="$label" -v a="$t0" -v b="$t1" '
    /User time|System time/ { cpu += $2 } /Maximum resident set size/ { rss = $2 }
    END { printf "%s %.3f %.3f %.0f\n", l, b - a, cpu, rss / 1024 }' "$WORK/time.txt"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| what | wall s | user+sys CPU s | peak RSS MB |"
echo "|---|---|---|---|"
timed cold extract -q "$WORK/tiny.txt" | awk '{printf "| start-up, cold (empty cache: compile + write artifact) | %.3f | %.3f | %d |\n", $2, $3, $4}'
for ((i = 0; i < RUNS; i++)); do timed warm extract -q "$WORK/tiny.txt"; done | sort -k2 -n | awk -v n="$RUNS" '
  { w[NR] = $2; c[NR] = $3; r[NR] = $4 }
  END { m = int((NR + 1) / 2); printf "| start-up, warm (median of %d; min %.3f) | %.3f | %.3f | %d |\n", n, w[1], w[m], c[m], r[m] }'
timed off extract -q "$WORK/tiny.txt" | awk '{printf "| start-up, warm again after the runs above | %.3f | %.3f | %d |\n", $2, $3, $4}'
RXFACTS_CACHE_DIR=off timed off extract -q "$WORK/tiny.txt" | awk '{printf "| start-up, cache off (RXFACTS_CACHE_DIR=off) | %.3f | %.3f | %d |\n", $2, $3, $4}'

# Memory: the SPL corpus once and COPIES times (hard links).
mkdir -p "$WORK/big"
for ((i = 1; i <= COPIES; i++)); do cp -al "$DIR/spl" "$WORK/big/c$i"; done
rm -f "$WORK"/big/*/.complete
small_mb=$(find "$DIR/spl" -type f -name '*.xml' -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s / 1e6}')
big_mb=$(find -L "$WORK/big" -type f -name '*.xml' -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s / 1e6}')
for run in "small $DIR/spl $small_mb" "big $WORK/big $big_mb"; do
  set -- $run
  timed "$1" extract -q --jobs 2 -o /dev/null "$2" | awk -v mb="$3" '{printf "| extract --jobs 2, SPL %d MB | %.1f | %.1f | %d |\n", mb, $2, $3, $4}'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>&1 | head -1); shared with other users"
