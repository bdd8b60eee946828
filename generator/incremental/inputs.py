"""Digests of a project's inputs, grouped by what a page can depend on.

A page's bytes are a function of the inputs it reads. Rather than trace reads, every
input falls into one unit: one plan (its YAML and its reports), one plan's text (only
its own page shows it), the news, or
the site (everything else: configuration, organisations, areas, pages, attachments'
names and sizes, the theme, this generator's code and the versions of the libraries
that render). Pages name the units they read (`site.pages`, `site.caching_writer`); a
page is rendered again when the site, one of its units or the set of them changed.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data.dataset import Dataset
from .code import code_digest
from .file_identity import Signature, settled, signature

NEWS = "news"


def plan_unit(plan_id: str) -> str:
    return f"plan:{plan_id}"


def text_unit(plan_id: str) -> str:
    return f"text:{plan_id}"


# Digests of the files this process read, by their signatures (see `file_identity`): the
# preview digests every input on every save (11,000 files, 90 MB at size L).
_read_here: dict[Path, tuple[Signature, bytes]] = {}


def _file_digest(path: Path) -> bytes:
    info = path.stat()
    kept = _read_here.get(path)
    if kept is not None and kept[0] == signature(info):
        return kept[1]
    started = time.time_ns()
    digest = hashlib.sha256(path.read_bytes()).digest()
    if settled(info, started):
        _read_here[path] = (signature(info), digest)
    return digest


def _hash_files(digest: Any, root: Path, paths: Iterable[Path], names_only: bool = False) -> None:
    prefix = str(root) + os.sep
    for path in sorted(paths, key=str):  # as strings: 11,000 Path comparisons cost 0.3 s at L
        name = str(path)
        name = name[len(prefix):] if name.startswith(prefix) else path.relative_to(root).as_posix()
        digest.update(name.replace(os.sep, "/").encode() + b"\0")
        digest.update(str(path.stat().st_size).encode() if names_only else _file_digest(path))
        digest.update(b"\0")


def _tree(folder: Path) -> list[Path]:
    """Every file under `folder`, not following links to folders (as `rglob` does)."""
    found: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            found += _tree(Path(entry.path))
        elif entry.is_file():
            found.append(Path(entry.path))
    return found


def _unit_files(root: Path, data: Dataset) -> dict[str, list[Path]]:
    """Each plan's own files (its YAML and reports) and its text, as the dataset read them."""
    files = {plan_unit(pid): [root / doc.path] for pid, doc in data.plan_docs.items()}
    for (pid, _), doc in data.report_docs.items():
        files[plan_unit(pid)].append(root / doc.path)
    files |= {text_unit(pid): [path] for pid, path in data.plan_texts.items()}
    return files


def _site_files(root: Path, owned: set[str]) -> list[Path]:
    """Every input no unit owns; attachments count by name and size (pages show no more)."""
    files = [p for p in [root / "minhbach.toml"] if p.is_file()]
    files += _tree(root / "themes") + _tree(root / "data")
    news, attachments = root / "content" / "news", root / "content" / "files"
    files += [p for p in _tree(root / "content") if news not in p.parents
              and attachments not in p.parents]
    return [p for p in files if os.path.abspath(p) not in owned]


def _site_digest(root: Path, owned: set[str]) -> str:
    digest = hashlib.sha256()
    _hash_files(digest, root, _site_files(root, owned))
    _hash_files(digest, root, _tree(root / "content" / "files"), names_only=True)
    digest.update(code_digest().encode())
    return digest.hexdigest()


def _digest_of(root: Path, files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    _hash_files(digest, root, files)
    return digest.hexdigest()


@dataclass(frozen=True)
class InputDigests:
    site: str
    units: dict[str, str]  # unit name → digest of its files

    def of(self, units: Iterable[str]) -> str:
        """One digest for the site and the named units (names included, so a page whose
        set of units changed is rendered again even if each unit is unchanged)."""
        digest = hashlib.sha256(self.site.encode())
        for unit in sorted(set(units)):
            digest.update(f"\0{unit}\0{self.units.get(unit, '')}".encode())
        return digest.hexdigest()


def digest_inputs(root: Path, data: Dataset) -> InputDigests:
    owned_by = _unit_files(root, data)
    units = {unit: _digest_of(root, files) for unit, files in owned_by.items()}
    units[NEWS] = _digest_of(root, _tree(root / "content" / "news"))
    owned = {os.path.abspath(p) for files in owned_by.values() for p in files}
    return InputDigests(_site_digest(root, owned), units)
