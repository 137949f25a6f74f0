#!/usr/bin/env bash
# Round-trip time of a trivial cell (`1+1`: p50 and p95 over 200 requests, request to reply and
# idle) and cold start (process launch to the first result) for the SegGanLab kernel and for
# ipykernel (Debian's python3-ipykernel) on this machine. The 200 requests run twice: straight after
# start-up (`_p50_after_start_ms`, while .NET still optimises the C# compiler's code in the background:
# a few seconds; each kernel before the next one starts) and, once both kernel processes are quiet,
# side by side, the kernels taking turns every 10 requests (`_p50_ms`, what a notebook user gets
# after the first seconds; `_settle_s` says how long each took to go quiet). Plus the SegGanLab
# kernel's resident memory over 500 more expression cells (which do not join the submission chain), then over 500
# cells that declare a variable (they join it, and Roslyn keeps their compilations and assemblies:
# roslyn#41722) with their p50, and each kernel's CPU time per round trip (steadier than wall time
# while other jobs share the cores).
# Last lines: kernel_cpu_ratio_vs_ipykernel, kernel_p50_after_start_ratio_vs_ipykernel, then
# kernel_p50_ratio_vs_ipykernel <ratio>  (goal <= 1.0; cold start goal <= 3 s).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/scripts/setup.sh"
SEGGAN_QUIET=1 seggan_setup test

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export JUPYTER_PATH="$work/share/jupyter" JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_PLATFORM_DIRS=1
dotnet "$here/src/SegGanLab.Cli/bin/Release/net10.0/seggan.dll" kernel install --prefix "$work" >/dev/null
# ipykernel's own kernelspec, pinned to Debian's Python so the peer is the same on every machine.
mkdir -p "$work/share/jupyter/kernels/ipykernel-bench"
cat >"$work/share/jupyter/kernels/ipykernel-bench/kernel.json" <<JSON
{"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "ipykernel", "language": "python"}
JSON

out="$work/results.txt"
# Side by side, taking turns every 10 requests (see kernel_rtt.py).
/usr/bin/python3 "$here/bench/kernel_rtt.py" seggan ipykernel-bench:ipykernel --code "1+1" --memory-cells 500 2>/dev/null | tee -a "$out"
awk '/^seggan_cpu_ms_per_request/ { s = $2 } /^ipykernel_cpu_ms_per_request/ { i = $2 } END { printf "kernel_cpu_ratio_vs_ipykernel %.2f\n", s / i }' "$out"
awk '/^seggan_p50_after_start_ms/ { s = $2 } /^ipykernel_p50_after_start_ms/ { i = $2 } END { printf "kernel_p50_after_start_ratio_vs_ipykernel %.2f\n", s / i }' "$out"
awk '/^seggan_p50_ms/ { s = $2 } /^ipykernel_p50_ms/ { i = $2 } END { printf "kernel_p50_ratio_vs_ipykernel %.2f\n", s / i }' "$out"
