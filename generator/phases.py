"""A short Vietnamese account of the build: each phase, what it did, how long it took.

Replaces Pelican's English "Done: Processed 2 articles…" line with lines such as
"Dựng trang: 112 trang (1,3 giây)". Silent unless given somewhere to `say` it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from .data.dataset import Dataset
from .incremental.page_cache import PageCache
from .reading.vietnamese import format_number

T = TypeVar("T")


@dataclass
class Phases:
    say: Callable[[str], None] | None = None

    def run(self, name: str, step: Callable[[], T],
            describe: Callable[[T], str] | None = None) -> T:
        """Run one phase and, when it succeeds, tell what it did and in how long."""
        started = time.perf_counter()
        result = step()
        if self.say is not None:
            seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
            detail = f": {describe(result)}" if describe is not None else ""
            self.say(f"{name}{detail} ({seconds} giây)")
        return result


def describe_dataset(data: Dataset) -> str:
    """"5 kế hoạch, 170 nhiệm vụ, 90 cơ quan, 8 báo cáo kết quả"."""
    tasks = sum(len(p.tasks()) for p in data.plans.values())
    reports = sum(len(r) for r in data.reports.values())
    return (f"{len(data.plans)} kế hoạch, {tasks} nhiệm vụ, {len(data.organisations)} cơ quan, "
            f"{reports} báo cáo kết quả")


def describe_pages(cache: PageCache) -> str:
    """"1.119 trang, 1.067 trang giữ nguyên từ lần dựng trước"."""
    written = sum(1 for e in cache.entries.values() for f, _, _ in e.files if f.endswith(".html"))
    kept = sum(1 for f in cache.kept_files() if f.endswith(".html"))
    pages = f"{format_number(written)} trang"
    return f"{pages}, {format_number(kept)} trang giữ nguyên từ lần dựng trước" if kept else pages
