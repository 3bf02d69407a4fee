#!/usr/bin/env bash
# Installs the Debian packages the tests need. Idempotent: packages already installed
# are left alone, and apt-get runs only when something is missing.
# Add a package as one line in PACKAGES with the reason beside it.
set -euo pipefail

PACKAGES=(
  libxml2-utils # xmllint: validates every generated ProfileXML against Microsoft's XSD
  # The strongSwan handshake tests: charon, starter (reads ipsec.conf), swanctl (vici
  # client), the extra plugins (kernel-libipsec, because the CI kernel has no ESP) and
  # the standard plugins (openssl, for ECP groups and AES-GCM).
  strongswan-charon
  strongswan-starter
  strongswan-swanctl
  libcharon-extra-plugins
  libstrongswan-extra-plugins
  libstrongswan-standard-plugins
  iproute2     # ip netns and veth pairs for the handshake lab
  iputils-ping # the ping that crosses the tunnel
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
