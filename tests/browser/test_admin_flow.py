"""The editor in real Chromium against `decap-server`, on a temporary copy of the project:
it loads, a report's task status is changed and saved to the copy's working tree, and
`minhbach check` passes on the result — with no error in the browser console."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from ..preview import LIMIT
from .admin_session import MISSING, SERVER, copy_project, decap_server
from .conftest import serve

pytestmark = pytest.mark.browser
TIMEOUT_MS = LIMIT * 1000
REPORT = "data/reports/ag-792-kh-ubnd-2018/2018-quy-1.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    if not SERVER.is_file():
        pytest.fail(MISSING, pytrace=False)
    return copy_project(tmp_path / "du-an")


@pytest.fixture
def admin_url(project: Path) -> Iterator[str]:
    with decap_server(project):
        yield from serve(project / "output")


def task_status(path: Path, task: str) -> str:
    report = yaml.safe_load(path.read_text(encoding="utf-8"))
    return next(row["status"] for row in report["tasks"] if row["task"] == task)


def publish_now(page: Any) -> None:
    """Publish the open entry and return once decap-server has answered that it saved it:
    it writes the file in place, so a test reading it before then can see half a file."""
    page.get_by_role("button", name="Công bố").first.click()
    with page.expect_response(lambda r: '"persistEntry"' in (r.request.post_data or ""),
                              timeout=TIMEOUT_MS) as saved:
        page.get_by_text("Công bố ngay").click()
    assert saved.value.ok, saved.value.status


def test_staff_change_a_report_in_the_browser(project: Path, admin_url: str, page: Any) -> None:
    report = project / REPORT
    assert task_status(report, "i-7") == "chua-thuc-hien"
    page.goto(f"{admin_url}/admin/")
    page.get_by_role("button", name="Đăng nhập").click(timeout=TIMEOUT_MS)
    page.get_by_text("Báo cáo — 792/KH-UBND").wait_for(timeout=TIMEOUT_MS)

    page.goto(f"{admin_url}/admin/#/collections/bao-cao-ag-792-kh-ubnd-2018/entries/2018-quy-1")
    item = page.get_by_text("i-7 — chua-thuc-hien", exact=True)
    item.wait_for(timeout=TIMEOUT_MS)
    item.locator("xpath=..").get_by_role("button").first.click()  # expand the task's row
    status = page.locator("input[id^=status-field-]").nth(6)  # i-7 is the seventh row
    status.fill("Đang thực hiện")
    page.keyboard.press("Enter")
    publish_now(page)

    assert task_status(report, "i-7") == "dang-thuc-hien"
    check = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "check"],
                           check=False, capture_output=True, encoding="utf-8", timeout=300)
    assert check.returncode == 0, check.stderr
    assert task_status(report, "i-6") == "dang-thuc-hien", "other rows are kept"


def test_staff_add_a_news_post_in_the_browser(project: Path, admin_url: str, page: Any) -> None:
    page.goto(f"{admin_url}/admin/")
    page.get_by_role("button", name="Đăng nhập").click(timeout=TIMEOUT_MS)
    page.get_by_text("Báo cáo — 792/KH-UBND").wait_for(timeout=TIMEOUT_MS)
    page.goto(f"{admin_url}/admin/#/collections/tin-tuc/new")
    page.locator("input[id^=title-field]").fill("Đẩy mạnh cải cách thủ tục hành chính quý II")
    page.get_by_text("Ngay lúc này").first.click()  # the date picker's "now"
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.type("Sở đẩy mạnh cải cách thủ tục hành chính.")
    publish_now(page)

    [post] = (project / "content" / "news").glob("*day-manh*.md")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-day-manh-cai-cach-thu-tuc-hanh-chinh-quy-ii\.md",
                        post.name), "ASCII slug, dated like the other posts"
    check = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "check"],
                           check=False, capture_output=True, encoding="utf-8", timeout=300)
    assert check.returncode == 0, check.stderr
