"""Load every data file of a project into validated models, checking cross-references.

`load_dataset` is shared by `minhbach check` and `minhbach build`: it lists every
problem it finds before anything is built, and raises `InvalidProject` if any.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from .. import collector
from ..errors import InvalidProject, Location, Problem, Problems, relative
from ..incremental.memo import CACHE_FOLDER, Memo
from ..reading.agency_names import NameIndex
from ..reading.periods import Period, parse_period
from ..reading.timeline import parse_timeline
from .content_checks import check_files
from .content_files import MarkdownFiles
from .file_memo import FileMemo, Source, digest
from .lint import plan_warnings
from .loading import (
    Document,
    load_yaml,
    load_yaml_bytes,
)
from .models import (
    Area,
    AreasFile,
    Evidence,
    NewsMeta,
    Organisation,
    OrganisationsFile,
    PageMeta,
    Plan,
    Report,
    TaskStatus,
)
from .paths import safe_path
from .plan_agencies import province_index, resolve_plan_agencies
from .routes import news_url, page_url, route_problem
from .validation import parse_salvaging

M = TypeVar("M", bound=BaseModel)
# Tasks and indicators per plan: real plans have at most a few hundred; work on the
# pages grows with them, so a pasted or generated flood is refused before building.
MAX_ROWS = 2000


@dataclass
class Dataset:
    """Validated data of one project, with the documents kept for locating later problems."""

    root: Path
    areas: dict[str, Area] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    provinces: dict[str, str] = field(default_factory=dict)  # organisation id → province
    plans: dict[str, Plan] = field(default_factory=dict)
    plan_docs: dict[str, Document] = field(default_factory=dict)
    plan_texts: dict[str, Path] = field(default_factory=dict)
    # plan id → period id → report; data/reports/<plan-id>/<period-id>.yaml
    reports: dict[str, dict[str, Report]] = field(default_factory=dict)
    report_docs: dict[tuple[str, str], Document] = field(default_factory=dict)
    # Ids of entries left out for their own errors: naming them is not another error.
    broken_ids: set[str] = field(default_factory=set)
    # plan id → its required fields whose broken value a stand-in replaced (`validation`):
    # reports are not judged against a stand-in.
    plan_stand_ins: dict[str, frozenset[str]] = field(default_factory=dict)
    warnings: Problems = field(default_factory=Problems)
    _name_indexes: dict[str | None, NameIndex] = field(default_factory=dict, repr=False)
    # What each file gave when read before (`file_memo`); every plan and report is checked
    # against the areas and organisations, whose files' digests `_context` holds.
    files: FileMemo | None = field(default=None, repr=False, compare=False)
    _context: list[str] = field(default_factory=list, repr=False, compare=False)
    _plan_keys: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    def name_index(self, plan: Plan) -> NameIndex:
        """The names of the bodies of the plan's province, read once per province (every
        organisation is loaded before the first plan)."""
        province = self.provinces.get(plan.issuer)
        if province not in self._name_indexes:
            self._name_indexes[province] = province_index(plan, self.organisations,
                                                          self.provinces)
        return self._name_indexes[province]

    @cached_property
    def plan_files(self) -> dict[str, Path]:
        """Plans by file name: a plan with its own errors still counts as existing for links."""
        return {p.stem: p for p in (self.root / "data" / "plans").glob("*.yaml")}


@dataclass(frozen=True)
class _Parsed(Generic[M]):
    """What one YAML file gives alone: its model without its broken entries, the ids those
    entries gave, and every problem of its syntax and fields."""

    model: M | None
    doc: Document | None
    dropped: frozenset[str]
    stand_ins: frozenset[str]  # the required fields a stand-in replaced
    problems: tuple[Problem, ...]

    def replay(self, data: Dataset, problems: Problems,
               stand_ins: bool = True) -> tuple[M, Document] | None:
        """Record the file's problems and broken ids; its model and document if usable.

        Without `stand_ins`, a file whose required fields are broken is not checked
        further: a report's dates and plan decide every check of it.
        """
        problems.items.extend(self.problems)
        data.broken_ids.update(self.dropped)
        return self.usable(stand_ins)

    def usable(self, stand_ins: bool = True) -> tuple[M, Document] | None:
        if self.model is None or self.doc is None or (self.stand_ins and not stand_ins):
            return None
        return self.model, self.doc


R = TypeVar("R")


def _checked_file(path: Path, data: Dataset, model: type[M], context: tuple[str, ...],
                  check: Callable[[_Parsed[M]], R]) -> tuple[R, str | None]:
    """`check` of the file's `_Parsed`, kept under its bytes, the `context` it is checked
    against and the ids left out for errors so far; and that key (None when the file
    cannot be read: its reading says why on every load)."""
    files = _files(data)
    source = files.read(path)
    if source is None:
        problems = Problems()
        return check(_validated(load_yaml(path, data.root, problems), model, problems)), None
    key = digest(source.digest, model.__name__, *context, *sorted(data.broken_ids))
    return files.get(key, lambda: check(_parse_source(source, model))), key


def _parse_source(source: Source, model: type[M]) -> _Parsed[M]:
    problems = Problems()
    return _validated(load_yaml_bytes(source.content(), source.name, problems), model, problems)


def _validated(doc: Document | None, model: type[M], problems: Problems) -> _Parsed[M]:
    if doc is None:
        return _Parsed(None, None, frozenset(), frozenset(), tuple(problems.items))
    salvaged = parse_salvaging(doc, model, problems)
    return _Parsed(salvaged.model, doc, salvaged.dropped_ids, salvaged.stand_ins,
                   tuple(problems.items))


@contextmanager
def _own_broken_ids(data: Dataset, parsed: _Parsed[M]) -> Iterator[None]:
    """While a file is checked, its own broken entries count as existing, as they do for
    the files after it once it is loaded."""
    broken = set(data.broken_ids)
    data.broken_ids.update(parsed.dropped)
    try:
        yield
    finally:
        data.broken_ids = broken


def _files(data: Dataset) -> FileMemo:
    if data.files is None:
        data.files = FileMemo(data.root, None)
    return data.files


class _Registry:
    """First place each id was seen, so a duplicate names both places."""

    def __init__(self, what: str, problems: Problems) -> None:
        self.what = what
        self.seen: dict[str, Location] = {}
        self.problems = problems

    def claim(self, key: str, where: Location) -> bool:
        first = self.seen.get(key)
        if first is not None:
            self.problems.add(where, f"{self.what} “{key}” bị trùng; đã khai báo tại {first}")
            return False
        self.seen[key] = where
        return True


# Suggestions are compared with at most this many ids of a similar shape: difflib costs
# about 10 µs a pair, and a file with thousands of unknown ids must not take minutes.
MAX_SUGGESTION_CANDIDATES = 200


def _unknown(what: str, key: str, known: dict[str, object], where: str) -> str:
    similar = [k for k in known if k[:1] == key[:1] and abs(len(k) - len(key)) <= 3]
    close = difflib.get_close_matches(key, similar, n=3, cutoff=0.6) \
        if len(similar) <= MAX_SUGGESTION_CANDIDATES else []
    hint = f"; có phải: {', '.join(close)}?" if close else ""
    return f"không tìm thấy {what} “{key}” trong {where}{hint}"


def load_dataset(root: Path, keep: bool = False) -> Dataset:
    """With `keep`, what each file gave when read before is kept (in .minhbach-cache/check/
    of the project, and in this process's memory), so only changed files are read again."""
    problems = Problems()
    memo = Memo(root / CACHE_FOLDER / "check", in_process=True) if keep else None
    data = Dataset(root=root, files=FileMemo(root, memo))
    with collector.paused():
        _load_areas(data, problems)
        _load_organisations(data, problems)
        _load_plans(data, problems)
        _load_reports(data, problems)
        _load_plan_texts(data, problems)
        markdown = MarkdownFiles(root, _files(data))
        _check_content_links(data, markdown, problems)
        check_files(root, problems, {path: markdown[path].outline for path in markdown.paths})
        routes = _Registry("đường dẫn", problems)
        _load_news(data, markdown, problems, routes)
        _load_pages(data, markdown, problems, routes)
        data.files.finish()
    if problems:
        raise InvalidProject(problems, data.warnings)
    return data


def _load_areas(data: Dataset, problems: Problems) -> None:
    path = data.root / "data" / "areas.yaml"
    if not path.exists():
        problems.add(Location("data/areas.yaml"), "thiếu tệp danh mục lĩnh vực cải cách")
        return
    loaded = _load_context(path, data, AreasFile, problems)
    if loaded is None:
        return
    areas, doc = loaded
    registry = _Registry("mã lĩnh vực", problems)
    for i, area in enumerate(areas.areas):
        if registry.claim(area.id, doc.locate(("areas", i, "id"))):
            data.areas[area.id] = area


def _load_context(path: Path, data: Dataset, model: type[M],
                  problems: Problems) -> tuple[M, Document] | None:
    """A file every plan and report is checked against, its key noted in `data._context`."""
    parsed, key = _checked_file(path, data, model, (), lambda parsed: parsed)
    data._context.append(key or f"{path.name} unreadable")
    return parsed.replay(data, problems)


def _load_organisations(data: Dataset, problems: Problems) -> None:
    registry = _Registry("mã cơ quan", problems)
    parents: list[tuple[Organisation, Location]] = []
    for path in sorted((data.root / "data" / "organisations").glob("*.yaml")):
        loaded = _load_context(path, data, OrganisationsFile, problems)
        if loaded is None:
            continue
        orgs, doc = loaded
        for i, org in enumerate(orgs.organisations):
            if registry.claim(org.id, doc.locate(("organisations", i, "id"))):
                data.organisations[org.id] = org
                data.provinces[org.id] = orgs.province
            if org.parent:
                parents.append((org, doc.locate(("organisations", i, "parent"))))
    for org, where in parents:
        if org.parent not in data.organisations:
            problems.add(where, _unknown("cơ quan cấp trên", org.parent or "", data.organisations,
                                         "data/organisations/"))
    _check_cycles({org.id: org.parent for org, _ in parents},
                  {org.id: where for org, where in parents}, "cơ quan cấp trên", problems)


def _check_cycles(parents: dict[str, str | None], places: dict[str, Location], what: str,
                  problems: Problems) -> None:
    """A parent chain that comes back on itself is an error at each member of the loop.
    Each item is walked once, so a long chain costs linear time."""
    done: set[str] = set()
    for start in sorted(parents):
        chain: list[str] = []
        current: str | None = start
        while current in parents and current not in done:
            done.add(current)
            chain.append(current)
            current = parents[current]
        if current in chain:
            loop = chain[chain.index(current):]
            for i, member in enumerate(loop):
                shown = [loop[(i + k) % len(loop)] for k in range(min(len(loop), 5))]
                rest = " → …" if len(loop) > 5 else ""
                problems.add(places[member], f"{what} tạo thành vòng lặp: "
                             f"{' → '.join(shown)}{rest} → {member}")


@dataclass(frozen=True)
class _CheckedPlan:
    """A plan file checked against the areas and organisations: kept under its bytes, their
    files' and the ids left out for errors."""

    parsed: _Parsed[Plan]
    plan: Plan | None  # agencies resolved; None when the id is not the file's name
    id_at: Location | None  # where the id is written: not opening the document to find it
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    files: tuple[tuple[str, Location], ...]  # attachments named: the disk changes


def _load_plans(data: Dataset, problems: Problems) -> None:
    registry = _Registry("mã kế hoạch", problems)
    for path in sorted((data.root / "data" / "plans").glob("*.yaml")):
        checked, key = _checked_plan(path, data)
        loaded = checked.parsed.replay(data, problems)
        if loaded is None:
            continue
        plan, doc = loaded
        if plan.id != path.stem:
            problems.add(doc.locate(("id",)),
                         f"mã kế hoạch “{plan.id}” phải trùng tên tệp “{path.stem}”")
            continue
        if registry.claim(plan.id, checked.id_at or doc.locate(("id",))) \
                and checked.plan is not None:
            data.plans[plan.id] = checked.plan
            data.plan_docs[plan.id] = doc
            if checked.parsed.stand_ins:
                data.plan_stand_ins[plan.id] = checked.parsed.stand_ins
            data._plan_keys[plan.id] = key
            problems.items.extend(checked.problems)
            data.warnings.items.extend(checked.warnings)
            _check_files(checked.files, data, problems)


def _checked_plan(path: Path, data: Dataset) -> tuple[_CheckedPlan, str | None]:
    return _checked_file(path, data, Plan, tuple(data._context),
                         lambda parsed: _check_plan_file(parsed, path, data))


def _check_plan_file(parsed: _Parsed[Plan], path: Path, data: Dataset) -> _CheckedPlan:
    """Resolve, cross-check and lint the plan; its problems are recorded, not reported."""
    if parsed.model is None or parsed.doc is None or parsed.model.id != path.stem:
        return _CheckedPlan(parsed, None, None, (), (), ())
    problems, warnings, files = Problems(), Problems(), Files()
    with _own_broken_ids(data, parsed):
        plan = resolve_plan_agencies(parsed.model, parsed.doc, data.name_index(parsed.model),
                                     problems)
        _check_plan(plan, parsed.doc, data, problems, files)
        plan_warnings(plan, parsed.doc, data.name_index(plan), warnings)
    return _CheckedPlan(parsed, plan, parsed.doc.locate(("id",)), tuple(problems.items),
                        tuple(warnings.items), tuple(files))


def _check_files(files: tuple[tuple[str, Location], ...], data: Dataset,
                 problems: Problems) -> None:
    """A file the data names must be inside content/files/ and exist."""
    for value, where in files:
        try:
            safe_path(data.root, value)
        except ValueError as exc:
            problems.add(where, str(exc))


def _check_org(data: Dataset, doc: Document, loc: tuple[str | int, ...], key: str,
               problems: Problems) -> None:
    if key not in data.organisations and key not in data.broken_ids:
        problems.add(doc.locate(loc), _unknown("cơ quan", key, data.organisations,
                                               "data/organisations/"))


Files = list[tuple[str, Location]]  # attachments named, and where: checked on every load


def _check_plan(plan: Plan, doc: Document, data: Dataset, problems: Problems,
                files: Files) -> None:
    _check_org(data, doc, ("issuer",), plan.issuer, problems)
    _check_web_url(plan.source.url if plan.source else None, doc, ("source", "url"), problems)
    for rows, what, loc in ((plan.tasks(), "nhiệm vụ", "sections"),
                            (plan.indicators, "chỉ tiêu", "indicators")):
        if len(rows) > MAX_ROWS:
            problems.add(doc.locate((loc,), key=True), f"kế hoạch có {len(rows)} {what}; tối đa "
                         f"{MAX_ROWS} (hãy tách thành nhiều kế hoạch)")
    _check_indicators(plan, doc, data, problems)
    _check_sections(plan, doc, data, problems)
    for i, assignment in enumerate(plan.assignments):
        for j, org in enumerate(assignment.agencies):
            _check_org(data, doc, ("assignments", i, "agencies", j), org, problems)
    if plan.source and plan.source.file:
        files.append((plan.source.file, doc.locate(("source", "file"))))


def _check_indicators(plan: Plan, doc: Document, data: Dataset, problems: Problems) -> None:
    registry = _Registry("mã chỉ tiêu", problems)
    for i, indicator in enumerate(plan.indicators):
        registry.claim(indicator.id, doc.locate(("indicators", i, "id")))
        for key in ("monitoring", "implementing"):
            for j, org in enumerate(getattr(indicator, key)):
                _check_org(data, doc, ("indicators", i, key, j), org, problems)
    for i, indicator in enumerate(plan.indicators):
        if indicator.parent and indicator.parent not in {*registry.seen, *data.broken_ids}:
            problems.add(doc.locate(("indicators", i, "parent")),
                         _unknown("chỉ tiêu cha", indicator.parent, registry.seen, "kế hoạch này"))
    _check_cycles({i.id: i.parent for i in plan.indicators if i.parent},
                  {i.id: doc.locate(("indicators", n, "parent"))
                   for n, i in enumerate(plan.indicators)}, "chỉ tiêu cha", problems)


def _check_sections(plan: Plan, doc: Document, data: Dataset, problems: Problems) -> None:
    sections = _Registry("mã phần", problems)
    tasks = _Registry("mã nhiệm vụ", problems)
    parents: list[tuple[str, str, tuple[str | int, ...]]] = []
    for s, section in enumerate(plan.sections):
        sections.claim(section.id, doc.locate(("sections", s, "id")))
        if section.area not in data.areas and section.area not in data.broken_ids:
            problems.add(doc.locate(("sections", s, "area")),
                         _unknown("lĩnh vực", section.area, data.areas, "data/areas.yaml"))
        for t, task in enumerate(section.tasks):
            here = ("sections", s, "tasks", t)
            tasks.claim(task.id, doc.locate(here + ("id",)))
            for key in ("lead", "coordinating"):
                for j, org in enumerate(getattr(task, key)):
                    _check_org(data, doc, here + (key, j), org, problems)
            if task.parent:
                parents.append((task.id, task.parent, here + ("parent",)))
            _check_timeline(task.timeline, plan.year, doc, here + ("timeline",), problems)
    for (_, parent, loc) in parents:
        if parent not in tasks.seen and parent not in data.broken_ids:
            problems.add(doc.locate(loc), _unknown("nhiệm vụ cha", parent, tasks.seen, "kế hoạch này"))
    _check_cycles({task: parent for task, parent, _ in parents},
                  {task: doc.locate(loc) for task, _, loc in parents}, "nhiệm vụ cha", problems)


def _check_timeline(text: str | None, year: int, doc: Document, loc: tuple[str | int, ...],
                    problems: Problems) -> None:
    try:
        parse_timeline(text, year)
    except (ValueError, OverflowError) as exc:
        problems.add(doc.locate(loc), f"thời gian “{text}”: {exc}")


def _load_plan_texts(data: Dataset, problems: Problems) -> None:
    known = data.plan_files
    for path in sorted((data.root / "content" / "plans").glob("*.md")):
        if path.stem in known:
            data.plan_texts[path.stem] = path
        else:
            problems.add(Location(relative(path, data.root)),
                         _unknown("kế hoạch", path.stem, known, "data/plans/")
                         + " (tên tệp toàn văn phải trùng mã kế hoạch)")


def _check_content_links(data: Dataset, markdown: MarkdownFiles, problems: Problems) -> None:
    """Every `{plan}<id>` link in Markdown must name a plan that exists."""
    known = data.plan_files
    for path in markdown.paths:
        found = markdown[path]
        problems.items.extend(found.read_problems)
        for plan_id, where in found.plan_links:
            if plan_id not in known:
                problems.add(where, _unknown("kế hoạch", plan_id, known, "data/plans/"))


def _claim_route(url: str, meta: NewsMeta | PageMeta, where: Location,
                 routes: _Registry) -> None:
    problem = route_problem(url, meta.title)
    if problem:
        routes.problems.add(where, problem)
    else:
        routes.claim(url, where)


def _front_matter(path: Path, markdown: MarkdownFiles,
                  problems: Problems) -> tuple[Document, NewsMeta | PageMeta, Location] | None:
    found = markdown[path]
    problems.items.extend(found.front_problems)
    if found.front is None or found.meta is None or found.route_at is None:
        return None
    return found.front, found.meta, found.route_at


def _load_pages(data: Dataset, markdown: MarkdownFiles, problems: Problems,
                routes: _Registry) -> None:
    for path in markdown.pages:
        loaded = _front_matter(path, markdown, problems)
        if loaded is not None:
            _, meta, where = loaded
            _claim_route(page_url(meta), meta, where, routes)


def _load_news(data: Dataset, markdown: MarkdownFiles, problems: Problems,
               routes: _Registry) -> None:
    known = data.plan_files
    for path in markdown.news:
        loaded = _front_matter(path, markdown, problems)
        if loaded is None:
            continue
        doc, meta, where = loaded
        if meta.plan and meta.plan not in known:
            problems.add(doc.locate(("plan",)), _unknown("kế hoạch", meta.plan, known, "data/plans/"))
        _claim_route(news_url(meta), meta, where, routes)


REPORTS = "data/reports"
_DONE = (TaskStatus.HOAN_THANH, TaskStatus.HOAN_THANH_TRE_HAN)


def _load_reports(data: Dataset, problems: Problems) -> None:
    folder = data.root / REPORTS
    # Sorted as paths sort (by their parts), with tuples compared in C: 4,000 paths at L.
    for path in sorted(folder.rglob("*.yaml"), key=lambda p: p.parts) if folder.is_dir() else []:
        if len(path.relative_to(folder).parts) != 2:
            problems.add(Location(relative(path, data.root)), "tệp báo cáo phải nằm tại "
                         f"{REPORTS}/<mã kế hoạch>/<mã kỳ>.yaml, ví dụ {REPORTS}/"
                         "ag-792-kh-ubnd-2018/2018-quy-1.yaml")
            continue
        checked, _ = _checked_file(path, data, Report,
                                   (data._plan_keys.get(path.parent.name) or "no plan",),
                                   lambda parsed, path=path: _check_report_file(parsed, path,
                                                                                data))
        loaded = checked.parsed.replay(data, problems, stand_ins=False)
        if loaded is None:
            continue
        report, doc = loaded
        placed = _place_report(report, doc, path, data, problems)
        if placed is not None:
            data.reports.setdefault(report.plan, {})[report.period] = report
            data.report_docs[(report.plan, report.period)] = doc
            problems.items.extend(checked.problems)
            _check_files(checked.files, data, problems)


@dataclass(frozen=True)
class _CheckedReport:
    """A report file checked against its plan: kept under its bytes, its plan's key and the
    ids left out for errors. Where it stands (its plan and period, named by its folder and
    file name) is checked on every load."""

    parsed: _Parsed[Report]
    problems: tuple[Problem, ...]
    files: tuple[tuple[str, Location], ...]


def _check_report_file(parsed: _Parsed[Report], path: Path, data: Dataset) -> _CheckedReport:
    problems, files = Problems(), Files()
    loaded = parsed.usable(stand_ins=False)
    if loaded is not None:
        report, doc = loaded
        period = _place_report(report, doc, path, data, Problems())  # said on every load
        if period is not None:
            with _own_broken_ids(data, parsed):
                _check_report(report, period, doc, data, problems, files)
    return _CheckedReport(parsed, tuple(problems.items), tuple(files))


def _place_report(report: Report, doc: Document, path: Path, data: Dataset,
                  problems: Problems) -> Period | None:
    """The report's period when its file stands where its plan and period say it should."""
    folder, stem = path.parent.name, path.stem
    known = data.plan_files
    if report.plan != folder:
        problems.add(doc.locate(("plan",)),
                     f"mã kế hoạch “{report.plan}” phải trùng tên thư mục “{folder}”")
        return None
    if report.plan not in known:
        problems.add(doc.locate(("plan",)), _unknown("kế hoạch", report.plan, known, "data/plans/"))
        return None
    if report.period != stem:
        problems.add(doc.locate(("period",)),
                     f"mã kỳ báo cáo “{report.period}” phải trùng tên tệp “{stem}”")
        return None
    try:
        period = parse_period(report.period)
    except ValueError as exc:
        problems.add(doc.locate(("period",)), str(exc))
        return None
    plan = data.plans.get(report.plan)
    if plan is None or "year" in data.plan_stand_ins.get(plan.id, ()):
        return None  # the plan has errors of its own, already reported
    if period.year != plan.year:
        problems.add(doc.locate(("period",)), f"kỳ báo cáo năm {period.year} không thuộc kế hoạch "
                     f"năm {plan.year}; tên tệp phải bắt đầu bằng {plan.year}-")
        return None
    return period


def _check_report(report: Report, period: Period, doc: Document, data: Dataset,
                  problems: Problems, files: Files) -> None:
    if report.issuer:
        _check_org(data, doc, ("issuer",), report.issuer, problems)
    _check_web_url(report.source.url if report.source else None, doc, ("source", "url"), problems)
    if report.cutoff > report.date:
        problems.add(doc.locate(("cutoff",)), f"ngày chốt số liệu (cutoff) {report.cutoff} "
                     f"sau ngày báo cáo (date) {report.date}")
    if report.cutoff < period.start:
        problems.add(doc.locate(("cutoff",)), f"ngày chốt số liệu (cutoff) {report.cutoff} "
                     f"trước ngày đầu kỳ {period.phrase} ({period.start})")
    _check_task_results(report, doc, data, problems, files)
    _check_indicator_results(report, doc, data, problems, files)


def _check_result_ids(rows: list[str], field: str, known: dict[str, object], what: str,
                      plan_id: str, doc: Document, problems: Problems,
                      broken: set[str]) -> None:
    """Each result names an existing row of the plan, once."""
    seen = _Registry(f"kết quả của {what}", problems)
    for i, key in enumerate(rows):
        where = doc.locate((f"{field}s", i, field))
        if key not in known and key not in broken:
            problems.add(where, _unknown(what, key, known, f"kế hoạch {plan_id}"))
        seen.claim(key, where)


def _check_task_results(report: Report, doc: Document, data: Dataset, problems: Problems,
                        files: Files) -> None:
    plan = data.plans[report.plan]
    known = {task.id: task for _, task in plan.tasks()}
    _check_result_ids([r.task for r in report.tasks], "task", known, "nhiệm vụ", plan.id, doc,
                      problems, data.broken_ids)
    for i, result in enumerate(report.tasks):
        here = ("tasks", i)
        if result.status == TaskStatus.KHONG_THUC_HIEN and not result.reason:
            problems.add(doc.locate(here + ("status",)), "trạng thái “khong-thuc-hien” (không thực "
                         "hiện) cần ghi lý do ở trường “reason”")
        if result.completed and result.status not in _DONE:
            problems.add(doc.locate(here + ("completed",)), "chỉ ghi ngày hoàn thành (completed) khi "
                         "trạng thái là “hoan-thanh” hoặc “hoan-thanh-tre-han”")
        if result.completed and result.completed > report.cutoff:
            problems.add(doc.locate(here + ("completed",)), f"ngày hoàn thành {result.completed} "
                         f"sau ngày chốt số liệu {report.cutoff} của báo cáo")
        _check_evidence(result.evidence, doc, here, problems, files)


def _check_indicator_results(report: Report, doc: Document, data: Dataset,
                             problems: Problems, files: Files) -> None:
    plan = data.plans[report.plan]
    known = {indicator.id: indicator for indicator in plan.indicators}
    _check_result_ids([r.indicator for r in report.indicators], "indicator", known, "chỉ tiêu",
                      plan.id, doc, problems, data.broken_ids)
    for i, result in enumerate(report.indicators):
        _check_evidence(result.evidence, doc, ("indicators", i), problems, files)


def _check_web_url(url: str | None, doc: Document, loc: tuple[str | int, ...],
                   problems: Problems) -> None:
    """Links typed in data are published as hrefs: only the web's own schemes."""
    if url and not url.lower().startswith(("https://", "http://")):
        problems.add(doc.locate(loc), f"đường dẫn “{url}” phải bắt đầu bằng https:// hoặc "
                     "http://")


def _check_evidence(items: list[Evidence], doc: Document, here: tuple[str | int, ...],
                    problems: Problems, files: Files) -> None:
    for j, item in enumerate(items):
        at = here + ("evidence", j)
        if not (item.number or item.url or item.file or item.title):
            problems.add(doc.locate(at), "minh chứng cần ít nhất một trong các trường number (số "
                         "văn bản), title, url (đường dẫn) hoặc file (tệp)")
        _check_web_url(item.url, doc, at + ("url",), problems)
        if item.file:
            files.append((item.file, doc.locate(at + ("file",))))
