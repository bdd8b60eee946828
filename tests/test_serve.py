"""`minhbach serve`: rebuilds on save, shows errors in the page, 404s, refuses a busy port."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from generator.build import build
from generator.serve import PreviewState, QuietServer, inject

from .preview import get, preview, wait_for

PLAN = "data/plans/tn-10-kh-ubnd-2024.yaml"
BROKEN_AT = f"{PLAN}:59:11"


def test_serve_rebuilds_on_save_and_keeps_last_good_site(site: Path) -> None:
    with preview(site) as server:
        first = server.wait_for_build()
        plan = site / PLAN
        text = plan.read_text(encoding="utf-8")
        plan.write_text(text.replace("tỉnh Thử Nghiệm năm 2024", "tỉnh Thử Nghiệm năm 2024 (sửa)"),
                        encoding="utf-8")
        second = server.wait_for_build(first)
        assert "năm 2024 (sửa)" in get(f"{server.base}/").text
        plan.write_text(text.replace("area: cai-cach-the-che", "area: khong-co"), encoding="utf-8")
        server.wait_for_build(second)
        page = get(f"{server.base}/").text
    assert "năm 2024 (sửa)" in page, "a broken save must keep the last good site"
    assert "không tìm thấy lĩnh vực “khong-co”" in server.printed()


def test_errors_shown_on_every_page_until_fixed(site: Path) -> None:
    with preview(site) as server:
        first = server.wait_for_build()
        plan = site / PLAN
        text = plan.read_text(encoding="utf-8")
        plan.write_text(text.replace("area: cai-cach-the-che", "area: khong-co"), encoding="utf-8")
        broken = server.wait_for_build(first)
        for path in ("/", "/ke-hoach/tn-10-kh-ubnd-2024/", "/khong-co-trang-nay/"):
            page = get(server.base + path).text
            assert 'id="minhbach-loi"' in page and BROKEN_AT in page, path
            assert "không tìm thấy lĩnh vực “khong-co”" in page, path
        plan.write_text(text, encoding="utf-8")
        server.wait_for_build(broken)
        assert 'id="minhbach-loi"' not in get(f"{server.base}/").text


def test_errors_shown_when_no_build_ever_succeeded(site: Path) -> None:
    plan = site / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("area: cai-cach-the-che",
                                                              "area: khong-co"), encoding="utf-8")
    with preview(site) as server:
        server.wait_for_build()
        reply = get(f"{server.base}/")
    assert reply.status == 503
    assert BROKEN_AT in reply.text and 'lang="vi"' in reply.text


def test_unknown_path_gets_the_sites_404_page(site: Path) -> None:
    with preview(site) as server:
        server.wait_for_build()
        reply = get(f"{server.base}/khong-co-trang-nay/")
        folder = get(f"{server.base}/ke-hoach/khong-co/")
    assert reply.status == 404 and folder.status == 404
    assert "Không tìm thấy trang" in reply.text
    assert "Directory listing" not in folder.text and "Error response" not in reply.text


def test_staff_files_are_served_as_downloads(site: Path) -> None:
    files = site / "content" / "files"
    files.mkdir(parents=True)
    (files / "bao-cao.pdf").write_bytes(b"%PDF-1.4 bao cao")
    with preview(site) as server:
        server.wait_for_build()
        # `check` refuses active files in content/files/; should one reach the published
        # folder anyway (an older build, a copy by hand), the preview still never runs it.
        published = site / "output" / "files"
        (published / "bai-viet.html").write_text("<script>alert(1)</script>", encoding="utf-8")
        (published / "hinh.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>",
                                            encoding="utf-8")
        for name in ("bao-cao.pdf", "bai-viet.html", "hinh.svg"):
            reply = get(f"{server.base}/files/{name}")
            assert reply.status == 200, name
            assert reply.headers["Content-Disposition"] == "attachment", name
            assert reply.headers["X-Content-Type-Options"] == "nosniff", name
            assert "sandbox" in reply.headers["Content-Security-Policy"], name
            assert "reload.js" not in reply.text, "a staff file is served as it is"
        css = get(f"{server.base}/theme/css/site.css")
    assert css.headers["Cache-Control"] == "no-cache", "the preview never serves a stale file"


def test_busy_port_is_one_vietnamese_line_before_any_build(site: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, "-m", "generator", "--root", str(site), "serve",
                              "--port", str(port)],
                             check=False, capture_output=True, encoding="utf-8", timeout=60)
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.strip().splitlines() == [
        (f"Không khởi động được bản xem trước: cổng {port} đang được chương trình khác dùng; "
         f"chọn cổng khác, ví dụ “minhbach serve --port {port + 1}”.")]
    assert not (site / "output").exists(), "nothing is built when the port is busy"


def test_listens_on_loopback_by_default(site: Path) -> None:
    with preview(site) as server:
        wait_for(lambda: "Xem trước tại" in server.printed(), "the address line")
    assert server.base.startswith("http://127.0.0.1:")


def test_build_output_has_no_trace_of_the_preview(site: Path) -> None:
    build(site, site / "output")
    for path in (site / "output").rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".css", ".xml", ".json"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "__minhbach" not in text and "minhbach-loi" not in text, path


def test_error_box_escapes_what_staff_wrote() -> None:
    state = PreviewState()
    state.record(['data/plans/x.yaml:1:1: giá trị “<img src=x onerror=alert(1)>” không hợp lệ'])
    page = inject("<html><body><p>trang</p></body></html>", state)
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert page.index('id="minhbach-loi"') < page.index("<p>trang</p>")
    assert page.index("<p>trang</p>") < page.index("reload.js")


def _failing_server(error: Exception, captured: pytest.CaptureFixture[str]) -> str:
    """What a preview server prints when answering a request raises `error`."""
    class Failing(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            raise error

    server = QuietServer(("127.0.0.1", 0), Failing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with socket.create_connection(server.server_address[:2]) as client:
        client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        client.recv(1)  # the server closes the connection once the handler has failed
    server.shutdown()
    server.server_close()  # waits for the request's thread
    thread.join()
    return captured.readouterr().err


def test_a_reader_leaving_mid_page_prints_no_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    for gone in (BrokenPipeError(), ConnectionResetError(), ConnectionAbortedError()):
        assert _failing_server(gone, capsys) == ""
    assert "ValueError: a bug" in _failing_server(ValueError("a bug"), capsys)
