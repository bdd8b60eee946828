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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..facts.derive import Facts, PlanFacts
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

    @property
    def format(self) -> str:
        return "CSV" if self.url.endswith(".csv") else "JSON"

    @property
    def size(self) -> int:
        return len(self.content)


def _cell(value: Any) -> str:
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


def csv_bytes(model: type[BaseModel], rows: Iterable[BaseModel]) -> bytes:
    """UTF-8 with BOM, one header row (the model's field names), CRLF; no cell is a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    names = list(model.model_fields)
    writer.writerow(names)
    for row in rows:
        writer.writerow([_inert(_cell(getattr(row, name))) for name in names])
    return (BOM + buffer.getvalue()).encode("utf-8")


def json_bytes(value: BaseModel | dict[str, Any]) -> bytes:
    data = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


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
    reports = progress.reports if progress else []
    if reports:
        files += [
            DataFile(urls.data_url(plan.id, "tien-do-nhiem-vu.csv"),
                     csv_bytes(TaskRow, [task_row(t, r.report.sample)
                                         for r in reports for t in r.tasks]),
                     "Trạng thái mọi nhiệm vụ qua các kỳ báo cáo", "tien-do-nhiem-vu", plan.id,
                     sample=sample),
            DataFile(urls.data_url(plan.id, "tien-do-chi-tieu.csv"),
                     csv_bytes(IndicatorRow, [indicator_row(i, r.report.sample)
                                              for r in reports for i in r.indicators]),
                     "Kết quả mọi chỉ tiêu qua các kỳ báo cáo", "tien-do-chi-tieu", plan.id,
                     sample=sample),
        ]
    for report in reports:
        period, is_sample = report.period, report.report.sample
        base = f"bao-cao/{period.id}"
        files += [
            DataFile(urls.data_url(plan.id, f"{base}.json"), json_bytes(report_out(report)),
                     f"Báo cáo {period.phrase}: tổng hợp, nhiệm vụ, chỉ tiêu", "bao-cao",
                     plan.id, period.id, is_sample),
            DataFile(urls.data_url(plan.id, f"{base}-nhiem-vu.csv"),
                     csv_bytes(TaskRow, [task_row(t, is_sample) for t in report.tasks]),
                     f"Trạng thái nhiệm vụ, {period.phrase}", "tien-do-nhiem-vu",
                     plan.id, period.id, is_sample),
            DataFile(urls.data_url(plan.id, f"{base}-chi-tieu.csv"),
                     csv_bytes(IndicatorRow, [indicator_row(i, is_sample)
                                              for i in report.indicators]),
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
