"""Real headless Chromium (Debian's /usr/bin/chromium) driven by playwright, against built sites.

The example site is built once per session (`example_site` in tests/conftest.py) and served
by a threaded http.server on 127.0.0.1 with the headers the host is given (`_headers`, from
generator/headers.py), so a script the Content-Security-Policy would block fails here as it
would on the real host.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import pytest

from generator.build import build
from generator.editor import headers
from generator.serve import QuietServer

from ..conftest import FIXTURE_SITE, PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# A news post whose đ-words have no plain-d look-alike anywhere on its page, so finding it
# by "duong", "dien", "doi" or "day" can only come from folding đ (test_search_folding.py).
FOLDING_POST = """---
title: Tin kiểm thử tìm kiếm
date: 2024-03-01 10:00
category: Tin tức
slug: kiem-thu-tim-kiem
---
Sửa đường. Lắp điện. Thay đổi. Đẩy mạnh.
"""
FOLDING_URL = "/tin-tuc/2024/kiem-thu-tim-kiem/"


def _handler(folder: Path) -> Any:
    class Handler(SimpleHTTPRequestHandler):
        extensions_map: ClassVar = {**SimpleHTTPRequestHandler.extensions_map,
                                    **headers.CONTENT_TYPES}

        def end_headers(self) -> None:
            for name, value in headers.for_path(self.path.split("?", 1)[0]).items():
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, *args: Any) -> None:
            pass  # keep the test output quiet

    return functools.partial(Handler, directory=str(folder))


def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port; yields the base URL."""
    server = QuietServer(("127.0.0.1", 0), _handler(folder))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def example_url(example_site: Path) -> Iterator[str]:
    yield from serve(example_site)


@pytest.fixture(scope="session")
def folding_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture site plus FOLDING_POST, built once."""
    root = tmp_path_factory.mktemp("folding") / "site"
    shutil.copytree(FIXTURE_SITE, root)
    shutil.copytree(PROJECT_ROOT / "themes", root / "themes")
    (root / "content" / "news" / "2024-03-01-kiem-thu.md").write_text(FOLDING_POST,
                                                                       encoding="utf-8")
    build(root, root / "output")
    return root / "output"


@pytest.fixture(scope="session")
def folding_url(folding_site: Path) -> Iterator[str]:
    yield from serve(folding_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: browser tests need Debian's Chromium. Install it "
                    "with `apt-get install chromium` (scripts/test.sh does this).", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Problems:
    """Everything that went wrong in the browser during one test."""

    items: list[str] = field(default_factory=list)
    # URLs whose requests are cut on purpose (the preview's event stream, on each reload).
    cut_on_purpose: tuple[str, ...] = ()

    # Main-frame navigations so far, and how many had happened when each request began.
    _navigations: int = 0
    _started: dict[Any, int] = field(default_factory=dict)

    def watch(self, page: Any) -> None:
        page.on("console", lambda m: m.type == "error" and self.items.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.items.append(f"page error: {e}"))
        page.on("framenavigated", lambda f: f == page.main_frame and self._navigated())
        page.on("request", lambda r: self._started.setdefault(r, self._navigations))
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: r.status >= 400 and self.items.append(
            f"HTTP {r.status}: {r.url}"))

    def _navigated(self) -> None:
        self._navigations += 1

    def _failed(self, request: Any) -> None:
        # Leaving a page cancels what it was still loading: not a fault of the site.
        # Chromium fetches the favicon from the browser process after the load event, and
        # playwright can report that request after the next navigation has begun (a
        # preview reload right after a quick rebuild), so a cancelled favicon is always
        # one cut by leaving; other requests are judged by when they started.
        started = self._started.get(request, self._navigations)
        cut_by_leaving = request.failure == "net::ERR_ABORTED" and (
            started < self._navigations or "/favicon." in request.url)
        if not (cut_by_leaving or request.url.endswith(self.cut_on_purpose)):
            self.items.append(f"request failed: {request.url} ({request.failure})")


@pytest.fixture
def problems() -> Problems:
    return Problems()


@pytest.fixture
def page(browser: Any, problems: Problems) -> Iterator[Any]:
    """A fresh page; the test fails if the browser logged an error or a request failed."""
    context = browser.new_context(viewport={"width": 1000, "height": 1200})
    tab = context.new_page()
    problems.watch(tab)
    yield tab
    context.close()
    assert not problems.items, "\n".join(problems.items)


@pytest.fixture
def page_without_js(browser: Any, problems: Problems) -> Iterator[Any]:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    problems.watch(tab)
    yield tab
    context.close()
    assert not problems.items, "\n".join(problems.items)
