#!/usr/bin/env bash
# Shared set-up for ./seggan and ./test.sh: installs missing system packages (idempotent,
# apt-get only when something is missing), builds the native shim with CMake and the .NET
# solution when out of date. Source it, then call: seggan_setup [runtime|test]
#
# Environment:
#   SEGGAN_LIBTORCH  build the shim against this LibTorch instead of Debian's (see src/SegGanLab.Native/CMakeLists.txt)
#   SEGGAN_QUIET=1   keep build output out of the terminal unless a step fails

SEGGAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Packages every run needs: LibTorch and the tools to build the shim, a fast BLAS, the JPEG codec
# (TurboJPEG API), libzmq for the notebook kernel and npm to fetch plotly.js at build time.
SEGGAN_RUNTIME_PACKAGES=(libtorch-dev cmake g++ make libopenblas0-pthread libturbojpeg0 libzmq5)
# The test set adds real peers and clients: PyTorch/torchvision/PIL for golden numbers and interop,
# Jupyter's kernel conformance suite, nbconvert/nbclient and ipykernel, and Chromium for report tests.
SEGGAN_TEST_PACKAGES=(python3-torch python3-torchvision python3-numpy python3-pil python3-jupyter-kernel-test
  jupyter-nbconvert python3-nbclient python3-ipykernel chromium)

seggan_log() { printf '\033[2m[seggan setup]\033[0m %s\n' "$*" >&2; }

seggan_install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  seggan_log "installing missing system packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; return 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  # The package lists may be absent on a fresh machine: update once, then install.
  $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/tmp/seggan-apt.log 2>&1 || {
    $sudo apt-get update >>/tmp/seggan-apt.log 2>&1 &&
    $sudo apt-get install -y --no-install-recommends "${missing[@]}" >>/tmp/seggan-apt.log 2>&1
  } || { echo "error: apt-get install ${missing[*]} failed; see /tmp/seggan-apt.log" >&2; return 1; }
}

seggan_build_native() {
  local build="$SEGGAN_ROOT/build/native"
  local args=(-S "$SEGGAN_ROOT/src/SegGanLab.Native" -B "$build" -DCMAKE_BUILD_TYPE=Release)
  [ -n "${SEGGAN_LIBTORCH:-}" ] && args+=(-DSEGGAN_LIBTORCH="$SEGGAN_LIBTORCH")
  if [ ! -f "$build/CMakeCache.txt" ] || [ -n "${SEGGAN_LIBTORCH:-}" ]; then
    seggan_log "configuring the native shim"
    cmake "${args[@]}" >/tmp/seggan-cmake.log 2>&1 || { cat /tmp/seggan-cmake.log >&2; return 1; }
  fi
  # CMake's own dependency tracking makes this a no-op when nothing changed.
  cmake --build "$build" -j"$(nproc)" >/tmp/seggan-native-build.log 2>&1 || { cat /tmp/seggan-native-build.log >&2; return 1; }
}

# True when the CLI was built after every source, project and native file changed: the launcher then
# skips `dotnet build`, which costs seconds even when there is nothing to do.
SEGGAN_BUILD_STAMP="$SEGGAN_ROOT/build/dotnet.stamp"
seggan_cli_up_to_date() {
  local stamp="$SEGGAN_BUILD_STAMP"
  [ -f "$stamp" ] && [ -f "$SEGGAN_ROOT/src/SegGanLab.Cli/bin/Release/net10.0/seggan.dll" ] || return 1
  [ -z "$(find "$SEGGAN_ROOT/src" "$SEGGAN_ROOT/build/native" "$SEGGAN_ROOT/Directory.Build.props" \
            \( -name bin -o -name obj -o -name node_modules -o -name CMakeFiles \) -prune -o \
            -newer "$stamp" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' \
            -o -name '*.so' -o -name '*.json' -o -name '*.js' -o -name '*.csx' \) -print -quit 2>/dev/null)" ]
}

seggan_build_dotnet() {
  command -v dotnet >/dev/null || { echo "error: the .NET SDK (dotnet) is required; install it first" >&2; return 1; }
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  dotnet build "$SEGGAN_ROOT/SegGanLab.sln" -c Release -v quiet -nologo >/tmp/seggan-dotnet-build.log 2>&1 ||
    { grep -E "error|Error" /tmp/seggan-dotnet-build.log | sort -u >&2; return 1; }
  touch "$SEGGAN_BUILD_STAMP"
}

seggan_setup() {
  local mode="${1:-runtime}"
  seggan_install_packages "${SEGGAN_RUNTIME_PACKAGES[@]}" || return 1
  # npm fetches the pinned plotly.js at build time; Debian's npm only when none is on PATH.
  command -v npm >/dev/null || { seggan_install_packages npm || return 1; }
  [ "$mode" = test ] && { seggan_install_packages "${SEGGAN_TEST_PACKAGES[@]}" || return 1; }
  seggan_build_native || return 1
  if [ "$mode" = runtime ] && seggan_cli_up_to_date; then return 0; fi
  seggan_build_dotnet || return 1
}
