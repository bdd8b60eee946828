"""Derived progress facts: task statuses, lateness, completion rates and changes per report.

Computed once per build from the validated reports, before any page is rendered. The
reference date of every judgement is the report's data cut-off (`cutoff`), never the
wall clock, so a site rebuilt years later says what the report said.

Rules (see docs/data-format.md, "Báo cáo kết quả"):

* A task a report leaves out has the status "chưa báo cáo"; it is counted, not dropped.
* A task is late as of a report when its deadline (the end of its parsed timeline) is
  before the cut-off and the report does not say it is done or not carried out (a task
  left out counts as not done, unless an earlier report already said it was done).
  Recurring, continuous and unscheduled tasks have no single deadline and are never late.
* A task was completed late when the report says so ("hoan-thanh-tre-han"), when its
  completion date is after its deadline, or when an earlier report found it late and
  this one finds it done. The status shown is then "hoàn thành trễ hạn"; the status as
  reported is kept beside it.
* The completion rate is done (on time or late) over every task row of the plan.
* An indicator is met when `targets.is_met` says so for the achieved value as written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from ..data.models import Area, IndicatorResult, Plan, Report, Section, TaskResult, TaskStatus
from ..reading.periods import Period, parse_period
from ..reading.targets import is_met
from ..reading.timeline import Timeline, TimelineKind

if TYPE_CHECKING:
    from .derive import IndicatorFact, PlanFacts, TaskFact

NOT_REPORTED = "chua-bao-cao"
STATUS_LABELS: dict[str, str] = {
    TaskStatus.HOAN_THANH.value: "Hoàn thành",
    TaskStatus.HOAN_THANH_TRE_HAN.value: "Hoàn thành trễ hạn",
    TaskStatus.DANG_THUC_HIEN.value: "Đang thực hiện",
    TaskStatus.CHUA_THUC_HIEN.value: "Chưa thực hiện",
    TaskStatus.KHONG_THUC_HIEN.value: "Không thực hiện",
    NOT_REPORTED: "Chưa báo cáo",
}
STATUS_ORDER: tuple[str, ...] = tuple(STATUS_LABELS)  # done first, not reported last
DONE = frozenset({TaskStatus.HOAN_THANH.value, TaskStatus.HOAN_THANH_TRE_HAN.value})
_NOT_DONE = frozenset({TaskStatus.DANG_THUC_HIEN.value, TaskStatus.CHUA_THUC_HIEN.value})


class IndicatorState(StrEnum):
    MET = "dat"
    NOT_MET = "khong-dat"
    UNDECIDED = "chua-so-sanh-duoc"
    NO_TARGET = "khong-co-muc"
    NOT_REPORTED = "chua-bao-cao"


INDICATOR_ORDER: tuple[IndicatorState, ...] = tuple(IndicatorState)
_INDICATOR_LABELS = {
    IndicatorState.MET: "Đạt",
    IndicatorState.NOT_MET: "Chưa đạt",
    IndicatorState.UNDECIDED: "Chưa so sánh được",
    IndicatorState.NO_TARGET: "Không có mức định lượng",
    IndicatorState.NOT_REPORTED: "Chưa báo cáo",
}


def indicator_label(state: IndicatorState, final: bool = False) -> str:
    """"Chưa đạt" during the year; "Không đạt" in the year's report, when it is a verdict."""
    return "Không đạt" if final and state == IndicatorState.NOT_MET else _INDICATOR_LABELS[state]


def deadline_of(timeline: Timeline | None) -> date | None:
    """The one day a task is due by, or None when its timeline sets no single deadline."""
    return timeline.end if timeline is not None and timeline.has_deadline else None


def no_deadline_note(timeline: Timeline | None) -> str | None:
    """Why a task is never judged late; None when it has a deadline."""
    if timeline is None:
        return "Không ghi thời gian: không xét trễ hạn"
    if timeline.has_deadline:
        return None
    if timeline.kind == TimelineKind.RECURRING:
        return "Nhiệm vụ định kỳ: không có một hạn chót chung, không xét trễ hạn"
    if timeline.kind == TimelineKind.CONTINUOUS:
        return "Thường xuyên: không có hạn cố định, không xét trễ hạn"
    return "Không có hạn cố định: không xét trễ hạn"


def is_late(deadline: date | None, status: str, cutoff: date, known_done: bool = False) -> bool:
    """Late as of `cutoff`: the deadline day has passed and the task is not done.

    A task not carried out (with its reason) is not counted late; a task left out of the
    report is, unless an earlier report said it was done (`known_done`).
    """
    if deadline is None or cutoff <= deadline:
        return False
    if status in DONE or status == TaskStatus.KHONG_THUC_HIEN:
        return False
    return not (status == NOT_REPORTED and known_done)


@dataclass(eq=False)
class TaskProgress:
    """One task as one report leaves it."""

    fact: TaskFact = field(repr=False)
    period: Period
    cutoff: date
    result: TaskResult | None
    status: str  # the status shown: reported, or "hoan-thanh-tre-han" when derived so
    deadline: date | None
    late: bool
    completed_late: bool
    basis: str | None  # why the task counts as completed late, when it was derived
    previous: TaskProgress | None = field(default=None, repr=False)
    last_reported: TaskProgress | None = field(default=None, repr=False)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def reported_status(self) -> str | None:
        return self.result.status.value if self.result else None

    @property
    def done(self) -> bool:
        return self.status in DONE

    @property
    def days_late(self) -> int | None:
        return (self.cutoff - self.deadline).days if self.late and self.deadline else None

    @property
    def no_deadline(self) -> str | None:
        return no_deadline_note(self.fact.timeline)

    @property
    def changed(self) -> bool:
        return self.previous is not None and self.previous.status != self.status

    @property
    def became_late(self) -> bool:
        return self.late and (self.previous is None or not self.previous.late)

    @property
    def earlier(self) -> TaskProgress | None:
        """For a task left out: what the last report that mentioned it said."""
        return self.previous.last_reported if self.result is None and self.previous else None


@dataclass(eq=False)
class IndicatorProgress:
    fact: IndicatorFact = field(repr=False)
    period: Period
    result: IndicatorResult | None
    state: IndicatorState
    previous: IndicatorProgress | None = field(default=None, repr=False)

    @property
    def achieved(self) -> str | None:
        return self.result.achieved if self.result else None

    @property
    def state_label(self) -> str:
        return indicator_label(self.state, self.period.final)

    @property
    def changed(self) -> bool:
        return self.previous is not None and self.previous.achieved != self.achieved


@dataclass(frozen=True)
class Counts:
    """How many tasks have each status (in STATUS_ORDER), and how many are late."""

    statuses: tuple[int, ...] = (0,) * len(STATUS_ORDER)
    late: int = 0

    @classmethod
    def of(cls, tasks: Iterable[TaskProgress]) -> Counts:
        rows = list(tasks)
        return cls(tuple(sum(1 for t in rows if t.status == s) for s in STATUS_ORDER),
                   sum(1 for t in rows if t.late))

    def __add__(self, other: Counts) -> Counts:
        return Counts(tuple(a + b for a, b in zip(self.statuses, other.statuses, strict=True)),
                      self.late + other.late)

    def count(self, status: str) -> int:
        return self.statuses[STATUS_ORDER.index(status)]

    @property
    def total(self) -> int:
        return sum(self.statuses)

    @property
    def done(self) -> int:
        return self.count(TaskStatus.HOAN_THANH) + self.count(TaskStatus.HOAN_THANH_TRE_HAN)

    @property
    def completed_late(self) -> int:
        return self.count(TaskStatus.HOAN_THANH_TRE_HAN)

    @property
    def open(self) -> int:
        """Neither done nor late: under way or not started before the deadline, not carried
        out, or not reported."""
        return self.total - self.done - self.late

    @property
    def rate(self) -> float | None:
        """Percent done; None when there is nothing to count."""
        return self.done / self.total * 100 if self.total else None

    def percent(self, part: int) -> float | None:
        """`part` as a percentage of all tasks counted; None when there are none."""
        return part / self.total * 100 if self.total else None

    def breakdown(self) -> list[tuple[str, str, int]]:
        """(status, label, count) in the fixed order, for tables and charts."""
        return [(s, STATUS_LABELS[s], n) for s, n in zip(STATUS_ORDER, self.statuses, strict=True)]


@dataclass(frozen=True)
class IndicatorCounts:
    states: tuple[int, ...] = (0,) * len(INDICATOR_ORDER)
    final: bool = False

    @classmethod
    def of(cls, rows: Iterable[IndicatorProgress], final: bool) -> IndicatorCounts:
        items = list(rows)
        return cls(tuple(sum(1 for r in items if r.state == s) for s in INDICATOR_ORDER), final)

    def count(self, state: str) -> int:
        return self.states[INDICATOR_ORDER.index(IndicatorState(state))]

    @property
    def total(self) -> int:
        return sum(self.states)

    @property
    def judged(self) -> int:
        return self.count(IndicatorState.MET) + self.count(IndicatorState.NOT_MET)

    def breakdown(self) -> list[tuple[str, str, int]]:
        return [(s.value, indicator_label(s, self.final), n)
                for s, n in zip(INDICATOR_ORDER, self.states, strict=True)]


@dataclass(frozen=True)
class SectionProgress:
    section: Section
    counts: Counts
    tasks: tuple[TaskProgress, ...]

    @property
    def key(self) -> str:
        return self.section.id

    @property
    def label(self) -> str:
        number = self.section.number
        return f"{number}. {self.section.title}" if number else self.section.title


@dataclass(frozen=True)
class AreaProgress:
    area: Area
    counts: Counts

    @property
    def key(self) -> str:
        return self.area.id

    @property
    def label(self) -> str:
        return self.area.name


@dataclass(eq=False)
class ReportProgress:
    """One report of one plan, with every task and indicator of the plan judged."""

    plan: Plan
    report: Report
    period: Period
    tasks: list[TaskProgress]
    indicators: list[IndicatorProgress]
    counts: Counts
    indicator_counts: IndicatorCounts
    sections: list[SectionProgress]
    previous: ReportProgress | None = field(default=None, repr=False)
    next: ReportProgress | None = field(default=None, repr=False)

    @property
    def late(self) -> list[TaskProgress]:
        # Oldest deadline first; sorting is stable, so plan order breaks ties.
        return sorted((t for t in self.tasks if t.late), key=lambda t: t.deadline or date.min)

    @property
    def completed_late(self) -> list[TaskProgress]:
        return [t for t in self.tasks if t.completed_late]

    @property
    def changes(self) -> list[TaskProgress]:
        return [t for t in self.tasks if t.changed]

    @property
    def newly_late(self) -> list[TaskProgress]:
        return [t for t in self.tasks if t.became_late] if self.previous else []

    @property
    def indicator_changes(self) -> list[IndicatorProgress]:
        return [i for i in self.indicators if i.changed]


@dataclass(eq=False)
class PlanProgress:
    plan: Plan
    reports: list[ReportProgress] = field(default_factory=list)  # oldest first

    @property
    def latest(self) -> ReportProgress | None:
        return self.reports[-1] if self.reports else None

    @property
    def sample(self) -> bool:
        return any(r.report.sample for r in self.reports)

    def task_history(self, task_id: str) -> list[TaskProgress]:
        return self._histories.get(task_id, [])

    @cached_property
    def _histories(self) -> dict[str, list[TaskProgress]]:
        # Built once: a task page asks for its history, and scanning every report's rows
        # per task made a plan's build time grow with the square of its tasks.
        histories: dict[str, list[TaskProgress]] = defaultdict(list)
        for report in self.reports:
            for task in report.tasks:
                histories[task.fact.task.id].append(task)
        return histories

    def indicator_history(self, indicator_id: str) -> list[IndicatorProgress]:
        return [i for r in self.reports for i in r.indicators
                if i.fact.indicator.id == indicator_id]

    def area_counts(self) -> dict[str, Counts]:
        """Counts per reform area at the latest report."""
        latest = self.latest
        if latest is None:
            return {}
        areas: dict[str, Counts] = defaultdict(Counts)
        for row in latest.sections:
            areas[row.section.area] = areas[row.section.area] + row.counts
        return dict(sorted(areas.items()))


def _completed_late(result: TaskResult | None, deadline: date | None,
                    previous: TaskProgress | None) -> tuple[bool, str | None]:
    if result is None or result.status not in DONE:
        return False, None
    if result.status == TaskStatus.HOAN_THANH_TRE_HAN:
        return True, None
    known = previous.last_reported if previous else None
    if result.completed and deadline and result.completed > deadline:
        return True, f"Hoàn thành ngày {result.completed:%d/%m/%Y}, sau hạn {deadline:%d/%m/%Y}"
    if known is not None and known.completed_late:
        return True, known.basis or f"Báo cáo {known.period.short_label} ghi hoàn thành trễ hạn"
    if known is not None and known.late and known.reported_status in _NOT_DONE:
        return True, (f"Báo cáo {known.period.short_label} (số liệu đến "
                      f"{known.cutoff:%d/%m/%Y}) ghi chưa hoàn thành khi đã quá hạn")
    return False, None


def judge_task(fact: TaskFact, result: TaskResult | None, period: Period, cutoff: date,
               previous: TaskProgress | None) -> TaskProgress:
    """The status, lateness and completed-late reading of one task in one report."""
    deadline = deadline_of(fact.timeline)
    completed_late, basis = _completed_late(result, deadline, previous)
    if result is None:
        status = NOT_REPORTED
    else:
        status = TaskStatus.HOAN_THANH_TRE_HAN.value if completed_late else result.status.value
    known = previous.last_reported if previous else None
    known_done = known is not None and known.done
    row = TaskProgress(fact, period, cutoff, result, status, deadline,
                       is_late(deadline, status, cutoff, known_done), completed_late, basis,
                       previous)
    row.last_reported = row if result is not None else known
    return row


def judge_indicator(fact: IndicatorFact, result: IndicatorResult | None, period: Period,
                    previous: IndicatorProgress | None) -> IndicatorProgress:
    # Rows without a target (group headings, prose objectives) are never "not reported":
    # there is nothing to report against; a value given for them is shown as written.
    if fact.target is None:
        state = IndicatorState.NO_TARGET
    elif result is None or result.achieved is None:
        state = IndicatorState.NOT_REPORTED
    else:
        met = is_met(fact.target, result.achieved)
        state = {True: IndicatorState.MET, False: IndicatorState.NOT_MET,
                 None: IndicatorState.UNDECIDED}[met]
    return IndicatorProgress(fact, period, result, state, previous)


def _report_progress(facts: PlanFacts, report: Report,
                     previous: ReportProgress | None) -> ReportProgress:
    period = parse_period(report.period)
    results = {r.task: r for r in report.tasks}
    before = {t.fact.task.id: t for t in previous.tasks} if previous else {}
    tasks = [judge_task(t, results.get(t.task.id), period, report.cutoff, before.get(t.task.id))
             for t in facts.tasks]
    achieved = {r.indicator: r for r in report.indicators}
    before_ind = {i.fact.indicator.id: i for i in previous.indicators} if previous else {}
    indicators = [judge_indicator(i, achieved.get(i.indicator.id), period,
                                  before_ind.get(i.indicator.id)) for i in facts.indicators]
    sections = []
    for section in facts.plan.sections:
        rows = tuple(t for t in tasks if t.fact.section is section)
        sections.append(SectionProgress(section, Counts.of(rows), rows))
    return ReportProgress(facts.plan, report, period, tasks, indicators, Counts.of(tasks),
                          IndicatorCounts.of(indicators, period.final), sections, previous)


def _chronological(reports: Iterable[Report]) -> list[Report]:
    """By cut-off, then by how long the period is (quý II before 6 tháng on the same day)."""
    def key(report: Report) -> tuple[date, date, int, str]:
        period = parse_period(report.period)
        return report.cutoff, period.end, -(period.start.toordinal()), report.period
    return sorted(reports, key=key)


def plan_progress(facts: PlanFacts, reports: Iterable[Report]) -> PlanProgress:
    progress = PlanProgress(facts.plan)
    previous: ReportProgress | None = None
    for report in _chronological(reports):
        current = _report_progress(facts, report, previous)
        if previous is not None:
            previous.next = current
        progress.reports.append(current)
        previous = current
    return progress
