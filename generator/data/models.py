"""The typed data model: the single source of truth for every data file kind.

Models hold what the files say, as written; derived readings (timelines, targets,
progress) live in their own modules. Nothing here knows about HTML.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from ..reading.vietnamese import slugify

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
# Dates of CCHC documents and their results: anything outside is a typing mistake.
FIRST_YEAR, LAST_YEAR = 1945, 2100


def plausible_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"năm {year} nằm ngoài khoảng {FIRST_YEAR}–{LAST_YEAR}")
    return year


def _plausible_date(value: dt.date) -> dt.date:
    plausible_year(value.year)
    return value


_NEWS_FORMS = {10: "%Y-%m-%d", 16: "%Y-%m-%d %H:%M", 19: "%Y-%m-%d %H:%M:%S"}


def _news_time(value: str) -> str:
    """A news date as written ("2019-01-23 08:30"), refused when that day or time does not exist."""
    try:
        moment = dt.datetime.strptime(value, _NEWS_FORMS[len(value)])
    except ValueError:
        raise ValueError(f"ngày giờ “{value}” không tồn tại; cần dạng NNNN-TT-NN GG:PP, "
                         "ví dụ 2019-01-23 08:30") from None
    plausible_year(moment.year)
    return value


Date = Annotated[dt.date, AfterValidator(_plausible_date)]
NewsTime = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$"),
                     AfterValidator(_news_time)]


class Strict(BaseModel):
    # Unknown keys are typos staff need to hear about; numbers typed without quotes
    # ("number: 12") are accepted as the text they were meant to be.
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Level(StrEnum):
    TRUNG_UONG = "trung-uong"
    TINH = "tinh"
    SO = "so"
    HUYEN = "huyen"
    XA = "xa"
    DON_VI = "don-vi"
    DOAN_THE = "doan-the"
    NHOM = "nhom"


class PlanStatus(StrEnum):
    DU_THAO = "du-thao"
    CON_HIEU_LUC = "con-hieu-luc"
    HET_HIEU_LUC = "het-hieu-luc"
    CHUA_XAC_DINH = "chua-xac-dinh"


class Area(Strict):
    id: Id
    name: Short
    order: int
    description: Text | None = None


class AreasFile(Strict):
    areas: list[Area]


class Organisation(Strict):
    id: Id
    name: Short
    short_name: Short | None = None
    level: Level
    parent: Id | None = None
    aliases: list[Short] = []

    @property
    def label(self) -> str:
        """The name plans use for it: the short name when there is one."""
        return self.short_name or self.name


class OrganisationsFile(Strict):
    province: Short
    organisations: list[Organisation]


class Citation(Strict):
    text: Text
    type: Short | None = None
    number: Short | None = None
    date: Date | None = None
    issuer_text: Short | None = None


class Signer(Strict):
    name: Short | None = None
    title: Short | None = None


class Source(Strict):
    description: Short | None = None
    seed: Short | None = None
    url: Short | None = None
    file: Short | None = None  # the original document (PDF, Word) in content/files/


class Indicator(Strict):
    id: Id
    number: Short | None = None
    parent: Id | None = None
    group: Short | None = None
    text: Text
    target: Short | None = None
    monitoring: list[Id] = []
    monitoring_text: Short | None = None
    implementing: list[Id] = []
    implementing_text: Short | None = None
    note: Text | None = None


class Task(Strict):
    id: Id
    number: Short | None = None
    parent: Id | None = None
    title: Text
    product: Short | None = None
    lead: list[Id] = []
    lead_text: Short | None = None
    coordinating: list[Id] = []
    coordinating_text: Short | None = None
    timeline: Short | None = None
    note: Text | None = None


class Section(Strict):
    id: Id
    number: Short | None = None
    title: Short
    area: Id
    tasks: list[Task] = []


class Assignment(Strict):
    agencies: list[Id] = []
    heading: Short
    duties: list[Text] = []


class ReportingItem(Strict):
    report: Short
    due: Short | None = None


class Plan(Strict):
    id: Id
    number: Short | None = None
    number_text: Short | None = None
    type: Short
    title: Short
    issuer: Id
    place: Short | None = None
    issued: Date | None = None
    issued_text: Short | None = None
    effective: Date | None = None
    signer: Signer | None = None
    field: Short | None = None
    year: Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
    status: PlanStatus
    source: Source | None = None
    legal_basis: list[Citation] = []
    recipients: list[Short] = []
    indicators: list[Indicator] = []
    sections: list[Section] = []
    assignments: list[Assignment] = []
    reporting_schedule: list[ReportingItem] = []
    notes: Text | None = None

    def tasks(self) -> list[tuple[Section, Task]]:
        return [(section, task) for section in self.sections for task in section.tasks]


class NewsMeta(Strict):
    """Front matter of a news post (content/news/*.md)."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)

    title: Short
    date: NewsTime
    category: Short | None = None
    plan: Id | None = None
    slug: Id | None = None
    summary: Text | None = None
    note: Text | None = None
    modified: NewsTime | None = None


class TaskStatus(StrEnum):
    """The fixed list of task statuses a report may give (Vietnamese labels in `progress`)."""

    HOAN_THANH = "hoan-thanh"
    HOAN_THANH_TRE_HAN = "hoan-thanh-tre-han"
    DANG_THUC_HIEN = "dang-thuc-hien"
    CHUA_THUC_HIEN = "chua-thuc-hien"
    KHONG_THUC_HIEN = "khong-thuc-hien"


class Evidence(Strict):
    """A document that shows the result: its number, a link, or a file in content/files/."""

    number: Short | None = None
    title: Short | None = None
    date: Date | None = None
    url: Short | None = None
    file: Short | None = None


class TaskResult(Strict):
    task: Id
    status: TaskStatus
    completed: Date | None = None
    note: Text | None = None
    reason: Text | None = None
    evidence: list[Evidence] = []

    @field_validator("status", mode="before")
    @classmethod
    def _status_as_words(cls, value: object) -> object:
        # Staff may type the status as it reads ("Hoàn thành trễ hạn"); accept it when its
        # slug is one of the values, and leave anything else for the enum to report.
        if isinstance(value, str) and slugify(value) in TaskStatus._value2member_map_:
            return slugify(value)
        return value


class IndicatorResult(Strict):
    indicator: Id
    achieved: Short | None = None
    note: Text | None = None
    evidence: list[Evidence] = []


class Report(Strict):
    """One report on one plan for one period: data/reports/<plan-id>/<period-id>.yaml."""

    plan: Id
    period: Id
    sample: bool = False
    title: Short | None = None
    number: Short | None = None
    date: Date
    cutoff: Date
    issuer: Id | None = None
    summary: Text | None = None
    source: Source | None = None
    tasks: list[TaskResult] = []
    indicators: list[IndicatorResult] = []

    @field_validator("tasks", "indicators", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        # "tasks:" with every row still commented out (as `minhbach new report` writes it)
        # is YAML null: nothing reported yet, not a mistake.
        return [] if value is None else value


class PageMeta(Strict):
    """Front matter of a static page (content/pages/*.md)."""

    title: Short
    slug: Id | None = None
    summary: Text | None = None
