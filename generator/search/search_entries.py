"""What search knows about each page and each task or indicator row, from the facts.

Every indexed page and row gets filters (type, year, issuing body, agencies, reform
areas, status, plan) and a sort date. Values are the Vietnamese text readers see, so
the search page can show them as they are. Nothing here is HTML the reader sees: the
row "documents" are only what Pagefind reads for one task or indicator.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape

from ..data.models import Plan
from ..facts.derive import Facts, IndicatorFact, PlanFacts, TaskFact
from ..facts.progress import ReportProgress
from ..site import urls

# Filter keys. `STATUS` is also what report and task templates may declare themselves
# (data-pagefind-filter="trạng thái:…"); a page's own declaration wins over ours.
TYPE = "loại"
DOCUMENT = "văn bản"
YEAR = "năm"
ISSUER = "cơ quan ban hành"
AGENCY = "cơ quan"
AREA = "lĩnh vực"
STATUS = "trạng thái"
FORCE = "hiệu lực"
SORT_DATE = "ngày"
# A document's number as its own searchable field: Pagefind ranks matches in page fields
# (like the title) far above matches in the text, so "792/KH-UBND", "792" or "kh 792"
# put the plan itself before the many pages that cite it.
NUMBER = "so_hieu"
# Pagefind leaves a page without the sort key out of sorted results; undated pages
# (agencies, areas) get this value and come last under "newest first".
NO_DATE = "0000-00-00"

TYPE_TASK = "Nhiệm vụ"
TYPE_INDICATOR = "Chỉ tiêu"
TYPE_AGENCY = "Cơ quan"
TYPE_AREA = "Lĩnh vực cải cách"
TYPE_NEWS = "Tin tức"
TYPE_REPORT = "Báo cáo"
TYPE_PAGE = "Trang"
LATE = "Trễ hạn"

_UNDER_PLAN = re.compile(r"^/ke-hoach/([a-z0-9-]+)/(?:([a-z-]+)/)?")
_KIND_UNDER_PLAN = {"bao-cao": TYPE_REPORT, "nhiem-vu": TYPE_TASK}
_NEWS = re.compile(r"^/tin-tuc/(\d{4})/[^/]+/$")


@dataclass
class Entry:
    """Filters (key → values, in order, once each), sort date and searchable extra fields
    (`meta`) of one page or row."""

    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = NO_DATE
    meta: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, *values: str | None) -> None:
        for value in values:
            if value and value not in self.filters.setdefault(key, []):
                self.filters[key].append(value)


def plan_name(plan: Plan) -> str:
    """How a result names its plan: "Kế hoạch 792/KH-UBND", or type and title for a draft."""
    return f"{plan.type} {plan.number}" if plan.number else f"{plan.type}: {plan.title}"


def plan_date(plan: Plan) -> str:
    # A draft without a date still sorts within its year.
    return plan.issued.isoformat() if plan.issued else f"{plan.year}-00-00"


class Entries:
    """Builds the entry of each kind of page and row."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.orgs = facts.data.organisations
        self.areas = facts.data.areas

    def org(self, org_id: str) -> str:
        return self.orgs[org_id].name

    def under_plan(self, p: PlanFacts, issuer: str | None = None) -> Entry:
        """What every page and row about one plan shares."""
        entry = Entry(sort=plan_date(p.plan))
        entry.add(DOCUMENT, plan_name(p.plan))
        entry.add(YEAR, str(p.plan.year))
        entry.add(ISSUER, self.org(issuer or p.plan.issuer))
        return entry

    def plan(self, p: PlanFacts) -> Entry:
        entry = self.under_plan(p)
        if p.plan.number:
            entry.meta[NUMBER] = p.plan.number
        entry.add(TYPE, p.plan.type)
        entry.add(FORCE, p.status_label)
        orgs = {p.plan.issuer}
        for t in p.tasks:
            orgs.update(t.task.lead + t.task.coordinating)
        for i in p.indicators:
            orgs.update(i.indicator.monitoring + i.indicator.implementing)
        entry.add(AGENCY, *sorted(self.org(o) for o in orgs))
        entry.add(AREA, *(self.areas[s.area].name for s in p.plan.sections))
        return entry

    def task(self, p: PlanFacts, t: TaskFact) -> Entry:
        entry = self.under_plan(p)
        entry.add(TYPE, TYPE_TASK)
        entry.add(AGENCY, *(self.org(o) for o in t.task.lead + t.task.coordinating))
        entry.add(AREA, self.areas[t.section.area].name)
        if t.latest is not None:
            entry.add(STATUS, t.latest.status_label, LATE if t.latest.late else None)
        return entry

    def indicator(self, p: PlanFacts, i: IndicatorFact) -> Entry:
        entry = self.under_plan(p)
        entry.add(TYPE, TYPE_INDICATOR)
        entry.add(AGENCY, *(self.org(o) for o in i.indicator.monitoring + i.indicator.implementing))
        if i.latest is not None:
            entry.add(STATUS, i.latest.state_label)
        return entry

    def report(self, p: PlanFacts, r: ReportProgress) -> Entry:
        entry = self.under_plan(p, r.report.issuer)
        if r.report.number:
            entry.meta[NUMBER] = r.report.number
        entry.add(TYPE, TYPE_REPORT)
        entry.sort = r.report.date.isoformat()
        return entry

    def agency(self, org_id: str) -> Entry:
        entry = Entry()
        entry.add(TYPE, TYPE_AGENCY)
        entry.add(AGENCY, self.org(org_id))
        return entry

    def area(self, area_id: str) -> Entry:
        entry = Entry()
        entry.add(TYPE, TYPE_AREA)
        entry.add(AREA, self.areas[area_id].name)
        return entry

    def known_pages(self) -> dict[str, Entry]:
        """Entries of the pages the facts describe, by URL."""
        pages: dict[str, Entry] = {}
        for plan_id, p in self.facts.plans.items():
            pages[urls.plan_url(plan_id)] = self.plan(p)
            for r in (p.progress.reports if p.progress else []):
                pages[urls.report_url(plan_id, r.period.id)] = self.report(p, r)
        pages |= {urls.agency_url(org_id): self.agency(org_id) for org_id in self.orgs}
        pages |= {urls.area_url(area_id): self.area(area_id) for area_id in self.areas}
        return pages

    def other_page(self, url: str, date: str | None) -> Entry:
        """News, static pages and any page the facts do not describe: what the URL tells.

        `date` is the page's first `<time datetime>`, the publication time of a post.
        """
        if (match := _UNDER_PLAN.match(url)) and match[1] in self.facts.plans:
            entry = self.under_plan(self.facts.plans[match[1]])
            entry.add(TYPE, _KIND_UNDER_PLAN.get(match[2] or "", TYPE_PAGE))
        elif match := _NEWS.match(url):
            entry = Entry(sort=f"{match[1]}-00-00")
            entry.add(TYPE, TYPE_NEWS)
            entry.add(YEAR, match[1])
        else:
            entry = Entry()
            entry.add(TYPE, TYPE_PAGE)
        if date:
            entry.sort = date[:10]
        return entry


def _row(label: str, value: str | None) -> str:
    return f"<p>{escape(label)}: {escape(value)}</p>" if value else ""


def _document(title: str, *rows: str) -> str:
    return "".join(['<html lang="vi"><body><main data-pagefind-body>',
                    f"<h1>{escape(title)}</h1>", *rows, "</main></body></html>"])


def _names(entries: Entries, ids: list[str], as_written: str | None) -> str | None:
    """The agencies as the plan wrote them, else their short names."""
    names = ", ".join(entries.orgs[o].label for o in ids)
    return as_written or names or None


def task_document(entries: Entries, t: TaskFact) -> str:
    """One task as a tiny page, indexed under the URL of its row on the plan page."""
    task = t.task
    return _document(
        task.title,
        _row("Sản phẩm", task.product),
        _row("Chủ trì", _names(entries, task.lead, task.lead_text)),
        _row("Phối hợp", _names(entries, task.coordinating, task.coordinating_text)),
        _row("Thời gian", task.timeline),
        _row("Tình trạng", t.latest.status_label if t.latest else None),
        _row("Mục", " ".join(filter(None, [t.section.number, t.section.title]))),
    )


def indicator_document(entries: Entries, i: IndicatorFact) -> str:
    ind = i.indicator
    return _document(
        ind.text,
        _row("Chỉ tiêu", ind.target),
        _row("Đơn vị theo dõi", _names(entries, ind.monitoring, ind.monitoring_text)),
        _row("Đơn vị thực hiện", _names(entries, ind.implementing, ind.implementing_text)),
        _row("Nhóm", ind.group),
    )


def row_records(facts: Facts) -> Iterator[tuple[str, str, Entry]]:
    """(url, document, entry) of every task and indicator row, plan by plan, in order."""
    entries = Entries(facts)
    for plan_id, p in sorted(facts.plans.items()):
        for t in p.tasks:
            url = f"{urls.plan_url(plan_id)}#{urls.task_anchor(t.task.id)}"
            yield url, task_document(entries, t), entries.task(p, t)
        for i in p.indicators:
            url = f"{urls.plan_url(plan_id)}#{urls.indicator_anchor(i.indicator.id)}"
            yield url, indicator_document(entries, i), entries.indicator(p, i)
