"""The URLs news posts and static pages will be written to, known before Pelican runs.

Pelican finds two files claiming one URL only while writing, and says so in English
(`FileOverwriteFailedError`), after a half-built site; predicting each URL with
Pelican's own slug function lets `check` name both files first.
"""

from __future__ import annotations

import re

from pelican.utils import slugify as pelican_slugify

from ..settings import SLUG_REGEX_SUBSTITUTIONS
from ..site import urls
from .models import NewsMeta, PageMeta

# First path segments taken by our own pages, by Pelican's outputs and by the build.
RESERVED = frozenset({
    *(url.strip("/").split("/")[0] for url in (urls.PLANS, urls.AGENCIES, urls.AREAS, urls.NEWS,
                                               urls.PROGRESS, urls.SEARCH, urls.OPEN_DATA,
                                               urls.FEED, urls.ADMIN)),
    "files", "theme", "schema", "pagefind", "404.html", "sitemap.xml", "robots.txt", "_headers",
})
# Pages of a year's news archive: /tin-tuc/<year>/trang-<n>/.
_ARCHIVE_PAGE = re.compile(r"^trang-\d+$")


def slug_of(title: str, slug: str | None) -> str:
    return slug or pelican_slugify(title, regex_subs=SLUG_REGEX_SUBSTITUTIONS,
                                   preserve_case=False, use_unicode=False)


def news_url(meta: NewsMeta) -> str:
    return f"{urls.NEWS}{meta.date[:4]}/{slug_of(meta.title, meta.slug)}/"


def page_url(meta: PageMeta) -> str:
    return f"/{slug_of(meta.title, meta.slug)}/"


def route_problem(url: str, title: str) -> str | None:
    """Why `url` cannot be a news post's or page's own, or None."""
    last = url.rstrip("/").rsplit("/", 1)[-1]
    if url.endswith("//") or not last:
        return (f"tiêu đề “{title}” không cho ra đường dẫn (không có chữ hay số); hãy thêm "
                "trường slug, ví dụ slug: gioi-thieu")
    if url.count("/") == 2 and last in RESERVED:
        return f"đường dẫn /{last}/ là của một trang sẵn có của Minh Bạch; hãy đặt slug khác"
    if url.startswith(urls.NEWS) and _ARCHIVE_PAGE.match(last):
        return f"đường dẫn {url} trùng một trang của lưu trữ tin theo năm; hãy đặt slug khác"
    return None
