"""What `check` made of each file, kept under a digest of the file's bytes.

A file's record (its model, document, problems and warnings, and whatever else reading it
alone gives) is a pure function of its name, its bytes, this generator's code and the
context the caller adds to the key (the organisations a plan is checked against), so an
unchanged file is not read into YAML, validated or linted again. What depends on other
files or on the disk (ids known elsewhere, attachments that exist) is checked on every
load by the caller, from small facts the record keeps.

Within one process (`serve`), a file whose signature did not change since the last load is
not even read again: its digest is taken from that load (see `incremental.file_identity`).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ..errors import relative
from ..failures import processing
from ..incremental.code import code_digest
from ..incremental.file_identity import Signature, settled, signature
from ..incremental.memo import Memo
from .loading import MAX_FILE_BYTES

T = TypeVar("T")
# The in-process entry holding the files seen by the last load (not a digest: no clash).
_SEEN = "sources-seen"


@dataclass
class Source:
    """One file to be checked: its name in messages and the digest of its bytes."""

    path: Path
    name: str
    digest: str
    _content: bytes | None = None

    def content(self) -> bytes:
        if self._content is None:
            with processing(self.name):
                self._content = self.path.read_bytes()
        return self._content


def digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class FileMemo:
    """Records of a project's files, kept in `memo` (None keeps nothing: every record is
    made again, by the same code)."""

    def __init__(self, root: Path, memo: Memo | None) -> None:
        self.root = root
        self.memo = memo
        self._resolved_root = root.resolve()
        kept = memo.in_memory.get(_SEEN) if memo is not None and memo.in_memory is not None \
            else None
        # Path → its signature, digest and name, for files settled when read.
        self._last_seen: dict[Path, tuple[Signature, str, str]] = kept or {}
        self._seen: dict[Path, tuple[Signature, str, str]] = {}

    def read(self, path: Path) -> Source | None:
        """The file, or None when it cannot be read or is too big (the caller's own reading
        then says why)."""
        try:
            stat = path.stat()
        except OSError:
            return None
        if stat.st_size > MAX_FILE_BYTES:
            return None
        last = self._last_seen.get(path)
        if last is not None and last[0] == signature(stat):
            self._seen[path] = last
            return Source(path, last[2], last[1])
        started = time.time_ns()
        name = self._name(path)
        source = Source(path, name, "")
        content = source.content()
        if len(content) > MAX_FILE_BYTES:
            return None
        source.digest = _digest_bytes(name, content)
        if settled(stat, started):
            self._seen[path] = (signature(stat), source.digest, name)
        return source

    def _name(self, path: Path) -> str:
        """`relative(path, root)`, without resolving the root again for every file."""
        try:
            return Path(os.path.abspath(path)).relative_to(self._resolved_root).as_posix()
        except ValueError:
            return relative(path, self.root)

    def get(self, key: str, make: Callable[[], T]) -> T:
        return make() if self.memo is None else self.memo.get(key, make)

    def finish(self) -> None:
        """Forget the records of files no longer there or changed."""
        if self.memo is None:
            return
        if self.memo.in_memory is not None:
            self.memo.in_memory[_SEEN] = self._seen
            self.memo.touch(_SEEN)
        self.memo.prune()


def _digest_bytes(name: str, content: bytes) -> str:
    digest = hashlib.sha256(f"{name}\0{code_digest()}\0".encode())
    digest.update(content)
    return digest.hexdigest()
