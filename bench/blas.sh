#!/usr/bin/env bash
# Which BLAS LibTorch uses matters for linear layers and some transposed convolutions: Debian's
# default libblas.so.3 is the slow reference implementation; scripts/setup.sh installs OpenBLAS.
# This measures a 1024x1024 float32 matmul through SegGanLab with each BLAS forced in turn
# (LD_LIBRARY_PATH picks the libblas.so.3 that LibTorch loads), one thread.
# Last line: blas_speedup_openblas_vs_reference <ratio>
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
seggan_setup runtime
dotnet build bench/StepBench -c Release -v quiet -nologo >/dev/null
lib=/usr/lib/x86_64-linux-gnu
run() { LD_LIBRARY_PATH="$1" dotnet bench/StepBench/bin/Release/net10.0/StepBench.dll --matmul 1024 --threads 1 | awk '/^gflops/ { print $2 }'; }
ref="$(run "$lib/blas")"
open="$(run "$lib/openblas-pthread")"
echo "reference BLAS  $ref GFLOP/s"
echo "OpenBLAS        $open GFLOP/s"
awk -v a="$open" -v b="$ref" 'BEGIN { printf "blas_speedup_openblas_vs_reference %.1f\n", a / b }'
