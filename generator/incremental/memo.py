"""Results kept between builds under a content key: a value made from inputs whose digest
is the key is taken from disk instead of made again.

Entries are pickles the build itself wrote into the cache folder beside `output/`.
Each is signed with a secret kept outside the project (`~/.cache/minhbach/secret`), and
an entry whose signature does not match is never unpickled: a cache folder committed to
the repository, or copied from elsewhere, cannot run code in a build. Entries a build
did not ask for are removed when it is published, so the folder holds one build's worth.

A memo made `in_process` also keeps its values in this process's memory, so a process
that loads again (`serve` on every save) neither reads nor unpickles what it used last
time. Such values are shared between loads: whoever receives one must never change it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import tempfile
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
MISSING: Any = object()
# Beside the output folder for what a build keeps, in the project for what `check` keeps.
CACHE_FOLDER = ".minhbach-cache"
# Folders whose values stay in memory: a test session loads many small projects, and
# only the last few are worth keeping.
_FOLDERS_IN_PROCESS = 4
_IN_PROCESS: OrderedDict[Path, dict[str, Any]] = OrderedDict()


class Memo:
    def __init__(self, folder: Path, read: bool = True, in_process: bool = False) -> None:
        """Without `read`, every value is made again (a build asked to start afresh) and
        kept for the next build."""
        self.folder = folder
        self.read = read
        self.used: set[str] = set()
        self.in_memory: dict[str, Any] | None = None
        if in_process:
            self.in_memory = _IN_PROCESS.pop(folder.absolute(), {}) if read else {}
            _IN_PROCESS[folder.absolute()] = self.in_memory
            while len(_IN_PROCESS) > _FOLDERS_IN_PROCESS:
                _IN_PROCESS.popitem(last=False)

    def get(self, key: str, make: Callable[[], T]) -> T:
        """What the last build made under `key`, or `make()`, kept for the next build."""
        kept = self.recall(key)
        if kept is not MISSING:
            return kept
        value = make()
        self.keep(key, value)
        return value

    def recall(self, key: str) -> Any:
        """The value kept under `key`, or MISSING."""
        self.used.add(key)
        if self.in_memory is not None and key in self.in_memory:
            return self.in_memory[key]
        value = self._unpickled(key)
        if value is not MISSING and self.in_memory is not None:
            self.in_memory[key] = value
        return value

    def touch(self, key: str) -> None:
        """Keep the entry under `key` for the next build without reading it."""
        self.used.add(key)

    def _unpickled(self, key: str) -> Any:
        if self.read:
            try:
                kept = (self.folder / f"{key}.pickle").read_bytes()
            except OSError:
                return MISSING
            signature, payload = kept[:_SIGNATURE], kept[_SIGNATURE:]
            if hmac.compare_digest(signature, _sign(key, payload)):
                try:
                    return pickle.loads(payload)
                except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                    pass
        return MISSING

    def keep(self, key: str, value: object) -> None:
        """Keep `value` for the next build; a folder that cannot be written keeps nothing."""
        self.used.add(key)
        if self.in_memory is not None:
            self.in_memory[key] = value
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, partial = tempfile.mkstemp(dir=self.folder, suffix=".partial")
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(handle, "wb") as file:
                file.write(_sign(key, payload) + payload)
            os.replace(partial, self.folder / f"{key}.pickle")
        except OSError:
            pass

    def prune(self) -> None:
        """Remove the entries this build did not use."""
        if self.in_memory is not None:
            for key in self.in_memory.keys() - self.used:
                del self.in_memory[key]
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.stem not in self.used:
                path.unlink(missing_ok=True)  # a .partial of a killed build too


_SIGNATURE = hashlib.sha256().digest_size
_SECRET_BYTES = 32


def _sign(key: str, payload: bytes) -> bytes:
    return hmac.new(_secret(), key.encode() + b"\0" + payload, hashlib.sha256).digest()


@cache
def _secret() -> bytes:
    """This machine's signing secret, made on first use; where none can be kept, one for
    this process (entries then last only as long as it)."""
    made = secrets.token_bytes(_SECRET_BYTES)
    try:
        home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "minhbach"
    except RuntimeError:  # no home folder
        return made
    path = home / "secret"
    kept = _read_secret(path)
    if kept is not None:
        return kept
    try:
        home.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(made)
    except FileExistsError:  # another build is making it: use it once it is whole
        return _read_secret(path) or made
    except OSError:
        pass
    return made


def _read_secret(path: Path) -> bytes | None:
    """The secret, if whole: a short (or empty) one would sign for anybody."""
    try:
        kept = path.read_bytes()
    except OSError:
        return None
    return kept if len(kept) >= _SECRET_BYTES else None
