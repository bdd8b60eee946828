"""Timeline phrases as plans from many provinces write them, beyond the five seeds.

A collection of the forms Vietnamese CCHC plans, reporting rules and their appendices use
(deadlines, months, quarters, years, runs of months, day ranges, dates with dots or
dashes, open starts, windows counted from a reporting period, cadences, deferrals), each
with the reading a careful person gives it. A phrase naming no placeable time reads as
"no fixed date" (U), never as a guessed date.
"""

from __future__ import annotations

from datetime import date

import pytest

from generator.reading.timeline import TimelineKind, parse_timeline

Reading = tuple[TimelineKind, date | None, date | None, str | None]


def _d(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def P(start: str, end: str) -> Reading:
    return TimelineKind.PERIOD, _d(start), _d(end), None


def D(end: str) -> Reading:
    return TimelineKind.DEADLINE, None, _d(end), None


def C(start: str | None = None) -> Reading:
    return TimelineKind.CONTINUOUS, _d(start), None, None


def R(recurrence: str | None) -> Reading:
    return TimelineKind.RECURRING, None, None, recurrence


U: Reading = (TimelineKind.UNSCHEDULED, None, None, None)

# (text as written, plan year, reading)
PHRASES: list[tuple[str, int, Reading]] = [
    # Deadlines: a named day, however it is written.
    ("Trước ngày 31/12/2024", 2024, D("2024-12-31")),
    ("Trước ngày 15/11/2024", 2024, D("2024-11-15")),
    ("Trước ngày 30 tháng 6 năm 2024", 2024, D("2024-06-30")),
    ("Trước ngày 20 tháng 12 năm 2023", 2024, D("2023-12-20")),
    ("Chậm nhất ngày 15/12/2024", 2024, D("2024-12-15")),
    ("Chậm nhất trước ngày 10/01/2025", 2024, D("2025-01-10")),
    ("Hoàn thành trước ngày 30/9/2024", 2024, D("2024-09-30")),
    ("Ban hành trước ngày 31/3/2024", 2024, D("2024-03-31")),
    ("Gửi Sở Nội vụ trước ngày 05/12/2024", 2024, D("2024-12-05")),
    ("trước ngày 15.9.2021", 2021, D("2021-09-15")),
    ("Trước ngày 30.6.2024", 2024, D("2024-06-30")),
    ("trước ngày 15-9-2021", 2021, D("2021-09-15")),
    ("Trước ngày 15/9/21", 2024, D("2021-09-15")),  # a short year is never the plan's year
    ("Báo cáo 6 tháng trước ngày 15/6/2024; báo cáo năm trước ngày 15/12/2024", 2024,
     D("2024-12-15")),
    ("Chậm nhất ngày 15.11.2024", 2024, D("2024-11-15")),
    ("Trước 17 giờ 00 ngày 20/10/2022", 2022, D("2022-10-20")),
    ("Nộp hồ sơ đến 17 giờ 00 ngày 20/10/2022", 2022, D("2022-10-20")),
    ("Trước 16h30 ngày 25/11/2024", 2024, D("2024-11-25")),
    ("Trước 17h, ngày 05/3/2024", 2024, D("2024-03-05")),
    ("Hạn chót ngày 31/10/2024", 2024, D("2024-10-31")),
    ("Không muộn hơn ngày 15/8/2024", 2024, D("2024-08-15")),
    ("Trước ngày 15 tháng 01 năm 2025", 2024, D("2025-01-15")),
    ("Trước ngày 25/01", 2024, D("2024-01-25")),
    ("trước ngày 10/12", 2024, D("2024-12-10")),
    ("trước ngày 20 tháng 11", 2024, D("2024-11-20")),
    ("Trước 31/12", 2024, D("2024-12-31")),
    ("Trước ngày 31/01/2025", 2024, D("2025-01-31")),
    ("Báo cáo gửi về trước ngày 10/6/2024", 2024, D("2024-06-10")),
    ("Trước tháng 10/2024", 2024, D("2024-09-30")),
    ("Trước quý IV/2024", 2024, D("2024-09-30")),
    ("Chậm nhất trong tháng 11/2024", 2024, D("2024-11-30")),
    ("Chậm nhất tháng 8/2024", 2024, D("2024-08-31")),
    ("Đến ngày 30/6/2024", 2024, D("2024-06-30")),
    ("Hoàn thành đến hết ngày 31/12/2024", 2024, D("2024-12-31")),
    ("Thực hiện đến hết ngày 15/7/2024", 2024, D("2024-07-15")),
    ("Năm 2024 (trước ngày 15/12/2024)", 2024, D("2024-12-15")),
    ("Trước ngày 15/3 và trước ngày 15/9/2024", 2024, D("2024-09-15")),
    # Months, alone, listed and as ranges.
    ("Tháng 3/2024", 2024, P("2024-03-01", "2024-03-31")),
    ("Tháng 02/2024", 2024, P("2024-02-01", "2024-02-29")),
    ("Trong tháng 5/2024", 2024, P("2024-05-01", "2024-05-31")),
    ("tháng 10 năm 2024", 2024, P("2024-10-01", "2024-10-31")),
    ("Tháng 9", 2024, P("2024-09-01", "2024-09-30")),
    ("Tháng 01 năm 2025", 2024, P("2025-01-01", "2025-01-31")),
    ("Tháng 6, 7/2024", 2024, P("2024-06-01", "2024-07-31")),
    ("Tháng 6 - 7/2024", 2024, P("2024-06-01", "2024-07-31")),
    ("Tháng 6-7/2024", 2024, P("2024-06-01", "2024-07-31")),
    ("Tháng 4, 5, 6/2024", 2024, P("2024-04-01", "2024-06-30")),
    ("Tháng 10 - tháng 12/2024", 2024, P("2024-10-01", "2024-12-31")),
    ("Từ tháng 4 đến tháng 10/2024", 2024, P("2024-04-01", "2024-10-31")),
    ("Từ tháng 01 đến tháng 12 năm 2024", 2024, P("2024-01-01", "2024-12-31")),
    ("Tháng 11/2024 - tháng 01/2025", 2024, P("2024-11-01", "2025-01-31")),
    ("Tháng 12/2024 đến tháng 3/2025", 2024, P("2024-12-01", "2025-03-31")),
    ("Tháng 12/2023 - tháng 01/2024", 2024, P("2023-12-01", "2024-01-31")),
    ("Từ tháng 11 năm 2024 đến tháng 02 năm 2025", 2024, P("2024-11-01", "2025-02-28")),
    ("Tháng 3 và tháng 9/2024", 2024, P("2024-03-01", "2024-09-30")),
    ("Tháng 5, tháng 6 năm 2024", 2024, P("2024-05-01", "2024-06-30")),
    # Quarters.
    ("Quý I năm 2024", 2024, P("2024-01-01", "2024-03-31")),
    ("quý II/2024", 2024, P("2024-04-01", "2024-06-30")),
    ("Quý 3/2024", 2024, P("2024-07-01", "2024-09-30")),
    ("Quý IV năm 2024", 2024, P("2024-10-01", "2024-12-31")),
    ("Trong quý III/2024", 2024, P("2024-07-01", "2024-09-30")),
    ("Quý I - II/2024", 2024, P("2024-01-01", "2024-06-30")),
    ("Quý III, IV/2024", 2024, P("2024-07-01", "2024-12-31")),
    ("Quý II và quý III năm 2024", 2024, P("2024-04-01", "2024-09-30")),
    ("Quý IV/2024 - Quý I/2025", 2024, P("2024-10-01", "2025-03-31")),
    ("Quý IV/2024 và quý I/2025", 2024, P("2024-10-01", "2025-03-31")),
    ("Từ quý II đến quý IV/2024", 2024, P("2024-04-01", "2024-12-31")),
    ("Quý 1, 2 năm 2024", 2024, P("2024-01-01", "2024-06-30")),
    ("Quý I, quý II năm 2025", 2024, P("2025-01-01", "2025-06-30")),
    ("Quý IV/2023", 2024, P("2023-10-01", "2023-12-31")),
    ("Cuối quý II/2024", 2024, P("2024-04-01", "2024-06-30")),
    ("Đầu quý III/2024", 2024, P("2024-07-01", "2024-09-30")),
    # Years.
    ("Năm 2024", 2024, P("2024-01-01", "2024-12-31")),
    ("Trong năm 2024", 2024, P("2024-01-01", "2024-12-31")),
    ("Cả năm 2024", 2024, P("2024-01-01", "2024-12-31")),
    ("Suốt năm 2024", 2024, P("2024-01-01", "2024-12-31")),
    ("2024", 2024, P("2024-01-01", "2024-12-31")),
    ("Trong năm", 2024, P("2024-01-01", "2024-12-31")),
    ("Năm 2024 - 2025", 2024, P("2024-01-01", "2025-12-31")),
    ("Năm 2024 và năm 2025", 2024, P("2024-01-01", "2025-12-31")),
    ("Giai đoạn 2021 - 2025", 2021, P("2021-01-01", "2025-12-31")),
    ("2021-2025", 2021, P("2021-01-01", "2025-12-31")),
    ("Đến hết năm 2024", 2024, D("2024-12-31")),
    ("Đến hết quý III/2024", 2024, D("2024-09-30")),
    ("Thực hiện đến hết tháng 10/2024", 2024, D("2024-10-31")),
    ("Từ tháng 3/2024 đến hết năm 2024", 2024, P("2024-03-01", "2024-12-31")),
    ("Đầu năm 2024", 2024, P("2024-01-01", "2024-03-31")),
    ("Cuối năm 2024", 2024, P("2024-10-01", "2024-12-31")),
    # The first or last N months of a year.
    ("6 tháng đầu năm 2024", 2024, P("2024-01-01", "2024-06-30")),
    ("06 tháng đầu năm 2024", 2024, P("2024-01-01", "2024-06-30")),
    ("6 tháng cuối năm 2024", 2024, P("2024-07-01", "2024-12-31")),
    ("9 tháng đầu năm 2024", 2024, P("2024-01-01", "2024-09-30")),
    ("09 tháng đầu năm 2024", 2024, P("2024-01-01", "2024-09-30")),
    ("7 tháng đầu năm", 2021, P("2021-01-01", "2021-07-31")),
    ("7 tháng năm 2021", 2021, P("2021-01-01", "2021-07-31")),
    ("8 tháng đầu năm 2019", 2019, P("2019-01-01", "2019-08-31")),
    ("3 tháng đầu năm 2024", 2024, P("2024-01-01", "2024-03-31")),
    ("10 tháng đầu năm 2024", 2024, P("2024-01-01", "2024-10-31")),
    ("11 tháng năm 2024", 2024, P("2024-01-01", "2024-11-30")),
    ("3 tháng cuối năm 2024", 2024, P("2024-10-01", "2024-12-31")),
    ("Nửa đầu năm 2024", 2024, P("2024-01-01", "2024-06-30")),
    ("Sáu tháng đầu năm 2024", 2024, P("2024-01-01", "2024-06-30")),
    ("Trong 6 tháng đầu năm 2024", 2024, P("2024-01-01", "2024-06-30")),
    ("8 tháng đầu năm 2024", 2024, P("2024-01-01", "2024-08-31")),
    # Dates written with dots or dashes.
    ("từ ngày 1.3 đến ngày 30.6", 2024, P("2024-03-01", "2024-06-30")),
    ("Từ ngày 01.3.2024 đến ngày 31.5.2024", 2024, P("2024-03-01", "2024-05-31")),
    ("Ngày 15.6.2024", 2024, P("2024-06-15", "2024-06-15")),
    ("Từ 01-3-2024 đến 30-6-2024", 2024, P("2024-03-01", "2024-06-30")),
    ("Ngày 20-11-2024", 2024, P("2024-11-20", "2024-11-20")),
    # Runs of days in one month.
    ("từ ngày 10-12/5/2022", 2022, P("2022-05-10", "2022-05-12")),
    ("ngày 7 - 8/11/2023", 2023, P("2023-11-07", "2023-11-08")),
    ("Ngày 15 - 16/8/2024", 2024, P("2024-08-15", "2024-08-16")),
    ("Từ ngày 25 đến ngày 27/9/2024", 2024, P("2024-09-25", "2024-09-27")),
    ("Ngày 05 và 06/12/2024", 2024, P("2024-12-05", "2024-12-06")),
    ("Từ ngày 14-16/10", 2024, P("2024-10-14", "2024-10-16")),
    ("Ngày 28-30/6/2024", 2024, P("2024-06-28", "2024-06-30")),
    ("ngày 9 và 10 tháng 5 năm 2024", 2024, P("2024-05-09", "2024-05-10")),
    ("Từ ngày 9 đến ngày 10 tháng 5 năm 2024", 2024, P("2024-05-09", "2024-05-10")),
    # Periods between two days.
    ("Từ ngày 01/4/2024 đến ngày 30/6/2024", 2024, P("2024-04-01", "2024-06-30")),
    ("Từ 15/3/2024 đến 15/4/2024", 2024, P("2024-03-15", "2024-04-15")),
    ("Từ ngày 01/10/2022 đến 17 giờ 00 ngày 20/10/2022", 2022, P("2022-10-01", "2022-10-20")),
    ("01/7/2024 - 31/7/2024", 2024, P("2024-07-01", "2024-07-31")),
    ("Từ 15/5 đến 15/6/2024", 2024, P("2024-05-15", "2024-06-15")),
    ("Từ 20/11/2024 đến 10/01/2025", 2024, P("2024-11-20", "2025-01-10")),
    ("Từ ngày 15/ 9/2024 đến ngày 30/ 9/2024", 2024, P("2024-09-15", "2024-09-30")),
    # A start and no end: ongoing from that day, never late.
    ("từ ngày 01/3/2020", 2020, C("2020-03-01")),
    ("kể từ ngày 15/6/2021", 2021, C("2021-06-15")),
    ("Từ ngày 01/01/2024", 2024, C("2024-01-01")),
    ("Kể từ ngày 01 tháng 7 năm 2024", 2024, C("2024-07-01")),
    ("Từ tháng 6/2024", 2024, C("2024-06-01")),
    ("Từ quý II/2024", 2024, C("2024-04-01")),
    ("Từ năm 2024", 2024, C("2024-01-01")),
    ("Năm 2024 và các năm tiếp theo", 2024, C("2024-01-01")),
    ("Từ ngày 15/3/2024 trở đi", 2024, C("2024-03-15")),
    ("Tháng 9/2024 trở đi", 2024, C("2024-09-01")),
    ("Kể từ ngày 05/11/2019", 2019, C("2019-11-05")),
    ("kể từ ngày 15.6.2021", 2021, C("2021-06-15")),
    # Windows counted from a reporting period or another year: no fixed date.
    ("từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày 14 tháng 6 của kỳ báo cáo", 2024, U),
    ("Từ ngày 15/12 năm trước đến ngày 14/12 năm báo cáo", 2024, U),
    ("Số liệu tính từ ngày 15 tháng 6 đến ngày 14 tháng 12 của kỳ báo cáo", 2024, U),
    ("Trước ngày 15/01 năm sau", 2024, U),
    ("Quý I năm sau", 2024, U),
    ("Giữa năm 2024", 2024, U),
    ("Giữa quý III/2024", 2024, U),
    ("Trong kỳ báo cáo", 2024, U),
    ("Trước ngày 20 tháng 01 năm tiếp theo", 2024, U),
    # Cadences.
    ("Hằng quý", 2024, R("quarterly")),
    ("Hàng quý, trước ngày 15 của tháng cuối quý", 2024, R("quarterly")),
    ("Định kỳ hằng tháng", 2024, R("monthly")),
    ("Trước ngày 20 hằng tháng", 2024, R("monthly")),
    ("Ngày 25 hàng tháng", 2024, R("monthly")),
    ("Hằng tháng (trước ngày 25)", 2024, R("monthly")),
    ("Định kỳ 6 tháng, hằng năm", 2024, R("semiannual")),
    ("Định kỳ 6 tháng và năm", 2024, R("semiannual")),
    ("Hằng năm", 2024, R("annual")),
    ("Định kỳ hằng năm", 2024, R("annual")),
    ("Tháng 11 hằng năm", 2024, R("annual")),
    ("Trước ngày 10/12 hằng năm", 2024, R("annual")),
    ("Định kỳ hằng quý, 6 tháng, 9 tháng và năm", 2024, R("quarterly")),
    ("Mỗi quý một lần", 2024, R("quarterly")),
    ("03 tháng/lần", 2024, R("quarterly")),
    ("3 tháng một lần", 2024, R("quarterly")),
    ("6 tháng một lần", 2024, R("semiannual")),
    ("Định kỳ, đột xuất", 2024, R(None)),
    ("định kỳ 6 tháng, hằng năm, đầu kỳ, giữa kỳ, cuối kỳ hoặc đột xuất khi cần thiết", 2024,
     R("semiannual")),
    ("Báo cáo quý gửi trước ngày 12 của tháng cuối quý", 2024, R("quarterly")),
    # Continuing work.
    ("Hằng tuần", 2024, C()),
    ("Thường xuyên, liên tục", 2024, C()),
    ("Thường xuyên trong năm 2024", 2024, C()),
    ("Liên tục", 2024, C()),
    ("Hàng ngày", 2024, C()),
    # Deferrals and phrases naming no time.
    ("Theo kế hoạch của Bộ Nội vụ", 2024, U),
    ("Theo lộ trình của Chính phủ", 2024, U),
    ("Khi có văn bản hướng dẫn của cấp trên", 2024, U),
    ("Sau khi Đề án được phê duyệt", 2024, U),
    ("Tùy theo tình hình thực tế", 2024, U),
    ("Theo yêu cầu của UBND tỉnh", 2024, U),
    ("Theo Quyết định số 1291/QĐ-BNV ngày 30/12/2024", 2024, U),
    ("Kịp thời", 2024, U),
    ("Ngay sau khi có quyết định", 2024, U),
    ("Đột xuất", 2024, U),
    ("Khi có yêu cầu", 2024, U),
    ("Căn cứ hướng dẫn của Sở Nội vụ", 2024, U),
    ("Phụ thuộc tiến độ dự án", 2024, U),
]


def test_the_collection_is_large_and_has_no_repeats() -> None:
    assert len(PHRASES) >= 150
    assert len({text for text, _, _ in PHRASES}) == len(PHRASES)


@pytest.mark.parametrize(("text", "year", "expected"), PHRASES)
def test_real_phrases(text: str, year: int, expected: Reading) -> None:
    reading = parse_timeline(text, year)
    assert reading is not None
    assert (reading.kind, reading.start, reading.end, reading.recurrence) == expected
    assert reading.understood


@pytest.mark.parametrize("text", ["Đợt 2", "Cuối tháng sau", "Tuần thứ 3 của quý", "Quý",
                                  "Tháng sau Tết", "Trong vòng 30 ngày"])
def test_a_time_that_cannot_be_placed_is_no_fixed_date_and_flagged(text: str) -> None:
    reading = parse_timeline(text, 2024)
    assert reading is not None
    assert (reading.kind, reading.start, reading.end) == (TimelineKind.UNSCHEDULED, None, None)
    assert not reading.understood
