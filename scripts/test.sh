#!/usr/bin/env bash
# Cài đặt mọi thứ cần cho kiểm thử (Chromium của Debian cho kiểm thử trình duyệt, Java cho
# trình kiểm tra HTML, Node.js và các gói npm: trình soạn thảo /admin/, vnu-jar)
# rồi chạy toàn bộ bộ kiểm thử.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian packages the tests need: Chromium (browser tests), a Java runtime (Nu HTML Checker),
# Node.js and npm (the admin's Decap CMS, decap-server, vnu-jar).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
# Reinstall when the lock file changed, or when site.sh installed only what a build needs.
{ [ -d node_modules/vnu-jar ] && [ node_modules/.package-lock.json -nt package-lock.json ]; } \
  || npm ci --no-audit --no-fund --loglevel=error
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
.venv/bin/ruff check generator tests
.venv/bin/minhbach check --strict -q
.venv/bin/python -m pytest -q "$@"
