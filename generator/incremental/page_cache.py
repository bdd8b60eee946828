"""The page cache: the files each page of the last build wrote, and the key they were
written under, so the next build links those bytes into its staging folder instead of
rendering the page again.

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
from pathlib import Path, PurePosixPath
from typing import TypeVar

from .inputs import InputDigests
from .memo import CACHE_FOLDER, Memo

T = TypeVar("T")

# Bumped when the index format or the meaning of a key changes.
FORMAT = 1


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


def _load(index: Path) -> dict[str, Entry]:
    try:
        saved = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(saved, dict) or saved.get("format") != FORMAT \
            or not isinstance(saved.get("pages"), dict):
        return {}
    try:
        pages = {name: Entry(str(key), tuple((str(f), int(size), int(ns)) for f, size, ns in files))
                 for name, (key, files) in saved["pages"].items()}
    except (TypeError, ValueError):
        return {}
    # Only files inside the site are ever linked, whatever the index says.
    return {name: e for name, e in pages.items() if all(_inside(f) for f, _, _ in e.files)}


def _inside(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


@dataclass
class PageCache:
    digests: InputDigests
    output: Path  # the published site the previous entries describe
    previous: dict[str, Entry]
    memo: Memo
    entries: dict[str, Entry] = field(default_factory=dict)
    rendered: int = 0
    reused: int = 0

    @classmethod
    def open(cls, output: Path, digests: InputDigests, fresh: bool = False) -> PageCache:
        """The last build's pages and results; with `fresh`, none (all are made again)."""
        memo = Memo(cache_folder(output) / f"{output.name}-memo", read=not fresh)
        return cls(digests, output, {} if fresh else _load(cache_index(output)), memo)

    def key(self, name: str, template: str, units: Iterable[str]) -> str:
        return hashlib.sha256(f"{name}\0{template}\0{self.digests.of(units)}".encode()).hexdigest()

    def remember(self, name: str, units: Iterable[str], make: Callable[[], T]) -> T:
        """A value made from the site and `units` only, taken from the last build if it made it."""
        return self.memo.get(self.key(name, "", units), make)

    def reuse(self, name: str, key: str, staging: Path) -> bool:
        """Link the page's previous files into `staging`, if they are still what was written."""
        entry = self.previous.get(name)
        if entry is None or entry.key != key or not all(self._unchanged(f) for f in entry.files):
            return False
        for file, _, _ in entry.files:
            _link(self.output / file, staging / file)
        self.entries[name] = entry
        self.reused += len(entry.files)
        return True

    def record(self, name: str, key: str, staging: Path, files: Iterable[str]) -> None:
        written = sorted({Path(f).relative_to(staging).as_posix() for f in files})
        self.entries[name] = Entry(key, tuple(_stat(staging, f) for f in written))
        self.rendered += len(written)

    def adopt(self, entries: dict[str, Entry]) -> None:
        """Entries of pages another process rendered for this build."""
        self.entries.update(entries)
        self.rendered += sum(len(e.files) for e in entries.values())

    def reused_files(self) -> set[str]:
        """Files of this build that are the previous build's, byte for byte."""
        return {f for name, e in self.entries.items() if self.previous.get(name) is e
                for f, _, _ in e.files}

    def save(self) -> None:
        """Record this build's pages, once it is published into `self.output`. The site is
        published already: a cache that cannot be written only makes the next build full."""
        index = cache_index(self.output)
        saved = {"format": FORMAT,
                 "pages": {n: [e.key, [list(f) for f in e.files]]
                           for n, e in sorted(self.entries.items())}}
        partial = index.with_name(index.name + ".partial")
        try:
            index.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
            partial.replace(index)
            self.memo.prune()
        except OSError:
            with contextlib.suppress(OSError):
                index.unlink(missing_ok=True)  # it describes the site just replaced

    def _unchanged(self, file: tuple[str, int, int]) -> bool:
        try:
            return _stat(self.output, file[0]) == file
        except OSError:
            return False


def _link(source: Path, target: Path) -> None:
    """A hard link shares the bytes without copying them; nothing writes into a staged
    page after Pelican, so the published file cannot change through it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
