#!/usr/bin/env bash
# Tools some tests drive, from Debian's packages (no downloads from elsewhere):
# - Chromium, for the browser tests (through playwright-core);
# - LibreOffice Writer and poppler-utils, to render the yearly DOCX to PDF/PNG.
# Install what is missing when we are allowed to (root + apt). Without them
# those tests are skipped with a printed reason; nothing else depends on them.
set -u
missing=()
have_any() { for b in "$@"; do [ -x "$b" ] && return 0; done; return 1; }
have_any /usr/bin/chromium /usr/bin/chromium-browser || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[ensure-test-tools] installing Debian ${missing[*]} for the browser and document-render tests" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
    || echo "[ensure-test-tools] could not install ${missing[*]}; the tests that need them will be skipped" >&2
else
  echo "[ensure-test-tools] ${missing[*]} not found and cannot install; the tests that need them will be skipped" >&2
fi
exit 0
