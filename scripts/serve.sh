#!/usr/bin/env bash
# Builds Simpul (release, as users get it) and serves it at http://127.0.0.1:8080,
# with the relay of workshop rooms beside it on ws://127.0.0.1:1234, installing any
# missing tool first. Stop with Ctrl+C.
#
# For phones on the same network: SIMPUL_HOST=0.0.0.0 RELAY_HOST=0.0.0.0 (anyone on
# that network can then reach both; see README.md, "Workshop rooms").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$SIMPUL_ROOT"
say "Relay for workshop rooms at ws://${RELAY_HOST:-127.0.0.1}:${RELAY_PORT:-1234} (rooms kept in ${RELAY_DIR:-.relay-data})"
sh scripts/relay.sh &
relay=$!
trap 'kill "$relay" 2>/dev/null || true' EXIT
say "Serving Simpul at http://${SIMPUL_HOST:-127.0.0.1}:8080 (first build takes about 2 minutes)"
trunk serve --release --address "${SIMPUL_HOST:-127.0.0.1}"
