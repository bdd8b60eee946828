"""`minhbach serve` serves the site and rebuilds it when a source file is saved."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, limit: float = 60.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_on_save_and_keeps_last_good_site(site: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(site), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        assert _wait_for(lambda: "Cải cách hành chính tỉnh Thử Nghiệm" in _get(f"{base}/"))
        plan = site / "data/plans/tn-10-kh-ubnd-2024.yaml"
        text = plan.read_text(encoding="utf-8")
        plan.write_text(text.replace("tỉnh Thử Nghiệm năm 2024", "tỉnh Thử Nghiệm năm 2024 (sửa)"),
                        encoding="utf-8")
        assert _wait_for(lambda: "năm 2024 (sửa)" in _get(f"{base}/"))
        plan.write_text(text.replace("area: cai-cach-the-che", "area: khong-co"), encoding="utf-8")
        time.sleep(3)  # a broken save must not take the preview down
        assert "năm 2024 (sửa)" in _get(f"{base}/")
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode("utf-8")
    assert "không tìm thấy lĩnh vực “khong-co”" in output
