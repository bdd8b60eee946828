"""Run `minhbach serve` on a free port for a test, and wait for conditions, not for time."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

LIMIT = 120.0  # seconds; generous, because the machine is shared and builds run meanwhile


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str


def _headers(message: Message) -> dict[str, str]:
    """Repeated headers joined as a browser reads them, so a duplicate cannot hide."""
    return {name: ", ".join(message.get_all(name, [])) for name in set(message.keys())}


def get(url: str) -> Response:
    try:
        with urllib.request.urlopen(url, timeout=30) as reply:
            return Response(reply.status, _headers(reply.headers), reply.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return Response(error.code, _headers(error.headers), error.read().decode("utf-8"))


def wait_for(condition: Callable[[], bool], what: str, limit: float = LIMIT) -> None:
    """Return as soon as `condition()` holds; fail naming `what` after `limit` seconds."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


@dataclass
class Preview:
    base: str
    log: Path  # everything the server printed, stdout and stderr

    def printed(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def build_number(self, path: str = "/") -> int:
        found = re.search(r'reload\.js" data-version="(\d+)"', get(self.base + path).text)
        return int(found.group(1)) if found else -1

    def wait_for_build(self, after: int = 0) -> int:
        """Wait until a build newer than `after` is served; returns its number."""
        wait_for(lambda: self.build_number() > after, f"build {after + 1}")
        return self.build_number()


def _address(log: Path) -> str | None:
    found = re.search(r"http://[\d.]+:\d+", log.read_text(encoding="utf-8"))
    return found.group(0) if found else None


@contextmanager
def preview(root: Path) -> Iterator[Preview]:
    """The server's output goes to a file: a pipe nobody reads would fill up and block it."""
    log = root.parent / "serve.log"
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "--root", str(root), "serve", "--port", "0"],
            stdout=sink, stderr=subprocess.STDOUT)
        try:
            wait_for(lambda: _address(log) is not None or process.poll() is not None,
                     "the address line")
            address = _address(log)
            assert address, log.read_text(encoding="utf-8")
            yield Preview(address, log)
        finally:
            process.terminate()
            process.wait(timeout=30)
