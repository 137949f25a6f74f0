#!/usr/bin/env bash
# Runs every SegGanLab test. On a fresh Debian machine with the .NET SDK it first installs the
# system packages it needs and builds the native shim and the solution.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter Golden).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
seggan_setup test

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test SegGanLab.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?
# One closing line over every test assembly, in the plain form CI reads.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
