#!/usr/bin/env bash
# Installs the Debian packages the tests drive as independent real clients, only when missing:
#   oathtool (TOTP), zbarimg + rsvg-convert (QR codes, PNG and SVG), chromium (WebAuthn end to end), dnsmasq (DNS TXT).
set -euo pipefail
declare -A need=([oathtool]=oathtool [zbarimg]=zbar-tools [rsvg-convert]=librsvg2-bin [chromium]=chromium [dnsmasq]=dnsmasq)
missing=()
for cmd in "${!need[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("${need[$cmd]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing test dependencies: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
