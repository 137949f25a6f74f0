#!/usr/bin/env bash
# Image decoding benchmark: SegGanLab.Imaging vs PIL (Debian's python3-pil, the decoder behind a
# PIL + torchvision data loader), one thread each, in alternating runs, timed in process CPU time
# (robust on a shared machine), on real files. SegGanLab decodes into one reused buffer
# (ImageFile.ReadInto, a loader's path); PIL returns a new array per image, as it always does.
#   rgb     CamVid train images (480x360 RGB PNG) read as RGB
#   labels  CamVid label masks (8-bit gray PNG) read as labels
#   jpeg    the CamVid images re-encoded as JPEG (quality 90, 4:2:0, by PIL) read as RGB
#   alloc   the CamVid images again, SegGanLab allocating a new array per image (ImageFile.Read).
#           Fresh large-object-heap arrays cost page faults (about 0.5 ms per 480x360 image on a
#           VM); an application that reads this way can set System.GC.LOHThreshold above its
#           image size, or use ReadInto.
# Reads CamVid from SEGGAN_CAMVID (default ../shared/datasets/camvid, next to the repository), as data.sh and parity.sh do.
#
# Usage: bench/imaging.sh [rounds] [images]   (default 5 rounds, 60 images per set)
# Last line: imaging_decode_ratio_vs_pil <SegGanLab images/s / PIL images/s, CamVid RGB PNG>
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
seggan_setup test
dotnet build bench/ImagingBench -c Release -v quiet -nologo >/dev/null

rounds="${1:-5}"
count="${2:-60}"
camvid="$(cd "${SEGGAN_CAMVID:-../shared/datasets/camvid}" 2>/dev/null && pwd || echo "${SEGGAN_CAMVID:-../shared/datasets/camvid}")"
[ -d "$camvid/train" ] || { echo "error: $camvid/train not found; the benchmark reads real CamVid files (set SEGGAN_CAMVID to the SegNet-layout folder)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ls "$camvid/train"/*.png | sort | awk -v n="$count" 'NR <= n' >"$work/rgb.txt"
ls "$camvid/trainannot"/*.png | sort | awk -v n="$count" 'NR <= n' >"$work/labels.txt"
/usr/bin/python3 - "$work" <<'PY'
import os, sys
from PIL import Image
out = sys.argv[1]
with open(os.path.join(out, "jpeg.txt"), "w") as names:
    for line in open(os.path.join(out, "rgb.txt")):
        path = os.path.join(out, os.path.basename(line.strip())[:-4] + ".jpg")
        Image.open(line.strip()).convert("RGB").save(path, quality=90)
        names.write(path + "\n")
PY

ours=(dotnet bench/ImagingBench/bin/Release/net10.0/ImagingBench.dll)
theirs=(/usr/bin/python3 bench/pil/decode_bench.py)
source bench/stats.sh
rate() { "$@" | awk '/^images_per_s/ { print $2 }'; }

# run_set NAME LIST MODE [OPTION]: alternates the two decoders (who goes first alternates too),
# prints both medians and the ratio for NAME; OPTION goes to SegGanLab's side only.
run_set() {
  local name="$1" ours_r=() theirs_r=()
  local args=(--list "$work/$2.txt" --mode "$3" --repeat 3)
  local extra=("${@:4}")
  for ((r = 0; r < rounds; r++)); do
    if ((r % 2 == 0)); then
      ours_r+=("$(rate "${ours[@]}" "${args[@]}" "${extra[@]}")"); theirs_r+=("$(rate "${theirs[@]}" "${args[@]}")")
    else
      theirs_r+=("$(rate "${theirs[@]}" "${args[@]}")"); ours_r+=("$(rate "${ours[@]}" "${args[@]}" "${extra[@]}")")
    fi
  done
  local a b
  a="$(printf '%s\n' "${ours_r[@]}" | median)"
  b="$(printf '%s\n' "${theirs_r[@]}" | median)"
  printf '%-7s SegGanLab %8.1f images/cpu-s   PIL %8.1f images/cpu-s\n' "$name" "$a" "$b" >&2
  awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f\n", a / b }'
}

echo "imaging benchmark: $rounds alternating rounds, $count images per set, one thread each" >&2
jpeg="$(run_set jpeg jpeg rgb --reuse)"
labels="$(run_set labels labels labels --reuse)"
alloc="$(run_set alloc rgb rgb)"
rgb="$(run_set rgb rgb rgb --reuse)"
echo "imaging_decode_ratio_vs_pil_jpeg $jpeg"
echo "imaging_decode_ratio_vs_pil_labels $labels"
echo "imaging_decode_ratio_vs_pil_alloc $alloc"
echo "imaging_decode_ratio_vs_pil $rgb"
