"""Open data: one URL scheme, CSV that Excel reads, JSON that matches its published schema."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from generator.data.dataset import load_dataset
from generator.facts.derive import derive
from generator.opendata.exports import (
    SCHEMAS,
    CatalogueOut,
    CountsOut,
    PlanOut,
    ReportOut,
    TaskRow,
)
from generator.opendata.opendata import (
    BOM,
    DataFile,
    build_files,
    csv_bytes,
    csv_file,
    csv_lines,
    json_bytes,
)

PLAN = "tn-10-kh-ubnd-2024"
DRAFT = "tn-20-kh-snn-2024"
REPORT = f"""\
plan: {PLAN}
period: 2024-6-thang
sample: true
number: 9/BC-UBND
date: 2024-06-18
cutoff: 2024-06-14
tasks:
  - task: i-1
    status: dang-thuc-hien
    note: "Chờ ý kiến; bổ sung"
    evidence:
      - number: 12/KH-UBND
        title: Kế hoạch kiểm tra
  - task: ii-khong-so
    status: dang-thuc-hien
indicators:
  - indicator: mt-1
    achieved: "100%"
  - indicator: mt-2
    achieved: hạng 17/63
"""


@pytest.fixture
def files(site: Path) -> dict[str, DataFile]:
    path = site / f"data/reports/{PLAN}/2024-6-thang.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(REPORT, encoding="utf-8")
    return {f.url: f for f in build_files(derive(load_dataset(site)))}


def _rows(item: DataFile) -> list[list[str]]:
    return list(csv.reader(io.StringIO(item.content.decode("utf-8-sig"))))


def test_url_scheme(files: dict[str, DataFile]) -> None:
    plan = {u for u in files if u.startswith(f"/du-lieu/{PLAN}/")}
    assert plan == {f"/du-lieu/{PLAN}/{name}" for name in [
        "ke-hoach.json", "nhiem-vu.csv", "chi-tieu.csv", "tien-do-nhiem-vu.csv",
        "tien-do-chi-tieu.csv", "bao-cao/2024-6-thang.json", "bao-cao/2024-6-thang-nhiem-vu.csv",
        "bao-cao/2024-6-thang-chi-tieu.csv"]}
    # A plan without reports still publishes its own tasks and indicators.
    assert {u for u in files if u.startswith(f"/du-lieu/{DRAFT}/")} == {
        f"/du-lieu/{DRAFT}/ke-hoach.json", f"/du-lieu/{DRAFT}/nhiem-vu.csv",
        f"/du-lieu/{DRAFT}/chi-tieu.csv"}
    assert {"/du-lieu/ke-hoach.csv", "/du-lieu/danh-muc.json"} <= set(files)
    assert {f"/du-lieu/schema/{name}.schema.json" for name in SCHEMAS} <= set(files)
    assert all(u.isascii() and u.startswith("/du-lieu/") for u in files)


def test_csv_has_a_bom_and_one_header_row_of_field_names(files: dict[str, DataFile]) -> None:
    item = files[f"/du-lieu/{PLAN}/bao-cao/2024-6-thang-nhiem-vu.csv"]
    assert item.content.startswith(BOM.encode("utf-8"))
    rows = _rows(item)
    assert rows[0] == list(TaskRow.model_fields)
    assert len(rows) == 1 + 5  # every task of the plan, reported or not
    assert sum(1 for r in rows if r == rows[0]) == 1
    by_id = {r[rows[0].index("task_id")]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    first = by_id["i-1"]
    assert first["status"] == "dang-thuc-hien" and first["status_label"] == "Đang thực hiện"
    assert (first["deadline"], first["late"], first["days_late"]) == ("2024-03-31", "true", "75")
    assert first["note"] == "Chờ ý kiến; bổ sung"
    assert first["evidence"] == "12/KH-UBND — Kế hoạch kiểm tra"
    assert first["lead"] == "tn-so-noi-vu" and first["sample"] == "true"
    left_out = by_id["i-2"]
    assert (left_out["status"], left_out["reported_status"], left_out["late"]) == (
        "chua-bao-cao", "", "false")  # recurring: never late, even unreported


def test_csv_cells_for_lists_nulls_and_dates() -> None:
    row = TaskRow.model_validate({
        "plan_id": "p", "period_id": "2024-nam", "period_label": "Năm 2024",
        "cutoff": "2024-12-14", "section_id": "i", "area_id": "a", "task_id": "t",
        "task_number": None, "parent": None, "title": 'Có "ngoặc", dấu phẩy',
        "lead": ["a", "b"], "coordinating": [], "timeline": None, "deadline": None,
        "no_deadline": None, "status": "hoan-thanh", "status_label": "Hoàn thành",
        "reported_status": "hoan-thanh", "late": False, "days_late": None,
        "completed_late": False, "completed_late_basis": None, "completed": "2024-05-02",
        "note": None, "reason": None, "evidence": [], "previous_status": None,
        "changed": False, "sample": False})
    [header, values] = list(csv.reader(io.StringIO(
        csv_bytes(TaskRow, [row]).decode("utf-8-sig"))))
    cells = dict(zip(header, values, strict=True))
    assert cells["title"] == 'Có "ngoặc", dấu phẩy'
    assert (cells["lead"], cells["coordinating"], cells["task_number"]) == ("a; b", "", "")
    assert (cells["completed"], cells["late"]) == ("2024-05-02", "false")


def _task_row(task_id: str, title: str) -> TaskRow:
    return TaskRow.model_validate({
        "plan_id": "p", "period_id": "2024-nam", "period_label": "Năm 2024",
        "cutoff": "2024-12-14", "section_id": "i", "area_id": "a", "task_id": task_id,
        "task_number": None, "parent": None, "title": title, "lead": ["a"], "coordinating": [],
        "timeline": None, "deadline": None, "no_deadline": None, "status": "hoan-thanh",
        "status_label": "Hoàn thành", "reported_status": None, "late": False,
        "days_late": None, "completed_late": False, "completed_late_basis": None,
        "completed": None, "note": None, "reason": None, "evidence": [],
        "previous_status": None, "changed": False, "sample": False})


def test_csv_lines_written_once_make_the_same_file_as_all_rows_at_once() -> None:
    first = [_task_row("t1", "=SUM(A1)"), _task_row("t2", 'Có "ngoặc"\nhai dòng')]
    second = [_task_row("t3", "Đẩy mạnh, cải cách")]
    joined = csv_file(TaskRow, csv_lines(TaskRow, first), csv_lines(TaskRow, second))
    assert joined == csv_bytes(TaskRow, first + second)
    assert [r[9] for r in csv.reader(io.StringIO(joined.decode("utf-8-sig")))][1:] == [
        "'=SUM(A1)", 'Có "ngoặc"\nhai dòng', "Đẩy mạnh, cải cách"]


def test_a_plans_every_report_file_is_its_reports_files_one_after_another(
        files: dict[str, DataFile]) -> None:
    every = _rows(files[f"/du-lieu/{PLAN}/tien-do-nhiem-vu.csv"])
    one = _rows(files[f"/du-lieu/{PLAN}/bao-cao/2024-6-thang-nhiem-vu.csv"])
    assert every == one and len(every) == 6


@pytest.mark.parametrize("document", [
    {"rate": 33.3333, "small": 0.00005, "tiny": 1e-7, "big": 1e16, "whole": 100.0},
    {"text": "tre-han e-5 0.00001 \u001f \\ \" \u2028 Đẩy mạnh", "empty": [], "none": {}},
    {"nested": [1, [2.5, {"k": None, "t": True, "f": False}]], "neg": -0.0001},
    {"only": -3.14e-5},
])
def test_json_is_written_byte_for_byte_as_json_dumps_writes_it(document: dict) -> None:
    expected = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    assert json_bytes(document) == expected


def test_model_json_with_a_tiny_rate_is_written_as_json_dumps_writes_it() -> None:
    counts = CountsOut(total=3, done=0, done_rate=0.00005, late=0, completed_late=0,
                       by_status={"hoan-thanh": 0})
    expected = json.dumps(counts.model_dump(mode="json"), ensure_ascii=False, indent=2)
    assert json_bytes(counts) == (expected + "\n").encode("utf-8")
    assert b"5e-05" in json_bytes(counts)


def test_report_json_matches_its_model_and_schema(files: dict[str, DataFile]) -> None:
    item = files[f"/du-lieu/{PLAN}/bao-cao/2024-6-thang.json"]
    report = ReportOut.model_validate_json(item.content)
    assert report.sample and report.cutoff.isoformat() == "2024-06-14"
    assert report.summary.total == 5 and report.summary.by_status["chua-bao-cao"] == 3
    assert report.summary.late == 1  # i-1 (Quý I) is late; ii-1 (đến 11/2024) is not yet due
    assert sum(report.summary.by_status.values()) == report.summary.total
    assert [i.state for i in report.indicators] == ["dat", "chua-bao-cao", "khong-dat"]
    schema = json.loads(files["/du-lieu/schema/bao-cao.schema.json"].content)
    data = json.loads(item.content)
    assert set(schema["required"]) <= set(data) <= set(schema["properties"])
    task_schema = schema["$defs"]["TaskRow"]
    assert all(set(task_schema["required"]) <= set(t) for t in data["tasks"])


def test_plan_json_keeps_the_plan_as_written(files: dict[str, DataFile]) -> None:
    plan = PlanOut.model_validate_json(files[f"/du-lieu/{DRAFT}/ke-hoach.json"].content)
    assert plan.plan.id == DRAFT and plan.reports == []
    assert all(t.latest_status is None for t in plan.tasks)
    reported = PlanOut.model_validate_json(files[f"/du-lieu/{PLAN}/ke-hoach.json"].content)
    assert [r.period_id for r in reported.reports] == ["2024-6-thang"]
    assert reported.reports[0].json_url == f"/du-lieu/{PLAN}/bao-cao/2024-6-thang.json"
    timeline = {t.task_id: (t.timeline_kind, t.deadline) for t in reported.tasks}
    assert timeline["i-2"] == ("recurring", None)
    assert str(timeline["ii-1"][1]) == "2024-11-30"


def test_catalogue_lists_every_other_file_with_its_size(files: dict[str, DataFile]) -> None:
    catalogue = CatalogueOut.model_validate_json(files["/du-lieu/danh-muc.json"].content)
    listed = {entry.url: entry for entry in catalogue.files}
    assert set(listed) == set(files) - {"/du-lieu/danh-muc.json"}
    for url, entry in listed.items():
        assert entry.bytes == files[url].size
        assert entry.schema_url in files
    assert listed[f"/du-lieu/{PLAN}/nhiem-vu.csv"].sample
    assert not listed[f"/du-lieu/{DRAFT}/nhiem-vu.csv"].sample


def test_plans_summary(files: dict[str, DataFile]) -> None:
    rows = _rows(files["/du-lieu/ke-hoach.csv"])
    table = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert list(table) == [PLAN, DRAFT]
    assert (table[PLAN]["latest_period_id"], table[PLAN]["done"], table[PLAN]["late"]) == (
        "2024-6-thang", "0", "1")
    assert table[DRAFT]["reports"] == "0" and table[DRAFT]["done"] == ""


def test_open_data_is_deterministic(site: Path) -> None:
    data = load_dataset(site)
    first = [(f.url, f.content) for f in build_files(derive(data))]
    assert first == [(f.url, f.content) for f in build_files(derive(data))]


def test_indicator_rows_give_bands_and_never_one_reading_for_several_targets() -> None:
    from generator.opendata.exports import plan_indicator_row

    from .test_progress import PLAN_ID, _facts, _plan

    plan = _plan([("a", "Năm 2018")], [("ba", "cấp tỉnh đạt 100%, cấp huyện đạt 90%, cấp xã 70%"),
                                       ("khoang", "từ 80% đến dưới 90%"), ("mot", "đạt 95%")])
    rows = {f.indicator.id: plan_indicator_row(f) for f in _facts(plan).plans[PLAN_ID].indicators}
    assert (rows["ba"].target_comparator, rows["ba"].target_value, rows["ba"].target_parts) == (
        None, None, 3)
    band = rows["khoang"]
    assert (band.target_comparator, band.target_value, band.target_upper_comparator,
            band.target_upper, band.target_parts) == (">=", 80, "<", 90, 1)
    assert (rows["mot"].target_comparator, rows["mot"].target_upper, rows["mot"].target_parts) == (
        ">=", None, 1)
