"""Pelican plugin: connects our named functions to Pelican's signals, nothing more.

Signal handlers are held by weak reference, so only module-level functions are
connected (a lambda would be collected and silently never run).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals

from ..facts import page_facts
from ..incremental.page_cache import site_files
from . import presentation, sitemap, static_files
from .caching_writer import CACHE_SETTING, CachingWriter
from .i18n import catalogue_path, translations
from .pages import MinhBachGenerator


def add_generator(pelican: Any) -> type[MinhBachGenerator]:
    return MinhBachGenerator


def add_writer(pelican: Any) -> type[CachingWriter]:
    return CachingWriter


def prepare_environment(generator: Any) -> None:
    theme = Path(generator.settings["THEME"])
    generator.env.install_gettext_translations(translations(catalogue_path(theme)), newstyle=True)
    generator.env.filters.update(presentation.FILTERS)
    generator.env.globals.update(presentation.globals_for(generator.settings))


def link_neighbours(generator: Any) -> None:
    """Newer/older links between news posts ("TIN MỚI HƠN / TIN ĐÃ ĐƯA")."""
    ordered = sorted(generator.articles, key=lambda a: (a.date, a.slug), reverse=True)
    # The sitemap's lastmod of each post; the settings dict is the one `write_sitemap` gets.
    generator.settings["MINHBACH_NEWS_DATES"] = {f"/{a.url}": a.date.date() for a in ordered}
    for i, article in enumerate(ordered):
        article.newer = ordered[i - 1] if i > 0 else None
        article.older = ordered[i + 1] if i + 1 < len(ordered) else None


def write_sitemap(pelican: Any) -> None:
    settings = pelican.settings
    changed = page_facts.last_changed(settings["MINHBACH_FACTS"])
    changed |= settings.get("MINHBACH_NEWS_DATES", {})
    site = Path(pelican.output_path)
    sitemap.write_sitemap(site, settings["FEED_DOMAIN"], site_files(site, settings[CACHE_SETTING]),
                          changed)
    sitemap.write_robots(Path(pelican.output_path), settings["FEED_DOMAIN"])


def register() -> None:
    signals.get_generators.connect(add_generator)
    signals.get_writer.connect(add_writer)
    signals.generator_init.connect(prepare_environment)
    signals.article_generator_finalized.connect(link_neighbours)
    signals.static_generator_finalized.connect(static_files.guard)
    signals.finalized.connect(write_sitemap)
