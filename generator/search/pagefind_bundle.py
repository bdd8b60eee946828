"""Writing the Pagefind bundle to disk ourselves, and proving it whole before publishing.

A search index with an empty entry file or a truncated fragment breaks search for
every visitor while the pages look fine, so `build` publishes no bundle it has not
read back: the entry file parses, and every meta, wasm, fragment, index and filter
file it leads to exists and decompresses completely (gzip checks length and CRC).
"""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Any

from .pagefind_client import PagefindError
from .pagefind_stable import SIGNATURE, read_file

ENTRY = "pagefind-entry.json"
SCRIPTS = ("pagefind.js", "pagefind-worker.js")


def is_runtime(name: str) -> bool:
    """Pagefind's scripts and WebAssembly, which a shard merged into another does without."""
    return name in SCRIPTS or name.startswith("wasm.")


def write_bundle(bundle: Path, files: dict[str, bytes], unused: tuple[str, ...],
                 runtime: bool = True) -> None:
    for name, content in sorted(files.items()):
        if name in unused or (not runtime and is_runtime(name)):
            continue
        path = bundle / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def verify_bundle(bundle: Path, runtime: bool = True) -> None:
    """PagefindError (in Vietnamese) naming the first missing or incomplete file; without
    `runtime`, the bundle is a shard that has no scripts or WebAssembly of its own."""
    try:
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        languages = entry["languages"]
        if not languages:
            raise ValueError("không có ngôn ngữ nào")
        for name in SCRIPTS if runtime else ():
            if not (bundle / name).stat().st_size:
                raise ValueError(f"{name} rỗng")
        for language in languages.values():
            _verify_language(bundle, language, runtime)
    except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError, zlib.error) as error:
        raise PagefindError(f"chỉ mục tìm kiếm không đầy đủ, không xuất bản: {error}") from error


def _verify_language(bundle: Path, language: dict[str, Any], runtime: bool) -> None:
    if runtime:
        # A language without its own stemmer uses the generic module (as pagefind.js does).
        gzip.decompress((bundle / f"wasm.{language['wasm'] or 'unknown'}.pagefind").read_bytes())
    meta = read_file(bundle / f"pagefind.{language['hash']}.pf_meta")
    assert isinstance(meta, list)
    pages, chunks, filters = meta[1], meta[2], meta[3]
    if len(pages) != language["page_count"]:
        raise ValueError(f"có {len(pages)} trang, tệp {ENTRY} ghi {language['page_count']}")
    for page in pages:
        _complete(bundle / "fragment" / f"{page[0]}.pf_fragment")
    for chunk in chunks:
        _complete(bundle / "index" / f"{chunk[2]}.pf_index")
    for _, file_hash in filters:
        _complete(bundle / "filter" / f"{file_hash}.pf_filter")


def _complete(path: Path) -> None:
    """The whole gzip stream is there (its trailer checks length and CRC), with the signature."""
    if not gzip.decompress(path.read_bytes()).startswith(SIGNATURE):
        raise ValueError(f"{path.name} không phải tệp Pagefind")
