#!/usr/bin/env bash
# Beloglazov and Buyya's consolidation policies (each overload detector with each VM selection, PABFD) against
# miglab's migration-aware selection and placement, on one day of one scenario; prints a Markdown table (energy,
# SLATAH, PDM, SLAV, ESV, migrations, VMs moved, most moves of one VM, downtime, data moved) and writes an HTML
# page with the table and bar charts. docs/datacenter.md ("Comparing policies") quotes its output.
#   scripts/compare-policies.sh [SCENARIO [OUT.html [COMBINATIONS]]]
#   SCENARIO      default examples/datacenter/policy-day.yaml
#   OUT.html      default policy-comparison.html
#   COMBINATIONS  comma-separated detector-selection pairs, e.g. lr-mmt,lr-migration-aware (default: all 25)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenario="${1:-$root/examples/datacenter/policy-day.yaml}"
out="${2:-policy-comparison.html}"
"$root/miglab" --version >/dev/null # builds miglab-cli/target/miglab.jar if it is missing or stale
exec java -Xmx3g -cp "$root/miglab-cli/target/miglab.jar" io.miglab.datacenter.bench.PolicyComparison \
    "$scenario" "$out" ${3:+"$3"}
