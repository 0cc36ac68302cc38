#!/usr/bin/env sh
# The relay of workshop rooms: the stock y-websocket server (npm @y/websocket-server)
# with its LevelDB persistence on. It listens on 127.0.0.1 unless RELAY_HOST says
# otherwise (RELAY_HOST=0.0.0.0 lets phones on the same network join), on
# RELAY_PORT (1234), and keeps rooms in RELAY_DIR (.relay-data).
cd "$(dirname "$0")/.." || exit 1
export HOST="${RELAY_HOST:-127.0.0.1}" PORT="${RELAY_PORT:-1234}" YPERSISTENCE="${RELAY_DIR:-.relay-data}"
exec node node_modules/@y/websocket-server/src/server.js
