"""YAML loading that remembers where every value stood, and refuses hostile input.

Staff edit these files by hand or through a browser editor, so every value keeps
its line and column for error messages. Aliases are refused outright: they buy
nothing for plan data and are the vehicle of "billion laughs" memory bombs.
Timestamps stay strings so that an impossible date ("2019-02-31") reaches the
model and is reported at its place, instead of crashing the YAML constructor.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Location, Problems, relative

MAX_FILE_BYTES = 2_000_000
Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without aliases and without implicit timestamps."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "không dùng tham chiếu YAML (*alias); hãy viết giá trị trực tiếp",
                event.start_mark,
            )
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    """A loaded YAML file: its data and the position of every key and value."""

    path: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Path_, *, key: bool = False) -> Location:
        """The position of the deepest known part of `loc` (its key when asked)."""
        marks = self.keys if key else self.values
        for end in range(len(loc), -1, -1):
            part = tuple(loc[:end])
            if part in marks:
                return Location(self.path, *marks[part])
            if part in self.values:
                return Location(self.path, *self.values[part])
        return Location(self.path, 1, 1)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(node: yaml.Node, loader: _Loader, here: Path_, doc: Document) -> Any:
    doc.values[here] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = str(key) if not isinstance(key, str) else key
            doc.keys[here + (key,)] = _mark(key_node)
            if key in result:
                raise yaml.MarkedYAMLError(
                    None, None, f"khóa “{key}” bị lặp lại trong cùng một mục", key_node.start_mark
                )
            result[key] = _build(value_node, loader, here + (key,), doc)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loader, here + (i,), doc) for i, item in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def read_source(path: Path, name: str, problems: Problems) -> str | None:
    """A staff-edited file's text, refused with a located problem when too big or not UTF-8."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.add(Location(name), f"tệp quá lớn ({size} byte); tối đa {MAX_FILE_BYTES} byte")
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.add(Location(name), f"tệp không phải UTF-8 (byte {exc.start}); hãy lưu lại bằng UTF-8")
        return None


def parse_yaml(text: str, name: str, problems: Problems, first_line: int = 1) -> Document | None:
    """Parse YAML text; `first_line` is where it starts in its file (front matter)."""
    doc = Document(name, None)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        doc.data = _build(node, loader, (), doc) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.add(Location(name, line + first_line - 1, col), _yaml_message(exc))
        return None
    except yaml.YAMLError as exc:
        problems.add(Location(name, first_line, 1), f"YAML không hợp lệ: {exc}")
        return None
    finally:
        loader.dispose()
    if first_line != 1:
        shift = first_line - 1
        doc.values = {k: (line + shift, col) for k, (line, col) in doc.values.items()}
        doc.keys = {k: (line + shift, col) for k, (line, col) in doc.keys.items()}
    return doc


def load_yaml(path: Path, root: Path, problems: Problems) -> Document | None:
    """Load one YAML file; on failure record a located problem and return None."""
    name = relative(path, root)
    text = read_source(path, name, problems)
    return None if text is None else parse_yaml(text, name, problems)


FRONT_MATTER = re.compile(r"\A---\r?\n(.*?\r?\n)?---\r?\n", re.DOTALL)


def load_front_matter(path: Path, root: Path, problems: Problems) -> tuple[Document, str] | None:
    """The YAML front matter (between `---` lines) and the body of a Markdown file."""
    name = relative(path, root)
    text = read_source(path, name, problems)
    if text is None:
        return None
    match = FRONT_MATTER.match(text)
    if not match:
        problems.add(Location(name, 1, 1), "thiếu phần thông tin đầu tệp: tệp phải bắt đầu bằng "
                     "một dòng “---”, các dòng “tên: giá trị”, rồi một dòng “---”")
        return None
    doc = parse_yaml(match.group(1) or "", name, problems, first_line=2)
    return (doc, text[match.end():]) if doc is not None else None


_YAML_PHRASES = {
    "mapping values are not allowed here": "dấu “:” không được phép ở đây; nếu giá trị chứa “:”, "
    "hãy đặt nó trong dấu ngoặc kép",
    "could not find expected ':'": "thiếu dấu “:” sau tên trường",
    "found character '\\t' that cannot start any token": "không dùng phím Tab để thụt lề; hãy dùng dấu cách",
    "did not find expected key": "thụt lề không khớp: mỗi trường cùng cấp phải thẳng cột",
    "did not find expected '-' indicator": "thụt lề không khớp trong danh sách: mỗi mục bắt đầu bằng “- ” thẳng cột",
    "found unexpected end of stream": "tệp kết thúc giữa chừng: thiếu dấu ngoặc kép đóng?",
    "found undefined alias": "không dùng tham chiếu YAML (*alias); hãy viết giá trị trực tiếp",
}


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    for phrase, vietnamese in _YAML_PHRASES.items():
        if phrase in problem:
            return f"lỗi cú pháp YAML: {vietnamese}"
    return f"lỗi cú pháp YAML: {problem}".rstrip()
