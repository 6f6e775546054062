#!/usr/bin/env bash
# Rapport's one set-up script (see README.md):
#   ./setup.sh run  [rapport args...]   install what is missing, build, start the desktop app
#   ./setup.sh test                     install what is missing, build, run every test (CI runs this)
#   ./setup.sh bench [--quick]          install, build, print the benchmark figures (both bench binaries)
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${RAPPORT_BUILD_DIR:-build}
# Cache hits across clones in different folders (CI clones afresh): paths relative to here, and the
# working directory left out of the hash (RelWithDebInfo builds would otherwise hash it).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
# Debian 12 packages: build + tests, then the real keychain and headless screenshots.
PACKAGES=(g++ cmake ninja-build ccache qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
          libqt6sql6-sqlite qt6-qpa-plugins qt6-translations-l10n qtkeychain-qt6-dev nlohmann-json3-dev
          libsqlite3-dev libsodium-dev pkg-config libsecret-1-0 gnome-keyring dbus-x11 xvfb xauth fonts-dejavu-core openssl
          dbus-daemon dbus-bin fonts-noto-cjk fonts-lohit-deva fonts-noto-color-emoji)  # fonts: every script, emoji

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    say "Building in $BUILD_DIR/"
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD_DIR" -j"$(nproc)"
}

# A private session bus with an unlocked throw-away keyring, so keychain tests use the real thing.
with_keyring() {
    dbus-run-session -- bash -c 'export HOME=$(mktemp -d); export XDG_RUNTIME_DIR=$(mktemp -d);
        echo -n ci-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' _ "$@"
}

cmd=${1:-}
shift || true
case "$cmd" in
run)
    install_missing
    build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        shot="$BUILD_DIR/rapport-screenshot.png"
        QT_QPA_PLATFORM=offscreen "$BUILD_DIR/app/rapport" --screenshot "$shot" "$@"
        cat <<MSG

This machine has no display, so Rapport cannot open a window here.
A picture of the window was saved to $shot.
To use the app without a display:
    xvfb-run -a -s '-screen 0 1280x800x24' $BUILD_DIR/app/rapport
    QT_QPA_PLATFORM=offscreen $BUILD_DIR/app/rapport --screenshot out.png
MSG
        exit 0
    fi
    say "Starting Rapport"
    exec "$BUILD_DIR/app/rapport" "$@"
    ;;
test)
    install_missing
    build
    say "Running the tests"
    with_keyring ctest --test-dir "$BUILD_DIR" --output-on-failure -j2
    ;;
bench)
    install_missing
    build
    # The 100k-contact demo profile is kept in the build folder: only the first run pays for filling it.
    "$BUILD_DIR/tests/bench/rapport-bench" --profile "$BUILD_DIR/bench-profile" "$@"
    # The GUI-thread benchmarks (chat rendering, AI overhead) live in their own binary; --quick carries over.
    ui_args=()
    for a in "$@"; do [ "$a" = --quick ] && ui_args+=(--quick); done
    "$BUILD_DIR/tests/bench/rapport-bench-ui" "${ui_args[@]}"
    # Sync against a rapport-server process on loopback: push, pull, a new laptop's initial sync.
    exec "$BUILD_DIR/tests/bench/rapport-bench-sync" "${ui_args[@]}"
    ;;
*)
    echo "usage: $0 run [rapport args...] | test | bench [--quick]" >&2
    exit 2
    ;;
esac
