#!/usr/bin/env bash
# Installs what `make demo` and `make test` need and is missing; does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
WASM_BINDGEN_VERSION=0.2.130
say() { printf '[setup] %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=()
command -v chromium >/dev/null || packages+=(chromium)
command -v chromedriver >/dev/null || packages+=(chromium-driver)
command -v firefox-esr >/dev/null || packages+=(firefox-esr)
if [ ${#packages[@]} -gt 0 ]; then
  say "installing ${packages[*]} (Debian)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
# The shipped module rebuilds std for size (see Makefile: SIZE_STD), from the toolchain's own sources.
rustup component list --installed 2>/dev/null | grep -q '^rust-src' || rustup component add rust-src

# The CLI must equal the wasm-bindgen crate version exactly (Cargo.toml pins it).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
command -v wasm-pack >/dev/null || { say "installing wasm-pack"; cargo install wasm-pack; }
command -v geckodriver >/dev/null || { say "installing geckodriver"; cargo install geckodriver; }

# npm: wasm-opt (binaryen 132: Debian's binaryen breaks Rust's modules), playwright-core, axe-core, esbuild.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

if command -v wasm-opt >/dev/null && ! wasm-opt --version | grep -q 'version 1[3-9][0-9]'; then
  say "warning: $(command -v wasm-opt) is an old binaryen; the build uses node_modules/.bin/wasm-opt instead."
fi
