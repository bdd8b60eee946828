"""Vietnamese text helpers: folding, slugs, alphabetical order, Babel formatting."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from babel.numbers import format_decimal

from generator.reading.vietnamese import (
    fold,
    format_date_long,
    format_date_short,
    format_datetime_long,
    format_number,
    format_percent,
    nfc,
    slugify,
    sort_key,
)


def test_nfc_composes_decomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Cải cách hành chính")
    assert decomposed != "Cải cách hành chính"
    assert nfc(decomposed) == "Cải cách hành chính"


@pytest.mark.parametrize(("text", "expected"), [
    ("Đẩy mạnh cải cách", "day manh cai cach"),
    ("ĐỒNG THÁP", "dong thap"),
    ("Quý IV", "quy iv"),
    ("ưu tiên ở mức độ", "uu tien o muc do"),
    ("Ủy ban nhân dân", "uy ban nhan dan"),
    ("Bình Định", "binh dinh"),
    ("ạ ả ã á à ặ ẳ ẵ ắ ằ ậ ẩ ẫ ấ ầ", "a a a a a a a a a a a a a a a"),
    ("already ascii 123", "already ascii 123"),
])
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_accepts_decomposed_input() -> None:
    assert fold(unicodedata.normalize("NFD", "Đẩy mạnh")) == "day manh"


@pytest.mark.parametrize(("text", "expected"), [
    ("Đẩy mạnh", "day-manh"),
    ("792/KH-UBND", "792-kh-ubnd"),
    ("Quý I/2018", "quy-i-2018"),
    ("  Cải cách -- thủ tục, hành chính!  ", "cai-cach-thu-tuc-hanh-chinh"),
    ("Kế hoạch “An Giang điện tử” năm 2018", "ke-hoach-an-giang-dien-tu-nam-2018"),
    ("Bà Rịa – Vũng Tàu", "ba-ria-vung-tau"),
    ("", ""),
    ("–––", ""),
])
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


def test_slug_matches_the_id_format() -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slugify("Số: 35/KH-SNN ngày 23/12/2021"))


def _sorted(names: list[str]) -> list[str]:
    return sorted(names, key=sort_key)


def test_sort_key_example_from_the_brief() -> None:
    names = ["Đồng Nai", "Dak Lak", "An Giang", "Ăn", "Bình Định", "Ân"]
    assert _sorted(names) == ["An Giang", "Ăn", "Ân", "Bình Định", "Dak Lak", "Đồng Nai"]


def test_sort_key_letters_follow_the_vietnamese_alphabet() -> None:
    letters = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    shuffled = sorted(letters)  # code point order puts ă, â, đ, ê, ô, ơ, ư last
    assert shuffled != letters
    assert _sorted(shuffled) == letters


def test_sort_key_tone_order_is_the_dictionary_order() -> None:
    # ngang, huyền, hỏi, ngã, sắc, nặng
    expected = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert _sorted(list(reversed(expected))) == expected


def test_sort_key_letters_win_over_tones() -> None:
    # The tone of the first syllable only breaks ties: "mạ" < "mai" because a < a-i.
    assert _sorted(["mai", "mạ", "mà"]) == ["mà", "mạ", "mai"]
    assert _sorted(["ăn", "án", "an"]) == ["an", "án", "ăn"]


def test_sort_key_is_case_insensitive_with_lowercase_first() -> None:
    assert _sorted(["bình", "An", "Bình", "an"]) == ["an", "An", "bình", "Bình"]
    assert _sorted(["ĐÀ NẴNG", "da"]) == ["da", "ĐÀ NẴNG"]


def test_sort_key_digits_before_letters_and_shorter_first() -> None:
    assert _sorted(["a", "2", "10", "B"]) == ["10", "2", "a", "B"]
    assert _sorted(["An Giang", "An", "Ana"]) == ["An", "An Giang", "Ana"]


def test_sort_key_provinces() -> None:
    names = ["Tuyên Quang", "Thành phố Hồ Chí Minh", "Bình Định", "An Giang", "Đắk Lắk",
             "Điện Biên", "Đà Nẵng", "Cà Mau", "Cần Thơ", "Ứng Hòa", "Uông Bí"]
    assert _sorted(names) == ["An Giang", "Bình Định", "Cà Mau", "Cần Thơ", "Đà Nẵng", "Đắk Lắk",
                              "Điện Biên", "Thành phố Hồ Chí Minh", "Tuyên Quang", "Uông Bí",
                              "Ứng Hòa"]


def test_sort_key_ignores_normalisation_form_and_extra_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", "Đồng Nai")
    assert sort_key(decomposed)[:2] == sort_key("Đồng Nai")[:2]
    assert sort_key("An   Giang")[:2] == sort_key("An Giang")[:2]


@pytest.mark.parametrize(("value", "expected"), [
    (date(2017, 12, 29), "ngày 29 tháng 12 năm 2017"),
    (date(2016, 2, 5), "ngày 05 tháng 02 năm 2016"),
    (date(2024, 1, 1), "ngày 01 tháng 01 năm 2024"),
    # Nghị định 30/2020/NĐ-CP: only months 1 and 2 take a leading zero.
    (date(2021, 5, 31), "ngày 31 tháng 5 năm 2021"),
    (date(2021, 3, 9), "ngày 09 tháng 3 năm 2021"),
    (date(2021, 9, 10), "ngày 10 tháng 9 năm 2021"),
    (date(2021, 10, 1), "ngày 01 tháng 10 năm 2021"),
    (date(2021, 2, 28), "ngày 28 tháng 02 năm 2021"),
])
def test_format_date_long(value: date, expected: str) -> None:
    assert format_date_long(value) == expected


def test_format_date_short() -> None:
    assert format_date_short(date(2017, 12, 29)) == "29/12/2017"
    assert format_date_short(date(2019, 1, 5)) == "05/01/2019"


def test_format_datetime_long() -> None:
    assert format_datetime_long(datetime(2019, 1, 23, 8, 30)) == "08:30, ngày 23 tháng 01 năm 2019"


def test_format_datetime_long_keeps_the_clock_time_of_an_aware_value() -> None:
    hanoi = timezone(timedelta(hours=7))
    value = datetime(2021, 5, 31, 21, 20, tzinfo=hanoi)
    assert format_datetime_long(value) == "21:20, ngày 31 tháng 5 năm 2021"


@pytest.mark.parametrize(("value", "expected"), [
    (1234.5, "1.234,5"),
    (1234567, "1.234.567"),
    (0.5, "0,5"),
    (63, "63"),
])
def test_format_number(value: float, expected: str) -> None:
    assert format_number(value) == expected


def test_remembered_counts_read_as_babel_writes_them() -> None:
    for n in [-1234567, -1, 0, 7, 999, 1000, 10**12, 7, -1]:
        assert format_number(n) == format_decimal(n, locale="vi")
    for x in [7.0, 7.25, 7.25, 0.0, -0.0, 0.0, 1e-7, -1234.5, 7]:
        assert format_number(x) == format_decimal(x, locale="vi")
    assert (format_number(0.0), format_number(-0.0), format_number(7.0)) == ("0", "-0", "7")


@pytest.mark.parametrize(("value", "expected"), [
    (95.5, "95,5%"),
    (100, "100%"),
    (33.333, "33,3%"),
    (0.955, "1%"),
    (95.55, "95,6%"),
    (95.65, "95,7%"),  # half up, where Babel alone would give "95,6%"
    (0, "0%"),
    (-0.04, "0%"),
    (1234.5, "1.234,5%"),
])
def test_format_percent(value: float, expected: str) -> None:
    assert format_percent(value) == expected


def test_remembered_percentages_read_the_same_for_equal_values() -> None:
    pairs = [(0.0, "0%"), (-0.0, "0%"), (0, "0%"), (Decimal("95.65"), "95,7%"),
             (Decimal("95.650"), "95,7%"), (95.65, "95,7%"), (95.65, "95,7%"), (95, "95%")]
    assert [format_percent(v) for v, _ in pairs] == [e for _, e in pairs]
