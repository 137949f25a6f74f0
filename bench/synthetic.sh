#!/usr/bin/env bash
# Calibration of the synthetic default dataset (Datasets.Synthetic with its defaults, 48x48).
#
# Trains a small U-Net (bench/DataBench/SmallUNet.cs: widths 8/16/32/64, three poolings, batch
# norm) with cross-entropy + Dice (the quickstart's segmentation terms), Adam 3e-3 with poly decay,
# batch 8, on two intra-op threads, and reports the validation mIoU (256 scenes of another seed),
# the wall time and the CPU time. Then what colour alone can tell: a per-pixel classifier (1x1
# convolutions) trained the same way, and the colour-histogram rule (each quantised colour gets its
# most frequent training class). The quickstart's promise is the first number >= 0.90 within
# about 2 minutes on 2 cores; the colour numbers should stay near the all-background level (~0.12).
#
# Usage: bench/synthetic.sh [steps]      (default 1200; extra DataBench options may follow)
# Lines: synthetic_unet_miou M steps N seconds S / synthetic_color_histogram_miou M / synthetic_color_only_miou M
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
seggan_setup test
dotnet build bench/DataBench -c Release -v quiet -nologo >/dev/null
steps="${1:-1200}"
shift || true
# Spinning OpenMP workers burn the cores other processes need on a shared machine; passive waiting
# costs little on a quiet one.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
dotnet bench/DataBench/bin/Release/net10.0/DataBench.dll synthetic --steps "$steps" --threads 2 "$@"
