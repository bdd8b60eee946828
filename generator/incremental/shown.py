"""A unit for what a page prints of a list beyond its own plans.

A page of a long list (an agency's tasks, a reform area, a year's progress) shows the
plans on it and a few facts of the whole list: where the page stands in it (which items
sit on which page, the pages' URLs, the counts) and any totals it prints. Naming every
plan of the list as the page's units renders every page of the list again when any plan
changes; naming the plans shown and one unit whose name carries a digest of those
list-wide facts renders a page again only when what it prints changed.

`InputDigests.of` hashes unit names, so such a name is a unit like any other: a changed
value changes the page's key. The value must be plain data (see `shown_unit`), so that
its digest is the same in every process and every build.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields, is_dataclass
from typing import Any


def shown_unit(value: object) -> str:
    """A unit named after `value`: strings, numbers, booleans, None, lists, tuples,
    dicts with string keys and dataclasses of those. Anything else (a set, a date, a
    model, bytes) is refused rather than digested through an unstable `repr`."""
    text = json.dumps(value, default=_fields, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False)
    return f"shown:{hashlib.sha256(text.encode()).hexdigest()}"


def _fields(value: Any) -> dict[str, Any]:
    if is_dataclass(value) and not isinstance(value, type):
        return {"": type(value).__name__} | {f.name: getattr(value, f.name) for f in fields(value)}
    raise TypeError(f"shown_unit: {type(value).__name__} is not plain data")
