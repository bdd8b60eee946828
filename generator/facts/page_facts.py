"""Page-level facts: what a page says about itself, computed once per build.

A plan page's contents with counts, a one-sentence description of every generated page
(for search engines and for link previews in Zalo and Facebook), and the date each page
last changed according to the data (sitemap.xml's `lastmod`, never the build's clock).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..data.models import Plan
from ..reading.vietnamese import format_number, format_percent
from ..site import urls
from .derive import Facts, PlanFacts
from .progress import Counts, ReportProgress

DESCRIPTION_LIMIT = 200  # characters; previews cut longer descriptions anyway


@dataclass(frozen=True)
class PlanOutline:
    """The counts a plan page's contents shows next to each part."""

    citations: int
    cited_by: int
    indicators: int
    tasks: int
    sections: dict[str, int]  # section id → its tasks
    assignments: int
    reports: int
    late: int


def plan_outline(p: PlanFacts) -> PlanOutline:
    latest = p.progress.latest if p.progress else None
    return PlanOutline(
        citations=len(p.citations), cited_by=len(p.cited_by), indicators=len(p.indicators),
        tasks=len(p.tasks), sections={s.id: len(rows) for s, rows in p.sections},
        assignments=len(p.plan.assignments),
        reports=len(p.progress.reports) if p.progress else 0,
        late=len(latest.late) if latest else 0)


def plan_name(plan: Plan) -> str:
    """"Kế hoạch 792/KH-UBND", or "Kế hoạch (dự thảo)" for a draft without a number."""
    return f"{plan.type} {plan.number}" if plan.number else f"{plan.type} (dự thảo)"


def _progress(counts: Counts) -> str:
    if not counts.total:
        return "chưa có nhiệm vụ"
    done = f"hoàn thành {format_number(counts.done)}/{format_number(counts.total)} nhiệm vụ"
    rate = f" ({format_percent(counts.rate)})" if counts.rate is not None else ""
    late = f", {format_number(counts.late)} trễ hạn" if counts.late else ""
    return done + rate + late


def _clip(text: str) -> str:
    if len(text) <= DESCRIPTION_LIMIT:
        return text
    return text[:DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def _plan_description(p: PlanFacts, issuer: str) -> str:
    counted = [f"{format_number(n)} {noun}" for n, noun in
               ((len(p.indicators), "chỉ tiêu"), (len(p.tasks), "nhiệm vụ")) if n]
    parts = [f"{plan_name(p.plan)} của {issuer}: {p.plan.title}."]
    parts += [", ".join(counted).capitalize() + "."] if counted else []
    latest = p.progress.latest if p.progress else None
    if latest:
        parts.append(f"Theo báo cáo {latest.period.phrase}: {_progress(latest.counts)}.")
    return " ".join(parts)


def _plan_pages(facts: Facts) -> dict[str, str]:
    found: dict[str, str] = {}
    for plan_id, p in facts.plans.items():
        issuer = facts.data.organisations[p.plan.issuer].name
        found[urls.plan_url(plan_id)] = _plan_description(p, issuer)
        for report in p.progress.reports if p.progress else []:
            found[urls.report_url(plan_id, report.period.id)] = (
                f"Kết quả {report.period.phrase} của {plan_name(p.plan)} ({p.plan.title}): "
                f"{_progress(report.counts)}.")
        for t in p.tasks:
            number = f" {t.task.number}" if t.task.number else ""
            found[urls.task_url(plan_id, t.task.id)] = (
                f"Nhiệm vụ{number} của {plan_name(p.plan)}: {t.task.title}")
    return found


def _agency_pages(facts: Facts) -> dict[str, str]:
    found: dict[str, str] = {}
    for org in facts.organisations_sorted():
        rows = facts.involvement.get(org.id, [])
        leads = sum(len(i.leads) for i in rows)
        supports = sum(len(i.supports) for i in rows)
        found[urls.agency_url(org.id)] = (
            f"{org.name}: chủ trì {format_number(leads)} nhiệm vụ, phối hợp "
            f"{format_number(supports)} nhiệm vụ trong {format_number(len(rows))} kế hoạch.")
    for area in facts.areas_sorted():
        plans = facts.areas.get(area.id, [])
        found[urls.area_url(area.id)] = (
            f"Lĩnh vực {area.name}: {format_number(facts.area_task_count(area.id))} nhiệm vụ "
            f"trong {format_number(len(plans))} kế hoạch.")
    return found


def _list_pages(facts: Facts) -> dict[str, str]:
    plans = format_number(len(facts.plans))
    tasks = format_number(sum(len(p.tasks) for p in facts.plans.values()))
    years = sorted({p.plan.year for p in facts.plans.values()})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(map(str, years))
    return {
        urls.HOME: f"Công khai {plans} kế hoạch cải cách hành chính ({span}), {tasks} nhiệm vụ "
                   "và kết quả thực hiện theo từng kỳ báo cáo: ai chịu trách nhiệm, việc gì "
                   "đã xong, việc gì trễ hạn.",
        urls.PLANS: f"Danh sách {plans} kế hoạch cải cách hành chính ({span}) theo cơ quan "
                    "ban hành, kèm hiệu lực và tiến độ.",
        urls.AGENCIES: f"{format_number(len(facts.data.organisations))} cơ quan, đơn vị và "
                       "những nhiệm vụ cải cách hành chính mỗi nơi chủ trì hoặc phối hợp.",
        urls.AREAS: "Nhiệm vụ cải cách hành chính theo lĩnh vực: thể chế, thủ tục hành chính, "
                    "tổ chức bộ máy, công vụ, tài chính công, chính quyền số.",
        urls.SEARCH: "Tìm kế hoạch, nhiệm vụ, chỉ tiêu, cơ quan và báo cáo; gõ có dấu hay "
                     "không dấu đều được.",
    }


def descriptions(facts: Facts) -> dict[str, str]:
    """Page URL → a description of that page, for every generated page that has one."""
    found = _list_pages(facts) | _plan_pages(facts) | _agency_pages(facts)
    for year in facts.years:
        found[urls.progress_year_url(year.year)] = (
            f"Tiến độ các kế hoạch cải cách hành chính năm {year.year}: "
            f"{_progress(year.counts)}." if year.reported else
            f"Các kế hoạch cải cách hành chính năm {year.year}: chưa có báo cáo kết quả.")
    return {url: _clip(text) for url, text in found.items()}


def _plan_dates(p: PlanFacts) -> list[dt.date]:
    dates = [d for d in (p.plan.issued, p.plan.effective) if d]
    dates += [r.report.date for r in p.progress.reports] if p.progress else []
    return dates


def last_changed(facts: Facts) -> dict[str, dt.date]:
    """Page URL → the newest date the data gives for what the page shows."""
    found: dict[str, dt.date] = {}
    for plan_id, p in facts.plans.items():
        dates = _plan_dates(p)
        if not dates:
            continue
        found[urls.plan_url(plan_id)] = max(dates)
        for report in p.progress.reports if p.progress else []:
            found[urls.report_url(plan_id, report.period.id)] = report.report.date
        for t in p.tasks:
            found[urls.task_url(plan_id, t.task.id)] = max(dates)
    for org_id, rows in facts.involvement.items():
        dates = [d for i in rows for d in _plan_dates(facts.plans[i.plan.id])]
        if dates:
            found[urls.agency_url(org_id)] = max(dates)
    return found


def latest_reports(facts: Facts, limit: int = 3) -> list[ReportProgress]:
    """Each plan's latest report, newest first (the home page's "at a glance")."""
    reports = [p.progress.latest for p in facts.plans.values() if p.progress and p.progress.latest]
    return sorted(reports, key=lambda r: (r.report.date, r.plan.id), reverse=True)[:limit]
