"""JSON Schemas of every data file kind, generated from the models that validate them.

Editors (and the browser CMS) can point at these to get completion and early errors;
the committed copies in docs/schema/ are kept identical by a test.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import AreasFile, NewsMeta, OrganisationsFile, PageMeta, Plan, Report

KINDS: dict[str, type[BaseModel]] = {
    "areas": AreasFile,
    "organisations": OrganisationsFile,
    "plan": Plan,
    "news": NewsMeta,
    "page": PageMeta,
    "report": Report,
}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, model in sorted(KINDS.items()):
        path = folder / f"{kind}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
