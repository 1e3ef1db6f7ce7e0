#!/usr/bin/env bash
# Regenerates Corpus/reference/*.jsonl from the current pipeline after you have reviewed the
# change with: rxfacts diff --changes Corpus/reference/ <(rxfacts extract Corpus/text Corpus/spl)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product rxfacts >/dev/null
tmp=$(mktemp)
.build/release/rxfacts extract -q Corpus/text Corpus/spl -o "$tmp"
python3 - "$tmp" <<'PY'
import json, os, sys
for line in open(sys.argv[1]):
    record = json.loads(line)
    stem = os.path.basename(record["document"]["source"]).rsplit(".", 1)[0]
    with open(f"Corpus/reference/{stem}.jsonl", "w") as out:
        out.write(line)
PY
rm -f "$tmp"
git status --short Corpus/reference
