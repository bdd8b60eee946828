"""`minhbach new`: starting files that pass `check` as written and claim nothing unsaid."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.data.dataset import load_dataset
from generator.reading.periods import parse_period
from generator.starting_files import new_post


def _new(site: Path, *args: str) -> int:
    return main(["--root", str(site), "new", *args])


def test_new_plan_is_valid_and_commented_in_vietnamese(site: Path) -> None:
    assert _new(site, "plan", "tn-30-kh-ubnd-2025") == 0
    plan = load_dataset(site).plans["tn-30-kh-ubnd-2025"]
    assert (plan.issuer, plan.year, plan.status, plan.number) == (
        "tn-ubnd-tinh", 2025, "du-thao", None)
    text = (site / "data/plans/tn-30-kh-ubnd-2025.yaml").read_text(encoding="utf-8")
    assert "# số hiệu như văn bản" in text and "lead_text: \"Sở Nội vụ\"" in text
    assert (site / "content/plans/tn-30-kh-ubnd-2025.md").exists()


def test_new_report_lists_every_row_and_leaves_status_to_staff(site: Path) -> None:
    assert _new(site, "report", "tn-10-kh-ubnd-2024", "2024-quy-1") == 0
    path = site / "data/reports/tn-10-kh-ubnd-2024/2024-quy-1.yaml"
    report = load_dataset(site).reports["tn-10-kh-ubnd-2024"]["2024-quy-1"]
    assert report.tasks == [] and report.indicators == []  # nothing claimed yet
    assert report.cutoff == dt.date(2024, 3, 14)
    text = path.read_text(encoding="utf-8")
    plan = load_dataset(site).plans["tn-10-kh-ubnd-2024"]
    assert re.findall(r"# - task: (\S+)", text) == [t.id for _, t in plan.tasks()]
    assert re.findall(r"# - indicator: (\S+)", text) == [i.id for i in plan.indicators]
    # Uncommenting a row and giving its status is all it takes to report it.
    path.write_text(text.replace("  # - task: i-1\n  #   status: ",
                                 "  - task: i-1\n    status: hoan-thanh"), encoding="utf-8")
    [result] = load_dataset(site).reports["tn-10-kh-ubnd-2024"]["2024-quy-1"].tasks
    assert (result.task, result.status) == ("i-1", "hoan-thanh")


@pytest.mark.parametrize(("period", "cutoff"), [
    ("2024-quy-1", dt.date(2024, 3, 14)), ("2024-6-thang", dt.date(2024, 6, 14)),
    ("2024-quy-3", dt.date(2024, 9, 14)), ("2024-nam", dt.date(2024, 12, 14)),
    ("2024-thang-5", dt.date(2024, 5, 14)),
])
def test_proposed_cutoff_follows_the_official_window(period: str, cutoff: dt.date) -> None:
    assert parse_period(period).official_cutoff == cutoff


def test_new_post_is_valid_news(site: Path) -> None:
    [path] = new_post(site, "Ban hành  kế hoạch cải cách hành chính",
                      now=dt.datetime(2025, 1, 5, 8, 30))
    assert path.name == "2025-01-05-ban-hanh-ke-hoach-cai-cach-hanh-chinh.md"
    assert 'title: "Ban hành kế hoạch cải cách hành chính"' in path.read_text(encoding="utf-8")
    assert 'date: 2025-01-05 08:30' in path.read_text(encoding="utf-8")
    load_dataset(site)  # front matter and body pass check


@pytest.mark.parametrize(("args", "message"), [
    (("plan", "tn-10-kh-ubnd-2024"), "không ghi đè"),
    (("plan", "TN 1"), "chỉ gồm chữ thường không dấu"),
    (("plan", "zz-1-kh-2024"), "chưa có cơ quan nào mã “zz-…”"),
    (("report", "khong-co", "2024-quy-1"), "không có kế hoạch “khong-co”"),
    (("report", "tn-10-kh-ubnd-2024", "2025-nam"), "không thuộc kế hoạch năm 2024"),
    (("report", "tn-10-kh-ubnd-2024", "2024-quy-5"), "quý không tồn tại"),
    (("post", "!!!"), "tiêu đề tin cần có chữ"),
])
def test_refusals_are_vietnamese_and_write_nothing(site: Path, args: tuple[str, ...], message: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p for p in site.rglob("*") if p.is_file())
    assert _new(site, *args) == 1
    assert message in capsys.readouterr().err
    assert sorted(p for p in site.rglob("*") if p.is_file()) == before
