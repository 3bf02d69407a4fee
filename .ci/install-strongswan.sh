#!/usr/bin/env bash
# Installs the Debian strongSwan packages that the strongSwan end-to-end test needs:
# charon (the IKE daemon), starter (reads ipsec.conf), swanctl (its vici client),
# the extra plugins (kernel-libipsec, because the CI kernel has no ESP) and the
# standard plugins (openssl, for ECP groups and AES-GCM).
# Idempotent: does nothing when every package is already installed. Needs root.
set -euo pipefail

packages=(
  strongswan-charon
  strongswan-starter
  strongswan-swanctl
  libcharon-extra-plugins
  libstrongswan-extra-plugins
  libstrongswan-standard-plugins
  iproute2
  iputils-ping
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "strongSwan packages already installed"
  exit 0
fi

echo "installing: ${missing[*]}"
if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
