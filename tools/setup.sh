#!/usr/bin/env bash
# Installs what `make demo` and `make test` need and is missing; does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# shellcheck source=versions.env
. tools/versions.env
say() { printf '[setup] %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=()
command -v chromium >/dev/null || packages+=(chromium)
command -v chromedriver >/dev/null || packages+=(chromium-driver)
command -v firefox-esr >/dev/null || packages+=(firefox-esr)
# WebKitGTK, the engine of Safari, driven through its WebDriver server under a virtual display.
command -v WebKitWebDriver >/dev/null || packages+=(webkit2gtk-driver)
command -v Xvfb >/dev/null && command -v xvfb-run >/dev/null || packages+=(xvfb)
# A window manager for the virtual display: it sizes WebKit's window to a phone's screen.
command -v matchbox-window-manager >/dev/null || packages+=(matchbox-window-manager)
if [ ${#packages[@]} -gt 0 ]; then
  say "installing ${packages[*]} (Debian)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
# The shipped module rebuilds std for size (see Makefile: SIZE_STD), from the toolchain's own sources.
rustup component list --installed 2>/dev/null | grep -q '^rust-src' || rustup component add rust-src

# A cargo-installed tool at exactly the version of tools/versions.env (wasm-bindgen's CLI must
# equal the crate that Cargo.toml pins).
cargo_tool() { # crate binary version
  if [ "$("$2" --version 2>/dev/null | head -1)" != "$2 $3" ]; then
    say "installing $1 $3"
    cargo install "$1" --version "$3" --force
  fi
}
cargo_tool wasm-bindgen-cli wasm-bindgen "$WASM_BINDGEN"
cargo_tool wasm-pack wasm-pack "$WASM_PACK"
cargo_tool geckodriver geckodriver "$GECKODRIVER"
# wasm-split-cli prints no version: cargo's own list of installed crates says it.
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT:"; then
  say "installing wasm_split_cli_support $WASM_SPLIT"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT" --features build-binary --locked --force
fi

# npm: wasm-opt (binaryen 132: Debian's binaryen breaks Rust's modules), playwright-core, axe-core, esbuild.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

if command -v wasm-opt >/dev/null && ! wasm-opt --version | grep -q 'version 1[3-9][0-9]'; then
  say "warning: $(command -v wasm-opt) is an old binaryen; the build uses node_modules/.bin/wasm-opt instead."
fi
