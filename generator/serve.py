"""`minhbach serve`: a local preview that rebuilds on save and reloads the browser.

Only the preview adds to pages: a small script (`/__minhbach/reload.js`) that reloads
the page when a rebuild finishes, and — while the data has errors — a box listing them
(file:line:column, message) over the last good page. `minhbach build` output never
contains either. Responses carry the same headers as the published site (`headers`).
"""

from __future__ import annotations

import errno
import html
import http.server
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from .editor.headers import ADMIN, CONTENT_TYPES, FILES, for_path
from .errors import InvalidProject

if TYPE_CHECKING:  # the preview starts its server before importing the build's libraries
    from .facts.derive import Facts

WATCHED = ("content", "data", "themes", "minhbach.toml")
PREFIX = "/__minhbach/"
ASSETS = Path(__file__).parent / "preview"
NOT_PAGES = (f"/{ADMIN}/", f"/{FILES}/")  # the editor, and files staff attached: served as is
KEEPALIVE = 15.0  # seconds between comments on the event stream, to notice closed tabs


class PreviewState:
    """The outcome of the latest build, shared by the watcher and the request threads."""

    def __init__(self) -> None:
        self.version = 0
        self.problems: list[str] = []
        self.changed = threading.Condition()
        self.facts: Facts | None = None  # of the last good build, for the next to reuse

    def record(self, problems: list[str]) -> None:
        with self.changed:
            self.version += 1
            self.problems = problems
            self.changed.notify_all()

    def wait_past(self, version: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != version, timeout)
            return self.version


def rebuild(root: Path, output: Path, state: PreviewState) -> None:
    from .build import build
    from .phases import Phases

    try:
        # Each phase on its own line, so staff see how many pages a save rebuilt.
        state.facts = build(root, output, Phases(lambda line: print(line, flush=True)),
                            remove_later=True, previous=state.facts)
    except InvalidProject as error:
        problems = [str(p) for p in error.problems.sorted()]
        print("\n".join(problems), file=sys.stderr, flush=True)
        print("Dữ liệu có lỗi; vẫn hiện bản dựng tốt gần nhất.", file=sys.stderr, flush=True)
        state.record(problems)
        return
    except Exception as error:  # noqa: BLE001 - a preview must outlive a failed rebuild
        print(f"Lỗi khi dựng lại: {error}", file=sys.stderr, flush=True)
        state.record([f"Lỗi khi dựng lại: {error}"])
        return
    print("Đã dựng lại trang.", flush=True)
    state.record([])


def _watch(root: Path, output: Path, state: PreviewState, stop: threading.Event) -> None:
    from watchfiles import watch

    paths = [root / name for name in WATCHED if (root / name).exists()]
    for _changes in watch(*paths, stop_event=stop):
        rebuild(root, output, state)


def overlay(problems: list[str]) -> str:
    """The error box; every text in it comes from files staff wrote, so all is escaped."""
    items = "".join(f"<li><code>{html.escape(place)}</code>{html.escape(rest)}</li>"
                    for place, _, rest in (p.partition(": ") for p in problems))
    return (f'<link rel="stylesheet" href="{PREFIX}overlay.css">'
            '<section id="minhbach-loi" role="alert" lang="vi">'
            f"<h2>Dữ liệu có {len(problems)} lỗi — trang dưới đây là bản dựng tốt gần nhất</h2>"
            f"<ol>{items}</ol><p>Sửa tệp theo thông báo rồi lưu: trang sẽ tự tải lại.</p>"
            "</section>")


def inject(page: str, state: PreviewState) -> str:
    """The page plus the reload script, and the error box while the data is broken."""
    script = f'<script src="{PREFIX}reload.js" data-version="{state.version}"></script>'
    if state.problems:
        head, body, rest = page.partition("<body")
        if body:
            tag_end = rest.find(">") + 1
            page = head + body + rest[:tag_end] + overlay(state.problems) + rest[tag_end:]
        else:
            page = overlay(state.problems) + page
    before, found, after = page.rpartition("</body>")
    return before + script + found + after if found else page + script


EMPTY_PAGE = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">' \
             "<title>Minh Bạch — xem trước</title></head><body></body></html>"


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    output: Path
    state: PreviewState
    extensions_map: ClassVar = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                                **CONTENT_TYPES}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(self.output), **kwargs)

    def end_headers(self) -> None:
        for name, value in for_path(self.path.split("?", 1)[0]).items():
            if name != "Cache-Control":
                self.send_header(name, value)
        self.send_header("Cache-Control", "no-cache")  # the preview is always the latest build
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # every request on the terminal would hide the build messages

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == f"{PREFIX}events":
            self._events()
        elif path.startswith(PREFIX):
            self._own_file(path.removeprefix(PREFIX))
        elif not self.output.is_dir():
            self._html(EMPTY_PAGE, 503)
        else:
            self._site_file(path)

    def _site_file(self, path: str) -> None:
        # The output folder is swapped on each rebuild: resolve it per request.
        self.directory = str(self.output)
        target = Path(self.translate_path(path))
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        if target.is_dir():
            super().do_GET()  # the base redirects /a to /a/
        elif not target.is_file():
            missing = self.output / "404.html"
            self._html(missing.read_text(encoding="utf-8") if missing.is_file() else EMPTY_PAGE,
                       404)
        elif target.suffix == ".html" and not path.startswith(NOT_PAGES):
            self._html(target.read_text(encoding="utf-8"), 200)
        else:
            super().do_GET()

    def _html(self, page: str, status: int) -> None:
        body = inject(page, self.state).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _own_file(self, name: str) -> None:
        types = {"reload.js": "text/javascript", "overlay.css": "text/css"}
        if name not in types:
            self.send_error(404)
            return
        body = (ASSETS / name).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", f"{types[name]}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """Server-sent events: the build number now, then each time a rebuild finishes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        version = -1
        while True:  # until the tab closes: `QuietServer` ends the request silently
            current = self.state.wait_past(version, KEEPALIVE)
            message = f"data: {current}\n\n" if current != version else ": \n\n"
            self.wfile.write(message.encode("ascii"))
            self.wfile.flush()
            version = current


class QuietServer(http.server.ThreadingHTTPServer):
    """A reader closing a tab or following a link mid-download is normal, not an error:
    the standard server prints a traceback for it on the terminal staff watch."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _listen(bind: str, port: int, handler: type[PreviewHandler]) -> http.server.HTTPServer | None:
    try:
        return QuietServer((bind, port), handler)
    except OSError as error:
        reason = (f"cổng {port} đang được chương trình khác dùng; chọn cổng khác, ví dụ "
                  f"“minhbach serve --port {port + 1}”" if error.errno == errno.EADDRINUSE
                  else f"không mở được địa chỉ {bind}:{port} ({error.strerror})")
        print(f"Không khởi động được bản xem trước: {reason}.", file=sys.stderr)
        return None


def serve(root: Path, output: Path, port: int, bind: str) -> int:
    state = PreviewState()
    handler = type("Handler", (PreviewHandler,), {"output": output.resolve(), "state": state})
    server = _listen(bind, port, handler)
    if server is None:
        return 1
    host, actual_port = server.server_address[:2]
    print(f"Xem trước tại http://{host}:{actual_port}/ — trình soạn thảo tại /admin/ (chạy "
          "“BIND_HOST=127.0.0.1 npx decap-server” ở cửa sổ khác). Ctrl+C để dừng.", flush=True)
    rebuild(root, output, state)
    stop = threading.Event()
    threading.Thread(target=_watch, args=(root, output, state, stop), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
    return 0
