"""YAML loading that remembers where every value stood, and refuses hostile input.

Staff edit these files by hand or through a browser editor, so every value keeps
its line and column for error messages. Aliases are refused outright: they buy
nothing for plan data and are the vehicle of "billion laughs" memory bombs.
Plain scalars stay text exactly as written (only `null`/`~`/empty mean nothing): PyYAML's
YAML 1.1 readings would publish `number: 012` as "10", `1:30` as "90" and `yes` as
"True", and an impossible date ("2019-02-31") would crash its constructor. The model
turns text into a number, a boolean or a date where a field wants one, and says where
it could not. Explicit tags (`!!binary`, `!!python/…`), control characters pasted from
Word and nesting deeper than MAX_DEPTH are refused at their place.
"""

from __future__ import annotations

import io
import marshal
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from ..errors import Location, Problems, relative
from ..failures import processing

MAX_FILE_BYTES = 2_000_000
# Real plans nest six levels (sections → tasks → lead → …); 400 levels crash PyYAML.
MAX_DEPTH = 32
Path_ = tuple[str | int, ...]
_NULL = "tag:yaml.org,2002:null"
# C0 controls but tab and line ends, DEL, C1 controls and the non-characters PyYAML refuses.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _refuse(message: str, mark: Any) -> yaml.MarkedYAMLError:
    return yaml.MarkedYAMLError(None, None, message, mark)


class _Refusing(yaml.composer.Composer):
    """Composition without aliases, tags, deep nesting or implicit types but null."""

    depth = 0
    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        key: [(tag, rx) for tag, rx in resolvers if tag == _NULL]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _refuse("không dùng tham chiếu YAML (*alias); hãy viết giá trị trực tiếp",
                          event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None:
            written = tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise _refuse(f"không dùng thẻ YAML “{written}”; hãy viết giá trị thành chữ",
                          event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise _refuse(f"dữ liệu lồng quá sâu: tối đa {MAX_DEPTH} cấp", event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_Refusing, yaml.SafeLoader):
    """The pure-Python loader: slow, but the one whose error messages we translate."""


class _NotForLibyaml(yaml.YAMLError):
    """Text the event reader leaves to PyYAML's own loader: anything it would refuse, or
    would read with other positions (in flow collections and after complex keys libyaml
    puts a value written as nothing one column off)."""


_CParser = getattr(getattr(yaml, "cyaml", None), "CParser", None)  # None without libyaml
# Plain scalars read as nothing (PyYAML's null resolver); any other scalar is text.
_NULLS = frozenset({"~", "null", "Null", "NULL"})


def _read_events(text: str, name: str) -> Document:
    """libyaml's events (the same events and marks as PyYAML's, in a fraction of the time)
    read straight into data and positions, as `_compose` and `_build` read PyYAML's nodes.
    No nodes are made and nothing is constructed: that was most of the time of a cold
    `check`. Whatever `_compose` would refuse (aliases, tags, depth, repeated keys) or
    read otherwise (anchors, complex keys, values written as nothing) raises
    `_NotForLibyaml`, and the pure-Python loader reads the text and says what is wrong."""
    parser = _CParser(text)
    try:
        doc = Document(name, None)
        parser.get_event()  # stream start
        if not parser.check_event(yaml.StreamEndEvent):
            parser.get_event()  # document start
            doc.data = _read_node(parser, parser.get_event(), (), doc, 0)
            parser.get_event()  # document end
            if not parser.check_event(yaml.StreamEndEvent):
                raise _NotForLibyaml  # a second document
        return doc
    finally:
        parser.dispose()


def _read_node(parser: Any, event: Any, here: Path_, doc: Document, depth: int) -> Any:
    doc.values[here] = _event_mark(event, depth)
    kind = type(event)
    if kind is yaml.ScalarEvent:
        return _scalar(event, nfc=True)
    if kind is yaml.MappingStartEvent:
        result: dict[str, Any] = {}
        while not parser.check_event(yaml.MappingEndEvent):
            key_event = parser.get_event()
            if type(key_event) is not yaml.ScalarEvent:
                raise _NotForLibyaml  # an alias, or a list or mapping as a key
            mark = _event_mark(key_event, depth + 1)
            key = _scalar(key_event, nfc=False)
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                raise _NotForLibyaml  # said with its place by the pure-Python loader
            doc.keys[here + (key,)] = mark
            result[key] = _read_node(parser, parser.get_event(), here + (key,), doc, depth + 1)
        parser.get_event()
        return result
    if kind is yaml.SequenceStartEvent:
        items: list[Any] = []
        while not parser.check_event(yaml.SequenceEndEvent):
            items.append(_read_node(parser, parser.get_event(), here + (len(items),), doc,
                                    depth + 1))
        parser.get_event()
        return items
    raise _NotForLibyaml  # an alias


def _event_mark(event: Any, depth: int) -> tuple[int, int]:
    if depth >= MAX_DEPTH or event.anchor is not None or getattr(event, "tag", None) is not None:
        raise _NotForLibyaml
    return event.start_mark.line + 1, event.start_mark.column + 1


def _scalar(event: Any, nfc: bool) -> str | None:
    value = event.value
    if event.implicit[0]:  # plain
        if value == "":
            raise _NotForLibyaml  # libyaml places a value written as nothing elsewhere
        if value in _NULLS:
            return None
    return unicodedata.normalize("NFC", value) if nfc else value


# The fast loader, or None where PyYAML was built without libyaml.
_FAST_LOADER = _read_events if _CParser is not None else None


def _for_libyaml(text: str) -> bool:
    """Whether libyaml reads `text` as PyYAML's pure-Python loader does. It counts error
    positions in bytes, so it never sees a character the Python reader refuses; and it
    takes a tab after "key:" or at a line's end as a space, which PyYAML refuses (and we
    with it, located): text with a tab is read by the Python loader."""
    return "\t" not in text and not yaml.reader.Reader.NON_PRINTABLE.search(text)


@dataclass
class Document:
    """A loaded YAML file: its data and the position of every key and value."""

    path: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    # Kept between loads as one marshalled blob, opened on first use: a kept file is rarely
    # located again, and millions of small tuples cost seconds to unpickle at size L.
    def __getstate__(self) -> dict[str, Any]:
        try:
            packed = marshal.dumps((self.data, self.values, self.keys))
        except ValueError:  # not plain data: kept as it is
            return dict(vars(self))
        return {"path": self.path, "_packed": packed}

    def __setstate__(self, state: dict[str, Any]) -> None:
        vars(self).update(state)

    def __getattr__(self, name: str) -> Any:
        packed = vars(self).pop("_packed", None)
        if packed is None:
            raise AttributeError(name)
        self.data, self.values, self.keys = marshal.loads(packed)
        return getattr(self, name)

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


def _build(node: yaml.Node, loader: Any, here: Path_, doc: Document) -> Any:
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
    try:
        size = path.stat().st_size
    except OSError:  # a dangling symlink, or no permission
        problems.add(Location(name), "không đọc được tệp (không tồn tại hoặc không có quyền đọc)")
        return None
    if size > MAX_FILE_BYTES:
        problems.add(Location(name), f"tệp quá lớn ({size} byte); tối đa {MAX_FILE_BYTES} byte")
        return None
    return decode_source(path.read_bytes(), name, problems)


def decode_source(content: bytes, name: str, problems: Problems) -> str | None:
    """A file's text as `Path.read_text` gives it (line ends made "\n"), refused with a
    located problem when not UTF-8 or holding a control character."""
    try:
        text = io.TextIOWrapper(io.BytesIO(content), encoding="utf-8").read()
    except UnicodeDecodeError as exc:
        problems.add(Location(name), f"tệp không phải UTF-8 (byte {exc.start}); hãy lưu lại bằng UTF-8")
        return None
    control = _CONTROL.search(text)
    if control is not None:
        problems.add(text_location(name, text, control.start()),
                     f"ký tự điều khiển U+{ord(control.group()):04X} không được phép (thường do "
                     "dán từ Word); hãy xóa nó")
        return None
    return text


def text_location(name: str, text: str, offset: int) -> Location:
    """The line and column of character `offset` of a file's text."""
    line = text.count("\n", 0, offset) + 1
    return Location(name, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def parse_yaml(text: str, name: str, problems: Problems, first_line: int = 1) -> Document | None:
    """Parse YAML text; `first_line` is where it starts in its file (front matter)."""
    if _FAST_LOADER is not None and _for_libyaml(text):
        try:
            return _shifted(_FAST_LOADER(text, name), first_line)
        except (yaml.YAMLError, RecursionError):
            pass  # said again by the pure-Python loader, whose messages we translate
    try:
        # Constructing the loader already reads the text (and may refuse a character).
        return _shifted(_compose(_Loader, text, name), first_line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.add(Location(name, line + first_line - 1, col), _yaml_message(exc))
    except yaml.reader.ReaderError as exc:
        where = text_location(name, text, exc.position)
        problems.add(Location(name, where.line + first_line - 1, where.column),
                     f"ký tự U+{exc.character:04X} không được phép trong YAML; hãy xóa nó")
    except (yaml.YAMLError, RecursionError):
        problems.add(Location(name, first_line, 1), "YAML không đọc được: kiểm tra thụt lề, "
                     "dấu “:” và dấu ngoặc kép")
    return None


def _compose(loader_class: type, text: str, name: str) -> Document:
    doc = Document(name, None)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        doc.data = _build(node, loader, (), doc) if node is not None else None
    finally:
        loader.dispose()
    return doc


def _shifted(doc: Document, first_line: int) -> Document:
    if first_line != 1:
        shift = first_line - 1
        doc.values = {k: (line + shift, col) for k, (line, col) in doc.values.items()}
        doc.keys = {k: (line + shift, col) for k, (line, col) in doc.keys.items()}
    return doc


def load_yaml(path: Path, root: Path, problems: Problems) -> Document | None:
    """Load one YAML file; on failure record a located problem and return None."""
    name = relative(path, root)
    with processing(name):
        text = read_source(path, name, problems)
        return None if text is None else parse_yaml(text, name, problems)


def load_yaml_bytes(content: bytes, name: str, problems: Problems) -> Document | None:
    """`load_yaml` of a file's bytes, already read."""
    with processing(name):
        text = decode_source(content, name, problems)
        return None if text is None else parse_yaml(text, name, problems)


FRONT_MATTER = re.compile(r"\A---\r?\n(.*?\r?\n)?---\r?\n", re.DOTALL)


def load_front_matter(path: Path, root: Path, problems: Problems) -> tuple[Document, str] | None:
    """The YAML front matter (between `---` lines) and the body of a Markdown file."""
    name = relative(path, root)
    with processing(name):
        return split_front_matter(name, read_source(path, name, problems), problems)


def split_front_matter(name: str, text: str | None,
                        problems: Problems) -> tuple[Document, str] | None:
    if text is None:
        return None
    match = FRONT_MATTER.match(text)
    if not match:
        problems.add(Location(name, 1, 1), "thiếu phần thông tin đầu tệp: tệp phải bắt đầu bằng "
                     "một dòng “---”, các dòng “tên: giá trị”, rồi một dòng “---”")
        return None
    doc = parse_yaml(match.group(1) or "", name, problems, first_line=2)
    return (doc, text[match.end():]) if doc is not None else None


# PyYAML's phrases, tried in order (the first that matches says it).
_YAML_PHRASES = {
    "mapping values are not allowed here": "dấu “:” không được phép ở đây; nếu giá trị chứa "
    "“:”, hãy đặt nó trong dấu ngoặc kép",
    "could not find expected ':'": "thiếu dấu “:” sau tên trường",
    "found character '\\t' that cannot start any token":
    "không dùng phím Tab để thụt lề; hãy dùng dấu cách",
    "did not find expected key": "thụt lề không khớp: mỗi trường cùng cấp phải thẳng cột",
    "did not find expected '-' indicator": "thụt lề không khớp trong danh sách: mỗi mục "
    "bắt đầu bằng “- ” thẳng cột",
    "found unexpected end of stream": "tệp kết thúc giữa chừng: thiếu dấu ngoặc kép đóng?",
    "found undefined alias": "không dùng tham chiếu YAML (*alias); hãy viết giá trị trực tiếp",
    "expected <block end>": "thụt lề không khớp: dòng này không thẳng cột với các dòng cùng cấp",
    "expected ',' or ']'": "danh sách trong “[ ]” chưa đóng hoặc thiếu dấu “,”",
    "expected ',' or '}'": "nhóm trong “{ }” chưa đóng hoặc thiếu dấu “,”",
    "found unknown escape character": "trong dấu ngoặc kép, “\\” phải đi với ký tự hợp lệ; "
    "hãy viết “\\\\” hoặc dùng dấu ngoặc đơn",
    "cannot start any token": "ký tự này không được đứng đầu giá trị; hãy đặt giá trị trong "
    "dấu ngoặc kép",
    "expected a comment or a line break": "sau giá trị trong ngoặc kép không được viết thêm; "
    "hãy đặt cả giá trị trong dấu ngoặc kép",
    "expected the node content": "thiếu giá trị ở đây; nếu giá trị bắt đầu bằng ký tự đặc "
    "biệt, hãy đặt nó trong dấu ngoặc kép",
    "did not find expected node content": "thiếu giá trị ở đây; nếu giá trị bắt đầu bằng ký "
    "tự đặc biệt, hãy đặt nó trong dấu ngoặc kép",
    "but found another document": "tệp chỉ được có một phần dữ liệu; bỏ dòng “---” hoặc "
    "“...” thừa",
    "found unhashable key": "tên trường phải là chữ, không phải danh sách hay nhóm",
    "expected alphabetic or numeric character": "sau “&” hoặc “*” phải là chữ; nếu giá trị "
    "bắt đầu bằng ký tự này, hãy đặt nó trong dấu ngoặc kép",
}


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if exc.context is None and problem and not problem.isascii():
        return f"lỗi cú pháp YAML: {problem}"  # one of our own refusals
    for phrase, vietnamese in _YAML_PHRASES.items():
        if phrase in problem:
            return f"lỗi cú pháp YAML: {vietnamese}"
    return ("lỗi cú pháp YAML: kiểm tra thụt lề, dấu “:” sau tên trường và dấu ngoặc kép "
            "quanh giá trị có ký tự đặc biệt")
