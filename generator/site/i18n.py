"""Theme strings: the theme's gettext catalogue (vi), compiled in memory by Babel.

Compiling at build time keeps binary .mo files out of the repository and means a
translator's edit to the .po file shows up on the next build.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def catalogue_path(theme: Path, locale: str = "vi") -> Path:
    return theme / "translations" / f"{locale}.po"


@lru_cache(maxsize=4)
def translations(po_file: Path) -> gettext.GNUTranslations:
    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale="vi")
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
