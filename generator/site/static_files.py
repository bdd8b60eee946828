"""The files Pelican will copy into the site, checked before it copies them.

Pelican copies every file of STATIC_PATHS and every file a `{static}`/`{attach}`
marker names, following symlinks and `..`. `check` refuses such markers already;
this is the last guard on what Pelican actually collected, and it publishes a file
saved with an NFD name (macOS) under its NFC name, which is how pages link to it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..data.paths import ATTACHMENTS
from ..errors import InvalidProject, Location, Problems, relative
from ..reading.vietnamese import nfc


def guard(generator: Any) -> None:
    """Pelican's `static_generator_finalized` handler."""
    root = Path(generator.settings["MINHBACH_ROOT"]).resolve()
    allowed = root / ATTACHMENTS
    problems = Problems()
    for static in generator.staticfiles:
        source = Path(os.path.realpath(static.source_path))
        if allowed not in source.parents:
            problems.add(Location(relative(source, root)),
                         f"tệp nằm ngoài {ATTACHMENTS}/ không được đăng lên trang")
        elif static.save_as != nfc(static.save_as):
            static.override_save_as = nfc(static.save_as)
            static.override_url = nfc(static.url)
    if problems:
        raise InvalidProject(problems)
