"""`minhbach doc`: the reading of a phrase, as the site will use it."""

from __future__ import annotations

import pytest

from generator.cli import main


def _doc(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["doc", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Quý II, quý III/2018", "Từ 01/04/2018 đến 30/09/2018"),
    ("Trước ngày 15 hàng quý", "Định kỳ hằng quý, trước ngày 15"),
    ("Theo Kế hoạch của UBND tỉnh", "không có hạn cố định"),
    ("Tháng 8", "Từ 01/08/2018 đến 31/08/2018"),  # the year comes from --year
])
def test_timeline_readings(capsys: pytest.CaptureFixture[str], phrase: str, expected: str) -> None:
    code, out = _doc(capsys, "timeline", phrase, "--year", "2018")
    assert code == 0 and expected in out and f"“{phrase}”" in out


def test_an_impossible_date_is_a_vietnamese_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert _doc(capsys, "timeline", "Trước ngày 31/02/2018", "--year", "2018") == (
        1, "“Trước ngày 31/02/2018”: ngày không tồn tại: 31/02/2018\n")


@pytest.mark.parametrize(("phrase", "expected"), [
    ("từ 80% trở lên", "Đọc là: ≥ 80%"),
    ("trong nhóm 15/63", "Đọc là: hạng 15/63 trở lên"),
    ("không quá 5 hồ sơ", "Đọc là: ≤ 5 hồ sơ"),
    ("Ở mức tốt", "Chỉ tiêu định tính"),
    ("từ 80% đến dưới 90%", "Đọc là: ≥ 80% và < 90%"),
    ("cấp tỉnh đạt 100%, cấp huyện đạt 90%",
     "Đọc là: cấp tỉnh: ≥ 100%; cấp huyện: ≥ 90%\n  Mỗi phần được so"),
])
def test_target_readings(capsys: pytest.CaptureFixture[str], phrase: str, expected: str) -> None:
    code, out = _doc(capsys, "target", phrase)
    assert code == 0 and expected in out
