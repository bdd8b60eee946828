"""The Markdown files of content/, each read once per load into what it says alone.

A file's record (problems of its reading, its `{plan}` links, the outline its link and
heading checks need, and for news and pages the front matter and its fields) depends on
its name and bytes only, so it is kept under them (`file_memo`). Whether a linked plan
exists, where a link marker leads and which address is taken are checked by the callers,
on every load.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import Location, Problem, Problems, relative
from ..failures import processing
from ..site.markdown import markdown_files
from ..site.urls import PLAN_LINK
from .content_checks import MarkdownOutline, outline_markdown
from .file_memo import FileMemo, Source, digest
from .loading import Document, decode_source, read_source, split_front_matter
from .models import NewsMeta, PageMeta
from .validation import parse


@dataclass(frozen=True)
class MarkdownFile:
    """What one Markdown file gives alone, kept under its bytes."""

    read_problems: tuple[Problem, ...]  # not UTF-8, a control character
    plan_links: tuple[tuple[str, Location], ...]  # `{plan}<id>`: whether it exists is fresh
    outline: MarkdownOutline | None
    # News and pages: their front matter's problems, document and fields.
    front_problems: tuple[Problem, ...]
    front: Document | None
    meta: NewsMeta | PageMeta | None
    route_at: Location | None  # where its address comes from: its slug, or its title


class MarkdownFiles(dict[Path, MarkdownFile]):
    """Each Markdown file of content/ read once per load, from its record when kept."""

    def __init__(self, root: Path, files: FileMemo) -> None:
        super().__init__()
        self.root = root
        self.files = files
        self.paths = markdown_files(root / "content")  # listed once: 0.1 s at size L
        self.news, self.pages = self._under("news"), self._under("pages")
        # Front matter read with its fields' model: news and pages have one.
        self.models: dict[Path, type[NewsMeta | PageMeta]] = {
            **dict.fromkeys(self.news, NewsMeta), **dict.fromkeys(self.pages, PageMeta)}

    def _under(self, folder: str) -> list[Path]:
        """The files of content/<folder>/, as `markdown_files` of it lists them."""
        prefix = os.path.join(self.root, "content", folder, "")
        return [path for path in self.paths if str(path).startswith(prefix)]

    def __missing__(self, path: Path) -> MarkdownFile:
        model = self.models.get(path)
        source = self.files.read(path)
        if source is None:  # unreadable or too big: said on every load
            name = relative(path, self.root)
            problems = Problems()
            found = _read_markdown(name, read_source(path, name, problems), problems, model)
        else:
            key = digest(source.digest, model.__name__ if model else "")
            found = self.files.get(key, lambda: _read_markdown_source(source, model))
        self[path] = found
        return found


def _read_markdown_source(source: Source,
                          model: type[NewsMeta | PageMeta] | None) -> MarkdownFile:
    problems = Problems()
    text = decode_source(source.content(), source.name, problems)
    return _read_markdown(source.name, text, problems, model)


def _read_markdown(name: str, text: str | None, read: Problems,
                   model: type[NewsMeta | PageMeta] | None) -> MarkdownFile:
    with processing(name):
        links = tuple((match.group(1), Location(name, number, match.start() + 1))
                      for number, line in enumerate((text or "").splitlines(), start=1)
                      for match in PLAN_LINK.finditer(line))
        front_problems = Problems()
        if model is not None and text is None:
            front_problems.items.extend(read.items)  # said again by the front matter's reading
        front = split_front_matter(name, text, front_problems if model else Problems())
        doc = front[0] if front else None
        meta = parse(doc, model, front_problems) if model and doc is not None else None
        outline = None if text is None else outline_markdown(name, text, doc)
        route_at = doc.locate(("slug",) if meta.slug else ("title",)) if doc and meta else None
    return MarkdownFile(tuple(read.items), links, outline, tuple(front_problems.items), doc, meta,
                        route_at)
