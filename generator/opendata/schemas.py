"""JSON Schemas of every data file kind, generated from the models that validate them.

Editors (and the browser CMS) can point at these to get completion and early errors;
every field carries its Vietnamese description from `field_docs`. The committed copies
in docs/schema/ and the field tables of docs/data-format.md are kept identical by tests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..data.field_docs import FIELDS, MODELS
from ..data.models import AreasFile, NewsMeta, OrganisationsFile, PageMeta, Plan, Report

KINDS: dict[str, type[BaseModel]] = {
    "areas": AreasFile,
    "organisations": OrganisationsFile,
    "plan": Plan,
    "news": NewsMeta,
    "page": PageMeta,
    "report": Report,
}

_TABLE = re.compile(r"(<!-- trường: (\w+) -->\n).*?(<!-- hết bảng -->)", re.DOTALL)


def _describe(name: str, schema: dict[str, Any]) -> None:
    if name in MODELS:
        schema["description"] = MODELS[name]
    for field, prop in schema.get("properties", {}).items():
        prop["description"] = FIELDS[name][field][0]


def model_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    _describe(model.__name__, schema)
    for name, definition in schema.get("$defs", {}).items():
        _describe(name, definition)
    return schema


def schema_text(model: type[BaseModel]) -> str:
    return json.dumps(model_schema(model), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, model in sorted(KINDS.items()):
        path = folder / f"{kind}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    reference = folder.parent / "data-format.md"
    if reference.exists():
        reference.write_text(with_field_tables(reference.read_text(encoding="utf-8")),
                             encoding="utf-8")
        written.append(reference)
    return written


# -- field tables of docs/data-format.md --------------------------------------------------

def _definitions() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for model in KINDS.values():
        schema = model.model_json_schema()
        found.update(schema.get("$defs", {}))
        found[model.__name__] = schema
    return found


def _type(prop: dict[str, Any]) -> str:
    """The Vietnamese name of a property's type."""
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    first = options[0]
    if "$ref" in first:
        name = first["$ref"].rsplit("/", 1)[-1]
        return "giá trị trong danh sách" if name in ("Level", "PlanStatus", "TaskStatus") else \
            f"mục {name}"
    kind = first.get("type")
    if kind == "array":
        return f"danh sách ({_type(first['items'])})"
    if kind == "string" and first.get("format") == "date":
        return "ngày (YYYY-MM-DD)"
    if kind == "string" and first.get("pattern", "").startswith("^[a-z0-9]"):
        return "mã (a-z, 0-9, -)"
    return {"string": "chữ", "integer": "số nguyên", "boolean": "true/false"}.get(kind, "chữ")


def field_table(name: str) -> str:
    schema = _definitions()[name]
    required = set(schema.get("required", []))
    rows = ["| trường | bắt buộc | kiểu | ý nghĩa | ví dụ |", "|---|---|---|---|---|"]
    for field, prop in schema["properties"].items():
        description, example = FIELDS[name][field]
        rows.append(f"| `{field}` | {'có' if field in required else 'không'} | {_type(prop)} "
                    f"| {description} | `{example}` |")
    return "\n".join(rows) + "\n"


def with_field_tables(text: str) -> str:
    """The reference with every `<!-- trường: Model -->` table regenerated from the models."""
    return _TABLE.sub(lambda m: m.group(1) + field_table(m.group(2)) + m.group(3), text)
