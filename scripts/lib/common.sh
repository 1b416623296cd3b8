# Shared by scripts/start and scripts/test: the Debian packages the suite needs, installed only
# when missing, and the build. Sourced, not run.

# Building ticketd and the tests.
BUILD_PACKAGES=(
  build-essential cmake pkg-config ccache clang-format
  qt6-base-dev qt6-websockets-dev qtkeychain-qt6-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
  qt6-charts-dev libqt6opengl6-dev
  qt6-declarative-dev qt6-multimedia-dev libzxing-dev prometheus-cpp-dev zlib1g-dev
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libpqxx-dev libhiredis-dev libsodium-dev libssl-dev libcurl4-openssl-dev libjwt-dev libqrencode-dev libpng-dev
  libcairo2-dev
)
# Running ticketd with its embedded servers (and the test harness's).
RUNTIME_PACKAGES=(
  postgresql redis-server redis-tools procps util-linux curl jq tzdata ca-certificates
  python3-aiosmtpd
  nginx-light
  libqt6sql6-sqlite
  qml6-module-qtqml qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtmultimedia gstreamer1.0-plugins-base gstreamer1.0-plugins-good
)
# The fuzz targets (scripts/fuzz): clang and libFuzzer of the same version.
FUZZ_PACKAGES=(clang-14 libfuzzer-14-dev libclang-rt-14-dev)
# Only the tests: a D-Bus session with a secret service, for the apps' keychain; and the box
# office's end-to-end test: Xvfb, the accessibility bus and pyatspi, a CUPS PDF printer, and
# the tools that read back what it printed.
TEST_PACKAGES=(
  dbus gnome-keyring openssl python3-jsonschema python3-aiosmtpd
  xvfb xauth dbus-x11 at-spi2-core python3-pyatspi imagemagick
  cups cups-client printer-driver-cups-pdf poppler-utils zbar-tools
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# ensure_packages PKG...: installs those not installed; does nothing (fast) when all are there.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    die "missing Debian packages: ${missing[*]}. Run this script as root, or: sudo apt-get install ${missing[*]}"
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_node: Node.js and npm for the OpenAPI linter (scripts/lint-openapi, tests/contract/redocly). A Node the machine
# already has (its own build, or NodeSource's) is used as it is; otherwise Debian's.
ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null && return 0
  ensure_packages nodejs npm
}

# build PRESET [TARGET...]: configure (once) and build with the CMake preset.
build() {
  local preset=$1
  shift
  cd "$ROOT"
  if [ ! -f "$ROOT/build/$preset/CMakeCache.txt" ]; then
    log "configuring ($preset)"
    cmake --preset "$preset" >/dev/null
  fi
  log "building ($preset${*:+: $*})"
  local targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  cmake --build --preset "$preset" -j "$(nproc)" "${targets[@]}"
}
