#!/usr/bin/env bash
# The main job on the embedded default (./cctv-audit.db): load the registry and show a summary.
# Later steps (knowledge base, published disclosures, report site) are added here as they land.
set -euo pipefail
BIN=${BIN:-.venv/bin}
"$BIN/cctv-audit" init
