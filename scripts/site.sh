#!/usr/bin/env bash
# Cài đặt Minh Bạch vào .venv, kiểm tra dữ liệu rồi dựng trang ví dụ vào output/.
# Thêm "serve" để xem trước tại http://127.0.0.1:8000/ (tự dựng lại khi lưu tệp).
# Trình soạn thảo /admin/ (Decap CMS) cần Node.js: không có npm thì trang vẫn được dựng, không có /admin/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
if command -v npm >/dev/null 2>&1; then
  # package-lock.json ghim phiên bản; chỉ cài lại khi nó thay đổi.
  # Dựng trang chỉ cần decap-cms; công cụ kiểm thử (devDependencies) để scripts/test.sh cài.
  { [ -d node_modules/decap-cms ] && [ node_modules/.package-lock.json -nt package-lock.json ]; } \
    || npm ci --omit=dev --no-audit --no-fund --loglevel=error
else
  echo "Không có npm (Node.js): bỏ qua trình soạn thảo /admin/." >&2
fi
.venv/bin/minhbach check
.venv/bin/minhbach build
if [ "${1:-}" = "serve" ]; then
  exec .venv/bin/minhbach serve
fi
