#!/usr/bin/env bash
# Parity with PyTorch on real data: the same CamVid recipe trained by SegGanLab
# (bench/parity/camvid.csx) and by PyTorch on the same LibTorch (bench/pytorch/camvid_parity.py,
# Debian's python3-torch), each for the same number of steps on CamVid train, evaluated on val.
# Half resolution (240x176), U-Net depth 4 width 16, median-frequency weighted cross-entropy,
# void ignored, Adam 1e-3 + poly, batch 8; --recipe adversarial adds the PatchGAN (lambda_adv 0.01).
#
# Usage: bench/parity.sh [--recipe supervised|adversarial] [--steps N] [--eval-every N] [--width N] [--together]
#   defaults: supervised, 1000 steps, evaluation every 250, width 16. The two runs go one after the
#   other with every core each; --together runs them at once with half the cores each (the same
#   machine state for both, half the wall time). SEGGAN_CAMVID=folder (default ../shared/datasets/camvid).
# Writes runs/parity-<time>/{seggan,pytorch}/ (two run folders) and compare.html (their curves
# overlaid, SegGanLab's report); prints the metrics side by side.
# Last line: camvid_miou <SegGanLab %> <PyTorch %> step_ratio <SegGanLab s/step / PyTorch s/step>
#   (goal: mIoU within 1.5 points, step_ratio <= 1.0).
set -euo pipefail
cd "$(dirname "$0")/.."

recipe=supervised steps=1000 every=250 width=16 together=0
while (($#)); do
  case "$1" in
    --recipe) recipe="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --eval-every) every="$2"; shift 2 ;;
    --width) width="$2"; shift 2 ;;
    --together) together=1; shift ;;
    *) echo "error: unknown option '$1'; see the usage at the top of bench/parity.sh" >&2; exit 2 ;;
  esac
done
case "$recipe" in supervised|adversarial) ;; *) echo "error: --recipe is supervised or adversarial, not '$recipe'" >&2; exit 2 ;; esac
camvid="${SEGGAN_CAMVID:-../shared/datasets/camvid}"
[ -f "$camvid/train.txt" ] || { echo "error: no CamVid at '$camvid' (set SEGGAN_CAMVID to the SegNet-layout folder)" >&2; exit 1; }

source scripts/setup.sh
SEGGAN_QUIET=1 seggan_setup test   # the test set has python3-torch and torchvision

out="runs/parity-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
threads=$(nproc)
((together)) && threads=$(( threads > 1 ? threads / 2 : 1 ))

ours() {
  SEGGAN_RUNS="$PWD/$out/seggan-runs" OMP_NUM_THREADS=$threads ./seggan run bench/parity/camvid.csx --progress Plain -- \
    "$camvid" "$recipe" "$steps" "$every" "$width" >"$out/seggan.log" 2>&1
}
theirs() {
  OMP_NUM_THREADS=$threads /usr/bin/python3 bench/pytorch/camvid_parity.py --data "$camvid" --out "$out/pytorch" \
    --recipe "$recipe" --steps "$steps" --eval-every "$every" --width "$width" >"$out/pytorch.log" 2>&1
}
echo "parity: $recipe, $steps steps, width $width, $threads thread(s) each, $( ((together)) && echo together || echo one after the other); logs in $out/" >&2
if ((together)); then
  ours & o=$!; theirs & t=$!
  wait $o || { tail -20 "$out/seggan.log" >&2; exit 1; }
  wait $t || { tail -20 "$out/pytorch.log" >&2; exit 1; }
else
  ours || { tail -20 "$out/seggan.log" >&2; exit 1; }
  theirs || { tail -20 "$out/pytorch.log" >&2; exit 1; }
fi
mv "$out"/seggan-runs/* "$out/seggan" && rmdir "$out/seggan-runs"
./seggan compare "$out/seggan" "$out/pytorch" --out "$out/compare.html" >/dev/null
echo "curves: $out/compare.html" >&2
/usr/bin/python3 bench/parity/summary.py "$out/seggan" "$out/pytorch"
