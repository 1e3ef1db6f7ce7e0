#!/usr/bin/env bash
# A DailyMed-scale run: builds a synthetic full release of N labels from the real SPL in
# Corpus/spl and ../shared/data/spl, then extracts it and loads it into SQLite, and prints wall
# time, CPU seconds, peak RSS, records and errors.
#
# The release is shaped like DailyMed's (dm_spl_release_human_rx_partK.zip, stored, holding one
# zip per label: prescription/YYYYMMDD_SETID.zip = SETID.xml + an image). Label i is source label
# i mod 11 with its setId and document id rewritten to distinct, deterministic UUIDs, so every
# label is its own document in the database. Generated data goes to $SCALE_DIR (default
# /tmp/rxfacts-dailymed), never into the repository; it is reused when N is unchanged.
#
# Usage: Scripts/dailymed-scale.sh [N]          (default 50000)
# Env:   JOBS (2), PER_PART (labels per release zip, 5000), SCALE_DIR, SKIP_BUILD=1,
#        MODE=db (extract --db sqlite:…, one command; default) or MODE=pipe (extract | load -),
#        KEEP_DB=1 keeps the database and the records for inspection.
# Not a test: it measures, it does not assert.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-50000}"
JOBS="${JOBS:-2}"
PER_PART="${PER_PART:-5000}"
MODE="${MODE:-db}"
DIR="${SCALE_DIR:-${TMPDIR:-/tmp}/rxfacts-dailymed}"
DATA="${RXFACTS_DATA:-../shared/data}"
[ -d "$DATA/spl" ] || DATA=/work/shared/data
if [ -z "${SKIP_BUILD:-}" ]; then swift build -c release --product rxfacts >/dev/null; fi
BIN=.build/release/rxfacts
RELEASE="$DIR/release-$N"
mkdir -p "$DIR"

# 1. The synthetic release (timed apart: it is set-up, not part of the run).
if [ ! -f "$RELEASE/.complete" ]; then
  rm -rf "$RELEASE"; mkdir -p "$RELEASE"
  t0=$(date +%s.%N)
  python3 Scripts/make_dailymed_release.py "$N" "$PER_PART" "$RELEASE" Corpus/spl "$DATA/spl"
  t1=$(date +%s.%N)
  touch "$RELEASE/.complete"
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "generated in %.0f s\n", b - a}' >&2
fi
XML_BYTES=$(cat "$RELEASE/.xml-bytes")
ZIP_BYTES=$(find "$RELEASE" -name '*.zip' -printf '%s\n' | awk '{s += $1} END {print s}')

# 2. Extract and load into a fresh SQLite database, timed as one run.
DB="$DIR/dailymed-$N.db"
rm -f "$DB" "$DB-wal" "$DB-shm" "$DIR/errors.jsonl" "$DIR/records.jsonl"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s.%N)
if [ "$MODE" = pipe ]; then
  /usr/bin/time -v -o "$DIR/time-extract.txt" "$BIN" extract --jobs "$JOBS" --errors "$DIR/errors.jsonl" \
      "$RELEASE" 2> "$DIR/extract.err" \
    | /usr/bin/time -v -o "$DIR/time-load.txt" "$BIN" load -q --db "sqlite:$DB" - 2> "$DIR/load.err"
else
  /usr/bin/time -v -o "$DIR/time-extract.txt" "$BIN" extract --jobs "$JOBS" --errors "$DIR/errors.jsonl" \
      --db "sqlite:$DB" "$RELEASE" 2> "$DIR/extract.err"
fi
t1=$(date +%s.%N)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

field() { awk -F': ' -v k="$2" '$1 ~ k {print $2}' "$1"; }
CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$DIR"/time-*.txt)
RSS=$(awk -F': ' '/Maximum resident set size/ {if ($2 > m) m = $2} END {printf "%.0f", m / 1024}' "$DIR"/time-*.txt)
DOCS=$(sqlite3 "$DB" 'SELECT count(*) FROM documents')
DISTINCT=$(sqlite3 "$DB" 'SELECT count(DISTINCT id) FROM documents')
FACTS=$(sqlite3 "$DB" 'SELECT count(*) FROM facts')
ERRORS=$(wc -l < "$DIR/errors.jsonl")
grep -E 'inputs|database:' "$DIR/extract.err" | sed 's/^/  /' || true
awk -v a="$t0" -v b="$t1" -v n="$N" -v xml="$XML_BYTES" -v zip="$ZIP_BYTES" -v cpu="$CPU" -v rss="$RSS" \
    -v docs="$DOCS" -v distinct="$DISTINCT" -v facts="$FACTS" -v errors="$ERRORS" -v mode="$MODE" -v jobs="$JOBS" 'BEGIN {
  s = b - a
  printf "| labels | zips MB | XML MB | mode | jobs | wall s | user+sys CPU s | labels/s | XML MB/s | peak RSS MB | documents in db | distinct ids | facts | errors |\n"
  printf "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
  printf "| %d | %.0f | %.0f | %s | %d | %.1f | %.1f | %.0f | %.1f | %d | %d | %d | %d | %d |\n",
    n, zip / 1e6, xml / 1e6, mode, jobs, s, cpu, n / s, xml / 1e6 / s, rss, docs, distinct, facts, errors }'
echo "database: $(du -h "$DB" | cut -f1) ($DB)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>&1 | head -1); shared with other users"
[ -n "${KEEP_DB:-}" ] || rm -f "$DB" "$DB-wal" "$DB-shm"
