#!/usr/bin/env bash
# Runs every SegGanLab test. On a fresh Debian machine with the .NET SDK it first installs the
# system packages it needs and builds the native shim and the solution.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter Golden).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
seggan_setup test
exec dotnet test SegGanLab.sln -c Release --no-build --nologo "$@"
