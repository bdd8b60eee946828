"""sitemap.xml from the pages actually written, sorted so builds are byte-identical."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape


def page_urls(output: Path) -> list[str]:
    found = []
    for page in output.rglob("index.html"):
        rel = page.relative_to(output).parent.as_posix()
        found.append("/" if rel == "." else f"/{rel}/")
    return sorted(found)


def write_sitemap(output: Path, domain: str) -> None:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{escape(domain + url)}</loc></url>" for url in page_urls(output)]
    lines.append("</urlset>")
    (output / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
