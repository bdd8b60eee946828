"""Every data field is described in Vietnamese, in the schemas and in the reference tables."""

from __future__ import annotations

import fnmatch
import json
import re

from generator.data.field_docs import FIELDS
from generator.opendata.schemas import KINDS, model_schema, with_field_tables

from .conftest import PROJECT_ROOT

# Vietnamese words carry marks; the English defaults pydantic would give never do.
_VIETNAMESE = re.compile(r"[^\x00-\x7f]")


def _schemas() -> list[tuple[str, dict]]:
    found = []
    for model in KINDS.values():
        schema = model_schema(model)
        found.append((model.__name__, schema))
        found.extend(schema.get("$defs", {}).items())
    return found


def test_every_schema_field_has_a_vietnamese_description() -> None:
    missing = [f"{name}.{field}" for name, schema in _schemas()
               for field, prop in schema.get("properties", {}).items()
               if not _VIETNAMESE.search(prop.get("description", ""))]
    assert not missing
    assert all(_VIETNAMESE.search(schema["description"]) for _, schema in _schemas())


def test_descriptions_name_only_fields_that_exist() -> None:
    fields = {name: set(schema["properties"]) for name, schema in _schemas()
              if "properties" in schema}
    assert {name: set(described) for name, described in FIELDS.items()} == fields


def test_the_reference_tables_are_generated_from_the_models() -> None:
    doc = (PROJECT_ROOT / "docs/data-format.md").read_text(encoding="utf-8")
    assert doc == with_field_tables(doc), "run: minhbach schema"
    tabled = set(re.findall(r"<!-- trường: (\w+) -->", doc))
    assert tabled == set(FIELDS)


def test_vscode_maps_every_data_schema_to_the_data_files() -> None:
    settings = json.loads((PROJECT_ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    data_files = [p.relative_to(PROJECT_ROOT).as_posix()
                  for p in (PROJECT_ROOT / "data").rglob("*.yaml")]
    for data_file in data_files:
        schemas = [s for s, globs in mapping.items()
                   if any(fnmatch.fnmatch(data_file, g) for g in globs)]
        assert len(schemas) == 1, data_file
        assert (PROJECT_ROOT / schemas[0]).is_file()
