"""Page weight of a built site: bytes per HTML page, the largest page, and each kind's gzip size.

Compressed sizes are Python's gzip at level 6 (what a web server's default gzip gives,
near enough); the budget is the issue's: a plan page ≤ 30 KB compressed.

    python bench/page_weight.py output/
"""

from __future__ import annotations

import argparse
import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path

BUDGET_KB = 30
# Kinds of page by URL, first match wins; the search bundle is not a page.
KINDS = (
    ("plan", r"ke-hoach/[^/]+/index\.html"),
    ("report", r"ke-hoach/[^/]+/bao-cao/[^/]+/index\.html"),
    ("task history", r"ke-hoach/[^/]+/nhiem-vu/[^/]+/index\.html"),
    ("agency", r"co-quan/[^/]+/index\.html"),
    ("area", r"linh-vuc/[^/]+/index\.html"),
    ("news", r"tin-tuc/\d{4}/[^/]+/index\.html"),
)


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


def report(site: Path) -> None:
    kinds, total = weigh(site)
    every = [s for k in kinds.values() for s in k.sizes]
    largest = max(every)
    print(f"page weight: {len(every)} HTML pages, {sum(s[0] for s in every) / len(every) / 1024:.1f}"
          f" KB a page on average; whole output {total / 2**20:.1f} MB; largest page {largest[2]}"
          f" {largest[0] / 1024:.0f} KB ({largest[1] / 1024:.1f} KB gzip -6)")
    print(f"  {'kind':<13}{'pages':>7}{'mean KB':>9}{'gzip mean':>11}{'gzip max':>10}  largest"
          f" (budget for plan pages: {BUDGET_KB} KB gzip)")
    for name in [n for n, _ in KINDS] + ["other"]:
        if name not in kinds:
            continue
        sizes = kinds[name].sizes
        top = kinds[name].largest()
        print(f"  {name:<13}{len(sizes):7d}{sum(s[0] for s in sizes) / len(sizes) / 1024:9.1f}"
              f"{sum(s[1] for s in sizes) / len(sizes) / 1024:11.1f}{top[1] / 1024:10.1f}  {top[2]}",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built output folder")
    report(parser.parse_args().site)


if __name__ == "__main__":
    main()
