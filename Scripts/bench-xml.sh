#!/bin/sh
# Benchmark of the XML ingest path (not a test). Replicates the SPL set to >= MB megabytes
# (default 100) and prints MB/s of each stage beside libxml2's own text reader; if xmllint
# (Debian libxml2-utils) is installed, also times `xmllint --stream --noout` on the same bytes.
# Usage: Scripts/bench-xml.sh [DIR (default Corpus/spl)] [MB (default 100)]
set -eu
cd "$(dirname "$0")/.."
dir=${1:-Corpus/spl}
mb=${2:-100}
swift build -c release --product rxfacts-bench-xml >/dev/null
.build/release/rxfacts-bench-xml "$dir" "$mb"
if command -v xmllint >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  set_bytes=$(cat "$dir"/*.xml | wc -c)
  copies=$(( (mb * 1000000 + set_bytes - 1) / set_bytes ))
  i=0
  while [ "$i" -lt "$copies" ]; do
    for f in "$dir"/*.xml; do ln -s "$(realpath "$f")" "$tmp/$i-$(basename "$f")"; done
    i=$((i + 1))
  done
  total=$((set_bytes * copies))
  start=$(date +%s.%N)
  find "$tmp" -name '*.xml' -print0 | xargs -0 xmllint --stream --noout --nonet
  end=$(date +%s.%N)
  awk -v t="$total" -v s="$start" -v e="$end" \
    'BEGIN { printf "%-44s %7.2f s  %7.1f MB/s\n", "xmllint --stream --noout (process per batch)", e - s, t / 1e6 / (e - s) }'
else
  echo "xmllint not installed (apt-get install libxml2-utils): skipped"
fi
