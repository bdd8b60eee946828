"""The last look at the rendered site before it is published: no script from content.

`check` refuses unsafe links where staff write them, but Pelican rewrites link
markers after our renderer (un-escaping them), so the result is read again here:
every URL attribute must be http, https, mailto or a path of the site, and no tag
may carry an event handler or a refresh. A hit is a bug in a check; the build stops.

Pages are read as they are written (`MarkupScan`), in whichever process rendered them:
at size L the site is 2.4 GB of HTML, and a pass of its own after rendering took
≈ 70 s on one core. Whatever else lands in the site (Pelican's static copies) is read
at the end.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, Problems
from ..publishing import staged_files

SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "cite",
                            "xlink:href", "background", "srcset"})
# Possessive quantifiers: a tag that never closes costs linear time, not exponential.
_TAG = re.compile(r"<([a-zA-Z][\w:-]*+)((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>")
_ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_SCHEME = re.compile(r"\A([a-zA-Z][a-zA-Z0-9+.-]*):")
# Where an attribute name can begin: first, or after a space, a slash or a quote.
_MAYBE_HANDLER = re.compile(r"(?:\A|[\s/\"'])on", re.IGNORECASE)
# Browsers drop these anywhere in a URL before reading its scheme ("java\tscript:").
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")


MARKUP_SETTING = "MINHBACH_MARKUP_SCAN"  # the build's `MarkupScan`, for the writer


@dataclass
class MarkupScan:
    """What was found in the pages read so far, by page (relative to the site)."""

    found: list[tuple[str, str]] = field(default_factory=list)
    read: set[str] = field(default_factory=set)

    def read_pages(self, site: Path, names: Iterable[str]) -> None:
        for name in names:
            if name.endswith(".html") and name not in self.read:
                self.read.add(name)
                text = (site / name).read_text(encoding="utf-8")
                self.found += [(name, problem) for problem in _page_problems(text)]

    def adopt(self, other: MarkupScan) -> None:
        """What another process read of the same site."""
        self.found += other.found
        self.read |= other.read

    def problems(self, site: Path) -> Problems:
        """Problems in every page of `site`: those read already, and the rest read now."""
        self.read_pages(site, staged_files(site))  # skips what is not HTML or was read
        problems = Problems()
        for name, problem in sorted(self.found):
            problems.add(Location(f"(trang dựng ra) /{name}"), problem)
        return problems


def unsafe_markup(site: Path) -> Problems:
    """Problems in every page of `site`."""
    return MarkupScan().problems(site)



def _page_problems(text: str) -> list[str]:
    found = []
    for tag in _TAG.finditer(text):
        attributes = tag.group(2)
        if _plainly_safe(attributes):
            continue
        for name, raw in _ATTRIBUTE.findall(attributes):
            name = name.lower()
            if name.startswith("on"):
                found.append(f"thẻ <{tag.group(1)}> mang thuộc tính chạy mã “{name}”")
            elif name == "http-equiv" and _value(raw).lower() == "refresh":
                found.append("thẻ <meta http-equiv=refresh> chuyển hướng người xem")
            elif name in URL_ATTRIBUTES and not _safe_url(value := _value(raw)):
                found.append(f"liên kết “{value[:80]}” không được phép: chỉ http, https, mailto "
                             "hoặc đường dẫn trong trang")
    return found


def _plainly_safe(attributes: str) -> bool:
    """Most tags (2.4 GB of them at size L): without ":" or "&" no URL can name a scheme,
    and no attribute name can start with "on" unless "on" follows a separator."""
    return ":" not in attributes and "&" not in attributes \
        and _MAYBE_HANDLER.search(attributes) is None \
        and "http-equiv" not in attributes.lower()


def _value(raw: str) -> str:
    return html.unescape(raw.strip("\"'"))


def _safe_url(value: str) -> bool:
    scheme = _SCHEME.match(_IGNORED_IN_URL.sub("", value))
    return scheme is None or scheme.group(1).lower() in SCHEMES
