"""Results kept between builds under a content key: a value made from inputs whose digest
is the key is taken from disk instead of made again.

Entries are pickles the build itself wrote into the cache folder beside `output/`
(nothing staff write is ever unpickled). Entries a build did not ask for are removed
when it is published, so the folder holds one build's worth.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
MISSING: Any = object()
# Beside the output folder for what a build keeps, in the project for what `check` keeps.
CACHE_FOLDER = ".minhbach-cache"


class Memo:
    def __init__(self, folder: Path, read: bool = True) -> None:
        """Without `read`, every value is made again (a build asked to start afresh) and
        kept for the next build."""
        self.folder = folder
        self.read = read
        self.used: set[str] = set()

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
        if self.read:
            try:
                return pickle.loads((self.folder / f"{key}.pickle").read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                pass
        return MISSING

    def keep(self, key: str, value: object) -> None:
        """Keep `value` for the next build; a folder that cannot be written keeps nothing."""
        self.used.add(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, partial = tempfile.mkstemp(dir=self.folder, suffix=".partial")
            with os.fdopen(handle, "wb") as file:
                file.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(partial, self.folder / f"{key}.pickle")
        except OSError:
            pass

    def prune(self) -> None:
        """Remove the entries this build did not use."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.stem not in self.used:
                path.unlink(missing_ok=True)  # a .partial of a killed build too
