"""Markdown rendering for staff-written text, and the Pelican reader that uses it.

Raw HTML is off: Markdown comes from staff and a browser editor, so `<script>`
must come out as text. Heading ids are ASCII slugs. Pelican's own intra-site
link markers (`{filename}…`, `{static}…`) pass through untouched for Pelican
to resolve; our `{plan}<id>` marker is resolved here.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from pelican.readers import BaseReader

from ..data.loading import load_front_matter
from ..errors import Problems
from ..incremental.memo import Memo
from ..reading.vietnamese import nfc, slugify
from .urls import PLAN_LINK, plan_url

MAX_MARKDOWN_CHARS = 1_000_000


def _normalize_link(default: Callable[[str], str]) -> Callable[[str], str]:
    def normalize(url: str) -> str:
        if url.startswith(("{filename}", "{static}", "{attach}", "{index}")):
            return url
        return default(PLAN_LINK.sub(lambda m: plan_url(m.group(1)), url))

    return normalize


def _validate_link(default: Callable[[str], bool]) -> Callable[[str], bool]:
    def validate(url: str) -> bool:
        return url.startswith(("{filename}", "{static}", "{attach}", "{index}")) or default(url)

    return validate


@lru_cache(maxsize=2)
def _parser(anchors: bool = True) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    if anchors:
        md.use(anchors_plugin, min_level=2, max_level=4, slug_func=slugify)
    md.normalizeLink = _normalize_link(md.normalizeLink)  # type: ignore[method-assign]
    md.validateLink = _validate_link(md.validateLink)  # type: ignore[method-assign]
    return md


def outline(text: str) -> tuple[list[str], list[int]]:
    """Every link and image target of `text` as the page will carry it, and the line of
    each heading (from 1); in linear time (heading ids, quadratic in equal headings, are
    not made)."""
    targets: list[str] = []
    headings: list[int] = []
    for token in _parser(anchors=False).parse(nfc(text[:MAX_MARKDOWN_CHARS])):
        if token.type == "heading_open" and token.map:
            headings.append(token.map[0] + 1)
        for child in token.children or []:
            target = child.attrGet("href") if child.type == "link_open" else child.attrGet("src")
            if isinstance(target, str):
                targets.append(target)
    return targets, headings


def render_markdown(text: str, heading_shift: int = 0) -> str:
    """Render untrusted Markdown to HTML that carries no script.

    `heading_shift` nests the text's headings under the page's own: a plan's full text
    sits in a section headed <h2>, so its "#" becomes <h2> and its "##" <h3> with shift 1,
    keeping one <h1> per page and an outline screen readers can follow.
    """
    md = _parser()
    tokens = md.parse(nfc(text[:MAX_MARKDOWN_CHARS]))
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + heading_shift)}"
    return md.renderer.render(tokens, md.options, {})


# What the reader made of each file this process read, by the file's digest: the preview
# builds again on every save, and reads every news post (5,000 at size L) each time.
# Pelican's own reader cache keeps metadata after processing, whose objects hold the
# settings of the build that made them (and with them, that build's facts).
_read_here: dict[str, tuple[bytes, str, dict[str, Any]]] = {}


@contextmanager
def readings_kept_in(memo: Memo, key: str, root: Path) -> Iterator[None]:
    """Pelican reads every post in a build; what the last build's reader made of each is
    taken from `memo` under `key` (a post whose bytes changed is read again), and what
    this one made is kept for the next."""
    kept = memo.recall(key)
    if isinstance(kept, dict):
        for path, reading in kept.items():
            _read_here.setdefault(path, reading)
    yield
    prefix = f"{root}{os.sep}"
    now = {path: reading for path, reading in _read_here.items()
           if path.startswith(prefix) and os.path.isfile(path)}
    if now != kept:
        memo.keep(key, now)


class MarkdownItReader(BaseReader):
    """Pelican reader for news and pages: YAML front matter, markdown-it-py body."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["md", "markdown"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        digest = hashlib.sha256(Path(source_path).read_bytes()).digest()
        kept = _read_here.get(source_path)
        if kept is None or kept[0] != digest:
            kept = (digest, *self._parse(Path(source_path)))
            _read_here[source_path] = kept
        _, html, meta = kept
        return html, {key: self.process_metadata(key, value) for key, value in meta.items()}

    def _parse(self, path: Path) -> tuple[str, dict[str, Any]]:
        problems = Problems()
        loaded = load_front_matter(path, Path(self.settings["MINHBACH_ROOT"]), problems)
        # The reader runs after `check`; a problem here means a file changed mid-build.
        if loaded is None:
            raise ValueError(str(problems.sorted()[0]))
        doc, body = loaded
        meta = doc.data if isinstance(doc.data, dict) else {}
        return render_markdown(body), {key.lower(): _meta_value(key, value)
                                       for key, value in meta.items()}


def _meta_value(key: str, value: Any) -> Any:
    if key.lower() == "summary" and isinstance(value, str):
        return render_markdown(value)
    return value if not isinstance(value, str) else nfc(value)


def markdown_files(folder: Path) -> list[Path]:
    """Every file Pelican reads from `folder` with our reader, in its subfolders too."""
    return sorted(path for suffix in MarkdownItReader.file_extensions
                  for path in folder.rglob(f"*.{suffix}"))
