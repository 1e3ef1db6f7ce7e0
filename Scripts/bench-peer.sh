#!/usr/bin/env bash
# rxfacts against medspaCy 1.3.1 (../shared/peers/medspacy_peer.py: rule-based medspaCy with
# target rules for the same fact types and ConText) on the same files, and the ratio of MB/s.
# Corpus: DOCS EMA leaflet texts (../shared/data/leaflets-ema, eval-only, copied into
# bench-out/ only), default 1,000 (~20 MB). medspaCy runs in its fastest measured setting
# (--splitter spacy --processes 2), rxfacts with --jobs 2: both use the 2 cores.
# medspaCy's MB/s is its own figure (processing only, after load and file reading), rxfacts'
# is wall clock of the whole command (start-up, reading, writing): the ratio favours the peer.
# Usage: Scripts/bench-peer.sh [DOCS]   (installs medspaCy into bench-out/venv on first use)
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS="${1:-1000}"
SHARED="${RXFACTS_SHARED:-../shared}"
[ -d "$SHARED/peers" ] || SHARED=/work/shared
OUT=bench-out/peer
mkdir -p "$OUT"
if [ ! -x bench-out/venv/bin/python ] || ! bench-out/venv/bin/python -c 'import medspacy' 2>/dev/null; then
  python3 -m venv bench-out/venv
  bench-out/venv/bin/pip install -q medspacy==1.3.1
fi
swift build -c release --product rxfacts >/dev/null
BIN=.build/release/rxfacts

CORPUS="$OUT/corpus-$DOCS"
if [ ! -f "$CORPUS/.complete" ]; then
  rm -rf "$CORPUS"; mkdir -p "$CORPUS"
  mapfile -t SRC < <(find "$SHARED/data/leaflets-ema" -name '*.txt' | sort)
  for ((i = 0; i < DOCS; i++)); do
    src=${SRC[$((i % ${#SRC[@]}))]}
    cp "$src" "$CORPUS/$(printf '%05d' "$i")-$(basename "$src")"
  done
  touch "$CORPUS/.complete"
fi
BYTES=$(find "$CORPUS" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')

# The compiled knowledge is built once per binary and pipeline (on a fresh build, that is this
# first call); the timed run uses it, as every later run does. medSpaCy's time likewise leaves
# out its model load.
"$BIN" extract -q "$(find "$CORPUS" -name '*.txt' | head -1)" > /dev/null
t0=$(date +%s.%N)
"$BIN" extract -q --jobs 2 -o "$OUT/rxfacts.jsonl" "$CORPUS" || true
t1=$(date +%s.%N)
RX_S=$(python3 -c "print($t1 - $t0)")

t0=$(date +%s.%N)
bench-out/venv/bin/python "$SHARED/peers/medspacy_peer.py" --splitter spacy --processes 2 \
  --out "$OUT/medspacy.jsonl" "$CORPUS" 2> "$OUT/medspacy.err"
t1=$(date +%s.%N)
PEER_WALL=$(python3 -c "print($t1 - $t0)")
PEER_LINE=$(grep '^medspacy' "$OUT/medspacy.err")
PEER_S=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<< "$PEER_LINE")

python3 - "$DOCS" "$BYTES" "$RX_S" "$PEER_S" "$PEER_WALL" "$(wc -l < "$OUT/rxfacts.jsonl")" "$(wc -l < "$OUT/medspacy.jsonl")" <<'PY'
import sys
docs, size, rx, peer, peer_wall, rx_lines, peer_lines = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
mb = size / 1e6
print(f"corpus: {docs} EMA leaflet texts, {mb:.2f} MB")
print("| tool | command | lines | s | MB/s | docs/s |")
print("|---|---|---|---|---|---|")
print(f"| rxfacts | extract --jobs 2 (wall clock, incl. start-up) | {rx_lines} | {rx:.2f} | {mb/rx:.2f} | {docs/rx:.0f} |")
print(f"| medspaCy 1.3.1 | medspacy_peer.py --splitter spacy --processes 2 (processing only; wall {peer_wall:.1f} s) | {peer_lines} | {peer:.2f} | {mb/peer:.3f} | {docs/peer:.1f} |")
print(f"ratio rxfacts / medspaCy: {(mb/rx) / (mb/peer):.0f}x")
PY
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(swift --version 2>&1 | head -1)"
