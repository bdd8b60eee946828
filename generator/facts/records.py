"""Progress rolled up across plans: an agency's record and a year's overview.

Both read each plan at its latest report (see `progress` for how a report is judged).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..data.models import Area, Plan
from .progress import AreaProgress, Counts, ReportProgress, TaskProgress

if TYPE_CHECKING:
    from .derive import PlanFacts


@dataclass(frozen=True)
class RecordRow:
    """One agency's tasks in one plan, as the plan's latest report leaves them."""

    plan: Plan
    report: ReportProgress
    lead: Counts
    support: Counts
    late: tuple[TaskProgress, ...]  # late tasks the agency leads


@dataclass(frozen=True)
class AgencyRecord:
    rows: tuple[RecordRow, ...]

    @property
    def lead(self) -> Counts:
        return sum((r.lead for r in self.rows), Counts())

    @property
    def support(self) -> Counts:
        return sum((r.support for r in self.rows), Counts())

    @property
    def late(self) -> list[TaskProgress]:
        """Late tasks the agency leads, across plans."""
        return [t for r in self.rows for t in r.late]

    @property
    def sample(self) -> bool:
        return any(r.report.report.sample for r in self.rows)

    def only(self, plan_ids: Collection[str]) -> AgencyRecord:
        """The rows of some plans: what one page of a long agency page shows."""
        return replace(self, rows=tuple(r for r in self.rows if r.plan.id in plan_ids))


def agency_record(org_id: str, plans: Iterable[PlanFacts]) -> AgencyRecord | None:
    """Lead and supporting tasks counted apart, per plan with reports; None without any."""
    rows = []
    for facts in plans:
        latest = facts.progress.latest if facts.progress else None
        if latest is None:
            continue
        lead = [t for t in latest.tasks if org_id in t.fact.task.lead]
        support = [t for t in latest.tasks if org_id in t.fact.task.coordinating]
        if lead or support:
            rows.append(RecordRow(facts.plan, latest, Counts.of(lead), Counts.of(support),
                                  tuple(t for t in lead if t.late)))
    return AgencyRecord(tuple(rows)) if rows else None


@dataclass(frozen=True)
class YearProgress:
    """Every plan of one year, each at its latest report."""

    year: int
    plans: tuple[PlanFacts, ...]
    areas: tuple[AreaProgress, ...]

    @property
    def reported(self) -> list[PlanFacts]:
        return [p for p in self.plans if p.progress and p.progress.latest]

    @property
    def counts(self) -> Counts:
        return sum((p.progress.latest.counts for p in self.reported  # type: ignore[union-attr]
                    if p.progress and p.progress.latest), Counts())

    @property
    def late(self) -> list[TaskProgress]:
        return [t for p in self.reported if p.progress and p.progress.latest
                for t in p.progress.latest.late]

    @property
    def sample(self) -> bool:
        return any(p.progress.sample for p in self.plans if p.progress)

    def only(self, plans: Iterable[PlanFacts]) -> YearProgress:
        """Some plans of the year, counted alone: what one page of a long list shows (the
        year's areas are left out, as they count every plan)."""
        return replace(self, plans=tuple(plans), areas=())


def year_progress(year: int, plans: list[PlanFacts], areas: dict[str, Area]) -> YearProgress:
    totals: dict[str, Counts] = defaultdict(Counts)
    for facts in plans:
        if facts.progress is not None:
            for area, counts in facts.progress.area_counts().items():
                totals[area] = totals[area] + counts
    ordered = sorted(totals, key=lambda a: (areas[a].order, a))
    return YearProgress(year, tuple(plans), tuple(AreaProgress(areas[a], totals[a]) for a in ordered))
