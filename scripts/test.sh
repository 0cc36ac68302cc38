#!/usr/bin/env bash
# Runs every test layer, installing what the tests need first:
#   0. the gates: rustfmt, clippy (native and wasm32, warnings are errors), rustdoc;
#   1. native unit, property and integration tests of the core (cargo test);
#   2. the storage layer in headless Chromium (wasm-bindgen-test);
#   3. end-to-end tests of the release build with Playwright and axe-core.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$SIMPUL_ROOT"

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  say "Installing Debian's chromium and chromium-driver"
  SUDO=""
  [[ "$(id -u)" != 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi

say "0/3 Gates: formatting, lints, documentation"
cargo fmt --all --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --workspace

say "1/3 Native tests of the core"
cargo test --locked --workspace

say "2/3 Storage tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test browser_storage

say "3/3 End-to-end tests against the release build"
trunk build --release
node scripts/size.mjs
npm run e2e
