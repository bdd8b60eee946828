"""The search index: Pagefind over the staged site, run by `build` between render and publish.

What is indexed, and why:

* Every page that marks itself `data-pagefind-body`: plans, reports, agencies, reform
  areas, news and static pages. Lists and archives have no body mark and stay out.
* One small record per task and per indicator (`search_entries.row_records`), whose URL
  is the row's anchor on the plan page (`/ke-hoach/<plan>/#nhiem-vu-<task>`), so a
  citizen looking for one task lands on it, with the task as the result's title. The
  task and indicator tables themselves are left out of the page index (`EXCLUDED`), and
  task history pages are not indexed: otherwise one task would be found four or five
  times (plan, agency, area, history, record) and the index would grow for nothing.
* Before Pagefind reads a page, `search_text.annotate` adds an invisible block of
  filters, a sort date and the page's `đ`-words folded to `d` (Pagefind folds every other
  Vietnamese mark itself). The published HTML is unchanged, and a page's own
  `data-pagefind-filter`/`-sort` declarations win over ours.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from ..facts.derive import Facts
from .pagefind_bundle import verify_bundle, write_bundle
from .pagefind_client import PagefindError, executable, pagefind_index
from .pagefind_stable import stabilise
from .search_entries import (
    AGENCY,
    AREA,
    DOCUMENT,
    FORCE,
    ISSUER,
    LATE,
    NUMBER,
    SORT_DATE,
    STATUS,
    TYPE,
    YEAR,
    Entries,
    Entry,
    row_records,
)
from .search_shards import (
    DIGESTS,
    MANIFEST,
    SHARD_PREFIX,
    Shard,
    digests,
    manifest,
    plan_shards,
    shard_of_year,
)
from .search_text import Annotation, Exclusion, PageText, annotate, dd_words, read_page

BUNDLE = "pagefind"
LANGUAGE = "vi"
# Searchable meta field holding a page's đ-words folded to d ("đường" → "duong").
FOLDED = "khong_dau"
# Tables of rows that have their own records (tasks, indicators, late and changed tasks),
# figures and download links: people do not search for them, and indexing them again
# would only make every query download more.
EXCLUDED = (*(Exclusion("table", name) for name in
              ("tasks", "indicators", "late-tasks", "changes", "figures", "record")),
            Exclusion("section", "agency-record"), Exclusion("section", "downloads"))
# Pagefind splits its word index into chunks of about N word positions, and a query
# downloads the chunks its words fall in. Its default N (20000) makes two chunks of
# 80 KB for the example site, so every query fetched nearly the whole index. We aim at
# about TARGET_CHUNKS chunks instead (a few KB each here), never smaller than MIN_CHUNK:
# the chunk list is in the meta file every search loads first, so it must stay short on
# big sites too. At 10,000 pages, 2,000 chunks instead of 200 cut the first search of
# "cải cách thủ tục" from 576 to 401 KB for 2 KB more meta (bench/RESULTS.md). The
# setting is marked unstable upstream (hence pagefind < 1.6 in pyproject.toml); if a
# version drops it, chunks only become bigger again.
TARGET_CHUNKS = 2000
MIN_CHUNK = 250
# Task history pages: the task's record already answers for it.
_NOT_INDEXED = re.compile(r"^/ke-hoach/[a-z0-9-]+/nhiem-vu/")
# Files of Pagefind's ready-made UIs; our search page uses only its JS API (pagefind.js).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
           "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-highlight.js")


@dataclass(frozen=True)
class SearchFilter:
    """One filter of the search page: Pagefind key, URL parameter, English msgid."""

    key: str
    param: str
    label: str


@dataclass(frozen=True)
class SearchPage:
    """What search.html needs to build its form; search.js reads it back from the page."""

    filters: tuple[SearchFilter, ...]
    number_field: str = NUMBER  # search.js ranks matches in it highest
    late: str = LATE  # the status value search.js shows as a warning
    sort_key: str = SORT_DATE
    sort_param: str = "sap-xep"
    newest: str = "moi-nhat"


# URL parameters are ASCII slugs of the keys; search.js knows some of them by name.
SEARCH_PAGE = SearchPage((
    SearchFilter(TYPE, "loai", "Type"),
    SearchFilter(YEAR, "nam", "Year"),
    SearchFilter(ISSUER, "co-quan-ban-hanh", "Issuing body"),
    SearchFilter(AGENCY, "co-quan", "Agency"),
    SearchFilter(AREA, "linh-vuc", "Reform area"),
    SearchFilter(STATUS, "trang-thai", "Status"),
    SearchFilter(FORCE, "hieu-luc", "Validity"),
    SearchFilter(DOCUMENT, "van-ban", "Document"),
))


@dataclass(frozen=True)
class IndexSummary:
    pages: int
    records: int
    shards: int
    indexed: int  # shards Pagefind made (the others were kept from the last build)
    files: int
    bytes: int

    def describe(self) -> str:
        kept = f", {self.shards - self.indexed} phần giữ nguyên" if self.indexed < self.shards else ""
        parts = f", {self.shards} phần theo năm{kept}" if self.shards > 1 else kept
        return f"{self.pages} trang, {self.records} mục{parts}"


def annotation(entry: Entry, page: PageText) -> Annotation:
    """What to add to a page: our filters and sort date unless the page declares them,
    its folded đ-words, and a title without the document-type label (results show the
    plan on their own line: "Kết quả quý I năm 2018", not the plan's name again)."""
    meta = dict(entry.meta)
    if title := page.short_title():
        meta["title"] = title
    if folded := " ".join(dd_words(page.joined())):
        meta[FOLDED] = folded
    return Annotation(
        filters={k: v for k, v in entry.filters.items() if k not in page.declared_filters},
        sort={} if SORT_DATE in page.declared_sorts else {SORT_DATE: entry.sort},
        meta=meta,
    )


class Document(NamedTuple):
    url: str
    html: str  # annotated, as Pagefind reads it
    words: int  # how many words Pagefind will index from it
    year: str | None = None  # which shard holds it (search_shards)


def chunk_size(words: int) -> int:
    return max(MIN_CHUNK, words // TARGET_CHUNKS)


def _year(entry: Entry) -> str | None:
    return next(iter(entry.filters.get(YEAR, [])), None)


# Reads a written page for the index: `read_page`, or the same through a build's cache.
PageReader = Callable[[str, tuple[Exclusion, ...]], PageText]


def indexed_documents(site: Path, facts: Facts, read: PageReader = read_page,
                      elsewhere: Mapping[str, Path] | None = None) -> Iterator[Document]:
    """Everything to index, pages then rows, in a stable order. The site's pages are those
    under `site` and those `elsewhere` names (relative to the site) with where they are."""
    entries = Entries(facts)
    known = entries.known_pages()
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")} | dict(elsewhere or {})
    for name in sorted(pages, key=PurePosixPath):
        url = "/" + name.removesuffix("index.html")
        if _NOT_INDEXED.match(url):
            continue
        html = pages[name].read_text(encoding="utf-8")
        page = read(html, EXCLUDED)
        if page.has_body:
            entry = known.get(url) or entries.other_page(url, page.first_time)
            yield Document(url, annotate(html, annotation(entry, page)), page.words(), _year(entry))
    for url, html, entry in row_records(facts):
        page = read_page(html)
        yield Document(url, annotate(html, annotation(entry, page)), page.words(), _year(entry))


CONFIG = {"exclude_selectors": [e.selector for e in EXCLUDED], "force_language": LANGUAGE}


def _digest(documents: list[Document]) -> str:
    """What a shard's index is made from: Pagefind (its version, and the size of its
    program, which the version of the Python package alone may not follow), our settings
    for it, and the documents."""
    program = executable().stat().st_size
    digest = hashlib.sha256(
        f"{version('pagefind')}\0{program}\0{CONFIG}\0{TARGET_CHUNKS}\0{MIN_CHUNK}".encode())
    for document in documents:
        digest.update(f"\0{document.url}\0{document.html}".encode())
    return digest.hexdigest()


async def _pagefind(documents: list[Document]) -> dict[str, bytes]:
    """One Pagefind index of `documents`, as the files of its bundle."""
    words = sum(d.words for d in documents)
    env = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(chunk_size(words))}
    async with pagefind_index(CONFIG, env) as index:
        for document in documents:
            await index.add_html(document.url, document.html)
        return await index.files()


def _shard_files(folder: Path) -> list[Path]:
    """A shard's own files: a first shard's folder also holds the other shards' folders."""
    return [p for p in folder.rglob("*") if p.is_file() and p.name not in (MANIFEST, DIGESTS)
            and not p.relative_to(folder).parts[0].startswith(SHARD_PREFIX)]


def _reuse(previous: Path | None, shard: Shard, digest: str, target: Path) -> bool:
    """Copy the shard from the last published bundle if it was made from the same documents."""
    if previous is None:
        return False
    try:
        if json.loads((previous / DIGESTS).read_text(encoding="utf-8")).get(shard.folder) != digest:
            return False
        source = previous / shard.folder
        for path in _shard_files(source):
            copy = target / path.relative_to(source)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
        verify_bundle(target, runtime=not shard.folder)
    except (OSError, ValueError, KeyError, TypeError, PagefindError):
        for path in _shard_files(target):  # other shards may be writing beside it
            path.unlink()
        return False
    return True


def _write_shard(bundle: Path, shard: Shard, documents: list[Document],
                 previous: Path | None) -> tuple[str, bool]:
    """Index one shard into its folder, or take it from `previous`: its digest, and
    whether Pagefind made it."""
    target = bundle / shard.folder
    digest = _digest(documents)
    if _reuse(previous, shard, digest, target):
        return digest, False
    # `build` may run where an event loop is already running (a test driving a browser,
    # an async server), and asyncio.run refuses to nest: Pagefind gets its own thread.
    with ThreadPoolExecutor(max_workers=1) as worker:
        written = worker.submit(asyncio.run, _pagefind(documents)).result()
    # Older shards are merged into the first by its pagefind.js and WebAssembly.
    write_bundle(target, written, _UNUSED, runtime=not shard.folder)
    verify_bundle(target, runtime=not shard.folder)  # as Pagefind gave it, before stabilise
    stabilise(target)
    verify_bundle(target, runtime=not shard.folder)
    return digest, True


def write_index(site: Path, facts: Facts, read: PageReader = read_page,
                elsewhere: Mapping[str, Path] | None = None,
                previous: Path | None = None, jobs: int | None = None) -> IndexSummary:
    """Index the staged site (see `indexed_documents` for `elsewhere`) into `site/pagefind/`,
    one Pagefind index per shard (`search_shards`); a shard made from the same documents
    as in the bundle `previous` (the last published one) is copied from it. Raises
    PagefindError if Pagefind fails or a bundle does not read back whole."""
    bundle = site / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    documents = list(indexed_documents(site, facts, read, elsewhere))
    shards = plan_shards(d.year for d in documents)
    in_shard = shard_of_year(shards)
    parts: dict[str, list[Document]] = {s.folder: [] for s in shards}
    for document in documents:
        parts[in_shard[document.year].folder].append(document)
    # Each shard is its own Pagefind process: as many at once as `jobs` (default: cores).
    workers = max(1, min(jobs or os.cpu_count() or 1, len(shards)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        written = list(pool.map(lambda s: _write_shard(bundle, s, parts[s.folder], previous),
                                shards))
    (bundle / MANIFEST).write_text(manifest(shards), encoding="utf-8")
    (bundle / DIGESTS).write_text(digests(shards, [d for d, _ in written]), encoding="utf-8")
    files = [p for p in bundle.rglob("*") if p.is_file()]
    records = sum("#" in d.url for d in documents)
    return IndexSummary(len(documents) - records, records, len(shards),
                        sum(made for _, made in written), len(files),
                        sum(p.stat().st_size for p in files))
