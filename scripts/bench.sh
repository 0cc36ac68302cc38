#!/usr/bin/env bash
# Builds the analysis as a wasm module for Node and runs bench/analysis.mjs against
# graphology-metrics on generated maps of 50, 500 and 5,000 stakeholders, then the
# network layout (bench/layout.mjs) on 500, 1,000 and 5,000.
# BENCH_SIZES=50,500 limits the sizes.
#
#   scripts/bench.sh          analysis and layout in wasm under Node
#   scripts/bench.sh frames   frame times of the network view in headless Chromium
#                             (builds the release app first)
#   scripts/bench.sh freeze   the page's longest tasks while a big map is imported,
#                             paged and edited (builds the release app first)
#   scripts/bench.sh rooms    30 simulated participants editing one room on the
#                             real relay: latency, relay memory, the projector's
#                             longest tasks (builds the release app first)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$SIMPUL_ROOT"
if [[ "${1:-}" == "frames" ]]; then
  say "Building the app (release)"
  trunk build --release
  say "Measuring frame times in headless Chromium"
  node bench/frames.mjs
  exit 0
fi
if [[ "${1:-}" == "freeze" ]]; then
  say "Building the app (release)"
  trunk build --release
  say "Measuring the page's long tasks in headless Chromium"
  node bench/freeze.mjs
  exit 0
fi
if [[ "${1:-}" == "rooms" ]]; then
  say "Building the app (release)"
  trunk build --release
  say "Loading a room with simulated participants"
  node bench/rooms.mjs
  exit 0
fi
say "Building the analysis for wasm (release)"
cargo build --locked --release --target wasm32-unknown-unknown --example analysis_wasm
wasm-bindgen --target nodejs --out-dir target/bench-wasm \
  target/wasm32-unknown-unknown/release/examples/analysis_wasm.wasm
# The same wasm-opt pass as the app's release build (index.html: data-wasm-opt="z"),
# so the timings are those of the code users run.
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  target/bench-wasm/analysis_wasm_bg.wasm -o target/bench-wasm/analysis_wasm_bg.wasm
# wasm-bindgen's Node output is CommonJS; the project's package.json says "module".
echo '{"type": "commonjs"}' > target/bench-wasm/package.json
say "Building the analysis natively, to print beside the wasm times"
cargo build --locked --release --example analysis_native
say "Running the analysis benchmark"
node bench/analysis.mjs
say "Running the layout benchmark"
node bench/layout.mjs
