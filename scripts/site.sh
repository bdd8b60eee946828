#!/usr/bin/env bash
# Cài đặt Minh Bạch vào .venv rồi dựng trang ví dụ vào output/.
# Thêm "serve" để xem trước tại http://127.0.0.1:8000/ (tự dựng lại khi lưu tệp).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
.venv/bin/minhbach build
if [ "${1:-}" = "serve" ]; then
  exec .venv/bin/minhbach serve
fi
