"""Bytes a first search fetches, in a real headless Chromium, on any built output folder.

For each query: a fresh browser context (empty cache) opens /tim-kiem/?q=<query>, waits
until the results are shown (as the browser tests do), then waits for the network to be
idle, and sums the bodies of every response: those under /pagefind/ (the search bundle:
its script, the WebAssembly, the index chunks and the fragments of the results shown) and
the whole page load. The folder is served as the browser tests serve it
(tests/browser/conftest.py: http.server with the host's headers, no compression). Pagefind
stores its index chunks and fragments gzip-compressed already, so their sizes are what a
host sends; for the other files the gzip -6 size is given too.

    python bench/search_bytes.py output/ ["cải cách thủ tục" "cai cach" …]
"""

from __future__ import annotations

import argparse
import gzip
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve
from tests.browser.searching import status, wait_for_results

QUERIES = ("cải cách thủ tục", "cai cach")
TARGET_KB = 100
BUNDLE = Path("pagefind") / "pagefind.js"


@dataclass(frozen=True)
class Fetched:
    path: str
    size: int
    gzipped: int

    @property
    def search(self) -> bool:
        return self.path.startswith("/pagefind/")


def first_search(browser: Any, base: str, query: str,
                 all_years: bool = False) -> tuple[list[Fetched], str]:
    context = browser.new_context()
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    # On a site whose index is split by year, ask for every year as the reader's button does.
    every = "&cac-nam=tat-ca" if all_years else ""
    page.goto(f"{base}/tim-kiem/?q={quote(query)}{every}")
    wait_for_results(page)
    page.wait_for_load_state("networkidle")
    shown = status(page)
    fetched = []
    for response in responses:
        body = response.body() if response.status == 200 else b""
        fetched.append(Fetched(urlsplit(response.url).path, len(body),
                               len(gzip.compress(body, compresslevel=6, mtime=0))))
    context.close()
    return fetched, shown


def _kind(path: str) -> str:
    """"/pagefind/fragment/vi_3715369.pf_fragment" → "pf_fragment"; other files by name."""
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1] if ".pf_" in name else name


def report(site: Path, queries: tuple[str, ...] = QUERIES, all_years: bool = False) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for base in serve(site):
            for query in queries:
                fetched, shown = first_search(browser, base, query, all_years)
                search = [f for f in fetched if f.search]
                by_kind: dict[str, list[int]] = {}
                for f in search:
                    by_kind.setdefault(_kind(f.path), []).append(f.size)
                page_rest = [f for f in fetched if not f.search]
                verdict = "within" if sum(f.size for f in search) <= TARGET_KB * 1024 else "over"
                print(f"first search “{query}”: {sum(f.size for f in search) / 1024:.1f} KB under"
                      f" /pagefind/ in {len(search)} files ({verdict} the {TARGET_KB} KB target;"
                      f" {sum(f.gzipped for f in search) / 1024:.1f} KB if every file is gzipped);"
                      f" whole load {sum(f.size for f in fetched) / 1024:.1f} KB in {len(fetched)}"
                      f" responses, of which the page and its assets"
                      f" {sum(f.size for f in page_rest) / 1024:.1f} KB"
                      f" ({sum(f.gzipped for f in page_rest) / 1024:.1f} KB gzip -6)")
                print("  " + ", ".join(f"{k} {len(v)}× {sum(v) / 1024:.1f} KB"
                                       for k, v in sorted(by_kind.items())) + f"; page says: {shown}",
                      flush=True)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built output folder")
    parser.add_argument("queries", nargs="*", default=list(QUERIES))
    args = parser.parse_args()
    if not (args.site / "tim-kiem" / "index.html").is_file() or not (args.site / BUNDLE).is_file():
        raise SystemExit(f"{args.site}: no search page or Pagefind bundle: build with search on")
    report(args.site, tuple(args.queries))


if __name__ == "__main__":
    main()
