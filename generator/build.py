"""The build pipeline, top to bottom: load → validate → derive → render → index → publish.

The pages a build writes go into a staging folder beside `output/`, published only
when every step succeeded, so a failed build leaves the last good site untouched; pages
whose inputs did not change stay in `output/` (see `publishing` and `incremental`).
Every build first finishes or undoes what a killed build left. One build per output at
a time.
"""

from __future__ import annotations

import filecmp
import hashlib
import logging
import shutil
from pathlib import Path

from pelican import Pelican
from pelican.contents import Content
from pelican.settings import read_settings

from . import collector
from .data.dataset import Dataset, load_dataset
from .editor.deployment import add_deployment_files
from .errors import InvalidProject, Location, LoggedErrors, Problems
from .facts.derive import Facts, derive
from .incremental.bytecode import bytecode_cache
from .incremental.inputs import digest_inputs
from .incremental.page_cache import PageCache, cache_folder
from .opendata.schemas import write_schemas
from .phases import Phases, describe_dataset, describe_pages
from .publishing import (
    can_publish_in_place,
    folder_beside,
    publish,
    publish_in_place,
    recover,
    staged_files,
)
from .search.pagefind_client import PagefindError
from .search.search_index import BUNDLE, IndexSummary, write_index
from .search.search_text import Exclusion, PageText, read_page
from .settings import SiteConfig, load_config, pelican_settings
from .site.caching_writer import CACHE_SETTING
from .site.markdown import readings_kept_in
from .site.page_jobs import JOBS_SETTING
from .site.published_links import MARKUP_SETTING, MarkupScan
from .site.template_errors import TEMPLATE_ERRORS, template_failure


def check(root: Path, strict: bool = False) -> tuple[SiteConfig, Dataset]:
    """Validate everything; raises InvalidProject listing every problem.

    With `strict`, warnings fail too (CI's choice: nothing doubtful gets published).
    """
    # `check` and `build` keep the files they read, so the next run reads only changes.
    config, data = load_config(root), load_dataset(root, keep=True)
    if strict and data.warnings:
        raise InvalidProject(Problems(), data.warnings)
    return config, data


def _forget_pelican_contents() -> None:
    """Pelican memoizes every post's content on its class and never lets go: a preview
    that rebuilds on every save kept every build's site and facts alive (+20 MB a build
    at size S)."""
    for name in ("get_content", "get_summary"):
        cache = getattr(vars(Content).get(name), "cache", None)
        if isinstance(cache, dict):
            cache.clear()


def render(root: Path, output: Path, config: SiteConfig, facts: Facts, cache: PageCache,
           scan: MarkupScan, jobs: int | None = None) -> None:
    settings = read_settings(None, override=pelican_settings(root, output, config))
    settings["MINHBACH_FACTS"] = facts
    settings[JOBS_SETTING] = jobs
    settings[CACHE_SETTING] = cache
    settings[MARKUP_SETTING] = scan
    options = settings["JINJA_ENVIRONMENT"]
    options["bytecode_cache"] = bytecode_cache(cache_folder(cache.output), cache.digests.site,
                                               options)
    counter = LoggedErrors()
    logging.getLogger("pelican").addHandler(counter)
    try:
        with readings_kept_in(cache.memo, cache.key("news-readings", "", ()), root):
            Pelican(settings).run()
    except TEMPLATE_ERRORS as error:  # one a template raised before any page was written
        raise template_failure(error, None, root) from error
    finally:
        logging.getLogger("pelican").removeHandler(counter)
        _forget_pelican_contents()
    if counter.messages:
        problems = Problems()
        for message in counter.messages:
            problems.add(Location("content"), f"lỗi khi dựng trang: {message}")
        raise InvalidProject(problems)


def _refuse_unsafe_markup(staging: Path, scan: MarkupScan) -> None:
    # Only what this build wrote: a page kept in output/ passed this scan when it was rendered.
    problems = scan.problems(staging)
    if problems:
        raise InvalidProject(problems)


def _index(staging: Path, facts: Facts, cache: PageCache, kept: list[str],
           jobs: int | None) -> IndexSummary:
    def read(html: str, exclusions: tuple[Exclusion, ...]) -> PageText:
        """A page's text as the last build read it, when it is the same page."""
        digest = hashlib.sha256(html.encode()).hexdigest()
        return cache.remember(f"page-text:{digest}:{exclusions!r}", (),
                              lambda: read_page(html, exclusions))

    pages = {name: cache.output / name for name in kept if name.endswith(".html")}
    # Shards made from the same documents are taken from the last published bundle,
    # unless this build starts afresh (`--full`).
    previous = cache.output / BUNDLE if cache.loaded is not None else None
    try:
        return write_index(staging, facts, read, pages, previous, jobs)
    except PagefindError as error:
        problems = Problems()
        problems.add(Location("pagefind"), f"không lập được chỉ mục tìm kiếm: {error}")
        raise InvalidProject(problems) from error


def _publish(staging: Path, output: Path, cache: PageCache, kept: list[str],
             remove_later: bool) -> None:
    """In place when the last build's pages are kept (see `publishing`), else by a swap."""
    staged = staged_files(staging)
    if kept and can_publish_in_place(output, staged):
        removed = cache.previous_files() - set(staged) - set(kept)
        rendered = {f for e in cache.entries.values() for f, _, _ in e.files}
        # Files made again on every build (the search bundle: 13,000 at size M, the
        # sitemap, the editor) move in only when their bytes changed.
        moves = [name for name in staged
                 if name in rendered or not _same_bytes(staging / name, output / name)]
        publish_in_place(staging, output, moves, sorted(removed))
    else:
        cache.link_kept(staging)
        publish(staging, output, remove_later)
    cache.save([*staged, *kept])


def _same_bytes(new: Path, old: Path) -> bool:
    try:
        return filecmp.cmp(new, old, shallow=False)
    except OSError:
        return False


def _page_cache(root: Path, output: Path, data: Dataset, fresh: bool) -> PageCache:
    """The last build's pages, unless asked to start afresh (then every page is rendered)."""
    return PageCache.open(output, digest_inputs(root, data), fresh)


def _make_site(root: Path, output: Path, phases: Phases, config: SiteConfig, data: Dataset,
               facts: Facts, fresh: bool, jobs: int | None, remove_later: bool) -> None:
    """Render, index and publish the site of `facts` (see `build`)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    cache = _page_cache(root, output, data, fresh)
    staging = folder_beside(output, "build")
    try:
        scan = MarkupScan()
        phases.run("Dựng trang", lambda: render(root, staging, config, facts, cache, scan, jobs),
                   lambda _: describe_pages(cache))
        _refuse_unsafe_markup(staging, scan)
        kept = cache.kept_files()  # the pages left in output/, fixed once rendering is done
        write_schemas(staging / "schema")
        if config.search:
            phases.run("Lập chỉ mục tìm kiếm", lambda: _index(staging, facts, cache, kept, jobs),
                       lambda summary: summary.describe())
        phases.run("Tệp cho máy chủ", lambda: add_deployment_files(root, staging, config, data, kept),
                   lambda added: added)
        _publish(staging, output, cache, kept, remove_later)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def build(root: Path, output: Path | None = None, phases: Phases | None = None,
          strict: bool = False, fresh: bool = False, jobs: int | None = None,
          remove_later: bool = False, previous: Facts | None = None) -> Facts:
    """Build the site into `output`; `phases` tells what each phase did, when given;
    pages are rendered (and search shards indexed) by at most `jobs` processes (default:
    one per core); see `publish` for `remove_later`, and `derive` for `previous` (the facts
    this process built last).

    Pages whose inputs did not change since the last build into `output` are taken from
    it (see `incremental`); `fresh` renders every page.
    """
    phases = phases or Phases()
    root = root.resolve()
    output = (output or root / "output").resolve()
    recover(output)
    with collector.lasting() as keep:
        config, data = phases.run("Kiểm tra dữ liệu", lambda: check(root, strict),
                                  lambda checked: describe_dataset(checked[1]))
        keep()
        with collector.paused():  # derive makes what the pages read, and little garbage
            facts = phases.run("Suy ra tiến độ, hạn và liên kết", lambda: derive(data, previous))
        keep()
        _make_site(root, output, phases, config, data, facts, fresh, jobs, remove_later)
    return facts
