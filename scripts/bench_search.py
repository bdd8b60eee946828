"""Measure search on the example site: index size, build time it adds, bytes per query.

    python scripts/bench_search.py [--runs 3]

Builds the example site into a temporary folder, times the indexing step alone, then
drives headless Chromium (Debian's /usr/bin/chromium) through playwright on the search
page and sums the responses under /pagefind/ for a few typical queries, each in a fresh
browser context (nothing cached). "raw" is what this machine's plain http.server sends;
"gzip" is what a compressing host (Netlify) sends: Pagefind's own files (.pf_*, wasm) are
already gzip-compressed, its .js/.json files are compressed on the way. "runtime" is
pagefind.js, its WebAssembly and the index's entry and meta files, fetched once and then
cached (netlify.toml: max-age=3600 under /pagefind/); "query" is what the search itself
needs: index chunks, result fragments, filters. "A later search" types the query on a
page that already searched for something else. A measurement, not a test: it prints
numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"

try:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from generator.build import build, check
    from generator.facts.derive import derive
    from generator.search.search_index import write_index
except ImportError:
    # Run with the project's virtualenv when started with another Python.
    if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), *sys.argv])
    raise

CHROMIUM = "/usr/bin/chromium"
BUDGET_KB = 100
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
QUERIES: list[dict[str, str]] = [
    {"q": "cai cach thu tuc"},
    {"q": "tro ly ao"},
    {"q": "792/KH-UBND"},
    {"q": "duong"},
    {"q": "so noi vu", "nam": "2018"},
]
KB = 1024


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def _sizes(folder: Path) -> dict[str, tuple[int, int]]:
    """(files, bytes) of the bundle, by part."""
    parts: dict[str, tuple[int, int]] = {}
    for path in folder.rglob("*"):
        if path.is_file():
            part = path.parent.name if path.parent != folder else path.suffix.lstrip(".")
            files, size = parts.get(part, (0, 0))
            parts[part] = (files + 1, size + path.stat().st_size)
    return dict(sorted(parts.items()))


def _wire(url: str, body: bytes) -> int:
    """Bytes a compressing host sends: Pagefind's own files are gzip already."""
    path = urlparse(url).path
    if path.endswith((".js", ".json", ".css", ".html", "/")):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


def _is_query_data(url: str) -> bool:
    """Index chunks, result fragments and filters; the rest is Pagefind's runtime."""
    return urlparse(url).path.endswith((".pf_index", ".pf_fragment", ".pf_filter"))


@dataclass
class Fetched:
    requests: int = 0
    raw: int = 0
    runtime: int = 0  # gzip bytes of pagefind.js, the wasm, the entry and meta files
    data: int = 0  # gzip bytes of index chunks, fragments and filters

    def add(self, url: str, body: bytes) -> None:
        self.requests += 1
        self.raw += len(body)
        if _is_query_data(url):
            self.data += _wire(url, body)
        else:
            self.runtime += _wire(url, body)

    @property
    def wire(self) -> int:
        return self.runtime + self.data


_DONE = """() => {
  const text = document.getElementById("search-status").textContent;
  return text && text !== document.getElementById("search").dataset.msgLoading;
}"""


def _settle(page: Any, seen: list[Any]) -> Fetched:
    page.wait_for_function(_DONE)
    page.wait_for_load_state("networkidle")
    fetched = Fetched()
    for response in seen:
        if response.status == 200:  # a 304 revalidation carries no body
            fetched.add(response.url, response.body())
    seen.clear()
    return fetched


def _search(page: Any, seen: list[Any], query: str) -> Fetched:
    """Type `query` in the search box of a page that already searched once."""
    page.fill("#search-q", query)
    page.press("#search-q", "Enter")
    page.wait_for_function("(q) => document.getElementById('search-status').textContent"
                           ".includes(q)", arg=query)
    return _settle(page, seen)


def _fresh_search(browser: Any, base: str, params: dict[str, str],
                  then: str | None = None) -> Fetched:
    """Open the search page with `params` in a fresh browser (nothing cached); with `then`,
    type that query next and count only what the second search fetches."""
    context = browser.new_context()
    page = context.new_page()
    seen: list[Any] = []
    page.on("response", lambda r: seen.append(r) if "/pagefind/" in r.url else None)
    page.goto(f"{base}/tim-kiem/?{urlencode(params)}")
    fetched = _settle(page, seen)
    if then is not None:
        fetched = _search(page, seen, then)
    context.close()
    return fetched


def _serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="indexing runs to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="minhbach-bench-") as tmp:
        site = Path(tmp) / "site"
        started = time.perf_counter()
        build(ROOT, site)
        build_seconds = time.perf_counter() - started
        facts = derive(check(ROOT)[1])
        timings = []
        for run in range(args.runs):
            copy = Path(tmp) / f"copy-{run}"
            shutil.copytree(site, copy)
            started = time.perf_counter()
            summary = write_index(copy, facts)
            timings.append(time.perf_counter() - started)
        print("Index (example site)")
        print(f"  pages indexed: {summary.pages}, task/indicator rows: {summary.records}")
        print(f"  bundle: {summary.files} files, {summary.bytes / KB:.1f} KB")
        for part, (files, size) in _sizes(site / "pagefind").items():
            print(f"    {part:<10} {files:>4} files {size / KB:>8.1f} KB")
        print(f"  indexing time (median of {args.runs}): {statistics.median(timings):.2f} s"
              f"  (whole build with index: {build_seconds:.2f} s)")
        script = (site / "theme" / "js" / "search.js").read_bytes()
        print(f"  search page script (theme/js/search.js): {len(script) / KB:.1f} KB, "
              f"{len(gzip.compress(script)) / KB:.1f} KB gzip")
        server, base = _serve(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                     args=CHROMIUM_ARGS)
                print("Bytes fetched under /pagefind/ per search, in KB (gzip = as a "
                      "compressing host sends them)")
                print(f"  {'':<30} {'first search, nothing cached':^39} {'a later search':^16}")
                print(f"  {'query':<30} {'requests':>8} {'raw':>7} {'gzip':>7} {'runtime':>7} "
                      f"{'query':>6} {'requests':>8} {'gzip':>7}")
                firsts = []
                for params in QUERIES:
                    cold = _fresh_search(browser, base, params)
                    firsts.append(cold.wire)
                    warm = _fresh_search(browser, base, {"q": "bao cao"}, then=params["q"])
                    print(f"  {urlencode(params):<30} {cold.requests:>8} {cold.raw / KB:>7.1f} "
                          f"{cold.wire / KB:>7.1f} {cold.runtime / KB:>7.1f} "
                          f"{cold.data / KB:>6.1f} {warm.requests:>8} {warm.wire / KB:>7.1f}")
                print(f"  typical (median) first search: {statistics.median(firsts) / KB:.1f} KB "
                      f"(budget {BUDGET_KB} KB); largest: {max(firsts) / KB:.1f} KB")
                browser.close()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
