"""Measure every page type of the example site as a phone reader meets it.

    python scripts/bench_pages.py [--lighthouse] [--screenshots]

Builds the example site into a temporary folder, serves it on 127.0.0.1 and opens one
page of each type in headless Chromium (Debian's /usr/bin/chromium) at 375 px wide:
page height in px and in 667 px screens (sections as they open, i.e. closed), whether
the page scrolls sideways at 320 px with every section and row open, requests on first
load, and the bytes a compressing host sends (gzip of HTML, CSS, JS, SVG; images as they
are), in all and for the HTML alone. With --lighthouse it also runs Lighthouse in its mobile mode
on each page and prints the four category scores; Lighthouse is no project dependency
(some of its own dependencies ask for "latest", which breaks `npm ci` as soon as a new
version is out), so install it for the benchmark: `npm install --no-save lighthouse@12`. With --screenshots it also saves what a reader first sees of the home,
plan, report, agency and search pages at 375 and 1280 px into docs/screenshots/ (shown
in the README). Last, it prints every plan page to PDF as Chromium does (A4, print styles)
and counts the pages. A measurement, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The project's virtualenv, Debian's Chromium and a quiet local server, set up as the search
# benchmark does it (importing it re-runs this script with .venv/bin/python when needed).
from bench_search import CHROMIUM, CHROMIUM_ARGS, KB, ROOT, _serve, build, sync_playwright

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PDF_PAGE = re.compile(rb"/Type\s*/Page[^s]")  # one per page object in Chromium's PDF
SCREEN = 667  # an iPhone SE-sized screen: 375 × 667 CSS px
SHOTS = ROOT / "docs" / "screenshots"
SHOT_PAGES = {"home": "/", "plan": "/ke-hoach/ag-792-kh-ubnd-2018/",
              "report": "/ke-hoach/ag-792-kh-ubnd-2018/bao-cao/2018-nam/",
              "agency": "/co-quan/ag-so-noi-vu/", "search": "/tim-kiem/?q=cai+cach+thu+tuc"}
SHOT_SIZES = {375: SCREEN, 1280: 800}
PAGES = {
    "home": "/",
    "plans": "/ke-hoach/",
    "plan (An Giang)": "/ke-hoach/ag-792-kh-ubnd-2018/",
    "plan (Bình Định)": "/ke-hoach/bd-kh-snn-2024/",
    "report": "/ke-hoach/ag-792-kh-ubnd-2018/bao-cao/2018-nam/",
    "task history": "/ke-hoach/ag-792-kh-ubnd-2018/nhiem-vu/i-2/",
    "agency": "/co-quan/ag-so-noi-vu/",
    "area": "/linh-vuc/cai-cach-thu-tuc-hanh-chinh/",
    "progress": "/tien-do/",
    "progress year": "/tien-do/2018/",
    "news": "/tin-tuc/",
    "open data": "/du-lieu/",
    "search": "/tim-kiem/?q=cai+cach+thu+tuc",
}


def _wire(url: str, body: bytes) -> int:
    """Bytes a compressing host sends for one response."""
    path = urlparse(url).path
    if path.endswith((".png", ".jpg", ".webp", ".woff2", ".wasm")) or ".pf_" in path:
        return len(body)
    return len(gzip.compress(body, compresslevel=6))


def _measure(browser: Any, url: str) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 375, "height": SCREEN})
    page = context.new_page()
    seen: list[Any] = []
    page.on("response", lambda response: seen.append(response))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    height = page.evaluate("document.documentElement.scrollHeight")
    wire = sum(_wire(r.url, r.body()) for r in seen if r.status == 200)
    html = _wire(url, seen[0].body())  # the page itself, without its style, script, images
    page.set_viewport_size({"width": 320, "height": SCREEN})
    # Sideways scrolling is checked with every section and row open: the worst case.
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    sideways = page.evaluate("document.documentElement.scrollWidth > "
                             "document.documentElement.clientWidth")
    context.close()
    return {"height": height, "requests": len(seen), "wire": wire, "html": html,
            "sideways": sideways}


def _printed_pages(browser: Any, base: str) -> None:
    """A4 pages of each plan printed (its document, then the task table as an appendix)."""
    print("printed plan (A4)      pages")
    for plan in sorted((ROOT / "data" / "plans").glob("*.yaml")):
        page = browser.new_page()
        page.goto(f"{base}/ke-hoach/{plan.stem}/")
        pdf = page.pdf(prefer_css_page_size=True)
        page.close()
        print(f"  {plan.stem:<22} {len(PDF_PAGE.findall(pdf)):>3}")


def _lighthouse(url: str) -> dict[str, int]:
    """Lighthouse's mobile scores (0–100) for one page."""
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        capture_output=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True)
    # Decoded by hand: the build leaves the process in the "C" locale (ASCII).
    categories = json.loads(result.stdout.decode("utf-8"))["categories"]
    return {name: round(c["score"] * 100) for name, c in categories.items()}


def _screenshots(browser: Any, base: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in SHOT_PAGES.items():
        for width, height in SHOT_SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=SHOTS / f"{name}-{width}.png")
            context.close()
    print(f"screenshots written to {SHOTS.relative_to(ROOT)}/")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lighthouse", action="store_true",
                        help="also run Lighthouse (mobile) on every page type")
    parser.add_argument("--screenshots", action="store_true",
                        help="also save screenshots of the main page types into docs/screenshots/")
    args = parser.parse_args()
    if args.lighthouse and not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm install --no-save lighthouse@12` in the project "
              "folder first.")
        return 1
    with tempfile.TemporaryDirectory(prefix="minhbach-bench-") as tmp:
        site = Path(tmp) / "site"
        build(ROOT, site)
        server, base = _serve(site)
        try:
            _measure_all(base, args.lighthouse, args.screenshots)
        finally:
            server.shutdown()
    return 0


def _measure_all(base: str, lighthouse: bool, screenshots: bool) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print(f"{'page':<18} {'height@375':>10} {'screens':>7} {'320 px':>9} {'requests':>8} "
              f"{'KB gzip':>8} {'HTML KB':>8}"
              + ("  lighthouse perf/a11y/bp/seo" if lighthouse else ""))
        for name, path in PAGES.items():
            m = _measure(browser, base + path)
            line = (f"{name:<18} {m['height']:>10} {m['height'] / SCREEN:>7.1f} "
                    f"{'SCROLLS' if m['sideways'] else 'ok':>9} {m['requests']:>8} "
                    f"{m['wire'] / KB:>8.1f} {m['html'] / KB:>8.1f}")
            if lighthouse:
                line += "  " + "/".join(str(v) for v in _lighthouse(base + path).values())
            print(line, flush=True)
        if screenshots:
            _screenshots(browser, base)
        _printed_pages(browser, base)
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
