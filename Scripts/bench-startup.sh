#!/usr/bin/env bash
# Warm start-up of `rxfacts extract` with the full default pipeline on one tiny text file (issue
# 15), several binaries interleaved run by run so a shared machine's load hits them alike: RUNS
# runs each (default 40) after one warm-up run each (which compiles the binary's own cache
# artifact); prints min, first quartile and median wall time per binary. A private cache
# directory is used (RXFACTS_CACHE_DIR), so other users of ~/.cache/rxfacts neither warm nor
# evict it. Wall time is taken around the process (Python's perf_counter), not by the program.
# Usage: Scripts/bench-startup.sh [BIN...]   (default .build/release/rxfacts)
# Env: RUNS (40), SKIP_BUILD=1 to not build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  [ -n "${SKIP_BUILD:-}" ] || swift build -c release --product rxfacts >/dev/null
  set -- .build/release/rxfacts
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rxfacts-startup.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
printf 'Diazepam belongs to the benzodiazepines and may cause drowsiness.\n' > "$WORK/tiny.txt"
export RXFACTS_CACHE_DIR="$WORK/cache"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
RUNS="${RUNS:-40}" python3 - "$WORK/tiny.txt" "$@" <<'PY'
import os, statistics, subprocess, sys, time
tiny, bins = sys.argv[1], sys.argv[2:]
runs = int(os.environ["RUNS"])
def start(binary):
    t = time.perf_counter()
    subprocess.run([binary, "extract", "-q", "-o", "/dev/null", tiny], check=True)
    return time.perf_counter() - t
for binary in bins: start(binary)  # warm-up: compiles this binary's artifact
times = {binary: [] for binary in bins}
for _ in range(runs):
    for binary in bins: times[binary].append(start(binary))
print("| binary | runs | min ms | p25 ms | median ms |")
print("|---|---|---|---|---|")
for binary in bins:
    t = sorted(times[binary])
    print(f"| {binary} | {runs} | {1000 * t[0]:.1f} | {1000 * t[len(t) // 4]:.1f} | {1000 * statistics.median(t):.1f} |")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(swift --version 2>&1 | head -1); shared with other users"
