"""The open-data output format: pydantic models of every published row, and their filling.

The JSON files are these models dumped, the CSV files are their rows flattened, and the
published JSON Schemas are generated from them, so the schema can never drift from the
data. Field names follow the input files (docs/data-format.md); labels are Vietnamese.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field

from ..data.models import Evidence, Plan
from ..facts.derive import IndicatorFact, PlanFacts, TaskFact
from ..facts.progress import (
    STATUS_ORDER,
    Counts,
    IndicatorCounts,
    IndicatorProgress,
    ReportProgress,
    TaskProgress,
)
from ..site import urls

SCHEMA_VERSION = "1.0"


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EvidenceOut(Out):
    number: str | None = Field(None, description="Số văn bản minh chứng, như viết")
    title: str | None = None
    date: dt.date | None = None
    url: str | None = Field(None, description="Đường dẫn ngoài, như báo cáo ghi")
    file: str | None = Field(None, description="Đường dẫn tệp trên trang này (/files/…)")


class TaskRow(Out):
    """One task as one report leaves it (one row of …-nhiem-vu.csv)."""

    plan_id: str
    period_id: str
    period_label: str
    cutoff: dt.date = Field(description="Ngày chốt số liệu: mốc để xét trễ hạn")
    section_id: str
    area_id: str
    task_id: str
    task_number: str | None
    parent: str | None
    title: str
    lead: list[str] = Field(description="Mã cơ quan chủ trì")
    coordinating: list[str] = Field(description="Mã cơ quan phối hợp")
    timeline: str | None = Field(description="Thời gian thực hiện, như kế hoạch viết")
    deadline: dt.date | None = Field(description="Hạn chót đọc từ thời gian; null nếu không có")
    no_deadline: str | None = Field(description="Vì sao không xét trễ hạn (định kỳ, thường xuyên…)")
    status: str = Field(description="Trạng thái hiển thị: " + ", ".join(STATUS_ORDER))
    status_label: str
    reported_status: str | None = Field(description="Trạng thái như báo cáo ghi; null nếu "
                                        "báo cáo không nêu nhiệm vụ")
    late: bool = Field(description="Đã quá hạn (trước ngày chốt số liệu) mà chưa hoàn thành")
    days_late: int | None
    completed_late: bool
    completed_late_basis: str | None = Field(description="Căn cứ suy ra hoàn thành trễ hạn")
    completed: dt.date | None
    note: str | None
    reason: str | None
    evidence: list[EvidenceOut]
    previous_status: str | None = Field(description="Trạng thái ở kỳ báo cáo trước")
    changed: bool = Field(description="Trạng thái khác kỳ báo cáo trước")
    sample: bool = Field(description="Dữ liệu mẫu minh họa, không phải số liệu thật")


class IndicatorRow(Out):
    """One indicator as one report leaves it (one row of …-chi-tieu.csv)."""

    plan_id: str
    period_id: str
    period_label: str
    indicator_id: str
    indicator_number: str | None
    parent: str | None
    text: str
    target: str | None = Field(description="Mức phấn đấu, như kế hoạch viết")
    achieved: str | None = Field(description="Kết quả đạt được, như báo cáo viết")
    state: str = Field(description="dat, khong-dat, chua-so-sanh-duoc, khong-co-muc, chua-bao-cao")
    state_label: str
    met: bool | None = Field(description="Đạt mức phấn đấu; null nếu không so sánh được")
    note: str | None
    previous_achieved: str | None
    sample: bool


class CountsOut(Out):
    total: int
    done: int = Field(description="Hoàn thành, kể cả trễ hạn")
    done_rate: float | None = Field(description="Phần trăm hoàn thành = done / total × 100")
    late: int = Field(description="Đã quá hạn mà chưa hoàn thành")
    completed_late: int
    by_status: dict[str, int]


class IndicatorCountsOut(Out):
    total: int
    by_state: dict[str, int]


class SectionOut(Out):
    section_id: str
    number: str | None
    title: str
    area_id: str
    counts: CountsOut


class ReportOut(Out):
    """Everything one report page shows: bao-cao/<period-id>.json."""

    schema_version: str = SCHEMA_VERSION
    plan_id: str
    plan_number: str | None
    plan_title: str
    period_id: str
    period_kind: str
    period_label: str
    period_start: dt.date
    period_end: dt.date
    report_title: str | None
    report_number: str | None
    report_date: dt.date
    cutoff: dt.date
    sample: bool
    page: str = Field(description="Trang báo cáo trên trang này")
    previous_period_id: str | None
    summary: CountsOut
    indicators_summary: IndicatorCountsOut
    sections: list[SectionOut]
    tasks: list[TaskRow]
    indicators: list[IndicatorRow]


class PlanTaskRow(Out):
    """One task of a plan as written, with its timeline read (ke-hoach/nhiem-vu.csv)."""

    plan_id: str
    section_id: str
    section_number: str | None
    section_title: str
    area_id: str
    task_id: str
    task_number: str | None
    parent: str | None
    title: str
    product: str | None
    lead: list[str]
    lead_text: str | None
    coordinating: list[str]
    coordinating_text: str | None
    timeline: str | None
    timeline_kind: str | None = Field(description="period, deadline, recurring, continuous, "
                                      "unscheduled; null nếu không ghi thời gian")
    start: dt.date | None
    deadline: dt.date | None
    recurrence: str | None
    latest_status: str | None = Field(description="Trạng thái ở báo cáo gần nhất; null nếu chưa "
                                      "có báo cáo")
    latest_period_id: str | None
    late: bool | None
    note: str | None = Field(description="Ghi chú của dòng, như kế hoạch (cột lạ của bảng)")


class PlanIndicatorRow(Out):
    plan_id: str
    indicator_id: str
    indicator_number: str | None
    parent: str | None
    group: str | None
    text: str
    target: str | None
    target_comparator: str | None = Field(description=">=, >, <=, <, =, rank<=; trống khi mức "
                                          "phấn đấu gồm nhiều chỉ tiêu (xem target_parts)")
    target_value: float | None
    target_unit: str | None
    target_of: int | None
    target_upper_comparator: str | None = Field(description="khoảng “từ 80% đến dưới 90%”: "
                                                "< hoặc <= với cận trên")
    target_upper: float | None = Field(description="cận trên của khoảng, nếu có")
    target_parts: int = Field(description="số chỉ tiêu trong cụm từ; từ 2 trở lên thì mỗi phần "
                              "được đánh giá với kết quả riêng của nó")
    monitoring: list[str]
    implementing: list[str]
    latest_achieved: str | None
    latest_state: str | None
    latest_period_id: str | None
    note: str | None = Field(description="Ghi chú của dòng, như kế hoạch (cột lạ của bảng)")


class ReportRef(Out):
    period_id: str
    period_label: str
    cutoff: dt.date
    page: str
    json_url: str
    sample: bool


class PlanOut(Out):
    """A plan as written (the input format) with its readings: ke-hoach.json."""

    schema_version: str = SCHEMA_VERSION
    plan: Plan
    page: str
    tasks: list[PlanTaskRow]
    indicators: list[PlanIndicatorRow]
    reports: list[ReportRef]


class PlanSummaryRow(Out):
    """One plan per row of /du-lieu/ke-hoach.csv, at its latest report."""

    plan_id: str
    number: str | None
    type: str
    title: str
    issuer: str
    year: int
    status: str
    page: str
    tasks: int
    indicators: int
    reports: int
    latest_period_id: str | None
    latest_cutoff: dt.date | None
    done: int | None
    done_rate: float | None
    late: int | None
    sample: bool


def file_url(path: str) -> str:
    """Evidence files are copied with content/files/ to /files/, under their NFC names."""
    return "/files/" + quote(path.replace("\\", "/").lstrip("/"))


def _evidence(items: list[Evidence]) -> list[EvidenceOut]:
    return [EvidenceOut(number=e.number, title=e.title, date=e.date, url=e.url,
                        file=file_url(e.file) if e.file else None) for e in items]


def _rate(value: float | None) -> float | None:
    # Four decimals keep the JSON stable across platforms; pages round to one.
    return round(value, 4) if value is not None else None


def counts_out(counts: Counts) -> CountsOut:
    return CountsOut(total=counts.total, done=counts.done, done_rate=_rate(counts.rate),
                     late=counts.late, completed_late=counts.completed_late,
                     by_status={key: n for key, _, n in counts.breakdown()})


def indicator_counts_out(counts: IndicatorCounts) -> IndicatorCountsOut:
    return IndicatorCountsOut(total=counts.total,
                              by_state={key: n for key, _, n in counts.breakdown()})


def task_row(row: TaskProgress, sample: bool) -> TaskRow:
    task, result = row.fact.task, row.result
    return TaskRow(
        plan_id=row.fact.plan.id, period_id=row.period.id, period_label=row.period.label,
        cutoff=row.cutoff, section_id=row.fact.section.id, area_id=row.fact.section.area,
        task_id=task.id, task_number=task.number, parent=task.parent, title=task.title,
        lead=task.lead, coordinating=task.coordinating, timeline=task.timeline,
        deadline=row.deadline, no_deadline=row.no_deadline, status=row.status,
        status_label=row.status_label, reported_status=row.reported_status, late=row.late,
        days_late=row.days_late, completed_late=row.completed_late,
        completed_late_basis=row.basis, completed=result.completed if result else None,
        note=result.note if result else None, reason=result.reason if result else None,
        evidence=_evidence(result.evidence) if result else [],
        previous_status=row.previous.status if row.previous else None, changed=row.changed,
        sample=sample)


def indicator_row(row: IndicatorProgress, sample: bool) -> IndicatorRow:
    ind = row.fact.indicator
    met = {"dat": True, "khong-dat": False}.get(row.state.value)
    return IndicatorRow(
        plan_id=row.fact.plan.id, period_id=row.period.id, period_label=row.period.label,
        indicator_id=ind.id, indicator_number=ind.number, parent=ind.parent, text=ind.text,
        target=ind.target, achieved=row.achieved, state=row.state.value,
        state_label=row.state_label, met=met, note=row.result.note if row.result else None,
        previous_achieved=row.previous.achieved if row.previous else None, sample=sample)


def report_out(progress: ReportProgress, tasks: list[TaskRow],
               indicators: list[IndicatorRow]) -> ReportOut:
    """The report as JSON, with its rows built once by the caller (its CSV files share them)."""
    plan, period, report = progress.plan, progress.period, progress.report
    return ReportOut(
        plan_id=plan.id, plan_number=plan.number, plan_title=plan.title, period_id=period.id,
        period_kind=period.kind.value, period_label=period.label, period_start=period.start,
        period_end=period.end, report_title=report.title, report_number=report.number,
        report_date=report.date, cutoff=report.cutoff, sample=report.sample,
        page=urls.report_url(plan.id, period.id),
        previous_period_id=progress.previous.period.id if progress.previous else None,
        summary=counts_out(progress.counts),
        indicators_summary=indicator_counts_out(progress.indicator_counts),
        sections=[SectionOut(section_id=s.section.id, number=s.section.number,
                             title=s.section.title, area_id=s.section.area,
                             counts=counts_out(s.counts)) for s in progress.sections],
        tasks=tasks, indicators=indicators)


def plan_task_row(fact: TaskFact) -> PlanTaskRow:
    task, reading, latest = fact.task, fact.timeline, fact.latest
    return PlanTaskRow(
        plan_id=fact.plan.id, section_id=fact.section.id, section_number=fact.section.number,
        section_title=fact.section.title, area_id=fact.section.area, task_id=task.id,
        task_number=task.number, parent=task.parent, title=task.title, product=task.product,
        lead=task.lead, lead_text=task.lead_text, coordinating=task.coordinating,
        coordinating_text=task.coordinating_text, timeline=task.timeline,
        timeline_kind=reading.kind.value if reading else None,
        start=reading.start if reading else None,
        deadline=reading.end if reading and reading.has_deadline else None,
        recurrence=reading.recurrence if reading else None,
        latest_status=latest.status if latest else None,
        latest_period_id=latest.period.id if latest else None,
        late=latest.late if latest else None, note=task.note)


def plan_indicator_row(fact: IndicatorFact) -> PlanIndicatorRow:
    ind, latest = fact.indicator, fact.latest
    # A phrase of several targets has no one reading: its parts are judged one by one.
    parts = len(fact.target.parts) if fact.target else 0
    target = fact.target if parts < 2 else None
    upper = target.upper_comparator if target else None
    return PlanIndicatorRow(
        plan_id=fact.plan.id, indicator_id=ind.id, indicator_number=ind.number,
        parent=ind.parent, group=ind.group, text=ind.text, target=ind.target,
        target_comparator=target.comparator.value if target and target.comparator else None,
        target_value=target.value if target else None, target_unit=target.unit if target else None,
        target_of=target.of if target else None,
        target_upper_comparator=upper.value if upper else None,
        target_upper=target.upper if target else None, target_parts=parts or int(bool(target)),
        monitoring=ind.monitoring,
        implementing=ind.implementing, latest_achieved=latest.achieved if latest else None,
        latest_state=latest.state.value if latest else None,
        latest_period_id=latest.period.id if latest else None, note=ind.note)


def report_ref(progress: ReportProgress) -> ReportRef:
    plan_id, period = progress.plan.id, progress.period
    return ReportRef(period_id=period.id, period_label=period.label,
                     cutoff=progress.report.cutoff, page=urls.report_url(plan_id, period.id),
                     json_url=urls.data_url(plan_id, f"bao-cao/{period.id}.json"),
                     sample=progress.report.sample)


def plan_out(facts: PlanFacts) -> PlanOut:
    reports = facts.progress.reports if facts.progress else []
    return PlanOut(plan=facts.plan, page=urls.plan_url(facts.plan.id),
                   tasks=[plan_task_row(t) for t in facts.tasks],
                   indicators=[plan_indicator_row(i) for i in facts.indicators],
                   reports=[report_ref(r) for r in reports])


def plan_summary_row(facts: PlanFacts) -> PlanSummaryRow:
    plan = facts.plan
    progress = facts.progress
    latest = progress.latest if progress else None
    counts = latest.counts if latest else None
    return PlanSummaryRow(
        plan_id=plan.id, number=plan.number, type=plan.type, title=plan.title,
        issuer=plan.issuer, year=plan.year, status=plan.status.value,
        page=urls.plan_url(plan.id), tasks=len(facts.tasks), indicators=len(facts.indicators),
        reports=len(progress.reports) if progress else 0,
        latest_period_id=latest.period.id if latest else None,
        latest_cutoff=latest.report.cutoff if latest else None,
        done=counts.done if counts else None, done_rate=_rate(counts.rate) if counts else None,
        late=counts.late if counts else None, sample=bool(progress and progress.sample))


class CatalogueEntry(Out):
    url: str
    title: str
    format: str = Field(description="CSV (UTF-8 có BOM, một dòng tiêu đề) hoặc JSON (UTF-8)")
    schema_url: str = Field(description="JSON Schema của tệp (với CSV: của một dòng)")
    plan_id: str | None
    period_id: str | None
    bytes: int
    sample: bool


class CatalogueOut(Out):
    """Every open-data file of the site: danh-muc.json."""

    schema_version: str = SCHEMA_VERSION
    files: list[CatalogueEntry]


# Schema file name → model. CSV files are described by the model of one of their rows.
SCHEMAS: dict[str, type[BaseModel]] = {
    "ke-hoach": PlanOut,
    "bao-cao": ReportOut,
    "danh-muc": CatalogueOut,
    "nhiem-vu": PlanTaskRow,
    "chi-tieu": PlanIndicatorRow,
    "tien-do-nhiem-vu": TaskRow,
    "tien-do-chi-tieu": IndicatorRow,
    "tong-hop-ke-hoach": PlanSummaryRow,
}


def schema_url(name: str) -> str:
    assert name in SCHEMAS, name
    return urls.open_data_url(f"schema/{name}.schema.json")
