"""Compiled templates kept between builds.

Pelican gives each of its generators its own Jinja environment, so every build
compiled the theme several times. Jinja's bytecode cache checks each template's source;
the options the templates were compiled with (and Jinja's version) name the folder, so
bytecode compiled under other options is never read.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import FileSystemBytecodeCache


def bytecode_cache(folder: Path, options: dict[str, Any]) -> FileSystemBytecodeCache:
    compiled_with = repr(sorted(options.items())) + jinja2.__version__
    where = folder / f"jinja-{hashlib.sha256(compiled_with.encode()).hexdigest()[:16]}"
    where.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(where))
