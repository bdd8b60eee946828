"""Reporting periods, read from the period id of a report file name.

Plans ask for reports "quý I, 6 tháng, quý III, năm" and, for some duties, every month.
A report file is named after its period (data/reports/<plan-id>/2018-quy-1.yaml), so the
id alone gives the period's kind, bounds and Vietnamese name.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

ALLOWED_FORMS = ("<năm>-quy-1 … <năm>-quy-4, <năm>-6-thang, <năm>-9-thang, <năm>-nam, "
                 "<năm>-thang-1 … <năm>-thang-12 (ví dụ 2018-quy-1, 2018-6-thang, 2018-nam)")

_PERIOD_ID = re.compile(r"^(\d{4})-(?:quy-(\d+)|(6)-thang|(9)-thang|(nam)|thang-(\d+))$")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class PeriodKind(StrEnum):
    MONTH = "thang"
    QUARTER = "quy"
    HALF_YEAR = "6-thang"
    NINE_MONTHS = "9-thang"
    YEAR = "nam"


@dataclass(frozen=True)
class Period:
    """A reporting period: `start`/`end` are its first and last day."""

    id: str
    kind: PeriodKind
    year: int
    number: int | None  # the month or quarter; None for 6 tháng, 9 tháng and năm
    start: date
    end: date

    @property
    def official_cutoff(self) -> date:
        """The cut-off date for the period's figures (Nghị định 09/2019/NĐ-CP, Điều 12): the
        14th of its last month — quý I: 14/3, 6 tháng: 14/6, quý III: 14/9, năm: 14/12."""
        return date(self.year, self.end.month, 14)

    @property
    def final(self) -> bool:
        """The year's report: what is not met by now is not met."""
        return self.kind == PeriodKind.YEAR

    @property
    def label(self) -> str:
        """"Quý I năm 2018", "6 tháng đầu năm 2018", "Tháng 5 năm 2024", "Năm 2018"."""
        return {
            PeriodKind.MONTH: f"Tháng {self.number} năm {self.year}",
            PeriodKind.QUARTER: f"Quý {_ROMAN.get(self.number or 0)} năm {self.year}",
            PeriodKind.HALF_YEAR: f"6 tháng đầu năm {self.year}",
            PeriodKind.NINE_MONTHS: f"9 tháng đầu năm {self.year}",
            PeriodKind.YEAR: f"Năm {self.year}",
        }[self.kind]

    @property
    def phrase(self) -> str:
        """The label inside a sentence: "quý I năm 2018" (only the first letter lowered)."""
        return self.label[0].lower() + self.label[1:]

    @property
    def short_label(self) -> str:
        """"Quý I/2018", "6 tháng/2018", "Tháng 5/2024", "Năm 2018"."""
        return {
            PeriodKind.MONTH: f"Tháng {self.number}/{self.year}",
            PeriodKind.QUARTER: f"Quý {_ROMAN.get(self.number or 0)}/{self.year}",
            PeriodKind.HALF_YEAR: f"6 tháng/{self.year}",
            PeriodKind.NINE_MONTHS: f"9 tháng/{self.year}",
            PeriodKind.YEAR: f"Năm {self.year}",
        }[self.kind]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_period(period_id: str) -> Period:
    """Read a period id ("2018-quy-1"); ValueError in Vietnamese naming the allowed forms."""
    match = _PERIOD_ID.match(period_id)
    if not match:
        raise ValueError(f"mã kỳ báo cáo “{period_id}” không đúng dạng; dùng {ALLOWED_FORMS}")
    year = int(match.group(1))
    quarter, half, nine, whole, month = match.group(2, 3, 4, 5, 6)
    if quarter is not None:
        number = int(quarter)
        if not 1 <= number <= 4:
            raise ValueError(f"quý không tồn tại: {quarter} (chỉ có quy-1 đến quy-4)")
        return Period(period_id, PeriodKind.QUARTER, year, number, date(year, 3 * number - 2, 1),
                      _month_end(year, 3 * number))
    if month is not None:
        number = int(month)
        if not 1 <= number <= 12 or month.startswith("0"):
            raise ValueError(f"tháng không hợp lệ: “{month}” (viết thang-1 đến thang-12)")
        return Period(period_id, PeriodKind.MONTH, year, number, date(year, number, 1),
                      _month_end(year, number))
    if half is not None:
        return Period(period_id, PeriodKind.HALF_YEAR, year, None, date(year, 1, 1),
                      date(year, 6, 30))
    if nine is not None:
        return Period(period_id, PeriodKind.NINE_MONTHS, year, None, date(year, 1, 1),
                      date(year, 9, 30))
    assert whole is not None
    return Period(period_id, PeriodKind.YEAR, year, None, date(year, 1, 1), date(year, 12, 31))
