#!/usr/bin/env bash
# Installs the Debian packages the build needs, and aiosmtpd for the mail tests; quiet and quick
# when they are already there.
# Book: docs/03-running.md.
set -euo pipefail

# libcurl4: FoundationNetworking (PLC and handle resolution over HTTPS); curl: scripts/demo.sh;
# openssl: the mail tests' self-signed certificate.
PACKAGES=(librocksdb-dev libsecp256k1-dev libssl-dev libzstd-dev libsqlite3-dev libcurl4 curl openssl)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# aiosmtpd: the real SMTP server the mail tests deliver to (scripts/smtp_sink.py). A Python that
# refuses pip installs (PEP 668) gets Debian's package instead.
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
    echo "installing: aiosmtpd"
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore aiosmtpd 2>/dev/null \
        || { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-aiosmtpd >/dev/null; }
fi
