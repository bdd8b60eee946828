import dataclasses
from pathlib import Path

import pytest

from generator.data.dataset import load_dataset
from generator.data.models import TaskStatus
from generator.facts.derive import derive, describe_timeline, number_key
from generator.opendata.opendata import build_files
from generator.reading.timeline import parse_timeline

from .conftest import PROJECT_ROOT


def test_timeline_descriptions() -> None:
    assert describe_timeline(parse_timeline("Quý II, quý III/2018", 2018)) == \
        "Từ 01/04/2018 đến 30/09/2018"
    assert describe_timeline(parse_timeline("Trước ngày 25/01/2019", 2019)) == "Hạn: 25/01/2019"
    assert describe_timeline(parse_timeline("Thường xuyên", 2019)).startswith("Thường xuyên")
    assert describe_timeline(parse_timeline("Theo Kế hoạch của UBND tỉnh", 2018)) == \
        "Không có hạn cố định"
    assert describe_timeline(None) == "Không ghi thời gian"
    assert describe_timeline(parse_timeline("Hàng quý", 2018)).startswith("Định kỳ hằng quý")


def test_document_numbers_match_loosely() -> None:
    assert number_key("792/KH-UBND") == number_key("792/kh–ubnd") == "792/khubnd"
    assert number_key("4935/QĐ-UBND") == "4935/qdubnd"


def test_citations_link_both_ways_and_rows_nest(site: Path) -> None:
    facts = derive(load_dataset(site))
    draft = facts.plans["tn-20-kh-snn-2024"]
    assert draft.citations[0].plan is not None
    assert draft.citations[0].plan.id == "tn-10-kh-ubnd-2024"
    assert [p.id for p in facts.plans["tn-10-kh-ubnd-2024"].cited_by] == ["tn-20-kh-snn-2024"]
    depths = {t.task.id: t.depth for t in facts.plans["tn-10-kh-ubnd-2024"].tasks}
    assert depths == {"i-1": 0, "i-2": 0, "ii-1": 0, "ii-1-1": 1, "ii-khong-so": 0}


def test_agency_involvement_counts_lead_and_support_apart(site: Path) -> None:
    facts = derive(load_dataset(site))
    by_plan = {i.plan.id: i for i in facts.involvement["tn-so-noi-vu"]}
    assert by_plan["tn-20-kh-snn-2024"].issued and not by_plan["tn-20-kh-snn-2024"].leads
    noi_vu = by_plan["tn-10-kh-ubnd-2024"]
    assert [t.task.id for t in noi_vu.leads] == ["i-1", "i-2"]
    assert [i.indicator.id for i in noi_vu.monitors] == ["mt-1"]
    assert noi_vu.supports == []
    issuer = facts.involvement["tn-ubnd-tinh"]
    assert [i.issued for i in issuer] == [True]
    assert facts.area_task_count("cai-cach-the-che") == 3


def test_plans_by_year_and_issuer(site: Path) -> None:
    facts = derive(load_dataset(site))
    assert [year for year, _ in facts.plans_by_year()] == [2024]
    assert [org.id for org, _ in facts.plans_by_issuer()] == ["tn-so-noi-vu", "tn-ubnd-tinh"]


@pytest.mark.parametrize(("text", "label"), [
    ("định kỳ, đột xuất", "Định kỳ, đột xuất"),
    ("Định kỳ", "Định kỳ"),
    ("Hàng quý và đột xuất", "Định kỳ hằng quý, đột xuất"),
    ("Trước ngày 15 hàng quý", "Định kỳ hằng quý, trước ngày 15"),
    ("Từ ngày 01/3/2020", "Từ 01/03/2020, không có hạn cố định"),
    ("kể từ ngày 15.6.2021", "Từ 15/06/2021, không có hạn cố định"),
])
def test_timeline_labels_are_never_doubled(text: str, label: str) -> None:
    assert describe_timeline(parse_timeline(text, 2021)) == label


def test_a_plan_loaded_again_unchanged_keeps_its_derived_rows() -> None:
    """The preview derives again after every save; a plan whose model and reports are the
    same objects keeps its rows, the others are derived anew, and both equal a fresh derive."""
    data = load_dataset(PROJECT_ROOT)
    first = derive(data)
    plan_id, reports = next((pid, r) for pid, r in sorted(data.reports.items())
                            if any(report.tasks for report in r.values()))
    period, report = max((p, r) for p, r in reports.items() if r.tasks)
    rows = [row.model_copy(update={"status": TaskStatus.KHONG_THUC_HIEN}) for row in report.tasks]
    edited = dataclasses.replace(data, reports={
        **data.reports, plan_id: {**reports, period: report.model_copy(update={"tasks": rows})}})
    again = derive(edited, first)
    assert build_files(again) != build_files(first)
    for pid, facts in again.plans.items():
        assert (facts.tasks is first.plans[pid].tasks) == (pid != plan_id)
    # Facts hold readings that do not compare by value; the open data shows all of them.
    assert build_files(again) == build_files(derive(edited))
