"""The documentation stays true: every data field and setting is documented."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from generator.opendata.schemas import KINDS, schema_text
from generator.settings import SiteConfig

from .conftest import PROJECT_ROOT


def _models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    yield model
    for field in model.model_fields.values():
        for candidate in re.findall(r"[A-Za-z_]+", str(field.annotation)):
            nested = getattr(__import__("generator.data.models", fromlist=[candidate]), candidate, None)
            if isinstance(nested, type) and issubclass(nested, BaseModel) and nested is not model:
                yield from _models(nested)


def test_every_data_field_is_in_the_data_format_reference() -> None:
    doc = (PROJECT_ROOT / "docs/data-format.md").read_text(encoding="utf-8")
    missing = {f"{m.__name__}.{name}" for kind in KINDS.values() for m in _models(kind)
               for name in m.model_fields if not re.search(rf"\b{name}:", doc)}
    assert not missing


def test_every_setting_is_in_the_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert not [name for name in SiteConfig.model_fields if f"`{name}`" not in readme]


def test_committed_schemas_match_the_models() -> None:
    for kind, model in KINDS.items():
        committed = (PROJECT_ROOT / "docs/schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(model), f"run: minhbach schema ({kind})"


def test_readme_quick_start_commands_exist() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for script in re.findall(r"^bash (scripts/\S+\.sh)", readme, re.MULTILINE):
        assert (PROJECT_ROOT / script).exists(), script
    ci = (PROJECT_ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in ci and "bash scripts/test.sh" in readme
