#!/usr/bin/env bash
# Instructions per stage (valgrind's callgrind), for comparing binaries on a shared machine
# where wall-clock timings of one thread move by ±20 % from one run to the next: an
# instruction count is the same at every run of the same binary and input, whatever else the
# machine does. Counts instructions, not time: cache misses and memory stalls do not show.
#
# Each binary runs `extract --jobs 1` over one copy of each speed corpus (the 32 EMA texts, the
# 11 SPL labels; Scripts/bench-speed.sh builds them) and over one tiny file (start-up alone);
# the table gives each stage's inclusive count (its `process` and everything it calls) and the
# whole run less start-up.
# Usage: Scripts/bench-instructions.sh BIN...   (needs valgrind: apt-get install valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: Scripts/bench-instructions.sh BIN..." >&2; exit 2; }
command -v valgrind >/dev/null || { echo "bench-instructions: valgrind is not installed" >&2; exit 2; }
DIR="${SPEED_DIR:-${TMPDIR:-/tmp}/rxfacts-speed}"
if [ ! -f "$DIR/text/.complete" ] || [ ! -f "$DIR/spl/.complete" ]; then
  RUNS=0 SKIP_BUILD=1 Scripts/bench-speed.sh /bin/true >/dev/null 2>&1 || true
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
n=0
for bin in "$@"; do
  n=$((n + 1))
  # valgrind 3.19 cannot read the DWARF Swift 6.3 writes; the symbol table is enough.
  strip -g -o "$WORK/bin$n" "$bin"
  "$WORK/bin$n" extract -q "$DIR/tiny.txt" > /dev/null  # compiled knowledge for this binary
  for corpus in tiny text spl; do
    case $corpus in
      tiny) input="$DIR/tiny.txt" ;;
      text) input="$DIR/text/r001" ;;
      spl) input="$DIR/spl/r01" ;;
    esac
    valgrind --tool=callgrind --callgrind-out-file="$WORK/$n.$corpus" \
      "$WORK/bin$n" extract -q --jobs 1 -o /dev/null "$input" 2> /dev/null
  done
done
python3 - "$WORK" "$@" <<'EOF'
import re, subprocess, sys
work, bins = sys.argv[1], sys.argv[2:]
stages = [('ingest', 'FormatDetectorVAA8IngesterA2aDP6ingest'), ('normalize', 'NormalizerV7process'),
          ('segment', 'SegmenterV7process'), ('tokenize', 'TokenizerV7process'), ('tag', 'TaggerV7process'),
          ('context', 'ContextAnnotatorV7process'), ('subject', 'SubjectResolverV7process'),
          ('assemble', 'FactAssemblerV7process'), ('enrich', 'EnrichStageV'), ('emit', 'RecordBuilderV7process'),
          ('encode', 'RecordEncoderV6encode_4into')]
def costs(path):
    out = subprocess.run(['callgrind_annotate', '--inclusive=yes', '--threshold=100', path],
                         capture_output=True, text=True).stdout
    rows = [(int(m.group(1).replace(',', '')), m.group(2)) for m in
            (re.match(r'\s*([\d,]+)\s+\([\s\d.]+%\)\s+(.*)$', l) for l in out.splitlines()) if m]
    total = next(v for v, f in rows if 'PROGRAM TOTALS' in f)
    return total, {name: max([v for v, f in rows if pat in f] or [0]) for name, pat in stages}
for corpus in ('text', 'spl'):
    print(f'## {corpus}: millions of instructions, extract --jobs 1')
    print('| stage | ' + ' | '.join(bins) + ' |')
    print('|---|' + '---|' * len(bins))
    table = []
    for n in range(1, len(bins) + 1):
        start, _ = costs(f'{work}/{n}.tiny')
        total, per = costs(f'{work}/{n}.{corpus}')
        table.append((total - start, per))
    for name, _ in stages:
        print(f'| {name} | ' + ' | '.join(f'{per[name] / 1e6:.1f}' for _, per in table) + ' |')
    print('| **run less start-up** | ' + ' | '.join(f'**{t / 1e6:.1f}**' for t, _ in table) + ' |')
EOF
