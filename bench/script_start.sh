#!/usr/bin/env bash
# Start time of `seggan run` on a trivial script: cold (the script is compiled: the cache is
# emptied before every run) and cached (the unchanged script reuses its compiled build), with
# `seggan info` (process start, LibTorch and the CLI, no script) as the floor both stand on.
# Pass an experiment script to time it as well (e.g. bench/script_start.sh experiments/quickstart.csx;
# its training then dominates: the difference between its cold and cached runs is the compile time).
# Last line: cached_over_cold <ratio>  (goal: well under 1; the cache removes the compiler's cost).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/scripts/setup.sh"
SEGGAN_QUIET=1 seggan_setup runtime
command -v hyperfine >/dev/null || { echo "error: hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SEGGAN_CACHE="$work/cache"
cli=(dotnet "$here/src/SegGanLab.Cli/bin/Release/net10.0/seggan.dll")
cat >"$work/trivial.csx" <<'CSX'
var t = randn(4, 4);
Console.WriteLine($"sum of {t.shape[0]}x{t.shape[1]} = {t.sum().item<float>():F3}");
CSX

runs="${SEGGAN_BENCH_RUNS:-10}"
# One --prepare per command, in order: only the cold runs empty the cache.
hyperfine --warmup 1 --runs "$runs" --export-json "$work/start.json" \
  --prepare true --prepare "rm -rf '$SEGGAN_CACHE'" --prepare true \
  -n info "${cli[*]} info" \
  -n cold "${cli[*]} run $work/trivial.csx" \
  -n cached "${cli[*]} run $work/trivial.csx"
if [ $# -gt 0 ]; then
  script="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  hyperfine --runs "${SEGGAN_BENCH_SCRIPT_RUNS:-1}" --prepare "rm -rf '$SEGGAN_CACHE'" --prepare true \
    -n "cold $(basename "$1")" "${cli[*]} run --progress none $script" \
    -n "cached $(basename "$1")" "${cli[*]} run --progress none $script"
fi
/usr/bin/python3 - "$work/start.json" <<'PY'
import json, sys
results = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
r = {k: v["mean"] for k, v in results.items()}
for k, v in results.items():
    # CPU time (user + system) as well: on a busy machine the wall time says more about the neighbours.
    print(f"{k}_s {v['mean']:.2f}  {k}_cpu_s {v['user'] + v['system']:.2f}")
print(f"cached_over_cold {r['cached'] / r['cold']:.2f}")
PY
