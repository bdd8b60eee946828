"""Decap CMS fields read off the pydantic models, so the editor cannot drift from them.

Each model field becomes one Decap field: text for strings, a date picker for dates, a
number for integers, a select for enumerations and for ids the data defines (areas,
agencies, tasks), an object for a nested model and a list for repeated ones. A field
the model requires is required in the editor; every other one is optional.
"""

from __future__ import annotations

import datetime as dt
import types
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .decap_labels import label

Choices = list[tuple[str, str]]  # (value, label)
Field = dict[str, Any]
# A collapsed list item is shown by its key and its main text, e.g. "i-7 — hoan-thanh".
SUMMARY_KEYS = ("task", "indicator", "number", "id")
SUMMARY_TEXTS = ("status", "achieved", "title", "text", "heading", "report", "name")
LONG_TEXT = 300  # longer strings get a multi-line box
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}"


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """(base type, constraints) of an annotation such as `Short | None`."""
    if get_origin(annotation) in (Union, types.UnionType):
        annotation = next(a for a in get_args(annotation) if a is not type(None))
    constraints: list[Any] = []
    if get_origin(annotation) is Annotated:
        annotation, *constraints = get_args(annotation)
    return annotation, constraints


def _get(constraints: list[Any], name: str) -> Any:
    """A bound (`max_length`, `pattern`, `ge`, `le`) from pydantic's or annotated-types' marks."""
    return next((getattr(c, name) for c in constraints if getattr(c, name, None) is not None),
                None)


def _date_widget(with_time: bool) -> Field:
    return {"widget": "datetime", "format": "YYYY-MM-DD HH:mm" if with_time else "YYYY-MM-DD",
            "date_format": "DD/MM/YYYY", "time_format": "HH:mm" if with_time else False,
            "picker_utc": True}


def _select(choices: Choices, multiple: bool) -> Field:
    widget: Field = {"widget": "select", "options": [{"label": text, "value": value}
                                                     for value, text in choices]}
    if multiple:
        widget["multiple"] = True
    return widget


def _scalar(base: Any, constraints: list[Any]) -> Field:
    if base is dt.date:
        return _date_widget(with_time=False)
    if base is bool:
        return {"widget": "boolean"}
    if base is int:
        bounds = {"min": _get(constraints, "ge"), "max": _get(constraints, "le")}
        return {"widget": "number", "value_type": "int",
                **{k: v for k, v in bounds.items() if v is not None}}
    if isinstance(base, type) and issubclass(base, Enum):
        return _select([(m.value, label(f"{base.__name__}.{m.value}")) for m in base], False)
    pattern = _get(constraints, "pattern")
    if pattern and pattern.startswith(DATETIME_PATTERN):
        return _date_widget(with_time=True)
    longest = _get(constraints, "max_length")
    widget: Field = {"widget": "text" if longest and longest > LONG_TEXT else "string"}
    if pattern:
        widget["pattern"] = [pattern, "Chỉ dùng chữ thường không dấu, số và dấu gạch ngang"
                             if "a-z0-9" in pattern else f"Phải khớp mẫu {pattern}"]
    return widget


def _summary(model: type[BaseModel]) -> str:
    names = [next((n for n in group if n in model.model_fields), None)
             for group in (SUMMARY_KEYS, SUMMARY_TEXTS)]
    return " — ".join(f"{{{{fields.{n}}}}}" for n in names if n)


def field_for(name: str, info: FieldInfo, choices: dict[str, Choices]) -> Field:
    """The Decap field of one model field; `choices` gives the values a field name may take."""
    base, constraints = _unwrap(info.annotation)
    is_list = get_origin(base) is list
    item, item_constraints = base, constraints + list(info.metadata)
    if is_list:
        item, item_constraints = _unwrap(get_args(base)[0])
    widget: Field
    if name in choices:
        widget = _select(choices[name], multiple=is_list)
    elif isinstance(item, type) and issubclass(item, BaseModel):
        summary = _summary(item)
        widget = {"widget": "list" if is_list else "object", "collapsed": True,
                  **({"summary": summary} if summary else {}), "fields": fields_for(item, choices)}
    else:
        widget = _scalar(item, item_constraints)
        if is_list:
            widget = {"widget": "list", "field": {"name": name, "label": label(name), **widget}}
    return {"name": name, "label": label(name), **widget, "required": info.is_required()}


def fields_for(model: type[BaseModel], choices: dict[str, Choices]) -> list[Field]:
    return [field_for(name, info, choices) for name, info in model.model_fields.items()]
