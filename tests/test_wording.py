"""Plain words for legal validity and for what was read from a target."""

from __future__ import annotations

import pytest

from generator.data.models import PlanStatus
from generator.reading.targets import parse_target
from generator.site.wording import target_reading, validity


def test_validity_has_one_vocabulary() -> None:
    assert validity(PlanStatus.CON_HIEU_LUC) == "còn hiệu lực"
    assert validity("het-hieu-luc") == "hết hiệu lực"
    assert validity("chua-xac-dinh") == "chưa xác định"
    assert validity("du-thao") == "chưa có (dự thảo)"


@pytest.mark.parametrize(("written", "reading"), [
    ("Tối thiểu từ 40% trở lên", "Đọc là: ≥ 40%"),
    ("đạt 100%", "Đọc là: ≥ 100%"),
    ("dưới 5%", "Đọc là: < 5%"),
    ("trong nhóm 15/63 tỉnh, thành", "Đọc là: hạng 15/63 trở lên"),
    ("6/6 đơn vị", "Đọc là: ≥ 6/6 đơn vị"),
    ("Giảm 10% so với năm 2020", "Đọc là: giảm ≥ 10%"),
    ("xếp loại tốt", "Không có mức số để so sánh"),
    ("từ 80% đến dưới 90%", "Đọc là: ≥ 80% và < 90%"),
    ("95-100%", "Đọc là: ≥ 95% và ≤ 100%"),
    ("Không để cơ quan nào có kết quả dưới 75%", "Đọc là: ≥ 75%"),
    ("8/12 sở đạt loại khá trở lên", "Đọc là: ≥ 8/12 sở, loại khá"),
    ("cấp tỉnh đạt 100%, cấp huyện đạt 90%, cấp xã đạt 70%",
     "Đọc là: cấp tỉnh: ≥ 100%; cấp huyện: ≥ 90%; cấp xã: ≥ 70%"),
])
def test_a_target_shows_its_reading_or_why_there_is_none(written: str, reading: str) -> None:
    assert target_reading(parse_target(written)) == reading


def test_no_target_no_words() -> None:
    assert target_reading(None) == ""
