#!/usr/bin/env bash
# Cài đặt mọi thứ cần cho kiểm thử (kể cả Chromium của Debian cho kiểm thử trình duyệt)
# rồi chạy toàn bộ bộ kiểm thử.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  else
    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
.venv/bin/ruff check generator tests
.venv/bin/minhbach check --strict -q
.venv/bin/python -m pytest -q "$@"
