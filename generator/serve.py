"""`minhbach serve`: a local preview that rebuilds when a source file is saved."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from .errors import InvalidProject

WATCHED = ("content", "data", "themes", "minhbach.toml")


def _snapshot(root: Path) -> dict[str, float]:
    stamps: dict[str, float] = {}
    for name in WATCHED:
        base = root / name
        files = [base] if base.is_file() else (p for p in base.rglob("*") if p.is_file())
        for path in files:
            stamps[str(path)] = path.stat().st_mtime
    return stamps


def _rebuild(root: Path, output: Path) -> None:
    from .build import build

    try:
        build(root, output)
        print("Đã dựng lại trang.", flush=True)
    except InvalidProject as error:
        for problem in error.problems.sorted():
            print(problem, file=sys.stderr, flush=True)
        print("Dữ liệu có lỗi; vẫn phục vụ bản dựng tốt gần nhất.", file=sys.stderr, flush=True)
    except Exception as error:  # noqa: BLE001 - a preview must outlive a failed rebuild
        print(f"Lỗi khi dựng lại ({error}); vẫn phục vụ bản dựng tốt gần nhất.", file=sys.stderr,
              flush=True)


def _watch(root: Path, output: Path, interval: float = 1.0) -> None:
    seen = _snapshot(root)
    while True:
        time.sleep(interval)
        now = _snapshot(root)
        if now != seen:
            seen = now
            _rebuild(root, output)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args: object, output: Path, **kwargs: object) -> None:
        self.output = output
        super().__init__(*args, directory=str(output), **kwargs)  # type: ignore[arg-type]

    def translate_path(self, path: str) -> str:
        # The output folder is swapped on each rebuild: resolve it per request.
        self.directory = str(self.output)
        return super().translate_path(path)


def serve(root: Path, output: Path, port: int, bind: str) -> int:
    _rebuild(root, output)
    threading.Thread(target=_watch, args=(root, output), daemon=True).start()
    handler = functools.partial(_Handler, output=output.resolve())
    with http.server.ThreadingHTTPServer((bind, port), handler) as server:
        print(f"Xem trước tại http://{bind}:{port}/ (Ctrl+C để dừng)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0
