#!/usr/bin/env bash
# The expected results of templates/README.md: runs each template with ./seggan run (steps scaled by
# SEGGAN_STEP_SCALE, default 1 = as written) and prints one line per template with its steps, final
# and best primary metric (mIoU, PSNR for deblur), training seconds and the load average at the end.
#
# Usage: bench/templates.sh [template...]        (default: every templates/*.csx; SEGGAN_NUM_THREADS=N)
# Lines: template NAME steps N metric M final F best B seconds S load L
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
seggan_setup runtime
export SEGGAN_STEP_SCALE="${SEGGAN_STEP_SCALE:-1}"
runs="${TMPDIR:-/tmp}/seggan-template-runs"
mkdir -p "$runs"
names=("$@")
[ ${#names[@]} -gt 0 ] || names=($(ls templates/*.csx | xargs -n1 basename | sed 's/\.csx$//'))
for name in "${names[@]}"; do
  line=$(cd "$runs" && dotnet "$OLDPWD/src/SegGanLab.Cli/bin/Release/net10.0/seggan.dll" run "$OLDPWD/templates/$name.csx" --json --progress plain 2>/dev/null | tail -1)
  /usr/bin/python3 - "$name" "$line" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, sys
name, line, load = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
run = line.get("run") or {}
fmt = lambda v: "nan" if v is None else f"{v:.4f}"
print(f"template {name} status {line['status']} steps {run.get('steps')} metric {run.get('metric')} "
      f"final {fmt(run.get('final'))} best {fmt(run.get('best'))} seconds {run.get('seconds')} load {load}")
PY
done
