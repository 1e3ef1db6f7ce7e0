#!/usr/bin/env bash
# Writes the evidence report of the whole Corpus/ and renders it with headless Chromium
# (Debian: apt-get install chromium; Scripts/setup.sh --with-chromium installs it).
#   Scripts/render-report.sh [OUT_DIR]     report.html and report.png in OUT_DIR (default .build/report)
#   Scripts/render-report.sh --docs        also refreshes docs/report-corpus.png and docs/report-seed.png
set -euo pipefail
cd "$(dirname "$0")/.."
docs=0
out=.build/report
for arg in "$@"; do
  case "$arg" in
    --docs) docs=1 ;;
    *) out="$arg" ;;
  esac
done
chromium=${RXFACTS_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$chromium" ]; then
  echo "render-report: Chromium not found; install it (apt-get install chromium) or set RXFACTS_CHROMIUM" >&2
  exit 2
fi
swift build --product rxfacts >/dev/null
bin=$(swift build --product rxfacts --show-bin-path)/rxfacts
mkdir -p "$out"
out=$(cd "$out" && pwd)
"$bin" report Corpus/ -o "$out/report.html"
"$bin" report -q Corpus/text/000_07aae011b33a312d.txt -o "$out/seed.html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
shot() {  # html png height
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$2" --window-size=1280,"$3" "file://$1" >/dev/null 2>&1
  [ -s "$2" ] || { echo "render-report: Chromium wrote no $2" >&2; exit 1; }
}
shot "$out/report.html" "$out/report.png" 2000
shot "$out/seed.html" "$out/seed.png" 1800
# The browser's DOM must hold one <mark id=…> per evidence span (every mark survived parsing).
marks=$("$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --dump-dom "file://$out/report.html" 2>/dev/null | grep -o '<mark id="' | wc -l)
spans=$("$bin" extract -q Corpus/ | python3 -c 'import json,sys; print(sum(len(f["evidence"]) for l in sys.stdin for d in json.loads(l)["drugs"] for f in d["facts"]))' 2>/dev/null || echo "?")
echo "render-report: $out/report.png ($marks marks in Chromium's DOM, $spans evidence spans in the records)"
if [ "$spans" != "?" ] && [ "$marks" != "$spans" ]; then
  echo "render-report: mark count differs from evidence count" >&2
  exit 1
fi
if [ "$docs" = 1 ]; then
  cp "$out/report.png" docs/report-corpus.png
  cp "$out/seed.png" docs/report-seed.png
  echo "render-report: docs/report-corpus.png, docs/report-seed.png updated"
fi
