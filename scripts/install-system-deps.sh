#!/usr/bin/env bash
# Install the Debian packages cctv-audit and its tests need, skipping what is already there.
set -euo pipefail

declare -A NEED=(
  [tesseract]=tesseract-ocr
  [chromium]=chromium
  [nmap]=nmap
  [dovecot]=dovecot-imapd
  [pdftotext]=poppler-utils
  [ip]=iproute2
  [wrk]=wrk
  [openssl]=openssl
)

missing=()
for cmd in "${!NEED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEED[$cmd]}")
done
# English language data for Tesseract (the binary alone cannot read anything).
if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx eng; then
  missing+=(tesseract-ocr-eng)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
  exit 0
fi
echo "installing Debian packages: ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" tesseract-ocr-eng >/dev/null
