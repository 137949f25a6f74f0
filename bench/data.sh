#!/usr/bin/env bash
# Data-pipeline benchmark: SegGanLab's loader vs PIL + torchvision + torch DataLoader (Debian's
# python3-torchvision), on CamVid train (480x360 PNG images and label maps).
#
# Both decode image and mask, cut a random 256x256 crop, flip, apply ColorJitter(0.2, 0.2, 0.2,
# 0.05), normalise with ImageNet statistics and collate batches of 8 (float32 images, int64
# masks) with the same number of workers (threads here, persistent processes in PyTorch), in
# alternating runs (who goes first alternates too); the medians of images/s are compared.
# Goal: >= 1.5. Both also report their CPU time per image (all threads / worker processes), which
# a busy shared machine distorts far less than wall time; its ratio is printed too.
#
# Usage: bench/data.sh [rounds]        (default 5; SEGGAN_BENCH_WORKERS=N, default nproc;
#                                       SEGGAN_CAMVID=folder, default ../shared/datasets/camvid)
# Last line: data_ratio_vs_torchvision <SegGanLab images/s / torchvision images/s>
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
seggan_setup test
dotnet build bench/DataBench -c Release -v quiet -nologo >/dev/null

rounds="${1:-5}"
workers="${SEGGAN_BENCH_WORKERS:-$(nproc)}"
camvid="${SEGGAN_CAMVID:-../shared/datasets/camvid}"
[ -f "$camvid/train.txt" ] || { echo "error: no CamVid at '$camvid' (set SEGGAN_CAMVID to the SegNet-layout folder)" >&2; exit 1; }
args=(--root "$camvid" --workers "$workers" --batch 8 --batches 40 --warmup 10 --crop 256)
ours=(dotnet bench/DataBench/bin/Release/net10.0/DataBench.dll throughput)
theirs=(/usr/bin/python3 bench/pytorch/data_bench.py)

source bench/stats.sh
# run PROGRAM...: one measurement, "images/s cpu-ms-per-image".
run() { "$@" "${args[@]}" | awk '/^images_per_s/ { r = $2 } /^cpu_ms_per_image/ { c = $2 } END { print r, c }'; }

ours_runs=() theirs_runs=()
for ((r = 0; r < rounds; r++)); do
  if ((r % 2 == 0)); then
    ours_runs+=("$(run "${ours[@]}")"); theirs_runs+=("$(run "${theirs[@]}")")
  else
    theirs_runs+=("$(run "${theirs[@]}")"); ours_runs+=("$(run "${ours[@]}")")
  fi
done
column() { printf '%s\n' "${@:2}" | awk -v k="$1" '{ print $k }'; }

a="$(column 1 "${ours_runs[@]}" | median)"
b="$(column 1 "${theirs_runs[@]}" | median)"
ca="$(column 2 "${ours_runs[@]}" | median)"
cb="$(column 2 "${theirs_runs[@]}" | median)"
echo "data benchmark: CamVid train, crop 256x256, flip, jitter, normalise, batch 8, $workers worker(s), $rounds alternating rounds, $(nproc) cores"
printf 'SegGanLab   %8.1f images/s (runs %s), %6.2f CPU ms/image\n' "$a" "$(column 1 "${ours_runs[@]}" | spread)" "$ca"
printf 'torchvision %8.1f images/s (runs %s), %6.2f CPU ms/image\n' "$b" "$(column 1 "${theirs_runs[@]}" | spread)" "$cb"
awk -v a="$ca" -v b="$cb" 'BEGIN { printf "data_cpu_ratio_vs_torchvision %.3f (torchvision CPU time / SegGanLab CPU time per image)\n", b / a }'
awk -v a="$a" -v b="$b" 'BEGIN { printf "data_ratio_vs_torchvision %.3f\n", a / b }'
