#!/usr/bin/env bash
# Runs the recipes of docs/scale.md locally and checks each against a single-process run.
#
#   k8s:   the command of docs/scale/rxfacts-indexed-job.yaml, run as WORKERS concurrent local
#          processes with JOB_COMPLETION_INDEX=0..WORKERS-1 (what the Indexed Job's pods do), all
#          loading into one PostgreSQL (.ci/postgres.sh, own port and directory). Checks: every
#          worker exits 0, and the documents table (id, version, record_hash) and the row counts
#          of every table equal those of one `rxfacts extract --db sqlite:…` over the same corpus.
#          Then one worker is run again (a retried pod): nothing may change.
#   spark: Scripts/spark_extract.py (pyspark RDD.pipe over a file list into
#          `rxfacts extract --files-from -`) in local mode, local[2]; checks that the sorted output
#          lines are byte-identical to one `rxfacts extract --files-from LIST`. Skipped, with the
#          reason, when Java or pyspark is missing (pyspark is installed into bench-out/venv-spark
#          with pip on first use).
#
# Corpus (generated into $SCALE_DIR, default /tmp/rxfacts-scale; nothing is written to the repo):
# a synthetic DailyMed release of LABELS labels (Scripts/make_dailymed_release.py, 250 labels per
# release zip: zips of zips) and TEXT_COPIES copies of the EMA leaflet texts of ../shared/data.
#
# Usage: Scripts/scale-recipes.sh [k8s|spark|all]     (default all)
# Env:   WORKERS (4), LABELS (1000), TEXT_COPIES (10), SCALE_DIR, SKIP_BUILD=1,
#        RXFACTS_PG_PORT (54339), RXFACTS_PG_DIR (/tmp/rxfacts-pg-scale): the throwaway server.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WHAT="${1:-all}"
WORKERS="${WORKERS:-4}"
LABELS="${LABELS:-1000}"
TEXT_COPIES="${TEXT_COPIES:-10}"
DIR="${SCALE_DIR:-${TMPDIR:-/tmp}/rxfacts-scale}"
DATA="${RXFACTS_DATA:-../shared/data}"
[ -d "$DATA/leaflets-ema" ] || DATA=/work/shared/data
if [ -z "${SKIP_BUILD:-}" ]; then swift build -c release --product rxfacts >/dev/null; fi
BIN="$ROOT/.build/release/rxfacts"
MANIFEST=docs/scale/rxfacts-indexed-job.yaml
mkdir -p "$DIR"
log() { echo "scale-recipes: $*" >&2; }
fail() { echo "FAIL: $*"; exit 1; }

# The corpus: one directory, as a volume mounted into every pod would be.
CORPUS="$DIR/corpus-$LABELS-$TEXT_COPIES"
if [ ! -f "$CORPUS/.complete" ]; then
  rm -rf "$CORPUS"; mkdir -p "$CORPUS/release" "$CORPUS/text"
  python3 Scripts/make_dailymed_release.py "$LABELS" 250 "$CORPUS/release" Corpus/spl "$DATA/spl"
  rm -f "$CORPUS/release/.xml-bytes"
  for i in $(seq -w 1 "$TEXT_COPIES"); do
    for f in "$DATA"/leaflets-ema/*.txt; do cp "$f" "$CORPUS/text/r$i-$(basename "$f")"; done
  done
  touch "$CORPUS/.complete"
fi
INPUTS=$(find "$CORPUS/release" "$CORPUS/text" -type f \( -name '*.zip' -o -name '*.txt' \) | wc -l)
log "corpus $CORPUS: $LABELS SPL labels in $(ls "$CORPUS/release" | wc -l) release zips, $(ls "$CORPUS/text" | wc -l) texts"

run_k8s() {
  echo "## Kubernetes Indexed Job, simulated: $WORKERS workers -> one PostgreSQL"
  local port="${RXFACTS_PG_PORT:-54339}" pgdir="${RXFACTS_PG_DIR:-/tmp/rxfacts-pg-scale}"
  local env_line
  env_line=$(RXFACTS_PG_PORT=$port RXFACTS_PG_DIR=$pgdir RXFACTS_PG_DB=rxfacts_scale .ci/postgres.sh) \
    || fail "could not start PostgreSQL (.ci/postgres.sh)"
  eval "$env_line"
  local url=$RXFACTS_TEST_POSTGRES_URL
  psql -q "$url" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null

  # The pod's command, read from the manifest, so the file is what is tested.
  local script
  script=$(python3 - "$MANIFEST" "$WORKERS" <<'PY'
import sys, yaml
job = yaml.safe_load(open(sys.argv[1]))
spec, workers = job["spec"], int(sys.argv[2])
assert job["kind"] == "Job" and spec["completionMode"] == "Indexed", "not an Indexed Job"
assert spec["completions"] == spec["parallelism"], "completions != parallelism"
c = spec["template"]["spec"]["containers"][0]
env = {e["name"]: e.get("value") for e in c["env"]}
assert int(env["SHARDS"]) == spec["completions"], "SHARDS != completions"
assert c["command"] == ["/bin/sh", "-c"] and len(c["args"]) == 1
print(c["args"][0])
PY
) || fail "manifest $MANIFEST does not parse as an Indexed Job"
  log "pod command: $script"

  # Reference: one process, SQLite.
  local ref="$DIR/reference.db"
  rm -f "$ref" "$ref"-*
  "$BIN" extract --quiet --jobs 2 --db "sqlite:$ref" "$CORPUS" || [ $? -eq 1 ]

  # N pods at once. The pod's environment: SHARDS=N, CORPUS, JOBS, RXFACTS_DB (from the secret).
  local t0 t1 pids=() k
  t0=$(date +%s.%N)
  for ((k = 0; k < WORKERS; k++)); do
    JOB_COMPLETION_INDEX=$k SHARDS=$WORKERS CORPUS=$CORPUS JOBS=1 RXFACTS_DB=$url PATH="$(dirname "$BIN"):$PATH" \
      /bin/sh -c "$script" 2> "$DIR/worker-$k.err" &
    pids+=($!)
  done
  local failed=0
  for k in "${!pids[@]}"; do wait "${pids[$k]}" || { echo "worker $k exited $?: $(tail -3 "$DIR/worker-$k.err")"; failed=1; }; done
  t1=$(date +%s.%N)
  [ "$failed" -eq 0 ] || fail "a worker failed"
  for ((k = 0; k < WORKERS; k++)); do echo "  worker $k: $(grep -m1 'inputs' "$DIR/worker-$k.err" || true)"; done
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "  %d workers, wall %.1f s\n", '"$WORKERS"', b - a}'

  compare_k8s "$url" "$ref"
  # A retried pod (evicted, backoffLimitPerIndex): the same shard again changes nothing.
  JOB_COMPLETION_INDEX=0 SHARDS=$WORKERS CORPUS=$CORPUS JOBS=2 RXFACTS_DB=$url PATH="$(dirname "$BIN"):$PATH" \
    /bin/sh -c "$script" 2> "$DIR/worker-retry.err" || fail "retried worker failed"
  echo "  retried worker 0: $(grep -m1 'inputs' "$DIR/worker-retry.err" || true)"
  echo "    $(grep -m1 'database:' "$DIR/worker-retry.err" || true)"
  compare_k8s "$url" "$ref"
  echo "k8s: PASS"
}

# compare_k8s URL SQLITE_DB: the PostgreSQL union against the single-process SQLite run.
compare_k8s() {
  local url=$1 ref=$2
  # Booleans as 0/1 and bytewise order, so both engines print the same text.
  local q_docs="SELECT id || '|' || version || '|' || record_hash || '|' || (CASE WHEN is_current THEN 1 ELSE 0 END) FROM documents"
  psql -At "$url" -c "$q_docs" | LC_ALL=C sort > "$DIR/pg-docs.txt"
  sqlite3 "$ref" "$q_docs" | LC_ALL=C sort > "$DIR/ref-docs.txt"
  local n_pg n_ref
  n_pg=$(wc -l < "$DIR/pg-docs.txt"); n_ref=$(wc -l < "$DIR/ref-docs.txt")
  echo "  documents: PostgreSQL (union of shards) $n_pg, single process $n_ref"
  cmp -s "$DIR/pg-docs.txt" "$DIR/ref-docs.txt" || { diff "$DIR/ref-docs.txt" "$DIR/pg-docs.txt" | head -5; fail "documents (id, version, record_hash, is_current) differ"; }
  [ "$(cut -d'|' -f1 "$DIR/pg-docs.txt" | sort | uniq -d | wc -l)" -eq 0 ] || fail "an id was loaded twice"
  local t a b
  for t in documents drugs drug_brands drug_codes facts evidence; do
    a=$(psql -At "$url" -c "SELECT count(*) FROM $t"); b=$(sqlite3 "$ref" "SELECT count(*) FROM $t")
    echo "  $t: $a rows (single process $b)"
    [ "$a" = "$b" ] || fail "row count of $t differs"
  done
}

run_spark() {
  echo "## Apache Spark, local mode: RDD.pipe over a file list into rxfacts extract --files-from -"
  if ! command -v java >/dev/null 2>&1; then echo "spark: SKIPPED (no java on PATH; pyspark 4 needs Java 17+)"; return 0; fi
  local venv=bench-out/venv-spark
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
    log "installing pyspark into $venv"
    if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q pyspark; } > "$DIR/pip-spark.log" 2>&1; then
      echo "spark: SKIPPED (pip install pyspark failed: $(tail -1 "$DIR/pip-spark.log"))"; return 0
    fi
  fi
  echo "  $(java -version 2>&1 | head -1); pyspark $("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)')"
  local list="$DIR/files.txt" out="$DIR/spark-out"
  find "$CORPUS/release" "$CORPUS/text" -type f \( -name '*.zip' -o -name '*.txt' \) | sort > "$list"
  "$BIN" extract --quiet --jobs 2 --files-from "$list" > "$DIR/single.jsonl" || [ $? -eq 1 ]
  rm -rf "$out"
  local t0 t1
  t0=$(date +%s.%N)
  "$venv/bin/python" Scripts/spark_extract.py --rxfacts "$BIN" --partitions "$WORKERS" --master 'local[2]' \
    "$list" "$out" 2> "$DIR/spark.err" || { tail -20 "$DIR/spark.err"; fail "spark job failed"; }
  t1=$(date +%s.%N)
  [ -f "$out/_SUCCESS" ] || fail "no _SUCCESS in $out"
  cat "$out"/part-* | LC_ALL=C sort > "$DIR/spark-sorted.jsonl"
  LC_ALL=C sort "$DIR/single.jsonl" > "$DIR/single-sorted.jsonl"
  echo "  file list: $(wc -l < "$list") paths in $WORKERS partitions; wall $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s (JVM start-up included)"
  echo "  records: spark $(wc -l < "$DIR/spark-sorted.jsonl") in $(ls "$out"/part-* | wc -l) part files, single process $(wc -l < "$DIR/single-sorted.jsonl")"
  cmp -s "$DIR/spark-sorted.jsonl" "$DIR/single-sorted.jsonl" || fail "spark output differs from the single-process run"
  echo "spark: PASS (sorted records byte-identical)"
}

case "$WHAT" in
  k8s) run_k8s ;;
  spark) run_spark ;;
  all) run_k8s; run_spark ;;
  *) echo "usage: $0 [k8s|spark|all]" >&2; exit 2 ;;
esac
echo "inputs: $INPUTS top-level; load average: $(cut -d' ' -f1-3 /proc/loadavg); machine: $(nproc) cores, shared with other users"
