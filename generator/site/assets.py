"""Fingerprinted URLs of the theme's own files, so hosts may cache them for a year.

The fingerprint is a hash of the file's bytes: a changed stylesheet gets a new URL, and an
unchanged one keeps its URL, so builds stay byte-identical.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..editor.headers import ASSETS


class AssetUrls:
    """`asset_url("css/site.css")` in templates; hashes each file once per build."""

    def __init__(self, theme: Path) -> None:
        self.static = theme / "static"
        self.seen: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        if name not in self.seen:
            digest = hashlib.sha256((self.static / name).read_bytes()).hexdigest()[:12]
            self.seen[name] = f"/{ASSETS}/{name}?v={digest}"
        return self.seen[name]
