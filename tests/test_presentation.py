"""The filters templates use: Vietnamese dates and numbers, the same however often asked."""

from __future__ import annotations

import datetime as dt

from generator.site.presentation import FILTERS


def test_dates_read_the_same_on_every_call_and_for_a_datetime_its_day() -> None:
    short, long = FILTERS["ngay_ngan"], FILTERS["ngay"]
    for _ in range(2):  # the second round is answered from memory
        assert short(dt.date(2021, 1, 5)) == "05/01/2021"
        assert long(dt.date(2021, 1, 5)) == "ngày 05 tháng 01 năm 2021"
        assert long(dt.date(2021, 5, 31)) == "ngày 31 tháng 5 năm 2021"
        assert short(dt.datetime(2019, 1, 23, 8, 30)) == "23/01/2019"
        assert short(None) == long(None) == ""


def test_counts_read_with_vietnamese_grouping() -> None:
    assert [FILTERS["so"](n) for n in (7, 1234, 1234567, 7, 2.5)] == [
        "7", "1.234", "1.234.567", "7", "2,5"]
