"""Open data: every plan, task, indicator and report status as CSV and JSON under /du-lieu/.

URL scheme (documented in docs/data-format.md, "Dữ liệu mở"):

    /du-lieu/danh-muc.json                         every file below, with size and schema
    /du-lieu/ke-hoach.csv                          one row per plan, at its latest report
    /du-lieu/schema/<name>.schema.json             JSON Schemas (exports.SCHEMAS)
    /du-lieu/<plan-id>/ke-hoach.json               the plan as written, with its readings
    /du-lieu/<plan-id>/nhiem-vu.csv                its tasks
    /du-lieu/<plan-id>/chi-tieu.csv                its indicators
    /du-lieu/<plan-id>/tien-do-nhiem-vu.csv        every task in every report (long format)
    /du-lieu/<plan-id>/tien-do-chi-tieu.csv        every indicator in every report
    /du-lieu/<plan-id>/bao-cao/<period-id>.json    one report, as its page shows it
    /du-lieu/<plan-id>/bao-cao/<period-id>-nhiem-vu.csv, …-chi-tieu.csv

CSV files are UTF-8 with a byte-order mark (so Excel reads Vietnamese right), one header
row of field names, CRLF line ends; lists are joined with "; ", booleans are true/false,
dates are YYYY-MM-DD, empty cells mean null; a cell that would start with =, +, -, @, tab or
carriage return starts with ' instead, so that no spreadsheet runs it as a formula (JSON
keeps the text as written). Files are built in memory, in a fixed order,
so that the /du-lieu/ page can list their sizes and builds stay byte-identical.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_json

from ..facts.derive import Facts, PlanFacts
from ..facts.progress import ReportProgress
from ..site import urls
from .exports import (
    SCHEMAS,
    CatalogueEntry,
    CatalogueOut,
    EvidenceOut,
    IndicatorRow,
    PlanIndicatorRow,
    PlanSummaryRow,
    PlanTaskRow,
    TaskRow,
    indicator_row,
    plan_indicator_row,
    plan_out,
    plan_summary_row,
    plan_task_row,
    report_out,
    schema_url,
    task_row,
)

BOM = "\ufeff"


@dataclass(frozen=True)
class DataFile:
    url: str
    content: bytes
    title: str
    schema: str  # a key of exports.SCHEMAS
    plan_id: str | None = None
    period_id: str | None = None
    sample: bool = False
    size: int = -1  # bytes of the content, given only by `listed`

    def __post_init__(self) -> None:
        if self.size < 0:
            object.__setattr__(self, "size", len(self.content))

    @property
    def format(self) -> str:
        return "CSV" if self.url.endswith(".csv") else "JSON"

    def listed(self) -> DataFile:
        """The file as lists and catalogues show it, without its bytes (a build keeps the
        listing of every plan's files; the bytes are 600 MB at size L)."""
        return replace(self, content=b"")

    @property
    def has_content(self) -> bool:
        return len(self.content) == self.size


def _cell(value: Any) -> str:
    if type(value) is str:  # most cells: checked first, as this runs for every cell
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        # Evidence items hold "; " themselves often; "|" keeps them apart.
        sep = " | " if any(isinstance(v, EvidenceOut) for v in value) else "; "
        return sep.join(_cell(v) for v in value)
    if isinstance(value, EvidenceOut):
        parts = [value.number, value.title, value.date.isoformat() if value.date else None,
                 value.url, value.file]
        return " — ".join(p for p in parts if p)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell: str) -> str:
    """The cell as a spreadsheet shows it as text: a leading ' where it could start a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _csv_text(rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def csv_lines(model: type[BaseModel], rows: Iterable[BaseModel]) -> str:
    """The data lines of a CSV file, without its header: a report's lines are written once
    and serve both its own file and the plan's file of every report."""
    names = list(model.model_fields)
    return _csv_text([_inert(_cell(getattr(row, name))) for name in names] for row in rows)


def csv_file(model: type[BaseModel], *lines: str) -> bytes:
    """UTF-8 with BOM, one header row (the model's field names), CRLF; no cell is a formula."""
    return (BOM + _csv_text([list(model.model_fields)]) + "".join(lines)).encode("utf-8")


def csv_bytes(model: type[BaseModel], rows: Iterable[BaseModel]) -> bytes:
    return csv_file(model, csv_lines(model, rows))


# pydantic-core writes what json.dumps(ensure_ascii=False, indent=2) writes, ten times
# faster, except floats below 1e-4, which Python writes with an exponent ("1e-05") and
# pydantic-core in full ("0.00005") or as "1e-5": a file showing either form, even inside
# a text, is written by json.dumps. Two literal scans: far cheaper than one alternation.
_NEGATIVE_EXPONENT = re.compile(rb"e-\d")


def json_bytes(value: BaseModel | dict[str, Any]) -> bytes:
    data = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
    text = to_json(data, indent=2)
    if b"0.0000" in text or _NEGATIVE_EXPONENT.search(text):
        text = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    return text + b"\n"


@dataclass(frozen=True)
class _ReportRows:
    """One report's task and indicator rows, built once for its JSON and CSV files."""

    progress: ReportProgress
    tasks: list[TaskRow]
    indicators: list[IndicatorRow]
    task_lines: str
    indicator_lines: str


def _report_rows(progress: ReportProgress) -> _ReportRows:
    sample = progress.report.sample
    tasks = [task_row(t, sample) for t in progress.tasks]
    indicators = [indicator_row(i, sample) for i in progress.indicators]
    return _ReportRows(progress, tasks, indicators, csv_lines(TaskRow, tasks),
                       csv_lines(IndicatorRow, indicators))


def plan_files(facts: PlanFacts) -> list[DataFile]:
    plan = facts.plan
    progress = facts.progress
    sample = bool(progress and progress.sample)
    files = [
        DataFile(urls.data_url(plan.id, "ke-hoach.json"), json_bytes(plan_out(facts)),
                 "Kế hoạch (nguyên văn các trường) kèm cách đọc thời gian và chỉ tiêu",
                 "ke-hoach", plan.id, sample=sample),
        DataFile(urls.data_url(plan.id, "nhiem-vu.csv"),
                 csv_bytes(PlanTaskRow, [plan_task_row(t) for t in facts.tasks]),
                 "Nhiệm vụ của kế hoạch", "nhiem-vu", plan.id, sample=sample),
        DataFile(urls.data_url(plan.id, "chi-tieu.csv"),
                 csv_bytes(PlanIndicatorRow, [plan_indicator_row(i) for i in facts.indicators]),
                 "Chỉ tiêu của kế hoạch", "chi-tieu", plan.id, sample=sample),
    ]
    reports = [_report_rows(r) for r in progress.reports] if progress else []
    if reports:
        files += [
            DataFile(urls.data_url(plan.id, "tien-do-nhiem-vu.csv"),
                     csv_file(TaskRow, *(r.task_lines for r in reports)),
                     "Trạng thái mọi nhiệm vụ qua các kỳ báo cáo", "tien-do-nhiem-vu", plan.id,
                     sample=sample),
            DataFile(urls.data_url(plan.id, "tien-do-chi-tieu.csv"),
                     csv_file(IndicatorRow, *(r.indicator_lines for r in reports)),
                     "Kết quả mọi chỉ tiêu qua các kỳ báo cáo", "tien-do-chi-tieu", plan.id,
                     sample=sample),
        ]
    for rows in reports:
        period, is_sample = rows.progress.period, rows.progress.report.sample
        base = f"bao-cao/{period.id}"
        files += [
            DataFile(urls.data_url(plan.id, f"{base}.json"),
                     json_bytes(report_out(rows.progress, rows.tasks, rows.indicators)),
                     f"Báo cáo {period.phrase}: tổng hợp, nhiệm vụ, chỉ tiêu", "bao-cao",
                     plan.id, period.id, is_sample),
            DataFile(urls.data_url(plan.id, f"{base}-nhiem-vu.csv"),
                     csv_file(TaskRow, rows.task_lines),
                     f"Trạng thái nhiệm vụ, {period.phrase}", "tien-do-nhiem-vu",
                     plan.id, period.id, is_sample),
            DataFile(urls.data_url(plan.id, f"{base}-chi-tieu.csv"),
                     csv_file(IndicatorRow, rows.indicator_lines),
                     f"Kết quả chỉ tiêu, {period.phrase}", "tien-do-chi-tieu",
                     plan.id, period.id, is_sample),
        ]
    return files


def _schema_files() -> list[DataFile]:
    return [DataFile(schema_url(name), json_bytes(model.model_json_schema()),
                     f"JSON Schema: {model.__name__}", name)
            for name, model in sorted(SCHEMAS.items())]


def catalogue(files: list[DataFile]) -> CatalogueOut:
    return CatalogueOut(files=[
        CatalogueEntry(url=f.url, title=f.title, format=f.format, schema_url=schema_url(f.schema),
                       plan_id=f.plan_id, period_id=f.period_id, bytes=f.size, sample=f.sample)
        for f in files])


def build_files(facts: Facts, per_plan: Callable[[PlanFacts], list[DataFile]] = plan_files,
                ) -> list[DataFile]:
    """Every open-data file of the site, catalogue last, in a fixed order; `per_plan`
    gives a plan's files (a build passes `plan_files` through its cache)."""
    plans = [facts.plans[plan_id] for plan_id in sorted(facts.plans)]
    files = [DataFile(urls.open_data_url("ke-hoach.csv"),
                      csv_bytes(PlanSummaryRow, [plan_summary_row(p) for p in plans]),
                      "Mọi kế hoạch, kèm tiến độ ở báo cáo gần nhất", "tong-hop-ke-hoach",
                      sample=any(p.progress and p.progress.sample for p in plans))]
    for plan in plans:
        files += per_plan(plan)
    files += _schema_files()
    listed = catalogue(files)
    files.append(DataFile(urls.open_data_url("danh-muc.json"), json_bytes(listed),
                          "Danh mục mọi tệp dữ liệu mở", "danh-muc"))
    return files


def write_files(output: Path, files: Iterable[DataFile]) -> None:
    for item in files:
        path = output / item.url.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(item.content)
