"""Warnings: data that builds, but is probably not what staff meant.

`minhbach check` prints them and still succeeds; `check --strict` (what CI runs) fails on
them. Each names the place to look, in Vietnamese:

* a timeline no reading understood (the site then says "không có hạn cố định");
* a target with neither a number nor a grade, so it is never judged automatically;
* a lead or coordinating text naming no known body (see `names_known_body`);
* a task with no lead at all. A plan whose source names none writes `lead: []` for the
  task, saying so on purpose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Problems
from ..reading.agency_names import NameIndex
from ..reading.targets import parse_target
from ..reading.timeline import parse_timeline
from .models import Plan, Task

if TYPE_CHECKING:
    from .loading import Document

def names_known_body(text: str, index: NameIndex) -> bool:
    """Whether the text names at least one body of the plan's province (names, short names,
    aliases; accents, case and spacing ignored) — the same reading that resolves cells."""
    return bool(index.read(text).orgs)


def plan_warnings(plan: Plan, doc: Document, index: NameIndex, problems: Problems) -> None:
    for s, section in enumerate(plan.sections):
        for t, task in enumerate(section.tasks):
            _task_warnings(task, plan.year, doc, ("sections", s, "tasks", t), index, problems)
    for i, indicator in enumerate(plan.indicators):
        target = parse_target(indicator.target)
        if target is not None and not target.understood:
            problems.add(doc.locate(("indicators", i, "target")), f"chỉ tiêu “{indicator.target}” "
                         "không có con số hay mức xếp loại nên không tự đánh giá được đạt hay "
                         "chưa đạt; nếu có, hãy ghi rõ, ví dụ “đạt 100%”, “xếp loại tốt”",
                         warning=True)


def _task_warnings(task: Task, year: int, doc: Document, here: tuple[str | int, ...],
                   index: NameIndex, problems: Problems) -> None:
    try:
        reading = parse_timeline(task.timeline, year)
    except ValueError:
        reading = None  # an impossible date is an error, reported by validation
    if reading is not None and not reading.understood:
        problems.add(doc.locate(here + ("timeline",)), f"không đọc được thời gian “{task.timeline}”;"
                     " trang sẽ ghi “không có hạn cố định”. Hãy viết như “Quý II/2024”, "
                     "“Trước ngày 15/3/2024”, “Hằng quý”", warning=True)
    if not task.lead and not task.lead_text and "lead" not in task.model_fields_set:
        problems.add(doc.locate(here + ("id",)), f"nhiệm vụ “{task.id}” chưa có cơ quan chủ trì "
                     "(lead); nếu văn bản không ghi, hãy viết “lead: []”", warning=True)
    for key in ("lead_text", "coordinating_text"):
        text = getattr(task, key)
        if text and not names_known_body(text, index):
            problems.add(doc.locate(here + (key,)), f"“{text}” không nêu tên cơ quan nào trong "
                         "data/organisations/; hãy thêm cơ quan đó hoặc tên gọi khác (aliases) "
                         "của nó", warning=True)
