#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core (no browser
# download). Install it when missing and we are allowed to (root + apt).
set -u
for b in /usr/bin/chromium /usr/bin/chromium-browser; do
  [ -x "$b" ] && exit 0
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[ensure-browser] installing Debian chromium for the browser tests" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "[ensure-browser] could not install chromium; browser tests will be skipped" >&2
else
  echo "[ensure-browser] chromium not found and cannot install it; browser tests will be skipped" >&2
fi
exit 0
