"""Report files are validated like the rest: every mistake is a located Vietnamese message."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.data.dataset import load_dataset
from generator.errors import InvalidProject

PLAN = "tn-10-kh-ubnd-2024"
REPORT = f"data/reports/{PLAN}/2024-quy-1.yaml"
GOOD = f"""\
plan: {PLAN}
period: 2024-quy-1
sample: true
number: 5/BC-UBND
date: 2024-03-20
cutoff: 2024-03-14
issuer: tn-ubnd-tinh
tasks:
  - task: i-1
    status: dang-thuc-hien
    note: Đang lấy ý kiến các sở
  - task: ii-1
    status: chua-thuc-hien
indicators:
  - indicator: mt-1
    achieved: "95,5%"
"""


def _write(root: Path, text: str, name: str = REPORT) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _with(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


def _problems(root: Path) -> list[str]:
    with pytest.raises(InvalidProject) as caught:
        load_dataset(root)
    return [str(p) for p in caught.value.problems.sorted()]


def test_a_good_report_loads(site: Path) -> None:
    _write(site, GOOD)
    data = load_dataset(site)
    report = data.reports[PLAN]["2024-quy-1"]
    assert report.sample and report.number == "5/BC-UBND"
    assert [(t.task, t.status.value) for t in report.tasks] == [
        ("i-1", "dang-thuc-hien"), ("ii-1", "chua-thuc-hien")]


def test_status_may_be_typed_as_it_reads(site: Path) -> None:
    _write(site, _with("status: dang-thuc-hien", "status: Hoàn thành trễ hạn"))
    assert load_dataset(site).reports[PLAN]["2024-quy-1"].tasks[0].status == "hoan-thanh-tre-han"


def test_unknown_task(site: Path) -> None:
    _write(site, _with("task: i-1\n", "task: i-9\n"))
    assert _problems(site) == [
        f"{REPORT}:9:11: không tìm thấy nhiệm vụ “i-9” trong kế hoạch {PLAN}; có phải: i-2, i-1?"]


def test_unknown_indicator(site: Path) -> None:
    _write(site, _with("indicator: mt-1", "indicator: mt-7"))
    assert _problems(site) == [
        (f"{REPORT}:15:16: không tìm thấy chỉ tiêu “mt-7” trong kế hoạch {PLAN}; "
        "có phải: mt-2, mt-1, mt-1-1?")]


def test_status_outside_the_list_names_the_allowed_values(site: Path) -> None:
    _write(site, _with("status: dang-thuc-hien", "status: xong"))
    assert _problems(site) == [
        (f"{REPORT}:10:13: giá trị “xong” không hợp lệ; chỉ chấp nhận: hoan-thanh, "
         "hoan-thanh-tre-han, dang-thuc-hien, chua-thuc-hien, khong-thuc-hien")]


def test_not_carried_out_needs_a_reason(site: Path) -> None:
    _write(site, _with("status: chua-thuc-hien", "status: khong-thuc-hien"))
    assert _problems(site) == [
        (f"{REPORT}:13:13: trạng thái “khong-thuc-hien” (không thực hiện) cần ghi lý do ở "
        "trường “reason”")]


def test_a_task_reported_twice_names_both_places(site: Path) -> None:
    _write(site, _with("task: ii-1", "task: i-1"))
    assert _problems(site) == [
        f"{REPORT}:12:11: kết quả của nhiệm vụ “i-1” bị trùng; đã khai báo tại {REPORT}:9:11"]


def test_unknown_field_lists_the_valid_ones(site: Path) -> None:
    _write(site, _with("    note: Đang", "    ghi_chu: Đang"))
    assert _problems(site) == [
        (f"{REPORT}:11:5: trường “ghi_chu” không có trong định dạng; các trường hợp lệ: task, "
        "status, completed, note, reason, evidence")]


def test_missing_cutoff(site: Path) -> None:
    _write(site, _with("cutoff: 2024-03-14\n", ""))
    assert _problems(site) == [f"{REPORT}:1:1: thiếu trường bắt buộc “cutoff”"]


def test_cutoff_after_the_report_date(site: Path) -> None:
    _write(site, _with("cutoff: 2024-03-14", "cutoff: 2024-03-25"))
    assert _problems(site) == [
        f"{REPORT}:6:9: ngày chốt số liệu (cutoff) 2024-03-25 sau ngày báo cáo (date) 2024-03-20"]


def test_cutoff_before_the_period(site: Path) -> None:
    _write(site, _with("cutoff: 2024-03-14", "cutoff: 2023-12-14"))
    assert _problems(site) == [
        (f"{REPORT}:6:9: ngày chốt số liệu (cutoff) 2023-12-14 trước ngày đầu kỳ quý I năm 2024 "
        "(2024-01-01)")]


def test_completion_date_needs_a_done_status_and_a_day_before_the_cutoff(site: Path) -> None:
    text = _with("    note: Đang lấy ý kiến các sở\n", "    completed: 2024-03-01\n")
    text = text.replace("status: chua-thuc-hien", "status: hoan-thanh\n    completed: 2024-03-16")
    _write(site, text)
    assert _problems(site) == [
        (f"{REPORT}:11:16: chỉ ghi ngày hoàn thành (completed) khi trạng thái là “hoan-thanh” "
        "hoặc “hoan-thanh-tre-han”"),
        f"{REPORT}:14:16: ngày hoàn thành 2024-03-16 sau ngày chốt số liệu 2024-03-14 của báo cáo",
    ]


def test_evidence_is_checked(site: Path) -> None:
    (site / "content/files/minh-chung").mkdir(parents=True)
    (site / "content/files/minh-chung/ke-hoach.pdf").write_bytes(b"%PDF-1.4\n")
    evidence = ("    evidence:\n"
                "      - number: 12/KH-UBND\n"
                "        file: minh-chung/ke-hoach.pdf\n"
                "      - url: www.example.vn/van-ban\n"
                "      - file: ../../data/plans/tn-10-kh-ubnd-2024.yaml\n"
                "      - file: minh-chung/khong-co.pdf\n"
                "      - {}\n")
    _write(site, _with("    note: Đang lấy ý kiến các sở\n",
                       "    note: Đang lấy ý kiến các sở\n" + evidence))
    assert _problems(site) == [
        (f"{REPORT}:15:14: đường dẫn “www.example.vn/van-ban” phải bắt đầu bằng https:// hoặc "
        "http://"),
        (f"{REPORT}:16:15: đường dẫn “../../data/plans/tn-10-kh-ubnd-2024.yaml” trỏ ra ngoài "
        "thư mục content/files/"),
        f"{REPORT}:17:15: không tìm thấy tệp “minh-chung/khong-co.pdf” trong content/files/",
        (f"{REPORT}:18:9: minh chứng cần ít nhất một trong các trường number (số văn bản), title, "
        "url (đường dẫn) hoặc file (tệp)"),
    ]


def test_unknown_reporting_body(site: Path) -> None:
    _write(site, _with("issuer: tn-ubnd-tinh", "issuer: tn-ubnd-tinhh"))
    assert _problems(site) == [
        (f"{REPORT}:7:9: không tìm thấy cơ quan “tn-ubnd-tinhh” trong data/organisations/; "
        "có phải: tn-ubnd-tinh?")]


def test_report_outside_a_plan_folder(site: Path) -> None:
    _write(site, GOOD, "data/reports/2024-quy-1.yaml")
    assert _problems(site) == [
        ("data/reports/2024-quy-1.yaml: tệp báo cáo phải nằm tại data/reports/<mã kế hoạch>/"
        "<mã kỳ>.yaml, ví dụ data/reports/ag-792-kh-ubnd-2018/2018-quy-1.yaml")]


def test_plan_must_match_the_folder(site: Path) -> None:
    _write(site, _with(f"plan: {PLAN}", "plan: tn-20-kh-snn-2024"))
    assert _problems(site) == [
        f"{REPORT}:1:7: mã kế hoạch “tn-20-kh-snn-2024” phải trùng tên thư mục “{PLAN}”"]


def test_folder_of_an_unknown_plan(site: Path) -> None:
    name = "data/reports/tn-11-kh-ubnd-2024/2024-quy-1.yaml"
    _write(site, _with(f"plan: {PLAN}", "plan: tn-11-kh-ubnd-2024"), name)
    assert _problems(site) == [
        (f"{name}:1:7: không tìm thấy kế hoạch “tn-11-kh-ubnd-2024” trong data/plans/; "
        f"có phải: {PLAN}, tn-20-kh-snn-2024?")]


def test_period_must_match_the_file_name(site: Path) -> None:
    _write(site, _with("period: 2024-quy-1", "period: 2024-quy-2"))
    assert _problems(site) == [
        f"{REPORT}:2:9: mã kỳ báo cáo “2024-quy-2” phải trùng tên tệp “2024-quy-1”"]


@pytest.mark.parametrize(("period", "message"), [
    ("2024-quy-5", "quý không tồn tại: 5 (chỉ có quy-1 đến quy-4)"),
    ("2024-q1", ("mã kỳ báo cáo “2024-q1” không đúng dạng; dùng <năm>-quy-1 … <năm>-quy-4, "
                "<năm>-6-thang, <năm>-9-thang, <năm>-nam, <năm>-thang-1 … <năm>-thang-12 "
                "(ví dụ 2018-quy-1, 2018-6-thang, 2018-nam)")),
    ("2023-nam", ("kỳ báo cáo năm 2023 không thuộc kế hoạch năm 2024; tên tệp phải bắt đầu bằng "
                 "2024-")),
])
def test_bad_period(site: Path, period: str, message: str) -> None:
    name = f"data/reports/{PLAN}/{period}.yaml"
    _write(site, _with("period: 2024-quy-1", f"period: {period}"), name)
    assert _problems(site) == [f"{name}:2:9: {message}"]


def test_every_problem_of_a_report_is_listed(site: Path) -> None:
    text = _with("task: i-1\n", "task: i-9\n").replace("indicator: mt-1", "indicator: mt-7")
    _write(site, text.replace("cutoff: 2024-03-14", "cutoff: 2024-03-25"))
    assert [p.split(": ", 1)[0] for p in _problems(site)] == [
        f"{REPORT}:6:9", f"{REPORT}:9:11", f"{REPORT}:15:16"]


def test_format_errors_do_not_hide_cross_checks(site: Path) -> None:
    # A bad status in one row does not hide an unknown task in another: both are staff's
    # own mistakes, and one run of `check` lists both.
    text = _with("task: i-1\n", "task: i-9\n").replace("status: chua-thuc-hien", "status: xong")
    _write(site, text)
    assert [p.split(": ", 1)[0] for p in _problems(site)] == [f"{REPORT}:9:11", f"{REPORT}:13:13"]


def test_check_command_validates_reports(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(site, _with("task: i-1\n", "task: i-9\n"))
    assert main(["--root", str(site), "check"]) == 1
    assert f"{REPORT}:9:11: không tìm thấy nhiệm vụ “i-9”" in capsys.readouterr().err
    _write(site, GOOD)
    assert main(["--root", str(site), "check"]) == 0
    assert "1 báo cáo kết quả" in capsys.readouterr().out


def test_tasks_of_a_broken_section_are_not_also_unknown_to_reports(site: Path) -> None:
    # The section is left out for its own error; the report naming its task i-1 is not wrong.
    plan = site / f"data/plans/{PLAN}.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "area: chi-dao-dieu-hanh", "area: Chỉ đạo điều hành"), encoding="utf-8")
    _write(site, GOOD)
    assert [p.split(": ", 1)[0] for p in _problems(site)] == [f"data/plans/{PLAN}.yaml:39:11"]


def test_a_plan_with_a_broken_year_does_not_make_its_reports_wrong(site: Path) -> None:
    # The broken year gets a stand-in so the rest of the plan is checked; its reports must
    # not be measured against that stand-in.
    _write(site, GOOD)
    plan = site / f"data/plans/{PLAN}.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 2024", "year: hai-nghin"),
                    encoding="utf-8")
    assert _problems(site) == [
        f"data/plans/{PLAN}.yaml:13:7: cần một số nguyên, nhưng gặp “hai-nghin”"]
