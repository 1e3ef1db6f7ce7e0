#!/usr/bin/env bash
# Fuzzes rxfacts' parsers, one target at a time, in ONE process (the machine is shared).
#
#   Scripts/fuzz.sh                      # every target, RUNS executions each (default 200000)
#   Scripts/fuzz.sh xml zip              # only these targets
#   RUNS=2000000 Scripts/fuzz.sh lexicon
#   FUZZ_SECONDS=600 Scripts/fuzz.sh text  # stop each target after N seconds (or RUNS, first)
#   FUZZ_SANITIZE=fuzzer Scripts/fuzz.sh   # coverage only, no AddressSanitizer: ~4x the
#                                          # executions per second; Swift code is bounds-checked
#                                          # either way, ASan adds the C (libxml2 shim, zlib) side
#   Scripts/fuzz.sh --replay DIR...      # run saved inputs (crashers) through every target once
#
# Targets (Sources/rxfacts-fuzz/FuzzTarget.swift): text, xml, epi-json, zip, lexicon, pipeline.
# With libFuzzer (Swift 6.3 on Linux has it): the harness is built with
# -sanitize=fuzzer,address into .build-fuzz; where the toolchain lacks it (FUZZ_MODE=mutate, or
# the build fails) the same targets run under the seeded mutation harness of a plain release
# build. Seeds come from Corpus/, Pipelines/ and Tests/RxFactsTests/Fixtures (copied into
# .build-fuzz/corpus/TARGET, where libFuzzer also keeps what it finds); crashers go to
# .build-fuzz/crashes/TARGET (Swift's own backtracer is turned off so that libFuzzer's crash
# handler runs and saves the input). Copy a crasher into Tests/RxFactsTests/Fixtures/fuzz/TARGET/ and
# FuzzRegressionTests replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${FUZZ_OUT:-$ROOT/.build-fuzz}
RUNS=${RUNS:-200000}
MODE=${FUZZ_MODE:-libfuzzer}
SANITIZE=${FUZZ_SANITIZE:-fuzzer,address}
ALL=(lexicon pipeline epi-json text xml zip)

if [[ ${1:-} == --replay ]]; then
    shift
    swift build -c release --product rxfacts-fuzz >&2
    for target in "${ALL[@]}"; do "$ROOT/.build/release/rxfacts-fuzz" "$target" --replay "$@"; done
    exit 0
fi
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=("${ALL[@]}")

BIN=${FUZZ_BIN:-}
if [[ -z $BIN && $MODE == libfuzzer ]]; then
    scratch=$OUT/build
    [[ $SANITIZE == fuzzer,address ]] || scratch=$OUT/build-${SANITIZE//,/-}
    if swift build -c release --product rxfacts-fuzz --scratch-path "$scratch" \
        -Xswiftc -sanitize="$SANITIZE" -Xswiftc -DRXFACTS_LIBFUZZER -Xswiftc -parse-as-library >&2; then
        BIN=$scratch/release/rxfacts-fuzz
    else
        echo "fuzz.sh: no libFuzzer build on this toolchain; using the mutation harness" >&2
        MODE=mutate
    fi
fi
if [[ -z $BIN ]]; then
    swift build -c release --product rxfacts-fuzz >&2
    BIN=$ROOT/.build/release/rxfacts-fuzz
fi

seed() {  # seed TARGET DIR
    local target=$1 dir=$2
    mkdir -p "$dir"
    case $target in
        text) cp Corpus/text/*.txt "$dir"/ ;;
        xml) cp Corpus/spl/*.xml Tests/RxFactsTests/Fixtures/xml/*.xml "$dir"/ ;;
        epi-json) cp Tests/RxFactsTests/Fixtures/epijson/*.json "$dir"/ ;;
        lexicon)
            for f in Pipelines/lexicons/*.tsv Tests/RxFactsTests/Fixtures/lexicon/*.tsv; do
                if [[ -f $f ]]; then head -c 4000 "$f" > "$dir/$(basename "$f")"; fi
            done ;;
        pipeline) cp Pipelines/*.yaml "$dir"/ ;;
        zip)
            python3 - "$dir" <<'PY'
import io, sys, zipfile
out = sys.argv[1]
def make(members, method=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as z:
        for name, data in members: z.writestr(name, data)
    return b.getvalue()
text = b"Aspirin is used to treat pain. Do not take aspirin with warfarin.\n"
xml = open("Tests/RxFactsTests/Fixtures/xml/scheduled-spl.xml", "rb").read()
open(out + "/plain.zip", "wb").write(make([("a.txt", text), ("b/label.xml", xml), ("logo.png", b"\x89PNG")]))
open(out + "/stored.zip", "wb").write(make([("a.txt", text)], zipfile.ZIP_STORED))
open(out + "/nested.zip", "wb").write(make([("inner.zip", make([("c.txt", text)])), ("d.txt", text)]))
PY
            ;;
    esac
}

for target in "${TARGETS[@]}"; do
    corpus=$OUT/corpus/$target
    crashes=$OUT/crashes/$target
    mkdir -p "$crashes"
    [[ -d $corpus ]] || seed "$target" "$corpus"
    case $target in text | xml | epi-json | zip) maxlen=${MAXLEN:-4096} ;; *) maxlen=${MAXLEN:-512} ;; esac
    echo "fuzz.sh: $target: $RUNS runs ($MODE)" >&2
    if [[ $MODE == libfuzzer ]]; then
        RXFACTS_FUZZ_TARGET=$target RXFACTS_PIPELINE=$ROOT/Pipelines/default.yaml \
        ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 SWIFT_BACKTRACE=enable=no \
            "$BIN" -runs="$RUNS" ${FUZZ_SECONDS:+-max_total_time=$FUZZ_SECONDS} -max_len=$maxlen -timeout=20 -rss_limit_mb=6144 -print_final_stats=1 \
            -artifact_prefix="$crashes/" "$corpus"
    else
        RXFACTS_PIPELINE=$ROOT/Pipelines/default.yaml "$BIN" "$target" --runs "$RUNS" --save "$crashes" "$corpus"
    fi
done
