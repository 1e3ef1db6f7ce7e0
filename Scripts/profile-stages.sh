#!/usr/bin/env bash
# Per-stage throughput (one thread, best of ROUNDS) with the rxfacts-bench target on the two
# corpora of Scripts/bench-speed.sh (a slice of each: the first SLICES copies), so a before/after
# per stage is one command. Pass a bench binary to compare (default .build/release/rxfacts-bench).
# Usage: Scripts/profile-stages.sh [BENCH_BIN]   Env: ROUNDS (3), TEXT_SLICES (10), SPL_SLICES (5)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${SPEED_DIR:-${TMPDIR:-/tmp}/rxfacts-speed}"
BENCH="${1:-}"
if [ -z "$BENCH" ]; then
  swift build -c release --product rxfacts-bench >/dev/null
  BENCH=.build/release/rxfacts-bench
fi
# The corpora are built by bench-speed.sh; build them without timing anything if missing.
if [ ! -f "$DIR/text/.complete" ] || [ ! -f "$DIR/spl/.complete" ]; then
  RUNS=0 SKIP_BUILD=1 Scripts/bench-speed.sh /bin/true >/dev/null 2>&1 || true
fi
mapfile -t TEXT < <(ls -d "$DIR"/text/r* | head -"${TEXT_SLICES:-10}")
mapfile -t SPL < <(ls -d "$DIR"/spl/r* | head -"${SPL_SLICES:-5}")
echo "## text (EMA leaflets, ${#TEXT[@]} copies)"
"$BENCH" --rounds "${ROUNDS:-3}" "${TEXT[@]}"
echo "## spl (DailyMed SPL, ${#SPL[@]} copies)"
"$BENCH" --rounds "${ROUNDS:-3}" "${SPL[@]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); machine: $(nproc) cores, shared with other users"
