#!/usr/bin/env bash
# Installs the Debian packages the tests need. Idempotent: packages already installed
# are left alone, and apt-get runs only when something is missing.
# Add a package as one line in PACKAGES with the reason beside it.
set -euo pipefail

PACKAGES=(
  libxml2-utils # xmllint: validates every generated ProfileXML against Microsoft's XSD
)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "Debian packages already installed: ${PACKAGES[*]}"
  exit 0
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  SUDO='sudo'
fi
echo "Installing Debian packages: ${missing[*]}"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
