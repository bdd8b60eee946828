"""Page weight of a built site: bytes per HTML page, the largest page, and each kind's gzip size.

Compressed sizes are Python's gzip at level 6 (what a web server's default gzip gives,
near enough). Every kind of page has a budget that must hold at any site size (a
citizen reads these pages on a cheap phone, often on a slow connection): at most
`BUDGETS[kind]` KB gzipped and `RAW_BUDGET_KB` KB of HTML to parse. Pages over budget
are listed; the exit status is 1 when there are any.

    python bench/page_weight.py output/
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Kinds of page by URL, first match wins; the search bundle is not a page. Long lists
# are paged (…/trang-2/): a page of a list is of the list's kind.
_PAGE = r"(?:trang-\d+/)?index\.html"
KINDS = (
    ("plan", r"ke-hoach/[^/]+/index\.html"),
    ("report", r"ke-hoach/[^/]+/bao-cao/[^/]+/index\.html"),
    ("task history", r"ke-hoach/[^/]+/nhiem-vu/[^/]+/index\.html"),
    ("agency", rf"co-quan/(?!trang-\d+/)[^/]+/{_PAGE}"),
    ("area", rf"linh-vuc/(?!trang-\d+/)[^/]+/{_PAGE}"),
    ("news", r"tin-tuc/\d{4}/(?!trang-\d+/)[^/]+/index\.html"),
    ("progress", rf"tien-do/(?:\d{{4}}/)?{_PAGE}"),
    ("open data", rf"du-lieu/{_PAGE}"),
    ("plan list", rf"ke-hoach/{_PAGE}"),
    ("news list", rf"tin-tuc/(?:\d{{4}}/|luu-tru/)?{_PAGE}"),
    ("home", r"index\.html"),
    ("search", r"tim-kiem/index\.html"),
)
# KB gzipped, per kind. A plan and its reports are one document each (the 30 KB);
# one task's history and one post are small; lists that grow with the site are paged
# (generator/facts/paging.py) to stay under the rest.
BUDGETS = {"plan": 30, "report": 30, "task history": 10, "news": 10}
LIST_BUDGET_KB = 50
RAW_BUDGET_KB = 300


def kind(relative: str) -> str:
    return next((name for name, pattern in KINDS if re.fullmatch(pattern, relative)), "other")


@dataclass
class Kind:
    sizes: list[tuple[int, int, str]] = field(default_factory=list)  # bytes, gzip bytes, URL

    def largest(self) -> tuple[int, int, str]:
        return max(self.sizes, key=lambda s: s[1])


def weigh(site: Path) -> tuple[dict[str, Kind], int]:
    """Every HTML page by kind, and the bytes of the whole output (search bundle included)."""
    kinds: dict[str, Kind] = {}
    total = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        total += path.stat().st_size
        relative = path.relative_to(site).as_posix()
        if path.suffix != ".html" or relative.startswith("pagefind/"):
            continue
        body = path.read_bytes()
        url = "/" + relative.removesuffix("index.html")
        kinds.setdefault(kind(relative), Kind()).sizes.append(
            (len(body), len(gzip.compress(body, compresslevel=6, mtime=0)), url))
    return kinds, total


def budget(name: str) -> int:
    return BUDGETS.get(name, LIST_BUDGET_KB)


def over_budget(kinds: dict[str, Kind]) -> list[tuple[str, int, int, str]]:
    """(kind, bytes, gzip bytes, URL) of every page over its kind's budget, largest first."""
    over = [(name, raw, packed, url) for name, k in kinds.items() for raw, packed, url in k.sizes
            if packed > budget(name) * 1024 or raw > RAW_BUDGET_KB * 1024]
    return sorted(over, key=lambda o: (-o[2], o[3]))


def report(site: Path) -> bool:
    """Print the weights; False when a page is over budget."""
    kinds, total = weigh(site)
    every = [s for k in kinds.values() for s in k.sizes]
    largest = max(every)
    print(f"page weight: {len(every)} HTML pages, {sum(s[0] for s in every) / len(every) / 1024:.1f}"
          f" KB a page on average; whole output {total / 2**20:.1f} MB; largest page {largest[2]}"
          f" {largest[0] / 1024:.0f} KB ({largest[1] / 1024:.1f} KB gzip -6)")
    print(f"  {'kind':<13}{'pages':>7}{'mean KB':>9}{'max KB':>8}{'gzip mean':>11}"
          f"{'gzip max':>10}{'budget':>8}  largest (every page: ≤ {RAW_BUDGET_KB} KB raw)")
    for name in [n for n, _ in KINDS] + ["other"]:
        if name not in kinds:
            continue
        sizes = kinds[name].sizes
        top = kinds[name].largest()
        print(f"  {name:<13}{len(sizes):7d}{sum(s[0] for s in sizes) / len(sizes) / 1024:9.1f}"
              f"{max(s[0] for s in sizes) / 1024:8.1f}"
              f"{sum(s[1] for s in sizes) / len(sizes) / 1024:11.1f}{top[1] / 1024:10.1f}"
              f"{budget(name):8d}  {top[2]}", flush=True)
    over = over_budget(kinds)
    print(f"pages over budget: {len(over)}")
    for name, raw, packed, url in over:
        print(f"  {name:<13}{raw / 1024:9.1f} KB{packed / 1024:9.1f} KB gzip  {url}")
    return not over


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built output folder")
    sys.exit(0 if report(parser.parse_args().site) else 1)


if __name__ == "__main__":
    main()
