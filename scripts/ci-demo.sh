#!/usr/bin/env bash
# ci-demo.sh: starts the debug build of pds on a temporary data directory and runs scripts/demo.sh
# against it. Book: docs/03-running.md ("The demo script").
set -euo pipefail
cd "$(dirname "$0")/.."
PDS=${PDS_BIN:-.build/debug/pds}
[[ -x $PDS ]] || swift build --product pds
data=$(mktemp -d)
port=${DEMO_PORT:-3917}
export PDS_ADMIN_PASSWORD="ci-admin-$RANDOM$RANDOM"
PDS_DATA_DIR="$data" PDS_PORT=$port PDS_INVITE_REQUIRED=true "$PDS" serve >"$data/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/xrpc/_health" >/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$data/server.log"; exit 1; }
    sleep 0.2
done
PDS_URL="http://127.0.0.1:$port" scripts/demo.sh || { echo "--- server log"; tail -50 "$data/server.log"; exit 1; }
