"""Compiled templates kept between builds.

Pelican gives each of its generators its own Jinja environment, so every build compiled
the theme several times. Jinja's bytecode cache checks each template's source, but a
compiled template also holds what the theme's other files and our code put in it at
compile time (the translations of `_('…')`, see `site.i18n`): the folder is named by the
site's digest (theme, translations, configuration, code, library versions) and the
compile options, so bytecode compiled under anything else is never read. Folders of
earlier digests are removed.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import FileSystemBytecodeCache


def bytecode_cache(folder: Path, site_digest: str, options: dict[str, Any]) -> FileSystemBytecodeCache:
    compiled_with = f"{site_digest}\0{sorted(options.items())!r}\0{jinja2.__version__}"
    name = f"jinja-{hashlib.sha256(compiled_with.encode()).hexdigest()[:16]}"
    if folder.is_dir():
        for earlier in folder.glob("jinja-*"):
            if earlier.name != name:
                shutil.rmtree(earlier, ignore_errors=True)
    (folder / name).mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder / name))
