"""Guessing a section's reform area from its title: right, or listed as a doubt."""

from __future__ import annotations

import pytest

from generator.data.models import Area
from generator.importers.plan_rows import RowBuilder

AREAS = {a.id: a for a in [
    Area(id="chi-dao-dieu-hanh", name="Công tác chỉ đạo, điều hành", order=1),
    Area(id="cai-cach-the-che", name="Cải cách thể chế", order=2),
    Area(id="hien-dai-hoa-hanh-chinh",
         name="Hiện đại hóa hành chính, chính quyền điện tử, chính quyền số", order=7),
    Area(id="tuyen-truyen", name="Thông tin, tuyên truyền cải cách hành chính", order=8),
    Area(id="kiem-tra", name="Kiểm tra, giám sát cải cách hành chính", order=9),
    Area(id="khac", name="Nhiệm vụ khác", order=10),
]}


@pytest.mark.parametrize(("title", "area", "doubt"), [
    ("CẢI CÁCH THỂ CHẾ", "cai-cach-the-che", None),
    ("XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "hien-dai-hoa-hanh-chinh",
     None),
    # A tie goes to the area the title names first, as a doubt naming the others.
    ("CÔNG TÁC CHỈ ĐẠO, TUYÊN TRUYỀN, KIỂM TRA", "chi-dao-dieu-hanh",
     "đoán là “chi-dao-dieu-hanh” (cũng có thể: tuyen-truyen, kiem-tra)"),
    ("MỘT CỬA LIÊN THÔNG", "tuyen-truyen", "đoán là “tuyen-truyen”"),  # one word of three
    ("QUỐC PHÒNG", "khac", "không đoán được lĩnh vực"),
])
def test_area_guess(title: str, area: str, doubt: str | None) -> None:
    rows = RowBuilder(2024, AREAS, agencies=None)  # type: ignore[arg-type]
    assert rows._area(title, "bảng 1, dòng 2") == area
    if doubt is None:
        assert rows.doubts == []
    else:
        [listed] = rows.doubts
        assert doubt in listed.message and listed.where == "bảng 1, dòng 2"
