"""Pelican's writer, taught to reuse a page the last build wrote from the same inputs.

Every page Pelican or our generator writes goes through `write_file`. Our generator
names the input units a page reads (`units=`); Pelican's own pages (news posts, their
lists and archives, static pages) read the news and the site, and a post the plan it names. Without a page cache in
the settings it writes every page; with a markup scan (`published_links`) it reads each
page it wrote.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.writers import Writer

from ..incremental.inputs import NEWS, plan_unit
from ..incremental.page_cache import PageCache
from .published_links import MARKUP_SETTING, MarkupScan
from .template_errors import TEMPLATE_ERRORS, template_failure

CACHE_SETTING = "MINHBACH_PAGE_CACHE"


def _news_units(kwargs: dict[str, Any]) -> tuple[str, ...]:
    """Pelican's pages read the news; a post also shows the title of the plan it names."""
    plan = getattr(kwargs.get("article"), "plan", None)
    return (NEWS, plan_unit(plan)) if plan else (NEWS,)


class CachingWriter(Writer):
    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.cache: PageCache | None = (settings or {}).get(CACHE_SETTING)
        self.scan: MarkupScan | None = (settings or {}).get(MARKUP_SETTING)
        self.staging = Path(output_path)
        self.root = Path((settings or {}).get("MINHBACH_ROOT", "."))
        self._opened: list[str] = []

    def reuse(self, name: str, template: Any, units: tuple[str, ...]) -> bool:
        """Keep the page the last build wrote if none of its inputs changed."""
        if self.cache is None:
            return False
        return self.cache.reuse(name, self.cache.key(name, template.name, units))

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        self._opened.append(filename)
        return super()._open_w(filename, encoding, override)

    def write_file(self, name: str, template: Any, context: dict[str, Any], *args: Any,
                   units: tuple[str, ...] | None = None, **kwargs: Any) -> None:
        key = None
        if name and self.cache is not None:
            key = self.cache.key(name, template.name, units or _news_units(kwargs))
            if self.cache.reuse(name, key):
                return
        self._opened = []
        try:
            super().write_file(name, template, context, *args, **kwargs)
        except TEMPLATE_ERRORS as error:
            raise template_failure(error, name, self.root) from error
        if self.scan is not None:
            self.scan.read_pages(self.staging, (Path(f).relative_to(self.staging).as_posix()
                                                for f in self._opened))
        if key is not None and self.cache is not None:
            self.cache.record(name, key, self.staging, self._opened)
