#!/usr/bin/env bash
# The main job on the embedded default (./cctv-audit.db, SQLite): load every current UK council,
# load the bundled published record (what public sources say about named bodies, graded, with their
# contradictions) and disclosures, print what the record shows, compute the findings and publish the
# report site. Every step is idempotent: run it again and nothing is duplicated.
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
echo "== 3. The published record: claims of published sources, each with its grade, date and quote"
"$CLI" disclosures load
echo
echo "== 4. What is already known: figures from the record, with their bases, grades and rule"
"$CLI" disclosures figures
echo
echo "   Sources that disagree are both kept, e.g. Edinburgh:"
"$CLI" disclosures show EDH
echo
echo "== 5. Findings: figures with their bases ('at least' where bodies did not answer)"
"$CLI" findings
echo
echo "== 6. Report site: the hex map coloured by the strongest claim for each body"
"$CLI" publish all --out site
cat <<'TXT'

Next:
  .venv/bin/cctv-audit bodies list --nation Scotland      # the 32 Scottish councils
  .venv/bin/cctv-audit findings explain record:uses:hikvision:scotland   # every body and source behind it
  .venv/bin/cctv-audit disclosures export record.csv      # share the record; add to it with disclosures import
  .venv/bin/cctv-audit survey create --help                # start an FOI survey round
  .venv/bin/cctv-audit serve                               # the web app on http://127.0.0.1:8000
TXT
