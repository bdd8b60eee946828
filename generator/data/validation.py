"""Turning loaded documents into models, with every problem located and in Vietnamese."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..errors import Location, Problems
from .loading import Document

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "cần một đoạn văn bản",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "list_type": "cần một danh sách (mỗi mục bắt đầu bằng “- ”)",
    "dict_type": "cần một nhóm trường dạng “tên: giá trị”",
    "model_type": "cần một nhóm trường dạng “tên: giá trị”",
    "model_attributes_type": "cần một nhóm trường dạng “tên: giá trị”",
    "bool_type": "cần true hoặc false",
    "bool_parsing": "cần true hoặc false",
    "float_parsing": "cần một số",
    "date_type": "cần một ngày dạng NNNN-TT-NN, ví dụ 2017-12-29",
    "date_parsing": "cần một ngày dạng NNNN-TT-NN, ví dụ 2017-12-29",
    "date_from_datetime_parsing": "ngày không hợp lệ hoặc không tồn tại; cần dạng NNNN-TT-NN, "
    "ví dụ 2017-12-29",
    "date_from_datetime_inexact": "cần một ngày, không kèm giờ",
}


def message(error: dict[str, Any], fields: Iterable[str]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    name = str(error["loc"][-1]) if error["loc"] else ""
    given = error.get("input")
    if kind == "missing":
        return f"thiếu trường bắt buộc “{name}”"
    if kind == "extra_forbidden":
        return f"trường “{name}” không có trong định dạng; các trường hợp lệ: {', '.join(fields)}"
    if kind == "enum":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"giá trị “{given}” không hợp lệ; chỉ chấp nhận: {', '.join(allowed)}"
    if kind == "string_pattern_mismatch":
        return (
            f"mã “{given}” không hợp lệ: mã chỉ gồm chữ thường không dấu, chữ số và dấu “-”, "
            "ví dụ “so-noi-vu”"
        )
    if kind == "string_too_long":
        return f"quá dài: tối đa {ctx.get('max_length')} ký tự"
    if kind == "string_too_short":
        return "không được để trống; nếu nguồn bỏ trống, hãy ghi null"
    if kind == "greater_than_equal":
        return f"giá trị {given} quá nhỏ; tối thiểu là {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"giá trị {given} quá lớn; tối đa là {ctx.get('le')}"
    if kind == "value_error":  # our own validators speak Vietnamese already
        return str(ctx.get("error"))
    if kind == "too_long":
        return f"quá nhiều mục: tối đa {ctx.get('max_length')}"
    if kind in _TYPE_NAMES:
        return f"{_TYPE_NAMES[kind]}, nhưng gặp “{given}”"
    # pydantic's own wording is English: say what was found, and where (the caller locates).
    return f"giá trị “{str(given)[:80]}” không hợp lệ ở đây" if given is not None else \
        "giá trị không hợp lệ"


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The model class that owns the last key of `loc`, to list its valid fields."""
    current: type[BaseModel] = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            break
        annotation = field.annotation
        for candidate in getattr(annotation, "__args__", ()) + (annotation,):
            inner = getattr(candidate, "__args__", (candidate,))
            found = next((c for c in inner if isinstance(c, type) and issubclass(c, BaseModel)), None)
            if found is not None:
                current = found
                break
    return current


def _report(doc: Document, model: type[BaseModel], exc: ValidationError,
            problems: Problems) -> None:
    for error in exc.errors():
        loc = tuple(error["loc"])
        keyed = error["type"] in ("extra_forbidden",)
        problems.add(doc.locate(loc, key=keyed), message(error, _model_at(model, loc).model_fields))


def parse(doc: Document, model: type[M], problems: Problems) -> M | None:
    """Validate a document against a model; record every located problem on failure."""
    return parse_salvaging(doc, model, problems).model


@dataclass(frozen=True)
class Salvaged(Generic[M]):
    """A document's model with its broken entries left out, and the ids those entries gave.

    `model` is None only when the document as a whole is unusable. Checks that run after
    validation (unknown agencies, duplicate ids) use the salvaged model, so a file's other
    mistakes are still reported, and treat `dropped_ids` as existing, so a broken entry
    does not also show up as a missing one wherever it is named.
    """

    model: M | None
    dropped_ids: frozenset[str]
    # Required top-level fields given a stand-in value (an id stand-in counts as dropped).
    stand_ins: frozenset[str] = frozenset()


# A broken field is removed, then the entry holding a missing required field; each round
# goes one level up, so a few rounds reach the list entry that must go.
_SALVAGE_ROUNDS = 8


def parse_salvaging(doc: Document, model: type[M], problems: Problems) -> Salvaged[M]:
    """Validate a document, reporting all its errors, and keep what validates without them."""
    data = doc.data if doc.data is not None else {}
    try:
        return Salvaged(model.model_validate(data), frozenset())
    except ValidationError as exc:
        _report(doc, model, exc, problems)
        errors = exc.errors()
    if not isinstance(data, dict):
        return Salvaged(None, frozenset())
    data, dropped, stand_ins = copy.deepcopy(data), set[str](), set[str]()
    for _ in range(_SALVAGE_ROUNDS):
        if not _prune(data, errors, dropped) or not _stand_in(model, data, errors, stand_ins, dropped):
            break
        try:
            return Salvaged(model.model_validate(data), frozenset(dropped), frozenset(stand_ins))
        except ValidationError as exc:
            errors = exc.errors()  # follow-on errors of the pruning, never reported
    return Salvaged(None, frozenset(dropped))


# Tried in order for a required top-level field whose value was broken: the first one its
# type accepts stands in, so the rest of the file can still be checked.
_STAND_INS: tuple[Any, ...] = ("x", 2000, "2000-01-01", [], {})


def _stand_in(model: type[BaseModel], data: dict[str, Any], errors: list[Any],
              stand_ins: set[str], dropped: set[str]) -> bool:
    """Fill each missing required top-level field with a stand-in; False if one has none."""
    for name in {str(e["loc"][0]) for e in errors if e["type"] == "missing" and len(e["loc"]) == 1}:
        field = model.model_fields.get(name)
        if field is None:
            return False
        candidates = [*(getattr(field.annotation, "__members__", {}).values()), *_STAND_INS]
        kind = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
        adapter: TypeAdapter[Any] = TypeAdapter(kind)
        value = next((c for c in candidates if _accepts(adapter, c)), _NONE)
        if value is _NONE:
            return False
        data[name] = value
        stand_ins.add(name)
        if isinstance(value, str):
            dropped.add(value)  # a stand-in id must not be reported as unknown
    return True


_NONE = object()


def _accepts(adapter: TypeAdapter[Any], value: Any) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


def _prune(data: Any, errors: list[Any], dropped: set[str]) -> bool:
    """Remove what each error is about (the entry lacking a field, for a missing one).

    A missing top-level field is left for `_stand_in`. False when an error is about the
    whole document, which cannot be removed.
    """
    targets = {tuple(e["loc"][:-1]) if e["type"] == "missing" else tuple(e["loc"])
               for e in errors}
    targets.discard(())
    if any(not e["loc"] for e in errors):
        return False
    # Deepest and last first, so removing one list entry does not shift another's index.
    for loc in sorted(targets, key=lambda t: (len(t), t[-1] if isinstance(t[-1], int) else -1),
                      reverse=True):
        _remove(data, loc, dropped)
    return True


def _remove(data: Any, loc: tuple[Any, ...], dropped: set[str]) -> None:
    parent = data
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return
    last = loc[-1]
    if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        dropped.update(_ids(parent.pop(last)))
    elif isinstance(parent, dict):
        removed = parent.pop(last, None)
        if last == "id" and isinstance(removed, str):
            dropped.add(removed)  # a malformed id still names the entry staff meant
        else:
            dropped.update(_ids(removed))


def _ids(value: Any) -> Iterator[str]:
    """Every id within a removed value: a section's tasks go with it."""
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            yield value["id"]
        for item in value.values():
            yield from _ids(item)
    elif isinstance(value, list):
        for item in value:
            yield from _ids(item)


def locate(doc: Document, *loc: str | int) -> Location:
    return doc.locate(tuple(loc))
