"""sitemap.xml and robots.txt from the pages the site holds, sorted so builds are
byte-identical. A page's `lastmod` is the newest date the data gives for it (a plan's
issue date or latest report, a post's date); pages without one of their own take the
newest date of the whole site; a later page of a list (`…/trang-2/`) takes its first
page's. The build's clock is never used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

_LATER_PAGE = re.compile(r"trang-\d+/$")


def page_urls(files: Iterable[str]) -> list[str]:
    """The URLs of the pages among the site's `files` (paths relative to the site)."""
    found = ["/" + name.removesuffix("index.html") for name in files
             if name == "index.html" or name.endswith("/index.html")]
    return sorted(found)


def _entry(domain: str, url: str, lastmod: dt.date | None) -> str:
    when = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
    return f"  <url><loc>{escape(domain + url)}</loc>{when}</url>"


def write_sitemap(output: Path, domain: str, files: Iterable[str],
                  changed: dict[str, dt.date] | None = None) -> None:
    changed = changed or {}
    newest = max(changed.values(), default=None)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [_entry(domain, url, changed.get(_LATER_PAGE.sub("", url), newest))
              for url in page_urls(files)]
    lines.append("</urlset>")
    (output / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_robots(output: Path, domain: str) -> None:
    """Everything may be crawled; robots.txt only says where the sitemap is."""
    (output / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {domain}/sitemap.xml\n", encoding="utf-8")
