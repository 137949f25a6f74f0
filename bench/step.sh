#!/usr/bin/env bash
# Training-step benchmark: SegGanLab vs PyTorch (Debian's python3-torch, the same LibTorch 1.13).
#
# Both train the same pix2pix-style GAN (bench/StepBench/GanNets.cs and bench/pytorch/step_bench.py:
# a small U-Net generator and a 70x70 PatchGAN, D update + G update per step, Adam) on the same
# machine with the same intra-op thread count, in alternating runs, and compare median step times
# for a large input (batch 8, 3x128x128) and a tiny one (batch 1, 3x32x32), where per-op dispatch
# overhead dominates. Goals: <= 1.00 (large) and <= 0.90 (tiny).
#
# Usage: bench/step.sh [rounds]        (default 5 rounds per size; SEGGAN_BENCH_THREADS=N, default nproc)
# Last line: step_ratio_vs_pytorch <SegGanLab time / PyTorch time, large input>
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
seggan_setup test
dotnet build bench/StepBench -c Release -v quiet -nologo >/dev/null

rounds="${1:-5}"
threads="${SEGGAN_BENCH_THREADS:-$(nproc)}"
ours=(dotnet bench/StepBench/bin/Release/net10.0/StepBench.dll)
theirs=(/usr/bin/python3 bench/pytorch/step_bench.py)

source bench/stats.sh

# run_size NAME ARGS...: alternates the two frameworks (who goes first alternates too) and prints
# the per-run medians, then the ratio line for NAME.
run_size() {
  local name="$1"; shift
  local ours_ms=() theirs_ms=()
  for ((r = 0; r < rounds; r++)); do
    if ((r % 2 == 0)); then
      ours_ms+=("$("${ours[@]}" "$@" --threads "$threads" | awk '/^ms_per_step/ { print $2 }')")
      theirs_ms+=("$("${theirs[@]}" "$@" --threads "$threads" | awk '/^ms_per_step/ { print $2 }')")
    else
      theirs_ms+=("$("${theirs[@]}" "$@" --threads "$threads" | awk '/^ms_per_step/ { print $2 }')")
      ours_ms+=("$("${ours[@]}" "$@" --threads "$threads" | awk '/^ms_per_step/ { print $2 }')")
    fi
  done
  local a b
  a="$(printf '%s\n' "${ours_ms[@]}" | median)"
  b="$(printf '%s\n' "${theirs_ms[@]}" | median)"
  printf '%-6s SegGanLab %8.2f ms/step (runs %s)   PyTorch %8.2f ms/step (runs %s)\n' "$name" "$a" \
    "$(printf '%s\n' "${ours_ms[@]}" | spread)" "$b" "$(printf '%s\n' "${theirs_ms[@]}" | spread)"
  awk -v a="$a" -v b="$b" -v n="$name" 'BEGIN { printf "ratio_%s %.3f\n", n, a / b }'
}

echo "step benchmark: $rounds alternating rounds per size, $threads intra-op thread(s), $(nproc) cores"
tiny="$(run_size tiny --batch 1 --size 32 --steps 100 --warmup 10)"
large="$(run_size large --batch 8 --size 128 --steps 10 --warmup 2)"
printf '%s\n%s\n' "$tiny" "$large" | grep -v '^ratio_'
echo "step_ratio_vs_pytorch_tiny $(printf '%s\n' "$tiny" | awk '/^ratio_tiny/ { print $2 }')"
echo "step_ratio_vs_pytorch $(printf '%s\n' "$large" | awk '/^ratio_large/ { print $2 }')"
