"""The editor in real Chromium against `decap-server`, on a temporary copy of the project:
it loads, a report's task status is changed and saved to the copy's working tree, and
`minhbach check` passes on the result — with no error in the browser console."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build import build

from ..conftest import PROJECT_ROOT
from ..preview import LIMIT, wait_for
from .conftest import serve

pytestmark = pytest.mark.browser
TIMEOUT_MS = LIMIT * 1000
REPORT = "data/reports/ag-792-kh-ubnd-2018/2018-quy-1.yaml"
SERVER = PROJECT_ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's sources; the npm packages are linked, not copied."""
    if not SERVER.is_file():
        pytest.fail("node_modules is missing: run `npm ci` (scripts/test.sh does).", pytrace=False)
    root = tmp_path / "du-an"
    root.mkdir()
    for name in ("content", "data", "themes"):
        shutil.copytree(PROJECT_ROOT / name, root / name)
    shutil.copy(PROJECT_ROOT / "minhbach.toml", root)
    (root / "node_modules").symlink_to(PROJECT_ROOT / "node_modules")
    build(root, root / "output")
    return root


@pytest.fixture
def decap_server(project: Path) -> Iterator[str]:
    """`decap-server` writing into the copy, on a free port; yields its API address."""
    port = _free_port()
    log = project.parent / "decap-server.log"
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(project)}
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(["node", str(SERVER)], env=env, stdout=sink,
                                   stderr=subprocess.STDOUT)
        try:
            wait_for(lambda: "listening" in log.read_text(encoding="utf-8")
                     or process.poll() is not None, "decap-server to listen")
            assert process.poll() is None, log.read_text(encoding="utf-8")
            yield f"http://127.0.0.1:{port}/api/v1"
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture
def admin_url(project: Path, decap_server: str) -> Iterator[str]:
    # The generated config says `local_backend: true` (decap-server's usual port 8081); the
    # test points it at the server it started, as Decap's `local_backend.url` allows.
    config = project / "output" / "admin" / "config.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("local_backend: true", f"local_backend:\n  url: {decap_server}"),
                      encoding="utf-8")
    yield from serve(project / "output")


def task_status(path: Path, task: str) -> str:
    report = yaml.safe_load(path.read_text(encoding="utf-8"))
    return next(row["status"] for row in report["tasks"] if row["task"] == task)


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
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_text("Công bố ngay").click()

    wait_for(lambda: task_status(report, "i-7") == "dang-thuc-hien", "the saved report")
    check = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "check"],
                           check=False, capture_output=True, encoding="utf-8", timeout=300)
    assert check.returncode == 0, check.stderr
    assert task_status(report, "i-6") == "dang-thuc-hien", "other rows are kept"
