#!/bin/sh
# Load throughput of `rxfacts load` (facts/s) into SQLite and PostgreSQL.
#
#   Scripts/bench-load.sh [DOCUMENTS]          # default 10000 documents
#
# Generates DOCUMENTS records by replicating and mutating the realistic alprazolam record in
# Tests/RxFactsTests/Fixtures/store/ (new ids, versions, drug names; facts dropped, repeated
# and renamed so documents differ in size), then times, for each database:
#   1. a first load into an empty database,
#   2. the same load again (every document unchanged: the idempotent rerun path).
# PostgreSQL: RXFACTS_BENCH_POSTGRES_URL, else the server of .ci/postgres.sh (started if needed);
# each run uses a fresh schema. RXFACTS_BIN picks the binary (default: release build).
# Not a test: it measures, it does not assert.
set -eu
cd "$(dirname "$0")/.."
DOCS="${1:-10000}"
WORK="$(mktemp -d /tmp/rxfacts-bench-load.XXXXXX)"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

if [ -z "${RXFACTS_BIN:-}" ]; then
    swift build -c release --product rxfacts >&2
    RXFACTS_BIN="$(swift build -c release --show-bin-path)/rxfacts"
fi

python3 - "$DOCS" Tests/RxFactsTests/Fixtures/store/alprazolam.jsonl "$WORK/records.jsonl" > "$WORK/facts" <<'PY'
import json, random, sys
count, fixture, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
base = json.loads(open(fixture).readline())
rng = random.Random(7)
facts_total = 0
with open(out, "w") as f:
    for i in range(count):
        rec = json.loads(json.dumps(base))
        doc = rec["document"]
        doc["id"] = "%08x-bench-%06d" % (rng.getrandbits(32), i)
        doc["version"] = str(1 + i % 5)
        doc["effectiveTime"] = "20%02d%02d%02d" % (10 + i % 15, 1 + i % 12, 1 + i % 28)
        doc["contentHash"] = "%016x" % rng.getrandbits(64)
        drug = rec["drugs"][0]
        drug["name"] = "%s-%d" % (drug["name"], i % 997)
        drug["codes"]["rxcui"] = str(1000 + i)
        facts = []
        for fact in drug["facts"]:
            for copy in range(rng.choice([0, 1, 1, 1, 2])):
                g = json.loads(json.dumps(fact))
                if copy:
                    g["value"] += " %d" % copy
                for e in g["evidence"]:
                    e["start"] += i
                    e["end"] += i
                facts.append(g)
        drug["facts"] = facts
        facts_total += len(facts)
        f.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
print(facts_total)
PY
FACTS="$(cat "$WORK/facts")"
BYTES="$(wc -c < "$WORK/records.jsonl")"

run() {  # label url
    start="$(date +%s.%N)"
    "$RXFACTS_BIN" load --quiet --db "$2" "$WORK/records.jsonl"
    end="$(date +%s.%N)"
    python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print('%-22s %8.2f s %10.0f facts/s %8.0f docs/s' % (sys.argv[3], s, int(sys.argv[4])/s, int(sys.argv[5])/s))" \
        "$start" "$end" "$1" "$FACTS" "$DOCS"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "sqlite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1), $(psql --version 2>/dev/null)"
echo "input: $DOCS documents, $FACTS facts, $BYTES bytes of JSONL"
run "sqlite first load" "sqlite:$WORK/bench.db"
run "sqlite reload" "sqlite:$WORK/bench.db"

PGURL="${RXFACTS_BENCH_POSTGRES_URL:-}"
if [ -z "$PGURL" ]; then
    PGURL="$(.ci/postgres.sh 2>/dev/null | sed -n "s/^export RXFACTS_TEST_POSTGRES_URL='\(.*\)'$/\1/p")" || true
fi
if [ -n "$PGURL" ]; then
    SCHEMA="bench_$(date +%s)"
    psql -q "$PGURL" -c "CREATE SCHEMA $SCHEMA"
    case "$PGURL" in *\?*) SEP='&' ;; *) SEP='?' ;; esac
    run "postgres first load" "$PGURL${SEP}options=-csearch_path%3D$SCHEMA"
    run "postgres reload" "$PGURL${SEP}options=-csearch_path%3D$SCHEMA"
    psql -q "$PGURL" -c "DROP SCHEMA $SCHEMA CASCADE"
else
    echo "postgres: skipped (no server; set RXFACTS_BENCH_POSTGRES_URL or run .ci/postgres.sh as root)"
fi
