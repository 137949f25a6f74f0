#!/usr/bin/env bash
# Adversarial segmentation against its supervised baseline: the same U-Net, synthetic scenes,
# steps and seed, trained with SupervisedRecipe (cross-entropy) and AdversarialRecipe (its
# defaults: cross-entropy + 0.01 x adv, a 70x70 PatchGAN on image + class map). Luc et al. and
# pix2pix report small or no gains from the adversarial term: the check is that it is comparable.
#
# Usage: bench/recipes.sh [steps] [size]      (default 600 steps on 48x48 scenes; SEGGAN_BENCH_THREADS=N, default nproc)
# Last line: gan_vs_supervised_miou <final GAN mIoU / final supervised mIoU>
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
seggan_setup runtime
dotnet build bench/RecipeCompare -c Release -v quiet -nologo >/dev/null
dotnet bench/RecipeCompare/bin/Release/net10.0/RecipeCompare.dll --steps "${1:-600}" --size "${2:-48}" \
  --threads "${SEGGAN_BENCH_THREADS:-$(nproc)}" --runs "${TMPDIR:-/tmp}/seggan-recipe-compare"
