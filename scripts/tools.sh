#!/usr/bin/env bash
# Installs what building Simpul needs, skipping whatever is already there:
# the wasm32 target, Trunk, wasm-bindgen-cli of exactly the version in Cargo.lock,
# and the npm dev tools (wasm-opt from binaryen, Playwright, axe-core).
# Sourced by serve.sh and test.sh; leaves node_modules/.bin and ~/.cargo/bin on PATH.
set -euo pipefail

SIMPUL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$SIMPUL_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION="0.21.14"
NODE_MAJOR=20

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

require() {
  command -v "$1" >/dev/null 2>&1 || { echo "Simpul needs $1 ($2), which is not installed." >&2; exit 1; }
}
require cargo "install Rust with rustup"
require node "install Node.js $NODE_MAJOR or newer, with npm"
require npm "install Node.js and npm"

# The scripts read folders recursively (Node 20's fs) and Playwright needs a
# maintained Node release; older ones fail later with errors that do not say why.
NODE_FOUND="$(node --version)"
NODE_FOUND_MAJOR="${NODE_FOUND#v}"
NODE_FOUND_MAJOR="${NODE_FOUND_MAJOR%%.*}"
if [[ ! "$NODE_FOUND_MAJOR" =~ ^[0-9]+$ ]] || (( NODE_FOUND_MAJOR < NODE_MAJOR )); then
  echo "Simpul needs Node.js $NODE_MAJOR or newer; this machine has $NODE_FOUND." >&2
  exit 1
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The test command's gates; a minimal rustup profile leaves them out.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  say "Adding rustfmt and clippy"
  rustup component add rustfmt clippy
fi

if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  say "Installing Trunk $TRUNK_VERSION (several minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# Trunk only uses a wasm-bindgen from PATH whose version equals the lockfile's;
# otherwise it would try to download one.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$SIMPUL_ROOT/Cargo.lock")"
if [[ -z "$WASM_BINDGEN_VERSION" ]]; then
  echo "Could not read the wasm-bindgen version from Cargo.lock." >&2
  exit 1
fi
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The page is split into the parts fetched when first used after cargo links it
# (scripts/page.mjs); the splitter must read what the wasm_split_helpers of
# Cargo.lock write, so it comes from the same release.
WASM_SPLIT_VERSION="0.2.3"
if ! command -v wasm-split-cli >/dev/null 2>&1 || [[ "$(cat "$HOME/.cargo/.simpul-wasm-split" 2>/dev/null)" != "$WASM_SPLIT_VERSION" ]]; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes, once)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
  echo "$WASM_SPLIT_VERSION" > "$HOME/.cargo/.simpul-wasm-split"
fi

# npm ci only when node_modules does not match the committed lockfile.
if ! cmp -s "$SIMPUL_ROOT/package-lock.json" "$SIMPUL_ROOT/node_modules/.simpul-lock" 2>/dev/null; then
  say "Installing npm dev tools from package-lock.json"
  (cd "$SIMPUL_ROOT" && npm ci --no-audit --no-fund)
  cp "$SIMPUL_ROOT/package-lock.json" "$SIMPUL_ROOT/node_modules/.simpul-lock"
fi
