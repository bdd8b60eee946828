"""The page cache: the files each page of the last build wrote, and the key they were
written under, so the next build leaves those files in `output/` instead of rendering the
page again (see `publishing`).

A key is the digest of the page's name, its template and the inputs it reads (see
`inputs`). The cached bytes are the published site itself: a page is reused only if its
files in `output/` still have the size and modification time the last build recorded,
so a site changed by hand is rendered again, never trusted. The index is saved only
after a build was published, so it always describes the `output/` beside it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..publishing import inside, staged_files
from .inputs import InputDigests
from .memo import CACHE_FOLDER, Memo

T = TypeVar("T")

# Bumped when the index format or the meaning of a key changes.
FORMAT = 2


def cache_folder(output: Path) -> Path:
    """Where builds into `output` keep what they reuse: beside it, so a project moved or
    copied whole keeps its cache, and a build into a temporary folder leaves nothing in
    the project."""
    return output.parent / CACHE_FOLDER


def cache_index(output: Path) -> Path:
    """The index of the pages built into `output`."""
    return cache_folder(output) / f"{output.name}.json"


@dataclass(frozen=True)
class Entry:
    key: str
    files: tuple[tuple[str, int, int], ...]  # name, size, mtime in ns


def _stat(site: Path, name: str) -> tuple[str, int, int]:
    info = (site / name).lstat()
    return name, info.st_size, info.st_mtime_ns


Saved = tuple[dict[str, Entry], tuple[str, ...]]  # pages, and the other files published

# The index this process saved last, by its file's identity: the preview builds again on
# every save, and reading back 50,000 entries (size L) took seconds each time.
_saved_here: dict[Path, tuple[tuple[int, int, int], Saved]] = {}


def _identity(index: Path) -> tuple[int, int, int] | None:
    try:
        info = index.stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def _load(index: Path, identity: tuple[int, int, int] | None) -> Saved:
    """The pages of the last build, and the other files it published."""
    if identity is None:
        return {}, ()
    kept = _saved_here.get(index)
    if kept is not None and kept[0] == identity:
        return kept[1]
    try:
        saved = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, ()
    if not isinstance(saved, dict) or saved.get("format") != FORMAT \
            or not isinstance(saved.get("pages"), dict) or not isinstance(saved.get("others"), list):
        return {}, ()
    try:
        pages = {name: Entry(str(key), tuple((str(f), int(size), int(ns)) for f, size, ns in files))
                 for name, (key, files) in saved["pages"].items()}
        others = tuple(str(name) for name in saved["others"])
    except (TypeError, ValueError):
        return {}, ()
    # Only files inside the site are ever kept or removed, whatever the index says.
    if not all(inside(f) for e in pages.values() for f, _, _ in e.files) \
            or not all(inside(f) for f in others):
        return {}, ()
    return pages, others


@dataclass
class PageCache:
    digests: InputDigests
    output: Path  # the published site the previous entries describe
    previous: dict[str, Entry]
    previous_others: tuple[str, ...]  # files the last build published that are no page's
    memo: Memo
    loaded: tuple[int, int, int] | None = None  # the index file read, to know it unchanged
    entries: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def open(cls, output: Path, digests: InputDigests, fresh: bool = False) -> PageCache:
        """The last build's pages and results; with `fresh`, none (all are made again)."""
        memo = Memo(cache_folder(output) / f"{output.name}-memo", read=not fresh)
        index = cache_index(output)
        identity = None if fresh else _identity(index)
        pages, others = _load(index, identity)
        return cls(digests, output, dict(pages), others, memo, identity)

    def key(self, name: str, template: str, units: Iterable[str]) -> str:
        return hashlib.sha256(f"{name}\0{template}\0{self.digests.of(units)}".encode()).hexdigest()

    def remember(self, name: str, units: Iterable[str], make: Callable[[], T]) -> T:
        """A value made from the site and `units` only, taken from the last build if it made it."""
        return self.memo.get(self.key(name, "", units), make)

    def reuse(self, name: str, key: str) -> bool:
        """Keep the page's files in `output/`, if they are still what was written under `key`."""
        entry = self.previous.get(name)
        if entry is None or entry.key != key or not all(self._unchanged(f) for f in entry.files):
            return False
        self.entries[name] = entry
        return True

    def record(self, name: str, key: str, staging: Path, files: Iterable[str]) -> None:
        written = sorted({Path(f).relative_to(staging).as_posix() for f in files})
        self.entries[name] = Entry(key, tuple(_stat(staging, f) for f in written))

    def adopt(self, entries: dict[str, Entry]) -> None:
        """Entries of pages another process rendered for this build."""
        self.entries.update(entries)

    def kept_files(self) -> list[str]:
        """Files of this build that are the previous build's, left in `output/`."""
        return sorted(f for name, e in self.entries.items() if self.previous.get(name) is e
                      for f, _, _ in e.files)

    def previous_files(self) -> set[str]:
        """Every file the previous build published."""
        return {f for e in self.previous.values() for f, _, _ in e.files} \
            | set(self.previous_others)

    def link_kept(self, staging: Path) -> None:
        """Make `staging` the whole site: link the kept files into it."""
        for file in self.kept_files():
            _link(self.output / file, staging / file)

    def save(self, published: Iterable[str]) -> None:
        """Record this build's pages and the other files it `published`, once they are in
        `self.output`. A cache that cannot be written only makes the next build full."""
        index = cache_index(self.output)
        pages = {f for e in self.entries.values() for f, _, _ in e.files}
        others = tuple(sorted(set(published) - pages))
        if self.entries == self.previous and others == self.previous_others \
                and self.loaded is not None and _identity(index) == self.loaded:
            self.memo.prune()
            return  # the index on disk says it all already
        saved = {"format": FORMAT,
                 "pages": {n: [e.key, [list(f) for f in e.files]]
                           for n, e in sorted(self.entries.items())},
                 "others": others}
        partial = index.with_name(index.name + ".partial")
        _saved_here.pop(index, None)
        try:
            index.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
            partial.replace(index)
            if (identity := _identity(index)) is not None:
                _saved_here[index] = (identity, (dict(self.entries), others))
            self.memo.prune()
        except OSError:
            with contextlib.suppress(OSError):
                index.unlink(missing_ok=True)  # it describes the site just replaced

    def _unchanged(self, file: tuple[str, int, int]) -> bool:
        try:
            return _stat(self.output, file[0]) == file
        except OSError:
            return False


def site_files(staging: Path, cache: PageCache | None) -> list[str]:
    """Every file of the site being built: those in `staging` and those kept in `output/`."""
    kept = cache.kept_files() if cache is not None else []
    return sorted({*staged_files(staging), *kept})


def _link(source: Path, target: Path) -> None:
    """A hard link shares the bytes without copying them; nothing writes into a published
    page, so the new site's file cannot change through it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
