"""Indicator targets as plans and commitments from many provinces write them, beyond the seeds.

Each phrase with the reading a careful person gives it: comparator, value, unit, the whole a
count is out of, a change, a band's upper bound, and how many targets the phrase holds.
Then results as reports write them, against those targets.
"""

from __future__ import annotations

import pytest

from generator.reading.targets import Comparator, is_met, parse_target

GE, GT, LE, LT, EQ = Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT, Comparator.EQ
RANK = Comparator.RANK_WITHIN

# (text, comparator, value, unit, of, change, upper comparator and bound, parts)
Row = tuple[str, Comparator | None, float | None, str | None, int | None, str | None,
            tuple[Comparator, float] | None, int]
PHRASES: list[Row] = [
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%", GE, 100, "%", None, None, None, 0),
    ("Phấn đấu 98% hồ sơ được giải quyết trước và đúng hạn", GE, 98, "%", None, None, None, 0),
    ("Trên 95% hồ sơ được số hóa", GT, 95, "%", None, None, None, 0),
    ("Tối thiểu 80% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình",
     GE, 80, "%", None, None, None, 0),
    ("Ít nhất 50% hồ sơ được nộp trực tuyến", GE, 50, "%", None, None, None, 0),
    ("Đạt từ 90% trở lên", GE, 90, "%", None, None, None, 0),
    ("Mức độ hài lòng đạt 95,5% trở lên", GE, 95.5, "%", None, None, None, 0),
    ("Tỷ lệ hồ sơ trễ hạn không quá 2%", LE, 2, "%", None, None, None, 0),
    ("Tỷ lệ hồ sơ trễ hạn dưới 1%", LT, 1, "%", None, None, None, 0),
    ("Không vượt quá 3% tổng số hồ sơ", LE, 3, "%", None, None, None, 0),
    ("Giảm ít nhất 10% thời gian giải quyết", GE, 10, "%", None, "decrease", None, 0),
    ("Cắt giảm tối thiểu 20% chi phí tuân thủ thủ tục hành chính", GE, 20, "%", None,
     "decrease", None, 0),
    ("Tăng 5% so với năm 2023", GE, 5, "%", None, "increase", None, 0),
    ("Giảm còn dưới 5%", LT, 5, "%", None, None, None, 0),
    ("Duy trì 100% cơ quan có chuyên mục cải cách hành chính", GE, 100, "%", None, None,
     None, 0),
    ("Chỉ số PAR INDEX trong nhóm 10/63 tỉnh, thành phố", RANK, 10, "rank", 63, None, None, 0),
    ("Xếp hạng 20/63", RANK, 20, "rank", 63, None, None, 0),
    ("Nằm trong top 15 cả nước", RANK, 15, "rank", None, None, None, 0),
    ("Xếp thứ 5/34 tỉnh, thành phố", RANK, 5, "rank", 34, None, None, 0),
    ("12/12 đơn vị trực thuộc triển khai phần mềm", GE, 12, "đơn vị", 12, None, None, 0),
    ("9/9 huyện, thành phố có Trung tâm Phục vụ hành chính công", GE, 9, "huyện", 9, None,
     None, 0),
    ("Ít nhất 02 cuộc kiểm tra/năm", GE, 2, "cuộc", None, None, None, 0),
    ("Kiểm tra ít nhất 02 cuộc/năm", GE, 2, "cuộc/năm", None, None, None, 0),
    ("Tổ chức ít nhất 04 lớp tập huấn", GE, 4, "lớp", None, None, None, 0),
    ("Ít nhất 01 mô hình, sáng kiến mới", GE, 1, "mô hình", None, None, None, 0),
    ("Có ít nhất một sáng kiến cải cách hành chính", GE, 1, "sáng kiến", None, None, None, 0),
    ("Không quá 5 ngày làm việc", LE, 5, "ngày", None, None, None, 0),
    ("Đăng tải tối thiểu 10 tin bài/quý", GE, 10, "tin bài/quý", None, None, None, 0),
    ("0% hồ sơ trễ hạn", LE, 0, "%", None, None, None, 0),
    ("Tăng ít nhất 10 bậc so với năm 2023", GE, 10, "bậc", None, "increase", None, 0),
    ("Đạt từ 85 điểm trở lên", GE, 85, "điểm", None, None, None, 0),
    ("Xếp thứ hạng từ 1-15", RANK, 15, "rank", None, None, None, 0),
    ("Đạt 85% (năm 2023 đạt 80%)", GE, 85, "%", None, None, None, 0),  # a baseline, not a part
    # Negation: "do not let any … fall below X" is "at least X".
    ("Không để cơ quan nào có kết quả dưới 75%", GE, 75, "%", None, None, None, 0),
    ("Không để xã nào có tỷ lệ hồ sơ trực tuyến dưới 50%", GE, 50, "%", None, None, None, 0),
    ("Không có đơn vị nào xếp loại dưới 70%", GE, 70, "%", None, None, None, 0),
    ("Không để tỷ lệ hồ sơ trễ hạn vượt quá 2%", LE, 2, "%", None, None, None, 0),
    ("Không còn đơn vị nào đạt thấp hơn 80%", GE, 80, "%", None, None, None, 0),
    ("Không để xảy ra trên 3% hồ sơ quá hạn", LE, 3, "%", None, None, None, 0),
    # Counts of bodies reaching a grade.
    ("8/12 sở đạt loại khá trở lên", GE, 8, "sở", 12, None, None, 0),
    ("10/11 huyện xếp loại tốt", GE, 10, "huyện", 11, None, None, 0),
    ("20/25 xã đạt loại khá trở lên", GE, 20, "xã", 25, None, None, 0),
    ("15/17 cơ quan xếp loại xuất sắc và tốt", GE, 15, "cơ quan", 17, None, None, 0),
    ("5/7 phòng chuyên môn đạt loại tốt", GE, 5, "phòng", 7, None, None, 0),
    # Bands keep both bounds.
    ("Từ 80% đến dưới 90%", GE, 80, "%", None, None, (LT, 90), 0),
    ("Đạt từ 70% đến 80%", GE, 70, "%", None, None, (LE, 80), 0),
    ("Tỷ lệ từ 50% đến không quá 60%", GE, 50, "%", None, None, (LE, 60), 0),
    ("85% - 95%", GE, 85, "%", None, None, (LE, 95), 0),
    ("từ 90,5% đến dưới 95%", GE, 90.5, "%", None, None, (LT, 95), 0),
    ("Trên 90% đến 95%", GT, 90, "%", None, None, (LE, 95), 0),
    ("95-100%", GE, 95, "%", None, None, (LE, 100), 0),
    ("Tỷ lệ từ 90 đến dưới 95 điểm", GE, 90, "điểm", None, None, (LT, 95), 0),
    # Several targets in one phrase: each is a part; the fields read the first.
    ("cấp tỉnh đạt 100%, cấp huyện đạt 90%, cấp xã đạt 70%", GE, 100, "%", None, None, None, 3),
    ("Cấp tỉnh 80%; cấp huyện 60%; cấp xã 40%", GE, 80, "%", None, None, None, 3),
    ("Mức độ 3 đạt 40% trở lên; mức độ 4 đạt 30% trở lên", GE, 40, "%", None, None, None, 2),
    ("100% cơ quan cấp tỉnh, 90% cơ quan cấp huyện", GE, 100, "%", None, None, None, 2),
    ("Trên 90% (riêng lĩnh vực đất đai từ 85% trở lên)", GT, 90, "%", None, None, None, 2),
    ("95% văn bản điện tử; tối thiểu 62% hồ sơ công việc tại huyện; 50% tại cấp xã",
     GE, 95, "%", None, None, None, 3),
    ("Sở, ngành từ 80% đến dưới 90%; huyện từ 70% đến dưới 80%", GE, 80, "%", None, None,
     (LT, 90), 2),
    ("ít nhất 30% đơn vị; ít nhất 05 đơn vị/quý", GE, 30, "%", None, None, None, 2),
    # Grades and phrases without a measure.
    ("Xếp loại tốt", None, None, None, None, None, None, 0),
    ("Hoàn thành xuất sắc nhiệm vụ", None, None, None, None, None, None, 0),
    ("Ở mức khá trở lên", None, None, None, None, None, None, 0),
    ("Hoàn thành theo kế hoạch của UBND tỉnh", None, None, None, None, None, None, 0),
    ("Đảm bảo công khai, minh bạch", None, None, None, None, None, None, 0),
    # A number in a document reference is not a target.
    ("Thực hiện theo Quyết định số 1291/QĐ-BNV ngày 30/12/2024", None, None, None, None, None,
     None, 0),
]


def test_the_collection_has_no_repeats() -> None:
    assert len(PHRASES) >= 55
    assert len({row[0] for row in PHRASES}) == len(PHRASES)


@pytest.mark.parametrize("row", PHRASES, ids=[row[0][:40] for row in PHRASES])
def test_real_targets(row: Row) -> None:
    text, comparator, value, unit, of, change, upper, parts = row
    target = parse_target(text)
    assert target is not None
    assert (target.comparator, target.value, target.unit, target.of, target.change) == (
        comparator, value, unit, of, change)
    assert ((target.upper_comparator, target.upper) if target.upper is not None else None) == upper
    assert len(target.parts) == parts


@pytest.mark.parametrize(("text", "grade"), [
    ("8/12 sở đạt loại khá trở lên", "loại khá"),
    ("10/11 huyện xếp loại tốt", "xếp loại tốt"),
])
def test_a_count_of_bodies_keeps_the_grade_they_reach(text: str, grade: str) -> None:
    target = parse_target(text)
    assert target is not None and target.qualitative == grade


def test_parts_are_labelled_with_what_they_measure() -> None:
    target = parse_target("cấp tỉnh đạt 100%, cấp huyện đạt 90%, cấp xã đạt 70%")
    assert target is not None
    assert [(p.label, p.comparator, p.value) for p in target.parts] == [
        ("cấp tỉnh", GE, 100), ("cấp huyện", GE, 90), ("cấp xã", GE, 70)]


THREE_LEVELS = "cấp tỉnh đạt 100%, cấp huyện đạt 90%, cấp xã đạt 70%"


@pytest.mark.parametrize(("target", "achieved", "met"), [
    ("Không để cơ quan nào có kết quả dưới 75%", "80%", True),
    ("Không để cơ quan nào có kết quả dưới 75%", "75%", True),
    ("Không để cơ quan nào có kết quả dưới 75%", "70%", False),
    ("Không để tỷ lệ hồ sơ trễ hạn vượt quá 2%", "1,5%", True),
    ("Không để tỷ lệ hồ sơ trễ hạn vượt quá 2%", "2,5%", False),
    ("8/12 sở đạt loại khá trở lên", "9/12", True),
    ("8/12 sở đạt loại khá trở lên", "8/12 sở", True),
    ("8/12 sở đạt loại khá trở lên", "7/12 sở", False),
    ("8/12 sở đạt loại khá trở lên", "75%", True),
    ("8/12 sở đạt loại khá trở lên", "xếp loại khá", None),
    ("Từ 80% đến dưới 90%", "85%", True),
    ("Từ 80% đến dưới 90%", "80%", True),
    ("Từ 80% đến dưới 90%", "90%", False),
    ("Từ 80% đến dưới 90%", "79,9%", False),
    ("Đạt từ 70% đến 80%", "80%", True),
    ("Tỷ lệ từ 90 đến dưới 95 điểm", "92 điểm", True),
    ("Tỷ lệ từ 90 đến dưới 95 điểm", "95 điểm", False),
    ("0% hồ sơ trễ hạn", "0%", True),
    ("0% hồ sơ trễ hạn", "0,5%", False),
    ("Đạt 85% (năm 2023 đạt 80%)", "86%", True),
    (THREE_LEVELS, "cấp tỉnh 100%, cấp huyện 85%, cấp xã 72%", False),
    (THREE_LEVELS, "cấp tỉnh 100%, cấp huyện 90%, cấp xã 72%", True),
    (THREE_LEVELS, "Cấp xã: 70%; cấp huyện: 91%; cấp tỉnh: 100%", True),
    (THREE_LEVELS, "100%; 85%; 72%", False),  # in the target's order
    (THREE_LEVELS, "100%; 95%; 80%", True),
    (THREE_LEVELS, "85%", None),  # one number for three targets decides nothing
    (THREE_LEVELS, "100%", None),
    (THREE_LEVELS, "cấp tỉnh 100%, cấp huyện 95%", None),  # cấp xã not reported
    (THREE_LEVELS, "cấp tỉnh 100%, cấp huyện 95%, cấp xã chưa có số liệu", None),
    (THREE_LEVELS, "cấp tỉnh 100%, cấp huyện 80%, cấp xã chưa có số liệu", False),
    ("Mức độ 3 đạt 40% trở lên; mức độ 4 đạt 30% trở lên", "mức độ 3: 45%; mức độ 4: 28%", False),
])
def test_results_against_real_targets(target: str, achieved: str, met: bool | None) -> None:
    reading = parse_target(target)
    assert reading is not None
    assert is_met(reading, achieved) is met
