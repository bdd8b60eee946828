#!/usr/bin/env bash
# Cài đặt mọi thứ cần cho kiểm thử (Chromium của Debian cho kiểm thử trình duyệt, Java và
# gói npm vnu-jar cho trình kiểm tra HTML)
# rồi chạy toàn bộ bộ kiểm thử.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian packages the tests need: Chromium (browser tests), a Java runtime (Nu HTML Checker).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
# npm packages (package-lock.json): vnu-jar for the HTML checks, lighthouse for the benchmark.
npm ci --no-audit --no-fund --loglevel=error
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
.venv/bin/ruff check generator tests
.venv/bin/minhbach check --strict -q
.venv/bin/python -m pytest -q "$@"
