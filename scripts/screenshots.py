"""Take the staff guide's screenshots (docs/huong-dan/anh/) from the real admin and site.

Runs the editor against `decap-server` on a temporary copy of the project, in Debian's
Chromium, exactly as the admin test does; nothing in the project itself is changed.

    .venv/bin/python scripts/screenshots.py        # needs `npm ci` and /usr/bin/chromium
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright

from tests.browser.admin_session import copy_project, decap_server
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve
from tests.preview import LIMIT, preview, wait_for

SHOTS = ROOT / "docs" / "huong-dan" / "anh"
REPORT = "data/reports/ag-792-kh-ubnd-2018/2018-quy-1.yaml"
REPORT_ENTRY = "/admin/#/collections/bao-cao-ag-792-kh-ubnd-2018/entries/2018-quy-1"
WAIT_MS = LIMIT * 1000


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    print(SHOTS / f"{name}.png")


def admin_shots(page: Any, base: str, project: Path) -> None:
    before = (project / REPORT).read_text(encoding="utf-8")
    page.goto(f"{base}/admin/")
    login = page.get_by_role("button", name="Đăng nhập")
    login.wait_for(timeout=WAIT_MS)
    shot(page, "1-dang-nhap")
    login.click()
    page.get_by_text("Báo cáo — 792/KH-UBND").wait_for(timeout=WAIT_MS)
    shot(page, "2-bo-suu-tap")
    page.goto(base + REPORT_ENTRY)
    item = page.get_by_text("i-7 — chua-thuc-hien", exact=True)
    item.wait_for(timeout=WAIT_MS)
    item.locator("xpath=..").get_by_role("button").first.click()
    status = page.locator("input[id^=status-field-]").nth(6)
    status.scroll_into_view_if_needed()
    status.click()
    page.get_by_role("option", name="Đang thực hiện", exact=True).wait_for(timeout=WAIT_MS)
    shot(page, "3-chon-trang-thai")
    page.keyboard.type("Đang thực hiện")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_text("Công bố ngay").wait_for(timeout=WAIT_MS)
    shot(page, "4-cong-bo")
    page.get_by_text("Công bố ngay").click()
    wait_for(lambda: (project / REPORT).read_text(encoding="utf-8") != before, "the saved report")
    page.goto(f"{base}/admin/#/collections/tin-tuc/new")
    page.get_by_text("Tiêu đề", exact=True).first.wait_for(timeout=WAIT_MS)
    shot(page, "5-tin-moi")


def preview_shots(page: Any, project: Path) -> None:
    report = project / REPORT
    with preview(project) as server:
        server.wait_for_build()
        page.goto(f"{server.base}/ke-hoach/ag-792-kh-ubnd-2018/bao-cao/2018-quy-1/")
        shot(page, "6-trang-bao-cao")
        text = report.read_text(encoding="utf-8")
        report.write_text(text.replace("status: chua-thuc-hien", "status: xong", 1),
                          encoding="utf-8")
        page.locator("#minhbach-loi").wait_for(timeout=WAIT_MS)
        shot(page, "7-xem-truoc-bao-loi")
        report.write_text(text, encoding="utf-8")


def main() -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 640}, locale="vi-VN")
        project = copy_project(Path(folder) / "du-an")
        with decap_server(project):
            for base in serve(project / "output"):
                admin_shots(page, base, project)
        preview_shots(page, project)
        browser.close()


if __name__ == "__main__":
    main()
