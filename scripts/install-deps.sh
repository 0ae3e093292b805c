#!/usr/bin/env bash
# Installs the Debian packages the build needs; quiet and quick when they are already there.
# Book: docs/03-running.md.
set -euo pipefail

# libcurl4: FoundationNetworking (PLC and handle resolution over HTTPS); curl: scripts/demo.sh.
PACKAGES=(librocksdb-dev libsecp256k1-dev libssl-dev libzstd-dev libsqlite3-dev libcurl4 curl)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
