"""Derived facts: everything pages show that is computed rather than written.

Computed once per build from the validated `Dataset`, before any page is
rendered: parsed timelines and targets, the tree of rows, which documents cite
which, and what every agency leads or supports. Templates only read these.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from ..data.dataset import Dataset
from ..data.models import (
    Area,
    Citation,
    Indicator,
    Organisation,
    Plan,
    PlanStatus,
    Report,
    Section,
    Task,
)
from ..reading.agency_names import Span, cell_spans
from ..reading.targets import Target, parse_target
from ..reading.timeline import Timeline, TimelineKind, parse_timeline
from ..reading.vietnamese import fold, format_date_short, nfc, sort_key
from .progress import IndicatorProgress, PlanProgress, TaskProgress, plan_progress
from .records import AgencyRecord, YearProgress, agency_record, year_progress

PLAN_STATUS_LABELS = {
    PlanStatus.DU_THAO: "Dự thảo",
    PlanStatus.CON_HIEU_LUC: "Còn hiệu lực",
    PlanStatus.HET_HIEU_LUC: "Hết hiệu lực",
    PlanStatus.CHUA_XAC_DINH: "Chưa xác định",
}

_RECURRENCE_LABELS = {
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "semiannual": "6 tháng một lần",
    "annual": "hằng năm",
}


def describe_timeline(reading: Timeline | None) -> str:
    """A short Vietnamese reading of a timeline, shown beside the text as written."""
    if reading is None:
        return "Không ghi thời gian"
    if reading.kind == TimelineKind.DEADLINE and reading.end:
        return f"Hạn: {format_date_short(reading.end)}"
    if reading.kind == TimelineKind.PERIOD and reading.start and reading.end:
        return f"Từ {format_date_short(reading.start)} đến {format_date_short(reading.end)}"
    if reading.kind == TimelineKind.RECURRING:
        # The cadence comes from the reading; "đột xuất" only from the text, never twice.
        cadence = _RECURRENCE_LABELS.get(reading.recurrence or "")
        label = f"Định kỳ {cadence}" if cadence else "Định kỳ"
        unscheduled_too = ", đột xuất" if "đột xuất" in nfc(reading.text).lower() else ""
        day = f", trước ngày {reading.day}" if reading.day else ""
        return f"{label}{day}{unscheduled_too}"
    if reading.kind == TimelineKind.CONTINUOUS and reading.start:
        return f"Từ {format_date_short(reading.start)}, không có hạn cố định"
    if reading.kind == TimelineKind.CONTINUOUS:
        return "Thường xuyên, không có hạn cố định"
    return "Không có hạn cố định"


@dataclass
class TaskFact:
    plan: Plan
    section: Section
    task: Task
    timeline: Timeline | None
    timeline_label: str
    depth: int
    latest: TaskProgress | None = None  # as the plan's latest report leaves it


@dataclass
class IndicatorFact:
    plan: Plan
    indicator: Indicator
    target: Target | None
    depth: int
    latest: IndicatorProgress | None = None


@dataclass
class CitationFact:
    citation: Citation
    plan: Plan | None  # the cited document, when it is on the site


@dataclass
class Involvement:
    """One agency's part in one plan."""

    plan: Plan
    issued: bool = False
    leads: list[TaskFact] = field(default_factory=list)
    supports: list[TaskFact] = field(default_factory=list)
    monitors: list[IndicatorFact] = field(default_factory=list)
    implements: list[IndicatorFact] = field(default_factory=list)
    duties: list[str] = field(default_factory=list)


@dataclass
class PlanFacts:
    plan: Plan
    tasks: list[TaskFact]
    indicators: list[IndicatorFact]
    citations: list[CitationFact]
    cited_by: list[Plan] = field(default_factory=list)
    sections: list[tuple[Section, list[TaskFact]]] = field(default_factory=list)
    progress: PlanProgress | None = None  # set by `derive`; reports oldest first

    @property
    def status_label(self) -> str:
        return PLAN_STATUS_LABELS[self.plan.status]


@dataclass
class Facts:
    data: Dataset
    plans: dict[str, PlanFacts]
    involvement: dict[str, list[Involvement]]  # organisation id → per plan
    areas: dict[str, list[tuple[Plan, list[TaskFact]]]]  # area id → tasks per plan
    records: dict[str, AgencyRecord] = field(default_factory=dict)  # organisation id → record
    years: list[YearProgress] = field(default_factory=list)  # newest year first

    def plans_by_year(self) -> list[tuple[int, list[PlanFacts]]]:
        return _by_year(self.plans)

    def organisations_sorted(self) -> list[Organisation]:
        return sorted(self.data.organisations.values(),
                      key=lambda o: (sort_key(self.data.provinces[o.id]), sort_key(o.name)))

    @cached_property
    def units(self) -> dict[str, list[Organisation]]:
        """Organisation id → the bodies whose parent it is, in Vietnamese order."""
        units: dict[str, list[Organisation]] = defaultdict(list)
        for org in self.organisations_sorted():
            if org.parent:
                units[org.parent].append(org)
        return dict(units)

    def organisations_by_province(self) -> list[tuple[str, list[Organisation]]]:
        groups: dict[str, list[Organisation]] = defaultdict(list)
        for org in self.organisations_sorted():
            groups[self.data.provinces[org.id]].append(org)
        return list(groups.items())

    def plans_by_issuer(self) -> list[tuple[Organisation, list[PlanFacts]]]:
        groups: dict[str, list[PlanFacts]] = defaultdict(list)
        for facts in self.plans.values():
            groups[facts.plan.issuer].append(facts)
        orgs = self.data.organisations
        return [(orgs[issuer], sorted(groups[issuer], key=lambda f: (-f.plan.year, f.plan.id)))
                for issuer in sorted(groups, key=lambda i: sort_key(orgs[i].name))]

    def area_task_count(self, area_id: str) -> int:
        return sum(len(rows) for _, rows in self.areas.get(area_id, []))

    def areas_sorted(self) -> list[Area]:
        return sorted(self.data.areas.values(), key=lambda a: a.order)

    @cached_property
    def _agency_cells(self) -> dict[tuple[tuple[str, ...], str | None], list[Span]]:
        return {}

    def agency_spans(self, ids: list[str], text: str | None) -> list[Span]:
        """An agency cell as written, with each listed body linked where the text names it."""
        key = (tuple(ids), text)
        if key not in self._agency_cells:
            self._agency_cells[key] = cell_spans(ids, text, self.data.organisations,
                                                    self.data.provinces)
        return self._agency_cells[key]


def _depths(rows: list[tuple[str, str | None]]) -> dict[str, int]:
    depth: dict[str, int] = {}
    for row_id, parent in rows:
        depth[row_id] = depth.get(parent, -1) + 1 if parent else 0
    return depth


def _task_facts(plan: Plan) -> list[TaskFact]:
    depth = _depths([(task.id, task.parent) for _, task in plan.tasks()])
    result = []
    for section, task in plan.tasks():
        reading = parse_timeline(task.timeline, plan.year)
        result.append(TaskFact(plan, section, task, reading, describe_timeline(reading),
                               depth[task.id]))
    return result


def _indicator_facts(plan: Plan) -> list[IndicatorFact]:
    depth = _depths([(i.id, i.parent) for i in plan.indicators])
    return [IndicatorFact(plan, i, parse_target(i.target), depth[i.id]) for i in plan.indicators]


def number_key(number: str | None) -> str:
    """Document numbers compared loosely: "792/KH-UBND" ~ "792/kh-ubnd" ~ "792/KH–UBND"."""
    return re.sub(r"[^0-9a-z/]", "", fold(number or ""))


def derive(data: Dataset, previous: Facts | None = None) -> Facts:
    """The facts of `data`. A process that builds again (the preview) passes the facts it
    derived last: a plan whose model and reports are the very same objects as then (the
    loader kept them, their files unchanged) keeps its rows and progress."""
    by_number = {number_key(p.number): p for p in data.plans.values() if p.number}
    plans: dict[str, PlanFacts] = {}
    for plan in data.plans.values():
        citations = [CitationFact(c, by_number.get(number_key(c.number)) if c.number else None)
                     for c in plan.legal_basis]
        plans[plan.id] = _own_facts(data, plan, citations, previous)
    for facts in plans.values():
        for cited in {c.plan.id for c in facts.citations if c.plan}:
            plans[cited].cited_by.append(facts.plan)
    for facts in plans.values():
        facts.cited_by.sort(key=lambda p: p.id)
    involvement = _involvement(plans)
    return Facts(data, plans, involvement, _areas(plans), _records(involvement, plans),
                 _years(data, plans))


def _own_facts(data: Dataset, plan: Plan, citations: list[CitationFact],
               previous: Facts | None) -> PlanFacts:
    """What a plan's pages show that depends on the plan and its reports alone."""
    reports = data.reports.get(plan.id, {})
    last = previous.plans.get(plan.id) if previous is not None else None
    if last is not None and last.plan is plan and _same(previous.data.reports.get(plan.id, {}),
                                                       reports):
        return PlanFacts(plan, last.tasks, last.indicators, citations,
                         sections=last.sections, progress=last.progress)
    tasks = _task_facts(plan)
    facts = PlanFacts(plan, tasks, _indicator_facts(plan), citations)
    facts.sections = [(s, [t for t in tasks if t.section is s]) for s in plan.sections]
    _attach_progress(facts, reports.values())
    return facts


def _same(before: dict[str, Report], now: dict[str, Report]) -> bool:
    return before.keys() == now.keys() and all(before[k] is now[k] for k in now)


def _attach_progress(facts: PlanFacts, reports: Iterable[Report]) -> None:
    """Judge every report, and give each task and indicator its latest status."""
    facts.progress = plan_progress(facts, reports)
    latest = facts.progress.latest
    if latest is not None:
        for task, row in zip(facts.tasks, latest.tasks, strict=True):
            task.latest = row
        for indicator, ind_row in zip(facts.indicators, latest.indicators, strict=True):
            indicator.latest = ind_row


def _records(involvement: dict[str, list[Involvement]],
             plans: dict[str, PlanFacts]) -> dict[str, AgencyRecord]:
    records = {}
    for org, per_plan in sorted(involvement.items()):
        record = agency_record(org, [plans[i.plan.id] for i in per_plan])
        if record is not None:
            records[org] = record
    return records


def _by_year(plans: dict[str, PlanFacts]) -> list[tuple[int, list[PlanFacts]]]:
    """Plans grouped by year, newest year first, each year in Vietnamese title order."""
    years: dict[int, list[PlanFacts]] = defaultdict(list)
    for facts in sorted(plans.values(), key=lambda f: sort_key(f.plan.title)):
        years[facts.plan.year].append(facts)
    return [(year, years[year]) for year in sorted(years, reverse=True)]


def _years(data: Dataset, plans: dict[str, PlanFacts]) -> list[YearProgress]:
    return [year_progress(year, group, data.areas) for year, group in _by_year(plans)]


def _involvement(plans: dict[str, PlanFacts]) -> dict[str, list[Involvement]]:
    table: dict[str, dict[str, Involvement]] = defaultdict(dict)

    def entry(org: str, plan: Plan) -> Involvement:
        return table[org].setdefault(plan.id, Involvement(plan))

    for facts in plans.values():
        plan = facts.plan
        entry(plan.issuer, plan).issued = True
        for task in facts.tasks:
            for org in dict.fromkeys(task.task.lead):
                entry(org, plan).leads.append(task)
            for org in dict.fromkeys(task.task.coordinating):
                entry(org, plan).supports.append(task)
        for ind in facts.indicators:
            for org in dict.fromkeys(ind.indicator.monitoring):
                entry(org, plan).monitors.append(ind)
            for org in dict.fromkeys(ind.indicator.implementing):
                entry(org, plan).implements.append(ind)
        for assignment in plan.assignments:
            for org in dict.fromkeys(assignment.agencies):
                entry(org, plan).duties.extend(assignment.duties)
    return {org: sorted(per_plan.values(), key=lambda i: (-i.plan.year, i.plan.id))
            for org, per_plan in table.items()}


def _areas(plans: dict[str, PlanFacts]) -> dict[str, list[tuple[Plan, list[TaskFact]]]]:
    areas: dict[str, dict[str, list[TaskFact]]] = defaultdict(dict)
    ordered = sorted(plans.values(), key=lambda f: (-f.plan.year, f.plan.id))
    for facts in ordered:
        for task in facts.tasks:
            areas[task.section.area].setdefault(facts.plan.id, []).append(task)
    return {area: [(plans[pid].plan, rows) for pid, rows in per_plan.items()]
            for area, per_plan in areas.items()}
