"""Reading indicator targets as written, and deciding whether results meet them."""

from __future__ import annotations

import pytest

from generator.reading.targets import Comparator, Target, is_met, parse_number, parse_target

GE, GT, LE, LT, EQ = Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT, Comparator.EQ
RANK = Comparator.RANK_WITHIN


@pytest.mark.parametrize(("text", "expected"), [
    ("55,5", 55.5),
    ("1.234,5", 1234.5),
    ("1.234", 1234.0),
    ("12.345.678", 12345678.0),
    ("05", 5.0),
    ("100", 100.0),
    ("95.5", 95.5),  # English decimal point, as some sources write it
    ("0.955", 0.955),
    ("-3,5", -3.5),
    (" 1 234,5 ", 1234.5),
])
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "12%", "1..2", "1.23.4"])
def test_parse_number_rejects_non_numbers_in_vietnamese(text: str) -> None:
    with pytest.raises(ValueError, match="^không đọc được số: "):
        parse_number(text)


# (text as written, comparator, value, unit, of, change)
MEASURED = [
    ("100%", GE, 100, "%", None, None),
    ("đạt 100%", GE, 100, "%", None, None),
    ("Tối thiểu từ 40% trở lên", GE, 40, "%", None, None),
    ("từ 40% trở lên", GE, 40, "%", None, None),
    ("95% trở lên", GE, 95, "%", None, None),
    ("Tối thiểu 85%", GE, 85, "%", None, None),
    ("ít nhất 30%", GE, 30, "%", None, None),
    ("không dưới 80%", GE, 80, "%", None, None),
    ("≥ 90%", GE, 90, "%", None, None),
    (">=90%", GE, 90, "%", None, None),
    ("55,5%", GE, 55.5, "%", None, None),
    ("trên 90%", GT, 90, "%", None, None),
    ("đạt trên 90%", GT, 90, "%", None, None),
    ("không quá 5%", LE, 5, "%", None, None),
    ("không vượt quá 5%", LE, 5, "%", None, None),
    ("tối đa 10%", LE, 10, "%", None, None),
    ("từ 5% trở xuống", LE, 5, "%", None, None),
    ("dưới 5%", LT, 5, "%", None, None),
    ("bằng 0%", EQ, 0, "%", None, None),
    ("Giảm 10%", GE, 10, "%", None, "decrease"),
    ("giảm ít nhất 10%", GE, 10, "%", None, "decrease"),
    ("giảm không quá 2%", LE, 2, "%", None, "decrease"),
    ("tăng 3% so với năm 2020", GE, 3, "%", None, "increase"),
    ("giảm còn 5%", LE, 5, "%", None, None),
    ("giảm xuống dưới 5%", LT, 5, "%", None, None),
    ("tăng lên 90%", GE, 90, "%", None, None),
    ("trong nhóm 15/63", RANK, 15, "rank", 63, None),
    ("Trong nhóm 20/63 tỉnh, thành", RANK, 20, "rank", 63, None),
    ("xếp hạng 10/63", RANK, 10, "rank", 63, None),
    ("Top 10", RANK, 10, "rank", None, None),
    ("6/6 đơn vị", GE, 6, "đơn vị", 6, None),
    ("ít nhất 05 đơn vị/quý", GE, 5, "đơn vị/quý", None, None),
    ("không quá 3 ngày", LE, 3, "ngày", None, None),
    ("1.234,5 lượt", GE, 1234.5, "lượt", None, None),
    ("12", GE, 12, None, None, None),
    ("trên 90", GT, 90, None, None, None),
    ("dưới 5", LT, 5, None, None, None),
]


@pytest.mark.parametrize(("text", "comparator", "value", "unit", "of", "change"), MEASURED)
def test_measured_targets(text: str, comparator: Comparator, value: float, unit: str | None,
                          of: int | None, change: str | None) -> None:
    assert parse_target(text) == Target(text, comparator, value, unit, of, None, change)


@pytest.mark.parametrize(("text", "qualitative"), [
    ("xếp loại tốt", "xếp loại tốt"),
    ("Trong nhóm tốt các cơ quan chuyên môn thuộc tỉnh", "nhóm tốt"),
    ("Xuất sắc", "xuất sắc"),
    ("Hoàn thành tốt nhiệm vụ", "tốt"),
    ("Đạt hiệu quả tốt nhất", "Đạt hiệu quả tốt nhất"),
    ("Hoàn thành", "Hoàn thành"),
    ("Hoàn thành  theo\nkế hoạch", "Hoàn thành theo kế hoạch"),
])
def test_qualitative_targets(text: str, qualitative: str) -> None:
    assert parse_target(text) == Target(text, qualitative=qualitative)


@pytest.mark.parametrize("text", [None, "", "  "])
def test_no_target(text: str | None) -> None:
    assert parse_target(text) is None


def _read(text: str) -> Target:
    target = parse_target(text)
    assert target is not None
    return target


@pytest.mark.parametrize(("text", "percent"), [
    ("6/6 đơn vị", 100.0),
    ("3/4 đơn vị", 75.0),
    ("55,5%", 55.5),
    ("trong nhóm 15/63", None),
    ("5 đơn vị", None),
    ("xếp loại tốt", None),
])
def test_percent(text: str, percent: float | None) -> None:
    assert _read(text).percent == percent


# Real targets of the five seed plans, as written there (the objective sentences and the
# "Chỉ tiêu phấn đấu" column), with (comparator, value, unit, of, change) or a qualitative.
SEED_MEASURED = [
    # 001 An Giang 2018, "2. Mục tiêu cụ thể" and the appendix.
    (("100% thủ tục hành chính thuộc thẩm quyền giải quyết của các sở, ban ngành, Ủy ban nhân "
      "dân cấp huyện, cấp xã được tiếp nhận, giải quyết theo cơ chế một cửa, cơ chế một cửa "
      "liên thông."), GE, 100, "%", None, None),
    (("100% đơn vị sự nghiệp công lập thuộc tỉnh đủ điều kiện theo quy định, được triển khai "
      "cơ chế vận dụng tài chính như doanh nghiệp (theo quy định tại Nghị định số "
      "16/2015/NĐ-CP ngày 14/02/2015 của Chính phủ)."), GE, 100, "%", None, None),
    ("99% cán bộ, công chức thường xuyên sử dụng thư điện tử để trao đổi công việc.",
     GE, 99, "%", None, None),
    (("80% số văn bản đi được phát hành dưới dạng thư điện tử so với tổng số văn bản đi của "
      "các cơ quan hành chính cấp tỉnh, cấp huyện, cấp xã."), GE, 80, "%", None, None),
    (("Tối thiểu từ 40% trở lên số hồ sơ thủ tục hành chính được xử lý trực tuyến mức độ 3 "
      "trên tổng số hồ sơ thủ tục hành chính đã tiếp nhận trong năm được triển khai cung cấp "
      "trực tuyến mức độ 3."), GE, 40, "%", None, None),
    ("Tối thiểu từ 30% trở lên số hồ sơ thủ tục hành chính được xử lý trực tuyến mức độ 4",
     GE, 30, "%", None, None),
    (("Tối thiểu 85% số người được khảo sát hài lòng đối với các dịch vụ do cơ quan hành "
      "chính nhà nước các cấp trong tỉnh cung cấp."), GE, 85, "%", None, None),
    (("Tối thiểu đạt 85% người được khảo sát hài lòng đối với sự phục vụ của cán bộ, công "
      "chức, viên chức của tỉnh"), GE, 85, "%", None, None),
    (("Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số năng lực cạnh cấp tỉnh (PCI) năm 2018 "
      "tỉnh An Giang trong nhóm 15/63 tỉnh, thành của cả nước."), RANK, 15, "rank", 63, None),
    (("Chỉ số hiệu quả Quản trị và hành chính công (PAPI) tỉnh An Giang năm 2018 trong nhóm "
      "20/63 tỉnh, thành của cả nước."), RANK, 20, "rank", 63, None),
    (("Cung cấp dịch vụ công trực tuyến mức độ 3, hồ sơ xử lý trực tuyến so với tổng số hồ sơ "
      "tiếp nhận trực tuyến mức độ 3 đạt từ 40% trở lên trên tổng hồ sơ đã nhận"),
     GE, 40, "%", None, None),
    # 002 Bình Định 2024, appendix I "Chỉ tiêu phấn đấu năm 2024" and II.2.
    ("100%", GE, 100, "%", None, None),
    ("80%", GE, 80, "%", None, None),
    ("50%", GE, 50, "%", None, None),
    ("90%", GE, 90, "%", None, None),
    ("55%", GE, 55, "%", None, None),
    ("60%", GE, 60, "%", None, None),
    ("Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (TTHC) đạt 80%",
     GE, 80, "%", None, None),
    (("50% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi "
      "trường số"), GE, 50, "%", None, None),
    # 000 TP.HCM Sở NN&PTNT 2019, "I. MỤC TIÊU".
    ("Tỷ lệ hồ sơ giải quyết các thủ tục hành chính của ngành đúng hẹn đạt 100%.",
     GE, 100, "%", None, None),
    (("6/6 đơn vị trực thuộc cài đặt phần mềm đánh giá mức độ hài lòng của người dân, doanh "
      "nghiệp"), GE, 6, "đơn vị", 6, None),
    ("Mức độ đánh giá hài lòng của người dân, doanh nghiệp trên phần mềm đạt 95% trở lên.",
     GE, 95, "%", None, None),
    (("Phấn đấu 35% trở lên hồ sơ thủ tục hành chính được xử lý trên dịch vụ công trực tuyến "
      "mức độ 3, 4"), GE, 35, "%", None, None),
    ("có từ 10% trở lên số hồ sơ được tiếp nhận qua dịch vụ bưu chính công ích",
     GE, 10, "%", None, None),
    ("Tổ chức kiểm tra định kỳ và đột xuất 50% các phòng ban, đơn vị trực thuộc",
     GE, 50, "%", None, None),
    # 003 TP.HCM 9 chỉ tiêu 2021.
    (("hoàn thành 100% nhiệm vụ được Chủ tịch Ủy ban nhân dân Thành phố giao trong Kế hoạch "
      "cải cách hành chính năm 2021 trước ngày 01 tháng 11 năm 2021."), GE, 100, "%", None, None),
    ("Tổ chức kiểm tra định kỳ ít nhất 30% các phòng, ban chuyên môn, đơn vị trực thuộc",
     GE, 30, "%", None, None),
    ("kiểm tra đột xuất ít nhất 05 đơn vị/quý về công vụ", GE, 5, "đơn vị/quý", None, None),
    ("Mức độ hài lòng của người dân và doanh nghiệp đạt từ 91% trở lên.",
     GE, 91, "%", None, None),
    ("Tỷ lệ hồ sơ được xử lý trực tuyến năm 2021 tăng 3% so với năm 2020.",
     GE, 3, "%", None, "increase"),
    (("Số lượng thủ tục hành chính đủ điều kiện được đưa vào cung cấp dịch vụ công trực tuyến "
      "mức độ 3, mức độ 4 năm 2021 tăng 5% so với năm 2020."), GE, 5, "%", None, "increase"),
    (("riêng lĩnh vực giáo dục, y tế có trên 95% đơn vị sự nghiệp công lập ứng dụng thanh "
      "toán điện tử thay cho tiền mặt"), GT, 95, "%", None, None),
    # The seed prints "5.98% hồ sơ": item 5, target 98%.
    (("98% hồ sơ thủ tục hành chính trên từng lĩnh vực được giải quyết đúng hạn (riêng đối với "
      "lĩnh vực đất đai và đầu tư đạt từ 96% trở lên)"), GE, 98, "%", None, None),
    ("riêng đối với lĩnh vực đất đai và đầu tư đạt từ 96% trở lên", GE, 96, "%", None, None),
    (("Mỗi phòng, ban chuyên môn, đơn vị trực thuộc có ít nhất một sáng kiến, giải pháp cải "
      "tiến hiệu quả"), GE, 1, "sáng kiến", None, None),
    ("Có ít nhất 01 sản phẩm, mô hình tuyên truyền hiệu quả về công tác cải cách hành chính",
     GE, 1, "sản phẩm", None, None),
    # 004 Sơn Dương 2021, "II. MỤC TIÊU".
    (("Tiếp tục duy trì 100% thủ tục hành chính, hồ sơ thủ tục hành chính được tiếp nhận và "
      "giải quyết theo cơ chế một cửa"), GE, 100, "%", None, None),
    (("Phân đầu 95% văn bản trao đổi giữa các cơ quan nhà nước (trừ văn bản mật theo quy định "
      "của pháp luật) dưới dạng điện tử"), GE, 95, "%", None, None),
    ("tối thiểu 62% hồ sơ công việc tại huyện", GE, 62, "%", None, None),
    (("Phân đầu tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến trên tổng số hồ sơ giải "
      "quyết thủ tục hành chính của huyện đạt từ 25% trở lên"), GE, 25, "%", None, None),
    (("Phân đầu tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận/trả kết quả qua dịch vụ bưu "
      "chính công ích đạt từ 20% trở lên."), GE, 20, "%", None, None),
    (("Mức độ hài lòng của người dân và tổ chức về giải quyết thủ tục hành chính đạt 90% trở "
      "lên."), GE, 90, "%", None, None),
    ("tổ chức kiểm tra ít nhất 30% số các cơ quan, đơn vị", GE, 30, "%", None, None),
]


@pytest.mark.parametrize(("text", "comparator", "value", "unit", "of", "change"), SEED_MEASURED)
def test_seed_targets(text: str, comparator: Comparator, value: float, unit: str | None,
                      of: int | None, change: str | None) -> None:
    assert parse_target(text) == Target(text, comparator, value, unit, of, None, change)


SEED_QUALITATIVE = [
    ("Trong nhóm tốt các cơ quan chuyên môn thuộc tỉnh", "nhóm tốt"),  # 002
    ("Chỉ số cải cách hành chính Parindex xếp loại tốt.", "xếp loại tốt"),  # 000
    (("Phần đầu năm 2024, Chỉ số Năng lực cạnh tranh, Chỉ số Cải cách hành chính, Chỉ số Hiệu "
      "quả Quản trị và Hành chính công, Chỉ số hài lòng của người dân, tổ chức đối với sự phục "
      "vụ của cơ quan hành chính nhà nước ở mức tốt."), "mức tốt"),  # 002
    # 002: dates and numbers of other documents are not targets.
    (("Hoàn thành chỉ tiêu theo Kế hoạch của UBND tỉnh về việc tiếp tục sắp xếp, tổ chức lại "
      "các đơn vị sự nghiệp công lập trên địa bàn tỉnh Bình Định đến năm 2025 theo Kết luận số "
      "62-KL/TW ngày 02/10/2023 của Bộ Chính trị"), None),
    (("Hoàn thành các chỉ tiêu đề ra theo Quyết định số 3416/QĐ-UBND ngày 14/9/2023 của UBND "
      "tỉnh"), None),
    # 001
    (("Thực hiện hiệu quả, đúng quy định Quyết định số 45/2016/QĐ-TTg ngày 19 tháng 10 năm "
      "2016 của Thủ tướng Chính phủ về việc tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục "
      "hành chính qua dịch vụ bưu chính công ích."), None),
]


@pytest.mark.parametrize(("text", "grade"), SEED_QUALITATIVE)
def test_seed_qualitative_targets(text: str, grade: str | None) -> None:
    target = _read(text)
    assert (target.comparator, target.value, target.unit) == (None, None, None)
    assert target.qualitative == (grade or text)


@pytest.mark.parametrize(("target", "achieved", "met"), [
    ("95% trở lên", "96,5%", True),
    ("95% trở lên", "95%", True),
    ("95% trở lên", "94,9%", False),
    ("95% trở lên", "96", True),
    ("100%", "100%", True),
    ("100%", "99,9%", False),
    ("80%", "85%", True),  # a bare target is a level to reach
    ("trên 90%", "90%", False),
    ("trên 90%", "90,1%", True),
    ("không quá 5%", "5%", True),
    ("không quá 5%", "5,5%", False),
    ("dưới 5%", "5%", False),
    ("dưới 5%", "4,9%", True),
    ("bằng 0%", "0%", True),
    ("bằng 0%", "0,1%", False),
    ("trong nhóm 15/63", "hạng 12/63", True),
    ("trong nhóm 15/63", "hạng 15/63", True),
    ("trong nhóm 15/63", "16", False),
    ("trong nhóm 15/63", "12/63", True),
    ("trong nhóm 15/63", "95%", None),
    ("95%", "hạng 3/63", None),
    ("6/6 đơn vị", "6/6", True),
    ("6/6 đơn vị", "5/6", False),
    ("6/6 đơn vị", "100%", True),
    ("6/6 đơn vị", "6 đơn vị", True),
    ("6/6 đơn vị", "5 đơn vị", False),
    ("ít nhất 05 đơn vị/quý", "6 đơn vị", True),
    ("ít nhất 05 đơn vị/quý", "4", False),
    ("ít nhất 05 đơn vị/quý", "80%", None),
    ("Giảm 10%", "giảm 12%", True),
    ("Giảm 10%", "12%", True),
    ("Giảm 10%", "giảm 8%", False),
    ("Giảm 10%", "tăng 12%", False),
    ("tăng 3% so với năm 2020", "tăng 3,5%", True),
    ("xếp loại tốt", "Xuất sắc", True),
    ("xếp loại tốt", "Tốt", True),
    ("xếp loại tốt", "xếp loại khá", False),
    ("Trong nhóm tốt các cơ quan chuyên môn thuộc tỉnh", "nhóm tốt", True),
    ("Hoàn thành", "Đã hoàn thành", None),
    ("xếp loại tốt", "Đạt", None),
    ("95% trở lên", "xếp loại tốt", None),
    ("95% trở lên", "chưa có số liệu", None),
    ("95% trở lên", "", None),
])
def test_is_met(target: str, achieved: str, met: bool | None) -> None:
    assert is_met(_read(target), achieved) is met
