"""A minimal client for `pagefind --service`, the binary of the `pagefind[bin]` package.

The package's own Python client (`pagefind.index.PagefindIndex`) sleeps 0.1 s before
reading each reply, so every document costs 0.1 s whatever its size: 33 s for the
example site's pages and task rows, against about a second for our whole indexing step.
We speak the protocol that client speaks (base64-encoded JSON messages, each followed by
a comma) and read each reply as soon as it arrives.

The bundle is fetched in memory (`GetFiles`) and written by `search_index`, never by
Pagefind (`WriteFiles`): Pagefind writes through tokio files without flushing them, so
its reply comes while the bytes are still on their way to the disk, and it calls
`exit(0)` the moment its input closes — under CPU load that published an empty
`pagefind-entry.json` or a truncated `pagefind.js`, with exit status 0. The process is
still waited for and its status checked, and it dies with the thread that started it,
so a killed build leaves no `pagefind` behind.
"""

from __future__ import annotations

import asyncio
import base64
import ctypes
import json
import os
import signal
import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import IO, Any

from pagefind.service import get_executable


class PagefindError(RuntimeError):
    pass


def executable() -> Path:
    found = get_executable()
    if found is None:
        raise PagefindError("không tìm thấy chương trình pagefind: hãy cài gói pagefind[bin]")
    return found


class PagefindClient:
    """Requests to one running `pagefind --service` process, one at a time."""

    def __init__(self, process: asyncio.subprocess.Process, errors: IO[bytes]) -> None:
        self.process = process
        self.errors = errors
        self.index_id: int | None = None
        self._next_id = 0

    def stderr(self) -> str:
        self.errors.seek(0)
        return self.errors.read().decode(errors="replace").strip()

    async def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        self._next_id += 1
        message = {"message_id": self._next_id, "payload": payload}
        stdin.write(base64.b64encode(json.dumps(message).encode()) + b",")
        try:
            await stdin.drain()
            raw = await stdout.readuntil(b",")
        except (asyncio.IncompleteReadError, ConnectionError) as error:
            raise PagefindError(f"pagefind dừng bất ngờ: {self.stderr()}") from error
        try:
            reply = json.loads(base64.b64decode(raw[:-1]))
        except ValueError as error:
            raise PagefindError(f"pagefind trả lời không đọc được: {self.stderr()}") from error
        answer: dict[str, Any] = reply["payload"]
        if answer.get("type") == "Error":
            raise PagefindError(f"pagefind báo lỗi: {answer.get('message')}")
        if reply.get("message_id") != self._next_id:
            raise PagefindError(f"pagefind trả lời sai thứ tự: {reply.get('message_id')}")
        return answer

    async def new_index(self, config: dict[str, Any]) -> None:
        self.index_id = (await self.send({"type": "NewIndex", "config": config}))["index_id"]

    async def add_html(self, url: str, html: str) -> dict[str, Any]:
        return await self.send({"type": "AddFile", "index_id": self.index_id, "url": url,
                                "file_contents": html, "file_path": None})

    async def files(self) -> dict[str, bytes]:
        """The whole bundle by path (relative to the bundle's folder), in memory."""
        reply = await self.send({"type": "GetFiles", "index_id": self.index_id})
        return {item["path"]: base64.b64decode(item["content"]) for item in reply["files"]}


# Seconds Pagefind may take to exit once its input is closed (it exits at once when well).
STOP_SECONDS = 60
# The whole bundle comes back in one reply: 37 MB of index for 5,000 pages, in base64.
MAX_REPLY_BYTES = 2**30
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Runs in the child before pagefind starts: Linux kills it when its parent thread ends."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


async def _stop(process: asyncio.subprocess.Process, client: PagefindClient) -> None:
    if process.stdin is not None:
        process.stdin.close()
    try:
        status = await asyncio.wait_for(process.wait(), timeout=STOP_SECONDS)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise PagefindError(f"pagefind không dừng sau {STOP_SECONDS} giây") from None
    if status != 0:
        raise PagefindError(f"pagefind dừng với mã lỗi {status}: {client.stderr()}")


@asynccontextmanager
async def pagefind_index(config: dict[str, Any],
                         env: dict[str, str] | None = None) -> AsyncIterator[PagefindClient]:
    """A fresh index in a fresh `pagefind --service` process (with `env` added to its
    environment); on leaving, the process has ended with status 0, or PagefindError."""
    # Warnings go to a file, not to a pipe nobody reads, which could fill and block.
    with tempfile.TemporaryFile() as errors:
        process = await asyncio.create_subprocess_exec(
            executable(), "--service", stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=errors, limit=MAX_REPLY_BYTES,
            env={**os.environ, **(env or {})},
            preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        client = PagefindClient(process, errors)
        try:
            await client.new_index(config)
            yield client
        except BaseException:
            if process.returncode is None:
                process.kill()
            await process.wait()
            raise
        await _stop(process, client)
