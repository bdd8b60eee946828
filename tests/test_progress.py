"""Derived progress: statuses, lateness, completed-late, rates, indicators and changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.data.dataset import Dataset
from generator.data.models import Area, Organisation, Plan, Report
from generator.facts.derive import Facts, derive
from generator.facts.progress import STATUS_ORDER, Counts, ReportProgress, TaskProgress, is_late
from generator.reading.periods import PeriodKind, parse_period

PLAN_ID = "tn-1-kh-2018"


def _plan(tasks: list[tuple[str, str | None]], indicators: list[tuple[str, str | None]] = (),
          lead: str = "tn-a", support: str = "tn-b") -> Plan:
    return Plan.model_validate({
        "id": PLAN_ID, "type": "Kế hoạch", "title": "Thử nghiệm", "issuer": "tn-a",
        "year": 2018, "status": "con-hieu-luc",
        "indicators": [{"id": i, "text": f"Chỉ tiêu {i}", "target": target}
                       for i, target in indicators],
        "sections": [
            {"id": "i", "number": "I", "title": "PHẦN MỘT", "area": "mot",
             "tasks": [{"id": t, "title": f"Nhiệm vụ {t}", "timeline": tl, "lead": [lead],
                        "coordinating": [support]} for t, tl in tasks[:1]]},
            {"id": "ii", "number": "II", "title": "PHẦN HAI", "area": "hai",
             "tasks": [{"id": t, "title": f"Nhiệm vụ {t}", "timeline": tl, "lead": [lead]}
                       for t, tl in tasks[1:]]},
        ],
    })


def _report(period: str, cutoff: str, tasks: dict[str, Any] | None = None,
            indicators: dict[str, str | None] | None = None, **extra: Any) -> Report:
    rows = []
    for task_id, value in (tasks or {}).items():
        rows.append({"task": task_id, "status": value} if isinstance(value, str)
                    else {"task": task_id, **value})
    return Report.model_validate({
        "plan": PLAN_ID, "period": period, "date": cutoff, "cutoff": cutoff, "tasks": rows,
        "indicators": [{"indicator": k, "achieved": v} for k, v in (indicators or {}).items()],
        **extra})


def _facts(plan: Plan, *reports: Report) -> Facts:
    data = Dataset(root=Path("."))
    data.areas = {"mot": Area(id="mot", name="Một", order=1), "hai": Area(id="hai", name="Hai",
                                                                           order=2)}
    data.organisations = {o: Organisation(id=o, name=o, level="so") for o in ("tn-a", "tn-b")}
    data.provinces = {o: "Thử Nghiệm" for o in data.organisations}
    data.plans = {plan.id: plan}
    data.reports = {plan.id: {r.period: r for r in reports}}
    return derive(data)


def _reports(plan: Plan, *reports: Report) -> list[ReportProgress]:
    progress = _facts(plan, *reports).plans[plan.id].progress
    assert progress is not None
    return progress.reports


def _task(report: ReportProgress, task_id: str) -> TaskProgress:
    return next(t for t in report.tasks if t.fact.task.id == task_id)


# Periods ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("period_id", "kind", "start", "end", "label"), [
    ("2018-quy-1", PeriodKind.QUARTER, date(2018, 1, 1), date(2018, 3, 31), "Quý I năm 2018"),
    ("2018-quy-4", PeriodKind.QUARTER, date(2018, 10, 1), date(2018, 12, 31), "Quý IV năm 2018"),
    ("2018-6-thang", PeriodKind.HALF_YEAR, date(2018, 1, 1), date(2018, 6, 30),
     "6 tháng đầu năm 2018"),
    ("2018-9-thang", PeriodKind.NINE_MONTHS, date(2018, 1, 1), date(2018, 9, 30),
     "9 tháng đầu năm 2018"),
    ("2018-nam", PeriodKind.YEAR, date(2018, 1, 1), date(2018, 12, 31), "Năm 2018"),
    ("2024-thang-2", PeriodKind.MONTH, date(2024, 2, 1), date(2024, 2, 29), "Tháng 2 năm 2024"),
])
def test_period_ids(period_id: str, kind: PeriodKind, start: date, end: date, label: str) -> None:
    period = parse_period(period_id)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)
    assert period.phrase == label[0].lower() + label[1:]


@pytest.mark.parametrize("bad", ["2018-quy-5", "2018-q1", "2018-thang-05", "2018-thang-13",
                                 "quy-1-2018", "2018"])
def test_bad_period_ids_are_refused_in_vietnamese(bad: str) -> None:
    with pytest.raises(ValueError, match="quý|tháng|không đúng dạng"):
        parse_period(bad)


# Lateness --------------------------------------------------------------------------------

def test_is_late_only_after_the_deadline_day_and_when_not_done() -> None:
    due = date(2018, 3, 31)
    assert not is_late(due, "dang-thuc-hien", date(2018, 3, 31))
    assert is_late(due, "dang-thuc-hien", date(2018, 4, 1))
    assert is_late(due, "chua-thuc-hien", date(2018, 4, 1))
    assert is_late(due, "chua-bao-cao", date(2018, 4, 1))
    assert not is_late(due, "chua-bao-cao", date(2018, 4, 1), known_done=True)
    for status in ("hoan-thanh", "hoan-thanh-tre-han", "khong-thuc-hien"):
        assert not is_late(due, status, date(2019, 1, 1))
    assert not is_late(None, "chua-thuc-hien", date(2099, 1, 1))


def test_late_task_and_days_late_as_of_the_cutoff() -> None:
    plan = _plan([("a", "Quý I/2018"), ("b", "Tháng 8 đến 11/2018")])
    [report] = _reports(plan, _report("2018-6-thang", "2018-06-10",
                                      {"a": "dang-thuc-hien", "b": "chua-thuc-hien"}))
    a, b = _task(report, "a"), _task(report, "b")
    assert (a.late, a.deadline, a.days_late) == (True, date(2018, 3, 31), 71)
    assert (b.late, b.deadline, b.days_late) == (False, date(2018, 11, 30), None)
    assert [t.fact.task.id for t in report.late] == ["a"]


def test_quarter_of_the_previous_year_inside_a_2018_plan_is_late_in_the_first_report() -> None:
    plan = _plan([("dao-tao", "Quý IV/2017")])
    [report] = _reports(plan, _report("2018-quy-1", "2018-03-10", {"dao-tao": "dang-thuc-hien"}))
    task = _task(report, "dao-tao")
    assert task.deadline == date(2017, 12, 31)
    assert task.late and task.days_late == 69


def test_the_reference_date_is_the_cutoff_not_the_wall_clock() -> None:
    # Years ago by any clock, but the report's figures stop before the deadline.
    plan = _plan([("a", "Tháng 01/2018")])
    [report] = _reports(plan, _report("2018-thang-1", "2018-01-15", {"a": "chua-thuc-hien"}))
    assert not _task(report, "a").late


@pytest.mark.parametrize(("timeline", "note"), [
    ("Hàng quý", "Nhiệm vụ định kỳ: không có một hạn chót chung, không xét trễ hạn"),
    ("Trước ngày 15 hàng quý", "Nhiệm vụ định kỳ: không có một hạn chót chung, không xét trễ hạn"),
    ("Thường xuyên", "Thường xuyên: không có hạn cố định, không xét trễ hạn"),
    ("Theo Kế hoạch của UBND tỉnh", "Không có hạn cố định: không xét trễ hạn"),
    ("Khi có quy định mới của Chính phủ", "Không có hạn cố định: không xét trễ hạn"),
    (None, "Không ghi thời gian: không xét trễ hạn"),
])
def test_tasks_without_a_single_deadline_are_never_late(timeline: str | None, note: str) -> None:
    plan = _plan([("a", timeline)])
    [report] = _reports(plan, _report("2018-nam", "2018-12-31", {"a": "chua-thuc-hien"}))
    task = _task(report, "a")
    assert (task.late, task.deadline, task.no_deadline) == (False, None, note)
    assert report.counts.late == 0


def test_a_task_left_out_is_not_reported_counted_and_late_past_its_deadline() -> None:
    plan = _plan([("a", "Quý I/2018"), ("b", "Quý I/2018"), ("c", "Năm 2018")])
    q1, half = _reports(
        plan,
        _report("2018-quy-1", "2018-03-10", {"a": "hoan-thanh", "b": "dang-thuc-hien",
                                             "c": "dang-thuc-hien"}),
        _report("2018-6-thang", "2018-06-10", {"c": "dang-thuc-hien"}))
    a, b = _task(half, "a"), _task(half, "b")
    assert (a.status, a.status_label, a.late) == ("chua-bao-cao", "Chưa báo cáo", False)
    assert a.earlier is not None and a.earlier.status == "hoan-thanh"
    assert (b.status, b.late) == ("chua-bao-cao", True)
    assert half.counts.count("chua-bao-cao") == 2 and half.counts.total == 3
    assert _task(q1, "a").earlier is None


def test_not_carried_out_is_never_late() -> None:
    plan = _plan([("a", "Quý I/2018")])
    [report] = _reports(plan, _report("2018-nam", "2018-12-10", {
        "a": {"status": "khong-thuc-hien", "reason": "Chờ hướng dẫn của Trung ương"}}))
    task = _task(report, "a")
    assert (task.status, task.late) == ("khong-thuc-hien", False)


# Completed late --------------------------------------------------------------------------

def test_completed_late_as_reported() -> None:
    plan = _plan([("a", "Tháng 01/2018")])
    [report] = _reports(plan, _report("2018-quy-1", "2018-03-10", {"a": "hoan-thanh-tre-han"}))
    task = _task(report, "a")
    assert (task.status, task.completed_late, task.late, task.basis) == (
        "hoan-thanh-tre-han", True, False, None)


def test_completed_late_read_from_the_completion_date() -> None:
    plan = _plan([("a", "Tháng 8 đến 11/2018"), ("b", "Tháng 8 đến 11/2018")])
    [report] = _reports(plan, _report("2018-nam", "2018-12-10", {
        "a": {"status": "hoan-thanh", "completed": "2018-12-05"},
        "b": {"status": "hoan-thanh", "completed": "2018-11-30"}}))
    a, b = _task(report, "a"), _task(report, "b")
    assert (a.status, a.reported_status, a.completed_late) == (
        "hoan-thanh-tre-han", "hoan-thanh", True)
    assert a.basis == "Hoàn thành ngày 05/12/2018, sau hạn 30/11/2018"
    assert (b.status, b.completed_late) == ("hoan-thanh", False)


def test_completed_late_inferred_from_an_earlier_report_that_found_it_late() -> None:
    plan = _plan([("a", "Quý IV/2017"), ("b", "Quý II/2018")])
    q1, half, q3 = _reports(
        plan,
        _report("2018-quy-1", "2018-03-10", {"a": "dang-thuc-hien", "b": "dang-thuc-hien"}),
        _report("2018-6-thang", "2018-06-10", {"a": "hoan-thanh", "b": "dang-thuc-hien"}),
        _report("2018-quy-3", "2018-09-10", {"a": "hoan-thanh", "b": "hoan-thanh"}))
    assert _task(q1, "a").late
    a = _task(half, "a")
    assert (a.status, a.completed_late) == ("hoan-thanh-tre-han", True)
    assert a.basis == ("Báo cáo Quý I/2018 (số liệu đến 10/03/2018) ghi chưa hoàn thành "
                       "khi đã quá hạn")
    assert _task(q3, "a").completed_late  # stays completed late in later reports
    # b was not yet due at the 6-month cut-off: done by the Q3 report proves nothing late.
    assert not _task(half, "b").late
    assert (_task(q3, "b").status, _task(q3, "b").completed_late) == ("hoan-thanh", False)


# Counts and rates ------------------------------------------------------------------------

def test_counts_rates_and_sections() -> None:
    plan = _plan([("a", "Quý I/2018"), ("b", "Quý I/2018"), ("c", "Hàng quý"), ("d", "Năm 2018"),
                  ("e", "Quý I/2018")])
    [report] = _reports(plan, _report("2018-6-thang", "2018-06-10", {
        "a": "hoan-thanh", "b": "hoan-thanh-tre-han", "c": "dang-thuc-hien",
        "d": {"status": "khong-thuc-hien", "reason": "Không còn phù hợp"}}))
    counts = report.counts
    assert [counts.count(s) for s in STATUS_ORDER] == [1, 1, 1, 0, 1, 1]
    assert (counts.total, counts.done, counts.late, counts.completed_late, counts.open) == (
        5, 2, 1, 1, 2)
    assert counts.rate == pytest.approx(40.0)
    assert [(s.key, s.label, s.counts.total, s.counts.done) for s in report.sections] == [
        ("i", "I. PHẦN MỘT", 1, 1), ("ii", "II. PHẦN HAI", 4, 1)]
    assert Counts().rate is None and Counts().percent(0) is None
    assert (Counts((1, 0, 0, 0, 0, 0)) + Counts((0, 2, 0, 0, 0, 0), late=1)).statuses == (
        1, 2, 0, 0, 0, 0)


def test_agency_record_counts_lead_and_support_apart() -> None:
    plan = _plan([("a", "Quý I/2018"), ("b", "Quý I/2018")], lead="tn-a", support="tn-b")
    facts = _facts(plan, _report("2018-6-thang", "2018-06-10", {"a": "hoan-thanh",
                                                                 "b": "dang-thuc-hien"}))
    lead = facts.records["tn-a"]
    assert (lead.lead.total, lead.lead.done, lead.lead.late, lead.support.total) == (2, 1, 1, 0)
    assert [t.fact.task.id for t in lead.late] == ["b"]
    support = facts.records["tn-b"]  # supports only the first section's task
    assert (support.lead.total, support.support.total, support.support.done) == (0, 1, 1)


def test_year_progress_sums_areas_at_the_latest_report() -> None:
    plan = _plan([("a", "Quý I/2018"), ("b", "Quý I/2018")])
    facts = _facts(plan, _report("2018-quy-1", "2018-03-10", {"a": "dang-thuc-hien"}),
                   _report("2018-6-thang", "2018-06-10", {"a": "hoan-thanh",
                                                          "b": "hoan-thanh"}))
    [year] = facts.years
    assert year.year == 2018 and year.counts.done == 2
    assert [(a.key, a.counts.done) for a in year.areas] == [("mot", 1), ("hai", 1)]


# Indicators ------------------------------------------------------------------------------

INDICATORS = [("pct", "55%"), ("toi-thieu", "Tối thiểu 85%"), ("hang", "trong nhóm 15/63"),
              ("dinh-tinh", "Hoàn thành chỉ tiêu theo Kế hoạch của UBND tỉnh"),
              ("nhom-tot", "Trong nhóm tốt các cơ quan"), ("khong-muc", None),
              ("chua-bc", "100%")]


def _states(report: ReportProgress) -> dict[str, tuple[str, str]]:
    return {i.fact.indicator.id: (i.state.value, i.state_label) for i in report.indicators}


def test_indicators_met_or_not_with_decimal_commas_ranks_and_grades() -> None:
    plan = _plan([("a", "Năm 2018")], INDICATORS)
    q3, year = _reports(
        plan,
        _report("2018-quy-3", "2018-09-10", indicators={
            "pct": "53,9%", "toi-thieu": "84,6%", "hang": "hạng 12/63"}),
        _report("2018-nam", "2018-12-10", indicators={
            "pct": "55,5%", "toi-thieu": "84,6%", "hang": "hạng 17/63",
            "dinh-tinh": "Đã sáp nhập 02 đơn vị", "nhom-tot": "Xếp loại khá",
            "khong-muc": "Đã thực hiện"}))
    assert _states(q3)["pct"] == ("khong-dat", "Chưa đạt")  # not a verdict during the year
    assert _states(q3)["hang"] == ("dat", "Đạt")
    assert _states(year) == {
        "pct": ("dat", "Đạt"),
        "toi-thieu": ("khong-dat", "Không đạt"),
        "hang": ("khong-dat", "Không đạt"),
        "dinh-tinh": ("chua-so-sanh-duoc", "Chưa so sánh được"),
        "nhom-tot": ("khong-dat", "Không đạt"),
        "khong-muc": ("khong-co-muc", "Không có mức định lượng"),
        "chua-bc": ("chua-bao-cao", "Chưa báo cáo"),
    }
    assert [n for _, _, n in year.indicator_counts.breakdown()] == [1, 3, 1, 1, 1]


# Changes ---------------------------------------------------------------------------------

def test_what_changed_since_the_previous_report() -> None:
    plan = _plan([("a", "Quý I/2018"), ("b", "Quý II/2018"), ("c", "Năm 2018")], INDICATORS)
    q1, half = _reports(
        plan,
        _report("2018-quy-1", "2018-03-10", {"a": "dang-thuc-hien", "b": "chua-thuc-hien",
                                             "c": "dang-thuc-hien"}, {"pct": "41,2%"}),
        _report("2018-6-thang", "2018-06-10", {"a": "dang-thuc-hien", "b": "dang-thuc-hien",
                                               "c": "dang-thuc-hien"}, {"pct": "48,7%"}))
    assert q1.previous is None and q1.changes == [] and q1.newly_late == []
    assert half.previous is q1 and q1.next is half
    assert [(t.fact.task.id, t.previous.status, t.status) for t in half.changes
            if t.previous] == [("b", "chua-thuc-hien", "dang-thuc-hien")]
    assert [t.fact.task.id for t in half.newly_late] == ["a"]
    assert [(i.fact.indicator.id, i.previous.achieved, i.achieved)
            for i in half.indicator_changes if i.previous] == [("pct", "41,2%", "48,7%")]


def test_reports_are_ordered_by_cutoff_whatever_the_file_order() -> None:
    plan = _plan([("a", "Năm 2018")])
    reports = _reports(plan, _report("2018-nam", "2018-12-10"),
                       _report("2018-6-thang", "2018-06-14"),
                       _report("2018-quy-2", "2018-06-14"), _report("2018-quy-1", "2018-03-10"))
    assert [r.period.id for r in reports] == ["2018-quy-1", "2018-quy-2", "2018-6-thang",
                                              "2018-nam"]


def test_latest_status_is_attached_to_every_task_and_indicator() -> None:
    plan = _plan([("a", "Quý I/2018"), ("b", "Năm 2018")], INDICATORS)
    facts = _facts(plan, _report("2018-quy-1", "2018-03-10", {"a": "hoan-thanh"}),
                   _report("2018-6-thang", "2018-06-10", {"a": "hoan-thanh"}, {"pct": "50%"},
                           sample=True))
    plan_facts = facts.plans[PLAN_ID]
    assert [t.latest.period.id for t in plan_facts.tasks if t.latest] == ["2018-6-thang"] * 2
    assert [t.latest.status for t in plan_facts.tasks if t.latest] == ["hoan-thanh",
                                                                      "chua-bao-cao"]
    assert plan_facts.indicators[0].latest is not None
    assert plan_facts.progress is not None and plan_facts.progress.sample
    assert [t.period.id for t in plan_facts.progress.task_history("a")] == [
        "2018-quy-1", "2018-6-thang"]


def test_a_plan_without_reports_has_no_progress_but_is_counted_in_its_year() -> None:
    facts = _facts(_plan([("a", "Quý I/2018")]))
    plan_facts = facts.plans[PLAN_ID]
    assert plan_facts.progress is not None and plan_facts.progress.latest is None
    assert all(t.latest is None for t in plan_facts.tasks)
    assert facts.records == {}
    assert facts.years[0].reported == [] and facts.years[0].counts.total == 0


def test_a_target_of_several_parts_never_shows_met_on_one_number() -> None:
    """"cấp huyện đạt 90%" is not met by a district result of 85%, however it is reported."""
    plan = _plan([("a", "Năm 2018")], [
        ("cap", "cấp tỉnh đạt 100%, cấp huyện đạt 90%, cấp xã đạt 70%"),
        ("cap-du", "cấp tỉnh đạt 100%, cấp huyện đạt 90%, cấp xã đạt 70%"),
        ("cap-mot-so", "cấp tỉnh đạt 100%, cấp huyện đạt 90%, cấp xã đạt 70%"),
        ("khong-de", "Không để cơ quan nào có kết quả dưới 75%"),
        ("khoang", "từ 80% đến dưới 90%"),
    ])
    [year] = _reports(plan, _report("2018-nam", "2018-12-10", indicators={
        "cap": "cấp tỉnh 100%, cấp huyện 85%, cấp xã 72%",
        "cap-du": "Cấp xã: 71,5%; cấp tỉnh: 100%; cấp huyện: 90%",
        "cap-mot-so": "100%",
        "khong-de": "80%",
        "khoang": "92%"}))
    assert _states(year) == {
        "cap": ("khong-dat", "Không đạt"),
        "cap-du": ("dat", "Đạt"),
        "cap-mot-so": ("chua-so-sanh-duoc", "Chưa so sánh được"),
        "khong-de": ("dat", "Đạt"),
        "khoang": ("khong-dat", "Không đạt"),
    }
