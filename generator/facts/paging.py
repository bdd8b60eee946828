"""Lists that grow with the site, split into pages of bounded weight.

An agency's or a reform area's page lists its tasks in every plan, a year's progress
page every plan of the year, the open-data page every plan's files: on a province's
site (hundreds of plans) one such page would be megabytes. Each list is split into
pages that keep a plan's part whole and hold at most a limit's worth of weight (about
one task row each), so a page's size no longer depends on the site's. A list under the
limit stays one page, as before paging: the example site shows everything at once.

Limits are in rows of a task table (≈ 1.7 KB of HTML, ≈ 0.15 KB gzipped, each) and
chosen so that a page stays under the page-weight budget of `bench/page_weight.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
G = TypeVar("G")

# Weight per page, in task rows (or rows of the same size).
AREA_ROWS = 120
AGENCY_ROWS = 100
# A plan's row on a progress page (name, chart, counts, report links) weighs about as
# much as PLAN_ROW task rows; a late task listed under it about one.
PLAN_ROW = 3
PROGRESS_ROWS = 150
OPEN_DATA_ROWS = 240
# Lines of a plain list (a post or a plan: a link and a date or a few words).
NEWS_ARCHIVE_ROWS = 250
PLAN_LIST_ROWS = 250
# The home page lists the plans of the latest years, whole years, until it shows this many.
HOME_PLANS = 30


@dataclass(frozen=True)
class Paging:
    """Where one page stands in its list: its number, every page's URL, and which items
    (1-based, of `total`) it shows."""

    number: int
    urls: tuple[str, ...]
    first: int
    last: int
    total: int

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def url(self) -> str:
        return self.urls[self.number - 1]

    @property
    def previous(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None


def split(items: Sequence[T], weight: Callable[[T], int], limit: int) -> list[list[T]]:
    """Consecutive items, in order, into as few pages of at most `limit` weight as can
    hold them (an item heavier than the limit has a page to itself), as even as the
    items allow: 130 rows under a limit of 120 make pages of 65, not 120 and 10. An
    empty list is one empty page."""
    weights = [weight(item) for item in items]
    count = len(_fill(weights, limit))
    # The smallest limit that still needs no more pages (the fill is monotonic in it).
    low, high = max([0, *weights]), max(limit, *weights, 0)
    while low < high:
        middle = (low + high) // 2
        if len(_fill(weights, middle)) <= count:
            high = middle
        else:
            low = middle + 1
    return [[items[i] for i in page] for page in _fill(weights, low)]


def _fill(weights: Sequence[int], limit: int) -> list[list[int]]:
    """Item positions, page by page, each page filled up to `limit`."""
    pages: list[list[int]] = [[]]
    held = 0
    for position, heavy in enumerate(weights):
        if pages[-1] and held + heavy > limit:
            pages.append([])
            held = 0
        pages[-1].append(position)
        held += heavy
    return pages


def paged(items: Sequence[T], weight: Callable[[T], int], limit: int,
          url_of: Callable[[int], str]) -> list[tuple[Paging, list[T]]]:
    """Each page's `Paging` and items; `url_of(n)` is page n's URL (n from 1)."""
    chunks = split(items, weight, limit)
    page_urls = tuple(url_of(n) for n in range(1, len(chunks) + 1))
    result = []
    shown = 0
    for number, chunk in enumerate(chunks, start=1):
        result.append((Paging(number, page_urls, shown + 1, shown + len(chunk), len(items)),
                       chunk))
        shown += len(chunk)
    return result


def grouped(pairs: Sequence[tuple[G, T]]) -> list[tuple[G, list[T]]]:
    """(group, item) pairs in order → each run of one group with its items."""
    runs: list[tuple[G, list[T]]] = []
    for group, item in pairs:
        if not runs or runs[-1][0] is not group:
            runs.append((group, []))
        runs[-1][1].append(item)
    return runs


def leading(groups: Sequence[tuple[G, Sequence[T]]], limit: int) -> list[tuple[G, Sequence[T]]]:
    """The first groups, whole, until they hold at least `limit` items (all if fewer)."""
    shown: list[tuple[G, Sequence[T]]] = []
    held = 0
    for group in groups:
        if held >= limit:
            break
        shown.append(group)
        held += len(group[1])
    return shown
