"""Our generator's pages, written on every core.

Rendering is pure Python and the pages are independent, so once the pages the last
build left unchanged are set aside, the rest are shared between this process and forked
children (which see the facts without copying them) and each writes its own pages into
the staging folder. A child sends back the page-cache entries of its pages and the
errors Pelican logged; a child that fails makes the build fail as if it had failed here.

Only a single-threaded process forks: `serve` builds in a watcher thread, and a fork
there could copy a lock another thread holds (a save rebuilds a few pages anyway).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from ..errors import LoggedErrors
from ..incremental.page_cache import Entry
from . import urls
from .published_links import MarkupScan

# Below this many pages to render, a fork costs more than it saves.
MIN_PAGES_PER_PROCESS = 100
MAX_PROCESSES = 4


@dataclass(frozen=True)
class PageJob:
    url: str
    template: str
    units: tuple[str, ...]  # the inputs the page reads besides the site (`incremental.inputs`)
    context: dict[str, Any]


def _write(writer: Any, generator: Any, job: PageJob) -> None:
    writer.write_file(urls.save_as(job.url), generator.get_template(job.template),
                      generator.context, relative_urls=False, page_url=job.url,
                      units=job.units, **job.context)


def _child(writer: Any, generator: Any, jobs: list[PageJob], results: Connection) -> None:
    captured = LoggedErrors()
    logging.getLogger("pelican").addHandler(captured)
    if writer.scan is not None:  # send back only what this child read
        writer.scan = MarkupScan()
    try:
        for job in jobs:
            _write(writer, generator, job)
        names = [urls.save_as(job.url) for job in jobs]
        entries = {n: writer.cache.entries[n] for n in names} if writer.cache else {}
        results.send(("ok", (entries, writer.scan), captured.messages))
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the build
        try:
            results.send(("failed", error, captured.messages))
        except Exception:  # noqa: BLE001 - an exception that does not pickle
            results.send(("failed", RuntimeError(str(error)), captured.messages))


JOBS_SETTING = "MINHBACH_JOBS"  # at most this many processes (`minhbach build --jobs`)


def _processes(pages: int, limit: int | None) -> int:
    if threading.active_count() > 1 or not hasattr(os, "fork"):
        return 1
    most = min(limit or os.cpu_count() or 1, MAX_PROCESSES)
    return max(1, min(most, pages // MIN_PAGES_PER_PROCESS))


def _merge(writer: Any, entries: dict[str, Entry], scan: MarkupScan | None,
           messages: list[str]) -> None:
    if writer.cache is not None:
        writer.cache.adopt(entries)
    if writer.scan is not None and scan is not None:
        writer.scan.adopt(scan)
    for message in messages:
        logging.getLogger("pelican").error("%s", message)


def write_pages(writer: Any, generator: Any, jobs: list[PageJob]) -> None:
    """Write every page of `jobs`; the output does not depend on how many processes did."""
    todo = [job for job in jobs if not _reused(writer, generator, job)]
    count = _processes(len(todo), generator.settings.get(JOBS_SETTING))
    shares = [todo[i::count] for i in range(count)]
    fork = multiprocessing.get_context("fork")
    if count > 1:  # a child would print again what is still buffered here
        sys.stdout.flush()
        sys.stderr.flush()
    children = []
    for share in shares[1:]:
        receive, send = fork.Pipe(duplex=False)
        process = fork.Process(target=_child, args=(writer, generator, share, send), daemon=True)
        process.start()
        send.close()
        children.append((process, receive))
    try:
        for job in shares[0]:
            _write(writer, generator, job)
        for process, receive in children:
            _collect(writer, process, receive)
    finally:
        for process, _ in children:
            if process.is_alive():
                process.terminate()
            process.join()


def _collect(writer: Any, process: Any, receive: Connection) -> None:
    try:
        outcome, payload, messages = receive.recv()
    except EOFError:
        raise RuntimeError(f"tiến trình dựng trang {process.pid} dừng bất thường") from None
    if outcome == "failed":
        _merge(writer, {}, None, messages)
        raise payload
    _merge(writer, *payload, messages)


def _reused(writer: Any, generator: Any, job: PageJob) -> bool:
    reuse = getattr(writer, "reuse", None)  # Pelican's own writer keeps nothing
    return reuse is not None and reuse(urls.save_as(job.url),
                                       generator.get_template(job.template), job.units)
