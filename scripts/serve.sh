#!/usr/bin/env bash
# Builds Simpul (release, as users get it) and serves it at http://127.0.0.1:8080,
# installing any missing tool first. Stop with Ctrl+C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$SIMPUL_ROOT"
say "Serving Simpul at http://127.0.0.1:8080 (first build takes about 2 minutes)"
exec trunk serve --release
