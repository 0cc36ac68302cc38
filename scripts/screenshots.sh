#!/usr/bin/env bash
# Regenerates the README's pictures (docs/screenshots/*.png) from a fresh
# release build, in headless Chromium. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$SIMPUL_ROOT"
say "Building the release"
trunk build --release
say "Taking the pictures"
node scripts/screenshots.mjs docs/screenshots
