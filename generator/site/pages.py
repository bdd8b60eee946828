"""The Pelican generator that turns derived facts into pages.

Pelican calls every generator's `generate_context` before any `generate_output`,
so cross-page facts are already complete (see `facts.derive`) when we render.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from pelican.generators import Generator

from ..data.models import Organisation, Plan
from ..facts import page_facts
from ..facts import paging as paging_limits
from ..facts.derive import Facts, Involvement, PlanFacts, TaskFact
from ..facts.document import Document, document_of
from ..facts.paging import Paging, grouped, leading, paged
from ..facts.records import YearProgress
from ..incremental.inputs import NEWS, plan_unit, text_unit
from ..incremental.page_cache import PageCache
from ..incremental.shown import shown_unit
from ..opendata.opendata import DataFile, build_files, plan_files, write_files
from ..search.search_index import SEARCH_PAGE
from . import urls
from .caching_writer import CACHE_SETTING
from .markdown import render_markdown
from .page_jobs import PageJob, write_pages

T = TypeVar("T")


def _plans(*plans: PlanFacts | Plan) -> list[str]:
    return [plan_unit(p.id if isinstance(p, Plan) else p.plan.id) for p in plans]


class MinhBachGenerator(Generator):
    """Writes the plan, agency, area, index and utility pages."""

    def generate_context(self) -> None:
        facts: Facts = self.settings["MINHBACH_FACTS"]
        self.facts = facts
        texts = {plan_id: self._plan_text(plan_id, path)
                 for plan_id, path in sorted(facts.data.plan_texts.items())}
        self.documents = {plan_id: document for plan_id, (document, _) in texts.items()}
        self.plan_html = {plan_id: html for plan_id, (_, html) in texts.items()}
        self.context["facts"] = facts
        self.context["descriptions"] = page_facts.descriptions(facts)
        self.context["latest_reports"] = page_facts.latest_reports(facts)
        self.context["plans_by_year"] = facts.plans_by_year()
        # Open data is built here, before any page, so /du-lieu/ can list every file.
        self.open_data = build_files(facts, self._plan_files)
        self.data_files = {f.url: f for f in self.open_data}
        # What pages that show the whole site read: every plan and the news.
        self.every = (*_plans(*facts.plans.values()), NEWS)

    def generate_output(self, writer: Any) -> None:
        self._jobs: list[PageJob] = []
        facts = self.facts
        news = self.context.get("articles", [])
        news_by_plan: dict[str, list[Any]] = {}
        for article in news:
            plan = getattr(article, "plan", None)
            if plan:
                news_by_plan.setdefault(plan, []).append(article)
        by_year = facts.plans_by_year()
        recent = leading(by_year, paging_limits.HOME_PLANS)
        self._page(urls.HOME, "home", self.every, latest_news=news[:5], plans_by_year=recent,
                   every_year_shown=len(recent) == len(by_year))
        every_plan = [(year, p) for year, plans in by_year for p in plans]
        for paging, part in _list_pages(urls.PLANS, every_plan, lambda _: 1,
                                        paging_limits.PLAN_LIST_ROWS):
            # Only the first page lists the issuing bodies.
            issuers = facts.plans_by_issuer() if paging.number == 1 else []
            self._list_page(paging, "plans", [p for _, p in part],
                            [(org.id, [p.plan.id for p in plans]) for org, plans in issuers],
                            plans_by_year=grouped(part), issuers=issuers)
        for plan_id, plan_facts in sorted(facts.plans.items()):
            self._page(urls.plan_url(plan_id), "plan",
                  [*self._plan_units(plan_facts), text_unit(plan_id), NEWS], p=plan_facts,
                  text_html=self.plan_html.get(plan_id, ""), document=self.documents.get(plan_id),
                  outline=page_facts.plan_outline(plan_facts), news=news_by_plan.get(plan_id, []),
                  sample_label=self._sample(plan_facts), files=self._plan_downloads(plan_facts))
        self._page(urls.AGENCIES, "agencies", self.every,
              provinces=facts.organisations_by_province())
        for org in facts.organisations_sorted():
            self._add_agency(org)
        self._page(urls.AREAS, "areas", self.every, areas=facts.areas_sorted())
        for area in facts.areas_sorted():
            per_plan = facts.areas.get(area.id, [])
            for paging, part in _list_pages(urls.area_url(area.id), per_plan, _area_weight,
                                            paging_limits.AREA_ROWS):
                self._list_page(paging, "area", [facts.plans[plan.id] for plan, _ in part],
                                area=area, tasks=part)
        self._page(urls.SEARCH, "search", self.every, search=SEARCH_PAGE, plans_by_year=recent,
                   every_year_shown=len(recent) == len(by_year))
        self._page("/404.html", "404", ())
        self._add_progress()
        self._add_open_data()
        write_pages(writer, self, self._jobs)

    def _add_agency(self, org: Organisation) -> None:
        """An agency's pages: its record and its part in each plan, newest plans first."""
        facts = self.facts
        involvement = facts.involvement.get(org.id, [])
        record = facts.records.get(org.id)
        # The "All plans" rows change with every plan the agency has a part in: printed on
        # the first page only (later pages link to it), a status edit leaves the pages that
        # do not show its plan as they are.
        totalled = record is not None and len(record.rows) > 1
        for paging, part in _list_pages(urls.agency_url(org.id), involvement,
                                        _involvement_weight, paging_limits.AGENCY_ROWS):
            first = paging.number == 1
            totals = record if totalled and first else None
            plans = [facts.plans[i.plan.id] for i in part]
            counted = [facts.plans[i.plan.id] for i in involvement] if totals else plans
            self._list_page(paging, "agency", plans,
                            (record is not None, totalled, totals and (totals.lead, totals.support)),
                            org=org, province=facts.data.provinces[org.id],
                            parent=facts.data.organisations.get(org.parent or ""),
                            children=facts.units.get(org.id, []), involvement=part,
                            shown=record.only({i.plan.id for i in part}) if record else None,
                            totals=totals, totalled=totalled, sample_label=self._sample(*counted))

    def _plan_units(self, p: PlanFacts) -> list[str]:
        """A plan's pages read the plan and the plans it cites and that cite it."""
        cited = [c.plan for c in p.citations if c.plan is not None]
        return _plans(p, *cited, *p.cited_by)

    def _plan_text(self, plan_id: str, path: Path) -> tuple[Document, str]:
        """A plan's text read into parts, and its body rendered (from the last build if it
        rendered the same plan)."""
        plan = self.facts.plans[plan_id].plan

        def make() -> tuple[Document, str]:
            issuer = self.facts.data.organisations[plan.issuer].name
            document = document_of(plan, issuer, path.read_text(encoding="utf-8"))
            return document, render_markdown(document.body, heading_shift=1)

        return self._remember(f"text:{plan_id}", [*_plans(plan), text_unit(plan_id)], make)

    def _plan_files(self, p: PlanFacts) -> list[DataFile]:
        """A plan's open-data files: made, or as the last build listed them (without their
        bytes, which stay in output/ unless a file there was changed; see `_data_bytes`)."""
        made: list[DataFile] = []

        def make() -> list[DataFile]:
            made.extend(plan_files(p))
            return [item.listed() for item in made]

        listed = self._remember(f"opendata:{p.plan.id}", self._plan_units(p), make)
        return made or listed

    def _data_bytes(self, item: DataFile) -> bytes:
        if item.has_content or item.plan_id is None:
            return item.content
        made = plan_files(self.facts.plans[item.plan_id])
        return next(f.content for f in made if f.url == item.url)

    def _remember(self, name: str, units: list[str], make: Callable[[], T]) -> T:
        """`make()`, or what the last build made from the same inputs (see `incremental`)."""
        cache: PageCache | None = self.settings.get(CACHE_SETTING)
        return make() if cache is None else cache.remember(name, units, make)

    def _page(self, url: str, template: str, units: Iterable[str], **context: Any) -> None:
        """Add a page to write; `units` are the inputs it reads besides the site's (see
        `incremental.inputs`): naming too few would let the page cache serve stale bytes."""
        self._jobs.append(PageJob(url, template, tuple(units), context))

    def _sample(self, *plans: PlanFacts) -> bool:
        """Show "Dữ liệu mẫu minh họa" when a page shows a sample report and the site says so."""
        shown = any(p.progress is not None and p.progress.sample for p in plans)
        return shown and self.settings["MINHBACH_CONFIG"].sample_data_label

    def _list_page(self, paging: Paging, template: str, plans: Sequence[PlanFacts],
                   printed: object = None, units: Iterable[str] = (), **context: Any) -> None:
        """One page of a long list. It reads the plans it shows (and `units`), and, as one
        value (see `incremental.shown`), where it stands in the list, the order of its
        plans, its description and sample label, and the list-wide facts it `printed`: a
        plan's edit renders again the pages that show that plan or print what changed."""
        context.setdefault("sample_label", self._sample(*plans))
        value = (paging, [p.plan.id for p in plans], self.context["descriptions"].get(paging.url),
                 context["sample_label"], printed)
        self._page(paging.url, template, [*_plans(*plans), *units, shown_unit(value)],
                   paging=paging, **context)

    def _downloads(self, *wanted: str) -> list[tuple[str, str]]:
        return [(url, self.data_files[url].title) for url in wanted if url in self.data_files]

    def _plan_downloads(self, plan: PlanFacts) -> list[tuple[str, str]]:
        names = ("ke-hoach.json", "nhiem-vu.csv", "chi-tieu.csv", "tien-do-nhiem-vu.csv",
                 "tien-do-chi-tieu.csv")
        return self._downloads(*(urls.data_url(plan.plan.id, name) for name in names))

    def _add_progress(self) -> None:
        """Report pages, task histories and the progress overview (/tien-do/)."""
        facts = self.facts
        site_files = self._downloads(urls.open_data_url("ke-hoach.csv"),
                                     urls.open_data_url("danh-muc.json"))
        for plan_id, plan_facts in sorted(facts.plans.items()):
            progress = plan_facts.progress
            if progress is None or not progress.reports:
                continue
            for report in progress.reports:
                base = urls.data_url(plan_id, f"bao-cao/{report.period.id}")
                self._page(urls.report_url(plan_id, report.period.id), "report",
                      _plans(plan_facts), p=plan_facts, r=report, sample_label=self._sample(plan_facts),
                      files=self._downloads(f"{base}.json", f"{base}-nhiem-vu.csv",
                                            f"{base}-chi-tieu.csv"))
            for task in plan_facts.tasks:
                self._page(urls.task_url(plan_id, task.task.id), "task",
                      _plans(plan_facts), p=plan_facts,
                      t=task, history=progress.task_history(task.task.id),
                      sample_label=self._sample(plan_facts),
                      files=self._downloads(urls.data_url(plan_id, "tien-do-nhiem-vu.csv")))
        every_plan = [(year, p) for year in facts.years for p in year.plans]
        for paging, part in _list_pages(urls.PROGRESS, every_plan, lambda _: paging_limits.PLAN_ROW,
                                        paging_limits.PROGRESS_ROWS):
            self._list_page(paging, "progress", [p for _, p in part], site_files,
                            years=[(year.only(plans), plans) for year, plans in grouped(part)],
                            files=site_files)
        for year in facts.years:
            for paging, part in _list_pages(urls.progress_year_url(year.year), year.plans,
                                            _year_weight, paging_limits.PROGRESS_ROWS):
                # The year's totals change with each of its plans: printed on the first
                # page only, like an agency's (see `_add_agency`).
                totals = year if paging.number == 1 else None
                self._list_page(paging, "progress_year", part,
                                (site_files, totals and _year_totals(totals)),
                                shown=year.only(part), totals=totals, files=site_files,
                                sample_label=self._sample(*(totals.plans if totals else part)))

    def _add_open_data(self) -> None:
        files = self.open_data
        by_plan: dict[str, list[DataFile]] = {}
        for item in files:
            if item.plan_id:
                by_plan.setdefault(item.plan_id, []).append(item)
        every_plan = [(self.facts.plans[pid], rows) for pid, rows in sorted(by_plan.items())]
        schema_urls = {f.schema: f.url for f in files if "/schema/" in f.url}
        for paging, part in _list_pages(urls.OPEN_DATA, every_plan, lambda pair: 2 + len(pair[1]),
                                        paging_limits.OPEN_DATA_ROWS):
            # Only the first page lists the whole site's files (their sizes change with
            # every plan, so it shows them all) and the schemas.
            first = paging.number == 1
            site = [f for f in files if first and not f.plan_id and "/schema/" not in f.url]
            schemas = [f for f in files if first and "/schema/" in f.url]
            plans = [pf for pf, _ in part]
            self._list_page(paging, "opendata", plans,
                            (_listing(site), _listing(schemas), schema_urls),
                            [u for pf in plans for u in self._plan_units(pf)],
                            site_files=site, schema_files=schemas, plan_files=part,
                            schema_urls=schema_urls,
                            sample_label=self._sample(*(self.facts.plans.values() if first
                                                        else plans)))
        self._write_data_files(files)

    def _write_data_files(self, files: list[DataFile]) -> None:
        """Into the build's staging folder, like the pages; a file whose inputs did not
        change stays as the last build published it (at size L, 600 MB in 17,000 files)."""
        cache: PageCache | None = self.settings.get(CACHE_SETTING)
        site = Path(self.output_path)
        for item in files:
            name = item.url.lstrip("/")
            units = self._plan_units(self.facts.plans[item.plan_id]) if item.plan_id else self.every
            key = cache.key(name, "opendata", units) if cache is not None else ""
            if cache is not None and cache.reuse(name, key):
                continue
            write_files(site, [replace(item, content=self._data_bytes(item))])
            if cache is not None:
                cache.record(name, key, site, [site / name])


def _list_pages(url: str, items: Sequence[T], weight: Callable[[T], int],
                limit: int) -> list[tuple[Paging, list[T]]]:
    """A list shown from `url` on, split into pages (`url`, `url`trang-2/, …)."""
    return paged(items, weight, limit, partial(urls.paged_url, url))


def _year_totals(year: YearProgress) -> tuple[object, ...]:
    """What a year's first page prints of the whole year."""
    return (year.counts, [(a.area.id, a.counts) for a in year.areas], len(year.late),
            bool(year.reported))


def _listing(files: Sequence[DataFile]) -> list[tuple[object, ...]]:
    """Files as a list of them shows them."""
    return [(f.url, f.title, f.format, f.size, f.schema, f.sample) for f in files]


def _area_weight(part: tuple[Plan, list[TaskFact]]) -> int:
    """A plan's section of an area page: heading and summary, then its task rows."""
    return 2 + len(part[1])


def _involvement_weight(part: Involvement) -> int:
    """An agency's part in a plan: record rows and heading, task rows, then indicator and
    duty lines (about four to a task row)."""
    lines = len(part.monitors) + len(part.implements) + len(part.duties)
    return 2 + len(part.leads) + len(part.supports) + (lines + 3) // 4


def _year_weight(p: PlanFacts) -> int:
    """A plan's row on a year's progress page and its late tasks in the list below."""
    latest = p.progress.latest if p.progress else None
    return paging_limits.PLAN_ROW + (len(latest.late) if latest else 0)
