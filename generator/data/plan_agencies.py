"""Agencies written once: a plan's agency cells given only as text get their organisation ids.

Runs while the dataset loads, so everything after it (facts, progress, pages) sees the
ids as if they had been written. The text stays as written for display. Names are looked
up among the organisations of the plan's own province, where "Sở Nội vụ" is one body.
"""

from __future__ import annotations

from typing import TypeVar

from ..errors import Problems
from ..reading.agency_names import NameIndex, Reading
from .loading import Document
from .models import Indicator, Organisation, Plan, Task

# (ids field, text field) of every agency cell a plan row may have.
TASK_CELLS = (("lead", "lead_text"), ("coordinating", "coordinating_text"))
INDICATOR_CELLS = (("monitoring", "monitoring_text"), ("implementing", "implementing_text"))

Path_ = tuple[str | int, ...]
R = TypeVar("R", Task, Indicator)


def province_index(plan: Plan, organisations: dict[str, Organisation],
                   provinces: dict[str, str]) -> NameIndex:
    province = provinces.get(plan.issuer)
    return NameIndex((o for o in organisations.values() if provinces.get(o.id) == province),
                     provinces)


def reading_problems(reading: Reading, text: str) -> list[str]:
    """Vietnamese messages for every part of a cell that does not name exactly one body."""
    messages = []
    for unknown in reading.unknown:
        hint = f"; có phải: {', '.join(unknown.suggestions)}?" if unknown.suggestions else ""
        messages.append(f"không nhận ra cơ quan “{unknown.text}” trong “{text}”{hint} (thêm tên "
                        "này vào aliases của cơ quan trong data/organisations/, hoặc ghi mã cơ quan)")
    for piece, ids in reading.ambiguous:
        messages.append(f"“{piece}” là tên của nhiều cơ quan ({', '.join(ids)}); ghi mã cơ quan")
    return messages


def resolve_plan_agencies(plan: Plan, doc: Document, index: NameIndex, problems: Problems,
                          ) -> Plan:
    """The plan with ids filled in from the text of every cell that has text but no ids;
    `index` holds the names of the bodies of the plan's province (`province_index`)."""
    indicators = [_resolve(row, INDICATOR_CELLS, ("indicators", i), index, doc, problems)
                  for i, row in enumerate(plan.indicators)]
    sections = [section.model_copy(update={"tasks": [
        _resolve(task, TASK_CELLS, ("sections", s, "tasks", t), index, doc, problems)
        for t, task in enumerate(section.tasks)]}) for s, section in enumerate(plan.sections)]
    return plan.model_copy(update={"indicators": indicators, "sections": sections})


def _resolve(row: R, cells: tuple[tuple[str, str], ...], here: Path_,
             index: NameIndex, doc: Document, problems: Problems) -> R:
    update: dict[str, list[str]] = {}
    for ids_field, text_field in cells:
        text = getattr(row, text_field)
        if getattr(row, ids_field) or not text:
            continue
        reading = index.read(text)
        messages = reading_problems(reading, text)
        for message in messages:
            problems.add(doc.locate(here + (text_field,)), message)
        if not messages:
            update[ids_field] = reading.orgs
    return row.model_copy(update=update) if update else row
