"""The digest of what turns inputs into output besides the inputs: this generator's code
and the versions of the libraries that read and render. Anything kept between builds is
kept under a key that includes it, so upgrading either starts afresh."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

# Libraries whose version can change what is read or written.
_LIBRARIES = ("pelican", "jinja2", "markdown-it-py", "babel", "markupsafe", "pydantic", "pyyaml")
_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def code_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.suffix in (".py", ".css", ".js")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for name in _LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}\0".encode())
    return digest.hexdigest()
