"""Turning loaded documents into models, with every problem located and in Vietnamese."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Location, Problems
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


def parse(doc: Document, model: type[M], problems: Problems) -> M | None:
    """Validate a document against a model; record located problems on failure."""
    try:
        return model.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            owner = _model_at(model, loc)
            keyed = error["type"] in ("extra_forbidden",)
            location = doc.locate(loc, key=keyed)
            problems.add(location, message(error, owner.model_fields))
        return None


def locate(doc: Document, *loc: str | int) -> Location:
    return doc.locate(tuple(loc))
