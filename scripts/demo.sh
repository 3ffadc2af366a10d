#!/usr/bin/env bash
# The main job on the embedded default (./cctv-audit.db, SQLite): load every current UK council,
# record the bundled published disclosures as claims with their sources, compute the findings and
# publish the report site. Every step is idempotent: run it again and nothing is duplicated.
set -euo pipefail
BIN=${BIN:-.venv/bin}
CLI="$BIN/cctv-audit"

echo "== 1. Registry: every current UK council, with the FOI law that applies"
"$CLI" init
echo
echo "== 2. Knowledge base: why Hikvision is flagged, every fact with its source"
"$CLI" vendors show hikvision | head -n 25 || true  # the entry is long: its start is enough here
echo "   (full entry: $CLI vendors show hikvision)"
echo
echo "== 3. Published disclosures recorded as claims with evidence"
"$CLI" disclosures load
echo
echo "== 4. Findings: figures with their bases ('at least' where bodies did not answer)"
"$CLI" findings
echo
echo "== 5. Report site"
"$CLI" publish all --out site
cat <<'TXT'

Next:
  .venv/bin/cctv-audit bodies list --nation Scotland      # the 32 Scottish councils
  .venv/bin/cctv-audit survey create --help                # start an FOI survey round
  .venv/bin/cctv-audit serve                               # the web app on http://127.0.0.1:8000
TXT
