"""Driving the search page (/tim-kiem/) and reading what it shows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

# Wait until the status line is filled and is not "Searching…" (messages come from the page).
_DONE = """() => {
  const root = document.getElementById("search");
  const text = document.getElementById("search-status").textContent;
  return text !== "" && text !== root.dataset.msgLoading;
}"""

_READ = """() => [...document.querySelectorAll("#search-results > li")].map(li => ({
  url: li.querySelector("h2 a").getAttribute("href"),
  title: li.querySelector("h2 a").textContent,
  kind: li.querySelector(".result-type")?.textContent ?? "",
  meta: li.querySelector(".result-meta")?.textContent ?? "",
  marks: [...li.querySelectorAll(".result-excerpt mark")].map(m => m.textContent),
  late: li.querySelector(".result-meta .late-flag") !== null,
}))"""


@dataclass
class Result:
    url: str
    title: str
    kind: str
    meta: str
    marks: list[str]
    late: bool

    @property
    def year(self) -> int | None:
        years = re.findall(r"\b(?:19|20)\d\d\b", self.meta)
        return int(years[-1]) if years else None


def wait_for_results(page: Any) -> None:
    page.wait_for_function(_DONE)


def shown(page: Any) -> list[Result]:
    return [Result(**item) for item in page.evaluate(_READ)]


def status(page: Any) -> str:
    return page.locator("#search-status").text_content() or ""


def search(page: Any, base: str, **params: str) -> list[Result]:
    """Open /tim-kiem/ with URL parameters (q=…, loai=…, sap-xep=…) and read the results."""
    page.goto(f"{base}/tim-kiem/?{urlencode(params)}")
    wait_for_results(page)
    return shown(page)


def every_url(page: Any, query: str) -> list[str]:
    """Every result of `query` (not just the first screen), from Pagefind's JS API."""
    return page.evaluate("""async (query) => {
      const pagefind = await import("/pagefind/pagefind.js");
      const found = await pagefind.search(query);
      return Promise.all(found.results.map(r => r.data().then(d => d.url)));
    }""", query)
