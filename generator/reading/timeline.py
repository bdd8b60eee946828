"""Machine readings of the free Vietnamese timelines of plan tasks, next to the text as written.

Plans write a task's time as a phrase, not a date: "Quý II, quý III/2018", "Tháng 8 đến
11/2018", "Trước ngày 15 hàng quý", "Thường xuyên", "Theo Kế hoạch của UBND tỉnh". This
module reads such phrases into a `Timeline`; the site shows both, so a reading never hides
what the plan says.

Readings, in the order they are tried:

* UNSCHEDULED: the phrase defers to something else ("Theo …", "Khi có …", "Căn cứ …").
* RECURRING: a cadence ("Hàng quý", "hằng tháng", "định kỳ 6 tháng", "03 tháng/lần",
  "tháng cuối quý"). When several are named ("Định kỳ hàng quý, 6 tháng, năm") the finest
  wins, since the task comes round at that pace.
* CONTINUOUS: "Thường xuyên", "Liên tục", "Hàng ngày"; and, found while reading a period, a
  start with no end ("Từ ngày 01/3/2020", "kể từ tháng 6/2021", "năm 2024 và các năm tiếp
  theo"), with `start` set.
* UNSCHEDULED, again: windows counted from a reporting period or another year ("từ ngày 15
  tháng 12 năm trước kỳ báo cáo …", "quý I năm sau"): no fixed date without guessing.
* DEADLINE: "Trước ngày 25/01/2019", "trước ngày 10 tháng 6", "chậm nhất 30/6/2024". The
  named day is the due date, as plans and the people applying them read it. "Trước tháng
  6/2018"/"trước quý III" end the day before that period; "chậm nhất tháng 6" ends with it.
* DEADLINE, too: "… đến (hết) ngày 20/10/2022", "đến hết quý III/2024" with no start named
  before. Clock times ("17 giờ 00", "16h30") are dropped; dates with dots or dashes
  ("15.9.2021", "15-9-2021") and two-digit years ("15/9/21") are read as dates.
* PERIOD: months, quarters, halves and years, alone, listed or as a range ("Quý I, II/2024",
  "Từ tháng 3 đến tháng 6/2018", "- Ban hành tháng 01/2018 - Kết thúc tháng 12/2018"). The
  period runs from the start of the first to the end of the last. A year written after a
  list applies to the whole list; a written year always wins over the plan's year, which
  is used only when the phrase gives none. "8 tháng đầu năm 2019", "7 tháng năm 2021" and
  "3 tháng cuối năm" are runs of months; "ngày 7 - 8/11/2023" a run of days.
* Anything else is UNSCHEDULED; `understood` is False when it names a time ("Đợt 2",
  "cuối tháng sau") that could not be placed, so `check` can warn.

Dates that cannot exist raise `ValueError` with a Vietnamese message, so validation can
report the phrase instead of silently calling it unscheduled.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from .vietnamese import nfc


class TimelineKind(StrEnum):
    PERIOD = "period"
    DEADLINE = "deadline"
    RECURRING = "recurring"
    CONTINUOUS = "continuous"
    UNSCHEDULED = "unscheduled"


@dataclass(frozen=True)
class Timeline:
    """A timeline as written (`text`) and as read.

    `start`/`end` bound a PERIOD (first and last day) and `end` is a DEADLINE's day; both
    are None for the other kinds. RECURRING readings carry `recurrence` ("monthly",
    "quarterly", "semiannual", "annual"), optionally the due `day` of the month and the
    `month` of the cycle it falls in (1-based within the cycle, so 3 is the last month of
    a quarter and 12 is December for an annual cycle; None means the cycle's last month).
    """

    text: str
    kind: TimelineKind
    start: date | None = None
    end: date | None = None
    recurrence: str | None = None
    day: int | None = None
    month: int | None = None
    # False when the phrase names a time (a number, "tháng", "quý"…) that no reading could
    # place: UNSCHEDULED for want of understanding. `check` warns about these; a phrase
    # naming no time at all ("Kịp thời") is read right as having no fixed date.
    understood: bool = field(default=True, compare=False)

    @property
    def has_deadline(self) -> bool:
        return self.kind in (TimelineKind.PERIOD, TimelineKind.DEADLINE)


_CYCLE_MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12}
_UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}
# Up to XII so that an impossible "Quý V" is reported rather than skipped.
_ROMAN_NUMERALS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_ROMAN = {roman: n for n, roman in enumerate(_ROMAN_NUMERALS, start=1)}
_ROMAN_RE = "xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i"

_UNSCHEDULED = re.compile(
    r"^[-+•*\s]*(?:theo(?! dõi)|khi|sau khi|tùy|tuỳ|căn cứ|chờ|phụ thuộc)\b")
_CONTINUOUS = re.compile(r"thường xuyên|liên tục|thường trực|(?:hàng|hằng|mỗi) (?:ngày|tuần)")
_EVERY = r"(?:hàng|hằng|mỗi)"
# Finest cadence first; these mark a recurrence wherever they stand.
_CADENCES = (
    ("monthly", re.compile(rf"{_EVERY} tháng|định kỳ (?:0?1 )?tháng\b|\b0?1 tháng ?/ ?lần"
                           r"|(?<!\d )tháng (?:một|1) lần")),
    ("quarterly", re.compile(rf"{_EVERY} quý|định kỳ (?:quý|0?3 tháng)|\b0?3 tháng ?(?:/|một) ?lần"
                             r"|quý (?:một|1) lần|tháng (?:đầu|giữa|cuối) (?:của )?quý")),
    ("semiannual", re.compile(rf"{_EVERY} (?:0?6 tháng|nửa năm)|định kỳ (?:0?6 tháng|nửa năm)"
                              r"|\b0?6 tháng ?(?:/|một) ?lần")),
    ("annual", re.compile(rf"{_EVERY} năm|định kỳ (?:hàng |hằng )?năm|năm (?:một|1) lần")),
)
# After "định kỳ" the cadence may stand further away: "Định kỳ báo cáo … 3 tháng, 6 tháng, năm".
_PERIODIC = re.compile(r"\bđịnh kỳ\b")
_LOOSE_CADENCES = (
    ("quarterly", re.compile(r"\b0?3 tháng\b|\bquý\b")),
    ("semiannual", re.compile(r"\b0?6 tháng\b")),
    ("annual", re.compile(r"\bnăm\b")),
)
_RECURRING_DAY = re.compile(r"\bngày (\d{1,2})\b(?: ?/ ?(\d{1,2})\b| (?:của )?tháng (\d{1,2})\b)?")
_RECURRING_MONTH = re.compile(r"\btháng (\d{1,2})\b")
_QUARTER_MONTH = re.compile(r"tháng (đầu|giữa|cuối) (?:của )?quý")
_QUARTER_POSITION = {"đầu": 1, "giữa": 2, "cuối": 3}

_BY = r"(?:trước|chậm nhất|muộn nhất|hạn chót|không muộn hơn)"
_DEADLINE = re.compile(
    rf"{_BY}(?: (?:là|vào))?(?: ngày)? ?(\d{{1,2}}) ?(?:/ ?|tháng )(\d{{1,2}})\b"
    r"(?: ?(?:/|năm) ?(\d{4}))?")
# "… đến ngày 20/10/2022" with no start before it: that day is the deadline.
_UNTIL = re.compile(
    r"(?<!\w)(?:đến|tới)(?: hết)?(?: ngày)? ?(\d{1,2}) ?(?:/ ?|tháng )(\d{1,2})\b"
    r"(?: ?(?:/|năm) ?(\d{4}))?")
_UNTIL_PERIOD = re.compile(r"(?<!\w)(?:đến|tới) hết (?=tháng|quý|năm|\d)")
_BY_PERIOD = re.compile(rf"{_BY} (?:trong )?(?=tháng|quý|năm|6 tháng|06 tháng|\d{{1,2}} ?/ ?\d{{4}})")

# A start with no end: "Từ ngày 01/3/2020", "kể từ tháng 6/2021", "năm 2024 trở đi".
_FROM = re.compile(r"^[-+•*\s]*(?:kể )?từ\b")
_ONWARDS = re.compile(r"\btrở đi\b|\b(?:các|những) năm (?:tiếp theo|sau)\b|\bvề sau\b")
# Times counted from a reporting period or another year ("ngày 15 tháng 12 năm trước kỳ báo
# cáo"), or the middle of one: no fixed date can be given without guessing.
# ("báo cáo năm trước ngày 15/12" is a yearly report due before a day, not the year before.)
_RELATIVE = re.compile(r"(?<!định )\bkỳ báo cáo\b|\bkỳ (?:trước|sau|tiếp theo)\b"
                       r"|\bnăm (?:trước|sau|tiếp theo|liền kề)\b(?! (?:ngày|tháng|quý|\d))"
                       # "Giữa năm 2024": the middle of a period names no day either; the
                       # whole year or a guessed month would make the task late, or not, wrongly.
                       r"|\bgiữa (?:năm|quý|tháng)\b")

_TOKENS = re.compile(
    # "10-12/5/2022", "ngày 7 - 8/11/2023": a run of days in one month.
    r"(?P<dayrange>(?<!tháng )(?<!quý )\b\d{1,2} ?(?:-|đến|và) ?(?:ngày )?\d{1,2}"
    r"(?: ?/ ?| tháng )\d{1,2}(?:(?: ?/ ?| năm )\d{4})?\b(?! ?/))"
    r"|(?P<date>\b\d{1,2} ?/ ?\d{1,2} ?/ ?\d{4}\b)"
    r"|(?P<dateword>\bngày \d{1,2} tháng \d{1,2}(?: năm \d{4})?)"
    # Without a year only plausible day/month pairs count, so "nhóm 15/63" is not a date.
    r"|(?P<daymonth>\b(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])\b(?! ?/))"
    # "8 tháng đầu năm 2019", "7 tháng năm 2021", "6 tháng cuối năm": the first or last N months.
    r"|(?P<months>\b\d{1,2} tháng (?:(?:đầu|cuối) năm(?: \d{4}\b)?|năm \d{4}\b))"
    r"|(?P<half>(?:\bsáu tháng|\bnửa) (?:đầu|cuối) năm(?: \d{4}\b)?)"
    r"|(?P<yearend>\bhết năm(?: \d{4}\b)?)"
    r"|(?P<wholeyear>\b(?:cả|trong|suốt) năm(?: \d{4}\b)?)"
    r"|(?P<season>\b(?:đầu|cuối) năm(?: \d{4}\b)?)"
    r"|(?P<yearword>\bnăm \d{4}\b)"
    r"|(?P<quarter>\bquý\b)"
    r"|(?P<month>\btháng\b)"
    rf"|(?P<numyear>\b(?:\d{{1,2}}|{_ROMAN_RE}) ?/ ?\d{{4}}\b(?! ?/))"
    r"|(?P<slashyear>/ ?\d{4}\b(?! ?/))"
    r"|(?P<year>\b(?:19|20)\d{2}\b(?! ?/))"
    rf"|(?P<num>\b(?:\d{{1,2}}|{_ROMAN_RE})\b(?! ?/))"
)
# What may stand between the numbers of one list: "quý II, III", "tháng 8 đến 11", "II-III".
_LINK = re.compile(r"[\s,;&-]*(?:(?:đến|tới|và|hoặc|sang)[\s,;&-]*)*")
_DIGITS = re.compile(r"\d+")
_TIME_WORDS = re.compile(r"\d|\b(?:ngày|tuần|tháng|quý|năm|giờ|đợt|kỳ|hạn)\b")


# "17 giờ 00 ngày 20/10/2022", "17h00, ngày …": the hour does not move the day.
_CLOCK = re.compile(r"\b\d{1,2} ?(?:giờ|h)(?: ?\d{2}(?: ?phút)?)?\b,? ?")
# "15.9.2021", "15-9-2021" and "ngày 1.3" are dates written with other separators.
_OTHER_SEPARATORS = re.compile(r"(?<![\d.,/-])(\d{1,2})[.-](\d{1,2})[.-](\d{4})\b(?![.,-]\d)")
_DOTTED_DAY = re.compile(r"\bngày (\d{1,2})\.(\d{1,2})\b(?![.,]\d)")
# "15/9/21": a two-digit year is this century's, not the plan's year.
_SHORT_YEAR = re.compile(r"(?<![\d/])(\d{1,2}) ?/ ?(\d{1,2}) ?/ ?(\d{2})\b(?![/\d])")


def _normalise(text: str) -> str:
    """Lowercase NFC with one space between words, so patterns need not care about layout.

    Dates are rewritten with slashes and clock times dropped, so the readers see one form.
    """
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", nfc(text).lower())
    text = " ".join(text.split())
    text = _OTHER_SEPARATORS.sub(r"\1/\2/\3", text)
    text = _DOTTED_DAY.sub(r"ngày \1/\2", text)
    text = _SHORT_YEAR.sub(r"\1/\2/20\3", text)
    return _CLOCK.sub("", text).strip()


def _day(year: int, month: int, day: int) -> date:
    # Every date of a phrase is built here: a bound keeps "tháng 1/0001" from overflowing later.
    if not 1945 <= year <= 2100:
        raise ValueError(f"năm {year} nằm ngoài khoảng 1945–2100")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày không tồn tại: {day:02d}/{month:02d}/{year}") from None


def _month_end(year: int, month: int) -> date:
    first = _day(year, month, 1)
    return first.replace(day=calendar.monthrange(year, month)[1])


@dataclass
class _Unit:
    """One named stretch of time; `year` stays None until the phrase or the plan gives it."""

    kind: str  # "day" | "month" | "months" | "quarter" | "half" | "year"
    number: int = 0  # the month, quarter or half (1 = first); for a day, its month
    day: int = 0  # for "months", the last month of the run
    year: int | None = None

    def span(self) -> tuple[date, date]:
        assert self.year is not None, "years are filled in before spans are taken"
        if self.kind == "day":
            day = _day(self.year, self.number, self.day)
            return day, day
        if self.kind == "months":
            return _day(self.year, self.number, 1), _month_end(self.year, self.day)
        length = _UNIT_MONTHS[self.kind]
        number = self.number or 1
        return (_day(self.year, length * (number - 1) + 1, 1),
                _month_end(self.year, length * number))


def _numbered(kind: str, raw: str) -> _Unit:
    number = _ROMAN[raw] if raw in _ROMAN else int(raw)
    if kind == "quarter" and not 1 <= number <= 4:
        raise ValueError(f"quý không tồn tại: {raw.upper()}")
    if kind == "month" and not 1 <= number <= 12:
        raise ValueError(f"tháng không tồn tại: {raw.upper()}")
    return _Unit(kind, number)


def _trailing_year(token: str) -> int | None:
    numbers = [n for n in _DIGITS.findall(token) if len(n) == 4]
    return int(numbers[-1]) if numbers else None


@dataclass
class _UnitReader:
    """Reads the stretches of time named in a phrase, token by token.

    Numbers after "quý"/"tháng" wait in `pending` until a year is written ("Quý II, quý
    III/2018" gives both quarters 2018); a bare "01/2018" is a month, a bare "II/2018" a
    quarter.
    """

    units: list[_Unit] = field(default_factory=list)
    pending: list[_Unit] = field(default_factory=list)
    kind: str | None = None
    last_end: int = 0

    def read(self, text: str) -> list[_Unit]:
        for match in _TOKENS.finditer(text):
            gap = text[self.last_end:match.start()]
            handler: Callable[[str, str], None] = getattr(self, f"_on_{match.lastgroup}")
            handler(match.group(), gap)
            self.last_end = match.end()
        return self.units + self.pending

    def _assign(self, year: int) -> None:
        for unit in self.pending:
            unit.year = year
        self.units.extend(self.pending)
        self.pending.clear()
        self.kind = None

    def _add(self, unit: _Unit, year: int | None) -> None:
        self.pending.append(unit)
        if year is not None:
            self._assign(year)

    def _on_quarter(self, token: str, gap: str) -> None:
        self.kind = "quarter"

    def _on_month(self, token: str, gap: str) -> None:
        self.kind = "month"

    def _on_num(self, token: str, gap: str) -> None:
        # A number far from its "quý"/"tháng" ("Tháng 3 (2 đợt)") is not part of the list.
        if self.kind and (_LINK.fullmatch(gap) or not self.pending):
            self.pending.append(_numbered(self.kind, token))
        else:
            self.kind = None

    def _on_numyear(self, token: str, gap: str) -> None:
        number, year = (part.strip() for part in token.split("/"))
        kind = self.kind or ("quarter" if number in _ROMAN else "month")
        self._add(_numbered(kind, number), int(year))

    def _on_year(self, token: str, gap: str) -> None:
        year = _trailing_year(token)
        assert year is not None
        if self.pending:
            self._assign(year)
        else:
            self.units.append(_Unit("year", year=year))

    _on_slashyear = _on_yearword = _on_year

    def _on_date(self, token: str, gap: str) -> None:
        day, month, year = (int(part) for part in token.replace(" ", "").split("/"))
        self._add(_Unit("day", month, day), year)

    def _on_dateword(self, token: str, gap: str) -> None:
        numbers = [int(n) for n in _DIGITS.findall(token)]
        self._add(_Unit("day", numbers[1], numbers[0]), numbers[2] if len(numbers) > 2 else None)

    def _on_daymonth(self, token: str, gap: str) -> None:
        day, month = (int(part) for part in token.split("/"))
        self.pending.append(_Unit("day", month, day))

    def _on_dayrange(self, token: str, gap: str) -> None:
        numbers = [int(n) for n in _DIGITS.findall(token)]
        first, last, month = numbers[:3]
        year = numbers[3] if len(numbers) > 3 else None
        self.pending.append(_Unit("day", month, first))
        self._add(_Unit("day", month, last), year)

    def _on_months(self, token: str, gap: str) -> None:
        count = int(_DIGITS.findall(token)[0])
        if not 1 <= count <= 12:
            raise ValueError(f"số tháng không hợp lệ: {count} tháng")
        first, last = (13 - count, 12) if "cuối" in token else (1, count)
        self._add(_Unit("months", first, last), _trailing_year(token))

    def _on_yearend(self, token: str, gap: str) -> None:
        self._add(_Unit("day", 12, 31), _trailing_year(token))

    def _on_half(self, token: str, gap: str) -> None:
        self._add(_Unit("half", 1 if "đầu" in token else 2), _trailing_year(token))

    def _on_wholeyear(self, token: str, gap: str) -> None:
        self._add(_Unit("year"), _trailing_year(token))

    def _on_season(self, token: str, gap: str) -> None:
        # "Đầu năm"/"cuối năm" name no month; the first/last quarter is the fair reading.
        self._add(_Unit("quarter", 1 if "đầu" in token else 4), _trailing_year(token))


def _fill_years(units: list[_Unit], plan_year: int) -> None:
    """Give year-less units the last year written, else the plan's year.

    A unit that would then start before the one written ahead of it belongs to the next
    year ("Quý IV/2017 đến quý I" ends in 2018).
    """
    previous: _Unit | None = None
    for unit in units:
        if unit.year is None:
            unit.year = previous.year if previous is not None else plan_year
            if previous is not None and unit.span()[0] < previous.span()[0]:
                unit.year += 1
        previous = unit


def _spans(text: str, plan_year: int) -> list[tuple[date, date]]:
    units = _UnitReader().read(text)
    _fill_years(units, plan_year)
    return [unit.span() for unit in units]


def _unscheduled(original: str, text: str, year: int) -> Timeline | None:
    return Timeline(original, TimelineKind.UNSCHEDULED) if _UNSCHEDULED.search(text) else None


def _cadence(text: str) -> str | None:
    for name, pattern in _CADENCES:
        if pattern.search(text):
            return name
    for name, pattern in _LOOSE_CADENCES:
        if _PERIODIC.search(text) and pattern.search(text):
            return name
    return None


def _recurring_day(text: str) -> tuple[int | None, int | None]:
    """The due day and month written in a recurring phrase; the latest day if several.

    "Báo cáo … ngày 05 hàng tháng; … ngày 15 hàng tháng" is done for the month on the 15th.
    """
    days = [(int(m.group(1)), m.group(2) or m.group(3)) for m in _RECURRING_DAY.finditer(text)]
    if not days:
        month = _RECURRING_MONTH.search(text)
        return None, int(month.group(1)) if month else None
    day, month = max(days, key=lambda d: d[0])
    if not 1 <= day <= 31:
        raise ValueError(f"ngày không tồn tại: ngày {day} của mỗi kỳ")
    return day, int(month) if month else None


def _cycle_month(text: str, recurrence: str, month: int | None) -> int | None:
    position = _QUARTER_MONTH.search(text)
    if recurrence == "quarterly" and position:
        return _QUARTER_POSITION[position.group(1)]
    if month is None or recurrence == "monthly":
        return None
    return (month - 1) % _CYCLE_MONTHS[recurrence] + 1


def _check_recurring_date(recurrence: str | None, day: int | None, month: int | None) -> None:
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"tháng không tồn tại: {month}")
    # 2000 is a leap year: "29/02 hàng năm" exists, in leap years.
    if recurrence == "annual" and day and month and day > calendar.monthrange(2000, month)[1]:
        raise ValueError(f"ngày không tồn tại: {day:02d}/{month:02d}")


def _recurring(original: str, text: str, year: int) -> Timeline | None:
    recurrence = _cadence(text)
    if recurrence is None and not _PERIODIC.search(text):
        return None
    day, month = _recurring_day(text)
    _check_recurring_date(recurrence, day, month)
    month = _cycle_month(text, recurrence, month) if recurrence else None
    return Timeline(original, TimelineKind.RECURRING, recurrence=recurrence, day=day, month=month)


def _continuous(original: str, text: str, year: int) -> Timeline | None:
    return Timeline(original, TimelineKind.CONTINUOUS) if _CONTINUOUS.search(text) else None


def _relative(original: str, text: str, year: int) -> Timeline | None:
    if _RELATIVE.search(text) and not _ONWARDS.search(text):
        return Timeline(original, TimelineKind.UNSCHEDULED)
    return None


def _due(match: re.Match[str], year: int) -> date:
    return _day(int(match.group(3) or year), int(match.group(2)), int(match.group(1)))


def _starts(text: str, year: int) -> bool:
    """Whether the text names a start: "từ …" or any time at all."""
    return bool(re.search(r"\btừ\b", text)) or bool(_spans(text, year))


def _deadline(original: str, text: str, year: int) -> Timeline | None:
    # With several deadlines ("trước ngày 15/3 và trước ngày 15/9") the task is due by the last.
    dues = [_due(m, year) for m in _DEADLINE.finditer(text)]
    until = _UNTIL.search(text)
    if not dues and until and not _starts(text[:until.start()], year):
        dues = [_due(until, year)]
    if dues:
        return Timeline(original, TimelineKind.DEADLINE, end=max(dues))
    return _deadline_by_period(original, text, year)


def _deadline_by_period(original: str, text: str, year: int) -> Timeline | None:
    """"Trước tháng 6/2018" is due the day before June; "chậm nhất tháng 6/2018" by its end.

    "Đến hết quý III/2024" with no start before it is due by the end of that quarter.
    """
    until = _UNTIL_PERIOD.search(text)
    by_period = _BY_PERIOD.search(text)
    if by_period is None and until and not _starts(text[:until.start()], year):
        by_period = until
    spans = _spans(text[by_period.end():], year) if by_period else []
    if not by_period or not spans:
        return None
    if by_period.group().startswith("trước"):
        return Timeline(original, TimelineKind.DEADLINE, end=spans[0][0] - timedelta(days=1))
    return Timeline(original, TimelineKind.DEADLINE, end=max(end for _, end in spans))


def _period(original: str, text: str, year: int) -> Timeline | None:
    """The stretch from the first named time to the last; only a start when no end is named."""
    spans = _spans(text, year)
    if not spans:
        return None
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if _ONWARDS.search(text) or (_FROM.match(text) and len(spans) == 1):
        return Timeline(original, TimelineKind.CONTINUOUS, start=start)
    return Timeline(original, TimelineKind.PERIOD, start=start, end=end)


_READERS = (_unscheduled, _recurring, _continuous, _relative, _deadline, _period)


@lru_cache(maxsize=16384)  # plans repeat their phrases ("Hằng năm", "Quý IV/2024") by the dozen
def parse_timeline(text: str | None, year: int) -> Timeline | None:
    """Read a task's timeline as written; `year` is the plan's year, used when none is written.

    Returns None for a missing or blank timeline. Raises ValueError (in Vietnamese) for a
    date, month or quarter that does not exist: "Trước ngày 31/02/2019" →
    "ngày không tồn tại: 31/02/2019".
    """
    if text is None or not text.strip():
        return None
    normalised = _normalise(text)
    for reader in _READERS:
        reading = reader(text, normalised, year)
        if reading is not None:
            return reading
    return Timeline(text, TimelineKind.UNSCHEDULED, understood=not _TIME_WORDS.search(normalised))


def _due_in_cycle(t: Timeline, year: int, first_month: int, length: int) -> date:
    month = first_month + (t.month or length) - 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(t.day, last_day) if t.day else last_day)


def occurrences(t: Timeline, start: date, end: date) -> list[date]:
    """Due dates of a timeline inside [start, end], in order.

    A RECURRING timeline is due once per cycle (month, quarter, half-year, year, counted
    from January): on its `day` of the cycle's `month`, or on the last day of the cycle when
    the text names no day. With no month written, the day falls in the cycle's last month:
    "Trước ngày 15 hàng quý" is due 15 March, 15 June, 15 September and 15 December. That is
    what the plans support: An Giang's plan has units report by "ngày 10 của tháng cuối
    quý" so the province can send its quarterly report on the 15th, and Nghị định
    09/2019/NĐ-CP closes quarterly figures on the 14th of the quarter's last month. A day
    past the month's end (31 in a 30-day month) falls on the month's last day.

    PERIOD and DEADLINE timelines are due once, on `end`; the other kinds never.
    """
    if t.kind in (TimelineKind.PERIOD, TimelineKind.DEADLINE):
        return [t.end] if t.end is not None and start <= t.end <= end else []
    if t.kind != TimelineKind.RECURRING or t.recurrence not in _CYCLE_MONTHS:
        return []
    length = _CYCLE_MONTHS[t.recurrence]
    year, month = start.year, (start.month - 1) // length * length + 1
    dues: list[date] = []
    while date(year, month, 1) <= end:
        due = _due_in_cycle(t, year, month, length)
        if start <= due <= end:
            dues.append(due)
        year, month = (year + 1, 1) if month + length > 12 else (year, month + length)
    return dues
