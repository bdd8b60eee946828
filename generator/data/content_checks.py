"""Checks of the project's files as files, for what Pelican would do with them.

Pelican follows symlinks while reading and copying, resolves the link markers
`{filename}`, `{static}`, `{attach}` and `{index}` itself (after our Markdown
renderer, with no bound on `..`), and copies whatever lies in content/files/.
Each of these could publish a file of the build machine, put markup into a page or
serve a script from the site's own origin, so `check` refuses them at their place.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from ..errors import Location, Problem, Problems, relative
from ..failures import processing
from ..site.markdown import outline
from .loading import FRONT_MATTER, Document, text_location
from .paths import ATTACHMENTS

WATCHED = ("content", "data", "themes")
# Real plans have a few dozen headings; equal headings cost quadratic time to give ids.
MAX_HEADINGS = 500
# Attachments a browser would run as the site's own page or script if opened.
ACTIVE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs", ".svg", ".svgz",
                             ".xml", ".xsl"})
_LINKABLE = ("content/news", "content/pages", ATTACHMENTS)
_MARKER = re.compile(r"\A\{(filename|static|attach|index)\}(.*)\Z", re.DOTALL)
# A marker's target: a path of letters, digits and . / _ ~ % + -, and an optional #anchor.
# No scheme, quote, angle bracket, ampersand, space or query can reach Pelican's rewriting.
_SAFE_TARGET = re.compile(r"\A[\w./~%+-]*(#[\w.~%-]*)?\Z")


def check_files(root: Path, problems: Problems,
                outlines: Mapping[Path, MarkdownOutline | None]) -> None:
    """Symlinks, active attachments, then the links and headings of every Markdown file of
    content/, from its outline (None for a file that cannot be read: loading says why)."""
    for folder in WATCHED:
        _check_symlinks(root, root / folder, problems)
    _check_attachments(root, problems)
    for path, found in outlines.items():
        if found is not None and not path.is_symlink():
            with processing(found.name):
                problems.items.extend(found.problems)
                _check_markers(root, path, found, problems)


def _symlinks(folder: Path) -> Iterator[Path]:
    if folder.is_symlink():
        yield folder
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:  # not there, or not a folder
        return
    for entry in entries:  # the kind of each entry comes with the listing: no stat
        if entry.is_symlink():
            yield Path(entry.path)
        elif entry.is_dir(follow_symlinks=False):  # never follows a link: loops cannot spin
            yield from _symlinks(Path(entry.path))


def _check_symlinks(root: Path, folder: Path, problems: Problems) -> None:
    project = root.resolve()
    for link in _symlinks(folder):
        target = Path(os.path.realpath(link))
        where = Location(link.relative_to(root).as_posix())  # the link's name, not its target
        if project != target and project not in target.parents:
            problems.add(where, "liên kết tượng trưng (symlink) trỏ ra ngoài dự án; hãy chép "
                         "tệp vào dự án thay cho liên kết")
        elif target == link.parent.resolve() or target in link.parent.resolve().parents:
            problems.add(where, "liên kết tượng trưng (symlink) trỏ về thư mục chứa nó, tạo "
                         "vòng lặp vô tận; hãy xóa liên kết")
        elif not target.exists():
            problems.add(where, "liên kết tượng trưng (symlink) trỏ tới tệp không tồn tại")


def _check_attachments(root: Path, problems: Problems) -> None:
    folder = root / ATTACHMENTS
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.suffix.lower() in ACTIVE_SUFFIXES:
            problems.add(Location(relative(path, root)), f"không đăng tệp {path.suffix} trong "
                         f"{ATTACHMENTS}/: trình duyệt sẽ chạy nó như một trang của chính trang "
                         "web; hãy nén (.zip) hoặc chuyển sang PDF, PNG")


@dataclass(frozen=True)
class MarkdownOutline:
    """What a Markdown file's text alone says of its links and headings."""

    name: str
    problems: tuple[Problem, ...]  # too many headings
    # Each link marker (`{static}…`) with its kind, its target and where it is written:
    # whether the target is safe depends on the disk, so it is checked on every load.
    markers: tuple[tuple[str, str, str, Location], ...]


def outline_markdown(name: str, text: str, front: Document | None) -> MarkdownOutline:
    """The outline of a Markdown file's `text`, whose front matter is `front`."""
    front_matter = FRONT_MATTER.match(text)
    skipped = text.count("\n", 0, front_matter.end()) if front_matter else 0
    body = text[front_matter.end():] if front_matter else text
    targets, headings = outline(body) if _worth_outlining(body) else ([], [])
    summary = front.data.get("summary") if front and isinstance(front.data, dict) else None
    if isinstance(summary, str) and _worth_outlining(summary):
        targets += outline(summary)[0]
    problems = Problems()
    if len(headings) > MAX_HEADINGS:
        problems.add(Location(name, skipped + headings[MAX_HEADINGS], 1),
                     f"tệp có {len(headings)} tiêu đề; tối đa {MAX_HEADINGS}")
    markers = tuple((target, marker.group(1), marker.group(2), _find(name, text, target))
                    for target in targets if (marker := _MARKER.match(target)))
    return MarkdownOutline(name, tuple(problems.items), markers)


# A line that could be, or underline, a heading: one with a "#", or one of only container
# marks and "=" or "-" (a setext underline, in a quote or list item too).
_HEADING_LINE = re.compile(r"^[^\n]*#|^[ \t>*+\d.)=-]*[=-][ \t]*$", re.MULTILINE)


def _worth_outlining(text: str) -> bool:
    """Whether parsing `text` can find a link target (every one needs a "[" or, for an
    autolink, a "<") or more than MAX_HEADINGS headings: most texts have neither, and
    parsing them was a quarter of a first check at size L."""
    return "[" in text or "<" in text or \
        sum(1 for _ in _HEADING_LINE.finditer(text)) > MAX_HEADINGS


def _check_markers(root: Path, path: Path, found: MarkdownOutline, problems: Problems) -> None:
    for target, what, value, where in found.markers:
        problem = _marker_problem(root, path, what, value)
        if problem:
            problems.add(where, f"liên kết “{target}”: {problem}")


def _marker_problem(root: Path, source: Path, what: str, value: str) -> str | None:
    if not _SAFE_TARGET.match(value):
        return ("chỉ được gồm chữ, số và . / _ ~ % + - (không dấu cách, dấu ngoặc, “&”, “?”, "
                "“:”), rồi một #neo tùy chọn")
    path = unquote(value.split("#", 1)[0])
    if what == "index":
        return "sau {index} không được viết thêm đường dẫn" if path else None
    content = (root / "content").resolve()
    base = content if path.startswith("/") else source.parent.resolve()
    target = Path(os.path.realpath(base / path.lstrip("/")))
    # Pelican resolves {filename} among the news, pages and files it read, {static} and
    # {attach} among static files; anything else it leaves as a broken link, or copies.
    allowed = _LINKABLE if what == "filename" else (ATTACHMENTS,)
    if not any((root / folder).resolve() in target.parents for folder in allowed):
        return "đích phải nằm trong " + ", ".join(f"{folder}/" for folder in allowed)
    if not target.is_file():
        return "không tìm thấy tệp này"
    return None


def _find(name: str, text: str, target: str) -> Location:
    """Where `target` is first written in the file, or its marker when Markdown escapes
    changed how it is written."""
    offset = text.find(target)
    if offset < 0:
        offset = text.find(target[:target.find("}") + 1])
    return text_location(name, text, offset) if offset >= 0 else Location(name)
