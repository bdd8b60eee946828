"""Pages written by several processes are the pages one process writes."""

from __future__ import annotations

import logging
import subprocess
import sys
from multiprocessing import Pipe
from pathlib import Path

import pytest

from generator.build import build
from generator.site import page_jobs
from generator.site.published_links import MarkupScan
from tests.conftest import snapshot

# Run in a fresh interpreter: a fork needs a single-threaded process, and pytest may hold
# threads (the browser tests'). Every page gets its own share so the fixture site forks.
_FORKED_BUILD = """
import multiprocessing, os, sys
from pathlib import Path
from generator.build import build
from generator.site import page_jobs

started = []
context = multiprocessing.get_context("fork")
start = context.Process.start
def counted(self):
    started.append(self)
    start(self)
context.Process.start = counted
page_jobs.MIN_PAGES_PER_PROCESS = 1
page_jobs.MAX_PROCESSES = 3
os.cpu_count = lambda: 3
build(Path(sys.argv[1]), Path(sys.argv[2]), fresh=True)
print(len(started))
"""


def test_forked_build_writes_the_same_site(site: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    forked = subprocess.run([sys.executable, "-c", _FORKED_BUILD, str(site), str(tmp_path / "a")],
                            capture_output=True, text=True, check=True)
    assert forked.stdout.split()[-1] == "2"  # two children beside the build's own process
    monkeypatch.setattr(page_jobs, "MAX_PROCESSES", 1)
    build(site, tmp_path / "b", fresh=True)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


class _Writer:
    cache = None
    scan: MarkupScan | None = None


def test_a_failed_child_fails_the_build() -> None:
    receive, send = Pipe(duplex=False)
    send.send(("failed", ValueError("mẫu hỏng"), []))
    with pytest.raises(ValueError, match="mẫu hỏng"):
        page_jobs._collect(_Writer(), None, receive)


def test_errors_a_child_logged_are_logged_here(caplog: pytest.LogCaptureFixture) -> None:
    receive, send = Pipe(duplex=False)
    send.send(("ok", ({}, None), ["không đọc được tệp x"]))
    with caplog.at_level(logging.ERROR, logger="pelican"):
        page_jobs._collect(_Writer(), None, receive)
    assert [r.getMessage() for r in caplog.records] == ["không đọc được tệp x"]


def test_what_a_child_found_in_its_pages_reaches_the_build(tmp_path: Path) -> None:
    """The unsafe-markup scan runs where each page is written; a child's findings and the
    pages it read come back, so the build neither misses them nor reads those pages again."""
    (tmp_path / "a.html").write_text("<img src=x onerror=alert(1)>", encoding="utf-8")
    in_child = MarkupScan()
    in_child.read_pages(tmp_path, ["a.html"])
    receive, send = Pipe(duplex=False)
    send.send(("ok", ({}, in_child), []))
    writer = _Writer()
    writer.scan = MarkupScan()
    page_jobs._collect(writer, None, receive)
    (tmp_path / "a.html").write_text("<p>sửa sau khi đọc</p>", encoding="utf-8")
    problems = writer.scan.problems(tmp_path).sorted()
    assert [str(p.location) for p in problems] == ["(trang dựng ra) /a.html"]
    assert "onerror" in problems[0].message


def test_a_child_that_died_fails_the_build() -> None:
    receive, send = Pipe(duplex=False)
    send.close()

    class Dead:
        pid = 4242

    with pytest.raises(RuntimeError, match="4242"):
        page_jobs._collect(_Writer(), Dead(), receive)
