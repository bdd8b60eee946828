"""Reading the free Vietnamese timelines of plan tasks."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from generator.reading.timeline import Timeline, TimelineKind, occurrences, parse_timeline

P = TimelineKind.PERIOD
D = TimelineKind.DEADLINE
R = TimelineKind.RECURRING
C = TimelineKind.CONTINUOUS
U = TimelineKind.UNSCHEDULED

d = date

# (text as written, plan year, kind, start, end)
DATED = [
    ("Tháng 01/2018", 2018, P, d(2018, 1, 1), d(2018, 1, 31)),
    ("Tháng 12/2018", 2018, P, d(2018, 12, 1), d(2018, 12, 31)),
    ("tháng 3/2019", 2018, P, d(2019, 3, 1), d(2019, 3, 31)),
    ("Tháng 2/2024", 2024, P, d(2024, 2, 1), d(2024, 2, 29)),
    ("Quý I/2018", 2018, P, d(2018, 1, 1), d(2018, 3, 31)),
    ("Quý IV/2017", 2018, P, d(2017, 10, 1), d(2017, 12, 31)),
    ("Quý 1/2019", 2018, P, d(2019, 1, 1), d(2019, 3, 31)),
    ("quý 1/2019", 2018, P, d(2019, 1, 1), d(2019, 3, 31)),
    ("QUÝ III / 2018", 2018, P, d(2018, 7, 1), d(2018, 9, 30)),
    ("Quý II năm 2018", 2017, P, d(2018, 4, 1), d(2018, 6, 30)),
    ("Quý III", 2018, P, d(2018, 7, 1), d(2018, 9, 30)),
    ("Quý I đến quý II/2018", 2018, P, d(2018, 1, 1), d(2018, 6, 30)),
    ("Quý II, quý III/2018", 2018, P, d(2018, 4, 1), d(2018, 9, 30)),
    ("Quý II-III/2018", 2018, P, d(2018, 4, 1), d(2018, 9, 30)),
    ("Quý II – III/2018", 2018, P, d(2018, 4, 1), d(2018, 9, 30)),
    ("Quý I, II/2024", 2024, P, d(2024, 1, 1), d(2024, 6, 30)),
    ("Quý IV/2017 đến quý I", 2018, P, d(2017, 10, 1), d(2018, 3, 31)),
    ("Tháng 8 đến 11/2018", 2018, P, d(2018, 8, 1), d(2018, 11, 30)),
    ("Tháng 8\nđến 11/2018", 2018, P, d(2018, 8, 1), d(2018, 11, 30)),
    ("Từ tháng 3 đến tháng 6/2018", 2018, P, d(2018, 3, 1), d(2018, 6, 30)),
    ("Tháng 11/2018 đến tháng 2", 2018, P, d(2018, 11, 1), d(2019, 2, 28)),
    ("Tháng 6/2024", 2024, P, d(2024, 6, 1), d(2024, 6, 30)),
    ("Tháng 6 và tháng 12/2024", 2024, P, d(2024, 6, 1), d(2024, 12, 31)),
    ("Tháng 12 năm 2018", 2018, P, d(2018, 12, 1), d(2018, 12, 31)),
    ("Tháng 3 (2 đợt)", 2024, P, d(2024, 3, 1), d(2024, 3, 31)),
    ("6 tháng đầu năm 2018", 2018, P, d(2018, 1, 1), d(2018, 6, 30)),
    ("06 tháng đầu năm", 2021, P, d(2021, 1, 1), d(2021, 6, 30)),
    ("6 tháng cuối năm", 2018, P, d(2018, 7, 1), d(2018, 12, 31)),
    ("Nửa cuối năm 2019", 2018, P, d(2019, 7, 1), d(2019, 12, 31)),
    ("Cuối năm 2018", 2018, P, d(2018, 10, 1), d(2018, 12, 31)),
    ("Đầu năm", 2018, P, d(2018, 1, 1), d(2018, 3, 31)),
    ("Cả năm", 2024, P, d(2024, 1, 1), d(2024, 12, 31)),
    ("Năm 2018", 2018, P, d(2018, 1, 1), d(2018, 12, 31)),
    ("2018", 2018, P, d(2018, 1, 1), d(2018, 12, 31)),
    ("Trong năm 2024", 2023, P, d(2024, 1, 1), d(2024, 12, 31)),
    ("Giai đoạn 2021-2025", 2021, P, d(2021, 1, 1), d(2025, 12, 31)),
    ("Ngày 15/3/2018", 2018, P, d(2018, 3, 15), d(2018, 3, 15)),
    ("Từ 01/3/2018 đến 30/6/2018", 2018, P, d(2018, 3, 1), d(2018, 6, 30)),
    ("Tháng 3, 15/4/2018", 2018, P, d(2018, 3, 1), d(2018, 4, 15)),
    ("15/12", 2018, P, d(2018, 12, 15), d(2018, 12, 15)),
    ("Trước ngày 25/01/2019", 2019, D, None, d(2019, 1, 25)),
    ("trước ngày 15/12", 2018, D, None, d(2018, 12, 15)),
    ("Trước 30/6/2024", 2024, D, None, d(2024, 6, 30)),
    ("Trước ngày 15/3 và trước ngày 15/9", 2024, D, None, d(2024, 9, 15)),
    ("Hoàn thành trước ngày 29/02/2024", 2024, D, None, d(2024, 2, 29)),
    ("chậm nhất ngày 05/01/2019", 2018, D, None, d(2019, 1, 5)),
    ("Trước tháng 6/2018", 2018, D, None, d(2018, 5, 31)),
    ("Trước quý III/2018", 2018, D, None, d(2018, 6, 30)),
    ("Chậm nhất tháng 6/2018", 2018, D, None, d(2018, 6, 30)),
]


@pytest.mark.parametrize(("text", "year", "kind", "start", "end"), DATED)
def test_dated_timelines(text: str, year: int, kind: TimelineKind, start: date | None,
                         end: date | None) -> None:
    reading = parse_timeline(text, year)
    assert reading is not None
    assert (reading.kind, reading.start, reading.end) == (kind, start, end)
    assert reading.text == text
    assert reading.has_deadline
    assert reading.recurrence is None and reading.day is None


# (text as written, recurrence, day, month of the cycle)
RECURRING = [
    ("Hàng quý", "quarterly", None, None),
    ("Hằng quý", "quarterly", None, None),
    ("Hàng tháng", "monthly", None, None),
    ("hằng tháng", "monthly", None, None),
    ("Hàng năm", "annual", None, None),
    ("Trước ngày 15 hàng quý", "quarterly", 15, None),
    ("ngày 05 hàng tháng", "monthly", 5, None),
    ("Định kỳ hàng quý, 6 tháng, năm", "quarterly", None, None),
    ("Định kỳ 6 tháng", "semiannual", None, None),
    ("6 tháng/lần", "semiannual", None, None),
    ("Định kỳ 6 tháng, năm", "semiannual", None, None),
    ("định kỳ 03 tháng/lần", "quarterly", None, None),
    ("Trước ngày 15/12 hàng năm", "annual", 15, 12),
    ("Trước ngày 29/02 hàng năm", "annual", 29, 2),
    ("Tháng 12 hằng năm", "annual", None, 12),
    ("Trước ngày 20 tháng đầu quý", "quarterly", 20, 1),
    ("Trước ngày 10 của tháng cuối quý", "quarterly", 10, 3),
    ("Định kỳ", None, None, None),
]


@pytest.mark.parametrize(("text", "recurrence", "day", "month"), RECURRING)
def test_recurring_timelines(text: str, recurrence: str | None, day: int | None,
                             month: int | None) -> None:
    reading = parse_timeline(text, 2018)
    assert reading == Timeline(text, R, recurrence=recurrence, day=day, month=month)
    assert not reading.has_deadline


@pytest.mark.parametrize("text", ["Thường xuyên", "Liên tục", "thường xuyên, liên tục",
                                  "Hàng ngày", "Theo dõi thường xuyên"])
def test_continuous_timelines(text: str) -> None:
    assert parse_timeline(text, 2018) == Timeline(text, C)


@pytest.mark.parametrize("text", [
    "Theo Kế hoạch của UBND tỉnh",
    "Khi có quy định mới của Chính phủ",
    "Theo chỉ đạo của UBND tỉnh",
    "Theo Kế hoạch số 12/KH-UBND ngày 05/01/2024",  # a date, but of another document
    "Sau khi có hướng dẫn của Bộ Nội vụ",
    "Tùy tình hình thực tế",
    "Căn cứ tình hình thực tế",
    "Kịp thời",
    "Theo quy định",
    "Trong nhóm 15/63",  # a rank, not a day
])
def test_unscheduled_timelines(text: str) -> None:
    reading = parse_timeline(text, 2024)
    assert reading == Timeline(text, U)
    assert not reading.has_deadline


@pytest.mark.parametrize("text", [None, "", "   ", "\n"])
def test_no_timeline(text: str | None) -> None:
    assert parse_timeline(text, 2018) is None


@pytest.mark.parametrize(("text", "message"), [
    ("Trước ngày 31/02/2019", "ngày không tồn tại: 31/02/2019"),
    ("Trước ngày 29/02", "ngày không tồn tại: 29/02/2018"),
    ("31/02", "ngày không tồn tại: 31/02/2018"),
    ("trước ngày 31 tháng 4 năm 2019", "ngày không tồn tại: 31/04/2019"),
    ("Từ 30/02/2018 đến 05/03/2018", "ngày không tồn tại: 30/02/2018"),
    ("Ngày 15/13/2018", "ngày không tồn tại: 15/13/2018"),
    ("Tháng 13/2018", "tháng không tồn tại: 13"),
    ("Tháng 8 đến 13/2018", "tháng không tồn tại: 13"),
    ("Quý V/2018", "quý không tồn tại: V"),
    ("Quý 5/2018", "quý không tồn tại: 5"),
    ("Quý II, V/2018", "quý không tồn tại: V"),
    ("ngày 32 hàng tháng", "ngày không tồn tại: ngày 32 của mỗi kỳ"),
    ("Trước ngày 30/02 hàng năm", "ngày không tồn tại: 30/02"),
])
def test_dates_that_do_not_exist_raise_in_vietnamese(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        parse_timeline(text, 2018)


def test_the_written_year_wins_over_the_plan_year() -> None:
    reading = parse_timeline("Quý IV/2017", 2018)
    assert reading is not None and reading.start == date(2017, 10, 1)


def test_text_is_kept_as_written() -> None:
    text = "  Tháng 8\n\nđến 11/2018 "
    reading = parse_timeline(text, 2018)
    assert reading is not None and reading.text == text


def test_decomposed_unicode_reads_the_same() -> None:
    text = unicodedata.normalize("NFD", "Quý II, quý III/2018")
    reading = parse_timeline(text, 2018)
    assert reading is not None and (reading.start, reading.end) == (d(2018, 4, 1), d(2018, 9, 30))


# Every timeline-like phrase of the five seed plans, as written there, with its plan year.
# 001: An Giang 792/KH-UBND (2018), appendix column "Thời gian bắt đầu và hoàn thành" and
# the reporting duty in the text.
SEED_001 = [
    ("- Ban hành tháng 01/2018\n\n- Kết thúc tháng 12/2018", P, d(2018, 1, 1), d(2018, 12, 31)),
    ("- Ban hành trong tháng 01/2018\n\n- Kết thúc trong tháng 12/2018", P, d(2018, 1, 1),
     d(2018, 12, 31)),
    ("- Ban hành 01/2018\n\n- Kết thúc trong tháng 12/2018", P, d(2018, 1, 1), d(2018, 12, 31)),
    ("- Ban hành trong quý I/2018\n\n- Kết thúc trong quý IV/2018", P, d(2018, 1, 1),
     d(2018, 12, 31)),
    ("Quý I đến quý II/2018", P, d(2018, 1, 1), d(2018, 6, 30)),
    ("Năm 2018", P, d(2018, 1, 1), d(2018, 12, 31)),
    ("Quý II đến quý III/2018", P, d(2018, 4, 1), d(2018, 9, 30)),
    ("Tháng 8\n\nđến 11/2018", P, d(2018, 8, 1), d(2018, 11, 30)),
    ("Quý III/2018", P, d(2018, 7, 1), d(2018, 9, 30)),
    ("Tháng 01/2018", P, d(2018, 1, 1), d(2018, 1, 31)),
    ("Tháng 12/2018", P, d(2018, 12, 1), d(2018, 12, 31)),
    ("Quý IV/2017", P, d(2017, 10, 1), d(2017, 12, 31)),
    ("Quý I/2018", P, d(2018, 1, 1), d(2018, 3, 31)),
    ("Quý II, quý III/2018", P, d(2018, 4, 1), d(2018, 9, 30)),
    ("Tháng 12/2017", P, d(2017, 12, 1), d(2017, 12, 31)),
    ("Quý II/2018", P, d(2018, 4, 1), d(2018, 6, 30)),
    ("Quý IV/2018", P, d(2018, 10, 1), d(2018, 12, 31)),
    ("Hàng quý", R, None, None),
    ("Trước ngày 15 hàng quý", R, None, None),
    ("- Báo cáo và công bố ngày 05 hàng tháng\n\n- Báo cáo kết quả kiểm tra ngày 15 hàng tháng",
     R, None, None),
    ("Định kỳ hàng quý (ngày 10 của tháng cuối quý)", R, None, None),
    ("Thường xuyên", C, None, None),
    ("Theo quy định được duyệt", U, None, None),
    ("Theo quy định của Chính phủ", U, None, None),
    ("Khi có quy định mới của Chính phủ", U, None, None),
    ("Khi có hướng dẫn, quy định mới của Chính phủ", U, None, None),
]
# 002: Bình Định, Sở NN&PTNT 2024, appendix II column "Thời gian thực hiện" and the text.
SEED_002 = [
    ("Tháng 1", P, d(2024, 1, 1), d(2024, 1, 31)),
    ("Tháng 3", P, d(2024, 3, 1), d(2024, 3, 31)),
    ("Tháng 4", P, d(2024, 4, 1), d(2024, 4, 30)),
    ("Cả năm", P, d(2024, 1, 1), d(2024, 12, 31)),
    ("Trong năm", P, d(2024, 1, 1), d(2024, 12, 31)),
    ("định kỳ quý, 06 tháng, năm", R, None, None),
    ("hàng quý, 06 tháng, cuối năm", R, None, None),
    ("Theo Quyết định của UBND tỉnh", U, None, None),
    ("Theo Kế hoạch của UBND tỉnh", U, None, None),
    ("Theo Chỉ thị của UBND tỉnh", U, None, None),
    # The column names a product here, not a time.
    ("Phần mềm quản lý dữ liệu TTHC của UBND tỉnh", U, None, None),
]
# 000: TP.HCM, Sở NN&PTNT 178/KH-SNN (2019), deadlines in the prose.
SEED_000 = [
    ("ban hành kế hoạch trước ngày 25/01/2019", D, None, d(2019, 1, 25)),
    ("thời gian hoàn thành trong quý 1/2019", P, d(2019, 1, 1), d(2019, 3, 31)),
    ("thời gian hoàn thành trong quý 2/2019", P, d(2019, 4, 1), d(2019, 6, 30)),
    ("Định kỳ báo cáo kết quả thực hiện cải cách hành chính 3 tháng, 6 tháng, 9 tháng, năm 2018",
     R, None, None),
    ("họp giao ban định kỳ hàng quý", R, None, None),
    ("tham mưu họp hàng tháng", R, None, None),
    ("tổng hợp kết quả thực hiện hàng quý, năm", R, None, None),
]
# 003: TP.HCM, 9 chỉ tiêu 2021.
SEED_003 = [
    ("trước ngày 01 tháng 11 năm 2021", D, None, d(2021, 11, 1)),
    ("Tổ chức đối thoại định kỳ 03 tháng/lần", R, None, None),
    ("công khai kết quả đánh giá hàng quý", R, None, None),
]
# 004: Sơn Dương (Tuyên Quang) 2021, reporting calendar in the text.
SEED_004 = [
    ("Định kỳ hàng quý, 6 tháng và năm", R, None, None),
    ("gửi trước ngày 10 của tháng cuối quý", R, None, None),
    ("báo cáo 6 tháng, gửi trước ngày 10 tháng 6", D, None, d(2021, 6, 10)),
    ("báo cáo năm, gửi trước ngày 10/12", D, None, d(2021, 12, 10)),
]
SEEDS = ([(2018, *row) for row in SEED_001] + [(2024, *row) for row in SEED_002]
         + [(2019, *row) for row in SEED_000] + [(2021, *row) for row in SEED_003]
         + [(2021, *row) for row in SEED_004])


@pytest.mark.parametrize(("year", "text", "kind", "start", "end"), SEEDS)
def test_seed_timelines(year: int, text: str, kind: TimelineKind, start: date | None,
                        end: date | None) -> None:
    reading = parse_timeline(text, year)
    assert reading is not None
    assert (reading.kind, reading.start, reading.end) == (kind, start, end)


@pytest.mark.parametrize(("text", "recurrence", "day", "month"), [
    ("Hàng quý", "quarterly", None, None),
    ("Trước ngày 15 hàng quý", "quarterly", 15, None),
    ("- Báo cáo và công bố ngày 05 hàng tháng\n\n- Báo cáo kết quả kiểm tra ngày 15 hàng tháng",
     "monthly", 15, None),
    ("Định kỳ hàng quý (ngày 10 của tháng cuối quý)", "quarterly", 10, 3),
    ("định kỳ quý, 06 tháng, năm", "quarterly", None, None),
    ("Định kỳ báo cáo kết quả thực hiện cải cách hành chính 3 tháng, 6 tháng, 9 tháng, năm 2018",
     "quarterly", None, None),
    ("tham mưu họp hàng tháng", "monthly", None, None),
    ("gửi trước ngày 10 của tháng cuối quý", "quarterly", 10, 3),
])
def test_seed_recurrences(text: str, recurrence: str, day: int | None, month: int | None) -> None:
    reading = parse_timeline(text, 2018)
    assert reading is not None
    assert (reading.recurrence, reading.day, reading.month) == (recurrence, day, month)


YEAR_2018 = (date(2018, 1, 1), date(2018, 12, 31))


@pytest.mark.parametrize(("text", "expected"), [
    ("Trước ngày 15 hàng quý", [d(2018, 3, 15), d(2018, 6, 15), d(2018, 9, 15), d(2018, 12, 15)]),
    ("Trước ngày 10 của tháng cuối quý",
     [d(2018, 3, 10), d(2018, 6, 10), d(2018, 9, 10), d(2018, 12, 10)]),
    ("Trước ngày 20 tháng đầu quý",
     [d(2018, 1, 20), d(2018, 4, 20), d(2018, 7, 20), d(2018, 10, 20)]),
    ("Hàng quý", [d(2018, 3, 31), d(2018, 6, 30), d(2018, 9, 30), d(2018, 12, 31)]),
    ("Định kỳ 6 tháng", [d(2018, 6, 30), d(2018, 12, 31)]),
    ("Hàng năm", [d(2018, 12, 31)]),
    ("Trước ngày 15/12 hàng năm", [d(2018, 12, 15)]),
    ("ngày 05 hàng tháng", [d(2018, m, 5) for m in range(1, 13)]),
    ("Quý II, quý III/2018", [d(2018, 9, 30)]),
    ("Trước ngày 25/01/2019", []),
    ("Thường xuyên", []),
    ("Theo Kế hoạch của UBND tỉnh", []),
    ("Định kỳ", []),
])
def test_occurrences_in_a_year(text: str, expected: list[date]) -> None:
    reading = parse_timeline(text, 2018)
    assert reading is not None
    assert occurrences(reading, *YEAR_2018) == expected


def test_occurrences_respect_the_window_bounds() -> None:
    reading = parse_timeline("Trước ngày 15 hàng quý", 2018)
    assert reading is not None
    assert occurrences(reading, d(2018, 3, 15), d(2018, 9, 14)) == [d(2018, 3, 15), d(2018, 6, 15)]
    assert occurrences(reading, d(2018, 3, 16), d(2018, 6, 14)) == []
    assert occurrences(reading, d(2018, 12, 1), d(2019, 3, 31)) == [d(2018, 12, 15), d(2019, 3, 15)]
    assert occurrences(reading, d(2018, 6, 1), d(2018, 1, 1)) == []


def test_a_day_past_the_month_end_falls_on_its_last_day() -> None:
    reading = parse_timeline("ngày 31 hàng tháng", 2024)
    assert reading is not None
    assert occurrences(reading, d(2024, 1, 1), d(2024, 4, 30)) == [
        d(2024, 1, 31), d(2024, 2, 29), d(2024, 3, 31), d(2024, 4, 30)]
